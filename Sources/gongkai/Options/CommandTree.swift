import ArgumentParser
import GongkaiCore

/// gongkai's commands as the parser nests them, found by the words of a command line.
enum CommandTree {
  /// The subcommand of `command` called `name`; a configuration's `subcommands` holds the grouped ones too.
  static func subcommand(named name: String, of command: ParsableCommand.Type) -> ParsableCommand.Type? {
    command.configuration.subcommands.first { $0._commandName == name }
  }

  /// The command the leading `words` name from `gongkai` down, and how many of the words named it: the walk stops at
  /// the first word that names no subcommand.
  static func command(namedBy words: some Sequence<String>) -> (command: ParsableCommand.Type, words: Int) {
    var command: ParsableCommand.Type = Gongkai.self
    var count = 0
    for word in words {
      guard let next = subcommand(named: word, of: command) else { break }
      command = next
      count += 1
    }
    return (command, count)
  }

  /// The subcommand of `group` (`gongkai`, `gongkai export`) a mistyped argument (`chek`, `Improt`, `audti-csv`) most
  /// likely meant: one in another case or a letter or two off, when only one is; none for a word with a `/` or `.`.
  static func meant(by typed: String, in group: [String]) -> String? {
    // A path (`Projets/`, `list.csv`) is an argument mistyped, not a command.
    guard !typed.contains("/"), !typed.contains(".") else { return nil }
    let (command, words) = command(namedBy: group.dropFirst())
    guard words == group.count - 1 else { return nil }
    let names = command.configuration.subcommands.map { $0._commandName }
    guard !typed.hasPrefix("-"), !names.contains(typed) else { return nil }
    let near = names.filter { EditDistance.between($0, typed.lowercased(), atMost: min(2, typed.count / 3)) != nil }
    return near.count == 1 ? near[0] : nil
  }
}
