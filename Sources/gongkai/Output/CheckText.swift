import GongkaiCore
import GongkaiExport
import GongkaiFileSystem
import GongkaiStore

/// The check for people: a summary line, then alerts grouped by responsible unit, the unit with the most
/// overdue work first, each alert with its deadline, the project and the legal basis.
///
/// Grouping needs every alert before the first is printed, and a large register has a million. Each alert is
/// rendered when it arrives and put aside in a scratch file; a small key per alert (unit, status, working days,
/// id and where its text lies) is ordered by a ``GroupedSorter``, which itself spills to disk, so the check runs in
/// bounded memory at any register size.
///
/// An alert's first line is a row of cells: status, measure ("逾期33个工作日", "33 working days overdue") and
/// deadline. The measure column is as wide as the widest measure shown, so cells never run together and stay
/// aligned whatever the language; since that width is known only at the end, the padding after each measure is
/// added when the alerts are written.
final class CheckText {
  let language: Language
  let asOf: CivilDate
  let checker: Checker
  /// Adds, under each alert, how its deadline was counted.
  let explain: Bool
  /// The day advice is for: a 公示 too short judged as of it gets the command that repairs it (``PublicationRepair``);
  /// judged as of another day, what could be repaired then may be settled by now.
  let today: CivilDate

  /// 24 bytes. The text's ``Layout`` is put aside in front of the text.
  private struct Key {
    let id: Int64
    let offset: Int64
    let workingDays: Int32
    let unit: UInt16
    let status: FindingStatus
  }

  /// What orders the units: the most overdue working days, then the number overdue, then the number of alerts.
  private struct Unit {
    let name: String
    var worstOverdue = -1
    var overdue = 0
    var alerts = 0
    var severity: [Int] { [worstOverdue, overdue, alerts] }
  }

  private let keys = GroupedSorter<Key>(group: { Int($0.unit) }) { a, b in
    if a.status != b.status { return a.status < b.status }
    if a.workingDays != b.workingDays { return a.status == .due ? a.workingDays < b.workingDays : a.workingDays > b.workingDays }
    return a.id < b.id
  }
  private var units: [Unit] = []
  private var unitIndex: [String: UInt16] = [:]
  /// Alerts by the status named, the language's name (已公开 apart from 按时公开).
  private var counts: [String: Int] = [:]
  private let texts: ScratchFile

  /// Where the padding after an alert's measure goes, put aside in front of its text.
  private struct Layout {
    /// The text's length in bytes.
    var length: UInt32
    /// The byte offset of the end of the measure, where the padding goes.
    var measureEnd: UInt16
    /// The measure's width in display columns.
    var measureWidth: UInt16
  }

  /// Display columns between the cells of the first line, so that none runs into the next.
  private static let gap = 2
  /// The status cell: the widest status in the language, and the gap.
  private let statusColumn: Int
  /// The narrowest measure column, the gap included: wide enough for the usual measures ("逾期9个工作日（暂定）",
  /// "999 working days overdue"), so that the columns of the morning mail stay put from day to day and widen
  /// only for an alert that would not fit.
  private let minimumMeasureColumn: Int
  private var widestMeasure = 0
  /// What （暂定） means, for the years without a holiday schedule the marks shown rest on.
  static func provisionalLegend(_ years: Set<Int>, _ l: Language) -> String {
    l.pick(
      "（暂定）：所涉日期在尚无国务院节假日安排的年份（\(YearList.chinese(years))年）或其前一周，"
        + "按周末及法定节假日推算，安排公布后可能变化\n",
      "(provisional): counted across a year without the State Council's holiday schedule (\(YearList.english(years))) "
        + "or the week before it, on weekends and statutory holidays alone; it may change once the schedule is published\n")
  }

  /// The years without a holiday schedule the alerts shown rest on: the text then says what （暂定） means.
  private var provisionalYears = Set<Int>()

  init(language: Language, asOf: CivilDate, checker: Checker, explain: Bool, today: CivilDate = StoreOptions.today()) throws {
    (self.language, self.asOf, self.checker, self.explain, self.today) = (language, asOf, checker, explain, today)
    statusColumn = FindingStatus.allCases.map { Terminal.width(of: language.pick($0.chineseName, $0.rawValue)) }.max()! + Self.gap
    minimumMeasureColumn = language == .zh ? 23 : 26
    texts = ScratchFile()
  }

  var isEmpty: Bool { keys.count == 0 }

