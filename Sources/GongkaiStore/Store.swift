import GongkaiCore

/// Persistence of the register: projects, milestones, disclosures and the change log.
///
/// Every method that writes does all its work in one transaction and records each change in the change log,
/// with who made it and the values before and after; nothing is ever hard-deleted. "Not found" is a value
/// (`nil`), invalid writes throw ``StoreError``. Implementations: ``SQLiteStore`` (embedded default); a
/// PostgreSQL store implements the same contract, and the store tests run against any implementation.
public protocol Store: Sendable {
  /// The schema migrations applied to the database, oldest first.
  func appliedSchemaVersions() async throws -> [String]
  /// The schema the database had before opening it upgraded it (only `gongkai init` upgrades); nil otherwise.
  var upgradedFrom: String? { get }

  // MARK: The register's profile

  /// The rules profile the register is kept under: the profiles applied, base first, as
  /// ``GongkaiCore/RuleCatalogue/profile`` names them (`national+shanghai`). What every command applies to the
  /// register unless told otherwise; ``RegisterProfile/national`` for a register that never recorded one.
  func profile() async throws -> String
  /// Records the profile of `rules` as the one the register is kept under, logged as a change of the register
  /// (entity `register`) with the profile before and after, unless it is the one recorded; returns the profile
  /// before. The rules are given whole, not the profile's name alone, because whether the register's records stand
  /// under them depends on what they define. Throws ``StoreError/edited(_:)`` when the recorded profile is not what
  /// the change log last says; ``StoreError/kindsOutsideProfile(_:_:)`` when a milestone of the register, withdrawn
  /// or not, is of a kind the rules do not define: every check and export would stop at it; and
  /// ``StoreError/publicationsAheadOutsideProfile(_:_:)`` when a publication in force is dated before its milestone
  /// and the rules do not admit it, as recording it would be refused under them; and
  /// ``StoreError/milestonesAheadOutsideProfile(_:_:_:)`` when a milestone in force is formed after `today` and the rules
  /// do not admit it so far ahead (``milestonesAheadRefused(under:today:)``); and
  /// ``StoreError/linksOutsideProfile(_:_:)`` when a milestone in force changes one of a kind the rules do not let its
  /// kind change (``linksRefused(under:)``).
  func setProfile(_ rules: RuleCatalogue, actor: String, today: CivilDate) async throws -> String
  /// This store, admitting a publication dated before its milestone where `rules` say the law wants the item public
  /// by that day (``GongkaiCore/DisclosureRule/admitsPublicationBeforeFormation(isChange:)``: a tender notice before
  /// the documents go on sale). Without the rules a store refuses every such publication as a mistyped date; a command
  /// loads the register's rules (its profile) and writes through the store they give.
  func admittingEarlyPublications(under rules: RuleCatalogue) -> Self
  /// The publications in force dated before their milestones that the rules this store admits early publications
  /// under (``admittingEarlyPublications(under:)``) refuse: none where the rules a register was written under are
  /// given; a profile file edited since to count a kind's period from its milestone leaves some.
  func publicationsAheadRefused() async throws -> [PublicationAhead]
  /// The milestones in force formed after `today` that `rules` do not admit on that day
  /// (``GongkaiCore/MilestoneEntry/formationProblem(_:_:kind:isChange:catalogue:today:)``): none where the rules a
  /// register was written under are given; a profile file edited since to count a kind's period from its milestone
  /// leaves some, which no check judges until their day.
  func milestonesAheadRefused(under rules: RuleCatalogue, today: CivilDate) async throws -> [MilestoneAhead]
  /// The milestones in force that change one of a kind `rules` do not let theirs change
  /// (``GongkaiCore/RuleCatalogue/changeProblem(kind:changing:link:)``): none where the rules a register was written
  /// under are given; a profile file edited since to drop a kind from `changes:` or `withdraws:` leaves some, which
  /// the register's own project files then fail to import.
  func linksRefused(under rules: RuleCatalogue) async throws -> [LinkRefused]
  /// The organisation code the register's 索引号 are numbered under (`<organisation>-<YYYY>-<NNNNN>`): recorded once,
  /// so that every export of the register numbers a publication alike; `nil` where none is recorded, and each
  /// project's division code stands in.
  func organisation() async throws -> String?
  /// Records `code` as the register's organisation code, logged as a change of the register (entity `register`)
  /// unless it is the one recorded; returns the code before. Throws ``StoreError/edited(_:)`` when the register's
  /// settings are not what the change log last says.
  func setOrganisation(_ code: String, actor: String) async throws -> String?
  /// The changes of the register itself (its profile and organisation code), oldest first.
  func registerHistory() async throws -> [ChangeLogEntry]
  /// The item kinds the register's milestones are of, withdrawn ones included, in the order of their codes: what a
  /// profile must define for the register to be checked under it.
  func kindsInUse() async throws -> [KindInUse]

  // MARK: Projects

  /// Registers a new project; throws ``StoreError/duplicateProject(_:)`` if the code is taken.
  func addProject(_ project: Project, actor: String) async throws
  /// Changes a project's fields as `change` returns them from the project as stored, and says what became of the
  /// milestones already recorded when the change gives the project another responsible unit. The project is read in
  /// the transaction that writes it, so that two staff editing different fields at the same time both keep their
  /// change; an error thrown by `change` leaves the project as it was. A unit is answerable for what fell to it when
  /// the information was formed: with ``PastMilestones/keepUnit`` every milestone of the project that takes the project's unit is
  /// pinned to the unit it had (its own unit set, logged, in the same transaction), so per-unit scores of past
  /// years do not change after the fact; ``PastMilestones/reattribute``, asked for explicitly, moves every
  /// milestone that names the old unit to the new one (their own unit cleared, logged).
  func updateProject(code: ProjectCode, actor: String, pastMilestones: PastMilestones,
                     _ change: (Project) throws -> Project) async throws -> ProjectUpdate
  /// Gives every project in force that `former` answers for the responsible unit `unit`, in one transaction, as
  /// ``updateProject(code:actor:pastMilestones:_:)`` gives one project: a reorganisation (机构改革) renames or merges
  /// units across the register, and an edit project by project could be left half done. With
  /// ``PastMilestones/reattribute`` the milestones of other projects that name `former` as their own move too, so
  /// the old unit is left nowhere in force. Projects withdrawn are left as recorded. Unconfirmed, the same change is
  /// made and rolled back, so what it would do is told exactly; throws ``StoreError/noProjectOfUnit(_:ownMilestones:)``
  /// when nothing in force would change.
  func handOverProjects(of former: String, to unit: String, pastMilestones: PastMilestones, confirmed: Bool,
                        actor: String) async throws -> UnitHandOver
  /// The project with this code, withdrawn or not, or `nil`.
  func project(code: ProjectCode) async throws -> Project?
  /// Every project in force with its milestone counts, ordered by code; `withdrawn`, those withdrawn instead, each
  /// with its reason (and no milestone in force).
  func projects(withdrawn: Bool) async throws -> [ProjectSummary]
  /// Whether a project or a milestone, neither withdrawn (or, `withdrawnToo`, withdrawn or not), names this
  /// responsible unit: what a unit filter matches. Stops at the first one; at worst it reads the projects and
  /// milestones once, as the filtered read would.
  func isResponsibleUnit(_ name: String, withdrawnToo: Bool) async throws -> Bool
  /// The responsible units projects and milestones in force name, each once, in code-point order, at most
  /// `limit` of them.
  func responsibleUnits(limit: Int) async throws -> [String]

