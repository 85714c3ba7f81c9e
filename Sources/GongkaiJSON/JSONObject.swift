/// A flat JSON object written field by field, in exactly the form `JSONEncoder` writes with `.sortedKeys` and
/// `.withoutEscapingSlashes`: keys sorted, absent values left out, no spaces.
///
/// For the records written millions of times (change-log values, findings): an encoder per record costs more
/// than reading the record from the database. Each such record keeps its `Encodable` conformance, and a test
/// compares the two outputs, so the hand-written one cannot drift.
public struct JSONObject {
  private var bytes: [UInt8] = [UInt8(ascii: "{")]

  public init() {}

  /// Adds a field; fields must be added in key order.
  public mutating func field(_ key: StaticString, _ value: String?) {
    guard let value else { return }
    open(key)
    string(value)
  }

  public mutating func field(_ key: StaticString, _ value: Int64?) {
    guard let value else { return }
    open(key)
    bytes.append(contentsOf: String(value).utf8)
  }

  public mutating func field(_ key: StaticString, _ value: Int?) {
    field(key, value.map(Int64.init))
  }

  public mutating func field(_ key: StaticString, _ value: Bool) {
    open(key)
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  /// The object's text.
  public var text: String { String(decoding: utf8, as: UTF8.self) }

  /// The object's text as UTF-8, for output that is bytes anyway.
  public var utf8: [UInt8] {
    var closed = bytes
    closed.append(UInt8(ascii: "}"))
    return closed
  }

  private mutating func open(_ key: StaticString) {
    if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
    bytes.append(UInt8(ascii: "\""))
    key.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: "\":".utf8)
  }

  private static let hex = Array("0123456789abcdef".utf8)

  private mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { text in
      bytes.append(UInt8(ascii: "\""))
      defer { bytes.append(UInt8(ascii: "\"")) }
      var start = 0
      for (index, byte) in text.enumerated() {
        let escape: [UInt8]
        switch byte {
        case UInt8(ascii: "\""): escape = Array(#"\""#.utf8)
        case UInt8(ascii: "\\"): escape = Array(#"\\"#.utf8)
        case 0x0A: escape = Array(#"\n"#.utf8)
        case 0x0D: escape = Array(#"\r"#.utf8)
        case 0x09: escape = Array(#"\t"#.utf8)
        case 0x08: escape = Array(#"\b"#.utf8)
        case 0x0C: escape = Array(#"\f"#.utf8)
        case 0..<0x20: escape = Array(#"\u00"#.utf8) + [Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)]]
        default: continue
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
        bytes.append(contentsOf: escape)
        start = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
    }
  }
}
