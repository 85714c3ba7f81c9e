import Foundation
import GongkaiFileSystem

/// Many files for the public (readable by all, ``AtomicFileWriter/makePublic(_:)``) written into one folder, each whole
/// or not at all as ``AtomicFileWriter`` writes one: each goes to
/// a temporary file first and is renamed into place only after it is safely on disk. The files are flushed to
/// disk together, a few hundred at a time, instead of one by one: a notice export writes a page per project, and
/// a flush per page would make the export of a large register take hours.
///
/// ```swift
/// let folder = try AtomicFolderWriter(folder: "Exports/notices")
/// try folder.write(page, to: "2024-310110-48-01-000123.html")
/// try folder.commit()        // every page is in place
/// ```
public final class AtomicFolderWriter {
  public let folder: String
  private var pending: [(temporary: String, target: String)] = []
  /// The folder, open and locked while the writer lives (`-1` where the file system has no locks).
  private let lock: Int32
  static let batchSize = 256

  /// Whether the folder goes with the process should a signal end it before the writer is done (``TemporaryFile/holdFolder(_:)``).
  private let isHeld: Bool
  /// Whether the writer's caller wrote all it had to (``complete()``); a folder made for a writer that was not goes whole.
  private var isComplete = false

  /// Throws ``ExportError/cannotCreate(_:_:)`` when the folder is missing, ``ExportError/busy(_:)`` while another
  /// writer has it; removes what killed exports left. `isNew`: the command made the folder for this writer, which,
  /// once it holds the folder's lock, has it removed whole if the process is interrupted before the writer is done.
  public init(folder: String, isNew: Bool = false) throws {
    self.folder = folder
    try AtomicFileWriter.requireFolder(folder, for: folder)
    lock = try Self.lock(folder)
    TemporaryFile.removeAbandoned(in: folder)
    isHeld = isNew
    if isNew { TemporaryFile.holdFolder(folder) }
  }

  deinit {
    for file in pending {
      unlink(file.temporary)
      TemporaryFile.release(file.temporary)
    }
    // Made for this writer and left before it was done (an error, a full disk): the files put in place so far would be
    // published without what was to come after them, a notice export's index and feed.
    if isHeld, !isComplete { try? FileManager.default.removeItem(atPath: folder) }
    if isHeld { TemporaryFile.releaseFolder(folder) }
    if lock >= 0 { close(lock) }
  }

  /// Locks the folder for this writer: two exports writing one folder at once (a nightly one and one run by hand) would
  /// each report success and leave a portal of pages judged on two days under one index. The lock is the folder's
  /// own, so nothing is left in it, and goes with the process however it ends.
  private static func lock(_ folder: String) throws -> Int32 {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return -1 }
    guard flock(descriptor, LOCK_EX | LOCK_NB) != 0 else { return descriptor }
    let failure = errno
    close(descriptor)
    guard failure == EWOULDBLOCK else { return -1 }
    throw ExportError.busy("another gongkai export is writing to \(folder); run this one again once it has finished")
  }

  /// Writes the file `name`; it is in place at the latest when ``commit()`` returns. Throws
  /// ``ExportError/cannotCreate(_:_:)`` when its temporary file cannot be created, ``ExportError/io(_:)`` when it
  /// cannot be written (a full disk).
  public func write(_ bytes: some Sequence<UInt8>, to name: String) throws {
    let target = (folder as NSString).appendingPathComponent(name)
    try AtomicFileWriter.requireReplaceable(target, named: false)
    let temporary = TemporaryFile.path(for: name, in: folder)
    // One create and one write: FileManager's createFile would write yet another temporary file and rename it.
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      throw ExportError.cannotCreate(target, "cannot write in folder \(folder): \(String(cString: strerror(errno))); name another with --out")
    }
    // Pages for the public, served by an account of their own.
    AtomicFileWriter.makePublic(descriptor)
    var failure = Array(bytes).withUnsafeBytes { AtomicFileWriter.writeAll($0, to: descriptor) }
    if close(descriptor) != 0, failure == 0 { failure = errno }
    guard failure == 0 else {
      unlink(temporary)
      TemporaryFile.release(temporary)
      throw ExportError.cannotWrite(target, failure)
    }
    pending.append((temporary, target))
    if pending.count >= Self.batchSize { try commit() }
  }

  /// Flushes the files written so far to disk, then renames each into place. One `sync` covers the batch
  /// (POSIX has no per-folder flush; Linux's `syncfs` is not in Swift's Glibc module). Throws
  /// ``ExportError/io(_:)`` naming the first file that cannot be put in place.
  public func commit() throws {
    guard !pending.isEmpty else { return }
    sync()
    for (index, file) in pending.enumerated() {
      guard rename(file.temporary, file.target) == 0 else {
        let failure = errno
        pending.removeFirst(index)
        throw ExportError.cannotWrite(file.target, failure)
      }
      TemporaryFile.release(file.temporary)
    }
    pending.removeAll(keepingCapacity: true)
    TemporaryFile.syncNames(in: folder)
  }

  /// Says that everything was written: a folder made for the writer (`isNew`) stays, whatever ends the process from
  /// now on. Until then, the writer's end removes it whole, whether a signal or an error ends the export.
  public func complete() {
    isComplete = true
    if isHeld { TemporaryFile.releaseFolder(folder) }
  }

  /// Throws ``ExportError/cannotCreate(_:_:)`` unless each of the files `names` the folder may hold is one
  /// ``remove(_:why:)`` may remove: a page, or a link (the link goes, not what it names). Checked before the first
  /// page is written, so that a refused export leaves the folder as it was: a folder under a page's name would stop it
  /// half way, and a database there (a register copied into the portal's folder) would go for good. `why` says whose
  /// page the name is.
  public func requireRemovable(_ names: [String], why: String) throws {
    for name in names { try requireRemovable(at: (folder as NSString).appendingPathComponent(name), why: why) }
  }

  private func requireRemovable(at target: String, why: String) throws {
    var status = stat()
    guard lstat(target, &status) == 0, status.st_mode & S_IFMT != S_IFLNK else { return }
    let what = status.st_mode & S_IFMT == S_IFDIR ? "a folder"
      : status.st_mode & S_IFMT != S_IFREG ? "not a regular file"
      : SQLiteFile.isDatabase(target) ? "an SQLite database (a register?)" : nil
    guard let what else { return }
    throw ExportError.cannotCreate(target, "it is \(what) under the name of \(why), which the export removes; move it out of the folder, or name another folder with --out")
  }

  /// Removes the files `names` the folder holds, for good (the removal is flushed to disk): the pages of what is no
  /// longer published, a project withdrawn as registered by mistake. Each is checked again as it goes, as
  /// ``requireRemovable(_:why:)`` checked it before the export: what was put there meanwhile is refused, not deleted.
  /// Returns how many there were. Throws ``ExportError/cannotWrite(_:_:)`` naming the first that cannot be removed.
  public func remove(_ names: [String], why: String) throws -> Int {
    var removed = 0
    for name in names {
      let target = (folder as NSString).appendingPathComponent(name)
      try requireRemovable(at: target, why: why)
      if unlink(target) == 0 {
        removed += 1
      } else if errno != ENOENT {
        throw ExportError.cannotWrite(target, errno)
      }
    }
    if removed > 0 { TemporaryFile.syncNames(in: folder) }
    return removed
  }
}
