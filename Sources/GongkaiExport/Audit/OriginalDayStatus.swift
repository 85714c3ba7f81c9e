import GongkaiCore
import GongkaiStore

extension Checker {
  /// The status of the milestone judged from the day formed its first amendment replaced (原信息形成日期), as of `asOf`;
  /// `nil` when no amendment moved its day, or when the calendar cannot count from that day. A date amended later
  /// moves the deadline with it: the audit CSV shows the two statuses side by side and the year's report counts the
  /// items whose status the amendment turned, for an evaluator to check each.
  func statusFromOriginalDay(of stored: StoredMilestone, asOf: CivilDate) -> FindingStatus? {
    guard let day = stored.formedOnAsFirstRecorded else { return nil }
    var milestone = stored.milestone
    milestone.formedOn = day
    return (try? judge(milestone, asOf: asOf))?.status
  }
}

extension StoredMilestone {
  /// The day formed as first recorded, where amendments moved it (and not back): what every output that states a
  /// deadline counted from the day amended says beside it.
  var formedOnAsFirstRecorded: CivilDate? {
    amendments?.originalFormedOn.flatMap { $0 == milestone.formedOn ? nil : $0 }
  }
}
