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

  /// The `sqlite3` command line that runs `sql` on the database at `path`, for a repair gongkai leaves to the user.
  public static func sqlite3(_ path: String, _ sql: String) -> String {
    "sqlite3 \(quoted(path)) \(quoted(sql))"
  }

  /// `name` as SQL names a table, index or trigger: in double quotes, each one inside doubled.
  public static func sqlName(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private static let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:@%+=,".utf8)
}
