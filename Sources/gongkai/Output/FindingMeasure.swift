import GongkaiCore

/// Where a finding stands, as an alert and a comparison of calendars show it: 逾期3个工作日, 剩余2个工作日,
/// 公示期少2日, 按时.
struct FindingMeasure {
  let language: Language

  /// The measure of `finding`, in working days where it has a count.
  func text(of finding: Finding) -> String {
    let l = language
    let days = finding.workingDays ?? 0
    return switch finding.status {
    case .overdue: l.pick("逾期\(days)个工作日", "\(counted(days, "working day")) overdue")
    case .due where finding.deadline == nil: l.pick(Period.noneChineseDescription, "no fixed period")
    case .due: days == 0 ? l.pick("今日到期", "due today") : l.pick("剩余\(days)个工作日", "\(counted(days, "working day")) left")
    case .late: l.pick("迟\(days)个工作日公开", "published \(counted(days, "working day")) late")
    case .tooShort: shortfall(finding)
    case .onTime: l.pick("按时", "on time")
    }
  }

  /// The measure, marked （暂定） where its count (``Finding/workingDaysAreProvisional``) or the status it measures
  /// (``Finding/statusIsProvisional``) may change once a missing schedule is published.
  func markedText(of finding: Finding) -> String {
    let provisional = finding.workingDaysAreProvisional || finding.statusIsProvisional
    return text(of: finding) + language.provisionalMark(provisional)
  }

  /// How much too early a publication came down, in the unit of the minimum period (日 or 工作日).
  private func shortfall(_ finding: Finding) -> String {
    let days = finding.minimumShortfall ?? 0
    guard finding.publishedUntil != nil, finding.rule.minimumPublication?.unit == .calendarDays else {
      return language.pick("\(finding.rule.minimumPublicationName.chinese)少\(days)个工作日", "\(counted(days, "working day")) short")
    }
    return language.pick("\(finding.rule.minimumPublicationName.chinese)少\(days)日", days == 1 ? "1 day short" : "\(days) days short")
  }
}
