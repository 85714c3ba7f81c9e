/// The rules every text typed into the register follows, so that a pasted 10 MB blob, a control character
/// or bytes that were not UTF-8 never reach the database or a public notice.
public enum RegisterText {
  /// Longest name-like field (project name, unit, channel, 文号).
  public static let maximumNameLength = 200
  /// Longest free text (a summary, a reason).
  public static let maximumTextLength = 2000
  /// Longest URL.
  public static let maximumURLLength = 2000

  /// What opens the reason of each milestone a project's withdrawal takes with it, before the project's reason: what
  /// tells them from milestones withdrawn on their own, and what a reinstatement puts back in force. A reason typed
  /// or imported may not start with it, or a milestone withdrawn on its own could be taken for one of them.
  public static let projectWithdrawalMark = "（项目撤回）"
  /// What a project's reinstatement gives as the reinstatement reason of each milestone it puts back, before its own.
  public static let projectReinstatementMark = "（项目恢复）"

  /// A reason typed or imported that starts with ``projectWithdrawalMark`` or ``projectReinstatementMark``, which only
  /// a project's withdrawal and reinstatement write.
  static func markProblem(_ field: String, _ reason: String) -> RegisterError? {
    let marks = [(projectWithdrawalMark, "withdrawal takes with it"), (projectReinstatementMark, "reinstatement puts back")]
    guard let (mark, what) = marks.first(where: { reason.hasPrefix($0.0) }) else { return nil }
    return .invalidField(field, reason, "\(mark) marks the milestones a project's \(what); give the reason without it")
  }

  /// The optional fields held blank: every way in reads a blank one as left out, but an import of a project file kept
  /// it as a blank text before it did, and `doctor` names those for correcting.
  static func blankProblems(_ fields: [(field: String, value: String?)]) -> [RegisterError] {
    fields.compactMap { field, value in
      guard let value, value.allSatisfy(\.isWhitespace) else { return nil }
      return .invalidField(field, value, "it is blank, where the field should be left out")
    }
  }

  /// The problems of one field: missing when required, too long, control characters, undecodable bytes.
  public static func problems(
    _ field: String, _ value: String?, required: Bool = false, maximum: Int = maximumNameLength,
    allowNewlines: Bool = false
  ) -> [RegisterError] {
    guard let value, !value.allSatisfy(\.isWhitespace) else {
      return required ? [.missingField(field)] : []
    }
    let scan = Scan(value, allowNewlines: allowNewlines)
    if scan.count > maximum {
      return [.invalidField(field, String(value.prefix(20)) + "…", "it has \(scan.count) characters; the limit is \(maximum)")]
    }
    if scan.hasReplacement {
      return [.invalidField(field, value, "it contains bytes that are not UTF-8; save the input as UTF-8")]
    }
    if let control = scan.control {
      // A text of several lines breaks them with a line feed alone: every output shows that as one line break, where
      // a carriage return or a Unicode separator is a break in some and nothing in others.
      let fix = allowNewlines && [0x0D, 0x2028, 0x2029].contains(control.value) ? "break lines with a line feed alone" : "remove it"
      // A line broken on Windows (CR LF) in a field of one line is a line break to remove, not only its carriage return.
      let what = !allowNewlines && control == "\r" && value.utf8.indices.contains { value.utf8[$0] == 0x0D && value.utf8[value.utf8.index(after: $0)...].first == 0x0A }
        ? "a line break (U+000D U+000A), which this field may not hold" : describe(control)
      return [.invalidField(field, String(value.prefix(40)), "it contains \(what); \(fix)")]
    }
    if let noncharacter = scan.noncharacter {
      return [.invalidField(field, String(value.prefix(40)),
        "it contains \(codePoint(noncharacter)), which Unicode reserves as a noncharacter; remove it")]
    }
    return []
  }

  /// The dashes a Chinese input method types where an ASCII '-' was meant: a list entry's, an option's `--`.
  public static let inputMethodDashes: Set<Character> = ["—", "－", "–", "―", "‐", "‑", "﹣", "−"]

