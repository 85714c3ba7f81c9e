import Foundation

/// How a Chinese character is read, with its tone (`lǐ` for both 里 and 理, `yuán` for 员 and 員): what tells a unit
/// typed with the character a pinyin input method offered for the one meant from a unit of another body, read otherwise
/// (``UnitName/Resemblance/homophone``). The tone counts: 水务局 and 税务局 (shuǐ, shuì), 福州 and 抚州 (fú, fǔ) are
/// other bodies. ICU's Han-Latin transform, which Foundation carries, gives one reading a character; a character of
/// place names read otherwise there (长宁 is cháng, ICU's 长 zhǎng) has that reading too.
enum HanReading {
  /// The readings of `character`, none for one that is not a Chinese character.
  static func of(_ character: Unicode.Scalar) -> Set<String> {
    guard character.properties.isIdeographic,
      let reading = String(Character(character)).applyingTransform(.toLatin, reverse: false)
    else { return [] }
    return Set([reading] + (placeReadings[character] ?? []))
  }

  /// The readings of place and unit names ICU does not give for characters read several ways.
  private static let placeReadings: [Unicode.Scalar: [String]] = [
    "长": ["cháng"], "厦": ["xià"], "行": ["háng"], "莘": ["xīn"], "重": ["chóng"], "藏": ["zàng"], "乐": ["yuè"],
    "朝": ["cháo"], "单": ["shàn"], "曾": ["zēng"], "解": ["xiè"],
  ]
}
