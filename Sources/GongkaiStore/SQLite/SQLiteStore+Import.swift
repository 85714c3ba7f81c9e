import GRDB
import GongkaiCore

/// Bulk loads: whole projects from project files, milestone rows from spreadsheets. Each is one transaction
/// that reads its source item by item: memory stays bounded, and all of it is written or none of it.
extension SQLiteStore {
  public func importProjects(
    _ documents: some ImportSource<ProjectDocument>, actor: String, progress: ProgressReporter?
  ) throws -> ImportReport {
    var source = documents
    return try logged(actor: actor, bulk: true) { write in
      var report = ImportReport()
      report.loggedAfter = try Int64.fetchOne(write.db, sql: "SELECT IFNULL(MAX(id), 0) FROM changeLog") ?? 0
      var problems = Rejections()
      var imported = try ImportedProjects(write.db)
      var units = UnitsMet()
      let registeredBefore = try Int64.fetchOne(write.db, sql: "SELECT IFNULL(MAX(id), 0) FROM project") ?? 0
      var position = 0
      while let document = try source.next() {
        position += 1
        defer { progress?.advance(to: position, of: source.expectedCount ?? 0) }
        let before = report
        let refusedBefore = problems.count
        report.projectFieldLines = document.fieldLines
        let code = document.project.code.rawValue
        let old = try importedProject(code: code, write)
        if let reason = old?.withdrawnReason {
          try passOver(.withdrawn(code, reason: reason), at: position, from: &source, report: &report, problems: &problems)
          continue
        }
        if old == nil, let correction = try write.formerCode(code) {
          try passOver(.recoded(correction, fileNames: document.project.name), at: position, from: &source, report: &report,
                       problems: &problems)
          continue
        }
        if let id = old?.id {
          if let earlier = imported.position(ofProject: id) {
            let problem = StoreError.LineProblem(line: position, field: "code",
              message: "project \(code) is also in \(try source.itemName(at: earlier)); keep one file per project")
            problems.reject(problem, from: &source)
          } else {
            imported.record(project: id, position: position)
          }
        }
        // Asked before the write, as afterwards the register names them; no array made for a file.
        try units.resemblances(of: document.project.responsibleUnit, write.db)
        for case let unit? in document.milestones.lazy.map(\.responsibleUnit) { try units.resemblances(of: unit, write.db) }
        let written = if let old {
          try update(old, from: document, at: position, from: &source, report: &report, problems: &problems,
                     refusedBefore: refusedBefore, write)
        } else {
          try insert(document, at: position, from: &source, imported: &imported, report: &report, problems: &problems, write)
        }
        guard written else { continue }
        try noteUnitsWrittenOtherwise(in: document, at: position, units: &units, report: &report, write.db)
        if report.created == before.created && report.updated == before.updated {
          if report.milestonesWritten + report.disclosuresWritten > before.milestonesWritten + before.disclosuresWritten {
            report.updated += 1
          } else {
            report.unchanged += 1
          }
        }
      }
      for (id, refusal) in try namesakes(registeredAfter: registeredBefore, write.db) {
        guard let position = imported.position(ofProject: id) else { continue }
        let problem = StoreError.LineProblem(line: position, field: "code", message: refusal.description)
        problems.reject(problem, from: &source)
      }
      // The source throws what it was told at its end, these last problems with the others.
      if !problems.isEmpty { _ = try source.next() }
      guard problems.isEmpty else { throw StoreError.importRejected(problems.first) }
      return report
    }
  }

