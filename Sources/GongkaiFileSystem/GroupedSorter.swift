/// Orders any number of small records in bounded memory, group by group, when the order of the groups is known
/// only once every record has arrived.
///
/// The text check orders alerts by responsible unit, the unit with the most overdue work first, which only the
/// last alert can settle. Records are collected into runs of `runCapacity`; a full run is sorted by group and
/// then by `areInIncreasingOrder` and put aside in a ``ScratchFile``. At the end each group's pieces of every run
/// are merged, in the group order the caller then gives. Memory holds one run, where each group's pieces lie, and
/// a small buffer per piece being merged, never the whole set; a set that fits in one run never touches the disk.
/// The merge is not stable: `areInIncreasingOrder` must order any two distinct records (end it with an id).
///
/// ```swift
/// let sorter = GroupedSorter<Alert>(group: { Int($0.unit) }, by: { $0.id < $1.id })
/// for alert in alerts { try sorter.append(alert) }
/// try sorter.forEach(groupsInOrder: unitsByUrgency) { alert in print(alert) }
/// ```
public final class GroupedSorter<Record: BitwiseCopyable> {
  private let runCapacity: Int
  private let group: (Record) -> Int
  private let areInIncreasingOrder: (Record, Record) -> Bool
  private var run: [Record] = []
  private var scratch: ScratchFile?
  /// Where each group's records lie in the runs put aside, by group.
  private var pieces: [Int: [Piece]] = [:]
  public private(set) var count = 0

  private struct Piece {
    let offset: Int64
    let count: Int
  }

  /// - Parameters:
  ///   - runCapacity: records held in memory at most; the default is 6 MB of 24-byte records.
  ///   - group: the group a record belongs to.
  ///   - areInIncreasingOrder: the order of the records within a group.
  public init(runCapacity: Int = 1 << 18, group: @escaping (Record) -> Int, by areInIncreasingOrder: @escaping (Record, Record) -> Bool) {
    precondition(runCapacity > 0, "a run holds at least one record")
    (self.runCapacity, self.group, self.areInIncreasingOrder) = (runCapacity, group, areInIncreasingOrder)
  }

  public func append(_ record: Record) throws {
    if run.count == runCapacity { try putRunAside() }
    run.append(record)
    count += 1
  }

  /// Calls `body` with every record of each group in `groupsInOrder`, a group's records in order. Records of a
  /// group not listed are skipped.
  public func forEach(groupsInOrder: [Int], _ body: (Record) throws -> Void) throws {
    guard let scratch else {
      sortRun()
      let ranges = groupRanges(of: run)
      for group in groupsInOrder {
        for record in run[ranges[group] ?? 0..<0] { try body(record) }
      }
      return
    }
    try putRunAside()
    run = []
    for group in groupsInOrder {
      var merge = try Merge(pieces[group] ?? [], of: scratch, by: areInIncreasingOrder)
      while let record = try merge.next() { try body(record) }
    }
  }

  private func sortRun() {
    run.sort { a, b in
      let (x, y) = (group(a), group(b))
      return x != y ? x < y : areInIncreasingOrder(a, b)
    }
  }

  private func groupRanges(of records: [Record]) -> [Int: Range<Int>] {
    var ranges: [Int: Range<Int>] = [:]
    var start = 0
    while start < records.count {
      let current = group(records[start])
      var end = start + 1
      while end < records.count, group(records[end]) == current { end += 1 }
      ranges[current] = start..<end
      start = end
    }
    return ranges
  }

  private func putRunAside() throws {
    guard !run.isEmpty else { return }
    sortRun()
    let file = scratch ?? ScratchFile()
    scratch = file
    let start = file.size
    try run.withUnsafeBytes { try file.append($0) }
    for (group, range) in groupRanges(of: run) {
      let offset = start + Int64(range.lowerBound * MemoryLayout<Record>.stride)
      pieces[group, default: []].append(Piece(offset: offset, count: range.count))
    }
    run.removeAll(keepingCapacity: true)
  }

  /// One group's pieces merged through a ``MergeHeap`` of their next records.
  private struct Merge {
    private var cursors: [Cursor]
    private var heap = MergeHeap()
    private let areInIncreasingOrder: (Record, Record) -> Bool

    init(_ pieces: [Piece], of file: ScratchFile, by areInIncreasingOrder: @escaping (Record, Record) -> Bool) throws {
      cursors = try pieces.map { try Cursor($0, of: file) }
      self.areInIncreasingOrder = areInIncreasingOrder
      let cursors = self.cursors
      for index in cursors.indices where cursors[index].head != nil {
        heap.push(index) { areInIncreasingOrder(cursors[$0].head!, cursors[$1].head!) }
      }
    }

    mutating func next() throws -> Record? {
      guard let top = heap.top, let record = cursors[top].head else { return nil }
      try cursors[top].advance()
      let (cursors, areInIncreasingOrder) = (self.cursors, self.areInIncreasingOrder)
      heap.topAdvanced(exhausted: cursors[top].head == nil) { areInIncreasingOrder(cursors[$0].head!, cursors[$1].head!) }
      return record
    }
  }

  /// Reads one piece back a few thousand records at a time.
  private struct Cursor {
    private let file: ScratchFile
    private var offset: Int64
    private var remaining: Int
    private var buffer: [Record] = []
    private var position = 0
    private static var bufferCapacity: Int { 2048 }

    init(_ piece: Piece, of file: ScratchFile) throws {
      (self.file, offset, remaining) = (file, piece.offset, piece.count)
      try refill()
    }

    var head: Record? { position < buffer.count ? buffer[position] : nil }

    mutating func advance() throws {
      position += 1
      if position == buffer.count { try refill() }
    }

    private mutating func refill() throws {
      let count = min(remaining, Self.bufferCapacity)
      let (file, offset) = (self.file, self.offset)
      buffer = try [Record](unsafeUninitializedCapacity: count) { records, initialized in
        if count > 0 { try file.read(into: UnsafeMutableRawBufferPointer(records), at: offset) }
        initialized = count
      }
      position = 0
      self.offset += Int64(count * MemoryLayout<Record>.stride)
      remaining -= count
    }
  }
}
