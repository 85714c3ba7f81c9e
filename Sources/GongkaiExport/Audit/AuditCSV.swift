import Foundation
import GongkaiCore
import GongkaiCSV
import GongkaiStore

/// The audit CSV: one row per disclosure obligation (milestone), for performance reviews and third-party
/// evaluators; a withdrawn milestone keeps its row, marked withdrawn with why, by whom and when, since an
/// obligation that stopped counting is what an auditor most needs to see. The columns are fixed and documented
/// (README.md, "The audit CSV"); UTF-8 with a byte order mark so that Excel and WPS read Chinese correctly,
/// RFC 4180 quoting, CRLF line ends, formula cells neutralised.
/// Rows stream from the store to the file: memory stays flat whatever the register's size.
public struct AuditCSV: Sendable {
  /// A column: its Chinese and English heads and how its cells are filled: by each row, by the kind of item, or
  /// once for the whole file.
  struct Column: Sendable {
    let chinese: String
    let english: String
    /// Written as typed text (``GongkaiCSV/CSVCell/text(_:)``): names, 文号, reasons, and what a rule's author typed
    /// (a kind's code, its legal basis); the others are values gongkai formats (dates, counts, ids, statuses).
    let isText: Bool
    /// The closure as written, not wrapped in another: a wrapper's context was retained and released for each cell
    /// of a million rows.
    let value: Value

    /// A column of values gongkai formats.
    init(chinese: String, english: String, row value: @escaping @Sendable (Row, StoredMilestone) -> String) {
      self.init(chinese: chinese, english: english, isText: false, value: .row(value))
    }

    private init(chinese: String, english: String, isText: Bool, value: Value) {
      self.chinese = chinese
      self.english = english
      self.isText = isText
      self.value = value
    }

    /// A column of words someone typed.
    static func text(chinese: String, english: String, _ value: @escaping @Sendable (Row, StoredMilestone) -> String) -> Column {
      Column(chinese: chinese, english: english, isText: true, value: .row(value))
    }

    /// A column of what a kind of item's rule says, as a profile file's author typed it (a kind's code may be `1.10`).
    init(chinese: String, english: String, kind value: @escaping @Sendable (DisclosureRule, _ isChange: Bool, _ english: Bool) -> String) {
      self.init(chinese: chinese, english: english, isText: true, value: .kind(value))
    }

    /// A column of what gongkai states of a kind of item's rule (its period, `3日`, `20个工作日`).
    static func ruleValue(chinese: String, english: String, _ value: @escaping @Sendable (DisclosureRule, _ isChange: Bool, _ english: Bool) -> String)
      -> Column
    {
      Column(chinese: chinese, english: english, isText: false, value: .kind(value))
    }

    /// A column of what the export states of itself: the day judged, the calendar, the rules, the change log's head.
    init(chinese: String, english: String, file value: @escaping @Sendable (FileFacts) -> String) {
      self.init(chinese: chinese, english: english, isText: false, value: .file(value))
    }
  }

  enum Value: Sendable {
    /// Differs from row to row.
    case row(@Sendable (Row, StoredMilestone) -> String)
    /// Depends only on the kind of item, whether the milestone changes another and the file's language: quoted
    /// once per kind, not once for each of a million rows (the legal basis alone is a third of a row).
    case kind(@Sendable (DisclosureRule, _ isChange: Bool, _ english: Bool) -> String)
    /// The same on every row of the file: quoted once.
    case file(@Sendable (FileFacts) -> String)
  }

  /// What every row states of the export that wrote it, so that a row read alone can be recomputed and compared.
  struct FileFacts: Sendable {
    let asOf: CivilDate
    let calendarVersion: String
    let changeLogHead: String
    /// The profiles whose rules set the deadlines (`national+shanghai`): with the calendar version, what an
    /// evaluator needs to recompute a deadline or compare two audits.
    let rulesProfile: String
    /// The digest of those rules' content (``GongkaiCore/RuleCatalogue/version``): one profile name, two files.
    let rulesVersion: String
  }

