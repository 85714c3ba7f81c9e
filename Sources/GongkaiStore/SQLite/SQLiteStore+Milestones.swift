import GRDB
import GongkaiCore

/// Logging, amending, withdrawing and reinstating milestones, and recording and correcting their publications.
extension SQLiteStore {
  public func logMilestone(_ entry: MilestoneEntry, project code: ProjectCode, changing: Int64?, actor: String) throws
    -> StoredMilestone
  {
    let id = try logged(actor: actor) { write in
      let db = write.db
      let project = try projectRecord(code, db)
      if let existing = try existingMilestone(entry.key, projectId: project.id!, db) {
        throw StoreError.duplicateMilestone(existing: existing.id!, key: entry.key.described)
      }
      var changesId: Int64?
      if let changing {
        guard let target = try MilestoneRecord.fetchOne(db, key: changing) else { throw StoreError.unknownMilestone(changing) }
        guard target.withdrawnReason == nil else { throw StoreError.changesWithdrawn(changing) }
        guard target.projectId == project.id else {
          throw StoreError.milestoneOfAnotherProject(
            milestone: changing, project: try projectRecord(of: target, db).code, expected: code.rawValue)
        }
        guard try target.formedDay <= entry.formedOn else {
          throw StoreError.invalid(.changesLaterMilestone("milestone \(changing) of \(target.formedOn)"))
        }
        changesId = changing
      } else if let key = entry.changes {
        guard let target = try existingMilestone(key, projectId: project.id!, db) else {
          throw StoreError.invalid(.invalidField("changes", key.description, "no such milestone in project \(code)"))
        }
        changesId = target.id
      }
      // The same record made again after its withdrawal undoes the withdrawal, but would take its place for good and
      // leave its publications and their 索引号 behind: the withdrawal itself is what was wrong, as `disclose` says of a
      // publication.
      if let withdrawn = try lastWithdrawnMilestone(entry.key, projectId: project.id!, db), let reason = withdrawn.withdrawnReason,
        withdrawn.summary == entry.summary, withdrawn.responsibleUnit == entry.responsibleUnit, withdrawn.changesId == changesId
      {
        throw StoreError.milestoneWithdrawnAsGiven(milestone: withdrawn.id!, reason: reason)
      }
      return try insertMilestone(entry, changesId: changesId, project: project, write)
    }
    return try milestone(id: id)!
  }

  private func lastWithdrawnMilestone(_ key: MilestoneKey, projectId: Int64, _ db: Database) throws -> MilestoneRecord? {
    try MilestoneRecord.fetchOne(db.cachedStatement(sql: """
      SELECT * FROM milestone WHERE projectId = ? AND kind = ? AND formedOn = ? AND IFNULL(reference, '') = ?
        AND withdrawnReason IS NOT NULL ORDER BY id DESC LIMIT 1
      """), arguments: [projectId, key.kind, key.formedOn.description, key.reference ?? ""])
  }

  public func amendMilestone(id: Int64, _ amendment: MilestoneAmendment, actor: String) throws -> StoredMilestone {
    if let problem = RegisterText.reasonProblems("reason", amendment.reason, example: MilestoneAmendment.exampleReason).first {
      throw StoreError.invalid(problem)
    }
    try logged(actor: actor) { write in
      let db = write.db
      let old = try activeMilestone(id, db)
      var record = old
      if let date = amendment.formedOn { record.formedOn = date.description }
      if let reference = amendment.reference { record.reference = reference.isEmpty ? nil : reference }
      if let summary = amendment.summary { record.summary = summary.isEmpty ? nil : summary }
      if let unit = amendment.responsibleUnit { record.responsibleUnit = unit.isEmpty ? nil : unit }
      switch amendment.changes {
      case .to(let target)?: record.changesId = target
      case .removed?: record.changesId = nil
      case nil: break
      }
      // A reason alone corrects nothing: an amendment that changes no field is not one.
      guard record != old else { return }
      record.amendmentReason = amendment.reason
      let formed = try record.formedDay
      if record.changesId != old.changesId, let target = record.changesId {
        try requireLinkFits(target, formed: formed, of: record, db)
      }
      // What a new date must agree with, and a change made or unmade, whose period may admit publications ahead of it
      // or not; a correction of the text alone leaves the date's checks as they stood.
      if record.formedOn != old.formedOn || (record.changesId == nil) != (old.changesId == nil) {
        try requireDateFits(formed, of: record, db)
      }
      let key = MilestoneKey(kind: record.kind, formedOn: formed, reference: record.reference)
      if let clash = try existingMilestone(key, projectId: record.projectId, db), clash.id != id {
        throw StoreError.duplicateMilestone(existing: clash.id!, key: key.described)
      }
      _ = try write.update(record, from: old, project: try projectRecord(of: old, db).code, action: "amend")
    }
    return try milestone(id: id)!
  }

