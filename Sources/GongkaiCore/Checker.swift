/// Judges milestones against the rules and the working-day calendar.
///
/// Each milestone is judged on its own (``judge(_:asOf:)``), so a check streams: a store feeds it one project's
/// milestones at a time from a database cursor, and memory does not grow with the size of the register.
public struct Checker: Sendable {
  public let catalogue: RuleCatalogue
  public let calendar: WorkingDayCalendar

  public init(catalogue: RuleCatalogue, calendar: WorkingDayCalendar) {
    self.catalogue = catalogue
    self.calendar = calendar
  }

  /// The finding for `milestone` as of `asOf`, or `nil` when the information was formed after `asOf`.
  ///
  /// An item the law wants public by its own day (a tender notice by the day its documents go on sale) is judged
  /// before that day too, from ``Disclosure/longestLead`` days ahead of it, as early as its notice may go up: its
  /// deadline is known, and a notice up ahead of it is on time, one not up yet due. Further ahead the item is not
  /// yet in view, as a check "as of" a day a year before it would otherwise count it due.
  /// Disclosures dated after `asOf` are ignored, so a check "as of" a past day shows what an auditor saw then.
  public func judge(_ milestone: Milestone, asOf: CivilDate) throws(CheckError) -> Finding? {
    guard milestone.formedOn <= asOf || asOf.days(to: milestone.formedOn) <= Disclosure.longestLead
      && catalogue.admitsPublicationBeforeFormation(
        of: milestone.kind, formedOn: milestone.formedOn, isChange: milestone.changes != nil) else { return nil }
    guard let rule = catalogue.rule(for: milestone.kind, formedOn: milestone.formedOn) else {
      throw .unknownKind(milestoneID: milestone.id, kind: milestone.kind)
    }
    do {
      let period = rule.period(forChange: milestone.changes != nil)
      let deadline = try period.map { (period) throws(PeriodError) in try calendar.deadline(of: period, from: milestone.formedOn) }
      let choice = try judgedRun(of: milestone, rule: rule, asOf: asOf)
      let judged = choice.run
      let first = judged.map { milestone.disclosures[$0.run.firstPosition] }
      let until = judged?.run.until
      let minimumEnd = judged?.minimumEnd.map { choice.runIsUnsettled ? Deadline(date: $0.date, isProvisional: true) : $0 }
      let daysLate = first.flatMap { lateness(of: $0.publishedOn, deadline: deadline?.date) }
      let (status, days) = assess(deadline: deadline?.date, isPublished: first != nil, daysLate: daysLate,
                                  until: until, minimumEnd: minimumEnd?.date, asOf: asOf)
      // The day the deadline is held against: the first publication's, else the day judged.
      let decidedOn = first?.publishedOn ?? asOf
      var deadlineUnsettled = false, lateOnlyBySwappedWorkdays = false
      if let deadline, let period {
        deadlineUnsettled = !calendar.settles(deadline, of: period, from: milestone.formedOn, against: decidedOn)
        lateOnlyBySwappedWorkdays = (status == .overdue || daysLate != nil)
          && calendar.isPastOnlyBySwappedWorkdays(decidedOn, deadline: deadline.date, of: period, from: milestone.formedOn)
      }
      // The days counted late or overdue, and whether a publication came late at all: a 公示 too short for certain
      // may still turn out late, or on time.
      let timingIsProvisional = deadline != nil && first != nil && (deadlineUnsettled || choice.runIsUnsettled)
      let latenessIsProvisional = deadline.map { deadline in
        (status == .overdue || daysLate != nil) && (deadline.isProvisional || calendar.isProvisional(from: deadline.date, through: decidedOn))
          || timingIsProvisional
      } ?? false
      // A 公示 too short for certain is too short whenever it was published; any other status also rests on the deadline.
      let statusIsProvisional = choice.metIsUnsettled || status != .tooShort && deadlineUnsettled
      return Finding(
        milestone: milestone, rule: rule, status: status, deadline: deadline, workingDays: days,
        workingDaysLate: daysLate, latenessIsProvisional: latenessIsProvisional,
        daysLeftIsProvisional: status == .due && deadline.map { calendar.isProvisional(from: asOf.adding(days: 1), through: $0.date) } ?? false,
        timingIsProvisional: timingIsProvisional,
        statusIsProvisional: statusIsProvisional,
        judgedRunIsProvisional: choice.runIsUnsettled, disclosure: first,
        publishedUntil: until, publications: judged?.run.published, minimumEnd: minimumEnd,
        shortOnlyByWeekendExtension: status == .tooShort
          && isShortOnlyByWeekend(minimum: rule.minimumPublication,
                                  from: first.map { rule.minimumStart(publishedOn: $0.publishedOn, formedOn: milestone.formedOn) },
                                  until: until, end: minimumEnd?.date),
        deadlineWithoutWeekendReading: status == .due ? endBeforeWeekendReading(deadline, of: period, from: milestone.formedOn) : nil,
        lateOnlyBySwappedWorkdays: lateOnlyBySwappedWorkdays,
        onTimeOnlyBy: status == .onTime
          ? readingsKeepingOnTime(first, until: until, minimumEnd: minimumEnd?.date, deadline: deadline?.date, period: period,
                                  rule: rule, formedOn: milestone.formedOn)
          : [],
        responsibleUnit: milestone.responsibleUnit ?? rule.responsible.chinese, asOf: asOf)
    } catch {
      throw .period(milestoneID: milestone.id, error)
    }
  }

