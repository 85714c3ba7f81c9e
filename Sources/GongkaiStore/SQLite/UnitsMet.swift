import GRDB
import GongkaiCore

/// The responsible units a write meets, told apart into those the register names already and those it does not, and
/// the units the register names, to compare a new one with (``UnitName``): read once a write meets a new unit, a seek
/// a unit through the units' indexes, so that a national register's million projects are not read for it.
struct UnitsMet {
  /// The units known to be named by a row of the register: most rows of an import name one of a few.
  private var named: Set<String> = []
  /// The units met that no row named when they were met, with the units they resemble, until a write records them.
  private var new: [String: [String]] = [:]
  /// The units the register names, once a new one is met, with those met since.
  private var names: [UnitName]?

  /// How many resembling units a warning names.
  static let shown = 3

  /// The units the register names that `unit` may be written otherwise of (``UnitName/mayName(theUnitOf:)``), the
  /// longest first (a name in full before another abbreviation of it), when no project or milestone names `unit`
  /// itself; empty when one does, or when none resembles it. Asked before the write that records `unit`.
  @discardableResult
  mutating func resemblances(of unit: String, _ db: Database) throws -> [String] {
    if named.contains(unit) { return [] }
    if let resembled = new[unit] { return resembled }
    guard try !Self.isNamed(unit, db) else {
      named.insert(unit)
      return []
    }
    if names == nil { names = try Self.units(db) }
    let met = UnitName(unit)
    let found = Set(names!.lazy.filter { met.mayName(theUnitOf: $0) }.map(\.name))
    names!.append(met)
    new[unit] = found.sorted { ($0.count, $1) > ($1.count, $0) }.prefix(Self.shown).map(\.self)
    return new[unit]!
  }

  /// What ``resemblances(of:_:)`` found of a unit met new, once, when a write has recorded it (the register names it
  /// now); empty for a unit named before, or not recorded, or told already.
  mutating func recorded(_ unit: String, _ db: Database) throws -> [String] {
    guard let resembled = new[unit], try Self.isNamed(unit, db) else { return [] }
    new[unit] = nil
    named.insert(unit)
    return resembled
  }

  static func isNamed(_ unit: String, _ db: Database) throws -> Bool {
    try Bool.fetchOne(db, sql: """
      SELECT EXISTS (SELECT 1 FROM project WHERE responsibleUnit = ?1) OR EXISTS (SELECT 1 FROM milestone WHERE responsibleUnit = ?1)
      """, arguments: [unit]) ?? false
  }

  /// Every unit a project or a milestone names, each once: a seek from one to the next through each index, as many
  /// as there are units, not rows.
  private static func units(_ db: Database) throws -> [UnitName] {
    var units = Set<String>()
    for table in ["project", "milestone"] {
      let next = try db.makeStatement(sql: "SELECT responsibleUnit FROM \(table) WHERE responsibleUnit > ? ORDER BY responsibleUnit LIMIT 1")
      var last = ""
      while let unit = try String.fetchOne(next, arguments: [last]) {
        units.insert(unit)
        last = unit
      }
    }
    return units.sorted().map(UnitName.init)
  }
}
