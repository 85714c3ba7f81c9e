import CSQLiteSettings
import Foundation
import GRDBSQLite
import GongkaiStore

/// What SQLite itself needs to write a register's milestones, disclosures and change log one row per statement,
/// in the order an import writes them: the floor under an import, which cannot hand SQLite its rows as one
/// `INSERT … SELECT` (the `floor` step of side-by-side.sh), because each row's lookups depend on the rows before it.
///
/// The rows are read back from `source` (a register `generate` made) a chunk at a time, outside the clock, and
/// written into `target`, which must hold the projects already. With `lookups`, each milestone first asks the two
/// questions a spreadsheet import asks of a row: is the milestone recorded, and is its 文号 recorded on another day.
struct RowByRowFloor {
  let source: String
  let target: String
  let lookups: Bool

  /// Replays the rows in one exclusive transaction with gongkai's settings; returns the milestones written and the
  /// seconds the writes took.
  func run() throws -> (milestones: Int, seconds: Double) {
    _ = gongkai_sqlite_disable_memory_statistics()
    let db = try Connection(target)
    try db.execute("""
      PRAGMA journal_mode = DELETE; PRAGMA synchronous = EXTRA; PRAGMA cache_size = -65536; PRAGMA foreign_keys = ON;
      ATTACH '\(source.replacingOccurrences(of: "'", with: "''"))' AS source
      """)
    let log = try db.prepare("""
      SELECT * FROM source.changeLog WHERE entity IN ('milestone', 'disclosure') ORDER BY id
      """)
    let rows = ["milestone": try db.prepare("SELECT * FROM source.milestone ORDER BY id"),
                "disclosure": try db.prepare("SELECT * FROM source.disclosure ORDER BY id")]
    let milestoneInsert = try db.prepare(insertSQL("milestone", columns: rows["milestone"]!.columns))
    let disclosureInsert = try db.prepare(insertSQL("disclosure", columns: rows["disclosure"]!.columns))
    let logInsert = try db.prepare(insertSQL("changeLog", columns: log.columns))
    // The import's own statements (the tables of `main` come first where a name is not qualified)
    let recorded = try db.prepare(SQLiteStore.inForceSQL.description)
    let recordedWithdrawn = try db.prepare(SQLiteStore.withdrawnSQL.description)
    let namesake = try db.prepare(SQLiteStore.sharingReferenceSQL.description)
    let clock = ContinuousClock()
    var milestones = 0
    var elapsed = Duration.zero
    try db.execute("BEGIN EXCLUSIVE")
    // The rows are read a chunk at a time, outside the clock: reading them back is not the import's work. Their
    // values are kept in one buffer reused for every chunk: millions of small allocations left the C library's heap
    // so fragmented that SQLite's own allocations took a fifth of the time.
    var chunk = Chunk()
    while try chunk.load(from: log, rows: rows, limit: 20_000) {
      elapsed += try clock.measure {
        try chunk.withRows { isMilestone, row, change in
          if isMilestone {
            milestones += 1
            if lookups {
              // milestone: id 0, projectId 1, kind 2, formedOn 4, reference 5 (the natural key has a missing one as '')
              let key = [row[1], row[2], row[5].orEmpty, row[4]]
              if try !recorded.run(key) { try recordedWithdrawn.run(key) }
              if !row[5].isNull { try namesake.run([row[1], row[2], row[5], row[4]]) }
            }
          }
          try (isMilestone ? milestoneInsert : disclosureInsert).run(row)
          try logInsert.run(change)
        }
      }
    }
    elapsed += try clock.measure { try db.execute("COMMIT") }
    return (milestones, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
  }

  private func insertSQL(_ table: String, columns: Int32) -> String {
    "INSERT INTO main.\(table) VALUES (\(Array(repeating: "?", count: Int(columns)).joined(separator: ", ")))"
  }
}

/// Just enough of SQLite's C API for the replay, without GRDB's layers, which the floor must not pay for.
private final class Connection {
  struct Failure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
  }

  let handle: OpaquePointer

  init(_ path: String) throws {
    var handle: OpaquePointer?
    guard sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK, let handle else {
      throw Failure(message: "\(path): cannot open")
    }
    self.handle = handle
  }

  deinit { sqlite3_close_v2(handle) }

  func execute(_ sql: String) throws {
    guard sqlite3_exec(handle, sql, nil, nil, nil) == SQLITE_OK else { throw failure(sql) }
  }

  func prepare(_ sql: String) throws -> Statement {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
          let statement else { throw failure(sql) }
    return Statement(statement, connection: self)
  }

  func failure(_ what: String) -> Failure {
    Failure(message: "\(String(cString: sqlite3_errmsg(handle))): \(what.prefix(80))")
  }

  final class Statement {
    let handle: OpaquePointer
    let connection: Connection
    var columns: Int32 { sqlite3_column_count(handle) }

