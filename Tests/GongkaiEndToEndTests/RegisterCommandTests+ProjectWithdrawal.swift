import Foundation
import Testing
import TestSupport

/// A project registered by mistake (a wrong code, another district's file imported): withdrawn, it leaves every
/// public output, stays on record for auditors, and nothing is recorded under its code while it stays withdrawn.
extension RegisterCommandTests {
  @Test func aProjectUnderAWrongCodeMovedToItsRightOneAndWithdrawnLeavesThePublicOutputs() throws {
    let (folder, database) = try sampleRegister()
    let db = ["--database", database]
    let wrong = "2024-310110-48-01-000046", right = "2024-310110-48-01-000064"
    let notices = folder.appendingPathComponent("notices").path
    try FileManager.default.createDirectory(atPath: notices, withIntermediateDirectories: true)
    #expect(try gongkai(["export", "notices", "--out", notices, "--as-of", "2026-11-27"] + db).status == 0)
    #expect(FileManager.default.fileExists(atPath: notices + "/\(wrong).html"))
    // The feed's entries of its items, each by the 索引号 of the item's first publication.
    let entries = try String(contentsOfFile: notices + "/feed.atom", encoding: .utf8)
      .matches(of: /<id>urn:gongkai:notice:([^<]+)<\/id>\n<title>杨浦区靖宇东路/).map { String($0.output.1) }
    #expect(entries.count > 5)

    // The project's file, exported before the withdrawal, its code corrected: imported beside the project in force, it
    // would register the project twice (refused); once the wrong one is withdrawn, the project under its right code.
    let file = folder.appendingPathComponent("\(right).yaml").path
    #expect(try gongkai(["export", "project", wrong, "--out", file] + db).status == 0)
    try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: wrong, with: right)
      .write(toFile: file, atomically: true, encoding: .utf8)
    #expect(try gongkai(["import", file] + db).status == 65)
    // Without --yes, nothing is written: the refusal names the project, for a mistyped code to show.
    let unconfirmed = try gongkai(["project", "withdraw", wrong, "--reason", "项目代码填错，已按正确代码重新登记"] + db)
    #expect(unconfirmed.status == 64)
    #expect(unconfirmed.stderr.contains("nothing withdrawn: project \(wrong) 杨浦区靖宇东路（黎平路—军工路）道路新建及排水工程 holds 18 milestones in force and 21 publications"))
    #expect(try gongkai(["project", "list"] + db).stdout.contains(wrong))
    let withdraw = try gongkai(["project", "withdraw", wrong, "--reason", "项目代码填错，已按正确代码重新登记", "--by", "王工", "--yes"] + db)
    #expect(withdraw.status == 0, "\(withdraw.stderr)")
    #expect(withdraw.stdout.hasPrefix("withdrew project \(wrong) 杨浦区靖宇东路"))
    #expect(withdraw.stdout.contains("and 18 milestones in force (21 publications off the public notices at the next full export)"))
    #expect(try gongkai(["import", file] + db).status == 0)

    // The next export removes its page, leaves it off the index and names its published items deleted in the feed.
    let export = try gongkai(["export", "notices", "--out", notices, "--as-of", "2026-11-27"] + db)
    #expect(export.stdout.contains("wrote 4 project notices"))
    #expect(export.stdout.contains("; removed the pages of 1 withdrawn project"))
    #expect(!FileManager.default.fileExists(atPath: notices + "/\(wrong).html"))
    #expect(FileManager.default.fileExists(atPath: notices + "/\(right).html"))
    let index = try String(contentsOfFile: notices + "/index.html", encoding: .utf8)
    #expect(!index.contains(wrong) && index.contains(right))
    let feed = try String(contentsOfFile: notices + "/feed.atom", encoding: .utf8)
    let deleted = Set(feed.matches(of: /<at:deleted-entry ref="urn:gongkai:notice:([^"]+)"/).map { String($0.output.1) })
    #expect(Set(entries).isSubset(of: deleted))
    #expect(feed.contains("<at:comment>项目登记有误，已撤回：项目代码填错，已按正确代码重新登记</at:comment>"))

    // Nor is it in the open data, the project list or the check.
    for (format, name) in [("oc4ids", "oc4ids.json"), ("json", "disclosures.json")] {
      let path = folder.appendingPathComponent(name).path
      #expect(try gongkai(["export", format, "--out", path, "--as-of", "2026-11-27"] + db).status == 0)
      let text = try String(contentsOfFile: path, encoding: .utf8)
      #expect(!text.contains(wrong) && text.contains(right), "\(format)")
    }
    let list = try gongkai(["project", "list"] + db)
    #expect(!list.stdout.contains(wrong) && list.stdout.contains(right))
    let withdrawn = try gongkai(["project", "list", "--withdrawn"] + db)
    #expect(withdrawn.stdout.split(separator: "\n").count == 1)
    #expect(withdrawn.stdout.hasPrefix(wrong) && withdrawn.stdout.contains("已撤回：项目代码填错，已按正确代码重新登记"))
    for arguments in [["check", "--project", wrong], ["export", "notices", "--out", notices, "--project", wrong]] {
      let refused = try gongkai(arguments + ["--as-of", "2026-11-27"] + db)
      #expect(refused.status == 65, "\(arguments)")
      #expect(refused.stderr.contains("the project was withdrawn as registered by mistake (项目代码填错，已按正确代码重新登记)"))
    }

