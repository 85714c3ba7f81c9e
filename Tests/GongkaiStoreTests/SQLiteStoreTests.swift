import Foundation
import GRDB
import GongkaiCore
import Testing
@testable import GongkaiStore

/// What is particular to the SQLite file: migrations, foreign files, locks.
@Suite struct SQLiteStoreTests {
  @Test func migratesAnEmptyFileToTheLatestSchema() throws {
    let path = temporaryDatabasePath()
    let store = try SQLiteStore.open(at: path, create: true)
    #expect(try store.appliedSchemaVersions() == SQLiteStore.schemaVersions)
    let mode = try store.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
    #expect(mode == "wal")
    let foreignKeys = try store.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") }
    #expect(foreignKeys == true)
  }

  /// A disk that fills during a write: the error names the register, and what was written before stands. SQLite's
  /// `max_page_count` on the store's own connection stands in for the disk (it lasts as long as the connection).
  @Test func aFullDiskNamesTheRegister() throws {
    let path = temporaryDatabasePath()
    let store = try SQLiteStore.open(at: path, create: true)
    try store.writer.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA max_page_count = \(try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0)")
    }
    var added = 0
    let error = #expect(throws: StoreError.self) {
      for number in 1...1000 {
        let code = try ProjectCode("2024-310110-83-01-" + String(100_000 + number))
        try store.addProject(Project(code: code, name: String(repeating: "工", count: 200) + "\(number)", responsibleUnit: "杨浦区教育局"),
                             actor: "王工")
        added += 1
      }
    }
    #expect(error == .io(path, "database or disk is full"))
    #expect(error?.description.hasPrefix("input/output error on database \(path): database or disk is full; free space") == true)
    #expect(try store.projects(withdrawn: false).count == added)
  }

  /// The withdrawn projects, read before every notice export to take their pages down, come in the order of their
  /// codes, as the projects in force do, whatever order they were registered and withdrawn in.
  @Test func projectsAreListedInTheOrderOfTheirCodes() throws {
    let store = try SQLiteStore.open(at: temporaryDatabasePath(), create: true)
    let codes = try ["2024-310110-83-01-100003", "2024-310110-83-01-100001", "2024-310110-83-01-100004", "2024-310110-83-01-100002"]
      .map(ProjectCode.init)
    for code in codes { try store.addProject(Project(code: code, name: "工程\(code.rawValue.suffix(1))", responsibleUnit: "杨浦区教育局"), actor: "王工") }
    for code in [codes[0], codes[1]] { _ = try store.withdrawProject(code: code, reason: "重复登记", actor: "李工") }
    #expect(try store.projects(withdrawn: true).map(\.project.code) == [codes[1], codes[0]])
    #expect(try store.projects(withdrawn: false).map(\.project.code) == [codes[3], codes[2]])
  }

  // Ids far beyond the number of projects, or negative, as a database edited outside gongkai may hold.
  @Test(arguments: [9_000_000_000_000, -2] as [Int64])
  func aProjectInTwoDocumentsIsFoundWhateverItsId(id: Int64) throws {
    let path = temporaryDatabasePath()
    let store = try SQLiteStore.open(at: path, create: true)
    try store.addProject(school, actor: "王工")
    try DatabaseQueue(path: path).write { try $0.execute(sql: "UPDATE project SET id = ?", arguments: [id]) }
    let documents = [school, bund, school, bund].map { ProjectDocument(project: $0, milestones: []) }
    #expect(throws: StoreError.importRejected([
      .init(line: 3, field: "code", message: "project \(school.code) is also in item 1; keep one file per project"),
      .init(line: 4, field: "code", message: "project \(bund.code) is also in item 2; keep one file per project"),
    ])) { try store.importProjects(ImportItems(documents), actor: "导入", progress: nil) }
  }

  /// A register an import filled with blank texts, from a file with `legal-person: ""` and `unit: ""` before blanks were
  /// read as left out: the same file read now (or its `export project`) leaves them out, which is no change a file
  /// written before would undo. It imports, and clears them, logged; the milestone keeps its key.
  @Test func blanksAnEarlierImportStoredAreClearedByTheFileThatLeavesThemOut() throws {
    let store = try SQLiteStore.open(at: temporaryDatabasePath(), create: true)
    try store.addProject(bund, actor: "王工")
    func document(blank: String?) -> ProjectDocument {
      var project = bund
      (project.legalPerson, project.location) = (blank, blank)
      return ProjectDocument(project: project, milestones: [
        MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-03-02"), reference: blank, summary: blank, responsibleUnit: blank),
      ])
    }
    _ = try store.importProjects(ImportItems([document(blank: "")]), actor: "导入", progress: nil)
    let report = try store.importProjects(ImportItems([document(blank: nil)]), actor: "导入", progress: nil)
    #expect(report.notices.isEmpty, "\(report.notices)")
    let project = try #require(try store.projects(withdrawn: false).first?.project)
    #expect(project.legalPerson == nil && project.location == nil)
    let stored = try #require(try store.milestone(id: 1))
    #expect(stored.reference == nil && stored.summary == nil && !stored.hasOwnUnit)
    #expect(try store.milestone(id: 2) == nil)
  }

  @Test func rowsWhoseParentWasDeletedOutsideGongkaiAreNamed() throws {
    // Given a register whose project was deleted with foreign keys off, and a table someone added beside it
    let path = temporaryDatabasePath()
    let store = try SQLiteStore.open(at: path, create: true)
    try store.addProject(bund, actor: "王工")
    let id = try store.logMilestone(permit(published: "2026-02-27"), project: bund.code, changing: nil, actor: "王工").milestone.id
    var unchecked = Configuration()
    unchecked.foreignKeysEnabled = false
    try DatabaseQueue(path: path, configuration: unchecked).write { db in
      try db.execute(sql: """
        DELETE FROM project;
        CREATE TABLE note (text TEXT PRIMARY KEY, projectId INTEGER REFERENCES project) WITHOUT ROWID;
        INSERT INTO note VALUES ('备注', 1);
        """)
    }
    // Then the foreign key check names each row, and what needs the project throws instead of trapping
    var orphans: [Orphan] = []
    try store.forEachOrphan { orphans.append($0) }
    #expect(Set(orphans.map(\.description)) == [
      "milestone \(id) refers to a missing project (projectId = 1)", "a row of note refers to a missing project (projectId)",
    ])
    let missing = StoreError.edited("milestone \(id) refers to a missing project (projectId = 1)")
    #expect(throws: missing) { try store.milestone(id: id) }
    #expect(throws: missing) { try store.forEachMilestone(matching: MilestoneFilter()) { _ in } }
    #expect(throws: missing) {
      try store.disclose(milestone: id, Disclosure(publishedOn: day("2026-03-01"), channel: portal), clearing: [], actor: "王工")
    }
  }

  @Test(arguments: SQLiteStore.schemaVersions.dropLast())
  func migratesFromEveryEarlierVersionKeepingTheData(version: String) throws {
    // Given a database left at an earlier schema version, with a project and a milestone in it
    let path = temporaryDatabasePath()
    let old = try DatabaseQueue(path: path)
    try SQLiteStore.migrator.migrate(old, upTo: version)
    try old.write { db in
      try db.execute(sql: "INSERT INTO project (code, name, responsibleUnit) VALUES ('2024-310110-48-01-000123', '杨浦滨江', '杨浦区建设和管理委员会')")
      try db.execute(sql: """
        INSERT INTO milestone (projectId, kind, category, formedOn, recordedBy, recordedAt)
        VALUES (1, 'bidding.result', 'bidding', '2026-01-05', '王工', '2026-01-05T09:00:00+08:00');
        INSERT INTO disclosure (milestoneId, publishedOn, channel, recordedBy, recordedAt)
        VALUES (1, '2026-01-06', '杨浦区人民政府门户网站', '王工', '2026-01-06T09:00:00+08:00')
        """)
    }
    try old.close()
    // When this version opens it for a command other than init, it refuses it without touching the file
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(throws: StoreError.olderSchema(path, current: version, needed: SQLiteStore.schemaVersions.last!)) {
      try SQLiteStore.open(at: path)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    // When init opens it
    let store = try SQLiteStore.open(at: path, create: true)
    // Then it is migrated, which is a write and so puts it in WAL mode, and the data is intact
    #expect(store.upgradedFrom == version)
    #expect(try store.appliedSchemaVersions() == SQLiteStore.schemaVersions)
    #expect(try journalMode(path) == "wal")
    #expect(try store.project(code: ProjectCode("2024-310110-48-01-000123"))?.name == "杨浦滨江")
    var read: [StoredMilestone] = []
    try store.forEachMilestone(matching: MilestoneFilter()) { read.append($0) }
    #expect(read.map(\.milestone.kind) == ["bidding.result"])
    #expect(read.first?.milestone.disclosures.map(\.publishedOn) == [day("2026-01-06")])
    // Serials are numbered by the migration that adds them; a row written later without one still reads.
    #expect(read.first?.recordedDisclosures.map(\.serial.year) == [2026])
    // A register from before profiles were recorded is kept under the national rules.
    #expect(try store.profile() == "national")
  }

  @Test func refusesToUpgradeADamagedRegisterAndLeavesItAsItWas() throws {
    // Given a register of the first schema whose table of projects has a page overwritten (a disk fault)
    let path = temporaryDatabasePath()
    let old = try DatabaseQueue(path: path)
    try SQLiteStore.migrator.migrate(old, upTo: SQLiteStore.schemaVersions[0])
    try old.write { db in
      try db.execute(sql: "INSERT INTO project (code, name, responsibleUnit) VALUES ('2024-310110-48-01-000123', '杨浦滨江', '杨浦区建设和管理委员会')")
    }
    let (page, pageSize) = try old.read { db in
      (try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'project'")!,
       try Int.fetchOne(db, sql: "PRAGMA page_size")!)
    }
    try old.close()
    let file = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    try file.seek(toOffset: UInt64((page - 1) * pageSize))
    try file.write(contentsOf: Data(repeating: 7, count: 100))
    try file.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    // When init opens it to upgrade it
    // Then it is refused as damaged, not said upgraded, and the file is as it was
    #expect {
      try SQLiteStore.open(at: path, create: true)
    } throws: { error in
      guard case StoreError.damaged(path, _) = error else { return false }
      return true
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func findsADocumentRecordedOnAnotherDayByItsNumberNotByReadingTheKind() throws {
    // Given a register, whose import asks for every new row with a 文号 whether the kind and 文号 are recorded on
    // another day (a date corrected in the file)
    let path = temporaryDatabasePath()
    _ = try SQLiteStore.open(at: path, create: true)
    // When SQLite plans that question
    let plan = try DatabaseQueue(path: path).read { db in
      try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(SQLiteStore.sharingReferenceSQL)", arguments: [1, "k", "ZB-9", "2026-01-05"])
        .map { $0["detail"] as String }
    }
    // Then it seeks the project, kind and 文号 in the index, rather than reading every milestone of the kind in the
    // project (a read per row, quadratic in a project's milestones of one kind)
    #expect(plan == ["SEARCH milestone USING INDEX milestone_natural_key (projectId=? AND kind=? AND <expr>=?)"])
  }

  @Test func findsAMilestoneByAKeyAnAmendmentReplacedWithoutReadingTheProjectsLog() throws {
    // Given a register, whose import asks for every new row of a project that holds an update whether an amendment
    // replaced that key (a file written before it names the milestone by its old date or 文号)
    let path = temporaryDatabasePath()
    _ = try SQLiteStore.open(at: path, create: true)
    // When SQLite plans that question
    let plan = try DatabaseQueue(path: path).read { db in
      try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(SQLiteStore.amendedFromSQL)",
                       arguments: ["2024-310110-48-01-000123", "k", "2026-01-05", "ZB-9"])
        .map { $0["detail"] as String }
    }
    // Then it seeks the key among the keys updates replaced, in the log's order, rather than reading the project's
    // whole change log (a read per row, quadratic in a project's milestones)
    #expect(plan == ["SEARCH c USING INDEX changeLog_milestone_keys_replaced (projectCode=? AND <expr>=? AND <expr>=? AND <expr>=?)",
                     "SEARCH m USING INTEGER PRIMARY KEY (rowid=?)"])
  }

  @Test func findsAMilestonesPublicationCorrectionsBySeekingEachPublicationsLog() throws {
    // Given a register, whose notice export asks for every milestone when its publications were last corrected
    let path = temporaryDatabasePath()
    _ = try SQLiteStore.open(at: path, create: true)
    // When SQLite plans that question
    let subquery = SQLiteStore.publicationCorrectionsSQL
    let plan = try DatabaseQueue(path: path).read { db in
      try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT \(subquery) FROM milestone m").map { $0["detail"] as String }
    }
    // Then it seeks the milestone's publications, and each one's rows in the log, rather than reading every
    // disclosure row of the log for every milestone (hours at a million projects)
    #expect(plan.contains("SEARCH wd USING COVERING INDEX disclosure_on_milestoneId (milestoneId=?)"), "\(plan)")
    #expect(plan.contains("SEARCH c USING INDEX changeLog_by_row (entity=? AND entityId=?)"), "\(plan)")
  }

  /// A reading of the whole register (a check, an export) reads it a project at a time, sorting only each project's
  /// rows: a plan that reads the milestones first sorts the whole register in a temporary B-tree before the first
  /// row comes. (A check of a category or unit is left to SQLite's planner, faster there.)
  @Test(arguments: [false, true])
  func readsTheRegisterAProjectAtATime(fromProjects: Bool) throws {
    let path = temporaryDatabasePath()
    _ = try SQLiteStore.open(at: path, create: true)
    let filters = [MilestoneFilter(), MilestoneFilter(withdrawn: true), MilestoneFilter(projects: [bund.code]),
                   MilestoneFilter(withdrawn: true, publicationCorrections: true)]
    for filter in filters {
      let (sql, arguments) = SQLiteStore.milestoneQuery(filter, fromProjects: fromProjects)
      let plan = try DatabaseQueue(path: path).read { db in
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)", arguments: arguments).map { $0["detail"] as String }
      }
      #expect(plan.first?.hasPrefix("SCAN p USING INDEX sqlite_autoindex_project_1") == true
        || plan.first?.hasPrefix("SEARCH p USING INDEX sqlite_autoindex_project_1 (code=?)") == true, "\(filter): \(plan)")
      #expect(!plan.contains("USE TEMP B-TREE FOR ORDER BY"), "\(filter): \(plan)")
    }
  }

  /// The feed dates a reinstated item by its reinstatement: one seek into the log's index of rows per milestone of a
  /// project ever reinstated, not a read of the log.
  @Test func findsAReinstatementBySeekingTheMilestonesLog() throws {
    let path = temporaryDatabasePath()
    _ = try SQLiteStore.open(at: path, create: true)
    let plan = try DatabaseQueue(path: path).read { db in
      try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT \(SQLiteStore.shownAgainSQL) FROM project p JOIN milestone m ON m.projectId = p.id")
        .map { $0["detail"] as String }
    }
    #expect(plan.contains("SEARCH c USING INDEX changeLog_by_row (entity=? AND entityId=?)"), "\(plan)")
    #expect(!plan.contains { $0.hasPrefix("SCAN c") }, "\(plan)")
  }

  /// The feed dates an item imported again with other values by that import: a seek into the log's index of updates
  /// per milestone, and per update that gave a milestone a unit, one into its project's; never a read of the log's rows
  /// of every milestone.
  @Test func findsAnEditBySeekingTheMilestonesLog() throws {
    let path = temporaryDatabasePath()
    _ = try SQLiteStore.open(at: path, create: true)
    let plan = try DatabaseQueue(path: path).read { db in
      try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT \(SQLiteStore.editedSQL) FROM project p JOIN milestone m ON m.projectId = p.id")
        .map { $0["detail"] as String }
    }
    #expect(plan.contains("SEARCH c USING INDEX changeLog_updates (entity=? AND entityId=?)"), "\(plan)")
    #expect(plan.contains("SEARCH k USING INDEX changeLog_updates (entity=? AND entityId=?)"), "\(plan)")
    #expect(!plan.contains { $0.hasPrefix("SCAN c") || $0.hasPrefix("SCAN k") }, "\(plan)")
  }

  /// Every new project an import reads asks whether its code was corrected away: one seek into the partial index of
  /// the corrections, which holds nothing for a register whose codes never changed, not a read of the log.
  @Test func findsACorrectedCodeBySeekingThePartialIndex() throws {
    let path = temporaryDatabasePath()
    _ = try SQLiteStore.open(at: path, create: true)
    let plan = try DatabaseQueue(path: path).read { db in
      try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(FormerCode.sql)", arguments: ["2024-310110-48-01-000123"]).map { $0["detail"] as String }
    }
    #expect(plan.contains("SEARCH c USING INDEX changeLog_former_codes (<expr>=?)"), "\(plan)")
    #expect(!plan.contains { $0.hasPrefix("SCAN") }, "\(plan)")
  }

  @Test func findsWhenALinkMovedBySeekingThePartialIndexes() throws {
    let path = temporaryDatabasePath()
    _ = try SQLiteStore.open(at: path, create: true)
    let plan = try DatabaseQueue(path: path).read { db in
      try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT \(SQLiteStore.linksMovedSQL) FROM milestone m").map { $0["detail"] as String }
    }
    #expect(plan.contains("SEARCH c USING INDEX changeLog_links_left (<expr>=?)"), "\(plan)")
    #expect(plan.contains("SEARCH c USING INDEX changeLog_links_arrived (<expr>=?)"), "\(plan)")
  }

  @Test func refusesADatabaseFromANewerVersionWithoutTouchingIt() throws {
    let path = temporaryDatabasePath()
    _ = try SQLiteStore.open(at: path, create: true)
    let queue = try DatabaseQueue(path: path)
    try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')") }
    try queue.close()
    #expect(throws: StoreError.newerSchema(path, ["v99-future"])) { try SQLiteStore.open(at: path) }
  }

  @Test func refusesWhatIsNotADatabase() throws {
    let path = temporaryDatabasePath()
    try Data("code,name\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: StoreError.notADatabase(path, .notSQLite)) { try SQLiteStore.open(at: path) }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    #expect(throws: StoreError.notADatabase(folder, .folder)) { try SQLiteStore.open(at: folder) }
    #expect(throws: StoreError.databaseNotFound("/nonexistent/register.sqlite")) { try SQLiteStore.open(at: "/nonexistent/register.sqlite") }
    #expect(throws: StoreError.cannotCreate("/nonexistent/register.sqlite", "folder /nonexistent does not exist; create it first (mkdir -p), or name a register in a folder that does")) {
      try SQLiteStore.open(at: "/nonexistent/register.sqlite", create: true)
    }
  }

  @Test func aWriterHoldingTheLockPastTheTimeoutIsReportedAsBusy() throws {
    let path = temporaryDatabasePath()
    let store = try SQLiteStore.open(at: path, create: true, busyTimeout: 0.2)
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true  // another process's long write, held open on purpose
    let other = try DatabaseQueue(path: path, configuration: configuration)
    try other.inDatabase { try $0.execute(sql: "BEGIN EXCLUSIVE") }
    #expect(throws: StoreError.busy(path)) { try store.addProject(bund, actor: "王工") }
    try other.inDatabase { try $0.execute(sql: "ROLLBACK") }
    try store.addProject(bund, actor: "王工")
  }

  @Test func twoEditsOfAProjectAtOnceKeepBothChanges() throws {
    let path = temporaryDatabasePath()
    let first = try SQLiteStore.open(at: path, create: true)
    try first.addProject(bund, actor: "王工")
    let second = try SQLiteStore.open(at: path, busyTimeout: 0.2)
    func unit(_ project: Project) -> Project {
      var edited = project
      edited.responsibleUnit = "杨浦区建设和管理委员会（重大办）"
      return edited
    }
    _ = try first.updateProject(code: bund.code, actor: "王工", pastMilestones: .keepUnit) { project in
      // Another edit arriving while this one has read the project waits for it (here, past its timeout).
      #expect(throws: StoreError.busy(path)) { try second.updateProject(code: bund.code, actor: "李工", pastMilestones: .keepUnit, unit) }
      var renamed = project
      renamed.name = "杨浦滨江南段公共空间贯通提升工程"
      return renamed
    }
    #expect(try second.updateProject(code: bund.code, actor: "李工", pastMilestones: .keepUnit, unit).changed)
    let stored = try #require(try first.project(code: bund.code))
    #expect(stored.name == "杨浦滨江南段公共空间贯通提升工程")
    #expect(stored.responsibleUnit == "杨浦区建设和管理委员会（重大办）")
  }

  /// Records decode the columns they list: a column a migration adds must be listed, or `audit verify` would compare
  /// rows without it and the audit's reads would drop it.
  @Test func everyRecordListsTheColumnsOfItsTable() throws {
    let store = try SQLiteStore.open(at: temporaryDatabasePath(), create: true)
    let tables: [(String, [String])] = [
      (ProjectRecord.databaseTableName, ProjectRecord.columns), (MilestoneRecord.databaseTableName, MilestoneRecord.columns),
      (DisclosureRecord.databaseTableName, DisclosureRecord.columns), (RegisterRecord.databaseTableName, RegisterRecord.columns),
      (ChangeLogRecord.databaseTableName, ChangeLogRecord.columns),
    ]
    for (table, listed) in tables {
      let columns = try store.read { db in try db.columns(in: table).map(\.name) }
      #expect(Set(listed) == Set(columns), "\(table)")
      #expect(listed.count == columns.count, "\(table)")
    }
  }

  /// A register of one project, opened by an exporter and by a colleague who writes while the export runs.
  func exporterAndColleague() throws -> (exporter: SQLiteStore, colleague: SQLiteStore) {
    let path = temporaryDatabasePath()
    let exporter = try SQLiteStore.open(at: path, create: true)
    try exporter.addProject(school, actor: "王工")
    return (exporter, try SQLiteStore.open(at: path, busyTimeout: 0.2))
  }

  @Test func readsInOneStateDoNotSeeWhatAnotherCommandCommitsMeanwhile() async throws {
    let (exporter, colleague) = try exporterAndColleague()
    let before = try exporter.changeLogHead()
    let seen = try await exporter.readingOneState {
      let head = try exporter.verifiedChangeLogHead()
      // A colleague logs a project while the export runs: in WAL mode the write goes ahead beside the read.
      try colleague.addProject(bund, actor: "李工")
      var codes: [ProjectCode] = []
      try exporter.forEachProject(matching: MilestoneFilter()) { project, _ in codes.append(project.code) }
      return (head, try exporter.changeLogHead(), codes)
    }
    #expect(seen.0 == before)
    #expect(seen.1 == before)
    #expect(seen.2 == [school.code])
    // After it, reads see the register as it is now.
    #expect(try exporter.changeLogHead() != before)
    #expect(try exporter.project(code: bund.code) != nil)
  }

  /// An export's check runs beside it on the state the export reads: a colleague's write after the export began
  /// is in neither, and the check passes on the head the export states.
  @Test func theCheckBesideAnExportReadsTheExportsState() async throws {
    let (exporter, colleague) = try exporterAndColleague()
    let before = try exporter.changeLogHead()
    let stated = try await exporter.readingOneState(verifying: true) { head in
      #expect(head.isCheckedAlongside)
      try colleague.addProject(bund, actor: "李工")
      try await head.confirmed()
      return head.hash
    }
    #expect(stated == before)
    #expect(try exporter.changeLogHead() != before)
  }

  /// A register edited beside its log fails the check, beside the export or before it (when another command holds
  /// the write lock as the export begins, the export does not wait for it: it checks first).
  @Test(arguments: [false, true])
  func aRegisterEditedBesideItsLogFailsTheExportsCheck(writerBusy: Bool) async throws {
    let path = temporaryDatabasePath()
    let exporter = try SQLiteStore.open(at: path, create: true)
    try exporter.addProject(school, actor: "王工")
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let raw = try DatabaseQueue(path: path, configuration: configuration)
    func execute(_ sql: String) throws { try raw.writeWithoutTransaction { try $0.execute(sql: sql) } }
    try execute("UPDATE project SET name = '别的名字'")
    if writerBusy { try execute("BEGIN IMMEDIATE") }
    await #expect(throws: StoreError.differsFromChangeLog(path, "project 1 differs from its last change-log entry in name: edited outside gongkai")) {
      try await exporter.readingOneState(verifying: true) { head in
        #expect(head.isCheckedAlongside == !writerBusy)
        try await head.confirmed()
      }
    }
    if writerBusy { try execute("ROLLBACK") }
    // Without the check, the export reads the register as it is
    let unchecked = try await exporter.readingOneState(verifying: false) { head in
      try await head.confirmed()
      return head.hash
    }
    #expect(unchecked == (try exporter.changeLogHead()))
  }

  /// In a rollback journal too the check runs beside the export; both let writers go when the export ends.
  @Test func theCheckBesideAnExportOfARegisterInARollbackJournal() async throws {
    let path = try registerInARollbackJournal()
    let exporter = try SQLiteStore.open(at: path)
    let head = try exporter.changeLogHead()
    let before = files(path)
    let stated = try await exporter.readingOneState(verifying: true) { head in
      #expect(head.isCheckedAlongside)
      try await head.confirmed()
      return head.hash
    }
    #expect(stated == head)
    // Holding the write lock for a moment wrote nothing: the file is byte for byte as it was
    #expect(files(path) == before)
    try SQLiteStore.open(at: path, busyTimeout: 0.2).addProject(school, actor: "李工")
  }

  /// An export that fails ends the check beside it, and its own error is the one reported.
  @Test func anExportThatFailsEndsItsCheck() async throws {
    let path = temporaryDatabasePath()
    let exporter = try SQLiteStore.open(at: path, create: true)
    try exporter.addProject(school, actor: "王工")
    struct Stop: Error {}
    await #expect(throws: Stop.self) { try await exporter.readingOneState(verifying: true) { _ in throw Stop() } }
    try exporter.addProject(bund, actor: "王工")
  }

  /// A read of one state that fails ends its transaction; a write inside one is refused as gongkai's mistake, and
  /// writes nothing.
  @Test func aReadOfOneStateEndsWhateverBecomesOfIt() async throws {
    let path = temporaryDatabasePath()
    let store = try SQLiteStore.open(at: path, create: true)
    struct Stop: Error {}
    await #expect(throws: Stop.self) { try await store.readingOneState { throw Stop() } }
    try store.addProject(school, actor: "王工")
    await #expect(throws: UnexpectedTransactionState.self) {
      try await store.readingOneState { try store.addProject(bund, actor: "王工") }
    }
    await #expect(throws: UnexpectedTransactionState.self) {
      _ = try await store.readingOneState { try await store.readingOneState { 0 } }
    }
    #expect(try store.project(code: bund.code) == nil)
    try store.addProject(bund, actor: "王工")
  }

  /// In a rollback journal the read holds SQLite's shared lock: another command's write waits for it, up to its
  /// busy timeout.
  @Test func aReadOfOneStateOfARegisterInARollbackJournalHoldsWritersOff() async throws {
    let path = try registerInARollbackJournal()
    let exporter = try SQLiteStore.open(at: path)
    let colleague = try SQLiteStore.open(at: path, busyTimeout: 0.2)
    _ = try await exporter.readingOneState {
      #expect(throws: StoreError.busy(path)) { try colleague.addProject(school, actor: "李工") }
    }
    try colleague.addProject(school, actor: "李工")
  }

  /// What another process sees of the register in the middle of an import: calls `look` at the second document.
  func importing(
    into path: String, exclusive: Bool, busyTimeout: TimeInterval = 10, _ look: @escaping () throws -> Void = {}
  ) throws -> ImportReport {
    let store = try SQLiteStore.open(at: path, create: true, busyTimeout: busyTimeout, exclusiveImports: exclusive)
    let documents = [school, bund].map { ProjectDocument(project: $0, milestones: []) }
    return try store.importProjects(Watched(items: ImportItems(documents), look: look), actor: "导入", progress: nil)
  }

  func projectCount(_ path: String, busyTimeout: TimeInterval = 10) throws -> Int? {
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    return try DatabaseQueue(path: path, configuration: configuration).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM project") }
  }

  func journalMode(_ path: String) throws -> String? {
    try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
  }

  @Test func readersReadTheRegisterAsItWasWhileAnImportRuns() throws {
    let path = temporaryDatabasePath()
    let report = try importing(into: path, exclusive: false) {
      let count = try projectCount(path, busyTimeout: 0.1)
      #expect(count == 0)
    }
    #expect(report.created == 2)
  }

  @Test func anExclusiveImportHasTheRegisterToItselfAndLeavesItInWALMode() throws {
    let path = temporaryDatabasePath()
    let report = try importing(into: path, exclusive: true) {
      // A reader that comes during the import waits for it; here, past its timeout.
      #expect { try projectCount(path, busyTimeout: 0.1) } throws: { ($0 as? DatabaseError)?.resultCode == .SQLITE_BUSY }
    }
    #expect(report.created == 2)
    #expect(try projectCount(path) == 2)
    #expect(try journalMode(path) == "wal")
    #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
  }

  @Test func anExclusiveImportWaitsForACommandThatHasTheRegisterOpen() throws {
    let path = temporaryDatabasePath()
    _ = try SQLiteStore.open(at: path, create: true)
    // A command that stays past the import's busy timeout: the import gives up and writes nothing.
    try DatabaseQueue(path: path).read { db in
      let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM project")
      #expect(count == 0)
      #expect(throws: StoreError.busy(path)) { try importing(into: path, exclusive: true, busyTimeout: 0.2) }
    }
    #expect(try projectCount(path) == 0)
    #expect(try journalMode(path) == "wal")
    // A command that ends within it: the import goes on once it has.
    let reading = DispatchSemaphore(value: 0)
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      try? DatabaseQueue(path: path).read { _ in
        reading.signal()
        Thread.sleep(forTimeInterval: 0.3)
      }
      done.signal()
    }
    reading.wait()
    #expect(try importing(into: path, exclusive: true).created == 2)
    done.wait()
  }

  /// Between the import's switch to a rollback journal and its lock, a command that only reads leaves the
  /// journal as it is; one that writes puts the file back in WAL mode, and the import starts over.
  @Test(arguments: [false, true])
  func anExclusiveImportStartsOverWhenAWriterPutsTheRegisterBackInWALModeFirst(writes: Bool) throws {
    let path = temporaryDatabasePath()
    _ = try SQLiteStore.open(at: path, create: true)
    var switches = 0
    let mode = try DatabaseQueue(path: path).inDatabase { db in
      try SQLiteStore.inRollbackJournal(db, leavingWAL: { db in
        let left = try SQLiteStore.leaveWAL(db)
        switches += 1
        // A command opening the file right after the first switch, before the import's lock.
        if switches == 1 {
          let store = try SQLiteStore.open(at: path)
          if writes { try store.addProject(bund, actor: "王工") } else { #expect(try store.projects(withdrawn: false).isEmpty) }
        }
        return left
      }) { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
    }
    #expect(switches == (writes ? 2 : 1))
    #expect(mode == "delete")
    #expect(try journalMode(path) == "wal")
  }

  /// A register out of WAL mode, as `gongkai backup` writes it, with one project.
  func registerInARollbackJournal() throws -> String {
    let path = temporaryDatabasePath()
    try SQLiteStore.open(at: path, create: true).addProject(bund, actor: "王工")
    #expect(try DatabaseQueue(path: path).inDatabase { try String.fetchOne($0, sql: "PRAGMA journal_mode = DELETE") } == "delete")
    return path
  }

  /// The file's bytes, and which of the files SQLite may put beside it are there.
  func files(_ path: String) -> (Data?, [String]) {
    (FileManager.default.contents(atPath: path),
     ["-wal", "-shm", "-journal"].filter { FileManager.default.fileExists(atPath: path + $0) })
  }

  @Test func readingARegisterInARollbackJournalLeavesItAsItWasUntilAWrite() throws {
    let path = try registerInARollbackJournal()
    let before = files(path)
    #expect(before.1.isEmpty)
    do {
      let store = try SQLiteStore.open(at: path)
      #expect(try store.projects(withdrawn: false).map(\.project.code) == [bund.code])
      #expect(try store.checkAgainstChangeLog().chain.broken == nil)
      #expect(try store.integrityProblems().isEmpty)
      // A write refused leaves it as it was too: it ran through the rollback journal, and rolled back.
      #expect(throws: StoreError.self) { try store.addProject(bund, actor: "王工") }
    }
    #expect(files(path) == before)
    try SQLiteStore.open(at: path).addProject(school, actor: "王工")
    #expect(try journalMode(path) == "wal")
  }

  /// A reader that comes between a write's commit and the switch to WAL mode, as the commands waiting for an
  /// exclusive import do when it ends: the switch is left to the next write rather than waited for.
  @Test func theSwitchToWALModeDoesNotWaitForAReader() throws {
    let path = try registerInARollbackJournal()
    let writer = try DatabaseQueue(path: path, configuration: SQLiteStore.makeConfiguration(busyTimeout: 20))
    try DatabaseQueue(path: path).read { db in
      _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM project")
      let start = ContinuousClock.now
      writer.inDatabase(SQLiteStore.enterWAL)
      #expect(ContinuousClock.now - start < .seconds(10), "the switch waited for the reader")
      #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "delete")
    }
    #expect(try writer.inDatabase { try Int.fetchOne($0, sql: "PRAGMA busy_timeout") } == 20_000)
    try SQLiteStore.open(at: path).addProject(school, actor: "王工")
    #expect(try journalMode(path) == "wal")
  }

  @Test func aRegisterInARollbackJournalIsSharedThroughSQLitesLocksUpToTheBusyTimeout() throws {
    let path = try registerInARollbackJournal()
    let store = try SQLiteStore.open(at: path, busyTimeout: 0.2)
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true  // another process's write, held open on purpose
    let other = try DatabaseQueue(path: path, configuration: configuration)
    // Until it commits, a writer holds back only other writers: a reader reads the register as it was.
    try other.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE; UPDATE project SET name = '杨浦滨江'") }
    #expect(try store.project(code: bund.code)?.name == bund.name)
    try other.inDatabase { try $0.execute(sql: "COMMIT") }
    #expect(try store.project(code: bund.code)?.name == "杨浦滨江")
    // A writer holding the file past the busy timeout: busy, for a command that has it open and one opening it.
    try other.inDatabase { try $0.execute(sql: "BEGIN EXCLUSIVE") }
    #expect(throws: StoreError.busy(path)) { try store.projects(withdrawn: false) }
    #expect(throws: StoreError.busy(path)) { try SQLiteStore.open(at: path, busyTimeout: 0.2) }
    try other.inDatabase { try $0.execute(sql: "ROLLBACK") }
    #expect(try store.projects(withdrawn: false).count == 1)
    // A reader holds back a write's commit in the same way; the write that commits puts the file in WAL mode.
    try other.inDatabase { try $0.execute(sql: "BEGIN; SELECT COUNT(*) FROM project") }
    #expect(throws: StoreError.busy(path)) { try store.addProject(school, actor: "王工") }
    #expect(try journalMode(path) == "delete")
    try other.inDatabase { try $0.execute(sql: "COMMIT") }
    try store.addProject(school, actor: "王工")
    #expect(try journalMode(path) == "wal")
  }
}

/// Import items that call `look` when the second one is read, while the import holds its transaction.
private struct Watched<Element>: ImportSource {
  var items: ImportItems<Element>
  let look: () throws -> Void
  var position = 0

  mutating func next() throws -> Element? {
    position += 1
    if position == 2 { try look() }
    return try items.next()
  }

  mutating func reject(line: Int, field: String, message: String) { items.reject(line: line, field: field, message: message) }
  var expectedCount: Int? { items.expectedCount }
}

/// The change log's hash chain against edits made with another tool.
@Suite struct ChangeChainTests {
  /// A register of a project and two construction permits, one published (four change-log rows), and its file.
  func registerWithTwoPermits() throws -> (store: SQLiteStore, path: String) {
    let path = temporaryDatabasePath()
    let store = try SQLiteStore.open(at: path, create: true)
    try store.addProject(bund, actor: "王工")
    _ = try store.logMilestone(permit(published: "2026-02-27"), project: bund.code, changing: nil, actor: "王工")
    _ = try store.logMilestone(permit("2026-03-02"), project: bund.code, changing: nil, actor: "李工")
    return (store, path)
  }

  /// Runs `sql` on the register's file through a connection of another tool.
  func edit(_ path: String, _ sql: String) throws {
    let raw = try DatabaseQueue(path: path)
    try raw.write { try $0.execute(sql: sql) }
    try raw.close()
  }

  /// The chain of the register with two permits once `tamper` has run.
  func tamperedRegister(_ tamper: String) throws -> ChainVerification {
    let (store, path) = try registerWithTwoPermits()
    #expect(try store.checkAgainstChangeLog().chain.broken == nil)
    try edit(path, tamper)
    return try store.checkAgainstChangeLog().chain
  }

  /// A register kept under Shanghai's rules, its profile then edited with another tool.
  func registerWithProfileEdited(_ tamper: String) throws -> SQLiteStore {
    let path = temporaryDatabasePath()
    let store = try SQLiteStore.open(at: path, create: true)
    try store.addProject(bund, actor: "王工")
    _ = try store.setProfile(rules("national+shanghai"), actor: "管理员", today: day("2026-12-02"))
    let raw = try DatabaseQueue(path: path)
    try raw.write { try $0.execute(sql: tamper) }
    try raw.close()
    return store
  }

  @Test(arguments: [
    ("UPDATE register SET profile = 'national'", LogDivergence.Kind.altered),
    ("DELETE FROM register", .deleted),
  ])
  func aProfileEditedOutsideGongkaiIsNamedAndNotWrittenOver(tamper: String, kind: LogDivergence.Kind) throws {
    let store = try registerWithProfileEdited(tamper)
    #expect(try store.checkAgainstChangeLog().chain.broken == nil)
    let divergences = try store.checkAgainstChangeLog(divergenceLimit: 10).divergences()
    #expect(divergences.map { [$0.entity, "\($0.id)"] } == [["register", "1"]] && divergences.map(\.kind) == [kind])
    // An altered profile is named with the profile the log recorded, which a restore puts back
    #expect(divergences.flatMap(\.fields) == (kind == .altered
      ? [LogDivergence.FieldDifference(field: "profile", stored: #""national""#, logged: #""national+shanghai""#)] : []))
    #expect(throws: StoreError.self) { try store.setProfile(rules("national+shanghai"), actor: "管理员", today: day("2026-12-02")) }
  }

  @Test func aProfileInsertedOutsideGongkaiIsNamed() throws {
    let path = temporaryDatabasePath()
    let store = try SQLiteStore.open(at: path, create: true)
    let raw = try DatabaseQueue(path: path)
    try raw.write { try $0.execute(sql: "INSERT INTO register (id, profile) VALUES (1, 'national+shanghai')") }
    try raw.close()
    #expect(try store.checkAgainstChangeLog(divergenceLimit: 10).divergences() == [LogDivergence(entity: "register", id: 1, kind: .unlogged)])
  }

  @Test func anIntactChainVerifiesAndItsHeadIsTheLastHash() throws {
    let store = try SQLiteStore.inMemory()
    try store.addProject(bund, actor: "王工")
    let result = try store.checkAgainstChangeLog().chain
    #expect(result == ChainVerification(rows: 1, head: try store.changeLogHead(), broken: nil))
    #expect(result.head.count == 64)
  }

  @Test func anEditedRowIsNamed() throws {
    #expect(try tamperedRegister("UPDATE changeLog SET actor = 'mallory' WHERE id = 3").broken == .altered(3))
    #expect(try tamperedRegister("UPDATE changeLog SET after = replace(after, '2026-02-27', '2026-02-20') WHERE id = 3").broken == .altered(3))
  }

  @Test func aDeletedRowIsNamed() throws {
    #expect(try tamperedRegister("DELETE FROM changeLog WHERE id = 2").broken == .missing(from: 2, to: 2, before: 3))
    #expect(try tamperedRegister("DELETE FROM changeLog WHERE id = (SELECT MAX(id) FROM changeLog)").broken
      == .missing(from: 4, to: 4, before: nil))
  }

  @Test func reorderedRowsAreNamed() throws {
    let swap = """
      UPDATE changeLog SET id = -1 WHERE id = 2; UPDATE changeLog SET id = 2 WHERE id = 3; UPDATE changeLog SET id = 3 WHERE id = -1;
      """
    #expect(try tamperedRegister(swap).broken == .altered(2))
  }

  @Test func anInsertedRowIsNamed() throws {
    let insert = """
      INSERT INTO changeLog (at, actor, action, entity, entityId, projectCode, before, after, hash)
      VALUES ('2026-03-03T09:00:00+08:00', '王工', 'insert', 'milestone', 99, '2024-310110-48-01-000123', NULL, '{}', 'forged')
      """
    #expect(try tamperedRegister(insert).broken == .altered(5))
  }

  @Test func ofTwoBreaksTheOneLowestInTheLogIsNamedWithTheRowsBeforeIt() throws {
    // Given a register of five change-log rows, whose row 3 was deleted and row 4 edited with another tool
    let (store, path) = try registerWithTwoPermits()
    _ = try store.logMilestone(permit("2026-03-09"), project: bund.code, changing: nil, actor: "李工")
    let hashes = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT hash FROM changeLog ORDER BY id") }
    try edit(path, "DELETE FROM changeLog WHERE id = 3; UPDATE changeLog SET actor = 'mallory' WHERE id = 4")
    // When the chain is checked, with the head an export stated after row 1, and with one stated after row 4
    let early = try store.checkAgainstChangeLog(publishedHead: hashes[0]).chain
    let late = try store.checkAgainstChangeLog(publishedHead: hashes[3]).chain
    // Then the break named is the first in the log, after the two rows that hold, whose head is row 2's hash
    #expect(early == ChainVerification(rows: 2, head: hashes[1], broken: .missing(from: 3, to: 3, before: 4), publishedHeadRow: 1))
    // And a head stated after the break is not vouched for
    #expect(late.publishedHeadRow == nil)
  }

  @Test func theFirstRowsThatDifferFromTheLogAreNamedTableByTableInOrderOfId() throws {
    // Given a register whose milestones, disclosure and projects were edited beside an intact log
    let (store, path) = try registerWithTwoPermits()
    try edit(path, """
      DELETE FROM milestone WHERE id = 2;
      INSERT INTO project (code, name, responsibleUnit) VALUES ('2024-310110-48-01-000999', '无记录', '某单位');
      UPDATE milestone SET summary = '改过' WHERE id = 1;
      UPDATE disclosure SET url = 'https://forged.example' WHERE id = 1;
      """)
    // When the register is compared with the log
    let divergences = try store.checkAgainstChangeLog(divergenceLimit: 10).divergences()
    // Then the chain holds, and every row that differs is named: disclosures, then milestones, then projects
    #expect(try store.checkAgainstChangeLog().chain.broken == nil)
    #expect(divergences == [
      LogDivergence(entity: "disclosure", id: 1, kind: .altered, fields: [.init(field: "url", stored: #""https://forged.example""#, logged: #""https://example.gov.cn/1""#)]),
      LogDivergence(entity: "milestone", id: 1, kind: .altered, fields: [.init(field: "summary", stored: #""改过""#, logged: #""核发施工许可证""#)]),
      LogDivergence(entity: "milestone", id: 2, kind: .deleted), LogDivergence(entity: "project", id: 2, kind: .unlogged),
    ])
    // And a limit keeps the first of them
    #expect(try store.checkAgainstChangeLog(divergenceLimit: 2).divergences() == Array(divergences.prefix(2)))
  }

  /// Earlier versions wrote a column without a value as null, where it is now left out: either is none, and a row is
  /// named as altered exactly when a column is named as differing.
  @Test func aLoggedNullIsAColumnWithoutAValue() throws {
    let (store, path) = try registerWithTwoPermits()
    try edit(path, "UPDATE changeLog SET after = json_set(after, '$.withdrawnReason', json('null')) WHERE entity = 'milestone'")
    #expect(try store.checkAgainstChangeLog(divergenceLimit: 10).divergences().isEmpty)
    try edit(path, "UPDATE changeLog SET after = json_set(after, '$.summary', json('null')) WHERE entity = 'milestone' AND entityId = 1")
    #expect(try store.checkAgainstChangeLog(divergenceLimit: 10).divergences() == [
      LogDivergence(entity: "milestone", id: 1, kind: .altered, fields: [.init(field: "summary", stored: #""核发施工许可证""#, logged: nil)]),
    ])
  }

  @Test func aSecondRowOfAnIdIsNamedAsARowNoChangeMet() throws {
    // Given a register whose disclosure table was rebuilt without its primary key and a row of it copied
    let (store, path) = try registerWithTwoPermits()
    try edit(path, """
      CREATE TABLE copy AS SELECT * FROM disclosure; DROP TABLE disclosure; ALTER TABLE copy RENAME TO disclosure;
      INSERT INTO disclosure SELECT * FROM disclosure WHERE id = 1;
      """)
    // Then the copy is named: no change of the log made it
    #expect(try store.checkAgainstChangeLog().divergences() == [LogDivergence(entity: "disclosure", id: 1, kind: .unlogged)])
  }

  @Test func aRowChangedTwiceIsComparedWithItsLastChange() throws {
    // Given a milestone recorded, then amended
    let path = temporaryDatabasePath()
    let store = try SQLiteStore.open(at: path, create: true)
    try store.addProject(bund, actor: "王工")
    let stored = try store.logMilestone(permit("2026-03-02"), project: bund.code, changing: nil, actor: "王工")
    _ = try store.amendMilestone(id: stored.milestone.id, MilestoneAmendment(summary: "补充", reason: "补正"), actor: "李工")
    // Then the register holds what the log last recorded, though not what it first recorded
    #expect(try store.checkAgainstChangeLog().divergences().isEmpty)
    // When the amendment is undone with another tool
    try edit(path, "UPDATE milestone SET summary = '核发施工许可证', amendmentReason = NULL")
    // Then the milestone is named, though it holds what its first change recorded, with what the amendment had made
    // of each column, as JSON writes the values
    #expect(try store.checkAgainstChangeLog().divergences() == [LogDivergence(entity: "milestone", id: stored.milestone.id, kind: .altered, fields: [
      .init(field: "amendmentReason", stored: nil, logged: #""补正""#), .init(field: "summary", stored: #""核发施工许可证""#, logged: #""补充""#),
    ])])
  }

  /// A verifier outside gongkai recomputes the chain from this encoding; the vector was computed with Python's
  /// hashlib from the description in ``ChangeChain``.
  @Test func theHashFollowsTheDocumentedEncoding() {
    let row = ChangeLogRecord(
      id: 12, at: "2026-03-02T09:00:00+08:00", actor: "王工", action: "insert", entity: "milestone", entityId: -3,
      projectCode: "2024-310110-48-01-000123", before: nil, after: #"{"a":"引号"}"#, hash: nil)
    #expect(ChangeChain.hash(previous: String(repeating: "ab", count: 32), row)
      == "e56c7fff7dc81cc374e332515903efb0acd36653c0fff5ee8cf94e37869cae19")
  }

  @Test func aHeadPublishedBeforeTheEndOfTheLogWasCutIsNoLongerOnTheChain() throws {
    let path = temporaryDatabasePath()
    let store = try SQLiteStore.open(at: path, create: true)
    try store.addProject(bund, actor: "王工")
    _ = try store.logMilestone(permit("2026-03-02"), project: bund.code, changing: nil, actor: "王工")
    let published = try store.changeLogHead()
    _ = try store.logMilestone(permit("2026-03-09"), project: bund.code, changing: nil, actor: "王工")
    #expect(try store.checkAgainstChangeLog(publishedHead: published).chain.publishedHeadRow == 2)
    #expect(try store.checkAgainstChangeLog(publishedHead: String(repeating: "0", count: 64)).chain.publishedHeadRow == nil)
    let raw = try DatabaseQueue(path: path)
    try raw.write { try $0.execute(sql: "DELETE FROM changeLog WHERE id >= 2; UPDATE sqlite_sequence SET seq = 1 WHERE name = 'changeLog'") }
    try raw.close()
    let cut = try store.checkAgainstChangeLog(publishedHead: published).chain
    #expect(cut.broken == nil)
    #expect(cut.publishedHeadRow == nil)
  }

  @Test func aWriteAfterTheLastRowWasDeletedLeavesTheGapVisible() throws {
    let path = temporaryDatabasePath()
    let store = try SQLiteStore.open(at: path, create: true)
    try store.addProject(bund, actor: "王工")
    _ = try store.logMilestone(permit("2026-03-02"), project: bund.code, changing: nil, actor: "王工")
    let raw = try DatabaseQueue(path: path)
    try raw.write { try $0.execute(sql: "DELETE FROM changeLog WHERE id = 2") }
    try raw.close()
    _ = try store.logMilestone(permit("2026-03-09"), project: bund.code, changing: nil, actor: "王工")
    // The new row takes id 3, as AUTOINCREMENT would, so the deletion cannot be papered over.
    #expect(try store.checkAgainstChangeLog().chain.broken == .missing(from: 2, to: 2, before: 3))
  }

  @Test func oneImportTransactionExtendsTheChainRowByRow() throws {
    let store = try SQLiteStore.inMemory()
    try store.addProject(bund, actor: "王工")
    var documents: [ProjectDocument] = []
    for serial in 1...20 {
      let code = try ProjectCode("2024-310110-48-01-\(String(100_000 + serial))")
      documents.append(ProjectDocument(
        project: Project(code: code, name: "项目\(serial)", responsibleUnit: "杨浦区建设和管理委员会"),
        milestones: [permit(published: "2026-02-27"), permit("2026-03-02")]))
    }
    _ = try store.importProjects(ImportItems(documents), actor: "导入", progress: nil)
    _ = try store.logMilestone(permit("2026-03-09"), project: bund.code, changing: nil, actor: "王工")
    // 1 project; 20 × (project, 2 milestones, 1 disclosure); 1 milestone.
    #expect(try store.checkAgainstChangeLog().chain == ChainVerification(rows: 82, head: try store.changeLogHead(), broken: nil))
  }
}

/// The change log's values are written by hand for speed; they must read exactly as JSONEncoder wrote them.
@Suite struct ChangeLogValueTests {
  static let awkward = "引号\"与\\反斜杠/斜杠\n换行\t制表\r\u{1}\u{1F}\u{8}\u{C}\u{7F}😀"

  func encoded(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }

  @Test func everyRecordReadsAsJSONEncoderWritesIt() throws {
    let project = ProjectRecord(id: 7, code: "2024-310110-48-01-000123", name: Self.awkward, legalPerson: "甲", location: nil,
                                totalInvestment: "12.5", responsibleUnit: "杨浦区")
    let reinstated = ProjectRecord(id: 8, code: "2024-310110-48-01-000124", name: "工程", legalPerson: nil, location: "杨浦区",
                                   totalInvestment: nil, responsibleUnit: "杨浦区", withdrawnReason: Self.awkward,
                                   reinstatedReason: Self.awkward)
    let milestone = MilestoneRecord(
      id: 9, projectId: 7, kind: "approval.result.permit", category: "approval", formedOn: "2026-03-02", reference: nil,
      summary: Self.awkward, responsibleUnit: "单位", changesId: 3, withdrawnReason: nil, recordedBy: "王工",
      recordedAt: "2026-03-02T09:00:00+08:00")
    let bare = MilestoneRecord(
      id: nil, projectId: 7, kind: "k", category: "c", formedOn: "2026-03-02", reference: "沪〔2026〕1号", summary: nil,
      responsibleUnit: nil, changesId: nil, withdrawnReason: "重复", recordedBy: "王工", recordedAt: "t")
    var back = milestone
    back.reinstatedReason = Self.awkward
    let disclosure = DisclosureRecord(
      id: 11, milestoneId: 9, publishedOn: "2026-03-03", channel: "门户", url: "https://example.gov.cn/a?b=c&d=\"e\"",
      until: "2026-04-01", withdrawnReason: nil, recordedBy: "王工", recordedAt: "t", serialYear: 2026, serial: 12)
    #expect(project.changeValues.text == (try encoded(project)))
    #expect(reinstated.changeValues.text == (try encoded(reinstated)))
    #expect(milestone.changeValues.text == (try encoded(milestone)))
    #expect(bare.changeValues.text == (try encoded(bare)))
    #expect(back.changeValues.text == (try encoded(back)))
    #expect(disclosure.changeValues.text == (try encoded(disclosure)))
    var republished = disclosure
    republished.reinstatedReason = Self.awkward
    #expect(republished.changeValues.text == (try encoded(republished)))
  }
}

@Suite struct ClockTests {
  @Test func nowIsAnInstantInChinaStandardTime() throws {
    let stamp = SQLiteStore.now()
    #expect(stamp.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00/) != nil)
    let parsed = try #require(ISO8601DateFormatter().date(from: stamp))
    #expect(abs(parsed.timeIntervalSinceNow) < 5)
  }
}
