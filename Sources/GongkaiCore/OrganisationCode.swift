/// The form of the organisation code a register's 索引号 (<code>-<YYYY>-<NNNNN>) and its feed's id are numbered
/// under. Both are kept byte for byte by the portals and evaluators that match them, so a code has one form only:
/// ASCII capitals and digits (a 统一社会信用代码 is 18 of them, a division code 6), never one typed in another case or
/// by a Chinese input method's full-width characters, which would be a second code for the same body.
public enum OrganisationCode {
  /// Longer than any organisation code.
  public static let maximumLength = 32

  /// Whether `text` is an organisation code in its one form.
  public static func isWellFormed(_ text: String) -> Bool {
    !text.isEmpty && text.count <= maximumLength && text.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
  }

  /// The code `text` was meant to be, when it is one typed in lower case or full width; `nil` when it is none.
  public static func meant(by text: String) -> String? {
    let ascii = text.halfWidth.uppercased()
    return ascii != text && isWellFormed(ascii) ? ascii : nil
  }
}
