import GRDB
import GongkaiCore

/// Bulk loads: whole projects from project files, milestone rows from spreadsheets. Each is one transaction:
/// all of it is written or none of it.
extension SQLiteStore {
  public func importProjects(_ documents: [ProjectDocument], actor: String, progress: ProgressReporter?) throws -> ImportReport {
    try write { db in
      var report = ImportReport()
      for (index, document) in documents.enumerated() {
        let before = report
        let code = document.project.code.rawValue
        var project: ProjectRecord
        if let old = try ProjectRecord.filter(Column("code") == code).fetchOne(db) {
          project = ProjectRecord(document.project, id: old.id)
          if try update(project, from: old, project: code, actor: actor, db) { report.updated += 1 }
        } else {
          project = ProjectRecord(document.project, id: nil)
          try insert(&project, project: code, actor: actor, db)
          report.created += 1
        }
        try merge(document.milestones, into: project, actor: actor, report: &report, db)
        if report.created == before.created && report.updated == before.updated {
          if report.milestonesWritten + report.disclosuresWritten > before.milestonesWritten + before.disclosuresWritten {
            report.updated += 1
          } else {
            report.unchanged += 1
          }
        }
        progress?.advance(to: index + 1, of: documents.count)
      }
      return report
    }
  }

  public func importMilestones(_ rows: [MilestoneRow], actor: String, progress: ProgressReporter?) throws -> ImportReport {
    try write { db in
      var projects: [ProjectCode: ProjectRecord] = [:]
      var problems: [StoreError.LineProblem] = []
      for row in rows where projects[row.project] == nil {
        if let record = try ProjectRecord.filter(Column("code") == row.project.rawValue).fetchOne(db) {
          projects[row.project] = record
        } else {
          problems.append(.init(line: row.line, field: "project", message: StoreError.unknownProject(row.project.rawValue).description))
        }
      }
      for row in rows {
        guard let project = projects[row.project] else { continue }
        if let existing = try existingMilestone(row.entry.key, projectId: project.id!, db) {
          let formed = try CivilDate.stored(existing.formedOn)
          for disclosure in row.entry.disclosures where disclosure.publishedOn < formed {
            problems.append(.init(line: row.line, field: "published",
                                  message: RegisterError.disclosureBeforeMilestone(published: disclosure.publishedOn, formed: formed).description))
          }
        }
      }
      guard problems.isEmpty else { throw StoreError.importRejected(problems.sorted { $0.line < $1.line }) }

      var report = ImportReport()
      for (index, row) in rows.enumerated() {
        let project = projects[row.project]!
        let before = report.milestonesWritten + report.disclosuresWritten
        try merge([row.entry], into: project, actor: actor, report: &report, db, updateFields: false)
        if report.milestonesWritten + report.disclosuresWritten == before { report.unchanged += 1 } else { report.updated += 1 }
        progress?.advance(to: index + 1, of: rows.count)
      }
      return report
    }
  }

  /// Adds the entries that are new and, with `updateFields`, updates the fields of those that changed;
  /// disclosures are added when new and updated when their address or end changed.
  private func merge(
    _ entries: [MilestoneEntry], into project: ProjectRecord, actor: String, report: inout ImportReport,
    _ db: Database, updateFields: Bool = true
  ) throws {
    var ids: [MilestoneKey: Int64] = [:]
    var inserted = Set<Int64>()
    for entry in entries {
      let id: Int64
      if var existing = try existingMilestone(entry.key, projectId: project.id!, db) {
        id = existing.id!
        if updateFields {
          let old = existing
          existing.summary = entry.summary
          existing.responsibleUnit = entry.responsibleUnit
          existing.withdrawnReason = entry.withdrawnReason
          if try update(existing, from: old, project: project.code, actor: actor, db) { report.milestonesWritten += 1 }
        }
        for disclosure in entry.disclosures {
          try merge(disclosure, milestone: id, project: project.code, actor: actor, report: &report, db)
        }
      } else if let withdrawn = try withdrawnMilestone(entry.key, projectId: project.id!, db) {
        // A withdrawal stands: a file written before it does not bring the milestone back.
        id = withdrawn.id!
      } else {
        id = try insertMilestone(entry, changesId: nil, project: project, actor: actor, db)
        inserted.insert(id)
        report.milestonesWritten += 1
        report.disclosuresWritten += entry.disclosures.count
      }
      ids[entry.key] = id
    }
    // Links to changed milestones, once every milestone of the file exists.
    for entry in entries where updateFields {
      let target = try entry.changes.map { key in
        if let id = ids[key] { return id }
        guard let record = try existingMilestone(key, projectId: project.id!, db) else {
          throw StoreError.invalid(.invalidField("changes", key.description, "no such milestone in project \(project.code)"))
        }
        return record.id!
      }
      let old = try MilestoneRecord.fetchOne(db, key: ids[entry.key]!)!
      guard old.withdrawnReason == nil || entry.withdrawnReason != nil else { continue }
      var record = old
      record.changesId = target
      if try update(record, from: old, project: project.code, actor: actor, db), !inserted.contains(old.id!) {
        report.milestonesWritten += 1
      }
    }
  }

  private func merge(
    _ disclosure: Disclosure, milestone: Int64, project: String, actor: String, report: inout ImportReport, _ db: Database
  ) throws {
    var record = DisclosureRecord(
      id: nil, milestoneId: milestone, publishedOn: disclosure.publishedOn.description, channel: disclosure.channel,
      url: disclosure.url, until: disclosure.until?.description, withdrawnReason: nil, recordedBy: actor, recordedAt: clock(), serialYear: nil, serial: nil)
    if try withdrawnDisclosure(record, db) != nil, try existingDisclosure(record, db) == nil {
      return  // withdrawn in the register: a file written before does not bring it back
    }
    if let old = try existingDisclosure(record, db) {
      var updated = old
      updated.url = record.url
      updated.until = record.until
      if try update(updated, from: old, project: project, actor: actor, db) { report.disclosuresWritten += 1 }
    } else {
      try insert(&record, project: project, actor: actor, db)
      report.disclosuresWritten += 1
    }
  }

  private func withdrawnDisclosure(_ record: DisclosureRecord, _ db: Database) throws -> DisclosureRecord? {
    try DisclosureRecord.filter(Column("milestoneId") == record.milestoneId && Column("publishedOn") == record.publishedOn
      && Column("channel") == record.channel && Column("withdrawnReason") != nil).fetchOne(db)
  }

  private func withdrawnMilestone(_ key: MilestoneKey, projectId: Int64, _ db: Database) throws -> MilestoneRecord? {
    try MilestoneRecord.fetchOne(db.cachedStatement(sql: """
      SELECT * FROM milestone WHERE projectId = ? AND kind = ? AND formedOn = ? AND IFNULL(reference, '') = ?
        AND withdrawnReason IS NOT NULL ORDER BY id DESC LIMIT 1
      """), arguments: [projectId, key.kind, key.formedOn.description, key.reference ?? ""])
  }
}
