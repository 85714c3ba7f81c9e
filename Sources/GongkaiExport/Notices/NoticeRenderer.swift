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
public struct NoticeRenderer: Sendable {
  private let library: MustacheLibrary
  /// The register state the notices come from, printed in their footer.
  private let changeLogHead: String
  /// The rules and calendar the verdicts were judged under (``JudgedUnder``), printed in their footer.
  private let judgedUnder: String

  public init(changeLogHead: String = "", judgedUnder: String = "") throws {
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

  public func render(_ notice: ProjectNotice, format: NoticeFormat) -> String {
    render(["page": notice], template: format.template)
  }

  func render(_ context: [String: Any], template: String) -> String {
    let shared: [String: Any] = ["style": NoticeTemplates.style, "changeLogHead": changeLogHead, "judgedUnder": judgedUnder]
    return library.render(context.merging(shared) { old, _ in old }, withTemplate: template) ?? ""
  }
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
/// too, after any leading blanks: either would start a list inside the paragraph.
struct MarkdownContentType: MustacheContentType {
  func escapeText(_ text: String) -> String {
    var out = ""
    var leading = true
    var number = false
    for character in text {
      if character == "\n" || character == "\r" {
        out.append(" ")
      } else if "\\`*_[]<>|#!~&".contains(character) || (leading && "-+=".contains(character))
        || (number && ".)".contains(character))
      {
        out.append("\\")
        out.append(character)
      } else {
        out.append(character)
      }
      number = (leading || number) && character.isASCII && character.isNumber
      leading = leading && (character == " " || character == "\t")
    }
    return out
  }
}