  /// The day a deadline of calendar days ends with weekends read as the days they are, where that is before it.
  private func endBeforeWeekendReading(_ deadline: Deadline?, of period: Period?, from start: CivilDate) -> CivilDate? {
    guard let deadline, let period else { return nil }
    let end = calendar.endWithoutWeekendReading(deadline.date, of: period, from: start)
    return end < deadline.date ? end : nil
  }

  /// Whether a publication up from `first` through `until` is short of a minimum of N calendar days, ending on `end`,
  /// only because the end moved past a weekend or a day the notice gives off, which 民法典 art. 203 moves it past as
  /// past a holiday (``Finding/shortOnlyByWeekendExtension``): up through the end with those read as the days they are.
  private func isShortOnlyByWeekend(minimum: Period?, from first: CivilDate?, until: CivilDate?, end: CivilDate?) -> Bool {
    guard let minimum, let first, let until, let end else { return false }
    return until >= calendar.endWithoutWeekendReading(end, of: minimum, from: first)
  }

  /// The readings of the calendar a publication on time is so only by (``Finding/onTimeOnlyBy``): its deadline, of
  /// calendar days, moved past a weekend or a day the notice gives off, and its minimum period reached by counting
  /// swapped workdays.
  private func readingsKeepingOnTime(
    _ first: Disclosure?, until: CivilDate?, minimumEnd: CivilDate?, deadline: CivilDate?, period: Period?, rule: DisclosureRule,
    formedOn: CivilDate
  ) -> [CalendarReading] {
    guard let first else { return [] }
    var readings: [CalendarReading] = []
    if let deadline, let period, calendar.isOnTimeOnlyByWeekendExtension(first.publishedOn, deadline: deadline, of: period, from: formedOn) {
      readings.append(.weekendExtension)
    }
    if let minimum = rule.minimumPublication, let until, let minimumEnd,
      calendar.reachesOnlyBySwappedWorkdays(
        until, end: minimumEnd, of: minimum, from: rule.minimumStart(publishedOn: first.publishedOn, formedOn: formedOn))
    {
      readings.append(.swappedWorkdays)
    }
    return readings
  }

  /// The run of a milestone's publications a finding judges, and what a missing schedule may still turn of it.
  private struct RunChoice {
    typealias Run = (run: PublicationRun, minimumEnd: Deadline?)
    /// For a 公示, the first run long enough; else the last while it can still be kept up (its own minimum end to come,
    /// and up or down only since yesterday), which a repair would make long enough; else the first, whose shortfall
    /// stands. Without a minimum, every publication counts toward how long it was up. `nil` when nothing is published.
    let run: Run?
    /// Whether a schedule still missing could join or split the runs, or make a run visited meet its minimum period
    /// where it fails, or the reverse: whether any run met it, the status, may change.
    let metIsUnsettled: Bool
    /// Whether which run is judged may change: so may the publication judged, how late it came and the end it had
    /// to reach, with a settled status too (too short either way).
    let runIsUnsettled: Bool
  }

