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
  ])
  func theKindMeantIsNamed(typed: String, meant: String) {
    #expect(catalogue.kind(meant: typed)?.code == meant)
  }

  @Test(arguments: ["xyz", "bidding", "公示", ""])
  func noKindIsGuessedWhereNoneOrSeveralFit(typed: String) {
    #expect(catalogue.kind(meant: typed) == nil)
  }
}
