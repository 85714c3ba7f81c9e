import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiExport
import GongkaiFileSystem
import GongkaiReference
import GongkaiStore

/// The day every export and report judges and is dated by.
struct ExportOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Judge and date the export as of this day (default: today in China Standard Time).", valueName: "date"),
          transform: CivilDate.argument)
  var asOf: CivilDate?

  var day: CivilDate { asOf ?? StoreOptions.today() }

  /// For the public exports: dated after today, one states where items would stand then if nothing more were recorded
  /// (an item overdue by a deadline still to come), which is a preview, not something to publish yet.
  func warnIfPreview() {
    let today = StoreOptions.today()
    guard let asOf, asOf > today else { return }
    Terminal.warning("--as-of \(asOf) is after today (\(today) in China): this states where items would stand then if nothing more were recorded; do not publish it before that day")
  }
}

/// The organisation code of the 索引号 (index number) that the public exports give each publication; offered only
/// by the exports that write one.
struct IndexNumberOptions: ParsableArguments {
  @Option(name: .customLong("organisation"), help: ArgumentHelp(
    "The organisation code in 索引号 <code>-<YYYY>-<NNNNN> (default: the register's, recorded by `gongkai init --organisation`, "
      + "else $GONGKAI_ORGANISATION, else each project's division code).",
    valueName: "code"), transform: trimmed)
  var organisationCode: String?

  /// The organisation code given, else `$GONGKAI_ORGANISATION`; empty counts as not given.
  private var given: (code: String, source: String)? {
    nonEmpty(organisationCode).map { ($0, "--organisation") } ?? Self.inherited.map { ($0, "GONGKAI_ORGANISATION") }
  }

