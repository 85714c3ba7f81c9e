import ArgumentParser
import GongkaiCore
import GongkaiExport
import GongkaiFileSystem
import GongkaiFiles
import GongkaiReference
import GongkaiStore

/// The exit statuses of `gongkai`, decided in this one place.
///
/// `0` success; `1` only when a report finds something overdue (as `diff` and `grep` use 1 for "found");
/// errors use the BSD sysexits codes so scripts can tell a typo from a broken file from a busy database.
enum ExitStatus: Int32, Error {
  case success = 0
  /// A report found what it was asked to fail on; the report itself was printed.
  case findings = 1
  case usage = 64
  case dataError = 65
  case noInput = 66
  /// An error this mapping does not know: a bug in gongkai, which must not pass for findings or for a cause the
  /// user could fix.
  case internalError = 70
  case cannotCreate = 73
  case ioError = 74
  case busy = 75

  static let helpTable = """
    EXIT STATUS
      0   success (for reports: nothing found)
      1   a report found something: check something overdue or, with
          --calendar-change, a verdict the schedule changes (see --fail-on),
          audit verify a broken change log, rows that differ from it,
          a --head no row of it has, a damaged file or a trigger,
          doctor a failed check
      64  usage: a bad argument or option value
      65  bad data: a file or a stored value that breaks the rules
      66  missing input: a file or database that does not exist
      70  internal error: a failure gongkai does not expect; please report it
      73  cannot create an output or temporary file
      74  input/output error
      75  the database, or an export's folder, is busy; try again
      128+N  ended by signal N (130 Ctrl-C, 143 kill, 129 hang-up), after
          undoing what it had not committed and saying so
    """

  /// The status of a store's refusal, each named, so that a new one is decided here (``ErrorReport``).
  fileprivate init(for error: StoreError) {
    switch error {
    case .databaseNotFound: self = .noInput
    case .cannotOpen: self = .noInput
    case .cannotCreate, .appeared, .cannotWriteBackup, .readOnly: self = .cannotCreate
    case .busy: self = .busy
    case .unexpected: self = .internalError
    case .io: self = .ioError
    case .unknownProject, .duplicateProject, .namesakeProject, .namesakeRename, .noProjectOfUnit, .unknownMilestone, .unknownDisclosure, .duplicateMilestone,
      .milestoneOfAnotherProject, .withdrawnMilestone, .projectWithdrawn, .projectRecoded, .codeTaken, .changesWithdrawn,
      .reinstatementBlocked, .reinstatementChangesWithdrawn, .reinstatementChangesLater, .publicationReinstatementBlocked,
      .publicationWithdrawnAsGiven, .milestoneWithdrawnAsGiven, .publicationOfWithdrawnMilestone, .changedBy, .settledPublication, .invalid, .importRejected, .notADatabase, .damaged, .foreignTrigger,
      .damagedBackupSource, .newerSchema, .olderSchema, .edited, .differsFromChangeLog, .kindsOutsideProfile,
      .publicationsAheadOutsideProfile, .milestonesAheadOutsideProfile, .linksOutsideProfile:
      self = .dataError
    }
  }

