import GRDB
import GongkaiCore

/// Registering, editing, withdrawing, reinstating and recoding projects, and what the register knows of them.
extension SQLiteStore {
  public func addProject(_ project: Project, actor: String) throws {
    try logged(actor: actor) { write in
      if let registered = try projectRecord(code: project.code.rawValue, write.db) {
        try registered.requireInForce()
        throw StoreError.duplicateProject(project.code.rawValue)
      }
      if let correction = try codeCorrection(of: project.code.rawValue, write.db) { throw correction.refusal }
      if let namesake = try namesake(of: project, write.db) { throw namesake }
      var record = ProjectRecord(inserting: project)
      try write.insert(&record, project: record.code)
    }
  }

  /// The refusal of a new project whose code is one or two characters off a registered project's of the same name
  /// (``StoreError/namesakeProject(_:registered:name:)``); `nil` when no such project is registered. Codes of one
  /// year and division are a serial apart, so a near code alone says nothing; with the name, it says a typo. Through
  /// the codes' index, for one project (an import asks once for all it registers).
  func namesake(of project: Project, _ db: Database) throws -> StoreError? {
    try codesNear(project.code, db).first { near in
      try String.fetchOne(db, sql: "SELECT name FROM project WHERE code = ?", arguments: [near.code]) == project.name
    }.map { StoreError.namesakeProject(project.code.rawValue, registered: $0.code, name: project.name) }
  }

  public func updateProject(code: ProjectCode, actor: String, pastMilestones: PastMilestones,
                            _ change: (Project) throws -> Project) throws -> ProjectUpdate {
    try logged(actor: actor) { write in
      let old = try projectRecord(code, write.db)
      var record = ProjectRecord(try change(try old.project()), replacing: old)
      record.code = old.code  // a project's identity: an edit cannot move its history to another code
      if record.name != old.name, case .namesakeProject(_, let registered, let name)? = try namesake(of: try record.project(), write.db) {
        throw StoreError.namesakeRename(old.code, registered: registered, name: name)
      }
      var update = ProjectUpdate()
      update.changed = try write.update(record, from: old, project: old.code)
      guard record.responsibleUnit != old.responsibleUnit else {
        if pastMilestones == .reattribute { try moveMilestonesKeptUnderFormerUnit(of: old, &update, write) }
        return update
      }
      update.formerUnit = old.responsibleUnit
      let settled = try settleUnit(ofMilestonesOf: old, recordedThrough: .max, pastMilestones, write)
      switch pastMilestones {
      case .keepUnit: update.keptFormerUnit = settled.answered
      case .reattribute: update.reattributed = settled.answered
      }
      update.withdrawnAmongThem = settled.withdrawn
      return update
    }
  }

  /// Asked to move the past to the unit the project already has: the edit that changed it kept the milestones under
  /// the unit before (as it said, naming `--for-past-milestones`), and they move now, logged.
  private func moveMilestonesKeptUnderFormerUnit(of project: ProjectRecord, _ update: inout ProjectUpdate, _ write: RegisterWrite) throws {
    guard let change = try Row.fetchOne(write.db, sql: """
      SELECT id, json_extract(before, '$.responsibleUnit') FROM changeLog
      WHERE entity = 'project' AND entityId = ? AND action = 'update'
        AND json_extract(before, '$.responsibleUnit') IS NOT json_extract(after, '$.responsibleUnit')
      ORDER BY id DESC LIMIT 1
      """, arguments: [project.id!]), let former = change[1] as String?, former != project.responsibleUnit
    else { return }
    // Those recorded before the change, which it kept: one logged since under the former unit named it on purpose.
    let codes = try project.loggedCodes(write.db)
    let last = try Int64.fetchOne(write.db, sql: """
      SELECT max(entityId) FROM changeLog
      WHERE projectCode IN (\(databaseQuestionMarks(count: codes.count))) AND entity = 'milestone' AND action = 'insert' AND id < ?
      """, arguments: StatementArguments(codes) + [change[0] as Int64]) ?? 0
    let kept = try MilestoneRecord.fetchAll(write.db, sql: """
      SELECT * FROM milestone WHERE projectId = ? AND responsibleUnit = ? AND id <= ? ORDER BY id
      """, arguments: [project.id!, former, last])
    for milestone in kept {
      var moved = milestone
      moved.responsibleUnit = nil
      _ = try write.update(moved, from: milestone, project: project.code)
    }
    update.formerUnit = former
    update.reattributed = kept.count
    update.withdrawnAmongThem = kept.count { $0.withdrawnReason != nil }
  }

