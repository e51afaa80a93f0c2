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
                    -- is what makes each step go out once across restarts (twice at worst, after a crash between sending and recording).
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
        migrator.registerMigration("v5 mentoring loop") { db in
            try db.execute(
                sql: """
                    -- Days are 'YYYY-MM-DD' or empty. date(d, '+0 days') gives NULL for another format
                    -- and normalises an impossible day (2026-02-30 becomes 2026-03-02), so comparing
                    -- with IS refuses both.
                    ALTER TABLE relationship ADD COLUMN cadence TEXT NOT NULL DEFAULT '';
                    ALTER TABLE relationship ADD COLUMN started_on TEXT NOT NULL DEFAULT ''
                        CHECK (started_on = '' OR date(started_on, '+0 days') IS started_on);
                    ALTER TABLE relationship ADD COLUMN phase TEXT NOT NULL DEFAULT 'initiation'
                        CHECK (phase IN ('initiation', 'cultivation', 'separation', 'redefinition'));
                    -- Canonical overrides text, as meeting.reminder_offsets; empty: the global policy.
                    ALTER TABLE relationship ADD COLUMN reminder_offsets TEXT NOT NULL DEFAULT '';

                    -- The phase history; a relationship's first row is the phase it started in.
                    CREATE TABLE phase_change (
                        id INTEGER PRIMARY KEY,
                        relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
                        phase TEXT NOT NULL
                            CHECK (phase IN ('initiation', 'cultivation', 'separation', 'redefinition')),
                        changed_at INTEGER NOT NULL,
                        note TEXT NOT NULL DEFAULT ''
                    ) STRICT;
                    CREATE INDEX phase_change_by_relationship ON phase_change (relationship_id, changed_at);
                    INSERT INTO phase_change (relationship_id, phase, changed_at)
                        SELECT id, 'initiation', created_at FROM relationship;

                    -- Ids that scripts hold (goals, offers, items, topics) are AUTOINCREMENT: never reused.
                    CREATE TABLE goal (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
                        statement TEXT NOT NULL CHECK (length(trim(statement)) > 0),
                        success_criteria TEXT NOT NULL DEFAULT '',
                        target_date TEXT NOT NULL DEFAULT ''
                            CHECK (target_date = '' OR date(target_date, '+0 days') IS target_date),
                        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'done', 'dropped')),
                        created_at INTEGER NOT NULL,
                        closed_at INTEGER,
                        CHECK ((status = 'active') = (closed_at IS NULL))
                    ) STRICT;
                    CREATE INDEX goal_by_relationship ON goal (relationship_id);

                    -- A mentor's offers of help.
                    CREATE TABLE offer (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
                        kind TEXT NOT NULL CHECK (kind IN ('resource', 'introduction')),
                        description TEXT NOT NULL CHECK (length(trim(description)) > 0),
                        status TEXT NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'delivered')),
                        created_at INTEGER NOT NULL,
                        delivered_at INTEGER,
                        CHECK ((status = 'offered') = (delivered_at IS NULL))
                    ) STRICT;
                    CREATE INDEX offer_by_relationship ON offer (relationship_id);

                    -- Every answer to every prompt, with the prompt as it was shown.
                    CREATE TABLE answer (
                        id INTEGER PRIMARY KEY,
                        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
                        occurrence INTEGER NOT NULL,
                        step TEXT NOT NULL CHECK (step IN (
                            'purpose', 'preparation', 'plan', 'participation', 'capture', 'captureAgain')),
                        prompt TEXT NOT NULL,
                        answer TEXT NOT NULL,
                        answered_at INTEGER NOT NULL
                    ) STRICT;
                    CREATE INDEX answer_by_occurrence ON answer (meeting_id, occurrence);

                    -- What was written down after one occurrence.
                    CREATE TABLE capture (
                        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
                        occurrence INTEGER NOT NULL,
                        summary TEXT NOT NULL DEFAULT '',
                        reflection TEXT NOT NULL DEFAULT '',
                        private_note TEXT NOT NULL DEFAULT '',
                        usefulness INTEGER CHECK (usefulness BETWEEN 1 AND 5),
                        relationship_rating INTEGER CHECK (relationship_rating BETWEEN 1 AND 5),
                        feedback_given TEXT NOT NULL DEFAULT '',
                        feedback_received TEXT NOT NULL DEFAULT '',
                        next_start INTEGER,
                        next_goal TEXT NOT NULL DEFAULT '',
                        captured_at INTEGER NOT NULL,
                        PRIMARY KEY (meeting_id, occurrence)
                    ) STRICT;

                    -- Carried from meeting to meeting while open. The origin meeting may be deleted
                    -- (SET NULL) while the item lives on; the occurrence then stays as a date.
                    CREATE TABLE action_item (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
                        origin_meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
                        origin_occurrence INTEGER CHECK (origin_meeting_id IS NULL OR origin_occurrence IS NOT NULL),
                        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
                        owner TEXT NOT NULL CHECK (owner IN ('me', 'partner', 'both')),
                        due_on TEXT NOT NULL DEFAULT '' CHECK (due_on = '' OR date(due_on, '+0 days') IS due_on),
                        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
                        created_at INTEGER NOT NULL,
                        closed_at INTEGER,
                        CHECK ((status = 'open') = (closed_at IS NULL))
                    ) STRICT;
                    CREATE INDEX action_item_by_relationship ON action_item (relationship_id, status);
                    CREATE INDEX action_item_by_origin ON action_item (origin_meeting_id);

                    -- The parking lot: topics for another meeting.
                    CREATE TABLE topic (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
                        origin_meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
                        origin_occurrence INTEGER CHECK (origin_meeting_id IS NULL OR origin_occurrence IS NOT NULL),
                        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
                        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
                        created_at INTEGER NOT NULL,
                        closed_at INTEGER,
                        CHECK ((status = 'open') = (closed_at IS NULL))
                    ) STRICT;
                    CREATE INDEX topic_by_relationship ON topic (relationship_id, status);
                    CREATE INDEX topic_by_origin ON topic (origin_meeting_id);

                    -- The goal agreed for one occurrence: its purpose unless the meeting has its own.
                    CREATE TABLE occurrence_goal (
                        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
                        occurrence INTEGER NOT NULL,
                        goal TEXT NOT NULL CHECK (length(trim(goal)) > 0),
                        PRIMARY KEY (meeting_id, occurrence)
                    ) STRICT;
                    """)
        }
        migrator.registerMigration("v6 commitment reminders") { db in
            try db.execute(
                sql: """
                    -- When the due-date reminder of one of the user's own commitments went out; NULL
                    -- until then, so each commitment reminds once.
                    ALTER TABLE action_item ADD COLUMN reminded_at INTEGER;
                    """)
        }
        migrator.registerMigration("v7 calendar import") { db in
            try db.execute(
                sql: """
                    -- Where imported meetings come from. The one source of kind 'import' is every
                    -- `mentorctl import`, so a calendar downloaded again to another path finds its
                    -- meetings; each followed calendar (a file, a vdir folder, a URL, a CalDAV
                    -- collection) will be a source of its own.
                    CREATE TABLE calendar_source (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
                        kind TEXT NOT NULL CHECK (kind IN ('import', 'file', 'vdir', 'url', 'caldav')),
                        -- A path or URL; empty for the import source.
                        location TEXT NOT NULL DEFAULT '',
                        -- Whom its events are with when nothing else says.
                        default_relationship_id INTEGER REFERENCES relationship (id) ON DELETE SET NULL,
                        -- What the source kind keeps between syncs (an ETag, a sync token), as it writes it.
                        sync_state TEXT NOT NULL DEFAULT '',
                        last_success_at INTEGER,
                        last_error TEXT NOT NULL DEFAULT '',
                        created_at INTEGER NOT NULL
                    ) STRICT;
                    CREATE UNIQUE INDEX calendar_source_one_import ON calendar_source (kind) WHERE kind = 'import';
                    INSERT INTO calendar_source (name, kind, created_at)
                        VALUES ('import', 'import', CAST(strftime('%s', 'now') AS INTEGER) * 1000);

                    -- The calendar event a meeting was made from: its source and UID, and for an
                    -- override imported without its series, its RECURRENCE-ID (Unix milliseconds;
                    -- NULL for a series or a single event). The version last written is kept to
                    -- tell an unchanged or older copy from a newer one.
                    CREATE TABLE calendar_event (
                        meeting_id INTEGER PRIMARY KEY REFERENCES meeting (id) ON DELETE CASCADE,
                        source_id INTEGER NOT NULL REFERENCES calendar_source (id) ON DELETE CASCADE,
                        uid TEXT NOT NULL CHECK (length(uid) > 0),
                        recurrence_id INTEGER,
                        sequence INTEGER NOT NULL CHECK (sequence >= 0),
                        fingerprint TEXT NOT NULL CHECK (length(fingerprint) > 0),
                        -- Whether the calendar had cancelled it (or the user declined it) then, so a
                        -- later version that is on again puts the meeting back.
                        cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
                        imported_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    ) STRICT;
                    -- NULLs are never equal in a unique index: -1 stands for "the series" (no
                    -- RECURRENCE-ID is a millisecond before 1970).
                    CREATE UNIQUE INDEX calendar_event_identity
                        ON calendar_event (source_id, uid, coalesce(recurrence_id, -1));

                    -- Extra occurrences of a series (RDATE), as original starts.
                    CREATE TABLE occurrence_addition (
                        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
                        occurrence INTEGER NOT NULL,
                        PRIMARY KEY (meeting_id, occurrence)
                    ) STRICT;

                    -- An occurrence with a title or length of its own (a calendar's override);
                    -- NULL: the meeting's.
                    ALTER TABLE occurrence_exception ADD COLUMN title TEXT
                        CHECK (title IS NULL OR length(trim(title)) > 0);
                    ALTER TABLE occurrence_exception ADD COLUMN duration_seconds INTEGER
                        CHECK (duration_seconds IS NULL OR duration_seconds > 0);

                    -- The partner's e-mail address, lower case, to match calendar attendees; empty: none.
                    ALTER TABLE relationship ADD COLUMN email TEXT NOT NULL DEFAULT '';
                    CREATE UNIQUE INDEX relationship_by_email ON relationship (email) WHERE email != '';
                    """)
        }
        migrator.registerMigration("v8 goal progress and quiet nudges") { db in
            try db.execute(
                sql: """
                    -- Where a goal stood, noted at a capture (or a review's rating). A capture noted
                    -- again replaces its entry: one per goal and occurrence.
                    CREATE TABLE goal_progress (
                        id INTEGER PRIMARY KEY,
                        goal_id INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
                        meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL,
                        occurrence INTEGER CHECK (meeting_id IS NULL OR occurrence IS NOT NULL),
                        note TEXT NOT NULL DEFAULT '',
                        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
                        noted_at INTEGER NOT NULL,
                        CHECK (length(trim(note)) > 0 OR rating IS NOT NULL)
                    ) STRICT;
                    CREATE INDEX goal_progress_by_goal ON goal_progress (goal_id, noted_at);
                    CREATE UNIQUE INDEX goal_progress_once ON goal_progress (goal_id, meeting_id, occurrence)
                        WHERE meeting_id IS NOT NULL;

                    -- The "gone quiet" nudge of a relationship, once per quiet spell: a spell is
                    -- named by when it began (the relationship's last contact plus 1.5 cadences), so
                    -- a meeting or capture that ends it starts a new one.
                    CREATE TABLE quiet_nudge (
                        relationship_id INTEGER NOT NULL REFERENCES relationship (id) ON DELETE CASCADE,
                        quiet_since INTEGER NOT NULL,
                        sent_at INTEGER NOT NULL,
                        PRIMARY KEY (relationship_id, quiet_since)
                    ) STRICT;
                    """)
        }
        migrator.registerMigration("v9 followed calendars") { db in
            try db.execute(
                sql: """
                    -- A followed calendar's rules (--match), one per line, tried in order; its
                    -- kind's settings as the daemon writes them (interval, user name, where the
                    -- password comes from: never the password itself); whether the configuration
                    -- file defines it (then only the file changes or removes it); what its last
                    -- successful sync found; and when a sync was last tried.
                    ALTER TABLE calendar_source ADD COLUMN rules TEXT NOT NULL DEFAULT '';
                    ALTER TABLE calendar_source ADD COLUMN settings TEXT NOT NULL DEFAULT '';
                    ALTER TABLE calendar_source ADD COLUMN from_config INTEGER NOT NULL DEFAULT 0
                        CHECK (from_config IN (0, 1));
                    ALTER TABLE calendar_source ADD COLUMN matched INTEGER NOT NULL DEFAULT 0 CHECK (matched >= 0);
                    ALTER TABLE calendar_source ADD COLUMN ignored INTEGER NOT NULL DEFAULT 0 CHECK (ignored >= 0);
                    ALTER TABLE calendar_source ADD COLUMN last_attempt_at INTEGER;

                    -- Successful syncs in a row that lacked the event: at two it is removed, so a
                    -- vdir's rename or a feed cut short once never deletes a meeting.
                    ALTER TABLE calendar_event ADD COLUMN absent_syncs INTEGER NOT NULL DEFAULT 0
                        CHECK (absent_syncs >= 0);
                    -- The same event in two calendars is planned once: found by UID.
                    CREATE INDEX calendar_event_by_uid ON calendar_event (uid);
                    """)
        }
        migrator.registerMigration("v10 series index") { db in
            // The series by start, so that planning reads the series and the meetings near now
            // through indexes and never scans the past (MeetingStore.plannableRequest).
            try db.execute(sql: "CREATE INDEX meeting_series ON meeting (start) WHERE recurrence != ''")
        }
        return migrator
    }
}
