import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiReference
import GongkaiStore

/// `--database`: which register to use. The one place the store backend is chosen.
struct StoreOptions: ParsableArguments {
  @Option(help: ArgumentHelp(
    "The database file (default: $GONGKAI_DATABASE, else gongkai.sqlite in the current folder).", valueName: "path"))
  var database: String?

  var path: String {
    database ?? ProcessInfo.processInfo.environment["GONGKAI_DATABASE"] ?? "gongkai.sqlite"
  }

  func validate() throws {
    if database?.isEmpty == true { throw ValidationError("--database is empty; give the register's file, e.g. --database gongkai.sqlite") }
    // Set but empty, as an `Environment=` line left without its value: falling back to ./gongkai.sqlite would check
    // whatever register the current folder holds, and a cron job would report nothing overdue.
    if database == nil && ProcessInfo.processInfo.environment["GONGKAI_DATABASE"]?.isEmpty == true {
      throw ValidationError("GONGKAI_DATABASE is set but empty; set it to the register's file, or unset it for gongkai.sqlite in the current folder")
    }
    // A name ending in a slash is a folder's: `init` would build a register only to find no file can have the name.
    if path.hasSuffix("/") {
      let source = database == nil ? "GONGKAI_DATABASE" : "--database"
      throw ValidationError("\(source) \(path) ends in /, as a folder does; name the register's file, e.g. \(path)gongkai.sqlite")
    }
  }

  /// Opens the register; only `init` and `demo` create a missing one, so a mistyped path never checks an
  /// empty register and reports "nothing overdue".
  func open(create: Bool = false, exclusiveImports: Bool = false) throws -> any Store {
    do {
      return try SQLiteStore.open(at: path, create: create, busyTimeout: try Self.busyTimeout(), exclusiveImports: exclusiveImports,
                                  clock: try Self.clock())
    } catch StoreError.databaseNotFound(let path)
      where database == nil && ProcessInfo.processInfo.environment["GONGKAI_DATABASE"] != nil
    {
      // The path came from the environment (a cron line, a service's Environment=): name where it was set.
      throw CommandFailure(status: .noInput, message:
        "database \(path) (GONGKAI_DATABASE) not found\(StoreError.whereSought(path)); create it with `gongkai init`, or set GONGKAI_DATABASE to the register's path")
    }
  }

  /// Creates the register, which must not exist yet, whole or not at all (`init`, `demo`), with `settings` when
  /// given.
  func create(settings: InitialSettings?) throws -> any Store {
    try SQLiteStore.create(at: path, settings: settings, busyTimeout: try Self.busyTimeout(), clock: try Self.clock())
  }

  /// The profile the register is kept under, read from its file as it stands: of a register of an earlier schema,
  /// which ``open(create:exclusiveImports:)`` refuses until `init` upgrades it.
  func recordedProfile() throws -> String {
    try SQLiteStore.recordedProfile(at: path, busyTimeout: try Self.busyTimeout())
  }

  /// Removes the register ``create(settings:)`` made, for a command that fails before the register holds anything.
  func removeCreated() { SQLiteStore.removeCreated(at: path) }

