import ArgumentParser
import Foundation

/// The `gongkai` command: tracks the statutory disclosure of major construction projects.
@main
struct Gongkai: CommandGroupRun {
  static let configuration = CommandConfiguration(
    abstract: "Track the statutory disclosure (信息公开) of major construction projects.",
    discussion: """
      Knows the legal period of every disclosure item of the eight statutory categories, counts working \
      days on the State Council's holiday schedules, and reports what is due or late.

      \(ExitStatus.helpTable)

      ENVIRONMENT
        GONGKAI_DATABASE      the register, where --database is not given
        GONGKAI_CALENDAR_DIR  the folder of added holiday schedules (must exist)
        GONGKAI_RESOURCES     the rules and schedules, if not beside the binary
        GONGKAI_BUSY_TIMEOUT  seconds to wait for another writer (default 10)
        GONGKAI_USER          who a write is recorded as, where --by is not given
        GONGKAI_PROFILE       the rules profile --profile defaults to
        GONGKAI_ORGANISATION  the organisation code of 索引号 in exports, where the
                              register records none (gongkai init --organisation)
        GONGKAI_OC4IDS_PREFIX the registered OC4IDS project-ID prefix
        TMPDIR                where checks and imports put their scratch files
      """,
    version: version,
    groupedSubcommands: [
      CommandGroup(name: "Daily work", subcommands: [Check.self, Log.self, Disclose.self, ProjectCommand.self]),
      CommandGroup(name: "Corrections", subcommands: [Amend.self, Withdraw.self, Reinstate.self, History.self]),
      CommandGroup(name: "Operations", subcommands: [Audit.self, Backup.self, Doctor.self]),
      CommandGroup(name: "Register", subcommands: [Init.self, ImportCommand.self, Export.self, Report.self, Demo.self]),
      CommandGroup(name: "Reference", subcommands: [Rules.self, CalendarCommand.self, Deadline.self]),
    ]
  )

  /// The version, and for a debug build (what `swift run` makes) that it is one: it takes `$GONGKAI_NOW`, a fixed
  /// clock for the tests, so that records could be dated at will, and reads the rules of its source tree when its
  /// own are missing. An administrator checking an installation sees it here.
  static var version: String {
    #if DEBUG
    "0.1.0 (debug build: it takes GONGKAI_NOW, a fixed clock for tests; install a release build, swift build -c release)"
    #else
    "0.1.0"
    #endif
  }