  /// A row's status: the finding's, or ``withdrawn`` for a milestone withdrawn as recorded by mistake, which no
  /// longer counts (`check`, statistics and the public exports leave it out) but keeps its audit row.
  public enum Status: Hashable, Sendable, CaseIterable, RawRepresentable {
    case finding(FindingStatus)
    case withdrawn

    public static var allCases: [Status] { FindingStatus.allCases.map(Status.finding) + [.withdrawn] }

    public init?(rawValue: String) {
      if rawValue == "withdrawn" {
        self = .withdrawn
      } else if let status = FindingStatus(rawValue: rawValue) {
        self = .finding(status)
      } else {
        return nil
      }
    }

    /// `on-time` … `too-short`, `withdrawn`.
    public var rawValue: String {
      switch self {
      case .finding(let status): status.rawValue
      case .withdrawn: "withdrawn"
      }
    }

    /// 按时公开 … 公示期不足, 已撤回.
    public var chineseName: String {
      switch self {
      case .finding(let status): status.chineseName
      case .withdrawn: "已撤回"
      }
    }
  }

  /// What the export finds of a milestone; the columns read its record beside it (``StoredMilestone``), which a
  /// row does not copy: a copy retained and released each of the record's texts, for each of a million rows.
  struct Row: Sendable {
    let finding: Finding
    let status: Status
    /// The register's record of the publication judged (``Finding/disclosure``).
    let recordedDisclosure: RecordedDisclosure?
    /// The register's record of the publication whose end 公示截止日 gives, for a 公示 (an item with a minimum period).
    let recordOfEnd: RecordedDisclosure?
    /// The organisation code of 索引号, as the public exports give it; `nil`: the project's division code.
    let organisation: String?
    let english: Bool
    /// The status judged from the day formed its first amendment replaced; `nil` when no amendment moved it.
    let statusByOriginalDay: FindingStatus?

    /// 是/否, or yes/no in the English file: a spreadsheet filter on a yes/no column should not need Chinese.
    func yesNo(_ flag: Bool) -> String { english ? (flag ? "yes" : "no") : (flag ? "是" : "否") }

    /// The 索引号 the item's public page and feed entry carry: its first publication's by the day judged; empty while
    /// unpublished.
    func indexNumber(of stored: StoredMilestone) -> String {
      guard let first = stored.firstPublication(by: finding.asOf) else { return "" }
      return stored.recordedDisclosures[first].serial.indexNumber(organisation: organisationCode)
    }

    /// `2026-11-30 门户网站 索引号 … 登记 … 撤回 … 张三：reason`, one a publication withdrawn, `；` between them: what the
    /// withdrawn record said and who took it back, as 撤回人 names who withdrew a milestone.
    func withdrawnPublications(of stored: StoredMilestone) -> String {
      stored.withdrawnPublications.map { withdrawn in
        let index = withdrawn.serial.indexNumber(organisation: organisationCode)
        return english
          ? "\(withdrawn.publishedOn) \(withdrawn.channel) \(index) recorded \(withdrawn.recordedAt) withdrawn \(withdrawn.withdrawnAt) by \(withdrawn.withdrawnBy): \(withdrawn.reason)"
          : "\(withdrawn.publishedOn) \(withdrawn.channel) 索引号 \(index) 登记 \(withdrawn.recordedAt) 撤回 \(withdrawn.withdrawnAt) \(withdrawn.withdrawnBy)：\(withdrawn.reason)"
      }.joined(separator: english ? "; " : "；")
    }

