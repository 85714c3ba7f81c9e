/// A milestone as staff write it down (in a project file, a spreadsheet row or a command), before the
/// register gives it an id: the natural key is its kind, date and document number.
public struct MilestoneEntry: Hashable, Sendable {
  public var kind: String
  public var formedOn: CivilDate
  /// 文号.
  public var reference: String?
  public var summary: String?
  public var responsibleUnit: String?
  /// The earlier milestone of the same project whose information this one changes.
  public var changes: MilestoneKey?
  /// Set when the milestone was recorded by mistake: it stays on record but is no longer checked.
  public var withdrawnReason: String?
  public var disclosures: [Disclosure]

  public init(
    kind: String, formedOn: CivilDate, reference: String? = nil, summary: String? = nil,
    responsibleUnit: String? = nil, changes: MilestoneKey? = nil, withdrawnReason: String? = nil,
    disclosures: [Disclosure] = []
  ) {
    self.kind = kind
    self.formedOn = formedOn
    self.reference = reference
    self.summary = summary
    self.responsibleUnit = responsibleUnit
    self.changes = changes
    self.withdrawnReason = withdrawnReason
    self.disclosures = disclosures
  }

  public var key: MilestoneKey { MilestoneKey(kind: kind, formedOn: formedOn, reference: reference) }

  /// Every problem of the milestone's own fields: an unknown kind, a date after today, text fields. Its
  /// disclosures are checked with ``Disclosure/problems(formedOn:admittedBefore:today:)``. `changesByID` is for a
  /// change linked apart from the entry (`log --changes 12` gives the milestone's id, not its key): whether a day
  /// to come may be recorded depends on the period of a change.
  public func problems(catalogue: RuleCatalogue, today: CivilDate, changesByID: Bool = false) -> [RegisterError] {
    var found = Self.problems(
      kind: kind, reference: reference, summary: summary, responsibleUnit: responsibleUnit,
      withdrawnReason: withdrawnReason, catalogue: catalogue)
    if let problem = Self.formationProblem(
      "formed", formedOn, kind: kind, isChange: changes != nil || changesByID, catalogue: catalogue, today: today)
    {
      found.append(problem)
    }
    if let changes, changes.formedOn > formedOn { found.append(.changesLaterMilestone(changes.description)) }
    return found
  }

  /// Why a milestone of `kind` cannot be recorded as formed on `day`, seen `today`, given as `field`; nil where it
  /// may: a day that has come, or, for an item the law wants public by its day (a tender notice by the day its
  /// documents go on sale, which the notice announces), a day up to ``Disclosure/longestLead`` days ahead, so that
  /// the notice is recorded the day it goes up. Any other day after today has not happened, or is mistyped; one
  /// further ahead is refused with the last day that may be given.
  public static func formationProblem(
    _ field: String, _ day: CivilDate, kind: String, isChange: Bool, catalogue: RuleCatalogue, today: CivilDate
  ) -> RegisterError? {
    guard day > today else { return nil }
    guard catalogue.admitsPublicationBeforeFormation(of: kind, formedOn: day, isChange: isChange) else {
      return .futureDate(field, day, today: today)
    }
    return today.days(to: day) > Disclosure.longestLead ? .tooFarAhead(field, day, today: today) : nil
  }

  /// The problems of the fields that do not depend on the date: an unknown kind (a missing one is the reader's to
  /// report) and text fields. A file or spreadsheet whose date cannot be read still reports these, so one run
  /// lists every problem of the milestone instead of the next one only after the date is fixed.
  public static func problems(
    kind: String?, reference: String?, summary: String?, responsibleUnit: String?, withdrawnReason: String?,
    catalogue: RuleCatalogue
  ) -> [RegisterError] {
    var found: [RegisterError] = []
    if let kind, catalogue.rule(for: kind) == nil {
      let defining = catalogue.shippedProfile?(kind).map { UnknownKindProfiles(applied: catalogue.profile, defining: $0) }
      if defining == nil, let category = catalogue.category(meant: kind) {
        // A word that names a category and is also the last part of a kind's code (`result`: approval-result, and
        // bidding.result) may mean either: both are named.
        let kinds = catalogue.kinds(meant: kind).map(\.code)
        found.append(kinds.isEmpty ? .categoryForKind(kind, category) : .unknownKind(kind, meant: kinds, categories: [category]))
      } else {
        found.append(.unknownKind(kind, meant: catalogue.kinds(meant: kind).map(\.code),
                                  categories: defining == nil ? catalogue.categories(sharingWord: kind) : [], profile: defining))
      }
    }
    return found + textProblems(reference: reference, summary: summary, responsibleUnit: responsibleUnit,
                                withdrawnReason: withdrawnReason)
  }

