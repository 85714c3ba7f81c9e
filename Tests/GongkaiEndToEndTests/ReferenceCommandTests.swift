import Foundation
import Testing
import TestSupport

/// `gongkai rules`, `calendar` and `deadline`, run as a user runs them.
@Suite struct ReferenceCommandTests {
  // MARK: deadline

  /// The 2027 notice will move days of December 2026, which go in a 2026 file replacing the shipped one: the
  /// administrator starts from the shipped year's text, which the calendar reads back as the same year.
  @Test func aShippedYearIsWrittenAsAFileToStartFrom() throws {
    let yaml = try gongkai("calendar", "2026", "--format", "yaml")
    #expect(yaml.status == 0)
    #expect(yaml.stdout.contains("year: 2026\n"))
    let file = try writeFile("2026.yaml", yaml.stdout + "  - name: 元旦\n    rest: 2026-12-31..2026-12-31\n    workdays: [2026-12-26]\n")
    func kinds(_ arguments: String...) throws -> [String: String] {
      let days = try JSONSerialization.jsonObject(with: Data(try runGongkai(arguments).stdout.utf8)) as? [[String: Any]] ?? []
      return Dictionary(uniqueKeysWithValues: days.map { ($0["date"] as? String ?? "", $0["kind"] as? String ?? "") })
    }
    let shipped = try kinds("calendar", "2026", "--format", "json")
    var extended = try kinds("calendar", "2026", "--format", "json", "--calendar", file)
    #expect(extended.count == 365)
    #expect(extended.removeValue(forKey: "2026-12-26") == "swapped-workday")
    #expect(extended.removeValue(forKey: "2026-12-31") == "rest-day")
    #expect(extended == shipped.filter { $0.key != "2026-12-26" && $0.key != "2026-12-31" })
    let none = try gongkai("calendar", "2027", "--format", "yaml")
    #expect(none.status == 66)
    #expect(none.stderr == "gongkai: 2027 has no official schedule to write; write 2027.yaml from the State Council's notice, starting from a year's form: gongkai calendar 2026 --format yaml\n")
  }

  @Test func deadlinePrintsTheDateOnTheFirstLine() throws {
    let result = try gongkai("deadline", "2026-02-13", "20")
    #expect(result.status == 0)
    #expect(result.stdout == "2026-03-19\n")
    #expect(result.stderr.isEmpty)
  }

  /// A date or a project code copied from a table with a space around it is read as text options are, trimmed.
  @Test func spacesAroundADateOrACodeAreTrimmed() throws {
    #expect(try gongkai("deadline", " 2026-02-13 ", "20").stdout == "2026-03-19\n")
    let (_, database) = try sampleRegister()
    let show = try gongkai("project", "show", "2024-310110-48-01-000046 ", "--database", database)
    #expect(show.status == 0 && show.stdout.hasPrefix("2024-310110-48-01-000046  "), "\(show.stderr)")
  }

  @Test func deadlineInCalendarDaysMovesOffTheHoliday() throws {
    let result = try gongkai("deadline", "2026-02-12", "3", "--calendar-days", "--explain")
    #expect(result.status == 0)
    #expect(result.stdoutLines[0] == "2026-02-24")
    #expect(result.stdout.contains("2026-02-15..2026-02-23 春节"))
    #expect(result.stdout.contains("第二百零三条"))
  }

  /// Each period is explained under the law in force on its first day: the 民法典 from 2021, the 民法总则 from
  /// 2017-10-01 (the same article numbers), before that the 民法通则's article 154, which the 民法总则 had not yet
  /// replaced.
  @Test(arguments: [
    ("2021-02-01", "（《中华人民共和国民法典》第二百零一条）", "Civil Code art. 201"),
    ("2018-02-13", "（《中华人民共和国民法总则》第二百零一条）", "General Provisions of the Civil Law art. 201"),
    ("2016-02-13", "（《中华人民共和国民法通则》第一百五十四条第二款）", "General Principles of the Civil Law art. 154(2)"),
  ])
  func explainCitesTheCivilLawInForceOnTheStartDay(from: String, chinese: String, english: String) throws {
    #expect(try gongkai("deadline", from, "3", "--calendar-days", "--explain").stdout.contains(chinese))
    #expect(try gongkai("deadline", from, "3", "--calendar-days", "--explain", "--lang", "en").stdout.contains(english))
  }

  /// The 民法通则 names Sunday beside the holidays: a period ending on one moves by its text, and only a Saturday rests
  /// on the practice of reading weekends as holidays, which the explanation says.
  @Test func underTheGeneralPrinciplesOnlyASaturdayRestsOnPractice() throws {
    let sunday = try gongkai("deadline", "2016-03-03", "3", "--calendar-days", "--explain").stdout
    #expect(sunday.contains("顺延至次一工作日（《中华人民共和国民法通则》第一百五十四条第三款）"), "\(sunday)")
    let saturday = try gongkai("deadline", "2016-03-02", "3", "--calendar-days", "--explain").stdout
    #expect(saturday.contains("第一百五十四条第三款；星期六视同法定休假日系通行做法，该款仅明文规定星期日）"), "\(saturday)")
    let later = try gongkai("deadline", "2026-03-04", "3", "--calendar-days", "--explain").stdout
    #expect(later.contains("（《中华人民共和国民法典》第二百零三条；周末及放假通知安排的休息日视同法定休假日系通行做法，法律未明文规定）"), "\(later)")
  }

  @Test func explainListsTheSwappedWorkdaysInEnglishOnRequest() throws {
    let result = try gongkai("deadline", "2026-02-13", "20", "--explain", "--lang", "en")
    #expect(result.stdoutLines[0] == "2026-03-19")
    #expect(result.stdout.contains("Swapped workdays counted: 2026-02-14 (Sat) 春节, 2026-02-28 (Sat) 春节"))
  }

