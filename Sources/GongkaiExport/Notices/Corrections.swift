import GongkaiCore
import GongkaiStore

/// The last day that the register corrected something an item's feed entry shows: the item amended (its summary,
/// 文号 or date), a publication of it corrected (its address or end changed, or withdrawn as made by mistake, which
/// can move the publication the entry shows), a change of it amended (the entry names the change by its 文号), or a
/// change of it withdrawn as a record made by mistake (the item is in force again). Feed readers show an entry again
/// only when its `updated` moves on; dated by publications alone, an entry would go back in time when a change was
/// taken back, and its readers would never learn of it. A correction after the as-of day counts as made on it: the
/// entry shows the register as it is, corrections included, and is dated no later than the day it is exported as of.
struct Corrections {
  private let days: [Int64: CivilDate]

  /// From all of one project's milestones, the withdrawn records among them.
  init(_ milestones: [StoredMilestone], asOf: CivilDate) {
    var days: [Int64: CivilDate] = [:]
    func note(_ id: Int64, _ instant: String?) {
      guard let instant, let recorded = try? CivilDate(parsing: instant.prefix(10)) else { return }
      let day = min(recorded, asOf)
      days[id] = max(days[id] ?? day, day)
    }
    for stored in milestones {
      note(stored.milestone.id, stored.amendments?.lastAt)
      note(stored.milestone.id, stored.publicationsCorrectedAt)
      guard let changed = stored.milestone.changes else { continue }
      note(changed, stored.amendments?.lastAt)
      note(changed, stored.withdrawnAt)
    }
    self.days = days
  }

  /// The day of the latest correction of what the entry of milestone `id` shows, or `nil` when there was none.
  func lastDay(of id: Int64) -> CivilDate? { days[id] }
}
