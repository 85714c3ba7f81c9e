import GongkaiCore
import GongkaiReference
import Testing
import TestSupport

/// The shipped rules catalogues as staff read them: in Chinese, with English where `--lang en` asks for it.
@Suite struct ShippedRulesTests {
  let resources = try! BundledResources.folder()

  /// Staff read the notes in Chinese (`--lang en` shows the English): every shipped note is written in both.
  @Test(arguments: ["national", "shanghai"]) func everyShippedNoteIsInChineseAndInEnglish(profile: String) throws {
    let catalogue = try RuleCatalogue.load(profile: profile, resources: resources)
    let notes = catalogue.rules.compactMap { rule in rule.note.map { (rule.code, $0) } }
    #expect(notes.count > 40)
    for (code, note) in notes {
      #expect(!readsAsEnglish(note.chinese), "\(code): the Chinese note reads as English: \(note.chinese)")
      #expect(readsAsEnglish(note.english), "\(code): the English note is not English: \(note.english)")
    }
    #expect(!catalogue.titles.isEmpty && catalogue.titles.allSatisfy { !readsAsEnglish($0) })
  }
}

/// Staff type a kind as they know it: the code in another case, its Chinese name, the code's last part, or with a
/// letter off. The refusal names the kind meant when one alone fits; a guess is never made between two.
@Suite struct KindMeantTests {
  let catalogue = try! RuleCatalogue.load(resources: try! BundledResources.folder())

  @Test(arguments: [
    ("Bidding.Candidates", "bidding.candidates"), ("中标候选人公示", "bidding.candidates"), ("candidates", "bidding.candidates"),
    ("biding.candidates", "bidding.candidates"), ("候选人", "bidding.candidates"),
    ("bidding.cnadidates", "bidding.candidates"), ("bidding.candidaets", "bidding.candidates"),
    ("biddnig.cnadidates", "bidding.candidates"), ("ｂｉｄｄｉｎｇ．ｃａｎｄｉｄａｔｅｓ", "bidding.candidates"),
    ("bidding。candidates", "bidding.candidates"), ("招标公告", "bidding.tender-notice"),
  ])
  func theKindMeantIsNamed(typed: String, meant: String) {
    #expect(catalogue.kind(meant: typed)?.code == meant)
  }

  @Test(arguments: ["xyz", "bidding", "公示", "", "投标", "施工", "penalty"])
  func noKindIsGuessedWhereNoneOrSeveralFit(typed: String) {
    #expect(catalogue.kind(meant: typed) == nil)
  }

  /// Where a reading fits several kinds alike, the refusal names them, so that staff pick one rather than read the
  /// whole list of codes.
  @Test func theKindsAReadingFitsAlikeAreNamed() {
    #expect(catalogue.kinds(meant: "penalty").map(\.code) == ["bidding.penalty", "quality-safety.penalty"])
    #expect(catalogue.kinds(meant: "permit").map(\.code).contains("approval-result.construction-permit"))
    #expect(catalogue.kinds(meant: "candidates").map(\.code) == ["bidding.candidates"])
    #expect(catalogue.kinds(meant: "bidding").isEmpty && catalogue.kinds(meant: "xyz").isEmpty)
    // The words of a code put under another category
    #expect(Set(catalogue.kinds(meant: "construction.permit").map(\.code))
      == ["approval-result.construction-permit", "approval-result.construction-planning-permit"])
    #expect(catalogue.kind(meant: "completion.environmental")?.code == "completion.environmental-acceptance")
  }

  /// A word two categories share (`approval`, `批准`) names both, so that a refusal can point at their kinds; a word
  /// of one category, or of none, names none here.
  @Test func theCategoriesAWordNamesAlikeAreNamed() {
    #expect(catalogue.categories(sharingWord: "approval") == [.approvalService, .approvalResult])
    #expect(catalogue.categories(sharingWord: "批准") == [.approvalService, .approvalResult])
    #expect(catalogue.categories(sharingWord: "bidding").isEmpty && catalogue.categories(sharingWord: "xyz").isEmpty)
    #expect(catalogue.categories(sharingWord: "信息").isEmpty)
  }

  /// 投标 is in the name of one kind alone (招标投标违法行为行政处罚决定), but staff who type it think of the heading.
  @Test(arguments: [
    ("投标", Category.bidding), ("招标投标信息", .bidding), ("bidding", .bidding), ("Construction", .construction),
    ("施工", .construction), ("竣工", .completion), ("ｂｉｄｄｉｎｇ", .bidding), ("land (and house) expropriation", .landAcquisition),
    ("biding", .bidding), ("quality_safety", .qualitySafety), ("quality safety", .qualitySafety), ("approval_result", .approvalResult),
    ("land", .landAcquisition), ("design", .designChange), (" bidding ", .bidding),
  ])
  func aCategoryTypedForAKindIsNamed(typed: String, meant: Category) {
    #expect(catalogue.category(meant: typed) == meant)
  }

  @Test(arguments: ["施工许可", "公示", "工", "bid", "中标候选人公示", "approval", "批准"])
  func noCategoryIsNamedForPartOfAKind(typed: String) {
    #expect(catalogue.category(meant: typed) == nil)
  }
}

