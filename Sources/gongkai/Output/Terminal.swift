import Foundation

/// Standard output and standard error, and what the terminal can show.
enum Terminal {
  /// Writes a line to standard error, prefixed `gongkai: `.
  static func error(_ message: String) {
    FileHandle.standardError.write(Data("gongkai: \(message)\n".utf8))
  }

  /// Writes a warning line to standard error; warnings never go to standard output, which scripts read.
  static func warning(_ message: String) {
    FileHandle.standardError.write(Data("gongkai: warning: \(message)\n".utf8))
  }

  /// Columns a string takes in a terminal: CJK characters and full-width forms take two.
  static func width(of text: String) -> Int {
    text.unicodeScalars.reduce(0) { total, scalar in
      let value = scalar.value
      let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
        || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
        || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
        || (0xFFE0...0xFFE6).contains(value)
      return total + (wide ? 2 : 1)
    }
  }

  /// `text` padded with spaces to `columns` display columns.
  static func pad(_ text: String, to columns: Int) -> String {
    text + String(repeating: " ", count: max(0, columns - width(of: text)))
  }
}
