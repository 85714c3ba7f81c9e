import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiFileSystem
import GongkaiStore

extension Gongkai {
  struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create the register database, or bring an existing one to this version's schema.",
      discussion: """
        Safe to run again: an up-to-date database is left as it is. A database of an earlier gongkai is upgraded \
        only here (other commands refuse it), and the earlier gongkai cannot read it afterwards: copy it first. A \
        damaged one is refused (65), not upgraded.

        The register records the rules profile it is kept under (--profile, --profile-file; default national), and \
        every command on it applies that profile. Changing the profile of an existing register changes its \
        deadlines, so it takes --change-profile, and the change log records who changed it, when, before and after \
        (`gongkai history`).

        --organisation records the organisation code the register's 索引号 are numbered under \
        (<code>-<YYYY>-<NNNNN>), which every export then uses, so that the portal, the feed, the audit CSV and the \
        open data number a publication alike; without one each project's division code stands in. Changing a \
        recorded code renumbers every 索引号 published, so it takes --change-organisation.

        Examples:
          gongkai init --profile shanghai --organisation 1131011000242443XF
          gongkai init --change-profile --profile shanghai \\
              --profile-file yangpu.yaml --by 张三
        """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesOptions
    @Flag(name: .customLong("change-profile"), help: "Change the profile of an existing register to the one given.")
    var changeProfile = false
    @Option(name: .customLong("organisation"), help: ArgumentHelp(
      "The organisation code every export numbers the register's 索引号 under, e.g. the publishing body's 统一社会信用代码.",
      valueName: "code"), transform: trimmed)
    var organisation: String?
    @Flag(name: .customLong("change-organisation"), help: "Change the organisation code the register records to the one given.")
    var changeOrganisation = false
    @OptionGroup var actor: ActorOptions

    func validate() throws {
      // Typed, not inherited: a GONGKAI_PROFILE left from an earlier setup must not change a register's profile.
      if changeProfile && rules.profile == nil && rules.profileFiles.isEmpty {
        throw ValidationError("--change-profile needs the new profile: give --profile NAME and any --profile-file FILE")
      }
      if changeOrganisation && organisation == nil {
        throw ValidationError("--change-organisation needs the new code: give --organisation CODE")
      }
      if let organisation { try OrganisationCode.require(organisation, named: "--organisation") }
    }

    func run() async throws {
      do {
        try await initialize()
      } catch StoreError.appeared {
        // Another `init` created the register first, and this one wrote nothing: go on as on a register that exists
        // (the same profile is left as it is; another is refused as a change, as on any existing register).
        try await initialize()
      }
    }

