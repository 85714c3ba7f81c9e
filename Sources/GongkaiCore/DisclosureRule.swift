/// A text the product shows in Chinese, with English where a flag asks for it.
public struct LocalizedText: Hashable, Sendable {
  public var chinese: String
  public var english: String

  public init(chinese: String, english: String) {
    self.chinese = chinese
    self.english = english
  }
}

/// How sure the reference research is of a rule (see `reference/legal-rules.md` §0).
public enum Confidence: String, Sendable, CaseIterable {
  /// Seen in the statute or regulation itself.
  case statute = "S"
  /// Seen in a secondary source only (catalogue, official Q&A, summary).
  case secondary = "S2"
  /// From memory; not verified in any stored text. Such a rule must carry a note.
  case unverified = "M"

  /// 法条原文, 二手资料, 待核实: how the audit CSV names it. A deadline of an unverified rule is a judgement, not a
  /// period the law is known to set, and every output that states one as 法定 says so.
  public var chineseName: String {
    switch self {
    case .statute: "法条原文"
    case .secondary: "二手资料"
    case .unverified: "待核实"
    }
  }

  /// Of two ways a verdict's periods are known, the one it is least sure by.
  public static func lessCertain(_ one: Confidence, _ other: Confidence) -> Confidence {
    allCases.firstIndex(of: one)! >= allCases.firstIndex(of: other)! ? one : other
  }

  /// statute, secondary, unverified.
  public var englishName: String {
    switch self {
    case .statute: "statute"
    case .secondary: "secondary"
    case .unverified: "unverified"
    }
  }
}

/// The disclosure duty for one kind of item: what must be published, by when, for how long, by whom and
/// on what legal basis.
///
/// A rule is a reference type because every finding carries one: a million findings share a few dozen rules.
public final class DisclosureRule: Sendable, Hashable {
  /// Stable code, `<category>.<item>`, e.g. `bidding.candidates`. Scripts and files depend on it.
  public let code: String
  public let category: Category
  public let name: LocalizedText
  /// What the milestone date means for this item: the day the information is formed.
  public let trigger: LocalizedText
  /// The time allowed to publish, or `nil` where no law sets one (the publication has another condition,
  /// e.g. before documents go on sale).
  public let period: Period?
  /// The time allowed when the milestone changes earlier information, where the law sets another one.
  public let changePeriod: Period?
  /// How long a publication must stay up at least (公示期), or `nil`.
  public let minimumPublication: Period?
  /// The day the minimum publication period is counted from.
  public let minimumCountedFrom: MinimumStart
  /// What the law calls that minimum: 公示期 for a 公示, but 公告期 for a notice and 征求意见期 for a consultation,
  /// where a public page saying 公示期 would misname the duty it reports on.
  public let minimumPublicationName: LocalizedText
  /// Who must publish (公开主体).
  public let responsible: LocalizedText
  /// The law and article, e.g. 《招标投标法实施条例》第五十四条.
  public let basis: String
  /// The law and article that set the minimum publication period, where ``basis`` cites more (a deadline's article, a
  /// medium's): the public page cites it after the minimum, which a page must not pin on an article that does not
  /// set it. `nil`: ``basis``.
  public let minimumBasis: String?
  /// How the deadline is known, and the minimum publication period unless ``minimumConfidence`` says otherwise.
  public let confidence: Confidence
  /// How the minimum publication period is known where not as the deadline is: a local law of unsettled validity
  /// adding a minimum to a national deadline the statute sets. `nil`: as ``confidence``.
  public let minimumConfidence: Confidence?
  /// What a reviewer should know, in particular why an unverified rule is used as it is; shown in the report's
  /// language like the name, since the staff who read it read Chinese.
  public let note: LocalizedText?
  /// The other item kinds a milestone of this kind may change (`--changes`, `changes:`), besides its own: a permit
  /// change changes the planning permit it amends. Only what the law links is listed, so that a link between
  /// unrelated information (a completion acceptance "changing" a candidates notice) is refused, not published.
  public let alsoChanges: [String]
  /// The item kinds whose published information a milestone of this kind withdraws (撤回), as
  /// 《行政处罚法》第四十八条第二款 has a changed or revoked penalty decision withdrawn: the public outputs then show
  /// that it was withdrawn, when and why, and no longer its content. A milestone may change these kinds too.
  public let withdraws: [String]
  /// The day the law this rule's deadline rests on came into force, where that is within the years a register holds
  /// (行政处罚法's three working days from 2021-07-15, 土地管理法实施条例's land notices from 2021-09-01): information
  /// formed before it is judged by ``rule(formedOn:)``'s rule. `nil`: in force for every day a register holds.
  public let inForce: CivilDate?
  /// The same for the minimum publication period, which may rest on another law: Shanghai's 办法 held a land notice
  /// up for 10 days before the 2021 实施条例 set its deadline. `nil`: in force for every day a register holds.
  public let minimumInForce: CivilDate?
  /// What binds information formed before ``inForce``: the 条例's general period where the duty is an agency's, none
  /// where it is a party's the 条例 does not bind (the 建设单位's EIA notices), or the period an earlier law set.
  public let beforeInForce: EarlierDuty
  /// The rule of the profile below that this one replaces from ``inForce``, where it applied before: a district rule
  /// that shortens the national period from its own day leaves information formed before under the national one, not
  /// under the 条例's general period. `nil`: before ``inForce``, what ``beforeInForce`` says.
  public let replaced: DisclosureRule?
  /// The texts the bases cite by article whose current version came into force within the years a register holds
  /// (《中华人民共和国行政处罚法》 from 2021-07-15), by name: cited for information formed before, an article is marked
  /// with the day its text came into force, so that no row cites as then in force an article it did not have.
  public let citedTexts: [String: CivilDate]
  /// The rules of earlier days, each for the days before its `until`, in order; built with the rule, so that a finding
  /// of a day carries the same object as every other of that day (the audit CSV caches cells by the rule's identity).
  private let earlier: [(until: CivilDate, rule: DisclosureRule)]

