import Foundation
import GongkaiCore

/// Why the store refused or failed, each naming what it was given and what to do.
public enum StoreError: Equatable, Sendable, PointsToReferenceList {
  /// A code no project has, and the registered codes it most likely meant, the nearest (a digit off, or two swapped),
  /// when few are.
  case unknownProject(String, meant: [String] = [])
  case duplicateProject(String)
  /// A project to register under a code one or two characters off a registered project's of the same name: the same
  /// project under a mistyped code, most likely, which would be published twice.
  case namesakeProject(String, registered: String, name: String)
  /// A project renamed to the name of a registered project whose code is one or two characters off its own: refused as
  /// registering it under that name would be, or the two files of the register would no longer import together.
  case namesakeRename(String, registered: String, name: String)
  /// A hand-over of a unit's projects with no project in force of that unit: the unit, and how many milestones of
  /// projects in force name it as their own (given by `log --unit`, or kept under it by an earlier change of unit),
  /// which only a move of the past would move.
  case noProjectOfUnit(String, ownMilestones: Int)
  case unknownMilestone(Int64)
  case unknownDisclosure(Int64)
  case duplicateMilestone(existing: Int64, key: String)
  /// A milestone, or the disclosure recorded on it when `disclosure` is set, named by id with `--project` another.
  case milestoneOfAnotherProject(milestone: Int64, project: String, expected: String, disclosure: Int64? = nil)
  /// A milestone withdrawn, which no write but its reinstatement changes.
  case withdrawnMilestone(Int64)
  /// A project withdrawn as registered by mistake, with the reason: nothing more is recorded under its code unless it
  /// is reinstated.
  case projectWithdrawn(String, reason: String)
  /// A code corrected away (`project recode`): the project it named, by its name, is registered under the right one.
  case projectRecoded(String, to: String, project: String, reason: String)
  /// A project's code (`from`) may not be corrected to one another project has, or had: the code, and the name of
  /// the project that has or had it.
  case codeTaken(String, project: String, CodeHolding, from: String)

  /// How the project a code is refused for holds it.
  public enum CodeHolding: Equatable, Sendable {
    case inForce
    case withdrawn(reason: String)
    /// It had the code before it was corrected to `now`, for `reason`.
    case formerly(now: String, reason: String)

