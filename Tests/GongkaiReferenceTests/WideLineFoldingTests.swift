import Testing
@testable import GongkaiReference

/// Chinese text wrapped over several lines of a YAML file reads as one line without spaces between the
/// characters, and everything else folds as YAML says.
@Suite struct WideLineFoldingTests {
  func value(_ text: String) throws -> String {
    try YAMLValue.parse(text, file: "f.yaml").mapping(keys: ["v"]).required("v").string()
  }

  @Test(arguments: [
    // A plain scalar wrapped between Chinese characters, or after Chinese punctuation.
    ("v: 施工单位未按规定设置临边防护，\n  责令改正并处罚款3万元", "施工单位未按规定设置临边防护，责令改正并处罚款3万元"),
    ("v: 杨浦滨江\n  公共空间\n  贯通工程", "杨浦滨江公共空间贯通工程"),
    // A `>` block: folded lines join, an empty line stays a line break, the final break is YAML's.
    ("v: >\n  甲乙丙，\n  丁戊\n\n  己庚\n", "甲乙丙，丁戊\n己庚\n"),
    ("v: >-\n  甲乙\n  丙丁\n", "甲乙丙丁"),
    // A break beside a Latin letter or digit folds into a space, as YAML says.
    ("v: 一期工程 Phase\n  1 二期", "一期工程 Phase 1 二期"),
    ("v: 罚款3万元\n  A区", "罚款3万元 A区"),
    // A space typed inside a line is kept.
    ("v: 杨浦 滨江", "杨浦 滨江"),
    ("v: >\n  杨浦 滨江\n  工程\n", "杨浦 滨江工程\n"),
    // Korean puts spaces between words.
    ("v: 공사\n  계획", "공사 계획"),
    // A literal block keeps its lines; a quoted value folds as YAML says.
    ("v: |\n  第一行\n  第二行\n", "第一行\n第二行\n"),
    ("v: \"第一行\n  第二行\"", "第一行 第二行"),
  ])
  func foldsBreaksBetweenWideCharactersIntoNothing(text: String, expected: String) throws {
    #expect(try value(text) == expected)
  }

  /// Where the lines cannot be found again exactly, the value is YAML's: a space too many, never a word lost.
  @Test(arguments: [
    ("v: 第一行\n  第二行  # 注释", "第一行 第二行"),
    ("v: >\n  第一行\n    缩进行\n  第三行\n", "第一行\n  缩进行\n第三行\n"),
  ])
  func keepsYAMLsValueWhereTheLinesAreNotPlain(text: String, expected: String) throws {
    #expect(try value(text) == expected)
  }
}