  @Test func explainSaysADeadlineOnAWeekendIsASwappedWorkday() throws {
    // 3 days from Thursday 2026-09-17 end on Sunday 9-20, a workday made up for 国庆节: the deadline does not move
    let result = try gongkai("deadline", "2026-09-17", "3", "--calendar-days", "--explain")
    #expect(result.stdoutLines[0] == "2026-09-20")
    #expect(result.stdout.contains("截止日: 2026-09-20（周日），调休上班日·国庆节（调休上班日视为工作日系解释，法律未明文规定），当日公开仍属按时"),
            "\(result.stdout)")
    let english = try gongkai("deadline", "2026-09-17", "3", "--calendar-days", "--explain", "--lang", "en")
    #expect(english.stdout.contains("""
      Deadline: 2026-09-20 (Sun), a swapped workday 国庆节 (counting a swapped workday as a working day is an interpretation: \
      no statute says so); publishing on that day is on time
      """))
  }

  @Test func aYearWithoutScheduleWarnsOnStandardErrorOnly() throws {
    let result = try gongkai("deadline", "2026-12-20", "20")
    #expect(result.status == 0)
    #expect(result.stdout == "2027-01-18\n")  // 元旦 2027 skipped: the law fixes it whatever the notice says
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains("warning: no official holiday schedule for 2027"))
  }

  /// A past year's notice exists, gongkai only lacks it: the explanation says so, not that there is none.
  @Test func aPastYearWithoutItsScheduleIsSaidToBeMissingHere() throws {
    let result = try gongkai("deadline", "2017-12-25", "5", "--explain")
    #expect(result.stdout.contains("  暂定: 本系统未载有2017年的官方节假日安排：该年仅按周末及"), "\(result.stdout)")
    #expect(result.stderr.contains("the State Council's notice for 2017 was published"))
  }

  /// A 2027 schedule as an administrator adds it before the State Council's notice is shipped.
  static let schedule2027 = """
    year: 2027
    source: 国务院办公厅关于2027年部分节假日安排的通知
    holidays:
      - name: 元旦
        rest: 2027-01-01..2027-01-03
        workdays: []
      - name: 劳动节
        rest: 2027-05-01..2027-05-04
        workdays: []
      - name: 国庆节
        rest: 2027-10-01..2027-10-05
        workdays: []
      - name: 春节
        rest: 2027-02-05..2027-02-10
      - name: 清明节
        rest: 2027-04-05..2027-04-05
      - name: 端午节
        rest: 2027-06-09..2027-06-09
      - name: 中秋节
        rest: 2027-09-15..2027-09-15
    """

  /// A year before the shipped schedules had its notice long ago: the warning says to add it as a calendar
  /// file, not to wait for the State Council.
  @Test(arguments: [["deadline", "2017-12-01", "3"], ["calendar", "2017"]])
  func aPastYearWithoutScheduleIsToBeAddedNotAwaited(arguments: [String]) throws {
    let result = try runGongkai(arguments)
    #expect(result.status == 0)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains("warning: no official holiday schedule for 2017"))
    #expect(result.stderr.contains("the State Council's notice for 2017 was published (gongkai has the schedules of 2018-"))
    #expect(result.stderr.contains("add it as a calendar file, 2017.yaml in the form `gongkai calendar 20"))
    #expect(!result.stderr.contains("when the State Council publishes it"))
  }

  @Test func anAdministratorsScheduleFileEndsTheWarning() throws {
    let file = try writeFile("2027.yaml", Self.schedule2027)
    let viaOption = try gongkai("deadline", "2026-12-31", "1", "--calendar", file)
    #expect(viaOption.stdout == "2027-01-04\n")
    #expect(viaOption.stderr.isEmpty)
    let viaFolder = try gongkai("deadline", "2026-12-31", "1",
                                environment: ["GONGKAI_CALENDAR_DIR": URL(fileURLWithPath: file).deletingLastPathComponent().path])
    #expect(viaFolder.stdout == "2027-01-04\n")
    #expect(viaFolder.stderr.isEmpty)
  }

  /// A 2027 schedule put into gongkai's own resource folder by hand counts, but is no notice gongkai ships: doctor names
  /// it as added, not as the State Council's as shipped, and every command warns that the next install removes it.
  @Test func aScheduleAddedToTheResourceFolderIsNamedAsAdded() throws {
    let resources = Scratch.folder().appendingPathComponent("resources")
    try FileManager.default.copyItem(
      at: try builtBinary().deletingLastPathComponent().appendingPathComponent("Gongkai_GongkaiReference.resources"), to: resources)
    let file = resources.appendingPathComponent("calendar/2027.yaml")
    try Data(Self.schedule2027.utf8).write(to: file)
    let environment = ["GONGKAI_RESOURCES": resources.path, "GONGKAI_CALENDAR_DIR": Scratch.folder().path]
    let result = try gongkai("deadline", "2026-12-31", "1", environment: environment)
    #expect(result.stdout == "2027-01-04\n")
    #expect(result.stderr.hasPrefix("gongkai: warning: \(file.path) is not a schedule gongkai ships: the next install of gongkai "
      + "replaces that folder without it; move it into the calendar folder ("), "\(result.stderr)")
    let database = Scratch.folder().appendingPathComponent("r.sqlite").path
    #expect(try gongkai("init", "--database", database).status == 0)
    let doctor = try gongkai("doctor", "--database", database, environment: environment)
    #expect(doctor.stdout.contains("; added: 2027 from \(file.path)"), "\(doctor.stdout)")
    // A correction of a shipped year under another name, which sorts before 2026.yaml, replaces it all the same
    let shipped = try gongkai("calendar", "2026", "--format", "yaml").stdout
    let corrected = resources.appendingPathComponent("calendar/2026-corrected.yaml")
    try Data(shipped.replacingOccurrences(of: "workdays: [2026-02-14, 2026-02-28]", with: "workdays: [2026-02-14]\n    note: 2月28日调休上班取消")
      .utf8).write(to: corrected)
    let replaced = try gongkai("deadline", "2026-02-20", "5", environment: environment)
    #expect(replaced.stdout == "2026-03-02\n", "\(replaced.stderr)")
    #expect(replaced.stderr.contains("\(corrected.path) is not a schedule gongkai ships"), "\(replaced.stderr)")
    // Copied, as the warning says, into the calendar folder too: the one to remove is named
    let folder = Scratch.folder()
    try FileManager.default.copyItem(at: corrected, to: folder.appendingPathComponent("2026.yaml"))
    let twice = try gongkai("deadline", "2026-02-20", "5", environment: ["GONGKAI_RESOURCES": resources.path, "GONGKAI_CALENDAR_DIR": folder.path])
    #expect(twice.status == 65)
    #expect(twice.stderr.contains("year: 2026 is also given by \(corrected.path); remove \(corrected.path) from gongkai's own folder"), "\(twice.stderr)")
  }

  /// A schedule any account may rewrite moves every deadline across its days at anyone's hand: doctor says so, with
  /// the command that closes it, of the file and of its folder.
  @Test func doctorWarnsOfAScheduleEveryAccountMayWrite() throws {
    let file = try writeFile("2027.yaml", Self.schedule2027)
    let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
    let database = Scratch.folder().appendingPathComponent("r.sqlite").path
    #expect(try gongkai("init", "--database", database).status == 0)
    let environment = ["GONGKAI_CALENDAR_DIR": folder]
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
    #expect(!(try gongkai("doctor", "--database", database, environment: environment)).stdout.contains("every account"))
    try FileManager.default.setAttributes([.posixPermissions: 0o666], ofItemAtPath: file)
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder)
    let doctor = try gongkai("doctor", "--database", database, environment: environment)
    #expect(doctor.stdoutLines.contains("warning calendar: the file \(file) may be written by every account on this machine, so anyone "
      + "could move every deadline across the schedule's days; `chmod o-w \(file)`"), "\(doctor.stdout)")
    #expect(doctor.stdoutLines.contains { $0.hasPrefix("warning calendar: the folder \(folder) may be written by every account") })
    #expect(doctor.status == 0)
  }

  /// The default calendar folder is found from `HOME`, as users and systemd units set it (and the XDG base
  /// directory specification reads it), not from the password database, which Foundation asks on Linux; and
  /// `XDG_CONFIG_HOME` comes before both.
  @Test func theDefaultCalendarFolderIsFoundFromHOME() throws {
    let home = Scratch.folder()
    let folder = home.appendingPathComponent(".config/gongkai/calendar")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(Self.schedule2027.utf8).write(to: folder.appendingPathComponent("2027.yaml"))
    for environment in [["HOME": home.path], ["HOME": Scratch.folder().path, "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path]] {
      let result = try gongkai("deadline", "2026-12-31", "1", environment: environment)
      #expect(result.status == 0)
      #expect(result.stdout == "2027-01-04\n")
      #expect(result.stderr.isEmpty, "\(environment): the schedule in the default folder was not read")
    }
    // doctor says the folder is this account's own: cron, under another account, reads another
    let database = Scratch.folder().appendingPathComponent("r.sqlite").path
    #expect(try gongkai("init", "--database", database).status == 0)
    let doctor = try gongkai("doctor", "--database", database, environment: ["HOME": home.path])
    #expect(doctor.stdout.contains("; added: 2027 from \(folder.path)/2027.yaml (this account's own folder: an account running "
      + "gongkai otherwise, such as cron's, reads its own; set GONGKAI_CALENDAR_DIR to one folder for all of them)"), "\(doctor.stdout)")
    #expect(!(try gongkai("doctor", "--database", database, environment: ["GONGKAI_CALENDAR_DIR": folder.path])).stdout
      .contains("this account's own folder"))
    // A home without the folder, as most installations have, has no schedules added and is no error.
    let none = try gongkai("deadline", "2026-12-31", "1", environment: ["HOME": Scratch.folder().path])
    #expect(none.status == 0)
    #expect(none.stderr.contains("warning: no official holiday schedule for 2027"))
  }

  /// `GONGKAI_CALENDAR_DIR` naming no folder (a typo in a cron line or a unit) is refused by every command that
  /// counts days, as a missing `--calendar` file is, instead of being read as "no schedules added".
  @Test(arguments: [false, true])
  func aCalendarFolderTheVariableNamesMustBeAFolder(isFile: Bool) throws {
    let (_, database) = try sampleRegister()
    let home = Scratch.folder()
    let named = Scratch.folder().appendingPathComponent("calendar").path
    if isFile { try Data(Self.schedule2027.utf8).write(to: URL(fileURLWithPath: named)) }
    let environment = ["HOME": home.path, "GONGKAI_CALENDAR_DIR": named]
    for arguments in [["deadline", "2026-12-31", "1"], ["calendar", "2027"], ["check", "--database", database],
                      ["export", "audit-csv", "--out", home.appendingPathComponent("audit.csv").path, "--database", database]] {
      let result = try runGongkai(arguments, environment: environment)
      #expect(result.status == 66, "\(arguments)")
      #expect(result.stderr == "gongkai: GONGKAI_CALENDAR_DIR names \(named), which \(isFile ? "is a file, not a folder" : "does not exist"); "
        + "set it to the folder that holds the holiday schedule files, create that folder, or unset the variable for the "
        + "default (\(home.path)/.config/gongkai/calendar)\n")
      #expect(result.stdout.isEmpty)
    }
    // Set empty, as a unit's `Environment=` line left without its value, it names no folder either: a usage error
    let empty = try runGongkai(["deadline", "2026-12-31", "1"], environment: ["HOME": home.path, "GONGKAI_CALENDAR_DIR": ""])
    #expect(empty.status == 64)
    #expect(empty.stderr == "gongkai: GONGKAI_CALENDAR_DIR is set but empty; set it to the folder that holds the holiday schedule files, "
      + "or unset it for the default (\(home.path)/.config/gongkai/calendar)\n")
  }

  /// A new year's schedule copied into the default folder while `GONGKAI_CALENDAR_DIR` names another goes unread: the
  /// warning of the missing year, and `doctor`, name the file and where to move it.
  @Test func aScheduleLeftInTheDefaultFolderWhileTheVariableNamesAnotherIsNamed() throws {
    let (_, database) = try sampleRegister()
    let home = Scratch.folder(), named = Scratch.folder()
    let stray = home.appendingPathComponent(".config/gongkai/calendar/2027.yaml")
    try FileManager.default.createDirectory(at: stray.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(Self.schedule2027.utf8).write(to: stray)
    let environment = ["HOME": home.path, "GONGKAI_CALENDAR_DIR": named.path, "GONGKAI_NOW": "2026-12-04T09:00:00+08:00"]
    let moved = "in \(named.path) (\(stray.path) is not read while GONGKAI_CALENDAR_DIR names that folder: move it there)"
    let deadline = try runGongkai(["deadline", "2026-12-31", "5"], environment: environment)
    #expect(deadline.stderr.contains("add the schedule of 2027 (see `gongkai calendar --help`) \(moved) as soon as"), "\(deadline.stderr)")
    let doctor = try runGongkai(["doctor", "--database", database], environment: environment)
    #expect(doctor.stdout.contains("Add 2027.yaml to \(named.path) (\(stray.path) is not read"), "\(doctor.stdout)")
    // Moved there, it is read, and nothing is said
    try FileManager.default.moveItem(at: stray, to: named.appendingPathComponent("2027.yaml"))
    #expect(!(try runGongkai(["deadline", "2026-12-31", "5"], environment: environment)).stderr.contains("2027"))
  }

  /// `GONGKAI_RESOURCES`, set, must name the reference data: a typo is not passed over for another copy of the rules.
  @Test func theResourcesVariableMustNameTheReferenceData() throws {
    let missing = Scratch.folder().appendingPathComponent("resources").path
    let result = try runGongkai(["deadline", "2026-12-31", "1"], environment: ["GONGKAI_RESOURCES": missing])
    #expect(result.status == 66)
    #expect(result.stderr == "gongkai: \(missing): GONGKAI_RESOURCES names it, but it holds no reference data (rules/ and calendar/); "
      + "set GONGKAI_RESOURCES to the Gongkai_GongkaiReference.resources folder of the build, or unset it to use the one next to the gongkai binary\n")
    #expect(result.stdout.isEmpty)
    #expect(try runGongkai(["deadline", "2026-12-31", "1"], environment: ["GONGKAI_RESOURCES": ""]).status == 66)
  }

  // MARK: calendar

  @Test func calendarJSONHasOneObjectPerDay() throws {
    let result = try gongkai("calendar", "2026", "--format", "json")
    #expect(result.status == 0)
    let days = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(days.count == 365)
    let swapped = try #require(days.first { $0["date"] as? String == "2026-01-04" })
    #expect(swapped["workday"] as? Bool == true)
    #expect(swapped["kind"] as? String == "swapped-workday")
    #expect(swapped["name"] as? String == "元旦")
    let weekend = try #require(days.first { $0["date"] as? String == "2026-01-10" })
    #expect(weekend["kind"] as? String == "weekend")
    #expect(weekend["name"] == nil)
    // 261 weekdays, less 19 holiday weekdays, plus 6 swapped weekend days.
    #expect(days.filter { $0["workday"] as? Bool == true }.count == 248)
  }

  @Test func calendarTextMarksRestDaysAndSwappedWorkdays() throws {
    let result = try gongkai("calendar", "2026")
    #expect(result.status == 0)
    #expect(result.stdout.contains(" 1* 2* 3* 4+"))
    #expect(result.stdout.contains("春节          2026-02-15..2026-02-23 放假9天；调休上班 2026-02-14（周六）、2026-02-28（周六）"))
    #expect(result.stdout.contains("\n  元旦          2026-01-01..2026-01-03 放假3天；调休上班 2026-01-04（周日）\n"))
  }

  /// The 2018 file holds the days of 2018 the 2019 notice arranged (its 元旦 began on 2018-12-30): they are said to be
  /// that notice's, not the one the file is named for.
  @Test func calendarTextNamesTheNoticeOfANewYearBegunInDecember() throws {
    let result = try gongkai("calendar", "2018")
    #expect(result.stdout.hasSuffix("  元旦          2018-12-30..2018-12-31 放假2天；调休上班 2018-12-29（周六）（2019年的通知所定）\n"))
  }

  @Test func calendarOfAnUnscheduledYearWarns() throws {
    let result = try gongkai("calendar", "2027", "--format", "json")
    #expect(result.status == 0)
    #expect(result.stderr.contains("no official holiday schedule for 2027"))
    #expect(result.stderr.contains("元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节, with their make-up days"))
    // The lunar holidays of the 办法 are rest days before the notice: 春节 with the make-up days of 初一 and 初二
    // (a Saturday and a Sunday), 清明节, 端午节 and 中秋节.
    let days = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    let rest = days.filter { $0["kind"] as? String == "rest-day" }.map { "\($0["date"]!) \($0["name"]!)" }
    #expect(rest.filter { !$0.contains("元旦") && !$0.contains("劳动节") && !$0.contains("国庆节") } == [
      "2027-02-05 春节", "2027-02-06 春节", "2027-02-07 春节", "2027-02-08 春节", "2027-02-09 春节", "2027-02-10 春节",
      "2027-04-05 清明节", "2027-06-09 端午节", "2027-09-15 中秋节",
    ])
  }

  /// Five working days from Monday 2027-02-01, before the 2027 notice: 2-02 to 2-04, then 春节 (除夕 2-05 to 初三
  /// 2-08, made up on 2-09 and 2-10), then 2-11 and 2-12. Provisional, and said so on standard error.
  @Test func aProvisionalDeadlineStepsOverTheSpringFestival() throws {
    let result = try gongkai("deadline", "2027-02-01", "5")
    #expect(result.status == 0)
    #expect(result.stdout == "2027-02-12\n")
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains("warning: no official holiday schedule for 2027"))
  }

  // MARK: rules

  @Test func rulesListAllEightCategoriesWithTheirBasis() throws {
    let result = try gongkai("rules")
    #expect(result.status == 0)
    for heading in ["一、批准服务信息", "二、批准结果信息", "三、招标投标信息", "四、征收土地信息", "五、重大设计变更信息",
                    "六、施工有关信息", "七、质量安全监督信息", "八、竣工有关信息"] {
      #expect(result.stdout.contains(heading))
    }
    #expect(result.stdout.contains("bidding.candidates  中标候选人公示"))
    #expect(result.stdout.contains("第五十四条"))
  }

  /// Staff read the catalogue in Chinese: no line of it, notes included, may read as English; `--lang en` gives
  /// the English. The Shanghai profile replaces some national notes, so both are read.
  @Test(arguments: [["rules"], ["rules", "--profile", "shanghai"]]) func rulesAreInChineseUnlessEnglishIsAsked(
    arguments: [String]
  ) throws {
    let chinese = try runGongkai(arguments)
    #expect(chinese.status == 0)
    for line in chinese.stdout.split(separator: "\n") {
      #expect(!readsAsEnglish(line), "English in the Chinese catalogue: \(line)")
    }
    #expect(chinese.stdout.contains("    说明        适用于依法必须进行招标的项目。"))
    let english = try runGongkai(arguments + ["--lang", "en"])
    #expect(english.status == 0)
    #expect(english.stdout.contains("    Note        Projects that must be tendered by law. "))
    #expect(!english.stdout.contains("    说明  "))
  }

  /// The header names the catalogue as its files title it, as well as by the profile a user types.
  @Test func rulesNameTheCatalogueByItsTitles() throws {
    #expect(try gongkai("rules").stdout.hasPrefix(
      "规则目录 national：全国通用规则（政府信息公开条例、国办发〔2017〕94号及相关法律法规），共 54 项，规则版本 fnv:"))
    #expect(try gongkai("rules", "--profile", "shanghai", "--category", "bidding").stdout.hasPrefix(
      "规则目录 national+shanghai：全国通用规则（政府信息公开条例、国办发〔2017〕94号及相关法律法规）；上海市补充规则，共 10 项，规则版本 fnv:"))
    #expect(try gongkai("rules", "--lang", "en").stdout.hasPrefix("Rules catalogue: national (54 item kinds, version fnv:"))
  }

  /// A category is taken by its heading as the outputs give it, or without its 信息 or 有关信息, as by its code; a part
  /// of a heading is only suggested.
  @Test func aCategoryIsTakenByItsChineseHeading() throws {
    let bidding = try gongkai("rules", "--category", "bidding", "--format", "json").stdout
    for heading in ["招标投标信息", "招标投标"] {
      #expect(try gongkai("rules", "--category", heading, "--format", "json").stdout == bidding, "\(heading)")
    }
    let construction = try gongkai("rules", "--category", "construction", "--format", "json").stdout
    for heading in ["施工有关信息", "施工有关", "施工"] {
      #expect(try gongkai("rules", "--category", heading, "--format", "json").stdout == construction, "\(heading)")
    }
    #expect(try gongkai("rules", "--category", "投标").status == 64)
  }

  @Test func rulesJSONFiltersByCategory() throws {
    let result = try gongkai("rules", "--category", "bidding", "--format", "json")
    #expect(result.status == 0)
    let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let rules = try #require(document["rules"] as? [[String: Any]])
    #expect(!rules.isEmpty)
    #expect(rules.allSatisfy { $0["category"] as? String == "bidding" })
    let candidates = try #require(rules.first { $0["code"] as? String == "bidding.candidates" })
    #expect((candidates["period"] as? [String: Any])?["unit"] as? String == "calendar-days")
    #expect((candidates["period"] as? [String: Any])?["length"] as? Int == 3)
    #expect((candidates["minimumPublication"] as? [String: Any])?["length"] as? Int == 3)
    // A note is given in both languages, as the name is.
    let note = try #require(candidates["note"] as? [String: String])
    #expect(note["zh"]?.hasPrefix("适用于依法必须进行招标的项目。") == true)
    #expect(note["en"]?.hasPrefix("Projects that must be tendered by law. ") == true)
    // The minimum is named as the law names it: a 公示期 for the candidates, a 公告期 for the tender notice; null without one
    #expect(candidates["minimumPublicationName"] as? [String: String] == ["zh": "公示期", "en": "display period"])
    let notice = try #require(rules.first { $0["code"] as? String == "bidding.tender-notice" })
    #expect(notice["minimumPublicationName"] as? [String: String] == ["zh": "公告期", "en": "notice period"])
    // counted from the first day of sale when put up before it; a 公示 from its own first day
    #expect(notice["minimumPublicationFrom"] as? String == "trigger-day-if-later")
    #expect(candidates["minimumPublicationFrom"] as? String == "publication")
    let tenderResult = try #require(rules.first { $0["code"] as? String == "bidding.result" })
    #expect(tenderResult.keys.contains("minimumPublicationName") && tenderResult["minimumPublicationName"] is NSNull)
    let text = try gongkai("rules", "--category", "bidding").stdout
    #expect(text.contains("\n    公告期      不少于5日，早于起算日公开的自起算日起算\n") && text.contains("\n    公示期      不少于3日\n"), "\(text)")
    #expect(try gongkai("rules", "--category", "bidding", "--lang", "en").stdout.contains(
      "\n    Stays up    at least 5 calendar days (notice period), counted from the trigger day when published before it\n"))
  }

  @Test func theShanghaiProfileAddsItsRules() throws {
    let national = try gongkai("rules", "--format", "json")
    let shanghai = try gongkai("rules", "--profile", "shanghai", "--format", "json")
    #expect(shanghai.status == 0)
    #expect(shanghai.stdout.count > national.stdout.count)
    #expect(shanghai.stdout.contains("\"profile\" : \"national+shanghai\""))
    #expect(shanghai.stdout.contains("上海市建筑市场管理条例"))
  }

  // MARK: bad input: one line, the value, the fix, the documented status

  @Test(arguments: [
    (["deadline", "2023-02-30", "5"], 64, "from: '2023-02-30' is not a date: that month has 28 days"),
    (["deadline", "0000-01-01", "5"], 64, "outside the supported range"),
    (["deadline", "2026-13-01", "5"], 64, "there is no month 13"),
    (["deadline", "2026-02-13", "-3"], 64, "<n> '-3' is not a usable period length"),
    (["deadline", "2026-02-13", "0"], 64, "<n> '0' is not a usable period length"),
    (["deadline", "2026-02-13", "99999999999999999999"], 64, "is not a usable period"),
    (["deadline", "2026-02-13"], 64, "the period is missing: give its length after the date"),
    (["deadline", "2199-12-30", "5"], 64, "beyond the last supported day"),
    (["calendar", "1850"], 64, "year 1850 is outside"),
    (["calendar", "twenty"], 64, "twenty"),
    (["rules", "--category", "tendering"], 64, "unknown category 'tendering'"),
    (["rules", "--category", "投标"], 64, "unknown category '投标'; did you mean bidding (招标投标信息)?"),
    (["check", "--category", "Construction"], 64, "unknown category 'Construction'; did you mean construction (施工有关信息)?"),
    (["rules", "--profile", "beijing"], 64, "unknown profile 'beijing'; use one of national, shanghai"),
    (["rules", "--format", "xml"], 64, "xml"),
    (["frobnicate"], 64, "frobnicate"),
  ] as [([String], Int32, String)])
  func badArgumentsGiveOneLineAndAUsageStatus(arguments: [String], status: Int32, message: String) throws {
    let result = try runGongkai(arguments)
    #expect(result.status == status, "\(arguments)")
    #expect(result.stderrLines.count == 1, "\(result.stderr)")
    #expect(result.stderr.hasPrefix("gongkai: "))
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func aMalformedProfileFileIsBadData() throws {
    let file = try writeFile("local.yaml", "profile: local\nextends: national\nrules:\n  - code: bidding.result\n    period: 5 days\n")
    let result = try gongkai("rules", "--profile-file", file)
    #expect(result.status == 65)
    #expect(result.stderr == "gongkai: \(file):5: rules[0].period: '5 days' is not a period; use 'N working-days', 'N calendar-days', 'by-trigger-day' or 'none'\n")
  }

  /// A district's file written on top of Shanghai's rules is refused without them, not applied to the national
  /// rules as if Shanghai had no law of its own; with them, its header names the three.
  @Test func aProfileFileNeedsTheProfileItExtends() throws {
    let file = try writeFile("district.yaml", "profile: yangpu\nextends: shanghai\nrules:\n  - code: bidding.result\n    responsible: {zh: 区建管委}\n")
    let alone = try runGongkai(["rules", "--profile-file", file])
    #expect(alone.status == 65)
    #expect(alone.stderr == "gongkai: \(file):2: extends: 'shanghai', but the rules it builds on are national; pass --profile shanghai\n")
    #expect(alone.stdout.isEmpty)
    let built = try runGongkai(["rules", "--profile", "shanghai", "--profile-file", file, "--lang", "en"])
    #expect(built.status == 0, "\(built.stderr)")
    #expect(built.stdout.hasPrefix("Rules catalogue: national+shanghai+yangpu (60 item kinds, version fnv:"))
    let typo = try runGongkai(["rules", "--profile", "shanghai", "--profile-file", try writeFile("district.yaml", "profile: yangpu\nextends: shanghia\nrules: []\n")])
    #expect(typo.status == 65)
    #expect(typo.stderrLines.count == 1)
    #expect(typo.stderr.contains(":2: extends: unknown profile 'shanghia'; name one applied before this file (national, shanghai)"))
    let twice = try runGongkai(["rules", "--profile", "shanghai", "--profile-file", try writeFile("shanghai.yaml", "profile: shanghai\nextends: shanghai\nrules: []\n")])
    #expect(twice.status == 65)
    #expect(twice.stderrLines.count == 1)
    #expect(twice.stderr.contains(":1: profile: 'shanghai' is already applied (national+shanghai); give this file a profile name of its own"))
  }

  /// A file taking a shipped profile's name while that profile is not applied would make `national+shanghai` name
  /// rules without Shanghai's: refused, naming the file, the name and both fixes.
  @Test func aProfileFileMayNotTakeTheNameOfAShippedProfileNotApplied() throws {
    let file = try writeFile("local.yaml", "profile: shanghai\nextends: national\nrules: []\n")
    let result = try runGongkai(["rules", "--profile", "national", "--profile-file", file])
    #expect(result.status == 65)
    #expect(result.stderr == "gongkai: \(file):1: profile: 'shanghai' is the name of a shipped profile, which is not applied "
      + "(national); give this file a profile name of its own, or pass --profile shanghai and make this file 'extends: shanghai'\n")
    #expect(result.stdout.isEmpty)
  }

  /// A local period shown beside the national rule's note and confidence would misstate what the period rests on:
  /// an entry that changes the period (or the basis) gives its own, and `rules` shows them.
  @Test func aProfileFileChangingAPeriodGivesItsOwnNoteAndConfidence() throws {
    let bare = try writeFile("district.yaml", "profile: district\nextends: national\nrules:\n  - code: bidding.result\n    period: 10 working-days\n")
    let refused = try runGongkai(["rules", "--profile-file", bare])
    #expect(refused.status == 65)
    #expect(refused.stderr == "gongkai: \(bare):4: rules[0]: bidding.result changes the period of the rule it replaces, so that "
      + "rule's note and confidence no longer describe it; give this entry its own note (null for none) and confidence (S, S2 or M)\n")
    #expect(refused.stdout.isEmpty)

    let described = try writeFile("district.yaml", """
      profile: district
      extends: national
      rules:
        - code: bidding.result
          period: 10 working-days
          basis: 某区重大建设项目信息公开实施细则第八条
          confidence: M
          note: {zh: 细则第八条，未核实原文, en: art. 8 of the district rules; the text was not checked}
      """)
    let result = try runGongkai(["rules", "--profile-file", described, "--category", "bidding", "--lang", "en"])
    #expect(result.status == 0, "\(result.stderr)")
    let entry = result.stdout.components(separatedBy: "\n  bidding.result ").dropFirst().first?.components(separatedBy: "\n\n").first ?? ""
    #expect(entry.contains("Period      10 working days\n"))
    #expect(entry.contains("Basis       某区重大建设项目信息公开实施细则第八条 [M]\n"))
    #expect(entry.contains("Note        art. 8 of the district rules; the text was not checked"))
  }

  @Test func aProfileFileReportsEveryProblem() throws {
    let file = try writeFile("local.yaml", "profile: local\nextends: national\nrules:\n  - code: bidding.result\n    period: 5 days\n  - code: bidding.contract\n    confidence: X\n")
    let result = try gongkai("rules", "--profile-file", file)
    #expect(result.status == 65)
    #expect(result.stderrLines == [
      "gongkai: \(file):5: rules[0].period: '5 days' is not a period; use 'N working-days', 'N calendar-days', 'by-trigger-day' or 'none'",
      "gongkai: \(file):7: rules[1].confidence: unknown confidence 'X'; use S, S2 or M",
    ])
    #expect(result.stdout.isEmpty)
  }

  @Test func aMalformedCalendarFileIsBadData() throws {
    let file = try writeFile("2027.yaml", "year: 2027\nholidays:\n  - name: 元旦\n    rest: 2027-01-01..2027-01-01\n    workdays: [2027-01-05]\n")
    let result = try gongkai("deadline", "2026-12-31", "1", "--calendar", file)
    #expect(result.status == 65)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains("\(file):5: holidays[0].workdays[0]: 元旦: swapped workday 2027-01-05 is a Tuesday"))
  }

  /// Every problem of a calendar file, one complete error a line, with the status of bad data.
  @Test func aCalendarFileReportsEveryProblem() throws {
    let file = try writeFile("2027.yaml", """
      year: 2027
      holidays:
        - name: 元旦
          rest: 2027-01-01..2027-01-03
          workdays: [2027-01-05]
        - name: 春节
          rest: 2027-02-14..2027-02-06

