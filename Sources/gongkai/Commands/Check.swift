import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiExport
import GongkaiReference
import GongkaiStore

extension Gongkai {
  struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Report disclosures that are overdue, published too briefly, or due soon; for people and cron.",
      discussion: """
        By default reports what needs attention: overdue; due within --warn-days working days; and too short \
        while it can still be repaired, up to the last day the 公示 had to stay up (its take-down can be moved \
        or it can be put up again). After that day a too-short publication is settled, like a late one, and \
        is listed only when asked for (--status too-short), so cron does not mail it every morning for good. \
        When there is nothing to report the text output is empty and the exit status 0, so cron sends no mail \
        (JSON is then [] and CSV only its header). It exits 1 when something is overdue (see --fail-on); the \
        filters, --status included, choose what is judged. A --project or --unit the register does not hold is \
        an error (65), so a mistyped cron line cannot report all clear. Text groups alerts by responsible unit, \
        most overdue first; JSON and CSV give one finding record each (fields in README.md).

        Examples:
          gongkai check
          gongkai check --as-of 2026-11-27 --unit 杨浦区建设和管理委员会
          gongkai check --status overdue --status late --format csv > findings.csv

        In a crontab, every day, so that swapped weekend workdays (调休) are checked too (07:30 in Beijing; CRON_TZ \
        needs cronie, and Debian's cron runs the line in the server's zone: see README.md):
          CRON_TZ=Asia/Shanghai
          GONGKAI_DATABASE=/srv/gongkai/register.sqlite
          GONGKAI_CALENDAR_DIR=/srv/gongkai/calendar
          30 7 * * *  /usr/local/bin/gongkai check --skip-rest-days
        """)

    @Option(help: ArgumentHelp("Judge as of this day (default: today in China Standard Time).", valueName: "date"),
            transform: CivilDate.argument)
    var asOf: CivilDate?
    // Unconditional, so that a negative number reaches `validate()` and its range instead of "Missing value".
    @Option(parsing: .unconditional, help: ArgumentHelp("Warn of what falls due within this many working days.", valueName: "n"))
    var warnDays = 5
    @Option(help: ArgumentHelp("Only this project (repeatable).", valueName: "code"), transform: ProjectCode.argument)
    var project: [ProjectCode] = []
    @Option(help: ArgumentHelp("Only this category (repeatable).", valueName: "code"), transform: Category.argument)
    var category: [Category] = []
    @OptionGroup var units: UnitFilterOptions
    @Option(help: ArgumentHelp(
      "Only findings with this status (repeatable): on-time, late, overdue, too-short, due; all of them, not only what needs attention.",
      valueName: "status"), transform: FindingStatus.argument)
    var status: [FindingStatus] = []
    @Option(help: "Output format.") var format: CheckFormat = .text
    @Option(name: .customLong("fail-on"), help: "Exit 1 when something is overdue (default); due: also when something falls due within --warn-days or a 公示 too short can still be put right; never.")
    var failOn: FailOn = .overdue
    @Flag(help: "Under each alert, explain how its deadline (and for a 公示 too short, its minimum end) was counted (text output).") var explain = false
    @Flag(help: ArgumentHelp(
      "On a rest day by the holiday calendar, check nothing and exit 0.",
      discussion: "For a cron line that runs every day: a schedule of Monday to Friday misses the weekend days the State Council makes workdays (调休), on which deadlines fall too."))
    var skipRestDays = false
    @Option(help: "Language of the text output.") var lang: Language = .zh
    @Option(name: .customLong("calendar-change"), help: ArgumentHelp(
      "List instead what the holiday schedule of this year changes (repeatable): each finding it changes, counted without it and with it.",
      discussion: """
        Run it once the State Council's notice is added to the calendar folder, or before, with --calendar FILE, to \
        see what adding it will change: verdicts counted on the provisional days (weekends and statutory holidays \
        alone) may turn from on time to late or back, in reports and public pages already sent. For a year gongkai \
        ships, the comparison is with the shipped schedule (or the file --calendar-before gives). Exits 1 when something changes, as diff does (0 with \
        --fail-on never), and 0 with a line saying nothing does. --format json writes each change as {"milestoneId", \
        "before", "after"}, the two finding records of `check --format json` ([] when nothing changes).
        """, valueName: "year"))
    var calendarChange: [Int] = []
    @Option(name: .customLong("calendar-before"), help: ArgumentHelp(
      "With --calendar-change, the schedule file to compare against for its year instead of the shipped one (repeatable).",
      discussion: """
        To see what correcting a schedule already placed changes: keep the file as it was, place the corrected one, and give the old one here (--calendar-change 2027 --calendar-before 2027-old.yaml).
        """, valueName: "file"))
    var calendarBefore: [String] = []
    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions

    func validate() throws {
      guard (0...Period.maximumLength).contains(warnDays) else {
        throw ValidationError("--warn-days \(warnDays) is out of range; use 0 to \(Period.maximumLength)")
      }
      if explain && format != .text {
        throw ValidationError("--explain explains the text output, not \(format.rawValue); drop --explain or --format \(format.rawValue)")
      }
      if calendarChange.isEmpty && !calendarBefore.isEmpty {
        throw ValidationError("--calendar-before names what --calendar-change compares against; add --calendar-change YEAR")
      }
      if !calendarChange.isEmpty {
        for year in calendarChange where !(CivilDate.earliest.year...CivilDate.latest.year).contains(year) {
          throw ValidationError("--calendar-change \(year) is outside \(CivilDate.earliest.year)...\(CivilDate.latest.year); give a year within it")
        }
        let given = [(format == .csv, "--format csv"), (explain, "--explain"), (skipRestDays, "--skip-rest-days"), (!status.isEmpty, "--status")]
          .filter(\.0).map(\.1)
        if !given.isEmpty {
          throw ValidationError(
            "--calendar-change lists what a schedule changes, as text or JSON: drop "
              + given.listed())
        }
      }
    }

    func run() async throws {
      let asOf = asOf ?? StoreOptions.today()
      if !calendarChange.isEmpty { return try await listCalendarChange(of: Set(calendarChange).sorted(), asOf: asOf) }
      let calendar = try reference.calendar.loadCalendar().calendar
      // The register, its rules and the projects and units named are checked on a rest day too: a mistyped path or
      // code skipped over a long holiday would report nothing until the first workday.
      let register = try store.open()
      let checker = Checker(catalogue: try await reference.catalogue(for: register, at: store.path), calendar: calendar)
      try await register.requireKnown(projects: project, units: units.unit)
      if self.asOf == nil, let recorded = try await register.lastChangeDay(), recorded > asOf {
        Terminal.warning("""
          today is \(asOf) by this machine's clock (China Standard Time), before the register's last change, recorded on \
          \(recorded): this clock, or that of the machine that recorded the change, is wrong, and a check of a past day \
          finds what was due then, not now; set it right
          """)
      }
      if skipRestDays && !calendar.isWorkingDay(asOf) {
        // A weekend of a year whose notice is not in yet may be one of its swapped workdays (调休): the skip says so,
        // or the morning check would stop running on such days without anyone hearing that the schedule is missing.
        // A holiday the law fixes (1 January, 除夕 to 初三) is a rest day whatever the notice arranges around it.
        let unscheduled = calendar.unscheduledYears(from: asOf, through: asOf)
        if !unscheduled.isEmpty && !StatutoryHolidays.isFixedByLaw(asOf) {
          Terminal.warning("skipped \(asOf) as a rest day, but it may be a swapped workday (调休): "
            + Warnings.noSchedule(unscheduled, calendar: calendar))
        }
        // Nothing checked is nothing found: a reader of JSON or CSV gets the empty document a quiet day gives.
        switch format {
        case .json: try JSONSink().finish()
        case .csv: try CSVSink().finish()
        case .text: break
        }
        return
      }
      let sink: any FindingSink = switch format {
      case .text: try TextSink(language: lang, asOf: asOf, checker: checker, explain: explain)
      case .json: JSONSink()
      case .csv: CSVSink()
      }
      let filter = MilestoneFilter(projects: project, categories: category, units: units.unit)
      let rows = JudgedRows(checker: checker, asOf: asOf, statuses: status, sink: sink, tally: CheckTally(warnDays: warnDays))
      let judged = try await WriteBehind.run(rows) { send in
        try await register.forEachMilestone(matching: filter) { try send($0) }
      }
      try judged.sink.finish()
      let tally = judged.tally
      Warnings.warnIfUnscheduled(tally.provisionalYears, calendar: checker.calendar)
      if failOn.isMet(by: tally) { throw ExitStatus.findings }
    }
  }
}