  /// The pair of quotes a Chinese input method types that `text` is wrapped in whole (`“江浦路”`, not `“甲”与“乙”`),
  /// or `nil`: typed where a YAML file or a shell takes ASCII quotes, they stay in the text, and a name or 文号 would be
  /// published with them and not match the same document typed without.
  public static func wrappingQuotes(of text: String) -> (Character, Character)? {
    // Asked of every text a file gives: its first scalar, which rules nearly all out, is looked at first.
    guard let first = text.unicodeScalars.first, "“‘「『＂".unicodeScalars.contains(first) else { return nil }
    let pairs: [(Character, Character)] = [("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ("＂", "＂")]
    guard text.count >= 2, let pair = pairs.first(where: { text.first == $0.0 && text.last == $0.1 }),
      !text.dropFirst().dropLast().contains(pair.1)
    else { return nil }
    return pair
  }

  /// A text of several lines with its lines broken by line feeds alone, as the register keeps them: a file saved on
  /// Windows (CR LF) or an old Mac (CR) breaks them otherwise, and so did summaries stored before the register refused
  /// a carriage return, which `export project` writes as they are.
  public static func withLineFeeds(_ text: String) -> String {
    guard text.unicodeScalars.contains("\r") else { return text }
    return text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
  }

  /// The problems of a reason a withdrawal, a correction or a reinstatement of a legal record gives (`--reason`):
  /// required, and refused when it says nothing, only punctuation or a placeholder such as the `…` of a command
  /// gongkai suggested, copied as it was, or when it starts with ``projectWithdrawalMark``. `example` is a reason of
  /// the kind the command records, which the refusal shows.
  public static func reasonProblems(_ field: String, _ value: String?, example: String) -> [RegisterError] {
    guard let value, !value.allSatisfy(\.isWhitespace) else { return [.missingReason(field, example: example)] }
    let found = problems(field, value, maximum: maximumTextLength)
    guard found.isEmpty else { return found }
    if let marked = markProblem(field, value) { return [marked] }
    // What it says, without spaces and punctuation: `<原因>`, `【理由】` and `…` are left with a placeholder or nothing,
    // `无` and `N/A` with a word that says there is none.
    let words = String(String.UnicodeScalarView(value.unicodeScalars.filter {
      $0.properties.isAlphabetic || $0.properties.numericType != nil
    })).lowercased()
    guard words.isEmpty || ["原因", "理由", "reason", "text", "why", "无", "没有", "暂无", "none", "na", "null"].contains(words) else {
      return []
    }
    return [.invalidField(field, value, "say why, e.g. \(field) \(example); a placeholder is not a reason")]
  }

  /// A refused character as a person recognises it: a line break, a tab, a character that reorders text; named the
  /// same whichever file or field refuses it.
  public static func describe(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x0A: "a line break (\(codePoint(scalar))), which this field may not hold"
    case 0x0D: "a carriage return (\(codePoint(scalar)))"
    case 0x09: "a tab (\(codePoint(scalar)))"
    case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
      "the bidirectional control \(codePoint(scalar)), which can make text display in another order than it is stored"
    case 0x2028, 0x2029: "a line or paragraph separator (\(codePoint(scalar))), which this field may not hold"
    case _ where carriesHiddenText(scalar):
      "the invisible character \(codePoint(scalar)), which carries text no reader of a page sees"
    case _ where isInvisible(scalar):
      "the invisible character \(codePoint(scalar)), which makes two names that look the same differ"
    case _ where scalar.properties.isNoncharacterCodePoint: "the noncharacter \(codePoint(scalar))"
    default: "the control character \(codePoint(scalar))"
    }
  }

  /// `U+000A`: at least four hexadecimal digits, as Unicode writes code points.
  public static func codePoint(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// What ``problems(_:_:required:maximum:allowNewlines:)`` needs to know of a value, from one pass over its
  /// scalars: an import checks several fields of every row, and three passes with a Unicode property lookup
  /// per scalar took a tenth of a spreadsheet import.
  private struct Scan {
    /// The number of scalars.
    var count = 0
    /// Whether U+FFFD stands in for bytes that were not UTF-8.
    var hasReplacement = false
    /// The first control character, or bidirectional override that makes a published text read differently
    /// from what was typed.
    var control: Unicode.Scalar?
    /// The first noncharacter (U+FFFE, U+FFFF and their like): XML forbids two of them and HTML all, so one in a
    /// project's name made the Atom feed of every project unreadable.
    var noncharacter: Unicode.Scalar?

    init(_ value: String, allowNewlines: Bool) {
      // The scalar before a joiner (U+200C, U+200D) and the joiner, for the test of the scalar after it.
      var previous: Unicode.Scalar?
      var joiner: Unicode.Scalar?
      for scalar in value.unicodeScalars {
        count += 1
        if scalar == "\u{FFFD}" { hasReplacement = true }
        if control == nil, isControl(scalar) && !(allowNewlines && (scalar == "\n" || scalar == "\t"))
          || scalar.value >= 0xAD && RegisterText.isHidden(scalar, allowNewlines: allowNewlines)
          || !allowNewlines && RegisterText.joinsHan(previous, joiner, scalar)
          || !allowNewlines && (scalar.value | 1 == 0xFE0F || (0x180B...0x180F).contains(scalar.value))
            && RegisterText.isOutOfPlace(scalar, after: previous)
        {
          control = RegisterText.joinsHan(previous, joiner, scalar) ? joiner : scalar
        }
        (previous, joiner) = RegisterText.isJoiner(scalar) ? (previous, scalar) : (scalar, nil)
        if noncharacter == nil, isNoncharacter(scalar) { noncharacter = scalar }
      }
      if control == nil, !allowNewlines, let joiner, previous.map(RegisterText.isHan) ?? false { control = joiner }
    }
  }

  /// Whether the scalar changes how text displays without showing itself: a bidirectional control or mark, which
  /// can make a published text read in another order than it is stored; a line or paragraph separator, which some
  /// outputs break a line at and others do not; and, in a one-line field, an invisible character (zero-width space,
  /// word joiner, BOM, a variation selector), which makes two 文号 or names that look the same differ, so that a
  /// duplicate goes unnoticed. Joiners (U+200C, U+200D) are left, as are the characters ``isOutOfPlace(_:after:)``
  /// judges by the letter before: some scripts and emoji need them.
  private static func isHidden(_ scalar: Unicode.Scalar, allowNewlines: Bool) -> Bool {
    switch scalar.value {
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: true
    case _ where carriesHiddenText(scalar): true
    // Judged by what stands beside them: ``joinsHan(_:_:_:)`` and ``isOutOfPlace(_:after:)``.
    case 0x200C, 0x200D, 0x180B...0x180F, 0xFE0E, 0xFE0F: false
    default: !allowNewlines && isInvisible(scalar)
    }
  }

  /// The invisible characters: besides the zero-width space, joiners, word joiner and BOM, the soft hyphen, the
  /// grapheme joiner, the Hangul fillers, the Mongolian variation selectors and vowel separator, the blank braille
  /// pattern, invisible operators and the deprecated format characters after them, the specials before the annotation
  /// marks, the variation selectors, annotation marks, shorthand format controls, musical formatting, and the tags and
  /// the rest of their block, none of
  /// which a name, a 文号 or a channel has a use for but in the scripts and emoji that need a joiner or a selector.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x200B...0x200D, 0x2060...0x2064, 0x206A...0x206F, 0xFEFF, 0x00AD, 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F, 0x2800,
      0x3164, 0xFE00...0xFE0F, 0xFFA0, 0xFFF0...0xFFFB, 0x1BCA0...0x1BCA3, 0x1D173...0x1D17A, 0xE0000...0xE0FFF:
      true
    default: false
    }
  }

