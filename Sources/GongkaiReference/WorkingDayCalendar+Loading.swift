import Foundation
import GongkaiCore

extension HolidaySchedule {
  static let keys: Set<String> = ["year", "source", "holidays"]

  /// Reads one year's schedule file (the form is in this target's README); throws every problem of the file, each
  /// at its line, so that an administrator typing a new year fixes them in one pass. A file named for a year
  /// (`2027.yaml`) must hold that year: a copied file still saying 2026 would otherwise replace 2026.
  public init(_ root: YAMLValue) throws(FileProblems) {
    var collector = ProblemCollector()
    guard let fields = collector.mapping(root, keys: Self.keys) else { throw FileProblems(collector.problems) }
    let yearValue = collector.attempt { () throws(FileProblem) in try fields.required("year") }
    let year = yearValue.flatMap { value in collector.attempt { () throws(FileProblem) in try value.integer() } }
    let source = collector.attempt { () throws(FileProblem) in try fields["source"]?.optionalShownText() } ?? nil
    var holidays: [Holiday] = []
    /// Where each holiday read is written, to name the line of a problem `problems()` finds.
    var places: [(holiday: YAMLValue, rest: YAMLValue, workdays: [YAMLValue])] = []
    let holidaysValue = collector.attempt { () throws(FileProblem) in try fields.required("holidays") }
    for item in collector.attempt({ () throws(FileProblem) in try holidaysValue?.sequence() ?? [] }) ?? [] {
      guard let holiday = collector.mapping(item, keys: ["name", "rest", "workdays", "note"]) else { continue }
      let name = collector.attempt { () throws(FileProblem) in try holiday.required("name").shownText() }
      let note = collector.attempt { () throws(FileProblem) in try holiday["note"]?.optionalShownText() } ?? nil
      let rest = collector.attempt { () throws(FileProblem) in
        let value = try holiday.required("rest")
        let text = try value.string()
        let ends = text.components(separatedBy: "..")
        guard ends.count == 2 else { throw value.problem("'\(text)' is not a range; write FIRST..LAST, e.g. 2026-10-01..2026-10-07") }
        let first = try value.date(ends[0]), last = try value.date(ends[1])
        guard first <= last else {
          throw value.problem("'\(text)' ends before it starts; write the first day, then the last, e.g. \(last)..\(first)")
        }
        return (value: value, days: first...last)
      }
      var workdays: [(value: YAMLValue, day: CivilDate)] = []
      for value in collector.attempt({ () throws(FileProblem) in try holiday["workdays"]?.sequence() ?? [] }) ?? [] {
        if let day = collector.attempt({ () throws(FileProblem) in try value.date(value.string()) }) { workdays.append((value, day)) }
      }
      guard let name, let rest else { continue }
      holidays.append(Holiday(name: name, restDays: rest.days, swappedWorkdays: workdays.map(\.day), note: note))
      places.append((item, rest.value, workdays.map(\.value)))
    }
    guard let year, let yearValue else { throw FileProblems(collector.problems.sortedByLine()) }
    let stem = URL(fileURLWithPath: root.file).deletingPathExtension().lastPathComponent
    if stem.count == 4, let named = Int(stem), named != year {
      collector.add(yearValue.problem("the file is named for \(named) but holds year \(year); fix `year:` or rename the file"))
    }
    let schedule = HolidaySchedule(year: year, source: source ?? "", holidays: holidays)
    var found = schedule.problems() + schedule.nameProblems()
    // A file that reads cleanly must also keep every holiday the law fixes; one with mistakes is not asked to,
    // since a holiday left out for a typo would be reported missing besides.
    if found.isEmpty && collector.problems.isEmpty { found = schedule.statutoryProblems() }
    for problem in found {
      // The line to fix: the swapped workday, the rest period, or the holiday named; else the list of holidays
      // for a holiday missing from it, or the year.
      let place = problem.holiday.map { places[$0] }
      let value = place.map { place in
        problem.workday.map { place.workdays[$0] } ?? (problem.error.isAboutRestDays ? place.rest : place.holiday)
      } ?? (problem.error.isMissingHoliday ? holidaysValue : nil) ?? yearValue
      // A file named for its year is renamed with it.
      if case .everyDayInAnotherYear(_, let days) = problem.error, stem.count == 4, Int(stem) == year {
        collector.add(value.problem(
          "year \(year), but every day listed is in \(days): give `year: \(days)` and name the file \(days).yaml, or the days of \(year)"))
        continue
      }
      collector.add(value.problem(ReferenceList.message(for: problem.error)))
    }
    guard collector.problems.isEmpty else { throw FileProblems(collector.problems.sortedByLine()) }
    self = schedule
  }
}