  public convenience init(
    code: String, category: Category, name: LocalizedText, trigger: LocalizedText, period: Period?,
    changePeriod: Period? = nil, minimumPublication: Period? = nil, minimumCountedFrom: MinimumStart = .publication,
    minimumPublicationName: LocalizedText = DisclosureRule.displayPeriodName, responsible: LocalizedText, basis: String,
    minimumBasis: String? = nil, confidence: Confidence, minimumConfidence: Confidence? = nil, note: LocalizedText? = nil,
    alsoChanges: [String] = [], withdraws: [String] = [], inForce: CivilDate? = nil, minimumInForce: CivilDate? = nil,
    beforeInForce: EarlierDuty = .general, citedTexts: [String: CivilDate] = [:], replaced: DisclosureRule? = nil
  ) {
    let terms = Terms(
      code: code, category: category, name: name, trigger: trigger, period: period, changePeriod: changePeriod,
      minimumPublication: minimumPublication, minimumCountedFrom: minimumCountedFrom, minimumPublicationName: minimumPublicationName,
      responsible: responsible,
      basis: basis, minimumBasis: minimumBasis, confidence: confidence, minimumConfidence: minimumConfidence, note: note,
      alsoChanges: alsoChanges, withdraws: withdraws)
    let dating = Dating(inForce: inForce, minimumInForce: minimumInForce, before: beforeInForce, citedTexts: citedTexts)
    // Before its day, a rule with a replaced one has no version of its own: that one's (``rule(formedOn:)``).
    let cuts = dating.cuts(citing: basis).filter { until in replaced == nil || inForce.map { until > $0 } ?? true }
    self.init(terms, dating: dating, replaced: inForce == nil ? nil : replaced, earlier: cuts.map { until in
      (until, DisclosureRule(terms.version(on: until.adding(days: -1), dating: dating), dating: Dating(), replaced: nil, earlier: []))
    })
  }

  private init(_ terms: Terms, dating: Dating, replaced: DisclosureRule?, earlier: [(until: CivilDate, rule: DisclosureRule)]) {
    code = terms.code
    category = terms.category
    name = terms.name
    trigger = terms.trigger
    period = terms.period
    changePeriod = terms.changePeriod
    minimumPublication = terms.minimumPublication
    minimumCountedFrom = terms.minimumCountedFrom
    minimumPublicationName = terms.minimumPublicationName
    responsible = terms.responsible
    basis = terms.basis
    minimumBasis = terms.minimumBasis
    confidence = terms.confidence
    minimumConfidence = terms.minimumConfidence
    note = terms.note
    alsoChanges = terms.alsoChanges
    withdraws = terms.withdraws
    inForce = dating.inForce
    minimumInForce = dating.minimumInForce
    beforeInForce = dating.before
    citedTexts = dating.citedTexts
    self.replaced = replaced
    self.earlier = earlier
  }

