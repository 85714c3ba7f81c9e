@testable import GongkaiCore

/// `"2026-02-13"` as a date; test literals are known to be valid.
func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

/// The 2026 schedule as the State Council published it, written out here independently of the shipped file.
let schedule2026 = HolidaySchedule(year: 2026, source: "国务院办公厅关于2026年部分节假日安排的通知", holidays: [
  .init(name: "元旦", restDays: day("2026-01-01")...day("2026-01-03"), swappedWorkdays: [day("2026-01-04")]),
  .init(name: "春节", restDays: day("2026-02-15")...day("2026-02-23"),
        swappedWorkdays: [day("2026-02-14"), day("2026-02-28")]),
  .init(name: "清明节", restDays: day("2026-04-04")...day("2026-04-06")),
  .init(name: "劳动节", restDays: day("2026-05-01")...day("2026-05-05"), swappedWorkdays: [day("2026-05-09")]),
  .init(name: "端午节", restDays: day("2026-06-19")...day("2026-06-21")),
  .init(name: "中秋节", restDays: day("2026-09-25")...day("2026-09-27")),
  .init(name: "国庆节", restDays: day("2026-10-01")...day("2026-10-07"),
        swappedWorkdays: [day("2026-09-20"), day("2026-10-10")]),
])

let calendar2026 = try! WorkingDayCalendar(schedules: [schedule2026])

func rule(
  _ code: String, _ category: Category, period: Period?, change: Period? = nil, minimum: Period? = nil,
  minimumFrom: MinimumStart = .publication, confidence: Confidence = .statute, note: LocalizedText? = nil
) -> DisclosureRule {
  DisclosureRule(
    code: code, category: category, name: LocalizedText(chinese: "名称 \(code)", english: "name \(code)"),
    trigger: LocalizedText(chinese: "信息形成之日", english: "formed"), period: period, changePeriod: change,
    minimumPublication: minimum, minimumCountedFrom: minimumFrom,
    responsible: LocalizedText(chinese: "区建管委", english: "district commission"),
    basis: "《政府信息公开条例》第二十六条", confidence: confidence, note: note)
}

let testCatalogue = try! RuleCatalogue(profile: "test", rules: [
  rule("approval-result.construction-permit", .approvalResult, period: try! .workingDays(7)),
  rule("approval-result.eia-draft", .approvalResult, period: nil, minimum: try! .workingDays(10)),
  rule("bidding.candidates", .bidding, period: try! .calendarDays(3), minimum: try! .calendarDays(3)),
  rule("bidding.tender-notice", .bidding, period: nil, minimum: try! .calendarDays(5)),
  rule("bidding.contract", .bidding, period: try! .calendarDays(30), change: try! .calendarDays(15)),
  rule("completion.acceptance", .completion, period: try! .workingDays(20)),
])
