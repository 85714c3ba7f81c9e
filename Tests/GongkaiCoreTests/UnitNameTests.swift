import GongkaiCore
import Testing

/// A unit written two ways is two units in the alerts and the report: the ways a clerk writes one unit otherwise are
/// recognised, and the units of one district are not taken for one another.
@Suite struct UnitNameTests {
  @Test(arguments: [
    ("杨浦区 教育局", "杨浦区教育局", UnitName.Resemblance.sameCharacters),
    ("区 建委", "区建委", .sameCharacters),
    ("杨浦区第１中学", "杨浦区第1中学", .sameCharacters),
    ("杨浦区建设与管理委员会", "杨浦区建设和管理委员会", .connectiveSwapped),
    ("杨浦发改委", "杨浦区发展和改革委员会", .abbreviation),
    ("区建管委", "杨浦区建设和管理委员会", .abbreviation),
    ("杨浦区教育局", "上海市杨浦区教育局", .abbreviation),
  ])
  func oneUnitWrittenAnotherWayIsRecognisedEitherWayRound(_ given: String, _ registered: String, _ resemblance: UnitName.Resemblance) {
    #expect(UnitName(given).resemblance(to: UnitName(registered)) == resemblance)
    #expect(UnitName(registered).resemblance(to: UnitName(given)) == resemblance)
  }

  @Test(arguments: [
    ("杨浦区教育局", "杨浦区发展和改革委员会"),
    ("杨浦区绿化和市容管理局", "杨浦区建设和管理委员会"),
    // one character off is what tells two bodies apart
    ("杨浦区财政局", "杨浦区民政局"), ("杨浦区体育局", "杨浦区教育局"), ("杨浦区统计局", "杨浦区审计局"),
    ("长海路街道办事处", "定海路街道办事处"), ("杨浦区第二中学", "杨浦区第一中学"),
    // a body of another begins with its name
    ("杨浦区人民政府", "杨浦区人民政府办公室"), ("杨浦区教育局", "杨浦区教育局基建办公室"),
    // two characters abbreviate too many names to say
    ("区委", "杨浦区发展和改革委员会"),
    ("杨浦区教育局", "杨浦区教育局"),
  ])
  func otherUnitsAndTheSameNameAreNot(_ given: String, _ registered: String) {
    #expect(UnitName(given).resemblance(to: UnitName(registered)) == nil)
    #expect(UnitName(registered).resemblance(to: UnitName(given)) == nil)
  }
}
