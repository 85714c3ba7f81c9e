import GongkaiCore
import Testing
@testable import GongkaiStore

/// The same-day lookup an import makes for every milestone it adds: kept for a busy day, its answer must be the one
/// reading the day again gives, after whatever the import has written since.
@Suite struct BusyDaysTests {
  /// The definition: the first of the day's milestones, by id, whose 文号 is missing where the entry gives one, given
  /// where the entry's is missing, or the entry's typed otherwise.
  private static func firstLookAlike(of given: String?, among day: [SameDayMilestones.Milestone]) -> SameDayMilestones.Milestone? {
    let given = given.flatMap { $0.isEmpty ? nil : $0 }
    return day.first { _, stored in
      switch (given, stored.flatMap { $0.isEmpty ? nil : $0 }) {
      case (nil, nil): false
      case (nil, _?), (_?, nil): true
      case (let given?, let stored?): given != stored && DocumentNumber.lookAlike(given) == DocumentNumber.lookAlike(stored)
      }
    }
  }

  private static let references: [String?] = [
    nil, "", "杨竣〔2026〕5号", "杨竣[2026]5号", "杨竣（2026）5号", "杨竣〔2026〕6号", "杨竣 〔2026〕5号", "R1", "Ｒ1", "R2",
  ]

  private static func expectSameAnswers(_ kept: SameDayMilestones, as day: [SameDayMilestones.Milestone]) {
    for given in Self.references + ["杨竣[2026]6号", "Q9"] {
      let answer = kept.lookAlike(of: given)
      let expected = Self.firstLookAlike(of: given, among: day)
      #expect(answer?.id == expected?.id && answer?.reference == expected?.reference, "\(given ?? "nil") among \(day)")
    }
  }

  @Test(arguments: 0..<Self.references.count)
  func theAnswerIsTheFirstLookAlikeByIdWhicheverMilestonesTheDayHolds(first: Int) {
    // Every order of a few 文号 the day may hold, one without a 文号 at most (as the natural key allows), the empty
    // one as stored
    var day: [SameDayMilestones.Milestone] = []
    for (offset, reference) in (Self.references[first...] + Self.references[..<first]).enumerated()
    where reference?.isEmpty == false || !day.contains(where: { $0.reference?.isEmpty != false }) {
      day.append((Int64(offset + 1), reference))
    }
    var kept = SameDayMilestones(day)
    Self.expectSameAnswers(kept, as: day)
    // Withdrawn and put back, in any order
    let removed = [day[3], day[0], day[5]]
    for removed in removed {
      kept.remove(removed)
      day.removeAll { $0.id == removed.id }
      Self.expectSameAnswers(kept, as: day)
    }
    for restored in [removed[1], removed[0]] {
      kept.add(restored)
      day.append(restored)
      day.sort { $0.id < $1.id }
      Self.expectSameAnswers(kept, as: day)
    }
    #expect(kept.count == day.count)
  }

  private static func milestone(_ id: Int64, _ reference: String?, withdrawn: String? = nil) -> MilestoneRecord {
    MilestoneRecord(id: id, projectId: 1, kind: "bidding.result", category: "bidding", formedOn: "2026-11-20",
                    reference: reference, summary: nil, responsibleUnit: nil, changesId: nil, withdrawnReason: withdrawn,
                    recordedBy: "test", recordedAt: "2026-11-20T00:00:00Z")
  }

  private static let day = BusyDays.Day(projectId: 1, formedOn: "2026-11-20", kind: "bidding.result")

  private static func results(_ count: Int) -> SameDayMilestones {
    SameDayMilestones((1...count).map { (Int64($0), "杨竣〔2026〕\($0)号") })
  }

  @Test func onlyABusyDayIsKept() {
    var days = BusyDays()
    days.keep(Self.results(BusyDays.busy - 1), on: Self.day)
    #expect(days[Self.day] == nil)
    days.keep(Self.results(BusyDays.busy), on: Self.day)
    #expect(days[Self.day]?.lookAlike(of: "杨竣[2026]3号")?.id == 3)
  }

  @Test func aKeptDayHoldsWhatTheTransactionWritesInForce() {
    var days = BusyDays()
    days.keep(Self.results(BusyDays.busy), on: Self.day)
    days.inserted(Self.milestone(100, "杨竣〔2026〕100号", withdrawn: "重复登记"))
    #expect(days[Self.day]?.lookAlike(of: "杨竣[2026]100号") == nil)
    days.inserted(Self.milestone(101, "杨竣〔2026〕101号"))
    #expect(days[Self.day]?.lookAlike(of: "杨竣[2026]101号")?.id == 101)
    days.inserted(Self.milestone(102, nil))
    #expect(days[Self.day]?.lookAlike(of: "杨竣〔2026〕999号")?.id == 102)
  }

  @Test func aMilestoneWithdrawnPutBackOrMovedLeavesItsDayAndJoinsItsNewOne() {
    var days = BusyDays()
    days.keep(Self.results(BusyDays.busy), on: Self.day)
    let third = Self.milestone(3, "杨竣〔2026〕3号")
    var withdrawn = third
    withdrawn.withdrawnReason = "重复登记"
    days.updated(withdrawn, from: third)
    #expect(days[Self.day]?.lookAlike(of: "杨竣[2026]3号") == nil)
    days.updated(third, from: withdrawn)
    #expect(days[Self.day]?.lookAlike(of: "杨竣[2026]3号")?.id == 3)
    let nextDay = BusyDays.Day(projectId: 1, formedOn: "2026-11-21", kind: "bidding.result")
    days.keep(SameDayMilestones((100...131).map { (Int64($0), "R\($0)") }), on: nextDay)
    var moved = third
    moved.formedOn = "2026-11-21"
    days.updated(moved, from: third)
    #expect(days[Self.day]?.lookAlike(of: "杨竣[2026]3号") == nil)
    #expect(days[nextDay]?.lookAlike(of: "杨竣[2026]3号")?.id == 3)
    #expect(days[Self.day]?.count == BusyDays.busy - 1)
  }
}
