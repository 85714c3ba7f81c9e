import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiExport

extension Gongkai {
  struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Disclosure statistics for a year, per responsible unit and per category, for performance reviews.",
      discussion: """
        Counts the milestones formed in the year: obligations, published on time, late, not published by the \
        deadline, too short, still due; the on-time rate and the median working days to publish; and apart, the \
        milestones withdrawn as recorded by mistake, which count in nothing else, and the publications so \
        withdrawn. HTML adds a bar chart. Written to standard output, or to --out, once the register is shown to \
        hold what its change log records (as the exports check it; --no-verify skips the check).

        Example:
          gongkai report --year 2025 --format html --out Exports/report-2025.html
        """)

    // Unconditional, so that a negative year reaches `validate()` and its range instead of "Missing value".
    @Option(parsing: .unconditional, help: ArgumentHelp("The year (default: the as-of day's year).", valueName: "year")) var year: Int?
    @Option(help: "Output format.") var format: ReportFileFormat = .text
    @Option(help: "Language of the text and CSV output; unit names stay Chinese, and the HTML report is in Chinese.")
    var lang: Language = .zh
    @Option(help: ArgumentHelp("The file to write (its folder is created if missing), instead of standard output (`-` is standard output).", valueName: "file")) var out: String?
    @OptionGroup var export: ExportOptions
    @OptionGroup var unusedOrganisation: UnusedOrganisationOption
    @OptionGroup var verification: VerificationOptions
    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions

    func validate() throws {
      if lang == .en && format == .html {
        throw ValidationError("--lang en with --format html: the HTML report is written in Chinese, for the public; use --format text or csv for English")
      }
      // 《政府信息公开条例》 came into force on 1 May 2008: before, no period of its ran, and nothing was due under it.
      if let year, !(2008...CivilDate.latest.year).contains(year) {
        throw ValidationError("--year \(year) is out of range; use a year from 2008 (the 政府信息公开条例 in force from 1 May) to \(CivilDate.latest.year)")
      }
    }

    func run() async throws {
      unusedOrganisation.warnIfGiven("report")
      export.warnIfPreview()
      let asOf = export.day
      let year = year ?? asOf.year
      let name = "report-\(year).\(format == .text ? "txt" : format.rawValue)"
      // Before the register is read: a mistyped --out fails at once.
      if let out, out != "-" { _ = try outputPath(out, default: name) }
      guard year >= 2008 else {
        throw CommandFailure.usage("--as-of \(asOf) is before 2008, when the 政府信息公开条例 came into force; give --year 2008 or later")
      }
      guard year <= asOf.year else {
        throw CommandFailure.usage("--year \(year) is after the as-of day \(asOf); a report counts what has happened, e.g. --year \(asOf.year)")
      }
      // The CSV's byte order mark where it starts a file, as `check --format csv` writes it.
      let startsAFile = out.map { $0 != "-" } ?? false || StandardOutput.startsAFile
      let register = try store.open()
      // Published statistics, like the exports: counted from one state of a register that holds what its log records.
      let text = try await verification.exporting(from: register) { state in
        let (catalogue, calendar) = try await reference.load(for: register, at: store.path)
        let checker = Checker(catalogue: catalogue, calendar: calendar.calendar)
        let statistics = try await DisclosureStatistics(store: register, checker: checker, year: year, asOf: asOf)
        try await state.confirmed()
        Warnings.warnIfUnscheduled(statistics.unscheduledYears, calendar: checker.calendar)
        let under = JudgedUnder(rulesProfile: catalogue.profile, rulesTitles: catalogue.titles, rulesVersion: catalogue.version,
                                calendarVersion: calendar.version,
                                changeLogHead: state.hash.isEmpty ? nil : state.stated(english: lang == .en))
        return switch format {
        case .text: StatisticsText(statistics: statistics, judgedUnder: under, language: lang).rendered
        case .csv: StatisticsReport.csv(statistics, judgedUnder: under, english: lang == .en, byteOrderMark: startsAFile)
        case .html: try StatisticsReport.html(statistics, judgedUnder: under)
        }
      }
      if let out, out != "-" {
        try await writingOutput(out, default: name) { path in
          try AtomicFileWriter.write(Data(text.utf8), to: path)
          try StandardOutput.confirm("wrote \(Terminal.field(path))", wroteFile: path)
        }
      } else {
        try StandardOutput.print(text, terminator: "")
      }
    }
  }
}

enum ReportFileFormat: String, ExpressibleByArgument, CaseIterable {
  case text, csv, html
}

/// The statistics as aligned columns for a terminal.
struct StatisticsText {
  let statistics: DisclosureStatistics
  let judgedUnder: JudgedUnder
  let language: Language

  var rendered: String {
    let l = language
    let english = l == .en
    var out = l.pick("\(statistics.year)年重大建设项目信息公开情况（截至 \(statistics.asOf)）\n",
                     "Disclosure statistics \(statistics.year), as of \(statistics.asOf)\n")
      + judgedUnder.line(english: english) + "\n" + (judgedUnder.headLine(english: english).map { $0 + "\n" } ?? "")
    let titles = (l.pick("按责任单位", "By responsible unit"), l.pick("按信息类别", "By category"))
    for (title, lines) in [(titles.0, statistics.units), (titles.1, statistics.categories)] {
      out += "\n\(title)\n"
      // StatisticsReport's columns, the line's name unheaded, with English headings short enough for a terminal.
      let heads = [""] + StatisticsReport.tableHeadings.dropFirst().map { english ? $0.short : $0.chinese }
      let width = max(24, (lines.map { Terminal.width(of: Terminal.field($0.name(english: english))) }.max() ?? 0) + 2)
      let column = english ? 13 : 11
      // A heading as wide as its column (已确定按时率) widens it, to keep a gap before the next.
      let widths = heads.dropFirst().map { max(column, Terminal.width(of: $0) + 1) }
      // The last column is not padded: a line ends with its last figure, not with spaces.
      func row(_ first: String, _ cells: [String]) -> String {
        let padded = Terminal.pad(first, to: width) + zip(cells, widths).map { Terminal.pad($0, to: $1) }.joined()
        return String(padded.reversed().drop { $0 == " " }.reversed()) + "\n"
      }
      out += row(heads[0], Array(heads.dropFirst()))
      for line in lines + [statistics.total] {
        let cells = StatisticsReport.tableCells(line, english: english)
        out += row(Terminal.field(cells[0]), Array(cells.dropFirst()))
      }
    }
    // What the rate leaves out, as the HTML report says under its tables: a unit's rate is read against it.
    out += "\n" + (english ? StatisticsReport.englishRateNote : StatisticsReport.rateNote) + "\n"
    let note = english ? ProvisionalNote.englishStatistics(statistics) : ProvisionalNote.statistics(statistics)
    if let note { out += "\n\(note)\n" }
    return out
  }
}
