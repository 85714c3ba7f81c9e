import GongkaiCore
import GongkaiStore

/// The publications whose 索引号 a milestone's feed entry has had, in turn, as the register recorded, withdrew and
/// reinstated them: the entry takes the 索引号 of the earliest publication in force, which a publication dated earlier
/// but recorded later, a withdrawal or a reinstatement can change. Each number the entry gave up is one its readers
/// may hold, and the feed must name deleted.
struct EntryNumbers {
  /// A number the entry gave up: the publication's, when, and why.
  struct GivenUp {
    let serial: NoticeSerial
    let at: String
    let cause: Cause
  }

  enum Cause {
    /// The publication was withdrawn as recorded by mistake, for this reason.
    case withdrawn(String)
    /// A publication dated earlier was recorded.
    case earlierRecorded
    /// A publication dated earlier was reinstated.
    case earlierReinstated
  }

  private struct Publication {
    let publishedOn: CivilDate
    let serial: NoticeSerial
    var withdrawal: String?
    /// Orders as the entry chooses: the earliest day, then the first recorded that day.
    var order: (CivilDate, Int, Int) { (publishedOn, serial.year, serial.number) }
  }

  private enum Change {
    case added(Int, reinstated: Bool)
    case removed(Int)
  }

  private var publications: [Publication] = []
  /// In the order they were made: by instant, a publication's withdrawal never before its recording nor a reinstatement
  /// before the withdrawal it undoes (a clock set back between them would put them so), and in the order noted.
  private var changes: [(order: String, at: String, change: Change)] = []

  private mutating func note(_ at: String, notBefore earlier: String = "", _ change: Change) {
    changes.append((max(at, earlier), at, change))
  }

  /// From a milestone's publications public by `asOf`, in force and withdrawn; those without the instants the change
  /// log gives (edited outside gongkai) are left out.
  init(_ stored: StoredMilestone, asOf: CivilDate) {
    let reinstated = Dictionary(stored.reinstatedPublications.map { ($0.id, $0) }) { first, _ in first }
    // In the order they were recorded, which two recorded within one second share the instant of.
    let recorded = stored.recordedDisclosures
    let recordingOrder = stored.milestone.disclosures.indices.sorted { recorded[$0].id < recorded[$1].id }
    for position in recordingOrder where stored.milestone.disclosures[position].publishedOn <= asOf {
      let (disclosure, record) = (stored.milestone.disclosures[position], recorded[position])
      let index = publications.count
      publications.append(Publication(publishedOn: disclosure.publishedOn, serial: record.serial))
      note(record.recordedAt, .added(index, reinstated: false))
      if let back = reinstated[record.id], !back.withdrawnAt.isEmpty {
        note(back.withdrawnAt, notBefore: record.recordedAt, .removed(index))
        note(back.reinstatedAt, notBefore: max(back.withdrawnAt, record.recordedAt), .added(index, reinstated: true))
      }
    }
    for withdrawn in stored.withdrawnPublications where withdrawn.publishedOn <= asOf && !withdrawn.withdrawnAt.isEmpty {
      let index = publications.count
      publications.append(Publication(publishedOn: withdrawn.publishedOn, serial: withdrawn.serial, withdrawal: withdrawn.reason))
      note(withdrawn.recordedAt, .added(index, reinstated: false))
      note(withdrawn.withdrawnAt, notBefore: withdrawn.recordedAt, .removed(index))
    }
    changes = changes.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element)
  }

  /// Replays the changes up to `until` (all of them when `nil`): the numbers given up on the way, and the publication
  /// the entry has at the end, with the reason it was withdrawn for when it was.
  private func replay(until: String? = nil) -> (givenUp: [GivenUp], holder: (serial: NoticeSerial, withdrawal: String?)?) {
    var inForce = Set<Int>()
    var holder: Int?
    var givenUp: [GivenUp] = []
    for (order, at, change) in changes where until.map({ order <= $0 }) ?? true {
      var cause = Cause.earlierRecorded
      switch change {
      case .added(let index, let reinstated):
        inForce.insert(index)
        if reinstated { cause = .earlierReinstated }
      case .removed(let index):
        inForce.remove(index)
        cause = .withdrawn(publications[index].withdrawal ?? "")
      }
      let next = inForce.min { publications[$0].order < publications[$1].order }
      if let held = holder, next != held { givenUp.append(GivenUp(serial: publications[held].serial, at: at, cause: cause)) }
      holder = next
    }
    return (givenUp, holder.map { (publications[$0].serial, publications[$0].withdrawal) })
  }

  /// Whether the entry of `stored` may have had another number than its earliest publication's: not while that was
  /// recorded first and no publication was withdrawn or reinstated, as for nearly every milestone, which the notice
  /// export then asks nothing more (it reads millions).
  static func mayHaveChanged(_ stored: StoredMilestone, asOf: CivilDate) -> Bool {
    guard stored.withdrawnPublications.isEmpty, stored.reinstatedPublications.isEmpty else { return true }
    guard let first = stored.firstPublication(by: asOf) else { return false }
    let recorded = stored.recordedDisclosures
    return stored.milestone.disclosures.indices.contains { position in
      stored.milestone.disclosures[position].publishedOn <= asOf
        && (recorded[position].recordedAt, recorded[position].id) < (recorded[first].recordedAt, recorded[first].id)
    }
  }

  /// Every number the entry gave up.
  var givenUp: [GivenUp] { replay().givenUp }

  /// The publication whose number the entry had at `instant`, and the reason it was withdrawn for since, if it was;
  /// `nil` when none was public then.
  func holder(at instant: String) -> (serial: NoticeSerial, withdrawal: String?)? { replay(until: instant).holder }
}
