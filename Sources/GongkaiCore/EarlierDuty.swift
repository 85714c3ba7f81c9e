/// What binds information formed before the day a rule's law came into force (``DisclosureRule/inForce``): a register
/// holds projects from years before the current text of some laws, and their items must be judged by the law of the
/// day they were formed, not by one passed later.
public enum EarlierDuty: Hashable, Sendable {
  /// The general period of the 条例 in force that day: the duty is an agency's, and no other law is known to have set
  /// one. Unverified (M), as earlier laws were not researched item by item.
  case general
  /// No deadline: the party that publishes is not bound by the 条例 (the 建设单位's EIA notices).
  case none
  /// The period an earlier law set for the same information: 《征收土地公告办法》's 10 working days for the land
  /// expropriation notice, before the 2021 实施条例 set 15.
  case law(EarlierLaw)
}

/// The period an earlier law set for an item, and what it rests on.
public struct EarlierLaw: Hashable, Sendable {
  public let period: Period
  /// The article that set it, as the outputs cite it: 《征收土地公告办法》（国土资源部令第10号）第四条.
  public let basis: String
  public let confidence: Confidence
  /// What the period rests on and what to verify; required when the confidence is M.
  public let note: LocalizedText?

  public init(period: Period, basis: String, confidence: Confidence, note: LocalizedText?) {
    self.period = period
    self.basis = basis
    self.confidence = confidence
    self.note = note
  }
}
