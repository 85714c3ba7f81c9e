import GongkaiCore
import GongkaiStore

extension Store {
  /// Refuses a `--project` or `--unit` value the register does not hold, before anything is read or written: a
  /// filter that matches nothing would let a mistyped cron line report all clear for ever, and an export replace
  /// its file with an empty one. A project withdrawn as registered by mistake matches nothing either, unless the
  /// command reads withdrawn ones (`withdrawnToo`: the audit CSV's rows). One lookup per value; the register itself
  /// is not read. `named`: what the messages call a unit's value, where it is not `--unit`.
  func requireKnown(projects: [ProjectCode], units: [String] = [], withdrawnToo: Bool = false, named: String = "--unit") async throws {
    for code in projects {
      guard let project = try await project(code: code) else {
        let missing = try await unregistered(code)
        guard case .unknownProject(_, let meant) = missing else {
          throw CommandFailure(status: .dataError, message: "--project '\(code)': \(missing)")
        }
        // A cron line with a code one character off would otherwise be fixed by reading the whole project list.
        let hint = meant.isEmpty ? "" : " \(StoreError.didYouMean(meant))"
        throw CommandFailure(status: .dataError, message:
          "--project '\(code)' is not a registered project;\(hint) `gongkai project list` shows the registered codes")
      }
      if let reason = project.withdrawnReason, !withdrawnToo {
        throw CommandFailure(status: .dataError, message: """
          --project '\(code)': the project was withdrawn as registered by mistake (\(Terminal.field(reason))), so nothing \
          of it is checked or published (a full `gongkai export notices` takes its page down); `gongkai history \(code)` \
          shows it, the audit CSV its rows, and `gongkai project reinstate \(code) --reason … --yes` puts it back if the \
          withdrawal was the mistake
          """)
      }
    }
    for unit in units {
      guard try await !isResponsibleUnit(unit, withdrawnToo: withdrawnToo) else { continue }
      // A cron line filtered on the unit of a project withdrawn since fails every day: say why, not "no such unit".
      if !withdrawnToo, try await isResponsibleUnit(unit, withdrawnToo: true) {
        throw CommandFailure(status: .dataError, message: """
          \(named) '\(unit)' is the responsible unit only of projects or milestones withdrawn as recorded by mistake, so \
          nothing of it is checked or published; `gongkai project list --withdrawn` shows the withdrawn projects, and \
          the audit CSV keeps their rows (`gongkai export audit-csv --unit …`)
          """)
      }
      // The quotes an input method types stay part of the argument; the unit inside them is what was meant.
      if let (open, close) = RegisterText.wrappingQuotes(of: unit),
        case let inner = String(unit.dropFirst().dropLast()), try await isResponsibleUnit(inner, withdrawnToo: withdrawnToo)
      {
        throw CommandFailure(status: .dataError, message: "\(named) \(keptQuotes(unit, open, close, quoted: inner))")
      }
      let meant = try await unitsMeant(by: unit)
      throw CommandFailure(status: .dataError, message: """
        \(named) '\(unit)' is the responsible unit of no project or milestone; \
        \(meant.isEmpty ? try await unitHint() : StoreError.didYouMean(meant.map { "'\($0)'" }))
        """)
    }
  }

  /// The units the register names when they are few enough for one line (a district's dozen), else where to see them.
  private func unitHint() async throws -> String {
    let shown = 12
    let units = try await responsibleUnits(limit: shown + 1)
    if units.isEmpty { return "the register holds no projects yet" }
    guard units.count <= shown else { return "`gongkai project list` and `gongkai report` show the units" }
    // A unit with a space or a comma in it is quoted, as the list would not say where it ends.
    return "use one of " + units.map { $0.contains { $0.isWhitespace || $0 == "," || $0 == "，" } ? "'\($0)'" : $0 }.joined(separator: ", ")
  }
}
