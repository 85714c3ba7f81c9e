import GongkaiCore

extension RuleCatalogue {
  /// The catalogue in one short Chinese phrase, for a report's header: the profile a user types with the titles
  /// of its files less their bracketed gloss, `national+shanghai（全国通用规则、上海市补充规则）`. A Chinese reader
  /// does not know the rules as `national`; `gongkai rules` shows the whole titles.
  var chineseName: String {
    let names = titles.map { $0.prefix { $0 != "（" && $0 != "(" } }.filter { !$0.isEmpty }
    return names.isEmpty ? profile : "\(profile)（\(names.joined(separator: "、"))）"
  }
}
