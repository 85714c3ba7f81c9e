import Foundation
import Testing
import TestSupport

/// The profile a register is kept under: recorded by `init`, followed by every command, changed only on record.
/// Shanghai adds the publication of a settlement price (completion.settlement-price), due 20 working days after the
/// settlement is filed (the 30 days of its art. 35 are the filing's): one filed on 2026-11-09 is due on 2026-12-07. It
/// adds a 10-day 公告期 to the national land expropriation notice, which a notice taken down after 3 days then falls
/// short of.
extension RegisterCommandTests {
  /// A register created under `profile` options, holding one project; `db` is the `--database` argument.
  func register(_ profile: [String]) throws -> (database: String, db: [String]) {
    let database = Scratch.folder().appendingPathComponent("register.sqlite").path
    let db = ["--database", database]
    let created = try gongkai(["init"] + profile + db)
    #expect(created.status == 0, "\(created.stderr)")
    #expect(try gongkai(["project", "add", "2026-310110-48-01-000300", "--name", "江浦路桥梁改建工程", "--unit", "杨浦区建设和管理委员会"] + db).status == 0)
    return (database, db)
  }

  /// Under a local rule whose changes are due by their own day, a change's publication may come before it; unmade,
  /// the milestone is judged by the rule's own period, and the publication before it is refused as for any other.
  @Test func aLinkUnmadeIsRefusedWhereItWouldLeaveAPublicationBeforeItsMilestone() throws {
    let local = try writeFile("local.yaml", """
      profile: local
      extends: national
      rules:
        - code: bidding.contract
          change-period: by-trigger-day
          confidence: M
          note: 试行
      """)
    let (_, db) = try register(["--profile-file", local])
    let rules = ["--profile-file", local]
    try succeed([
      ["log", "2026-310110-48-01-000300", "bidding.contract", "--date", "2026-10-01", "--ref", "HT-1"],
      ["log", "2026-310110-48-01-000300", "bidding.contract", "--date", "2026-11-02", "--ref", "HT-1-BG", "--changes", "1"],
      ["disclose", "2", "--date", "2026-10-15", "--channel", "平台"],
    ], rules + db, environment: [:])
    let unlinked = try gongkai(["amend", "2", "--no-changes", "--reason", "不是变更"] + rules + db)
    #expect(unlinked.status == 65)
    #expect(unlinked.stderr.contains("disclosure 1 of this milestone was published 2026-10-15, before that day"), "\(unlinked.stderr)")
  }

  @Test func aShanghaiRegisterIsJudgedByShanghaiPeriodsWithoutBeingToldAgain() throws {
    let (database, db) = try register(["--profile", "shanghai"])
    #expect(try gongkai(["init"] + db).stdout == "database \(database) already exists: schema v21-units (21 migrations)\nprofile national+shanghai\n")
    // Given its own profile again, init changes nothing, so it needs no name for the change log
    #expect(try gongkai(["init", "--profile", "shanghai", "--by", ""] + db).status == 0)
    let log = try gongkai(["log", "2026-310110-48-01-000300", "completion.settlement-price", "--date", "2026-11-09", "--as-of", "2026-12-01"] + db)
    #expect(log.stdout == "recorded milestone 1: completion.settlement-price 2026-11-09 · deadline 2026-12-07 (20个工作日) (period unverified: see its note in gongkai rules)\n")
    // As of 2026-12-01 the settlement price is due, by the period of Shanghai's rules.
    let check = try gongkai(["check", "--as-of", "2026-12-01"] + db)
    #expect(check.status == 0)
    #expect(check.stdout.contains("截止 2026-12-07"))
    // Given the register's own profile, as the cron lines of earlier versions were, the command runs the same.
    #expect(try gongkai(["check", "--as-of", "2026-12-01"] + db, environment: ["GONGKAI_PROFILE": "shanghai"]).stdout == check.stdout)
    #expect(try gongkai(["check", "--as-of", "2026-12-01", "--profile", "shanghai"] + db).stdout == check.stdout)
    #expect(try gongkai(["doctor", "--as-of", "2026-11-27"] + db).stdout.contains("ok      profile: national+shanghai (the rules every command applies to this register)\n"))
    let rows = try auditRows(Scratch.folder(), db, asOf: "2026-12-01", ["--lang", "en"])
    #expect(rows.map { $0["deadline"] } == ["2026-12-07"])
    #expect(rows.map { $0["rules_profile"] } == ["national+shanghai"])
  }

  /// Shanghai's land notice keeps the national 15 working days, a statute's (S), and adds a 10-day 公告期 of unsettled
  /// validity (M): a late notice is not marked as resting on an unverified period, a notice taken down early is.
  @Test func aMinimumOfUnsettledValidityMarksOnlyTheFindingsItJudges() throws {
    let (_, db) = try register(["--profile", "shanghai"])
    let code = "2026-310110-48-01-000300"
    #expect(try gongkai(["log", code, "land-acquisition.expropriation-notice", "--date", "2026-10-08"] + db).status == 0)
    #expect(try gongkai(["log", code, "land-acquisition.expropriation-notice", "--date", "2026-11-02", "--ref", "沪地征2"] + db).status == 0)
    #expect(try gongkai(["disclose", "2", "--date", "2026-11-03", "--channel", "村公告栏", "--until", "2026-11-05"] + db).status == 0)
    let json = try gongkai(["check", "--as-of", "2026-11-27", "--status", "overdue", "--status", "too-short", "--format", "json"] + db)
    let records = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(records.map { "\($0["status"] ?? "") \($0["ruleConfidence"] ?? "")" }.sorted() == ["overdue S", "too-short M"])
    let text = try gongkai(["check", "--as-of", "2026-11-27", "--status", "overdue", "--status", "too-short"] + db).stdout
    #expect(text.components(separatedBy: "（时限待核实，见 gongkai rules 的说明）").count == 2, "\(text)")
    let rows = try auditRows(Scratch.folder(), db, asOf: "2026-11-27")
    #expect(Set(rows.map { $0["时限依据核实"] }) == ["法条原文；公告期：待核实"])
    // project show and disclose mark the too-short notice alone
    let shown = try gongkai(["project", "show", code, "--as-of", "2026-11-27"] + db).stdout
    #expect(shown.components(separatedBy: "（时限待核实）").count == 2, "\(shown)")
    #expect(shown.contains("[公示期不足，截止 2026-11-23，公告应至 2026-11-13（时限待核实）]"), "\(shown)")
    let late = try gongkai(["disclose", "1", "--date", "2026-11-20", "--channel", "村公告栏", "--until", "2026-11-22", "--as-of", "2026-11-23"] + db)
    #expect(late.stdout.contains("had to stay up until 2026-11-30 (period unverified: see its note in gongkai rules)"), "\(late.stdout)")
    // and a lateness judged by an unverified deadline (the result notice's 20 working days are M)
    #expect(try gongkai(["log", code, "bidding.result", "--date", "2026-09-01"] + db).status == 0)
    let result = try gongkai(["disclose", "3", "--date", "2026-11-20", "--channel", "门户网站", "--as-of", "2026-11-20"] + db)
    #expect(result.stdout.hasSuffix(" late (period unverified: see its note in gongkai rules)\n"), "\(result.stdout)")
  }

