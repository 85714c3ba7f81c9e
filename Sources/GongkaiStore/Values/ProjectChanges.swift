import GongkaiCore

/// A project with its counts, for lists.
public struct ProjectSummary: Hashable, Sendable {
  public let project: Project
  public let milestones: Int
  public let disclosures: Int
}

/// When a project last changed what every feed entry of it shows: its name, each entry's title, and its unit, the
/// author of each entry whose milestone has none of its own. Instants in China Standard Time, as the change log records
/// them; `nil` for what never changed.
public struct ProjectLabelChanges: Hashable, Sendable {
  public let renamedAt: String?
  public let unitChangedAt: String?

  public init(renamedAt: String?, unitChangedAt: String?) {
    self.renamedAt = renamedAt
    self.unitChangedAt = unitChangedAt
  }
}

/// What withdrawing a project did: the milestones it withdrew with it, and their publications the notices showed.
public struct ProjectWithdrawal: Hashable, Sendable {
  public var project: Project
  public var milestones = 0
  public var publications = 0
  /// The reason it had been withdrawn for before; nothing was written.
  public var alreadyWithdrawn: String?

  public init(project: Project) { self.project = project }

  /// The reason each milestone a project withdrawal takes with it is withdrawn for: the project's, marked, so that
  /// an audit row tells it from a milestone withdrawn on its own.
  public static func milestoneReason(_ projectReason: String) -> String { RegisterText.projectWithdrawalMark + projectReason }
}

/// What reinstating a project did: the milestones its withdrawal had taken, back in force, and their publications,
/// which the notices show again.
public struct ProjectReinstatement: Hashable, Sendable {
  public var project: Project
  public var milestones = 0
  public var publications = 0
  /// It was in force; nothing was written.
  public var wasInForce = false

  public init(project: Project) { self.project = project }
}

/// What correcting a project's code did: the milestones and publications in force that now stand under the new code.
public struct ProjectRecode: Hashable, Sendable {
  /// The project as it was, under its wrong code; under the new one when it had it already (``alreadyRecoded``).
  public var project: Project
  /// Its milestones in force, and their publications in force, which the notices show under the new code.
  public var milestones = 0
  public var publications = 0
  /// It had been given the new code already; nothing was written.
  public var alreadyRecoded = false

  public init(project: Project) { self.project = project }
}

/// Where a project's wrong code went: the code it has now, its name, and the reason of the correction away from it.
public struct CodeCorrection: Hashable, Sendable {
  /// The project's code now.
  public let code: ProjectCode
  /// The project's name now, by which a clerk tells it from another project that gives the former code.
  public let name: String
  /// The reason of the correction away from the former code (a project corrected twice has another one now).
  public let reason: String

  public init(code: ProjectCode, name: String, reason: String) {
    self.code = code
    self.name = name
    self.reason = reason
  }
}

/// A correction of a project's code as the change log records it.
public struct LoggedRecode: Hashable, Sendable {
  /// The code corrected away.
  public let former: ProjectCode
  /// The code the project has now, after every later correction.
  public let current: ProjectCode
  /// The instant of the correction.
  public let at: String
  /// Why it was made.
  public let reason: String

  public init(former: ProjectCode, current: ProjectCode, at: String, reason: String) {
    self.former = former
    self.current = current
    self.at = at
    self.reason = reason
  }

  /// The corrections of each project by the code it has now, in the order made, without one back to that code (a
  /// project corrected back to a code it had: its code now is not a former one): what names a project's former codes
  /// on `project show` and in open data, so that a reader holding the old code finds it.
  public static func byCurrentCode(_ recodes: [LoggedRecode]) -> [ProjectCode: [LoggedRecode]] {
    Dictionary(grouping: recodes.filter { $0.former != $0.current }, by: \.current)
  }

  /// The codes `recodes` of one project corrected away, each once, in the order first corrected.
  public static func formerCodes(_ recodes: [LoggedRecode]) -> [ProjectCode] {
    var seen = Set<ProjectCode>()
    return recodes.map(\.former).filter { seen.insert($0).inserted }
  }

  /// The codes corrected away that no project has now (one corrected back to a code has it again), each once.
  public static func codesCorrectedAway(_ recodes: [LoggedRecode]) -> [ProjectCode] {
    let current = Set(recodes.map(\.current))
    var seen = Set<ProjectCode>()
    return recodes.map(\.former).filter { !current.contains($0) && seen.insert($0).inserted }
  }
}

/// What `project edit` does to the milestones already recorded when it gives a project another responsible unit.
public enum PastMilestones: Sendable {
  /// They keep the unit they had: the new unit applies to milestones recorded from the change on.
  case keepUnit
  /// Those that name the old unit (their own, or the project's) move to the new one.
  case reattribute
}

/// What an update of a project did.
public struct ProjectUpdate: Hashable, Sendable {
  /// Whether the project's fields changed.
  public var changed = false
  /// The unit the project had, when the update changed it.
  public var formerUnit: String?
  /// Milestones already recorded that kept the former unit (``PastMilestones/keepUnit``), or moved to the new one
  /// (``PastMilestones/reattribute``); withdrawn ones included, as the audit CSV lists them.
  public var keptFormerUnit = 0
  public var reattributed = 0
  /// How many of those kept or moved are withdrawn: told apart, as a user counts the project's milestones in force.
  public var withdrawnAmongThem = 0

  public init() {}
}

/// What handing a unit's projects over to another unit did, or would do unconfirmed.
public struct UnitHandOver: Hashable, Sendable {
  /// The projects in force that now answer to the new unit.
  public var projects = 0
  /// Milestones already recorded that kept the former unit (``PastMilestones/keepUnit``), or moved to the new one
  /// (``PastMilestones/reattribute``), withdrawn ones included, as the audit CSV lists them.
  public var keptFormerUnit = 0
  public var reattributed = 0
  /// How many of those kept or moved are withdrawn: told apart, as a user counts the unit's milestones in force.
  public var withdrawnAmongThem = 0
  /// Withdrawn projects registered under the former unit, left as recorded.
  public var withdrawnProjectsLeft = 0

  public init() {}
}
