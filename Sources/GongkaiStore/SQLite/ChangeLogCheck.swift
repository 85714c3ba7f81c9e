import Foundation
import GRDB

extension SQLiteStore {
  public func checkAgainstChangeLog(publishedHead: String? = nil, divergenceLimit: Int = 10) throws -> ChangeLogCheck {
    try read { db in try ChangeLogCheck(db, path: path, publishedHead: publishedHead, divergenceLimit: divergenceLimit) }
  }
}

/// What the change log says of the register: whether its hash chain holds (the log was not edited), and which rows
/// of the register do not hold what their last change-log row records (the tables were edited beside an intact
/// log: a publication back-dated with the sqlite3 shell leaves the chain intact).
public struct ChangeLogCheck: Sendable {
  public let chain: ChainVerification
  /// The first row recorded on a day before one an earlier row was recorded on, and how many rows were: the clock
  /// that dates each change went back (a machine reset, or records dated by hand), which the chain alone does not
  /// show, and which can make a publication recorded late look recorded on time. `nil` when the days never go back.
  public let clockWentBack: ClockWentBack?
  private let comparison: Result<[LogDivergence], any Error>

  /// The first rows, up to the limit asked for, that differ from the log: disclosures, then milestones, then
  /// projects, then the register's own row (the order of their names), each by id. Throws what kept the tables
  /// from being compared (a column dropped outside gongkai), which leaves the chain's verdict as it is.
  public func divergences() throws -> [LogDivergence] { try comparison.get() }
}

extension ChangeLogCheck {
  /// One read of the log, oldest row first, as its ids and the file's pages run: each row extends the chain, and
  /// the row of the register it changed is looked up by id and compared with it. A row's last change is met last,
  /// so what a row's comparison leaves (two bits a row) is its comparison with its last change. Read row by row in
  /// this order, the register's tables come in the order they were written too.
  ///
  /// The check read the log once for the chain, then each row's last change again, looked up by id a table at a time
  /// (for SQLite alone, 19 s at a million projects against 5 s for the read in order). Read newest first, where a
  /// row's first change met is its last, the log defeated the operating system's read-ahead: three times slower
  /// from disk.
  init(_ db: Database, path: String, publishedHead: String?, divergenceLimit: Int) throws {
    let log = try PreparedStatement(db, sql: """
      SELECT id, at, actor, action, entity, entityId, projectCode, before, after, hash FROM changeLog ORDER BY id
      """)
    var chain = ChainWalk(publishedHead: publishedHead)
    var tables = TableComparison(db, path: path)
    var clock = ClockWalk()
    try log.forEach { row in
      chain.meet(row)
      tables.compare(row)
      clock.meet(row)
      return true
    }
    let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'changeLog'") ?? 0
    self.init(chain: chain.verification(loggedThrough: sequence), clockWentBack: clock.wentBack,
              comparison: tables.divergences(limit: divergenceLimit))
  }
}

/// A change-log row recorded on an earlier day than a row before it (``ChangeLogCheck/clockWentBack``).
public struct ClockWentBack: Sendable, Hashable {
  /// The first such row, when it was recorded, and the latest instant recorded before it.
  public let row: Int64
  public let at: String
  public let after: String
  /// How many rows were recorded on a day before one recorded earlier.
  public let rows: Int
}

/// The days the log's rows were recorded on, in the order of the rows: only the day is compared, as two writers'
/// instants of one day may commit in either order. gongkai writes every instant in China Standard Time, so the day is
/// the first ten bytes, read in place over the log's millions of rows (``CivilDate/init(recordedAt:)`` reads any offset).
private struct ClockWalk {
  private var latest: [UInt8] = []
  private(set) var wentBack: ClockWentBack?

  mutating func meet(_ row: PreparedStatement.ResultRow) {
    guard let at = row.bytes(at: 1) else { return }
    let day = at.prefix(10)
    if day.lexicographicallyPrecedes(latest.prefix(10)) {
      wentBack = ClockWentBack(row: wentBack?.row ?? row.int64(at: 0), at: wentBack?.at ?? String(decoding: at, as: UTF8.self),
                               after: wentBack?.after ?? String(decoding: latest, as: UTF8.self), rows: (wentBack?.rows ?? 0) + 1)
    } else if latest.isEmpty || latest.lexicographicallyPrecedes(at) {
      latest.replaceSubrange(latest.indices, with: at)
    }
  }
}

