import GongkaiCore

/// A project's disclosures on a time axis, drawn as SVG: for each milestone, the day the information was formed,
/// its deadline, and when it was published, marked by status.
///
/// Status is told three ways, so the chart reads in print and for colour-blind readers: a shape (circle, triangle,
/// square, diamond, cross), a colour from the Okabe–Ito palette, and the status written beside the row.
struct Timeline: Sendable {
  struct Row: Sendable {
    let y: Int
    let textY: Int
    let tickY: Int
    let barY: Int
    let label: String
    let fullLabel: String
    let status: String
    /// Smaller than ``Timeline/statusFontSize`` for a status that would leave no room for the name.
    let statusFontSize: Double
    let colour: String
    let formedX: Int
    let lineEndX: Int
    let deadlineX: Int?
    /// SVG path of the status mark.
    let mark: String
    let hollow: Bool
    /// For overdue items: the stretch from the deadline to the as-of day.
    let overdueWidth: Int?
  }

  struct Tick: Sendable {
    let x: Int
    let label: String
  }

  struct LegendEntry: Sendable {
    let x: Int
    let textX: Int
    let mark: String
    let colour: String
    let hollow: Bool
    let label: String
  }

  static let width = 960
  static let plotStart = 330
  static let plotEnd = 940
  static let top = 36
  static let rowHeight = 24

  let height: Int
  let rows: [Row]
  let ticks: [Tick]
  let legend: [LegendEntry]
  let legendY: Int
  let asOfX: Int
  /// Where the day's label ends: left of its line, which the chart's last fortnight puts near the right edge, where a
  /// label centred on the line was cut off by the picture's edge.
  var asOfLabelX: Int { asOfX - 4 }
  let asOf: String
  let title: String
  let summary: String
  /// Under the list, when any row carries ``unverifiedMark``: what the mark means.
  let unverifiedNote: String?
  var width: Int { Self.width }

  /// A finding with what its row says of its item beside the standing.
  struct Item: Sendable {
    let finding: Finding
    /// 已撤回 or 已变更, which the row names as the item's heading does.
    let validityMark: String?
    /// Given where two items of one kind were formed on one day: else two lines read the same.
    let reference: String?
    /// The day formed as first recorded, where an amendment moved it: the row's deadline and standing count from the
    /// day amended, which a reader comparing with an earlier page is told.
    let originalFormedOn: CivilDate?
  }

  init(findings marked: [Item], asOf: CivilDate, projectName: String) {
    let findings = marked.map(\.finding)
    let twins = Dictionary(grouping: findings, by: { "\($0.milestone.kind) \($0.milestone.formedOn)" }).filter { $0.value.count > 1 }
    // A notice published ahead of the day it announces starts the chart at its publication.
    let first = findings.flatMap { [$0.milestone.formedOn, $0.disclosure?.publishedOn].compactMap { $0 } }.min() ?? asOf
    let ends = findings.flatMap { [$0.deadline?.date, $0.disclosure?.publishedOn].compactMap { $0 } } + [asOf]
    let start = first.adding(days: -15)
    let end = ends.max()!.adding(days: 15)
    let span = Double(max(1, start.days(to: end)))
    func x(_ date: CivilDate) -> Int { Self.plotStart + Int(Double(start.days(to: date)) / span * Double(Self.plotEnd - Self.plotStart)) }

    rows = marked.enumerated().map { index, row in
      let finding = row.finding
      let told = twins["\(finding.milestone.kind) \(finding.milestone.formedOn)"] == nil ? ""
        : row.reference.map { "（文号 \($0)）" } ?? "（无文号）"
      let y = Self.top + index * Self.rowHeight + Self.rowHeight / 2
      let style = Style(finding.publicStatus)
      let markDate = finding.disclosure?.publishedOn ?? (finding.status == .overdue ? asOf : finding.deadline?.date ?? asOf)
      let name = finding.rule.name.chinese
      let status = finding.chineseStanding + finding.chineseProvisionalMark + (finding.isUnverified ? Self.unverifiedMark : "")
      let (label, statusFontSize) = Self.layout(name, mark: row.validityMark, status: status)
      return Row(
        y: y, textY: y + 4, tickY: y - 7, barY: y - 3, label: label,
        fullLabel: "\(name)\(row.validityMark.map { "（\($0)）" } ?? "")\(told)：形成 \(finding.milestone.formedOn)"
          + (row.originalFormedOn.map { "（经更正，原登记为 \($0)）" } ?? "")
          + (finding.deadline.map { "，截止 \($0.date)" + ($0.isProvisional ? "（暂定）" : "") } ?? "")
          + (finding.disclosure.map { "，公开 \($0.publishedOn)" + (finding.judgedRunIsProvisional ? "（暂定）" : "") } ?? "")
          + "，\(status)",
        status: status, statusFontSize: statusFontSize, colour: style.colour, formedX: x(finding.milestone.formedOn),
        lineEndX: x(finding.deadline?.date ?? markDate), deadlineX: finding.deadline.map { x($0.date) },
        mark: style.path(x: x(markDate), y: y), hollow: style.hollow,
        overdueWidth: finding.status == .overdue ? finding.deadline.map { x(asOf) - x($0.date) } : nil)
    }
    ticks = Self.ticks(from: start, to: end, span: span).map { Tick(x: x($0), label: "\($0.year)年\($0.components.month)月") }
    let height = Self.top + max(1, rows.count) * Self.rowHeight + 44
    self.height = height
    legendY = height - 16
    legend = FindingStatus.allCases.sorted { Style($0).order < Style($1).order }.enumerated().map { index, status in
      let style = Style(status)
      let x = 20 + index * 150
      return LegendEntry(x: x, textX: x + 12, mark: style.path(x: x, y: height - 20), colour: style.colour,
                         hollow: style.hollow, label: status.chineseName)
    }
    asOfX = x(asOf)
    self.asOf = asOf.description
    title = "\(projectName) 信息公开时间线"
    let counts = Dictionary(grouping: findings, by: \.chinesePublicStatusName).mapValues(\.count)
    summary = "截至 \(asOf)，共 \(findings.count) 项：" + FindingStatus.chineseNamesCounted.compactMap { name in counts[name].map { "\(name) \($0) 项" } }
      .joined(separator: "，")
    unverifiedNote = findings.contains(where: \.isUnverified) ? Self.unverifiedNoteText : nil
  }

