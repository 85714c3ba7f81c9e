import Testing
@testable import GongkaiStore

/// The per-project table an import keeps (the document each project came from, whether its log holds amendments):
/// a value once set must read back whatever ids come after it, dense, far, negative or out of order.
@Suite struct ByProjectIDTests {
  @Test func everyValueReadsBackWhateverIdsCameAfterIt() {
    var table = ByProjectID<UInt32>(expecting: 2)
    let values: [(Int64, UInt32)] = [(5000, 7), (1000, 1), (3000, 3), (5500, 5), (1, 11), (-3, 9), (1 << 40, 4), (6000, 6)]
    for (id, value) in values { table[id] = value }
    for (id, value) in values { #expect(table[id] == value, "id \(id)") }
    #expect(table[2] == 0)
    #expect(table[4999] == 0)
    #expect(table[-1] == 0)
  }
}
