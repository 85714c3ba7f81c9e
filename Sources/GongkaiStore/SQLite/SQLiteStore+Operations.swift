import Foundation
import GongkaiCore
import GongkaiFileSystem
import GRDB
import GRDBSQLite

/// Tamper evidence, backups and the integrity check.
extension SQLiteStore {
  public func changeLogHead() throws -> String {
    try read { db in try String.fetchOne(db, sql: "SELECT hash FROM changeLog ORDER BY id DESC LIMIT 1") ?? "" }
  }

  public func changeLogHolds(head: String) throws -> Bool {
    try read { db in try Int64.fetchOne(db, sql: "SELECT id FROM changeLog WHERE hash = ? ORDER BY id DESC LIMIT 1", arguments: [head]) != nil }
  }

  public func lastChangeDay() throws -> CivilDate? {
    // `at` is an instant in China Standard Time, its first ten characters the day; one a tool outside gongkai
    // wrote otherwise tells no day.
    try read { db in
      try String.fetchOne(db, sql: "SELECT substr(at, 1, 10) FROM changeLog ORDER BY id DESC LIMIT 1").flatMap { try? CivilDate(parsing: $0) }
    }
  }

  public func verifiedChangeLogHead() throws -> String {
    try read { db in try Self.verifiedHead(db, path: path) }
  }

  public func backup(to path: String) throws {
    let path = Self.fileName(path)
    let target = URL(fileURLWithPath: path)
    let folder = URL(fileURLWithPath: FilePath.physicalParent(of: path))
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
      throw StoreError.cannotWriteBackup(path, "folder \(folder.path) does not exist")
    }
    guard isFolder.boolValue else { throw StoreError.cannotWriteBackup(path, "\(folder.path) is a file, not a folder; name a file in a folder") }
    guard FileManager.default.isWritableFile(atPath: folder.path) else {
      throw StoreError.cannotWriteBackup(path, "folder \(folder.path) is not writable")
    }
    if let tooLong = Self.nameTooLong(target.lastPathComponent) { throw StoreError.cannotWriteBackup(path, tooLong) }
    // Looking at a file in WAL mode (a cp copy) leaves SQLite's -wal and -shm beside it: a refused backup removes
    // the two it made, while its -wal holds nothing.
    let madeSideFiles = ![path + "-wal", path + "-shm"].contains { FileManager.default.fileExists(atPath: $0) }
    do {
      try requireReplaceableBackup(at: path)
    } catch {
      if madeSideFiles, Self.size(ofFileAt: path + "-wal") == 0 {
        for file in [path + "-wal", path + "-shm"] { unlink(file) }
      }
      throw error
    }
    // What a backup killed before it finished left (a copy as large as the register) goes before a new one is made.
    TemporaryFile.removeAbandoned(of: target.lastPathComponent, in: folder.path)
    let temporary = TemporaryFile.path(for: target.lastPathComponent, in: folder.path)
    // An earlier backup, which a damaged copy must not replace: it may be the copy to restore from.
    let replacing = Self.size(ofFileAt: path) > 0
    // Made here, empty, so that a folder this account may not write in after all (a read-only disk, where the
    // permission bits say yes) is named as the backup's folder, not as a database SQLite could not open.
    if let reason = createEmptyFile(temporary) {
      TemporaryFile.release(temporary)
      throw StoreError.cannotWriteBackup(path, "cannot write in folder \(folder.path): \(reason); name a file in another")
    }
    do {
      let damage = try Self.translating(path) {
        do {
          let copy = try DatabaseQueue(path: temporary)
          try writer.backup(to: copy)
          // A backup is one self-contained file: out of WAL mode, so that nothing beside it is needed or created.
          try copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
          // SQLite copies pages as they are, damaged ones too, and an index that no longer matches its table, which
          // reads through it silently get wrong: found here, before the copy is put in place over a good one.
          let damage = try Self.integrityCheck(copy, problems: 3)
          try copy.close()
          if !damage.isEmpty && replacing { throw StoreError.damagedBackupSource(self.path, backup: path, damage, written: false) }
          return damage
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR {
          // The backup API leaves SQLite's last message behind, which then reads "not an error": the code says it.
          let reason = String(cString: sqlite3_errstr(error.extendedResultCode.rawValue))
          throw StoreError.cannotWriteBackup(path, "\(reason); free space on its disk or name a file on another")
        }
      }
      // The register's mode, so that a copy restored into its place is as writable by the accounts sharing it.
      var register = stat()
      if stat(self.path, &register) == 0 { chmod(temporary, register.st_mode & 0o777) }
      guard rename(temporary, path) == 0 else { throw StoreError.cannotWriteBackup(path, "cannot put the copy in place: \(String(cString: strerror(errno)))") }
      TemporaryFile.release(temporary)
      TemporaryFile.syncNames(in: folder.path)
      // The empty -wal and -shm files of the backup it replaced, if that one was in WAL mode (written to since it was
      // made) and looking at it opened them, belong to no file now.
      for leftover in [path + "-wal", path + "-shm"] { unlink(leftover) }
      // A new file takes the damaged copy all the same: the one consistent copy of a register in use there is.
      if !damage.isEmpty { throw StoreError.damagedBackupSource(self.path, backup: path, damage, written: true) }
    } catch {
      // The copy takes the register's WAL mode until it leaves it: its -wal and -shm files go with it (once renamed,
      // the copy is no longer there to remove).
      SQLiteFile.remove(temporary)
      TemporaryFile.release(temporary)
      throw error
    }
  }

