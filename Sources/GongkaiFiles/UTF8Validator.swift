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
