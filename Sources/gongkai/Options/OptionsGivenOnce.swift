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
    let options = CommandOptions(command)
    var given: [String: [String]] = [:]
    var index = arguments.startIndex
    while index < arguments.endIndex, arguments[index] != "--" {
      let token = arguments[index]
      index += 1
      let (spelled, attached) = split(token)
      guard let option = options.valued[spelled] else { continue }
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
}
