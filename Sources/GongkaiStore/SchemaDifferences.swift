/// A table, index, view or trigger of an SQLite schema, as `sqlite_master` names it.
public struct SchemaObject: Hashable, Sendable, CustomStringConvertible {
  /// `table`, `index`, `view` or `trigger`.
  public let type: String
  public let name: String

  public init(type: String, name: String) {
    self.type = type
    self.name = name
  }

  /// `index milestone_by_change`
  public var description: String { "\(type) \(name)" }
}

/// How a register's schema differs from the one gongkai's migrations make: only an edit outside gongkai makes either
/// list non-empty, and `gongkai doctor` names each object.
public struct SchemaDifferences: Sendable {
  /// Objects another program added; they may refuse or change what gongkai writes.
  public let added: [SchemaObject]
  /// Objects of gongkai's schema the register lacks; a table's indexes are not listed when the table is missing.
  public let missing: [SchemaObject]

  /// Whether a table is missing, which stops every read of what it held.
  public var lacksATable: Bool { missing.contains { $0.type == "table" } }
}
