import Foundation
import GongkaiCore
import GongkaiExport
import GongkaiFiles
import GongkaiSynthetic

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
    CSVWriter.append(["project", "kind", "formed", "ref", "summary", "unit", "published", "channel", "url", "until"], to: &buffer)
    var counts = (projects: 0, rows: 0)
    for document in register {
      let name = "\(document.project.code).yaml"
      if projectFiles {
        try ProjectFile.render(document).write(toFile: "\(projects)/\(name)", atomically: false, encoding: .utf8)
        try ProjectFile.render(ProjectDocument(project: document.project, milestones: []))
          .write(toFile: "\(registry)/\(name)", atomically: false, encoding: .utf8)
      }
      for entry in document.milestones where entry.withdrawnReason == nil {
        let disclosure = entry.disclosures.first
        CSVWriter.append([
          document.project.code.rawValue, entry.kind, entry.formedOn.description, entry.reference ?? "", entry.summary ?? "",
          entry.responsibleUnit ?? "", disclosure?.publishedOn.description ?? "", disclosure?.channel ?? "",
          disclosure?.url ?? "", disclosure?.until?.description ?? "",
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
    return counts
  }
}
