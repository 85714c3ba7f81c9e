import Foundation
import Testing
import TestSupport

/// The corpus of hostile and broken input in `Tests/Corpus` (cases.jsonl, with the files beside it): every case
/// gets its documented exit status, clear lines on standard error naming the problem, no crash or stack trace,
/// and leaves the database byte for byte as it was.
@Suite struct HostileInputTests {
  struct Case: Decodable, CustomTestStringConvertible, Sendable {
    let name: String
    let status: Int32
    let stderr: String
    let args: [String]
    let env: [String: String]?
    let shell: String?
    let lines: Int?
    let tamper: String?
    var testDescription: String { name }
  }

  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Corpus").standardized

  static let cases: [Case] = {
    let text = (try? String(contentsOf: corpus.appendingPathComponent("cases.jsonl"), encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Case.self, from: Data($0.utf8)) }
  }()

  /// The sample register every case starts from, made once.
  static let template: String = {
    let database = Scratch.folder().appendingPathComponent("template.sqlite").path
    let projects = corpus.appendingPathComponent("../../Projects").standardized.path
    _ = try? runGongkai(["demo", "--projects", projects, "--database", database])
    return database
  }()

  /// Files too large to keep in the repository, made when a case needs them.
  static func generated(_ name: String, in folder: URL) throws -> String {
    let url = folder.appendingPathComponent(name)
    let huge = Data(repeating: UInt8(ascii: "x"), count: 100 << 20)
    switch name {
    case "huge-line.yaml":
      try (Data("code: 2024-310110-48-01-000046\nname: ".utf8) + huge + Data("\n".utf8)).write(to: url)
    case "huge-cell.csv":
      try (Data("project,kind,formed,summary\n2024-310110-48-01-000046,bidding.result,2026-01-05,".utf8) + huge + Data("\n".utf8)).write(to: url)
    default:
      Issue.record("no generator for \(name)")
    }
    return url.path
  }

  /// A path in another encoding (GBK bytes on a Linux disk) would be read as U+FFFD and a file of another name looked
  /// for or created: refused first, naming the argument, and nothing is created.
  @Test func argumentsThatAreNotUTF8AreRefusedBeforeAnythingIsWritten() throws {
    let folder = Scratch.folder()
    let result = try runShell("cd \(folder.path) && \(try builtBinary().path) init --database $'\\xd6\\xd0.sqlite'", environment: [:])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("gongkai: argument 3, '\u{FFFD}\u{FFFD}.sqlite', is not UTF-8"), "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func theCorpusHasAtLeastSixtyCasesAndEveryLineIsOne() throws {
    let lines = try String(contentsOf: Self.corpus.appendingPathComponent("cases.jsonl"), encoding: .utf8).split(separator: "\n")
    #expect(Self.cases.count == lines.count, "a line of cases.jsonl is not a case: it would never run")
    #expect(Self.cases.count >= 60)
    #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
  }

  @Test(arguments: cases)
  func hostileInputIsRefusedCleanly(_ hostile: Case) throws {
    let folder = Scratch.folder()
    let database = folder.appendingPathComponent("register.sqlite").path
    try FileManager.default.copyItem(atPath: Self.template, toPath: database)
    if let tamper = hostile.tamper {
      let sqlite = Process()
      sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      sqlite.arguments = ["sqlite3", database, tamper]
      try sqlite.run()
      sqlite.waitUntilExit()
    }
    let before = [database, database + "-wal"].map { FileManager.default.contents(atPath: $0) }
    var arguments: [String] = []
    for argument in hostile.args {
      if argument == "@db" {
        arguments.append(database)
      } else if argument == "@tmp" || argument.hasPrefix("@tmp/") {
        arguments.append(folder.path + argument.dropFirst(4))
      } else if argument == "@corpus" {
        arguments.append(Self.corpus.appendingPathComponent("files").path)
      } else if argument.hasPrefix("@corpus/") {
        arguments.append(Self.corpus.appendingPathComponent("files").appendingPathComponent(String(argument.dropFirst(8))).path)
      } else if argument.hasPrefix("@generated/") {
        arguments.append(try Self.generated(String(argument.dropFirst(11)), in: folder))
      } else {
        arguments.append(argument)
      }
    }
    let result: CommandResult
    if let shell = hostile.shell {
      result = try runShell(shell, environment: ["GONGKAI": try builtBinary().path, "DB": database])
    } else {
      result = try runGongkai(arguments, environment: hostile.env ?? [:])
    }
    #expect(result.status == hostile.status, "\(result.stderr)")
    #expect(result.stderrLines.count == (hostile.lines ?? 1), "\(result.stderr)")
    #expect(result.stderr.hasPrefix("gongkai: "), "\(result.stderr)")
    #expect(result.stderr.contains(hostile.stderr), "\(result.stderr)")
    for crash in ["Fatal error", "Stack dump", "backtrace", "Segmentation", "panic"] {
      #expect(!result.stderr.contains(crash))
    }
    #expect([database, database + "-wal"].map { FileManager.default.contents(atPath: $0) } == before, "the database changed")
  }
}
