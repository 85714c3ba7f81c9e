/// Small numbers kept by row id, packed `bitsPerID` to a 64-bit word for the ids SQLite hands out densely from 1:
/// a bit a row for a set of ids, two for where a row stands in the change-log check, a byte or four a project during
/// an import (where a dictionary keyed by project code took 60 MB at a million projects). An id beyond the dense
/// part, or negative (a database edited outside gongkai), goes to a dictionary instead. Zero stands for none.
struct IDTable {
  let bitsPerID: Int
  private var words: [UInt64]
  private var sparse: [Int64: UInt64] = [:]
  private let grows: Bool
  /// log2 of the ids a word holds.
  private let idsPerWordShift: Int64

  /// - Parameters:
  ///   - bitsPerID: 1, 2, 4, 8, 16 or 32.
  ///   - largest: the ids kept densely from the start are 0 through `largest`.
  ///   - grows: whether an id a little beyond the dense part (up to twice its size and 1024 more) extends it, as
  ///     the ids an import adds do; otherwise such an id goes to the dictionary, so that ids from a file edited
  ///     outside gongkai cannot make the table larger than its maker bounded it.
  init(bitsPerID: Int, denseThrough largest: Int64, grows: Bool = false) {
    precondition([1, 2, 4, 8, 16, 32].contains(bitsPerID), "an id table packs a power of two bits, at most 32, an id")
    self.bitsPerID = bitsPerID
    self.grows = grows
    idsPerWordShift = Int64((64 / bitsPerID).trailingZeroBitCount)
    words = Array(repeating: 0, count: Int(max(0, largest) >> idsPerWordShift) + 1)
  }

  /// The largest id kept densely.
  var denseThrough: Int64 { Int64(words.count) << idsPerWordShift - 1 }

  private var mask: UInt64 { UInt64.max >> (64 - bitsPerID) }

  subscript(id: Int64) -> UInt64 {
    get {
      guard let (word, shift) = place(id) else { return sparse[id] ?? 0 }
      return words[word] >> shift & mask
    }
    set {
      precondition(newValue <= mask, "\(newValue) does not fit in \(bitsPerID) bits")
      if grows, id > denseThrough, id < (denseThrough + 1) * 2 + 1024 { grow(through: id) }
      guard let (word, shift) = place(id) else { return sparse[id] = newValue == 0 ? nil : newValue }
      words[word] = words[word] & ~(mask << shift) | newValue << shift
    }
  }

  /// Hands `body` each id whose value is at least `minimum` (which must not be zero), the dense ones in order.
  func forEach(atLeast minimum: UInt64, _ body: (Int64, UInt64) -> Void) {
    precondition(minimum > 0, "every id not kept has the value zero")
    let idsPerWord = 64 / bitsPerID
    for (index, bits) in words.enumerated() where bits != 0 {
      for slot in 0..<idsPerWord {
        let value = bits >> (slot * bitsPerID) & mask
        if value >= minimum { body(Int64(index * idsPerWord + slot), value) }
      }
    }
    for (id, value) in sparse where value >= minimum { body(id, value) }
  }

  private func place(_ id: Int64) -> (word: Int, shift: UInt64)? {
    guard id >= 0, id <= denseThrough else { return nil }
    return (Int(id >> idsPerWordShift), UInt64(id & (1 << idsPerWordShift - 1)) * UInt64(bitsPerID))
  }

  /// Extends the dense part through `id`, taking in what the dictionary held for the ids it now covers.
  private mutating func grow(through id: Int64) {
    let covered = denseThrough + 1...id
    words.append(contentsOf: repeatElement(0, count: Int(id >> idsPerWordShift) + 1 - words.count))
    for (key, value) in sparse where covered.contains(key) {
      sparse[key] = nil
      self[key] = value
    }
  }
}
