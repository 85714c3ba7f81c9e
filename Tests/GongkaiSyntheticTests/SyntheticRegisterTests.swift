import GongkaiCore
import GongkaiReference
@testable import GongkaiStore
import GongkaiSynthetic
import Testing

@Suite struct SyntheticRegisterTests {
  static let resources = try! BundledResources.folder()
  static let catalogue = try! RuleCatalogue.load(resources: resources)
  static let calendar = try! LoadedCalendar.load(resources: resources, directory: nil, files: []).calendar
  static let checker = Checker(catalogue: catalogue, calendar: calendar)
  static let asOf = CivilDate(year: 2026, month: 11, day: 27)!

  func register(_ projects: Int, seed: UInt64) -> [ProjectDocument] {
    Array(SyntheticRegister(projects: projects, seed: seed, catalogue: Self.catalogue, calendar: Self.calendar))
  }

  @Test func theSameSeedGivesTheSameRegister() {
    #expect(register(50, seed: 7) == register(50, seed: 7))
    #expect(register(50, seed: 7) != register(50, seed: 8))
  }

  @Test func aSmallRegisterLooksLikeARealOne() throws {
    let documents = register(300, seed: 2026)
    let milestones = documents.flatMap(\.milestones)
    let perProject = Double(milestones.count) / Double(documents.count)
    #expect((9...14).contains(perProject), "\(perProject) milestones per project")
    let categories = Set(milestones.compactMap { Self.catalogue.rule(for: $0.kind)?.category })
    #expect(categories == Set(Category.allCases))
    var statuses: [FindingStatus: Int] = [:]
    for document in documents {
      for entry in document.milestones where entry.withdrawnReason == nil {
        let milestone = Milestone(id: 0, projectCode: document.project.code.rawValue, kind: entry.kind, formedOn: entry.formedOn,
                                  disclosures: entry.disclosures)
        if let finding = try Self.checker.judge(milestone, asOf: Self.asOf) { statuses[finding.status, default: 0] += 1 }
      }
    }
    #expect(Set(statuses.keys) == Set(FindingStatus.allCases), "\(statuses)")
    let onTime = Double(statuses[.onTime] ?? 0) / Double(statuses.values.reduce(0, +))
    #expect((0.55...0.85).contains(onTime), "\(statuses)")
    #expect(milestones.contains { $0.withdrawnReason != nil })
    #expect(milestones.allSatisfy { $0.problems(catalogue: Self.catalogue, today: Self.asOf).isEmpty })
  }

  @Test func theStoreFedCheckerAgreesWithTheInMemoryChecker() async throws {
    let documents = register(90, seed: 42)
    let store = try SQLiteStore.inMemory()
    _ = try store.importProjects(ImportItems(documents), actor: "benchmark", progress: nil)
    var fromStore: [String] = []
    try store.forEachMilestone(matching: MilestoneFilter()) { stored in
      if let finding = try Self.checker.judge(stored.milestone, asOf: Self.asOf) { fromStore.append(Self.describe(finding)) }
    }
    var inMemory: [String] = []
    for document in documents {
      for entry in document.milestones where entry.withdrawnReason == nil {
        let milestone = Milestone(id: 0, projectCode: document.project.code.rawValue, kind: entry.kind, formedOn: entry.formedOn,
                                  responsibleUnit: entry.responsibleUnit ?? document.project.responsibleUnit, disclosures: entry.disclosures)
        if let finding = try Self.checker.judge(milestone, asOf: Self.asOf) { inMemory.append(Self.describe(finding)) }
      }
    }
    #expect(fromStore.count > 700)
    #expect(fromStore.sorted() == inMemory.sorted())
  }

  static func describe(_ finding: Finding) -> String {
    [finding.milestone.projectCode, finding.milestone.kind, finding.milestone.formedOn.description, finding.status.rawValue,
     finding.deadline?.date.description ?? "-", String(finding.workingDays ?? -1), finding.responsibleUnit,
     finding.disclosure?.publishedOn.description ?? "-"].joined(separator: "|")
  }
}
