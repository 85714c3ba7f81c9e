import Foundation
import GongkaiCore
import GongkaiExport

/// JSON for programs: pretty-printed, keys sorted so output diffs cleanly, dates as `YYYY-MM-DD`.
enum JSONOutput {
  static func print(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    do {
      var data = try encoder.encode(value)
      // Foundation pretty-prints an empty array with a blank line inside; a script reading an empty list
      // (`project list` of a new register) expects `[]`.
      if data == Data("[\n\n]".utf8) { data = Data("[]".utf8) }
      try FileHandle.standardOutput.write(contentsOf: data + Data("\n".utf8))
    } catch is EncodingError {
      throw CommandFailure(status: .dataError, message: "cannot encode the output as JSON")
    } catch {
      throw StandardOutputError()
    }
  }
}

/// `gongkai rules --format json`.
struct RulesDocument: Encodable {
  let profile: String
  /// The digest of the whole catalogue, as the audit CSV's 规则版本 and the disclosures JSON state it.
  let rulesVersion: String
  let rules: [RuleJSON]

  init(catalogue: RuleCatalogue, rules: [DisclosureRule]) {
    profile = catalogue.profile
    rulesVersion = catalogue.version
    self.rules = rules.map(RuleJSON.init)
  }

  struct Text: Encodable {
    let zh: String
    let en: String
    init(_ text: LocalizedText) { (zh, en) = (text.chinese, text.english) }
  }

  struct PeriodJSON: Encodable {
    let length: Int
    let unit: String
    init?(_ period: Period?) {
      guard let period else { return nil }
      (length, unit) = (period.length, period.unit.rawValue)
    }
  }

  struct RuleJSON: Encodable {
    let code: String
    let category: String
    let categoryName: Text
    let name: Text
    let trigger: Text
    let period: PeriodJSON?
    let changePeriod: PeriodJSON?
    let minimumPublication: PeriodJSON?
    /// What the law calls the minimum (公示期, 公告期, 征求意见期); absent when there is none.
    let minimumPublicationName: Text?
    /// `publication` or `trigger-day-if-later`: where the minimum counts from; null when there is none.
    let minimumPublicationFrom: String?
    let responsible: Text
    let basis: String
    /// The article that sets the minimum, where `basis` cites more; null otherwise.
    let minimumPublicationBasis: String?
    let confidence: String
    /// How the minimum is known where not as the deadline is; null otherwise.
    let minimumConfidence: String?
    let note: Text?
    /// The other kinds a milestone may change, and those whose publication it withdraws; absent when none.
    let changes: [String]
    let withdraws: [String]
    /// The day the rule's law came into force, where a register may hold information formed before; absent otherwise.
    let inForce: String?
    /// The minimum's, where it has one and it is dated otherwise (null: in force for every day); absent otherwise.
    let minimumInForce: String??
    /// `general`, `none`, `law` or `replaced`: the deadline of information formed before `inForce`; absent when not dated.
    let beforeInForce: String?
    /// With `law`, the earlier law's period, basis, confidence and note.
    let beforeInForceLaw: EarlierLawJSON?

    struct EarlierLawJSON: Encodable {
      let period: PeriodJSON?
      let basis: String
      let confidence: String
      let note: Text?
    }

    init(_ rule: DisclosureRule) {
      code = rule.code
      category = rule.category.rawValue
      categoryName = Text(LocalizedText(chinese: rule.category.chineseName, english: rule.category.englishName))
      name = Text(rule.name)
      trigger = Text(rule.trigger)
      period = PeriodJSON(rule.period)
      changePeriod = PeriodJSON(rule.changePeriod)
      minimumPublication = PeriodJSON(rule.minimumPublication)
      minimumPublicationName = rule.minimumPublication == nil ? nil : Text(rule.minimumPublicationName)
      minimumPublicationFrom = rule.minimumPublication == nil ? nil : rule.minimumCountedFrom.rawValue
      responsible = Text(rule.responsible)
      basis = rule.basis
      minimumPublicationBasis = rule.minimumBasis
      confidence = rule.confidence.rawValue
      minimumConfidence = rule.minimumConfidence?.rawValue
      note = rule.note.map(Text.init)
      changes = rule.alsoChanges
      withdraws = rule.withdraws
      inForce = rule.inForce?.description
      minimumInForce = rule.minimumPublication == nil || rule.minimumInForce == rule.inForce ? .none : .some(rule.minimumInForce?.description)
      switch (rule.inForce, rule.replaced, rule.beforeInForce) {
      case (nil, _, _): (beforeInForce, beforeInForceLaw) = (nil, nil)
      case (_, _?, _): (beforeInForce, beforeInForceLaw) = ("replaced", nil)
      case (_, nil, .general): (beforeInForce, beforeInForceLaw) = ("general", nil)
      case (_, nil, .none): (beforeInForce, beforeInForceLaw) = ("none", nil)
      case (_, nil, .law(let law)):
        beforeInForce = "law"
        beforeInForceLaw = EarlierLawJSON(
          period: PeriodJSON(law.period), basis: law.basis, confidence: law.confidence.rawValue, note: law.note.map(Text.init))
      }
    }

    func encode(to encoder: Encoder) throws {
      enum Keys: String, CodingKey {
        case code, category, categoryName, name, trigger, period, changePeriod, minimumPublication
        case minimumPublicationName, minimumPublicationFrom, responsible
        case basis, minimumPublicationBasis, confidence, minimumConfidence, note, changes, withdraws, inForce, minimumInForce
        case beforeInForce, beforeInForceLaw
      }
      var container = encoder.container(keyedBy: Keys.self)
      try container.encode(code, forKey: .code)
      try container.encode(category, forKey: .category)
      try container.encode(categoryName, forKey: .categoryName)
      try container.encode(name, forKey: .name)
      try container.encode(trigger, forKey: .trigger)
      try container.encode(period, forKey: .period)
      try container.encode(changePeriod, forKey: .changePeriod)
      try container.encode(minimumPublication, forKey: .minimumPublication)
      try container.encode(minimumPublicationName, forKey: .minimumPublicationName)
      try container.encode(minimumPublicationFrom, forKey: .minimumPublicationFrom)
      try container.encode(responsible, forKey: .responsible)
      try container.encode(basis, forKey: .basis)
      try container.encode(minimumPublicationBasis, forKey: .minimumPublicationBasis)
      try container.encode(confidence, forKey: .confidence)
      try container.encode(minimumConfidence, forKey: .minimumConfidence)
      try container.encode(note, forKey: .note)
      if !changes.isEmpty { try container.encode(changes, forKey: .changes) }
      if !withdraws.isEmpty { try container.encode(withdraws, forKey: .withdraws) }
      try container.encodeIfPresent(inForce, forKey: .inForce)
      if let minimumInForce { try container.encode(minimumInForce, forKey: .minimumInForce) }
      try container.encodeIfPresent(beforeInForce, forKey: .beforeInForce)
      try container.encodeIfPresent(beforeInForceLaw, forKey: .beforeInForceLaw)
    }
  }
}
