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
