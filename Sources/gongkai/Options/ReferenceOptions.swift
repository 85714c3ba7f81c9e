import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiReference
import GongkaiStore

/// `--profile` and `--profile-file`: which disclosure rules apply.
///
/// A register records the profile it is kept under (`gongkai init --profile`), and a command on it applies that
/// profile when it is given none: a cron line that leaves out `--profile` still applies the register's periods.
/// A profile given that is not the register's is refused rather than applied, since it would change deadlines
/// and alerts without anyone deciding so; changing it is `gongkai init --change-profile`, a logged act.
struct RulesOptions: ParsableArguments {
  @Option(help: ArgumentHelp(
    "The rules profile: national, or a locality's (shanghai) (default: $GONGKAI_PROFILE, else the register's where a command uses one, else national).",
    valueName: "name"))
  var profile: String?

  @Option(
    name: .customLong("profile-file"),
    help: ArgumentHelp("A profile file that changes or adds rules, for a local law (repeatable).", valueName: "file"))
  var profileFiles: [String] = []

  /// `--profile`, else `$GONGKAI_PROFILE`, with how to leave it out; nil when neither is given.
  private var givenProfile: (name: String, fix: String)? {
    profile.map { ($0, "drop --profile \($0)") }
      ?? nonEmpty(ProcessInfo.processInfo.environment["GONGKAI_PROFILE"]).map { ($0, "unset GONGKAI_PROFILE (\($0))") }
  }

  /// Whether the command line or the environment names rules to apply.
  var isGiven: Bool { givenProfile != nil || !profileFiles.isEmpty }

  /// The catalogue of the profile given, national when none is: for commands that use no register, and for
  /// `init`, which records it.
  func loadCatalogue() throws -> RuleCatalogue {
    let resources = try BundledResources.folder()
    return try loadCatalogue(shipped: givenProfile?.name ?? RegisterProfile.national, resources: resources)
  }

  /// The catalogue of the profile typed (`--profile`, national without it, and `--profile-file`), whatever
  /// `$GONGKAI_PROFILE` says: what `init --change-profile` puts a register under, a variable left from an earlier
  /// setup having no say in it.
  func loadTypedCatalogue() throws -> RuleCatalogue {
    try loadCatalogue(shipped: profile ?? RegisterProfile.national, resources: try BundledResources.folder())
  }

  /// The catalogue of the register at `path`, kept under `recorded` (``Store/profile()``): the shipped profile
  /// it builds on unless one is given, with the profile files given on top. Refuses, as a usage error, any
  /// other catalogue: the register's deadlines are those of its profile.
  func loadCatalogue(keptUnder recorded: String, register path: String) throws -> RuleCatalogue {
    let resources = try BundledResources.folder()
    let shipped = RuleCatalogue.bundledProfiles(resources: resources)
    let names = Self.names(recorded)
    let recordedBase = names.dropFirst().first.flatMap { shipped.contains($0) ? $0 : nil } ?? RegisterProfile.national
    // Another shipped profile than the register's is refused before the profile files are read on it: a file of
    // the register's profile would otherwise be refused for building on other rules, hiding what to change.
    if let (name, fix) = givenProfile, name != recordedBase, shipped.contains(name), !profileFiles.isEmpty {
      throw CommandFailure.usage("""
        the register \(path) is kept under profile \(recorded), not one built on \(name); \(fix), or change the \
        register's profile with `gongkai init --change-profile` and the profile options
        """)
    }
    let catalogue = try loadCatalogue(shipped: givenProfile?.name ?? recordedBase, resources: resources)
    guard catalogue.profile != recorded else { return catalogue }
    let given = Self.names(catalogue.profile)
    var fixes: [String] = []
    if let (name, fix) = givenProfile, name != recordedBase { fixes.append(fix) }
    let missing = names.filter { !given.contains($0) && !shipped.contains($0) }
    if !missing.isEmpty { fixes.append("give the profile file of \(missing.joined(separator: ", ")) with --profile-file") }
    let extra = given.filter { !names.contains($0) && !shipped.contains($0) }
    if !extra.isEmpty { fixes.append("drop the --profile-file of \(extra.joined(separator: ", "))") }
    if fixes.isEmpty { fixes.append("give the --profile-file options in the register's order") }
    throw CommandFailure.usage("""
      the register \(path) is kept under profile \(recorded), not \(catalogue.profile); \(fixes.joined(separator: " and ")), \
      or change the register's profile with `gongkai init --change-profile` and the profile options
      """)
  }

  private func loadCatalogue(shipped profile: String, resources: URL) throws -> RuleCatalogue {
    let shipped = RuleCatalogue.bundledProfiles(resources: resources)
    guard shipped.contains(profile) else {
      // A cron line names no profile: where the name came from the environment, say so.
      let shippedNames = shipped.joined(separator: ", ")
      guard self.profile != nil || givenProfile?.name != profile else {
        throw CommandFailure.usage(
          "GONGKAI_PROFILE '\(profile)' names no shipped profile (\(shippedNames)); set it to one of them, or unset it to apply the register's own")
      }
      throw CommandFailure.usage("unknown profile '\(profile)'; use one of \(shippedNames), or --profile-file FILE")
    }
    return try RuleCatalogue.load(
      profile: profile, extraProfiles: profileFiles.map { URL(fileURLWithPath: $0) }, resources: resources)
  }

  /// The names of a catalogue's profile, base first.
  private static func names(_ profile: String) -> [String] { profile.split(separator: "+").map(String.init) }
}

