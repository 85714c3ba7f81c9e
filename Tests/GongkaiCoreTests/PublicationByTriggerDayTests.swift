import Testing
@testable import GongkaiCore

/// Information the law wants public by the day of the event it announces: a tender notice by the day the documents
/// go on sale (招标投标法实施条例, 10号令), the EIA report before it is submitted. Published before that day it is on
/// time, after it late; an evaluator found such items counted on time whenever they were published.
@Suite struct PublicationByTriggerDayTests {
  let checker = Checker(
    catalogue: try! RuleCatalogue(profile: "test", rules: [
      rule("bidding.tender-notice", .bidding, period: .byTriggerDay, minimum: try! .calendarDays(5), minimumFrom: .triggerDayIfLater),
    ]),
    calendar: calendar2026)

  func notice(sale: String, published: [String] = []) -> Milestone {
    Milestone(id: 1, projectCode: "2026-310110-48-01-000001", kind: "bidding.tender-notice", formedOn: day(sale),
              disclosures: published.map { Disclosure(publishedOn: day($0), channel: "中国招标投标公共服务平台", until: day("2026-12-31")) })
  }

  @Test func aNoticePublishedBeforeOrOnTheSaleDayIsOnTimeAndOneAfterItLate() throws {
    let before = try #require(try checker.judge(notice(sale: "2026-03-10", published: ["2026-03-09"]), asOf: day("2026-11-27")))
    #expect(before.status == .onTime)
    #expect(before.deadline?.date == day("2026-03-10"))
    let onTheDay = try #require(try checker.judge(notice(sale: "2026-03-10", published: ["2026-03-10"]), asOf: day("2026-11-27")))
    #expect(onTheDay.status == .onTime)
    // Monday 03-16 is the fourth working day after Tuesday 03-10.
    let after = try #require(try checker.judge(notice(sale: "2026-03-10", published: ["2026-03-16"]), asOf: day("2026-11-27")))
    #expect(after.status == .late)
    #expect(after.workingDaysLate == 4)
  }

  /// The notice stays up through the documents' least sale period, 5 days from the first day of sale: put up ahead
  /// of the sale it does not end sooner (an evaluator found one up 12-01 to 12-07 for a sale from 12-20 judged on time,
  /// with a minimum end of 12-07); put up late, it counts from its own day.
  @Test func aNoticePutUpAheadOfTheSaleStaysUpThroughTheSalesLeastPeriod() throws {
    func judged(sale: String, published: String, until: String) throws -> Finding {
      let milestone = Milestone(
        id: 1, projectCode: "2026-310110-48-01-000001", kind: "bidding.tender-notice", formedOn: day(sale),
        disclosures: [Disclosure(publishedOn: day(published), channel: "中国招标投标公共服务平台", until: day(until))])
      return try #require(try checker.judge(milestone, asOf: day("2026-11-27")))
    }
    let early = try judged(sale: "2026-10-20", published: "2026-10-01", until: "2026-10-07")
    #expect(early.status == .tooShort)
    #expect(early.minimumEnd?.date == day("2026-10-26") && early.minimumStart == day("2026-10-20"))
    #expect(try checker.explainMinimumPublication(of: early)?.start == day("2026-10-20"))
    // Up through the fifth day after the sale began, Sunday 10-25, moved past the weekend to Monday 10-26.
    #expect(try judged(sale: "2026-10-20", published: "2026-10-01", until: "2026-10-26").status == .onTime)
    #expect(try judged(sale: "2026-10-20", published: "2026-10-01", until: "2026-10-25").status == .tooShort)
    let late = try judged(sale: "2026-10-20", published: "2026-10-22", until: "2026-10-27")
    #expect(late.status == .late && late.minimumEnd?.date == day("2026-10-27") && late.minimumStart == day("2026-10-22"))
  }

