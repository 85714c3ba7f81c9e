import Foundation
import GongkaiCore
import GongkaiReference
import Testing
@testable import GongkaiExport
@testable import GongkaiStore

/// `check --format json` writes findings by hand; programs must read exactly what JSONEncoder would write.
@Suite struct FindingRecordTests {
  static let resources = try! BundledResources.folder()
  static let checker = Checker(
    catalogue: try! RuleCatalogue.load(resources: resources),
    calendar: try! LoadedCalendar.load(resources: resources, directory: nil, files: []).calendar)

  func record(_ milestone: Milestone, reference: String?) throws -> FindingRecord {
    let stored = StoredMilestone(
      milestone: milestone, projectName: "杨浦\"滨江\"\\贯通/工程\n二期", reference: reference, summary: nil, withdrawnReason: nil,
      withdrawnBy: nil, withdrawnAt: nil, recordedBy: "王工", recordedAt: "2026-03-02T09:00:00+08:00", recordedDisclosures: [])
    let finding = try #require(try Self.checker.judge(milestone, asOf: CivilDate(year: 2026, month: 11, day: 27)!))
    return FindingRecord(finding, stored: stored)
  }

  func encoded(_ record: FindingRecord) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(record), as: UTF8.self)
  }

  @Test func aFindingReadsAsJSONEncoderWritesIt() throws {
    let formed = CivilDate(year: 2026, month: 2, day: 13)!
    let published = Disclosure(publishedOn: CivilDate(year: 2026, month: 3, day: 30)!, channel: "门户\t网站",
                               url: "https://xxgk.example/a?b=1&c=\"d\"", until: CivilDate(year: 2026, month: 4, day: 1)!)
    let disclosed = Milestone(id: 7, projectCode: "2024-310110-48-01-000123", kind: "bidding.candidates", formedOn: formed,
                              responsibleUnit: "杨浦区建设和管理委员会", disclosures: [published])
    let missing = Milestone(id: 8, projectCode: "2024-310110-48-01-000123", kind: "approval-result.construction-permit",
                            formedOn: formed, responsibleUnit: "单位\u{1}", disclosures: [])
    for record in [try record(disclosed, reference: "沪招〔2026〕8号"), try record(missing, reference: nil)] {
      #expect(record.json.text == (try encoded(record)))
    }
  }
}
