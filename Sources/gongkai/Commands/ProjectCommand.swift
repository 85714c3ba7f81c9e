import ArgumentParser
import GongkaiCore
import GongkaiStore

extension Gongkai {
  struct ProjectCommand: CommandGroupRun {
    static let configuration = CommandConfiguration(
      commandName: "project",
      abstract: "Register, list, show, edit, hand over, recode, withdraw and reinstate projects.",
      subcommands: [Add.self, List.self, Show.self, Edit.self, HandOver.self, Recode.self, Withdraw.self, Reinstate.self])
  }
}

/// The project fields as options, shared by `project add` and `project edit`.
struct ProjectFieldOptions: ParsableArguments {
  // Every value is taken unconditionally, as the next argument: a name may start with '-', and a negative
  // investment should meet its own check rather than "Missing value".
  @Option(parsing: .unconditional, help: "项目名称: the project's name.", transform: recordedText) var name: String?
  @Option(name: .customLong("legal-person"), parsing: .unconditional, help: "项目法人: the project legal person.", transform: recordedText)
  var legalPerson: String?
  @Option(parsing: .unconditional, help: "建设地点: where it is built.", transform: recordedText) var location: String?
  @Option(parsing: .unconditional, help: ArgumentHelp("总投资: total investment in 万元 (ten thousand yuan).", valueName: "amount"),
          transform: trimmed)
  var investment: String?
  @Option(parsing: .unconditional, help: "责任单位: the unit that answers for its disclosures.", transform: recordedText) var unit: String?

  /// Each option's value, the project file's name of its field, and the option's.
  private var fields: [(value: String?, field: String, option: String)] {
    [(name, "name", "--name"), (legalPerson, "legal-person", "--legal-person"), (location, "location", "--location"),
     (investment, "total-investment", "--investment"), (unit, "responsible-unit", "--unit")]
  }

  /// The file fields the options give.
  var given: Set<String> { Set(fields.filter { $0.value != nil }.map(\.field)) }

  /// Whether no field was given: an edit of nothing is a mistyped command, not a change.
  var givesNone: Bool { given.isEmpty }

  /// `project` with the given options applied; an empty value clears an optional field.
  func applied(to project: Project) -> Project {
    var result = project
    if let name { result.name = name }
    if let legalPerson { result.legalPerson = legalPerson.isEmpty ? nil : legalPerson }
    if let location { result.location = location.isEmpty ? nil : location }
    if let investment { result.totalInvestment = investment.isEmpty ? nil : investment }
    if let unit { result.responsibleUnit = unit }
    return result
  }

  /// What an edit changed, each field with its former value, as `amend` says it: `name 新名称 (was 旧名称)`.
  static func changes(from old: Project, to new: Project) -> [String] {
    let values: [(String, String?, String?)] = [
      ("name", old.name, new.name), ("legal person", old.legalPerson, new.legalPerson),
      ("location", old.location, new.location), ("investment", old.totalInvestment, new.totalInvestment),
      ("unit", old.responsibleUnit, new.responsibleUnit),
    ]
    return values.filter { $0.1 != $0.2 }.map { field, was, now in
      "\(field) \(now.map(Terminal.field) ?? "cleared") (was \(Terminal.former(was)))"
    }
  }

  /// Refuses a project whose fields break the register's rules, naming the options rather than the file fields:
  /// of an edit (`onlyGiven`), only the fields it gives, so that a value stored before a rule was tightened (an
  /// invisible character in a name) does not refuse an edit of another field in its name.
  func refuseProblems(of project: Project, onlyGiven: Bool) throws {
    let given = given
    try refuse(project.problems().filter { !onlyGiven || given.contains($0.field) }.map {
      $0.renamed(from: Dictionary(uniqueKeysWithValues: fields.map { ($0.field, $0.option) }))
    })
  }
}