  /// Logged the day it goes up, before the sale, the notice is judged then: on time once up, due until it is; an item
  /// of another kind formed after the day judged has no finding.
  @Test func aNoticeIsJudgedBeforeTheSaleDay() throws {
    let up = try #require(try checker.judge(notice(sale: "2026-12-10", published: ["2026-12-02"]), asOf: day("2026-12-02")))
    #expect(up.status == .onTime && !up.statusIsProvisional)
    let notYet = try #require(try checker.judge(notice(sale: "2026-12-10"), asOf: day("2026-12-04")))
    #expect(notYet.status == .due && notYet.deadline?.date == day("2026-12-10"))
    #expect(notYet.needsAttention(warningDays: 5) && !notYet.needsAttention(warningDays: 2))
    let result = Milestone(id: 2, projectCode: "2026-310110-48-01-000001", kind: "bidding.candidates", formedOn: day("2026-12-10"))
    #expect(try Checker(catalogue: testCatalogue, calendar: calendar2026).judge(result, asOf: day("2026-12-02")) == nil)
  }

  /// A check as of a day long before the sale (an auditor looking back at 2024 in a register that holds 2025's
  /// tenders) does not count the notice due: it comes into view as early as it may go up, 90 days ahead.
  @Test func aNoticeComesIntoViewNinetyDaysBeforeTheSaleDay() throws {
    #expect(try checker.judge(notice(sale: "2026-10-26"), asOf: day("2024-01-01")) == nil)
    #expect(try checker.judge(notice(sale: "2026-10-26"), asOf: day("2026-07-27")) == nil)
    let inView = try #require(try checker.judge(notice(sale: "2026-10-26"), asOf: day("2026-07-28")))
    #expect(inView.status == .due && inView.deadline?.date == day("2026-10-26"))
  }

  /// The sale day is fixed, but the working days left to it, counted across days no schedule has arranged yet (2027's
  /// Spring Festival), are not: the count a cron's --warn-days alert rests on is marked so, and the year named.
  @Test func theDaysLeftToASaleDayInAYearWithoutItsScheduleAreProvisional() throws {
    let ahead = try #require(try checker.judge(notice(sale: "2027-02-15"), asOf: day("2027-02-04")))
    #expect(ahead.status == .due && ahead.deadline == Deadline(date: day("2027-02-15"), isProvisional: false))
    #expect(ahead.workingDaysAreProvisional && ahead.isProvisional && !ahead.statusIsProvisional)
    #expect(calendar2026.unscheduledYears(of: ahead) == [2027])
    // Within a year whose schedule is known, the count is settled.
    let known = try #require(try checker.judge(notice(sale: "2026-10-09"), asOf: day("2026-09-28")))
    #expect(known.status == .due && known.workingDays == 4 && !known.workingDaysAreProvisional && !known.isProvisional)
  }

  @Test func anUnpublishedNoticeIsDueOnTheSaleDayAndOverdueTheDayAfter() throws {
    let due = try #require(try checker.judge(notice(sale: "2026-03-10"), asOf: day("2026-03-10")))
    #expect(due.status == .due)
    #expect(due.needsAttention(warningDays: 5))
    let overdue = try #require(try checker.judge(notice(sale: "2026-03-10"), asOf: day("2026-03-11")))
    #expect(overdue.status == .overdue)
  }

  /// The sale opens that day whatever the day: a period ending on its first day is not moved off a rest day, as a
  /// calendar-day period is (民法典 art. 203), and no missing schedule can move it.
  @Test func theDeadlineIsTheSaleDayEvenOnARestDayOrInAYearWithoutItsSchedule() throws {
    // Saturday 2026-10-03, in the National Day break
    #expect(try calendar2026.deadline(of: .byTriggerDay, from: day("2026-10-03")) == Deadline(date: day("2026-10-03"), isProvisional: false))
    #expect(try calendar2026.deadline(of: .byTriggerDay, from: day("2027-02-06")) == Deadline(date: day("2027-02-06"), isProvisional: false))
    let explained = try calendar2026.explain(.byTriggerDay, from: day("2026-10-03"))
    #expect(explained.skippedDays.isEmpty && explained.unscheduledYears.isEmpty && explained.nominalEnd == nil)
  }

  /// `by-trigger-day` has no number of days: a period of 3 days by the trigger day would have a deadline on its
  /// first day, before the 3 days it claims, so it cannot be made (the fuzzer found one made).
  @Test func aPeriodByTheTriggerDayCannotBeGivenDays() {
    #expect(throws: PeriodError.lengthGivenToTriggerDay(3)) { try Period(3, .triggerDay) }
    #expect("\(PeriodError.lengthGivenToTriggerDay(3))".contains("'by-trigger-day'"))
  }

