import ArgumentParser
import GongkaiCore

extension Gongkai {
  struct Deadline: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compute the last day of a legal period counted from a day.",
      // `n` is parsed as a list so that a negative number gets a clear message; the user gives one.
      usage: "gongkai deadline <from> <n> [--calendar-days] [--explain] [--lang <lang>] [--calendar <file> ...]",
      discussion: """
        The period starts the day after FROM (民法典 art. 201). N working days end on the Nth working day; \
        N calendar days end N days later, moved to the next working day when that is a rest day (民法典 \
        art. 203). A disclosure on the deadline day is on time.

        Prints the deadline as YYYY-MM-DD on the first line; --explain adds how it was counted. A result that \
        touches a year without an official holiday schedule is provisional: a warning goes to standard error.

        Examples:
          gongkai deadline 2026-02-13 20            # 20 working days: 2026-03-19
          gongkai deadline 2026-02-12 3 --calendar-days --explain
        """)

    @Argument(help: ArgumentHelp("The day the information was formed (YYYY-MM-DD).", valueName: "from"),
              transform: CivilDate.argument)
    var from: CivilDate

    /// Taken as text so that a negative number reaches `validate()` instead of being read as an option.
    @Argument(parsing: .allUnrecognized,
              help: ArgumentHelp("The length of the period, 1 to \(Period.maximumLength).", valueName: "n"))
    var length: [String] = []

    @Flag(help: "Count calendar days (日) instead of working days (工作日).") var calendarDays = false
    @Flag(help: "Explain the count: start, skipped rest days, swapped workdays.") var explain = false
    @Option(help: "Language of the explanation.") var lang: Language = .zh
    @OptionGroup var calendarOptions: CalendarOptions

    var days: Int { Int(length.first ?? "") ?? 0 }

    func validate() throws {
      guard length.count == 1, let text = length.first else {
        let options = length.filter { $0.hasPrefix("-") && Int($0) == nil }
        throw ValidationError(options.isEmpty
          ? (length.isEmpty ? "the period is missing: give its length after the date, e.g. gongkai deadline \(from) 20 (working days; --calendar-days for 日)"
            : "give one period after the date, not \(length.count) (\(length.joined(separator: " "))), e.g. gongkai deadline \(from) 20")
          : "Unknown option '\(options[0])'; see `gongkai deadline --help`")
      }
      guard let number = Int(text), (1...Period.maximumLength).contains(number) else {
        throw ValidationError("<n> '\(text)' is not a usable period length; use a whole number of days from 1 to \(Period.maximumLength)")
      }
    }

    func run() async throws {
      let calendar = try calendarOptions.loadCalendar().calendar
      let period = try Period(days, calendarDays ? .calendarDays : .workingDays)
      let explanation: DeadlineExplanation
      do { explanation = try calendar.explain(period, from: from) } catch { throw CommandFailure.usage(error.description) }
      try StandardOutput.print(explanation.deadline.date)
      if explain { try StandardOutput.print(ExplanationText(explanation: explanation, calendar: calendar, language: lang).rendered, terminator: "") }
      if !explanation.unscheduledYears.isEmpty { Terminal.warning(Warnings.noSchedule(explanation.unscheduledYears, calendar: calendar)) }
    }
  }
}
