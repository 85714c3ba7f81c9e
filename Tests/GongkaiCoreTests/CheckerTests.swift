import Testing
@testable import GongkaiCore

/// Each finding status, on the 2026 calendar: the statuses a cron alert and an audit row depend on.
@Suite struct CheckerTests {
  let checker = Checker(catalogue: testCatalogue, calendar: calendar2026)

  func milestone(
    _ kind: String, formed: String, changes: Int64? = nil, disclosures: [Disclosure] = []
  ) -> Milestone {
    Milestone(id: 1, projectCode: "2026-310110-48-01-000001", kind: kind, formedOn: day(formed), changes: changes,
              disclosures: disclosures)
  }

  func published(_ on: String, until: String? = nil) -> Disclosure {
    Disclosure(publishedOn: day(on), channel: "区政府门户网站", url: "https://example.gov.cn/1", until: until.map(day))
  }

  // Permit issued Friday 2026-02-13: 7 working days are 2-14 (worked Saturday), 2-24..2-27, 2-28 (worked
  // Saturday) and 3-02, the deadline.

  @Test func publishedOnTheDeadlineDayIsOnTime() throws {
    let finding = try #require(try checker.judge(
      milestone("approval-result.construction-permit", formed: "2026-02-13", disclosures: [published("2026-03-02")]),
      asOf: day("2026-03-31")))
    #expect(finding.status == .onTime)
    #expect(finding.deadline?.date == day("2026-03-02"))
    #expect(finding.workingDays == nil)
  }

  @Test func publishedAfterTheDeadlineIsLateByWorkingDays() throws {
    let finding = try #require(try checker.judge(
      milestone("approval-result.construction-permit", formed: "2026-02-13", disclosures: [published("2026-03-04")]),
      asOf: day("2026-03-31")))
    #expect(finding.status == .late)
    #expect(finding.workingDays == 2)  // 3-03 and 3-04
    #expect(finding.workingDaysLate == 2)
  }

  /// Counted without the two worked Saturdays (2-14, 2-28), the 7 working days would end on 3-04: published 3-03 or
  /// 3-04, the permit is late only by counting them, a reading legal-rules.md tags unverified; 3-05 is late either way.
  @Test func lateOnlyByCountingSwappedWorkdaysIsUnverified() throws {
    let verdicts = try ["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"].map { on in
      let finding = try #require(try checker.judge(
        milestone("approval-result.construction-permit", formed: "2026-02-13", disclosures: [published(on)]), asOf: day("2026-03-31")))
      return "\(finding.status) \(finding.confidence(judging: finding.status).rawValue) \(finding.deadlineConfidence.rawValue)"
    }
    #expect(verdicts == ["onTime S S", "late M M", "late M M", "late S S"])
    // Overdue likewise, as of those days with nothing published.
    let overdue = try ["2026-03-04", "2026-03-05"].map { on in
      let finding = try #require(try checker.judge(milestone("approval-result.construction-permit", formed: "2026-02-13"), asOf: day(on)))
      return "\(finding.status) \(finding.confidence(judging: finding.status).rawValue)"
    }
    #expect(overdue == ["overdue M", "overdue S"])
  }

  /// Three days from Thursday 2026-09-17 end on Sunday 9-20, worked for 国庆: not moved to Monday, as a weekend would
  /// move them. Published Monday, the candidates are late only by that reading.
  @Test func aCalendarDayPeriodEndingOnASwappedWorkdayMakesLatenessUnverified() throws {
    let verdicts = try ["2026-09-20", "2026-09-21", "2026-09-22"].map { on in
      let finding = try #require(try checker.judge(
        milestone("bidding.candidates", formed: "2026-09-17", disclosures: [published(on)]), asOf: day("2026-10-31")))
      return "\(finding.status) \(finding.confidence(judging: finding.status).rawValue)"
    }
    #expect(verdicts == ["onTime S", "late M", "late S"])
  }

  /// A verdict in the unit's favour that rests on an unverified reading of the calendar is as unverified as one against
  /// it. Candidates formed Thursday 2026-11-26: 3 days end on Sunday 11-29, moved to Monday 11-30 as past a holiday;
  /// published that Monday, they are on time only if a weekend is a 法定休假日 for 民法典 art. 203.
  @Test func onTimeOnlyByMovingAnEndPastAWeekendIsUnverified() throws {
    let verdicts = try ["2026-11-29", "2026-11-30"].map { on in
      let finding = try #require(try checker.judge(
        milestone("bidding.candidates", formed: "2026-11-26", disclosures: [published(on, until: "2026-12-03")]), asOf: day("2026-12-31")))
      return "\(finding.status) \(finding.confidence(judging: finding.status).rawValue) \(finding.calendarReadings.map(\.code))"
    }
    #expect(verdicts == ["onTime S []", "onTime M [\"weekend-extension\"]"])
    // Told on Friday 11-27 that Monday is the deadline, the unit is told a day that rests on the reading
    let due = try #require(try checker.judge(milestone("bidding.candidates", formed: "2026-11-26"), asOf: day("2026-11-27")))
    #expect(due.status == .due && due.deadline?.date == day("2026-11-30"))
    #expect(due.confidence(judging: .due) == .unverified && due.calendarReadings == [.weekendExtension])
    let plain = try #require(try checker.judge(milestone("bidding.candidates", formed: "2026-11-24"), asOf: day("2026-11-25")))
    #expect(plain.status == .due && plain.calendarReadings.isEmpty)
    // A weekend the notice lists in a break is read as any weekend: 3 days from 2026-06-18 end on Sunday 6-21, in the
    // 端午 break (the holiday itself is Friday 6-19); published Monday 6-22, the candidates are on time by the reading
    let dragonBoat = try #require(try checker.judge(
      milestone("bidding.candidates", formed: "2026-06-18", disclosures: [published("2026-06-22", until: "2026-06-25")]), asOf: day("2026-12-31")))
    #expect(dragonBoat.status == .onTime && dragonBoat.calendarReadings == [.weekendExtension])
    // 3 days from 2026-05-01 end on Monday 5-04, a bridging day of 劳动节, and move past Tuesday 5-05 (补假 for
    // Saturday 5-02) to 5-06: days the notice gives off, not the 放假办法, which legal-rules.md's 调休 handling (M)
    // covers as it covers weekends; published 5-06, the candidates are on time by the reading
    let mayDay = try #require(try checker.judge(
      milestone("bidding.candidates", formed: "2026-05-01", disclosures: [published("2026-05-06", until: "2026-05-12")]), asOf: day("2026-12-31")))
    #expect(mayDay.deadline?.date == day("2026-05-06"))
    #expect(mayDay.status == .onTime && mayDay.calendarReadings == [.weekendExtension])
    // 3 days from 2026-10-03 end on Tuesday 10-06, a weekday of the 国庆节 break given off by 调休 (the 办法 fixes 10-01
    // to 10-03), and move to 10-08: published 10-08, on time by the reading; published 10-06, on time either way
    let nationalDay = try ["2026-10-06", "2026-10-08"].map { on in
      let finding = try #require(try checker.judge(
        milestone("bidding.candidates", formed: "2026-10-03", disclosures: [published(on, until: "2026-10-20")]), asOf: day("2026-12-31")))
      return "\(finding.deadline!.date) \(finding.status) \(finding.confidence(judging: finding.status).rawValue)"
    }
    #expect(nationalDay == ["2026-10-08 onTime S", "2026-10-08 onTime M"])
    let dueInTheBreak = try #require(try checker.judge(milestone("bidding.candidates", formed: "2026-10-03"), asOf: day("2026-10-05")))
    #expect(dueInTheBreak.deadlineWithoutWeekendReading == day("2026-10-06"))
    // A 公示 of those candidates up 10-04 through 10-07 met its 3 days only by moving their end, 10-07, to 10-08: too
    // short by the reading alone
    let short = try #require(try checker.judge(
      milestone("bidding.candidates", formed: "2026-10-03", disclosures: [published("2026-10-04", until: "2026-10-07")]), asOf: day("2026-12-31")))
    #expect(short.status == .tooShort && short.confidence(judging: .tooShort) == .unverified)
  }

  /// A 公示 held long enough only by counting a swapped workday: 3 days from Thursday 2026-09-17 end on Sunday 9-20,
  /// worked for 国庆 and so not moved; up through that Sunday, the candidates' notice met its minimum only by that
  /// reading. A comment period of 10 working days from 2026-09-14 reaches 9-28 counting Sunday 9-20, 9-29 without it.
  @Test func aMinimumReachedOnlyByCountingASwappedWorkdayIsUnverified() throws {
    let candidates = try ["2026-09-20", "2026-09-21"].map { until in
      let finding = try #require(try checker.judge(
        milestone("bidding.candidates", formed: "2026-09-16", disclosures: [published("2026-09-17", until: until)]), asOf: day("2026-12-31")))
      return "\(finding.status) \(finding.confidence(judging: finding.status).rawValue) \(finding.calendarReadings.map(\.code))"
    }
    #expect(candidates == ["onTime M [\"swapped-workdays\"]", "onTime S []"])
    let comments = try ["2026-09-28", "2026-09-29"].map { until in
      let finding = try #require(try checker.judge(
        milestone("approval-result.eia-draft", formed: "2026-09-14", disclosures: [published("2026-09-14", until: until)]),
        asOf: day("2026-12-31")))
      return "\(finding.status) \(finding.minimumEnd!.date) \(finding.calendarReadings.map(\.code))"
    }
    #expect(comments == ["onTime 2026-09-28 [\"swapped-workdays\"]", "onTime 2026-09-28 []"])
  }

  /// Over every day of 2026 to November, a 公示 of each unit of minimum period is on time only by counting swapped
  /// workdays exactly when, on the same year with those days left as weekends, it is not on time.
  @Test func onTimeOnlyBySwappedWorkdaysIsWhatACalendarWithoutThemWouldNotFindOnTime() throws {
    var unswapped = schedule2026
    for index in unswapped.holidays.indices { unswapped.holidays[index].swappedWorkdays = [] }
    let withoutSwaps = Checker(catalogue: testCatalogue, calendar: try WorkingDayCalendar(schedules: [unswapped]))
    var marked = 0
    for formed in stride(from: day("2026-01-05").dayNumber, through: day("2026-11-30").dayNumber, by: 1).map(CivilDate.init(dayNumber:)) {
      for (kind, lengths) in [("bidding.candidates", 0...6), ("approval-result.eia-draft", 8...16)] {
        for delay in 0...3 {
          for length in lengths {
            let published = formed.adding(days: delay)
            let item = Milestone(id: 1, projectCode: "2026-310110-48-01-000001", kind: kind, formedOn: formed, changes: nil, disclosures: [
              Disclosure(publishedOn: published, channel: "网站", url: nil, until: published.adding(days: length)),
            ])
            let asOf = day("2026-12-20")
            let finding = try #require(try checker.judge(item, asOf: asOf))
            let without = try #require(try withoutSwaps.judge(item, asOf: asOf))
            let rests = finding.status == .onTime && without.status != .onTime
            #expect(finding.onTimeOnlyBy.contains(.swappedWorkdays) == rests, "\(kind) \(formed) +\(delay) for \(length)")
            if rests { marked += 1 }
          }
        }
      }
    }
    #expect(marked > 0)
  }

  /// 20 working days from 2026-12-10 end in January, on days the awaited 2027 notice arranges: the deadline may move,
  /// but on 12-31 at most 16 working days can have passed (10 settled to 12-24, and six days the notice may make
  /// workdays), so the item is due, not overdue, for certain; so on 01-04 (19 at most: 元旦, 01-01, is a rest day
  /// whatever the notice arranges). From 01-05 on, 20 may have.
  @Test func dueForCertainWhileTheDaysPassedCannotMakeUpThePeriod() throws {
    let due = try #require(try checker.judge(milestone("completion.acceptance", formed: "2026-12-10"), asOf: day("2026-12-31")))
    #expect(due.status == .due && due.deadline?.isProvisional == true)
    #expect(!due.statusIsProvisional)
    let provisional = try ["2027-01-04", "2027-01-05"].map { on in
      try #require(try checker.judge(milestone("completion.acceptance", formed: "2026-12-10"), asOf: day(on))).statusIsProvisional
    }
    #expect(provisional == [false, true])
  }

  @Test func unpublishedBeforeTheDeadlineIsDueWithWorkingDaysLeft() throws {
    let finding = try #require(try checker.judge(
      milestone("approval-result.construction-permit", formed: "2026-02-13"), asOf: day("2026-02-24")))
    #expect(finding.status == .due)
    #expect(finding.workingDays == 5)  // 2-25, 2-26, 2-27, 2-28, 3-02
    #expect(finding.needsAttention(warningDays: 5))
    #expect(!finding.needsAttention(warningDays: 4))
  }

  @Test func unpublishedAfterTheDeadlineIsOverdue() throws {
    let finding = try #require(try checker.judge(
      milestone("approval-result.construction-permit", formed: "2026-02-13"), asOf: day("2026-03-04")))
    #expect(finding.status == .overdue)
    #expect(finding.workingDays == 2)  // 3-03 and 3-04
  }

  @Test func takenDownBeforeTheMinimumPeriodIsTooShort() throws {
    // Candidates published Monday 3-16; 3 calendar days from 3-16 end Thursday 3-19.
    let short = try #require(try checker.judge(
      milestone("bidding.candidates", formed: "2026-03-13", disclosures: [published("2026-03-16", until: "2026-03-18")]),
      asOf: day("2026-03-31")))
    #expect(short.status == .tooShort)
    #expect(short.minimumEnd?.date == day("2026-03-19"))
    #expect(short.workingDays == 1)
    let enough = try #require(try checker.judge(
      milestone("bidding.candidates", formed: "2026-03-13", disclosures: [published("2026-03-16", until: "2026-03-19")]),
      asOf: day("2026-03-31")))
    #expect(enough.status == .onTime)
  }

  @Test func aTooShortPublicationNeedsAttentionOnlyUntilItsMinimumEnd() throws {
    // Candidates published Monday 3-16 and set to come down on 3-18; they had to stay up to Thursday 3-19.
    let candidates = milestone("bidding.candidates", formed: "2026-03-13",
                               disclosures: [published("2026-03-16", until: "2026-03-18")])
    for asOf in ["2026-03-17", "2026-03-19"] {  // the take-down can still be moved, or the notice put up again
      let finding = try #require(try checker.judge(candidates, asOf: day(asOf)))
      #expect(finding.status == .tooShort)
      #expect(finding.needsAttention(warningDays: 5), "as of \(asOf)")
    }
    let settled = try #require(try checker.judge(candidates, asOf: day("2026-03-20")))
    #expect(settled.status == .tooShort)  // still the finding the audit and statistics count
    #expect(!settled.needsAttention(warningDays: 5))
  }

  @Test func aDayPastTheDeadlineIsLateEvenOnARestDay() throws {
    // Candidates formed Wednesday 2-11: 3 days end on Saturday 2-14, a swapped workday. Published on 2-22, inside
    // the Spring Festival break, no working day has passed since; the publication is still a day late.
    let late = try #require(try checker.judge(
      milestone("bidding.candidates", formed: "2026-02-11", disclosures: [published("2026-02-22")]), asOf: day("2026-03-31")))
    #expect(late.deadline?.date == day("2026-02-14"))
    #expect(late.status == .late)
    #expect(late.workingDays == 1)
    let overdue = try #require(try checker.judge(milestone("bidding.candidates", formed: "2026-02-11"), asOf: day("2026-02-15")))
    #expect(overdue.status == .overdue)
    #expect(overdue.workingDays == 1)
  }

  @Test func aPublicationTooShortAndLateKeepsItsLateness() throws {
    // Candidates formed Friday 3-13: 3 calendar days end Monday 3-16. Published Wednesday 3-18, two working days
    // late, and taken down on 3-19; 3 days from 3-18 end on Saturday 3-21, which moves to Monday 3-23.
    let finding = try #require(try checker.judge(
      milestone("bidding.candidates", formed: "2026-03-13", disclosures: [published("2026-03-18", until: "2026-03-19")]),
      asOf: day("2026-03-31")))
    #expect(finding.status == .tooShort)
    #expect(finding.minimumEnd?.date == day("2026-03-23"))
    #expect(finding.workingDays == 2)  // 3-20 and 3-23
    #expect(finding.workingDaysLate == 2)  // 3-17 and 3-18
    let onTime = try #require(try checker.judge(
      milestone("bidding.candidates", formed: "2026-03-13", disclosures: [published("2026-03-16", until: "2026-03-18")]),
      asOf: day("2026-03-31")))
    #expect(onTime.status == .tooShort)
    #expect(onTime.workingDaysLate == nil)
  }

  @Test func anotherChannelStillUpKeepsThePublicationLongEnough() throws {
    let finding = try #require(try checker.judge(
      milestone("bidding.candidates", formed: "2026-03-13",
                disclosures: [published("2026-03-16", until: "2026-03-17"), published("2026-03-16")]),
      asOf: day("2026-03-31")))
    #expect(finding.status == .onTime)
    #expect(finding.publishedUntil == nil)
  }

  // Candidates formed Friday 3-13, published Monday 3-16: 3 calendar days from 3-16 end Thursday 3-19.

  @Test func aNoticePutUpAgainAfterDaysOffTheChannelsDoesNotLengthenTheFirst() throws {
    // Up on 3-16 only, then again from 3-21 to 3-28: nothing was public on 3-17 to 3-20, within the period.
    for second in [published("2026-03-21", until: "2026-03-22"), published("2026-03-18", until: "2026-03-19")] {
      let finding = try #require(try checker.judge(
        milestone("bidding.candidates", formed: "2026-03-13", disclosures: [published("2026-03-16", until: "2026-03-16"), second]),
        asOf: day("2026-03-31")))
      #expect(finding.status == .tooShort, "put up again on \(second.publishedOn)")
      #expect(finding.disclosure?.publishedOn == day("2026-03-16"))
      #expect(finding.publishedUntil == day("2026-03-16"))
      #expect(finding.publications == day("2026-03-16")...day("2026-03-16"))
      #expect(finding.minimumEnd?.date == day("2026-03-19"))
    }
  }

  @Test func publicationsThatFollowOnTheNextDayOrOverlapMakeOneRun() throws {
    let cases: [[Disclosure]] = [
      [published("2026-03-16", until: "2026-03-16"), published("2026-03-17", until: "2026-03-19")],
      [published("2026-03-17", until: "2026-03-17"), published("2026-03-16", until: "2026-03-17"), published("2026-03-18", until: "2026-03-20")],
    ]
    for disclosures in cases {
      let finding = try #require(try checker.judge(
        milestone("bidding.candidates", formed: "2026-03-13", disclosures: disclosures), asOf: day("2026-03-31")))
      #expect(finding.status == .onTime)
      #expect(finding.disclosure?.publishedOn == day("2026-03-16"))
      #expect(finding.publishedUntil == disclosures.compactMap(\.until).max())
    }
  }

  @Test func aNoticePutUpAgainInFullAfterOneTooShortMeetsThePeriodLate() throws {
    // Up on 3-16 only; put up again on Monday 3-23 until 3-26, a full 3 days: the 公示 was made, from 3-23, 5
    // working days after the deadline of Monday 3-16.
    let finding = try #require(try checker.judge(
      milestone("bidding.candidates", formed: "2026-03-13",
                disclosures: [published("2026-03-16", until: "2026-03-16"), published("2026-03-23", until: "2026-03-26")]),
      asOf: day("2026-03-31")))
    #expect(finding.status == .late)
    #expect(finding.disclosure?.publishedOn == day("2026-03-23"))
    #expect(finding.workingDaysLate == 5)
    #expect(finding.publishedUntil == day("2026-03-26"))
    #expect(finding.minimumEnd?.date == day("2026-03-26"))
    // As of a day before the second run was put up, only the first counts: too short.
    let before = try #require(try checker.judge(
      milestone("bidding.candidates", formed: "2026-03-13",
                disclosures: [published("2026-03-16", until: "2026-03-16"), published("2026-03-23", until: "2026-03-26")]),
      asOf: day("2026-03-20")))
    #expect(before.status == .tooShort)
    #expect(before.publications == day("2026-03-16")...day("2026-03-16"))
  }

  @Test func anItemWithoutAMinimumIsJudgedByItsFirstPublicationAndUpUntilItsLast() throws {
    let finding = try #require(try checker.judge(
      milestone("approval-result.construction-permit", formed: "2026-02-13",
                disclosures: [published("2026-03-10", until: "2026-03-11"), published("2026-03-02", until: "2026-03-03")]),
      asOf: day("2026-03-31")))
    #expect(finding.status == .onTime)
    #expect(finding.disclosure?.publishedOn == day("2026-03-02"))
    #expect(finding.publishedUntil == day("2026-03-11"))
    let stillUp = try #require(try checker.judge(
      milestone("approval-result.construction-permit", formed: "2026-02-13",
                disclosures: [published("2026-03-02", until: "2026-03-03"), published("2026-03-10")]),
      asOf: day("2026-03-31")))
    #expect(stillUp.publishedUntil == nil)
  }

  @Test func aNoticePutUpAgainTooShortIsJudgedWhileItCanStillBeKeptUp() throws {
    // Up on 3-16 only, then again from Monday 3-23 to 3-24: 3 days from 3-23 end Thursday 3-26.
    let candidates = milestone("bidding.candidates", formed: "2026-03-13",
                               disclosures: [published("2026-03-16", until: "2026-03-16"), published("2026-03-23", until: "2026-03-24")])
    for asOf in ["2026-03-23", "2026-03-25"] {  // up, or down since yesterday: it can be kept up to 3-26
      let finding = try #require(try checker.judge(candidates, asOf: day(asOf)))
      #expect(finding.status == .tooShort, "as of \(asOf)")
      #expect(finding.disclosure?.publishedOn == day("2026-03-23"))
      #expect(finding.minimumEnd?.date == day("2026-03-26"))
      #expect(finding.needsAttention(warningDays: 5), "as of \(asOf)")
    }
    // Down for two days, the second run can no longer be carried on: the first one's shortfall stands
    let settled = try #require(try checker.judge(candidates, asOf: day("2026-03-26")))
    #expect(settled.status == .tooShort)
    #expect(settled.disclosure?.publishedOn == day("2026-03-16"))
    #expect(settled.minimumEnd?.date == day("2026-03-19"))
  }

  @Test func restDaysOffTheChannelsDoNotBreakAPeriodInWorkingDays() throws {
    // A proposed approval up 5 working days from Wednesday 3-04 (3-05, 3-06, 3-09, 3-10, 3-11): up to Friday 3-06,
    // then from Monday 3-09 to 3-11. Down over the weekend, which does not count toward the period, it was up on every
    // working day of it.
    let checker = Checker(catalogue: try RuleCatalogue(profile: "test", rules: [
      rule("approval-service.eia-proposed-approval", .approvalService, period: nil, minimum: try .workingDays(5)),
    ]), calendar: calendar2026)
    let proposal = milestone("approval-service.eia-proposed-approval", formed: "2026-03-03",
                             disclosures: [published("2026-03-04", until: "2026-03-06"), published("2026-03-09", until: "2026-03-11")])
    let finding = try #require(try checker.judge(proposal, asOf: day("2026-03-31")))
    #expect(finding.status == .onTime)
    #expect(finding.minimumEnd?.date == day("2026-03-11"))
    #expect(finding.publishedUntil == day("2026-03-11"))
    // Down on Monday 3-09 too, a working day of the period, it was not
    let gap = milestone("approval-service.eia-proposed-approval", formed: "2026-03-03",
                        disclosures: [published("2026-03-04", until: "2026-03-06"), published("2026-03-10", until: "2026-03-16")])
    #expect(try checker.judge(gap, asOf: day("2026-03-31"))?.status == .tooShort)
    // Put up again on 3-04 after a day off, and down since Saturday 3-07: on Monday 3-09 that run can still be
    // carried on, so it is the one judged and alerted
    let down = milestone("approval-service.eia-proposed-approval", formed: "2026-03-01",
                         disclosures: [published("2026-03-02", until: "2026-03-02"), published("2026-03-04", until: "2026-03-06")])
    let monday = try #require(try checker.judge(down, asOf: day("2026-03-09")))
    #expect(monday.status == .tooShort)
    #expect(monday.disclosure?.publishedOn == day("2026-03-04"))
    #expect(monday.needsAttention(warningDays: 5))
  }

  @Test func aChangeStartsItsOwnPeriodWithTheChangeRule() throws {
    // Contract: 30 calendar days; a change to it: 15 calendar days from the change.
    let change = try #require(try checker.judge(
      milestone("bidding.contract", formed: "2026-06-01", changes: 7), asOf: day("2026-06-10")))
    #expect(change.deadline?.date == day("2026-06-16"))
    let original = try #require(try checker.judge(milestone("bidding.contract", formed: "2026-06-01"), asOf: day("2026-06-10")))
    #expect(original.deadline?.date == day("2026-07-01"))
  }

  @Test func anItemWithoutStatutoryPeriodIsDueWithoutDeadline() throws {
    let finding = try #require(try checker.judge(milestone("bidding.tender-notice", formed: "2026-03-02"), asOf: day("2026-12-31")))
    #expect(finding.status == .due)
    #expect(finding.deadline == nil)
    #expect(!finding.needsAttention(warningDays: 5))
  }

  @Test func theAsOfDayHidesLaterEvents() throws {
    let formedLater = milestone("approval-result.construction-permit", formed: "2026-04-01")
    #expect(try checker.judge(formedLater, asOf: day("2026-03-31")) == nil)
    let publishedLater = milestone("approval-result.construction-permit", formed: "2026-02-13",
                                   disclosures: [published("2026-03-05")])
    #expect(try checker.judge(publishedLater, asOf: day("2026-03-04"))?.status == .overdue)
    #expect(try checker.judge(publishedLater, asOf: day("2026-03-05"))?.status == .late)
  }

  @Test func aDeadlineInAYearWithoutScheduleIsProvisional() throws {
    let finding = try #require(try checker.judge(milestone("completion.acceptance", formed: "2026-12-18"), asOf: day("2026-12-20")))
    #expect(finding.isProvisional)
  }

  // Verdicts and counts a missing schedule leaves open. On the 2026 calendar, 2027 and the last week of 2026
  // (from 12-25) are unsettled: a deadline counted over them is provisional, but a verdict need not be.

  @Test func publishedBeforeTheUnsettledDaysIsOnTimeForCertain() throws {
    // 20 working days from 12-01 end 12-29, counted over 12-25..12-29; 12-04 is on time whatever 2027's notice says.
    let finding = try #require(try checker.judge(
      milestone("completion.acceptance", formed: "2026-12-01", disclosures: [published("2026-12-04")]), asOf: day("2026-12-05")))
    #expect(finding.status == .onTime)
    #expect(finding.deadline?.isProvisional == true)
    #expect(!finding.statusIsProvisional)
    #expect(finding.isProvisional)
  }

  @Test func publishedOnTheUnsettledDaysIsProvisionallyOnTime() throws {
    let finding = try #require(try checker.judge(
      milestone("completion.acceptance", formed: "2026-12-01", disclosures: [published("2026-12-28")]), asOf: day("2026-12-28")))
    #expect(finding.status == .onTime)
    #expect(finding.statusIsProvisional)
  }

  @Test func dueBeforeTheUnsettledDaysIsDueForCertainWithProvisionalDaysLeft() throws {
    let finding = try #require(try checker.judge(milestone("completion.acceptance", formed: "2026-12-01"), asOf: day("2026-12-10")))
    #expect(finding.status == .due)
    #expect(!finding.statusIsProvisional)
    #expect(finding.workingDaysAreProvisional)
  }

  @Test func overdueSinceASettledDeadlineStaysOverdueWithProvisionalDays() throws {
    // 20 working days from 11-02 end 11-30.
    let finding = try #require(try checker.judge(milestone("completion.acceptance", formed: "2026-11-02"), asOf: day("2027-01-11")))
    #expect(finding.status == .overdue)
    #expect(finding.deadline?.isProvisional == false)
    #expect(!finding.statusIsProvisional)
    #expect(finding.latenessIsProvisional && finding.workingDaysAreProvisional)
  }

  @Test func takenDownBeforeTheUnsettledDaysIsTooShortForCertain() throws {
    // 5 calendar days from 12-21 end on 12-26, a Saturday of the last week, moved to a working day 2027 may change;
    // a notice taken down on 12-22 was too short whatever it is.
    let finding = try #require(try checker.judge(
      milestone("bidding.tender-notice", formed: "2026-12-18", disclosures: [published("2026-12-21", until: "2026-12-22")]),
      asOf: day("2026-12-23")))
    #expect(finding.status == .tooShort)
    #expect(finding.minimumEnd?.isProvisional == true)
    #expect(!finding.statusIsProvisional)
  }

  /// 2027-01-01 is 元旦 whatever the 2027 notice arranges. A 30-day notice put up on 12-02 must stay up past it, to
  /// the next working day: taken down on 01-01 it was too short for certain, on 01-02 only if 01-02 is no workday.
  @Test func aHolidayTheLawFixesIsSettledInAYearWithoutSchedule() throws {
    let catalogue = try RuleCatalogue(profile: "test", rules: [
      rule("land-acquisition.notice", .landAcquisition, period: try .workingDays(20), minimum: try .calendarDays(30)),
    ])
    let checker = Checker(catalogue: catalogue, calendar: calendar2026)
    func judged(until: String) throws -> Finding {
      try #require(try checker.judge(
        milestone("land-acquisition.notice", formed: "2026-11-21", disclosures: [published("2026-12-02", until: until)]),
        asOf: day("2027-01-05")))
    }
    let downOnTheHoliday = try judged(until: "2027-01-01")
    #expect(downOnTheHoliday.status == .tooShort)
    #expect(downOnTheHoliday.minimumEnd == Deadline(date: day("2027-01-04"), isProvisional: true))
    #expect(!downOnTheHoliday.statusIsProvisional)
    let downTheDayAfter = try judged(until: "2027-01-02")
    #expect(downTheDayAfter.status == .tooShort)
    #expect(downTheDayAfter.statusIsProvisional)
  }

  /// Whether a notice put up again carries on the one taken down depends on the days between: unsettled days there
  /// leave open which publication the item was first published by, and so whether it was on time.
  @Test func restDaysBetweenTwoPublicationsOnUnsettledDaysLeaveTheStatusOpen() throws {
    let catalogue = try RuleCatalogue(profile: "test", rules: [
      rule("land-acquisition.notice", .landAcquisition, period: try .workingDays(1), minimum: try .workingDays(5)),
    ])
    // Due 12-22; up 12-21 to 12-24 (short of its 5 working days, to 12-28), and again from 12-28 for good.
    let notice = milestone("land-acquisition.notice", formed: "2026-12-21",
                           disclosures: [published("2026-12-21", until: "2026-12-24"), published("2026-12-28")])
    let provisional = try #require(try Checker(catalogue: catalogue, calendar: calendar2026).judge(notice, asOf: day("2026-12-31")))
    #expect(provisional.status == .late)
    #expect(provisional.statusIsProvisional)
    // Had the 2027 notice made 12-25 a rest day, the notice would have been up without a working day off.
    #expect(try Checker(catalogue: catalogue, calendar: restingOnThe25th()).judge(notice, asOf: day("2026-12-31"))?.status == .onTime)
  }

  /// The 2026 calendar once a 2027 notice has moved the last days of 2026 with `holiday`, as the 2019 notice worked
  /// 2018-12-29 and rested 12-30 and 12-31.
  func calendar(movingTheLastWeek holiday: HolidaySchedule.Holiday) throws -> WorkingDayCalendar {
    var schedule = schedule2026
    schedule.holidays.append(holiday)
    return try WorkingDayCalendar(schedules: [schedule, HolidaySchedule(year: 2027, source: "test", holidays: [])])
  }

  func restingOnThe25th() throws -> WorkingDayCalendar {
    try calendar(movingTheLastWeek: .init(name: "元旦", restDays: day("2026-12-25")...day("2026-12-25")))
  }

  func workingThe26th() throws -> WorkingDayCalendar {
    try calendar(movingTheLastWeek: .init(name: "元旦", restDays: day("2026-12-31")...day("2026-12-31"), swappedWorkdays: [day("2026-12-26")]))
  }

  @Test func aPublicNoticeTooShortForCertainMayStillTurnOutLate() throws {
    // 3 days from 12-23 end Saturday 12-26, moved to 12-28; up 12-28 to 12-29, short of its 3 days whatever 2027 says.
    let notice = milestone("bidding.candidates", formed: "2026-12-23", disclosures: [published("2026-12-28", until: "2026-12-29")])
    let finding = try #require(try checker.judge(notice, asOf: day("2027-01-05")))
    #expect(finding.status == .tooShort && !finding.statusIsProvisional)
    #expect(finding.workingDaysLate == nil && finding.latenessIsProvisional)
    let worked = try #require(try Checker(catalogue: testCatalogue, calendar: workingThe26th()).judge(notice, asOf: day("2027-01-05")))
    #expect(worked.status == .tooShort && worked.workingDaysLate == 1)
  }

  /// A 公示 of 20 working days, due 5 working days after its milestone.
  let noticeCatalogue = try! RuleCatalogue(profile: "test", rules: [
    rule("completion.notice", .completion, period: try! .workingDays(5), minimum: try! .workingDays(20)),
  ])

  /// Runs of a 公示 long settled are not made provisional by the day they are judged on: a working day off the channels
  /// between them, and an end long past, settle that the last can no longer be repaired.
  @Test func runsSettledLongAgoStaySettledOnUnsettledDays() throws {
    let notice = milestone("completion.notice", formed: "2026-06-01",
                           disclosures: [published("2026-06-02", until: "2026-06-03"), published("2026-06-15", until: "2026-06-16")])
    let finding = try #require(try Checker(catalogue: noticeCatalogue, calendar: calendar2026).judge(notice, asOf: day("2026-12-28")))
    #expect(finding.status == .tooShort)
    #expect(!finding.isProvisional && !finding.judgedRunIsProvisional)
    // Put up again on an unsettled day for good, after settled working days off: late whatever 2027's notice says.
    let again = milestone("completion.notice", formed: "2026-11-30",
                          disclosures: [published("2026-12-02", until: "2026-12-03"), published("2026-12-28")])
    let late = try #require(try Checker(catalogue: noticeCatalogue, calendar: calendar2026).judge(again, asOf: day("2026-12-30")))
    #expect(late.status == .late && !late.statusIsProvisional && !late.judgedRunIsProvisional)
  }

  /// One run, however its end turns out, is the run judged: its first publication, on time for certain, stays the one
  /// judged and no day late can appear, though whether it stayed up long enough waits for 2027's notice.
  @Test func aSingleRunIsJudgedWhateverItsEnd() throws {
    // Due 12-24 (3 days from 12-21); up 12-22 to 12-23 and again from 12-24 to 12-31, one run; its 3 days from 12-22
    // end on 12-25 or on the first working day after.
    let notice = milestone("bidding.candidates", formed: "2026-12-21",
                           disclosures: [published("2026-12-22", until: "2026-12-23"), published("2026-12-24", until: "2026-12-31")])
    let finding = try #require(try checker.judge(notice, asOf: day("2027-01-20")))
    #expect(finding.status == .onTime && finding.statusIsProvisional)
    #expect(!finding.judgedRunIsProvisional && !finding.latenessIsProvisional)
  }

  /// A run taken down on 12-24 can still be carried on on 12-28 only if 12-25 is a rest day, which 2027's notice decides:
  /// so does which run is judged, too short either way.
  @Test func whetherTheLastRunCanStillBeRepairedMayTurnOnUnsettledDays() throws {
    let notice = milestone("completion.notice", formed: "2026-11-30",
                           disclosures: [published("2026-12-01", until: "2026-12-02"), published("2026-12-21", until: "2026-12-24")])
    let finding = try #require(try Checker(catalogue: noticeCatalogue, calendar: calendar2026).judge(notice, asOf: day("2026-12-28")))
    #expect(finding.status == .tooShort && !finding.statusIsProvisional && finding.judgedRunIsProvisional)
    #expect(finding.disclosure?.publishedOn == day("2026-12-01"))
    #expect(finding.minimumEnd?.isProvisional == true && finding.latenessIsProvisional)
    let repairable = try #require(try Checker(catalogue: noticeCatalogue, calendar: restingOnThe25th()).judge(notice, asOf: day("2026-12-28")))
    #expect(repairable.status == .tooShort && repairable.disclosure?.publishedOn == day("2026-12-21"))
  }

  @Test func daysLateCountedFromAProvisionalDeadlineAreProvisionalThoughTheyFallInAKnownYear() throws {
    // 2027 awaits its schedule, 2028's is known: a deadline counted over 2027's last days lands in January 2028.
    let gap = try WorkingDayCalendar(schedules: [schedule2026, HolidaySchedule(year: 2028, source: "test", holidays: [])])
    let finding = try #require(try Checker(catalogue: testCatalogue, calendar: gap).judge(
      milestone("completion.acceptance", formed: "2027-12-20", disclosures: [published("2028-02-01")]), asOf: day("2028-02-01")))
    #expect(finding.status == .late)
    #expect(finding.deadline?.isProvisional == true)
    #expect(finding.latenessIsProvisional)
  }

  @Test func anUnknownKindIsAnErrorNamingIt() {
    #expect(throws: CheckError.unknownKind(milestoneID: 1, kind: "bidding.nothing")) {
      try checker.judge(milestone("bidding.nothing", formed: "2026-03-02"), asOf: day("2026-03-31"))
    }
  }

  @Test func aMilestoneFormedAfterTheDayCheckedIsNotJudged() throws {
    let milestones = (0..<50).map { offset in
      Milestone(id: Int64(offset), projectCode: "2026-310110-48-01-000001", kind: "completion.acceptance",
                formedOn: day("2026-01-05").adding(days: offset * 7))
    }
    let judged = try milestones.filter { try checker.judge($0, asOf: day("2026-06-30")) != nil }.map(\.id)
    #expect(judged == Array(0...25))
  }

  @Test func explainsTheDeadlineOfAMilestone() throws {
    let explanation = try #require(try checker.explainDeadline(of: milestone("approval-result.construction-permit", formed: "2026-02-13")))
    #expect(explanation.deadline.date == day("2026-03-02"))
    #expect(explanation.swappedWorkdays == [day("2026-02-14"), day("2026-02-28")])
    #expect(try checker.explainDeadline(of: milestone("bidding.tender-notice", formed: "2026-03-02")) == nil)
  }
}
