import Foundation
import Synchronization
import GongkaiCore

extension RuleCatalogue {
  /// The profiles shipped with the product.
  public static func bundledProfiles(resources: URL) -> [String] {
    // The shipped folder, found beside the binary: its names, for messages that list the profiles.
    ((try? BundledResources.yamlFiles(in: resources.appendingPathComponent("rules"))) ?? []).map {
      $0.deletingPathExtension().lastPathComponent
    }
  }

  /// The catalogue of a shipped profile (`national`, `shanghai`), with the user's profile files applied on top
  /// in order, each on the profile it `extends` (see ``ProfileChain``). Every file is validated; the first file
  /// with problems is refused with all of them (at most ``FileProblems/shown``), each naming its line and entry:
  /// later files build on it, so are not read.
  public static func load(profile: String = "national", extraProfiles: [URL] = [], resources: URL)
    throws(FileProblems) -> RuleCatalogue
  {
    let folder = resources.appendingPathComponent("rules")
    func bundled(_ name: String) throws(FileProblems) -> URL {
      let url = folder.appendingPathComponent("\(name).yaml")
      guard FileManager.default.fileExists(atPath: url.path) else {
        throw FileProblems([FileProblem(file: "--profile", line: nil, field: nil, message:
          "unknown profile '\(name)'; shipped profiles: \(bundledProfiles(resources: resources).joined(separator: ", "))")])
      }
      return url
    }
    var chain = ProfileChain(shipped: bundledProfiles(resources: resources))
    var cited: [String: CivilDate] = [:]
    var catalogue = try build(bundled("national"), displayName: "rules/national.yaml", on: nil, chain: &chain, cited: &cited)
    if profile != catalogue.profile {
      catalogue = try build(bundled(profile), displayName: "rules/\(profile).yaml", on: catalogue, chain: &chain, cited: &cited)
    }
    for url in extraProfiles { catalogue = try build(url, displayName: nil, on: catalogue, chain: &chain, cited: &cited) }
    let elsewhere = KindsOfOtherProfiles(applied: Set(catalogue.profile.split(separator: "+").map(String.init)), resources: resources)
    catalogue.shippedProfile = { elsewhere.profile(defining: $0) }
    return catalogue
  }

  /// The cited texts, and each national law also by the name without 中华人民共和国 that profiles written by hand cite
  /// it by (《行政处罚法》), where no text of that name is listed: its articles are marked the same.
  private static func withShortNames(_ cited: [String: CivilDate]) -> [String: CivilDate] {
    let prefix = "《中华人民共和国"
    return cited.reduce(into: cited) { all, text in
      guard text.key.hasPrefix(prefix) else { return }
      let short = "《" + text.key.dropFirst(prefix.count)
      if all[short] == nil { all[short] = text.value }
    }
  }

  /// Reads a file and builds its rules on top of `base`, the catalogue of the profiles in `chain`, which the file
  /// must extend; adds the file's profile to `chain` and its cited texts to `cited`; throws every problem found. A
  /// shipped file comes with its `displayName` (`rules/shanghai.yaml`), a user's with none.
  private static func build(
    _ url: URL, displayName: String?, on base: RuleCatalogue?, chain: inout ProfileChain, cited: inout [String: CivilDate]
  ) throws(FileProblems) -> RuleCatalogue {
    let root: YAMLValue
    do { root = try YAMLValue.read(url, displayName: displayName) } catch { throw FileProblems([error]) }
    var collector = ProblemCollector()
    let file = RuleFile(root, problems: &collector)
    for problem in chain.problems(of: file, isShipped: displayName != nil) { collector.add(problem) }
    cited.merge(file.citedTexts) { _, new in new }
    var rules: [DisclosureRule] = []
    let texts = withShortNames(cited)
    for entry in file.entries {
      if let rule = collector.attempt({ () throws(FileProblem) in
        try entry.rule(replacing: base?.rule(for: entry.code), citedTexts: texts)
      }) {
        rules.append(rule)
      }
    }
    // A link to a kind neither this file nor the profiles below define, named at its line with the rest: the catalogue
    // built from them would refuse it without one.
    let defined = Set(file.entries.map(\.code)).union(base?.rules.map(\.code) ?? [])
    for entry in file.entries {
      for key in ["changes", "withdraws"] {
        for item in (try? entry.fields[key]?.sequence()) ?? [] {
          guard let linked = try? item.string(), DisclosureRule.isValidCode(linked), !defined.contains(linked) else { continue }
          collector.add(item.problem(ReferenceList.message(for: RuleError.unknownLinkedKind(entry.code, linked))))
        }
      }
    }
    guard collector.problems.isEmpty else { throw FileProblems(collector.problems.sortedByLine()).capped() }
    chain.append(file.profile)
    do {
      guard let base else { return try RuleCatalogue(profile: file.profile, titles: [file.title].compactMap { $0 }, rules: rules) }
      return try base.applying(rules, profile: file.profile, title: file.title)
    } catch {
      throw FileProblems([FileProblem(file: file.file, line: nil, field: nil, message: ReferenceList.message(for: error))])
    }
  }
}

/// The item kinds of the shipped profiles a catalogue does not apply, by kind, read on the first kind found unknown
/// and kept: a sheet of a Shanghai register has the same unknown kind on every row, and reading the profiles again
/// for each took an import of 30,000 such rows from 5 s to 158 s.
private final class KindsOfOtherProfiles: Sendable {
  private let applied: Set<String>
  private let resources: URL
  private let profiles = Mutex<[String: String]?>(nil)

  init(applied: Set<String>, resources: URL) {
    self.applied = applied
    self.resources = resources
  }

  func profile(defining kind: String) -> String? {
    profiles.withLock { profiles in
      if profiles == nil {
        var found: [String: String] = [:]
        // A profile that does not load (a shipped file is checked by the tests) names no kind.
        for name in RuleCatalogue.bundledProfiles(resources: resources).sorted() where !applied.contains(name) {
          for rule in (try? RuleCatalogue.load(profile: name, resources: resources))?.rules ?? [] where found[rule.code] == nil {
            found[rule.code] = name
          }
        }
        profiles = found
      }
      return profiles?[kind]
    }
  }
}
