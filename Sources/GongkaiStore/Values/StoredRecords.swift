import GongkaiCore

/// A milestone as stored: the checker's view plus what people recorded about it.
public struct StoredMilestone: Hashable, Sendable {
  public var milestone: Milestone
  public var projectName: String
  public var reference: String?
  public var summary: String?
  public var withdrawnReason: String?
  /// Who withdrew the milestone and when (its change-log row that made it withdrawn), read with the milestones
  /// of a ``MilestoneFilter/withdrawn`` filter, for an auditor who must see who stopped an obligation counting.
  public var withdrawnBy: String?
  public var withdrawnAt: String?
  public var recordedBy: String
  public var recordedAt: String
  /// Whether the milestone names a unit of its own, rather than following its project's (``Milestone/responsibleUnit``
  /// holds either): one of its own stays when its project moves to another unit.
  public var hasOwnUnit = false
  /// The milestone's amendments (`gongkai amend`), from the change log; `nil` while never amended.
  public var amendments: Amendments? = nil
  /// Its last reinstatement after a withdrawal (`gongkai reinstate`, or its project's), read with the milestones of a
  /// list: a milestone withdrawn and reinstated reads as never withdrawn otherwise; `nil` while never reinstated.
  public var reinstatement: Reinstated? = nil
  /// The register's record of each of ``Milestone/disclosures``, in the same order.
  public var recordedDisclosures: [RecordedDisclosure]
  /// When a publication of the milestone was last corrected (its end or address changed, or withdrawn as made by
  /// mistake, or reinstated), an ISO 8601 instant; read only for a ``MilestoneFilter/publicationCorrections`` filter, else `nil`.
  public var publicationsCorrectedAt: String? = nil
  /// When a change or withdrawal last stopped or started naming the milestone after both were recorded (amended to
  /// name another or none, or a project file imported with another link): the milestone is shown otherwise than
  /// before, changed, withdrawn or in force. Read with ``publicationsCorrectedAt``.
  public var linksMovedAt: String? = nil
  /// The milestone's publications withdrawn as recorded by mistake, whose 索引号 the feed retracts; read with
  /// ``publicationsCorrectedAt``.
  public var withdrawnPublications: [WithdrawnPublication] = []
  /// The milestone's publications in force again after a withdrawal made by mistake; read with
  /// ``publicationsCorrectedAt``.
  public var reinstatedPublications: [ReinstatedPublication] = []
  /// When the milestone was last shown again on the notices: put back in force, on its own (`gongkai reinstate`) or with
  /// its project (`gongkai project reinstate`), after its withdrawal had taken it off the notices and the feed had named
  /// it deleted, or its project given its right code (`gongkai project recode`), which moved its page; read with
  /// ``publicationsCorrectedAt``.
  public var shownAgainAt: String? = nil
  /// When an update last changed what the milestone's item shows (its summary, 文号, day or unit: a project file or a
  /// spreadsheet imported with other values, its unit moved with its project's); read with ``publicationsCorrectedAt``.
  /// An amendment (`gongkai amend`) is in ``amendments``.
  public var editedAt: String? = nil

  /// The position in ``Milestone/disclosures`` of the earliest publication by `day`, whose 索引号 the item keeps on
  /// its page, in its feed entry and in the audit CSV; `nil` while none is public.
  public func firstPublication(by day: CivilDate) -> Int? {
    let disclosures = milestone.disclosures
    return disclosures.indices.filter { disclosures[$0].publishedOn <= day }.min { disclosures[$0].publishedOn < disclosures[$1].publishedOn }
  }

  /// The record of one of ``Milestone/disclosures`` (the first equal to it).
  public func recorded(_ disclosure: Disclosure) -> RecordedDisclosure? {
    milestone.disclosures.firstIndex(of: disclosure).map { recordedDisclosures[$0] }
  }

  /// The record of the publication that says how long the information stayed up, as the checker counts it: of
  /// those put up on the days of ``Finding/publications`` (the judged publication and those that followed it
  /// without a day between them), one still up, else the one with the latest end (of those, the last recorded). A
  /// 公示 held long enough only by a second publication recorded after the fact shows here, where the first
  /// publication's record does not.
  public func recordOfEnd(publishedOn days: ClosedRange<CivilDate>) -> RecordedDisclosure? {
    // One pass without arrays: it runs for every 公示 row of the audit CSV. No end ranks above any end.
    var best: (end: CivilDate?, record: RecordedDisclosure)?
    for (disclosure, record) in zip(milestone.disclosures, recordedDisclosures) where days.contains(disclosure.publishedOn) {
      guard let current = best else {
        best = (disclosure.until, record)
        continue
      }
      let later = switch (disclosure.until, current.end) {
      case (nil, nil): record.recordedAt > current.record.recordedAt
      case (nil, _): true
      case (_, nil): false
      case let (end?, bestEnd?): end > bestEnd || (end == bestEnd && record.recordedAt > current.record.recordedAt)
      }
      if later { best = (disclosure.until, record) }
    }
    return best?.record
  }
}

/// The permanent number of a publication within the year it was published, for the portal's 索引号.
public struct NoticeSerial: Hashable, Sendable {
  public let year: Int
  public let number: Int

  public init(year: Int, number: Int) {
    self.year = year
    self.number = number
  }

  /// `<organisation>-<YYYY>-<NNNNN>`, e.g. `310110-2026-00042`.
  public func indexNumber(organisation: String) -> String {
    let digits = String(number)
    return "\(organisation)-\(year)-\(String(repeating: "0", count: max(0, 5 - digits.count)))\(digits)"
  }
}