  // MARK: Milestones and disclosures

  /// Records a milestone of a registered project, with the entry's disclosures. `changing` names the milestone
  /// (of the same project, formed no later) whose information this one changes; else `entry.changes` may.
  func logMilestone(_ entry: MilestoneEntry, project: ProjectCode, changing: Int64?, actor: String) async throws
    -> StoredMilestone
  /// Changes a milestone's date, document number, summary, unit or link to what it changes, logged as an `amend`
  /// with the amendment's reason; the milestone keeps the reason of its last amendment. Writes nothing when no field
  /// changes. The store checks a link as `logMilestone` does, and refuses one that would close a circle of changes;
  /// whether the two kinds may be linked is the rules' to say, before the call.
  func amendMilestone(id: Int64, _ amendment: MilestoneAmendment, actor: String) async throws -> StoredMilestone
  /// Marks a milestone as recorded by mistake: kept and logged, no longer checked. One withdrawn already is left
  /// as it is (a script run twice), and the reason it was withdrawn for is returned.
  @discardableResult
  func withdrawMilestone(id: Int64, reason: String, actor: String) async throws -> Withdrawal
  /// Withdraws a project registered by mistake, and every milestone of it in force, each logged with `reason`: a
  /// project under a wrong code, or another district's imported by mistake, otherwise stays on the public index with
  /// a page of its own. Nothing is recorded under its code while it stays withdrawn: a project withdrawn is on
  /// record, as a milestone withdrawn is.
  func withdrawProject(code: ProjectCode, reason: String, actor: String) async throws -> ProjectWithdrawal
  /// What ``withdrawProject(code:reason:actor:)`` would do, writing nothing: the preview a clerk confirms, counted by
  /// the same code as the write.
  func previewProjectWithdrawal(code: ProjectCode) async throws -> ProjectWithdrawal
  /// Puts a project withdrawn by mistake back in force with the milestones its withdrawal took (those withdrawn on
  /// their own before stay withdrawn), each logged as `reinstate`; the project keeps `reason`. A project's code is
  /// its identity, so nothing else could bring its record back: a new registration under the code is refused. One
  /// in force is left as it is.
  func reinstateProject(code: ProjectCode, reason: String, actor: String) async throws -> ProjectReinstatement
  /// What ``reinstateProject(code:reason:actor:)`` would do, writing nothing: the preview a clerk confirms, counted by
  /// the same code as the write.
  func previewProjectReinstatement(code: ProjectCode) async throws -> ProjectReinstatement
  /// Gives a project registered under a wrong code its right one, logged as `recode` with `reason`: its milestones,
  /// publications and 索引号 stay as they are, and so does its history, which ``history(of:)`` of the right code reads
  /// whole, the rows logged under the wrong one included. The wrong code is refused from then on, naming the right one
  /// (``StoreError/projectRecoded(_:to:project:reason:)``): a project file written before still holds it, and importing
  /// it would register the mistake again. A withdrawn project is refused (nothing is written under its code), and so
  /// is a code another project holds or held; a project already moved to `newCode` is left as it is.
  func recodeProject(code: ProjectCode, to newCode: ProjectCode, reason: String, actor: String) async throws -> ProjectRecode
  /// What ``recodeProject(code:to:reason:actor:)`` would do, with its refusals, writing nothing: the preview a clerk
  /// confirms, counted and checked by the same code as the write.
  func previewRecode(code: ProjectCode, to newCode: ProjectCode) async throws -> ProjectRecode
  /// The project a code corrected away now names, and why it was corrected; `nil` for a code never corrected away. A
  /// code a project has now (one corrected back to it) may have been corrected away before: ask once no project has it.
  func codeCorrection(of code: ProjectCode) async throws -> CodeCorrection?
  /// The registered codes, in force, that `code` (which none has) most likely meant: one or two characters off (a
  /// digit mistyped, two swapped) among the codes of its year and division, which a mistyped serial keeps, the nearest
  /// only (one character off before two); empty when more than ``StoreError/codesNamedAsMeant`` are that near, as no
  /// guess then helps.
  func projectCodes(meantBy code: ProjectCode) async throws -> [ProjectCode]
  /// Every correction of a project's code, in the order made, read from their own index: the pages an earlier notice
  /// export wrote under a code no project has now are gone from the index (``LoggedRecode/codesCorrectedAway(_:)``),
  /// the feed entries a correction to another division renumbered are named as deleted, and `project show` names a
  /// project's former codes.
  func codeCorrections() async throws -> [LoggedRecode]
  /// Puts a milestone withdrawn by mistake (a mistyped id) back in force with its publications and their 索引号, logged
  /// as `reinstate` with `reason`; one in force is left as it is. Refused once another milestone was recorded in its
  /// place (its kind, day and 文号), in force or withdrawn since, and while the milestone it changes is withdrawn or
  /// formed after it: no link names a withdrawn or later milestone from one in force.
  func reinstateMilestone(id: Int64, reason: String, actor: String) async throws -> Reinstatement
  /// Records a publication of a milestone's information. The same publication again (the day and channel recorded)
  /// with another address or end updates them, logged: a 公示 kept up longer, or its take-down date set right; an
  /// address or end not given keeps the stored one, unless `clearing` clears it (a take-down date recorded by
  /// mistake or a notice put back up; a wrong address). An end that had passed by the day of the write is settled:
  /// moving it throws ``StoreError/settledPublication(disclosure:until:)``.
  func disclose(milestone id: Int64, _ disclosure: Disclosure, clearing: PublicationClearing, actor: String) async throws
    -> StoredDisclosure
  /// Marks a disclosure as recorded by mistake; one withdrawn already is left as it is, as a milestone is.
  @discardableResult
  func withdrawDisclosure(id: Int64, reason: String, actor: String) async throws -> Withdrawal
  /// Puts a publication withdrawn by mistake (a mistyped id) back in force under its 索引号, logged as `reinstate` with
  /// `reason`; one in force is left as it is. Refused once another publication was recorded in its place (its
  /// milestone, day and channel), in force or withdrawn since, while its milestone is withdrawn, and when its day is
  /// before the day its milestone was formed (amended since): the register holds no publication it would refuse.
  func reinstateDisclosure(id: Int64, reason: String, actor: String) async throws -> PublicationReinstatement
  /// The milestone with this id (withdrawn or not), or `nil`.
  func milestone(id: Int64) async throws -> StoredMilestone?
  /// The milestone a disclosure (in force or withdrawn) was recorded on, for naming what a command about the
  /// disclosure touches; `nil` when no disclosure has that id.
  func milestone(ofDisclosure id: Int64) async throws -> StoredMilestone?