  /// Updates a registered project from its file, and merges the file's milestones; `false` when the file is refused
  /// (the problems told from `refusedBefore` on are this file's), so that nothing of it is written. The files after a
  /// refused one are still merged, though the import will roll back: a 文号 typed otherwise than the register has it is
  /// found only by merging, and every such file is told in one run.
  private func update(
    _ old: ProjectRecord, from document: ProjectDocument, at position: Int, from source: inout some ImportSource<ProjectDocument>,
    report: inout ImportReport, problems: inout Rejections, refusedBefore: Int, _ write: RegisterWrite
  ) throws -> Bool {
    let code = document.project.code.rawValue
    let project = ProjectRecord(document.project, replacing: old)
    for stale in try staleFields(of: project, stored: old, write) {
      problems.reject(StoreError.LineProblem(line: position, field: stale.field, message: stale.message), from: &source)
    }
    // A rename to the name of a project whose code is near, refused as `project edit --name` refuses it.
    if project.name != old.name, case .namesakeProject(_, let registered, let name)? = try namesake(of: document.project, write.db) {
      let problem = StoreError.LineProblem(
        line: position, field: "name", message: StoreError.namesakeRename(code, registered: registered, name: name).description)
      problems.reject(problem, from: &source)
    }
    guard problems.count == refusedBefore else { return false }
    if try write.update(project, from: old, project: code) { report.updated += 1 }
    // A new unit answers for the milestones recorded from now on, as `project edit --unit` has it: those recorded
    // before keep the unit they had, so that per-unit results of past years do not change after the fact.
    let recordedBefore = project.responsibleUnit == old.responsibleUnit
      ? nil : try Int64.fetchOne(write.db, sql: "SELECT IFNULL(MAX(id), 0) FROM milestone")
    guard try merged(document, into: project, isNew: false, at: position, from: &source, report: &report, problems: &problems, write,
                     unitChanged: recordedBefore != nil) else { return false }
    if let recordedBefore,
       case let kept = try settleUnit(ofMilestonesOf: old, recordedThrough: recordedBefore, .keepUnit, write).changed, kept > 0
    {
      report.milestonesWritten += kept
      report.notice(at: position, field: "responsible-unit", """
        \(kept) milestone\(kept == 1 ? "" : "s") recorded before kept \(old.responsibleUnit) as their unit, as `gongkai project edit \
        --unit` keeps them; run `gongkai export project \(code)` to bring the file up to date, and give a milestone \
        `unit: \(project.responsibleUnit)` there if it moves with the project
        """)
    }
    return true
  }

  /// Registers a project from its file, and merges the file's milestones; `false` when one of them conflicts. A project
  /// is created and merged after a refusal too, so that a second file of it and its milestones' conflicts are still
  /// found; the rollback removes it.
  private func insert(
    _ document: ProjectDocument, at position: Int, from source: inout some ImportSource<ProjectDocument>,
    imported: inout ImportedProjects, report: inout ImportReport, problems: inout Rejections, _ write: RegisterWrite
  ) throws -> Bool {
    var project = ProjectRecord(inserting: document.project)
    try write.insert(&project, project: document.project.code.rawValue)
    imported.record(project: project.id!, position: position)
    report.created += 1
    return try merged(document, into: project, isNew: true, at: position, from: &source, report: &report, problems: &problems, write)
  }

  /// The projects registered after project `id` (by this import) whose code is one or two characters off that of a
  /// project registered before them under the same name (``SQLiteStore/namesake(of:_:)``), with the refusal. One query
  /// for the whole import: SQLite joins the names through an index it builds for the query (the register keeps none by
  /// name), where a look for each new project through the codes' index would read every code of its year and division.
  private func namesakes(registeredAfter id: Int64, _ db: Database) throws -> [(Int64, StoreError)] {
    try Row.fetchAll(db, sql: """
      SELECT n.id, n.code, o.code, n.name FROM project n JOIN project o ON o.name = n.name AND o.id < n.id
      WHERE n.id > ? AND o.withdrawnReason IS NULL AND substr(o.code, 1, 12) = substr(n.code, 1, 12)
      """, arguments: [id])
      .filter { EditDistance.between($0[1] as String, $0[2] as String, atMost: 2) != nil }
      .map { ($0[0], StoreError.namesakeProject($0[1], registered: $0[2], name: $0[3])) }
  }

  /// A project file whose code nothing may be recorded under.
  private enum PassedOver {
    /// The project was withdrawn as registered by mistake.
    case withdrawn(String, reason: String)
    /// The code was corrected to the project's right one; the file names a project, which may be another one.
    case recoded(FormerCode, fileNames: String)
  }

