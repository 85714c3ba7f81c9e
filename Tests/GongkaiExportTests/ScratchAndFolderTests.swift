import Foundation
import GongkaiExport
import GongkaiFileSystem
import Testing
import TestSupport

/// The two file helpers that keep large exports and imports in bounded memory.
@Suite struct ScratchAndFolderTests {
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

  @Test(arguments: [0, 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 17])
  func aScratchFileGivesBackEveryByteInOrder(size: Int) throws {
    let file = try ScratchFile(in: Scratch.folder().path)
    let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    // Appended in uneven pieces, some larger than the file's own buffer.
    var start = 0
    for step in [1, 4_095, 300_000, 1 << 20] where start < size {
      let end = min(size, start + step)
      try bytes[start..<end].withUnsafeBytes { try file.append($0) }
      start = end
    }
    if start < size { try file.append(Array(bytes[start...])) }
    var readBack: [UInt8] = []
    try file.forEachChunk { readBack += $0 }
    #expect(readBack == bytes)
  }

  @Test func aScratchFileLeavesNothingInItsFolder() throws {
    let folder = Scratch.folder()
    let file = try ScratchFile(in: folder.path)
    try file.append(Array("索引行".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func aFolderIsListedWholeWithoutItsDotEntries() throws {
    let folder = Scratch.folder()
    for name in ["a.yaml", ".b.html.123.tmp", "项目.yml", "notes.txt"] {
      #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil))
    }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: false)
    var names: [String] = []
    #expect(FolderListing.forEachName(in: folder.path) { names.append(String(decoding: $0, as: UTF8.self)) })
    #expect(names.sorted() == [".b.html.123.tmp", "a.yaml", "notes.txt", "sub", "项目.yml"])
    var yaml: [String] = []
    FolderListing.forEachName(in: folder.path) { name in
      if FolderListing.name(name, endsWith: ".yaml") || FolderListing.name(name, endsWith: ".yml") {
        yaml.append(String(decoding: name, as: UTF8.self))
      }
    }
    #expect(yaml.sorted() == ["a.yaml", "项目.yml"])
    #expect(!FolderListing.forEachName(in: folder.appendingPathComponent("missing").path) { _ in })
  }
}

/// The folder an output path names, as `dirname` gives it, for every short and odd path a user can type.
@Suite struct FilePathTests {
  @Test(arguments: [
    ("x", "."), ("x/", "."), ("q/z.csv", "q"), ("/a", "/"), ("/", "/"), ("a//b", "a"), ("a/b/", "a"),
    ("./x", "."), ("../y/z", "../y"), ("/srv/gongkai/audit.csv", "/srv/gongkai"),
  ] as [(String, String)])
  func theParentIsWhatDirnameGives(path: String, parent: String) {
    #expect(FilePath.parent(of: path) == parent)
  }
}

@Suite struct AtomicFileWriterTests {
  /// A killed export's temporary file is removed by the next export into the folder; a hidden file of another
  /// program that merely looks alike (the folder may be a portal's) is not, nor a running export's.
  @Test func onlyTemporaryFilesOfEndedExportsAreRemoved() throws {
    let folder = Scratch.folder()
    let ended = try endedProcessID()
    let names = [".audit.csv.\(ended).\(UUID().uuidString).tmp", ".a.html.\(ended).\(UUID().uuidString).tmp",
                 ".audit.csv.\(ended).draft.tmp", ".notes.\(ended).draft.tmp", ".audit.csv.\(getpid()).\(UUID().uuidString).tmp"]
    for name in names {
      #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data("x".utf8)))
    }
    // A file's export removes its own name's; a folder's, every name's
    try AtomicFileWriter.write(Data("new".utf8), to: folder.appendingPathComponent("audit.csv").path)
    var left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == (["audit.csv"] + names.dropFirst()).sorted())
    try AtomicFolderWriter(folder: folder.path).commit()
    left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(left == (["audit.csv"] + names.dropFirst(2)).sorted())
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
