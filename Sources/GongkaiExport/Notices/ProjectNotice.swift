import GongkaiCore
import GongkaiStore

/// What a project's public notice shows, gathered from the register and judged as of a day: the project's
/// basic information, then its disclosed items in the eight statutory categories.
///
/// Templates read the properties by name; every text from the register is escaped by the template engine.
struct ProjectNotice: Sendable {
  struct Item: Sendable {
    let kindCode: String
    let kindName: String
    /// 索引号: `<organisation>-<YYYY>-<NNNNN>`, permanent.
    let indexNumber: String
    /// 发布机构.
    let publisher: String
    /// 生成日期: the day the information was formed, with its event named for an item due by it (``formedOn(_:)``).
    let formedOn: String
    /// 文号.
    let reference: String?
    let summary: String?
    let publishedOn: String
    let channel: String
    let url: String?
    /// The 索引号 of the publication the page presents (公开日期, 公开渠道), when it is not the item's own: a 公示 put up
    /// again after one taken down too early, which the check judges.
    let channelIndexNumber: String?
    /// Further channels the same information was published on (亦发布于), each with its day, 索引号 and address;
    /// `nil` when there are none.
    let alsoPublished: FurtherChannels?
    /// For 公示 items: the publication period from and to, with its legal basis.
    let publicationPeriod: String?
    /// Said of an item whose rule holds its period from a source not verified (confidence M): its deadline, and so
    /// its status, is the tracker's judgement, which the page must not present as settled law.
    let periodNote: String?
    /// 有效性 of information a later milestone changed: `已变更，见…` naming each change, `已于 D 撤回，见…` when one
    /// withdrew it; `nil` while in force.
    let validity: String?
    /// Whether a later milestone withdrew (撤回) this item's publication: the item then keeps what identifies it
    /// (索引号, 文号, dates, channels) and the withdrawal, but neither its summary nor the address of its content.
    let withdrawn: Bool
    /// The heading's mark: 已撤回 or 已变更; `nil` while in force.
    let validityMark: String?
    /// 撤回理由: the withdrawal notice's summary, for a withdrawn item.
    let withdrawalReason: String?
    /// The earlier information this item changes, e.g. `质量安全行政处罚决定（形成 2026-07-08，文号 杨建罚〔2026〕12号）`.
    let changes: String?
    /// The earlier information this item withdraws (所撤回信息), named the same way; such an item has no ``changes``.
    let withdraws: String?
    /// 更正: when the register last corrected what the item was recorded with (`gongkai amend`), and the day formed as
    /// first recorded where a correction moved it, which moves the deadline the item is judged by: a reader who saw
    /// the item before sees it was corrected, not silently different. `nil` for an item never corrected.
    let correction: String?
    /// The feed entry's `updated` instant: the publication's (``FeedInstant/of(publishedOn:recordedAt:asOf:)``), or
    /// later: a change of the item's going public, or the instant the register corrected what the entry shows
    /// (``Corrections``). It never goes back when a change is taken back.
    let updated: String