  /// After a project's responsible unit changed from `old`'s: every milestone the old unit answers for, up to id
  /// `last`, keeps it as its own (`keepUnit`) or follows the project to the new one (`reattribute`), logged; returns
  /// how many the old unit answered for, how many of them changed (those naming it themselves keep it as it is) and
  /// how many of them are withdrawn.
  /// Withdrawn ones too (the audit CSV lists them): those taking the project's unit, and those naming it
  /// themselves, by the milestones' project index.
  func settleUnit(ofMilestonesOf old: ProjectRecord, recordedThrough last: Int64, _ pastMilestones: PastMilestones,
                  _ write: RegisterWrite) throws -> (answered: Int, changed: Int, withdrawn: Int) {
    let past = try MilestoneRecord.fetchAll(write.db, sql: """
      SELECT * FROM milestone WHERE projectId = ? AND (responsibleUnit IS NULL OR responsibleUnit = ?) AND id <= ? ORDER BY id
      """, arguments: [old.id!, old.responsibleUnit, last])
    var changed = 0
    for milestone in past {
      var settled = milestone
      switch pastMilestones {
      case .keepUnit: settled.responsibleUnit = old.responsibleUnit
      case .reattribute: settled.responsibleUnit = nil
      }
      if try write.update(settled, from: milestone, project: old.code) { changed += 1 }
    }
    return (past.count, changed, past.count { $0.withdrawnReason != nil })
  }

  public func handOverProjects(of former: String, to unit: String, pastMilestones: PastMilestones, confirmed: Bool,
                               actor: String) throws -> UnitHandOver {
    /// Carries what the change did out of the transaction it rolls back.
    struct Unconfirmed: Error { let handOver: UnitHandOver }
    do {
      return try logged(actor: actor) { write in
        let handOver = try handOver(of: former, to: unit, pastMilestones, write)
        if !confirmed { throw Unconfirmed(handOver: handOver) }
        return handOver
      }
    } catch let unconfirmed as Unconfirmed {
      return unconfirmed.handOver
    }
  }

  private func handOver(of former: String, to unit: String, _ pastMilestones: PastMilestones, _ write: RegisterWrite) throws
    -> UnitHandOver
  {
    var handOver = UnitHandOver()
    let projects = try ProjectRecord.fetchAll(write.db, sql: """
      SELECT * FROM project WHERE responsibleUnit = ? AND withdrawnReason IS NULL ORDER BY id
      """, arguments: [former])
    for old in projects {
      var record = old
      record.responsibleUnit = unit
      _ = try write.update(record, from: old, project: old.code)
      let settled = try settleUnit(ofMilestonesOf: old, recordedThrough: .max, pastMilestones, write)
      switch pastMilestones {
      case .keepUnit: handOver.keptFormerUnit += settled.answered
      case .reattribute: handOver.reattributed += settled.answered
      }
      handOver.withdrawnAmongThem += settled.withdrawn
    }
    handOver.projects = projects.count
    // Milestones of projects in force that name the former unit themselves: left under it, as their own unit was
    // given on purpose, unless the past moves; then to the new unit, or to their project's when that is the new one.
    let named = try Row.fetchAll(write.db, sql: """
      SELECT m.*, p.code AS projectCode, p.responsibleUnit AS projectUnit FROM milestone m JOIN project p ON p.id = m.projectId
      WHERE m.responsibleUnit = ? AND p.withdrawnReason IS NULL ORDER BY m.id
      """, arguments: [former])
    if pastMilestones == .reattribute {
      for row in named {
        let milestone = try MilestoneRecord(row: row)
        var moved = milestone
        moved.responsibleUnit = row["projectUnit"] == unit ? nil : unit
        _ = try write.update(moved, from: milestone, project: row["projectCode"])
        if milestone.withdrawnReason != nil { handOver.withdrawnAmongThem += 1 }
      }
      handOver.reattributed += named.count
    }
    guard handOver.projects > 0 || handOver.reattributed > 0 else {
      throw StoreError.noProjectOfUnit(former, ownMilestones: named.count)
    }
    handOver.withdrawnProjectsLeft = try Int.fetchOne(write.db, sql: """
      SELECT COUNT(*) FROM project WHERE responsibleUnit = ? AND withdrawnReason IS NOT NULL
      """, arguments: [former]) ?? 0
    return handOver
  }

