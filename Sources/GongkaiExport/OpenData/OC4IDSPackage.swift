import Foundation
import GongkaiCore
import GongkaiStore

/// Open data in the Open Contracting for Infrastructure Data Standard (OC4IDS) 0.9: a project package with each
/// project's parties, budget, status, documents (every publication, with `datePublished`) and each disclosure
/// obligation as a `reporting` milestone (`dueDate` the legal deadline, `dateMet` the day it was published).
///
/// Projects stream from the store into the file one at a time.
public struct OC4IDSExport: Sendable {
  public let checker: Checker
  public let asOf: CivilDate
  /// The package's identifier, where its persistent copy is published.
  public let uri: String
  public let publisher: String
  public let organisation: String?
  /// The publisher's registered OC4IDS project-ID prefix, `oc4ids-` and six letters or digits.
  public let prefix: String
  /// The links an open-data portal asks of a package before taking it: the license its data is under and the
  /// publisher's data user guide; left out when not given, as only the publisher can say what they are.
  public let license: String?
  public let publicationPolicy: String?

  public init(
    checker: Checker, asOf: CivilDate, uri: String, publisher: String, organisation: String?, prefix: String,
    license: String? = nil, publicationPolicy: String? = nil
  ) throws {
    guard Self.isRegisteredPrefix(prefix) else { throw ExportError.invalid(Self.prefixProblem(prefix)) }
    self.checker = checker
    self.asOf = asOf
    self.uri = uri
    self.publisher = publisher
    self.organisation = organisation
    self.prefix = prefix
    self.license = license
    self.publicationPolicy = publicationPolicy
  }

  /// Whether `prefix` has the form OC4IDS registers: `oc4ids-` and six lowercase letters or digits.
  public static func isRegisteredPrefix(_ prefix: String) -> Bool { prefix.wholeMatch(of: /oc4ids-[a-z0-9]{6}/) != nil }

  public static func prefixProblem(_ prefix: String) -> String {
    "OC4IDS prefix '\(prefix)' is malformed; use 'oc4ids-' and six lowercase letters or digits, as registered for the publisher"
  }

  /// Writes the package to `path` (atomically), in place once `state` is confirmed (the package does not state the
  /// head); the result counts the projects.
  public func write(store: any Store, filter: MilestoneFilter, state: StatedHead, to path: String) async throws -> ExportResult {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let file = try AtomicFileWriter(path: path)
    func json(_ value: some Encodable) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
    let links = try [("license", license), ("publicationPolicy", publicationPolicy)].compactMap { key, link in
      try link.map { "\"\(key)\": \(try json(URIText.encoding($0))),\n" }
    }.joined()
    try file.write("{\n\"version\": \"0.9\",\n\"uri\": \(try json(URIText.encoding(uri))),\n"
      + "\"publishedDate\": \(try json(Self.instant(asOf))),\n" + links
      + "\"publisher\": \(try json(["name": publisher])),\n\"projects\": [\n")
    let recodes = LoggedRecode.byCurrentCode(try await store.codeCorrections())
    let sink = ProjectJSONSink(file: file, encoder: encoder, recodes: recodes) { [self] rows, recodes, result in
      let record = try projectRecord(rows.project, rows.milestones, formerCodes: LoggedRecode.formerCodes(recodes ?? []), noting: &result)
      result.records += 1
      return record
    }
    let written = try await WriteBehind.run(sink, batchSize: 16) { send in
      try await store.forEachProject(matching: filter) { try send(ProjectRows(project: $0, milestones: $1)) }
    }
    guard written.result.records > 0 else {
      written.file.discard()
      throw ExportError.invalid("no projects to export; OC4IDS needs at least one")
    }
    try written.file.write("\n]\n}\n")
    try await state.confirmed()
    try written.file.commit()
    return written.result
  }

