/// The apostrophe gongkai's CSV writes before a cell that a spreadsheet would run as a formula (OWASP "CSV
/// injection": a leading `=`, `+`, `-`, `@`, tab or carriage return), which Excel and WPS show as text, and which
/// gongkai drops when it reads the cell back, so an exported column imports as the values it holds.
///
/// A value that itself starts with apostrophes before such a byte (`'=x`) gets one more (`''=x`): reading drops
/// exactly the one written, and a value's own apostrophe survives the round trip.
public enum FormulaEscape {
  /// Whether a value is written after an apostrophe: it starts, after any apostrophes and spaces of its own, with a
  /// byte that makes a spreadsheet run it. Spaces count as gongkai's import counts them: it reads ` =A1` as the
  /// formula `=A1`, as a spreadsheet trimming its cells would run it.
  public static func isNeeded(_ value: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    guard let first = value.first(where: { $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: " ") }) else { return false }
    return startsFormula(first)
  }

  /// Whether a cell read from a file starts with the apostrophe ``isNeeded(_:)`` writes, to be dropped.
  public static func isWritten(in cell: UnsafeBufferPointer<UInt8>) -> Bool {
    cell.first == UInt8(ascii: "'") && isNeeded(cell.dropFirst())
  }

  /// `=`, `+`, `-`, `@`, tab or carriage return: what makes a spreadsheet run a cell as a formula.
  private static func startsFormula(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
    default: false
    }
  }
}
