import Foundation
import GongkaiCore
import Testing
@testable import GongkaiReference
import TestSupport

/// Broken reference files: each is refused with the file, the line and what to do.
@Suite struct ReferenceFileTests {
  let resources = try! BundledResources.folder()

  /// Writes `text` to a fresh temporary file and returns its URL.
  func file(_ name: String, _ text: String) throws -> URL {
    let url = Scratch.file(name)
    try Data(text.utf8).write(to: url)
    return url
  }

  /// A YAML file saved as GBK (Notepad's “ANSI”) or UTF-16 (its “Unicode”) is refused naming what it most likely is, so
  /// that the clerk knows which of the editor's choices to change.
  @Test func aYAMLFileNotInUTF8IsRefusedNamingItsEncoding() throws {
    let text = "code: 2026-310110-48-01-000200\nname: 江浦路桥梁改建工程\n"
    for (data, line, said) in [
      (try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632))), 2,
       "but most likely GBK (“ANSI” in Notepad) (its first such bytes, 0xBD 0xAD 0xC6 0xD6, are on this line)"),
      (try #require(text.data(using: .utf16)), nil, "but UTF-16 (“Unicode” in Notepad)"),
    ] as [(Data, Int?, String)] {
      let url = Scratch.file("p.yaml")
      try data.write(to: url)
      #expect(throws: FileProblem(file: "p.yaml", line: line, field: nil, message: "file is not UTF-8 text \(said); save it as UTF-8")) {
        try YAMLValue.read(url, displayName: "p.yaml")
      }
    }
  }

  /// GBK whose first Chinese characters happen to be UTF-8 (目 is 0xC4 0xBF, which UTF-8 reads as Ŀ) is still named
  /// as GBK, not as UTF-8 with a character to retype.
  @Test func gbkReadableInPartAsUTF8IsNamedAsGBK() throws {
    let url = Scratch.file("p.yaml")
    let data = try #require("code: 2026-310110-48-01-000200\nname: 目标工程\n".data(using: String.Encoding(rawValue: 0x8000_0632)))
    try data.write(to: url)
    #expect(throws: FileProblem(file: "p.yaml", line: 2, field: nil, message: "file is not UTF-8 text but most likely GBK (“ANSI” in "
      + "Notepad) (its first such bytes, 0xB1 0xEA 0xB9 0xA4, are on this line); save it as UTF-8")) {
      try YAMLValue.read(url, displayName: "p.yaml")
    }
  }

  /// A UTF-8 file with a character some program wrote wrong is refused at its line, with the bytes, not as a file of
  /// another encoding.
  @Test func aBadCharacterInAUTF8FileIsNamedByItsLine() throws {
    let url = Scratch.file("p.yaml")
    try (Data("code: 2026-310110-48-01-000200\nname: 江浦路\nlocation: ".utf8) + Data([0xF0, 0x9F, 0x98]) + Data("\n".utf8)).write(to: url)
    #expect(throws: FileProblem(file: "p.yaml", line: 3, field: nil, message: "bytes that are not UTF-8 (0xF0 0x9F 0x98) in a file that "
      + "is UTF-8 before them: retype the text there (a character some program wrote wrong, such as an emoji cut in half), or save the "
      + "file again as UTF-8")) {
      try YAMLValue.read(url, displayName: "p.yaml")
    }
  }

  /// A profile's name joins the others' in the name the register records and the audit CSV states: one that
  /// could read as two (`a+b`), or that no script can trust, is refused at its line.
  @Test(arguments: ["\"a+b\"", "\"\"", "\" \"", "Yangpu", "杨浦", "\"a\\nb\"", String(repeating: "a", count: 41)])
  func aProfileNameThatCouldReadAsAnotherIsRefused(name: String) throws {
    let problem = try #require(try profileProblem("profile: \(name)\nextends: national\nrules: []\n"))
    #expect(problem.line == 1)
    #expect(problem.message.hasPrefix("profile name '"))
    #expect(problem.message.hasSuffix("is not usable; use 1 to 40 lowercase letters, digits or '-', starting with a letter, e.g. yangpu (a Chinese name goes in title:)"))
    #expect(try profileProblem("profile: yangpu-2\nextends: national\nrules: []\n") == nil)
  }

  func profileProblem(_ text: String) throws -> FileProblem? {
    let url = try file("local.yaml", text)
    do {
      _ = try RuleCatalogue.load(extraProfiles: [url], resources: resources)
      return nil
    } catch {
      return error.problems.first
    }
  }

  /// A profile's and a calendar's texts reach terminals, pages and the Atom feed as they are: a control character
  /// (an escape sequence that retitles the terminal, a NUL that makes the feed unreadable) or a bidirectional
  /// control is refused at its line, as in a register's fields.
  @Test func hiddenAndControlCharactersInReferenceTextsAreRefused() throws {
    let profile = try #require(try profileProblem("""
      profile: esc
      extends: national
      rules:
        - code: bidding.result
          basis: "某区细则\\u202E第八条"
          confidence: S2
      """))
    #expect(profile.description.hasSuffix(":5: rules[0].basis: it contains the bidirectional control U+202E, which can make text display in another order than it is stored; remove it"), "\(profile)")
    let title = try #require(try profileProblem("profile: esc\ntitle: \"杨浦\\e]0;x\\a\"\nextends: national\nrules: []\n"))
    #expect(title.description.hasSuffix(":2: title: it contains the control character U+001B; remove it"), "\(title)")
    let calendar = try calendarProblems("2027.yaml", """
      year: 2027
      source: "通知\\0"
      holidays:
        - name: "元旦\\e[31m"
          rest: 2027-01-01..2027-01-03
      """)
    #expect(calendar.prefix(2) == [
      "2027.yaml:2: source: it contains the control character U+0000; remove it",
      "2027.yaml:4: holidays[0].name: it contains the control character U+001B; remove it",
    ])
  }

  @Test func aProfileFileChangesAPeriodAndKeepsTheRest() throws {
    let url = try file("district.yaml", """
      profile: district
      extends: national
      rules:
        - code: bidding.result
          period: 10 working-days
          basis: 某区重大建设项目信息公开实施细则第八条
          confidence: S2
          note: {zh: 细则第八条规定10个工作日, en: art. 8 of the district rules sets 10 working days}
        - code: bidding.candidates
          responsible: {zh: 招标人或者其招标代理机构}
      """)
    let catalogue = try RuleCatalogue.load(extraProfiles: [url], resources: resources)
    let national = try RuleCatalogue.load(resources: resources)
    let changed = try #require(catalogue.rule(for: "bidding.result"))
    #expect(changed.period == (try .workingDays(10)))
    #expect(changed.basis == "某区重大建设项目信息公开实施细则第八条")
    #expect(changed.confidence == .secondary)
    #expect(changed.note == LocalizedText(chinese: "细则第八条规定10个工作日", english: "art. 8 of the district rules sets 10 working days"))
    #expect(changed.name == national.rule(for: "bidding.result")?.name)
    // An entry that changes neither period nor basis keeps the note and confidence of the rule it replaces.
    let kept = try #require(catalogue.rule(for: "bidding.candidates"))
    let nationalCandidates = try #require(national.rule(for: "bidding.candidates"))
    #expect(kept.responsible.chinese == "招标人或者其招标代理机构")
    #expect(kept.note != nil && kept.note == nationalCandidates.note)
    #expect(kept.confidence == nationalCandidates.confidence)
    #expect(catalogue.profile == "national+district")
    #expect(catalogue.titles == national.titles)
    #expect(catalogue.rules.count == national.rules.count)
  }

  /// The note and confidence of the rule replaced describe its period and law: an entry that changes either must
  /// say what its own rests on, or `rules`, `check --explain` and the exports would show the national research
  /// beside a local period. Restating a field as it was changes nothing, and asks for nothing.
  @Test(arguments: [
    ("period: 10 working-days", "bidding.result changes the period of the rule it replaces, so that rule's note and "
      + "confidence no longer describe it; give this entry its own note (null for none) and confidence (S, S2 or M)"),
    ("period: 10 working-days\n    basis: 某区细则第八条\n    note: null", "bidding.result changes the period and basis of "
      + "the rule it replaces, so that rule's confidence no longer describes it; give this entry its own confidence (S, S2 or M)"),
    ("minimum-publication: 5 calendar-days\n    confidence: S", "bidding.result changes the minimum-publication of the "
      + "rule it replaces, so that rule's note no longer describes it; give this entry its own note (null for none)"),
  ] as [(String, String)])
  func aReplacementChangingAPeriodOrTheBasisGivesItsOwnNoteAndConfidence(fields: String, message: String) throws {
    let problem = try #require(try profileProblem("profile: district\nextends: national\nrules:\n  - code: bidding.result\n    \(fields)\n"))
    #expect(problem.line == 4)
    #expect(problem.message == message)
    let national = try #require(try RuleCatalogue.load(resources: resources).rule(for: "bidding.result"))
    let restated = "period: \(national.period.map { "\($0.length) \($0.unit.rawValue)" } ?? "none")\n    basis: \(national.basis)"
    #expect(try profileProblem("profile: district\nextends: national\nrules:\n  - code: bidding.result\n    \(restated)\n") == nil)
  }

  /// The links a rule allows are data: the shipped withdrawal of a penalty withdraws both kinds of penalty, a
  /// profile may let a kind change another, and keeps the links of the rule it replaces unless it gives its own.
  @Test func aProfileLinksKindsAndKeepsTheLinksItDoesNotGive() throws {
    let national = try RuleCatalogue.load(resources: resources)
    let withdrawal = try #require(national.rule(for: "quality-safety.penalty-withdrawal"))
    #expect(withdrawal.isWithdrawal(of: "bidding.penalty") && withdrawal.isWithdrawal(of: "quality-safety.penalty"))
    #expect(!withdrawal.isWithdrawal(of: "quality-safety.penalty-withdrawal") && !withdrawal.mayChange("construction.participants"))
    let url = try file("district.yaml", """
      profile: district
      extends: national
      rules:
        - code: completion.acceptance-filing
          changes: [completion.acceptance]
        - code: quality-safety.penalty-withdrawal
          basis: 《中华人民共和国行政处罚法》第四十八条
          confidence: S
          note: null
      """)
    let catalogue = try RuleCatalogue.load(extraProfiles: [url], resources: resources)
    #expect(catalogue.rule(for: "completion.acceptance-filing")?.mayChange("completion.acceptance") == true)
    #expect(catalogue.rule(for: "quality-safety.penalty-withdrawal")?.withdraws == withdrawal.withdraws)
    #expect(catalogue.changeProblem(kind: "completion.acceptance", changing: "completion.acceptance-filing", link: "7") != nil)
  }

  @Test(arguments: [
    ("changes: [completion.nothing]", "changes or withdraws names 'completion.nothing', which no rule defines"),
    ("changes: [completion.acceptance]", "changes or withdraws lists its own code"),
    ("withdraws: [Completion]", "code 'Completion' is malformed"),
  ])
  func aLinkToNoRuleIsRefused(line: String, message: String) throws {
    let problem = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: completion.acceptance
          \(line)
      """))
    #expect(problem.message.contains(message), "\(problem)")
  }

  /// A tender notice's 公告期 counts from the first day of sale when put up ahead of it, in the national rules and in
  /// Shanghai's, which inherit it with the minimum, and the rules' version says so; a profile may count so the minimum
  /// of another item due by its trigger day, not one it has not, nor one of an item published after its trigger day.
  @Test func aTenderNoticesMinimumCountsFromTheSaleDay() throws {
    let national = try RuleCatalogue.load(resources: resources)
    #expect(national.rule(for: "bidding.tender-notice")?.minimumCountedFrom == .triggerDayIfLater)
    #expect(national.rule(for: "bidding.candidates")?.minimumCountedFrom == .publication)
    #expect(try RuleCatalogue.load(profile: "shanghai", resources: resources).rule(for: "bidding.tender-notice")?.minimumCountedFrom
      == .triggerDayIfLater)
    func district(_ field: String) throws -> RuleCatalogue {
      let url = try file("counted.yaml", """
        profile: district
        extends: national
        rules:
          - code: bidding.tender-notice
        \(field)    note: 区细则第五条
            confidence: S

        """)
      return try RuleCatalogue.load(extraProfiles: [url], resources: resources)
    }
    let inherited = try district("")
    let fromPublication = try district("    minimum-publication-from: publication\n")
    #expect(inherited.rule(for: "bidding.tender-notice")?.minimumCountedFrom == .triggerDayIfLater)
    #expect(fromPublication.rule(for: "bidding.tender-notice")?.minimumCountedFrom == .publication)
    #expect(fromPublication.version != inherited.version)
    for (code, value, message) in [
      ("bidding.candidates", "trigger-day-if-later",
       "trigger-day-if-later is for an item whose period is by-trigger-day, published before its trigger day; remove it"),
      ("bidding.candidates", "sale-day", "unknown minimum-publication-from 'sale-day'; use publication (the default) or trigger-day-if-later"),
      ("bidding.result", "trigger-day-if-later", "minimum-publication-from is given without a minimum-publication; remove it"),
    ] {
      let refused = try #require(try profileProblem("""
        profile: district
        extends: national
        rules:
          - code: \(code)
            minimum-publication-from: \(value)
            note: null
            confidence: S
        """))
      #expect(refused.message == message)
    }
  }

  /// A minimum period is named as the law names it: the notice pages, `rules` and `check` say 公告期 for a notice
  /// and 征求意见期 for a consultation. A profile keeps the name with the minimum, drops it with the minimum, and may
  /// not name a minimum it does not set.
  @Test func aMinimumPeriodIsNamedAsTheLawNamesIt() throws {
    let national = try RuleCatalogue.load(resources: resources)
    #expect(national.rule(for: "bidding.tender-notice")?.minimumPublicationName.chinese == "公告期")
    #expect(national.rule(for: "land-acquisition.house-plan-consultation")?.minimumPublicationName.chinese == "征求意见期")
    #expect(national.rule(for: "bidding.candidates")?.minimumPublicationName == DisclosureRule.displayPeriodName)
    let url = try file("district.yaml", """
      profile: district
      extends: national
      rules:
        - code: bidding.tender-notice
          minimum-publication: 7 calendar-days
          note: null
          confidence: S
        - code: land-acquisition.pre-notice
          minimum-publication: none
          note: null
          confidence: S
        - code: bidding.candidates
          minimum-publication-name: {zh: 公示时间, en: display time}
        - code: bidding.procurement-result
          minimum-publication-name: 公告期限
      """)
    let catalogue = try RuleCatalogue.load(extraProfiles: [url], resources: resources)
    #expect(catalogue.rule(for: "bidding.tender-notice")?.minimumPublicationName.chinese == "公告期")
    #expect(catalogue.rule(for: "land-acquisition.pre-notice")?.minimumPublicationName == DisclosureRule.displayPeriodName)
    #expect(catalogue.rule(for: "bidding.candidates")?.minimumPublicationName.english == "display time")
    #expect(catalogue.rule(for: "bidding.procurement-result")?.minimumPublicationName == LocalizedText(chinese: "公告期限", english: "公告期限"))
    #expect(catalogue.rule(for: "bidding.procurement-result")?.minimumPublicationAct == "公开")
    let unset = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: bidding.result
          minimum-publication-name: {zh: 公告期}
      """))
    #expect(unset.message == "bidding.result: minimum-publication-name is set but minimum-publication is not; set both or neither",
            "\(unset)")
  }

  /// A minimum known otherwise than the deadline carries its own confidence, which goes with the minimum: kept while
  /// a profile keeps the minimum, dropped with it, refused without one, and needing a note when M.
  @Test func aMinimumHasItsOwnConfidenceWhenGiven() throws {
    let shanghai = try RuleCatalogue.load(profile: "shanghai", resources: resources)
    let notice = try #require(shanghai.rule(for: "land-acquisition.expropriation-notice"))
    #expect(notice.confidence == .statute && notice.minimumConfidence == .unverified)
    #expect(notice.confidence(judging: .overdue) == .statute && notice.confidence(judging: .tooShort) == .unverified)
    #expect(shanghai.rule(for: "bidding.candidates")?.minimumConfidence == nil)
    let url = try file("district.yaml", """
      profile: district
      extends: shanghai
      rules:
        - code: land-acquisition.expropriation-notice
          responsible: {zh: 区人民政府（征收事务所）}
        - code: bidding.tender-notice
          minimum-confidence: S
      """)
    let district = try RuleCatalogue.load(profile: "shanghai", extraProfiles: [url], resources: resources)
    #expect(district.rule(for: "land-acquisition.expropriation-notice")?.minimumConfidence == .unverified)
    #expect(district.rule(for: "bidding.tender-notice")?.minimumConfidence == .statute)
    // the deadline's own (S2) says nothing more, and is kept as none
    let same = try file("same.yaml", "profile: district\nextends: shanghai\nrules:\n  - code: bidding.tender-notice\n    minimum-confidence: S2\n")
    #expect(try RuleCatalogue.load(profile: "shanghai", extraProfiles: [same], resources: resources).rule(for: "bidding.tender-notice")?
      .minimumConfidence == nil)
    // A minimum of the entry's own is described by the entry's own confidence
    let verified = try file("verified.yaml", """
      profile: verified
      extends: shanghai
      rules:
        - code: land-acquisition.expropriation-notice
          minimum-publication: 30 calendar-days
          confidence: S
          note: 区规定公告期30日（已核实）
      """)
    let own = try RuleCatalogue.load(profile: "shanghai", extraProfiles: [verified], resources: resources)
    #expect(own.rule(for: "land-acquisition.expropriation-notice")?.minimumConfidence == nil)
    #expect(own.rule(for: "land-acquisition.expropriation-notice")?.confidence(judging: .tooShort) == .statute)
    // How sure a period is decides how rows are marked: the rules version tells two files apart by it alone
    let unsure = try file("unsure.yaml", """
      profile: district
      extends: shanghai
      rules:
        - code: bidding.tender-notice
          minimum-confidence: M
          note: 本区公告期待核实
      """)
    let sure = try file("sure.yaml", "profile: district\nextends: shanghai\nrules:\n  - code: bidding.tender-notice\n    minimum-confidence: S\n")
    #expect(try RuleCatalogue.load(profile: "shanghai", extraProfiles: [unsure], resources: resources).version
      != RuleCatalogue.load(profile: "shanghai", extraProfiles: [sure], resources: resources).version)
    let without = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: bidding.result
          minimum-confidence: S
      """))
    #expect(without.message == "bidding.result: minimum-confidence is set but minimum-publication is not; set both or neither", "\(without)")
    let unknown = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: bidding.candidates
          minimum-confidence: maybe
      """))
    #expect(unknown.message == "unknown confidence 'maybe'; use S, S2 or M, or null for the deadline's", "\(unknown)")
  }

  /// The article that sets a minimum is cited on the public page where the rule's basis cites more; it goes with the
  /// minimum, as the minimum's confidence does, and needs one.
  @Test func aMinimumCitesTheArticleThatSetsIt() throws {
    let shanghai = try RuleCatalogue.load(profile: "shanghai", resources: resources)
    #expect(shanghai.rule(for: "land-acquisition.expropriation-notice")?.minimumPublicationBasis
      == "《上海市实施〈中华人民共和国土地管理法〉办法》第三十一条第一款")
    #expect(shanghai.rule(for: "bidding.tender-notice")?.minimumPublicationBasis == "《中华人民共和国招标投标法实施条例》第十六条")
    #expect(shanghai.rule(for: "bidding.candidates")?.minimumPublicationBasis == "《中华人民共和国招标投标法实施条例》第五十四条")
    let own = try file("own.yaml", """
      profile: district
      extends: shanghai
      rules:
        - code: bidding.tender-notice
          minimum-publication: 7 calendar-days
          confidence: S
          note: 本区招标公告期7日
      """)
    #expect(try RuleCatalogue.load(profile: "shanghai", extraProfiles: [own], resources: resources).rule(for: "bidding.tender-notice")?
      .minimumBasis == nil)
    let without = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: bidding.result
          minimum-publication-basis: 某条例第一条
      """))
    #expect(without.message == "bidding.result: minimum-publication-basis is set but minimum-publication is not; set both or neither", "\(without)")
  }

  /// A note is bilingual like a name; a plain text, the form notes had before, still loads, as both languages, so
  /// that the profile files users wrote then keep working; null clears the note replaced.
  @Test func aProfileNoteIsBilingualPlainOrCleared() throws {
    let url = try file("district.yaml", """
      profile: district
      title: 某区补充规则
      extends: national
      rules:
        - code: bidding.result
          note: {zh: 本区另有规定, en: the district rule says otherwise}
        - code: bidding.contract
          note: 本区按合同签订之日起10个工作日计
        - code: bidding.candidates
          note: null
      """)
    let catalogue = try RuleCatalogue.load(extraProfiles: [url], resources: resources)
    #expect(catalogue.rule(for: "bidding.result")?.note == LocalizedText(chinese: "本区另有规定", english: "the district rule says otherwise"))
    #expect(catalogue.rule(for: "bidding.contract")?.note == LocalizedText(chinese: "本区按合同签订之日起10个工作日计", english: "本区按合同签订之日起10个工作日计"))
    #expect(catalogue.rule(for: "bidding.candidates")?.note == nil)
    #expect(catalogue.titles == (try RuleCatalogue.load(resources: resources)).titles + ["某区补充规则"])
    let englishOnly = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: bidding.result
          note: {en: the district rule says otherwise}
      """))
    #expect(englishOnly.field == "rules[0].note.zh")
  }

  @Test func aDuplicateCodeNamesBothLines() throws {
    let problem = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: bidding.result
          responsible: {zh: 区建管委}
        - code: bidding.result
          responsible: {zh: 区住建委}
      """))
    #expect(problem.line == 6)
    #expect(problem.message.contains("defined twice (first at line 4)"))
  }

  @Test func anUnknownCategoryIsNamed() throws {
    let problem = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: bidding.local-item
          category: tendering
          name: {zh: 本地事项}
          trigger: {zh: 形成之日}
          period: 5 working-days
          responsible: {zh: 区建管委}
          basis: 某规定
          confidence: S
      """))
    #expect(problem.description.hasSuffix(":5: rules[0].category: unknown category 'tendering'; use one of approval-service, approval-result, bidding, land-acquisition, design-change, construction, quality-safety, completion"))
  }

  /// The shipped rules whose law came into force within the years a register holds are dated, and a profile keeps,
  /// clears or changes the date as it says: clearing or changing it changes what is judged, so the entry says why.
  @Test func aRuleIsDatedByTheDayItsLawCameIntoForce() throws {
    let national = try RuleCatalogue.load(resources: resources)
    #expect(Dictionary(uniqueKeysWithValues: national.rules.compactMap { rule in rule.inForce.map { (rule.code, "\($0)") } }) == [
      "approval-result.eia-first-notice": "2019-01-01", "approval-result.eia-draft-comment": "2019-01-01",
      "approval-result.eia-submission-notice": "2019-01-01", "approval-result.eia-acceptance-notice": "2019-01-01",
      "land-acquisition.pre-notice": "2021-09-01", "land-acquisition.compensation-plan-notice": "2020-01-01",
      "land-acquisition.expropriation-notice": "2021-09-01", "quality-safety.penalty-withdrawal": "2021-07-15",
      "completion.environmental-acceptance": "2017-11-20",
    ])
    #expect(national.rule(for: "quality-safety.penalty")?.citedTexts == [
      "《中华人民共和国行政处罚法》": try CivilDate(parsing: "2021-07-15"), "国办发〔2017〕94号": try CivilDate(parsing: "2017-12-04"),
    ])
    #expect(national.rules.filter { $0.beforeInForce == .none }.map(\.code) == [
      "approval-result.eia-first-notice", "approval-result.eia-draft-comment", "approval-result.eia-submission-notice",
      "completion.environmental-acceptance",
    ])
    let shanghai = try RuleCatalogue.load(profile: "shanghai", resources: resources)
    #expect(shanghai.rule(for: "land-acquisition.compensation-plan-notice")?.inForce == nil)
    let notice = try #require(shanghai.rule(for: "land-acquisition.expropriation-notice"))
    #expect(notice.inForce == (try CivilDate(parsing: "2021-09-01")) && notice.minimumInForce == nil)
    // The land notice had a period of its own before the 2021 实施条例: 《征收土地公告办法》's 10 working days (M, from
    // memory: legal-rules.md has no source for it), and
    // Shanghai's 公告期 beside it
    let august2021 = try CivilDate(parsing: "2021-08-31")
    for catalogue in [national, shanghai] {
      let earlier = try #require(catalogue.rule(for: "land-acquisition.expropriation-notice", formedOn: august2021))
      #expect(earlier.period == (try Period.workingDays(10)) && earlier.confidence == .unverified)
      #expect(earlier.basis.hasPrefix("《征收土地公告办法》（国土资源部令第10号）第四条"))
    }
    #expect(shanghai.rule(for: "land-acquisition.expropriation-notice", formedOn: august2021)?.minimumPublication == (try Period.calendarDays(10)))
    let unnoted = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: quality-safety.penalty-withdrawal
          before-in-force:
            period: 5 working-days
            basis: 区细则第九条
            confidence: M
          confidence: M
          note: {zh: 区细则, en: district rules}
      """))
    #expect(unnoted.field == "rules[0].before-in-force" && unnoted.message.hasPrefix("an unverified (M) earlier period needs a note"), "\(unnoted)")
    let stray = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: quality-safety.penalty-withdrawal
          before-in-force: {period: 5 working-days, basis: 区细则第九条, confidence: S, colour: red}
          confidence: S
          note: null
      """))
    #expect(stray.field == "rules[0].before-in-force.colour", "\(stray)")
    let blank = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: quality-safety.penalty-withdrawal
          before-in-force: {period: 5 working-days, basis: '  ', confidence: S}
          confidence: S
          note: null
      """))
    #expect(blank.field == "rules[0].before-in-force.basis" && blank.message.hasPrefix("the earlier law's basis is empty"), "\(blank)")
    // An earlier law's period is one: the refusal names how to say none set one, not 'none' as its period
    for (given, mistake) in [("ten", "'ten' is not a period"), ("none", "'none' is not a period")] {
      let wrong = try #require(try profileProblem("""
        profile: district
        extends: national
        rules:
          - code: quality-safety.penalty-withdrawal
            before-in-force: {period: \(given), basis: 区细则第九条, confidence: S}
            confidence: S
            note: null
        """))
      #expect(wrong.field == "rules[0].before-in-force.period", "\(wrong)")
      #expect(wrong.message == "\(mistake); use 'N working-days', 'N calendar-days' or 'by-trigger-day' (where no law set one, write `before-in-force: none`)",
              "\(wrong)")
    }
    let unknown = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: quality-safety.penalty-withdrawal
          before-in-force: nothing
      """))
    #expect(unknown.field == "rules[0].before-in-force")
    let cleared = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: land-acquisition.pre-notice
          in-force: null
      """))
    #expect(cleared.line == 4)
    #expect(cleared.message.hasPrefix("land-acquisition.pre-notice changes the in-force and minimum-in-force of the rule it replaces"))
    // A district rule shortening a national period from its own day: before it, the national rule, as it stood then;
    // with `before-in-force: general`, the 条例's general duty.
    func dated(_ before: String) throws -> RuleCatalogue {
      try RuleCatalogue.load(extraProfiles: [try file("district.yaml", """
        profile: district
        extends: national
        rules:
          - code: quality-safety.penalty
            period: 5 working-days
            basis: 区细则第五条
            in-force: 2020-06-01\(before)
            confidence: M
            note: {zh: 区细则自2020年6月1日起施行, en: the district rules are in force from 2020-06-01}
        """)], resources: resources)
    }
    let early = try CivilDate(parsing: "2020-05-29")
    let replaced = try #require(try dated("").rule(for: "quality-safety.penalty", formedOn: early))
    #expect(replaced.period == (try Period.workingDays(7)))
    #expect(replaced.basis == national.rule(for: "quality-safety.penalty", formedOn: early)?.basis)
    #expect(try dated("").rule(for: "quality-safety.penalty", formedOn: try CivilDate(parsing: "2020-06-01"))?.basis == "区细则第五条")
    let general = try #require(try dated("\n    before-in-force: general").rule(for: "quality-safety.penalty", formedOn: early))
    #expect(general.period == GeneralDisclosurePeriod.period && general.basis == "《中华人民共和国政府信息公开条例》第二十六条")
    // A cited text listed twice, with two days, would have one taken unseen.
    let twice = try #require(try profileProblem("""
      profile: district
      extends: national
      cited-texts:
        - {text: 某办法, in-force: 2030-01-01}
        - {text: 某办法, in-force: 2020-01-01}
      rules: []
      """))
    #expect(twice.line == 5 && twice.message == "text '某办法' is listed twice (first at line 4); give each cited text one entry")
    // A law cited by its short name, as profiles written by hand cite it, is marked as by its full one
    let short = try file("short.yaml", """
      profile: district
      extends: national
      rules:
        - code: quality-safety.penalty
          basis: 《行政处罚法》第四十八条；区细则第五条
          confidence: S
          note: null
      """)
    let penalty = try #require(try RuleCatalogue.load(extraProfiles: [short], resources: resources).rule(for: "quality-safety.penalty"))
    #expect(penalty.rule(formedOn: try CivilDate(parsing: "2019-06-03")).basis == "《行政处罚法》第四十八条（2021年7月15日起施行）；区细则第五条")
    #expect(penalty.rule(formedOn: try CivilDate(parsing: "2021-07-15")).basis == "《行政处罚法》第四十八条；区细则第五条")
    let typo = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: bidding.result
          in-force: 2020-13-01
          confidence: M
          note: {zh: 区细则, en: district rules}
      """))
    #expect(typo.line == 5)
    #expect(typo.field == "rules[0].in-force")
  }

  @Test(arguments: ["5 days", "0 working-days", "1001 calendar-days", "-3 working-days", "five working-days", "5"])
  func aBadPeriodIsNamed(period: String) throws {
    let problem = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: bidding.result
          period: \(period)
      """))
    #expect(problem.line == 5)
    #expect(problem.field == "rules[0].period")
  }

  @Test func aMisspeltFieldIsNotIgnored() throws {
    let problem = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: bidding.result
          peroid: 10 working-days
      """))
    #expect(problem.field == "rules[0].peroid")
    #expect(problem.message.hasPrefix("unknown field"))
  }

  /// Named together when several are missing, so that one pass adds them all.
  @Test func aNewEntryNeedsEveryField() throws {
    let problem = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: bidding.local-item
          category: bidding
          period: 5 working-days
      """))
    #expect(problem.message == "required fields name, trigger, responsible, basis and confidence are missing; give each")
    #expect(problem.field == "rules[0]")
    let one = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - code: bidding.local-item
          category: bidding
          name: {zh: 本区事项}
          trigger: {zh: 形成之日}
          period: 5 working-days
          responsible: {zh: 区建管委}
          basis: 某区实施细则
      """))
    #expect(one.message == "required field is missing; add `confidence: …` here")
    #expect(one.field == "rules[0].confidence")
  }

  @Test func aProfileMustSayWhatItExtends() throws {
    let problem = try #require(try profileProblem("profile: district\nrules: []\n"))
    #expect(problem.field == "extends")
    #expect(problem.line == 1)
  }

  /// A profile file builds on the profile it names: one the chain holds, not one silently missing from it.
  @Test func aProfileFileExtendsAProfileOfTheChain() throws {
    let district = try file("district.yaml", "profile: district\nextends: shanghai\nrules:\n  - code: bidding.result\n    responsible: {zh: 区建管委}\n")
    let catalogue = try RuleCatalogue.load(profile: "shanghai", extraProfiles: [district], resources: resources)
    #expect(catalogue.profile == "national+shanghai+district")
    #expect(catalogue.rules.count == (try RuleCatalogue.load(profile: "shanghai", resources: resources)).rules.count)
    let street = try file("street.yaml", "profile: street\nextends: district\nrules: []\n")
    #expect(try RuleCatalogue.load(profile: "shanghai", extraProfiles: [district, street], resources: resources).profile
      == "national+shanghai+district+street")
    let national = try file("street.yaml", "profile: street\nextends: national\nrules: []\n")
    #expect(try RuleCatalogue.load(profile: "shanghai", extraProfiles: [national], resources: resources).profile
      == "national+shanghai+street")
  }

  @Test(arguments: [
    ("profile: district\nextends: shanghai\nrules: []\n", "extends", 2,
     "'shanghai', but the rules it builds on are national; pass --profile shanghai"),
    ("profile: district\nextends: shanghia\nrules: []\n", "extends", 2,
     "unknown profile 'shanghia'; name one applied before this file (national) or a shipped one (national, shanghai), "
       + "or pass the profile file it builds on before this one with --profile-file"),
    ("profile: district\nextends: null\nrules: []\n", "extends", 2,
     "a profile must say which catalogue it changes, e.g. 'extends: national'"),
    ("profile: national\nextends: national\nrules: []\n", "profile", 1,
     "'national' is already applied (national); give this file a profile name of its own"),
    ("profile: shanghai\nextends: national\nrules: []\n", "profile", 1,
     "'shanghai' is the name of a shipped profile, which is not applied (national); give this file a profile name of "
       + "its own, or pass --profile shanghai and make this file 'extends: shanghai'"),
  ] as [(String, String, Int, String)])
  func aProfileFileThatDoesNotFitTheChainIsRefused(text: String, field: String, line: Int, message: String) throws {
    let problem = try #require(try profileProblem(text))
    #expect(problem.field == field)
    #expect(problem.line == line)
    #expect(problem.message == message)
  }

  @Test func anchorsAndDuplicateKeysAreRefused() throws {
    let anchors = try #require(try profileProblem("""
      profile: district
      extends: national
      rules:
        - &a {code: bidding.result, period: 10 working-days}
        - *a
      """))
    #expect(anchors.message.contains("anchors and aliases"))
    // Named where the alias is, not where its anchor is
    #expect(anchors.line == 5 && anchors.field == "rules[1]", "\(anchors)")
    let scalar = try #require(try profileProblem("profile: district\ntitle: &t 某区\nextends: national\nrules:\n  - {code: bidding.result, note: *t}\n"))
    #expect(scalar.line == 5 && scalar.field == "rules[0].note", "\(scalar)")
    // A `*name` in a comment or a quoted text before the alias is not taken for it
    let past = try #require(try profileProblem("""
      profile: district
      title: &t 某区
      extends: national
      rules:
        - code: bidding.result
          withdraws:
            - '*t' # see *t
            - *t
      """))
    #expect(past.line == 8 && past.field == "rules[0].withdraws[1]", "\(past)")
    let duplicate = try #require(try profileProblem("profile: a\nprofile: b\nextends: national\nrules: []\n"))
    #expect(duplicate.message.contains("key given twice"))
  }

  @Test func aSyntaxErrorNamesItsLine() throws {
    let problem = try #require(try profileProblem("profile: district\nextends: national\nrules:\n  - code: [unclosed\n"))
    #expect(problem.line != nil)
    #expect(problem.message.hasPrefix("YAML syntax"))
  }

  /// The items the law wants public by the day of the event they announce are due that day, in the shipped rules and in
  /// a profile that says so; a minimum period of publication cannot be one, as it is counted from the publication.
  @Test func itemsDueByTheirTriggerDayAreReadAndAMinimumCannotBeOne() throws {
    let national = try RuleCatalogue.load(resources: resources)
    #expect(national.rules.filter { $0.period == .byTriggerDay }.map(\.code)
      == ["approval-result.eia-submission-notice", "bidding.tender-notice"])
    let shanghai = try RuleCatalogue.load(profile: "shanghai", resources: resources)
    #expect(shanghai.rule(for: "bidding.ceiling-price")?.period == .byTriggerDay)
    let local = try file("local.yaml", "profile: local\nextends: national\nrules:\n  - code: bidding.clarification\n    period: by-trigger-day\n    confidence: S\n    note: null\n")
    #expect(try RuleCatalogue.load(extraProfiles: [local], resources: resources).rule(for: "bidding.clarification")?.period == .byTriggerDay)
    let counted = try file("counted.yaml", "profile: local\nextends: national\nrules:\n  - code: bidding.clarification\n    period: 3 trigger-day\n")
    #expect(throws: FileProblems.self) { try RuleCatalogue.load(extraProfiles: [counted], resources: resources) }
    let minimum = try file("minimum.yaml", """
      profile: local
      extends: national
      rules:
        - code: bidding.clarification
          minimum-publication: by-trigger-day
      """)
    do {
      _ = try RuleCatalogue.load(extraProfiles: [minimum], resources: resources)
      Issue.record("expected an error")
    } catch {
      #expect(error.problems.map { $0.description.replacingOccurrences(of: minimum.path, with: "minimum.yaml") } == [
        "minimum.yaml:5: rules[0].minimum-publication: a minimum publication period is counted in days from the publication; "
          + "use 'N calendar-days' or 'N working-days'",
      ])
    }
  }

  /// A profile's mistakes are listed together, each at its line: a local rules file is corrected in one pass.
  @Test func aProfileListsEveryProblem() throws {
    let url = try file("district.yaml", """
      profile: district
      rules:
        - code: bidding.result
          period: 5 days
        - code: bidding.local-item
          category: bidding
          period: 5 working-days
        - code: Bidding.Other
        - code: bidding.result
          basis: 某区实施细则
          colour: red
        - code: bidding.contract
          changes: [bidding.nothing]
      """)
    do {
      _ = try RuleCatalogue.load(extraProfiles: [url], resources: resources)
      Issue.record("expected an error")
    } catch {
      #expect(error.problems.map { $0.description.replacingOccurrences(of: url.path, with: "district.yaml") } == [
        "district.yaml:1: extends: a profile must say which catalogue it changes, e.g. 'extends: national'",
        "district.yaml:4: rules[0].period: '5 days' is not a period; use 'N working-days', 'N calendar-days', 'by-trigger-day' or 'none'",
        "district.yaml:5: rules[1]: required fields name, trigger, responsible, basis and confidence are missing; give each",
        "district.yaml:8: rules[2]: code 'Bidding.Other' is malformed; use <category>.<item> in lowercase letters, digits and hyphens, e.g. bidding.candidates",
        "district.yaml:9: rules[3]: code 'bidding.result' is defined twice (first at line 3); each item kind has one entry",
        "district.yaml:11: rules[3].colour: unknown field; expected one of basis, before-in-force, category, change-period, changes, code, confidence, in-force, minimum-confidence, minimum-in-force, minimum-publication, minimum-publication-basis, minimum-publication-from, minimum-publication-name, name, note, period, responsible, trigger, withdraws",
        "district.yaml:13: rules[4].changes[0]: bidding.contract: changes or withdraws names 'bidding.nothing', which no rule defines; use the code of a kind the rules define (`gongkai rules` lists the codes)",
      ])
    }
  }

  @Test func tooDeepANestingNamesItsLineInEveryLineEnding() {
    for ending in ["\n", "\r\n", "\r"] {
      let text = String(repeating: "a: b" + ending, count: 3) + "c: " + String(repeating: "[", count: YAMLValue.maximumDepth + 1)
      #expect(YAMLValue.tooDeep(text) == 4, "\(ending.unicodeScalars.map(\.value))")
    }
  }

  /// Nesting by one space a level goes four times as deep as by four: indentation is counted a level a column.
  @Test func oneSpaceABlockLevelIsAsDeepAsItLooks() {
    // Line n holds a key indented n - 1 spaces: the 66th, at 65, is one too deep.
    let levels = (0...YAMLValue.maximumDepth + 1).map { String(repeating: " ", count: $0) + "k\($0):" }
    #expect(YAMLValue.tooDeep(levels.joined(separator: "\n") + " x\n") == YAMLValue.maximumDepth + 2)
    #expect(YAMLValue.tooDeep(levels.dropLast().joined(separator: "\n") + " x\n") == nil)
  }

  @Test func aMissingProfileFileIsMissingInput() throws {
    do {
      _ = try RuleCatalogue.load(extraProfiles: [URL(fileURLWithPath: "/nonexistent/local.yaml")], resources: resources)
      Issue.record("expected an error")
    } catch {
      #expect(error.problems.map(\.kind) == [.missing])
    }
  }

  // MARK: - Calendar files

  /// A 2027 schedule with every holiday the law fixes, and nothing else: enough for the checks on files.
  static let year2027 = """
    year: 2027
    source: 国务院办公厅关于2027年部分节假日安排的通知
    holidays:
      - name: 元旦
        rest: 2027-01-01..2027-01-03
        workdays: []
      - name: 劳动节
        rest: 2027-05-01..2027-05-04
        workdays: []
      - name: 国庆节
        rest: 2027-10-01..2027-10-05
        workdays: []
      - name: 春节
        rest: 2027-02-05..2027-02-10
        workdays: []
      - name: 清明节
        rest: 2027-04-03..2027-04-05
        workdays: []
      - name: 端午节
        rest: 2027-06-09..2027-06-09
        workdays: []
      - name: 中秋节
        rest: 2027-09-15..2027-09-15
        workdays: []

    """

  @Test func anAdministratorAddsANewYearWithoutRebuilding() throws {
    let url = try file("2027.yaml", Self.year2027)
    let before = try LoadedCalendar.load(resources: resources, directory: nil, files: [])
    let after = try LoadedCalendar.load(resources: resources, directory: url.deletingLastPathComponent(), files: [])
    #expect(!before.calendar.hasSchedule(for: 2027))
    #expect(after.calendar.hasSchedule(for: 2027))
    #expect(after.calendar.kind(of: try CivilDate(parsing: "2027-01-01")) == .restDay)
    #expect(after.sources[2027] == url.path)
    #expect(after.version != before.version)
    #expect(after.version.hasPrefix("2018-2027 "))
  }

  @Test func aBrokenScheduleIsRefusedNamingTheFile() throws {
    let weekdayWorked = try file("2027.yaml", """
      year: 2027
      holidays:
        - name: 元旦
          rest: 2027-01-01..2027-01-01
          workdays: [2027-01-04]
      """)
    do {
      _ = try LoadedCalendar.load(resources: resources, directory: nil, files: [weekdayWorked])
      Issue.record("expected an error")
    } catch {
      #expect(error.problems.map(\.file) == [weekdayWorked.path])
      #expect(error.problems[0].message.contains("swapped workday 2027-01-04"))
    }
    let impossible = try file("2027.yaml", "year: 2027\nholidays:\n  - name: 春节\n    rest: 2027-02-30..2027-03-01\n")
    do {
      _ = try LoadedCalendar.load(resources: resources, directory: nil, files: [impossible])
      Issue.record("expected an error")
    } catch {
      #expect(error.problems.map(\.line) == [4])
      #expect(error.problems[0].message.contains("'2027-02-30' is not a date"))
    }
  }

  func calendarProblem(_ name: String, _ text: String) throws -> FileProblem? {
    let url = try file(name, text)
    do {
      _ = try LoadedCalendar.load(resources: resources, directory: nil, files: [url])
      return nil
    } catch {
      return error.problems.first
    }
  }

  func calendarProblems(_ name: String, _ text: String) throws -> [String] {
    let url = try file(name, text)
    do {
      _ = try LoadedCalendar.load(resources: resources, directory: nil, files: [url])
      return []
    } catch {
      return error.problems.map { $0.description.replacingOccurrences(of: url.path, with: name) }
    }
  }

  /// An administrator typing a new year sees every mistake of the file at once, in file order, each on its line.
  @Test func aScheduleListsEveryProblem() throws {
    let found = try calendarProblems("2027.yaml", """
      year: 2027
      source: 国务院办公厅关于2027年部分节假日安排的通知
      holidays:
        - name: 元旦
          rest: 2027-01-01..2027-01-03
          workdays: [2027-01-04]
        - name: 春节
          rest: 2027-02-06..2027-02-14
          workdays: [2027-02-07, 2027-02-20]
          colour: red
        - name: 清明节
          rest: 2027-04-05..2027-04-03
        - name: 劳动节
          rest: 2027-05-01..2027-05-04
          workdays: [2027-05-8]
        - name: 国庆节
          rest: 2027-10-01..2027-10-05
          workdays: [2027-10-02]
      """)
    #expect(found == [
      "2027.yaml:6: holidays[0].workdays[0]: 元旦: swapped workday 2027-01-04 is a Monday but swapped workdays are always a Saturday or Sunday; check its date against the notice",
      "2027.yaml:9: holidays[1].workdays[0]: day 2027-02-07 is listed twice (春节 rest day, 春节 workday); list each day once",
      "2027.yaml:10: holidays[1].colour: unknown field; expected one of name, note, rest, workdays",
      "2027.yaml:12: holidays[2].rest: '2027-04-05..2027-04-03' ends before it starts; write the first day, then the last, e.g. 2027-04-03..2027-04-05",
      "2027.yaml:15: holidays[3].workdays[0]: '2027-05-8' is not a date; use YYYY-MM-DD, e.g. 2026-03-31",
      "2027.yaml:18: holidays[4].workdays[0]: day 2027-10-02 is listed twice (国庆节 rest day, 国庆节 workday); list each day once",
    ])
  }

  /// A holiday left without a name is reported once as such; its other problems read without an empty name.
  @Test func anUnnamedHolidaysProblemsReadWithoutAnEmptyName() throws {
    let found = try calendarProblems("2027.yaml", """
      year: 2027
      holidays:
        - name: ""
          rest: 2027-01-01..2027-01-03
          workdays: [2027-01-04]
        - name: " "
          rest: 2027-01-03..2027-01-03
      """)
    #expect(found == [
      "2027.yaml:3: holidays[0]: the holiday starting 2027-01-01 has no name; give it its official name, e.g. 春节",
      "2027.yaml:5: holidays[0].workdays[0]: swapped workday 2027-01-04 is a Monday but swapped workdays are always a Saturday or Sunday; check its date against the notice",
      "2027.yaml:6: holidays[1]: the holiday starting 2027-01-03 has no name; give it its official name, e.g. 春节",
      "2027.yaml:7: holidays[1].rest: day 2027-01-03 is listed twice (a rest day of a holiday without a name, a rest day of a holiday without a name); list each day once",
    ])
  }

  /// A day of the year before belongs in that year's file, which can be started from the shipped one; a day of a
  /// later year is only out of place.
  @Test func aDayOfAnotherYearSaysWhereItBelongs() throws {
    let earlier = try calendarProblems("2027.yaml", "year: 2027\nholidays:\n  - name: 元旦\n    rest: 2026-12-31..2027-01-01\n")
    #expect(earlier == ["2027.yaml:4: holidays[0].rest: 元旦: day 2026-12-31 is not in 2027; a schedule lists only days of its own year; days of 2026 that a notice moves go in the schedule of 2026 (`gongkai calendar 2026 --format yaml` prints it, to start 2026.yaml from)"])
    let later = try calendarProblems("2026.yaml", "year: 2026\nholidays:\n  - name: 元旦\n    rest: 2027-01-01..2027-01-01\n")
    #expect(later == ["2026.yaml:4: holidays[0].rest: 元旦: day 2027-01-01 is not in 2026; a schedule lists only days of its own year"])
  }

  /// A file whose every day is of another year has its `year:` wrong: said once, not for every day.
  @Test func aYearThatDisagreesWithEveryDayIsOneProblem() throws {
    let daysOf2027 = """
      year: 2026
      holidays:
        - name: 元旦
          rest: 2027-01-01..2027-01-03
        - name: 春节
          rest: 2027-02-05..2027-02-13
          workdays: [2027-01-31, 2027-02-20]
      """
    let found = try calendarProblems("schedule.yaml", daysOf2027)
    #expect(found == ["schedule.yaml:1: year: 2026, but every day listed is in 2027: give `year: 2027`, or the days of 2026"])
    // A file named for its year is renamed with it, or the next run refuses the name
    let named = try calendarProblems("2026.yaml", daysOf2027)
    #expect(named == ["2026.yaml:1: year: 2026, but every day listed is in 2027: give `year: 2027` and name the file 2027.yaml, or the days of 2026"])
    // An empty file given with --calendar is only empty; the shell redirect into the folder is the folder's story
    #expect(try calendarProblems("2027.yaml", "") == ["2027.yaml: file is empty; write its content into it, or remove the file"])
  }

  /// A holiday's name is published in explanations and exports: a typo is refused at its line, the names the notices
  /// use are read, two that share a rest period joined by /.
  @Test func aHolidayIsNamedAsTheNoticeNamesIt() throws {
    let found = try calendarProblems("2027.yaml", """
      year: 2027
      holidays:
        - name: 元旦
          rest: 2027-01-01..2027-01-03
        - name: 春结
          rest: 2027-02-05..2027-02-13
        - name: 中秋节/国庆节
          rest: 2027-09-15..2027-09-15
      """)
    #expect(found.first == "2027.yaml:5: holidays[1]: '春结' is no holiday of 《全国年节及纪念日放假办法》第二条; name it "
      + "元旦、春节、清明节、劳动节、端午节、中秋节或国庆节 as the notice does (two that share a rest period joined by /, e.g. 中秋节/国庆节)")
    #expect(found.count == 1)
  }

  /// A file pasted from the wrong source is not a screenful: the first problems, then where the rest begin.
  @Test func aLongListOfProblemsIsCapped() throws {
    let monday = try CivilDate(parsing: "2027-01-04")
    let mondays = (0..<25).map { "      - \(monday.adding(days: 7 * $0))" }.joined(separator: "\n")
    let found = try calendarProblems(
      "2027.yaml", "year: 2027\nholidays:\n  - name: 元旦\n    rest: 2027-01-01..2027-01-03\n    workdays:\n\(mondays)\n")
    #expect(found.count == 21)
    #expect(found[19].hasPrefix("2027.yaml:25: holidays[0].workdays[19]: 元旦: swapped workday 2027-05-17 is a Monday"))
    #expect(found[20] == "2027.yaml:26: 5 more problems from here on are not shown; fix those above and run again")
  }

  /// Files that vanished from a folder during an import are missing input (66) however many there are: the line that
  /// counts those not shown is missing input too, unless one of them is a problem in a file.
  @Test func theLineCountingHiddenProblemsIsMissingInputWhenTheyAllAre() {
    var missing = CappedProblems()
    missing.append(contentsOf: (0..<25).map { FileProblem.notFound("/nowhere/\($0).yaml") })
    #expect(missing.error().problems.count == 21)
    #expect(missing.error().problems.allSatisfy { $0.kind == .missing })
    missing.append(FileProblem(file: "x.yaml", line: 3, field: "name", message: "required"))
    #expect(missing.error().problems.last?.kind == .badData)
  }


  /// A schedule's mistakes are named at the line of the day, the rest period or the year concerned, not at the
  /// file's first line.
  @Test func aScheduleProblemNamesTheLineOfItsDay() throws {
    let header = "# 2027 schedule\nyear: 2027\nholidays:\n  - name: 元旦\n    rest: 2027-01-01..2027-01-01\n"
    let weekday = try #require(try calendarProblem("2027.yaml", header + "    workdays:\n      - 2027-01-09\n      - 2027-01-05\n"))
    #expect(weekday.description.hasSuffix(":8: holidays[0].workdays[1]: 元旦: swapped workday 2027-01-05 is a Tuesday but swapped workdays are always a Saturday or Sunday; check its date against the notice"))
    let twice = try #require(try calendarProblem("2027.yaml", header + "  - name: 春节\n    rest: 2026-12-31..2027-01-02\n"))
    #expect(twice.line == 7)
    #expect(twice.field == "holidays[1].rest")
    let misnamed = try #require(try calendarProblem("2028.yaml", header))
    #expect(misnamed.line == 2)
    #expect(misnamed.message.hasPrefix("the file is named for 2028 but holds year 2027"))
  }

  // MARK: - Two files of one year

  /// Loads the calendar from `folder` (and `files`) and returns its problems, the folder's path cut to `dir`.
  func folderProblems(_ folder: URL, files: [URL] = []) -> [String] {
    do {
      _ = try LoadedCalendar.load(resources: resources, directory: folder, files: files)
      return []
    } catch {
      return error.problems.map { $0.description.replacingOccurrences(of: folder.path, with: "dir") }
    }
  }

  /// A forgotten draft beside the year's file would give the year by name order: both are named, one must go.
  @Test(arguments: ["2027_draft.yaml", "2027年草稿.yaml", "2027.yml"])
  func twoFilesOfOneYearInTheFolderAreRefused(draft: String) throws {
    let folder = Scratch.folder()
    try Data(Self.year2027.utf8).write(to: folder.appendingPathComponent("2027.yaml"))
    try Data(Self.year2027.utf8).write(to: folder.appendingPathComponent(draft))
    let (first, second) = draft < "2027.yaml" ? (draft, "2027.yaml") : ("2027.yaml", draft)
    #expect(folderProblems(folder) == [
      "dir/\(second):1: year: 2027 is also given by dir/\(first); remove one of the two files (one file a year, which replaces the shipped one)",
    ])
  }

  @Test func aFileGivenWithCalendarBesideTheFoldersFileOfItsYearIsRefused() throws {
    let folder = Scratch.folder()
    try Data(Self.year2027.utf8).write(to: folder.appendingPathComponent("2027.yaml"))
    let other = try file("2027.yaml", Self.year2027)
    let found = folderProblems(folder, files: [other])
    #expect(found == ["\(other.path):1: year: 2027 is also given by dir/2027.yaml; --calendar adds a year the folder lacks: "
      + "drop --calendar to use the folder's, or move that file out of the folder while you try this one"])
    // The folder's own file named again is the same file, read once.
    #expect(folderProblems(folder, files: [folder.appendingPathComponent("2027.yaml")]).isEmpty)
    // Two --calendar files of one year, beside an empty folder: nothing to say of the folder
    let first = try file("2027.yaml", Self.year2027)
    let twice = folderProblems(Scratch.folder(), files: [first, other])
    #expect(twice == ["\(other.path):1: year: 2027 is also given by \(first.path); give one --calendar file a year"])
  }

  /// A holiday sharing its rest period with another (中秋节/国庆节) whose own day falls outside it is better listed on its
  /// own: named at the list of holidays, not at the shared period.
  @Test func aHolidayJoinedToAnotherWithoutItsDayIsAskedForOnItsOwn() throws {
    let text = Self.year2027.replacingOccurrences(of: "  - name: 中秋节\n    rest: 2027-09-15..2027-09-15\n    workdays: []\n", with: "")
      .replacingOccurrences(of: "name: 国庆节", with: "name: 中秋节/国庆节")
    let found = try calendarProblems("2027.yaml", text)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("2027.yaml:4: holidays: 2027-09-15 is 中秋节, a holiday 《全国年节及纪念日放假办法》第二条 fixes, but this schedule leaves it a working day") == true,
            "\(found)")
  }

  /// Editors' backups and hidden copies are not the year's file; a file of the folder still replaces a shipped year.
  @Test func backupsAreIgnoredAndAShippedYearIsStillReplaced() throws {
    let folder = Scratch.folder()
    try Data(Self.year2027.utf8).write(to: folder.appendingPathComponent("2027.yaml"))
    for backup in ["2027.yaml~", "2027.yaml.bak", ".2027.yaml", "._2027.yaml", ".2027.yaml.swp"] {
      try Data("not: [a schedule".utf8).write(to: folder.appendingPathComponent(backup))
    }
    let shipped = try LoadedCalendar.load(resources: resources, directory: nil, files: [])
    let replaced = shipped.calendar.schedules[2026]!.fileText + "  - name: 元旦\n    rest: 2026-12-31..2026-12-31\n    workdays: []\n"
    try Data(replaced.utf8).write(to: folder.appendingPathComponent("2026.yaml"))
    let loaded = try LoadedCalendar.load(resources: resources, directory: folder, files: [])
    #expect(loaded.sources[2027] == folder.appendingPathComponent("2027.yaml").path)
    #expect(loaded.sources[2026] == folder.appendingPathComponent("2026.yaml").path)
    #expect(loaded.calendar.kind(of: try CivilDate(parsing: "2026-12-31")) == .restDay)
  }

  // MARK: - Holidays the law fixes

  /// A replacement 2026 file with only a new 元旦 would drop every other holiday: refused, each holiday once with its
  /// days and the law, at the list of holidays, in the order of the law; a day on a weekend (清明 2026 is a Sunday)
  /// with the make-up day the law gives it.
  @Test func aReplacementThatLeavesOutHolidaysIsRefused() throws {
    let found = try calendarProblems("2026.yaml", """
      year: 2026
      holidays:
        - name: 元旦
          rest: 2026-01-01..2026-01-03
          workdays: [2026-01-04]
      """)
    let law = "a holiday 《全国年节及纪念日放假办法》第二条 fixes"
    let whole = "as the notice does (a file replaces its whole year: list every holiday)"
    #expect(found.map { $0.replacingOccurrences(of: law, with: "LAW").replacingOccurrences(of: whole, with: "WHOLE") } == [
      "2026.yaml:3: holidays: 2026-02-16..2026-02-19 are 春节, LAW, but this schedule leaves them working days; list 春节 with a rest period that includes them, WHOLE",
      "2026.yaml:3: holidays: 2026-04-05 is 清明节, LAW (on a Sunday, made up on a working day), but this schedule lists no rest period with it; list 清明节 with its rest days, the make-up day included, WHOLE",
      "2026.yaml:3: holidays: 2026-05-01..2026-05-02 are 劳动节, LAW (2026-05-02 on a Saturday, made up on a working day), but this schedule lists no rest period with them; list 劳动节 with its rest days, the make-up day included, WHOLE",
      "2026.yaml:3: holidays: 2026-06-19 is 端午节, LAW, but this schedule leaves it a working day; list 端午节 with a rest period that includes it, WHOLE",
      "2026.yaml:3: holidays: 2026-09-25 is 中秋节, LAW, but this schedule leaves it a working day; list 中秋节 with a rest period that includes it, WHOLE",
      "2026.yaml:3: holidays: 2026-10-01..2026-10-03 are 国庆节, LAW (2026-10-03 on a Saturday, made up on a working day), but this schedule lists no rest period with them; list 国庆节 with its rest days, the make-up day included, WHOLE",
    ])
  }

  /// A holiday listed with a typo in its dates leaves the law's days out: named at its rest period, with the period,
  /// once for all the days it misses.
  @Test func aHolidayListedWithoutTheDaysTheLawFixesIsNamedAtItsRestPeriod() throws {
    let text = Self.year2027.replacingOccurrences(of: "rest: 2027-06-09..2027-06-09", with: "rest: 2027-06-10..2027-06-10")
      .replacingOccurrences(of: "rest: 2027-05-01..2027-05-04", with: "rest: 2027-05-03..2027-05-05")
    let found = try calendarProblems("2027.yaml", text)
    #expect(found == [
      "2027.yaml:8: holidays[1].rest: 2027-05-01..2027-05-02 are 劳动节, a holiday 《全国年节及纪念日放假办法》第二条 fixes "
        + "(2027-05-01 on a Saturday and 2027-05-02 on a Sunday, made up on working days), but the rest period listed for it, "
        + "2027-05-03..2027-05-05, leaves them out; give its rest days as the notice does, 2027-05-01..2027-05-02 and their make-up days included",
      "2027.yaml:20: holidays[5].rest: 2027-06-09 is 端午节, a holiday 《全国年节及纪念日放假办法》第二条 fixes, "
        + "but the rest period listed for it, 2027-06-10..2027-06-10, leaves it out; give its rest days as the notice does, 2027-06-09 included",
    ])
  }

  @Test func aYearWithout元旦IsRefused() throws {
    let text = Self.year2027.replacingOccurrences(of: "  - name: 元旦\n    rest: 2027-01-01..2027-01-03\n    workdays: []\n", with: "")
    let found = try calendarProblems("2027.yaml", text)
    #expect(found.count == 1)
    #expect(found.first?.hasPrefix("2027.yaml:4: holidays: 2027-01-01 is 元旦, a holiday 《全国年节及纪念日放假办法》第二条 fixes") == true)
  }

  /// No notice works a fixed holiday: one listed as a swapped workday is named at its line.
  @Test func aFixedHolidayListedAsASwappedWorkdayIsRefused() throws {
    // 2028-01-01 is a Saturday.
    let found = try calendarProblems("2028.yaml", """
      year: 2028
      holidays:
        - name: 元旦
          rest: 2028-01-03..2028-01-03
        - name: 劳动节
          rest: 2028-05-01..2028-05-05
          workdays: [2028-04-29]
        - name: 国庆节
          rest: 2028-10-01..2028-10-07
          workdays: [2028-01-01]
        - name: 春节
          rest: 2028-01-25..2028-01-31
        - name: 清明节
          rest: 2028-04-04..2028-04-04
        - name: 端午节
          rest: 2028-05-27..2028-05-29
      """)
    #expect(found == [
      "2028.yaml:10: holidays[2].workdays[0]: 国庆节: swapped workday 2028-01-01 is 元旦, a holiday 《全国年节及纪念日放假办法》第二条 fixes, which no notice makes a workday; remove it from the workdays and list 元旦 with its rest days",
    ])
  }

  /// A fixed holiday on a weekend left out is a rest day anyway, but the law makes it up on a working day, which
  /// only its listing places: 2027's 劳动节 (a Saturday and a Sunday) left out would make May 3 and 4 workdays. A
  /// year of an unchecked text (the 1949 one) is not held to the law, and a file with other mistakes is not told a
  /// holiday is missing besides.
  @Test func aHolidayOnAWeekendLeftOutIsRefusedButNotWhatIsUncertain() throws {
    // 2028-01-01 is a Saturday: no 元旦 listed, no make-up day either; nor 端午节, Sunday 5-28.
    let weekend = "year: 2028\nholidays:\n  - name: 劳动节\n    rest: 2028-05-01..2028-05-02\n  - name: 国庆节\n    rest: 2028-10-01..2028-10-03\n"
      + "  - name: 春节\n    rest: 2028-01-25..2028-01-28\n  - name: 清明节\n    rest: 2028-04-04..2028-04-04\n"
    let found = try calendarProblems("2028.yaml", weekend)
    #expect(found.map { $0.components(separatedBy: ", a holiday")[0] } == ["2028.yaml:3: holidays: 2028-01-01 is 元旦", "2028.yaml:3: holidays: 2028-05-28 is 端午节"])
    #expect(found.allSatisfy { $0.contains(", made up on a working day), but this schedule lists no rest period with it;") })
    #expect(try calendarProblems("1990.yaml", "year: 1990\nholidays: []\n") == [])
    let typo = try calendarProblems("2027.yaml", "year: 2027\nholidays:\n  - name: 元旦\n    rest: 2027-01-01..2027-01-0x\n")
    #expect(typo.count == 1)
    #expect(typo.first?.contains("'2027-01-0x' is not a date") == true)
  }
}
