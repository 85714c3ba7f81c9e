/// Writes CSV that spreadsheets open correctly and safely: RFC 4180 quoting, CRLF line ends, and cells that a
/// spreadsheet would run as a formula neutralised (OWASP "CSV injection": a leading `=`, `+`, `-`, `@`, tab or
/// carriage return gets a leading apostrophe, which Excel and WPS show as text).
public struct CSVWriter {
  /// The UTF-8 byte order mark: without it Excel in China reads UTF-8 as GBK and garbles Chinese text.
  public static let byteOrderMark = "\u{FEFF}"

  /// One record: the cells escaped and joined, ending in CRLF.
  public static func record(_ cells: [String]) -> String {
    cells.map(cell).joined(separator: ",") + "\r\n"
  }

  /// One cell, neutralised and quoted as needed.
  public static func cell(_ value: String) -> String {
    var text = value
    if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
      text = "'" + text
    }
    let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
      || text.hasPrefix(" ") || text.hasSuffix(" ")
    guard needsQuotes else { return text }
    return "\"" + text.replacing("\"", with: "\"\"") + "\""
  }
}