/// Judges each milestone the check reads and writes what it shows, on ``WriteBehind``'s thread while the store reads on.
private struct JudgedRows: RowSink {
  let checker: Checker
  let asOf: CivilDate
  let statuses: [FindingStatus]
  let sink: any FindingSink
  var tally: CheckTally

  mutating func write(_ stored: StoredMilestone) throws {
    guard let finding = try checker.judge(stored.milestone, asOf: asOf) else { return }
    guard statuses.isEmpty || statuses.contains(finding.status) else { return }
    tally.count(finding)
    if !statuses.isEmpty || finding.needsAttention(warningDays: tally.warnDays) {
      try sink.write(finding, stored: stored)
      tally.shown(finding, calendar: checker.calendar)
    }
  }
}

extension Gongkai.Check {
  /// What the schedules of `years` change: every finding judged with the calendar as loaded and with those years as
  /// they were before (the shipped schedule, or none), listed when its status, deadline, days or minimum end differ.
  /// Several years at once for a notice that also moves days of the year before it (元旦 2027 in 2026.yaml).
  private func listCalendarChange(of years: [Int], asOf: CivilDate) async throws {
    let loaded = try reference.calendar.loadCalendar()
    let l = lang
    let named = years.map(String.init).joined(separator: l.pick("、", ", "))
    for year in years where !loaded.calendar.hasSchedule(for: year) {
      throw CommandFailure(status: .noInput, message: """
        --calendar-change \(year): no schedule of \(year) is added; place \(year).yaml in \(CalendarOptions.folderForSchedules(of: [year])), \
        or give it with --calendar FILE, to see what it changes
        """)
    }
    let shipped = try LoadedCalendar.load(resources: BundledResources.folder(), directory: nil, files: []).calendar.schedules
    // A new year's notice arranges its 元旦 and may move the last days of the year before, which go in that year's file:
    // compared alone, with the year before as shipped, the new file shows nothing of them.
    for year in years where shipped[year] == nil && !years.contains(year - 1) && loaded.calendar.hasSchedule(for: year - 1)
      && loaded.calendar.schedules[year - 1] == shipped[year - 1]
    {
      Terminal.warning("""
        the \(year) notice may also move days of the last week of \(year - 1) (the 2019 notice worked 2018-12-29 and rested \
        12-30 and 12-31); those go in \(year - 1).yaml, here as shipped: if it moves any, write them into \
        `gongkai calendar \(year - 1) --format yaml`, give both files and compare both years \
        (--calendar-change \(year - 1) --calendar-change \(year))
        """)
    }
    var before = loaded.calendar.schedules
    for year in years { before[year] = shipped[year] }
    for (year, schedule) in try earlierSchedules(of: years) { before[year] = schedule }
    let compared = calendarBefore.isEmpty
      ? (zh: "未计该安排", en: years.count == 1 ? "without it" : "without them", same: (zh: "即 gongkai 随附的安排", en: "are those gongkai ships"))
      : (zh: "按 --calendar-before 所给安排", en: "as --calendar-before gives", same: (zh: "与 --calendar-before 所给安排相同", en: "are those --calendar-before gives"))
    guard before != loaded.calendar.schedules else {
      if format == .json { return try StandardOutput.print("[]") }
      return try StandardOutput.print(l.pick("\(named)年节假日安排\(compared.same.zh)，不改变任何结论",
                                             "The \(named) schedules \(compared.same.en), which change nothing"))
    }
    let register = try store.open()
    let catalogue = try await reference.catalogue(for: register, at: store.path)
    let with = Checker(catalogue: catalogue, calendar: loaded.calendar)
    let without: Checker
    do { without = Checker(catalogue: catalogue, calendar: try WorkingDayCalendar(schedules: Array(before.values))) } catch {
      throw CommandFailure(status: .dataError, message: "the calendar without the schedules of \(named): \(ReferenceList.message(for: error))")
    }
    try await register.requireKnown(projects: project, units: units.unit)
    let measure = FindingMeasure(language: l)
    /// Where `finding` stands; with the publication judged when the schedules change which one that is.
    func stands(_ finding: Finding, naming publication: Bool) -> String {
      // A schedule that makes a weekend day a workday may turn a verdict on that reading of it alone: said as the alert
      // says it.
      measure.markedText(of: finding) + measure.lateness(of: finding) + measure.unverifiedReasons(of: finding, calendar: loaded.calendar)
        + (finding.deadline.map { l.pick(" · 截止 \($0.date)", " · deadline \($0.date)") + l.provisionalMark($0.isProvisional) } ?? "")
        + (finding.status == .tooShort
          ? finding.minimumEnd.map { l.pick(" · 应至 \($0.date)", " · due until \($0.date)") + l.provisionalMark($0.isProvisional) } ?? "" : "")
        + (publication ? finding.disclosure.map { l.pick(" · 所认定公开 \($0.publishedOn)", " · publication judged \($0.publishedOn)") } ?? "" : "")
    }
    var lines: [String] = []
    let changes = CalendarChangeJSON()
    let filter = MilestoneFilter(projects: project, categories: category, units: units.unit)
    try await register.forEachMilestone(matching: filter) { stored in
      guard let now = try with.judge(stored.milestone, asOf: asOf), let then = try without.judge(stored.milestone, asOf: asOf),
        Conclusion(now) != Conclusion(then)
      else { return }
      if format == .json { return try changes.write(FindingRecord(then, stored: stored), FindingRecord(now, stored: stored)) }
      let publicationMoved = then.disclosure != now.disclosure
      lines.append("""
          #\(now.milestone.id) \(now.rule.code) \(l.pick(now.rule.name)) · \(now.milestone.projectCode) \(Terminal.field(stored.projectName)) · \
        \(Terminal.field(now.responsibleUnit))
              \(stands(then, naming: publicationMoved)) → \(stands(now, naming: publicationMoved))
        """)
    }
    if format == .json {
      try changes.finish()
      if changes.written > 0, failOn != .never { throw ExitStatus.findings }
      return
    }
    guard !lines.isEmpty else {
      return try StandardOutput.print(l.pick("\(named)年节假日安排不改变任何结论（截至 \(asOf)）",
                                             "The \(named) \(years.count == 1 ? "schedule changes" : "schedules change") no finding (as of \(asOf))"))
    }
    try StandardOutput.print(l.pick("\(named)年节假日安排改变的结论（截至 \(asOf)；\(compared.zh) → 计入该安排）：\(lines.count) 项",
                                    years.count == 1 ? "What the \(named) schedule changes (as of \(asOf); \(compared.en) → with it): \(lines.count)"
                                      : "What the \(named) schedules change (as of \(asOf); \(compared.en) → with them): \(lines.count)"))
    try StandardOutput.print(lines.joined(separator: "\n"))
    if failOn != .never { throw ExitStatus.findings }
  }
}

