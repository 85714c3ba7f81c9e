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
