import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiReference
import GongkaiStore

extension Gongkai {
  struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check the register and the reference data: schema and what was added to it, profile, integrity, foreign keys, change-log chain and rows, stored texts, rules, calendar coverage.",
      discussion: """
        Exits 0 when everything is in order (warnings, such as next year's holiday schedule not yet added, are \
        printed but do not fail), 1 when a check fails.
        """)

    @Option(help: ArgumentHelp("Check the calendar as of this day (default: today in China Standard Time).", valueName: "date"),
            transform: CivilDate.argument)
    var asOf: CivilDate?
    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions

    /// The orphans listed one a line, as `PRAGMA integrity_check` stops at 100 problems: deleting the projects of a
    /// large register leaves millions, and the first ones show what happened.
    static let orphanLines = 100
    /// The integrity check's problems listed one a line: a damaged page gives one for each of its cells, and what
    /// follows the first few says no more than that the file is to be restored.
    static let integrityLines = 10
    /// What a damaged register leaves unchecked, and what to do.
    static let checksNotRun = "the register's checks not listed above (of foreign keys, the change log, stored values) were not "
      + "run; keep a copy of the file and restore the register from a backup"

    func run() async throws {
      var failed = false
      func line(_ ok: Bool?, _ text: String) throws {
        let mark = ok == nil ? "warning" : (ok! ? "ok" : "FAILED")
        if ok == false { failed = true }
        // A line names files and stored values as they are: shown as errors show them, control characters escaped.
        try StandardOutput.print("\(Terminal.pad(mark, to: 8))\(Terminal.field(text))")
      }
      // A damaged register fails the integrity check, and the register's checks after it could not be trusted; the
      // reference data's checks still run.
      var checked: CheckedRegister?
      do {
        checked = try await checkRegister(line)
      } catch StoreError.damaged(_, let reason) {
        try line(false, "integrity check: \(reason); \(Self.checksNotRun)")
      }
      // A broken rules or calendar file is what doctor is run to find: a failed check, not an error that hides the
      // checks after it.
      let loaded: (RuleCatalogue, LoadedCalendar)
      do {
        // The register's rules; the ones given when the register cannot be read, to check them all the same.
        let catalogue = try checked?.profile.map { try reference.rules.loadCatalogue(keptUnder: $0, register: store.path) }
          ?? reference.rules.loadCatalogue()
        loaded = (catalogue, try reference.calendar.loadCalendar(warnings: false))
      } catch {
        for message in ErrorReport(error).lines { try line(false, "reference data: \(message)") }
        throw ExitStatus.findings
      }
      let (catalogue, calendar) = loaded
      try await checkRules(catalogue, against: checked, line)
      try checkCalendar(calendar, line)
      if failed { throw ExitStatus.findings }
    }

    /// The rules' checks, each a line: the rules loaded, and what the register holds that they do not define or admit,
    /// where the register's own checks passed far enough to name its profile.
    private func checkRules(_ catalogue: RuleCatalogue, against checked: CheckedRegister?, _ line: (Bool?, String) throws -> Void)
      async throws
    {
      try line(true, "rules: \(catalogue.profile), \(catalogue.rules.count) item kinds")
      // A kind the rules do not define stops every check and export: the profile was changed, or its file edited.
      let undefined = (checked?.kinds ?? []).filter { catalogue.rule(for: $0.kind) == nil }
      if !undefined.isEmpty {
        try line(false, "rules: \(catalogue.profile) does not define \(KindInUse.list(undefined)), which the register holds, so "
          + "checks and exports stop at those in force, and the audit CSV at withdrawn ones too; give the profile file that defines them")
      }
      // Read only where the register's checks passed far enough to name its profile, and found it as its log records it
      // (rows edited outside gongkai are restored, not withdrawn and recorded again); a stored date that is none is the
      // stored values' check's to name.
      if let checked, checked.profile != nil, !checked.isAsRecorded {
        try line(nil, "rules: the register's records were not checked against the rules: it does not hold what its change log "
          + "records (above); restore it from a backup, then run doctor again")
      }
      if let checked, checked.profile != nil, checked.isAsRecorded {
        let register = checked.register
        // A kind the rules do not define is named above, with its fix.
        let ahead = ((try? await register.admittingEarlyPublications(under: catalogue).publicationsAheadRefused()) ?? [])
          .filter { catalogue.rule(for: $0.kind) != nil }
        if !ahead.isEmpty {
          try line(false, "rules: " + PublicationAhead.problem(ahead, under: catalogue.profile))
        }
        // Against today, not an --as-of: what may be recorded ahead is counted from the day it is recorded on.
        let today = StoreOptions.today()
        let formedAhead = (try? await register.milestonesAheadRefused(under: catalogue, today: today)) ?? []
        if !formedAhead.isEmpty {
          try line(false, "rules: " + MilestoneAhead.problem(formedAhead, under: catalogue.profile, today: today))
        }
        let links = (try? await register.linksRefused(under: catalogue)) ?? []
        if !links.isEmpty { try line(false, "rules: " + LinkRefused.problem(links, under: catalogue.profile)) }
      }
    }

    /// The calendar's checks, each a line: the schedules and where they come from, replacements and their days, files
    /// anyone could rewrite, and this year's or next year's schedule still to add.
    private func checkCalendar(_ calendar: LoadedCalendar, _ line: (Bool?, String) throws -> Void) throws {
      let today = asOf ?? StoreOptions.today()
      let years = calendar.calendar.scheduledYears
      // An administrator's file is named as one: gongkai ships the State Council's notices, not what a folder adds.
      let added = calendar.sources.filter { !$0.value.hasPrefix("calendar/") }.sorted { $0.key < $1.key }
        .map { "\($0.key) from \($0.value)" }
      // A schedule in this account's own default folder is not the cron account's, nor another clerk's: said where one is read.
      let calendarFolder = try? CalendarOptions.administratorFolder().path
      let ownFolder = ProcessInfo.processInfo.environment["GONGKAI_CALENDAR_DIR"] == nil && calendarFolder.map { folder in
        calendar.sources.values.contains { ($0 as NSString).deletingLastPathComponent == folder }
      } == true
      try line(true, "calendar: schedules for \(years.first.map(String.init) ?? "-")-\(years.last.map(String.init) ?? "-") (\(calendar.version))"
        + (added.isEmpty ? ", the State Council's as shipped" : "; added: \(added.joined(separator: ", "))")
        + (ownFolder ? " (this account's own folder: an account running gongkai otherwise, such as cron's, reads its own; set "
          + "GONGKAI_CALENDAR_DIR to one folder for all of them)" : ""))
      for replacement in calendar.replacements {
        let added = replacement.added.isEmpty ? "" : "; adds \(replacement.added.map(\.description).joined(separator: ", "))"
        let dropped = replacement.dropped.isEmpty ? "" : "; leaves out \(replacement.dropped.map(\.description).joined(separator: ", "))"
        let by = replacement.correction.map { " by \($0)" } ?? ""
        let same = added.isEmpty && dropped.isEmpty ? " with the same days" : ""
        // A day left out is for an administrator to look at, cited notice or not; only commands keep quiet about a cited one.
        try line(replacement.dropped.isEmpty ? true : nil, replacement.droppedWarning.map { "calendar: " + $0 + added }
          ?? "calendar: \(replacement.file) replaces the shipped schedule of \(replacement.year)\(by)\(same)\(added)\(dropped)")
      }
      for warning in calendar.fileWarnings { try line(nil, "calendar: " + warning) }
      // Any account that can rewrite a schedule, or add one to the calendar folder (whose every file is read, sticky or
      // not), moves every deadline across its days. The folder of a `--calendar` file, whose other files are not read,
      // is safe when sticky (/tmp).
      let files = Set(calendar.sources.values.filter { !$0.hasPrefix("calendar/") })
      let places = files.map { ("file", $0, false) } + [calendarFolder].compactMap { $0 }.map { ("folder", $0, false) }
        + Set(files.map { ($0 as NSString).deletingLastPathComponent }).subtracting([calendarFolder].compactMap { $0 })
          .map { ("folder", $0, true) }
      for (kind, place, stickyIsSafe) in places.sorted(by: { $0.1 < $1.1 }) {
        var status = stat()
        guard stat(place, &status) == 0, status.st_mode & S_IWOTH != 0, !(stickyIsSafe && status.st_mode & S_ISVTX != 0) else { continue }
        try line(nil, "calendar: the \(kind) \(place) may be written by every account on this machine, so anyone could move "
          + "every deadline across the schedule's days; `chmod o-w \(ShellWord.quoted(place))`")
      }
      for year in [today.year, today.year + 1] where !calendar.calendar.hasSchedule(for: year) {
        // This year's notice came out last autumn: it is there to be added now, next year's is waited for.
        let when = year == today.year ? "now: the State Council published its notice last autumn" : Warnings.whenPublished([year], today: today)
        let folder = try CalendarOptions.administratorFolder().path
        let create = FileManager.default.fileExists(atPath: folder) ? "" : " (create the folder first: mkdir -p \(ShellWord.quoted(folder)))"
        try line(year == today.year ? false : nil,
                 "calendar: no official holiday schedule for \(year); deadlines in it and in the last week of \(year - 1) are provisional. Add \(year).yaml "
                   + "to \(CalendarOptions.folderForSchedules(of: [year])) \(when)\(create)")
      }
    }

    /// The register as its checks leave it: open, the profile it is kept under (`nil` when its record was deleted),
    /// and the item kinds its milestones are of, which the profile's rules must define.
    private struct CheckedRegister {
      let register: any Store
      let profile: String?
      let kinds: [KindInUse]
      /// Whether the register holds what its change log records: the rules' advice (withdraw a record and make it
      /// again) is for records gongkai wrote, not for rows edited outside it, which a restore puts right.
      var isAsRecorded = false
    }

    /// The register's checks, each a line: schema, profile, integrity, foreign keys, the change log and the rows
    /// against it.
    private func checkRegister(_ line: (Bool?, String) throws -> Void) async throws -> CheckedRegister {
      let register = try store.open()
      let versions = try await register.appliedSchemaVersions()
      try line(true, "database \(Terminal.field(store.path)): schema \(versions.last ?? "none") (\(versions.count) of \(SQLiteStore.schemaVersions.count) migrations)")
      if let problem = SQLiteStore.sideFilesProblem(of: store.path) {
        try line(false, "files beside the register: this user may not write them, so every write fails: \(problem)")
      }
      let schema = try await register.schemaDifferences()
      for object in schema.missing {
        try line(false, "schema: \(object) is missing: dropped outside gongkai; restore the register from a backup")
      }
      for object in schema.added {
        try line(false, "schema: \(object.type) \(Terminal.field(object.name)) was added outside gongkai; it can refuse or change writes: "
          + "drop it (\(ShellWord.sqlite3(store.path, "DROP \(object.type.uppercased()) \(ShellWord.sqlName(object.name))"))) or restore the register from a backup")
      }
      for index in schema.redefined {
        // In one transaction: the sqlite3 shell runs statements one by one, and a unique index that the duplicates let
        // in meanwhile refuse would be dropped and not made again.
        let repair = "BEGIN; DROP INDEX \(ShellWord.sqlName(index.name)); \(index.gongkais); COMMIT;"
        try line(false, "schema: index \(index.name) was made again outside gongkai (\(Terminal.field(index.found))); it can refuse writes "
          + "gongkai allows, let in duplicates it refuses, or slow reads: make it as gongkai does (\(ShellWord.sqlite3(store.path, repair)); "
          + "refused for rows it let in twice, which gongkai never writes, it changes nothing: then restore the register from a backup) "
          + "or restore the register from a backup")
      }
      // A table dropped outside gongkai stops every read of the rows: the file's own check runs, the others are said
      // not to have run.
      if schema.lacksATable {
        _ = try await checkIntegrity(of: register, line)
        try line(false, "checks stopped: a table is missing; \(Self.checksNotRun)")
        return CheckedRegister(register: register, profile: nil, kinds: [])
      }
      var profile: String?
      do {
        profile = try await register.profile()
      } catch StoreError.edited(let what) {
        try line(false, "profile: \(what): deleted outside gongkai; `gongkai history` shows the profile it had; restore the register from a backup")
      }
      if let profile { try line(true, "profile: \(profile) (the rules every command applies to this register)") }
      let recordedOrganisation = try await register.organisation()
      if let organisation = recordedOrganisation {
        // Only `init` writes it, in the form it checks: any other was written outside gongkai.
        let usable = OrganisationCode.isWellFormed(organisation)
        try line(usable, usable ? "organisation: \(organisation) (the code every export numbers the register's 索引号 under)"
          : "organisation: '\(organisation)' is no code `gongkai init` records: edited outside gongkai; `gongkai history` shows "
            + "the code it recorded; restore the register from a backup")
      }
      // Set for a cron line or a service, it is what every export is given: one it refuses fails here first.
      if let inherited = IndexNumberOptions.inherited {
        let source = "GONGKAI_ORGANISATION"
        let problem = OrganisationCode.problem(with: inherited, named: source)
          ?? IndexNumberOptions.mismatch(inherited, from: source, recorded: recordedOrganisation)
        try line(problem == nil, problem.map { "organisation: \($0); every export refuses it" }
          ?? "organisation: \(source) \(inherited), which the exports number the 索引号 under")
      }
      let problems = try await checkIntegrity(of: register, line)
      do {
        let contents = try await checkContents(of: register, line)
        return CheckedRegister(register: register, profile: profile, kinds: contents.kinds, isAsRecorded: contents.isAsRecorded)
      } catch StoreError.damaged(_, let reason) where !problems.isEmpty {
        // The damage stops the read of the rows: what that leaves unchecked is said, not reported as passed or failed.
        try line(false, "checks stopped: the damaged file cannot be read through (\(reason)); \(Self.checksNotRun)")
        return CheckedRegister(register: register, profile: profile, kinds: [])
      }
    }

    /// SQLite's check of the file, a line for each of its first problems; returns them all.
    private func checkIntegrity(of register: any Store, _ line: (Bool?, String) throws -> Void) async throws -> [String] {
      let problems = try await register.integrityProblems()
      if problems.isEmpty { try line(true, "integrity check: ok") }
      for problem in problems.prefix(Self.integrityLines) { try line(false, "integrity check: \(problem)") }
      if problems.count > Self.integrityLines {
        try line(false, "integrity check: and \(problems.count - Self.integrityLines) more problems")
      }
      return problems
    }

    /// The checks of what the register holds, each a line: foreign keys, the change log and the rows against it,
    /// stored values. Returns the item kinds its milestones are of, and whether the register holds what its log records.
    private func checkContents(of register: any Store, _ line: (Bool?, String) throws -> Void) async throws
      -> (kinds: [KindInUse], isAsRecorded: Bool)
    {
      var orphans = 0
      try await register.forEachOrphan { orphan in
        orphans += 1
        if orphans <= Self.orphanLines { try line(false, "foreign key check: \(orphan)") }
      }
      if orphans > Self.orphanLines { try line(false, "foreign key check: and \(orphans - Self.orphanLines) more rows whose parent is missing") }
      if orphans == 0 { try line(true, "foreign key check: ok") }
      let check = try await register.checkAgainstChangeLog(publishedHead: nil, divergenceLimit: 1)
      let chain = check.chain
      try line(chain.broken == nil, chain.broken.map(\.description)
        ?? (chain.rows == 0 ? "change log chain empty: no rows, so no head" : "change log chain intact: \(chain.rows) rows, head \(chain.head)"))
      let divergences = try check.divergences()
      try line(divergences.isEmpty, divergences.first.map { "register against the change log: \($0); `gongkai audit verify` lists more" }
        ?? "register against the change log: every row as last recorded")
      // The texts are read project by project, which rows without their parent would stop: named above instead. A
      // value no gongkai wrote (a date that is none) stops the read: a failed check, and the checks after it run.
      if orphans == 0 {
        do {
          try await checkStoredTexts(register, line)
        } catch StoreError.edited(let what) {
          try line(false, "stored values: \(what): edited outside gongkai; `gongkai audit verify` names the rows that differ from "
            + "the change log (restore the register from a backup)")
        }
      }
      return (try await register.kindsInUse(), chain.broken == nil && divergences.isEmpty)
    }

    /// Warns of texts the register holds that its rules refuse now, stored before a rule was tightened (an
    /// invisible character in a 文号): checks and exports run, but `export project` writes files that `import`
    /// refuses until they are corrected. One read of the register, as a check's.
    private func checkStoredTexts(_ register: any Store, _ line: (Bool?, String) throws -> Void) async throws {
      var examples: [String] = []
      var count = 0
      func note(_ what: String, _ problems: [RegisterError]) {
        count += problems.count
        // Shown escaped (`\u{200B}`): the very characters at fault do not show.
        examples += problems.prefix(max(0, 3 - examples.count)).map { Terminal.visible("\(what) \($0)") }
      }
      try await register.forEachProject(matching: MilestoneFilter(withdrawn: true)) { project, milestones in
        // A withdrawn project is not corrected any more: its texts are on record as they were.
        guard project.withdrawnReason == nil else { return }
        note("project \(project.code)", project.problems())
        for stored in milestones {
          let unit = stored.milestone.responsibleUnit == project.responsibleUnit ? nil : stored.milestone.responsibleUnit
          note("milestone \(stored.milestone.id)", MilestoneEntry.textProblems(
            reference: stored.reference, summary: stored.summary, responsibleUnit: unit, withdrawnReason: stored.withdrawnReason))
          for disclosure in stored.milestone.disclosures {
            note("a publication of milestone \(stored.milestone.id)", disclosure.textProblems)
          }
        }
      }
      try line(count == 0 ? true : nil, count == 0 ? "stored texts: every one as the rules accept it" : """
        stored texts: \(count) recorded before a rule was tightened, which `import` refuses (or reads a blank one as left \
        out) in the files `export project` writes: \(examples.joined(separator: "; ")); correct them with `gongkai project edit` or `gongkai amend`, a \
        publication's address with `gongkai disclose MILESTONE --date DAY --channel NAME --url ADDRESS` while it is up (else \
        withdraw it and record it again)
        """)
    }
  }
}
