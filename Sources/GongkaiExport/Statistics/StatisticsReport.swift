import Foundation
import GongkaiCSV
import Mustache

/// What a report's figures were judged under: the same register counts otherwise under another profile or calendar, so
/// a report names them as the audit CSV does (适用规则, 规则版本, 日历版本).
public struct JudgedUnder: Sendable {
  public let rulesProfile: String
  public let rulesVersion: String
  public let calendarVersion: String
  /// The change-log head of the register state counted, as ``StatedHead/stated(english:)`` gives it; `nil` where the
  /// output states it otherwise (the notices' own footer line). With it, a figure sent to an annual report can be
  /// tied to the state it was counted from (`gongkai audit verify --head`), as a later entry backdated into the year
  /// would otherwise change it under the same heading.
  public let changeLogHead: String?

  /// The titles of the profiles, base first (全国通用规则（…）, 上海市补充规则): what a Chinese reader knows the rules by,
  /// where the profile's name is what a user types.
  public let rulesTitles: [String]

  public init(rulesProfile: String, rulesTitles: [String], rulesVersion: String, calendarVersion: String,
              changeLogHead: String? = nil) {
    self.rulesProfile = rulesProfile
    self.rulesTitles = rulesTitles
    self.rulesVersion = rulesVersion
    self.calendarVersion = calendarVersion
    self.changeLogHead = changeLogHead
  }

  /// `适用规则：全国通用规则（…）；规则配置 national，规则版本 fnv:…，日历版本 2018-2026 fnv:…`.
  public func line(english: Bool) -> String {
    if english { return "Rules: \(rulesProfile) (rules version \(rulesVersion); calendar version \(calendarVersion))" }
    guard !rulesTitles.isEmpty else { return "适用规则：\(rulesProfile)（规则版本 \(rulesVersion)；日历版本 \(calendarVersion)）" }
    return "适用规则：\(rulesTitles.joined(separator: "、"))；规则配置 \(rulesProfile)，规则版本 \(rulesVersion)，日历版本 \(calendarVersion)"
  }

  /// `登记簿变更记录链头：…`, when the head is stated.
  public func headLine(english: Bool) -> String? {
    changeLogHead.map { english ? "Change log head: \($0)" : "登记簿变更记录链头：\($0)" }
  }
}

/// The statistics as people and spreadsheets read them.
public enum StatisticsReport {
  /// A column's heading in each form, kept together so that a column added to one format is added to every other:
  /// the Chinese every table shows, the English CSV's (snake case, for scripts, as the audit CSV's English headers are
  /// written) and the English terminal table's (short enough for its columns; the CSV's in words by default).
  public struct Heading: Sendable {
    public let chinese: String
    public let csv: String
    public let short: String

    init(_ chinese: String, csv: String, short: String? = nil) {
      self.chinese = chinese
      self.csv = csv
      self.short = short ?? csv.replacingOccurrences(of: "_", with: " ")
    }
  }

  /// The column that names a line (a unit, a category or 合计).
  static let nameHeading = Heading("单位/类别", csv: "unit_or_category")
  /// The figures every format shows, after the line's name.
  static let figureHeadings = [
    Heading("应公开", csv: "obligations"), Heading("按时公开", csv: "on_time", short: "on time"), Heading("逾期公开", csv: "late"),
    Heading("逾期未公开", csv: "overdue"), Heading("公示期不足", csv: "too_short", short: "too short"), Heading("待公开", csv: "due"),
    Heading("按时率", csv: "on_time_rate", short: "on-time rate"),
    Heading("公开用时中位数（工作日）", csv: "median_working_days_to_publish", short: "median working days"),
    Heading("无固定期限", csv: "without_period", short: "no period"),
  ]
  /// The headings of what a review sets aside, after every other figure (the CSV's last columns): the statuses that
  /// may still change, the rate without them, and the verdicts resting on an unverified period.
  static let reviewHeadings = [
    Heading("状态暂定", csv: "status_provisional", short: "provisional"),
    Heading("已确定按时率", csv: "settled_on_time_rate", short: "settled rate"),
    Heading("时限待核实", csv: "unverified_period", short: "unverified"),
  ]
  /// What the figures were judged under (``JudgedUnder``), the same in every row, as the audit CSV names it; last, as
  /// columns added later come last. The CSV's alone: the text and HTML reports state it above their tables.
  static let judgedUnderHeadings = [
    Heading("适用规则", csv: "rules_profile"), Heading("规则版本", csv: "rules_version"), Heading("日历版本", csv: "calendar_version"),
    Heading("变更记录链头", csv: "change_log_head"),
  ]
  /// The milestones of the year withdrawn as recorded by mistake (``DisclosureStatistics/Line/withdrawn``), the
  /// publications withdrawn so of those counted (``DisclosureStatistics/Line/withdrawnPublications``), and the verdicts an
  /// amended day turned (``DisclosureStatistics/Line/turnedByAmendment``): the corrections a review checks, after every
  /// other column of each format, as the columns added last.
  static let correctionHeadings = [
    Heading("登记有误撤回", csv: "withdrawn_as_mistaken", short: "withdrawn"),
    Heading("撤回的公开", csv: "withdrawn_publications", short: "withdrawn publications"),
    Heading("日期更正改判", csv: "turned_by_amended_date", short: "turned by amended date"),
  ]

