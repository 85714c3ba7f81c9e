import GRDB
import GongkaiCore

/// How an import merges what a file or a spreadsheet row gives into what the register holds: the milestones it adds
/// or updates, their publications, and what it notes for staff on the way.
extension SQLiteStore {
  /// Adds the entries that are new and, with `updateFields`, updates the fields of those that changed;
  /// disclosures are added when new and updated when their address or end changed. In a project created by
  /// this import (`isNew`) nothing can exist yet but what the same document added, so those lookups are skipped.
  /// What may not be what was meant is noted in `report` at `position`: a field a spreadsheet row gives otherwise
  /// than the stored milestone (which it does not change), and a new milestone whose 文号 is recorded on another day.
  /// When the file changes the project's unit (`unitChanged`), a milestone it gives no unit keeps the one it had: the
  /// file reads as the project's new unit, the register as what the milestone answered for, and neither as a third.
  func merge(
    _ entries: [MilestoneEntry], into project: ProjectRecord, isNew: Bool, at position: Int, report: inout ImportReport,
    _ write: RegisterWrite, updateFields: Bool = true, unitChanged: Bool = false, link: Int64? = nil, lines: [Int] = []
  ) throws {
    defer { report.entryLine = nil }
    // What the lookups within a new project and the links pass need; a spreadsheet row (neither) keeps none.
    let tracking = isNew || updateFields
    var keys = MergedKeys()
    var inserted = Set<Int64>()
    var linkedAtInsert = Set<Int64>()
    // Each entry's milestone, for the links pass.
    var entryIDs: [Int64] = []
    if tracking {
      keys.inForce.reserveCapacity(entries.count)
      inserted.reserveCapacity(entries.count)
      linkedAtInsert.reserveCapacity(entries.count)
      entryIDs.reserveCapacity(entries.count)
    }
    // A file that lists a key both withdrawn and in force records a mistake and the milestone recorded again in its
    // place: each is a milestone of its own, whatever the register holds under the key so far.
    let withdrawnInFile = Set(entries.lazy.filter { $0.withdrawnReason != nil }.map(\.key))
    let inForceInFile = Set(entries.lazy.filter { $0.withdrawnReason == nil }.map(\.key))
    for (index, entry) in entries.enumerated() {
      report.point(atEntry: index, of: lines)
      let withdrawn = entry.withdrawnReason != nil
      // What the register refuses of a file's entry is named by its path there, which gives its line.
      let id = try refusals(within: tracking ? "milestones[\(index)]" : nil) { () throws -> Int64 in
        if isNew, withdrawn || keys.inForce[entry.key] == nil {
          // An entry in force links the key's milestone in force: one the file lists further on is linked once every
          // milestone exists, and the withdrawn one of the key only where the file lists none in force.
          let target = entry.changes.flatMap { key in
            withdrawn || !inForceInFile.contains(key) ? keys.linked(key, from: withdrawn) : keys.inForce[key]
          }
          if let target, let key = entry.changes, !withdrawn { try requireInForce(linked: target, by: key, of: project, write.db) }
          let id = try insertMilestone(entry, changesId: target, project: project, write)
          report.recordAdded(milestone: id)
          noteIfYearMistyped(entry, milestone: id, of: project, at: position, report: &report, write)
          noteIfSuspect(entry, milestone: id, at: position, report: &report)
          inserted.insert(id)
          if target != nil || entry.changes == nil { linkedAtInsert.insert(id) }
          report.milestonesWritten += 1
          report.disclosuresWritten += entry.disclosures.count
          return id
        } else if case let direct = try recordedMilestone(entry.key, projectId: project.id!, preferringWithdrawn: withdrawn, write),
          let recorded = try direct ?? milestoneAmended(from: entry.key, project: project, write),
          withdrawn ? recorded.withdrawn || !inForceInFile.contains(entry.key) : !recorded.withdrawn || !withdrawnInFile.contains(entry.key)
        {
          // A withdrawal stands: a file written before it does not bring the milestone back. So does an amendment:
          // the file's entry under the old date or document number is the amended milestone, not a new one.
          try merge(entry, into: recorded, amended: direct == nil, of: project, at: position, report: &report, write,
                    updateFields: updateFields, unitChanged: unitChanged)
          return recorded.id
        } else {
          let id = try insert(entry, beside: project, at: position, report: &report, write, link: tracking ? nil : link)
          if tracking {
            inserted.insert(id)
            if entry.changes == nil { linkedAtInsert.insert(id) }
          }
          report.milestonesWritten += 1
          report.disclosuresWritten += entry.disclosures.count
          return id
        }
      }
      if tracking {
        if withdrawn { keys.withdrawn[entry.key] = id } else { keys.inForce[entry.key] = id }
        entryIDs.append(id)
      }
    }
    if updateFields {
      try linkChanges(entries, as: entryIDs, keys: keys, inserted: inserted, linkedAtInsert: linkedAtInsert, of: project, at: position,
               report: &report, write, lines: lines)
      if !isNew, !entries.isEmpty {
        report.entryLine = nil  // said of the file, not of its last entry
        try noteUnlisted(milestonesOf: project, listed: Set(entryIDs), added: zip(entries, entryIDs).filter { inserted.contains($1) },
                         at: position, report: &report, write.db)
      }
    }
  }

