import Foundation
import Testing
import TestSupport

/// What the public outputs say about each published item, in every format: the change relation, further
/// channels, lateness, line breaks and addresses.
@Suite struct NoticeContentTests {
  static let code = "2026-310110-48-01-000500"

  /// A register of one project, as of 2026-11-27: a planning permit (milestone 1) published on two channels, its
  /// change by a design change (milestone 2), and winning candidates (milestone 3, due 2026-11-05) published two
  /// working days late and taken down before their minimum period ended.
  func register() throws -> (folder: URL, database: [String]) {
    let folder = Scratch.folder()
    let db = ["--database", folder.appendingPathComponent("r.sqlite").path]
    let commands: [[String]] = [
      ["init"],
      ["project", "add", Self.code, "--name", "江浦路桥梁改建工程", "--unit", "杨浦区建设和管理委员会"],
      ["log", Self.code, "approval-result.construction-planning-permit", "--date", "2026-10-09", "--ref", "建字第1号",
       "--summary", "第一行\n第二行"],
      ["disclose", "1", "--date", "2026-10-12", "--channel", "区政府门户网站", "--url", "https://xxgk.yangpu.example/许可?q=中文"],
      ["disclose", "1", "--date", "2026-10-13", "--channel", "信用中国（上海）"],
      ["log", Self.code, "design-change.permit-change", "--date", "2026-11-02", "--ref", "建字第2号", "--changes", "1"],
      ["disclose", "2", "--date", "2026-11-03", "--channel", "区政府门户网站"],
      ["log", Self.code, "bidding.candidates", "--date", "2026-11-02"],
      ["disclose", "3", "--date", "2026-11-09", "--channel", "中国招标投标公共服务平台", "--until", "2026-11-10"],
    ]
    for command in commands {
      // Each recorded on the day it names, at nine, as a clerk records as things happen.
      let day = command.firstIndex(of: "--date").map { command[$0 + 1] } ?? "2026-10-09"
      let result = try runGongkai(command + db, environment: ["GONGKAI_NOW": "\(day)T09:00:00+08:00"])
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    return (folder, db)
  }

  /// Runs `gongkai export …` as of 2026-11-27 and returns what it wrote at `name` in the folder.
  func export(_ arguments: [String], _ name: String, in folder: URL, _ db: [String]) throws -> String {
    let isFolder = arguments[0] == "notices"
    let out = folder.appendingPathComponent(isFolder ? "notices-\(arguments.joined(separator: "-"))" : name)
    if isFolder { try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true) }
    let result = try runGongkai(["export"] + arguments + ["--out", out.path, "--as-of", "2026-11-27"] + db)
    #expect(result.status == 0, "\(result.stderr)")
    return try String(contentsOf: isFolder ? out.appendingPathComponent(name) : out, encoding: .utf8)
  }

  func disclosures(in json: String) throws -> [[String: Any]] {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let projects = try #require(object["projects"] as? [[String: Any]])
    return try #require(projects.first?["disclosures"] as? [[String: Any]])
  }

