/// A day in the civil calendar of China Standard Time, the only kind of date a legal period knows.
///
/// Legal periods are counted in whole days, never in instants: a permit issued "on 2026-02-13" was issued on
/// that day wherever the server runs. `CivilDate` stores the day as a count of days since 1970-01-01, so that
/// comparing, subtracting and indexing the working-day calendar are integer operations.
///
/// ```swift
/// let formed = try CivilDate(parsing: "2026-02-13")
/// formed.adding(days: 3)   // 2026-02-16
/// ```
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public let dayNumber: Int

  /// The first day the product accepts. Nothing in the disclosure regime predates it, and a bound keeps
  /// arithmetic on user input finite.
  public static let earliest = CivilDate(unchecked: 1900, 1, 1)
  /// The last day the product accepts.
  public static let latest = CivilDate(unchecked: 2199, 12, 31)

  /// The day `dayNumber` days after 1970-01-01, unchecked: for arithmetic on days already checked, where a check per
  /// day would cost millions; a day from input goes through ``init(year:month:day:)`` or the parsers, which keep to
  /// ``earliest`` through ``latest``.
  public init(dayNumber: Int) { self.dayNumber = dayNumber }

  /// The day in China Standard Time at `seconds` after 1970-01-01T00:00Z: UTC+8, without daylight saving time
  /// since 1991. The caller reads the clock; this type does no I/O.
  public init(chinaStandardTimeAt seconds: Int) {
    let local = seconds + Self.chinaOffset
    self.init(dayNumber: local >= 0 ? local / 86400 : (local - 86399) / 86400)
  }

  /// China Standard Time's offset from UTC, in seconds.
  public static let chinaOffset = 8 * 3600

  /// The day in China of an instant as the register records who wrote what and when (ISO 8601,
  /// `2026-11-27T09:00:00+08:00`), or `nil` for text that is no such instant. gongkai records instants in China
  /// Standard Time, whose day is the date written; an instant written in another offset (`…Z`, a register edited
  /// outside gongkai) is the China day it falls on, not the day its text begins with.
  public init?(recordedAt instant: some StringProtocol) {
    let text = Array(instant.utf8)
    guard text.count >= 20, text[10] == UInt8(ascii: "T"), text[13] == UInt8(ascii: ":"),
      let day = try? CivilDate(parsing: instant.prefix(10)),
      let hours = Self.number(text[11..<13]), let minutes = Self.number(text[14..<16]), hours < 24, minutes < 60
    else { return nil }
    let offsetMinutes: Int
    if text.last == UInt8(ascii: "Z") {
      offsetMinutes = 0
    } else {
      let offset = text.suffix(6)
      guard let sign = offset.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
        offset[offset.startIndex + 3] == UInt8(ascii: ":"),
        let offsetHours = Self.number(offset.dropFirst().prefix(2)), let offsetMinutesPart = Self.number(offset.suffix(2))
      else { return nil }
      offsetMinutes = (sign == UInt8(ascii: "-") ? -1 : 1) * (offsetHours * 60 + offsetMinutesPart)
    }
    let minutesInChina = hours * 60 + minutes - offsetMinutes + Self.chinaOffset / 60
    self = day.adding(days: minutesInChina >= 0 ? minutesInChina / 1440 : (minutesInChina - 1439) / 1440)
  }

  /// Two ASCII digits' value.
  private static func number(_ digits: some Collection<UInt8>) -> Int? {
    guard digits.count == 2, digits.allSatisfy(\.isASCIIDigit) else { return nil }
    return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
  }

  /// The day `year-month-day`, or `nil` when no such day exists (2023-02-29) or it lies outside
  /// ``earliest``...``latest``.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day) else { return nil }
    let date = CivilDate(unchecked: year, month, day)
    guard (CivilDate.earliest...CivilDate.latest).contains(date) else { return nil }
    self = date
  }

  /// Parses the strict ISO form `YYYY-MM-DD` that every file and argument uses.
  public init(parsing text: some StringProtocol) throws(DateError) {
    // Registers hold millions of dates: read the bytes in place where the text is contiguous.
    let fields = text.utf8.withContiguousStorageIfAvailable(Self.fields) ?? Self.fields(Array(text.utf8))
    guard let (year, month, day) = fields else { throw .malformed(String(text)) }
    self = try Self.checked(year, month, day, text: text)
  }

  /// Parses a day written year first: `YYYY-MM-DD`, and the forms Excel and WPS save a date cell in in a Chinese
  /// locale, `2026/11/3`, `2026/11/03`, `2026-11-3` and `2026年11月3日`; staff type them too, and `2026.11.3`, also
  /// in the full-width digits a Chinese input method types (２０２６年１１月３日), and ISO 8601's basic form `20261103`, as
  /// a cell formatted yyyymmdd saves it; a day without its year (`11月3日`) is refused as such. Every reader of what people write
  /// (options, project files, spreadsheet cells) takes them, so a date accepted in one is accepted in all.
  /// `11/03/2026` is refused: the day and the month could be either way round; and so is the day number a
  /// spreadsheet saves for a date cell formatted as a number, naming the day it stands for.
  ///
  /// A weekday after the day, as the long date formats of Excel and WPS write it (`2026年11月26日 星期四`,
  /// `2026-11-26（周四）`), is read and checked: one that is not the day's is refused, since either may be the typo.
  public init(parsingYearFirst written: some StringProtocol) throws(DateError) {
    if let date = try? CivilDate(parsing: written) {
      self = date
      return
    }
    let original = String(written)
    // A date cell with a time format saves midnight with the day, before or after its weekday
    // (`2026/11/26 0:00 星期四`, `2026/11/26 星期四 0:00`).
    var text = try Self.withoutMidnight(original.halfWidth, original)
    var named: Weekday?
    if text.contains(where: { "星周拜".contains($0) }), let match = text.wholeMatch(of: /(.+?)[ \u{3000}]*(\(?)(?:星期|周|礼拜)([一二三四五六日天])(\)?)/),
      match.2.isEmpty == match.4.isEmpty
    {
      named = Weekday(chineseShortName: match.3 == "天" ? "日" : String(match.3))
      text = String(match.1)
    }
    if let serial = Self.spreadsheetSerial(text) { throw .spreadsheetSerial(original, day: serial) }
    text = try Self.withoutMidnight(text, original)
    // 20261103, as a cell formatted yyyymmdd saves a day and some staff type it: ISO 8601's basic form.
    if text.utf8.count == 8, text.utf8.allSatisfy(\.isASCIIDigit) {
      text = "\(text.prefix(4))-\(text.dropFirst(4).prefix(2))-\(text.suffix(2))"
    }
    // Runs of ASCII digits and what separates them: 2026年11月3日 is [2026, 11, 3] with ["年", "月", "日"].
    var numbers: [Substring] = []
    var separators: [String] = []
    var start = text.startIndex
    let isDigit = { (character: Character) in character.isASCII && character.isNumber }
    for index in Array(text.indices) + [text.endIndex] where index > start {
      guard index == text.endIndex || isDigit(text[index]) != isDigit(text[start]) else { continue }
      if isDigit(text[start]) { numbers.append(text[start..<index]) } else { separators.append(String(text[start..<index])) }
      start = index
    }
    // 11月3日, as a letter dates a day of the year it is written in: which year that is cannot be told here.
    if numbers.count == 2, separators.count == 2, text.first.map(isDigit) == true,
      ["月日", "月号"].contains(separators.joined().filter { !$0.isWhitespace })
    {
      throw .noYear(original)
    }
    guard text.first.map(isDigit) == true, numbers.count == 3 else { throw .malformed(original) }
    let widths = numbers.map(\.count)
    let sameTwice = separators.count == 2 && separators[0] == separators[1]
    if widths[0] <= 2, widths[1] <= 2, widths[2] == 4, sameTwice, ["/", "-", "."].contains(separators[0]) {
      // A day above 12 tells which number is the month: the day is named, but the form stays refused, so that a column
      // is not read one way on one row and refused on the next.
      let (first, second, year) = (Int(numbers[0]) ?? 0, Int(numbers[1]) ?? 0, Int(numbers[2]) ?? 0)
      let meant = first > 12 ? CivilDate(year: year, month: second, day: first) : second > 12 ? CivilDate(year: year, month: first, day: second) : nil
      throw .yearNotFirst(original, meant: meant)
    }
    // 2026年11月3日 as people write it too: 3号 for 3日, a space after 年 or 月.
    let chinese = separators.map { $0.filter { !$0.isWhitespace } }
    guard widths[0] == 4, (1...2).contains(widths[1]), (1...2).contains(widths[2]),
      sameTwice && ["/", "-", "."].contains(separators[0]) || chinese == ["年", "月", "日"] || chinese == ["年", "月", "号"],
      let first = Int(numbers[0]), let second = Int(numbers[1]), let third = Int(numbers[2])
    else { throw .malformed(original) }
    let date = try Self.checked(first, second, third, text: original)
    if let named, date.weekday != named { throw .wrongWeekday(original, day: date) }
    self = date
  }

  /// `text` without the midnight a date cell with a time format saves after the day (`2026/11/26 0:00`), on the
  /// twelve-hour clock too (`2026/11/26 上午 12:00:00`, `2026/11/26 12:00:00 AM`, as a sheet set to it saves it).
  /// Another time is refused, as the day it falls on may not be the one meant.
  private static func withoutMidnight(_ text: String, _ original: String) throws(DateError) -> String {
    var rest = Substring(text), twelveHour = false, afternoon = false
    for marker in [" AM", " am", " PM", " pm"] where rest.hasSuffix(marker) {
      rest = rest.dropLast(marker.count)
      twelveHour = true
      afternoon = marker.lowercased() == " pm"
    }
    guard let space = rest.lastIndex(of: " "), case let time = rest[rest.index(after: space)...],
      time.wholeMatch(of: /[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?/) != nil
    else { return text }
    var day = rest[..<space]
    if day.hasSuffix(" 上午") {
      day = day.dropLast(3)
      twelveHour = true
    }
    let minutes = twelveHour ? (time.hasPrefix("12:") ? time.dropFirst(3) : "1") : time
    guard !afternoon, minutes.allSatisfy({ $0 == "0" || $0 == ":" }) else { throw .hasTime(original) }
    return String(day)
  }

  /// The day a spreadsheet's day number stands for, for five digits from 2000-01-01 (36526) to 2099-12-31 (73050),
  /// with or without zero decimals (46153.0, as a column formatted 数值 saves it): Excel and WPS count days from
  /// 1899-12-30 (from day 61 on, past Lotus's 29 February 1900).
  private static func spreadsheetSerial(_ text: String) -> CivilDate? {
    let whole = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard whole.count == 1 || whole[1].allSatisfy({ $0 == "0" }) && !whole[1].isEmpty else { return nil }
    let digits = whole[0]
    guard digits.utf8.count == 5, digits.utf8.allSatisfy(\.isASCIIDigit),
      let number = Int(digits), (36526...73050).contains(number)
    else { return nil }
    return CivilDate(unchecked: 1899, 12, 30).adding(days: number)
  }

  /// The day of fields read from `text`, or the error that names `text` and what is wrong with it.
  private static func checked(_ year: Int, _ month: Int, _ day: Int, text: some StringProtocol) throws(DateError) -> CivilDate {
    guard (1...12).contains(month) else { throw .noSuchMonth(String(text), month: month) }
    let length = CivilDate.daysIn(month: month, year: year)
    guard (1...length).contains(day) else { throw .noSuchDay(String(text), daysInMonth: length) }
    let date = CivilDate(unchecked: year, month, day)
    guard (CivilDate.earliest...CivilDate.latest).contains(date) else { throw .outOfRange(String(text)) }
    return date
  }

  /// Year, month and day of `YYYY-MM-DD`, unchecked against the calendar; nil for any other form.
  private static func fields(_ bytes: some RandomAccessCollection<UInt8>) -> (Int, Int, Int)? {
    guard bytes.count == 10 else { return nil }
    var numbers = (year: 0, month: 0, day: 0)
    for (offset, byte) in bytes.enumerated() {
      if offset == 4 || offset == 7 {
        guard byte == UInt8(ascii: "-") else { return nil }
        continue
      }
      guard byte.isASCIIDigit else { return nil }
      let digit = Int(byte - UInt8(ascii: "0"))
      switch offset {
      case ..<4: numbers.year = numbers.year * 10 + digit
      case ..<7: numbers.month = numbers.month * 10 + digit
      default: numbers.day = numbers.day * 10 + digit
      }
    }
    return numbers
  }

  /// Builds a date whose fields are known to be valid; the civil-from-days algorithm of H. Hinnant.
  init(unchecked year: Int, _ month: Int, _ day: Int) {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    dayNumber = era * 146_097 + dayOfEra - 719_468
  }

  /// Year, month and day of this date.
  public var components: (year: Int, month: Int, day: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  public var year: Int { components.year }

  /// `2021年7月15日`, as a statute's 施行 clause writes a day.
  public var chineseText: String {
    let (year, month, day) = components
    return "\(year)年\(month)月\(day)日"
  }

  /// The day of the week, Monday first, as Chinese working-day rules count it.
  public var weekday: Weekday { Weekday(rawValue: ((dayNumber % 7 + 7) % 7 + 3) % 7 + 1)! }

  /// Saturday or Sunday.
  public var isWeekend: Bool { weekday.rawValue >= 6 }

  /// The day `days` later (earlier when negative), unchecked as ``init(dayNumber:)``: the calendar answers for it only
  /// within ``earliest`` through ``latest``.
  public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + days) }

  /// Whole days from `self` to `other` (positive when `other` is later).
  public func days(to other: CivilDate) -> Int { other.dayNumber - dayNumber }

  /// `YYYY-MM-DD`, written digit by digit: exports write millions of dates, and ten bytes fit in a string
  /// without an allocation.
  public var description: String {
    let (year, month, day) = components
    guard (0...9999).contains(year) else { return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)" }
    return String(unsafeUninitializedCapacity: 10) { buffer in
      func put(_ value: Int, at start: Int, width: Int) {
        var rest = value
        for offset in stride(from: start + width - 1, through: start, by: -1) {
          buffer[offset] = UInt8(ascii: "0") + UInt8(rest % 10)
          rest /= 10
        }
      }
      put(year, at: 0, width: 4)
      buffer[4] = UInt8(ascii: "-")
      put(month, at: 5, width: 2)
      buffer[7] = UInt8(ascii: "-")
      put(day, at: 8, width: 2)
      return 10
    }
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

  public static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

}

