import GongkaiCore
import Testing

/// A unit written two ways is two units in the alerts and the report: the ways a clerk writes one unit otherwise are
/// recognised, and two units of one district are not taken for one.
@Suite struct UnitNameTests {
  @Test(arguments: [
    ("杨浦发改委", "杨浦区发展和改革委员会"),  // an abbreviation
    ("区建管委", "杨浦区建设和管理委员会"),
    ("杨浦区教育局", "上海市杨浦区教育局"),  // the city's name before it
    ("杨浦区建设与管理委员会", "杨浦区建设和管理委员会"),  // one character off
    ("杨浦区 教育局", "杨浦区教育局"),  // spaced
    ("杨浦区第１中学", "杨浦区第1中学"),  // a full-width digit
  ])
  func oneUnitWrittenAnotherWayIsRecognisedEitherWayRound(_ given: String, _ registered: String) {
    #expect(UnitName(given).mayName(theUnitOf: UnitName(registered)))
    #expect(UnitName(registered).mayName(theUnitOf: UnitName(given)))
  }

  @Test(arguments: [
    ("杨浦区教育局", "杨浦区发展和改革委员会"),
    ("杨浦区绿化和市容管理局", "杨浦区建设和管理委员会"),  // shares 杨浦区, 和, 管理 but not in order with all its characters
    ("杨浦区教育局", "杨浦区卫健委"),  // the same length, two characters off
    ("区委", "杨浦区发展和改革委员会"),  // two characters abbreviate too many names to say
    ("杨浦区教育局", "杨浦区教育局"),  // the same name is no other way of writing it
  ])
  func otherUnitsAndTheSameNameAreNot(_ given: String, _ registered: String) {
    #expect(!UnitName(given).mayName(theUnitOf: UnitName(registered)))
  }
}