  /// Refuses a new link to a milestone that `log --changes` would refuse (gone, withdrawn, of another project,
  /// formed later), and one that closes a circle: a milestone that changes, through others, the one being linked.
  private func requireLinkFits(_ target: Int64, formed: CivilDate, of record: MilestoneRecord, _ db: Database) throws {
    let id = record.id!
    guard target != id else {
      throw StoreError.invalid(.invalidField("--changes", "\(target)", "a milestone cannot change itself; give the id of the milestone it changes"))
    }
    guard let changed = try MilestoneRecord.fetchOne(db, key: target) else { throw StoreError.unknownMilestone(target) }
    guard changed.withdrawnReason == nil else { throw StoreError.changesWithdrawn(target) }
    guard changed.projectId == record.projectId else {
      throw StoreError.milestoneOfAnotherProject(
        milestone: target, project: try projectRecord(of: changed, db).code, expected: try projectRecord(of: record, db).code)
    }
    guard try changed.formedDay <= formed else {
      throw StoreError.invalid(.changesLaterMilestone("milestone \(target) of \(changed.formedOn)"))
    }
    // Links only point to days no later, so a circle can only run through milestones of the same day.
    var next = changed.changesId
    var seen: Set<Int64> = [target]
    while let link = next, seen.insert(link).inserted {
      guard link != id else {
        throw StoreError.invalid(.invalidField("--changes", "\(target)", """
          milestone \(target) changes milestone \(id) (directly or through milestones of the same day), so it cannot also be \
          changed by it; give the milestone that milestone \(id) changes
          """))
      }
      next = try Int64.fetchOne(db, sql: "SELECT changesId FROM milestone WHERE id = ?", arguments: [link])
    }
  }

  /// Refuses a milestone's new formation date that its publications, the milestone it changes or a change of it
  /// contradict.
  private func requireDateFits(_ formed: CivilDate, of record: MilestoneRecord, _ db: Database) throws {
    let id = record.id!
    // The publication that stands in the way is named, and the two ways past it: the clerk amending a date may not
    // have the publications in mind.
    if let early = try DisclosureRecord.filter(Column("milestoneId") == id && Column("withdrawnReason") == nil
      && Column("publishedOn") < formed.description).order(Column("publishedOn")).fetchOne(db),
      let problem = precedenceProblem(of: try early.publishedDay, kind: record.kind, formedOn: formed,
                                      isChange: record.changesId != nil)
    {
      let published = try early.publishedDay
      // A notice the law wants public by its milestone's day may go up that many days ahead of it.
      let (gap, latest) = if case .disclosureBeforeMilestone = problem { ("before that day", published) } else {
        ("more than \(Disclosure.longestLead) days before it", published.adding(days: Disclosure.longestLead))
      }
      throw StoreError.invalid(.invalidField("--date", formed.description, """
        disclosure \(early.id!) of this milestone was published \(published), \(gap); give \(latest) or earlier, or, if \
        that publication was recorded by mistake, withdraw it first: gongkai withdraw --disclosure \(early.id!) --reason …
        """))
    }
    if let changed = record.changesId, let target = try MilestoneRecord.fetchOne(db, key: changed),
      try target.formedDay > formed
    {
      throw StoreError.invalid(.invalidField("--date", formed.description, """
        this milestone changes milestone \(changed) of \(target.formedOn), so it cannot be formed before it; give \
        \(target.formedOn) or later, or link the milestone it does change with --changes ID
        """))
    }
    let laterChange = try MilestoneRecord.filter(Column("changesId") == id && Column("withdrawnReason") == nil
      && Column("formedOn") < formed.description).fetchOne(db)
    if let laterChange {
      throw StoreError.invalid(.invalidField("--date", formed.description,
        "milestone \(laterChange.id!) of \(laterChange.formedOn) changes this one, so it cannot be formed later"))
    }
  }

