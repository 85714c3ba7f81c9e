import ArgumentParser
import GongkaiCore

extension Gongkai {
  struct Rules: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the disclosure rules: periods, minimum publication periods and legal basis.",
      discussion: """
        Each item kind has a stable code (e.g. bidding.candidates) used by `gongkai log`. Rules marked [M] \
        rest on a fact the reference research could not verify; their note says what to check.

        Examples:
          gongkai rules --category bidding
          gongkai rules --profile shanghai --format json
        """)

    @OptionGroup var rules: RulesOptions

    @Option(help: ArgumentHelp("Only this category (e.g. bidding).", valueName: "code"), transform: Category.argument)
    var category: Category?

    @Option(help: "Output format.") var format: ReportFormat = .text
    @Option(help: "Language of the text output.") var lang: Language = .zh

    func run() async throws {
      let catalogue = try rules.loadCatalogue()
      let selected = catalogue.rules.filter { category == nil || $0.category == category }
      switch format {
      case .json: try JSONOutput.print(RulesDocument(catalogue: catalogue, rules: selected))
      case .text: try StandardOutput.print(RulesText(rules: selected, catalogue: catalogue, language: lang).rendered, terminator: "")
      }
    }
  }
}

extension Category {
  static func argument(_ text: String) throws -> Category {
    let typed = text.trimmingCharacters(in: .whitespaces)
    // By its heading in the statute's list, as the outputs give it (招标投标信息), or without its 信息 or 有关信息
    // (招标投标, 施工): what staff who think of the eight headings type.
    if let category = Category.allCases.first(where: { $0.headings.contains(typed) }) { return category }
    guard let category = Category(rawValue: typed) else {
      // An item kind's code starts with its category's.
      if let dot = typed.firstIndex(of: "."), let category = Category(rawValue: String(typed[..<dot])) {
        throw ValidationError("'\(text)' is written as an item kind's code, not a category; use \(category.rawValue) (\(category.chineseName)), the category of its kinds")
      }
      if let meant = Category.meant(by: text) {
        throw ValidationError("unknown category '\(text)'; did you mean \(meant.rawValue) (\(meant.chineseName))?")
      }
      throw ValidationError(
        "unknown category '\(text)'; use one of \(Category.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return category
  }
}

private extension Category {
  /// ``chineseName`` (施工有关信息) and the shorter forms of it staff type (施工有关, 施工).
  var headings: [String] {
    let name = chineseName
    let short = name.hasSuffix("信息") ? String(name.dropLast(2)) : name
    return [name, short] + (short.hasSuffix("有关") ? [String(short.dropLast(2))] : [])
  }
}
