import GongkaiCore
import GongkaiReference
import Testing

/// A refusal whose fix is in a list of the reference data says so in the domain's words, and the command line adds
/// the command that prints the list: the domain names no command, and staff still get one to run.
@Suite struct ReferencePointerTests {
  static let day = try! CivilDate(parsing: "2026-12-31")

  @Test(arguments: [
    (RegisterError.unknownKind("bidding.nothing") as any PointsToReferenceList,
     "unknown item kind 'bidding.nothing'; use the code of a kind the rules define (`gongkai rules` lists the codes)"),
    (RegisterError.unknownKind("bidding.candidate", meant: ["bidding.candidates"]),
     "unknown item kind 'bidding.candidate'; did you mean bidding.candidates? (`gongkai rules` lists the codes)"),
    (RegisterError.categoryForKind("投标", .bidding) as any PointsToReferenceList,
     """
     unknown item kind '投标': it names the category bidding (招标投标信息), not a kind; give the code of one of its kinds \
     (`gongkai rules --category bidding` lists its kinds)
     """),
    (RegisterError.unknownKind("construction.site-sign", profile: UnknownKindProfiles(applied: "national", defining: "shanghai")),
     "unknown item kind 'construction.site-sign' in the rules applied here (national): it is a kind of the shanghai profile; "
       + "record it in a register kept under shanghai (`gongkai rules --profile shanghai` lists its kinds)"),
    (RuleError.unknownLinkedKind("bidding.contract", "bidding.nothing"),
     "bidding.contract: changes or withdraws names 'bidding.nothing', which no rule defines; use the code of a kind the rules define "
       + "(`gongkai rules` lists the codes)"),
    (CheckError.unknownKind(milestoneID: 7, kind: "construction.site-sign"),
     "milestone 7: item kind 'construction.site-sign' is not in the rules catalogue; choose the profile that defines it "
       + "(--profile, e.g. shanghai, or --profile-file)"),
    (ScheduleError.dayOutsideYear(day, holiday: "元旦", year: 2027),
     "元旦: day 2026-12-31 is not in 2027; a schedule lists only days of its own year; days of 2026 that a notice moves go in "
       + "the schedule of 2026 (`gongkai calendar 2026 --format yaml` prints it, to start 2026.yaml from)"),
  ])
  func theCommandLineNamesTheCommandThatPrintsTheList(error: any PointsToReferenceList, message: String) {
    #expect(error.message == message)
    #expect(!error.description.contains("gongkai") && !error.description.contains("--"), "\(error.description)")
  }

  @Test func anErrorWithoutAListReadsAsItsDescription() {
    let later = ScheduleError.dayOutsideYear(Self.day, holiday: "元旦", year: 2025)
    #expect(later.seeAlso == nil)
    #expect(later.message == later.description)
    #expect(ReferenceList.message(for: DateError.malformed("x")) == "\(DateError.malformed("x"))")
  }
}