    /// A project that has the code, withdrawn or not.
    public init(withdrawnReason: String?) { self = withdrawnReason.map { .withdrawn(reason: $0) } ?? .inForce }
  }
  /// `--changes` names a milestone withdrawn as recorded by mistake: there is no information of it to change.
  case changesWithdrawn(Int64)
  /// A milestone cannot be reinstated once another was recorded in its place (its kind, day and 文号), in force or
  /// withdrawn since (`inForce`): that one is the record to keep or to reinstate, and a project file written before
  /// either could not tell the two apart.
  case reinstatementBlocked(milestone: Int64, by: Int64, inForce: Bool)
  /// A milestone cannot be reinstated while the milestone it changes is withdrawn: no link names a withdrawn one.
  case reinstatementChangesWithdrawn(milestone: Int64, changes: Int64)
  /// A milestone cannot be reinstated while the milestone it changes is formed after it (`formedOn`, amended since):
  /// a change changes earlier information.
  case reinstatementChangesLater(milestone: Int64, changes: Int64, formedOn: String)
  /// A publication cannot be reinstated once another was recorded in its place (its milestone, day and channel), in
  /// force or withdrawn since (`inForce`): that one is the record to keep or to reinstate, and a project file written
  /// before either could not tell the two apart.
  case publicationReinstatementBlocked(disclosure: Int64, by: Int64, inForce: Bool)
  /// A publication recorded again exactly as the one last withdrawn under its key (its milestone, day, channel,
  /// address and end): its withdrawal was the mistake, and a record made anew would take its place for good, under
  /// another 索引号, where a reinstatement keeps it.
  case publicationWithdrawnAsGiven(disclosure: Int64, reason: String)
  /// A milestone logged as one withdrawn by mistake records it (its kind, day, 文号, summary, unit and link): the
  /// withdrawal is undone by reinstating it, which keeps its publications.
  case milestoneWithdrawnAsGiven(milestone: Int64, reason: String)
  /// A publication cannot be reinstated while its milestone is withdrawn: the milestone comes back first, with the
  /// publications in force it kept.
  case publicationOfWithdrawnMilestone(disclosure: Int64, milestone: Int64)
  /// A milestone to withdraw that a milestone in force changes (or withdraws).
  case changedBy(milestone: Int64, by: Int64)
  /// A publication's end changed after the day it was recorded to come down: its period is settled.
  case settledPublication(disclosure: Int64, until: String)
  case invalid(RegisterError)
  /// Problems of a bulk import, each with its line; nothing was written.
  case importRejected([LineProblem])
  case databaseNotFound(String)
  /// A file that holds no register, told apart as far as gongkai can tell: the fix of a folder or a damaged first page
  /// is not the fix of another program's database.
  case notADatabase(String, NonRegister)
  /// A register SQLite finds damaged (a disk fault, a copy cut short): the path is right, the file is not.
  case damaged(String, String)
  case cannotOpen(String, String)
  case cannotCreate(String, String)
  /// A file took the name of the register ``SQLiteStore/create(at:settings:busyTimeout:clock:)`` was creating (another
  /// `init` at the same moment): nothing was written, and the register there can be opened instead.
  case appeared(String)
  /// `gongkai backup` could not write its copy: the path and why.
  case cannotWriteBackup(String, String)
  /// An error of SQLite's that gongkai does not expect (a limit, a statement it could not prepare): a fault to report.
  case unexpected(String, String)
  /// The register's copy failed SQLite's check: the backup it would have replaced left as it was, or a new one
  /// written all the same (`written`).
  case damagedBackupSource(String, backup: String, [String], written: Bool)
  case newerSchema(String, [String])
  /// A register of an earlier gongkai, which only `gongkai init` upgrades: the earlier version cannot read it
  /// afterwards, so the upgrade is a step taken on purpose, after a copy, never a side effect of a check.
  case olderSchema(String, current: String, needed: String)
  case busy(String)
  /// The register may not be written by this user; the reason, when it is not the file's own permissions.
  case readOnly(String, reason: String? = nil)
  /// SQLite could not read or write the file at the path (a full disk, a failing device), or failed in a way
  /// gongkai does not expect; the transaction was rolled back.
  case io(String, String)
  /// A stored value or row that gongkai could not have written: the database was edited with another tool.
  case edited(String)
  /// A trigger in the register at a path, by name: gongkai makes none, and one added with another tool can rewrite what
  /// gongkai records behind a change log that stays intact.
  case foreignTrigger(String, String)
  /// The register at a path, with what first shows it no longer holds what its change log records.
  case differsFromChangeLog(String, String)
  /// A profile that does not define kinds the register's milestones are of: the profile, and each such kind.
  case kindsOutsideProfile(String, [KindInUse])
  /// A profile under which publications in force would be dated ahead of their milestones as it does not admit: the
  /// profile, and each such publication.
  case publicationsAheadOutsideProfile(String, [PublicationAhead])
  /// The profile named would not admit milestones in force formed after today: the profile, the day asked on, the
  /// milestones.
  case milestonesAheadOutsideProfile(String, CivilDate, [MilestoneAhead])
  /// The profile named would not let milestones in force change the ones they change: the profile, the links.
  case linksOutsideProfile(String, [LinkRefused])

  /// What the register refuses of an import's item: its line (a file's position among project files), field and why.
  public typealias LineProblem = LineMessage

  public var seeAlso: ReferenceList? {
    if case .invalid(let error) = self { error.seeAlso } else { nil }
  }

  /// How many registered codes near a mistyped one are named: more, and no guess helps.
  public static let codesNamedAsMeant = 3

