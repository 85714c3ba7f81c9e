import Foundation

/// Names (file names, as bytes) in byte order, however many there are, in bounded memory; afterwards each is
/// read by its position.
///
/// An import reads a folder's project files in name order, so that the same folder always imports the same
/// way. Held in memory, a million names took 38 MB and grew with every file. Here names are collected into
/// runs of at most `runBytes`; a full run is sorted and put aside in a ``ScratchFile``, and ``sort()`` merges the runs
/// into one sorted file with an index of where each name ends, which ``name(at:)`` reads. Memory holds one run
/// and a small buffer per run being merged; a list that fits in one run never touches the disk.
///
/// ```swift
/// let names = SortedNames()
/// try FolderListing.forEachName(in: folder) { try names.append($0) }
/// try names.sort()
/// for index in 0..<names.count { print(String(decoding: try names.name(at: index), as: UTF8.self)) }
/// ```
public final class SortedNames {
  private let runBytes: Int
  private let scratchFolder: String?
  private var run = Run()
  /// The runs put aside, each as a range of bytes of `runs` holding length-prefixed names.
  private var runs: ScratchFile?
  private var runRanges: [Range<Int64>] = []
  /// After ``sort()`` of a list that spilled: the names in order, and the end of each as eight bytes.
  private var merged: (names: ScratchFile, ends: ScratchFile)?
  private var sorted = false
  public private(set) var count = 0
  /// Whether the names went to disk.
  var spilled: Bool { merged != nil }

  /// - Parameters:
  ///   - runBytes: the memory a run may take, its names and twelve bytes a name to sort them by (twice that
  ///     while it is sorted); the default, 4 MB, holds about 90,000 file names.
  ///   - scratchFolder: where runs are put aside, by default `$TMPDIR`.
  public init(runBytes: Int = 4 << 20, scratchFolder: String? = nil) {
    precondition(runBytes > 0, "a run holds at least one byte")
    (self.runBytes, self.scratchFolder) = (runBytes, scratchFolder)
  }

  /// Adds a name of at most 65,535 bytes (a file name has at most 255).
  public func append(_ name: some Collection<UInt8>) throws {
    precondition(!sorted, "names are appended before they are sorted")
    precondition(name.count <= Int(UInt16.max), "a name has at most 65,535 bytes")
    if !run.isEmpty, run.memory + Run.memory(ofName: name.count) > runBytes { try putRunAside() }
    run.append(name)
    count += 1
  }

  /// Orders the names; call once, after the last ``append(_:)``.
  public func sort() throws {
    precondition(!sorted, "names are sorted once")
    if let runs {
      try putRunAside()
      merged = try merge(runs)
      self.runs = nil
    } else {
      run = run.sorted()
    }
    sorted = true
  }

