import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiReference

/// `--profile` and `--profile-file`: which disclosure rules apply.
struct RulesOptions: ParsableArguments {
  @Option(help: ArgumentHelp("The rules profile: national, or a locality's (shanghai).", valueName: "name"))
  var profile: String = nonEmpty(ProcessInfo.processInfo.environment["GONGKAI_PROFILE"]) ?? "national"

  @Option(
    name: .customLong("profile-file"),
    help: ArgumentHelp("A profile file that changes or adds rules, for a local law (repeatable).", valueName: "file"))
  var profileFiles: [String] = []

  func loadCatalogue() throws -> RuleCatalogue {
    let resources = try BundledResources.folder()
    let shipped = RuleCatalogue.bundledProfiles(resources: resources)
    guard shipped.contains(profile) else {
      throw CommandFailure.usage("unknown profile '\(profile)'; use one of \(shipped.joined(separator: ", ")), or --profile-file FILE")
    }
    return try RuleCatalogue.load(
      profile: profile, extraProfiles: profileFiles.map { URL(fileURLWithPath: $0) }, resources: resources)
  }
}

/// `--calendar`: holiday schedules beyond the shipped ones.
struct CalendarOptions: ParsableArguments {
  @Option(
    name: .customLong("calendar"),
    help: ArgumentHelp(
      "A holiday schedule file (YYYY.yaml) that adds or replaces a year (repeatable).",
      discussion: "Files in $GONGKAI_CALENDAR_DIR (default ~/.config/gongkai/calendar) are read too.",
      valueName: "file"))
  var calendarFiles: [String] = []

  func loadCalendar() throws -> LoadedCalendar {
    try LoadedCalendar.load(
      resources: BundledResources.folder(), directory: Self.administratorFolder(),
      files: calendarFiles.map { URL(fileURLWithPath: $0) })
  }

  /// Where an administrator places a new year's schedule: `$GONGKAI_CALENDAR_DIR`, else
  /// `$XDG_CONFIG_HOME/gongkai/calendar`, else `~/.config/gongkai/calendar`.
  static func administratorFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
    if let folder = environment["GONGKAI_CALENDAR_DIR"], !folder.isEmpty { return URL(fileURLWithPath: folder) }
    let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
      ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
    return config.appendingPathComponent("gongkai/calendar")
  }
}

/// `--format text|json`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

/// `--lang zh|en`: the language of report text; Chinese is the language of the law and the default.
enum Language: String, ExpressibleByArgument, CaseIterable {
  case zh, en

  func pick(_ chinese: String, _ english: String) -> String { self == .zh ? chinese : english }
  func pick(_ text: LocalizedText) -> String { self == .zh ? text.chinese : text.english }
}

extension CivilDate {
  /// Parses a date argument, for `@Argument(transform:)` and `@Option(transform:)`.
  static func argument(_ text: String) throws -> CivilDate {
    do { return try CivilDate(parsing: text) } catch { throw ValidationError(error.description) }
  }
}
