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
      let registeredBefore = try Int64.fetchOne(write.db, sql: "SELECT IFNULL(MAX(id), 0) FROM project") ?? 0
      var position = 0
      while let document = try source.next() {
        position += 1
        defer { progress?.advance(to: position, of: source.expectedCount ?? 0) }
        let before = report
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
            source.reject(line: problem.line, field: problem.field, message: problem.message)
            problems.append(problem)
          } else {
            imported.record(project: id, position: position)
          }
        }
        if let old {
          let project = ProjectRecord(document.project, replacing: old)
          for stale in try staleFields(of: project, stored: old, write) {
            let problem = StoreError.LineProblem(line: position, field: stale.field, message: stale.message)
            source.reject(line: problem.line, field: problem.field, message: problem.message)
            problems.append(problem)
          }
          // A rename to the name of a project whose code is near, refused as `project edit --name` refuses it.
          if project.name != old.name, case .namesakeProject(_, let registered, let name)? = try namesake(of: document.project, write.db) {
            let problem = StoreError.LineProblem(
              line: position, field: "name", message: StoreError.namesakeRename(code, registered: registered, name: name).description)
            source.reject(line: problem.line, field: problem.field, message: problem.message)
            problems.append(problem)
          }
          // After a rejection the import will roll back: read on only to find every problem.
          guard problems.isEmpty else { continue }
          if try write.update(project, from: old, project: code) { report.updated += 1 }
          // A new unit answers for the milestones recorded from now on, as `project edit --unit` has it: those recorded
          // before keep the unit they had, so that per-unit results of past years do not change after the fact.
          let recordedBefore = project.responsibleUnit == old.responsibleUnit
            ? nil : try Int64.fetchOne(write.db, sql: "SELECT IFNULL(MAX(id), 0) FROM milestone")
          try merge(document.milestones, into: project, isNew: false, at: position, report: &report, write,
                    unitChanged: recordedBefore != nil, lines: document.milestoneLines)
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
        } else {
          // A new project is created even after a rejection, without its milestones, so that a second document of it
          // is still found; the rollback removes it.
          var project = ProjectRecord(inserting: document.project)
          try write.insert(&project, project: code)
          imported.record(project: project.id!, position: position)
          guard problems.isEmpty else { continue }
          report.created += 1
          try merge(document.milestones, into: project, isNew: true, at: position, report: &report, write,
                    lines: document.milestoneLines)
        }
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
        source.reject(line: problem.line, field: problem.field, message: problem.message)
        problems.append(problem)
      }
      // The source throws what it was told at its end, these last problems with the others.
      if !problems.isEmpty { _ = try source.next() }
      guard problems.isEmpty else { throw StoreError.importRejected(problems.first) }
      return report
    }
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
      source.reject(line: problem.line, field: problem.field, message: problem.message)
      return problems.append(problem)
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
      write.disclosuresStated = IDTable(bitsPerID: 2, denseThrough: disclosures, grows: true)
      var problems = Rejections()
      // Rows usually come project by project: one lookup per run of rows, never the whole register in memory.
      var project: (code: ProjectCode, record: ProjectRecord?)?
      var position = 0
      while let row = try source.next() {
        position += 1
        defer { progress?.advance(to: position, of: source.expectedCount ?? 0) }
        if project?.code != row.project { project = (row.project, try importedProject(code: row.project.rawValue, write)) }
        var rejections: [StoreError.LineProblem] = []
        // Rows above included, while none was refused: after a refusal nothing more is written, and a link to a later
        // row would read as naming nothing.
        var link: Int64?
        if row.entry.changes != nil, let record = project?.record, problems.isEmpty {
          switch try self.link(of: row, in: record, report: &report, write) {
          case .success(let id): link = id
          case .failure(let refusal): rejections.append(.init(line: row.line, field: "changes", message: refusal.message))
          }
        }
        if let reason = project?.record?.withdrawnReason {
          rejections.append(.init(line: row.line, field: "project",
                                  message: StoreError.projectWithdrawn(row.project.rawValue, reason: reason).description))
        } else if project?.record != nil {
          // The row names the milestone by its day, so a stored one was formed that day too.
          let formed = row.entry.formedOn
          for disclosure in row.entry.disclosures {
            guard let problem = precedenceProblem(of: disclosure.publishedOn, kind: row.entry.kind, formedOn: formed,
                                                  isChange: row.entry.changes != nil) else { continue }
            rejections.append(.init(line: row.line, field: problem.field, message: problem.description))
          }
        } else if let correction = try write.formerCode(row.project.rawValue) {
          rejections.append(.init(line: row.line, field: "project", message: correction.refusal.description))
        } else {
          let meant = try codesMeant(by: row.project, write.db)
          let fix = meant.isEmpty
            ? "register it first with `gongkai project add` if it is new"
            : StoreError.didYouMean(meant) + " If it is a new project, register it first with `gongkai project add`"
          rejections.append(.init(line: row.line, field: "project", message: """
            unknown project '\(row.project)'; \(fix) (`gongkai project list` shows the registered codes)
            """))
        }
        for problem in rejections {
          source.reject(line: problem.line, field: problem.field, message: problem.message)
          problems.append(problem)
        }
        // After a rejection the import will roll back: read on only to find every problem.
        guard problems.isEmpty, let record = project?.record else { continue }
        let before = report.milestonesWritten + report.disclosuresWritten
        // A withdrawal recorded without the decision it withdraws (rare rows: two more lookups each).
        let unlinkedWithdrawal = try row.entry.changes == nil && source.withdrawsADecision(row.entry.kind)
          && recordedMilestone(row.entry.key, projectId: record.id!, preferringWithdrawn: false, write) == nil
        do {
          try merge([row.entry], into: record, isNew: false, at: row.line, report: &report, write, updateFields: false, link: link)
        } catch let repeated as RepeatedPublication {
          // The row's writes are rolled back with the import.
          source.reject(line: row.line, field: repeated.field, message: repeated.message)
          problems.append(.init(line: row.line, field: repeated.field, message: repeated.message))
          continue
        }
        if unlinkedWithdrawal, let added = try recordedMilestone(row.entry.key, projectId: record.id!, preferringWithdrawn: false, write) {
          report.notice(at: row.line, field: "changes", """
            \(row.entry.kind) withdraws a decision but names none: the public notices keep that decision as in force; link it \
            with `gongkai amend \(added.id) --changes ID --reason 关联所撤回的决定`, ID being the decision's milestone \
            (`gongkai project show \(record.code)` lists them), or give the decision in the changes (所变更信息) column before \
            the row is imported, e.g. quality-safety.penalty@2026-05-11#罚1号
            """)
        }
        if report.milestonesWritten + report.disclosuresWritten == before { report.unchanged += 1 } else { report.updated += 1 }
      }
      // A source must throw what it was told; one that does not still writes nothing.
      guard problems.isEmpty else { throw StoreError.importRejected(problems.first) }
      return report
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
          \(change.at.prefix(10)) (it now \(stored.map { "changes \($0)" } ?? "names none it changes")); the sheet was written before \
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

  /// Adds the entries that are new and, with `updateFields`, updates the fields of those that changed;
  /// disclosures are added when new and updated when their address or end changed. In a project created by
  /// this import (`isNew`) nothing can exist yet but what the same document added, so those lookups are skipped.
  /// What may not be what was meant is noted in `report` at `position`: a field a spreadsheet row gives otherwise
  /// than the stored milestone (which it does not change), and a new milestone whose 文号 is recorded on another day.
  /// When the file changes the project's unit (`unitChanged`), a milestone it gives no unit keeps the one it had: the
  /// file reads as the project's new unit, the register as what the milestone answered for, and neither as a third.
  private func merge(
    _ entries: [MilestoneEntry], into project: ProjectRecord, isNew: Bool, at position: Int, report: inout ImportReport,
    _ write: RegisterWrite, updateFields: Bool = true, unitChanged: Bool = false, link: Int64? = nil, lines: [Int] = []
  ) throws {
    // Each notice about an entry names its line in the file, where the file gave one.
    func at(_ index: Int) { report.entryLine = lines.indices.contains(index) && lines[index] > 0 ? lines[index] : nil }
    defer { report.entryLine = nil }
    let db = write.db
    // What the lookups within a new project and the links pass need; a spreadsheet row (neither) keeps none.
    let tracking = isNew || updateFields
    var ids: [MilestoneKey: Int64] = [:]
    var inserted = Set<Int64>()
    var linkedAtInsert = Set<Int64>()
    if tracking {
      ids.reserveCapacity(entries.count)
      inserted.reserveCapacity(entries.count)
      linkedAtInsert.reserveCapacity(entries.count)
    }
    // The milestones in force by key, and the withdrawn ones, which may share a key with one in force (recorded by
    // mistake, withdrawn, recorded again); and each entry's milestone, for the links pass.
    var withdrawnIDs: [MilestoneKey: Int64] = [:]
    var entryIDs: [Int64] = []
    if tracking { entryIDs.reserveCapacity(entries.count) }
    // A file that lists a key both withdrawn and in force records a mistake and the milestone recorded again in its
    // place: each is a milestone of its own, whatever the register holds under the key so far.
    let withdrawnInFile = Set(entries.lazy.filter { $0.withdrawnReason != nil }.map(\.key))
    let inForceInFile = Set(entries.lazy.filter { $0.withdrawnReason == nil }.map(\.key))
    /// The milestone a link of an entry names: a withdrawn entry's link, the withdrawn one of a shared key.
    func linked(_ key: MilestoneKey, from withdrawn: Bool) -> Int64? {
      withdrawn ? withdrawnIDs[key] ?? ids[key] : ids[key] ?? withdrawnIDs[key]
    }
    for (index, entry) in entries.enumerated() {
      at(index)
      let id: Int64
      let withdrawn = entry.withdrawnReason != nil
      if isNew, withdrawn || ids[entry.key] == nil {
        // An entry in force links the key's milestone in force: one the file lists further on is linked once every
        // milestone exists, and the withdrawn one of the key only where the file lists none in force.
        let target = entry.changes.flatMap { key in
          withdrawn || !inForceInFile.contains(key) ? linked(key, from: withdrawn) : ids[key]
        }
        if let target, let key = entry.changes, !withdrawn { try requireInForce(linked: target, by: key, of: project, db) }
        id = try insertMilestone(entry, changesId: target, project: project, write)
        report.recordAdded(milestone: id)
        noteIfBeforeTheRegulation(entry, milestone: id, at: position, report: &report)
        inserted.insert(id)
        if target != nil || entry.changes == nil { linkedAtInsert.insert(id) }
        report.milestonesWritten += 1
        report.disclosuresWritten += entry.disclosures.count
      } else if case let direct = try recordedMilestone(entry.key, projectId: project.id!, preferringWithdrawn: withdrawn, write),
        let recorded = try direct ?? milestoneAmended(from: entry.key, project: project, write),
        withdrawn ? recorded.withdrawn || !inForceInFile.contains(entry.key) : !recorded.withdrawn || !withdrawnInFile.contains(entry.key)
      {
        // A withdrawal stands: a file written before it does not bring the milestone back. So does an amendment:
        // the file's entry under the old date or document number is the amended milestone, not a new one; a file
        // that names it so was written before the amendment, and is said to be.
        id = recorded.id
        if direct == nil, !recorded.withdrawn {
          let fix = updateFields ? "`gongkai export project \(project.code)` brings the file up to date" : "correct the row to match it"
          // Named by the field the amendment changed: a 文号 corrected on the same day is the row's `ref` to look at.
          let (field, amended) = recorded.formedOn == entry.formedOn ? ("ref", "文号") : ("formed", "date")
          report.notice(at: position, field: field, """
            \(entry.key.described) is milestone \(id) under the \(amended) it had before an amendment; the file was written before \
            that, and the import kept the amendment: \(fix)
            """)
        }
        if !recorded.withdrawn {
          if let problem = entry.disclosures.lazy.compactMap({
            self.precedenceProblem(of: $0.publishedOn, kind: entry.kind, formedOn: recorded.formedOn, isChange: entry.changes != nil)
          }).first {
            throw StoreError.invalid(problem)
          }
          if !updateFields { noteDifferences(of: entry, from: recorded, project: project, at: position, report: &report) }
          if updateFields, var existing = try MilestoneRecord.fetchOne(db, key: id) {
            let old = existing
            // A correction stands as a withdrawal does: a file that gives a field as a value a later change replaced
            // (an amendment, a unit kept by `project edit`) was written before it, and is noted, not applied.
            let unit = entry.responsibleUnit ?? (unitChanged ? existing.responsibleUnit : nil)
            for (column, field, given, keyPath) in [("summary", "summary", entry.summary, \MilestoneRecord.summary),
                                                    ("responsibleUnit", "unit", unit, \MilestoneRecord.responsibleUnit)]
            where given != existing[keyPath: keyPath] {
              if let change = try change(of: column, from: given, entity: "milestone", id: id, db) {
                let gave = given.map { "'\($0)' is what milestone \(id) gave" }
                  ?? "the file leaves it out (which would clear it), as milestone \(id) had it"
                report.notice(at: position, field: field, """
                  \(gave) before \(change.actor) changed it on \(change.at.prefix(10)) \
                  (it is now '\(existing[keyPath: keyPath] ?? "")'); the file was written before that, and the import kept the change
                  """)
              } else {
                existing[keyPath: keyPath] = given
              }
            }
            // A reinstatement stands too: a file listing the milestone withdrawn for the reason it was reinstated from
            // was written before it.
            if let reason = entry.withdrawnReason, existing.withdrawnReason == nil,
              let change = try change(of: "withdrawnReason", from: reason, entity: "milestone", id: id, db)
            {
              report.notice(at: position, field: "withdrawn", """
                milestone \(id) was withdrawn for this reason before \(change.actor) reinstated it on \(change.at.prefix(10)), and the \
                import kept it in force, as a file written before the reinstatement gives it so: `gongkai export project \(project.code)` \
                brings the file up to date, and `gongkai withdraw \(id) --reason …` withdraws it again if that is meant
                """)
            } else {
              existing.withdrawnReason = entry.withdrawnReason
            }
            if try write.update(existing, from: old, project: project.code) { report.milestonesWritten += 1 }
          }
          for disclosure in entry.disclosures {
            try merge(disclosure, milestone: id, project: project.code, clearing: updateFields, at: position, report: &report, write)
          }
          if updateFields, !entry.disclosures.isEmpty {
            try noteUnlisted(publicationsOf: id, listed: entry.disclosures, project: project.code, at: position, report: &report, db)
          }
        } else if !withdrawn {
          // Applied to nothing, as `disclose` refuses a publication of a withdrawn milestone: said, not passed over.
          let publications = try entry.disclosures.count { try !isRecorded($0, on: id, write.db) }
          let unrecorded = publications == 0 ? "" : publications == 1 ? " and a publication it gives was not recorded"
            : " and \(publications) publications it gives were not recorded"
          report.notice(at: position, field: "kind", """
            \(entry.kind)\(entry.reference.map { " \($0)" } ?? "") formed \(entry.formedOn) is milestone \(id), withdrawn in the \
            register, so the entry was not applied\(unrecorded); if the withdrawal was the mistake, reinstate it \
            (`gongkai reinstate \(id) --reason …`) and import again
            """)
        }
      } else {
        // An entry that arrives withdrawn corrects nothing: it records what was taken back.
        let namesake = try milestone(sharingReferenceOf: entry, projectId: project.id!, write)
        let sameDay = try milestone(differingOnlyInReferenceFrom: entry, projectId: project.id!, write)
        // A spreadsheet row's link was found before (`link`); a file's are made once all its milestones exist.
        id = try insertMilestone(entry, changesId: tracking ? nil : link, project: project, write)
        report.recordAdded(milestone: id)
        noteIfBeforeTheRegulation(entry, milestone: id, at: position, report: &report)
        if let other = namesake {
          let same = other.reference == entry.reference ? "the same 文号" : "the same 文号 typed otherwise (\(other.reference))"
          report.notice(at: position, field: "formed", """
            \(entry.kind) \(entry.reference ?? "") was added as milestone \(id), formed \(entry.formedOn), beside milestone \(other.id), \
            formed \(other.formedOn) with \(same); if this corrects its date, run `gongkai withdraw \(id) --reason 重复登记` \
            and `gongkai amend \(other.id) --date \(entry.formedOn) --reason 更正形成日期`\(try publications(of: entry, movedTo: other.id, db))
            """)
        }
        if let other = sameDay {
          let fix = other.reference.map { _ in "" } ?? " and `gongkai amend \(other.id) --ref \(ShellWord.quoted(entry.reference ?? "")) --reason 补录文号`"
          let typed = other.reference != nil && entry.reference != nil ? " (the same 文号 typed otherwise)" : ""
          report.notice(at: position, field: "ref", """
            \(entry.kind) formed \(entry.formedOn) \(entry.reference.map { "with 文号 \($0)" } ?? "without a 文号") was added as \
            milestone \(id) beside milestone \(other.id), of the same kind and day \(other.reference.map { "with 文号 \($0)" } ?? "without one")\(typed); \
            if they are one document, run `gongkai withdraw \(id) --reason 重复登记`\(fix)\(try publications(of: entry, movedTo: other.id, db))
            """)
        }
        if tracking {
          inserted.insert(id)
          if entry.changes == nil { linkedAtInsert.insert(id) }
        }
        report.milestonesWritten += 1
        report.disclosuresWritten += entry.disclosures.count
      }
      if tracking {
        if withdrawn { withdrawnIDs[entry.key] = id } else { ids[entry.key] = id }
        entryIDs.append(id)
      }
    }
    // Links to changed milestones, once every milestone of the file exists.
    for (index, (entry, id)) in zip(entries, entryIDs).enumerated() where updateFields {
      at(index)
      // A withdrawn milestone already in the register keeps the link it was withdrawn with.
      guard !linkedAtInsert.contains(id), entry.withdrawnReason == nil || inserted.contains(id) else { continue }
      let target = try entry.changes.map { key in
        if let linked = linked(key, from: entry.withdrawnReason != nil) { return linked }
        guard let record = try existingMilestone(key, projectId: project.id!, db) else {
          throw StoreError.invalid(.invalidField("changes", key.description, "no such milestone in project \(project.code)"))
        }
        return record.id!
      }
      guard target != id else { throw StoreError.invalid(.changesItself(entry.key.description)) }
      let old = try MilestoneRecord.fetchOne(db, key: id)!
      guard old.withdrawnReason == nil || entry.withdrawnReason != nil else { continue }
      if let target, let key = entry.changes, old.withdrawnReason == nil, target != old.changesId {
        try requireInForce(linked: target, by: key, of: project, db)
      }
      // A link corrected since (`amend --changes`, or another file) stands as a corrected summary does.
      if target != old.changesId, !inserted.contains(id),
        let change = try change(of: "changesId", from: target, entity: "milestone", id: id, db)
      {
        let gave = entry.changes.map { "'\($0)' is what milestone \(id) changed" }
          ?? "the file names nothing it changes (which would remove the link), as milestone \(id) had it"
        report.notice(at: position, field: "changes", """
          \(gave) before \(change.actor) changed it on \(change.at.prefix(10)) (it now changes \
          \(old.changesId.map { "milestone \($0)" } ?? "nothing")); the file was written before that, and the import kept the \
          change (`gongkai amend \(id) --changes ID` or `--no-changes`, with a reason, changes it on purpose)
          """)
        continue
      }
      var record = old
      record.changesId = target
      if try write.update(record, from: old, project: project.code), !inserted.contains(old.id!) {
        report.milestonesWritten += 1
      }
    }
  }

  /// Notes a milestone added as formed before the 政府信息公开条例 first came into force, as `log` warns of one: no
  /// notice was due then, and a year mistyped in a file (2006 for 2026) is the likelier story.
  private func noteIfBeforeTheRegulation(_ entry: MilestoneEntry, milestone id: Int64, at position: Int, report: inout ImportReport) {
    // A withdrawn entry is on record as it was withdrawn: `amend` refuses it, and its date judges nothing.
    guard entry.formedOn < GeneralDisclosurePeriod.firstInForce, entry.withdrawnReason == nil else { return }
    report.notice(at: position, field: "formed", """
      \(entry.formedOn) is before the 政府信息公开条例 first came into force (\(GeneralDisclosurePeriod.firstInForce)): if the year \
      is mistyped, correct it with `gongkai amend \(id) --date YYYY-MM-DD --reason 更正形成日期`
      """)
  }

  /// A publication's address and end are updated from the file; with `clearing`, one the file leaves out is
  /// cleared. A project file states a milestone whole, but a spreadsheet without an `until` column said nothing
  /// of a 公示's end, and clearing it turned a 公示 held long enough into one too short.
  private func merge(
    _ disclosure: Disclosure, milestone: Int64, project: String, clearing: Bool, at position: Int,
    report: inout ImportReport, _ write: RegisterWrite
  ) throws {
    var record = DisclosureRecord(
      id: nil, milestoneId: milestone, publishedOn: disclosure.publishedOn.description, channel: disclosure.channel,
      url: disclosure.url, until: disclosure.until?.description, withdrawnReason: nil, recordedBy: write.actor,
      recordedAt: write.at, serialYear: nil, serial: nil)
    if let old = try existingDisclosure(record, write.db) {
      var updated = old
      updated.url = record.url ?? (clearing ? nil : old.url)
      updated.until = record.until ?? (clearing ? nil : old.until)
      // Two rows of one sheet for one publication that give it different ends (or addresses): the later would replace
      // the earlier unseen, and which is right only the clerk knows. (A project file lists a publication once.)
      if let stated = write.disclosuresStated?[old.id!] {
        for field in StatedField.allCases where stated & field.bit != 0 {
          guard let given = record[keyPath: field.value], let earlier = old[keyPath: field.value], given != earlier else { continue }
          throw RepeatedPublication(field: field.name, message: """
            a row above gives the publication of \(old.publishedOn) on \(old.channel) the \(field.described) \(earlier), this row \(given); \
            keep one row for a publication, with the right \(field.described)
            """)
        }
      }
      // A file written before a later `disclose` gave the publication its address or end (or changed them) would undo
      // that without a word: the register's value stands, as a project field's does, and the import says so. A value
      // the register held before is taken for such a file; a deliberate correction goes through `disclose`.
      for (field, keep) in [("url", \DisclosureRecord.url), ("until", \DisclosureRecord.until)] where updated[keyPath: keep] != old[keyPath: keep] {
        let given = record[keyPath: keep]
        guard let change = try change(of: field, from: given, entity: "disclosure", id: old.id!, write.db) else { continue }
        updated[keyPath: keep] = old[keyPath: keep]
        let withdraw = "withdraw the publication with `gongkai withdraw --disclosure \(old.id!) --reason …` and record it again"
        let disclose = "gongkai disclose \(old.milestoneId) --date \(old.publishedOn) --channel \(ShellWord.quoted(old.channel))"
        // The way to put the value right: an end passed is settled, and only an address cannot be cleared by `disclose`.
        let fix = if field == "until", let end = old.until, Self.isSettled(end, write) {
          "that end has passed and is settled: if it is wrong, \(withdraw)"
        } else if field == "until" {
          "to correct it, run `\(disclose) --until …` (`--still-up` clears it)"
        } else {
          "to correct it, run `\(disclose) --url …` (to clear it, \(withdraw))"
        }
        // A project file is written again by `export project`; a spreadsheet's row is corrected by hand.
        let update = clearing ? "bring the file up to date with `gongkai export project \(project)`" : "correct the sheet's row to the register's value"
        report.notice(at: position, field: field, """
          disclosure \(old.id!) (\(old.publishedOn) \(old.channel)): \(given.map { "'\($0)' is what it was" } ?? "the file leaves it out, as it was") \
          before \(change.actor) changed it on \(change.at.prefix(10)) (it is now '\(old[keyPath: keep] ?? "")'), so the register's \
          value stands; \(fix); else \(update)
          """)
      }
      // A file written before the register's end of a publication passed, or kept by hand without it: the settled
      // end stands, as a summary or unit a later change replaced does, and the import says so.
      if let end = old.until, updated.until != end, Self.isSettled(end, write) {
        updated.until = end
        report.notice(at: position, field: "until", """
          disclosure \(old.id!) (\(old.publishedOn) \(old.channel)) is recorded as taken down on \(end), which has passed, so \
          that end stands (the file gives \(record.until ?? "none")); if the record is wrong, withdraw it (`gongkai withdraw \
          --disclosure \(old.id!) --reason …`) and record it again, else bring the file up to date with the register
          """)
      }
      if try write.update(updated, from: old, project: project) { report.disclosuresWritten += 1 }
      // Only what the row decided: a value the register kept over the row's, warned of above, is not the row's.
      write.noteStated(record, id: old.id!, kept: updated)
    } else if let withdrawn = try withdrawnDisclosure(record, write.db) {
      // A file written before the withdrawal does not bring it back, nor record it again under a new 索引号.
      report.notice(at: position, field: "published", """
        disclosure \(withdrawn.id!) (\(withdrawn.publishedOn) \(withdrawn.channel)) is withdrawn in the register \
        (\(withdrawn.withdrawnReason ?? "")), so the file's entry was not applied; if the withdrawal was the mistake, reinstate it \
        (`gongkai reinstate --disclosure \(withdrawn.id!) --reason …`), else take the entry out of the file
        """)
    } else {
      try write.insert(&record, project: project)
      write.noteStated(record, id: record.id!)
      report.disclosuresWritten += 1
      // A sheet's row gives one publication, and a 公示 may be put up twice: only one on the channel (and at the address,
      // where both have one) of another recorded before this import, on another day, reads as that one's date
      // corrected, which the import cannot tell and does not undo. So does one whose channel differs from another's of
      // the day only in its spaces (a no-break space pasted from a web page). (Two rows of one sheet on one channel
      // are a notice put up again, and a milestone this import added has no other.)
      if !clearing, report.addedMilestones?.contains(milestone) != true,
        let other = try recordedBeside(record, of: milestone, write), write.disclosuresStated?[other.id] == 0
      {
        let sameChannel = other.channel.utf8.elementsEqual(record.channel.utf8)
        let fix = sameChannel
          ? "if the row corrects its date, withdraw the other (`gongkai withdraw --disclosure \(other.id) --reason 更正公开日期`)"
          : "if they are one publication, withdraw the row's (`gongkai withdraw --disclosure \(record.id!) --reason 重复登记`) "
            + "and correct the channel in the sheet"
        let place = sameChannel
          ? "on the same channel\(other.url != nil && record.url != nil ? " at the same address" : "")"
          : "on the channel '\(other.channel)', which the row's '\(record.channel)' differs from only in its spaces"
        report.notice(at: position, field: sameChannel ? "published" : "channel", """
          the row's publication of \(record.publishedOn) was added as disclosure \(record.id!) beside disclosure \(other.id) of \
          \(other.publishedOn), \(place); \(fix)
          """)
      }
    }
  }

  /// The earliest other publication in force of `milestone` on the channel of `record` (its spaces aside) and at its
  /// address where both give one: on another day, or on the same day under a channel spelt with other spaces (on
  /// another day too, it is another publication).
  /// A publication ``recordedBeside(_:of:_:)`` finds.
  private typealias PublicationBeside = (id: Int64, channel: String, publishedOn: String, url: String?)

  private func recordedBeside(_ record: DisclosureRecord, of milestone: Int64, _ write: RegisterWrite) throws -> PublicationBeside? {
    // Compared byte for byte, as SQLite and the register's unique key compare them.
    let channel = Array(record.channel.filter { !$0.isWhitespace }.utf8)
    // Same channel on another day, or another spelling of a channel on the same day; the spaces are told in Swift.
    let rows = try Row.fetchCursor(write.db.cachedStatement(sql: """
      SELECT id, channel, publishedOn, url FROM disclosure
      WHERE milestoneId = ? AND withdrawnReason IS NULL AND id <> ? AND (channel = ?) = (publishedOn <> ?)
        AND (url IS NULL OR ? IS NULL OR url = ?)
      ORDER BY id
      """), arguments: [milestone, record.id, record.channel, record.publishedOn, record.url, record.url])
    while let row = try rows.next() {
      let other: PublicationBeside = (row[0], row[1], row[2], row[3])
      if other.channel.filter({ !$0.isWhitespace }).utf8.elementsEqual(channel) { return other }
    }
    return nil
  }

  /// A project file that lists a milestone's publications lists them all. One the register holds in force that the file
  /// leaves out is said, with the fix for each way that comes about: the file corrects its date or channel (an import
  /// adds publications and never withdraws one, so the old record is withdrawn by hand), or the file was written before
  /// `disclose` recorded it. A file that lists none of them leaves them to `disclose`, and is not warned of.
  private func noteUnlisted(
    publicationsOf milestone: Int64, listed: [Disclosure], project: String, at position: Int, report: inout ImportReport,
    _ db: Database
  ) throws {
    let recorded = try DisclosureRecord.fetchAll(db.cachedStatement(sql: """
      SELECT * FROM disclosure WHERE milestoneId = ? AND withdrawnReason IS NULL ORDER BY id
      """), arguments: [milestone])
    for old in recorded where !listed.contains(where: { $0.publishedOn.description == old.publishedOn && $0.channel == old.channel }) {
      report.notice(at: position, field: "published", """
        disclosure \(old.id!) (\(old.publishedOn) \(old.channel)) of milestone \(milestone) is in the register but not in the \
        file; if the file corrects its date or channel, withdraw it (`gongkai withdraw --disclosure \(old.id!) --reason \
        更正公开日期`), else bring the file up to date with `gongkai export project \(project)`
        """)
    }
  }

  /// Whether the milestone holds a record of the publication (in force or withdrawn).
  private func isRecorded(_ disclosure: Disclosure, on milestone: Int64, _ db: Database) throws -> Bool {
    try Bool.fetchOne(db.cachedStatement(sql: """
      SELECT EXISTS (SELECT 1 FROM disclosure WHERE milestoneId = ? AND publishedOn = ? AND channel = ?)
      """), arguments: [milestone, disclosure.publishedOn.description, disclosure.channel]) ?? false
  }

  private func withdrawnDisclosure(_ record: DisclosureRecord, _ db: Database) throws -> DisclosureRecord? {
    try DisclosureRecord.fetchOne(db.cachedStatement(sql: """
      SELECT * FROM disclosure WHERE milestoneId = ? AND publishedOn = ? AND channel = ? AND withdrawnReason IS NOT NULL
      ORDER BY id DESC LIMIT 1
      """), arguments: [record.milestoneId, record.publishedOn, record.channel])
  }

  /// The milestone of the project that had `key` before an amendment gave it another, from the change log (the
  /// index of the milestone keys updates replaced), under each code the project had; looked up only for an entry the
  /// register does not hold.
  private func milestoneAmended(from key: MilestoneKey, project: ProjectRecord, _ write: RegisterWrite) throws -> RecordedMilestone? {
    guard try write.hasMilestoneUpdates(project: project) else { return nil }
    var latest: (change: Int64, milestone: RecordedMilestone)?
    for code in try project.loggedCodes(write.db) {
      guard let row = try Row.fetchOne(write.db.cachedStatement(sql: Self.amendedFromSQL.description),
                                       arguments: [code, key.kind, key.formedOn.description, key.reference ?? ""]),
        case let change: Int64 = try row.decode(atIndex: 5), change > latest?.change ?? 0
      else { continue }
      let id: Int64 = try row.decode(atIndex: 0)
      latest = (change, RecordedMilestone(id: id, withdrawn: try row.decode(atIndex: 1),
                                          formedOn: try CivilDate.stored(row.decode(atIndex: 2), column: "formedOn", of: "milestone \(id)"),
                                          summary: try row.decode(atIndex: 3), responsibleUnit: try row.decode(atIndex: 4)))
    }
    return latest?.milestone
  }

  /// The query of ``milestoneAmended(from:project:_:)``: project code, kind, the day formed, 文号 (empty for none).
  /// Its conditions are those of the index `changeLog_milestone_keys_replaced` (schema v10), word for word, so that
  /// SQLite seeks the key there instead of reading the project's whole log for every new row.
  static let amendedFromSQL: StaticString = """
    SELECT m.id, m.withdrawnReason IS NOT NULL, m.formedOn, m.summary, m.responsibleUnit, c.id FROM changeLog c
    JOIN milestone m ON m.id = c.entityId
    WHERE c.projectCode = ? AND c.entity = 'milestone' AND c.action IN ('update', 'amend')
      AND json_extract(c.before, '$.kind') = ? AND json_extract(c.before, '$.formedOn') = ?
      AND IFNULL(json_extract(c.before, '$.reference'), '') = ?
    ORDER BY c.id DESC LIMIT 1
    """

  /// The project of a code, as ``projectRecord(code:_:)`` reads it, through a statement prepared once per
  /// import: an import looks up every project it reads, and GRDB's Codable decoding of the row took 3 % of a
  /// spreadsheet import.
  private func importedProject(code: String, _ write: RegisterWrite) throws -> ProjectRecord? {
    let query = try write.lookup("""
      SELECT id, code, name, legalPerson, location, totalInvestment, responsibleUnit, withdrawnReason, reinstatedReason,
        recodedReason
      FROM project WHERE code = ?
      """)
    query.bind(code)
    return try query.first { row in
      let id = row.int64(at: 0)
      guard let code = row.text(at: 1), let name = row.text(at: 2), let unit = row.text(at: 6) else {
        throw StoreError.edited("project \(id) has no code, name or responsible unit")
      }
      return ProjectRecord(id: id, code: code, name: name, legalPerson: row.text(at: 3), location: row.text(at: 4),
                           totalInvestment: row.text(at: 5), responsibleUnit: unit, withdrawnReason: row.text(at: 7),
                           reinstatedReason: row.text(at: 8), recodedReason: row.text(at: 9))
    }
  }

  /// A milestone an import entry stands for, and the day it was formed (the entry's, unless amended since).
  private struct RecordedMilestone {
    let id: Int64
    let withdrawn: Bool
    let formedOn: CivilDate
    let summary: String?
    let responsibleUnit: String?
  }

  /// Notes each field a spreadsheet row gives otherwise than the milestone it names, which a row does not change:
  /// counted as unchanged without a word, a correction typed into a sheet looked applied when it was not.
  private func noteDifferences(
    of entry: MilestoneEntry, from recorded: RecordedMilestone, project: ProjectRecord, at position: Int,
    report: inout ImportReport
  ) {
    guard !recorded.withdrawn else { return }
    // A milestone without a unit of its own is the project's unit's: a row naming that unit agrees with it.
    let unit = recorded.responsibleUnit ?? project.responsibleUnit
    for (field, given, stored) in [("summary", entry.summary, recorded.summary), ("unit", entry.responsibleUnit, unit)]
    where given != nil && given != stored {
      report.notice(at: position, field: field, """
        differs from milestone \(recorded.id)'s ('\(stored ?? "")'), which an import does not change; \
        to change it, run `gongkai amend \(recorded.id) --\(field) … --reason …`
        """)
    }
  }

  /// The project fields the file gives as a value the change log shows replaced (by `gongkai project edit`, or an
  /// import): the file was written before that change, and importing it would undo it without a word, the
  /// responsible unit above all, which moves every milestone that follows the project's. Looked up only for a field
  /// that differs; all of them, so that a file is put right in one go.
  private func staleFields(of project: ProjectRecord, stored: ProjectRecord, _ write: RegisterWrite) throws
    -> [(field: String, message: String)]
  {
    let fields: [(column: String, file: String, option: String, given: String?, stored: String?)] = [
      ("responsibleUnit", "responsible-unit", "unit", project.responsibleUnit, stored.responsibleUnit),
      ("name", "name", "name", project.name, stored.name),
      ("legalPerson", "legal-person", "legal-person", project.legalPerson, stored.legalPerson),
      ("location", "location", "location", project.location, stored.location),
      ("totalInvestment", "total-investment", "investment", project.totalInvestment, stored.totalInvestment),
    ]
    return try fields.filter { $0.given != $0.stored }.compactMap { field in
      guard let change = try change(of: field.column, from: field.given, entity: "project", id: stored.id!, write.db)
      else { return nil }
      let given = field.given.map { "'\($0)' is what it was" } ?? "the file leaves it out (which clears it), as it was"
      return (field.file, """
        \(given) before \(change.actor) changed it on \(change.at.prefix(10)) (it is now \
        '\(field.stored ?? "")'): the file was written before that change and would undo it: run `gongkai export project \
        \(stored.code)` and make your edits in the new file, or set it back on purpose with `gongkai project edit \(stored.code) \
        --\(field.option) …`
        """)
    }
  }

  /// The last logged change of a row's column away from `value` (an update, an amendment or a reinstatement): who made
  /// it and when; `nil` when the column never held that value and then changed, so a file giving it is not behind the
  /// register. Any earlier value counts, not
  /// only the last: a file from before two edits is behind both. Read through the log's row index.
  private func change(of column: String, from value: (any DatabaseValueConvertible)?, entity: String, id: Int64,
                      _ db: Database) throws
    -> (at: String, actor: String)?
  {
    let path = "$." + column
    guard let row = try Row.fetchOne(db, sql: """
      SELECT at, actor FROM changeLog
      WHERE entity = ? AND entityId = ? AND action IN ('update', 'amend', 'reinstate')
        AND json_extract(before, ?) IS ? AND json_extract(before, ?) IS NOT json_extract(after, ?)
      ORDER BY id DESC LIMIT 1
      """, arguments: [entity, id, path, value, path, path])
    else { return nil }
    return (try row.decode(atIndex: 0), try row.decode(atIndex: 1))
  }

  /// The milestone recorded under a key: the one in force, else the latest withdrawn one; for an entry that arrives
  /// withdrawn, the latest withdrawn one first, so that a file listing a withdrawn record beside the one recorded
  /// again in its place (as `export project` writes it) does not withdraw the one in force. Each a seek into the
  /// index of its own (the natural key, `milestone_withdrawn_key`), whatever the number of milestones of the day; the
  /// second only in a project that holds withdrawn milestones.
  private func recordedMilestone(_ key: MilestoneKey, projectId: Int64, preferringWithdrawn: Bool, _ write: RegisterWrite)
    throws -> RecordedMilestone?
  {
    let withdrawn = try write.hasWithdrawnMilestones(projectId: projectId) ? [Self.withdrawnSQL] : []
    for sql in preferringWithdrawn ? withdrawn + [Self.inForceSQL] : [Self.inForceSQL] + withdrawn {
      let query = try write.lookup(sql)
      query.bind(projectId)
      query.bind(key.kind)
      query.bind(key.reference ?? "")
      query.bind(key.formedOn.description)
      let found = try query.first {
        RecordedMilestone(id: $0.int64(at: 0), withdrawn: $0.int64(at: 1) != 0, formedOn: key.formedOn,
                          summary: $0.text(at: 2), responsibleUnit: $0.text(at: 3))
      }
      if let found { return found }
    }
    return nil
  }

  /// The queries of ``recordedMilestone(_:projectId:preferringWithdrawn:_:)``: project id, kind, 文号 (empty for none),
  /// the day formed; public for the benchmark that replays an import's rows through SQLite alone.
  public static let inForceSQL: StaticString = """
    SELECT id, 0, summary, responsibleUnit FROM milestone INDEXED BY milestone_natural_key
    WHERE projectId = ? AND kind = ? AND IFNULL(reference, '') = ? AND formedOn = ? AND withdrawnReason IS NULL
    """
  public static let withdrawnSQL: StaticString = """
    SELECT id, 1, summary, responsibleUnit FROM milestone INDEXED BY milestone_withdrawn_key
    WHERE projectId = ? AND kind = ? AND IFNULL(reference, '') = ? AND formedOn = ? AND withdrawnReason IS NOT NULL
    ORDER BY id DESC LIMIT 1
    """

  /// A milestone in force of the project with the entry's kind and 文号 formed on another day: the same document,
  /// most likely, its date corrected in the file. Asked only for an entry about to be added, through the natural
  /// key's index (project, kind, 文号), and without an order: one statement serving this and the lookup above
  /// searched all of a project's milestones (quadratic in a project's size), and one with an order in a subquery
  /// spent more time in the kernel than the whole import had.
  private func milestone(
    sharingReferenceOf entry: MilestoneEntry, projectId: Int64, _ write: RegisterWrite
  ) throws -> (id: Int64, formedOn: String, reference: String)? {
    try Self.sharingReference(of: entry) { reference in
      let query = try write.lookup(Self.sharingReferenceSQL)
      query.bind(projectId)
      query.bind(entry.kind)
      query.bind(reference)
      query.bind(entry.formedOn.description)
      return try query.first { ($0.int64(at: 0), $0.text(at: 1) ?? "") }
    }
  }

  /// The milestone `find` gives for the entry's 文号 (its id and day formed), or else for the 文号 in the standard
  /// brackets (杨发改投〔2026〕12号 for 杨发改投[2026]12号): an old system's brackets and a corrected date, together. The
  /// second is one more seek of the natural key's index, and only for a 文号 in other brackets: a register keeps
  /// GB/T 9704's, and a sheet from elsewhere brings the others. Imports and `log` ask it alike.
  static func sharingReference(
    of entry: MilestoneEntry, find: (String) throws -> (id: Int64, formedOn: String)?
  ) throws -> (id: Int64, formedOn: String, reference: String)? {
    guard let reference = entry.namesakeReference else { return nil }
    if let found = try find(reference) { return (found.id, found.formedOn, reference) }
    guard let standard = DocumentNumber.inStandardBrackets(reference), let found = try find(standard) else { return nil }
    return (found.id, found.formedOn, standard)
  }

  /// A milestone in force of the project with the entry's kind and day, with a 文号 where the entry has none,
  /// without one where the entry gives one, or with the entry's 文号 typed otherwise (杨竣[2026]5号 for 杨竣〔2026〕5号):
  /// most likely the same document, its 文号 filled in since (a new key, so a new milestone) or left out or typed
  /// otherwise in one of the files. Asked only for an entry about to be added, by the index that holds the project's
  /// milestones of the day, or of the transaction's busy days, whatever the number of milestones a day holds.
  private func milestone(
    differingOnlyInReferenceFrom entry: MilestoneEntry, projectId: Int64, _ write: RegisterWrite
  ) throws -> (id: Int64, reference: String?)? {
    guard entry.withdrawnReason == nil, entry.changes == nil else { return nil }
    let day = BusyDays.Day(projectId: projectId, formedOn: entry.formedOn.description, kind: entry.kind)
    if let kept = write.busyDays[day] { return kept.lookAlike(of: entry.reference) }
    let query = try write.lookup(Self.sameDaySQL)
    query.bind(projectId)
    query.bind(entry.formedOn.description)
    query.bind(entry.kind)
    var sameDay = SameDayMilestones([])
    try query.forEach { row in
      sameDay.add((row.int64(at: 0), row.text(at: 1)))
      return true
    }
    write.busyDays.keep(sameDay, on: day)
    return sameDay.lookAlike(of: entry.reference)
  }

  /// For a suggestion to withdraw the milestone an entry added in favour of `milestone`: the publications the entry
  /// gave go with the withdrawal, so the suggestion records on the one kept those it does not hold already.
  private func publications(of entry: MilestoneEntry, movedTo milestone: Int64, _ db: Database) throws -> String {
    let unrecorded = try entry.disclosures.filter { try !isRecorded($0, on: milestone, db) }
    guard !unrecorded.isEmpty else { return "" }
    let commands = unrecorded.map {
      "`gongkai disclose \(milestone) --date \($0.publishedOn) --channel \(ShellWord.quoted($0.channel))"
        + ($0.url.map { " --url \(ShellWord.quoted($0))" } ?? "") + ($0.until.map { " --until \($0)" } ?? "") + "`"
    }
    return ", then record the publication it gave on milestone \(milestone) again: " + commands.joined(separator: ", ")
  }

  /// Refuses a link from a milestone in force to a withdrawn one, as `log --changes` and `amend --changes` do: withdrawn
  /// as recorded by mistake, it holds no information to change.
  private func requireInForce(linked target: Int64, by key: MilestoneKey, of project: ProjectRecord, _ db: Database) throws {
    guard try MilestoneRecord.fetchOne(db, key: target)?.withdrawnReason != nil else { return }
    throw StoreError.invalid(.invalidField("changes", key.description, """
      milestone \(target) of project \(project.code) is withdrawn as recorded by mistake, so it holds no information to \
      change; link the milestone recorded in its place, or leave changes out
      """))
  }

  /// A link that names no milestone, or several: what to give instead.
  struct LinkRefusal: Error {
    let message: String
  }

  /// The milestone in force a spreadsheet row's `changes` names in its project, as a project file's link reads:
  /// `KIND@DATE#REF` the one with that 文号, `KIND@DATE#` the one without, `KIND@DATE` the one of that kind and day
  /// when there is one only.
  func linkedMilestone(_ key: MilestoneKey, projectId: Int64, _ db: Database) throws -> Result<Int64, LinkRefusal> {
    let found = try Row.fetchAll(db.cachedStatement(sql: """
      SELECT id, reference FROM milestone INDEXED BY milestone_by_project_date
      WHERE projectId = ? AND formedOn = ? AND kind = ? AND withdrawnReason IS NULL
      """), arguments: [projectId, key.formedOn.description, key.kind])
      .map { (id: $0[0] as Int64, reference: ($0[1] as String?) ?? "") }
      .filter { key.reference == nil || $0.reference == key.reference }
    switch found.count {
    case 1: return .success(found[0].id)
    case 0: return .failure(LinkRefusal(message: "'\(key)' names no milestone in force of the project; record that one first, or check its kind, day and 文号"))
    default:
      let references = found.map { $0.reference.isEmpty ? "#" : "#\($0.reference)" }.joined(separator: ", ")
      return .failure(LinkRefusal(message: "'\(key)' names \(found.count) milestones of that kind and day; add which one's 文号 (\(references))"))
    }
  }

  /// The query of ``milestone(differingOnlyInReferenceFrom:projectId:_:)``: project id, the day formed, kind; the
  /// project's milestones of the day, few.
  static let sameDaySQL: StaticString = """
    SELECT id, reference FROM milestone INDEXED BY milestone_by_project_date
    WHERE projectId = ? AND formedOn = ? AND kind = ? AND withdrawnReason IS NULL ORDER BY id
    """

  /// The query of ``milestone(sharingReferenceOf:projectId:_:)``: project id, kind, 文号, the day formed.
  public static let sharingReferenceSQL: StaticString = """
    SELECT id, formedOn FROM milestone INDEXED BY milestone_natural_key
    WHERE projectId = ? AND kind = ? AND withdrawnReason IS NULL AND IFNULL(reference, '') = ? AND formedOn <> ?
    LIMIT 1
    """

  public func milestone(sharingReferenceOf entry: MilestoneEntry, project code: ProjectCode) throws
    -> (id: Int64, formedOn: String, reference: String)?
  {
    guard entry.namesakeReference != nil else { return nil }
    return try read { db in
      guard let projectId = try Int64.fetchOne(db, sql: "SELECT id FROM project WHERE code = ?", arguments: [code.rawValue]) else {
        return nil
      }
      return try Self.sharingReference(of: entry) { reference in
        try Row.fetchOne(db, sql: Self.sharingReferenceSQL.description,
                         arguments: [projectId, entry.kind, reference, entry.formedOn.description])
          .map { (try $0.decode(atIndex: 0), try $0.decode(atIndex: 1)) }
      }
    }
  }

  public func milestone(differingOnlyInReferenceFrom entry: MilestoneEntry, project code: ProjectCode) throws
    -> (id: Int64, reference: String?)?
  {
    guard entry.withdrawnReason == nil, entry.changes == nil else { return nil }
    return try read { db in
      guard let projectId = try Int64.fetchOne(db, sql: "SELECT id FROM project WHERE code = ?", arguments: [code.rawValue]) else {
        return nil
      }
      let sameDay = try Row.fetchAll(db, sql: Self.sameDaySQL.description, arguments: [projectId, entry.formedOn.description, entry.kind])
        .map { (id: $0[0] as Int64, reference: $0[1] as String?) }
      return SameDayMilestones(sameDay).lookAlike(of: entry.reference)
    }
  }

  public func withdrawnMilestone(recordedAgainAs id: Int64) throws -> StoredMilestone? {
    let withdrawn = try read { db in
      try Int64.fetchOne(db, sql: """
        SELECT w.id FROM milestone m JOIN milestone w ON w.projectId = m.projectId AND w.kind = m.kind AND w.formedOn = m.formedOn
        WHERE m.id = ? AND w.id < m.id AND w.withdrawnReason IS NOT NULL AND w.withdrawnReason NOT LIKE ? || '%'
          AND EXISTS (SELECT 1 FROM disclosure d WHERE d.milestoneId = w.id AND d.withdrawnReason IS NULL)
        ORDER BY w.id DESC LIMIT 1
        """, arguments: [id, RegisterText.projectWithdrawalMark])
    }
    return try withdrawn.flatMap { try milestone(id: $0) }
  }
}

