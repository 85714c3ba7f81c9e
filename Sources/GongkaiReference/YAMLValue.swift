import Foundation
import GongkaiCore
import Yams

/// A node of a YAML file with its place in the file, read strictly: unknown keys, duplicate keys, anchors
/// and aliases are errors, every error names the file, line and field.
///
/// Reference and project files are reviewed by people; a misspelt key silently ignored would let a wrong
/// deadline through review, so nothing in them is ignored.
public struct YAMLValue {
  public let node: Node
  public let file: String
  /// Dotted path of the value, e.g. `holidays[2].rest`.
  public let path: String
  /// The file's text, where ``string()`` finds a folded scalar's lines again.
  let source: Source

  /// The text a value was parsed from, shared by all its values; split into lines only when a value needs them.
  final class Source {
    let text: String
    private(set) lazy var lines = YAMLValue.lines(of: text)

    init(_ text: String) { self.text = text }

    /// Whether a `#` anywhere follows a space and is followed by text, as a comment glued to a value would be: no file
    /// `export project` writes has one (it quotes such values, and writes `# ` comments), so nothing more is looked
    /// up in those.
    private(set) lazy var mayHaveGluedComment: Bool = {
      var before: UInt8 = 0x0A, hash = false
      for byte in text.utf8 {
        if hash, ![0x20, 0x09, 0x0A, 0x0D, 0x23].contains(byte) { return true }
        hash = byte == 0x23 && (before == 0x20 || before == 0x09)
        before = byte
      }
      return false
    }()

    /// What follows a plain one-line `value` starting at `mark` on its line, when it is a comment whose `#` is
    /// glued to text (`新江湾城 #2地块`, `杨建许 #12`): YAML drops it, and the value loses the rest of what was typed.
    /// The white space before the `#` and the comment, or `nil`.
    func gluedComment(after value: String, at mark: Mark) -> (gap: String, comment: String)? {
      guard lines.indices.contains(mark.line - 1) else { return nil }
      let line = lines[mark.line - 1].unicodeScalars
      guard let start = line.index(line.startIndex, offsetBy: mark.column - 1, limitedBy: line.endIndex),
        line[start...].starts(with: value.unicodeScalars),
        case let rest = line[line.index(start, offsetBy: value.unicodeScalars.count)...],
        case let gap = rest.prefix(while: { $0 == " " || $0 == "\t" }), !gap.isEmpty,
        case let comment = rest.dropFirst(gap.count), comment.first == "#",
        let glued = comment.dropFirst().first, glued != " ", glued != "\t"
      else { return nil }
      return (String(gap), String(comment).trimmingCharacters(in: .whitespaces))
    }

    /// The line (counted from 1) of the first `*` followed by an anchor name after `position` (line and column,
    /// as libyaml marks a node), outside quotes and comments, or `nil`.
    func lineOfAlias(after position: (line: Int, column: Int)) -> Int? {
      guard position.line >= 1 else { return nil }
      for number in position.line...max(position.line, lines.count) where lines.indices.contains(number - 1) {
        let line = Array(lines[number - 1].unicodeScalars)
        let from = number == position.line ? min(position.column + 1, line.count) : 0
        var quote: Unicode.Scalar?
        scan: for index in from..<line.count {
          let scalar = line[index]
          if let open = quote {
            if scalar == open { quote = nil }
            continue
          }
          // A quote opens a scalar only where a token starts (`it's` is plain text); a comment starts after a space.
          let tokenStart = index == 0 || [" ", "\t", "[", "{", ","].contains(line[index - 1])
          if (scalar == "\"" || scalar == "'") && tokenStart { quote = scalar; continue }
          if scalar == "#" && tokenStart { break scan }
          if scalar == "*", index + 1 < line.count {
            let next = line[index + 1]
            if next.properties.isAlphabetic || next.properties.numericType != nil || next == "-" || next == "_" { return number }
          }
        }
      }
      return nil
    }
  }