    private func initialize() async throws {
      let existed = FileManager.default.fileExists(atPath: store.path)
      // A change is of a register that exists: a mistyped path would otherwise become a new, empty register, which a
      // cron check would then find nothing overdue in.
      if let flag = changeProfile ? "--change-profile" : changeOrganisation ? "--change-organisation" : nil, !existed {
        let what = changeProfile ? "profile" : "organisation code"
        throw CommandFailure(status: .noInput, message: """
          database \(Terminal.field(store.path))\(store.database == nil ? " (GONGKAI_DATABASE)" : "") not found; \(flag) \
          changes the \(what) of an existing register: check the path, or create the register with `gongkai init` and the \
          \(what), without \(flag)
          """)
      }
      // Decided before the register is opened for writing, so that a refused profile leaves the file as it was,
      // not upgraded (one that does not define kinds the register holds is refused once it is open, and an upgrade
      // made on opening is then said). Without --change-profile, the profile given must be the register's, and a mismatch is told
      // as every other command tells it (a profile file left out is to be given, not the profile changed).
      let recorded = existed ? try await recordedProfile() : nil
      let catalogue: RuleCatalogue? = switch (rules.isGiven, recorded) {
      case (false, _): nil
      case (true, let recorded?) where !changeProfile: try rules.loadCatalogue(keptUnder: recorded, register: store.path)
      case (true, _): changeProfile ? try rules.loadTypedCatalogue() : try rules.loadCatalogue()
      }
      // Like the profile, before anything is written: a refused name must not leave the register created or upgraded.
      // Only for a change to log: `init` with the register's own profile stays safe to run again.
      let change = catalogue.flatMap { $0.profile != recorded ?? RegisterProfile.national ? $0 : nil }
      // The same profile given to --change-profile, its file edited since: its rules are checked against the register
      // as a change's are, and nothing is logged, as nothing changes.
      let recheck = existed && changeProfile && change == nil ? catalogue : nil
      let recordedOrganisation = existed ? try await self.recordedOrganisation() : nil
      // An empty file becomes a register: its profile and code are both its first, not two changes.
      let organisationChange = try organisationChange(from: recordedOrganisation, profileChanged: recorded != nil && change != nil)
      let changedBy = change == nil && recheck == nil && organisationChange == nil ? nil : try actor.actor()
      // A new register is created whole, with its settings from the start, or not at all.
      let register = existed ? try store.open(create: true) : try store.create(settings: changedBy.map {
        InitialSettings(rules: change, organisation: organisationChange, actor: $0, today: StoreOptions.today())
      })
      let versions = try await register.appliedSchemaVersions()
      let schema = "schema \(versions.last ?? "none") (\(versions.count) migrations)"
      var lines = [register.upgradedFrom.map { "upgraded \(Terminal.field(store.path)) from schema \($0) to \(schema)" }
        ?? (existed && recorded != nil ? "database \(Terminal.field(store.path)) already exists: \(schema)"
          : "created \(Terminal.field(store.path))\(existed ? " in the empty file" : ""): \(schema)")]
      if existed, let change, let changedBy {
        let before = try await sayingUpgrade(lines[0], of: register) {
          try await register.setProfile(change, actor: changedBy, today: StoreOptions.today())
        }
        lines.append(recorded == nil ? "profile \(change.profile)" : "profile changed from \(before) to \(change.profile)")
      } else if let recheck, let changedBy {
        _ = try await register.setProfile(recheck, actor: changedBy, today: StoreOptions.today())
        lines.append("profile \(recheck.profile), unchanged: the register holds nothing its rules refuse")
      } else {
        lines.append("profile \(try await register.profile())")
      }
      var renumbered = 0
      if existed, let organisationChange, let changedBy {
        let found = try await sayingUpgrade(lines[0], of: register) {
          try await register.setOrganisation(organisationChange, replacing: recordedOrganisation, actor: changedBy)
        }
        // Another `init` recorded a code since this one read it: nothing was written; the same code is what was asked.
        guard found == recordedOrganisation || found == organisationChange else {
          throw CommandFailure(status: .busy, message: """
            the register's organisation code became \(found ?? "none") while this command ran (another `gongkai init`), so \
            \(organisationChange) was not recorded; run `gongkai init` to see the code, and --change-organisation to change it
            """)
        }
        lines.append(found != recordedOrganisation ? "organisation \(organisationChange), unchanged"
          : recordedOrganisation.map { "organisation changed from \($0) to \(organisationChange): every 索引号 is numbered under it from now on" }
            ?? "organisation \(organisationChange): every export numbers the 索引号 under it from now on")
        if found == recordedOrganisation { renumbered = try await register.numberedPublications() }
      } else if let code = organisationChange ?? recordedOrganisation {
        lines.append("organisation \(code)" + (changeOrganisation ? ", unchanged" : ""))
      }
      // Said once everything is written; an existing register, neither upgraded nor changed, wrote nothing.
      let wrote = !existed || register.upgradedFrom != nil || change != nil || organisationChange != nil
      let said = lines.joined(separator: "\n")
      try StandardOutput.confirm(said, written: wrote)
      if renumbered > 0, let organisationChange {
        Terminal.warning(Self.renumbering(renumbered, from: recordedOrganisation, to: organisationChange))
      }
      if let organisationChange, let problem = OrganisationCode.creditCodeProblem(organisationChange) {
        Terminal.warning("--organisation \(problem); while nothing is exported under it, `gongkai init --organisation CODE "
          + "--change-organisation` corrects it without renumbering a published 索引号")
      }
      if !existed { Self.warnIfGroupMayNotWrite(store.path) }
    }