/// The register's tables against the log. What stops the comparison (a table or a column dropped outside gongkai,
/// a required value gone) is kept for ``ChangeLogCheck/divergences()`` to throw, while the log is still read for the
/// chain.
private struct TableComparison {
  private let path: String
  private var tables: [any LoggedTableCheck] = []
  private var failure: (any Error)?

  init(_ db: Database, path: String) {
    self.path = path
    do {
      tables = try SQLiteStore.translating(path) {
        // The ids kept densely are bounded by the rows the file can hold (none is smaller than its 64-byte hash);
        // ids beyond, which only an edit outside gongkai makes, go to a dictionary.
        let idBound = try Int64.fetchOne(db, sql: "SELECT page_count * page_size / 64 FROM pragma_page_count, pragma_page_size") ?? 0
        return [
          try LoggedTable<DisclosureRecord>(db, idBound: idBound), try LoggedTable<MilestoneRecord>(db, idBound: idBound),
          try LoggedTable<ProjectRecord>(db, idBound: idBound), try LoggedTable<RegisterRecord>(db, idBound: idBound),
        ]
      }
    } catch {
      failure = error
    }
  }

  /// Compares the row of the register that a log row changed with what the log row records.
  mutating func compare(_ row: PreparedStatement.ResultRow) {
    guard failure == nil, let entity = row.bytes(at: 4), let table = tables.first(where: { $0.isNamed(entity) }) else { return }
    attempt { try table.compare(row: row.int64(at: 5), with: row.bytes(at: 8)) }
  }

  /// Once the whole log was read: the first `limit` rows that differ, or what stopped the comparison.
  mutating func divergences(limit: Int) -> Result<[LogDivergence], any Error> {
    var found = FirstDivergences(limit: limit)
    for (position, table) in tables.enumerated() {
      attempt { try table.forEachDivergence { found.insert($0, table: position) } }
    }
    // The columns of the rows shown only: two lookups a row, where a register rewritten wholesale has millions.
    var shown: [LogDivergence] = []
    for (position, divergence) in found.kept {
      let table = tables[position]
      attempt { shown.append(divergence.kind == .altered ? try table.detailed(divergence) : divergence) }
    }
    return failure.map { .failure($0) } ?? .success(shown)
  }

  private mutating func attempt(_ body: () throws -> Void) {
    guard failure == nil else { return }
    do { try SQLiteStore.translating(path, body) } catch { failure = error }
  }
}

/// The hash chain, recomputed from the first row; it stops at the first row that does not follow, and notes the
/// row whose hash is the published head, if any, among those before.
///
/// The rows are hashed from SQLite's own copy of their text, through its C API: making strings of ten columns of
/// every row (and looking each column up by name) cost more than the hashing.
private struct ChainWalk {
  private let published: [UInt8]?
  private var hasher = ChainHasher()
  private var previous: [UInt8] = []
  private var expectedID: Int64 = 1
  private var rows = 0
  private var publishedHeadRow: Int64?
  private var broken: ChainVerification.Break?

  init(publishedHead: String?) {
    published = publishedHead.map { Array($0.utf8) }
  }

  mutating func meet(_ row: PreparedStatement.ResultRow) {
    guard broken == nil else { return }
    let id = row.int64(at: 0)
    guard id == expectedID else {
      // Wrapping: a log edited outside gongkai may hold any id.
      broken = .missing(from: expectedID, to: id &- 1, before: id)
      return
    }
    let expected = hasher.hash(
      previous: previous, id: id, at: row.bytes(at: 1), actor: row.bytes(at: 2), action: row.bytes(at: 3),
      entity: row.bytes(at: 4), entityId: row.int64(at: 5), projectCode: row.bytes(at: 6), before: row.bytes(at: 7),
      after: row.bytes(at: 8))
    guard let stored = row.bytes(at: 9), expected.isWritten(as: stored) else {
      broken = .altered(id)
      return
    }
    previous.replaceSubrange(previous.indices, with: stored)
    if previous == published { publishedHeadRow = id }
    expectedID &+= 1
    rows += 1
  }