  public func withdrawProject(code: ProjectCode, reason: String, actor: String) throws -> ProjectWithdrawal {
    try logged(actor: actor) { write in
      var (old, taken, withdrawal) = try withdrawalPlan(code, write.db)
      guard withdrawal.alreadyWithdrawn == nil else { return withdrawal }
      // Its milestones first, each logged as `withdraw` does, so that each one's history, audit row and feed entry
      // say so; the changes among them go with what they change, so no link is left naming a withdrawn one.
      for milestone in taken {
        var withdrawn = milestone
        withdrawn.withdrawnReason = ProjectWithdrawal.milestoneReason(reason)
        _ = try write.update(withdrawn, from: milestone, project: old.code)
      }
      var record = old
      record.withdrawnReason = reason
      _ = try write.update(record, from: old, project: old.code)
      withdrawal.project.withdrawnReason = reason
      return withdrawal
    }
  }

  public func previewProjectWithdrawal(code: ProjectCode) throws -> ProjectWithdrawal {
    try read { db in try withdrawalPlan(code, db).withdrawal }
  }

  /// What withdrawing `code` does, found as the write finds it: the project's row, its milestones in force (none when
  /// it is withdrawn already), and what goes off the notices with them.
  private func withdrawalPlan(_ code: ProjectCode, _ db: Database) throws
    -> (old: ProjectRecord, taken: [MilestoneRecord], withdrawal: ProjectWithdrawal)
  {
    guard let old = try projectRecord(code: code.rawValue, db) else { throw try missingProject(code, db) }
    var withdrawal = ProjectWithdrawal(project: try old.project())
    if let earlier = old.withdrawnReason {
      withdrawal.alreadyWithdrawn = earlier
      return (old, [], withdrawal)
    }
    let inForce = try milestones(of: old, withdrawnFor: nil, db)
    (withdrawal.milestones, withdrawal.publications) = (inForce.records.count, inForce.publications)
    return (old, inForce.records, withdrawal)
  }

  public func reinstateProject(code: ProjectCode, reason: String, actor: String) throws -> ProjectReinstatement {
    try logged(actor: actor) { write in
      var (old, taken, reinstatement) = try reinstatementPlan(code, write.db)
      guard !reinstatement.wasInForce else { return reinstatement }
      var record = old
      record.withdrawnReason = nil
      record.reinstatedReason = reason
      _ = try write.update(record, from: old, project: old.code, action: "reinstate")
      for milestone in taken {
        var restored = milestone
        restored.withdrawnReason = nil
        // As its withdrawal gave each the project's reason, marked: the milestone's history and audit row say why.
        restored.reinstatedReason = RegisterText.projectReinstatementMark + reason
        _ = try write.update(restored, from: milestone, project: old.code, action: "reinstate")
      }
      reinstatement.project.withdrawnReason = nil
      return reinstatement
    }
  }

  public func previewProjectReinstatement(code: ProjectCode) throws -> ProjectReinstatement {
    try read { db in try reinstatementPlan(code, db).reinstatement }
  }

  /// What reinstating `code` does, found as the write finds it: the project's row, the milestones its withdrawal took
  /// (none while it is in force), and what comes back on the notices with them.
  private func reinstatementPlan(_ code: ProjectCode, _ db: Database) throws
    -> (old: ProjectRecord, taken: [MilestoneRecord], reinstatement: ProjectReinstatement)
  {
    guard let old = try projectRecord(code: code.rawValue, db) else { throw try missingProject(code, db) }
    var reinstatement = ProjectReinstatement(project: try old.project())
    guard let withdrawnFor = old.withdrawnReason else {
      reinstatement.wasInForce = true
      return (old, [], reinstatement)
    }
    // The milestones its withdrawal took, by their marked reason, as a project file of it states them; one withdrawn
    // on its own before was a mistake of its own, and stays withdrawn.
    let taken = try milestones(of: old, withdrawnFor: ProjectWithdrawal.milestoneReason(withdrawnFor), db)
    (reinstatement.milestones, reinstatement.publications) = (taken.records.count, taken.publications)
    return (old, taken.records, reinstatement)
  }

