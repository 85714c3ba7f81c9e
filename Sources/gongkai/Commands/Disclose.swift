import ArgumentParser
import GongkaiCore
import GongkaiStore

extension Gongkai {
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
              transform: milestoneID)
    var milestone: Int64
    @Option(help: ArgumentHelp("The day it went public.", valueName: "date"), transform: CivilDate.argument) var date: CivilDate
    @Option(parsing: .unconditional, help: ArgumentHelp("Where it was published, e.g. 杨浦区人民政府门户网站.", valueName: "name"), transform: recordedText) var channel: String
    @Option(parsing: .unconditional, help: ArgumentHelp("The address of the publication.", valueName: "url"), transform: trimmed) var url: String?
    @Option(help: ArgumentHelp("The last day it stays up (for 公示 items).", valueName: "date"), transform: CivilDate.argument)
    var until: CivilDate?
    @Flag(help: "It is still up: clear the take-down date recorded for this publication before.")
    var stillUp = false
    @Flag(name: .customLong("no-url"), help: "Clear the address recorded for this publication before: it was wrong.")
    var noURL = false
    @Option(help: ArgumentHelp("Refuse unless the milestone belongs to this project.", valueName: "code"), transform: ProjectCode.argument)
    var project: ProjectCode?
    @OptionGroup var asOf: StandingDayOptions
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
        let meant = RegisterError.yearMeant(published: date, formed: formed, today: today).map { " (the year mistyped for \($0)?)" } ?? ""
        throw CommandFailure(status: .dataError, message: """
          --date \(date) is before milestone \(milestone) was formed (\(formed)): give the day the publication went up\(meant), or, if \
          the milestone's date is wrong, correct it first: `gongkai amend \(milestone) --date … --reason 更正形成日期`
          """)
      case let problem?: throw StoreError.invalid(problem.renamed(from: ["published": "--date"]))
      case nil: break
      }
      let optionProblems = disclosure.problems(formedOn: formed, admittedBefore: true, today: today)
      try refuse(optionProblems.map {
        $0.renamed(from: ["published": "--date", "channel": "--channel", "url": "--url", "until": "--until"])
      })
      let beside = disclosure.recordedBeside(among: zip(stored.milestone.disclosures, stored.recordedDisclosures).map { ($1.id, $0) })
      try refuseSpacedApart(from: beside)
      let clearing: PublicationClearing = [stillUp ? .until : [], noURL ? .url : []]
      let recorded = try await register.disclose(milestone: milestone, disclosure, clearing: clearing, actor: try actor.actor())
      // Where the milestone stands now, said at once when it is late or too short; best effort, after the write (a
      // kind the register's rules no longer hold is recorded all the same).
      let judged = try await register.milestone(id: milestone).flatMap { try? checker.judge($0.milestone, asOf: asOf.day(today: today)) }
      let standing = (judged ?? nil).map {
        StandingNote(finding: $0, checker: checker, today: today, marksUnverifiedDeadline: true, recordedDisclosure: recorded.id,
                     recordedPublication: disclosure).text
      } ?? ""
      let of = Gongkai.named(stored.milestone)
      switch recorded.outcome {
      case .recorded:
        try StandardOutput.confirm("recorded disclosure \(recorded.id) of \(of): \(date) \(channel)\(standing)")
      case .updated(let before):
        let changes = [
          before.until == recorded.disclosure.until ? nil
            : "until \(recorded.disclosure.until.map(String.init(describing:)) ?? "still up") (was \(before.until.map(String.init(describing:)) ?? "still up"))",
          before.url == recorded.disclosure.url ? nil : "url \(recorded.disclosure.url ?? "none") (was \(before.url ?? "none"))",
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
      asOf.warnIfAhead(of: today)
      warnIfEndJudgesNothing(stored.milestone, disclosure: recorded.id, catalogue: checker.catalogue)
      if case .recorded = recorded.outcome {
        warnIfBeside(recorded.id, disclosure, beside)
        if let deadline = (judged ?? nil)?.deadline?.date, date <= deadline, deadline < today {
          // On time by the day typed, recorded once the deadline had passed: what a back-dated record looks like, and
          // what an evaluator asks the page's proof of date for.
          Terminal.warning("""
            disclosure \(recorded.id) is dated \(date), on time by its deadline \(deadline), but recorded today (\(today)), after \
            it: the audit CSV shows both days (公开日期, 公开登记时间); keep the proof of the day it went up (the portal's record, \
            a dated screenshot)
            """)
        }
      }
    }

    /// A publication of the day whose channel differs from another's of the day only in its spaces (a no-break space
    /// pasted from a web page) is that one recorded twice: refused, as the imports refuse it.
    private func refuseSpacedApart(from beside: (id: Int64, publication: Disclosure)?) throws {
      guard let (id, other) = beside, other.publishedOn == date else { return }
      throw CommandFailure(status: .dataError, message: "--channel " + StoreError.respacedChannel(
        channel, recorded: other.channel, disclosure: id, givenIn: "the one given"))
    }

    /// A publication on the channel of another in force (its spaces aside), at its address where both give one, on
    /// another day while that one was up: a notice put up twice, or the other's date corrected by a clerk who took
    /// `disclose` for the correction, which leaves the wrong day counting. Said as the imports say it, with the
    /// withdrawal that corrects it; and the channel spelt with other spaces, which the notices would show two ways.
    private func warnIfBeside(_ recorded: Int64, _ disclosure: Disclosure, _ beside: (id: Int64, publication: Disclosure)?) {
      guard let (id, other) = beside else { return }
      let respelt = !disclosure.spellsChannel(as: other)
      let redates = disclosure.isUp(alongside: other)
      guard redates || respelt else { return }
      Terminal.warning(StoreError.publishedBeside(
        "disclosure \(recorded) of \(date) was recorded", id: recorded, other: id, on: other.publishedOn.description,
        spelt: respelt ? other.channel : nil, sameAddress: other.url != nil && url != nil,
        corrector: redates ? "disclosure \(recorded)" : nil))
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
}
