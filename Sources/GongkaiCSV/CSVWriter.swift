/// Writes CSV that spreadsheets open correctly and safely: RFC 4180 quoting, CRLF line ends, cells that a
/// spreadsheet would run as a formula neutralised (OWASP "CSV injection": see ``FormulaEscape``), and digit strings
/// that a spreadsheet would turn into a damaged number kept as text by a leading tab (see ``keepsAsText(_:)``), as
/// is typed text that it would turn into a date, a time or a number (``CSVCell/text(_:)``).
public struct CSVWriter {
  /// The UTF-8 byte order mark: without it Excel in China reads UTF-8 as GBK and garbles Chinese text.
  public static let byteOrderMark = "\u{FEFF}"

  /// The first line of a file a spreadsheet opens: the byte order mark, then the column names as a record.
  /// `byteOrderMark`: false where the text does not start a file (a pipe, a file appended to).
  public static func header(_ names: [String], byteOrderMark: Bool = true) -> String {
    (byteOrderMark ? Self.byteOrderMark : "") + record(names.map(CSVCell.value))
  }

  /// One record: the cells escaped and joined, ending in CRLF.
  public static func record(_ cells: [CSVCell]) -> String {
    var bytes: [UInt8] = []
    append(cells, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends one record to a buffer of UTF-8: the form for files of a million rows. Give the cells lazily
  /// (`columns.lazy.map { ... }`) and a row costs no array.
  public static func append(_ cells: some Sequence<CSVCell>, to bytes: inout [UInt8]) {
    var first = true
    for cell in cells {
      if !first { bytes.append(UInt8(ascii: ",")) }
      first = false
      append(cell: cell, to: &bytes)
    }
    endRecord(&bytes)
  }

  /// Ends a record built cell by cell.
  public static func endRecord(_ bytes: inout [UInt8]) {
    bytes.append(0x0D)
    bytes.append(0x0A)
  }

  /// One cell, neutralised and quoted as needed.
  public static func cell(_ cell: CSVCell) -> String {
    var bytes: [UInt8] = []
    append(cell: cell, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends one cell, neutralised and quoted as needed, for a record built cell by cell. The cell is looked at as
  /// bytes: every character that matters here but the few of dates ``SpreadsheetConversion`` knows is ASCII, and in
  /// UTF-8 an ASCII byte is never part of another character.
  public static func append(cell: CSVCell, to bytes: inout [UInt8]) {
    switch cell {
    case .value(let value): append(cell: value, isText: false, to: &bytes)
    case .text(let text): append(cell: text, isText: true, to: &bytes)
    }
  }

  /// Appends one cell given as its text and whether it is a ``CSVCell/text(_:)`` cell: for a writer that knows each
  /// column's kind, without an enum made and destroyed for each cell of a million rows.
  public static func append(cell: String, isText: Bool, to bytes: inout [UInt8]) {
    // The text in place where it is stored contiguously, as the register's strings are: a copy to call `withUTF8` on
    // was retained and released for each cell.
    let appended: Void? = cell.utf8.withContiguousStorageIfAvailable { append(utf8: $0, isText: isText, to: &bytes) }
    if appended == nil {
      var copy = cell
      copy.withUTF8 { append(utf8: $0, isText: isText, to: &bytes) }
    }
  }

  private static func append(utf8 text: UnsafeBufferPointer<UInt8>, isText: Bool, to bytes: inout [UInt8]) {
    let neutralised = FormulaEscape.isNeeded(text[...])
    // The apostrophe already makes the cell text; the tab goes inside the quotes, where a reader finds it.
    let tab = !neutralised && (keepsAsText(text) || isText && SpreadsheetConversion.isLikely(text))
    var needsQuotes = text.first == UInt8(ascii: " ") || text.last == UInt8(ascii: " ")
    // Every byte that forces quotes is below "-", and most bytes of a cell (digits, letters, Chinese) are not.
    for byte in text where byte < UInt8(ascii: "-")
      && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D) {
      needsQuotes = true
      break
    }
    if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
    if neutralised { bytes.append(UInt8(ascii: "'")) }
    if tab { bytes.append(0x09) }
    if needsQuotes {
      for byte in text {
        bytes.append(byte)
        if byte == UInt8(ascii: "\"") { bytes.append(byte) }
      }
      bytes.append(UInt8(ascii: "\""))
    } else {
      bytes.append(contentsOf: text)
    }
  }

  /// Whether the cell is digits that Excel and WPS would read as a number and damage: 12 digits or more (shown
  /// as 3.10110E+17, and cut to 15 significant digits when saved: an 18-digit 施工许可证 文号 is lost), or a leading
  /// zero (`0012` becomes 12). Such a cell is written after a tab, which makes both read it as text and which they
  /// show as nothing, as Chinese government exports do. Not `="…"`: that is a formula, which the neutralising
  /// above exists to keep out of our files, and which a script would see as it is. Not an apostrophe: Excel opening
  /// a CSV shows it. A script strips the one tab (a value of the register that starts with a tab is written after
  /// an apostrophe, so a leading tab is always this one). Digits in scientific notation (`12E3`, `1.5e-2`) are read
  /// as numbers too, `12E3` as 12000: a document number of that form is kept as text the same way.
  static func keepsAsText(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard text.count >= 2 else { return false }
    let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
    guard text.allSatisfy(digits.contains) else { return isScientific(text) }
    return text.count >= 12 || text.first == UInt8(ascii: "0")
  }

  /// `digits[.[digits]](e|E)[+|-]digits`.
  private static func isScientific(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
    var rest = text[...]
    func skipDigits() -> Bool {
      let count = rest.prefix(while: digits.contains).count
      rest = rest.dropFirst(count)
      return count > 0
    }
    guard skipDigits() else { return false }
    if rest.first == UInt8(ascii: ".") {
      rest.removeFirst()
      _ = skipDigits()
    }
    guard let e = rest.popFirst(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return false }
    if rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-") { rest.removeFirst() }
    return skipDigits() && rest.isEmpty
  }
}
