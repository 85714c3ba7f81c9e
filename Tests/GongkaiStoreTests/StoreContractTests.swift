import Foundation
import GongkaiCore
import Testing
@testable import GongkaiStore

/// The contract every store keeps, run against each implementation.
@Suite struct StoreContractTests {
  @Test(arguments: StoreFactory.allCases)
  func aRegisteredProjectReadsBack(factory: StoreFactory) async throws {
    // Given an empty store
    let store = try factory.make()
    // When a project is registered
    try await store.addProject(bund, actor: "王工")
    // Then it reads back whole, and a second registration is refused
    #expect(try await store.project(code: bund.code) == bund)
    #expect(try await store.project(code: school.code) == nil)
    await #expect(throws: StoreError.duplicateProject(bund.code.rawValue)) { try await store.addProject(bund, actor: "王工") }
  }

  @Test(arguments: StoreFactory.allCases)
  func updatingAProjectSaysWhetherAnythingChanged(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    func rename(_ project: Project) -> Project {
      var renamed = project
      renamed.name = "杨浦滨江南段公共空间贯通提升工程"
      return renamed
    }
    #expect(try await store.updateProject(code: bund.code, actor: "李工", pastMilestones: .keepUnit, rename).changed)
    #expect(try await !store.updateProject(code: bund.code, actor: "李工", pastMilestones: .keepUnit, rename).changed)
    #expect(try await store.project(code: bund.code)?.name == "杨浦滨江南段公共空间贯通提升工程")
    await #expect(throws: StoreError.unknownProject(school.code.rawValue)) {
      try await store.updateProject(code: school.code, actor: "李工", pastMilestones: .keepUnit, rename)
    }
  }

  /// A year's report reads the milestones formed in its year alone; every project still comes, with none of another year.
  @Test(arguments: StoreFactory.allCases)
  func milestonesAreReadForTheDaysAsked(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    try await store.addProject(school, actor: "王工")
    for formed in ["2025-12-31", "2026-01-01", "2026-12-31", "2027-01-01"] {
      _ = try await store.logMilestone(permit(formed), project: bund.code, changing: nil, actor: "王工")
    }
    _ = try await store.logMilestone(permit("2025-06-01"), project: school.code, changing: nil, actor: "王工")
    var of2026 = MilestoneFilter()
    of2026.formedIn = day("2026-01-01")...day("2026-12-31")
    #expect(try await milestones(store, of2026).map(\.milestone.formedOn.description) == ["2026-01-01", "2026-12-31"])
    var projects: [(ProjectCode, Int)] = []
    try await store.forEachProject(matching: of2026) { project, milestones in projects.append((project.code, milestones.count)) }
    #expect(projects.map(\.0) == [bund.code, school.code].sorted { $0.rawValue < $1.rawValue })
    #expect(projects.map(\.1) == (bund.code.rawValue < school.code.rawValue ? [2, 0] : [0, 2]))
  }

  @Test(arguments: StoreFactory.allCases)
  func aWithdrawnProjectIsOnRecordButNotReadAsInForce(factory: StoreFactory) async throws {
    // Given two projects, one registered by mistake with a published milestone and another one
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    try await store.addProject(school, actor: "王工")
    _ = try await store.logMilestone(permit(published: "2026-02-27"), project: bund.code, changing: nil, actor: "王工")
    _ = try await store.logMilestone(permit("2026-02-14"), project: bund.code, changing: nil, actor: "王工")
    let kept = try await store.logMilestone(permit(), project: school.code, changing: nil, actor: "王工")
    // When it is withdrawn
    let done = try await store.withdrawProject(code: bund.code, reason: "项目代码错误", actor: "李工")
    #expect(done.milestones == 2 && done.publications == 1 && done.alreadyWithdrawn == nil)
    // Then the checks and the project list read only the other, the audit's reading both, the mistake marked
    #expect(try await milestones(store) == [kept])
    #expect(try await store.projects().map(\.project.code) == [school.code])
    let all = try await milestones(store, MilestoneFilter(withdrawn: true))
    #expect(all.filter { $0.milestone.projectCode == bund.code.rawValue }.map(\.withdrawnReason) == ["（项目撤回）项目代码错误", "（项目撤回）项目代码错误"])
    var projects: [Project] = []
    try await store.forEachProject(matching: MilestoneFilter(withdrawn: true)) { project, _ in projects.append(project) }
    #expect(projects.map(\.withdrawnReason) == ["项目代码错误", nil])
    #expect(try await store.project(code: bund.code)?.withdrawnReason == "项目代码错误")
    // Its unit, which no project in force names, filters nothing
    #expect(try await !store.isResponsibleUnit(bund.responsibleUnit, withdrawnToo: false))
    #expect(try await store.isResponsibleUnit(bund.responsibleUnit, withdrawnToo: true))
    #expect(try await store.responsibleUnits(limit: 10) == [school.responsibleUnit])
    // And nothing more is written under its code; withdrawn again, it keeps its first reason
    let refusal = StoreError.projectWithdrawn(bund.code.rawValue, reason: "项目代码错误")
    await #expect(throws: refusal) { try await store.logMilestone(permit("2026-03-01"), project: bund.code, changing: nil, actor: "王工") }
    await #expect(throws: refusal) { try await store.updateProject(code: bund.code, actor: "王工", pastMilestones: .keepUnit) { $0 } }
    await #expect(throws: refusal) { try await store.addProject(bund, actor: "王工") }
    #expect(try await store.withdrawProject(code: bund.code, reason: "再次", actor: "李工").alreadyWithdrawn == "项目代码错误")
  }

  @Test(arguments: StoreFactory.allCases)
  func aProjectWithdrawnByMistakeIsReinstatedWithWhatItsWithdrawalTook(factory: StoreFactory) async throws {
    // Given a project with a published milestone, another milestone, and a third withdrawn on its own before the
    // project was withdrawn
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    let published = try await store.logMilestone(permit(published: "2026-02-27"), project: bund.code, changing: nil, actor: "王工")
    let other = try await store.logMilestone(permit("2026-02-14"), project: bund.code, changing: nil, actor: "王工")
    let mistake = try await store.logMilestone(permit("2026-02-15"), project: bund.code, changing: nil, actor: "王工")
    try await store.withdrawMilestone(id: mistake.milestone.id, reason: "重复登记", actor: "王工")
    let withdrawalPreview = try await store.previewProjectWithdrawal(code: bund.code)
    #expect(try await store.project(code: bund.code)?.withdrawnReason == nil, "a preview writes nothing")
    var withdrawal = try await store.withdrawProject(code: bund.code, reason: "项目代码错误", actor: "李工")
    withdrawal.project.withdrawnReason = nil
    #expect(withdrawalPreview == withdrawal && withdrawal.milestones == 2)
    // When it is reinstated, as its preview said
    let preview = try await store.previewProjectReinstatement(code: bund.code)
    #expect(try await store.project(code: bund.code)?.withdrawnReason == "项目代码错误", "a preview writes nothing")
    let done = try await store.reinstateProject(code: bund.code, reason: "误撤回", actor: "李工")
    #expect(preview.milestones == done.milestones && preview.publications == done.publications)
    // Then the two its withdrawal took are in force again, with the publication, and the one withdrawn before is not
    #expect(done.milestones == 2 && done.publications == 1 && !done.wasInForce)
    #expect(try await store.project(code: bund.code)?.withdrawnReason == nil)
    #expect(try await milestones(store).map(\.milestone.id) == [published.milestone.id, other.milestone.id])
    #expect(try await milestones(store).first?.recordedDisclosures == published.recordedDisclosures)
    let all = try await milestones(store, MilestoneFilter(withdrawn: true))
    #expect(all.map(\.withdrawnReason) == [nil, nil, "重复登记"])
    #expect(try await store.projects().map(\.project.code) == [bund.code])
    // Logged, each row as its last log entry says, and the project is written to again
    let history = try await store.history(of: bund.code)
    #expect(history.filter { $0.action == "reinstate" }.map(\.entity) == ["project", "milestone", "milestone"])
    #expect(history.last { $0.entity == "project" }?.after?.contains("\"reinstatedReason\":\"误撤回\"") == true)
    _ = try await store.verifiedChangeLogHead()
    _ = try await store.logMilestone(permit("2026-03-01"), project: bund.code, changing: nil, actor: "王工")
    // The feed's read dates what came back by the reinstatement
    let corrected = try await milestones(store, MilestoneFilter(publicationCorrections: true))
    let reinstatedAt = history.last { $0.action == "reinstate" }?.at
    #expect(corrected.map(\.shownAgainAt) == [reinstatedAt, reinstatedAt, nil])
    // In force, it is left as it is; an unknown code is refused
    let again = try await store.reinstateProject(code: bund.code, reason: "再次", actor: "李工")
    #expect(again.wasInForce && again.milestones == 0)
    #expect(try await store.history(of: bund.code).count == history.count + 1, "the milestone logged since, and nothing more")
    await #expect(throws: StoreError.unknownProject(school.code.rawValue)) {
      try await store.reinstateProject(code: school.code, reason: "误撤回", actor: "李工")
    }
    // Withdrawn again for another reason, it takes the milestones in force now, and a reinstatement brings back
    // those, by the reason of the withdrawal it undoes
    try await store.withdrawMilestone(id: other.milestone.id, reason: "重复登记", actor: "王工")
    let second = try await store.withdrawProject(code: bund.code, reason: "他区项目误导入", actor: "李工")
    #expect(second.milestones == 2)
    let back = try await store.reinstateProject(code: bund.code, reason: "本区项目", actor: "李工")
    #expect(back.milestones == 2 && back.publications == 1)
    #expect(try await milestones(store, MilestoneFilter(withdrawn: true)).map(\.withdrawnReason) == [nil, "重复登记", "重复登记", nil])
    _ = try await store.verifiedChangeLogHead()
  }

  @Test(arguments: StoreFactory.allCases)
  func aMilestoneWithdrawnByMistakeIsReinstatedWithItsPublications(factory: StoreFactory) async throws {
    // Given a published milestone withdrawn by mistake
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    let published = try await store.logMilestone(permit(published: "2026-02-27"), project: bund.code, changing: nil, actor: "王工")
    let id = published.milestone.id
    try await store.withdrawMilestone(id: id, reason: "误操作", actor: "李工")
    // When it is reinstated
    #expect(try await store.reinstateMilestone(id: id, reason: "误撤回", actor: "李工") == .reinstated(publications: 1, loggedAgain: []))
    // Then it is in force with its publication and 索引号, logged with the reason, and dated anew for the feed
    let back = try #require(try await milestones(store).first)
    #expect(back.milestone.id == id && back.recordedDisclosures == published.recordedDisclosures)
    let history = try await store.history(of: bund.code)
    #expect(history.last?.action == "reinstate" && history.last?.after?.contains("\"reinstatedReason\":\"误撤回\"") == true)
    _ = try await store.verifiedChangeLogHead()
    let corrected = try await milestones(store, MilestoneFilter(publicationCorrections: true))
    #expect(corrected.map(\.shownAgainAt) == [history.last?.at])
    // In force, it is left as it is
    #expect(try await store.reinstateMilestone(id: id, reason: "再次", actor: "李工") == .wasInForce)
    // Recorded again in its place (its summary set right), it is not reinstated, while that one is in force or once it
    // is withdrawn too
    try await store.withdrawMilestone(id: id, reason: "误操作", actor: "李工")
    var resummarised = permit()
    resummarised.summary = "核发施工许可证（更正）"
    let again = try await store.logMilestone(resummarised, project: bund.code, changing: nil, actor: "王工")
    await #expect(throws: StoreError.reinstatementBlocked(milestone: id, by: again.milestone.id, inForce: true)) {
      try await store.reinstateMilestone(id: id, reason: "误撤回", actor: "李工")
    }
    try await store.withdrawMilestone(id: again.milestone.id, reason: "重复登记", actor: "李工")
    await #expect(throws: StoreError.reinstatementBlocked(milestone: id, by: again.milestone.id, inForce: false)) {
      try await store.reinstateMilestone(id: id, reason: "误撤回", actor: "李工")
    }
    // A change whose milestone was amended to a later day since, or withdrawn, is not reinstated
    let earlier = try await store.logMilestone(permit("2026-03-01"), project: bund.code, changing: nil, actor: "王工")
    let change = try await store.logMilestone(permit("2026-03-02"), project: bund.code, changing: earlier.milestone.id, actor: "王工")
    try await store.withdrawMilestone(id: change.milestone.id, reason: "误操作", actor: "李工")
    _ = try await store.amendMilestone(id: earlier.milestone.id, MilestoneAmendment(formedOn: day("2026-03-05"), reason: "更正"), actor: "李工")
    await #expect(throws: StoreError.reinstatementChangesLater(milestone: change.milestone.id, changes: earlier.milestone.id,
                                                               formedOn: "2026-03-05")) {
      try await store.reinstateMilestone(id: change.milestone.id, reason: "误撤回", actor: "李工")
    }
    try await store.withdrawMilestone(id: earlier.milestone.id, reason: "误操作", actor: "李工")
    await #expect(throws: StoreError.reinstatementChangesWithdrawn(milestone: change.milestone.id, changes: earlier.milestone.id)) {
      try await store.reinstateMilestone(id: change.milestone.id, reason: "误撤回", actor: "李工")
    }
    // A project file written while it was withdrawn does not withdraw it again
    try await store.addProject(school, actor: "王工")
    let other = try await store.logMilestone(permit(published: "2026-02-27"), project: school.code, changing: nil, actor: "王工")
    try await store.withdrawMilestone(id: other.milestone.id, reason: "误操作", actor: "李工")
    _ = try await store.reinstateMilestone(id: other.milestone.id, reason: "误撤回", actor: "李工")
    var stale = permit(published: "2026-02-27")
    stale.withdrawnReason = "误操作"
    let report = try await store.importProjects([ProjectDocument(project: school, milestones: [stale])], actor: "王工", progress: nil)
    #expect(report.notices.contains { $0.field == "withdrawn" })
    #expect(try await store.milestone(id: other.milestone.id)?.withdrawnReason == nil)
    _ = try await store.verifiedChangeLogHead()
  }

  @Test(arguments: StoreFactory.allCases)
  func aPublicationWithdrawnByMistakeIsReinstatedUnderItsIndexNumber(factory: StoreFactory) async throws {
    // Given a milestone published twice, the wrong publication withdrawn
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    let published = try await store.logMilestone(permit(published: "2026-02-27"), project: bund.code, changing: nil, actor: "王工")
    let id = published.milestone.id
    let kept = try #require(published.recordedDisclosures.first)
    let credit = try await store.disclose(milestone: id, Disclosure(publishedOn: day("2026-03-02"), channel: "信用中国（上海）"), actor: "王工")
    try await store.withdrawDisclosure(id: kept.id, reason: "误操作", actor: "李工")
    // When it is reinstated
    let publication = try #require(published.milestone.disclosures.first)
    #expect(try await store.reinstateDisclosure(id: kept.id, reason: "误撤回", actor: "李工")
      == PublicationReinstatement(disclosure: publication, wasInForce: false))
    // Then it is in force under its 索引号, logged with the reason, and its milestone dated anew for the feed
    let back = try #require(try await milestones(store, MilestoneFilter(publicationCorrections: true)).first)
    #expect(back.recordedDisclosures.map(\.id) == [kept.id, credit.id] && back.recordedDisclosures.first == kept)
    #expect(back.withdrawnPublications.isEmpty && back.reinstatedPublications.map(\.id) == [kept.id])
    let history = try await store.history(of: bund.code)
    #expect(history.last?.action == "reinstate" && history.last?.entity == "disclosure")
    #expect(history.last?.after?.contains("\"reinstatedReason\":\"误撤回\"") == true)
    #expect(back.publicationsCorrectedAt == history.last?.at && back.reinstatedPublications.first?.reinstatedAt == history.last?.at)
    _ = try await store.verifiedChangeLogHead()
    // In force, it is left as it is; an unknown id is refused
    #expect(try await store.reinstateDisclosure(id: kept.id, reason: "再次", actor: "李工").wasInForce)
    await #expect(throws: StoreError.unknownDisclosure(999)) {
      try await store.reinstateDisclosure(id: 999, reason: "误撤回", actor: "李工")
    }
    // Recorded again as it was, it is refused: the withdrawal was the mistake, and reinstating it keeps its 索引号
    try await store.withdrawDisclosure(id: credit.id, reason: "误操作", actor: "李工")
    await #expect(throws: StoreError.publicationWithdrawnAsGiven(disclosure: credit.id, reason: "误操作")) {
      try await store.disclose(milestone: id, Disclosure(publishedOn: day("2026-03-02"), channel: "信用中国（上海）"), actor: "王工")
    }
    // Recorded again in its place with its address, it is not reinstated, while that one is in force or once it is
    // withdrawn too
    let again = try await store.disclose(
      milestone: id, Disclosure(publishedOn: day("2026-03-02"), channel: "信用中国（上海）", url: "https://credit.example/1"), actor: "王工")
    await #expect(throws: StoreError.publicationReinstatementBlocked(disclosure: credit.id, by: again.id, inForce: true)) {
      try await store.reinstateDisclosure(id: credit.id, reason: "误撤回", actor: "李工")
    }
    try await store.withdrawDisclosure(id: again.id, reason: "重复登记", actor: "李工")
    await #expect(throws: StoreError.publicationReinstatementBlocked(disclosure: credit.id, by: again.id, inForce: false)) {
      try await store.reinstateDisclosure(id: credit.id, reason: "误撤回", actor: "李工")
    }
    // Dated before its milestone, amended to a later day since, it is not reinstated, nor while its milestone is withdrawn
    try await store.withdrawDisclosure(id: kept.id, reason: "误操作", actor: "李工")
    _ = try await store.amendMilestone(id: id, MilestoneAmendment(formedOn: day("2026-03-01"), reason: "更正"), actor: "李工")
    await #expect(throws: StoreError.self) { try await store.reinstateDisclosure(id: kept.id, reason: "误撤回", actor: "李工") }
    try await store.withdrawMilestone(id: id, reason: "误操作", actor: "李工")
    await #expect(throws: StoreError.publicationOfWithdrawnMilestone(disclosure: again.id, milestone: id)) {
      try await store.reinstateDisclosure(id: again.id, reason: "误撤回", actor: "李工")
    }
    #expect(try await store.history(of: bund.code).count == history.count + 6, "the six writes above, and nothing of the refusals")
    _ = try await store.verifiedChangeLogHead()
  }

  @Test(arguments: StoreFactory.allCases)
  func aProjectUnderAWrongCodeGetsItsRightOneWithItsRecord(factory: StoreFactory) async throws {
    // Given a project registered under a wrong code, a published milestone amended there, and another project
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    try await store.addProject(school, actor: "王工")
    let published = try await store.logMilestone(permit(published: "2026-02-27"), project: bund.code, changing: nil, actor: "王工")
    _ = try await store.amendMilestone(id: published.milestone.id, MilestoneAmendment(formedOn: day("2026-02-12"), reason: "更正"), actor: "李工")
    let before = try await store.history(of: bund.code)
    let right = try ProjectCode("2024-310110-48-01-000132")
    // When its code is corrected
    let done = try await store.recodeProject(code: bund.code, to: right, reason: "项目代码填错", actor: "李工")
    // Then it keeps its milestones, publications and 索引号 under the right code, and its history under both
    #expect(done.milestones == 1 && done.publications == 1 && !done.alreadyRecoded)
    #expect(try await store.project(code: bund.code) == nil)
    #expect(try await store.project(code: right)?.name == bund.name)
    let moved = try await milestones(store, MilestoneFilter(projects: [right]))
    #expect(moved.map(\.milestone.id) == [published.milestone.id])
    #expect(moved.first?.recordedDisclosures == published.recordedDisclosures)
    let history = try await store.history(of: right)
    #expect(Array(history.prefix(before.count)) == before)
    #expect(history.last?.action == "recode" && history.last?.projectCode == right.rawValue)
    #expect(history.last?.after?.contains("\"recodedReason\":\"项目代码填错\"") == true)
    _ = try await store.verifiedChangeLogHead()
    // The feed's read dates its items by the correction
    let corrected = try await milestones(store, MilestoneFilter(projects: [right], publicationCorrections: true))
    #expect(corrected.map(\.shownAgainAt) == [history.last?.at])
    // The wrong code is refused everywhere, naming the right one, and an old file holding it is not imported again
    let refusal = StoreError.projectRecoded(bund.code.rawValue, to: right.rawValue, project: bund.name, reason: "项目代码填错")
    #expect(try await store.codeCorrection(of: bund.code) == CodeCorrection(code: right, name: bund.name, reason: "项目代码填错"))
    #expect(try await store.codeCorrections().map(\.former) == [bund.code])
    #expect(LoggedRecode.codesCorrectedAway(try await store.codeCorrections()) == [bund.code])
    await #expect(throws: refusal) { try await store.logMilestone(permit("2026-03-01"), project: bund.code, changing: nil, actor: "王工") }
    await #expect(throws: refusal) { try await store.addProject(bund, actor: "王工") }
    await #expect(throws: refusal) { try await store.withdrawProject(code: bund.code, reason: "x", actor: "王工") }
    await #expect(throws: StoreError.self) {
      try await store.importProjects([ProjectDocument(project: bund, milestones: [permit()])], actor: "王工", progress: nil)
    }
    // Run again, it is left as it is; a code another project has, or had, is refused
    #expect(try await store.recodeProject(code: bund.code, to: right, reason: "再次", actor: "李工").alreadyRecoded)
    await #expect(throws: StoreError.codeTaken(right.rawValue, project: bund.name, .inForce, from: school.code.rawValue)) {
      try await store.recodeProject(code: school.code, to: right, reason: "x", actor: "李工")
    }
    await #expect(throws: StoreError.codeTaken(bund.code.rawValue, project: bund.name, .formerly(now: right.rawValue, reason: "项目代码填错"),
                                              from: school.code.rawValue)) {
      try await store.recodeProject(code: school.code, to: bund.code, reason: "x", actor: "李工")
    }
    // Written to under the right code: its rows, logged under the wrong one, are found; a file of it written before
    // the amendment, under the right code now, names the amended milestone by its old date and adds nothing
    try await store.withdrawDisclosure(id: published.recordedDisclosures[0].id, reason: "登记有误", actor: "李工")
    var renamed = bund
    renamed.code = right
    let old = try await store.importProjects([ProjectDocument(project: renamed, milestones: [permit(published: "2026-02-27")])],
                                             actor: "王工", progress: nil)
    #expect(old.milestonesWritten == 0)
    #expect(try await milestones(store, MilestoneFilter(projects: [right])).count == 1)
    // And corrected back to the code it had, it is that project again
    _ = try await store.recodeProject(code: right, to: bund.code, reason: "改回原代码", actor: "李工")
    #expect(try await store.project(code: bund.code)?.name == bund.name)
    #expect(try await store.codeCorrection(of: right) == CodeCorrection(code: bund.code, name: bund.name, reason: "改回原代码"))
    let recodes = try await store.codeCorrections()
    #expect(recodes.map(\.former) == [bund.code, right] && recodes.map(\.current) == [bund.code, bund.code])
    #expect(recodes.map(\.reason) == ["项目代码填错", "改回原代码"])
    #expect(LoggedRecode.codesCorrectedAway(recodes) == [right])
    #expect(try await store.history(of: bund.code).dropFirst(history.count).map(\.action) == ["withdraw", "recode"])
    _ = try await store.verifiedChangeLogHead()
  }

  @Test(arguments: StoreFactory.allCases)
  func aMilestoneWithItsDisclosureIsHandedToTheChecker(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    let stored = try await store.logMilestone(permit(published: "2026-02-27"), project: bund.code, changing: nil, actor: "王工")
    #expect(stored.milestone.kind == "approval-result.construction-permit")
    #expect(stored.milestone.responsibleUnit == bund.responsibleUnit)
    #expect(stored.milestone.disclosures.map(\.publishedOn) == [day("2026-02-27")])
    #expect(stored.reference == "310110202602130101")
    let read = try await milestones(store)
    #expect(read == [stored])
  }

  @Test(arguments: StoreFactory.allCases)
  func refusesWhatTheRegisterCannotHold(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    try await store.addProject(school, actor: "王工")
    let first = try await store.logMilestone(permit(), project: bund.code, changing: nil, actor: "王工")
    let other = try await store.logMilestone(permit(), project: school.code, changing: nil, actor: "王工")
    await #expect(throws: StoreError.unknownProject("2024-310110-48-01-999999")) {
      try await store.logMilestone(permit(), project: try ProjectCode("2024-310110-48-01-999999"), changing: nil, actor: "王工")
    }
    await #expect(throws: StoreError.duplicateMilestone(existing: first.milestone.id, key: "approval-result.construction-permit 2026-02-13 310110202602130101")) {
      try await store.logMilestone(permit(), project: bund.code, changing: nil, actor: "王工")
    }
    await #expect(throws: StoreError.milestoneOfAnotherProject(milestone: other.milestone.id, project: school.code.rawValue, expected: bund.code.rawValue)) {
      try await store.logMilestone(permit("2026-03-01"), project: bund.code, changing: other.milestone.id, actor: "王工")
    }
    await #expect(throws: StoreError.invalid(.disclosureBeforeMilestone(published: day("2026-02-12"), formed: day("2026-02-13")))) {
      try await store.disclose(milestone: first.milestone.id, Disclosure(publishedOn: day("2026-02-12"), channel: portal), actor: "王工")
    }
    await #expect(throws: StoreError.unknownMilestone(999)) {
      try await store.disclose(milestone: 999, Disclosure(publishedOn: day("2026-02-20"), channel: portal), actor: "王工")
    }
  }

  @Test(arguments: StoreFactory.allCases)
  func aChangeLinksToTheMilestoneItChanges(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    let contract = MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-03-02"))
    let original = try await store.logMilestone(contract, project: bund.code, changing: nil, actor: "王工")
    let change = try await store.logMilestone(
      MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-06-01"), summary: "合同变更"), project: bund.code,
      changing: original.milestone.id, actor: "王工")
    #expect(change.milestone.changes == original.milestone.id)
    await #expect(throws: StoreError.invalid(.changesLaterMilestone("milestone \(change.milestone.id) of 2026-06-01"))) {
      try await store.logMilestone(MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-05-01")), project: bund.code,
                                   changing: change.milestone.id, actor: "王工")
    }
  }

  @Test(arguments: StoreFactory.allCases)
  func withdrawnMilestonesAndDisclosuresStayOnRecordButAreNotChecked(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    let kept = try await store.logMilestone(permit(published: "2026-02-27"), project: bund.code, changing: nil, actor: "王工")
    let mistaken = try await store.logMilestone(permit("2026-02-16"), project: bund.code, changing: nil, actor: "王工")
    #expect(try await store.withdrawMilestone(id: mistaken.milestone.id, reason: "重复登记", actor: "李工") == .withdrawn)
    #expect(try await store.withdrawDisclosure(id: kept.recordedDisclosures[0].id, reason: "网址错误", actor: "李工") == .withdrawn)
    // Withdrawn again (a script retried), each stays as it was, under its first reason, and nothing is logged
    let logged = try await store.history(of: bund.code).count
    #expect(try await store.withdrawMilestone(id: mistaken.milestone.id, reason: "又撤回", actor: "王工") == .alreadyWithdrawn(reason: "重复登记"))
    #expect(try await store.withdrawDisclosure(id: kept.recordedDisclosures[0].id, reason: "又撤回", actor: "王工")
      == .alreadyWithdrawn(reason: "网址错误"))
    #expect(try await store.history(of: bund.code).count == logged)
    let read = try await milestones(store)
    #expect(read.map(\.milestone.id) == [kept.milestone.id])
    #expect(read[0].milestone.disclosures.isEmpty)
    #expect(try await store.milestone(id: mistaken.milestone.id)?.withdrawnReason == "重复登记")
    await #expect(throws: StoreError.withdrawnMilestone(mistaken.milestone.id)) {
      try await store.disclose(milestone: mistaken.milestone.id, Disclosure(publishedOn: day("2026-02-20"), channel: portal), actor: "王工")
    }
    // Logged again as it was, it is refused: its withdrawal is what to undo (`reinstate`), which keeps its publications;
    // with what was wrong set right (here its summary), it is a record of its own.
    await #expect(throws: StoreError.milestoneWithdrawnAsGiven(milestone: mistaken.milestone.id, reason: "重复登记")) {
      try await store.logMilestone(permit("2026-02-16"), project: bund.code, changing: nil, actor: "王工")
    }
    var summarised = permit("2026-02-16")
    summarised.summary = "核发施工许可证（更正）"
    _ = try await store.logMilestone(summarised, project: bund.code, changing: nil, actor: "王工")
  }

  @Test(arguments: StoreFactory.allCases)
  func theUnitsAreThoseOfProjectsAndOfMilestonesNotWithdrawn(factory: StoreFactory) async throws {
    // Given two projects, a milestone another unit answers for, and a withdrawn one naming a third
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    try await store.addProject(school, actor: "王工")
    var audited = permit()
    audited.responsibleUnit = "杨浦区审计局"
    _ = try await store.logMilestone(audited, project: bund.code, changing: nil, actor: "王工")
    var mistaken = permit("2026-03-02")
    mistaken.responsibleUnit = "杨浦区审记局"
    let withdrawn = try await store.logMilestone(mistaken, project: bund.code, changing: nil, actor: "王工")
    try await store.withdrawMilestone(id: withdrawn.milestone.id, reason: "录错", actor: "王工")
    // Then the units are the projects' and the milestone's, as a unit filter matches them, each once
    #expect(try await store.isResponsibleUnit("杨浦区教育局", withdrawnToo: false))
    #expect(try await store.isResponsibleUnit("杨浦区审计局", withdrawnToo: false))
    #expect(try await !store.isResponsibleUnit("杨浦区审记局", withdrawnToo: false))
    #expect(try await !store.isResponsibleUnit("杨浦区", withdrawnToo: false))
    #expect(try await store.responsibleUnits(limit: 10) == ["杨浦区审计局", "杨浦区建设和管理委员会", "杨浦区教育局"])
    #expect(try await store.responsibleUnits(limit: 2) == ["杨浦区审计局", "杨浦区建设和管理委员会"])
  }

  @Test(arguments: StoreFactory.allCases)
  func amendingMovesTheDateButNotBeforeAPublication(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    let stored = try await store.logMilestone(permit(published: "2026-02-27"), project: bund.code, changing: nil, actor: "王工")
    let amended = try await store.amendMilestone(id: stored.milestone.id, MilestoneAmendment(formedOn: day("2026-02-12"), summary: "", reason: "更正"), actor: "李工")
    #expect(amended.milestone.formedOn == day("2026-02-12"))
    #expect(amended.summary == nil)
    // The publication in the way is named (the store's first, id 1), with the two ways past it.
    await #expect(throws: StoreError.invalid(.invalidField("--date", "2026-03-02", """
      disclosure 1 of this milestone was published 2026-02-27, before that day; give 2026-02-27 or earlier, or, if that \
      publication was recorded by mistake, withdraw it first: gongkai withdraw --disclosure 1 --reason …
      """))) {
      try await store.amendMilestone(id: stored.milestone.id, MilestoneAmendment(formedOn: day("2026-03-02"), reason: "更正"), actor: "李工")
    }
  }

  @Test(arguments: StoreFactory.allCases)
  func anAmendmentSaysWhyAndTheMilestoneCarriesItsCorrections(factory: StoreFactory) async throws {
    // Given a permit formed 2026-02-13
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    let stored = try await store.logMilestone(permit(), project: bund.code, changing: nil, actor: "王工")
    #expect(stored.amendments == nil)
    // An amendment without a reason is refused, the milestone untouched
    await #expect(throws: StoreError.invalid(.missingReason("reason", example: MilestoneAmendment.exampleReason))) {
      try await store.amendMilestone(id: stored.milestone.id, MilestoneAmendment(formedOn: day("2026-02-12"), reason: " "), actor: "李工")
    }
    #expect(try await store.milestone(id: stored.milestone.id)?.milestone.formedOn == day("2026-02-13"))
    // When its date, then its summary, is corrected
    _ = try await store.amendMilestone(id: stored.milestone.id, MilestoneAmendment(formedOn: day("2026-02-12"), reason: "按原件更正"), actor: "李工")
    let amended = try await store.amendMilestone(id: stored.milestone.id, MilestoneAmendment(summary: "核发施工许可证（补正）", reason: "补正摘要"), actor: "张工")
    // Then it carries how many corrections, the last one's author and reason, and the day first recorded
    let amendments = try #require(amended.amendments)
    #expect(amendments.count == 2)
    #expect(amendments.lastBy == "张工")
    #expect(amendments.reason == "补正摘要")
    #expect(amendments.originalFormedOn == day("2026-02-13"))
    var read: [StoredMilestone] = []
    try await store.forEachMilestone(matching: MilestoneFilter()) { read.append($0) }
    #expect(read.map(\.amendments) == [amendments])
    // and the log has each as an `amend` with its reason
    let log = try await store.history(of: bund.code).filter { $0.action == "amend" }
    #expect(log.map(\.actor) == ["李工", "张工"])
    #expect(try #require(log.last?.after).contains("\"amendmentReason\":\"补正摘要\""))
    // An amendment that changes nothing writes nothing
    _ = try await store.amendMilestone(id: stored.milestone.id, MilestoneAmendment(summary: "核发施工许可证（补正）", reason: "再改"), actor: "张工")
    #expect(try await store.milestone(id: stored.milestone.id)?.amendments?.count == 2)
  }

  @Test(arguments: StoreFactory.allCases)
  func aNewUnitLeavesThePastUnderTheOldUnlessAskedToMoveIt(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    try await store.addProject(school, actor: "王工")
    _ = try await store.logMilestone(permit(), project: bund.code, changing: nil, actor: "王工")
    _ = try await store.logMilestone(permit(), project: school.code, changing: nil, actor: "王工")
    func newUnit(_ unit: String) -> (Project) -> Project { { var project = $0; project.responsibleUnit = unit; return project } }
    // Kept: the milestone is pinned to the unit it had, and a later one takes the new unit
    let kept = try await store.updateProject(code: bund.code, actor: "李工", pastMilestones: .keepUnit, newUnit("杨浦区建设管理中心"))
    #expect(kept.changed && kept.formerUnit == "杨浦区建设和管理委员会" && kept.keptFormerUnit == 1 && kept.reattributed == 0)
    _ = try await store.logMilestone(permit("2026-03-02"), project: bund.code, changing: nil, actor: "王工")
    // Moved: asked for, the past follows the project
    let moved = try await store.updateProject(code: school.code, actor: "李工", pastMilestones: .reattribute, newUnit("杨浦区教育局基建处"))
    #expect(moved.changed && moved.keptFormerUnit == 0 && moved.reattributed == 1)
    var units: [String] = []
    try await store.forEachMilestone(matching: MilestoneFilter()) { units.append($0.milestone.responsibleUnit ?? "") }
    #expect(units == ["杨浦区建设和管理委员会", "杨浦区建设管理中心", "杨浦区教育局基建处"])
    // Another field changed keeps every milestone as it is
    let renamed = try await store.updateProject(code: bund.code, actor: "李工", pastMilestones: .keepUnit) { var p = $0; p.name = "改名"; return p }
    #expect(renamed.changed && renamed.formerUnit == nil && renamed.keptFormerUnit == 0)
  }

  @Test(arguments: StoreFactory.allCases)
  func aFileThatMovesTheProjectToAMilestonesOwnUnitLeavesThatMilestoneWithIt(factory: StoreFactory) async throws {
    // Given a project of 杨浦区建设和管理委员会 with a contract its file gives to 杨浦区建设管理中心, and a permit
    let store = try factory.make()
    var contract = MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-03-02"))
    contract.responsibleUnit = "杨浦区建设管理中心"
    _ = try await store.importProjects([ProjectDocument(project: bund, milestones: [permit(), contract])], actor: "王工", progress: nil)
    // When a later file moves the project to 杨浦区建设管理中心 and gives the contract no unit of its own
    var moved = bund
    moved.responsibleUnit = "杨浦区建设管理中心"
    contract.responsibleUnit = nil
    let report = try await store.importProjects([ProjectDocument(project: moved, milestones: [permit(), contract])], actor: "李工", progress: nil)
    // Then the contract stays with the unit both the file and the register give it, and the permit, recorded before
    // the move, keeps the former unit (as `project edit --unit` keeps it)
    var units: [String: String] = [:]
    try await store.forEachMilestone(matching: MilestoneFilter()) { units[$0.milestone.kind] = $0.milestone.responsibleUnit }
    #expect(units == ["bidding.contract": "杨浦区建设管理中心", "approval-result.construction-permit": "杨浦区建设和管理委员会"])
    #expect(report.milestonesWritten == 1)
  }

  @Test(arguments: StoreFactory.allCases)
  func theChangeLogRecordsEveryKindOfWrite(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    _ = try await store.updateProject(code: bund.code, actor: "李工", pastMilestones: .keepUnit) { project in
      var moved = project
      moved.location = "杨树浦路2086号至2500号"
      return moved
    }
    let stored = try await store.logMilestone(permit(published: "2026-02-27"), project: bund.code, changing: nil, actor: "王工")
    _ = try await store.amendMilestone(id: stored.milestone.id, MilestoneAmendment(summary: "核发施工许可证（补正）", reason: "更正"), actor: "李工")
    let second = try await store.disclose(milestone: stored.milestone.id, Disclosure(publishedOn: day("2026-03-02"), channel: "信用中国（上海）"), actor: "王工")
    try await store.withdrawDisclosure(id: second.id, reason: "重复", actor: "李工")
    try await store.withdrawMilestone(id: stored.milestone.id, reason: "登记错误", actor: "张工")

    let log = try await store.history(of: bund.code)
    #expect(log.map { "\($0.action) \($0.entity) \($0.actor)" } == [
      "insert project 王工", "update project 李工", "insert milestone 王工", "insert disclosure 王工",
      "amend milestone 李工", "insert disclosure 王工", "withdraw disclosure 李工", "withdraw milestone 张工",
    ])
    #expect(log[0].before == nil)
    #expect(try #require(log[1].before).contains("杨树浦路2086号\""))
    #expect(try #require(log[1].after).contains("杨树浦路2086号至2500号"))
    #expect(try #require(log[7].after).contains("\"withdrawnReason\":\"登记错误\""))
    #expect(log.allSatisfy { $0.at.hasSuffix("+08:00") })
  }

  @Test(arguments: StoreFactory.allCases)
  func importingTheSameProjectsTwiceChangesNothing(factory: StoreFactory) async throws {
    let store = try factory.make()
    let document = ProjectDocument(project: bund, milestones: [
      permit(published: "2026-02-27"),
      MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-03-02")),
      MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-06-01"),
                     changes: MilestoneKey(kind: "bidding.contract", formedOn: day("2026-03-02"))),
    ])
    let first = try await store.importProjects([document], actor: "王工", progress: nil)
    #expect((first.created, first.updated, first.unchanged, first.milestonesWritten, first.disclosuresWritten) == (1, 0, 0, 3, 1))
    let again = try await store.importProjects([document], actor: "王工", progress: nil)
    #expect((again.created, again.updated, again.unchanged) == (0, 0, 1))
    #expect(!again.changedAnything)
    #expect(try await store.document(of: bund.code, verifying: true) == document)

    var edited = document
    edited.milestones[0].summary = "核发施工许可证（第一标段）"
    edited.milestones.removeLast()
    let update = try await store.importProjects([edited], actor: "王工", progress: nil)
    #expect((update.updated, update.milestonesWritten) == (1, 1))
    #expect(try await milestones(store).count == 3)  // an import never deletes
  }

  @Test(arguments: StoreFactory.allCases)
  func aFailedImportWritesNothing(factory: StoreFactory) async throws {
    let store = try factory.make()
    let good = ProjectDocument(project: school, milestones: [permit()])
    let broken = ProjectDocument(project: bund, milestones: [
      MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-06-01"),
                     changes: MilestoneKey(kind: "bidding.contract", formedOn: day("2026-03-02")))
    ])
    await #expect(throws: StoreError.self) { try await store.importProjects([good, broken], actor: "王工", progress: nil) }
    #expect(try await store.projects().isEmpty)
    #expect(try await store.history(of: school.code).isEmpty)
  }

  @Test(arguments: StoreFactory.allCases)
  func anImportedMilestoneCannotChangeItself(factory: StoreFactory) async throws {
    let store = try factory.make()
    let contract = MilestoneKey(kind: "bidding.contract", formedOn: day("2026-06-01"))
    let document = ProjectDocument(project: bund, milestones: [
      MilestoneEntry(kind: contract.kind, formedOn: contract.formedOn, changes: contract)
    ])
    // Told at its file and entry, as the import's other problems are
    let refusal = RegisterError.changesItself(contract.description)
    await #expect(throws: StoreError.importRejected([.init(line: 1, field: "milestones[0].changes", message: refusal.description)])) {
      try await store.importProjects([document], actor: "王工", progress: nil)
    }
    #expect(try await store.projects().isEmpty)
  }

  @Test(arguments: StoreFactory.allCases)
  func aProjectInTwoDocumentsOfOneImportIsRefused(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(school, actor: "王工")
    var renamed = school
    renamed.name = "另一个名称"
    var late = bund
    late.code = try ProjectCode("2025-310110-48-01-000456")
    // A new project twice, a registered one twice (the first unchanged, the second not), and a project that is
    // first seen after the import has found a problem, twice.
    let documents = [bund, school, bund, renamed, late, late].map { ProjectDocument(project: $0, milestones: []) }
    await #expect(throws: StoreError.importRejected([
      .init(line: 3, field: "code", message: "project \(bund.code) is also in item 1; keep one file per project"),
      .init(line: 4, field: "code", message: "project \(school.code) is also in item 2; keep one file per project"),
      .init(line: 6, field: "code", message: "project \(late.code) is also in item 5; keep one file per project"),
    ])) { try await store.importProjects(documents, actor: "王工", progress: nil) }
    #expect(try await store.projects().map(\.project) == [school])
    // The import left nothing behind: the same projects once each import.
    let report = try await store.importProjects(Array(documents.prefix(2)), actor: "王工", progress: nil)
    #expect((report.created, report.unchanged) == (1, 1))
  }

  @Test(arguments: StoreFactory.allCases)
  func milestoneRowsNameEveryUnknownProjectByLine(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    let unknown = try ProjectCode("2024-310110-48-01-000999")
    // bund's code with two digits swapped.
    let mistyped = try ProjectCode("2024-310110-48-01-000132")
    let rows = [
      MilestoneRow(line: 2, project: bund.code, entry: permit()),
      MilestoneRow(line: 3, project: unknown, entry: permit()),
      MilestoneRow(line: 4, project: mistyped, entry: permit()),
      MilestoneRow(line: 5, project: bund.code, entry: MilestoneEntry(
        kind: "approval-result.construction-permit", formedOn: day("2026-02-13"), reference: "310110202602130101",
        disclosures: [Disclosure(publishedOn: day("2026-02-12"), channel: portal)])),
    ]
    // Line 5 publishes the milestone that line 2 records before the day it was formed.
    await #expect(throws: StoreError.importRejected([
      .init(line: 3, field: "project", message: """
        unknown project '\(unknown)'; register it first with `gongkai project add` if it is new (`gongkai project list` shows \
        the registered codes)
        """),
      .init(line: 4, field: "project", message: """
        unknown project '\(mistyped)'; did you mean \(bund.code)? If it is a new project, register it first with `gongkai project \
        add` (`gongkai project list` shows the registered codes)
        """),
      .init(line: 5, field: "published", message: RegisterError.disclosureBeforeMilestone(
        published: day("2026-02-12"), formed: day("2026-02-13")).description),
    ])) { try await store.importMilestones(rows, actor: "王工", progress: nil) }
    #expect(try await milestones(store).isEmpty)

    let valid = [rows[0], MilestoneRow(line: 4, project: bund.code, entry: permit(published: "2026-02-20")), rows[0]]
    let report = try await store.importMilestones(valid, actor: "王工", progress: nil)
    #expect((report.milestonesWritten, report.disclosuresWritten, report.unchanged) == (1, 1, 1))
    #expect(try await store.importMilestones(valid, actor: "王工", progress: nil).changedAnything == false)
  }

  /// A sheet's 项目名称 beside the code is checked against the project's: the code of another project typed by mistake
  /// would record the milestone, and publish it, under that project.
  @Test(arguments: StoreFactory.allCases)
  func aRowsProjectNameMustBeTheProjectsOwn(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    try await store.addProject(school, actor: "王工")
    let rows = [
      MilestoneRow(line: 2, project: bund.code, projectName: "杨浦滨江南段 公共空间提升工程", entry: permit()),
      MilestoneRow(line: 3, project: bund.code, projectName: school.name, entry: permit(published: "2026-02-20")),
    ]
    await #expect(throws: StoreError.importRejected([
      .init(line: 3, field: "name", message: """
        '\(school.name)' is not the name of project \(bund.code), registered as '\(bund.name)'; it is the name of project \
        \(school.code): if the 项目代码 is another project's, correct it; if the name is wrong, correct the cell (or delete \
        the column, which the import only checks)
        """),
    ])) { try await store.importMilestones(rows, actor: "王工", progress: nil) }
    #expect(try await milestones(store).isEmpty)
    // Spaced otherwise, or with full-width brackets and digits, the name is the project's.
    let named = try await store.importMilestones(Array(rows.prefix(1)), actor: "王工", progress: nil)
    #expect(named.milestonesWritten == 1)
    #expect(Project.isNamed("新江湾城九年一贯制学校新建工程（１期）", registeredAs: "新江湾城九年一贯制学校新建工程(1期)"))
    #expect(!Project.isNamed("新江湾城九年一贯制学校", registeredAs: school.name))
    // A name the project had before it was renamed is its own, in a ledger kept since.
    _ = try await store.updateProject(code: bund.code, actor: "王工", pastMilestones: .keepUnit) { project in
      var renamed = project
      renamed.name = "杨浦滨江南段公共空间提升工程（一期）"
      return renamed
    }
    let formerly = try await store.importMilestones([MilestoneRow(line: 2, project: bund.code, projectName: bund.name,
                                                                  entry: permit(published: "2026-02-20"))], actor: "王工", progress: nil)
    #expect(formerly.disclosuresWritten == 1)
    // Dashes and quotes as another keyboard types them.
    #expect(Project.isNamed("新江湾城A1-2地块配套道路(政青路--淞沪路)工程", registeredAs: "新江湾城A1-2地块配套道路（政青路—淞沪路）工程"))
    #expect(Project.isNamed("杨浦滨江 \"绿之丘\" 改造工程", registeredAs: "杨浦滨江“绿之丘”改造工程"))
    #expect(!Project.isNamed("杨浦滨江绿之丘改造工程", registeredAs: "杨浦滨江“绿之丘”改造工程"))
  }

  @Test(arguments: StoreFactory.allCases)
  func milestonesComeInProjectAndDateOrderThroughTheFilters(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(school, actor: "王工")
    try await store.addProject(bund, actor: "王工")
    _ = try await store.logMilestone(permit("2026-03-01"), project: school.code, changing: nil, actor: "王工")
    _ = try await store.logMilestone(permit("2026-02-01"), project: school.code, changing: nil, actor: "王工")
    _ = try await store.logMilestone(MilestoneEntry(kind: "bidding.result", formedOn: day("2026-01-05"), responsibleUnit: "上海市公共资源交易中心"),
                                     project: bund.code, changing: nil, actor: "王工")
    #expect(try await milestones(store).map(\.milestone.formedOn) == [day("2026-01-05"), day("2026-02-01"), day("2026-03-01")])
    #expect(try await milestones(store, MilestoneFilter(projects: [school.code])).count == 2)
    #expect(try await milestones(store, MilestoneFilter(categories: [.bidding])).map(\.milestone.kind) == ["bidding.result"])
    #expect(try await milestones(store, MilestoneFilter(units: ["上海市公共资源交易中心"])).count == 1)
    #expect(try await milestones(store, MilestoneFilter(units: ["杨浦区教育局"])).count == 2)
  }
}

/// What a register must never do, found by testing it as staff would.
@Suite struct StoreSafeguardTests {
  @Test(arguments: StoreFactory.allCases)
  func reimportingAnOlderFileDoesNotUndoAWithdrawal(factory: StoreFactory) async throws {
    let store = try factory.make()
    let document = ProjectDocument(project: bund, milestones: [
      permit(published: "2026-02-27"), MilestoneEntry(kind: "bidding.result", formedOn: day("2026-01-05")),
    ])
    _ = try await store.importProjects([document], actor: "王工", progress: nil)
    let stored = try await milestones(store)
    try await store.withdrawDisclosure(id: stored[1].recordedDisclosures[0].id, reason: "网址错误", actor: "李工")
    try await store.withdrawMilestone(id: stored[0].milestone.id, reason: "重复", actor: "李工")
    let again = try await store.importProjects([document], actor: "王工", progress: nil)
    #expect(!again.changedAnything)
    let after = try await milestones(store)
    #expect(after.map(\.milestone.id) == [stored[1].milestone.id])
    #expect(after[0].milestone.disclosures.isEmpty)
  }

  @Test(arguments: StoreFactory.allCases)
  func reimportingAnOlderFileDoesNotUndoAnAmendment(factory: StoreFactory) async throws {
    let store = try factory.make()
    let contract = MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-06-20"), reference: "HT-1")
    var change = MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-09-01"), reference: "HT-1-BG")
    change.changes = contract.key
    let document = ProjectDocument(project: bund, milestones: [permit(published: "2026-02-27"), contract, change])
    _ = try await store.importProjects([document], actor: "王工", progress: nil)
    let stored = try await milestones(store)
    // The permit's date and the contract's number were wrong; staff fix them in the register, not in the file.
    _ = try await store.amendMilestone(id: stored[0].milestone.id, MilestoneAmendment(formedOn: day("2026-02-12"), reason: "更正"), actor: "李工")
    _ = try await store.amendMilestone(id: stored[1].milestone.id, MilestoneAmendment(reference: "HT-01", reason: "更正"), actor: "李工")
    let again = try await store.importProjects([document], actor: "王工", progress: nil)
    #expect(!again.changedAnything)
    let after = try await milestones(store)
    #expect(after.map(\.milestone.id) == stored.map(\.milestone.id))
    #expect(after.map(\.milestone.formedOn) == [day("2026-02-12"), day("2026-06-20"), day("2026-09-01")])
    #expect(after[2].milestone.changes == stored[1].milestone.id)
    // What the old file adds under the old number goes to the amended milestone.
    var later = document
    later.milestones[1].summary = "施工总承包合同"
    later.milestones[1].disclosures = [Disclosure(publishedOn: day("2026-06-25"), channel: portal)]
    let added = try await store.importProjects([later], actor: "王工", progress: nil)
    #expect((added.milestonesWritten, added.disclosuresWritten) == (1, 1))
    let contract1 = try #require(try await store.milestone(id: stored[1].milestone.id))
    #expect(contract1.summary == "施工总承包合同" && contract1.milestone.disclosures.count == 1)
    // A publication before the amended date is refused, as for any milestone.
    var early = document
    early.milestones[0].disclosures = [Disclosure(publishedOn: day("2026-02-11"), channel: portal)]
    let refusal = RegisterError.disclosureBeforeMilestone(published: day("2026-02-11"), formed: day("2026-02-12"))
    let field = "milestones[0].disclosures[0].published"
    await #expect(throws: StoreError.importRejected([.init(line: 1, field: field, message: refusal.description)])) {
      try await store.importProjects([early], actor: "王工", progress: nil)
    }
  }

  @Test(arguments: StoreFactory.allCases)
  func changesOfMilestonesThatDifferOnlyByRefSurviveARoundTrip(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    let first = try await store.logMilestone(MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-11-02"), reference: "HT-1"),
                                             project: bund.code, changing: nil, actor: "王工")
    _ = try await store.logMilestone(MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-11-02"), reference: "HT-2"),
                                     project: bund.code, changing: nil, actor: "王工")
    _ = try await store.logMilestone(MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-11-10"), summary: "变更"),
                                     project: bund.code, changing: first.milestone.id, actor: "王工")
    let document = try #require(try await store.document(of: bund.code, verifying: true))
    #expect(document.milestones[2].changes?.description == "bidding.contract@2026-11-02#HT-1")
    #expect(!(try await store.importProjects([document], actor: "王工", progress: nil)).changedAnything)
  }

  @Test(arguments: StoreFactory.allCases)
  func amendingKeepsAChangeAfterWhatItChanges(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    let original = try await store.logMilestone(MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-11-02")), project: bund.code, changing: nil, actor: "王工")
    let change = try await store.logMilestone(MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-11-10")), project: bund.code,
                                              changing: original.milestone.id, actor: "王工")
    // The date is named, with the day it may take.
    await #expect(throws: StoreError.invalid(.invalidField("--date", "2026-10-30", """
      this milestone changes milestone \(original.milestone.id) of 2026-11-02, so it cannot be formed before it; give \
      2026-11-02 or later, or link the milestone it does change with --changes ID
      """))) {
      try await store.amendMilestone(id: change.milestone.id, MilestoneAmendment(formedOn: day("2026-10-30"), reason: "更正"), actor: "李工")
    }
    await #expect(throws: StoreError.self) {
      try await store.amendMilestone(id: original.milestone.id, MilestoneAmendment(formedOn: day("2026-11-20"), reason: "更正"), actor: "李工")
    }
    try await store.withdrawMilestone(id: change.milestone.id, reason: "错", actor: "李工")
    await #expect(throws: StoreError.changesWithdrawn(change.milestone.id)) {
      try await store.logMilestone(MilestoneEntry(kind: "bidding.contract", formedOn: day("2026-11-20")), project: bund.code,
                                   changing: change.milestone.id, actor: "王工")
    }
  }
}

extension StoreContractTests {
  /// A change logged without what it changes, or linked to the wrong milestone, is linked by an amendment, checked as
  /// `log` checks a link, and never into a circle.
  @Test(arguments: StoreFactory.allCases)
  func anAmendmentLinksWhatAMilestoneChanges(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    try await store.addProject(school, actor: "王工")
    func log(_ date: String, _ ref: String, in project: Project = bund) async throws -> Int64 {
      try await store.logMilestone(MilestoneEntry(kind: "bidding.contract", formedOn: day(date), reference: ref), project: project.code,
                                   changing: nil, actor: "王工").milestone.id
    }
    let contract = try await log("2026-11-02", "HT-1")
    let sameDay = try await log("2026-11-02", "HT-2")
    let change = try await log("2026-11-10", "HT-1-BG")
    let later = try await log("2026-11-20", "HT-3")
    let elsewhere = try await log("2026-11-01", "HT-9", in: school)
    func amend(_ id: Int64, _ link: ChangeLink) async throws -> StoredMilestone {
      try await store.amendMilestone(id: id, MilestoneAmendment(changes: link, reason: "关联原合同"), actor: "李工")
    }
    // When the change is linked to the contract
    let linked = try await amend(change, .to(contract))
    // Then it changes it, logged as an amendment with its reason
    #expect(linked.milestone.changes == contract)
    #expect(linked.amendments?.count == 1 && linked.amendments?.reason == "关联原合同")
    let logged = try #require(try await store.history(of: bund.code).last)
    #expect(logged.action == "amend" && (logged.after ?? "").contains("\"changesId\":\(contract)"))
    // A link the register would refuse to `log` is refused, and so is one that closes a circle
    await #expect(throws: StoreError.invalid(.changesLaterMilestone("milestone \(later) of 2026-11-20"))) { try await amend(change, .to(later)) }
    await #expect(throws: StoreError.milestoneOfAnotherProject(milestone: elsewhere, project: school.code.rawValue, expected: bund.code.rawValue)) {
      try await amend(change, .to(elsewhere))
    }
    await #expect(throws: StoreError.unknownMilestone(999)) { try await amend(change, .to(999)) }
    await #expect(throws: StoreError.self) { try await amend(change, .to(change)) }
    _ = try await amend(sameDay, .to(contract))
    await #expect(throws: StoreError.self) { try await amend(contract, .to(sameDay)) }
    // and none of them changed the link
    #expect(try await store.milestone(id: change)?.milestone.changes == contract)
    // Removed, the change is information of its own again; removing it twice writes nothing
    #expect(try await amend(change, .removed).milestone.changes == nil)
    #expect(try await amend(change, .removed).amendments?.count == 2)
    // A withdrawn milestone holds nothing to change
    try await store.withdrawMilestone(id: later, reason: "重复", actor: "李工")
    await #expect(throws: StoreError.changesWithdrawn(later)) {
      try await store.amendMilestone(id: change, MilestoneAmendment(formedOn: day("2026-11-25"), changes: .to(later), reason: "更正"), actor: "李工")
    }
  }
}

@Suite struct NoticeSerialTests {
  @Test(arguments: StoreFactory.allCases)
  func serialsCountWithinTheYearAndAreNeverReused(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    let first = try await store.logMilestone(permit("2025-12-26", published: "2025-12-30"), project: bund.code, changing: nil, actor: "王工")
    let second = try await store.logMilestone(permit("2026-01-05", published: "2026-01-06"), project: bund.code, changing: nil, actor: "王工")
    let extra = try await store.disclose(milestone: second.milestone.id, Disclosure(publishedOn: day("2026-01-07"), channel: "信用中国（上海）"), actor: "王工")
    try await store.withdrawDisclosure(id: extra.id, reason: "错", actor: "王工")
    _ = try await store.disclose(milestone: second.milestone.id, Disclosure(publishedOn: day("2026-01-08"), channel: "信用中国（上海）"), actor: "王工")
    let serials = try await milestones(store).flatMap { $0.recordedDisclosures.map(\.serial) }
    #expect(serials == [NoticeSerial(year: 2025, number: 1), NoticeSerial(year: 2026, number: 1), NoticeSerial(year: 2026, number: 3)])
    #expect(first.recordedDisclosures[0].serial.indexNumber(organisation: "310110") == "310110-2025-00001")
  }
}

/// The profile a register is kept under, which every command applies to it.
@Suite struct RegisterProfileTests {
  /// A profile that does not define a kind the register's milestones are of, withdrawn ones included, is refused:
  /// every check and export would stop at them, and nothing would say why until then.
  @Test(arguments: StoreFactory.allCases)
  func aProfileWithoutAKindInUseIsRefused(factory: StoreFactory) async throws {
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    _ = try await store.logMilestone(MilestoneEntry(kind: "construction.site-sign", formedOn: try CivilDate(parsing: "2026-11-02")),
                                     project: bund.code, changing: nil, actor: "王工")
    _ = try await store.logMilestone(MilestoneEntry(kind: "bidding.contract", formedOn: try CivilDate(parsing: "2026-11-03")),
                                     project: bund.code, changing: nil, actor: "王工")
    await #expect(throws: StoreError.kindsOutsideProfile("national", [.init(kind: "construction.site-sign", count: 1, first: 1)])) {
      try await store.setProfile(rules("national", defining: ["bidding.contract"]), actor: "管理员", today: day("2026-12-02"))
    }
    #expect(try await store.profile() == "national")
    #expect(try await store.setProfile(rules("national+shanghai", defining: ["bidding.contract", "construction.site-sign"]), actor: "管理员", today: day("2026-12-02")) == "national")
  }

  /// Whether a tender notice put up before its documents went on sale stands is for the rules being recorded to say,
  /// not for the rules the store was opened with: a register must not be put under a profile its records break.
  @Test(arguments: StoreFactory.allCases)
  func aPublicationAheadIsJudgedUnderTheRulesBeingRecorded(factory: StoreFactory) async throws {
    let kind = "bidding.tender-notice"
    let ahead = rules("national", defining: [kind], period: .byTriggerDay)
    // Given a tender notice recorded five days ahead, through a store told it may be
    let store = try factory.make()
    let admitting = store.admittingEarlyPublications(under: ahead)
    try await admitting.addProject(bund, actor: "王工")
    _ = try await admitting.logMilestone(MilestoneEntry(kind: kind, formedOn: day("2026-03-10"), disclosures: [
      Disclosure(publishedOn: day("2026-03-05"), channel: portal, url: "https://example.gov.cn/2"),
    ]), project: bund.code, changing: nil, actor: "王工")
    // Then a profile counting its period from the sale is refused, through that store too
    await #expect(throws: StoreError.publicationsAheadOutsideProfile("national+shanghai", [PublicationAhead(
      disclosure: 1, published: day("2026-03-05"), kind: kind, formed: day("2026-03-10"), isChange: false)])) {
      try await admitting.setProfile(rules("national+shanghai", defining: [kind]), actor: "管理员", today: day("2026-12-02"))
    }
    #expect(try await store.profile() == "national")
    // And a profile wanting it public by the sale is recorded, through a store told nothing
    #expect(try await store.setProfile(rules("national+shanghai", defining: [kind], period: .byTriggerDay), actor: "管理员", today: day("2026-12-02"))
      == "national")
    #expect(try await store.profile() == "national+shanghai")
  }

  /// A tender notice logged the day it went up, for a sale day to come, is a record only a profile that wants it public
  /// by that day admits: under another, no check would judge it until the sale.
  @Test(arguments: StoreFactory.allCases)
  func aMilestoneFormedAfterTodayIsJudgedUnderTheRulesBeingRecorded(factory: StoreFactory) async throws {
    let kind = "bidding.tender-notice"
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    _ = try await store.logMilestone(MilestoneEntry(kind: kind, formedOn: day("2026-12-20")), project: bund.code, changing: nil, actor: "王工")
    let counted = rules("national+shanghai", defining: [kind])
    #expect(try await store.milestonesAheadRefused(under: counted, today: day("2026-12-02"))
      == [MilestoneAhead(milestone: 1, kind: kind, formed: day("2026-12-20"), isChange: false)])
    await #expect(throws: StoreError.milestonesAheadOutsideProfile(
      "national+shanghai", day("2026-12-02"), [MilestoneAhead(milestone: 1, kind: kind, formed: day("2026-12-20"), isChange: false)])) {
      try await store.setProfile(counted, actor: "管理员", today: day("2026-12-02"))
    }
    // On the sale day it is no longer ahead; and a profile wanting it by that day admits it before
    #expect(try await store.milestonesAheadRefused(under: counted, today: day("2026-12-20")).isEmpty)
    #expect(try await store.setProfile(rules("national+shanghai", defining: [kind], period: .byTriggerDay), actor: "管理员",
                                       today: day("2026-12-02")) == "national")
    // A change is named as one, with the field that governs it
    let change = MilestoneAhead.problem([MilestoneAhead(milestone: 2, kind: kind, formed: day("2026-12-26"), isChange: true),
                                         MilestoneAhead(milestone: 3, kind: kind, formed: day("2026-12-27"), isChange: true)],
                                        under: "p", today: day("2026-12-02"))
    #expect(change.hasPrefix("under p, a change of bidding.tender-notice may not be recorded for a day to come, and the register holds "
      + "milestone 2 (formed 2026-12-26) and milestone 3 (formed 2026-12-27), after today (2026-12-02)"), "\(change)")
    #expect(change.contains("gives that kind `change-period: by-trigger-day` admits"), "\(change)")
  }

  /// A refusal names every publication in the way, so that each can be withdrawn, and the field that would admit them:
  /// `change-period` for a change.
  @Test func publicationsAheadAreNamedEachWithTheFieldThatWouldAdmitThem() throws {
    func ahead(_ id: Int64, _ kind: String = "bidding.tender-notice", change: Bool = false) throws -> PublicationAhead {
      PublicationAhead(disclosure: id, published: try CivilDate(parsing: "2026-03-05"), kind: kind,
                       formed: try CivilDate(parsing: "2026-03-10"), isChange: change)
    }
    let many = try (1...55).map { try ahead(Int64($0)) }
    let listed = PublicationAhead.list(many)
    #expect(listed.hasPrefix("disclosure 1 (published 2026-03-05, milestone formed 2026-03-10), disclosure 2 ("))
    #expect(listed.hasSuffix(", and disclosures 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, "
      + "26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53 and 2 more"))
    #expect(PublicationAhead.list(Array(many.prefix(4))).hasSuffix("milestone formed 2026-03-10), and disclosure 4"))
    #expect(PublicationAhead.remedy([try ahead(7, change: true)]).hasPrefix(
      "a profile that gives that kind `change-period: by-trigger-day` admits it; otherwise withdraw each such record (`gongkai withdraw --disclosure 7 "))
    #expect(PublicationAhead.remedy([try ahead(7), try ahead(8, "approval-result.eia-submission-notice", change: true)]).hasPrefix(
      "a profile that gives those kinds `period: by-trigger-day` (`change-period: by-trigger-day` for a change) admits them;"))
    #expect(PublicationAhead.kinds([try ahead(1), try ahead(2, "x.y"), try ahead(3)]) == ["bidding.tender-notice", "x.y"])
  }

  @Test(arguments: StoreFactory.allCases)
  func aRegisterIsNationalUntilAnotherProfileIsRecordedAndEveryChangeIsLogged(factory: StoreFactory) async throws {
    // Given a new register
    let store = try factory.make()
    try await store.addProject(bund, actor: "王工")
    #expect(try await store.profile() == "national")
    // When national is recorded again, nothing is written
    #expect(try await store.setProfile(rules("national"), actor: "王工", today: day("2026-12-02")) == "national")
    #expect(try await store.registerHistory().isEmpty)
    // When the register is put under Shanghai's rules, then back under the national ones
    #expect(try await store.setProfile(rules("national+shanghai"), actor: "管理员", today: day("2026-12-02")) == "national")
    #expect(try await store.profile() == "national+shanghai")
    #expect(try await store.setProfile(rules("national+shanghai"), actor: "管理员", today: day("2026-12-02")) == "national+shanghai")
    #expect(try await store.setProfile(rules("national"), actor: "李工", today: day("2026-12-02")) == "national+shanghai")
    // Then each change is in the register's history, who and before and after, and nowhere in a project's
    let changes = try await store.registerHistory()
    #expect(changes.map(\.actor) == ["管理员", "李工"])
    #expect(changes.map(\.action) == ["update", "update"])
    #expect(changes.map(\.entity) == ["register", "register"])
    #expect(changes.map(\.before) == [#"{"id":1,"profile":"national"}"#, #"{"id":1,"profile":"national+shanghai"}"#])
    #expect(changes.map(\.after) == [#"{"id":1,"profile":"national+shanghai"}"#, #"{"id":1,"profile":"national"}"#])
    #expect(try await store.profile() == "national")
    #expect(try await store.history(of: bund.code).map(\.entity) == ["project"])
    // And the chain holds them, the register's row agreeing with its last change
    #expect(try await store.checkAgainstChangeLog(publishedHead: nil, divergenceLimit: 10).chain.rows == 3)
    #expect(try await store.checkAgainstChangeLog(publishedHead: nil, divergenceLimit: 10).chain.broken == nil)
    #expect(try await store.checkAgainstChangeLog(publishedHead: nil, divergenceLimit: 10).divergences().isEmpty)
  }
}
