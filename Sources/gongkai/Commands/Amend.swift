import ArgumentParser
import GongkaiCore
import GongkaiStore

extension Gongkai {
  struct Amend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Correct a milestone's date, document number, summary, unit or the milestone it changes; an empty value clears a text field.",
      usage: "gongkai amend <milestone> --reason <text> [<options>]",
      discussion: """
        A correction of a legal record says why (--reason), as a withdrawal does: the change log keeps the reason \
        with who made the correction, when, and the values before and after (`gongkai history`), and the audit \
        CSV shows each milestone's corrections: how many, the last one's author, time and reason, and the day \
        formed first recorded when a correction changed it.

        --changes links a change or withdrawal recorded without the milestone it changes (a penalty's withdrawal \
        that named no penalty leaves the penalty published as in force), or links the right one; --no-changes \
        removes a link made by mistake. A change may have a period of its own, so the deadline can move.

        Examples:
          gongkai amend 75 --date 2026-02-24 --reason 按许可证原件更正形成日期
          gongkai amend 82 --changes 61 --reason 关联被撤回的处罚决定
        """)

    @Argument(help: ArgumentHelp("The milestone id.", valueName: "milestone"), transform: milestoneID) var milestone: Int64
    @Option(help: ArgumentHelp("The corrected day the information was formed.", valueName: "date"), transform: CivilDate.argument)
    var date: CivilDate?
    @Option(parsing: .unconditional, help: ArgumentHelp("文号.", valueName: "text"), transform: recordedText) var ref: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("What the information says.", valueName: "text"), transform: recordedText) var summary: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Who must publish.", valueName: "name"), transform: recordedText) var unit: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The milestone whose information this one changes or withdraws.", valueName: "milestone"),
            transform: milestoneID)
    var changes: Int64?
    @Flag(name: .customLong("no-changes"), help: "Remove the link to a milestone this one changes: it was linked by mistake.")
    var noChanges = false
    @Option(help: ArgumentHelp("Refuse unless the milestone belongs to this project.", valueName: "code"), transform: ProjectCode.argument)
    var project: ProjectCode?
    @Option(parsing: .unconditional, help: ArgumentHelp("Why, for the change log and the audit CSV (required).", valueName: "text"),
            transform: trimmed)
    var reason: String?
    /// Not an option to use: taken so that `--kind` is answered with the commands that correct a kind, filled in from
    /// the milestone (a kind decides the deadline and rules a milestone is judged by: a record to withdraw and make anew).
    @Option(name: .customLong("kind"), parsing: .unconditional, help: .hidden) var kindAsked: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions
    @OptionGroup var actor: ActorOptions

    func validate() throws {
      if noChanges, let changes { throw ValidationError("--changes \(changes) and --no-changes contradict each other; give one") }
    }

    /// The refusal of `--kind`, with the withdrawal, the `log` and the `disclose` commands that correct the kind, the
    /// milestone's project, day, 文号 and publications filled in.
    private func kindRefusal(_ kind: String) async throws -> CommandFailure {
      let stored = try await Gongkai.namedMilestone(milestone, of: project, in: try store.open())
      let current = stored.milestone
      let named = kind.isEmpty || kind.hasPrefix("-") ? "KIND" : ShellWord.quoted(kind)
      let ref = stored.reference.map { " --ref \(ShellWord.quoted($0))" } ?? ""
      let publications = current.disclosures.map { disclosure in
        "`gongkai disclose NEW --date \(disclosure.publishedOn) --channel \(ShellWord.quoted(disclosure.channel))"
          + (disclosure.url.map { " --url \(ShellWord.quoted($0))" } ?? "") + (disclosure.until.map { " --until \($0)" } ?? "") + "`"
      }
      return .usage("""
        amend cannot change a milestone's kind, which its deadline and rules follow: withdraw it (`gongkai withdraw \(milestone) \
        --reason 事项类型有误`) and log it again under the right kind (`gongkai log \(current.projectCode) \(named) --date \
        \(current.formedOn)\(ref)`)\(publications.isEmpty ? "" : ", then record its publications again, NEW being the id log gives: "
          + publications.joined(separator: ", "))
        """)
    }

    /// The amendment's link, as the options give it.
    var link: ChangeLink? { changes.map(ChangeLink.to) ?? (noChanges ? .removed : nil) }

    func run() async throws {
      if let kindAsked { throw try await kindRefusal(kindAsked) }
      // Checked here rather than in validate(), which ArgumentParser runs before it names an unknown option: a
      // mistyped `--dat` would read as "nothing to change".
      if date == nil && ref == nil && summary == nil && unit == nil && link == nil {
        throw CommandFailure.usage("nothing to change; give --date, --ref, --summary, --unit, --changes or --no-changes")
      }
      let today = StoreOptions.today()
      try refuse(RegisterText.problems("--ref", ref) + RegisterText.problems("--unit", unit)
        + RegisterText.problems("--summary", summary, maximum: RegisterText.maximumTextLength, allowNewlines: true))
      let reason = try requiredReason(reason, example: MilestoneAmendment.exampleReason)
      let amendment = MilestoneAmendment(formedOn: date, reference: ref, summary: summary, responsibleUnit: unit, changes: link,
                                         reason: reason)
      let opened = try store.open()
      // A new day, or a link made or unmade (a change may have a period of its own), may leave a publication before the
      // milestone that the law wants by that day: the rules say which, loaded before the write, as `log` and
      // `disclose` load them (a register kept under a profile file needs it given).
      let catalogue = date == nil && link == nil ? nil : try await reference.catalogue(for: opened, at: store.path)
      let register = catalogue.map(opened.admittingEarlyPublications(under:)) ?? opened
      let current = try await Gongkai.namedMilestone(milestone, of: project, in: register)
      // A day to come only for an item due by its day, whose notice goes up ahead of it (as `log` admits it); a link
      // made or unmade asks it again of the day recorded, as a change's period may not admit what its kind's does.
      let isChange = link.map { $0 != .removed } ?? (current.milestone.changes != nil)
      if let catalogue, let problem = MilestoneEntry.formationProblem(
        "--date", date ?? current.milestone.formedOn, kind: current.milestone.kind, isChange: isChange, catalogue: catalogue, today: today)
      {
        if date != nil { try refuse([problem]) }
        let formed = "milestone \(milestone) is formed \(current.milestone.formedOn), a day to come"
        throw CommandFailure.usage(isChange
          ? "--changes \(changes.map(String.init) ?? ""): \(formed), which a change of \(current.milestone.kind) may not be "
            + "recorded for under the rules applied; correct its --date first"
          : "--no-changes: \(formed), which only a change of \(current.milestone.kind) may be recorded for under the rules "
            + "applied; correct its --date first, or keep the link")
      }
      if let changes { try await refuseUnrelatedKind(of: current.milestone, changing: changes, in: register) }
      // The rules loaded above, with the calendar: to refuse a deadline past the last day counted before the write, and
      // to say the deadline after it.
      let checker = try catalogue.map { Checker(catalogue: $0, calendar: try reference.calendar.loadCalendar().calendar) }
      if let date, let checker {
        var moved = current.milestone
        moved.formedOn = date
        try Gongkai.countableDeadline(of: moved, by: checker)
      }
      // A day after the one the milestone was recorded on, where the kind has no notice ahead of its day, is another
      // document's: information is recorded once formed. Amended in, it would turn a late publication on time.
      if let date, let catalogue, let recorded = CivilDate(recordedAt: current.recordedAt),
        MilestoneEntry.formationProblem("--date", date, kind: current.milestone.kind, isChange: isChange, catalogue: catalogue,
                                        today: recorded) != nil
      {
        throw CommandFailure.usage("""
          --date \(date) is after \(recorded), the day milestone \(milestone) was recorded, and information is recorded once \
          formed: that is another document's day; if the record was of another document, withdraw it (`gongkai withdraw \
          \(milestone) --reason 录入错误`) and log that one
          """)
      }
      try await refuseReferenceTypedOtherwise(amending: current, in: register)
      let before = current.amendments?.count ?? 0
      let newUnit = await UnitResemblance(of: unit, replacing: current.milestone.responsibleUnit, in: register)
      let stored = try await register.amendMilestone(id: milestone, amendment, actor: try actor.actor())
      guard (stored.amendments?.count ?? 0) > before else {
        try StandardOutput.print("milestone \(milestone) unchanged: it already holds those values")
        return
      }
      // A new day or link moves the deadline, and may turn a late publication on time or the reverse: said as `log`
      // says it.
      var standing = ""
      var unscheduledYears: [Int] = []
      if let checker {
        let explanation = try? checker.explainDeadline(of: stored.milestone)
        standing = DeadlineStanding(stored.milestone, explanation: explanation ?? nil, checker: checker, asOf: today, today: today).text
        unscheduledYears = (explanation ?? nil)?.unscheduledYears ?? []
      }
      // What changed, each with its former value, under the milestone as it now stands.
      func was(_ old: String?) -> String { " (was \(Terminal.former(old)))" }
      var changed: [String] = []
      if current.milestone.formedOn != stored.milestone.formedOn { changed.append("date" + was(current.milestone.formedOn.description)) }
      if current.reference != stored.reference { changed.append("文号" + was(current.reference)) }
      if current.summary != stored.summary { changed.append("summary") }
      if current.milestone.responsibleUnit != stored.milestone.responsibleUnit {
        changed.append("unit \(Terminal.field(stored.milestone.responsibleUnit ?? ""))\(stored.hasOwnUnit ? "" : ", the project's")"
          + was(current.milestone.responsibleUnit))
      } else if current.hasOwnUnit != stored.hasOwnUnit {
        // The same unit, held by the milestone itself or taken from the project: which decides whether a later change
        // of the project's unit moves it.
        changed.append(stored.hasOwnUnit ? "unit \(Terminal.field(stored.milestone.responsibleUnit ?? "")) held as its own, "
          + "kept when the project's unit changes" : "unit now the project's (\(Terminal.field(stored.milestone.responsibleUnit ?? "")))")
      }
      if current.milestone.changes != stored.milestone.changes {
        if let id = stored.milestone.changes, let target = try await register.milestone(id: id)?.milestone {
          changed.append("changes milestone \(id) (\(target.kind) \(target.formedOn))")
        } else {
          changed.append("changes no milestone")
        }
      }
      try StandardOutput.confirm("amended \(Gongkai.named(stored.milestone)): \(changed.joined(separator: ", "))\(standing)")
      if let warning = StoreError.suspectReference(ref, milestone: milestone) { Terminal.warning(warning) }
      await newUnit.warn(in: register)
      // A correction that turns a late or overdue item on time, or the reverse, is what an evaluator looks for: said,
      // with where it stays visible.
      if let checker, let before = (try? checker.judge(current.milestone, asOf: today)) ?? nil,
        let after = (try? checker.judge(stored.milestone, asOf: today)) ?? nil, before.status != after.status
      {
        // A day moved is judged from the day first recorded beside the day amended, and counted in the year's report.
        let moved = current.milestone.formedOn != stored.milestone.formedOn
          ? ", 按原形成日期的状态; the year's report counts it under 日期更正改判" : ""
        Terminal.warning("this correction turns the item from \(before.status.rawValue) to \(after.status.rawValue) as of \(today): the audit "
          + "CSV keeps what it corrected (原信息形成日期, 更正原因\(moved)) and the public page says it was corrected (更正); keep the "
          + "document that proves the corrected value")
      }
      if let date, current.milestone.formedOn != date, let code = try? ProjectCode(stored.milestone.projectCode) {
        Gongkai.warnIfYearMistyped(date, milestone: milestone, of: code, judged: today)
      }
      if ref != nil || date != nil { await warnOfNamesakes(stored, in: register) }
      if link == .removed, let checker { Gongkai.warnIfUnlinkedWithdrawal(stored.milestone, catalogue: checker.catalogue) }
      // As `log` warns of a day counted without its year's schedule.
      if let checker, !unscheduledYears.isEmpty { Terminal.warning(Warnings.noSchedule(unscheduledYears, calendar: checker.calendar)) }
    }

    /// A 文号 or day amended into the 文号 of another milestone of the kind and day typed otherwise (杨竣[2026]5号 for
    /// 杨竣〔2026〕5号): one document recorded twice, refused as `log` refuses it. A change shares the 文号 of what it
    /// changes by design.
    private func refuseReferenceTypedOtherwise(amending current: StoredMilestone, in register: any Store) async throws {
      guard ref != nil || date != nil, let given = ref ?? current.reference, let code = try? ProjectCode(current.milestone.projectCode),
        (link.map { $0 == .removed } ?? (current.milestone.changes == nil))
      else { return }
      let entry = MilestoneEntry(kind: current.milestone.kind, formedOn: date ?? current.milestone.formedOn, reference: given)
      guard let other = try await register.milestone(typingOtherwiseTheReferenceOf: entry, project: code, excluding: milestone) else { return }
      let field = ref != nil ? "--ref" : "--date"
      throw StoreError.invalid(.invalidField(field, ref ?? date?.description ?? "", "\(given) is " + StoreError.referenceTypedOtherwise(
        given: given, recorded: other.reference, milestone: other.id, kind: current.milestone.kind, formedOn: entry.formedOn)))
    }

    /// A 文号 or day amended into one another milestone of the kind holds, as `log` warns of a milestone recorded so:
    /// the same 文号 on another day, or the same day with the 文号 typed otherwise or left out, most likely one
    /// document recorded twice. Best effort, after the write; a change shares the 文号 of what it changes by design.
    private func warnOfNamesakes(_ stored: StoredMilestone, in register: any Store) async {
      guard stored.milestone.changes == nil, let code = try? ProjectCode(stored.milestone.projectCode) else { return }
      let entry = MilestoneEntry(kind: stored.milestone.kind, formedOn: stored.milestone.formedOn, reference: stored.reference)
      let withdraw = { (other: Int64) in
        "if they are one document, withdraw the one that is wrong (`gongkai withdraw \(other) --reason 重复登记` or "
          + "`gongkai withdraw \(milestone) --reason 重复登记`)"
      }
      if let other = try? await register.milestone(sharingReferenceOf: entry, project: code) {
        let typed = other.reference == stored.reference ? "" : ", typed otherwise"
        Terminal.warning("milestone \(other.id), formed \(other.formedOn), has the same kind and 文号 (\(Terminal.field(other.reference))\(typed)); \(withdraw(other.id))")
      }
      if let other = try? await register.milestone(differingOnlyInReferenceFrom: entry, project: code), other.id != milestone {
        Terminal.warning("milestone \(other.id) has the same kind and day \(other.reference.map { "with 文号 \(Terminal.field($0))" } ?? "without a 文号"); \(withdraw(other.id))")
      }
    }

    /// A link between kinds the rules do not link is a usage error, as with `log --changes`; the store checks the
    /// rest (the milestone exists, is in force, of this project, no later, and closes no circle).
    private func refuseUnrelatedKind(of amended: Milestone, changing target: Int64, in register: any Store) async throws {
      guard let changed = try await register.milestone(id: target), changed.milestone.projectCode == amended.projectCode else { return }
      let checker = try await reference.checker(for: register, at: store.path)
      if let problem = checker.catalogue.changeProblem(kind: amended.kind, changing: changed.milestone.kind, link: "\(target)") {
        try refuse([problem.renamed(from: ["changes": "--changes"])])
      }
    }
  }
}
