/// How a responsible unit's name written otherwise is recognised. The morning alerts and the yearly report group
/// everything by unit, and a unit written two ways (`杨浦发改委` beside `杨浦区发展和改革委员会`) is two units there: its
/// alerts go to a group no one reads, and its results are scored apart. A new name is compared with the names the
/// register holds, to be warned of once, when it is first recorded.
public struct UnitName: Sendable {
  /// The name as typed.
  public let name: String
  /// Its characters without spaces, as compared.
  private let characters: [Unicode.Scalar]
  /// A bit for each character it holds (modulo 64): a name whose characters are not all in another's is not its
  /// abbreviation, told without comparing the two.
  private let signature: UInt64

  public init(_ name: String) {
    self.name = name
    characters = name.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Self.halfWidth)
    signature = characters.reduce(0) { $0 | 1 << ($1.value % 64) }
  }

  /// Whether `self` and `other`, two different names, may name one unit: the same characters spaced otherwise or with
  /// full-width letters and digits; one the abbreviation of the other (its characters, at least three, found in the
  /// other's in order: `区建管委` in `杨浦区建设和管理委员会`, `杨浦区建设和管理委员会` in `上海市杨浦区建设和管理委员会`);
  /// or, of four characters or more, the same but for one (`建设与管理` for `建设和管理`).
  public func mayName(theUnitOf other: UnitName) -> Bool {
    guard name != other.name else { return false }
    let (short, long) = characters.count <= other.characters.count ? (self, other) : (other, self)
    if short.characters.count == long.characters.count {
      return short.characters.count >= 4 && zip(short.characters, long.characters).count(where: { $0 != $1 }) <= 1
    }
    guard short.characters.count >= 3, short.signature & ~long.signature == 0 else { return false }
    var rest = long.characters[...]
    for character in short.characters {
      guard let found = rest.firstIndex(of: character) else { return false }
      rest = rest[(found + 1)...]
    }
    return true
  }

  /// Full-width ASCII (an input method's `（`, `１`) as the ASCII it stands for.
  private static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar : scalar
  }
}