  /// The parser's message without the help lines it appends to some (`Help:  <from>  The day …`); a line feed
  /// inside a value the user typed stays in the message, to be shown escaped.
  fileprivate static func argumentParserMessage(_ message: String, fullMessage: String) -> String {
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
    let end = lines.firstIndex { $0.hasPrefix("Help:") || $0.hasPrefix("Usage:") } ?? lines.endIndex
    var said = lines[..<end].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    // "The value 'V' is invalid for '--status <status>': unknown status 'V'; …": gongkai's check names the value
    // already, which the parser's preamble repeats (a pasted paragraph twice on one line); the option is kept.
    if said.hasPrefix("The value '"), said.components(separatedBy: "' is invalid for '").count == 2,
      let invalid = said.range(of: "' is invalid for '"),
      let end = said[invalid.upperBound...].range(of: "': ")
    {
      let value = said[said.index(said.startIndex, offsetBy: "The value '".count)..<invalid.lowerBound]
      // An argument's name is written `<code>` in usage lines; a message names it bare, as it names fields.
      var option = said[invalid.upperBound..<end.lowerBound].prefix { $0 != " " }
      if option.count > 2, option.hasPrefix("<"), option.hasSuffix(">") { option = option.dropFirst().dropLast() }
      let reason = said[end.upperBound...]
      // Only where the reason quotes the value itself, and the value cannot have split the text elsewhere.
      if !value.contains("'"), reason.contains("'\(value)'") { said = "\(option): \(reason)" }
    }
    // ArgumentParser says nothing more of a number it could not read (`--warn-days ５`, `--year 2O26`): the form to
    // give is added. The options whose values are words list them, and gongkai's own transforms say their fix.
    if said.hasPrefix("The value '"), said.hasSuffix("'"), said.components(separatedBy: "' is invalid for '").count == 2 {
      return "\(said); give a whole number in ASCII digits (0-9)"
    }
    // ArgumentParser names what is wrong and leaves the fix to its usage lines, which one line cannot hold: a
    // missing argument gets the command's usage, an unknown one the command's help. Gongkai's own messages, and
    // its values' checks that ArgumentParser passes on, say their fix already.
    // A negative number is read as an option (`withdraw -1`), and an id then missing (`amend -2`): said to be no
    // value gongkai takes.
    if let typed = negativeNumberMisread(said) {
      // A project code typed with a '-' before it (`history -2024-310110-…`), or missing after one (`project show -2024`).
      if let code = try? ProjectCode(String(typed.dropFirst())) {
        return "'\(typed)' is read as an option: no project code begins with '-'; give it without: \(code)"
      }
      return said.hasPrefix("Missing expected argument '<code>'") || said.hasPrefix("Missing expected argument '<new-code>'")
        ? "'\(typed)' is read as an option: no project code begins with '-'; give the code as YYYY-DDDDDD-DD-DD-DDDDDD"
        : "'\(typed)' is read as an option: no id, count or number gongkai takes is negative; give a whole number from 1"
    }
    if let misread = valueMisreadAsOption(said) {
      let (option, typed) = (misread.option, misread.typed)
      // A file's name may begin with '-', and is given with '='; no date, code, id or number gongkai takes does.
      return misread.isPath
        ? "\(option): '\(typed)' is read as an option, not as its value; give a name that begins with '-' as \(option)=\(typed)"
        : "\(option): '\(typed)' is read as an option, not as its value; no \(misread.valueName) begins with '-': remove it"
    }
    if said.hasPrefix("Unknown option '--"), said.hasSuffix("'"),
      let placed = UnknownOption.placedBeforeCommand(String(said.dropFirst("Unknown option '".count).dropLast()),
                                                     arguments: Array(CommandLine.arguments.dropFirst()))
    {
      return placed
    }
    // The parser suggests no name for an option in another case or two letters off (`--AS-OF`, `--verison`).
    if said.hasPrefix("Unknown option '--"), said.hasSuffix("'"),
      let meant = UnknownOption.meant(String(said.dropFirst("Unknown option '".count).dropLast()), arguments: Array(CommandLine.arguments.dropFirst()))
    {
      return "\(said). Did you mean '\(meant)'?"
    }
    let bare = ["Missing expected argument", "Missing value for", "Unknown option", "Unexpected argument"]
    guard bare.contains(where: said.hasPrefix) || said.contains(" unexpected arguments: "), !said.contains("; "),
      !said.contains("Did you mean") else { return said }
    let full = fullMessage.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    if said.hasPrefix("Missing expected argument"), let usage = full.first(where: { $0.hasPrefix("Usage: ") }) {
      return "\(said); usage: \(usage.dropFirst("Usage: ".count))"
    }
    if let see = full.first(where: { $0.hasPrefix("See '") && $0.hasSuffix("' for more information.") }) {
      let help = see.dropFirst("See '".count).dropLast("' for more information.".count)
      // The parser names what it could not place, which for a mistyped command with options is an option
      // (`gongkai chek --database x`: Unknown option '--database'): the command is what to fix.
      let group = help.split(separator: " ").dropLast().map(String.init)
      if let typed = CommandLine.arguments.dropFirst(group.count).first, let meant = CommandTree.meant(by: typed, in: group) {
        return "unknown command '\(typed)'; did you mean `\((group + [meant]).joined(separator: " "))`?"
      }
      return "\(said); see `\(help)`"
    }
    return said
  }

  /// `-1`, `-20`: a minus sign and ASCII digits.
  private static func isNegativeNumber(_ argument: String) -> Bool {
    argument.count > 1 && argument.hasPrefix("-") && argument.dropFirst().allSatisfy { ("0"..."9").contains($0) }
  }

  /// A project code with a '-' typed before it (`-2026-310110-48-01-000300`).
  private static func isDashedProjectCode(_ argument: String) -> Bool {
    argument.hasPrefix("-") && (try? ProjectCode(String(argument.dropFirst()))) != nil
  }

  /// The negative number (or project code with a '-' before it) the parser took for an option, where that is what its
  /// message is about: the option it names, or a missing argument while one was typed as an argument (not as an option's value, `--summary -5`).
  private static func negativeNumberMisread(_ said: String) -> String? {
    if said.hasPrefix("Unknown option '"), said.hasSuffix("'") {
      let option = String(said.dropFirst("Unknown option '".count).dropLast())
      return isNegativeNumber(option) || isDashedProjectCode(option) ? option : nil
    }
    let arguments = Array(CommandLine.arguments.dropFirst())
    // `log -2026-310110-… bidding.tender-notice`: the kind taken for the code.
    if said.hasPrefix("code: project code '") { return arguments.first(where: isDashedProjectCode) }
    guard said.hasPrefix("Missing expected argument") else { return nil }
    return arguments.indices.first { index in
      (isNegativeNumber(arguments[index]) || isDashedProjectCode(arguments[index]))
        && (index == 0 || !(arguments[index - 1].hasPrefix("--") && !arguments[index - 1].contains("=")))
    }.map { arguments[$0] }
  }

