import Foundation

/// Fresh folders for tests, all inside one folder per test run that is removed when the run ends: the suite
/// runs on every change, and each run would otherwise leave hundreds of folders in `$TMPDIR`.
public enum Scratch {
  /// A new, empty folder.
  public static func folder() -> URL {
    let folder = root.appendingPathComponent(UUID().uuidString)
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Where a new file `name` can be written, alone in a new folder.
  public static func file(_ name: String) -> URL { folder().appendingPathComponent(name) }

  private static let prefix = "gongkai-tests-"

  private static let root: URL = {
    removeAbandonedRoots()
    let root = rootOfThisRun()
    try! FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: Scratch.rootOfThisRun()) }
    return root
  }()

  private static func rootOfThisRun() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)\(getpid())")
  }

  /// Removes the roots of runs that crashed or were killed before they could clean up.
  private static func removeAbandonedRoots() {
    let temporary = FileManager.default.temporaryDirectory
    for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(prefix) {
      guard let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
      try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
    }
  }
}