    /// The summary's lines, each break written out: a `<br>` in HTML (which a portal's own stylesheet, or none, keeps),
    /// a hard break in Markdown, an indented line in plain text.
    var summaryLines: [String]? {
      summary.map { $0.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init) }
    }
  }

  struct Section: Sendable {
    /// The category's code (`bidding`), which a feed entry is filed under beside its kind.
    let code: String
    let position: Int
    let ordinal: String
    let name: String
    let items: [Item]
  }

  let code: String
  let name: String
  let legalPerson: String?
  let location: String?
  let investment: String?
  let responsibleUnit: String
  let sections: [Section]
  let disclosedCount: Int
  /// Counts of findings by the status named on the page (``FindingStatus/chineseNamesCounted``), for the index page.
  let statusCounts: [String: Int]
  /// Of those, the findings whose status may change once a missing holiday schedule is published: the index page
  /// must not state them as settled where the project's page marks them 暂定.
  let provisionalStatusCount: Int
  /// The years without an official holiday schedule those statuses rest on.
  let provisionalStatusYears: Set<Int>
  /// The chart of the project's items; `nil` for a project with none yet, whose page says so instead of drawing an
  /// empty chart.
  let timeline: Timeline?
  let asOf: String
  /// The years without an official holiday schedule that the page's deadlines and counts rest on.
  let unscheduledYears: Set<Int>
  /// Says why statuses are marked 暂定, when any is.
  let provisionalNote: String?
  /// The feed entries that no longer exist: what they showed was withdrawn as recorded by mistake after going public
  /// (an item, which its page no longer shows), or the item's entry took another 索引号 (its earliest publication
  /// withdrawn, one dated earlier recorded or reinstated, the division of the project's code corrected). The feed tells
  /// its readers to drop them (RFC 6721), or cached copies would keep the mistake, or show the item twice, for good.
  let retracted: [Retraction]

  /// A feed entry that no longer exists: the 索引号 it had, when it went, and why, as the public reads it.
  struct Retraction: Sendable {
    let indexNumber: String
    /// The instant the entry went (a withdrawal, a reinstatement, a publication recorded, a code corrected), no later
    /// than the end of the as-of day.
    let when: String
    let comment: String
    let cause: Cause

    /// Why an entry went: the feed keeps the latest of each apart, so that a code's correction, which renumbers every
    /// entry of its project at once, does not crowd out the withdrawals of mistaken records.
    enum Cause: Sendable, CaseIterable {
      /// A record withdrawn as made by mistake, or a publication reinstated or recorded that gives the entry another
      /// 索引号.
      case mistake
      /// A correction of its project's code into another division.
      case renumbering
    }
  }

  /// A division a project's code had before a correction gave it another (`project recode`): while 索引号 take the
  /// project's division, the entries published under it were renumbered at that instant.
  struct FormerDivision: Hashable, Sendable {
    let division: String
    let correctedAt: String

    /// The former divisions of each project, by the code it has now, from every correction of a code: the latest
    /// correction away from each division, which the project does not have now.
    static func byProject(_ recodes: [LoggedRecode]) -> [ProjectCode: [FormerDivision]] {
      var latest: [ProjectCode: [String: String]] = [:]
      for recode in recodes where recode.former.division != recode.current.division {
        latest[recode.current, default: [:]][String(recode.former.division)] = recode.at
      }
      return latest.mapValues { divisions in
        divisions.map { FormerDivision(division: $0.key, correctedAt: $0.value) }.sorted { $0.division < $1.division }
      }
    }
  }

  /// Builds the notice of `project` from its milestones (as the store hands them to the checker). Records withdrawn
  /// as made by mistake (``MilestoneFilter/withdrawn``) are not shown; they only date the corrections they made.
  /// `formerDivisions` are the project's, whose 索引号 take its division (no `organisation` given); `labelChanges`,
  /// when it was last renamed or given another unit (``Store/projectLabelChanges()``), which date its feed entries.
  init(project: Project, milestones: [StoredMilestone], checker: Checker, asOf: CivilDate, organisation: String?,
              formerDivisions: [FormerDivision] = [], labelChanges: ProjectLabelChanges? = nil) throws {
    let organisationCode = organisation ?? String(project.code.division)
    let corrections = Corrections(milestones, labelChanges: labelChanges, asOf: asOf)
    let inForce = milestones.filter { $0.withdrawnReason == nil }
    var findings: [(Finding, StoredMilestone)] = []
    for stored in inForce {
      if let finding = try checker.judge(stored.milestone, asOf: asOf) { findings.append((finding, stored)) }
    }
    let relations = ChangeRelations(inForce, asOf: asOf, catalogue: checker.catalogue)
    var byCategory: [Category: [Item]] = [:]
    for (finding, stored) in findings {
      guard let item = Self.item(finding, stored, organisation: organisationCode, relations: relations, corrections: corrections,
                                       checker: checker)
      else { continue }
      byCategory[finding.rule.category, default: []].append(item)
    }
    code = project.code.rawValue
    name = project.name
    legalPerson = project.legalPerson
    location = project.location
    investment = project.totalInvestment.map { "\($0) 万元" }
    responsibleUnit = project.responsibleUnit
    sections = Category.allCases.map { category in
      Section(code: category.rawValue, position: category.position + 1, ordinal: category.chineseOrdinal, name: category.chineseName,
              items: byCategory[category] ?? [])
    }
    disclosedCount = byCategory.values.reduce(0) { $0 + $1.count }
    statusCounts = Dictionary(grouping: findings, by: { $0.0.chinesePublicStatusName }).mapValues(\.count)
    let provisionalStatuses = findings.map(\.0).filter(\.publicStatusIsProvisional)
    provisionalStatusCount = provisionalStatuses.count
    provisionalStatusYears = provisionalStatuses.reduce(into: Set()) { $0.formUnion(checker.calendar.unscheduledYears(of: $1)) }
    timeline = findings.isEmpty ? nil
      : Timeline(findings: findings.map { finding, stored in
        Timeline.Item(finding: finding, validityMark: relations.chineseValidityMark(of: stored), reference: stored.reference,
                      originalFormedOn: stored.formedOnAsFirstRecorded)
      }, asOf: asOf, projectName: project.name)
    self.asOf = asOf.description
    unscheduledYears = findings.reduce(into: Set()) { $0.formUnion(checker.calendar.unscheduledYears(of: $1.0)) }
    retracted = Self.once(milestones.flatMap { stored in
      // A withdrawal made before a correction of the code into another division went out under the division then.
      Self.retractions(of: stored, organisation: organisationCode, asOf: asOf)
        + formerDivisions.flatMap { former in
          Self.retractions(of: stored, organisation: former.division, asOf: asOf).filter { $0.when <= former.correctedAt }
        }
        + Self.renumbered(stored, from: formerDivisions, to: organisationCode, asOf: asOf)
    })
    provisionalNote = ProvisionalNote.text("标注“暂定”的日期、状态和天数", years: unscheduledYears)
  }

  /// Each 索引号 named once, by its latest retraction.
  private static func once(_ retractions: [Retraction]) -> [Retraction] {
    var position: [String: Int] = [:]
    var kept: [Retraction] = []
    for retraction in retractions {
      if let earlier = position[retraction.indexNumber] {
        if kept[earlier].when < retraction.when { kept[earlier] = retraction }
      } else {
        position[retraction.indexNumber] = kept.count
        kept.append(retraction)
      }
    }
    return kept
  }

  /// The entries of `stored` that the feed no longer has: its own, once it was withdrawn as recorded by mistake, and
  /// every 索引号 it gave up for another publication's (``EntryNumbers``).
  private static func retractions(of stored: StoredMilestone, organisation: String, asOf: CivilDate) -> [Retraction] {
    let latest = FeedInstant.endOf(asOf)
    let first = stored.firstPublication(by: asOf).map { stored.recordedDisclosures[$0].serial }
    var found: [Retraction] = []
    if let reason = stored.withdrawnReason, let withdrawnAt = stored.withdrawnAt, let first {
      found.append(Retraction(indexNumber: first.indexNumber(organisation: organisation), when: min(withdrawnAt, latest),
                              comment: withdrawal(reason), cause: .mistake))
    }
    guard EntryNumbers.mayHaveChanged(stored, asOf: asOf) else { return found }
    let now = first.map { $0.indexNumber(organisation: organisation) } ?? ""
    for givenUp in EntryNumbers(stored, asOf: asOf).givenUp where givenUp.serial != first {
      let comment = switch givenUp.cause {
      case .withdrawn(let reason): withdrawal(reason)
      case .earlierRecorded: "补录了更早的公开，本条信息的索引号改为 \(now)"
      case .earlierReinstated: "撤回有误，本条信息恢复以索引号 \(now) 发布"
      }
      found.append(Retraction(indexNumber: givenUp.serial.indexNumber(organisation: organisation), when: min(givenUp.at, latest),
                              comment: comment, cause: .mistake))
    }
    return found
  }

  /// The public words for a withdrawal's reason; of the milestones a project's withdrawal took, the project's reason
  /// without the register's own mark.
  private static func withdrawal(_ reason: String) -> String {
    if reason.isEmpty { return "登记有误，已撤回" }
    guard reason.hasPrefix(RegisterText.projectWithdrawalMark) else { return "登记有误，已撤回：\(reason)" }
    return "项目登记有误，已撤回：\(reason.dropFirst(RegisterText.projectWithdrawalMark.count))"
  }

  /// The entry `stored` had under each former division of its project's code at the correction, unless the item was
  /// withdrawn before (its deletion went out under that division's 索引号). Renumbered since under the division the
  /// code has now, or withdrawn, as the comment says.
  private static func renumbered(_ stored: StoredMilestone, from divisions: [FormerDivision], to organisation: String,
                                 asOf: CivilDate) -> [Retraction] {
    guard !divisions.isEmpty else { return [] }
    let numbers = EntryNumbers(stored, asOf: asOf)
    let now = stored.firstPublication(by: asOf).map { stored.recordedDisclosures[$0].serial.indexNumber(organisation: organisation) }
    return divisions.compactMap { former in
      if stored.withdrawnReason != nil, let withdrawnAt = stored.withdrawnAt, withdrawnAt < former.correctedAt { return nil }
      guard let holder = numbers.holder(at: former.correctedAt) else { return nil }
      let comment = if let reason = stored.withdrawnReason { withdrawal(reason) }
        else if let now { "项目代码已更正，本条信息的索引号改为 \(now)" }
        else { withdrawal(holder.withdrawal ?? "") }
      return Retraction(indexNumber: holder.serial.indexNumber(organisation: former.division),
                        when: min(former.correctedAt, FeedInstant.endOf(asOf)), comment: comment, cause: .renumbering)
    }
  }

  /// Why the end a shortfall is counted to is later than its days counted from the first: a 3-day 公示 from 09-30
  /// "not long enough" up to 10-02 puzzles a reader until the holiday that moved its last day is named, as the alerts
  /// name it.
  private static func moved(_ finding: Finding, _ checker: Checker) -> String {
    guard let end = finding.minimumEnd, let nominal = (try? checker.explainMinimumPublication(of: finding))??.nominalEnd,
      nominal < end.date else { return "" }
    return "期满日 \(nominal) 逢休息日，顺延；"
  }

  /// What the page says a minimum period stands on: the article that sets it, or, for a period not verified in the
  /// statute's text (a tender notice's 5 days, read from the article on how long its documents are sold), the article
  /// it was taken from, with the doubt the audit CSV's 时限依据核实 states: a public page must not cite an article for
  /// what it does not say.
  private static func chineseGround(of rule: DisclosureRule) -> String {
    (rule.minimumConfidence ?? rule.confidence) == .unverified
      ? "参照\(rule.minimumPublicationBasis)，该期限待核实" : "依据\(rule.minimumPublicationBasis)"
  }

  private static func item(
    _ finding: Finding, _ stored: StoredMilestone, organisation: String, relations: ChangeRelations, corrections: Corrections,
    checker: Checker
  ) -> Item? {
    guard let judged = finding.disclosure, let position = stored.milestone.disclosures.firstIndex(of: judged) else { return nil }
    let rule = finding.rule
    // The item keeps the 索引号 of its earliest publication, which a later one (a 公示 put up again, which the check
    // may judge instead) does not change: a portal's number and a feed entry's id are permanent.
    let earliest = stored.firstPublication(by: finding.asOf) ?? position
    // A withdrawn decision (a penalty revoked) is no longer pointed to: its summary and the addresses of every channel
    // it went out on are left out, the further ones as the first.
    let withdrawn = !relations.withdrawals(of: stored).isEmpty
    // Each publication keeps its own 索引号, which disclosures.json and OC4IDS list: the page names it too, so an
    // evaluator holding one finds it on the portal.
    let others = stored.milestone.disclosures.enumerated()
      .filter { $0.offset != position && $0.element.publishedOn <= finding.asOf }
      .enumerated().map { index, other in
        FurtherChannel(channel: other.element.channel, url: withdrawn ? nil : other.element.url,
                       publishedOn: other.element.publishedOn.description,
                       indexNumber: stored.recordedDisclosures[other.offset].serial.indexNumber(organisation: organisation),
                       isFirst: index == 0)
      }
    let changed = relations.changes(stored).map(relations.chineseDescription)
    let withdraws = relations.withdrawsWhatItChanges(stored)
    var period: String?
    if let minimum = rule.minimumPublication, let end = finding.minimumEnd {
      // The period as it was held. Of a notice whose take-down was not recorded, only its first day is known: the
      // page says so, and gives the end the law requires at least, rather than a range a reader would take for the
      // days it was up. A missing schedule may still move that end, or decide which of several runs is judged, as it
      // may a shortfall counted over its days.
      let name = rule.minimumPublicationName.chinese
      let required = "应保持至 \(end.date)\(end.isProvisional ? "（暂定）" : "")；"
      let held: String
      if let until = finding.publishedUntil {
        let short = finding.isUpShortOfItsMinimum ? "\(rule.minimumPublicationAct)中，\(required)"
          : finding.status == .tooShort ? "\(name)不足\(finding.statusIsProvisional ? "（暂定）" : "")，\(required)\(Self.moved(finding, checker))"
          : ""
        held = "\(judged.publishedOn) 至 \(until)\(finding.judgedRunIsProvisional ? "（暂定）" : "")（\(short)"
      } else {
        held = "\(judged.publishedOn) 起\(finding.judgedRunIsProvisional ? "（暂定）" : "")（撤下日期未登记，\(required)"
      }
      // A tender notice put up ahead of the sale counts from the first day of sale, which the page names.
      let from = finding.minimumStart.flatMap { $0 > judged.publishedOn ? "，自\(rule.trigger.chinese)（\($0)）起算" : nil } ?? ""
      period = "\(name)：\(held)不少于\(minimum.chineseDescription)\(from)，\(Self.chineseGround(of: rule))）"
    }
    return Item(
      kindCode: rule.code, kindName: rule.name.chinese,
      indexNumber: stored.recordedDisclosures[earliest].serial.indexNumber(organisation: organisation),
      publisher: finding.responsibleUnit, formedOn: Self.formedOn(finding), reference: stored.reference,
      summary: withdrawn ? nil : stored.summary, publishedOn: judged.publishedOn.description, channel: judged.channel,
      url: withdrawn ? nil : judged.url,
      channelIndexNumber: earliest == position ? nil : stored.recordedDisclosures[position].serial.indexNumber(organisation: organisation),
      alsoPublished: others.isEmpty ? nil : FurtherChannels(entries: others),
      publicationPeriod: period,
      periodNote: finding.chinesePeriodNote,
      validity: relations.chineseValidity(of: stored), withdrawn: withdrawn, validityMark: relations.chineseValidityMark(of: stored),
      withdrawalReason: relations.chineseWithdrawalReason(of: stored), changes: withdraws ? nil : changed,
      withdraws: withdraws ? changed : nil,
      correction: stored.amendments.map(Self.correction),
      updated: [relations.changedAt(stored), corrections.last(of: stored.milestone.id)].compactMap(\.self)
        .reduce(FeedInstant.of(publishedOn: judged.publishedOn, recordedAt: stored.recordedDisclosures[position].recordedAt,
                               asOf: finding.asOf), max))
  }
}