  /// The problems of the milestone's texts alone: what a register written before a rule was tightened may hold,
  /// and `doctor` looks for.
  public static func textProblems(
    reference: String?, summary: String?, responsibleUnit: String?, withdrawnReason: String?
  ) -> [RegisterError] {
    var found = RegisterText.problems("ref", reference)
    found += RegisterText.problems("summary", summary, maximum: RegisterText.maximumTextLength, allowNewlines: true)
    found += RegisterText.problems("unit", responsibleUnit)
    // A blank unit named no one in the alerts.
    found += RegisterText.blankProblems([("ref", reference), ("summary", summary), ("unit", responsibleUnit)])
    found += RegisterText.problems("withdrawn", withdrawnReason, maximum: RegisterText.maximumTextLength)
    if let reason = withdrawnReason, let problem = withdrawalReasonProblem(reason) { found.append(problem) }
    // `doctor` asks this of projects in force only, whose milestones hold the mark only if someone typed it before it
    // was refused: their project file would no longer import.
    if let reason = withdrawnReason, let marked = RegisterText.markProblem("withdrawn", reason) { found.append(marked) }
    return found
  }
}

extension MilestoneEntry {
  /// `reference` with its full-width ASCII (`５`, `ＹＰ－`) as ASCII, where it has full-width digits or letters: a
  /// document's number is written in ASCII digits (GB/T 9704: 发文字号 in Arabic numerals), and a Chinese input method
  /// types them full-width, which the notices then show and a later `--ref` typed in ASCII does not find. Full-width
  /// parentheses, as in 杨建（2025）9号, are the document's own, and kept.
  public static func asciiSpelling(ofReference reference: String) -> String? {
    func isDigitOrLetter(_ scalar: Unicode.Scalar) -> Bool {
      (0xFF10...0xFF19).contains(scalar.value) || (0xFF21...0xFF3A).contains(scalar.value) || (0xFF41...0xFF5A).contains(scalar.value)
    }
    guard reference.unicodeScalars.contains(where: isDigitOrLetter) else { return nil }
    return String(String.UnicodeScalarView(reference.unicodeScalars.map { "（）".unicodeScalars.contains($0) ? $0 : $0.halfWidth }))
  }

  /// Whether a 文号 made of 16 digits or more has only zeros past the fifteenth, as Excel and WPS leave a long number
  /// they stored as a number (a 施工许可证's, 18 digits): the digits were lost before the sheet was saved. A number may
  /// end in zeros, so this is a warning's question, not a refusal's.
  public static func mayHaveDigitsZeroedByASpreadsheet(_ reference: String) -> Bool {
    let digits = reference.utf8
    return digits.count >= 16 && isDigits(reference) && digits.dropFirst(15).allSatisfy { $0 == 0x30 }
  }

  private static func isDigits(_ text: String) -> Bool { text.utf8.allSatisfy(\.isASCIIDigit) }

  /// Whether two 文号 are one number of 16 digits or more, one of them with its digits past the fifteenth zeroed
  /// (``mayHaveDigitsZeroedByASpreadsheet(_:)``): a document logged by hand beside a spreadsheet's row that lost them,
  /// or a row imported again after its milestone's 文号 was corrected.
  public static func areOneNumberZeroedBySpreadsheet(_ a: String, _ b: String) -> Bool {
    a != b && a.utf8.count == b.utf8.count && a.utf8.prefix(15).elementsEqual(b.utf8.prefix(15))
      && (mayHaveDigitsZeroedByASpreadsheet(a) && isDigits(b) || mayHaveDigitsZeroedByASpreadsheet(b) && isDigits(a))
  }

  /// A record withdrawn says why it was made by mistake, as `gongkai withdraw --reason` must: the audit CSV and the
  /// history show the reason to whoever asks why an obligation stopped counting. An empty field withdraws without one.
  static func withdrawalReasonProblem(_ reason: String) -> RegisterError? {
    guard reason.allSatisfy(\.isWhitespace) else { return nil }
    return .invalidField("withdrawn", reason, "give the reason the record was made by mistake, e.g. withdrawn: 日期填错, "
      + "or leave the field out for a milestone in force")
  }

