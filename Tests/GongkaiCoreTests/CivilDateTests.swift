import Testing
@testable import GongkaiCore

@Suite struct CivilDateTests {
  @Test func todayInChinaTurnsAtMidnightInShanghaiNotInUTC() throws {
    let midnight = 1_795_881_600  // 2026-11-28T16:00:00Z, 2026-11-29T00:00:00+08:00
    #expect(CivilDate(chinaStandardTimeAt: midnight) == (try CivilDate(parsing: "2026-11-29")))
    #expect(CivilDate(chinaStandardTimeAt: midnight - 1) == (try CivilDate(parsing: "2026-11-28")))
    #expect(CivilDate(chinaStandardTimeAt: -8 * 3600) == (try CivilDate(parsing: "1970-01-01")))
    #expect(CivilDate(chinaStandardTimeAt: -8 * 3600 - 1) == (try CivilDate(parsing: "1969-12-31")))
  }

  /// The day a write was recorded on is the China day of its instant: the date written, for gongkai's own instants in
  /// China Standard Time; for one written in another offset, the China day it falls on.
  @Test(arguments: [
    ("2026-11-27T09:00:00+08:00", "2026-11-27"), ("2026-11-27T23:59:59+08:00", "2026-11-27"),
    ("2026-11-27T16:00:00Z", "2026-11-28"), ("2026-11-27T15:59:59Z", "2026-11-27"),
    ("2026-12-31T20:30:00-05:00", "2027-01-01"), ("2026-03-01T01:00:00+09:00", "2026-03-01"),
    ("2026-03-01T00:30:00+09:30", "2026-02-28"), ("2026-11-27T09:00:00.125+08:00", "2026-11-27"),
  ])
  func aRecordedInstantIsReadAsItsDayInChina(instant: String, day: String) {
    #expect(CivilDate(recordedAt: instant)?.description == day)
  }

  @Test(arguments: ["2026-11-27", "2026-11-27 09:00:00", "2026-11-27T9:00:00+08:00", "2026-13-27T09:00:00+08:00",
                    "2026-11-27T09:00:00+0800", "2026-11-27T24:00:00+08:00", "2026-11-27T09:00:00+08:0x", "现在"])
  func textThatIsNoRecordedInstantHasNoDay(_ text: String) {
    #expect(CivilDate(recordedAt: text) == nil)
  }

  @Test(arguments: ["2026-01-01", "2024-02-29", "2000-02-29", "1900-01-01", "2199-12-31"])
  func parsesRealDays(_ text: String) throws {
    #expect(try CivilDate(parsing: text).description == text)
  }

  @Test func refusesImpossibleDays() {
    #expect(throws: DateError.noSuchDay("2023-02-29", daysInMonth: 28)) { try CivilDate(parsing: "2023-02-29") }
    #expect(throws: DateError.noSuchDay("2023-02-30", daysInMonth: 28)) { try CivilDate(parsing: "2023-02-30") }
    #expect(throws: DateError.noSuchDay("1900-02-29", daysInMonth: 28)) { try CivilDate(parsing: "1900-02-29") }
    #expect(throws: DateError.noSuchMonth("2026-13-01", month: 13)) { try CivilDate(parsing: "2026-13-01") }
    #expect(throws: DateError.outOfRange("0000-01-01")) { try CivilDate(parsing: "0000-01-01") }
    for text in ["2026-1-1", "2026/01/01", "20260101", "", "2026-01-01 ", "２０２６-01-01", "-026-01-01"] {
      #expect(throws: DateError.malformed(text)) { try CivilDate(parsing: text) }
    }
  }

