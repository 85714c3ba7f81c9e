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
  /// Indexes of gongkai's names made again with another definition: a unique one over fewer columns refuses writes
  /// gongkai allows, one no longer unique lets in duplicates, one over other columns slows the reads it was made for.
  public let redefined: [RedefinedIndex]

  /// Whether a table is missing, which stops every read of what it held.
  public var lacksATable: Bool { missing.contains { $0.type == "table" } }
}

/// An index of gongkai's name whose definition differs from the one gongkai's migrations make.
public struct RedefinedIndex: Sendable {
  public let name: String
  /// The `CREATE INDEX` statement the register holds, on one line.
  public let found: String
  /// The statement gongkai's migrations make, on one line: after a `DROP INDEX`, it puts the index right.
  public let gongkais: String

  /// `nil` when the two statements define the same index: SQLite keeps a statement's text as it was written, so its
  /// line breaks and spacing, and the quotes around names that GRDB's query builder adds, are not compared.
  init?(name: String, found: String, gongkais: String) {
    let (found, gongkais) = (Self.oneLine(found), Self.oneLine(gongkais))
    guard found.replacingOccurrences(of: "\"", with: "") != gongkais.replacingOccurrences(of: "\"", with: "") else { return nil }
    (self.name, self.found, self.gongkais) = (name, found, gongkais)
  }

  private static func oneLine(_ sql: String) -> String {
    sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