  /// The largest file read; reference and project files are a few kilobytes.
  public static let maximumFileSize = 4 << 20
  /// The deepest nesting read: our files nest four levels; a file nested thousands deep is an attack on the
  /// parser, which would otherwise recurse until the stack runs out.
  public static let maximumDepth = 64

  /// Parses `text`; throws a ``FileProblem`` naming the line of a syntax error.
  public static func parse(_ text: String, file: String) throws(FileProblem) -> YAMLValue {
    guard text.utf8.count <= maximumFileSize else {
      throw FileProblem(file: file, line: nil, field: nil,
                        message: "file is larger than \(maximumFileSize >> 20) MB; is it the right file?")
    }
    if let line = tooDeep(text) {
      throw FileProblem(file: file, line: line, field: nil, message: "nested more than \(maximumDepth) levels deep; is it the right file?")
    }
    do {
      // Every value is read as text and typed by Gongkai itself, so Yams resolves no implicit tags: its default
      // resolver runs a set of regular expressions on every scalar, most of the cost of reading a file.
      guard let node = try Yams.compose(yaml: text, .basic) else {
        throw FileProblem(file: file, line: nil, field: nil, message: "file is empty; write its content into it, or remove the file")
      }
      let value = YAMLValue(node: node, file: file, path: "", source: Source(text))
      try value.rejectAnchors()
      return value
    } catch let problem as FileProblem {
      throw problem
    } catch let error as YamlError {
      throw Self.problem(from: error, file: file, text: text)
    } catch {
      throw FileProblem(file: file, line: nil, field: nil, message: "cannot be read as YAML")
    }
  }

  /// Reads and parses a file; throws naming the path when it is missing, unreadable or not UTF-8.
  public static func read(_ url: URL, displayName: String? = nil) throws(FileProblem) -> YAMLValue {
    let name = displayName ?? url.path
    // Told by the path before it is opened: opening a named pipe no program writes to waits for one for ever.
    var status = stat()
    guard stat(url.path, &status) == 0 else {
      throw FileProblem.notFound(name, path: url.path)
    }
    switch status.st_mode & mode_t(S_IFMT) {
    case mode_t(S_IFDIR):
      throw FileProblem(file: name, line: nil, field: nil, message: "is a folder, not a YAML file; name a .yaml file in it", kind: .missing)
    case mode_t(S_IFREG):
      break
    default:
      throw FileProblem(file: name, line: nil, field: nil, message: "is a pipe or a device, not a file; save it to a file and name that",
                        kind: .missing)
    }
    guard Int(status.st_size) <= maximumFileSize else {
      throw FileProblem(file: name, line: nil, field: nil, message: "file is larger than \(maximumFileSize >> 20) MB; is it the right file?")
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw FileProblem.notFound(name, path: url.path)
    }
    guard let text = String(data: data, encoding: .utf8) else { throw Self.notUTF8(data, file: name) }
    return try parse(text, file: name)
  }

