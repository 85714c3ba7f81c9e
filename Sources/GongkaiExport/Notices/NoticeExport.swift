import Foundation
import GongkaiCore
import GongkaiFileSystem
import GongkaiStore

/// Writes the public notices of a register into a folder: one page per project (`<code>.html`, `.md` or `.txt`),
/// with `index.html` and the Atom feed `feed.atom` for HTML. Each file is written whole or not at all.
public struct NoticeExport: Sendable {
  public let checker: Checker
  public let asOf: CivilDate
  public let format: NoticeFormat
  /// The organisation code of 索引号; `nil` uses each project's administrative division.
  public let organisation: String?
  /// How many of the latest publications the feed carries.
  public static let feedLength = 50
  /// What the feed's id (`urn:gongkai:feed:<organisation>`) holds where no organisation code is given or recorded: the
  /// placeholder every such register shares, which the export warns of.
  static let noOrganisation = "gongkai"

  /// The rules and the calendar the verdicts were judged under, stated on every page: a schedule added or corrected
  /// later can turn a verdict, and a reader comparing two exports of one register state needs to see why.
  public let judgedUnder: JudgedUnder

  public init(checker: Checker, asOf: CivilDate, format: NoticeFormat, organisation: String?, calendarVersion: String) {
    self.checker = checker
    self.asOf = asOf
    self.format = format
    self.organisation = organisation
    judgedUnder = JudgedUnder(rulesProfile: checker.catalogue.profile, rulesTitles: checker.catalogue.titles,
                              rulesVersion: checker.catalogue.version,
                              calendarVersion: calendarVersion)
  }

  /// What was written.
  public struct Report: Sendable {
    public var pages = 0
    public var disclosures = 0
    /// Whether `index.html` and `feed.atom` were left as they were, because only some projects were exported.
    public var keptIndex = false
    /// The projects withdrawn as registered by mistake whose pages an earlier export wrote (in any format), removed
    /// from the folder.
    public var removedPages = 0
    /// The pages an earlier export wrote under codes since corrected (in any format), removed from the folder.
    public var movedPages = 0
    /// The years without an official holiday schedule that the pages' deadlines and counts rest on.
    public var unscheduledYears = Set<Int>()
    /// The later day the folder's index stated before this export, judged as of an earlier one, replaced it: a portal
    /// serving the folder went back to that day's pages, and its feed's readers with it.
    public var replacedLaterDay: CivilDate?
    /// The findings of the pages whose status may change once a missing holiday schedule is published.
    public var provisionalStatuses = 0
    /// The years without an official holiday schedule those statuses rest on, which the index's foot names.
    public var provisionalStatusYears = Set<Int>()
  }