  /// How the rate, the median and 时限待核实 are counted, under the tables of the text and HTML reports: a reviewer scoring
  /// a unit by its rate must know what the rate leaves out.
  public static let rateNote = "按时率 = 按时公开 ÷（按时公开 + 逾期公开 + 逾期未公开 + 公示期不足）；待公开的信息尚未到期，不计入；法律法规未规定可自信息形成起算的公开期限的事项（无固定期限：没有期限，或者期限以其他事件为准，如“即时”、投标截止时间15日前，须人工核查）不论按时与否，也不计入；但其中公示期不足的（如征收土地预公告公告不足10个工作日），计入公示期不足。公开用时中位数 = 有法定时限的已公开信息，自信息形成至所认定的公开（首次公开；公示期不足后重新完整公示的，为该次公示）的工作日数的中位数。时限待核实 = 计入按时率的判定中，所依据的时限规定未经法规原文核实，或所依据的计日方法（逢周末或通知放假日顺延、调休上班日视为工作日）法律未明文规定的项数：其判定是本系统的推断，据以评价前应予核实。登记有误撤回 = 当年形成、作为登记错误撤回（含随项目撤回）的信息项数：不计入以上各项，撤回人、时间和原因见审计表。撤回的公开 = 计入以上各项的信息中，作为登记错误撤回的公开记录数：迟于时限的公开撤回后改登较早的公开日期，该项即转为按时，审计表的“已撤回的公开”逐条列出。日期更正改判 = 计入以上各项的信息中，形成日期经更正、按原登记的形成日期判定状态不同的项数（如原登记为逾期未公开，更正后为待公开）：审计表的“按原形成日期的状态”逐项列出，评价时应核实更正依据。"

  /// ``rateNote`` in English, under the English text report.
  public static let englishRateNote = "On-time rate = on time / (on time + late + overdue + too short); items due but not yet "
    + "past their deadline are left out; so are items for which no statute sets a period counted from the day the information "
    + "was formed (no period: none, or one tied to another event, such as immediately or 15 days before the bid deadline, "
    + "checked by hand), whether on time or not, unless such an item was published too short (a land acquisition pre-notice "
    + "up for less than 10 working days), which counts as too short. Median working days = the median of the working days, for "
    + "published items with a statutory period, from the day the information was formed to the publication judged (the "
    + "first; for a notice put up again in full after one too short, that one). Unverified = how many of the verdicts the "
    + "rate counts rest on a period not checked against the statute's text (rule confidence M), or on a way of counting "
    + "days no statute states (a period ending on a weekend or a day the notice gives off moved on, swapped workdays "
    + "counted as working days): the "
    + "tracker's judgement, to be checked before it is held against a unit. Withdrawn = the items formed in the year "
    + "withdrawn as recorded by mistake (with their project or on their own): left out of every figure above; the audit CSV "
    + "names who withdrew each, when and why. Withdrawn publications = the publications of the items counted above withdrawn "
    + "as recorded by mistake: a late one withdrawn and recorded again on an earlier day turns its item on time; the audit "
    + "CSV's withdrawn_publications lists each. Turned by amended date = the items counted above whose day formed was "
    + "amended (amend --date) and whose status judged from the day first recorded differs (overdue as recorded, due as "
    + "amended): the audit CSV's status_by_original_formed_on gives each; a review checks what the correction rests on."

