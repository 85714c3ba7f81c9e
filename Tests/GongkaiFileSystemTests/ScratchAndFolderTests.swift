import Foundation
@testable import GongkaiFileSystem
import Testing
import TestSupport

/// The two file helpers that keep large exports and imports in bounded memory.
@Suite struct ScratchAndFolderTests {
  @Test(arguments: [0, 1, 1 << 20, (1 << 20) + 1, 3 * (1 << 20) + 17])
  func aScratchFileGivesBackEveryByteInOrder(size: Int) throws {
    let file = ScratchFile(in: Scratch.folder().path)
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

  /// What fits in its buffer is kept in memory and read back from there; the file is made in its folder at the first
  /// write beyond, and a folder that cannot hold one is named with the fix then.
  @Test func aScratchFileNeedsItsFolderOnlyOnceItOutgrowsItsBuffer() throws {
    let missing = Scratch.folder().appendingPathComponent("gone").path
    let file = ScratchFile(in: missing)
    try file.append(Array("索引行".utf8))
    var readBack: [UInt8] = []
    try file.forEachChunk { readBack += $0 }
    #expect(readBack == Array("索引行".utf8))
    #expect(throws: FileSystemError.cannotCreate(missing, "cannot create a temporary file: No such file or directory; choose a writable folder")) {
      try file.append([UInt8](repeating: 1, count: 1 << 19))
    }
  }

  @Test func aScratchFileLeavesNothingInItsFolder() throws {
    let folder = Scratch.folder()
    let file = ScratchFile(in: folder.path)
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

  /// An interrupted export's folder goes name by name, each one told, so that the watchdog that ends a removal that
  /// blocks does not end one of many pages; what a link points at stays.
  @Test func aHeldFolderIsRemovedWholeNameByName() throws {
    let scratch = Scratch.folder().path
    let folder = scratch + "/notices"
    let outside = scratch + "/outside.html"
    try FileManager.default.createDirectory(atPath: folder + "/assets/css", withIntermediateDirectories: true)
    for number in 0..<300 { #expect(FileManager.default.createFile(atPath: folder + "/\(number).html", contents: Data("页".utf8))) }
    #expect(FileManager.default.createFile(atPath: folder + "/assets/css/site.css", contents: Data()))
    #expect(FileManager.default.createFile(atPath: outside, contents: Data("留".utf8)))
    try FileManager.default.createSymbolicLink(atPath: folder + "/link.html", withDestinationPath: outside)
    var told = 0
    TemporaryFile.removeFolder(folder) { told += 1 }
    #expect(!FileManager.default.fileExists(atPath: folder))
    #expect(told == 300 + 3 + 1)  // the pages, assets, css and site.css, the link
    #expect(FileManager.default.contents(atPath: outside) == Data("留".utf8))
    // A link put in the folder's place goes, and the folder it points to keeps what it holds.
    let elsewhere = scratch + "/elsewhere"
    try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
    #expect(FileManager.default.createFile(atPath: elsewhere + "/kept.html", contents: Data()))
    try FileManager.default.createSymbolicLink(atPath: folder, withDestinationPath: elsewhere)
    TemporaryFile.removeFolder(folder) {}
    #expect(!FileManager.default.fileExists(atPath: folder))
    #expect(FileManager.default.fileExists(atPath: elsewhere + "/kept.html"))
  }
}