  /// Writes the pages as the register streams by; memory does not grow with the register.
  ///
  /// Given `projects`, writes only their pages and leaves `index.html` and `feed.atom` as they are: both describe
  /// the whole register (every project's counts, the latest publications of all), so rebuilding them would read
  /// and judge all of it, the very work naming projects avoids, and writing them from the named projects alone
  /// would take every other project off the portal's index.
  /// `changeLogHead` is the head the pages state; it is confirmed before the first page is written, since pages go
  /// in place batch by batch.
  /// `folderIsNew`: the command made the folder for this export, which an interruption then removes whole.
  public func run(
    store: any Store, projects: [ProjectCode], changeLogHead: StatedHead, folder: String, folderIsNew: Bool = false,
    progress: ProgressReporter?
  ) async throws -> Report {
    // The folder first: taking it removes the temporary pages a killed export left, which a web server that serves
    // hidden files would hand out until then, before the change log's check, which takes a while on a large register.
    // A folder made for it goes whole should the export be interrupted: pages without their index would be published.
    let pages = try AtomicFolderWriter(folder: folder, isNew: folderIsNew)
    try await changeLogHead.confirmed()
    // The index and the feed are read first (their organisation, their day), and replaced by a full HTML export: a
    // database or a named pipe under their names is refused before anything is read or written.
    for name in ["index.html", "feed.atom"] {
      try AtomicFileWriter.requireReplaceable((folder as NSString).appendingPathComponent(name), named: false)
    }
    // In every format: pages of another format beside the feed's would give its items other 索引号.
    try Self.requireFeedOrganisation(organisation ?? Self.noOrganisation, in: folder, recorded: try await store.organisation() != nil)
    let stated = Self.indexDay(in: folder).flatMap { $0 > asOf ? $0 : nil }
    try await Self.requireHeldHead(in: folder, by: store)
    let renderer = try NoticeRenderer(changeLogHead: changeLogHead.stated(), judgedUnder: judgedUnder.line(english: false))
    let index = format == .html && projects.isEmpty ? IndexRows(folder: folder) : nil
    let feed = index.map { _ in LatestPublications(limit: Self.feedLength) }
    var report = Report(keptIndex: format == .html && index == nil, replacedLaterDay: stated)
    // A full export takes down the pages under codes corrected away, and its feed names as deleted the entries that a
    // correction of a code to another division renumbered, while 索引号 take each project's division.
    let recodes = projects.isEmpty ? try await store.codeCorrections() : []
    let formerDivisions = organisation == nil ? ProjectNotice.FormerDivision.byProject(recodes) : [:]
    // A project renamed retitles its entries, and one given another unit changes their author: they move on in the feed.
    let labelChanges = format == .html ? try await store.projectLabelChanges() : [:]
    // A project withdrawn as registered by mistake has no page, and the one an earlier export wrote goes once the
    // index no longer links it: the portal publishing the folder takes it down. By project, in every format: a page
    // an export in another format wrote goes too. An export of named projects names none withdrawn (they are refused).
    let withdrawnPages = projects.isEmpty ? try await store.projects(withdrawn: true).map { Self.pages(of: $0.project.code) } : []
    // A page under a code corrected away goes too, when every page is written: an export of named projects keeps
    // the index, which may still link it.
    let moved = LoggedRecode.codesCorrectedAway(recodes).flatMap(Self.pages(of:))
    // What the export removes is checked before the first page is written, and again as it goes.
    try pages.requireRemovable(withdrawnPages.flatMap { $0 }, why: Self.withdrawnPage)
    try pages.requireRemovable(moved, why: Self.movedPage)
    // With the records withdrawn as made by mistake and the publications' corrections, which date the feed's
    // entries (``Corrections``).
    let filter = MilestoneFilter(projects: projects, withdrawn: true, publicationCorrections: true)
    // Read on this thread; judged and rendered a batch at a time on every core, and written in the register's order,
    // behind the read (``NoticePages``).
    let indexed = index != nil
    let sink = NoticePages(pages: pages, index: index, feed: feed, report: report, progress: progress) { rows in
      try RenderedProject(project: rows.project, milestones: rows.milestones, export: self, renderer: renderer, indexed: indexed,
                          formerDivisions: formerDivisions[rows.project.code] ?? [], labelChanges: labelChanges[rows.project.code])
    }
    var written = try await WriteBehind.run(sink, batchSize: 16) { send in
      try await store.forEachProject(matching: filter) { project, milestones in try send(ProjectRows(project: project, milestones: milestones)) }
    }
    try written.flush()
    report = written.report
    let folderPages = written.pages
    // Once the pages are in place, and the folder with them: those no page, index or feed names any more go.
    func removingPagesNamedNoLonger() throws -> Report {
      report.removedPages = try withdrawnPages.count { try folderPages.remove($0, why: Self.withdrawnPage) > 0 }
      report.movedPages = try folderPages.remove(moved, why: Self.movedPage)
      return report
    }
    guard let index = written.index, var feed = written.feed else {
      try folderPages.commit()
      folderPages.complete()
      return try removingPagesNamedNoLonger()
    }
    // The index and the feed are written before the last pages go in place: a disk that fills up leaves those pages
    // out with them (all of them, for a register of fewer than ``AtomicFolderWriter/batchSize`` projects).
    let page = try AtomicFileWriter(path: (folder as NSString).appendingPathComponent("index.html"), public: true)
    try page.write(renderer.render(
      ["asOf": asOf.description, "projectCount": report.pages, "statusNames": FindingStatus.chineseNamesCounted],
      template: "index-head"))
    try index.copy(to: page)
    let note = ProvisionalNote.text("“状态暂定”为其中状态可能变化的项数：其所依据的时限", years: report.provisionalStatusYears)
    // Its columns: code, name, unit, count, a column per status and the provisional count.
    var foot: [String: Any] = ["noProjects": report.pages == 0, "columns": 5 + FindingStatus.chineseNamesCounted.count]
    foot["provisionalNote"] = note
    try page.write(renderer.render(foot, template: "index-foot"))
    // An Atom id is permanent: the organisation's code, else one fixed name (the projects' divisions would change
    // it whenever a district's first project came or its last went). A published feed is exported with the code.
    let atom = try AtomicFileWriter(path: folder + "/feed.atom", public: true)
    try atom.write(renderer.render(feed.context(organisation: organisation ?? Self.noOrganisation, asOf: asOf), template: "atom"))
    // The last pages, then the index and the feed together, and only then do the pages they no longer name go: a signal
    // on the way waits for the renames, so that an export interrupted leaves an index, a feed and pages that agree; a
    // folder made for them is then complete, and stays.
    try TemporaryFile.finishing {
      try folderPages.commit()
      try AtomicFileWriter.commit([page, atom])
      folderPages.complete()
    }
    return try removingPagesNamedNoLonger()
  }
}