  /// Why a milestone is not added beside one of its project, kind and day whose 文号 differs from its own only in
  /// brackets, width or spaces (杨发改投[2026]41号 for 杨发改投〔2026〕41号): one document recorded twice, whose second
  /// record, never published, would stand overdue on the public notices beside the first. Said of the 文号 given:
  /// "'杨发改投[2026]41号' is …".
  public static func referenceTypedOtherwise(given: String, recorded: String, milestone: Int64, kind: String, formedOn: CivilDate) -> String {
    let said = "the 文号 of milestone \(milestone) (\(kind) formed \(formedOn)), recorded as \(recorded)"
    let why = "a second record of one document would stand unpublished, and overdue, on the notices"
    // Typed as a document has it (ASCII digits, 〔〕) where the register holds an input method's spelling: the register
    // is what to correct, not the typing.
    let isStandard = { (reference: String) in
      MilestoneEntry.asciiSpelling(ofReference: reference) == nil && DocumentNumber.inStandardBrackets(reference) == nil
    }
    if isStandard(given), !isStandard(recorded) {
      return """
        \(said), typed otherwise; if yours is the document's, correct the register first (`gongkai amend \(milestone) --ref \
        \(ShellWord.quoted(given)) --reason 更正文号`) and run this again, else type it as recorded: \(why)
        """
    }
    return "\(said); type it as recorded, so that this is that milestone: \(why)"
  }

  /// The warning for milestone `id` recorded with a `reference` that may not be the document's as typed, with the
  /// amend that corrects it: in full-width digits or letters (naming its ASCII spelling), or with the digits past the
  /// fifteenth zeroed by a spreadsheet; `nil` for any other 文号.
  public static func suspectReference(_ reference: String?, milestone id: Int64) -> String? {
    guard let reference else { return nil }
    if let ascii = MilestoneEntry.asciiSpelling(ofReference: reference) {
      return """
        the 文号 '\(reference)' of milestone \(id) has full-width digits or letters, which a document's number does not: recorded \
        as typed; if an input method typed them, correct it: `gongkai amend \(id) --ref \(ShellWord.quoted(ascii)) --reason 更正文号`
        """
    }
    guard MilestoneEntry.mayHaveDigitsZeroedByASpreadsheet(reference) else { return nil }
    return """
      the 文号 '\(reference)' of milestone \(id) is \(reference.utf8.count) digits with only zeros past the fifteenth, as Excel and \
      WPS leave a long number they stored as a number: recorded as given; check it against the document, and if digits were \
      lost, correct it (`gongkai amend \(id) --ref … --reason 更正文号`) and format the sheet's column as text (设置单元格格式 → 文本)
      """
  }

  /// The amendment that keeps milestone `other`, of the same kind and day as one just recorded with the 文号 `given`,
  /// as the one document with the right 文号, where `other`'s is missing or is `given` with the digits past the
  /// fifteenth zeroed by a spreadsheet; empty where `other`'s stands (the one just recorded goes, withdrawn).
  public static func referenceAmendment(of other: Int64, recorded: String?, given: String?) -> String {
    guard let given, !given.isEmpty else { return "" }
    let reason = if recorded == nil { "补录文号" } else if let recorded, MilestoneEntry.mayHaveDigitsZeroedByASpreadsheet(recorded),
      MilestoneEntry.areOneNumberZeroedBySpreadsheet(recorded, given) { "更正文号" } else { "" }
    return reason.isEmpty ? "" : " and `gongkai amend \(other) --ref \(ShellWord.quoted(given)) --reason \(reason)`"
  }

  /// Of a responsible unit the register named nowhere before, that may be one it names written otherwise (`units`, the
  /// likeliest first, from ``Store/unitsResembling(_:)``): recorded as given, since a new unit is as likely.
  /// The hand-over that mends it moves the shorter name's records to the longer, the name in full (of one length, the
  /// new unit's to the one recorded, the warning saying the reverse may be meant), and is given
  /// without `--yes`: run so, it says what it would move, and two units that only look alike are not merged unread.
  public static func unitWrittenOtherwise(_ unit: String, resembling units: [String]) -> String {
    let others = units.dropFirst().joined(separator: ", ")
    let (new, registered) = (UnitName(unit), UnitName(units[0]))
    let (from, to) = new.length > registered.length ? (units[0], unit) : (unit, units[0])
    // Of one length, neither is the name in full: the one written wrong may be the one recorded first.
    let either = new.length == registered.length ? " (the two the other way round if \(units[0]) is the one written wrong)" : ""
    return """
      '\(unit)' is a unit the register named nowhere before, and may be \(units[0])\(others.isEmpty ? "" : " (or \(others))") written \
      otherwise: the alerts and the report count a unit written two ways as two units; if it is, `gongkai project hand-over \
      \(ShellWord.quoted(from)) \(ShellWord.quoted(to)) --for-past-milestones` says what moving every record of \(from) to \(to) \
      takes, and does it with --yes\(either)
      """
  }

