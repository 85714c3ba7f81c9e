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

  /// The chart reads in grey print: every status but one has a texture of its own, defined in the page.
  @Test func everyStatusButOneHasATextureOfItsOwn() {
    let fills = StatisticsReport.BarChart([line([1])]).keys.map(\.fill)
    #expect(Set(fills).count == fills.count)
    let textures = fills.filter { $0.hasPrefix("url(#") }
    #expect(textures.count == fills.count - 1)
    for texture in textures {
      #expect(StatisticsReport.template.contains("<pattern id=\"\(texture.dropFirst(5).dropLast())\""), "\(texture)")
    }
  }
}
