import Foundation
import GongkaiExport
import Testing
import TestSupport
@testable import gongkai

/// The folders an export makes for its output: gone again when it fails, kept when another export holds them.
@Suite struct OutputFolderTests {
  struct Refused: Error {}

  /// Two exports into a folder not made yet: the one that made it can lose the lock to the other, which writes into it
  /// a moment later. Removing the folder, still empty, as a failed export does, would make the other fail too.
  @Test func aFolderAnotherExportHoldsIsKeptByTheExportRefused() async throws {
    let folder = Scratch.folder().appendingPathComponent("notices").path
    await #expect(throws: ExportError.self) {
      try await writingFolder(folder, default: "notices") { _, isNew in
        #expect(isNew)
        throw ExportError.busy("another gongkai export is writing to \(folder)")
      }
    }
    #expect(FileManager.default.fileExists(atPath: folder))
  }

  /// Whether the export made its folder decides what an interrupted export removes: the whole folder it made, or
  /// nothing of one that held a portal's pages already.
  @Test func anExportIsToldWhetherItMadeItsFolder() async throws {
    let existing = Scratch.folder().path
    let made = try await writingFolder(existing + "/", default: "notices") { _, isNew in isNew }
    #expect(!made)
    let nested = existing + "/site/notices"
    #expect(try await writingFolder(nested, default: "notices") { folder, isNew in folder == nested && isNew })
  }

  @Test func aFolderAFailedExportMadeIsRemoved() async throws {
    let folder = Scratch.folder().appendingPathComponent("reports/2026").path
    await #expect(throws: Refused.self) {
      try await writingOutput(folder + "/audit.csv", default: "audit.csv") { _ in throw Refused() }
    }
    #expect(!FileManager.default.fileExists(atPath: folder))
    #expect(!FileManager.default.fileExists(atPath: (folder as NSString).deletingLastPathComponent))
  }
}