  public func withdrawMilestone(id: Int64, reason: String, actor: String) throws -> Withdrawal {
    try logged(actor: actor) { write in
      guard let old = try MilestoneRecord.fetchOne(write.db, key: id) else { throw StoreError.unknownMilestone(id) }
      // Of a withdrawn project, refused as every write under it is: "already withdrawn" would hide that the milestone
      // went with its project, and comes back with it if the project is reinstated.
      let project = try projectRecord(of: old, write.db)
      try project.requireInForce()
      if let earlier = old.withdrawnReason { return .alreadyWithdrawn(reason: earlier) }
      // A change or withdrawal in force that names it would be left pointing at nothing the notices still show,
      // and would go on being judged: it is withdrawn first.
      if let linked = try Int64.fetchOne(write.db, sql: """
        SELECT id FROM milestone WHERE changesId = ? AND withdrawnReason IS NULL ORDER BY id LIMIT 1
        """, arguments: [id])
      {
        throw StoreError.changedBy(milestone: id, by: linked)
      }
      var record = old
      record.withdrawnReason = reason
      _ = try write.update(record, from: old, project: project.code)
      return .withdrawn
    }
  }

  public func disclose(milestone id: Int64, _ disclosure: Disclosure, clearing: PublicationClearing, actor: String) throws
    -> StoredDisclosure
  {
    try logged(actor: actor) { write in
      let db = write.db
      let milestone = try activeMilestone(id, db)
      if let problem = try precedenceProblem(of: disclosure.publishedOn, for: milestone) { throw StoreError.invalid(problem) }
      let code = try projectRecord(of: milestone, db).code
      var record = DisclosureRecord(
        id: nil, milestoneId: id, publishedOn: disclosure.publishedOn.description, channel: disclosure.channel,
        url: disclosure.url, until: disclosure.until?.description, withdrawnReason: nil, recordedBy: actor,
        recordedAt: write.at, serialYear: nil, serial: nil)
      if let old = try existingDisclosure(record, db) {
        var updated = old
        updated.url = clearing.contains(.url) ? nil : disclosure.url ?? old.url
        updated.until = clearing.contains(.until) ? nil : disclosure.until?.description ?? old.until
        try Self.requireUnsettledEnd(from: old, to: updated, write)
        let before = try old.disclosure
        let changed = try write.update(updated, from: old, project: code)
        return StoredDisclosure(id: old.id!, milestoneID: id, disclosure: try updated.disclosure,
                                outcome: changed ? .updated(before: before) : .unchanged)
      }
      if let withdrawn = try lastDisclosure(under: record, db), let reason = withdrawn.withdrawnReason,
        withdrawn.url == record.url, withdrawn.until == record.until
      {
        throw StoreError.publicationWithdrawnAsGiven(disclosure: withdrawn.id!, reason: reason)
      }
      try write.insert(&record, project: code)
      return StoredDisclosure(id: record.id!, milestoneID: id, disclosure: disclosure)
    }
  }

