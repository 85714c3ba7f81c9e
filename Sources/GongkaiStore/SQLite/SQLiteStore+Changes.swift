import Foundation
import GRDB
import GongkaiCore
import GongkaiJSON

extension SQLiteStore {
  /// Runs `body` in one write transaction whose every change is logged as made by `actor`.
  func logged<T>(actor: String, bulk: Bool = false, _ body: (RegisterWrite) throws -> T) throws -> T {
    try write(bulk: bulk) { db in try body(RegisterWrite(db, actor: actor, at: clock())) }
  }
}

/// One write transaction of the register. Every insert, update and withdrawal goes through it and is logged
/// with who, when, and the values before and after, in the same transaction as the change itself.
///
/// A bulk import writes millions of rows through one of these, so it writes with prepared statements and
/// keeps what it would otherwise read back for every row in memory for the transaction's length: the head of
/// the change log's hash chain and the last notice serial of each year. The transaction holds the write lock,
/// so no other process can move either meanwhile.
/// The day, in China, of an instant the register records, as messages name it (`2026-12-04`); text that is no
/// instant (a register edited outside gongkai) as it is.
func dayOf(_ instant: String) -> String { CivilDate(recordedAt: instant)?.description ?? instant }

final class RegisterWrite {
  let db: Database
  let actor: String
  /// When the changes are recorded: one instant for the whole transaction, which commits at once.
  let at: String
  /// The day in China of ``at``: what an import judges a day formed long ago against.
  private(set) lazy var today: CivilDate? = try? CivilDate(parsing: at.prefix(10))
  private var chain: (head: String, nextID: Int64)?
  private var hasher = ChainHasher()
  private var lastSerials: [Int: Int] = [:]
  /// For a spreadsheet import, which values of each publication its rows have given so far (``StatedField`` bits by
  /// disclosure id): two rows giving one publication different ends are refused, which neither the register nor the
  /// change log can tell once the first matched what was stored, and whether a row gave it at all. Half a byte a
  /// publication of the register.
  var disclosuresStated: IDTable?
  /// ``hasMilestoneUpdates(project:)``'s answers, as ``KnownAnswer`` raw values.
  private var milestoneUpdates = IDTable(bitsPerID: 2, denseThrough: 0, grows: true)
  /// ``hasWithdrawnMilestones(projectId:)``'s answers, as ``KnownAnswer`` raw values, kept true by the transaction's
  /// own withdrawals.
  private var withdrawnMilestones = IDTable(bitsPerID: 2, denseThrough: 0, grows: true)
  /// The busy days of projects this transaction has read, for the import's same-day lookup.
  var busyDays = BusyDays()
  /// Prepared on first use, by the type of row they insert: most transactions write one kind of row.
  private var inserts: [ObjectIdentifier: PreparedStatement] = [:]
  private var changeInsert: PreparedStatement?
  private var lookups: [UnsafeRawPointer: PreparedStatement] = [:]
  private static let changeInsertSQL = """
    INSERT INTO changeLog (id, at, actor, action, entity, entityId, projectCode, before, after, hash)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    """

  init(_ db: Database, actor: String, at: String) {
    self.db = db
    self.actor = actor
    self.at = at
  }

  /// Inserts a row and logs it. A row that stands for values the register held without it (`implied`: the
  /// national profile of a register that never recorded one) is logged as an update from them, so the log
  /// shows what changed.
  func insert<Record: LoggedRecord>(_ record: inout Record, project: String, replacing implied: Record? = nil) throws {
    try record.prepareInsert(self)
    let insert = try inserts[ObjectIdentifier(Record.self)] ?? makeInsert(for: Record.self)
    record.bind(to: insert)
    let id = try insert.run()
    record.id = id
    if let milestone = record as? MilestoneRecord {
      busyDays.inserted(milestone)
      noteIfWithdrawn(milestone)
    }
    try log(action: implied == nil ? "insert" : "update", entity: Record.entity, id: id, project: project,
            before: implied?.changeValues.utf8(), after: record.changeValues.utf8())
  }

  /// Prepares the INSERT of a type of row, kept for the transaction's length.
  private func makeInsert<Record: LoggedRecord>(for type: Record.Type) throws -> PreparedStatement {
    let insert = try PreparedStatement(db, sql: Record.insertSQL)
    inserts[ObjectIdentifier(type)] = insert
    return insert
  }

