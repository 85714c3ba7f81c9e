import GongkaiCore

/// One rules file (`national.yaml`, a profile, or a user's profile file) as written, before merging.
struct RuleFile {
  let profile: String
  /// The line of `profile:`, or of the file's first field when it is absent.
  let profileLine: Int?
  /// The title, shown with the profile name; `nil` when the file gives none (or a blank one).
  let title: String?
  let extends: String?
  /// The line of `extends:`, or of the file's first field when it is absent: where to write or fix it.
  let extendsLine: Int?
  let entries: [Entry]
  /// `cited-texts`: the texts the file's bases cite whose current version came into force within the years a register
  /// holds, by name, with that day (see ``DisclosureRule/citedTexts``).
  let citedTexts: [String: CivilDate]
  let file: String

  /// One entry as written: in a profile, fields left out keep the value of the rule it replaces, except that an
  /// entry changing a period or the basis must give its own note and confidence.
  struct Entry {
    let value: YAMLValue
    let code: String
    let fields: YAMLMapping

    /// The rule this entry defines, on top of `base` (the rule with the same code) when there is one.
    /// `citedTexts`: every file's of the chain so far, this one's included; the rule keeps those its bases cite.
    func rule(replacing base: DisclosureRule?, citedTexts: [String: CivilDate]) throws(FileProblem) -> DisclosureRule {
      // A new kind's fields left out are named together, so that one pass over the file adds them all.
      let missing = base == nil ? Self.requiredOfNewKind.filter { fields[$0] == nil } : []
      if missing.count > 1 {
        throw value.problem("required fields \(missing.listed()) are missing; give each")
      }
      func text(_ key: String, _ inherited: LocalizedText?) throws(FileProblem) -> LocalizedText {
        guard let value = fields[key] else {
          if let inherited { return inherited }
          return try LocalizedText(fields.required(key))
        }
        return try LocalizedText(value)
      }
      func period(_ key: String, _ inherited: Period?) throws(FileProblem) -> Period? {
        guard let value = fields[key] else { return inherited }
        return try Period(value)
      }
      func string(_ key: String, _ inherited: String?) throws(FileProblem) -> String {
        if let value = fields[key] { return try value.shownText() }
        if let inherited { return inherited }
        return try fields.required(key).shownText()
      }
      let name = try text("name", base?.name), trigger = try text("trigger", base?.trigger)
      let categoryText = try string("category", base?.category.rawValue)
      guard let category = Category(rawValue: categoryText) else {
        throw (fields["category"] ?? value).problem(
          "unknown category '\(categoryText)'; use one of \(Category.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      let confidenceText = try string("confidence", base?.confidence.rawValue)
      guard let confidence = Confidence(rawValue: confidenceText) else {
        throw (fields["confidence"] ?? value).problem("unknown confidence '\(confidenceText)'; use S, S2 or M")
      }
      func codes(_ key: String, _ inherited: [String]?) throws(FileProblem) -> [String] {
        guard let value = fields[key] else { return inherited ?? [] }
        var codes: [String] = []
        for item in try value.sequence() {
          let code = try item.string()
          guard DisclosureRule.isValidCode(code) else { throw item.problem("\(RuleError.malformedCode(code))") }
          codes.append(code)
        }
        return codes
      }
      if base == nil, fields["period"] == nil { _ = try fields.required("period") }
      let minimum = try period("minimum-publication", base?.minimumPublication)
      if minimum?.unit == .triggerDay, let value = fields["minimum-publication"] {
        throw value.problem("a minimum publication period is counted in days from the publication; use 'N calendar-days' or 'N working-days'")
      }
      // Inherited with the minimum, and dropped with it.
      var countedFrom = minimum == nil ? .publication : base?.minimumCountedFrom ?? .publication
      if let value = fields["minimum-publication-from"] {
        let text = try value.string()
        guard let start = MinimumStart(rawValue: text) else {
          throw value.problem("unknown minimum-publication-from '\(text)'; use publication (the default) or trigger-day-if-later")
        }
        guard minimum != nil else { throw value.problem("minimum-publication-from is given without a minimum-publication; remove it") }
        // Only an item due by its trigger day is published before it; for any other, the later day is the publication's.
        let ownPeriod = try period("period", base?.period)
        guard start == .publication || ownPeriod?.unit == .triggerDay else {
          throw value.problem("trigger-day-if-later is for an item whose period is by-trigger-day, published before its trigger day; remove it")
        }
        countedFrom = start
      }
      // Written like a note (both languages, or one text for both, or null for 公示期); a profile that drops the
      // minimum drops its name with it.
      let minimumName: LocalizedText?
      if let value = fields["minimum-publication-name"] {
        minimumName = try LocalizedText(note: value)
      } else {
        minimumName = minimum == nil ? nil : base?.minimumPublicationName
      }
      // One code or null, inherited with the minimum; dropped with it, and when the entry gives a minimum of its own,
      // which its own confidence then describes.
      var minimumConfidence: Confidence?
      if let value = fields["minimum-confidence"] {
        minimumConfidence = try value.optionalString().map { (text) throws(FileProblem) in
          guard let confidence = Confidence(rawValue: text) else {
            throw value.problem("unknown confidence '\(text)'; use S, S2 or M, or null for the deadline's")
          }
          return confidence
        }
      } else {
        minimumConfidence = minimum == nil || minimum != base?.minimumPublication ? nil : base?.minimumConfidence
      }
      // The same as the deadline's says nothing more: kept as none, so that the two ways of writing it are one rule.
      if minimumConfidence == confidence { minimumConfidence = nil }
      // Inherited with the minimum, as its confidence is.
      var minimumBasis: String?
      if let value = fields["minimum-publication-basis"] {
        minimumBasis = try value.optionalShownText()
      } else {
        minimumBasis = minimum == nil || minimum != base?.minimumPublication ? nil : base?.minimumBasis
      }
      // A date, or null to clear the day a replaced rule's law came into force (a local law that stood before it).
      func date(_ key: String) throws(FileProblem) -> CivilDate? {
        guard let value = fields[key], !value.isNull else { return nil }
        return try value.date(try value.string())
      }
      let inForce = fields["in-force"] == nil ? base?.inForce : try date("in-force")
      // The minimum's day is the deadline's unless given, or inherited with both.
      var minimumInForce = fields["minimum-in-force"] != nil ? try date("minimum-in-force")
        : fields["in-force"] == nil && fields["minimum-publication"] == nil ? base?.minimumInForce : inForce
      if minimum == nil { minimumInForce = nil }
      var before = base?.beforeInForce ?? .general
      // An entry dating a rule it replaces by a day of its own leaves information formed before to that rule, unless it
      // says otherwise: a local law that shortens a national period does not lengthen it before its day.
      var replaced = fields["in-force"] != nil && inForce != nil && inForce != base?.inForce ? base : nil
      if let value = fields["before-in-force"] {
        if value.isMapping {
          (before, replaced) = (.law(try Self.earlierLaw(value)), nil)
        } else {
          switch try value.string() {
          case "general": (before, replaced) = (.general, nil)
          case "none": (before, replaced) = (.none, nil)
          case "replaced" where base != nil: replaced = base
          case let other:
            throw value.problem("unknown before-in-force '\(other)'; use general (the 条例's 20 working days), none"
              + (base == nil ? "" : ", replaced (the rule this entry replaces)")
              + " or the earlier law's period, basis, confidence and note as fields")
          }
        }
      }
      let basis = try string("basis", base?.basis)
      let rule = DisclosureRule(
        code: code, category: category, name: name, trigger: trigger, period: try period("period", base?.period),
        changePeriod: try period("change-period", base?.changePeriod), minimumPublication: minimum, minimumCountedFrom: countedFrom,
        minimumPublicationName: minimumName ?? DisclosureRule.displayPeriodName,
        responsible: try text("responsible", base?.responsible), basis: basis, minimumBasis: minimumBasis,
        confidence: confidence, minimumConfidence: minimumConfidence,
        note: try fields["note"].map { (value) throws(FileProblem) in try LocalizedText(note: value) } ?? base?.note,
        alsoChanges: try codes("changes", base?.alsoChanges), withdraws: try codes("withdraws", base?.withdraws),
        inForce: inForce, minimumInForce: minimumInForce, beforeInForce: before,
        citedTexts: citedTexts.filter { basis.contains($0.key) || minimumBasis?.contains($0.key) == true }, replaced: replaced)
      if let base { try requireOwnDescription(of: rule, replacing: base) }
      do { try rule.validate() } catch { throw value.problem("\(error)") }
      return rule
    }

    /// `before-in-force` given as the period an earlier law set: all four fields, as a rule's own, the note required
    /// when the period is unverified.
    private static func earlierLaw(_ value: YAMLValue) throws(FileProblem) -> EarlierLaw {
      let fields = try value.mapping(keys: ["period", "basis", "confidence", "note"])
      let period = try Period(deadline: fields.required("period"),
                              otherForms: " or 'by-trigger-day' (where no law set one, write `before-in-force: none`)")
      let confidenceValue = try fields.required("confidence")
      let text = try confidenceValue.string()
      guard let confidence = Confidence(rawValue: text) else {
        throw confidenceValue.problem("unknown confidence '\(text)'; use S, S2 or M")
      }
      let note = try fields["note"].flatMap { (value) throws(FileProblem) in try LocalizedText(note: value) }
      if confidence == .unverified && note == nil {
        throw (fields["note"] ?? value).problem("an unverified (M) earlier period needs a note saying what to verify; add `note:`")
      }
      let basisValue = try fields.required("basis")
      let basis = try basisValue.shownText()
      guard !basis.allSatisfy(\.isWhitespace) else {
        throw basisValue.problem("the earlier law's basis is empty; give the article that set its period")
      }
      return EarlierLaw(period: period, basis: basis, confidence: confidence, note: note)
    }

    /// The fields an entry of a kind no profile below defines must give, in the order a rule is written.
    static let requiredOfNewKind = ["category", "name", "trigger", "period", "responsible", "basis", "confidence"]

    /// A replacement that changes when or on what basis information must be published says what it rests on: the
    /// note and confidence of the rule replaced describe that rule's period and law, and inherited, `rules`,
    /// `check --explain` and the exports would show the national research beside a local period it never covered.
    private func requireOwnDescription(of rule: DisclosureRule, replacing base: DisclosureRule) throws(FileProblem) {
      let changed = [
        ("period", rule.period != base.period), ("change-period", rule.changePeriod != base.changePeriod),
        ("minimum-publication", rule.minimumPublication != base.minimumPublication),
        ("minimum-publication-from", rule.minimumCountedFrom != base.minimumCountedFrom), ("basis", rule.basis != base.basis),
        ("in-force", rule.inForce != base.inForce), ("minimum-in-force", rule.minimumInForce != base.minimumInForce),
        ("before-in-force", rule.beforeInForce != base.beforeInForce),
      ].filter(\.1).map(\.0)
      let missing = [("note", "note (null for none)"), ("confidence", "confidence (S, S2 or M)")].filter { fields[$0.0] == nil }
      guard !changed.isEmpty, !missing.isEmpty else { return }
      throw value.problem("""
        \(code) changes the \(changed.listed()) of the rule it replaces, so that rule's \(missing.map(\.0).listed()) \
        no longer \(missing.count == 1 ? "describes" : "describe") it; give this entry its own \(missing.map(\.1).listed())
        """)
    }
  }

  static let entryKeys: Set<String> = [
    "code", "category", "name", "trigger", "period", "change-period", "minimum-publication", "minimum-publication-from",
    "minimum-publication-name",
    "responsible", "basis", "minimum-publication-basis", "confidence", "minimum-confidence", "note", "changes", "withdraws",
    "in-force", "minimum-in-force", "before-in-force",
  ]

  /// A profile's name joins the others' in the catalogue's name (`national+shanghai+yangpu`), which the register
  /// records and the audit CSV states: a `+`, a space, a control character or an empty name would make two sets
  /// of files read as one, or a cell no script can trust.
  static func isValidProfileName(_ name: String) -> Bool {
    guard let first = name.utf8.first, (0x61...0x7A).contains(first), name.utf8.count <= 40 else { return false }
    return name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
  }

  /// Reads the file, collecting every problem of its form (unknown fields, a missing or malformed code, a code
  /// given twice) rather than stopping at the first; `problems` holds them, and `entries` the entries that can be
  /// built on.
  init(_ root: YAMLValue, problems collector: inout ProblemCollector) {
    file = root.file
    let fields = collector.mapping(root, keys: ["profile", "title", "extends", "rules", "cited-texts"])
    let profile = fields.flatMap { fields in
      collector.attempt { () throws(FileProblem) in
        let value = try fields.required("profile")
        let name = try value.string()
        guard Self.isValidProfileName(name) else {
          throw value.problem("""
            profile name '\(name)' is not usable; use 1 to 40 lowercase letters, digits or '-', starting with a letter, \
            e.g. yangpu (a Chinese name goes in title:)
            """)
        }
        return name
      }
    }
    self.profile = profile ?? ""
    profileLine = fields?["profile"]?.line ?? root.line
    title = fields.flatMap { fields in collector.attempt { () throws(FileProblem) in try fields["title"].flatMap { (value) throws(FileProblem) in try value.optionalText().map(value.shown) } } ?? nil }
      .flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
    extends = fields.flatMap { fields in collector.attempt { () throws(FileProblem) in try fields["extends"]?.optionalString() } ?? nil }
    extendsLine = fields?["extends"]?.line ?? root.line
    var seen: [String: Int] = [:]
    var entries: [Entry] = []
    let items = fields.flatMap { fields in collector.attempt { () throws(FileProblem) in try fields.required("rules").sequence() } } ?? []
    for item in items {
      guard let entryFields = collector.mapping(item, keys: Self.entryKeys) else { continue }
      let entry = collector.attempt { () throws(FileProblem) -> Entry in
        let code = try entryFields.required("code").string()
        guard DisclosureRule.isValidCode(code) else { throw item.problem("\(RuleError.malformedCode(code))") }
        if let first = seen[code] {
          throw item.problem("code '\(code)' is defined twice (first at line \(first)); each item kind has one entry")
        }
        seen[code] = item.line ?? 0
        return Entry(value: item, code: code, fields: entryFields)
      }
      if let entry { entries.append(entry) }
    }
    self.entries = entries
    var cited: [String: CivilDate] = [:]
    var citedAt: [String: Int] = [:]
    for item in fields.flatMap({ fields in collector.attempt { () throws(FileProblem) in try fields["cited-texts"]?.sequence() } ?? nil }) ?? [] {
      guard let text = collector.mapping(item, keys: ["text", "in-force"]) else { continue }
      collector.attempt { () throws(FileProblem) in
        let name = try text.required("text").shownText()
        // Listed twice, with two days, one would be taken unseen.
        if let first = citedAt[name] {
          throw item.problem("text '\(name)' is listed twice (first at line \(first)); give each cited text one entry")
        }
        citedAt[name] = item.line ?? 0
        let value = try text.required("in-force")
        cited[name] = try value.date(try value.string())
      }
    }
    citedTexts = cited
  }
}

extension LocalizedText {
  /// `{zh: ..., en: ...}`; the Chinese text is required, English defaults to it.
  init(_ value: YAMLValue) throws(FileProblem) {
    let fields = try value.mapping(keys: ["zh", "en"])
    let chinese = try fields.required("zh").shownText()
    self.init(chinese: chinese, english: try fields["en"]?.optionalShownText() ?? chinese)
  }