  public func reinstateMilestone(id: Int64, reason: String, actor: String) throws -> Reinstatement {
    try logged(actor: actor) { write in
      let db = write.db
      guard let old = try MilestoneRecord.fetchOne(db, key: id) else { throw StoreError.unknownMilestone(id) }
      let project = try projectRecord(of: old, db)
      try project.requireInForce()
      guard old.withdrawnReason != nil else { return .wasInForce }
      // One recorded in its place since, or in force under its key, is the record: the natural key is unique among
      // milestones in force, and a file listing the key withdrawn and in force could not tell which was which.
      if let other = try MilestoneRecord.fetchOne(db, sql: """
        SELECT * FROM milestone WHERE projectId = ? AND kind = ? AND formedOn = ? AND IFNULL(reference, '') = ? AND id <> ?
          AND (id > ? OR withdrawnReason IS NULL)
        ORDER BY withdrawnReason IS NULL DESC, id DESC LIMIT 1
        """, arguments: [project.id!, old.kind, old.formedOn, old.reference ?? "", id, id])
      {
        throw StoreError.reinstatementBlocked(milestone: id, by: other.id!, inForce: other.withdrawnReason == nil)
      }
      // No link names a withdrawn milestone from one in force, nor a later one.
      if let changed = old.changesId, let target = try MilestoneRecord.fetchOne(db, key: changed) {
        guard target.withdrawnReason == nil else { throw StoreError.reinstatementChangesWithdrawn(milestone: id, changes: changed) }
        guard target.formedOn <= old.formedOn else {
          throw StoreError.reinstatementChangesLater(milestone: id, changes: changed, formedOn: target.formedOn)
        }
      }
      var record = old
      record.withdrawnReason = nil
      record.reinstatedReason = reason
      _ = try write.update(record, from: old, project: project.code, action: "reinstate")
      let publications = try Int.fetchOne(db, sql: """
        SELECT COUNT(*) FROM disclosure WHERE milestoneId = ? AND withdrawnReason IS NULL
        """, arguments: [id]) ?? 0
      return .reinstated(publications: publications, loggedAgain: try loggedAgain(old, of: project, db))
    }
  }

  /// Milestones in force recorded after a withdrawn one that read as it logged again: the same day and 文号 (as two
  /// typings of one document compare) on any project or under any kind, or, without a 文号, the same day and category
  /// on its project. A milestone withdrawn because it was logged on the wrong project or under the wrong kind has
  /// its correction among them, which the natural key cannot see, and reinstated beside it the information counts
  /// twice. The rows after it are read, as a correction follows the mistake it corrects: of its project by the index
  /// of its days, without a 文号; with one, all of them (about a second at 10 million milestones), no index leading
  /// with the day. With a 文号, also those of its project and kind formed on another day, its own changes aside: its
  /// date corrected so.
  private func loggedAgain(_ old: MilestoneRecord, of project: ProjectRecord, _ db: Database) throws -> [Milestone] {
    let reference = old.reference.map(DocumentNumber.lookAlike) ?? ""
    let later = try MilestoneRecord.fetchAll(db, sql: """
      SELECT * FROM milestone WHERE id > ? AND formedOn = ? AND withdrawnReason IS NULL\(reference.isEmpty ? " AND projectId = ?" : "")
      ORDER BY id
      """, arguments: reference.isEmpty ? [old.id!, old.formedOn, project.id!] : [old.id!, old.formedOn])
    // A change shares the 文号 of what it changes by design: a change of this one is not it recorded again (two
    // changes of one milestone are compared as any two).
    let redated = reference.isEmpty ? [] : try MilestoneRecord.fetchAll(db, sql: """
      SELECT * FROM milestone WHERE projectId = ? AND kind = ? AND id > ? AND formedOn <> ? AND withdrawnReason IS NULL
        AND changesId IS NOT ? ORDER BY id
      """, arguments: [project.id!, old.kind, old.id!, old.formedOn, old.id!])
    return try (later + redated).filter { other in
      let otherReference = other.reference.map(DocumentNumber.lookAlike) ?? ""
      return reference.isEmpty
        ? otherReference.isEmpty && other.projectId == project.id && other.category == old.category
        : otherReference == reference
    }.map { try StoredMilestone($0, project: try projectRecord(of: $0, db), disclosures: []).milestone }
  }

  public func withdrawDisclosure(id: Int64, reason: String, actor: String) throws -> Withdrawal {
    try logged(actor: actor) { write in
      let (old, _, project) = try disclosureToCorrect(id, write.db)
      if let earlier = old.withdrawnReason { return .alreadyWithdrawn(reason: earlier) }
      var record = old
      record.withdrawnReason = reason
      _ = try write.update(record, from: old, project: project.code)
      return .withdrawn
    }
  }

