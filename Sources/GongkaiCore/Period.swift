/// A legal period: so many working days (工作日) or calendar days (日), or none at all after the day it is counted
/// from, for information the law wants public by that day (a tender notice by the day the documents go on sale).
///
/// A period starts the day after the day it is counted from (民法典 art. 201). A period of working days ends
/// on the Nth working day. A period of calendar days ends N days later, moved to the next working day when
/// that day is not one (民法典 art. 203). The last day counts whole. A period ending on the day it is counted from
/// is not moved off a rest day: the event it is tied to happens that day whatever the day.
public struct Period: Hashable, Sendable, CustomStringConvertible {
  public enum Unit: String, Hashable, Sendable, CaseIterable {
    case workingDays = "working-days"
    case calendarDays = "calendar-days"
    /// By the day the period is counted from, that day included: publication may come before it.
    case triggerDay = "trigger-day"
  }

  /// The longest period a rule or a command accepts: no statutory disclosure period comes near it, and the
  /// bound keeps a mistyped number from producing a date centuries away.
  public static let maximumLength = 1000

  public let length: Int
  public let unit: Unit

  /// A period of `length` working or calendar days. A period by the trigger day has no length: it is
  /// ``byTriggerDay``, and asking for one here is refused rather than made into a value no deadline fits.
  public init(_ length: Int, _ unit: Unit) throws(PeriodError) {
    guard unit != .triggerDay else { throw .lengthGivenToTriggerDay(length) }
    guard (1...Period.maximumLength).contains(length) else { throw .lengthOutOfRange(length) }
    self.length = length
    self.unit = unit
  }

  private init(triggerDay: ()) {
    length = 0
    unit = .triggerDay
  }

  /// Public by the day it is counted from, as 招标投标法实施条例 and the 环评 rules want a notice published before the
  /// event it announces (the documents on sale, the report submitted): `period: by-trigger-day` in a rules file.
  public static let byTriggerDay = Period(triggerDay: ())

  /// Whether information under this period may be published before the day it is counted from: only what the law
  /// wants public by that day. Any other publication dated before its milestone is a mistyped date.
  public var admitsPublicationBeforeItsStart: Bool { unit == .triggerDay }

  public static func workingDays(_ length: Int) throws(PeriodError) -> Period { try Period(length, .workingDays) }
  public static func calendarDays(_ length: Int) throws(PeriodError) -> Period { try Period(length, .calendarDays) }

  /// `20 working days`, `3 calendar days`, `1 working day`, `by the day it is counted from`.
  public var description: String {
    unit == .triggerDay ? "by the day it is counted from"
      : "\(length) \(unit == .workingDays ? "working" : "calendar") day\(length == 1 ? "" : "s")"
  }

  /// The form the rules' digest (``RuleCatalogue/version``) has always taken a period in, `1 working days` included:
  /// audit CSVs of other versions state the digest, so it changes with the rules only, never with the wording.
  var digestKey: String { unit == .triggerDay ? "by the trigger day" : "\(length) \(unit == .workingDays ? "working" : "calendar") days" }

  /// `20个工作日`, `3日`, as the statutes write them; `起算日前（含当日）` for a period ending on its first day.
  public var chineseDescription: String {
    switch unit {
    case .workingDays: "\(length)个工作日"
    case .calendarDays: "\(length)日"
    case .triggerDay: "起算日前（含当日）"
    }
  }

  /// `无固定期限`: what the Chinese outputs say where no law sets a period that can be counted from the milestone (none
  /// at all, or one tied to another event: 即时, 投标截止时间15日前), worded once so that the text check,
  /// the rules list and the audit CSV read alike.
  public static let noneChineseDescription = "无固定期限"
}

/// The last day of a period, and whether it rests on a year whose official schedule is not yet known.
public struct Deadline: Hashable, Sendable {
  public let date: CivilDate
  /// The computation touched a year without an official schedule; the date may still move.
  public let isProvisional: Bool

  public init(date: CivilDate, isProvisional: Bool) {
    self.date = date
    self.isProvisional = isProvisional
  }
}

