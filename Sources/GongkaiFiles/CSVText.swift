import Foundation
import GongkaiReference

/// Comma-separated text as spreadsheets save it (RFC 4180: quoted fields, doubled quotes, line breaks inside
/// quotes, CRLF or LF), read from bytes a chunk at a time.
///
/// A file is UTF-8 (with or without BOM) or else GB18030/GBK, which Excel and WPS write by default in China.
/// In both, the bytes that shape CSV (`"`, `,`, CR, LF) never occur inside a multi-byte character, so records
/// are split on bytes and each cell is decoded on its own.
enum CSVText {
  /// The longest cell accepted, in bytes; a spreadsheet cell is never near it, a corrupt file may be.
  static let maximumField = 1 << 20

  /// The bytes read at a time.
  static let chunkSize = 1 << 20

  static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

  enum Encoding: Equatable {
    case utf8
    case gb18030
  }

  /// Reads all of `source` once to decide its encoding, exactly as reading it whole would: UTF-8 when every
  /// byte of it is UTF-8 (after a BOM, nothing else is tried) but for GBK text that happens to be valid UTF-8 (see
  /// ``UTF8Validator/sawNarrowBeyondLatin``), else GB18030 when all of it decodes as GB18030 without a replacement
  /// character. UTF-16 (with or without its byte order mark) and binary
  /// files have NUL bytes; no text file does, so they are refused unless a UTF-8 BOM says otherwise. Leaves
  /// `source` at its start; `bomLength` bytes are to be skipped.
  static func detectEncoding(_ source: ByteSource) throws(FileProblem) -> (encoding: Encoding, bomLength: Int) {
    var utf8 = UTF8Validator()
    var start: [UInt8] = []
    while utf8.isValid, case let count = try source.fill(), count > 0 {
      let bytes = UnsafeBufferPointer(start: source.bytes, count: count)
      if start.count < 8 {
        start += bytes.prefix(8 - start.count)
        if let other = otherFormatProblem(start, in: source.name) { throw other }
      }
      utf8.feed(bytes)
      if utf8.sawNUL && !start.starts(with: utf8BOM) && start.count >= 3 { throw try nulProblem(source) }
    }
    try source.rewind()
    let bom = start.starts(with: utf8BOM)
    if utf8.isValid && utf8.isComplete {
      if utf8.sawNUL && !bom { throw try nulProblem(source) }
      // Valid UTF-8 with no character of three bytes (no Chinese) but pairs beyond the Latin letters is GBK text that
      // happens to be valid UTF-8 (a few such characters and English heads), if GB18030 reads it all: a Chinese
      // register's sheet does not hold IPA or Hebrew without a word of Chinese (pinyin's ā and ǔ are Latin letters).
      guard !bom, utf8.wideCharacters == 0, utf8.sawNarrowBeyondLatin, try decodesAsGB18030(source) else {
        return (.utf8, bom ? 3 : 0)
      }
      return (.gb18030, 0)
    }
    // A few characters of Chinese in UTF-8 before the first byte that is not: a UTF-8 file with a bad byte (a
    // character some tool wrote wrong), not GB18030, which would decode all of it as other characters without an
    // error. GB18030 text forms a run of valid UTF-8 characters only by chance, and breaks off within a few.
    if let offset = utf8.invalidOffset, utf8.wideCharacters >= utf8Evidence {
      throw try notUTF8(source, at: offset)
    }
    guard !bom, try decodesAsGB18030(source) else {
      // UTF-16 of Chinese is not UTF-8 from its first character, before any NUL of its ASCII is read.
      throw try NULCount(source).isUTF16 ? utf16Problem(source.name) : undecodable(source.name)
    }
    if let mixed = try mixedEncodings(source) { throw mixed }
    return (.gb18030, 0)
  }

