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
    for (spelling, value) in options.given(in: arguments) {
      guard let option = options.valued[spelling], let value, !options.repeating.contains(option) else { continue }
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
      guard token.hasPrefix("--"), seen.insert(String(token.prefix { $0 != "=" })).inserted else { return true }
    }
    return false
  }
}
