import Foundation
import CSQLiteSettings
import GRDB
import GRDBSQLite
import GongkaiCore
import GongkaiFileSystem

/// The register in an SQLite file (WAL mode, foreign keys on, a busy timeout), through GRDB.
///
/// Opening a store migrates it, so no command ever holds an unmigrated database; a database written by a newer
/// gongkai is refused rather than touched. Each write method is one transaction.
///
/// One process holds one connection (a `DatabaseQueue`): a command runs one thing at a time, and processes
/// share the file through SQLite's locks, WAL mode letting a cron check read while staff write (an import may
/// instead hold the register alone: see `exclusiveImports` in ``open(at:create:busyTimeout:exclusiveImports:clock:)``).
/// A command that fails or only reads must leave the file byte for byte as it was (an exclusive import that fails
/// leaves the register's content as it was, but not the file's header). So a file out of WAL mode (a backup) is
/// put in WAL mode once a write to it has committed (a migration, `init` creating it, any write transaction),
/// never by opening it: the mode is stored in the file's header, and WAL mode creates `-wal` and `-shm` files
/// beside it. GRDB's `journalMode = .wal` would set it on every open, and create and drop a table there when no
/// `-wal` file exists.
public struct SQLiteStore: Store {
  let writer: any DatabaseWriter
  let path: String
  let clock: @Sendable () -> String
  let exclusiveImports: Bool
  /// The schema version the file had when this store upgraded it on opening; nil when it was up to date or new.
  public let upgradedFrom: String?
  /// The rules that admit a publication before its milestone (``admittingEarlyPublications(under:)``); none until given.
  private var earlyPublicationRules: RuleCatalogue?

  public func admittingEarlyPublications(under rules: RuleCatalogue) -> SQLiteStore {
    var store = self
    store.earlyPublicationRules = rules
    return store
  }

  /// What is wrong with a publication on `published` of `milestone`, if anything: dated before it, where the rules
  /// do not admit that or by more than ``GongkaiCore/Disclosure/longestLead`` days.
  func precedenceProblem(of published: CivilDate, for milestone: MilestoneRecord) throws -> RegisterError? {
    precedenceProblem(of: published, kind: milestone.kind, formedOn: try milestone.formedDay,
                      isChange: milestone.changesId != nil)
  }

  /// What is wrong with a publication on `published` of information of kind `kind` formed on `formed`, if anything.
  func precedenceProblem(of published: CivilDate, kind: String, formedOn formed: CivilDate, isChange: Bool) -> RegisterError? {
    Disclosure.precedenceProblem(published: published, formed: formed, admitted: earlyPublicationRules?.admitsPublicationBeforeFormation(
      of: kind, formedOn: formed, isChange: isChange) ?? false)
  }

