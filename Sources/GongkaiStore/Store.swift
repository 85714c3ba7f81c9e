import GongkaiCore

/// Persistence of the register: projects, milestones, disclosures and the change log.
///
/// Every method that writes does all its work in one transaction and records each change in the change log,
/// with who made it and the values before and after; nothing is ever hard-deleted. "Not found" is a value
/// (`nil`), invalid writes throw ``StoreError``. The one implementation is ``SQLiteStore`` (embedded); the store's
/// contract tests are written against the protocol, so that a server-side store (PostgreSQL) can be held to them.
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
  /// Records `code` as the register's organisation code in place of `expected`, logged as a change of the register
  /// (entity `register`) unless it is the one recorded; returns the code found, and writes nothing where that is not
  /// `expected` (another command changed it since the caller read it: every 索引号 published would be renumbered
  /// without anyone having decided so). Throws ``StoreError/edited(_:)`` when the register's settings are not what
  /// the change log last says.
  func setOrganisation(_ code: String, replacing expected: String?, actor: String) async throws -> String?
  /// How many publications the register records with a 索引号, withdrawn ones too (a notice lists a withdrawn
  /// publication under its number): what a change of its organisation code renumbers.
  func numberedPublications() async throws -> Int
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
  /// The responsible units records in force name that `unit` may be written otherwise of (an abbreviation, the same
  /// characters spaced otherwise: ``UnitName``), the likeliest first, at most three, when no project or milestone
  /// names `unit` itself. Asked before a write records a unit, to warn of a name that would split one unit's alerts
  /// and results in two.
  func unitsResembling(_ unit: String) async throws -> [String]
  /// The responsible units records in force name that a filter's `unit`, which none names, may be meant for: those it
  /// resembles (``unitsResembling(_:)``) and those a character or two off it (``UnitName/charactersOff(_:)``), the
  /// likeliest first, at most three. A cron line filtered on a mistyped unit is refused, and the refusal names the fix.
  func unitsMeant(by unit: String) async throws -> [String]

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
  /// When each project whose name or unit changed since it was registered last changed them, by its code now: the
  /// feed titles its entries by the name and names the unit as their author, and a reader shows an entry again only
  /// when its `updated` moves on.
  func projectLabelChanges() async throws -> [ProjectCode: ProjectLabelChanges]
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
  /// A milestone in force of the project, milestone `id` excluded, with the entry's kind and day and its 文号 typed
  /// otherwise (in other brackets, width or spacing), or `nil`: the same document, which `log`, `amend` and imports
  /// refuse to record twice.
  func milestone(typingOtherwiseTheReferenceOf entry: MilestoneEntry, project code: ProjectCode, excluding id: Int64?) async throws
    -> (id: Int64, reference: String)?
  /// A milestone in force of the project with the entry's kind and day, with a 文号 where the entry has none or
  /// without one where it gives one, or `nil`: the same document, most likely, its 文号 filled in or left out.
  func milestone(differingOnlyInReferenceFrom entry: MilestoneEntry, project code: ProjectCode) async throws
    -> (id: Int64, reference: String?)?
  /// The first milestone in force of the project with the entry's day and 文号 under another kind, or `nil`: one
  /// document, most likely, recorded again with its kind corrected, which `amend` cannot do, so the first stands
  /// beside it as an obligation of its own.
  func milestone(underAnotherKindSharing entry: MilestoneEntry, project code: ProjectCode) async throws -> (id: Int64, kind: String)?
  /// The last milestone withdrawn on its own before milestone `id`, of its project and kind, and of its day or its 文号
  /// (a date corrected so), one with publications in force first, or `nil`: the milestone `id` most likely records
  /// again, corrected, what a clerk withdrew. Its publications do not follow, so the new one would be counted
  /// unpublished where the withdrawn one was not; and a day corrected so moves the deadline with no correction on
  /// record, where `amend` keeps one.
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
  /// Whether a row of the change log has the hash `head`, the head an earlier export stated: one the log does not
  /// hold was written from a state of the register it no longer has (restored from an earlier backup since, or
  /// another register's). Read from the newest row back, where an export's head is found at once.
  func changeLogHolds(head: String) async throws -> Bool
  /// The day, in China Standard Time, the register's last change was recorded on; `nil` for a register never
  /// written. A machine whose clock says an earlier day is judging the wrong day (a reset clock, an unsynchronised
  /// virtual machine), and its morning check would find nothing due.
  func lastChangeDay() async throws -> CivilDate?
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
  /// How the register's tables, indexes, views and triggers differ from gongkai's schema: those another program added
  /// (`trigger blocked`), which may refuse or change what gongkai writes, those dropped outside gongkai, a missing
  /// table stopping every read of what it held, and gongkai's indexes made again with another definition.
  func schemaDifferences() async throws -> SchemaDifferences
  /// Hands each row whose parent row is missing (``Orphan``) to `body`, one at a time: the database's own
  /// integrity check does not look at foreign keys.
  func forEachOrphan(_ body: (Orphan) throws -> Void) async throws
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
