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
      rule("bidding.contract", .bidding, period: try .workingDays(20), change: try .workingDays(10)),
      rule("bidding.ceiling-price", .bidding, period: nil),
    ], profile: "shanghai")
    #expect(shanghai.profile == "test+shanghai")
    #expect(shanghai.rules.map(\.code) == [
      "approval-result.construction-permit", "approval-result.eia-draft", "bidding.candidates", "bidding.tender-notice", "bidding.contract",
      "bidding.ceiling-price", "completion.acceptance",
    ])
    #expect(testCatalogue.rule(for: "bidding.contract")?.period == (try .calendarDays(30)))
    #expect(shanghai.rule(for: "bidding.contract")?.period == (try .workingDays(20)))
    #expect(shanghai.rule(for: "bidding.contract")?.changePeriod == (try .workingDays(10)))
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
/// 政府信息公开条例 only (or none, where the party that publishes is not bound by it), and is judged so, citing the
/// article in force that day.
@Suite struct RuleInForceTests {
  let withdrawal = DisclosureRule(
    code: "quality-safety.penalty-withdrawal", category: .qualitySafety, name: LocalizedText(chinese: "撤回", english: "withdrawal"),
    trigger: LocalizedText(chinese: "变更之日", english: "changed"), period: try! .workingDays(3),
    responsible: LocalizedText(chinese: "处罚机关", english: "authority"), basis: "《中华人民共和国行政处罚法》第四十八条、第八十五条",
    confidence: .statute, withdraws: ["quality-safety.penalty"], inForce: day("2021-07-15"))
  /// As Shanghai's land notice: the national deadline from 2021-09-01, the local 公告期 long before.
  let notice = DisclosureRule(
    code: "land-acquisition.expropriation-notice", category: .landAcquisition, name: LocalizedText(chinese: "公告", english: "notice"),
    trigger: LocalizedText(chinese: "收到批准文件之日", english: "approved"), period: try! .workingDays(15),
    minimumPublication: try! .calendarDays(10), minimumPublicationName: LocalizedText(chinese: "公告期", english: "notice period"),
    responsible: LocalizedText(chinese: "区人民政府", english: "district"), basis: "《中华人民共和国土地管理法实施条例》第三十一条；某办法第三十一条",
    minimumBasis: "某办法第三十一条", confidence: .statute, minimumConfidence: .unverified, note: LocalizedText(chinese: "核实", english: "verify"),
    inForce: day("2021-09-01"), minimumInForce: nil)
  let firstNotice = DisclosureRule(
    code: "approval-result.eia-first-notice", category: .approvalResult, name: LocalizedText(chinese: "首次公开", english: "first"),
    trigger: LocalizedText(chinese: "确定环评单位之日", english: "chosen"), period: try! .workingDays(7),
    responsible: LocalizedText(chinese: "建设单位", english: "developer"), basis: "《环境影响评价公众参与办法》（生态环境部令第4号）第九条",
    confidence: .secondary, inForce: day("2019-01-01"), beforeInForce: .none)

  @Test func fromTheDayItsLawCameIntoForceTheRuleIsItsOwn() throws {
    #expect(withdrawal.rule(formedOn: day("2021-07-15")) === withdrawal)
    #expect(withdrawal.rule(formedOn: day("2026-11-27")) === withdrawal)
    let undated = rule("bidding.candidates", .bidding, period: try .calendarDays(3))
    #expect(undated.rule(formedOn: day("2018-01-02")) === undated)
    // One object a day: the audit CSV caches a row's fixed cells by the rule's identity.
    #expect(withdrawal.rule(formedOn: day("2020-01-02")) === withdrawal.rule(formedOn: day("2021-07-14")))
  }

  @Test func beforeItTheGeneralPeriodAppliesCitingTheArticleInForceThatDay() throws {
    let in2020 = withdrawal.rule(formedOn: day("2021-07-14"))
    #expect(in2020.code == withdrawal.code && in2020.name == withdrawal.name && in2020.withdraws == withdrawal.withdraws)
    #expect(in2020.period == (try .workingDays(20)))
    #expect(in2020.basis == "《中华人民共和国政府信息公开条例》第二十六条")
    #expect(in2020.confidence == .unverified)
    #expect(in2020.note?.chinese.hasPrefix("本项期限所据规定自2021年7月15日起施行；此前形成的信息，按条例的一般时限（20个工作日）计算。") == true)
    #expect(in2020.inForce == nil)
    #expect(withdrawal.rule(formedOn: day("2019-05-14")).basis == "《中华人民共和国政府信息公开条例》（2007年）第十八条")
    #expect(withdrawal.rule(formedOn: day("2019-05-15")).basis == "《中华人民共和国政府信息公开条例》第二十六条")
  }

