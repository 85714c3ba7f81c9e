import Foundation
import Testing
import TestSupport

/// Tamper evidence, backups, the doctor, and registers edited with the sqlite3 shell, through the binary.
@Suite struct OperationsTests {
  @Test(arguments: [
    ("UPDATE changeLog SET actor = 'mallory' WHERE id = 40", "row 40 was altered, inserted or reordered outside gongkai"),
    ("DELETE FROM changeLog WHERE id = 12", "row 12 is missing: deleted outside gongkai (the chain resumes at row 13)"),
    // A NUL in a value: GRDB's strings end at it, and the chain was once checked on what came before
    ("UPDATE changeLog SET actor = actor || char(0) || 'x' WHERE id = 40", "row 40 was altered, inserted or reordered outside gongkai"),
    ("UPDATE changeLog SET after = NULL WHERE id = 40", "row 40 was altered, inserted or reordered outside gongkai"),
    ("UPDATE changeLog SET hash = upper(hash) WHERE id = 40", "row 40 was altered, inserted or reordered outside gongkai"),
    ("UPDATE changeLog SET id = -1 WHERE id = 7; UPDATE changeLog SET id = 7 WHERE id = 8; UPDATE changeLog SET id = 8 WHERE id = -1",
     "row 7 was altered, inserted or reordered outside gongkai"),
  ])
  func changesMadeWithTheSQLiteShellAreDetected(sql: String, message: String) throws {
    let database = try sampleRegister().database
    let intact = try runGongkai(["audit", "verify", "--database", database])
    #expect(intact.status == 0)
    #expect(intact.stdout.hasPrefix("change log intact: 155 rows, head "))
    try sqlite(database, sql)
    let result = try runGongkai(["audit", "verify", "--database", database])
    #expect(result.status == 1)
    #expect(result.stdout.contains(message), "\(result.stdout)")
    let doctor = try runGongkai(["doctor", "--database", database])
    #expect(doctor.status == 1)
    #expect(doctor.stdout.contains("FAILED  change log"))
  }

