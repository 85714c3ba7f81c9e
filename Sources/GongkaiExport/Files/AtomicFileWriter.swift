import Foundation
import GongkaiFileSystem

/// Writes a file whole or not at all: into a temporary file beside the target, then renamed over it, so that a
/// crash, a full disk or an error never leaves half a file where a reader expects a whole one.
///
/// ```swift
/// let writer = try AtomicFileWriter(path: "Exports/audit.csv")
/// try writer.write("...")
/// try writer.commit()        // until then, Exports/audit.csv is untouched
/// ```
public final class AtomicFileWriter {
  public let path: String
  private let temporary: String
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var finished = false

  /// Creates the temporary file; throws ``ExportError/cannotCreate(_:_:)`` when the folder is missing or not
  /// writable, or the target exists and is not a regular file (a folder, a device, a symbolic link, which is not
  /// written through). Once the temporary file
  /// exists, failures are ``ExportError/io(_:)``: a full disk or a failing device, not a wrong path.
  /// `public`: a file for the public, which a web server under another account serves, readable by all whatever the
  /// umask (``makePublic(_:)``).
  public init(path: String, public isPublic: Bool = false) throws {
    self.path = path
    let target = URL(fileURLWithPath: path)
    let folder = FilePath.physicalParent(of: path)
    try Self.requireFolder(folder, for: path)
    try Self.requireReplaceable(path)
    try Self.requireNameWithinLimit(target.lastPathComponent, for: path)
    TemporaryFile.removeAbandoned(of: target.lastPathComponent, in: folder)
    temporary = TemporaryFile.path(for: target.lastPathComponent, in: folder)
    // POSIX calls rather than FileHandle, whose errors say "NSCocoaErrorDomain error 512" instead of the reason.
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else {
      throw ExportError.cannotCreate(path, "cannot write in folder \(folder): \(String(cString: strerror(errno))); name another with --out")
    }
    if isPublic { Self.makePublic(descriptor) }
    self.descriptor = descriptor
  }

