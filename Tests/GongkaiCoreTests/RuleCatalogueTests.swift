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
