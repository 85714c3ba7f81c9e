import GongkaiCore

extension Finding {
  /// Whether a 公示 found too short is still up on the day judged, by its recorded take-down day: the shortfall is what
  /// that day foresees, which keeping it up may still prevent (`check` alerts it as repairable), not a failure the
  /// public record can state yet. The public outputs show it as up, judged by its first publication alone.
  var isUpShortOfItsMinimum: Bool { status == .tooShort && publishedUntil.map { asOf <= $0 } == true }

  /// The status the public outputs state: ``status``, but on time or late by its first publication for a 公示 still up
  /// (``isUpShortOfItsMinimum``).
  var publicStatus: FindingStatus { isUpShortOfItsMinimum ? (workingDaysLate == nil ? .onTime : .late) : status }

  /// Whether ``publicStatus`` may change once a missing holiday schedule is published. For a 公示 still up, only whether
  /// it came by its deadline: not whether it will have been up long enough, which the public outputs do not state while
  /// it is up (on time or late by its first publication, either way), nor the days it came late by, which only the
  /// count's mark (（天数暂定）) hedges.
  var publicStatusIsProvisional: Bool { isUpOnTheDayJudged ? timingIsProvisional : statusIsProvisional }

  /// Whether the publication of a 公示 judged is still up on the day judged, by its recorded take-down day or for want
  /// of one.
  private var isUpOnTheDayJudged: Bool {
    rule.minimumPublication != nil && disclosure != nil && publishedUntil.map { asOf <= $0 } ?? true
  }

  /// The status in Chinese, with the lateness of a `too-short` publication that also came late, as the text check
  /// says it: `status` names one failure, and a reader of the page or the open data must not lose the other.
  var chineseStatusWithLateness: String {
    guard publicStatus == .tooShort, let late = workingDaysLate else { return publicStatus.chineseName }
    return "\(status.chineseName)，且逾期\(late)个工作日公开"
  }

  /// ``publicStatus`` named as the outputs count it (``FindingStatus/chineseName(hasDeadline:)``).
  var chinesePublicStatusName: String { publicStatus.chineseName(hasDeadline: deadline != nil) }

  /// Where the finding stands as the public page's timeline says it (逾期3个工作日公开, 逾期5个工作日未公开, 待公开，剩2个工作日),
  /// and the open data with it: an item late by a day and one late by forty are not the same failure. An item no law
  /// gives a period to publish in is published, not on time: there is no time to keep (the annual report leaves it
  /// out of the on-time rate).
  var chineseStanding: String {
    let days = workingDays ?? 0
    return switch publicStatus {
    case .onTime: chinesePublicStatusName
    case .late: "逾期\(workingDaysLate ?? days)个工作日公开"
    case .overdue: "逾期\(days)个工作日未公开"
    // Due on a rest day to come with no working day before it: "剩0个工作日" would read as due today.
    case .due where days == 0 && !isDueToday: deadline.map { "待公开，剩\(asOf.days(to: $0.date))日（其间无工作日）" } ?? "待公开"
    case .due: deadline == nil ? "待公开" : isDueToday ? "待公开，今日到期" : "待公开，剩\(days)个工作日"
    case .tooShort: chineseStatusWithLateness
    }
  }

  /// （暂定） where the status of ``chineseStanding`` may still change when a missing holiday schedule is published,
  /// （天数暂定） where only the working days it counts may. An item published before its period can have passed,
  /// whatever a schedule arranges, is on time for certain, though its deadline is provisional; one overdue since a settled deadline stays
  /// overdue, by a count that may move: the page must not hedge a verdict no schedule can change, and the index counts
  /// the verdicts marked （暂定）.
  var chineseProvisionalMark: String {
    if publicStatusIsProvisional { return "（暂定）" }
    // A too-short standing counts only the days late it names (，且逾期N个工作日公开).
    let countIsProvisional = status == .tooShort ? workingDaysLate != nil && latenessIsProvisional : workingDaysAreProvisional
    return countIsProvisional ? "（天数暂定）" : ""
  }

  /// （时限待核实） where the period that decides the status is not verified against the statute's own text, as the
  /// open data marks it: a value read on its own must say so itself.
  var chineseUnverifiedMark: String { isUnverified ? "（时限待核实）" : "" }

  /// Whether the period that decides the status, or the reading of the calendar it rests on, is unverified.
  var isUnverified: Bool { hasUnverifiedPart(judging: publicStatus) }

  /// The page's note under an item whose period, or the reading of the calendar its verdict rests on, is unverified:
  /// each cause said as it is, since a verified rule's text is not what is in doubt when a reading of the calendar is.
  var chinesePeriodNote: String? {
    var notes: [String] = []
    if rule.hasUnverifiedPeriod { notes.append("本事项所依据的时限规定有未经法规原文核实之处，据此判断的期限和状态仅供参考。") }
    // The period a reading decides: on time, the minimum's (the deadline's rests on no swapped workday in the unit's
    // favour); otherwise the deadline's.
    let decided = publicStatus == .onTime ? rule.minimumPublication : rule.period(forChange: milestone.changes != nil)
    notes += calendarReadings(judging: publicStatus).map {
      $0.pageNote(period: rule.minimumPublicationName.chinese, judging: publicStatus, inCalendarDays: decided?.unit == .calendarDays)
    }
    return notes.isEmpty ? nil : notes.joined()
  }
}