  /// The name at `index` in byte order (from 0), after ``sort()``.
  public func name(at index: Int) throws -> [UInt8] {
    precondition(sorted && index >= 0 && index < count, "a name is read by a position below count, after sort()")
    guard let merged else { return Array(run.name(index)) }
    var bounds: (start: Int64, end: Int64) = (0, 0)
    try withUnsafeMutableBytes(of: &bounds) { raw in
      if index == 0 {
        try merged.ends.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[8...]), at: 0)
      } else {
        try merged.ends.read(into: raw, at: Int64(index - 1) * 8)
      }
    }
    return try [UInt8](unsafeUninitializedCapacity: Int(bounds.end - bounds.start)) { buffer, initialized in
      if !buffer.isEmpty { try merged.names.read(into: UnsafeMutableRawBufferPointer(buffer), at: bounds.start) }
      initialized = buffer.count
    }
  }

  /// Writes the run, sorted, as names each preceded by its length in two bytes (little-endian).
  private func putRunAside() throws {
    guard !run.isEmpty else { return }
    let file = runs ?? ScratchFile(in: scratchFolder)
    runs = file
    let start = file.size
    let sortedRun = run.sorted()
    var record: [UInt8] = []
    for index in 0..<sortedRun.count {
      let name = sortedRun.name(index)
      record.removeAll(keepingCapacity: true)
      record.append(UInt8(truncatingIfNeeded: name.count))
      record.append(UInt8(truncatingIfNeeded: name.count >> 8))
      record += name
      try file.append(record)
    }
    runRanges.append(start..<file.size)
    run = Run()
  }

  private func merge(_ runs: ScratchFile) throws -> (names: ScratchFile, ends: ScratchFile) {
    let output = (names: ScratchFile(in: scratchFolder), ends: ScratchFile(in: scratchFolder))
    var readers = try runRanges.map { try RunReader($0, of: runs) }
    var heap = MergeHeap()
    for index in readers.indices where readers[index].hasHead {
      heap.push(index) { readers[$0].precedes(readers[$1]) }
    }
    while let top = heap.top {
      try readers[top].withHead { try output.names.append($0) }
      var end = output.names.size
      try withUnsafeBytes(of: &end) { try output.ends.append($0) }
      try readers[top].advance()
      heap.topAdvanced(exhausted: !readers[top].hasHead) { readers[$0].precedes(readers[$1]) }
    }
    return output
  }

  /// The names collected in memory: one after the other, and where each ends.
  private struct Run {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []

    var isEmpty: Bool { ends.isEmpty }
    var count: Int { ends.count }
    /// What the run holds: its names, the four bytes of each one's end, and the eight of its place in a sort.
    var memory: Int { bytes.count + ends.count * 12 }
    static func memory(ofName count: Int) -> Int { count + 12 }

    mutating func append(_ name: some Collection<UInt8>) {
      bytes += name
      ends.append(UInt32(bytes.count))
    }

    func name(_ index: Int) -> ArraySlice<UInt8> {
      bytes[(index == 0 ? 0 : Int(ends[index - 1]))..<Int(ends[index])]
    }

    /// The same names in byte order.
    func sorted() -> Run {
      var order = Array(ends.indices)
      order.sort { name($0).lexicographicallyPrecedes(name($1)) }
      var sorted = Run()
      sorted.bytes.reserveCapacity(bytes.count)
      sorted.ends.reserveCapacity(ends.count)
      for index in order { sorted.append(name(index)) }
      return sorted
    }
  }

  /// Reads one run back, a name at a time, through a 64 KB buffer.
  private struct RunReader {
    private let file: ScratchFile
    private var offset: Int64
    private let end: Int64
    private var buffer: [UInt8] = []
    private var position = 0
    /// The current name's bytes in `buffer`.
    private var head: Range<Int>?
    private static var capacity: Int { 1 << 16 }

    init(_ range: Range<Int64>, of file: ScratchFile) throws {
      (self.file, offset, end) = (file, range.lowerBound, range.upperBound)
      try advance()
    }

    var hasHead: Bool { head != nil }

    func precedes(_ other: RunReader) -> Bool {
      buffer[head!].lexicographicallyPrecedes(other.buffer[other.head!])
    }

    func withHead(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
      try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[head!])) }
    }

    mutating func advance() throws {
      if let head { position = head.upperBound }
      head = nil
      guard try fill(2) else { return }
      let length = Int(buffer[position]) | Int(buffer[position + 1]) << 8
      guard try fill(2 + length) else {
        throw FileSystemError.io("cannot read back a temporary file: a run of names ended inside a name")
      }
      head = (position + 2)..<(position + 2 + length)
    }

    /// Makes `count` bytes from `position` available; `false` when the run ends before them.
    private mutating func fill(_ count: Int) throws -> Bool {
      if buffer.count - position >= count { return true }
      buffer.removeSubrange(..<position)
      position = 0
      let more = Int(min(Int64(max(Self.capacity, count) - buffer.count), end - offset))
      if more > 0 {
        let old = buffer.count
        buffer += repeatElement(0, count: more)
        try buffer.withUnsafeMutableBytes { raw in
          try file.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[old...]), at: offset)
        }
        offset += Int64(more)
      }
      return buffer.count >= count
    }
  }
}
