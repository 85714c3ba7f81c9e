import Foundation
import GongkaiCore

extension RuleCatalogue {
  /// The profiles shipped with the product.
  public static func bundledProfiles(resources: URL) -> [String] {
    BundledResources.yamlFiles(in: resources.appendingPathComponent("rules")).map {
      $0.deletingPathExtension().lastPathComponent
    }
  }

  /// The catalogue of a shipped profile (`national`, `shanghai`), with the user's profile files applied on top
  /// in order. Every file is validated; the first problem is thrown naming file, line and entry.
  public static func load(profile: String = "national", extraProfiles: [URL] = [], resources: URL)
    throws(FileProblem) -> RuleCatalogue
  {
    let folder = resources.appendingPathComponent("rules")
    func bundled(_ name: String) throws(FileProblem) -> RuleFile {
      let url = folder.appendingPathComponent("\(name).yaml")
      guard FileManager.default.fileExists(atPath: url.path) else {
        throw FileProblem(file: "--profile", line: nil, field: nil, message:
          "unknown profile '\(name)'; shipped profiles: \(bundledProfiles(resources: resources).joined(separator: ", "))")
      }
      return try RuleFile(YAMLValue.read(url, displayName: "rules/\(name).yaml"))
    }
    let national = try bundled("national")
    var catalogue = try build(national, on: nil)
    if profile != national.profile { catalogue = try build(bundled(profile), on: catalogue) }
    for url in extraProfiles { catalogue = try build(RuleFile(YAMLValue.read(url)), on: catalogue) }
    return catalogue
  }

  /// Builds a file's rules on top of `base`, a catalogue the file extends.
  private static func build(_ file: RuleFile, on base: RuleCatalogue?) throws(FileProblem) -> RuleCatalogue {
    if base == nil, let extends = file.extends {
      throw FileProblem(file: file.file, line: file.extendsLine, field: "extends", message: "the national catalogue extends nothing, not '\(extends)'")
    }
    if base != nil, file.extends == nil {
      throw FileProblem(file: file.file, line: file.extendsLine, field: "extends",
                        message: "a profile must say which catalogue it changes, e.g. 'extends: national'")
    }
    var rules: [DisclosureRule] = []
    for entry in file.entries { rules.append(try entry.rule(replacing: base?.rule(for: entry.code))) }
    do {
      guard let base else { return try RuleCatalogue(profile: file.profile, rules: rules) }
      return try base.applying(rules, profile: file.profile)
    } catch {
      throw FileProblem(file: file.file, line: nil, field: nil, message: "\(error)")
    }
  }
}
