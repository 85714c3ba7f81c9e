import GongkaiStore

/// A responsible unit that a command records and the register named nowhere before, when it may be a unit the register
/// names written otherwise (an abbreviation, the same characters spaced otherwise, a character read alike): asked
/// before the write, since afterwards the register names it, and warned of once the write is done. Best effort: the
/// question never fails the write.
struct UnitResemblance {
  let unit: String?
  /// The unit the record had, which a correction of its spelling resembles.
  let former: String?
  let resembled: [String]

  init(of unit: String?, replacing former: String? = nil, in register: any Store) async {
    self.unit = unit
    self.former = former
    guard let unit, !unit.isEmpty else {
      resembled = []
      return
    }
    resembled = (try? await register.unitsResembling(unit)) ?? []
  }

  /// Warns once the write is done. The unit the record had is left out when no record in force names it any more: the
  /// write corrected its one spelling; while others name it, the unit is now written two ways.
  func warn(in register: any Store) async {
    guard let unit else { return }
    var shown = resembled
    if let former, shown.contains(former), !((try? await register.isResponsibleUnit(former, withdrawnToo: false)) ?? true) {
      shown.removeAll { $0 == former }
    }
    guard !shown.isEmpty else { return }
    Terminal.warning(StoreError.unitWrittenOtherwise(unit, resembling: shown))
  }
}