  /// The tags (U+E0000-U+E007F) and the interlinear annotation marks (U+FFF9-U+FFFB): each spells text that displays as
  /// nothing, which a summary would carry onto the public page and the feed unseen. Refused in every field, summaries
  /// included; a government text has no use for a subdivision flag's tags.
  static func carriesHiddenText(_ scalar: Unicode.Scalar) -> Bool {
    (0xFFF9...0xFFFB).contains(scalar.value) || (0xE0000...0xE007F).contains(scalar.value)
  }

  static func isJoiner(_ scalar: Unicode.Scalar) -> Bool { scalar.value == 0x200C || scalar.value == 0x200D }

  /// Whether an invisible character that only some letters use follows another: a text or emoji presentation selector
  /// (U+FE0E, U+FE0F) presents a pictograph beyond ASCII (🏗️), and the Mongolian variation selectors and vowel separator
  /// (U+180B-U+180F) shape a Mongolian letter. After a digit of a 文号 (`99\u{FE0F}号`) or a Chinese character they show
  /// nothing and make two values that look the same differ.
  static func isOutOfPlace(_ scalar: Unicode.Scalar, after previous: Unicode.Scalar?) -> Bool {
    switch scalar.value {
    case 0xFE0E, 0xFE0F: !(previous.map { !$0.isASCII && $0.properties.isEmoji } ?? false)
    case 0x180B...0x180F: !(previous.map { (0x1820...0x18AF).contains($0.value) } ?? false)
    default: false
    }
  }