  public func reinstateDisclosure(id: Int64, reason: String, actor: String) throws -> PublicationReinstatement {
    try logged(actor: actor) { write in
      let db = write.db
      let (old, milestone, project) = try disclosureToCorrect(id, db)
      guard old.withdrawnReason != nil else { return PublicationReinstatement(disclosure: try old.disclosure, wasInForce: true) }
      guard milestone.withdrawnReason == nil else {
        throw StoreError.publicationOfWithdrawnMilestone(disclosure: id, milestone: old.milestoneId)
      }
      // One recorded in its place since, or in force under its key, is the record, as of a milestone: a file listing
      // the publication could not tell the two apart, and would give this one the other's address and end.
      if let other = try DisclosureRecord.fetchOne(db, sql: """
        SELECT * FROM disclosure WHERE milestoneId = ? AND publishedOn = ? AND channel = ? AND id <> ?
          AND (id > ? OR withdrawnReason IS NULL)
        ORDER BY withdrawnReason IS NULL DESC, id DESC LIMIT 1
        """, arguments: [old.milestoneId, old.publishedOn, old.channel, id, id])
      {
        throw StoreError.publicationReinstatementBlocked(disclosure: id, by: other.id!, inForce: other.withdrawnReason == nil)
      }
      // So is one of its day in force under its channel spelt with other spaces, as `disclose` refuses it.
      let publication = try old.disclosure
      if let (other, recorded) = publication.recordedBeside(among: try publications(of: old.milestoneId, besides: id, db)),
        recorded.publishedOn == publication.publishedOn
      {
        throw StoreError.invalid(.invalidField("--disclosure", "\(id)", """
          disclosure \(other), in force, is its publication of \(recorded.publishedOn) on '\(recorded.channel)', the channel spelt \
          with other spaces ('\(publication.channel)'): one publication; if this one is the record, withdraw disclosure \(other) first \
          (`gongkai withdraw --disclosure \(other) --reason 重复登记`)
          """))
      }
      if let problem = try precedenceProblem(of: old.publishedDay, for: milestone) {
        let gap = if case .disclosureBeforeMilestone = problem { "before" } else { "more than \(Disclosure.longestLead) days before" }
        throw StoreError.invalid(.invalidField("--disclosure", "\(id)", """
          it was published on \(old.publishedOn), \(gap) milestone \(old.milestoneId) was formed (\(milestone.formedOn), amended \
          since): if that day is right, correct the milestone's date (`gongkai amend \(old.milestoneId) --date … --reason …`) first
          """))
      }
      var record = old
      record.withdrawnReason = nil
      record.reinstatedReason = reason
      _ = try write.update(record, from: old, project: project.code, action: "reinstate")
      return PublicationReinstatement(disclosure: try record.disclosure, wasInForce: false)
    }
  }

  /// A disclosure to withdraw or reinstate, with its milestone and project. What a withdrawn project published stays as
  /// it was, for the audit CSV and the feed's retractions: refused, as every write under it is, before "already
  /// withdrawn" or "in force" is said.
  private func disclosureToCorrect(_ id: Int64, _ db: Database) throws
    -> (record: DisclosureRecord, milestone: MilestoneRecord, project: ProjectRecord)
  {
    guard let record = try DisclosureRecord.fetchOne(db, key: id) else { throw StoreError.unknownDisclosure(id) }
    guard let milestone = try MilestoneRecord.fetchOne(db, key: record.milestoneId) else {
      throw Orphan(table: "disclosure", rowID: id, column: "milestoneId", parent: "milestone", key: "\(record.milestoneId)").error
    }
    let project = try projectRecord(of: milestone, db)
    try project.requireInForce()
    return (record, milestone, project)
  }

  public func milestone(ofDisclosure id: Int64) throws -> StoredMilestone? {
    guard let owner = try read({ try Int64.fetchOne($0, sql: "SELECT milestoneId FROM disclosure WHERE id = ?", arguments: [id]) })
    else { return nil }
    guard let stored = try milestone(id: owner) else {
      throw Orphan(table: "disclosure", rowID: id, column: "milestoneId", parent: "milestone", key: "\(owner)").error
    }
    return stored
  }

  public func milestone(id: Int64) throws -> StoredMilestone? {
    try read { db in try storedMilestone(id: id, db) }
  }

