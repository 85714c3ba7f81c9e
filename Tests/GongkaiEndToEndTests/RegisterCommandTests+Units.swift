import Foundation
import Testing
import TestSupport

/// A unit written two ways is two units in the morning alerts and the yearly report: a unit the register names nowhere
/// that may be one it names, abbreviated or a character off, is warned of once, where it is first recorded, with the
/// one command that moves every record of it.
extension RegisterCommandTests {
  @Test func aUnitWrittenOtherwiseIsWarnedOfOnceWithTheHandOverThatMendsIt() throws {
    let code = "2026-310110-48-01-000601"
    let (folder, db) = try registerWithProject(code)
    #expect(try gongkai(["log", code, "approval-result.project-proposal", "--date", "2026-11-02", "--unit", "杨浦区发展和改革委员会"] + db)
      .stderr.isEmpty)
    let abbreviated = try gongkai(["log", code, "approval-result.feasibility-study", "--date", "2026-11-16", "--unit", "杨浦发改委"] + db)
    #expect(abbreviated.status == 0)
    #expect(abbreviated.stderrLines == [
      "gongkai: warning: '杨浦发改委' is a unit the register named nowhere before, and may be 杨浦区发展和改革委员会 written otherwise: "
        + "the alerts and the report count a unit written two ways as two units; if it is, `gongkai project hand-over 杨浦发改委 "
        + "杨浦区发展和改革委员会 --for-past-milestones` says what moving every record of 杨浦发改委 to 杨浦区发展和改革委员会 takes, and does "
        + "it with --yes",
    ], "\(abbreviated.stderr)")
    // Once: recorded, it is a unit of the register
    #expect(try gongkai(["log", code, "approval-result.energy-review", "--date", "2026-11-16", "--unit", "杨浦发改委"] + db).stderr.isEmpty)
    // A unit new and like none is not warned of; nor is a project's unit, nor an amendment back to the name in full
    #expect(try gongkai(["project", "add", "2026-310110-48-01-000602", "--name", "学校新建工程", "--unit", "杨浦区教育局"] + db).stderr.isEmpty)
    let city = try gongkai(["project", "add", "2026-310110-48-01-000603", "--name", "道路工程", "--unit", "上海市杨浦区建设和管理委员会"] + db)
    #expect(city.stderr.contains("'上海市杨浦区建设和管理委员会' is a unit the register named nowhere before, and may be 杨浦区建设和管理委员会 "),
            "\(city.stderr)")
    #expect(try gongkai(["project", "edit", "2026-310110-48-01-000603", "--unit", "杨浦区建设和管理委员会"] + db).stderr.isEmpty)
    let mistyped = try gongkai(["amend", "2", "--unit", "杨浦区发展与改革委员会", "--reason", "更正责任单位"] + db)
    // The unit it had is named too, as milestone 3 keeps it
    #expect(mistyped.stderr.contains("may be 杨浦区发展和改革委员会 (or 杨浦发改委) written otherwise"), "\(mistyped.stderr)")
    let mended = try gongkai(["amend", "2", "--unit", "杨浦区发展和改革委员会", "--reason", "更正责任单位"] + db)
    #expect(mended.status == 0 && mended.stderr.isEmpty, "\(mended.stderr)")
    // The hand-over the warning gives leaves one unit in the report
    let preview = try gongkai(["project", "hand-over", "杨浦发改委", "杨浦区发展和改革委员会", "--for-past-milestones"] + db)
    #expect(preview.status == 64 && preview.stderr.contains("1 milestone already recorded under 杨浦发改委 would move to 杨浦区发展和改革委员会"),
            "\(preview.stderr)")
    #expect(try gongkai(["project", "hand-over", "杨浦发改委", "杨浦区发展和改革委员会", "--for-past-milestones", "--yes"] + db).status == 0)
    let units = try gongkai(["check", "--unit", "杨浦发改委", "--as-of", "2026-11-20"] + db)
    #expect(units.status == 65 && units.stderr.contains("'杨浦发改委' is the responsible unit of no project or milestone; did you mean "
      + "'杨浦区发展和改革委员会'?"), "\(units.stderr)")
    // A sheet's rows: at the first row that records the unit, once
    #expect(try gongkai(["project", "add", "2026-310110-48-01-000604", "--name", "绿地工程", "--unit", "杨浦区规划和自然资源局"] + db)
      .stderr.isEmpty)
    let (sheet, imported) = try importSheet("""
      项目代码,事项类型,形成日期,文号,责任单位
      \(code),approval-result.land-use-planning-permit,2026-11-03,地1,杨浦规资局
      \(code),approval-result.construction-planning-permit,2026-11-04,规1,杨浦规资局
      \(code),approval-result.construction-permit,2026-11-05,施1,杨浦区建设和管理委员会

      """, named: "units.csv", in: folder, db)
    #expect(imported.status == 0)
    #expect(imported.stderrLines.filter { $0.contains("named nowhere") } == [
      "gongkai: warning: \(sheet.path):2: 责任单位: '杨浦规资局' is a unit the register named nowhere before, and may be 杨浦区规划和自然资源局 "
        + "written otherwise: the alerts and the report count a unit written two ways as two units; if it is, `gongkai project hand-over "
        + "杨浦规资局 杨浦区规划和自然资源局 --for-past-milestones` says what moving every record of 杨浦规资局 to 杨浦区规划和自然资源局 takes, "
        + "and does it with --yes",
    ], "\(imported.stderr)")
    // A project file's: the project's unit at its line, a milestone's at its entry
    let file = folder.appendingPathComponent("2026-310110-48-01-000605.yaml")
    try Data("""
      code: 2026-310110-48-01-000605
      name: 体育中心改建工程
      responsible-unit: 杨浦教育局
      milestones:
        - kind: approval-result.project-proposal
          formed: 2026-11-02
          unit: 区发展改革委

      """.utf8).write(to: file)
    let files = try gongkai(["import", "projects", file.path] + db)
    #expect(files.status == 0)
    #expect(files.stderrLines.map { $0.components(separatedBy: " is a unit")[0] } == [
      "gongkai: warning: \(file.path):3: responsible-unit: '杨浦教育局'", "gongkai: warning: \(file.path):5: milestones[0].unit: '区发展改革委'",
    ], "\(files.stderr)")
    #expect(files.stderr.contains("'区发展改革委' is a unit the register named nowhere before, and may be 杨浦区发展和改革委员会 written"))
  }

  /// The likeliest unit first, the move from the shorter name to the name in full whichever is new, and a unit
  /// abbreviated by `amend` or `project edit` (which replace the name in full) warned of as by `log`.
  @Test func theHandOverGivenMovesTheAbbreviationToTheNearestNameInFull() throws {
    let code = "2026-310110-48-01-000611"
    let (_, db) = try registerWithProject(code, unit: "杨浦区住房和城乡建设管理委员会")
    #expect(try gongkai(["project", "add", "2026-310110-48-01-000612", "--name", "道路工程", "--unit", "杨浦区建设和管理委员会"] + db).status == 0)
    let nearest = try gongkai(["log", code, "bidding.contract", "--date", "2026-11-02", "--unit", "杨浦区建管委"] + db)
    #expect(nearest.stderr.contains("may be 杨浦区建设和管理委员会 (or 杨浦区住房和城乡建设管理委员会) written otherwise"), "\(nearest.stderr)")
    // The full name new, the abbreviation registered: the abbreviation's records move to it
    #expect(try gongkai(["project", "add", "2026-310110-48-01-000613", "--name", "桥梁工程", "--unit", "杨浦区卫健委"] + db).status == 0)
    let full = try gongkai(["project", "add", "2026-310110-48-01-000614", "--name", "医院工程", "--unit", "杨浦区卫生健康委员会"] + db)
    #expect(full.stderr.contains("`gongkai project hand-over 杨浦区卫健委 杨浦区卫生健康委员会 --for-past-milestones` says what moving every "
      + "record of 杨浦区卫健委 to 杨浦区卫生健康委员会 takes"), "\(full.stderr)")
    // amend of a milestone that follows its project's unit, and project edit, to the abbreviation
    #expect(try gongkai(["log", "2026-310110-48-01-000612", "bidding.contract", "--date", "2026-11-03"] + db).status == 0)
    let amended = try gongkai(["amend", "2", "--unit", "区建设管理委员会", "--reason", "更正"] + db)
    #expect(amended.stderr.contains("'区建设管理委员会' is a unit the register named nowhere before, and may be 杨浦区建设和管理委员会 "),
            "\(amended.stderr)")
    #expect(try gongkai(["project", "add", "2026-310110-48-01-000615", "--name", "隧道工程", "--unit", "杨浦区建设和管理委员会"] + db).status == 0)
    let edited = try gongkai(["project", "edit", "2026-310110-48-01-000612", "--unit", "杨浦建设管理委员会"] + db)
    #expect(edited.stderr.contains("'杨浦建设管理委员会' is a unit the register named nowhere before, and may be 杨浦区建设和管理委员会 "),
            "\(edited.stderr)")
  }

  /// An evaluator's finding: the full name typed with the character the input method offered first (管里 for 管理) was
  /// taken for a longer name of its abbreviation, and the hand-over given moved the abbreviation's records onto the
  /// typo. The name it is a character off comes first now, and the typo moves to it.
  @Test func aUnitTypedWithAHomophoneIsTheUnitItSoundsLike() throws {
    let code = "2026-310110-48-01-000621"
    let (folder, db) = try registerWithProject(code, unit: "杨浦区建设和管理委员会")
    #expect(try gongkai(["project", "add", "2026-310110-48-01-000622", "--name", "公园改造", "--unit", "杨浦建管委"] + db).status == 0)
    let typo = try gongkai(["project", "add", "2026-310110-48-01-000623", "--name", "桥梁维修", "--unit", "杨浦区建设和管里委员会"] + db)
    #expect(typo.status == 0)
    #expect(typo.stderr.contains("may be 杨浦区建设和管理委员会 (or 杨浦建管委) written otherwise: the alerts and the report count a unit "
      + "written two ways as two units; if it is, `gongkai project hand-over 杨浦区建设和管里委员会 杨浦区建设和管理委员会 "
      + "--for-past-milestones`"), "\(typo.stderr)")
    // A traditional character, in a log and in a sheet's row
    let traditional = try gongkai(["log", code, "bidding.result", "--date", "2026-11-02", "--unit", "杨浦区建设和管理委員会"] + db)
    #expect(traditional.stderr.contains("'杨浦区建设和管理委員会' is a unit the register named nowhere before, and may be 杨浦区建设和管理委员会 "),
            "\(traditional.stderr)")
    let (_, imported) = try importSheet("""
      项目代码,事项类型,形成日期,文号,责任单位
      \(code),bidding.contract,2026-11-05,HT-1,杨浦区建设和馆理委员会

      """, named: "rows.csv", in: folder, db)
    #expect(imported.status == 0)
    #expect(imported.stderr.contains(":2: 责任单位: '杨浦区建设和馆理委员会' is a unit the register named nowhere before, and may be "
      + "杨浦区建设和管理委员会 "), "\(imported.stderr)")
    // Of one length, either may be the one written wrong: the warning says so
    #expect(typo.stderr.contains("(the two the other way round if 杨浦区建设和管理委员会 is the one written wrong)"), "\(typo.stderr)")
    // Another body a character off, read otherwise, is not asked about
    #expect(try gongkai(["project", "add", "2026-310110-48-01-000624", "--name", "学校", "--unit", "杨浦区民政局"] + db).stderr.isEmpty)
    #expect(try gongkai(["project", "add", "2026-310110-48-01-000625", "--name", "学校二期", "--unit", "杨浦区财政局"] + db).stderr.isEmpty)
    #expect(try gongkai(["project", "add", "2026-310110-48-01-000626", "--name", "学校三期", "--unit", "杨浦区民正局"] + db)
      .stderr.contains("may be 杨浦区民政局 written otherwise"))
  }

  /// A filter naming no unit is told the units likely meant, the likeliest first: a character lost before a longer name
  /// it abbreviates.
  @Test func aFilterNamingNoUnitIsToldTheLikeliestUnitsMeant() throws {
    let code = "2026-310110-48-01-000631"
    let (_, db) = try registerWithProject(code, unit: "上海市杨浦区审计局")
    #expect(try gongkai(["project", "add", "2026-310110-48-01-000632", "--name", "审计楼", "--unit", "杨浦区审计局"] + db).status == 0)
    let check = try gongkai(["check", "--unit", "杨浦区审计"] + db)
    #expect(check.status == 65)
    #expect(check.stderr == "gongkai: --unit '杨浦区审计' is the responsible unit of no project or milestone; did you mean '杨浦区审计局' "
      + "or '上海市杨浦区审计局'?\n")
  }
}