  /// Whether a joiner (U+200C, U+200D) stands beside a Chinese character: Chinese has no use for one, and
  /// `测试\u{200D}单位` looks like 测试单位 (scripts and emoji that need joiners are left).
  static func joinsHan(_ previous: Unicode.Scalar?, _ joiner: Unicode.Scalar?, _ next: Unicode.Scalar) -> Bool {
    guard let joiner, isJoiner(joiner) else { return false }
    return previous.map(isHan) ?? false || isHan(next)
  }

  /// CJK Unified Ideographs, their extensions A to H, and the compatibility ideographs.
  public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF: true
    default: false
    }
  }

  /// Whether the scalar is one of Unicode's 66 noncharacters: U+FDD0-U+FDEF and the last two of every plane.
  static func isNoncharacter(_ scalar: Unicode.Scalar) -> Bool {
    (0xFDD0...0xFDEF).contains(scalar.value) || scalar.value & 0xFFFE == 0xFFFE
  }

  /// Whether the scalar's general category is `Cc` (control): exactly U+0000-U+001F and U+007F-U+009F, a set
  /// Unicode's stability policy fixes for ever, so no property table need be asked.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// Problems of a URL: it must be an http or https address. `page` names what it should lead to, as the fix says it.
  public static func urlProblems(_ field: String, _ value: String?, of page: String = "the publication") -> [RegisterError] {
    guard let value else { return [] }
    let text = problems(field, value, maximum: maximumURLLength)
    guard text.isEmpty else { return text }
    guard hasWebScheme(value) else {
      // ｈｔｔｐｓ：／／ as an input method types it: the address in ASCII is what it meant.
      let ascii = value.halfWidth
      if ascii != value, hasWebScheme(ascii) {
        return [.invalidField(field, value, "it is typed in full-width characters (ｈｔｔｐｓ：／／); type the address in ASCII, as the browser shows it")]
      }
      return [.invalidField(field, value, "use the full address of \(page), starting with https:// (or http://)")]
    }
    // Named as typed: `http://` has no site after it, whatever https:// has.
    func noSite() -> RegisterError {
      .invalidField(field, value, "the address names no site after \(value.prefix { $0 != ":" }.lowercased())://; copy it from the browser")
    }
    if let host = value.utf8.firstIndex(of: UInt8(ascii: ":")).map({ value.utf8.index($0, offsetBy: 3) }),
      host < value.utf8.endIndex, [UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#")].contains(value.utf8[host])
    {
      return [noSite()]
    }
    // A site has a name: `https://...`, the placeholder of an example copied as it is, has none.
    if let start = value.utf8.firstIndex(of: UInt8(ascii: ":")).map({ value.utf8.index($0, offsetBy: 3) }) {
      let site = String(decoding: value.utf8[start...].prefix { ![UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#")].contains($0) },
                        as: UTF8.self)
      // A letter or digit of any script (例子.中国 is a site; …, 。 and ... are not).
      if !site.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
        return [noSite()]
      }
    }
    if let bad = value.unicodeScalars.first(where: isForbiddenInURL) {
      return [.invalidField(field, value, "an address cannot contain '\(bad)'; copy it from the browser, which percent-encodes it")]
    }
    if let flaw = structureFlaw(value) { return [.invalidField(field, value, flaw + "; copy the address from the browser")] }
    if let site = userNamedSite(value) {
      let leads = site.isEmpty ? "names no site after its '@'" : "leads to \(site), the site after its '@', whatever precedes it"
      return [.invalidField(field, value, """
        the address \(leads) (a way to make a link look like another site's); give the address of \(page) itself, \
        without a user name
        """)]
    }
    return []
  }

  /// The site an address with a user name before `@` in its authority leads to (`https://good.gov.cn@evil.example/`
  /// leads to evil.example); nil for an address without one.
  static func userNamedSite(_ value: String) -> Substring? {
    guard let colon = value.firstIndex(of: ":"), value[colon...].hasPrefix("://") else { return nil }
    let authority = value[value.index(colon, offsetBy: 3)...].prefix { !"/?#".contains($0) }
    guard let at = authority.lastIndex(of: "@") else { return nil }
    return authority[authority.index(after: at)...]
  }

  /// What makes the site of an address with a web scheme no site a browser can reach: a bracketed IPv6 address that
  /// is none, or a port that is not a number. What follows the site is left as the browser gives it: `%u516C` from
  /// an old portal's script, `?ids[]=1`, a second `#` of a single-page application all work there (the open-data
  /// exports percent-encode them, as a URI must).
  static func structureFlaw(_ value: String) -> String? {
    let bytes = Array(value.utf8)
    // The authority: after `//`, up to the path, query or fragment; a user name before `@` may hold a colon.
    guard let scheme = bytes.firstIndex(of: UInt8(ascii: ":")), scheme + 3 <= bytes.count else { return nil }
    let afterScheme = scheme + 3
    let authorityEnd = bytes[afterScheme...].firstIndex { "/?#".utf8.contains($0) } ?? bytes.endIndex
    let hostStart = bytes[afterScheme..<authorityEnd].lastIndex(of: UInt8(ascii: "@")).map { $0 + 1 } ?? afterScheme
    var hostEnd = hostStart
    if bytes[hostStart..<authorityEnd].first == UInt8(ascii: "[") {
      guard let close = bytes[hostStart..<authorityEnd].firstIndex(of: UInt8(ascii: "]")),
        isIPv6Address(bytes[(hostStart + 1)..<close])
      else { return "brackets around the site hold an IPv6 address, such as [2001:db8::1]" }
      hostEnd = close + 1
    }
    // Brackets elsewhere in the site (a user name, a name) are no address a browser opens.
    if bytes[afterScheme..<hostStart].contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") })
      || bytes[hostEnd..<authorityEnd].contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") })
    {
      return "brackets in the site's part of an address hold an IPv6 address only"
    }
    // The port: after the literal's bracket at once, else after the name's last colon; it may be empty (RFC 3986).
    let afterHost = bytes[hostEnd..<authorityEnd]
    let port = hostEnd > hostStart ? afterHost : afterHost.drop { $0 != UInt8(ascii: ":") }
    if let colon = port.first {
      let digits = port.dropFirst()
      guard colon == UInt8(ascii: ":"), digits.count <= 5, digits.allSatisfy(\.isASCIIDigit),
        digits.reduce(0, { $0 * 10 + Int($1 - UInt8(ascii: "0")) }) <= 65535
      else { return "a port after the site's name is a number up to 65535 (https://example.cn:8443/)" }
    }
    return nil
  }

  /// RFC 4291's text form: up to eight groups of one to four hexadecimal digits between colons, one `::` standing for
  /// the groups left out, and a dotted IPv4 address as the last two groups.
  static func isIPv6Address(_ text: ArraySlice<UInt8>) -> Bool {
    let parts = Array(text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false))
    guard parts.count >= 3 else { return false }
    // `::` leaves one empty part between groups, two at either end, three alone; no other empty part is allowed.
    let empty = parts.indices.filter { parts[$0].isEmpty }
    let last = parts.count - 1
    let elided = !empty.isEmpty
    guard !elided || empty == [0, 1, 2] && parts.count == 3 || empty == [0, 1] || empty == [last - 1, last]
      || empty.count == 1 && empty[0] > 0 && empty[0] < last
    else { return false }
    var groups = 0
    for (index, part) in parts.enumerated() where !part.isEmpty {
      if index == last, part.contains(UInt8(ascii: ".")) {
        let octets = part.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ octet in
          (1...3).contains(octet.count) && (octet.count == 1 || octet.first != UInt8(ascii: "0"))
            && octet.allSatisfy(\.isASCIIDigit)
            && octet.reduce(0, { $0 * 10 + Int($1 - UInt8(ascii: "0")) }) <= 255
        }) else { return false }
        groups += 2
      } else {
        guard (1...4).contains(part.count), part.allSatisfy({
          $0.isASCIIDigit || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0 | 0x20)
        }) else { return false }
        groups += 1
      }
    }
    return elided ? groups < 8 : groups == 8
  }

  /// Whether a URL without control characters starts with `http://` or `https://`, in any case, and goes on
  /// after it. An ASCII address (nearly all) is compared byte by byte: its characters are its bytes, as
  /// only CR LF makes one character of two ASCII scalars. Other text goes through `lowercased()`.
  private static func hasWebScheme(_ value: String) -> Bool {
    guard value.utf8.allSatisfy({ $0 < 0x80 }) else {
      let lower = value.lowercased()
      return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
    func starts(with scheme: StaticString) -> Bool {
      scheme.withUTF8Buffer { scheme in
        value.utf8.count >= scheme.count
          && zip(value.utf8, scheme).allSatisfy { byte, expected in byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0) == expected }
      }
    }
    // An address with nothing after the scheme is told so below, as one naming no site.
    return starts(with: "https://") || starts(with: "http://")
  }

  /// White space and the characters an address must percent-encode; the Unicode property is asked only
  /// beyond ASCII.
  static func isForbiddenInURL(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\t"..."\r", " ", "\"", "<", ">", "\\", "^", "`", "{", "|", "}": true
    case "\0"..."\u{7F}": false
    default: scalar.properties.isWhitespace
    }
  }
}

