import GRDB
import GongkaiCore

extension SQLiteStore {
  public func forEachMilestone(matching filter: MilestoneFilter, _ body: (StoredMilestone) throws -> Void) throws {
    try readMilestones(filter, fromProjects: false) { _, milestone in
      if let milestone { try body(milestone) }
    }
  }

  public func forEachProject(matching filter: MilestoneFilter, _ body: (Project, [StoredMilestone]) throws -> Void) throws {
    var current: (project: Project, milestones: [StoredMilestone])?
    try readMilestones(filter, fromProjects: true) { project, milestone in
      if current?.project.code != project.code {
        if let finished = current { try body(finished.project, finished.milestones) }
        current = (project, [])
      }
      if let milestone { current!.milestones.append(milestone) }
    }
    if let finished = current { try body(finished.project, finished.milestones) }
  }

  /// The one ordered query behind both readers: milestones (not withdrawn, nor of a withdrawn project, unless the
  /// filter asks) with their disclosures and project, one row per disclosure, grouped here into one call of `body`
  /// per milestone. From projects, a project without milestones comes once with `nil`.
  private func readMilestones(
    _ filter: MilestoneFilter, fromProjects: Bool, _ body: (Project, StoredMilestone?) throws -> Void
  ) throws {
    let (sql, arguments) = Self.milestoneQuery(filter, fromProjects: fromProjects)
    let onlyActive = !filter.withdrawn
    try read { db in
      // The query starts from projects, so a milestone whose project was deleted outside gongkai would drop out of
      // every check unseen. A named project cannot own one; otherwise look first, in the same read (an index scan:
      // 0.09 s in the sqlite3 shell, beside the query's 3.3 s, at a million milestones).
      if filter.projects.isEmpty, let orphan = try Row.fetchOne(db, sql: """
        SELECT id, projectId FROM milestone WHERE \(onlyActive ? "withdrawnReason IS NULL AND " : "")projectId NOT IN (SELECT id FROM project)
        ORDER BY id LIMIT 1
        """)
      {
        throw Orphan.milestone(try orphan.decode(atIndex: 0), project: orphan[1]).error
      }
      let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
      var project: Project?
      var currentProjectID: Int64?
      var current: StoredMilestone?
      while let row = try rows.next() {
        // Columns by position, in the order of the SELECT: a name lookup per value costs more than the value.
        func value<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ column: MilestoneColumn) throws -> Value {
          try row.decode(atIndex: column.rawValue)
        }
        // Projects are told apart by id: reading each row's code would make a string per row.
        let projectID: Int64 = try value(.projectId)
        if projectID != currentProjectID {
          currentProjectID = projectID
          if let finished = current, let project { try body(project, finished) }
          current = nil
          project = Project(
            code: try ProjectCode.stored(value(.code)), name: try value(.name), legalPerson: try value(.legalPerson),
            location: try value(.location), totalInvestment: try value(.totalInvestment), responsibleUnit: try value(.projectUnit),
            withdrawnReason: try value(.projectWithdrawnReason))
          if try value(.id) as Int64? == nil {
            try body(project!, nil)
            continue
          }
        }
        let id: Int64 = try value(.id)
        if current?.milestone.id != id {
          if let finished = current { try body(project!, finished) }
          let withdrawal = (try value(.withdrawal) as String?)?.split(separator: "\u{1F}", omittingEmptySubsequences: false)
          current = StoredMilestone(
            milestone: Milestone(
              id: id, projectCode: project!.code.rawValue, kind: try value(.kind),
              formedOn: try CivilDate.stored(value(.formedOn), column: "formedOn", of: "milestone \(id)"),
              changes: try value(.changesId), responsibleUnit: try value(.milestoneUnit) ?? project!.responsibleUnit),
            projectName: project!.name, reference: try value(.reference), summary: try value(.summary),
            withdrawnReason: try value(.withdrawnReason), withdrawnBy: withdrawal?.first.map(String.init),
            withdrawnAt: withdrawal?.dropFirst().first.map(String.init),
            recordedBy: try value(.recordedBy), recordedAt: try value(.recordedAt),
            amendments: try Amendments(column: value(.amendments), reason: value(.amendmentReason), formedOn: value(.formedOn), of: id),
            reinstatement: try Reinstated(column: value(.reinstatement), reason: value(.reinstatedReason)),
            recordedDisclosures: [], publicationsCorrectedAt: try value(.publicationsCorrectedAt),
            linksMovedAt: try value(.linksMovedAt), shownAgainAt: try value(.shownAgainAt), editedAt: try value(.editedAt))
          current!.hasOwnUnit = try (value(.milestoneUnit) as String?) != nil
          try current!.readCorrectedPublications(value(.correctedPublications))
        }
        if let disclosureID: Int64 = try value(.disclosureId) {
          let publishedOn: String = try value(.publishedOn)
          current!.milestone.disclosures.append(Disclosure(
            publishedOn: try CivilDate.stored(publishedOn, column: "publishedOn", of: "disclosure \(disclosureID)"), channel: try value(.channel),
            url: try value(.url), until: try (value(.until) as String?).map { try CivilDate.stored($0, column: "until", of: "disclosure \(disclosureID)") }))
          current!.recordedDisclosures.append(RecordedDisclosure(
            id: disclosureID, serial: NoticeSerial(stored: try value(.serialYear), try value(.serial), publishedOn: publishedOn),
            recordedBy: try value(.disclosureRecordedBy), recordedAt: try value(.disclosureRecordedAt),
            reinstated: try ReinstatedRecord(column: value(.publicationReinstatement), of: disclosureID)))
        }
      }
      if let finished = current, let project { try body(project, finished) }
    }
  }

  /// The query of ``readMilestones(_:fromProjects:_:)`` and its arguments.
  static func milestoneQuery(_ filter: MilestoneFilter, fromProjects: Bool) -> (sql: String, arguments: StatementArguments) {
    var conditions: [String] = []
    var arguments: [any DatabaseValueConvertible] = []
    func oneOf(_ column: String, _ values: [String]) {
      guard !values.isEmpty else { return }
      conditions.append("\(column) IN (\(Array(repeating: "?", count: values.count).joined(separator: ",")))")
      arguments += values as [any DatabaseValueConvertible]
    }
    oneOf("p.code", filter.projects.map(\.rawValue))
    oneOf("m.category", filter.categories.map(\.rawValue))
    oneOf("COALESCE(m.responsibleUnit, p.responsibleUnit)", filter.units)
    oneOf("m.kind", filter.kinds)
    if let day = filter.publishedSince {
      conditions.append("EXISTS (SELECT 1 FROM disclosure r WHERE r.milestoneId = m.id AND r.withdrawnReason IS NULL AND r.publishedOn >= ?)")
      arguments.append(day.description)
    }
    if let row = filter.loggedAfter {
      // The log's rows after `row`, by its key (`+entity` keeps SQLite from reading every row of the entity through
      // the log's row index instead, the whole register's history for the last import's few rows).
      conditions.append("""
        m.id IN (SELECT entityId FROM changeLog WHERE id > ? AND +entity = 'milestone'
          UNION SELECT d.milestoneId FROM changeLog c JOIN disclosure d ON d.id = c.entityId WHERE c.id > ? AND +c.entity = 'disclosure')
        """)
      arguments += [row, row]
    }
    // Projects lead, in code order, so that rows come a project at a time and only each project's own rows are
    // sorted: the condition that a project is in force made SQLite's planner read the milestones first and sort the
    // whole register (a temporary B-tree of every row: 8 % more time at 100,000 projects). CROSS JOIN keeps the order
    // of the tables as written; LEFT JOIN does anyway. A category or unit picks a part of the milestones, which the
    // planner's order reads faster (1.45 s against 1.8 s for the bidding quarter at 100,000 projects), so it stays.
    let pickedMilestones = !filter.categories.isEmpty || !filter.units.isEmpty || filter.loggedAfter != nil || !filter.kinds.isEmpty
      || filter.publishedSince != nil
    let join = fromProjects ? "LEFT JOIN" : pickedMilestones ? "JOIN" : "CROSS JOIN"
    let onlyActive = !filter.withdrawn
    if onlyActive { conditions.append("p.withdrawnReason IS NULL") }
    // On the join, so that a project without milestones of those days still comes from projects; its arguments come
    // first, as the join comes before the conditions. The milestones of a project are read from its first day on,
    // through the index of its days.
    var joined = onlyActive ? " AND m.withdrawnReason IS NULL" : ""
    if let days = filter.formedIn {
      joined += " AND m.formedOn BETWEEN ? AND ?"
      arguments.insert(contentsOf: [days.lowerBound.description, days.upperBound.description] as [any DatabaseValueConvertible], at: 0)
    }
    // Who withdrew a milestone and when, as `actor U+1F at`: its last change-log row that made it withdrawn (a
    // withdrawal, or the insert of one imported withdrawn), found through the log's row index (under whichever code
    // the project had then). CASE evaluates the lookup for withdrawn milestones only, so the rows of everything else
    // cost one NULL test.
    let withdrawal = """
      CASE WHEN m.withdrawnReason IS NOT NULL THEN (SELECT c.actor || char(31) || c.at FROM changeLog c
        WHERE c.entity = 'milestone' AND c.entityId = m.id AND c.action IN ('withdraw', 'insert')
        ORDER BY c.id DESC LIMIT 1) END
      """
    // Who reinstated it and when, the same way, for a milestone reinstated (its `reinstatedReason` set) or of a
    // project reinstated (whose reinstatement, before gongkai marked its milestones, left theirs unset) only.
    let reinstatement = """
      CASE WHEN m.reinstatedReason IS NOT NULL OR p.reinstatedReason IS NOT NULL THEN (SELECT c.actor || char(31) || c.at
        FROM changeLog c WHERE c.entity = 'milestone' AND c.entityId = m.id AND c.action = 'reinstate' ORDER BY c.id DESC LIMIT 1) END
      """
    let corrections = filter.publicationCorrections
      ? "\(Self.publicationCorrectionsSQL), \(Self.linksMovedSQL), \(Self.correctedPublicationsSQL), \(Self.shownAgainSQL), \(Self.editedSQL)"
      : filter.withdrawnPublications ? "NULL, NULL, \(Self.withdrawnPublicationsSQL), NULL, NULL" : "NULL, NULL, NULL, NULL, NULL"
    // For the audit CSV, of a publication in force reinstated after a withdrawal (its `reinstatedReason` set): its last
    // withdrawal and reinstatement from the change log (``ReinstatedRecord``); one NULL test for every other row.
    let publicationReinstatement = filter.withdrawnPublications ? Self.publicationReinstatementSQL : "NULL"
    let sql = """
      SELECT p.id, p.code, p.name, p.legalPerson, p.location, p.totalInvestment, p.responsibleUnit,
             m.id, m.kind, m.formedOn, m.reference, m.summary, m.changesId, m.recordedBy, m.recordedAt, m.responsibleUnit,
             d.id, d.publishedOn, d.channel, d.url, d.until, d.serialYear, d.serial, d.recordedBy, d.recordedAt,
             m.withdrawnReason, \(withdrawal), m.amendmentReason, \(Self.amendmentsColumn), \(corrections),
             p.withdrawnReason, IFNULL(m.reinstatedReason, '\(RegisterText.projectReinstatementMark)' || p.reinstatedReason), \(reinstatement),
             \(publicationReinstatement)
      FROM project p
      \(join) milestone m ON m.projectId = p.id\(joined)
      LEFT JOIN disclosure d ON d.milestoneId = m.id AND d.withdrawnReason IS NULL
      \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
      ORDER BY p.code, m.formedOn, m.id, d.publishedOn, d.id
      """
    return (sql, StatementArguments(arguments))
  }

  public func document(of code: ProjectCode, verifying: Bool) throws -> ProjectDocument? {
    try read { db in
      guard let project = try ProjectRecord.filter(Column("code") == code.rawValue).fetchOne(db) else { return nil }
      let milestones = try MilestoneRecord.filter(Column("projectId") == project.id!)
        .order(Column("formedOn"), Column("id")).fetchAll(db)
      if verifying { try requireAsLogged(project, milestones: milestones, db) }
      let stated = Self.stated(milestones, of: project)
      let keys = Dictionary(uniqueKeysWithValues: try milestones.map { ($0.id!, MilestoneKey(kind: $0.kind, formedOn: try $0.formedDay, reference: $0.reference)) })
      // The publications in force of all the project's milestones in one read, not a query a milestone
      let published = Dictionary(grouping: try DisclosureRecord.fetchAll(db, sql: """
        SELECT d.* FROM disclosure d JOIN milestone m ON m.id = d.milestoneId
        WHERE m.projectId = ? AND d.withdrawnReason IS NULL ORDER BY d.milestoneId, d.publishedOn, d.id
        """, arguments: [project.id!]), by: \.milestoneId)
      let entries = try stated.map { record in
        let disclosures = published[record.id!] ?? []
        return MilestoneEntry(
          kind: record.kind, formedOn: try record.formedDay, reference: record.reference,
          summary: record.summary, responsibleUnit: record.responsibleUnit, changes: record.changesId.flatMap { keys[$0] },
          withdrawnReason: record.withdrawnReason, disclosures: try disclosures.map { try $0.disclosure })
      }
      return ProjectDocument(project: try project.project(), milestones: entries)
    }
  }

  /// The milestones a project file states: all of them; of a withdrawn project, those it took with it
  /// (``ProjectWithdrawal/milestoneReason(_:)``), as they stood before. That file is exported to import the project
  /// into the register it belongs to, where they are in force, and where a milestone withdrawn on its own before (a
  /// mistake of this register's record, which keeps it) would arrive as a new withdrawn record with new 索引号.
  private static func stated(_ milestones: [MilestoneRecord], of project: ProjectRecord) -> [MilestoneRecord] {
    guard let reason = project.withdrawnReason.map(ProjectWithdrawal.milestoneReason) else { return milestones }
    return milestones.filter { $0.withdrawnReason == reason }.map { milestone in
      var inForce = milestone
      inForce.withdrawnReason = nil
      return inForce
    }
  }

  /// Refuses a project whose rows, any of them (withdrawn ones, and withdrawn publications, too), do not hold what
  /// their last change-log row records: a project file written from them and imported would make an edit made
  /// beside the log look recorded. The project's own rows only, each by the log's index of rows: not the whole log.
  private func requireAsLogged(_ project: ProjectRecord, milestones: [MilestoneRecord], _ db: Database) throws {
    let disclosures = try DisclosureRecord.fetchAll(db, sql: """
      SELECT d.* FROM disclosure d JOIN milestone m ON m.id = d.milestoneId WHERE m.projectId = ? ORDER BY d.id
      """, arguments: [project.id!])
    func check<Record: LoggedRecord>(_ record: Record) throws {
      let logged = try String.fetchOne(db, sql: """
        SELECT after FROM changeLog WHERE entity = ? AND entityId = ? ORDER BY id DESC LIMIT 1
        """, arguments: [Record.entity, record.id])
      guard let logged else {
        throw StoreError.differsFromChangeLog(path, LogDivergence(entity: Record.entity, id: record.id ?? 0, kind: .unlogged).description)
      }
      guard Array(logged.utf8).withUnsafeBufferPointer({ record.isRecorded(as: $0) }) else {
        let divergence = LogDivergence(entity: Record.entity, id: record.id ?? 0, kind: .altered,
                                       fields: record.differences(fromLogged: logged) ?? [])
        throw StoreError.differsFromChangeLog(path, divergence.description)
      }
    }
    try check(project)
    try milestones.forEach(check)
    try disclosures.forEach(check)
    // A row the log records and the register no longer holds was deleted outside gongkai, which deletes nothing.
    let held = ["milestone": Set(milestones.map { $0.id! }), "disclosure": Set(disclosures.map { $0.id! })]
    let codes = try project.loggedCodes(db)
    for row in try Row.fetchAll(db, sql: """
      SELECT DISTINCT entity, entityId FROM changeLog
      WHERE projectCode IN (\(databaseQuestionMarks(count: codes.count))) AND entity IN ('milestone', 'disclosure')
      """, arguments: StatementArguments(codes)) {
      let entity: String = row[0], id: Int64 = row[1]
      guard held[entity]?.contains(id) == true else {
        throw StoreError.differsFromChangeLog(path, LogDivergence(entity: entity, id: id, kind: .deleted).description)
      }
    }
  }

  public func history(of code: ProjectCode) throws -> [ChangeLogEntry] {
    try read { db in
      // Under every code the project had: the log keeps each row under the code of its day.
      let codes = try projectRecord(code: code.rawValue, db)?.loggedCodes(db) ?? [code.rawValue]
      return try Array(ChangeLogRecord.fetchCursor(positionally: db, sql: """
        SELECT * FROM changeLog WHERE projectCode IN (\(databaseQuestionMarks(count: codes.count))) ORDER BY id
        """, arguments: StatementArguments(codes)).map(\.entry))
    }
  }

  public func forEachChange(_ body: (ChangeLogEntry) throws -> Void) throws {
    try read { db in
      let rows = try ChangeLogRecord.fetchCursor(positionally: db, sql: "SELECT * FROM changeLog ORDER BY id")
      while let row = try rows.next() { try body(row.entry) }
    }
  }
}

