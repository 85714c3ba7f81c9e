import GongkaiCore
import Testing

@Suite struct ListedTextTests {
  /// Messages list what to mend as a sentence does, and name no more than a reader acts on.
  @Test func itemsAreListedAsASentenceAndCutAfterTheLimit() {
    #expect([String]().listed() == "")
    #expect(["a"].listed() == "a")
    #expect(["a", "b"].listed(" or ") == "a or b")
    #expect(["a", "b", "c"].listed() == "a, b and c")
    #expect(["元旦", "春节", "国庆节"].listed("或", separator: "、") == "元旦、春节或国庆节")
    #expect(["a", "b", "c"].listed(atMost: 3) == "a, b and c")
    #expect(["a", "b", "c", "d", "e"].listed(atMost: 2) == "a, b and 3 more")
  }
}
