import GongkaiCore
import Testing

/// The organisation code every 索引号 of a register is numbered under has one form, so that one body never has two.
@Suite struct OrganisationCodeTests {
  @Test(arguments: ["1131011000242443XF", "310110", "A", String(repeating: "9", count: 32)])
  func capitalsAndDigitsAreACode(_ text: String) {
    #expect(OrganisationCode.isWellFormed(text))
    #expect(OrganisationCode.meant(by: text) == nil)
  }

  @Test(arguments: [
    ("1131011000242443xf", "1131011000242443XF"), ("１１３１０１１０００２４２４４３ＸＦ", "1131011000242443XF"), ("ab12", "AB12"),
  ])
  func oneTypedInLowerCaseOrFullWidthIsNoneButSaysWhichItMeant(_ typed: String, _ meant: String) {
    #expect(!OrganisationCode.isWellFormed(typed))
    #expect(OrganisationCode.meant(by: typed) == meant)
  }

  @Test(arguments: ["", "113101-10002", "1131 0110", "局", String(repeating: "9", count: 33), "abc-1"])
  func anythingElseIsNoCodeAndMeansNone(_ text: String) {
    #expect(!OrganisationCode.isWellFormed(text))
    #expect(OrganisationCode.meant(by: text) == nil)
  }

  /// A 统一社会信用代码 typed a character wrong passes its form, and would number every 索引号: its check tells it.
  @Test(arguments: ["1131011000242443XF", "91350100M000100Y43", "310110", "AB12", String(repeating: "9", count: 32)])
  func aCreditCodeWhoseCheckHoldsOrACodeOfAnotherLengthIsNotQuestioned(_ code: String) {
    #expect(OrganisationCode.creditCodeProblem(code) == nil)
  }

  @Test(arguments: [
    ("11310110002424433J", "its check gives Y for the last, not J"), ("1131011000242443XG", "its check gives F for the last, not G"),
    ("1131011000242I43XF", "holds I, which none does"), ("1131011000242443ZF", "holds Z, which none does"),
  ])
  func aCreditCodeTypedWrongIsSaid(_ code: String, _ said: String) {
    #expect(OrganisationCode.creditCodeProblem(code)?.contains(said) == true, "\(OrganisationCode.creditCodeProblem(code) ?? "nil")")
  }
}