extension WorkingDayCalendar {
  /// The last day of `period` counted from `start` (the day the information was formed, or the first day
  /// of a publication).
  public func deadline(of period: Period, from start: CivilDate) throws(PeriodError) -> Deadline {
    switch period.unit {
    case .workingDays:
      let end = try workingDay(period.length, after: start)
      return Deadline(date: end, isProvisional: isProvisional(from: start.adding(days: 1), through: end))
    case .calendarDays:
      let nominal = start.adding(days: period.length)
      guard nominal <= CivilDate.latest else { throw .beyondCalendar(from: start, days: period.length) }
      let end = try workingDay(onOrAfter: nominal)
      return Deadline(date: end, isProvisional: isProvisional(from: nominal, through: end))
    case .triggerDay:
      return Deadline(date: start, isProvisional: false)
    }
  }

  /// Whether `day`'s standing against `deadline`, the end of `period` counted from `start`, is settled: on or before
  /// it, or after it, whatever the schedules still missing arrange.
  ///
  /// Only the days before `day` decide. For working days, they hold at least the working days no missing schedule can
  /// take away, and at most those and every day a missing schedule may still arrange: `day` is after the deadline for
  /// certain when the first reach the period, on or before it for certain when the second fall short of it. So a
  /// publication on 2026-12-25 of a milestone formed on 2026-12-01 is on time for certain, though its deadline of 20
  /// working days ends in the last week of December, which the 2027 notice may still rearrange; and an item formed on
  /// 2026-12-10 is not overdue on 12-31 whatever that notice makes of the days after 12-24 (10 settled working days
  /// and 6 open ones before it, short of 20). For calendar days, a day after the nominal end is late for certain once a
  /// settled working day comes between.
  public func settles(_ deadline: Deadline, of period: Period, from start: CivilDate, against day: CivilDate) -> Bool {
    guard deadline.isProvisional else { return true }
    let before = day.adding(days: -1)
    switch period.unit {
    case .workingDays:
      let settled = settledWorkingDays(from: start, through: before)
      return settled >= period.length || settled + unsettledDays(from: start, through: before) < period.length
    case .calendarDays:
      let nominal = start.adding(days: period.length)
      guard day > nominal else { return true }
      return settledWorkingDays(from: nominal.adding(days: -1), through: before) > 0 || !isProvisional(from: nominal, through: before)
    case .triggerDay:
      return true
    }
  }

  /// Whether `day`, after `deadline`, the end of `period` counted from `start`, is past it only by the reading that a
  /// swapped workday (调休上班) counts as a working day, and that a calendar-day period ending on one does not move:
  /// with swapped workdays read as the weekend days they are, `day` would be on or before the end. legal-rules.md tags
  /// that reading unverified (M), so a verdict that rests on it is.
  public func isPastOnlyBySwappedWorkdays(_ day: CivilDate, deadline: CivilDate, of period: Period, from start: CivilDate) -> Bool {
    guard day > deadline else { return false }
    switch period.unit {
    case .workingDays:
      let before = day.adding(days: -1)
      return workingDays(from: start, through: before) - swappedWorkdays(from: start, through: before) < period.length
    case .calendarDays:
      // The end moved past swapped workdays as past rest days: at most a few days after the deadline.
      var end = deadline
      while end < day, kind(of: end) != .workday { end = end.adding(days: 1) }
      return day <= end
    case .triggerDay:
      return false
    }
  }

  /// Where a calendar-day `period` counted from `start`, ending on `end` as counted, would end with only the holidays
  /// the law fixes read as 法定休假日: moved past those, but not past a weekend day or a day the notice gives off
  /// (``isRestNotFixedByLaw(_:)``). `end` itself when the period does not end on a rest day, or is of working days.
  public func endWithoutWeekendReading(_ end: CivilDate, of period: Period, from start: CivilDate) -> CivilDate {
    guard period.unit == .calendarDays else { return end }
    var day = start.adding(days: period.length)
    while day < end, !isWorkingDay(day), !isRestNotFixedByLaw(day) { day = day.adding(days: 1) }
    return day
  }