  /// Merges a project file's milestones (``merge(_:into:isNew:at:report:_:updateFields:unitChanged:link:lines:)``);
  /// `false` when one of them conflicts with the register (its 文号 typed otherwise than the same document's), which
  /// is then refused with the other problems of the import.
  private func merged(
    _ document: ProjectDocument, into project: ProjectRecord, isNew: Bool, at position: Int,
    from source: inout some ImportSource<ProjectDocument>, report: inout ImportReport, problems: inout Rejections,
    _ write: RegisterWrite, unitChanged: Bool = false
  ) throws -> Bool {
    // After a refusal, only so far: see ``Rejections/allowsMerging(at:within:sourceRefused:)``.
    guard problems.allowsMerging(at: position, within: Rejections.filesMergedAfterRefusal, sourceRefused: source.hasProblems) else {
      problems.stopMerging(at: position, field: "code", items: "files", from: &source)
      return false
    }
    do {
      try merge(document.milestones, into: project, isNew: isNew, at: position, report: &report, write, unitChanged: unitChanged,
                lines: document.milestoneLines)
      return true
    } catch let conflict as RefusedField {
      let problem = StoreError.LineProblem(line: position, field: conflict.field, message: conflict.message)
      problems.reject(problem, from: &source)
      return false
    } catch StoreError.invalid(let error) {
      // What the register refuses of the file's values, told with the other problems, at the file.
      problems.reject(StoreError.LineProblem(line: position, field: error.field, message: error.description), from: &source)
      return false
    }
  }

  /// Notes each unit of a project file, the project's or a milestone's, that the register named nowhere before the file
  /// recorded it and that may be a unit it names written otherwise (``UnitsMet``), once, where the file first gives it.
  private func noteUnitsWrittenOtherwise(
    in document: ProjectDocument, at position: Int, units: inout UnitsMet, report: inout ImportReport, _ db: Database
  ) throws {
    // Nearly every file of an import names only units the register names: nothing to look at.
    guard units.awaitsRecording else { return }
    defer { report.entryLine = nil }
    let project = document.project.responsibleUnit
    if case let resembled = try units.recorded(project, db), !resembled.isEmpty {
      report.notice(at: position, field: "responsible-unit", StoreError.unitWrittenOtherwise(project, resembling: resembled))
    }
    for (index, entry) in document.milestones.enumerated() {
      guard let unit = entry.responsibleUnit, case let resembled = try units.recorded(unit, db), !resembled.isEmpty else { continue }
      report.point(atEntry: index, of: document.milestoneLines)
      report.notice(at: position, field: "milestones[\(index)].unit", StoreError.unitWrittenOtherwise(unit, resembling: resembled))
    }
  }

  /// The document of a project withdrawn as registered by mistake, or of a code corrected away. A folder's file is
  /// passed over, said, while the other files are imported: a folder synchronised every night still holds the file
  /// exported before the withdrawal or the correction, and refusing it would hold back every other project's records. A
  /// file named is meant to be imported: refused.
  private func passOver(
    _ passed: PassedOver, at position: Int, from source: inout some ImportSource<ProjectDocument>,
    report: inout ImportReport, problems: inout Rejections
  ) throws {
    // What to do with the file in a folder, when correcting it is not the fix.
    let (said, fix, otherwise): (String, String, String?) = switch passed {
    case .withdrawn(let code, let reason):
      ("project \(code) was withdrawn as registered by mistake (\(reason)), and nothing is recorded under its code while it stays withdrawn",
       "correct the file's code: line if it holds the project under its right code (or run `gongkai project "
         + "reinstate \(code) --reason … --yes` first if the withdrawal was the mistake)",
       "`gongkai history \(code)` shows who withdrew it and when")
    case .recoded(let correction, let name) where name != correction.name:
      // Another project that really has the code: told apart by its name, it is not pointed at the corrected one's code.
      ("the file names \(name), but \(correction.former) was the code of \(correction.name) until it was corrected to "
         + "\(correction.code) (\(correction.reason)), and a code corrected away stays with that project's record",
       "if the file is that project's, correct its code: line to \(correction.code); if it is another project whose code "
         + "really is \(correction.former), take the file out of the folders you import: this register cannot hold it under "
         + "that code (`gongkai history \(correction.code)` shows who corrected the code and when)",
       nil)
    case .recoded(let correction, _):
      ("project \(correction.former) is registered under its right code \(correction.code) (\(correction.reason)), so nothing is "
         + "recorded under \(correction.former)",
       "correct the file's code: line to \(correction.code), or replace the file with `gongkai export project \(correction.code)`",
       "`gongkai history \(correction.code)` shows who corrected the code and when")
    }
    guard try source.isListed(at: position) else {
      let problem = StoreError.LineProblem(line: position, field: "code", message: "\(said); \(fix)")
      return problems.reject(problem, from: &source)
    }
    switch passed {
    case .withdrawn: report.skippedWithdrawn += 1
    case .recoded: report.skippedRecoded += 1
    }
    report.notice(at: position, field: "code", "not imported: \(said); \(fix)"
      + (otherwise.map { ", else take the file out of the folder (\($0))" } ?? ""))
  }