  /// A file read as GB18030 in which a line is UTF-8 with Chinese in it, beside a line that is not UTF-8: rows pasted
  /// together from a sheet saved as GBK and one saved as UTF-8. Read as GB18030 the UTF-8 rows become other
  /// characters (中文 reads 涓枃) without an error. GBK text forms a whole line of valid UTF-8 with two characters of
  /// three bytes in it only by chance: never with two Chinese characters, for 2 lines in 10,000 of three random ones,
  /// and fewer with every character more. Leaves `source` at its start.
  private static func mixedEncodings(_ source: ByteSource) throws(FileProblem) -> FileProblem? {
    var line = 1
    var validator = UTF8Validator()
    var utf8Line: Int?
    var otherLine: Int?
    func endLine() {
      if validator.isValid && validator.isComplete {
        if validator.wideCharacters >= 2 && utf8Line == nil { utf8Line = line }
      } else if otherLine == nil {
        otherLine = line
      }
      validator = UTF8Validator()
      line += 1
    }
    while case let count = try source.fill(), count > 0 {
      let bytes = UnsafeBufferPointer(start: source.bytes, count: count)
      var start = 0
      while let end = bytes[start...].firstIndex(of: 0x0A) {
        validator.feed(UnsafeBufferPointer(rebasing: bytes[start..<end]))
        endLine()
        start = end + 1
      }
      validator.feed(UnsafeBufferPointer(rebasing: bytes[start...]))
    }
    endLine()
    try source.rewind()
    guard let utf8Line, let otherLine else { return nil }
    return FileProblem(file: source.name, line: utf8Line, field: nil, message: """
      this line is UTF-8 and line \(otherLine) is not (GBK): the file joins rows saved in two encodings, and one of them \
      would be read as other characters; save each sheet as "CSV UTF-8 (逗号分隔)" before joining them, or retype this line
      """)
  }

  /// What NUL bytes in text that is UTF-8 so far mean: a file of UTF-16 (every other byte of Latin text is NUL), or a
  /// byte some program wrote into one line, named by its line; reads `source` from its start and leaves it there.
  private static func nulProblem(_ source: ByteSource) throws(FileProblem) -> FileProblem {
    let count = try NULCount(source)
    if count.isUTF16 { return utf16Problem(source.name) }
    guard let firstLine = count.firstLine else { return undecodable(source.name) }
    return FileProblem(file: source.name, line: firstLine, field: nil, message: """
      a NUL byte (0x00), which no text holds: retype the text of this line, or save the sheet again as \
      "CSV UTF-8 (逗号分隔)"
      """)
  }

  /// The NUL bytes of a file, by the parity of their offsets: UTF-16 puts the NUL of every ASCII character (a comma,
  /// a digit, a line break) at one parity.
  private struct NULCount {
    private var atParity = [0, 0]
    /// The line of the first NUL byte.
    private(set) var firstLine: Int?

    /// Reads `source` from its start and leaves it there.
    init(_ source: ByteSource) throws(FileProblem) {
      try source.rewind()
      var offset = 0
      var line = 1
      while case let count = try source.fill(), count > 0 {
        for byte in UnsafeBufferPointer(start: source.bytes, count: count) {
          if byte == 0 {
            atParity[offset & 1] += 1
            if firstLine == nil { firstLine = line }
          } else if byte == 0x0A {
            line += 1
          }
          offset += 1
        }
      }
      try source.rewind()
    }

    var isUTF16: Bool {
      let nuls = atParity[0] + atParity[1]
      return nuls > 2 && atParity.max()! * 10 >= nuls * 9
    }
  }

  /// A workbook given where its CSV was meant, the clerk's commonest slip (保存 rather than 另存为 CSV), told by the
  /// first bytes of its format: a zip archive (.xlsx, WPS's .et of today, .ods) or an OLE compound file (.xls of
  /// Excel 97-2003, WPS's older .et). Their NUL bytes would otherwise be reported as a line of damaged text. So is
  /// Excel's “Unicode 文本”, UTF-16 with its byte order mark, which would be called neither UTF-8 nor GB18030.
  private static func otherFormatProblem(_ start: [UInt8], in file: String) -> FileProblem? {
    let formats: [(magic: [UInt8], name: String)] = [
      ([0x50, 0x4B, 0x03, 0x04], "a workbook (.xlsx, .et or .ods: a zip archive)"),
      ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an Excel 97-2003 workbook (.xls or an older .et)"),
    ]
    if start.starts(with: [0xFF, 0xFE]) || start.starts(with: [0xFE, 0xFF]) { return utf16Problem(file) }
    if let format = formats.first(where: { start.starts(with: $0.magic) }) { return resaved(file, format.name) }
    // A web page or XML, what a system's 导出Excel often saves under .xls: no CSV header begins with a tag.
    let text = start.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    if text.first == UInt8(ascii: "<"), let next = text.dropFirst().first,
      next == UInt8(ascii: "!") || next == UInt8(ascii: "?") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(next | 0x20)
    {
      return resaved(file, "a web page or XML (HTML tables are what a system's 导出Excel often saves under .xls)")
    }
    return nil
  }

