import Foundation
import GongkaiCore
import GongkaiReference

/// A milestone spreadsheet (`gongkai import milestones FILE.csv`; the columns are in `Projects/README.md`).
public enum MilestoneSheet {
  /// Column names by field; staff may head a column in English or in Chinese.
  static let columns: [(field: String, names: [String], required: Bool)] = [
    ("project", ["project", "项目代码"], true),
    ("kind", ["kind", "事项类型"], true),
    ("formed", ["formed", "形成日期"], true),
    ("ref", ["ref", "文号"], false),
    ("summary", ["summary", "摘要"], false),
    ("unit", ["unit", "责任单位"], false),
    ("published", ["published", "公开日期"], false),
    ("channel", ["channel", "公开渠道"], false),
    ("url", ["url", "网址"], false),
    ("until", ["until", "公示截止"], false),
  ]

  /// The largest spreadsheet read.
  public static let maximumFileSize = 256 << 20

  /// Reads and checks a spreadsheet; throws ``FileProblems`` listing every problem by line, including rows
  /// whose project `isRegistered` says is unknown.
  public static func read(
    _ url: URL, catalogue: RuleCatalogue, today: CivilDate, isRegistered: (ProjectCode) throws -> Bool = { _ in true }
  ) throws(FileProblems) -> [MilestoneRow] {
    let file = url.path
    let attributes = try? FileManager.default.attributesOfItem(atPath: file)
    if let size = attributes?[.size] as? Int, size > maximumFileSize {
      throw FileProblems([FileProblem(file: file, line: nil, field: nil, message: "the file is larger than 256 MB; split it")])
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw FileProblems([FileProblem(file: file, line: nil, field: nil, message: "file not found or not readable", kind: .missing)])
    }
    return try read(data, file: file, catalogue: catalogue, today: today, isRegistered: isRegistered)
  }

  /// Reads and checks the bytes of a spreadsheet named `file` in messages.
  public static func read(
    _ data: Data, file: String, catalogue: RuleCatalogue, today: CivilDate, isRegistered: (ProjectCode) throws -> Bool
  ) throws(FileProblems) -> [MilestoneRow] {
    do {
      return try parse(try CSVText(CSVText.decode(data, file: file), file: file), file: file, catalogue: catalogue,
                       today: today, isRegistered: isRegistered)
    } catch let problems as FileProblems {
      throw problems
    } catch let problem as FileProblem {
      throw FileProblems([problem])
    } catch {
      throw FileProblems([FileProblem(file: file, line: nil, field: nil, message: "\(error)")])
    }
  }

  static func parse(
    _ csv: CSVText, file: String, catalogue: RuleCatalogue, today: CivilDate, isRegistered: (ProjectCode) throws -> Bool
  ) throws -> [MilestoneRow] {
    guard let header = csv.records.first else {
      throw FileProblems([FileProblem(file: file, line: nil, field: nil, message: "the file is empty; the first row must name the columns")])
    }
    var index: [String: Int] = [:]
    var problems: [FileProblem] = []
    for (position, name) in header.fields.enumerated() {
      let cleaned = name.trimmingCharacters(in: .whitespaces).lowercased()
      guard let column = columns.first(where: { $0.names.contains(cleaned) }) else {
        problems.append(FileProblem(file: file, line: header.line, field: name,
          message: "unknown column; use \(columns.map { "\($0.names[0]) (\($0.names[1]))" }.joined(separator: ", "))"))
        continue
      }
      if index[column.field] != nil {
        problems.append(FileProblem(file: file, line: header.line, field: name, message: "column given twice"))
      }
      index[column.field] = position
    }
    for column in columns where column.required && index[column.field] == nil {
      problems.append(FileProblem(file: file, line: header.line, field: column.field, message: "required column is missing"))
    }
    guard problems.isEmpty else { throw FileProblems(problems) }

    var rows: [MilestoneRow] = []
    var registeredCodes: [ProjectCode: Bool] = [:]
    for record in csv.records.dropFirst() {
      func cell(_ field: String) -> String? {
        guard let position = index[field], position < record.fields.count else { return nil }
        let value = record.fields[position].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
      }
      func problem(_ field: String, _ message: String) {
        problems.append(FileProblem(file: file, line: record.line, field: field, message: message))
      }
      func date(_ field: String) -> CivilDate? {
        guard let text = cell(field) else { return nil }
        do { return try CivilDate(parsing: text) } catch {
          problem(field, error.description)
          return nil
        }
      }
      if record.fields.count > header.fields.count {
        problem("row", "has \(record.fields.count) cells but the header names \(header.fields.count) columns")
        continue
      }
      var code: ProjectCode?
      do { code = try ProjectCode(cell("project") ?? "") } catch { problem("project", error.description) }
      if let known = code {
        let registered = try registeredCodes[known] ?? isRegistered(known)
        registeredCodes[known] = registered
        if !registered { problem("project", "unknown project '\(known)'; register it first with `gongkai project add`") }
      }
      guard let kind = cell("kind") else { problem("kind", "required; a code from `gongkai rules`"); continue }
      guard let formed = date("formed") else {
        if cell("formed") == nil { problem("formed", "required; the day the information was formed, YYYY-MM-DD") }
        continue
      }
      var disclosures: [Disclosure] = []
      if let published = date("published") {
        let disclosure = Disclosure(publishedOn: published, channel: cell("channel") ?? "", url: cell("url"), until: date("until"))
        for error in disclosure.problems(formedOn: formed, today: today) { problem(error.field, error.description) }
        disclosures.append(disclosure)
      } else if cell("published") == nil, cell("channel") != nil || cell("url") != nil || cell("until") != nil {
        problem("published", "the row gives a channel, url or until but no publication date")
      }
      let entry = MilestoneEntry(kind: kind, formedOn: formed, reference: cell("ref"), summary: cell("summary"),
                                 responsibleUnit: cell("unit"), disclosures: disclosures)
      for error in entry.problems(catalogue: catalogue, today: today) { problem(error.field, error.description) }
      if let code { rows.append(MilestoneRow(line: record.line, project: code, entry: entry)) }
    }
    guard problems.isEmpty else { throw FileProblems(problems) }
    return rows
  }
}