  /// `$GONGKAI_ORGANISATION`, without the spaces around it, as an option's value is taken; set but empty is not set.
  static var inherited: String? {
    nonEmpty(ProcessInfo.processInfo.environment["GONGKAI_ORGANISATION"]?.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  func validate() throws {
    if let given { try OrganisationCode.require(given.code, named: given.source) }
  }

  /// The code the export numbers 索引号 under: the register's, which one given must match (one publication numbered
  /// two ways in two exports of the register could not be matched), else the one given, else `nil` (each project's
  /// division).
  func organisation(of register: any Store) async throws -> String? {
    let recorded = try await register.organisation()
    if let given, let mismatch = Self.mismatch(given.code, from: given.source, recorded: recorded) { throw CommandFailure.usage(mismatch) }
    return recorded ?? given?.code
  }

  /// Why a code given (by `source`) is not the one an export may number under, given the register's: `nil` when it is
  /// that one, or the register records none.
  static func mismatch(_ code: String, from source: String, recorded: String?) -> String? {
    guard let recorded, code != recorded else { return nil }
    return """
      \(source) \(code) is not the register's organisation code \(recorded), which its 索引号 are numbered under: \
      drop \(source), or change the register's with `gongkai init --change-organisation --organisation \(code)`
      """
  }
}

/// `--organisation` where no 索引号 is written (`report`): accepted, as `report` once
/// accepted it, so that a cron line giving every export the same options keeps working, and said to do nothing.
struct UnusedOrganisationOption: ParsableArguments {
  @Option(name: .customLong("organisation"), help: .hidden) var organisation: String?

  func warnIfGiven(_ command: String) {
    if organisation != nil { Terminal.warning("--organisation does nothing for \(command), which writes no 索引号; drop it") }
  }
}

/// `--no-verify`: whether an export first checks the register against its change log.
struct VerificationOptions: ParsableArguments {
  @Flag(name: .customLong("no-verify"), help: ArgumentHelp(
    "Export without first checking the register against its change log.",
    discussion: "The check reads the whole change log and register (beside the export, on another core; the notices first); skip it only right after `gongkai audit verify` has passed."))
  var skipVerification = false

  /// Runs an export in one state of the register, with the change-log head it states; unless --no-verify, the
  /// export is put in place only once the register is shown to hold what its log records: a register edited
  /// beside its log is refused, and nothing is written, since the head would vouch for values gongkai never recorded.
  func exporting<T>(from register: any Store, _ body: (StatedHead) async throws -> T) async throws -> T {
    if skipVerification {
      Terminal.warning("--no-verify: the register was not checked against its change log, so the head the output states "
        + "vouches for nothing until `gongkai audit verify` passes on this register")
    }
    return try await register.readingOneState(verifying: !skipVerification, body)
  }
}

/// Runs `write` with the path of `--out`, the file or folder to write, else `Exports/<name>`. The folder written into
/// is created with its parents when missing, whether named or the default, as `mkdir -p` would: an export is asked
/// for by where it goes, and `--out reports/2026/audit.csv` failing where the default `Exports/` is created would
/// surprise anyone. An export that fails (a register that fails its check, a full disk) removes the folders it made,
/// when they are still empty (a notice export's writer empties the folder it made, ``AtomicFolderWriter/complete()``):
/// a refused export leaves nothing behind. One refused because another export holds the
/// folder leaves it: the other, which got the folder a moment after this one made it, is about to write into it.
func writingOutput<T>(_ given: String?, default name: String, _ write: (String) async throws -> T) async throws -> T {
  try await writing(given, default: name, folder: false) { path, _ in try await write(path) }
}

/// Runs `write` as ``writingOutput(_:default:_:)`` does, with the folder `--out` names and whether this command made
/// it (`isNew`): an export that made its folder removes it whole when interrupted, and one that did not leaves the
/// folder what it held.
func writingFolder<T>(_ given: String?, default name: String, _ write: (_ folder: String, _ isNew: Bool) async throws -> T)
  async throws -> T
{
  try await writing(given, default: name, folder: true) { folder, made in
    // The folders of public pages are everyone's to read and enter, as the pages are, whatever the umask.
    AtomicFileWriter.makePublic(folders: made)
    return try await write(folder, made.last == folder)
  }
}

/// `write` is given the path and the folders made for it, the deepest last.
private func writing<T>(_ given: String?, default name: String, folder: Bool, _ write: (String, [String]) async throws -> T)
  async throws -> T
{
  let path = try outputPath(given, default: name, folder: folder)
  let made = try AtomicFileWriter.createFolder(folder ? path : FilePath.parent(of: path), for: path)
  // Held from the moment they exist: an export interrupted while it reads the register, before its writer takes the
  // folder, leaves none of them behind, while they are empty (another export may have found one and be writing in it).
  for folder in made { TemporaryFile.holdEmptyFolder(folder) }
  defer { for folder in made { TemporaryFile.releaseEmptyFolder(folder) } }
  do {
    return try await write(path, made)
  } catch {
    if case ExportError.busy = error {} else { AtomicFileWriter.removeEmpty(made) }
    throw error
  }
}

/// The path `--out` names, else `Exports/<name>`; refuses what names no output (64).
func outputPath(_ given: String?, default name: String, folder: Bool = false) throws -> String {
  if given == "" { throw CommandFailure.usage("--out is empty; name a file or folder, or leave --out out for the default") }
  if given == "-" {
    throw CommandFailure.usage("--out '-': exports are files, written whole or not at all; name a file (`gongkai check --format csv` or `json` prints findings to standard output)")
  }
  var path = given ?? "Exports/" + name
  if folder {
    // `notices/` is the folder `notices`, whose parts are then checked one by one: a file among them is named.
    while path.count > 1, path.hasSuffix("/") { path.removeLast() }
    // `--out site/index.html` means a page, and would make a folder of that name; one already made is used.
    let page = (path as NSString).lastPathComponent
    if ["html", "htm", "md", "atom", "xml"].contains((page as NSString).pathExtension.lowercased()),
      (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType != .typeDirectory
    {
      let parent = FilePath.parent(of: path)
      throw CommandFailure.usage("""
        --out '\(path)' names a page, and the notices are a folder of pages (index.html among them); name the folder, \
        e.g. --out \(parent == "." || parent == "/" ? "notices" : parent)
        """)
    }
  } else if path.hasSuffix("/") {
    throw CommandFailure.usage("--out '\(path)' names a folder; name the file to write, e.g. \(path)\(name)")
  } else if (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType == .typeDirectory {
    // A folder in the way, as a file is in the way of the notices' folder (73); not a link to one: an export does not
    // write through a link, and says so.
    let inIt = (path as NSString).appendingPathComponent(name)
    let example = (try? FileManager.default.attributesOfItem(atPath: inIt))?[.type] as? FileAttributeType == .typeDirectory
      ? " in it (\(inIt) is a folder too)" : ", e.g. \(inIt)"
    throw CommandFailure(status: .cannotCreate, message: "cannot write \(path): it is a folder; name the file to write\(example)")
  }
  return path
}

extension Gongkai.Export {
  struct Notices: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write the public notice of each project, with an index page and an Atom feed.",
      discussion: """
        One page per project, as a government portal shows it: basic information, a timeline of the disclosures \
        (SVG), then the eight categories in statutory order with each published item's 索引号, 发布机构, 生成日期, \
        文号 and, for 公示 items, the publication period. HTML pages are self-contained (inline CSS, print \
        stylesheet); index.html lists the projects and feed.atom the latest publications. Default folder: \
        Exports/notices.

        With --project, only those pages are written: index.html and feed.atom describe the whole register and \
        are left as the last full export wrote them, so run the full export (e.g. nightly) to bring them up to date.
        """)

    @Option(help: ArgumentHelp("Only this project's page (repeatable); index.html and feed.atom are left as they are.",
                               valueName: "code"), transform: ProjectCode.argument)
    var project: [ProjectCode] = []
    @Option(help: ArgumentHelp("The folder to write into (default: Exports/notices), created if missing.", valueName: "folder")) var out: String?
    @Option(help: "Page format.") var format: NoticeFormat = .html
    @OptionGroup var export: ExportOptions
    @OptionGroup var indexNumbers: IndexNumberOptions
    @OptionGroup var verification: VerificationOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions

    func run() async throws {
      export.warnIfPreview()
      let register = try store.open()
      let organisation = try await indexNumbers.organisation(of: register)
      try await verification.exporting(from: register) { head in
        try await register.requireKnown(projects: project)
        let (catalogue, calendar) = try await reference.load(for: register, at: store.path)
        let checker = Checker(catalogue: catalogue, calendar: calendar.calendar)
        try await writingFolder(out, default: "notices") { folder, isNew in
          let progress = TerminalProgress.make("writing notices")
          let report = try await NoticeExport(
            checker: checker, asOf: export.day, format: format, organisation: organisation,
            calendarVersion: calendar.version
          ).run(store: register, projects: project, changeLogHead: head, folder: folder, folderIsNew: isNew, progress: progress)
          progress?.finish()
          Warnings.warnIfUnscheduled(report.unscheduledYears, calendar: checker.calendar)
          if let later = report.replacedLaterDay {
            Terminal.warning("\(folder) held pages as of \(later); these, as of \(export.day), replaced them, and its feed went back to that "
              + "day: a portal serving the folder now shows the earlier day. Export again without --as-of to put today's back, and "
              + "a past day's pages into a folder of their own (--out)")
          }
          // An Atom id is the feed's identity for readers for ever, and the placeholder is every such register's.
          if format == .html && !report.keptIndex && organisation == nil {
            Terminal.warning("feed.atom has the placeholder id urn:gongkai:feed:gongkai, which every register exported without an "
              + "organisation code shares; before publishing the feed, remove it, record the code the register's 索引号 are "
              + "numbered under (`gongkai init --organisation CODE`) and export again: this folder's feed is then kept under it")
          }
          let indexed = FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("index.html"))
          let kept = !report.keptIndex ? ""
            : indexed ? "; index.html and feed.atom left as they were (the full export rewrites them)"
            : "; no index.html or feed.atom written (the full export writes them)"
          let withdrawn = (report.removedPages == 0 ? "" : "; removed the pages of \(counted(report.removedPages, "withdrawn project"))")
            + (report.movedPages == 0 ? "" : "; removed \(counted(report.movedPages, "page")) under corrected codes")
          try StandardOutput.confirm(
            "wrote \(counted(report.pages, "project notice")) (\(counted(report.disclosures, "published item"))) to \(Terminal.field(folder))\(withdrawn)\(kept)",
            wroteFile: folder)
        }
      }
    }
  }

  struct AuditCSVExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "audit-csv",
      abstract: "Write the audit CSV: one row per disclosure obligation, withdrawn ones included, for evaluators and reviews.",
      discussion: """
        Columns (documented in README.md): project, category and item kind with their names, milestone id, 文号 \
        (reference), date formed, deadline and whether it is provisional, rule (公开时限), disclosure date, \
        channel, URL, published until, minimum publication end, status, working days late, legal basis, \
        responsible unit, recorded by and at, withdrawal reason, by and at, calendar version, the change-log \
        chain head the file was written from (`gongkai audit verify --head HEX` checks the register still holds \
        it), the rules profile the deadlines come from (the register's), then the day judged, the corrections \
        (amend), who recorded each publication, the rules version, who recorded the end of a 公示, how each \
        rule's period is known, its minimum publication period and the 索引号 the portal shows the item by \
        (README.md lists the columns in order). UTF-8 with BOM (Excel and WPS open \
        it directly), CRLF, cells a spreadsheet would run as a formula neutralised. Default file: \
        Exports/audit.csv.

        A milestone withdrawn as recorded by mistake keeps its row, with status withdrawn (已撤回), the reason, who \
        withdrew it and when; it counts nowhere else (check, report and the public exports leave it out). \
        --status withdrawn writes only those rows.
        """)

