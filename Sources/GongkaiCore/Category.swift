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

  /// The category someone named by its code in another case or full-width (`Bidding`), its English name, or its
  /// Chinese name or two or more characters of it (`招标投标`, `投标`, `施工`), as staff who think of the statute's
  /// eight headings type them.
  public static func meant(by typed: String) -> Category? {
    let text = typed.typedAsCode
    let wanted = text.lowercased()
    let isChinese = !wanted.unicodeScalars.allSatisfy(\.isASCII)
    return allCases.first { category in
      category.rawValue == wanted || category.englishName == wanted
        || (isChinese && text.count >= 2 && category.chineseName.contains(text))
    }
  }
}