/// Days of the week, numbered as ISO 8601 does (Monday 1 ... Sunday 7).
public enum Weekday: Int, Sendable, CaseIterable {
  case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

  /// Monday ... Sunday, as messages name the day.
  public var englishName: String {
    let name = String(describing: self)
    return name.prefix(1).uppercased() + name.dropFirst()
  }

  /// 一 ... 日, as calendars print the column heads.
  public var chineseShortName: String { Self.chineseShortNames[rawValue - 1] }

  /// The day named 一 ... 日, as in 星期四.
  init?(chineseShortName name: String) {
    guard let index = Self.chineseShortNames.firstIndex(of: name) else { return nil }
    self.init(rawValue: index + 1)
  }

  private static let chineseShortNames = ["一", "二", "三", "四", "五", "六", "日"]
}

/// Why a text is not a usable date. Each message names the value and the form expected.
public enum DateError: Error, Equatable, Sendable, CustomStringConvertible {
  case malformed(String)
  case noSuchMonth(String, month: Int)
  case noSuchDay(String, daysInMonth: Int)
  case outOfRange(String)
  /// Day or month first (`11/03/2026`): which is which cannot be told, or, with a day above 12 (`26/11/2026`), the
  /// day it names.
  case yearNotFirst(String, meant: CivilDate? = nil)
  /// A day with a time of day other than midnight (`2026/11/26 9:30`).
  case hasTime(String)
  /// A month and day without their year (`11月3日`).
  case noYear(String)
  /// A spreadsheet's number for a day (`46153`), in a cell formatted as a number: the day it stands for.
  case spreadsheetSerial(String, day: CivilDate)
  /// A day followed by a weekday that is not its own (`2026年11月26日 星期五`): the day it names.
  case wrongWeekday(String, day: CivilDate)

