import Foundation

/// GB18030 as Foundation decodes it, in tables built once from Foundation's own decoder, so that a cell is
/// decoded without a call into Foundation. One-byte codes are ASCII (and 0x80 where Foundation maps it);
/// two-byte codes and the four-byte codes of the BMP come from the tables; four-byte codes from 0x90308130
/// on are the supplementary planes in order.
final class GB18030Table: Sendable {
  /// Scalars of the two-byte codes, by (lead - 0x81) * 191 + (trail - 0x40); `invalid` where none.
  let twoByte: [UInt32]
  /// Scalars of the four-byte codes 0x81308130 to 0x8431A439, by linear index.
  let fourByte: [UInt32]
  /// The scalar of the single byte 0x80, or `invalid`.
  let byte80: UInt32

  static let invalid = UInt32.max
  static let fourByteBMPCount = 39_420
  static let supplementaryStart = 189_000

  /// The tables, or nil where Foundation does not know GB18030.
  static let shared = GB18030Table()

  private init?() {
    func decode(_ codes: [[UInt8]]) -> [UInt32] {
      // All at once; one by one if any of them does not decode to a single scalar.
      if let text = String(bytes: codes.joined(), encoding: CSVText.gb18030), text.unicodeScalars.count == codes.count {
        return text.unicodeScalars.map(\.value)
      }
      return codes.map { code in
        guard let text = String(bytes: code, encoding: CSVText.gb18030), text.unicodeScalars.count == 1 else {
          return GB18030Table.invalid
        }
        return text.unicodeScalars.first!.value
      }
    }
    var twoByteCodes: [[UInt8]] = []
    for lead in UInt8(0x81)...0xFE {
      for trail in UInt8(0x40)...0xFE where trail != 0x7F { twoByteCodes.append([lead, trail]) }
    }
    var twoByte = [UInt32](repeating: Self.invalid, count: 126 * 191)
    for (code, scalar) in zip(twoByteCodes, decode(twoByteCodes)) { twoByte[Int(code[0] - 0x81) * 191 + Int(code[1] - 0x40)] = scalar }
    guard twoByte.contains(where: { $0 != Self.invalid }) else { return nil }
    self.twoByte = twoByte
    fourByte = decode((0..<Self.fourByteBMPCount).map(Self.fourByteCode))
    byte80 = decode([[0x80]])[0]
  }

  /// The four-byte code of a linear index: 0 is 0x81308130.
  static func fourByteCode(_ index: Int) -> [UInt8] {
    [UInt8(0x81 + index / 12_600), UInt8(0x30 + index / 1_260 % 10), UInt8(0x81 + index / 10 % 126), UInt8(0x30 + index % 10)]
  }
}

/// Decodes GB18030 a buffer at a time; a character may span two buffers.
struct GB18030Decoder {
  let table: GB18030Table
  /// The bytes of an unfinished character.
  private var pending: (UInt8, UInt8, UInt8) = (0, 0, 0)
  private var pendingCount = 0

  init(table: GB18030Table) { self.table = table }

  /// Whether no character is left unfinished.
  var isComplete: Bool { pendingCount == 0 }

  /// Decodes `buffer`, passing runs of ASCII bytes to `ascii` and other characters' scalar values to `scalar`;
  /// false at the first invalid code, or when either returns false.
  mutating func decode(
    _ buffer: UnsafeBufferPointer<UInt8>, ascii: (UnsafeBufferPointer<UInt8>) -> Bool, scalar emit: (UInt32) -> Bool
  ) -> Bool {
    guard let base = buffer.baseAddress else { return true }
    let count = buffer.count
    var index = 0
    while index < count {
      let byte = base[index]
      switch pendingCount {
      case 0:
        if byte < 0x80 {
          var next = index + 1
          while next + 8 <= count, UnsafeRawPointer(base + next).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            next += 8
          }
          while next < count, base[next] < 0x80 { next += 1 }
          guard ascii(UnsafeBufferPointer(start: base + index, count: next - index)) else { return false }
          index = next
          continue
        }
        if byte == 0x80 {
          guard table.byte80 != GB18030Table.invalid, emit(table.byte80) else { return false }
        } else {
          guard byte != 0xFF else { return false }
          pending.0 = byte
          pendingCount = 1
        }
      case 1:
        if byte >= 0x30 && byte <= 0x39 {
          pending.1 = byte
          pendingCount = 2
        } else {
          guard byte >= 0x40 && byte != 0xFF else { return false }
          let value = table.twoByte[Int(pending.0 - 0x81) * 191 + Int(byte - 0x40)]
          pendingCount = 0
          guard value != GB18030Table.invalid, emit(value) else { return false }
        }
      case 2:
        guard byte >= 0x81 && byte <= 0xFE else { return false }
        pending.2 = byte
        pendingCount = 3
      default:
        guard byte >= 0x30 && byte <= 0x39 else { return false }
        pendingCount = 0
        let linear = Int(pending.0 - 0x81) * 12_600 + Int(pending.1 - 0x30) * 1_260 + Int(pending.2 - 0x81) * 10
          + Int(byte - 0x30)
        let value: UInt32
        if linear < GB18030Table.fourByteBMPCount {
          value = table.fourByte[linear]
        } else if linear >= GB18030Table.supplementaryStart && linear < GB18030Table.supplementaryStart + 0x10_0000 {
          value = UInt32(0x1_0000 + linear - GB18030Table.supplementaryStart)
        } else {
          return false
        }
        guard value != GB18030Table.invalid, emit(value) else { return false }
      }
      index += 1
    }
    return true
  }
}
