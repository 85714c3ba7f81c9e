import GongkaiReference

/// Splits the bytes of a ``ByteSource`` into records that remember the line they start on, for error messages: the
/// row a spreadsheet shows, which a line break inside a cell (Alt+Enter in a heading or a summary) does not end, so that
/// the clerk finds the row named where the spreadsheet numbers it. A record's cells are kept unescaped, back to back, in
/// one buffer; only the first ``keep`` cells are kept, the others only counted, so a runaway row cannot fill the memory.
struct CSVRecords {
  private let source: ByteSource
  private var position = 0
  private var end = 0
  private var atEnd = false
  private var skip: Int

  /// The cells of the current record, back to back: `used` bytes from `cells.base`.
  private let cells = Cells()
  private var used = 0
  /// Where each kept cell of the current record ends in its buffer.
  private(set) var ends: [Int] = []
  /// The number of cells of the current record.
  private(set) var count = 0
  /// The position, from 1, of the first cell past the kept ones (``keep``) that holds more than spaces and tabs;
  /// 0 when none does. A row a spreadsheet formatted far to the right is blank there.
  private(set) var filledBeyondKept = 0
  /// Whether the cell being read, past the kept ones, holds more than spaces and tabs.
  private var cellIsFilled = false
  /// The line the current record starts on.
  private(set) var line = 1
  /// How many cells of a record to keep.
  var keep = Int.max
  /// The header's names of the columns, once read: a problem with one cell names its column.
  var columnNames: [String] = []

  private enum State {
    /// No byte of the cell read yet: a quote opens a quoted cell.
    case cellStart
    case unquoted
    case quoted
    /// A quote inside a quoted cell: a second quote is a quote, anything else closes the cell.
    case quoteInQuoted
    /// A record ended with CR: a LF right after belongs to it.
    case afterCR
  }

  private var state = State.cellStart
  private var nextLine = 1
  private var quoteLine = 0
  private var cellLength = 0

  init(_ source: ByteSource, skip: Int) {
    self.source = source
    self.skip = skip
  }

  /// Reads the next record; false at the end of the file.
  mutating func next() throws(FileProblem) -> Bool {
    used = 0
    ends.removeAll(keepingCapacity: true)
    count = 0
    filledBeyondKept = 0
    cellLength = 0
    line = nextLine
    while true {
      if position == end {
        guard !atEnd, try refill() else { return try finish() }
      }
      let base = source.bytes
      switch state {
      case .cellStart:
        if base[position] == UInt8(ascii: "\"") {
          state = .quoted
          quoteLine = nextLine
          position += 1
        } else {
          state = .unquoted
        }
      case .unquoted:
        var index = position
        while index < end, case let byte = base[index], byte != 0x2C && byte != 0x0A && byte != 0x0D { index += 1 }
        append(base + position, index - position)
        position = index
        guard index < end else { continue }
        let byte = base[index]
        position += 1
        try endCell()
        state = .cellStart
        if byte == UInt8(ascii: ",") { continue }
        nextLine += 1
        if byte == UInt8(ascii: "\r") { state = .afterCR }
        if count == 1 && used == 0 {
          count = 0
          ends.removeAll(keepingCapacity: true)
          line = nextLine
          continue
        }
        return true
      case .quoted:
        var index = position
        while index < end, base[index] != UInt8(ascii: "\"") { index += 1 }
        append(base + position, index - position)
        position = index
        if index < end {
          position += 1
          state = .quoteInQuoted
        }
      case .quoteInQuoted:
        if base[position] == UInt8(ascii: "\"") {
          append(base + position, 1)
          position += 1
          state = .quoted
        } else {
          state = .unquoted
        }
      case .afterCR:
        if base[position] == UInt8(ascii: "\n") { position += 1 }
        state = .cellStart
      }
    }
  }

  /// The bytes of cell `index` of the current record; `index` is below `ends.count`.
  func cell(_ index: Int) -> UnsafeBufferPointer<UInt8> {
    let start = index == 0 ? 0 : ends[index - 1]
    return UnsafeBufferPointer(start: cells.base + start, count: ends[index] - start)
  }

  /// The buffer of the cells of a record, grown as needed.
  private final class Cells {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity = 4096

    init() { base = .allocate(capacity: capacity) }

    deinit { base.deallocate() }

    func grow(to needed: Int, keeping used: Int) {
      let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: max(needed, capacity * 2))
      grown.update(from: base, count: used)
      base.deallocate()
      base = grown
      capacity = max(needed, capacity * 2)
    }
  }

  private mutating func refill() throws(FileProblem) -> Bool {
    repeat {
      end = try source.fill()
      position = 0
      if end < source.capacity { atEnd = true }
      if skip > 0 {
        position = min(skip, end)
        skip -= position
      }
    } while position == end && !atEnd
    return position < end
  }

  private mutating func append(_ start: UnsafePointer<UInt8>, _ length: Int) {
    guard length > 0 else { return }
    cellLength += length
    if count >= keep && !cellIsFilled {
      cellIsFilled = UnsafeBufferPointer(start: start, count: length).contains { $0 != 0x20 && $0 != 0x09 }
    }
    if count < keep && cellLength <= CSVText.maximumField {
      if used + length > cells.capacity { cells.grow(to: used + length, keeping: used) }
      (cells.base + used).update(from: start, count: length)
      used += length
    }
  }

  private mutating func endCell() throws(FileProblem) {
    guard cellLength <= CSVText.maximumField else {
      let name = count < columnNames.count ? columnNames[count].trimmingCharacters(in: .whitespaces) : ""
      throw FileProblem(file: source.name, line: line, field: name.isEmpty ? "column \(count + 1)" : name,
                        message: "the cell is longer than 1 MB; is this the right file?")
    }
    if count < keep { ends.append(used) }
    count += 1
    if cellIsFilled && filledBeyondKept == 0 { filledBeyondKept = count }
    cellIsFilled = false
    cellLength = 0
  }

  private mutating func finish() throws(FileProblem) -> Bool {
    switch state {
    case .quoted:
      throw FileProblem(file: source.name, line: quoteLine, field: nil, message: "a quoted cell is never closed; check the quotes")
    case .quoteInQuoted, .unquoted:
      state = .cellStart
      guard cellLength > 0 || count > 0 else { return false }
      try endCell()
      return true
    case .cellStart, .afterCR:
      guard count > 0 else { return false }
      try endCell()
      return true
    }
  }
}
