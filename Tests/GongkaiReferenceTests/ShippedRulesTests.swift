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
    ("biddnig.cnadidates", "bidding.candidates"),
  ])
  func theKindMeantIsNamed(typed: String, meant: String) {
    #expect(catalogue.kind(meant: typed)?.code == meant)
  }

  @Test(arguments: ["xyz", "bidding", "公示", ""])
  func noKindIsGuessedWhereNoneOrSeveralFit(typed: String) {
    #expect(catalogue.kind(meant: typed) == nil)
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