/// A disclosure as stored.
public struct StoredDisclosure: Hashable, Sendable {
  /// What ``Store/disclose(milestone:_:actor:)`` did.
  public enum Outcome: Hashable, Sendable {
    case recorded
    /// The publication was recorded already; its address or end changed from these.
    case updated(before: Disclosure)
    /// The publication was recorded already, as given.
    case unchanged
  }

  public let id: Int64
  public let milestoneID: Int64
  public let disclosure: Disclosure
  public var outcome = Outcome.recorded
}

/// Which milestones a check reads.
public struct MilestoneFilter: Sendable {
  public var projects: [ProjectCode] = []
  public var categories: [Category] = []
  /// Responsible units (the milestone's, else the project's).
  public var units: [String] = []
  /// Withdrawn milestones too, with who withdrew them and when, and withdrawn projects (``Project/withdrawnReason``):
  /// the audit CSV shows what stopped counting, and the feed retracts what it had published, while checks,
  /// statistics and the other public exports leave them out.
  public var withdrawn = false
  /// When each milestone's publications were last corrected (``StoredMilestone/publicationsCorrectedAt``): the
  /// feed dates an entry by it. A seek into the change log for every publication, so only the notice export asks.
  public var publicationCorrections = false
  /// The publications withdrawn as recorded by mistake of each milestone (``StoredMilestone/withdrawnPublications``),
  /// without the other corrections: a seek into their own index, which the audit CSV asks; and of each publication in
  /// force reinstated since, its withdrawal and reinstatement (``RecordedDisclosure/reinstated``).
  public var withdrawnPublications = false
  /// Only the milestones the change log names after its row of this id, or names a publication of: those an import has
  /// just added or given a publication, which it judges before it says it is done.
  public var loggedAfter: Int64?
  /// Only milestones of these item kinds (all when empty).
  public var kinds: [String] = []
  /// Only milestones with a publication in force put up on this day or after.
  public var publishedSince: CivilDate?
  /// Only milestones formed on these days: a year's report reads its year's rows, not the register's. Projects without
  /// such milestones still come to ``Store/forEachProject(matching:_:)``, with none.
  public var formedIn: ClosedRange<CivilDate>?

  public init(
    projects: [ProjectCode] = [], categories: [Category] = [], units: [String] = [], withdrawn: Bool = false,
    publicationCorrections: Bool = false, loggedAfter: Int64? = nil, kinds: [String] = [],
    publishedSince: CivilDate? = nil
  ) {
    self.projects = projects
    self.categories = categories
    self.units = units
    self.withdrawn = withdrawn
    self.publicationCorrections = publicationCorrections
    self.loggedAfter = loggedAfter
    self.kinds = kinds
    self.publishedSince = publishedSince
  }
}

/// One row of the change log.
public struct ChangeLogEntry: Hashable, Sendable {
  public let id: Int64
  /// When, as an ISO 8601 instant in China Standard Time.
  public let at: String
  public let actor: String
  /// `insert`, `update`, `amend` (a correction by `gongkai amend`, with its reason) or `withdraw`.
  public let action: String
  /// `project`, `milestone`, `disclosure`, or `register` for the register's own settings.
  public let entity: String
  public let entityID: Int64
  /// The project changed; empty for a change of the register itself.
  public let projectCode: String
  /// The values before and after, as JSON objects (`nil` for an insert's before).
  public let before: String?
  public let after: String?
  /// The row's link in the hash chain.
  public let hash: String?
}

/// The change-log head an export states, and the check that the register holds what its log records: the head
/// vouches for the values an export publishes only once the check has passed.
public struct StatedHead: Sendable {
  /// The hash of the last change-log row ("" for an empty log).
  public let hash: String
  /// Whether the check runs beside the export, on a connection of its own, rather than when it is awaited.
  let isCheckedAlongside: Bool
  private let check: (@Sendable () async throws -> Void)?

  /// A head stated without a check (`--no-verify`).
  public init(hash: String) {
    self.hash = hash
    isCheckedAlongside = false
    check = nil
  }

  /// A head and its check, which returns once it has passed and throws ``StoreError/differsFromChangeLog(_:_:)``
  /// otherwise.
  init(hash: String, alongside: Bool, check: @escaping @Sendable () async throws -> Void) {
    self.hash = hash
    isCheckedAlongside = alongside
    self.check = check
  }

  /// Whether the register is checked against its change log before the output goes in place (not `--no-verify`).
  public var isVerified: Bool { check != nil }

  /// The head as an output states it: marked （未核对） (`not verified`) when the register was not checked, so that a
  /// head copied from the file cannot pass for one that vouches for its rows.
  public func stated(english: Bool = false) -> String {
    isVerified || hash.isEmpty ? hash : hash + (english ? " (not verified)" : "（未核对）")
  }

  /// Returns once the register is shown to hold what its change log records (at once when not asked for); else
  /// throws ``StoreError/differsFromChangeLog(_:_:)``. An export calls it before it puts anything in place, so that
  /// a refused export leaves what was there before.
  public func confirmed() async throws { try await check?() }
}

/// Who put a milestone back in force, when and why, from the change log's row of its last reinstatement.
public struct Reinstated: Hashable, Sendable {
  public var by: String
  /// An ISO 8601 instant in China Standard Time.
  public var at: String
  /// As given to `gongkai reinstate`; a project's reinstatement gives its milestones its own, marked
  /// ``GongkaiCore/RegisterText/projectReinstatementMark``.
  public var reason: String

  public init(by: String, at: String, reason: String) {
    self.by = by
    self.at = at
    self.reason = reason
  }
}