  /// The 建设单位's notice is no agency's: before its law, no period binds it, and its law is cited with its day.
  @Test func beforeItADutyTheRegulationDoesNotBindHasNoDeadline() throws {
    let before = firstNotice.rule(formedOn: day("2018-12-31"))
    #expect(before.period == nil)
    #expect(before.basis == "《环境影响评价公众参与办法》（生态环境部令第4号）第九条（2019年1月1日起施行）")
    #expect(before.confidence == .unverified)
  }

  /// A minimum resting on a law of its own stands before the deadline's law, cited and known as it was.
  @Test func aMinimumOfAnotherLawStandsBeforeTheDeadlines() throws {
    let before = notice.rule(formedOn: day("2020-06-01"))
    #expect(before.period == (try .workingDays(20)))
    #expect(before.minimumPublication == (try .calendarDays(10)))
    #expect(before.minimumPublicationName.chinese == "公告期")
    #expect(before.minimumPublicationBasis == "某办法第三十一条")
    #expect(before.confidence(judging: .tooShort) == .unverified && before.confidence(judging: .late) == .unverified)
    let dropped = DisclosureRule(
      code: notice.code, category: notice.category, name: notice.name, trigger: notice.trigger, period: nil,
      minimumPublication: try .calendarDays(10), responsible: notice.responsible, basis: "《中华人民共和国土地管理法》第四十七条",
      confidence: .statute, inForce: day("2020-01-01"), minimumInForce: day("2020-01-01"))
    #expect(dropped.rule(formedOn: day("2019-12-31")).minimumPublication == nil)
    #expect(dropped.rule(formedOn: day("2019-12-31")).period == nil)
  }

  /// Where an earlier law set the item's own period (《征收土地公告办法》's 10 working days before the 2021 实施条例's
  /// 15), information formed before is judged by it, cited and known as it was, the minimum of its own law kept.
  @Test func beforeItAnEarlierLawsPeriodAppliesWhereOneSetIt() throws {
    let law = EarlierLaw(
      period: try .workingDays(10), basis: "《征收土地公告办法》（国土资源部令第10号）第四条", confidence: .secondary,
      note: LocalizedText(chinese: "据二手资料。", english: "From secondary sources."))
    let dated = DisclosureRule(
      code: notice.code, category: notice.category, name: notice.name, trigger: notice.trigger, period: notice.period,
      minimumPublication: notice.minimumPublication, minimumPublicationName: notice.minimumPublicationName,
      responsible: notice.responsible, basis: notice.basis, minimumBasis: notice.minimumBasis, confidence: .statute,
      minimumConfidence: .unverified, note: notice.note, inForce: day("2021-09-01"), beforeInForce: .law(law))
    let before = dated.rule(formedOn: day("2020-06-01"))
    #expect(before.period == (try .workingDays(10)))
    #expect(before.basis == "《征收土地公告办法》（国土资源部令第10号）第四条；某办法第三十一条")
    #expect(before.confidence(judging: .late) == .secondary && before.confidence(judging: .tooShort) == .unverified)
    #expect(before.minimumPublication == (try .calendarDays(10)))
    #expect(before.note?.chinese == "本项期限所据规定自2021年9月1日起施行；此前形成的信息，按《征收土地公告办法》（国土资源部令第10号）第四条规定的期限（10个工作日）计算。据二手资料。")
    #expect(before.note?.english.hasSuffix("judged by the period of 《征收土地公告办法》（国土资源部令第10号）第四条 (10 working days). From secondary sources.") == true)
    #expect(dated.rule(formedOn: day("2021-09-01")) === dated)
    #expect(dated.rule(formedOn: day("2021-08-31")).period == (try .workingDays(10)))
    // A district rule replacing it from a day of its own leaves 2020 to it, and so to the earlier law: the rules
    // version, which audit rows carry, tells apart two earlier periods behind the same replacement
    func version(earlierPeriod: Int) throws -> String {
      let national = DisclosureRule(
        code: notice.code, category: notice.category, name: notice.name, trigger: notice.trigger, period: notice.period,
        responsible: notice.responsible, basis: notice.basis, confidence: .statute, inForce: day("2021-09-01"),
        beforeInForce: .law(EarlierLaw(period: try .workingDays(earlierPeriod), basis: law.basis, confidence: .secondary, note: nil)))
      let district = DisclosureRule(
        code: notice.code, category: notice.category, name: notice.name, trigger: notice.trigger, period: try .workingDays(7),
        responsible: notice.responsible, basis: "区细则第九条", confidence: .statute, inForce: day("2025-03-01"), replaced: national)
      #expect(district.rule(formedOn: day("2020-06-01")).period == (try .workingDays(earlierPeriod)))
      return try RuleCatalogue(profile: "district", rules: [district]).version
    }
    #expect(try version(earlierPeriod: 10) != version(earlierPeriod: 12))
  }