  /// A profile record deleted with another tool would put every deadline under the national rules without a word.
  @Test func aShanghaiRegisterWhoseProfileWasDeletedIsNotCheckedNationally() throws {
    let (database, db) = try register(["--profile", "shanghai"])
    try editWithPython(database, """
      import sqlite3, sys
      c = sqlite3.connect(sys.argv[1])
      c.execute("DELETE FROM register")
      c.commit()
      """)
    let check = try gongkai(["check", "--as-of", "2026-12-01"] + db)
    #expect(check.status == 65)
    #expect(check.stderr.hasPrefix("gongkai: the register's profile is in its change log but not in the register: the database was edited outside gongkai"))
    let doctor = try gongkai(["doctor", "--as-of", "2026-11-27"] + db)
    #expect(doctor.status == 1)
    #expect(doctor.stdout.contains("FAILED  profile: the register's profile is in its change log but not in the register: deleted outside gongkai"))
    #expect(doctor.stdout.contains("ok      change log chain intact"))
  }

  @Test(arguments: [
    (["--profile", "national"], [:], "drop --profile national"),
    ([], ["GONGKAI_PROFILE": "national"], "unset GONGKAI_PROFILE (national)"),
  ] as [([String], [String: String], String)])
  func anotherProfileIsRefusedAndTheRegisterLeftAsItWas(options: [String], environment: [String: String], fix: String) throws {
    let (database, db) = try register(["--profile", "shanghai"])
    #expect(try gongkai(["log", "2026-310110-48-01-000300", "bidding.contract", "--date", "2026-11-02"] + db).status == 0)
    let projects = Scratch.folder().appendingPathComponent("projects")
    try FileManager.default.createDirectory(at: projects, withIntermediateDirectories: true)
    let before = snapshot(database)
    for command in [
      ["check", "--as-of", "2026-12-01"], ["log", "2026-310110-48-01-000300", "bidding.candidates", "--date", "2026-11-26"],
      ["project", "show", "2026-310110-48-01-000300"], ["import", projects.path], ["report", "--year", "2026"],
      ["export", "audit-csv", "--out", Scratch.folder().appendingPathComponent("audit.csv").path],
      ["export", "json", "--out", Scratch.folder().appendingPathComponent("disclosures.json").path],
    ] {
      let refused = try gongkai(command + options + db, environment: environment)
      #expect(refused.status == 64, "\(command)")
      #expect(refused.stderr == """
        gongkai: the register \(database) is kept under profile national+shanghai, not national; \(fix), or change the \
        register's profile with `gongkai init --change-profile` and the profile options\n
        """, "\(command)")
      #expect(snapshot(database) == before, "\(command)")
    }
  }

  /// A profile is known by its name: two files of one name (a local rule revised, a copy edited) give other deadlines
  /// under the same 适用规则, and the audit rows must say which rules they rest on.
  @Test func twoProfileFilesOfOneNameAreToldApartByTheRulesVersion() throws {
    func profile(_ period: String) throws -> String {
      try writeFile("yangpu.yaml", """
        profile: yangpu
        extends: national
        rules:
          - code: bidding.result
            category: bidding
            period: \(period)
            basis: 杨浦区某规定
            confidence: M
            note: 试行
        """)
    }
    let (first, revised) = (try profile("5 working-days"), try profile("60 working-days"))
    let (_, db) = try register(["--profile-file", first])
    #expect(try gongkai(["log", "2026-310110-48-01-000300", "bidding.result", "--date", "2025-09-26", "--profile-file", first] + db).status == 0)
    let rows = try auditRows(Scratch.folder(), db, asOf: "2025-10-10", ["--lang", "en", "--profile-file", first])
    let again = try auditRows(Scratch.folder(), db, asOf: "2025-10-10", ["--lang", "en", "--profile-file", first])
    let underRevised = try auditRows(Scratch.folder(), db, asOf: "2025-10-10", ["--lang", "en", "--profile-file", revised])
    #expect(rows.map { $0["deadline"] } == ["2025-10-10"])
    #expect(underRevised.map { $0["deadline"] } == ["2025-12-25"])
    #expect(rows.map { $0["rules_profile"] } == underRevised.map { $0["rules_profile"] })
    let version = try #require(rows.first?["rules_version"])
    #expect(version.hasPrefix("fnv:") && version.count == 20)
    #expect(again.first?["rules_version"] == version)
    #expect(underRevised.first?["rules_version"] != version)
    // `gongkai rules` names the version the rows give, so an auditor can tell which file a row was judged by
    let heading = try gongkai(["rules", "--profile-file", first]).stdoutLines.first ?? ""
    #expect(heading.hasPrefix("规则目录 national+yangpu") && heading.hasSuffix("共 54 项，规则版本 \(version)"))
  }

  @Test func aRegisterKeptUnderAProfileFileNeedsThatFile() throws {
    let yangpu = try writeFile("yangpu.yaml", "profile: yangpu\nextends: shanghai\nrules: []\n")
    let (database, db) = try register(["--profile", "shanghai", "--profile-file", yangpu])
    let without = try gongkai(["check", "--as-of", "2026-12-01"] + db)
    #expect(without.status == 64)
    #expect(without.stderr.hasPrefix("""
      gongkai: the register \(database) is kept under profile national+shanghai+yangpu, not national+shanghai; give \
      the profile file of yangpu with --profile-file, or change
      """))
    #expect(try gongkai(["check", "--as-of", "2026-12-01", "--profile-file", yangpu] + db).status == 0)
    // A GONGKAI_PROFILE left from another register is named as such, not blamed on the file, which is right
    let leftOver = try gongkai(["check", "--as-of", "2026-12-01", "--profile-file", yangpu] + db, environment: ["GONGKAI_PROFILE": "national"])
    #expect(leftOver.status == 64)
    #expect(leftOver.stderr.contains("kept under profile national+shanghai+yangpu, not one built on national; unset GONGKAI_PROFILE (national), or"),
            "\(leftOver.stderr)")
    // init, run again as README says it may be, tells the same fix, not to change the profile and lose Yangpu's rules
    let again = try gongkai(["init"] + db, environment: ["GONGKAI_PROFILE": "shanghai"])
    #expect(again.status == 64)
    #expect(again.stderr.contains("not national+shanghai; give the profile file of yangpu with --profile-file, or change"))
  }

  @Test func changingARegistersProfileIsAnActOnRecord() throws {
    let (database, db) = try register([])
    #expect(try gongkai(["log", "2026-310110-48-01-000300", "land-acquisition.expropriation-notice", "--date", "2026-11-02"] + db).status == 0)
    #expect(try gongkai(["disclose", "1", "--date", "2026-11-05", "--until", "2026-11-08", "--channel", "区政府网站"] + db).status == 0)
    let shortNotices = ["check", "--as-of", "2026-12-01", "--status", "too-short"] + db
    #expect(try gongkai(shortNotices).stdout.isEmpty)
    // Asked for another profile, init refuses to change it unless told to
    let before = snapshot(database)
    let refused = try gongkai(["init", "--profile", "shanghai"] + db)
    #expect(refused.status == 64)
    #expect(refused.stderr == """
      gongkai: the register \(database) is kept under profile national, not national+shanghai; drop --profile \
      shanghai, or change the register's profile with `gongkai init --change-profile` and the profile options\n
      """)
    #expect(try gongkai(["init", "--change-profile"] + db).status == 64)
    #expect(snapshot(database) == before)
    // Told to, it changes it and says from what
    let changed = try gongkai(["init", "--change-profile", "--profile", "shanghai", "--by", "管理员"] + db)
    #expect(changed.status == 0, "\(changed.stderr)")
    #expect(changed.stdoutLines[1] == "profile changed from national to national+shanghai")
    #expect(try gongkai(shortNotices).stdout.contains("公示期不足  公告期提前"))
    // The register's history says who changed it, when, before and after
    let history = try gongkai(["history"] + db).stdoutLines
    #expect(history[0].hasSuffix("  管理员  修改登记册设置"))
    #expect(history[1] == "    规则: national → national+shanghai")
    #expect(try gongkai(["history", "--lang", "en"] + db).stdoutLines[0].hasSuffix("  管理员  update the register's settings"))
    // A project's history is its own
    #expect(try gongkai(["history", "2026-310110-48-01-000300"] + db).stdout.contains("登记册") == false)
    #expect(try gongkai(["audit", "verify"] + db).status == 0)
    // A GONGKAI_PROFILE left from an earlier setup does not change it: the new profile is typed
    let inherited = try gongkai(["init", "--change-profile"] + db, environment: ["GONGKAI_PROFILE": "national"])
    #expect(inherited.status == 64)
    #expect(inherited.stderr.contains("--change-profile needs the new profile"))
    // nor shapes a profile typed only as a file: it extends what --profile names, national without it
    let local = try writeFile("yangpu.yaml", "profile: yangpu\nextends: national\nrules: []\n")
    let typed = try gongkai(["init", "--change-profile", "--profile-file", local, "--by", "管理员"] + db,
                            environment: ["GONGKAI_PROFILE": "shanghai"])
    #expect(typed.stdout.hasSuffix("\nprofile changed from national+shanghai to national+yangpu\n"), "\(typed.stdout)\(typed.stderr)")
  }

  /// A profile that does not define a kind the register's milestones are of would stop every check and export at
  /// them: the change is refused, and `doctor` fails on a profile file edited since.
  @Test func aProfileWithoutAKindTheRegisterUsesIsRefused() throws {
    let (database, db) = try register(["--profile", "shanghai"])
    #expect(try gongkai(["log", "2026-310110-48-01-000300", "construction.site-sign", "--date", "2026-11-02"] + db).status == 0)
    let before = snapshot(database)
    let refused = try gongkai(["init", "--change-profile", "--profile", "national"] + db)
    #expect(refused.status == 65)
    #expect(refused.stderr == "gongkai: the profile was not changed: national does not define construction.site-sign (milestone 1), which "
      + "the register holds; checks and exports would stop at those in force, and the audit CSV at withdrawn ones too: keep a "
      + "profile that defines them (add them to a --profile-file)\n")
    #expect(snapshot(database) == before)
    // A profile file that defined a kind, edited since to leave it out
    func yangpu(_ rules: String) throws -> String {
      try writeFile("yangpu.yaml", "profile: yangpu\nextends: national\nrules:\(rules)\n")
    }
    let full = try yangpu("""

        - code: construction.yangpu-board
          category: construction
          name: {zh: 杨浦区公示牌}
          trigger: {zh: 开工之日}
          period: 5 working-days
          responsible: {zh: 建设单位}
          basis: 杨浦区某规定
          confidence: M
          note: 试行
      """)
    let (_, kept) = try register(["--profile-file", full])
    #expect(try gongkai(["log", "2026-310110-48-01-000300", "construction.yangpu-board", "--date", "2026-11-02", "--profile-file", full] + kept).status == 0)
    let edited = try yangpu(" []")
    let doctor = try gongkai(["doctor", "--as-of", "2026-11-27", "--profile-file", edited] + kept)
    #expect(doctor.status == 1)
    #expect(doctor.stdout.contains("FAILED  rules: national+yangpu does not define construction.yangpu-board (milestone 1), which the register holds"),
            "\(doctor.stdout)")
  }

  /// A profile that no longer lets a kind change another the register links it to is refused, as the register's own
  /// project files would then fail to import: named by `doctor` for an edited file, refused by `init --change-profile`
  /// for another profile and for the same one, its file edited since, which is checked as a change is and logs nothing.
  @Test func aProfileThatForbidsALinkTheRegisterHoldsIsRefused() throws {
    func board(_ name: String, changes: String) throws -> String {
      try writeFile("\(name).yaml", """
        profile: \(name)
        extends: national
        rules:
          - code: construction.yangpu-board
            category: construction
            name: {zh: 杨浦区公示牌}
            trigger: {zh: 开工之日}
            period: 5 working-days
            responsible: {zh: 建设单位}
            basis: 杨浦区某规定
            confidence: M
            note: 试行\(changes)
        """)
    }
    let linking = try board("yangpu", changes: "\n    changes: [construction.participants]")
    let (database, db) = try register(["--profile-file", linking])
    try succeed([
      ["log", "2026-310110-48-01-000300", "construction.participants", "--date", "2026-11-02"],
      ["log", "2026-310110-48-01-000300", "construction.yangpu-board", "--date", "2026-11-20", "--changes", "1"],
    ], ["--profile-file", linking] + db, environment: [:])
    let expected = "under national+%@, a milestone of construction.yangpu-board may not change one of construction.participants, and "
      + "milestone 2 changes milestone 1; a profile that lists the kind changed under `changes:` (or `withdraws:`) of the kind "
      + "that changes it admits the link; otherwise link each to the milestone it does change (`gongkai amend 2 --changes ID "
      + "--reason …`) or to none (`--no-changes`)"
    let before = snapshot(database)
    let other = try gongkai(["init", "--change-profile", "--profile-file", try board("other", changes: ""), "--by", "管理员"] + db)
    #expect(other.status == 65)
    #expect(other.stderr == "gongkai: the profile was not changed: " + expected.replacingOccurrences(of: "%@", with: "other") + "\n")
    #expect(snapshot(database) == before)
    let edited = try board("yangpu", changes: "")
    let doctor = try gongkai(["doctor", "--as-of", "2026-11-27", "--profile-file", edited] + db)
    #expect(doctor.status == 1)
    #expect(doctor.stdout.contains("FAILED  rules: " + expected.replacingOccurrences(of: "%@", with: "yangpu")), "\(doctor.stdout)")
    let same = try gongkai(["init", "--change-profile", "--profile-file", edited, "--by", "管理员"] + db)
    #expect(same.status == 65, "\(same.stdout)")
    #expect(snapshot(database) == before)
    // The file as it was: the same profile, checked and found sound, and nothing logged.
    let sound = try gongkai(["init", "--change-profile", "--profile-file", try board("yangpu", changes: "\n    changes: [construction.participants]"),
                             "--by", "管理员"] + db)
    #expect(sound.status == 0, "\(sound.stderr)")
    #expect(sound.stdout.hasSuffix("profile national+yangpu, unchanged: the register holds nothing its rules refuse\n"), "\(sound.stdout)")
    #expect(snapshot(database) == before)
  }

  /// A district rule that shortens a national period from its own day leaves information formed before under the
  /// national rule, not under the 条例's longer general period: `rules` says so, and a permit of before is due in 7
  /// working days, one of after in 5.
  @Test func aLocalRuleDatedByItsOwnDayLeavesTheRuleItReplacesBefore() throws {
    let district = try writeFile("district.yaml", """
      profile: district
      extends: national
      rules:
        - code: approval-result.construction-permit
          period: 5 working-days
          basis: 《杨浦区重大建设项目信息公开办法》第五条
          in-force: 2025-03-01
          confidence: M
          note: 区办法规定5个工作日
      """)
    let rules = ["--profile-file", district]
    let text = try gongkai(["rules", "--category", "approval-result"] + rules).stdout
    #expect(text.contains("    施行        2025-03-01起；此前形成的信息：所替换的规则（7个工作日，《中华人民共和国行政许可法》第四十条；"), "\(text)")
    let json = try gongkai(["rules", "--format", "json"] + rules).stdout
    #expect(json.contains(#""beforeInForce" : "replaced""#), "\(json)")
    let (_, db) = try register(rules)
    let before = try gongkai(["log", "2026-310110-48-01-000300", "approval-result.construction-permit", "--date", "2025-01-10"] + rules + db)
    #expect(before.stdout.hasPrefix("recorded milestone 1: approval-result.construction-permit 2025-01-10 · deadline 2025-01-21 (7个工作日)"),
            "\(before.stdout)")
    let after = try gongkai(["log", "2026-310110-48-01-000300", "approval-result.construction-permit", "--date", "2025-03-10"] + rules + db)
    #expect(after.stdout.hasPrefix("recorded milestone 2: approval-result.construction-permit 2025-03-10 · deadline 2025-03-17 (5个工作日)"),
            "\(after.stdout)")
  }

  /// `--change-profile` changes a register that exists: a mistyped path is refused, not made a new, empty register.
  @Test func aProfileChangeOfAMissingRegisterCreatesNothing() throws {
    let folder = Scratch.folder()
    let missing = folder.appendingPathComponent("regsiter.sqlite").path
    let refused = try gongkai(["init", "--change-profile", "--profile", "shanghai", "--database", missing])
    #expect(refused.status == 66)
    #expect(refused.stderr.hasPrefix("gongkai: database \(missing) not found; --change-profile changes the profile of an existing register"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  /// A tender notice (milestone 1, the sale on 2026-11-10) published four days ahead (disclosure 1), as the national
  /// rules admit, in a register under `profile` options.
  func tenderNoticePublishedAhead(_ profile: [String]) throws -> (database: String, db: [String]) {
    let (database, db) = try register(profile)
    try succeed([
      ["log", "2026-310110-48-01-000300", "bidding.tender-notice", "--date", "2026-11-10"],
      ["disclose", "1", "--date", "2026-11-06", "--channel", "中国招标投标公共服务平台"],
    ], profile + db, environment: [:])
    return (database, db)
  }

  /// A profile file `name` that counts the tender notice's period from the sale, as no law does.
  func tenderNoticeCounted(profile name: String) throws -> String {
    try writeFile("\(name).yaml", """
      profile: \(name)
      extends: national
      rules:
        - code: bidding.tender-notice
          period: 3 working-days
          confidence: M
          note: 试行
      """)
  }

  /// A profile that counts the tender notice's period from the sale makes a record of one published ahead a mistyped
  /// date, which the register would then hold unchecked (and refuse to take back from its own export): the change is
  /// refused, naming the record and both ways out.
  @Test func aProfileThatWouldRefuseAPublicationRecordedAheadIsRefused() throws {
    let (database, db) = try tenderNoticePublishedAhead([])
    // Another, withdrawn with its milestone: it is not judged while withdrawn, and `doctor` names it if it comes back.
    try succeed([
      ["log", "2026-310110-48-01-000300", "bidding.tender-notice", "--date", "2026-11-20", "--ref", "第二标段"],
      ["disclose", "2", "--date", "2026-11-16", "--channel", "中国招标投标公共服务平台"],
      ["withdraw", "2", "--reason", "标段取消"],
    ], db, environment: [:])
    let counted = try tenderNoticeCounted(profile: "counted")
    let before = snapshot(database)
    let refused = try gongkai(["init", "--change-profile", "--profile-file", counted, "--by", "管理员"] + db)
    #expect(refused.status == 65)
    #expect(refused.stderr == "gongkai: the profile was not changed: under national+counted, a publication of bidding.tender-notice "
      + "before its milestone reads as a mistyped date, and the register holds disclosure 1 (published 2026-11-06, milestone "
      + "formed 2026-11-10); a profile that gives that kind `period: by-trigger-day` admits it; otherwise withdraw each such "
      + "record (`gongkai withdraw --disclosure 1 --reason …`) and record the publication again with its right date\n")
    #expect(snapshot(database) == before)
    // Withdrawn, the record no longer stands in the way.
    #expect(try gongkai(["withdraw", "--disclosure", "1", "--reason", "日期录错"] + db).status == 0)
    let changed = try gongkai(["init", "--change-profile", "--profile-file", counted, "--by", "管理员"] + db)
    #expect(changed.status == 0, "\(changed.stderr)")
    #expect(changed.stdout.contains("profile changed from national to national+counted"), "\(changed.stdout)")
    #expect(try gongkai(["reinstate", "2", "--reason", "标段恢复", "--profile-file", counted] + db).status == 0)
    let doctor = try gongkai(["doctor", "--as-of", "2026-11-27", "--profile-file", counted] + db)
    #expect(doctor.status == 1)
    #expect(doctor.stdout.contains("FAILED  rules: under national+counted, a publication of bidding.tender-notice before its milestone "
      + "reads as a mistyped date, and the register holds disclosure 2 (published 2026-11-16, milestone formed 2026-11-20); a "
      + "profile that gives that kind `period: by-trigger-day` admits it; otherwise withdraw each such record (`gongkai "
      + "withdraw --disclosure 2 --reason …`)"), "\(doctor.stdout)")
  }

  /// The same, where the register's profile file was edited since: `doctor` names the records it no longer admits.
  @Test func doctorNamesPublicationsAheadThatAnEditedProfileFileNoLongerAdmits() throws {
    let yangpu = try writeFile("yangpu.yaml", "profile: yangpu\nextends: national\nrules: []\n")
    let (_, db) = try tenderNoticePublishedAhead(["--profile-file", yangpu])
    let sound = try gongkai(["doctor", "--as-of", "2026-11-27", "--profile-file", yangpu] + db)
    #expect(!sound.stdout.contains("FAILED  rules"), "\(sound.stdout)")
    let edited = try tenderNoticeCounted(profile: "yangpu")
    let doctor = try gongkai(["doctor", "--as-of", "2026-11-27", "--profile-file", edited] + db)
    #expect(doctor.status == 1)
    #expect(doctor.stdout.contains("FAILED  rules: under national+yangpu, a publication of bidding.tender-notice before its milestone reads "
      + "as a mistyped date, and the register holds disclosure 1 (published 2026-11-06, milestone formed 2026-11-10); a profile"), "\(doctor.stdout)")
  }

  /// A tender notice logged for a sale day to come is a record only a profile wanting it public by that day admits:
  /// a change to one counting its period from the sale is refused, and `doctor` names it where the profile file was
  /// edited so since (no check judges it until the sale, and the audit CSV has no row for it until then).
  @Test func aMilestoneLoggedAheadIsNamedWhereTheProfileNoLongerAdmitsIt() throws {
    let now = ["GONGKAI_NOW": "2026-12-02T10:00:00+08:00"]
    let yangpu = try writeFile("yangpu.yaml", "profile: yangpu\nextends: national\nrules: []\n")
    let (database, db) = try register(["--profile-file", yangpu])
    try succeed([["log", "2026-310110-48-01-000300", "bidding.tender-notice", "--date", "2026-12-20", "--profile-file", yangpu]],
                db, environment: now)
    let before = snapshot(database)
    let refused = try gongkai(["init", "--change-profile", "--profile-file", try tenderNoticeCounted(profile: "counted")] + db, environment: now)
    #expect(refused.status == 65)
    #expect(refused.stderr == "gongkai: the profile was not changed: under national+counted, bidding.tender-notice may not be "
      + "recorded for a day to come, and the register holds milestone 1 (formed 2026-12-20), after today (2026-12-02), which no "
      + "check judges until then; a profile that gives that kind `period: by-trigger-day` admits up to 90 days ahead; otherwise "
      + "correct each date (`gongkai amend 1 --date … --reason …`) or withdraw the record (`gongkai withdraw 1 --reason …`)\n")
    #expect(snapshot(database) == before)
    let edited = try tenderNoticeCounted(profile: "yangpu")
    let doctor = try gongkai(["doctor", "--profile-file", edited] + db, environment: now)
    #expect(doctor.status == 1)
    #expect(doctor.stdout.contains("FAILED  rules: under national+yangpu, bidding.tender-notice may not be recorded for a day to come"),
            "\(doctor.stdout)")
  }

  @Test func aRegisterTheDemoCreatesIsKeptUnderTheProfileGiven() throws {
    let database = Scratch.folder().appendingPathComponent("demo.sqlite").path
    let db = ["--database", database]
    let demo = try gongkai(["demo", "--projects", projectsFolder(), "--profile", "shanghai"] + db)
    #expect(demo.stdout.contains("规则目录 national+shanghai"))
    #expect(try gongkai(["history", "--lang", "en"] + db).stdoutLines.first?.hasSuffix("  gongkai demo  update the register's settings") == true)
    #expect(try gongkai(["demo", "--projects", projectsFolder()] + db).stdout.contains("规则目录 national+shanghai"))
    #expect(try gongkai(["demo", "--projects", projectsFolder(), "--profile", "national"] + db).status == 64)
  }

  /// A register of the release before profiles were recorded, upgraded by init, is kept under the national rules.
  @Test func aRegisterOfAnEarlierSchemaUpgradedByInitIsNational() throws {
    let (database, db) = try register([])
    try rollBack(database, to: .beforeProfiles)
    // Asked to upgrade it under another profile, init refuses before upgrading anything
    let before = snapshot(database)
    #expect(try gongkai(["init", "--profile", "shanghai"] + db).status == 64)
    #expect(snapshot(database) == before)
    let upgrade = try gongkai(["init"] + db)
    #expect(upgrade.stdout == """
      upgraded \(database) from schema v4-change-chain to schema v21-units (21 migrations)
      profile national\n
      """)
    #expect(try gongkai(["check", "--as-of", "2026-12-01", "--profile", "shanghai"] + db).status == 64)
    #expect(try gongkai(["check", "--as-of", "2026-12-01"] + db).status == 0)
  }

  /// A register of a release that recorded its profile, before the last migration: init reads the profile it
  /// recorded, not the national one of registers older still.
  @Test func aRegisterOfAnEarlierSchemaKeepsTheProfileItRecorded() throws {
    let (database, db) = try register(["--profile", "shanghai"])
    try rollBack(database, to: .beforeWithdrawnMilestoneKeys)
    let before = snapshot(database)
    let national = try gongkai(["init", "--profile", "national"] + db)
    #expect(national.status == 64)
    #expect(national.stderr.contains("kept under profile national+shanghai"), "\(national.stderr)")
    #expect(snapshot(database) == before)
    let upgrade = try gongkai(["init", "--profile", "shanghai"] + db)
    #expect(upgrade.stdout == """
      upgraded \(database) from schema v16-disclosure-reinstatement to schema v21-units (21 migrations)
      profile national+shanghai\n
      """)
    // A change of profile on the same upgrade is logged as one, from the profile it recorded
    try rollBack(database, to: .beforeWithdrawnMilestoneKeys)
    let change = try gongkai(["init", "--change-profile", "--profile", "national"] + db)
    #expect(change.status == 0, "\(change.stderr)")
    #expect(change.stdout.hasSuffix("\nprofile changed from national+shanghai to national\n"))
  }
}

extension OperationsTests {
  /// The profile is a change-log row like any other: edited with the sqlite3 shell, it is named, and no command
  /// writes over it.
  @Test func aProfileEditedWithTheSQLiteShellIsCaught() throws {
    let database = Scratch.folder().appendingPathComponent("register.sqlite").path
    #expect(try runGongkai(["init", "--profile", "shanghai", "--database", database]).status == 0)
    try sqlite(database, "UPDATE register SET profile = 'national'")
    let verify = try runGongkai(["audit", "verify", "--database", database])
    #expect(verify.status == 1)
    #expect(verify.stdout.contains("register differs: the register's row of settings (its profile and organisation code) differs from its last change-log entry in profile: edited outside gongkai\n"
      + "    profile: \"national\" in the register, \"national+shanghai\" in the change log\n"))
    #expect(try runGongkai(["doctor", "--database", database]).status == 1)
    let change = try runGongkai(["init", "--change-profile", "--profile", "shanghai", "--database", database])
    #expect(change.status == 65)
    #expect(change.stderr.contains("the register's row of settings (its profile and organisation code) no longer holds what its change log last recorded"))
  }
}

extension RegisterCommandTests {
  /// Each finding of `status` as of 2026-11-27 as "文号 ruleConfidence calendarReadings", from `check --format json`.
  /// The public page of `code`, exported as of `asOf`.
  private func publicPage(of code: String, in folder: URL, _ db: [String], asOf: String) throws -> String {
    let pages = folder.appendingPathComponent("pages-\(asOf)")
    #expect(try gongkai(["export", "notices", "--out", pages.path, "--as-of", asOf, "--organisation", "X1"] + db).status == 0)
    return try String(contentsOf: pages.appendingPathComponent("\(code).html"), encoding: .utf8)
  }

  /// Each audit row's 文号 and 时限依据核实, as of `asOf`.
  private func basisConfidences(_ folder: URL, _ db: [String], asOf: String) throws -> Set<String> {
    Set(try auditRows(folder, db, asOf: asOf).map { "\($0["文号"] ?? "") \($0["时限依据核实"] ?? "")" })
  }

  private func ruleConfidences(of status: String, _ db: [String], asOf: String = "2026-11-27") throws -> Set<String> {
    let json = try gongkai(["check", "--as-of", asOf, "--status", status, "--format", "json"] + db)
    let records = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]], "\(json.stderr)")
    return Set(records.map { "\($0["reference"] ?? "") \($0["ruleConfidence"] ?? "") \($0["calendarReadings"] ?? "-")" })
  }

  /// A 公示 up for its N calendar days whose Nth day is a weekend falls short only by 民法典 art. 203 moving the end to
  /// Monday, a reading of weekends as 法定休假日 that legal-rules.md tags unverified: the verdict is marked so, where one
  /// short of the Nth day is not.
  @Test func aShortfallThatRestsOnAWeekendMovingTheEndIsUnverified() throws {
    let code = "2026-310110-48-01-000219"
    let (folder, db) = try registerWithProject(code)
    try succeed([
      ["log", code, "bidding.candidates", "--date", "2026-11-18", "--ref", "A"],
      // Up Thursday to Sunday 11-22, the third day: the end moves to Monday 11-23
      ["disclose", "1", "--date", "2026-11-19", "--channel", "平台", "--until", "2026-11-22"],
      ["log", code, "bidding.candidates", "--date", "2026-11-17", "--ref", "B"],
      // Up Wednesday to Friday 11-20, a day short of the third, Saturday 11-21
      ["disclose", "2", "--date", "2026-11-18", "--channel", "平台", "--until", "2026-11-20"],
    ], db, environment: ["GONGKAI_NOW": "2026-11-27T09:00:00+08:00"])
    #expect(try ruleConfidences(of: "too-short", db) == ["A M weekend-extension", "B S -"])
    #expect(try basisConfidences(folder, db, asOf: "2026-11-27") == ["A 法条原文；逢周末或通知放假日顺延：待核实", "B 法条原文"])
    let text = try gongkai(["check", "--as-of", "2026-11-27", "--status", "too-short"] + db).stdout
    #expect(text.components(separatedBy: "（时限待核实：逢周末或通知放假日顺延系解释）").count == 2, "\(text)")
    // The page says which reading, under A only, in the name the rule gives its minimum period
    let page = try publicPage(of: code, in: folder, db, asOf: "2026-11-27")
    #expect(page.components(separatedBy: "本事项公示期期满日逢周末或者放假通知安排的休息日（调休、补假），或者逢节假日顺延后逢之的，按顺延至其后第一个工作日计算").count == 2, "\(page)")
    // The third day 元旦 2027, a Friday: the end moves past the holiday, and then past the weekend too
    let newYear = ["GONGKAI_NOW": "2027-01-05T09:00:00+08:00"]
    try succeed([
      ["log", code, "bidding.candidates", "--date", "2026-12-28", "--ref", "C"],
      ["disclose", "3", "--date", "2026-12-29", "--channel", "平台", "--until", "2027-01-03"],
    ], db, environment: newYear)
    let later = try gongkai(["check", "--as-of", "2027-01-05", "--status", "too-short", "--format", "json", "--project", code] + db,
                            environment: newYear)
    #expect(later.stdout.contains("\"reference\":\"C\""), "\(later.stdout)")
    let c = try #require(try (JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as? [[String: Any]])?.first { $0["reference"] as? String == "C" })
    #expect(c["ruleConfidence"] as? String == "M" && c["minimumEnd"] as? String == "2027-01-04", "\(c)")
  }

  /// Three days from Thursday 2026-09-17 end on Sunday 9-20, worked for 国庆, and are not moved to Monday as a
  /// weekend's end is: candidates published Monday are late by that reading of swapped workdays alone, which
  /// legal-rules.md tags unverified. The verdict says so in the check, the audit CSV and on the public page.
  @Test func aLatenessThatRestsOnASwappedWorkdayIsUnverified() throws {
    let code = "2026-310110-48-01-000219"
    let (folder, db) = try registerWithProject(code)
    try succeed([
      ["log", code, "bidding.candidates", "--date", "2026-09-17", "--ref", "A"],
      ["disclose", "1", "--date", "2026-09-21", "--channel", "平台", "--until", "2026-09-30"],
      ["log", code, "bidding.candidates", "--date", "2026-09-15", "--ref", "B"],
      ["disclose", "2", "--date", "2026-09-21", "--channel", "平台", "--until", "2026-09-30"],
      // Late by the same reading, and down after two days of its three: too short, its lateness unverified
      ["log", code, "bidding.candidates", "--date", "2026-09-17", "--ref", "C"],
      ["disclose", "3", "--date", "2026-09-21", "--channel", "平台", "--until", "2026-09-22"],
    ], db, environment: ["GONGKAI_NOW": "2026-11-27T09:00:00+08:00"])
    #expect(try ruleConfidences(of: "late", db) == ["A M swapped-workdays", "B S -"])
    // C's status is certain; its lateness is not, which the record says beside it
    #expect(try ruleConfidences(of: "too-short", db) == ["C S swapped-workdays"])
    let rows = try auditRows(folder, db, asOf: "2026-11-27")
    #expect(Set(rows.map { "\($0["文号"] ?? "") \($0["状态"] ?? "") \($0["时限依据核实"] ?? "")" })
      == ["A late 法条原文；调休上班日视为工作日：待核实", "B late 法条原文", "C too-short 法条原文；调休上班日视为工作日：待核实"])
    let alerts = try gongkai(["check", "--as-of", "2026-11-27", "--status", "late", "--status", "too-short"] + db).stdout
    #expect(alerts.components(separatedBy: "（时限待核实：调休上班日视为工作日系解释）").count == 3, "\(alerts)")
    let show = try gongkai(["project", "show", code, "--as-of", "2026-11-27"] + db).stdout
    #expect(show.components(separatedBy: "截止 2026-09-20（时限待核实）").count == 3, "\(show)")
    // --explain lists the swapped workdays a count of days late rests on, as those a deadline rests on; B, due Friday
    // 9-18, was late by the worked Sunday and the Monday, and on the Saturday between stood overdue by one day
    let explained = try gongkai(["check", "--as-of", "2026-11-27", "--status", "late", "--explain"] + db).stdout
    #expect(explained.contains("      迟公开: 截止日次日起至公开日 2026-09-21（周一）的工作日，共2个，含调休上班日 2026-09-20（周日）·国庆节"
      + "（调休上班日视为工作日系解释，法律未明文规定）\n"), "\(explained)")
    let saturday = try gongkai(["check", "--as-of", "2026-09-19", "--explain", "--lang", "en"] + db).stdout
    #expect(saturday.contains("      Overdue: the working days after the deadline through 2026-09-19 (Sat): 1 (rest days only, counted as one working day)\n"),
            "\(saturday)")
    let page = try publicPage(of: code, in: folder, db, asOf: "2026-11-27")
    // A's and C's notes, and their timeline's marks; none for B
    #expect(page.components(separatedBy: "本事项期限将调休上班日视为工作日计算（以日计的期限期满日为调休上班日的，不顺延）；该计日方法法律未明文规定").count == 3, "\(page)")
    #expect(page.contains("逾期1个工作日公开※") && page.contains("公示期不足，且逾期1个工作日公开※"), "\(page)")
    // log and disclose say it of the lateness they report: a permit of Friday 2026-02-13 has 7 working days to 3-02,
    // counting the worked Saturdays 2-14 and 2-28
    let reading = "(unverified: swapped workdays treated as working days, an interpretation)"
    let logged = try gongkai(["log", code, "approval-result.construction-permit", "--date", "2026-02-13"] + db,
                             environment: ["GONGKAI_NOW": "2026-03-04T09:00:00+08:00"])
    #expect(logged.stdout.contains("already overdue 2 working days \(reading)"), "\(logged.stdout)")
    let disclosed = try gongkai(["disclose", "4", "--date", "2026-03-04", "--channel", "平台"] + db,
                                environment: ["GONGKAI_NOW": "2026-03-04T09:00:00+08:00"])
    #expect(disclosed.stdout.contains("published 2 working days late \(reading)"), "\(disclosed.stdout)")
  }

  /// A verdict on time that rests on an unverified reading of the calendar is marked as one against the unit is:
  /// candidates formed Thursday 2026-11-26, due Sunday 11-29 moved to Monday and published then (A), and a notice of
  /// candidates up from Thursday 2026-09-17 through Sunday 9-20, a swapped workday that ends its 3 days unmoved (B).
  @Test func anOnTimeVerdictThatRestsOnAReadingOfTheCalendarIsUnverified() throws {
    let code = "2026-310110-48-01-000220"
    let (folder, db) = try registerWithProject(code)
    let today = ["GONGKAI_NOW": "2026-12-01T09:00:00+08:00"]
    try succeed([
      ["log", code, "bidding.candidates", "--date", "2026-11-26", "--ref", "A"],
      ["log", code, "bidding.candidates", "--date", "2026-09-16", "--ref", "B"],
      ["disclose", "2", "--date", "2026-09-17", "--channel", "平台", "--until", "2026-09-20"],
      ["log", code, "bidding.candidates", "--date", "2026-09-16", "--ref", "C"],
      ["disclose", "3", "--date", "2026-09-17", "--channel", "平台", "--until", "2026-09-21"],
    ], db, environment: today)
    let disclosed = try gongkai(["disclose", "1", "--date", "2026-11-30", "--channel", "平台", "--until", "2026-12-03"] + db, environment: today)
    #expect(disclosed.stdout.hasSuffix(" · on time (unverified: end moved past a weekend or a notice's day off, an interpretation)\n"), "\(disclosed.stdout)")
    #expect(try ruleConfidences(of: "on-time", db, asOf: "2026-12-10")
      == ["A M weekend-extension", "B M swapped-workdays", "C S -"])
    #expect(try basisConfidences(folder, db, asOf: "2026-12-10")
      == ["A 法条原文；逢周末或通知放假日顺延：待核实", "B 法条原文；调休上班日视为工作日：待核实", "C 法条原文"])
    let alerts = try gongkai(["check", "--as-of", "2026-12-10", "--status", "on-time"] + db).stdout
    #expect(alerts.contains("（时限待核实：逢周末或通知放假日顺延系解释）") && alerts.contains("（时限待核实：调休上班日视为工作日系解释）"), "\(alerts)")
    let show = try gongkai(["project", "show", code, "--as-of", "2026-12-10"] + db).stdout
    #expect(show.components(separatedBy: "按时公开，截止").count == 4 && show.components(separatedBy: "（时限待核实）").count == 3, "\(show)")
    let page = try publicPage(of: code, in: folder, db, asOf: "2026-12-10")
    #expect(page.contains("本事项以日计的公开期限期满日逢周末或者放假通知安排的休息日（调休、补假），或者逢节假日顺延后逢之的，按顺延至其后第一个工作日计算；周末及放假通知安排的休息日是否视同法定休假日顺延，法律未明文规定，据此认定的按时公开仅供参考。"), "\(page)")
    #expect(page.contains("本事项公示期将调休上班日视为工作日计算（以日计的公示期期满日为调休上班日的，不顺延）；该计日方法法律未明文规定，据此认定的公示期已满仅供参考。"), "\(page)")
  }
  /// A weekday the year's notice gives off (调休) is no holiday the 放假办法 fixes: a period's end moved past it rests on
  /// the same reading as one moved past a weekend. Candidates formed 2025-10-04 are due by 10-07, a weekday of the 国庆
  /// break, moved to 10-09 (D): published then, on time by the reading alone; a notice up 10-04 through 10-08 (E) is too
  /// short by it alone.
  @Test func anEndMovedPastAWeekdayGivenOffByTheNoticeIsUnverified() throws {
    let code = "2025-310110-48-01-000221"
    let (folder, db) = try registerWithProject(code)
    try succeed([
      ["log", code, "bidding.candidates", "--date", "2025-10-04", "--ref", "D"],
      ["log", code, "bidding.candidates", "--date", "2025-10-03", "--ref", "E"],
      ["disclose", "2", "--date", "2025-10-04", "--channel", "平台", "--until", "2025-10-08"],
    ], db, environment: [:])
    let disclosed = try gongkai(["disclose", "1", "--date", "2025-10-09", "--channel", "平台", "--until", "2025-10-20"] + db)
    #expect(disclosed.stdout.hasSuffix(" · on time (unverified: end moved past a weekend or a notice's day off, an interpretation)\n"),
            "\(disclosed.stdout)")
    #expect(try basisConfidences(folder, db, asOf: "2025-10-31") == ["D 法条原文；逢周末或通知放假日顺延：待核实", "E 法条原文；逢周末或通知放假日顺延：待核实"])
  }
}