/// A project file or spreadsheet from a register kept under Shanghai's rules names Shanghai's own kinds; imported into
/// a national register, each is refused with the reason, not as a mistyped code.
@Suite struct KindOfAnotherProfileTests {
  let resources = try! BundledResources.folder()

  @Test func aKindOfAnotherShippedProfileIsNamedAsSuch() throws {
    let national = try RuleCatalogue.load(resources: resources)
    let problems = MilestoneEntry.problems(
      kind: "construction.site-sign", reference: nil, summary: nil, responsibleUnit: nil, withdrawnReason: nil, catalogue: national)
    #expect(problems.map(\.message) == [
      "unknown item kind 'construction.site-sign' in the rules applied here (national): it is a kind of the shanghai profile; "
        + "record it in a register kept under shanghai (`gongkai rules --profile shanghai` lists its kinds)",
    ])
    let lookup = try #require(national.shippedProfile)
    #expect(lookup("construction.site-sign") == "shanghai")
    #expect(lookup("construction.no-such-kind") == nil)
    // Under Shanghai's rules it is known, and no profile is named for a kind none has
    let shanghai = try RuleCatalogue.load(profile: "shanghai", resources: resources)
    #expect(shanghai.rule(for: "construction.site-sign") != nil)
    let shanghaiLookup = try #require(shanghai.shippedProfile)
    #expect(shanghaiLookup("construction.no-such-kind") == nil)
  }
}

/// Old projects are logged from 2017, before 94号 (2017-12-04), 10号令 (2018-01-01) and the 竣工环保验收暂行办法
/// (2017-11-20): a row of such information cites none of them as in force then, and judges it by no period they set.
@Suite struct InformationOf2017Tests {
  let national = try! RuleCatalogue.load(resources: try! BundledResources.folder())
  static let june2017 = CivilDate(year: 2017, month: 6, day: 15)!

  @Test func textsIssuedLaterAreCitedWithTheirDay() throws {
    let result = try #require(national.rule(for: "bidding.result", formedOn: Self.june2017))
    #expect(result.basis.contains("《招标公告和公示信息发布管理办法》（国家发展改革委令第10号）第六条第二款（2018年1月1日起施行）"))
    #expect(result.basis.contains("国办发〔2017〕94号（2017年12月4日起施行）"))
    let later = try #require(national.rule(for: "bidding.result", formedOn: CivilDate(year: 2018, month: 1, day: 1)!))
    #expect(!later.basis.contains("起施行"))
  }

  @Test func theEnvironmentalAcceptanceReportHasNoPeriodBeforeItsMeasure() throws {
    let before = try #require(national.rule(for: "completion.environmental-acceptance", formedOn: Self.june2017))
    #expect(before.period(forChange: false) == nil && before.minimumPublication == nil)
    #expect(before.basis.hasSuffix("（2017年11月20日起施行）"))
    let after = try #require(national.rule(for: "completion.environmental-acceptance", formedOn: CivilDate(year: 2017, month: 11, day: 20)!))
    #expect(after.period(forChange: false) == (try Period.workingDays(5)))
  }
}
