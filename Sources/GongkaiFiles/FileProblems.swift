import GongkaiReference

/// Every problem found in the files of one import; nothing was written. Printed one per line,
/// `file:line: field: message`, so an editor can jump to each.
public struct FileProblems: Error, Equatable, Sendable, CustomStringConvertible {
  public let problems: [FileProblem]

  public init(_ problems: [FileProblem]) { self.problems = problems }

  public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Collects problems while reading, so a file reports all of them at once.
struct ProblemCollector {
  private(set) var problems: [FileProblem] = []

  mutating func add(_ problem: FileProblem) { problems.append(problem) }

  /// The mapping of known keys, collecting a problem for each unknown key.
  mutating func mapping(_ value: YAMLValue, keys: Set<String>) -> YAMLMapping? {
    guard let (mapping, unknown) = attempt({ () throws(FileProblem) in try value.mappingReportingUnknown(keys: keys) }) else {
      return nil
    }
    problems += unknown
    return mapping
  }

  /// Runs `body`; a problem it throws is collected and `nil` returned.
  mutating func attempt<T>(_ body: () throws(FileProblem) -> T) -> T? {
    do { return try body() } catch {
      problems.append(error)
      return nil
    }
  }
}

extension [FileProblem] {
  /// In file order, as an editor walks them; problems without a line first.
  func sortedByLine() -> [FileProblem] {
    enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
  }
}
