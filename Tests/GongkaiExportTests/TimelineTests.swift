import GongkaiCore
import Testing
@testable import GongkaiExport

/// The notice's timeline as a reader sees it: every row names its item's standing, and the axis its months and years.
@Suite struct TimelineTests {
  func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

  @Test func aRowKeepsItsItemsMarkWholeWhenItsNameIsCut() {
    let long = "公示期不足，且逾期36个工作日公开（天数暂定）※"
    #expect(Timeline.layout("质量安全行政处罚决定", mark: "已撤回", status: "按时公开").label == "质量安全行政处罚决定（已撤回）")
    #expect(Timeline.layout("初步设计及概算审批结果（含概算调整）", mark: "已变更", status: long).label == "初步设计…（已变更）")
    #expect(Timeline.layout("初步设计及概算审批结果（含概算调整）", mark: nil, status: long).label == "初步设计…")
    #expect(Timeline.layout("初步设计及概算审批结果（含概算调整）", mark: nil, status: "按时公开").label == "初步设计及概算审批结果（含概算调整）")
  }

  /// The name is cut to the room its status leaves: on the sample pages a long status ("逾期36个工作日未公开※")
  /// was drawn over a name cut at a fixed count (a portal's webmaster found it), as a long name over a short status. A
  /// status too long to leave four characters of the name is drawn smaller.
  @Test func noRowsNameRunsIntoItsStatus() {
    let names = ["交付使用时间及竣工决算审计情况（含竣工验收备案、工程结算）", "重大设计变更涉及的行政许可变更结果", "施工许可"]
    let statuses = ["逾期36个工作日未公开※", "待公开，剩1个工作日※", "逾期650个工作日未公开（暂定）※",
                    "公示期不足，且逾期12个工作日公开（天数暂定）※", "按时公开", "迟3个工作日"]
    for name in names {
      for status in statuses {
        for mark in [nil, "已撤回"] {
          let (label, fontSize) = Timeline.layout(name, mark: mark, status: status)
          let labelEnd = Double(Timeline.labelStart) + SVGText.width(of: label, fontSize: Timeline.labelFontSize)
          let statusStart = Double(Timeline.statusEnd) - SVGText.width(of: status, fontSize: fontSize)
          #expect(labelEnd + Double(Timeline.gap) <= statusStart, "\(label) runs into \(status) at \(fontSize)")
          #expect(label.hasSuffix(mark.map { "（\($0)）" } ?? ""), "\(label)")
          #expect(label.count - (mark.map { $0.count + 2 } ?? 0) >= min(name.count, Timeline.shortestName), "\(label)")
          #expect(fontSize >= Timeline.smallestStatusFontSize && fontSize <= Timeline.statusFontSize)
        }
      }
    }
    #expect(Timeline.layout("施工许可", mark: nil, status: "按时公开").statusFontSize == Timeline.statusFontSize)
  }

  /// A tender notice goes up before the documents go on sale: the chart starts before its publication, which is drawn
  /// left of the sale day, inside the plot, not off its left edge.
  @Test func aNoticePublishedAheadOfItsDayIsDrawnInsideThePlot() throws {
    let checker = FindingRecordTests.checker
    let milestone = Milestone(
      id: 1, projectCode: "2024-310110-48-01-000123", kind: "bidding.tender-notice", formedOn: day("2026-03-30"),
      disclosures: [Disclosure(publishedOn: day("2026-01-05"), channel: "中国招标投标公共服务平台")])
    let finding = try #require(try checker.judge(milestone, asOf: day("2026-04-10")))
    #expect(finding.status == .onTime)
    let timeline = Timeline(findings: [.init(finding: finding, validityMark: nil, reference: nil, originalFormedOn: nil)], asOf: day("2026-04-10"),
                            projectName: "杨浦滨江贯通工程")
    let row = try #require(timeline.rows.first)
    // The mark's path starts at its left edge or its top (`M120,48 …`).
    let markX = try #require(row.mark.dropFirst().split(separator: ",").first.flatMap { Int($0) }, "\(row.mark)")
    #expect(markX > Timeline.plotStart && markX < row.formedX, "\(row.mark) against the sale day at \(row.formedX)")
    #expect(timeline.ticks.first?.label == "2026年1月")
  }

  /// The day the page is judged on is drawn near the right edge (the chart ends a fortnight after it): its label, once
  /// centred on its line, read "截至 2026-11-2" on every page, cut off by the picture's edge (a webmaster found it).
  @Test func theDaysLabelIsDrawnWhole() throws {
    let checker = FindingRecordTests.checker
    for (formed, asOf) in [("2026-11-20", "2026-11-27"), ("2019-03-01", "2026-11-27"), ("2026-01-05", "2026-01-06")] {
      let milestone = Milestone(id: 1, projectCode: "2024-310110-48-01-000123", kind: "construction.participants", formedOn: day(formed))
      let finding = try #require(try checker.judge(milestone, asOf: day(asOf)))
      let timeline = Timeline(findings: [.init(finding: finding, validityMark: nil, reference: nil, originalFormedOn: nil)], asOf: day(asOf),
                              projectName: "杨浦滨江贯通工程")
      let label = SVGText.width(of: "截至 \(asOf)", fontSize: 11)
      #expect(timeline.asOfLabelX <= timeline.width && timeline.asOfLabelX < timeline.asOfX, "\(timeline.asOfLabelX)")
      #expect(Double(timeline.asOfLabelX) - label >= Double(Timeline.statusEnd), "\(timeline.asOfLabelX) for \(formed)..\(asOf)")
    }
  }

  /// Each mark names its year and month; a chart of weeks marks each month, one of years is not crowded.
  @Test func theAxisMarksMonthsOrYearsByTheSpanItCovers() {
    func ticks(_ from: String, _ to: String) -> [String] {
      let (start, end) = (day(from), day(to))
      return Timeline.ticks(from: start, to: end, span: Double(start.days(to: end))).map(\.description)
    }
    #expect(ticks("2026-02-20", "2026-05-10") == ["2026-03-01", "2026-04-01", "2026-05-01"])
    #expect(ticks("2025-09-01", "2026-11-20") == ["2025-10-01", "2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"])
    #expect(ticks("2018-03-01", "2026-11-20") == ["2020-01-01", "2022-01-01", "2024-01-01", "2026-01-01"])
  }
}
