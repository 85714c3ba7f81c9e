/// The national project code (项目代码) that identifies a project on the national investment project platform:
/// `YYYY-DDDDDD-DD-DD-DDDDDD`, the year, the 6-digit administrative division, the industry, the type and a serial.
///
/// ```swift
/// let code = try ProjectCode("2024-310110-48-01-000123")
/// code.division   // "310110" (杨浦区)
/// ```
public struct ProjectCode: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let rawValue: String

  public init(_ text: String) throws(RegisterError) {
    guard Self.isWellFormed(text.utf8) else { throw .malformedProjectCode(text) }
    rawValue = text
  }

  /// The years a code may name: the platform assigns codes from 1990 on, and 2199 leaves room for typos to show.
  public static let years = 1990...2199

  /// 24 bytes, digits with hyphens at 4, 11, 14 and 17, the year in ``years``. Checked byte by byte: every
  /// project read from the register is checked again.
  private static func isWellFormed(_ bytes: String.UTF8View) -> Bool {
    yearOfWellShaped(bytes).map(years.contains) ?? false
  }

  /// The year of a text of the code's shape, whatever the year; `nil` when the shape is wrong. A code of the right
  /// shape with an impossible year (`9999-…`) is told so, rather than told to use the shape it has.
  static func yearOfWellShaped(_ bytes: String.UTF8View) -> Int? {
    guard bytes.count == 24 else { return nil }
    var year = 0
    for (index, byte) in bytes.enumerated() {
      switch index {
      case 4, 11, 14, 17:
        guard byte == UInt8(ascii: "-") else { return nil }
      default:
        guard byte.isASCIIDigit else { return nil }
        if index < 4 { year = year * 10 + Int(byte - UInt8(ascii: "0")) }
      }
    }
    return year
  }

  /// The year the code was assigned.
  public var year: Int { Int(rawValue.prefix(4))! }
  /// The administrative division, e.g. 310110.
  public var division: Substring { Self.division(of: rawValue) }

  /// The division of a code the register holds, which it checked when it was written: not parsed again for each row,
  /// and counted in bytes (a valid code is ASCII), not in characters, which the audit CSV's 索引号 did for each of a
  /// million rows.
  public static func division(of stored: String) -> Substring {
    let bytes = stored.utf8
    let start = bytes.index(bytes.startIndex, offsetBy: 5, limitedBy: bytes.endIndex) ?? bytes.endIndex
    let end = bytes.index(start, offsetBy: 6, limitedBy: bytes.endIndex) ?? bytes.endIndex
    return stored[start..<end]
  }

  public var description: String { rawValue }

  public static func < (lhs: ProjectCode, rhs: ProjectCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A major construction project as the register holds it.
public struct Project: Hashable, Sendable {
  public var code: ProjectCode
  /// 项目名称.
  public var name: String
  /// 项目法人.
  public var legalPerson: String?
  /// 建设地点.
  public var location: String?
  /// 总投资 in 万元, as written (a decimal number), so no rounding ever changes it.
  public var totalInvestment: String?
  /// 责任单位: the unit that answers for the project's disclosures.
  public var responsibleUnit: String
  /// Why the project was withdrawn as registered by mistake (a wrong code, another district's file imported): it
  /// stays on record, with its milestones withdrawn, but is off the public notices and every count; nil while in force.
  public var withdrawnReason: String?

  public init(
    code: ProjectCode, name: String, legalPerson: String? = nil, location: String? = nil,
    totalInvestment: String? = nil, responsibleUnit: String, withdrawnReason: String? = nil
  ) {
    self.code = code
    self.name = name
    self.legalPerson = legalPerson
    self.location = location
    self.totalInvestment = totalInvestment
    self.responsibleUnit = responsibleUnit
    self.withdrawnReason = withdrawnReason
  }

  /// Whether `given` names the project registered as `name`, as a sheet beside its code would: that name, spaced or
  /// typed in full-width letters, digits and brackets otherwise (`江浦路桥梁改建工程（一期）`, `江浦路 桥梁改建工程(一期)`),
  /// with its dashes and quotes as another keyboard types them (`政青路-淞沪路` for `政青路—淞沪路`, `"绿之丘"` for `“绿之丘”`).
  public static func isNamed(_ given: String, registeredAs name: String) -> Bool {
    given == name || comparableName(given) == comparableName(name)
  }

  private static func comparableName(_ name: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in name.halfWidth.unicodeScalars where !scalar.properties.isWhitespace {
      let mark: Unicode.Scalar = RegisterText.inputMethodDashes.contains(Character(scalar)) ? "-"
        : "“”‘’「」『』'".unicodeScalars.contains(scalar) ? "\"" : scalar
      // A dash typed twice (——) is one dash.
      if mark == "-", scalars.last == "-" { continue }
      scalars.append(mark)
    }
    return String(scalars)
  }

  /// Every problem with the project's fields, each naming the field.
  public func problems() -> [RegisterError] {
    var found: [RegisterError] = []
    found += RegisterText.problems("name", name, required: true)
    found += RegisterText.problems("legal-person", legalPerson)
    found += RegisterText.problems("location", location)
    found += RegisterText.problems("responsible-unit", responsibleUnit, required: true)
    found += RegisterText.blankProblems([("legal-person", legalPerson), ("location", location)])
    if let amount = totalInvestment, let problem = Self.investmentProblem(amount) { found.append(problem) }
    return found
  }

  /// What is wrong with `amount` as a total investment (总投资), if anything: for a file's field, checked before the
  /// file has a project to check.
  public static func investmentProblem(_ amount: String) -> RegisterError? {
    guard !isAmount(amount) else { return nil }
    if case let ascii = amount.halfWidth, ascii != amount, isAmount(ascii) {
      return .invalidField("total-investment", amount, "it is typed with full-width characters (a Chinese input method's); "
        + "type it in ASCII: \(ascii)")
    }
    if let (meant, why) = amountMeant(by: amount) {
      return .invalidField("total-investment", amount, "\(why): type \(meant)")
    }
    return .invalidField("total-investment", amount,
      "use a number of 万元 with at most 12 digits before the point and 4 after, without exponent or separators, "
        + "such as 125000 or 3500.5")
  }

  /// The number of 万元 an amount written as people write money stands for, and why it is not one as typed: with
  /// thousands separators (`38,600`), or with its unit (`38600万元`, `5.6亿元`, `386000000元`); the figure is moved
  /// by its decimal point, never through a floating-point number, so no digit changes.
  static func amountMeant(by text: String) -> (meant: String, why: String)? {
    var number = text.halfWidth.filter { !$0.isWhitespace }
    // Places the point moves, for the unit the figure is written in.
    let units: [(name: String, places: Int)] = [("亿元", 4), ("亿", 4), ("万元", 0), ("万", 0), ("元", -4)]
    let unit = units.first { number.hasSuffix($0.name) }
    if let unit { number.removeLast(unit.name.count) }
    var separated = false
    if number.contains(where: { $0 == "," || $0 == "，" }) {
      let whole = number.prefix { $0 != "." }
      let groups = whole.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "，" })
      guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
      number = groups.joined() + number.dropFirst(whole.count)
      separated = true
    }
    let parts = number.split(separator: ".", omittingEmptySubsequences: false)
    let isDecimal = (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    guard separated || unit != nil, isDecimal else { return nil }
    let meant = shifted(number, by: unit?.places ?? 0)
    guard isAmount(meant) else { return nil }
    let separators = separated ? " and takes no thousands separators" : ""
    guard let unit, unit.places != 0 else { return (meant, "the field is a number of 万元\(separators)") }
    return (meant, "the field is a number of 万元\(separators), and \(text) is \(meant) 万元")
  }

  /// The decimal `number` with its point moved `places` to the right (to the left when negative), without zeros
  /// that say nothing.
  private static func shifted(_ number: String, by places: Int) -> String {
    let parts = number.split(separator: ".", omittingEmptySubsequences: false)
    let (whole, fraction) = (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
    var digits = whole + fraction, point = whole.count + places
    if point < 1 {
      digits = String(repeating: "0", count: 1 - point) + digits
      point = 1
    }
    if point > digits.count { digits += String(repeating: "0", count: point - digits.count) }
    var integer = String(digits.prefix(point).drop { $0 == "0" })
    var decimals = String(digits.dropFirst(point))
    while decimals.last == "0" { decimals.removeLast() }
    if integer.isEmpty { integer = "0" }
    return decimals.isEmpty ? integer : integer + "." + decimals
  }

  /// A non-negative decimal with at most 12 digits before the point and 4 after.
  static func isAmount(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), (1...12).contains(parts[0].count),
      parts.count == 1 || (1...4).contains(parts[1].count)
    else { return false }
    return parts.allSatisfy { $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
  }
}