  // MARK: Bulk

  /// Loads whole projects (from project files), all or nothing: adds what is new, updates what changed, never
  /// deletes. The documents are read one at a time, so any number imports in bounded memory. A project named by
  /// two documents is rejected to the source (naming the other through ``ImportSource/itemName(at:)``): the
  /// register would otherwise hold whichever came last.
  func importProjects(_ documents: some ImportSource<ProjectDocument>, actor: String, progress: ProgressReporter?)
    async throws -> ImportReport
  /// Loads milestone rows (from a spreadsheet), all or nothing; each row names its project. A row whose project
  /// is unknown, or which publishes a stored milestone before it was formed, is rejected to the source.
  func importMilestones(_ rows: some ImportSource<MilestoneRow>, actor: String, progress: ProgressReporter?)
    async throws -> ImportReport
  /// Everything recorded about a project, in the form of a project file, or `nil`; `verifying`, only if each of its
  /// rows holds what its last change-log row records, else ``StoreError/differsFromChangeLog(_:_:)``. Of a withdrawn
  /// project (``Project/withdrawnReason``), the milestones it took with it, as they stood before: its file is for
  /// importing it into the register it belongs to.
  func document(of code: ProjectCode, verifying: Bool) async throws -> ProjectDocument?
  /// A milestone in force of the project with the entry's kind and 文号, or the 文号 typed otherwise
  /// (``GongkaiCore/DocumentNumber/lookAlike(_:)``), but formed on another day, or `nil`: the same document, most
  /// likely, recorded again under a corrected date, which `amend` does without leaving two obligations behind.
  func milestone(sharingReferenceOf entry: MilestoneEntry, project code: ProjectCode) async throws
    -> (id: Int64, formedOn: String, reference: String)?
  /// A milestone in force of the project with the entry's kind and day, with a 文号 where the entry has none or
  /// without one where it gives one, or `nil`: the same document, most likely, its 文号 filled in or left out.
  func milestone(differingOnlyInReferenceFrom entry: MilestoneEntry, project code: ProjectCode) async throws
    -> (id: Int64, reference: String?)?
  /// The last milestone withdrawn on its own before milestone `id`, of its project, kind and day, that had
  /// publications in force, or `nil`: the milestone `id` most likely records again, corrected, what a clerk withdrew,
  /// and the publications do not follow it, so it would be counted unpublished where the withdrawn one was not.
  func withdrawnMilestone(recordedAgainAs id: Int64) async throws -> StoredMilestone?

  // MARK: Reading for the checker

  /// Hands each milestone that is not withdrawn (withdrawn ones too when the filter asks), with its
  /// disclosures, to `body`, ordered by project code, date and id, one at a time from a single ordered query:
  /// memory does not grow with the register.
  func forEachMilestone(matching filter: MilestoneFilter, _ body: (StoredMilestone) throws -> Void) async throws

  /// Hands each project with its milestones (as ``forEachMilestone(matching:_:)`` gives them) to `body`, ordered by
  /// code, projects without milestones included; memory holds one project at a time.
  func forEachProject(matching filter: MilestoneFilter, _ body: (Project, [StoredMilestone]) throws -> Void) async throws

  // MARK: Change log

  /// The change log of a project, oldest first.
  func history(of code: ProjectCode) async throws -> [ChangeLogEntry]
  /// Hands every change-log row to `body`, oldest first, one at a time.
  func forEachChange(_ body: (ChangeLogEntry) throws -> Void) async throws
  /// Recomputes the change log's hash chain and says where it breaks, if anywhere, and which row has the hash
  /// `publishedHead` (a head an export stated): the chain alone cannot show rows deleted from its end. Compares
  /// every row of the register with its last change-log row and gives the first `divergenceLimit` that differ:
  /// the tables edited beside an intact log. One read of the log, whatever its length.
  func checkAgainstChangeLog(publishedHead: String?, divergenceLimit: Int) async throws -> ChangeLogCheck
  /// The hash of the last change-log row: the state of the register, as exports state it ("" when empty).
  func changeLogHead() async throws -> String
  /// ``changeLogHead()`` once the chain is intact and every row holds what its last change-log row records, in
  /// one read; else ``StoreError/differsFromChangeLog(_:_:)``. The head an export states tells an evaluator
  /// which register state it was written from; from a register edited beside its log (a publication
  /// back-dated with the sqlite3 shell), it would vouch for values gongkai never recorded.
  func verifiedChangeLogHead() async throws -> String
  /// Runs `body` with every read it makes seeing the register as it was when `body` began, whatever other
  /// commands commit meanwhile; `body` must not write. An export checks the register, states its change-log head
  /// and then reads its rows: read at different moments, a milestone logged in between by a colleague would be in
  /// the file but not under the head the file states.
  func readingOneState<T>(_ body: () async throws -> T) async throws -> T
  /// ``readingOneState(_:)`` for an export, which states the register's change-log head: `body` gets it, and with
  /// `verifying`, the check that the register holds what its log records (as ``verifiedChangeLogHead()`` makes
  /// it), which `body` awaits before it puts its output in place (``StatedHead/confirmed()``). The check may run
  /// beside `body` on the same state, which takes an export about as long as the longer of the two instead of both.
  func readingOneState<T>(verifying: Bool, _ body: (StatedHead) async throws -> T) async throws -> T

  // MARK: Operations

  /// Writes a consistent copy of the whole register to `path` while others may be writing; the copy appears
  /// whole (written beside it, then renamed) or not at all.
  func backup(to path: String) async throws
  /// The database's own consistency check, every index compared with its table: empty when all is well, else what it
  /// found (up to 100 problems). The nightly `audit verify` adds it to its comparison of the records with the change
  /// log, which reads no index and would pass a damaged one that reads through it then silently get wrong.
  func integrityProblems() async throws -> [String]
  /// The tables, indexes, views and triggers of the register that gongkai's schema does not have (`trigger blocked`):
  /// added by another program, they may refuse or change what gongkai writes.
  func addedSchemaObjects() async throws -> [(type: String, name: String)]
  /// Hands each row whose parent row is missing (``Orphan``) to `body`, one at a time: the database's own
  /// integrity check does not look at foreign keys.
  func forEachOrphan(_ body: (Orphan) throws -> Void) async throws
}