      """)
    let result = try gongkai("deadline", "2026-12-31", "1", "--calendar", file)
    #expect(result.status == 65)
    #expect(result.stderrLines == [
      "gongkai: \(file):5: holidays[0].workdays[0]: 元旦: swapped workday 2027-01-05 is a Tuesday but swapped workdays are always a Saturday or Sunday; check its date against the notice",
      "gongkai: \(file):7: holidays[1].rest: '2027-02-14..2027-02-06' ends before it starts; write the first day, then the last, e.g. 2027-02-06..2027-02-14",
    ])
    #expect(result.stdout.isEmpty)
  }

  /// A leftover draft beside the year's file in the calendar folder: refused as bad data, naming both, on every
  /// command, until one is removed.
  @Test func twoFilesOfOneYearInTheCalendarFolderAreBadData() throws {
    let yaml = try gongkai("calendar", "2026", "--format", "yaml").stdout
    let folder = Scratch.folder()
    try Data(yaml.utf8).write(to: folder.appendingPathComponent("2026.yaml"))
    try Data(yaml.utf8).write(to: folder.appendingPathComponent("2026_draft.yaml"))
    try Data(yaml.utf8).write(to: folder.appendingPathComponent("2026.yaml~"))
    let result = try gongkai("deadline", "2026-02-13", "20", environment: ["GONGKAI_CALENDAR_DIR": folder.path])
    #expect(result.status == 65)
    #expect(result.stderr == "gongkai: \(folder.path)/2026_draft.yaml:2: year: 2026 is also given by \(folder.path)/2026.yaml; remove one of the two files (one file a year, which replaces the shipped one)\n")
    try FileManager.default.removeItem(at: folder.appendingPathComponent("2026_draft.yaml"))
    let fixed = try gongkai("deadline", "2026-02-13", "20", environment: ["GONGKAI_CALENDAR_DIR": folder.path])
    #expect(fixed.stdout == "2026-03-19\n")
  }

  /// A file that replaces a shipped year may add days (the next year's notice takes 31 December for 元旦), but one
  /// that leaves a day of the State Council's schedule out changes deadlines already past: every command warns,
  /// and `doctor` lists what the file changes.
  @Test func aReplacementThatLeavesOutAnOfficialDayIsWarnedAbout() throws {
    let shipped = try gongkai("calendar", "2026", "--format", "yaml").stdout
    let folder = Scratch.folder()
    let file = folder.appendingPathComponent("2026.yaml")
    let moved = shipped.replacingOccurrences(of: "workdays: [2026-02-14, 2026-02-28]", with: "workdays: [2026-02-14]")
    #expect(moved != shipped)
    try Data(moved.utf8).write(to: file)
    let environment = ["GONGKAI_CALENDAR_DIR": folder.path]
    let result = try gongkai("deadline", "2026-02-20", "5", environment: environment)
    #expect(result.stdout == "2026-03-02\n")
    // and, 春节 giving a weekday off more than the law and its swapped workdays account for, says so too
    #expect(result.stderr == "gongkai: warning: \(file.path) replaces the State Council's schedule of 2026 that gongkai ships, and "
      + "leaves out workday 2026-02-28 (春节): deadlines across it are counted otherwise than the notice says; restore it from what "
      + "`GONGKAI_CALENDAR_DIR=$(mktemp -d) gongkai calendar 2026 --format yaml` prints (the shipped schedule), or, where a later "
      + "notice changed the schedule, cite that notice in the file's `source:` line\n"
      + "gongkai: warning: \(file.path): 春节: 2026-02-15..2026-02-23 gives 6 weekdays off for 1 swapped workday, net 5, where "
      + "notices give the 4 days the law fixes in it (one on a weekend made up on a weekday, 办法第六条), and the year's holidays do "
      + "not make up the difference; check the rest days and the workdays against the notice, or, where the notice does give them "
      + "so, say why in a `note:` of the holiday\n")
    let database = Scratch.folder().appendingPathComponent("r.sqlite").path
    #expect(try gongkai("init", "--database", database).status == 0)
    let doctor = try gongkai("doctor", "--database", database, environment: environment)
    #expect(doctor.stdoutLines.contains { $0.hasPrefix("warning calendar: \(file.path) replaces the State Council's schedule of 2026") })
    #expect(doctor.stderr.isEmpty)
    // A file that cites the notice that changed the schedule replaces it deliberately; 春节 now gives a weekday off
    // more than the law and its swapped workdays account for, which is warned of until the holiday says why in a note.
    // Then no command warns, and doctor still lists the days it leaves out, for an administrator to check against
    // that notice
    let cited = moved.replacingOccurrences(of: "source: ", with: "source: 国务院办公厅关于调整2026年春节假期安排的通知 # was: ")
    #expect(cited != moved)
    try Data(cited.utf8).write(to: file)
    #expect(try gongkai("deadline", "2026-02-20", "5", environment: environment).stderr == "gongkai: warning: \(file.path): 春节: "
      + "2026-02-15..2026-02-23 gives 6 weekdays off for 1 swapped workday, net 5, where notices give the 4 days the law "
      + "fixes in it (one on a weekend made up on a weekday, 办法第六条), and the year's holidays do not make up the difference; "
      + "check the rest days and the workdays against the notice, or, where the notice does give them so, say why in a `note:` of "
      + "the holiday\n")
    let noted = cited.replacingOccurrences(of: "workdays: [2026-02-14]", with: "workdays: [2026-02-14]\n    note: 2月28日调休上班取消")
    #expect(noted != cited)
    try Data(noted.utf8).write(to: file)
    #expect(try gongkai("deadline", "2026-02-20", "5", environment: environment).stderr.isEmpty)
    #expect(try gongkai("doctor", "--database", database, environment: environment).stdoutLines.contains {
      $0.hasPrefix("warning calendar: \(file.path) replaces the shipped schedule of 2026 by 国务院办公厅关于调整2026年春节假期安排的通知; leaves out workday 2026-02-28 (春节)")
    })
    // The shipped schedule with days added, as 2027's notice may take 31 December for 元旦, is said, not warned about
    try Data((shipped + "  - name: \"元旦\"\n    rest: 2026-12-31..2026-12-31\n    workdays: [2026-12-27]\n").utf8).write(to: file)
    #expect(try gongkai("deadline", "2026-02-20", "5", environment: environment).stderr.isEmpty)
    #expect(try gongkai("doctor", "--database", database, environment: environment).stdoutLines
      .contains("ok      calendar: \(file.path) replaces the shipped schedule of 2026; adds workday 2026-12-27 (元旦), rest day 2026-12-31 (元旦)"))
    // One added under another holiday, months from it (12-27 typed for 02-27), breaks that holiday's balance: warned of
    try Data(shipped.replacingOccurrences(of: "workdays: [2026-02-14, 2026-02-28]", with: "workdays: [2026-02-14, 2026-02-28, 2026-12-27]").utf8)
      .write(to: file)
    let typo = try gongkai("deadline", "2026-02-20", "5", environment: environment)
    #expect(typo.stderr.contains("春节: swapped workday 2026-12-27 is 307 days from the rest days 2026-02-15..2026-02-23"), "\(typo.stderr)")
    #expect(typo.stderr.contains("春节: 2026-02-15..2026-02-23 gives 6 weekdays off for 3 swapped workdays, net 3"), "\(typo.stderr)")
  }

  /// What an administrator's copy into the calendar folder can go wrong with: a name Windows completed with a hidden
  /// .txt is named in a warning, a name in capitals is read, and the empty file a redirect into the folder leaves
  /// says how it came about.
  @Test func aCalendarFolderSaysWhatItDoesNotRead() throws {
    let shipped = try gongkai("calendar", "2026", "--format", "yaml").stdout
    let folder = Scratch.folder()
    let environment = ["GONGKAI_CALENDAR_DIR": folder.path]
    try Data(shipped.replacingOccurrences(of: "year: 2026", with: "year: 2027").utf8).write(to: folder.appendingPathComponent("2027.yaml.txt"))
    let hidden = try gongkai("deadline", "2026-02-20", "5", environment: environment)
    #expect(hidden.status == 0 && hidden.stdout == "2026-02-28\n")
    #expect(hidden.stderr == "gongkai: warning: \(folder.path)/2027.yaml.txt is not read: a schedule's name ends in .yaml (Windows "
      + "hides the .txt it added to this one); rename it 2027.yaml\n")
    try FileManager.default.removeItem(at: folder.appendingPathComponent("2027.yaml.txt"))
    // A name pasted with a space after it, a year saved as JSON, and a folder unpacked inside the folder: each named
    let year2027 = shipped.replacingOccurrences(of: "year: 2026", with: "year: 2027")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("schedules"), withIntermediateDirectories: true)
    for name in ["2027.yaml ", "2028.json", "schedules/2027.yaml"] { try Data(year2027.utf8).write(to: folder.appendingPathComponent(name)) }
    let strayed = try gongkai("deadline", "2026-02-20", "5", environment: environment)
    #expect(strayed.status == 0)
    #expect(strayed.stderrLines == [
      "gongkai: warning: \(folder.path)/2027.yaml  is not read: its name has a space after it; rename it 2027.yaml",
      "gongkai: warning: \(folder.path)/2028.json is not read: a schedule's name ends in .yaml; rename it 2028.yaml",
      "gongkai: warning: \(folder.path)/schedules is not read: it is a folder, and the schedules in a folder inside the calendar "
        + "folder are not read; move them into \(folder.path)",
    ], "\(strayed.stderr)")
    for name in ["2027.yaml ", "2028.json", "schedules"] { try FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
    // Beside a file of the name meant, a rename would make two files of one year, which is refused: said.
    for name in ["2026.yaml", "2026.yaml.txt"] { try Data(shipped.utf8).write(to: folder.appendingPathComponent(name)) }
    let beside = try gongkai("deadline", "2026-02-20", "5", environment: environment)
    #expect(beside.stderr.hasSuffix("rename it 2026.yaml, once the 2026.yaml already there is removed (one file a year), or remove it\n"),
            "\(beside.stderr)")
    for name in ["2026.yaml", "2026.yaml.txt"] { try FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
    try Data(shipped.replacingOccurrences(of: "workdays: [2026-02-14, 2026-02-28]", with: "workdays: [2026-02-14]").utf8)
      .write(to: folder.appendingPathComponent("2026.YAML"))
    #expect(try gongkai("deadline", "2026-02-20", "5", environment: environment).stdout == "2026-03-02\n")
    try FileManager.default.removeItem(at: folder.appendingPathComponent("2026.YAML"))
    try Data().write(to: folder.appendingPathComponent("2026.yaml"))
    let empty = try gongkai("deadline", "2026-02-20", "5", environment: environment)
    #expect(empty.status == 65)
    #expect(empty.stderr.contains("2026.yaml: file is empty; a shell redirect into the calendar folder"), "\(empty.stderr)")
  }

  /// A replacement of a shipped year that holds only a new 元旦 would silently drop the year's other holidays.
  @Test func aReplacementLeavingOutAHolidayTheLawFixesIsBadData() throws {
    let file = try writeFile("2026.yaml", "year: 2026\nholidays:\n  - name: 元旦\n    rest: 2026-01-01..2026-01-03\n    workdays: [2026-01-04]\n")
    let result = try gongkai("deadline", "2026-04-28", "3", "--calendar", file)
    #expect(result.status == 65)
    // 春节 (除夕 to 初三), 清明节 (a Sunday), 劳动节, 端午节, 中秋节 and 国庆节: each once, with all its days.
    #expect(result.stderrLines.count == 6)
    #expect(result.stderrLines.first?.hasPrefix("gongkai: \(file):3: holidays: 2026-02-16..2026-02-19 are 春节, a holiday 《全国年节及纪念日放假办法》第二条 fixes, but this schedule leaves them working days; list 春节") == true)
    #expect(result.stdout.isEmpty)
  }

  @Test func aMissingFileIsMissingInput() throws {
    let result = try gongkai("deadline", "2026-12-31", "1", "--calendar", "/nonexistent/2027.yaml")
    #expect(result.status == 66)
    #expect(result.stderr == "gongkai: /nonexistent/2027.yaml: file not found or not readable; check the path and its permissions\n")
  }

  @Test func aBinaryWithoutItsResourcesSaysHowToFixIt() throws {
    let folder = Scratch.folder()
    let copy = folder.appendingPathComponent("gongkai")
    try FileManager.default.copyItem(at: try builtBinary(), to: copy)
    let process = Process()
    process.executableURL = copy
    process.arguments = ["rules"]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = Pipe()
    try process.run()
    let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    // The build tree is still found through the source path; what matters is no crash and a clear status.
    #expect([0, 66].contains(process.terminationStatus), "\(text)")
  }

  /// An operator setting up cron or a unit reads the statuses and the variables in the help, not only the README.
  @Test func helpDocumentsTheExitStatusesAndTheEnvironment() throws {
    let result = try gongkai("--help")
    #expect(result.status == 0)
    #expect(result.stdout.contains("65  bad data"))
    for variable in ["GONGKAI_DATABASE", "GONGKAI_CALENDAR_DIR", "GONGKAI_RESOURCES", "GONGKAI_BUSY_TIMEOUT", "GONGKAI_USER",
                     "GONGKAI_PROFILE", "GONGKAI_ORGANISATION", "GONGKAI_OC4IDS_PREFIX", "TMPDIR"] {
      #expect(result.stdout.contains("\n  \(variable) "), "\(variable)")
    }
  }

  /// Help is printed 80 columns wide when not on a terminal, and a longer line of an indented block (an example, the
  /// exit-status table, an option's text) goes on at column 0, where a pasted example runs as two commands. Every
  /// command's help is read: no line at column 0 follows an indented one without a blank line between.
  @Test func indentedHelpLinesFitTheHelpWidth() throws {
    let helps = try everyCommandsHelp()
    for (command, help) in helps {
      var previous = ""
      for line in help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
        defer { previous = line }
        if line.isEmpty { continue }
        #expect(!(previous.hasPrefix(" ") && !line.hasPrefix(" ")),
                "gongkai help \(command.joined(separator: " ")): an indented line breaks at column 0: \(previous) / \(line)")
      }
    }
    #expect(helps.count > 25)
  }

  /// An option the help calls required is shown so in the usage line too: `project add` declares --name and --unit
  /// optional to the parser, to give its own message when one is left out, and its usage line had them in brackets.
  @Test func optionsCalledRequiredAreRequiredInTheUsageLine() throws {
    var checked = 0
    for (command, help) in try everyCommandsHelp() {
      let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
      // "--name and --unit are required" in the discussion, "(required)" in an option's own text.
      let prose = help.replacingOccurrences(of: "\n", with: " ")
      var required = prose.firstMatch(of: /((?:--[a-z-]+(?:,? and |, )?)+) (?:is|are) required/)
        .map { $0.1.matches(of: /--[a-z-]+/).map { String($0.output) } } ?? []
      if let options = lines.firstIndex(of: "OPTIONS:") {
        var option: String?
        for line in lines[(options + 1)...].prefix(while: { !$0.isEmpty }) {
          if let named = line.firstMatch(of: /^  (?:-[a-zA-Z], )?(--[a-z-]+)/) { option = String(named.1) }
          if line.contains("(required)"), let option { required.append(option) }
        }
      }
      guard !required.isEmpty else { continue }
      // The usage line as printed, folded at 80 columns.
      let start = try #require(lines.firstIndex { $0.hasPrefix("USAGE:") }, "\(command)")
      let usage = lines[start...].prefix { !$0.isEmpty }.joined(separator: " ")
      for option in required {
        checked += 1
        #expect(usage.contains(" \(option) <") && !usage.contains("[\(option) <"),
                "gongkai help \(command.joined(separator: " ")): \(option) is called required, but the usage line is \(usage)")
      }
    }
    #expect(checked >= 8)
  }

  /// A usage line written out (`project add`, `deadline`) names every option the command has, as the parser's own does
  /// (unless it says `<options>`).
  @Test func usageLinesNameEveryOption() throws {
    var checked = 0
    for (command, help) in try everyCommandsHelp() {
      let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
      guard let start = lines.firstIndex(where: { $0.hasPrefix("USAGE:") }),
        let options = lines.firstIndex(where: { $0 == "OPTIONS:" })
      else { continue }
      let usage = lines[start...].prefix { !$0.isEmpty }.joined(separator: " ")
      // The parser's own line for a command of many options.
      if usage.contains("<options>") { continue }
      let listed = lines[(options + 1)...].prefix { !$0.isEmpty }
        .compactMap { $0.firstMatch(of: /^  (?:-[a-zA-Z], )?(--[a-z-]+)/).map { String($0.1) } }
      for option in listed where !["--help", "--version"].contains(option) {
        #expect(usage.contains(option), "gongkai help \(command.joined(separator: " ")): \(option) is not in \(usage)")
        checked += 1
      }
    }
    // `project add`, `deadline`, `log`, `disclose` … write their usage out, each with several options.
    #expect(checked >= 20)
  }

  /// `help` is a command too: its own help is shown, not refused as a command there is not.
  @Test func helpOfHelpIsShown() throws {
    let help = try runGongkai(["help", "help"])
    #expect(help.status == 0, "\(help.stderr)")
    #expect(help.stdout.contains("USAGE: gongkai help [<subcommands> ...]"), "\(help.stdout)")
  }

  /// The help of every command and subcommand, 80 columns wide, found by walking the SUBCOMMANDS lists.
  private func everyCommandsHelp() throws -> [(command: [String], help: String)] {
    var commands: [[String]] = [[]]
    var helps: [(command: [String], help: String)] = []
    while helps.count < commands.count {
      let command = commands[helps.count]
      let help = try runGongkai(["help"] + command, environment: ["COLUMNS": "80"])
      #expect(help.status == 0, "\(command)")
      helps.append((command, help.stdout))
      var inSubcommands = false
      for line in help.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasSuffix("SUBCOMMANDS:") { inSubcommands = true; continue }
        if line.isEmpty { inSubcommands = false; continue }
        // "  name   What it does.": a line that starts further in continues the one before.
        if inSubcommands, line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first, name != "help" {
          commands.append(command + [String(name)])
        }
      }
    }
    return helps
  }

}