  /// The project as the standard has it; `result` learns the unscheduled years its milestones rest on. Its project
  /// codes corrected away (`formerCodes`) are identifiers of it too: a consumer that merged an earlier package under
  /// one finds the project again, where its `id`, made from its code, changed with the correction.
  func projectRecord(_ project: Project, _ milestones: [StoredMilestone], formerCodes: [ProjectCode] = [],
                     noting result: inout ExportResult) throws -> OC4IDSProject {
    let organisationCode = organisation ?? String(project.code.division)
    var findings: [(Finding, StoredMilestone)] = []
    for stored in milestones {
      if let finding = try checker.judge(stored.milestone, asOf: asOf) {
        findings.append((finding, stored))
        result.note(finding, calendar: checker.calendar, stating: .all)
      }
    }
    let relations = ChangeRelations(milestones, asOf: asOf, catalogue: checker.catalogue)
    var parties = PartyList()
    let authority = parties.add(project.responsibleUnit, role: "publicAuthority")
    if let legalPerson = project.legalPerson { _ = parties.add(legalPerson, role: "buyer") }
    // A unit that publishes some of the project's items (an approving department, the audit office) has no role in
    // the codelist, which is open: `reviewBody` would say it reviews a procurement.
    for (finding, _) in findings where finding.responsibleUnit != project.responsibleUnit {
      _ = parties.add(finding.responsibleUnit, role: "disclosingEntity")
    }
    // A document whose publication a later one withdrew (撤回) keeps its place, described by its withdrawal and the
    // reason instead of its summary and without the address of the withdrawn content.
    let documents = findings.flatMap { finding, stored in
      let withdrawn = !relations.withdrawals(of: stored).isEmpty
      return zip(stored.milestone.disclosures, stored.recordedDisclosures.map(\.serial)).filter { $0.0.publishedOn <= asOf }.map { disclosure, serial in
        OC4IDSProject.Document(
          id: serial.indexNumber(organisation: organisationCode), documentType: Self.documentType(finding.rule),
          title: finding.rule.name.chinese,
          description: Self.described(reference: stored.reference,
                                      withdrawn ? relations.chineseWithdrawal(of: stored) : stored.summary),
          url: withdrawn ? nil : disclosure.url.map(URIText.encoding),
          datePublished: Self.instant(disclosure.publishedOn),
          accessDetails: "公开渠道：\(disclosure.channel)", author: finding.responsibleUnit, language: "zh")
      }
    }
    return OC4IDSProject(
      id: "\(prefix)-\(project.code.rawValue)", updated: Self.instant(asOf), language: "zh",
      identifiers: ([project.code] + formerCodes).map { .init(scheme: "CN-XMDM", id: $0.rawValue) },
      title: project.name,
      status: Self.status(findings.map(\.0)), publicAuthority: .init(id: authority, name: project.responsibleUnit),
      parties: parties.parties,
      budget: project.totalInvestment.flatMap { Decimal(string: $0) }.map { .init(amount: .init(amount: $0 * 10_000, currency: "CNY")) },
      locations: project.location.map { [.init(id: "1", description: $0)] },
      documents: documents.isEmpty ? nil : documents,
      // A milestone is numbered as the register and the audit CSV number it, and names the document it was judged by
      // (its id, the publication's 索引号), which the standard's milestone cannot link otherwise.
      milestones: findings.isEmpty ? nil : findings.map { finding, stored in
        OC4IDSProject.MilestoneRecord(
          id: "milestone-\(finding.milestone.id)", title: finding.rule.name.chinese, type: "reporting", code: finding.rule.code,
          description: "信息形成于 \(finding.milestone.formedOn)"
            + (stored.formedOnAsFirstRecorded.map { day in
              "（经更正，原登记为 \(day)"
                + (checker.findingFromOriginalDay(of: stored, asOf: asOf).map { "，按原登记日期为\($0.chinesePublicStatusName)" } ?? "") + "）"
            } ?? "")
            + "；法律依据：\(finding.rule.basis)；\(finding.chineseStanding)"
            + finding.chineseProvisionalMark + finding.chineseUnverifiedMark
            + (finding.disclosure.flatMap(stored.recorded).map {
              "；所认定公开：索引号 \($0.serial.indexNumber(organisation: organisationCode))"
            } ?? "")
            + (finding.deadline?.isProvisional == true ? "；法定公开截止日为暂定" : "")
            + (finding.chineseProvisionalMark.isEmpty && finding.deadline?.isProvisional != true ? "" : "；暂定之处涉及尚无国务院节假日安排的年份，安排公布后可能变化")
            + (relations.changes(stored).map {
              (relations.withdrawsWhatItChanges(stored) ? "；所撤回信息：" : "；所变更信息：") + relations.chineseDescription(of: $0)
            } ?? "")
            + (relations.chineseValidity(of: stored).map { "；有效性：" + $0 } ?? ""),
          dueDate: finding.deadline.map { Self.instant($0.date) }, dateMet: finding.disclosure.map { Self.instant($0.publishedOn) },
          dateModified: Self.instant(asOf), status: Self.milestoneStatus(finding.publicStatus))
      })
  }

  /// A civil date as the standard's date-time: the start of the day in China Standard Time.
  static func instant(_ date: CivilDate) -> String { "\(date)T00:00:00+08:00" }

  static func milestoneStatus(_ status: FindingStatus) -> String {
    switch status {
    case .onTime, .late: "met"
    case .tooShort: "partiallyMet"
    case .overdue: "notMet"
    case .due: "scheduled"
    }
  }

