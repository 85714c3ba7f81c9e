import Testing
@testable import gongkai
// Swift Testing has an `ExitStatus` of its own; the scoped import makes this one win.
@testable import enum gongkai.ExitStatus

/// The one mapping from errors to exit statuses, for what no command line can provoke today.
@Suite struct ExitStatusTests {
  /// An error of a type the mapping does not know, as a new dependency or a new error enum would bring.
  struct Unforeseen: Error {}

  @Test func anErrorOfAnUnknownTypeIsAnInternalErrorAndNeverFindings() {
    let report = ErrorReport(Unforeseen())
    #expect(report.status == .internalError)
    #expect(report.lines.count == 1)
  }

  /// (`--help` parses into a help command that throws only when run; the end-to-end tests run it.)
  @Test(arguments: [
    (["--version"], ExitStatus.success), (["check", "--warn-days", "x"], .usage), (["check", "--warn-days", "99999"], .usage),
  ])
  func argumentParsersOwnErrorsKeepTheirStatuses(arguments: [String], status: ExitStatus) {
    let error = #expect(throws: (any Error).self) { try Gongkai.parseAsRoot(arguments) }
    #expect(error.map { ErrorReport($0).status } == status)
  }
}