    init(_ handle: OpaquePointer, connection: Connection) {
      self.handle = handle
      self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Steps a query; false at its end.
    func step() throws -> Bool {
      switch sqlite3_step(handle) {
      case SQLITE_ROW: return true
      case SQLITE_DONE: return false
      default: throw connection.failure("step")
      }
    }

    func text(_ column: Int32) -> String { sqlite3_column_text(handle, column).map { String(cString: $0) } ?? "" }

    /// Binds the values, runs the statement and reads every row it gives; whether it gave one.
    @discardableResult
    func run(_ values: some Collection<BoundValue>) throws -> Bool {
      for (index, value) in zip(Int32(1)..., values) {
        switch value {
        case .null: sqlite3_bind_null(handle, index)
        case .integer(let integer): sqlite3_bind_int64(handle, index, integer)
        case .real(let real): sqlite3_bind_double(handle, index, real)
        case .text(let text):
          sqlite3_bind_text(handle, index, (text.baseAddress ?? BoundValue.empty).assumingMemoryBound(to: CChar.self), Int32(text.count), nil)
        case .blob(let blob): sqlite3_bind_blob(handle, index, blob.baseAddress, Int32(blob.count), nil)
        }
      }
      var found = false
      while try step() { found = true }
      sqlite3_reset(handle)
      return found
    }
  }
}

/// A value to bind; text and blobs point into the chunk's buffer, which outlives the statement's run.
private enum BoundValue {
  case null
  case integer(Int64)
  case real(Double)
  case text(UnsafeRawBufferPointer)
  case blob(UnsafeRawBufferPointer)

  /// Where empty text points: SQLite binds a null pointer as NULL.
  static var empty: UnsafeRawPointer { UnsafeRawPointer(("" as StaticString).utf8Start) }

  var isNull: Bool {
    if case .null = self { true } else { false }
  }

  /// Null as empty text, as the natural key has a missing 文号.
  var orEmpty: Self { isNull ? .text(UnsafeRawBufferPointer(start: Self.empty, count: 0)) : self }
}

/// A row of the chunk, by column.
private struct BoundRow: RandomAccessCollection {
  let values: ArraySlice<Chunk.Stored>
  let buffer: UnsafeRawBufferPointer
  var startIndex: Int { 0 }
  var endIndex: Int { values.count }

  subscript(column: Int) -> BoundValue {
    switch values[values.startIndex + column] {
    case .null: .null
    case .integer(let integer): .integer(integer)
    case .real(let real): .real(real)
    case .text(let range): .text(UnsafeRawBufferPointer(rebasing: buffer[range]))
    case .blob(let range): .blob(UnsafeRawBufferPointer(rebasing: buffer[range]))
    }
  }
}

/// The next rows to write: each change-log row with the row it logs, their values in one buffer.
private struct Chunk {
  enum Stored {
    case null, integer(Int64), real(Double), text(Range<Int>), blob(Range<Int>)
  }

  private var items: [(isMilestone: Bool, row: Range<Int>, change: Range<Int>)] = []
  private var values: [Stored] = []
  private var bytes: [UInt8] = []
  /// Whether the log was read to its end: stepped again, SQLite would start it over.
  private var finished = false

  /// Reads up to `limit` change-log rows and their rows in place of the chunk's; false when the log has none left.
  mutating func load(from log: Connection.Statement, rows: [String: Connection.Statement], limit: Int) throws -> Bool {
    items.removeAll(keepingCapacity: true)
    values.removeAll(keepingCapacity: true)
    bytes.removeAll(keepingCapacity: true)
    while !finished, items.count < limit {
      guard try log.step() else {
        finished = true
        break
      }
      let entity = log.text(4)
      guard let source = rows[entity], try source.step() else {
        throw Connection.Failure(message: "no \(entity) row for change-log row \(log.text(0))")
      }
      items.append((entity == "milestone", keep(source), keep(log)))
    }
    return !items.isEmpty
  }

  /// Copies the statement's current row; returns where its values are.
  private mutating func keep(_ row: Connection.Statement) -> Range<Int> {
    let start = values.count
    for column in 0..<row.columns {
      let type = sqlite3_column_type(row.handle, column)
      switch type {
      case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(row.handle, column)))
      case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(row.handle, column)))
      case SQLITE_TEXT, SQLITE_BLOB:
        let pointer = type == SQLITE_TEXT ? UnsafeRawPointer(sqlite3_column_text(row.handle, column)) : sqlite3_column_blob(row.handle, column)
        let count = Int(sqlite3_column_bytes(row.handle, column))
        let range = bytes.count..<bytes.count + count
        if let pointer { bytes.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: count)) }
        values.append(type == SQLITE_TEXT ? .text(range) : .blob(range))
      default: values.append(.null)
      }
    }
    return start..<values.count
  }

  /// Hands out each item's row and change-log row, their text pointing into the chunk's buffer.
  func withRows(_ body: (Bool, BoundRow, BoundRow) throws -> Void) throws {
    try bytes.withUnsafeBytes { buffer in
      for item in items {
        try body(item.isMilestone, BoundRow(values: values[item.row], buffer: buffer),
                 BoundRow(values: values[item.change], buffer: buffer))
      }
    }
  }
}