/// The profile of a register that records none.
public enum RegisterProfile {
  /// A register created without --profile, and every register of a gongkai before profiles were recorded
  /// (`v5-register-profile`), is kept under the national rules.
  public static let national = "national"
}

/// The settings a new register is created with, recorded as ``Store/setProfile(_:actor:today:)`` and
/// ``Store/setOrganisation(_:actor:)`` record a change.
public struct InitialSettings: Sendable {
  /// The rules of the profile, whose name (`national+shanghai`) ``Store/profile()`` gives; `nil` for the national one.
  public let rules: RuleCatalogue?
  /// The organisation code of the register's 索引号 (``Store/organisation()``), if one is given.
  public let organisation: String?
  /// Who creates the register, for the change log.
  public let actor: String
  /// Today in China, as ``Store/setProfile(_:actor:today:)`` takes it.
  public let today: CivilDate

  public init(rules: RuleCatalogue?, organisation: String? = nil, actor: String, today: CivilDate) {
    self.rules = rules
    self.organisation = organisation
    self.actor = actor
    self.today = today
  }
}

/// A project with its counts, for lists.
public struct ProjectSummary: Hashable, Sendable {
  public let project: Project
  public let milestones: Int
  public let disclosures: Int
}

/// A milestone as stored: the checker's view plus what people recorded about it.
public struct StoredMilestone: Hashable, Sendable {
  public var milestone: Milestone
  public var projectName: String
  public var reference: String?
  public var summary: String?
  public var withdrawnReason: String?
  /// Who withdrew the milestone and when (its change-log row that made it withdrawn), read with the milestones
  /// of a ``MilestoneFilter/withdrawn`` filter, for an auditor who must see who stopped an obligation counting.
  public var withdrawnBy: String?
  public var withdrawnAt: String?
  public var recordedBy: String
  public var recordedAt: String
  /// The milestone's amendments (`gongkai amend`), from the change log; `nil` while never amended.
  public var amendments: Amendments? = nil
  /// The register's record of each of ``Milestone/disclosures``, in the same order.
  public var recordedDisclosures: [RecordedDisclosure]
  /// When a publication of the milestone was last corrected (its end or address changed, or withdrawn as made by
  /// mistake, or reinstated), an ISO 8601 instant; read only for a ``MilestoneFilter/publicationCorrections`` filter, else `nil`.
  public var publicationsCorrectedAt: String? = nil
  /// When a change or withdrawal last stopped or started naming the milestone after both were recorded (amended to
  /// name another or none, or a project file imported with another link): the milestone is shown otherwise than
  /// before, changed, withdrawn or in force. Read with ``publicationsCorrectedAt``.
  public var linksMovedAt: String? = nil
  /// The milestone's publications withdrawn as recorded by mistake, whose 索引号 the feed retracts; read with
  /// ``publicationsCorrectedAt``.
  public var withdrawnPublications: [WithdrawnPublication] = []
  /// The milestone's publications in force again after a withdrawal made by mistake; read with
  /// ``publicationsCorrectedAt``.
  public var reinstatedPublications: [ReinstatedPublication] = []
  /// When the milestone was last shown again on the notices: put back in force, on its own (`gongkai reinstate`) or with
  /// its project (`gongkai project reinstate`), after its withdrawal had taken it off the notices and the feed had named
  /// it deleted, or its project given its right code (`gongkai project recode`), which moved its page; read with
  /// ``publicationsCorrectedAt``.
  public var shownAgainAt: String? = nil

  /// The position in ``Milestone/disclosures`` of the earliest publication by `day`, whose 索引号 the item keeps on
  /// its page, in its feed entry and in the audit CSV; `nil` while none is public.
  public func firstPublication(by day: CivilDate) -> Int? {
    let disclosures = milestone.disclosures
    return disclosures.indices.filter { disclosures[$0].publishedOn <= day }.min { disclosures[$0].publishedOn < disclosures[$1].publishedOn }
  }

  /// The record of one of ``Milestone/disclosures`` (the first equal to it).
  public func recorded(_ disclosure: Disclosure) -> RecordedDisclosure? {
    milestone.disclosures.firstIndex(of: disclosure).map { recordedDisclosures[$0] }
  }

  /// The record of the publication that says how long the information stayed up, as the checker counts it: of
  /// those put up on the days of ``Finding/publications`` (the judged publication and those that followed it
  /// without a day between them), one still up, else the one with the latest end (of those, the last recorded). A
  /// 公示 held long enough only by a second publication recorded after the fact shows here, where the first
  /// publication's record does not.
  public func recordOfEnd(publishedOn days: ClosedRange<CivilDate>) -> RecordedDisclosure? {
    // One pass without arrays: it runs for every 公示 row of the audit CSV. No end ranks above any end.
    var best: (end: CivilDate?, record: RecordedDisclosure)?
    for (disclosure, record) in zip(milestone.disclosures, recordedDisclosures) where days.contains(disclosure.publishedOn) {
      guard let current = best else {
        best = (disclosure.until, record)
        continue
      }
      let later = switch (disclosure.until, current.end) {
      case (nil, nil): record.recordedAt > current.record.recordedAt
      case (nil, _): true
      case (_, nil): false
      case let (end?, bestEnd?): end > bestEnd || (end == bestEnd && record.recordedAt > current.record.recordedAt)
      }
      if later { best = (disclosure.until, record) }
    }
    return best?.record
  }
}

/// An item kind the register's milestones are of: how many, and the first of them.
public struct KindInUse: Equatable, Sendable {
  public let kind: String
  public let count: Int
  public let first: Int64

  public init(kind: String, count: Int, first: Int64) {
    self.kind = kind
    self.count = count
    self.first = first
  }

  /// `construction.site-sign (milestone 7), bidding.other (3 milestones, e.g. 12)`, for messages.
  public static func list(_ kinds: [KindInUse]) -> String {
    kinds.map { "\($0.kind) (\($0.count == 1 ? "milestone \($0.first)" : "\($0.count) milestones, e.g. \($0.first)"))" }
      .joined(separator: ", ")
  }
}

/// A publication in force dated before its milestone, which a profile may not admit
/// (``StoreError/publicationsAheadOutsideProfile(_:_:)``).
public struct PublicationAhead: Equatable, Sendable {
  public let disclosure: Int64
  public let published: CivilDate
  public let kind: String
  public let formed: CivilDate
  /// Of a milestone that changes another, which a rule's `change-period` governs.
  public let isChange: Bool

  public init(disclosure: Int64, published: CivilDate, kind: String, formed: CivilDate, isChange: Bool) {
    self.disclosure = disclosure
    self.published = published
    self.kind = kind
    self.formed = formed
    self.isChange = isChange
  }