/// Input the register refuses, each naming the field, the value and what to do.
public enum RegisterError: Equatable, Sendable, PointsToReferenceList {
  case malformedProjectCode(String)
  case missingField(String)
  /// A reason missing or blank: the field, and a reason of the kind the command records.
  case missingReason(String, example: String)
  case invalidField(String, String, String)
  /// The kind as written, and the code of the kind it most likely means (``RuleCatalogue/kind(meant:)``).
  case unknownKind(String, meant: [String] = [], categories: [Category] = [], profile: UnknownKindProfiles? = nil)
  /// A category named where a kind was asked for (``RuleCatalogue/category(meant:)``): the text as written.
  case categoryForKind(String, Category)
  case futureDate(String, CivilDate, today: CivilDate)
  /// A day to come further ahead than a notice of an item due by its own day goes up (``Disclosure/longestLead``).
  case tooFarAhead(String, CivilDate, today: CivilDate)
  /// A publication dated before its information, and the day likely meant where the publication's date was typed and
  /// only its year is off (``yearMeant(published:formed:today:)``).
  case disclosureBeforeMilestone(published: CivilDate, formed: CivilDate, meant: CivilDate? = nil)
  /// A publication's last day before its first: `field` names it as the input does (`until`, `--until`).
  case untilBeforePublished(String, until: CivilDate, published: CivilDate)
  case changesLaterMilestone(String)
  /// A milestone that changes itself, directly or through milestones formed the same day.
  case changesItself(String)
  /// A milestone changing one of a kind its rule does not link to its own (``DisclosureRule/mayChange(_:)``): the
  /// field, the link as written, the two kinds, and the kinds it may change.
  case changesUnrelatedKind(String, String, kind: String, changed: String, allowed: [String])

