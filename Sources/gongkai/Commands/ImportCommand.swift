import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiExport
import GongkaiFiles
import GongkaiFileSystem
import GongkaiReference
import GongkaiStore

extension Gongkai {
  struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "import",
      abstract: "Load project files or a milestone spreadsheet into the register.",
      subcommands: [Projects.self, Milestones.self],
      defaultSubcommand: Projects.self)
  }
}

extension Gongkai.ImportCommand {
  struct Projects: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Load project files (YAML): all of them or none.",
      usage: """
        gongkai import projects <path> ... [--database <path>] [--exclusive] [--profile <name>] [--profile-file <file> ...] \
        [--calendar <file> ...] [--by <name>]
        """,
      discussion: """
        PATH is a project file or a folder of them (*.yaml or *.yml; its subfolders are not read, and those holding project \
        files are named in a warning). Importing is idempotent: what is new is added, what \
        changed is updated, nothing is deleted. If any file has a problem, the problems are listed \
        as file:line: field: message (the first 20, then how many more) and nothing is written. A file of a folder is named after its project code \
        (CODE.yaml, as export project writes it); one named otherwise imports with a warning. A folder's file of a \
        project withdrawn as registered by mistake (`gongkai project withdraw`) is passed over with a warning, the \
        others imported; named alone, it is refused. The form is in Projects/README.md.

        Example:
          gongkai import Projects/
        """)

    // Optional to the parser, so that a missing path gets the message below: `import projects` names this command.
    @Argument(help: ArgumentHelp("Project files or folders of them.", valueName: "path")) var paths: [String] = []
    @OptionGroup var store: StoreOptions
    @OptionGroup var lock: ImportLockOptions
    @OptionGroup var reference: ReferenceOptions
    @OptionGroup var actor: ActorOptions

    func validate() throws {
      // An empty path (a shell variable unset) names no file; read as the current folder it would import whatever is there.
      if paths.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
        throw ValidationError("a path given is empty; name the project files or folders to import")
      }
      // `import --exclusive milestones FILE` runs this command with the subcommand's name as a path.
      if let first = paths.first, ["milestones", "projects"].contains(first), !FileManager.default.fileExists(atPath: first) {
        // The example is what was typed, the command moved before the options.
        var typed = Array(CommandLine.arguments.drop { $0 != "import" }.dropFirst())
        if let command = typed.firstIndex(of: first) { typed.remove(at: command) }
        throw ValidationError("`\(first)` is a command of `gongkai import`, not a file; put the options after it: gongkai import \(([first] + typed).map(ShellWord.quoted).joined(separator: " "))")
      }
      // A spreadsheet given where project files go would be read as YAML and refused line by line.
      if let sheet = paths.first(where: { ($0 as NSString).pathExtension.lowercased() == "csv" }) {
        throw ValidationError("\(sheet) is a spreadsheet, not a project file; import it with: gongkai import milestones \(ShellWord.quoted(sheet))")
      }
      if let book = paths.first(where: { Self.workbookEndings.contains(($0 as NSString).pathExtension.lowercased()) }) {
        let csv = ((book as NSString).deletingPathExtension as NSString).appendingPathExtension("csv") ?? book
        throw ValidationError("""
          \(book) is a workbook, not a project file: save its sheet as CSV (另存为 → CSV UTF-8) and import that with: gongkai import \
          milestones \(ShellWord.quoted(csv))
          """)
      }
      // `import milestone FILE`: a command mistyped reads as a file that is not there (not after `import projects`).
      let typedAfterImport = CommandLine.arguments.drop { $0 != "import" }.dropFirst().first { !$0.hasPrefix("-") }
      if let first = paths.first, typedAfterImport != "projects", !FileManager.default.fileExists(atPath: first),
        let meant = CommandTree.meant(by: first, in: ["gongkai", "import"])
      {
        throw ValidationError("unknown command '\(first)' (and no file of that name); did you mean `gongkai import \(meant)`?")
      }
      guard paths.isEmpty else { return }
      var isFolder: ObjCBool = false
      // Only when the word was typed: bare `gongkai import` runs this command too.
      if CommandLine.arguments.contains("projects"), FileManager.default.fileExists(atPath: "projects", isDirectory: &isFolder),
        isFolder.boolValue
      {
        throw ValidationError(
          "`import projects` is the command for project files, not the folder projects; name the folder after it: gongkai import projects projects/")
      }
      throw ValidationError("give at least one project file or folder, e.g. gongkai import Projects/")
    }

    /// Excel's, WPS's and LibreOffice's own formats, which the spreadsheet import takes once saved as CSV.
    static let workbookEndings: Set<String> = ["xlsx", "xls", "xlsm", "et", "ods"]

    func run() async throws {
      let opened = try store.open(exclusiveImports: lock.exclusive)
      let checker = try await reference.checker(for: opened, at: store.path)
      let register = opened.admittingEarlyPublications(under: checker.catalogue)
      let files = try ProjectFiles(paths, catalogue: checker.catalogue, today: StoreOptions.today())
      let progress = TerminalProgress.make("importing")
      defer { progress?.finish() }
      let report = try await register.importProjects(files, actor: try actor.actor(), progress: progress)
      // Committed: a signal from here on ends the command as it is, not as an import to run again.
      Interruption.commandEnded()
      progress?.finish()
      // Only once the import succeeded: beside a list of errors, a name to tidy is noise.
      files.misnamed.warn()
      files.warnOfUnread()
      // The import is committed: a list of names that can no longer be read back names the file by its place.
      ImportSummary.warn(report) { (try? files.itemName(at: $0)) ?? "document #\($0) of the import" }
      await ImportSummary.warnOfShortPublications(in: report, register: register, checker: checker)
      try StandardOutput.confirm(ImportSummary(report: report, files: files.expectedCount).text, written: report.changedAnything)
    }
  }

  struct Milestones: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Load milestones (and their disclosures) from a spreadsheet saved as CSV: all rows or none.",
      discussion: """
        The first row names the columns, in English or Chinese: project (项目代码), kind (事项类型), formed \
        (形成日期), and optionally ref (文号), summary (摘要), unit (责任单位), published (公开日期), channel \
        (公开渠道), url (网址), until (公示截止), changes (所变更信息: KIND@DATE#文号 of the milestone it changes), name \
        (项目名称: checked against the code's project). UTF-8 with or without BOM, or GB18030/GBK as Excel saves it. \
        Details in Projects/README.md.
        """)

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file")) var file: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var lock: ImportLockOptions
    @OptionGroup var reference: ReferenceOptions
    @OptionGroup var actor: ActorOptions

    func validate() throws {
      if file.allSatisfy(\.isWhitespace) { throw ValidationError("the spreadsheet's file name is empty; name the CSV file to import") }
      // A project file given where a spreadsheet goes would be read as CSV and refused for its header.
      if ["yaml", "yml"].contains((file as NSString).pathExtension.lowercased()), FileManager.default.fileExists(atPath: file) {
        throw ValidationError("\(file) is a project file, not a spreadsheet; import it with: gongkai import projects \(ShellWord.quoted(file))")
      }
    }

    func run() async throws {
      let opened = try store.open(exclusiveImports: lock.exclusive)
      let checker = try await reference.checker(for: opened, at: store.path)
      let register = opened.admittingEarlyPublications(under: checker.catalogue)
      let rows = try MilestoneSheetReader(URL(fileURLWithPath: file), name: file, catalogue: checker.catalogue, today: StoreOptions.today())
      let progress = TerminalProgress.make("importing")
      defer { progress?.finish() }
      let report = try await register.importMilestones(rows, actor: try actor.actor(), progress: progress)
      Interruption.commandEnded()
      progress?.finish()
      // Named as the file's problems name it, so that warnings and errors of one sheet read alike.
      ImportSummary.warn(report, naming: { "\(file):\($0)" }, heading: rows.heading(of:))
      await ImportSummary.warnOfShortPublications(in: report, register: register, checker: checker)
      try StandardOutput.confirm(ImportSummary(report: report, rows: report.updated + report.unchanged).text,
                                 written: report.changedAnything)
    }
  }
}

