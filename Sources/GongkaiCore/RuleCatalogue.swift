/// The disclosure rules in force: one rule per item kind, in catalogue order.
///
/// A catalogue is built from the national rules and, where a locality has its own law, a profile that
/// changes or adds entries (e.g. Shanghai), because "where a law sets another period, that period applies"
/// (政府信息公开条例 art. 26). Building one validates every rule, so no command ever runs on a broken one.
public struct RuleCatalogue: Sendable {
  /// The profiles applied, base first: `national`, `national+shanghai`.
  public let profile: String
  /// The titles of the profiles applied, base first, as their files give them (全国通用规则（…）, 上海市补充规则):
  /// the profile names are what a user types, the titles what a Chinese reader knows the rules by. A profile
  /// whose file has no title has none here.
  public let titles: [String]
  public let rules: [DisclosureRule]
  /// A digest of everything in the rules that a deadline, a status or an audit row depends on (`fnv:…`): a
  /// profile is known by its name, and two files of one name (a local rule revised, a copy edited) would
  /// otherwise give different deadlines under the same 适用规则.
  public let version: String
  private let index: [String: DisclosureRule]
  /// The shipped profile, not applied here, that defines an item kind this catalogue does not, set by whoever knows
  /// the shipped profiles; asked only of a kind found unknown. A file from a register kept under another profile
  /// names such kinds, and is told why they are unknown here.
  public var shippedProfile: (@Sendable (String) -> String?)?

  public init(profile: String, titles: [String] = [], rules: [DisclosureRule]) throws(RuleError) {
    var index: [String: DisclosureRule] = [:]
    for rule in rules {
      try rule.validate()
      guard index.updateValue(rule, forKey: rule.code) == nil else { throw .duplicateCode(rule.code) }
    }
    for rule in rules {
      if let unknown = (rule.alsoChanges + rule.withdraws).first(where: { index[$0] == nil }) {
        throw .unknownLinkedKind(rule.code, unknown)
      }
    }
    self.profile = profile
    self.titles = titles
    self.rules = rules
    self.index = index
    // What decides a row of an audit: the periods, the basis, the links, and how sure each period is (an
    // unverified one is marked in every output); not the notes and names that describe them.
    var digest = ContentDigest()
    for rule in rules {
      let fields: [String] = [
        rule.code, rule.category.rawValue, rule.name.chinese, rule.period?.digestKey ?? "-",
        rule.changePeriod?.digestKey ?? "-", rule.minimumPublication?.digestKey ?? "-", rule.basis,
        rule.alsoChanges.joined(separator: ","), rule.withdraws.joined(separator: ","),
        rule.confidence.rawValue, rule.minimumConfidence?.rawValue ?? "-",
      ]
      // Only where a rule is dated, or counts its minimum otherwise than from the publication, so that the digest of a
      // catalogue without either is the one earlier versions stated.
      let dating: [String?] = [
        rule.minimumCountedFrom == .publication ? nil : "minimum from \(rule.minimumCountedFrom.rawValue)",
        rule.inForce.map { "in force \($0)" }, rule.minimumInForce.map { "minimum in force \($0)" },
        rule.inForce == nil || rule.replaced != nil ? nil : Self.digestLine(before: rule.beforeInForce),
        rule.replaced.map { "replaces \($0.period?.digestKey ?? "-") \($0.basis)" },
        // The rule replaced judges what was formed before, by its own earlier law where it has one.
        rule.replaced.flatMap { replaced in replaced.inForce.map { "replaced in force \($0)" } },
        rule.replaced.flatMap { replaced in replaced.inForce == nil ? nil : Self.digestLine(before: replaced.beforeInForce) },
      ] + rule.citedTexts.sorted { $0.key < $1.key }.map { "cites \($0.key) from \($0.value)" }
      digest.add(fields: fields + dating.compactMap(\.self))
    }
    version = digest.text
  }

  /// What a dated rule applies before its day, where that is not the general duty (the line earlier versions stated).
  private static func digestLine(before: EarlierDuty) -> String? {
    switch before {
    case .general: nil
    case .none: "no general duty before"
    case .law(let law): "before \(law.period.digestKey) \(law.basis) \(law.confidence.rawValue)"
    }
  }

  /// The rule of an item kind, or `nil` when the catalogue has none.
  public func rule(for code: String) -> DisclosureRule? { index[code] }

  /// The rule that judges information of an item kind formed on `day`: the kind's rule, or the general duty where its
  /// law was not yet in force (``DisclosureRule/rule(formedOn:)``); `nil` when the catalogue has no such kind.
  public func rule(for code: String, formedOn day: CivilDate) -> DisclosureRule? { index[code]?.rule(formedOn: day) }

  /// Whether a publication of information of kind `code` formed on `day` may be dated before it
  /// (``DisclosureRule/admitsPublicationBeforeFormation(isChange:)``); not for a kind the catalogue lacks.
  public func admitsPublicationBeforeFormation(of code: String, formedOn day: CivilDate, isChange: Bool) -> Bool {
    rule(for: code, formedOn: day)?.admitsPublicationBeforeFormation(isChange: isChange) ?? false
  }