/// `--calendar`: holiday schedules beyond the shipped ones.
struct CalendarOptions: ParsableArguments {
  @Option(
    name: .customLong("calendar"),
    help: ArgumentHelp(
      "A holiday schedule file (YYYY.yaml) that adds or replaces a year (repeatable).",
      discussion: """
        Files in $GONGKAI_CALENDAR_DIR are read too (it must name a folder that exists); when it is not set, those \
        in $XDG_CONFIG_HOME/gongkai/calendar or $HOME/.config/gongkai/calendar, if that folder exists.
        """,
      valueName: "file"))
  var calendarFiles: [String] = []

  /// The calendar, warning of a file that leaves days of an official schedule out (`doctor` says so as a line of
  /// its own instead: `warnings` false).
  func loadCalendar(warnings: Bool = true) throws -> LoadedCalendar {
    let loaded = try LoadedCalendar.load(
      resources: BundledResources.folder(), directory: Self.administratorFolder(),
      files: calendarFiles.map { URL(fileURLWithPath: $0) })
    if warnings {
      for warning in loaded.replacements.compactMap(\.droppedWarning) + loaded.fileWarnings { Terminal.warning(warning) }
    }
    return loaded
  }

  /// Where an administrator places a new year's schedule: `$GONGKAI_CALENDAR_DIR`, else
  /// `$XDG_CONFIG_HOME/gongkai/calendar`, else `$HOME/.config/gongkai/calendar` (the XDG default), else the same
  /// under the password database's home. `HOME` comes first because users and systemd units set it, and Foundation's
  /// `homeDirectoryForCurrentUser` on Linux answers the password database's entry whatever `HOME` says.
  ///
  /// A default folder that does not exist is no folder of schedules, as on most installations. A folder the
  /// variable names must exist: a typo in a cron line or a unit would otherwise drop the administrator's schedules
  /// without a word, and every deadline in their years would silently be provisional.
  static func administratorFolder(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
    if let named = environment["GONGKAI_CALENDAR_DIR"] {
      // Set but empty, as an `Environment=` or crontab line left without its value: a folder meant but not named.
      guard !named.isEmpty else {
        throw CommandFailure.usage("""
          GONGKAI_CALENDAR_DIR is set but empty; set it to the folder that holds the holiday schedule files, or unset it \
          for the default (\(defaultFolder(environment: environment).path))
          """)
      }
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: named, isDirectory: &isFolder), isFolder.boolValue else {
        let what = FileManager.default.fileExists(atPath: named) ? "is a file, not a folder" : "does not exist"
        throw CommandFailure(status: .noInput, message: """
          GONGKAI_CALENDAR_DIR names \(named), which \(what); set it to the folder that holds the holiday schedule \
          files, create that folder, or unset the variable for the default (\(defaultFolder(environment: environment).path))
          """)
      }
      return URL(fileURLWithPath: named)
    }
    return defaultFolder(environment: environment)
  }

  /// The folder a warning tells the administrator to add a schedule to: the one `GONGKAI_CALENDAR_DIR` names, else
  /// this account's own, said to be so, as cron or a systemd unit running under another account reads another folder
  /// and a schedule added to one's own would go unseen there.
  /// A schedule of `years` placed in the default folder while the variable names another is named too: copied where
  /// the documentation's default says, at the turn of the year, it would go unread without a word.
  static func folderForSchedules(of years: [Int], environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    // The calendar loaded, so a folder named by $GONGKAI_CALENDAR_DIR exists; the fallback is never printed.
    guard let folder = try? administratorFolder(environment: environment) else { return "the calendar folder" }
    guard environment["GONGKAI_CALENDAR_DIR"] != nil else {
      return "\(folder.path) (this account's own: for cron or staff under other accounts, set GONGKAI_CALENDAR_DIR for all "
        + "of them to one folder)"
    }
    let unread = defaultFolder(environment: environment)
    let strays = years.map { unread.appendingPathComponent("\($0).yaml").path }
      .filter { FileManager.default.fileExists(atPath: $0) && unread.standardizedFileURL != folder.standardizedFileURL }
    guard !strays.isEmpty else { return folder.path }
    return "\(folder.path) (\(strays.joined(separator: " and ")) \(strays.count == 1 ? "is" : "are") not read while "
      + "GONGKAI_CALENDAR_DIR names that folder: move \(strays.count == 1 ? "it" : "them") there)"
  }

  /// `$XDG_CONFIG_HOME/gongkai/calendar`, else `$HOME/.config/gongkai/calendar`, else the password database's home's.
  private static func defaultFolder(environment: [String: String]) -> URL {
    let home = nonEmpty(environment["HOME"]).map { URL(fileURLWithPath: $0) } ?? FileManager.default.homeDirectoryForCurrentUser
    let config = nonEmpty(environment["XDG_CONFIG_HOME"]).map { URL(fileURLWithPath: $0) } ?? home.appendingPathComponent(".config")
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

  /// （暂定） or ` (provisional)` after a value a missing holiday schedule may still change; empty when `flag` is false.
  func provisionalMark(_ flag: Bool) -> String { flag ? pick("（暂定）", " (provisional)") : "" }
}

extension CivilDate {
  /// Parses a date argument, for `@Argument(transform:)` and `@Option(transform:)`, in any form a spreadsheet
  /// cell may hold (`2026/11/3`), so a date copied from one works.
  static func argument(_ text: String) throws -> CivilDate {
    // The message names the value, so the parser's preamble before it goes (`--date: '2026-03' is not a date; …`);
    // an empty one (`--date "$DAY"` with the variable unset) is said to be empty.
    // A carriage return of a line read from a Windows file is trimmed as a space is.
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if trimmed.isEmpty { throw ValidationError("'\(text)' is empty; give the day as YYYY-MM-DD, e.g. 2026-03-31") }
    do { return try CivilDate(parsingYearFirst: trimmed) } catch { throw ValidationError("'\(text)' is \(error.reason)") }
  }
}