/// A project's page and index row, judged and rendered on any thread; `page` is `nil` for a withdrawn project, which
/// has none.
struct RenderedProject: Sendable {
  let notice: ProjectNotice
  let name: String
  let page: String?
  let indexRow: String?

  init(
    project: Project, milestones: [StoredMilestone], export: NoticeExport, renderer: NoticeRenderer, indexed: Bool,
    formerDivisions: [ProjectNotice.FormerDivision], labelChanges: ProjectLabelChanges?
  ) throws {
    notice = try ProjectNotice(project: project, milestones: milestones, checker: export.checker, asOf: export.asOf,
                               organisation: export.organisation, formerDivisions: formerDivisions, labelChanges: labelChanges)
    name = "\(project.code.rawValue).\(export.format.rawValue)"
    guard project.withdrawnReason == nil else {
      (page, indexRow) = (nil, nil)
      return
    }
    page = try renderer.render(notice, format: export.format)
    indexRow = indexed ? try Self.indexRow(of: notice, page: name, renderer: renderer) : nil
  }

  /// The project's row of `index.html`.
  private static func indexRow(of notice: ProjectNotice, page: String, renderer: NoticeRenderer) throws -> String {
    try renderer.render([
      "code": notice.code, "name": notice.name, "page": page, "responsibleUnit": notice.responsibleUnit,
      "disclosedCount": notice.disclosedCount,
      "counts": FindingStatus.chineseNamesCounted.map { notice.statusCounts[$0] ?? 0 }, "provisional": notice.provisionalStatusCount,
    ], template: "index-row")
  }
}

extension NoticeExport {
  /// How many projects are rendered at once: enough to keep every core busy, few enough that their pages take little
  /// memory.
  static let renderBatch = 64

  /// Whose pages an export removes, as its refusals name them.
  static let withdrawnPage = "the page of a project withdrawn as registered by mistake"
  static let movedPage = "the page under a project code since corrected"

  /// The names of a project's page in every format an export writes.
  static func pages(of code: ProjectCode) -> [String] { NoticeFormat.allCases.map { "\(code.rawValue).\($0.rawValue)" } }
}

/// The rows of the index page, put aside in the export folder until the register has been read: the page's head
/// states how many projects it lists.
struct IndexRows {
  private let file: ScratchFile

  init(folder: String) { file = ScratchFile(in: folder) }

  func append(_ row: String) throws {
    var row = row
    try row.withUTF8 { try file.append(UnsafeRawBufferPointer($0)) }
  }

  func copy(to page: AtomicFileWriter) throws {
    try file.forEachChunk { try page.write(bytes: $0) }
  }
}

/// The latest publications across projects, kept to a fixed number while the register streams by.
struct LatestPublications {
  let limit: Int
  /// Each entry with what chooses it: the instant it is dated by, its publication day, its 索引号.
  private(set) var entries: [(key: Key, entry: [String: Any])] = []

  /// The latest dated first; of one instant (the items of one import, recorded within days of going up), the latest
  /// published, then the highest 索引号.
  struct Key: Comparable {
    let updated: String
    let published: String
    let index: String

