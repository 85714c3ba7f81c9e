/// Where a milestone stands against its disclosure duty as of a day.
public enum FindingStatus: String, Sendable, CaseIterable, Comparable, BitwiseCopyable {
  /// Published by the deadline (and, where a minimum period applies, kept up long enough).
  case onTime = "on-time"
  /// Published after the deadline.
  case late
  /// Not published and the deadline has passed: the legal failure the cron job exists to catch.
  case overdue
  /// Taken down (or set to be taken down) before the minimum publication period ends.
  case tooShort = "too-short"
  /// Not yet published; the deadline has not passed (or no law sets one). Last, as the annual report has it: the
  /// statuses judged come first, then what is still to come.
  case due

  /// 按时公开 ... 公示期不足, as alerts and reports print them.
  public var chineseName: String {
    switch self {
    case .onTime: "按时公开"
    case .late: "逾期公开"
    case .overdue: "逾期未公开"
    case .tooShort: "公示期不足"
    case .due: "待公开"
    }
  }

  /// The status as every output names it: 已公开, not 按时公开, for an item published where no law sets a period to
  /// publish in. There was no time to be on, and the annual report leaves such items out of the on-time rate, so a
  /// reader counting 按时公开 on a page, in the alert and in the audit CSV must find the same number in each.
  public func chineseName(hasDeadline: Bool) -> String {
    self == .onTime && !hasDeadline ? Self.publishedWithoutPeriodChineseName : chineseName
  }

  /// The status as the English outputs name it: its code, but `published` for an item published with no period to
  /// keep, as ``chineseName(hasDeadline:)`` names it 已公开.
  public func englishName(hasDeadline: Bool) -> String {
    self == .onTime && !hasDeadline ? "published" : rawValue
  }

  /// 已公开: an item published with no period to keep.
  private static let publishedWithoutPeriodChineseName = "已公开"

  /// What the outputs count by, in the order of ``allCases``: each status, and on-time twice, with a period and
  /// without (已公开 after 按时公开). Sorted by status, it is in the order of urgency.
  public static let namings: [(status: FindingStatus, hasDeadline: Bool)] = allCases.flatMap {
    $0 == .onTime ? [($0, true), ($0, false)] : [($0, true)]
  }

  /// The names the outputs count by, of ``namings``.
  public static let chineseNamesCounted = namings.map { $0.status.chineseName(hasDeadline: $0.hasDeadline) }

  /// Order of urgency for people: what is overdue first.
  public static func < (lhs: FindingStatus, rhs: FindingStatus) -> Bool { lhs.urgency < rhs.urgency }

  private var urgency: Int {
    switch self {
    case .overdue: 0
    case .tooShort: 1
    case .due: 2
    case .late: 3
    case .onTime: 4
    }
  }
}

/// The judgement of one milestone: everything an alert or an audit row needs to stand on its own.
public struct Finding: Sendable {
  public let milestone: Milestone
  public let rule: DisclosureRule
  public let status: FindingStatus
  /// The day the information had to be public by; `nil` when no law sets a period.
  public let deadline: Deadline?
  /// Working days late (`late`), overdue (`overdue`), left (`due`) or short of the minimum publication
  /// period (`too-short`); `nil` for `on-time` and for items without a deadline. Late and overdue count at least
  /// one, even on the rest days right after a deadline.
  public let workingDays: Int?
  /// Working days the first publication came after the deadline; `nil` when it came by the deadline, nothing
  /// is published or no law sets a period. A `too-short` publication may also have come late: `status` names
  /// one failure, and this keeps the other for the audit.
  public let workingDaysLate: Int?
  /// Whether the working days counted late or overdue may still change: counted from a provisional deadline, or
  /// across a year without an official holiday schedule (the deadline itself may be settled); or whether the publication
  /// judged came late at all, which a 公示 too short for certain may still turn out to have.
  public let latenessIsProvisional: Bool
  /// Whether the working days left to the deadline (`due`) may still change: the days from the day judged to the
  /// deadline lie where a schedule is missing. A deadline that is a fixed day (a tender notice's, by the day the
  /// documents go on sale) is settled, and the days left to it, judged ahead of it, are not.
  public let daysLeftIsProvisional: Bool
  /// Whether the publication judged came by the deadline may still change (not how many days it came after it): the
  /// deadline is not settled against the day it was published, or which publication is judged may change. What the
  /// public outputs' status of a 公示 still up (on time or late, by its first publication) rests on.
  public let timingIsProvisional: Bool
  /// Whether the status itself may still change when a missing holiday schedule is published. A provisional deadline
  /// need not make it so: a publication made before the period can have passed, each day the schedule may arrange
  /// counted as a possible working day (only the days before it decide), is on time whatever the schedule arranges,
  /// and an item overdue since a settled deadline stays overdue. Public pages
  /// and auditors ask this, not ``isProvisional``, before calling a verdict provisional.
  public let statusIsProvisional: Bool
  /// Whether which run of a 公示's publications is judged may change once a missing schedule is published: the
  /// publication judged, the days it was up and its minimum end (then marked provisional too) are that run's.
  public let judgedRunIsProvisional: Bool
  /// The publication judged, on or before the as-of day: the first; for a 公示 (an item with a minimum period) taken
  /// down too early and put up again, the first of the run judged (a ``PublicationRun``: the one that met the period,
  /// else the last while it can still be carried on, else the first).
  public let disclosure: Disclosure?
  /// The last day the publications of the run judged stay up (for an item without a minimum period, any of its
  /// publications); `nil` when one of them stays up with no end, or nothing was published.
  public let publishedUntil: CivilDate?
  /// The days those publications were put up, first to last; `nil` when nothing was published.
  public let publications: ClosedRange<CivilDate>?
  /// The earliest day the judged publication may come down, counted from ``minimumStart``.
  public let minimumEnd: Deadline?