  public func importMilestones(
    _ rows: some ImportSource<MilestoneRow>, actor: String, progress: ProgressReporter?
  ) throws -> ImportReport {
    var source = rows
    return try logged(actor: actor, bulk: true) { write in
      var report = ImportReport()
      report.loggedAfter = try Int64.fetchOne(write.db, sql: "SELECT IFNULL(MAX(id), 0) FROM changeLog") ?? 0
      let disclosures = try Int64.fetchOne(write.db, sql: "SELECT IFNULL(MAX(id), 0) FROM disclosure") ?? 0
      write.disclosuresStated = IDTable(bitsPerID: 4, denseThrough: disclosures, grows: true)
      var problems = Rejections()
      // Rows usually come project by project: one lookup per run of rows, never the whole register in memory.
      var project: (code: ProjectCode, record: ProjectRecord?)?
      // The publications rows of the project's run added to milestones recorded before, by what the row gives, with
      // their ids: a row repeating one is told by them without a lookup, in memory bounded by a project's rows.
      var publicationsAdded: [RowPublication: Int64] = [:]
      var refused = RefusedRows()
      var units = UnitsMet()
      var position = 0
      while let row = try source.next() {
        position += 1
        defer { progress?.advance(to: position, of: source.expectedCount ?? 0) }
        if project?.code != row.project {
          project = (row.project, try importedProject(code: row.project.rawValue, write))
          publicationsAdded.removeAll(keepingCapacity: true)
          refused.removeAll()
        }
        var rejections: [StoreError.LineProblem] = []
        var link: Int64?
        // A link to a row refused above, or to a row read once merging stopped, is not refused: the row it names was
        // not written. The row is not merged without it.
        var linksRefusedRow = false
        if let key = row.entry.changes, let record = project?.record {
          switch try self.link(of: row, in: record, report: &report, write) {
          case .success(let id): link = id
          case .failure(let refusal) where refusal.namesNone && (problems.stoppedMerging || refused.areNamed(by: key)):
            linksRefusedRow = true
          case .failure(let refusal): rejections.append(.init(line: row.line, field: "changes", message: refusal.message))
          }
        }
        rejections += try refusals(of: row, in: project?.record, namingOthers: !problems.isFull, write)
        for problem in rejections {
          problems.reject(problem, from: &source)
        }
        // After a rejection the import will roll back, but the rows after it are still merged: a 文号 or a channel typed
        // otherwise than the register has it is found only by merging, and a ledger's every such row is told in one run.
        // Only so far: a sheet of millions of rows refused at its first would write them all before rolling back.
        guard rejections.isEmpty, !linksRefusedRow, let record = project?.record else {
          refused.note(row.entry.key)
          continue
        }
        guard problems.allowsMerging(at: position, within: Rejections.rowsMergedAfterRefusal, sourceRefused: source.hasProblems) else {
          problems.stopMerging(at: row.line, field: "project", items: "rows", from: &source)
          continue
        }
        let before = report.milestonesWritten + report.disclosuresWritten
        if let unit = row.entry.responsibleUnit { try units.resemblances(of: unit, write.db) }
        // A withdrawal recorded without the decision it withdraws (rare rows: two more lookups each).
        let unlinkedWithdrawal = try row.entry.changes == nil && source.withdrawsADecision(row.entry.kind)
          && recordedMilestone(row.entry.key, projectId: record.id!, preferringWithdrawn: false, write) == nil
        let addedBefore = report.addedDisclosures?.upperBound
        do {
          try merge([row.entry], into: record, isNew: false, at: row.line, report: &report, write, updateFields: false, link: link)
          if let added = report.addedDisclosures?.upperBound, added != addedBefore, let key = RowPublication(row) {
            publicationsAdded[key] = added
          }
        } catch let conflict as RefusedField {
          // The row's writes are rolled back with the import.
          problems.reject(.init(line: row.line, field: conflict.field, message: conflict.message), from: &source)
          refused.note(row.entry.key)
          continue
        } catch StoreError.invalid(let error) {
          // What the register refuses of the row's values (a publication before the day its milestone was amended to),
          // told at its line with the other problems.
          problems.reject(.init(line: row.line, field: error.field, message: error.description), from: &source)
          refused.note(row.entry.key)
          continue
        }
        if let unit = row.entry.responsibleUnit, case let resembled = try units.recorded(unit, write.db), !resembled.isEmpty {
          report.notice(at: row.line, field: "unit", StoreError.unitWrittenOtherwise(unit, resembling: resembled))
        }
        if unlinkedWithdrawal, let added = try recordedMilestone(row.entry.key, projectId: record.id!, preferringWithdrawn: false, write) {
          report.notice(at: row.line, field: "changes", """
            \(row.entry.kind) withdraws a decision but names none: the public notices keep that decision as in force; link it \
            with `gongkai amend \(added.id) --changes ID --reason 关联所撤回的决定`, ID being the decision's milestone \
            (`gongkai project show \(record.code)` lists them), or give the decision in the changes (所变更信息) column before \
            the row is imported, e.g. quality-safety.penalty@2026-05-11#罚1号
            """)
        }
        guard report.milestonesWritten + report.disclosuresWritten == before else {
          report.updated += 1
          continue
        }
        report.unchanged += 1
        try noteIfRepeated(row, in: record, publicationsAdded: publicationsAdded, report: &report, write)
      }
      // A source must throw what it was told; one that does not still writes nothing.
      guard problems.isEmpty else { throw StoreError.importRejected(problems.first) }
      for line in source.passedOver() { report.notice(at: line.line, field: line.field, line.message) }
      return report
    }
  }

