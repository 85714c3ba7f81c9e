/// A flat JSON object written field by field, in exactly the form `JSONEncoder` writes with `.sortedKeys` and
/// `.withoutEscapingSlashes`: keys sorted, absent values left out, no spaces.
///
/// For the records written millions of times (change-log values, findings): an encoder per record costs more
/// than reading the record from the database. Each such record keeps its `Encodable` conformance, and a test
/// compares the two outputs, so the hand-written one cannot drift.
public struct JSONObject {
  private var bytes: [UInt8]
  private var isEmpty = true

  /// - Parameter capacity: the bytes to reserve, so that a record is written without growing its buffer.
  public init(capacity: Int = 256) {
    bytes = []
    bytes.reserveCapacity(capacity)
    bytes.append(UInt8(ascii: "{"))
  }

  /// Adds a field; fields must be added in key order.
  public mutating func field(_ key: StaticString, _ value: String?) {
    guard let value else { return }
    open(key)
    string(value)
  }

  public mutating func field(_ key: StaticString, _ value: Int64?) {
    guard let value else { return }
    open(key)
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    let start = bytes.count
    var digits = value.magnitude
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(digits % 10))
      digits /= 10
    } while digits > 0
    bytes[start...].reverse()
  }

  public mutating func field(_ key: StaticString, _ value: Int?) {
    field(key, value.map(Int64.init))
  }

  public mutating func field(_ key: StaticString, _ value: Bool) {
    open(key)
    append(value ? "true" : "false")
  }

  /// The object's text, copied once into the string's storage.
  public var text: String {
    String(unsafeUninitializedCapacity: bytes.count + 1) { text in
      _ = text.initialize(fromContentsOf: bytes)
      text[bytes.count] = UInt8(ascii: "}")
      return bytes.count + 1
    }
  }

  /// The object's text as UTF-8, in the buffer it was written into: for a record whose text only goes on as
  /// bytes (to SQLite and a hash), which need not be copied into a string.
  public consuming func utf8() -> [UInt8] {
    bytes.append(UInt8(ascii: "}"))
    return bytes
  }

  /// Appends the object's text to `buffer`: a record written into a larger output costs one copy.
  public func write(to buffer: inout [UInt8]) {
    buffer.append(contentsOf: bytes)
    buffer.append(UInt8(ascii: "}"))
  }

  private mutating func open(_ key: StaticString) {
    if !isEmpty { bytes.append(UInt8(ascii: ",")) }
    isEmpty = false
    bytes.append(UInt8(ascii: "\""))
    append(key)
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
  }

  private mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  private static let hex: StaticString = "0123456789abcdef"

  /// Copies runs of plain bytes whole and escapes only what JSON requires (as `JSONEncoder` does).
  private mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { text in
      bytes.append(UInt8(ascii: "\""))
      var start = 0
      for index in text.indices {
        let byte = text[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
        start = index + 1
        switch byte {
        case UInt8(ascii: "\""): append(#"\""#)
        case UInt8(ascii: "\\"): append(#"\\"#)
        case 0x0A: append(#"\n"#)
        case 0x0D: append(#"\r"#)
        case 0x09: append(#"\t"#)
        case 0x08: append(#"\b"#)
        case 0x0C: append(#"\f"#)
        default:
          append(#"\u00"#)
          Self.hex.withUTF8Buffer { hex in
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
          }
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
      bytes.append(UInt8(ascii: "\""))
    }
  }
}
