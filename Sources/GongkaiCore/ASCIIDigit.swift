extension UInt8 {
  /// Whether the byte is `0` to `9`: codes, dates and 文号 are read byte by byte, where Unicode's digits (全角 `１`,
  /// Arabic-Indic) would pass `Character.isNumber` and then fail to convert.
  var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
}
