import Foundation
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
        throw FileProblem(file: file, line: nil, field: nil, message: "file is empty")
      }
      let value = YAMLValue(node: node, file: file, path: "")
      try value.rejectAnchors()
      return value
    } catch let problem as FileProblem {
      throw problem
    } catch let error as YamlError {
      throw Self.problem(from: error, file: file)
    } catch {
      throw FileProblem(file: file, line: nil, field: nil, message: "cannot be read as YAML")
    }
  }

  /// Reads and parses a file; throws naming the path when it is missing, unreadable or not UTF-8.
  public static func read(_ url: URL, displayName: String? = nil) throws(FileProblem) -> YAMLValue {
    let name = displayName ?? url.path
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int ?? 0
    guard size <= maximumFileSize else {
      throw FileProblem(file: name, line: nil, field: nil, message: "file is larger than \(maximumFileSize >> 20) MB; is it the right file?")
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw FileProblem(file: name, line: nil, field: nil, message: "file not found or not readable", kind: .missing)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw FileProblem(file: name, line: nil, field: nil, message: "file is not UTF-8 text; save it as UTF-8")
    }
    return try parse(text, file: name)
  }

  public var line: Int? { node.mark?.line }

  /// The line where the text nests deeper than ``maximumDepth`` (flow brackets, or block indentation), if any.
  static func tooDeep(_ text: String) -> Int? {
    var depth = 0
    var line = 1
    var indent = 0
    var atLineStart = true
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "\n"):
        line += 1
        indent = 0
        atLineStart = true
        continue
      case UInt8(ascii: " ") where atLineStart, UInt8(ascii: "-") where atLineStart:
        indent += 1
        if indent > maximumDepth * 4 { return line }
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
      let child = YAMLValue(node: value, file: file, path: path.isEmpty ? name : "\(path).\(name)")
      if keys.contains(name) {
        values[name] = child
      } else {
        unknown.append(YAMLValue(node: key, file: file, path: child.path)
          .problem("unknown field; expected one of \(keys.sorted().joined(separator: ", "))"))
      }
    }
    return (YAMLMapping(owner: self, values: values), unknown)
  }

  /// The items of a sequence.
  public func sequence() throws(FileProblem) -> [YAMLValue] {
    guard let sequence = node.sequence else { throw problem("expected a list") }
    return sequence.enumerated().map { YAMLValue(node: $1, file: file, path: "\(path)[\($0)]") }
  }

  /// Whether the value is YAML null (`null`, `~` or empty).
  public var isNull: Bool { node.null != nil }

  /// The text of a scalar, as written.
  public func string() throws(FileProblem) -> String {
    guard let scalar = node.scalar, !isNull else { throw problem("expected a text value") }
    return scalar.string
  }

  /// The text of a scalar, or `nil` for null.
  public func optionalString() throws(FileProblem) -> String? { isNull ? nil : try string() }

  /// A whole number.
  public func integer() throws(FileProblem) -> Int {
    let text = try string()
    guard let number = Int(text) else { throw problem("'\(text)' is not a whole number") }
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
          throw value.problem("anchors and aliases (&, *) are not allowed; write the value out")
        }
        last = (mark.line, mark.column)
      }
      switch value.node {
      case .mapping(let mapping):
        for (key, child) in mapping {
          try visit(YAMLValue(node: key, file: file, path: value.path))
          let name = key.scalar?.string ?? "?"
          try visit(YAMLValue(node: child, file: file, path: value.path.isEmpty ? name : "\(value.path).\(name)"))
        }
      case .sequence(let sequence):
        for (index, item) in sequence.enumerated() {
          try visit(YAMLValue(node: item, file: file, path: "\(value.path)[\(index)]"))
        }
      case .alias:
        throw value.problem("anchors and aliases (&, *) are not allowed; write the value out")
      case .scalar:
        break
      }
    }
    try visit(self)
  }

  private static func problem(from error: YamlError, file: String) -> FileProblem {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return FileProblem(file: file, line: mark.line, field: nil, message: "YAML syntax: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return FileProblem(file: file, line: context.mark.line, field: duplicates.joined(separator: ", "),
                         message: "key given twice in one mapping; keep one")
    case .reader(let problem, _, _, _):
      return FileProblem(file: file, line: nil, field: nil, message: "cannot be read: \(problem)")
    default:
      return FileProblem(file: file, line: nil, field: nil, message: "cannot be read as YAML")
    }
  }
}

/// The fields of a YAML mapping, looked up by name.
public struct YAMLMapping {
  let owner: YAMLValue
  let values: [String: YAMLValue]

  /// The field, or `nil` when it is absent.
  public subscript(key: String) -> YAMLValue? { values[key] }

  /// The field; throws naming it when it is absent or null.
  public func required(_ key: String) throws(FileProblem) -> YAMLValue {
    guard let value = values[key], !value.isNull else {
      throw FileProblem(file: owner.file, line: owner.line, field: owner.path.isEmpty ? key : "\(owner.path).\(key)",
                        message: "required field is missing")
    }
    return value
  }
}