  /// The day a publication dated before its information was most likely meant, when its year alone is off: the same
  /// month and day in the year the information was formed, or the next, within 90 days after it and by `today`
  /// (2025-11-25 typed for a milestone of 2026-11-23 meant 2026-11-25; 2026-01-04 for one of 2026-12-30, 2027-01-04).
  public static func yearMeant(published: CivilDate, formed: CivilDate, today: CivilDate) -> CivilDate? {
    let (year, month, day) = published.components
    return [formed.year, formed.year + 1].lazy.filter { $0 != year }
      .compactMap { CivilDate(year: $0, month: month, day: day) }
      .first { $0 >= formed && formed.days(to: $0) <= 90 && $0 <= today }
  }

  /// The day a date a digit off in its year most likely meant (2025-11-26 or 2016-11-26 typed on 2026-12-01 for
  /// 2026-11-26): the same day of this year, or last year's, within the last 90 days; `nil` when the date is recent
  /// or no such day fits. Recorded at the keyboard, a milestone is most often days old: a year typed wrong makes it
  /// overdue by hundreds of working days, which the clerk would otherwise take for the register's history.
  public static func yearMeant(formed date: CivilDate, today: CivilDate) -> CivilDate? {
    guard date.days(to: today) > 300 else { return nil }
    // Asked of every milestone an import adds: digits compared by arithmetic, not through strings.
    func differInOneDigit(_ a: Int, _ b: Int) -> Bool {
      var (a, b, differing) = (a, b, 0)
      while a > 0 || b > 0 {
        if a % 10 != b % 10 { differing += 1 }
        (a, b) = (a / 10, b / 10)
      }
      return differing == 1
    }
    let (year, month, day) = date.components
    for candidate in [today.year, today.year - 1] where differInOneDigit(candidate, year) {
      if let meant = CivilDate(year: candidate, month: month, day: day), meant <= today, meant.days(to: today) <= 90 { return meant }
    }
    return nil
  }