  /// A file of another format, `format`, and how to save it as CSV.
  private static func resaved(_ file: String, _ format: String) -> FileProblem {
    FileProblem(file: file, line: nil, field: nil, message: """
      this is \(format), not CSV text: open it and save the sheet with 另存为 → "CSV UTF-8 (逗号分隔)" in \
      Excel, or 另存为 → CSV with UTF-8 encoding in WPS, then import that file
      """)
  }

  /// Whether all of `source` decodes as GB18030 without a replacement character; leaves it at its start.
  private static func decodesAsGB18030(_ source: ByteSource) throws(FileProblem) -> Bool {
    guard let table = GB18030Table.shared else { return false }
    var decoder = GB18030Decoder(table: table)
    var valid = true
    while valid, case let count = try source.fill(), count > 0 {
      valid = decoder.decode(UnsafeBufferPointer(start: source.bytes, count: count), ascii: { !$0.containsNUL }) { $0 != 0xFFFD }
    }
    try source.rewind()
    return valid && decoder.isComplete
  }

  static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// How many characters of three bytes in valid UTF-8 (Chinese) make a file UTF-8 even with a bad byte after them.
  static let utf8Evidence = 4

  /// The bad byte of a UTF-8 file, by line; leaves `source` at its start.
  private static func notUTF8(_ source: ByteSource, at offset: Int) throws(FileProblem) -> FileProblem {
    var line = 1
    var read = 0
    // The bytes from the bad one to the next ASCII byte, 64 at most: the character's (its first four are shown), and
    // what they may read as in GBK.
    var run: [UInt8] = []
    var finished = false
    while !finished, case let count = try source.fill(), count > 0 {
      let bytes = UnsafeBufferPointer(start: source.bytes, count: count)
      line += bytes.prefix(max(0, min(count, offset - read))).count { $0 == 0x0A }
      for byte in bytes.dropFirst(max(0, offset - read)) {
        if !run.isEmpty && (byte < 0x80 || run.count == 64) {
          finished = true
          break
        }
        run.append(byte)
      }
      read += count
    }
    try source.rewind()
    let shown = run.prefix(4).map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
    if let chinese = chineseInGBK(run.count.isMultiple(of: 2) ? run[...] : run.dropLast()) {
      return FileProblem(file: source.name, line: line, field: nil, message: """
        bytes that are not UTF-8 (\(shown)) in a file that is UTF-8 before them read as GBK (\(chinese)): rows saved as GBK \
        were pasted into a UTF-8 file, most likely; save the file they came from as "CSV UTF-8 (逗号分隔)" and copy them \
        again, or retype the text there
        """)
    }
    return FileProblem(file: source.name, line: line, field: nil, message: """
      bytes that are not UTF-8 (\(shown)) in a file that is UTF-8 before them: retype the text there (a character \
      some program wrote wrong, such as an emoji cut in half), or save the sheet again as "CSV UTF-8 (逗号分隔)"
      """)
  }

  /// The Chinese text `bytes` are in GBK (GB18030), when they are whole characters and all of them Chinese characters
  /// or punctuation: what rows of a GBK file pasted into a UTF-8 one hold where UTF-8 finds bytes it cannot read.
  private static func chineseInGBK(_ bytes: ArraySlice<UInt8>) -> String? {
    guard let table = GB18030Table.shared else { return nil }
    var decoder = GB18030Decoder(table: table)
    var scalars = String.UnicodeScalarView()
    let decoded = bytes.withUnsafeBufferPointer { buffer in
      decoder.decode(buffer, ascii: { _ in false }) { value in
        guard chinese.contains(where: { $0.contains(value) }), let scalar = Unicode.Scalar(value) else { return false }
        scalars.append(scalar)
        return true
      }
    }
    return decoded && decoder.isComplete && !scalars.isEmpty ? String(scalars) : nil
  }

