import Foundation
import GongkaiCore
@testable import GongkaiStore
import TestSupport

/// Every store implementation the contract runs against. A PostgreSQL store adds itself here.
enum StoreFactory: String, CaseIterable, CustomTestStringConvertible, Sendable {
  case sqliteInMemory
  case sqliteFile

  var testDescription: String { rawValue }

  func make() throws -> any Store {
    switch self {
    case .sqliteInMemory: try SQLiteStore.inMemory()
    case .sqliteFile: try SQLiteStore.open(at: temporaryDatabasePath(), create: true)
    }
  }
}

import Testing

func temporaryDatabasePath() -> String {
  Scratch.file("register.sqlite").path
}

func day(_ text: String) -> CivilDate { try! CivilDate(parsing: text) }

/// The rules of a profile named `profile` that defines `kinds` (`bidding.contract`, of the category its code begins
/// with), each due within `period`: what a store asks of a profile's rules is which kinds they define, and which of
/// them may be published before their day.
func rules(_ profile: String, defining kinds: [String] = [], period: Period = try! .workingDays(20)) -> RuleCatalogue {
  try! RuleCatalogue(profile: profile, rules: kinds.map { kind in
    DisclosureRule(
      code: kind, category: Category(rawValue: String(kind.prefix { $0 != "." }))!,
      name: LocalizedText(chinese: kind, english: kind), trigger: LocalizedText(chinese: "信息形成之日", english: "formed"),
      period: period, responsible: LocalizedText(chinese: "区建管委", english: "district commission"),
      basis: "《政府信息公开条例》第二十六条", confidence: .statute)
  })
}

let bund = Project(
  code: try! ProjectCode("2024-310110-48-01-000123"), name: "杨浦滨江南段公共空间提升工程",
  legalPerson: "上海杨浦滨江投资开发有限公司", location: "杨树浦路2086号", totalInvestment: "125000",
  responsibleUnit: "杨浦区建设和管理委员会")

let school = Project(
  code: try! ProjectCode("2024-310110-83-01-000112"), name: "新江湾城九年一贯制学校新建工程",
  responsibleUnit: "杨浦区教育局")

let portal = "杨浦区人民政府门户网站"

func permit(_ formed: String = "2026-02-13", published: String? = nil) -> MilestoneEntry {
  MilestoneEntry(
    kind: "approval-result.construction-permit", formedOn: day(formed), reference: "310110202602130101",
    summary: "核发施工许可证",
    disclosures: published.map { [Disclosure(publishedOn: day($0), channel: portal, url: "https://example.gov.cn/1")] } ?? [])
}

/// All milestones the store hands the checker, in its order.
func milestones(_ store: any Store, _ filter: MilestoneFilter = MilestoneFilter()) async throws -> [StoredMilestone] {
  var result: [StoredMilestone] = []
  try await store.forEachMilestone(matching: filter) { result.append($0) }
  return result
}