extension MilestoneEntry {
  /// The 文号 under which another milestone of the kind, formed on another day, is most likely this one with its date
  /// corrected; none for an entry that arrives withdrawn (it records what was taken back) or that changes another
  /// milestone (a change keeps the 文号 of what it changes, by design).
  fileprivate var namesakeReference: String? { withdrawnReason == nil && changes == nil ? reference : nil }
}

/// The projects an import has read so far, each with the position of its document: two documents of one
/// project would leave the register with whichever came last.
private struct ImportedProjects {
  /// Four bytes a project of the register.
  private var positions: IDTable

  init(_ db: Database) throws {
    let count = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM project") ?? 0
    positions = IDTable(bitsPerID: 32, denseThrough: count, grows: true)
  }

  /// The position of the document that had the project, if one did.
  func position(ofProject id: Int64) -> Int? {
    let position = positions[id]
    return position == 0 ? nil : Int(position)
  }

  mutating func record(project id: Int64, position: Int) {
    positions[id] = UInt64(UInt32(truncatingIfNeeded: position))
  }
}

/// A spreadsheet row that gives a publication an earlier row of the same import gave a different end or address.
private struct RepeatedPublication: Error {
  let field: String
  let message: String
}

/// A publication's values a spreadsheet row may give, each a bit of what ``RegisterWrite/disclosuresStated`` keeps.
enum StatedField: CaseIterable {
  case until, url

