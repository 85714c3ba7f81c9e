import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiFiles
import GongkaiStore

extension Gongkai {
  struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Load the sample projects into a database and run the deadline check on them.",
      discussion: """
        Creates the database if needed (default: gongkai.sqlite here), imports Projects/ (idempotent) and \
        prints `gongkai check` as of 2026-11-27, the day the sample projects were written. Refuses a database \
        that holds other projects, or none (a register `gongkai init` made), so a real register is never mixed with \
        samples. Exits 0 whatever it finds.
        """)

    /// The day the sample projects in Projects/ describe.
    static let sampleDate = CivilDate(year: 2026, month: 11, day: 27)!

    @Option(help: ArgumentHelp("The folder of sample project files.", valueName: "path")) var projects = "Projects"
    @Option(help: ArgumentHelp("Judge as of this day (default: the samples' day, 2026-11-27).", valueName: "date"),
            transform: CivilDate.argument)
    var asOf: CivilDate?
    @Option(help: "Language of the report.") var lang: Language = .zh
    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions

    func run() async throws {
      guard FileManager.default.fileExists(atPath: projects) else {
        throw CommandFailure(status: .noInput, message:
          "no sample projects at '\(projects)'; run the demo in the Gongkai repository, or give --projects PATH")
      }
      let created = !FileManager.default.fileExists(atPath: store.path)
      // Loaded before the register is created, so that a profile refused leaves no empty register behind.
      let given = reference.rules.isGiven ? try reference.rules.loadCatalogue() : nil
      // A register the demo creates is kept under the profile given, as `gongkai init` keeps one.
      let register = created
        ? try store.create(settings: given.map { InitialSettings(rules: $0, actor: "gongkai demo", today: StoreOptions.today()) })
        : try store.open(create: true)
      let loaded: (report: ImportReport, files: Int, checker: Checker)
      do {
        loaded = try await loadSamples(into: register, created: created)
      } catch where created {
        // An empty register left behind would be refused by the next run, as one `gongkai init` made is. Removed only
        // while it holds nothing: another command may have written into the new file meanwhile.
        let inForce = try? await register.projects(), withdrawn = try? await register.projects(withdrawn: true)
        if inForce?.isEmpty == true && withdrawn?.isEmpty == true { store.removeCreated() }
        throw error
      }
      let checker = loaded.checker
      let asOf = asOf ?? Self.sampleDate
      try StandardOutput.print("\(Terminal.field(store.path)): \(ImportSummary(report: loaded.report, files: loaded.files).text)\n")
      let sink = try TextSink(language: lang, asOf: asOf, checker: checker)
      try await register.forEachMilestone(matching: MilestoneFilter()) { stored in
        if let finding = try checker.judge(stored.milestone, asOf: asOf), finding.needsAttention(warningDays: 5) {
          try sink.write(finding, stored: stored)
        }
      }
      try sink.finish()
      try StandardOutput.print(lang.pick("\n（演示：`gongkai check --as-of \(asOf)` 给出同样的结果；`gongkai check` 按今天检查。）",
                      "\n(Demo: `gongkai check --as-of \(asOf)` gives the same; `gongkai check` checks as of today.)"))
    }

    /// Imports the samples into `register`, refusing one that holds anything else: a register of projects that
    /// are not samples, or one `gongkai init` made for real work and left empty (the database a service's
    /// `GONGKAI_DATABASE` names, just created), which fictional projects must never enter, since nothing in a
    /// register can be deleted.
    private func loadSamples(into register: any Store, created: Bool) async throws -> (report: ImportReport, files: Int, checker: Checker) {
      let checker = try await reference.checker(for: register, at: store.path)
      let documents = try ProjectFiles.readAll([projects], catalogue: checker.catalogue, today: StoreOptions.today())
      let samples = Set(documents.map(\.project.code))
      let registered = try await register.projects() + register.projects(withdrawn: true)
      if let stranger = registered.first(where: { !samples.contains($0.project.code) }) {
        throw CommandFailure(status: .dataError, message:
          "\(store.path) holds project \(stranger.project.code), which is not a sample; run the demo on its own database: --database demo.sqlite")
      }
      if registered.isEmpty && !created {
        throw CommandFailure(status: .dataError, message: """
          \(store.path) is a register without projects, as `gongkai init` makes one for real work (or an interrupted demo \
          left one), and the demo's fictional projects could never be taken out of a real register; run the demo on a \
          database of its own, --database demo.sqlite, or remove this file if a demo left it
          """)
      }
      // Read again as files, so that a problem the store finds names its file.
      let files = try ProjectFiles([projects], catalogue: checker.catalogue, today: StoreOptions.today())
      let report = try await register.admittingEarlyPublications(under: checker.catalogue)
        .importProjects(files, actor: "gongkai demo", progress: nil)
      return (report, documents.count, checker)
    }
  }
}