extension Gongkai.ProjectCommand {
  struct Add: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Register a project.",
      // Written out: the two options are optional to the parser only so that leaving one out gets gongkai's message.
      usage: """
        gongkai project add <code> --name <name> --unit <unit> [--legal-person <legal-person>] [--location <location>] \
        [--investment <amount>] [--database <path>] [--by <name>]
        """,
      discussion: """
        --name and --unit are required; the other fields may be added later with `gongkai project edit`.

        Example:
          gongkai project add 2024-310110-48-01-000123 --name 杨浦滨江南段公共空间提升工程 \\
              --unit 杨浦区建设和管理委员会
        """)

    @Argument(help: ArgumentHelp("The national project code (项目代码).", valueName: "code"), transform: ProjectCode.argument)
    var code: ProjectCode
    @OptionGroup var fields: ProjectFieldOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run() async throws {
      let project = fields.applied(to: Project(code: code, name: "", responsibleUnit: ""))
      try fields.refuseProblems(of: project, onlyGiven: false)
      let register = try store.open()
      let unit = await UnitResemblance(of: project.responsibleUnit, in: register)
      try await register.addProject(project, actor: try actor.actor())
      try StandardOutput.confirm("registered project \(code) \(project.name)")
      await unit.warn(in: register)
    }
  }

  struct Edit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Change a project's fields; an empty value clears an optional field.",
      discussion: """
        A new --unit answers for the milestones recorded from the change on. The milestones already recorded keep \
        the unit they had, so that per-unit results of past years do not change after the fact: each is given \
        that unit as its own, in the same transaction, logged. When the unit was only renamed, or the past should \
        move with the project, --for-past-milestones moves every milestone that names the old unit to the new one.

        Example:
          gongkai project edit 2023-310110-78-01-000087 --unit 杨浦区建设管理中心
        """)

    @Argument(help: ArgumentHelp("The project code.", valueName: "code"), transform: ProjectCode.argument) var code: ProjectCode
    @OptionGroup var fields: ProjectFieldOptions
    @Flag(help: "With --unit: move the milestones already recorded under the old unit to the new one too (given with the unit the project already has, those the last change of unit kept).")
    var forPastMilestones = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func validate() throws {
      if forPastMilestones && fields.unit == nil {
        throw ValidationError("--for-past-milestones moves milestones to a new unit; give the unit with --unit")
      }
    }

    func run() async throws {
      // In run(), not validate(), which ArgumentParser runs before it names an unknown option (a mistyped `--nme`).
      if fields.givesNone {
        throw CommandFailure.usage("nothing to change; give --name, --legal-person, --location, --investment or --unit")
      }
      let register = try store.open()
      var before: Project?
      var after: Project?
      let former = fields.unit == nil ? nil : try? await register.project(code: code)?.responsibleUnit
      let unit = await UnitResemblance(of: fields.unit, replacing: former, in: register)
      let update = try await register.updateProject(
        code: code, actor: try actor.actor(), pastMilestones: forPastMilestones ? .reattribute : .keepUnit
      ) { old in
        let project = fields.applied(to: old)
        try fields.refuseProblems(of: project, onlyGiven: true)
        (before, after) = (old, project)
        return project
      }
      let changes = before.flatMap { old in after.map { ProjectFieldOptions.changes(from: old, to: $0) } } ?? []
      try StandardOutput.confirm(update.changed ? "updated project \(code)" + (changes.isEmpty ? "" : ": \(changes.joined(separator: ", "))")
                                   : "project \(code) unchanged",
                                 written: update.changed || update.reattributed > 0)
      if let former = update.formerUnit {
        if forPastMilestones {
          try StandardOutput.confirm(
            "\(alreadyRecorded(update.reattributed, withdrawn: update.withdrawnAmongThem)) under \(Terminal.field(former)) moved to \(Terminal.field(fields.unit ?? ""))")
        } else {
          try StandardOutput.confirm("\(alreadyRecorded(update.keptFormerUnit, withdrawn: update.withdrawnAmongThem)) kept \(Terminal.field(former))"
            + (update.keptFormerUnit > 0 ? "; --for-past-milestones moves them to the new unit" : ""))
          if update.keptFormerUnit > 0 { try await warnOfUnpublished(keptBy: former, in: register) }
        }
      }
      await unit.warn(in: register)
    }

    /// The milestones kept under the former unit that are not public yet: their alerts go on naming that unit, which
    /// may no longer have the project, unless each is handed over.
    private func warnOfUnpublished(keptBy former: String, in register: any Store) async throws {
      var pending: [Milestone] = []
      try await register.forEachMilestone(matching: MilestoneFilter(projects: [code])) { stored in
        if stored.milestone.disclosures.isEmpty && stored.milestone.responsibleUnit == former { pending.append(stored.milestone) }
      }
      guard !pending.isEmpty, let unit = fields.unit else { return }
      let named = pending.map { "#\($0.id) \($0.kind) formed \($0.formedOn)" }.listed(atMost: 5)
      Terminal.warning("""
        \(pending.count) of them not yet published (\(named)) \(pending.count == 1 ? "stays" : "stay") with \
        \(Terminal.field(former)), whose alerts name it; to hand one still due over to the new unit (one overdue is the \
        former unit's lateness), give its id (`gongkai check --project \(code) --status due` lists those due): `gongkai amend ID --unit \
        \(ShellWord.quoted(unit)) --reason 项目移交`
        """)
    }
  }

  struct HandOver: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "hand-over",
      abstract: "Give every project of a responsible unit another unit: a reorganisation (机构改革), a unit renamed or merged.",
      discussion: """
        What `project edit --unit` does for one project, for every project in force of <unit>, in one transaction. The \
        milestones already recorded keep <unit> as their own, logged, so that per-unit results of past years do not \
        change after the fact; --for-past-milestones moves them to <new-unit> instead (a unit only renamed, or a \
        spelling mended), with the milestones of other projects that name <unit> themselves, so that it is left \
        nowhere in force. Projects withdrawn keep the unit they were registered under. Without --yes nothing is \
        written: the command says how many projects and milestones the change takes, since every notice page names \
        the unit.

        Example (the 2024 reorganisation of a district's commissions):
          gongkai project hand-over 杨浦区建设和交通委员会 杨浦区建设和管理委员会 --yes
        """)

    @Argument(help: ArgumentHelp("The responsible unit whose projects are handed over.", valueName: "unit"), transform: trimmed)
    var former: String
    @Argument(help: ArgumentHelp("The unit that answers for them from now on.", valueName: "new-unit"), transform: trimmed)
    var unit: String
    @Flag(help: "Move the milestones already recorded under <unit> to <new-unit> too, those of other projects that name it included.")
    var forPastMilestones = false
    @Flag(help: "Hand them over. Without --yes nothing is written: the command says what the change takes.")
    var yes = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run() async throws {
      try refuse(RegisterText.problems("<new-unit>", unit, required: true))
      guard unit != former else {
        throw CommandFailure.usage("<new-unit> is <unit> itself (\(Terminal.field(unit))); name the unit that answers for its projects from now on")
      }
      let register = try store.open()
      try await register.requireKnown(projects: [], units: [former], named: "<unit>")
      let newUnit = await UnitResemblance(of: unit, replacing: former, in: register)
      let done = try await register.handOverProjects(of: former, to: unit, pastMilestones: forPastMilestones ? .reattribute : .keepUnit,
                                                     confirmed: yes, actor: try actor.actor())
      let (from, to) = (Terminal.field(former), Terminal.field(unit))
      let withdrawn = done.withdrawnProjectsLeft == 0 ? ""
        : "; \(counted(done.withdrawnProjectsLeft, "withdrawn project")) \(done.withdrawnProjectsLeft == 1 ? "keeps" : "keep") \(from)"
      guard yes else {
        await newUnit.warn(in: register)
        let projects = done.projects == 0 ? "no project in force answers to \(from) any more"
          : "\(counted(done.projects, "project")) in force \(done.projects == 1 ? "answers" : "answer") to \(from), and would answer to \(to)"
        let past = forPastMilestones ? "\(alreadyRecorded(done.reattributed, withdrawn: done.withdrawnAmongThem)) under \(from) would move to \(to)"
          : "\(alreadyRecorded(done.keptFormerUnit, withdrawn: done.withdrawnAmongThem)) would keep \(from) (--for-past-milestones would move them)"
        throw CommandFailure.usage("""
          nothing handed over: \(projects); \(past)\(withdrawn). Every notice page names the unit: if this is the change \
          meant, run the command again with --yes
          """)
      }
      // Worded as `project edit --unit` words the same change of one project.
      try StandardOutput.confirm((done.projects == 0 ? "no project in force answers to \(from) any more"
        : "handed over \(counted(done.projects, "project")) in force from \(from) to \(to)") + withdrawn)
      try StandardOutput.confirm(forPastMilestones
        ? "\(alreadyRecorded(done.reattributed, withdrawn: done.withdrawnAmongThem)) under \(from) moved to \(to)"
        : "\(alreadyRecorded(done.keptFormerUnit, withdrawn: done.withdrawnAmongThem)) kept \(from)"
          + (done.keptFormerUnit > 0 ? "; --for-past-milestones moves them to the new unit" : ""))
      await newUnit.warn(in: register)
    }
  }

  struct Recode: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Give a project registered under a wrong code its right one, with its record, history and 索引号.",
      usage: "gongkai project recode <code> <new-code> --reason <text> [--yes] [--database <path>] [--by <name>]",
      discussion: """
        For a code mistyped at registration or in a project file (000920 for 000902). The project keeps everything \
        recorded under it: its milestones and publications with their 索引号, who recorded what and when, and the \
        corrections; the change is logged as recode (更正项目代码) with the reason, and `gongkai history` of the right \
        code shows the project's whole history, the rows logged under the wrong code included. From then on the wrong \
        code is refused wherever it is given, \
        naming the right one, and an import of a folder passes over a project file that still holds it, with a \
        warning: correct the file's code: line, or export the project again. The next full notice export writes the \
        project's page under the right code and removes the one under the wrong code, and the feed dates the \
        project's items by the correction, as their page moved. A 索引号 keeps its number; its organisation part \
        changes with the code's division only when exports run without --organisation, and the feed then names the \
        entries under the old 索引号 deleted, so that its readers do not show the items twice. A code another project has, in \
        force or withdrawn, or had before its own correction, is refused. Without --yes nothing is written: the \
        command names the project and what would move, since a mistyped new code would file the project under \
        another one.

        Example (000920 typed for 000902):
          gongkai project recode 2026-310110-48-01-000920 \\
            2026-310110-48-01-000902 --reason 项目代码填错 --yes
        """)

    @Argument(help: ArgumentHelp("The project's code now, the wrong one.", valueName: "code"), transform: ProjectCode.argument)
    var code: ProjectCode
    @Argument(help: ArgumentHelp("Its right code.", valueName: "new-code"), transform: ProjectCode.argument)
    var newCode: ProjectCode
    @Option(parsing: .unconditional, help: ArgumentHelp("Why, for the change log and `gongkai history` (required).", valueName: "text"),
            transform: trimmed)
    var reason: String?
    @Flag(help: "Correct it. Without --yes nothing is written: the refusal names the project and what would move.")
    var yes = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func validate() throws {
      guard code != newCode else {
        throw ValidationError("the new code is the project's code now (\(code)); give its right code as the second argument")
      }
    }

    func run() async throws {
      let register = try store.open()
      let unchanged = "unchanged: its code is \(newCode) already"
      let plan = try await register.previewRecode(code: code, to: newCode)
      // Run twice: with or without --yes or a reason, there is nothing to confirm.
      guard !plan.alreadyRecoded else { return try StandardOutput.confirm("project \(code) \(unchanged)", written: false) }
      let reason = try requiredReason(reason, example: "项目代码填错，应为\(newCode)")
      // Not confirmed: refused, naming the project and what would move, since a mistyped new code would file the
      // project under another one.
      guard yes else {
        throw CommandFailure.usage("""
          nothing recoded: project \(code) \(Terminal.field(plan.project.name)) holds \(counted(plan.milestones, "milestone")) in \
          force and \(counted(plan.publications, "publication")), which move to \(newCode) with its history\
          \(try await divisionNote(register)); if \(newCode) is its right code, run the command again with --yes
          """)
      }
      let done = try await register.recodeProject(code: code, to: newCode, reason: reason, actor: try actor.actor())
      let named = "project \(Terminal.field(done.project.name))"
      // Recoded by another clerk since it was read.
      guard !done.alreadyRecoded else { return try StandardOutput.confirm("\(named) \(unchanged)", written: false) }
      try StandardOutput.confirm("recoded \(named) from \(code) to \(newCode), with \(counted(done.milestones, "milestone")) in force"
        + " and \(counted(done.publications, "publication")) (its page moves at the next full notice export)"
        + (try await divisionNote(register)) + "; correct the code: line of its project file, or replace the file with"
        + " `gongkai export project \(newCode)`")
    }

    /// A code corrected into another division moves the 索引号 of exports that take the organisation part from the
    /// division (the register records no organisation code, and none is given): pages and the feed show other
    /// numbers, which a portal may have to map.
    private func divisionNote(_ register: any Store) async throws -> String {
      guard code.division != newCode.division, try await register.organisation() == nil else { return "" }
      return "; its division changes (\(code.division) → \(newCode.division)): the 索引号 of exports without an organisation code"
        + " change with it, and the next full notice export names the feed's entries under the old ones deleted"
    }
  }

  struct Withdraw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Withdraw a project registered by mistake, with its milestones: it stays on record, logged, but is no longer published or counted.",
      usage: "gongkai project withdraw <code> --reason <text> [--yes] [--database <path>] [--by <name>]",
      discussion: """
        For another district's project imported by mistake, or a project registered twice. Every \
        milestone of it in force is withdrawn for the reason marked （项目撤回）, each logged as `gongkai withdraw` logs one; the \
        next full notice export removes the project's page from the folder and leaves it off the index, and the feed \
        names the items it had published as deleted. The audit CSV keeps its rows, as withdrawn, and `project list \
        --withdrawn` lists it. A project's code is its identity: nothing is recorded, registered or imported under a \
        withdrawn one, and only `gongkai project reinstate` brings it back. Without --yes nothing is written: the \
        command names the project and what it holds, so that a mistyped code does not withdraw another project.

        A project registered under a wrong code is not withdrawn: `gongkai project recode` gives it its right one, \
        with its record, history and 索引号.

        Example (another district's project imported by mistake):
          gongkai project withdraw 2026-310115-48-01-000311 --reason 浦东新区项目，误导入 --yes
        """)

    @Argument(help: ArgumentHelp("The project code.", valueName: "code"), transform: ProjectCode.argument) var code: ProjectCode
    @Option(parsing: .unconditional, help: ArgumentHelp("Why, for the change log and the audit CSV (required).", valueName: "text"),
            transform: trimmed)
    var reason: String?
    @Flag(help: "Withdraw it. Without --yes nothing is written: the refusal names the project and what it holds, since a withdrawal takes it off the public notices at once.")
    var yes = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run() async throws {
      let reason = try requiredReason(reason, example: "项目代码填错，应为2026-310110-48-01-000902")
      let register = try store.open()
      let done = yes ? try await register.withdrawProject(code: code, reason: reason, actor: try actor.actor())
        : try await Self.unconfirmed(code, in: register)
      let named = "project \(code) \(Terminal.field(done.project.name))"
      if let earlier = done.alreadyWithdrawn {
        try StandardOutput.confirm(
          "\(named) unchanged: already withdrawn (\(Terminal.field(earlier))); `gongkai history \(code)` shows by whom and when",
          written: false)
      } else {
        try StandardOutput.confirm("withdrew \(named) and \(counted(done.milestones, "milestone")) in force"
          + " (\(counted(done.publications, "publication")) off the public notices at the next full export); take its project file out of the"
          + " folders you import (`gongkai project reinstate \(code) --reason … --yes` puts it back if this was the wrong project)")
      }
    }

    /// A withdrawal not confirmed: refused, naming what it would take off the portal, since a mistyped code (000920
    /// for 000902) would withdraw another project, and its feed entries would be named deleted before anyone noticed;
    /// of a project withdrawn before, what `--yes` would say, as there is nothing left to confirm.
    private static func unconfirmed(_ code: ProjectCode, in register: any Store) async throws -> ProjectWithdrawal {
      let preview = try await register.previewProjectWithdrawal(code: code)
      guard preview.alreadyWithdrawn == nil else { return preview }
      throw CommandFailure.usage("""
        nothing withdrawn: project \(code) \(Terminal.field(preview.project.name)) holds \(counted(preview.milestones, "milestone")) \
        in force and \(counted(preview.publications, "publication")); a withdrawal takes them off the public notices and names \
        them deleted in the feed: if this is the project meant, run the command again with --yes
        """)
    }
  }

  struct Reinstate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Put a project withdrawn by mistake back in force, with the milestones its withdrawal took.",
      usage: "gongkai project reinstate <code> --reason <text> [--yes] [--database <path>] [--by <name>]",
      discussion: """
        For the wrong one of two projects withdrawn, or a script that passed --yes. Each milestone the withdrawal took \
        (its reason marked （项目撤回）) is in force again, logged as reinstated, with its publications and their 索引号; \
        a milestone withdrawn on its own before stays withdrawn. The next full notice export writes the project's page \
        and lists it on the index again, and the feed dates its items by the reinstatement, so that readers that saw \
        them deleted see them again. The check judges its milestones again as it always did, by the days they were \
        formed and published. Without --yes nothing is written: the command names the project and what it would put \
        back on the portal, since most withdrawn projects were withdrawn for good reason; a project moved to its right \
        code through its file in an earlier release is one of them, and reinstated it would be on the portal twice. A \
        project in force is left as it is.

        Example:
          gongkai project list --withdrawn
          gongkai project reinstate 2026-310110-48-01-000902 --reason 误撤回 --yes
        """)

    @Argument(help: ArgumentHelp("The project code.", valueName: "code"), transform: ProjectCode.argument) var code: ProjectCode
    @Option(parsing: .unconditional, help: ArgumentHelp("Why, for the change log and `gongkai history` (required).", valueName: "text"),
            transform: trimmed)
    var reason: String?
    @Flag(help: "Reinstate it. Without --yes nothing is written: the refusal names the project and what it would put back on the public notices.")
    var yes = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOptions

    func run() async throws {
      let reason = try requiredReason(reason, example: "误撤回，应撤回的是000920")
      let register = try store.open()
      let done: ProjectReinstatement
      do {
        done = yes ? try await register.reinstateProject(code: code, reason: reason, actor: try actor.actor())
          : try await register.previewProjectReinstatement(code: code)
      } catch StoreError.unknownProject {
        throw CommandFailure(status: .dataError, message:
          "unknown project '\(code)'; `gongkai project list --withdrawn` lists the projects withdrawn, with their reasons")
      }
      let named = "project \(code) \(Terminal.field(done.project.name))"
      guard !done.wasInForce else { return try StandardOutput.confirm("\(named) unchanged: it is in force", written: false) }
      // A reinstatement not confirmed is refused, naming what it would put back on the portal, since a mistyped code
      // would publish a project withdrawn for good reason (another district's, one registered twice) again.
      guard yes else {
        throw CommandFailure.usage("""
          nothing reinstated: \(named) was withdrawn (\(Terminal.field(done.project.withdrawnReason ?? ""))) with \
          \(counted(done.milestones, "milestone")) and \(counted(done.publications, "publication")), which reinstating puts \
          back on the public notices: if this is the project meant, run the command again with --yes
          """)
      }
      try StandardOutput.confirm("reinstated \(named) and \(counted(done.milestones, "milestone")) its withdrawal took"
        + " (\(counted(done.publications, "publication")) back on the public notices at the next full export)")
    }
  }

  struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the projects in force, or with --withdrawn those withdrawn as registered by mistake.")

    @OptionGroup var store: StoreOptions
    @Flag(help: "List the projects withdrawn as registered by mistake instead, each with its reason.") var withdrawn = false
    @Option(help: "Output format.") var format: ReportFormat = .text

    func run() async throws {
      let projects = try await store.open().projects(withdrawn: withdrawn)
      switch format {
      case .json: try JSONOutput.print(projects.map(ProjectJSON.init))
      case .text:
        // Columns as wide as the longest name, up to a point: a name of a hundred characters should not push
        // every other line across the screen.
        let names = projects.map { Terminal.field($0.project.name) }
        let width = min(64, names.map { Terminal.width(of: $0) }.max() ?? 0)
        for (summary, name) in zip(projects, names) {
          let counts = Terminal.pad(summary.project.withdrawnReason.map { "已撤回：\(Terminal.field($0))" }
            ?? "\(summary.milestones)项信息，\(summary.disclosures)次公开", to: 20)
          try StandardOutput.print("\(summary.project.code)  \(Terminal.pad(name, to: width))  \(counts)  \(Terminal.field(summary.project.responsibleUnit))")
        }
      }
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show a project with its milestones, disclosures and where each stands today.")

    @Argument(help: ArgumentHelp("The project code.", valueName: "code"), transform: ProjectCode.argument) var code: ProjectCode
    @Option(help: ArgumentHelp("Judge as of this day (default: today in China Standard Time).", valueName: "date"),
            transform: CivilDate.argument)
    var asOf: CivilDate?
    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions

    func run() async throws {
      let register = try store.open()
      let project = try await register.requireProject(code: code)
      let checker = try await reference.checker(for: register, at: store.path)
      var milestones: [StoredMilestone] = []
      var withdrawn = 0
      try await register.forEachMilestone(matching: MilestoneFilter(projects: [code], withdrawn: true)) { stored in
        if stored.withdrawnReason == nil { milestones.append(stored) } else { withdrawn += 1 }
      }
      var text = ProjectText(project: project, milestones: milestones, withdrawn: withdrawn, checker: checker, asOf: asOf ?? StoreOptions.today())
      text.formerCodes = LoggedRecode.byCurrentCode(try await register.codeCorrections())[code, default: []]
        .map { ($0.former.rawValue, $0.reason) }
      try StandardOutput.print(text.rendered, terminator: "")
    }
  }
}