  /// The rule that applies to information formed on `day`: this one, or an earlier version of it. Before ``inForce``
  /// the rule it replaced (``replaced``), as it stood that day, or else the period of the earlier law that set one, or
  /// the general duty of the 条例 in force that day, or none (``beforeInForce``), the last two unverified (M) as
  /// whether another law set a period then is not researched; before ``minimumInForce``, no minimum; before the 2019
  /// revision of the 条例, its article 26 cited as the 2007 text's article 18, which set the same period; and before a
  /// ``citedTexts`` text came into force, its articles marked with that day.
  public func rule(formedOn day: CivilDate) -> DisclosureRule {
    if let replaced, let inForce, day < inForce { return replaced.rule(formedOn: day) }
    return earlier.first { day < $0.until }?.rule ?? self
  }

  /// The day a publication on `publishedOn` of information formed on `formedOn` counts its minimum period from.
  public func minimumStart(publishedOn: CivilDate, formedOn: CivilDate) -> CivilDate {
    switch minimumCountedFrom {
    case .publication: publishedOn
    case .triggerDayIfLater: max(publishedOn, formedOn)
    }
  }

  /// What the public page cites for the minimum publication period.
  public var minimumPublicationBasis: String { minimumBasis ?? basis }

  /// What is held up for the minimum, for an alert's 公告至 D: the name without its 期 (公示, 公告, 征求意见), else 公开.
  public var minimumPublicationAct: String {
    let name = minimumPublicationName.chinese
    return name.count > 1 && name.hasSuffix("期") ? String(name.dropLast()) : "公开"
  }

  /// The name of a minimum period that a rule does not name otherwise: most are a 公示's.
  public static let displayPeriodName = LocalizedText(chinese: "公示期", english: "display period")

  /// Whether a milestone of this kind may change information of `kind`: its own kind, or one the rule links.
  public func mayChange(_ kind: String) -> Bool { kind == code || alsoChanges.contains(kind) || withdraws.contains(kind) }

  /// Whether a milestone of this kind, changing information of `kind`, withdraws that information's publication.
  public func isWithdrawal(of kind: String) -> Bool { withdraws.contains(kind) }

  /// How what a finding of `status` holds against the item is known: for a publication too short, the minimum
  /// period's; for one on time, the less certain of the deadline's and the minimum's, as it met both; else the
  /// deadline's.
  public func confidence(judging status: FindingStatus) -> Confidence {
    switch status {
    case .tooShort: minimumConfidence ?? confidence
    case .onTime: minimumConfidence.map { Confidence.lessCertain(confidence, $0) } ?? confidence
    case .late, .overdue, .due: confidence
    }
  }

  /// Whether any period of the rule is unverified, for a page that notes it once.
  public var hasUnverifiedPeriod: Bool { confidence == .unverified || minimumConfidence == .unverified }

  /// The period that applies to a milestone: ``changePeriod`` for a change where the law sets one.
  public func period(forChange isChange: Bool) -> Period? { isChange ? changePeriod ?? period : period }

  /// Whether a publication of this item may come before its milestone: the law wants it public by that day
  /// (``Period/byTriggerDay``). Any other publication dated before its milestone is a mistyped date.
  public func admitsPublicationBeforeFormation(isChange: Bool) -> Bool {
    period(forChange: isChange)?.admitsPublicationBeforeItsStart ?? false
  }

  /// Checks what the catalogue promises about every rule.
  public func validate() throws(RuleError) {
    guard Self.isValidCode(code) else { throw .malformedCode(code) }
    guard code.hasPrefix(category.rawValue + ".") else { throw .codeOutsideCategory(code, category) }
    for (field, text) in [
      ("name.zh", name.chinese), ("name.en", name.english), ("trigger.zh", trigger.chinese),
      ("responsible.zh", responsible.chinese), ("basis", basis),
    ] where text.allSatisfy(\.isWhitespace) {
      throw .missingField(code, field)
    }
    if changePeriod != nil && period == nil { throw .changePeriodWithoutPeriod(code) }
    if minimumPublication == nil && minimumPublicationName != Self.displayPeriodName { throw .minimumNameWithoutMinimum(code) }
    if minimumPublicationName.chinese.allSatisfy(\.isWhitespace) { throw .missingField(code, "minimum-publication-name.zh") }
    if minimumPublication == nil && minimumConfidence != nil { throw .minimumConfidenceWithoutMinimum(code) }
    if minimumPublication == nil && minimumBasis != nil { throw .minimumBasisWithoutMinimum(code) }
    if hasUnverifiedPeriod && (note?.chinese ?? "").allSatisfy(\.isWhitespace) { throw .unverifiedWithoutNote(code) }
    for linked in alsoChanges + withdraws where linked == code { throw .linksOwnKind(code) }
    if let both = alsoChanges.first(where: withdraws.contains) { throw .changesAndWithdraws(code, both) }
  }

