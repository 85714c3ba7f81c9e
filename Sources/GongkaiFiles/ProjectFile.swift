import Foundation
import GongkaiCore
import GongkaiReference

/// A project file (`Projects/<code>.yaml`, the form in `Projects/README.md`): read strictly, with every
/// problem reported by line, and written back in the same form so that import after export changes nothing.
public enum ProjectFile {
  static let projectKeys: Set<String> = [
    "code", "name", "legal-person", "location", "total-investment", "responsible-unit", "milestones",
  ]
  static let milestoneKeys: Set<String> = ["kind", "formed", "ref", "summary", "unit", "changes", "withdrawn", "disclosures"]
  static let disclosureKeys: Set<String> = ["published", "channel", "url", "until"]

  /// Reads and checks one file; throws ``FileProblems`` listing every problem.
  public static func read(_ url: URL, catalogue: RuleCatalogue, today: CivilDate, displayName: String? = nil)
    throws(FileProblems) -> ProjectDocument
  {
    let root: YAMLValue
    do { root = try YAMLValue.read(url, displayName: displayName) } catch { throw FileProblems([error]) }
    return try parse(root, catalogue: catalogue, today: today)
  }

  /// Checks a parsed file; throws ``FileProblems`` listing every problem.
  public static func parse(_ root: YAMLValue, catalogue: RuleCatalogue, today: CivilDate) throws(FileProblems)
    -> ProjectDocument
  {
    var collector = ProblemCollector()
    guard let fields = collector.mapping(root, keys: projectKeys) else { throw FileProblems(collector.problems) }

    // A number's comment after it (`12500 #万元`) loses nothing of it, as a date's does not: read as YAML reads it.
    func text(_ key: String, required: Bool = false, isNumber: Bool = false) -> String? {
      guard let value = fields[key] else {
        if required { _ = collector.attempt { () throws(FileProblem) in try fields.required(key) } }
        return nil
      }
      // A value that cannot be read is one problem, not also a missing one.
      guard let string = collector.attempt({ () throws(FileProblem) in
        try (isNumber ? value.optionalString() : value.optionalText()).map(trimmed)
      }) else { return nil }
      for error in RegisterText.problems(key, string, required: required) { collector.add(value.problem(error.message)) }
      return string.flatMap(nonEmpty)
    }
    let code = collector.attempt { () throws(FileProblem) -> ProjectCode in
      let value = try fields.required("code")
      let text = try value.string()
      do { return try ProjectCode(text) } catch { throw value.problem("\(error)") }
    }
    let name = text("name", required: true)
    let unit = text("responsible-unit", required: true)
    let (legalPerson, location, investment) = (text("legal-person"), text("location"), text("total-investment", isNumber: true))
    if let value = fields["total-investment"], let problem = investment.flatMap(Project.investmentProblem) {
      collector.add(value.problem(problem.message))
    }

    var milestones: [MilestoneEntry] = []
    var milestoneLines: [Int] = []
    var lines: [MilestoneKey: Int] = [:]
    var changes: [(entry: Int, text: String, value: YAMLValue)] = []
    let items = collector.attempt { () throws(FileProblem) in try fields["milestones"]?.sequence() ?? [] } ?? []
    for item in items {
      guard let entry = readMilestone(item, catalogue: catalogue, today: today, collector: &collector) else { continue }
      // Only one milestone in force a key; withdrawn ones may share it (recorded by mistake, withdrawn, recorded again).
      if entry.entry.withdrawnReason == nil {
        if let first = lines[entry.entry.key] {
          collector.add(item.problem("milestone \(entry.entry.key.described) is listed twice (first at line \(first)); keep one"))
          continue
        }
        lines[entry.entry.key] = item.line ?? 0
      }
      if let link = entry.changes { changes.append((milestones.count, link.text, link.value)) }
      milestones.append(entry.entry)
      milestoneLines.append(item.line ?? 0)
    }
    for link in changes {
      guard let target = MilestoneKey(reference: link.text) else {
        if let date = MilestoneKey.dateProblem(in: link.text) {
          collector.add(link.value.problem("'\(link.text)': its day \(date)"))
          continue
        }
        collector.add(link.value.problem("'\(link.text)' is not a milestone reference; write KIND@YYYY-MM-DD, e.g. bidding.contract@2024-06-20, adding #REF when the milestone has a ref"))
        continue
      }
      // `KIND@DATE#`, with nothing after the #, names the one without a 文号.
      var matches = milestones.filter {
        $0.kind == target.kind && $0.formedOn == target.formedOn
          && (target.reference == nil || $0.reference == target.reference || target.reference == "" && $0.reference == nil)
      }
      // A link names the milestone in force beside a withdrawn one of the same key; among withdrawn ones alone (a
      // withdrawn change naming a withdrawn milestone), the last listed before it.
      if matches.count > 1, target.reference != nil || Set(matches.map(\.key)).count == 1 {
        let inForce = matches.filter { $0.withdrawnReason == nil }
        matches = inForce.isEmpty ? Array(milestones[..<link.entry].filter { matches.contains($0) }.suffix(1)) : inForce
      }
      guard matches.count == 1 else {
        collector.add(link.value.problem(matches.isEmpty
          ? "no milestone '\(link.text)' in this file; the changed milestone must be listed too"
          : "'\(link.text)' matches \(matches.count) milestones; add the ref of the one it changes, e.g. \(target)#\(matches[0].reference ?? ""), "
            + "or # alone for the one without a ref"))
        continue
      }
      milestones[link.entry].changes = matches[0].key
      if matches[0].formedOn > milestones[link.entry].formedOn {
        collector.add(link.value.problem(RegisterError.changesLaterMilestone(link.text).message))
      }
      if let problem = catalogue.changeProblem(kind: milestones[link.entry].kind, changing: target.kind, link: link.text) {
        collector.add(link.value.problem(problem.message))
      }
    }
    for index in MilestoneEntry.changeLoops(in: milestones) {
      guard let link = changes.first(where: { $0.entry == index }) else { continue }
      collector.add(link.value.problem(RegisterError.changesItself(link.text).message))
    }
    // A field that could not be read is among the problems.
    guard collector.problems.isEmpty, let code, let name, let unit else { throw FileProblems(collector.problems.sortedByLine()) }
    let project = Project(code: code, name: name, legalPerson: legalPerson, location: location, totalInvestment: investment,
                          responsibleUnit: unit)
    let fieldLines = Self.projectKeys.reduce(into: [String: Int]()) { lines, key in lines[key] = fields[key]?.line }
    return ProjectDocument(project: project, milestones: milestones, milestoneLines: milestoneLines, fieldLines: fieldLines)
  }

