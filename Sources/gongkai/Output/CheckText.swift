import GongkaiCore
import GongkaiStore

/// The check for people: a summary line, then alerts grouped by responsible unit, the unit with the most
/// overdue work first, each alert with its deadline, the project and the legal basis.
struct CheckText {
  let items: [(finding: Finding, stored: StoredMilestone)]
  let language: Language
  let asOf: CivilDate
  let checker: Checker
  /// Adds, under each alert, how its deadline was counted.
  let explain: Bool

  var rendered: String {
    let l = language
    var out = l.pick("重大建设项目信息公开时限检查 · 截至 \(asOf) · 规则 \(checker.catalogue.profile)\n",
                     "Disclosure deadline check · as of \(asOf) · rules \(checker.catalogue.profile)\n")
    let counts = Dictionary(grouping: items, by: { $0.finding.status }).mapValues(\.count)
    out += FindingStatus.allCases.sorted().compactMap { status in
      counts[status].map { l.pick("\(status.chineseName) \($0) 项", "\(status.rawValue) \($0)") }
    }.joined(separator: l.pick("，", ", ")) + "\n"

    let units = Dictionary(grouping: items, by: { $0.finding.responsibleUnit })
    let ordered = units.sorted { a, b in
      let (x, y) = (severity(a.value), severity(b.value))
      return x != y ? y.lexicographicallyPrecedes(x) : a.key < b.key
    }
    for (unit, unitItems) in ordered {
      out += "\n\(unit)" + l.pick("（\(unitItems.count) 项）\n", " (\(unitItems.count))\n")
      for item in unitItems.sorted(by: urgency) { out += alert(item.finding, item.stored) }
    }
    return out
  }

  private func alert(_ finding: Finding, _ stored: StoredMilestone) -> String {
    let l = language
    let rule = finding.rule
    let days = finding.workingDays ?? 0
    let measure: String = switch finding.status {
    case .overdue: l.pick("逾期\(days)个工作日", "\(workingDays(days)) overdue")
    case .due: days == 0 ? l.pick("今日到期", "due today") : l.pick("剩余\(days)个工作日", "\(workingDays(days)) left")
    case .late: l.pick("迟\(days)个工作日公开", "published \(workingDays(days)) late")
    case .tooShort: shortfall(finding)
    case .onTime: l.pick("按时", "on time")
    }
    let status = l.pick(finding.status.chineseName, finding.status.rawValue)
    var line = "  \(Terminal.pad(status, to: 12))\(Terminal.pad(measure, to: 22)) "
    if let deadline = finding.deadline, finding.status != .tooShort {
      line += l.pick("截止 \(deadline.date)", "deadline \(deadline.date)") + (deadline.isProvisional ? l.pick("（暂定）", " (provisional)") : "")
    }
    if finding.status == .tooShort, let end = finding.minimumEnd, let until = finding.publishedUntil {
      line += l.pick("公示至 \(until)，应至 \(end.date)", "up until \(until), due until \(end.date)")
    }
    var out = line + "\n"
    out += "      \(finding.milestone.projectCode) \(stored.projectName)\n"
    let period = rule.period(forChange: finding.milestone.changes != nil).map { l == .zh ? $0.chineseDescription : $0.description }
      ?? l.pick("无法定期限", "no statutory period")
    out += "      #\(finding.milestone.id) \(rule.code) \(l.pick(rule.name)) · \(l.pick("形成", "formed")) \(finding.milestone.formedOn)"
    out += (stored.reference.map { " · \($0)" } ?? "") + " · \(period)\n"
    out += "      \(l.pick("依据", "basis")) \(rule.basis)\n"
    if explain, let explanation = try? checker.explainDeadline(of: finding.milestone) {
      let text = ExplanationText(explanation: explanation, calendar: checker.calendar, language: l).rendered
      out += text.split(separator: "\n").map { "      \($0.dropFirst(2))\n" }.joined()
    }
    return out
  }

  private func workingDays(_ count: Int) -> String { count == 1 ? "1 working day" : "\(count) working days" }

  /// How much too early a publication came down, in the unit of the minimum period (日 or 工作日).
  private func shortfall(_ finding: Finding) -> String {
    guard let until = finding.publishedUntil, let end = finding.minimumEnd?.date,
      finding.rule.minimumPublication?.unit == .calendarDays
    else {
      let days = finding.workingDays ?? 0
      return language.pick("公示期少\(days)个工作日", "\(workingDays(days)) short")
    }
    let days = until.days(to: end)
    return language.pick("公示期少\(days)日", days == 1 ? "1 day short" : "\(days) days short")
  }

  /// Overdue working days of a unit, then its count of alerts: who is furthest behind comes first.
  private func severity(_ items: [(finding: Finding, stored: StoredMilestone)]) -> [Int] {
    let overdue = items.filter { $0.finding.status == .overdue }.map { $0.finding.workingDays ?? 0 }
    return [overdue.max() ?? -1, overdue.count, items.count]
  }

  private func urgency(_ a: (finding: Finding, stored: StoredMilestone), _ b: (finding: Finding, stored: StoredMilestone)) -> Bool {
    if a.finding.status != b.finding.status { return a.finding.status < b.finding.status }
    let (x, y) = (a.finding.workingDays ?? 0, b.finding.workingDays ?? 0)
    if x != y { return a.finding.status == .due ? x < y : x > y }
    return a.finding.milestone.id < b.finding.milestone.id
  }
}