    static func < (lhs: Key, rhs: Key) -> Bool {
      (lhs.updated, lhs.published, lhs.index) < (rhs.updated, rhs.published, rhs.index)
    }
  }

  init(limit: Int) { self.limit = limit }

  mutating func consider(_ item: ProjectNotice.Item, section: ProjectNotice.Section, notice: ProjectNotice) {
    // A changed item's entry keeps its id and is dated by its change's publication, or by the register's latest
    // correction of what it shows (RFC 4287 `updated`): feed readers show an entry again when that date moves, so
    // subscribers learn of the change, and of a change taken back. A withdrawn item has
    // neither summary nor address (the item leaves them out), so its entry links the project's page. Atom wants an
    // IRI there: an address as typed (`#s1#s2`, a `%` starting no escape) goes out as the OC4IDS package gives it.
    let entry: [String: Any] = [
      "id": "urn:gongkai:notice:\(item.indexNumber)",
      "title": "\(notice.name)：\(item.kindName)" + (item.validityMark.map { "（\($0)）" } ?? ""),
      "updated": item.updated, "published": "\(item.publishedOn)T00:00:00+08:00", "author": item.publisher,
      "link": item.url.map(URIText.encoding) ?? "\(notice.code).html", "category": section.code, "categoryName": section.name,
      "kind": item.kindCode, "kindName": item.kindName,
      "summary": [item.reference, item.summary, item.validity.map { "有效性：\($0)" }, item.withdrawalReason.map { "撤回理由：\($0)" }]
        .compactMap { $0 }.joined(separator: "　"),
    ]
    entries.append((Key(updated: item.updated, published: item.publishedOn, index: item.indexNumber), entry))
    if entries.count > limit * 2 { trim() }
  }

  /// The latest retractions of each cause, kept to the same number: an entry that no longer exists is named as deleted
  /// (RFC 6721 `at:deleted-entry`), by the id it had.
  private var deleted: [ProjectNotice.Retraction.Cause: [(when: String, ref: String, comment: String)]] = [:]

  mutating func consider(_ retraction: ProjectNotice.Retraction) {
    deleted[retraction.cause, default: []].append((retraction.when, "urn:gongkai:notice:\(retraction.indexNumber)", retraction.comment))
    if deleted[retraction.cause]!.count > limit * 2 { trim() }
  }

  private mutating func trim() {
    entries.sort { $0.key > $1.key }
    entries.removeLast(max(0, entries.count - limit))
    for cause in deleted.keys {
      deleted[cause]!.sort { ($0.when, $0.ref) > ($1.when, $1.ref) }
      deleted[cause]!.removeLast(max(0, deleted[cause]!.count - limit))
    }
  }

  mutating func context(organisation: String, asOf: CivilDate) -> [String: Any] {
    trim()
    let retracted = ProjectNotice.Retraction.Cause.allCases.flatMap { deleted[$0] ?? [] }.sorted { ($0.when, $0.ref) > ($1.when, $1.ref) }
    return [
      "id": "urn:gongkai:feed:\(organisation)",
      "updated": max(entries.first?.key.updated ?? FeedInstant.startOf(asOf), retracted.first?.when ?? ""),
      "entries": entries.map(\.entry),
      "deleted": retracted.map { ["ref": $0.ref, "when": $0.when, "comment": $0.comment] as [String: Any] },
    ]
  }
}

extension NoticeExport {
  /// The day the index in `folder` was judged as of (its heading's 截至 day), if it has one.
  static func indexDay(in folder: String) -> CivilDate? {
    guard let handle = FileHandle(forReadingAtPath: (folder as NSString).appendingPathComponent("index.html")) else { return nil }
    defer { try? handle.close() }
    let head = String(decoding: (try? handle.read(upToCount: 8192)) ?? Data(), as: UTF8.self)
    guard let match = head.firstMatch(of: /<small>截至 (\d{4}-\d{2}-\d{2})，/) else { return nil }
    return try? CivilDate(parsing: String(match.1))
  }