    /// Each publication in force withdrawn as recorded by mistake and reinstated since, as ``withdrawnPublications(of:)``
    /// names a withdrawn one, with its reinstatement.
    func reinstatedPublications(of stored: StoredMilestone) -> String {
      zip(stored.milestone.disclosures, stored.recordedDisclosures).compactMap { disclosure, recorded in
        recorded.reinstated.map { done in
          let (index, back) = (recorded.serial.indexNumber(organisation: organisationCode), done.reinstatement)
          return english
            ? "\(disclosure.publishedOn) \(disclosure.channel) \(index) withdrawn \(done.withdrawnAt) by \(done.withdrawnBy): "
              + "\(done.withdrawalReason), reinstated \(back.at) by \(back.by): \(back.reason)"
            : "\(disclosure.publishedOn) \(disclosure.channel) 索引号 \(index) 撤回 \(done.withdrawnAt) \(done.withdrawnBy)："
              + "\(done.withdrawalReason) 恢复 \(back.at) \(back.by)：\(back.reason)"
        }
      }.joined(separator: english ? "; " : "；")
    }

    /// The 索引号 of the publication judged (公开日期, 公开渠道); empty while unpublished.
    func judgedIndexNumber(of stored: StoredMilestone) -> String {
      finding.disclosure.flatMap(stored.recorded)?.serial.indexNumber(organisation: organisationCode) ?? ""
    }

    private var organisationCode: String { organisation ?? String(ProjectCode.division(of: finding.milestone.projectCode)) }
  }

