import GongkaiCore
import GongkaiStore

extension StoredMilestone {
  /// The day formed as first recorded, where amendments moved it (and not back): what every output that states a
  /// deadline counted from the day amended says beside it (the audit CSV, the notices' timeline, the open data).
  var formedOnAsFirstRecorded: CivilDate? {
    amendments?.originalFormedOn.flatMap { $0 == milestone.formedOn ? nil : $0 }
  }
}
