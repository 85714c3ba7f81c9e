import GongkaiCore

/// What an export wrote: how many records, and the years without an official holiday schedule that the
/// deadlines and counts in them rest on. The command names those years in a warning, because a file handed to
/// evaluators or the public must not state a provisional date as final without anyone being told.
public struct ExportResult: Sendable {
  public internal(set) var records = 0
  public internal(set) var unscheduledYears = Set<Int>()

  /// Counts `finding` among the unscheduled years, if what the export states of it rests on any: its counts of
  /// working days only where the export states them.
  mutating func note(_ finding: Finding, calendar: WorkingDayCalendar, stating counts: Finding.StatedCounts) {
    unscheduledYears.formUnion(calendar.unscheduledYears(of: finding, stating: counts))
  }
}