  static let columns: [Column] = [
    Column(chinese: "项目代码", english: "project_code") { row, _ in row.finding.milestone.projectCode },
    .text(chinese: "项目名称", english: "project_name") { _, stored in stored.projectName },
    Column(chinese: "类别代码", english: "category_code") { rule, _, _ in rule.category.rawValue },
    Column(chinese: "类别名称", english: "category_name") { rule, _, _ in rule.category.chineseName },
    Column(chinese: "事项代码", english: "item_kind_code") { rule, _, _ in rule.code },
    Column(chinese: "事项名称", english: "item_kind_name") { rule, _, _ in rule.name.chinese },
    Column(chinese: "里程碑编号", english: "milestone_id") { row, _ in String(row.finding.milestone.id) },
    .text(chinese: "文号", english: "reference") { _, stored in stored.reference ?? "" },
    Column(chinese: "信息形成日期", english: "formed_on") { row, _ in row.finding.milestone.formedOn.description },
    Column(chinese: "法定公开截止日", english: "deadline") { row, _ in row.finding.deadline?.date.description ?? "" },
    Column(chinese: "截止日为暂定", english: "deadline_provisional") { row, _ in row.yesNo(row.finding.deadline?.isProvisional ?? false) },
    .ruleValue(chinese: "公开时限", english: "rule") { rule, isChange, english in
      let period = rule.period(forChange: isChange)
      return english ? period?.description ?? "none" : period?.chineseDescription ?? Period.noneChineseDescription
    },
    Column(chinese: "公开日期", english: "disclosed_on") { row, _ in row.finding.disclosure?.publishedOn.description ?? "" },
    .text(chinese: "公开渠道", english: "channel") { row, _ in row.finding.disclosure?.channel ?? "" },
    Column(chinese: "网址", english: "url") { row, _ in row.finding.disclosure?.url ?? "" },
    Column(chinese: "公示截止日", english: "published_until") { row, _ in row.finding.publishedUntil?.description ?? "" },
    Column(chinese: "最短公示期止", english: "minimum_publication_end") { row, _ in row.finding.minimumEnd?.date.description ?? "" },
    Column(chinese: "状态", english: "status") { row, _ in row.status.rawValue },
    // An item published with no period to keep is 已公开, as every output names it, with no days late.
    Column(chinese: "状态名称", english: "status_name") { row, _ in
      guard case .finding(let status) = row.status else { return row.status.chineseName }
      return status.chineseName(hasDeadline: row.finding.deadline != nil)
    },
    Column(chinese: "逾期工作日", english: "working_days_late") { row, _ in
      let finding = row.finding
      return switch row.status {
      case _ where finding.deadline == nil: ""
      case .finding(.overdue): String(finding.workingDays ?? 0)
      case .finding(.due), .withdrawn: ""
      case .finding(.late), .finding(.onTime), .finding(.tooShort): String(finding.workingDaysLate ?? 0)
      }
    },
    Column(chinese: "法律依据", english: "legal_basis") { rule, _, _ in rule.basis },
    .text(chinese: "责任单位", english: "responsible_unit") { row, _ in row.finding.responsibleUnit },
    .text(chinese: "登记人", english: "recorded_by") { _, stored in stored.recordedBy },
    Column(chinese: "登记时间", english: "recorded_at") { _, stored in stored.recordedAt },
    .text(chinese: "撤回原因", english: "withdrawn_reason") { _, stored in stored.withdrawnReason ?? "" },
    .text(chinese: "撤回人", english: "withdrawn_by") { _, stored in stored.withdrawnBy ?? "" },
    Column(chinese: "撤回时间", english: "withdrawn_at") { _, stored in stored.withdrawnAt ?? "" },
    Column(chinese: "日历版本", english: "calendar_version", file: { $0.calendarVersion }),
    Column(chinese: "变更记录链头", english: "change_log_head", file: { $0.changeLogHead }),
    // Columns added later come last, so that scripts reading the columns by position keep working.
    Column(chinese: "适用规则", english: "rules_profile", file: { $0.rulesProfile }),
    // The day the statuses were judged on: due, overdue and the working days overdue mean nothing without it.
    Column(chinese: "判定日期", english: "as_of", file: { $0.asOf.description }),
    // A milestone's corrections (`gongkai amend`), from the change log: a changed date turns a late row on-time, and the
    // evaluator must see that it was changed, by whom, when, why and from what.
    Column(chinese: "更正次数", english: "amendments") { _, stored in String(stored.amendments?.count ?? 0) },
    .text(chinese: "最近更正人", english: "last_amended_by") { _, stored in stored.amendments?.lastBy ?? "" },
    Column(chinese: "最近更正时间", english: "last_amended_at") { _, stored in stored.amendments?.lastAt ?? "" },
    .text(chinese: "更正原因", english: "amendment_reason") { _, stored in stored.amendments?.reason ?? "" },
    Column(chinese: "原信息形成日期", english: "original_formed_on") { _, stored in stored.amendments?.originalFormedOn?.description ?? "" },
    // Who recorded the publication judged, and when: one entered long after the day it claims to have been published is
    // what an evaluator looking for backdated records checks first.
    .text(chinese: "公开登记人", english: "disclosure_recorded_by") { row, _ in row.recordedDisclosure?.recordedBy ?? "" },
    Column(chinese: "公开登记时间", english: "disclosure_recorded_at") { row, _ in row.recordedDisclosure?.recordedAt ?? "" },
    Column(chinese: "规则版本", english: "rules_version", file: { $0.rulesVersion }),
    // Who recorded the end 公示截止日 gives, and when: a 公示 made long enough by a second publication recorded after
    // the fact shows it here, while 公开登记人 names the first publication's record.
    .text(chinese: "公示截止登记人", english: "until_recorded_by") { row, _ in row.recordOfEnd?.recordedBy ?? "" },
    Column(chinese: "公示截止登记时间", english: "until_recorded_at") { row, _ in row.recordOfEnd?.recordedAt ?? "" },
    // How the rule's period is known: a deadline of an unverified rule (待核实) is a judgement to be checked before
    // it is held against anyone.
    Column(chinese: "时限依据核实", english: "rule_confidence") { row, _ in
      let (rule, english) = (row.finding.rule, row.english)
      // A minimum known otherwise than the deadline is named after it (法条原文；公告期：待核实), a shortfall that
      // rests on a weekend moving the minimum's end is said to (法条原文；逢周末或通知放假日顺延：待核实), and a lateness that rests
      // on counting swapped workdays (法条原文；调休上班日视为工作日：待核实).
      let minimum = rule.minimumConfidence.map {
        english ? "; \(rule.minimumPublicationName.english): \($0.englishName)" : "；\(rule.minimumPublicationName.chinese)：\($0.chineseName)"
      }
      let readings = row.finding.calendarReadings.map { english ? "; \($0.name.english): unverified" : "；\($0.name.chinese)：待核实" }
      return (english ? rule.confidence.englishName : rule.confidence.chineseName) + (minimum ?? "") + readings.joined()
    },
    // The period 最短公示期止 is counted by, and from which day, for an evaluator recomputing it from the file alone.
    .ruleValue(chinese: "最短公示期", english: "minimum_publication") { rule, _, english in
      let from = rule.minimumCountedFrom == .publication ? ""
        : english ? " (from 信息形成日期 where later than 公开日期)" : "（早于信息形成日期公开的，自信息形成日期起算）"
      return rule.minimumPublication.map { (english ? $0.description : $0.chineseDescription) + from } ?? ""
    },
    // How an evaluator finds the row of an item sampled on the portal, which shows it by its 索引号.
    Column(chinese: "索引号", english: "index_number") { row, stored in row.indexNumber(of: stored) },
    // What a missing holiday schedule leaves open besides the deadline: whether the verdict may change (an item published
    // before the days the schedule may arrange can make up its period is on time for certain, though its deadline may
    // move), the count of
    // 逾期工作日, and 最短公示期止. A withdrawn row's status and its empty 逾期工作日 are settled.
    Column(chinese: "状态为暂定", english: "status_provisional") { row, _ in
      row.yesNo(row.status != .withdrawn && row.finding.statusIsProvisional)
    },
    Column(chinese: "逾期工作日为暂定", english: "working_days_late_provisional") { row, _ in
      row.yesNo(row.status != .withdrawn && row.finding.latenessIsProvisional)
    },
    Column(chinese: "最短公示期止为暂定", english: "minimum_publication_end_provisional") { row, _ in
      row.yesNo(row.finding.minimumEnd?.isProvisional ?? false)
    },
    // A 公示 too short is a failure of its own, measured here, in the unit of 最短公示期 (日 or 个工作日): 逾期工作日
    // measures only how late it came.
    Column(chinese: "公示期提前结束", english: "minimum_publication_shortfall") { row, _ in
      row.status == .withdrawn ? "" : row.finding.minimumShortfall.map { String($0.days) } ?? ""
    },
    // The milestone whose information this one changes (`log --changes`): a change's own period runs from it, and an
    // evaluator pairs the two rows.
    Column(chinese: "所变更里程碑编号", english: "changes_milestone_id") { row, _ in row.finding.milestone.changes.map(String.init) ?? "" },
    // 索引号 names the item by its first publication; 公开日期 is the publication judged, which for a 公示 put up again
    // is another, with a number of its own, as the public page names it.
    Column(chinese: "所认定公开索引号", english: "judged_index_number") { row, stored in row.judgedIndexNumber(of: stored) },
    // A milestone withdrawn and put back in force reads as never withdrawn in the columns above: an overdue item kept
    // out of `check` for a while is what an evaluator must be able to see.
    .text(chinese: "最近恢复人", english: "last_reinstated_by") { _, stored in stored.reinstatement?.by ?? "" },
    Column(chinese: "最近恢复时间", english: "last_reinstated_at") { _, stored in stored.reinstatement?.at ?? "" },
    .text(chinese: "恢复原因", english: "reinstatement_reason") { _, stored in stored.reinstatement?.reason ?? "" },
    // A publication withdrawn as recorded by mistake leaves the columns above: one recorded late, withdrawn and recorded
    // again on an earlier day would read as on time. Each is named, with its 索引号, when it was recorded and withdrawn,
    // and why.
    .text(chinese: "已撤回的公开", english: "withdrawn_publications") { row, stored in row.withdrawnPublications(of: stored) },
    // A withdrawn row's status is 已撤回, whatever the item would be judged: a late item withdrawn "as recorded by mistake"
    // raises the rate it leaves, and an evaluator must be able to pick out those withdrawn while late or overdue.
    Column(chinese: "如未撤回的状态", english: "status_had_it_stood") { row, _ in
      row.status == .withdrawn ? row.finding.status.rawValue : ""
    },
    // An amendment that moves the day formed moves the deadline: an item late or overdue as first recorded and on time
    // as amended is the correction an evaluator checks first, and finds here without recounting working days.
    Column(chinese: "按原形成日期的状态", english: "status_by_original_formed_on") { row, _ in
      row.statusByOriginalDay?.rawValue ?? ""
    },
    // A publication withdrawn as recorded by mistake and reinstated reads as never withdrawn in the columns above, while
    // for that time its item counted as unpublished: a withdrawal that was right, undone, is what an evaluator looks for.
    .text(chinese: "已恢复的公开", english: "reinstated_publications") { row, stored in row.reinstatedPublications(of: stored) },
  ]

