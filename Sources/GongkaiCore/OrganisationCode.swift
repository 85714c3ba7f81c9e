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

  /// Why a code of 18 characters, a 统一社会信用代码's length, is not one as typed (GB 32100-2015): a letter the code's
  /// alphabet leaves out, or a last character other than the one its check gives (a character typed wrong). `nil` for
  /// one that is, and for a code of another length (a division code, another form a portal numbers under). Recorded
  /// once, the code numbers every 索引号, and a correction renumbers those published: a warning, as a body's code is
  /// what its certificate says, whatever the check.
  public static func creditCodeProblem(_ code: String) -> String? {
    let characters = Array(code.unicodeScalars)
    guard characters.count == 18, isWellFormed(code) else { return nil }
    let values = characters.map { creditCodeAlphabet.firstIndex(of: Character($0)) }
    if let left = characters.indices.first(where: { values[$0] == nil }) {
      return "'\(code)' is 18 characters, as a 统一社会信用代码 is, but holds \(characters[left]), which none does (GB 32100-2015 "
        + "leaves out I, O, S, V and Z): check it against the body's certificate"
    }
    let sum = zip(values.prefix(17), creditCodeWeights).reduce(0) { $0 + $1.0! * $1.1 }
    let check = creditCodeAlphabet[(31 - sum % 31) % 31]
    guard check != Character(characters[17]) else { return nil }
    return "'\(code)' is 18 characters, as a 统一社会信用代码 is, but its check gives \(check) for the last, not \(characters[17]) "
      + "(GB 32100-2015): a character may be typed wrong; check it against the body's certificate"
  }

  private static let creditCodeAlphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
  private static let creditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
}
