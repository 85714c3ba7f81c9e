import GongkaiStore

/// A responsible unit that a command records and the register named nowhere before, when it may be a unit the register
/// names written otherwise (an abbreviation, a character off): asked before the write, since afterwards the register
/// names it, and warned of once the write is done. Best effort: the question never fails the write.
struct UnitResemblance {
  let unit: String
  let resembled: [String]

  /// `replacing`: the unit the record had, which a unit written in full in place of its abbreviation resembles, as a
  /// correction does.
  init(of unit: String?, replacing former: String? = nil, in register: any Store) async {
    self.unit = unit ?? ""
    resembled = self.unit.isEmpty ? [] : ((try? await register.unitsResembling(self.unit)) ?? []).filter { $0 != former }
  }

  func warn() {
    guard !resembled.isEmpty else { return }
    Terminal.warning(StoreError.unitWrittenOtherwise(unit, resembling: resembled))
  }
}
