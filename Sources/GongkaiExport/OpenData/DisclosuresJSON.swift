import Foundation
import GongkaiCore
import GongkaiStore

/// `gongkai export json`: everything disclosed, project by project, in a plain JSON documented in README.md
/// ("The disclosures JSON"). Projects stream into the file one at a time.
public struct DisclosuresJSON: Sendable {
  public let checker: Checker
  public let asOf: CivilDate
  public let calendarVersion: String
  public let organisation: String?

  public init(checker: Checker, asOf: CivilDate, calendarVersion: String, organisation: String?) {
    self.checker = checker
    self.asOf = asOf
    self.calendarVersion = calendarVersion
    self.organisation = organisation
  }

  struct ProjectEntry: Encodable {
    let code: String
    /// The codes `project recode` corrected away, in the order corrected; left out where there are none. A consumer
    /// that keyed the project by an earlier copy's code finds it by them.
    let formerCodes: [String]?
    let name: String
    let legalPerson: String?
    let location: String?
    let totalInvestment: String?
    let responsibleUnit: String
    let disclosures: [DisclosureEntry]
  }

  struct DisclosureEntry: Encodable {
    let indexNumber: String
    let milestoneId: Int64
    let kind: String
    let kindName: String
    let category: String
    let categoryName: String
    let formedOn: CivilDate
    /// The day formed as first recorded, where an amendment moved it (`amend --date`), as the audit CSV's
    /// 原信息形成日期: the deadline and status count from ``formedOn``; left out otherwise.
    let originalFormedOn: CivilDate?
    /// The status judged from ``originalFormedOn`` on the same publications, as the audit CSV's 按原形成日期的状态: an
    /// item late as first recorded and on time as amended is the correction an evaluator checks first.
    let statusByOriginalFormedOn: String?
    let reference: String?
    let summary: String?
    let responsibleUnit: String
    let publishedOn: CivilDate
    let channel: String
    let url: String?
    let until: CivilDate?
    let deadline: CivilDate?
    /// The milestone's status, as ``deadline``, ``workingDaysLate``, ``provisional`` and ``statusProvisional`` are: the same on each of its
    /// publications.
    let status: String
    /// Working days the judged publication came after the deadline; also for a `too-short` one, whose status names
    /// only that failure.
    let workingDaysLate: Int?
    /// Whether this is the publication the milestone was judged by: one of its rows, so that counting the rows with
    /// it counts milestones, and a publication on time beside a later one judged late is told from it.
    let judged: Bool
    /// The deadline or the status rests on a year without an official holiday schedule.
    let provisional: Bool
    /// The status itself may still change once a missing holiday schedule is published.
    let statusProvisional: Bool
    /// `S`, `S2` or `M`: how the rule's period is known; the deadline and status of an `M` rule are a judgement.
    let ruleConfidence: String
    /// The earlier milestone whose information this one changes.
    let changes: MilestoneLink?
    /// The later milestones that change this one's information, oldest first: it is no longer in force.
    let changedBy: [MilestoneLink]?
    /// Those of ``changedBy`` that withdrew (撤回) its publication: `summary` and `url` are then left out, as an
    /// open-data copy must not republish what the law had withdrawn; the withdrawal's own entry says why.
    let withdrawnBy: [MilestoneLink]?
  }

  /// The other side of a change, named by the fields a disclosure names its own milestone with.
  struct MilestoneLink: Encodable {
    let milestoneId: Int64
    let kind: String
    let kindName: String
    let formedOn: CivilDate
    let reference: String?

    init(_ stored: StoredMilestone, relations: ChangeRelations) {
      milestoneId = stored.milestone.id
      kind = stored.milestone.kind
      kindName = relations.kindName(of: stored)
      formedOn = stored.milestone.formedOn
      reference = stored.reference
    }
  }