  /// How many publications ``list(_:)`` names by their number alone after the first three, described.
  static let numbersListed = 50

  /// `disclosure 17 (published 2026-03-05, milestone formed 2026-03-10), …, and disclosures 31, 44`: the first three
  /// described, the next by number, so that each can be withdrawn.
  public static func list(_ publications: [PublicationAhead]) -> String {
    let described = publications.prefix(3).map {
      "disclosure \($0.disclosure) (published \($0.published), milestone formed \($0.formed))"
    }.joined(separator: ", ")
    let numbered = publications.dropFirst(3)
    guard !numbered.isEmpty else { return described }
    let numbers = numbered.prefix(numbersListed).map { "\($0.disclosure)" }.joined(separator: ", ")
    let unnamed = numbered.count - min(numbered.count, numbersListed)
    return "\(described), and disclosure\(numbered.count == 1 ? "" : "s") \(numbers)" + (unnamed > 0 ? " and \(unnamed) more" : "")
  }

  /// `bidding.tender-notice, approval-result.eia-submission-notice`: each kind once, in the order first met.
  public static func kinds(_ publications: [PublicationAhead]) -> [String] { eachOnce(publications.map(\.kind)) }

  /// `under P, a publication of K before its milestone reads as a mistyped date, and the register holds …; a profile
  /// that …`: what `init --change-profile` refuses and `doctor` reports, with both ways out.
  public static func problem(_ publications: [PublicationAhead], under profile: String) -> String {
    "under \(profile), a publication of \(kinds(publications).joined(separator: ", ")) before its milestone reads as a mistyped "
      + "date, and the register holds \(list(publications)); \(remedy(publications))"
  }

  /// The two ways out: a profile under which these publications may come first (`period: by-trigger-day`, or
  /// `change-period:` for a change, for that kind or those kinds), or each record withdrawn and made anew.
  static func remedy(_ publications: [PublicationAhead]) -> String {
    let field = byTriggerDayField(forChanges: publications.map(\.isChange))
    return "a profile that gives \(kinds(publications).count == 1 ? "that kind" : "those kinds") \(field) admits "
      + "\(publications.count == 1 ? "it" : "them"); otherwise withdraw each such record (`gongkai withdraw --disclosure "
      + "\(publications.first?.disclosure ?? 0) --reason …`) and record the publication again with its right date"
  }
}

/// A milestone in force formed after the day it was asked on, which a profile may not admit
/// (``StoreError/milestonesAheadOutsideProfile(_:_:_:)``).
public struct MilestoneAhead: Equatable, Sendable {
  public let milestone: Int64
  public let kind: String
  public let formed: CivilDate
  /// Of a milestone that changes another, which a rule's `change-period` governs.
  public let isChange: Bool

  public init(milestone: Int64, kind: String, formed: CivilDate, isChange: Bool) {
    self.milestone = milestone
    self.kind = kind
    self.formed = formed
    self.isChange = isChange
  }

  /// `under P, bidding.tender-notice may not be recorded for a day to come, and the register holds milestone 3 (formed
  /// 2026-12-20), after today (2026-12-02); …`: what `init --change-profile` refuses and `doctor` reports, with the
  /// ways out.
  public static func problem(_ milestones: [MilestoneAhead], under profile: String, today: CivilDate) -> String {
    let items = eachOnce(milestones.map { "\($0.isChange ? "a change of " : "")\($0.kind)" })
    let listed = listedWithCount(milestones.map { "milestone \($0.milestone) (formed \($0.formed))" })
    let field = byTriggerDayField(forChanges: milestones.map(\.isChange))
    let first = milestones.first?.milestone ?? 0
    return "under \(profile), \(items.joined(separator: ", ")) may not be recorded for a day to come, and the register holds "
      + "\(listed), after today (\(today)), which no check judges until then; a profile that gives "
      + "\(eachOnce(milestones.map(\.kind)).count == 1 ? "that kind" : "those kinds") \(field) admits up to \(Disclosure.longestLead) "
      + "days ahead; otherwise correct each date (`gongkai amend \(first) --date … --reason …`) or withdraw the record "
      + "(`gongkai withdraw \(first) --reason …`)"
  }
}

/// A milestone in force that changes one of a kind the rules do not let its kind change.
public struct LinkRefused: Equatable, Sendable {
  public let milestone: Int64
  public let kind: String
  /// The milestone it changes, and that one's kind.
  public let changed: Int64
  public let changedKind: String

  public init(milestone: Int64, kind: String, changed: Int64, changedKind: String) {
    self.milestone = milestone
    self.kind = kind
    self.changed = changed
    self.changedKind = changedKind
  }

  /// `under P, a milestone of K may not change one of C, and milestone 5 changes milestone 4; …`: what
  /// `init --change-profile` refuses and `doctor` reports, with the ways out.
  public static func problem(_ links: [LinkRefused], under profile: String) -> String {
    let pairs = eachOnce(links.map { "a milestone of \($0.kind) may not change one of \($0.changedKind)" })
    let listed = listedWithCount(links.map { "milestone \($0.milestone) changes milestone \($0.changed)" })
    let first = links.first?.milestone ?? 0
    return "under \(profile), \(pairs.joined(separator: ", ")), and \(listed); a profile that lists the kind changed under "
      + "`changes:` (or `withdraws:`) of the kind that changes it admits the link; otherwise link each to the milestone it "
      + "does change (`gongkai amend \(first) --changes ID --reason …`) or to none (`--no-changes`)"
  }
}

/// The field of a profile's rule that admits records ahead of their day, for records that are changes (`true`) or not:
/// `change-period` governs a change, `period` any other.
private func byTriggerDayField(forChanges isChange: [Bool]) -> String {
  switch (isChange.contains(false), isChange.contains(true)) {
  case (true, true): "`period: by-trigger-day` (`change-period: by-trigger-day` for a change)"
  case (false, _): "`change-period: by-trigger-day`"
  case (true, false): "`period: by-trigger-day`"
  }
}

/// `a`, `a and b`, `a, b and c`, and past ``PublicationAhead/numbersListed`` items `… and 4 more`: the records a
/// profile refusal names, enough to act on and never millions of lines.
private func listedWithCount(_ items: [String]) -> String {
  let described = Array(items.prefix(PublicationAhead.numbersListed))
  let unnamed = items.count - described.count
  return described.count == 1 ? described[0]
    : described.dropLast().joined(separator: ", ") + " and \(described.last!)" + (unnamed > 0 ? " and \(unnamed) more" : "")
}

/// Each value once, in the order first met.
private func eachOnce(_ values: [String]) -> [String] {
  var seen: Set<String> = []
  return values.filter { seen.insert($0).inserted }
}