extension SQLiteStore {
  /// The last update, withdrawal or reinstatement of any publication of a milestone (`m`), withdrawn ones included.
  /// CROSS JOIN keeps SQLite from starting at the change log, whose index it would then read for every disclosure entry
  /// of the register on every row: the milestone's publications first, then one seek each into the log's row index, as
  /// a test of the query plan holds it to.
  static let publicationCorrectionsSQL = """
    (SELECT max(c.at) FROM disclosure wd CROSS JOIN changeLog c
      WHERE wd.milestoneId = m.id AND c.entity = 'disclosure' AND c.entityId = wd.id AND c.action IN ('update', 'withdraw', 'reinstate'))
    """

  /// The last time a change or withdrawal stopped naming a milestone (`m`), or started to after both were recorded:
  /// a seek into each of the partial indexes of such rows (`v11-links-moved`), which hold nothing for a register whose
  /// links never moved. `+m.id` drops the column's integer affinity, which would keep SQLite from comparing in the
  /// indexes (it would read every milestone row of the log for every milestone), as a test of the query plan holds it to.
  static let linksMovedSQL = """
    NULLIF(max(IFNULL((SELECT max(c.at) FROM changeLog c
      WHERE json_extract(c.before, '$.changesId') = +m.id AND c.entity = 'milestone' AND c.action IN ('update', 'amend')
        AND json_extract(c.before, '$.changesId') IS NOT NULL AND json_extract(c.after, '$.changesId') IS NOT m.id), ''),
    IFNULL((SELECT max(c.at) FROM changeLog c
      WHERE json_extract(c.after, '$.changesId') = +m.id AND c.entity = 'milestone' AND c.action IN ('update', 'amend')
        AND json_extract(c.after, '$.changesId') IS NOT NULL AND json_extract(c.before, '$.changesId') IS NOT m.id), '')), '')
    """
}

