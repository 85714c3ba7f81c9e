import ArgumentParser
import GongkaiCore
import GongkaiStore

/// The record `withdraw` and `reinstate` name, a milestone by its id or a publication by `--disclosure`, with the
/// reason the change log keeps and the project that guards a mistyped id: the two undo each other, so they take the
/// same words.
struct WithdrawableRecordOptions: ParsableArguments {
  /// The usage line of `command`, written out: the parser would show the id, --disclosure and --reason as optional,
  /// which they are to it only so that gongkai's own messages say what is missing.
  /// `reinstate` takes the rules options too (`rules`), which say which publications may precede their milestone.
  static func usage(of command: String, rules: Bool = false) -> String {
    "gongkai \(command) (<milestone> | --disclosure <id>) --reason <text> [--project <code>] [--database <path>]"
      + (rules ? " [--profile <name>] [--profile-file <file> ...]" : "") + " [--by <name>]"
  }

  @Argument(help: ArgumentHelp("The milestone id, as `project show` prints it (#42) or bare.", valueName: "milestone"),
            transform: withdrawableMilestoneID)
  var milestone: Int64?
  @Option(parsing: .unconditional,
          help: ArgumentHelp("A publication instead of a milestone: its id, as `project show` prints it (D17) or bare.", valueName: "id"),
          transform: disclosureID)
  var disclosure: Int64?
  @Option(parsing: .unconditional, help: ArgumentHelp("Why, for the change log (required).", valueName: "text"), transform: trimmed)
  var reason: String?
  @Option(help: ArgumentHelp("Refuse unless the milestone (or the disclosure's) belongs to this project.", valueName: "code"),
          transform: ProjectCode.argument)
  var project: ProjectCode?

  enum Record {
    case milestone(Int64)
    case disclosure(Int64)
  }

  /// The record named. Asked when the command runs, not in `validate()`, which ArgumentParser runs before it names an
  /// argument it could not place: `withdraw -1` is told that -1 is no id, not that it gave none.
  func record() throws -> Record {
    switch (milestone, disclosure) {
    case (let milestone?, nil): .milestone(milestone)
    case (nil, let disclosure?): .disclosure(disclosure)
    case (let milestone?, let disclosure?):
      throw CommandFailure.usage("milestone \(milestone) and --disclosure \(disclosure) both given; give one")
    case (nil, nil): throw CommandFailure.usage("give either a milestone id or --disclosure ID")
    }
  }

  /// The reason given, else a usage error whose example fits the kind of record named.
  func requiredReason(milestoneExample: String, disclosureExample: String) throws -> String {
    try gongkai.requiredReason(reason, example: disclosure == nil ? milestoneExample : disclosureExample)
  }

  /// The milestone a disclosure (in force or withdrawn) was recorded on, of `project` when given.
  func owner(ofDisclosure id: Int64, in register: any Store) async throws -> StoredMilestone {
    guard let owner = try await register.milestone(ofDisclosure: id) else { throw StoreError.unknownDisclosure(id) }
    try await Gongkai.requireMilestone(owner.milestone, of: project, disclosure: id, in: register)
    return owner
  }

  /// A publication as a withdrawal's confirmation names it, its day and channel (`: 2026-03-02 门户网站`), while it is in
  /// force; empty otherwise.
  static func publication(_ id: Int64, of owner: StoredMilestone) -> String {
    owner.recordedDisclosures.firstIndex { $0.id == id }.map { owner.milestone.disclosures[$0] }
      .map { ": \($0.publishedOn) \(Terminal.field($0.channel))" } ?? ""
  }
}