extension Gongkai.Check {
  /// The schedules of `--calendar-before`, by year: each of a year `--calendar-change` names.
  private func earlierSchedules(of years: [Int]) throws -> [Int: HolidaySchedule] {
    guard !calendarBefore.isEmpty else { return [:] }
    let files = calendarBefore.map { URL(fileURLWithPath: $0) }
    let earlier = try LoadedCalendar.load(resources: BundledResources.folder(), directory: nil, files: files)
    var schedules: [Int: HolidaySchedule] = [:]
    for (year, source) in earlier.sources where files.contains(where: { $0.path == source }) {
      guard years.contains(year) else {
        throw CommandFailure.usage("--calendar-before \(source) holds the schedule of \(year), which no --calendar-change names; "
          + "add --calendar-change \(year)")
      }
      schedules[year] = earlier.calendar.schedules[year]
    }
    return schedules
  }
}

/// What a finding concludes, apart from whether it is provisional: what a new schedule may change, the publication
/// judged included (which of a 公示's runs counts).
private struct Conclusion: Equatable {
  let status: FindingStatus
  let deadline: CivilDate?
  let workingDays: Int?
  let workingDaysLate: Int?
  let minimumEnd: CivilDate?
  let publication: Disclosure?

  init(_ finding: Finding) {
    (status, deadline, workingDays) = (finding.status, finding.deadline?.date, finding.workingDays)
    (workingDaysLate, minimumEnd, publication) = (finding.workingDaysLate, finding.minimumEnd?.date, finding.disclosure)
  }
}

