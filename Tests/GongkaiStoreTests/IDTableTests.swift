import Testing
@testable import GongkaiStore

/// The tables by row id an import and the change-log check keep (the document each project came from, whether its
/// log holds amendments, where each row stands against the log): a value once set must read back whatever ids come
/// after it, dense, far, negative or out of order, at every width.
@Suite struct IDTableTests {
  @Test(arguments: [1, 2, 8, 32])
  func everyValueReadsBackWhateverIdsCameAfterIt(bits: Int) {
    var table = IDTable(bitsPerID: bits, denseThrough: 2, grows: true)
    let largest = UInt64.max >> (64 - bits)
    let ids: [Int64] = [5000, 1000, 3000, 5500, 1, -3, 1 << 40, 6000, 63, 64, 65]
    let values = ids.enumerated().map { index, id in (id, UInt64(index) % largest + 1) }
    for (id, value) in values { table[id] = value }
    for (id, value) in values { #expect(table[id] == value, "id \(id)") }
    #expect(table[2] == 0)
    #expect(table[4999] == 0)
    #expect(table[-1] == 0)
    #expect(table[1 << 40 - 1] == 0)
  }

  @Test func aTableThatDoesNotGrowKeepsFarIdsAsideAndListsThemAll() {
    var table = IDTable(bitsPerID: 2, denseThrough: 100)
    for id: Int64 in [7, 100, 101, 300, -5] { table[id] = 3 }
    table[8] = 1
    table[100] = 2
    table[7] = 0
    #expect(table.denseThrough < 300)
    var listed: [Int64: UInt64] = [:]
    table.forEach(atLeast: 2) { id, value in listed[id] = value }
    #expect(listed == [100: 2, 101: 3, 300: 3, -5: 3])
  }

  @Test func aSetOfIdsSaysWhichCameTwice() {
    var seen = IDTable(bitsPerID: 1, denseThrough: 10)
    var again: [Int64] = []
    for id: Int64 in [3, 9, 3, 12, 500, 12, 9] {
      if seen[id] != 0 { again.append(id) }
      seen[id] = 1
    }
    #expect(again == [3, 12, 9])
  }
}
