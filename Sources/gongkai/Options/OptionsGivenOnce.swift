import ArgumentParser
import Foundation

/// Refuses an option that takes one value given more than once. ArgumentParser keeps the last silently: `log …
/// --date 2026-11-26 --date 2026-11-20` would record the second day in the legal record, and a cron line edited to
/// add `--as-of` beside an old one would judge another day without a word. Options that repeat by design
/// (`--status`, `--calendar`) are left alone; the parser's own description of the command says which those are.
enum OptionsGivenOnce {
  /// Throws a usage error naming the first option of `command` given twice in `arguments` with two values.
  static func check(_ command: ParsableCommand.Type, arguments: [String]) throws {
    guard mayRepeatAnOption(arguments) else { return }
    let options = ValuedOptions(command)
    var given: [String: [String]] = [:]
    var index = arguments.startIndex
    while index < arguments.endIndex, arguments[index] != "--" {
      let token = arguments[index]
      index += 1
      let (spelled, attached) = split(token)
      guard let option = options.canonical[spelled] else { continue }
      let value = attached ?? (index < arguments.endIndex ? arguments[index] : "")
      if attached == nil { index += 1 }
      guard !options.repeating.contains(option) else { continue }
      // The same value again loses nothing (a wrapper script that adds its own --database).
      guard given[option]?.contains(value) != true else { continue }
      given[option, default: []].append(value)
      if let values = given[option], values.count > 1 {
        throw CommandFailure.usage("\(option) given twice (\(values.joined(separator: ", "))); give it once")
      }
    }
  }

  /// Whether `arguments` may give an option twice: a long name twice, or any single-dash token, whose spelling may be
  /// another of an option's names. Most command lines give each option once, and need not have the parser describe
  /// the command (about 1.5 ms) to say so.
  private static func mayRepeatAnOption(_ arguments: [String]) -> Bool {
    var seen = Set<String>()
    for token in arguments.prefix(while: { $0 != "--" }) where token.hasPrefix("-") {
      guard token.hasPrefix("--"), seen.insert(split(token).0).inserted else { return true }
    }
    return false
  }

  /// `--name=value` as its name and value; any other token as itself.
  private static func split(_ token: String) -> (String, String?) {
    guard token.hasPrefix("--"), let equals = token.firstIndex(of: "=") else { return (token, nil) }
    return (String(token[..<equals]), String(token[token.index(after: equals)...]))
  }

  /// The options of a command that take a value, as the parser describes them (`--experimental-dump-help`).
  private struct ValuedOptions {
    /// Every spelling (`-o`, `--out`) of an option that takes a value, to the name it is told by.
    var canonical: [String: String] = [:]
    /// The options that may be given more than once, by the name they are told by.
    var repeating: Set<String> = []

    init(_ command: ParsableCommand.Type) {
      guard let description = try? JSONDecoder().decode(Description.self, from: Data(command._dumpHelp().utf8)) else { return }
      for argument in description.command.arguments ?? [] where argument.kind == "option" {
        let spellings = (argument.names ?? []).map { $0.kind == "long" ? "--\($0.name)" : "-\($0.name)" }
        guard let name = spellings.first(where: { $0.hasPrefix("--") }) ?? spellings.first else { continue }
        for spelling in spellings { canonical[spelling] = name }
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
}