/// `--format` of `check`.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, csv
}

/// `--fail-on`: what makes `check` exit 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
  case overdue, due, never

  func isMet(by tally: CheckTally) -> Bool {
    switch self {
    case .overdue: tally.overdue > 0
    case .due: tally.overdue > 0 || tally.toDoSoon > 0
    case .never: false
    }
  }
}

extension FindingStatus {
  /// A status of `check`; withdrawn milestones are not checked, so asking for them says where they are.
  static func argument(_ text: String) throws -> FindingStatus {
    if text == AuditCSV.Status.withdrawn.rawValue {
      throw ValidationError("""
        status 'withdrawn': withdrawn milestones no longer count, so check leaves them out; \
        `gongkai export audit-csv --status withdrawn` lists them with the reason, who withdrew them and when
        """)
    }
    return try status(text, chineseName: \.chineseName)
  }
}

extension AuditCSV.Status {
  static func argument(_ text: String) throws -> AuditCSV.Status { try status(text, chineseName: \.chineseName) }
}

/// The `--status` named `text` by its code or its Chinese name (`逾期未公开`), spaces around it aside; else an error
/// naming the status meant, when it is typed in another case, with `_`, a space or nothing for `-`, or a letter or two off (one for a short
/// name: `done` is no `due`) (`Overdue`, `too_short`, `ontime`, `overdeu`), or by the name the outputs give an item published with no period
/// to keep (已公开, `published`), which counts as on time; else listing the statuses the option takes.
private func status<Status: RawRepresentable & CaseIterable>(_ text: String, chineseName: (Status) -> String) throws -> Status
  where Status.RawValue == String
{
  let typed = text.trimmingCharacters(in: .whitespaces)
  if let status = Status(rawValue: typed) { return status }
  // By the name the alerts and the audit CSV give it: what a clerk reads there is what they type.
  if let status = Status.allCases.first(where: { chineseName($0) == typed }) { return status }
  let code = typed.halfWidth.lowercased().replacing("_", with: "-").replacing(" ", with: "-")
  func only(_ fits: (Status) -> Bool) -> Status? {
    let found = Status.allCases.filter(fits)
    return found.count == 1 ? found.first : nil
  }
  let meant = only { $0.rawValue == code || $0.rawValue.replacing("-", with: "") == code }
    ?? (code.count < 4 ? nil : only { EditDistance.between($0.rawValue, code, atMost: $0.rawValue.count > 4 ? 2 : 1) != nil })
  if let meant {
    throw ValidationError("unknown status '\(text)'; did you mean \(meant.rawValue) (\(chineseName(meant)))?")
  }
  let onTime = FindingStatus.onTime
  if code == onTime.englishName(hasDeadline: false) || typed == onTime.chineseName(hasDeadline: false) {
    throw ValidationError("""
      unknown status '\(text)'; an item published with no period to keep (\(onTime.chineseName(hasDeadline: false)), \
      \(onTime.englishName(hasDeadline: false))) counts as on time: use --status \(onTime.rawValue)
      """)
  }
  throw ValidationError("unknown status '\(text)'; use one of \(Status.allCases.map(\.rawValue).joined(separator: ", "))")
}

/// Counts over every finding a check judged, whatever it shows, and the years without a schedule that what it
/// shows rests on.
struct CheckTally {
  let warnDays: Int
  private(set) var overdue = 0
  private(set) var toDoSoon = 0
  /// Only from findings shown: cron mails whatever a check prints, standard error included, and a warning about
  /// an item that needs nothing would mail staff every morning from late November until next year's schedule.
  private(set) var provisionalYears = Set<Int>()

  init(warnDays: Int) { self.warnDays = warnDays }

  /// `toDoSoon` counts what needs doing soon and is not yet overdue: what falls due within the warning days, and a
  /// 公示 too short that can still be put right (its end moved, or put up again).
  mutating func count(_ finding: Finding) {
    if finding.status == .overdue { overdue += 1 }
    if [.due, .tooShort].contains(finding.status), finding.needsAttention(warningDays: warnDays) { toDoSoon += 1 }
  }

  mutating func shown(_ finding: Finding, calendar: WorkingDayCalendar) {
    provisionalYears.formUnion(calendar.unscheduledYears(of: finding))
  }
}
