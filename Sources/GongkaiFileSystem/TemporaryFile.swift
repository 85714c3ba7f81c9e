import CFileSystem
import Foundation
import Synchronization

/// The names of the temporary files gongkai writes beside a file it replaces or creates (a backup, an export, a new
/// register), then puts in its place: hidden, `.<name>.<pid>.<uuid>.tmp`, so that the next run recognises and
/// removes one a killed process left, and leaves a file of another program alone (the folder may be a portal's or a
/// backup disk's, shared).
public enum TemporaryFile {
  /// A new temporary path for the file `name` in `folder`; this process removes the file if it is interrupted, until
  /// ``release(_:)`` says it is in place or gone.
  public static func path(for name: String, in folder: String) -> String {
    let path = (folder as NSString).appendingPathComponent(".\(stem(of: name)).\(getpid()).\(UUID().uuidString).tmp")
    held.add(path)
    return path
  }

  /// The temporary file `path` has been renamed into place or removed.
  public static func release(_ path: String) { held.remove(path) }

  /// A folder this process made and is filling (a new folder of notice pages): interrupted, the process removes it
  /// with what it holds, rather than leave pages without their index for a portal to publish, until
  /// ``releaseFolder(_:)`` says it is complete. Only a folder made by this process and locked by it may be held: what
  /// is in it is this process's alone.
  public static func holdFolder(_ path: String) { heldFolders.add(path) }

  /// The folder `path` is complete.
  public static func releaseFolder(_ path: String) { heldFolders.remove(path) }

  private static let heldFolders = HeldFiles()

  /// A folder this process made for an output and has not yet handed to a writer that locks it (``holdFolder(_:)``):
  /// interrupted, the process removes it only while it is empty, as another process may have found it and be
  /// writing into it. Until ``releaseEmptyFolder(_:)``.
  public static func holdEmptyFolder(_ path: String) { heldEmptyFolders.add(path) }

  /// The folder `path` is no longer this process's to remove.
  public static func releaseEmptyFolder(_ path: String) { heldEmptyFolders.remove(path) }

  private static let heldEmptyFolders = HeldFiles()

  /// The temporary files this process holds: what an interrupted command leaves goes with it, rather than lying beside
  /// an export handed on (a copy as large as the register, for a backup) until the next run to the same place.
  private static let held = HeldFiles()

  /// Runs `body`, the renames that put the last files of an output in place together (a notice export's last pages,
  /// its index and its feed): a signal meanwhile waits for them (``waitForFinishing(upTo:)``), a few hundred renames,
  /// so that an export interrupted leaves pages, an index and a feed that agree.
  public static func finishing<T>(_ body: () throws -> T) rethrows -> T {
    finishingCount.add(1, ordering: .acquiringAndReleasing)
    defer { finishingCount.subtract(1, ordering: .acquiringAndReleasing) }
    let result = try body()
    finishedCount.add(1, ordering: .acquiringAndReleasing)
    return result
  }

