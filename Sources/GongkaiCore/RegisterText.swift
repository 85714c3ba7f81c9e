/// The rules every text typed into the register follows, so that a pasted 10 MB blob, a control character
/// or bytes that were not UTF-8 never reach the database or a public notice.
public enum RegisterText {
  /// Longest name-like field (project name, unit, channel, 文号).
  public static let maximumNameLength = 200
  /// Longest free text (a summary, a reason).
  public static let maximumTextLength = 2000
  /// Longest URL.
  public static let maximumURLLength = 2000

  /// The problems of one field: missing when required, too long, control characters, undecodable bytes.
  public static func problems(
    _ field: String, _ value: String?, required: Bool = false, maximum: Int = maximumNameLength,
    allowNewlines: Bool = false
  ) -> [RegisterError] {
    guard let value, !value.allSatisfy(\.isWhitespace) else {
      return required ? [.missingField(field)] : []
    }
    if value.unicodeScalars.count > maximum {
      return [.invalidField(field, String(value.prefix(20)) + "…", "it has \(value.unicodeScalars.count) characters; the limit is \(maximum)")]
    }
    if value.unicodeScalars.contains("\u{FFFD}") {
      return [.invalidField(field, value, "it contains bytes that are not UTF-8; save the input as UTF-8")]
    }
    // Control characters, and the bidirectional overrides that make a published text read differently
    // from what was typed.
    let control = value.unicodeScalars.first {
      ($0.properties.generalCategory == .control && !(allowNewlines && ($0 == "\n" || $0 == "\r" || $0 == "\t")))
        || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
    }
    if let control {
      return [.invalidField(field, String(value.prefix(40)), "it contains the control character U+\(String(control.value, radix: 16, uppercase: true)); remove it")]
    }
    return []
  }

  /// Problems of a URL: it must be an http or https address.
  public static func urlProblems(_ field: String, _ value: String?) -> [RegisterError] {
    guard let value else { return [] }
    let text = problems(field, value, maximum: maximumURLLength)
    guard text.isEmpty else { return text }
    let lower = value.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), lower.count > 8 else {
      return [.invalidField(field, value, "use the full address of the publication, starting with https://")]
    }
    if let bad = value.unicodeScalars.first(where: { $0.properties.isWhitespace || "\"<>\\^`{|}".unicodeScalars.contains($0) }) {
      return [.invalidField(field, value, "an address cannot contain '\(bad)'; copy it from the browser, which percent-encodes it")]
    }
    return []
  }
}

/// Input the register refuses, each naming the field, the value and what to do.
public enum RegisterError: Error, Equatable, Sendable, CustomStringConvertible {
  case malformedProjectCode(String)
  case missingField(String)
  case invalidField(String, String, String)
  case unknownKind(String)
  case futureDate(String, CivilDate, today: CivilDate)
  case disclosureBeforeMilestone(published: CivilDate, formed: CivilDate)
  case untilBeforePublished(until: CivilDate, published: CivilDate)
  case changesLaterMilestone(String)
  /// A milestone that changes itself, directly or through milestones formed the same day.
  case changesItself(String)

  /// The field the error is about, as files and options name it.
  public var field: String {
    switch self {
    case .malformedProjectCode: "code"
    case .missingField(let field), .invalidField(let field, _, _), .futureDate(let field, _, _): field
    case .unknownKind: "kind"
    case .disclosureBeforeMilestone: "published"
    case .untilBeforePublished: "until"
    case .changesLaterMilestone, .changesItself: "changes"
    }
  }

  public var description: String {
    switch self {
    case .malformedProjectCode(let text):
      "project code '\(text)' is malformed; use the national 项目代码 form YYYY-DDDDDD-DD-DD-DDDDDD, e.g. 2024-310110-48-01-000123"
    case .missingField(let field): "\(field) is required"
    case .invalidField(let field, let value, let fix): "\(field) '\(value)' is not accepted: \(fix)"
    case .unknownKind(let kind): "unknown item kind '\(kind)'; `gongkai rules` lists the codes"
    case .futureDate(let field, let date, let today):
      "\(field) \(date) is in the future (today is \(today) in China Standard Time); record information once it is formed"
    case .disclosureBeforeMilestone(let published, let formed):
      "published \(published) is before the information was formed (\(formed)); check the dates"
    case .untilBeforePublished(let until, let published):
      "until \(until) is before the publication day \(published)"
    case .changesLaterMilestone(let key):
      "changes '\(key)': a milestone can only change earlier information"
    case .changesItself(let key):
      "changes '\(key)': a milestone cannot change itself, directly or through milestones of the same day; remove the link"
    }
  }
}