  /// The headings of the text and HTML tables: the line's name, the figures, what a review sets aside, the corrections.
  public static let tableHeadings = [nameHeading] + figureHeadings + reviewHeadings + correctionHeadings

  /// A line's cells under ``tableHeadings``.
  public static func tableCells(_ line: DisclosureStatistics.Line, english: Bool = false) -> [String] {
    cells(line, english: english) + reviewCells(line) + correctionCells(line)
  }

  /// How many items and publications of the line were withdrawn as recorded by mistake, and how many verdicts an
  /// amended day turned.
  static func correctionCells(_ line: DisclosureStatistics.Line) -> [String] {
    [String(line.withdrawn), String(line.withdrawnPublications), String(line.turnedByAmendment)]
  }

  /// How many statuses may change, the on-time rate over the others, and how many verdicts rest on an unverified period.
  static func reviewCells(_ line: DisclosureStatistics.Line) -> [String] {
    [String(line.provisional), rate(line.settledOnTimeRate), String(line.unverified)]
  }

  /// `75.0%`, or `—` when nothing is judged.
  static func rate(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0) } ?? "—" }

  /// A line's name and figures, as every format shows them.
  public static func cells(_ line: DisclosureStatistics.Line, english: Bool = false) -> [String] {
    [line.name(english: english), String(line.obligations), String(line.onTime), String(line.late), String(line.overdue), String(line.tooShort),
     String(line.due), rate(line.onTimeRate),
     line.medianDaysToPublish.map { String(format: "%.1f", $0) } ?? "—",
     // Last, as columns added later come last, so that scripts reading the CSV by position keep working.
     String(line.withoutPeriod)]
  }

  /// CSV: the unit table, a blank line, the category table; UTF-8 with BOM for Excel and WPS.
  /// One table a spreadsheet or a script reads as it is (the form since 2026-11-30: before, two tables under title
  /// lines, which no CSV reader parsed; the 分组 column now comes first): each line says which grouping it belongs to (按责任单位,
  /// 按信息类别, each with its 合计), and the year, the as-of day and the note that counts rest on provisional
  /// deadlines (empty when none does) are columns, the same in every row, rather than title lines.
  ///
  /// `english`: headers, groups, category names and the note in English, as `--lang en` asks; units keep their names.
  /// `byteOrderMark`: false where the text does not start a file (a pipe, a file appended to).
  public static func csv(
    _ statistics: DisclosureStatistics, judgedUnder: JudgedUnder, english: Bool = false, byteOrderMark: Bool = true
  ) -> String {
    let leading = [Heading("分组", csv: "group"), nameHeading] + figureHeadings
      + [Heading("年度", csv: "year"), Heading("判定日期", csv: "as_of"), Heading("暂定说明", csv: "provisional_note")]
    let names = (leading + reviewHeadings + judgedUnderHeadings + correctionHeadings).map { english ? $0.csv : $0.chinese }
    let under = [judgedUnder.rulesProfile, judgedUnder.rulesVersion, judgedUnder.calendarVersion, judgedUnder.changeLogHead ?? ""]
    var out = CSVWriter.header(names, byteOrderMark: byteOrderMark)
    let note = english ? ProvisionalNote.englishStatistics(statistics) : ProvisionalNote.statistics(statistics)
    let context = [String(statistics.year), statistics.asOf.description, note ?? ""]
    let groups = english ? ("by_unit", "by_category") : ("按责任单位", "按信息类别")
    for (group, lines) in [(groups.0, statistics.units), (groups.1, statistics.categories)] {
      for line in lines + [statistics.total] {
        // The line's name is a unit's as typed (or a category's, or 合计); the figures are numbers for the spreadsheet to sum.
        let figures = cells(line, english: english)
        let cells = figures.dropFirst() + context + reviewCells(line)
        out += CSVWriter.record([.value(group), .text(figures[0])] + cells.map(CSVCell.value) + under.map(CSVCell.text)
                                + correctionCells(line).map(CSVCell.value))
      }
    }
    return out
  }

  /// HTML, self-contained, with the on-time picture of each unit as a stacked bar chart.
  public static func html(_ statistics: DisclosureStatistics, judgedUnder: JudgedUnder) throws -> String {
    MarkupContentType.register()
    let template = try MustacheTemplate(string: template)
    // A unit whose items of the year were all withdrawn has nothing to draw; the tables count its withdrawals.
    let chart = BarChart(statistics.units.filter { $0.obligations > 0 })
    // A row is headed by its unit or category, which a screen reader names with each figure of the row.
    func rows(_ lines: [DisclosureStatistics.Line]) -> [[String: Any]] {
      lines.map { line in
        let cells = tableCells(line)
        return ["name": cells[0], "cells": Array(cells.dropFirst())]
      }
    }
    var context: [String: Any] = [
      "style": NoticeTemplates.style, "year": statistics.year, "asOf": statistics.asOf.description,
      // Each table names what its rows are; the CSV's one table keeps 单位/类别 beside its 分组 column.
      "unitHeaders": ["责任单位"] + tableHeadings.dropFirst().map(\.chinese),
      "categoryHeaders": ["信息类别"] + tableHeadings.dropFirst().map(\.chinese),
      "units": rows(statistics.units + [statistics.total]), "categories": rows(statistics.categories + [statistics.total]),
      "chart": chart, "judgedUnder": judgedUnder.line(english: false),
    ]
    context["changeLogHead"] = judgedUnder.changeLogHead
    context["rateNote"] = rateNote
    context["provisionalNote"] = ProvisionalNote.statistics(statistics)
    return template.render(context)
  }

  /// Stacked horizontal bars, one per unit; widths proportional to the unit's obligations.
  struct BarChart {
    struct Segment {
      let x: Int
      let width: Int
      let fill: String
      let label: String
      let count: Int
      let textX: Int
      /// A white box behind the count, so it reads on any fill, as wide as the count's digits.
      let boxX: Int
      let boxWidth: Int
      /// Whether the segment is wide enough for its count's box: the boxes of narrow segments side by side covered
      /// each other's numbers (a unit of 120 items, with 1 逾期公开 beside 2 逾期未公开). The segment's tooltip and the
      /// table below give every count.
      let showsCount: Bool
    }
    /// A unit's bar; `name` cut to the room left of the plot (``nameRoom``) with its whole name in `fullName`, which
    /// the chart gives as the name's tooltip: a long name (…殷行街道城市运行管理中心) ran out of the picture.
    struct Bar { let y: Int; let textY: Int; let boxY: Int; let name: String; let fullName: String; let segments: [Segment] }

    /// The room for a unit's name, in pixels, right-aligned at the plot's start less a gap, at 12 px.
    static let nameRoom = 244.0
    struct Key { let x: Int; let fill: String; let label: String; let textX: Int }

    let width = 900
    let height: Int
    let bars: [Bar]
    let keys: [Key]
    let keyY: Int

    init(_ lines: [DisclosureStatistics.Line]) {
      // Colour and a texture of its own for every kind but the first, which is plain: the chart reads in grey print
      // too (逾期公开 and 公示期不足 differ by little more than a tenth in lightness).
      let kinds: [(KeyPath<DisclosureStatistics.Line, Int>, String, String)] = [
        (\.onTime, "#009E73", "按时公开"), (\.late, "url(#dots-late)", "逾期公开"), (\.tooShort, "url(#cross-too-short)", "公示期不足"),
        (\.overdue, "url(#hatch-overdue)", "逾期未公开"), (\.due, "url(#hatch-due)", "待公开"),
        (\.withoutPeriod, "url(#lines-no-period)", "无固定期限"),
      ]
      let largest = max(1, lines.map(\.obligations).max() ?? 1)
      let plotStart = 260, plotWidth = 600
      bars = lines.enumerated().map { index, line in
        var x = plotStart
        let y = 20 + index * 30
        let segments = kinds.compactMap { path, colour, label -> Segment? in
          let count = line[keyPath: path]
          guard count > 0 else { return nil }
          let width = max(2, count * plotWidth / largest)
          defer { x += width }
          let boxWidth = max(14, 4 + 7 * String(count).count)
          return Segment(x: x, width: width, fill: colour, label: label, count: count, textX: x + width / 2,
                         boxX: x + width / 2 - boxWidth / 2, boxWidth: boxWidth, showsCount: width >= boxWidth + 2)
        }
        return Bar(y: y, textY: y + 14, boxY: y + 3, name: SVGText.fitted(line.name, room: Self.nameRoom, fontSize: 12),
                   fullName: line.name, segments: segments)
      }
      keyY = 20 + lines.count * 30 + 24
      height = keyY + 16
      keys = kinds.enumerated().map { index, kind in Key(x: 20 + index * 140, fill: kind.1, label: kind.2, textX: 36 + index * 140) }
    }

  }

  static let template = NoticeTemplates.htmlHead(title: "{{year}}年重大建设项目信息公开情况统计") + """
    <header>
    <h1>{{year}}年重大建设项目信息公开情况统计<small>{{year}}年形成的信息，截至 {{asOf}} 的公开情况</small></h1>
    </header>
    <main>
    <section aria-labelledby="chart">
    <h2 id="chart">各责任单位公开情况</h2>
    <figure>
    {{#chart}}
    <svg xmlns="http://www.w3.org/2000/svg" width="{{width}}" height="{{height}}" viewBox="0 0 {{width}} {{height}}" role="img" aria-labelledby="chart-title">
    <title id="chart-title">各责任单位应公开信息的公开情况</title>
    <defs>
    <pattern id="hatch-overdue" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#D55E00"/><line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern>
    <pattern id="dots-late" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#E69F00"/><circle cx="3" cy="3" r="1.3" fill="#000000"/></pattern>
    <pattern id="cross-too-short" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#CC79A7"/><path d="M0 3H6M3 0V6" stroke="#ffffff" stroke-width="1.2"/></pattern>
    <pattern id="hatch-due" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#0072B2"/><line x1="0" y1="3" x2="6" y2="3" stroke="#ffffff" stroke-width="1.5"/></pattern>
    <pattern id="lines-no-period" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#999999"/><line x1="3" y1="0" x2="3" y2="6" stroke="#ffffff" stroke-width="1.5"/></pattern>
    </defs>
    {{#bars}}<text x="250" y="{{textY}}" font-size="12" text-anchor="end"><title>{{fullName}}</title>{{name}}</text>
    {{#segments}}<rect x="{{x}}" y="{{y}}" width="{{width}}" height="20" fill="{{fill}}" stroke="#ffffff"><title>{{label}} {{count}}</title></rect>{{#showsCount}}<rect x="{{boxX}}" y="{{boxY}}" width="{{boxWidth}}" height="14" rx="3" fill="#ffffff"/><text x="{{textX}}" y="{{textY}}" font-size="11" text-anchor="middle" fill="#000000">{{count}}</text>{{/showsCount}}
    {{/segments}}{{/bars}}{{#keys}}<rect x="{{x}}" y="{{keyY}}" width="12" height="12" fill="{{fill}}"/><text x="{{textX}}" y="{{keyY}}" dy="11" font-size="11">{{label}}</text>
    {{/keys}}</svg>
    {{/chart}}
    <figcaption>每个单位一条，按状态分段，段内数字为项数（按时公开、逾期公开、公示期不足、逾期未公开、待公开、无固定期限）；过窄的分段不标数字，其项数见下表。</figcaption>
    </figure>
    </section>
    <section aria-labelledby="by-unit">
    <h2 id="by-unit">按责任单位</h2>
    <table>
    <thead><tr>{{#unitHeaders}}<th scope="col">{{.}}</th>{{/unitHeaders}}</tr></thead>
    <tbody>
    {{#units}}<tr><th scope="row" class="name">{{name}}</th>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
    {{/units}}</tbody>
    </table>
    </section>
    <section aria-labelledby="by-category">
    <h2 id="by-category">按信息类别</h2>
    <table>
    <thead><tr>{{#categoryHeaders}}<th scope="col">{{.}}</th>{{/categoryHeaders}}</tr></thead>
    <tbody>
    {{#categories}}<tr><th scope="row" class="name">{{name}}</th>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>
    {{/categories}}</tbody>
    </table>
    <p>{{rateNote}}</p>{{#provisionalNote}}
    <p>{{.}}</p>{{/provisionalNote}}
    </section>
    </main>
    <footer><p>{{judgedUnder}}。本表由 Gongkai 生成。</p>{{#changeLogHead}}
    <p>登记簿变更记录链头：<code>{{changeLogHead}}</code>（用于核对本报告所依据的登记簿状态）</p>{{/changeLogHead}}</footer>
    </body>
    </html>

    """
}
