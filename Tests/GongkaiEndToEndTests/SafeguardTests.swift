import Foundation
import Testing
import TestSupport

/// Cases found by testing the tool as a new user would; each once did the wrong thing.
@Suite struct SafeguardTests {
  func register() throws -> String {
    let database = Scratch.folder().appendingPathComponent("register.sqlite").path
    #expect(try runGongkai(["init", "--database", database]).status == 0)
    #expect(try runGongkai(["project", "add", "2026-310110-48-01-000200", "--name", "江浦路桥梁改建工程", "--unit", "杨浦区建设和管理委员会", "--database", database]).status == 0)
    return database
  }

  func fileBytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

  @Test func aBusyTimeoutThatIsNotANumberIsAUsageError() throws {
    let database = try register()
    for value in ["abc", "2147484", "-1", "nan", "0x3", "1e1"] {
      let result = try runGongkai(["project", "list", "--database", database], environment: ["GONGKAI_BUSY_TIMEOUT": value])
      #expect(result.status == 64, "\(value)")
      #expect(result.stderr == "gongkai: GONGKAI_BUSY_TIMEOUT '\(value)' is not usable; give seconds from 0 to 3600 in decimal digits, e.g. 10 or 0.5\n")
    }
  }

  /// A clock past the days gongkai counts (a machine's clock set far ahead) is refused before any command runs, in
  /// one line: no deadline can be judged on such a day, nor a write dated by it.
  @Test func aClockOutsideTheDaysGongkaiCountsIsRefused() throws {
    let database = try register()
    for (now, today) in [("2200-01-01T09:00:00+08:00", "2200-01-01"), ("1899-12-31T23:00:00+08:00", "1899-12-31")] {
      let result = try runGongkai(["check", "--database", database], environment: ["GONGKAI_NOW": now])
      #expect(result.status == 64)
      #expect(result.stderr == "gongkai: the clock says today is \(today) in China Standard Time, outside the days gongkai counts "
        + "(1900-01-01 to 2199-12-31); set the clock right\n")
    }
  }

  /// A clock set back (a reset machine, a virtual machine not synchronised) would have the morning check judge a past
  /// day and find nothing due: a day before the register's last change is warned of, and an --as-of is not.
  @Test func aCheckOnADayBeforeTheRegistersLastChangeWarnsOfTheClock() throws {
    let database = Scratch.folder().appendingPathComponent("register.sqlite").path
    for write in [["init"], ["project", "add", "2026-310110-48-01-000200", "--name", "江浦路", "--unit", "杨浦区建管委"]] {
      #expect(try runGongkai(write + ["--database", database], environment: ["GONGKAI_NOW": "2026-11-27T09:00:00+08:00"]).status == 0)
    }
    let behind = try runGongkai(["check", "--format", "json", "--database", database], environment: ["GONGKAI_NOW": "2026-11-26T09:00:00+08:00"])
    #expect(behind.status == 0)
    #expect(behind.stderr.hasPrefix("gongkai: warning: today is 2026-11-26 by this machine's clock (China Standard Time), before the "
      + "register's last change, recorded on 2026-11-27"), "\(behind.stderr)")
    let asked = try runGongkai(["check", "--as-of", "2026-11-26", "--database", database], environment: ["GONGKAI_NOW": "2026-11-26T09:00:00+08:00"])
    #expect(asked.stderr.isEmpty, "\(asked.stderr)")
    let sameDay = try runGongkai(["check", "--database", database], environment: ["GONGKAI_NOW": "2026-11-27T18:00:00+08:00"])
    #expect(sameDay.stderr.isEmpty, "\(sameDay.stderr)")
  }

  /// A register whose first page was overwritten no longer begins as an SQLite file: said to be possibly damaged,
  /// with the restore, not only to be another program's file; a folder is named as one.
  @Test func whatIsNotARegisterIsToldApart() throws {
    let database = try register()
    let handle = try #require(FileHandle(forWritingAtPath: database))
    try handle.write(contentsOf: Data(repeating: 0x5A, count: 100))
    try handle.close()
    let garbled = try runGongkai(["check", "--database", database])
    #expect(garbled.status == 65)
    #expect(garbled.stderr == "gongkai: \(database) is not a Gongkai database: it does not begin as an SQLite database does, so it "
      + "is another program's file, or a register whose first page is damaged; check --database, or keep a copy of it and restore "
      + "the register from a backup\n")
    let folder = Scratch.folder().path
    let named = try runGongkai(["check", "--database", folder])
    #expect(named.status == 65)
    #expect(named.stderr == "gongkai: \(folder) is a folder, not a Gongkai database; give the register's file (check --database)\n")
  }

  /// SQLite reads `:memory:` as a database in memory and `file:…` as a URI with options; a user naming a file so
  /// gets that file, in the current folder, kept and found again by the next command.
  @Test(arguments: [":memory:", "file:r.sqlite?mode=ro"])
  func aRegisterNamedAsSQLiteNamesSomethingElseIsTheFileOfThatName(name: String) throws {
    let folder = Scratch.folder()
    #expect(try runGongkai(["init", "--database", name], in: folder).status == 0)
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path))
    let added = try runGongkai(["project", "add", "2026-310110-48-01-000200", "--name", "江浦路", "--unit", "杨浦区建管委", "--database", name], in: folder)
    #expect(added.status == 0, "\(added.stderr)")
    #expect(try runGongkai(["project", "list", "--database", name], in: folder).stdout.contains("江浦路"))
    for _ in 1...2 { #expect(try runGongkai(["backup", "file:b.sqlite", "--database", name], in: folder).status == 0) }
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("file:b.sqlite").path))
  }

  /// A file name is shown as error messages show it: an escape sequence in it cannot retitle or recolour the
  /// terminal of whoever reads the confirmation, and a line break cannot split it in two.
  @Test func aConfirmationShowsAFileNamesControlCharactersEscaped() throws {
    let database = try register()
    let folder = Scratch.folder()
    let audit = folder.appendingPathComponent("a\u{1B}]0;x\u{7}.csv").path
    let exported = try runGongkai(["export", "audit-csv", "--out", audit, "--database", database])
    #expect(exported.status == 0)
    #expect(exported.stdout == "wrote 0 rows to \(folder.path)/a\\u{1B}]0;x\\u{7}.csv\n")
    let backup = folder.appendingPathComponent("b\nx.sqlite").path
    let backedUp = try runGongkai(["backup", backup, "--database", database])
    #expect(backedUp.stdout == "backed up \(database) to \(folder.path)/b\\u{A}x.sqlite\n")
  }

  @Test func aCheckReadsWhileAnotherProcessWrites() throws {
    let database = try register()
    let holder = Process()
    holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    holder.arguments = ["python3", "-c", """
      import sqlite3, sys, time
      c = sqlite3.connect(sys.argv[1], isolation_level=None)
      c.execute("BEGIN IMMEDIATE"); c.execute("INSERT INTO changeLog (at, actor, action, entity, entityId, projectCode) VALUES ('x','x','x','x',0,'x')")
      print("locked", flush=True); time.sleep(20)
      """, database]
    let ready = Pipe()
    holder.standardOutput = ready
    try holder.run()
    defer { holder.terminate() }
    _ = ready.fileHandleForReading.availableData
    let check = try runGongkai(["check", "--as-of", "2026-11-27", "--database", database], environment: ["GONGKAI_BUSY_TIMEOUT": "0.5"])
    #expect(check.status == 0, "\(check.stderr)")
    let list = try runGongkai(["project", "list", "--database", database], environment: ["GONGKAI_BUSY_TIMEOUT": "0.5"])
    #expect(list.stdout.hasPrefix("2026-310110-48-01-000200"))
  }

  /// A morning check of a few alerts puts nothing aside, and runs where `$TMPDIR` is missing; the scratch file a large
  /// one needs is refused there with the folder and the fix (``ScratchFile``'s own test).
  @Test func aSmallCheckRunsWithoutATemporaryFolder() throws {
    let (_, database) = try sampleRegister()
    let missing = Scratch.folder().appendingPathComponent("gone").path
    let result = try runGongkai(["check", "--as-of", "2026-11-27", "--database", database], environment: ["TMPDIR": missing])
    #expect(result.status == 1, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("重大建设项目信息公开时限检查 · 截至 2026-11-27"))
  }

  @Test func anotherProgramsDatabaseAndAnEmptyFileAreLeftAlone() throws {
    let folder = Scratch.folder()
    let other = folder.appendingPathComponent("other.sqlite").path
    try editWithPython(other, "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE foo (x)'); c.commit()")
    let before = fileBytes(other)
    for command in [["check"], ["project", "list"], ["init"]] {
      let result = try runGongkai(command + ["--database", other])
      #expect(result.status == 65, "\(command)")
      #expect(result.stderr == "gongkai: \(other) is not a Gongkai database (another program's SQLite database, an empty one, a device or a pipe); check --database\n")
    }
    #expect(fileBytes(other) == before)

    let empty = folder.appendingPathComponent("empty.sqlite").path
    #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
    #expect(try runGongkai(["check", "--database", empty]).status == 65)
    #expect(fileBytes(empty) == Data())
    #expect(try runGongkai(["init", "--database", empty]).status == 0)
  }

  /// An auditor or a cron job running as another user reads a register in a folder it may not write to. SQLite
  /// must create the `-shm` file there to read, and the message says so, where SQLite's own blamed the file. A
  /// backup, out of WAL mode, needs no `-shm` file and is read where it lies.
  @Test func aRegisterInAFolderTheUserMayNotWriteToSaysWhy() throws {
    let database = try register()
    let folder = (database as NSString).deletingLastPathComponent
    let backup = (folder as NSString).appendingPathComponent("backup.sqlite")
    #expect(try runGongkai(["backup", backup, "--database", database]).status == 0)
    // A copy of the binary where any user may run it: the repository may sit in a home folder.
    let binary = Scratch.folder().appendingPathComponent("gongkai").path
    try FileManager.default.copyItem(atPath: try builtBinary().path, toPath: binary)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder) }
    // Root may write anywhere: as root, run as nobody; as anyone else, as oneself.
    let otherUser = geteuid() == 0 ? "/usr/sbin/runuser -u nobody -- " : ""
    let result = try runShell("\(otherUser)'\(binary)' check --database '\(database)'", environment: ["GONGKAI_CALENDAR_DIR": folder])
    #expect(result.status == 66)
    #expect(result.stderr == "gongkai: cannot open database \(database): this user may not write to \(folder), where SQLite creates register.sqlite-shm to read the register; give the user write access to the folder, or copy the register to a folder it may write to\n")
    let fromBackup = try runShell("\(otherUser)'\(binary)' check --database '\(backup)'", environment: ["GONGKAI_CALENDAR_DIR": folder])
    #expect(fromBackup.status == 0, "\(fromBackup.stderr)")
  }

  /// A register damaged by a disk fault is the right file gone wrong: the message says to restore it, not to check
  /// the path, and `doctor` reports a failed integrity check instead of stopping on the error.
  @Test func aDamagedRegisterIsReportedAsDamaged() throws {
    let (_, database) = try sampleRegister()
    // The root page of the milestones' table, wherever the schema of the day puts it, zeroed as a bad sector would.
    let root = try runShell("sqlite3 '\(database)' \"SELECT rootpage FROM sqlite_schema WHERE name = 'milestone'\"", environment: [:])
    let page = try #require(UInt64(root.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(root.stderr)")
    let file = try FileHandle(forUpdating: URL(fileURLWithPath: database))
    try file.seek(toOffset: (page - 1) * 4096)
    file.write(Data(count: 4096))
    try file.close()
    let check = try gongkai("check", "--database", database)
    #expect(check.status == 65)
    #expect(check.stderr.hasPrefix("gongkai: database \(database) is damaged (database disk image is malformed); keep a copy of it, restore the register from a backup"))
    let doctor = try gongkai("doctor", "--database", database)
    #expect(doctor.status == 1)
    #expect(doctor.stdout.contains("FAILED  integrity check: database disk image is malformed\n"))
    #expect(doctor.stdout.contains("FAILED  checks stopped: the damaged file cannot be read through (database disk image is malformed); "
      + "the register's checks not listed above"))
    #expect(doctor.stderr.isEmpty)
  }

  /// A page whose cells point outside it: SQLite's integrity check names each, one a line as `doctor` lists them (the
  /// report had come as one line with its line breaks escaped), and the checks the damage stops are said not to have run.
  @Test func aDamagedPageIsReportedProblemByProblem() throws {
    let (_, database) = try sampleRegister()
    let root = try runShell("sqlite3 '\(database)' \"SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_sequence'\"", environment: [:])
    let page = try #require(UInt64(root.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(root.stderr)")
    let file = try FileHandle(forUpdating: URL(fileURLWithPath: database))
    try file.seek(toOffset: (page - 1) * 4096 + 8)
    file.write(Data(Array(repeating: [0x00, 0x00, 0x99, 0x99] as [UInt8], count: 8).joined()))
    try file.close()
    let doctor = try gongkai("doctor", "--database", database)
    #expect(doctor.status == 1)
    let problems = doctor.stdout.split(separator: "\n").filter { $0.hasPrefix("FAILED  integrity check: On tree page \(page) cell ") }
    #expect(problems.count > 1, "\(doctor.stdout)")
    #expect(!doctor.stdout.contains("\\u{A}") && !doctor.stdout.contains("*** in database"), "\(doctor.stdout)")
    #expect(doctor.stdout.contains("FAILED  checks stopped: the damaged file cannot be read through (database disk image is malformed)"),
            "\(doctor.stdout)")
  }

  /// An empty --database, or one naming a folder, is a usage error: nothing is created, not even half a register.
  @Test func anEmptyOrFolderDatabasePathIsAUsageError() throws {
    let result = try runGongkai(["init", "--database", ""])
    #expect(result.status == 64)
    #expect(result.stderr == "gongkai: --database is empty; give the register's file, e.g. --database gongkai.sqlite\n")
    let folder = Scratch.folder()
    let slash = try runGongkai(["init", "--database", "new.sqlite/"], in: folder)
    #expect(slash.status == 64)
    #expect(slash.stderr == "gongkai: --database new.sqlite/ ends in /, as a folder does; name the register's file, e.g. new.sqlite/gongkai.sqlite\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  /// A register created under a group's umask is the group's to write (and so are the files SQLite makes beside it,
  /// in its mode): SQLite alone would create it 0644, and every clerk but its creator would be refused.
  @Test func aNewRegisterTakesItsModeFromTheUmask() throws {
    let folder = Scratch.folder()
    let binary = try builtBinary().path
    for (umask, mode) in [("007", 0o660), ("022", 0o644), ("077", 0o600)] {
      let database = folder.appendingPathComponent("r\(umask).sqlite").path
      #expect(try runShell("umask \(umask) && '\(binary)' init --database '\(database)'", environment: [:]).status == 0)
      let attributes = try FileManager.default.attributesOfItem(atPath: database)
      #expect((attributes[.posixPermissions] as? Int) == mode, "umask \(umask)")
    }
    // A backup has the register's mode, whatever the umask of the account that makes it: restored into the
    // register's place, the group may write it still
    let backup = folder.appendingPathComponent("backup.sqlite").path
    let shared = folder.appendingPathComponent("r007.sqlite").path
    #expect(try runShell("umask 022 && '\(binary)' backup '\(backup)' --database '\(shared)'", environment: [:]).status == 0)
    #expect((try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int) == 0o660)
  }

  /// A portal folder shared by a group: every file of a notice export, its project pages as its index, takes its mode
  /// from the umask, so that another account of the group can export over them (the pages were once made 0644).
  @Test func noticePagesTakeTheirModeFromTheUmaskAsTheIndexDoes() throws {
    let database = try sampleRegister().database
    let binary = try builtBinary().path
    for (umask, mode) in [("002", 0o664), ("022", 0o644)] {
      let out = Scratch.folder().appendingPathComponent("notices").path
      #expect(try runShell("umask \(umask) && '\(binary)' export notices --as-of 2026-11-27 --out '\(out)' --database '\(database)'",
                           environment: [:]).status == 0)
      for name in ["index.html", "feed.atom", "2023-310110-78-01-000087.html"] {
        let attributes = try FileManager.default.attributesOfItem(atPath: out + "/" + name)
        #expect((attributes[.posixPermissions] as? Int) == mode, "umask \(umask): \(name)")
      }
    }
  }

  /// `GONGKAI_DATABASE` set but empty, as a unit's `Environment=` line left without its value, is not unset: a check
  /// would otherwise read whatever gongkai.sqlite its working folder holds and report nothing overdue.
  @Test func anEmptyDatabaseVariableIsAUsageErrorNotTheDefault() throws {
    let folder = Scratch.folder()
    #expect(try runGongkai(["init"], in: folder).status == 0)
    let result = try runGongkai(["check"], in: folder, environment: ["GONGKAI_DATABASE": ""])
    #expect(result.status == 64)
    #expect(result.stderr == "gongkai: GONGKAI_DATABASE is set but empty; set it to the register's file, or unset it for gongkai.sqlite in the current folder\n")
    #expect(try runGongkai(["check", "--database", "gongkai.sqlite"], in: folder, environment: ["GONGKAI_DATABASE": ""]).status == 0)
  }

  /// An export or a backup does not write through a symbolic link, whose target someone who may write to the folder
  /// (a portal's) chose: the link is named, with where it points, and nothing is written there.
  @Test func anOutputThatIsASymbolicLinkIsNotWrittenThrough() throws {
    let database = try register()
    let folder = Scratch.folder()
    let victim = folder.appendingPathComponent("victim.txt")
    try Data("keep".utf8).write(to: victim)
    let link = folder.appendingPathComponent("audit.csv").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim.path)
    let export = try runGongkai(["export", "audit-csv", "--out", link, "--database", database])
    #expect(export.status == 73)
    #expect(export.stderr == "gongkai: cannot write \(link): it is a symbolic link to \(victim.path), which an export does not write through; name the file itself\n")
    let backup = try runGongkai(["backup", link, "--database", database])
    #expect(backup.status == 73)
    #expect(backup.stderr.contains("it is a symbolic link to \(victim.path), which a backup does not write through"))
    #expect(try Data(contentsOf: victim) == Data("keep".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["audit.csv", "victim.txt"])
  }

  /// Run by name from the PATH, as staff and cron run it, gongkai read its rules from a folder of their name in the
  /// current folder, where anyone could leave one: a deadline of 300 days instead of 3. It reads those installed
  /// beside the binary, wherever it is run from.
  @Test func rulesLeftInTheCurrentFolderAreNotRead() throws {
    let binary = try builtBinary()
    let planted = Scratch.folder()
    let resources = "Gongkai_GongkaiReference.resources"
    try FileManager.default.copyItem(at: binary.deletingLastPathComponent().appendingPathComponent(resources),
                                     to: planted.appendingPathComponent(resources))
    let national = planted.appendingPathComponent("\(resources)/rules/national.yaml")
    try Data("profile: national\nrules: [}\n".utf8).write(to: national)
    let command = "cd '\(planted.path)' && PATH='\(binary.deletingLastPathComponent().path)':/usr/bin:/bin \(binary.lastPathComponent) rules"
    let result = try runShell(command, environment: [:])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("规则目录 national："), "\(result.stdout)")
  }

  /// Under the umask a shared register wants (007), the pages were the owner's and the group's alone, and the web
  /// server, under an account of its own, could not serve them: the notices, and the folders the export makes for
  /// them, are readable by all whatever the umask, which keeps its say over who may write them.
  @Test(arguments: [("077", 0o644, 0o755), ("007", 0o664, 0o775)])
  func noticePagesAreReadableByAllWhateverTheUmask(umask: String, pages: Int, folders: Int) throws {
    let (folder, database) = try sampleRegister()
    let binary = try builtBinary().path
    let site = folder.appendingPathComponent("www/site")
    let result = try runShell("umask \(umask); exec '\(binary)' export notices --out '\(site.path)' --as-of 2026-11-27 --database '\(database)'",
                              environment: [:])
    #expect(result.status == 0, "\(result.stderr)")
    let mode = { (path: String) in try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int }
    let names = try FileManager.default.contentsOfDirectory(atPath: site.path)
    #expect(names.count == 6)
    for name in names {
      #expect(try mode(site.appendingPathComponent(name).path) == pages, "\(name)")
    }
    #expect(try mode(site.path) == folders && mode(site.deletingLastPathComponent().path) == folders)
  }

  /// An output folder that is a link leading nowhere was called missing, to be created, which fails: a link under
  /// that name is there. It is named as the link it is.
  @Test func anOutputFolderThatIsABrokenLinkIsNamedAsOne() throws {
    let database = try register()
    let folder = Scratch.folder()
    let (loop, other) = (folder.appendingPathComponent("l1").path, folder.appendingPathComponent("l2").path)
    try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: other)
    try FileManager.default.createSymbolicLink(atPath: other, withDestinationPath: loop)
    let notices = try runGongkai(["export", "notices", "--out", loop, "--database", database])
    #expect(notices.status == 73)
    #expect(notices.stderr == "gongkai: cannot write \(loop): folder \(loop) is a symbolic link whose chain of links does not end (a loop); "
      + "point it at a folder or name another with --out\n")
    let dangling = folder.appendingPathComponent("site").path
    try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "/nonexistent/site")
    let csv = try runGongkai(["export", "audit-csv", "--out", dangling + "/audit.csv", "--database", database])
    #expect(csv.status == 73)
    #expect(csv.stderr.contains("folder \(dangling) is a symbolic link to /nonexistent/site, which does not exist; "), "\(csv.stderr)")
  }

  /// `--out` naming the register (a slip of the shell's history: `--out register.sqlite`) replaced every record with
  /// the export. Every export that writes a file refuses it, and another register too, whatever its name, and the
  /// files SQLite keeps beside one, there or not (SQLite would read a journal made of an export as an unfinished
  /// write's); the register is left as it was and still opens.
  @Test(arguments: [
    ["export", "audit-csv"], ["export", "json"], ["export", "oc4ids"], ["export", "change-log"],
    ["export", "project", "2023-310110-78-01-000087"], ["report", "--format", "csv"],
  ])
  func anExportNeverReplacesARegister(command: [String]) throws {
    let (folder, database) = try sampleRegister()
    let other = folder.appendingPathComponent("copy.txt").path
    try FileManager.default.copyItem(atPath: database, toPath: other)
    let before = try Data(contentsOf: URL(fileURLWithPath: database))
    for (out, what) in [
      (database, "an SQLite database (a register?)"), (other, "an SQLite database (a register?)"),
      (database + "-journal", "a file SQLite keeps beside the database \(database)"),
    ] {
      let result = try runGongkai(command + ["--out", out, "--database", database])
      #expect(result.status == 73, "\(command) \(result.stderr)")
      #expect(result.stderr == "gongkai: cannot write \(out): it is \(what), which an export never replaces; name another file with --out\n")
    }
    #expect(!FileManager.default.fileExists(atPath: database + "-journal"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
    #expect(try runGongkai(["check", "--as-of", "2026-11-27", "--database", database]).status == 1)
  }

  /// A notice export replaces the index and the feed and removes the pages of projects withdrawn as registered by
  /// mistake: a database, or a folder, under one of those names is refused (73) before the first page is written,
  /// and the folder, the thing under the name included, is left as it was.
  @Test func aNoticeExportRefusesWhatItWouldReplaceOrRemoveBeforeWritingAPage() throws {
    let (folder, database) = try sampleRegister()
    let notices = folder.appendingPathComponent("notices").path
    let withdrawn = "2025-310110-47-01-000031"
    #expect(try runGongkai(["export", "notices", "--out", notices, "--as-of", "2026-11-27", "--database", database]).status == 0)
    #expect(try runGongkai(["project", "withdraw", withdrawn, "--reason", "误登", "--yes", "--database", database]).status == 0)
    func contents() throws -> [String: Data] {
      let names = try FileManager.default.contentsOfDirectory(atPath: notices)
      return Dictionary(uniqueKeysWithValues: try names.map { name in
        let path = notices + "/" + name
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        return (name, isFolder.boolValue ? Data("folder".utf8) : try Data(contentsOf: URL(fileURLWithPath: path)))
      })
    }
    let removing = "under the name of the page of a project withdrawn as registered by mistake, which the export removes; "
      + "move it out of the folder, or name another folder with --out"
    let replacing = "which an export never replaces; move it out of the folder, or name another folder with --out"
    for (name, isFolder, reason) in [
      ("\(withdrawn).md", false, "an SQLite database (a register?) \(removing)"),
      ("\(withdrawn).html", true, "a folder \(removing)"),
      ("feed.atom", false, "an SQLite database (a register?), \(replacing)"),
      ("index.html", false, "an SQLite database (a register?), \(replacing)"),
    ] {
      let path = notices + "/" + name
      try? FileManager.default.removeItem(atPath: path)
      if isFolder {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
      } else {
        try FileManager.default.copyItem(atPath: database, toPath: path)
      }
      let before = try contents()
      let result = try runGongkai(["export", "notices", "--out", notices, "--as-of", "2026-11-28", "--database", database])
      #expect(result.status == 73, "\(name): \(result.stderr)")
      #expect(result.stderr.hasSuffix("gongkai: cannot write \(path): it is \(reason)\n"), "\(result.stderr)")
      #expect(try contents() == before, "\(name)")
      try FileManager.default.removeItem(atPath: path)
    }
    let done = try runGongkai(["export", "notices", "--out", notices, "--as-of", "2026-11-28", "--database", database])
    #expect(done.status == 0, "\(done.stderr)")
    #expect(!FileManager.default.fileExists(atPath: notices + "/\(withdrawn).md"))
  }

  /// A file name longer than the system allows is refused before the work, as the wrong name it is (73, with the
  /// limit), not after the whole export was written, as a failing disk (74) it is not.
  @Test func anOutputNameTooLongIsRefusedBeforeAnythingIsWritten() throws {
    let database = try register()
    let folder = Scratch.folder()
    let stem = String(repeating: "长", count: 90)
    for (arguments, limit) in [
      (["export", "audit-csv", "--out"], 255), (["report", "--year", "2026", "--out"], 255), (["export", "oc4ids", "--out"], 255),
      (["backup"], 247),
    ] {
      let path = folder.appendingPathComponent("\(stem).out").path
      let result = try runGongkai(arguments + [path, "--database", database])
      #expect(result.status == 73, "\(arguments)")
      #expect(result.stderr.contains("its name is 274 bytes") && result.stderr.contains("\(limit)"), "\(arguments): \(result.stderr)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func outputThatCannotBeWrittenIsAnError() throws {
    let database = try register()
    let full = try runGongkai(["export", "project", "2026-310110-48-01-000200", "--out", "/dev/full", "--database", database])
    #expect(full.status == 73)
    #expect(full.stderr.contains("it exists and is not a regular file"))
    let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/full")
    #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial)

    func intoFullDisk(_ arguments: [String], closedPipe: Bool = false, closed: Bool = false) throws -> (status: Int32, message: String) {
      let process = Process()
      process.executableURL = try builtBinary()
      process.arguments = arguments
      if closed {
        // Closed outright, as `>&-` in a cron line leaves it
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$0\" \"$@\" >&-", try builtBinary().path] + arguments
      } else if closedPipe {
        // A reader that has gone away, as `| head` leaves one
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        process.standardOutput = pipe
      } else {
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
      }
      let errors = Pipe()
      process.standardError = errors
      try process.run()
      let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      return (process.terminationStatus, message)
    }
    for arguments in [["project", "list", "--database", database], ["rules"], ["check", "--format", "json", "--database", database]] {
      let (status, message) = try intoFullDisk(arguments)
      #expect(status == 74, "\(arguments)")
      #expect(message.contains("cannot write standard output"), "\(arguments)")
    }
    // A write that was committed before its confirmation was lost says so: running it again would record it twice.
    let (status, message) = try intoFullDisk(["log", "2026-310110-48-01-000200", "bidding.contract", "--date", "2026-11-02", "--database", database])
    #expect(status == 74)
    #expect(message.contains("but the register was written: the change stands"), "\(message)")
    #expect(try runGongkai(["project", "show", "2026-310110-48-01-000200", "--database", database]).stdout.contains("bidding.contract"))
    let (piped, pipeMessage) = try intoFullDisk(["log", "2026-310110-48-01-000200", "bidding.result", "--date", "2026-11-02", "--database", database],
                                                closedPipe: true)
    #expect(piped == 74)
    #expect(pipeMessage.contains("but the register was written: the change stands"), "\(pipeMessage)")
    // An export written whole is said to be, so that its confirmation lost does not read as a broken file
    let exported = Scratch.folder().appendingPathComponent("disclosures.json").path
    let (exportStatus, exportMessage) = try intoFullDisk(["export", "json", "--out", exported, "--database", database])
    #expect(exportStatus == 74)
    #expect(exportMessage.contains("but \(exported) was written whole: only this confirmation was lost"), "\(exportMessage)")
    #expect(FileManager.default.fileExists(atPath: exported))
    // Nothing written, nothing said to stand
    let (unchanged, unchangedMessage) = try intoFullDisk(["init", "--database", database])
    #expect(unchanged == 74 && unchangedMessage.contains("the output is incomplete"), "\(unchangedMessage)")
    // Standard error gone too (`2>&1 | head` once it stops reading): the status still says what happened
    let both = Process()
    both.executableURL = try builtBinary()
    both.arguments = ["log", "2026-310110-48-01-000200", "bidding.candidates", "--date", "2026-11-05", "--database", database]
    let closed = Pipe()
    try closed.fileHandleForReading.close()
    (both.standardOutput, both.standardError) = (closed, closed)
    try both.run()
    both.waitUntilExit()
    #expect(both.terminationReason == .exit && both.terminationStatus == 74, "\(both.terminationReason) \(both.terminationStatus)")
    // Standard output closed (`>&-` in a cron line): the output and a write's confirmation were lost with status 0 or
    // 1, as gongkai held the descriptor with /dev/null; writing there now fails as it does into a full disk.
    let check = try intoFullDisk(["check", "--format", "json", "--as-of", "2026-11-27", "--database", database], closed: true)
    #expect(check.status == 74, "\(check.message)")
    #expect(check.message.contains("cannot write standard output (disk full, pipe or output closed); the output is incomplete"),
            "\(check.message)")
    // Help and the version too, as cron mail of a wrapper script would otherwise show nothing wrong
    for arguments in [["--version"], ["check", "--help"]] {
      #expect(try intoFullDisk(arguments, closed: true).status == 74, "\(arguments)")
    }
    let logged = try intoFullDisk(["log", "2026-310110-48-01-000200", "bidding.clarification", "--date", "2026-11-02", "--database", database], closed: true)
    #expect(logged.status == 74)
    #expect(logged.message.contains("but the register was written: the change stands"), "\(logged.message)")
  }

  /// Every write records who made it: an account without a login name (a container's bare uid) is asked for one
  /// rather than recorded as nobody in particular. Needs root, to run as such an account, as CI does.
  @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
  func aWriteByAnAccountWithoutANameIsRefused() throws {
    let database = try register()
    let folder = (database as NSString).deletingLastPathComponent
    for path in [folder, database] { try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: path) }
    let before = fileBytes(database)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
    process.arguments = ["--reuid=54321", "--regid=54321", "--clear-groups", try builtBinary().path,
                         "log", "2026-310110-48-01-000200", "bidding.contract", "--date", "2026-11-02", "--database", database]
    process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 64)
    #expect(message == "gongkai: no name for who makes this change: account 54321 has no login name; give --by NAME, or set "
      + "GONGKAI_USER (e.g. in the service or cron line)\n")
    #expect(fileBytes(database) == before)
  }

  /// A blank $GONGKAI_USER, as an empty one, is unset: the change is recorded as the login name's.
  @Test func aBlankUserVariableRecordsTheLoginName() throws {
    let database = try register()
    for blank in ["", "  "] {
      let logged = try runGongkai(["log", "2026-310110-48-01-000200", "bidding.contract", "--date", "2026-11-0\(blank.count + 2)",
                                   "--database", database], environment: ["GONGKAI_USER": blank, "USER": "wang"])
      #expect(logged.status == 0, "\(logged.stderr)")
    }
    let history = try runGongkai(["history", "2026-310110-48-01-000200", "--format", "json", "--database", database])
    let actors = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]]).compactMap { $0["actor"] as? String }
    #expect(actors.suffix(2) == ["wang", "wang"])
  }

  @Test func machineFormatsStayValidWhenNothingIsFound() throws {
    let database = try register()
    let json = try runGongkai(["check", "--format", "json", "--database", database])
    #expect(json.status == 0)
    #expect(json.stdout == "[]\n")
    let csv = try runGongkai(["check", "--format", "csv", "--database", database])
    #expect(csv.stdout.hasPrefix("projectCode,projectName,milestoneId"))
    #expect(csv.stdout.components(separatedBy: "\r\n").count == 2)
    #expect(try runGongkai(["check", "--database", database]).stdout.isEmpty)
  }

  @Test func textArgumentsAreTrimmedSoDuplicatesAreCaught() throws {
    let database = try register()
    #expect(try runGongkai(["log", "2026-310110-48-01-000200", "bidding.contract", "--date", "2026-11-02", "--ref", "HT-1", "--database", database]).status == 0)
    let again = try runGongkai(["log", "2026-310110-48-01-000200", "bidding.contract", "--date", "2026-11-02", "--ref", " HT-1 ", "--database", database])
    #expect(again.status == 65)
    #expect(again.stderr.contains("is already recorded as milestone 1"))
  }

  @Test func theChangeLogNamesTheLoginUserWithoutEnvironment() throws {
    let database = try register()
    let history = try runGongkai(["history", "2026-310110-48-01-000200", "--format", "json", "--database", database])
    let entries = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
    #expect(entries[0]["actor"] as? String == NSUserName())
    #expect((entries[0]["after"] as? [String: Any])?["name"] as? String == "江浦路桥梁改建工程")
  }

  @Test func aSpreadsheetInUTF16WithoutMarkIsRefusedInOneLine() throws {
    let database = try register()
    let file = Scratch.folder().appendingPathComponent("u16.csv")
    try #require("project,kind,formed\n".data(using: .utf16LittleEndian)).write(to: file)
    let result = try runGongkai(["import", "milestones", file.path, "--database", database])
    #expect(result.status == 65)
    #expect(result.stderrLines.count == 1)
    #expect(result.stderr.contains("this is UTF-16 text (Excel's “Unicode 文本 (*.txt)”"))
    #expect(!result.stderr.contains("\u{0}"))
  }

  /// A named pipe no program writes to: opening it would wait for a writer for ever, so it is refused by its type.
  @Test(.timeLimit(.minutes(1))) func aSpreadsheetThatIsAPipeNobodyWritesToIsRefusedAtOnce() throws {
    let database = try register()
    let pipe = Scratch.folder().appendingPathComponent("rows.csv").path
    #expect(mkfifo(pipe, 0o600) == 0)
    let result = try runGongkai(["import", "milestones", pipe, "--database", database])
    #expect(result.status == 66)
    #expect(result.stderr == "gongkai: \(pipe): is a pipe or a device, and a spreadsheet is read twice (once to tell its encoding); save it to a file and name that\n")
  }

  /// A table dropped by another program is an edit outside gongkai (65), not a disk to free space on (74).
  @Test(arguments: ["register", "changeLog", "disclosure"])
  func aTableDroppedByAnotherProgramIsAnEditOutsideGongkai(table: String) throws {
    let (_, database) = try sampleRegister()
    try editWithPython(database, "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DROP TABLE \(table)'); c.commit()")
    let check = try runGongkai(["check", "--as-of", "2026-11-27", "--database", database])
    #expect(check.status == 65)
    #expect(check.stderr == "gongkai: \(database): no such table: \(table): the database was edited outside gongkai, or its file is damaged; run `gongkai doctor`\n")
  }

  @Test func aSpreadsheetListsUnknownProjectsWithTheOtherProblems() throws {
    let database = try register()
    let file = Scratch.folder().appendingPathComponent("rows.csv")
    try Data("""
      project,kind,formed
      2026-310110-48-01-000999,bidding.result,2026-01-05
      2026-310110-48-01-000200,bidding.nothing,2026-01-05

      """.utf8).write(to: file)
    let result = try runGongkai(["import", "milestones", file.path, "--database", database])
    #expect(result.status == 65)
    #expect(result.stderrLines == [
      "gongkai: \(file.path):2: project: unknown project '2026-310110-48-01-000999'; register it first with `gongkai project add` "
        + "if it is new (`gongkai project list` shows the registered codes)",
      "gongkai: \(file.path):3: kind: unknown item kind 'bidding.nothing'; use the code of a kind the rules define (`gongkai rules` lists the codes)",
    ])
  }
}
