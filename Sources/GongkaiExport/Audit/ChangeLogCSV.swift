import GongkaiCSV
import GongkaiStore

/// `gongkai export change-log`: the register's change log whole, as auditors replay it beside the audit CSV.
public enum ChangeLogCSV {
  /// The change log as CSV: every insert, update and withdrawal, oldest first; in place once `state` is confirmed.
  public static func write(store: any Store, state: StatedHead, to path: String) async throws -> Int {
    let file = try AtomicFileWriter(path: path)
    var rows = 0
    try file.write(CSVWriter.header(
      ["序号 id", "时间 at", "操作人 actor", "操作 action", "对象 entity", "对象编号 entity_id", "项目代码 project_code",
       "修改前 before", "修改后 after", "链哈希 hash"]))
    try await store.forEachChange { entry in
      try file.write(CSVWriter.record([
        .value(String(entry.id)), .value(entry.at), .text(entry.actor), .value(entry.action), .value(entry.entity),
        .value(String(entry.entityID)), .value(entry.projectCode), .value(entry.before ?? ""), .value(entry.after ?? ""),
        .value(entry.hash ?? ""),
      ]))
      rows += 1
    }
    try await state.confirmed()
    try file.commit()
    return rows
  }
}
