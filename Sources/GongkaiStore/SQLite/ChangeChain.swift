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
    // Each field as its byte length, a colon and its bytes (`-` for none): unambiguous however a field is
    // written, so a separator inside one value cannot pass for two.
    var content: [UInt8] = []
    content.reserveCapacity(previous.utf8.count + 64 + (row.before?.utf8.count ?? 0) + (row.after?.utf8.count ?? 0)
      + row.at.utf8.count + row.actor.utf8.count + row.projectCode.utf8.count)
    content.append(contentsOf: previous.utf8)
    content.append(0x0A)
    func append(_ field: String?) {
      guard let field else {
        content.append(UInt8(ascii: "-"))
        return
      }
      decimal(field.utf8.count)
      content.append(UInt8(ascii: ":"))
      content.append(contentsOf: field.utf8)
    }
    func append(_ number: Int64) {
      var digits: [UInt8] = []
      var rest = number.magnitude
      repeat {
        digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
        rest /= 10
      } while rest > 0
      if number < 0 { digits.append(UInt8(ascii: "-")) }
      decimal(digits.count)
      content.append(UInt8(ascii: ":"))
      content.append(contentsOf: digits.reversed())
    }
    func decimal(_ value: Int) {
      if value >= 10 { decimal(value / 10) }
      content.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
    append(row.id ?? 0)
    append(row.at)
    append(row.actor)
    append(row.action)
    append(row.entity)
    append(row.entityId)
    append(row.projectCode)
    append(row.before)
    append(row.after)
    return hex(SHA256.hash(data: content))
  }

  private static let digits = Array("0123456789abcdef".utf8)

  static func hex(_ digest: SHA256.Digest) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(64)
    for byte in digest {
      bytes.append(digits[Int(byte >> 4)])
      bytes.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Recomputes the chain from the first row and stops at the first row that does not follow.
  static func verify(_ db: Database) throws -> ChainVerification {
    let rows = try ChangeLogRecord.order(Column("id")).fetchCursor(db)
    var previous = ""
    var expectedID: Int64 = 1
    var count = 0
    while let row = try rows.next() {
      let id = row.id!
      if id != expectedID {
        return ChainVerification(rows: count, head: previous, broken: .missing(from: expectedID, to: id - 1, before: id))
      }
      guard row.hash == hash(previous: previous, row) else {
        return ChainVerification(rows: count, head: previous, broken: .altered(id))
      }
      previous = row.hash!
      expectedID += 1
      count += 1
    }
    let last = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'changeLog'") ?? 0
    if last >= expectedID { return ChainVerification(rows: count, head: previous, broken: .missing(from: expectedID, to: last, before: nil)) }
    return ChainVerification(rows: count, head: previous, broken: nil)
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
}