  /// The field the error is about, as files and options name it.
  public var field: String {
    switch self {
    case .malformedProjectCode: "code"
    case .missingField(let field), .missingReason(let field, _), .invalidField(let field, _, _), .futureDate(let field, _, _),
      .tooFarAhead(let field, _, _), .untilBeforePublished(let field, _, _):
      field
    case .unknownKind, .categoryForKind: "kind"
    case .disclosureBeforeMilestone: "published"
    case .changesLaterMilestone, .changesItself: "changes"
    case .changesUnrelatedKind(let field, _, _, _, _): field
    }
  }

  /// What a required field holds, with an example, so that an empty value is met with what to type. Options
  /// (`--channel`) and file fields (`channel`) share their wording.
  static func expectedValue(of field: String) -> String {
    switch field.hasPrefix("--") ? String(field.dropFirst(2)) : field {
    case "channel": "where it was published, e.g. 杨浦区人民政府门户网站"
    case "name": "the project's name as approved, e.g. 江浦路桥梁改建工程"
    case "unit", "responsible-unit": "the unit responsible for publishing, e.g. 杨浦区建设和管理委员会"
    case "publisher": "the name of the body that publishes the data, e.g. 上海市杨浦区建设和管理委员会"
    case "by": "the name of the person making the change, e.g. 张三"
    default: "a value"
    }
  }

  /// "did you mean X?", or with several kinds that fit alike "did you mean one of X, Y?"; `nil` for none.
  private static func question(_ meant: [String], categories: [Category] = []) -> String? {
    let kinds: String? = switch meant.count {
    case 0: nil
    case 1: meant[0]
    default: "one of \(meant.prefix(6).joined(separator: ", "))\(meant.count > 6 ? ", …" : "")"
    }
    let ofCategories = categories.isEmpty ? nil
      : "a kind of " + categories.map { "\($0.rawValue) (\($0.chineseName))" }.joined(separator: " or ")
    let meaning = [kinds, ofCategories].compactMap(\.self)
    return meaning.isEmpty ? nil : "did you mean \(meaning.joined(separator: ", or "))?"
  }