  /// One position on each loop of `changes` links among `milestones` (a milestone changing itself, or
  /// milestones of the same day changing each other). Such a loop has no original information to count a
  /// change's period from. Each milestone is visited once.
  public static func changeLoops(in milestones: [MilestoneEntry]) -> [Int] {
    let position = Dictionary(milestones.indices.map { (milestones[$0].key, $0) }, uniquingKeysWith: { first, _ in first })
    enum Visit { case unseen, onPath, done }
    var visits = [Visit](repeating: .unseen, count: milestones.count)
    var loops: [Int] = []
    for start in milestones.indices where visits[start] == .unseen {
      var path: [Int] = []
      var current: Int? = start
      while let index = current, visits[index] == .unseen {
        visits[index] = .onPath
        path.append(index)
        current = milestones[index].changes.flatMap { position[$0] }
      }
      if let index = current, visits[index] == .onPath { loops.append(index) }
      for index in path { visits[index] = .done }
    }
    return loops
  }
}

/// The natural key of a milestone within its project: kind, date and document number.
public struct MilestoneKey: Hashable, Sendable, CustomStringConvertible {
  public var kind: String
  public var formedOn: CivilDate
  public var reference: String?

  public init(kind: String, formedOn: CivilDate, reference: String? = nil) {
    self.kind = kind
    self.formedOn = formedOn
    self.reference = reference
  }

  /// Whether this key, as a link (`changes`) gives it, names the milestone of `key`: of its kind and day, and of its
  /// 文号 where the link gives one (`#` alone names the one without).
  public func names(_ key: MilestoneKey) -> Bool {
    kind == key.kind && formedOn == key.formedOn && (reference == nil || reference == (key.reference ?? ""))
  }

  /// `bidding.contract@2024-06-20`, as project files write a `changes:` reference; `#REF` follows when
  /// the milestone has a document number.
  public var description: String { "\(kind)@\(formedOn)" + (reference.map { "#\($0)" } ?? "") }

  /// `bidding.result 2026-10-12 沪招〔2026〕8号`, as error messages name a milestone.
  public var described: String { "\(kind) \(formedOn)" + (reference.map { " \($0)" } ?? "") }

  /// Reads `KIND@YYYY-MM-DD` or `KIND@YYYY-MM-DD#REF`; the date in any form ``CivilDate/init(parsingYearFirst:)``
  /// reads, as the milestone's own `formed:` may be written so.
  public init?(reference text: String) {
    guard let parts = Self.parts(of: text), let date = try? CivilDate(parsingYearFirst: parts.date) else { return nil }
    let kind = String(parts.kind.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    self.init(kind: kind, formedOn: date, reference: parts.tail.isEmpty ? nil : String(parts.tail.dropFirst()))
  }

  /// Why the date of a reference written `KIND@DATE…` cannot be read (a day and a weekday that disagree, a day
  /// that does not exist), for a message that says so rather than that the reference names nothing; nil for
  /// a readable date or text of another form.
  public static func dateProblem(in text: String) -> DateError? {
    guard let parts = parts(of: text) else { return nil }
    do { _ = try CivilDate(parsingYearFirst: parts.date) } catch { return error }
    return nil
  }

  /// `KIND`, `DATE` and `#REF` (or nothing) of `KIND@DATE#REF`.
  private static func parts(of text: String) -> (kind: Substring, date: Substring, tail: Substring)? {
    guard let at = text.firstIndex(of: "@") else { return nil }
    let rest = text[text.index(after: at)...]
    let tail = rest[(rest.firstIndex(of: "#") ?? rest.endIndex)...]
    return (text[..<at], rest[..<tail.startIndex], tail)
  }
}

extension Disclosure {
  /// The most calendar days a publication may come before its milestone, where the law wants the item public by the
  /// milestone's day (``Period/byTriggerDay``): a tender notice goes up days before its documents go on sale, not
  /// months, and one dated a year ahead has its year mistyped, which would make a late notice look on time.
  public static let longestLead = 90

  /// What is wrong with a publication on `published` of information formed on `formed`, if anything: dated before it
  /// where the rules do not admit that (`admitted`, asked of them only then), or more than ``longestLead`` days ahead.
  public static func precedenceProblem(published: CivilDate, formed: CivilDate, admitted: @autoclosure () -> Bool) -> RegisterError? {
    guard published < formed else { return nil }
    guard admitted() else { return .disclosureBeforeMilestone(published: published, formed: formed) }
    let lead = published.days(to: formed)
    guard lead > longestLead else { return nil }
    return .invalidField("published", published.description, """
      it is \(lead) days before the day the item is due by (\(formed), its milestone's), and such a notice goes up at most \
      \(longestLead) days ahead; check the dates
      """)
  }

