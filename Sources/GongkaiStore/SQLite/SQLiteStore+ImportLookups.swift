import GRDB
import GongkaiCore

/// What an import looks up before it writes: the project and the milestone an entry names, under the keys amendments
/// replaced too, a 文号 recorded on another day, the link a row gives, and the register's changes a file predates.
extension SQLiteStore {
  /// The milestone of the project that had `key` before an amendment gave it another, from the change log (the
  /// index of the milestone keys updates replaced), under each code the project had; looked up only for an entry the
  /// register does not hold.
  func milestoneAmended(from key: MilestoneKey, project: ProjectRecord, _ write: RegisterWrite) throws -> RecordedMilestone? {
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
  func importedProject(code: String, _ write: RegisterWrite) throws -> ProjectRecord? {
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
  struct RecordedMilestone {
    let id: Int64
    let withdrawn: Bool
    let formedOn: CivilDate
    let summary: String?
    let responsibleUnit: String?
  }

  /// Notes each field a spreadsheet row gives otherwise than the milestone it names, which a row does not change:
  /// counted as unchanged without a word, a correction typed into a sheet looked applied when it was not. Throws
  /// ``RefusedField`` where an earlier row of this import added the milestone: two rows of one sheet disagree.
  func noteDifferences(
    of entry: MilestoneEntry, from recorded: RecordedMilestone, project: ProjectRecord, at position: Int,
    report: inout ImportReport
  ) throws {
    guard !recorded.withdrawn else { return }
    // A milestone without a unit of its own is the project's unit's: a row naming that unit agrees with it.
    let unit = recorded.responsibleUnit ?? project.responsibleUnit
    let fields = [("summary", entry.summary, recorded.summary, recorded.summary), ("unit", entry.responsibleUnit, unit, recorded.responsibleUnit)]
    for (field, given, stored, ownValue) in fields where given != nil && given != stored {
      // Where an earlier row of this import added the milestone: the rows disagree, and the later one's value would be
      // dropped without a word (a later row that leaves the cell empty says nothing).
      if let given, report.addedMilestones?.contains(recorded.id) == true {
        throw RefusedField(field: field, message: """
          a row above gives \(entry.key.described) \(ownValue.map { "the \(field) '\($0)'" } ?? "no \(field)"), this row \
          '\(given)'; give a milestone one \(field) in all its rows, the right one
          """)
      }
      report.notice(at: position, field: field, """
        differs from milestone \(recorded.id)'s ('\(stored ?? "")'), which an import does not change; \
        to change it, run `gongkai amend \(recorded.id) --\(field) … --reason …`
        """)
    }
  }

  /// Whether a file leaves out a field the register holds blank: what an import before blanks were read as left out
  /// stored of the same file (`legal-person: ""`), and `export project` writes back. No change a file would undo: the
  /// import clears the blank.
  static func isBlankLeftOut(given: String?, stored: String?) -> Bool {
    given == nil && stored?.allSatisfy(\.isWhitespace) == true
  }

  /// The project fields the file gives as a value the change log shows replaced (by `gongkai project edit`, or an
  /// import): the file was written before that change, and importing it would undo it without a word, the
  /// responsible unit above all, which moves every milestone that follows the project's. Looked up only for a field
  /// that differs; all of them, so that a file is put right in one go.
  func staleFields(of project: ProjectRecord, stored: ProjectRecord, _ write: RegisterWrite) throws
    -> [(field: String, message: String)]
  {
    let fields: [(column: String, file: String, option: String, given: String?, stored: String?)] = [
      ("responsibleUnit", "responsible-unit", "unit", project.responsibleUnit, stored.responsibleUnit),
      ("name", "name", "name", project.name, stored.name),
      ("legalPerson", "legal-person", "legal-person", project.legalPerson, stored.legalPerson),
      ("location", "location", "location", project.location, stored.location),
      ("totalInvestment", "total-investment", "investment", project.totalInvestment, stored.totalInvestment),
    ]
    return try fields.filter { $0.given != $0.stored && !Self.isBlankLeftOut(given: $0.given, stored: $0.stored) }.compactMap { field in
      guard let change = try change(of: field.column, from: field.given, entity: "project", id: stored.id!, write.db)
      else { return nil }
      let given = field.given.map { "'\($0)' is what it was" } ?? "the file leaves it out (which clears it), as it was"
      return (field.file, """
        \(given) before \(change.actor) changed it on \(dayOf(change.at)) (it is now \
        '\(field.stored ?? "")'): the file was written before that change and would undo it: run `gongkai export project \
        \(stored.code)` and make your edits in the new file, or set it back on purpose with `gongkai project edit \(stored.code) \
        --\(field.option) …`
        """)
    }
  }

  /// Why a value a file gives a milestone or a publication is older than the register's: a logged change of the record
  /// (``change(of:from:entity:id:_:)``), or a withdrawn record of the same key that held it and that this one was
  /// recorded again in place of, the correction the messages offer where `amend` or `disclose` cannot make it.
  struct Supersession {
    let at: String
    let actor: String
    /// The withdrawn record of the same entity that held the value; `nil` for a change of the record itself.
    let replaced: Int64?
    /// The record withdrawn and the one recorded in its place: the milestone for a publication of a milestone withdrawn
    /// and recorded again, else the record that held the value.
    let withdrawal: (entity: String, id: Int64, replacement: Int64)?

    /// The record that held the value: the withdrawn one, else the record `id` itself.
    func holder(_ id: Int64) -> Int64 { replaced ?? id }

    /// `before 李文员 changed it on 2026-12-04`, or withdrew a record and recorded another in its place.
    var before: String {
      let what = withdrawal.map { "withdrew \($0.entity) \($0.id) and recorded \($0.entity) \($0.replacement) in its place" } ?? "changed it"
      return "before \(actor) \(what) on \(dayOf(at))"
    }
  }

  /// The supersession of the value `value` of `column` of the milestone or disclosure `id`: its own change first, else
  /// a withdrawn record of its key holding it (a milestone's kind, day and 文号; a publication's day and channel, on
  /// its milestone or on one its milestone was recorded again in place of), also where the record recorded again
  /// holds none: an address withdrawn as wrong comes back otherwise. Looked up only for a value that differs from the
  /// register's.
  func supersession(of column: String, from value: String?, entity: String, id: Int64, _ db: Database) throws -> Supersession? {
    if let change = try change(of: column, from: value, entity: entity, id: id, db) {
      return Supersession(at: change.at, actor: change.actor, replaced: nil, withdrawal: nil)
    }
    let sameMilestoneKey = { (twin: String, this: String) in
      "\(twin).projectId = \(this).projectId AND \(twin).kind = \(this).kind AND \(twin).formedOn = \(this).formedOn "
        + "AND IFNULL(\(twin).reference, '') = IFNULL(\(this).reference, '') AND \(twin).id < \(this).id"
    }
    let sql = entity == "milestone" ? """
      SELECT twin.id, twin.id FROM milestone AS twin, milestone AS this
      WHERE this.id = ? AND \(sameMilestoneKey("twin", "this")) AND twin.withdrawnReason IS NOT NULL AND twin.\(column) IS ?
      ORDER BY twin.id DESC LIMIT 1
      """ : """
      SELECT twin.id, twin.milestoneId FROM disclosure AS twin, disclosure AS this, milestone AS ours
      WHERE this.id = ? AND ours.id = this.milestoneId AND twin.publishedOn = this.publishedOn AND twin.channel = this.channel
        AND twin.id < this.id AND twin.\(column) IS ?
        AND (twin.milestoneId = this.milestoneId AND twin.withdrawnReason IS NOT NULL
          OR twin.milestoneId IN (SELECT theirs.id FROM milestone AS theirs
                                  WHERE \(sameMilestoneKey("theirs", "ours")) AND theirs.withdrawnReason IS NOT NULL))
      ORDER BY twin.id DESC LIMIT 1
      """
    guard let twin = try Row.fetchOne(db, sql: sql, arguments: [id, value]) else { return nil }
    let (replaced, milestone): (Int64, Int64) = (twin[0], twin[1])
    let ours = entity == "milestone" ? id : try Int64.fetchOne(db, sql: "SELECT milestoneId FROM disclosure WHERE id = ?", arguments: [id])
    // A publication of a milestone withdrawn went with it: the milestone's withdrawal is the one that replaced it.
    let withdrawal = entity == "disclosure" && milestone != ours ? ("milestone", milestone, ours ?? milestone) : (entity, replaced, id)
    guard let logged = try Row.fetchOne(db, sql: """
      SELECT at, actor FROM changeLog WHERE entity = ? AND entityId = ? AND action = 'withdraw' ORDER BY id DESC LIMIT 1
      """, arguments: [withdrawal.0, withdrawal.1])
    else { return nil }
    return Supersession(at: logged[0], actor: logged[1], replaced: replaced, withdrawal: withdrawal)
  }

  /// The last logged change of a row's column away from `value` (an update, an amendment or a reinstatement): who made
  /// it and when; `nil` when the column never held that value and then changed, so a file giving it is not behind the
  /// register. Any earlier value counts, not
  /// only the last: a file from before two edits is behind both. Read through the log's row index.
  func change(of column: String, from value: (any DatabaseValueConvertible)?, entity: String, id: Int64,
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
  func recordedMilestone(_ key: MilestoneKey, projectId: Int64, preferringWithdrawn: Bool, _ write: RegisterWrite)
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
  func milestone(
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
  /// brackets (杨发改投〔2026〕12号 for 杨发改投[2026]12号), in ASCII digits and letters (杨发改投〔2026〕12号 for
  /// 杨发改投〔２０２６〕１２号), or both: an old system's brackets or an input method's digits and a corrected date,
  /// together. Each other spelling is one more seek of the natural key's index, and only for a 文号 typed so: a register
  /// keeps GB/T 9704's, and a sheet from elsewhere brings the others. Imports and `log` ask it alike.
  static func sharingReference(
    of entry: MilestoneEntry, find: (String) throws -> (id: Int64, formedOn: String)?
  ) throws -> (id: Int64, formedOn: String, reference: String)? {
    guard let reference = entry.namesakeReference else { return nil }
    let ascii = MilestoneEntry.asciiSpelling(ofReference: reference)
    for spelling in [reference, DocumentNumber.inStandardBrackets(reference), ascii, ascii.flatMap(DocumentNumber.inStandardBrackets)] {
      if let spelling, let found = try find(spelling) { return (found.id, found.formedOn, spelling) }
    }
    return nil
  }

  /// A milestone in force of the project with the entry's kind and day, with a 文号 where the entry has none,
  /// without one where the entry gives one, or with the entry's 文号 typed otherwise (杨竣[2026]5号 for 杨竣〔2026〕5号):
  /// most likely the same document, its 文号 filled in since (a new key, so a new milestone) or left out or typed
  /// otherwise in one of the files: the project's milestones in force of the entry's kind and day, to ask
  /// (``SameDayMilestones/lookAlike(of:)``, ``SameDayMilestones/typedOtherwise(_:)``). Asked only for an entry about
  /// to be added, by the index that holds the project's milestones of the day, or of the transaction's busy days,
  /// whatever the number of milestones a day holds; `nil` for a withdrawn entry or a change.
  func sameDayMilestones(of entry: MilestoneEntry, projectId: Int64, _ write: RegisterWrite) throws -> SameDayMilestones? {
    guard entry.withdrawnReason == nil, entry.changes == nil else { return nil }
    let day = BusyDays.Day(projectId: projectId, formedOn: entry.formedOn.description, kind: entry.kind)
    if let kept = write.busyDays[day] { return kept }
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
    return sameDay
  }

  /// For a suggestion to withdraw the milestone an entry added in favour of `milestone`: the publications the entry
  /// gave go with the withdrawal, so the suggestion records on the one kept those it does not hold already.
  func publications(of entry: MilestoneEntry, movedTo milestone: Int64, _ db: Database) throws -> String {
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
  func requireInForce(linked target: Int64, by key: MilestoneKey, of project: ProjectRecord, _ db: Database) throws {
    guard try MilestoneRecord.fetchOne(db, key: target)?.withdrawnReason != nil else { return }
    throw StoreError.invalid(.invalidField("changes", key.description, """
      milestone \(target) of project \(project.code) is withdrawn as recorded by mistake, so it holds no information to \
      change; link the milestone recorded in its place, or leave changes out
      """))
  }

  /// A link that names no milestone, or several: what to give instead.
  struct LinkRefusal: Error {
    let message: String
    /// Whether the link names no milestone, rather than several: after a refused row, the row it names may be that one.
    var namesNone = false
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
    case 0:
      return .failure(LinkRefusal(
        message: "'\(key)' names no milestone in force of the project; record that one first, or check its kind, day and 文号", namesNone: true))
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
      guard let projectId = try Self.projectId(of: code, db) else { return nil }
      return try Self.sharingReference(of: entry) { reference in
        try Row.fetchOne(db, sql: Self.sharingReferenceSQL.description,
                         arguments: [projectId, entry.kind, reference, entry.formedOn.description])
          .map { (try $0.decode(atIndex: 0), try $0.decode(atIndex: 1)) }
      }
    }
  }

  public func milestone(underAnotherKindSharing entry: MilestoneEntry, project code: ProjectCode) throws -> (id: Int64, kind: String)? {
    guard let reference = entry.reference else { return nil }
    return try read { db in
      try Row.fetchOne(db, sql: """
        SELECT m.id, m.kind FROM milestone m JOIN project p ON p.id = m.projectId
        WHERE p.code = ? AND m.formedOn = ? AND m.reference = ? AND m.kind <> ? AND m.withdrawnReason IS NULL
        ORDER BY m.id LIMIT 1
        """, arguments: [code.rawValue, entry.formedOn.description, reference, entry.kind]).map { ($0[0], $0[1]) }
    }
  }

  public func milestone(differingOnlyInReferenceFrom entry: MilestoneEntry, project code: ProjectCode) throws
    -> (id: Int64, reference: String?)?
  {
    try sameDayMilestones(of: entry, project: code)?.lookAlike(of: entry.reference)
  }

  public func milestone(typingOtherwiseTheReferenceOf entry: MilestoneEntry, project code: ProjectCode, excluding id: Int64?) throws
    -> (id: Int64, reference: String)?
  {
    try sameDayMilestones(of: entry, project: code)?.typedOtherwise(entry.reference, except: id)
      .flatMap { found in found.reference.map { (found.id, $0) } }
  }

  /// The row id of the project registered under `code`, `nil` when none is.
  private static func projectId(of code: ProjectCode, _ db: Database) throws -> Int64? {
    try Int64.fetchOne(db, sql: "SELECT id FROM project WHERE code = ?", arguments: [code.rawValue])
  }

  /// ``sameDayMilestones(of:projectId:_:)`` outside a write.
  private func sameDayMilestones(of entry: MilestoneEntry, project code: ProjectCode) throws -> SameDayMilestones? {
    guard entry.withdrawnReason == nil, entry.changes == nil else { return nil }
    return try read { db in
      guard let projectId = try Self.projectId(of: code, db) else { return nil }
      let sameDay = try Row.fetchAll(db, sql: Self.sameDaySQL.description, arguments: [projectId, entry.formedOn.description, entry.kind])
        .map { (id: $0[0] as Int64, reference: $0[1] as String?) }
      return SameDayMilestones(sameDay)
    }
  }

  public func withdrawnMilestone(recordedAgainAs id: Int64) throws -> StoredMilestone? {
    try read { db in try Self.withdrawnMilestone(recordedAgainAs: id, before: id, db).flatMap { try storedMilestone(id: $0, db) } }
  }

  /// The milestone withdrawn as recorded by mistake (not with its project) that milestone `id` most likely records again:
  /// of its project and kind, the same day or its 文号 on another day, and older than `bound` (an import's first new
  /// milestone: one it added withdrawn records what was taken back elsewhere, not a mistake made here).
  static func withdrawnMilestone(recordedAgainAs id: Int64, before bound: Int64, _ db: Database) throws -> Int64? {
    // The project's withdrawn milestones of the kind, the published first (what they leave behind matters most),
    // then the same day, then the latest: few.
    let rows = try Row.fetchAll(db.cachedStatement(sql: """
      SELECT w.id, w.formedOn = m.formedOn, w.reference, m.reference, w.id IS m.changesId
      FROM milestone m JOIN milestone w ON w.projectId = m.projectId AND w.kind = m.kind
      WHERE m.id = ? AND w.id < ? AND w.withdrawnReason IS NOT NULL AND w.withdrawnReason NOT LIKE ? || '%'
      ORDER BY EXISTS (SELECT 1 FROM disclosure d WHERE d.milestoneId = w.id AND d.withdrawnReason IS NULL) DESC,
        w.formedOn = m.formedOn DESC, w.id DESC
      """), arguments: [id, bound, RegisterText.projectWithdrawalMark])
    return rows.first { row in
      let (sameDay, theirs, ours, changedByOurs): (Bool, String?, String?, Bool) = (row[1], row[2], row[3], row[4])
      // On another day, the 文号 tells one document, as two typings of it compare; a change shares the 文号 of what
      // it changes by design, which tells nothing of the two (two changes of one milestone are compared as any two).
      guard !sameDay else { return true }
      guard !changedByOurs, let theirs, let ours, !ours.isEmpty else { return false }
      return DocumentNumber.lookAlike(theirs) == DocumentNumber.lookAlike(ours)
    }.map { $0[0] }
  }
}
