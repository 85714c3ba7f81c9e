import ArgumentParser
import GongkaiCore
import GongkaiReference
import Synchronization

extension Gongkai {
  struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "calendar",
      abstract: "Show a year's working days: rest days and swapped workdays (调休).",
      discussion: """
        Text shows the twelve months as a grid. JSON is an array with one object per day:
          {"date": "2026-01-04", "kind": "swapped-workday", "name": "元旦",
           "workday": true}

        kind is one of workday, weekend, rest-day, swapped-workday; name is given for holidays and swapped days.
        YAML is the year's schedule file, to start a replacement from: a notice that moves days of the year before \
        it (元旦) is entered in that earlier year's file, e.g. gongkai calendar 2026 --format yaml > 2026.yaml, \
        then moved into the calendar folder (not written there directly: the folder is read as the file is written).
        A year without an official schedule is shown with weekends and the statutory holidays of \
        《全国年节及纪念日放假办法》 only (元旦, 劳动节, 国庆节, and from 2008 to 2070 春节, 清明节, 端午节, 中秋节), \
        a holiday's days on a Saturday or Sunday made up on the working days right after it (补假), with a warning.
        """)

    @Argument(help: ArgumentHelp("The year, e.g. 2026.", valueName: "year"))
    var year: Int

    @OptionGroup var calendarOptions: CalendarOptions
    @Option(help: "Output format.") var format: CalendarFormat = .text

    func validate() throws {
      let range = CivilDate.earliest.year...CivilDate.latest.year
      guard range.contains(year) else {
        throw ValidationError("year \(year) is outside \(range.lowerBound)...\(range.upperBound); give a year within it")
      }
    }

    func run() async throws {
      let loaded = try calendarOptions.loadCalendar()
      let calendar = loaded.calendar
      if !calendar.hasSchedule(for: year) && format != .yaml { Terminal.warning(Warnings.noSchedule([year], calendar: calendar)) }
      let days = (CivilDate(year: year, month: 1, day: 1)!.dayNumber...CivilDate(year: year, month: 12, day: 31)!.dayNumber)
        .map(CivilDate.init(dayNumber:))
      switch format {
      case .json:
        try JSONOutput.print(days.map { CalendarDay(date: $0, calendar: calendar) })
      case .text:
        try StandardOutput.print(CalendarGrid(year: year, calendar: calendar, source: loaded.sources[year]).rendered, terminator: "")
      case .yaml:
        guard let schedule = calendar.schedules[year] else {
          throw CommandFailure(status: .noInput,
            message: "\(year) has no official schedule to write; write \(year).yaml from the State Council's notice, starting from a year's form: gongkai calendar \(calendar.scheduledYears.last ?? 2026) --format yaml")
        }
        try StandardOutput.print(schedule.fileText, terminator: "")
      }
    }
  }
}

/// `--format` of `calendar`.
enum CalendarFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json, yaml
}

/// One day of `gongkai calendar --format json`.
struct CalendarDay: Encodable {
  let date: CivilDate
  let workday: Bool
  let kind: String
  let name: String?

  init(date: CivilDate, calendar: WorkingDayCalendar) {
    self.date = date
    let kind = calendar.kind(of: date)
    workday = kind.isWorkingDay
    self.kind = kind.rawValue
    name = kind == .restDay || kind == .swappedWorkday ? calendar.holidayName(of: date) : nil
  }
}

/// Warning texts shared by the commands that count days.
enum Warnings {
  /// Warns on standard error when what a command printed or wrote rests on years without a schedule, once a year a
  /// command: a notice export's pages, index and feed each rest on the same years, and the long warning came three times.
  static func warnIfUnscheduled(_ years: Set<Int>, calendar: WorkingDayCalendar) {
    let unwarned = warnedYears.withLock { warned in
      defer { warned.formUnion(years) }
      return years.subtracting(warned)
    }
    if !unwarned.isEmpty { Terminal.warning(noSchedule(unwarned.sorted(), calendar: calendar)) }
  }

  /// The years this command has warned of.
  private static let warnedYears = Mutex(Set<Int>())

  /// What to do differs by year: the State Council publishes a year's notice in the autumn before it, so the
  /// notice of this year or an earlier one (2017, before the schedules gongkai ships) exists and is to be added
  /// now, while a later year's is to be waited for. A year before the 条例 came into force holds no information
  /// under a duty the tracker judges: a date in it is most likely a year mistyped, and no notice is to be looked for.
  static func noSchedule(_ years: [Int], calendar: WorkingDayCalendar, today: CivilDate = StoreOptions.today()) -> String {
    let holidays = StatutoryHolidays.list(in: years)
    var text = "no official holiday schedule for \(YearList.english(years)): its days, and those of the last week before it, which its notice "
      + "may join to 元旦, are counted on weekends"
      + (holidays.isEmpty ? "" : " and the statutory holidays (\(holidays), with their make-up days)")
      + " alone, without what its notice arranges, so the result is provisional"
    let firstYear = GeneralDisclosurePeriod.firstInForce.year
    let early = years.filter { $0 < firstYear }
    let published = years.filter { $0 >= firstYear && $0 <= today.year }
    if !early.isEmpty {
      text += "; \(YearList.english(early)) \(early.count == 1 ? "is" : "are") before the 政府信息公开条例 came into force "
        + "(\(GeneralDisclosurePeriod.firstInForce)): a date of information formed there is most likely a year mistyped"
    }
    if let example = published.first {
      let shipped = calendar.scheduledYears
      let range = shipped.first.map { " (gongkai has the schedules of \($0)-\(shipped.last!))" } ?? ""
      text += "; the State Council's notice for \(YearList.english(published)) was published\(range): "
        + "add it as a calendar file, \(example).yaml in the form `gongkai calendar \(shipped.last ?? today.year) --format yaml` "
        + "prints, in \(CalendarOptions.folderForSchedules(of: published)) or given with --calendar FILE (README: A new year's holiday schedule)"
    }
    let future = years.filter { $0 > today.year }
    if !future.isEmpty {
      text += "; add the schedule of \(YearList.english(future)) (see `gongkai calendar --help`) in \(CalendarOptions.folderForSchedules(of: future)) "
        + whenPublished(future, today: today)
    }
    return text
  }

  /// When to add a later year's schedule: next year's notice usually comes out in October or November, so from October
  /// the operator is told to look for it, not to wait (a deadline of late December already rests on it).
  static func whenPublished(_ years: [Int], today: CivilDate) -> String {
    guard years == [today.year + 1], today.components.month >= 10 else { return "when the State Council publishes it" }
    return "as soon as the State Council's notice is out (it usually comes in October or November: look for "
      + "国务院办公厅关于\(today.year + 1)年部分节假日安排的通知 on www.gov.cn)"
  }
}
