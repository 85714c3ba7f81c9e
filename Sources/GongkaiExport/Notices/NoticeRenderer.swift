import GongkaiCore
import Mustache

/// The formats of a public notice.
public enum NoticeFormat: String, Sendable, CaseIterable {
  case html
  case md
  case txt

  var template: String { "project-\(rawValue)" }
}

/// Renders notices, the index page and the Atom feed through Mustache templates; never by concatenating strings.
struct NoticeRenderer: Sendable {
  private let library: MustacheLibrary
  /// The register state the notices come from, printed in their footer.
  private let changeLogHead: String
  /// The rules and calendar the verdicts were judged under (``JudgedUnder``), printed in their footer.
  private let judgedUnder: String

  init(changeLogHead: String = "", judgedUnder: String = "") throws {
    self.changeLogHead = changeLogHead
    self.judgedUnder = judgedUnder
    MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    MarkupContentType.register()
    var library = MustacheLibrary()
    for (name, text) in [
      ("timeline", NoticeTemplates.timeline), ("project-html", NoticeTemplates.projectHTML),
      ("project-md", NoticeTemplates.projectMarkdown), ("project-txt", NoticeTemplates.projectText),
      ("index-head", NoticeTemplates.indexHead), ("index-row", NoticeTemplates.indexRow),
      ("index-foot", NoticeTemplates.indexFoot), ("atom", NoticeTemplates.atom),
    ] {
      library.register(try MustacheTemplate(string: text), named: name)
    }
    self.library = library
  }

  func render(_ notice: ProjectNotice, format: NoticeFormat) throws -> String {
    try render(["page": notice], template: format.template)
  }

  /// Throws for a template the library does not hold, a mistake in gongkai that would otherwise write empty pages.
  func render(_ context: [String: Any], template: String) throws -> String {
    let shared: [String: Any] = ["style": NoticeTemplates.style, "changeLogHead": changeLogHead, "judgedUnder": judgedUnder]
    guard let page = library.render(context.merging(shared) { old, _ in old }, withTemplate: template) else {
      throw MissingTemplate(name: template)
    }
    return page
  }
}

/// A notice template gongkai asked for and never registered: a mistake in gongkai, reported as internal (70).
struct MissingTemplate: Error, CustomStringConvertible {
  let name: String
  var description: String { "internal error: the notice template '\(name)' is not registered; please report it" }
}

/// HTML and XML escaping, byte by byte. `<`, `>`, `&`, `"` and `'` are ASCII, and in UTF-8 an ASCII byte is never part
/// of another character, so each is escaped wherever it stands. The library's own escaping looks each Character up in
/// a table instead, and a `<` or `"` that a combining mark follows (`<\u{338}`, `"\u{301}`) is one Character it does
/// not find: written as it was, a summary holding one made the feed's XML unreadable to every reader, and it would end
/// an attribute's value. (Looking Characters up was also a fifth of a notice export's time.) The HTML templates and
/// the feed name it with `{{% CONTENT_TYPE: MARKUP}}`, each partial too, as the library starts each partial in its own;
/// so does the year's report (``StatisticsReport``).
struct MarkupContentType: MustacheContentType {
  static let name = "MARKUP"

  /// Makes `{{% CONTENT_TYPE: MARKUP}}` known to every template parsed after: each HTML page gongkai writes.
  static func register() {
    MustacheContentTypes.register(MarkupContentType(), named: name)
  }

  func escapeText(_ text: String) -> String {
    guard text.utf8.contains(where: { Self.entity(for: $0) != nil }) else { return text }
    var escaped: [UInt8] = []
    escaped.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
      if let entity = Self.entity(for: byte) { escaped.append(contentsOf: entity.utf8) } else { escaped.append(byte) }
    }
    return String(decoding: escaped, as: UTF8.self)
  }

  /// The entities the library writes, so that pages of plain text read as before.
  private static func entity(for byte: UInt8) -> String? {
    switch byte {
    case UInt8(ascii: "<"): "&lt;"
    case UInt8(ascii: ">"): "&gt;"
    case UInt8(ascii: "&"): "&amp;"
    case UInt8(ascii: "\""): "&quot;"
    case UInt8(ascii: "'"): "&#39;"
    default: nil
    }
  }
}

/// Markdown escaping: punctuation that Markdown reads as syntax gets a backslash, and line breaks inside a value
/// become spaces, so a summary cannot add a heading, a link, a table cell or raw HTML to a notice. A value starts
/// a line (a summary's lines follow hard breaks), so a list marker or an ordered list's number there is escaped
/// too, after any leading blanks: either would start a list inside the paragraph. Scalar by scalar, as
/// ``MarkupContentType`` escapes: a `|` that a combining mark follows is one Character, and looked up as one it was
/// not found, and split the table cell it stood in.
struct MarkdownContentType: MustacheContentType {
  func escapeText(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    var leading = true
    var number = false
    var afterReturn = false
    for scalar in text.unicodeScalars {
      defer { afterReturn = scalar == "\r" }
      if scalar == "\n" || scalar == "\r" {
        // A Windows line end, \r\n, is one break: one space.
        if !(scalar == "\n" && afterReturn) { out.append(" ") }
        continue
      }
      if Self.syntax.contains(scalar) || (leading && "-+=".unicodeScalars.contains(scalar)) || (number && ".)".unicodeScalars.contains(scalar)) {
        out.append("\\")
      }
      out.append(scalar)
      number = (leading || number) && ("0"..."9").contains(scalar)
      leading = leading && (scalar == " " || scalar == "\t")
    }
    return String(out)
  }

  /// What Markdown reads as syntax anywhere in a line.
  private static let syntax = Set("\\`*_[]<>|#!~&".unicodeScalars)
}