    /// A register made in a folder with the setgid bit, the way the README shares one among a group's accounts, whose
    /// mode (from the umask) does not let that group write it: SQLite gives the files beside it the same mode, and each
    /// account's would lock the others out. Said at once, with the fix, rather than at the first refused write.
    private static func warnIfGroupMayNotWrite(_ path: String) {
      let folder = FilePath.physicalParent(of: path)
      guard let folderMode = (try? FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions]) as? Int,
        let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int,
        folderMode & Int(S_ISGID) != 0, mode & 0o020 == 0
      else { return }
      Terminal.warning("""
        \(path) was made with mode \(String(mode, radix: 8)) (the umask's) in a folder shared by its group, which may then not \
        write it, nor the files SQLite makes beside it: chmod g+w \(ShellWord.quoted(path)), and run `init` under umask 007 \
        (README: Shared by several accounts)
        """)
    }

    /// What recording `code` did to the 索引号 of the `count` publications earlier exports numbered under `former` (or
    /// each project's division code): staff must export again what they published. Exports made with
    /// `GONGKAI_ORGANISATION` set to the code numbered them as they now stand; only those made without it are named.
    static func renumbering(_ count: Int, from former: String?, to code: String) -> String {
      let publications = counted(count, "publication")
      let exportAgain = "export the notices, the open data and the audit CSV again, so that what is published carries the numbers that stand"
      if former == nil, IndexNumberOptions.inherited == code {
        return """
          the exports made with GONGKAI_ORGANISATION=\(code) numbered the \(publications) the register records as they stand; \
          any made without it numbered them under their projects' division codes: \(exportAgain)
          """
      }
      return "the \(publications) the register records had other 索引号 in the exports made before, numbered under "
        + "\(former ?? "their projects' division codes"): \(exportAgain)"
    }

    /// Runs a change of the register's settings; where the store refuses it after opening upgraded the schema, the
    /// refusal is of the change only, and `upgrade` is said (if it can be: the refusal is what the status reports).
    private func sayingUpgrade<T>(_ upgrade: String, of register: any Store, _ change: () async throws -> T) async throws -> T {
      do {
        return try await change()
      } catch let refusal as StoreError where register.upgradedFrom != nil {
        try? StandardOutput.print(upgrade)
        throw refusal
      }
    }

    /// The organisation code to record: the one given, where the register records none or another; refused where it
    /// is another without --change-organisation, as it renumbers every 索引号 the register has published, and with
    /// a change of profile, which is a change of its own.
    private func organisationChange(from recorded: String?, profileChanged: Bool) throws -> String? {
      guard let organisation, organisation != recorded else { return nil }
      if let recorded, !changeOrganisation {
        throw CommandFailure.usage("""
          the register's 索引号 are numbered under the organisation code \(recorded), not \(organisation); changing it renumbers \
          every 索引号 the register has published: give --change-organisation to change it, or drop --organisation
          """)
      }
      if profileChanged {
        throw CommandFailure.usage("--change-profile and a new --organisation are two changes of the register: make them one at a time")
      }
      return organisation
    }

    /// The profile an existing register is kept under, read without upgrading it. Nil for a file that opening would
    /// create a register in.
    private func recordedProfile() async throws -> String? {
      do {
        return try await store.open().profile()
      } catch StoreError.olderSchema {
        return try store.recordedProfile()
      } catch StoreError.notADatabase {
        return nil  // an empty file becomes a register; anything else is refused by the open that follows
      }
    }

    /// The organisation code an existing register records, read without upgrading it: none before it could record one.
    private func recordedOrganisation() async throws -> String? {
      do {
        return try await store.open().organisation()
      } catch StoreError.olderSchema, StoreError.notADatabase {
        return nil
      }
    }
  }
}