extension ProjectNotice {
  /// 生成日期 as the page gives it: for an item due by the day of an event (a tender notice by the first day of sale),
  /// with the event named, since it falls after the publication it announces and would read as a date mistyped.
  static func formedOn(_ finding: Finding) -> String {
    let day = finding.milestone.formedOn.description
    return finding.rule.period?.unit == .triggerDay ? "\(day)（\(finding.rule.trigger.chinese)）" : day
  }

  /// The day of the last correction (`2026-12-05`, `2026-12-05（共2次）`), with `；生成日期原登记为 2024-03-30` where the
  /// day formed was corrected.
  static func correction(_ amendments: Amendments) -> String {
    let day = CivilDate(recordedAt: amendments.lastAt).map(String.init(describing:)) ?? amendments.lastAt
    return day + (amendments.count > 1 ? "（共\(amendments.count)次）" : "")
      + (amendments.originalFormedOn.map { "；生成日期原登记为 \($0)" } ?? "")
  }

  /// The further channels of an item, as one value: the page says 亦发布于 once before them.
  struct FurtherChannels: Sendable {
    let entries: [FurtherChannel]
  }

  /// A further channel the item was published on, linked where its address was recorded, as the first one is.
  struct FurtherChannel: Sendable {
    let channel: String
    let url: String?
    let publishedOn: String
    let indexNumber: String
    /// Whether it is named first, without the 、 that parts it from the one before.
    let isFirst: Bool
  }
}