  /// The day the minimum period of the judged publication counts from: its first day, or for a tender notice put up
  /// ahead of the sale, the first day of sale (``MinimumStart``); `nil` when nothing is published.
  public var minimumStart: CivilDate? {
    disclosure.map { rule.minimumStart(publishedOn: $0.publishedOn, formedOn: milestone.formedOn) }
  }
  /// Whether a `too-short` verdict rests on 民法典 art. 203 moving the end of a minimum of N calendar days past a
  /// weekend or a day the notice gives off: the publication was up through the Nth day, or the first day after the
  /// holiday the law fixes that day fell in, and that day is a Saturday or Sunday, or a weekday off by 调休 or 补假
  /// (``WorkingDayCalendar/isRestNotFixedByLaw(_:)``). legal-rules.md tags such days as 法定休假日 for that rule as
  /// unverified (M), so the verdict is, whatever its rule's tag.
  public let shortOnlyByWeekendExtension: Bool
  /// For an item `due` whose deadline, of calendar days, was moved past a Saturday or Sunday, or a day the notice gives
  /// off, as past a holiday, the day it ends with those read as the days they are
  /// (``WorkingDayCalendar/endWithoutWeekendReading(_:of:from:)``): a unit told it is due on the deadline is told a
  /// day that rests on the reading of such days as 法定休假日 (M), and the
  /// alert names this earlier day, by which publishing is on time under either reading. `nil` for a deadline that
  /// does not rest on the reading, and for every other status, whose verdict it does not decide.
  public let deadlineWithoutWeekendReading: CivilDate?
  /// Whether the deadline of an item `due` rests on the reading of weekends and days off by the notice as 法定休假日.
  public var deadlineRestsOnWeekendReading: Bool { deadlineWithoutWeekendReading != nil }
  /// Whether the publication judged came late, or the item is overdue, only by the reading that a swapped workday
  /// (调休上班) counts as a working day and ends a calendar-day period as one
  /// (``WorkingDayCalendar/isPastOnlyBySwappedWorkdays(_:deadline:of:from:)``): legal-rules.md tags that reading
  /// unverified (M), so the lateness is, whatever its rule's tag.
  public let lateOnlyBySwappedWorkdays: Bool
  /// For a publication on time, the readings of the calendar, tagged unverified (M) in legal-rules.md, without which it
  /// would not be: a deadline of calendar days moved past a weekend or a day the notice gives off
  /// (``CalendarReading/weekendExtension``,
  /// ``WorkingDayCalendar/isOnTimeOnlyByWeekendExtension(_:deadline:of:from:)``), and a 公示's minimum period reached only
  /// by counting swapped workdays (``CalendarReading/swappedWorkdays``,
  /// ``WorkingDayCalendar/reachesOnlyBySwappedWorkdays(_:end:of:from:)``). A verdict in the unit's favour that rests on an
  /// interpretation is as unverified as one against it. Empty for any other status.
  public let onTimeOnlyBy: [CalendarReading]
  /// The unit that must publish: the milestone's (as a register reads it, its own or its project's), else the rule's
  /// responsible party.
  public let responsibleUnit: String
  public let asOf: CivilDate

  /// How what the finding holds against the item for `status` is known: its rule's tag
  /// (``DisclosureRule/confidence(judging:)``), but unverified where the verdict rests on a reading of the calendar
  /// (``verdictReadings(judging:)``).
  public func confidence(judging status: FindingStatus) -> Confidence {
    verdictReadings(judging: status).isEmpty ? rule.confidence(judging: status) : .unverified
  }

