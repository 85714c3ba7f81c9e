import GongkaiCore

/// What reinstating a publication did, and the publication, which its confirmation names.
public struct PublicationReinstatement: Hashable, Sendable {
  public let disclosure: Disclosure
  /// It was in force; nothing was written.
  public let wasInForce: Bool

  public init(disclosure: Disclosure, wasInForce: Bool) {
    self.disclosure = disclosure
    self.wasInForce = wasInForce
  }
}

/// What reinstating a milestone did.
public enum Reinstatement: Hashable, Sendable {
  /// Back in force, with its publications in force, which the notices show again, and the milestones recorded since
  /// with its day and 文号 on another project or under another kind (without a 文号, its day and category on its
  /// project), and those of its project and kind with its 文号 on another day: the correction a withdrawal for the
  /// wrong project, kind or day was followed by, now counted beside it.
  case reinstated(publications: Int, loggedAgain: [Milestone])
  /// It was in force; nothing was written.
  case wasInForce
}

/// What a withdrawal did.
public enum Withdrawal: Hashable, Sendable {
  case withdrawn
  /// It had been withdrawn before, for this reason; nothing was written.
  case alreadyWithdrawn(reason: String)
}

/// What the register keeps of a publication beside what the law asks of it: its id, its notice serial, and who
/// recorded it when. An auditor compares the day recorded with the day published: a publication entered weeks after
/// the day it claims is what a backdated record looks like.
public struct RecordedDisclosure: Hashable, Sendable {
  public var id: Int64
  public var serial: NoticeSerial
  public var recordedBy: String
  /// An ISO 8601 instant in China Standard Time.
  public var recordedAt: String
  /// Its last withdrawal and the reinstatement that undid it, read for the audit CSV only
  /// (``MilestoneFilter/withdrawnPublications``); `nil` for a publication never reinstated, or not read.
  public var reinstated: ReinstatedRecord? = nil

  public init(id: Int64, serial: NoticeSerial, recordedBy: String, recordedAt: String, reinstated: ReinstatedRecord? = nil) {
    self.id = id
    self.serial = serial
    self.recordedBy = recordedBy
    self.recordedAt = recordedAt
    self.reinstated = reinstated
  }
}

/// A publication in force that was withdrawn as recorded by mistake and reinstated since: while withdrawn, its item
/// counted as unpublished (overdue, perhaps), and reinstated it reads as never withdrawn unless this is shown. The
/// instants are ISO 8601 in China Standard Time, from the change log; empty for a change made outside gongkai.
public struct ReinstatedRecord: Hashable, Sendable {
  public let withdrawnAt: String
  public let withdrawnBy: String
  public let withdrawalReason: String
  /// Who put it back in force, when and why, as a milestone's reinstatement is told.
  public let reinstatement: Reinstated

  public init(withdrawnAt: String, withdrawnBy: String, withdrawalReason: String, reinstatement: Reinstated) {
    self.withdrawnAt = withdrawnAt
    self.withdrawnBy = withdrawnBy
    self.withdrawalReason = withdrawalReason
    self.reinstatement = reinstatement
  }
}

/// What the change log says of a milestone's amendments, for an evaluator who must see that a legal fact was
/// corrected, by whom, when, why and from what.
public struct Amendments: Hashable, Sendable {
  /// How many times the milestone was amended.
  public var count: Int
  /// Who made the last amendment, and when (an ISO 8601 instant in China Standard Time).
  public var lastBy: String
  public var lastAt: String
  /// Why, as the last amendment said.
  public var reason: String
  /// The day formed as recorded before the first amendment, when amendments changed it; else `nil`.
  public var originalFormedOn: CivilDate?

  public init(count: Int, lastBy: String, lastAt: String, reason: String, originalFormedOn: CivilDate?) {
    self.count = count
    self.lastBy = lastBy
    self.lastAt = lastAt
    self.reason = reason
    self.originalFormedOn = originalFormedOn
  }
}

/// What a publication recorded again clears, where a value left out keeps the stored one.
public struct PublicationClearing: OptionSet, Hashable, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// The take-down date: the notice is still up (the date was recorded by mistake, or it was put back up).
  public static let until = PublicationClearing(rawValue: 1)
  /// The address: the one recorded was wrong, and no address beats a link to the wrong page.
  public static let url = PublicationClearing(rawValue: 2)
}

/// A publication withdrawn as recorded by mistake: its day and channel, its 索引号's serial, when, by whom and why it
/// was withdrawn.
public struct WithdrawnPublication: Hashable, Sendable {
  public let publishedOn: CivilDate
  public let channel: String
  public let serial: NoticeSerial
  /// When it was recorded: from then until its withdrawal, it could give its item's feed entry its 索引号.
  public let recordedAt: String
  /// The instant of the withdrawal, from the change log; empty for a row withdrawn outside gongkai.
  public let withdrawnAt: String
  /// Who withdrew it, from the change log; empty for a row withdrawn outside gongkai.
  public let withdrawnBy: String
  public let reason: String
}

/// A publication put back in force after a withdrawal made by mistake: while it was withdrawn, the item's feed entry had
/// the next publication's 索引号 if it was the earliest.
public struct ReinstatedPublication: Hashable, Sendable {
  /// Its id among ``StoredMilestone/recordedDisclosures``.
  public let id: Int64
  /// The instant of the withdrawal its last reinstatement undid, from the change log; empty for one made outside gongkai.
  public let withdrawnAt: String
  /// The instant of its last reinstatement, from the change log.
  public let reinstatedAt: String
}

/// The fields `gongkai amend` may change; `nil` keeps the stored value.
public struct MilestoneAmendment: Sendable {
  public var formedOn: CivilDate?
  public var reference: String?
  public var summary: String?
  public var responsibleUnit: String?
  /// The milestone whose information this one changes, when the link was recorded wrong or left out: a
  /// withdrawal logged without the penalty it withdraws leaves that penalty published as in force.
  public var changes: ChangeLink?
  /// Why the milestone is corrected: every amendment of a legal record says why, as a withdrawal does. Logged
  /// with the amendment and kept on the milestone; the audit CSV shows it.
  public var reason: String
  /// A reason of the kind an amendment gives, which a refusal of a missing one shows.
  public static let exampleReason = "录入错误，形成日期应为2026-11-20"

  public init(formedOn: CivilDate? = nil, reference: String? = nil, summary: String? = nil, responsibleUnit: String? = nil,
              changes: ChangeLink? = nil, reason: String) {
    self.formedOn = formedOn
    self.reference = reference
    self.summary = summary
    self.responsibleUnit = responsibleUnit
    self.changes = changes
    self.reason = reason
  }
}

/// What an amendment does to the link from a milestone to the one it changes.
public enum ChangeLink: Hashable, Sendable {
  /// Links the milestone with this id (of the same project, in force, formed no later).
  case to(Int64)
  /// Removes the link: the milestone was linked by mistake and is information of its own.
  case removed
}
