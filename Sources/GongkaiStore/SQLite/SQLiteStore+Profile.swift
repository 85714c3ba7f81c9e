import Foundation
import GRDB
import GongkaiCore

// MARK: - The register's profile

extension SQLiteStore {
  public func profile() throws -> String { try read(Self.profile) }

  /// The profile of the register at `path` as its file stands, read without upgrading it: `init` settles the profile
  /// before it upgrades a register of an earlier gongkai, which every other way of opening it refuses. A register
  /// from before profiles were recorded (schema v5) is national.
  public static func recordedProfile(at path: String, busyTimeout: TimeInterval) throws -> String {
    // A connection that may write, and writes nothing: the last one to close removes the files beside the register
    // that SQLite makes to read it in WAL mode, which a read-only one would leave.
    var configuration = Configuration()
    configuration.busyMode = .timeout(busyTimeout)
    return try translating(path) {
      let queue = try DatabaseQueue(path: fileName(path), configuration: configuration)
      defer { try? queue.close() }
      return try queue.read { db in
        try db.tableExists(RegisterRecord.databaseTableName) ? try profile(db) : RegisterProfile.national
      }
    }
  }

  private static func profile(_ db: Database) throws -> String {
    if let profile = try String.fetchOne(db, sql: "SELECT profile FROM register WHERE id = ?", arguments: [RegisterRecord.id]) {
      return profile
    }
    // No row is the national profile, unless the log says the row was there: deleted outside gongkai, every
    // deadline would silently move to the national rules.
    guard try registerChanges.fetchCount(db) == 0 else {
      throw StoreError.edited("the register's profile is in its change log but not in the register")
    }
    return RegisterProfile.national
  }

  public func setProfile(_ rules: RuleCatalogue, actor: String, today: CivilDate) throws -> String {
    let profile = rules.profile
    let underRules = admittingEarlyPublications(under: rules)
    return try logged(actor: actor) { write in
      let outside = try Self.kindsInUse(write.db).filter { rules.rule(for: $0.kind) == nil }
      guard outside.isEmpty else { throw StoreError.kindsOutsideProfile(profile, outside) }
      let ahead = try underRules.publicationsAheadRefused(write.db)
      guard ahead.isEmpty else { throw StoreError.publicationsAheadOutsideProfile(profile, ahead) }
      let formedAhead = try Self.milestonesAheadRefused(write.db, under: rules, today: today)
      guard formedAhead.isEmpty else { throw StoreError.milestonesAheadOutsideProfile(profile, today, formedAhead) }
      let links = try Self.linksRefused(write.db, under: rules)
      guard links.isEmpty else { throw StoreError.linksOutsideProfile(profile, links) }
      var record = RegisterRecord(id: RegisterRecord.id, profile: profile)
      if let stored = try RegisterRecord.fetchOne(write.db, key: RegisterRecord.id) {
        record.organisation = stored.organisation
        _ = try write.update(record, from: stored, project: "")
        return stored.profile
      }
      // No row is the national profile, unless the log says the row was there: deleted outside gongkai, when
      // "national" as the value before would hide that.
      guard try Self.registerChanges.fetchCount(write.db) == 0 else {
        throw StoreError.edited("the register's profile is in its change log but not in the register, so it was left as it is")
      }
      guard profile != RegisterProfile.national else { return profile }
      try write.insert(&record, project: "", replacing: RegisterRecord(id: RegisterRecord.id, profile: RegisterProfile.national))
      return RegisterProfile.national
    }
  }

  public func kindsInUse() throws -> [KindInUse] { try read(Self.kindsInUse) }

  // MARK: The register's organisation code

  public func organisation() throws -> String? {
    try read { db in
      try String.fetchOne(db, sql: "SELECT organisation FROM register WHERE id = ?", arguments: [RegisterRecord.id])
    }
  }

  public func numberedPublications() throws -> Int {
    try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM disclosure WHERE serial IS NOT NULL") ?? 0 }
  }

  public func setOrganisation(_ code: String, replacing expected: String?, actor: String) throws -> String? {
    try logged(actor: actor) { write in
      if let stored = try RegisterRecord.fetchOne(write.db, key: RegisterRecord.id) {
        guard stored.organisation == expected else { return stored.organisation }
        var record = stored
        record.organisation = code
        _ = try write.update(record, from: stored, project: "")
        return stored.organisation
      }
      guard expected == nil else { return nil }
      // The row holds the profile too: the national one where there is none, unless the log says the row was there.
      guard try Self.registerChanges.fetchCount(write.db) == 0 else {
        throw StoreError.edited("the register's profile is in its change log but not in the register, so it was left as it is")
      }
      var record = RegisterRecord(id: RegisterRecord.id, profile: RegisterProfile.national, organisation: code)
      try write.insert(&record, project: "", replacing: RegisterRecord(id: RegisterRecord.id, profile: RegisterProfile.national))
      return nil
    }
  }