    // The auditors keep its rows, withdrawn, with who withdrew it, and the log is whole.
    let rows = try auditRows(folder, db, asOf: "2026-11-27", ["--lang", "en"]).filter { $0.values.contains(wrong) }
    #expect(rows.count == 18)
    #expect(Set(rows.map { $0["status"] }) == ["withdrawn"])
    #expect(Set(rows.map { $0["withdrawn_reason"] }) == ["（项目撤回）项目代码填错，已按正确代码重新登记"])
    #expect(Set(rows.map { $0["withdrawn_by"] }) == ["王工"])
    let show = try gongkai(["project", "show", wrong] + db)
    #expect(show.stdoutLines[1].hasPrefix("  已撤回：项目代码填错，已按正确代码重新登记"))
    #expect(show.stdout.contains("18 项均已撤回；") && !show.stdout.contains("（尚无）"))
    #expect(show.stdout.contains("如系误撤回，`gongkai project reinstate \(wrong) --reason 原因 --yes` 恢复该项目"))
    let history = try gongkai(["history", wrong] + db)
    #expect(history.stdout.contains("王工  撤回项目 #2"))
    #expect(try gongkai(["audit", "verify"] + db).status == 0)
  }

  @Test func nothingIsRecordedUnderTheCodeOfAWithdrawnProject() throws {
    let code = "2026-310110-48-01-000920"
    let (folder, db) = try registerWithProject(code, unit: "虹口区建设和管理委员会")
    #expect(try gongkai(["log", code, "approval-result.construction-permit", "--date", "2026-11-02"] + db).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-03", "--channel", "虹口区人民政府门户网站"] + db).status == 0)
    let pages = folder.appendingPathComponent("pages").path
    try FileManager.default.createDirectory(atPath: pages, withIntermediateDirectories: true)
    let markdown = ["export", "notices", "--format", "md", "--out", pages, "--as-of", "2026-11-27"] + db
    #expect(try gongkai(markdown).status == 0)
    #expect(try gongkai(["export", "notices", "--format", "txt", "--out", pages, "--as-of", "2026-11-27", "--project", code] + db).status == 0)
    #expect(FileManager.default.fileExists(atPath: pages + "/\(code).md"))
    #expect(try gongkai(["project", "withdraw", code, "--reason", "他区项目误导入", "--yes"] + db).status == 0)
    // Its pages in every format go, as one project's.
    #expect(try gongkai(markdown).stdout.contains("wrote 0 project notices (0 published items) to \(pages); removed the pages of 1 withdrawn project"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: pages).filter { $0.hasPrefix(code) }.isEmpty)
    // Once removed, it is not said again.
    #expect(try gongkai(markdown).stdout == "wrote 0 project notices (0 published items) to \(pages)\n")
    let sheet = folder.appendingPathComponent("sheet.csv").path
    try "project,kind,formed\n\(code),construction.participants,2026-11-03\n".write(toFile: sheet, atomically: true, encoding: .utf8)

    let database = db[1]
    let before = snapshot(database)
    for arguments in [
      ["log", code, "construction.participants", "--date", "2026-11-03"],
      ["project", "edit", code, "--name", "（作废）"],
      ["project", "add", code, "--name", "江浦路桥梁改建工程", "--unit", "杨浦区建设和管理委员会"],
      ["import", "milestones", sheet],
      ["disclose", "1", "--date", "2026-11-04", "--channel", "另一网站"],
      ["amend", "1", "--date", "2026-11-01", "--reason", "更正形成日期"],
      ["withdraw", "--disclosure", "1", "--reason", "重复登记"],
      ["withdraw", "1", "--reason", "重复登记"],
    ] {
      let refused = try gongkai(arguments + db)
      #expect(refused.status == 65, "\(arguments)")
      #expect(refused.stderr.contains("\(code) was withdrawn as registered by mistake (他区项目误导入)"), "\(arguments): \(refused.stderr)")
    }
    // Its unit, which no project in force names, filters nothing: refused, not an all clear, and said to be a
    // withdrawn project's, not an unknown one. The audit CSV, which keeps withdrawn rows, takes it.
    let unit = try gongkai(["check", "--unit", "虹口区建设和管理委员会"] + db)
    #expect(unit.status == 65)
    #expect(unit.stderr.contains("--unit '虹口区建设和管理委员会' is the responsible unit only of projects or milestones withdrawn as "
      + "recorded by mistake, so nothing of it is checked or published"), "\(unit.stderr)")
    let audit = try gongkai(["export", "audit-csv", "--unit", "虹口区建设和管理委员会", "--out", folder.appendingPathComponent("a.csv").path] + db)
    #expect(audit.status == 0, "\(audit.stderr)")
    let rows = try String(contentsOf: folder.appendingPathComponent("a.csv"), encoding: .utf8)
    #expect(rows.contains(code), "\(rows)")
    #expect(snapshot(database) == before)

    // Run again (a script retried), it changes nothing and says so.
    let again = try gongkai(["project", "withdraw", code, "--reason", "重复执行", "--yes"] + db)
    #expect(again.status == 0)
    #expect(again.stdout.contains("unchanged: already withdrawn (他区项目误导入)"))
    // Without --yes too: there is nothing left to confirm.
    let unconfirmed = try gongkai(["project", "withdraw", code, "--reason", "重复执行"] + db)
    #expect(unconfirmed.status == 0)
    #expect(unconfirmed.stdout.contains("project \(code) 江浦路桥梁改建工程 unchanged: already withdrawn (他区项目误导入)"))
    #expect(snapshot(database) == before)
    #expect(try gongkai(["project", "withdraw", "2026-310110-48-01-000921", "--reason", "x", "--yes"] + db).status == 65)
    #expect(try gongkai(["project", "withdraw", code, "--yes"] + db).status == 64)
  }

  /// The folder a nightly import reads still holds the file exported before the withdrawal: passed over, said, while
  /// the other projects' records go in. Exported again, the file holds the milestones as they stood, to import under
  /// the project's right code.
  @Test func aWithdrawnProjectsFileIsPassedOverAndExportedAsItStoodBefore() throws {
    let (_, database, projects) = try emptyRegisterAndProjectsFolder()
    let db = ["--database", database]
    let wrong = "2026-310110-48-01-000920", other = "2026-310110-48-01-000930"
    for (code, name) in [(wrong, "江浦路桥梁改建工程"), (other, "控江路改建工程")] {
      #expect(try gongkai(["project", "add", code, "--name", name, "--unit", "杨浦区建设和管理委员会"] + db).status == 0)
      #expect(try gongkai(["export", "project", code, "--out", projects.appendingPathComponent("\(code).yaml").path] + db).status == 0)
    }
    #expect(try gongkai(["log", wrong, "approval-result.construction-permit", "--date", "2026-11-02", "--summary", "核发施工许可证"] + db).status == 0)
    #expect(try gongkai(["export", "project", wrong, "--out", projects.appendingPathComponent("\(wrong).yaml").path] + db).status == 0)
    #expect(try gongkai(["project", "withdraw", wrong, "--reason", "项目代码填错", "--yes"] + db).status == 0)
    let otherFile = projects.appendingPathComponent("\(other).yaml")
    try String(contentsOf: otherFile, encoding: .utf8)
      .replacingOccurrences(of: "milestones: []", with: "milestones:\n- kind: construction.participants\n  formed: 2026-11-20")
      .write(to: otherFile, atomically: true, encoding: .utf8)

    let sync = try gongkai(["import", projects.path] + db)
    #expect(sync.status == 0, "\(sync.stderr)")
    #expect(sync.stderr.contains("\(wrong).yaml:2: code: not imported: project \(wrong) was withdrawn as registered by mistake (项目代码填错)"), "\(sync.stderr)")
    #expect(sync.stderr.contains("take the file out of the folder"))
    // The file passed over is not counted among those imported.
    #expect(sync.stdout.contains("imported 1 of 2 project files: 0 created, 1 updated, 0 unchanged, 1 of withdrawn projects not imported (1 milestone"), "\(sync.stdout)")
    // A second copy of it is passed over too, not taken for a project in two files.
    try FileManager.default.copyItem(at: projects.appendingPathComponent("\(wrong).yaml"), to: projects.appendingPathComponent("copy.yaml"))
    let again = try gongkai(["import", projects.path] + db)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.contains("imported 1 of 3 project files: nothing changed (1 unchanged, 2 of withdrawn projects not imported)"))
    // Named, the file is meant to be imported: refused, with the step forgotten.
    let before = snapshot(database)
    let named = try gongkai(["import", projects.appendingPathComponent("\(wrong).yaml").path] + db)
    #expect(named.status == 65)
    #expect(named.stderr.contains("code: project \(wrong) was withdrawn as registered by mistake (项目代码填错), and nothing is recorded under its code while it stays withdrawn; correct the file's code: line"))
    #expect(snapshot(database) == before)

    let exported = try gongkai(["export", "project", wrong, "--out", "-"] + db)
    #expect(exported.status == 0)
    #expect(exported.stdout.contains("summary: 核发施工许可证"))
    #expect(!exported.stdout.contains("withdrawn:"))
  }

  /// Moved after its withdrawal, a project arrives under its right code as it stood: its link and its corrected date
  /// with it, and without the mistake withdrawn on its own before (kept under the wrong code), which would arrive as
  /// a new withdrawn record, its publication given a new 索引号 the feed then retracts though it was never public.
  @Test func aProjectMovedAfterItsWithdrawalArrivesAsItStood() throws {
    let wrong = "2026-310110-48-01-000920", right = "2026-310110-48-01-000902"
    let (folder, db) = try registerWithProject(wrong)
    for command in [
      ["log", wrong, "approval-result.construction-planning-permit", "--date", "2026-10-09", "--ref", "建字第1号"],
      ["disclose", "1", "--date", "2026-10-12", "--channel", "区政府门户网站"],
      ["log", wrong, "design-change.permit-change", "--date", "2026-11-02", "--ref", "建字第2号", "--changes", "1"],
      ["log", wrong, "bidding.candidates", "--date", "2026-11-02"],
      ["disclose", "3", "--date", "2026-11-03", "--channel", "区政府门户网站"],
      ["withdraw", "3", "--reason", "重复登记"],
      ["amend", "2", "--date", "2026-11-03", "--reason", "按原件更正形成日期"],
      ["project", "withdraw", wrong, "--reason", "代码应为000902", "--yes"],
    ] {
      let result = try gongkai(command + db)
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    let file = folder.appendingPathComponent("right.yaml").path
    let export = try gongkai(["export", "project", wrong, "--out", file] + db)
    #expect(export.stderr.contains("the file holds its milestones as they stood before"))
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(!text.contains("withdrawn:") && !text.contains("bidding.candidates"))
    #expect(text.contains("formed: 2026-11-03") && text.contains("changes: \"approval-result.construction-planning-permit@2026-10-09#建字第1号\""))
    try text.replacingOccurrences(of: "code: \(wrong)", with: "code: \(right)").write(toFile: file, atomically: true, encoding: .utf8)

    let moved = try gongkai(["import", file] + db)
    #expect(moved.stdout.contains("1 created, 0 updated, 0 unchanged (2 milestones, 1 disclosure written; new milestones 4-5)"), "\(moved.stdout)\(moved.stderr)")
    let show = try gongkai(["project", "show", right, "--as-of", "2026-11-27"] + db)
    #expect(show.stdout.contains("design-change.permit-change") && !show.stdout.contains("另有"))
    let list = try gongkai(["project", "list", "--withdrawn", "--format", "json"] + db)
    #expect(list.stdout.contains("\"withdrawnReason\" : \"代码应为000902\""))
  }

  /// The wrong one of two projects withdrawn: reinstated, it is back on the portal and in the checks with what its
  /// withdrawal took, its feed entries dated after the deletions readers saw, while a milestone withdrawn on its own
  /// before stays withdrawn.
  @Test func aProjectWithdrawnByMistakeIsReinstatedWithItsPublications() throws {
    let code = "2026-310110-48-01-000209"
    let (folder, db) = try registerWithProject(code)
    func at(_ instant: String) -> [String: String] { ["GONGKAI_NOW": "2026-11-\(instant)+08:00"] }
    for (command, now) in [
      (["log", code, "approval-result.construction-permit", "--date", "2026-11-02"], "02T09:00:00"),
      (["log", code, "construction.participants", "--date", "2026-11-02"], "02T09:00:00"),
      (["disclose", "1", "--date", "2026-11-03", "--channel", "区政府门户网站"], "03T09:00:00"),
      (["disclose", "2", "--date", "2026-11-03", "--channel", "区政府门户网站"], "03T09:00:00"),
      (["withdraw", "2", "--reason", "重复登记"], "05T09:00:00"),
      (["project", "withdraw", code, "--reason", "误以为代码错误", "--by", "李工", "--yes"], "10T10:00:00"),
    ] {
      let result = try gongkai(command + db, environment: at(now))
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    let notices = folder.appendingPathComponent("notices").path
    try FileManager.default.createDirectory(atPath: notices, withIntermediateDirectories: true)
    let export = ["export", "notices", "--out", notices, "--as-of", "2026-11-20"] + db
    #expect(try gongkai(export).status == 0)
    let permit = "urn:gongkai:notice:310110-2026-00001", participants = "urn:gongkai:notice:310110-2026-00002"
    var feed = try String(contentsOfFile: notices + "/feed.atom", encoding: .utf8)
    #expect(feed.contains("<at:deleted-entry ref=\"\(permit)\" when=\"2026-11-10T10:00:00+08:00\">"))

    // Without a reason, of a code never registered, or unconfirmed, nothing is written; the refusals say what to do.
    let database = db[1]
    let before = snapshot(database)
    #expect(try gongkai(["project", "reinstate", code, "--yes"] + db).stderr
      == "gongkai: --reason is missing or empty; give a sentence saying why, e.g. 误撤回，应撤回的是000920\n")
    let unknown = try gongkai(["project", "reinstate", "2026-310110-48-01-000210", "--reason", "撤回有误", "--yes"] + db)
    #expect(unknown.status == 65)
    #expect(unknown.stderr.contains("`gongkai project list --withdrawn` lists the projects withdrawn"))
    let unconfirmed = try gongkai(["project", "reinstate", code, "--reason", "撤回有误，代码无误"] + db)
    #expect(unconfirmed.status == 64)
    #expect(unconfirmed.stderr == """
      gongkai: nothing reinstated: project \(code) 江浦路桥梁改建工程 was withdrawn (误以为代码错误) with 1 milestone and 1 \
      publication, which reinstating puts back on the public notices: if this is the project meant, run the command again \
      with --yes\n
      """)
    #expect(snapshot(database) == before)
    let reinstate = try gongkai(["project", "reinstate", code, "--reason", "撤回有误，代码无误", "--by", "李工", "--yes"] + db,
                                environment: at("12T15:00:00"))
    #expect(reinstate.status == 0, "\(reinstate.stderr)")
    #expect(reinstate.stdout == """
      reinstated project \(code) 江浦路桥梁改建工程 and 1 milestone its withdrawal took (1 publication back on the public \
      notices at the next full export)\n
      """)
    // A publication recorded later that day comes after the reinstated items in the feed, as its entry is dated by the
    // instant it was recorded.
    #expect(try gongkai(["log", code, "bidding.candidates", "--date", "2026-11-11"] + db, environment: at("12T16:00:00")).status == 0)
    #expect(try gongkai(["disclose", "3", "--date", "2026-11-12", "--channel", "区政府门户网站"] + db,
                        environment: at("12T16:00:00")).status == 0)

    // The page and the feed entry are back, dated by the reinstatement; the milestone withdrawn on its own is not.
    #expect(try gongkai(export).stdout.hasPrefix("wrote 1 project notice (2 published items)"))
    #expect(FileManager.default.fileExists(atPath: notices + "/\(code).html"))
    feed = try String(contentsOfFile: notices + "/feed.atom", encoding: .utf8)
    #expect(feed.contains("<id>\(permit)</id>\n<title>江浦路桥梁改建工程：施工许可证（或者开工报告批准）</title>\n<updated>2026-11-12T15:00:00+08:00</updated>"))
    #expect(!feed.contains("ref=\"\(permit)\""))
    #expect(feed.contains("<id>urn:gongkai:notice:310110-2026-00003</id>\n<title>江浦路桥梁改建工程：中标候选人公示</title>\n<updated>2026-11-12T16:00:00+08:00</updated>"))
    #expect(feed.contains("<at:deleted-entry ref=\"\(participants)\" when=\"2026-11-05T09:00:00+08:00\">"))
    let rows = try auditRows(folder, db, asOf: "2026-11-20", ["--lang", "en"])
    #expect(rows.map { [$0["milestone_id"], $0["status"], $0["withdrawn_reason"]] }
      == [["1", "on-time", ""], ["2", "withdrawn", "重复登记"], ["3", "on-time", ""]])
    #expect(try gongkai(["project", "list"] + db).stdout.contains(code))
    #expect(try gongkai(["project", "list", "--withdrawn"] + db).stdout.isEmpty)
    let history = try gongkai(["history", code] + db).stdout
    #expect(history.contains("2026-11-12T15:00:00+08:00  李工  恢复项目 #1\n    撤回原因: 误以为代码错误 → —\n    恢复原因 撤回有误，代码无误\n"))
    #expect(history.contains("李工  恢复里程碑 #1\n    撤回原因: （项目撤回）误以为代码错误 → —\n"))
    #expect(try gongkai(["audit", "verify"] + db).status == 0)

    // In force, it is left as it is.
    let after = snapshot(database)
    let again = try gongkai(["project", "reinstate", code, "--reason", "重复执行"] + db)
    #expect(again.status == 0)
    #expect(again.stdout == "project \(code) 江浦路桥梁改建工程 unchanged: it is in force\n")
    #expect(snapshot(database) == after)
  }

  @Test func aProjectUnderAWrongCodeIsRecodedWithItsRecordAndItsOldCodeIsRefused() throws {
    let wrong = "2026-310110-48-01-000920", right = "2026-310110-48-01-000902"
    let (folder, db) = try registerWithProject(wrong)
    func at(_ instant: String) -> [String: String] { ["GONGKAI_NOW": "2026-11-\(instant)+08:00"] }
    #expect(try gongkai(["log", wrong, "approval-result.construction-permit", "--date", "2026-11-02"] + db, environment: at("02T09:00:00")).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-03", "--channel", "区政府门户网站"] + db, environment: at("03T09:00:00")).status == 0)
    let files = folder.appendingPathComponent("projects").path
    #expect(try gongkai(["export", "project", wrong, "--out", files + "/\(wrong).yaml"] + db).status == 0)
    let notices = folder.appendingPathComponent("notices").path
    try FileManager.default.createDirectory(atPath: notices, withIntermediateDirectories: true)
    let export = ["export", "notices", "--out", notices, "--as-of", "2026-11-20"] + db
    #expect(try gongkai(export).status == 0)

    // Unconfirmed, nothing is written, and the refusal names what would move.
    let database = db[1]
    let before = snapshot(database)
    let unconfirmed = try gongkai(["project", "recode", wrong, right, "--reason", "项目代码填错"] + db)
    #expect(unconfirmed.status == 64)
    #expect(unconfirmed.stderr == """
      gongkai: nothing recoded: project \(wrong) 江浦路桥梁改建工程 holds 1 milestone in force and 1 publication, which move \
      to \(right) with its history; if \(right) is its right code, run the command again with --yes\n
      """)
    #expect(snapshot(database) == before)
    let recode = try gongkai(["project", "recode", wrong, right, "--reason", "项目代码填错", "--by", "李工", "--yes"] + db,
                             environment: at("12T15:00:00"))
    #expect(recode.status == 0, "\(recode.stderr)")
    #expect(recode.stdout.hasPrefix("recoded project 江浦路桥梁改建工程 from \(wrong) to \(right), with 1 milestone in force and 1 publication"))

    // The page moves, and the feed entry keeps its 索引号, dated by the correction.
    #expect(try gongkai(export).stdout.contains("removed 1 page under corrected codes"))
    #expect(!FileManager.default.fileExists(atPath: notices + "/\(wrong).html"))
    #expect(FileManager.default.fileExists(atPath: notices + "/\(right).html"))
    let feed = try String(contentsOfFile: notices + "/feed.atom", encoding: .utf8)
    #expect(feed.contains("<id>urn:gongkai:notice:310110-2026-00001</id>\n<title>江浦路桥梁改建工程：施工许可证（或者开工报告批准）</title>\n<updated>2026-11-12T15:00:00+08:00</updated>"))
    #expect(feed.contains("<link rel=\"alternate\" href=\"\(right).html\"/>"))
    // Its history is whole under the right code; the audit rows carry it.
    let history = try gongkai(["history", right] + db).stdout
    #expect(history.contains("新增公开 D1"))
    #expect(history.hasSuffix("2026-11-12T15:00:00+08:00  李工  更正项目代码 #1\n    项目代码: \(wrong) → \(right)\n    代码更正原因 项目代码填错\n"))
    let rows = try auditRows(folder, db, asOf: "2026-11-20", ["--lang", "en"])
    #expect(rows.map { $0["project_code"] } == [right], "\(rows)")
    #expect(try gongkai(["audit", "verify"] + db).status == 0)
    #expect(try gongkai(["project", "show", right, "--as-of", "2026-11-20"] + db).stdout
      .contains("\n  原代码    \(wrong)（更正原因：项目代码填错）\n"))
    // Open data names the project by its right code and keeps the wrong one among its identifiers: a consumer that
    // merged an earlier copy under the wrong code finds the project again, though its OC4IDS id changed with the code.
    let oc4ids = folder.appendingPathComponent("oc4ids.json").path
    #expect(try gongkai(["export", "oc4ids", "--out", oc4ids, "--as-of", "2026-11-20"] + db).status == 0)
    let package = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: oc4ids))) as? [String: Any])
    let project = try #require((package["projects"] as? [[String: Any]])?.first)
    #expect(project["id"] as? String == "oc4ids-gkdemo-\(right)")
    #expect((project["identifiers"] as? [[String: String]])?.map { $0["id"] } == [right, wrong])
    let json = folder.appendingPathComponent("disclosures.json").path
    #expect(try gongkai(["export", "json", "--out", json, "--as-of", "2026-11-20"] + db).status == 0)
    let disclosures = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
    #expect((disclosures["projects"] as? [[String: Any]])?.first?["formerCodes"] as? [String] == [wrong])

    // The wrong code is refused, naming the right one; a folder's old file is passed over, the file named refused.
    let named = "is registered under its right code \(right)"
    for command in [["history", wrong], ["log", wrong, "construction.participants", "--date", "2026-11-02"],
                    ["project", "add", wrong, "--name", "江浦路桥梁改建工程", "--unit", "杨浦区建设和管理委员会"], ["import", files + "/\(wrong).yaml"]] {
      let refused = try gongkai(command + db)
      #expect(refused.status == 65, "\(command)")
      #expect(refused.stderr.contains(named), "\(command): \(refused.stderr)")
    }
    let check = try gongkai(["check", "--project", wrong] + db)
    #expect(check.status == 65)
    #expect(check.stderr.hasPrefix("""
      gongkai: --project '\(wrong)': project \(wrong) 江浦路桥梁改建工程 is registered under its right code \(right) since its \
      code was corrected (项目代码填错): use \(right)
      """), "\(check.stderr)")
    let folderImport = try gongkai(["import", files] + db)
    #expect(folderImport.status == 0)
    #expect(folderImport.stdout.contains("1 under corrected codes not imported"))
    #expect(folderImport.stderr.contains("correct the file's code: line to \(right)"))

    // Run again, it is left as it is; written to under the right code, it takes the record.
    let again = try gongkai(["project", "recode", wrong, right, "--reason", "项目代码填错", "--yes"] + db)
    #expect(again.status == 0 && again.stdout == "project \(wrong) unchanged: its code is \(right) already\n")
    #expect(try gongkai(["log", right, "construction.participants", "--date", "2026-11-02"] + db).status == 0)
    let taken = try gongkai(["project", "add", "2026-310110-48-01-000930", "--name", "另一工程", "--unit", "杨浦区建设和管理委员会"] + db)
    #expect(taken.status == 0)
    let clash = try gongkai(["project", "recode", "2026-310110-48-01-000930", right, "--reason", "x", "--yes"] + db)
    #expect(clash.status == 65 && clash.stderr.contains("\(right) is the code of 江浦路桥梁改建工程, registered already"))
    let former = try gongkai(["project", "recode", "2026-310110-48-01-000930", wrong, "--reason", "x", "--yes"] + db)
    #expect(former.status == 65)
    #expect(former.stderr == """
      gongkai: \(wrong) was the code of 江浦路桥梁改建工程 until it was corrected to \(right) (项目代码填错): a code corrected away \
      stays with that project's record, and no other project is given it; check the new code against the project's approval\n
      """)
    // Into another division, the 索引号 of exports without --organisation change: the preview says so.
    let division = try gongkai(["project", "recode", right, "2026-310115-48-01-000902", "--reason", "区划代码填错"] + db)
    #expect(division.status == 64 && division.stderr.contains("its division changes (310110 → 310115)"), "\(division.stderr)")
    // A file of another project under the wrong code is not pointed at the right one, which is another project's.
    let other = folder.appendingPathComponent("other").path
    try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
    try "code: \(wrong)\nname: 另一工程\nresponsible-unit: 杨浦区建设和管理委员会\n".write(
      toFile: other + "/\(wrong).yaml", atomically: true, encoding: .utf8)
    let namesake = try gongkai(["import", other] + db)
    #expect(namesake.status == 0)
    #expect(namesake.stderr.contains("""
      the file names 另一工程, but \(wrong) was the code of 江浦路桥梁改建工程 until it was corrected to \(right) (项目代码填错)
      """))
    // Corrected back, the code it has is not named as a former one.
    #expect(try gongkai(["project", "recode", right, wrong, "--reason", "改回原代码", "--yes"] + db).status == 0)
    let shown = try gongkai(["project", "show", wrong, "--as-of", "2026-11-20"] + db).stdout
    #expect(shown.contains("\n  原代码    \(right)（更正原因：改回原代码）\n") && !shown.contains("原代码    \(wrong)"), "\(shown)")
  }


  /// Without --organisation a 索引号 takes its project's division: corrected into another, the code renumbers the
  /// project's entries, and the feed names the old ones deleted, or its readers would show each item twice.
  @Test func aCodeCorrectedIntoAnotherDivisionRetractsTheEntriesItRenumbered() throws {
    let wrong = "2026-310115-48-01-000305", right = "2026-310110-48-01-000305"
    let (folder, db) = try registerWithProject(wrong)
    func at(_ instant: String) -> [String: String] { ["GONGKAI_NOW": "2026-11-\(instant)+08:00"] }
    for (command, now) in [
      (["log", wrong, "approval-result.construction-permit", "--date", "2026-11-02"], "02T09:00:00"),
      (["disclose", "1", "--date", "2026-11-03", "--channel", "区政府门户网站"], "03T09:00:00"),
      (["disclose", "1", "--date", "2026-11-04", "--channel", "信用中国（上海）"], "04T09:00:00"),
      (["project", "recode", wrong, right, "--reason", "区划代码填错", "--yes"], "12T15:00:00"),
      (["log", right, "construction.participants", "--date", "2026-11-13"], "13T09:00:00"),
      (["disclose", "2", "--date", "2026-11-13", "--channel", "区政府门户网站"], "13T09:00:00"),
      (["withdraw", "--disclosure", "1", "--reason", "渠道填错"], "14T09:00:00"),
    ] {
      let result = try gongkai(command + db, environment: at(now))
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    let notices = try ExportedNotices(in: folder, db)
    #expect(try gongkai(notices.export).status == 0)
    let feed = try notices.feed()
    // The entry readers had at the correction, its first publication's, withdrawn since: named deleted under the old
    // number, pointing to the one the item has now.
    #expect(feed.contains("<id>urn:gongkai:notice:310110-2026-00002</id>"))
    #expect(feed.contains("""
      <at:deleted-entry ref="urn:gongkai:notice:310115-2026-00001" when="2026-11-12T15:00:00+08:00">\
      <at:comment>项目代码已更正，本条信息的索引号改为 310110-2026-00002</at:comment></at:deleted-entry>
      """), "\(feed)")
    #expect(!feed.contains("310115-2026-00002"))
    // Published after the correction, an item never had the old number; under --organisation no number changed.
    #expect(feed.contains("<id>urn:gongkai:notice:310110-2026-00003</id>") && !feed.contains("310115-2026-00003"))
    // Exported since without one, the folder's feed is refused another organisation, which would renumber every entry,
    // until it is removed on purpose
    let renumbered = try gongkai(notices.export + ["--organisation", "113101100024940129"])
    #expect(renumbered.status == 65)
    #expect(renumbered.stderr.contains("was written with no organisation code (索引号 by each project's division), and this export "
      + "would write organisation 113101100024940129: every 索引号 and feed entry would change"), "\(renumbered.stderr)")
    try FileManager.default.removeItem(atPath: notices.folder + "/feed.atom")
    #expect(try gongkai(notices.export + ["--organisation", "113101100024940129"]).status == 0)
    #expect(!(try notices.feed()).contains("项目代码已更正"))
    // and the next export without one is refused in its turn
    #expect(try gongkai(notices.export).status == 65)
  }


  @Test func aMilestoneWithdrawnByMistakeIsReinstatedWithItsPublicationAndIndexNumber() throws {
    let code = "2026-310110-48-01-000214"
    let (folder, db) = try registerWithProject(code)
    func at(_ instant: String) -> [String: String] { ["GONGKAI_NOW": "2026-11-\(instant)+08:00"] }
    #expect(try gongkai(["log", code, "approval-result.construction-permit", "--date", "2026-11-02"] + db, environment: at("02T09:00:00")).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-03", "--channel", "区政府门户网站"] + db, environment: at("03T09:00:00")).status == 0)
    #expect(try gongkai(["withdraw", "1", "--reason", "误操作"] + db, environment: at("05T09:00:00")).status == 0)
    let notices = try ExportedNotices(in: folder, db)
    let entry = try notices.exportNamingDeleted("310110-2026-00001")

    // Logged again as it was, it is refused: its withdrawal was the mistake, and a record made anew would take its place
    // for good, its publication and 索引号 left behind.
    let database = db[1]
    let before = snapshot(database)
    let same = try gongkai(["log", code, "approval-result.construction-permit", "--date", "2026-11-02"] + db)
    #expect(same.status == 65)
    #expect(same.stderr == """
      gongkai: nothing recorded: milestone 1, withdrawn as recorded by mistake (误操作), records this milestone as given; if \
      its withdrawal was the mistake, reinstate it (`gongkai reinstate 1 --reason …`), which brings back its publications \
      with their 索引号, where a record made anew would take its place for good\n
      """)

    // Without a reason, of another project or of an unknown id, nothing is written.
    #expect(try gongkai(["reinstate", "1"] + db).status == 64)
    #expect(try gongkai(["reinstate", "1", "--reason", "误撤回", "--project", "2026-310110-48-01-000215"] + db).status == 65)
    #expect(try gongkai(["reinstate", "9", "--reason", "误撤回"] + db).status == 65)
    #expect(snapshot(database) == before)
    let reinstate = try gongkai(["reinstate", "1", "--reason", "误撤回，应撤回的是里程碑2", "--by", "李工"] + db, environment: at("12T15:00:00"))
    #expect(reinstate.status == 0, "\(reinstate.stderr)")
    #expect(reinstate.stdout == """
      reinstated milestone 1 (\(code) approval-result.construction-permit 2026-11-02) (1 publication back on the public \
      notices at the next export)\n
      """)

    // Back on the page and in the feed under its 索引号, dated by the reinstatement; logged with the reason.
    #expect(try gongkai(notices.export).stdout.hasPrefix("wrote 1 project notice (1 published item)"))
    let feed = try notices.feed()
    #expect(feed.contains("<id>\(entry)</id>\n<title>江浦路桥梁改建工程：施工许可证（或者开工报告批准）</title>\n<updated>2026-11-12T15:00:00+08:00</updated>"))
    #expect(!feed.contains("ref=\"\(entry)\""))
    #expect(try gongkai(["history", code] + db).stdout.hasSuffix("""
      2026-11-12T15:00:00+08:00  李工  恢复里程碑 #1
          撤回原因: 误操作 → —
          恢复原因 误撤回，应撤回的是里程碑2\n
      """))
    #expect(try auditRows(folder, db, asOf: "2026-11-20", ["--lang", "en"]).map { $0["status"] } == ["on-time"])
    #expect(try gongkai(["audit", "verify"] + db).status == 0)
    let again = try gongkai(["reinstate", "1", "--reason", "重复执行"] + db)
    #expect(again.status == 0 && again.stdout.hasSuffix("unchanged: it is in force\n"))
  }


  /// A result logged on the wrong project, withdrawn and logged on the right one: reinstating the first counts the
  /// result twice, which the natural key (project, kind, day, 文号) cannot see. It is said, with both withdrawals.
  @Test func aReinstatementBesideTheRecordLoggedInItsPlaceOnAnotherProjectIsWarnedOf() throws {
    let wrong = "2026-310110-48-01-000218", right = "2026-310110-48-01-000219"
    let (_, db) = try registerWithProject(wrong)
    #expect(try gongkai(["project", "add", right, "--name", "张家浜绿地", "--unit", "杨浦区绿化和市容管理局"] + db).status == 0)
    for command in [
      ["log", wrong, "bidding.result", "--date", "2026-09-23", "--ref", "PDJT-2026-SG-03"],
      ["log", wrong, "bidding.result", "--date", "2026-09-23", "--ref", "other-03"],
      ["withdraw", "1", "--reason", "误登记到其他项目"],
      ["log", right, "bidding.result", "--date", "2026-09-23", "--ref", "PDJT－2026－SG－03"],
      ["log", right, "bidding.result", "--date", "2026-09-24", "--ref", "PDJT-2026-SG-03"],
    ] {
      let result = try gongkai(command + db)
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    let reinstate = try gongkai(["reinstate", "1", "--reason", "想恢复看看"] + db)
    #expect(reinstate.status == 0)
    // The one of the same day and 文号 (typed with full-width hyphens) is named; another day's or 文号's is not.
    #expect(reinstate.stderr == """
      gongkai: warning: milestone 3 (\(right) bidding.result 2026-09-23), recorded since, has this one's day and 文号: if it \
      was logged in this one's place, the information now counts twice; withdraw the one that is wrong (`gongkai withdraw \
      3 --reason …` or `gongkai withdraw 1 --reason …`)\n
      """)
  }

  /// The same on one project: a contract logged under the wrong kind with its 文号, and a result without one logged
  /// again in its category, are each named when the first is reinstated.
  @Test func aReinstatementBesideTheRecordLoggedInItsPlaceUnderAnotherKindIsWarnedOf() throws {
    let code = "2026-310110-48-01-000220"
    let (_, db) = try registerWithProject(code)
    for command in [
      ["log", code, "bidding.procurement-contract", "--date", "2026-09-23", "--ref", "HT-9"],
      ["withdraw", "1", "--reason", "事项类型有误"],
      ["log", code, "bidding.contract", "--date", "2026-09-23", "--ref", "HT-9"],
      ["log", code, "bidding.result", "--date", "2026-09-24"],
      ["withdraw", "3", "--reason", "事项类型有误"],
      ["log", code, "bidding.candidates", "--date", "2026-09-24"],
    ] {
      let result = try gongkai(command + db)
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    let contract = try gongkai(["reinstate", "1", "--reason", "误撤回"] + db)
    #expect(contract.stderr.hasPrefix("gongkai: warning: milestone 2 (\(code) bidding.contract 2026-09-23), recorded since, has this "
      + "one's day and 文号"), "\(contract.stderr)")
    let result = try gongkai(["reinstate", "3", "--reason", "误撤回"] + db)
    #expect(result.stderr.hasPrefix("gongkai: warning: milestone 4 (\(code) bidding.candidates 2026-09-24), recorded since, has this "
      + "one's day and category"), "\(result.stderr)")
  }

  @Test func aPublicationWithdrawnByMistakeIsReinstatedUnderItsIndexNumber() throws {
    let code = "2026-310110-48-01-000217"
    let (folder, db) = try registerWithProject(code)
    func at(_ instant: String) -> [String: String] { ["GONGKAI_NOW": "2026-11-\(instant)+08:00"] }
    for (command, now) in [
      (["log", code, "approval-result.construction-permit", "--date", "2026-11-02"], "02T09:00:00"),
      (["disclose", "1", "--date", "2026-11-03", "--channel", "区政府门户网站"], "03T09:00:00"),
      (["disclose", "1", "--date", "2026-11-04", "--channel", "信用中国（上海）"], "04T09:00:00"),
    ] {
      let result = try gongkai(command + db, environment: at(now))
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    let file = folder.appendingPathComponent("\(code).yaml").path
    #expect(try gongkai(["export", "project", code, "--out", file] + db).status == 0)
    #expect(try gongkai(["withdraw", "--disclosure", "1", "--reason", "误操作"] + db, environment: at("05T09:00:00")).status == 0)
    let notices = try ExportedNotices(in: folder, db)
    let entry = try notices.exportNamingDeleted("310110-2026-00001")

    // A project file written before the withdrawal neither brings it back nor records it again, and says how to.
    let database = db[1]
    let before = snapshot(database)
    let stale = try gongkai(["import", "projects", file] + db)
    #expect(stale.status == 0, "\(stale.stderr)")
    #expect(stale.stderr.contains("""
      disclosure 1 (2026-11-03 区政府门户网站) is withdrawn in the register (误操作), so the file's entry was not applied; if the \
      withdrawal was the mistake, reinstate it (`gongkai reinstate --disclosure 1 --reason …`)
      """), "\(stale.stderr)")
    // Without a reason, of another project, of an unknown id or with a milestone too, nothing is written.
    #expect(try gongkai(["reinstate", "--disclosure", "1"] + db).stderr.contains("e.g. 误撤回，应撤回的是公开记录18"))
    #expect(try gongkai(["reinstate", "--disclosure", "1", "--reason", "误撤回", "--project", "2026-310110-48-01-000215"] + db).status == 65)
    #expect(try gongkai(["reinstate", "--disclosure", "9", "--reason", "误撤回"] + db).status == 65)
    #expect(try gongkai(["reinstate", "1", "--disclosure", "1", "--reason", "误撤回"] + db).status == 64)
    #expect(snapshot(database) == before)
    let reinstate = try gongkai(["reinstate", "--disclosure", "1", "--reason", "误撤回，应撤回的是公开记录2", "--by", "李工"] + db,
                                environment: at("12T15:00:00"))
    #expect(reinstate.status == 0, "\(reinstate.stderr)")
    #expect(reinstate.stdout == """
      reinstated disclosure D1 of milestone 1 (\(code) approval-result.construction-permit 2026-11-02): 2026-11-03 区政府门户网站 \
      (back on the public notices at the next export, under the 索引号 it had)\n
      """)

    // Back in the feed under its 索引号, dated by the reinstatement, and on the page, the 索引号 the entry had meanwhile
    // (the next publication's) named deleted; logged with the reason.
    #expect(try gongkai(notices.export).status == 0)
    let feed = try notices.feed()
    #expect(feed.contains("<id>\(entry)</id>\n<title>江浦路桥梁改建工程：施工许可证（或者开工报告批准）</title>\n<updated>2026-11-12T15:00:00+08:00</updated>"),
            "\(feed)")
    #expect(!feed.contains("ref=\"\(entry)\""))
    #expect(feed.contains("""
      <at:deleted-entry ref="urn:gongkai:notice:310110-2026-00002" when="2026-11-12T15:00:00+08:00">\
      <at:comment>撤回有误，本条信息恢复以索引号 310110-2026-00001 发布</at:comment></at:deleted-entry>
      """), "\(feed)")
    let page = try String(contentsOfFile: notices.folder + "/\(code).html", encoding: .utf8)
    #expect(page.contains("310110-2026-00001"))
    #expect(try gongkai(["history", code] + db).stdout.hasSuffix("""
      2026-11-12T15:00:00+08:00  李工  恢复公开 D1（里程碑 #1：2026-11-03 区政府门户网站）
          撤回原因: 误操作 → —
          恢复原因 误撤回，应撤回的是公开记录2\n
      """))
    #expect(try gongkai(["audit", "verify"] + db).status == 0)
    let again = try gongkai(["reinstate", "--disclosure", "1", "--reason", "重复执行"] + db)
    #expect(again.status == 0 && again.stdout.hasSuffix("2026-11-03 区政府门户网站 unchanged: it is in force\n"))

    // Recorded again as it was, a withdrawn publication is refused: its withdrawal was the mistake, and reinstating it
    // keeps its 索引号, where a record made anew would take its place for good.
    #expect(try gongkai(["withdraw", "--disclosure", "2", "--reason", "误操作"] + db).status == 0)
    let withdrawn = snapshot(database)
    let same = try gongkai(["disclose", "1", "--date", "2026-11-04", "--channel", "信用中国（上海）"] + db)
    #expect(same.status == 65)
    #expect(same.stderr == """
      gongkai: nothing recorded: disclosure 2, withdrawn as recorded by mistake (误操作), records this publication as given; if \
      its withdrawal was the mistake, reinstate it (`gongkai reinstate --disclosure 2 --reason …`), which keeps its 索引号, \
      where a record made anew would take its place for good\n
      """)
    #expect(snapshot(database) == withdrawn)
    // Recorded again with what was wrong set right (here its end; the store's tests give an address), it takes the
    // withdrawn one's place, which is not reinstated then: the one in force is the record, to correct.
    let corrected = ["--until", "2026-11-20"]
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-04", "--channel", "信用中国（上海）"] + corrected + db).status == 0)
    let blocked = try gongkai(["reinstate", "--disclosure", "2", "--reason", "误撤回"] + db)
    #expect(blocked.status == 65)
    #expect(blocked.stderr.contains("disclosure 3 was recorded in its place (its milestone, day and channel) and is in force: it is the "
      + "record of that publication now; correct its address or end with `gongkai disclose`"), "\(blocked.stderr)")
    // In force under a withdrawn milestone, it is off the notices: the milestone is what to reinstate.
    #expect(try gongkai(["withdraw", "1", "--reason", "误操作"] + db).status == 0)
    let off = try gongkai(["reinstate", "--disclosure", "1", "--reason", "误撤回"] + db)
    #expect(off.status == 0 && off.stdout.hasSuffix("unchanged: it is in force (its milestone is withdrawn: `gongkai reinstate 1 "
      + "--reason …` puts both back on the notices)\n"), "\(off.stdout)")
    // Withdrawn too, it comes back after its milestone, as its confirmation says.
    let alsoWithdrawn = try gongkai(["withdraw", "--disclosure", "3", "--reason", "误操作"] + db)
    #expect(alsoWithdrawn.stdout.hasSuffix("(`gongkai reinstate 1 --reason …`, then `gongkai reinstate --disclosure D3 --reason …` puts "
      + "it back if this was the wrong one)\n"), "\(alsoWithdrawn.stdout)")
    // Of a withdrawn project, nothing is written.
    #expect(try gongkai(["project", "withdraw", code, "--reason", "误导入", "--yes"] + db).status == 0)
    let project = try gongkai(["reinstate", "--disclosure", "2", "--reason", "误撤回"] + db)
    #expect(project.status == 65 && project.stderr.contains("was withdrawn as registered by mistake"), "\(project.stderr)")
  }


  /// A change reinstated changes what its milestone's entry shows again: the entry is dated by the reinstatement, not
  /// sent back to the change's publication, which feed readers would take for nothing new.
  @Test func aReinstatedChangeDatesTheEntryOfWhatItChanges() throws {
    let code = "2026-310110-48-01-000216"
    let (folder, db) = try registerWithProject(code)
    func at(_ instant: String) -> [String: String] { ["GONGKAI_NOW": "2026-11-\(instant)+08:00"] }
    for (command, now) in [
      (["log", code, "quality-safety.penalty", "--date", "2026-11-02", "--ref", "罚1号"], "02T09:00:00"),
      (["disclose", "1", "--date", "2026-11-03", "--channel", "区政府门户网站"], "03T09:00:00"),
      (["log", code, "quality-safety.penalty-withdrawal", "--date", "2026-11-04", "--ref", "撤1号", "--changes", "1"], "04T09:00:00"),
      (["disclose", "2", "--date", "2026-11-05", "--channel", "区政府门户网站"], "05T09:00:00"),
      (["withdraw", "2", "--reason", "误操作"], "06T09:00:00"),
      (["reinstate", "2", "--reason", "误撤回"], "12T15:00:00"),
    ] {
      let result = try gongkai(command + db, environment: at(now))
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    let notices = try ExportedNotices(in: folder, db)
    #expect(try gongkai(notices.export).status == 0)
    let feed = try notices.feed()
    let penalty = try #require(feed.range(of: "<id>urn:gongkai:notice:310110-2026-00001</id>"))
    #expect(feed[penalty.upperBound...].prefix(200).contains("<updated>2026-11-12T15:00:00+08:00</updated>"), "\(feed)")
  }

}

/// A folder of a test's for its notices, and the export that writes them there as of 2026-11-20.
struct ExportedNotices {
  let folder: String
  let export: [String]

  init(in scratch: URL, _ db: [String]) throws {
    folder = scratch.appendingPathComponent("notices").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    export = ["export", "notices", "--out", folder, "--as-of", "2026-11-20"] + db
  }

  func feed() throws -> String { try String(contentsOfFile: folder + "/feed.atom", encoding: .utf8) }

  /// Exports, expecting the feed to name the entry of `indexNumber` deleted; returns that entry's id.
  func exportNamingDeleted(_ indexNumber: String) throws -> String {
    #expect(try runGongkai(export).status == 0)
    let entry = "urn:gongkai:notice:\(indexNumber)"
    #expect(try feed().contains("<at:deleted-entry ref=\"\(entry)\""))
    return entry
  }
}

extension RegisterCommandTests {
  /// A 公示 recorded to come down before its minimum end is, on the public outputs, up and to be kept up while its
  /// take-down day has not passed: keeping it up may still prevent the shortfall, which `check` alerts as repairable.
  /// Once the day has passed, the shortfall is the public record's.
  @Test func aNoticeStillUpIsNotPublishedAsTooShort() throws {
    let code = "2026-310110-48-01-000218"
    let (folder, db) = try registerWithProject(code)
    let now = ["GONGKAI_NOW": "2026-11-27T09:00:00+08:00"]
    #expect(try gongkai(["log", code, "bidding.candidates", "--date", "2026-11-26"] + db, environment: now).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-27", "--channel", "平台", "--until", "2026-11-29"] + db, environment: now).status == 0)
    func exported(asOf: String) throws -> (page: String, oc4ids: String, report: String) {
      let out = folder.appendingPathComponent(asOf).path
      #expect(try gongkai(["export", "notices", "--out", out, "--as-of", asOf] + db).status == 0)
      #expect(try gongkai(["export", "oc4ids", "--out", out + "/oc4ids.json", "--as-of", asOf] + db).status == 0)
      return (try String(contentsOfFile: out + "/\(code).html", encoding: .utf8),
              try String(contentsOfFile: out + "/oc4ids.json", encoding: .utf8),
              try gongkai(["report", "--year", "2026", "--as-of", asOf] + db).stdout)
    }
    let up = try exported(asOf: "2026-11-27")
    #expect(up.page.contains("公示期：2026-11-27 至 2026-11-29（公示中，应保持至 2026-11-30；不少于3日"), "\(up.page)")
    #expect(!up.page.contains("（公示期不足") && up.page.contains("按时公开 1 项"))
    #expect(up.oc4ids.contains("\"status\" : \"met\"") && !up.oc4ids.contains("partiallyMet"), "\(up.oc4ids)")
    // The morning check alerts it all the same, as repairable, with the command that repairs it that day
    let check = try gongkai(["check", "--as-of", "2026-11-27", "--format", "json"] + db)
    #expect(check.stdout.contains("\"status\":\"too-short\""), "\(check.stdout)")
    let morning = try gongkai(["check"] + db, environment: now).stdout
    #expect(morning.contains("""
      处理 保持公示至 2026-11-30，登记新的截止日：gongkai disclose 1 --date 2026-11-27 --channel 平台 --until 2026-11-30\n
      """), "\(morning)")
    let monday = ["GONGKAI_NOW": "2026-11-30T07:30:00+08:00"]
    #expect(try gongkai(["check"] + db, environment: monday).stdout.contains("""
      处理 今日重新公开至 2026-11-30 并登记：gongkai disclose 1 --date 2026-11-30 --channel 平台 --until 2026-11-30\n
      """))
    #expect(try gongkai(["check", "--as-of", "2026-11-27", "--lang", "en"] + db, environment: monday).stdout.contains("repair") == false)
    #expect(try gongkai(["check", "--lang", "en"] + db, environment: monday).stdout.contains("""
      repair put it up again today until 2026-11-30, recorded: gongkai disclose 1 --date 2026-11-30 --channel 平台 --until 2026-11-30\n
      """))
    // Down since Saturday, too long to carry the notice on: put up again in full, on a channel named with a space, quoted
    #expect(try gongkai(["log", code, "bidding.candidates", "--date", "2026-11-24", "--ref", "Q"] + db, environment: now).status == 0)
    #expect(try gongkai(["disclose", "2", "--date", "2026-11-25", "--channel", "门户 网站", "--until", "2026-11-27"] + db,
                        environment: now).status == 0)
    #expect(try gongkai(["check"] + db, environment: monday).stdout.contains("""
      处理 2026-11-28 起已撤下，须重新完整公示至 2026-12-03 并登记：gongkai disclose 2 --date 2026-11-30 --channel '门户 网站' --until 2026-12-03\n
      """))
    let down = try exported(asOf: "2026-12-01")
    #expect(down.page.contains("公示期：2026-11-27 至 2026-11-29（公示期不足，应保持至 2026-11-30；不少于3日"), "\(down.page)")
    // Its 3 days from 11-25 end on Saturday 11-28, moved to Monday: the page names why 11-25 to 11-27 falls short
    #expect(down.page.contains("公示期：2026-11-25 至 2026-11-27（公示期不足，应保持至 2026-11-30；期满日 2026-11-28 逢休息日，顺延；不少于3日"),
            "\(down.page)")
    #expect(down.oc4ids.contains("partiallyMet"))
    #expect(up.report != down.report)
  }
}

extension RegisterCommandTests {
  /// A 公示 still up that came late is late on the public outputs, by its days; one whose deadline a missing schedule
  /// may still move is marked provisional there, as an item on time by such a deadline is.
  @Test func aNoticeStillUpIsJudgedByItsFirstPublicationOnTheOpenData() throws {
    let code = "2026-310110-48-01-000220"
    let (folder, db) = try registerWithProject(code)
    let end = ["GONGKAI_NOW": "2026-12-29T09:00:00+08:00"]
    try succeed([
      // Due 11-19, published 11-27, to come down 11-28, two days before its minimum end of 11-30
      ["log", code, "bidding.candidates", "--date", "2026-11-16", "--ref", "L"],
      ["disclose", "1", "--date", "2026-11-27", "--channel", "平台", "--until", "2026-11-28"],
      // Due 12-28 by a count over 2027's days, published that day, to come down 12-29
      ["log", code, "bidding.candidates", "--date", "2026-12-24", "--ref", "P"],
      ["disclose", "2", "--date", "2026-12-28", "--channel", "平台", "--until", "2026-12-29"],
    ], db, environment: end)
    func entries(asOf: String) throws -> [String: [String: Any]] {
      let out = folder.appendingPathComponent("d-\(asOf).json").path
      #expect(try gongkai(["export", "json", "--out", out, "--as-of", asOf] + db, environment: end).status == 0)
      let data = try #require(FileManager.default.contents(atPath: out))
      let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      let projects = try #require(root["projects"] as? [[String: Any]])
      let disclosures = projects.flatMap { $0["disclosures"] as? [[String: Any]] ?? [] }
      return Dictionary(uniqueKeysWithValues: disclosures.map { ($0["reference"] as? String ?? "", $0) })
    }
    let late = try entries(asOf: "2026-11-27")
    #expect(late["L"]?["status"] as? String == "late" && late["L"]?["workingDaysLate"] as? Int == 6, "\(late)")
    let provisional = try entries(asOf: "2026-12-29")
    #expect(provisional["P"]?["status"] as? String == "on-time" && provisional["P"]?["statusProvisional"] as? Bool == true,
            "\(provisional)")
  }
}
