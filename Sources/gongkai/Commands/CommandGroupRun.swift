import ArgumentParser

/// A command that only groups others (`gongkai` itself, `export`, `project`, `audit`). Run alone it is a usage
/// error naming its commands: ArgumentParser would print its help and exit 0, so that `gongkai export $KIND` in a
/// cron line, with the variable empty, would report success having written nothing.
protocol CommandGroupRun: AsyncParsableCommand {}

extension CommandGroupRun {
  func run() async throws {
    let name = Self.self == Gongkai.self ? "gongkai" : "gongkai \(Self._commandName)"
    let commands = Self.configuration.subcommands.map { $0._commandName }.joined(separator: ", ")
    throw CommandFailure.usage("`\(name)` needs one of its commands: \(commands); see `\(name) --help`")
  }
}