/// What withdrawing a project did: the milestones it withdrew with it, and their publications the notices showed.
public struct ProjectWithdrawal: Hashable, Sendable {
  public var project: Project
  public var milestones = 0
  public var publications = 0
  /// The reason it had been withdrawn for before; nothing was written.
  public var alreadyWithdrawn: String?

  public init(project: Project) { self.project = project }

  /// The reason each milestone a project withdrawal takes with it is withdrawn for: the project's, marked, so that
  /// an audit row tells it from a milestone withdrawn on its own.
  public static func milestoneReason(_ projectReason: String) -> String { RegisterText.projectWithdrawalMark + projectReason }
}

/// What reinstating a project did: the milestones its withdrawal had taken, back in force, and their publications,
/// which the notices show again.
public struct ProjectReinstatement: Hashable, Sendable {
  public var project: Project
  public var milestones = 0
  public var publications = 0
  /// It was in force; nothing was written.
  public var wasInForce = false

  public init(project: Project) { self.project = project }
}

/// What correcting a project's code did: the milestones and publications in force that now stand under the new code.
public struct ProjectRecode: Hashable, Sendable {
  /// The project as it was, under its wrong code; under the new one when it had it already (``alreadyRecoded``).
  public var project: Project
  /// Its milestones in force, and their publications in force, which the notices show under the new code.
  public var milestones = 0
  public var publications = 0
  /// It had been given the new code already; nothing was written.
  public var alreadyRecoded = false

  public init(project: Project) { self.project = project }
}

/// Where a project's wrong code went: the code it has now, its name, and the reason of the correction away from it.
public struct CodeCorrection: Hashable, Sendable {
  /// The project's code now.
  public let code: ProjectCode
  /// The project's name now, by which a clerk tells it from another project that gives the former code.
  public let name: String
  /// The reason of the correction away from the former code (a project corrected twice has another one now).
  public let reason: String

  public init(code: ProjectCode, name: String, reason: String) {
    self.code = code
    self.name = name
    self.reason = reason
  }
}

/// A correction of a project's code as the change log records it.
public struct LoggedRecode: Hashable, Sendable {
  /// The code corrected away.
  public let former: ProjectCode
  /// The code the project has now, after every later correction.
  public let current: ProjectCode
  /// The instant of the correction.
  public let at: String
  /// Why it was made.
  public let reason: String

  public init(former: ProjectCode, current: ProjectCode, at: String, reason: String) {
    self.former = former
    self.current = current
    self.at = at
    self.reason = reason
  }

  /// The corrections of each project by the code it has now, in the order made, without one back to that code (a
  /// project corrected back to a code it had: its code now is not a former one): what names a project's former codes
  /// on `project show` and in open data, so that a reader holding the old code finds it.
  public static func byCurrentCode(_ recodes: [LoggedRecode]) -> [ProjectCode: [LoggedRecode]] {
    Dictionary(grouping: recodes.filter { $0.former != $0.current }, by: \.current)
  }

  /// The codes `recodes` of one project corrected away, each once, in the order first corrected.
  public static func formerCodes(_ recodes: [LoggedRecode]) -> [ProjectCode] {
    var seen = Set<ProjectCode>()
    return recodes.map(\.former).filter { seen.insert($0).inserted }
  }

  /// The codes corrected away that no project has now (one corrected back to a code has it again), each once.
  public static func codesCorrectedAway(_ recodes: [LoggedRecode]) -> [ProjectCode] {
    let current = Set(recodes.map(\.current))
    var seen = Set<ProjectCode>()
    return recodes.map(\.former).filter { !current.contains($0) && seen.insert($0).inserted }
  }
}

/// What reinstating a publication did, and the publication, which its confirmation names.
public struct PublicationReinstatement: Hashable, Sendable {
  public let disclosure: Disclosure
  /// It was in force; nothing was written.
  public let wasInForce: Bool

  public init(disclosure: Disclosure, wasInForce: Bool) {
    self.disclosure = disclosure
    self.wasInForce = wasInForce
  }
}

/// What reinstating a milestone did.
public enum Reinstatement: Hashable, Sendable {
  /// Back in force, with its publications in force, which the notices show again, and the milestones recorded since
  /// with its day and 文号 on another project or under another kind (without a 文号, its day and category on its
  /// project): the correction a withdrawal for the wrong project or kind was followed by, now counted beside it.
  case reinstated(publications: Int, loggedAgain: [Milestone])
  /// It was in force; nothing was written.
  case wasInForce
}

/// What a withdrawal did.
public enum Withdrawal: Hashable, Sendable {
  case withdrawn
  /// It had been withdrawn before, for this reason; nothing was written.
  case alreadyWithdrawn(reason: String)
}

/// What the register keeps of a publication beside what the law asks of it: its id, its notice serial, and who
/// recorded it when. An auditor compares the day recorded with the day published: a publication entered weeks after
/// the day it claims is what a backdated record looks like.
public struct RecordedDisclosure: Hashable, Sendable {
  public var id: Int64
  public var serial: NoticeSerial
  public var recordedBy: String
  /// An ISO 8601 instant in China Standard Time.
  public var recordedAt: String

  public init(id: Int64, serial: NoticeSerial, recordedBy: String, recordedAt: String) {
    self.id = id
    self.serial = serial
    self.recordedBy = recordedBy
    self.recordedAt = recordedAt
  }
}

/// What the change log says of a milestone's amendments, for an evaluator who must see that a legal fact was
/// corrected, by whom, when, why and from what.
public struct Amendments: Hashable, Sendable {
  /// How many times the milestone was amended.
  public var count: Int
  /// Who made the last amendment, and when (an ISO 8601 instant in China Standard Time).
  public var lastBy: String
  public var lastAt: String
  /// Why, as the last amendment said.
  public var reason: String
  /// The day formed as recorded before the first amendment, when amendments changed it; else `nil`.
  public var originalFormedOn: CivilDate?

  public init(count: Int, lastBy: String, lastAt: String, reason: String, originalFormedOn: CivilDate?) {
    self.count = count
    self.lastBy = lastBy
    self.lastAt = lastAt
    self.reason = reason
    self.originalFormedOn = originalFormedOn
  }
}

/// What `project edit` does to the milestones already recorded when it gives a project another responsible unit.
public enum PastMilestones: Sendable {
  /// They keep the unit they had: the new unit applies to milestones recorded from the change on.
  case keepUnit
  /// Those that name the old unit (their own, or the project's) move to the new one.
  case reattribute
}

/// What an update of a project did.
public struct ProjectUpdate: Hashable, Sendable {
  /// Whether the project's fields changed.
  public var changed = false
  /// The unit the project had, when the update changed it.
  public var formerUnit: String?
  /// Milestones already recorded that kept the former unit (``PastMilestones/keepUnit``), or moved to the new one
  /// (``PastMilestones/reattribute``); withdrawn ones included, as the audit CSV lists them.
  public var keptFormerUnit = 0
  public var reattributed = 0

