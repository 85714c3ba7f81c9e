import GongkaiCore

/// A milestone withdrawn as recorded by mistake and recorded again in its place (under its 文号, or on its day) rather
/// than amended. `log` and the imports warn of it in the same words: what an evaluator cannot see, and the repair.
public struct RecordedAgain: Sendable {
  /// The milestone withdrawn, with its publications in force.
  public let withdrawn: StoredMilestone
  /// The milestone recorded in its place, with the publications recorded of it so far.
  public let milestone: Milestone

  public init(withdrawn: StoredMilestone, milestone: Milestone) {
    self.withdrawn = withdrawn
    self.milestone = milestone
  }

  /// What recording it again left unseen: the withdrawn one's publications not recorded of the new one, or, unpublished,
  /// its day moved with no correction on record; `nil` for neither (the same day recorded again unpublished).
  /// `due`: the withdrawn one's deadline, where the caller can count it.
  public func warning(due: CivilDate?) -> String? {
    let left = withdrawn.milestone.disclosures.filter { old in
      !milestone.disclosures.contains { $0.publishedOn == old.publishedOn && $0.channel == old.channel }
    }
    if !left.isEmpty { return publicationsLeftBehind(left) }
    guard withdrawn.milestone.disclosures.isEmpty, withdrawn.milestone.formedOn != milestone.formedOn else { return nil }
    return dayCorrectedUnseen(due: due)
  }

  /// Its publications stay with the withdrawn one, whose 索引号 the feed names deleted at the next export, and the new
  /// one is counted unpublished. The withdrawn one cannot be reinstated once recorded again in its place, so the repair
  /// is to record the publications again.
  private func publicationsLeftBehind(_ publications: [Disclosure]) -> String {
    let id = milestone.id
    // Recorded again on another day, it is the 文号 that tells the two apart as one document.
    let same = withdrawn.milestone.formedOn == milestone.formedOn ? "kind and day,"
      : "kind and 文号 (\(withdrawn.reference ?? "")), formed \(withdrawn.milestone.formedOn),"
    let listed = publications.map { "\($0.publishedOn) \($0.channel)" }.joined(separator: ", ")
    let disclose = publications.first.map { "`gongkai disclose \(id) --date \($0.publishedOn) --channel \(ShellWord.quoted($0.channel))`" } ?? ""
    let one = publications.count == 1
    let said = "milestone \(withdrawn.milestone.id) of the same \(same) withdrawn (\(withdrawn.withdrawnReason ?? "")), "
      + "was published (\(listed)); \(one ? "its publication stays" : "its publications stay") with it"
    // Published before this one's day, they are no publications of it as dated: its day or the 文号 is what to check.
    if let first = publications.first, first.publishedOn < milestone.formedOn {
      return """
        \(said), on days before milestone \(id)'s (\(milestone.formedOn)): if \(id) records that document again, its date is \
        likely wrong (`gongkai amend \(id) --date … --reason 更正形成日期`, then \(disclose)); if not, check its 文号
        """
    }
    return """
      \(said), and milestone \(id) is counted unpublished until \(one ? "it is" : "they are") recorded for it: \(disclose)\
      \(one ? "" : " and the others"), under a new 索引号 (`gongkai amend` corrects a milestone's field in place, keeping its \
      publications)
      """
  }

  /// Withdrawn unpublished and recorded again on another day: the item's deadline moved (an overdue one may be due
  /// again) and nothing records a correction, where `amend` would have kept one in the audit CSV (原信息形成日期) and on
  /// the public page (更正). An evaluator finds the two only by their 文号.
  private func dayCorrectedUnseen(due: CivilDate?) -> String {
    let (old, id) = (withdrawn.milestone, milestone.id)
    return """
      milestone \(old.id) of the same kind and 文号 (\(withdrawn.reference ?? "")), formed \(old.formedOn)\
      \(due.map { " and due by \($0)" } ?? ""), was withdrawn (\(withdrawn.withdrawnReason ?? "")) unpublished: recorded again \
      as formed \(milestone.formedOn), its deadline moved with no correction on record; if \(id) corrects \(old.id)'s day, run \
      `gongkai withdraw \(id) --reason 重复登记`, `gongkai reinstate \(old.id) --reason 误撤回` and `gongkai amend \(old.id) \
      --date \(milestone.formedOn) --reason 更正形成日期`, which the audit CSV and the public notice show as a correction
      """
  }
}