extension ProjectFiles {
  /// Warns of what the folders given hold and the import did not read: subfolders of project files, and files whose
  /// extension is not written in lower case.
  func warnOfUnread() {
    if let example = unreadSubfolders.first.first {
      Terminal.warning("""
        the project files of \(unreadSubfolders.listed) were not read: an import reads the folders it is given, \
        not their subfolders; name them too, e.g. gongkai import \(ShellWord.quoted(FilePath.parent(of: example))) \(ShellWord.quoted(example))
        """)
    }
    let unread = { (files: PathExamples) in "\(files.listed) \(files.count == 1 ? "was" : "were") not read" }
    if otherExtensionFiles.count > 0 {
      Terminal.warning("""
        \(unread(otherExtensionFiles)): project files end in .yaml in lower case (not .YAML, nor .yaml.txt as Notepad saves a file), \
        as `gongkai export project` writes them; \
        rename \(otherExtensionFiles.count == 1 ? "it" : "them")
        """)
    }
    if hiddenFiles.count > 0 {
      Terminal.warning("""
        \(unread(hiddenFiles)): a name beginning with '.' is hidden, an editor's lock file or the attributes macOS copies \
        beside a file (._NAME); rename a project file so named
        """)
    }
  }
}

extension MisnamedProjectFiles {
  /// One warning a file, as many as file problems are shown, then how many more.
  func warn() {
    for (path, code) in examples {
      let renamed = FilePath.parent(of: path) + "/\(code).yaml"
      Terminal.warning("\(path): holds project \(code) but is not named after it; rename it to \(renamed), as `gongkai export project` names it")
    }
    if count > examples.count {
      Terminal.warning("\(count - examples.count) more project files are not named after the project they hold")
    }
  }
}

