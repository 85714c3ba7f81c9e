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
    unspaced(channel).utf8.elementsEqual(unspaced(other).utf8)
  }

  /// The channel without its spaces, which ``isOneChannel(_:_:)`` compares: a key for publications listed together.
  public static func unspaced(_ channel: String) -> String { channel.filter { !$0.isWhitespace } }

  /// The spaces of a channel other than the plain one, named by code point (`U+00A0`, `U+3000`): a terminal shows a
  /// no-break or full-width space as none, or as a space, so a message that two spellings differ names them.
  public static func unusualSpaces(in channel: String) -> [String] {
    Set(channel.unicodeScalars.filter { $0.properties.isWhitespace && $0 != " " }).map(RegisterText.codePoint).sorted()
  }

  /// Whether the other gives its channel byte for byte as this one does, as the register's unique key compares it: of
  /// two on one channel (``isOneChannel(_:_:)``), whether the notices show it one way or two.
  public func spellsChannel(as other: Disclosure) -> Bool { channel.utf8.elementsEqual(other.channel.utf8) }

  /// Whether the two were up together on some day: neither came down before the other went up. A 公示 put up again
  /// after it came down too early was not; a publication's day corrected by recording it again is.
  public func isUp(alongside other: Disclosure) -> Bool {
    (until.map { $0 >= other.publishedOn } ?? true) && (other.until.map { $0 >= publishedOn } ?? true)
  }

  /// Of `others`, a milestone's other publications in force, the one this publication is recorded beside: on its
  /// channel, spaces aside, and at its address where both give one. One of the same day under the channel spelt with
  /// other spaces comes first, as it is this publication recorded twice; then, of another day, one up alongside it (a
  /// day corrected by recording it again reads so), one spelt alike, the earliest recorded. `nil` when none is.
  public func recordedBeside<ID: Comparable>(among others: [(id: ID, publication: Disclosure)]) -> (id: ID, publication: Disclosure)? {
    let beside = others.filter { _, other in
      let sameDay = other.publishedOn == publishedOn
      return Self.isOneChannel(other.channel, channel) && (sameDay
        ? !spellsChannel(as: other)
        : other.url == nil || url == nil || other.url == url)
    }
    func rank(_ other: Disclosure) -> [Bool] {
      [other.publishedOn != publishedOn, !isUp(alongside: other), !spellsChannel(as: other)]
    }
    return beside.min { first, second in
      let (a, b) = (rank(first.publication), rank(second.publication))
      return a != b ? a.lexicographicallyPrecedes(b) { !$0 && $1 } : first.id < second.id
    }
  }
}
