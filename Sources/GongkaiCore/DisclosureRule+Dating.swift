extension DisclosureRule {
  /// The fields of a rule, apart from its dating: what an earlier version of it changes.
  struct Terms {
    var code: String
    var category: Category
    var name: LocalizedText
    var trigger: LocalizedText
    var period: Period?
    var changePeriod: Period?
    var minimumPublication: Period?
    var minimumCountedFrom: MinimumStart
    var minimumPublicationName: LocalizedText
    var responsible: LocalizedText
    var basis: String
    var minimumBasis: String?
    var confidence: Confidence
    var minimumConfidence: Confidence?
    var note: LocalizedText?
    var alsoChanges: [String]
    var withdraws: [String]

    /// The rule as it applied on `day`, a day before the last of `dating`'s cuts.
    func version(on day: CivilDate, dating: Dating) -> Terms {
      var earlier = self
      if let date = dating.minimumInForce, day < date {
        (earlier.minimumPublication, earlier.minimumPublicationName) = (nil, DisclosureRule.displayPeriodName)
        earlier.minimumCountedFrom = .publication
        (earlier.minimumBasis, earlier.minimumConfidence) = (nil, nil)
      } else if earlier.minimumPublication != nil {
        // Kept while the deadline's law is not: cited on its own, known as it was.
        earlier.minimumBasis = minimumBasis ?? basis
        earlier.minimumConfidence = minimumConfidence ?? confidence
      }
      earlier.minimumBasis = earlier.minimumBasis.map { dating.marked($0, on: day) }
      if let date = dating.inForce, day < date {
        earlier.changePeriod = nil
        let own: String
        switch dating.before {
        case .general where period != nil:
          earlier.period = GeneralDisclosurePeriod.period
          (own, earlier.confidence) = (GeneralDisclosurePeriod.basis(on: day), .unverified)
        // A rule without a deadline has none before either: it cites its own law with its day, not the 条例's article
        // of 20 working days, which an item shown without a period would contradict.
        case .general, .none:
          earlier.period = nil
          (own, earlier.confidence) = (basis + date.inForceMark, .unverified)
        case .law(let law):
          earlier.period = law.period
          (own, earlier.confidence) = (dating.marked(law.basis, on: day), law.confidence)
        }
        // The article of the period that applied, or the rule's own with the day it came into force; and a minimum
        // kept, its own, so that the 法律依据 of a row names every law its verdict rests on.
        earlier.basis = [own, earlier.minimumPublication == nil ? nil : earlier.minimumBasis].compactMap(\.self).joined(separator: "；")
        earlier.note = beforeInForceNote(date, before: dating.before)
      } else {
        earlier.basis = dating.marked(GeneralDisclosurePeriod.citation(in: basis, on: day), on: day)
      }
      if earlier.minimumConfidence == earlier.confidence { earlier.minimumConfidence = nil }
      if earlier.minimumBasis == earlier.basis { earlier.minimumBasis = nil }
      return earlier
    }

    private func beforeInForceNote(_ date: CivilDate, before: EarlierDuty) -> LocalizedText {
      let opening = ("本项期限所据规定自\(date.chineseText)起施行；此前形成的信息，",
                     "The provisions this item's deadline rests on are in force from \(date); information formed before is ")
      if case .law(let law) = before {
        // The earlier law was looked up: its own note says what to verify, not the question of the other cases.
        return LocalizedText(
          chinese: opening.0 + "按\(law.basis)规定的期限（\(law.period.chineseDescription)）计算。" + (law.note?.chinese ?? ""),
          english: opening.1 + "judged by the period of \(law.basis) (\(law.period)).\(law.note.map { " " + $0.english } ?? "")")
      }
      let deadline = period == nil ? ("不计公开期限", "given no deadline")
        : before == .general ? ("按条例的一般时限（\(GeneralDisclosurePeriod.period.chineseDescription)）计算",
                                "judged by the general period of the 条例 (\(GeneralDisclosurePeriod.period))")
        : ("不计公开期限（公开义务人不受条例约束）", "given no deadline (the party that publishes is not bound by the 条例)")
      return LocalizedText(
        chinese: opening.0 + "\(deadline.0)。施行前有无其他法律法规规定公开期限，请与本委法制工作人员确认。",
        english: opening.1 + "\(deadline.1). Whether another law or regulation set a period before then is to be confirmed with the "
          + "commission's legal staff.")
    }
  }

  /// When a rule's laws came into force.
  struct Dating {
    var inForce: CivilDate?
    var minimumInForce: CivilDate?
    var before = EarlierDuty.general
    var citedTexts: [String: CivilDate] = [:]

    /// The days from which the rule reads otherwise, in order: its laws' days in force, its cited texts', and the
    /// 条例's revision where the rule cites it or falls back on it.
    func cuts(citing basis: String) -> [CivilDate] {
      let revision = inForce != nil || GeneralDisclosurePeriod.isCited(in: basis) ? GeneralDisclosurePeriod.revisionInForce : nil
      return Set([inForce, minimumInForce, revision].compactMap(\.self) + citedTexts.values).sorted()
    }

    /// `basis` with each citation (between `；`) of a text not yet in force on `day` marked with the day it came
    /// into force: 《中华人民共和国行政处罚法》第四十八条（2021年7月15日起施行）.
    func marked(_ basis: String, on day: CivilDate) -> String {
      basis.split(separator: "；", omittingEmptySubsequences: false).map { citation in
        // Of two texts a citation names, the later: the day from which the citation reads as it does.
        guard !citation.hasSuffix(CivilDate.inForceMarkEnd),
          let from = citedTexts.filter({ citation.contains($0.key) && day < $0.value }).values.max()
        else { return String(citation) }
        return citation + from.inForceMark
      }.joined(separator: "；")
    }
  }
}

extension CivilDate {
  /// `（2021年7月15日起施行）`: what a citation of a text not yet in force on a day is marked with.
  var inForceMark: String { "（\(chineseText)\(Self.inForceMarkEnd)" }

  static let inForceMarkEnd = "起施行）"
}
