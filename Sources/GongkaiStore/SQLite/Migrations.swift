import GRDB

extension SQLiteStore {
  /// The schema's history. A shipped migration is never edited; a change is a new migration. Migrations use
  /// table and column names, not app types, because they describe past states. The one exception,
  /// `v4-change-chain`, hashes with ``ChangeChain``: the chain's format is fixed by every register that holds a
  /// chain, so it cannot change without a migration of its own either.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()

    migrator.registerMigration("v1-register") { db in
      try db.create(table: "project") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("code", .text).notNull().unique()
        t.column("name", .text).notNull()
        t.column("legalPerson", .text)
        t.column("location", .text)
        t.column("totalInvestment", .text)
        t.column("responsibleUnit", .text).notNull()
      }
      try db.create(table: "milestone") { t in
        t.autoIncrementedPrimaryKey("id")
        t.belongsTo("project", onDelete: .restrict).notNull()
        t.column("kind", .text).notNull()
        t.column("category", .text).notNull()
        t.column("formedOn", .text).notNull()
        t.column("reference", .text)
        t.column("summary", .text)
        t.column("responsibleUnit", .text)
        t.column("changesId", .integer).references("milestone", onDelete: .restrict)
        t.column("withdrawnReason", .text)
        t.column("recordedBy", .text).notNull()
        t.column("recordedAt", .text).notNull()
      }
      // One milestone per kind, day and document number in a project, withdrawn ones aside.
      try db.execute(sql: """
        CREATE UNIQUE INDEX milestone_natural_key ON milestone(projectId, kind, formedOn, IFNULL(reference, ''))
          WHERE withdrawnReason IS NULL;
        CREATE INDEX milestone_by_project_date ON milestone(projectId, formedOn, id);
        """)
      try db.create(table: "disclosure") { t in
        t.autoIncrementedPrimaryKey("id")
        t.belongsTo("milestone", onDelete: .restrict).notNull()
        t.column("publishedOn", .text).notNull()
        t.column("channel", .text).notNull()
        t.column("url", .text)
        t.column("until", .text)
        t.column("withdrawnReason", .text)
        t.column("recordedBy", .text).notNull()
        t.column("recordedAt", .text).notNull()
      }
      try db.execute(sql: """
        CREATE UNIQUE INDEX disclosure_natural_key ON disclosure(milestoneId, publishedOn, channel)
          WHERE withdrawnReason IS NULL;
        """)
    }

    migrator.registerMigration("v2-change-log") { db in
      try db.create(table: "changeLog") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("at", .text).notNull()
        t.column("actor", .text).notNull()
        t.column("action", .text).notNull()
        t.column("entity", .text).notNull()
        t.column("entityId", .integer).notNull()
        t.column("projectCode", .text).notNull()
        t.column("before", .text)
        t.column("after", .text)
      }
      try db.create(index: "changeLog_by_project", on: "changeLog", columns: ["projectCode", "id"])
    }

    // Each publication gets a permanent serial in the year it was published, for the portal's 索引号
    // (<organisation>-<YYYY>-<NNNNN>): assigned once, never reused, withdrawn ones included.
    migrator.registerMigration("v3-notice-serial") { db in
      try db.alter(table: "disclosure") { t in
        t.add(column: "serialYear", .integer)
        t.add(column: "serial", .integer)
      }
      try db.execute(sql: """
        UPDATE disclosure SET serialYear = CAST(substr(publishedOn, 1, 4) AS INTEGER),
          serial = (SELECT COUNT(*) FROM disclosure d2
                    WHERE substr(d2.publishedOn, 1, 4) = substr(disclosure.publishedOn, 1, 4) AND d2.id <= disclosure.id);
        CREATE UNIQUE INDEX disclosure_serial ON disclosure(serialYear, serial);
        """)
    }

    // The change log becomes a hash chain (tamper evidence); existing rows are chained in id order.
    migrator.registerMigration("v4-change-chain") { db in
      try db.alter(table: "changeLog") { t in t.add(column: "hash", .text) }
      var previous = ""
      let rows = try Row.fetchAll(db, sql: "SELECT * FROM changeLog ORDER BY id")
      for row in rows {
        // A statement a row, each too short for the progress handler to break off: a signal is looked for here.
        guard !WriteInterruption.isRequested.load(ordering: .relaxed) else { throw WriteInterruption.interrupted }
        let record = ChangeLogRecord(
          id: try row.decode(forColumn: "id"), at: try row.decode(forColumn: "at"), actor: try row.decode(forColumn: "actor"),
          action: try row.decode(forColumn: "action"), entity: try row.decode(forColumn: "entity"),
          entityId: try row.decode(forColumn: "entityId"), projectCode: try row.decode(forColumn: "projectCode"),
          before: try row.decode(forColumn: "before"), after: try row.decode(forColumn: "after"), hash: nil)
        previous = ChangeChain.hash(previous: previous, record)
        try db.execute(sql: "UPDATE changeLog SET hash = ? WHERE id = ?", arguments: [previous, record.id])
      }
    }

    // The register's own settings, in one row (id 1): the rules profile it is kept under, the profiles applied
    // base first as a catalogue names them (`national+shanghai+yangpu`), so that a command run without --profile
    // (a cron check) applies the register's periods rather than the national ones. No row is `national`: what
    // every earlier register counts as, and what a register created without --profile is kept under. The row is
    // written through the change log like every other, so `audit verify` names a profile edited outside gongkai.
    migrator.registerMigration("v5-register-profile") { db in
      try db.execute(sql: "CREATE TABLE register (id INTEGER PRIMARY KEY CHECK (id = 1), profile TEXT NOT NULL)")
    }

    // `gongkai amend` states why (`--reason`): the milestone keeps the reason of its last correction, logged in the
    // amendment's change-log row as a withdrawal's reason is, so the reason is in the hash chain and `audit verify`
    // names one edited outside gongkai. Amendments are logged with their own action, `amend`, so that they are told
    // apart from the register's other updates of a milestone (an import's, a unit kept by `project edit --unit`);
    // a partial index holds those rows alone, for the audit CSV to read a milestone's corrections by one lookup,
    // and no other write maintains it.
    migrator.registerMigration("v6-amendment-reason") { db in
      try db.execute(sql: """
        ALTER TABLE milestone ADD COLUMN amendmentReason TEXT;
        CREATE INDEX changeLog_amendments ON changeLog(entityId, id) WHERE entity = 'milestone' AND action = 'amend';
        """)
    }

    // The changes and withdrawals that name a milestone, which `withdraw` and `amend` look up: without an index,
    // a scan of every milestone (1.2 s at ten million) for each correction. Partial: only changes have a link.
    migrator.registerMigration("v7-change-links") { db in
      try db.execute(sql: "CREATE INDEX milestone_by_change ON milestone(changesId) WHERE changesId IS NOT NULL")
    }

    // The change log by the row it changes, in order: `audit verify` (which every export runs first) reads each
    // row's last change. Without the index SQLite grouped and sorted the whole log, with every row's values, in
    // temporary files (3.6 s of 10 at 100,000 projects, gigabytes in $TMPDIR at a million); with it, the rows come
    // in order straight from the index, and only the last change of each is read.
    migrator.registerMigration("v8-change-log-by-row") { db in
      try db.execute(sql: "CREATE INDEX changeLog_by_row ON changeLog(entity, entityId, id)")
    }

    // The natural key with the 文号 before the day: the same key, so the same milestones are unique, but an import
    // asking whether a new row's kind and 文号 are recorded on another day (a date corrected in the file) finds them
    // in one seek. Ordered by day, the index made it read every milestone of the kind in the project, a read per
    // row of a project that holds thousands of one kind: quadratic.
    migrator.registerMigration("v9-natural-key-by-reference") { db in
      try db.execute(sql: """
        DROP INDEX IF EXISTS milestone_natural_key;
        CREATE UNIQUE INDEX milestone_natural_key ON milestone(projectId, kind, IFNULL(reference, ''), formedOn)
          WHERE withdrawnReason IS NULL;
        """)
    }

    // The milestone keys that updates and amendments replaced, by project: an import looks up each new row's key
    // there (a file written before an amendment names the milestone by its old date or 文号). The lookup read the
    // project's whole change log once a project held any update, a read per new row of a project that holds
    // thousands: quadratic. Partial: only a milestone's updates and amendments are in it.
    migrator.registerMigration("v10-replaced-milestone-keys") { db in
      try db.execute(sql: """
        CREATE INDEX changeLog_milestone_keys_replaced ON changeLog(
          projectCode, json_extract(before, '$.kind'), json_extract(before, '$.formedOn'),
          IFNULL(json_extract(before, '$.reference'), ''))
          WHERE entity = 'milestone' AND action IN ('update', 'amend');
        """)
    }

    // The milestones a change or withdrawal stopped or started naming after both were recorded (`amend --changes`,
    // a project file imported with another link): the feed dates such an item by it, or its readers keep it shown as
    // changed or withdrawn, or never see it become so. Partial: only the updates and amendments of milestones that
    // named one before, or after, are in them.
    migrator.registerMigration("v11-links-moved") { db in
      try db.execute(sql: """
        CREATE INDEX changeLog_links_left ON changeLog(json_extract(before, '$.changesId'))
          WHERE entity = 'milestone' AND action IN ('update', 'amend') AND json_extract(before, '$.changesId') IS NOT NULL;
        CREATE INDEX changeLog_links_arrived ON changeLog(json_extract(after, '$.changesId'))
          WHERE entity = 'milestone' AND action IN ('update', 'amend') AND json_extract(after, '$.changesId') IS NOT NULL;
        """)
    }

    // A project registered by mistake (a wrong code, another district's project file imported) is withdrawn as a
    // milestone is: it stays on record, logged, with the reason, and leaves the public notices and every count.
    migrator.registerMigration("v12-project-withdrawal") { db in
      try db.execute(sql: "ALTER TABLE project ADD COLUMN withdrawnReason TEXT")
    }

    // A project withdrawn by mistake (the wrong one of two codes, a script that passed --yes) is reinstated with the
    // milestones its withdrawal took: its code is its identity, and nothing else could bring its record back.
    migrator.registerMigration("v13-project-reinstatement") { db in
      try db.execute(sql: "ALTER TABLE project ADD COLUMN reinstatedReason TEXT")
    }

    // A project registered under a wrong code gets its right one in place (`project recode`), keeping its record,
    // history and 索引号; the project keeps the reason of its last correction. The log keeps each row under the code
    // the project had when it was written, so the codes it had before are found by the corrections' `before`: an
    // import or a command naming one is told where the project went, in one seek, instead of registering the wrong
    // code again. Partial: only the corrections of a code are in it.
    migrator.registerMigration("v14-project-code-correction") { db in
      try db.execute(sql: """
        ALTER TABLE project ADD COLUMN recodedReason TEXT;
        CREATE INDEX changeLog_former_codes ON changeLog(json_extract(before, '$.code'))
          WHERE entity = 'project' AND action = 'recode';
        """)
    }

    // A milestone withdrawn by mistake (a mistyped id) is reinstated with its publications and their 索引号
    // (`gongkai reinstate`), keeping the reason, as a project is.
    migrator.registerMigration("v15-milestone-reinstatement") { db in
      try db.execute(sql: "ALTER TABLE milestone ADD COLUMN reinstatedReason TEXT")
    }

    // A publication withdrawn by mistake (a mistyped `--disclosure` id) is reinstated with its 索引号 (`gongkai
    // reinstate --disclosure`), keeping the reason, as a milestone is: recorded again, it would get a new 索引号, and
    // the number the portal showed would name nothing.
    migrator.registerMigration("v16-disclosure-reinstatement") { db in
      try db.execute(sql: "ALTER TABLE disclosure ADD COLUMN reinstatedReason TEXT")
    }

    // The withdrawn milestones by key, as the natural key holds those in force: an import asks, of every row the
    // register does not hold in force, whether it was withdrawn, and with no index but the project's days it read
    // every milestone of the row's day, a read per row of a day that holds thousands: quadratic. Few rows, so a
    // small index, written only by a withdrawal.
    migrator.registerMigration("v17-withdrawn-milestone-keys") { db in
      try db.execute(sql: """
        CREATE INDEX milestone_withdrawn_key ON milestone(projectId, kind, IFNULL(reference, ''), formedOn)
          WHERE withdrawnReason IS NOT NULL
        """)
    }

    // The organisation code the register's 索引号 are numbered under, kept in its settings row beside the profile
    // (`gongkai init --organisation`): given export by export, a portal exported with one code and an audit CSV
    // without it gave one publication two 索引号, which evaluators match the two by. Logged with the row, so `audit
    // verify` names one edited outside gongkai; no code keeps each project's division code standing in.
    migrator.registerMigration("v18-register-organisation") { db in
      try db.execute(sql: "ALTER TABLE register ADD COLUMN organisation TEXT")
    }

    // The log's updates by row: the notice export asks, of every milestone, when an update last changed what its item
    // shows, and of every project, when it was last renamed or given another unit (the feed's entries move on then).
    // Through the index of all rows, each question read the milestone's or project's rows of the log to find their
    // action: 22 s at 100,000 projects from a cold page cache. Few rows: an import of new projects adds none.
    migrator.registerMigration("v19-updates") { db in
      try db.execute(sql: "CREATE INDEX changeLog_updates ON changeLog(entity, entityId, id) WHERE action = 'update'")
    }

    // The withdrawn publications by milestone: the audit CSV names, on every row, the publications of its milestone
    // withdrawn as recorded by mistake (a late one withdrawn and recorded again on an earlier day is what an evaluator
    // looks for). Few rows: a seek a milestone into an index that is empty in most registers.
    migrator.registerMigration("v20-withdrawn-publications") { db in
      try db.execute(sql: "CREATE INDEX disclosure_withdrawn ON disclosure(milestoneId) WHERE withdrawnReason IS NOT NULL")
    }

    // The responsible units by name: a unit written two ways is two units in the alerts and the report, so a write that
    // records a unit asks whether any row names it already, and, when none does, compares it with each unit the
    // register names (``UnitsMet``). Without the indexes both questions read every project and milestone. The
    // milestones' index holds only those with a unit of their own.
    migrator.registerMigration("v21-units") { db in
      try db.execute(sql: """
        CREATE INDEX project_by_unit ON project(responsibleUnit);
        CREATE INDEX milestone_by_unit ON milestone(responsibleUnit) WHERE responsibleUnit IS NOT NULL;
        """)
    }

    return migrator
  }
}
