// Release-mode benchmarks, without a harness dependency (see BENCHMARKS.md):
//   swift run -c release GongkaiBenchmarks                       core: deadlines and the checker in memory
//   swift run -c release GongkaiBenchmarks generate N DB [SEED] [--projects-only] [--exclusive]
//       a synthetic register of N projects in DB (without their milestones, to import a spreadsheet into),
//       imported as `gongkai import` does (as `gongkai import --exclusive` does)
//   swift run -c release GongkaiBenchmarks files N FOLDER [SEED] [--csv-only]
//       the same register as project files and a spreadsheet (only the spreadsheet)
//   swift run -c release GongkaiBenchmarks replay SOURCE DB [--lookups]
//       SQLite alone writing SOURCE's milestones, disclosures and change log into DB (which holds the projects)
//       one row per statement, in the order an import writes them (with a spreadsheet import's lookups)
// Prints one line per benchmark: operations, seconds, and the rate.
import Foundation
import GongkaiCore
import GongkaiReference
import GongkaiStore
import GongkaiSynthetic

let resources = try BundledResources.folder()
let calendar = try LoadedCalendar.load(resources: resources, directory: nil, files: []).calendar
let catalogue = try RuleCatalogue.load(resources: resources)
let checker = Checker(catalogue: catalogue, calendar: calendar)
let clock = ContinuousClock()
let flags = Set(CommandLine.arguments.filter { $0.hasPrefix("--") })
let arguments = CommandLine.arguments.filter { !$0.hasPrefix("--") }

if arguments.count >= 4, arguments[1] == "generate", let projects = Int(arguments[2]) {
  let seed = arguments.count > 4 ? UInt64(arguments[4]) ?? 1 : 1
  let register = SyntheticRegister(projects: projects, seed: seed, catalogue: catalogue, calendar: calendar)
  var report = ImportReport()
  // The store is closed before `exit`, as gongkai closes it: closing checkpoints and removes the WAL, which
  // a national import grows to 16 GB.
  let elapsed = try clock.measure {
    let exclusive = flags.contains("--exclusive")
    let store = try SQLiteStore.open(at: arguments[3], create: true, exclusiveImports: exclusive)
    report = try store.importProjects(register.documents(projectsOnly: flags.contains("--projects-only")), actor: "benchmark", progress: nil)
  }
  let milestones = report.milestonesWritten
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  print("generate+import: \(projects) projects, \(milestones) milestones in \(String(format: "%.1f", seconds)) s = \(Int(Double(milestones) / seconds)) milestones/s")
  exit(0)
}

if arguments.count >= 4, arguments[1] == "files", let projects = Int(arguments[2]) {
  let seed = arguments.count > 4 ? UInt64(arguments[4]) ?? 1 : 1
  let register = SyntheticRegister(projects: projects, seed: seed, catalogue: catalogue, calendar: calendar)
  let written = try SyntheticFiles.write(register, to: arguments[3], projectFiles: !flags.contains("--csv-only"))
  print("files: \(written.projects) projects, \(written.rows) spreadsheet rows in \(arguments[3])")
  exit(0)
}

if arguments.count >= 4, arguments[1] == "replay" {
  let floor = RowByRowFloor(source: arguments[2], target: arguments[3], lookups: flags.contains("--lookups"))
  let (milestones, seconds) = try floor.run()
  print("replay: \(milestones) milestones in \(String(format: "%.2f", seconds)) s = \(Int(Double(milestones) / seconds)) milestones/s")
  exit(0)
}

/// Runs `body` `rounds` times and reports the best round, so a scheduling hiccup does not count.
func measure(_ name: String, operations: Int, rounds: Int = 5, _ body: () throws -> Int) rethrows {
  var best = Duration.seconds(1_000)
  var checksum = 0
  for _ in 0..<rounds {
    let elapsed = try clock.measure { checksum &+= try body() }
    best = min(best, elapsed)
  }
  let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
  let rate = Double(operations) / seconds
  print("\(name): \(operations) in \(String(format: "%.3f", seconds)) s = \(String(format: "%.2f", rate / 1e6)) M/s (checksum \(checksum))")
}

// Deadlines from every day of 2018-2026, alternating 20 working days and 3 calendar days.
let starts = (0..<3287).map { CivilDate(year: 2018, month: 1, day: 1)!.adding(days: $0) }
let twenty = try Period.workingDays(20), three = try Period.calendarDays(3), seven = try Period.workingDays(7)
let deadlineCount = 10_000_000
try measure("deadline", operations: deadlineCount) {
  var sum = 0
  for index in 0..<deadlineCount {
    let start = starts[index % starts.count]
    let period = index & 3 == 0 ? three : (index & 1 == 0 ? seven : twenty)
    sum &+= try calendar.deadline(of: period, from: start).date.dayNumber
  }
  return sum
}

// A register of 2 million milestones across the national item kinds, a third of them disclosed.
let kinds = catalogue.rules.map(\.code)
let milestoneCount = 2_000_000
let milestones = (0..<milestoneCount).map { index in
  let formed = starts[(index &* 7919) % starts.count]
  let disclosures = index % 3 == 0 ? [] : [Disclosure(publishedOn: formed.adding(days: index % 40), channel: "区政府门户网站",
                                                        until: index % 5 == 0 ? formed.adding(days: index % 40 + 2) : nil)]
  return Milestone(id: Int64(index), projectCode: "2018-310110-48-01-\(index % 1000)", kind: kinds[index % kinds.count],
                   formedOn: formed, responsibleUnit: "杨浦区建设和管理委员会", disclosures: disclosures)
}
let asOf = CivilDate(year: 2026, month: 11, day: 28)!
try measure("checker", operations: milestoneCount) {
  try milestones.count { try checker.judge($0, asOf: asOf)?.status == .overdue }
}
