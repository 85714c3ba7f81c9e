/// A short digest (64-bit FNV-1a) of reference data, so that two audit files can be told to rest on the same
/// rules and holiday schedules or not. It identifies content, it does not protect it: the change log's chain is
/// what resists forgery.
public struct ContentDigest: Sendable {
  private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

  public init() {}

  /// Adds the UTF-8 bytes of `text`, with nothing between them and what came before.
  public mutating func add(_ text: some StringProtocol) {
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
  }

  /// Adds each field, each followed by a separator no text holds, so that `ab`+`c` and `a`+`bc` differ.
  public mutating func add(fields: [String]) {
    for field in fields {
      add(field)
      add("\u{1F}")
    }
  }

  /// `fnv:` and 16 lowercase hex digits.
  public var text: String {
    let digits = String(hash, radix: 16)
    return "fnv:" + String(repeating: "0", count: 16 - digits.count) + digits
  }
}
