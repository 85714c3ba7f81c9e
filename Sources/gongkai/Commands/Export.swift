import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiFiles
import GongkaiStore

extension Gongkai {
  struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write what the register holds to files.",
      subcommands: [ProjectFileExport.self])
  }
}

extension Gongkai.Export {
  struct ProjectFileExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "project",
      abstract: "Write a project back to its project file; importing it again changes nothing.",
      discussion: "Writes Projects/<code>.yaml by default (the comments of a hand-written file are not kept); --out - writes to standard output.")

    @Argument(help: ArgumentHelp("The project code.", valueName: "code"), transform: ProjectCode.argument) var code: ProjectCode
    @Option(help: ArgumentHelp("The file to write, or - for standard output.", valueName: "file")) var out: String?
    @OptionGroup var store: StoreOptions

    func run() async throws {
      guard let document = try await store.open().document(of: code) else { throw StoreError.unknownProject(code.rawValue) }
      let text = try ProjectFile.render(document)
      let path = out ?? "Projects/\(code.rawValue).yaml"
      if path == "-" {
        try StandardOutput.print(text, terminator: "")
      } else {
        try AtomicFile.write(Data(text.utf8), to: path)
        try StandardOutput.print("wrote \(path)")
      }
    }
  }
}

/// Writes a file whole or not at all: into a temporary file beside it, then renamed over it, so a crash or a
/// full disk never leaves half a file where a reader expects a whole one.
enum AtomicFile {
  static func write(_ data: Data, to path: String) throws {
    let target = URL(fileURLWithPath: path)
    let folder = target.deletingLastPathComponent()
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw CommandFailure(status: .cannotCreate, message: "cannot write \(path): folder \(folder.path) does not exist")
    }
    var targetIsFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &targetIsFolder) {
      let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
      guard !targetIsFolder.boolValue, type == .typeRegular else {
        throw CommandFailure(status: .cannotCreate, message: "cannot write \(path): it exists and is not a regular file; name a file")
      }
    }
    let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
      throw CommandFailure(status: .cannotCreate, message: "cannot write \(path): the folder is not writable")
    }
    guard rename(temporary.path, target.path) == 0 else {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw CommandFailure(status: .cannotCreate, message: "cannot write \(path): \(reason)")
    }
  }
}