  /// A note: `{zh: ..., en: ...}` like a name, or `nil` for null (a profile clears the note it replaces so).
  /// A plain text, the form notes had before they were bilingual, is still read, as the text of both languages,
  /// so that the profile files users have written keep loading.
  init?(note value: YAMLValue) throws(FileProblem) {
    if value.isNull { return nil }
    guard value.node.scalar == nil else {
      let text = try value.shownText()
      self.init(chinese: text, english: text)
      return
    }
    try self.init(value)
  }
}

extension Period {
  /// `20 working-days`, `3 calendar-days`, `by-trigger-day` (``byTriggerDay``), or `none` (nil).
  init?(_ value: YAMLValue) throws(FileProblem) {
    if try value.string() == "none" { return nil }
    try self.init(deadline: value, otherForms: ", 'by-trigger-day' or 'none'")
  }

  /// A period where `none` means something else (an earlier law's, where `before-in-force: none` says no law set
  /// one): `otherForms` ends the list of what may be written after 'N working-days' and 'N calendar-days'.
  init(deadline value: YAMLValue, otherForms: String) throws(FileProblem) {
    let text = try value.string()
    if text == "by-trigger-day" {
      self = .byTriggerDay
      return
    }
    let parts = text.split(separator: " ")
    guard parts.count == 2, let length = Int(parts[0]), let unit = Period.Unit(rawValue: String(parts[1])), unit != .triggerDay else {
      throw value.problem("'\(text)' is not a period; use 'N working-days', 'N calendar-days'\(otherForms)")
    }
    do { try self.init(length, unit) } catch { throw value.problem("\(error)") }
  }
}
