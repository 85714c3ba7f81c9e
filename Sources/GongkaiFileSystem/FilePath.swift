import Foundation

/// Paths as the user typed them, taken apart without `NSString`: on Linux its `deletingLastPathComponent` traps on a
/// one-character name (`--out x`), so an export would crash on the shortest folder name there is.
public enum FilePath {
  /// The bytes a file name may have (`NAME_MAX` on Linux's file systems and macOS's): a longer one is refused by the
  /// system only when the file is put in place, after the work of producing it, so commands check it first.
  public static let longestName = 255

  /// The folder `path` names its last component in, as `dirname` gives it: `"."` for a bare name, `"/"` for a
  /// name in the root; trailing slashes are not a component.
  public static func parent(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    var folder = trimmed[..<slash]
    while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
    return folder.isEmpty ? "/" : String(folder)
  }

  /// The folder the system puts `path` in: ``parent(of:)`` with its links followed, so that a temporary file goes
  /// into the same folder as the file it becomes even when `..` follows a link to a folder (`A/sub/../x.csv` is in
  /// `sub`'s real parent, not in `A`). The parent as written when it cannot be resolved (a folder that does not
  /// exist), for the messages that say so.
  public static func physicalParent(of path: String) -> String { resolved(parent(of: path)) }

  /// Whether `path` lies on a file system mounted read-only: no permission given to anyone lets a write through, and
  /// advice to change permissions would send the user the wrong way.
  public static func isOnReadOnlyFileSystem(_ path: String) -> Bool {
    var info = statvfs()
    return statvfs(path, &info) == 0 && info.f_flag & UInt(ST_RDONLY) != 0
  }

  /// The file `path` names, its links followed (where SQLite keeps a register's `-wal` and `-shm` files); `path` as
  /// written when it cannot be resolved.
  public static func resolved(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