  /// Whether `published`, on or before `deadline`, the end of a calendar-day `period` counted from `start`, is by it
  /// only because 民法典 art. 203 moved the end past a Saturday or Sunday, or a day the notice gives off, as past a
  /// holiday (``endWithoutWeekendReading(_:of:from:)``): with those read as the days they are, not 法定休假日,
  /// `published` would come after the end. A verdict on time that rests on that reading is as unverified as the reading.
  public func isOnTimeOnlyByWeekendExtension(_ published: CivilDate, deadline: CivilDate, of period: Period, from start: CivilDate)
    -> Bool
  {
    published <= deadline && published > endWithoutWeekendReading(deadline, of: period, from: start)
  }

  /// Whether `until`, on or after `end`, the end of a minimum `period` of publication from `start`, reaches it only by
  /// the reading that a swapped workday (调休上班) counts as a working day, and that a calendar-day period ending on one
  /// does not move: with swapped workdays read as the weekend days they are, the end would come after `until`. The
  /// mirror of ``isPastOnlyBySwappedWorkdays(_:deadline:of:from:)``, for a 公示 held long enough.
  public func reachesOnlyBySwappedWorkdays(_ until: CivilDate, end: CivilDate, of period: Period, from start: CivilDate) -> Bool {
    guard until >= end else { return false }
    switch period.unit {
    case .workingDays:
      return workingDays(from: start, through: until) - swappedWorkdays(from: start, through: until) < period.length
    case .calendarDays:
      // The end moved past swapped workdays as past rest days: at most a few days after it.
      var moved = end
      while moved <= until, kind(of: moved) != .workday { moved = moved.adding(days: 1) }
      return until < moved
    case .triggerDay:
      return false
    }
  }

  /// How the deadline of `period` counted from `start` comes about, day by day, for people who must
  /// defend it: where counting starts, which rest days it skipped, and where a calendar-day period was moved.
  public func explain(_ period: Period, from start: CivilDate) throws(PeriodError) -> DeadlineExplanation {
    let deadline = try deadline(of: period, from: start)
    guard period.unit != .triggerDay else {
      return DeadlineExplanation(start: start, period: period, countedFrom: start, nominalEnd: nil, deadline: deadline,
                                 skippedDays: [], swappedWorkdays: [], unscheduledYears: [])
    }
    let countedFrom = start.adding(days: 1)
    let nominal = period.unit == .calendarDays ? start.adding(days: period.length) : nil
    let skippedFrom = period.unit == .workingDays ? countedFrom : nominal!
    var skipped: [DeadlineExplanation.SkippedDay] = []
    var day = skippedFrom
    while day < deadline.date {
      if !isWorkingDay(day) { skipped.append(.init(date: day, kind: kind(of: day), holiday: holidayName(of: day))) }
      day = day.adding(days: 1)
    }
    let swapped = period.unit == .workingDays
      ? (countedFrom.dayNumber...deadline.date.dayNumber).map(CivilDate.init(dayNumber:)).filter {
        kind(of: $0) == .swappedWorkday
      } : []
    return DeadlineExplanation(
      start: start, period: period, countedFrom: countedFrom, nominalEnd: nominal, deadline: deadline,
      skippedDays: skipped, swappedWorkdays: swapped,
      unscheduledYears: unscheduledYears(from: skippedFrom, through: deadline.date))
  }
}

/// The reasoning behind one deadline.
public struct DeadlineExplanation: Hashable, Sendable {
  public struct SkippedDay: Hashable, Sendable {
    public let date: CivilDate
    public let kind: DayKind
    public let holiday: String?
  }

  /// The day the period is counted from (the milestone).
  public let start: CivilDate
  public let period: Period
  /// The first day of the period: the day after ``start``.
  public let countedFrom: CivilDate
  /// For calendar-day periods, the day N days after the start, before moving off a rest day.
  public let nominalEnd: CivilDate?
  public let deadline: Deadline
  /// Days that did not count (working-day periods) or that the end was moved across (calendar-day periods).
  public let skippedDays: [SkippedDay]
  /// Weekend days that counted because they were worked (调休上班).
  public let swappedWorkdays: [CivilDate]
  /// Years without an official schedule that the computation touched.
  public let unscheduledYears: [Int]
}
