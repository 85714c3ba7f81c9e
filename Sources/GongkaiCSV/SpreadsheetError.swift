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

  /// Whether `text` is a formula rather than its value, as a sheet saved while showing its formulas, or a value pasted
  /// after an `=`, leaves it: `=` and a function (`=SUM(B2:B9)`, `=_xlfn.CONCAT(B2,C2)`), a cell's address (`=A1`,
  /// `=$B$2+1`), another sheet's cell (`=项目清单!B2`), an operator, bracket or quote (`=+B2`, `=(B2)`, `="杨"&B2`,
  /// `='Sheet 2'!A1`) or arithmetic (`=1+2`). Text someone typed after an `=` (`=A级资质`, `=ISO9001认证`,
  /// `=总投资8.5亿元`) is none of them.
  public static func isFormula(_ text: String) -> Bool {
    var rest = Substring(text).drop { $0 == " " }
    guard rest.first == "=" else { return false }
    rest = rest.dropFirst().drop { $0 == " " }
    guard let first = rest.first else { return false }
    if "+-(\"'".contains(first) { return true }
    if first.isASCII && first.isNumber { return rest.allSatisfy { $0.isASCII && ($0.isNumber || "+-*/^%.() ".contains($0)) } }
    if let bang = rest.firstIndex(of: "!"), startsWithCellAddress(rest[rest.index(after: bang)...]) { return true }
    let name = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }
    if name.first.map({ $0.isLetter || $0 == "_" }) == true, rest.dropFirst(name.count).first == "(" { return true }
    return startsWithCellAddress(rest)
  }

  /// Whether `text` is a cell's address (`A1`, `$AB$12`: up to three letters, then digits) alone or before an
  /// operator, a range's `:` or a bracket closed.
  private static func startsWithCellAddress(_ text: Substring) -> Bool {
    var rest = text
    if rest.first == "$" { rest = rest.dropFirst() }
    let letters = rest.prefix { $0.isASCII && $0.isLetter }
    guard (1...3).contains(letters.count) else { return false }
    rest = rest.dropFirst(letters.count)
    if rest.first == "$" { rest = rest.dropFirst() }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty else { return false }
    rest = rest.dropFirst(digits.count)
    return rest.first.map { "+-*/^&:,=<>) ".contains($0) } ?? true
  }

  private static let values: Set<[UInt8]> = Set([
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!",
    "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
  ].map { Array($0.utf8) })
}
