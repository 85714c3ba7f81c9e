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

  public init(changeLogHead: String = "") throws {
    self.changeLogHead = changeLogHead
    MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
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
    library.render(["style": NoticeTemplates.style, "page": notice, "changeLogHead": changeLogHead] as [String: Any],
                   withTemplate: format.template) ?? ""
  }

  func render(_ context: [String: Any], template: String) -> String {
    library.render(context.merging(["style": NoticeTemplates.style, "changeLogHead": changeLogHead]) { old, _ in old },
                   withTemplate: template) ?? ""
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