  /// Opens the database at `path`; with `create` (`gongkai init`), a missing file is created and a register of
  /// an earlier schema is upgraded, which every other command refuses (``StoreError/olderSchema(_:current:needed:)``):
  /// an upgraded file no longer opens in the gongkai that wrote it, so a cron check must not upgrade it unseen.
  ///
  /// - Throws: ``StoreError/databaseNotFound(_:)`` when the file is missing and `create` is false,
  ///   ``StoreError/notADatabase(_:_:)``, ``StoreError/newerSchema(_:_:)``, ``StoreError/olderSchema(_:current:needed:)``,
  ///   ``StoreError/busy(_:)``.
  /// - Parameters:
  ///   - exclusiveImports: imports leave WAL mode for a rollback journal and hold the register alone until they
  ///     end. SQLite cannot checkpoint in the middle of a transaction, so an import in WAL mode writes every page
  ///     twice (to the WAL, then to the database) and keeps an index of the WAL in shared memory that grows by
  ///     2 MB per GB written (30 MB for a million projects). A rollback journal keeps only the old content of the
  ///     pages an import changes, and nothing of the pages it adds. The price: commands started during the
  ///     import wait for it (up to the busy timeout) instead of reading the register as it was; the import
  ///     itself waits as long for the commands that have the file open to close it; and an import that fails
  ///     leaves the register's content as it was but not its file byte for byte (SQLite counts the change of
  ///     journal in the file's header).
  ///   - clock: the instant written as "recorded at" and in the change log; fixed only to make an export
  ///     reproducible (`GONGKAI_NOW`).
  public static func open(
    at path: String, create: Bool = false, busyTimeout: TimeInterval = 10, exclusiveImports: Bool = false,
    clock: @escaping @Sendable () -> String = SQLiteStore.now
  ) throws -> SQLiteStore {
    guard !path.isEmpty else { throw StoreError.cannotOpen(path, "the path is empty; give a file name") }
    let path = fileName(path)
    var isFolder: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
    guard exists || create else {
      // A link whose chain of links does not end names no file, but telling its owner to create one would not help.
      var status = stat()
      let failure = stat(path, &status) != 0 ? errno : 0
      if failure == ELOOP {
        throw StoreError.cannotOpen(path, "it is a symbolic link whose chain of links does not end (a loop); point it at the register")
      }
      // A register in a folder this user may not enter (or a link's target in one) may well be there: creating one
      // would not help.
      if failure == EACCES, let folder = firstClosedFolder(on: ((try? linkTarget(of: path)) ?? nil) ?? path) {
        throw StoreError.cannotOpen(path, """
          this user may not enter the folder \(folder) (permission denied), so cannot tell whether the register is there; \
          let the user search it (chmod g+x with the user in its group, or o+x), or run as a user who may
          """)
      }
      throw StoreError.databaseNotFound(path)
    }
    if exists {
      // Of the file a symbolic link names, where SQLite reads and writes (and keeps its -wal and -shm files).
      let attributes = try? FileManager.default.attributesOfItem(atPath: FilePath.resolved(path))
      guard !isFolder.boolValue, attributes?[.type] as? FileAttributeType == .typeRegular else {
        throw StoreError.notADatabase(path, isFolder.boolValue ? .folder : .otherFile)
      }
      guard FileManager.default.isReadableFile(atPath: path) else {
        throw StoreError.cannotOpen(path, "this user may not read it (permission denied); give the user read access to it, or run as a user who has it")
      }
      // Look before touching: a file of another program, or an empty one, is refused as it is (once SQLite has
      // played back a journal that a cut-off write left beside it, as any program opening it would).
      let empty = (attributes?[.size] as? Int ?? 0) == 0
      do {
        if !(empty && create) { try requireGongkaiDatabase(at: path, busyTimeout: busyTimeout) }
      } catch StoreError.readOnly, StoreError.cannotOpen {
        throw sharedMemoryProblem(at: path)
      }
    } else {
      try requireFolder(forCreating: path)
    }
    do {
      return try translating(path) {
        let queue = try DatabaseQueue(path: path, configuration: makeConfiguration(busyTimeout: busyTimeout))
        return try SQLiteStore(queue, path: path, upgrading: create, exclusiveImports: exclusiveImports, clock: clock)
      }
    } catch StoreError.cannotOpen(_, let reason) where !exists {
      throw StoreError.cannotCreate(path, reason)
    }
  }

  /// Why a register (or a backup, which is restored as one) cannot be named `name`, if it cannot: SQLite names its
  /// files beside the register after it (`-journal`), and a name with no room for that makes a register no command
  /// can open.
  static func nameTooLong(_ name: String) -> String? {
    let longest = FilePath.longestName - "-journal".utf8.count
    guard name.utf8.count > longest else { return nil }
    return """
      its name is \(name.utf8.count) bytes, and SQLite keeps files beside it named so with 8 more (-journal), within \
      the \(FilePath.longestName) a name may have; give a name of at most \(longest) bytes
      """
  }

