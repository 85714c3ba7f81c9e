import ArgumentParser
import GongkaiCore

extension Gongkai {
  struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a consistent copy of the register, safely while others are writing.",
      discussion: """
        Uses SQLite's online backup; the copy is written beside FILE and renamed, so it is whole or absent. An \
        existing FILE is replaced only when it is an earlier backup of the register (its change log the start of \
        the register's): the register itself, a register with other changes or a file of another program is \
        refused; remove it first to replace it. Nor is a backup replaced from a register that fails the check \
        against its change log (`gongkai audit verify`): it may be the copy to restore from.
        """)

    @Argument(help: ArgumentHelp("The file to write.", valueName: "file")) var file: String
    @Flag(help: "Print nothing when the backup is written (for cron, which mails what a command prints); a failure prints as without it.")
    var quiet = false
    @OptionGroup var store: StoreOptions

    func validate() throws {
      if file.allSatisfy(\.isWhitespace) { throw ValidationError("the backup's file name is empty; name the file to write, e.g. register-backup.sqlite") }
    }

    func run() async throws {
      try await store.open().backup(to: file)
      guard !quiet else { return }
      try StandardOutput.confirm("backed up \(Terminal.field(store.path)) to \(Terminal.field(file))", wroteFile: file)
    }
  }
}
