import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiStore

extension Gongkai {
  struct History: AsyncParsableCommand {
    /// What a change-log row did, e.g. 新增公开 D17 (`insert disclosure 17`); a word the log may hold in future is
    /// shown as it is.
    static func words(_ entry: ChangeLogEntry, _ lang: Language) -> String {
      // The register is one row: its id says nothing.
      let id = entry.entity == "register" ? ""
        : entry.entity == "disclosure" ? lang.pick(" \(publicationLabel(entry.entityID))", " \(entry.entityID)")
        : lang.pick(" #", " ") + "\(entry.entityID)"
      let publication = publicationNamed(entry, lang)
      guard lang == .zh else {
        return "\(entry.action) \(entry.entity == "register" ? "the register's settings" : entry.entity)\(id)\(publication)"
      }
      if entry.action == "recode" { return "更正项目代码\(id)" }
      let action = ["insert": "新增", "update": "修改", "amend": "更正", "withdraw": "撤回", "reinstate": "恢复"][entry.action] ?? entry.action
      let entity = ["project": "项目", "milestone": "里程碑", "disclosure": "公开", "register": "登记册设置"][entry.entity] ?? entry.entity
      return "\(action)\(entity)\(id)\(publication)"
    }

    /// Which publication a change of one is, its milestone, day and channel, which the lines under it leave out for
    /// any change but its record's insert (they show the fields changed): `撤回公开 D7` alone sent an auditor to the
    /// JSON to learn what was withdrawn.
    private static func publicationNamed(_ entry: ChangeLogEntry, _ lang: Language) -> String {
      guard entry.entity == "disclosure", entry.action != "insert", let row = values(entry.after) ?? values(entry.before),
        let milestone = row["milestoneId"], let day = row["publishedOn"], let channel = row["channel"]
      else { return "" }
      return lang.pick("（里程碑 #\(milestone)：\(day) \(Terminal.field(channel))）", " (milestone \(milestone): \(day) \(Terminal.field(channel)))")
    }

    /// A value of a changed field as the line shows it: an end cleared is a notice still up, not a blank. A value of
    /// several lines (a summary) goes on over lines of its own, indented under the change, as `project show` shows a
    /// summary, rather than with its line feeds escaped.
    static func shown(_ value: String?, of key: String, _ lang: Language) -> String {
      guard let value else { return key == "until" ? lang.pick("（仍在公开）", "(still up)") : "—" }
      return Terminal.fieldLines(value).joined(separator: "\n        ")
    }

    /// A row's values as the log records them (JSON), each as text; `nil` for none or a value that is not an object.
    private static func values(_ json: String?) -> [String: String]? {
      guard let object = json.flatMap({ try? JSONSerialization.jsonObject(with: Data($0.utf8)) }) as? [String: Any] else { return nil }
      return object.mapValues { value in (value as? String) ?? "\(value)" }
    }

    /// The columns of the logged rows in the order a reader expects them, each with the name staff read.
    private static let columns: [(key: String, label: String)] = [
      ("id", "编号"), ("code", "项目代码"), ("name", "项目名称"), ("legalPerson", "项目法人"), ("location", "建设地点"),
      ("totalInvestment", "总投资"), ("projectId", "项目编号"), ("milestoneId", "里程碑编号"), ("kind", "事项"),
      ("category", "类别"), ("formedOn", "形成日期"), ("reference", "文号"), ("summary", "摘要"), ("responsibleUnit", "责任单位"),
      ("changesId", "所变更里程碑"), ("publishedOn", "公开日期"), ("channel", "公开渠道"), ("url", "网址"), ("until", "公示截止"),
      ("serialYear", "索引年度"), ("serial", "索引序号"), ("profile", "规则"), ("organisation", "索引号机构代码"), ("withdrawnReason", "撤回原因"),
      ("reinstatedReason", "恢复原因"), ("recodedReason", "代码更正原因"),
      ("amendmentReason", "更正原因"), ("recordedBy", "登记人"), ("recordedAt", "登记时间"),
    ]

    /// `keys` in the order of ``columns``; a column the log may hold in future comes last, by name.
    static func ordered(_ keys: Set<String>) -> [String] {
      let known = columns.map(\.key).filter(keys.contains)
      return known + keys.subtracting(known).sorted()
    }

    /// A column's name as staff read it: 形成日期 for `formedOn`; in English, the column's own name.
    static func label(_ key: String, _ lang: Language) -> String {
      guard lang == .zh else { return key }
      return columns.first { $0.key == key }?.label ?? key
    }

