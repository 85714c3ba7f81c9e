import Foundation
import GongkaiCore
import GongkaiStore

/// Writes the public notices of a register into a folder: one page per project (`<code>.html`, `.md` or `.txt`),
/// with `index.html` and the Atom feed `feed.atom` for HTML. Each file is written whole or not at all.
public struct NoticeExport {
  public let checker: Checker
  public let asOf: CivilDate
  public let format: NoticeFormat
  /// The organisation code of 索引号; `nil` uses each project's administrative division.
  public let organisation: String?
  /// How many of the latest publications the feed carries.
  public static let feedLength = 50

  public init(checker: Checker, asOf: CivilDate, format: NoticeFormat, organisation: String?) {
    self.checker = checker
    self.asOf = asOf
    self.format = format
    self.organisation = organisation
  }

  /// What was written.
  public struct Report: Sendable {
    public var pages = 0
    public var disclosures = 0
    public var files: [String] = []
  }

  public func run(store: any Store, filter: MilestoneFilter, folder: String, progress: ProgressReporter?) async throws -> Report {
    let renderer = try NoticeRenderer(changeLogHead: try await store.changeLogHead())
    var report = Report()
    var index: [[String: Any]] = []
    var feed = LatestPublications(limit: Self.feedLength)
    try await store.forEachProject(matching: filter) { project, milestones in
      let notice = try ProjectNotice(project: project, milestones: milestones, checker: checker, asOf: asOf, organisation: organisation)
      let name = "\(project.code.rawValue).\(format.rawValue)"
      try AtomicFileWriter.write(Data(renderer.render(notice, format: format).utf8), to: folder + "/" + name)
      report.pages += 1
      report.disclosures += notice.disclosedCount
      report.files.append(name)
      index.append([
        "code": notice.code, "name": notice.name, "page": name, "responsibleUnit": notice.responsibleUnit,
        "disclosedCount": notice.disclosedCount,
        "counts": FindingStatus.allCases.map { notice.statusCounts[$0] ?? 0 },
      ])
      for section in notice.sections {
        for item in section.items { feed.consider(item, section: section, notice: notice) }
      }
      progress?.advance(to: report.pages, of: 0)
    }
    guard format == .html else { return report }
    let statusNames = FindingStatus.allCases.map(\.chineseName)
    try AtomicFileWriter.write(Data(renderer.render(
      ["asOf": asOf.description, "projectCount": index.count, "statusNames": statusNames, "projects": index],
      template: "index").utf8), to: folder + "/index.html")
    try AtomicFileWriter.write(Data(renderer.render(feed.context(organisation: organisation ?? "gongkai", asOf: asOf),
                                                    template: "atom").utf8), to: folder + "/feed.atom")
    report.files += ["index.html", "feed.atom"]
    return report
  }
}

/// The latest publications across projects, kept to a fixed number while the register streams by.
struct LatestPublications {
  let limit: Int
  private(set) var entries: [(date: String, index: String, entry: [String: Any])] = []

  init(limit: Int) { self.limit = limit }

  mutating func consider(_ item: ProjectNotice.Item, section: ProjectNotice.Section, notice: ProjectNotice) {
    let entry: [String: Any] = [
      "id": "urn:gongkai:notice:\(item.indexNumber)", "title": "\(notice.name)：\(item.kindName)",
      "updated": "\(item.publishedOn)T00:00:00+08:00", "author": item.publisher,
      "link": item.url ?? "\(notice.code).html", "category": item.kindCode, "categoryName": section.name,
      "summary": [item.reference, item.summary].compactMap { $0 }.joined(separator: "　"),
    ]
    entries.append((item.publishedOn, item.indexNumber, entry))
    if entries.count > limit * 2 { trim() }
  }

  private mutating func trim() {
    entries.sort { ($0.date, $0.index) > ($1.date, $1.index) }
    entries.removeLast(max(0, entries.count - limit))
  }

  mutating func context(organisation: String, asOf: CivilDate) -> [String: Any] {
    trim()
    return [
      "id": "urn:gongkai:feed:\(organisation)",
      "updated": "\(entries.first?.date ?? asOf.description)T00:00:00+08:00",
      "entries": entries.map(\.entry),
    ]
  }
}