  /// ``milestone(id:)`` in a read or write of its own.
  func storedMilestone(id: Int64, _ db: Database) throws -> StoredMilestone? {
    guard let record = try MilestoneRecord.fetchOne(db, key: id) else { return nil }
    let project = try projectRecord(of: record, db)
    let disclosures = try DisclosureRecord.filter(Column("milestoneId") == id && Column("withdrawnReason") == nil)
      .order(Column("publishedOn"), Column("id")).fetchAll(db)
    var stored = try StoredMilestone(record, project: project, disclosures: disclosures)
    if record.amendmentReason != nil {
      let summary = try String.fetchOne(db, sql: "SELECT \(Self.amendmentsColumn) FROM milestone m WHERE m.id = ?", arguments: [id])
      stored.amendments = try Amendments(column: summary, reason: record.amendmentReason, formedOn: record.formedOn, of: id)
    }
    return stored
  }

  /// A milestone's amendments as one text, `actor U+1F at U+1F count U+1F original date`, from the `amend` rows of
  /// the change log through their partial index (`v6-amendment-reason`): the last one's author and instant, how
  /// many, and the day formed before the first. Read only for a milestone amended (its `amendmentReason` set), so
  /// the rows of everything else cost one NULL test in the audit CSV's query. The milestone is `m`.
  static let amendmentsColumn = """
    CASE WHEN m.amendmentReason IS NOT NULL THEN (SELECT c.actor || char(31) || c.at || char(31)
      || (SELECT COUNT(*) FROM changeLog k WHERE k.entity = 'milestone' AND k.action = 'amend' AND k.entityId = m.id)
      || char(31) || IFNULL((SELECT json_extract(f.before, '$.formedOn') FROM changeLog f
        WHERE f.entity = 'milestone' AND f.action = 'amend' AND f.entityId = m.id ORDER BY f.id LIMIT 1), '')
      FROM changeLog c WHERE c.entity = 'milestone' AND c.action = 'amend' AND c.entityId = m.id ORDER BY c.id DESC LIMIT 1) END
    """

  // MARK: Helpers

  func insertMilestone(_ entry: MilestoneEntry, changesId: Int64?, project: ProjectRecord, _ write: RegisterWrite) throws -> Int64 {
    let category = String(entry.kind.prefix { $0 != "." })
    var record = MilestoneRecord(
      id: nil, projectId: project.id!, kind: entry.kind, category: category, formedOn: entry.formedOn.description,
      reference: entry.reference, summary: entry.summary, responsibleUnit: entry.responsibleUnit, changesId: changesId,
      withdrawnReason: entry.withdrawnReason, recordedBy: write.actor, recordedAt: write.at)
    try write.insert(&record, project: project.code)
    for disclosure in entry.disclosures {
      var row = DisclosureRecord(
        id: nil, milestoneId: record.id!, publishedOn: disclosure.publishedOn.description, channel: disclosure.channel,
        url: disclosure.url, until: disclosure.until?.description, withdrawnReason: nil, recordedBy: write.actor,
        recordedAt: write.at, serialYear: nil, serial: nil)
      try write.insert(&row, project: project.code)
      write.noteStated(row, id: row.id!)
    }
    return record.id!
  }

  func existingMilestone(_ key: MilestoneKey, projectId: Int64, _ db: Database) throws -> MilestoneRecord? {
    try MilestoneRecord.fetchOne(db.cachedStatement(sql: """
      SELECT * FROM milestone WHERE projectId = ? AND kind = ? AND formedOn = ? AND IFNULL(reference, '') = ?
        AND withdrawnReason IS NULL
      """), arguments: [projectId, key.kind, key.formedOn.description, key.reference ?? ""])
  }

  /// Refuses moving the end of a publication whose recorded end passed before the write: a 公示 is kept up longer
  /// while it is up, but once the day it was to come down has gone by, moving that day would turn a settled
  /// shortfall into compliance with no reason given. A wrong record is withdrawn, with its reason, and recorded again.
  static func requireUnsettledEnd(from old: DisclosureRecord, to updated: DisclosureRecord, _ write: RegisterWrite) throws {
    if let end = old.until, updated.until != end, isSettled(end, write) {
      throw StoreError.settledPublication(disclosure: old.id!, until: end)
    }
  }

  /// Whether a publication recorded to come down on `end` had come down before the day of the write.
  static func isSettled(_ end: String, _ write: RegisterWrite) -> Bool { CivilDate(recordedAt: write.at).map { end < $0.description } ?? false }

