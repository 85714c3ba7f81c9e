import Foundation
import GongkaiCore
import GongkaiStore

/// A project with its milestones, as ``GongkaiStore/Store/forEachProject(matching:_:)`` hands them: what the exports
/// written project by project send to their writing thread.
struct ProjectRows: Sendable {
  let project: Project
  let milestones: [StoredMilestone]
}

/// Writes each project of a JSON export as an element of its `projects` array, on ``WriteBehind``'s thread while the
/// store reads on; `element` makes the project's value, given the codes corrected away from it.
struct ProjectJSONSink: RowSink {
  typealias Element = ProjectRows
  typealias MakeElement = @Sendable (ProjectRows, _ recodes: [LoggedRecode]?, _ result: inout ExportResult) throws -> any Encodable

  let file: AtomicFileWriter
  let encoder: JSONEncoder
  let recodes: [ProjectCode: [LoggedRecode]]
  let element: MakeElement
  private(set) var result = ExportResult()
  private var written = 0

  init(file: AtomicFileWriter, encoder: JSONEncoder, recodes: [ProjectCode: [LoggedRecode]], element: @escaping MakeElement) {
    self.file = file
    self.encoder = encoder
    self.recodes = recodes
    self.element = element
  }

  mutating func write(_ rows: ProjectRows) throws {
    let value = try element(rows, recodes[rows.project.code], &result)
    try file.write((written == 0 ? "" : ",\n") + String(decoding: try encoder.encode(value), as: UTF8.self))
    written += 1
  }
}
