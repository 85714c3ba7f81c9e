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

  /// The one ordered query behind both readers: milestones (not withdrawn) with their disclosures and project,
  /// one row per disclosure, grouped here into one call of `body` per milestone. From projects, a project
  /// without milestones comes once with `nil`.
  private func readMilestones(
    _ filter: MilestoneFilter, fromProjects: Bool, _ body: (Project, StoredMilestone?) throws -> Void
  ) throws {
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
    let join = fromProjects ? "LEFT JOIN" : "JOIN"
    let sql = """
      SELECT p.code, p.name, p.legalPerson, p.location, p.totalInvestment, p.responsibleUnit AS projectUnit,
             m.id, m.kind, m.formedOn, m.reference, m.summary, m.changesId, m.recordedBy, m.recordedAt,
             COALESCE(m.responsibleUnit, p.responsibleUnit) AS unit,
             d.id AS disclosureId, d.publishedOn, d.channel, d.url, d.until, d.serialYear, d.serial
      FROM project p
      \(join) milestone m ON m.projectId = p.id AND m.withdrawnReason IS NULL
      LEFT JOIN disclosure d ON d.milestoneId = m.id AND d.withdrawnReason IS NULL
      \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
      ORDER BY p.code, m.formedOn, m.id, d.publishedOn, d.id
      """
    try read { db in
      let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
      var project: Project?
      var current: StoredMilestone?
      while let row = try rows.next() {
        let code = try row.decode(String.self, forColumn: "code")
        if project?.code.rawValue != code {
          if let finished = current, let project { try body(project, finished) }
          current = nil
          project = Project(
            code: try ProjectCode.stored(code), name: try row.decode(forColumn: "name"),
            legalPerson: try row.decode(forColumn: "legalPerson"), location: try row.decode(forColumn: "location"),
            totalInvestment: try row.decode(forColumn: "totalInvestment"), responsibleUnit: try row.decode(forColumn: "projectUnit"))
          if try row.decode(Int64?.self, forColumn: "id") == nil {
            try body(project!, nil)
            continue
          }
        }
        let id = try row.decode(Int64.self, forColumn: "id")
        if current?.milestone.id != id {
          if let finished = current { try body(project!, finished) }
          current = StoredMilestone(
            milestone: Milestone(
              id: id, projectCode: code, kind: try row.decode(forColumn: "kind"),
              formedOn: try CivilDate.stored(try row.decode(forColumn: "formedOn")), changes: try row.decode(forColumn: "changesId"),
              responsibleUnit: try row.decode(forColumn: "unit")),
            projectName: try row.decode(forColumn: "name"), reference: try row.decode(forColumn: "reference"),
            summary: try row.decode(forColumn: "summary"), withdrawnReason: nil, recordedBy: try row.decode(forColumn: "recordedBy"),
            recordedAt: try row.decode(forColumn: "recordedAt"), disclosureIDs: [], disclosureSerials: [])
        }
        if let disclosureID = try row.decode(Int64?.self, forColumn: "disclosureId") {
          let publishedOn = try row.decode(String.self, forColumn: "publishedOn")
          current!.milestone.disclosures.append(Disclosure(
            publishedOn: try CivilDate.stored(publishedOn), channel: try row.decode(forColumn: "channel"),
            url: try row.decode(forColumn: "url"), until: try row.decode(String?.self, forColumn: "until").map(CivilDate.stored)))
          current!.disclosureIDs.append(disclosureID)
          current!.disclosureSerials.append(NoticeSerial(
            stored: try row.decode(forColumn: "serialYear"), try row.decode(forColumn: "serial"), publishedOn: publishedOn))
        }
      }
      if let finished = current, let project { try body(project, finished) }
    }
  }

  public func document(of code: ProjectCode) throws -> ProjectDocument? {
    try read { db in
      guard let project = try ProjectRecord.filter(Column("code") == code.rawValue).fetchOne(db) else { return nil }
      let milestones = try MilestoneRecord.filter(Column("projectId") == project.id!)
        .order(Column("formedOn"), Column("id")).fetchAll(db)
      let keys = Dictionary(uniqueKeysWithValues: try milestones.map { ($0.id!, MilestoneKey(kind: $0.kind, formedOn: try CivilDate.stored($0.formedOn), reference: $0.reference)) })
      let entries = try milestones.map { record in
        let disclosures = try DisclosureRecord.filter(Column("milestoneId") == record.id! && Column("withdrawnReason") == nil)
          .order(Column("publishedOn"), Column("id")).fetchAll(db)
        return MilestoneEntry(
          kind: record.kind, formedOn: try CivilDate.stored(record.formedOn), reference: record.reference,
          summary: record.summary, responsibleUnit: record.responsibleUnit, changes: record.changesId.flatMap { keys[$0] },
          withdrawnReason: record.withdrawnReason, disclosures: try disclosures.map { try $0.disclosure })
      }
      return ProjectDocument(project: try project.project(), milestones: entries)
    }
  }

  public func history(of code: ProjectCode) throws -> [ChangeLogEntry] {
    try read { db in
      try ChangeLogRecord.filter(Column("projectCode") == code.rawValue).order(Column("id")).fetchAll(db).map(\.entry)
    }
  }

  public func forEachChange(_ body: (ChangeLogEntry) throws -> Void) throws {
    try read { db in
      let rows = try ChangeLogRecord.order(Column("id")).fetchCursor(db)
      while let row = try rows.next() { try body(row.entry) }
    }
  }
}

extension ChangeLogRecord {
  var entry: ChangeLogEntry {
    ChangeLogEntry(id: id!, at: at, actor: actor, action: action, entity: entity, entityID: entityId,
                   projectCode: projectCode, before: before, after: after, hash: hash)
  }
}
