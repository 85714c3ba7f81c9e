import Foundation
import GongkaiReference

/// The bytes of a file, read a chunk at a time into one buffer, or bytes already in memory.
final class ByteSource {
  let name: String
  private let handle: FileHandle?
  private let data: Data
  private var offset = 0
  /// The buffer the last ``fill()`` wrote to.
  let bytes: UnsafeMutablePointer<UInt8>
  let capacity: Int

  /// Opens `url`; a missing or unreadable file, or a folder, is `missing`.
  init(_ url: URL, name: String, chunkSize: Int = CSVText.chunkSize) throws(FileProblem) {
    self.name = name
    // Told by the path before it is opened: opening a named pipe no program writes to waits for one for ever.
    var status = stat()
    guard stat(url.path, &status) == 0 else { throw Self.unreadable(name) }
    switch status.st_mode & mode_t(S_IFMT) {
    case mode_t(S_IFDIR):
      throw FileProblem(file: name, line: nil, field: nil, message: "is a folder; name the CSV file in it", kind: .missing)
    case mode_t(S_IFIFO), mode_t(S_IFCHR), mode_t(S_IFSOCK):
      throw FileProblem(file: name, line: nil, field: nil, message:
        "is a pipe or a device, and a spreadsheet is read twice (once to tell its encoding); save it to a file and name that",
        kind: .missing)
    default: break
    }
    guard let handle = try? FileHandle(forReadingFrom: url) else { throw Self.unreadable(name) }
    self.handle = handle
    data = Data()
    capacity = max(chunkSize, 1)
    bytes = .allocate(capacity: capacity)
  }

  init(_ data: Data, name: String, chunkSize: Int = CSVText.chunkSize) {
    self.name = name
    handle = nil
    self.data = data
    capacity = max(chunkSize, 1)
    bytes = .allocate(capacity: capacity)
  }

  deinit { bytes.deallocate() }

  /// Reads the next chunk into ``bytes``: its length, less than the capacity only at the end, 0 after it.
  func fill() throws(FileProblem) -> Int {
    guard let handle else {
      let count = min(capacity, data.count - offset)
      data.copyBytes(to: bytes, from: data.startIndex + offset ..< data.startIndex + offset + count)
      offset += count
      return count
    }
    var count = 0
    while count < capacity {
      let got = read(handle.fileDescriptor, bytes + count, capacity - count)
      if got == 0 { break }
      if got < 0 {
        if errno == EINTR { continue }
        throw Self.unreadable(name)
      }
      count += got
    }
    return count
  }

  /// Goes back to the first byte.
  func rewind() throws(FileProblem) {
    offset = 0
    if let handle, lseek(handle.fileDescriptor, 0, SEEK_SET) != 0 { throw Self.unreadable(name) }
  }

  private static func unreadable(_ name: String) -> FileProblem { FileProblem.notFound(name) }
}