  /// The quoted cells of the columns that do not change from row to row: the ``Value/file(_:)`` columns, and the
  /// ``Value/kind(_:)`` columns by kind of item and whether the milestone changes another; empty for the others.
  private struct FixedCells {
    private struct Key: Hashable {
      let rule: ObjectIdentifier
      let isChange: Bool
    }

    let english: Bool
    private let fileCells: [[UInt8]]
    private var cache: [Key: [[UInt8]]] = [:]

    init(english: Bool, facts: FileFacts) {
      self.english = english
      fileCells = AuditCSV.columns.map { column in
        var bytes: [UInt8] = []
        if case .file(let value) = column.value { CSVWriter.append(cell: value(facts), isText: column.isText, to: &bytes) }
        return bytes
      }
    }

    mutating func cells(_ rule: DisclosureRule, isChange: Bool) -> [[UInt8]] {
      let key = Key(rule: ObjectIdentifier(rule), isChange: isChange)
      if let cells = cache[key] { return cells }
      var cells = fileCells
      for (index, column) in AuditCSV.columns.enumerated() {
        if case .kind(let value) = column.value {
          CSVWriter.append(cell: value(rule, isChange, english), isText: column.isText, to: &cells[index])
        }
      }
      cache[key] = cells
      return cells
    }
  }

