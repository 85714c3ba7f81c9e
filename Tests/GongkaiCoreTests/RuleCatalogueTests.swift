import Testing
@testable import GongkaiCore

@Suite struct RuleCatalogueTests {
  @Test func refusesADuplicateCode() {
    #expect(throws: RuleError.duplicateCode("bidding.candidates")) {
      try RuleCatalogue(profile: "x", rules: [
        rule("bidding.candidates", .bidding, period: try .calendarDays(3)),
        rule("bidding.candidates", .bidding, period: try .calendarDays(5)),
      ])
    }
  }

  @Test func refusesACodeOutsideItsCategory() {
    #expect(throws: RuleError.codeOutsideCategory("bidding.candidates", .completion)) {
      try RuleCatalogue(profile: "x", rules: [rule("bidding.candidates", .completion, period: nil)])
    }
  }

  @Test(arguments: ["Bidding.candidates", "bidding", "bidding.", "bidding.a.b", "bidding.中标", "bidding.a b"])
  func refusesAMalformedCode(_ code: String) {
    #expect(throws: RuleError.malformedCode(code)) {
      try RuleCatalogue(profile: "x", rules: [rule(code, .bidding, period: nil)])
    }
  }

  @Test func anUnverifiedRuleNeedsANote() {
    #expect(throws: RuleError.unverifiedWithoutNote("completion.filing")) {
      try RuleCatalogue(profile: "x", rules: [rule("completion.filing", .completion, period: nil, confidence: .unverified)])
    }
    // The Chinese note is the one staff read: an English one alone says nothing to them.
    #expect(throws: RuleError.unverifiedWithoutNote("completion.filing")) {
      try RuleCatalogue(profile: "x", rules: [
        rule("completion.filing", .completion, period: nil, confidence: .unverified,
             note: LocalizedText(chinese: " ", english: "check 94号 wording"))
      ])
    }
    #expect(throws: Never.self) {
      try RuleCatalogue(profile: "x", rules: [
        rule("completion.filing", .completion, period: nil, confidence: .unverified,
             note: LocalizedText(chinese: "核对94号原文", english: "check 94号 wording"))
      ])
    }
  }

  @Test func aProfileReplacesInPlaceAndAddsAfterItsCategory() throws {
    let shanghai = try testCatalogue.applying([
      rule("bidding.contract", .bidding, period: try .calendarDays(30), change: try .calendarDays(15)),
      rule("bidding.ceiling-price", .bidding, period: nil),
    ], profile: "shanghai")
    #expect(shanghai.profile == "test+shanghai")
    #expect(shanghai.rules.map(\.code) == [
      "approval-result.construction-permit", "bidding.candidates", "bidding.tender-notice", "bidding.contract",
      "bidding.ceiling-price", "completion.acceptance",
    ])
    #expect(shanghai.rule(for: "bidding.contract")?.changePeriod == (try .calendarDays(15)))
    #expect(testCatalogue.rule(for: "bidding.ceiling-price") == nil)
  }

  @Test func categoriesKeepTheStatutoryOrder() {
    #expect(Category.allCases.map(\.chineseName) == [
      "批准服务信息", "批准结果信息", "招标投标信息", "征收土地信息", "重大设计变更信息", "施工有关信息", "质量安全监督信息", "竣工有关信息",
    ])
    #expect(Category.completion.chineseOrdinal == "八")
  }
}

/// A rule's law has a day it came into force: information formed before it was under the general duty of the
/// 政府信息公开条例 only, and is judged so, citing the article in force that day.
@Suite struct RuleInForceTests {
  let withdrawal = DisclosureRule(
    code: "quality-safety.penalty-withdrawal", category: .qualitySafety, name: LocalizedText(chinese: "撤回", english: "withdrawal"),
    trigger: LocalizedText(chinese: "变更之日", english: "changed"), period: try! .workingDays(3),
    responsible: LocalizedText(chinese: "处罚机关", english: "authority"), basis: "《中华人民共和国行政处罚法》第四十八条、第八十五条",
    confidence: .statute, withdraws: ["quality-safety.penalty"], inForce: try! CivilDate(parsing: "2021-07-15"))
  let notice = DisclosureRule(
    code: "land-acquisition.pre-notice", category: .landAcquisition, name: LocalizedText(chinese: "预公告", english: "pre-notice"),
    trigger: LocalizedText(chinese: "决定之日", english: "decided"), period: nil, minimumPublication: try! .workingDays(10),
    minimumPublicationName: LocalizedText(chinese: "公告期", english: "notice period"),
    responsible: LocalizedText(chinese: "政府", english: "government"), basis: "《中华人民共和国土地管理法实施条例》第二十六条",
    confidence: .statute, inForce: try! CivilDate(parsing: "2021-09-01"))

