import GongkaiCore

/// The profile of a register that records none.
public enum RegisterProfile {
  /// A register created without --profile, and every register of a gongkai before profiles were recorded
  /// (`v5-register-profile`), is kept under the national rules.
  public static let national = "national"
}

/// The settings a new register is created with, recorded as ``Store/setProfile(_:actor:today:)`` and
/// ``Store/setOrganisation(_:actor:)`` record a change.
public struct InitialSettings: Sendable {
  /// The rules of the profile, whose name (`national+shanghai`) ``Store/profile()`` gives; `nil` for the national one.
  public let rules: RuleCatalogue?
  /// The organisation code of the register's 索引号 (``Store/organisation()``), if one is given.
  public let organisation: String?
  /// Who creates the register, for the change log.
  public let actor: String
  /// Today in China, as ``Store/setProfile(_:actor:today:)`` takes it.
  public let today: CivilDate

  public init(rules: RuleCatalogue?, organisation: String? = nil, actor: String, today: CivilDate) {
    self.rules = rules
    self.organisation = organisation
    self.actor = actor
    self.today = today
  }
}

/// An item kind the register's milestones are of: how many, and the first of them.
public struct KindInUse: Equatable, Sendable {
  public let kind: String
  public let count: Int
  public let first: Int64

  public init(kind: String, count: Int, first: Int64) {
    self.kind = kind
    self.count = count
    self.first = first
  }

  /// `construction.site-sign (milestone 7), bidding.other (3 milestones, e.g. 12)`, for messages.
  public static func list(_ kinds: [KindInUse]) -> String {
    kinds.map { "\($0.kind) (\($0.count == 1 ? "milestone \($0.first)" : "\($0.count) milestones, e.g. \($0.first)"))" }
      .joined(separator: ", ")
  }
}

/// A publication in force dated before its milestone, which a profile may not admit
/// (``StoreError/publicationsAheadOutsideProfile(_:_:)``).
public struct PublicationAhead: Equatable, Sendable {
  public let disclosure: Int64
  public let published: CivilDate
  public let kind: String
  public let formed: CivilDate
  /// Of a milestone that changes another, which a rule's `change-period` governs.
  public let isChange: Bool

  public init(disclosure: Int64, published: CivilDate, kind: String, formed: CivilDate, isChange: Bool) {
    self.disclosure = disclosure
    self.published = published
    self.kind = kind
    self.formed = formed
    self.isChange = isChange
  }

  /// How many publications ``list(_:)`` names by their number alone after the first three, described.
  static let numbersListed = 50

  /// `disclosure 17 (published 2026-03-05, milestone formed 2026-03-10), …, and disclosures 31, 44`: the first three
  /// described, the next by number, so that each can be withdrawn.
  public static func list(_ publications: [PublicationAhead]) -> String {
    let described = publications.prefix(3).map {
      "disclosure \($0.disclosure) (published \($0.published), milestone formed \($0.formed))"
    }.joined(separator: ", ")
    let numbered = publications.dropFirst(3)
    guard !numbered.isEmpty else { return described }
    let numbers = numbered.prefix(numbersListed).map { "\($0.disclosure)" }.joined(separator: ", ")
    let unnamed = numbered.count - min(numbered.count, numbersListed)
    return "\(described), and disclosure\(numbered.count == 1 ? "" : "s") \(numbers)" + (unnamed > 0 ? " and \(unnamed) more" : "")
  }

  /// `bidding.tender-notice, approval-result.eia-submission-notice`: each kind once, in the order first met.
  public static func kinds(_ publications: [PublicationAhead]) -> [String] { eachOnce(publications.map(\.kind)) }

  /// `under P, a publication of K before its milestone reads as a mistyped date, and the register holds …; a profile
  /// that …`: what `init --change-profile` refuses and `doctor` reports, with both ways out.
  public static func problem(_ publications: [PublicationAhead], under profile: String) -> String {
    "under \(profile), a publication of \(kinds(publications).joined(separator: ", ")) before its milestone reads as a mistyped "
      + "date, and the register holds \(list(publications)); \(remedy(publications))"
  }