  @Test func aChangedItemIsMarkedAndNamesItsChangeInEveryOutput() throws {
    let (folder, db) = try register()
    let changed = "已变更，见“重大设计变更涉及的行政许可变更（规划许可变更、项目核准变更等）”（形成 2026-11-02，文号 建字第2号）"
    let changes = "“建设工程规划许可证”（形成 2026-10-09，文号 建字第1号）"
    let html = try export(["notices"], "\(Self.code).html", in: folder, db)
    #expect(html.contains("<tr class=\"changed\"><th scope=\"row\">有效性</th><td colspan=\"3\">\(changed)</td></tr>"))
    #expect(html.contains("<tr><th scope=\"row\">所变更信息</th><td colspan=\"3\">\(changes)</td></tr>"))
    #expect(html.contains("<h3>建设工程规划许可证（已变更）</h3>"))
    // Every item is of the eight categories the 条例 and 94号 make public of the government's own motion, as a portal's
    // metadata states (an evaluator found it missing)
    #expect(html.contains("<tr><th scope=\"row\">公开方式</th><td colspan=\"3\">主动公开</td></tr>"))
    let feed = try String(contentsOf: folder.appendingPathComponent("notices-notices/feed.atom"), encoding: .utf8)
    #expect(feed.contains("<title>江浦路桥梁改建工程：建设工程规划许可证（已变更）</title>"))
    // Dated by the change's publication, so that a feed reader shows the entry again; first published as it was.
    #expect(feed.contains("（已变更）</title>\n<updated>2026-11-03T09:00:00+08:00</updated>\n<published>2026-10-12T00:00:00+08:00</published>"))
    #expect(feed.contains("　有效性：\(changed)</summary>"))
    let markdown = try export(["notices", "--format", "md"], "\(Self.code).md", in: folder, db)
    #expect(markdown.contains("- 有效性：\(changed)\n"))
    #expect(markdown.contains("- 所变更信息：\(changes)\n"))
    let text = try export(["notices", "--format", "txt"], "\(Self.code).txt", in: folder, db)
    #expect(text.contains("    有效性：\(changed)\n"))
    #expect(text.contains("    所变更信息：\(changes)\n"))

    let entries = try disclosures(in: try export(["json"], "disclosures.json", in: folder, db))
    let permit = try #require(entries.first { $0["milestoneId"] as? Int == 1 })
    let link = try #require((permit["changedBy"] as? [[String: Any]])?.first)
    #expect(link["milestoneId"] as? Int == 2 && link["kind"] as? String == "design-change.permit-change")
    #expect(link["formedOn"] as? String == "2026-11-02" && link["reference"] as? String == "建字第2号")
    #expect(permit["changes"] == nil)
    let change = try #require(entries.first { $0["milestoneId"] as? Int == 2 })
    #expect((change["changes"] as? [String: Any])?["milestoneId"] as? Int == 1)
    #expect(change["changedBy"] == nil)

    let package = try export(["oc4ids"], "oc4ids.json", in: folder, db)
    // Each milestone is numbered as the register numbers it and names the document it was judged by (its 索引号)
    #expect(package.contains("\"id\" : \"milestone-1\""))
    #expect(package.contains("按时公开；所认定公开：索引号 310110-2026-00001；有效性：\(changed)\""))
    #expect(package.contains("；所变更信息：\(changes)\""))
    // A document is cited by its 文号 and says who published it where: the one way to it when no address was recorded
    let documents = try #require(try (JSONSerialization.jsonObject(with: Data(package.utf8)) as? [String: Any])
      .flatMap { ($0["projects"] as? [[String: Any]])?.first?["documents"] as? [[String: Any]] })
    #expect(documents.map { $0["accessDetails"] as? String } == ["公开渠道：区政府门户网站", "公开渠道：信用中国（上海）", "公开渠道：区政府门户网站", "公开渠道：中国招标投标公共服务平台"])
    #expect(documents.first?["description"] as? String == "文号：建字第1号；第一行\n第二行")
    #expect(documents.last?["description"] == nil && documents.allSatisfy { $0["author"] as? String == "杨浦区建设和管理委员会" })
  }

  /// A change its unit has not yet published is not named on the public pages: the original stays in force there
  /// until the change is out.
  @Test func aChangeNotYetPublishedIsNotNamed() throws {
    let (folder, db) = try register()
    #expect(try runGongkai(["log", Self.code, "bidding.candidates", "--date", "2026-11-20", "--ref", "建字第3号", "--changes", "3"] + db).status == 0)
    let html = try export(["notices"], "\(Self.code).html", in: folder, db)
    #expect(!html.contains("建字第3号"))
    #expect(!html.contains("<h3>中标候选人公示（已变更）</h3>"))
    #expect(!(try export(["json"], "d.json", in: folder, db)).contains("建字第3号"))
  }

  /// The register plus a penalty decision (milestone 4) published with its amount, and its withdrawal
  /// (milestone 5, 《行政处罚法》第四十八条第二款) formed 2026-11-16; the withdrawal is published on `withdrawalPublished`.
  func registerWithWithdrawnPenalty(withdrawalPublished: String) throws -> (folder: URL, database: [String]) {
    let (folder, db) = try register()
    for command in [
      ["log", Self.code, "quality-safety.penalty", "--date", "2026-11-10", "--ref", "杨建罚〔2026〕30号", "--summary", "处罚款5万元"],
      ["disclose", "4", "--date", "2026-11-12", "--channel", "区政府门户网站", "--url", "https://xxgk.yangpu.example/xzcf/030.html"],
      ["log", Self.code, "quality-safety.penalty-withdrawal", "--date", "2026-11-16", "--ref", "杨府复决〔2026〕9号",
       "--summary", "行政复议决定撤销原处罚决定，撤回原公示", "--changes", "4"],
      ["disclose", "5", "--date", withdrawalPublished, "--channel", "区政府门户网站"],
    ] {
      // Each recorded on the day it names, at nine, as a clerk records as things happen.
      let day = command[command.firstIndex(of: "--date")! + 1]
      let result = try runGongkai(command + db, environment: ["GONGKAI_NOW": "\(day)T09:00:00+08:00"])
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    return (folder, db)
  }

  /// A publication recorded days after it went up is new to the feed's readers, who sync by `updated`: its entry is
  /// dated by the instant it was recorded, and leads the feed. One recorded years late (a backfill) keeps its own day
  /// and pushes no current publication out; the items of one import recorded within days of going up share its instant,
  /// the latest published first, not the highest 索引号 (the sheet lists the earliest first).
  @Test func aPublicationRecordedDaysLateLeadsTheFeedAndABackfillKeepsItsOwnDays() throws {
    let folder = Scratch.folder()
    let db = ["--database", folder.appendingPathComponent("r.sqlite").path]
    let code = "2025-310110-48-01-000501"
    let calendar = Calendar(identifier: .gregorian)
    func day(_ offset: Int) -> String {
      let date = calendar.date(byAdding: .day, value: offset, to: DateComponents(calendar: calendar, year: 2026, month: 11, day: 17).date!)!
      let parts = calendar.dateComponents([.year, .month, .day], from: date)
      return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
    // 55 contracts a week apart, each published the day after, the last on 2026-11-17
    let published = (0..<55).map { day(-7 * $0) }
    let rows = (0..<55).reversed().map { "\(code),bidding.contract,\(day(-7 * $0 - 1)),HT-\($0),\(day(-7 * $0)),区政府网站" }
    let sheet = folder.appendingPathComponent("history.csv")
    try Data((["project,kind,formed,ref,published,channel"] + rows).joined(separator: "\n").utf8).write(to: sheet)
    for (command, now) in [
      (["init"], "2026-11-20T09:00:00+08:00"),
      (["project", "add", code, "--name", "江浦路桥梁改建工程", "--unit", "杨浦区建设和管理委员会"], "2026-11-20T09:00:00+08:00"),
      (["import", "milestones", sheet.path], "2026-11-20T10:00:00+08:00"),
      (["log", code, "construction.participants", "--date", "2026-11-12"], "2026-11-25T09:00:00+08:00"),
      (["disclose", "56", "--date", "2026-11-13", "--channel", "区政府网站"], "2026-11-25T09:00:00+08:00"),
      (["log", code, "bidding.contract", "--date", "2019-03-01", "--ref", "HT-2019"], "2026-11-25T09:30:00+08:00"),
      (["disclose", "57", "--date", "2019-03-04", "--channel", "区政府网站"], "2026-11-25T09:30:00+08:00"),
    ] {
      let result = try runGongkai(command + db, environment: ["GONGKAI_NOW": now])
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    let feed = try export(["notices"], "feed.atom", in: folder, db)
    #expect(feed.contains("<title>重大建设项目信息公开：最新公开信息</title>\n<updated>2026-11-25T09:00:00+08:00</updated>\n"))
    let entries = feed.components(separatedBy: "<entry>").dropFirst()
    #expect(entries.first?.contains("<updated>2026-11-25T09:00:00+08:00</updated>\n<published>2026-11-13T00:00:00+08:00</published>") == true,
            "\(feed)")
    let dates = entries.map { entry in
      ["<updated>", "<published>"].map { tag in String(entry.components(separatedBy: tag)[1].prefix(10)) }
    }
    #expect(dates.map { $0[1] } == ["2026-11-13"] + published.prefix(49), "\(dates)")
    // Recorded within a month of going up: the import's instant; earlier, their own days
    #expect(dates.dropFirst().map { $0[0] } == published.prefix(49).map { $0 >= "2026-10-21" ? "2026-11-20" : $0 }, "\(dates)")
    #expect(!feed.contains("HT-2019"))
  }

  /// A project renamed retitles every entry of it: each moves on to the instant of the rename, so that readers
  /// holding the entries under the old name show them again.
  @Test func aRenamedProjectsEntriesMoveOnInTheFeed() throws {
    let (folder, db) = try register()
    let renamed = try runGongkai(["project", "edit", Self.code, "--name", "江浦路桥梁改建及配套道路工程"] + db,
                                 environment: ["GONGKAI_NOW": "2026-11-20T15:00:00+08:00"])
    #expect(renamed.status == 0, "\(renamed.stderr)")
    let feed = try export(["notices"], "feed.atom", in: folder, db)
    let titles = feed.components(separatedBy: "<entry>").dropFirst().map { $0.components(separatedBy: "<published>")[0] }
    #expect(titles.count == 3)
    for entry in titles {
      #expect(entry.contains("<title>江浦路桥梁改建及配套道路工程：") && entry.contains("<updated>2026-11-20T15:00:00+08:00</updated>"), "\(entry)")
    }
  }

  /// A project given another unit for its past milestones too changes the author of every entry: each moves on to the
  /// instant of the change. Given one for the milestones from then on only, or that edit undone, its entries keep their
  /// author and their `updated`.
  @Test func entriesWhoseAuthorChangesWithTheirProjectsUnitMoveOnInTheFeed() throws {
    let (folder, db) = try register()
    func entries() throws -> [String] {
      try export(["notices"], "feed.atom", in: folder, db).components(separatedBy: "<entry>").dropFirst()
        .map { $0.components(separatedBy: "<link")[0] }
    }
    let before = try entries()
    #expect(before.count == 3)
    let kept = try runGongkai(["project", "edit", Self.code, "--unit", "杨浦区建设管理中心"] + db,
                              environment: ["GONGKAI_NOW": "2026-11-20T15:00:00+08:00"])
    #expect(kept.status == 0, "\(kept.stderr)")
    #expect(try entries() == before)
    // Nor when the edit is undone: the milestones keep the unit they now name as their own
    let undone = try runGongkai(["project", "edit", Self.code, "--unit", "杨浦区建设和管理委员会"] + db,
                                environment: ["GONGKAI_NOW": "2026-11-20T15:05:00+08:00"])
    #expect(undone.status == 0, "\(undone.stderr)")
    #expect(try entries() == before)
    let moved = try runGongkai(["project", "edit", Self.code, "--unit", "杨浦区建设管理中心", "--for-past-milestones"] + db,
                               environment: ["GONGKAI_NOW": "2026-11-21T10:00:00+08:00"])
    #expect(moved.status == 0, "\(moved.stderr)")
    for entry in try entries() {
      #expect(entry.contains("<updated>2026-11-21T10:00:00+08:00</updated>") && entry.contains("<name>杨浦区建设管理中心</name>"),
              "\(entry)")
    }
  }

  /// A project file imported again with another summary for an item corrects the item, as `amend` does: its entry, and
  /// the entry of the item it changes (which names it), move on to the instant of the import; the others stay.
  @Test func aProjectFileImportedWithAnotherSummaryMovesTheEntriesItChanges() throws {
    let (folder, db) = try register()
    let file = folder.appendingPathComponent("\(Self.code).yaml")
    #expect(try runGongkai(["export", "project", Self.code, "--out", file.path] + db).status == 0)
    let written = try String(contentsOf: file, encoding: .utf8)
    let edited = written.replacingOccurrences(of: "  ref: 建字第2号\n", with: "  ref: 建字第2号\n  summary: 桥面加宽至32米\n")
    #expect(edited != written)
    try edited.write(to: file, atomically: true, encoding: .utf8)
    let imported = try runGongkai(["import", "projects", file.path] + db, environment: ["GONGKAI_NOW": "2026-11-25T11:00:00+08:00"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let feed = try export(["notices"], "feed.atom", in: folder, db)
    let updated = feed.components(separatedBy: "<entry>").dropFirst().map { entry in
      (entry.contains("桥面加宽") || entry.contains("有效性"), entry.components(separatedBy: "<updated>")[1].prefix(25))
    }
    #expect(updated.count == 3)
    for (changed, instant) in updated {
      #expect((instant == "2026-11-25T11:00:00+08:00") == changed, "\(feed)")
    }
  }

  /// A feed reader shows an entry again only when its `updated` moves on: taking back a withdrawal recorded by
  /// mistake, or amending what an entry shows, moves it on to the day of the correction, never back to the penalty's
  /// own publication, which would leave subscribers believing the penalty withdrawn.
  /// An item amended after it went public read on the pages as if it had always said so: a day formed moved later
  /// moves its deadline, and a reader who saw it before could not tell. Every format names the correction's day, how
  /// many, and the day formed as first recorded; an item never amended says nothing.
  @Test func anAmendedItemSaysItWasCorrectedInEveryFormat() throws {
    let (folder, db) = try register()
    for (arguments, now) in [(["amend", "1", "--ref", "建字第11号", "--reason", "文号录入错误"], "2026-11-20T10:00:00+08:00"),
                             (["amend", "1", "--date", "2026-10-08", "--reason", "形成日期录入错误"], "2026-11-21T10:00:00+08:00")] {
      let done = try runGongkai(arguments + db, environment: ["GONGKAI_NOW": now])
      #expect(done.status == 0, "\(done.stderr)")
    }
    let correction = "2026-11-21（共2次）；生成日期原登记为 2026-10-09"
    let html = try export(["notices"], "\(Self.code).html", in: folder, db)
    #expect(html.contains("<tr><th scope=\"row\">更正</th><td colspan=\"3\">\(correction)</td></tr>"), "\(html)")
    #expect(html.components(separatedBy: ">更正<").count == 2, "only the amended item: \(html)")
    #expect(try export(["notices", "--format", "md"], "\(Self.code).md", in: folder, db).contains("- 更正：\(correction)\n"))
    #expect(try export(["notices", "--format", "txt"], "\(Self.code).txt", in: folder, db).contains("    更正：\(correction)\n"))
  }

  @Test func aFeedEntryMovesOnWhenItsChangeIsTakenBackOrItIsAmended() throws {
    let (folder, db) = try registerWithWithdrawnPenalty(withdrawalPublished: "2026-11-18")
    func entry() throws -> String {
      let feed = try export(["notices"], "feed.atom", in: folder, db)
      return try #require(feed.components(separatedBy: "<entry>").first { $0.contains("质量安全行政处罚决定") })
    }
    #expect(try entry().contains("（已撤回）</title>\n<updated>2026-11-18T09:00:00+08:00</updated>"))
    let takenBack = try runGongkai(["withdraw", "5", "--reason", "复议决定录入错误"] + db, environment: ["GONGKAI_NOW": "2026-11-24T10:00:00+08:00"])
    #expect(takenBack.status == 0, "\(takenBack.stderr)")
    let restored = try entry()
    #expect(restored.contains("：质量安全行政处罚决定</title>\n<updated>2026-11-24T10:00:00+08:00</updated>"), "\(restored)")
    #expect(restored.contains("处罚款5万元"))
    let amended = try runGongkai(["amend", "4", "--summary", "处罚款5万元，责令改正", "--reason", "摘要补全"] + db,
                                 environment: ["GONGKAI_NOW": "2026-11-26T10:00:00+08:00"])
    #expect(amended.status == 0, "\(amended.stderr)")
    #expect(try entry().contains("<updated>2026-11-26T10:00:00+08:00</updated>"))
    // A publication's address corrected moves the entry on too: its link changed
    let moved = try runGongkai(["disclose", "4", "--date", "2026-11-12", "--channel", "区政府门户网站", "--url", "https://xxgk.yangpu.example/xzcf/031.html"]
                               + db, environment: ["GONGKAI_NOW": "2026-11-27T10:00:00+08:00"])
    #expect(moved.stdout.hasPrefix("updated disclosure"), "\(moved.stdout)\(moved.stderr)")
    let relinked = try entry()
    #expect(relinked.contains("<updated>2026-11-27T10:00:00+08:00</updated>") && relinked.contains("xzcf/031.html"), "\(relinked)")
    // A correction after the day exported as of shows (the page is the register as it is), dated that day at the latest
    #expect(try runGongkai(["amend", "4", "--summary", "处罚款5万元，限期改正", "--reason", "摘要再补"] + db,
                           environment: ["GONGKAI_NOW": "2026-11-29T10:00:00+08:00"]).status == 0)
    let later = try entry()
    #expect(later.contains("<updated>2026-11-27T23:59:59+08:00</updated>") && later.contains("限期改正"), "\(later)")
  }

  /// What a feed entry showed, withdrawn as recorded by mistake after it went public, is named as deleted (RFC 6721),
  /// so that readers drop the copy they keep: the publication whose 索引号 the entry had (the entry takes the next
  /// one's), then the item itself, which leaves the page.
  @Test func whatWasWithdrawnAsAMistakeIsRetractedFromTheFeed() throws {
    let (folder, db) = try register()
    let logged = try runGongkai(["log", Self.code, "construction.participants", "--date", "2026-11-20"] + db)
    let id = try #require(logged.stdout.split(separator: " ").dropFirst(2).first.map { String($0.dropLast()) })
    let first = try runGongkai(["disclose", id, "--date", "2026-11-23", "--channel", "区政府网站"] + db).stdout
    let firstDisclosure = try #require(first.split(separator: " ").dropFirst(2).first.map(String.init))
    #expect(try runGongkai(["disclose", id, "--date", "2026-11-24", "--channel", "区建管委网站"] + db).status == 0)
    func entryID() throws -> String? {
      let feed = try export(["notices"], "feed.atom", in: folder, db)
      let entry = feed.components(separatedBy: "<entry>").first { $0.contains("项目法人及设计") }
      return entry?.components(separatedBy: "<id>").dropFirst().first?.components(separatedBy: "</id>").first
    }
    let original = try #require(try entryID())
    // When the first publication is withdrawn, the entry takes the second's 索引号, and the first's is retracted
    #expect(try runGongkai(["withdraw", "--disclosure", firstDisclosure, "--reason", "渠道填错"] + db,
                           environment: ["GONGKAI_NOW": "2026-11-24T10:00:00+08:00"]).status == 0)
    let next = try #require(try entryID())
    #expect(next != original)
    let tombstone = "<at:deleted-entry ref=\"\(original)\" when=\"2026-11-24T10:00:00+08:00\"><at:comment>登记有误，已撤回：渠道填错</at:comment></at:deleted-entry>"
    #expect(try export(["notices"], "feed.atom", in: folder, db).contains(tombstone))
    // and when the item is withdrawn, its entry goes, retracted as well
    #expect(try runGongkai(["withdraw", id, "--reason", "项目登记错误"] + db, environment: ["GONGKAI_NOW": "2026-11-25T10:00:00+08:00"]).status == 0)
    #expect(try entryID() == nil)
    let after = try export(["notices"], "feed.atom", in: folder, db)
    #expect(after.contains(tombstone))
    #expect(after.contains("<at:deleted-entry ref=\"\(next)\" when=\"2026-11-25T10:00:00+08:00\"><at:comment>登记有误，已撤回：项目登记错误</at:comment></at:deleted-entry>"),
            "\(after)")
    #expect(after.components(separatedBy: "<at:deleted-entry").count == 3)
    // Well-formed XML, its namespaces declared
    let path = folder.appendingPathComponent("notices-notices/feed.atom").path
    #expect(try runShell("python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' \(path)", environment: [:]).status == 0)
  }

  /// A summary, a 文号 or a channel may hold a `<` or `"` followed by a combining mark (`≮` typed as two code points):
  /// escaped, the feed stays XML every reader parses, and the page's text cannot open a tag or end an attribute.
  @Test func markupFollowedByACombiningMarkIsEscapedInPagesAndTheFeed() throws {
    let (folder, db) = try register()
    for command in [
      ["log", Self.code, "bidding.tender-notice", "--date", "2026-11-24", "--ref", "招<\u{338}1号", "--summary", "甲<\u{338}乙\"\u{301} onmouseover=x"],
      ["disclose", "4", "--date", "2026-11-23", "--channel", "门户\"\u{301}网站"],
    ] {
      let result = try runGongkai(command + db)
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    let html = try export(["notices"], "\(Self.code).html", in: folder, db)
    #expect(html.contains("甲&lt;\u{338}乙&quot;\u{301} onmouseover=x"))
    #expect(html.contains("门户&quot;\u{301}网站"))
    #expect(!html.contains("<\u{338}"))
    // A tender notice is due by the day its documents go on sale, and published the day before it is on time (its 5-day
    // 公告期 is unverified: taken from the article on how long its documents are sold, which the page does not cite as
    // setting it)
    #expect(html.contains("：形成 2026-11-24，截止 2026-11-24，公开 2026-11-23，按时公开※</title>"), "\(html)")
    #expect(html.contains("：按时公开 3 项，公示期不足 1 项</p>"), "\(html)")
    // Put up the day before the sale, the notice counts its 公告期 from the first day of sale, as the page says.
    #expect(html.contains("公告期：2026-11-23 起（撤下日期未登记，应保持至 2026-11-30；不少于5日，自招标文件或者资格预审文件开始发售之日（2026-11-24）"
      + "起算，参照《中华人民共和国招标投标法实施条例》第十六条，该期限待核实）</p>"), "\(html)")
    let feed = try export(["notices"], "feed.atom", in: folder, db)
    #expect(feed.contains("招&lt;\u{338}1号"))
    let path = folder.appendingPathComponent("notices-notices/feed.atom").path
    #expect(try runShell("python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' \(path)", environment: [:]).status == 0)
    // The year's report names each responsible unit as typed, in its table and its chart.
    #expect(try runGongkai(["amend", "4", "--unit", "杨浦<\u{338}区\"\u{301}建委", "--reason", "责任单位录错"] + db).status == 0)
    let report = try runGongkai(["report", "--year", "2026", "--format", "html", "--as-of", "2026-11-27"] + db)
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.stdout.contains("<th scope=\"row\" class=\"name\">杨浦&lt;\u{338}区&quot;\u{301}建委</th>"), "\(report.stdout)")
    #expect(!report.stdout.contains("<\u{338}") && !report.stdout.contains("\"\u{301}"))
  }

  /// A penalty withdrawn the day it was published: the withdrawal's publication, recorded that day, dates the entry
  /// by the instant it was recorded, or feed readers, who saw the entry that morning, would never see it withdrawn.
  @Test func aWithdrawalPublishedTheSameDayMovesTheEntryOn() throws {
    let (folder, db) = try register()
    for (command, now) in [
      (["log", Self.code, "quality-safety.penalty", "--date", "2026-11-20", "--ref", "杨建罚〔2026〕40号"], "2026-11-20T09:00:00+08:00"),
      (["disclose", "4", "--date", "2026-11-20", "--channel", "区政府门户网站"], "2026-11-20T09:30:00+08:00"),
      (["log", Self.code, "quality-safety.penalty-withdrawal", "--date", "2026-11-20", "--changes", "4"], "2026-11-20T14:00:00+08:00"),
      (["disclose", "5", "--date", "2026-11-20", "--channel", "区政府门户网站"], "2026-11-20T14:05:00+08:00"),
    ] {
      let result = try runGongkai(command + db, environment: ["GONGKAI_NOW": now])
      #expect(result.status == 0, "\(command): \(result.stderr)")
    }
    let feed = try export(["notices"], "feed.atom", in: folder, db)
    let entry = try #require(feed.components(separatedBy: "<entry>").first { $0.contains("质量安全行政处罚决定（已撤回）") })
    #expect(entry.contains("<updated>2026-11-20T14:05:00+08:00</updated>"), "\(entry)")
  }

  /// A project file that links a withdrawal to another penalty than the register did: both entries move on to the
  /// import, the penalty it now withdraws shown withdrawn, the one it stopped naming in force.
  @Test func aFeedEntryMovesOnWhenAProjectFileLinksAWithdrawalAnew() throws {
    let (folder, db) = try registerWithWithdrawnPenalty(withdrawalPublished: "2026-11-18")
    #expect(try runGongkai(["log", Self.code, "quality-safety.penalty", "--date", "2026-11-10", "--ref", "杨建罚〔2026〕31号"] + db).status == 0)
    #expect(try runGongkai(["disclose", "6", "--date", "2026-11-12", "--channel", "区政府门户网站"] + db,
                           environment: ["GONGKAI_NOW": "2026-11-12T10:00:00+08:00"]).status == 0)
    let file = folder.appendingPathComponent("\(Self.code).yaml")
    #expect(try runGongkai(["export", "project", Self.code, "--out", file.path] + db).status == 0)
    let yaml = try String(contentsOf: file, encoding: .utf8)
    #expect(yaml.contains("changes: \"quality-safety.penalty@2026-11-10#杨建罚〔2026〕30号\""), "\(yaml)")
    try Data(yaml.replacingOccurrences(of: "changes: \"quality-safety.penalty@2026-11-10#杨建罚〔2026〕30号\"",
                                       with: "changes: \"quality-safety.penalty@2026-11-10#杨建罚〔2026〕31号\"").utf8).write(to: file)
    let imported = try runGongkai(["import", file.path] + db, environment: ["GONGKAI_NOW": "2026-11-26T15:00:00+08:00"])
    #expect(imported.status == 0 && imported.stdout.contains("1 updated"), "\(imported.stdout)\(imported.stderr)")
    let feed = try export(["notices"], "feed.atom", in: folder, db)
    func entry(_ reference: String) throws -> String {
      try #require(feed.components(separatedBy: "<entry>").first { $0.contains(reference) })
    }
    #expect(try entry("31号").contains("（已撤回）</title>\n<updated>2026-11-26T15:00:00+08:00</updated>"))
    #expect(try entry("30号").contains("：质量安全行政处罚决定</title>\n<updated>2026-11-26T15:00:00+08:00</updated>"))
  }

  /// A withdrawal linked to the wrong penalty and then linked right (`amend --changes`), or unlinked: the penalty it
  /// stopped naming is in force again, and its entry moves on to the correction, also on the day it was exported.
  @Test func aFeedEntryMovesOnWhenAWithdrawalStopsNamingIt() throws {
    let (folder, db) = try registerWithWithdrawnPenalty(withdrawalPublished: "2026-11-18")
    #expect(try runGongkai(["log", Self.code, "quality-safety.penalty", "--date", "2026-11-10", "--ref", "杨建罚〔2026〕31号"] + db).status == 0)
    #expect(try runGongkai(["disclose", "6", "--date", "2026-11-12", "--channel", "区政府门户网站"] + db,
                           environment: ["GONGKAI_NOW": "2026-11-12T10:00:00+08:00"]).status == 0)
    func entry(_ reference: String) throws -> String {
      let feed = try export(["notices"], "feed.atom", in: folder, db)
      return try #require(feed.components(separatedBy: "<entry>").first { $0.contains(reference) })
    }
    #expect(try entry("30号").contains("（已撤回）</title>\n<updated>2026-11-18T09:00:00+08:00</updated>"))
    // When the withdrawal is linked to the other penalty, as it should have been
    let relinked = try runGongkai(["amend", "5", "--changes", "6", "--reason", "所撤回的应为31号"] + db,
                                  environment: ["GONGKAI_NOW": "2026-11-27T09:30:00+08:00"])
    #expect(relinked.status == 0, "\(relinked.stderr)")
    // Then the first penalty's entry is in force again, dated by the correction, and the second is withdrawn
    #expect(try entry("30号").contains("：质量安全行政处罚决定</title>\n<updated>2026-11-27T09:30:00+08:00</updated>"))
    #expect(try entry("31号").contains("（已撤回）</title>\n<updated>2026-11-27T09:30:00+08:00</updated>"))
    // and unlinked the same day, the second moves on again, and the clerk hears what the withdrawal now leaves
    let unlinked = try runGongkai(["amend", "5", "--no-changes", "--reason", "待核实所撤回的决定"] + db,
                                  environment: ["GONGKAI_NOW": "2026-11-27T11:00:00+08:00"])
    #expect(unlinked.stderr.contains("quality-safety.penalty-withdrawal withdraws a quality-safety.penalty or a bidding.penalty but names none"))
    #expect(try entry("31号").contains("：质量安全行政处罚决定</title>\n<updated>2026-11-27T11:00:00+08:00</updated>"))
  }

  @Test func aWithdrawnPenaltyShowsItsWithdrawalAndNoLongerItsContent() throws {
    let (folder, db) = try registerWithWithdrawnPenalty(withdrawalPublished: "2026-11-18")
    // Published on a second channel too, whose address goes as the first one's does
    let second = try runGongkai(["disclose", "4", "--date", "2026-11-13", "--channel", "信用中国（上海）", "--url",
                                 "https://credit.shanghai.example/xzcf/030.html"] + db, environment: ["GONGKAI_NOW": "2026-11-13T09:00:00+08:00"])
    #expect(second.status == 0, "\(second.stderr)")
    let validity = "已于 2026-11-18 撤回，见“已公开的行政处罚决定被变更、撤销、确认违法或者确认无效后撤回并公开说明理由”（形成 2026-11-16，文号 杨府复决〔2026〕9号）"
    let reason = "行政复议决定撤销原处罚决定，撤回原公示"
    let withdrawn = "“质量安全行政处罚决定”（形成 2026-11-10，文号 杨建罚〔2026〕30号）"
    let html = try export(["notices"], "\(Self.code).html", in: folder, db)
    #expect(html.contains("<h3>质量安全行政处罚决定（已撤回）</h3>"))
    #expect(html.contains("<tr class=\"changed\"><th scope=\"row\">有效性</th><td colspan=\"3\">\(validity)</td></tr>"))
    #expect(html.contains("<tr class=\"changed\"><th scope=\"row\">撤回理由</th><td colspan=\"3\">\(reason)</td></tr>"))
    #expect(html.contains("<tr><th scope=\"row\">所撤回信息</th><td colspan=\"3\">\(withdrawn)</td></tr>"))
    // What identifies the decision stays (文号, the day and channel it was published); its content and address go.
    #expect(html.contains("杨建罚〔2026〕30号") && html.contains("公开日期：2026-11-12；公开渠道：区政府门户网站；亦发布于：信用中国（上海）（2026-11-13，"))
    #expect(!html.contains("处罚款5万元") && !html.contains("xzcf/030.html") && !html.contains("所变更信息</th><td colspan=\"3\">\(withdrawn)"))
    // An ordinary change keeps the earlier item's content, marked 已变更.
    #expect(html.contains("<h3>建设工程规划许可证（已变更）</h3>") && html.contains("第一行<br>第二行"))

    let feed = try String(contentsOf: folder.appendingPathComponent("notices-notices/feed.atom"), encoding: .utf8)
    #expect(feed.contains("<title>江浦路桥梁改建工程：质量安全行政处罚决定（已撤回）</title>\n<updated>2026-11-18T09:00:00+08:00</updated>"))
    #expect(feed.contains("<summary>杨建罚〔2026〕30号　有效性：\(validity)　撤回理由：\(reason)</summary>"))
    #expect(!feed.contains("处罚款5万元") && !feed.contains("xzcf/030.html"))
    let markdown = try export(["notices", "--format", "md"], "\(Self.code).md", in: folder, db)
    #expect(markdown.contains("### 质量安全行政处罚决定（已撤回）\n") && markdown.contains("- 撤回理由：\(reason)\n"))
    #expect(markdown.contains("- 所撤回信息：\(withdrawn)\n") && !markdown.contains("处罚款5万元") && !markdown.contains("xzcf/030.html"))
    let text = try export(["notices", "--format", "txt"], "\(Self.code).txt", in: folder, db)
    #expect(text.contains("  质量安全行政处罚决定（已撤回）\n") && text.contains("    撤回理由：\(reason)\n"))
    #expect(!text.contains("处罚款5万元") && !text.contains("xzcf/030.html"))

    let entries = try disclosures(in: try export(["json"], "disclosures.json", in: folder, db))
    let penalty = try #require(entries.first { $0["milestoneId"] as? Int == 4 })
    #expect(penalty["summary"] == nil && penalty["url"] == nil && penalty["reference"] as? String == "杨建罚〔2026〕30号")
    #expect((penalty["withdrawnBy"] as? [[String: Any]])?.first?["milestoneId"] as? Int == 5)
    #expect(entries.first { $0["milestoneId"] as? Int == 5 }?["summary"] as? String == reason)
    #expect(entries.first { $0["milestoneId"] as? Int == 1 }?["withdrawnBy"] == nil)
    let package = try export(["oc4ids"], "oc4ids.json", in: folder, db)
    #expect(package.contains("\"description\" : \"文号：杨建罚〔2026〕30号；\(validity)；撤回理由：\(reason)\""))
    #expect(package.contains("；所撤回信息：\(withdrawn)\"") && !package.contains("处罚款5万元") && !package.contains("xzcf/030.html"))

    // Auditors see everything: the decision keeps its row, judged as it was published.
    let audit = try export(["audit-csv"], "audit.csv", in: folder, db)
    #expect(audit.contains("quality-safety,质量安全监督信息,quality-safety.penalty,质量安全行政处罚决定,4,杨建罚〔2026〕30号,2026-11-10,"))
    #expect(audit.contains(",https://xxgk.yangpu.example/xzcf/030.html,"))
  }

  /// The decision stays public until its withdrawal is: the page must not run ahead of the withdrawal notice.
  @Test func aPenaltyStaysPublishedUntilItsWithdrawalIs() throws {
    let (folder, db) = try registerWithWithdrawnPenalty(withdrawalPublished: "2026-11-30")
    let html = try export(["notices"], "\(Self.code).html", in: folder, db)
    #expect(html.contains("<h3>质量安全行政处罚决定</h3>") && html.contains("处罚款5万元"))
    #expect(!html.contains("已撤回") && !html.contains("杨府复决〔2026〕9号"))
  }

  @Test func everyFormatListsTheFurtherChannelsWithTheirDatesAndIndexNumbers() throws {
    let (folder, db) = try register()
    let further = "亦发布于：信用中国（上海）（2026-10-13，索引号 310110-2026-00002）"
    #expect(try export(["notices"], "\(Self.code).html", in: folder, db).contains("；\(further)</p>"))
    #expect(try export(["notices", "--format", "md"], "\(Self.code).md", in: folder, db).contains("\n- \(further)\n"))
    #expect(try export(["notices", "--format", "txt"], "\(Self.code).txt", in: folder, db).contains("\n    \(further)\n"))
    // A further channel whose address was recorded is linked, as the first is; one without an address is not given the
    // first one's (a webmaster found the address of the second channel nowhere on the page); Markdown escapes its &
    let disclosed = try runGongkai(["disclose", "1", "--date", "2026-10-14", "--channel", "上海发布", "--url", "https://fb.example/1?a=1&b=2"] + db,
                                   environment: ["GONGKAI_NOW": "2026-10-14T09:00:00+08:00"])
    #expect(disclosed.status == 0, "\(disclosed.stderr)")
    let linked = "亦发布于：信用中国（上海）（2026-10-13，索引号 310110-2026-00002）、<a href=\"https://fb.example/1?a=1&amp;b=2\">上海发布</a>"
      + "（2026-10-14，索引号 310110-2026-00005）</p>"
    let html = try export(["notices"], "\(Self.code).html", in: folder, db)
    #expect(html.contains(linked), "\(html)")
    #expect(try export(["notices", "--format", "md"], "\(Self.code).md", in: folder, db)
      .contains("\n- \(further)、上海发布（2026-10-14，索引号 310110-2026-00005，https://fb.example/1?a=1\\&b=2）\n"))
  }

  @Test func aTooShortPublicationThatCameLateKeepsItsLatenessInTheOpenData() throws {
    let (folder, db) = try register()
    let entries = try disclosures(in: try export(["json"], "disclosures.json", in: folder, db))
    let candidates = try #require(entries.first { $0["milestoneId"] as? Int == 3 })
    #expect(candidates["status"] as? String == "too-short")
    #expect(candidates["workingDaysLate"] as? Int == 2)
    #expect(entries.first { $0["milestoneId"] as? Int == 1 }?["workingDaysLate"] == nil)
    let package = try export(["oc4ids"], "oc4ids.json", in: folder, db)
    #expect(package.contains("第五十四条；公示期不足，且逾期2个工作日公开；所认定公开：索引号 310110-2026-00004\""))
  }

  /// A 公示 taken down too early and put up again late is judged by the second run: both rows carry the milestone's
  /// status, and only the second says it is the one judged, so that the first, on time by its own dates, is not read
  /// as late, and counting judged rows counts milestones.
  @Test func theOpenDataSaysWhichPublicationAMilestoneWasJudgedBy() throws {
    let (folder, db) = try register()
    let logged = try runGongkai(["log", Self.code, "bidding.candidates", "--date", "2026-11-02", "--ref", "ZB-J"] + db).stdout
    let id = try #require(logged.split(separator: " ").dropFirst(2).first.map { String($0.dropLast()) })
    #expect(try runGongkai(["disclose", id, "--date", "2026-11-03", "--channel", "平台", "--until", "2026-11-04"] + db).status == 0)
    #expect(try runGongkai(["disclose", id, "--date", "2026-11-10", "--channel", "平台", "--until", "2026-11-13"] + db).status == 0)
    let rows = try disclosures(in: try export(["json"], "disclosures.json", in: folder, db)).filter { "\($0["milestoneId"]!)" == id }
    #expect(rows.map { "\($0["publishedOn"]!) \($0["status"]!) \($0["workingDaysLate"]!) \($0["judged"]!)" }
      == ["2026-11-03 late 3 0", "2026-11-10 late 3 1"])
  }

  /// Every format says in words what the HTML's timeline draws: an item never published and how late, not only what
  /// was published. The HTML lists it below the chart, for readers who cannot see the chart and for print.
  @Test func everyFormatListsEveryObligationInWords() throws {
    let (folder, db) = try register()
    #expect(try runGongkai(["log", Self.code, "construction.participants", "--date", "2026-09-01"] + db).status == 0)
    let unpublished = "项目法人及设计、施工、监理单位信息（主要负责人、项目负责人、资质情况）：形成 2026-09-01，截止 2026-09-29，逾期39个工作日未公开"
    let html = try export(["notices"], "\(Self.code).html", in: folder, db)
    #expect(html.contains("<li>\(unpublished)</li>"), "\(html)")
    #expect(html.contains("</svg>") && html.components(separatedBy: "</svg>")[1].contains("<p>截至 2026-11-27，共 4 项："))
    let markdown = try export(["notices", "--format", "md"], "\(Self.code).md", in: folder, db)
    #expect(markdown.contains("\n## 信息公开情况\n\n截至 2026-11-27，共 "), "\(markdown)")
    #expect(markdown.contains("\n- \(unpublished)\n"), "\(markdown)")
    let text = try export(["notices", "--format", "txt"], "\(Self.code).txt", in: folder, db)
    #expect(text.contains("\n信息公开情况\n  截至 2026-11-27，共 ") && text.contains("\n  \(unpublished)\n"), "\(text)")
  }

  /// A verdict resting on a period not verified against the statute is marked ※ in every format's list, and what the
  /// mark means is said once under it, not beside every item; a page without such a verdict has no such note.
  @Test func anUnverifiedPeriodIsAFootnoteOfTheList() throws {
    let folder = Scratch.folder()
    let db = ["--database", folder.appendingPathComponent("r.sqlite").path]
    for command in [["init"], ["project", "add", Self.code, "--name", "江浦路桥梁改建工程", "--unit", "杨浦区建设和管理委员会"],
                    ["log", Self.code, "approval-result.construction-permit", "--date", "2026-11-03"]] {
      #expect(try runGongkai(command + db).status == 0)
    }
    let note = "标注※的，所依据的时限规定未经法规原文核实，或者所依据的计日方法法律未明文规定，其期限和状态仅供参考"
    let plain = try export(["notices"], "\(Self.code).html", in: folder, db)
    #expect(!plain.contains(note) && !plain.contains("※"), "\(plain)")
    #expect(try runGongkai(["log", Self.code, "completion.environmental-acceptance", "--date", "2026-11-02"] + db).status == 0)
    let item = "建设项目竣工环境保护验收报告公开：形成 2026-11-02，截止 2026-11-09，逾期14个工作日未公开※"
    let html = try export(["notices"], "\(Self.code).html", in: folder, db)
    #expect(html.contains("<li>\(item)</li>") && html.components(separatedBy: note).count == 2, "\(html)")
    #expect(!html.contains("时限待核实"), "\(html)")
    let markdown = try export(["notices", "--format", "md"], "\(Self.code).md", in: folder, db)
    #expect(markdown.contains("\n- \(item)\n") && markdown.contains("\n\n\(note)"), "\(markdown)")
    let text = try export(["notices", "--format", "txt"], "\(Self.code).txt", in: folder, db)
    #expect(text.contains("\n  \(item)\n") && text.contains("\n\n  \(note)"), "\(text)")
  }

  /// Two items of one kind formed on one day (two penalties decided together) are told apart in the list by their 文号,
  /// where they would read as one line twice; an item alone of its kind and day keeps the list's shorter line.
  @Test func itemsOfOneKindAndDayAreToldApartByTheir文号() throws {
    let folder = Scratch.folder()
    let db = ["--database", folder.appendingPathComponent("r.sqlite").path]
    for command in [["init"], ["project", "add", Self.code, "--name", "江浦路桥梁改建工程", "--unit", "杨浦区建设和管理委员会"],
                    ["log", Self.code, "quality-safety.penalty", "--date", "2026-11-03", "--ref", "杨建罚〔2026〕5号"],
                    ["log", Self.code, "quality-safety.penalty", "--date", "2026-11-03", "--ref", "杨建罚〔2026〕6号"],
                    ["log", Self.code, "quality-safety.penalty", "--date", "2026-11-03"],
                    ["log", Self.code, "approval-result.construction-permit", "--date", "2026-11-03", "--ref", "施许〔2026〕1号"]] {
      #expect(try runGongkai(command + db).status == 0)
    }
    let html = try export(["notices"], "\(Self.code).html", in: folder, db)
    for ref in ["杨建罚〔2026〕5号", "杨建罚〔2026〕6号"] {
      #expect(html.contains("<li>质量安全行政处罚决定（文号 \(ref)）：形成 2026-11-03，"), "\(html)")
    }
    #expect(html.contains("<li>质量安全行政处罚决定（无文号）：形成 2026-11-03，"), "\(html)")
    #expect(html.contains("<li>施工许可证（或者开工报告批准）：形成 2026-11-03，"), "\(html)")
  }

  /// A day formed that an amendment moved is said wherever the deadline counted from it is: the page's timeline, the
  /// disclosures JSON (with the status as first recorded, as the audit CSV gives it) and the OC4IDS milestone.
  @Test func aDayFormedAmendedIsSaidInEveryOpenOutput() throws {
    let folder = Scratch.folder()
    let db = ["--database", folder.appendingPathComponent("r.sqlite").path]
    for command in [["init"], ["project", "add", Self.code, "--name", "江浦路桥梁改建工程", "--unit", "杨浦区建设和管理委员会"],
                    ["log", Self.code, "bidding.contract", "--date", "2026-09-18"],
                    ["disclose", "1", "--date", "2026-10-26", "--channel", "区政府网站"],
                    ["amend", "1", "--date", "2026-09-22", "--reason", "按合同签订日更正"]] {
      #expect(try runGongkai(command + db).status == 0)
    }
    let html = try export(["notices"], "\(Self.code).html", in: folder, db)
    #expect(html.contains("<li>合同订立及履行情况：形成 2026-09-22（经更正，原登记为 2026-09-18），截止 2026-10-27，公开 2026-10-26，按时公开</li>"),
            "\(html)")
    let json = try export(["json"], "disclosures.json", in: folder, db)
    #expect(json.contains("\"originalFormedOn\" : \"2026-09-18\"") && json.contains("\"statusByOriginalFormedOn\" : \"late\""), "\(json)")
    let oc4ids = try export(["oc4ids"], "oc4ids.json", in: folder, db)
    #expect(oc4ids.contains("信息形成于 2026-09-22（经更正，原登记为 2026-09-18，按原登记日期为逾期公开）；法律依据："), "\(oc4ids)")
  }

  /// The rules a page and a report were judged under are named as a Chinese reader knows them, by their titles; the
  /// profile's name, what a user types, follows with the versions.
  @Test func theRulesJudgedUnderAreNamedByTheirTitles() throws {
    let folder = Scratch.folder()
    let db = ["--database", folder.appendingPathComponent("r.sqlite").path]
    for command in [["init", "--profile", "shanghai"], ["project", "add", Self.code, "--name", "江浦路桥梁改建工程", "--unit", "杨浦区建设和管理委员会"],
                    ["log", Self.code, "approval-result.construction-permit", "--date", "2026-11-03"]] {
      #expect(try runGongkai(command + db).status == 0)
    }
    let line = "适用规则：全国通用规则（政府信息公开条例、国办发〔2017〕94号及相关法律法规）、上海市补充规则；规则配置 national+shanghai，规则版本 fnv:"
    let page = try export(["notices"], "\(Self.code).html", in: folder, db)
    #expect(page.contains("<p>\(line)"), "\(page)")
    let report = try runGongkai(["report", "--year", "2026", "--as-of", "2026-11-27", "--format", "html"] + db)
    #expect(report.stdout.contains("<footer><p>\(line)"), "\(report.stdout)")
    let english = try runGongkai(["report", "--year", "2026", "--as-of", "2026-11-27", "--lang", "en"] + db)
    #expect(english.stdout.contains("Rules: national+shanghai (rules version fnv:"), "\(english.stdout)")
  }

  /// Atom wants an IRI in an entry's link: an address as typed goes out as the OC4IDS package gives it (a portal's
  /// webmaster found `…#s1#s2` copied into the feed as it was), while the page keeps the address the clerk recorded.
  @Test func theFeedLinksAnAddressAsAURI() throws {
    let (folder, db) = try register()
    for command in [
      ["log", Self.code, "approval-result.construction-permit", "--date", "2026-11-02"],
      ["disclose", "4", "--date", "2026-11-04", "--channel", "区政府网站", "--url", "https://xxgk.example/公告/a.html#s1#s2"],
    ] {
      #expect(try runGongkai(command + db, environment: ["GONGKAI_NOW": "2026-11-04T09:00:00+08:00"]).status == 0)
    }
    let feed = try export(["notices"], "feed.atom", in: folder, db)
    #expect(feed.contains(#"<link rel="alternate" href="https://xxgk.yangpu.example/%E8%AE%B8%E5%8F%AF?q=%E4%B8%AD%E6%96%87"/>"#), "\(feed)")
    #expect(feed.contains(#"<link rel="alternate" href="https://xxgk.example/%E5%85%AC%E5%91%8A/a.html#s1%23s2"/>"#), "\(feed)")
    let html = try String(contentsOf: folder.appendingPathComponent("notices-notices/\(Self.code).html"), encoding: .utf8)
    #expect(html.contains(#"<a href="https://xxgk.yangpu.example/许可?q=中文">"#))
  }

  /// A project registered with nothing recorded yet: its page says so, where it drew an empty chart under "共 0 项：".
  @Test func aProjectWithNothingRecordedSaysSo() throws {
    let folder = Scratch.folder()
    let db = ["--database", folder.appendingPathComponent("r.sqlite").path]
    #expect(try runGongkai(["init"] + db).status == 0)
    #expect(try runGongkai(["project", "add", Self.code, "--name", "江浦路桥梁改建工程", "--unit", "杨浦区建设和管理委员会"] + db).status == 0)
    let html = try export(["notices"], "\(Self.code).html", in: folder, db)
    #expect(html.contains("<p>截至 2026-11-27，本项目尚无应公开的信息。</p>") && !html.contains("<svg") && !html.contains("共 0 项"), "\(html)")
    let markdown = try export(["notices", "--format", "md"], "\(Self.code).md", in: folder, db)
    #expect(markdown.contains("\n## 信息公开情况\n\n截至 2026-11-27，本项目尚无应公开的信息。\n"), "\(markdown)")
    let text = try export(["notices", "--format", "txt"], "\(Self.code).txt", in: folder, db)
    #expect(text.contains("\n信息公开情况\n  截至 2026-11-27，本项目尚无应公开的信息。\n"), "\(text)")
  }

  @Test func aSummarysLineBreaksSurviveInEveryFormat() throws {
    let (folder, db) = try register()
    let html = try export(["notices"], "\(Self.code).html", in: folder, db)
    // Written out, not left to a stylesheet a portal's template may drop
    #expect(html.contains("<p class=\"summary\">第一行<br>第二行</p>"), "\(html)")
    // A hard line break in Markdown: a backslash at the end of the line
    #expect(try export(["notices", "--format", "md"], "\(Self.code).md", in: folder, db).contains("\n\n第一行\\\n第二行\n"))
    #expect(try export(["notices", "--format", "txt"], "\(Self.code).txt", in: folder, db).contains("\n    第一行\n    第二行\n"))
  }

  @Test func openDataWritesAnAddressAsAURIAndTheNoticeLinksItAsTyped() throws {
    let (folder, db) = try register()
    let uri = "https://xxgk.yangpu.example/%E8%AE%B8%E5%8F%AF?q=%E4%B8%AD%E6%96%87"
    let entries = try disclosures(in: try export(["json"], "disclosures.json", in: folder, db))
    #expect(entries.first { $0["milestoneId"] as? Int == 1 }?["url"] as? String == uri)
    #expect(try export(["oc4ids"], "oc4ids.json", in: folder, db).contains("\"\(uri)\""))
    #expect(try export(["notices"], "\(Self.code).html", in: folder, db).contains("<a href=\"https://xxgk.yangpu.example/许可?q=中文\">"))
  }

  @Test(.enabled(if: ExportTests.python != nil, "set GONGKAI_TEST_PYTHON to a Python with libcoveoc4ids (.ci/run does)"))
  func theOpenDataOfChangesLatenessAndChineseAddressesIsValidOC4IDS() throws {
    let (folder, db) = try register()
    _ = try export(["oc4ids"] + Self.packageLinks, "oc4ids.json", in: folder, db)
    let (status, output) = try ExportTests.run(ExportTests.python!, [
      "Tests/Validators/validate_oc4ids.py", folder.appendingPathComponent("oc4ids.json").path, "Tests/Validators/oc4ids/0.9.5",
    ])
    #expect(status == 0, "\(output.suffix(2000))")
    #expect(output.contains("\"validation_errors_count\": 0"))
  }

  static let packageLinks = ["--license", "https://creativecommons.org/licenses/by/4.0/", "--publication-policy", "https://xxgk.yangpu.example/数据说明.html"]

  /// An open-data portal takes a package with the license of its data and the publisher's data user guide; an address
  /// that is none is refused before anything is written.
  @Test func anOC4IDSPackageStatesItsLicenseAndPublicationPolicyWhenGiven() throws {
    let (folder, db) = try register()
    let package = try export(["oc4ids"] + Self.packageLinks, "oc4ids.json", in: folder, db)
    #expect(package.contains("\n\"license\": \"https://creativecommons.org/licenses/by/4.0/\",\n"), "\(package.prefix(400))")
    #expect(package.contains("\n\"publicationPolicy\": \"https://xxgk.yangpu.example/%E6%95%B0%E6%8D%AE%E8%AF%B4%E6%98%8E.html\",\n"))
    #expect(!(try export(["oc4ids"], "oc4ids.json", in: folder, db)).contains("\"license\""))
    let refused = try runGongkai(["export", "oc4ids", "--license", "CC-BY-4.0", "--out", folder.appendingPathComponent("x.json").path] + db)
    #expect(refused.status == 64)
    #expect(refused.stderr == "gongkai: --license 'CC-BY-4.0' is not accepted: use the full address of the licence, starting with "
      + "https:// (or http://)\n", "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.json").path))
  }

  @Test func anOC4IDSPackageWithPlaceholdersSaysSoOnStandardError() throws {
    let (folder, db) = try register()
    let export = ["export", "oc4ids", "--out", folder.appendingPathComponent("oc4ids.json").path, "--as-of", "2026-11-27"] + db
    let placeholder = try runGongkai(export)
    #expect(placeholder.status == 0)
    #expect(placeholder.stderr == "gongkai: warning: the OC4IDS package uses the placeholder --prefix oc4ids-gkdemo "
      + "(or $GONGKAI_OC4IDS_PREFIX), --uri https://xxgk.example.gov.cn/gongkai/oc4ids.json, --publisher 重大建设项目信息公开; "
      + "give the publisher's registered prefix, the address where the package is published and the publishing organisation's "
      + "name before publishing it\n")
    let configured = try runGongkai(export + ["--uri", "https://xxgk.yangpu.example/oc4ids.json", "--publisher", "上海市杨浦区建设和管理委员会"],
                                    environment: ["GONGKAI_OC4IDS_PREFIX": "oc4ids-yp2026"])
    #expect(configured.status == 0 && configured.stderr.isEmpty, "\(configured.stderr)")
    let unnamed = try runGongkai(export + ["--uri", "https://xxgk.yangpu.example/oc4ids.json"], environment: ["GONGKAI_OC4IDS_PREFIX": "oc4ids-yp2026"])
    #expect(unnamed.stderr == "gongkai: warning: the OC4IDS package uses the placeholder --publisher 重大建设项目信息公开; "
      + "give the publishing organisation's name before publishing it\n")
  }
}