  /// `$GONGKAI_NOW`: a fixed "recorded at" instant (ISO 8601), so that the tests and the sample export give the
  /// same bytes on any day; unset, the real time. Debug builds only: "recorded at" is what an auditor reads to
  /// find a backdated record, and a release build taking any time it is handed would make it worthless. A release
  /// build refuses to run with it set rather than ignore it, so a test pointed at one does not pass by chance.
  ///
  /// A clock whose day lies outside the days gongkai counts (``CivilDate/earliest`` to ``CivilDate/latest``) is
  /// refused too: no deadline can be judged on such a day, nor a write dated by it.
  static func clock(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> @Sendable () -> String {
    let (clock, now) = try chosenClock(environment)
    let today = CivilDate.todayInChina(now: now)
    guard (CivilDate.earliest...CivilDate.latest).contains(today) else {
      throw CommandFailure.usage("""
        the clock says today is \(today) in China Standard Time, outside the days gongkai counts \
        (\(CivilDate.earliest) to \(CivilDate.latest)); set the clock right
        """)
    }
    return clock
  }

  /// The real clock, or `$GONGKAI_NOW`'s in a debug build, with the instant it gives.
  private static func chosenClock(_ environment: [String: String]) throws -> (@Sendable () -> String, Date) {
    guard let fixed = environment["GONGKAI_NOW"], !fixed.isEmpty else { return (SQLiteStore.now, Date()) }
    #if DEBUG
    // In China Standard Time, as the real clock's instants are, so that what it records reads as the real clock's.
    guard let instant = ISO8601DateFormatter().date(from: fixed), fixed.hasSuffix("+08:00") else {
      throw CommandFailure.usage("GONGKAI_NOW '\(fixed)' is not an ISO 8601 instant in China Standard Time; use e.g. 2026-11-27T09:00:00+08:00")
    }
    return ({ fixed }, instant)
    #else
    throw CommandFailure.usage(
      "GONGKAI_NOW '\(fixed)' is set: it fixes the recorded time for gongkai's own tests, and a release build records the real time only; unset GONGKAI_NOW")
    #endif
  }

  /// Today in China Standard Time, or `$GONGKAI_NOW`'s day in a debug build: the day a write is recorded on, and the
  /// day every command judges and advises for unless `--as-of` says otherwise, so that the tests' fixed clock is one
  /// clock for all. An unusable `$GONGKAI_NOW` is refused before any command runs (``clock(environment:)``).
  static func today() -> CivilDate {
    (try? clock()()).flatMap { CivilDate(recordedAt: $0) } ?? .todayInChina()
  }

  /// `$GONGKAI_BUSY_TIMEOUT`: seconds a command waits for another one's write, 0 to 3600 (default 10).
  static func busyTimeout(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> TimeInterval {
    guard let text = environment["GONGKAI_BUSY_TIMEOUT"], !text.isEmpty else { return 10 }
    // Decimal digits only: Double's parser also reads `0x3` and `1e1`, which no one means as a number of seconds.
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let seconds = TimeInterval(trimmed),
      (0...3600).contains(seconds)
    else {
      throw CommandFailure.usage("GONGKAI_BUSY_TIMEOUT '\(text)' is not usable; give seconds from 0 to 3600 in decimal digits, e.g. 10 or 0.5")
    }
    return seconds
  }
}

/// `--exclusive`: how an import shares the register with readers while it runs.
struct ImportLockOptions: ParsableArguments {
  @Flag(help: ArgumentHelp(
    "Hold the register alone while importing, for large imports: SQLite writes the pages it adds once instead of twice, and memory does not grow with the import's size. The import waits for commands already using the register, and commands started meanwhile wait for it, up to $GONGKAI_BUSY_TIMEOUT seconds, then exit 75."))
  var exclusive = false
}

/// `--as-of` of a command that records something and then says where it stands: the record is made today whatever
/// the option says; only the standing it prints is judged on another day.
struct StandingDayOptions: ParsableArguments {
  @Option(name: .customLong("as-of"), help: ArgumentHelp("Say where it stands as of this day (default: today in China).", valueName: "date"),
          transform: CivilDate.argument)
  var asOf: CivilDate?

  /// The day the standing is judged on: `--as-of`, else `today`.
  func day(today: CivilDate) -> CivilDate { asOf ?? today }

  /// Warns, once the record is made, of an `--as-of` after `today`: the standing told ("already overdue") is that day's
  /// should nothing be published meanwhile, which a clerk who meant `--date` would take for today's.
  func warnIfAhead(of today: CivilDate) {
    guard let asOf, asOf > today else { return }
    Terminal.warning("--as-of \(asOf) is after today (\(today) in China Standard Time): the record is made today, and where it "
      + "stands is told as of \(asOf), should nothing be published meanwhile")
  }
}

/// `--by`: who makes a change, for the change log.
struct ActorOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: ArgumentHelp("Who makes the change (default: $GONGKAI_USER, else the login name).", valueName: "name"), transform: trimmed)
  var by: String?

  func actor() throws -> String {
    let environment = ProcessInfo.processInfo.environment
    // Set but blank is unset, as an empty value is: the login name is who the change is recorded as.
    func set(_ name: String) -> String? { environment[name].flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 } }
    // Every write records who made it: an account without a name (a container's bare uid) must say who it is.
    guard let (source, given) = by.map({ ("--by", $0) })
      ?? set("GONGKAI_USER").map({ ("GONGKAI_USER", $0) })
      ?? (set("USER") ?? set("LOGNAME") ?? Self.loginName()).map({ ("login name", $0) })
    else {
      throw CommandFailure.usage("""
        no name for who makes this change: account \(getuid()) has no login name; give --by NAME, or set GONGKAI_USER \
        (e.g. in the service or cron line)
        """)
    }
    let name = given.trimmingCharacters(in: .whitespacesAndNewlines)
    if let problem = RegisterText.problems(source, name, required: true).first { throw CommandFailure.usage(problem.message) }
    return name
  }

  /// The name of the user running the command, from the password database.
  private static func loginName() -> String? {
    guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
    return String(cString: name)
  }
}