  /// The readings of the calendar, tagged unverified in legal-rules.md, that the verdict for `status` rests on: for
  /// `too-short`, a weekend moving the minimum's end (``shortOnlyByWeekendExtension``); for `late` and `overdue`, and
  /// the lateness of a publication too short, swapped workdays treated as working days (``lateOnlyBySwappedWorkdays``);
  /// for `on-time`, those it is on time only by (``onTimeOnlyBy``); for `due`, a deadline moved past a weekend or a day
  /// the notice gives off (``deadlineRestsOnWeekendReading``), which it states. Empty when the verdict rests on the
  /// rule's periods alone.
  public func verdictReadings(judging status: FindingStatus) -> [CalendarReading] {
    switch status {
    case .tooShort: shortOnlyByWeekendExtension ? [.weekendExtension] : []
    case .late, .overdue: lateOnlyBySwappedWorkdays ? [.swappedWorkdays] : []
    case .onTime: onTimeOnlyBy
    case .due: deadlineRestsOnWeekendReading ? [.weekendExtension] : []
    }
  }

  /// How the deadline is known as the finding holds it against the item, a lateness included: its rule's tag, but
  /// unverified where the lateness or the overdue rests on counting swapped workdays.
  public var deadlineConfidence: Confidence { confidence(judging: .late) }

  /// The readings of the calendar a verdict of `status` rests on, and for a publication too short that came late, its
  /// lateness too: what an output that states both names.
  public func calendarReadings(judging status: FindingStatus) -> [CalendarReading] {
    verdictReadings(judging: status) + (statesLateness(judging: status) ? verdictReadings(judging: .late) : [])
  }

  /// The readings of the calendar any part of the finding as it stands rests on (``calendarReadings(judging:)`` of its
  /// status). What the audit CSV's 时限依据核实 names.
  public var calendarReadings: [CalendarReading] { calendarReadings(judging: status) }

  /// Whether the rule's own period, held from memory, is what a verdict of `status` or the lateness stated beside it
  /// rests on: its note in the rules says what to check.
  public func restsOnUnverifiedRule(judging status: FindingStatus) -> Bool {
    rule.confidence(judging: status) == .unverified || statesLateness(judging: status) && rule.confidence == .unverified
  }

  /// Whether the lateness of a publication too short, or a verdict of `status`, rests on anything unverified: the
  /// rule's period or a reading of the calendar. What an output that states both marks.
  public func hasUnverifiedPart(judging status: FindingStatus) -> Bool {
    restsOnUnverifiedRule(judging: status) || !calendarReadings(judging: status).isEmpty
  }

  /// Whether a verdict of `status` is stated with a lateness beside it: a publication too short that also came late.
  private func statesLateness(judging status: FindingStatus) -> Bool { status == .tooShort && workingDaysLate != nil }

  /// The finding needs someone's attention on the day judged (`asOf`): overdue, due within `warningDays`
  /// working days, or too short while it can still be repaired.
  ///
  /// A 公示 set to come down too early can be kept up, or put up again, until its minimum end; after that day
  /// the shortfall is settled history, like a `late` publication: nothing staff do can repair it, and alerting
  /// it every morning for ever would teach them to ignore the mail. It stays a `too-short` finding, reported
  /// when asked for (`check --status too-short`), in the audit and in the statistics.
  public func needsAttention(warningDays: Int) -> Bool {
    switch status {
    case .overdue: true
    case .tooShort: minimumEnd.map { asOf <= $0.date } ?? true
    case .due: workingDays.map { $0 <= warningDays } ?? false
    case .late, .onTime: false
    }
  }

  /// ``status`` as the outputs name it (``FindingStatus/chineseName(hasDeadline:)``).
  public var chineseStatusName: String { status.chineseName(hasDeadline: deadline != nil) }

  /// Whether anything the finding states rests on a year without an official holiday schedule: its deadline, the
  /// working days late, overdue or left, the day a 公示 may come down, or the status. What a warning names the years
  /// for; a verdict is marked by ``statusIsProvisional``.
  public var isProvisional: Bool { isProvisional(stating: .all) }

  /// ``isProvisional`` for an output that states only some counts of working days: the days left to a deadline
  /// (`check` and the public pages do; the audit CSV does not), the days late or overdue (`project show` states
  /// neither). One that does not state a count would otherwise warn of a year nothing it shows rests on.
  public func isProvisional(stating counts: StatedCounts) -> Bool {
    (deadline?.isProvisional ?? false) || counts.contains(.late) && latenessIsProvisional || counts.contains(.left) && daysLeftIsProvisional
      || (minimumEnd?.isProvisional ?? false) || statusIsProvisional
  }