/// `imported 4 project files: 4 created, 0 updated, 0 unchanged (74 milestones, 77 disclosures written; new milestones 1-74)`.
struct ImportSummary {
  let report: ImportReport
  var files: Int? = nil
  var rows: Int? = nil

  var text: String {
    // Files of withdrawn or recoded projects are read and passed over: they are not among those imported.
    let passedOver = report.skippedWithdrawn + report.skippedRecoded
    let what = files.map { passedOver == 0 ? counted($0, "project file") : "\($0 - passedOver) of \(counted($0, "project file"))" }
      ?? counted(rows ?? 0, "row")
    let skipped = (report.skippedWithdrawn == 0 ? "" : ", \(report.skippedWithdrawn) of withdrawn projects not imported")
      + (report.skippedRecoded == 0 ? "" : ", \(report.skippedRecoded) under corrected codes not imported")
    // A sheet saved from the wrong worksheet, or before its rows were pasted in, holds its header alone.
    if rows == 0, report.noticeCount == 0 { return "imported 0 rows: the sheet has none below its header row" }
    guard report.changedAnything else { return "imported \(what): nothing changed (\(report.unchanged) unchanged\(skipped))" }
    let counts = files != nil
      ? "\(report.created) created, \(report.updated) updated, \(report.unchanged) unchanged\(skipped)"
      : "\(report.updated) with changes, \(report.unchanged) unchanged"
    let added = report.addedMilestones.map { ids in
      ids.count == 1 ? "; new milestone \(ids.lowerBound)" : "; new milestones \(ids.lowerBound)-\(ids.upperBound)"
    } ?? ""
    let withdrawn = report.withdrawnMilestones.isEmpty ? "" : "; " + Self.withdrawals(report)
    return "imported \(what): \(counts) (\(counted(report.milestonesWritten, "milestone")), \(counted(report.disclosuresWritten, "disclosure")) written\(withdrawn)\(added))"
  }