  /// A file that is not UTF-8, refused at the line of its first bytes that are not: a file UTF-8 with Chinese before
  /// them has a character some program wrote wrong there, to retype; one that is not names what it most likely is.
  private static func notUTF8(_ data: Data, file name: String) -> FileProblem {
    // UTF-16 is not UTF-8 from its first byte: no line to name.
    if isUTF16(data) {
      return FileProblem(file: name, line: nil, field: nil, message: "file is not UTF-8 text\(Self.encoding(of: data)); save it as UTF-8")
    }
    var bytes = data.makeIterator()
    var (offset, line, sawChinese) = (0, 1, false)
    var parser = Unicode.UTF8.ForwardParser()
    decoding: while true {
      switch parser.parseScalar(from: &bytes) {
      case .valid(let scalar):
        if scalar.count == 1, scalar.first == UInt8(ascii: "\n") { line += 1 }
        // A Chinese character, not any character beyond ASCII: many pairs of GBK bytes read as a Latin letter of UTF-8.
        sawChinese = sawChinese || scalar.count == 3 && RegisterText.isHan(Unicode.UTF8.decode(scalar))
        offset += scalar.count
      case .error:
        // The character's bytes: its first, and those after it beyond ASCII, four at most.
        let rest = data.dropFirst(offset)
        let character = rest.prefix(1) + rest.dropFirst().prefix { $0 >= 0x80 }.prefix(3)
        let shown = character.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        guard sawChinese else {
          return FileProblem(file: name, line: line, field: nil, message: """
            file is not UTF-8 text\(Self.encoding(of: data)) (its first such bytes, \(shown), are on this line); save it as UTF-8
            """)
        }
        return FileProblem(file: name, line: line, field: nil, message: """
          bytes that are not UTF-8 (\(shown)) in a file that is UTF-8 before them: retype the text there (a character some \
          program wrote wrong, such as an emoji cut in half), or save the file again as UTF-8
          """)
      case .emptyInput:
        break decoding
      }
    }
    return FileProblem(file: name, line: nil, field: nil, message: "file is not UTF-8 text\(Self.encoding(of: data)); save it as UTF-8")
  }

  /// What a file that is not UTF-8 most likely is, for its refusal: a text editor on a Chinese Windows saves GBK
  /// (“ANSI”) or, asked for “Unicode”, UTF-16.
  private static func encoding(of data: Data) -> String {
    if isUTF16(data) { return " but UTF-16 (“Unicode” in Notepad)" }
    // GB18030, as Foundation names it (kCFStringEncodingGB_18030_2000)
    if String(data: data, encoding: String.Encoding(rawValue: 0x8000_0632)) != nil { return " but most likely GBK (“ANSI” in Notepad)" }
    return ""
  }

