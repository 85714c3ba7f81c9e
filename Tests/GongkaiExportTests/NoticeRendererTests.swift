import Testing
@testable import GongkaiExport

@Suite struct NoticeRendererTests {
  /// A template never registered is a mistake in gongkai: refused, not written as an empty page.
  @Test func anUnregisteredTemplateIsAnErrorNotAnEmptyPage() throws {
    let renderer = try NoticeRenderer()
    #expect(throws: MissingTemplate.self) { try renderer.render([:], template: "no-such-template") }
    #expect(try renderer.render(["entries": [] as [Any]], template: "atom").contains("<feed"))
  }
}