  /// A project file that lists a project's milestones lists them all, as `export project` writes them. One the register
  /// holds in force that the file leaves out is said, with the fix for each way that comes about: the file corrects its
  /// kind, day or 文号 (which an import cannot tell from a new milestone, and adds beside it, the old one standing
  /// unpublished or published twice), or the file was written before `log` recorded it. A file that lists none leaves
  /// them as they are, and is not warned of.
  private func noteUnlisted(
    milestonesOf project: ProjectRecord, listed: Set<Int64>, added: [(entry: MilestoneEntry, id: Int64)], at position: Int,
    report: inout ImportReport, _ db: Database
  ) throws {
    // An entry that arrives withdrawn records what was taken back, and a change is information of its own: neither
    // corrects another milestone.
    let corrections = added.filter { $0.entry.withdrawnReason == nil && $0.entry.changes == nil }
    // By day and by 文号 (its look-alike form), so that each milestone left out is compared with the few entries of
    // its day or document, not with every entry the file added.
    var byDay: [String: [(entry: MilestoneEntry, id: Int64)]] = [:]
    var byDocument: [String: [(entry: MilestoneEntry, id: Int64)]] = [:]
    for added in corrections {
      byDay[added.entry.formedOn.description, default: []].append(added)
      if let given = added.entry.reference { byDocument[DocumentNumber.lookAlike(given), default: []].append(added) }
    }
    let recorded = try Row.fetchAll(db.cachedStatement(sql: """
      SELECT id, kind, formedOn, reference FROM milestone WHERE projectId = ? AND withdrawnReason IS NULL ORDER BY id
      """), arguments: [project.id!])
    for row in recorded where !listed.contains(row[0]) {
      let (id, kind, formedOn, reference): (Int64, String, String, String?) = (row[0], row[1], row[2], row[3])
      let ofDay = byDay[formedOn] ?? []
      let ofDocument = reference.flatMap { byDocument[DocumentNumber.lookAlike($0)] } ?? []
      // One the file added beside, of its kind with its 文号 (or the 文号 typed otherwise) on another day, or on its day
      // where either has no 文号, was warned of as it was added, with the withdrawal and the amend that correct it.
      let warnedBeside = ofDocument.contains { $0.entry.kind == kind }
        || ofDay.contains { $0.entry.kind == kind && (reference == nil || $0.entry.reference == nil) }
      guard !warnedBeside else { continue }
      let fits = ofDay + ofDocument.filter { $0.entry.formedOn.description != formedOn }
      report.notice(at: position, field: "milestones", """
        milestone \(id) (\(kind) formed \(formedOn)\(reference.map { " with 文号 \($0)" } ?? "")) is in the register but not in the \
        file; \(Self.correction(of: (id, kind, formedOn, reference), by: fits)); else bring the file up to date with \
        `gongkai export project \(project.code)`
        """)
    }
  }