  public func recodeProject(code: ProjectCode, to newCode: ProjectCode, reason: String, actor: String) throws -> ProjectRecode {
    try logged(actor: actor) { write in
      let (old, recode) = try recodePlan(code, to: newCode, write.db)
      guard let old else { return recode }
      var record = old
      record.code = newCode.rawValue
      record.recodedReason = reason
      _ = try write.update(record, from: old, project: newCode.rawValue, action: "recode")
      return recode
    }
  }

  public func previewRecode(code: ProjectCode, to newCode: ProjectCode) throws -> ProjectRecode {
    try read { db in try recodePlan(code, to: newCode, db).recode }
  }

  /// What correcting `code` to `newCode` does, checked as the write checks it: the project's row to change (`nil` when
  /// it has the new code already), and what moves with it.
  private func recodePlan(_ code: ProjectCode, to newCode: ProjectCode, _ db: Database) throws
    -> (old: ProjectRecord?, recode: ProjectRecode)
  {
    guard let old = try projectRecord(code: code.rawValue, db) else {
      // Moved there already (the command run twice, or by another clerk between a preview and the write).
      if let moved = try projectRecord(code: newCode.rawValue, db), try codeCorrection(of: code.rawValue, db)?.project == moved.id {
        var recode = ProjectRecode(project: try moved.project())
        recode.alreadyRecoded = true
        return (nil, recode)
      }
      throw try missingProject(code, db)
    }
    try old.requireInForce()
    if let holder = try projectRecord(code: newCode.rawValue, db) {
      throw StoreError.codeTaken(newCode.rawValue, project: holder.name, .init(withdrawnReason: holder.withdrawnReason),
                                 from: code.rawValue)
    }
    if let earlier = try codeCorrection(of: newCode.rawValue, db), earlier.project != old.id {
      throw StoreError.codeTaken(newCode.rawValue, project: earlier.name, .formerly(now: earlier.code, reason: earlier.reason),
                                 from: code.rawValue)
    }
    var recode = ProjectRecode(project: try old.project())
    let inForce = try milestones(of: old, withdrawnFor: nil, db)
    (recode.milestones, recode.publications) = (inForce.records.count, inForce.publications)
    return (old, recode)
  }


  public func codeCorrection(of code: ProjectCode) throws -> CodeCorrection? {
    try read { db in
      try codeCorrection(of: code.rawValue, db).map {
        CodeCorrection(code: try ProjectCode.stored($0.code), name: $0.name, reason: $0.reason)
      }
    }
  }

  public func codeCorrections() throws -> [LoggedRecode] {
    // The corrections' own partial index, empty in a register whose codes were never corrected: the log's index of
    // rows would read every project's rows.
    try read { db in
      try Row.fetchAll(db, sql: """
        SELECT json_extract(c.before, '$.code'), p.code, c.at, json_extract(c.after, '$.recodedReason')
        FROM changeLog c INDEXED BY changeLog_former_codes
        JOIN project p ON p.id = c.entityId
        WHERE c.entity = 'project' AND c.action = 'recode'
        ORDER BY c.id
        """).map { row in
        LoggedRecode(former: try ProjectCode.stored(row[0]), current: try ProjectCode.stored(row[1]), at: row[2], reason: row[3] ?? "")
      }
    }
  }

  public func projectLabelChanges() throws -> [ProjectCode: ProjectLabelChanges] {
    // The log's updates of projects, by its index of updates: an import adds none.
    try read { db in
      var changes: [ProjectCode: ProjectLabelChanges] = [:]
      for row in try Row.fetchAll(db, sql: """
        SELECT p.code, max(CASE WHEN renamed THEN c.at END), max(CASE WHEN moved THEN c.at END)
        FROM (SELECT entityId, at,
                json_extract(before, '$.name') IS NOT json_extract(after, '$.name') AS renamed,
                json_extract(before, '$.responsibleUnit') IS NOT json_extract(after, '$.responsibleUnit') AS moved
              FROM changeLog INDEXED BY changeLog_updates
              WHERE entity = 'project' AND action = 'update') c
        JOIN project p ON p.id = c.entityId
        WHERE c.renamed OR c.moved
        GROUP BY p.id
        """) {
        changes[try ProjectCode.stored(row[0])] = ProjectLabelChanges(renamedAt: row[1], unitChangedAt: row[2])
      }
      return changes
    }
  }