  /// Writes a changed row and logs it as an update, or as a withdrawal when that is the change (or as `action`:
  /// `amend` for a correction, `reinstate` for a project put back in force, `recode` for a project's code corrected);
  /// returns whether anything changed.
  func update<Record: LoggedRecord>(_ record: Record, from old: Record, project: String, action: String? = nil) throws -> Bool {
    guard record != old else { return false }
    try requireLogged(old)
    try record.update(db)
    if let milestone = record as? MilestoneRecord, let old = old as? MilestoneRecord {
      busyDays.updated(milestone, from: old)
      noteIfWithdrawn(milestone)
    }
    let action = action ?? (old.withdrawnReason == nil && record.withdrawnReason != nil ? "withdraw" : "update")
    try log(action: action, entity: Record.entity, id: record.id!, project: project, before: old.changeValues.utf8(),
            after: record.changeValues.utf8())
    return true
  }

  /// Refuses to change a row that no longer holds what its last change-log entry records: it was edited outside
  /// gongkai, and logging the edited values as the "before" of a change would make the edit look like gongkai's
  /// own history, after which `audit verify` could no longer find it.
  /// Found by the row alone (`changeLog_by_row`): a project's earlier rows are logged under the code it had then.
  private func requireLogged<Record: LoggedRecord>(_ row: Record) throws {
    let query = try lookup("""
      SELECT after FROM changeLog WHERE entity = ? AND entityId = ? ORDER BY id DESC LIMIT 1
      """)
    query.bind(Record.entity)
    query.bind(row.id)
    guard try query.first({ row.isRecorded(as: $0.bytes(at: 0)) }) ?? false else {
      throw StoreError.edited("\(LogDivergence.name(of: Record.entity, row.id ?? 0)) no longer holds what its change log last recorded, so it was left as it is")
    }
  }

  /// A query prepared once per transaction, for the lookups an import makes for every row. Found by the
  /// address of its text, which a static string keeps for the program's length: GRDB's statement cache hashes
  /// the whole text on every call.
  func lookup(_ sql: StaticString) throws -> PreparedStatement {
    let key = UnsafeRawPointer(sql.utf8Start)
    if let statement = lookups[key] { return statement }
    let statement = try PreparedStatement(db, sql: sql.description)
    lookups[key] = statement
    return statement
  }

  /// Whether the project's change log holds a milestone update or amendment: only an amendment (`gongkai amend`,
  /// logged as `update` before `v6-amendment-reason`) changes a milestone's date or document number. An import asks
  /// for every milestone it does not find, and the question reads the project's log, which the import makes longer
  /// with each milestone it adds: the answer is kept for each project (a spreadsheet sorted by date mixes projects
  /// row by row, and asking again made its import quadratic). The import's own updates (links) change no key.
  func hasMilestoneUpdates(project: ProjectRecord) throws -> Bool {
    let id = project.id!
    if let known = KnownAnswer(rawValue: milestoneUpdates[id]) { return known == .yes }
    let query = try lookup("""
      SELECT EXISTS (SELECT 1 FROM changeLog WHERE projectCode = ? AND entity = 'milestone' AND action IN ('update', 'amend'))
      """)
    var found = false
    for code in try project.loggedCodes(db) where !found {
      query.bind(code)
      found = try query.first { $0.int64(at: 0) != 0 } ?? false
    }
    milestoneUpdates[id] = (found ? KnownAnswer.yes : .no).rawValue
    return found
  }

  /// Whether the project holds a withdrawn milestone: most hold none, and an import then need not seek, for every row
  /// it does not hold in force, a withdrawn milestone of the row's key.
  func hasWithdrawnMilestones(projectId: Int64) throws -> Bool {
    if let known = KnownAnswer(rawValue: withdrawnMilestones[projectId]) { return known == .yes }
    let query = try lookup("""
      SELECT EXISTS (SELECT 1 FROM milestone INDEXED BY milestone_withdrawn_key WHERE projectId = ? AND withdrawnReason IS NOT NULL)
      """)
    query.bind(projectId)
    let found = try query.first { $0.int64(at: 0) != 0 } ?? false
    withdrawnMilestones[projectId] = (found ? KnownAnswer.yes : .no).rawValue
    return found
  }

  private func noteIfWithdrawn(_ milestone: MilestoneRecord) {
    if milestone.withdrawnReason != nil { withdrawnMilestones[milestone.projectId] = KnownAnswer.yes.rawValue }
  }