  private func judgedRun(of milestone: Milestone, rule: DisclosureRule, asOf: CivilDate) throws(PeriodError) -> RunChoice {
    var earliest, latest, met: RunChoice.Run?
    // Whether a schedule still missing could join or split the runs (the rest days between two publications decide
    // whether one carries on), or make a run judged here meet its minimum period where it fails, or the reverse.
    var joinsUnsettled = false, endsUnsettled = false
    // A local function, not a closure value: one held in a constant escapes, and its context (a copy of the
    // checker and the rule, retained field by field) was allocated for every milestone judged.
    func continues(_ end: CivilDate, _ next: CivilDate) -> Bool {
      let carries = carrying(publicationOf: rule, endedOn: end, putUpOn: next)
      if !carries.isSettled { joinsUnsettled = true }
      return carries.holds
    }
    try PublicationRun.forEach(in: milestone.disclosures, asOf: asOf, continues: continues) { (run) throws(PeriodError) in
      let start = rule.minimumStart(publishedOn: run.firstPublishedOn, formedOn: milestone.formedOn)
      let minimumEnd = try rule.minimumPublication.map { (period) throws(PeriodError) in
        try calendar.deadline(of: period, from: start)
      }
      if earliest == nil { earliest = (run, minimumEnd) }
      latest = (run, minimumEnd)
      // Met when the day after the run came down is past its minimum end.
      if let minimum = rule.minimumPublication, let minimumEnd, let until = run.until,
        !calendar.settles(minimumEnd, of: minimum, from: start, against: until.adding(days: 1))
      {
        endsUnsettled = true
      }
      guard minimumEnd.map({ end in run.until.map { $0 >= end.date } ?? true }) ?? true else { return false }
      met = (run, minimumEnd)
      return true
    }
    // Whether the last run can still be repaired: its minimum end still to come on the day judged, and no working day
    // off the channels since it came down.
    var repairable: RunChoice.Run?
    var repairUnsettled = false
    if let latest, let minimum = rule.minimumPublication, let end = latest.minimumEnd {
      let endToCome = SettledAnswer(
        holds: asOf <= end.date,
        isSettled: calendar.settles(end, of: minimum, from: rule.minimumStart(publishedOn: latest.run.firstPublishedOn,
                                                                              formedOn: milestone.formedOn), against: asOf))
      let carried = latest.run.until.map { carrying(publicationOf: rule, endedOn: $0, putUpOn: asOf) } ?? .settled(true)
      let repair = endToCome.and(carried)
      repairUnsettled = !repair.isSettled
      if repair.holds { repairable = latest }
    }
    // Another run could be judged: one visited besides, or one after the run met, never visited. Asked only of a choice
    // a missing schedule may turn, which nearly no milestone has.
    func otherRuns() -> Bool {
      earliest?.run.firstPosition != latest?.run.firstPosition || met.map { met in
        milestone.disclosures.contains { $0.publishedOn > met.run.lastPublishedOn && $0.publishedOn <= asOf }
      } ?? false
    }
    return RunChoice(
      run: met ?? repairable ?? earliest, metIsUnsettled: joinsUnsettled || endsUnsettled,
      runIsUnsettled: joinsUnsettled || (endsUnsettled || met == nil && repairUnsettled) && otherRuns())
  }

  /// Whether a publication of a `rule` item put up on `day` carries on publications that came down after `end`: put
  /// up by the next day, or for a minimum period in working days by the next working day (rest days off the
  /// channels count for nothing toward it). Without a minimum period every publication counts toward how long the
  /// item was up. The checker's runs and the repair advice of `log` and `disclose` both ask it.
  public func carriesOn(publicationOf rule: DisclosureRule, endedOn end: CivilDate, putUpOn day: CivilDate) -> Bool {
    carrying(publicationOf: rule, endedOn: end, putUpOn: day).holds
  }