  /// The milestones the files withdrew, by id as `withdraw` names them, where they go and how one comes back.
  private static func withdrawals(_ report: ImportReport) -> String {
    let ids = report.withdrawnMilestones.map(String.init)
    guard ids.count > 1 else {
      return "withdrew milestone \(ids[0]): off the public notices with its publications at the next export, "
        + "`gongkai reinstate \(ids[0]) --reason …` puts it back"
    }
    let more = report.withdrawnMilestoneCount - ids.count
    return "withdrew milestones \(ids.joined(separator: ", "))\(more > 0 ? " and \(more) more" : ""): off the public notices "
      + "with their publications at the next export, `gongkai reinstate ID --reason …` puts one back"
  }

  /// Warns of the milestones the import wrote (added, or gave a publication or a new end) whose 公示 comes down before
  /// its minimum period ends while that can still be put right (kept up longer, or put up again): the morning check
  /// would say so tomorrow, a day of it gone. Only those of kinds with a minimum period, published lately enough for
  /// that period to end today or after, are read and judged: a spreadsheet import of years past took a tenth longer
  /// when every milestone it added was. After the import has committed, so a failure to judge one (a date beyond the
  /// calendar) leaves the warning out rather than failing an import that stands.
  static func warnOfShortPublications(in report: ImportReport, register: any Store, checker: Checker) async {
    let shortNamed = 5
    let kinds = checker.catalogue.rules.filter { $0.minimumPublication != nil }
    guard report.changedAnything, let longest = kinds.compactMap(\.minimumPublication?.length).max() else { return }
    let today = StoreOptions.today()
    // A minimum of N working days, or N days moved past a holiday, ends within 2N + 30 calendar days (the longest
    // holiday, 春节, rests 9 days in a row) of its start: the publication's day, or a trigger day up to the longest lead
    // after it where the rule counts from that (a tender notice put up ahead of its sale).
    let lead = kinds.contains { $0.minimumCountedFrom == .triggerDayIfLater } ? Disclosure.longestLead : 0
    let since = today.adding(days: -(2 * longest + 30 + lead))
    let filter = MilestoneFilter(loggedAfter: report.loggedAfter, kinds: kinds.map(\.code), publishedSince: since)
    var short = 0
    // The first few, in the order read (by project and day), named by id, project, kind and day: the rows and files
    // that wrote them are not known here.
    var named: [String] = []
    do {
      try await register.forEachMilestone(matching: filter) { stored in
        let milestone = stored.milestone
        guard checker.catalogue.rule(for: milestone.kind, formedOn: milestone.formedOn)?.minimumPublication != nil,
          let finding = try checker.judge(milestone, asOf: today), finding.status == .tooShort, finding.needsAttention(warningDays: 0)
        else { return }
        short += 1
        if named.count < shortNamed { named.append("\(milestone.id) (\(milestone.projectCode) \(milestone.kind) \(milestone.formedOn))") }
      }
    } catch {
      return
    }
    guard short > 0 else { return }
    let more = short > named.count ? " and \(short - named.count) more" : ""
    Terminal.warning("""
      \(short == 1 ? "milestone" : "milestones") \(named.joined(separator: ", "))\(more), which this import wrote, \
      \(short == 1 ? "has a 公示 that comes" : "have a 公示 that comes") down before its minimum period ends, which can still be put \
      right: `gongkai check` gives the fix for each
      """)
  }

  /// The import's notices as warnings, each at the item `name` gives its position, then how many more.
  /// `heading` names a field as the file does (a spreadsheet's Chinese column heads).
  static func warn(_ report: ImportReport, naming name: (Int) -> String, heading: (String) -> String = { $0 }) {
    // In the order of the file, to be read top to bottom: notes passed over are told after the rows are written.
    let ordered = report.notices.enumerated().sorted { a, b in
      (a.element.position, a.element.line ?? 0, a.offset) < (b.element.position, b.element.line ?? 0, b.offset)
    }
    for (_, notice) in ordered {
      Terminal.warning("\(name(notice.position))\(notice.line.map { ":\($0)" } ?? ""): \(heading(notice.field)): \(notice.message)")
    }
    if report.noticeCount > report.notices.count {
      Terminal.warning("\(report.noticeCount - report.notices.count) more such warnings are not shown")
    }
  }
}