  /// The two ways out: a profile under which these publications may come first (`period: by-trigger-day`, or
  /// `change-period:` for a change, for that kind or those kinds), or each record withdrawn and made anew.
  static func remedy(_ publications: [PublicationAhead]) -> String {
    let field = byTriggerDayField(forChanges: publications.map(\.isChange))
    return "a profile that gives \(kinds(publications).count == 1 ? "that kind" : "those kinds") \(field) admits "
      + "\(publications.count == 1 ? "it" : "them"); otherwise withdraw each such record (`gongkai withdraw --disclosure "
      + "\(publications.first?.disclosure ?? 0) --reason …`) and record the publication again with its right date"
  }
}

/// A milestone in force formed after the day it was asked on, which a profile may not admit
/// (``StoreError/milestonesAheadOutsideProfile(_:_:_:)``).
public struct MilestoneAhead: Equatable, Sendable {
  public let milestone: Int64
  public let kind: String
  public let formed: CivilDate
  /// Of a milestone that changes another, which a rule's `change-period` governs.
  public let isChange: Bool

  public init(milestone: Int64, kind: String, formed: CivilDate, isChange: Bool) {
    self.milestone = milestone
    self.kind = kind
    self.formed = formed
    self.isChange = isChange
  }

  /// `under P, bidding.tender-notice may not be recorded for a day to come, and the register holds milestone 3 (formed
  /// 2026-12-20), after today (2026-12-02); …`: what `init --change-profile` refuses and `doctor` reports, with the
  /// ways out.
  public static func problem(_ milestones: [MilestoneAhead], under profile: String, today: CivilDate) -> String {
    let items = eachOnce(milestones.map { "\($0.isChange ? "a change of " : "")\($0.kind)" })
    let listed = milestones.map { "milestone \($0.milestone) (formed \($0.formed))" }.listed(atMost: PublicationAhead.numbersListed)
    let field = byTriggerDayField(forChanges: milestones.map(\.isChange))
    let first = milestones.first?.milestone ?? 0
    return "under \(profile), \(items.joined(separator: ", ")) may not be recorded for a day to come, and the register holds "
      + "\(listed), after today (\(today)), which no check judges until then; a profile that gives "
      + "\(eachOnce(milestones.map(\.kind)).count == 1 ? "that kind" : "those kinds") \(field) admits up to \(Disclosure.longestLead) "
      + "days ahead; otherwise correct each date (`gongkai amend \(first) --date … --reason …`) or withdraw the record "
      + "(`gongkai withdraw \(first) --reason …`)"
  }
}

/// A milestone in force that changes one of a kind the rules do not let its kind change.
public struct LinkRefused: Equatable, Sendable {
  public let milestone: Int64
  public let kind: String
  /// The milestone it changes, and that one's kind.
  public let changed: Int64
  public let changedKind: String

  public init(milestone: Int64, kind: String, changed: Int64, changedKind: String) {
    self.milestone = milestone
    self.kind = kind
    self.changed = changed
    self.changedKind = changedKind
  }

  /// `under P, a milestone of K may not change one of C, and milestone 5 changes milestone 4; …`: what
  /// `init --change-profile` refuses and `doctor` reports, with the ways out.
  public static func problem(_ links: [LinkRefused], under profile: String) -> String {
    let pairs = eachOnce(links.map { "a milestone of \($0.kind) may not change one of \($0.changedKind)" })
    let listed = links.map { "milestone \($0.milestone) changes milestone \($0.changed)" }.listed(atMost: PublicationAhead.numbersListed)
    let first = links.first?.milestone ?? 0
    return "under \(profile), \(pairs.joined(separator: ", ")), and \(listed); a profile that lists the kind changed under "
      + "`changes:` (or `withdraws:`) of the kind that changes it admits the link; otherwise link each to the milestone it "
      + "does change (`gongkai amend \(first) --changes ID --reason …`) or to none (`--no-changes`)"
  }
}

/// The field of a profile's rule that admits records ahead of their day, for records that are changes (`true`) or not:
/// `change-period` governs a change, `period` any other.
private func byTriggerDayField(forChanges isChange: [Bool]) -> String {
  switch (isChange.contains(false), isChange.contains(true)) {
  case (true, true): "`period: by-trigger-day` (`change-period: by-trigger-day` for a change)"
  case (false, _): "`change-period: by-trigger-day`"
  case (true, false): "`period: by-trigger-day`"
  }
}

/// Each value once, in the order first met.
private func eachOnce(_ values: [String]) -> [String] {
  var seen: Set<String> = []
  return values.filter { seen.insert($0).inserted }
}