  private static func isUTF16(_ data: Data) -> Bool { data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) }

  public var line: Int? { node.mark?.line }

  /// The line where the text nests deeper than ``maximumDepth`` (flow brackets, or block indentation), if any.
  /// Indentation is counted in columns, not levels: one space a level nests as deep as four, and a column is a
  /// level at most; no project or reference file comes near 64 columns.
  static func tooDeep(_ text: String) -> Int? {
    var depth = 0
    var line = 1
    var indent = 0
    var atLineStart = true
    var previous: UInt8 = 0
    for byte in text.utf8 {
      defer { previous = byte }
      switch byte {
      case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        // CR LF is one line break, as libyaml counts it; a CR alone is one too.
        if !(byte == UInt8(ascii: "\n") && previous == UInt8(ascii: "\r")) { line += 1 }
        indent = 0
        atLineStart = true
        continue
      case UInt8(ascii: " ") where atLineStart, UInt8(ascii: "-") where atLineStart:
        indent += 1
        if indent > maximumDepth { return line }
        continue
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        depth += 1
        if depth > maximumDepth { return line }
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        depth = max(0, depth - 1)
      default:
        break
      }
      atLineStart = false
    }
    return nil
  }

  public func problem(_ message: String) -> FileProblem {
    FileProblem(file: file, line: line, field: path.isEmpty ? nil : path, message: message)
  }

  /// The value as a mapping whose keys are all among `keys`; throws at the first unknown key.
  public func mapping(keys: Set<String>) throws(FileProblem) -> YAMLMapping {
    let (mapping, unknown) = try mappingReportingUnknown(keys: keys)
    if let first = unknown.first { throw first }
    return mapping
  }

  /// The value as a mapping of the known `keys`, with a problem for each unknown key, so that a reader that
  /// lists every problem of a file can go on.
  public func mappingReportingUnknown(keys: Set<String>) throws(FileProblem) -> (YAMLMapping, [FileProblem]) {
    guard let mapping = node.mapping else { throw problem("expected a mapping of fields (key: value)") }
    var values: [String: YAMLValue] = [:]
    var unknown: [FileProblem] = []
    for (key, value) in mapping {
      guard let name = key.scalar?.string else { throw problem("keys must be plain names") }
      let child = YAMLValue(node: value, file: file, path: path.isEmpty ? name : "\(path).\(name)", source: source)
      if keys.contains(name) {
        values[name] = child
      } else if let mistake = Self.listEntryDashed(name) {
        // A list entry begun with the dash an input method types, which YAML reads as text.
        unknown.append(YAMLValue(node: key, file: file, path: path, source: source).problem(mistake))
      } else if name.hasPrefix("\u{3000}") {
        // A field indented with full-width spaces, which YAML does not count as indentation: the field is read
        // as one of the mapping the line's ASCII indentation puts it in, whose fields may not include it.
        let typed = name.trimmingCharacters(in: .whitespaces)
        unknown.append(YAMLValue(node: key, file: file, path: path.isEmpty ? typed : "\(path).\(typed)", source: source)
          .problem("indented with a full-width space (U+3000); indent with ASCII spaces"))
      } else {
        unknown.append(YAMLValue(node: key, file: file, path: child.path, source: source)
          .problem("unknown field; expected one of \(keys.sorted().joined(separator: ", "))"))
      }
    }
    return (YAMLMapping(owner: self, values: values), unknown)
  }

  /// The items of a sequence.
  public func sequence() throws(FileProblem) -> [YAMLValue] {
    guard let sequence = node.sequence else { throw problem("expected a list: [a, b], [] for none, or one `- item` a line") }
    return sequence.enumerated().map { YAMLValue(node: $1, file: file, path: "\(path)[\($0)]", source: source) }
  }

  /// Whether the value is a mapping of fields, where a field may be written either as one or as a scalar.
  public var isMapping: Bool { node.mapping != nil }

  /// Whether the value is YAML null (`null`, `~` or empty).
  public var isNull: Bool { node.null != nil }

  /// The text of a scalar, as written; a line break folded between two Chinese characters joins them without
  /// a space (``WideLineFolding``).
  public func string() throws(FileProblem) -> String {
    guard let scalar = node.scalar, !isNull else { throw problem("expected a text value") }
    guard scalar.style == .plain || scalar.style == .folded, let mark = node.mark,
          WideLineFolding.mayHaveFoldBetweenWideCharacters(scalar.string) else { return scalar.string }
    return WideLineFolding.unfold(scalar.string, style: scalar.style, mark: mark, lines: source.lines)
  }

  /// The text of a scalar, or `nil` for null.
  public func optionalString() throws(FileProblem) -> String? { isNull ? nil : try string() }

  /// The text of a scalar that is shown to people as it is (a rule's name and legal basis, a holiday's name, a
  /// schedule's source): refused with what a register's fields refuse, a control character (an escape sequence
  /// reaching the terminal, a NUL that makes the Atom feed unreadable), a bidirectional control, a noncharacter.
  public func shownText() throws(FileProblem) -> String { try shown(string()) }

  /// `text`, read from this value, when it may be shown as it is (see ``shownText()``).
  public func shown(_ text: String) throws(FileProblem) -> String {
    // No length limit: a rule's note may run long, and a file's size is bounded already.
    guard let refusal = RegisterText.problems(path, text, maximum: .max, allowNewlines: true).first else {
      return text
    }
    if case .invalidField(_, _, let fix) = refusal { throw problem(fix) }
    throw problem(refusal.description)
  }

  /// ``shownText()``, or `nil` for null.
  public func optionalShownText() throws(FileProblem) -> String? { isNull ? nil : try shownText() }

  /// The text of a field, or `nil` for null, without the line break a block scalar (`>` or `|`) ends with by
  /// YAML's default: a one-line field cannot hold it, a person who folds a long name over two lines with `name: >`
  /// does not mean it, and a summary written as a block would show it as an empty line on every page.
  ///
  /// Two things typed in a plain value are refused, as the text recorded would not be the one meant: a comment glued to
  /// text after it (`新江湾城 #2地块`), which YAML drops with the rest of the line, and the quotes a Chinese input method
  /// types wrapped round it whole (“…”, 「…」), which YAML keeps. Asked of the fields whose text is recorded, not of
  /// dates or codes, where a comment after the value loses nothing.
  public func optionalText() throws(FileProblem) -> String? {
    guard var text = try optionalString() else { return nil }
    if let style = node.scalar?.style, style == .literal || style == .folded {
      while text.last == "\n" { text.removeLast() }
    }
    guard let scalar = node.scalar, scalar.style == .plain else { return text }
    if source.mayHaveGluedComment, let mark = node.mark, let (gap, comment) = source.gluedComment(after: scalar.string, at: mark) {
      throw problem("""
        '\(comment)' after the value is read as a YAML comment and dropped, leaving '\(scalar.string)': if it belongs to the \
        value, put the whole value in quotes, "\(scalar.string)\(gap)\(comment)"; if it is a comment, write a space after its '#'
        """)
    }
    // A comment typed after a full-width space (`名称　# 注释`) or with a full-width hash (`名称 ＃ 注释`) is no comment to
    // YAML: it would be recorded, and published, as part of the value.
    if let mark = ["\u{3000}#", "\u{3000}＃", " ＃ "].first(where: text.contains) {
      throw problem("""
        '\(mark.trimmingCharacters(in: .whitespaces))' after a \(mark.hasPrefix(" ") ? "space" : "full-width space") is kept as part of the \
        value, not read as a comment: type an ASCII space and '#' before a comment, or remove it
        """)
    }
    if let (open, close) = RegisterText.wrappingQuotes(of: text) {
      throw problem("""
        the value is wrapped in \(open)\(close), which YAML keeps as part of it: remove them (a value that needs quoting takes \
        ASCII quotes, "…")
        """)
    }
    return text
  }

  /// ``optionalText()`` of a field that must hold one.
  public func text() throws(FileProblem) -> String {
    guard let text = try optionalText() else { throw problem("expected a text value") }
    return text
  }


  /// The value when it is a yes or no written plain (`true`, `no`, `是`): what a spreadsheet habit puts in a field
  /// that takes a text. Quoted (`"no"`) it is the text, as `export project` writes such a text.
  public var plainYesOrNo: String? {
    guard let scalar = node.scalar, scalar.style == .plain,
      ["true", "false", "yes", "no", "on", "off", "y", "n", "是", "否"].contains(scalar.string.lowercased())
    else { return nil }
    return scalar.string
  }

  /// A whole number.
  public func integer() throws(FileProblem) -> Int {
    let text = try string()
    guard let number = Int(text) else { throw problem("'\(text)' is not a whole number; write it in the digits 0-9") }
    return number
  }

  /// Refuses aliases. Yams resolves an alias to the node it names, which keeps the position of the anchor;
  /// in document order every node starts after the one before it, so a node that starts earlier is an alias.
  /// Stopping at the first one also keeps an "alias bomb" from expanding.
  private func rejectAnchors() throws(FileProblem) {
    var last = (line: 0, column: 0)
    func visit(_ value: YAMLValue) throws(FileProblem) {
      if let mark = value.node.mark {
        guard (mark.line, mark.column) >= last else {
          // The node is the anchor's, and so is its position: the alias is the first `*name` after the node read
          // before it (Yams keeps no anchor names).
          let alias = source.lineOfAlias(after: last) ?? last.line
          throw FileProblem(file: file, line: alias, field: value.path.isEmpty ? nil : value.path,
                            message: "anchors and aliases (&, *) are not allowed; write the value out")
        }
        last = (mark.line, mark.column)
      }
      switch value.node {
      case .mapping(let mapping):
        for (key, child) in mapping {
          try visit(YAMLValue(node: key, file: file, path: value.path, source: source))
          let name = key.scalar?.string ?? "?"
          try visit(YAMLValue(node: child, file: file, path: value.path.isEmpty ? name : "\(value.path).\(name)", source: source))
        }
      case .sequence(let sequence):
        for (index, item) in sequence.enumerated() {
          try visit(YAMLValue(node: item, file: file, path: "\(value.path)[\(index)]", source: source))
        }
      case .alias:
        throw value.problem("anchors and aliases (&, *) are not allowed; write the value out")
      case .scalar(let scalar):
        // Every value is text gongkai types itself: a tag (`!!binary`) would be dropped without a word.
        guard [Tag.Name.implicit.rawValue, Tag.Name.str.rawValue, Tag.Name.nonSpecific.rawValue].contains(scalar.tag.description) else {
          throw value.problem("the YAML tag \(scalar.tag.description.replacingOccurrences(of: "tag:yaml.org,2002:", with: "!!")) is not read; write the value as plain text")
        }
      }
    }
    try visit(self)
  }

  private static func problem(from error: YamlError, file: String, text: String) -> FileProblem {
    let lines = Self.lines(of: text)
    // libyaml marks end of stream on the line after the last; name a line the file has.
    let lastLine = max(1, lines.count - (lines.last?.isEmpty == true ? 1 : 0))
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      if let context, let unclosed = unclosed(context: context.text, problem: problem) {
        let line = min(context.mark.line, lastLine)
        return FileProblem(file: file, line: line, field: nil,
                           message: "YAML syntax: \(typedMistake(on: line, of: lines) ?? unclosed)")
      }
      if problem == "but found another document" {
        return FileProblem(file: file, line: min(mark.line, lastLine), field: nil, message: """
          YAML syntax: a second document starts here ('---'), and a file holds one: remove this line and what follows, \
          or move them to a file of their own
          """)
      }
      let line = min(mark.line, lastLine)
      if let (line, mistake) = mistake(near: line, of: lines, problem: problem) {
        return FileProblem(file: file, line: line, field: nil, message: "YAML syntax: \(mistake)")
      }
      let indentedWithTab = lines.indices.contains(mark.line - 1)
        && lines[mark.line - 1].prefix(while: { $0 == " " || $0 == "\t" }).contains("\t")
      return FileProblem(file: file, line: line, field: nil,
                         message: "YAML syntax: \(problem)\(fix(for: problem, indentedWithTab: indentedWithTab))")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let first = context.mark
      guard let key = duplicates.first, let again = line(repeating: key, after: first, in: lines) else {
        return FileProblem(file: file, line: first.line, field: duplicates.joined(separator: ", "),
                           message: "key given twice in one mapping; keep one")
      }
      return FileProblem(file: file, line: again, field: key,
                         message: "key given twice in one mapping (first at line \(first.line)); keep one")
    case .reader(let problem, let offset, let value, _):
      // The character libyaml stops at, by the line it is on: a file can hold one raw (NUL, an escape sequence
      // pasted from a terminal), where no field would show it.
      let line = offset.flatMap { Self.line(atCharacterOffset: $0, in: text) }
      if problem == "control characters are not allowed", value >= 0, let scalar = Unicode.Scalar(UInt32(value)) {
        return FileProblem(file: file, line: line, field: nil, message: "\(RegisterText.describe(scalar)) is not allowed in a YAML file; remove it")
      }
      return FileProblem(file: file, line: line, field: nil, message: "cannot be read: \(problem)")
    default:
      return FileProblem(file: file, line: nil, field: nil, message: "cannot be read as YAML")
    }
  }

  /// The line of `text` its Character at `offset` is on, counted as ``lines(of:)`` counts them.
  static func line(atCharacterOffset offset: Int, in text: String) -> Int? {
    text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex).map { lines(of: String(text[..<$0])).count }
  }

  /// The lines of `text` as libyaml counts them, whose marks these are: a line ends at LF, CR LF, CR, NEL, LS or
  /// PS (a file saved on Windows, or by an old Mac editor).
  static func lines(of text: String) -> [Substring] {
    text.split(omittingEmptySubsequences: false) { ["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }
  }

  /// A message for a construct opened and never closed. libyaml notices it only where the text goes on (often the
  /// next line, or past the end of the file), but the line to fix is where it opened, which its context marks.
  private static func unclosed(context: String, problem: String) -> String? {
    switch (context, problem) {
    case ("while scanning a simple key", _):
      "the line has no ':' after its field name; write 'field: value'"
    case ("while scanning a quoted scalar", "found unexpected end of stream"),
      ("while scanning a quoted scalar", "found unexpected document indicator"):
      "the quoted value starting on this line is never closed; add the closing quote"
    case ("while parsing a flow sequence", _) where problem.hasPrefix("did not find expected ','"):
      "the list '[' opened on this line is never closed; add ']'"
    case ("while parsing a flow mapping", _) where problem.hasPrefix("did not find expected ','"):
      "the mapping '{' opened on this line is never closed; add '}'"
    default:
      nil
    }
  }

  /// What a Chinese input method typed in place of YAML's punctuation on `line` (1-based), which libyaml reports
  /// as a missing ':' or a list out of line without saying why: a full-width space (U+3000) in the indentation or
  /// after a list's '-', or a field name followed by a full-width colon.
  private static func typedMistake(on line: Int, of lines: [Substring]) -> String? {
    guard lines.indices.contains(line - 1) else { return nil }
    let text = lines[line - 1]
    let indentation = text.prefix(while: { $0 == " " || $0 == "\u{3000}" })
    if indentation.contains("\u{3000}") {
      return "the line is indented with a full-width space (U+3000); indent with ASCII spaces"
    }
    var content = text.dropFirst(indentation.count)
    if content.hasPrefix("-\u{3000}") {
      return "the '-' of a list entry is followed by a full-width space (U+3000); write an ASCII space after it"
    }
    if let mistake = listEntryDashed(content) { return mistake }
    // `-kind: …`: a list entry's '-' without its space is part of a field's name.
    if content.hasPrefix("-"), content.dropFirst().first?.isLetter == true, content.contains(":") {
      return "the '-' of a list entry needs a space after it: write '- \(content.dropFirst().prefix { $0 != ":" }): …'"
    }
    if content.hasPrefix("- ") { content = content.dropFirst(2).drop(while: { $0 == " " }) }
    let name = content.prefix(while: { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    guard !name.isEmpty else { return nil }
    if content.dropFirst(name.count).hasPrefix(":\u{3000}") {
      return "'\(name):' is followed by a full-width space; type an ASCII space after the ':' ('\(name): value')"
    }
    let after = content.dropFirst(name.count).drop(while: { $0 == " " || $0 == "\u{3000}" })
    guard after.hasPrefix("：") else { return nil }
    return "'\(name)' is followed by a full-width '：'; write an ASCII ':' and a space ('\(name): value')"
  }

  /// What to do about `text`, a line's content or a key, begun with the dash an input method types where a list entry's
  /// '-' was meant (`－ kind`, `－kind`), or `nil`.
  private static func listEntryDashed(_ text: some StringProtocol) -> String? {
    guard let dash = text.first, RegisterText.inputMethodDashes.contains(dash),
      text.dropFirst().first.map({ $0.isWhitespace || $0.isLetter }) == true
    else { return nil }
    return "the list entry starts with a full-width dash '\(dash)'; type an ASCII '-' followed by a space"
  }

  /// The line to edit and what to do, for a syntax error libyaml found on `line` that a typed mistake explains:
  /// one of ``typedMistake(on:of:)`` on that line, or on the line above when libyaml read the line as that
  /// one's value going on ("mapping values are not allowed"), or a field indented further than the one above it.
  private static func mistake(near line: Int, of lines: [Substring], problem: String) -> (line: Int, mistake: String)? {
    if let mistake = typedMistake(on: line, of: lines) { return (line, mistake) }
    guard problem == "mapping values are not allowed in this context", lines.indices.contains(line - 1),
      let above = lines[..<(line - 1)].lastIndex(where: {
        let content = $0.drop(while: { $0 == " " })
        return !content.isEmpty && !content.hasPrefix("#")
      })
    else { return nil }
    if let mistake = typedMistake(on: above + 1, of: lines) { return (above + 1, mistake) }
    let indentation = { (text: Substring) in text.prefix(while: { $0 == " " }).count }
    var fieldColumn = indentation(lines[above])
    if lines[above].dropFirst(fieldColumn).hasPrefix("- ") {
      fieldColumn += 2 + lines[above].dropFirst(fieldColumn + 2).prefix(while: { $0 == " " }).count
    }
    // Only a line that reads as a field (`ref: …`): text going on under a value, holding ': ', is to be quoted.
    let content = lines[line - 1].drop(while: { $0 == " " })
    let name = content.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    guard indentation(lines[line - 1]) > fieldColumn, lines[above].contains(":"), !name.isEmpty,
      content.dropFirst(name.count).hasPrefix(":")
    else { return nil }
    return (line, """
      this line is indented further than the field on line \(above + 1) above it; indent it as that field is \
      (a value that contains ': ' goes in quotes)
      """)
  }

  /// What to do about the syntax errors people make most, which libyaml states without a remedy. A line indented
  /// with a tab (Notepad's Tab key) is refused with whatever libyaml found first, often "cannot start any token".
  private static func fix(for problem: String, indentedWithTab: Bool) -> String {
    if problem.contains("tab character") || indentedWithTab { return "; indent with spaces, never tabs" }
    if problem == "mapping values are not allowed in this context" { return "; put a value that contains ': ' in quotes" }
    if problem == "found character that cannot start any token" { return "; put a value starting with @ or ` in quotes" }
    // A line indented by a space more or less than the lines it belongs with.
    if problem == "did not find expected '-' indicator" {
      return "; indent this line as the lines of its list or entry above it are"
    }
    return ""
  }

  /// The line where `key` is given again in the block mapping whose first `key` is at `first`. Yams marks only
  /// the first of the two, but the one to delete is usually the one added later. The keys of a block mapping
  /// start in one column; a line starting left of it ends the mapping. `nil` when the second is not found so
  /// (a flow mapping, `{a: 1, a: 2}`, is on the line already named).
  private static func line(repeating key: String, after first: Mark, in lines: [Substring]) -> Int? {
    for number in first.line..<max(first.line, lines.count) {
      let text = lines[number].drop(while: { $0 == " " })
      guard !text.isEmpty, !text.hasPrefix("#") else { continue }
      let column = lines[number].count - text.count + 1
      if column < first.column { return nil }
      if column == first.column, text.hasPrefix(key), text.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
        return number + 1
      }
    }
    return nil
  }
}

/// The fields of a YAML mapping, looked up by name.
public struct YAMLMapping {
  let owner: YAMLValue
  let values: [String: YAMLValue]

  /// The field, or `nil` when it is absent.
  public subscript(key: String) -> YAMLValue? { values[key] }

  /// The field; throws naming it when it is absent (at the mapping's line, where it belongs) or empty (at its own
  /// line, the one to fill in).
  public func required(_ key: String) throws(FileProblem) -> YAMLValue {
    guard let value = values[key] else {
      throw FileProblem(file: owner.file, line: owner.line, field: owner.path.isEmpty ? key : "\(owner.path).\(key)",
                        message: "required field is missing; add `\(key): …` here")
    }
    guard !value.isNull else { throw value.problem("required field is empty; give it a value") }
    return value
  }
}
