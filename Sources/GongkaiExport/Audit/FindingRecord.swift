import GongkaiCore
import GongkaiCSV
import GongkaiJSON
import GongkaiStore

/// A finding as programs read it: one flat record with stable field names, the same in JSON and CSV.
///
/// The fields and their meaning are documented in README.md ("The finding record"); they only ever grow.
public struct FindingRecord: Encodable, Sendable {
  public let projectCode: String
  public let projectName: String
  public let milestoneId: Int64
  public let kind: String
  public let kindName: String
  public let category: String
  public let categoryName: String
  public let formedOn: CivilDate
  public let reference: String?
  public let status: String
  public let statusName: String
  public let deadline: CivilDate?
  public let provisional: Bool
  /// The status itself may still change once a missing holiday schedule is published: `provisional` also says so of
  /// a deadline that moves without changing the status.
  public let statusProvisional: Bool
  public let workingDays: Int?
  public let workingDaysLate: Int?
  public let period: String?
  public let disclosedOn: CivilDate?
  public let channel: String?
  public let url: String?
  public let publishedUntil: CivilDate?
  public let minimumEnd: CivilDate?
  public let basis: String
  public let responsibleUnit: String
  public let asOf: CivilDate
  /// `S`, `S2` or `M`: how the rule's period is known (the statute's text, a secondary source, or unverified).
  public let ruleConfidence: String
  /// The readings of the calendar the status or the lateness rests on (`weekend-extension`, `swapped-workdays`,
  /// separated by `;`), which no statute states; `nil` when none. A program tells by it what `ruleConfidence` alone
  /// does not: that a 公示 certainly too short came late only by such a reading.
  public let calendarReadings: String?
  /// For `too-short`, how much too early the 公示 came down, in the unit of its minimum period (`endedEarlyUnit`):
  /// what the text alert and the audit CSV's 公示期提前结束 say. `workingDays` counts the working days short, which for
  /// a minimum of 日 is not the same number (a 3-day 公示 down six days early over 国庆 is one working day short).
  public let endedEarly: Int?
  /// `calendar-days` or `working-days`, with ``endedEarly``.
  public let endedEarlyUnit: String?

  public init(_ finding: Finding, stored: StoredMilestone) {
    let rule = finding.rule
    projectCode = finding.milestone.projectCode
    projectName = stored.projectName
    milestoneId = finding.milestone.id
    kind = rule.code
    kindName = rule.name.chinese
    category = rule.category.rawValue
    categoryName = rule.category.chineseName
    formedOn = finding.milestone.formedOn
    reference = stored.reference
    status = finding.status.rawValue
    statusName = finding.chineseStatusName
    deadline = finding.deadline?.date
    provisional = finding.isProvisional
    statusProvisional = finding.statusIsProvisional
    workingDays = finding.workingDays
    workingDaysLate = finding.workingDaysLate
    period = rule.period(forChange: finding.milestone.changes != nil)?.description
    disclosedOn = finding.disclosure?.publishedOn
    channel = finding.disclosure?.channel
    url = finding.disclosure?.url
    publishedUntil = finding.publishedUntil
    minimumEnd = finding.minimumEnd?.date
    basis = rule.basis
    responsibleUnit = finding.responsibleUnit
    asOf = finding.asOf
    ruleConfidence = finding.confidence(judging: finding.status).rawValue
    calendarReadings = finding.calendarReadings.isEmpty ? nil : finding.calendarReadings.map(\.code).joined(separator: ";")
    endedEarly = finding.minimumShortfall?.days
    endedEarlyUnit = finding.minimumShortfall?.unit.rawValue
  }

  /// The record as one line of JSON, exactly as `JSONEncoder` with sorted keys writes it, at a fraction of the
  /// cost: `check --format json` writes one per milestone.
  public var json: JSONObject {
    var json = JSONObject(capacity: 1024)
    json.field("asOf", asOf.description)
    json.field("basis", basis)
    json.field("calendarReadings", calendarReadings)
    json.field("category", category)
    json.field("categoryName", categoryName)
    json.field("channel", channel)
    json.field("deadline", deadline?.description)
    json.field("disclosedOn", disclosedOn?.description)
    json.field("endedEarly", endedEarly)
    json.field("endedEarlyUnit", endedEarlyUnit)
    json.field("formedOn", formedOn.description)
    json.field("kind", kind)
    json.field("kindName", kindName)
    json.field("milestoneId", milestoneId)
    json.field("minimumEnd", minimumEnd?.description)
    json.field("period", period)
    json.field("projectCode", projectCode)
    json.field("projectName", projectName)
    json.field("provisional", provisional)
    json.field("publishedUntil", publishedUntil?.description)
    json.field("reference", reference)
    json.field("responsibleUnit", responsibleUnit)
    json.field("ruleConfidence", ruleConfidence)
    json.field("status", status)
    json.field("statusName", statusName)
    json.field("statusProvisional", statusProvisional)
    json.field("url", url)
    json.field("workingDays", workingDays)
    json.field("workingDaysLate", workingDaysLate)
    return json
  }

  /// The CSV header, in the order of ``csvCells``.
  public static let csvHeader = [
    "projectCode", "projectName", "milestoneId", "kind", "kindName", "category", "categoryName", "formedOn",
    "reference", "status", "statusName", "deadline", "provisional", "workingDays", "period", "disclosedOn", "channel",
    "url", "publishedUntil", "minimumEnd", "basis", "responsibleUnit", "asOf", "workingDaysLate", "ruleConfidence",
    "statusProvisional", "calendarReadings", "endedEarly", "endedEarlyUnit",
  ]

  /// Names, 文号, channels and units are typed text (``GongkaiCSV/CSVCell/text(_:)``), as are a kind's code, name and
  /// legal basis, which a profile file's author may have typed (a code `1.10`); the rest gongkai formats.
  public var csvCells: [CSVCell] {
    func value(_ value: (some CustomStringConvertible)?) -> CSVCell { .value(value.map(\.description) ?? "") }
    return [
      .value(projectCode), .text(projectName), value(milestoneId), .text(kind), .text(kindName), .value(category),
      .value(categoryName), value(formedOn), .text(reference ?? ""), .value(status), .value(statusName), value(deadline),
      .value(provisional ? "true" : "false"), value(workingDays), value(period), value(disclosedOn), .text(channel ?? ""),
      value(url), value(publishedUntil), value(minimumEnd), .text(basis), .text(responsibleUnit), value(asOf),
      value(workingDaysLate), .value(ruleConfidence), .value(statusProvisional ? "true" : "false"), value(calendarReadings),
      value(endedEarly), value(endedEarlyUnit),
    ]
  }
}

extension CivilDate: Encodable {
  /// A date encodes as `YYYY-MM-DD`, the form every file and program of Gongkai uses.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
