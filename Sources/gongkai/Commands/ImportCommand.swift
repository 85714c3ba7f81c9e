import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiFiles
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
      discussion: """
        PATH is a project file or a folder of them (*.yaml). Importing is idempotent: what is new is added, what \
        changed is updated, nothing is deleted. If any file has a problem, every problem is listed as \
        file:line: field: message and nothing is written. The form is in Projects/README.md.

        Example:
          gongkai import Projects/
        """)

    @Argument(help: ArgumentHelp("Project files or folders of them.", valueName: "path")) var paths: [String]
    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions
    @OptionGroup var actor: ActorOptions

    func validate() throws {
      if paths.isEmpty { throw ValidationError("give at least one project file or folder, e.g. gongkai import Projects/") }
    }

    func run() async throws {
      let catalogue = try reference.rules.loadCatalogue()
      let documents = try ProjectFiles.read(paths, catalogue: catalogue, today: .todayInChina())
      let report = try await store.open().importProjects(documents, actor: try actor.actor(), progress: TerminalProgress.make("importing"))
      try StandardOutput.print(ImportSummary(report: report, files: documents.count).text)
    }
  }

  struct Milestones: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Load milestones (and their disclosures) from a spreadsheet saved as CSV: all rows or none.",
      discussion: """
        The first row names the columns, in English or Chinese: project (项目代码), kind (事项类型), formed \
        (形成日期), and optionally ref (文号), summary (摘要), unit (责任单位), published (公开日期), channel \
        (公开渠道), url (网址), until (公示截止). UTF-8 with or without BOM, or GB18030/GBK as Excel saves it. \
        Details in Projects/README.md.
        """)

    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file")) var file: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions
    @OptionGroup var actor: ActorOptions

    func run() async throws {
      let catalogue = try reference.rules.loadCatalogue()
      let register = try store.open()
      let known = Set(try await register.projects().map(\.project.code))
      let rows = try MilestoneSheet.read(URL(fileURLWithPath: file), catalogue: catalogue, today: .todayInChina()) {
        known.contains($0)
      }
      let report = try await register.importMilestones(rows, actor: try actor.actor(), progress: TerminalProgress.make("importing"))
      try StandardOutput.print(ImportSummary(report: report, rows: rows.count).text)
    }
  }
}

/// Finds and reads the project files of the given paths, reporting every problem of every file at once.
enum ProjectFiles {
  static func read(_ paths: [String], catalogue: RuleCatalogue, today: CivilDate) throws -> [ProjectDocument] {
    var documents: [ProjectDocument] = []
    var problems: [FileProblem] = []
    var seen: [ProjectCode: String] = [:]
    for url in try files(paths) {
      do {
        let document = try ProjectFile.read(url, catalogue: catalogue, today: today, displayName: url.relativePath)
        if let other = seen[document.project.code] {
          problems.append(FileProblem(file: url.relativePath, line: nil, field: "code",
                                      message: "project \(document.project.code) is also in \(other); keep one file per project"))
        }
        seen[document.project.code] = url.relativePath
        documents.append(document)
      } catch {
        problems += error.problems
      }
    }
    guard problems.isEmpty else { throw FileProblems(problems) }
    return documents
  }

  /// The files named, and the `.yaml` files of the folders named, in name order.
  static func files(_ paths: [String]) throws -> [URL] {
    var urls: [URL] = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw FileProblem(file: path, line: nil, field: nil, message: "file not found or not readable", kind: .missing)
      }
      if isFolder.boolValue {
        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        if names.isEmpty {
          throw FileProblem(file: path, line: nil, field: nil, message: "no project files (*.yaml) in this folder", kind: .missing)
        }
        urls += names.map { URL(fileURLWithPath: ($0 as NSString).lastPathComponent, relativeTo: URL(fileURLWithPath: path, isDirectory: true)) }
      } else {
        urls.append(URL(fileURLWithPath: path))
      }
    }
    return urls
  }
}

/// `imported 4 project files: 4 created, 0 updated, 0 unchanged (73 milestones, 70 disclosures written)`.
struct ImportSummary {
  let report: ImportReport
  var files: Int? = nil
  var rows: Int? = nil

  var text: String {
    let what = files.map { "\($0) project file\($0 == 1 ? "" : "s")" } ?? "\(rows ?? 0) row\(rows == 1 ? "" : "s")"
    guard report.changedAnything else { return "imported \(what): nothing changed (\(report.unchanged) unchanged)" }
    let counts = files != nil
      ? "\(report.created) created, \(report.updated) updated, \(report.unchanged) unchanged"
      : "\(report.updated) with changes, \(report.unchanged) unchanged"
    return "imported \(what): \(counts) (\(report.milestonesWritten) milestones, \(report.disclosuresWritten) disclosures written)"
  }
}