  /// Waits until no ``finishing(_:)`` runs, or `limit` has passed: called when a signal ends the process, before
  /// ``removeHeldForGood(progress:)`` removes what an unfinished output holds. Returns whether it found last renames
  /// under way and they were all made: the output the signal was meant to stop is then in place whole (a folder made
  /// for it released with them, so that it stays), which the user is told rather than to run the command again.
  @discardableResult
  public static func waitForFinishing(upTo limit: Duration) -> Bool {
    let finishedBefore = finishedCount.load(ordering: .acquiring)
    guard finishingCount.load(ordering: .acquiring) > 0 else { return false }
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: limit)
    while finishingCount.load(ordering: .acquiring) > 0 {
      guard clock.now < deadline else { return false }
      usleep(1_000)
    }
    return finishedCount.load(ordering: .acquiring) > finishedBefore
  }

  /// How many ``finishing(_:)`` are running, and how many ran to their end without an error.
  private static let finishingCount = Atomic(0)
  private static let finishedCount = Atomic(0)

  /// Removes the temporary files this process holds, and SQLite's files beside them, for good: from then on a thread
  /// that asks for another, or releases one, waits for the end of the process, which the caller brings. Called
  /// once, when the process ends by a signal; twice over, as a thread may create a file it was given just before.
  /// `progress` is called as each name of a held folder goes: a folder of a hundred thousand pages takes minutes to
  /// remove, and the caller's watchdog, there to end a removal that blocks, must not end one that moves on.
  public static func removeHeldForGood(progress: () -> Void = {}) {
    let paths = held.close()
    for _ in 0..<2 {
      for path in paths { SQLiteFile.remove(path) }
      usleep(20_000)
    }
    for folder in heldFolders.close() { removeFolder(folder, progress: progress) }
    // The deepest first, each only while empty: a parent goes once the folder made in it has.
    for folder in heldEmptyFolders.close().sorted(by: { $0.count > $1.count }) { rmdir(folder) }
  }

  /// Removes `folder` and all it holds, calling `progress` after each name; links are removed, not followed. Names are
  /// unlinked as the folder is listed, and the folder listed again should the listing have passed over one.
  static func removeFolder(_ folder: String, progress: () -> Void) {
    // A link put in the folder's place (or a subfolder's, since it was listed) goes, not what it points to.
    var status = stat()
    guard lstat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
      unlink(folder)
      return
    }
    for _ in 0..<3 {
      FolderListing.forEachName(in: folder) { name in
        var path = Array(folder.utf8)
        path.append(UInt8(ascii: "/"))
        path.append(contentsOf: name)
        path.append(0)
        path.withUnsafeBufferPointer { bytes in
          bytes.withMemoryRebound(to: CChar.self) { path in
            if unlink(path.baseAddress!) != 0, errno == EISDIR || errno == EPERM {
              removeFolder(String(cString: path.baseAddress!), progress: progress)
            }
          }
        }
        progress()
      }
      if rmdir(folder) == 0 || errno != ENOTEMPTY { return }
    }
  }

  /// The process that wrote `file`, and the name of the file it was to become, when `file` is named as a temporary
  /// file (or one of SQLite's files beside it): `.<name>.<pid>.<uuid>.tmp`.
  private static func owner(of file: String) -> (process: Int32, stem: String)? {
    var file = Substring(file)
    for sidecar in SQLiteFile.sideFileSuffixes where file.hasSuffix(sidecar) { file = file.dropLast(sidecar.count) }
    guard file.hasPrefix("."), file.hasSuffix(".tmp") else { return nil }
    let parts = file.dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
    // "", name parts..., pid, uuid
    guard parts.count >= 4, UUID(uuidString: String(parts[parts.count - 1])) != nil, let process = Int32(parts[parts.count - 2]) else {
      return nil
    }
    return (process, parts[1..<(parts.count - 2)].joined(separator: "."))
  }

  /// Whether `file`, a name in `folder`, is the temporary file of the file `name` (of any file when nil) of a process
  /// that has ended. SQLite's files beside a temporary database (`-journal`, `-wal`, `-shm`) count as it does. One of
  /// this process's own number is a killed process's that had the number before (a container's process 1, every
  /// run) once it is an hour old: a live one of another container's process 1 on a shared folder is written to
  /// within the hour (a notice export's pages wait seconds for their batch), and gongkai removes abandoned files
  /// before it writes a temporary file of its own.
  public static func isAbandoned(_ file: String, of name: String? = nil, in folder: String) -> Bool {
    let path = (folder as NSString).appendingPathComponent(file)
    guard let (pid, fileStem) = owner(of: file), name.map({ fileStem == stem(of: $0) }) ?? true else { return false }
    guard pid == getpid() else { return kill(pid, 0) != 0 && errno == ESRCH }
    let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    return modified.map { $0.timeIntervalSinceNow < -3600 } ?? false
  }

  /// Removes from `folder` the temporary files (and SQLite's files beside them) that processes killed before they
  /// finished left, of the file `name` or of any file; listed name by name, as a folder of a million notices is.
  public static func removeAbandoned(of name: String? = nil, in folder: String) {
    var abandoned: [String] = []
    FolderListing.forEachName(in: folder) { bytes in
      // Only hidden names can be temporary files: no string is made for the others.
      guard bytes.first == UInt8(ascii: ".") else { return }
      let file = String(decoding: bytes, as: UTF8.self)
      if isAbandoned(file, of: name, in: folder) { abandoned.append(file) }
    }
    for file in abandoned { unlink((folder as NSString).appendingPathComponent(file)) }
  }

  /// Gives a complete temporary file the name `target`, never replacing a file of that name: in one step where the
  /// file system can (a rename that does not replace), else by a link and an unlink, else (FAT, some network shares,
  /// which have neither) by a rename once the name is seen to be free. Returns 0, or the errno of the failure:
  /// `EEXIST` when a file has the name.
  public static func moveWithoutReplacing(_ temporary: String, to target: String) -> Int32 {
    if gongkai_rename_no_replace(temporary, target) == 0 { return 0 }
    // EPERM too: a sandbox that forbids the system call (a link then gives the answer).
    var failure = errno
    guard [EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP, EPERM].contains(failure) else { return failure }
    if link(temporary, target) == 0 {
      unlink(temporary)
      return 0
    }
    failure = errno
    guard [EPERM, ENOSYS, ENOTSUP, EOPNOTSUPP].contains(failure) else { return failure }
    var status = stat()
    guard lstat(target, &status) != 0 else { return EEXIST }
    return rename(temporary, target) == 0 ? 0 : errno
  }

  /// Asks the system to write a name just put in `folder` (a temporary file renamed or linked into place) to disk
  /// now, so that it survives a power cut: the name is in the folder, which syncing the file does not write. Best
  /// effort: a folder that cannot be synced (a network share) is written when the system writes it, and the file
  /// under its earlier name, or the earlier file, is whole until then.
  public static func syncNames(in folder: String) {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  /// The name as its temporary file carries it: whole, or cut at a character so that the temporary name stays
  /// within the 255 bytes a file name may have (the rest takes at most 61, a `-journal` beside it included), and any
  /// name a file system holds can be written.
  static func stem(of name: String) -> String {
    var stem = Substring(name)
    while stem.utf8.count > 190 { stem = stem.dropLast() }
    return String(stem)
  }
}

/// The paths of temporary files a process holds, shared by the threads that write them and the one that handles an
/// interruption; closed, it lets no thread add or remove one again.
final class HeldFiles: Sendable {
  private let state = Mutex<(paths: Set<String>, closed: Bool)>(([], false))

  func add(_ path: String) { change { $0.insert(path) } }

  func remove(_ path: String) { change { $0.remove(path) } }

  /// The paths held, the set closed for good.
  func close() -> Set<String> {
    state.withLock {
      $0.closed = true
      return $0.paths
    }
  }

  private func change(_ body: (inout Set<String>) -> Void) {
    let closed = state.withLock { state in
      if !state.closed { body(&state.paths) }
      return state.closed
    }
    // The process is ending by a signal: this thread waits for it, rather than make a file no one will remove.
    while closed { pause() }
  }
}