  /// How a milestone the file leaves out is corrected by the one entry the file added of its day or 文号, where one
  /// is: a day or 文号 corrected keeps the register's milestone, amended, with its publications and history (the entry
  /// added is withdrawn, as the warning at its adding says); a kind, which `amend` cannot correct, leaves the entry
  /// added and withdraws the one recorded before. Several or none: which is wrong is the clerk's to say.
  private static func correction(
    of recorded: (id: Int64, kind: String, formedOn: String, reference: String?), by fits: [(entry: MilestoneEntry, id: Int64)]
  ) -> String {
    guard fits.count == 1, let (entry, added) = fits.first else {
      return "if the file corrects its kind, day or 文号, withdraw the one that is wrong (`gongkai withdraw \(recorded.id) --reason 更正登记`)"
    }
    let named = "milestone \(added) (\(entry.kind) formed \(entry.formedOn)\(entry.reference.map { " with 文号 \($0)" } ?? "")), which the file added,"
    guard entry.kind == recorded.kind else {
      return "if \(named) corrects its kind, which `amend` cannot, withdraw it (`gongkai withdraw \(recorded.id) --reason 事项类型有误`)"
    }
    // The 文号 in ASCII where the file typed it full-width, as the warning at its adding says to correct it.
    let reference = entry.reference.map { MilestoneEntry.asciiSpelling(ofReference: $0) ?? $0 }
    let options = [entry.formedOn.description == recorded.formedOn ? nil : "--date \(entry.formedOn)",
                   reference == recorded.reference ? nil : "--ref \(ShellWord.quoted(reference ?? ""))"].compactMap(\.self)
    let withdrawal = "`gongkai withdraw \(added) --reason 重复登记`"
    guard !options.isEmpty else { return "if \(named) repeats it, keep milestone \(recorded.id): \(withdrawal)" }
    return "if \(named) corrects it, keep milestone \(recorded.id), corrected: \(withdrawal) and "
      + "`gongkai amend \(recorded.id) \(options.joined(separator: " ")) --reason 更正登记`"
  }

  /// The milestones of an import's entries of one project, by key: those in force, and the withdrawn ones, which may
  /// share a key with one in force (recorded by mistake, withdrawn, recorded again).
  struct MergedKeys {
    var inForce: [MilestoneKey: Int64] = [:]
    var withdrawn: [MilestoneKey: Int64] = [:]

    /// The milestone a link of an entry names: a withdrawn entry's link, the withdrawn one of a shared key.
    func linked(_ key: MilestoneKey, from withdrawn: Bool) -> Int64? {
      withdrawn ? self.withdrawn[key] ?? inForce[key] : inForce[key] ?? self.withdrawn[key]
    }
  }

