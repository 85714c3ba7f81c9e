import ArgumentParser
import Foundation

/// A command's options and flags as the parser describes them (`--experimental-dump-help`): what gongkai's own checks
/// of a command line need to know of it, without a second list to keep in step with the commands.
struct CommandOptions {
  /// Every spelling (`-o`, `--out`) of an option that takes a value, to the name it is told by.
  private(set) var valued: [String: String] = [:]
  /// The options that may be given more than once, by the name they are told by.
  private(set) var repeating: Set<String> = []
  /// Every spelling of every option and flag, `--help` and `--version` among them.
  private(set) var spellings: Set<String> = []

  /// The long spellings, `--out` and `--no-verify`, in the order the command declares them.
  private(set) var longNames: [String] = []

  init(_ command: ParsableCommand.Type) {
    guard let description = try? JSONDecoder().decode(Description.self, from: Data(command._dumpHelp().utf8)) else { return }
    for argument in description.command.arguments ?? [] where argument.kind != "positional" {
      let names = (argument.names ?? []).map { $0.kind == "long" ? "--\($0.name)" : "-\($0.name)" }
      spellings.formUnion(names)
      longNames += names.filter { $0.hasPrefix("--") }
      guard argument.kind == "option", let name = names.first(where: { $0.hasPrefix("--") }) ?? names.first else { continue }
      for spelling in names { valued[spelling] = name }
      if argument.isRepeating { repeating.insert(name) }
    }
  }

  private struct Description: Decodable {
    struct Command: Decodable { let arguments: [Argument]? }
    struct Argument: Decodable {
      let kind: String
      let isRepeating: Bool
      let names: [Name]?
    }
    struct Name: Decodable {
      let kind: String
      let name: String
    }
    let command: Command
  }
}