  /// The project `code` was corrected away from, as it stands now. A code is looked up here only once no project has it.
  func codeCorrection(of code: String, _ db: Database) throws -> FormerCode? {
    try Row.fetchOne(db.cachedStatement(sql: FormerCode.sql.description), arguments: [code]).map { try FormerCode(former: code, $0) }
  }

  /// Why no project has `code`: it was corrected away, or never registered.
  func missingProject(_ code: ProjectCode, _ db: Database) throws -> StoreError {
    try codeCorrection(of: code.rawValue, db)?.refusal ?? StoreError.unknownProject(code.rawValue, meant: codesMeant(by: code, db))
  }

  public func projectCodes(meantBy code: ProjectCode) throws -> [ProjectCode] {
    try read { db in try codesMeant(by: code, db).map(ProjectCode.stored) }
  }

  /// ``projectCodes(meantBy:)`` within a transaction: the codes nearest `code` (``codesNear(_:_:)``), when few are. A
  /// register's serials run in sequence, so many codes are two characters off a mistyped one; the one a single
  /// character off is still the one meant.
  func codesMeant(by code: ProjectCode, _ db: Database) throws -> [String] {
    let near = try codesNear(code, db)
    guard let closest = near.map(\.distance).min() else { return [] }
    let nearest = near.filter { $0.distance == closest }.map(\.code)
    return nearest.count <= StoreError.codesNamedAsMeant ? nearest : []
  }

  /// The codes of projects in force one or two characters off `code` that share its first 12 characters
  /// (`2026-310110-`), found through the code's unique index, each with how many characters off it is.
  func codesNear(_ code: ProjectCode, _ db: Database) throws -> [(code: String, distance: Int)] {
    let prefix = String(code.rawValue.prefix(12))
    return try String.fetchAll(db, sql: """
      SELECT code FROM project WHERE code >= ? AND code < ? AND withdrawnReason IS NULL
      """, arguments: [prefix, prefix + "\u{10FFFF}"]).compactMap { near in
      EditDistance.between(near, code.rawValue, atMost: 2).map { (near, $0) }
    }
  }

  /// A project's milestones withdrawn for `reason` (`nil`: those in force), in the order recorded, and how many
  /// publications in force they hold: what a project's withdrawal takes, and what its reinstatement brings back.
  private func milestones(of project: ProjectRecord, withdrawnFor reason: String?, _ db: Database) throws
    -> (records: [MilestoneRecord], publications: Int)
  {
    let records = try MilestoneRecord.fetchAll(db, sql: """
      SELECT * FROM milestone WHERE projectId = ? AND withdrawnReason IS ? ORDER BY id
      """, arguments: [project.id!, reason])
    let publications = try Int.fetchOne(db, sql: """
      SELECT COUNT(*) FROM disclosure d JOIN milestone m ON m.id = d.milestoneId
      WHERE m.projectId = ? AND m.withdrawnReason IS ? AND d.withdrawnReason IS NULL
      """, arguments: [project.id!, reason]) ?? 0
    return (records, publications)
  }

  public func project(code: ProjectCode) throws -> Project? {
    try read { db in try projectRecord(code: code.rawValue, db)?.project() }
  }

  public func projects(withdrawn: Bool) throws -> [ProjectSummary] {
    // The few withdrawn ones are found by a scan of the table and then sorted (`+` keeps SQLite from walking the
    // index of codes for the order, a lookup of the table for every project: 0.3 s rather than 0.02 at 100,000, read
    // before each notice export).
    let order = withdrawn ? "+p.code" : "p.code"
    return try read { db in
      let rows = try Row.fetchAll(db, sql: """
        SELECT p.*,
          (SELECT COUNT(*) FROM milestone m WHERE m.projectId = p.id AND m.withdrawnReason IS NULL) AS milestones,
          (SELECT COUNT(*) FROM disclosure d JOIN milestone m ON m.id = d.milestoneId
             WHERE m.projectId = p.id AND d.withdrawnReason IS NULL AND m.withdrawnReason IS NULL) AS disclosures
        FROM project p WHERE p.withdrawnReason IS \(withdrawn ? "NOT " : "")NULL ORDER BY \(order)
        """)
      return try rows.map { row in
        ProjectSummary(project: try ProjectRecord(row: row).project(), milestones: try row.decode(forColumn: "milestones"),
                       disclosures: try row.decode(forColumn: "disclosures"))
      }
    }
  }