  public var description: String { "'\(text)' is \(reason)" }

  /// What is wrong with the text, without it: for a message that names the value already (an argument's).
  public var reason: String {
    switch self {
    case .malformed: "not a date; use YYYY-MM-DD, e.g. 2026-03-31"
    case .noSuchMonth(_, let month): "not a date: there is no month \(month); use YYYY-MM-DD"
    case .yearNotFirst(_, let meant?): "not a date gongkai reads: write the year first, YYYY-MM-DD (\(meant) if that is the day meant)"
    case .yearNotFirst(_, nil):
      "not a date gongkai can read: its day and month could be either way round; write the year first, YYYY-MM-DD"
    case .hasTime: "a date with a time of day; give the day alone, YYYY-MM-DD"
    case .noYear: "not a date: it names no year; write the year first, YYYY-MM-DD"
    case .noSuchDay(_, let length): "not a date: that month has \(length) days; use YYYY-MM-DD"
    case .outOfRange: "outside the supported range \(CivilDate.earliest)...\(CivilDate.latest)"
    case .spreadsheetSerial(_, let day):
      "a spreadsheet's number for a day (\(day) in Excel's and WPS's count), not a date: format the column as a date "
        + "(yyyy-mm-dd) before saving, or write the day as YYYY-MM-DD"
    case .wrongWeekday(_, let day):
      "a day and a weekday that disagree: \(day) is a 星期\(day.weekday.chineseShortName) (\(day.weekday.englishName)); "
        + "correct whichever is wrong, or give the day alone, YYYY-MM-DD"
    }
  }