  /// The forms Excel and WPS save a date cell in under a Chinese locale read as the day they name.
  @Test(arguments: ["2026-11-03", "2026-11-3", "2026/11/03", "2026/11/3", "2026年11月3日", "2026年11月03日", "2026.11.3", "2026.11.03",
                     "２０２６年１１月３日", "２０２６－１１－０３", "２０２６／１１／３", "2026年１１月3日",
                     // as people type it: 号 for 日, spaces after 年 and 月
                     "2026年11月3号", "2026年 11月 3日", "2026年　11月　3日",
                     // ISO 8601's basic form, as a cell formatted yyyymmdd saves it
                     "20261103", "２０２６１１０３",
                     // A date cell formatted with a time saves midnight after the day
                     "2026/11/3 0:00", "2026-11-03 00:00:00"])
  func readsTheYearFirstFormsSpreadsheetsSave(_ text: String) throws {
    #expect(try CivilDate(parsingYearFirst: text).description == "2026-11-03")
  }

  /// The long date formats of Excel and WPS write the weekday after the day; a weekday that is not the day's is
  /// refused, naming the day's own, since either may be the typo.
  @Test func aWeekdayAfterTheDayIsReadAndChecked() throws {
    for text in ["2026年11月26日 星期四", "2026年11月26日星期四", "2026-11-26（周四）", "2026/11/26 周四", "2026.11.26 (礼拜四)",
                 "２０２６年１１月２６日　星期四", "2026/11/26 0:00 星期四", "2026/11/26 星期四 0:00", "2026/11/26 周四 00:00:00",
                 "2026/11/26 上午 12:00:00", "2026/11/26 12:00 AM", "2026/11/26 12:00:00 am"] {
      #expect(try CivilDate(parsingYearFirst: text).description == "2026-11-26", "\(text)")
    }
    // Noon, or any other time on the twelve-hour clock, is a time of day
    for text in ["2026/11/26 下午 12:00:00", "2026/11/26 上午 9:30:00", "2026/11/26 12:00 PM", "2026/11/26 上午 0:00"] {
      #expect(throws: DateError.hasTime(text)) { try CivilDate(parsingYearFirst: text) }
    }
    #expect(try CivilDate(parsingYearFirst: "2026年11月29日 星期天").description == "2026-11-29")
    #expect(try CivilDate(parsingYearFirst: "2026年11月29日 星期日").description == "2026-11-29")
    #expect(throws: DateError.wrongWeekday("2026年11月26日 星期五", day: day("2026-11-26"))) {
      try CivilDate(parsingYearFirst: "2026年11月26日 星期五")
    }
    #expect(DateError.wrongWeekday("2026年11月26日 星期五", day: day("2026-11-26")).description
      == "'2026年11月26日 星期五' is a day and a weekday that disagree: 2026-11-26 is a 星期四 (Thursday); correct whichever is wrong, or give the day alone, YYYY-MM-DD")
    for text in ["2026年11月26日 星期", "2026年11月26日 (周四", "星期四", "2026年11月26日 周八", "2026年11月26日 星期四 星期四"] {
      #expect(throws: DateError.malformed(text)) { try CivilDate(parsingYearFirst: text) }
    }
    #expect(throws: DateError.hasTime("2026/11/26 星期四 9:30")) { try CivilDate(parsingYearFirst: "2026/11/26 星期四 9:30") }
    #expect(throws: DateError.noSuchDay("2026年2月30日 周一", daysInMonth: 28)) { try CivilDate(parsingYearFirst: "2026年2月30日 周一") }
  }

  @Test func refusesAmbiguousAndImpossibleYearFirstDates() {
    #expect(throws: DateError.yearNotFirst("11/03/2026")) { try CivilDate(parsingYearFirst: "11/03/2026") }
    // A day above 12 tells the day meant, which is named; the form is refused all the same
    #expect(throws: DateError.yearNotFirst("26/11/2026", meant: day("2026-11-26"))) { try CivilDate(parsingYearFirst: "26/11/2026") }
    #expect(DateError.yearNotFirst("11/26/2026", meant: day("2026-11-26")).description
      == "'11/26/2026' is not a date gongkai reads: write the year first, YYYY-MM-DD (2026-11-26 if that is the day meant)")
    #expect(DateError.yearNotFirst("11/03/2026").description
      == "'11/03/2026' is not a date gongkai can read: its day and month could be either way round; write the year first, YYYY-MM-DD")
    #expect(throws: DateError.noSuchDay("2026/2/30", daysInMonth: 28)) { try CivilDate(parsingYearFirst: "2026/2/30") }
    #expect(throws: DateError.noSuchMonth("2026年13月1日", month: 13)) { try CivilDate(parsingYearFirst: "2026年13月1日") }
    #expect(throws: DateError.hasTime("2026/11/3 9:30")) { try CivilDate(parsingYearFirst: "2026/11/3 9:30") }
    #expect(throws: DateError.noSuchMonth("20261303", month: 13)) { try CivilDate(parsingYearFirst: "20261303") }
    // A month and day without the year are named as such: the year they were written in cannot be told.
    for text in ["11月3日", "11月3号", "１１月３日", "11月 3日"] {
      #expect(throws: DateError.noYear(text)) { try CivilDate(parsingYearFirst: text) }
    }
    #expect(DateError.noYear("11月3日").description == "'11月3日' is not a date: it names no year; write the year first, YYYY-MM-DD")
    for text in ["2026/11-3", "2026/11/3 0:00 x", "26/11/3", "2026/011/3", "2026.11-3", "2026年11月3", "x2026/11/3", "2026110", "202611030", "",
                 "35000", "73051", "046153", "２０２６年１１月３"] {
      #expect(throws: DateError.malformed(text)) { try CivilDate(parsingYearFirst: text) }
    }
  }

  /// A date cell saved as a number (a column formatted 常规 or 数值) is refused with the day it stands for, so the
  /// clerk sees at once that the column, not the date, is wrong.
  @Test func aSpreadsheetsDayNumberIsRefusedWithTheDayItStandsFor() {
    #expect(throws: DateError.spreadsheetSerial("46153", day: CivilDate(unchecked: 2026, 5, 11))) { try CivilDate(parsingYearFirst: "46153") }
    #expect(throws: DateError.spreadsheetSerial("36526", day: CivilDate(unchecked: 2000, 1, 1))) { try CivilDate(parsingYearFirst: "36526") }
    #expect(throws: DateError.spreadsheetSerial("７３０５０", day: CivilDate(unchecked: 2099, 12, 31))) { try CivilDate(parsingYearFirst: "７３０５０") }
    // A column formatted 数值 saves the number with its decimals
    #expect(throws: DateError.spreadsheetSerial("46153.00", day: CivilDate(unchecked: 2026, 5, 11))) { try CivilDate(parsingYearFirst: "46153.00") }
    #expect(throws: DateError.malformed("46153.5")) { try CivilDate(parsingYearFirst: "46153.5") }
    #expect(DateError.spreadsheetSerial("46153", day: CivilDate(unchecked: 2026, 5, 11)).description
      == "'46153' is a spreadsheet's number for a day (2026-05-11 in Excel's and WPS's count), not a date: format the column as a date (yyyy-mm-dd) before saving, or write the day as YYYY-MM-DD")
  }

  @Test func errorMessagesNameTheValueAndTheForm() {
    #expect(DateError.noSuchDay("2023-02-30", daysInMonth: 28).description
      == "'2023-02-30' is not a date: that month has 28 days; use YYYY-MM-DD")
  }

  @Test func everyDayOfTheRangeRoundTrips() {
    var expected = (year: 1900, month: 1, day: 1)
    for number in CivilDate.earliest.dayNumber...CivilDate.latest.dayNumber {
      let date = CivilDate(dayNumber: number)
      #expect(date.components == expected, "day \(number)")
      if expected.day < CivilDate.daysIn(month: expected.month, year: expected.year) {
        expected.day += 1
      } else if expected.month < 12 {
        (expected.month, expected.day) = (expected.month + 1, 1)
      } else {
        expected = (expected.year + 1, 1, 1)
      }
    }
  }

  @Test func knowsTheWeekday() throws {
    #expect(try CivilDate(parsing: "1970-01-01").weekday == .thursday)
    #expect(try CivilDate(parsing: "2026-01-04").weekday == .sunday)
    #expect(try CivilDate(parsing: "2026-02-28").isWeekend)
    #expect(try CivilDate(parsing: "1900-01-01").weekday == .monday)
  }
}
