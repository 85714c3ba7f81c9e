import GongkaiStore

/// Writes a notice export's pages on ``WriteBehind``'s thread while the store reads the next projects: the projects of
/// a batch of ``NoticeExport/renderBatch`` are judged and rendered on every core at once (``RenderedProject``), then
/// each page, its index row and its feed entries are written in the register's order.
struct NoticePages: RowSink {
  typealias Render = @Sendable (ProjectRows) throws -> RenderedProject

  let pages: AtomicFolderWriter
  let index: IndexRows?
  private(set) var feed: LatestPublications?
  private(set) var report: NoticeExport.Report
  private let progress: ProgressReporter?
  private let render: Render
  private var batch: [ProjectRows] = []

  init(
    pages: AtomicFolderWriter, index: IndexRows?, feed: LatestPublications?, report: NoticeExport.Report, progress: ProgressReporter?,
    render: @escaping Render
  ) {
    self.pages = pages
    self.index = index
    self.feed = feed
    self.report = report
    self.progress = progress
    self.render = render
  }

  mutating func write(_ rows: ProjectRows) throws {
    batch.append(rows)
    if batch.count == NoticeExport.renderBatch { try flush() }
  }

  /// Renders and writes the projects sent since the last full batch; called once more after the last is sent.
  mutating func flush() throws {
    for rendered in ParallelMap.map(batch, render) { try place(rendered.get()) }
    batch.removeAll(keepingCapacity: true)
  }

  private mutating func place(_ rendered: RenderedProject) throws {
    let notice = rendered.notice
    // The feed names a withdrawn project's published items as deleted.
    guard let page = rendered.page else {
      for retraction in notice.retracted { feed?.consider(retraction) }
      return
    }
    try pages.write(page.utf8, to: rendered.name)
    report.pages += 1
    report.disclosures += notice.disclosedCount
    report.unscheduledYears.formUnion(notice.unscheduledYears)
    report.provisionalStatuses += notice.provisionalStatusCount
    report.provisionalStatusYears.formUnion(notice.provisionalStatusYears)
    if let row = rendered.indexRow { try index?.append(row) }
    for section in notice.sections {
      for item in section.items { feed?.consider(item, section: section, notice: notice) }
    }
    for retraction in notice.retracted { feed?.consider(retraction) }
    progress?.advance(to: report.pages, of: 0)
  }
}