  /// The kind someone most likely meant by `text`, which is no kind's code: the code written in another case or in
  /// full-width letters (`ｂｉｄｄｉｎｇ．ｃａｎｄｉｄａｔｅｓ`, as a Chinese input method left on types it), the kind's
  /// Chinese name (`中标候选人公示`) or the start or a part of it, the code's last part (`candidates`) or a word of it
  /// (`permit`), a code one or two letters off (`biding.candidates`), or the words of a code under another category
  /// (`construction.permit`); `nil` unless exactly one kind fits the first of these that any fits (``kinds(meant:)``
  /// names them all). A part of a kind's name, or a code a letter or two off, is not taken for the kind where it names
  /// a category (``category(meant:)``): `投标` means 招标投标信息, not the one kind whose name holds it.
  public func kind(meant typed: String) -> DisclosureRule? {
    let found = kinds(meant: typed)
    return found.count == 1 ? found[0] : nil
  }

  /// The kinds that fit `text` the first way any fits, in the catalogue's order, as ``kind(meant:)`` reads it: one
  /// where it is clear, several where the reading fits more than one (`penalty`: the bidding and the supervision
  /// penalties), so that a refusal can name them rather than only the list of every code.
  public func kinds(meant typed: String) -> [DisclosureRule] {
    let text = typed.typedAsCode
    let wanted = text.lowercased()
    guard !wanted.isEmpty else { return [] }
    let isChinese = !wanted.unicodeScalars.allSatisfy(\.isASCII)
    let readings: [(DisclosureRule) -> Bool] = [
      { $0.code.lowercased() == wanted },
      { $0.name.chinese == text || $0.name.english.lowercased() == wanted },
      { $0.code.split(separator: ".").last.map { $0.lowercased() == wanted } ?? false },
    ]
    for fits in readings {
      let found = rules.filter(fits)
      if !found.isEmpty { return found }
    }
    guard category(meant: typed) == nil else { return [] }
    // The start of a name first: 招标公告 begins one kind's name (招标公告、资格预审公告) and ends another's (终止招标公告).
    let words = { (code: String) in code.lowercased().split { $0 == "." || $0 == "-" } }
    let typedWords = words(wanted)
    let loose: [(DisclosureRule) -> Bool] = [
      { words($0.code).contains { $0 == wanted } },
      { isChinese && $0.name.chinese.hasPrefix(text) },
      { isChinese && $0.name.chinese.contains(text) },
      { EditDistance.between($0.code.lowercased(), wanted, atMost: 2) != nil },
      // The words of a code under another category (`construction.permit`: approval-result.construction-permit).
      { rule in typedWords.count > 1 && typedWords.allSatisfy(words(rule.code).contains) },
    ]
    for fits in loose {
      let found = rules.filter(fits)
      if !found.isEmpty { return found }
    }
    return []
  }

  /// The category someone named where a kind was asked for: its code (`bidding`), its English name, or its Chinese
  /// name or two or more characters of it (`招标投标`, `投标`, `施工`), as staff who think of the statute's eight
  /// headings type them; `nil` for a category none of this catalogue's kinds is in.
  public func category(meant typed: String) -> Category? {
    Category.meant(by: typed).flatMap { category in rules.contains { $0.category == category } ? category : nil }
  }

  /// The categories `typed` names alike, a word of their codes or a part of their Chinese names (`approval`,
  /// `批准`: approval-service and approval-result), when it names more than one and fewer than all: a kind asked for
  /// so is one of theirs. Empty otherwise; a word that names one category is that category (``category(meant:)``).
  public func categories(sharingWord typed: String) -> [Category] {
    let text = typed.typedAsCode
    let wanted = text.lowercased()
    let isChinese = !wanted.unicodeScalars.allSatisfy(\.isASCII)
    let found = Category.allCases.filter { category in
      (isChinese ? text.count >= 2 && category.chineseName.contains(text) : category.rawValue.split(separator: "-").contains { $0 == wanted })
        && rules.contains { $0.category == category }
    }
    // A word of every category's name (信息) names none.
    return found.count > 1 && found.count < Category.allCases.count ? found : []
  }

  /// Why a milestone of `kind` may not change one of `changedKind` (named `link`, as the user wrote it), or `nil`
  /// when its rule allows it (or the kind is unknown, which is a problem of its own). Project files and `log
  /// --changes` ask alike, so that the public notices never name a change the law does not link.
  public func changeProblem(kind: String, changing changedKind: String, link: String) -> RegisterError? {
    guard let rule = index[kind], !rule.mayChange(changedKind) else { return nil }
    return .changesUnrelatedKind("changes", link, kind: kind, changed: changedKind, allowed: [kind] + rule.alsoChanges + rule.withdraws)
  }

  /// This catalogue with a profile applied: a rule with a known code replaces that rule where it stands,
  /// a new code is added after the rules of its category.
  public func applying(_ profileRules: [DisclosureRule], profile name: String, title: String? = nil) throws(RuleError)
    -> RuleCatalogue
  {
    var merged = rules
    var seen = Set<String>()
    for rule in profileRules {
      guard seen.insert(rule.code).inserted else { throw .duplicateCode(rule.code) }
      if let position = merged.firstIndex(where: { $0.code == rule.code }) {
        merged[position] = rule
      } else {
        let end = merged.lastIndex(where: { $0.category <= rule.category }).map { $0 + 1 } ?? 0
        merged.insert(rule, at: end)
      }
    }
    return try RuleCatalogue(profile: "\(profile)+\(name)", titles: titles + [title].compactMap { $0 }, rules: merged)
  }
}
