import Foundation
import GongkaiExport
import GongkaiFileSystem
import Testing
import TestSupport

@Suite struct AtomicFileWriterTests {
  @Test func aFinishedFileTakesNoMoreWrites() throws {
    let path = Scratch.folder().appendingPathComponent("audit.csv").path
    let writer = try AtomicFileWriter(path: path)
    try writer.write("项目代码\r\n")
    try writer.commit()
    // Its descriptor is closed, and the number may by now be another open file's: nothing may reach it.
    #expect(throws: ExportError.io("cannot write \(path): the file was already finished")) {
      try writer.write(Data(count: 1 << 16))
    }
    #expect(throws: ExportError.io("cannot write \(path): the file was already finished")) { try writer.commit() }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "项目代码\r\n")
  }

  /// A killed export's temporary file is removed by the next export into the folder; a hidden file of another
  /// program that merely looks alike (the folder may be a portal's) is not, nor a running export's (the test's parent
  /// process stands for one). One of this process's own number is a killed one's that had the number before (a
  /// container's process 1 has it every run) once it is an hour old, and removed; a newer one may be another
  /// container's process 1, writing into a shared folder, and is kept.
  @Test func onlyTemporaryFilesOfEndedExportsAreRemoved() throws {
    let folder = Scratch.folder()
    let ended = try endedProcessID()
    let names = [".audit.csv.\(ended).\(UUID().uuidString).tmp", ".audit.csv.\(getpid()).\(UUID().uuidString).tmp",
                 ".a.html.\(ended).\(UUID().uuidString).tmp", ".audit.csv.\(ended).draft.tmp", ".notes.\(ended).draft.tmp",
                 ".audit.csv.\(getppid()).\(UUID().uuidString).tmp", ".audit.csv.\(getpid()).\(UUID().uuidString).tmp"]
    for name in names {
      #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data("x".utf8)))
    }
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)],
                                          ofItemAtPath: folder.appendingPathComponent(names[1]).path)
    // A file's export removes its own name's; a folder's, every name's
    try AtomicFileWriter.write(Data("new".utf8), to: folder.appendingPathComponent("audit.csv").path)
    var left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == (["audit.csv"] + names.dropFirst(2)).sorted())
    try AtomicFolderWriter(folder: folder.path).commit()
    left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == (["audit.csv"] + names.dropFirst(3)).sorted())
  }

  /// A name of 255 bytes, the most a file system allows, can be written: the temporary name beside it is cut to fit.
  @Test func theLongestFileNameCanBeWritten() throws {
    let folder = Scratch.folder()
    let name = String(repeating: "审", count: 83) + ".csv"  // 253 bytes
    let path = folder.appendingPathComponent(name).path
    try AtomicFileWriter.write(Data("a".utf8), to: path)
    #expect(FileManager.default.contents(atPath: path) == Data("a".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
  }
}