  @Test func fromTheDayItsLawCameIntoForceTheRuleIsItsOwn() throws {
    #expect(withdrawal.inForce(on: try CivilDate(parsing: "2021-07-15")) === withdrawal)
    #expect(withdrawal.inForce(on: try CivilDate(parsing: "2026-11-27")) === withdrawal)
    let undated = rule("bidding.candidates", .bidding, period: try .calendarDays(3))
    #expect(undated.inForce(on: try CivilDate(parsing: "2018-01-02")) === undated)
  }

  @Test func beforeItTheGeneralPeriodAppliesCitingTheArticleInForceThatDay() throws {
    let in2020 = withdrawal.inForce(on: try CivilDate(parsing: "2021-07-14"))
    #expect(in2020.code == withdrawal.code && in2020.name == withdrawal.name && in2020.withdraws == withdrawal.withdraws)
    #expect(in2020.period == (try .workingDays(20)))
    #expect(in2020.basis == "《中华人民共和国政府信息公开条例》第二十六条")
    #expect(in2020.confidence == .unverified)
    #expect(in2020.note?.chinese.hasPrefix("本项所据规定（《中华人民共和国行政处罚法》第四十八条、第八十五条）自2021年7月15日起施行；此前形成的信息，按条例的一般时限（20个工作日）计算。") == true)
    #expect(in2020.inForce == nil)
    let in2019 = withdrawal.inForce(on: try CivilDate(parsing: "2019-05-14"))
    #expect(in2019.basis == "《中华人民共和国政府信息公开条例》（2007年）第十八条")
    #expect(withdrawal.inForce(on: try CivilDate(parsing: "2019-05-15")).basis == "《中华人民共和国政府信息公开条例》第二十六条")
  }

  @Test func beforeItAnItemWithoutADeadlineHasNoneAndNoMinimum() throws {
    let before = notice.inForce(on: try CivilDate(parsing: "2020-06-01"))
    #expect(before.period == nil)
    #expect(before.minimumPublication == nil)
    #expect(before.note?.chinese.contains("此前形成的信息，不计公开期限，不计公告期。") == true)
  }

  /// The checker judges each milestone by the rule of its own day; the catalogue's digest knows the date.
  @Test func theCheckerJudgesByTheRuleOfTheMilestonesDay() throws {
    let penalty = rule("quality-safety.penalty", .qualitySafety, period: try .workingDays(7))
    let catalogue = try RuleCatalogue(profile: "x", rules: [penalty, withdrawal])
    let checker = Checker(catalogue: catalogue, calendar: calendar2026)
    func finding(_ formed: String) throws -> Finding? {
      let milestone = Milestone(id: 1, projectCode: "2020-310110-48-01-000001", kind: withdrawal.code, formedOn: day(formed))
      return try checker.judge(milestone, asOf: day("2026-11-27"))
    }
    #expect(try finding("2021-07-14")?.rule.confidence == .unverified)
    #expect(try finding("2021-07-15")?.rule === withdrawal)
    let undated = try RuleCatalogue(profile: "x", rules: [penalty, DisclosureRule(
      code: withdrawal.code, category: .qualitySafety, name: withdrawal.name, trigger: withdrawal.trigger, period: withdrawal.period,
      responsible: withdrawal.responsible, basis: withdrawal.basis, confidence: .statute, withdraws: withdrawal.withdraws)])
    #expect(undated.version != catalogue.version)
  }
}
