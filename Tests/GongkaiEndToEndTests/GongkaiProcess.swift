import Foundation
import Testing
import TestSupport

/// What a run of the `gongkai` binary printed and returned.
struct CommandResult {
  let status: Int32
  let stdout: String
  let stderr: String

  var stdoutLines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
  var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

/// Runs the built `gongkai` binary the way a user's shell does, in a host zone other than Asia/Shanghai so
/// that "today" cannot leak from the machine, and with no calendar folder unless one is given (`HOME` is an empty
/// folder, and `GONGKAI_CALENDAR_DIR` is not set).
func gongkai(
  _ arguments: String..., in directory: URL? = nil, environment extra: [String: String] = [:], stdin: Data? = nil
) throws -> CommandResult {
  try runGongkai(arguments, in: directory, environment: extra, stdin: stdin)
}

/// `fileSizeLimit` (KiB) makes a write past it fail with EFBIG, as a write to a full disk fails with ENOSPC, without
/// the privileges a small file system needs: bash sets the limit and ignores SIGXFSZ, which would otherwise kill
/// the process, and the binary inherits both.
func runGongkai(
  _ arguments: [String], in directory: URL? = nil, environment extra: [String: String] = [:], stdin: Data? = nil,
  fileSizeLimit: Int? = nil
) throws -> CommandResult {
  let process = Process()
  if let fileSizeLimit {
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", "trap '' XFSZ; ulimit -f \(fileSizeLimit); exec \"$0\" \"$@\"", try builtBinary().path] + arguments
  } else {
    process.executableURL = try builtBinary()
    process.arguments = arguments
  }
  process.currentDirectoryURL = directory ?? FileManager.default.temporaryDirectory
  var environment = [
    "TZ": "America/New_York", "COLUMNS": "100", "LANG": "C.UTF-8", "HOME": Scratch.folder().path,
    "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
  ]
  environment.merge(extra) { $1 }
  process.environment = environment
  let output = Pipe(), errors = Pipe(), input = Pipe()
  process.standardOutput = output
  process.standardError = errors
  process.standardInput = input
  try process.run()
  if let stdin { input.fileHandleForWriting.write(stdin) }
  try input.fileHandleForWriting.close()
  // Drain both pipes before waiting, so a large output cannot block the child.
  let errorText = DataBox()
  let reader = DispatchGroup()
  let errorHandle = errors.fileHandleForReading
  DispatchQueue.global().async(group: reader) { errorText.data = errorHandle.readDataToEndOfFile() }
  let outData = output.fileHandleForReading.readDataToEndOfFile()
  reader.wait()
  process.waitUntilExit()
  return CommandResult(
    status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
    stderr: String(decoding: errorText.data, as: UTF8.self))
}

/// Runs a command line through bash, for arguments Swift strings cannot carry (bytes that are not UTF-8).
func runShell(_ command: String, environment: [String: String]) throws -> CommandResult {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/bash")
  process.arguments = ["-c", command]
  process.environment = environment.merging(["LANG": "C.UTF-8", "HOME": Scratch.folder().path, "PATH": "/usr/bin:/bin"]) { $1 }
  let output = Pipe(), errors = Pipe()
  process.standardOutput = output
  process.standardError = errors
  try process.run()
  let errorText = DataBox()
  let reader = DispatchGroup()
  let errorHandle = errors.fileHandleForReading
  DispatchQueue.global().async(group: reader) { errorText.data = errorHandle.readDataToEndOfFile() }
  let out = output.fileHandleForReading.readDataToEndOfFile()
  reader.wait()
  process.waitUntilExit()
  return CommandResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                       stderr: String(decoding: errorText.data, as: UTF8.self))
}

/// The `gongkai` executable next to the test bundle, or `$GONGKAI_BINARY`.
func builtBinary() throws -> URL {
  if let path = ProcessInfo.processInfo.environment["GONGKAI_BINARY"] { return URL(fileURLWithPath: path) }
  return try builtExecutable("gongkai")
}

/// An executable of the package (`gongkai`, a fuzzing harness) from the build the tests run in.
func builtExecutable(_ name: String) throws -> URL {
  let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  for candidate in [folder, folder.deletingLastPathComponent()] {
    let binary = candidate.appendingPathComponent(name)
    if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
  }
  throw BinaryNotFound(name: name, folder: folder.path)
}

struct BinaryNotFound: Error, CustomStringConvertible {
  let name: String
  let folder: String
  var description: String {
    "no built \(name) binary next to \(folder); run `swift build --build-tests`\(name == "gongkai" ? " or set GONGKAI_BINARY" : "")"
  }
}

/// The sample project files of the repository.
func projectsFolder() -> String {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Projects").standardized.path
}

/// A fresh folder with a database holding the sample projects.
func sampleRegister() throws -> (folder: URL, database: String) {
  let folder = Scratch.folder()
  let database = folder.appendingPathComponent("register.sqlite").path
  let result = try gongkai("demo", "--projects", projectsFolder(), "--database", database)
  #expect(result.status == 0, "\(result.stderr)")
  return (folder, database)
}

/// Writes `text` into a file in a fresh folder and returns its path.
func writeFile(_ name: String, _ text: String) throws -> String {
  let url = Scratch.folder().appendingPathComponent(name)
  try Data(text.utf8).write(to: url)
  return url.path
}

/// Holds what the standard-error reader thread read until the run is over.
private final class DataBox: @unchecked Sendable {
  var data = Data()
}