  /// A rule in force throughout still cites the 条例 as it stood: its article 26 was the 2007 text's article 18.
  @Test func anUndatedRuleCitesTheRegulationAsItStood() throws {
    let contract = DisclosureRule(
      code: "bidding.contract", category: .bidding, name: LocalizedText(chinese: "合同", english: "contract"),
      trigger: LocalizedText(chinese: "订立之日", english: "signed"), period: try .workingDays(20),
      responsible: LocalizedText(chinese: "招标人", english: "tenderer"), basis: "国办发〔2017〕94号；《中华人民共和国政府信息公开条例》第二十六条",
      confidence: .secondary)
    let in2018 = contract.rule(formedOn: day("2018-06-01"))
    #expect(in2018.basis == "国办发〔2017〕94号；《中华人民共和国政府信息公开条例》（2007年）第十八条")
    // Another article of the 2019 text has no counterpart named here: it is cited with the revision's day, and the
    // period's article cited with it as the 2007 text's (a reviewer found it marked with the revision's day instead)
    func guide(citing articles: String) -> DisclosureRule {
      DisclosureRule(
        code: "approval-service.guide", category: .approvalService, name: contract.name, trigger: contract.trigger,
        period: try! .workingDays(20), responsible: contract.responsible,
        basis: "《中华人民共和国政府信息公开条例》\(articles)；国办发〔2017〕94号", confidence: .secondary)
    }
    let split = "《中华人民共和国政府信息公开条例》第二十条第五项（2019年5月15日起施行）；《中华人民共和国政府信息公开条例》（2007年）第十八条；国办发〔2017〕94号"
    #expect(guide(citing: "第二十条第五项、第二十六条").rule(formedOn: day("2018-06-01")).basis == split)
    #expect(guide(citing: "第二十六条、第二十条第五项").rule(formedOn: day("2019-05-14")).basis == split)
    #expect(in2018.period == contract.period && in2018.confidence == .secondary)
    #expect(contract.rule(formedOn: day("2019-05-15")) === contract)
  }

  /// An article of a text whose current version came into force later is cited, for information formed before,
  /// with that day: no row cites as then in force an article the text did not have.
  @Test func anArticleOfALaterTextIsCitedWithItsDay() throws {
    let penalty = DisclosureRule(
      code: "quality-safety.penalty", category: .qualitySafety, name: LocalizedText(chinese: "处罚", english: "penalty"),
      trigger: LocalizedText(chinese: "决定之日", english: "decided"), period: try .workingDays(7),
      responsible: LocalizedText(chinese: "住建", english: "construction"),
      basis: "《中华人民共和国行政处罚法》第四十八条；国办发〔2015〕51号", confidence: .secondary,
      citedTexts: ["《中华人民共和国行政处罚法》": day("2021-07-15")])
    #expect(penalty.rule(formedOn: day("2019-03-01")).basis == "《中华人民共和国行政处罚法》第四十八条（2021年7月15日起施行）；国办发〔2015〕51号")
    #expect(penalty.rule(formedOn: day("2019-03-01")).period == penalty.period)
    #expect(penalty.rule(formedOn: day("2021-07-15")) === penalty)
  }

  /// The checker judges each milestone by the rule of its own day; the catalogue's digest knows the date.
  @Test func theCheckerJudgesByTheRuleOfTheMilestonesDay() throws {
    let penalty = rule("quality-safety.penalty", .qualitySafety, period: try .workingDays(7))
    let catalogue = try RuleCatalogue(profile: "x", rules: [penalty, withdrawal])
    let checker = Checker(catalogue: catalogue, calendar: calendar2026)
    func finding(_ formed: String) throws -> Finding? {
      let milestone = Milestone(id: 1, projectCode: "2026-310110-48-01-000001", kind: withdrawal.code, formedOn: day(formed))
      return try checker.judge(milestone, asOf: day("2026-11-27"))
    }
    // 2026 is the calendar's one year: the deadlines are counted on the official schedule.
    #expect(try finding("2026-07-14")?.rule === withdrawal)
    #expect(try finding("2026-07-14")?.deadline?.date == day("2026-07-17"))
    let dated = try RuleCatalogue(profile: "x", rules: [penalty, DisclosureRule(
      code: withdrawal.code, category: .qualitySafety, name: withdrawal.name, trigger: withdrawal.trigger, period: withdrawal.period,
      responsible: withdrawal.responsible, basis: withdrawal.basis, confidence: .statute, withdraws: withdrawal.withdraws,
      inForce: day("2026-08-01"))])
    let before = try #require(try Checker(catalogue: dated, calendar: calendar2026).judge(
      Milestone(id: 1, projectCode: "2026-310110-48-01-000001", kind: withdrawal.code, formedOn: day("2026-07-14")), asOf: day("2026-11-27")))
    #expect(before.deadline?.date == day("2026-08-11"))
    #expect(before.rule.confidence == .unverified)
    #expect(dated.version != catalogue.version)
  }
}
