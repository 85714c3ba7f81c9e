// Fuzzes the parsers of typed values: dates, project codes, milestone references, register text, and the
// deadline arithmetic on whatever date parses. Any text must be accepted or refused, never crash.
// Built normally, it replays the files named on its command line (FuzzReplayTests gives it its seeds: Tests/Corpus/values);
// built by .ci/fuzz, libFuzzer drives it.
import Foundation
import GongkaiCore

enum Harness {
  static let calendar = try! WorkingDayCalendar(schedules: [])

  static func run(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    if let date = try? CivilDate(parsing: text) {
      precondition(date.description == text, "a parsed date prints back as written")
      for length in [1, 3, 20, 1000] {
        for unit in Period.Unit.allCases {
          if let period = try? Period(length, unit), let deadline = try? calendar.deadline(of: period, from: date) {
            precondition(deadline.date > date, "a counted deadline comes after its start")
          }
        }
      }
      precondition((try? calendar.deadline(of: .byTriggerDay, from: date))?.date == date, "a deadline by the trigger day is that day")
    }
    if let date = try? CivilDate(parsingYearFirst: text) {
      precondition((try? CivilDate(parsing: date.description)) == date, "a date read year first prints as YYYY-MM-DD")
    }
    _ = try? ProjectCode(text)
    _ = MilestoneKey(reference: text)
    _ = RegisterText.problems("field", text, maximum: 64, allowNewlines: true)
    _ = RegisterText.urlProblems("url", text)
  }
}

#if FUZZING
/// The input libFuzzer generates; .ci/fuzz links the harness with libFuzzer's own `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  Harness.run(Data(bytes: bytes, count: count))
  return 0
}

/// SwiftPM compiles every executable with an entry point; under libFuzzer it is never called.
@main enum Unused {
  static func main() {}
}
#else
@main enum Replay {
  static func main() {
    for path in CommandLine.arguments.dropFirst() { Harness.run(FileManager.default.contents(atPath: path) ?? Data()) }
  }
}
#endif