  /// Creates a register at `path`, where there is no file, whole or not at all: the schema and the settings (a
  /// transaction each) are written under a temporary name beside it, which takes the name once complete. A kill
  /// before that leaves no register, only the temporary file, which the next `create` removes: a register created
  /// national by a kill between the two would have the next `init --profile` refused as a change of profile. A
  /// dangling symbolic link (or a chain of them) is followed, as SQLite follows it, and the register created where
  /// it points.
  ///
  /// - Throws: ``StoreError/appeared(_:)`` when a file of that name appeared meanwhile (another `init`);
  ///   ``StoreError/cannotCreate(_:_:)``, also when a `-wal` or `-journal` file of a register that is gone is there;
  ///   ``StoreError/io(_:_:)``.
  public static func create(
    at path: String, settings: InitialSettings? = nil, busyTimeout: TimeInterval = 10,
    clock: @escaping @Sendable () -> String = SQLiteStore.now
  ) throws -> SQLiteStore {
    guard !path.isEmpty else { throw StoreError.cannotOpen(path, "the path is empty; give a file name") }
    let path = fileName(path)
    let target = try linkTarget(of: path) ?? path
    try requireFolder(forCreating: target)
    try removeSideFiles(of: target, named: path)
    let name = URL(fileURLWithPath: target).lastPathComponent
    if let tooLong = nameTooLong(name) { throw StoreError.cannotCreate(path, tooLong) }
    let folder = FilePath.physicalParent(of: target)
    TemporaryFile.removeAbandoned(of: name, in: folder)
    let temporary = TemporaryFile.path(for: name, in: folder)
    do {
      try translating(path) {
        let queue = try DatabaseQueue(path: temporary, configuration: makeConfiguration(busyTimeout: busyTimeout))
        let store = try SQLiteStore(queue, path: path, clock: clock)
        if let settings, let rules = settings.rules { _ = try store.setProfile(rules, actor: settings.actor, today: settings.today) }
        if let settings, let organisation = settings.organisation { _ = try store.setOrganisation(organisation, replacing: nil, actor: settings.actor) }
        // Into the file, and the WAL emptied: closing would checkpoint too, but ignores a failure to, and the file
        // put in place without its WAL would be a register without its profile.
        _ = try queue.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try queue.close()
      }
      guard !FileManager.default.fileExists(atPath: temporary + "-wal") else {
        throw StoreError.io(path, "the new register could not be written whole to its disk")
      }
      // SQLite creates its files 0644 less the umask, so a register shared by a group (a setgid folder, umask 002)
      // refused every clerk's write but its creator's. The umask alone decides, as for any file a command creates;
      // SQLite gives the -wal, -shm and -journal it makes the register's mode. (Best effort: a file system without
      // modes keeps its own.)
      let mask = umask(0o022)
      umask(mask)
      chmod(temporary, 0o666 & ~mask)
      let failure = TemporaryFile.moveWithoutReplacing(temporary, to: target)
      guard failure == 0 else {
        throw failure == EEXIST ? StoreError.appeared(path)
          : StoreError.cannotCreate(path, "cannot put the new register in place: \(String(cString: strerror(failure)))")
      }
      TemporaryFile.release(temporary)
      TemporaryFile.syncNames(in: folder)
    } catch {
      SQLiteFile.remove(temporary)
      TemporaryFile.release(temporary)
      throw error
    }
    return try open(at: path, busyTimeout: busyTimeout, clock: clock)
  }

  /// Removes the register ``create(at:settings:busyTimeout:clock:)`` made at `path`, and SQLite's files beside it,
  /// for a command that created it and failed before it held anything (`demo`): left empty, it would pass for a
  /// register made for real work. A symbolic link `path` was is left pointing to nothing again.
  public static func removeCreated(at path: String) {
    let path = fileName(path)
    let target = ((try? linkTarget(of: path)) ?? nil) ?? path
    SQLiteFile.remove(target)
    TemporaryFile.syncNames(in: FilePath.physicalParent(of: target))
  }

  /// The first folder on the way to `path` that this user may not search, where looking for it failed with EACCES.
  private static func firstClosedFolder(on path: String) -> String? {
    var folder = path.hasPrefix("/") ? "" : FileManager.default.currentDirectoryPath
    for component in FilePath.parent(of: path).split(separator: "/") {
      folder += "/" + component
      if access(folder, X_OK) != 0 { return folder }
    }
    return nil
  }