  /// Why a publication on the day of disclosure `id`, under its channel spelt with other spaces (`given`, where the
  /// register has `recorded`), is not recorded beside it: one publication, shown twice under two 索引号. A no-break or
  /// full-width space looks like none, or like a space: each is named, as a terminal cannot show it; `givenIn` names
  /// where the given spelling comes from ("the file's").
  public static func respacedChannel(_ given: String, recorded: String, disclosure id: Int64, givenIn: String) -> String {
    let named = [(Disclosure.unusualSpaces(in: given), givenIn), (Disclosure.unusualSpaces(in: recorded), "the register's")]
      .filter { !$0.0.isEmpty }.map { "\($0.0.listed()) in \($0.1)" }
    return """
      '\(given)' is the channel of disclosure \(id), published the same day, recorded as '\(recorded)' with other spaces\
      \(named.isEmpty ? "" : " (\(named.joined(separator: "; ")))"): one publication, which a second record would show twice on \
      the notices under two 索引号; type it as recorded, or, if the register's spelling is the wrong one, correct it \
      (`gongkai withdraw --disclosure \(id) --reason 渠道名称有误` and `gongkai disclose` it again) first
      """
  }

  /// Why publication `id`, recorded on another day than disclosure `other`, on its channel (its spaces aside) and at its
  /// address where both give one, is said: while both were up, it reads as the other's date corrected, which the
  /// register cannot tell from a notice put up twice, and a date corrected so leaves the wrong day counting until the
  /// other is withdrawn. Spelt with other spaces (`spelt`, the other's spelling), the channel shows two ways on the
  /// notices and in the statistics. `added` says what was recorded; `corrector`, what may have corrected the date
  /// (`nil` where that does not read so: a source that lists every publication, as a project file does, or two
  /// publications not up together).
  public static func publishedBeside(
    _ added: String, id: Int64, other: Int64, on day: String, spelt: String?, sameAddress: Bool, corrector: String?
  ) -> String {
    let beside = "\(added) beside disclosure \(other) of \(day), on the same channel\(sameAddress ? " at the same address" : "")"
    let redated = corrector.map {
      "if \($0) corrects the date of disclosure \(other), withdraw disclosure \(other) (`gongkai withdraw --disclosure \(other) "
        + "--reason 更正公开日期`)"
    }
    let respelt = spelt.map {
      "the channel is spelt '\($0)' there, with other spaces, and shows two ways on the notices: to keep one spelling, withdraw "
        + "disclosure \(id) (`gongkai withdraw --disclosure \(id) --reason 渠道名称有误`) and record it again spelt as disclosure "
        + "\(other) is"
    }
    return ([beside] + [redated, respelt].compactMap(\.self)).joined(separator: "; ")
  }

  /// `did you mean A?`, `did you mean A or B?`: the codes near one no project has.
  public static func didYouMean(_ codes: [String]) -> String {
    "did you mean \(codes.listed(" or "))?"
  }