  public func publicationsAheadRefused() throws -> [PublicationAhead] { try read(publicationsAheadRefused) }

  /// One pass over the publications in force of milestones in force, keeping those dated ahead of their milestone that
  /// the rules do not admit ahead at all. One more than ``GongkaiCore/Disclosure/longestLead`` days ahead of a kind
  /// that may come first is no profile's doing, and not named as one. A withdrawn milestone's publications come back
  /// unchecked with it, and `doctor` names them then: a withdrawn project's could not be withdrawn in their turn.
  private func publicationsAheadRefused(_ db: Database) throws -> [PublicationAhead] {
    try Row.fetchAll(db, sql: """
      SELECT d.id, d.publishedOn, m.kind, m.formedOn, m.changesId IS NOT NULL FROM disclosure d
      JOIN milestone m ON m.id = d.milestoneId
      WHERE d.withdrawnReason IS NULL AND m.withdrawnReason IS NULL AND d.publishedOn < m.formedOn ORDER BY d.id
      """).compactMap { row in
      let ahead = PublicationAhead(disclosure: row[0], published: try CivilDate.stored(row[1], column: "publishedOn", of: "disclosure \(row[0] as Int64)"), kind: row[2],
                                   formed: try CivilDate.stored(row[3], column: "formedOn", of: "the milestone of disclosure \(row[0] as Int64)"), isChange: row[4])
      guard case .disclosureBeforeMilestone = precedenceProblem(of: ahead.published, kind: ahead.kind, formedOn: ahead.formed,
                                                                 isChange: ahead.isChange) else { return nil }
      return ahead
    }
  }

  public func milestonesAheadRefused(under rules: RuleCatalogue, today: CivilDate) throws -> [MilestoneAhead] {
    try read { db in try Self.milestonesAheadRefused(db, under: rules, today: today) }
  }

  public func linksRefused(under rules: RuleCatalogue) throws -> [LinkRefused] {
    try read { db in try Self.linksRefused(db, under: rules) }
  }

  /// One pass over the milestones in force that change another, asked only when a profile is changed and by `doctor`.
  private static func linksRefused(_ db: Database, under rules: RuleCatalogue) throws -> [LinkRefused] {
    try Row.fetchAll(db, sql: """
      SELECT m.id, m.kind, t.id, t.kind FROM milestone m JOIN milestone t ON t.id = m.changesId
      WHERE m.withdrawnReason IS NULL ORDER BY m.id
      """).compactMap { row in
      let link = LinkRefused(milestone: row[0], kind: row[1], changed: row[2], changedKind: row[3])
      // A kind the rules do not define is refused as such, with its own fix.
      guard rules.rule(for: link.kind) != nil, rules.rule(for: link.changedKind) != nil,
        rules.changeProblem(kind: link.kind, changing: link.changedKind, link: "\(link.changed)") != nil
      else { return nil }
      return link
    }
  }

  /// One pass over the milestones, asked only when a profile is changed and by `doctor`: those formed after today are
  /// the few notices recorded ahead.
  private static func milestonesAheadRefused(_ db: Database, under rules: RuleCatalogue, today: CivilDate) throws -> [MilestoneAhead] {
    try Row.fetchAll(db, sql: """
      SELECT id, kind, formedOn, changesId IS NOT NULL FROM milestone
      WHERE withdrawnReason IS NULL AND formedOn > ? ORDER BY id
      """, arguments: [today.description]).compactMap { row in
      let ahead = MilestoneAhead(milestone: row[0], kind: row[1], formed: try CivilDate.stored(row[2], column: "formedOn", of: "milestone \(row[0] as Int64)"), isChange: row[3])
      // A kind the rules do not define is refused as such, with its own fix.
      guard rules.rule(for: ahead.kind) != nil, MilestoneEntry.formationProblem(
        "formed", ahead.formed, kind: ahead.kind, isChange: ahead.isChange, catalogue: rules, today: today) != nil else { return nil }
      return ahead
    }
  }

  /// A few dozen kinds at most, counted in one pass over the milestones.
  private static func kindsInUse(_ db: Database) throws -> [KindInUse] {
    try Row.fetchAll(db, sql: "SELECT kind, count(*), min(id) FROM milestone GROUP BY kind ORDER BY kind")
      .map { KindInUse(kind: $0[0], count: $0[1], first: $0[2]) }
  }

  public func registerHistory() throws -> [ChangeLogEntry] {
    try read { db in try Self.registerChanges.order(Column("id")).fetchAll(db).map(\.entry) }
  }

  /// The change-log rows of the register itself, logged under the empty project code, through the log's project
  /// index: a national register, which has no row, asks on every command.
  private static var registerChanges: QueryInterfaceRequest<ChangeLogRecord> {
    ChangeLogRecord.filter(Column("projectCode") == "" && Column("entity") == RegisterRecord.entity)
  }
}
