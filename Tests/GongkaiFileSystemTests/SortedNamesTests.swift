import Foundation
@testable import GongkaiFileSystem
import Testing
import TestSupport

/// An import reads a folder in the order these names come back in: it must be byte order, whether the names fit
/// in memory or spill into many runs on disk.
@Suite struct SortedNamesTests {
  /// File names of every length a folder can hold, with shared prefixes, repeats and bytes above 0x7F
  /// (Chinese names), from a linear congruential generator so that a failure can be replayed.
  func names(_ count: Int, seed: UInt64) -> [[UInt8]] {
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let stems = ["2024-310110-48-01-", "2024-310110-4", "项目", "", "Z"].map { Array($0.utf8) }
    return (0..<count).map { _ in
      let tail = (0..<next(12)).map { _ in UInt8(0x21 + next(0xDE)) }
      return stems[next(stems.count)] + tail + (next(50) == 0 ? Array(repeating: 0x7A, count: 255 - tail.count) : [])
    }
  }

  func readBack(_ input: [[UInt8]], runBytes: Int, spills: Bool? = nil) throws -> [[UInt8]] {
    let sorted = SortedNames(runBytes: runBytes, scratchFolder: Scratch.folder().path)
    for name in input { try sorted.append(name) }
    try sorted.sort()
    #expect(sorted.count == input.count)
    if let spills { #expect(sorted.spilled == spills) }
    return try (0..<sorted.count).map { try sorted.name(at: $0) }
  }

  @Test(arguments: [1, 40, 1_000, 1 << 22])
  func namesComeBackInByteOrderHoweverManyRunsTheyFill(runBytes: Int) throws {
    let input = names(3_000, seed: UInt64(runBytes))
    #expect(try readBack(input, runBytes: runBytes, spills: runBytes < 1 << 22) == input.sorted { $0.lexicographicallyPrecedes($1) })
  }

  /// Runs larger than the 64 KB a run is read back through, so names and their lengths straddle its refills,
  /// and one name larger than that buffer.
  @Test func runsLargerThanTheReadBufferComeBackWhole() throws {
    let input = names(30_000, seed: 11) + [Array(repeating: 0x61, count: Int(UInt16.max))]
    #expect(try readBack(input, runBytes: 300_000, spills: true) == input.sorted { $0.lexicographicallyPrecedes($1) })
  }

  @Test(arguments: [1, 1 << 22])
  func anEmptyNameAndNoNamesAtAllAreKept(runBytes: Int) throws {
    #expect(try readBack([], runBytes: runBytes).isEmpty)
    #expect(try readBack([Array("b".utf8), [], Array("a".utf8)], runBytes: runBytes) == [[], Array("a".utf8), Array("b".utf8)])
  }

  @Test func namesAreReadByPositionInAnyOrderAndLeaveNothingBehind() throws {
    let folder = Scratch.folder()
    let input = names(2_000, seed: 7)
    let sorted = SortedNames(runBytes: 500, scratchFolder: folder.path)
    for name in input { try sorted.append(name) }
    try sorted.sort()
    let expected = input.sorted { $0.lexicographicallyPrecedes($1) }
    for index in [1_999, 0, 1_000, 1, 1_998] { #expect(try sorted.name(at: index) == expected[index]) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }
}