  private static func readMilestone(
    _ item: YAMLValue, catalogue: RuleCatalogue, today: CivilDate, collector: inout ProblemCollector
  ) -> (entry: MilestoneEntry, changes: (text: String, value: YAMLValue)?)? {
    guard let fields = collector.mapping(item, keys: milestoneKeys) else { return nil }
    let problemsBefore = collector.problems.count
    func text(_ key: String) -> String? {
      collector.attempt { () throws(FileProblem) -> String? in
        try fields[key]?.optionalText().map(trimmed)
      } ?? nil
    }
    // Its lines as the register keeps them: a summary `export project` wrote of one stored with CR LF is read back.
    let summary = text("summary").flatMap(nonEmpty).map(RegisterText.withLineFeeds)
    let (reference, unit) = (text("ref").flatMap(nonEmpty), text("unit").flatMap(nonEmpty))
    let kind = collector.attempt { () throws(FileProblem) in try fields.required("kind").string() }
    let formed = collector.attempt { () throws(FileProblem) in
      let value = try fields.required("formed")
      return try value.date(try value.string(), yearFirst: true)
    }
    var disclosures: [Disclosure] = []
    // By day and channel, the channel's spaces aside: one spelt with other spaces (a no-break space pasted from a web
    // page) is the same publication, which the register would show twice under two 索引号.
    var disclosureLines: [String: (line: Int, publication: Disclosure)] = [:]
    for value in collector.attempt({ () throws(FileProblem) in try fields["disclosures"]?.sequence() ?? [] }) ?? [] {
      guard let disclosure = readDisclosure(value, collector: &collector) else { continue }
      let key = "\(disclosure.publishedOn) \(Disclosure.unspaced(disclosure.channel))"
      if let first = disclosureLines[key] {
        let spaces = [(Disclosure.unusualSpaces(in: disclosure.channel), "here"), (Disclosure.unusualSpaces(in: first.publication.channel), "there")]
          .filter { !$0.0.isEmpty }.map { "\($0.0.listed()) \($0.1)" }
        let spelt = first.publication.spellsChannel(as: disclosure) ? ""
          : ", its channel spelt '\(first.publication.channel)' with other spaces" + (spaces.isEmpty ? "" : " (\(spaces.joined(separator: "; ")))")
        collector.add(value.problem("""
          the publication of \(disclosure.publishedOn) '\(disclosure.channel)' is listed twice (first at line \(first.line)\(spelt)); keep one
          """))
        continue
      }
      disclosureLines[key] = (value.line ?? 0, disclosure)
      disclosures.append(disclosure)
      if let formed {
        // Asked of the rules only of a publication before its day (an autoclosure).
        func admitted() -> Bool {
          catalogue.admitsPublicationBeforeFormation(of: kind ?? "", formedOn: formed, isChange: fields["changes"] != nil)
        }
        for error in disclosure.problems(formedOn: formed, admittedBefore: admitted(), today: today) {
          let mapping = try? value.mappingReportingUnknown(keys: disclosureKeys).0
          collector.add((mapping?[error.field] ?? value).problem(error.message))
        }
      }
    }
    // A reason it would be, quoted; plain, it is a yes or no where a reason belongs.
    if let withdrawn = fields["withdrawn"], let answer = withdrawn.plainYesOrNo {
      collector.add(withdrawn.problem("withdrawn '\(answer)' is not accepted: withdrawn takes the reason the record was "
        + "made by mistake, not yes or no, e.g. withdrawn: 日期填错; leave the field out for a milestone in force"))
    }
    let changes = collector.attempt { () throws(FileProblem) -> (text: String, value: YAMLValue)? in
      guard let value = fields["changes"], let text = try value.optionalString() else { return nil }
      return (text, value)
    } ?? nil
    guard let kind, let formed else {
      let problems = MilestoneEntry.problems(
        kind: kind, reference: reference, summary: summary, responsibleUnit: unit,
        withdrawnReason: text("withdrawn"), catalogue: catalogue)
      for error in problems { collector.add((fields[error.field] ?? item).problem(error.message)) }
      return nil
    }
    let entry = MilestoneEntry(
      kind: kind, formedOn: formed, reference: reference, summary: summary, responsibleUnit: unit,
      withdrawnReason: text("withdrawn"), disclosures: disclosures)
    for error in entry.problems(catalogue: catalogue, today: today) {
      collector.add((fields[error.field] ?? item).problem(error.message))
    }
    return collector.problems.count == problemsBefore ? (entry, changes) : nil
  }

  /// A text without the spaces and line breaks around it, as options and spreadsheet cells are read: `"　测试单位"`
  /// (a full-width space typed before it) is the unit 测试单位, which `check --unit` selects and reports count together.
  private static func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

  /// An optional field left blank (`unit: ""`, a full-width space) is the field left out, as a blank cell of a sheet
  /// and an empty option are: kept as an empty text, a milestone's unit named no one in the morning's alerts.
  private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

  private static func readDisclosure(_ value: YAMLValue, collector: inout ProblemCollector) -> Disclosure? {
    guard let fields = collector.mapping(value, keys: disclosureKeys) else { return nil }
    return collector.attempt { () throws(FileProblem) -> Disclosure in
      let published = try fields.required("published")
      let until = try fields["until"]?.optionalString()
      return Disclosure(
        publishedOn: try published.date(try published.string(), yearFirst: true),
        channel: trimmed(try fields.required("channel").text()), url: try fields["url"]?.optionalString().map(trimmed), until: try until.map { (text) throws(FileProblem) in try fields["until"]!.date(text, yearFirst: true) })
    }
  }
}