  private var text: String {
    switch self {
    case .malformed(let text), .noSuchMonth(let text, _), .yearNotFirst(let text, _), .hasTime(let text), .noYear(let text),
      .noSuchDay(let text, _), .outOfRange(let text), .spreadsheetSerial(let text, _), .wrongWeekday(let text, _):
      text
    }
  }
}

extension String {
  /// The text with the full-width letters and the 。 a Chinese input method types made half-width, as a code typed
  /// with one left on is read (`ｂｉｄｄｉｎｇ。ｃａｎｄｉｄａｔｅｓ`).
  var typedAsCode: String { String(halfWidth.map { $0 == "。" ? "." : $0 }) }

  /// The text with full-width ASCII (`２０２６／１１／３`) as ASCII.
  public var halfWidth: String {
    guard unicodeScalars.contains(where: { $0.halfWidth != $0 }) else { return self }
    return String(String.UnicodeScalarView(unicodeScalars.map(\.halfWidth)))
  }
}

extension Unicode.Scalar {
  /// The ASCII character a full-width one (U+FF01...U+FF5E, what a Chinese input method types: `２`, `／`, `［`)
  /// stands for; any other scalar as it is.
  var halfWidth: Unicode.Scalar { (0xFF01...0xFF5E).contains(value) ? Unicode.Scalar(value - 0xFEE0)! : self }
}
