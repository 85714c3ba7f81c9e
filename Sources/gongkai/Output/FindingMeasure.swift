import GongkaiCore

/// Where a finding stands, as an alert and a comparison of calendars show it: 逾期3个工作日, 剩余2个工作日,
/// 公示期提前2日结束, 按时.
struct FindingMeasure {
  let language: Language

  /// The measure of `finding`, in working days where it has a count.
  func text(of finding: Finding) -> String {
    let l = language
    let days = finding.workingDays ?? 0
    return switch finding.status {
    case .overdue: l.pick("逾期\(days)个工作日", "\(counted(days, "working day")) overdue")
    case .due where finding.deadline == nil: l.pick(Period.noneChineseDescription, "no fixed period")
    case .due where finding.isDueToday: l.pick("今日到期", "due today")
    // Due on a rest day to come (an item due by its own day) with no working day before it: "0 working days left" read
    // as due today; the days left are said, and that none of them is a working day.
    case .due where days == 0: restDaysLeft(before: finding)
    case .due: l.pick("剩余\(days)个工作日", "\(counted(days, "working day")) left")
    case .late: l.pick("迟\(days)个工作日公开", "published \(counted(days, "working day")) late")
    case .tooShort: shortfall(finding)
    case .onTime where finding.deadline == nil: l.pick(Period.noneChineseDescription, "no fixed period")
    case .onTime: l.pick("按时", "on time")
    }
  }

  /// The measure, marked as the public page marks it: （暂定） where the status it measures may change once a missing
  /// schedule is published (``Finding/statusIsProvisional``), （天数暂定） where only its count may
  /// (``Finding/workingDaysAreProvisional``).
  func markedText(of finding: Finding) -> String {
    if finding.statusIsProvisional { return text(of: finding) + language.provisionalMark(true) }
    return text(of: finding) + (finding.workingDaysAreProvisional ? language.pick("（天数暂定）", " (days provisional)") : "")
  }

  /// For a publication too short that also came late, how late (，且迟2个工作日公开), marked as the count may change;
  /// empty otherwise. The status names one failure, and this the other.
  func lateness(of finding: Finding) -> String {
    guard finding.status == .tooShort, let late = finding.workingDaysLate else { return "" }
    return language.pick("，且迟\(late)个工作日公开", "; also published \(counted(late, "working day")) late")
      + language.provisionalMark(finding.latenessIsProvisional)
  }

  /// Why what `finding` states is unverified, as the alerts say it: the rule's period (its note says what to check),
  /// and each reading of the calendar the verdict or its lateness rests on, which no rule's note explains. Empty when
  /// nothing is.
  func unverifiedReasons(of finding: Finding, calendar: WorkingDayCalendar) -> String {
    let l = language
    var said = ""
    if finding.restsOnUnverifiedRule(judging: finding.status) {
      said += l.pick("（时限待核实，见 gongkai rules 的说明）", " (period unverified: see its note in gongkai rules)")
    }
    for reading in finding.calendarReadings {
      // A deadline due that rests on the reading names the day it is without it: published by then, on time either way.
      if reading == .weekendExtension, let safe = finding.deadlineWithoutWeekendReading {
        let day = unmoved(safe, calendar: calendar)
        said += l.pick("（时限待核实：\(reading.name.chinese)系解释，不顺延则截止 \(day)）",
                       " (unverified: \(reading.name.english), an interpretation; without it, due \(day))")
      } else {
        said += l.pick("（时限待核实：\(reading.name.chinese)系解释）", " (unverified: \(reading.name.english), an interpretation)")
      }
    }
    return said
  }

  /// The day a deadline falls on without the weekend reading (``Finding/deadlineWithoutWeekendReading``); a Saturday,
  /// Sunday or weekday given off inside a holiday break of `calendar` is named so (under that reading no 法定休假日, as
  /// the 放假办法 does not make it one), as a day due in the middle of 国庆 reads as a mistake otherwise.
  func unmoved(_ day: CivilDate, calendar: WorkingDayCalendar) -> String {
    let inBreak = calendar.holidayName(of: day).map {
      language.pick("，为\($0)假期中的星期\(day.weekday.chineseShortName)", ", a \(day.weekday.englishName) within the \($0) break")
    } ?? ""
    return "\(day)\(inBreak)"
  }

  /// The days left before a deadline that no working day comes before.
  private func restDaysLeft(before finding: Finding) -> String {
    let left = finding.deadline.map { finding.asOf.days(to: $0.date) } ?? 0
    return language.pick("剩余\(left)日（其间无工作日）", "\(counted(left, "day")) left, none a working day")
  }

  /// How much too early a publication came down, in the unit of the minimum period (日 or 工作日): the days between
  /// its end and the day the period would have ended, moved past rest days where the law moves it. "公示期少6日" said
  /// of a 3-day 公示 read as six of its three days missing; it ended six days early.
  private func shortfall(_ finding: Finding) -> String {
    let name = finding.rule.minimumPublicationName.chinese
    switch finding.minimumShortfall {
    // A minimum is a length of days (from the publication, or a later trigger day), never by a day: the rules refuse
    // `by-trigger-day` for one.
    case let (days, .calendarDays)?, let (days, .triggerDay)?:
      return language.pick("\(name)提前\(days)日结束", days == 1 ? "ended 1 day early" : "ended \(days) days early")
    case let (days, .workingDays)?: return language.pick("\(name)提前\(days)个工作日结束", "ended \(counted(days, "working day")) early")
    case nil: return language.pick(FindingStatus.tooShort.chineseName, "too short")
    }
  }
}
