import GongkaiCore
import GongkaiStore

/// `gongkai project show`: the project's fields, then each milestone with its disclosures and status.
struct ProjectText {
  let project: Project
  let milestones: [StoredMilestone]
  /// How many milestones were withdrawn as recorded by mistake: not shown, but said to be there.
  let withdrawn: Int
  /// The codes the project had before `project recode` corrected them, oldest first, each with its correction's reason:
  /// a clerk who knew the project by its wrong code sees it is the same one.
  var formerCodes: [(code: String, reason: String)] = []
  let checker: Checker
  let asOf: CivilDate

  /// For a publication too short, the day it had to stay up to, marked as the deadline is when its minimum is
  /// unverified.
  private func minimumEnd(of finding: Finding) -> String {
    guard finding.status == .tooShort, let end = finding.minimumEnd else { return "" }
    return "，\(finding.rule.minimumPublicationAct)应至 \(end.date)" + (end.isProvisional ? "（暂定）" : "")
      + Self.mark(finding.confidence(judging: .tooShort))
  }

  /// A date counted from a period held from memory is marked as the alerts mark it: a judgement, not a settled period.
  private static func mark(_ confidence: Confidence) -> String { confidence == .unverified ? "（时限待核实）" : "" }

  var rendered: String {
    var out = "\(project.code)  \(Terminal.field(project.name))\n"
    if let reason = project.withdrawnReason {
      out += "  已撤回：\(Terminal.field(reason))（登记有误，不公开、不计入；`gongkai history \(project.code)` 可见撤回人和时间）\n"
    }
    for former in formerCodes {
      out += "  \(Terminal.pad("原代码", to: 10))\(former.code)（更正原因：\(Terminal.field(former.reason))）\n"
    }
    for (label, value) in [("项目法人", project.legalPerson), ("建设地点", project.location),
                           ("总投资", project.totalInvestment.map { "\($0) 万元" }), ("责任单位", project.responsibleUnit)] {
      if let value { out += "  \(Terminal.pad(label, to: 10))\(Terminal.field(value))\n" }
    }
    out += "\n  里程碑（截至 \(asOf)）\n"
    var provisionalYears = Set<Int>()
    // A change that withdraws (撤回) what it names, e.g. a penalty withdrawn: said as such on both milestones.
    let kinds = Dictionary(milestones.map { ($0.milestone.id, $0.milestone.kind) }, uniquingKeysWith: { first, _ in first })
    func withdraws(_ milestone: Milestone) -> Bool {
      guard let changed = milestone.changes, let kind = kinds[changed] else { return false }
      return checker.catalogue.rule(for: milestone.kind)?.isWithdrawal(of: kind) ?? false
    }
    let withdrawnBy = Dictionary(milestones.map(\.milestone).filter(withdraws).map { ($0.changes!, $0.id) },
                                 uniquingKeysWith: { first, _ in first })
    for stored in milestones {
      let milestone = stored.milestone
      let rule = checker.catalogue.rule(for: milestone.kind)
      let status: String
      if rule == nil {
        status = "规则目录 \(checker.catalogue.chineseName) 中无此事项类型；请用记录时的 --profile 或 --profile-file"
      } else {
        do {
          if let finding = try checker.judge(milestone, asOf: asOf) {
            provisionalYears.formUnion(checker.calendar.unscheduledYears(of: finding, stating: []))
            // On time only by a reading of the calendar, or due by a deadline moved past a weekend: the verdict is
            // marked where the deadline is.
            let judgedByItsOwnReadings = finding.status == .onTime || finding.status == .due
            let unverified = Self.mark(judgedByItsOwnReadings ? finding.confidence(judging: finding.status) : finding.deadlineConfidence)
            status = finding.chineseStatusName + (finding.statusIsProvisional ? "（暂定）" : "")
              // Without a deadline, a status resting on an unverified rule is marked as the public page marks it.
              + (finding.deadline.map { "，截止 \($0.date)" + ($0.isProvisional ? "（暂定）" : "") + unverified }
                ?? (finding.status == .tooShort ? "" : Self.mark(finding.confidence(judging: finding.status))))
              + minimumEnd(of: finding)
          } else {
            status = "截至 \(asOf) 尚未形成"
          }
        } catch {
          // A period that cannot be counted (a date beyond the calendar) is said, not shown as not yet formed.
          status = "无法判定：\(error)"
        }
      }
      out += "  #\(milestone.id)  \(milestone.formedOn)  \(milestone.kind)  \(rule?.name.chinese ?? "")  [\(status)]\n"
      if let reference = stored.reference { out += "        文号 \(Terminal.field(reference))\n" }
      // A summary of several lines (a spreadsheet cell may hold them) keeps the milestone's indent on each.
      if let summary = stored.summary {
        out += Terminal.fieldLines(summary).map { "        \($0)\n" }.joined()
      }
      if let changed = milestone.changes { out += "        \(withdraws(milestone) ? "撤回" : "变更") #\(changed) 的信息\n" }
      if let withdrawal = withdrawnBy[milestone.id] { out += "        已由 #\(withdrawal) 撤回\n" }
      // Who must publish, when not the project's unit (a unit given at `log`, or kept by `project edit`).
      if let unit = milestone.responsibleUnit, unit != project.responsibleUnit { out += "        责任单位 \(Terminal.field(unit))\n" }
      for (id, disclosure) in zip(stored.recordedDisclosures.map(\.id), milestone.disclosures) {
        out += "        公开 \(publicationLabel(id)) \(disclosure.publishedOn) \(Terminal.field(disclosure.channel))"
        out += (disclosure.until.map { " 至 \($0)" } ?? "") + (disclosure.url.map { " \(Terminal.field($0))" } ?? "")
        // The register holds it, but the day shown had not seen it: it counts for nothing as of that day.
        out += (disclosure.publishedOn > asOf ? "  [截至 \(asOf) 尚未公开]" : "") + "\n"
      }
    }
    if milestones.isEmpty && project.withdrawnReason == nil { out += "  （尚无）\n" }
    if project.withdrawnReason != nil {
      if withdrawn > 0 {
        out += "  \(withdrawn) 项均已撤回；`gongkai history \(project.code)` 可见其内容，"
          + "`gongkai export project \(project.code) --out 文件` 写出随项目撤回的各项，供导入其所属的登记簿\n"
      }
      out += "  如系误撤回，`gongkai project reinstate \(project.code) --reason 原因 --yes` 恢复该项目及随之撤回的各项\n"
    } else if withdrawn > 0 {
      out += "\n  另有 \(withdrawn) 项登记有误已撤回，不计入；`gongkai history \(project.code)` 可见其内容、撤回人和原因\n"
    }
    if !provisionalYears.isEmpty { out += "\n  " + CheckText.provisionalLegend(provisionalYears, .zh) }
    return out
  }
}
