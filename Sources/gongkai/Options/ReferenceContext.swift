import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiReference
import GongkaiStore

/// The rules and the calendar a register command works with, loaded and validated once.
struct ReferenceOptions: ParsableArguments {
  @OptionGroup var rules: RulesOptions
  @OptionGroup var calendar: CalendarOptions

  /// The rules of `register` (at `path`): the profile it is kept under (see ``RulesOptions``).
  func catalogue(for register: any Store, at path: String) async throws -> RuleCatalogue {
    try rules.loadCatalogue(keptUnder: try await register.profile(), register: path)
  }

  /// The rules of `register` (at `path`) and the calendar.
  func load(for register: any Store, at path: String) async throws -> (catalogue: RuleCatalogue, calendar: LoadedCalendar) {
    (try await catalogue(for: register, at: path), try calendar.loadCalendar())
  }

  func checker(for register: any Store, at path: String) async throws -> Checker {
    let (catalogue, calendar) = try await load(for: register, at: path)
    return Checker(catalogue: catalogue, calendar: calendar.calendar)
  }
}

/// Throws the first problem of `problems` as a usage error: the user typed the value.
func refuse(_ problems: [RegisterError]) throws {
  if let first = problems.first { throw CommandFailure.usage(first.message) }
}

/// `--reason`, which a withdrawal, a correction and a reinstatement must give: refused, missing, blank or a
/// placeholder, with what to give (`example`, a reason of the kind the command records), where the parser's own
/// "Missing expected argument" would name no fix.
func requiredReason(_ reason: String?, example: String) throws -> String {
  try refuse(RegisterText.reasonProblems("--reason", reason, example: example))
  return reason ?? ""
}

/// Text options are trimmed, as spreadsheet cells are, so `--ref "HT-1 "` is the same document as `HT-1`.
///
/// They take the next argument whatever it is, since a name or a reason may start with '-'; so an option name
/// there (`--reason --by alice`) is a value forgotten, refused before it is written into the register as the text.
func trimmed(_ text: String) throws -> String {
  let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
  try refuseOptionName(text, as: "the text")
  try refuseOptionInside(text)
  return text
}

/// A text a command records (a name, a 文号, a channel): ``trimmed(_:)``, and refused when wrapped whole in the quotes an
/// input method types, which the shell keeps as part of it, so that it is not published with them. Filters take
/// ``trimmed(_:)`` alone: they name what the register holds, however it was recorded.
func recordedText(_ text: String) throws -> String {
  let text = try trimmed(text)
  if let (open, close) = RegisterText.wrappingQuotes(of: text) { throw ValidationError(keptQuotes(text, open, close)) }
  return text
}

/// What is wrong with `text` wrapped in an input method's quotes on the command line, and the fix: `quoted`, the text
/// as it should be typed, where it is known.
func keptQuotes(_ text: String, _ open: Character, _ close: Character, quoted: String = "…") -> String {
  "'\(text)' is wrapped in \(open)\(close), which the shell keeps as part of it: remove them (quote with ASCII quotes, \"\(quoted)\")"
}

/// Refuses a one-line text that ends with an option, or an option and its value (`"门户网站 --until 2026-11-10"`): the
/// quotes closed after the option instead of before it; or that holds an option after a full-width space (U+3000),
/// which an input method types and which joins the two into one argument. An option named inside the text, or at its
/// start, as a reason may name the one given wrongly (`误填 --date，应为 11-25`, `--date 有误`), is the text's own.
func refuseOptionInside(_ text: String) throws {
  guard !text.contains("\n") else { return }
  func isOptionName(_ word: Substring) -> Bool {
    let name = word.dropFirst(2)
    return word.hasPrefix("--") && name.first.map { $0.isASCII && $0.isLowercase } == true
      && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0 == "-") }
  }
  let words = text.split(whereSeparator: \.isWhitespace).dropFirst()
  let joined = words.first { isOptionName($0) && text.contains("\u{3000}\($0)") }
  guard let option = joined ?? words.suffix(2).first(where: isOptionName) else { return }
  // A reason naming the field it corrects in Chinese (`原 --ref 写错`) reads the same without the option's dashes, which
  // alone tell it from an option; a value after the option (a date, an address) is the quotes closed too late.
  let prose = words.last.map { $0 != option && $0.contains { !$0.isASCII } } ?? false
  let fix = if joined != nil {
    "a full-width space (U+3000) before it joins it to the text; type an ASCII space between options"
  } else if prose, let named = text.range(of: option, options: .backwards) {
    "close the quotes before the option; if the text names the option itself, write it without its dashes ('"
      + text.replacingCharacters(in: named, with: option.dropFirst(2)) + "')"
  } else {
    "close the quotes before the option"
  }
  throw ValidationError("'\(text)' holds the option \(option): \(fix)")
}

/// Refuses an option name where an option's value belongs: the value was forgotten.
func refuseOptionName(_ text: String, as value: String) throws {
  if text.hasPrefix("--"), text.count > 2, text.dropFirst(2).allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) {
    throw ValidationError("\(text) looks like an option name, not \(value): give \(value) before the next option")
  }
}

/// An optional text option given empty means "not set", as `amend` reads an empty value as "clear".
func nonEmpty(_ text: String?) -> String? { text?.isEmpty == false ? text : nil }
