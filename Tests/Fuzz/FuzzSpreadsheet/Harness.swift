// Fuzzes the spreadsheet import (decoding, CSV records, cells): any bytes must give rows or problems.
// Built normally, it replays the files named on its command line; built by .ci/fuzz, libFuzzer drives it.
import Foundation
import GongkaiCore
import GongkaiFiles
import GongkaiReference

enum Harness {
  static let catalogue = try! RuleCatalogue.load(resources: try! BundledResources.folder())

  static func run(_ data: Data) {
    _ = try? MilestoneSheet.read(data, file: "fuzz.csv", catalogue: catalogue, today: CivilDate(year: 2026, month: 11, day: 27)!) {
      $0.rawValue.hasSuffix("1")
    }
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