  func existingDisclosure(_ record: DisclosureRecord, _ db: Database) throws -> DisclosureRecord? {
    try DisclosureRecord.fetchOne(db.cachedStatement(sql: """
      SELECT * FROM disclosure WHERE milestoneId = ? AND publishedOn = ? AND channel = ? AND withdrawnReason IS NULL
      """), arguments: [record.milestoneId, record.publishedOn, record.channel])
  }

  /// The publication last recorded under `record`'s key (its milestone, day and channel), in force or withdrawn.
  private func lastDisclosure(under record: DisclosureRecord, _ db: Database) throws -> DisclosureRecord? {
    try DisclosureRecord.fetchOne(db, sql: """
      SELECT * FROM disclosure WHERE milestoneId = ? AND publishedOn = ? AND channel = ? ORDER BY id DESC LIMIT 1
      """, arguments: [record.milestoneId, record.publishedOn, record.channel])
  }

  func activeMilestone(_ id: Int64, _ db: Database) throws -> MilestoneRecord {
    guard let record = try MilestoneRecord.fetchOne(db, key: id) else { throw StoreError.unknownMilestone(id) }
    guard record.withdrawnReason == nil else {
      // Of a withdrawn project, "record a new one" cannot be done: that is what is said instead.
      try projectRecord(of: record, db).requireInForce()
      throw StoreError.withdrawnMilestone(id)
    }
    return record
  }

  /// The milestone's project, which the foreign key guarantees unless the database was edited outside gongkai.
  func projectRecord(of milestone: MilestoneRecord, _ db: Database) throws -> ProjectRecord {
    guard let project = try ProjectRecord.fetchOne(db, key: milestone.projectId) else {
      throw Orphan.milestone(milestone.id, project: milestone.projectId.databaseValue).error
    }
    return project
  }
}

extension StoredMilestone {
  init(_ record: MilestoneRecord, project: ProjectRecord, disclosures: [DisclosureRecord]) throws {
    self.init(
      milestone: Milestone(
        id: record.id!, projectCode: project.code, kind: record.kind, formedOn: try record.formedDay,
        changes: record.changesId, responsibleUnit: record.responsibleUnit ?? project.responsibleUnit,
        disclosures: try disclosures.map { try $0.disclosure }),
      projectName: project.name, reference: record.reference, summary: record.summary,
      withdrawnReason: record.withdrawnReason, withdrawnBy: nil, withdrawnAt: nil, recordedBy: record.recordedBy, recordedAt: record.recordedAt,
      hasOwnUnit: record.responsibleUnit != nil, recordedDisclosures: disclosures.map {
        RecordedDisclosure(id: $0.id!, serial: NoticeSerial(stored: $0.serialYear, $0.serial, publishedOn: $0.publishedOn),
                         recordedBy: $0.recordedBy, recordedAt: $0.recordedAt)
      })
  }
}

extension Amendments {
  /// The amendments ``SQLiteStore/amendmentsColumn`` reads, with the milestone's reason and day formed; `nil` for a
  /// milestone never amended. An original day is kept only when it is not the day formed now.
  init?(column: String?, reason: String?, formedOn: String, of milestone: Int64) throws {
    guard let column, let reason else { return nil }
    let parts = column.split(separator: "\u{1F}", omittingEmptySubsequences: false)
    guard parts.count == 4, let count = Int(parts[2]) else {
      throw StoreError.edited("the change log's amendments of milestone \(milestone) read '\(column)'")
    }
    let original = parts[3].isEmpty || parts[3] == formedOn ? nil
      : try CivilDate.stored(String(parts[3]), column: "before.formedOn", of: "the change log's first amendment of milestone \(milestone)")
    self.init(count: count, lastBy: String(parts[0]), lastAt: String(parts[1]), reason: reason, originalFormedOn: original)
  }
}

extension Orphan {
  /// A milestone whose project is missing, as a command that needs the project finds it.
  static func milestone(_ id: Int64?, project: DatabaseValue) -> Orphan {
    Orphan(table: "milestone", rowID: id, column: "projectId", parent: "project", key: project.description)
  }
}