extension SQLiteStore {
  /// When a milestone (`m`) was last put back in force, on its own or with its project (`p`), which `reinstate` and
  /// `project reinstate` log as `reinstate`, or its project given its right code (`project recode`, logged on the
  /// project): a seek into the log's row index for each, for milestones ever reinstated, or of projects ever reinstated
  /// or recoded, only.
  static let shownAgainSQL = """
    CASE WHEN p.reinstatedReason IS NOT NULL OR p.recodedReason IS NOT NULL OR m.reinstatedReason IS NOT NULL THEN NULLIF(max(
      IFNULL((SELECT max(c.at) FROM changeLog c WHERE c.entity = 'milestone' AND c.entityId = m.id AND c.action = 'reinstate'), ''),
      IFNULL((SELECT max(c.at) FROM changeLog c WHERE c.entity = 'project' AND c.entityId = p.id AND c.action = 'recode'), '')), '') END
    """

  /// The last time an update of a milestone (`m`) changed what its item shows: its summary, 文号, day or unit (a
  /// project file or a spreadsheet imported with other values, a unit moved with its project's); a seek into the
  /// log's index of updates, which holds nothing for most milestones. A milestone given the unit it had as its project moved on (the project's row of the same
  /// instant leaves that unit) shows what it showed, and so does a value only trimmed of the spaces around it (a file of
  /// a register written before values were trimmed, imported again).
  static let editedSQL = """
    (SELECT max(c.at) FROM changeLog c INDEXED BY changeLog_updates
      WHERE c.entity = 'milestone' AND c.entityId = m.id AND c.action = 'update'
      AND (trim(json_extract(c.before, '$.summary')) IS NOT trim(json_extract(c.after, '$.summary'))
        OR trim(json_extract(c.before, '$.reference')) IS NOT trim(json_extract(c.after, '$.reference'))
        OR json_extract(c.before, '$.formedOn') IS NOT json_extract(c.after, '$.formedOn')
        OR trim(json_extract(c.before, '$.responsibleUnit')) IS NOT trim(json_extract(c.after, '$.responsibleUnit'))
          AND NOT (json_extract(c.before, '$.responsibleUnit') IS NULL AND EXISTS (SELECT 1 FROM changeLog k INDEXED BY changeLog_updates
            WHERE k.entity = 'project' AND k.entityId = p.id AND k.action = 'update' AND k.at = c.at
              AND json_extract(k.before, '$.responsibleUnit') = json_extract(c.after, '$.responsibleUnit')))))
    """