  /// Writes the JSON to `path` (atomically), stating `changeLogHead`; puts it in place once the head is confirmed.
  /// The result counts the disclosures.
  public func write(store: any Store, filter: MilestoneFilter, changeLogHead: StatedHead, to path: String) async throws -> ExportResult {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
    let file = try AtomicFileWriter(path: path)
    try file.write("{\n\"asOf\": \(try json(asOf)),\n\"profile\": \(try json(checker.catalogue.profile)),\n\"rulesVersion\": \(try json(checker.catalogue.version)),\n"
      + "\"calendarVersion\": \(try json(calendarVersion)),\n\"changeLogHead\": \(try json(changeLogHead.hash)),\n\"changeLogHeadVerified\": \(changeLogHead.isVerified),\n"
      + "\"projects\": [\n")
    let recodes = LoggedRecode.byCurrentCode(try await store.codeCorrections())
    let sink = ProjectJSONSink(file: file, encoder: encoder, recodes: recodes) { [self] rows, recodes, result in
      try entry(of: rows, recodes: recodes, noting: &result)
    }
    let written = try await WriteBehind.run(sink, batchSize: 16) { send in
      try await store.forEachProject(matching: filter) { try send(ProjectRows(project: $0, milestones: $1)) }
    }
    try written.file.write("\n]\n}\n")
    try await changeLogHead.confirmed()
    try written.file.commit()
    return written.result
  }

  /// The project's entry: its publications judged; `recodes`, its codes corrected away, if any. `result` counts the
  /// publications and learns the unscheduled years they rest on.
  func entry(of rows: ProjectRows, recodes: [LoggedRecode]?, noting result: inout ExportResult) throws -> ProjectEntry {
    let (project, milestones) = (rows.project, rows.milestones)
    var entries: [DisclosureEntry] = []
    let relations = ChangeRelations(milestones, asOf: asOf, catalogue: checker.catalogue)
    for stored in milestones {
      guard let finding = try checker.judge(stored.milestone, asOf: asOf) else { continue }
      let unscheduled = checker.calendar.unscheduledYears(of: finding, stating: .late)
      let written = entries.count
      let changes = relations.changes(stored).map { MilestoneLink($0, relations: relations) }
      let changedBy = relations.changedBy(stored).map { MilestoneLink($0, relations: relations) }
      let withdrawnBy = relations.withdrawals(of: stored).map { MilestoneLink($0, relations: relations) }
      let withdrawn = !withdrawnBy.isEmpty
      let statusByOriginalDay = checker.findingFromOriginalDay(of: stored, asOf: asOf)?.publicStatus.rawValue
      for (disclosure, serial) in zip(stored.milestone.disclosures, stored.recordedDisclosures.map(\.serial)) where disclosure.publishedOn <= asOf {
        let rule = finding.rule
        entries.append(DisclosureEntry(
          indexNumber: serial.indexNumber(organisation: organisation ?? String(project.code.division)),
          milestoneId: stored.milestone.id, kind: rule.code, kindName: rule.name.chinese, category: rule.category.rawValue,
          categoryName: rule.category.chineseName, formedOn: stored.milestone.formedOn,
          originalFormedOn: stored.formedOnAsFirstRecorded, statusByOriginalFormedOn: statusByOriginalDay, reference: stored.reference,
          summary: withdrawn ? nil : stored.summary, responsibleUnit: finding.responsibleUnit, publishedOn: disclosure.publishedOn,
          channel: disclosure.channel, url: withdrawn ? nil : disclosure.url.map(URIText.encoding), until: disclosure.until,
          deadline: finding.deadline?.date, status: finding.publicStatus.rawValue, workingDaysLate: finding.workingDaysLate,
          judged: disclosure == finding.disclosure, provisional: finding.isProvisional(stating: .late),
          statusProvisional: finding.publicStatusIsProvisional, ruleConfidence: finding.confidence(judging: finding.publicStatus).rawValue, changes: changes, changedBy: changedBy.isEmpty ? nil : changedBy,
          withdrawnBy: withdrawn ? withdrawnBy : nil))
      }
      if entries.count > written { result.unscheduledYears.formUnion(unscheduled) }
    }
    let entry = ProjectEntry(
      code: project.code.rawValue, formerCodes: recodes.map { LoggedRecode.formerCodes($0).map(\.rawValue) }, name: project.name, legalPerson: project.legalPerson, location: project.location,
      totalInvestment: project.totalInvestment, responsibleUnit: project.responsibleUnit, disclosures: entries)
    result.records += entries.count
    return entry
  }
}
