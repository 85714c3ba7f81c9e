import GongkaiCore
import GongkaiStore

/// Which of a project's milestones change one another, as of a day. A milestone that a later one changes (a
/// penalty decision changed on review, a planning permit changed by a design change) is no longer in force, so
/// every public output marks it and names the change: a reader must never take changed information as current,
/// and 《行政处罚法》第四十八条 requires a changed decision's information to be withdrawn with the reason stated.
///
/// Built from one project's milestones as the store hands them over (``Store/forEachProject(matching:_:)``):
/// a milestone only changes one of its own project, so memory holds one project at a time.
struct ChangeRelations {
  private let byID: [Int64: StoredMilestone]
  private let changers: [Int64: [StoredMilestone]]
  private let catalogue: RuleCatalogue
  private let asOf: CivilDate

  /// Relations among `milestones` (not withdrawn). A change counts once it is public by `asOf`: a notice must not
  /// name a document its unit has not yet published. Most projects change nothing, and cost no dictionary.
  init(_ milestones: [StoredMilestone], asOf: CivilDate, catalogue: RuleCatalogue) {
    self.catalogue = catalogue
    self.asOf = asOf
    let published = milestones.filter { stored in
      stored.milestone.changes != nil && stored.milestone.disclosures.contains { $0.publishedOn <= asOf }
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

  /// The day the latest change of `stored` went public, by the as-of day; `nil` while it is in force. A feed
  /// dates a changed item's entry so, which is what brings the change to its subscribers.
  func changedOn(_ stored: StoredMilestone) -> CivilDate? {
    changedBy(stored).compactMap { change in change.milestone.disclosures.map(\.publishedOn).filter { $0 <= asOf }.min() }.max()
  }

  /// How a notice names the other side of a change, e.g. `质量安全行政处罚决定（形成 2026-09-22，文号 杨建罚〔2026〕12-1号）`.
  func chineseDescription(of stored: StoredMilestone) -> String {
    "\(kindName(of: stored))（形成 \(stored.milestone.formedOn)" + (stored.reference.map { "，文号 \($0)" } ?? "") + "）"
  }

  /// The Chinese name of the milestone's item kind (the checker refuses a kind the catalogue does not hold).
  func kindName(of stored: StoredMilestone) -> String {
    catalogue.rule(for: stored.milestone.kind)?.name.chinese ?? stored.milestone.kind
  }

  /// `已变更，见…` for a changed milestone, naming each change; `nil` while it is in force.
  func chineseValidity(of stored: StoredMilestone) -> String? {
    let later = changedBy(stored)
    return later.isEmpty ? nil : "已变更，见" + later.map(chineseDescription).joined(separator: "、")
  }
}