/// Runs `script` with python3 on the database at `path` (`sys.argv[1]`), as another program would edit it: to make
/// a register of an earlier or a newer gongkai, or another program's file.
func editWithPython(_ path: String, _ script: String) throws {
  let python = Process()
  python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  python.arguments = ["python3", "-c", script, path]
  try python.run()
  python.waitUntilExit()
  #expect(python.terminationStatus == 0, "python3 \(script)")
}

/// A schema an earlier release of gongkai left a register in.
enum EarlierSchema {
  /// Before the change log's hash chain (v4).
  case beforeChangeChain
  /// With the hash chain, before the register recorded its profile (v5).
  case beforeProfiles
  /// With the profile recorded, before withdrawn milestones' keys had an index, the register its organisation code, the log an index of its
  /// updates, the withdrawn publications one of their own and the units theirs (v16).
  case beforeWithdrawnMilestoneKeys
}

/// Rolls `database` back to `schema`, as that release left it: every later migration's marks undone, so that only
/// `gongkai init` may upgrade it.
func rollBack(_ database: String, to schema: EarlierSchema) throws {
  if schema == .beforeWithdrawnMilestoneKeys {
    return try editWithPython(database, """
      import sqlite3, sys
      c = sqlite3.connect(sys.argv[1])
      c.execute("DELETE FROM grdb_migrations WHERE identifier IN ('v17-withdrawn-milestone-keys', 'v18-register-organisation', "
                "'v19-updates', 'v20-withdrawn-publications', 'v21-units')")
      c.execute("DROP INDEX milestone_withdrawn_key")
      c.execute("DROP INDEX changeLog_updates")
      c.execute("DROP INDEX disclosure_withdrawn")
      c.execute("DROP INDEX project_by_unit")
      c.execute("DROP INDEX milestone_by_unit")
      c.execute("ALTER TABLE register DROP COLUMN organisation")
      c.commit()\n
      """)
  }
  let undone = (schema == .beforeChangeChain ? ["v4-change-chain"] : []) + [
    "v5-register-profile", "v6-amendment-reason", "v7-change-links", "v8-change-log-by-row", "v9-natural-key-by-reference",
    "v10-replaced-milestone-keys", "v11-links-moved", "v12-project-withdrawal", "v13-project-reinstatement",
    "v14-project-code-correction", "v15-milestone-reinstatement", "v16-disclosure-reinstatement", "v17-withdrawn-milestone-keys",
    "v18-register-organisation", "v19-updates", "v20-withdrawn-publications", "v21-units",
  ]
  let statements = [
    "DELETE FROM grdb_migrations WHERE identifier IN (\(undone.map { "'\($0)'" }.joined(separator: ", ")))",
    "DROP INDEX project_by_unit", "DROP INDEX milestone_by_unit", "DROP INDEX disclosure_withdrawn", "DROP INDEX changeLog_updates",
    "DROP INDEX milestone_withdrawn_key", "ALTER TABLE project DROP COLUMN withdrawnReason",
    "ALTER TABLE project DROP COLUMN reinstatedReason", "ALTER TABLE project DROP COLUMN recodedReason",
    "DROP INDEX changeLog_former_codes", "ALTER TABLE milestone DROP COLUMN reinstatedReason",
    "ALTER TABLE disclosure DROP COLUMN reinstatedReason", "DROP INDEX changeLog_links_left", "DROP INDEX changeLog_links_arrived",
    "DROP INDEX changeLog_milestone_keys_replaced", "DROP INDEX changeLog_by_row", "DROP INDEX changeLog_amendments",
    "DROP INDEX milestone_by_change", "ALTER TABLE milestone DROP COLUMN amendmentReason",
  ] + (schema == .beforeChangeChain ? ["ALTER TABLE changeLog DROP COLUMN hash"] : []) + ["DROP TABLE register"]
  try editWithPython(database, "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\n"
    + statements.map { "c.execute(\"\($0)\")\n" }.joined() + "c.commit()\n")
}

/// Runs `sql` on `database` with the sqlite3 shell, as another program would edit a register; returns what it
/// prints, trimmed.
@discardableResult
func sqlite(_ database: String, _ sql: String) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["sqlite3", database, sql]
  let output = Pipe()
  process.standardOutput = output
  try process.run()
  let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  #expect(process.terminationStatus == 0, "sqlite3 \(sql)")
  return text.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// A folder under /tmp that other accounts may enter (the test run's scratch folder is root's), holding a copy of
/// the binary, for tests that run gongkai as another account with setpriv: root only, as CI runs. Removed by
/// ``remove()``.
struct OtherAccountFolder {
  /// Whether this run can act as other accounts.
  static let isAvailable = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

  let url: URL
  let binary: URL

  init(mode: Int) throws {
    url = URL(fileURLWithPath: "/tmp/gongkai-accounts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: mode])
    binary = url.appendingPathComponent("gongkai")
    try FileManager.default.copyItem(at: try builtBinary(), to: binary)
  }

  /// `gongkai ARGUMENTS` (shell words) as account `uid`, with `HOME` this folder unless `environment` says otherwise.
  func run(as uid: Int, _ arguments: String, environment: [String: String] = [:]) throws -> CommandResult {
    try runShell("/usr/bin/setpriv --reuid=\(uid) --regid=\(uid) --clear-groups \(binary.path) \(arguments)",
                 environment: ["HOME": url.path].merging(environment) { $1 })
  }

  func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The bytes of the database and its WAL: "unchanged" means all of them are.
func snapshot(_ database: String) -> [Data?] {
  [database, database + "-wal"].map { FileManager.default.contents(atPath: $0) }
}