  /// The mark of a status whose period or reading of the calendar is unverified. A footnote's mark rather than the
  /// words (时限待核实) the open data gives: a portal's page of many such items read as a list of doubts, and the words
  /// took the room of the project's names in the chart.
  static let unverifiedMark = "※"
  /// What ``unverifiedMark`` means, said once under the list: an item published says which cause is its own in its note
  /// below; one not published has no entry there, so the note names both.
  static let unverifiedNoteText = "标注※的，所依据的时限规定未经法规原文核实，或者所依据的计日方法法律未明文规定，其期限和状态仅供参考。"

  /// A row's name and the font size of its status. The name is cut to the room left of its status, which ends at
  /// ``statusEnd``, keeping its mark (（已撤回）, （已变更）) whole; the room is measured, not counted: a status of a
  /// few words (按时公开) leaves a long name whole, one of many (公示期不足，且逾期36个工作日公开（天数暂定）※) only a few of its
  /// characters, where a fixed count had written the one over the other. A status so long that it would leave fewer
  /// than ``shortestName`` characters of the name is drawn smaller instead.
  static func layout(_ name: String, mark: String?, status: String) -> (label: String, statusFontSize: Double) {
    let suffix = mark.map { "（\($0)）" } ?? ""
    let available = Double(statusEnd - labelStart - gap)
    let shortest = SVGText.width(of: String(name.prefix(shortestName)) + "…" + suffix, fontSize: labelFontSize)
    let full = SVGText.width(of: status, fontSize: statusFontSize)
    let fontSize = full <= available - shortest ? statusFontSize
      : max(smallestStatusFontSize, ((statusFontSize * (available - shortest) / full) * 2).rounded(.down) / 2)
    let room = available - SVGText.width(of: status, fontSize: fontSize)
    return (SVGText.fitted(name, suffix: suffix, room: room, fontSize: labelFontSize), fontSize)
  }

  /// Where a row's name starts and its status ends, their font sizes (the timeline template draws them so), and the
  /// least room between them, in pixels.
  static let labelStart = 8
  static let statusEnd = 322
  static let gap = 10
  static let labelFontSize = 12.0
  static let statusFontSize = 11.0
  /// The fewest characters of a name a row keeps, and the smallest its status is drawn at to leave them room.
  static let shortestName = 4
  static let smallestStatusFontSize = 6.0

  /// The first days of months to mark on the axis, every 1, 2, 3, 6 or 12 months or every few years, the fewest that
  /// leave each label (`2026年10月`, about 70 pixels) room: a chart of a few weeks still shows its month, one of years is
  /// not crowded.
  static func ticks(from start: CivilDate, to end: CivilDate, span: Double) -> [CivilDate] {
    let pixelsPerMonth = 30.4 / span * Double(plotEnd - plotStart)
    let step = [1, 2, 3, 6, 12].first { Double($0) * pixelsPerMonth >= 90 } ?? 12 * Int((90 / (12 * pixelsPerMonth)).rounded(.up))
    var days: [CivilDate] = []
    var month = (start.year * 12 + start.components.month - 1) / step * step
    while let day = CivilDate(year: month / 12, month: month % 12 + 1, day: 1), day < end {
      if day > start { days.append(day) }
      month += step
    }
    return days
  }

  /// The shape and colour of a status.
  struct Style {
    let colour: String
    let shape: Shape
    let hollow: Bool
    let order: Int

    enum Shape { case circle, triangle, square, diamond, cross }

    init(_ status: FindingStatus) {
      switch status {
      case .onTime: (colour, shape, hollow, order) = ("#009E73", .circle, false, 0)
      case .late: (colour, shape, hollow, order) = ("#E69F00", .triangle, false, 1)
      case .tooShort: (colour, shape, hollow, order) = ("#CC79A7", .square, false, 2)
      case .due: (colour, shape, hollow, order) = ("#0072B2", .diamond, true, 3)
      case .overdue: (colour, shape, hollow, order) = ("#D55E00", .cross, false, 4)
      }
    }

    func path(x: Int, y: Int) -> String {
      switch shape {
      case .circle: "M\(x - 5),\(y) a5,5 0 1,0 10,0 a5,5 0 1,0 -10,0 Z"
      case .triangle: "M\(x),\(y - 6) L\(x + 6),\(y + 5) L\(x - 6),\(y + 5) Z"
      case .square: "M\(x - 5),\(y - 5) h10 v10 h-10 Z"
      case .diamond: "M\(x),\(y - 6) L\(x + 6),\(y) L\(x),\(y + 6) L\(x - 6),\(y) Z"
      case .cross: "M\(x - 5),\(y - 5) L\(x + 5),\(y + 5) M\(x + 5),\(y - 5) L\(x - 5),\(y + 5)"
      }
    }
  }
}
