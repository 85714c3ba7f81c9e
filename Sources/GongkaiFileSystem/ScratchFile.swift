import Foundation

/// An anonymous file for what a command must put aside before it can write its output: a register-wide report
/// that has to be ordered, or a page whose head counts what follows, cannot hold a million records in memory.
///
/// The file is unlinked the moment it is created, so nothing is left behind however the process ends. Appends
/// are buffered; reads see everything appended so far.
public final class ScratchFile {
  /// The file, made at the first write: what fits in the buffer never needs the folder, so a check of a few alerts
  /// runs where `$TMPDIR` is missing or full.
  private var descriptor: Int32 = -1
  private let folder: String
  /// What to tell the user when the folder fails them.
  private let remedy: String
  private var pending: [UInt8] = []
  private var flushed: Int64 = 0
  private static let bufferSize = 1 << 18
  private static let reading = "read back"

  /// A file in `folder`, by default `$TMPDIR`, made there once more than a buffer's worth is appended; that write
  /// throws ``FileSystemError/cannotCreate(_:_:)`` when none can be made there (missing, not writable, full).
  public init(in folder: String? = nil) {
    self.folder = folder ?? FileManager.default.temporaryDirectory.path
    remedy = folder == nil ? "set TMPDIR to a writable folder" : "choose a writable folder"
    pending.reserveCapacity(Self.bufferSize)
  }

  deinit { if descriptor >= 0 { close(descriptor) } }

  /// The file's descriptor, made and unlinked at once the first time.
  private func file() throws -> Int32 {
    if descriptor >= 0 { return descriptor }
    var template = Array((folder as NSString).appendingPathComponent(".gongkai-scratch.XXXXXX").utf8CString)
    let made = mkstemp(&template)
    guard made >= 0 else {
      throw FileSystemError.cannotCreate(folder, "cannot create a temporary file: \(String(cString: strerror(errno))); \(remedy)")
    }
    unlink(template)
    // Not inherited by programs this process starts.
    _ = fcntl(made, F_SETFD, FD_CLOEXEC)
    descriptor = made
    return made
  }

  /// Bytes appended so far: the offset the next append starts at.
  public var size: Int64 { flushed + Int64(pending.count) }

  public func append(_ bytes: UnsafeRawBufferPointer) throws {
    if pending.count + bytes.count > Self.bufferSize { try flush() }
    if bytes.count > Self.bufferSize {
      try write(bytes)
    } else {
      pending.append(contentsOf: bytes)
    }
  }

  public func append(_ bytes: [UInt8]) throws {
    try bytes.withUnsafeBytes { try append($0) }
  }

  /// Fills `buffer` with the bytes that start at `offset`.
  public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws {
    // All still in the buffer: read from there, without making the file.
    if flushed == 0 {
      guard offset >= 0, offset + Int64(buffer.count) <= Int64(pending.count) else { throw failure(Self.reading, endOfFile: true) }
      pending.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[Int(offset)..<Int(offset) + buffer.count])) }
      return
    }
    try flush()
    try transfer(buffer.count, action: Self.reading) { done in
      pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
    }
  }

  /// Hands everything appended so far to `body`, in order, a megabyte at a time.
  public func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var offset: Int64 = 0
    while offset < size {
      let count = Int(min(Int64(chunk.count), size - offset))
      try chunk.withUnsafeMutableBytes { buffer in
        let piece = UnsafeMutableRawBufferPointer(rebasing: buffer[..<count])
        try read(into: piece, at: offset)
        try body(UnsafeRawBufferPointer(piece))
      }
      offset += Int64(count)
    }
  }

  private func flush() throws {
    guard !pending.isEmpty else { return }
    try pending.withUnsafeBytes { try write($0) }
    pending.removeAll(keepingCapacity: true)
  }

  private func write(_ bytes: UnsafeRawBufferPointer) throws {
    let descriptor = try file()
    try transfer(bytes.count, action: "write") { done in
      pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(flushed) + off_t(done))
    }
    flushed += Int64(bytes.count)
  }

  /// Repeats `step` until `count` bytes have moved: `pread` and `pwrite` may move fewer at a time.
  private func transfer(_ count: Int, action: String, _ step: (_ done: Int) -> Int) throws {
    var done = 0
    while done < count {
      let moved = step(done)
      if moved < 0, errno == EINTR { continue }
      guard moved > 0 else { throw failure(action, endOfFile: moved == 0 && action == Self.reading) }
      done += moved
    }
  }

  private func failure(_ action: String, endOfFile: Bool) -> FileSystemError {
    let reason = endOfFile ? "the file ended early" : errno == 0 ? "nothing was written" : String(cString: strerror(errno))
    return .io("cannot \(action) a temporary file in \(folder): \(reason); check its free space or \(remedy)")
  }
}
