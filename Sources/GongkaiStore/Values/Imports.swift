import GongkaiCore

/// What an import did.
public struct ImportReport: Hashable, Sendable {
  public var created = 0
  public var updated = 0
  public var unchanged = 0
  /// Milestones and disclosures added or changed.
  public var milestonesWritten = 0
  public var disclosuresWritten = 0
  /// The milestones in force a file gave as withdrawn (`withdrawn: reason`), the first ``shownNotices`` of them, and
  /// how many: among those written, and said apart, as `withdraw` says, since they leave the public notices with
  /// their publications.
  public private(set) var withdrawnMilestones: [Int64] = []
  public private(set) var withdrawnMilestoneCount = 0
  /// Project files passed over because their project was withdrawn as registered by mistake, each with a notice.
  public var skippedWithdrawn = 0
  /// Project files passed over because their code was corrected to another (`project recode`), each with a notice.
  public var skippedRecoded = 0

  /// The ids of the milestones the import added, first to last: one transaction holds the write lock, so they follow
  /// one another. What a clerk needs to disclose or amend them next, without looking each one up.
  public private(set) var addedMilestones: ClosedRange<Int64>?
  /// The change log's last row before the import: what the import wrote is logged after it.
  public internal(set) var loggedAfter: Int64 = 0

  public init() {}

  public var changedAnything: Bool { created + updated + milestonesWritten + disclosuresWritten > 0 }

  mutating func recordWithdrawn(milestone id: Int64) {
    withdrawnMilestoneCount += 1
    if withdrawnMilestones.count < Self.shownNotices { withdrawnMilestones.append(id) }
  }

  mutating func recordAdded(milestone id: Int64) {
    addedMilestones = addedMilestones.map { min($0.lowerBound, id)...max($0.upperBound, id) } ?? id...id
  }

  /// The ids of the publications the import added, first to last, as ``addedMilestones``: a sheet's row that repeats
  /// one a row above added to a milestone recorded before is told by them.
  private(set) var addedDisclosures: ClosedRange<Int64>?

  mutating func recordAdded(disclosure id: Int64) {
    addedDisclosures = addedDisclosures.map { min($0.lowerBound, id)...max($0.upperBound, id) } ?? id...id
  }

  /// What the import did that may not be what was meant, the first ``shownNotices`` of them: each would
  /// otherwise pass in silence, and a million of them kept would be memory.
  public private(set) var notices: [ImportNotice] = []
  /// How many notices there were, shown or not.
  public private(set) var noticeCount = 0
  public static let shownNotices = 20

  /// The line of the milestone a project file's import is at, which each notice about it names (``ImportNotice/line``).
  var entryLine: Int?
  /// The lines of the project fields of the file being imported, which a notice about one of them names.
  var projectFieldLines: [String: Int] = [:]

  /// Makes the notices that follow name the line in the file of the entry at `index`, where the file gave one (`lines`).
  mutating func point(atEntry index: Int, of lines: [Int]) {
    entryLine = lines.indices.contains(index) && lines[index] > 0 ? lines[index] : nil
  }

  mutating func notice(at position: Int, field: String, _ message: String) {
    noticeCount += 1
    if notices.count < Self.shownNotices {
      notices.append(ImportNotice(position: position, line: entryLine ?? projectFieldLines[field], field: field, message: message))
    }
  }
}

/// Something an import did, or left undone, that the user may not have meant.
public struct ImportNotice: Hashable, Sendable {
  /// The item's line in a spreadsheet; the document's position among project files.
  public let position: Int
  /// In a project file, the line of the milestone the notice is about, or of the project field; nil for a row.
  public let line: Int?
  public let field: String
  public let message: String
}

/// Told how far a long write has come, so a terminal can show it.
public protocol ProgressReporter: Sendable {
  func advance(to done: Int, of total: Int)
}

/// An ``ImportSource`` over items in memory: for tests, small imports and callers that have checked
/// their input already. What the store rejects comes out as ``StoreError/importRejected(_:)``.
public struct ImportItems<Element>: ImportSource {
  private var items: IndexingIterator<[Element]>
  private var problems: [StoreError.LineProblem] = []
  public let expectedCount: Int?

  public init(_ items: [Element]) {
    self.items = items.makeIterator()
    expectedCount = items.count
  }

  public mutating func next() throws(StoreError) -> Element? {
    if let item = items.next() { return item }
    guard problems.isEmpty else { throw .importRejected(problems.sorted { $0.line < $1.line }) }
    return nil
  }

  public mutating func reject(line: Int, field: String, message: String) {
    problems.append(StoreError.LineProblem(line: line, field: field, message: message))
  }
}
