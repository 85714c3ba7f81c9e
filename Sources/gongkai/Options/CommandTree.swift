import ArgumentParser

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
}
