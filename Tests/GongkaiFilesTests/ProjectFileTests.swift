import Foundation
import GongkaiCore
import GongkaiReference
import Testing
@testable import GongkaiFiles

let catalogue = try! RuleCatalogue.load(resources: try! BundledResources.folder())
let today = try! CivilDate(parsing: "2026-11-27")

func parse(_ text: String) throws(FileProblems) -> ProjectDocument {
  do { return try ProjectFile.parse(YAMLValue.parse(text, file: "p.yaml"), catalogue: catalogue, today: today) } catch let error as FileProblems {
    throw error
  } catch {
    throw FileProblems([error as! FileProblem])
  }
}

func problems(_ text: String) -> [String] {
  do {
    _ = try parse(text)
    return []
  } catch {
    return error.problems.map(\.description)
  }
}

@Suite struct ProjectFileTests {
  let valid = """
    code: 2024-310110-48-01-000123
    name: 杨浦滨江南段公共空间提升工程
    total-investment: 125000.5
    responsible-unit: 杨浦区建设和管理委员会
    milestones:
      - kind: bidding.contract
        formed: 2024-06-20
        ref: YPBJ-SG-2024-01
        disclosures:
          - published: 2024-07-01
            channel: 上海市公共资源交易平台
            url: https://ggzy.example/1
      - kind: bidding.contract
        formed: 2024-09-02
        summary: 合同变更
        changes: bidding.contract@2024-06-20
    """

  @Test func readsTheDocumentedForm() throws {
    let document = try parse(valid)
    #expect(document.project.code.rawValue == "2024-310110-48-01-000123")
    #expect(document.project.totalInvestment == "125000.5")
    #expect(document.milestones.count == 2)
    #expect(document.milestones[0].disclosures.first?.channel == "上海市公共资源交易平台")
    #expect(document.milestones[1].changes == MilestoneKey(kind: "bidding.contract", formedOn: try CivilDate(parsing: "2024-06-20"), reference: "YPBJ-SG-2024-01"))
  }

  @Test func listsEveryProblemWithItsLine() {
    let found = problems("""
      code: 2024-31011-48-01-000123
      name: 杨浦滨江
      responsible-unit: 杨浦区建设和管理委员会
      colour: blue
      milestones:
        - kind: bidding.result
          formed: 2023-02-29
        - kind: bidding.result
          formed: 2199-01-01
        - kind: bidding.result
          formed: 2026-01-05
          disclosures:
            - published: 2026-01-04
              channel: 门户网站
              url: not a url
        - kind: bidding.contract
          formed: 2026-01-05
        - kind: bidding.contract
          formed: 2026-01-05
      """)
    #expect(found == [
      "p.yaml:1: code: project code '2024-31011-48-01-000123' is malformed; use the national 项目代码 form YYYY-DDDDDD-DD-DD-DDDDDD, e.g. 2024-310110-48-01-000123",
      "p.yaml:4: colour: unknown field; expected one of code, legal-person, location, milestones, name, responsible-unit, total-investment",
      "p.yaml:7: milestones[0].formed: '2023-02-29' is not a date: that month has 28 days; use YYYY-MM-DD",
      "p.yaml:9: milestones[1].formed: formed 2199-01-01 is in the future (today is 2026-11-27 in China Standard Time); record information once it is formed",
      "p.yaml:13: milestones[2].disclosures[0].published: published 2026-01-04 is before the information was formed (2026-01-05); check the dates",
      "p.yaml:15: milestones[2].disclosures[0].url: url 'not a url' is not accepted: use the full address of the publication, starting with https://",
      "p.yaml:18: milestones[4]: milestone bidding.contract 2026-01-05 is listed twice (first at line 16); keep one",
    ])
  }

  @Test func anUnknownKindIsNamedAtItsLine() {
    let found = problems("""
      code: 2024-310110-48-01-000123
      name: 杨浦滨江
      responsible-unit: 杨浦区建设和管理委员会
      milestones:
        - kind: bidding.nothing
          formed: 2026-01-05
      """)
    #expect(found == ["p.yaml:5: milestones[0].kind: unknown item kind 'bidding.nothing'; `gongkai rules` lists the codes"])
  }

  @Test func aChangesReferenceMustPointIntoTheFile() {
    let found = problems("""
      code: 2024-310110-48-01-000123
      name: 杨浦滨江
      responsible-unit: 杨浦区建设和管理委员会
      milestones:
        - kind: bidding.contract
          formed: 2026-01-05
          changes: bidding.contract@2025-12-01
        - kind: bidding.contract
          formed: 2026-02-05
          changes: the contract
      """)
    #expect(found == [
      "p.yaml:7: milestones[0].changes: no milestone 'bidding.contract@2025-12-01' in this file; the changed milestone must be listed too",
      "p.yaml:10: milestones[1].changes: 'the contract' is not a milestone reference; write KIND@YYYY-MM-DD, e.g. bidding.contract@2024-06-20, adding #REF when the milestone has a ref",
    ])
  }

  @Test func aMilestoneCannotChangeItselfNorBeChangedBackOnTheSameDay() {
    let found = problems("""
      code: 2024-310110-48-01-000123
      name: 杨浦滨江
      responsible-unit: 杨浦区建设和管理委员会
      milestones:
        - kind: bidding.contract
          formed: 2025-06-20
          changes: bidding.contract@2025-06-20
        - kind: bidding.result
          formed: 2025-07-01
          changes: bidding.penalty@2025-07-01
        - kind: bidding.penalty
          formed: 2025-07-01
          changes: bidding.result@2025-07-01
        - kind: construction.participants
          formed: 2025-07-02
          changes: bidding.penalty@2025-07-01
      """)
    #expect(found == [
      "p.yaml:7: milestones[0].changes: changes 'bidding.contract@2025-06-20': a milestone cannot change itself, directly or through milestones of the same day; remove the link",
      "p.yaml:10: milestones[1].changes: changes 'bidding.penalty@2025-07-01': a milestone cannot change itself, directly or through milestones of the same day; remove the link",
    ])
  }

  @Test func writingAndReadingBackIsTheIdentity() throws {
    var document = try parse(valid)
    document.project.legalPerson = "null"
    document.project.location = "yes: 12, #3 \"东\""
    document.milestones[0].summary = "12"
    document.milestones[1].summary = "第一行\n第二行：'引号'"
    document.milestones[1].withdrawnReason = "- 重复登记"
    let text = try ProjectFile.render(document)
    #expect(try parse(text) == document)
    #expect(text.contains("name: 杨浦滨江南段公共空间提升工程"))  // Chinese written as it is, not escaped
  }

  @Test func theSampleProjectsAreValid() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Projects").standardized
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
    #expect(files.count >= 3)
    for name in files {
      let document = try ProjectFile.read(folder.appendingPathComponent(name), catalogue: catalogue, today: today)
      #expect(name == "\(document.project.code).yaml")
    }
  }
}