  /// The project a code no project has was corrected to, if any (``FormerCode``): asked of every new project an import
  /// reads, through a statement prepared once.
  func formerCode(_ code: String) throws -> FormerCode? {
    let query = try lookup(FormerCode.sql)
    query.bind(code)
    return try query.first { try FormerCode(former: code, $0) }
  }

  /// The next serial of a publication year.
  func nextSerial(year: Int) throws -> Int {
    let last = try lastSerials[year]
      ?? Int.fetchOne(db.cachedStatement(sql: "SELECT IFNULL(MAX(serial), 0) FROM disclosure WHERE serialYear = ?"), arguments: [year])!
    lastSerials[year] = last + 1
    return last + 1
  }

  /// Logs a change; `before` and `after` are the row's values as JSON text (``LoggedRecord/changeValues``).
  private func log(action: String, entity: String, id: Int64, project: String, before: [UInt8]?, after: [UInt8]?) throws {
    let (head, nextID) = try chain ?? loadChain()
    let hash = hasher.hash(previous: head.utf8, id: nextID, at: at.utf8, actor: actor.utf8, action: action.utf8,
                           entity: entity.utf8, entityId: id, projectCode: project.utf8, before: before, after: after).hex
    let insert = try changeInsert ?? PreparedStatement(db, sql: Self.changeInsertSQL)
    changeInsert = insert
    insert.bind(nextID)
    insert.bind(at)
    insert.bind(actor)
    insert.bind(action)
    insert.bind(entity)
    insert.bind(id)
    insert.bind(project)
    insert.bind(before)
    insert.bind(after)
    insert.bind(hash)
    try insert.run()
    chain = (hash, nextID + 1)
  }

  /// The chain's last hash, and the id AUTOINCREMENT would give the next row (never one used before).
  private func loadChain() throws -> (head: String, nextID: Int64) {
    let head = try String.fetchOne(db, sql: "SELECT hash FROM changeLog ORDER BY id DESC LIMIT 1") ?? ""
    let last = try Int64.fetchOne(db, sql: """
      SELECT MAX(IFNULL((SELECT seq FROM sqlite_sequence WHERE name = 'changeLog'), 0), IFNULL((SELECT MAX(id) FROM changeLog), 0))
      """) ?? 0
    return (head, last + 1)
  }
}

/// A row whose every change goes to the change log.
protocol LoggedRecord: MutablePersistableRecord, Equatable {
  /// `project`, `milestone`, `disclosure` or `register`, as the change log names it.
  static var entity: String { get }
  /// The INSERT of every column but the id, in the order ``bind(to:)`` binds them.
  static var insertSQL: String { get }
  var id: Int64? { get set }
  var withdrawnReason: String? { get }
  func bind(to insert: PreparedStatement)
  /// The row as the change log shows it (``JSONObject``).
  var changeValues: JSONObject { get }
  /// Fills in what the register assigns before the row is written.
  mutating func prepareInsert(_ write: RegisterWrite) throws
}

extension LoggedRecord {
  mutating func prepareInsert(_ write: RegisterWrite) throws {}

  /// Whether `logged`, a change-log row's values as SQLite holds them, are this row's: compared as bytes, and as
  /// JSON only when the bytes differ.
  func isRecorded(as logged: UnsafeBufferPointer<UInt8>?) -> Bool {
    guard let logged else { return false }
    let stored = changeValues.utf8()
    let same = stored.withUnsafeBufferPointer { stored in
      guard stored.count == logged.count, let bytes = stored.baseAddress, let other = logged.baseAddress else { return false }
      return memcmp(bytes, other, stored.count) == 0
    }
    return same || Self.sameValues(logged: String(decoding: logged, as: UTF8.self), stored: String(decoding: stored, as: UTF8.self))
  }

  /// Whether the logged values and the stored ones agree when the text differs: a log written by an earlier
  /// version may lay the JSON out otherwise, or lack a column added since (`serial` and `serialYear`, which the
  /// migration `v3-notice-serial` filled in for rows logged before it).
  private static func sameValues(logged: String, stored: String) -> Bool {
    guard let (logged, stored) = comparable(logged: logged, stored: stored) else { return false }
    return NSDictionary(dictionary: logged).isEqual(to: stored)
  }

