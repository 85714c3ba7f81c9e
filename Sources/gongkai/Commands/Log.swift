import ArgumentParser
import GongkaiCore
import GongkaiStore

extension Gongkai {
  struct Log: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a milestone: the day a piece of information about a project was formed or changed.",
      discussion: """
        Prints the milestone's id (for `gongkai disclose`) and its legal deadline.

        Examples:
          gongkai log 2024-310110-48-01-000123 bidding.candidates \\
              --date 2026-11-26 --ref YPZB-2026-07
          gongkai log 2024-310110-48-01-000123 bidding.contract \\
              --date 2026-11-27 --changes 41
        """)

    @Argument(help: ArgumentHelp("The project code.", valueName: "code"), transform: ProjectCode.argument) var code: ProjectCode
    @Argument(help: ArgumentHelp("The item kind, a code from `gongkai rules`.", valueName: "item-kind"), transform: trimmed) var kind: String
    @Option(help: ArgumentHelp("The day the information was formed.", valueName: "date"), transform: CivilDate.argument)
    var date: CivilDate
    @Option(parsing: .unconditional, help: ArgumentHelp("文号: the document number.", valueName: "text"), transform: recordedText) var ref: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("What the information says.", valueName: "text"), transform: recordedText) var summary: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Who must publish, when not the project's responsible unit.", valueName: "name"), transform: recordedText) var unit: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The milestone whose information this one changes; a change starts a new period.", valueName: "milestone"),
            transform: milestoneID)
    var changes: Int64?
    @OptionGroup var asOf: StandingDayOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions
    @OptionGroup var actor: ActorOptions

    func run() async throws {
      let register = try store.open()
      let checker = try await reference.checker(for: register, at: store.path)
      let entry = MilestoneEntry(kind: kind, formedOn: date, reference: nonEmpty(ref), summary: nonEmpty(summary),
                                 responsibleUnit: nonEmpty(unit))
      // Today is the day the write is recorded on: a milestone formed after it has not been formed.
      let today = StoreOptions.today()
      try refuse(entry.problems(catalogue: checker.catalogue, today: today, changesByID: changes != nil).map {
        $0.renamed(from: ["formed": "--date", "ref": "--ref", "summary": "--summary", "unit": "--unit"])
      })
      // A milestone's kind never changes once recorded (`amend` cannot), so the link's kinds are checked before the
      // write; the store checks the rest (the milestone exists, is in force, of this project and not later), and
      // names a milestone of another project as such rather than by its kind.
      if let changes, let changed = try await register.milestone(id: changes), changed.milestone.projectCode == code.rawValue,
        let problem = checker.catalogue.changeProblem(kind: kind, changing: changed.milestone.kind, link: "\(changes)")
      {
        try refuse([problem.renamed(from: ["changes": "--changes"])])
      }
      let explanation = try Gongkai.countableDeadline(
        of: Milestone(id: 0, projectCode: code.rawValue, kind: kind, formedOn: date, changes: changes), by: checker)
      // The same document as a milestone of the day, its 文号 typed otherwise: recorded, it would stand overdue beside it.
      if changes == nil, let given = entry.reference,
        let other = try await register.milestone(typingOtherwiseTheReferenceOf: entry, project: code, excluding: nil)
      {
        throw StoreError.invalid(.invalidField("--ref", given, "it is " + StoreError.referenceTypedOtherwise(
          given: given, recorded: other.reference, milestone: other.id, kind: kind, formedOn: date)))
      }
      let unit = await UnitResemblance(of: entry.responsibleUnit, in: register)
      let stored = try await register.logMilestone(entry, project: code, changing: changes, actor: try actor.actor())
      let standing = DeadlineStanding(stored.milestone, explanation: explanation, checker: checker, asOf: asOf.day(today: today), today: today)
      try StandardOutput.confirm("recorded milestone \(stored.milestone.id): \(kind) \(date)\(standing.text)")
      asOf.warnIfAhead(of: today)
      // Judged as of another day, the date is told against that day.
      Gongkai.warnIfYearMistyped(date, milestone: stored.milestone.id, of: code, judged: asOf.day(today: today))
      if let warning = StoreError.suspectReference(entry.reference, milestone: stored.milestone.id) { Terminal.warning(warning) }
      await unit.warn(in: register)
      // Best effort, after the write, as the standing note; a change shares the 文号 of what it changes by design.
      if changes == nil, let other = try? await register.milestone(sharingReferenceOf: entry, project: code) {
        let id = stored.milestone.id
        Terminal.warning("""
          milestone \(other.id), formed \(other.formedOn), has the same kind and 文号 (\(other.reference)\(other.reference == entry.reference ? "" : ", typed otherwise")); if this corrects its \
          date, run `gongkai withdraw \(id) --reason 重复登记` and `gongkai amend \(other.id) --date \(date) --reason 更正形成日期`
          """)
      }
      if changes == nil, let other = try? await register.milestone(differingOnlyInReferenceFrom: entry, project: code) {
        let id = stored.milestone.id
        let amend = StoreError.referenceAmendment(of: other.id, recorded: other.reference, given: entry.reference)
        Terminal.warning("""
          milestone \(other.id) has the same kind and day \(other.reference.map { "with 文号 \($0)" } ?? "without a 文号"); if they are \
          one document, run `gongkai withdraw \(id) --reason 重复登记`\(amend)
          """)
      }
      if changes == nil, let other = try? await register.milestone(underAnotherKindSharing: entry, project: code) {
        let id = stored.milestone.id
        Terminal.warning("""
          milestone \(other.id) (\(other.kind)) has the same day and 文号: one document carrying both items is recorded so; if \
          this corrects its kind, run `gongkai withdraw \(other.id) --reason 事项类型有误` (a kind is corrected by withdrawing \
          and logging again; its publications go with it: record them on milestone \(id) with `gongkai disclose \(id) …`), \
          else if it was logged by mistake, `gongkai withdraw \(id) --reason 重复登记`
          """)
      }
      if let withdrawn = try? await register.withdrawnMilestone(recordedAgainAs: stored.milestone.id) {
        let due = (try? checker.judge(withdrawn.milestone, asOf: withdrawn.milestone.formedOn))?.deadline?.date
        if let warning = RecordedAgain(withdrawn: withdrawn, milestone: stored.milestone).warning(due: due) { Terminal.warning(warning) }
      }
      // A withdrawal notice that names no decision leaves the withdrawn penalty published as in force.
      if changes == nil { Gongkai.warnIfUnlinkedWithdrawal(stored.milestone, catalogue: checker.catalogue) }
      if let years = explanation?.unscheduledYears, !years.isEmpty { Terminal.warning(Warnings.noSchedule(years, calendar: checker.calendar)) }
    }
  }

  /// The explanation of a milestone's deadline, asked before the write: one that falls past the last day the calendar
  /// counts (a milestone formed in the last days of 2199) is refused, as the register could not judge it afterwards
  /// and every check would stop at it. `nil` when no law sets a period for its kind.
  @discardableResult
  static func countableDeadline(of milestone: Milestone, by checker: Checker) throws -> DeadlineExplanation? {
    do {
      return try checker.explainDeadline(of: milestone)
    } catch {
      if case .period(_, let reason) = error { throw CommandFailure.usage("--date \(milestone.formedOn): \(reason)") }
      throw error
    }
  }

  /// Warns of a date whose year looks mistyped: a digit off from this year's or last year's (2025-11-26 typed on
  /// 2026-12-01), or before the 条例 first came into force, with the `amend` that corrects it. Not of a date in the
  /// year of the project's code, which is when its first information is formed: a clerk entering last year's backlog
  /// of a project coded last year would be warned of every entry.
  static func warnIfYearMistyped(_ date: CivilDate, milestone id: Int64, of project: ProjectCode, judged: CivilDate) {
    if date.year != project.year, let meant = RegisterError.yearMeant(formed: date, today: judged) {
      Terminal.warning("formed \(date), \(date.days(to: judged)) days before \(judged): if the year is mistyped for \(meant), correct it with "
        + "`gongkai amend \(id) --date \(meant) --reason 更正形成日期`")
    } else if date < GeneralDisclosurePeriod.firstInForce {
      Terminal.warning("formed \(date), before the 政府信息公开条例 first came into force (\(GeneralDisclosurePeriod.firstInForce)): if the "
        + "year is mistyped, correct it with `gongkai amend \(id) --date YYYY-MM-DD --reason 更正形成日期`")
    }
  }


  /// The milestone a command names by id, read before it writes: refused unless it is of `project`, when given, so
  /// that a mistyped id touches nothing of another project.
  static func namedMilestone(_ id: Int64, of project: ProjectCode?, in register: any Store) async throws -> StoredMilestone {
    guard let stored = try await register.milestone(id: id) else { throw StoreError.unknownMilestone(id) }
    try await requireMilestone(stored.milestone, of: project, in: register)
    return stored
  }

  /// Refuses a milestone not of `project`, when given; a `project` no project has now is named as such (a code
  /// corrected away by `project recode` with its right one), where "of another project" would send the clerk to it.
  static func requireMilestone(_ milestone: Milestone, of project: ProjectCode?, disclosure: Int64? = nil, in register: any Store)
    async throws
  {
    if let project, project.rawValue != milestone.projectCode {
      if try await register.project(code: project) == nil { throw try await register.unregistered(project) }
      throw StoreError.milestoneOfAnotherProject(
        milestone: milestone.id, project: milestone.projectCode, expected: project.rawValue, disclosure: disclosure)
    }
  }

  /// A milestone as a confirmation names it, by project, kind and day too: a mistyped id is then seen at once, not at
  /// the next audit.
  static func named(_ milestone: Milestone) -> String {
    "milestone \(milestone.id) (\(milestone.projectCode) \(milestone.kind) \(milestone.formedOn))"
  }

  /// A withdrawal notice that names no decision leaves the withdrawn penalty published as in force: said after
  /// `log` and `amend --no-changes` write one, with the repair.
  static func warnIfUnlinkedWithdrawal(_ milestone: Milestone, catalogue: RuleCatalogue) {
    guard milestone.changes == nil, let rule = catalogue.rule(for: milestone.kind), !rule.withdraws.isEmpty else { return }
    Terminal.warning("""
      \(milestone.kind) withdraws a \(rule.withdraws.joined(separator: " or a ")) but names none: the public notices keep that decision \
      as in force; link it with `gongkai amend \(milestone.id) --changes ID --reason 关联所撤回的决定`, ID being the decision's \
      milestone (`gongkai project show \(milestone.projectCode)` lists them)
      """)
  }
}