  /// The dashes an input method or a word processor types for a hyphen.
  private static let dashes: Set<Character> = ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}"]

  public var description: String {
    switch self {
    case .malformedProjectCode(let text):
      if let year = ProjectCode.yearOfWellShaped(text.utf8) {
        "project code '\(text)' names the year \(year); a 项目代码's year is from \(ProjectCode.years.lowerBound) to "
          + "\(ProjectCode.years.upperBound): check the code against the project's approval"
      } else if case let ascii = text.halfWidth, ascii != text, (try? ProjectCode(ascii)) != nil {
        // A code is kept and compared byte by byte, so it is not taken in another form: said, with the form to type.
        "project code '\(text)' is typed with full-width characters (a Chinese input method's); type it in ASCII: \(ascii)"
      } else if let dash = text.unicodeScalars.first(where: { Self.dashes.contains(Character($0)) }),
        case let hyphened = String(text.halfWidth.map { Self.dashes.contains($0) ? "-" : $0 }), (try? ProjectCode(hyphened)) != nil
      {
        "project code '\(text)' is typed with \(dash) (\(RegisterText.codePoint(dash))), a dash an input method or a word processor "
          + "types, for its hyphens; type it in ASCII: \(hyphened)"
      } else if let space = text.unicodeScalars.first(where: \.properties.isWhitespace),
        case let bare = String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace })),
        (try? ProjectCode(bare)) != nil
      {
        // A space inside, above all one that prints as one but is not (a no-break space from a web page), would leave
        // the reader looking for what is wrong with a code that looks right.
        "project code '\(text)' holds " + (space == " " ? "a space" : "a space that is not one (\(RegisterText.codePoint(space))), as a code copied from a web page may")
          + "; type it without: \(bare)"
      } else {
        "project code '\(text)' is malformed; use the national 项目代码 form YYYY-DDDDDD-DD-DD-DDDDDD, e.g. 2024-310110-48-01-000123"
      }
    case .missingField(let field): "\(field) is missing or empty; give \(RegisterError.expectedValue(of: field))"
    case .missingReason(let field, let example): "\(field) is missing or empty; give a sentence saying why, e.g. \(example)"
    case .invalidField(let field, let value, let fix): "\(field) '\(value)' is not accepted: \(fix)"
    case .unknownKind(let kind, let meant, _, let profiles?):
      "unknown item kind '\(kind)' in the rules applied here (\(profiles.applied)): it is a kind of the \(profiles.defining) profile; "
        + "record it in a register kept under \(profiles.defining)" + (Self.question(meant).map { ", or \($0)" } ?? "")
    case .unknownKind(let kind, let meant, let categories, nil):
      "unknown item kind '\(kind)'" + (Self.question(meant, categories: categories).map { "; \($0)" } ?? "; use the code of a kind the rules define")
    case .categoryForKind(let kind, let category):
      "unknown item kind '\(kind)': it names the category \(category.rawValue) (\(category.chineseName)), not a kind; "
        + "give the code of one of its kinds"
    case .tooFarAhead(let field, let date, let today):
      "\(field) \(date) is \(today.days(to: date)) days ahead; gongkai takes an item due by its own day at most "
        + "\(Disclosure.longestLead) days before it, so \(today.adding(days: Disclosure.longestLead)) at the latest today: check the date"
    case .futureDate(let field, let date, let today):
      "\(field) \(date) is in the future (today is \(today) in China Standard Time); the register records what has happened: check the date"
    case .disclosureBeforeMilestone(let published, let formed, let meant):
      "published \(published) is before the information was formed (\(formed)); check the dates"
        + (meant.map { " (the year mistyped for \($0)?)" } ?? "")
    case .untilBeforePublished(let field, let until, let published):
      "\(field) \(until) is before the publication day \(published); give the last day the publication stays up, "
        + "\(published) or later, or leave it out while it is still up"
    case .changesLaterMilestone(let key):
      "changes '\(key)': a milestone can only change information formed no later than itself; link the milestone it changes "
        + "(formed on its day or before), or remove the link"
    case .changesItself(let key):
      "changes '\(key)': a milestone cannot change itself, directly or through milestones of the same day; remove the link"
    case .changesUnrelatedKind(let field, let link, let kind, let changed, let allowed):
      "\(field) '\(link)': a milestone of \(kind) cannot change one of \(changed); link a milestone of "
        + allowed.listed(" or ")
        + ", or remove the link"
    }
  }

  public var seeAlso: ReferenceList? {
    switch self {
    case .unknownKind(_, _, _, let profiles?): .kindsOfProfile(profiles.defining)
    case .unknownKind(_, _, _, nil): .itemKinds
    case .categoryForKind(_, let category): .kindsOfCategory(category)
    case .changesUnrelatedKind: .kindLinks
    default: nil
    }
  }
}

/// For a kind the rules applied do not define but a shipped profile does: a file or row from a register kept under
/// that profile.
public struct UnknownKindProfiles: Hashable, Sendable {
  /// The profiles applied (`national`).
  public let applied: String
  /// The shipped profile that defines the kind (`shanghai`).
  public let defining: String

  public init(applied: String, defining: String) {
    self.applied = applied
    self.defining = defining
  }
}
