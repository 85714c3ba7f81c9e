import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiExport
import GongkaiFiles
import GongkaiStore

extension Gongkai {
  struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write public notices, the audit CSV, open data, or a project file.",
      subcommands: [Notices.self, AuditCSVExport.self, ChangeLogExport.self, OC4IDS.self, JSONExport.self, ProjectFileExport.self])
  }
}

extension Gongkai.Export {
  struct ProjectFileExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "project",
      abstract: "Write a project back to its project file; importing it again changes nothing.",
      discussion: "Writes Projects/<code>.yaml by default (the comments of a hand-written file are not kept); --out - writes to standard output.")

    @Argument(help: ArgumentHelp("The project code.", valueName: "code"), transform: ProjectCode.argument) var code: ProjectCode
    @Option(help: ArgumentHelp("The file to write (its folder is created if missing), or - for standard output.", valueName: "file")) var out: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
      guard let document = try await store.open().document(of: code) else { throw StoreError.unknownProject(code.rawValue) }
      let text = try ProjectFile.render(document)
      if out == "-" {
        try StandardOutput.print(text, terminator: "")
      } else {
        let name = "\(code.rawValue).yaml"
        try await writingOutput(out ?? "Projects/" + name, default: name) { path in
          try AtomicFileWriter.write(Data(text.utf8), to: path)
          try StandardOutput.print("wrote \(path)")
        }
      }
    }
  }
}
