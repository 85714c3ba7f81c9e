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

    /// Whether two names of these sketches may resemble one another (``UnitName/resemblance(to:reading:)``): of one
    /// length, a character written for another changes at most two bits, one each way.
    public func admits(_ other: Sketch) -> Bool {
      let (short, long) = length <= other.length ? (self, other) : (other, self)
      if short.length == long.length { return ((short.signature ^ long.signature) & ~UnitName.connectiveBits).nonzeroBitCount <= 2 }
      return short.length >= 3 && short.signature & ~long.signature == 0
    }
  }

  /// How two names may name one unit, the likeliest first.
  public enum Resemblance: Int, Comparable, Sendable {
    /// The same characters, spaced otherwise or with full-width digits.
    case sameCharacters
    /// The same but for one connective (`建设与管理` for `建设和管理`).
    case connectiveSwapped
    /// The same but for one character read as the other is (`管里` for `管理`, `委員会` for `委员会`): what a pinyin
    /// input method offers first. Any other character one off is what tells two bodies apart (民政局 and 财政局, 第一中学
    /// and 第二中学, 杨浦区 and 黄浦区), and is not asked about.
    case homophone
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

  /// How `self` and `other`, two different names, may name one unit; `nil` when they do not look alike. `reading`: how
  /// a character is read, with its tone (`lǐ` for both 里 and 理), none for one without a reading; the caller gives
  /// them, as the readings are a table this module does not hold.
  public func resemblance(to other: UnitName, reading: (Unicode.Scalar) -> Set<String>) -> Resemblance? {
    guard sketch.admits(other.sketch), name != other.name else { return nil }
    let (short, long) = length <= other.length ? (self, other) : (other, self)
    if short.length == long.length {
      if characters == other.characters { return .sameCharacters }
      let differing = zip(short.characters, long.characters).filter { $0 != $1 }
      guard differing.count == 1, case let (given, meant) = differing[0] else { return nil }
      if Self.connectives.contains(given), Self.connectives.contains(meant) { return .connectiveSwapped }
      guard length >= 3, !reading(given).isDisjoint(with: reading(meant)) else { return nil }
      return .homophone
    }
    guard !long.characters.starts(with: short.characters) else { return nil }
    var rest = long.characters[...]
    for character in short.characters {
      guard let found = rest.firstIndex(of: character) else { return nil }
      rest = rest[(found + 1)...]
    }
    return .abbreviation
  }

  /// How many characters `other` is off `self`, when at most one, or two between names of eight characters or more: a
  /// unit a filter (`check --unit`) names mistyped, a homophone the input method offered or a character lost, where
  /// the register names the unit meant. No likeness to warn of when a unit is recorded, since one character is what
  /// tells 民政局 from 财政局.
  public func charactersOff(_ other: UnitName) -> Int? {
    EditDistance.between(characters, other.characters, atMost: min(length, other.length) >= 8 ? 2 : 1)
  }

  /// The characters unit names join their parts with, one written for another.
  private static let connectives: Set<Unicode.Scalar> = ["和", "与", "及", "、"]
  static let connectiveBits = connectives.reduce(UInt64(0)) { $0 | 1 << ($1.value % 64) }
}
