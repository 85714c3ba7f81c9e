import Crypto
import Foundation
import GRDB

/// The change log as a hash chain: each row's `hash` is SHA-256 over the previous row's hash and the row's own
/// content, its id included. Editing, inserting, deleting or reordering rows behind gongkai's back breaks the
/// chain at that row; recomputing the whole chain changes the head, which exports state, so a published audit
/// file can be matched to the register it came from.
enum ChangeChain {
  /// The hash of a row that follows `previous` (empty for the first row).
  static func hash(previous: String, _ row: ChangeLogRecord) -> String {
    var hasher = ChainHasher()
    return hasher.hash(previous: previous.utf8, id: row.id ?? 0, at: row.at.utf8, actor: row.actor.utf8,
                       action: row.action.utf8, entity: row.entity.utf8, entityId: row.entityId,
                       projectCode: row.projectCode.utf8, before: row.before?.utf8, after: row.after?.utf8).hex
  }
}

/// Hashes change-log rows as ``ChangeChain`` describes: each field as its byte length, a colon and its bytes
/// (`-` for none), unambiguous however a field is written, so a separator inside one value cannot pass for two.
///
/// The bytes of a row go into one buffer kept from row to row: a bulk import hashes two rows a milestone, and
/// a buffer, the digits of each number and the hex digits allocated afresh for each row cost more than SHA-256.
struct ChainHasher {
  private var content: [UInt8] = []

  /// The hash of a row that follows `previous` (the hex of the previous row's hash; empty for the first row);
  /// `before` and `after` are the row's values as JSON text. A text field that is nil (NULL in a row edited
  /// outside gongkai) is hashed as absent, which no row gongkai wrote hashes to.
  mutating func hash(
    previous: some Collection<UInt8>, id: Int64, at: (some Collection<UInt8>)?, actor: (some Collection<UInt8>)?,
    action: (some Collection<UInt8>)?, entity: (some Collection<UInt8>)?, entityId: Int64,
    projectCode: (some Collection<UInt8>)?, before: (some Collection<UInt8>)?, after: (some Collection<UInt8>)?
  ) -> ChainHash {
    content.removeAll(keepingCapacity: true)
    content.append(contentsOf: previous)
    content.append(0x0A)
    append(id)
    append(at)
    append(actor)
    append(action)
    append(entity)
    append(entityId)
    append(projectCode)
    append(before)
    append(after)
    var sha = SHA256()
    content.withUnsafeBytes { sha.update(bufferPointer: $0) }
    return ChainHash(digest: sha.finalize())
  }

  private mutating func append(_ field: (some Collection<UInt8>)?) {
    guard let field else {
      content.append(UInt8(ascii: "-"))
      return
    }
    decimal(field.count)
    content.append(UInt8(ascii: ":"))
    content.append(contentsOf: field)
  }

  private mutating func append(_ number: Int64) {
    var digits = 0
    var rest = number.magnitude
    repeat {
      digits += 1
      rest /= 10
    } while rest > 0
    decimal(digits + (number < 0 ? 1 : 0))
    content.append(UInt8(ascii: ":"))
    if number < 0 { content.append(UInt8(ascii: "-")) }
    content.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
    rest = number.magnitude
    for position in stride(from: content.count - 1, through: content.count - digits, by: -1) {
      content[position] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    }
  }

  private mutating func decimal(_ value: Int) {
    if value >= 10 { decimal(value / 10) }
    content.append(UInt8(ascii: "0") + UInt8(value % 10))
  }

}

/// A change-log row's SHA-256, stored as 64 lowercase hex digits.
struct ChainHash {
  let digest: SHA256.Digest

  private static let digits: StaticString = "0123456789abcdef"

  /// The digest in lowercase hex, written straight into the string's storage.
  var hex: String {
    digest.withUnsafeBytes { bytes in
      Self.digits.withUTF8Buffer { digits in
        String(unsafeUninitializedCapacity: bytes.count * 2) { text in
          for (offset, byte) in bytes.enumerated() {
            text[2 * offset] = digits[Int(byte >> 4)]
            text[2 * offset + 1] = digits[Int(byte & 0x0F)]
          }
          return bytes.count * 2
        }
      }
    }
  }

  /// Whether `text` is this hash in lowercase hex, compared digit by digit without making a string of either.
  func isWritten(as text: some Collection<UInt8>) -> Bool {
    guard text.count == 2 * SHA256.byteCount else { return false }
    return digest.withUnsafeBytes { bytes in
      Self.digits.withUTF8Buffer { digits in
        var position = text.startIndex
        for byte in bytes {
          guard text[position] == digits[Int(byte >> 4)] else { return false }
          position = text.index(after: position)
          guard text[position] == digits[Int(byte & 0x0F)] else { return false }
          position = text.index(after: position)
        }
        return true
      }
    }
  }
}

/// The result of checking the change log's hash chain.
public struct ChainVerification: Hashable, Sendable {
  /// Where the chain breaks.
  public enum Break: Hashable, Sendable, CustomStringConvertible {
    /// The row's content or hash is not what the chain says: altered, inserted or moved.
    case altered(Int64)
    /// Rows that the ids say existed are gone.
    case missing(from: Int64, to: Int64, before: Int64?)

    public var description: String {
      switch self {
      case .altered(let id):
        "change log row \(id) was altered, inserted or reordered outside gongkai: its hash does not follow the row before it"
      case .missing(let from, let to, let before):
        "change log row\(from == to ? " \(from) is" : "s \(from)-\(to) are") missing: deleted outside gongkai"
          + (before.map { " (the chain resumes at row \($0))" } ?? " (at the end of the log)")
      }
    }
  }

  /// Rows verified before the break (all of them when the chain is intact).
  public let rows: Int
  /// The hash of the last verified row: the register's state as exports state it.
  public let head: String
  public let broken: Break?
  /// The id (and place) of the verified row whose hash is the head an earlier export stated, `nil` when no row
  /// has it or none was asked for. A chain cut short at its end and rebuilt to match (its rows deleted, SQLite's
  /// counter moved back) verifies intact; only a head published before the cut shows it, by being absent.
  public let publishedHeadRow: Int64?

  init(rows: Int, head: String, broken: Break?, publishedHeadRow: Int64? = nil) {
    self.rows = rows
    self.head = head
    self.broken = broken
    self.publishedHeadRow = publishedHeadRow
  }
}