extension CivilDate {
  /// Today in China Standard Time (UTC+8; China has kept no daylight saving time since 1991), whatever the
  /// machine's zone.
  static func todayInChina(now: Date = Date()) -> CivilDate {
    CivilDate(chinaStandardTimeAt: Int(now.timeIntervalSince1970.rounded(.down)))
  }
}

/// How a publication's id is shown (`D17`), where a milestone's is `#17`: the two are numbered apart, and a clerk who
/// read `公开 #88` under milestone `#88` withdrew the milestone with `withdraw 88`.
func publicationLabel(_ id: Int64) -> String { "D\(id)" }

/// Parses a milestone id, for `@Argument(transform:)` and `@Option(transform:)`: as `project show` prints it (`#42`)
/// or bare. A publication's id (`D17`) is refused with the id to give instead.
func milestoneID(_ text: String) throws -> Int64 {
  try milestoneID(text, publicationFix: { _ in "give the id of its milestone, which `gongkai project show CODE` prints above it" })
}

/// ``milestoneID(_:)`` of `withdraw` and `reinstate`, which take a publication too: with the option that does.
func withdrawableMilestoneID(_ text: String) throws -> Int64 {
  try milestoneID(text, publicationFix: { "give it as --disclosure \($0), or the id of its milestone" })
}

private func milestoneID(_ text: String, publicationFix: (String) -> String) throws -> Int64 {
  let (id, kind) = try recordID(text)
  if kind == .publication {
    let label = publicationLabel(id)
    throw ValidationError("'\(text.trimmingCharacters(in: .whitespaces))' is a publication's id (公开 \(label)), not a milestone's (#N): "
      + publicationFix(label))
  }
  return id
}

/// Parses a publication id, for `--disclosure`: as `project show` and `history` print it (`D17`), or bare. A milestone's
/// id as they print it (`#42`) is refused: copied into `--disclosure`, it would name the publication numbered alike.
func disclosureID(_ text: String) throws -> Int64 {
  let (id, kind) = try recordID(text)
  if kind == .milestone {
    throw ValidationError("'\(text.trimmingCharacters(in: .whitespaces))' names milestone \(id), not a publication (whose id is "
      + "shown as in 公开 \(publicationLabel(17))): `gongkai project show CODE` lists each publication under its milestone with its id")
  }
  return id
}

/// How an id was typed: as a milestone's (`#42`), a publication's (`D17`), or bare.
private enum TypedID { case milestone, publication, bare }

/// A milestone or publication id, and how it was typed; the parser's own message names the value but not what an id
/// looks like or where to find one.
private func recordID(_ text: String) throws -> (id: Int64, typed: TypedID) {
  // `--changes` and `--disclosure` take the next argument whatever it is, so that `-1` is named as no id.
  try refuseOptionName(text, as: "the id")
  // As `project show` and `history` print it (`#42`, `D17`), or typed by a Chinese input method (４２), with the spaces
  // of a copy from a table.
  let typed = text.halfWidth.trimmingCharacters(in: .whitespaces)
  let kind: TypedID = typed.first == "#" ? .milestone : typed.first == "D" || typed.first == "d" ? .publication : .bare
  let digits = kind == .bare ? typed : String(typed.dropFirst())
  guard digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let id = Int64(digits), id > 0 else {
    throw ValidationError("ids are whole numbers from 1, such as 42 (a milestone's, shown #42) or D17 (a publication's); "
      + "`gongkai project show CODE` lists a project's milestones and publications with theirs")
  }
  return (id, kind)
}

extension ProjectCode: ExpressibleByArgument {
  public init?(argument: String) { try? self.init(argument) }

  /// Parses a project code argument with the full error message.
  static func argument(_ text: String) throws -> ProjectCode {
    // Spaces around it are a copy's from a table, as around text options, which are trimmed too.
    do { return try ProjectCode(text.trimmingCharacters(in: .whitespaces)) } catch { throw ValidationError(error.description) }
  }
}
