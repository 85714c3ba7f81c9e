import GongkaiCore
import Yams

extension ProjectFile {
  /// The project as a project file, in the form `read` accepts: `import` of the result changes nothing.
  public static func render(_ document: ProjectDocument) throws -> String {
    let project = document.project
    var fields: [(String, Node)] = [("code", plain(project.code.rawValue)), ("name", text(project.name))]
    if let value = project.legalPerson { fields.append(("legal-person", text(value))) }
    if let value = project.location { fields.append(("location", text(value))) }
    if let value = project.totalInvestment { fields.append(("total-investment", plain(value))) }
    fields.append(("responsible-unit", text(project.responsibleUnit)))
    var file = header(of: project.code) + "\n"
    guard !document.milestones.isEmpty else {
      fields.append(("milestones", Node([Node]())))
      return file + (try serialize(mapping(fields)))
    }
    // The milestones one at a time, each a one-item list as it reads in the file: the document's tree of nodes whole
    // took Yams about 15 KB a milestone.
    file += try serialize(mapping(fields)) + "milestones:\n"
    for entry in document.milestones {
      file += try serialize(Node([milestone(entry, among: document.milestones)]))
    }
    return file
  }

  /// The comment every written file opens with, the only one gongkai writes.
  private static func header(of code: ProjectCode) -> String { headerStart + code.rawValue + headerEnd }
  private static let headerStart = "# 项目文件 "
  private static let headerEnd = ": written by `gongkai export project`; the form is in Projects/README.md."

