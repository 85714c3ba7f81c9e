import Testing

@testable import GongkaiStore

/// An import refused goes on comparing its items with the register, to find every conflict in one run, but only so far:
/// a sheet of millions refused at its first row would write them all before rolling back.
@Suite struct RejectionsTests {
  @Test func itemsAreMergedWithinTheLimitAfterTheFirstProblemAndTheStopIsToldOnce() throws {
    var problems = Rejections()
    var source = ImportItems<Int>([])
    let before = problems.allowsMerging(at: 1, within: 3, sourceRefused: false)
    problems.reject(.init(line: 2, field: "ref", message: "typed otherwise"), from: &source)
    let merged = [3, 4, 5, 6].map { problems.allowsMerging(at: $0, within: 3, sourceRefused: false) }
    #expect(before && merged == [true, true, true, false])
    problems.stopMerging(at: 6, field: "project", items: "rows", from: &source)
    problems.stopMerging(at: 7, field: "project", items: "rows", from: &source)
    #expect(problems.count == 2)
    let told = #expect(throws: StoreError.self) { try source.next() }
    guard case .importRejected(let lines)? = told else { return }
    #expect(lines.map(\.line) == [2, 6])
    #expect(lines.last?.message.hasPrefix("the import is refused, so from here on its rows are only read, not compared with the register") == true)
  }

  @Test func aProblemTheSourceFoundCountsAsTheStoresOwn() {
    var problems = Rejections()
    let merged = [4, 5, 6].map { problems.allowsMerging(at: $0, within: 2, sourceRefused: true) }
    #expect(merged == [true, true, false])
  }
}
