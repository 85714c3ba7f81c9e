import ArgumentParser
import Foundation
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
    @Argument(help: ArgumentHelp("The item kind, a code from `gongkai rules`.", valueName: "item-kind")) var kind: String
    @Option(help: ArgumentHelp("The day the information was formed.", valueName: "date"), transform: CivilDate.argument)
    var date: CivilDate
    @Option(parsing: .unconditional, help: ArgumentHelp("文号: the document number.", valueName: "text"), transform: trimmed) var ref: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("What the information says.", valueName: "text"), transform: trimmed) var summary: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Who must publish, when not the project's responsible unit.", valueName: "name"), transform: trimmed) var unit: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The milestone whose information this one changes; a change starts a new period.", valueName: "milestone"),
            transform: recordID)
    var changes: Int64?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Say where it stands as of this day (default: today in China).", valueName: "date"),
            transform: CivilDate.argument)
    var asOf: CivilDate?
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
      let stored = try await register.logMilestone(entry, project: code, changing: changes, actor: try actor.actor())
      let standing = DeadlineStanding(stored.milestone, explanation: explanation, checker: checker, asOf: asOf ?? today, today: today)
      try StandardOutput.confirm("recorded milestone \(stored.milestone.id): \(kind) \(date)\(standing.text)")
      // Judged as of another day, the date is told against that day.
      Gongkai.warnIfYearMistyped(date, milestone: stored.milestone.id, of: code, judged: asOf ?? today)
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
        let amend = other.reference == nil ? " and `gongkai amend \(other.id) --ref \(ShellWord.quoted(entry.reference ?? "")) --reason 补录文号`" : ""
        Terminal.warning("""
          milestone \(other.id) has the same kind and day \(other.reference.map { "with 文号 \($0)" } ?? "without a 文号"); if they are \
          one document, run `gongkai withdraw \(id) --reason 重复登记`\(amend)
          """)
      }
      if let withdrawn = try? await register.withdrawnMilestone(recordedAgainAs: stored.milestone.id) {
        Gongkai.warnOfPublicationsLeftBehind(by: withdrawn, recordedAgainAs: stored.milestone.id)
      }
      // A withdrawal notice that names no decision leaves the withdrawn penalty published as in force.
      if changes == nil { Gongkai.warnIfUnlinkedWithdrawal(stored.milestone, catalogue: checker.catalogue) }
      if let years = explanation?.unscheduledYears, !years.isEmpty { Terminal.warning(Warnings.noSchedule(years, calendar: checker.calendar)) }
    }
  }

  /// A milestone withdrawn and recorded again, corrected, rather than amended: its publications stay with the withdrawn
  /// one, whose 索引号 the feed names deleted at the next export, and the new one is counted unpublished. The withdrawn
  /// one cannot be reinstated once recorded again in its place, so the repair is to record the publications again.
  static func warnOfPublicationsLeftBehind(by withdrawn: StoredMilestone, recordedAgainAs id: Int64) {
    let publications = withdrawn.milestone.disclosures
    let listed = publications.map { "\($0.publishedOn) \(Terminal.field($0.channel))" }.joined(separator: ", ")
    let disclose = publications.first.map { "`gongkai disclose \(id) --date \($0.publishedOn) --channel \(ShellWord.quoted($0.channel))`" } ?? ""
    let one = publications.count == 1
    Terminal.warning("""
      milestone \(withdrawn.milestone.id) of the same kind and day, withdrawn (\(Terminal.field(withdrawn.withdrawnReason ?? ""))), was \
      published (\(listed)); \(one ? "its publication stays" : "its publications stay") with it, and milestone \(id) is counted \
      unpublished until \(one ? "it is" : "they are") recorded for it: \(disclose)\(one ? "" : " and the others"), under a new 索引号 \
      (`gongkai amend` corrects a milestone's field in place, keeping its publications)
      """)
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
    if date.year != project.year, let meant = yearMeant(for: date, today: judged) {
      Terminal.warning("formed \(date), \(date.days(to: judged)) days before \(judged): if the year is mistyped for \(meant), correct it with "
        + "`gongkai amend \(id) --date \(meant) --reason 更正形成日期`")
    } else if date < GeneralDisclosurePeriod.firstInForce {
      Terminal.warning("formed \(date), before the 政府信息公开条例 first came into force (\(GeneralDisclosurePeriod.firstInForce)): if the "
        + "year is mistyped, correct it with `gongkai amend \(id) --date YYYY-MM-DD --reason 更正形成日期`")
    }
  }

  /// The day a date a digit off in its year most likely meant (2025-11-26 or 2016-11-26 typed on 2026-12-01 for
  /// 2026-11-26): the same day of this year, or last year's, within the last 90 days; `nil` when the date is recent
  /// or no such day fits. Logged at the keyboard, a milestone is most often days old: a year typed wrong makes it
  /// overdue by hundreds of working days, which the clerk would otherwise take for the register's history.
  static func yearMeant(for date: CivilDate, today: CivilDate) -> CivilDate? {
    guard date.days(to: today) > 300 else { return nil }
    let (year, month, day) = date.components
    return [today.year, today.year - 1].lazy.filter { candidate in
      candidate != year && zip(String(candidate), String(year)).filter { $0 != $1 }.count == 1
    }.compactMap { candidate in CivilDate(year: candidate, month: month, day: day) }
      .first { $0 <= today && $0.days(to: today) <= 90 }
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

  struct Disclose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record that a milestone's information was published.",
      discussion: """
        The same publication again (its day and channel) with another --url or --until updates them, logged: a 公示 \
        kept up longer, or its take-down date set right while it can still be repaired. --still-up clears a \
        take-down date recorded before (entered by mistake, or the notice was put back up), --no-url a wrong \
        address. A take-down date only while the publication is up: once its recorded take-down day has passed, \
        a wrong record is withdrawn (with its reason) and recorded again. A publication given exactly as the one \
        last withdrawn under its day and channel (address and end alike) is refused: its withdrawal was the mistake, \
        and `gongkai reinstate --disclosure ID` brings it back under its 索引号.

        Examples:
          gongkai disclose 42 --project 2024-310110-48-01-000123 --date 2026-11-27 \\
              --channel 中国招标投标公共服务平台 --url https://... --until 2026-11-30
          gongkai disclose 42 --date 2026-11-27 --channel 中国招标投标公共服务平台 \\
              --until 2026-12-02
        """)

    @Argument(help: ArgumentHelp("The milestone id (from `gongkai log` or `gongkai project show`).", valueName: "milestone"),
              transform: recordID)
    var milestone: Int64
    @Option(help: ArgumentHelp("The day it went public.", valueName: "date"), transform: CivilDate.argument) var date: CivilDate
    @Option(parsing: .unconditional, help: ArgumentHelp("Where it was published, e.g. 杨浦区人民政府门户网站.", valueName: "name"), transform: trimmed) var channel: String
    @Option(parsing: .unconditional, help: ArgumentHelp("The address of the publication.", valueName: "url"), transform: trimmed) var url: String?
    @Option(help: ArgumentHelp("The last day it stays up (for 公示 items).", valueName: "date"), transform: CivilDate.argument)
    var until: CivilDate?
    @Flag(help: "It is still up: clear the take-down date recorded for this publication before.")
    var stillUp = false
    @Flag(name: .customLong("no-url"), help: "Clear the address recorded for this publication before: it was wrong.")
    var noURL = false
    @Option(help: ArgumentHelp("Refuse unless the milestone belongs to this project.", valueName: "code"), transform: ProjectCode.argument)
    var project: ProjectCode?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Say where it stands as of this day (default: today in China).", valueName: "date"),
            transform: CivilDate.argument)
    var asOf: CivilDate?
    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions
    @OptionGroup var actor: ActorOptions

    func validate() throws {
      if stillUp, let until { throw ValidationError("--still-up and --until \(until) contradict each other; give one") }
      if noURL, let url { throw ValidationError("--no-url and --url \(url) contradict each other; give one") }
      if url?.isEmpty == true {
        throw ValidationError("--url is empty: give the address of the publication, or --no-url to clear the one recorded before")
      }
    }

    func run() async throws {
      let disclosure = Disclosure(publishedOn: date, channel: channel, url: url, until: until)
      let opened = try store.open()
      let stored = try await Gongkai.namedMilestone(milestone, of: project, in: opened)
      // Loaded before the write, so that rules that cannot be loaded leave the register as it was.
      let checker = try await reference.checker(for: opened, at: store.path)
      let register = opened.admittingEarlyPublications(under: checker.catalogue)
      // A publication before the milestone conflicts with the register rather than with an option: refused as bad data,
      // as the store refuses `amend --date` making the same conflict; the --date typed may have its year off.
      let today = StoreOptions.today()
      let formed = stored.milestone.formedOn
      switch Disclosure.precedenceProblem(published: date, formed: formed, admitted: checker.catalogue.admitsPublicationBeforeFormation(
        of: stored.milestone.kind, formedOn: formed, isChange: stored.milestone.changes != nil))
      {
      case .disclosureBeforeMilestone?:
        throw StoreError.invalid(.disclosureBeforeMilestone(
          published: date, formed: formed, meant: RegisterError.yearMeant(published: date, formed: formed, today: today)))
      case let problem?: throw StoreError.invalid(problem.renamed(from: ["published": "--date"]))
      case nil: break
      }
      let optionProblems = disclosure.problems(formedOn: formed, admittedBefore: true, today: today)
      try refuse(optionProblems.map {
        $0.renamed(from: ["published": "--date", "channel": "--channel", "url": "--url", "until": "--until"])
      })
      let clearing: PublicationClearing = [stillUp ? .until : [], noURL ? .url : []]
      let recorded = try await register.disclose(milestone: milestone, disclosure, clearing: clearing, actor: try actor.actor())
      // Where the milestone stands now, said at once when it is late or too short; best effort, after the write (a
      // kind the register's rules no longer hold is recorded all the same).
      let judged = try await register.milestone(id: milestone).flatMap { try? checker.judge($0.milestone, asOf: asOf ?? today) }
      let standing = (judged ?? nil).map {
        StandingNote(finding: $0, checker: checker, today: today, marksUnverifiedDeadline: true, recordedDisclosure: recorded.id).text
      } ?? ""
      let of = Gongkai.named(stored.milestone)
      switch recorded.outcome {
      case .recorded:
        try StandardOutput.confirm("recorded disclosure \(recorded.id) of \(of): \(date) \(channel)\(standing)")
      case .updated(let before):
        let changes = [
          before.until == recorded.disclosure.until ? nil
            : "until \(recorded.disclosure.until.map(String.init(describing:)) ?? "still up") (was \(before.until.map(String.init(describing:)) ?? "still up"))",
          before.url == recorded.disclosure.url ? nil : "url \(recorded.disclosure.url ?? "-") (was \(before.url ?? "-"))",
        ].compactMap(\.self)
        try StandardOutput.confirm("updated disclosure \(recorded.id) of \(of), \(date) \(channel): \(changes.joined(separator: ", "))\(standing)")
      case .unchanged:
        // --still-up is offered while the end on record has not passed as of the day the register records writes
        // on; after it, the end is settled.
        let kept = [recorded.disclosure.url.map { "url \($0)" },
                    recorded.disclosure.until.map { "until \($0)\(until == nil && $0 >= today ? " (--still-up clears it)" : "")" }
                      ?? "still up"]
          .compactMap(\.self)
        try StandardOutput.print("disclosure \(recorded.id) of \(of) unchanged: \(date) \(channel), \(kept.joined(separator: ", "))")
      }
      warnIfEndJudgesNothing(stored.milestone, disclosure: recorded.id, catalogue: checker.catalogue)
      if case .recorded = recorded.outcome { warnIfSpacedApart(from: stored, disclosure: recorded.id) }
    }

    /// A publication of the day whose channel differs from another's of the day only in its spaces (a no-break space
    /// pasted from a web page) is most likely that one recorded twice, which the spreadsheet import warns of too.
    private func warnIfSpacedApart(from stored: StoredMilestone, disclosure id: Int64) {
      let bare = { (channel: String) in Array(channel.filter { !$0.isWhitespace }.utf8) }
      guard let other = zip(stored.milestone.disclosures, stored.recordedDisclosures).first(where: { publication, _ in
        publication.publishedOn == date && !publication.channel.utf8.elementsEqual(channel.utf8) && bare(publication.channel) == bare(channel)
      }) else { return }
      Terminal.warning("""
        disclosure \(id) of \(date) is on the channel '\(Terminal.field(channel))', which differs from disclosure \(other.1.id)'s \
        '\(Terminal.field(other.0.channel))' of the same day only in its spaces; if they are one publication, withdraw this one \
        (`gongkai withdraw --disclosure \(id) --reason 重复登记`)
        """)
    }

    /// An end given to a publication whose item has no minimum period judges nothing: often a 公示 recorded on the
    /// wrong milestone, which the clerk is told of while the id is at hand.
    private func warnIfEndJudgesNothing(_ milestone: Milestone, disclosure: Int64, catalogue: RuleCatalogue) {
      guard until != nil, let rule = catalogue.rule(for: milestone.kind),
        rule.rule(formedOn: milestone.formedOn).minimumPublication == nil else { return }
      // Its kind has a minimum, which the law that sets it did not yet hold the information to: nothing was recorded
      // wrong, and the end is kept.
      if rule.minimumPublication != nil, let from = rule.minimumInForce {
        return Terminal.warning("the \(rule.minimumPublicationName.english) of \(milestone.kind) applies from \(from), after this "
          + "milestone was formed (\(milestone.formedOn)), so --until judges nothing and is kept as the day the notice came down")
      }
      Terminal.warning("""
        \(milestone.kind) (\(rule.name.chinese)) has no minimum publication period, so --until judges nothing and is kept as \
        the day the notice came down; if it was the 公示 of another item, withdraw it (`gongkai withdraw --disclosure \
        \(disclosure) --reason 记录在错误的里程碑`) and record it on that item's milestone
        """)
    }
  }

  struct Withdraw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Withdraw a milestone or disclosure recorded by mistake: it stays on record, logged, but no longer counts.",
      usage: WithdrawableRecordOptions.usage(of: "withdraw"),
      discussion: """
        A milestone or publication withdrawn by mistake is put back with `gongkai reinstate`, under the 索引号 it had.

        Examples:
          gongkai withdraw 42 --reason 重复登记
          gongkai withdraw --disclosure 17 --reason 记录在错误的里程碑，应为里程碑43
        """)

    @OptionGroup var options: WithdrawableRecordOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run() async throws {
      let record = try options.record()
      let reason = try options.requiredReason(milestoneExample: "重复登记，与里程碑12为同一文件",
                                              disclosureExample: "记录在错误的里程碑，应为里程碑43")
      let register = try store.open()
      switch record {
      case .disclosure(let disclosure):
        let owner = try await options.owner(ofDisclosure: disclosure, in: register)
        // What the portal showed: its day and channel, while it is in force.
        let publication = WithdrawableRecordOptions.publication(disclosure, of: owner)
        let done = try await register.withdrawDisclosure(id: disclosure, reason: reason, actor: try actor.actor())
        // Of a withdrawn milestone, the publication comes back after it.
        let milestoneFirst = owner.withdrawnReason == nil ? "" : "gongkai reinstate \(owner.milestone.id) --reason …`, then `"
        try StandardOutput.confirm(Self.said(done, "disclosure \(disclosure) of \(Gongkai.named(owner.milestone))\(publication)",
                                             undo: "\(milestoneFirst)gongkai reinstate --disclosure \(disclosure) --reason …"),
                                   written: done == .withdrawn)
      case .milestone(let milestone):
        let stored = try await Gongkai.namedMilestone(milestone, of: options.project, in: register)
        let done = try await register.withdrawMilestone(id: milestone, reason: reason, actor: try actor.actor())
        try StandardOutput.confirm(Self.said(done, Gongkai.named(stored.milestone), undo: "gongkai reinstate \(milestone) --reason …"),
                                   written: done == .withdrawn)
      }
    }

    /// What a withdrawal did to `what`, and the command that `undo`es it while the id is at hand; run again (a script
    /// retried), it changes nothing and says so.
    static func said(_ withdrawal: Withdrawal, _ what: String, undo: String) -> String {
      switch withdrawal {
      case .withdrawn: "withdrew \(what) (`\(undo)` puts it back if this was the wrong one)"
      case .alreadyWithdrawn(let reason): "\(what) unchanged: already withdrawn (\(reason)); `gongkai history` of its project shows by whom and when"
      }
    }
  }

  struct Reinstate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Put a milestone or disclosure withdrawn by mistake back in force, under the 索引号 it had.",
      usage: WithdrawableRecordOptions.usage(of: "reinstate", rules: true),
      discussion: """
        For a withdrawal made by mistake: a mistyped id, or the wrong one of two records. The milestone counts again \
        from the day it was formed, logged as reinstated (恢复) with the reason; its publications, which the withdrawal \
        left as they were, are on the public notices again at the next export, under the 索引号 they had, and the feed \
        dates the item by the reinstatement, so that readers that saw it deleted see it again. Refused once another \
        milestone was recorded in its place (its kind, day and 文号), in force or withdrawn since: that one is the \
        record, to amend or to reinstate. Refused too while the milestone it changes is withdrawn, or formed after it. \
        A milestone withdrawn with its project comes back with it (`gongkai project reinstate`); one in force is left \
        as it is.

        A publication (--disclosure) comes back the same way, under its 索引号, while its milestone is in force; \
        refused once another publication was recorded in its place (its milestone, day and channel), in force or \
        withdrawn since, and when it is dated before its milestone was formed (amended since).

        Examples:
          gongkai reinstate 42 --reason 误撤回，应撤回的是里程碑24
          gongkai reinstate --disclosure 17 --reason 误撤回，应撤回的是公开记录18
        """)

    @OptionGroup var options: WithdrawableRecordOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesOptions
    @OptionGroup var actor: ActorOptions

    func run() async throws {
      let record = try options.record()
      let reason = try options.requiredReason(milestoneExample: "误撤回，应撤回的是里程碑24", disclosureExample: "误撤回，应撤回的是公开记录18")
      let opened = try store.open()
      // A publication reinstated may be dated before its milestone where the law wants it public by that day: the
      // rules say which, loaded as `disclose` loads them (a register kept under a profile file needs it given).
      let register = if case .disclosure = record {
        opened.admittingEarlyPublications(under: try rules.loadCatalogue(keptUnder: try await opened.profile(), register: store.path))
      } else {
        opened
      }
      switch record {
      case .disclosure(let disclosure):
        let owner = try await options.owner(ofDisclosure: disclosure, in: register)
        let done = try await register.reinstateDisclosure(id: disclosure, reason: reason, actor: try actor.actor())
        let what = "disclosure \(disclosure) of \(Gongkai.named(owner.milestone)): \(done.disclosure.publishedOn) \(done.disclosure.channel)"
        if done.wasInForce {
          // In force, yet off the notices while its milestone is withdrawn: that is what to reinstate.
          let off = owner.withdrawnReason == nil ? ""
            : " (its milestone is withdrawn: `gongkai reinstate \(owner.milestone.id) --reason …` puts both back on the notices)"
          try StandardOutput.confirm("\(what) unchanged: it is in force\(off)", written: false)
        } else {
          try StandardOutput.confirm("reinstated \(what) (back on the public notices at the next export, under the 索引号 it had)")
        }
      case .milestone(let milestone):
        let stored = try await Gongkai.namedMilestone(milestone, of: options.project, in: register)
        let what = Gongkai.named(stored.milestone)
        switch try await register.reinstateMilestone(id: milestone, reason: reason, actor: try actor.actor()) {
        case .wasInForce: try StandardOutput.confirm("\(what) unchanged: it is in force", written: false)
        case .reinstated(let publications, let loggedAgain):
          try StandardOutput.confirm("reinstated \(what) (\(counted(publications, "publication")) back on the public notices at the next export)")
          for other in loggedAgain {
            Terminal.warning("""
              \(Gongkai.named(other)), recorded since, has this one's day and \(stored.reference == nil ? "category" : "文号"): \
              if it was logged in this one's place, the information now counts twice; withdraw the one that is wrong \
              (`gongkai withdraw \(other.id) --reason …` or `gongkai withdraw \(milestone) --reason …`)
              """)
          }
        }
      }
    }
  }

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

    @Argument(help: ArgumentHelp("The milestone id.", valueName: "milestone"), transform: recordID) var milestone: Int64
    @Option(help: ArgumentHelp("The corrected day the information was formed.", valueName: "date"), transform: CivilDate.argument)
    var date: CivilDate?
    @Option(parsing: .unconditional, help: ArgumentHelp("文号.", valueName: "text"), transform: trimmed) var ref: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("What the information says.", valueName: "text"), transform: trimmed) var summary: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("Who must publish.", valueName: "name"), transform: trimmed) var unit: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("The milestone whose information this one changes or withdraws.", valueName: "milestone"),
            transform: recordID)
    var changes: Int64?
    @Flag(name: .customLong("no-changes"), help: "Remove the link to a milestone this one changes: it was linked by mistake.")
    var noChanges = false
    @Option(help: ArgumentHelp("Refuse unless the milestone belongs to this project.", valueName: "code"), transform: ProjectCode.argument)
    var project: ProjectCode?
    @Option(parsing: .unconditional, help: ArgumentHelp("Why, for the change log and the audit CSV (required).", valueName: "text"),
            transform: trimmed)
    var reason: String?
    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions
    @OptionGroup var actor: ActorOptions

    func validate() throws {
      if noChanges, let changes { throw ValidationError("--changes \(changes) and --no-changes contradict each other; give one") }
    }

    /// The amendment's link, as the options give it.
    var link: ChangeLink? { changes.map(ChangeLink.to) ?? (noChanges ? .removed : nil) }

    func run() async throws {
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
      let before = current.amendments?.count ?? 0
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
      func was(_ old: String?) -> String { " (was \(old.map(Terminal.field) ?? "none"))" }
      var changed: [String] = []
      if current.milestone.formedOn != stored.milestone.formedOn { changed.append("date" + was(current.milestone.formedOn.description)) }
      if current.reference != stored.reference { changed.append("文号" + was(current.reference)) }
      if current.summary != stored.summary { changed.append("summary") }
      if current.milestone.responsibleUnit != stored.milestone.responsibleUnit {
        changed.append("unit \(Terminal.field(stored.milestone.responsibleUnit ?? ""))" + was(current.milestone.responsibleUnit))
      }
      if current.milestone.changes != stored.milestone.changes {
        if let id = stored.milestone.changes, let target = try await register.milestone(id: id)?.milestone {
          changed.append("changes milestone \(id) (\(target.kind) \(target.formedOn))")
        } else {
          changed.append("changes no milestone")
        }
      }
      try StandardOutput.confirm("amended \(Gongkai.named(stored.milestone)): \(changed.joined(separator: ", "))\(standing)")
      if let date, current.milestone.formedOn != date, let code = try? ProjectCode(stored.milestone.projectCode) {
        Gongkai.warnIfYearMistyped(date, milestone: milestone, of: code, judged: today)
      }
      if link == .removed, let checker { Gongkai.warnIfUnlinkedWithdrawal(stored.milestone, catalogue: checker.catalogue) }
      // As `log` warns of a day counted without its year's schedule.
      if let checker, !unscheduledYears.isEmpty { Terminal.warning(Warnings.noSchedule(unscheduledYears, calendar: checker.calendar)) }
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

  /// What `log` and `amend` say after a milestone's day is written: its deadline, and where it stands today.
  struct DeadlineStanding {
    let text: String

    /// Best effort, after the write: a milestone the rules cannot judge is recorded all the same.
    init(_ milestone: Milestone, explanation: DeadlineExplanation?, checker: Checker, asOf: CivilDate, today: CivilDate) {
      let finding = (try? checker.judge(milestone, asOf: asOf)) ?? nil
      let deadline = explanation.map {
        " · deadline \($0.deadline.date)\($0.deadline.isProvisional ? " (provisional)" : "") (\($0.period.chineseDescription))"
          + (checker.catalogue.rule(for: milestone.kind, formedOn: milestone.formedOn).map { StandingNote.mark($0.confidence) } ?? "")
          + (finding?.deadlineWithoutWeekendReading.map { " (moved past a weekend, an interpretation: without it, \($0))" } ?? "")
      } ?? " · no fixed deadline"
      // An amendment may turn a late publication on time: said too, as the turn the other way is.
      let standing = finding.map {
        $0.status == .onTime && $0.disclosure != nil
          ? " · published on time" + ($0.statusIsProvisional ? " (provisional)" : "") : StandingNote(finding: $0, checker: checker, today: today).text
      } ?? ""
      text = deadline + standing
    }
  }

  struct History: AsyncParsableCommand {
    /// What a change-log row did, e.g. 新增公开 #17 (`insert disclosure 17`); a word the log may hold in future is
    /// shown as it is.
    static func words(_ entry: ChangeLogEntry, _ lang: Language) -> String {
      // The register is one row: its id says nothing.
      let id = entry.entity == "register" ? "" : lang.pick(" #", " ") + "\(entry.entityID)"
      guard lang == .zh else { return "\(entry.action) \(entry.entity == "register" ? "the register's rules" : entry.entity)\(id)" }
      if entry.action == "recode" { return "更正项目代码\(id)" }
      let action = ["insert": "新增", "update": "修改", "amend": "更正", "withdraw": "撤回", "reinstate": "恢复"][entry.action] ?? entry.action
      let entity = ["project": "项目", "milestone": "里程碑", "disclosure": "公开", "register": "登记册规则"][entry.entity] ?? entry.entity
      return "\(action)\(entity)\(id)"
    }

    /// A value of a changed field as the line shows it: an end cleared is a notice still up, not a blank. A value of
    /// several lines (a summary) goes on over lines of its own, indented under the change, as `project show` shows a
    /// summary, rather than with its line feeds escaped.
    static func shown(_ value: String?, of key: String, _ lang: Language) -> String {
      guard let value else { return key == "until" ? lang.pick("（仍在公开）", "(still up)") : "—" }
      return Terminal.fieldLines(value).joined(separator: "\n        ")
    }

    /// A row's values as the log records them (JSON), each as text; `nil` for none or a value that is not an object.
    private static func values(_ json: String?) -> [String: String]? {
      guard let object = json.flatMap({ try? JSONSerialization.jsonObject(with: Data($0.utf8)) }) as? [String: Any] else { return nil }
      return object.mapValues { value in (value as? String) ?? "\(value)" }
    }

    /// The columns of the logged rows in the order a reader expects them, each with the name staff read.
    private static let columns: [(key: String, label: String)] = [
      ("id", "编号"), ("code", "项目代码"), ("name", "项目名称"), ("legalPerson", "项目法人"), ("location", "建设地点"),
      ("totalInvestment", "总投资"), ("projectId", "项目编号"), ("milestoneId", "里程碑编号"), ("kind", "事项"),
      ("category", "类别"), ("formedOn", "形成日期"), ("reference", "文号"), ("summary", "摘要"), ("responsibleUnit", "责任单位"),
      ("changesId", "所变更里程碑"), ("publishedOn", "公开日期"), ("channel", "公开渠道"), ("url", "网址"), ("until", "公示截止"),
      ("serialYear", "索引年度"), ("serial", "索引序号"), ("profile", "规则"), ("withdrawnReason", "撤回原因"),
      ("reinstatedReason", "恢复原因"), ("recodedReason", "代码更正原因"),
      ("amendmentReason", "更正原因"), ("recordedBy", "登记人"), ("recordedAt", "登记时间"),
    ]

    /// `keys` in the order of ``columns``; a column the log may hold in future comes last, by name.
    static func ordered(_ keys: Set<String>) -> [String] {
      let known = columns.map(\.key).filter(keys.contains)
      return known + keys.subtracting(known).sorted()
    }

    /// A column's name as staff read it: 形成日期 for `formedOn`; in English, the column's own name.
    static func label(_ key: String, _ lang: Language) -> String {
      guard lang == .zh else { return key }
      return columns.first { $0.key == key }?.label ?? key
    }

    /// The reason an amendment, a reinstatement or a code's correction gave, as its row's values after record it, and its label; `nil` for
    /// other actions. Shown on a line of its own whether or not it differs from the last one given.
    static func reason(of entry: ChangeLogEntry, _ lang: Language) -> (key: String, label: String, text: String)? {
      let (key, label): (String, String)
      switch entry.action {
      case "amend": (key, label) = ("amendmentReason", lang.pick("更正原因", "reason"))
      // A milestone its project's reinstatement takes back keeps a reason of its own from an earlier reinstatement:
      // the project's row gives this one's.
      case "reinstate" where values(entry.before)?["withdrawnReason"]?.hasPrefix(RegisterText.projectWithdrawalMark) == true:
        return nil
      case "reinstate": (key, label) = ("reinstatedReason", lang.pick("恢复原因", "reason"))
      case "recode": (key, label) = ("recodedReason", lang.pick("代码更正原因", "reason"))
      default: return nil
      }
      return values(entry.after)?[key].map { (key, label, $0) }
    }

    static let configuration = CommandConfiguration(
      abstract: "Show a project's change log (without a code, the register's own): who changed what, when, before and after.",
      discussion: "Without a project code, the changes of the register itself: the rules profile it is kept under.")

    @Argument(help: ArgumentHelp("The project code; none for the register's own changes.", valueName: "code"),
              transform: ProjectCode.argument)
    var code: ProjectCode?
    @Option(help: "Output format.") var format: ReportFormat = .text
    @Option(help: "Language of the text output; JSON keeps the log's own words.") var lang: Language = .zh
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let register = try store.open()
      let entries: [ChangeLogEntry]
      if let code {
        _ = try await register.requireProject(code: code)
        entries = try await register.history(of: code)
      } else {
        entries = try await register.registerHistory()
      }
      switch format {
      case .json:
        let objects = entries.map { entry -> [String: Any] in
          var object: [String: Any] = [
            "id": entry.id, "at": entry.at, "actor": entry.actor, "action": entry.action, "entity": entry.entity,
            "entityId": entry.entityID, "projectCode": entry.projectCode,
          ]
          object["before"] = entry.before.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) }
          object["after"] = entry.after.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) }
          return object
        }
        let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try StandardOutput.write(data + Data("\n".utf8))
      case .text:
        if entries.isEmpty && code == nil {
          // The register's own log is empty until its profile changes.
          try StandardOutput.print(lang.pick("登记册规则未曾变更：按全国通用规则（national）登记",
                                             "no changes to the register itself: it is kept under the national rules, as every register starts"))
        }
        for entry in entries {
          try StandardOutput.print("\(Terminal.field(entry.at))  \(Terminal.field(entry.actor))  \(Self.words(entry, lang))")
          let before = Self.values(entry.before), after = Self.values(entry.after)
          if let before, let after {
            // A change shows the fields it changed, one a line (an amendment's or a reinstatement's reason comes last,
            // on its own); `--format json` gives both rows whole.
            let reasonKey = Self.reason(of: entry, lang)?.key
            for key in Self.ordered(Set(before.keys).union(after.keys)) where before[key] != after[key] && key != reasonKey {
              try StandardOutput.print("    \(Self.label(key, lang)): \(Self.shown(before[key], of: key, lang)) → \(Self.shown(after[key], of: key, lang))")
            }
          } else if let after {
            // What was added, without what the line above says (its id, who recorded it and when), nor the internal
            // number of the project whose history this is.
            let shown = Self.ordered(Set(after.keys).subtracting(["id", "recordedBy", "recordedAt", "projectId"]))
            try StandardOutput.print("    " + shown.map { "\(Self.label($0, lang)) \(Self.shown(after[$0], of: $0, lang))" }.joined(separator: lang.pick("；", "; ")))
          } else {
            // Values that are not a JSON object (a log edited outside gongkai) are shown as they are.
            if let before = entry.before { try StandardOutput.print("    \(lang.pick("变更前", "before")) \(Terminal.field(before))") }
            if let after = entry.after { try StandardOutput.print("    \(lang.pick("变更后", "after ")) \(Terminal.field(after))") }
          }
          if let reason = Self.reason(of: entry, lang) {
            try StandardOutput.print("    \(reason.label) \(Terminal.field(reason.text))")
          }
        }
      }
    }
  }
}
