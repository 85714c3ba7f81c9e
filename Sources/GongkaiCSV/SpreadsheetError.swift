/// The error values Excel, WPS and LibreOffice show in a cell whose formula failed or whose value they could not
/// read (`#VALUE!`, `#N/A`, LibreOffice's `Err:509`), and write into a CSV file in place of the value. A spreadsheet
/// opening a CSV also reads such a cell back as an error, not as the text.
public enum SpreadsheetError {
  /// Whether `text`, in any case, is one of the error values, rather than anything someone typed.
  public static func isErrorValue(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { isErrorValue($0) }
  }

  static func isErrorValue(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    // Most cells are neither: looked at further only when they start as an error value does.
    guard let first = text.first, text.count <= 13, first == UInt8(ascii: "#") || first | 0x20 == UInt8(ascii: "e") else {
      return false
    }
    let upper = text.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) ? $0 - 0x20 : $0 }
    if upper.first == UInt8(ascii: "#") { return values.contains(upper) }
    // LibreOffice's: Err: and the three digits of the error's number.
    return upper.count == 7 && upper.starts(with: Array("ERR:".utf8))
      && upper.dropFirst(4).allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
  }

  /// Whether `text` is a formula rather than its value: `=` and a function's name or a cell's address (`=SUM(A1)`,
  /// `=A1`, `=$B$2`, `=HYPERLINK("…")`), as a sheet saved while showing its formulas, or a value pasted after an `=`,
  /// leaves it. An `=` before anything else (`=总投资`) is left to be text someone typed.
  public static func isFormula(_ text: String) -> Bool {
    var rest = text.utf8.drop { $0 == UInt8(ascii: " ") }
    guard rest.first == UInt8(ascii: "=") else { return false }
    rest = rest.dropFirst().drop { $0 == UInt8(ascii: " ") }
    guard let first = rest.first else { return false }
    return first == UInt8(ascii: "$") || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first)
      || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first)
  }

  private static let values: Set<[UInt8]> = Set([
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!",
    "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
  ].map { Array($0.utf8) })
}