  var bit: UInt64 { self == .until ? 1 : 2 }
  /// As problems name the column (`until`, `url`).
  var name: String { self == .until ? "until" : "url" }
  var described: String { self == .until ? "end" : "address" }
  var value: KeyPath<DisclosureRecord, String?> { self == .until ? \.until : \.url }
}

extension RegisterWrite {
  /// Records that a spreadsheet row gave the publication `id` the values `record` holds, those of them the register
  /// now holds (`kept`); nothing in another write.
  func noteStated(_ record: DisclosureRecord, id: Int64, kept: DisclosureRecord? = nil) {
    let bits = StatedField.allCases.reduce(UInt64(0)) { bits, field in
      let given = record[keyPath: field.value]
      return given == nil || given != (kept ?? record)[keyPath: field.value] ? bits : bits | field.bit
    }
    guard bits != 0, let stated = disclosuresStated?[id] else { return }
    disclosuresStated?[id] = stated | bits
  }
}

/// What the store refused during a bulk import. The source lists the problems, told through
/// ``ImportSource/reject(line:field:message:)``; the store keeps the first few only to refuse the import even from a
/// source that does not throw them, so that a file wrong on every row costs no memory here.
private struct Rejections {
  private(set) var first: [StoreError.LineProblem] = []
  private(set) var isEmpty = true

  mutating func append(_ problem: StoreError.LineProblem) {
    isEmpty = false
    if first.count < ImportReport.shownNotices { first.append(problem) }
  }
}
