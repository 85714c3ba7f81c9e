import GongkaiCore
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

  /// An item without a statutory period is neither on time nor late: it stays out of the rate and the median.
  @Test func anItemWithoutAPeriodCountsApartAndNotInTheMedian() throws {
    let checker = FindingRecordTests.checker
    let formed = CivilDate(year: 2026, month: 3, day: 2)!
    func published(_ kind: String, after days: Int) throws -> Finding {
      let disclosure = Disclosure(publishedOn: formed.adding(days: days), channel: "杨浦区人民政府门户网站")
      let milestone = Milestone(id: 1, projectCode: "2024-310110-48-01-000123", kind: kind, formedOn: formed,
                                responsibleUnit: "杨浦区建设和管理委员会", disclosures: [disclosure])
      return try #require(try checker.judge(milestone, asOf: CivilDate(year: 2026, month: 11, day: 27)!))
    }
    var line = DisclosureStatistics.Line(name: "杨浦区建设和管理委员会")
    line.count(try published("approval-result.construction-permit", after: 1), calendar: checker.calendar)
    line.count(try published("approval-result.eia-draft-comment", after: 60), calendar: checker.calendar)
    #expect([line.obligations, line.onTime, line.withoutPeriod] == [2, 1, 1])
    #expect(line.onTimeRate == 100)
    #expect(line.medianDaysToPublish == 1)
  }

  /// The rate a review can score before 2027's notice is out leaves out every status that notice may change, whatever
  /// it is today: an on-time publication on a day the notice may rearrange, and a due item that may turn overdue.
  @Test func theSettledRateLeavesOutEveryStatusThatMayChange() throws {
    let checker = FindingRecordTests.checker
    func judged(formed: String, published: String?, asOf: String) throws -> Finding {
      let formedOn = try CivilDate(parsing: formed)
      let milestone = Milestone(
        id: 1, projectCode: "2024-310110-48-01-000123", kind: "approval-result.construction-permit", formedOn: formedOn,
        disclosures: try published.map { [Disclosure(publishedOn: try CivilDate(parsing: $0), channel: "杨浦区人民政府门户网站")] } ?? [])
      return try #require(try checker.judge(milestone, asOf: try CivilDate(parsing: asOf)))
    }
    var line = DisclosureStatistics.Line(name: "杨浦区建设和管理委员会")
    // Due 12-28 (7 working days from 12-17): on time for certain on 12-18, provisionally on 12-28; late for certain
    // from one due 11-27; due on 12-29 from one formed 12-18 (its deadline, 12-29, may move either way).
    for (formed, published) in [("2026-12-17", "2026-12-18"), ("2026-12-17", "2026-12-28"), ("2026-11-18", "2026-12-01"), ("2026-12-18", nil)] {
      line.count(try judged(formed: formed, published: published, asOf: "2026-12-29"), calendar: checker.calendar)
    }
    #expect([line.onTime, line.late, line.due] == [2, 1, 1])
    #expect(line.provisional == 2)
    #expect(line.onTimeRate.map { ($0 * 10).rounded() / 10 } == 66.7)
    #expect(line.settledOnTimeRate == 50)
  }

  /// A verdict on a period the rules hold unverified (M) is the tracker's judgement: the report counts those the rate
  /// counts, an item of a dated rule formed before its law among them, so a review checks them before scoring.
  @Test func theVerdictsOnUnverifiedPeriodsAreCounted() throws {
    let checker = FindingRecordTests.checker
    func judged(_ kind: String, formed: String, published: String?) throws -> Finding {
      let milestone = Milestone(
        id: 1, projectCode: "2024-310110-48-01-000123", kind: kind, formedOn: try CivilDate(parsing: formed),
        disclosures: try published.map { [Disclosure(publishedOn: try CivilDate(parsing: $0), channel: "杨浦区人民政府门户网站")] } ?? [])
      return try #require(try checker.judge(milestone, asOf: try CivilDate(parsing: "2026-11-27")))
    }
    var line = DisclosureStatistics.Line(name: "杨浦区发展和改革委员会")
    for finding in [
      try judged("approval-result.project-proposal", formed: "2026-03-02", published: "2026-06-01"),
      try judged("approval-result.project-proposal", formed: "2026-11-26", published: nil),
      try judged("approval-result.construction-permit", formed: "2026-03-02", published: "2026-06-01"),
      try judged("quality-safety.penalty-withdrawal", formed: "2021-07-14", published: "2021-08-20"),
      try judged("quality-safety.penalty-withdrawal", formed: "2021-07-15", published: "2021-08-20"),
    ] {
      line.count(finding, calendar: checker.calendar)
    }
    #expect([line.late, line.due] == [4, 1])
    #expect(line.unverified == 2)
  }

  /// A unit's long name is cut to the room left of its bar, whole in its tooltip; a segment too narrow for its count's
  /// box (1 逾期公开 beside 2 逾期未公开 in a unit of 120) shows no number over its neighbour's, which the table gives.
  @Test func aLongNameAndANarrowSegmentStayInsideTheChart() {
    var big = DisclosureStatistics.Line(name: "上海市杨浦区殷行街道城市运行管理中心（城市网格化综合管理中心）暨殷行街道社区党群服务中心及其下属单位")
    (big.obligations, big.onTime, big.late, big.overdue) = (120, 117, 1, 2)
    let chart = StatisticsReport.BarChart([big])
    let bar = chart.bars[0]
    #expect(bar.fullName == big.name)
    #expect(bar.name.hasSuffix("…") && big.name.hasPrefix(bar.name.dropLast()))
    #expect(SVGText.width(of: bar.name, fontSize: 12) <= StatisticsReport.BarChart.nameRoom)
    #expect(bar.segments.map(\.count) == [117, 1, 2])
    #expect(bar.segments.map(\.showsCount) == [true, false, false])
    // Shown boxes never overlap: a unit of two wide segments side by side shows both, apart
    var even = DisclosureStatistics.Line(name: "杨浦区建设和管理委员会")
    (even.obligations, even.onTime, even.overdue) = (120, 60, 60)
    let shown = StatisticsReport.BarChart([even]).bars[0].segments
    #expect(shown.map(\.showsCount) == [true, true])
    #expect(shown[0].boxX + shown[0].boxWidth <= shown[1].boxX)
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

  /// The text and HTML tables head each figure of a line: a cell added without its heading (or the other way) would
  /// shift every later figure under the wrong heading.
  @Test func everyFigureOfALineHasAHeading() {
    #expect(StatisticsReport.tableCells(line([3, 9])).count == StatisticsReport.tableHeadings.count)
    #expect(StatisticsReport.tableCells(line([]), english: true).count == StatisticsReport.tableHeadings.count)
  }
}