  /// The option and the value typed after it that the parser read as an option of its own (`--date -2026-01-01`,
  /// `--out -x.csv`): a value beginning with `-` and then no letter (no option of gongkai's is such), or any for a
  /// file or folder, where the parser says the option's value (`Missing value for '--date <date>'`) is missing; with
  /// the value's name, and whether it names a file or folder.
  private static func valueMisreadAsOption(_ said: String) -> (option: String, typed: String, valueName: String, isPath: Bool)? {
    guard said.hasPrefix("Missing value for '--"), said.hasSuffix(">'") else { return nil }
    let named = said.dropFirst("Missing value for '".count).dropLast(2).split(separator: " <", maxSplits: 1)
    guard named.count == 2 else { return nil }
    let (option, valueName) = (String(named[0]), String(named[1]))
    let arguments = Array(CommandLine.arguments.dropFirst())
    guard let index = arguments.lastIndex(of: option), index + 1 < arguments.count else { return nil }
    let typed = arguments[index + 1]
    // A file's name may begin with '-' and a letter; no option's value that is not one does.
    let isPath = ["file", "folder", "path"].contains(valueName)
    guard typed.count > 1, typed.hasPrefix("-"), let second = typed.dropFirst().first, isPath || !second.isLetter, second != "-" else {
      return nil
    }
    return (option, typed, valueName, isPath)
  }
}

/// An error a command raises itself, with the status it maps to.
struct CommandFailure: Error {
  let status: ExitStatus
  let message: String

  static func usage(_ message: String) -> CommandFailure { CommandFailure(status: .usage, message: message) }
}

/// An error as gongkai reports it: the status it exits with and the lines it prints, decided together for each kind
/// of error in this one place.
struct ErrorReport {
  let status: ExitStatus
  /// One line, or one a problem of a file; none for a status a report has already explained (``ExitStatus/findings``).
  let lines: [String]

  private init(_ status: ExitStatus, _ lines: [String]) {
    self.status = status
    self.lines = lines
  }

  init(_ error: Error) {
    switch error {
    case let status as ExitStatus: self.init(status, [])
    case let problem as FileProblem: self.init(problem.kind == .missing ? .noInput : .dataError, [problem.description])
    case let problems as FileProblems:
      self.init(problems.problems.allSatisfy { $0.kind == .missing } ? .noInput : .dataError, problems.condensedDescriptions)
    case is DateError, is PeriodError, is RuleError, is CheckError, is ScheduleError: self.init(.dataError, [ReferenceList.message(for: error)])
    case let error as RegisterError: self.init(.usage, [error.message])
    case let error as StoreError:
      if case .importRejected(let rejected) = error {
        self.init(ExitStatus(for: error), rejected.map(\.description))
      } else {
        self.init(ExitStatus(for: error), [error.message])
      }
    case let failure as CommandFailure: self.init(failure.status, [failure.message])
    case let error as StandardOutputError: self.init(.ioError, [Self.unwritten(error)])
    case let error as ExportError:
      let status: ExitStatus = switch error {
      case .cannotCreate: .cannotCreate
      case .invalid: .dataError
      case .io: .ioError
      case .busy: .busy
      }
      self.init(status, [error.description])
    case let error as FileSystemError:
      let status: ExitStatus = switch error {
      case .cannotCreate: .cannotCreate
      case .io: .ioError
      }
      self.init(status, [error.description])
    default:
      // ArgumentParser's own errors: help and the version end cleanly, a bad command line is a usage error. Any other
      // error it calls a failure (1), which here would read as "found something overdue".
      let status: ExitStatus = switch Gongkai.exitCode(for: error) {
      case .success: .success
      case .validationFailure: .usage
      default: .internalError
      }
      self.init(status, [ExitStatus.argumentParserMessage(Gongkai.message(for: error), fullMessage: Gongkai.fullMessage(for: error))])
    }
  }

  /// Standard output that could not be written, and what that leaves: a write that stands, a file written whole, or
  /// output cut short.
  private static func unwritten(_ error: StandardOutputError) -> String {
    switch error.written {
    case .register:
      "cannot write standard output (disk full, pipe or output closed), but the register was written: the change stands, and "
        + "only this confirmation was lost (`gongkai history CODE` shows it, with the project's code; the register's own changes "
        + "without one); do not run the command again"
    case .file(let path):
      "cannot write standard output (disk full, pipe or output closed), but \(path) was written whole: only this confirmation was lost"
    case nil: "cannot write standard output (disk full, pipe or output closed); the output is incomplete"
    }
  }
}
