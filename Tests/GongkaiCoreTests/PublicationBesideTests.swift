import GongkaiCore
import Testing

/// Which publication a new one of a milestone is recorded beside: what `disclose` and the imports warn of, or refuse.
@Suite struct PublicationBesideTests {
  private func publication(_ published: String, _ channel: String, url: String? = nil, until: String? = nil) -> Disclosure {
    Disclosure(publishedOn: day(published), channel: channel, url: url, until: until.map(day))
  }

  /// The same day under the channel spelt with other spaces is the publication recorded twice, found before any other.
  @Test func theSameDaySpeltOtherwiseComesFirst() {
    let others: [(id: Int64, publication: Disclosure)] = [(1, publication("2026-11-20", "门户网站")), (2, publication("2026-11-23", "门户\u{A0}网站"))]
    #expect(publication("2026-11-23", "门户网站").recordedBeside(among: others)?.id == 2)
    // The same day and spelling is that publication itself (updated, not beside it); another channel is another place
    #expect(publication("2026-11-20", "门户网站").recordedBeside(among: [others[0]]) == nil)
    #expect(publication("2026-11-21", "信用中国").recordedBeside(among: others) == nil)
  }

  /// Of another day: one up alongside it first (a day corrected reads so), then one spelt alike, then the earliest.
  @Test func anotherDayPrefersOneUpAlongsideThenTheSameSpelling() {
    let down = publication("2026-11-18", "门户网站", until: "2026-11-19")
    let spaced = publication("2026-11-19", "门户 网站")
    let alike = publication("2026-11-19", "门户网站")
    let new = publication("2026-11-20", "门户网站")
    #expect(new.recordedBeside(among: [(1, down), (2, spaced), (3, alike)])?.id == 3)
    #expect(new.recordedBeside(among: [(1, down), (2, spaced)])?.id == 2)
    #expect(new.recordedBeside(among: [(1, down)])?.id == 1)
    #expect(!new.isUp(alongside: down) && new.isUp(alongside: alike) && alike.isUp(alongside: down))
    // At another address, another page
    #expect(publication("2026-11-20", "门户网站", url: "https://a.example/2").recordedBeside(
      among: [(1, publication("2026-11-19", "门户网站", url: "https://a.example/1"))]) == nil)
  }
}