  /// Swift reads the command line as UTF-8 and puts U+FFFD for bytes that are not: a file named in GBK on a Linux
  /// disk would be looked for, or created, under another name. Refused before anything is read or written.
  private static func refuseArgumentsNotUTF8() throws {
    for index in 1..<max(1, Int(CommandLine.argc)) {
      guard let argument = CommandLine.unsafeArgv[index] else { continue }
      let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(argument).assumingMemoryBound(to: UInt8.self), count: strlen(argument))
      guard String(validating: bytes, as: UTF8.self) == nil else { continue }
      let shown = String(decoding: bytes, as: UTF8.self)
      throw CommandFailure.usage("""
        argument \(index), '\(shown)', is not UTF-8 (each � stands for bytes gongkai cannot read); give paths and text in \
        UTF-8: rename a file named in another encoding (convmv -f gbk -t utf-8 FILE)
        """)
    }
  }

  /// `gongkai exprot --help`: ArgumentParser shows the help of the last command it recognised (`gongkai`) and succeeds,
  /// so a mistyped command asked for its help got its group's, with status 0, as if it were the command's.
  private static func refuseHelpOfMistypedCommand(_ arguments: [String]) throws {
    let options = arguments.prefix { $0 != "--" }.filter { $0.hasPrefix("-") }
    guard arguments.first != "help", options.contains(where: ["-h", "--help", "-help", "--help-hidden"].contains) else { return }
    let words = Array(arguments.prefix { !$0.hasPrefix("-") })
    let (command, matched) = CommandTree.command(namedBy: words)
    guard matched < words.count, !command.configuration.subcommands.isEmpty else { return }
    let group = ["gongkai"] + words.prefix(matched)
    let typed = words[matched]
    // A group that runs a command of its own takes other words as its arguments (`import FILE --help`).
    guard command.configuration.defaultSubcommand == nil
      || CommandTree.meant(by: typed, in: group) != nil && !FileManager.default.fileExists(atPath: typed) else { return }
    let names = command.configuration.subcommands.map { $0._commandName }.joined(separator: ", ")
    throw CommandFailure.usage(CommandTree.meant(by: typed, in: group).map {
      "unknown command '\(typed)'; did you mean `\((group + [$0]).joined(separator: " "))`?"
    } ?? "unknown command '\(typed)'; `\(group.joined(separator: " ")) --help` lists the commands: \(names)")
  }

  /// `gongkai help WORD …` of a command there is not: ArgumentParser prints the help of the last command it found and
  /// succeeds, which a script asking for a command's help would take for it. `help` itself is one (`gongkai help
  /// help`), and an option other than `--help` is met with how to ask.
  private static func refuseHelpOfUnknownCommand(_ arguments: [String]) throws {
    guard arguments.first == "help" else { return }
    var path = "gongkai"
    var command: ParsableCommand.Type? = Gongkai.self
    for word in arguments.dropFirst() {
      guard !word.hasPrefix("-") else {
        guard ["-h", "--help", "-help", "--help-hidden"].contains(word) else {
          throw CommandFailure.usage("`gongkai help` takes the names of commands, not the option '\(word)'; e.g. `gongkai help check`")
        }
        continue
      }
      if path == "gongkai" && word == "help" {
        (path, command) = ("gongkai help", nil)
        continue
      }
      guard let next = command.flatMap({ CommandTree.subcommand(named: word, of: $0) }) else {
        let names = command?.configuration.subcommands.map { $0._commandName } ?? []
        throw CommandFailure.usage(names.isEmpty
          ? "`\(path)` has no command '\(word)'; `\(path) --help` shows its help"
          : "unknown command '\(word)'; `\(path) --help` lists the commands: \(names.joined(separator: ", "))")
      }
      path += " " + word
      command = next
    }
  }

  /// Runs the command and turns every error into one line on standard error and its exit status, so that
  /// users and scripts see the same thing whatever failed (see ``ExitStatus``).
  static func main() async {
    // A reader that went away (`gongkai check | head`) is a write error like a full disk, said and given status 74,
    // not a silent death by SIGPIPE: after a committed write, the message says that the change stands.
    signal(SIGPIPE, SIG_IGN)
    Interruption.handle()
    do {
      try refuseArgumentsNotUTF8()
      // One clock for every command: a $GONGKAI_NOW a release build refuses, or one malformed, stops even a command that
      // writes nothing, rather than leave it judging the real day.
      _ = try StoreOptions.clock()
      let arguments = Array(CommandLine.arguments.dropFirst())
      try refuseHelpOfUnknownCommand(arguments)
      try refuseHelpOfMistypedCommand(arguments)
      var command: ParsableCommand
      do {
        command = try parseAsRoot()
      } catch {
        throw UnknownOption.failure(replacing: error, arguments: arguments) ?? error
      }
      try OptionsGivenOnce.check(type(of: command), arguments: arguments)
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      Interruption.commandEnded()
    } catch {
      Interruption.commandEnded()
      let report = ErrorReport(error)
      if report.status == .success {
        // Help and the version, as any output: one that cannot be written (standard output closed) is an error.
        do { try StandardOutput.print(fullMessage(for: error)) } catch {
          let unwritten = ErrorReport(error)
          Terminal.error(unwritten.lines)
          Foundation.exit(unwritten.status.rawValue)
        }
      } else {
        Terminal.error(report.lines)
      }
      Foundation.exit(report.status.rawValue)
    }
  }
}