  /// The publication's (`d`) last withdrawal, `at U+1F actor U+1F reason`, and the reinstatement that undid it, `at U+1F
  /// actor U+1F reason`, for one reinstated only; each read from the change log through its row index.
  static let publicationReinstatementSQL = """
    CASE WHEN d.reinstatedReason IS NOT NULL THEN IFNULL((SELECT c.at || char(31) || c.actor || char(31)
        || IFNULL(json_extract(c.after, '$.withdrawnReason'), '') FROM changeLog c
        WHERE c.entity = 'disclosure' AND c.entityId = d.id AND c.action = 'withdraw' ORDER BY c.id DESC LIMIT 1), char(31) || char(31))
      || char(31) || IFNULL((SELECT c.at || char(31) || c.actor FROM changeLog c
        WHERE c.entity = 'disclosure' AND c.entityId = d.id AND c.action = 'reinstate' ORDER BY c.id DESC LIMIT 1), char(31))
      || char(31) || d.reinstatedReason END
    """

  /// A milestone's (`m`) publications withdrawn as recorded by mistake alone, as ``correctedPublicationsSQL`` gives
  /// them (`W …`): a seek into their own index.
  static let withdrawnPublicationsSQL = """
    (SELECT group_concat(\(publicationFields(tag: "'W'", action: "'withdraw'", last: "wd.withdrawnReason")), char(31))
      FROM disclosure wd INDEXED BY disclosure_withdrawn
      WHERE wd.milestoneId = m.id AND wd.withdrawnReason IS NOT NULL AND wd.serial IS NOT NULL)
    """

