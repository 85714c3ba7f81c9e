/// The eight statutory categories of information about a major construction project (国办发〔2017〕94号),
/// in the order the law lists them and notices print them.
public enum Category: String, Sendable, CaseIterable, Comparable {
  case approvalService = "approval-service"
  case approvalResult = "approval-result"
  case bidding
  case landAcquisition = "land-acquisition"
  case designChange = "design-change"
  case construction
  case qualitySafety = "quality-safety"
  case completion

  /// 批准服务信息 ... 竣工有关信息.
  public var chineseName: String {
    switch self {
    case .approvalService: "批准服务信息"
    case .approvalResult: "批准结果信息"
    case .bidding: "招标投标信息"
    case .landAcquisition: "征收土地信息"
    case .designChange: "重大设计变更信息"
    case .construction: "施工有关信息"
    case .qualitySafety: "质量安全监督信息"
    case .completion: "竣工有关信息"
    }
  }

  public var englishName: String {
    switch self {
    case .approvalService: "approval service information"
    case .approvalResult: "approval results"
    case .bidding: "tendering and bidding"
    case .landAcquisition: "land (and house) expropriation"
    case .designChange: "major design changes"
    case .construction: "construction"
    case .qualitySafety: "quality and safety supervision"
    case .completion: "completion"
    }
  }

  /// 一 ... 八: the statutory position, as notice headings number the categories.
  public var chineseOrdinal: String { ["一", "二", "三", "四", "五", "六", "七", "八"][position] }

  public var position: Int { Category.allCases.firstIndex(of: self)! }

  public static func < (lhs: Category, rhs: Category) -> Bool { lhs.position < rhs.position }

  /// The category someone named by its code in another case or full-width (`Bidding`), with `_` or spaces for its
  /// hyphen (`quality_safety`), or a letter off or two swapped (`biding`); by a word of its code alone (`land`,
  /// `design`), where one category has it; by its English name; or by its Chinese name or two or more characters of
  /// it (`招标投标`, `投标`, `施工`), as staff who think of the statute's eight headings type them.
  public static func meant(by typed: String) -> Category? {
    let text = String(typed.typedAsCode.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    let wanted = String(text.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
    guard !wanted.isEmpty else { return nil }
    func only(_ fits: (Category) -> Bool) -> Category? {
      let found = allCases.filter(fits)
      return found.count == 1 ? found[0] : nil
    }
    if !wanted.unicodeScalars.allSatisfy(\.isASCII) {
      return text.count >= 2 ? only { $0.chineseName.contains(text) } : nil
    }
    return only { $0.rawValue == wanted || $0.englishName == text.lowercased() }
      ?? only { $0.rawValue.split(separator: "-").contains { $0 == wanted } }
      ?? only { EditDistance.between($0.rawValue, wanted, atMost: 2) != nil }
  }
}