  func add(_ finding: Finding, stored: StoredMilestone) throws {
    let (head, measureWidth, tail) = alert(finding, stored)
    let text = Array((head + tail).utf8)
    let offset = texts.size
    let layout = Layout(length: UInt32(text.count), measureEnd: UInt16(head.utf8.count), measureWidth: UInt16(measureWidth))
    try withUnsafeBytes(of: layout) { try texts.append($0) }
    try texts.append(text)
    widestMeasure = max(widestMeasure, measureWidth)
    if finding.isProvisional { provisionalYears.formUnion(checker.calendar.unscheduledYears(of: finding)) }
    let unit: UInt16
    if let known = unitIndex[finding.responsibleUnit] {
      unit = known
    } else {
      guard units.count <= UInt16.max else {
        throw CommandFailure(status: .dataError, message:
          "more than \(UInt16.max) responsible units need attention; group them with --format csv or json instead")
      }
      unit = UInt16(units.count)
      units.append(Unit(name: finding.responsibleUnit))
      unitIndex[finding.responsibleUnit] = unit
    }
    let days = finding.workingDays ?? 0
    units[Int(unit)].alerts += 1
    if finding.status == .overdue {
      units[Int(unit)].overdue += 1
      units[Int(unit)].worstOverdue = max(units[Int(unit)].worstOverdue, days)
    }
    counts[statusName(of: finding), default: 0] += 1
    try keys.append(Key(id: finding.milestone.id, offset: offset, workingDays: Int32(clamping: days), unit: unit, status: finding.status))
  }

  func write(to output: BufferedOutput) throws {
    let l = language
    try output.append(l.pick("重大建设项目信息公开时限检查 · 截至 \(asOf) · 规则目录 \(checker.catalogue.chineseName)\n",
                             "Disclosure deadline check · as of \(asOf) · rules \(checker.catalogue.profile)\n"))
    let names = FindingStatus.namings.sorted { $0.status < $1.status }.map {
      l.pick($0.status.chineseName(hasDeadline: $0.hasDeadline), $0.status.englishName(hasDeadline: $0.hasDeadline))
    }
    try output.append(names.compactMap { name in
      counts[name].map { l.pick("\(name) \($0) 项", "\(name) \($0)") }
    }.joined(separator: l.pick("，", ", ")) + "\n")
    let order = units.indices.sorted { a, b in
      let (x, y) = (units[a].severity, units[b].severity)
      return x != y ? y.lexicographicallyPrecedes(x) : units[a].name < units[b].name
    }
    let measureColumn = max(minimumMeasureColumn, widestMeasure + Self.gap)
    var text = [UInt8]()
    var current: UInt16?
    try keys.forEach(groupsInOrder: order) { key in
      if key.unit != current {
        current = key.unit
        let unit = units[Int(key.unit)]
        try output.append("\n\(Terminal.field(unit.name))" + l.pick("（\(unit.alerts) 项）\n", " (\(unit.alerts))\n"))
      }
      var layout = Layout(length: 0, measureEnd: 0, measureWidth: 0)
      try withUnsafeMutableBytes(of: &layout) { try texts.read(into: $0, at: key.offset) }
      text = [UInt8](repeating: 0, count: Int(layout.length))
      try text.withUnsafeMutableBytes { try texts.read(into: $0, at: key.offset + Int64(MemoryLayout<Layout>.size)) }
      let measureEnd = Int(layout.measureEnd)
      try output.append(utf8: text[..<measureEnd])
      try output.append(String(repeating: " ", count: measureColumn - Int(layout.measureWidth)))
      try output.append(utf8: text[measureEnd...])
    }
    if !provisionalYears.isEmpty { try output.append("\n" + Self.provisionalLegend(provisionalYears, l)) }
    try output.flush()
  }

  private func statusName(of finding: Finding) -> String {
    let hasDeadline = finding.deadline != nil
    return language.pick(finding.status.chineseName(hasDeadline: hasDeadline), finding.status.englishName(hasDeadline: hasDeadline))
  }

