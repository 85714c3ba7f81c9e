import Foundation
import GongkaiCore
import GongkaiFiles
import Testing
import TestSupport

/// The files an import reads: a folder's in the byte order of their names, whatever order the folder lists them in,
/// and what it did not read named for the command to warn of.
@Suite struct ProjectFilesTests {
  let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Projects").standardized

  @Test func aFolderIsReadInNameOrderAndWhatWasNotReadIsNamed() throws {
    let folder = Scratch.folder()
    let names = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".yaml") }.sorted()
    // Copied under other names, in reverse: one named after another project, one in upper case, one in a subfolder.
    let copies = ["b.yaml", "a.yaml", "c.YAML", "sub/d.yaml"]
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
    for (name, copy) in zip(names.reversed(), copies) {
      try FileManager.default.copyItem(at: samples.appendingPathComponent(name), to: folder.appendingPathComponent(copy))
    }
    var files = try ProjectFiles([folder.path], catalogue: catalogue, today: today)
    #expect(files.expectedCount == 2)
    var codes: [String] = []
    while let document = try files.next() { codes.append(document.project.code.rawValue) }
    // a.yaml holds the second sample from the end, b.yaml the last.
    #expect(codes == [names[names.count - 2], names[names.count - 1]].map { String($0.dropLast(5)) })
    #expect(try files.itemName(at: 1) == "a.yaml")
    #expect(files.misnamed.count == 2)
    #expect(files.misnamed.examples.map(\.path) == ["a.yaml", "b.yaml"].map { folder.appendingPathComponent($0).path })
    #expect(files.otherExtensionFiles.first == [folder.appendingPathComponent("c.YAML").path])
    #expect(files.unreadSubfolders.first == [folder.appendingPathComponent("sub").path])
  }
}