  public init() {}
}

/// What handing a unit's projects over to another unit did, or would do unconfirmed.
public struct UnitHandOver: Hashable, Sendable {
  /// The projects in force that now answer to the new unit.
  public var projects = 0
  /// Milestones already recorded that kept the former unit (``PastMilestones/keepUnit``), or moved to the new one
  /// (``PastMilestones/reattribute``), withdrawn ones included, as the audit CSV lists them.
  public var keptFormerUnit = 0
  public var reattributed = 0
  /// Withdrawn projects registered under the former unit, left as recorded.
  public var withdrawnProjectsLeft = 0

  public init() {}
}

/// The permanent number of a publication within the year it was published, for the portal's 索引号.
public struct NoticeSerial: Hashable, Sendable {
  public let year: Int
  public let number: Int

  public init(year: Int, number: Int) {
    self.year = year
    self.number = number
  }

  /// `<organisation>-<YYYY>-<NNNNN>`, e.g. `310110-2026-00042`.
  public func indexNumber(organisation: String) -> String {
    let digits = String(number)
    return "\(organisation)-\(year)-\(String(repeating: "0", count: max(0, 5 - digits.count)))\(digits)"
  }
}

/// What a publication recorded again clears, where a value left out keeps the stored one.
public struct PublicationClearing: OptionSet, Hashable, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// The take-down date: the notice is still up (the date was recorded by mistake, or it was put back up).
  public static let until = PublicationClearing(rawValue: 1)
  /// The address: the one recorded was wrong, and no address beats a link to the wrong page.
  public static let url = PublicationClearing(rawValue: 2)
}

/// A publication withdrawn as recorded by mistake: its day, its 索引号's serial, when and why it was withdrawn.
public struct WithdrawnPublication: Hashable, Sendable {
  public let publishedOn: CivilDate
  public let serial: NoticeSerial
  /// When it was recorded: from then until its withdrawal, it could give its item's feed entry its 索引号.
  public let recordedAt: String
  /// The instant of the withdrawal, from the change log; empty for a row withdrawn outside gongkai.
  public let withdrawnAt: String
  public let reason: String
}

/// A publication put back in force after a withdrawal made by mistake: while it was withdrawn, the item's feed entry had
/// the next publication's 索引号 if it was the earliest.
public struct ReinstatedPublication: Hashable, Sendable {
  /// Its id among ``StoredMilestone/recordedDisclosures``.
  public let id: Int64
  /// The instant of the withdrawal its last reinstatement undid, from the change log; empty for one made outside gongkai.
  public let withdrawnAt: String
  /// The instant of its last reinstatement, from the change log.
  public let reinstatedAt: String
}

/// A disclosure as stored.
public struct StoredDisclosure: Hashable, Sendable {
  /// What ``Store/disclose(milestone:_:actor:)`` did.
  public enum Outcome: Hashable, Sendable {
    case recorded
    /// The publication was recorded already; its address or end changed from these.
    case updated(before: Disclosure)
    /// The publication was recorded already, as given.
    case unchanged
  }

  public let id: Int64
  public let milestoneID: Int64
  public let disclosure: Disclosure
  public var outcome = Outcome.recorded
}

/// The fields `gongkai amend` may change; `nil` keeps the stored value.
public struct MilestoneAmendment: Sendable {
  public var formedOn: CivilDate?
  public var reference: String?
  public var summary: String?
  public var responsibleUnit: String?
  /// The milestone whose information this one changes, when the link was recorded wrong or left out: a
  /// withdrawal logged without the penalty it withdraws leaves that penalty published as in force.
  public var changes: ChangeLink?
  /// Why the milestone is corrected: every amendment of a legal record says why, as a withdrawal does. Logged
  /// with the amendment and kept on the milestone; the audit CSV shows it.
  public var reason: String
  /// A reason of the kind an amendment gives, which a refusal of a missing one shows.
  public static let exampleReason = "录入错误，形成日期应为2026-11-20"

  public init(formedOn: CivilDate? = nil, reference: String? = nil, summary: String? = nil, responsibleUnit: String? = nil,
              changes: ChangeLink? = nil, reason: String) {
    self.formedOn = formedOn
    self.reference = reference
    self.summary = summary
    self.responsibleUnit = responsibleUnit
    self.changes = changes
    self.reason = reason
  }
}

/// What an amendment does to the link from a milestone to the one it changes.
public enum ChangeLink: Hashable, Sendable {
  /// Links the milestone with this id (of the same project, in force, formed no later).
  case to(Int64)
  /// Removes the link: the milestone was linked by mistake and is information of its own.
  case removed
}

/// Which milestones a check reads.
public struct MilestoneFilter: Sendable {
  public var projects: [ProjectCode] = []
  public var categories: [Category] = []
  /// Responsible units (the milestone's, else the project's).
  public var units: [String] = []
  /// Withdrawn milestones too, with who withdrew them and when, and withdrawn projects (``Project/withdrawnReason``):
  /// the audit CSV shows what stopped counting, and the feed retracts what it had published, while checks,
  /// statistics and the other public exports leave them out.
  public var withdrawn = false
  /// When each milestone's publications were last corrected (``StoredMilestone/publicationsCorrectedAt``): the
  /// feed dates an entry by it. A seek into the change log for every publication, so only the notice export asks.
  public var publicationCorrections = false
  /// Only the milestones the change log names after its row of this id, or names a publication of: those an import has
  /// just added or given a publication, which it judges before it says it is done.
  public var loggedAfter: Int64?
  /// Only milestones of these item kinds (all when empty).
  public var kinds: [String] = []
  /// Only milestones with a publication in force put up on this day or after.
  public var publishedSince: CivilDate?

  public init(
    projects: [ProjectCode] = [], categories: [Category] = [], units: [String] = [], withdrawn: Bool = false,
    publicationCorrections: Bool = false, loggedAfter: Int64? = nil, kinds: [String] = [],
    publishedSince: CivilDate? = nil
  ) {
    self.projects = projects
    self.categories = categories
    self.units = units
    self.withdrawn = withdrawn
    self.publicationCorrections = publicationCorrections
    self.loggedAfter = loggedAfter
    self.kinds = kinds
    self.publishedSince = publishedSince
  }
}

/// What an import did.
public struct ImportReport: Hashable, Sendable {
  public var created = 0
  public var updated = 0
  public var unchanged = 0
  /// Milestones and disclosures added or changed.
  public var milestonesWritten = 0
  public var disclosuresWritten = 0
  /// Project files passed over because their project was withdrawn as registered by mistake, each with a notice.
  public var skippedWithdrawn = 0
  /// Project files passed over because their code was corrected to another (`project recode`), each with a notice.
  public var skippedRecoded = 0

