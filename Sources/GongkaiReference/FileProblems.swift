/// Every problem found in the files read together (an import, the calendar); nothing was used. Printed one per
/// line, `file:line: field: message`, so an editor can jump to each.
public struct FileProblems: Error, Equatable, Sendable, CustomStringConvertible {
  public let problems: [FileProblem]

  public init(_ problems: [FileProblem]) { self.problems = problems }

  public var description: String { problems.map(\.description).joined(separator: "\n") }

  /// Each problem's line, one said of a line above in the same words (a sheet's rows under a code corrected away, each
  /// refused with the same paragraph) only pointing to it: the lines to fix stay listed, without the paragraph again.
  public var condensedDescriptions: [String] {
    var first: [String: Int] = [:]
    return problems.map { problem in
      guard let line = problem.line, problem.message.count > 40 else { return problem.description }
      let key = "\(problem.file)\u{0}\(problem.field ?? "")\u{0}\(problem.message)"
      guard let earlier = first[key] else {
        first[key] = line
        return problem.description
      }
      return FileProblem(file: problem.file, line: line, field: problem.field, message: "as line \(earlier) above", kind: problem.kind)
        .description
    }
  }

  /// How many problems a reference file list shows, as `doctor` shows 20 rows that differ: enough to fix in one
  /// go, few enough to read; a file pasted from the wrong source would otherwise fill the screen.
  public static let shown = 20

  /// The first ``shown`` problems, and when there are more, a last line naming where the hidden ones begin.
  public func capped() -> FileProblems {
    var capped = CappedProblems()
    capped.append(contentsOf: problems)
    return capped.error()
  }
}

/// The problems of a long read as they are found: the first ``FileProblems/shown`` kept in the order found, the
/// rest only counted. A spreadsheet wrong on each of its million rows is then refused in a screenful and in
/// bounded memory; kept whole, its problems took hundreds of megabytes and as many lines of output.
public struct CappedProblems: Sendable {
  private let inLineOrder: Bool
  private var kept: [FileProblem] = []
  private var firstHidden: FileProblem?
  private var hidden = 0
  /// Whether every hidden problem is a file missing, as when files vanish from a folder during an import: the line that
  /// counts them is then one too, so that the exit status says missing input, as it would for the files shown.
  private var hiddenAllMissing = true

  /// Problems of one file are shown `inLineOrder` (those without a line first) whatever order they were found in.
  public init(inLineOrder: Bool = false) { self.inLineOrder = inLineOrder }

  public var isEmpty: Bool { kept.isEmpty }
  /// Every problem found, kept or not.
  public var count: Int { kept.count + hidden }

  public mutating func append(_ problem: FileProblem) {
    if kept.count < FileProblems.shown {
      kept.append(problem)
    } else {
      if firstHidden == nil { firstHidden = problem }
      hidden += 1
      hiddenAllMissing = hiddenAllMissing && problem.kind == .missing
    }
  }

  public mutating func append(contentsOf problems: some Sequence<FileProblem>) {
    for problem in problems { append(problem) }
  }

  /// What to throw: the problems kept, a line naming where the hidden ones begin, and last the problem that
  /// stopped the reading if one did: shown however many came before it, and where the reading stopped, after them.
  public func error(stoppedBy fatal: FileProblem? = nil) -> FileProblems {
    var problems = inLineOrder ? kept.sortedByLine() : kept
    if let firstHidden {
      problems.append(FileProblem(file: firstHidden.file, line: firstHidden.line, field: nil,
        message: "\(hidden) more problems from here on are not shown; fix those above and run again",
        kind: hiddenAllMissing ? .missing : .badData))
    }
    return FileProblems(problems + (fatal.map { [$0] } ?? []))
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
