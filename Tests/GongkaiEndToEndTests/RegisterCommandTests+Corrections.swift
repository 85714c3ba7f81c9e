import Foundation
import Testing
import TestSupport

/// Corrections an evaluator must be able to see: a milestone amended, a project handed to another unit.
extension RegisterCommandTests {
  /// A project file lists all of its project's milestones: one whose 文号 the clerk corrected in the file is a new
  /// milestone to the import, beside the old one, which stays in force; the old one is said to be missing from the
  /// file, with the new one it may be corrected by and the withdrawal. One `log` recorded since is said the same way,
  /// with the export that brings the file up to date.
  @Test func aMilestoneTheProjectFileLeavesOutIsSaid() throws {
    let code = "2026-310110-48-01-000213"
    let folder = Scratch.folder()
    let db = ["--database", folder.appendingPathComponent("r.sqlite").path]
    #expect(try gongkai(["init"] + db).status == 0)
    let file = folder.appendingPathComponent("\(code).yaml")
    func write(_ ref: String) throws {
      try Data("""
        code: \(code)
        name: 测试工程
        responsible-unit: 甲单位
        milestones:
          - {kind: bidding.candidates, formed: 2026-11-20, ref: \(ref)}

        """.utf8).write(to: file)
    }
    try write("YP-2026-01")
    #expect(try gongkai(["import", file.path] + db, environment: ["GONGKAI_NOW": "2026-11-20T10:00:00+08:00"]).stderr.isEmpty)
    try write("YP-2026-001")
    let corrected = try gongkai(["import", file.path] + db, environment: ["GONGKAI_NOW": "2026-11-20T11:00:00+08:00"])
    #expect(corrected.status == 0)
    #expect(corrected.stderr == "gongkai: warning: \(file.path):5: milestones: milestone 1 (bidding.candidates formed 2026-11-20 with 文号 "
      + "YP-2026-01) is in the register but not in the file; if milestone 2 (bidding.candidates formed 2026-11-20 with 文号 YP-2026-001), "
      + "which the file added, corrects it, keep milestone 1, corrected: `gongkai withdraw 2 --reason 重复登记` and `gongkai amend 1 --ref "
      + "YP-2026-001 --reason 更正登记`; else bring the file up to date with `gongkai export project \(code)`\n", "\(corrected.stderr)")
    // Done as told, the file is the register's again
    #expect(try gongkai(["withdraw", "2", "--reason", "重复登记"] + db).status == 0)
    #expect(try gongkai(["amend", "1", "--ref", "YP-2026-001", "--reason", "更正登记"] + db).status == 0)
    #expect(try gongkai(["import", file.path] + db).stderr.isEmpty)
    #expect(try gongkai(["log", code, "bidding.contract", "--date", "2026-11-25"] + db).status == 0)
    let logged = try gongkai(["import", file.path] + db)
    #expect(logged.stderr.contains("milestones: milestone 3 (bidding.contract formed 2026-11-25) is in the register but not in the file; "
      + "if the file corrects its kind, day or 文号, withdraw the one that is wrong (`gongkai withdraw 3 --reason 更正登记`); else bring")
      && !logged.stderr.contains("milestone 1 "), "\(logged.stderr)")
    // A kind corrected in the file: the milestone recorded before is withdrawn, as amend cannot correct a kind
    try Data("""
      code: \(code)
      name: 测试工程
      responsible-unit: 甲单位
      milestones:
        - {kind: bidding.candidates, formed: 2026-11-20, ref: YP-2026-001}
        - {kind: bidding.result, formed: 2026-11-25}

      """.utf8).write(to: file)
    let kind = try gongkai(["import", file.path] + db)
    #expect(kind.stderr.contains("milestone 3 (bidding.contract formed 2026-11-25) is in the register but not in the file; if milestone 4 "
      + "(bidding.result formed 2026-11-25), which the file added, corrects its kind, which `amend` cannot, withdraw it (`gongkai withdraw 3 "
      + "--reason 事项类型有误`)"), "\(kind.stderr)")
    #expect(try gongkai(["withdraw", "3", "--reason", "事项类型有误"] + db).status == 0)
    #expect(try gongkai(["import", file.path] + db).stderr.isEmpty)
  }

  /// A kind cannot be amended: a clerk who logs the document again under the right kind is told of the first, with the
  /// withdrawal that corrects it; a change that keeps the 文号 of what it changes is not warned of.
  @Test func aDocumentLoggedAgainUnderAnotherKindIsWarnedOf() throws {
    let code = "2026-310110-48-01-000214"
    let (_, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "approval-result.construction-planning-permit", "--date", "2026-11-02", "--ref", "沪规许〔2026〕9号"] + db)
      .status == 0)
    let again = try gongkai(["log", code, "approval-result.construction-permit", "--date", "2026-11-02", "--ref", "沪规许〔2026〕9号",
                             "--as-of", "2026-11-02"] + db)
    #expect(again.status == 0)
    #expect(again.stderr == "gongkai: warning: milestone 1 (approval-result.construction-planning-permit) has the same day and 文号: one "
      + "document carrying both items is recorded so; if this corrects its kind, run `gongkai withdraw 1 --reason 事项类型有误` (a kind is "
      + "corrected by withdrawing and logging again; its publications go with it: record them on milestone 2 with `gongkai disclose 2 …`), "
      + "else if it was logged by mistake, `gongkai withdraw 2 --reason 重复登记`\n", "\(again.stderr)")
    let other = try gongkai(["log", code, "bidding.contract", "--date", "2026-11-02", "--ref", "HT-1", "--as-of", "2026-11-02"] + db)
    #expect(other.status == 0 && other.stderr.isEmpty, "\(other.stderr)")
  }

  /// A 文号 typed with full-width digits (an input method's) is recorded as typed, with a warning naming the ASCII
  /// spelling and the amend that corrects it; a sheet's row is noted the same way; the ASCII one is not warned of.
  @Test func aFullWidth文号IsWarnedOfWithItsCorrection() throws {
    let code = "2026-310110-48-01-000211"
    let (folder, db) = try registerWithProject(code)
    let logged = try gongkai(["log", code, "construction.participants", "--date", "2026-11-20", "--ref", "杨建〔2026〕５号"] + db)
    #expect(logged.status == 0)
    #expect(logged.stderr.contains("gongkai: warning: the 文号 '杨建〔2026〕５号' of milestone 1 has full-width digits or letters, which a "
      + "document's number does not: recorded as typed; if an input method typed them, correct it: `gongkai amend 1 --ref 杨建〔2026〕5号 "
      + "--reason 更正文号`\n"), "\(logged.stderr)")
    let amended = try gongkai(["amend", "1", "--ref", "杨建〔2026〕5号", "--reason", "更正文号"] + db)
    #expect(amended.status == 0 && !amended.stderr.contains("full-width"), "\(amended.stderr)")
    let sheet = folder.appendingPathComponent("sheet.csv")
    try Data("项目代码,事项类型,形成日期,文号\n\(code),bidding.contract,2026-11-20,ＨＴ-１\n".utf8).write(to: sheet)
    let imported = try gongkai(["import", "milestones", sheet.path] + db)
    #expect(imported.status == 0)
    #expect(imported.stderr.contains(":2: 文号: the 文号 'ＨＴ-１' of milestone 2 has full-width digits or letters"), "\(imported.stderr)")
    #expect(imported.stderr.contains("`gongkai amend 2 --ref HT-1 --reason 更正文号`"), "\(imported.stderr)")
  }

  /// A 施工许可证's number of 18 digits that a spreadsheet stored as a number comes with its digits past the fifteenth
  /// zeroed: recorded as given, since a number may end in zeros, with a warning to check it against the document; one
  /// with its digits, or of 15 digits, is not warned of.
  @Test func aLongNumberZeroedPastItsFifteenthDigitIsWarnedOf() throws {
    let code = "2026-310110-48-01-000214"
    let (folder, db) = try registerWithProject(code)
    let sheet = folder.appendingPathComponent("permits.csv")
    try Data("""
      项目代码,事项类型,形成日期,文号
      \(code),approval-result.construction-permit,2026-11-20,310110202611200101
      \(code),approval-result.construction-permit,2026-11-23,310110202611230000
      \(code),approval-result.construction-permit,2026-11-24,310110202611000

      """.utf8).write(to: sheet)
    let imported = try gongkai(["import", "milestones", sheet.path] + db)
    #expect(imported.status == 0)
    #expect(imported.stderrLines == [
      "gongkai: warning: \(sheet.path):3: 文号: the 文号 '310110202611230000' of milestone 2 is 18 digits with only zeros past the "
        + "fifteenth, as Excel and WPS leave a long number they stored as a number: recorded as given; check it against the document, "
        + "and if digits were lost, correct it (`gongkai amend 2 --ref … --reason 更正文号`) and format the sheet's column as text "
        + "(设置单元格格式 → 文本)",
    ], "\(imported.stderr)")
    let logged = try gongkai(["log", code, "approval-result.construction-permit", "--date", "2026-11-25", "--ref", "3101102026112500"] + db)
    #expect(logged.status == 0 && logged.stderr.contains("the 文号 '3101102026112500' of milestone 4 is 16 digits with only zeros"),
            "\(logged.stderr)")
    // The sheet imported again with its digits put back beside the milestone still zeroed: the two are named, with the
    // withdrawal of the one added and the amendment of the 文号 zeroed
    try Data("项目代码,事项类型,形成日期,文号\n\(code),approval-result.construction-permit,2026-11-23,310110202611230101\n".utf8).write(to: sheet)
    let again = try gongkai(["import", "milestones", sheet.path] + db)
    #expect(again.status == 0)
    #expect(again.stderrLines == [
      "gongkai: warning: \(sheet.path):2: 文号: approval-result.construction-permit formed 2026-11-23 with 文号 310110202611230101 was "
        + "added as milestone 5 beside milestone 2, of the same kind and day with 文号 310110202611230000; if they are one document, "
        + "run `gongkai withdraw 5 --reason 重复登记` and `gongkai amend 2 --ref 310110202611230101 --reason 更正文号`",
    ], "\(again.stderr)")
    // Logged by hand with its digits, then with them zeroed: the one zeroed is the one to withdraw
    let zeroed = try gongkai(["log", code, "approval-result.construction-permit", "--date", "2026-11-20", "--ref", "310110202611200000"] + db)
    #expect(zeroed.stderr.contains("milestone 1 has the same kind and day with 文号 310110202611200101; if they are one document, run "
      + "`gongkai withdraw 6 --reason 重复登记`\n"), "\(zeroed.stderr)")
  }

  /// A milestone's own unit, the project's name for it, cleared and given again: the unit shown does not change, but
  /// whether a later change of the project's unit moves the milestone does, and `amend` says which it now is.
  @Test func amendSaysWhetherTheUnitIsTheMilestonesOwnOrTheProjects() throws {
    let code = "2026-310110-48-01-000210"
    let (_, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "bidding.contract", "--date", "2026-11-20", "--unit", "杨浦区建设和管理委员会"] + db).status == 0)
    let cleared = try gongkai(["amend", "1", "--unit", "", "--reason", "随项目"] + db)
    #expect(cleared.stdout.hasPrefix("amended milestone 1 (\(code) bidding.contract 2026-11-20): unit now the project's (杨浦区建设和管理委员会)"),
            "\(cleared.stdout)")
    let held = try gongkai(["amend", "1", "--unit", "杨浦区建设和管理委员会", "--reason", "固定单位"] + db)
    #expect(held.stdout.hasPrefix("amended milestone 1 (\(code) bidding.contract 2026-11-20): unit 杨浦区建设和管理委员会 held as its own, "
      + "kept when the project's unit changes"), "\(held.stdout)")
  }

  /// A 公示 taken down too early and then "held long enough" by a second publication recorded weeks later: the row
  /// names who recorded the end it is judged by, and when.
  @Test func theAuditRowNamesTheRecordOfTheEndAPublicationIsJudgedBy() throws {
    let code = "2026-310110-48-01-000209"
    let (folder, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "bidding.candidates", "--date", "2026-09-28", "--by", "王工"] + db).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-09-29", "--channel", "X", "--until", "2026-09-30", "--by", "王工"] + db,
                        environment: ["GONGKAI_NOW": "2026-09-29T09:00:00+08:00"]).status == 0)
    var rows = try auditRows(folder, db, asOf: "2026-11-27", ["--lang", "en"])
    #expect(rows.map { $0["status"] } == ["too-short"])
    #expect(rows.map { $0["until_recorded_by"] } == ["王工"])
    #expect(rows.map { $0["until_recorded_at"] } == ["2026-09-29T09:00:00+08:00"])
    #expect(try gongkai(["disclose", "1", "--date", "2026-09-29", "--channel", "x", "--until", "2026-10-08", "--by", "李工"] + db,
                        environment: ["GONGKAI_NOW": "2026-11-20T16:00:00+08:00"]).status == 0)
    rows = try auditRows(folder, db, asOf: "2026-11-27", ["--lang", "en"])
    #expect(rows.map { $0["status"] } == ["on-time"])
    #expect(rows.map { $0["disclosure_recorded_by"] } == ["王工"])
    #expect(rows.map { $0["until_recorded_by"] } == ["李工"])
    #expect(rows.map { $0["until_recorded_at"] } == ["2026-11-20T16:00:00+08:00"])
  }

  @Test func theAuditRowShowsWhoRecordedThePublicationAndWhenSoABackdatedOneShows() throws {
    // Given a permit formed 2026-11-02, published (it says) on 11-03 but recorded only on 11-25 by 李工
    let code = "2026-310110-48-01-000208"
    let (folder, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "approval-result.construction-permit", "--date", "2026-11-02", "--by", "王工"] + db).status == 0)
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2026-11-02", "--by", "王工"] + db).status == 0)
    let disclose = try gongkai(["disclose", "1", "--date", "2026-11-03", "--channel", "杨浦区人民政府门户网站", "--by", "李工"] + db,
                               environment: ["GONGKAI_NOW": "2026-11-25T16:40:00+08:00"])
    #expect(disclose.status == 0, "\(disclose.stderr)")
    // Then its row is on time, and names the recorder and the day recorded beside the day published
    let rows = try auditRows(folder, db, asOf: "2026-11-27", ["--lang", "en"]).sorted { $0["milestone_id"]! < $1["milestone_id"]! }
    #expect(rows.map { $0["status"] } == ["on-time", "due"])
    #expect(rows[0]["recorded_by"] == "王工")
    #expect(rows[0]["disclosed_on"] == "2026-11-03")
    #expect(rows[0]["disclosure_recorded_by"] == "李工")
    #expect(rows[0]["disclosure_recorded_at"] == "2026-11-25T16:40:00+08:00")
    // and a row with nothing published leaves both empty
    #expect([rows[1]["disclosure_recorded_by"], rows[1]["disclosure_recorded_at"]] == ["", ""])
  }

  /// A sheet imported again after one of its milestones was amended gives the row under its old date: the row is the
  /// amended milestone, nothing is written, and the import says the sheet holds the date the amendment replaced.
  @Test func aSheetGivingAMilestoneAsItWasBeforeItsAmendmentIsWarnedOf() throws {
    let code = "2026-310115-48-01-000123"
    let (folder, db) = try registerWithProject(code)
    let csv = "project,kind,formed,ref\n\(code),construction.participants,2026/2/13,SG-1\n"
    #expect(try importSheet(csv, named: "backlog.csv", in: folder, db).result.status == 0)
    #expect(try gongkai(["amend", "1", "--date", "2026-02-14", "--reason", "按原件更正"] + db).status == 0)
    let (sheet, again) = try importSheet(csv, named: "backlog.csv", in: folder, db)
    #expect(again.status == 0)
    #expect(again.stdout == "imported 1 row: nothing changed (1 unchanged)\n")
    #expect(again.stderr == """
      gongkai: warning: \(sheet.path):2: formed: construction.participants 2026-02-13 SG-1 is milestone 1 under the date \
      it had before an amendment; the file was written before that, and the import kept the amendment: correct the row \
      to match it\n
      """)
  }

  /// A 文号 a file corrects in full-width digits is amended in ASCII, as the warning at its adding says, not to the
  /// spelling that warning flags; one logged full-width on another day is the document recorded in ASCII.
  @Test func aLeftOutMilestoneIsCorrectedToTheASCIISpellingOfTheFilesReference() throws {
    let code = "2026-310110-48-01-000214"
    let (folder, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "bidding.contract", "--date", "2026-11-20", "--ref", "HT-1"] + db).status == 0)
    let file = folder.appendingPathComponent("\(code).yaml")
    try Data("code: \(code)\nname: 江浦路桥梁改建工程\nresponsible-unit: 杨浦区建设和管理委员会\nmilestones:\n  - kind: bidding.contract\n    formed: 2026-11-20\n    ref: ＨＴ－２\n"
      .utf8).write(to: file)
    let corrected = try gongkai(["import", file.path] + db).stderr
    #expect(corrected.contains("keep milestone 1, corrected: `gongkai withdraw 2 --reason 重复登记` and `gongkai amend 1 --ref HT-2 --reason 更正登记`"),
            "\(corrected)")
    // The same document typed full-width on another day is found as the one recorded, as in other brackets.
    let again = try gongkai(["log", code, "bidding.contract", "--date", "2026-11-23", "--ref", "ＨＴ－１"] + db)
    #expect(again.stderr.contains("milestone 1, formed 2026-11-20, has the same kind and 文号 (HT-1, typed otherwise)"), "\(again.stderr)")
  }

  /// A milestone a project file gives as withdrawn is named, as `withdraw` names it, with where its publications go
  /// and how it comes back; the file imported again withdraws nothing more.
  @Test func aMilestoneWithdrawnThroughAProjectFileIsNamed() throws {
    let code = "2026-310110-48-01-000231"
    let (folder, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "bidding.candidates", "--date", "2026-11-20", "--ref", "ZB-1"] + db).status == 0)
    #expect(try gongkai(["log", code, "bidding.result", "--date", "2026-11-23"] + db).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-21", "--channel", "杨浦区人民政府门户网站"] + db).status == 0)
    let file = folder.appendingPathComponent("\(code).yaml")
    #expect(try gongkai(["export", "project", code, "--out", file.path] + db).status == 0)
    try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "  ref: ZB-1\n", with: "  ref: ZB-1\n  withdrawn: 重复登记\n")
      .write(to: file, atomically: true, encoding: .utf8)

    let withdrawing = try gongkai(["import", file.path] + db)
    #expect(withdrawing.status == 0, "\(withdrawing.stderr)")
    #expect(withdrawing.stdout == """
      imported 1 project file: 0 created, 1 updated, 0 unchanged (1 milestone, 0 disclosures written; withdrew milestone 1: off \
      the public notices with its publications at the next export, `gongkai reinstate 1 --reason …` puts it back)\n
      """)
    let again = try gongkai(["import", file.path] + db)
    #expect(again.stdout == "imported 1 project file: nothing changed (1 unchanged)\n")
    let check = try gongkai(["check", "--as-of", "2026-11-24", "--format", "json"] + ["on-time", "late", "overdue", "too-short", "due"].flatMap { ["--status", $0] } + db)
    #expect(!check.stdout.contains("ZB-1") && check.stdout.contains("bidding.result"), "\(check.stdout)")
  }

  /// A project file whose change in force names a milestone it lists withdrawn, or one withdrawn in the register
  /// since the file was written: refused, as `log --changes` refuses it, and nothing is written.
  @Test func aProjectFilesChangeOfAWithdrawnMilestoneIsRefused() throws {
    let code = "2026-310110-48-01-000230"
    let (folder, db) = try registerWithProject(code)
    let file = folder.appendingPathComponent("\(code).yaml")
    func write(_ withdrawn: String) throws {
      try Data("""
        code: \(code)
        name: 江浦路桥梁改建工程
        responsible-unit: 杨浦区建设和管理委员会
        milestones:
          - kind: bidding.contract
            formed: 2026-01-05
            ref: HT-1
        \(withdrawn)
          - kind: bidding.contract
            formed: 2026-03-02
            ref: HT-1-BC1
            changes: bidding.contract@2026-01-05#HT-1

        """.utf8).write(to: file)
    }
    try write("    withdrawn: 重复登记")
    let database = db[1]
    let before = snapshot(database)
    let inFile = try gongkai(["import", file.path] + db)
    #expect(inFile.status == 65)
    #expect(inFile.stderr.contains("changes: 'bidding.contract@2026-01-05#HT-1' is not accepted: milestone 1 of project \(code) is "
      + "withdrawn as recorded by mistake"), "\(inFile.stderr)")
    #expect(snapshot(database) == before)
    // Recorded in force, withdrawn with the command, then the file written before that imported with a new change
    try write("")
    #expect(try gongkai(["log", code, "bidding.contract", "--date", "2026-01-05", "--ref", "HT-1"] + db).status == 0)
    #expect(try gongkai(["withdraw", "1", "--reason", "重复登记"] + db).status == 0)
    let after = snapshot(database)
    let stale = try gongkai(["import", file.path] + db)
    #expect(stale.status == 65)
    #expect(stale.stderr.contains("milestone 1 of project \(code) is withdrawn as recorded by mistake, so it holds no information to "
      + "change"), "\(stale.stderr)")
    #expect(snapshot(database) == after)
  }

  /// A file listing a milestone withdrawn, a change of its key, then the milestone recorded again in its place: the
  /// change links the one in force, wherever the file lists it.
  @Test func aChangeLinksTheMilestoneRecordedAgainListedAfterIt() throws {
    let code = "2026-310110-48-01-000232"
    let (folder, db) = try registerWithProject(code)
    let file = folder.appendingPathComponent("\(code).yaml")
    let milestone = { (formed: String, extra: String) in
      "  - kind: bidding.contract\n    formed: \(formed)\n    ref: HT-1\n\(extra)"
    }
    let yaml = "code: \(code)\nname: 江浦路桥梁改建工程\nresponsible-unit: 杨浦区建设和管理委员会\nmilestones:\n"
      + milestone("2026-01-05", "    withdrawn: 重复登记\n")
      + "  - kind: bidding.contract\n    formed: 2026-03-02\n    ref: HT-1-BC1\n    changes: bidding.contract@2026-01-05#HT-1\n"
      + milestone("2026-01-05", "")
    try Data(yaml.utf8).write(to: file)
    let imported = try gongkai(["import", file.path] + db)
    #expect(imported.status == 0, "\(imported.stderr)")
    let json = try gongkai(["history", code, "--format", "json"] + db).stdout
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    let links = entries.compactMap { ($0["after"] as? [String: Any])?["changesId"] as? Int }
    #expect(links == [3], "\(json)")
  }

  /// A summary of several lines is shown in the history as staff typed it, its lines under the change, not with its
  /// line feeds escaped as `\u{A}`.
  @Test func theHistoryShowsASummaryOfSeveralLinesOnLinesOfItsOwn() throws {
    let code = "2026-310110-48-01-000231"
    let (_, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2026-11-02", "--summary", "施工单位：甲\n监理单位：乙"] + db).status == 0)
    #expect(try gongkai(["amend", "1", "--summary", "施工单位：甲\n监理单位：丙", "--reason", "按合同更正监理单位"] + db).status == 0)
    let history = try gongkai(["history", code] + db).stdout
    #expect(history.contains("；摘要 施工单位：甲\n        监理单位：乙\n"), "\(history)")
    #expect(history.contains("    摘要: 施工单位：甲\n        监理单位：乙 → 施工单位：甲\n        监理单位：丙\n"), "\(history)")
    #expect(!history.contains("\\u{A}"))
  }

  /// A reason or a summary may name an option, as a correction often names the one given wrongly: only one that ends
  /// the text (the quotes closed after it) or follows a full-width space is taken for a command line gone wrong.
  @Test func aTextNamingAnOptionInsideItIsKept() throws {
    let code = "2026-310110-48-01-000233"
    let (_, db) = try registerWithProject(code)
    for command in [
      ["log", code, "construction.participants", "--date", "2026-11-02", "--summary", "施工单位：甲\n-----\n监理单位：乙"],
      ["amend", "1", "--date", "2026-11-03", "--reason", "误填 --date 应为 11-03"],
      ["withdraw", "1", "--reason", "logged with --changes by mistake"],
    ] {
      let result = try gongkai(command + db)
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    #expect(try gongkai(["reinstate", "1", "--reason", "误撤回 --by"] + db).status == 64)
  }

  /// A project file exported before a correction, imported after it, must not undo it without a word.
  @Test func anOlderProjectFileUndoesNoCorrection() throws {
    let code = "2026-310110-48-01-000209"
    let (folder, db) = try registerWithProject(code, unit: "甲单位")
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2026-11-02", "--summary", "旧摘要"] + db).status == 0)
    let file = folder.appendingPathComponent("projects/\(code).yaml").path
    #expect(try gongkai(["export", "project", code, "--out", file] + db).status == 0)
    // When the milestone is amended and the project handed to another unit
    #expect(try gongkai(["amend", "1", "--summary", "新摘要", "--reason", "按原件更正"] + db).status == 0)
    #expect(try gongkai(["project", "edit", code, "--unit", "乙单位", "--by", "王工"] + db).status == 0)
    // Then the older file is refused for the unit it would put back, naming who changed it and what to do
    let stale = try gongkai(["import", file] + db)
    #expect(stale.status == 65)
    // named at its line, as the file's own mistakes are
    #expect(stale.stderr.contains("\(code).yaml:4: responsible-unit: '甲单位' is what it was before 王工 changed it on "), "\(stale.stderr)")
    #expect(stale.stderr.contains(" (it is now '乙单位'): the file was written before that change"))
    #expect(stale.stderr.contains("run `gongkai export project \(code)`"))
    // and, the unit set back on purpose, it imports, keeping the amended summary and saying so
    #expect(try gongkai(["project", "edit", code, "--unit", "甲单位"] + db).status == 0)
    let imported = try gongkai(["import", file] + db)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stderr.contains("summary: '旧摘要' is what milestone 1 gave before "), "\(imported.stderr)")
    #expect(imported.stderr.contains(" (it is now '新摘要'); the file was written before that, and the import kept the change"))
    #expect(try gongkai(["project", "show", code] + db).stdout.contains("新摘要"))
  }

  /// A correction made by withdrawing a record and recording it again, as the messages advise where `amend` or
  /// `disclose` cannot make it, stands against a file written before it as an amendment does: the milestone's summary,
  /// and the address of a publication withdrawn and recorded again, or of one that went with its withdrawn milestone.
  @Test func aRecordWithdrawnAndRecordedAgainStandsAgainstAnOlderFile() throws {
    let code = "2026-310110-48-01-000211"
    let (folder, db) = try registerWithProject(code)
    let portal = ["--date", "2026-12-01", "--channel", "杨浦区人民政府门户网站"]
    let older = folder.appendingPathComponent("older.yaml").path, later = folder.appendingPathComponent("later.yaml").path
    for command in [
      ["log", code, "completion.acceptance", "--date", "2026-11-10", "--summary", "竣工验收合格"],
      ["disclose", "1", "--url", "https://a.example.cn/A"] + portal,
      ["export", "project", code, "--out", older],
      ["withdraw", "1", "--reason", "摘要有误", "--by", "李文员"],
      ["log", code, "completion.acceptance", "--date", "2026-11-10", "--summary", "竣工验收合格，质量等级优良"],
      ["disclose", "2", "--url", "https://a.example.cn/B"] + portal,
      ["export", "project", code, "--out", later],
      ["withdraw", "--disclosure", "2", "--reason", "网址有误", "--by", "王工"],
      ["disclose", "2", "--url", "https://a.example.cn/C"] + portal,
    ] {
      let result = try gongkai(command + db)
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    let before = snapshot(db[1])
    let first = try gongkai(["import", older] + db)
    #expect(first.status == 0)
    #expect(first.stdout.hasPrefix("imported 1 project file: nothing changed"), "\(first.stdout)")
    #expect(first.stderr.contains("summary: '竣工验收合格' is what milestone 1 gave before 李文员 withdrew milestone 1 and recorded "
      + "milestone 2 in its place on "), "\(first.stderr)")
    #expect(first.stderr.contains("url: disclosure 3 (2026-12-01 杨浦区人民政府门户网站): 'https://a.example.cn/A' is what disclosure 1 "
      + "had before 李文员 withdrew milestone 1 and recorded milestone 2 in its place on "), "\(first.stderr)")
    let second = try gongkai(["import", later] + db)
    #expect(second.status == 0)
    #expect(second.stderr.contains("url: disclosure 3 (2026-12-01 杨浦区人民政府门户网站): 'https://a.example.cn/B' is what disclosure 2 "
      + "had before 王工 withdrew disclosure 2 and recorded disclosure 3 in its place on "), "\(second.stderr)")
    #expect(second.stderr.contains("(`--no-url` clears it)"), "\(second.stderr)")
    #expect(snapshot(db[1]) == before)

    // Recorded again without a summary, the milestone's record stands as made (the summary may have been what was
    // wrong, as an address withdrawn as wrong would be): the older file's is not put back, and the import says so
    let other = folder.appendingPathComponent("other.yaml").path
    for command in [
      ["log", code, "completion.acceptance-filing", "--date", "2026-11-12", "--summary", "竣工验收备案"],
      ["export", "project", code, "--out", other],
      ["withdraw", "3", "--reason", "重新登记"],
      ["log", code, "completion.acceptance-filing", "--date", "2026-11-12"],
    ] {
      let result = try gongkai(command + db)
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    let kept = try gongkai(["import", other] + db)
    #expect(kept.status == 0)
    #expect(kept.stderr.contains("summary: '竣工验收备案' is what milestone 3 gave before ") && kept.stderr.contains(
      "withdrew milestone 3 and recorded milestone 4 in its place on ") && kept.stderr.contains("(it now has none)"), "\(kept.stderr)")
  }

  /// A milestone withdrawn and reinstated read in the audit CSV as one never withdrawn: an overdue item kept out of
  /// `check` for a while left no trace. Its row names the last reinstatement, by whom, when and why; one reinstated
  /// with its project carries the project's reason, marked, also in its history.
  @Test func theAuditRowOfAReinstatedMilestoneNamesItsReinstatement() throws {
    let code = "2026-310110-48-01-000213"
    let (folder, db) = try registerWithProject(code)
    for command in [
      ["log", code, "bidding.contract", "--date", "2026-09-01", "--ref", "HT-1"],
      ["log", code, "bidding.contract", "--date", "2026-09-02", "--ref", "HT-2"],
      ["withdraw", "1", "--reason", "误登"],
      ["reinstate", "1", "--reason", "误撤回，应撤回的是里程碑3", "--by", "王工"],
    ] {
      let result = try gongkai(command + db)
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    let rows = try auditRows(folder, db, asOf: "2026-12-01", ["--lang", "en"])
    #expect(rows.map { $0["last_reinstated_by"] } == ["王工", ""])
    #expect(rows[0]["last_reinstated_at"]?.hasPrefix("20") == true && rows[1]["last_reinstated_at"] == "")
    #expect(rows.map { $0["reinstatement_reason"] } == ["误撤回，应撤回的是里程碑3", ""])
    #expect(try gongkai(["project", "withdraw", code, "--reason", "重复登记", "--yes"] + db).status == 0)
    #expect(try gongkai(["project", "reinstate", code, "--reason", "误撤回项目", "--yes", "--by", "李工"] + db).status == 0)
    let again = try auditRows(folder, db, asOf: "2026-12-01", ["--lang", "en"])
    #expect(again.map { $0["last_reinstated_by"] } == ["李工", "李工"])
    #expect(again.map { $0["reinstatement_reason"] } == ["（项目恢复）误撤回项目", "（项目恢复）误撤回项目"])
    #expect(try gongkai(["history", code] + db).stdout.contains("恢复原因: — → （项目恢复）误撤回项目"))
    // The mark is the project's to write
    let marked = try gongkai(["withdraw", "2", "--reason", "（项目恢复）误登"] + db)
    #expect(marked.status == 64 && marked.stderr.contains("（项目恢复） marks the milestones a project's reinstatement puts back"),
            "\(marked.stderr)")
    // A project reinstated before gongkai marked its milestones left them no reason: the row takes the project's
    try sqlite(db[1], "UPDATE milestone SET reinstatedReason = NULL")
    let older = try auditRows(folder, db, asOf: "2026-12-01", ["--lang", "en", "--no-verify"])
    #expect(older.map { $0["last_reinstated_by"] } == ["李工", "李工"])
    #expect(older.map { $0["reinstatement_reason"] } == ["（项目恢复）误撤回项目", "（项目恢复）误撤回项目"])
  }

  /// A change linked to the wrong contract is linked right with `amend --changes`, which the change log and the
  /// audit CSV show as a correction; a project file written before it does not put the old link back.
  @Test func aLinkCorrectedWithAmendStandsAgainstAnOlderProjectFile() throws {
    let code = "2026-310110-48-01-000210"
    let (folder, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "bidding.contract", "--date", "2026-09-01", "--ref", "HT-1"] + db).status == 0)
    #expect(try gongkai(["log", code, "bidding.contract", "--date", "2026-09-01", "--ref", "HT-2"] + db).status == 0)
    #expect(try gongkai(["log", code, "bidding.contract", "--date", "2026-10-08", "--ref", "HT-2-BG", "--changes", "1"] + db).status == 0)
    let file = folder.appendingPathComponent("projects/\(code).yaml").path
    #expect(try gongkai(["export", "project", code, "--out", file] + db).status == 0)
    // When the change is linked to the contract it changes
    let amended = try gongkai(["amend", "3", "--changes", "2", "--reason", "所变更合同应为HT-2", "--by", "李工"] + db)
    #expect(amended.status == 0, "\(amended.stderr)")
    #expect(amended.stdout.hasPrefix("amended milestone 3 (\(code) bidding.contract 2026-10-08): changes milestone 2 (bidding.contract 2026-09-01) · deadline "))
    // (named with another project's code, it is refused and nothing is written)
    #expect(try gongkai(["amend", "3", "--changes", "1", "--project", "2026-310110-48-01-000299", "--reason", "误"] + db).status == 65)
    // Then the change log and the audit CSV show the correction
    let history = try gongkai(["history", code] + db).stdout
    #expect(history.contains("所变更里程碑: 1 → 2\n    更正原因 所变更合同应为HT-2\n"), "\(history)")
    let rows = try auditRows(folder, db, asOf: "2026-11-27", ["--lang", "en"]).filter { $0["milestone_id"] == "3" }
    #expect(rows.map { $0["amendments"] } == ["1"])
    #expect(rows.map { $0["last_amended_by"] } == ["李工"])
    // and the file written before it leaves the link as corrected, saying so
    let stale = try gongkai(["import", file] + db)
    #expect(stale.status == 0, "\(stale.stderr)")
    #expect(stale.stderr.contains("changes: 'bidding.contract@2026-09-01#HT-1' is what milestone 3 changed before 李工 changed it on "), "\(stale.stderr)")
    #expect(stale.stderr.contains("(it now changes milestone 2); the file was written before that, and the import kept the change"))
    #expect(stale.stdout.hasSuffix("nothing changed (1 unchanged)\n"), "\(stale.stdout)")
    // A link that would make a contract change its own change is refused, as is one between kinds the rules do not link
    #expect(try gongkai(["amend", "2", "--changes", "3", "--reason", "误"] + db).status == 65)
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2026-10-09"] + db).status == 0)
    let unrelated = try gongkai(["amend", "4", "--changes", "2", "--reason", "误"] + db)
    #expect(unrelated.status == 64)
    #expect(unrelated.stderrLines == [
      "gongkai: --changes '2': a milestone of construction.participants cannot change one of bidding.contract; link a milestone of construction.participants, or remove the link (`gongkai rules` lists what each kind may change)",
    ])
    // Removed on purpose, the link is gone and the file leaves it so
    #expect(try gongkai(["amend", "3", "--no-changes", "--reason", "非合同变更"] + db).stdout.contains("): changes no milestone · "))
    #expect(try gongkai(["export", "project", code, "--out", file] + db).status == 0)
    #expect(try !String(contentsOfFile: file, encoding: .utf8).contains("changes:"))
  }

  /// A unit's name corrected: the edit keeps the past under the misspelt name and says `--for-past-milestones` moves
  /// it, and names what is not yet published, whose alerts would go on naming the former unit; given afterwards, as the hint reads, the flag moves them, and alerts stop going to a unit that does not exist.
  @Test func theHintToMoveThePastWorksAfterTheEdit() throws {
    let code = "2026-310110-48-01-000212"
    let (_, db) = try registerWithProject(code, unit: "杨浦区建设管理委员会")
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2026-11-02"] + db).status == 0)
    let edit = try gongkai(["project", "edit", code, "--unit", "杨浦区建设和管理委员会"] + db)
    #expect(edit.stdout.hasSuffix("1 milestone already recorded kept 杨浦区建设管理委员会; --for-past-milestones moves them to the new unit\n"))
    // Not yet published, it is named with the way to hand it over alone
    let unpublished: String = "gongkai: warning: 1 of them not yet published (#1 construction.participants formed 2026-11-02) stays "
      + "with 杨浦区建设管理委员会, whose alerts name it; to hand one still due over to the new unit (one overdue is the former unit's "
      + "lateness), give its id (`gongkai check --project \(code) --status due` lists those due): `gongkai amend ID --unit 杨浦区建设和管理委员会 "
      + "--reason 项目移交`"
    #expect(edit.stderrLines.first == unpublished, "\(edit.stderr)")
    // The kept milestone names the former spelling still: one unit written two ways, with the hand-over that mends it
    #expect(edit.stderrLines.count == 2 && edit.stderr.contains("`gongkai project hand-over 杨浦区建设管理委员会 杨浦区建设和管理委员会 "
      + "--for-past-milestones` says what moving every record"), "\(edit.stderr)")
    // (one logged since under the former name on purpose stays where it was put)
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2026-11-03", "--unit", "杨浦区建设管理委员会"] + db).status == 0)
    let moved = try gongkai(["project", "edit", code, "--unit", "杨浦区建设和管理委员会", "--for-past-milestones"] + db)
    #expect(moved.stdout == "project \(code) unchanged\n1 milestone already recorded under 杨浦区建设管理委员会 moved to 杨浦区建设和管理委员会\n")
    let check = try gongkai(["check", "--as-of", "2026-12-20", "--format", "json"] + db).stdout
    let findings = try #require(try JSONSerialization.jsonObject(with: Data(check.utf8)) as? [[String: Any]])
    #expect(findings.map { "\($0["milestoneId"]!) \($0["responsibleUnit"]!)" } == ["1 杨浦区建设和管理委员会", "2 杨浦区建设管理委员会"], "\(check)")
  }

  /// A project file written before an amendment of a date names the milestone by its old date: the import keeps the
  /// amendment, adds nothing, and says the file is behind and how to bring it up to date.
  @Test func anOlderProjectFileUnderAnAmendedDateIsSaidToBeBehind() throws {
    let code = "2026-310110-48-01-000213"
    let (folder, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2026-11-02"] + db).status == 0)
    let file = folder.appendingPathComponent("projects/\(code).yaml").path
    #expect(try gongkai(["export", "project", code, "--out", file] + db).status == 0)
    #expect(try gongkai(["amend", "1", "--date", "2026-11-03", "--reason", "按原件更正"] + db).status == 0)
    let stale = try gongkai(["import", file] + db)
    #expect(stale.status == 0 && stale.stdout.hasSuffix("nothing changed (1 unchanged)\n"), "\(stale.stdout)")
    #expect(stale.stderrLines == [
      "gongkai: warning: \(file):6: formed: construction.participants 2026-11-02 is milestone 1 under the date it had before "
        + "an amendment; the file was written before that, and the import kept the amendment: `gongkai export project \(code)` brings the file up to date",
    ])
  }

  /// A 公示 recorded as down too early, with a take-down day already past, is settled: `disclose` says how a day typed
  /// wrong is repaired, at the moment the clerk is most likely to see the typo.
  @Test func aSettledShortfallNamesTheRepairOfATypo() throws {
    let code = "2026-310110-48-01-000214"
    let (_, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "bidding.candidates", "--date", "2026-11-02"] + db).status == 0)
    let short = try gongkai(["disclose", "1", "--date", "2026-11-03", "--channel", "平台", "--until", "2026-11-04"] + db)
    #expect(short.stdout.hasSuffix("had to stay up until 2026-11-06; if 2026-11-04 was typed wrong, withdraw this record "
      + "(`gongkai withdraw --disclosure 1 --reason 公示截止日期填错`) and record the publication again with the right --until\n"), "\(short.stdout)")
    #expect(try gongkai(["withdraw", "--disclosure", "1", "--reason", "公示截止日期填错"] + db).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-03", "--channel", "平台", "--until", "2026-11-14"] + db).stdout
      .hasSuffix("2026-11-03 平台\n"))
  }

  /// A wrong address on a publication is cleared with `--no-url` (an empty `--url` says so), logged as an update,
  /// and the public page no longer links it.
  @Test func aWrongAddressIsCleared() throws {
    let code = "2026-310110-48-01-000211"
    let (folder, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2026-11-02"] + db).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-03", "--channel", "区政府网站", "--url", "https://wrong.example/p"] + db).status == 0)
    let empty = try gongkai(["disclose", "1", "--date", "2026-11-03", "--channel", "区政府网站", "--url", ""] + db)
    #expect(empty.status == 64 && empty.stderr.contains("or --no-url to clear the one recorded before"))
    let cleared = try gongkai(["disclose", "1", "--date", "2026-11-03", "--channel", "区政府网站", "--no-url"] + db)
    #expect(cleared.stdout.hasPrefix("updated disclosure 1 of milestone 1 (\(code) construction.participants 2026-11-02), 2026-11-03 区政府网站: url none (was https://wrong.example/p)"),
            "\(cleared.stdout)\(cleared.stderr)")
    #expect(try gongkai(["history", code] + db).stdout.contains("网址: https://wrong.example/p → —"))
    let notices = folder.appendingPathComponent("notices")
    #expect(try gongkai(["export", "notices", "--as-of", "2026-11-27", "--out", notices.path] + db).status == 0)
    #expect(try !String(contentsOf: notices.appendingPathComponent("\(code).html"), encoding: .utf8).contains("wrong.example"))
  }

  /// A publication's address or end recorded with `disclose` after a project file was written is not cleared by
  /// importing that file: a 公示 set to come down too early would lose its end, and its alert with it.
  @Test func anOlderProjectFileClearsNoPublicationsAddressOrEnd() throws {
    let code = "2026-310110-48-01-000219"
    let (folder, db) = try registerWithProject(code)
    let day = ["GONGKAI_NOW": "2026-11-30T09:00:00+08:00"]
    #expect(try gongkai(["log", code, "bidding.candidates", "--date", "2026-11-27", "--ref", "C1"] + db, environment: day).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-30", "--channel", "平台"] + db, environment: day).status == 0)
    let file = folder.appendingPathComponent("projects/\(code).yaml").path
    #expect(try gongkai(["export", "project", code, "--out", file] + db).status == 0)
    let later = try gongkai(["disclose", "1", "--date", "2026-11-30", "--channel", "平台", "--until", "2026-12-01", "--url", "https://ggzy.example/c1"] + db,
                            environment: day)
    #expect(later.stdout.hasPrefix("updated disclosure 1"), "\(later.stdout)")
    let imported = try gongkai(["import", file] + db, environment: day)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stderr.contains("url: disclosure 1 (2026-11-30 平台): the file leaves it out, as it was before "), "\(imported.stderr)")
    #expect(imported.stderr.contains("until: disclosure 1 (2026-11-30 平台): the file leaves it out, as it was before "))
    #expect(imported.stderr.contains("(it is now '2026-12-01'), so the register's value stands; to correct it, run "
      + "`gongkai disclose 1 --date 2026-11-30 --channel 平台 --until …` (`--still-up` clears it); else bring the file up to date "
      + "with `gongkai export project \(code)`"), "\(imported.stderr)")
    #expect(imported.stderr.contains("to correct it, run `gongkai disclose 1 --date 2026-11-30 --channel 平台 --url …` (`--no-url` clears it)"))
    let shown = try gongkai(["project", "show", code, "--as-of", "2026-11-30"] + db).stdout
    #expect(shown.contains("公开 D1 2026-11-30 平台 至 2026-12-01 https://ggzy.example/c1"), "\(shown)")
    // A spreadsheet row written before the end was moved on is told to correct the row, which no export writes
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-30", "--channel", "平台", "--until", "2026-12-02"] + db, environment: day).status == 0)
    let sheet = folder.appendingPathComponent("rows.csv")
    try Data("project,kind,formed,ref,published,channel,until\n\(code),bidding.candidates,2026-11-27,C1,2026-11-30,平台,2026-12-01\n".utf8)
      .write(to: sheet)
    let rows = try gongkai(["import", "milestones", sheet.path] + db, environment: day)
    #expect(rows.stderr.contains("--until …` (`--still-up` clears it); else correct the sheet's row to the register's value\n"), "\(rows.stderr)")
  }

  /// A project file that hands the project to another unit moves it as `project edit --unit` does: the milestones
  /// recorded before keep their unit, those the file adds are the new unit's.
  @Test func aProjectFileWithANewUnitKeepsThePastUnderTheOldOne() throws {
    let code = "2026-310110-48-01-000210"
    let (folder, db) = try registerWithProject(code, unit: "甲单位")
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2026-11-02"] + db).status == 0)
    #expect(try gongkai(["log", code, "approval-result.construction-permit", "--date", "2026-11-03", "--unit", "丙单位"] + db).status == 0)
    let file = folder.appendingPathComponent("projects/\(code).yaml").path
    #expect(try gongkai(["export", "project", code, "--out", file] + db).status == 0)
    // When the file names another unit and lists a new milestone
    var yaml = try String(contentsOfFile: file, encoding: .utf8)
    yaml = yaml.replacingOccurrences(of: "responsible-unit: 甲单位", with: "responsible-unit: 乙单位")
    yaml += """
      - kind: completion.acceptance
        formed: 2026-11-20

      """
    try yaml.write(toFile: file, atomically: true, encoding: .utf8)
    let imported = try gongkai(["import", file] + db)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stderr.contains("responsible-unit: 1 milestone recorded before kept 甲单位 as their unit, as `gongkai project edit "
      + "--unit` keeps them; run `gongkai export project \(code)` to bring the file up to date"), "\(imported.stderr)")
    #expect(imported.stdout.contains("(2 milestones, 0 disclosures written; new milestone 3)"), "\(imported.stdout)")
    // The same file again changes nothing, and says the unit it leaves out is the one the import kept
    let again = try gongkai(["import", file] + db)
    #expect(again.stdout.contains("1 unchanged"), "\(again.stdout)")
    #expect(again.stderr.contains("unit: the file leaves it out (which would clear it), as milestone 1 had it before "), "\(again.stderr)")
    // Then the past stays under 甲单位 (and 丙单位), the milestone the file adds is 乙单位's, and the log says so
    let rows = try auditRows(folder, db, asOf: "2026-11-27")
    #expect(rows.map { $0["责任单位"] } == ["甲单位", "丙单位", "乙单位"])
    #expect(try gongkai(["audit", "verify"] + db).status == 0)
    // and the file brought up to date imports again without a change
    #expect(try gongkai(["export", "project", code, "--out", file] + db).status == 0)
    let refreshed = try gongkai(["import", file] + db)
    #expect(refreshed.status == 0)
    #expect(refreshed.stdout.contains("1 unchanged"), "\(refreshed.stdout)")
    #expect(refreshed.stderr.isEmpty, "\(refreshed.stderr)")
  }

  /// Withdrawn as recorded by mistake and recorded again under the same date and 文号: the exported file lists both,
  /// and imports again, into the register it came from (nothing changes) and into a new one (the same file back).
  @Test func aMilestoneRecordedAgainAfterAWithdrawalRoundTripsThroughItsProjectFile() throws {
    let code = "2026-310110-48-01-000210"
    let (folder, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2026-11-02", "--ref", "C1", "--summary", "错误摘要"] + db).status == 0)
    // (a colleague's register took the project as it first stood)
    let old = folder.appendingPathComponent("old/\(code).yaml").path
    #expect(try gongkai(["export", "project", code, "--out", old] + db).status == 0)
    let colleague = ["--database", folder.appendingPathComponent("colleague.sqlite").path]
    #expect(try gongkai(["init"] + colleague).status == 0)
    #expect(try gongkai(["import", old] + colleague).status == 0)
    #expect(try gongkai(["withdraw", "1", "--reason", "摘要录错，重新登记"] + db).status == 0)
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2026-11-02", "--ref", "C1", "--summary", "正确摘要"] + db).status == 0)
    #expect(try gongkai(["disclose", "2", "--date", "2026-11-03", "--channel", "杨浦区人民政府门户网站"] + db).status == 0)
    let file = folder.appendingPathComponent("projects/\(code).yaml").path
    #expect(try gongkai(["export", "project", code, "--out", file] + db).status == 0)

    let again = try gongkai(["import", file] + db)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout == "imported 1 project file: nothing changed (1 unchanged)\n")

    let fresh = ["--database", folder.appendingPathComponent("fresh.sqlite").path]
    #expect(try gongkai(["init"] + fresh).status == 0)
    let imported = try gongkai(["import", file] + fresh)
    #expect(imported.stdout.hasSuffix("(2 milestones, 1 disclosure written; new milestones 1-2)\n"), "\(imported.stdout)\(imported.stderr)")
    let copy = folder.appendingPathComponent("copy.yaml").path
    #expect(try gongkai(["export", "project", code, "--out", copy] + fresh).status == 0)
    #expect(try String(contentsOfFile: copy, encoding: .utf8) == (try String(contentsOfFile: file, encoding: .utf8)))
    #expect(try gongkai(["check", "--as-of", "2026-11-27", "--status", "on-time"] + fresh).stdout.contains("#2 construction.participants"))

    // The colleague's register, holding the first record in force, takes the new file: one milestone in force, the
    // corrected one with its publication, beside one withdrawn; and the same file again changes nothing
    let caughtUp = try gongkai(["import", file] + colleague)
    #expect(caughtUp.status == 0, "\(caughtUp.stderr)")
    let shown = try gongkai(["project", "show", code, "--as-of", "2026-11-27"] + colleague).stdout
    #expect(shown.contains("正确摘要") && !shown.contains("错误摘要"), "\(shown)")
    #expect(shown.contains("2026-11-03 杨浦区人民政府门户网站"))
    #expect(try gongkai(["import", file] + colleague).stdout == "imported 1 project file: nothing changed (1 unchanged)\n")
    #expect(try gongkai(["audit", "verify"] + colleague).status == 0)
  }

  /// A publication a spreadsheet or a project file gives for a withdrawn milestone is not recorded, as `disclose`
  /// refuses it; the import says so instead of counting the entry unchanged.
  @Test func anEntryOfAWithdrawnMilestoneIsNotAppliedAndTheImportSaysSo() throws {
    let code = "2026-310110-48-01-000212"
    let (folder, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "quality-safety.penalty", "--date", "2026-09-28", "--ref", "罚5号", "--as-of", "2026-09-28"] + db).status == 0)
    #expect(try gongkai(["withdraw", "1", "--reason", "重复登记"] + db).status == 0)
    let sheet = folder.appendingPathComponent("rows.csv")
    try Data("project,kind,formed,ref,published,channel\n\(code),quality-safety.penalty,2026-09-28,罚5号,2026-10-12,区政府网站\n".utf8).write(to: sheet)
    let imported = try gongkai(["import", "milestones", sheet.path] + db)
    #expect(imported.status == 0)
    #expect(imported.stderr == "gongkai: warning: \(sheet.path):2: kind: quality-safety.penalty 罚5号 formed 2026-09-28 is milestone 1, "
      + "withdrawn in the register, so the entry was not applied and a publication it gives was not recorded; if the withdrawal "
      + "was the mistake, reinstate it (`gongkai reinstate 1 --reason …`) and import again\n")
    let file = folder.appendingPathComponent("\(code).yaml")
    try Data("""
      code: \(code)
      name: 江浦路桥梁改建工程
      responsible-unit: 杨浦区建设和管理委员会
      milestones:
        - kind: quality-safety.penalty
          formed: 2026-09-28
          ref: 罚5号
          disclosures:
            - published: 2026-10-12
              channel: 区政府网站

      """.utf8).write(to: file)
    let fromFile = try gongkai(["import", "projects", file.path] + db)
    #expect(fromFile.status == 0)
    #expect(fromFile.stderr.contains("kind: quality-safety.penalty 罚5号 formed 2026-09-28 is milestone 1, withdrawn in the register"), "\(fromFile.stderr)")
    #expect(!(try gongkai(["project", "show", code] + db).stdout.contains("区政府网站")))
    // A publication recorded before the withdrawal is not said to be missing
    let recorded = folder.appendingPathComponent("recorded.csv")
    try Data("project,kind,formed,ref,published,channel\n\(code),quality-safety.penalty,2026-09-29,罚6号,2026-10-13,区政府网站\n".utf8)
      .write(to: recorded)
    #expect(try gongkai(["log", code, "quality-safety.penalty", "--date", "2026-09-29", "--ref", "罚6号", "--as-of", "2026-09-29"] + db).status == 0)
    #expect(try gongkai(["disclose", "2", "--date", "2026-10-13", "--channel", "区政府网站"] + db).status == 0)
    #expect(try gongkai(["withdraw", "2", "--reason", "重复登记"] + db).status == 0)
    let again = try gongkai(["import", "milestones", recorded.path] + db)
    #expect(again.stderr.contains("is milestone 2, withdrawn in the register, so the entry was not applied; if"), "\(again.stderr)")
  }

  /// A spreadsheet sorted by date mixes projects row by row: a row under an amended milestone's old date is still that
  /// milestone, whichever project the rows before it were of.
  @Test func aRowUnderAnAmendedDateAmongRowsOfOtherProjectsIsTheAmendedMilestone() throws {
    let code = "2026-310110-48-01-000214"
    let other = "2026-310110-48-01-000215"
    let (folder, db) = try registerWithProject(code)
    #expect(try gongkai(["project", "add", other, "--name", "控江路改建", "--unit", "杨浦区建设和管理委员会"] + db).status == 0)
    #expect(try gongkai(["log", code, "bidding.candidates", "--date", "2026-11-16", "--ref", "ZB-1"] + db).status == 0)
    #expect(try gongkai(["amend", "1", "--date", "2026-11-17", "--reason", "按原件更正"] + db).status == 0)
    let sheet = folder.appendingPathComponent("rows.csv")
    try Data("""
      project,kind,formed,ref,published,channel
      \(other),construction.participants,2026-11-10,C-1,2026-11-12,区政府网站
      \(code),bidding.candidates,2026-11-16,ZB-1,2026-11-18,中国招标投标公共服务平台
      \(other),construction.participants,2026-11-20,C-2,2026-11-23,区政府网站

      """.utf8).write(to: sheet)
    let imported = try gongkai(["import", "milestones", sheet.path] + db)
    #expect(imported.status == 0, "\(imported.stderr)")
    let shown = try gongkai(["project", "show", code, "--as-of", "2026-11-27"] + db).stdout
    #expect(shown.contains("#1  2026-11-17  bidding.candidates"), "\(shown)")
    #expect(shown.contains("2026-11-18 中国招标投标公共服务平台"))
    #expect(!shown.contains("2026-11-16"))
  }

  /// A file from before two edits of a field is behind both, not only the last.
  @Test func aProjectFileFromBeforeTwoEditsIsRefused() throws {
    let code = "2026-310110-48-01-000211"
    let (folder, db) = try registerWithProject(code, name: "江浦路桥")
    let file = folder.appendingPathComponent("projects/\(code).yaml").path
    #expect(try gongkai(["export", "project", code, "--out", file] + db).status == 0)
    #expect(try gongkai(["project", "edit", code, "--name", "江浦路大桥"] + db).status == 0)
    #expect(try gongkai(["project", "edit", code, "--name", "江浦路特大桥"] + db).status == 0)
    #expect(try gongkai(["project", "edit", code, "--unit", "杨浦区建管委"] + db).status == 0)
    #expect(try gongkai(["project", "edit", code, "--legal-person", "上海某建设有限公司"] + db).status == 0)
    let stale = try gongkai(["import", file] + db)
    #expect(stale.status == 65)
    // Every field the file is behind on is named, so that it is put right in one go, a field it leaves out too
    #expect(stale.stderr.contains("name: '江浦路桥' is what it was before "), "\(stale.stderr)")
    #expect(stale.stderr.contains("responsible-unit: '杨浦区建设和管理委员会' is what it was before "), "\(stale.stderr)")
    #expect(stale.stderr.contains("legal-person: the file leaves it out (which clears it), as it was before "), "\(stale.stderr)")
  }

  @Test func anAmendedMilestonesAuditRowShowsTheCorrectionAndTheOriginalDate() throws {
    // Given a candidates notice formed 2026-11-16 (3 days: due 2026-11-19) published a day late
    let code = "2026-310110-48-01-000206"
    let (folder, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "bidding.candidates", "--date", "2026-11-16"] + db).status == 0)
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2026-11-16"] + db).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-20", "--channel", "中国招标投标公共服务平台"] + db).status == 0)
    #expect(try auditRows(folder, db, asOf: "2026-11-27").map { $0["状态"] } == ["late", "due"])

    // When its date is corrected, then its document number, each with a reason
    let amend = try gongkai(["amend", "1", "--date", "2026-11-17", "--reason", "按公示原件更正形成日期", "--by", "王工"] + db,
                            environment: ["GONGKAI_NOW": "2026-11-25T09:00:00+08:00"])
    #expect(amend.status == 0, "\(amend.stderr)")
    // the new deadline said, as `log` says it: the publication of 11-20 is now on time
    #expect(amend.stdout == "amended milestone 1 (\(code) bidding.candidates 2026-11-17): date (was 2026-11-16) · deadline 2026-11-20 (3日) · published on time\n")
    // (rows by milestone id: the corrected date moves milestone 1 after milestone 2)
    func rowsByID(_ options: [String] = []) throws -> [[String: String]] {
      try auditRows(folder, db, asOf: "2026-11-27", options).sorted { $0["里程碑编号", default: $0["milestone_id"] ?? ""] < $1["里程碑编号", default: $1["milestone_id"] ?? ""] }
    }
    var rows = try rowsByID()
    // Then the row is on time, and says it was corrected, by whom, when, why and from which date
    #expect(rows[0]["状态"] == "on-time")
    #expect(rows[0]["信息形成日期"] == "2026-11-17")
    #expect(rows[0]["更正次数"] == "1")
    #expect(rows[0]["最近更正人"] == "王工")
    #expect(rows[0]["最近更正时间"] == "2026-11-25T09:00:00+08:00")
    #expect(rows[0]["更正原因"] == "按公示原件更正形成日期")
    #expect(rows[0]["原信息形成日期"] == "2026-11-16")
    // and the milestone never amended says so
    #expect(rows[1]["更正次数"] == "0")
    #expect([rows[1]["最近更正人"], rows[1]["最近更正时间"], rows[1]["更正原因"], rows[1]["原信息形成日期"]] == ["", "", "", ""])

    let second = try gongkai(["amend", "1", "--ref", "YP-2026-07", "--reason", "补录文号", "--by", "李工"] + db,
                             environment: ["GONGKAI_NOW": "2026-11-26T15:30:00+08:00"])
    #expect(second.status == 0, "\(second.stderr)")
    rows = try rowsByID(["--lang", "en"])
    #expect(rows[0]["amendments"] == "2")
    #expect(rows[0]["last_amended_by"] == "李工")
    #expect(rows[0]["last_amended_at"] == "2026-11-26T15:30:00+08:00")
    #expect(rows[0]["amendment_reason"] == "补录文号")
    #expect(rows[0]["original_formed_on"] == "2026-11-16")

    // An amendment that changes nothing is not one: nothing written, the count stays
    let same = try gongkai(["amend", "1", "--ref", "YP-2026-07", "--reason", "再次确认"] + db)
    #expect(same.stdout == "milestone 1 unchanged: it already holds those values\n")
    #expect(try rowsByID()[0]["更正次数"] == "2")

    // The new columns come last, after the columns scripts read by position
    let csv = folder.appendingPathComponent("audit.csv").path
    #expect(try gongkai(["export", "audit-csv", "--out", csv, "--as-of", "2026-11-27"] + db).status == 0)
    let header = try #require(try String(contentsOfFile: csv, encoding: .utf8).dropFirst().components(separatedBy: "\r\n").first)
    #expect(header.hasSuffix("变更记录链头,适用规则,判定日期,更正次数,最近更正人,最近更正时间,更正原因,原信息形成日期,公开登记人,公开登记时间,规则版本,公示截止登记人,公示截止登记时间,时限依据核实,最短公示期,索引号,状态为暂定,逾期工作日为暂定,最短公示期止为暂定,公示期提前结束,所变更里程碑编号,所认定公开索引号,最近恢复人,最近恢复时间,恢复原因,已撤回的公开,如未撤回的状态,按原形成日期的状态,已恢复的公开"))

    // The change log records each amendment with its reason; history shows it; the chain and rows verify
    let history = try gongkai(["history", code] + db)
    #expect(history.stdout.contains("2026-11-25T09:00:00+08:00  王工  更正里程碑 #1\n"))
    #expect(history.stdout.contains("    形成日期: 2026-11-16 → 2026-11-17\n    更正原因 按公示原件更正形成日期\n"))
    #expect(history.stdout.contains("    更正原因 补录文号\n"))
    let english = try gongkai(["history", code, "--lang", "en"] + db)
    #expect(english.stdout.contains("  李工  amend milestone 1\n"))
    #expect(english.stdout.contains("    reason 补录文号\n"))
    #expect(try gongkai(["audit", "verify"] + db).status == 0)
  }

  /// A milestone that a change in force names is withdrawn after the change, not before: otherwise the change
  /// would point at nothing the notices show and still be judged (a withdrawal of a withdrawn penalty overdue).
  @Test func aMilestoneAChangeInForceNamesIsWithdrawnAfterTheChange() throws {
    let code = "2026-310110-48-01-000206"
    let (_, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "quality-safety.penalty", "--date", "2026-11-02", "--ref", "杨建罚〔2026〕30号"] + db).status == 0)
    #expect(try gongkai(["log", code, "quality-safety.penalty-withdrawal", "--date", "2026-11-09", "--changes", "1"] + db).status == 0)
    let before = try gongkai(["history", code, "--format", "json"] + db).stdout
    let refused = try gongkai(["withdraw", "1", "--reason", "重复登记"] + db)
    #expect(refused.status == 65)
    #expect(refused.stderr == """
      gongkai: milestone 1 is changed by milestone 2, which is in force: if milestone 2 changes another milestone (this one \
      recorded twice), link it there first (`gongkai amend 2 --changes ID --reason 更正所变更信息`); if it was recorded by \
      mistake too, withdraw it first (`gongkai withdraw 2 --reason 重复登记`); then withdraw this one\n
      """)
    // The placeholder of a suggested command, pasted as it was, is no reason
    let placeholder = try gongkai(["withdraw", "2", "--reason", "…"] + db)
    #expect(placeholder.status == 64)
    #expect(placeholder.stderrLines == [
      "gongkai: --reason '…' is not accepted: say why, e.g. --reason 重复登记，与里程碑12为同一文件; a placeholder is not a reason",
    ])
    #expect(try gongkai(["history", code, "--format", "json"] + db).stdout == before)
    #expect(try gongkai(["withdraw", "2", "--reason", "撤回登记有误"] + db).status == 0)
    #expect(try gongkai(["withdraw", "1", "--reason", "重复登记"] + db).status == 0)
  }

  /// A milestone withdrawn for a wrong summary and logged again, where `amend` was meant: its publication stays with the
  /// withdrawn one, and the new one would be counted unpublished without a word (a clerk found it at the next check).
  @Test func aMilestoneLoggedAgainAfterItsWithdrawalIsToldItsPublicationStayedBehind() throws {
    let code = "2026-310110-48-01-000311"
    let (_, db) = try registerWithProject(code)
    let log = ["log", code, "construction.drawing-review", "--date", "2026-11-10", "--ref", "SCTS-2026-88"]
    #expect(try gongkai(log + ["--summary", "施工图审查合格"] + db).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-20", "--channel", "杨浦区人民政府门户网站"] + db).status == 0)
    #expect(try gongkai(["withdraw", "1", "--reason", "摘要错误，重新登记"] + db).status == 0)
    let again = try gongkai(log + ["--summary", "施工图审查合格（一次通过）"] + db)
    #expect(again.status == 0)
    #expect(again.stderrLines == [
      "gongkai: warning: milestone 1 of the same kind and day, withdrawn (摘要错误，重新登记), was published (2026-11-20 杨浦区人民政府门户网站); "
        + "its publication stays with it, and milestone 2 is counted unpublished until it is recorded for it: `gongkai disclose 2 "
        + "--date 2026-11-20 --channel 杨浦区人民政府门户网站`, under a new 索引号 (`gongkai amend` corrects a milestone's field in "
        + "place, keeping its publications)",
    ], "\(again.stderr)")
    // The repair, as the warning gives it, leaves the new milestone published on time
    #expect(try gongkai(["disclose", "2", "--date", "2026-11-20", "--channel", "杨浦区人民政府门户网站"] + db).status == 0)
    let check = try gongkai(["check", "--as-of", "2026-11-27", "--status", "on-time", "--format", "csv"] + db).stdout
    #expect(check.split(whereSeparator: \.isNewline).count == 2 && check.contains(",2,"), "\(check)")
    // A milestone logged anew beside one withdrawn unpublished is not warned of
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2026-11-11"] + db).status == 0)
    #expect(try gongkai(["withdraw", "3", "--reason", "日期错误"] + db).status == 0)
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2026-11-11", "--ref", "SG-1"] + db).stderr.isEmpty)
  }

  /// A milestone withdrawn for a wrong date and logged again on the right one keeps its 文号: the publication left
  /// behind is said as on the same day; and the withdrawn one reinstated beside it is said to count the document twice.
  @Test func aMilestoneLoggedAgainOnAnotherDayUnderItsNumberIsToldItsPublicationStayedBehind() throws {
    let code = "2026-310110-48-01-000312"
    let (_, db) = try registerWithProject(code)
    let log = ["log", code, "approval-result.feasibility-study", "--ref", "杨发改投〔2026〕13号", "--date"]
    #expect(try gongkai(log + ["2026-10-15"] + db).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-20", "--channel", "杨浦区人民政府门户网站"] + db).status == 0)
    #expect(try gongkai(["withdraw", "1", "--reason", "形成日期有误，重新登记"] + db).status == 0)
    let again = try gongkai(log + ["2026-10-16"] + db)
    #expect(again.status == 0)
    #expect(again.stderrLines.first?.hasPrefix("gongkai: warning: milestone 1 of the same kind and 文号 (杨发改投〔2026〕13号), formed "
      + "2026-10-15, withdrawn (形成日期有误，重新登记), was published (2026-11-20 杨浦区人民政府门户网站); its publication stays with it, "
      + "and milestone 2 is counted unpublished") == true, "\(again.stderr)")
    let reinstated = try gongkai(["reinstate", "1", "--reason", "误撤回"] + db)
    #expect(reinstated.status == 0)
    #expect(reinstated.stderrLines == [
      "gongkai: warning: milestone 2 (\(code) approval-result.feasibility-study 2026-10-16), recorded since, has this one's kind and "
        + "文号 on another day: if it was logged in this one's place, the information now counts twice; withdraw the one that is "
        + "wrong (`gongkai withdraw 2 --reason …` or `gongkai withdraw 1 --reason …`)",
    ], "\(reinstated.stderr)")

    // Recorded again as a change of another milestone, on a later day than its publication: the warning does not
    // send the clerk to a `disclose` that would be refused as before the milestone, but to its date
    let eia = ["log", code, "approval-result.eia-approval", "--date"]
    #expect(try gongkai(eia + ["2026-06-01", "--ref", "E1"] + db).status == 0)
    #expect(try gongkai(eia + ["2026-06-13", "--ref", "E2"] + db).status == 0)
    #expect(try gongkai(["disclose", "4", "--date", "2026-06-20", "--channel", "杨浦区人民政府门户网站"] + db).status == 0)
    #expect(try gongkai(["withdraw", "4", "--reason", "应登记为变更"] + db).status == 0)
    let change = try gongkai(eia + ["2026-09-10", "--ref", "E2", "--changes", "3"] + db)
    #expect(change.status == 0)
    #expect(change.stderr.hasPrefix("gongkai: warning: milestone 4 of the same kind and 文号 (E2), formed 2026-06-13, withdrawn (应登记为变更), "
      + "was published (2026-06-20 杨浦区人民政府门户网站); its publication stays with it, on days before milestone 5's (2026-09-10): "
      + "if 5 records that document again, its date is likely wrong"), "\(change.stderr)")
    // A change keeps the 文号 of what it changes by design: recorded beside it, it is not taken for it recorded again
    let sameNumber = try gongkai(eia + ["2026-09-12", "--ref", "E1", "--changes", "3"] + db)
    #expect(sameNumber.status == 0 && sameNumber.stderr.isEmpty, "\(sameNumber.stderr)")
  }

  /// An overdue item withdrawn unpublished and logged again under its 文号 as formed later is due again, with no
  /// correction on record (an evaluator found the two linked by nothing but the 文号): `log` says so and gives the
  /// repair, which the audit CSV then shows as a correction.
  @Test func anUnpublishedMilestoneLoggedAgainOnALaterDayIsToldItsCorrectionShowsNowhere() throws {
    let code = "2026-310110-48-01-000313"
    let (folder, db) = try registerWithProject(code)
    let log = ["log", code, "approval-result.feasibility-study", "--ref", "杨发改投〔2026〕21号", "--date"]
    #expect(try gongkai(log + ["2026-09-01"] + db).status == 0)
    #expect(try gongkai(["withdraw", "1", "--reason", "登记有误"] + db).status == 0)
    let again = try gongkai(log + ["2026-11-20"] + db)
    #expect(again.status == 0)
    #expect(again.stderrLines == [
      "gongkai: warning: milestone 1 of the same kind and 文号 (杨发改投〔2026〕21号), formed 2026-09-01 and due by 2026-09-29, "
        + "was withdrawn (登记有误) unpublished: recorded again as formed 2026-11-20, its deadline moved with no correction on "
        + "record; if 2 corrects 1's day, run `gongkai withdraw 2 --reason 重复登记`, `gongkai reinstate 1 --reason 误撤回` and "
        + "`gongkai amend 1 --date 2026-11-20 --reason 更正形成日期`, which the audit CSV and the public notice show as a correction",
    ], "\(again.stderr)")
    // The repair, as given, leaves one item in force, its correction on record
    for step in [["withdraw", "2", "--reason", "重复登记"], ["reinstate", "1", "--reason", "误撤回"],
                 ["amend", "1", "--date", "2026-11-20", "--reason", "更正形成日期"]] {
      let run = try gongkai(step + db)
      #expect(run.status == 0, "\(step): \(run.stderr)")
    }
    let rows = try auditRows(folder, db, asOf: "2026-11-27").filter { $0["状态"] != "withdrawn" }
    #expect(rows.map { [$0["里程碑编号"], $0["信息形成日期"], $0["原信息形成日期"]] } == [["1", "2026-11-20", "2026-09-01"]])
    // Due as amended, overdue from the day first recorded: the column an evaluator filters on
    #expect(rows.map { [$0["状态"], $0["按原形成日期的状态"]] } == [["due", "overdue"]])
    // Logged again on its own day, its summary corrected, nothing moved: no warning
    let eia = ["log", code, "approval-result.eia-approval", "--date", "2026-11-02", "--ref", "E9", "--summary"]
    #expect(try gongkai(eia + ["环评"] + db).status == 0)
    #expect(try gongkai(["withdraw", "3", "--reason", "摘要有误"] + db).status == 0)
    let sameDay = try gongkai(eia + ["环境影响报告书批复"] + db)
    #expect(sameDay.status == 0 && sameDay.stderr.isEmpty, "\(sameDay.stderr)")
  }

  /// An import that records again a milestone withdrawn unpublished, under its 文号 on another day, or one whose
  /// publications stay with it, is told so as `log` tells it; a file that holds the withdrawn entry beside the one
  /// recorded in its place, imported into a register that had neither, records history and is told nothing.
  @Test func anImportRecordingAWithdrawnMilestoneAgainIsToldWhatThatLeaves() throws {
    let code = "2026-310110-48-01-000316"
    let (folder, db) = try registerWithProject(code)
    let log = ["log", code, "approval-result.feasibility-study", "--ref", "杨发改投〔2026〕31号", "--date", "2026-09-01"]
    #expect(try gongkai(log + db).status == 0)
    #expect(try gongkai(["withdraw", "1", "--reason", "登记有误"] + db).status == 0)
    #expect(try gongkai(["log", code, "bidding.contract", "--ref", "HT-7", "--date", "2026-10-09"] + db).status == 0)
    #expect(try gongkai(["disclose", "2", "--date", "2026-10-12", "--channel", "区政府网站"] + db).status == 0)
    #expect(try gongkai(["withdraw", "2", "--reason", "日期有误"] + db).status == 0)
    let sheet = folder.appendingPathComponent("rows.csv")
    try Data("""
      project,kind,formed,ref
      \(code),approval-result.feasibility-study,2026-11-20,杨发改投〔2026〕31号
      \(code),bidding.contract,2026-10-10,HT-7

      """.utf8).write(to: sheet)
    let imported = try gongkai(["import", "milestones", sheet.path] + db)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stderrLines == [
      "gongkai: warning: \(sheet.path):2: formed: milestone 1 of the same kind and 文号 (杨发改投〔2026〕31号), formed 2026-09-01, "
        + "was withdrawn (登记有误) unpublished: recorded again as formed 2026-11-20, its deadline moved with no correction on "
        + "record; if 3 corrects 1's day, run `gongkai withdraw 3 --reason 重复登记`, `gongkai reinstate 1 --reason 误撤回` and "
        + "`gongkai amend 1 --date 2026-11-20 --reason 更正形成日期`, which the audit CSV and the public notice show as a correction",
      "gongkai: warning: \(sheet.path):3: formed: milestone 2 of the same kind and 文号 (HT-7), formed 2026-10-09, withdrawn (日期有误), "
        + "was published (2026-10-12 区政府网站); its publication stays with it, and milestone 4 is counted unpublished until it is "
        + "recorded for it: `gongkai disclose 4 --date 2026-10-12 --channel 区政府网站`, under a new 索引号 (`gongkai amend` corrects "
        + "a milestone's field in place, keeping its publications)",
    ], "\(imported.stderr)")
    // The whole project, withdrawn entries and all, into a new register: its history, nothing recorded again here
    let file = folder.appendingPathComponent("\(code).yaml")
    #expect(try gongkai(["export", "project", code, "--out", file.path] + db).status == 0)
    let fresh = ["--database", folder.appendingPathComponent("fresh.sqlite").path]
    #expect(try gongkai(["init"] + fresh).status == 0)
    let copied = try gongkai(["import", "projects", file.path] + fresh)
    #expect(copied.status == 0 && copied.stderr.isEmpty, "\(copied.stderr)")
  }

  /// A publication typed twice, the second time with a space in its channel, would be two publications to the register
  /// (as the unique key compares channels), shown twice: `disclose` refuses it, as the imports do, naming the space.
  @Test func aPublicationOfTheDayOnAChannelSpeltWithOtherSpacesIsRefused() throws {
    let code = "2026-310110-48-01-000312"
    let (_, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "bidding.contract", "--date", "2026-11-20"] + db).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-23", "--channel", "杨浦区人民政府门户网站"] + db).stderr.isEmpty)
    let twice = try gongkai(["disclose", "1", "--date", "2026-11-23", "--channel", "杨浦区人民政府\u{3000}门户网站"] + db)
    #expect(twice.status == 65)
    #expect(twice.stderrLines == [
      "gongkai: --channel '杨浦区人民政府\u{3000}门户网站' is the channel of disclosure 1, published the same day, recorded as "
        + "'杨浦区人民政府门户网站' with other spaces (U+3000 in the one given): one publication, which a second record would show "
        + "twice on the notices under two 索引号; type it as recorded, or, if the register's spelling is the wrong one, correct it "
        + "(`gongkai withdraw --disclosure 1 --reason 渠道名称有误` and `gongkai disclose` it again) first",
    ], "\(twice.stderr)")
    // Another channel is another publication
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-23", "--channel", "上海市建设市场信息服务平台"] + db).stderr.isEmpty)
    // The same one on another day is recorded, with the withdrawal that corrects the first one's date if that was meant,
    // and the two spellings said when its spaces differ
    let respelt = try gongkai(["disclose", "1", "--date", "2026-11-24", "--channel", "杨浦区人民政府 门户网站"] + db)
    #expect(respelt.status == 0)
    #expect(respelt.stderrLines == [
      "gongkai: warning: disclosure 3 of 2026-11-24 was recorded beside disclosure 1 of 2026-11-23, on the same channel; if "
        + "disclosure 3 corrects the date of disclosure 1, withdraw disclosure 1 (`gongkai withdraw --disclosure 1 --reason 更正公开日期`); "
        + "the channel is spelt '杨浦区人民政府门户网站' there, with other spaces, and shows two ways on the notices: to keep one "
        + "spelling, withdraw disclosure 3 (`gongkai withdraw --disclosure 3 --reason 渠道名称有误`) and record it again spelt as "
        + "disclosure 1 is",
    ], "\(respelt.stderr)")
  }

  /// A clerk who took `disclose` for the correction of a publication's day records a second publication, and the
  /// wrong day keeps counting: said at once, with the withdrawal that corrects it. At another address it is another page.
  @Test func aSecondPublicationOnTheSameChannelOnAnotherDayIsSaid() throws {
    let code = "2026-310110-48-01-000313"
    let (_, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "bidding.contract", "--date", "2026-11-20"] + db).status == 0)
    let channel = ["--channel", "杨浦区人民政府门户网站"]
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-23", "--url", "https://xxgk.yangpu.example/a.html"] + channel + db)
      .stderr.isEmpty)
    let elsewhere = try gongkai(["disclose", "1", "--date", "2026-11-26", "--url", "https://xxgk.yangpu.example/b.html"] + channel + db)
    #expect(elsewhere.status == 0)
    #expect(elsewhere.stderrLines.isEmpty, "\(elsewhere.stderr)")
    for day in ["2026-11-24", "2026-11-25"] {
      let again = try gongkai(["disclose", "1", "--date", day] + channel + db)
      #expect(again.status == 0)
      #expect(again.stderrLines == [
        "gongkai: warning: disclosure \(day == "2026-11-24" ? 3 : 4) of \(day) was recorded beside disclosure 1 of 2026-11-23, "
          + "on the same channel; if disclosure \(day == "2026-11-24" ? 3 : 4) corrects the date of disclosure 1, withdraw "
          + "disclosure 1 (`gongkai withdraw --disclosure 1 --reason 更正公开日期`)",
      ], "\(again.stderr)")
    }
    // A 公示 taken down too early and put up again, as the alert tells, was not up beside the first: nothing to say
    let now = ["GONGKAI_NOW": "2026-11-20T10:00:00+08:00"]
    #expect(try gongkai(["log", code, "bidding.candidates", "--date", "2026-11-18"] + db, environment: now).status == 0)
    #expect(try gongkai(["disclose", "2", "--date", "2026-11-18", "--until", "2026-11-19"] + channel + db, environment: now).status == 0)
    let putUpAgain = try gongkai(["disclose", "2", "--date", "2026-11-20", "--until", "2026-11-23"] + channel + db, environment: now)
    #expect(putUpAgain.status == 0)
    #expect(putUpAgain.stderrLines.isEmpty, "\(putUpAgain.stderr)")
  }

  /// A publication withdrawn and recorded again under its corrected day, then reinstated by mistake, shows the item
  /// published twice on one channel: `reinstate` says so, with the withdrawals that settle it.
  @Test func aPublicationReinstatedBesideItsReplacementIsSaid() throws {
    let code = "2026-310110-48-01-000314"
    let (_, db) = try registerWithProject(code)
    let now = ["GONGKAI_NOW": "2026-11-27T10:00:00+08:00"]
    let channel = ["--channel", "杨浦区人民政府门户网站"]
    #expect(try gongkai(["log", code, "bidding.contract", "--date", "2026-11-16"] + db, environment: now).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-20"] + channel + db, environment: now).status == 0)
    #expect(try gongkai(["withdraw", "--disclosure", "1", "--reason", "更正公开日期"] + db, environment: now).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-18"] + channel + db, environment: now).stderrLines.isEmpty)
    let back = try gongkai(["reinstate", "--disclosure", "1", "--reason", "误撤回"] + db, environment: now)
    #expect(back.status == 0)
    #expect(back.stderrLines == [
      "gongkai: warning: disclosure 1 of 2026-11-20 is in force again beside disclosure 2 of 2026-11-18, on the same channel: if 2 "
        + "was recorded in its place, the item now shows as published twice; withdraw the one that is wrong (`gongkai withdraw "
        + "--disclosure 2 --reason 重复登记` or `gongkai withdraw --disclosure 1 --reason …`)",
    ], "\(back.stderr)")
    // Recorded again on its own day under the channel spelt with a full-width space, it is that publication: refused
    #expect(try gongkai(["withdraw", "--disclosure", "2", "--reason", "重复登记"] + db, environment: now).status == 0)
    #expect(try gongkai(["withdraw", "--disclosure", "1", "--reason", "渠道名称有误"] + db, environment: now).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-20", "--channel", "杨浦区人民政府\u{3000}门户网站"] + db, environment: now).status == 0)
    let twice = try gongkai(["reinstate", "--disclosure", "1", "--reason", "误撤回"] + db, environment: now)
    #expect(twice.status == 65)
    #expect(twice.stderrLines == [
      "gongkai: --disclosure '1' is not accepted: disclosure 3, in force, is its publication of 2026-11-20 on '杨浦区人民政府\u{3000}门户网站', "
        + "the channel spelt with other spaces ('杨浦区人民政府门户网站'): one publication; if this one is the record, withdraw "
        + "disclosure 3 first (`gongkai withdraw --disclosure 3 --reason 重复登记`)",
    ], "\(twice.stderr)")
  }

  /// `--project` guards a correction against a mistyped id; given the code `project recode` corrected away, it is
  /// refused as that code is everywhere, naming the right one, not as "another project" whose `project show` fails too.
  @Test func aCorrectionGuardedByACodeCorrectedAwayNamesTheRightCode() throws {
    let (former, right) = ("2026-310110-48-01-000330", "2026-310115-48-01-000330")
    let (_, db) = try registerWithProject(former)
    #expect(try gongkai(["log", former, "bidding.contract", "--date", "2026-11-20"] + db).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-23", "--channel", "杨浦区人民政府门户网站"] + db).status == 0)
    #expect(try gongkai(["project", "recode", former, right, "--reason", "区划代码填错", "--yes"] + db).status == 0)
    for command in [["withdraw", "1", "--reason", "重复登记"], ["amend", "1", "--date", "2026-11-19", "--reason", "更正形成日期"],
                    ["withdraw", "--disclosure", "1", "--reason", "重复登记"], ["disclose", "1", "--date", "2026-11-24", "--channel", "门户"]] {
      let refused = try gongkai(command + ["--project", former] + db)
      #expect(refused.status == 65)
      #expect(refused.stderrLines.first?.hasPrefix("gongkai: project \(former) 江浦路桥梁改建工程 is registered under its right code \(right) "
        + "since its code was corrected (区划代码填错): use \(right)") == true, "\(command): \(refused.stderr)")
    }
    // A registered project of another milestone is named as the project the id is not of
    let other = "2026-310110-48-01-000331"
    #expect(try gongkai(["project", "add", other, "--name", "控江路排水泵站工程", "--unit", "杨浦区建设和管理委员会"] + db).status == 0)
    let elsewhere = try gongkai(["withdraw", "--disclosure", "1", "--reason", "重复登记", "--project", other] + db)
    #expect(elsewhere.status == 65)
    #expect(elsewhere.stderrLines == ["gongkai: disclosure 1 (of milestone 1) belongs to project \(right), not \(other); check the id "
      + "(`gongkai project show \(other)` lists its publications)"])
    #expect(try gongkai(["withdraw", "1", "--reason", "重复登记", "--project", right] + db).status == 0)
  }

  /// A reorganisation renames a unit across the register: every project in force of it answers to the new unit in one
  /// transaction, the past stays the old unit's unless it is asked to move, and nothing is written unconfirmed.
  @Test func aUnitsProjectsAreHandedOverTogether() throws {
    let (old, new) = ("杨浦区建设和交通委员会", "杨浦区建设和管理委员会")
    let (a, b, c, d) = ("2026-310110-48-01-000301", "2026-310110-48-01-000302", "2026-310110-48-01-000303", "2026-310110-48-01-000304")
    let (folder, db) = try registerWithProject(a, name: "江浦路桥梁改建工程", unit: old)
    for (code, name, unit) in [(b, "杨树浦路道路大修工程", old), (c, "控江路排水泵站工程", "杨浦区审计局"), (d, "误导入的项目", old)] {
      #expect(try gongkai(["project", "add", code, "--name", name, "--unit", unit] + db).status == 0)
    }
    #expect(try gongkai(["log", a, "construction.participants", "--date", "2026-09-01"] + db).status == 0)
    #expect(try gongkai(["log", a, "completion.acceptance", "--date", "2026-09-02"] + db).status == 0)
    #expect(try gongkai(["withdraw", "2", "--reason", "重复登记"] + db).status == 0)
    #expect(try gongkai(["log", b, "construction.participants", "--date", "2026-09-03"] + db).status == 0)
    #expect(try gongkai(["log", c, "construction.participants", "--date", "2026-09-04", "--unit", old] + db).status == 0)
    #expect(try gongkai(["log", d, "construction.participants", "--date", "2026-09-05"] + db).status == 0)
    #expect(try gongkai(["project", "withdraw", d, "--reason", "浦东新区项目，误导入", "--yes"] + db).status == 0)
    let before = try gongkai(["history", "--format", "json"] + db).stdout

    // Unconfirmed, it says what it would take and writes nothing
    let preview = try gongkai(["project", "hand-over", old, new] + db)
    #expect(preview.status == 64)
    #expect(preview.stderrLines == ["gongkai: nothing handed over: 2 projects in force answer to \(old), and would answer to \(new); "
      + "3 milestones already recorded (1 of them withdrawn) would keep \(old) (--for-past-milestones would move them); 1 withdrawn project keeps \(old). "
      + "Every notice page names the unit: if this is the change meant, run the command again with --yes"])
    #expect(try gongkai(["history", "--format", "json"] + db).stdout == before)

    // Confirmed, the projects answer to the new unit from now on, and the past, withdrawn milestone included and told
    // apart, keeps the old
    let done = try gongkai(["project", "hand-over", old, new, "--yes", "--by", "王工"] + db)
    #expect(done.stdout == """
      handed over 2 projects in force from \(old) to \(new); 1 withdrawn project keeps \(old)
      3 milestones already recorded (1 of them withdrawn) kept \(old); --for-past-milestones moves them to the new unit\n
      """, "\(done.stderr)")
    #expect(try gongkai(["log", b, "completion.acceptance", "--date", "2026-11-02"] + db).status == 0)
    let units = { try self.auditRows(folder, db, asOf: "2026-11-27").map { "\($0["里程碑编号"]!) \($0["责任单位"]!)" }.sorted() }
    let kept = try units()
    #expect(kept == ["1 \(old)", "2 \(old)", "3 \(old)", "4 \(old)", "5 \(old)", "6 \(new)"], "\(kept)")
    let listed = try gongkai(["project", "list", "--format", "json"] + db).stdout
    #expect(listed.components(separatedBy: new).count == 3 && !listed.contains(old), "\(listed)")

    // Asked to move the past, it moves every milestone in force of the old unit, another project's own one included;
    // the withdrawn project keeps what it was registered under
    let moved = try gongkai(["project", "hand-over", old, new, "--for-past-milestones", "--yes"] + db)
    #expect(moved.stdout == "no project in force answers to \(old) any more; 1 withdrawn project keeps \(old)\n"
      + "4 milestones already recorded (1 of them withdrawn) under \(old) moved to \(new)\n", "\(moved.stderr)")
    let movedUnits = try units()
    #expect(movedUnits == ["1 \(new)", "2 \(new)", "3 \(new)", "4 \(new)", "5 \(old)", "6 \(new)"], "\(movedUnits)")
    #expect(try gongkai(["audit", "verify"] + db).status == 0)

    // Nothing of the old unit left in force: named as a unit that answers for nothing, and the same unit twice is refused
    let again = try gongkai(["project", "hand-over", old, new, "--yes"] + db)
    #expect(again.status == 65)
    #expect(again.stderrLines.first?.hasPrefix("gongkai: <unit> '\(old)' is the responsible unit only of projects or milestones withdrawn") == true,
            "\(again.stderr)")
    let same = try gongkai(["project", "hand-over", new, new, "--yes"] + db)
    #expect(same.status == 64 && same.stderrLines.first?.contains("<new-unit> is <unit> itself") == true, "\(same.stderr)")
  }

  @Test func aNewUnitAnswersForNewMilestonesAndThePastKeepsItsUnit() throws {
    // Given a project of the 建管委 with two milestones of its own unit and one of another unit
    let code = "2023-310110-78-01-000087"
    let (folder, db) = try registerWithProject(code, unit: "杨浦区建设和管理委员会")
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2025-09-01"] + db).status == 0)
    #expect(try gongkai(["log", code, "completion.acceptance", "--date", "2025-09-02"] + db).status == 0)
    #expect(try gongkai(["log", code, "approval-result.construction-permit", "--date", "2025-09-03", "--unit", "杨浦区审计局"] + db).status == 0)
    #expect(try gongkai(["withdraw", "2", "--reason", "重复登记"] + db).status == 0)

    // When the project is handed to a new unit
    let edit = try gongkai(["project", "edit", code, "--unit", "杨浦区新成立的建管中心", "--by", "王工"] + db)
    #expect(edit.status == 0, "\(edit.stderr)")
    #expect(edit.stdout == """
      updated project \(code): unit 杨浦区新成立的建管中心 (was 杨浦区建设和管理委员会)
      2 milestones already recorded (1 of them withdrawn) kept 杨浦区建设和管理委员会; --for-past-milestones moves them to the new unit\n
      """)
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2026-11-20", "--ref", "SG-2"] + db).status == 0)

    // Then the milestones recorded before stay under the old unit, withdrawn one included, and the new one is the new unit's
    let rows = try auditRows(folder, db, asOf: "2026-11-27")
    #expect(rows.map { $0["里程碑编号"] } == ["1", "2", "3", "4"])
    #expect(rows.map { $0["责任单位"] } == ["杨浦区建设和管理委员会", "杨浦区建设和管理委员会", "杨浦区审计局", "杨浦区新成立的建管中心"])
    // and the project's page names who must publish each one recorded before: the units that are not the project's
    let shown = try gongkai(["project", "show", code, "--as-of", "2026-11-27"] + db).stdout
    #expect(shown.contains("  #1  2025-09-01  construction.participants"))
    #expect(shown.components(separatedBy: "        责任单位 杨浦区建设和管理委员会\n").count == 2, "\(shown)")
    #expect(shown.contains("        责任单位 杨浦区审计局\n"))
    #expect(!shown.contains("        责任单位 杨浦区新成立的建管中心"))
    // the withdrawn one is not listed, but said to be there
    #expect(!shown.contains("  #2  "))
    #expect(shown.hasSuffix("\n  另有 1 项登记有误已撤回，不计入；`gongkai history \(code)` 可见其内容、撤回人和原因\n"))
    // each kept unit is logged, by whom, before and after, and the register still matches its log
    let history = try gongkai(["history", code, "--format", "json"] + db)
    let log = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
    let kept = log.filter { $0["entity"] as? String == "milestone" && $0["action"] as? String == "update" }
    #expect(kept.map { $0["entityId"] as? Int } == [1, 2])
    #expect(kept.allSatisfy { $0["actor"] as? String == "王工" })
    #expect(kept.allSatisfy { ($0["after"] as? [String: Any])?["responsibleUnit"] as? String == "杨浦区建设和管理委员会" })
    #expect(kept.allSatisfy { ($0["before"] as? [String: Any])?["responsibleUnit"] == nil })
    #expect(try gongkai(["audit", "verify"] + db).status == 0)
    // A unit filter still finds what the old unit answers for
    let check = try gongkai(["check", "--as-of", "2026-11-27", "--unit", "杨浦区建设和管理委员会", "--format", "json", "--fail-on", "never"] + db)
    #expect(check.status == 0, "\(check.stderr)")
    let findings = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
    #expect(findings.map { $0["milestoneId"] as? Int } == [1])
  }

  @Test func movingThePastToTheNewUnitIsAskedForExplicitly() throws {
    let code = "2023-310110-78-01-000088"
    let (folder, db) = try registerWithProject(code, unit: "杨浦区建设和管理委员会")
    #expect(try gongkai(["log", code, "construction.participants", "--date", "2025-09-01"] + db).status == 0)
    #expect(try gongkai(["log", code, "completion.acceptance", "--date", "2025-09-02", "--unit", "杨浦区建设和管理委员会"] + db).status == 0)
    #expect(try gongkai(["log", code, "approval-result.construction-permit", "--date", "2025-09-03", "--unit", "杨浦区审计局"] + db).status == 0)

    // The flag alone changes nothing: it is refused (64), the register untouched
    let database = db[1]
    let before = snapshot(database)
    let refused = try gongkai(["project", "edit", code, "--for-past-milestones"] + db)
    #expect(refused.status == 64)
    #expect(refused.stderr.contains("--for-past-milestones moves milestones to a new unit; give the unit with --unit"))
    #expect(snapshot(database) == before)

    // With the unit, every milestone naming the old unit moves; another unit's stays
    let edit = try gongkai(["project", "edit", code, "--unit", "杨浦区建设管理中心", "--for-past-milestones"] + db)
    #expect(edit.status == 0, "\(edit.stderr)")
    #expect(edit.stdout == """
      updated project \(code): unit 杨浦区建设管理中心 (was 杨浦区建设和管理委员会)
      2 milestones already recorded under 杨浦区建设和管理委员会 moved to 杨浦区建设管理中心\n
      """)
    let rows = try auditRows(folder, db, asOf: "2026-11-27")
    #expect(rows.map { $0["责任单位"] } == ["杨浦区建设管理中心", "杨浦区建设管理中心", "杨浦区审计局"])
    #expect(try gongkai(["audit", "verify"] + db).status == 0)
  }

  /// An end given to a publication of an item with no minimum period judges nothing: recorded, with a warning that
  /// names the likely mistake (a 公示 of another item) and its repair.
  @Test func anEndOfAnItemWithoutAMinimumPeriodIsRecordedWithAWarning() throws {
    let code = "2026-310110-48-01-000218"
    let (_, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "approval-result.construction-permit", "--date", "2026-11-02"] + db).status == 0)
    #expect(try gongkai(["log", code, "bidding.candidates", "--date", "2026-11-02"] + db).status == 0)
    // Recorded the day they went up, as a clerk records them
    let now = ["GONGKAI_NOW": "2026-11-03T10:00:00+08:00"]
    let permit = try runGongkai(["disclose", "1", "--date", "2026-11-03", "--channel", "区政府门户网站", "--until", "2026-11-10"] + db,
                                environment: now)
    #expect(permit.status == 0)
    #expect(permit.stderr == """
      gongkai: warning: approval-result.construction-permit (施工许可证（或者开工报告批准）) has no minimum publication period, \
      so --until judges nothing and is kept as the day the notice came down; if it was the 公示 of another item, withdraw it \
      (`gongkai withdraw --disclosure 1 --reason 记录在错误的里程碑`) and record it on that item's milestone\n
      """)
    let candidates = try runGongkai(["disclose", "2", "--date", "2026-11-03", "--channel", "中国招标投标公共服务平台", "--until", "2026-11-10"] + db,
                                    environment: now)
    #expect(candidates.status == 0 && candidates.stderr.isEmpty, "\(candidates.stderr)")
  }

  /// An evaluator's finding: `--as-of` after today on `log` printed "already overdue" for an item due weeks later, which
  /// a clerk who meant `--date` takes for today's standing. Recorded, with a warning; today's own day is not warned of.
  @Test func aStandingJudgedAfterTodayIsWarnedOf() throws {
    let code = "2026-310110-48-01-000215"
    let (_, db) = try registerWithProject(code)
    let now = ["GONGKAI_NOW": "2026-11-27T09:00:00+08:00"]
    let ahead = try gongkai(["log", code, "bidding.contract", "--date", "2026-11-26", "--as-of", "2027-01-04"] + db, environment: now)
    #expect(ahead.status == 0 && ahead.stdout.contains("already overdue"), "\(ahead.stdout)")
    #expect(ahead.stderrLines == ["gongkai: warning: --as-of 2027-01-04 is after today (2026-11-27 in China Standard Time): the "
      + "record is made today, and where it stands is told as of 2027-01-04, should nothing be published meanwhile"], "\(ahead.stderr)")
    let disclosed = try gongkai(["disclose", "1", "--date", "2026-11-27", "--channel", "区政府网站", "--as-of", "2026-12-01"] + db,
                                environment: now)
    #expect(disclosed.status == 0 && disclosed.stderr.contains("--as-of 2026-12-01 is after today"), "\(disclosed.stderr)")
    let today = try gongkai(["log", code, "bidding.result", "--date", "2026-11-26", "--as-of", "2026-11-27"] + db, environment: now)
    #expect(today.status == 0 && today.stderr.isEmpty, "\(today.stderr)")
  }
}