  /// `sequence` is the last id SQLite handed out to the log: rows deleted from the end leave it behind.
  func verification(loggedThrough sequence: Int64) -> ChainVerification {
    let head = String(decoding: previous, as: UTF8.self)
    if broken == nil, sequence >= expectedID {
      return ChainVerification(rows: rows, head: head, broken: .missing(from: expectedID, to: sequence, before: nil),
                               publishedHeadRow: publishedHeadRow)
    }
    return ChainVerification(rows: rows, head: head, broken: broken, publishedHeadRow: publishedHeadRow)
  }
}

/// A table of the register against the log, whatever its record type.
private protocol LoggedTableCheck {
  func isNamed(_ entity: UnsafeBufferPointer<UInt8>) -> Bool
  /// Compares the row `id` with a change of it, `logged` being the values the change records.
  func compare(row id: Int64, with logged: UnsafeBufferPointer<UInt8>?) throws
  /// Hands `body` the rows whose last change they do not hold, and those no change met.
  func forEachDivergence(_ body: (LogDivergence) -> Void) throws
  /// An altered row's divergence with the columns that differ.
  func detailed(_ divergence: LogDivergence) throws -> LogDivergence
}

private final class LoggedTable<Record: LoggedRecord & PositionallyDecoded>: LoggedTableCheck {
  private let name = Array(Record.entity.utf8)
  private let db: Database
  private let lookup: PreparedStatement
  private let positions: ColumnPositions
  private var states: IDTable

  /// Keeps the rows' states densely up to the largest id in the table or its log, at most `idBound`.
  init(_ db: Database, idBound: Int64) throws {
    self.db = db
    let table = Record.databaseTableName
    lookup = try PreparedStatement(db, sql: "SELECT * FROM \(table) WHERE id = ?")
    positions = try ColumnPositions(Record.columns, of: table, among: lookup.columnNames)
    let largest = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \(table)") ?? 0
    let largestLogged = try Int64.fetchOne(db, sql: "SELECT MAX(entityId) FROM changeLog WHERE entity = ?",
                                           arguments: [Record.entity]) ?? 0
    states = IDTable(bitsPerID: 2, denseThrough: min(max(largest, largestLogged), idBound))
  }

  func isNamed(_ entity: UnsafeBufferPointer<UInt8>) -> Bool { entity.elementsEqual(name) }

  func compare(row id: Int64, with logged: UnsafeBufferPointer<UInt8>?) throws {
    lookup.bind(id)
    let state = try lookup.first { try Record(positions.reading($0)).isRecorded(as: logged) ? RowState.asLogged : .altered }
    states[id] = (state ?? .deleted).rawValue
  }

  func detailed(_ divergence: LogDivergence) throws -> LogDivergence {
    lookup.bind(divergence.id)
    guard let record = try lookup.first({ try Record(positions.reading($0)) }),
      let logged = try String.fetchOne(db, sql: """
        SELECT after FROM changeLog WHERE entity = ? AND entityId = ? ORDER BY id DESC LIMIT 1
        """, arguments: [Record.entity, divergence.id])
    else { return divergence }
    // The columns as they are, not as the record reads them: a text where a number belongs reads as 0.
    let row = try Row.fetchOne(db, sql: "SELECT * FROM \(Record.databaseTableName) WHERE id = ?", arguments: [divergence.id])
    let fields = record.differences(fromLogged: logged)?.map { difference in
      guard let row, row.hasColumn(difference.field) else { return difference }
      return LogDivergence.FieldDifference(field: difference.field, stored: Self.fragment(row[difference.field]), logged: difference.logged)
    }
    return LogDivergence(entity: divergence.entity, id: divergence.id, kind: divergence.kind, fields: fields ?? [])
  }

  /// A column's value as the change log's JSON would write it; a blob, which it never holds, as SQL writes one.
  private static func fragment(_ value: DatabaseValue) -> String? {
    switch value.storage {
    case .null: nil
    case .int64(let number): String(number)
    case .double(let number): jsonFragment(number)
    case .string(let text): jsonFragment(text)
    case .blob(let bytes): "x'" + bytes.map { String(format: "%02x", $0) }.joined() + "'"
    }
  }

