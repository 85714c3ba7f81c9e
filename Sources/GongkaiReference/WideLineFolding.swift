import Yams

/// Line folding for Chinese text. YAML folds a line break inside a plain or `>` scalar into a space, and
/// Chinese puts no space between characters: a summary wrapped as 第一行，/第二行 would reach the register and
/// the public notice as 第一行， 第二行. As CSS does when it lays out East Asian text (CSS Text 3, segment break
/// transformation rules), a break between two wide characters folds into nothing; every other break folds as
/// YAML says.
///
/// Yams gives a scalar's folded value and where it starts, not where its breaks were: the scalar's lines are
/// found again in the file and folded the YAML way, and only when that gives Yams' value exactly are they
/// folded again without the spaces between wide characters. Anything else (a comment after the value, more
/// indented lines in a `>` block, a tab) keeps the value as Yams read it.
enum WideLineFolding {
  /// `value`, read from the plain or folded scalar starting at `mark`, with the spaces that folded a break
  /// between two wide characters removed. Callers ask ``mayHaveFoldBetweenWideCharacters(_:)`` first, which
  /// spares most values the search.
  static func unfold(_ value: String, style: Node.Scalar.Style, mark: Mark, lines: [Substring]) -> String {
    let first = mark.line - 1
    guard first >= 0, first < lines.count else { return value }
    // The scalar's first line and every line after it, joined lazily: the search stops within the value's length,
    // so copying the rest of the file for each scalar would cost more than the search.
    let content: FlattenSequence<[ArraySlice<Substring>]>
    switch style {
    case .plain:
      let line = lines[first]
      guard mark.column - 1 <= line.count else { return value }
      content = [[line.dropFirst(mark.column - 1)], lines[(first + 1)...]].joined()
    case .folded:
      content = [lines[(first + 1)...]].joined()
    default:
      return value
    }
    var core = Substring(value)
    while core.last == "\n" { core.removeLast() }
    guard let folded = refold(content, style: style, matching: core) else { return value }
    return folded + value[core.endIndex...]
  }

  /// Whether `value` has a space between two wide characters, the only place the folding differs.
  static func mayHaveFoldBetweenWideCharacters(_ value: String) -> Bool {
    guard value.utf8.contains(0x20) else { return false }
    var previous: Unicode.Scalar?
    var beforeSpace: Unicode.Scalar?
    for scalar in value.unicodeScalars {
      if scalar == " " {
        beforeSpace = previous
      } else {
        if previous == " ", let beforeSpace, isWide(beforeSpace), isWide(scalar) { return true }
        beforeSpace = nil
      }
      previous = scalar
    }
    return false
  }

  /// East Asian wide and fullwidth characters that Chinese and Japanese set without spaces: ideographs, CJK
  /// punctuation, kana, bopomofo, fullwidth forms. Hangul is not among them: Korean separates words with spaces.
  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3000...0x312F, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6: true
    default: scalar.properties.isIdeographic
    }
  }

  /// The first lines of `content` that YAML folds into `core`, folded again without spaces between wide
  /// characters; nil when no number of lines gives `core`.
  private static func refold(_ content: some Sequence<Substring>, style: Node.Scalar.Style, matching core: Substring) -> String? {
    var standard = "", wide = ""
    var indentation: Int?
    var emptyLines = 0
    var started = false
    for line in content {
      let piece: Substring
      if style == .plain {
        piece = trimmed(line)
      } else {
        let leading = line.prefix { $0 == " " }.count
        if line.dropFirst(leading).isEmpty {
          if started { emptyLines += 1 }
          continue
        }
        guard leading == (indentation ?? leading), line.dropFirst(leading).first != "\t" else { return nil }
        indentation = leading
        piece = line.dropFirst(leading)
      }
      if piece.isEmpty {
        if started { emptyLines += 1 }
        continue
      }
      if started {
        if emptyLines > 0 {
          let breaks = String(repeating: "\n", count: emptyLines)
          standard += breaks
          wide += breaks
        } else {
          standard += " "
          if !(wide.unicodeScalars.last.map(isWide) == true && piece.unicodeScalars.first.map(isWide) == true) { wide += " " }
        }
      }
      standard += piece
      wide += piece
      started = true
      emptyLines = 0
      if standard.utf8.count > core.utf8.count { return nil }
      if standard == core { return wide }
    }
    return nil
  }

  private static func trimmed(_ line: Substring) -> Substring {
    let start = line.firstIndex { $0 != " " && $0 != "\t" } ?? line.endIndex
    let end = line[start...].lastIndex { $0 != " " && $0 != "\t" }.map { line.index(after: $0) } ?? start
    return line[start..<end]
  }
}