  /// A milestone's (`m`) publications withdrawn as recorded by mistake (`W`) and those reinstated since (`R`), each
  /// `W U+1E id U+1E publishedOn U+1E year U+1E serial U+1E recorded at U+1E withdrawn at U+1E withdrawn by U+1E reason
  /// U+1E channel`, or `R … recorded at U+1E reinstated at U+1E reinstated by U+1E last withdrawn at U+1E channel`,
  /// separated by U+1F (control characters no stored text holds): one seek into the disclosures of the milestone, which
  /// a milestone without any withdrawn or reinstated ends at once.
  static let correctedPublicationsSQL = """
    (SELECT group_concat(\(publicationFields(
      tag: "IIF(wd.withdrawnReason IS NULL, 'R', 'W')", action: "IIF(wd.withdrawnReason IS NULL, 'reinstate', 'withdraw')",
      last: """
        IFNULL(wd.withdrawnReason, IFNULL((SELECT max(c.at) FROM changeLog c WHERE c.entity = 'disclosure'
          AND c.entityId = wd.id AND c.action = 'withdraw'), ''))
        """)), char(31))
      FROM disclosure wd WHERE wd.milestoneId = m.id AND (wd.withdrawnReason IS NOT NULL OR wd.reinstatedReason IS NOT NULL)
        AND wd.serial IS NOT NULL)
    """