  /// Why a spreadsheet row cannot be recorded in the project it names (`project`, `nil` when none is registered under
  /// its code): the project withdrawn, a 项目名称 not the project's, a publication dated before its milestone may be, a
  /// code corrected away, or a code no project has. `namingOthers`: whether to say whose name a row's 项目名称 is, a
  /// lookup by name, while refusals are still shown.
  private func refusals(of row: MilestoneRow, in project: ProjectRecord?, namingOthers: Bool, _ write: RegisterWrite) throws
    -> [StoreError.LineProblem]
  {
    if let reason = project?.withdrawnReason {
      return [.init(line: row.line, field: "project", message: StoreError.projectWithdrawn(row.project.rawValue, reason: reason).description)]
    }
    if let project {
      var refusals: [StoreError.LineProblem] = []
      if let name = row.projectName, !Project.isNamed(name, registeredAs: project.name),
        try !formerNames(of: project, write).contains(where: { Project.isNamed(name, registeredAs: $0) })
      {
        // The code of the project the name is, when it is one's: the code was typed for it, or dragged down the column.
        let named = namingOthers
          ? try String.fetchOne(write.db, sql: "SELECT code FROM project WHERE name = ? AND withdrawnReason IS NULL LIMIT 1",
                                arguments: [name])
          : nil
        let whose = named.map { "; it is the name of project \($0)" } ?? ""
        refusals.append(.init(line: row.line, field: "name", message: """
          '\(name)' is not the name of project \(row.project), registered as '\(project.name)'\(whose): if the 项目代码 is \
          another project's, correct it; if the name is wrong, correct the cell (or delete the column, which the import only \
          checks)
          """))
      }
      // The row names the milestone by its day, so a stored one was formed that day too.
      return refusals + row.entry.disclosures.compactMap { disclosure in
        precedenceProblem(of: disclosure.publishedOn, kind: row.entry.kind, formedOn: row.entry.formedOn, isChange: row.entry.changes != nil)
          .map { .init(line: row.line, field: $0.field, message: $0.description) }
      }
    }
    if let correction = try write.formerCode(row.project.rawValue) {
      return [.init(line: row.line, field: "project", message: correction.refusal.description)]
    }
    let meant = try codesMeant(by: row.project, write.db)
    let fix = meant.isEmpty
      ? "register it first with `gongkai project add` if it is new"
      : StoreError.didYouMean(meant) + " If it is a new project, register it first with `gongkai project add`"
    return [.init(line: row.line, field: "project", message: """
      unknown project '\(row.project)'; \(fix) (`gongkai project list` shows the registered codes)
      """)]
  }