/// A project in `project list --format json`.
struct ProjectJSON: Encodable {
  let code: String
  let name: String
  let legalPerson: String?
  let location: String?
  let totalInvestment: String?
  let responsibleUnit: String
  let milestones: Int
  let disclosures: Int
  /// Why it was withdrawn as registered by mistake (`project list --withdrawn`); absent while in force.
  let withdrawnReason: String?

  init(_ summary: ProjectSummary) {
    let project = summary.project
    (code, name, legalPerson, location) = (project.code.rawValue, project.name, project.legalPerson, project.location)
    (totalInvestment, responsibleUnit) = (project.totalInvestment, project.responsibleUnit)
    (milestones, disclosures) = (summary.milestones, summary.disclosures)
    withdrawnReason = project.withdrawnReason
  }
}

extension RegisterError {
  /// The same error naming the command-line option instead of the file field.
  func renamed(from names: [String: String]) -> RegisterError {
    switch self {
    case .missingField(let field): .missingField(names[field] ?? field)
    case .invalidField(let field, let value, let fix): .invalidField(names[field] ?? field, value, fix)
    case .futureDate(let field, let date, let today): .futureDate(names[field] ?? field, date, today: today)
    case .tooFarAhead(let field, let date, let today): .tooFarAhead(names[field] ?? field, date, today: today)
    case .untilBeforePublished(let field, let until, let published): .untilBeforePublished(names[field] ?? field, until: until, published: published)
    case .changesUnrelatedKind(let field, let link, let kind, let changed, let allowed):
      .changesUnrelatedKind(names[field] ?? field, link, kind: kind, changed: changed, allowed: allowed)
    default: self
    }
  }
}

/// The milestones already recorded that a change of unit kept or moved, with how many of them are withdrawn: they are
/// counted, as the audit CSV lists them, but a user counting the milestones in force would not find them.
private func alreadyRecorded(_ count: Int, withdrawn: Int) -> String {
  let recorded = "\(counted(count, "milestone")) already recorded"
  guard withdrawn > 0 else { return recorded }
  return recorded + (withdrawn < count ? " (\(withdrawn) of them withdrawn)" : count == 1 ? " (withdrawn)" : " (all withdrawn)")
}
