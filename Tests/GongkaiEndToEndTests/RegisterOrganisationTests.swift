import Foundation
import Testing
import TestSupport

/// The organisation code a register's 索引号 are numbered under: recorded once by `init`, so that the portal, its feed,
/// the audit CSV and the open data number a publication alike, and changed only on purpose and on record.
extension RegisterCommandTests {
  /// A register recording `organisation`, with one publication, and the folder its exports go to.
  func registerWithPublication(organisation: String?) throws -> (folder: URL, db: [String]) {
    let (database, db) = try register(organisation.map { ["--organisation", $0] } ?? [])
    try succeed([
      ["log", "2026-310110-48-01-000300", "bidding.result", "--date", "2026-11-02", "--ref", "ZB-1"],
      ["disclose", "1", "--date", "2026-11-04", "--channel", "区政府网站"],
    ], db, environment: [:])
    return (URL(fileURLWithPath: database).deletingLastPathComponent(), db)
  }

  /// A 统一社会信用代码 typed a character wrong passes the code's form, and numbers every 索引号 once exported: recorded,
  /// with a warning while correcting it renumbers nothing published; a right one, or a division code, is not questioned.
  @Test func aCreditCodeItsCheckRefutesIsRecordedWithAWarning() throws {
    let database = Scratch.folder().appendingPathComponent("register.sqlite").path
    let typo = try gongkai("init", "--organisation", "11310110002424433J", "--database", database)
    #expect(typo.status == 0 && typo.stdout.contains("organisation 11310110002424433J"), "\(typo.stdout)")
    #expect(typo.stderrLines == [
      "gongkai: warning: --organisation '11310110002424433J' is 18 characters, as a 统一社会信用代码 is, but its check gives Y "
        + "for the last, not J (GB 32100-2015): a character may be typed wrong; check it against the body's certificate; while "
        + "nothing is exported under it, `gongkai init --organisation CODE --change-organisation` corrects it without "
        + "renumbering a published 索引号",
    ], "\(typo.stderr)")
    let corrected = try gongkai("init", "--organisation", "1131011000242443XF", "--change-organisation", "--database", database)
    #expect(corrected.status == 0 && corrected.stderr.isEmpty, "\(corrected.stderr)")
    let division = Scratch.folder().appendingPathComponent("register.sqlite").path
    #expect(try gongkai("init", "--organisation", "310110", "--database", division).stderr.isEmpty)
  }

  @Test func anOrganisationRecordedByInitNumbersEveryExport() throws {
    let code = "1131011000242443XF"
    let (folder, db) = try registerWithPublication(organisation: code)
    #expect(try gongkai(["init"] + db).stdoutLines.suffix(3) == ["profile national", "organisation \(code)", ""])
    #expect(try gongkai(["doctor"] + db).stdoutLines.contains(
      "ok      organisation: \(code) (the code every export numbers the register's 索引号 under)"))
    let csv = folder.appendingPathComponent("audit.csv").path
    let json = folder.appendingPathComponent("disclosures.json").path
    let notices = folder.appendingPathComponent("notices").path
    let asOf = ["--as-of", "2026-11-27"]
    #expect(try gongkai(["export", "audit-csv", "--out", csv] + asOf + db).status == 0)
    #expect(try gongkai(["export", "json", "--out", json] + asOf + db).status == 0)
    #expect(try gongkai(["export", "notices", "--out", notices] + asOf + db).status == 0)
    let oc4ids = folder.appendingPathComponent("oc4ids.json").path
    #expect(try gongkai(["export", "oc4ids", "--out", oc4ids] + asOf + db).status == 0)
    #expect(try String(contentsOfFile: oc4ids, encoding: .utf8).contains("\(code)-2026-00001"))
    #expect(try String(contentsOfFile: csv, encoding: .utf8).contains("\(code)-2026-00001"))
    #expect(try String(contentsOfFile: json, encoding: .utf8).contains("\"\(code)-2026-00001\""))
    let feed = try String(contentsOfFile: notices + "/feed.atom", encoding: .utf8)
    #expect(feed.contains("<id>urn:gongkai:feed:\(code)</id>") && feed.contains("<id>urn:gongkai:notice:\(code)-2026-00001</id>"))
    // Another code given to one export would number the same publication otherwise: refused, nothing written
    let other = folder.appendingPathComponent("other.csv").path
    let typed = try gongkai(["export", "audit-csv", "--out", other, "--organisation", "310110"] + asOf + db)
    #expect(typed.status == 64)
    #expect(typed.stderr == "gongkai: --organisation 310110 is not the register's organisation code \(code), which its 索引号 are "
      + "numbered under: drop --organisation, or change the register's with `gongkai init --change-organisation --organisation 310110`\n")
    let inherited = try gongkai(["export", "oc4ids", "--out", other] + asOf + db, environment: ["GONGKAI_ORGANISATION": "310110"])
    #expect(inherited.status == 64)
    #expect(inherited.stderr.hasPrefix("gongkai: GONGKAI_ORGANISATION 310110 is not the register's organisation code"))
    #expect(!FileManager.default.fileExists(atPath: other))
    // doctor, run first on a new machine, fails on the variable every export would refuse
    let doctored = try gongkai(["doctor"] + db, environment: ["GONGKAI_ORGANISATION": "310110"])
    #expect(doctored.status == 1)
    #expect(doctored.stdoutLines.contains { $0.hasPrefix("FAILED  organisation: GONGKAI_ORGANISATION 310110 is not the register's organisation code") })
    // and on one no export takes whatever the register records, before comparing it
    let malformed = try gongkai(["doctor"] + db, environment: ["GONGKAI_ORGANISATION": "113101-10"])
    #expect(malformed.status == 1)
    #expect(malformed.stdoutLines.contains("FAILED  organisation: GONGKAI_ORGANISATION '113101-10' is not usable; use at most 32 capital "
      + "letters and digits, e.g. 1131011000242443XF; every export refuses it"), "\(malformed.stdout)")
    // Spaces around the variable's value are dropped, as around an option's
    let spaced = try gongkai(["doctor"] + db, environment: ["GONGKAI_ORGANISATION": " \(code) "])
    #expect(spaced.stdoutLines.contains("ok      organisation: GONGKAI_ORGANISATION \(code), which the exports number the 索引号 under"))
    #expect(try gongkai(["export", "oc4ids", "--out", other] + asOf + db, environment: ["GONGKAI_ORGANISATION": " \(code) "]).status == 0)
    // The same code given is the register's
    #expect(try gongkai(["export", "audit-csv", "--out", other, "--organisation", code] + asOf + db).status == 0)
    #expect(try gongkai(["audit", "verify"] + db).status == 0)
    // A code edited outside gongkai into one no init records is named by doctor
    let database = db[1]
    _ = try sqlite(database, "UPDATE register SET organisation = 'a b-c'")
    let doctor = try gongkai(["doctor"] + db)
    #expect(doctor.status == 1)
    #expect(doctor.stdoutLines.contains("FAILED  organisation: 'a b-c' is no code `gongkai init` records: edited outside gongkai; "
      + "`gongkai history` shows the code it recorded; restore the register from a backup"), "\(doctor.stdout)")
  }

  @Test func anOrganisationIsChangedOnlyOnPurposeAndOnRecord() throws {
    let (database, db) = try register([])
    let recorded = try gongkai(["init", "--organisation", "1131011000242443XF", "--by", "张三"] + db)
    #expect(recorded.stdoutLines.suffix(2) == ["organisation 1131011000242443XF: every export numbers the 索引号 under it from now on", ""])
    // (nothing was published before, so nothing was numbered otherwise)
    #expect(recorded.stderr.isEmpty)
    // Another code renumbers every 索引号 published: refused without --change-organisation, the register as it was
    let before = snapshot(database)
    let refused = try gongkai(["init", "--organisation", "113101100024940129"] + db)
    #expect(refused.status == 64)
    #expect(refused.stderr == "gongkai: the register's 索引号 are numbered under the organisation code 1131011000242443XF, not "
      + "113101100024940129; changing it renumbers every 索引号 the register has published: give --change-organisation to change it, "
      + "or drop --organisation\n")
    #expect(snapshot(database) == before)
    let changed = try gongkai(["init", "--change-organisation", "--organisation", "113101100024940129", "--by", "李四"] + db)
    #expect(changed.status == 0, "\(changed.stderr)")
    #expect(changed.stdoutLines.suffix(2) == [
      "organisation changed from 1131011000242443XF to 113101100024940129: every 索引号 is numbered under it from now on", "",
    ])
    let again = try gongkai(["init", "--change-organisation", "--organisation", "113101100024940129"] + db)
    #expect(again.stdoutLines.suffix(2) == ["organisation 113101100024940129, unchanged", ""])
    // On record: who changed it, from what to what; and the log still vouches for the register
    let history = try gongkai(["history"] + db).stdoutLines
    // (a register without settings is national, so the first is logged as a change from that)
    #expect(history.contains { $0.hasSuffix("  张三  修改登记册设置") })
    #expect(history.contains("    索引号机构代码: — → 1131011000242443XF"))
    #expect(history.contains { $0.hasSuffix("  李四  修改登记册设置") })
    #expect(history.contains("    索引号机构代码: 1131011000242443XF → 113101100024940129"))
    #expect(try gongkai(["audit", "verify"] + db).status == 0)
    // A change of profile keeps the code; the two at once are refused, the register as it was
    let unchanged = snapshot(database)
    let both = try gongkai(["init", "--change-profile", "--profile", "shanghai", "--organisation", "1131011000242443XF",
                            "--change-organisation"] + db)
    #expect(both.status == 64)
    #expect(both.stderr == "gongkai: --change-profile and a new --organisation are two changes of the register: make them one at a time\n")
    #expect(snapshot(database) == unchanged)
    #expect(try gongkai(["init", "--change-profile", "--profile", "shanghai"] + db).status == 0)
    #expect(try gongkai(["init"] + db).stdoutLines.suffix(3) == ["profile national+shanghai", "organisation 113101100024940129", ""])
  }

  /// Changed after a feed was published, the code would renumber the feed's every entry: the export into that folder is
  /// refused with the way back, as an option's other code is.
  @Test func aFeedNumberedUnderTheFormerCodeIsNotRenumberedBehindItsReaders() throws {
    let (folder, db) = try registerWithPublication(organisation: "1131011000242443XF")
    let notices = ["export", "notices", "--out", folder.appendingPathComponent("site").path, "--as-of", "2026-11-27"] + db
    #expect(try gongkai(notices).status == 0)
    let changed = try gongkai(["init", "--change-organisation", "--organisation", "113101100024940129"] + db)
    #expect(changed.status == 0)
    // Staff are told that what they published carries numbers that no longer stand
    #expect(changed.stderr == "gongkai: warning: the 1 publication the register records had other 索引号 in the exports made "
      + "before, numbered under 1131011000242443XF: export the notices, the open data and the audit CSV again, so that what is "
      + "published carries the numbers that stand\n")
    let refused = try gongkai(notices)
    #expect(refused.status == 65)
    // Pages of another format beside the feed would number its items otherwise too
    #expect(try gongkai(notices + ["--format", "md"]).status == 65)
    #expect(refused.stderr.contains("would write organisation 113101100024940129: every 索引号 and feed entry would change, and the feed's "
      + "readers would see every item again; the register records 113101100024940129: where that was a mistake, put 1131011000242443XF "
      + "back (`gongkai init --change-organisation --organisation 1131011000242443XF`); else export into another folder (--out)"),
      "\(refused.stderr)")
    #expect(try gongkai(["init", "--change-organisation", "--organisation", "1131011000242443XF"] + db).status == 0)
    #expect(try gongkai(notices).status == 0)
  }

  /// Recorded for the first time, the code renumbers what exports numbered by the projects' division codes, a
  /// publication withdrawn since included (the notice lists it under its number); exports made with
  /// GONGKAI_ORGANISATION set to the code numbered them as they stand, which the warning says.
  @Test func aCodeRecordedForTheFirstTimeNamesTheExportsItRenumbers() throws {
    let code = "1131011000242443XF"
    for inherited in [nil, code] {
      let (_, db) = try registerWithPublication(organisation: nil)
      try succeed([
        ["disclose", "1", "--date", "2026-11-05", "--channel", "市政府网站"], ["withdraw", "--disclosure", "2", "--reason", "重复登记"],
      ], db, environment: [:])
      let recorded = try gongkai(["init", "--organisation", code] + db, environment: inherited.map { ["GONGKAI_ORGANISATION": $0] } ?? [:])
      #expect(recorded.status == 0, "\(recorded.stderr)")
      #expect(recorded.stderr == (inherited == nil
        ? "gongkai: warning: the 2 publications the register records had other 索引号 in the exports made before, numbered under "
          + "their projects' division codes: export the notices, the open data and the audit CSV again, so that what is published "
          + "carries the numbers that stand\n"
        : "gongkai: warning: the exports made with GONGKAI_ORGANISATION=\(code) numbered the 2 publications the register records as "
          + "they stand; any made without it numbered them under their projects' division codes: export the notices, the open data "
          + "and the audit CSV again, so that what is published carries the numbers that stand\n"))
    }
  }

  /// Under a recorded code a 索引号 does not take the project's division, so a code corrected into another division
  /// renumbers nothing, and the correction does not say it would.
  @Test func aRecodeIntoAnotherDivisionRenumbersNothingUnderARecordedCode() throws {
    let (_, db) = try registerWithPublication(organisation: "1131011000242443XF")
    let preview = try gongkai(["project", "recode", "2026-310110-48-01-000300", "2026-310115-48-01-000300", "--reason", "区划代码填错"] + db)
    #expect(preview.status == 64)
    #expect(preview.stderr.contains("move to 2026-310115-48-01-000300 with its history; if"), "\(preview.stderr)")
    #expect(!preview.stderr.contains("division"), "\(preview.stderr)")
  }

  /// A register of an earlier gongkai records its code as it is upgraded, and its log vouches for both.
  @Test func aRegisterUpgradedByInitRecordsItsCodeAsWell() throws {
    let (database, db) = try register(["--profile", "shanghai"])
    try rollBack(database, to: .beforeWithdrawnMilestoneKeys)
    let upgraded = try gongkai(["init", "--organisation", "1131011000242443XF"] + db)
    #expect(upgraded.stdout == """
      upgraded \(database) from schema v16-disclosure-reinstatement to schema v21-units (21 migrations)
      profile national+shanghai
      organisation 1131011000242443XF: every export numbers the 索引号 under it from now on\n
      """)
    #expect(try gongkai(["audit", "verify"] + db).status == 0)
  }

  /// An empty file becomes a register, its profile and code both its first: not two changes made at once.
  @Test func anEmptyFileBecomesARegisterWithItsProfileAndCode() throws {
    let database = Scratch.folder().appendingPathComponent("register.sqlite").path
    #expect(FileManager.default.createFile(atPath: database, contents: Data()))
    let created = try gongkai(["init", "--profile", "shanghai", "--organisation", "1131011000242443XF", "--database", database])
    #expect(created.status == 0, "\(created.stderr)")
    #expect(created.stdoutLines.suffix(3) == [
      "profile national+shanghai", "organisation 1131011000242443XF: every export numbers the 索引号 under it from now on", "",
    ])
  }

  @Test(arguments: [
    (["--organisation", "3101 10"], 64, "--organisation '3101 10' is not usable; use at most 32 capital letters and digits"),
    (["--organisation", ""], 64, "--organisation '' is not usable; use at most 32 capital letters and digits"),
    (["--organisation", String(repeating: "9", count: 33)], 64, "is not usable; use at most 32 capital letters and digits"),
    (["--organisation", "1131011000242443xf"], 64,
     "--organisation '1131011000242443xf' is not typed as an organisation code is: type it in ASCII capitals: 1131011000242443XF"),
    (["--organisation", "３１０１１０"], 64, "type it in ASCII capitals: 310110"),
    (["--change-organisation"], 64, "--change-organisation needs the new code: give --organisation CODE"),
    (["--change-organisation", "--organisation", "310110", "--database", "/nonexistent/register.sqlite"], 66,
     "--change-organisation changes the organisation code of an existing register"),
  ])
  func anOrganisationCodeThatCannotBeRecordedIsRefused(arguments: [String], status: Int32, message: String) throws {
    let folder = Scratch.folder()
    let database = folder.appendingPathComponent("register.sqlite").path
    let result = try gongkai(["init"] + arguments + (arguments.contains("--database") ? [] : ["--database", database]))
    #expect(result.status == status)
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: database))
  }
}
