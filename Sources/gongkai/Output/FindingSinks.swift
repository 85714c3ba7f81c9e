import Foundation
import GongkaiCore
import GongkaiCSV
import GongkaiExport
import GongkaiStore

/// Where `check` sends the findings it reports. JSON and CSV stream as the store reads; text must group by
/// unit, so it keeps the findings it shows (only those, not the whole register).
protocol FindingSink: AnyObject {
  func write(_ finding: Finding, stored: StoredMilestone) throws
  /// Ends the output. With no finding written, JSON is `[]` and CSV its header, for scripts; text is nothing at
  /// all, so cron stays silent.
  func finish() throws
}

/// Standard output could not be written (a full disk, a closed pipe).
struct StandardOutputError: Error {
  /// What the command had written whole before its output failed, which stands: the register (committed) or a file.
  enum Written { case register, file(String) }
  var written: Written?
}


/// Standard output through a buffer: millions of records cost a few thousand writes, not millions.
final class BufferedOutput {
  private var buffer: [UInt8] = []
  private let handle = FileHandle.standardOutput
  private static let flushSize = 1 << 16

  init() { buffer.reserveCapacity(Self.flushSize + 4096) }

  func append(_ text: String) throws {
    try append(utf8: text.utf8)
  }

  func append(utf8 bytes: some Sequence<UInt8>) throws {
    buffer.append(contentsOf: bytes)
    if buffer.count >= Self.flushSize { try flush() }
  }

  /// Lets `write` append straight to the buffer, for records that know how to write themselves.
  func append(_ write: (inout [UInt8]) -> Void) throws {
    write(&buffer)
    if buffer.count >= Self.flushSize { try flush() }
  }

  /// Writes what is buffered; a full disk or a closed pipe is an error, never a silently short report.
  func flush() throws {
    guard !buffer.isEmpty else { return }
    do { try handle.write(contentsOf: buffer) } catch { throw StandardOutputError() }
    buffer.removeAll(keepingCapacity: true)
  }
}

/// A JSON array written an element at a time to standard output, one element a line: `[]` when none is written.
final class JSONArrayOutput {
  private let output = BufferedOutput()
  private(set) var written = 0

  func append(_ write: (inout [UInt8]) -> Void) throws {
    try output.append(written == 0 ? "[\n" : ",\n")
    try output.append(write)
    written += 1
  }

  func finish() throws {
    try output.append(written > 0 ? "\n]\n" : "[]\n")
    try output.flush()
  }
}

final class JSONSink: FindingSink {
  private let array = JSONArrayOutput()

  func write(_ finding: Finding, stored: StoredMilestone) throws {
    let record = FindingRecord(finding, stored: stored).json
    try array.append { record.write(to: &$0) }
  }

  func finish() throws { try array.finish() }
}

/// What `check --calendar-change --format json` writes: an array of `{"after", "before", "milestoneId"}`, the finding
/// records counted with the schedules and without them, keys sorted as in the records.
final class CalendarChangeJSON {
  private let array = JSONArrayOutput()
  var written: Int { array.written }

  func write(_ before: FindingRecord, _ after: FindingRecord) throws {
    let (then, now, id) = (before.json, after.json, after.milestoneId)
    try array.append { buffer in
      buffer.append(contentsOf: #"{"after":"#.utf8)
      now.write(to: &buffer)
      buffer.append(contentsOf: #","before":"#.utf8)
      then.write(to: &buffer)
      buffer.append(contentsOf: #","milestoneId":\#(id)}"#.utf8)
    }
  }

  func finish() throws { try array.finish() }
}

final class CSVSink: FindingSink {
  private let output = BufferedOutput()
  private var written = 0

  func write(_ finding: Finding, stored: StoredMilestone) throws {
    if written == 0 { try writeHeader() }
    let cells = FindingRecord(finding, stored: stored).csvCells
    try output.append { CSVWriter.append(cells, to: &$0) }
    written += 1
  }

  func finish() throws {
    if written == 0 { try writeHeader() }
    try output.flush()
  }

  /// After a byte order mark when standard output starts a file (``StandardOutput/startsAFile``); a script reading
  /// a pipe gets the field names as they are documented.
  private func writeHeader() throws {
    try output.append(CSVWriter.header(FindingRecord.csvHeader, byteOrderMark: StandardOutput.startsAFile))
  }
}

final class TextSink: FindingSink {
  private let text: CheckText

  init(language: Language, asOf: CivilDate, checker: Checker, explain: Bool = false) throws {
    text = try CheckText(language: language, asOf: asOf, checker: checker, explain: explain)
  }

  func write(_ finding: Finding, stored: StoredMilestone) throws { try text.add(finding, stored: stored) }

  func finish() throws {
    guard !text.isEmpty else { return }
    try text.write(to: BufferedOutput())
  }
}
