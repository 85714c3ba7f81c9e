import Foundation

/// Standard output and standard error, and what the terminal can show.
enum Terminal {
  /// Writes each message to standard error as one line prefixed `gongkai: `.
  static func error(_ messages: [String]) {
    toStandardError(messages.map { "gongkai: \(visible($0))\n" }.joined())
  }

  /// Writes a warning line to standard error; warnings never go to standard output, which scripts read.
  static func warning(_ message: String) {
    toStandardError("gongkai: warning: \(visible(message))\n")
  }

  /// Writes to standard error, which may be closed (`2>&1 | head`): with SIGPIPE ignored, Foundation's
  /// non-throwing write would stop the process there, and a message that cannot be shown is no reason to.
  static func toStandardError(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
  }

  /// Writes `text` only where standard error takes it at once, and says whether it did. A terminal stopped with
  /// Ctrl-S, or a pipe nobody reads, would hold the writing thread: one in the middle of a write could then not undo
  /// it when a signal asks. Keep `text` short (a terminal with room takes a few hundred bytes, a pipe PIPE_BUF whole).
  @discardableResult
  static func toStandardErrorIfTaken(_ text: String) -> Bool {
    var output = pollfd(fd: STDERR_FILENO, events: Int16(POLLOUT), revents: 0)
    guard poll(&output, 1, 0) == 1, output.revents & Int16(POLLOUT) != 0 else { return false }
    var bytes = Array(text.utf8)
    return write(STDERR_FILENO, &bytes, bytes.count) == bytes.count
  }

  /// The message with control characters from user input shown as `\u{7}` (a line feed as `\u{A}`, U+2028 as
  /// `\u{2028}`), so an error is one line and never rings the terminal, moves its cursor or hides a NUL; so are
  /// scalars no character is assigned to (U+FFFF), which a terminal shows as an empty box.
  static func visible(_ message: String) -> String {
    var out = ""
    for scalar in message.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned:
        out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      default:
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A stored text as a report line shows it: as ``visible(_:)`` shows it, so that a text stored before the register
  /// refused control characters (or written into it by another program) cannot move the cursor, recolour or clear
  /// the terminal of whoever reads the report. A text of printable ASCII and Chinese, nearly every one, is returned
  /// as it is without asking Unicode's tables.
  static func field(_ text: String) -> String {
    text.unicodeScalars.allSatisfy(isPlainlyShown) ? text : visible(text)
  }

  /// A former value as a confirmation names it (`(was …)`): as ``field(_:)`` shows it, `none` where there was none, and
  /// `blank` for a blank text an earlier import stored, which would show as nothing.
  static func former(_ text: String?) -> String {
    guard let text else { return "none" }
    return text.allSatisfy(\.isWhitespace) ? "blank" : field(text)
  }

  /// A stored text of several lines (a summary), each line as ``field(_:)`` shows it.
  static func fieldLines(_ text: String) -> [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { field(String($0)) }
  }

  /// Printable ASCII, and ranges of Chinese text in which every scalar is an assigned character that shows: Latin-1
  /// without its soft hyphen, the general punctuation before the separators and after them up to the invisible
  /// operators, CJK symbols and punctuation, the unified ideographs and their extension A, the full-width forms.
  private static func isPlainlyShown(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20...0x7E, 0xA0...0xAC, 0xAE...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x303F, 0x3400...0x4DBF,
      0x4E00...0x9FEF, 0xFF01...0xFF5E:
      true
    default: false
    }
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

/// Standard output for everything a command prints: written straight to the file descriptor and checked, so
/// a full disk or a closed pipe ends the command with status 74 instead of a silently short report.
enum StandardOutput {
  /// Writes `text` and a line break (or `terminator`).
  static func print(_ text: some CustomStringConvertible, terminator: String = "\n") throws {
    try write(Data((text.description + terminator).utf8))
  }

  /// Writes what a command that may have written the register says of it: when that fails after a write
  /// (`written`), the write stands, and the error says so rather than have the command run again.
  static func confirm(_ text: some CustomStringConvertible, written: Bool = true) throws {
    Interruption.commandEnded()
    do { try print(text) } catch { throw StandardOutputError(written: written ? .register : nil) }
  }

  /// Writes what a command says of the file it wrote whole (an export, a backup): when that fails, the error says
  /// the file stands.
  static func confirm(_ text: some CustomStringConvertible, wroteFile path: String) throws {
    Interruption.commandEnded()
    do { try print(text) } catch { throw StandardOutputError(written: .file(path)) }
  }

  /// Whether standard output starts a file (`> findings.csv`; `>>` only to an empty one): where a CSV begins with the
  /// byte order mark Excel in China needs, and which a script reading a pipe would take for part of the first
  /// column's name. An appended file's offset reads 0 until the first write, so its size is asked.
  static var startsAFile: Bool {
    var status = stat()
    return fstat(STDOUT_FILENO, &status) == 0 && status.st_mode & S_IFMT == S_IFREG && status.st_size == 0
      && lseek(STDOUT_FILENO, 0, SEEK_CUR) == 0
  }

  static func write(_ data: Data) throws {
    do { try FileHandle.standardOutput.write(contentsOf: data) } catch { throw StandardOutputError() }
  }
}

/// `1 row`, `2 rows`: the counts commands report, in English with the noun's plural in `s`.
func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