  public var description: String {
    switch self {
    case .unknownProject(let code, let meant) where !meant.isEmpty:
      "unknown project '\(code)'; \(Self.didYouMean(meant)) (`gongkai project list` shows the registered codes)"
    case .unknownProject(let code, _): "unknown project '\(code)'; `gongkai project list` shows the registered codes"
    case .duplicateProject(let code): "project \(code) is already registered; use `gongkai project edit`"
    case .namesakeProject(let code, let registered, let name):
      "a project named \(name) is registered under \(registered), one or two characters off \(code): if \(code) is mistyped, give \(registered); if \(registered) is the wrong code, correct it with `gongkai project recode \(registered) \(code) --reason … --yes`; if this is another project of that name, give it a name that tells the two apart"
    case .namesakeRename(let code, let registered, let name):
      "project \(code) was not renamed: \(registered), one or two characters off its code, is registered under the name \(name), and two such projects read as one registered twice (a register's project files would not import together); if they are one project, withdraw the wrong one (`gongkai project withdraw CODE --reason 重复登记 --yes`); else give a name that tells the two apart"
    case .noProjectOfUnit(let unit, let own):
      "nothing handed over: no project in force answers to \(unit)" + (own == 0 ? ""
        : "; \(own) milestone\(own == 1 ? "" : "s") already recorded name\(own == 1 ? "s" : "") it as \(own == 1 ? "its" : "their") own, which --for-past-milestones moves to the new unit (one recorded from now on names its unit as it is recorded)")
    case .unknownMilestone(let id): "unknown milestone \(id); `gongkai project show CODE` lists a project's milestones"
    case .unknownDisclosure(let id):
      "unknown disclosure \(id); `gongkai project show CODE` lists those in force, `gongkai history CODE` every one (公开 D…)"
    case .duplicateMilestone(let existing, let key):
      "milestone \(key) is already recorded as milestone \(existing); use `gongkai amend \(existing) … --reason …` to change it"
    case .milestoneOfAnotherProject(let milestone, let project, let expected, let disclosure?):
      "disclosure \(disclosure) (of milestone \(milestone)) belongs to project \(project), not \(expected); check the id "
        + "(`gongkai project show \(expected)` lists its publications)"
    case .milestoneOfAnotherProject(let milestone, let project, let expected, nil):
      "milestone \(milestone) belongs to project \(project), not \(expected); check the id "
        + "(`gongkai project show \(expected)` lists its milestones)"
    case .withdrawnMilestone(let id):
      "milestone \(id) was withdrawn; record it anew with what was wrong set right, or if the withdrawal was the mistake, reinstate it "
        + "(`gongkai reinstate \(id) --reason …`)"
    case .reinstatementBlocked(let id, let other, true):
      "milestone \(id) was not reinstated: milestone \(other) was recorded in its place (its kind, day and 文号) and is in "
        + "force; correct \(other) with `gongkai amend \(other) … --reason …` where it differs"
    case .reinstatementBlocked(let id, let other, false):
      "milestone \(id) was not reinstated: milestone \(other) was recorded in its place (its kind, day and 文号) and withdrawn "
        + "since; reinstate \(other) instead if it is the record to keep (`gongkai reinstate \(other) --reason …`)"
    case .publicationReinstatementBlocked(let id, let other, true):
      "disclosure \(id) was not reinstated: disclosure \(other) was recorded in its place (its milestone, day and channel) "
        + "and is in force: it is the record of that publication now; correct its address or end with `gongkai disclose` "
        + "(its --date and --channel, with --url or --until) where it differs"
    case .publicationReinstatementBlocked(let id, let other, false):
      "disclosure \(id) was not reinstated: disclosure \(other) was recorded in its place (its milestone, day and channel) "
        + "and withdrawn since; reinstate \(other) instead if it is the record to keep (`gongkai reinstate --disclosure \(other) --reason …`)"
    case .publicationWithdrawnAsGiven(let id, let reason):
      "nothing recorded: disclosure \(id), withdrawn as recorded by mistake (\(reason)), records this publication as given; "
        + "if its withdrawal was the mistake, reinstate it (`gongkai reinstate --disclosure \(id) --reason …`), which keeps "
        + "its 索引号, where a record made anew would take its place for good"
    case .milestoneWithdrawnAsGiven(let id, let reason):
      "nothing recorded: milestone \(id), withdrawn as recorded by mistake (\(reason)), records this milestone as given; "
        + "if its withdrawal was the mistake, reinstate it (`gongkai reinstate \(id) --reason …`), which brings back its "
        + "publications with their 索引号, where a record made anew would take its place for good"
    case .publicationOfWithdrawnMilestone(let id, let milestone):
      "disclosure \(id) was not reinstated: its milestone \(milestone) is withdrawn; reinstate the milestone first if its "
        + "withdrawal was the mistake too (`gongkai reinstate \(milestone) --reason …`)"
    case .reinstatementChangesLater(let id, let changed, let formedOn):
      "milestone \(id) was not reinstated: milestone \(changed), which it changes, is formed on \(formedOn), after it (amended "
        + "since the withdrawal), and a change changes earlier information; correct the dates with `gongkai amend` first"
    case .reinstatementChangesWithdrawn(let id, let changed):
      "milestone \(id) was not reinstated: milestone \(changed), which it changes, is withdrawn; reinstate \(changed) first "
        + "if its withdrawal was the mistake too (`gongkai reinstate \(changed) --reason …`)"
    case .projectWithdrawn(let code, let reason):
      "project \(code) was withdrawn as registered by mistake (\(reason)), so nothing is recorded under its code; "
        + "`gongkai history \(code)` shows by whom and when, and `gongkai project reinstate \(code) --reason … --yes` puts it back "
        + "in force if the withdrawal was the mistake"
    case .projectRecoded(let code, let right, let project, let reason):
      "project \(code) \(project) is registered under its right code \(right) since its code was corrected (\(reason)): use "
        + "\(right) (`gongkai history \(right)` shows who corrected it and when), also where a file or spreadsheet still holds "
        + "\(code); a code corrected away stays with that project's record, and no other project is registered under it"
    case .codeTaken(let code, let project, .withdrawn(let reason), let from):
      "\(code) is the code of \(project), withdrawn as registered by mistake (\(reason)): a code is a project's identity; if "
        + "that is the project, reinstate it (`gongkai project reinstate \(code) --reason … --yes`) and withdraw \(from) "
        + "(`gongkai project withdraw \(from) --reason … --yes`)"
    case .codeTaken(let code, let project, .inForce, let from):
      "\(code) is the code of \(project), registered already: a code is a project's identity; if the two are one project, "
        + "withdraw \(from) (`gongkai project withdraw \(from) --reason … --yes`), else check the new code against the "
        + "project's approval"
    case .codeTaken(let code, let project, .formerly(let now, let reason), _):
      "\(code) was the code of \(project) until it was corrected to \(now) (\(reason)): a code corrected away stays with that "
        + "project's record, and no other project is given it; check the new code against the project's approval"
    case .changesWithdrawn(let id):
      "--changes \(id): milestone \(id) was withdrawn as recorded by mistake, so it holds no information to change; link "
        + "the change to the milestone in force (`gongkai project show CODE` lists them)"
    case .changedBy(let milestone, let linked):
      "milestone \(milestone) is changed by milestone \(linked), which is in force: if milestone \(linked) changes another milestone "
        + "(this one recorded twice), link it there first (`gongkai amend \(linked) --changes ID --reason 更正所变更信息`); if it was "
        + "recorded by mistake too, withdraw it first (`gongkai withdraw \(linked) --reason 重复登记`); then withdraw this one"
    case .settledPublication(let id, let until):
      "disclosure \(id) is recorded as taken down on \(until), which has passed: how long it stayed up is settled; if the record is wrong, withdraw it (`gongkai withdraw --disclosure \(id) --reason …`) and record it again"
    case .invalid(let error): error.description
    case .importRejected(let problems):
      "import refused, nothing written: " + problems.map(\.description).joined(separator: "; ")
    case .databaseNotFound(let path):
      "database \(path) not found\(Self.whereSought(path)); create it with `gongkai init` or pass --database"
    case .notADatabase(let path, .folder): "\(path) is a folder, not a Gongkai database; give the register's file (check --database)"
    case .notADatabase(let path, .notSQLite):
      "\(path) is not a Gongkai database: it does not begin as an SQLite database does, so it is another program's file, or a "
        + "register whose first page is damaged; check --database, or keep a copy of it and restore the register from a backup"
    case .notADatabase(let path, .otherFile):
      "\(path) is not a Gongkai database (another program's SQLite database, an empty one, a device or a pipe); check --database"
    case .damaged(let path, let reason):
      "database \(path) is damaged (\(reason)); keep a copy of it, restore the register from a backup (`gongkai backup` makes them) and run `gongkai doctor`"
    case .cannotOpen(let path, let reason): "cannot open database \(path): \(reason)"
    case .cannotCreate(let path, let reason): "cannot create database \(path): \(reason)"
    case .appeared(let path):
      "cannot create database \(path): a file of that name appeared while it was being created (another gongkai init?); run gongkai init again"
    case .cannotWriteBackup(let path, let reason): "cannot write the backup \(path): \(reason)"
    case .unexpected(let path, let reason):
      "unexpected SQLite error on database \(path): \(reason); nothing was written; please report it (`gongkai doctor` checks the register)"
    case .damagedBackupSource(let path, let backup, let damage, let written):
      "database \(path) is damaged (\(damage.joined(separator: "; "))): "
        + (written ? "\(backup) was written all the same, a copy of it as it is" : "the backup \(backup) was left as it was")
        + "; keep a copy of the register, restore it from an earlier backup and run `gongkai doctor`"
    case .newerSchema(let path, let unknown):
      "database \(path) was written by a newer gongkai (schema \(unknown.joined(separator: ", "))); upgrade gongkai"
    case .olderSchema(let path, let current, let needed):
      "database \(path) has schema \(current), written by an earlier gongkai; this one needs \(needed): copy the file (`sqlite3 \(ShellWord.quoted(path)) \".backup COPY\"`, or cp while no command runs), then run `gongkai init --database \(ShellWord.quoted(path))` to upgrade it (the earlier gongkai cannot read it afterwards)"
    case .busy(let path):
      "database \(path) is busy (another command or program is using it); try again, or give commands longer to wait "
        + "for it (GONGKAI_BUSY_TIMEOUT, in seconds, default 10)"
    case .readOnly(let path, let reason): "database \(path) is read-only\(reason.map { " for this user: \($0)" } ?? "; check its permissions")"
    case .io(let path, let reason):
      "input/output error on database \(path): \(reason); free space on its disk (and in $TMPDIR, where SQLite sorts) or check the device, then run the command again: the register keeps nothing of this command (a write not committed is rolled back)"
    case .edited(let what): "\(what): the database was edited outside gongkai, or its file is damaged; run `gongkai doctor`"
    case .foreignTrigger(let path, let name):
      "nothing was written: \(path) holds a trigger, \(name), which gongkai never makes and which can change what it writes; drop it "
        + "(\(ShellWord.sqlite3(path, "DROP TRIGGER \(ShellWord.sqlName(name))"))), "
        + "then run `gongkai audit verify`, which names the rows it may have rewritten already"
    case .differsFromChangeLog(let path, let problem):
      "nothing was exported: the register \(path) does not hold what its change log records (\(problem)), so the export would publish values gongkai never recorded; `gongkai audit verify` lists every difference (restore the register from a backup), or pass --no-verify to export the register as it is"
    case .kindsOutsideProfile(let profile, let kinds):
      "the profile was not changed: \(profile) does not define \(KindInUse.list(kinds)), which the register holds; checks and "
        + "exports would stop at those in force, and the audit CSV at withdrawn ones too: keep a profile that defines them "
        + "(add them to a --profile-file)"
    case .publicationsAheadOutsideProfile(let profile, let publications):
      "the profile was not changed: " + PublicationAhead.problem(publications, under: profile)
    case .milestonesAheadOutsideProfile(let profile, let today, let milestones):
      "the profile was not changed: " + MilestoneAhead.problem(milestones, under: profile, today: today)
    case .linksOutsideProfile(let profile, let links):
      "the profile was not changed: " + LinkRefused.problem(links, under: profile)
    }
  }
}

extension StoreError {
  /// Where a missing register was sought, when its path alone does not say: the folder a relative path is in (a
  /// cron job runs in the home folder, not where the register is), or the missing file a symbolic link names.
  public static func whereSought(_ path: String) -> String {
    if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
      return " (a symbolic link to \(target), which does not exist)"
    }
    return path.hasPrefix("/") ? "" : " in \(FileManager.default.currentDirectoryPath) (the current folder)"
  }
}

/// What gongkai found where a register was named (``StoreError/notADatabase(_:_:)``).
public enum NonRegister: Equatable, Sendable {
  case folder
  /// A file that does not begin with SQLite's header: another program's, or a register whose first page is damaged.
  case notSQLite
  /// An SQLite database without gongkai's schema, an empty file or one that is no regular file (a device, a pipe).
  case otherFile
}
