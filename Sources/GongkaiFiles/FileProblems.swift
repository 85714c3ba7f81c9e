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

  /// Runs `body`; a problem it throws is collected and `nil` returned.
  mutating func attempt<T>(_ body: () throws(FileProblem) -> T) -> T? {
    do { return try body() } catch {
      problems.append(error)
      return nil
    }
  }
}