  public struct Selection: Sendable {
    /// The milestones to read; whether withdrawn ones are read follows ``statuses``.
    public var filter = MilestoneFilter()
    /// Only rows of these statuses; every row, withdrawn ones included, when empty.
    public var statuses: [Status] = []
    /// Only milestones formed in this range (inclusive).
    public var from: CivilDate?
    public var to: CivilDate?

    public init(filter: MilestoneFilter = MilestoneFilter(), statuses: [Status] = [], from: CivilDate? = nil, to: CivilDate? = nil) {
      self.filter = filter
      self.statuses = statuses
      self.from = from
      self.to = to
    }
  }

  public let checker: Checker
  public let calendarVersion: String
  public let asOf: CivilDate
  /// English heads, periods (`20 working days`) and yes/no, for readers without Chinese; the names of
  /// categories, item kinds and statuses stay Chinese, as the register and the law name them.
  public let english: Bool

  /// The organisation code of the 索引号 column; `nil`: each project's division code, as the public exports.
  public let organisation: String?

  public init(checker: Checker, calendarVersion: String, asOf: CivilDate, english: Bool = false, organisation: String? = nil) {
    self.checker = checker
    self.calendarVersion = calendarVersion
    self.asOf = asOf
    self.english = english
    self.organisation = organisation
  }

