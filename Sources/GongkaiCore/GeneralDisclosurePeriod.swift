/// The general period of 《中华人民共和国政府信息公开条例》, which applies wherever no other law or regulation sets
/// one: information in the scope of proactive disclosure goes public within 20 working days of being formed or
/// changed. The 2007 text (第十八条) and the 2019 revision (第二十六条, in force 2019-05-15) set the same period, so
/// only the article cited depends on the day.
///
/// A rule whose own law was not yet in force when the information was formed falls back to it
/// (``DisclosureRule/rule(formedOn:)``): that information is taken to have been under the general duty only, an
/// assumption the derived rule tags unverified (M).
public enum GeneralDisclosurePeriod {
  /// 20 working days.
  public static let period = try! Period.workingDays(20)

  /// The day the 条例 first came into force (the 2007 text): a register of its duties holds no information formed
  /// before, so a date before it is most likely a year mistyped (1926 for 2026).
  public static let firstInForce = CivilDate(unchecked: 2008, 5, 1)

  /// The day the 2019 revision came into force, from which its article 26 is cited.
  public static let revisionInForce = CivilDate(unchecked: 2019, 5, 15)

  /// The article that set the general period on `day`.
  public static func basis(on day: CivilDate) -> String { day < revisionInForce ? article2007 : article2019 }

  /// `basis` as cited on `day`: before the revision came into force, its article 26 as the 2007 text's article 18,
  /// and its other articles marked with the revision's day (第二十条第五项 has no counterpart here). A citation of
  /// both (第二十条第五项、第二十六条) is split, so that the period's article of the day is named whatever else is cited.
  static func citation(in basis: String, on day: CivilDate) -> String {
    guard day < revisionInForce else { return basis }
    let mark = revisionInForce.inForceMark
    return basis.split(separator: "；", omittingEmptySubsequences: false).flatMap { citation -> [String] in
      guard citation.hasPrefix(act), !citation.hasSuffix(mark) else { return [String(citation)] }
      let articles = citation.dropFirst(act.count).split(separator: "、", omittingEmptySubsequences: false)
      let others = articles.filter { $0 != periodArticle2019 }
      return (others.isEmpty ? [] : [act + others.joined(separator: "、") + mark])
        + (others.count < articles.count ? [article2007] : [])
    }.joined(separator: "；")
  }

  static func isCited(in basis: String) -> Bool { basis.contains(act) }

  private static let act = "《中华人民共和国政府信息公开条例》"
  private static let periodArticle2019 = "第二十六条"
  private static let article2019 = act + periodArticle2019
  private static let article2007 = act + "（2007年）第十八条"
}
