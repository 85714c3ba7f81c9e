import GongkaiCore
import GongkaiStore

extension Checker {
  /// The status of the milestone judged from the day formed its first amendment replaced (原信息形成日期), as of `asOf`;
  /// `nil` when no amendment moved its day, or when the calendar cannot count from that day. A date amended later
  /// moves the deadline with it: the audit CSV shows the two statuses side by side and the year's report counts the
  /// items whose status the amendment turned, for an evaluator to check each.
  func statusFromOriginalDay(of stored: StoredMilestone, asOf: CivilDate) -> FindingStatus? {
    findingFromOriginalDay(of: stored, asOf: asOf)?.status
  }

  /// The milestone judged from the day formed its first amendment replaced: the open data states its public status
  /// (``GongkaiCore/Finding/publicStatus``), as it states the milestone's own, so that the two compare.
  func findingFromOriginalDay(of stored: StoredMilestone, asOf: CivilDate) -> Finding? {
    guard let day = stored.formedOnAsFirstRecorded else { return nil }
    var milestone = stored.milestone
    milestone.formedOn = day
    return (try? judge(milestone, asOf: asOf)) ?? nil
  }
}
