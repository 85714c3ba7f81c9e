import GongkaiCore
import GongkaiStore

/// Which of a project's milestones change one another, as of a day. A milestone that a later one changes (a
/// penalty decision changed on review, a planning permit changed by a design change) is no longer in force, so
/// every public output marks it and names the change: a reader must never take changed information as current.
/// A change whose rule withdraws the earlier kind (``DisclosureRule/withdraws``: the 撤回 of a penalty decision
/// changed or revoked, 《行政处罚法》第四十八条第二款) goes further: the public outputs no longer show the withdrawn
/// information's content, only that, when, by which notice and why it was withdrawn, which is what the
/// withdrawal notice itself tells the public.
///
/// Built from one project's milestones as the store hands them over (``Store/forEachProject(matching:_:)``):
/// a milestone only changes one of its own project, so memory holds one project at a time.
struct ChangeRelations {
  private let byID: [Int64: StoredMilestone]
  private let changers: [Int64: [StoredMilestone]]
  private let catalogue: RuleCatalogue
  private let asOf: CivilDate

  /// Relations among `milestones` (not withdrawn). A change counts once it is formed and public by `asOf`: a notice
  /// must not name a document its unit has not yet published, nor one published ahead of the day it announces
  /// (``GongkaiCore/Period/byTriggerDay``) before that day, when the page does not show it yet. Most projects change
  /// nothing, and cost no dictionary.
  init(_ milestones: [StoredMilestone], asOf: CivilDate, catalogue: RuleCatalogue) {
    self.catalogue = catalogue
    self.asOf = asOf
    let published = milestones.filter { stored in
      stored.milestone.changes != nil && stored.milestone.formedOn <= asOf && stored.milestone.disclosures.contains { $0.publishedOn <= asOf }
    }
    guard !published.isEmpty else {
      (byID, changers) = ([:], [:])
      return
    }
    let targets = Set(published.compactMap(\.milestone.changes))
    byID = Dictionary(milestones.filter { targets.contains($0.milestone.id) }.map { ($0.milestone.id, $0) }) { first, _ in first }
    changers = Dictionary(grouping: published) { $0.milestone.changes! }
  }

  /// The milestone `stored` changes, unless it was withdrawn.
  func changes(_ stored: StoredMilestone) -> StoredMilestone? { stored.milestone.changes.flatMap { byID[$0] } }

  /// The milestones that change `stored`, oldest first: it is no longer in force when there is any.
  func changedBy(_ stored: StoredMilestone) -> [StoredMilestone] { changers[stored.milestone.id] ?? [] }

  /// When the latest change of `stored` went public, by the as-of day; `nil` while it is in force. A feed dates a
  /// changed item's entry so, which is what brings the change to its subscribers: as ``FeedInstant/of(publishedOn:recordedAt:asOf:)``
  /// dates a publication, by the instant it was recorded when that was within a month of the day it went public (so
  /// that a change published the day the item was, or corrected, still moves the entry on), else by the start of that
  /// day (a backfill keeps its day).
  ///
  /// A change's publication recorded after the item's was may reach readers that hold the item already: it dates the
  /// entry no earlier than the instant it was recorded, or they would keep the item as in force (recorded together, as
  /// a history imported at once is, both keep their days).
  func changedAt(_ stored: StoredMilestone) -> String? {
    let itemRecordedAt = stored.firstPublication(by: asOf).map { stored.recordedDisclosures[$0].recordedAt }
    return changedBy(stored).compactMap { change in
      change.firstPublication(by: asOf).map { first in
        let recordedAt = change.recordedDisclosures[first].recordedAt
        let published = FeedInstant.of(publishedOn: change.milestone.disclosures[first].publishedOn, recordedAt: recordedAt, asOf: asOf)
        guard let itemRecordedAt, itemRecordedAt < recordedAt else { return published }
        return max(published, min(recordedAt, FeedInstant.endOf(asOf)))
      }
    }.max()
  }

