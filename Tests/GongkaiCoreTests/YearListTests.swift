import GongkaiCore
import Testing

/// A date typed a century off makes a check span ninety years without a schedule: they are named as one range.
@Suite struct YearListTests {
  @Test func runsOfThreeOrMoreYearsAreRanges() {
    let years = Array(1926...2017) + [2026, 2027]
    #expect(YearList.english(years) == "1926-2017, 2026, 2027")
    #expect(YearList.chinese(years) == "1926至2017、2026、2027")
    #expect(YearList.english([2027]) == "2027")
    #expect(YearList.english([2029, 2027, 2028, 2027]) == "2027-2029")
    #expect(YearList.chinese(Set([2031, 2027])) == "2027、2031")
  }
}