    /// The reason an amendment, a reinstatement or a code's correction gave, as its row's values after record it, and its label; `nil` for
    /// other actions. Shown on a line of its own whether or not it differs from the last one given.
    static func reason(of entry: ChangeLogEntry, _ lang: Language) -> (key: String, label: String, text: String)? {
      let (key, label): (String, String)
      switch entry.action {
      case "amend": (key, label) = ("amendmentReason", lang.pick("更正原因", "reason"))
      // A milestone its project's reinstatement takes back keeps a reason of its own from an earlier reinstatement:
      // the project's row gives this one's.
      case "reinstate" where values(entry.before)?["withdrawnReason"]?.hasPrefix(RegisterText.projectWithdrawalMark) == true:
        return nil
      case "reinstate": (key, label) = ("reinstatedReason", lang.pick("恢复原因", "reason"))
      case "recode": (key, label) = ("recodedReason", lang.pick("代码更正原因", "reason"))
      default: return nil
      }
      return values(entry.after)?[key].map { (key, label, $0) }
    }

    static let configuration = CommandConfiguration(
      abstract: "Show a project's change log (without a code, the register's own): who changed what, when, before and after.",
      discussion: "Without a project code, the changes of the register itself: the rules profile it is kept under, and the organisation code its 索引号 are numbered under.")

    @Argument(help: ArgumentHelp("The project code; none for the register's own changes.", valueName: "code"),
              transform: ProjectCode.argument)
    var code: ProjectCode?
    @Option(help: "Output format.") var format: ReportFormat = .text
    @Option(help: "Language of the text output; JSON keeps the log's own words.") var lang: Language = .zh
    @OptionGroup var store: StoreOptions

    func run() async throws {
      let register = try store.open()
      let entries: [ChangeLogEntry]
      if let code {
        _ = try await register.requireProject(code: code)
        entries = try await register.history(of: code)
      } else {
        entries = try await register.registerHistory()
      }
      switch format {
      case .json:
        let objects = entries.map { entry -> [String: Any] in
          var object: [String: Any] = [
            "id": entry.id, "at": entry.at, "actor": entry.actor, "action": entry.action, "entity": entry.entity,
            "entityId": entry.entityID, "projectCode": entry.projectCode,
          ]
          object["before"] = entry.before.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) }
          object["after"] = entry.after.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) }
          return object
        }
        let data = try JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try StandardOutput.write(data + Data("\n".utf8))
      case .text:
        if entries.isEmpty && code == nil {
          // The register's own log is empty until its profile changes.
          try StandardOutput.print(lang.pick("登记册规则未曾变更：按全国通用规则（national）登记",
                                             "no changes to the register itself: it is kept under the national rules, as every register starts"))
        }
        for entry in entries {
          try StandardOutput.print("\(Terminal.field(entry.at))  \(Terminal.field(entry.actor))  \(Self.words(entry, lang))")
          let before = Self.values(entry.before), after = Self.values(entry.after)
          if let before, let after {
            // A change shows the fields it changed, one a line (an amendment's or a reinstatement's reason comes last,
            // on its own); `--format json` gives both rows whole.
            let reasonKey = Self.reason(of: entry, lang)?.key
            for key in Self.ordered(Set(before.keys).union(after.keys)) where before[key] != after[key] && key != reasonKey {
              try StandardOutput.print("    \(Self.label(key, lang)): \(Self.shown(before[key], of: key, lang)) → \(Self.shown(after[key], of: key, lang))")
            }
          } else if let after {
            // What was added, without what the line above says (its id, who recorded it and when), nor the internal
            // number of the project whose history this is.
            let shown = Self.ordered(Set(after.keys).subtracting(["id", "recordedBy", "recordedAt", "projectId"]))
            try StandardOutput.print("    " + shown.map { "\(Self.label($0, lang)) \(Self.shown(after[$0], of: $0, lang))" }.joined(separator: lang.pick("；", "; ")))
          } else {
            // Values that are not a JSON object (a log edited outside gongkai) are shown as they are.
            if let before = entry.before { try StandardOutput.print("    \(lang.pick("变更前", "before")) \(Terminal.field(before))") }
            if let after = entry.after { try StandardOutput.print("    \(lang.pick("变更后", "after ")) \(Terminal.field(after))") }
          }
          if let reason = Self.reason(of: entry, lang) {
            try StandardOutput.print("    \(reason.label) \(Terminal.field(reason.text))")
          }
        }
      }
    }
  }
}