  /// The alert's text up to the end of its measure, the measure's display width, and the rest of the text, which
  /// follows the padding.
  private func alert(_ finding: Finding, _ stored: StoredMilestone) -> (head: String, measureWidth: Int, tail: String) {
    let l = language
    let rule = finding.rule
    let measure = FindingMeasure(language: l)
    let marked = measure.markedText(of: finding)
    let status = statusName(of: finding)
    let head = "  \(Terminal.pad(status, to: statusColumn))\(marked)"
    var out = ""
    if let deadline = finding.deadline, finding.status != .tooShort {
      out += l.pick("截止 \(deadline.date)", "deadline \(deadline.date)") + l.provisionalMark(deadline.isProvisional)
    }
    if finding.status == .tooShort, let end = finding.minimumEnd, let until = finding.publishedUntil {
      out += l.pick("\(rule.minimumPublicationAct)至 \(until)，应至 \(end.date)", "up until \(until), due until \(end.date)")
        + l.provisionalMark(end.isProvisional)
      // A 3-day 公示 "short by 6 days" puzzles whoever reads it unless the holiday that moved its end is named.
      if let nominal = (try? checker.explainMinimumPublication(of: finding))?.nominalEnd, nominal < end.date {
        out += l.pick("（期满日 \(nominal) 逢休息日，顺延）", " (its last day, \(nominal), was a rest day)")
      }
    }
    out += measure.lateness(of: finding)
    out += "\n"
    out += "      \(finding.milestone.projectCode) \(Terminal.field(stored.projectName))\n"
    let period = rule.period(forChange: finding.milestone.changes != nil).map { l == .zh ? $0.chineseDescription : $0.description }
      ?? l.pick(Period.noneChineseDescription, "no fixed period")
    out += "      #\(finding.milestone.id) \(rule.code) \(l.pick(rule.name)) · \(l.pick("形成", "formed")) \(finding.milestone.formedOn)"
    out += (stored.reference.map { " · \(Terminal.field($0))" } ?? "") + " · \(period)\n"
    out += "      \(l.pick("依据", "basis")) \(rule.basis)"
    // A period the catalogue holds from memory is a judgement: the alert says to check it before acting on it. So is a
    // verdict, or the lateness of a 公示 too short, that rests on a reading of the calendar no statute states.
    out += measure.unverifiedReasons(of: finding, calendar: checker.calendar)
    out += "\n"
    if let repair = PublicationRepair(of: finding, checker: checker, today: today) {
      let act = rule.minimumPublicationAct
      let what = switch repair {
      case .keepUp(let end): l.pick("保持\(act)至 \(end)，登记新的截止日", "keep it up until \(end), recorded")
      case .putUpAgain(let end): l.pick("今日重新公开至 \(end) 并登记", "put it up again today until \(end), recorded")
      case .putUpInFull(let since, let full):
        l.pick("\(since) 起已撤下，须重新完整\(act)至 \(full) 并登记", "down since \(since): put it up again for the whole period, until \(full), recorded")
      }
      let provisional = finding.minimumEnd?.isProvisional == true ? l.pick("（暂定）", " (provisional)") : ""
      out += "      \(l.pick("处理", "repair")) \(what)\(provisional)\(l.pick("：", ": "))\(repair.command(for: finding))\n"
    }
    if explain {
      // A too-short alert names the day the 公示 had to stay up to; its deadline only when it also came late. A 公示 on
      // time only by counting swapped workdays shows the minimum that count reached.
      let short = finding.status == .tooShort
      let deadline = !short || finding.workingDaysLate != nil ? try? checker.explainDeadline(of: finding.milestone) : nil
      let minimum = short || finding.onTimeOnlyBy.contains(.swappedWorkdays) ? try? checker.explainMinimumPublication(of: finding) : nil
      let texts = [
        deadline.map { ExplanationText(explanation: $0, calendar: checker.calendar, language: l, lateness: lateness(of: finding)) },
        minimum.map {
          ExplanationText(explanation: $0, calendar: checker.calendar, language: l,
                          counting: .minimumPublication(rule.minimumPublicationName,
                                                        from: finding.minimumStart == finding.disclosure?.publishedOn ? nil : rule.trigger))
        },
      ]
      for text in texts.compactMap(\.self) {
        out += text.rendered.split(separator: "\n").map { "      \($0.dropFirst(2))\n" }.joined()
      }
    }
    return (head, Terminal.width(of: marked), out)
  }

  /// The days past the deadline the alert counts: to the publication judged, or, unpublished, to the day judged.
  private func lateness(of finding: Finding) -> ExplanationText.Lateness? {
    if let late = finding.workingDaysLate, let published = finding.disclosure?.publishedOn {
      return .init(through: published, days: late, published: true, isProvisional: finding.latenessIsProvisional)
    }
    guard finding.status == .overdue, let days = finding.workingDays else { return nil }
    return .init(through: finding.asOf, days: days, published: false, isProvisional: finding.latenessIsProvisional)
  }
}