  /// The fields of one publication (`wd`) of the two columns above: `tag`, its id, day, 索引号 serial and when it was
  /// recorded, the instant and actor of its last change-log row of `action`, then `last` and its channel.
  private static func publicationFields(tag: String, action: String, last: String) -> String {
    """
    \(tag) || char(30) || wd.id || char(30) || wd.publishedOn || char(30) || wd.serialYear || char(30) || wd.serial
      || char(30) || wd.recordedAt || char(30) || IFNULL((SELECT c.at || char(30) || c.actor FROM changeLog c
        WHERE c.entity = 'disclosure' AND c.entityId = wd.id AND c.action = \(action) ORDER BY c.id DESC LIMIT 1), char(30))
      || char(30) || \(last) || char(30) || wd.channel
    """
  }
}

extension StoredMilestone {
  /// Its ``withdrawnPublications`` and ``reinstatedPublications`` from the column ``SQLiteStore/correctedPublicationsSQL``
  /// reads.
  mutating func readCorrectedPublications(_ column: String?) throws {
    guard let column else { return }
    for item in column.split(separator: "\u{1F}") {
      let fields = item.split(separator: "\u{1E}", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 10, let id = Int64(fields[1]), let year = Int(fields[3]), let number = Int(fields[4]) else {
        throw StoreError.unexpected("disclosure", "a corrected publication reads '\(item)'")
      }
      if fields[0] == "R" {
        reinstatedPublications.append(ReinstatedPublication(id: id, withdrawnAt: fields[8], reinstatedAt: fields[6]))
      } else {
        withdrawnPublications.append(WithdrawnPublication(
          publishedOn: try CivilDate.stored(fields[2], column: "publishedOn", of: "disclosure \(id)"), channel: fields[9],
          serial: NoticeSerial(year: year, number: number), recordedAt: fields[5], withdrawnAt: fields[6], withdrawnBy: fields[7],
          reason: fields[8]))
      }
    }
  }
}

/// The columns of the milestone query, in their order.
private enum MilestoneColumn: Int {
  case projectId, code, name, legalPerson, location, totalInvestment, projectUnit
  case id, kind, formedOn, reference, summary, changesId, recordedBy, recordedAt, milestoneUnit
  case disclosureId, publishedOn, channel, url, until, serialYear, serial, disclosureRecordedBy, disclosureRecordedAt
  case withdrawnReason, withdrawal, amendmentReason, amendments, publicationsCorrectedAt, linksMovedAt, correctedPublications
  case shownAgainAt, editedAt
  case projectWithdrawnReason
  case reinstatedReason, reinstatement
  case publicationReinstatement
}

extension ReinstatedRecord {
  /// From the query's ``SQLiteStore/publicationReinstatementSQL``; `nil` for a publication never reinstated.
  init?(column: String?, of disclosure: Int64) throws {
    guard let column else { return nil }
    let fields = column.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    guard fields.count == 6 else { throw StoreError.unexpected("disclosure", "the reinstatement of disclosure \(disclosure) reads '\(column)'") }
    self.init(withdrawnAt: fields[0], withdrawnBy: fields[1], withdrawalReason: fields[2],
              reinstatement: Reinstated(by: fields[4], at: fields[3], reason: fields[5]))
  }
}

extension Reinstated {
  /// From the query's `actor U+1F at` of the last reinstatement and the milestone's reason; `nil` for one never
  /// reinstated.
  init?(column: String?, reason: String?) {
    guard let reason, let parts = column?.split(separator: "\u{1F}", omittingEmptySubsequences: false), parts.count == 2 else { return nil }
    self.init(by: String(parts[0]), at: String(parts[1]), reason: reason)
  }
}

extension ChangeLogRecord {
  var entry: ChangeLogEntry {
    ChangeLogEntry(id: id!, at: at, actor: actor, action: action, entity: entity, entityID: entityId,
                   projectCode: projectCode, before: before, after: after, hash: hash)
  }
}
