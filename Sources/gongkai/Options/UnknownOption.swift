import ArgumentParser
import GongkaiCore

/// An option the command does not have, told before what the parser stopped at.
///
/// ArgumentParser reads the arguments before it reports an option it does not know: `gongkai project add --nme 新名称`
/// was told that '新名称' is no project code, and `gongkai log CODE KIND --dte 2026-01-05` that --date is missing, where
/// the mistyped option is what to fix.
enum UnknownOption {
  /// The options every command takes that its own description may leave out (the root's `--version`), and those no
  /// one is pointed to.
  private static let implicit = ["--help", "--version"]
  private static let everywhere = implicit + ["--help-hidden", "--experimental-dump-help"]

  /// The usage error to give instead of `error`, a parser's error other than an unknown option's, when `arguments`
  /// give a long option that the command they name does not have; `nil` otherwise.
  static func failure(replacing error: any Error, arguments: [String]) -> CommandFailure? {
    guard Gongkai.exitCode(for: error) == .validationFailure, !Gongkai.message(for: error).hasPrefix("Unknown option"),
      let (path, command) = command(namedBy: arguments)
    else { return nil }
    let options = CommandOptions(command)
    if let (typed, option) = dashedByInputMethod(in: arguments.dropFirst(path.count), options) {
      return .usage("'\(typed)' starts with '\(typed.dropLast(option.count - 2))', which a Chinese input method types for '--': type \(option)")
    }
    guard let unknown = firstUnknown(in: arguments.dropFirst(path.count), options) else { return nil }
    return .usage("Unknown option '\(unknown)'" + (meant(unknown, among: options).map { ". Did you mean '\($0)'?" }
      ?? "; see `gongkai \(path.joined(separator: " ")) --help`"))
  }

  /// The long option of the command `arguments` name that the unknown `option` most likely means, where the parser
  /// suggests none: `--AS-OF`, `--verison`.
  static func meant(_ option: String, arguments: [String]) -> String? {
    command(namedBy: arguments).flatMap { meant(option, among: CommandOptions($0.1)) }
  }

  /// Where `option`, unknown to `gongkai` itself, was given before the command that has it (`gongkai --database X
  /// import Projects/`): how to place it, with the command's words; `nil` when no command named after it has it.
  static func placedBeforeCommand(_ option: String, arguments: [String]) -> String? {
    guard arguments.first?.hasPrefix("-") == true,
      let start = arguments.firstIndex(where: { CommandTree.subcommand(named: $0, of: Gongkai.self) != nil })
    else { return nil }
    var (command, words) = CommandTree.command(namedBy: arguments[start...])
    // `import` runs `import projects` when no subcommand follows.
    if let runs = command.configuration.defaultSubcommand { command = runs }
    guard command.configuration.subcommands.isEmpty, CommandOptions(command).spellings.contains(option) else { return nil }
    let path = arguments[start..<(start + words)].joined(separator: " ")
    return "\(option) goes after the command it is an option of: gongkai \(path) \(option) …"
  }

  /// The options that a project file's field is given with under another name: a clerk who writes the files types
  /// their names as options (`--total-investment`), too far from the option's to be found as a typo. Only those that
  /// mean the same in every command that has the option: a file's `formed` is `log`'s --date but not `disclose`'s.
  private static let fieldNames = ["--total-investment": "--investment", "--responsible-unit": "--unit", "--reference": "--ref"]

  /// The same name in another case, a file's name of the option, else the nearest a letter off a short name or two
  /// off a longer one (`--x` is no `--by`).
  private static func meant(_ unknown: String, among options: CommandOptions) -> String? {
    let names = options.longNames + implicit.filter { !options.longNames.contains($0) }
    if let same = names.first(where: { $0.lowercased() == unknown.lowercased() }) { return same }
    if let option = fieldNames[unknown.lowercased()], names.contains(option) { return option }
    let letters = unknown.count - 2
    return names
      .compactMap { name in EditDistance.between(name, unknown, atMost: min(2, max(1, letters / 3))).map { (name, $0) } }
      .min { $0.1 < $1.1 }?.0
  }

  /// The first long option among `arguments` that `options` lack. The word after an option that takes a value is its
  /// value, whatever it looks like (`--summary --x`), which the option's own check judges.
  private static func firstUnknown(in arguments: ArraySlice<String>, _ options: CommandOptions) -> String? {
    options.given(in: arguments).lazy.map(\.spelling).first { name in
      name.hasPrefix("--") && name.count > 2 && !options.spellings.contains(name) && !everywhere.contains(name)
    }
  }

  /// The first of `arguments` that is an option of `options` written with the dashes a Chinese input method types
  /// (`——date`, `－－ref`), which the parser reads as a value; the argument and the option it means.
  private static func dashedByInputMethod(in arguments: ArraySlice<String>, _ options: CommandOptions) -> (String, String)? {
    let dashes = RegisterText.inputMethodDashes.union(["-"])
    for token in arguments {
      let lead = token.prefix(while: dashes.contains)
      guard (1...2).contains(lead.count), !lead.allSatisfy({ $0 == "-" }) else { continue }
      let option = "--" + token.dropFirst(lead.count).prefix { $0 != "=" }
      if options.spellings.contains(option) { return (String(token.prefix { $0 != "=" }), option) }
    }
    return nil
  }

  /// The command the leading words of `arguments` name, and those words, where it is one that runs (not a group:
  /// a word there that names no command is what the parser reports).
  private static func command(namedBy arguments: [String]) -> ([String], ParsableCommand.Type)? {
    let (command, words) = CommandTree.command(namedBy: arguments)
    return command.configuration.subcommands.isEmpty ? (Array(arguments.prefix(words)), command) : nil
  }
}
