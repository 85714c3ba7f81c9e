import GRDB
import GongkaiCore

/// The responsible units a write meets, told apart into those the register names already and those it does not. A new
/// one is compared (``UnitName``) with every unit the register names, read once, when the write meets its first new
/// unit: through the units' indexes, so that a national register's million projects are not read for it.
struct UnitsMet {
  /// The units known to be named by a row of the register: most rows of an import name one of a few.
  private var named: Set<String> = []
  /// The units met that no row named when they were met, with the units they resemble, until a write records them.
  private var new: [String: [String]] = [:]
  /// The units the register names, read at the first new unit, with those the write has recorded since: a unit a row
  /// only mentioned is no unit to move records to.
  private var names: [UnitName]?
  /// Their sketches, side by side: what a new unit is compared with first, in one pass.
  private var sketches: [UnitName.Sketch] = []

  /// How many resembling units a warning names.
  static let shown = 3

  /// Whether a unit met new waits for a write to record it: else ``recorded(_:_:)`` has nothing to answer.
  var awaitsRecording: Bool { !new.isEmpty }

  /// The units the register names in force that `unit` may be written otherwise of (``UnitName/resemblance(to:reading:)``),
  /// the likeliest first, when no project or milestone names `unit` itself; empty when one does, or when none
  /// resembles it. Asked before the write that records `unit`: afterwards the register names it.
  @discardableResult
  mutating func resemblances(of unit: String, _ db: Database) throws -> [String] {
    if named.contains(unit) { return [] }
    if let resembled = new[unit] { return resembled }
    guard try !SQLiteStore.isResponsibleUnit(unit, withdrawnToo: true, db) else {
      named.insert(unit)
      return []
    }
    let met = UnitName(unit)
    let names = try registered(db)
    let likeliestFirst = sketches.indices.compactMap { index -> (UnitName, UnitName.Resemblance)? in
      guard sketches[index].admits(met.sketch) else { return nil }
      return met.resemblance(to: names[index], reading: HanReading.of).map { (names[index], $0) }
    }.sorted { a, b in
      // The likeliest kind of likeness, then the nearest in length (杨浦区建管委 is 杨浦区建设和管理委员会 rather than
      // 杨浦区住房和城乡建设管理委员会), then by name, so that the answer does not depend on the order read.
      (a.1, abs(a.0.length - met.length), a.0.name) < (b.1, abs(b.0.length - met.length), b.0.name)
    }
    let resembled = try inForce(likeliestFirst.map(\.0.name), db)
    new[unit] = resembled
    return resembled
  }

  /// The units records in force name that a filter's `unit`, which none names, may be meant for
  /// (``Store/unitsMeant(by:)``), at most ``shown``: those it resembles but as an abbreviation, then those a character
  /// off it (``UnitName/charactersOff(_:)``), then the abbreviations, then those two characters off; the nearest in
  /// length first within each.
  mutating func meant(by unit: String, _ db: Database) throws -> [String] {
    let typed = UnitName(unit)
    let likeliestFirst = try registered(db).compactMap { name -> (UnitName, Int)? in
      if let resemblance = typed.resemblance(to: name, reading: HanReading.of) { return (name, resemblance == .abbreviation ? 2 : 0) }
      return typed.charactersOff(name).map { (name, $0 == 1 ? 1 : 3) }
    }.sorted { a, b in
      (a.1, abs(a.0.length - typed.length), a.0.name) < (b.1, abs(b.0.length - typed.length), b.0.name)
    }
    return try inForce(likeliestFirst.map(\.0.name), db)
  }

  /// The first ``shown`` of `units` that records in force name: a hand-over moves those alone, and a filter matches
  /// those alone.
  private func inForce(_ units: [String], _ db: Database) throws -> [String] {
    var named: [String] = []
    for unit in units where named.count < Self.shown {
      if try SQLiteStore.isResponsibleUnit(unit, withdrawnToo: false, db) { named.append(unit) }
    }
    return named
  }

  /// What ``resemblances(of:_:)`` found of a unit met new, once, when a write has recorded it (the register
  /// names it now); empty for a unit named before, or not recorded, or told already.
  mutating func recorded(_ unit: String, _ db: Database) throws -> [String] {
    guard let resembled = new[unit], try SQLiteStore.isResponsibleUnit(unit, withdrawnToo: true, db) else { return [] }
    new[unit] = nil
    named.insert(unit)
    if names != nil {
      let name = UnitName(unit)
      names?.append(name)
      sketches.append(name.sketch)
    }
    return resembled
  }

  /// The units the register names, read on first use.
  private mutating func registered(_ db: Database) throws -> [UnitName] {
    if let names { return names }
    // Withdrawn records too: each index holds the units alone, read without a row of the tables.
    let read = try String.fetchAll(db, sql: """
      SELECT DISTINCT responsibleUnit FROM project UNION SELECT DISTINCT responsibleUnit FROM milestone WHERE responsibleUnit IS NOT NULL
      """).map(UnitName.init)
    names = read
    sketches = read.map(\.sketch)
    return read
  }
}