  /// Chinese characters, and the punctuation Chinese text uses: 、。《》「」, full-width forms, ·, —, “”.
  private static let chinese: [ClosedRange<UInt32>] = [0x4E00...0x9FFF, 0x3000...0x303F, 0xFF00...0xFFEF, 0x2010...0x2027, 0xB7...0xB7]

  /// Whether `scalar` is white space as `trimmingCharacters(in: .whitespaces)` sees it, other than space and
  /// tab. The ranges tried first hold all of them (a test checks every scalar), so most text is never
  /// looked up in the character set.
  static func isWhitespaceBeyondASCII(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0xA0, 0x1680, 0x180E, 0x2000...0x206F, 0x3000, 0xFEFF: whitespaces.contains(scalar)
    default: false
    }
  }

  /// Whether UTF-8 starting with `lead` may be white space beyond ASCII: the lead bytes of the scalars of
  /// ``isWhitespaceBeyondASCII(_:)``.
  static func mayBeWhitespaceBeyondASCII(lead: UInt8) -> Bool {
    lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3 || lead == 0xEF
  }

  private static let whitespaces = CharacterSet.whitespaces

  /// UTF-16, as Excel saves a sheet with 另存为 → “Unicode 文本 (*.txt)”, with its byte order mark or without.
  private static func utf16Problem(_ file: String) -> FileProblem {
    resaved(file, "UTF-16 text (Excel's “Unicode 文本 (*.txt)”, whose cells are also split by tabs)")
  }

  static func undecodable(_ file: String) -> FileProblem {
    FileProblem(file: file, line: nil, field: nil, message:
      "the file is neither UTF-8 nor GB18030; in Excel use 另存为 → \"CSV UTF-8 (逗号分隔)\", in WPS 另存为 → CSV with UTF-8 encoding")
  }
}

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

/// Splits the bytes of a ``ByteSource`` into records that remember the line they start on, for error
/// messages. A record's cells are kept unescaped, back to back, in one buffer; only the first ``keep`` cells
/// are kept, the others only counted, so a runaway row cannot fill the memory.
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
        while index < end, base[index] != UInt8(ascii: "\"") {
          if base[index] == UInt8(ascii: "\n") { nextLine += 1 }
          index += 1
        }
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

/// Checks UTF-8 as it comes, a chunk at a time; a character may span two chunks. UTF-8 is as Swift's
/// `String(validating:)` takes it: no overlong forms, surrogates or scalars beyond U+10FFFF.
struct UTF8Validator {
  private(set) var isValid = true
  private(set) var sawNUL = false
  /// The characters of three bytes or more (U+0800 and up: Chinese, among others) read before the first byte that is
  /// not UTF-8. Two-byte characters do not count: a GB18030 character with a lead byte of C2-DF and a trail byte of
  /// 80-BF (统, 一, 签, 约: one common character in seven) is one.
  private(set) var wideCharacters = 0
  /// Whether the character being read counts among ``wideCharacters``.
  private var isWide = false
  /// Whether a character of two bytes beyond the Latin letters was read (U+0280 to U+07FF: IPA, Greek, Cyrillic,
  /// Hebrew ...), or a C1 control (U+0080 to U+009F, which no text holds). GBK text whose every character happens to
  /// be such a pair (施 is ʩ, 证 a Hebrew accent, 聟 a control) is valid UTF-8 of them. Pinyin with its tone marks (ā,
  /// ǔ, up to U+024F), the other Latin letters and the Latin-1 signs (m²·K, 20 °C, a no-break space) are not counted:
  /// GBK text read as such signs alone (陆路 as ½·) cannot be told from them, and UTF-8 with them is the likelier.
  private(set) var sawNarrowBeyondLatin = false
  /// The lead byte of the two-byte character being read.
  private var lead: UInt8 = 0

  /// Counts the two-byte character of `lead` and `trail` for ``sawNarrowBeyondLatin``.
  private mutating func sawPair(lead: UInt8, trail: UInt8) {
    if lead >= 0xCA || lead == 0xC2 && trail < 0xA0 { sawNarrowBeyondLatin = true }
  }
  /// Where the first character that is not UTF-8 starts, from the first byte fed.
  private(set) var invalidOffset: Int?
  private var fed = 0
  /// Where the character being read started.
  private var characterStart = 0
  /// Continuation bytes still expected, and the range the next one must lie in.
  private var needed = 0
  private var lower: UInt8 = 0x80
  private var upper: UInt8 = 0xBF

