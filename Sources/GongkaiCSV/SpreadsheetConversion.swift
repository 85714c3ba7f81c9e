/// What Excel and WPS turn into something else when they open a CSV file: a cell they read as a date, a time, a
/// number, a percentage, an amount of money or a truth value is stored as that value and shown in their format, and
/// the text is gone once the file is saved (`2026-01` becomes 2026年1月 or Jan-26, `1-2` the 2nd of January, `1.50`
/// 1.5, `TRUE` a truth value, `#N/A` an error). For words someone typed (``CSVCell/text(_:)``), such as a 文号.
///
/// The test errs towards text: a cell made only of digits and what may separate or qualify them in a date, a time or
/// a number, with at least one digit, or a truth value. A cell it takes that a spreadsheet would have left as it is
/// costs a tab that the spreadsheet shows as nothing; the reverse would cost the text.
enum SpreadsheetConversion {
  /// Whether a spreadsheet opening the cell `text` (UTF-8) would likely read it as something other than text.
  static func isLikely(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    if SpreadsheetError.isErrorValue(text) { return true }
    var rest = text[...]
    var digits = false
    while let byte = rest.first {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        digits = true
        rest.removeFirst()
      case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ","),
        UInt8(ascii: "%"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "$"), UInt8(ascii: "+"):
        rest.removeFirst()
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
        let word = rest.prefix { isLetter($0) }
        guard datePart(word) else { return truthValue(text) }
        rest = rest.dropFirst(word.count)
      case 0x80...:
        // Full-width digits (０ to ９, U+FF10 to U+FF19), as a Chinese input method types them: Excel reads them as digits.
        if rest.count >= 3, rest.starts(with: [0xEF, 0xBC]), (0x90...0x99).contains(rest[rest.startIndex + 2]) {
          digits = true
          rest = rest.dropFirst(3)
          continue
        }
        guard let character = nonASCII.first(where: { rest.starts(with: $0) }) else { return false }
        rest = rest.dropFirst(character.count)
      default:
        return false
      }
    }
    return digits
  }

  /// The letters of a date or a number: an exponent, a month's name or its abbreviation, the half of a day. Compared
  /// byte by byte: most typed text with letters in it (a name in pinyin, an address) is none of them, and a cell
  /// of the audit CSV must not cost an allocation.
  private static func datePart(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    words.contains { isLowercased(word, $0) }
  }

  /// `TRUE` or `FALSE` in any case, with spaces around it or not.
  private static func truthValue(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    var word = text[...]
    while word.first == UInt8(ascii: " ") { word.removeFirst() }
    while word.last == UInt8(ascii: " ") { word.removeLast() }
    return isLowercased(word, truth) || isLowercased(word, untruth)
  }

  /// Whether `word`, in any case, is `lowercase`.
  private static func isLowercased(_ word: Slice<UnsafeBufferPointer<UInt8>>, _ lowercase: [UInt8]) -> Bool {
    word.count == lowercase.count && zip(word, lowercase).allSatisfy { $0 | 0x20 == $1 }
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
  }

  private static let truth = Array("true".utf8), untruth = Array("false".utf8)

  private static let words: [[UInt8]] = [
    "e", "a", "p", "am", "pm",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
  ].map { Array($0.utf8) }

  /// The characters beyond ASCII of Chinese dates and times (2026年1月2日, 上午10时30分), of amounts (¥, ￥, €, £),
  /// and the full-width forms of what separates or qualifies digits (２０２６－０１, １２：３０, ５０％), in UTF-8.
  private static let nonASCII: [[UInt8]] = [
    "年", "月", "日", "时", "分", "秒", "上午", "下午", "¥", "￥", "€", "£",
    "－", "／", "：", "．", "，", "％", "（", "）", "＋", "　",
  ].map { Array($0.utf8) }
}
