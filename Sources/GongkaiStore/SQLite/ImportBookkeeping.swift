import GRDB
import GongkaiCore

extension MilestoneEntry {
  /// The 文号 under which another milestone of the kind, formed on another day, is most likely this one with its date
  /// corrected; none for an entry that arrives withdrawn (it records what was taken back) or that changes another
  /// milestone (a change keeps the 文号 of what it changes, by design).
  var namesakeReference: String? { withdrawnReason == nil && changes == nil ? reference : nil }
}

/// The projects an import has read so far, each with the position of its document: two documents of one
/// project would leave the register with whichever came last.
struct ImportedProjects {
  /// Four bytes a project of the register.
  private var positions: IDTable

  init(_ db: Database) throws {
    let count = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM project") ?? 0
    positions = IDTable(bitsPerID: 32, denseThrough: count, grows: true)
  }

  /// The position of the document that had the project, if one did.
  func position(ofProject id: Int64) -> Int? {
    let position = positions[id]
    return position == 0 ? nil : Int(position)
  }

  mutating func record(project id: Int64, position: Int) {
    positions[id] = UInt64(UInt32(truncatingIfNeeded: position))
  }
}

/// A value of the row or project file being merged that the register refuses, told with the import's other problems at
/// its line: a spreadsheet row that gives a milestone a summary or unit, or a publication an end or address, other than
/// an earlier row gave it (which is right only the clerk knows); a 文号 typed otherwise than the same document's; a
/// channel spelt with other spaces than the same day's publication; a publication dated before its milestone was
/// amended to. `field` is the column of a row, or the path in a project file from where it was thrown
/// (``refusals(within:_:)`` makes it whole: `milestones[2].disclosures[0].published`); the line told is its entry's.
struct RefusedField: Error {
  let field: String
  let message: String
}

/// Runs `body`, naming what the register refuses inside it by its path within a project file's `entry` (`milestones[2]`,
/// `disclosures[0]`), from which the file's line is found; a spreadsheet row's refusal (`entry` nil) keeps its column.
func refusals<T>(within entry: String?, _ body: () throws -> T) throws -> T {
  guard let entry else { return try body() }
  do {
    return try body()
  } catch let refused as RefusedField {
    throw RefusedField(field: "\(entry).\(refused.field)", message: refused.message)
  } catch StoreError.invalid(let problem) {
    throw RefusedField(field: "\(entry).\(problem.field)", message: problem.description)
  }
}

/// A publication's values a spreadsheet row may give, each a bit of what ``RegisterWrite/disclosuresStated`` keeps.
enum StatedField: CaseIterable {
  case until, url

  var bit: UInt64 { self == .until ? 1 : 2 }
  /// The bit that says a row gave the publication at all, a value or none: two rows of one sheet on one channel are a
  /// notice put up again, not a date corrected.
  static let givenByARow: UInt64 = 4
  /// As problems name the column (`until`, `url`).
  var name: String { self == .until ? "until" : "url" }
  var described: String { self == .until ? "end" : "address" }
  var value: KeyPath<DisclosureRecord, String?> { self == .until ? \.until : \.url }
}

extension RegisterWrite {
  /// Records that a spreadsheet row gave the publication `id` the values `record` holds, those of them the register
  /// now holds (`kept`); nothing in another write.
  func noteStated(_ record: DisclosureRecord, id: Int64, kept: DisclosureRecord? = nil) {
    let bits = StatedField.allCases.reduce(UInt64(0)) { bits, field in
      let given = record[keyPath: field.value]
      return given == nil || given != (kept ?? record)[keyPath: field.value] ? bits : bits | field.bit
    }
    guard let stated = disclosuresStated?[id] else { return }
    disclosuresStated?[id] = stated | bits | StatedField.givenByARow
  }
}

/// What the store refused during a bulk import. The source lists the problems, told through
/// ``ImportSource/reject(line:field:message:)``; the store keeps the first few only to refuse the import even from a
/// source that does not throw them, so that a file wrong on every row costs no memory here.
struct Rejections {
  private(set) var first: [StoreError.LineProblem] = []
  /// How many were told, shown or not.
  private(set) var count = 0
  var isEmpty: Bool { count == 0 }
  /// The position of the first item asked about after the first problem, the source's or the store's.
  private var firstPosition: Int?
  /// How many sheet rows, and how many project files (about ten milestones each), after the first problem are still
  /// merged, to find the conflicts only merging finds: a bound on what a refused import writes before it rolls back
  /// (about 10 MB of journal).
  static let rowsMergedAfterRefusal = 10_000
  static let filesMergedAfterRefusal = 1_000
  /// Whether the items are no longer merged: said once, as a problem.
  private(set) var stoppedMerging = false

  /// Whether the item at `position` is to be merged: always before a problem (`sourceRefused`: the source found one);
  /// after one, within `limit` items of the first.
  mutating func allowsMerging(at position: Int, within limit: Int, sourceRefused: Bool) -> Bool {
    guard !isEmpty || sourceRefused else { return true }
    let first = firstPosition ?? position
    firstPosition = first
    return position - first < limit
  }

  /// Tells `source`, once, that the `items` (rows, files) from `line` on are read but not compared with the register:
  /// the problems only merging finds among them are not in the count.
  mutating func stopMerging<Element>(at line: Int, field: String, items: String, from source: inout some ImportSource<Element>) {
    guard !stoppedMerging else { return }
    stoppedMerging = true
    reject(.init(line: line, field: field, message: """
      the import is refused, so from here on its \(items) are only read, not compared with the register: a 文号 or a channel \
      written otherwise than it holds them is not found among them; import again once the problems above are corrected
      """), from: &source)
  }
  /// Whether as many are kept as are shown: a refusal costly to word (one that looks something up) need not be.
  var isFull: Bool { first.count >= ImportReport.shownNotices }

  mutating func append(_ problem: StoreError.LineProblem) {
    count += 1
    if first.count < ImportReport.shownNotices { first.append(problem) }
  }

  /// Tells `source` of the problem, which lists it, and keeps it.
  mutating func reject<Element>(_ problem: StoreError.LineProblem, from source: inout some ImportSource<Element>) {
    source.reject(line: problem.line, field: problem.field, message: problem.message)
    append(problem)
  }
}

/// The rows of a project's run of a sheet that were refused, by key: a later row's link (所变更信息) that names nothing
/// may name one of them, which was not written, and is then not refused for it. As many as may be merged after a
/// refusal (``Rejections/rowsMergedAfterRefusal``): past them, merging has stopped and no such link is judged.
struct RefusedRows {
  private var keys: [MilestoneKey] = []

  mutating func note(_ key: MilestoneKey) {
    if keys.count < Rejections.rowsMergedAfterRefusal { keys.append(key) }
  }

  func areNamed(by link: MilestoneKey) -> Bool { keys.contains { link.names($0) } }

  mutating func removeAll() { keys.removeAll(keepingCapacity: true) }
}
