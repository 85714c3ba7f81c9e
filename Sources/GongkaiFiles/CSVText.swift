import Foundation
import GongkaiReference

/// Comma-separated text as spreadsheets save it (RFC 4180: quoted fields, doubled quotes, line breaks inside
/// quotes, CRLF or LF), split into records that remember the line they start on, for error messages.
struct CSVText {
  struct Record {
    let line: Int
    let fields: [String]
  }

  /// The longest field accepted; a spreadsheet cell is never near it, a corrupt file may be.
  static let maximumField = 1 << 20

  let records: [Record]

  init(_ text: String, file: String) throws(FileProblem) {
    var records: [Record] = []
    var fields: [String] = []
    var field = String.UnicodeScalarView()
    var inQuotes = false
    var quoteLine = 0
    var line = 1
    var recordLine = 1
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func endField() throws(FileProblem) {
      guard field.count <= Self.maximumField else {
        throw FileProblem(file: file, line: recordLine, field: nil, message: "a cell is longer than 1 MB; is this the right file?")
      }
      fields.append(String(field))
      field = String.UnicodeScalarView()
    }
    while let scalar = pending ?? scalars.next() {
      pending = nil
      if inQuotes {
        if scalar == "\"" {
          let next = scalars.next()
          if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
        } else {
          if scalar == "\n" { line += 1 }
          field.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where field.isEmpty:
        inQuotes = true
        quoteLine = line
      case ",":
        try endField()
      case "\r":
        let next = scalars.next()
        if next != "\n" { pending = next }
        fallthrough
      case "\n":
        try endField()
        if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
        fields = []
        line += 1
        recordLine = line
      default:
        field.append(scalar)
      }
    }
    if inQuotes {
      throw FileProblem(file: file, line: quoteLine, field: nil, message: "a quoted cell is never closed; check the quotes")
    }
    if !field.isEmpty || !fields.isEmpty {
      try endField()
      records.append(Record(line: recordLine, fields: fields))
    }
    self.records = records
  }

  /// Decodes a spreadsheet file: UTF-8 (with or without BOM), else GB18030/GBK, which Excel and WPS write by
  /// default in China. UTF-16 and anything else is refused with the way to re-save it.
  static func decode(_ data: Data, file: String) throws(FileProblem) -> String {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    if data.starts(with: bom) {
      guard let text = String(data: data.dropFirst(3), encoding: .utf8) else { throw undecodable(file) }
      return text
    }
    // UTF-16 (with or without its byte order mark) and binary files have NUL bytes; no text file does.
    if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || data.contains(0) { throw undecodable(file) }
    if let text = String(data: data, encoding: .utf8) { return text }
    if let text = String(data: data, encoding: gb18030), !text.contains("\u{FFFD}") { return text }
    throw undecodable(file)
  }

  static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

  private static func undecodable(_ file: String) -> FileProblem {
    FileProblem(file: file, line: nil, field: nil, message:
      "the file is neither UTF-8 nor GB18030; in Excel use 另存为 → \"CSV UTF-8 (逗号分隔)\", in WPS 另存为 → CSV with UTF-8 encoding")
  }
}
