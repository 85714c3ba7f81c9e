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

  /// The options among `arguments` before a `--`, as spelled (`-o`, `--out`, the name of `--out=x`), each with its
  /// value where it takes one: after the `=`, else the next word, whatever it looks like (`--summary --x` gives
  /// --summary the value `--x`, which the option's own check judges), and that word is then no option.
  func given(in arguments: some Collection<String>) -> [(spelling: String, value: String?)] {
    var found: [(spelling: String, value: String?)] = []
    var words = arguments.prefix { $0 != "--" }.makeIterator()
    while let token = words.next() {
      guard token.hasPrefix("-") else { continue }
      let (spelling, attached) = Self.split(token)
      found.append((spelling, valued[spelling] == nil ? attached : attached ?? words.next() ?? ""))
    }
    return found
  }

  /// `--name=value` as its name and value; any other token as itself.
  private static func split(_ token: String) -> (String, String?) {
    guard token.hasPrefix("--"), let equals = token.firstIndex(of: "=") else { return (token, nil) }
    return (String(token[..<equals]), String(token[token.index(after: equals)...]))
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
