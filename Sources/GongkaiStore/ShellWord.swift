/// A value as one word of a POSIX shell command line, for the commands that messages suggest: a 文号 such as
/// `杨建（2026）3号 补` or a path with a space, pasted as the message gives it, must reach gongkai as one argument.
public enum ShellWord {
  /// `value` unchanged when the shell reads it as it stands (letters, digits, Chinese, `-_./:@%+=,`), else in single
  /// quotes, with each quote inside closed, escaped and reopened (`'\''`).
  public static func quoted(_ value: String) -> String {
    let plain = !value.isEmpty && value.unicodeScalars.allSatisfy { scalar in
      scalar.value >= 0x80 || safe.contains(UInt8(scalar.value))
    }
    if plain { return value }
    return "'" + value.split(separator: "'", omittingEmptySubsequences: false).joined(separator: #"'\''"#) + "'"
  }

  private static let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@%+=,".utf8)
}
