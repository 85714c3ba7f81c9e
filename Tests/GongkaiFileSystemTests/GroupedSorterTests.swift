import GongkaiFileSystem
import Testing

/// The sorter behind the text check must give exactly the order an in-memory sort gives, whether the records
/// fit in one run or spill into many.
@Suite struct GroupedSorterTests {
  struct Record: Equatable, BitwiseCopyable {
    let group: Int16
    let value: Int32
    let id: Int64
  }

  /// Deterministic records: a linear congruential generator, so a failure can be replayed.
  func records(_ count: Int, groups: Int, seed: UInt64) -> [Record] {
    var state = seed
    return (0..<count).map { id in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Record(group: Int16((state >> 33) % UInt64(groups)), value: Int32((state >> 40) % 50), id: Int64(id))
    }
  }

  func sorted(_ input: [Record], runCapacity: Int, groupsInOrder: [Int]) throws -> [Record] {
    let sorter = GroupedSorter<Record>(runCapacity: runCapacity, group: { Int($0.group) }) {
      $0.value != $1.value ? $0.value > $1.value : $0.id < $1.id
    }
    for record in input { try sorter.append(record) }
    #expect(sorter.count == input.count)
    var output: [Record] = []
    try sorter.forEach(groupsInOrder: groupsInOrder) { output.append($0) }
    return output
  }

  func expected(_ input: [Record], groupsInOrder: [Int]) -> [Record] {
    groupsInOrder.flatMap { group in
      input.filter { Int($0.group) == group }.sorted { $0.value != $1.value ? $0.value > $1.value : $0.id < $1.id }
    }
  }

  @Test(arguments: [1, 7, 100, 5_000, 1 << 18])
  func spilledRunsMergeIntoTheInMemoryOrder(runCapacity: Int) throws {
    let input = records(5_000, groups: 13, seed: UInt64(runCapacity))
    let order = [7, 2, 12, 0, 1, 3, 4, 5, 6, 8, 9, 10, 11]
    #expect(try sorted(input, runCapacity: runCapacity, groupsInOrder: order) == expected(input, groupsInOrder: order))
  }

  @Test func groupsLeftOutOfTheOrderAreSkippedAndUnknownGroupsAreEmpty() throws {
    let input = records(300, groups: 4, seed: 9)
    for capacity in [16, 1_000] {
      #expect(try sorted(input, runCapacity: capacity, groupsInOrder: [3, 99, 1]) == expected(input, groupsInOrder: [3, 1]))
    }
  }

  @Test func nothingAppendedGivesNothing() throws {
    #expect(try sorted([], runCapacity: 4, groupsInOrder: [0, 1]).isEmpty)
  }
}