  /// Whether no character is left unfinished.
  var isComplete: Bool { needed == 0 }

  mutating func feed(_ buffer: UnsafeBufferPointer<UInt8>) {
    guard isValid, let base = buffer.baseAddress else { return }
    let count = buffer.count
    var index = 0
    defer {
      if !isValid && invalidOffset == nil { invalidOffset = needed > 0 ? characterStart : fed + index - 1 }
      fed += count
    }
    while index < count {
      if needed == 0 {
        // Eight ASCII bytes at a time.
        while index + 8 <= count {
          let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
          if word & 0x8080_8080_8080_8080 != 0 { break }
          if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { sawNUL = true }
          index += 8
        }
        guard index < count else { return }
        let byte = base[index]
        // A whole character of two or three bytes, the common case beyond ASCII, at once.
        if byte >= 0xC2 && byte <= 0xDF && index + 1 < count && base[index + 1] & 0xC0 == 0x80 {
          sawPair(lead: byte, trail: base[index + 1])
          index += 2
          continue
        }
        if byte >= 0xE1 && byte <= 0xEC && index + 2 < count && base[index + 1] & 0xC0 == 0x80 && base[index + 2] & 0xC0 == 0x80 {
          index += 3
          wideCharacters += 1
          continue
        }
        characterStart = fed + index
        isWide = byte >= 0xE0
        index += 1
        switch byte {
        case 0x00: sawNUL = true
        case 0x01...0x7F: break
        case 0xC2...0xDF: needed = 1; lower = 0x80; upper = 0xBF; lead = byte
        case 0xE0: needed = 2; lower = 0xA0; upper = 0xBF
        case 0xED: needed = 2; lower = 0x80; upper = 0x9F
        case 0xE1...0xEF: needed = 2; lower = 0x80; upper = 0xBF
        case 0xF0: needed = 3; lower = 0x90; upper = 0xBF
        case 0xF1...0xF3: needed = 3; lower = 0x80; upper = 0xBF
        case 0xF4: needed = 3; lower = 0x80; upper = 0x8F
        default: isValid = false; return
        }
      } else {
        let byte = base[index]
        index += 1
        guard byte >= lower && byte <= upper else { isValid = false; return }
        needed -= 1
        if needed == 0 && isWide { wideCharacters += 1 }
        if lead != 0 {
          sawPair(lead: lead, trail: byte)
          lead = 0
        }
        lower = 0x80
        upper = 0xBF
      }
    }
  }
}

/// GB18030 as Foundation decodes it, in tables built once from Foundation's own decoder, so that a cell is
/// decoded without a call into Foundation. One-byte codes are ASCII (and 0x80 where Foundation maps it);
/// two-byte codes and the four-byte codes of the BMP come from the tables; four-byte codes from 0x90308130
/// on are the supplementary planes in order.
final class GB18030Table: Sendable {
  /// Scalars of the two-byte codes, by (lead - 0x81) * 191 + (trail - 0x40); `invalid` where none.
  let twoByte: [UInt32]
  /// Scalars of the four-byte codes 0x81308130 to 0x8431A439, by linear index.
  let fourByte: [UInt32]
  /// The scalar of the single byte 0x80, or `invalid`.
  let byte80: UInt32

  static let invalid = UInt32.max
  static let fourByteBMPCount = 39_420
  static let supplementaryStart = 189_000

  /// The tables, or nil where Foundation does not know GB18030.
  static let shared = GB18030Table()

