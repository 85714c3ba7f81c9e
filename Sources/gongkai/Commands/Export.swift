import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiExport
import GongkaiFiles
import GongkaiReference
import GongkaiStore

extension Gongkai {
  struct Export: CommandGroupRun {
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
      discussion: """
        Writes Projects/<code>.yaml by default; --out - writes to standard output. A file it would write over that \
        holds comments of staff, which the register does not keep, is left as it is (73) unless --replace is given. The project's rows are first checked against their last change-log rows: a register edited \
        beside its log is refused (65), since the file, imported, would make the edit look recorded.
        """)

    @Argument(help: ArgumentHelp("The project code.", valueName: "code"), transform: ProjectCode.argument) var code: ProjectCode
    @Option(help: ArgumentHelp("The file to write (its folder is created if missing), or - for standard output.", valueName: "file")) var out: String?
    @Flag(help: "Write over a file that holds comments, which are lost.") var replace = false
    @OptionGroup var store: StoreOptions
    @OptionGroup var verification: VerificationOptions

    func run() async throws {
      if verification.skipVerification {
        Terminal.warning("--no-verify: the register was not checked against its change log; a file written from rows "
          + "edited beside it, imported, would make the edit look recorded")
      }
      let register = try store.open()
      guard let document = try await register.document(of: code, verifying: !verification.skipVerification) else {
        throw try await register.unregistered(code)
      }
      let text = try ProjectFile.render(document)
      if out == "-" {
        try StandardOutput.print(text, terminator: "")
      } else {
        let name = "\(code.rawValue).yaml"
        try await writingOutput(out ?? "Projects/" + name, default: name) { path in
          if !replace { try requireNoComments(in: path) }
          try AtomicFileWriter.write(Data(text.utf8), to: path)
          try StandardOutput.confirm("wrote \(Terminal.field(path))", wroteFile: path)
          if let reason = document.project.withdrawnReason {
            Terminal.warning("""
              project \(code) was withdrawn as registered by mistake (\(Terminal.field(reason))): the file holds its milestones as \
              they stood before, to import into the register it belongs to (a wrong code of this register is corrected with \
              `gongkai project recode`, after `gongkai project reinstate`)
              """)
          }
        }
      }
    }

    /// Refuses to write over a file holding staff's comments: the register keeps none of them, and a file kept under
    /// version control may have them uncommitted.
    private func requireNoComments(in path: String) throws {
      guard (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType == .typeRegular,
        let handle = FileHandle(forReadingAtPath: path)
      else { return }
      defer { try? handle.close() }
      let text = String(decoding: (try? handle.read(upToCount: YAMLValue.maximumFileSize)) ?? Data(), as: UTF8.self)
      let comments = ProjectFile.commentLines(in: text)
      guard comments > 0 else { return }
      throw CommandFailure(status: .cannotCreate, message: """
        \(Terminal.field(path)) holds \(counted(comments, "line")) of comments, which the register does not keep and \
        writing over it would lose; give --replace to write over it (keep the comments elsewhere first), or --out another file
        """)
    }
  }
}
