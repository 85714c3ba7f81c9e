import GongkaiCore

/// A project's milestones in force of one kind and day, by their 文号: what tells whether an entry about to be added
/// is most likely one of them with its 文号 filled in since, left out, or typed otherwise (杨竣[2026]5号 for
/// 杨竣〔2026〕5号).
struct SameDayMilestones {
  typealias Milestone = (id: Int64, reference: String?)

  /// The milestones without a 文号 (NULL or empty, as stored), by id: one at most, as the natural key holds it.
  private var unreferenced: [Milestone] = []
  /// The milestones with a 文号 by the look-alike form of it, each form's by id.
  private var byForm: [String: [Milestone]] = [:]
  private(set) var count = 0

  init(_ milestones: some Sequence<Milestone>) {
    for milestone in milestones { add(milestone) }
  }

  mutating func add(_ milestone: Milestone) {
    count += 1
    guard let form = Self.form(of: milestone.reference) else { return Self.insert(milestone, into: &unreferenced) }
    Self.insert(milestone, into: &byForm[form, default: []])
  }

  mutating func remove(_ milestone: Milestone) {
    let removed: Bool
    if let form = Self.form(of: milestone.reference) {
      removed = Self.remove(milestone.id, from: &byForm[form, default: []])
      if byForm[form]?.isEmpty == true { byForm[form] = nil }
    } else {
      removed = Self.remove(milestone.id, from: &unreferenced)
    }
    if removed { count -= 1 }
  }

  /// The first milestone, by id, whose 文号 is missing where the entry gives one, given where the entry's is
  /// missing, the entry's typed otherwise, or the same long number with the digits past the fifteenth zeroed in one
  /// of the two, as a spreadsheet leaves it.
  func lookAlike(of given: String?) -> Milestone? {
    guard let given, Self.form(of: given) != nil else { return byForm.values.compactMap(\.first).min { $0.id < $1.id } }
    let zeroed = byForm.values.joined().filter { $0.reference.map { MilestoneEntry.areOneNumberZeroedBySpreadsheet($0, given) } ?? false }
    return [unreferenced.first, typedOtherwise(given), zeroed.min { $0.id < $1.id }].compactMap { $0 }.min { $0.id < $1.id }
  }

  /// The first milestone, by id, whose 文号 is `given` typed otherwise: the same document, for certain, where one
  /// without a 文号 may be another. Milestone `except` (one amended) is not another.
  func typedOtherwise(_ given: String?, except: Int64? = nil) -> Milestone? {
    guard let form = Self.form(of: given) else { return nil }
    return byForm[form]?.first { $0.reference != given && $0.id != except }
  }

  private static func form(of reference: String?) -> String? {
    guard let reference, !reference.isEmpty else { return nil }
    return DocumentNumber.lookAlike(reference)
  }

  /// In id order, found from the end: a transaction adds milestones after those it read, and puts back few.
  private static func insert(_ milestone: Milestone, into list: inout [Milestone]) {
    let position = list.lastIndex { $0.id < milestone.id }.map { $0 + 1 } ?? 0
    list.insert(milestone, at: position)
  }

  private static func remove(_ id: Int64, from list: inout [Milestone]) -> Bool {
    guard let position = list.lastIndex(where: { $0.id == id }) else { return false }
    list.remove(at: position)
    return true
  }
}

/// The busy days an import has read in one transaction: where a project's day holds many milestones of one kind (bid
/// results told apart by their 文号), reading them for every row added made an import quadratic in their number. A
/// day read with many is kept, and kept true by every milestone the transaction writes, so that each row added costs
/// the same however many share its day.
struct BusyDays {
  struct Day: Hashable {
    let projectId: Int64
    let formedOn: String
    let kind: String
  }

  /// Below this many milestones a day, reading them again costs less than keeping them.
  static let busy = 32
  /// Milestones kept at most, about 150 bytes each: a transaction that would keep more starts again, and a single day
  /// that grows past it is read again for every row.
  static let keptAtMost = 100_000

  private var days: [Day: SameDayMilestones] = [:]
  private var kept = 0

  subscript(day: Day) -> SameDayMilestones? { days[day] }

  /// Keeps a day just read, when it is busy.
  mutating func keep(_ milestones: SameDayMilestones, on day: Day) {
    guard milestones.count >= Self.busy, milestones.count <= Self.keptAtMost else { return }
    if kept + milestones.count > Self.keptAtMost { forgetAll() }
    days[day] = milestones
    kept += milestones.count
  }

  mutating func inserted(_ milestone: MilestoneRecord) {
    guard milestone.withdrawnReason == nil else { return }
    guard kept < Self.keptAtMost else { return forget(milestone.day) }
    change(milestone.day) { $0.add(milestone.kept) }
  }

  /// A milestone withdrawn, put back, or moved to another day or 文号 leaves its old day and joins its new one.
  mutating func updated(_ milestone: MilestoneRecord, from old: MilestoneRecord) {
    guard milestone.day != old.day || milestone.reference != old.reference
      || (milestone.withdrawnReason == nil) != (old.withdrawnReason == nil)
    else { return }
    if old.withdrawnReason == nil { change(old.day) { $0.remove(old.kept) } }
    if milestone.withdrawnReason == nil { inserted(milestone) }
  }

  private mutating func change(_ day: Day, _ body: (inout SameDayMilestones) -> Void) {
    guard var milestones = days.removeValue(forKey: day) else { return }
    kept -= milestones.count
    body(&milestones)
    days[day] = milestones
    kept += milestones.count
  }

  private mutating func forget(_ day: Day) {
    kept -= days.removeValue(forKey: day)?.count ?? 0
  }

  private mutating func forgetAll() {
    days.removeAll(keepingCapacity: true)
    kept = 0
  }
}

extension MilestoneRecord {
  fileprivate var day: BusyDays.Day { BusyDays.Day(projectId: projectId, formedOn: formedOn, kind: kind) }
  fileprivate var kept: SameDayMilestones.Milestone { (id!, reference) }
}
