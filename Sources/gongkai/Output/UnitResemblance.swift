import GongkaiCore
import GongkaiStore

/// A responsible unit that a command records and the register named nowhere before, when it may be a unit the register
/// names written otherwise (an abbreviation, the same characters spaced otherwise): asked before the write, since
/// afterwards the register names it, and warned of once the write is done. Best effort: the question never fails the
/// write.
struct UnitResemblance {
  let unit: String?
  let resembled: [String]

  /// `replacing`: the unit the record had. A correction to the name in full (or spelt as long) resembles it, and is not
  /// asked about it; one to a shorter name is, as it splits the unit.
  init(of unit: String?, replacing former: String? = nil, in register: any Store) async {
    self.unit = unit
    guard let unit, !unit.isEmpty else {
      resembled = []
      return
    }
    let besides = former.flatMap { UnitName(unit).length >= UnitName($0).length ? $0 : nil }
    resembled = (try? await register.unitsResembling(unit, besides: besides)) ?? []
  }

  func warn() {
    guard let unit, !resembled.isEmpty else { return }
    Terminal.warning(StoreError.unitWrittenOtherwise(unit, resembling: resembled))
  }
}
