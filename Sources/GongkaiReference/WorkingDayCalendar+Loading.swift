import Foundation
import GongkaiCore

extension HolidaySchedule {
  static let keys: Set<String> = ["year", "source", "holidays"]

  /// Reads one year's schedule file (the form is in this target's README).
  public init(_ root: YAMLValue) throws(FileProblem) {
    let fields = try root.mapping(keys: Self.keys)
    let yearValue = try fields.required("year")
    let year = try yearValue.integer()
    var holidays: [Holiday] = []
    /// Where each holiday and its swapped workdays are written, to name the line of a problem `validate` finds.
    var places: [(holiday: YAMLValue, rest: YAMLValue, workdays: [YAMLValue])] = []
    for item in try fields.required("holidays").sequence() {
      let holiday = try item.mapping(keys: ["name", "rest", "workdays"])
      let restValue = try holiday.required("rest")
      let rest = try restValue.string()
      let ends = rest.components(separatedBy: "..")
      guard ends.count == 2 else { throw restValue.problem("'\(rest)' is not a range; write FIRST..LAST, e.g. 2026-10-01..2026-10-07") }
      let first = try restValue.date(ends[0]), last = try restValue.date(ends[1])
      guard first <= last else { throw restValue.problem("the rest period ends before it starts") }
      let workdayValues = try holiday["workdays"]?.sequence() ?? []
      var workdays: [CivilDate] = []
      for day in workdayValues { workdays.append(try day.date(day.string())) }
      holidays.append(Holiday(name: try holiday.required("name").string(), restDays: first...last, swappedWorkdays: workdays))
      places.append((item, restValue, workdayValues))
    }
    self.init(year: year, source: try fields["source"]?.optionalString() ?? "", holidays: holidays)
    if let problem = problems().first {
      // The line to fix: the swapped workday, the rest period, or the holiday named; else the year.
      let place = problem.holiday.map { places[$0] }
      let value = place.map { place in
        problem.workday.map { place.workdays[$0] } ?? (problem.error.isAboutRestDays ? place.rest : place.holiday)
      } ?? yearValue
      throw value.problem("\(problem.error)")
    }
  }
}

extension ScheduleError {
  /// Whether the problem lies in a holiday's rest period (its `rest:` line) rather than in the holiday as a whole.
  var isAboutRestDays: Bool {
    switch self {
    case .dayOutsideYear, .dayListedTwice, .restPeriodTooLong: true
    default: false
    }
  }
}

extension YAMLValue {
  /// `text` as a date, or a problem naming this value's line.
  public func date(_ text: String) throws(FileProblem) -> CivilDate {
    do { return try CivilDate(parsing: text.trimmingCharacters(in: .whitespaces)) } catch { throw problem("\(error)") }
  }
}

/// The working-day calendar as loaded: the calendar itself and where each year's schedule came from.
public struct LoadedCalendar: Sendable {
  public let calendar: WorkingDayCalendar
  /// Each year's schedule file, shipped (`calendar/2026.yaml`) or added by an administrator (a path).
  public let sources: [Int: String]

  /// Identifies the schedules used, for audit rows: the years covered and a digest of their content, so
  /// two reports can be compared.
  public let version: String

  /// Loads the shipped schedules, then every file in `directory`, then `files`; a later file replaces an
  /// earlier schedule of the same year.
  public static func load(resources: URL, directory: URL?, files: [URL]) throws(FileProblem) -> LoadedCalendar {
    var schedules: [Int: HolidaySchedule] = [:]
    var sources: [Int: String] = [:]
    let shipped = BundledResources.yamlFiles(in: resources.appendingPathComponent("calendar")).map {
      ($0, "calendar/\($0.lastPathComponent)")
    }
    let added = (directory.map(BundledResources.yamlFiles(in:)) ?? []) + files
    for (url, name) in shipped + added.map({ ($0, $0.path) }) {
      let root = try YAMLValue.read(url, displayName: name)
      let schedule = try HolidaySchedule(root)
      // A file named for a year holds that year: a copied 2027.yaml still saying 2028 would otherwise replace 2028.
      let stem = url.deletingPathExtension().lastPathComponent
      if stem.count == 4, let named = Int(stem), named != schedule.year {
        throw FileProblem(file: name, line: (try? root.mapping(keys: HolidaySchedule.keys))?["year"]?.line, field: "year",
                          message: "the file is named for \(named) but holds year \(schedule.year); fix `year:` or rename the file")
      }
      schedules[schedule.year] = schedule
      sources[schedule.year] = name
    }
    do {
      let calendar = try WorkingDayCalendar(schedules: Array(schedules.values))
      return LoadedCalendar(calendar: calendar, sources: sources, version: Self.version(of: schedules))
    } catch {
      throw FileProblem(file: "calendar", line: nil, field: nil, message: "\(error)")
    }
  }

  /// `2018-2026+2027 fnv:1a2b3c4d`: the years, and a digest of every day listed.
  static func version(of schedules: [Int: HolidaySchedule]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var years: [Int] = []
    for year in schedules.keys.sorted() {
      years.append(year)
      for holiday in schedules[year]!.holidays {
        let days = [holiday.restDays.lowerBound, holiday.restDays.upperBound] + holiday.swappedWorkdays
        for byte in (holiday.name + days.map(\.description).joined()).utf8 {
          hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
      }
    }
    let ranges = years.reduce(into: [[Int]]()) { runs, year in
      if let last = runs.last?.last, last + 1 == year { runs[runs.count - 1].append(year) } else { runs.append([year]) }
    }.map { $0.count == 1 ? "\($0[0])" : "\($0.first!)-\($0.last!)" }
    let digest = String(hash, radix: 16)
    return "\(ranges.joined(separator: ",")) fnv:\(String(repeating: "0", count: 16 - digest.count) + digest)"
  }
}