  /// The notice is recorded the day it goes up, so its sale day may be up to 90 days ahead; no other item's may.
  @Test func onlySuchAnItemMayBeLoggedForADayToCome() {
    let today = day("2026-12-02")
    func problem(_ kind: String, _ formed: String) -> RegisterError? {
      MilestoneEntry.formationProblem("--date", day(formed), kind: kind, isChange: false, catalogue: checker.catalogue, today: today)
    }
    #expect(problem("bidding.tender-notice", "2026-12-10") == nil && problem("bidding.tender-notice", "2027-03-02") == nil)
    #expect(problem("bidding.tender-notice", "2027-03-03")?.description == "--date 2027-03-03 is 91 days ahead; gongkai takes an "
      + "item due by its own day at most 90 days before it, so 2027-03-02 at the latest today: check the date")
    #expect(problem("bidding.candidates", "2026-12-03") == .futureDate("--date", day("2026-12-03"), today: today))
    #expect(problem("bidding.candidates", "2026-12-02") == nil)
  }

  /// Whether a day to come may be recorded is the change's period's to say for a change, linked by key in a file or by
  /// id on the command line (`log --changes 12`).
  @Test func aChangeMayBeLoggedAheadWhereItsOwnPeriodIsByItsDay() throws {
    let catalogue = try RuleCatalogue(profile: "test", rules: [
      rule("approval-result.eia-submission-notice", .approvalResult, period: try .workingDays(20), change: .byTriggerDay),
    ])
    let entry = MilestoneEntry(kind: "approval-result.eia-submission-notice", formedOn: day("2026-12-10"))
    let today = day("2026-12-02")
    #expect(entry.problems(catalogue: catalogue, today: today) == [.futureDate("formed", day("2026-12-10"), today: today)])
    #expect(entry.problems(catalogue: catalogue, today: today, changesByID: true).isEmpty)
    var changing = entry
    changing.changes = MilestoneKey(kind: "approval-result.eia-submission-notice", formedOn: day("2026-11-02"), reference: nil)
    #expect(changing.problems(catalogue: catalogue, today: today).isEmpty)
  }

  @Test func onlySuchAnItemAdmitsAPublicationBeforeItsMilestone() {
    let early = Disclosure(publishedOn: day("2026-03-09"), channel: "中国招标投标公共服务平台")
    #expect(early.problems(formedOn: day("2026-03-10"), admittedBefore: true, today: day("2026-11-27")).isEmpty)
    #expect(early.problems(formedOn: day("2026-03-10"), admittedBefore: false, today: day("2026-11-27"))
      == [.disclosureBeforeMilestone(published: day("2026-03-09"), formed: day("2026-03-10"))])
    #expect(checker.catalogue.admitsPublicationBeforeFormation(of: "bidding.tender-notice", formedOn: day("2026-03-10"), isChange: false))
    #expect(!testCatalogue.admitsPublicationBeforeFormation(of: "bidding.candidates", formedOn: day("2026-03-10"), isChange: false))
    #expect(!checker.catalogue.admitsPublicationBeforeFormation(of: "bidding.unknown", formedOn: day("2026-03-10"), isChange: false))
    #expect(Period.byTriggerDay.chineseDescription == "起算日前（含当日）")
  }

  /// A notice goes up days before the sale, not a year: one dated more than 90 days ahead has its date mistyped, and
  /// would make a late notice look on time.
  @Test func aPublicationMoreThanNinetyDaysAheadIsRefused() {
    #expect(Disclosure.precedenceProblem(published: day("2026-01-05"), formed: day("2026-04-05"), admitted: true) == nil)
    let problem = Disclosure.precedenceProblem(published: day("2025-10-02"), formed: day("2026-10-03"), admitted: true)
    #expect(problem?.field == "published")
    #expect(problem?.description == "published '2025-10-02' is not accepted: it is 366 days before the day the item is due by "
      + "(2026-10-03, its milestone's), and such a notice goes up at most 90 days ahead; check the dates")
  }
}