  /// The ids of the milestones the import added, first to last: one transaction holds the write lock, so they follow
  /// one another. What a clerk needs to disclose or amend them next, without looking each one up.
  public private(set) var addedMilestones: ClosedRange<Int64>?
  /// The change log's last row before the import: what the import wrote is logged after it.
  public internal(set) var loggedAfter: Int64 = 0

  public init() {}

  public var changedAnything: Bool { created + updated + milestonesWritten + disclosuresWritten > 0 }

  mutating func recordAdded(milestone id: Int64) {
    addedMilestones = addedMilestones.map { min($0.lowerBound, id)...max($0.upperBound, id) } ?? id...id
  }

  /// What the import did that may not be what was meant, the first ``shownNotices`` of them: each would
  /// otherwise pass in silence, and a million of them kept would be memory.
  public private(set) var notices: [ImportNotice] = []
  /// How many notices there were, shown or not.
  public private(set) var noticeCount = 0
  public static let shownNotices = 20

  /// The line of the milestone a project file's import is at, which each notice about it names (``ImportNotice/line``).
  var entryLine: Int?

  mutating func notice(at position: Int, field: String, _ message: String) {
    noticeCount += 1
    if notices.count < Self.shownNotices {
      notices.append(ImportNotice(position: position, line: entryLine, field: field, message: message))
    }
  }
}

/// Something an import did, or left undone, that the user may not have meant.
public struct ImportNotice: Hashable, Sendable {
  /// The item's line in a spreadsheet; the document's position among project files.
  public let position: Int
  /// In a project file, the line of the milestone the notice is about; nil for one about the project, or a row.
  public let line: Int?
  public let field: String
  public let message: String
}

/// One row of the change log.
public struct ChangeLogEntry: Hashable, Sendable {
  public let id: Int64
  /// When, as an ISO 8601 instant in China Standard Time.
  public let at: String
  public let actor: String
  /// `insert`, `update`, `amend` (a correction by `gongkai amend`, with its reason) or `withdraw`.
  public let action: String
  /// `project`, `milestone`, `disclosure`, or `register` for the register's own settings.
  public let entity: String
  public let entityID: Int64
  /// The project changed; empty for a change of the register itself.
  public let projectCode: String
  /// The values before and after, as JSON objects (`nil` for an insert's before).
  public let before: String?
  public let after: String?
  /// The row's link in the hash chain.
  public let hash: String?
}

/// Told how far a long write has come, so a terminal can show it.
public protocol ProgressReporter: Sendable {
  func advance(to done: Int, of total: Int)
}

extension Store {
  /// The project registered under `code`; throws for a code never registered, naming the right code when it was
  /// corrected away.
  public func requireProject(code: ProjectCode) async throws -> Project {
    if let project = try await project(code: code) { return project }
    throw try await unregistered(code)
  }

  /// Why no project has `code`: it was corrected away (naming the right one), or never registered.
  public func unregistered(_ code: ProjectCode) async throws -> StoreError {
    guard let correction = try await codeCorrection(of: code) else {
      return .unknownProject(code.rawValue, meant: try await projectCodes(meantBy: code).map(\.rawValue))
    }
    return .projectRecoded(code.rawValue, to: correction.code.rawValue, project: correction.name, reason: correction.reason)
  }

  /// Every project in force with its milestone counts, ordered by code.
  public func projects() async throws -> [ProjectSummary] { try await projects(withdrawn: false) }

  /// Records a publication; one recorded before keeps the address and end this one does not give.
  public func disclose(milestone id: Int64, _ disclosure: Disclosure, actor: String) async throws -> StoredDisclosure {
    try await disclose(milestone: id, disclosure, clearing: [], actor: actor)
  }

  /// Imports documents already in memory.
  public func importProjects(_ documents: [ProjectDocument], actor: String, progress: ProgressReporter? = nil)
    async throws -> ImportReport
  {
    try await importProjects(ImportItems(documents), actor: actor, progress: progress)
  }

  /// Imports rows already in memory; rejected rows throw ``StoreError/importRejected(_:)``.
  public func importMilestones(_ rows: [MilestoneRow], actor: String, progress: ProgressReporter? = nil)
    async throws -> ImportReport
  {
    try await importMilestones(ImportItems(rows), actor: actor, progress: progress)
  }
}

/// An ``ImportSource`` over items in memory: for tests, small imports and callers that have checked
/// their input already. What the store rejects comes out as ``StoreError/importRejected(_:)``.
public struct ImportItems<Element>: ImportSource {
  private var items: IndexingIterator<[Element]>
  private var problems: [StoreError.LineProblem] = []
  public let expectedCount: Int?

  public init(_ items: [Element]) {
    self.items = items.makeIterator()
    expectedCount = items.count
  }

  public mutating func next() throws(StoreError) -> Element? {
    if let item = items.next() { return item }
    guard problems.isEmpty else { throw .importRejected(problems.sorted { $0.line < $1.line }) }
    return nil
  }

  public mutating func reject(line: Int, field: String, message: String) {
    problems.append(StoreError.LineProblem(line: line, field: field, message: message))
  }
}

/// The change-log head an export states, and the check that the register holds what its log records: the head
/// vouches for the values an export publishes only once the check has passed.
public struct StatedHead: Sendable {
  /// The hash of the last change-log row ("" for an empty log).
  public let hash: String
  /// Whether the check runs beside the export, on a connection of its own, rather than when it is awaited.
  let isCheckedAlongside: Bool
  private let check: (@Sendable () async throws -> Void)?

  /// A head stated without a check (`--no-verify`).
  public init(hash: String) {
    self.hash = hash
    isCheckedAlongside = false
    check = nil
  }

  /// A head and its check, which returns once it has passed and throws ``StoreError/differsFromChangeLog(_:_:)``
  /// otherwise.
  init(hash: String, alongside: Bool, check: @escaping @Sendable () async throws -> Void) {
    self.hash = hash
    isCheckedAlongside = alongside
    self.check = check
  }

  /// Whether the register is checked against its change log before the output goes in place (not `--no-verify`).
  public var isVerified: Bool { check != nil }

  /// The head as an output states it: marked （未核对） (`not verified`) when the register was not checked, so that a
  /// head copied from the file cannot pass for one that vouches for its rows.
  public func stated(english: Bool = false) -> String {
    isVerified || hash.isEmpty ? hash : hash + (english ? " (not verified)" : "（未核对）")
  }

  /// Returns once the register is shown to hold what its change log records (at once when not asked for); else
  /// throws ``StoreError/differsFromChangeLog(_:_:)``. An export calls it before it puts anything in place, so that
  /// a refused export leaves what was there before.
  public func confirmed() async throws { try await check?() }
}