  /// `category.item-name`: lowercase letters, digits and hyphens, one dot.
  public static func isValidCode(_ code: String) -> Bool {
    let parts = code.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 2 && parts.allSatisfy { part in
      !part.isEmpty && part.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }
  }

  public static func == (lhs: DisclosureRule, rhs: DisclosureRule) -> Bool {
    lhs.code == rhs.code && lhs.category == rhs.category && lhs.name == rhs.name && lhs.trigger == rhs.trigger
      && lhs.period == rhs.period && lhs.changePeriod == rhs.changePeriod
      && lhs.minimumPublication == rhs.minimumPublication && lhs.minimumCountedFrom == rhs.minimumCountedFrom
      && lhs.minimumPublicationName == rhs.minimumPublicationName
      && lhs.responsible == rhs.responsible
      && lhs.basis == rhs.basis && lhs.confidence == rhs.confidence && lhs.minimumConfidence == rhs.minimumConfidence
      && lhs.note == rhs.note
      && lhs.alsoChanges == rhs.alsoChanges && lhs.withdraws == rhs.withdraws && lhs.inForce == rhs.inForce
      && lhs.minimumInForce == rhs.minimumInForce && lhs.beforeInForce == rhs.beforeInForce
      && lhs.citedTexts == rhs.citedTexts && lhs.replaced == rhs.replaced
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

/// Where a minimum publication period starts. A 公示 runs from the day it goes up; a tender notice must stay up
/// through the documents' least sale period (招标投标法实施条例第十六条: 5 days from the first day of sale), which a
/// notice put up ahead of the sale does not shorten: counted from the first day of sale when that comes later.
public enum MinimumStart: String, Hashable, Sendable {
  case publication
  /// The later of the publication's day and the day the information was formed (the trigger day).
  case triggerDayIfLater = "trigger-day-if-later"
}

/// A rule or catalogue that breaks the catalogue's promises.
public enum RuleError: Equatable, Sendable, PointsToReferenceList {
  case malformedCode(String)
  case codeOutsideCategory(String, Category)
  case missingField(String, String)
  case changePeriodWithoutPeriod(String)
  case minimumNameWithoutMinimum(String)
  case minimumConfidenceWithoutMinimum(String)
  case minimumBasisWithoutMinimum(String)
  case unverifiedWithoutNote(String)
  case duplicateCode(String)
  /// A rule listing its own code under `changes` or `withdraws`: a milestone may always change its own kind.
  case linksOwnKind(String)
  /// A kind listed under both `changes` and `withdraws`: a link either withdraws the earlier publication or not.
  case changesAndWithdraws(String, String)
  /// A kind under `changes` or `withdraws` that the catalogue does not hold.
  case unknownLinkedKind(String, String)

  public var description: String {
    switch self {
    case .malformedCode(let code):
      "code '\(code)' is malformed; use <category>.<item> in lowercase letters, digits and hyphens, e.g. bidding.candidates"
    case .codeOutsideCategory(let code, let category):
      "code '\(code)' does not start with its category '\(category.rawValue).'"
    case .missingField(let code, let field): "\(code): \(field) is missing or empty"
    case .changePeriodWithoutPeriod(let code): "\(code): change-period is set but period is not; set both"
    case .minimumNameWithoutMinimum(let code):
      "\(code): minimum-publication-name is set but minimum-publication is not; set both or neither"
    case .minimumConfidenceWithoutMinimum(let code):
      "\(code): minimum-confidence is set but minimum-publication is not; set both or neither"
    case .minimumBasisWithoutMinimum(let code):
      "\(code): minimum-publication-basis is set but minimum-publication is not; set both or neither"
    case .unverifiedWithoutNote(let code):
      "\(code): confidence M (unverified), or minimum-confidence M, needs a note saying what to verify"
    case .duplicateCode(let code): "code '\(code)' is defined twice; each item kind has one entry"
    case .linksOwnKind(let code):
      "\(code): changes or withdraws lists its own code; remove it (a milestone may always change one of its own kind)"
    case .changesAndWithdraws(let code, let linked):
      "\(code): '\(linked)' is listed under both changes and withdraws; keep it under one"
    case .unknownLinkedKind(let code, let linked):
      "\(code): changes or withdraws names '\(linked)', which no rule defines; use the code of a kind the rules define"
    }
  }

  public var seeAlso: ReferenceList? {
    if case .unknownLinkedKind = self { .itemKinds } else { nil }
  }
}
