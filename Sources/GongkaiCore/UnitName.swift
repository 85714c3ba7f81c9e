/// How a responsible unit's name written otherwise is recognised. The morning alerts and the yearly report group
/// everything by unit, and a unit written two ways (`杨浦发改委` beside `杨浦区发展和改革委员会`) is two units there: its
/// alerts go to a group no one reads, and its results are scored apart. A new name is compared with the names the
/// register holds, to be warned of once, when it is first recorded.
public struct UnitName: Sendable {
  /// The name as typed.
  public let name: String
  /// Its characters without spaces and with full-width letters and digits as ASCII, as compared.
  private let characters: [Unicode.Scalar]
  /// What tells most pairs of names apart without comparing their characters.
  public let sketch: Sketch

  /// A name's length and a bit for each character it holds (modulo 64): a name whose characters are not all in
  /// another's is not its abbreviation. A new unit is compared with every unit of the register, most of them unlike
  /// it, and a register of a hundred thousand units keeps their sketches side by side to be read in one pass.
  public struct Sketch: Sendable {
    let signature: UInt64
    /// The number of characters compared: without spaces.
    public let length: Int

    /// Whether two names of these sketches may resemble one another (``UnitName/resemblance(to:)``).
    public func admits(_ other: Sketch) -> Bool {
      let (short, long) = length <= other.length ? (self, other) : (other, self)
      if short.length == long.length { return (short.signature ^ long.signature) & ~UnitName.connectiveBits == 0 }
      return short.length >= 3 && short.signature & ~long.signature == 0
    }
  }

  /// How two names may name one unit, the likeliest first.
  public enum Resemblance: Int, Comparable, Sendable {
    /// The same characters, spaced otherwise or with full-width digits.
    case sameCharacters
    /// The same but for one connective (`建设与管理` for `建设和管理`). Any other character one off is what tells two
    /// bodies apart (民政局 and 财政局, 第一中学 and 第二中学), and is not asked about.
    case connectiveSwapped
    /// The characters of one, at least three, in order in the other's: `区建管委` in `杨浦区建设和管理委员会`,
    /// `杨浦区教育局` in `上海市杨浦区教育局`. Not a name that begins the other, which is a body of it
    /// (`杨浦区人民政府` and `杨浦区人民政府办公室`).
    case abbreviation

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
  }

  public init(_ name: String) {
    self.name = name
    characters = name.unicodeScalars.filter { !$0.properties.isWhitespace }.map(\.halfWidth)
    sketch = Sketch(signature: characters.reduce(0) { $0 | 1 << ($1.value % 64) }, length: characters.count)
  }

  /// The number of characters compared: without spaces.
  public var length: Int { sketch.length }

  /// How `self` and `other`, two different names, may name one unit; `nil` when they do not look alike.
  public func resemblance(to other: UnitName) -> Resemblance? {
    guard sketch.admits(other.sketch), name != other.name else { return nil }
    let (short, long) = length <= other.length ? (self, other) : (other, self)
    if short.length == long.length {
      if characters == other.characters { return .sameCharacters }
      let differing = zip(short.characters, long.characters).filter { $0 != $1 }
      guard differing.count == 1, Self.connectives.contains(differing[0].0), Self.connectives.contains(differing[0].1) else { return nil }
      return .connectiveSwapped
    }
    guard !long.characters.starts(with: short.characters) else { return nil }
    var rest = long.characters[...]
    for character in short.characters {
      guard let found = rest.firstIndex(of: character) else { return nil }
      rest = rest[(found + 1)...]
    }
    return .abbreviation
  }

  /// The characters unit names join their parts with, one written for another.
  private static let connectives: Set<Unicode.Scalar> = ["和", "与", "及", "、"]
  static let connectiveBits = connectives.reduce(UInt64(0)) { $0 | 1 << ($1.value % 64) }
}
