import GongkaiCore
import GongkaiStore

/// When the register last corrected something an item's feed entry shows: the item amended or imported again with other
/// values (its summary, 文号, date or unit), a publication of it corrected (its address or end changed, or withdrawn as
/// made by mistake or reinstated, which can move the publication the entry shows), a change of it amended or imported
/// again (the entry names the change by its 文号), a change of it withdrawn as a record made by mistake, or a publication
/// of a change corrected so (which can leave the change unpublished, or publish it again), or a change that named it
/// made to name another or none (in either case the item is in force again), or a change recorded before made to name
/// it, or it, a change of it or its project reinstated after a withdrawal made by mistake (the feed had named the item
/// deleted, or shown it without the change), or its project given its right code (the item's page moved), renamed (the
/// entry's title names it) or given another unit (the entry's author, for an item that follows its project's unit).
/// Feed readers show an entry again only when its `updated` moves on; dated by publications alone, an entry would go
/// back in time when a change was taken back, and its readers would never learn of it. The instant, not the day: a
/// mistake exported and corrected the same day moves the entry too. A correction after the as-of day counts as made at
/// its end: the entry shows the register as it is, corrections included, and is dated no later than the day it is
/// exported as of.
struct Corrections {
  private let instants: [Int64: String]

  /// From all of one project's milestones, the withdrawn records among them, and when the project was last renamed
  /// (every entry's title names it) or given another unit (the author of every entry whose milestone follows it).
  init(_ milestones: [StoredMilestone], labelChanges: ProjectLabelChanges?, asOf: CivilDate) {
    var instants: [Int64: String] = [:]
    let latest = FeedInstant.endOf(asOf)
    func note(_ id: Int64, _ instant: String?) {
      // Instants the change log records in China Standard Time, `2026-11-27T09:00:00+08:00`, compare as text.
      guard let instant, instant.utf8.count == latest.utf8.count else { return }
      let dated = min(instant, latest)
      instants[id] = max(instants[id] ?? dated, dated)
    }
    for stored in milestones {
      note(stored.milestone.id, labelChanges?.renamedAt)
      // A milestone of a unit of its own (one kept under the unit it had when its project moved) keeps its author.
      if !stored.hasOwnUnit { note(stored.milestone.id, labelChanges?.unitChangedAt) }
      note(stored.milestone.id, stored.amendments?.lastAt)
      note(stored.milestone.id, stored.publicationsCorrectedAt)
      note(stored.milestone.id, stored.linksMovedAt)
      note(stored.milestone.id, stored.shownAgainAt)
      note(stored.milestone.id, stored.editedAt)
      guard let changed = stored.milestone.changes else { continue }
      note(changed, stored.amendments?.lastAt)
      note(changed, stored.editedAt)
      note(changed, stored.withdrawnAt)
      note(changed, stored.shownAgainAt)
      // A change's publication withdrawn as made by mistake can leave the change unpublished, the item in force again;
      // reinstated, it publishes the change again.
      note(changed, stored.publicationsCorrectedAt)
    }
    self.instants = instants
  }

  /// The instant of the latest correction of what the entry of milestone `id` shows, or `nil` when there was none.
  func last(of id: Int64) -> String? { instants[id] }
}

/// The feed's instants, in China Standard Time as the change log records them.
enum FeedInstant {
  /// The start of a day: what a publication or a change's publication dates an entry by.
  static func startOf(_ day: CivilDate) -> String { "\(day)T00:00:00+08:00" }
  /// The last second of a day: the latest an entry exported as of that day is dated.
  static func endOf(_ day: CivilDate) -> String { "\(day)T23:59:59+08:00" }
  /// What a publication dates an entry by: the instant it was recorded, when that was within
  /// ``lateRecordingDays`` of the day it went public (no later than the end of the as-of day), else the start of
  /// that day. Recorded the day it went up, it comes after the corrections recorded before it that day (a project
  /// reinstated that morning with fifty items would otherwise push it out of the feed's latest entries); recorded days
  /// late, it is new to the feed's readers, who sync by `updated`, and would otherwise sort among entries they have
  /// seen, or below the feed's latest; recorded later still, it is history (a backfill of past years), which keeps its
  /// own day rather than push the current publications out.
  static func of(publishedOn day: CivilDate, recordedAt: String, asOf: CivilDate) -> String {
    guard let recordedOn = CivilDate(recordedAt: recordedAt), recordedOn >= day,
      recordedOn <= day.adding(days: lateRecordingDays)
    else { return startOf(day) }
    return max(min(recordedAt, endOf(asOf)), startOf(day))
  }

  /// How long after a publication went up its recording still makes it news: a month.
  static let lateRecordingDays = 30
}
