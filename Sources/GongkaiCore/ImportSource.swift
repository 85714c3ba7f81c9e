/// What a bulk import reads: items one at a time, inside the import's single transaction, so a register of
/// any size imports in bounded memory and all of it or none of it is written.
///
/// The source owns the problem list. The store reports through ``reject(line:field:message:)`` what only the
/// register can judge (an unknown project) or what it refuses whoever the caller (a publication before the
/// milestone was formed) and reads on; at its end the source throws the problems, its own and the store's,
/// ordered by line (a file source shows the first few and counts the rest), which rolls the import back.
public protocol ImportSource<Element> {
  associatedtype Element
  /// The next item; nil at the end when nothing was wrong. Throws every problem found once at the end, or at
  /// once when reading cannot go on. Asked again after the end, it answers as at the end: the store asks so once it
  /// has rejected what it finds only after reading every item.
  mutating func next() throws -> Element?
  /// Records a problem the store found with the item of `line` (the item's position where there are no lines).
  mutating func reject(line: Int, field: String, message: String)
  /// The number of items, when known beforehand, for progress reports.
  var expectedCount: Int? { get }
  /// How a message names the `position`-th item that ``next()`` returned (from 1): a file name, say, where an
  /// item repeats an earlier one. Throws when the source cannot tell (a list it keeps on disk cannot be read).
  func itemName(at position: Int) throws -> String
  /// Whether a milestone of `kind` withdraws an earlier decision (a penalty's withdrawal), which it must name: one
  /// recorded without its link leaves that decision published as in force, which the import says. From the rules the
  /// source reads with.
  func withdrawsADecision(_ kind: String) -> Bool
  /// Whether the `position`-th item came from a folder's listing rather than by its own name: a folder synchronised
  /// every night still holds the file of a project withdrawn since, which is passed over, while a file named is
  /// meant to be imported. Throws as ``itemName(at:)`` does.
  func isListed(at position: Int) throws -> Bool
  /// What the source read and passed over that someone may have meant as something (text in a sheet's 序号 column
  /// on a row that holds nothing else: a footer, a group heading), the first few and a last one counting the rest;
  /// asked once every item is read, for the import to say.
  func passedOver() -> [LineMessage]
  /// Whether the source has found a problem, its own or the store's: the import will be refused, and the store merges
  /// only so far after it.
  var hasProblems: Bool { get }
}

/// Something said of an item of an import's source: its line (or position), the field, and what: a line passed over,
/// or a problem the register finds.
public struct LineMessage: Hashable, Sendable, CustomStringConvertible {
  public let line: Int
  public let field: String
  public let message: String

  public init(line: Int, field: String, message: String) {
    self.line = line
    self.field = field
    self.message = message
  }

  public var description: String { "\(line): \(field): \(message)" }
}

extension ImportSource {
  public func itemName(at position: Int) -> String { "item \(position)" }
  public func isListed(at position: Int) -> Bool { false }
  public func withdrawsADecision(_ kind: String) -> Bool { false }
  public func passedOver() -> [LineMessage] { [] }
  public var hasProblems: Bool { false }
}
