import Testing
@testable import GongkaiExport

/// The annual report's median, kept as counts per number of days so a national register's year fits in memory.
@Suite struct DisclosureStatisticsTests {
  func line(_ days: [Int]) -> DisclosureStatistics.Line {
    var line = DisclosureStatistics.Line(name: "杨浦区")
    for day in days { line.daysToPublish[day, default: 0] += 1 }
    return line
  }

  @Test func theMedianIsTheMiddlePublicationOrTheMeanOfTheTwo() {
    #expect(line([]).medianDaysToPublish == nil)
    #expect(line([5]).medianDaysToPublish == 5)
    #expect(line([7, 1, 1]).medianDaysToPublish == 1)
    #expect(line([3, 1, 2, 10]).medianDaysToPublish == 2.5)
    #expect(line([4, 4, 9, 9]).medianDaysToPublish == 6.5)
    #expect(line(Array(repeating: 20, count: 1000) + [1]).medianDaysToPublish == 20)
  }
}
