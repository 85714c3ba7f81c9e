import Foundation

/// Files that belong to SQLite, told apart without opening them as databases: a file written over one of them (an
/// export's `--out`, a backup's target) would lose a register, or corrupt it.
public enum SQLiteFile {
  /// The names SQLite gives the files it keeps beside a database: its write-ahead log, the log's shared-memory index
  /// and the rollback journal.
  public static let sideFileSuffixes = ["-wal", "-shm", "-journal"]

  /// The files SQLite keeps, or may make, beside the database at `path`: what goes with it, whether or not it is there.
  public static func sideFiles(of path: String) -> [String] {
    sideFileSuffixes.map { path + $0 }
  }

  /// Removes the database at `path` and the files beside it, for a database that is not to stay (a temporary copy, a
  /// register made by a command that failed): a `-wal` left behind would be played into the next file of that name.
  /// The side files first: a database left alone for a moment is whole, a journal left alone is played into the next.
  public static func remove(_ path: String) {
    for file in sideFiles(of: path) + [path] { unlink(file) }
  }

  /// Whether `path` is an SQLite database, told by its first bytes, whatever its name. A regular file only, opened
  /// without waiting: opening a named pipe to read would wait for a writer for ever.
  public static func isDatabase(_ path: String) -> Bool {
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return false }
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var head = [UInt8](repeating: 0, count: 16)
    return read(descriptor, &head, head.count) == head.count && head == Array("SQLite format 3\0".utf8)
  }

  /// The database `path` is a side file of, by its name, whether or not the side file is there now: SQLite removes a
  /// journal and makes it again, and would read a file put in its place as the journal of an unfinished write (or
  /// delete it). The ending in any case: on a file system that ignores case (macOS's), `-WAL` is the `-wal`.
  public static func database(besideWhich path: String) -> String? {
    sideFileSuffix(of: path).map { String(path.dropLast($0.count)) }.flatMap { isDatabase($0) ? $0 : nil }
  }

  /// The ending of SQLite's side files that `path` is named with (`-wal`), in any case, or `nil`: a database later made
  /// under the name without it would take the file for its own.
  public static func sideFileSuffix(of path: String) -> String? {
    let lowercased = path.lowercased()
    return sideFileSuffixes.first { lowercased.hasSuffix($0) }
  }
}