  /// The problems of a disclosure of information formed on `formedOn`, which only an item the law wants public by
  /// that day (`admittedBefore`, asked of the rules only of a publication that does precede it) may precede.
  public func problems(formedOn: CivilDate, admittedBefore: @autoclosure () -> Bool, today: CivilDate) -> [RegisterError] {
    var found: [RegisterError] = []
    if let problem = Self.precedenceProblem(published: publishedOn, formed: formedOn, admitted: admittedBefore()) { found.append(problem) }
    if publishedOn > today { found.append(.futureDate("published", publishedOn, today: today)) }
    if let until, until < publishedOn { found.append(.untilBeforePublished("until", until: until, published: publishedOn)) }
    return found + textProblems
  }

  /// The problems of the publication's texts alone (channel and address).
  public var textProblems: [RegisterError] {
    RegisterText.problems("channel", channel, required: true) + RegisterText.urlProblems("url", url)
  }
}

/// A project with everything recorded about it: what a project file holds.
public struct ProjectDocument: Hashable, Sendable {
  public var project: Project
  public var milestones: [MilestoneEntry]
  /// The line each milestone begins on in the file it was read from, by position, so that an import's warning about
  /// one points to it as its errors do; empty for a document that comes from elsewhere (the register).
  public var milestoneLines: [Int]
  /// The line of each project field the file gives (`responsible-unit`), so that what the register finds against
  /// one (a value from before a change) names its line; empty for a document that comes from elsewhere.
  public var fieldLines: [String: Int]

  public init(project: Project, milestones: [MilestoneEntry], milestoneLines: [Int] = [], fieldLines: [String: Int] = [:]) {
    self.project = project
    self.milestones = milestones
    self.milestoneLines = milestoneLines
    self.fieldLines = fieldLines
  }

  /// Documents are equal when they say the same: a file read back is the document written, wherever its lines fall.
  public static func == (lhs: ProjectDocument, rhs: ProjectDocument) -> Bool {
    lhs.project == rhs.project && lhs.milestones == rhs.milestones
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(project)
    hasher.combine(milestones)
  }
}

/// A milestone of a named project with the line it came from: one row of a spreadsheet import.
public struct MilestoneRow: Sendable {
  public var line: Int
  public var project: ProjectCode
  /// The 项目名称 the row gives beside its code, which must be the project's (``Project/isNamed(_:registeredAs:)``): a code mistyped
  /// into another project's would otherwise record, and publish, the milestone under that project.
  public var projectName: String?
  public var entry: MilestoneEntry

  public init(line: Int, project: ProjectCode, projectName: String? = nil, entry: MilestoneEntry) {
    self.line = line
    self.project = project
    self.projectName = projectName
    self.entry = entry
  }
}

/// A 文号 as two typings of one document compare: 杨竣〔2026〕5号, 杨竣[2026]5号 and 杨竣（2026）5号 are one number, the
/// bracket 〔〕 that GB/T 9704 prescribes being the one an input method rarely offers.
public enum DocumentNumber {
  /// `reference` with its year's brackets as 〔〕 (杨发改投〔2026〕12号 for 杨发改投[2026]12号); `nil` for a 文号 in 〔〕
  /// already, or without brackets. Asked of every 文号 an import adds, so it reads scalars, not characters.
  public static func inStandardBrackets(_ reference: String) -> String? {
    let scalars = reference.unicodeScalars
    guard let open = scalars.firstIndex(where: { closing(for: $0) != nil || $0 == "〔" }), scalars[open] != "〔",
      let close = closing(for: scalars[open]).flatMap({ wanted in scalars[open...].firstIndex(of: wanted) })
    else { return nil }
    var standard = String.UnicodeScalarView(scalars[..<open])
    standard.append("〔")
    standard.append(contentsOf: scalars[scalars.index(after: open)..<close])
    standard.append("〕")
    standard.append(contentsOf: scalars[scalars.index(after: close)...])
    return String(standard)
  }

  /// The bracket that closes `open`, for the brackets a 文号's year is typed in instead of GB/T 9704's 〔〕.
  private static func closing(for open: Unicode.Scalar) -> Unicode.Scalar? {
    switch open {
    case "[": "]"
    case "(": ")"
    case "（": "）"
    case "【": "】"
    case "［": "］"
    case "〖": "〗"
    case "﹝": "﹞"
    default: nil
    }
  }

  /// The number with every bracket style as 〔〕, full-width letters and digits as ASCII, and spaces left out.
  public static func lookAlike(_ reference: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in reference.unicodeScalars.lazy.map(\.halfWidth) where !scalar.properties.isWhitespace {
      switch scalar {
      case "[", "(", "【", "〖", "〘", "﹝", "{": scalars.append("〔")
      case "]", ")", "】", "〗", "〙", "﹞", "}": scalars.append("〕")
      default: scalars.append(scalar)
      }
    }
    return String(scalars)
  }
}
