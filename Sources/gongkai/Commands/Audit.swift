import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiStore

extension Gongkai {
  struct Audit: CommandGroupRun {
    static let configuration = CommandConfiguration(
      abstract: "Check that the register's record has not been changed outside gongkai.",
      subcommands: [Verify.self])
  }
}

extension Gongkai.Audit {
  struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check the change log's hash chain, and the register against the log; name what was changed outside gongkai.",
      discussion: """
        Every change-log row carries a hash over the row before it and its own content. Editing, inserting, \
        deleting or reordering rows with another tool breaks the chain there. Prints the chain head, which \
        exports state, so a published audit file can be matched to this register. Then compares every project, \
        milestone and disclosure with the values its last change-log row records, and names the rows edited, \
        inserted or deleted beside the log, whether or not the chain holds; then checks the file's structure and \
        names triggers added outside gongkai. Exits 1 when any of these fails, 65 when a table or column the \
        comparison reads was dropped.

        The chain is not keyed: whoever can write the file can also rewrite every row after an edit and compute the \
        hashes again, and the chain alone cannot show its last rows deleted together with SQLite's counter of them. \
        What holds the register to its past is a head published before: keep the heads the exports state. --head HEX, the \
        head an earlier export stated (the audit CSV's 变更记录链头 / change_log_head column, the notices' footer, \
        changeLogHead in disclosures.json, the report's 变更记录链头), must be the hash of a row of the chain, or the command exits 1.
        """)

    @Option(name: .customLong("head"),
            help: ArgumentHelp("A chain head an earlier export stated: fail unless a row of the chain has it.", valueName: "hex"))
    var typedHead: String?
    /// Lowercased: a head copied from a document that set it in capitals is the same head (a message quotes it as typed).
    private var head: String? { typedHead?.lowercased() }
    @Flag(help: "Print nothing when everything holds (for cron, which mails what a command prints); a failure prints as without it.")
    var quiet = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
      if let typedHead, let head,
        head.utf8.count != 64 || !head.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) {
        throw ValidationError("--head '\(typedHead)' is not a chain head; give the 64 hex digits an export states")
      }
    }

    func run() async throws {
      var report = Report(quiet: quiet)
      do {
        if try await verify(try store.open(), into: &report) {
          try report.printHeld()
          throw ExitStatus.findings
        }
      } catch StoreError.damaged(let path, let reason) {
        // A register SQLite cannot read through is what the check looks for, as a failed integrity check is: found (1),
        // not a refusal (65), after what it had found before.
        try report.append("database damaged: \(path): \(reason); keep a copy of it and restore the register from its last backup "
          + "(`gongkai doctor` says more)")
        try report.printHeld()
        throw ExitStatus.findings
      } catch let error as StoreError {
        // What stopped the check (a column dropped outside gongkai) is said after what it had found, a broken chain
        // above all, which --quiet would otherwise drop.
        try report.printHeld()
        throw error
      }
    }

    /// What the check finds, printed as it is found; with --quiet, held until something is known to have failed.
    private struct Report {
      let quiet: Bool
      private var held: [String] = []

      init(quiet: Bool) { self.quiet = quiet }

      mutating func append(_ line: String) throws {
        if quiet { held.append(line) } else { try StandardOutput.print(line) }
      }

      func printHeld() throws {
        for line in held { try StandardOutput.print(line) }
      }
    }

    /// Reports what the check finds; returns whether it failed.
    private func verify(_ register: any Store, into report: inout Report) async throws -> Bool {
      let check = try await register.checkAgainstChangeLog(publishedHead: head, divergenceLimit: Self.divergencesShown + 1)
      let result = check.chain
      // A broken chain or a head missing from the log fails the check, but the rows are still compared and the file
      // checked: an auditor gets every finding in one run, and what was deleted with the log often left rows behind
      // that say what it was.
      var failed = result.broken != nil
      if let broken = result.broken {
        try report.append("change log broken after \(result.rows) intact rows: \(broken)")
      } else {
        try report.append(result.rows == 0 ? "change log empty: no rows, so no head"
          : "change log intact: \(result.rows) rows, head \(result.head)")
      }
      if let head {
        if let row = result.publishedHeadRow {
          try report.append("head \(head) is row \(row) of the change log: \(counted(result.rows - Int(row), "change")) recorded since")
        } else {
          try report.append("""
            head \(head) is not on the change log: rows recorded up to the export that stated it were deleted or \
            rewritten outside gongkai, or the export comes from another register
            """)
          failed = true
        }
      }
      // Not a broken record (a machine's clock reset dates changes backwards too), but what an auditor checks the
      // publications recorded since against: said on standard error, which the nightly `--quiet` run's cron mails.
      if let back = check.clockWentBack {
        Terminal.warning("""
          change log dated backwards: row \(back.row) was recorded at \(back.at), after a change recorded at \(back.after)\
          \(back.rows > 1 ? " (\(back.rows) rows so)" : ""): the clock that dates changes went back (a machine reset, or records \
          dated by hand); compare the publications recorded since with their pages
          """)
      }
      let divergences = try check.divergences()
      for divergence in divergences.prefix(Self.divergencesShown) {
        try report.append("register differs: \(divergence)")
        for field in divergence.fields {
          try report.append("""
                \(field.field): \(Self.shown(field.stored, against: field.logged)) in the register, \
            \(Self.shown(field.logged, against: field.stored)) in the change log
            """)
        }
      }
      if divergences.count > Self.divergencesShown { try report.append("register differs in more rows than shown") }
      if divergences.isEmpty { try report.append("every project, milestone and disclosure holds what the change log last recorded") }
      // The comparison reads the tables, not their indexes, which reads through a damaged one silently get wrong.
      let damage = try await register.integrityProblems()
      for problem in damage.prefix(Self.divergencesShown) {
        try report.append("database damaged: \(problem); restore the register from its last backup (`gongkai doctor` says more)")
      }
      if damage.isEmpty { try report.append("database file: its structure and every index hold") }
      // A trigger added outside gongkai rewrites what gongkai writes from then on, behind a log that stays intact. (Other
      // objects added or dropped change nothing recorded, or refuse a write: `doctor` names them.)
      let triggers = try await register.schemaDifferences().added.filter { $0.type == "trigger" }
      for trigger in triggers {
        try report.append("schema: trigger \(Terminal.field(trigger.name)) was added outside gongkai; it can change what gongkai "
          + "writes, and every write refuses to run beside it (`gongkai doctor` gives the command that drops it)")
      }
      if triggers.isEmpty { try report.append("schema: no trigger added outside gongkai") }
      return failed || !divergences.isEmpty || !damage.isEmpty || !triggers.isEmpty
    }

    /// A value of a column that differs, as JSON writes it, so that an empty text (`""`) is told from none and `3`
    /// from `"3"`. A long text is cut to 60 characters around where it departs from the other, with its length: a
    /// summary rewritten outside gongkai may run to pages, and two cut at their start could read alike.
    static func shown(_ value: String?, against other: String?) -> String {
      guard let value else { return "none" }
      guard let text = text(of: value), text.count > shownLength else { return Terminal.field(value) }
      let characters = Array(text)
      let common = zip(characters, Array(other.flatMap(Self.text(of:)) ?? "")).prefix { $0 == $1 }.count
      let start = max(0, min(common - 20, characters.count - shownLength))
      let end = start + shownLength
      let excerpt = (try? JSONSerialization.data(withJSONObject: String(characters[start..<end]), options: [.fragmentsAllowed, .withoutEscapingSlashes]))
        .map { String(decoding: $0, as: UTF8.self) } ?? ""
      return (start > 0 ? "…" : "") + Terminal.field(excerpt) + (end < characters.count ? "…" : "") + " (\(characters.count) characters)"
    }

    /// The text a JSON string holds; `nil` for a number.
    private static func text(of fragment: String) -> String? {
      try? JSONSerialization.jsonObject(with: Data(fragment.utf8), options: .fragmentsAllowed) as? String
    }

    /// How much of a long text is shown.
    static let shownLength = 60

    /// Enough to see what was done; a register rewritten wholesale would otherwise print millions of lines.
    static let divergencesShown = 20
  }
}
