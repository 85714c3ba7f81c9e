import Foundation
import Testing

/// The fuzzing harnesses' checks, on the inputs they start from. CI's fuzzing finds what a minute of mutation
/// reaches; these inputs are reached every run, so a harness whose checks no longer hold of the product (a deadline
/// by the trigger day is that day, not after it) fails here, not by chance in CI.
@Suite struct FuzzReplayTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

  /// The files of `folder` (relative to the repository) whose names end in `suffix`.
  static func files(_ folder: String, ending suffix: String) throws -> [String] {
    let url = repository.appendingPathComponent(folder)
    return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { $0.hasSuffix(suffix) }.sorted()
      .map { url.appendingPathComponent($0).path }
  }

  /// The seeds .ci/fuzz gives `harness`.
  static func seeds(of harness: String) throws -> [String] {
    switch harness {
    case "FuzzProjectFile":
      try files("Projects", ending: ".yaml") + files("Tests/Corpus/files", ending: ".yaml")
        + files("Sources/GongkaiReference/Resources/calendar", ending: ".yaml")
    case "FuzzSpreadsheet": try files("Tests/Corpus/files", ending: ".csv")
    default: try files("Tests/Corpus/values", ending: "") + files("Tests/Corpus/files", ending: ".yaml")
    }
  }

  /// The harness counts deadlines only from a date written exactly `YYYY-MM-DD`: a seed saved with a line end, as
  /// editors add one, would leave that code unreplayed.
  @Test func someValueSeedsAreExactDates() throws {
    let exact = try Self.files("Tests/Corpus/values", ending: "").filter { path in
      let text = try String(contentsOfFile: path, encoding: .utf8)
      return text.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil
    }
    #expect(exact.count >= 3, "\(exact)")
  }

  @Test(arguments: ["FuzzProjectFile", "FuzzSpreadsheet", "FuzzDates"])
  func everyHarnessHoldsOnItsSeeds(_ harness: String) throws {
    let files = try Self.seeds(of: harness)
    #expect(files.count > 5, "\(harness) has seeds")
    let process = Process()
    process.executableURL = try builtExecutable(harness)
    process.arguments = files
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0 && process.terminationReason == .exit, "\(harness): \(message.prefix(2000))")
  }
}
