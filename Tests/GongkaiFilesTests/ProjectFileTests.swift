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

/// A project file's first lines, up to its milestones, for tests about one milestone.
let projectHead = "code: 2024-310110-48-01-000123\nname: 杨浦滨江\nresponsible-unit: 杨浦区建设和管理委员会\nmilestones:\n"

func problems(_ text: String) -> [String] {
  do {
    _ = try parse(text)
    return []
  } catch {
    return error.problems.map(\.description)
  }
}

@Suite struct ProjectFileTests {
  /// A withdrawn milestone may share its key with others withdrawn or with the one recorded again in force; a link
  /// names the one in force, else the last withdrawn one listed before it, as `export project` writes them.
  @Test func withdrawnMilestonesMayShareAKeyAndLinksFindTheirOwn() throws {
    let document = try parse("""
      code: 2024-310110-48-01-000123
      name: 杨浦滨江南段公共空间提升工程
      responsible-unit: 杨浦区建设和管理委员会
      milestones:
        - {kind: bidding.contract, formed: 2024-06-20, ref: HT-1, withdrawn: 重复登记}
        - {kind: bidding.contract, formed: 2024-06-20, ref: HT-1, withdrawn: 重复登记}
        - {kind: bidding.contract, formed: 2024-09-02, ref: HT-1-BG, changes: "bidding.contract@2024-06-20#HT-1", withdrawn: 合同未变更}
        - {kind: bidding.contract, formed: 2024-06-20, ref: HT-1}
        - {kind: bidding.contract, formed: 2024-10-08, ref: HT-1-BG2, changes: "bidding.contract@2024-06-20#HT-1"}
      """)
    #expect(document.milestones.count == 5)
    #expect(document.milestones[2].changes == document.milestones[1].key)
    #expect(document.milestones[4].changes == document.milestones[3].key)
    // Two in force under one key is still a mistake
    #expect(problems("""
      code: 2024-310110-48-01-000123
      name: 杨浦滨江南段公共空间提升工程
      responsible-unit: 杨浦区建设和管理委员会
      milestones:
        - {kind: bidding.contract, formed: 2024-06-20, ref: HT-1}
        - {kind: bidding.contract, formed: 2024-06-20, ref: HT-1}
      """).first?.contains("is listed twice") == true)
  }

  /// A blank optional field (an empty string, a full-width space an input method typed) is the field left out, as a
  /// blank cell or an empty option is: kept as an empty text, a milestone's blank unit named no one in the alerts and
  /// no 发布机构 on its page. A blank reason to withdraw stays refused: it would put the milestone in force.
  @Test func aBlankOptionalFieldIsLeftOut() throws {
    let document = try parse("""
      code: 2024-310110-48-01-000123
      name: 杨浦滨江
      responsible-unit: 杨浦区建设和管理委员会
      legal-person: ""
      location: "\u{3000}"
      total-investment: " "
      milestones:
        - {kind: construction.participants, formed: 2026-11-02, ref: "\u{3000}", summary: "", unit: ""}
      """)
    #expect(document.project.legalPerson == nil && document.project.location == nil && document.project.totalInvestment == nil)
    let milestone = try #require(document.milestones.first)
    #expect(milestone.reference == nil && milestone.summary == nil && milestone.responsibleUnit == nil)
    #expect(problems(projectHead + "  - {kind: construction.participants, formed: 2026-11-02, withdrawn: \"\u{3000}\"}\n")
      .first?.contains("give the reason the record was made by mistake") == true)
  }

  /// Projects/README.md's fully commented form is what staff copy: it must import as it stands.
  @Test func theCommentedFormInProjectsReadmeReads() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Projects/README.md")
    let text = try String(contentsOf: readme.standardized, encoding: .utf8)
    let start = try #require(text.range(of: "```yaml\n"))
    let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
    let document = try parse(String(text[start.upperBound..<end.lowerBound]))
    #expect(document.milestones.map(\.kind) == ["approval-result.feasibility-study", "bidding.contract", "bidding.contract",
                                                 "construction.participants"])
    #expect(document.milestones[2].changes == document.milestones[1].key)
  }

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

  @Test func aFieldWrittenAsABlockLosesOnlyYAMLsFinalLineBreak() throws {
    let document = try parse("""
      code: 2024-310110-48-01-000123
      name: >
        杨浦滨江公共空间
        贯通工程
      responsible-unit: |
        杨浦区建设和管理委员会
      milestones:
        - kind: bidding.result
          formed: 2024-06-20
          ref: >
            YP-1
          summary: |
            第一行
            第二行
          unit: 杨浦区建设和管理委员会
      """)
    #expect(document.project.name == "杨浦滨江公共空间贯通工程")  // no space between Chinese characters
    #expect(document.project.responsibleUnit == "杨浦区建设和管理委员会")
    #expect(document.milestones[0].reference == "YP-1")
    // A summary may hold line breaks, kept as written; not the one YAML ends a block with, which pages would show
    #expect(document.milestones[0].summary == "第一行\n第二行")
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
      "p.yaml:9: milestones[1].formed: 2199-01-01 is in the future (today is 2026-11-27 in China Standard Time); the register records what has happened: check the date",
      "p.yaml:13: milestones[2].disclosures[0].published: 2026-01-04 is before the information was formed (2026-01-05); check the dates",
      "p.yaml:15: milestones[2].disclosures[0].url: 'not a url' is not accepted: use the full address of the publication, starting with https:// (or http://)",
      "p.yaml:18: milestones[4]: milestone bidding.contract 2026-01-05 is listed twice (first at line 16); keep one",
    ])
  }

  /// A publication listed twice under its channel spelt with other spaces (a no-break space pasted from a web page)
  /// is one publication, which the register would show twice under two 索引号: refused at its line, the spellings named.
  @Test func aPublicationListedTwiceWithItsChannelSpeltOtherwiseIsRefused() {
    let found = problems(projectHead + """
        - kind: bidding.contract
          formed: 2026-01-05
          disclosures:
            - {published: 2026-01-06, channel: 区政府网站}
            - {published: 2026-01-06, channel: "区政府\\u00A0网站"}
            - {published: 2026-01-07, channel: 区政府 网站}

      """)
    #expect(found == ["p.yaml:9: milestones[0].disclosures[1]: the publication of 2026-01-06 '区政府\u{A0}网站' is listed twice (first "
      + "at line 8, its channel spelt '区政府网站' with other spaces (U+00A0 here)); keep one"], "\(found)")
  }

  /// A milestone withdrawn in a file says why, as `gongkai withdraw --reason` must: an empty reason or a yes/no
  /// would withdraw an obligation with nothing for the audit to show.
  @Test(arguments: ["''", "'   '", "'　'", "true", "yes", "否"])
  func aWithdrawalWithoutAReasonIsRefusedAtItsLine(value: String) {
    let found = problems(projectHead + "  - kind: bidding.contract\n    formed: 2026-01-05\n    withdrawn: \(value)\n")
    #expect(found.count == 1 && found[0].hasPrefix("p.yaml:7: milestones[0].withdrawn: '"), "\(found)")
    #expect(found.first?.contains("e.g. withdrawn: 日期填错") == true)
  }

  /// The mark a project's withdrawal gives its milestones' reasons is its alone: a milestone withdrawn in a file with
  /// it would be put back in force with the project, were that reinstated.
  @Test func aWithdrawalReasonWithTheProjectWithdrawalMarkIsRefused() {
    let found = problems(projectHead + "  - kind: bidding.contract\n    formed: 2026-01-05\n    withdrawn: （项目撤回）代码错误\n")
    #expect(found == ["p.yaml:7: milestones[0].withdrawn: '（项目撤回）代码错误' is not accepted: （项目撤回） marks the milestones a project's withdrawal takes with it; give the reason without it"])
  }

  /// Quoted, a yes or no is the reason given: `gongkai withdraw --reason no` is exported so, and must import again.
  @Test func aQuotedYesOrNoIsAReason() throws {
    let document = try parse(projectHead + "  - kind: bidding.contract\n    formed: 2026-01-05\n    withdrawn: \"no\"\n")
    #expect(document.milestones.first?.withdrawnReason == "no")
  }

  @Test func anUnknownKindIsNamedAtItsLine() {
    let found = problems(projectHead + "  - kind: bidding.nothing\n    formed: 2026-01-05\n")
    #expect(found == ["p.yaml:5: milestones[0].kind: unknown item kind 'bidding.nothing'; use the code of a kind the rules define (`gongkai rules` lists the codes)"])
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
        - kind: bidding.penalty
          formed: 2025-07-01
          ref: A
          changes: bidding.penalty@2025-07-01#B
        - kind: bidding.penalty
          formed: 2025-07-01
          ref: B
          changes: bidding.penalty@2025-07-01#A
        - kind: bidding.penalty
          formed: 2025-07-02
          ref: C
          changes: bidding.penalty@2025-07-01#A
      """)
    #expect(found == [
      "p.yaml:7: milestones[0].changes: 'bidding.contract@2025-06-20': a milestone cannot change itself, directly or through milestones of the same day; remove the link",
      "p.yaml:11: milestones[1].changes: 'bidding.penalty@2025-07-01#B': a milestone cannot change itself, directly or through milestones of the same day; remove the link",
    ])
  }

  /// A link the rules do not make is refused at its line, naming both kinds and what the changing kind may change;
  /// one they make (a withdrawal of a tendering penalty, a permit change of a planning permit) is read.
  @Test func aChangeOfAnUnrelatedKindIsRefusedAtItsLine() throws {
    let found = problems("""
      code: 2024-310110-48-01-000123
      name: 杨浦滨江
      responsible-unit: 杨浦区建设和管理委员会
      milestones:
        - kind: bidding.candidates
          formed: 2026-10-20
        - kind: completion.acceptance
          formed: 2026-11-03
          changes: bidding.candidates@2026-10-20
      """)
    #expect(found == [
      "p.yaml:9: milestones[1].changes: 'bidding.candidates@2026-10-20': a milestone of completion.acceptance cannot change one of bidding.candidates; link a milestone of completion.acceptance, or remove the link (`gongkai rules` lists what each kind may change)",
    ])
    let document = try parse("""
      code: 2024-310110-48-01-000123
      name: 杨浦滨江
      responsible-unit: 杨浦区建设和管理委员会
      milestones:
        - kind: bidding.penalty
          formed: 2026-10-20
        - kind: quality-safety.penalty-withdrawal
          formed: 2026-11-03
          changes: bidding.penalty@2026-10-20
        - kind: approval-result.construction-planning-permit
          formed: 2026-10-20
        - kind: design-change.permit-change
          formed: 2026-11-03
          changes: approval-result.construction-planning-permit@2026-10-20
      """)
    #expect(document.milestones.compactMap(\.changes?.kind) == ["bidding.penalty", "approval-result.construction-planning-permit"])
  }

  /// Spaces typed around a value (a full-width one before a unit, a no-break one after a channel) are not part of it,
  /// as options and spreadsheet cells have it: the unit is the one `check --unit` selects, and counts with its own.
  @Test func spacesAroundAValueAreNotPartOfIt() throws {
    let document = try parse("""
      code: 2024-310110-48-01-000123
      name: " 杨浦滨江 "
      responsible-unit: "\u{3000}杨浦区建设和管理委员会"
      milestones:
        - kind: bidding.contract
          formed: 2024-06-20
          ref: "YPBJ-01\u{00A0}"
          unit: " 杨浦区建设管理中心"
          disclosures:
            - published: 2024-07-01
              channel: "上海市公共资源交易平台\u{3000}"
              url: " https://ggzy.example/1 "
      """)
    #expect(document.project.name == "杨浦滨江")
    #expect(document.project.responsibleUnit == "杨浦区建设和管理委员会")
    let milestone = try #require(document.milestones.first)
    #expect(milestone.reference == "YPBJ-01" && milestone.responsibleUnit == "杨浦区建设管理中心")
    #expect(milestone.disclosures.map(\.channel) == ["上海市公共资源交易平台"])
    #expect(milestone.disclosures.map(\.url) == ["https://ggzy.example/1"])
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
    // A summary of several lines as the block staff write (Projects/README.md), whatever its lines hold
    #expect(text.contains("  summary: |-\n    第一行\n    第二行：'引号'\n"), "\(text)")
    for summary in ["第一行  \n\n第三行", "第一行\n  - 缩进的列表\n# 不是注释", "第一行\n\t第二行"] {
      document.milestones[1].summary = summary
      #expect(try parse(try ProjectFile.render(document)) == document, "\(summary)")
    }
    // A text wrapped in an input method's quotes, stored before files and sheets refused them, is written quoted, as
    // reading refuses it plain.
    document.milestones[1].summary = "“美丽家园”"
    document.project.name = "「杨浦滨江」"
    let quoted = try ProjectFile.render(document)
    #expect(quoted.contains("summary: \"“美丽家园”\"\n"), "\(quoted)")
    #expect(try parse(quoted) == document)
  }

  /// What `export project` would lose writing over a file: staff's comments, told apart from a `#` in a value, in
  /// quotes or a block, and from the one line gongkai writes itself.
  @Test func theCommentsOfAHandWrittenFileAreCountedAndThoseOfAWrittenOneAreNot() throws {
    var document = try parse(valid)
    document.project.location = "yes: 12, #3 \"东\" # 号"
    document.milestones[1].summary = "第一行\n# 第二行 #3"
    document.milestones[1].reference = "YP#1"
    let written = try ProjectFile.render(document)
    #expect(written.hasPrefix("# 项目文件 2024-310110-48-01-000123: written by `gongkai export project`"))
    #expect(ProjectFile.commentLines(in: written) == 0, "\(written)")
    #expect(ProjectFile.commentLines(in: valid) == 0)
    let readme = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Projects/README.md"), encoding: .utf8)
    let form = try #require(readme.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
    #expect(ProjectFile.commentLines(in: form) == form.split(separator: "\n").filter { $0.contains("#") }.count)  // every # there opens one
    #expect(ProjectFile.commentLines(in: projectHead + """
        - kind: bidding.contract   # 合同
          formed: 2025-06-10
          summary: |  # 两行
            第一行 # 不是注释
          ref: 'A # B' # 注释
      # 结束

      """) == 4)
    // Saved with CR LF line ends, as an editor on Windows may: the same lines, read one by one
    #expect(ProjectFile.commentLines(in: written.replacingOccurrences(of: "\n", with: "\r\n")) == 0)
    #expect(ProjectFile.commentLines(in: "code: 2024-310110-48-01-000123\r\n# 注释一\r\nname: x # 二\r\n# 三\r\n") == 3)
    // A quote doubled within single quotes, and a value ending in > that opens no block
    #expect(ProjectFile.commentLines(in: "name: 'it''s #1'\nlocation: '#2' # 三\n") == 1)
    #expect(ProjectFile.commentLines(in: projectHead + "  - summary: 面积 >5\n    kind: bidding.result # 注释\n") == 1)
    // A block opened by a list item's first key ends at the item's next key; a line less indented than its text ends it
    #expect(ProjectFile.commentLines(in: projectHead + "  - summary: |\n      招标公告\n    kind: bidding.result # 待核实\n") == 1)
    #expect(ProjectFile.commentLines(in: projectHead + "  - kind: bidding.result\n    summary: |\n        文字\n      # 注释\n") == 1)
    // A byte order mark before a first line's comment; a quoted value going on over lines, with a # in it
    #expect(ProjectFile.commentLines(in: "\u{FEFF}# 勿删\ncode: 2024-310110-48-01-000123\n") == 1)
    #expect(ProjectFile.commentLines(in: "name: x\nsummary: \"第一行\n  # 第二行\"\n") == 0)
  }

  /// libyaml escapes a character beyond the Basic Multilingual Plane, such as the 𠀋 of a place name; the file has it
  /// as itself, and text that holds such an escape literally reads back as it was.
  @Test func writesRareCharactersAsThemselves() throws {
    var document = try parse(valid)
    document.project.name = "杨浦𠀋〇号"
    document.milestones[0].summary = #"C:\U0002000B 与 𠀋"#
    document.milestones[1].summary = #"路径 "C:\U0002000B" 第二行"#
    let text = try ProjectFile.render(document)
    #expect(text.contains("name: \"杨浦𠀋〇号\"\n"), "\(text)")
    #expect(!text.contains(#"\U0002000B〇"#))
    #expect(try parse(text) == document)
  }

  /// Two milestones of one kind and day, one with a 文号 and one without: a change of the one without is written
  /// `KIND@DATE#`, which reads back as that one, where `KIND@DATE` would match both.
  @Test func aChangeOfTheMilestoneWithoutARefBesideOneWithItReadsBack() throws {
    let document = try parse(projectHead + """
        - {kind: bidding.contract, formed: 2025-06-10}
        - {kind: bidding.contract, formed: 2025-06-10, ref: HT-2}
        - {kind: bidding.contract, formed: 2025-07-10, ref: BG, changes: "bidding.contract@2025-06-10#"}

      """)
    #expect(document.milestones[2].changes == MilestoneKey(kind: "bidding.contract", formedOn: try CivilDate(parsing: "2025-06-10")))
    let text = try ProjectFile.render(document)
    #expect(text.contains("changes: \"bidding.contract@2025-06-10#\"\n"), "\(text)")
    #expect(try parse(text) == document)
    let ambiguous = problems(projectHead + """
        - {kind: bidding.contract, formed: 2025-06-10}
        - {kind: bidding.contract, formed: 2025-06-10, ref: HT-2}
        - {kind: bidding.contract, formed: 2025-07-10, ref: BG, changes: "bidding.contract@2025-06-10"}

      """)
    #expect(ambiguous.first?.hasSuffix("e.g. bidding.contract@2025-06-10#, or # alone for the one without a ref") == true, "\(ambiguous)")
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

  /// A comment written as comments are, `# ` after a value, is a comment; a '#' inside a quoted value or with no space
  /// before it is part of the value, as are quotes within a value; a comment glued after a day or a kind loses nothing.
  @Test func aCommentAfterAValueIsReadAsOneAndAHashInsideAValueIsKept() throws {
    let document = try parse("""
      code: 2024-310110-48-01-000123   # 项目代码
      name: "新江湾城 #2地块 配套道路工程"
      total-investment: 12500 #万元
      responsible-unit: 建委 # 责任单位
      milestones:
        - kind: bidding.result #中标结果
          ref: 杨建许#12
          summary: “十四五”与“十五五”衔接
          formed: 2026-10-12 #周一

      """)
    #expect(document.project.name == "新江湾城 #2地块 配套道路工程")
    #expect(document.project.responsibleUnit == "建委" && document.project.totalInvestment == "12500")
    #expect(document.milestones.map(\.reference) == ["杨建许#12"])
    // Quotes inside a value are its own.
    #expect(document.milestones.map(\.summary) == ["“十四五”与“十五五”衔接"])
  }

  /// Each mistake is named at the line a person edits, not where the YAML reader noticed it.
  @Test(arguments: [
    // An unclosed quote is noticed at the end of the file, past its last line.
    ("code: 2024-310110-48-01-000123\nname: \"杨浦滨江\nresponsible-unit: 建委\n",
     "p.yaml:2: YAML syntax: the quoted value starting on this line is never closed; add the closing quote"),
    // A field without its colon is noticed on the next line.
    ("code: 2024-310110-48-01-000123\nresponsible-unit 建委\nname: 杨浦滨江\n",
     "p.yaml:2: YAML syntax: the line has no ':' after its field name; write 'field: value'"),
    ("code: 2024-310110-48-01-000123\nname: [杨浦滨江\nresponsible-unit: 建委\n",
     "p.yaml:2: YAML syntax: the list '[' opened on this line is never closed; add ']'"),
    ("code: 2024-310110-48-01-000123\nname: x\nresponsible-unit: x\nmilestones:\n  - kind: bidding.result\n\tformed: 2024-01-01\n",
     "p.yaml:6: YAML syntax: found a tab character that violates indentation; indent with spaces, never tabs"),
    // A list item indented with a tab, as Notepad's Tab key does, is refused with another of libyaml's problems.
    ("code: 2024-310110-48-01-000123\nname: x\nresponsible-unit: x\nmilestones:\n\t- kind: bidding.result\n",
     "p.yaml:5: YAML syntax: found character that cannot start any token; indent with spaces, never tabs"),
    // A field indented a space short of its entry's.
    ("code: 2024-310110-48-01-000123\nname: x\nresponsible-unit: x\nmilestones:\n  - kind: bidding.result\n   formed: 2024-01-01\n",
     "p.yaml:6: YAML syntax: did not find expected '-' indicator; indent this line as the lines of its list or entry above it are"),
    ("code: 2024-310110-48-01-000123\nname: 中标结果: 第一标段\nresponsible-unit: 建委\n",
     "p.yaml:2: YAML syntax: mapping values are not allowed in this context; put a value that contains ': ' in quotes"),
    // What a Chinese input method types in place of YAML's punctuation: a full-width colon, noticed by libyaml
    // on the line after it when the file starts so, and full-width spaces in the indentation or after a '-'.
    ("code: 2024-310110-48-01-000123\nname：杨浦滨江\nresponsible-unit: 建委\n",
     "p.yaml:2: YAML syntax: 'name' is followed by a full-width '：'; write an ASCII ':' and a space ('name: value')"),
    ("code：2024-310110-48-01-000123\nname: 杨浦滨江\nresponsible-unit: 建委\n",
     "p.yaml:1: YAML syntax: 'code' is followed by a full-width '：'; write an ASCII ':' and a space ('code: value')"),
    ("code: 2024-310110-48-01-000123\nname: x\nresponsible-unit: x\nmilestones:\n  - kind: bidding.result\n  \u{3000}formed: 2024-01-01\n",
     "p.yaml:6: YAML syntax: the line is indented with a full-width space (U+3000); indent with ASCII spaces"),
    ("code: 2024-310110-48-01-000123\nname: x\nresponsible-unit: x\nmilestones:\n  -\u{3000}kind: bidding.result\n    formed: 2024-01-01\n",
     "p.yaml:5: YAML syntax: the '-' of a list entry is followed by a full-width space (U+3000); write an ASCII space after it"),
    ("code: 2024-310110-48-01-000123\nname: x\nresponsible-unit: x\nmilestones:\n  - kind: bidding.result\n    formed: 2024-01-01\n\u{3000}\u{3000}ref: A-1\n",
     "p.yaml:7: ref: indented with a full-width space (U+3000); indent with ASCII spaces"),
    // A comment after a full-width space is no comment to YAML, and a full-width space after ':' no separator.
    ("code: 2024-310110-48-01-000123\nname: 新江湾城道路工程\u{3000}# 注释\nresponsible-unit: 建委\n",
     "p.yaml:2: name: '#' after a full-width space is kept as part of the value, not read as a comment: type an ASCII space and '#' before a comment, or remove it"),
    ("code: 2024-310110-48-01-000123\nname: x\nlegal-person:\u{3000}某公司\nresponsible-unit: 建委\n",
     "p.yaml:3: YAML syntax: 'legal-person:' is followed by a full-width space; type an ASCII space after the ':' ('legal-person: value')"),
    ("code: 2024-310110-48-01-000123\nname: x\nresponsible-unit: x\nmilestones:\n  －kind: bidding.result\n    formed: 2024-01-01\n",
     "p.yaml:5: YAML syntax: the list entry starts with a full-width dash '－'; type an ASCII '-' followed by a space"),
    // A list entry begun with a full-width dash, or with its '-' glued to the field.
    ("code: 2024-310110-48-01-000123\nname: x\nresponsible-unit: x\nmilestones:\n－ kind: bidding.result\n  formed: 2024-01-01\n",
     "p.yaml:5: YAML syntax: the list entry starts with a full-width dash '－'; type an ASCII '-' followed by a space"),
    ("code: 2024-310110-48-01-000123\nname: x\nresponsible-unit: x\nmilestones:\n  -kind: bidding.result\n    formed: 2024-01-01\n",
     "p.yaml:5: YAML syntax: the '-' of a list entry needs a space after it: write '- kind: …'"),
    // A field indented a space further than the one above it reads as that one's value going on.
    ("code: 2024-310110-48-01-000123\nname: x\nresponsible-unit: x\nmilestones:\n  - kind: bidding.result\n    formed: 2024-01-01\n     ref: A-1\n",
     "p.yaml:7: YAML syntax: this line is indented further than the field on line 6 above it; indent it as that field is (a value that contains ': ' goes in quotes)"),
    // A '#' glued to text after a value starts a comment YAML drops, and the value would lose what follows.
    ("code: 2024-310110-48-01-000123\nname: 新江湾城 #2地块 配套道路工程\nresponsible-unit: 建委\n",
     "p.yaml:2: name: '#2地块 配套道路工程' after the value is read as a YAML comment and dropped, leaving '新江湾城': if it belongs to the value, put the whole value in quotes, \"新江湾城 #2地块 配套道路工程\"; if it is a comment, write a space after its '#'"),
    // Quotes an input method types are text to YAML: a value wrapped whole in them is refused.
    ("code: 2024-310110-48-01-000123\nname: “杨浦滨江”\nresponsible-unit: 建委\n",
     "p.yaml:2: name: the value is wrapped in “”, which YAML keeps as part of it: remove them (a value that needs quoting takes ASCII quotes, \"…\")"),
    // Yams marks the first of two equal keys; the second is the one added by mistake.
    ("code: 2024-310110-48-01-000123\nname: x\nresponsible-unit: x\nmilestones:\n  - kind: bidding.result\n    formed: 2024-01-01\n\n  - kind: bidding.result\n    formed: 2024-01-02\n    # the same field again\n    kind: bidding.contract\n",
     "p.yaml:11: kind: key given twice in one mapping (first at line 8); keep one"),
    // Two projects pasted into one file: the second document is named where it starts.
    ("code: 2024-310110-48-01-000123\nname: x\nresponsible-unit: x\n---\ncode: 2024-310110-48-01-000124\n",
     "p.yaml:4: YAML syntax: a second document starts here ('---'), and a file holds one: remove this line and what follows, or move them to a file of their own"),
    // A raw control character, which the reader stops at before any field is read, is named at its line.
    ("code: 2024-310110-48-01-000123\nname: 杨浦\u{0}滨江\nresponsible-unit: 建委\n",
     "p.yaml:2: the control character U+0000 is not allowed in a YAML file; remove it"),
    ("code: 2024-310110-48-01-000123\nname: x\nresponsible-unit: \u{1B}[31m建委\n",
     "p.yaml:3: the control character U+001B is not allowed in a YAML file; remove it"),
    // An empty field is named at its own line, not at the start of its milestone.
    ("code: 2024-310110-48-01-000123\nname: x\nresponsible-unit: x\nmilestones:\n  - kind: bidding.result\n    ref: A-1\n    formed:\n    summary: 中标结果\n",
     "p.yaml:7: milestones[0].formed: required field is empty; give it a value"),
  ])
  func aYAMLMistakeIsNamedAtTheLineToEdit(text: String, expected: String) {
    #expect(problems(text) == [expected])
    // The same lines saved on Windows (CR LF) or by an old Mac editor (CR).
    #expect(problems(text.replacingOccurrences(of: "\n", with: "\r\n")) == [expected])
    #expect(problems(text.replacingOccurrences(of: "\n", with: "\r")) == [expected])
  }

  /// A sample file cut short after each line, with that line repeated or an unclosed quote added, in each line
  /// ending: every problem names a line the file has (a duplicate key once crashed the search for its second line).
  @Test func everyProblemOfABrokenSampleNamesALineOfTheFile() throws {
    let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Projects/2024-310110-48-01-000046.yaml")
    let lines = try String(contentsOf: sample, encoding: .utf8).split(separator: "\n").map(String.init)
    var refused = 0
    for ending in ["\n", "\r\n", "\r"] {
      for count in 1...lines.count {
        let cut = lines.prefix(count).joined(separator: ending)
        for (text, lineCount) in [(cut, count), (cut + ending + lines[count - 1], count + 1), (cut + " \"open", count)] {
          do {
            _ = try parse(text)
          } catch {
            refused += 1
            for problem in error.problems {
              #expect((1...lineCount).contains(problem.line ?? 1), "\(problem) in \(lineCount) lines")
            }
          }
        }
      }
    }
    // Every cut with an unclosed quote at least is refused.
    #expect(refused >= 3 * lines.count)
  }

  @Test func aDuplicateKeyInAFlowMappingIsNamedAtItsLine() {
    #expect(problems("code: 2024-310110-48-01-000123\nname: {zh: a, zh: b}\nresponsible-unit: x\n")
      == ["p.yaml:2: zh: key given twice in one mapping; keep one"])
  }

  /// A project file takes the dates a spreadsheet cell holds, as the spreadsheet import does, and a `changes`
  /// link may name its milestone so too.
  @Test func readsYearFirstDatesAsSpreadsheetsWriteThem() throws {
    let document = try parse("""
      code: 2024-310110-48-01-000123
      name: 杨浦滨江
      responsible-unit: 建委
      milestones:
        - kind: bidding.contract
          formed: 2024/6/20
        - kind: bidding.contract
          formed: 2024年9月2日
          changes: bidding.contract@2024/6/20
          disclosures:
            - published: 2024/9/3
              channel: 门户网站
      """)
    #expect(document.milestones.map(\.formedOn.description) == ["2024-06-20", "2024-09-02"])
    #expect(document.milestones[1].changes?.formedOn.description == "2024-06-20")
    #expect(document.milestones[1].disclosures.map(\.publishedOn.description) == ["2024-09-03"])
  }

  /// Every problem of a milestone is reported in one run: an unknown kind is not held back until the date is fixed.
  @Test func aMilestoneWithTwoProblemsReportsBoth() {
    #expect(problems("""
      code: 2024-310110-48-01-000123
      name: 杨浦滨江
      responsible-unit: 建委
      milestones:
        - kind: bidding.candidate
          formed: 2026-13-01
          ref: \(String(repeating: "文", count: 201))
      """) == [
      "p.yaml:5: milestones[0].kind: unknown item kind 'bidding.candidate'; did you mean bidding.candidates? (`gongkai rules` lists the codes)",
      "p.yaml:6: milestones[0].formed: '2026-13-01' is not a date: there is no month 13; use YYYY-MM-DD",
      "p.yaml:7: milestones[0].ref: '\(String(repeating: "文", count: 20))…' is not accepted: it has 201 characters; the limit is 200",
    ])
  }
}