extension ScheduleError {
  /// Whether the problem lies in a holiday's rest period (its `rest:` line) rather than in the holiday as a whole.
  var isAboutRestDays: Bool {
    switch self {
    case .dayOutsideYear, .dayListedTwice, .restPeriodTooLong, .statutoryHolidayMissing(_, _, listedAs: .some): true
    default: false
    }
  }
}

extension ScheduleError {
  /// Whether the problem is a holiday the list of holidays lacks, to be added there.
  var isMissingHoliday: Bool {
    if case .statutoryHolidayMissing(_, _, nil) = self { true } else { false }
  }
}

extension YAMLValue {
  /// `text` as a date, or a problem naming this value's line. `yearFirst` reads every form of
  /// ``CivilDate/init(parsingYearFirst:)`` (`2026/11/3`, `2026年11月3日`): project files take what a spreadsheet cell
  /// holds, as staff keep both; calendar files keep to `YYYY-MM-DD`, the form `gongkai calendar --format yaml`
  /// writes them in.
  public func date(_ text: String, yearFirst: Bool = false) throws(FileProblem) -> CivilDate {
    let text = text.trimmingCharacters(in: .whitespaces)
    do { return try yearFirst ? CivilDate(parsingYearFirst: text) : CivilDate(parsing: text) } catch { throw problem("\(error)") }
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
  /// The administrator's files that replace a shipped year, with what each changes in the State Council's schedule.
  public let replacements: [Replacement]
  /// Files of the calendar folder named as a schedule Windows saved with its extension hidden (`2027.yaml.txt`),
  /// which are not read.
  public let misnamed: [String]
  /// What a warning says of each thing in an administrator's file that no notice has written so far, though one
  /// might: a holiday whose days off do not balance against the law's days and its swapped workdays, or a swapped
  /// workday weeks from its holiday (``HolidaySchedule/makeUpProblems()``), or a `source:` citing another year's
  /// notice (a file copied from last year's). Most likely typos, so warned of rather than refused.
  public let doubts: [String]
  /// What a warning says of each file or folder of the calendar folder meant as a schedule and not read
  /// (``BundledResources/strayedSchedules(in:)``): the year would be counted as though its file were missing.
  public let strayed: [String]

  /// What warnings say of the administrator's files beyond the days a replacement changes, in the order they are
  /// printed: every command and `doctor` print this one list, each with its own framing.
  public var fileWarnings: [String] {
    doubts + [misnamedWarning].compactMap { $0 } + strayed
  }

  /// What a warning says of the files not read, else nil.
  private var misnamedWarning: String? {
    guard !misnamed.isEmpty else { return nil }
    // A name already taken (a 2027.yaml beside the 2027.yaml.txt) would make two files of one year, which is refused.
    let meant = misnamed.map { (file: $0, name: URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent) }
    let taken = meant.filter { FileManager.default.fileExists(atPath: URL(fileURLWithPath: $0.file).deletingPathExtension().path) }
    return "\(misnamed.joined(separator: ", ")) \(misnamed.count == 1 ? "is" : "are") not read: a schedule's name ends in "
      + ".yaml (Windows hides the .txt it added to \(misnamed.count == 1 ? "this one" : "these")); rename \(misnamed.count == 1 ? "it" : "them") "
      + meant.map(\.name).joined(separator: ", ")
      + (taken.isEmpty ? "" : ", once the \(taken.map(\.name).joined(separator: ", ")) already there \(taken.count == 1 ? "is" : "are") "
        + "removed (one file a year), or remove \(misnamed.count == 1 ? "it" : "them")")
  }

  /// A file that replaces the schedule gongkai ships for its year: a notice corrected, or the next year's notice
  /// moving a day of this one (元旦 2027 may take 31 December 2026), which add days; a day left out is more often a
  /// mistake, and moves every deadline across it away from the official count.
  public struct Replacement: Sendable {
    public let year: Int
    public let file: String
    public let added: [HolidaySchedule.ListedDay]
    public let dropped: [HolidaySchedule.ListedDay]
    /// The notice the file cites (`source:`) when it is not the one the shipped schedule cites: a correction of the
    /// notice, which the file replaces deliberately.
    public let correction: String?

    /// What a warning says of a replacement that leaves days of the official schedule out without citing a notice of
    /// its own, else nil.
    public var droppedWarning: String? {
      guard !dropped.isEmpty, correction == nil else { return nil }
      return """
        \(file) replaces the State Council's schedule of \(year) that gongkai ships, and leaves out \
        \(dropped.map(\.description).joined(separator: ", ")): deadlines across \(dropped.count == 1 ? "it" : "them") \
        are counted otherwise than the notice says; restore \(dropped.count == 1 ? "it" : "them") from what \
        `GONGKAI_CALENDAR_DIR=$(mktemp -d) gongkai calendar \(year) --format yaml` prints (the shipped schedule), or, \
        where a later notice changed the schedule, cite that notice in the file's `source:` line
        """
    }
  }

  /// Loads the shipped schedules, then every file in `directory`, then `files`; an administrator's file replaces
  /// the shipped schedule of its year. Two administrator's files of one year (a `2027.yaml` beside a forgotten
  /// `2027_draft.yaml`) are refused, naming both: which one counted would otherwise depend on how the names sort.
  /// A file given twice (in the folder and with `--calendar`) is read once. Throws the problems of every file, at
  /// most ``FileProblems/shown``.
  public static func load(resources: URL, directory: URL?, files: [URL]) throws(FileProblems) -> LoadedCalendar {
    var schedules: [Int: HolidaySchedule] = [:]
    var sources: [Int: String] = [:]
    var replacements: [Replacement] = []
    var doubts: [String] = []
    /// Where an added file was read from: its fix, when another file gives its year, differs.
    enum Origin { case folder, option, resources }
    var added: [Int: (name: String, origin: Origin)] = [:]
    var problems: [FileProblem] = []
    let inResources: [URL]
    let inFolder: [URL]
    do {
      inResources = try BundledResources.yamlFiles(in: resources.appendingPathComponent("calendar"))
      inFolder = try directory.map(BundledResources.yamlFiles(in:)) ?? []
    } catch {
      throw FileProblems([error])
    }
    // Only `YYYY.yaml` of a year gongkai ships is shipped. Any other file put into its own folder by hand (a 2027, a
    // `2026-corrected.yaml`) is an administrator's, read after the shipped ones, named by its path and warned of, as
    // the next install removes it.
    let isShipped = { (url: URL) in
      BundledResources.shippedCalendarYears.contains { url.lastPathComponent == "\($0).yaml" }
    }
    let placedByHand = inResources.filter { !isShipped($0) }
    var strayed = placedByHand.map {
      "\($0.path) is not a schedule gongkai ships: the next install of gongkai replaces that folder without it; move it "
        + "into the calendar folder (\(directory?.path ?? "$GONGKAI_CALENDAR_DIR, or ~/.config/gongkai/calendar"))"
    }
    var seen = Set<String>()
    let administrators = (placedByHand + inFolder + files)
      .filter { seen.insert($0.standardizedFileURL.resolvingSymlinksInPath().path).inserted }
      .map { (url: $0, name: $0.path, origin: placedByHand.contains($0) ? Origin.resources : inFolder.contains($0) ? .folder : .option) }
    let read = inResources.filter(isShipped).map { (url: $0, name: "calendar/\($0.lastPathComponent)", origin: Origin?.none) }
      + administrators.map { (url: $0.url, name: $0.name, origin: Origin?.some($0.origin)) }
    for (url, name, origin) in read {
      let isAdded = origin != nil
      // The empty file a shell makes of `gongkai calendar 2026 --format yaml > FOLDER/2026.yaml` before that very
      // command reads the folder.
      if isAdded, inFolder.contains(url), (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) == 0 {
        problems.append(FileProblem(file: name, line: nil, field: nil, message: """
          file is empty; a shell redirect into the calendar folder (`> \(name)`) leaves it so before the command runs: \
          write the schedule elsewhere and move it in, or remove the file
          """))
        continue
      }
      let root: YAMLValue
      do { root = try YAMLValue.read(url, displayName: name) } catch {
        problems.append(error)
        continue
      }
      do {
        let schedule = try HolidaySchedule(root)
        if let origin {
          if let other = added[schedule.year] {
            // The files put into gongkai's own folder come first, then the folder's: a `--calendar` file of a year the
            // folder holds is one to try instead.
            let fix = switch (other.origin, origin) {
            case (.resources, _): "remove \(other.name) from gongkai's own folder (one file a year)"
            case (.folder, .option):
              "--calendar adds a year the folder lacks: drop --calendar to use the folder's, or move that file out of the folder while you try this one"
            case (.option, _): "give one --calendar file a year"
            case (.folder, _): "remove one of the two files (one file a year, which replaces the shipped one)"
            }
            problems.append(FileProblem(
              file: name, line: (try? root.mapping(keys: HolidaySchedule.keys))?["year"]?.line, field: "year",
              message: "year \(schedule.year) is also given by \(other.name); \(fix)"))
            continue
          }
          added[schedule.year] = (name, origin)
          doubts += schedule.makeUpProblems().map { "\(name): \(ReferenceList.message(for: $0.error))" }
          if schedule.source.trimmingCharacters(in: .whitespaces).isEmpty {
            // Where the days come from is what an auditor of a disputed deadline asks first, and what `doctor` shows.
            doubts.append("\(name): source: none given; add `source:` with the State Council's notice of \(schedule.year) "
              + "(its 国办发明电 number or title and its address), and check every day against it")
          } else if let cited = schedule.earlierYearCited {
            doubts.append("\(name): source: '\(schedule.source)' cites \(cited)'s notice, where the file holds \(schedule.year): "
              + "a file copied from last year's keeps its days too; cite the notice of \(schedule.year), and check every day against it")
          }
          if let official = schedules[schedule.year] {
            let (more, fewer) = official.changes(to: schedule)
            let cited = schedule.source.trimmingCharacters(in: .whitespaces)
            replacements.append(Replacement(year: schedule.year, file: name, added: more, dropped: fewer,
                                            correction: cited.isEmpty || cited == official.source ? nil : cited))
          }
        }
        schedules[schedule.year] = schedule
        sources[schedule.year] = name
      } catch {
        problems += error.problems
      }
    }
    guard problems.isEmpty else { throw FileProblems(problems).capped() }
    strayed += directory.map { BundledResources.strayedSchedules(in: $0, scheduled: Set(schedules.keys)) }?
      .map { "\($0.path) is not read: \($0.fix)" } ?? []
    do {
      let calendar = try WorkingDayCalendar(schedules: Array(schedules.values))
      return LoadedCalendar(calendar: calendar, sources: sources, version: Self.version(of: schedules),
                            replacements: replacements.sorted { $0.year < $1.year },
                            misnamed: directory.map(BundledResources.misnamedYAMLFiles(in:))?.map(\.path) ?? [],
                            doubts: doubts,
                            strayed: strayed)
    } catch {
      throw FileProblems([FileProblem(file: "calendar", line: nil, field: nil, message: ReferenceList.message(for: error))])
    }
  }

  /// `2018-2026,2028 fnv:1a2b3c4d`: the years, runs of consecutive ones as ranges, and a digest of every day listed.
  static func version(of schedules: [Int: HolidaySchedule]) -> String {
    var digest = ContentDigest()
    var years: [Int] = []
    for year in schedules.keys.sorted() {
      years.append(year)
      for holiday in schedules[year]!.holidays {
        let days = [holiday.restDays.lowerBound, holiday.restDays.upperBound] + holiday.swappedWorkdays
        digest.add(holiday.name + days.map(\.description).joined())
      }
    }
    let ranges = years.reduce(into: [[Int]]()) { runs, year in
      if let last = runs.last?.last, last + 1 == year { runs[runs.count - 1].append(year) } else { runs.append([year]) }
    }.map { $0.count == 1 ? "\($0[0])" : "\($0.first!)-\($0.last!)" }
    return "\(ranges.joined(separator: ",")) \(digest.text)"
  }
}