  /// ``carriesOn(publicationOf:endedOn:putUpOn:)``, and whether the answer is settled: rest days between the two that
  /// lie in a year without its schedule may turn out to be working days, or the reverse; one settled working day
  /// between them settles that the second does not carry on.
  private func carrying(publicationOf rule: DisclosureRule, endedOn end: CivilDate, putUpOn day: CivilDate) -> SettledAnswer {
    guard let minimum = rule.minimumPublication, day > end.adding(days: 1) else { return .settled(true) }
    guard minimum.unit == .workingDays else { return .settled(false) }
    let lastDayOff = day.adding(days: -1)
    return SettledAnswer(
      holds: calendar.workingDays(from: end, through: lastDayOff) == 0,
      isSettled: !calendar.isProvisional(from: end.adding(days: 1), through: lastDayOff)
        || calendar.settledWorkingDays(from: end, through: lastDayOff) > 0)
  }

  /// The explanation of a milestone's deadline, or `nil` when no law sets a period for its kind.
  public func explainDeadline(of milestone: Milestone) throws(CheckError) -> DeadlineExplanation? {
    guard let rule = catalogue.rule(for: milestone.kind, formedOn: milestone.formedOn) else {
      throw .unknownKind(milestoneID: milestone.id, kind: milestone.kind)
    }
    guard let period = rule.period(forChange: milestone.changes != nil) else { return nil }
    do { return try calendar.explain(period, from: milestone.formedOn) } catch {
      throw .period(milestoneID: milestone.id, error)
    }
  }

  /// The explanation of a finding's ``Finding/minimumEnd``: its kind's minimum publication period counted from the
  /// publication judged. `nil` when no minimum applies or nothing is published.
  public func explainMinimumPublication(of finding: Finding) throws(CheckError) -> DeadlineExplanation? {
    guard let period = finding.rule.minimumPublication, let start = finding.minimumStart else { return nil }
    do { return try calendar.explain(period, from: start) } catch {
      throw .period(milestoneID: finding.milestone.id, error)
    }
  }

  /// Working days a publication on `published` came after `deadline`, or `nil` when it came by the deadline or
  /// no law sets one.
  private func lateness(of published: CivilDate, deadline: CivilDate?) -> Int? {
    guard let deadline, published > deadline else { return nil }
    return daysPast(deadline, on: published)
  }

  /// Working days from `deadline` to `day`, a day after it: at least one, so that a publication (or a check) on
  /// the rest days right after a deadline reads as late, not as "0 working days late" beside an on-time one.
  private func daysPast(_ deadline: CivilDate, on day: CivilDate) -> Int {
    max(1, calendar.workingDays(from: deadline, through: day))
  }

  private func assess(
    deadline: CivilDate?, isPublished: Bool, daysLate: Int?, until: CivilDate?, minimumEnd: CivilDate?,
    asOf: CivilDate
  ) -> (FindingStatus, Int?) {
    guard isPublished else {
      guard let deadline else { return (.due, nil) }
      return asOf <= deadline
        ? (.due, calendar.workingDays(from: asOf, through: deadline))
        : (.overdue, daysPast(deadline, on: asOf))
    }
    if let until, let minimumEnd, until < minimumEnd {
      return (.tooShort, calendar.workingDays(from: until, through: minimumEnd))
    }
    guard let daysLate else { return (.onTime, nil) }
    return (.late, daysLate)
  }
}

/// A yes or no the checker works out, and whether the schedules still missing can turn it.
private struct SettledAnswer {
  let holds: Bool
  let isSettled: Bool

  static func settled(_ holds: Bool) -> SettledAnswer { SettledAnswer(holds: holds, isSettled: true) }

  /// Both at once: settled when both are, or when either is a settled no, which no other answer can turn to yes.
  func and(_ other: SettledAnswer) -> SettledAnswer {
    SettledAnswer(holds: holds && other.holds,
                  isSettled: isSettled && other.isSettled || isSettled && !holds || other.isSettled && !other.holds)
  }
}

/// A milestone the checker cannot judge.
public enum CheckError: Equatable, Sendable, PointsToReferenceList {
  case unknownKind(milestoneID: Int64, kind: String)
  case period(milestoneID: Int64, PeriodError)

  public var description: String {
    switch self {
    case .unknownKind(let id, let kind):
      "milestone \(id): item kind '\(kind)' is not in the rules catalogue; choose the profile that defines it"
    case .period(let id, let error): "milestone \(id): \(error)"
    }
  }

  public var seeAlso: ReferenceList? {
    if case .unknownKind = self { .profiles } else { nil }
  }
}