  /// The columns whose value in this row is not the one `logged` records, in the order of their names, each value as
  /// a JSON fragment (`3` and `"3"` differ); `nil` when the logged values are not a JSON object (a log edited
  /// outside gongkai), and nothing can be told column by column.
  func differences(fromLogged logged: String) -> [LogDivergence.FieldDifference]? {
    guard let (logged, stored) = Self.comparable(logged: logged, stored: String(decoding: changeValues.utf8(), as: UTF8.self))
    else { return nil }
    return Set(logged.keys).union(stored.keys).sorted().compactMap { key in
      let (was, now) = (logged[key] as? NSObject, stored[key] as? NSObject)
      guard was != now else { return nil }
      return LogDivergence.FieldDifference(field: key, stored: now.flatMap(jsonFragment), logged: was.flatMap(jsonFragment))
    }
  }

  /// Both texts as JSON objects, without the columns a log written before they were added does not record, and
  /// without the columns that hold no value: left out of the JSON, or written as null by earlier versions, they
  /// hold none either way.
  private static func comparable(logged: String, stored: String) -> (logged: [String: Any], stored: [String: Any])? {
    guard let logged = try? JSONSerialization.jsonObject(with: Data(logged.utf8)) as? [String: Any],
      var stored = try? JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: Any]
    else { return nil }
    for key in ["serial", "serialYear"] where logged[key] == nil { stored[key] = nil }
    return (logged.filter { !($0.value is NSNull) }, stored.filter { !($0.value is NSNull) })
  }
}

/// A value as JSON writes it, for a message that must tell `3` from `"3"`.
func jsonFragment(_ value: Any) -> String? {
  (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .withoutEscapingSlashes]))
    .map { String(decoding: $0, as: UTF8.self) }
}

extension ProjectRecord: LoggedRecord {
  static let entity = "project"
  static let insertSQL = """
    INSERT INTO project (code, name, legalPerson, location, totalInvestment, responsibleUnit) VALUES (?, ?, ?, ?, ?, ?)
    """
  func bind(to insert: PreparedStatement) {
    insert.bind(code)
    insert.bind(name)
    insert.bind(legalPerson)
    insert.bind(location)
    insert.bind(totalInvestment)
    insert.bind(responsibleUnit)
  }

  var changeValues: JSONObject {
    var json = JSONObject()
    json.field("code", code)
    json.field("id", id)
    json.field("legalPerson", legalPerson)
    json.field("location", location)
    json.field("name", name)
    json.field("recodedReason", recodedReason)
    json.field("reinstatedReason", reinstatedReason)
    json.field("responsibleUnit", responsibleUnit)
    json.field("totalInvestment", totalInvestment)
    json.field("withdrawnReason", withdrawnReason)
    return json
  }
}

extension MilestoneRecord: LoggedRecord {
  static let entity = "milestone"
  static let insertSQL = """
    INSERT INTO milestone (projectId, kind, category, formedOn, reference, summary, responsibleUnit, changesId,
      withdrawnReason, recordedBy, recordedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    """
  func bind(to insert: PreparedStatement) {
    insert.bind(projectId)
    insert.bind(kind)
    insert.bind(category)
    insert.bind(formedOn)
    insert.bind(reference)
    insert.bind(summary)
    insert.bind(responsibleUnit)
    insert.bind(changesId)
    insert.bind(withdrawnReason)
    insert.bind(recordedBy)
    insert.bind(recordedAt)
  }

  var changeValues: JSONObject {
    var json = JSONObject()
    json.field("amendmentReason", amendmentReason)
    json.field("category", category)
    json.field("changesId", changesId)
    json.field("formedOn", formedOn)
    json.field("id", id)
    json.field("kind", kind)
    json.field("projectId", projectId)
    json.field("recordedAt", recordedAt)
    json.field("recordedBy", recordedBy)
    json.field("reference", reference)
    json.field("reinstatedReason", reinstatedReason)
    json.field("responsibleUnit", responsibleUnit)
    json.field("summary", summary)
    json.field("withdrawnReason", withdrawnReason)
    return json
  }
}

extension RegisterRecord: LoggedRecord {
  static let entity = "register"
  static let insertSQL = "INSERT INTO register (id, profile, organisation) VALUES (\(RegisterRecord.id), ?, ?)"
  var withdrawnReason: String? { nil }
  func bind(to insert: PreparedStatement) {
    insert.bind(profile)
    insert.bind(organisation)
  }