  /// The rows no change met come from the ids of the table's smallest index, which SQLite reads for a query
  /// without an order.
  ///
  /// A second row of an id (a table rebuilt without its primary key) was compared with nothing: it is named as a
  /// row no change met.
  func forEachDivergence(_ body: (LogDivergence) -> Void) throws {
    states.forEach(atLeast: RowState.altered.rawValue) { id, state in
      body(LogDivergence(entity: Record.entity, id: id, kind: state == RowState.deleted.rawValue ? .deleted : .altered))
    }
    var listed = IDTable(bitsPerID: 1, denseThrough: states.denseThrough)
    let ids = try PreparedStatement(db, sql: "SELECT id FROM \(Record.databaseTableName)")
    try ids.forEach { row in
      let id = row.int64(at: 0)
      let again = listed[id] != 0
      listed[id] = 1
      if again || states[id] == RowState.unmet.rawValue { body(LogDivergence(entity: Record.entity, id: id, kind: .unlogged)) }
      return true
    }
  }
}

/// Where a row of a table stands against the log, two bits a row in an ``IDTable`` (2.5 MB for ten million
/// milestones); `altered` and `deleted` are the values from 2 up.
private enum RowState: UInt64 {
  case unmet, asLogged, altered, deleted
}

/// The first divergences in the order the check reports them (table, then id), however many it finds.
private struct FirstDivergences {
  let limit: Int
  /// The divergences kept, each with the position of its table.
  private(set) var kept: [(table: Int, divergence: LogDivergence)] = []

  init(limit: Int) { self.limit = limit }

  mutating func insert(_ divergence: LogDivergence, table: Int) {
    let key = (table, divergence.id)
    guard kept.count < limit || kept.last.map({ key < ($0.table, $0.divergence.id) }) ?? false else { return }
    kept.insert((table, divergence), at: kept.firstIndex { key < ($0.table, $0.divergence.id) } ?? kept.endIndex)
    if kept.count > limit { kept.removeLast() }
  }
}

/// A row of the register that does not hold what the change log says it should: it was edited, inserted or
/// deleted with another tool.
public struct LogDivergence: Hashable, Sendable, CustomStringConvertible {
  public enum Kind: Hashable, Sendable {
    /// The row's values differ from its last logged values.
    case altered
    /// The row has no change-log entry.
    case unlogged
    /// The change log has the row; the register does not.
    case deleted
  }

  /// A column of an altered row whose value is not the one its last change-log row records.
  public struct FieldDifference: Hashable, Sendable {
    /// The column, as the change log names it (`summary`, `publishedOn`).
    public let field: String
    /// The value the register holds, as JSON writes it (`3`, `"3"`); `nil` for none.
    public let stored: String?
    /// The value the change log last recorded, as JSON writes it; `nil` for none.
    public let logged: String?
  }

  /// `project`, `milestone`, `disclosure` or `register`, as the change log names it.
  public let entity: String
  public let id: Int64
  public let kind: Kind
  /// For an altered row, the columns that differ, so that whoever restores it knows what to look at; empty where the
  /// log's values could not be read column by column.
  public let fields: [FieldDifference]

  public init(entity: String, id: Int64, kind: Kind, fields: [FieldDifference] = []) {
    (self.entity, self.id, self.kind, self.fields) = (entity, id, kind, fields)
  }

  public var description: String {
    let row = Self.name(of: entity, id)
    return switch kind {
    case .altered where !fields.isEmpty:
      "\(row) differs from its last change-log entry in \(fields.map(\.field).joined(separator: ", ")): edited outside gongkai"
    case .altered: "\(row) differs from its last change-log entry: edited outside gongkai"
    case .unlogged: "\(row) has no change-log entry: inserted outside gongkai"
    case .deleted: "\(row) is in the change log but not in the register: deleted outside gongkai"
    }
  }

  /// A logged row as a message names it: `milestone 12`; the register's one row of settings by what it holds, as its
  /// id says nothing.
  static func name(of entity: String, _ id: Int64) -> String {
    entity == RegisterRecord.entity ? "the register's row of settings (its profile and organisation code)" : "\(entity) \(id)"
  }
}