  /// Refuses to write into a folder whose index (or, in a folder of Markdown or text pages, a page) states a change-log head the register's log does not hold: it was
  /// exported from a state the register no longer has (restored from an earlier backup since, or another register's).
  /// Its pages are then the only record of what was published since, and the register would give their 索引号 to
  /// other publications: the folder is kept, and the export goes into another once they are recorded again.
  static func requireHeldHead(in folder: String, by store: any Store) async throws {
    guard let head = statedHead(in: folder), try await !store.changeLogHolds(head: head) else { return }
    throw ExportError.cannotCreate(folder, """
      nothing was written: it was last exported from a register state whose change-log head, \(head), this register's log \
      does not hold (the register was restored from a backup made before that export, or the folder is another \
      register's); its pages are the record of what was published since, whose 索引号 the register would give again: \
      move the folder aside and keep it, record those publications again, and export into a new folder (README: restoring \
      a backup)
      """)
  }

  /// The change-log head the folder's last export states (verified or not): its index's, else, in a folder of
  /// Markdown or text pages, which has none, the first page's found, all of one export stating the same.
  static func statedHead(in folder: String) -> String? {
    let index = (folder as NSString).appendingPathComponent("index.html")
    guard let source = FileManager.default.fileExists(atPath: index) ? index : firstTextPage(in: folder),
      let handle = FileHandle(forReadingAtPath: source)
    else { return nil }
    defer { try? handle.close() }
    // The foot is the page's end, after a row a project: only its last bytes are read.
    let size = (try? handle.seekToEnd()) ?? 0
    try? handle.seek(toOffset: size > 4096 ? size - 4096 : 0)
    let foot = String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
    return foot.firstMatch(of: /登记簿变更记录链头：(?:<code>)?([0-9a-f]{64})/).map { String($0.1) }
  }

  /// A Markdown or text page of `folder` (`<code>.md`, `<code>.txt`): the first the listing gives, without reading
  /// the rest of a folder of a million.
  private static func firstTextPage(in folder: String) -> String? {
    struct Found: Error { let name: String }
    do {
      try FolderListing.forEachName(in: folder) { name in
        for format in [NoticeFormat.md, .txt] where FolderListing.name(name, endsWith: ".\(format.rawValue)") {
          let text = String(decoding: name, as: UTF8.self)
          if (try? ProjectCode(String(text.dropLast(format.rawValue.count + 1)))) != nil { throw Found(name: text) }
        }
      }
    } catch let found as Found {
      return (folder as NSString).appendingPathComponent(found.name)
    } catch {}
    return nil
  }

  /// Refuses to write under another organisation code than the feed in `folder` was written with (a first export
  /// without `--organisation`, the next with it): every 索引号 and every entry's id would change, and each subscriber
  /// would see every item published again, with nothing saying the old ones are gone.
  /// `recorded`: the code is the register's own (`gongkai init --organisation`), which no option overrides.
  static func requireFeedOrganisation(_ organisation: String, in folder: String, recorded: Bool) throws {
    let path = (folder as NSString).appendingPathComponent("feed.atom")
    guard let handle = FileHandle(forReadingAtPath: path) else { return }
    defer { try? handle.close() }
    let head = String(decoding: (try? handle.read(upToCount: 4096)) ?? Data(), as: UTF8.self)
    let prefix = "<id>urn:gongkai:feed:"
    guard let start = head.range(of: prefix), let end = head[start.upperBound...].range(of: "</id>") else { return }
    let written = String(head[start.upperBound..<end.lowerBound])
    guard written != MarkupContentType().escapeText(organisation) else { return }
    let named = { (code: String) in code == Self.noOrganisation ? "no organisation code (索引号 by each project's division)" : "organisation \(code)" }
    // The fix the user can make: the options where the code is given export by export, the register's record where
    // it is the register's own (an option cannot override it).
    let back = switch (recorded, written == Self.noOrganisation) {
    case (false, true): "give no --organisation (and unset GONGKAI_ORGANISATION), "
    case (false, false): "give --organisation \(written) (or set GONGKAI_ORGANISATION), "
    case (true, true): "the register records \(organisation): "
    case (true, false): "the register records \(organisation): where that was a mistake, put \(written) back (`gongkai init "
      + "--change-organisation --organisation \(written)`); else "
    }
    throw ExportError.invalid("""
      nothing was exported: \(path) was written with \(named(written)), and this export would write \(named(organisation)): \
      every 索引号 and feed entry would change, and the feed's readers would see every item again; \(back)export into another \
      folder (--out), or, to change it on purpose, remove \(path) first
      """)
  }
}