  /// Writes the CSV to `path` (atomically), stating `head` in every row; puts it in place once `head` is
  /// confirmed. The result counts its rows.
  public func write(store: any Store, selection: Selection, changeLogHead head: StatedHead, to path: String, progress: ProgressReporter?)
    async throws -> ExportResult
  {
    let file = try AtomicFileWriter(path: path)
    try file.write(CSVWriter.header(Self.columns.map { english ? $0.english : $0.chinese }))
    let facts = FileFacts(asOf: asOf, calendarVersion: calendarVersion, changeLogHead: head.stated(english: english),
                          rulesProfile: checker.catalogue.profile, rulesVersion: checker.catalogue.version)
    var filter = selection.filter
    filter.withdrawn = selection.statuses.isEmpty || selection.statuses.contains(.withdrawn)
    filter.withdrawnPublications = true
    let rows = RowSink(export: self, statuses: selection.statuses, file: file, facts: facts, progress: progress)
    let written = try await WriteBehind.run(rows) { send in
      try await store.forEachMilestone(matching: filter) { stored in
        let formed = stored.milestone.formedOn
        if let from = selection.from, formed < from { return }
        if let to = selection.to, formed > to { return }
        try send(stored)
      }
    }
    try await head.confirmed()
    try written.file.commit()
    return written.result
  }

  /// Judges each milestone read and writes its row, on ``WriteBehind``'s thread.
  private struct RowSink: GongkaiExport.RowSink {
    let export: AuditCSV
    let statuses: [Status]
    let file: AtomicFileWriter
    let progress: ProgressReporter?
    private(set) var result = ExportResult()
    private var fixedCells: FixedCells
    // The cells' values alone, taken out of the columns once: copying a column, its two heads with it, for each
    // cell of a million rows was a fifth of the export's time in reference counting.
    private let values = AuditCSV.columns.map(\.value)
    private let isText = AuditCSV.columns.map(\.isText)
    private var line: [UInt8] = []

    init(export: AuditCSV, statuses: [Status], file: AtomicFileWriter, facts: FileFacts, progress: ProgressReporter?) {
      self.export = export
      self.statuses = statuses
      self.file = file
      self.progress = progress
      fixedCells = FixedCells(english: export.english, facts: facts)
    }

    mutating func write(_ stored: StoredMilestone) throws {
      let checker = export.checker
      guard let finding = try checker.judge(stored.milestone, asOf: export.asOf) else { return }
      let status: Status = stored.withdrawnReason == nil ? .finding(finding.status) : .withdrawn
      guard statuses.isEmpty || statuses.contains(status) else { return }
      // Closures, not `stored.recorded`: a method taken as a value captures a copy of the record.
      let recordedDisclosure = finding.disclosure.flatMap { stored.recorded($0) }
      let recordOfEnd = finding.rule.minimumPublication == nil ? nil : finding.publications.flatMap { stored.recordOfEnd(publishedOn: $0) }
      let row = Row(finding: finding, status: status, recordedDisclosure: recordedDisclosure, recordOfEnd: recordOfEnd,
                    organisation: export.organisation, english: export.english,
                    statusByOriginalDay: checker.statusFromOriginalDay(of: stored, asOf: export.asOf))
      // The finding is the row's from here (moved into it, not copied).
      let fixed = fixedCells.cells(row.finding.rule, isChange: row.finding.milestone.changes != nil)
      line.removeAll(keepingCapacity: true)
      for index in values.indices {
        if index > 0 { line.append(UInt8(ascii: ",")) }
        switch values[index] {
        case .row(let value): CSVWriter.append(cell: value(row, stored), isText: isText[index], to: &line)
        case .kind, .file: line.append(contentsOf: fixed[index])
        }
      }
      CSVWriter.endRecord(&line)
      try file.write(bytes: line)
      result.records += 1
      result.note(row.finding, calendar: checker.calendar, stating: .late)
      if result.records % 1000 == 0 { progress?.advance(to: result.records, of: 0) }
    }
  }
}