  /// Lets everyone read the file open at `descriptor`, keeping the write bits the umask gave it: under the umask a
  /// shared register wants (007), a notice page would be the owner's and the group's alone, and the portal's web
  /// server, under an account of its own, could not read it; the group keeps the right to write it, as the umask
  /// said. A file system that keeps no modes keeps its own.
  static func makePublic(_ descriptor: Int32) {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return }
    _ = fchmod(descriptor, (status.st_mode & 0o777) | 0o444)
  }

  /// Lets everyone read and enter the folders of a public export that it made (``makePublic(_:)`` for its files).
  public static func makePublic(folders: [String]) {
    for folder in folders {
      var status = stat()
      guard stat(folder, &status) == 0 else { continue }
      _ = chmod(folder, (status.st_mode & 0o7777) | 0o555)
    }
  }

  /// The one check of an output's folder, for files and folders alike: a parent that is a file is named as one,
  /// since "does not exist" would send the user looking for a path that is there.
  static func requireFolder(_ folder: String, for path: String) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
      // A link that leads nowhere is there: creating a folder under its name, as "does not exist" would advise, fails.
      var status = stat()
      if lstat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFLNK {
        var target = stat()
        let why = stat(folder, &target) != 0 && errno == ELOOP
          ? "whose chain of links does not end (a loop)" : "to \((try? FileManager.default.destinationOfSymbolicLink(atPath: folder)) ?? "?"), which does not exist"
        throw ExportError.cannotCreate(path, "folder \(folder) is a symbolic link \(why); point it at a folder or name another with --out")
      }
      throw ExportError.cannotCreate(path, "folder \(folder) does not exist; create it or name another with --out")
    }
    guard isFolder.boolValue else {
      throw ExportError.cannotCreate(path, "\(folder) is a file, not a folder; name a path in a folder with --out")
    }
  }

  /// The temporary file's name is kept short whatever the target's, so a name too long would be refused only by the
  /// rename at the end, after the whole export was written, and read as a failing disk.
  static func requireNameWithinLimit(_ name: String, for path: String) throws {
    guard name.utf8.count > FilePath.longestName else { return }
    throw ExportError.cannotCreate(path, """
      its name is \(name.utf8.count) bytes, more than the \(FilePath.longestName) a file name may have; name a shorter file with --out
      """)
  }

  /// Creates `folder` with its missing parents, as `mkdir -p` does, for the output `path` (the folder itself, or a
  /// file in it): an export into a folder not made yet works as one into the default `Exports/` does. Throws
  /// ``ExportError/cannotCreate(_:_:)`` naming the part of the path that is a file, or the folder that could not be
  /// made and why (no permission, a read-only disk).
  /// Returns the folders it made, the deepest last.
  @discardableResult
  public static func createFolder(_ folder: String, for path: String) throws -> [String] {
    var missing: [String] = []
    var existing = folder.isEmpty ? "." : folder
    var status = stat()
    while stat(existing, &status) != 0 {
      missing.append(existing)
      let parent = FilePath.parent(of: existing)
      // "." or "/" that cannot be read (the current folder deleted): nothing above it to create from.
      guard parent != existing else {
        throw ExportError.cannotCreate(path, "cannot read folder \(existing): \(String(cString: strerror(errno))); name another with --out")
      }
      existing = parent
    }
    guard status.st_mode & S_IFMT == S_IFDIR else {
      throw ExportError.cannotCreate(path, existing == path
        ? "is a file, not a folder; name a folder with --out"
        : "\(existing) is a file, not a folder; name a path in a folder with --out")
    }
    var made: [String] = []
    for folder in missing.reversed() {
      guard mkdir(folder, 0o777) == 0 else {
        guard errno == EEXIST else {
          let reason = String(cString: strerror(errno))
          removeEmpty(made)
          throw ExportError.cannotCreate(path, "cannot create folder \(folder): \(reason); name another with --out")
        }
        continue
      }
      made.append(folder)
    }
    return made
  }

  /// Removes `folders` (as ``createFolder(_:for:)`` returns them) that are still empty, the deepest first: what an
  /// export that failed made for itself.
  public static func removeEmpty(_ folders: [String]) {
    for folder in folders.reversed() { rmdir(folder) }
  }

  /// A target that exists must be a regular file: renaming over a folder or a device node would be a disaster. A
  /// symbolic link is not followed: in a folder others may write to (a portal's), one could send the export over
  /// any file this user may write. `named` is whether the user named the path (`--out`) or only the folder it is in
  /// (a notice page), which decides the fix.
  static func requireReplaceable(_ path: String, named: Bool = true) throws {
    if let what = sqliteFile(path) {
      throw ExportError.cannotCreate(path, "it is \(what), which an export never replaces; "
        + (named ? "name another file with --out" : "move it out of the folder, or name another folder with --out"))
    }
    var status = stat()
    guard lstat(path, &status) == 0 else { return }
    if status.st_mode & S_IFMT == S_IFLNK {
      let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " to \($0)" } ?? ""
      throw ExportError.cannotCreate(path, "it is a symbolic link\(target), which an export does not write through; "
        + (named ? "name the file itself" : "remove the link, or name another folder with --out"))
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      throw ExportError.cannotCreate(path, "it exists and is not a regular file; "
        + (named ? "name a file" : "move it out of the folder, or name another folder with --out"))
    }
  }

  /// What `path` is when it is a register or one of the files SQLite keeps beside one: `--out` naming the register
  /// (`--out register.sqlite`, a slip of the shell's history) replaced it with the export, and every record with it.
  /// An export writes text, never a database.
  private static func sqliteFile(_ path: String) -> String? {
    if SQLiteFile.isDatabase(path) { return "an SQLite database (a register?)" }
    return SQLiteFile.database(besideWhich: path).map { "a file SQLite keeps beside the database \($0)" }
  }

  deinit { discard() }

  public func write(_ text: String) throws { try write(bytes: text.utf8) }

  public func write(_ data: Data) throws { try write(bytes: data) }

  public func write(bytes: some Sequence<UInt8>) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= 1 << 16 { try flush() }
  }

  /// Puts the file in place.
  public func commit() throws { try Self.commit([self]) }

  /// Puts the files in place together: each is on disk before the first is renamed, so that an export interrupted
  /// meanwhile leaves all of them as they were, or all of them new, but for the instant between two renames (a
  /// notice index and the feed that must agree with it). A rename that fails (a disk gone read-only) after another
  /// succeeded leaves the one new and the other old, and says which.
  public static func commit(_ writers: [AtomicFileWriter]) throws {
    for writer in writers {
      try writer.flush()
      guard fsync(writer.descriptor) == 0 else { throw writer.fail(errno) }
    }
    let folders = Set(writers.map { FilePath.parent(of: $0.temporary) })
    defer { for folder in folders { TemporaryFile.syncNames(in: folder) } }
    for writer in writers {
      guard rename(writer.temporary, writer.path) == 0 else { throw writer.fail(errno) }
      TemporaryFile.release(writer.temporary)
      close(writer.descriptor)
      writer.finished = true
    }
  }

  /// Removes the temporary file; the target is left as it was.
  public func discard() {
    guard !finished else { return }
    close(descriptor)
    unlink(temporary)
    TemporaryFile.release(temporary)
    finished = true
  }

  private func flush() throws {
    // Once committed or discarded, the descriptor is closed and its number may already be another file's.
    guard !finished else { throw ExportError.io("cannot write \(path): the file was already finished") }
    guard !buffer.isEmpty else { return }
    let failure = buffer.withUnsafeBytes { Self.writeAll($0, to: descriptor) }
    guard failure == 0 else { throw fail(failure) }
    buffer.removeAll(keepingCapacity: true)
  }

  private func fail(_ failure: Int32) -> ExportError {
    discard()
    return .cannotWrite(path, failure)
  }

  /// Writes every byte, as `write` may take fewer at a time; returns 0, or the `errno` of the failure.
  static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
    var written = 0
    while written < bytes.count {
      let step = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
      if step < 0, errno == EINTR { continue }
      guard step > 0 else { return step == 0 ? EIO : errno }
      written += step
    }
    return 0
  }


  /// Writes `data` to `path` atomically.
  public static func write(_ data: Data, to path: String) throws {
    let writer = try AtomicFileWriter(path: path)
    try writer.write(data)
    try writer.commit()
  }
}

/// Why an export could not be written or produced.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The output, or the temporary file it is written to first, cannot be created there (a missing or read-only
  /// folder, a target that is not a regular file): the path is wrong, not the disk.
  case cannotCreate(String, String)
  case invalid(String)
  /// A file that was created could not be written or read back (a full disk, a failing device).
  case io(String)
  /// Another export is writing the folder.
  case busy(String)

  /// A file that could not be written or put in place, and what to do; its temporary file is removed by then.
  static func cannotWrite(_ path: String, _ failure: Int32) -> ExportError {
    let left = FileManager.default.fileExists(atPath: path) ? "\(path) was left as it was" : "\(path) was not made"
    return .io("""
      cannot write \(path): \(String(cString: strerror(failure))); free space on its disk or check the device, then \
      export again (\(left), and its temporary file removed)
      """)
  }

  public var description: String {
    switch self {
    case .cannotCreate(let path, let reason): "cannot write \(path): \(reason)"
    case .invalid(let message), .io(let message), .busy(let message): message
    }
  }
}