  private init?() {
    func decode(_ codes: [[UInt8]]) -> [UInt32] {
      // All at once; one by one if any of them does not decode to a single scalar.
      if let text = String(bytes: codes.joined(), encoding: CSVText.gb18030), text.unicodeScalars.count == codes.count {
        return text.unicodeScalars.map(\.value)
      }
      return codes.map { code in
        guard let text = String(bytes: code, encoding: CSVText.gb18030), text.unicodeScalars.count == 1 else {
          return GB18030Table.invalid
        }
        return text.unicodeScalars.first!.value
      }
    }
    var twoByteCodes: [[UInt8]] = []
    for lead in UInt8(0x81)...0xFE {
      for trail in UInt8(0x40)...0xFE where trail != 0x7F { twoByteCodes.append([lead, trail]) }
    }
    var twoByte = [UInt32](repeating: Self.invalid, count: 126 * 191)
    for (code, scalar) in zip(twoByteCodes, decode(twoByteCodes)) { twoByte[Int(code[0] - 0x81) * 191 + Int(code[1] - 0x40)] = scalar }
    guard twoByte.contains(where: { $0 != Self.invalid }) else { return nil }
    self.twoByte = twoByte
    fourByte = decode((0..<Self.fourByteBMPCount).map(Self.fourByteCode))
    byte80 = decode([[0x80]])[0]
  }

  /// The four-byte code of a linear index: 0 is 0x81308130.
  static func fourByteCode(_ index: Int) -> [UInt8] {
    [UInt8(0x81 + index / 12_600), UInt8(0x30 + index / 1_260 % 10), UInt8(0x81 + index / 10 % 126), UInt8(0x30 + index % 10)]
  }
}

/// Decodes GB18030 a buffer at a time; a character may span two buffers.
struct GB18030Decoder {
  let table: GB18030Table
  /// The bytes of an unfinished character.
  private var pending: (UInt8, UInt8, UInt8) = (0, 0, 0)
  private var pendingCount = 0

  init(table: GB18030Table) { self.table = table }

  /// Whether no character is left unfinished.
  var isComplete: Bool { pendingCount == 0 }

  /// Decodes `buffer`, passing runs of ASCII bytes to `ascii` and other characters' scalar values to `scalar`;
  /// false at the first invalid code, or when either returns false.
  mutating func decode(
    _ buffer: UnsafeBufferPointer<UInt8>, ascii: (UnsafeBufferPointer<UInt8>) -> Bool, scalar emit: (UInt32) -> Bool
  ) -> Bool {
    guard let base = buffer.baseAddress else { return true }
    let count = buffer.count
    var index = 0
    while index < count {
      let byte = base[index]
      switch pendingCount {
      case 0:
        if byte < 0x80 {
          var next = index + 1
          while next + 8 <= count, UnsafeRawPointer(base + next).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            next += 8
          }
          while next < count, base[next] < 0x80 { next += 1 }
          guard ascii(UnsafeBufferPointer(start: base + index, count: next - index)) else { return false }
          index = next
          continue
        }
        if byte == 0x80 {
          guard table.byte80 != GB18030Table.invalid, emit(table.byte80) else { return false }
        } else {
          guard byte != 0xFF else { return false }
          pending.0 = byte
          pendingCount = 1
        }
      case 1:
        if byte >= 0x30 && byte <= 0x39 {
          pending.1 = byte
          pendingCount = 2
        } else {
          guard byte >= 0x40 && byte != 0xFF else { return false }
          let value = table.twoByte[Int(pending.0 - 0x81) * 191 + Int(byte - 0x40)]
          pendingCount = 0
          guard value != GB18030Table.invalid, emit(value) else { return false }
        }
      case 2:
        guard byte >= 0x81 && byte <= 0xFE else { return false }
        pending.2 = byte
        pendingCount = 3
      default:
        guard byte >= 0x30 && byte <= 0x39 else { return false }
        pendingCount = 0
        let linear = Int(pending.0 - 0x81) * 12_600 + Int(pending.1 - 0x30) * 1_260 + Int(pending.2 - 0x81) * 10
          + Int(byte - 0x30)
        let value: UInt32
        if linear < GB18030Table.fourByteBMPCount {
          value = table.fourByte[linear]
        } else if linear >= GB18030Table.supplementaryStart && linear < GB18030Table.supplementaryStart + 0x10_0000 {
          value = UInt32(0x1_0000 + linear - GB18030Table.supplementaryStart)
        } else {
          return false
        }
        guard value != GB18030Table.invalid, emit(value) else { return false }
      }
      index += 1
    }
    return true
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// Whether any of the bytes is NUL, eight at a time.
  var containsNUL: Bool {
    guard let base = baseAddress else { return false }
    var index = 0
    while index + 8 <= count {
      let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
      if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { return true }
      index += 8
    }
    while index < count {
      if base[index] == 0 { return true }
      index += 1
    }
    return false
  }
}
