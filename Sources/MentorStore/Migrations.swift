import GRDB

/// The schema, as named, append-only migrations.
///
/// Never edit a migration that has shipped: add a new one. Migrations are literal SQL so that they
/// keep meaning the same thing when Swift types change. Instants are INTEGER Unix milliseconds
/// (GRDB's default text dates lose sub-millisecond precision and compare as text).
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 relationships and meetings") { db in
            try db.execute(
                sql: """
                    CREATE TABLE relationship (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        partner TEXT NOT NULL CHECK (length(trim(partner)) > 0),
                        role TEXT NOT NULL CHECK (role IN ('mentor', 'mentee')),
                        created_at INTEGER NOT NULL,
                        UNIQUE (partner COLLATE NOCASE, role)
                    ) STRICT;

                    CREATE TABLE meeting (
                        -- AUTOINCREMENT: an id is never reused, so a script holding one cannot
                        -- reach a different meeting after a delete.
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE RESTRICT,
                        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
                        start INTEGER NOT NULL,
                        time_zone TEXT NOT NULL CHECK (length(time_zone) > 0),
                        duration_seconds INTEGER NOT NULL CHECK (duration_seconds > 0),
                        purpose TEXT NOT NULL DEFAULT '',
                        status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled')),
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    ) STRICT;

                    CREATE INDEX meeting_by_start ON meeting (start);
                    CREATE INDEX meeting_by_relationship ON meeting (relationship_id);
                    """)
        }
        migrator.registerMigration("v2 reminder ledger and per-meeting offsets") { db in
            try db.execute(
                sql: """
                    -- Canonical overrides text, e.g. "plan=off,purpose=259200s"; empty: the global policy.
                    ALTER TABLE meeting ADD COLUMN reminder_offsets TEXT NOT NULL DEFAULT '';

                    -- One row per meeting, occurrence and step: what became of that reminder. The key
                    -- is what makes delivery exactly-once across restarts and crashes.
                    CREATE TABLE reminder_ledger (
                        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
                        occurrence INTEGER NOT NULL,
                        step TEXT NOT NULL CHECK (step IN (
                            'purpose', 'preparation', 'plan', 'participation', 'capture', 'captureAgain')),
                        state TEXT NOT NULL CHECK (state IN (
                            'fired', 'delivered', 'done', 'snoozed', 'missed', 'suppressed')),
                        snoozed_until INTEGER CHECK ((state = 'snoozed') = (snoozed_until IS NOT NULL)),
                        changed_at INTEGER NOT NULL,
                        PRIMARY KEY (meeting_id, occurrence, step)
                    ) STRICT;

                    CREATE INDEX reminder_ledger_unfinished ON reminder_ledger (state) WHERE state = 'fired';
                    """)
        }
        migrator.registerMigration("v3 recurring meetings") { db in
            try db.execute(
                sql: """
                    -- Canonical RRULE text (Recurrence.rule), empty for a single meeting.
                    ALTER TABLE meeting ADD COLUMN recurrence TEXT NOT NULL DEFAULT '';
                    """)
        }
        migrator.registerMigration("v4 occurrence exceptions") { db in
            try db.execute(
                sql: """
                    -- One changed occurrence of a series: moved to another start, or cancelled (NULL).
                    CREATE TABLE occurrence_exception (
                        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
                        occurrence INTEGER NOT NULL,
                        moved_to INTEGER,
                        PRIMARY KEY (meeting_id, occurrence)
                    ) STRICT;
                    """)
        }
        return migrator
    }
}