  /// The first publication of a change by the as-of day (a change counts only once public, so there is one).
  private func publishedOn(_ change: StoredMilestone) -> CivilDate? {
    change.milestone.disclosures.map(\.publishedOn).filter { $0 <= asOf }.min()
  }

  /// Whether `change`, changing `target`, withdraws the publication of `target`'s information, as its rule says.
  private func withdraws(_ change: StoredMilestone, _ target: StoredMilestone) -> Bool {
    catalogue.rule(for: change.milestone.kind)?.isWithdrawal(of: target.milestone.kind) ?? false
  }

  /// The changes that withdrew `stored`'s publication, oldest first: public outputs leave its content out when
  /// there is any, and say instead when, by which notice and why it was withdrawn.
  func withdrawals(of stored: StoredMilestone) -> [StoredMilestone] { changedBy(stored).filter { withdraws($0, stored) } }

  /// Whether `stored` withdraws the information it changes (a withdrawal notice names what it withdraws as such).
  func withdrawsWhatItChanges(_ stored: StoredMilestone) -> Bool { changes(stored).map { withdraws(stored, $0) } ?? false }

  /// What an open-data document says in place of a withdrawn item's summary: its validity and the reason.
  func chineseWithdrawal(of stored: StoredMilestone) -> String? {
    guard let validity = chineseValidity(of: stored) else { return nil }
    return validity + (chineseWithdrawalReason(of: stored).map { "；撤回理由：" + $0 } ?? "")
  }

  /// Why `stored` was withdrawn: the summaries of the withdrawal notices, on one line; `nil` unless one gives it.
  func chineseWithdrawalReason(of stored: StoredMilestone) -> String? {
    let reasons = withdrawals(of: stored).compactMap(\.summary)
    return reasons.isEmpty ? nil : reasons.joined(separator: "；").split(whereSeparator: \.isNewline).joined(separator: " ")
  }

  /// How a notice names the other side of a change, e.g. `“质量安全行政处罚决定”（形成 2026-09-22，文号 杨建罚〔2026〕12-1号）`:
  /// the item's name quoted as the heading it is on the page, as a long one (已公开的行政处罚决定被变更、撤销…后撤回并公开说明
  /// 理由) runs into the sentence after 见 otherwise.
  func chineseDescription(of stored: StoredMilestone) -> String {
    "“\(kindName(of: stored))”（形成 \(stored.milestone.formedOn)" + (stored.reference.map { "，文号 \($0)" } ?? "") + "）"
  }

  /// The Chinese name of the milestone's item kind (the checker refuses a kind the catalogue does not hold).
  func kindName(of stored: StoredMilestone) -> String {
    catalogue.rule(for: stored.milestone.kind)?.name.chinese ?? stored.milestone.kind
  }

  /// The mark its heading and its timeline row carry: 已撤回 once a withdrawal in force names it, else 已变更 once a
  /// change does; `nil` while it is in force.
  func chineseValidityMark(of stored: StoredMilestone) -> String? {
    !withdrawals(of: stored).isEmpty ? "已撤回" : changedBy(stored).isEmpty ? nil : "已变更"
  }

  /// `已变更，见…` for a changed milestone, naming each change; `已于 D 撤回，见…` first for a withdrawn one, dated by
  /// the withdrawal's publication; `nil` while it is in force.
  func chineseValidity(of stored: StoredMilestone) -> String? {
    let later = changedBy(stored)
    guard !later.isEmpty else { return nil }
    let withdrawals = later.filter { withdraws($0, stored) }
    let changes = later.filter { !withdraws($0, stored) }
    var parts: [String] = []
    if let first = withdrawals.first, let day = publishedOn(first) {
      parts.append("已于 \(day) 撤回，见" + withdrawals.map(chineseDescription).joined(separator: "、"))
    }
    if !changes.isEmpty { parts.append("已变更，见" + changes.map(chineseDescription).joined(separator: "、")) }
    return parts.joined(separator: "；")
  }
}
