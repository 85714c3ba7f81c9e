import GongkaiCore
import GongkaiStore
import Testing
@testable import GongkaiExport

/// The feed's deleted entries (RFC 6721) as a feed reader depends on them.
@Suite struct FeedRetractionTests {
  func code(_ text: String) -> ProjectCode { try! ProjectCode(text) }

  /// A project's former divisions: each it was corrected away from and does not have now, by the latest correction
  /// away from it.
  @Test func aProjectsFormerDivisionsAreThoseItLeftAndDoesNotHave() {
    let (a, b, c) = (code("2026-310110-48-01-000305"), code("2026-310115-48-01-000305"), code("2026-310120-48-01-000305"))
    func recode(_ former: ProjectCode, _ current: ProjectCode, _ at: String) -> LoggedRecode {
      LoggedRecode(former: former, current: current, at: "2026-11-\(at)T09:00:00+08:00", reason: "区划代码填错")
    }
    // A → B → A: only B's division is a former one. A → B → C: A's and B's.
    let back = ProjectNotice.FormerDivision.byProject([recode(a, a, "01"), recode(b, a, "02")])
    #expect(back == [a: [.init(division: "310115", correctedAt: "2026-11-02T09:00:00+08:00")]])
    let on = ProjectNotice.FormerDivision.byProject([recode(a, c, "01"), recode(b, c, "02")])
    #expect(on[c]?.map(\.division) == ["310110", "310115"])
    // Within one division nothing is renumbered.
    #expect(ProjectNotice.FormerDivision.byProject([recode(code("2026-310110-48-01-000306"), a, "01")]).isEmpty)
  }

  /// A correction of a big project's code renumbers hundreds of entries at once: the withdrawals of mistaken records
  /// keep their own place in the feed, or a reader polling daily would never learn of one.
  @Test func renumberingsDoNotCrowdOutWithdrawals() {
    var feed = LatestPublications(limit: 2)
    feed.consider(ProjectNotice.Retraction(indexNumber: "310110-2026-00001", when: "2026-11-20T20:00:00+08:00",
                                           comment: "登记有误，已撤回：误录", cause: .mistake))
    for number in 2...9 {
      feed.consider(ProjectNotice.Retraction(indexNumber: "310115-2026-0000\(number)", when: "2026-11-20T21:00:00+08:00",
                                             comment: "项目代码已更正", cause: .renumbering))
    }
    let deleted = feed.context(organisation: "gongkai", asOf: try! CivilDate(parsing: "2026-11-20"))["deleted"] as! [[String: Any]]
    #expect(deleted.compactMap { $0["ref"] as? String } == [
      "urn:gongkai:notice:310115-2026-00009", "urn:gongkai:notice:310115-2026-00008", "urn:gongkai:notice:310110-2026-00001",
    ])
  }
}
