import GongkaiCore
import Testing

/// A unit written two ways is two units in the alerts and the report: the ways a clerk writes one unit otherwise are
/// recognised, and the units of one district are not taken for one another.
@Suite struct UnitNameTests {
  /// The readings of the characters these names differ in, as the store gives them from ICU.
  static let readings: [Unicode.Scalar: Set<String>] = [
    "里": ["lǐ"], "理": ["lǐ"], "員": ["yuán"], "员": ["yuán"], "民": ["mín"], "财": ["cái"], "体": ["tǐ"], "教": ["jiào"],
    "统": ["tǒng"], "审": ["shěn"], "长": ["zhǎng", "cháng"], "常": ["cháng"], "定": ["dìng"], "一": ["yī"], "二": ["èr"],
    "杨": ["yáng"], "黄": ["huáng"], "政": ["zhèng"], "正": ["zhèng"], "水": ["shuǐ"], "税": ["shuì"], "福": ["fú"],
    "抚": ["fǔ"],
  ]

  func resemblance(_ given: String, _ other: String) -> UnitName.Resemblance? {
    UnitName(given).resemblance(to: UnitName(other)) { Self.readings[$0] ?? [] }
  }

  @Test(arguments: [
    ("杨浦区 教育局", "杨浦区教育局", UnitName.Resemblance.sameCharacters),
    ("区 建委", "区建委", .sameCharacters),
    ("杨浦区第１中学", "杨浦区第1中学", .sameCharacters),
    ("杨浦区建设与管理委员会", "杨浦区建设和管理委员会", .connectiveSwapped),
    ("杨浦发改委", "杨浦区发展和改革委员会", .abbreviation),
    ("区建管委", "杨浦区建设和管理委员会", .abbreviation),
    ("杨浦区教育局", "上海市杨浦区教育局", .abbreviation),
    ("杨浦区建设和管里委员会", "杨浦区建设和管理委员会", .homophone),
    ("杨浦区建设和管理委員会", "杨浦区建设和管理委员会", .homophone),
    ("杨浦区财正局", "杨浦区财政局", .homophone),
    // a character read several ways, in a place's name
    ("上海市常宁区教育局", "上海市长宁区教育局", .homophone),
  ])
  func oneUnitWrittenAnotherWayIsRecognisedEitherWayRound(_ given: String, _ registered: String, _ resemblance: UnitName.Resemblance) {
    #expect(self.resemblance(given, registered) == resemblance)
    #expect(self.resemblance(registered, given) == resemblance)
  }

  @Test(arguments: [
    ("杨浦区教育局", "杨浦区发展和改革委员会"),
    ("杨浦区绿化和市容管理局", "杨浦区建设和管理委员会"),
    // one character off, read otherwise, is what tells two bodies apart
    ("杨浦区财政局", "杨浦区民政局"), ("杨浦区体育局", "杨浦区教育局"), ("杨浦区统计局", "杨浦区审计局"),
    ("上海市杨浦区教育局", "上海市黄浦区教育局"),
    // a syllable read in another tone
    ("杨浦区水务局", "杨浦区税务局"), ("福州市住房和城乡建设局", "抚州市住房和城乡建设局"),
    ("长海路街道办事处", "定海路街道办事处"), ("杨浦区第二中学", "杨浦区第一中学"),
    // a body of another begins with its name
    ("杨浦区人民政府", "杨浦区人民政府办公室"), ("杨浦区教育局", "杨浦区教育局基建办公室"),
    // two characters abbreviate too many names to say
    ("区委", "杨浦区发展和改革委员会"),
    ("杨浦区教育局", "杨浦区教育局"),
  ])
  func otherUnitsAndTheSameNameAreNot(_ given: String, _ registered: String) {
    #expect(self.resemblance(given, registered) == nil)
    #expect(self.resemblance(registered, given) == nil)
  }

  /// What a filter naming no unit is told it may mean: a typo, counted in characters, not bytes.
  @Test(arguments: [
    ("杨浦区审计", "杨浦区审计局", 1), ("杨浦区建设和管理委圆会", "杨浦区建设和管理委员会", 1),
    ("杨浦区见设和管理委圆会", "杨浦区建设和管理委员会", 2), ("杨浦 区审计", "杨浦区审计局", 1),
  ])
  func aMistypedUnitIsCharactersOffTheOneMeant(_ typed: String, _ meant: String, _ off: Int) {
    #expect(UnitName(typed).charactersOff(UnitName(meant)) == off)
  }

  @Test(arguments: [("杨浦区某局", "杨浦区审计局"), ("教育局", "杨浦区教育局"), ("市档案馆", "杨浦区审计局")])
  func twoCharactersOffAShortNameIsAnotherUnit(_ typed: String, _ registered: String) {
    #expect(UnitName(typed).charactersOff(UnitName(registered)) == nil)
  }
}
