/// Writes CSV that spreadsheets open correctly and safely: RFC 4180 quoting, CRLF line ends, and cells that a
/// spreadsheet would run as a formula neutralised (OWASP "CSV injection": a leading `=`, `+`, `-`, `@`, tab or
/// carriage return gets a leading apostrophe, which Excel and WPS show as text).
public struct CSVWriter {
  /// The UTF-8 byte order mark: without it Excel in China reads UTF-8 as GBK and garbles Chinese text.
  public static let byteOrderMark = "\u{FEFF}"

  /// One record: the cells escaped and joined, ending in CRLF.
  public static func record(_ cells: [String]) -> String {
    var bytes: [UInt8] = []
    append(cells, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends one record to a buffer of UTF-8: the form for files of a million rows.
  public static func append(_ cells: [String], to bytes: inout [UInt8]) {
    for (index, cell) in cells.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      append(cell, to: &bytes)
    }
    bytes.append(contentsOf: [0x0D, 0x0A])
  }

  /// One cell, neutralised and quoted as needed.
  public static func cell(_ value: String) -> String {
    var bytes: [UInt8] = []
    append(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  private static let formulaStarts: Set<UInt8> = Set("=+-@\t\r".utf8)

  /// The cell's bytes, looked at as bytes: every character that matters here is ASCII, and in UTF-8 an ASCII
  /// byte is never part of another character.
  private static func append(_ value: String, to bytes: inout [UInt8]) {
    var value = value
    value.withUTF8 { text in
      let neutralised = text.first.map(formulaStarts.contains) ?? false
      let needsQuotes = text.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        || text.first == UInt8(ascii: " ") || text.last == UInt8(ascii: " ")
      if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
      if neutralised { bytes.append(UInt8(ascii: "'")) }
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
  }
}
