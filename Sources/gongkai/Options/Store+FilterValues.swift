import GongkaiCore
import GongkaiStore

extension Store {
  /// Refuses a `--project` or `--unit` value the register does not hold, before anything is read or written: a
  /// filter that matches nothing would let a mistyped cron line report all clear for ever, and an export replace
  /// its file with an empty one. One lookup per value; the register itself is not read.
  func requireKnown(projects: [ProjectCode], units: [String] = []) async throws {
    for code in projects {
      guard try await project(code: code) == nil else { continue }
      throw CommandFailure(status: .dataError, message:
        "--project '\(code)' is not a registered project; `gongkai project list` shows the registered codes")
    }
    for unit in units {
      guard try await !isResponsibleUnit(unit) else { continue }
      throw CommandFailure(status: .dataError, message:
        "--unit '\(unit)' is the responsible unit of no project or milestone; \(try await unitHint())")
    }
  }

  /// The units the register names when they are few enough for one line (a district's dozen), else where to see them.
  private func unitHint() async throws -> String {
    let shown = 12
    let units = try await responsibleUnits(limit: shown + 1)
    if units.isEmpty { return "the register holds no projects yet" }
    guard units.count <= shown else { return "`gongkai project list` and `gongkai report` show the units" }
    return "use one of " + units.joined(separator: ", ")
  }
}
