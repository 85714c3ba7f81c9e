import Foundation
import GongkaiCore
import GongkaiCSV
import GongkaiExport
import GongkaiFiles
import GongkaiSynthetic
import Synchronization

/// A synthetic register written as the files staff import, for timing `gongkai import` (with `projectFiles`
/// false, only the spreadsheet):
/// - `projects/<code>.yaml`: whole project files (`gongkai import projects`);
/// - `registry/<code>.yaml`: the same projects without milestones, to register before a spreadsheet;
/// - `milestones.csv`: every milestone that a spreadsheet can carry (withdrawn ones cannot), one row each.
enum SyntheticFiles {
  static func write(_ register: SyntheticRegister, to folder: String, projectFiles: Bool) throws -> (projects: Int, rows: Int) {
    let projects = (folder as NSString).appendingPathComponent("projects")
    let registry = (folder as NSString).appendingPathComponent("registry")
    for path in [projects, registry] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    let csv = (folder as NSString).appendingPathComponent("milestones.csv")
    guard FileManager.default.createFile(atPath: csv, contents: nil) else { throw CocoaError(.fileWriteNoPermission) }
    let sheet = try FileHandle(forWritingTo: URL(fileURLWithPath: csv))
    defer { try? sheet.close() }
    var buffer: [UInt8] = []
    buffer.append(contentsOf: CSVWriter.header(["project", "kind", "formed", "ref", "summary", "unit", "published", "channel", "url", "until"],
                                               byteOrderMark: false).utf8)
    var counts = (projects: 0, rows: 0)
    var batch: [ProjectDocument] = []
    for document in register {
      if projectFiles { batch.append(document) }
      if batch.count == 512 {
        try writeProjectFiles(of: batch, to: projects, registry: registry)
        batch.removeAll(keepingCapacity: true)
      }
      for entry in document.milestones where entry.withdrawnReason == nil {
        let disclosure = entry.disclosures.first
        CSVWriter.append([
          .value(document.project.code.rawValue), .value(entry.kind), .value(entry.formedOn.description), .text(entry.reference ?? ""),
          .text(entry.summary ?? ""), .text(entry.responsibleUnit ?? ""), .value(disclosure?.publishedOn.description ?? ""),
          .text(disclosure?.channel ?? ""), .value(disclosure?.url ?? ""), .value(disclosure?.until?.description ?? ""),
        ], to: &buffer)
        counts.rows += 1
      }
      counts.projects += 1
      if buffer.count > 1 << 20 {
        try sheet.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
      }
    }
    try sheet.write(contentsOf: buffer)
    try writeProjectFiles(of: batch, to: projects, registry: registry)
    return counts
  }

  /// Writes the documents' files on every core: Yams takes about 3 ms a file, most of an hour at a million.
  private static func writeProjectFiles(of documents: [ProjectDocument], to projects: String, registry: String) throws {
    let failure = Mutex<(any Error)?>(nil)
    DispatchQueue.concurrentPerform(iterations: documents.count) { index in
      let document = documents[index]
      let name = "\(document.project.code).yaml"
      do {
        try ProjectFile.render(document).write(toFile: "\(projects)/\(name)", atomically: false, encoding: .utf8)
        try ProjectFile.render(ProjectDocument(project: document.project, milestones: []))
          .write(toFile: "\(registry)/\(name)", atomically: false, encoding: .utf8)
      } catch {
        failure.withLock { $0 = $0 ?? error }
      }
    }
    if let error = failure.withLock({ $0 }) { throw error }
  }
}
