/// Every problem found in the files read together (an import, the calendar); nothing was used. Printed one per
/// line, `file:line: field: message`, so an editor can jump to each.
public struct FileProblems: Error, Equatable, Sendable, CustomStringConvertible {
  public let problems: [FileProblem]

  public init(_ problems: [FileProblem]) { self.problems = problems }

  public var description: String { problems.map(\.description).joined(separator: "\n") }

  /// How many problems a reference file list shows, as `doctor` shows 20 rows that differ: enough to fix in one
  /// go, few enough to read; a file pasted from the wrong source would otherwise fill the screen.
  public static let shown = 20

  /// The first ``shown`` problems, and when there are more, a last line naming where the hidden ones begin.
  public func capped() -> FileProblems {
    guard problems.count > Self.shown else { return self }
    let hidden = problems[Self.shown]
    return FileProblems(problems.prefix(Self.shown) + [FileProblem(
      file: hidden.file, line: hidden.line, field: nil,
      message: "\(problems.count - Self.shown) more problems from here on are not shown; fix those above and run again")])
  }
}

/// Collects problems while reading, so a file reports all of them at once.
package struct ProblemCollector {
  package private(set) var problems: [FileProblem] = []

  package init() {}

  package mutating func add(_ problem: FileProblem) { problems.append(problem) }

  /// The mapping of known keys, collecting a problem for each unknown key.
  package mutating func mapping(_ value: YAMLValue, keys: Set<String>) -> YAMLMapping? {
    guard let (mapping, unknown) = attempt({ () throws(FileProblem) in try value.mappingReportingUnknown(keys: keys) }) else {
      return nil
    }
    problems += unknown
    return mapping
  }

  /// Runs `body`; a problem it throws is collected and `nil` returned.
  package mutating func attempt<T>(_ body: () throws(FileProblem) -> T) -> T? {
    do { return try body() } catch {
      problems.append(error)
      return nil
    }
  }
}

extension [FileProblem] {
  /// In file order, as an editor walks them; problems without a line first.
  package func sortedByLine() -> [FileProblem] {
    enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
  }
}
