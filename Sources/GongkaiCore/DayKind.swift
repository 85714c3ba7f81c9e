/// What kind of day a date is under the official schedule.
public enum DayKind: String, Sendable {
  /// Monday to Friday outside any rest period.
  case workday
  /// Saturday or Sunday, not worked.
  case weekend
  /// A day off of an official holiday (including a weekend day inside its rest period).
  case restDay = "rest-day"
  /// A Saturday or Sunday worked in exchange for a holiday (调休上班).
  case swappedWorkday = "swapped-workday"

  public var isWorkingDay: Bool { self == .workday || self == .swappedWorkday }
}