  var changeValues: JSONObject {
    var json = JSONObject()
    json.field("id", id)
    json.field("organisation", organisation)
    json.field("profile", profile)
    return json
  }
}

extension DisclosureRecord: LoggedRecord {
  static let entity = "disclosure"
  static let insertSQL = """
    INSERT INTO disclosure (milestoneId, publishedOn, channel, url, until, withdrawnReason, recordedBy, recordedAt,
      serialYear, serial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    """
  func bind(to insert: PreparedStatement) {
    insert.bind(milestoneId)
    insert.bind(publishedOn)
    insert.bind(channel)
    insert.bind(url)
    insert.bind(until)
    insert.bind(withdrawnReason)
    insert.bind(recordedBy)
    insert.bind(recordedAt)
    insert.bind(serialYear)
    insert.bind(serial)
  }

  var changeValues: JSONObject {
    var json = JSONObject()
    json.field("channel", channel)
    json.field("id", id)
    json.field("milestoneId", milestoneId)
    json.field("publishedOn", publishedOn)
    json.field("recordedAt", recordedAt)
    json.field("recordedBy", recordedBy)
    json.field("reinstatedReason", reinstatedReason)
    json.field("serial", serial)
    json.field("serialYear", serialYear)
    json.field("until", until)
    json.field("url", url)
    json.field("withdrawnReason", withdrawnReason)
    return json
  }

  /// Each publication gets the next serial of its year, for ever.
  mutating func prepareInsert(_ write: RegisterWrite) throws {
    let year = Int(publishedOn.prefix(4))!
    serialYear = year
    serial = try write.nextSerial(year: year)
  }
}

// MARK: - Conversions between rows and domain values

extension ProjectRecord {
  /// The row of a project to insert.
  init(inserting project: Project) {
    self.init(id: nil, code: project.code.rawValue, name: project.name, legalPerson: project.legalPerson,
              location: project.location, totalInvestment: project.totalInvestment,
              responsibleUnit: project.responsibleUnit, withdrawnReason: project.withdrawnReason)
  }

  /// The row `old` becomes when its project reads `project`: what only the register keeps of it (its id, why it
  /// was reinstated, why its code was corrected) stays, since an edit or a project file says nothing of them.
  init(_ project: Project, replacing old: ProjectRecord) {
    self.init(inserting: project)
    id = old.id
    reinstatedReason = old.reinstatedReason
    recodedReason = old.recodedReason
  }

  func project() throws -> Project {
    Project(code: try ProjectCode.stored(code), name: name, legalPerson: legalPerson, location: location,
            totalInvestment: totalInvestment, responsibleUnit: responsibleUnit, withdrawnReason: withdrawnReason)
  }
}

extension DisclosureRecord {
  var disclosure: Disclosure {
    get throws {
      Disclosure(publishedOn: try publishedDay, channel: channel, url: url,
                 until: try until.map { try CivilDate.stored($0, column: "until", of: id.map { "disclosure \($0)" }) })
    }
  }
}

extension MilestoneRecord {
  /// The day formed, read back from the register; a value edited into no date names the milestone.
  var formedDay: CivilDate { get throws { try CivilDate.stored(formedOn, column: "formedOn", of: id.map { "milestone \($0)" }) } }
}

extension DisclosureRecord {
  /// The day published, read back from the register; a value edited into no date names the disclosure.
  var publishedDay: CivilDate { get throws { try CivilDate.stored(publishedOn, column: "publishedOn", of: id.map { "disclosure \($0)" }) } }
}

extension CivilDate {
  /// A date read back from the database; a value edited into something else is a data error, which names the column
  /// and the row (`disclosure 5`) where the reader knows it, for whoever must find the value to mend it.
  static func stored(_ text: String, column: String, of row: @autoclosure () -> String? = nil) throws -> CivilDate {
    do { return try CivilDate(parsing: text) } catch {
      throw StoreError.edited("stored \(column) '\(text)'\(row().map { " of \($0)" } ?? "") is not a date")
    }
  }
}

extension ProjectCode {
  static func stored(_ text: String) throws -> ProjectCode {
    do { return try ProjectCode(text) } catch { throw StoreError.edited("stored project code '\(text)' is malformed") }
  }
}

/// An answer about a project kept in an ``IDTable``, whose 0 is "not asked yet".
private enum KnownAnswer: UInt64 {
  case no = 1, yes = 2
}
