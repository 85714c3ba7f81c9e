/// The day a piece of information about a project was formed or changed, which starts a disclosure period.
///
/// Milestones come with their disclosures so the checker can judge each one on its own, in a stream.
public struct Milestone: Hashable, Sendable {
  public var id: Int64
  public var projectCode: String
  /// The item kind, a rule code such as `bidding.candidates`.
  public var kind: String
  /// The day the information was formed (the permit issued, the evaluation report received ...).
  public var formedOn: CivilDate
  /// The milestone whose information this one changes; a change starts a period of its own.
  public var changes: Int64?
  /// The unit that must publish: a register gives the milestone's own, else its project's responsible unit; `nil`
  /// (a milestone built without a project) leaves the rule's responsible party to name it.
  public var responsibleUnit: String?
  public var disclosures: [Disclosure]

  public init(
    id: Int64, projectCode: String, kind: String, formedOn: CivilDate, changes: Int64? = nil,
    responsibleUnit: String? = nil, disclosures: [Disclosure] = []
  ) {
    self.id = id
    self.projectCode = projectCode
    self.kind = kind
    self.formedOn = formedOn
    self.changes = changes
    self.responsibleUnit = responsibleUnit
    self.disclosures = disclosures
  }
}

/// The publication of a milestone's information: when, where, and until when it stayed up.
public struct Disclosure: Hashable, Sendable {
  public var publishedOn: CivilDate
  /// Where it was published, e.g. 区政府门户网站 or 中国招标投标公共服务平台.
  public var channel: String
  public var url: String?
  /// The last day the publication stayed (or will stay) up, for items with a minimum publication period;
  /// `nil` while it stays up.
  public var until: CivilDate?

  public init(publishedOn: CivilDate, channel: String, url: String? = nil, until: CivilDate? = nil) {
    self.publishedOn = publishedOn
    self.channel = channel
    self.url = url
    self.until = until
  }
}

extension Disclosure {
  /// Whether two channels are one spelt with other spaces (a no-break space pasted from a web page, a space typed
  /// between words): the register's unique key tells them apart, byte for byte, but a reader of the notices cannot.
  public static func isOneChannel(_ channel: String, _ other: String) -> Bool {
    channel.filter { !$0.isWhitespace }.utf8.elementsEqual(other.filter { !$0.isWhitespace }.utf8)
  }
}