  /// Where `path` points when it is a symbolic link to nothing, or a chain of them (each relative target read from
  /// its link's folder), as the system follows it: 40 links at most, past which (a loop) it is refused.
  private static func linkTarget(of path: String) throws -> String? {
    var current = path
    for _ in 0...40 {
      guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
        return current == path ? nil : current
      }
      current = target.hasPrefix("/") ? target : (FilePath.parent(of: current) as NSString).appendingPathComponent(target)
    }
    throw StoreError.cannotCreate(path, "it is a symbolic link whose chain of links does not end (a loop); point it at a file name")
  }

  /// SQLite's files beside a register that is not there: a `-wal` or `-journal` with content may hold the last
  /// changes of a register moved or deleted without them, which SQLite would play into the new one; refused. Empty
  /// ones, and the `-shm` index, are removed.
  private static func removeSideFiles(of target: String, named path: String) throws {
    for file in SQLiteFile.sideFiles(of: target) {
      var status = stat()
      guard lstat(file, &status) != 0 || status.st_mode & S_IFMT == S_IFREG else {
        throw StoreError.cannotCreate(path, "\(file) is there and is not a file; SQLite needs that name for its own file: remove or rename it")
      }
    }
    for suffix in ["-wal", "-journal"] {
      guard size(ofFileAt: target + suffix) == 0 else {
        throw StoreError.cannotCreate(path, """
          \(target + suffix) is there without its register: it may hold the last changes of a register moved or deleted \
          without it, which SQLite would play into the new one; move it to that register, or remove it, and run init again
          """)
      }
    }
    // Not if a register appeared meanwhile (another init): these would be its own.
    var status = stat()
    guard lstat(target, &status) != 0 else {
      throw StoreError.appeared(path)
    }
    for file in SQLiteFile.sideFiles(of: target) { unlink(file) }
  }

  /// The size of the file at `path` in bytes; 0 when there is none.
  static func size(ofFileAt path: String) -> Int {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
  }

  /// Throws ``StoreError/cannotCreate(_:_:)`` unless the folder of `path` exists and this user may write to it.
  private static func requireFolder(forCreating path: String) throws {
    let folder = FilePath.physicalParent(of: path)
    guard FileManager.default.fileExists(atPath: folder) else {
      throw StoreError.cannotCreate(path, "folder \(folder) does not exist; create it first (mkdir -p), or name a register in a folder that does")
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw StoreError.cannotCreate(path, "folder \(folder) is not writable")
    }
  }

  /// Why a register that is readable could not be opened: SQLite reads a register in WAL mode through a `-shm`
  /// file it creates beside it when no other command has it open, so the folder must be writable even to read
  /// (an auditor's read-only copy, a folder owned by the staff's account). SQLite's own answer, "attempt to write
  /// a readonly database", sends the user to the file's permissions instead. Reading it as immutable would be
  /// wrong whenever someone who may write to the folder writes meanwhile.
  static func sharedMemoryProblem(at path: String) -> StoreError {
    let register = FilePath.resolved(path)
    let folder = FilePath.parent(of: register)
    guard access(folder, W_OK) != 0 else { return .readOnly(path, reason: sideFilesProblem(of: path)) }
    if FilePath.isOnReadOnlyFileSystem(folder) {
      return .cannotOpen(path, """
        its file system is mounted read-only, and SQLite creates \((register as NSString).lastPathComponent)-shm beside the \
        register to read it; copy the register (cp) to a disk that may be written, or remount it read-write
        """)
    }
    return .cannotOpen(path, """
      this user may not write to \(folder), where SQLite creates \((register as NSString).lastPathComponent)-shm to read \
      the register; give the user write access to the folder, or copy the register to a folder it may write to
      """)
  }

  /// The files SQLite keeps beside the register (`-wal`, `-shm`, `-journal`) that this user may not write, with their
  /// owners: left by a command another account ran (an auditor's check, a cron job under its own user), they make
  /// the register read-only for everyone else, while its own permissions are in order.
  private static func unwritableSideFiles(of path: String) -> [(file: String, owner: String, isMine: Bool)] {
    SQLiteFile.sideFiles(of: FilePath.resolved(path)).filter { FileManager.default.fileExists(atPath: $0) && access($0, W_OK) != 0 }
      .map { file in
        let attributes = try? FileManager.default.attributesOfItem(atPath: file)
        let uid = (attributes?[.ownerAccountID] as? NSNumber)?.uint32Value
        let owner = attributes?[.ownerAccountName] as? String ?? uid.map { "uid \($0)" } ?? "another user"
        return (file, owner, uid == getuid())
      }
  }

  /// What to do about ``unwritableSideFiles(of:)``, or `nil` when there are none: files of another account are made
  /// this user's again (chown), this user's own, which a write refused under a read-only register left read-only,
  /// writable (chmod).
  public static func sideFilesProblem(of path: String) -> String? {
    let files = unwritableSideFiles(of: path)
    guard !files.isEmpty else { return nil }
    var said: [String] = []
    let others = files.filter { !$0.isMine }, mine = files.filter(\.isMine)
    if !others.isEmpty {
      let owners = Set(others.map(\.owner)).sorted().joined(separator: ", ")
      let user = NSUserName().isEmpty ? String(getuid()) : NSUserName()
      said.append("""
        \(others.map { "\($0.file) belongs to \($0.owner)" }.joined(separator: ", ")), left by a command \(owners) ran on it; \
        make them this user's again (as root: chown \(user) \(others.map(\.file).joined(separator: " "))) and run gongkai on \
        this register under one account, or a group that may write the folder and these files
        """)
      // SQLite makes the files beside the register with the register's mode: one its group may not write makes each
      // account's files the others' to stumble on, whoever is given them back.
      if let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int, mode & 0o020 == 0 {
        said.append("""
          the register's mode, \(String(mode, radix: 8)), does not let its group write it, and SQLite gives the files beside it \
          that mode: for accounts sharing it, chmod g+w the register (README: Shared by several accounts)
          """)
      }
    }
    if !mine.isEmpty {
      // SQLite gives the files it creates the register's mode: a read-only register leaves them read-only.
      let names = mine.map(\.file).joined(separator: " ")
      said.append("this user's \(names) may not be written (their mode); chmod u+w \(names)")
    }
    if access(path, W_OK) != 0 {
      said.append(Self.registerClosed)
    }
    return said.joined(separator: "; ")
  }

  /// What a refusal says of a register file this user may not write.
  static let registerClosed = "the register itself may not be written by this user; its owner gives write access (chmod, chown or a group)"

  /// Why a register without files beside it cannot be written: the file, or its folder, closed to this user. Out of WAL
  /// mode (a backup), SQLite keeps each write's journal in a file beside the register, which a closed folder refuses
  /// though the file itself may be written. `nil` when both are open.
  static func closedPlaceProblem(of path: String) -> String? {
    let folder = FilePath.parent(of: path)
    // The file's own file system, where a link to it points elsewhere.
    if FilePath.isOnReadOnlyFileSystem(path) {
      return "its file system is mounted read-only; copy the register to a disk that may be written, or remount it read-write"
    }
    var said: [String] = []
    if access(path, W_OK) != 0 {
      said.append(Self.registerClosed)
    }
    if access(folder, W_OK) != 0 {
      said.append("this user may not write in its folder \(folder), where SQLite keeps each write's journal beside the register; "
        + "its owner gives write access to the folder (chmod, chown or a group), or copy the register to a folder this user may write")
    }
    return said.isEmpty ? nil : said.joined(separator: "; ")
  }

  /// Throws ``StoreError/notADatabase(_:_:)`` unless the file holds a Gongkai register; reads only.
  static func requireGongkaiDatabase(at path: String, busyTimeout: TimeInterval) throws {
    Self.librarySettings
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(busyTimeout)
    func isGongkaiRegister(_ db: Database) throws -> Bool {
      try db.tableExists("grdb_migrations")
        && (try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations WHERE identifier = ?",
                                arguments: [migrator.migrations[0]]) != nil)
    }
    func isRegister(_ configuration: Configuration) throws -> Bool {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      return try queue.read(isGongkaiRegister)
    }
    let isRegister = try translating(path) {
      do {
        return try isRegister(configuration)
      } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_READONLY_ROLLBACK {
        // An import was cut off and left its journal: only a connection that may write can roll it back, which
        // any SQLite program opening the file would do before reading it. An exclusive import had taken the register
        // out of WAL mode: back in it, an ordinary import next does not keep every reader waiting until it ends.
        configuration.readonly = false
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        guard try queue.read(isGongkaiRegister) else { return false }
        queue.inDatabase(enterWAL)
        return true
      }
    }
    guard isRegister else { throw StoreError.notADatabase(path, .otherFile) }
  }

  /// The name SQLite is given for the file at `path`. SQLite reads `:memory:` as a database in memory, and a name
  /// that starts with `file:` as a URI whose options it applies: a register is a file, so such a name is given as
  /// the file of that name in the current folder (`./file:r.sqlite`).
  static func fileName(_ path: String) -> String {
    path == ":memory:" || path.hasPrefix("file:") ? "./" + path : path
  }

  /// A store in memory, for tests.
  static func inMemory(clock: @escaping @Sendable () -> String = SQLiteStore.now) throws -> SQLiteStore {
    try SQLiteStore(DatabaseQueue(configuration: makeConfiguration(busyTimeout: 1)), path: ":memory:", clock: clock)
  }

  init(
    _ writer: any DatabaseWriter, path: String, upgrading: Bool = true, exclusiveImports: Bool = false,
    clock: @escaping @Sendable () -> String = SQLiteStore.now
  ) throws {
    self.writer = writer
    self.path = path
    self.exclusiveImports = exclusiveImports
    self.clock = clock
    upgradedFrom = try Self.translating(path) {
      let migrator = Self.migrator
      let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
      let unknown = applied.subtracting(migrator.migrations).sorted()
      guard unknown.isEmpty else { throw StoreError.newerSchema(path, unknown) }
      // Only a database that needs it is written: a read must not wait for another process's write lock.
      guard applied.count < migrator.migrations.count else { return nil }
      let current = migrator.migrations.last { applied.contains($0) }
      // A release applies its migrations in order: one missing before the last applied was deleted from the record by
      // another program, and neither "older" nor an upgrade, which would apply it again over its own tables, is true.
      if let current, let missing = migrator.migrations.prefix(while: { $0 != current }).first(where: { !applied.contains($0) }) {
        throw StoreError.damaged(path, "its record of its schema lacks \(missing), which \(current) comes after, as edited outside gongkai")
      }
      guard upgrading || current == nil else {
        throw StoreError.olderSchema(path, current: current ?? "", needed: migrator.migrations.last ?? "")
      }
      // A migration rewrites tables in place: it must not spread a damage, nor a damaged register be said upgraded.
      if current != nil, let damage = try Self.quickCheck(writer).first { throw StoreError.damaged(path, damage) }
      // Nor run beside a trigger, which would rewrite what the migrations move.
      try writer.read { try Self.refuseTriggers($0, path: path) }
      // A register out of WAL mode (a backup) is upgraded through a rollback journal, and put back in WAL mode
      // through one too: a signal must not leave it half-written in the file until the journal is played back.
      try WriteInterruption.run(writingThrough: writer) {
        try migrator.migrate(writer)
        writer.writeWithoutTransaction(Self.enterWAL)
      }
      return current
    }
  }

  /// The settings of the SQLite library itself, made once, before the process's first connection. SQLite
  /// counted every allocation it made, under a lock, for statistics gongkai never reads: 10 % of an import's time
  /// and 5 % of a check's went to taking and releasing that lock.
  static let librarySettings: Void = { _ = gongkai_sqlite_disable_memory_statistics() }()

  /// The one place connection settings are made, for files and tests alike.
  /// Nothing here is stored in the file: these are the connection's own settings, and opening changes nothing.
  static func makeConfiguration(busyTimeout: TimeInterval) -> Configuration {
    Self.librarySettings
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(busyTimeout)
    // ``readingOneState(_:)`` keeps a read transaction open from one access to the connection to the next.
    configuration.allowsUnsafeTransactions = true
    configuration.prepareDatabase { db in
      // A legal record: every committed transaction survives a power cut. EXTRA is FULL, and in a rollback
      // journal (an exclusive import) the folder is synced when the journal is deleted, or a power cut right
      // after the commit could bring the journal back and have the next command undo the import.
      try db.execute(sql: "PRAGMA synchronous = EXTRA")
      // The WAL grows to hold a whole transaction (gigabytes for a national import); once checkpointed, it is
      // cut back to 64 MB instead of keeping that size on disk for ever.
      try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
    }
    return configuration
  }

  /// The schema versions this binary knows, oldest first.
  public static var schemaVersions: [String] { migrator.migrations }

  /// The schema versions applied to this database.
  public func appliedSchemaVersions() throws -> [String] {
    try Self.translating(path) { try writer.read { try Self.migrator.completedMigrations($0) } }
  }

  /// Now, as an ISO 8601 instant in China Standard Time, e.g. `2026-11-29T08:12:03+08:00`. Computed directly
  /// (UTC+8 has no daylight saving time since 1991): a date formatter costs more than the row it stamps.
  public static let now: @Sendable () -> String = {
    let seconds = Int(Date().timeIntervalSince1970.rounded(.down))
    let day = CivilDate(chinaStandardTimeAt: seconds)
    let time = seconds + CivilDate.chinaOffset - day.dayNumber * 86400
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(day)T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))+08:00"
  }
}

/// A transaction where gongkai's code allows none, or none where it holds one: a mistake in gongkai, which GRDB's
/// own check (off for ``SQLiteStore/readingOneState(_:)``) would have stopped; reported as internal (70).
public struct UnexpectedTransactionState: Error, CustomStringConvertible {
  public let description: String

  init(_ description: String) { self.description = "internal error: \(description); please report it" }
}