  /// The change log's index by row is SQLite's to use (the check asks it for the largest id logged of each table):
  /// dropped outside gongkai, the check is only slower.
  /// A register restored from a backup gives again the 索引号 the portal published since the backup: a notice export
  /// into the portal's folder, whose pages are the record of what was published since, is refused before it writes
  /// anything, also after an export that did not verify the register; into another folder it goes ahead.
  @Test func aNoticeExportAfterARestoreLeavesTheFolderThatIsAhead() throws {
    let (folder, database) = try sampleRegister()
    let backup = folder.appendingPathComponent("backup.sqlite").path
    let site = folder.appendingPathComponent("site").path
    let export = ["export", "notices", "--out", site, "--as-of", "2026-11-27", "--database", database]
    #expect(try runGongkai(["backup", backup, "--database", database]).status == 0)
    #expect(try runGongkai(["log", "2023-310110-78-01-000087", "bidding.result", "--date", "2026-11-02", "--database", database]).status == 0)
    #expect(try runGongkai(["disclose", "75", "--date", "2026-11-03", "--channel", "门户网站", "--database", database]).status == 0)
    #expect(try runGongkai(export + ["--no-verify"]).status == 0)
    let text = folder.appendingPathComponent("text").path
    let textExport = ["export", "notices", "--format", "txt", "--out", text, "--as-of", "2026-11-27", "--database", database]
    #expect(try runGongkai(textExport).status == 0)
    let head = try runGongkai(["audit", "verify", "--database", database]).stdout.firstMatch(of: /head ([0-9a-f]{64})/).map { String($0.1) }
    for side in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + side) }
    try FileManager.default.copyItem(atPath: backup, toPath: database)
    let index = try Data(contentsOf: URL(fileURLWithPath: site + "/index.html"))
    let restored = try runGongkai(export)
    #expect(restored.status == 73)
    #expect(restored.stderr.hasPrefix("gongkai: cannot write \(site): nothing was written: it was last exported from a register state "
      + "whose change-log head, \(head ?? "?"), this register's log does not hold (the register was restored from a backup made before "
      + "that export"), "\(restored.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: site + "/index.html")) == index)
    // A folder of text pages, which has no index, is read by a page
    let textAfter = try runGongkai(textExport)
    #expect(textAfter.status == 73 && textAfter.stderr.contains("it was last exported from a register state whose change-log head"),
            "\(textAfter.stderr)")
    try FileManager.default.moveItem(atPath: site, toPath: site + "-before-restore")
    #expect(try runGongkai(export).status == 0)
  }

  @Test func aDroppedIndexOfTheChangeLogOnlySlowsTheCheck() throws {
    let database = try sampleRegister().database
    try sqlite(database, "DROP INDEX changeLog_by_row")
    let verify = try runGongkai(["audit", "verify", "--database", database])
    #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    #expect(verify.stdout.contains("every project, milestone and disclosure holds what the change log last recorded"))
  }

  /// What keeps the tables from being compared with the log (a column dropped outside gongkai) leaves the chain's
  /// verdict to be said first, as when the two were checked one after the other.
  @Test func aDroppedColumnDoesNotHideTheChainsVerdict() throws {
    let database = try sampleRegister().database
    try sqlite(database, "ALTER TABLE disclosure DROP COLUMN url")
    let intact = try runGongkai(["audit", "verify", "--database", database])
    #expect(intact.status == 65)
    #expect(intact.stdout.hasPrefix("change log intact: 155 rows"))
    #expect(intact.stderr.contains("the column url of table disclosure is missing"))
    try sqlite(database, "UPDATE changeLog SET actor = 'mallory' WHERE id = 3")
    // A broken chain is said first too, and the comparison that could not be made then stops the check, as above
    let broken = try runGongkai(["audit", "verify", "--database", database])
    #expect(broken.status == 65)
    #expect(broken.stdout.hasPrefix("change log broken after 2 intact rows: change log row 3 was altered"))
    #expect(broken.stderr.contains("the column url of table disclosure is missing"))
  }

  /// The nightly cron line: cron mails what a command prints, so `--quiet` prints nothing while all holds and
  /// everything it found when something does not.
  @Test func aQuietVerifyPrintsOnlyWhatFails() throws {
    let database = try sampleRegister().database
    let intact = try runGongkai(["audit", "verify", "--quiet", "--database", database])
    #expect(intact.status == 0)
    #expect(intact.stdout.isEmpty && intact.stderr.isEmpty)
    try sqlite(database, "UPDATE disclosure SET publishedOn = '2026-11-26' WHERE id = 7")
    let edited = try runGongkai(["audit", "verify", "--quiet", "--database", database])
    #expect(edited.status == 1)
    #expect(edited.stdout.hasPrefix("change log intact: 155 rows"))
    #expect(edited.stdout.contains("register differs: disclosure 7 differs from its last change-log entry in publishedOn: edited outside gongkai\n"
      + "    publishedOn: \"2026-11-26\" in the register, \"2023-11-06\" in the change log\n"))
  }

  @Test func theHeadDoctorPrintsIsOneAuditVerifyTakes() throws {
    let database = try sampleRegister().database
    let doctor = try runGongkai(["doctor", "--database", database])
    let head = try #require(doctor.stdout.firstMatch(of: /head ([0-9a-f]+)/)?.output.1)
    let verify = try runGongkai(["audit", "verify", "--head", String(head), "--database", database])
    #expect(verify.status == 0, "\(verify.stderr)")
  }

  /// Each altered row is named with the columns that differ, their values as JSON writes them (a text where a number
  /// belongs shows as the text it is, not as the 0 a read of it makes), a long one cut around where the two part.
  @Test(arguments: [
    ("UPDATE disclosure SET publishedOn = '2026-11-26' WHERE id = 7", "disclosure 7 differs from its last change-log entry in publishedOn: edited outside gongkai",
     #"    publishedOn: "2026-11-26" in the register, "2023-11-06" in the change log"#),
    ("INSERT INTO project (code, name, responsibleUnit) VALUES ('2026-310110-48-01-000999', '影子工程', '某单位')",
     "project 5 has no change-log entry: inserted outside gongkai", nil),
    ("DELETE FROM disclosure WHERE id = 3", "disclosure 3 is in the change log but not in the register: deleted outside gongkai", nil),
    // Text where the schema keeps a number, in a column that held one and in one that was empty.
    ("UPDATE disclosure SET serial = 'abc' WHERE id = 2", "disclosure 2 differs from its last change-log entry in serial: edited outside gongkai",
     #"    serial: "abc" in the register, 2 in the change log"#),
    ("UPDATE milestone SET changesId = 'abc' WHERE id = 3", "milestone 3 differs from its last change-log entry in changesId: edited outside gongkai",
     #"    changesId: "abc" in the register, none in the change log"#),
    ("UPDATE milestone SET reference = NULL WHERE id = 6", "milestone 6 differs from its last change-log entry in reference: edited outside gongkai",
     #"    reference: none in the register, "YP2023-SG-087" in the change log"#),
    ("UPDATE milestone SET summary = summary || summary || '改' WHERE id = 4",
     "milestone 4 differs from its last change-log entry in summary: edited outside gongkai",
     #"    summary: "核发建设工程规划许可证，建设内容为滨江景观、驿站及配套设施核发建设工程规划许可证，建设内容为滨江景观、驿站及配套设施改" "#
       + #"in the register, "核发建设工程规划许可证，建设内容为滨江景观、驿站及配套设施" in the change log"#),
  ] as [(String, String, String?)])
  func tablesEditedBesideAnIntactChainAreDetected(sql: String, message: String, values: String?) throws {
    let database = try sampleRegister().database
    try sqlite(database, sql)
    let result = try runGongkai(["audit", "verify", "--database", database])
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("change log intact: 155 rows"))
    #expect(result.stdout.contains("register differs: \(message)\n" + (values.map { $0 + "\n" } ?? "")), "\(result.stdout)")
    let doctor = try runGongkai(["doctor", "--database", database])
    #expect(doctor.status == 1)
    #expect(doctor.stdout.contains("FAILED  register against the change log: \(message)"), "\(doctor.stdout)")
  }

  /// A long text is shown around where the register's value departs from the log's, 60 characters of it, with its
  /// length: cut at their start, the two would read alike.
  @Test func aLongTextIsShownWhereTheTwoPart() throws {
    let database = try sampleRegister().database
    let summary = String(repeating: "甲", count: 150) + "乙" + String(repeating: "丙", count: 149)
    #expect(try runGongkai(["amend", "4", "--summary", summary, "--reason", "补正", "--database", database]).status == 0)
    try sqlite(database, "UPDATE milestone SET summary = replace(summary, '乙', '丁') WHERE id = 4")
    let result = try runGongkai(["audit", "verify", "--database", database])
    #expect(result.status == 1)
    let excerpt = { (middle: String) in String(repeating: "甲", count: 20) + middle + String(repeating: "丙", count: 39) }
    #expect(result.stdout.contains(#"    summary: …""# + excerpt("丁") + #""… (300 characters) in the register, …""# + excerpt("乙")
      + #""… (300 characters) in the change log"#), "\(result.stdout)")
  }

  /// A stored date that is no date stops every read of the register; doctor names it as a failed check and goes on to
  /// the rules and the calendar, rather than stop with an error that says to run doctor.
  @Test(arguments: [
    ("UPDATE disclosure SET publishedOn = '2026-13-45' WHERE id = 3", "stored publishedOn '2026-13-45' of disclosure 3 is not a date"),
    ("UPDATE disclosure SET until = 'soon' WHERE id = 3", "stored until 'soon' of disclosure 3 is not a date"),
    ("UPDATE milestone SET formedOn = 'garbage' WHERE id = 3", "stored formedOn 'garbage' of milestone 3 is not a date"),
  ])
  func doctorNamesAStoredDateThatIsNoneAndGoesOn(sql: String, message: String) throws {
    let database = try sampleRegister().database
    try sqlite(database, sql)
    let doctor = try runGongkai(["doctor", "--as-of", "2026-11-27", "--database", database])
    #expect(doctor.status == 1)
    #expect(doctor.stderr.isEmpty, "\(doctor.stderr)")
    #expect(doctor.stdout.contains("FAILED  stored values: \(message)"), "\(doctor.stdout)")
    #expect(doctor.stdout.contains("ok      rules: national, ") && doctor.stdout.contains("ok      calendar: schedules for 2018-"), "\(doctor.stdout)")
  }

  /// A table dropped outside gongkai is a failed check, named once (its indexes went with it), and the checks that
  /// would read it are said not to have run; an index dropped alone is named and the checks go on.
  @Test func doctorNamesADroppedTableAndTheChecksItStops() throws {
    let database = try sampleRegister().database
    try sqlite(database, "DROP TABLE changeLog")
    let doctor = try runGongkai(["doctor", "--as-of", "2026-11-27", "--database", database])
    #expect(doctor.status == 1)
    #expect(doctor.stderr.isEmpty, "\(doctor.stderr)")
    let failed = doctor.stdout.split(separator: "\n").filter { $0.hasPrefix("FAILED") }
    #expect(failed == [
      "FAILED  schema: table changeLog is missing: dropped outside gongkai; restore the register from a backup",
      "FAILED  checks stopped: a table is missing; the register's checks not listed above (of foreign keys, the change log, "
        + "stored values) were not run; keep a copy of the file and restore the register from a backup",
    ], "\(doctor.stdout)")
    #expect(doctor.stdout.contains("ok      rules: national, "), "\(doctor.stdout)")

    let indexed = try sampleRegister().database
    try sqlite(indexed, "DROP INDEX milestone_by_change")
    let index = try runGongkai(["doctor", "--as-of", "2026-11-27", "--database", indexed])
    #expect(index.status == 1)
    #expect(index.stdout.contains("FAILED  schema: index milestone_by_change is missing: dropped outside gongkai"), "\(index.stdout)")
    #expect(index.stdout.contains("ok      change log chain intact"), "\(index.stdout)")
  }

  /// A unique index of gongkai's name made again without its uniqueness would let in a milestone recorded twice; the
  /// doctor names it and gives the statement that makes it as gongkai does, which puts it right.
  @Test func doctorNamesAnIndexMadeAgainWithAnotherDefinition() throws {
    let database = try sampleRegister().database
    try sqlite(database, "DROP INDEX milestone_natural_key; CREATE INDEX milestone_natural_key ON milestone(projectId, kind)")
    let doctor = try runGongkai(["doctor", "--as-of", "2026-11-27", "--database", database])
    #expect(doctor.status == 1)
    let failed = doctor.stdout.split(separator: "\n").filter { $0.hasPrefix("FAILED") }
    #expect(failed.count == 1 && failed[0].hasPrefix("FAILED  schema: index milestone_natural_key was made again outside gongkai "
      + "(CREATE INDEX milestone_natural_key ON milestone(projectId, kind)); it can refuse writes gongkai allows, let in duplicates "
      + "it refuses, or slow reads"), "\(doctor.stdout)")
    let line = String(try #require(failed.first))
    let (start, end) = (try #require(line.range(of: "'BEGIN; DROP INDEX")), try #require(line.range(of: "'; refused for rows it let in twice")))
    let repair = line[line.index(after: start.lowerBound)..<end.lowerBound].replacingOccurrences(of: #"'\''"#, with: "'")
    // With a milestone recorded twice, which the index let in, the repair is refused and leaves the index as it was
    let twice = try runGongkai(["log", "2023-310110-78-01-000087", "bidding.result", "--date", "2026-11-02", "--database", database])
    #expect(twice.status == 0, "\(twice.stderr)")
    try sqlite(database, "INSERT INTO milestone (projectId, kind, category, formedOn, reference, recordedBy, recordedAt) "
      + "SELECT projectId, kind, category, formedOn, reference, recordedBy, recordedAt FROM milestone WHERE id = 75")
    let refused = try runShell(#"sqlite3 "$DB" "$SQL""#, environment: ["DB": database, "SQL": repair])
    #expect(refused.status != 0 && refused.stderr.contains("UNIQUE constraint failed"), "\(refused.stderr)")
    #expect(try runGongkai(["doctor", "--as-of", "2026-11-27", "--database", database]).stdout.contains(
      "FAILED  schema: index milestone_natural_key was made again outside gongkai"))
    try sqlite(database, "DELETE FROM milestone WHERE id = 76")
    try sqlite(database, repair)
    let repaired = try runGongkai(["doctor", "--as-of", "2026-11-27", "--database", database])
    #expect(repaired.status == 0, "\(repaired.stdout)")
  }

  /// A milestone's first date, which its page states beside the amended one, is read from the change log: a value
  /// edited there into no date names the milestone whose log it is, where the message had said only "a milestone".
  @Test func anAmendedMilestonesOriginalDateEditedIntoNoneNamesTheMilestone() throws {
    let database = try sampleRegister().database
    #expect(try runGongkai(["amend", "3", "--date", "2023-06-01", "--reason", "更正形成日期", "--database", database]).status == 0)
    try sqlite(database, "UPDATE changeLog SET before = json_set(before, '$.formedOn', 'garbage') WHERE entity = 'milestone' AND action = 'amend'")
    let shown = try runGongkai(["project", "show", "2023-310110-78-01-000087", "--database", database])
    #expect(shown.status == 65)
    #expect(shown.stderrLines.first?.hasPrefix(
      "gongkai: stored before.formedOn 'garbage' of the change log's first amendment of milestone 3 is not a date") == true,
            "\(shown.stderr)")
  }

  /// A register just made has no change log yet: the doctor says so rather than name an empty head.
  @Test func doctorOnANewRegisterSaysItsChangeLogIsEmpty() throws {
    let database = Scratch.file("new.sqlite").path
    #expect(try runGongkai(["init", "--database", database]).status == 0)
    let doctor = try runGongkai(["doctor", "--database", database])
    #expect(doctor.status == 0, "\(doctor.stdout)")
    #expect(doctor.stdout.contains("ok      change log chain empty: no rows, so no head\n"), "\(doctor.stdout)")
  }

  /// A change to a row edited outside gongkai would log the edited values as its "before" and make the edit look
  /// like the register's own history, which `audit verify` could then no longer find: the write is refused.
  @Test(arguments: [
    ("UPDATE milestone SET formedOn = '2026-11-20' WHERE id = 55", ["amend", "55", "--summary", "审查信息（补充）", "--reason", "补充摘要"], "milestone 55"),
    ("UPDATE milestone SET formedOn = '2026-11-20' WHERE id = 55", ["withdraw", "55", "--reason", "重复登记"], "milestone 55"),
    ("UPDATE disclosure SET url = 'https://x.example/forged' WHERE id = 7", ["withdraw", "--disclosure", "7", "--reason", "网址错误"], "disclosure 7"),
  ])
  func aRowEditedOutsideGongkaiIsNotWrittenOver(sql: String, command: [String], row: String) throws {
    let database = try sampleRegister().database
    try sqlite(database, sql)
    let before = FileManager.default.contents(atPath: database)
    let write = try runGongkai(command + ["--database", database])
    #expect(write.status == 65)
    #expect(write.stderr.contains("\(row) no longer holds what its change log last recorded, so it was left as it is"), "\(write.stderr)")
    #expect(FileManager.default.contents(atPath: database) == before)
    #expect(try runGongkai(["audit", "verify", "--database", database]).stdout.contains("register differs: \(row) differs"))
  }

  /// Only a new date is checked against the publications: a publication back-dated with the sqlite3 shell does not
  /// turn a correction of the summary into "published before it was formed", and `audit verify` still names it.
  @Test func aCorrectionOfTheTextIsNotRefusedForADateItDoesNotTouch() throws {
    let database = try sampleRegister().database
    try sqlite(database, "UPDATE disclosure SET publishedOn = '2023-11-01' WHERE id = 7")
    let amend = try runGongkai(["amend", "6", "--summary", "补充摘要", "--reason", "补充", "--database", database])
    #expect(amend.status == 0, "\(amend.stderr)")
    #expect(try runGongkai(["audit", "verify", "--database", database]).stdout.contains("register differs: disclosure 7 differs"))
  }

  @Test func aBrokenCalendarFileIsAFailedCheckOfTheDoctor() throws {
    let database = try sampleRegister().database
    let folder = Scratch.folder()
    try "year: 2027\nsource: 国办发明电〔2026〕1号\nholidays:\n  - name: 元旦\n    rest: 2027-01-01..2027-01-01\n    workdays: [2027-01-05]\n"
      .write(to: folder.appendingPathComponent("2027.yaml"), atomically: true, encoding: .utf8)
    let doctor = try runGongkai(["doctor", "--database", database], environment: ["GONGKAI_CALENDAR_DIR": folder.path])
    #expect(doctor.status == 1)
    #expect(doctor.stdout.contains("ok      change log chain intact"))
    #expect(doctor.stdout.contains("FAILED  reference data: \(folder.path)/2027.yaml:6: holidays[0].workdays[0]: 元旦: swapped workday 2027-01-05"))
    #expect(doctor.stderr.isEmpty)
  }

  @Test func exportsStateTheChainHeadTheyCameFrom() throws {
    let database = try sampleRegister().database
    let verify = try runGongkai(["audit", "verify", "--database", database])
    let head = String(verify.stdout.split(separator: "\n")[0].split(separator: " ").last!)
    #expect(head.count == 64)
    let csv = Scratch.folder().appendingPathComponent("audit.csv").path
    #expect(try runGongkai(["export", "audit-csv", "--out", csv, "--as-of", "2026-11-27", "--database", database]).status == 0)
    let text = try String(contentsOfFile: csv, encoding: .utf8)
    #expect(text.contains("变更记录链头,适用规则,判定日期,更正次数,最近更正人,最近更正时间,更正原因,原信息形成日期,公开登记人,公开登记时间,规则版本,公示截止登记人,公示截止登记时间,时限依据核实,最短公示期,索引号,状态为暂定,逾期工作日为暂定,最短公示期止为暂定,公示期提前结束,所变更里程碑编号,所认定公开索引号,最近恢复人,最近恢复时间,恢复原因,已撤回的公开,如未撤回的状态,按原形成日期的状态,已恢复的公开\r\n"))
    #expect(text.contains(",\(head),national,2026-11-27,0,,,,,"))
  }

  /// An evaluator's reproduction: a late publication back-dated with the sqlite3 shell. An export from that
  /// register would state the honest register's chain head over the forged date, so it is refused, and only
  /// --no-verify, asked for by name, writes it.
  @Test(arguments: [
    ["export", "audit-csv", "--as-of", "2026-11-27"], ["export", "notices", "--as-of", "2026-11-27"],
    ["export", "oc4ids", "--as-of", "2026-11-27"], ["export", "json", "--as-of", "2026-11-27"], ["export", "change-log"],
    ["report", "--as-of", "2026-11-27"], ["export", "project", "2023-310110-78-01-000087"],
  ])
  func anExportRefusesARegisterEditedBesideItsChangeLog(command: [String]) throws {
    let database = try sampleRegister().database
    try sqlite(database, "UPDATE disclosure SET publishedOn = '2026-11-05' WHERE id = 7")
    // Into folders the export makes, which a refused export removes again
    let scratch = Scratch.folder()
    let out = scratch.appendingPathComponent("new/deeper/export").path
    let refused = try runGongkai(command + ["--out", out, "--database", database])
    #expect(refused.status == 65)
    #expect(refused.stderr == """
      gongkai: nothing was exported: the register \(database) does not hold what its change log records (disclosure 7 \
      differs from its last change-log entry in publishedOn: edited outside gongkai), so the export would publish values gongkai never \
      recorded; `gongkai audit verify` lists every difference (restore the register from a backup), or pass --no-verify \
      to export the register as it is\n
      """)
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    let unverified = try runGongkai(command + ["--out", out, "--database", database, "--no-verify"])
    #expect(unverified.status == 0, "\(unverified.stderr)")
    #expect(unverified.stderr.contains("warning: --no-verify: the register was not checked against its change log"))
    // (A project file states no head: it says what its import would do.)
    if command[0] == "report" || command[1] != "project" {
      #expect(unverified.stderr.contains("so the head the output states vouches for nothing"), "\(unverified.stderr)")
    }
  }

  /// A row deleted beside the log is missing from the project file as well: `export project` refuses that too, or an
  /// import of the file would make the deletion look recorded.
  @Test func exportProjectRefusesAProjectWithARowDeletedBesideItsLog() throws {
    let database = try sampleRegister().database
    try sqlite(database, "DELETE FROM disclosure WHERE id = 7")
    let refused = try runGongkai(["export", "project", "2023-310110-78-01-000087", "--out", "-", "--database", database])
    #expect(refused.status == 65)
    #expect(refused.stdout.isEmpty)
    #expect(refused.stderr.contains("disclosure 7 is in the change log but not in the register: deleted outside gongkai"), "\(refused.stderr)")
    // Another project, whose rows are whole, still exports
    #expect(try runGongkai(["export", "project", "2024-310110-48-01-000046", "--out", "-", "--database", database]).status == 0)
  }

  /// A head stated without the check vouches for nothing: the files say so, so that it cannot pass for one that does.
  @Test func aHeadStatedWithoutTheCheckIsMarkedSo() throws {
    let database = try sampleRegister().database
    let folder = Scratch.folder()
    let csv = folder.appendingPathComponent("audit.csv").path, json = folder.appendingPathComponent("d.json").path
    for verify in [true, false] {
      let flag = verify ? [] : ["--no-verify"]
      #expect(try runGongkai(["export", "audit-csv", "--out", csv, "--as-of", "2026-11-27", "--database", database] + flag).status == 0)
      #expect(try runGongkai(["export", "json", "--out", json, "--as-of", "2026-11-27", "--database", database] + flag).status == 0)
      #expect(try String(contentsOfFile: csv, encoding: .utf8).contains("（未核对）") == !verify)
      #expect(try String(contentsOfFile: json, encoding: .utf8).contains("\"changeLogHeadVerified\": \(verify)"))
    }
  }

  /// The auditor's reproduction: the newest milestone and its change-log row deleted, SQLite's counters moved back.
  @Test func aChainCutAtItsEndFailsAgainstAHeadPublishedBeforeTheCut() throws {
    let folder = Scratch.folder()
    let db = ["--database", folder.appendingPathComponent("register.sqlite").path]
    #expect(try runGongkai(["init"] + db).status == 0)
    #expect(try runGongkai(["project", "add", "2026-310110-48-01-000301", "--name", "测试工程", "--unit", "杨浦区建设和管理委员会"] + db).status == 0)
    #expect(try runGongkai(["log", "2026-310110-48-01-000301", "construction.participants", "--date", "2026-09-01"] + db).status == 0)
    #expect(try runGongkai(["log", "2026-310110-48-01-000301", "completion.acceptance", "--date", "2026-09-02"] + db).status == 0)
    let published = String(try runGongkai(["audit", "verify"] + db).stdout.split(separator: "\n")[0].split(separator: " ").last!)
    let held = try runGongkai(["audit", "verify", "--head", published] + db)
    #expect(held.status == 0)
    #expect(held.stdout.contains("head \(published) is row 3 of the change log: 0 changes recorded since\n"), "\(held.stdout)")
    try sqlite(db[1], """
      DELETE FROM changeLog WHERE id = (SELECT max(id) FROM changeLog); DELETE FROM milestone WHERE id = 2;
      UPDATE sqlite_sequence SET seq = seq - 1 WHERE name IN ('changeLog', 'milestone');
      """)
    #expect(try runGongkai(["audit", "verify"] + db).status == 0)  // what a chain alone cannot see
    let cut = try runGongkai(["audit", "verify", "--head", published] + db)
    #expect(cut.status == 1)
    #expect(cut.stdout.contains("""
      head \(published) is not on the change log: rows recorded up to the export that stated it were deleted or \
      rewritten outside gongkai, or the export comes from another register\n
      """), "\(cut.stdout)")
    // Rows the cut left behind are still compared with the log, and named.
    try sqlite(db[1], """
      DELETE FROM changeLog WHERE id = (SELECT max(id) FROM changeLog);
      UPDATE sqlite_sequence SET seq = seq - 1 WHERE name = 'changeLog';
      """)
    let leftBehind = try runGongkai(["audit", "verify", "--head", published] + db)
    #expect(leftBehind.status == 1)
    #expect(leftBehind.stdout.contains("is not on the change log"))
    #expect(leftBehind.stdout.contains("register differs: milestone 1"), "\(leftBehind.stdout)")
    let malformed = try runGongkai(["audit", "verify", "--head", "87A0"] + db)
    #expect(malformed.status == 64)
    #expect(malformed.stderr.contains("--head '87A0' is not a chain head; give the 64 hex digits an export states"))
    // A head copied from a document that set it in capitals is the same head.
    #expect(try runGongkai(["audit", "verify", "--head", published.uppercased()] + db).status == 1)
  }

  @Test func aBackupIsAWholeWorkingRegister() throws {
    let database = try sampleRegister().database
    let copy = Scratch.folder().appendingPathComponent("backup.sqlite").path
    let backup = try runGongkai(["backup", copy, "--database", database])
    #expect(backup.status == 0)
    #expect(backup.stdout == "backed up \(database) to \(copy)\n")
    let original = try runGongkai(["check", "--as-of", "2026-11-27", "--format", "json", "--database", database])
    let restored = try runGongkai(["check", "--as-of", "2026-11-27", "--format", "json", "--database", copy])
    #expect(restored.stdout == original.stdout)
    #expect(try runGongkai(["audit", "verify", "--database", copy]).stdout == (try runGongkai(["audit", "verify", "--database", database])).stdout)
    let refused = try runGongkai(["backup", "/nonexistent/backup.sqlite", "--database", database])
    #expect(refused.status == 73)
    // An earlier backup is replaced, as one self-contained file; the register itself, a register in use and a
    // file of another program are not.
    // Quiet, as the nightly cron line runs it: nothing to mail when it is written, the error when it is not
    let quiet = try runGongkai(["backup", "--quiet", copy, "--database", database])
    #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet)")
    let quietRefused = try runGongkai(["backup", "--quiet", "/nonexistent/backup.sqlite", "--database", database])
    #expect(quietRefused.status == 73 && quietRefused.stderr.contains("/nonexistent"), "\(quietRefused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: copy + "-wal") && !FileManager.default.fileExists(atPath: copy + "-shm"))
    #expect(try FileHandle(forReadingFrom: URL(fileURLWithPath: copy)).readData(ofLength: 20).suffix(2) == Data([1, 1]))
    try Data(repeating: 7, count: 4096).write(to: URL(fileURLWithPath: copy + "-wal"))
    let inUse = try runGongkai(["backup", copy, "--database", database])
    #expect(inUse.status == 73)
    #expect(inUse.stderr.contains("it is a register in use (its -wal file holds changes); name another file"))
    try FileManager.default.removeItem(atPath: copy + "-wal")
    let itself = try runGongkai(["backup", database, "--database", database])
    #expect(itself.status == 73)
    #expect(itself.stderr == "gongkai: cannot write the backup \(database): it is the register itself; name another file\n")
    let notes = Scratch.folder().appendingPathComponent("notes.txt")
    try Data("会议纪要\n".utf8).write(to: notes)
    let other = try runGongkai(["backup", notes.path, "--database", database])
    #expect(other.status == 73)
    #expect(other.stderr.contains("it exists and is not a Gongkai register; remove it or name another file"))
    #expect(try String(contentsOf: notes, encoding: .utf8) == "会议纪要\n")
    // A register edited beside its log does not replace the backup to restore it from; a new file it may still be
    try sqlite(database, "UPDATE disclosure SET publishedOn = '2026-11-05' WHERE id = 7")
    let before = try Data(contentsOf: URL(fileURLWithPath: copy))
    let tampered = try runGongkai(["backup", copy, "--database", database])
    #expect(tampered.status == 73)
    #expect(tampered.stderr.contains("the register does not hold what its change log records (disclosure 7 differs"), "\(tampered.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
    #expect(try runGongkai(["backup", copy + ".evidence", "--database", database]).status == 0)
  }

  /// A backup is out of WAL mode, which SQLite records in the file's header and which puts `-wal` and `-shm` files
  /// beside it: an auditor reading a backup, or a command refusing to write to it, leaves it as it was written.
  /// The first write puts it in WAL mode.
  @Test func readingABackupLeavesItByteForByteAsItWasUntilAWrite() throws {
    let database = try sampleRegister().database
    let folder = Scratch.folder()
    let copy = folder.appendingPathComponent("backup.sqlite").path
    #expect(try runGongkai(["backup", copy, "--database", database]).status == 0)
    let written = try #require(FileManager.default.contents(atPath: copy))
    #expect(written[18] == 1 && written[19] == 1, "the backup is not in a rollback journal")
    func besideIt(_ file: String) -> [String] {
      ["-wal", "-shm", "-journal"].filter { FileManager.default.fileExists(atPath: file + $0) }
    }
    let code = "2024-310110-48-01-000046"
    let out = Scratch.folder()
    func target(_ name: String) -> String { out.appendingPathComponent(name).path }
    let rows = try writeFile("rows.csv", "project,kind,formed\n\(code),bidding.nothing,2026-01-05\n")
    let commands: [(arguments: [String], status: Int32)] = [
      (["check", "--as-of", "2026-11-27"], 1), (["check", "--as-of", "2026-11-27", "--format", "json"], 1),
      (["audit", "verify"], 0), (["doctor", "--as-of", "2026-11-27"], 0), (["project", "list"], 0),
      (["project", "show", code], 0), (["history", code], 0), (["report", "--as-of", "2026-11-27"], 0),
      (["export", "notices", "--out", out.path, "--as-of", "2026-11-27"], 0),
      (["export", "audit-csv", "--out", target("audit.csv"), "--as-of", "2026-11-27"], 0),
      (["export", "change-log", "--out", target("changes.csv")], 0), (["export", "oc4ids", "--out", target("oc4ids.json")], 0),
      (["export", "json", "--out", target("disclosures.json")], 0), (["export", "project", code, "--out", target("project.yaml")], 0),
      (["init"], 0), (["backup", target("again.sqlite")], 0),
      // A write that finds nothing to change (a withdrawal done before) writes nothing, and leaves the journal as it is.
      (["withdraw", "52", "--reason", "重复登记"], 0), (["amend", "21", "--summary", "同意可行性研究报告，新建城市次干路约1.3公里及配套雨污水管道，总投资6.23亿元（含房屋征收费用）", "--reason", "核对"], 0),
      // Writes that are refused roll back through the rollback journal.
      (["log", "2026-310110-48-01-000999", "bidding.result", "--date", "2026-11-02"], 65),
      (["project", "add", code, "--name", "重复", "--unit", "单位"], 65), (["import", "milestones", rows], 65),
    ]
    for (arguments, status) in commands {
      let result = try runGongkai(arguments + ["--database", copy])
      #expect(result.status == status, "\(arguments): \(result.stderr)")
      #expect(FileManager.default.contents(atPath: copy) == written, "\(arguments) changed the backup")
      #expect(besideIt(copy).isEmpty, "\(arguments) left \(besideIt(copy)) beside the backup")
    }
    // A damaged copy is looked at as it is.
    let damaged = folder.appendingPathComponent("damaged.sqlite").path
    try #require(written.count > 4096 * 24)
    var bytes = written
    bytes.replaceSubrange(4096 * 20..<4096 * 24, with: Data(count: 4096 * 4))
    #expect(FileManager.default.createFile(atPath: damaged, contents: bytes))
    #expect(try runGongkai(["doctor", "--database", damaged]).status == 1)
    #expect(FileManager.default.contents(atPath: damaged) == bytes && besideIt(damaged).isEmpty)

    let write = try runGongkai(["project", "add", "2026-310110-48-01-000300", "--name", "新建工程", "--unit", "单位", "--database", copy])
    #expect(write.status == 0, "\(write.stderr)")
    let after = try #require(FileManager.default.contents(atPath: copy))
    #expect(after[18] == 2 && after[19] == 2, "the first write left the backup out of WAL mode")
  }

  /// A copy made with cp of the register as it is, in WAL mode, is refused as a backup target; looking at it made
  /// SQLite's -wal and -shm beside it, which the refusal removes.
  @Test func aRefusedBackupLeavesNothingBesideItsTarget() throws {
    let database = try sampleRegister().database
    let folder = Scratch.folder()
    let copy = folder.appendingPathComponent("copy.sqlite").path
    try FileManager.default.copyItem(atPath: database, toPath: copy)
    let refused = try runGongkai(["backup", copy, "--database", database])
    #expect(refused.status == 73)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["copy.sqlite"])
  }

  /// The arguments swapped (`backup REGISTER --database BACKUP`) would put an older copy over the live register:
  /// a register whose change log is not the start of the one backed up is refused and left as it was, while an
  /// earlier backup of the same register, the nightly rotation, is still replaced.
  @Test func aBackupRefusesToReplaceARegisterThatIsNotAnEarlierCopy() throws {
    let database = try sampleRegister().database
    let copy = Scratch.folder().appendingPathComponent("backup.sqlite").path
    #expect(try runGongkai(["backup", copy, "--database", database]).status == 0)
    func log(_ date: String, into register: String) throws {
      let result = try runGongkai(["log", "2023-310110-78-01-000087", "bidding.result", "--date", date, "--database", register])
      #expect(result.status == 0, "\(result.stderr)")
    }
    func changes(_ register: String) throws -> String { try runGongkai(["audit", "verify", "--database", register]).stdout }
    // Right after the backup the two hold the same; swapped, the live register (in WAL mode) is still not replaced
    let sameState = try runGongkai(["backup", database, "--database", copy])
    #expect(sameState.status == 73)
    #expect(sameState.stderr.contains("it holds what the register holds and is in WAL mode, as the register worked on is"))
    try log("2026-11-02", into: database)
    let live = try changes(database)
    #expect(live.hasPrefix("change log intact: 156 rows"))

    let swapped = try runGongkai(["backup", database, "--database", copy])
    #expect(swapped.status == 73)
    #expect(swapped.stderr == """
      gongkai: cannot write the backup \(database): it is a Gongkai register with more changes (156) than \(copy) (155), \
      not an earlier backup of it; if it is the register, swap the two (gongkai backup BACKUP --database REGISTER), \
      else remove it to replace it

      """)
    #expect(try changes(database) == live)

    // The rotation: the older backup is replaced by the register's newer state.
    let rotated = try runGongkai(["backup", copy, "--database", database])
    #expect(rotated.status == 0, "\(rotated.stderr)")
    #expect(try changes(copy) == live)

    // Each changed on its own, neither is an earlier state of the other.
    try log("2026-11-03", into: database)
    try log("2026-11-04", into: copy)
    let diverged = try changes(database)
    let other = try runGongkai(["backup", copy, "--database", database])
    #expect(other.status == 73)
    #expect(other.stderr == """
      gongkai: cannot write the backup \(copy): it is a Gongkai register whose change log (157 changes) is not the start \
      of \(database)'s, not an earlier backup of it but another register; name another file, or remove it to replace it

      """)
    #expect(try runGongkai(["backup", database, "--database", copy]).status == 73)
    #expect(try changes(database) == diverged)
    // With more changes than the register, a diverged one is not told to be swapped with it: it is another register.
    try log("2026-11-05", into: copy)
    let longer = try runGongkai(["backup", copy, "--database", database])
    #expect(longer.status == 73)
    #expect(longer.stderr == """
      gongkai: cannot write the backup \(copy): it is another Gongkai register (158 changes, whose change log is not \(database)'s), \
      not a backup of it; name another file, or remove it to replace it

      """)

    // A register that recorded nothing yet is the start of every register.
    let empty = Scratch.folder().appendingPathComponent("empty.sqlite").path
    #expect(try runGongkai(["init", "--database", empty]).status == 0)
    // In WAL mode, as a register worked on is, but holding nothing a copy would lose (a profile or an organisation
    // recorded is a change).
    #expect(try Data(contentsOf: URL(fileURLWithPath: empty))[18] == 2)
    #expect(try runGongkai(["backup", empty, "--database", database]).status == 0)
    #expect(try changes(empty) == diverged)
  }

  /// SQLite deletes a journal it finds no database transaction in, and reads a -wal file as changes to play into the
  /// database beside it: a backup named like either (a slip of the shell's completion) is refused, there or not.
  @Test func aBackupNeverTakesTheNameOfAFileSQLiteKeepsBesideARegister() throws {
    let database = try sampleRegister().database
    let before = try runGongkai(["audit", "verify", "--database", database]).stdout
    // In any case: on a file system that ignores case, `-WAL` is the `-wal`.
    for suffix in ["-wal", "-shm", "-journal", "-WAL"] {
      let result = try runGongkai(["backup", database + suffix, "--database", database])
      #expect(result.status == 73, "\(suffix): \(result.stderr)")
      #expect(result.stderr.contains("it is a file SQLite keeps beside the database \(database), which a backup never replaces; name another file"),
              "\(result.stderr)")
      #expect(!FileManager.default.fileExists(atPath: database + suffix))
    }
    // Named so with no database beside it: a register later made under the name without the ending would take it for
    // its own file.
    let alone = Scratch.folder().appendingPathComponent("later.sqlite-wal").path
    let named = try runGongkai(["backup", alone, "--database", database])
    #expect(named.status == 73)
    #expect(named.stderr.contains("it is named as SQLite names a file it keeps beside a database (-wal)"), "\(named.stderr)")
    #expect(!FileManager.default.fileExists(atPath: alone))
    // Beside another register, and there: left as it was, with no advice to remove it.
    let other = Scratch.folder().appendingPathComponent("other.sqlite").path
    #expect(try runGongkai(["init", "--database", other]).status == 0)
    let journal = other + "-journal"
    #expect(FileManager.default.createFile(atPath: journal, contents: Data("changes".utf8)))
    let beside = try runGongkai(["backup", journal, "--database", database])
    #expect(beside.status == 73)
    #expect(!beside.stderr.contains("remove it"), "\(beside.stderr)")
    #expect(FileManager.default.contents(atPath: journal) == Data("changes".utf8))
    #expect(try runGongkai(["audit", "verify", "--database", database]).stdout == before)
  }

  /// A trigger added with the sqlite3 shell that rewrites what gongkai records, behind a change log that stays intact:
  /// every write is refused before it writes (the command would otherwise report what it was asked to record, and the
  /// register hold what the trigger made of it), and `audit verify` names the trigger.
  @Test func aTriggerThatRewritesWritesIsRefusedAndNamedByAuditVerify() throws {
    let database = try sampleRegister().database
    try sqlite(database, """
      CREATE TRIGGER evil AFTER INSERT ON disclosure BEGIN UPDATE disclosure SET publishedOn = '2026-09-09' WHERE id = NEW.id; END
      """)
    let before = snapshot(database)
    let disclose = try runGongkai(["disclose", "5", "--date", "2026-11-20", "--channel", "另一网站", "--database", database])
    #expect(disclose.status == 65)
    #expect(disclose.stderr.contains("holds a trigger, evil, which gongkai never makes"), "\(disclose.stderr)")
    #expect(snapshot(database) == before)
    let verify = try runGongkai(["audit", "verify", "--database", database])
    #expect(verify.status == 1)
    #expect(verify.stdout.contains("schema: trigger evil was added outside gongkai; it can change what gongkai writes"), "\(verify.stdout)")
    // Nor does a backup of it replace an earlier one, which may be the copy to restore from
    let clean = Scratch.folder().appendingPathComponent("backup.sqlite").path
    try sqlite(database, "DROP TRIGGER evil")
    #expect(try runGongkai(["backup", clean, "--database", database]).status == 0)
    try sqlite(database, "CREATE TRIGGER evil AFTER INSERT ON disclosure BEGIN SELECT 1; END")
    let backup = try runGongkai(["backup", clean, "--database", database])
    #expect(backup.status == 73)
    #expect(backup.stderr.contains("it holds a trigger added outside gongkai, evil"), "\(backup.stderr)")
  }

  /// `audit verify` goes on past a broken chain: the rows edited beside it are named in the same run.
  @Test func auditVerifyNamesEveryFindingPastABrokenChain() throws {
    let database = try sampleRegister().database
    try sqlite(database, "UPDATE disclosure SET publishedOn = '2023-10-10' WHERE id = 5; DELETE FROM changeLog WHERE id = 20")
    let verify = try runGongkai(["audit", "verify", "--database", database])
    #expect(verify.status == 1)
    #expect(verify.stdout.hasPrefix("change log broken after 19 intact rows: "), "\(verify.stdout)")
    #expect(verify.stdout.contains("register differs: disclosure 5"), "\(verify.stdout)")
    #expect(verify.stdout.contains("database file: its structure and every index hold"), "\(verify.stdout)")
    // The publication edited to before its milestone is a row to restore, not a record to withdraw and make again
    let doctor = try runGongkai(["doctor", "--as-of", "2026-11-27", "--database", database])
    #expect(doctor.status == 1)
    #expect(doctor.stdout.contains("FAILED  register against the change log: disclosure 5"), "\(doctor.stdout)")
    #expect(!doctor.stdout.contains("gongkai withdraw --disclosure 5"), "\(doctor.stdout)")
    #expect(doctor.stdout.contains("warning rules: the register's records were not checked against the rules"), "\(doctor.stdout)")
    // --quiet, for cron, prints the broken chain too when a dropped column then stops the check
    try sqlite(database, "ALTER TABLE disclosure DROP COLUMN url")
    let quiet = try runGongkai(["audit", "verify", "--quiet", "--database", database])
    #expect(quiet.status == 65)
    #expect(quiet.stdout.hasPrefix("change log broken after 19 intact rows: "), "\(quiet.stdout)")
  }

  /// A trigger another program added refuses a write, and a migration's index is already there after the migrations
  /// table was edited: the register was changed outside gongkai (65), not a full disk (74, "free space").
  @Test func sqliteRefusalsFromOutsideEditsAreBadData() throws {
    let database = try sampleRegister().database
    try sqlite(database, "CREATE TRIGGER blocked BEFORE INSERT ON milestone BEGIN SELECT RAISE(ABORT, 'blocked'); END")
    let log = try runGongkai(["log", "2024-310110-48-01-000046", "bidding.result", "--date", "2026-11-20", "--database", database])
    #expect(log.status == 65)
    #expect(log.stderr == "gongkai: nothing was written: \(database) holds a trigger, blocked, which gongkai never makes and which can "
      + "change what it writes; drop it (sqlite3 \(database) 'DROP TRIGGER \"blocked\"'), then run `gongkai audit verify`, which names "
      + "the rows it may have rewritten already\n", "\(log.stderr)")
    // which names the trigger and how to remove it
    let doctor = try runGongkai(["doctor", "--as-of", "2026-11-27", "--database", database])
    #expect(doctor.status == 1)
    #expect(doctor.stdout.contains("FAILED  schema: trigger blocked was added outside gongkai; it can refuse or change "
      + "writes: drop it (sqlite3 \(database) 'DROP TRIGGER \"blocked\"') or restore the register from a backup\n"), "\(doctor.stdout)")
    // An index added the same way refuses a second publication: also an edit (65), also named by doctor
    try sqlite(database, "DROP TRIGGER blocked; CREATE UNIQUE INDEX \"one\"\"each\" ON disclosure(milestoneId) WHERE milestoneId = 5")
    let disclose = try runGongkai(["disclose", "5", "--date", "2026-11-20", "--channel", "另一网站", "--database", database])
    #expect(disclose.status == 65)
    #expect(disclose.stderr.contains("a constraint refused the write (UNIQUE constraint failed: disclosure.milestoneId)"), "\(disclose.stderr)")
    #expect(try runGongkai(["doctor", "--as-of", "2026-11-27", "--database", database]).stdout
      .contains("FAILED  schema: index one\"each was added outside gongkai; it can refuse or change writes: drop it (sqlite3 \(database) "
        + "'DROP INDEX \"one\"\"each\"') or restore"))
    try sqlite(database, "DROP INDEX \"one\"\"each\"; DELETE FROM grdb_migrations WHERE identifier = 'v11-links-moved'")
    let upgrade = try runGongkai(["init", "--database", database])
    #expect(upgrade.status == 65)
    #expect(upgrade.stderr.contains("is damaged (its record of its schema lacks v11-links-moved, which v21-units "
      + "comes after, as edited outside gongkai)"), "\(upgrade.stderr)")
  }

  /// A page of the register damaged on disk, in an index no read of gongkai's meets, is found before the copy of it
  /// would take the place of the last good backup, the one to restore from.
  @Test func aDamagedRegisterDoesNotReplaceTheLastGoodBackup() throws {
    let database = try sampleRegister().database
    let copy = Scratch.folder().appendingPathComponent("nightly.sqlite").path
    #expect(try runGongkai(["backup", copy, "--database", database]).status == 0)
    let good = try Data(contentsOf: URL(fileURLWithPath: copy))
    let page = try #require(Int(try sqlite(database, "SELECT rootpage FROM sqlite_master WHERE name = 'milestone_by_project_date'")))
    let file = try FileHandle(forWritingTo: URL(fileURLWithPath: database))
    try file.seek(toOffset: UInt64((page - 1) * 4096))
    try file.write(contentsOf: Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }))
    try file.close()

    let backup = try runGongkai(["backup", copy, "--database", database])
    #expect(backup.status == 65)
    #expect(backup.stderr.hasPrefix("gongkai: database \(database) is damaged ("), "\(backup.stderr)")
    #expect(backup.stderr.hasSuffix("): the backup \(copy) was left as it was; keep a copy of the "
      + "register, restore it from an earlier backup and run `gongkai doctor`\n"))
    #expect(!backup.stderr.contains("***") && backup.stderrLines.count == 1)
    #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == good)
    #expect(try FileManager.default.contentsOfDirectory(atPath: (copy as NSString).deletingLastPathComponent) == ["nightly.sqlite"])
    // A new file takes the copy all the same, as it is: the one consistent copy of a register in use
    let evidence = Scratch.folder().appendingPathComponent("evidence.sqlite").path
    let snapshot = try runGongkai(["backup", evidence, "--database", database])
    #expect(snapshot.status == 65)
    #expect(snapshot.stderr.contains("): \(evidence) was written all the same, a copy of it as it is; keep a copy"), "\(snapshot.stderr)")
    #expect(FileManager.default.fileExists(atPath: evidence))
    // The nightly audit, whose comparison with the change log reads no index, finds it too.
    let audit = try runGongkai(["audit", "verify", "--quiet", "--database", database])
    #expect(audit.status == 1)
    #expect(audit.stdout.contains("database damaged: ") && audit.stdout.contains("restore the register from its last backup"), "\(audit.stdout)")
  }

  /// A page of the change log damaged so that SQLite cannot read it: the audit says what it found, as for a damaged index
  /// (1, which a wrapper takes for damage found), not a refusal of its input (65).
  @Test func theAuditFindsAChangeLogSQLiteCannotRead() throws {
    let database = try sampleRegister().database
    let page = try #require(Int(try sqlite(database, "SELECT rootpage FROM sqlite_master WHERE name = 'changeLog'")))
    let file = try FileHandle(forWritingTo: URL(fileURLWithPath: database))
    try file.seek(toOffset: UInt64((page - 1) * 4096))
    try file.write(contentsOf: Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }))
    try file.close()
    for quiet in [[], ["--quiet"]] {
      let audit = try runGongkai(["audit", "verify", "--database", database] + quiet)
      #expect(audit.status == 1, "\(audit.stderr)")
      #expect(audit.stdout.hasSuffix("restore the register from its last backup (`gongkai doctor` says more)\n"), "\(audit.stdout)")
      #expect(audit.stdout.contains("database damaged: \(database): "), "\(audit.stdout)")
    }
  }

  /// An index emptied of its rows while every page still reads: SQLite's quick check passes it, and a project's history
  /// read through it comes out empty without a word. The nightly audit and the backup compare every index with its
  /// table, so the damage is named there and the last good backup is kept.
  @Test func anIndexShortOfItsRowsFailsTheAuditAndTheBackup() throws {
    let database = try sampleRegister().database
    let copy = Scratch.folder().appendingPathComponent("nightly.sqlite").path
    #expect(try runGongkai(["backup", copy, "--database", database]).status == 0)
    let good = try Data(contentsOf: URL(fileURLWithPath: copy))
    try editWithPython(database, """
      import sqlite3, sys
      def run(*statements):
          c = sqlite3.connect(sys.argv[1])
          c.execute("PRAGMA writable_schema = ON")
          for statement in statements: c.execute(*statement)
          c.commit()
          c.close()
      full = 'CREATE INDEX "changeLog_by_project" ON "changeLog"("projectCode", "id")'
      run(("UPDATE sqlite_master SET sql = ? WHERE name = 'changeLog_by_project'", (full + " WHERE id < 0",)))
      run(("REINDEX changeLog_by_project",))
      run(("UPDATE sqlite_master SET sql = ? WHERE name = 'changeLog_by_project'", (full,)))\n
      """)
    #expect(try sqlite(database, "PRAGMA quick_check") == "ok")
    let audit = try runGongkai(["audit", "verify", "--quiet", "--database", database])
    #expect(audit.status == 1)
    #expect(audit.stdout.contains("database damaged: row 1 missing from index changeLog_by_project; restore the register"), "\(audit.stdout)")
    // The backup it would replace is kept (refused as holding more changes than the register reads through the index,
    // or as a copy of a damaged register)
    let backup = try runGongkai(["backup", copy, "--database", database])
    #expect(backup.status != 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == good)
    let evidence = Scratch.folder().appendingPathComponent("evidence.sqlite").path
    let fresh = try runGongkai(["backup", evidence, "--database", database])
    #expect(fresh.status == 65)
    #expect(fresh.stderr.contains("(row 1 missing from index changeLog_by_project"), "\(fresh.stderr)")
  }

  /// A backup killed before it finished leaves a copy as large as the register: the next backup to that file removes
  /// it (and SQLite's files beside it), and leaves alone what is not a killed backup's.
  @Test func theNextBackupRemovesWhatAKilledOneLeft() throws {
    let database = try sampleRegister().database
    let folder = Scratch.folder()
    let ended = try endedProcessID()
    let killed = ".nightly.sqlite.\(ended).\(UUID().uuidString).tmp"
    let others = [".nightly.sqlite.\(ended).draft.tmp", ".weekly.sqlite.\(ended).\(UUID().uuidString).tmp"]
    for name in [killed, killed + "-journal"] + others {
      #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data(count: 4096)))
    }
    #expect(try runGongkai(["backup", folder.appendingPathComponent("nightly.sqlite").path, "--database", database]).status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == (["nightly.sqlite"] + others).sorted())
  }

  /// A backup onto a full disk says which file could not be written and what to do, and leaves nothing behind
  /// for the next night's backup to trip over.
  @Test func aBackupOntoAFullDiskSaysSoAndLeavesNothing() throws {
    let database = try sampleRegister().database
    let folder = Scratch.folder()
    let copy = folder.appendingPathComponent("backup.sqlite").path
    let full = try runGongkai(["backup", copy, "--database", database], fileSizeLimit: 40)
    #expect(full.status == 73)
    #expect(full.stderr == "gongkai: cannot write the backup \(copy): disk I/O error; free space on its disk or name a file on another\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  /// A new register is created whole, under its profile, or not at all: a full disk leaves no file for the next
  /// `init --profile` to find (a register created national, before its profile was recorded, would refuse it as a
  /// change of profile), and what a killed `init` left is removed by the next one.
  @Test func aNewRegisterIsCreatedWholeOrNotAtAll() throws {
    let folder = Scratch.folder()
    let database = folder.appendingPathComponent("register.sqlite").path
    let full = try runGongkai(["init", "--profile", "shanghai", "--database", database], fileSizeLimit: 40)
    #expect(full.status == 74)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)

    let killed = ".register.sqlite.\(try endedProcessID()).\(UUID().uuidString).tmp"
    for name in [killed, killed + "-wal"] {
      #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data(count: 4096)))
    }
    let created = try runGongkai(["init", "--profile", "shanghai", "--database", database])
    #expect(created.status == 0)
    #expect(created.stdout == "created \(database): schema v21-units (21 migrations)\nprofile national+shanghai\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["register.sqlite"])
    #expect(try runGongkai(["history", "--database", database]).stdout.contains("规则: national → national+shanghai"))
  }

  /// A `-wal` file with content left beside a name where no register is any more may hold the last changes of one
  /// moved or deleted without it: SQLite would play them into a new register of that name, so `init` refuses and
  /// leaves it; an empty one, and the `-shm` index, are removed.
  @Test func aNewRegisterIsNotMadeOfAnotherOnesWAL() throws {
    let folder = Scratch.folder()
    let database = folder.appendingPathComponent("register.sqlite").path
    let orphan = Data("changes of a register that is gone".utf8)
    #expect(FileManager.default.createFile(atPath: database + "-wal", contents: orphan))
    let refused = try runGongkai(["init", "--database", database])
    #expect(refused.status == 73)
    #expect(refused.stderr.hasPrefix("gongkai: cannot create database \(database): \(database)-wal is there without its register: "))
    #expect(try Data(contentsOf: URL(fileURLWithPath: database + "-wal")) == orphan)
    #expect(!FileManager.default.fileExists(atPath: database))

    #expect(FileManager.default.createFile(atPath: database + "-wal", contents: Data()))
    #expect(FileManager.default.createFile(atPath: database + "-shm", contents: Data(count: 32768)))
    #expect(try runGongkai(["init", "--database", database]).status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["register.sqlite"])
  }

  /// `..` after a link to a folder goes to the folder the system resolves (`A/sub/..` is `sub`'s real parent), as
  /// SQLite opens it: the register, its temporary file and the exports' go there, and every command finds them.
  @Test func aPathThroughALinkedFolderIsResolvedAsTheSystemResolvesIt() throws {
    let folder = Scratch.folder()
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("A"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("B/deep/sub"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("A/sub").path,
                                               withDestinationPath: folder.appendingPathComponent("B/deep/sub").path)
    let db = ["--database", "A/sub/../r.sqlite"]
    #expect(try runGongkai(["init"] + db, in: folder).status == 0)
    #expect(try runGongkai(["project", "add", "2026-310110-48-01-000777", "--name", "滨江", "--unit", "区建管委"] + db, in: folder).status == 0)
    #expect(try runGongkai(["export", "audit-csv", "--out", "A/sub/../a.csv"] + db, in: folder).status == 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("B/deep").path).sorted() == ["a.csv", "r.sqlite", "sub"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("A").path) == ["sub"])
  }

  /// SQLite names the files it keeps beside a register after it: a name with no room for `-journal` within a file
  /// name's 255 bytes, or one of those names taken by a folder, would make a register no command can open, so `init`
  /// refuses before it writes anything.
  @Test func aRegisterSQLiteCouldNotKeepItsFilesBesideIsNotCreated() throws {
    let folder = Scratch.folder()
    let long = folder.appendingPathComponent(String(repeating: "c", count: 241) + ".sqlite").path
    let refused = try runGongkai(["init", "--database", long])
    #expect(refused.status == 73)
    #expect(refused.stderr.contains(": its name is 248 bytes, and SQLite keeps files beside it named so with 8 more (-journal)"), "\(refused.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    #expect(try runGongkai(["init", "--database", String(long.dropLast(8)) + ".sqlite"]).status == 0)

    let database = folder.appendingPathComponent("r.sqlite").path
    try FileManager.default.createDirectory(atPath: database + "-shm", withIntermediateDirectories: false)
    let blocked = try runGongkai(["init", "--database", database])
    #expect(blocked.status == 73)
    #expect(blocked.stderr == "gongkai: cannot create database \(database): \(database)-shm is there and is not a file; SQLite needs that name for its own file: remove or rename it\n")
    #expect(!FileManager.default.fileExists(atPath: database))
  }

  /// A register named through a symbolic link (a fixed path pointing at the data disk) is created where the link
  /// points, and every command reads and writes it there.
  @Test func aRegisterIsKeptWhereASymbolicLinkPoints() throws {
    let folder = Scratch.folder()
    let link = folder.appendingPathComponent("etc/register.sqlite").path
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("etc"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "../data.sqlite")
    #expect(try runGongkai(["init", "--database", link]).status == 0)
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("data.sqlite").path))
    #expect(try runGongkai(["project", "add", "2026-310110-48-01-000777", "--name", "滨江", "--unit", "区建管委", "--database", link]).status == 0)
    #expect(try runGongkai(["project", "list", "--database", folder.appendingPathComponent("data.sqlite").path]).stdout.contains("2026-310110-48-01-000777"))
    // A chain of links is followed to its end; a loop is named
    try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("first").path, withDestinationPath: "second")
    try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("second").path, withDestinationPath: "chained.sqlite")
    #expect(try runGongkai(["init", "--database", folder.appendingPathComponent("first").path]).status == 0)
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("chained.sqlite").path))
    let loop = folder.appendingPathComponent("loop").path
    try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop")
    let refused = try runGongkai(["init", "--database", loop])
    #expect(refused.status == 73)
    #expect(refused.stderr == "gongkai: cannot create database \(loop): it is a symbolic link whose chain of links does not end (a loop); point it at a file name\n")
    // Read, it is named so too, not said to be missing (to be created with init)
    let read = try runGongkai(["check", "--database", loop])
    #expect(read.status == 66)
    #expect(read.stderr == "gongkai: cannot open database \(loop): it is a symbolic link whose chain of links does not end (a loop); point it at the register\n")
  }

  /// A write that fills the register's disk names the register and what to do, and leaves it as it was: the
  /// transaction rolled back. The file size limit stands in for the full disk; the register is read as usual.
  @Test func aWriteOntoAFullDiskNamesTheRegisterAndChangesNothing() throws {
    let database = Scratch.folder().appendingPathComponent("register.sqlite").path
    #expect(try runGongkai(["init", "--database", database]).status == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: database))

    let full = try runGongkai(["import", projectsFolder(), "--database", database], fileSizeLimit: 40)
    #expect(full.status == 74)
    #expect(full.stderr.hasPrefix("gongkai: input/output error on database \(database): "))
    #expect(full.stderr.hasSuffix("; free space on its disk (and in $TMPDIR, where SQLite sorts) or check the device, "
      + "then run the command again: the register keeps nothing of this command (a write not committed is rolled back)\n"))
    #expect(full.stderrLines.count == 1)
    #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)

    let list = try runGongkai(["project", "list", "--database", database])
    #expect(list.status == 0)
    #expect(list.stdout.isEmpty)
    #expect(try runGongkai(["audit", "verify", "--database", database]).status == 0)
  }

  @Test func theDoctorWarnsOfNextYearsMissingSchedule() throws {
    let database = try sampleRegister().database
    let result = try runGongkai(["doctor", "--as-of", "2026-11-27", "--database", database])
    #expect(result.status == 0)
    #expect(result.stdout.contains("ok      integrity check: ok"))
    #expect(result.stdout.contains("ok      database \(database): schema v21-units (21 of 21 migrations)"))
    #expect(result.stdout.contains("warning calendar: no official holiday schedule for 2027"))
    let later = try runGongkai(["doctor", "--as-of", "2027-03-01", "--database", database])
    #expect(later.status == 1)
    #expect(later.stdout.contains("FAILED  calendar: no official holiday schedule for 2027"))
    // Its notice came out in the autumn before: it is to be added now, not when the State Council publishes it.
    #expect(later.stdout.contains("now: the State Council published its notice last autumn"))
    // In November the notice is due, if not out already: the operator is told to look for it, not to wait; in the
    // spring, to wait for it
    #expect(result.stdout.contains("as soon as the State Council's notice is out (it usually comes in October or November: look for "
      + "国务院办公厅关于2027年部分节假日安排的通知 on www.gov.cn)"), "\(result.stdout)")
    let spring = try runGongkai(["doctor", "--as-of", "2026-04-01", "--database", database])
    #expect(spring.stdout.contains("warning calendar: no official holiday schedule for 2027"))
    // The folder is not there on a new machine (the tests' HOME is empty): the line says to make it
    #expect(spring.stdout.contains("when the State Council publishes it (create the folder first: mkdir -p /"), "\(spring.stdout)")
  }

  /// A text stored before a rule was tightened (here put in with the sqlite3 shell, as an earlier gongkai stored it)
  /// is named, escaped, with how to correct it: the files `export project` writes of it would not import.
  @Test func theDoctorNamesTextsTheRulesRefuseNow() throws {
    let database = try sampleRegister().database
    #expect(try runGongkai(["doctor", "--as-of", "2026-11-27", "--database", database]).stdout
      .contains("ok      stored texts: every one as the rules accept it\n"))
    try sqlite(database, "UPDATE milestone SET reference = 'YP' || char(8203) || '-1' WHERE id = 2")
    // A blank unit, as an import of a project file with `unit: ""` stored it before blanks were read as left out
    try sqlite(database, "UPDATE milestone SET responsibleUnit = '' WHERE id = 3")
    let result = try runGongkai(["doctor", "--as-of", "2026-11-27", "--database", database])
    #expect(result.stdout.contains("warning stored texts: 2 recorded before a rule was tightened, which `import` refuses (or reads a "
      + "blank one as left out) in the files `export project` writes: milestone 2 ref 'YP\\u{200B}-1' is not accepted: it contains the "
      + "invisible character U+200B"), "\(result.stdout)")
    #expect(result.stdout.contains("milestone 3 unit '' is not accepted: it is blank, where the field should be left out"), "\(result.stdout)")
    #expect(result.stdout.contains("correct them with `gongkai project edit` or `gongkai amend`, a publication's address with `gongkai disclose"))
  }

  /// A text another program wrote into the register, with terminal control sequences in it, is shown escaped by
  /// every report a person reads in a terminal: it cannot clear the screen or hide a line of the alert.
  @Test func storedControlCharactersAreShownEscapedInTextReports() throws {
    let database = try sampleRegister().database
    try sqlite(database, """
      UPDATE project SET name = '靖宇东路' || char(27) || '[2J工程' WHERE code = '2024-310110-48-01-000046';
      UPDATE project SET responsibleUnit = '教育' || char(173) || '局' WHERE code = '2025-310110-47-01-000031';
      UPDATE milestone SET reference = 'HT' || char(13) || '-1', responsibleUnit = '建管委' || char(8238) WHERE id = 21;
      UPDATE disclosure SET channel = '门户' || char(27) || '[2J网站' WHERE id = 3
      """)
    let reports = [
      try runGongkai(["project", "show", "2024-310110-48-01-000046", "--as-of", "2026-11-27", "--database", database]).stdout,
      try runGongkai(["check", "--as-of", "2026-11-27", "--status", "on-time", "--project", "2024-310110-48-01-000046",
                      "--database", database]).stdout,
      try runGongkai(["project", "list", "--database", database]).stdout,
    ]
    for report in reports {
      #expect(report.contains("靖宇东路\\u{1B}[2J工程"), "\(report)")
      #expect(!report.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D || $0.value == 0x202E })
    }
    #expect(reports[0].contains("文号 HT\\u{D}-1") && reports[0].contains("责任单位 建管委\\u{202E}"))
    // an invisible format character, with nothing else unusual beside it, too
    #expect(reports[2].contains("教育\\u{AD}局"), "\(reports[2])")
    // and a confirmation that names a publication by its channel
    let reinstated = try runGongkai(["reinstate", "--disclosure", "3", "--reason", "误撤", "--database", database]).stdout
    #expect(reinstated.contains("2023-07-05 门户\\u{1B}[2J网站 unchanged: it is in force"), "\(reinstated)")
  }

  @Test func theDoctorNamesEachRowWhoseParentWasDeleted() throws {
    let database = try sampleRegister().database
    let intact = try runGongkai(["doctor", "--as-of", "2026-11-27", "--database", database])
    #expect(intact.stdout.contains("ok      integrity check: ok\nok      foreign key check: ok\n"))
    try sqlite(database, "PRAGMA foreign_keys=OFF; DELETE FROM project WHERE id = 4; DELETE FROM milestone WHERE id = 1")
    let result = try runGongkai(["doctor", "--as-of", "2026-11-27", "--database", database])
    #expect(result.status == 1)
    // SQLite's own integrity check does not look at foreign keys.
    #expect(result.stdout.contains("ok      integrity check: ok\n"))
    // One line each; SQLite picks the order of the tables.
    let orphans = ["disclosure 1 refers to a missing milestone (milestoneId = 1)"]
      + (57...74).map { "milestone \($0) refers to a missing project (projectId = 4)" }
    #expect(result.stdoutLines.filter { $0.contains("foreign key check") }.sorted() == orphans.map { "FAILED  foreign key check: \($0)" })
  }

  @Test func theDoctorListsAHundredOrphansAndCountsTheRest() throws {
    let database = try sampleRegister().database
    try sqlite(database, "PRAGMA foreign_keys=OFF; DELETE FROM project; UPDATE disclosure SET milestoneId = milestoneId + 1000")
    let result = try runGongkai(["doctor", "--as-of", "2026-11-27", "--database", database])
    #expect(result.status == 1)
    let orphans = result.stdoutLines.filter { $0.hasPrefix("FAILED  foreign key check: ") }
    #expect(orphans.count == 101)
    // 151 orphans: the 74 milestones and their 77 disclosures.
    #expect(orphans.last == "FAILED  foreign key check: and 51 more rows whose parent is missing")
  }

  @Test func anImportFindsProjectsWhoseIdsWereMadeNegative() throws {
    let database = try sampleRegister().database
    try sqlite(database, "PRAGMA foreign_keys=OFF; UPDATE milestone SET projectId = -1 - projectId; UPDATE project SET id = -1 - id")
    let result = try runGongkai(["import", projectsFolder(), "--database", database])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "imported 4 project files: nothing changed (4 unchanged)\n")
  }

  /// A register in a folder the cron account may not enter is not missing: creating one would not help. The message
  /// names the folder and the access to give, and a file it may not read is named as one. Needs root.
  @Test(.enabled(if: OtherAccountFolder.isAvailable))
  func aRegisterThatCannotBeReachedIsNotReportedMissing() throws {
    let folder = try OtherAccountFolder(mode: 0o755)
    defer { folder.remove() }
    let closed = folder.url.appendingPathComponent("closed")
    try FileManager.default.createDirectory(at: closed, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    let database = closed.appendingPathComponent("r.sqlite").path
    try FileManager.default.copyItem(atPath: try sampleRegister().database, toPath: database)
    let unreached = try folder.run(as: 65534, "check --as-of 2026-11-27 --database \(database)")
    #expect(unreached.status == 66)
    #expect(unreached.stderr == "gongkai: cannot open database \(database): this user may not enter the folder \(closed.path) "
      + "(permission denied), so cannot tell whether the register is there; let the user search it (chmod g+x with the user in "
      + "its group, or o+x), or run as a user who may\n")
    // Also through a symbolic link whose target is in that folder
    let link = folder.url.appendingPathComponent("link.sqlite").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: database)
    let linked = try folder.run(as: 65534, "check --as-of 2026-11-27 --database \(link)")
    #expect(linked.status == 66)
    #expect(linked.stderr.contains("this user may not enter the folder \(closed.path) (permission denied)"), "\(linked.stderr)")
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: closed.path)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: database)
    let unread = try folder.run(as: 65534, "check --as-of 2026-11-27 --database \(database)")
    #expect(unread.status == 66)
    #expect(unread.stderr.hasSuffix(": this user may not read it (permission denied); give the user read access to it, or run as a user who has it\n"))
  }

  /// A register whose mode forbids writing: the failed write leaves SQLite's files beside it with the register's mode,
  /// owned by the user. The message says to make them writable (chmod), not to give them back (chown, which changes
  /// nothing), and names the register itself; once both are writable, the write goes through. Needs root.
  @Test(.enabled(if: OtherAccountFolder.isAvailable))
  func aReadOnlyRegisterSaysWhichModesToChange() throws {
    let folder = try OtherAccountFolder(mode: 0o1777)
    defer { folder.remove() }
    let database = folder.url.appendingPathComponent("p.sqlite").path
    try FileManager.default.copyItem(atPath: try sampleRegister().database, toPath: database)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: database)
    let log = "log 2024-310110-48-01-000046 bidding.contract --date 2026-11-20 --by 审计 --database \(database)"
    let refused = try folder.run(as: 65534, log)
    #expect(refused.status == 73)
    #expect(refused.stderr.contains("may not be written (their mode); chmod u+w \(database)-"), "\(refused.stderr)")
    #expect(refused.stderr.hasSuffix("; the register itself may not be written by this user; its owner gives write access (chmod, chown or a group)\n"))
    #expect(!refused.stderr.contains("chown nobody"))
    for file in [database, database + "-wal", database + "-shm"] where FileManager.default.fileExists(atPath: file) {
      try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: file)
    }
    #expect(try folder.run(as: 65534, log).status == 0)
  }

  /// A calendar folder the cron account may not read is not an empty one: the administrator's schedules in it would
  /// be dropped, and every deadline of their years counted on the statutory holidays alone. Needs root, to be another
  /// account.
  @Test(.enabled(if: OtherAccountFolder.isAvailable))
  func aCalendarFolderThatCannotBeReadIsAnError() throws {
    let folder = try OtherAccountFolder(mode: 0o755)
    defer { folder.remove() }
    let calendar = folder.url.appendingPathComponent("calendar")
    try FileManager.default.createDirectory(at: calendar, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
    let result = try folder.run(as: 65534, "deadline 2026-12-31 5", environment: ["GONGKAI_CALENDAR_DIR": calendar.path])
    #expect(result.status == 66)
    #expect(result.stderr == "gongkai: \(calendar.path): cannot read the folder: Permission denied; let the account gongkai runs as "
      + "read it (chmod o+rx)\n")
  }

  /// A schedule copied into the folder by root under umask 077 stops every cron command: the message names the access
  /// to give, not a path to check. Needs root, to be another account.
  @Test(.enabled(if: OtherAccountFolder.isAvailable))
  func aScheduleThatCannotBeReadIsNamedAsSuch() throws {
    let folder = try OtherAccountFolder(mode: 0o755)
    defer { folder.remove() }
    let calendar = folder.url.appendingPathComponent("calendar")
    try FileManager.default.createDirectory(at: calendar, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
    let schedule = calendar.appendingPathComponent("2027.yaml").path
    #expect(FileManager.default.createFile(atPath: schedule, contents: Data("year: 2027\n".utf8), attributes: [.posixPermissions: 0o040]))
    let result = try folder.run(as: 65534, "deadline 2026-12-31 5", environment: ["GONGKAI_CALENDAR_DIR": calendar.path])
    #expect(result.status == 66)
    #expect(result.stderr == "gongkai: \(schedule): this account may not read the file (permission denied, mode 040); give the "
      + "accounts gongkai runs as read access to it (chmod a+r, or a group they share)\n", "\(result.stderr)")
    // A folder the account may list but not enter hides the file behind it: the folder's access is what to fix
    #expect(chmod(schedule, 0o644) == 0 && chmod(calendar.path, 0o744) == 0)
    let behind = try folder.run(as: 65534, "deadline 2026-12-31 5", environment: ["GONGKAI_CALENDAR_DIR": calendar.path])
    #expect(behind.status == 66)
    #expect(behind.stderr == "gongkai: \(schedule): this account may not reach it: a folder on its path is closed to it (permission "
      + "denied); give the accounts gongkai runs search access to each folder on the path (chmod a+x, or a group they share)\n",
      "\(behind.stderr)")
  }

  /// A register made under the login umask (022) in a folder a group shares (setgid) is its group's to read only, and
  /// SQLite gives its side files that mode: `init` says so at once, with the fix.
  @Test func aRegisterMadeInASharedFolderThatItsGroupMayNotWriteIsWarnedOf() throws {
    let folder = Scratch.folder()
    #expect(chmod(folder.path, 0o2770) == 0)
    let binary = try builtBinary().path
    let made = { (umask: String, name: String) in
      try runShell("umask \(umask); exec '\(binary)' init --database '\(folder.path)/\(name)'", environment: [:])
    }
    let closed = try made("022", "closed.sqlite")
    #expect(closed.status == 0)
    #expect(closed.stderr == "gongkai: warning: \(folder.path)/closed.sqlite was made with mode 644 (the umask's) in a folder shared by "
      + "its group, which may then not write it, nor the files SQLite makes beside it: chmod g+w \(folder.path)/closed.sqlite, and run "
      + "`init` under umask 007 (README: Shared by several accounts)\n")
    let shared = try made("007", "shared.sqlite")
    #expect(shared.status == 0 && shared.stderr.isEmpty, "\(shared.stderr)")
  }

  /// A register read by another account (an auditor, a cron job under its own user) can be left with SQLite's files
  /// beside it owned by that account: every write then fails. The failure and `doctor` name the files, their owner
  /// and the fix, rather than the register's own permissions, which are in order. Needs root, to act as two users.
  @Test(.enabled(if: OtherAccountFolder.isAvailable))
  func filesAnotherAccountLeftBesideTheRegisterAreNamedWhenAWriteFails() throws {
    let folder = try OtherAccountFolder(mode: 0o1777)
    defer { folder.remove() }
    let database = folder.url.appendingPathComponent("p.sqlite").path
    func run(as user: Int, _ arguments: String) throws -> CommandResult { try folder.run(as: user, "\(arguments) --database \(database)") }
    #expect(try run(as: 1000, "init").status == 0)
    #expect(try run(as: 1000, "project add 2026-310110-48-01-000200 --name 测试 --unit 甲单位").status == 0)
    // When another account reads it
    #expect(try run(as: 65534, "check").status == 0)
    // Then the owner's next write fails naming the files left beside the register and who they belong to
    let write = try run(as: 1000, "log 2026-310110-48-01-000200 bidding.candidates --date 2026-11-26")
    try #require(FileManager.default.fileExists(atPath: database + "-shm"), "SQLite left no file beside the register")
    #expect(write.status == 73)
    #expect(write.stderr.contains("database \(database) is read-only for this user: \(database)-"), "\(write.stderr)")
    #expect(write.stderr.contains(" belongs to nobody"))
    #expect(write.stderr.contains("(as root: chown "))
    // The register made under the umask 022 is its group's to read only, which is what let the files be another's
    #expect(write.stderr.contains("the register's mode, 644, does not let its group write it, and SQLite gives the files beside it "
      + "that mode: for accounts sharing it, chmod g+w the register"), "\(write.stderr)")
    let doctor = try run(as: 1000, "doctor")
    #expect(doctor.status == 1)
    #expect(doctor.stdout.contains("FAILED  files beside the register: this user may not write them, so every write fails: "))
  }

  /// A register out of WAL mode (a backup) that this account may write, in a folder it may not: SQLite cannot create the
  /// journal of a write beside it. The refusal names the folder, where it had sent the user to the file's permissions.
  @Test(.enabled(if: OtherAccountFolder.isAvailable))
  func aWriteRefusedByTheRegistersFolderNamesTheFolder() throws {
    let folder = try OtherAccountFolder(mode: 0o1777)
    defer { folder.remove() }
    let (database, closed) = try registerBesideAClosedFolder(in: folder)
    let backup = closed.appendingPathComponent("b.sqlite").path
    #expect(try gongkai("backup", backup, "--database", database).status == 0)
    #expect(chown(backup, 1000, 1000) == 0)
    let write = try folder.run(as: 1000, "project add 2026-310110-48-01-000200 --name 测试 --unit 甲单位 --database \(backup)")
    #expect(write.status == 73)
    #expect(write.stderr.contains("is read-only for this user: this user may not write in its folder \(closed.path), where SQLite keeps"),
            "\(write.stderr)")
  }

  /// An export into a folder this account may not write names the folder, and where the file can go instead.
  @Test(.enabled(if: OtherAccountFolder.isAvailable))
  func anExportIntoAFolderThisAccountMayNotWriteSaysWhatToDo() throws {
    let folder = try OtherAccountFolder(mode: 0o1777)
    defer { folder.remove() }
    let (database, closed) = try registerBesideAClosedFolder(in: folder)
    let export = try folder.run(as: 1000, "export audit-csv --out \(closed.path)/a.csv --database \(database)")
    #expect(export.status == 73)
    #expect(export.stderr.hasSuffix("cannot write in folder \(closed.path): Permission denied; name another with --out\n"), "\(export.stderr)")
  }

  /// A register account 1000 made in `folder`, and a folder beside it that only root may write.
  private func registerBesideAClosedFolder(in folder: OtherAccountFolder) throws -> (database: String, closed: URL) {
    let database = folder.url.appendingPathComponent("r.sqlite").path
    #expect(try folder.run(as: 1000, "init --database \(database)").status == 0)
    let closed = folder.url.appendingPathComponent("closed")
    try FileManager.default.createDirectory(at: closed, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
    return (database, closed)
  }

  /// An exclusive import of a register this account may only read cannot leave WAL mode; SQLite says so as an I/O
  /// error, which read as a full disk (74). It runs as any import: nothing to change is no error, something to change
  /// is refused as read-only (73). Needs root, to be another account.
  @Test(.enabled(if: OtherAccountFolder.isAvailable))
  func anExclusiveImportOfARegisterThisAccountMayOnlyReadIsReadOnly() throws {
    let folder = try OtherAccountFolder(mode: 0o1777)
    defer { folder.remove() }
    let database = folder.url.appendingPathComponent("r.sqlite").path
    let sheet = folder.url.appendingPathComponent("rows.csv")
    try Data("project,kind,formed\n2026-310110-48-01-000200,bidding.result,2026-01-05\n".utf8).write(to: sheet)
    #expect(try folder.run(as: 1000, "init --database \(database)").status == 0)
    #expect(try folder.run(as: 1000, "project add 2026-310110-48-01-000200 --name 测试 --unit 甲单位 --database \(database)").status == 0)
    #expect(try folder.run(as: 1000, "import milestones \(sheet.path) --database \(database)").status == 0)
    #expect(chmod(database, 0o444) == 0)
    let unchanged = try folder.run(as: 1000, "import milestones --exclusive \(sheet.path) --database \(database)")
    #expect(unchanged.status == 0, "\(unchanged.stderr)")
    #expect(unchanged.stdout.contains("nothing changed"))
    try Data("project,kind,formed\n2026-310110-48-01-000200,bidding.result,2026-01-06\n".utf8).write(to: sheet)
    let refused = try folder.run(as: 1000, "import milestones --exclusive \(sheet.path) --database \(database)")
    #expect(refused.status == 73)
    #expect(refused.stderr.contains("database \(database) is read-only"), "\(refused.stderr)")
  }
}
