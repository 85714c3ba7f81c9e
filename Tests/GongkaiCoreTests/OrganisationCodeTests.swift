import GongkaiCore
import Testing

/// The organisation code every 索引号 of a register is numbered under has one form, so that one body never has two.
@Suite struct OrganisationCodeTests {
  @Test(arguments: ["11310110002424433J", "310110", "A", String(repeating: "9", count: 32)])
  func capitalsAndDigitsAreACode(_ text: String) {
    #expect(OrganisationCode.isWellFormed(text))
    #expect(OrganisationCode.meant(by: text) == nil)
  }

  @Test(arguments: [
    ("11310110002424433j", "11310110002424433J"), ("１１３１０１１０００２４２４４３３Ｊ", "11310110002424433J"), ("ab12", "AB12"),
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
}
