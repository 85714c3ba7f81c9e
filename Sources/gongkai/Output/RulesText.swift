import GongkaiCore

/// The catalogue for people: categories in statutory order, each rule with its period and basis.
struct RulesText {
  let rules: [DisclosureRule]
  let catalogue: RuleCatalogue
  let language: Language

  var rendered: String {
    let profile = catalogue.profile
    // The titles are Chinese only, as the files give them.
    let titles = catalogue.titles.isEmpty ? "" : "：" + catalogue.titles.joined(separator: "；")
    var out = language.pick("规则目录 \(profile)\(titles)，共 \(rules.count) 项，规则版本 \(catalogue.version)\n",
                            "Rules catalogue: \(profile) (\(rules.count) item kinds, version \(catalogue.version))\n")
    for category in Category.allCases {
      let members = rules.filter { $0.category == category }
      guard !members.isEmpty else { continue }
      out += "\n" + language.pick("\(category.chineseOrdinal)、\(category.chineseName)", category.englishName.capitalized)
        + "  [\(category.rawValue)]\n"
      for rule in members {
        out += "\n  \(rule.code)  \(language.pick(rule.name))\n"
        out += line(language.pick("起算", "From"), language.pick(rule.trigger))
        out += line(language.pick("时限", "Period"), describe(rule.period))
        if let change = rule.changePeriod { out += line(language.pick("变更时限", "On change"), describe(change)) }
        if let minimum = rule.minimumPublication {
          out += line(language.pick(rule.minimumPublicationName.chinese, "Stays up"),
                      language.pick("不少于", "at least ") + describe(minimum)
                        + language.pick("", " (\(rule.minimumPublicationName.english))")
                        + (rule.minimumCountedFrom == .triggerDayIfLater
                          ? language.pick("，早于起算日公开的自起算日起算", ", counted from the trigger day when published before it") : ""))
        }
        if !rule.alsoChanges.isEmpty {
          out += line(language.pick("可变更", "Changes"), rule.alsoChanges.joined(separator: language.pick("、", ", ")))
        }
        if !rule.withdraws.isEmpty {
          out += line(language.pick("撤回", "Withdraws"), rule.withdraws.joined(separator: language.pick("、", ", ")))
        }
        out += line(language.pick("责任主体", "Publisher"), language.pick(rule.responsible))
        out += line(language.pick("依据", "Basis"), "\(rule.basis) \(confidenceMark(of: rule))")
        if let basis = rule.minimumBasis {
          out += line(language.pick("\(rule.minimumPublicationName.chinese)依据", "\(rule.minimumPublicationName.english.prefix(1).uppercased())\(rule.minimumPublicationName.english.dropFirst()) basis"), basis)
        }
        if let note = rule.note { out += line(language.pick("说明", "Note"), language.pick(note)) }
        if let inForce = rule.inForce { out += line(language.pick("施行", "In force"), inForceText(rule, from: inForce)) }
      }
    }
    return out
  }

  /// `[S]`, and a minimum known otherwise than the deadline after it: `[S；公告期 M]`.
  private func confidenceMark(of rule: DisclosureRule) -> String {
    let minimum = rule.minimumConfidence.map {
      language.pick("；\(rule.minimumPublicationName.chinese) \($0.rawValue)", "; \(rule.minimumPublicationName.english) \($0.rawValue)")
    }
    return "[\(rule.confidence.rawValue)\(minimum ?? "")]"
  }

  /// A label and its value in two columns; a label wider than its column (`notice period basis`) still leaves a gap.
  private func line(_ label: String, _ value: String) -> String {
    "    \(Terminal.pad(label, to: 12))\(Terminal.width(of: label) >= 12 ? " " : "")\(value)\n"
  }

  /// `2021-09-01起；此前形成的信息：条例的一般时限（20个工作日），公告期照常 [M]`: what a dated rule applies before.
  private func inForceText(_ rule: DisclosureRule, from inForce: CivilDate) -> String {
    if let base = rule.replaced, let replaced = rule.replaced?.rule(formedOn: inForce.adding(days: -1)) {
      let period = describe(replaced.period)
      // The rule replaced may itself read otherwise before a day of its own (the land notice's earlier law).
      let earlier = base.inForce.flatMap { $0 < inForce ? $0 : nil }.map {
        language.pick("；该规则", "; that rule: ") + inForceText(base, from: $0)
      } ?? ""
      return language.pick("\(inForce)起；此前形成的信息：所替换的规则（\(period)，\(replaced.basis)）\(earlier)",
                           "from \(inForce); information formed before: the rule it replaces (\(period), \(replaced.basis))\(earlier)")
    }
    let deadline: String
    switch rule.beforeInForce {
    case .law(let law): deadline = language.pick("\(law.basis)（\(describe(law.period))）", "\(law.basis) (\(describe(law.period)))")
    case _ where rule.period == nil: deadline = language.pick("不计期限", "no deadline")
    case .general:
      deadline = language.pick("条例的一般时限（\(describe(GeneralDisclosurePeriod.period))）",
                               "the 条例's general period (\(describe(GeneralDisclosurePeriod.period)))")
    case .none: deadline = language.pick("不计期限（义务人不受条例约束）", "no deadline (the party that publishes is not bound by the 条例)")
    }
    var minimum = ""
    if rule.minimumPublication != nil {
      let name = language.pick(rule.minimumPublicationName.chinese, rule.minimumPublicationName.english)
      minimum = switch rule.minimumInForce {
      case nil: language.pick("，\(name)照常", ", the \(name) as ever")
      case inForce: language.pick("，不计\(name)", ", no \(name)")
      case let day?: language.pick("，\(name)自\(day)起", ", the \(name) from \(day)")
      }
    }
    let mark = confidenceMark(of: rule.rule(formedOn: inForce.adding(days: -1)))
    return language.pick("\(inForce)起；此前形成的信息：\(deadline)\(minimum) \(mark)",
                         "from \(inForce); information formed before: \(deadline)\(minimum) \(mark)")
  }

  private func describe(_ period: Period?) -> String {
    guard let period else { return language.pick(Period.noneChineseDescription, "no fixed period") }
    return language == .zh ? period.chineseDescription : period.description
  }
}