  public func isResponsibleUnit(_ name: String, withdrawnToo: Bool) throws -> Bool {
    try read { db in try Self.isResponsibleUnit(name, withdrawnToo: withdrawnToo, db) }
  }

  static func isResponsibleUnit(_ name: String, withdrawnToo: Bool, _ db: Database) throws -> Bool {
    try Row.fetchOne(db, sql: """
      SELECT 1 FROM project WHERE responsibleUnit = ? AND (withdrawnReason IS NULL OR ?)
      UNION ALL SELECT 1 FROM milestone WHERE responsibleUnit = ? AND (withdrawnReason IS NULL OR ?)
      LIMIT 1
      """, arguments: [name, withdrawnToo, name, withdrawnToo]) != nil
  }

  public func responsibleUnits(limit: Int) throws -> [String] {
    try read { db in
      try String.fetchAll(db, sql: """
        SELECT responsibleUnit FROM project WHERE withdrawnReason IS NULL
        UNION SELECT responsibleUnit FROM milestone WHERE responsibleUnit IS NOT NULL AND withdrawnReason IS NULL
        ORDER BY 1 LIMIT ?
        """, arguments: [limit])
    }
  }

  public func unitsResembling(_ unit: String) throws -> [String] {
    try read { db in
      var units = UnitsMet()
      return try units.resemblances(of: unit, db)
    }
  }

  public func unitsMeant(by unit: String) throws -> [String] {
    try read { db in
      var units = UnitsMet()
      return try units.meant(by: unit, db)
    }
  }

  /// The project of a code that is to be written to, or under: one withdrawn is refused.
  func projectRecord(_ code: ProjectCode, _ db: Database) throws -> ProjectRecord {
    guard let record = try projectRecord(code: code.rawValue, db) else { throw try missingProject(code, db) }
    try record.requireInForce()
    return record
  }

  func projectRecord(code: String, _ db: Database) throws -> ProjectRecord? {
    try ProjectRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM project WHERE code = ?"), arguments: [code])
  }
}

/// A code a project had before it was corrected, and the project it names now.
struct FormerCode {
  let former: String
  let project: Int64
  let code: String
  let name: String
  /// Why the code was corrected away from `former` (a project corrected twice has another reason now).
  let reason: String

  /// The project a former code names, by the last correction away from it, through `changeLog_former_codes` (schema
  /// v14), whose conditions it repeats word for word: project id, code and name now, the correction's reason.
  static let sql: StaticString = """
    SELECT p.id, p.code, p.name, json_extract(c.after, '$.recodedReason') FROM changeLog c JOIN project p ON p.id = c.entityId
    WHERE json_extract(c.before, '$.code') = ? AND c.entity = 'project' AND c.action = 'recode'
    ORDER BY c.id DESC LIMIT 1
    """

  /// The row ``sql`` reads of `former`.
  init(former: String, _ row: some StoredColumns) throws {
    guard let project = try row.integer(at: 0), let code = try row.text(at: 1), let name = try row.text(at: 2) else {
      throw StoreError.edited("the project a code was corrected to has no id, code or name")
    }
    (self.former, self.project, self.code, self.name) = (former, project, code, name)
    reason = try row.text(at: 3) ?? ""
  }

  /// What a command or an import naming the former code is told.
  var refusal: StoreError { .projectRecoded(former, to: code, project: name, reason: reason) }
}

extension ProjectRecord {
  /// The codes under which the change log holds the project's rows: the one it has, and those it had before its code
  /// was corrected. Only a project with a correction's reason had another.
  func loggedCodes(_ db: Database) throws -> [String] {
    guard recodedReason != nil else { return [code] }
    let former = try String.fetchAll(db, sql: """
      SELECT DISTINCT json_extract(before, '$.code') FROM changeLog WHERE entity = 'project' AND entityId = ? AND action = 'recode'
      """, arguments: [id!])
    return [code] + former.filter { $0 != code }
  }

  /// Refuses a write to, or under, a project withdrawn as registered by mistake.
  func requireInForce() throws {
    if let withdrawnReason { throw StoreError.projectWithdrawn(code, reason: withdrawnReason) }
  }
}