  /// The names a project had before `project edit --name` (or an import) renamed it: a ledger kept since gives one of them
  /// beside the code, rightly. Asked only of a row whose name is not the project's.
  private func formerNames(of project: ProjectRecord, _ write: RegisterWrite) throws -> [String] {
    try String.fetchAll(write.db, sql: """
      SELECT json_extract(before, '$.name') FROM changeLog
      WHERE entity = 'project' AND entityId = ? AND json_extract(before, '$.name') IS NOT NULL
        AND json_extract(before, '$.name') IS NOT json_extract(after, '$.name')
      """, arguments: [project.id])
  }

  /// Says of a row that adds nothing to a milestone rows above added that it repeats them: a copied row meant for
  /// another milestone or publication, whose own values were never typed in. Looked up only while the import adds.
  private func noteIfRepeated(
    _ row: MilestoneRow, in record: ProjectRecord, publicationsAdded: [RowPublication: Int64], report: inout ImportReport,
    _ write: RegisterWrite
  ) throws {
    if let added = report.addedMilestones,
      let recorded = try recordedMilestone(row.entry.key, projectId: record.id!, preferringWithdrawn: false, write),
      added.contains(recorded.id)
    {
      let publication = row.entry.disclosures.isEmpty ? "" : ", and its publication"
      return report.notice(at: row.line, field: "kind", """
        repeats what rows above gave (\(row.entry.key.described), milestone \(recorded.id)\(publication)) and adds nothing; \
        delete the row, or correct it if it was copied for another milestone or publication
        """)
    }
    // A publication a row above added to a milestone recorded before.
    guard let key = RowPublication(row), let id = publicationsAdded[key] else { return }
    report.notice(at: row.line, field: "published", """
      repeats what rows above gave (disclosure \(id), \(key.publishedOn) \(key.channel), of \(row.entry.key.described)) and adds \
      nothing; delete the row, or correct it if it was copied for another publication
      """)
  }

  /// What a spreadsheet row gives of a publication: its milestone's key and the publication's day and channel.
  struct RowPublication: Hashable {
    let milestone: MilestoneKey
    let publishedOn: CivilDate
    let channel: String

    init?(_ row: MilestoneRow) {
      guard let publication = row.entry.disclosures.first else { return nil }
      (milestone, publishedOn, channel) = (row.entry.key, publication.publishedOn, publication.channel)
    }
  }

  /// The milestone a spreadsheet row's `changes` names, for a row that adds its milestone. A row whose milestone is
  /// recorded (or was, under a key an amendment replaced) changes no stored field, its link included: nothing to
  /// find, and said when the register links otherwise than the row.
  private func link(of row: MilestoneRow, in record: ProjectRecord, report: inout ImportReport, _ write: RegisterWrite)
    throws -> Result<Int64?, LinkRefusal>
  {
    guard let key = row.entry.changes else { return .success(nil) }
    let recorded = try recordedMilestone(row.entry.key, projectId: record.id!, preferringWithdrawn: false, write)
      ?? milestoneAmended(from: row.entry.key, project: record, write)
    let found = try linkedMilestone(key, projectId: record.id!, write.db)
    guard let recorded else { return found.map { $0 } }
    if !recorded.withdrawn, case .success(let id) = found, id != recorded.id,
      case let stored = try Int64.fetchOne(write.db, sql: "SELECT changesId FROM milestone WHERE id = ?", arguments: [recorded.id]),
      id != stored
    {
      // A sheet written before the link was corrected names what it was corrected from.
      if let change = try change(of: "changesId", from: id, entity: "milestone", id: recorded.id, write.db) {
        report.notice(at: row.line, field: "changes", """
          names milestone \(id), which milestone \(recorded.id) changed before \(change.actor) corrected its link on \
          \(dayOf(change.at)) (it now \(stored.map { "changes \($0)" } ?? "names none it changes")); the sheet was written before \
          that, and the import kept the correction
          """)
        return .success(nil)
      }
      report.notice(at: row.line, field: "changes", """
        names milestone \(id), but milestone \(recorded.id), which the row is, \(stored.map { "changes \($0)" } ?? "names none it changes"); \
        an import does not change a stored link: to link it, run `gongkai amend \(recorded.id) --changes \(id) --reason …`
        """)
    }
    return .success(nil)
  }
}