  /// The project's phase, read from what has been formed: completion acceptance, a construction permit or
  /// construction information, tendering, else preparation.
  static func status(_ findings: [Finding]) -> String {
    let kinds = Set(findings.map(\.rule.code))
    let categories = Set(findings.map(\.rule.category))
    if categories.contains(.completion) { return "completion" }
    if kinds.contains("approval-result.construction-permit") || categories.contains(.construction)
      || categories.contains(.qualitySafety) || categories.contains(.bidding)
    {
      return "implementation"
    }
    return categories.isEmpty ? "identification" : "preparation"
  }

  /// The 文号 a document is cited by, then its summary: `文号：杨发改投〔2023〕21号；同意…`; `nil` with neither.
  static func described(reference: String?, _ summary: String?) -> String? {
    let parts = [reference.map { "文号：\($0)" }, summary].compactMap(\.self)
    return parts.isEmpty ? nil : parts.joined(separator: "；")
  }

  /// The code of OC4IDS's documentType codelist that says what the kind's publication is, for open-data users who
  /// select documents by it; a kind without one of its own takes its category's.
  static func documentType(_ rule: DisclosureRule) -> String {
    let byKind = [
      "approval-result.feasibility-study": "feasibilityStudy", "approval-result.preliminary-design": "budgetApproval",
      "approval-result.eia-approval": "environmentalImpact", "approval-result.eia-draft-comment": "environmentalImpact",
      "approval-result.eia-acceptance-notice": "environmentalImpact", "approval-result.eia-proposed-approval": "environmentalImpact",
      "approval-result.eia-first-notice": "environmentalImpact", "approval-result.eia-submission-notice": "environmentalImpact",
      "bidding.tender-notice": "tenderNotice", "bidding.clarification": "clarifications", "bidding.termination": "cancellationDetails",
      "bidding.candidates": "evaluationReports", "bidding.result": "awardNotice", "bidding.contract": "contractSigned",
      "bidding.procurement-result": "awardNotice", "bidding.procurement-contract": "contractSigned",
      // A penalty for tendering violations bars bidders (取消投标资格, 禁止参加投标) or fines them: debarments is the
      // codelist's nearest; bidding documents, the category's, it is not.
      "bidding.penalty": "debarments",
      "land-acquisition.house-plan-consultation": "resettlementPlan", "completion.handover-audit": "financialAuditReport",
      // The developer's report on the environmental measures built, not a completion certificate an authority issues.
      "completion.environmental-acceptance": "environmentalMeasures",
    ]
    if let type = byKind[rule.code] { return type }
    return switch rule.category {
    case .approvalService: "serviceDescription"
    case .approvalResult: "projectPlan"
    case .bidding: "biddingDocuments"
    case .landAcquisition: "landAndSettlementImpact"
    case .designChange: "designReport"
    case .construction: "physicalProgressReport"
    case .qualitySafety: "qualityAssuranceReport"
    case .completion: "completionCertificate"
    }
  }
}

/// The parties of a project, one entry per organisation name, its roles merged.
struct PartyList {
  private(set) var parties: [OC4IDSProject.Party] = []

  /// Adds the role to the organisation and returns its id.
  mutating func add(_ name: String, role: String) -> String {
    if let index = parties.firstIndex(where: { $0.name == name }) {
      if !parties[index].roles.contains(role) { parties[index].roles.append(role) }
      return parties[index].id
    }
    let id = "party-\(parties.count + 1)"
    parties.append(.init(id: id, name: name, roles: [role]))
    return id
  }
}

/// One project in OC4IDS form; absent values are left out of the JSON.
struct OC4IDSProject: Encodable {
  struct Identifier: Encodable { let scheme: String; let id: String }
  struct Reference: Encodable { let id: String; let name: String }
  struct Party: Encodable { let id: String; let name: String; var roles: [String] }
  struct Value: Encodable { let amount: Decimal; let currency: String }
  struct Budget: Encodable { let amount: Value }
  struct Location: Encodable { let id: String; let description: String }
  struct Document: Encodable {
    let id: String
    let documentType: String
    let title: String
    let description: String?
    let url: String?
    let datePublished: String
    /// Where it was published (公开渠道), the only way to it when no address was recorded.
    let accessDetails: String
    /// The unit that published it.
    let author: String
    let language: String
  }
  struct MilestoneRecord: Encodable {
    let id: String
    let title: String
    let type: String
    let code: String
    let description: String
    let dueDate: String?
    let dateMet: String?
    let dateModified: String
    let status: String
  }

  let id: String
  let updated: String
  let language: String
  let identifiers: [Identifier]
  let title: String
  let status: String
  let publicAuthority: Reference
  let parties: [Party]
  let budget: Budget?
  let locations: [Location]?
  let documents: [Document]?
  let milestones: [MilestoneRecord]?
}