  /// Throws ``StoreError/cannotWriteBackup(_:_:)`` unless the file at `path`, if any, may be replaced by a backup:
  /// an earlier backup of this register, or an empty file.
  private func requireReplaceableBackup(at path: String) throws {
    // Whether or not it is there now: SQLite removes a journal and makes it again, and would delete the backup.
    if let database = SQLiteFile.database(besideWhich: path) {
      throw StoreError.cannotWriteBackup(path, "it is a file SQLite keeps beside the database \(database), which a backup never replaces; name another file")
    }
    if let suffix = SQLiteFile.sideFileSuffix(of: path) {
      let database = path.dropLast(suffix.count)
      let stem = database.hasSuffix(".sqlite") ? database.dropLast(".sqlite".count) : database
      throw StoreError.cannotWriteBackup(path, """
        it is named as SQLite names a file it keeps beside a database (\(path.suffix(suffix.count))), which a register later \
        made as \(database) would take for its own; name the backup another way, e.g. \(stem)-backup.sqlite
        """)
    }
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return }
    if attributes[.type] as? FileAttributeType == .typeDirectory {
      throw StoreError.cannotWriteBackup(path, "it is a folder; name a file in it, e.g. \(URL(fileURLWithPath: path).appendingPathComponent("register-backup.sqlite").path)")
    }
    if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
      let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " to \($0)" } ?? ""
      throw StoreError.cannotWriteBackup(path, "it is a symbolic link\(destination), which a backup does not write through; name the file itself")
    }
    guard attributes[.type] as? FileAttributeType == .typeRegular else {
      throw StoreError.cannotWriteBackup(path, "it exists and is not a regular file")
    }
    // Replacing the register with its own copy would leave its WAL beside a file it does not belong to, and
    // replacing a file of another program would lose it: only an earlier backup (or an empty file) is replaced.
    guard !Self.sameFile(path, self.path) else { throw StoreError.cannotWriteBackup(path, "it is the register itself; name another file") }
    if (attributes[.size] as? Int ?? 0) > 0 {
      do { try Self.requireGongkaiDatabase(at: path, busyTimeout: 1) } catch {
        throw StoreError.cannotWriteBackup(path, "it exists and is not a Gongkai register; remove it or name another file")
      }
    }
    // A register in use keeps changes in its -wal file, which SQLite would play into whatever file has the name.
    guard Self.size(ofFileAt: path + "-wal") == 0 else { throw StoreError.cannotWriteBackup(path, "it is a register in use (its -wal file holds changes); name another file") }

    if (attributes[.size] as? Int ?? 0) > 0 {
      // A backup is written out of WAL mode, and a register goes into it at its first write: a file holding the
      // very changes of this register, in WAL mode, may be the register itself with the arguments swapped right
      // after a backup. An older state cannot be (a swapped register holds at least as many).
      if try requireEarlierState(at: path), Self.isInWALMode(path) {
        throw StoreError.cannotWriteBackup(path, """
          it holds what the register holds and is in WAL mode, as the register worked on is (a gongkai backup is not; \
          a copy made with cp or sqlite3 is): if it is the register, swap the two (gongkai backup BACKUP --database \
          REGISTER), else remove it to replace it
          """)
      }
      // The copy to restore from, when the register was edited beside its log: not replaced by the edited one.
      let problem = try read { db in
        let check = try ChangeLogCheck(db, path: self.path, publishedHead: nil, divergenceLimit: 1)
        // A trigger added outside gongkai, which `audit verify` fails as it would rewrite what gongkai records.
        let trigger = try Self.firstTrigger(db)
        return try check.chain.broken?.description ?? check.divergences().first?.description
          ?? trigger.map { "it holds a trigger added outside gongkai, \($0)" }
      }
      if let problem {
        throw StoreError.cannotWriteBackup(path, """
          the register does not hold what its change log records (\(problem)), and the backup it would replace may be \
          the copy to restore from; name another file (`gongkai audit verify` lists every difference)
          """)
      }
    }
  }

  /// Throws unless the register at `path` is an earlier state of this one, as a backup of it taken earlier is:
  /// its change log is the first rows of this register's, compared by its length and the hash of its last row.
  /// Anything else holds changes a copy of this register would lose: the live register named as the backup with
  /// the arguments swapped, or another register. A file written before the log was chained (no `hash` column) has
  /// been opened by no gongkai since, so is an old backup, and is replaced as before.
  /// Returns whether it holds every change of this register (the same state, not an earlier one).
  private func requireEarlierState(at path: String) throws -> Bool {
    var configuration = Configuration()
    configuration.readonly = true
    let (rows, last) = try read { db in
      (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM changeLog") ?? 0, try String.fetchOne(db, sql: "SELECT hash FROM changeLog ORDER BY id DESC LIMIT 1"))
    }
    let destination = try Self.translating(path) {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      return try queue.read { db -> (rows: Int, head: String?, atOurEnd: String?)? in
        guard try db.tableExists("changeLog"), try db.columns(in: "changeLog").contains(where: { $0.name == "hash" }) else { return nil }
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM changeLog") ?? 0
        // Its row where this register's log ends: ours when it is this register further on.
        let atOurEnd = rows == 0 ? nil : try String.fetchOne(db, sql: "SELECT hash FROM changeLog ORDER BY id LIMIT 1 OFFSET ?", arguments: [rows - 1])
        return (count, try String.fetchOne(db, sql: "SELECT hash FROM changeLog ORDER BY id DESC LIMIT 1"), atOurEnd)
      }
    }
    guard let destination, destination.rows > 0 else { return false }
    let hash = try read { db in
      try String.fetchOne(db, sql: "SELECT hash FROM changeLog ORDER BY id LIMIT 1 OFFSET ?", arguments: [destination.rows - 1])
    }
    guard destination.rows <= rows else {
      // This register's log is the start of the file's: the file is this register further on, the arguments most
      // likely swapped; else it is another register's, whose changes a backup over it would lose. A register with
      // no change yet cannot tell the two apart.
      guard rows == 0 || destination.atOurEnd == last else {
        throw StoreError.cannotWriteBackup(path, """
          it is another Gongkai register (\(destination.rows) changes, whose change log is not \(self.path)'s), not a \
          backup of it; name another file, or remove it to replace it
          """)
      }
      throw StoreError.cannotWriteBackup(path, """
        it is a Gongkai register with more changes (\(destination.rows)) than \(self.path) (\(rows)), not an earlier \
        backup of it; if it is the register, swap the two (gongkai backup BACKUP --database REGISTER), else remove it \
        to replace it
        """)
    }
    guard hash == destination.head else {
      throw StoreError.cannotWriteBackup(path, """
        it is a Gongkai register whose change log (\(destination.rows) changes) is not the start of \(self.path)'s, \
        not an earlier backup of it but another register; name another file, or remove it to replace it
        """)
    }
    return destination.rows == rows
  }

  /// Whether the file's header says WAL mode (bytes 18 and 19, the file format's write and read versions, are 2).
  private static func isInWALMode(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 20)) ?? Data()
    return header.count == 20 && (header[18] == 2 || header[19] == 2)
  }

  /// Whether two paths name the same file (a link or another spelling of the path included).
  private static func sameFile(_ first: String, _ second: String) -> Bool {
    var a = stat(), b = stat()
    return stat(first, &a) == 0 && stat(second, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
  }

  /// SQLite's check of the file's structure, without comparing each index with its table: a read of every page,
  /// about a second a gigabyte in the page cache, before a migration rewrites tables. The damage found.
  static func quickCheck(_ reader: any DatabaseReader) throws -> [String] {
    try check(reader, pragma: "quick_check", problems: 3)
  }

  /// SQLite's whole check: the structure, and every index against its table. A page of an index damaged so that it
  /// still reads leaves the index short of rows, and the reads through it (a project's history, an export's) short of
  /// them without a word; only this comparison finds it. The first `problems` found.
  static func integrityCheck(_ reader: any DatabaseReader, problems: Int) throws -> [String] {
    try check(reader, pragma: "integrity_check", problems: problems)
  }

  /// The problems a check pragma finds, a line each, without the heading SQLite gives each database's first.
  /// A page so damaged that the check cannot go on is an error of SQLite's rather than a line of its report: it is
  /// the one problem found.
  private static func check(_ reader: any DatabaseReader, pragma: String, problems: Int) throws -> [String] {
    do {
      return try reader.read { db in try String.fetchAll(db, sql: "PRAGMA \(pragma)(\(problems))") }
        .flatMap { $0.split(separator: "\n").map(String.init) }.filter { $0 != "ok" && !$0.hasPrefix("*** in database") }
    } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
      return [error.message ?? "database disk image is malformed"]
    }
  }

  public func integrityProblems() throws -> [String] {
    try Self.translating(path) { try Self.integrityCheck(writer, problems: 100) }
  }

  /// Compared with a schema the migrations make afresh, in memory.
  public func schemaDifferences() throws -> SchemaDifferences {
    let objects = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
    let listed = { (db: Database) in
      try Row.fetchAll(db, sql: objects).map { (object: SchemaObject(type: $0[0], name: $0[1]), table: $0[2] as String, sql: $0[3] as String?) }
    }
    let fresh = try DatabaseQueue()
    try Self.migrator.migrate(fresh)
    let known = try fresh.read(listed)
    let present = try read(listed)
    let have = Set(present.map(\.object)), gongkais = Set(known.map(\.object))
    let missing = known.filter { !have.contains($0.object) }
    // The indexes of a table that is missing went with it: the table is named.
    let missingTables = Set(missing.filter { $0.object.type == "table" }.map(\.object.name))
    let foundDefinitions = Dictionary(present.map { ($0.object, $0.sql) }, uniquingKeysWith: { first, _ in first })
    let redefined = known.compactMap { index -> RedefinedIndex? in
      guard index.object.type == "index", let gongkais = index.sql, let found = foundDefinitions[index.object] ?? nil else { return nil }
      return RedefinedIndex(name: index.object.name, found: found, gongkais: gongkais)
    }
    return SchemaDifferences(
      added: present.map(\.object).filter { !gongkais.contains($0) },
      missing: missing.filter { $0.object.type == "table" || !missingTables.contains($0.table) }.map(\.object),
      redefined: redefined)
  }

  /// `PRAGMA foreign_key_check` names the row, its table and the parent's table; the value naming the missing
  /// parent is read from the row.
  public func forEachOrphan(_ body: (Orphan) throws -> Void) throws {
    try read { db in
      let violations = try db.foreignKeyViolations()
      while let violation = try violations.next() {
        let table = violation.originTable
        let columns = try db.foreignKeys(on: table).first { $0.id == violation.foreignKeyId }?.originColumns ?? []
        let row = try violation.originRowID.flatMap { rowID in
          try Row.fetchOne(db.cachedStatement(sql: """
            SELECT \(columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")) FROM \(table.quotedDatabaseIdentifier)
            WHERE rowid = ?
            """), arguments: [rowID])
        }
        try body(Orphan(
          table: table, rowID: violation.originRowID, column: columns.joined(separator: ", "),
          parent: violation.destinationTable, key: row.map { $0.databaseValues.map(\.description).joined(separator: ", ") }))
      }
    }
  }
}

/// Creates an empty file at `path`, which must not exist; the system's reason when it cannot. Outside the store's
/// extension, whose `open` is the register's.
private func createEmptyFile(_ path: String) -> String? {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
  guard descriptor >= 0 else { return String(cString: strerror(errno)) }
  close(descriptor)
  return nil
}