  /// Merges an entry into the milestone the register records under its key (`amended`: under the key it had before an
  /// amendment; a file that names it so was written before the amendment, and is said to be): its fields, unless a
  /// later change replaced the value the file gives, and its publications; an entry in force of a withdrawn milestone
  /// is applied to nothing, and said.
  private func merge(
    _ entry: MilestoneEntry, into recorded: RecordedMilestone, amended: Bool, of project: ProjectRecord, at position: Int,
    report: inout ImportReport, _ write: RegisterWrite, updateFields: Bool, unitChanged: Bool
  ) throws {
    let db = write.db
    let id = recorded.id
    let withdrawn = entry.withdrawnReason != nil
    if amended, !recorded.withdrawn {
      let fix = updateFields ? "`gongkai export project \(project.code)` brings the file up to date" : "correct the row to match it"
      // Named by the field the amendment changed: a 文号 corrected on the same day is the row's `ref` to look at.
      let (field, corrected) = recorded.formedOn == entry.formedOn ? ("ref", "文号") : ("formed", "date")
      report.notice(at: position, field: field, """
        \(entry.key.described) is milestone \(id) under the \(corrected) it had before an amendment; the file was written before \
        that, and the import kept the amendment: \(fix)
        """)
    }
    if !recorded.withdrawn {
      for (index, disclosure) in entry.disclosures.enumerated() {
        if let problem = precedenceProblem(of: disclosure.publishedOn, kind: entry.kind, formedOn: recorded.formedOn, isChange: entry.changes != nil) {
          throw RefusedField(field: updateFields ? "disclosures[\(index)].published" : "published", message: problem.description)
        }
      }
      if !updateFields { try noteDifferences(of: entry, from: recorded, project: project, at: position, report: &report) }
      if updateFields, var existing = try MilestoneRecord.fetchOne(db, key: id) {
        let old = existing
        // A correction stands as a withdrawal does: a file that gives a field as a value a later change replaced
        // (an amendment, a unit kept by `project edit`) was written before it, and is noted, not applied.
        let unit = entry.responsibleUnit ?? (unitChanged ? existing.responsibleUnit : nil)
        for (column, field, given, keyPath) in [("summary", "summary", entry.summary, \MilestoneRecord.summary),
                                                ("responsibleUnit", "unit", unit, \MilestoneRecord.responsibleUnit)]
        where given != existing[keyPath: keyPath] {
          if !Self.isBlankLeftOut(given: given, stored: existing[keyPath: keyPath]),
            let superseded = try supersession(of: column, from: given, entity: "milestone", id: id, db)
          {
            let holder = superseded.holder(id)
            let gave = given.map { "'\($0)' is what milestone \(holder) gave" }
              ?? "the file leaves it out (which would clear it), as milestone \(holder) had it"
            report.notice(at: position, field: field, """
              \(gave) \(superseded.before) \
              (\(existing[keyPath: keyPath].map { "it is now '\($0)'" } ?? "it now has none")); the file was written before that, and \
              the import kept the change
              """)
          } else {
            existing[keyPath: keyPath] = given
          }
        }
        // A blank 文号 is the milestone's key as none is (the lookups read them alike): cleared as a blank summary is.
        if Self.isBlankLeftOut(given: entry.reference, stored: existing.reference) { existing.reference = nil }
        // A reinstatement stands too: a file listing the milestone withdrawn for the reason it was reinstated from
        // was written before it.
        if let reason = entry.withdrawnReason, existing.withdrawnReason == nil,
          let change = try change(of: "withdrawnReason", from: reason, entity: "milestone", id: id, db)
        {
          report.notice(at: position, field: "withdrawn", """
            milestone \(id) was withdrawn for this reason before \(change.actor) reinstated it on \(dayOf(change.at)), and the \
            import kept it in force, as a file written before the reinstatement gives it so: `gongkai export project \(project.code)` \
            brings the file up to date, and `gongkai withdraw \(id) --reason …` withdraws it again if that is meant
            """)
        } else {
          if existing.withdrawnReason == nil, entry.withdrawnReason != nil { report.recordWithdrawn(milestone: id) }
          existing.withdrawnReason = entry.withdrawnReason
        }
        if try write.update(existing, from: old, project: project.code) { report.milestonesWritten += 1 }
      }
      for (index, disclosure) in entry.disclosures.enumerated() {
        // A file's publication is named by its place in the entry, a spreadsheet row's by its column.
        try refusals(within: updateFields ? "disclosures[\(index)]" : nil) {
          try merge(disclosure, milestone: id, project: project.code, clearing: updateFields, at: position, report: &report, write)
        }
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
  }

  /// Adds an entry the register holds no milestone of (an entry that arrives withdrawn corrects nothing: it records
  /// what was taken back), noting a milestone it may repeat: one of the same 文号 on another day, or of the same kind
  /// and day. One of the same day whose 文号 is this one typed otherwise is refused. `link`: the milestone
  /// a spreadsheet row changes, found before; a file's links are made once all its milestones exist.
  private func insert(
    _ entry: MilestoneEntry, beside project: ProjectRecord, at position: Int, report: inout ImportReport,
    _ write: RegisterWrite, link: Int64?
  ) throws -> Int64 {
    let db = write.db
    let namesake = try milestone(sharingReferenceOf: entry, projectId: project.id!, write)
    let day = try sameDayMilestones(of: entry, projectId: project.id!, write)
    let sameDay = day?.lookAlike(of: entry.reference)
    if let other = day?.typedOtherwise(entry.reference), let recorded = other.reference, let given = entry.reference {
      // A file's entry is named by its place in the file; a spreadsheet row by its line. One another row of this
      // import adds is no milestone of the register, and neither spelling is the recorded one.
      let message = report.addedMilestones?.contains(other.id) == true
        ? "'\(given)' is \(recorded), typed otherwise, which an entry above gives for the same kind and day: one document; "
          + "give both the 文号 as the document has it"
        : "'\(given)' is " + StoreError.referenceTypedOtherwise(given: given, recorded: recorded, milestone: other.id, kind: entry.kind, formedOn: entry.formedOn)
      throw RefusedField(field: "ref", message: message)
    }
    // A spreadsheet row's link was found before (`link`); a file's are made once all its milestones exist.
    let id = try insertMilestone(entry, changesId: link, project: project, write)
    report.recordAdded(milestone: id)
    // A day before the 条例 with the 文号 of a milestone formed since is that milestone with its year mistyped, not a
    // correction to move it back to that year: one warning, with the withdrawal.
    let mistypedYear = try namesake.map { other in
      try entry.formedOn < GeneralDisclosurePeriod.firstInForce
        && CivilDate.stored(other.formedOn, column: "formedOn", of: "milestone \(other.id)") >= GeneralDisclosurePeriod.firstInForce
    } ?? false
    if !mistypedYear { noteIfYearMistyped(entry, milestone: id, of: project, at: position, report: &report, write) }
    noteIfSuspect(entry, milestone: id, at: position, report: &report)
    if let other = namesake {
      let same = other.reference == entry.reference ? "the same 文号" : "the same 文号 typed otherwise (\(other.reference))"
      let moved = try publications(of: entry, movedTo: other.id, db)
      let fix = mistypedYear
        ? "it is before the 政府信息公开条例 first came into force (\(GeneralDisclosurePeriod.firstInForce)): if it is that milestone "
          + "with its year mistyped, run `gongkai withdraw \(id) --reason 重复登记`\(moved)"
          + (moved.isEmpty ? "" : " (with the year of its date corrected, if it is mistyped too)")
        : "if this corrects its date, run `gongkai withdraw \(id) --reason 重复登记` and `gongkai amend \(other.id) --date "
          + "\(entry.formedOn) --reason 更正形成日期`\(moved)"
      report.notice(at: position, field: "formed", """
        \(entry.kind) \(entry.reference ?? "") was added as milestone \(id), formed \(entry.formedOn), beside milestone \(other.id), \
        formed \(other.formedOn) with \(same); \(fix)
        """)
    }
    if let other = sameDay {
      let fix = StoreError.referenceAmendment(of: other.id, recorded: other.reference, given: entry.reference)
      report.notice(at: position, field: "ref", """
        \(entry.kind) formed \(entry.formedOn) \(entry.reference.map { "with 文号 \($0)" } ?? "without a 文号") was added as \
        milestone \(id) beside milestone \(other.id), of the same kind and day \(other.reference.map { "with 文号 \($0)" } ?? "without one"); \
        if they are one document, run `gongkai withdraw \(id) --reason 重复登记`\(fix)\(try publications(of: entry, movedTo: other.id, db))
        """)
    }
    try noteIfRecordedAgain(entry, as: id, projectId: project.id!, at: position, report: &report, write)
    return id
  }

  /// Notes a milestone added in place of one withdrawn as recorded by mistake, as `log` warns of one (``RecordedAgain``):
  /// looked up only in a project that holds withdrawn milestones, and not in place of one this import added.
  private func noteIfRecordedAgain(
    _ entry: MilestoneEntry, as id: Int64, projectId: Int64, at position: Int, report: inout ImportReport, _ write: RegisterWrite
  ) throws {
    guard entry.withdrawnReason == nil, try write.hasWithdrawnMilestones(projectId: projectId),
      let withdrawn = try Self.withdrawnMilestone(recordedAgainAs: id, before: report.addedMilestones?.lowerBound ?? id, write.db),
      let old = try storedMilestone(id: withdrawn, write.db), let new = try storedMilestone(id: id, write.db),
      let warning = RecordedAgain(withdrawn: old, milestone: new.milestone).warning(due: nil)
    else { return }
    report.notice(at: position, field: "formed", warning)
  }

  /// Links the milestones of a file's entries (`ids`, in the entries' order) to those they change, once every milestone
  /// of the file exists. A withdrawn milestone already in the register keeps the link it was withdrawn with, and a link
  /// corrected since (`amend --changes`, or another file) stands as a corrected summary does.
  private func linkChanges(
    _ entries: [MilestoneEntry], as ids: [Int64], keys: MergedKeys, inserted: Set<Int64>, linkedAtInsert: Set<Int64>,
    of project: ProjectRecord, at position: Int, report: inout ImportReport, _ write: RegisterWrite, lines: [Int]
  ) throws {
    let db = write.db
    for (index, (entry, id)) in zip(entries, ids).enumerated() {
      report.point(atEntry: index, of: lines)
      try refusals(within: "milestones[\(index)]") {
        // A withdrawn milestone already in the register keeps the link it was withdrawn with.
        guard !linkedAtInsert.contains(id), entry.withdrawnReason == nil || inserted.contains(id) else { return }
        let target = try entry.changes.map { key in
          if let linked = keys.linked(key, from: entry.withdrawnReason != nil) { return linked }
          guard let record = try existingMilestone(key, projectId: project.id!, db) else {
            throw StoreError.invalid(.invalidField("changes", key.description, "no such milestone in project \(project.code)"))
          }
          return record.id!
        }
        guard target != id else { throw StoreError.invalid(.changesItself(entry.key.description)) }
        let old = try MilestoneRecord.fetchOne(db, key: id)!
        guard old.withdrawnReason == nil || entry.withdrawnReason != nil else { return }
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
            \(gave) before \(change.actor) changed it on \(dayOf(change.at)) (it now changes \
            \(old.changesId.map { "milestone \($0)" } ?? "nothing")); the file was written before that, and the import kept the \
            change (`gongkai amend \(id) --changes ID` or `--no-changes`, with a reason, changes it on purpose)
            """)
          return
        }
        var record = old
        record.changesId = target
        if try write.update(record, from: old, project: project.code), !inserted.contains(old.id!) {
          report.milestonesWritten += 1
        }
      }
    }
  }

  /// Notes a milestone added with a 文号 that may not be the document's as typed
  /// (``StoreError/suspectReference(_:milestone:)``), as `log` warns of one.
  private func noteIfSuspect(_ entry: MilestoneEntry, milestone id: Int64, at position: Int, report: inout ImportReport) {
    guard let warning = StoreError.suspectReference(entry.reference, milestone: id) else { return }
    report.notice(at: position, field: "ref", warning)
  }

  /// Notes a milestone added with its year likely mistyped, as `log` warns of one: before the 政府信息公开条例 first came
  /// into force, when no notice was due (2006 for 2026), or before the year of the project's code and a digit off this
  /// year's or last year's, the day within the last 90 (2025-11-26 in a 2026 project's row). A ledger's backlog is
  /// history: a day after the code's year is not asked about, as `log`, typed at the keyboard, asks.
  private func noteIfYearMistyped(
    _ entry: MilestoneEntry, milestone id: Int64, of project: ProjectRecord, at position: Int, report: inout ImportReport,
    _ write: RegisterWrite
  ) {
    // A withdrawn entry is on record as it was withdrawn: `amend` refuses it, and its date judges nothing.
    guard entry.withdrawnReason == nil else { return }
    let date = entry.formedOn
    guard date < GeneralDisclosurePeriod.firstInForce else {
      if date.year < Int(project.code.prefix(4)) ?? 0, let today = write.today, let meant = RegisterError.yearMeant(formed: date, today: today) {
        report.notice(at: position, field: "formed", """
          formed \(date), \(date.days(to: today)) days before \(today) and before the year of the project's code: if the year \
          is mistyped for \(meant), correct it with `gongkai amend \(id) --date \(meant) --reason 更正形成日期`
          """)
      }
      return
    }
    report.notice(at: position, field: "formed", """
      \(entry.formedOn) is before the 政府信息公开条例 first came into force (\(GeneralDisclosurePeriod.firstInForce)): if the year \
      is mistyped, correct it with `gongkai amend \(id) --date YYYY-MM-DD --reason 更正形成日期`
      """)
  }

  /// A publication's address and end are updated from the file; with `clearing`, one the file leaves out is
  /// cleared. A project file states a milestone whole, but a spreadsheet without an `until` column said nothing
  /// of a 公示's end, and clearing it turned a 公示 held long enough into one too short.
  func merge(
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
          throw RefusedField(field: field.name, message: """
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
        guard let superseded = try supersession(of: field, from: given, entity: "disclosure", id: old.id!, write.db) else { continue }
        updated[keyPath: keep] = old[keyPath: keep]
        let withdraw = "withdraw the publication with `gongkai withdraw --disclosure \(old.id!) --reason …` and record it again"
        let disclose = "gongkai disclose \(old.milestoneId) --date \(old.publishedOn) --channel \(ShellWord.quoted(old.channel))"
        // The way to put the value right: an end passed is settled, and only an address cannot be cleared by `disclose`.
        let fix = if field == "until", let end = old.until, Self.isSettled(end, write) {
          "that end has passed and is settled: if it is wrong, \(withdraw)"
        } else if field == "until" {
          "to correct it, run `\(disclose) --until …` (`--still-up` clears it)"
        } else {
          "to correct it, run `\(disclose) --url …` (`--no-url` clears it)"
        }
        let was = superseded.replaced.map { "disclosure \($0) had" } ?? "it was"
        // A project file is written again by `export project`; a spreadsheet's row is corrected by hand.
        let update = clearing ? "bring the file up to date with `gongkai export project \(project)`" : "correct the sheet's row to the register's value"
        report.notice(at: position, field: field, """
          disclosure \(old.id!) (\(old.publishedOn) \(old.channel)): \(given.map { "'\($0)' is what \(was)" } ?? "the file leaves it out, as \(was)") \
          \(superseded.before) (\(old[keyPath: keep].map { "it is now '\($0)'" } ?? "it now has none")), so the register's \
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
      // One whose channel differs from another's of the day only in its spaces (a no-break space pasted from a web
      // page) is that publication, in a sheet's row or a file: refused, as a second record would show it twice under
      // two 索引号. A sheet's row gives one publication, and a 公示 may be put up again: only one on the channel (and at
      // the address, where both have one) of another no row of this sheet gave, on another day while that one was up,
      // reads as its date corrected, which the import cannot tell and does not undo. (Two rows of one sheet on one
      // channel are a notice put up again.) On another day under the channel spelt with other spaces, a file's entry
      // too is said: the notices show the channel two ways.
      // Refused before the insert, so that a refused row leaves no publication a later row would match.
      let added = try record.disclosure
      let others = try publications(of: milestone, besides: 0, write.db)
      let nearest = added.recordedBeside(among: others)
      if let nearest, nearest.publication.publishedOn == added.publishedOn {
        throw RefusedField(field: "channel", message: respacedChannel(record, beside: nearest, write))
      }
      try write.insert(&record, project: project)
      write.noteStated(record, id: record.id!)
      report.disclosuresWritten += 1
      report.recordAdded(disclosure: record.id!)
      guard let nearest else { return }
      // A date corrected is read only of a publication no row of this sheet gave, up while this one is.
      let unstated = clearing ? [] : others.filter { write.disclosuresStated?[$0.id] == 0 }
      let redated = added.recordedBeside(among: unstated).flatMap { added.isUp(alongside: $0.publication) ? $0 : nil }
      let (otherID, other) = redated ?? nearest
      let respelt = !added.spellsChannel(as: other)
      let redates = redated != nil
      guard redates || respelt else { return }
      report.notice(at: position, field: redates ? "published" : "channel", StoreError.publishedBeside(
        "the \(clearing ? "file's" : "row's") publication of \(record.publishedOn) was added as disclosure \(record.id!)",
        id: record.id!, other: otherID, on: other.publishedOn.description, spelt: respelt ? other.channel : nil,
        sameAddress: other.url != nil && record.url != nil, corrector: redates ? "the row" : nil))
    }
  }

  /// Why `record` is refused beside a publication of its day on its channel spelt with other spaces: that one recorded
  /// before, or given by a row above, whose id the import's rollback would leave to another publication.
  private func respacedChannel(_ record: DisclosureRecord, beside other: (id: Int64, publication: Disclosure), _ write: RegisterWrite) -> String {
    guard let stated = write.disclosuresStated?[other.id], stated & StatedField.givenByARow != 0 else {
      return StoreError.respacedChannel(record.channel, recorded: other.publication.channel, disclosure: other.id, givenIn: "the file's")
    }
    let spaces = Disclosure.unusualSpaces(in: record.channel) + Disclosure.unusualSpaces(in: other.publication.channel)
    return """
      a row above gives the publication of \(record.publishedOn) on '\(other.publication.channel)', this row on '\(record.channel)'\
      \(spaces.isEmpty ? "" : " (\(Set(spaces).sorted().listed()))"), the same channel with other spaces: one publication; keep one row, \
      with the channel spelt as it should be shown
      """
  }

  /// The publications in force of `milestone` but `id`: the few a milestone has, read whole for
  /// ``Disclosure/recordedBeside(among:)``.
  func publications(of milestone: Int64, besides id: Int64, _ db: Database) throws -> [(id: Int64, publication: Disclosure)] {
    try DisclosureRecord.fetchAll(db.cachedStatement(sql: """
      SELECT * FROM disclosure WHERE milestoneId = ? AND withdrawnReason IS NULL AND id <> ?
      """), arguments: [milestone, id]).map { ($0.id!, try $0.disclosure) }
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
  func isRecorded(_ disclosure: Disclosure, on milestone: Int64, _ db: Database) throws -> Bool {
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
}