  /// The counts of working days an output states of a finding.
  public struct StatedCounts: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// The working days late or overdue (``workingDaysLate``, or ``workingDays`` of those statuses).
    public static let late = StatedCounts(rawValue: 1)
    /// The working days left to the deadline (``workingDays`` of `due`).
    public static let left = StatedCounts(rawValue: 2)
    public static let all: StatedCounts = [.late, .left]
  }

  /// How much too early a 公示 came down (`tooShort`), in the unit of its minimum period: calendar days for one of
  /// 日, working days otherwise; `nil` for any other status (a too-short finding always has both ends).
  public var minimumShortfall: (days: Int, unit: Period.Unit)? {
    guard status == .tooShort, let until = publishedUntil, let end = minimumEnd?.date, let minimum = rule.minimumPublication else {
      return nil
    }
    return minimum.unit == .calendarDays ? (until.days(to: end), .calendarDays) : (workingDays ?? 0, .workingDays)
  }

  /// Whether an item due is due on the day judged. No working day left is not the same: a notice due by its own day, a
  /// holiday after a run of rest days (a sale starting on 1 January), still has days to go up, as its deadline says.
  public var isDueToday: Bool { status == .due && deadline?.date == asOf }

  /// Whether the count in ``workingDays`` may still change: the working days late or overdue, left to a provisional
  /// deadline or across days without a schedule (``daysLeftIsProvisional``), or short of a provisional minimum end.
  public var workingDaysAreProvisional: Bool {
    switch status {
    case .overdue, .late: latenessIsProvisional
    case .due: (deadline?.isProvisional ?? false) || daysLeftIsProvisional
    case .tooShort: minimumEnd?.isProvisional ?? false
    case .onTime: false
    }
  }
}

/// A reading of the calendar that no statute states and legal-rules.md tags unverified (M), which a verdict may rest
/// on: the tracker applies it, and says so wherever such a verdict is stated.
public enum CalendarReading: Sendable, Hashable {
  /// 民法典 art. 203 moves a period's end past a Saturday or Sunday, or a weekday the year's notice gives off (调休,
  /// 补假), as past a holiday: days off that the 放假办法 does not fix, read as 法定休假日.
  case weekendExtension
  /// A weekend day worked in exchange for a holiday (调休上班) counts as a working day, and a calendar-day period
  /// ending on one does not move.
  case swappedWorkdays

  /// `weekend-extension`, `swapped-workdays`: as the finding record names it for programs.
  public var code: String {
    switch self {
    case .weekendExtension: "weekend-extension"
    case .swappedWorkdays: "swapped-workdays"
    }
  }

  /// 逢周末或通知放假日顺延, 调休上班日视为工作日: as the audit CSV and the alerts name it.
  public var name: LocalizedText {
    switch self {
    case .weekendExtension: LocalizedText(chinese: "逢周末或通知放假日顺延", english: "end moved past a weekend or a notice's day off")
    case .swappedWorkdays: LocalizedText(chinese: "调休上班日视为工作日", english: "swapped workdays treated as working days")
    }
  }

  /// What a public page says under an item whose verdict of `status` rests on the reading: what it is, that it is no
  /// statute's, and which verdict it decides; `period` names the item's minimum period as its rule does (公示期, 公告期,
  /// 征求意见期). A verdict on time rests on it as much as one against the unit does. `inCalendarDays`: whether the
  /// period the reading decides is of 日, whose end a swapped workday leaves unmoved, which the note then says.
  public func pageNote(period: String, judging status: FindingStatus, inCalendarDays: Bool) -> String {
    let unmoved = inCalendarDays ? "（以日计的\(status == .onTime ? period : "期限")期满日为调休上班日的，不顺延）" : ""
    return switch (self, status) {
    case (.weekendExtension, .onTime):
      "本事项以日计的公开期限期满日逢周末或者放假通知安排的休息日（调休、补假），或者逢节假日顺延后逢之的，按顺延至其后第一个工作日计算；周末及放假通知安排的休息日是否视同法定休假日顺延，法律未明文规定，据此认定的按时公开仅供参考。"
    case (.weekendExtension, .due):
      "本事项以日计的公开期限期满日逢周末或者放假通知安排的休息日（调休、补假），或者逢节假日顺延后逢之的，按顺延至其后第一个工作日计算；周末及放假通知安排的休息日是否视同法定休假日顺延，法律未明文规定，据此确定的公开截止日仅供参考。"
    case (.weekendExtension, _):
      "本事项\(period)期满日逢周末或者放假通知安排的休息日（调休、补假），或者逢节假日顺延后逢之的，按顺延至其后第一个工作日计算；周末及放假通知安排的休息日是否视同法定休假日顺延，法律未明文规定，据此认定的\(period)不足仅供参考。"
    case (.swappedWorkdays, .onTime):
      "本事项\(period)将调休上班日视为工作日计算\(unmoved)；该计日方法法律未明文规定，据此认定的\(period)已满仅供参考。"
    case (.swappedWorkdays, _):
      "本事项期限将调休上班日视为工作日计算\(unmoved)；该计日方法法律未明文规定，据此认定的逾期仅供参考。"
    }
  }
}