  /// The lines of `text`, a project file, that hold a comment gongkai did not write: staff's notes, which the register
  /// does not keep and writing the file anew would lose. A `#` opens a comment at the start of a line or after a space,
  /// outside quotes and block scalars (`|`, `>`), as YAML reads it.
  public static func commentLines(in text: String) -> Int {
    var count = 0
    // The block scalar being read: the column of its key, and of its text once its first line gives it.
    var block: (key: Int, text: Int?)?
    // A quoted value may go on over lines, and a `#` in it is no comment.
    var quote: Character?
    // Split on the scalar: CR LF is one Character, and splitting on "\n" would leave a CRLF file one line.
    for (number, scalars) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var line = Substring(scalars)
      if number == 0 && line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
      if line.hasSuffix("\r") { line = line.dropLast() }
      let indent = line.prefix { $0 == " " }.count
      let content = line.dropFirst(indent)
      if let open = block {
        if content.isEmpty || (open.text.map { indent >= $0 } ?? (indent > open.key)) {
          if open.text == nil && !content.isEmpty { block?.text = indent }
          continue
        }
        block = nil
      }
      let comment = commentStart(in: content, quote: &quote)
      if comment != nil && !(line.hasPrefix(headerStart) && line.hasSuffix(headerEnd)) { count += 1 }
      let value = content[..<(comment ?? content.endIndex)]
      // `- summary: |`: the key stands after the dashes of the list items it opens.
      if quote == nil, opensBlockScalar(value) { block = (indent + value.prefix { $0 == "-" || $0 == " " }.count, nil) }
    }
    return count
  }

  /// Where a comment starts in a line's content: a `#` at its start or after a space or tab, outside single quotes
  /// (`''` within them is a quote) and double quotes (`\"` within them is one). `quote` is the quote open at the
  /// line's start, and left open at its end.
  private static func commentStart(in content: Substring, quote: inout Character?) -> Substring.Index? {
    var previous: Character = " "
    var index = content.startIndex
    while index < content.endIndex {
      let character = content[index]
      var next = content.index(after: index)
      switch quote {
      case nil:
        if character == "#" && (previous == " " || previous == "\t") { return index }
        if (character == "'" || character == "\"") && " \t[{,".contains(previous) { quote = character }
      case "\"":
        if character == "\\" && next < content.endIndex {
          next = content.index(after: next)
        } else if character == "\"" {
          quote = nil
        }
      default:
        if character == "'" && next < content.endIndex && content[next] == "'" {
          next = content.index(after: next)
        } else if character == "'" {
          quote = nil
        }
      }
      previous = character
      index = next
    }
    return nil
  }

  /// Whether a line's content (without its comment) ends in a block scalar's indicator as a value of its own:
  /// `summary: |`, `- >-`, not `summary: 面积 >5`.
  private static func opensBlockScalar(_ content: Substring) -> Bool {
    let tokens = content.split { $0 == " " || $0 == "\t" }
    guard let last = tokens.last, let indicator = last.first, indicator == "|" || indicator == ">", last.count <= 3,
      last.dropFirst().allSatisfy({ "+-123456789".contains($0) })
    else { return false }
    guard let before = tokens.dropLast().last else { return true }
    return before == "-" || before.hasSuffix(":")
  }

  private static func serialize(_ node: Node) throws -> String {
    try readable(Yams.serialize(node: node, indent: 2, width: -1, allowUnicode: true))
  }

  /// `yaml`, with the characters beyond the Basic Multilingual Plane that libyaml escapes (`\U0002000B`) written as
  /// themselves (𠀋): rare characters of place and person names, which staff read in the files and their diffs. Taken
  /// only when it reads back as the same document.
  private static func readable(_ yaml: String) throws -> String {
    guard yaml.contains("\\U") else { return yaml }
    var result = ""
    var rest = Substring(yaml)
    while let backslash = rest.firstIndex(of: "\\") {
      result += rest[..<backslash]
      rest = rest[backslash...]
      let escape = rest.dropFirst()
      if escape.first == "U", let scalar = UInt32(escape.dropFirst().prefix(8), radix: 16).flatMap(Unicode.Scalar.init),
        scalar.value >= 0x10000, escape.dropFirst().prefix(8).count == 8
      {
        result.unicodeScalars.append(scalar)
        rest = escape.dropFirst(9)
      } else {
        result += rest.prefix(2)
        rest = rest.dropFirst(2)
      }
    }
    result += rest
    return try Yams.compose(yaml: result) == Yams.compose(yaml: yaml) ? result : yaml
  }

  private static func milestone(_ entry: MilestoneEntry, among milestones: [MilestoneEntry]) -> Node {
    var fields: [(String, Node)] = [("kind", plain(entry.kind)), ("formed", plain(entry.formedOn.description))]
    if let value = entry.reference { fields.append(("ref", text(value))) }
    if let value = entry.summary { fields.append(("summary", text(value))) }
    if let value = entry.responsibleUnit { fields.append(("unit", text(value))) }
    if let value = entry.changes { fields.append(("changes", text(link(to: value, among: milestones)))) }
    if let value = entry.withdrawnReason { fields.append(("withdrawn", text(value))) }
    if !entry.disclosures.isEmpty {
      fields.append(("disclosures", Node(entry.disclosures.map { disclosure in
        var fields: [(String, Node)] = [
          ("published", plain(disclosure.publishedOn.description)), ("channel", text(disclosure.channel)),
        ]
        if let url = disclosure.url { fields.append(("url", text(url))) }
        if let until = disclosure.until { fields.append(("until", plain(until.description))) }
        return mapping(fields)
      })))
    }
    return mapping(fields)
  }

  /// A `changes:` link as the file reads it back: `KIND@DATE#` names the milestone without a 文号 where another of
  /// that kind and day has one, which `KIND@DATE` alone would leave ambiguous.
  private static func link(to key: MilestoneKey, among milestones: [MilestoneEntry]) -> String {
    let ambiguous = key.reference == nil
      && milestones.contains { $0.kind == key.kind && $0.formedOn == key.formedOn && $0.reference != nil }
    return key.description + (ambiguous ? "#" : "")
  }

  private static func mapping(_ fields: [(String, Node)]) -> Node {
    Node(fields.map { (Node($0.0), $0.1) })
  }

  private static func plain(_ value: String) -> Node { Node(value) }

  /// Free text, quoted whenever YAML would otherwise read it as something else (`null`, `yes`, `12`, `a: b`); a text of
  /// several lines (a summary) as a block (`|`), as staff write one, where YAML can hold it so.
  private static func text(_ value: String) -> Node {
    // Not one that begins or ends with a space or a line break, which a block cannot show without marks staff misread.
    if value.contains("\n"), value.trimmingCharacters(in: .whitespacesAndNewlines) == value { return Node(value, .implicit, .literal) }
    let plainReadsBack = Resolver.default.resolveTag(of: Node(value)) == .str
      && !value.contains(where: { ":#'\"{}[],&*!|>%@`".contains($0) }) && value.trimmingCharacters(in: .whitespaces) == value
      && !value.hasPrefix("-") && !value.hasPrefix("?")
      // A text recorded wrapped in an input method's quotes (from a sheet) is quoted, as reading refuses it plain.
      && RegisterText.wrappingQuotes(of: value) == nil
    return Node(value, .implicit, plainReadsBack ? .any : .doubleQuoted)
  }
}