    @Option(help: ArgumentHelp("The file to write (default: Exports/audit.csv); its folder is created if missing.", valueName: "file")) var out: String?
    @Option(help: ArgumentHelp("Only milestones formed on or after this day.", valueName: "date"), transform: CivilDate.argument)
    var from: CivilDate?
    @Option(help: ArgumentHelp("Only milestones formed on or before this day.", valueName: "date"), transform: CivilDate.argument)
    var to: CivilDate?
    @Option(help: ArgumentHelp("Only this project (repeatable).", valueName: "code"), transform: ProjectCode.argument)
    var project: [ProjectCode] = []
    @Option(help: ArgumentHelp("Only this category (repeatable).", valueName: "code"), transform: Category.argument)
    var category: [Category] = []
    @OptionGroup var units: UnitFilterOptions
    @Option(help: ArgumentHelp("Only rows of this status (repeatable): on-time, late, overdue, too-short, due, withdrawn.",
                               valueName: "status"), transform: AuditCSV.Status.argument)
    var status: [AuditCSV.Status] = []
    @Option(help: "Language of the header row, the rule's period and the yes/no cells; names stay Chinese.") var lang: Language = .zh
    @OptionGroup var export: ExportOptions
    @OptionGroup var indexNumbers: IndexNumberOptions
    @OptionGroup var verification: VerificationOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions

    func validate() throws {
      if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to); give the earlier day to --from") }
    }

    func run() async throws {
      let register = try store.open()
      let organisation = try await indexNumbers.organisation(of: register)
      try await verification.exporting(from: register) { head in
        try await register.requireKnown(projects: project, units: units.unit, withdrawnToo: true)
        let (catalogue, calendar) = try await reference.load(for: register, at: store.path)
        try await writingOutput(out, default: "audit.csv") { path in
          let progress = TerminalProgress.make("writing audit rows")
          let result = try await AuditCSV(
            checker: Checker(catalogue: catalogue, calendar: calendar.calendar), calendarVersion: calendar.version,
            asOf: export.day, english: lang == .en, organisation: organisation
          ).write(store: register,
                  selection: .init(filter: MilestoneFilter(projects: project, categories: category, units: units.unit), statuses: status,
                                   from: from, to: to),
                  changeLogHead: head, to: path, progress: progress)
          progress?.finish()
          Warnings.warnIfUnscheduled(result.unscheduledYears, calendar: calendar.calendar)
          try StandardOutput.confirm("wrote \(counted(result.records, "row")) to \(Terminal.field(path))", wroteFile: path)
        }
      }
    }
  }

  struct ChangeLogExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "change-log",
      abstract: "Write the whole change log as CSV (UTF-8 with BOM): who changed what, when, before and after.")

    @Option(help: ArgumentHelp("The file to write (default: Exports/change-log.csv); its folder is created if missing.", valueName: "file")) var out: String?
    @OptionGroup var verification: VerificationOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let register = try store.open()
      try await verification.exporting(from: register) { head in
        try await writingOutput(out, default: "change-log.csv") { path in
          let rows = try await ChangeLogCSV.write(store: register, state: head, to: path)
          try StandardOutput.confirm("wrote \(counted(rows, "change")) to \(Terminal.field(path))", wroteFile: path)
        }
      }
    }
  }

  struct OC4IDS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "oc4ids",
      abstract: "Write the register as an OC4IDS 0.9 project package (open infrastructure data).",
      discussion: """
        Each project with its parties, budget, status and location; each publication as a document with its \
        datePublished; each disclosure obligation as a reporting milestone whose dueDate is the legal deadline and \
        dateMet the day it was published. Default file: Exports/oc4ids.json.
        """)

    @Option(help: ArgumentHelp("The file to write (default: Exports/oc4ids.json); its folder is created if missing.", valueName: "file")) var out: String?
    @Option(help: ArgumentHelp("Only this project (repeatable).", valueName: "code"), transform: ProjectCode.argument)
    var project: [ProjectCode] = []
    /// The defaults of `--uri`, `--prefix` and `--publisher`: they make a valid package to look at, never one to publish.
    static let placeholderURI = "https://xxgk.example.gov.cn/gongkai/oc4ids.json"
    static let placeholderPrefix = "oc4ids-gkdemo"
    static let placeholderPublisher = "重大建设项目信息公开"

    @Option(help: ArgumentHelp("The package URI: where its persistent copy is published.", valueName: "uri"))
    var uri = placeholderURI
    @Option(parsing: .unconditional, help: ArgumentHelp("The publishing organisation's name (default: the placeholder 重大建设项目信息公开).", valueName: "name"), transform: trimmed)
    var publisher = placeholderPublisher
    @Option(name: .customLong("prefix"), help: ArgumentHelp(
      "The publisher's registered OC4IDS project-ID prefix (default: $GONGKAI_OC4IDS_PREFIX, else the placeholder oc4ids-gkdemo).",
      valueName: "prefix"))
    var prefixGiven: String?

    var prefix: String { prefixGiven ?? nonEmpty(ProcessInfo.processInfo.environment["GONGKAI_OC4IDS_PREFIX"]) ?? Self.placeholderPrefix }
    @Option(help: ArgumentHelp("The license of the package's data (its canonical address); open-data portals ask for one.", valueName: "uri"))
    var license: String?
    @Option(help: ArgumentHelp("The address of the publisher's data user guide.", valueName: "uri"))
    var publicationPolicy: String?
    @OptionGroup var export: ExportOptions
    @OptionGroup var indexNumbers: IndexNumberOptions
    @OptionGroup var verification: VerificationOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions

    /// The package's own identity must hold, or the validator rejects the whole package after it is published.
    func validate() throws {
      let links = [
        ("--uri", uri, "the package as published"), ("--license", license, "the licence"),
        ("--publication-policy", publicationPolicy, "the data user guide"),
      ].flatMap { RegisterText.urlProblems($0, $1, of: $2) }
      if let problem = (RegisterText.problems("--publisher", publisher, required: true) + links).first {
        throw ValidationError(problem.message)
      }
      guard OC4IDSExport.isRegisteredPrefix(prefix) else { throw ValidationError("--prefix: \(OC4IDSExport.prefixProblem(prefix))") }
    }

    func run() async throws {
      export.warnIfPreview()
      let register = try store.open()
      let organisation = try await indexNumbers.organisation(of: register)
      try await verification.exporting(from: register) { head in
        try await register.requireKnown(projects: project)
        let checker = try await reference.checker(for: register, at: store.path)
        try await writingOutput(out, default: "oc4ids.json") { path in
          let result = try await OC4IDSExport(
            checker: checker, asOf: export.day, uri: uri, publisher: publisher, organisation: organisation,
            prefix: prefix, license: license, publicationPolicy: publicationPolicy
          ).write(store: register, filter: MilestoneFilter(projects: project), state: head, to: path)
          Warnings.warnIfUnscheduled(result.unscheduledYears, calendar: checker.calendar)
          warnIfPlaceholders()
          try StandardOutput.confirm("wrote \(counted(result.records, "project")) to \(Terminal.field(path))", wroteFile: path)
        }
      }
    }

    /// A package published with the placeholder identity claims ids and an address that are not the publisher's,
    /// and it passes the validator all the same: only a warning tells whoever runs the export.
    private func warnIfPlaceholders() {
      let placeholders = [
        prefix == Self.placeholderPrefix ? ("--prefix \(prefix) (or $GONGKAI_OC4IDS_PREFIX)", "the publisher's registered prefix") : nil,
        uri == Self.placeholderURI ? ("--uri \(uri)", "the address where the package is published") : nil,
        publisher == Self.placeholderPublisher ? ("--publisher \(publisher)", "the publishing organisation's name") : nil,
      ].compactMap { $0 }
      guard !placeholders.isEmpty else { return }
      Terminal.warning("the OC4IDS package uses the placeholder \(placeholders.map(\.0).joined(separator: ", ")); "
        + "give \(placeholders.map(\.1).listed()) before publishing it")
    }
  }

  struct JSONExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "json",
      abstract: "Write everything disclosed as plain JSON (fields in README.md). Default file: Exports/disclosures.json.")

    @Option(help: ArgumentHelp("The file to write (default: Exports/disclosures.json); its folder is created if missing.", valueName: "file")) var out: String?
    @Option(help: ArgumentHelp("Only this project (repeatable).", valueName: "code"), transform: ProjectCode.argument)
    var project: [ProjectCode] = []
    @OptionGroup var export: ExportOptions
    @OptionGroup var indexNumbers: IndexNumberOptions
    @OptionGroup var verification: VerificationOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions

    func run() async throws {
      export.warnIfPreview()
      let register = try store.open()
      let organisation = try await indexNumbers.organisation(of: register)
      try await verification.exporting(from: register) { head in
        try await register.requireKnown(projects: project)
        let (catalogue, calendar) = try await reference.load(for: register, at: store.path)
        try await writingOutput(out, default: "disclosures.json") { path in
          let result = try await DisclosuresJSON(
            checker: Checker(catalogue: catalogue, calendar: calendar.calendar), asOf: export.day, calendarVersion: calendar.version,
            organisation: organisation
          ).write(store: register, filter: MilestoneFilter(projects: project), changeLogHead: head, to: path)
          Warnings.warnIfUnscheduled(result.unscheduledYears, calendar: calendar.calendar)
          try StandardOutput.confirm("wrote \(counted(result.records, "disclosure")) to \(Terminal.field(path))", wroteFile: path)
        }
      }
    }
  }
}

/// `--format html|md|txt` of the notice export.
extension NoticeFormat: ExpressibleByArgument {}
