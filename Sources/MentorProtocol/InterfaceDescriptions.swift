// Generated from the .varlink files in this directory by scripts/embed-interfaces; do not edit.

/// The interface files' texts, as `org.varlink.service.GetInterfaceDescription` returns them.
public enum InterfaceDescriptions {
    /// `io.mentord.varlink`.
    public static let ioMentord = #"""
        # The control interface of mentord, a per-user daemon that nudges mentors and mentees to
        # prepare each mentoring meeting through the 4 Ps: Purpose, Preparation, Participation, Plan.
        #
        # Transport: a Unix stream socket owned by the user ($XDG_RUNTIME_DIR/mentord/socket); each
        # message is one JSON object followed by a NUL byte. Instants are RFC 3339 strings; durations
        # typed by people ("45m", "1h30m") are strings in the duration syntax of docs/protocol.md.
        interface io.mentord

        # The user's side of a mentoring relationship.
        type Role (mentor, mentee)

        # Where a meeting stands: scheduled meetings remind, cancelled ones are kept but stay quiet.
        type MeetingStatus (scheduled, cancelled)

        # A stored meeting.
        type Meeting (
          # Identifier, unique within the database and never reused.
          id: int,
          # Short title, one line.
          title: string,
          # The other person in the relationship.
          partner: string,
          # The user's role in this relationship.
          role: Role,
          # Identifier of the relationship (partner and role).
          relationshipId: int,
          # Start instant, RFC 3339 in UTC with milliseconds, e.g. "2026-12-03T14:00:00.000Z".
          start: string,
          # The same instant in the meeting's time zone, e.g. "2026-12-03T15:00:00+01:00".
          localStart: string,
          # IANA time zone the meeting was arranged in, e.g. "Europe/Berlin".
          timeZone: string,
          # Length in seconds.
          durationSeconds: int,
          # What the meeting is for; may be empty.
          purpose: string,
          # Scheduled or cancelled.
          status: MeetingStatus,
          # Per-step reminder offsets replacing the configured ones, e.g. "purpose=86400s,plan=off";
          # empty when the configuration applies unchanged.
          offsets: string,
          # The repeat rule (RRULE subset, e.g. "FREQ=WEEKLY;INTERVAL=2"); empty for a single meeting.
          recurrence: string,
          # When the meeting was added, RFC 3339 UTC.
          createdAt: string,
          # When the meeting last changed, RFC 3339 UTC.
          updatedAt: string
        )

        # Adds a meeting. The reply is sent only after the meeting is committed to disk.
        method AddMeeting(
          # Short title, one line, at most 200 characters.
          title: string,
          # The other person; the relationship with them is found by name (case-insensitive) or created.
          partner: string,
          # The user's role; required when the partner is new or has relationships in both roles.
          role: ?Role,
          # Start: RFC 3339 with offset, a local "2026-12-03 15:00" or "Dec 10 3pm" in timeZone,
          # "tomorrow 9", "thu 15:00", "next thursday 3pm", "15:00", "noon" or "in 1.5h" (docs/time.md).
          # A start in the past is refused with TimeInPast unless past is true.
          start: string,
          # IANA time zone for local forms and for the meeting, in any case; defaults to the daemon's zone.
          # Abbreviations such as PST or CET are refused with LegacyTimeZone.
          timeZone: ?string,
          # Length, e.g. "45m"; 1 second to 24 hours; defaults to "1h".
          duration: ?string,
          # Why the meeting happens; at most 4000 characters.
          purpose: ?string,
          # Per-step reminder offsets for this meeting, e.g. "purpose=3d,plan=off,participation=10m";
          # steps not named follow the configuration.
          offsets: ?string,
          # Repeat the meeting: "daily", "weekly", "fortnightly", "monthly" or an RRULE such as
          # "FREQ=MONTHLY;BYDAY=2TU" (FREQ DAILY/WEEKLY/MONTHLY, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL).
          recurrence: ?string,
          # Accept a start in the past, to record a meeting that happened.
          past: ?bool
        ) -> (
          # The meeting as stored.
          meeting: Meeting
        )

        # Lists meetings, earliest first. Without options: scheduled meetings that have not ended.
        method ListMeetings(
          # Also list meetings that have ended.
          includePast: ?bool,
          # Also list cancelled meetings.
          includeCancelled: ?bool,
          # Only meetings with this partner (case-insensitive).
          partner: ?string,
          # At most this many meetings (default 1000, at most 10000).
          limit: ?int
        ) -> (
          # The meetings found.
          meetings: []Meeting
        )

        # Returns one meeting.
        method GetMeeting(
          # The meeting's id.
          id: int
        ) -> (
          # The meeting.
          meeting: Meeting
        )

        # Changes a meeting; absent fields keep their value. A new start without timeZone is read in the
        # meeting's zone; a new timeZone without start keeps the instant.
        method UpdateMeeting(
          # The meeting's id.
          id: int,
          # New title.
          title: ?string,
          # New partner; moves the meeting to that relationship.
          partner: ?string,
          # New role.
          role: ?Role,
          # New start, in the forms AddMeeting takes.
          start: ?string,
          # New IANA time zone.
          timeZone: ?string,
          # New length, e.g. "30m".
          duration: ?string,
          # New purpose text.
          purpose: ?string,
          # New per-step reminder offsets, replacing the meeting's old ones ("" clears them).
          offsets: ?string,
          # New repeat rule, in the forms AddMeeting takes; "" makes it a single meeting.
          recurrence: ?string,
          # Accept a new start in the past (TimeInPast otherwise).
          past: ?bool
        ) -> (
          # The meeting as stored after the change.
          meeting: Meeting
        )

        # Cancels a meeting: it stays stored (with its notes) but never reminds again.
        method CancelMeeting(
          # The meeting's id.
          id: int
        ) -> (
          # The cancelled meeting.
          meeting: Meeting
        )

        # Cancels one occurrence of a repeating meeting; the rest of the series goes on.
        method CancelOccurrence(
          # The meeting's id.
          id: int,
          # The occurrence's original start, or where an earlier move put it, in the forms AddMeeting's
          # start takes (read in the meeting's zone); or a day alone ("2026-12-16") on which the series has
          # one occurrence (AmbiguousOccurrence when it has several).
          occurrence: string
        ) -> (
          # The meeting after the change.
          meeting: Meeting,
          # The occurrence cancelled, RFC 3339 UTC.
          occurrence: ?string,
          # The same instant in the meeting's zone.
          localOccurrence: ?string
        )

        # Moves one occurrence of a repeating meeting to another start; its reminders, answers and capture
        # follow it.
        method MoveOccurrence(
          # The meeting's id.
          id: int,
          # The occurrence's original start, or where an earlier move put it (read in the meeting's zone),
          # or a day on which the series has one occurrence.
          occurrence: string,
          # The new start, read in the meeting's zone; relative forms count from the occurrence, not from
          # now: "thu 19:00" is the first Thursday 19:00 after it, "17:00" is 17:00 on its day, "in 2h" two
          # hours after it. A new start in the past is refused with TimeInPast unless past is true.
          to: string,
          # Accept a new start in the past.
          past: ?bool
        ) -> (
          # The meeting after the change.
          meeting: Meeting,
          # The occurrence moved, as named (its start before the move), RFC 3339 UTC.
          occurrence: ?string,
          # The same instant in the meeting's zone.
          localOccurrence: ?string,
          # The new start, RFC 3339 UTC.
          movedTo: ?string,
          # The new start in the meeting's zone.
          localMovedTo: ?string
        )

        # Deletes a meeting for good.
        method DeleteMeeting(
          # The meeting's id.
          id: int
        ) -> ()

        # Writes a consistent copy of the database to a file with SQLite's online backup, while the
        # daemon goes on serving. The copy is one complete database file (nothing of it in a -wal file),
        # readable by the user alone; an existing file is replaced only once the copy is complete.
        method Backup(
          # Where to write the copy: an absolute path naming a regular file, or nothing yet in an existing
          # directory. A device, FIFO, directory, symbolic link or the database itself is refused.
          path: string
        ) -> (
          # The database that was copied.
          database: string,
          # Where the copy is, as given.
          path: string,
          # The copy's size in bytes.
          bytes: int
        )

        # Reports on the daemon and its database.
        method GetStatus() -> (
          # mentord's version.
          version: string,
          # Process id of the daemon.
          pid: int,
          # When this daemon process started, RFC 3339 UTC.
          startedAt: string,
          # Seconds since start.
          uptimeSeconds: int,
          # Meetings stored, past and cancelled included (0 when a damaged database cannot count them).
          meetings: int,
          # Scheduled meetings that have not ended.
          upcomingMeetings: int,
          # Relationships stored.
          relationships: int,
          # Path of the SQLite database.
          databasePath: string,
          # Path of the control socket.
          socketPath: string,
          # The daemon's default IANA time zone.
          timeZone: string,
          # Set when the database was found damaged while the daemon ran: what was found (see the error
          # DatabaseDamaged). Writes are refused until it is restored or recovered.
          databaseProblem: ?string
        )

        # What one channel did with a test reminder.
        type ChannelResult (
          # The channel: subscribers, journal, desktop or hook.
          channel: string,
          # Whether the configuration turns it on.
          enabled: bool,
          # Whether the reminder went through.
          ok: bool,
          # What happened: a notification id, a hook's exit status, or why it failed.
          detail: string
        )

        # Sends a made-up reminder through every enabled channel and reports each channel's result.
        method TestNotify() -> (
          # One result per channel, subscribers first.
          channels: []ChannelResult
        )

        # One nudge of the method: the four Ps before a meeting (Purpose, Preparation, Plan,
        # Participation), and the capture nudge after it with its second reminder.
        type Step (purpose, preparation, plan, participation, capture, captureAgain)

        # What a reminder card is about.
        type ReminderKind (
          # Steps of one meeting occurrence.
          meeting,
          # The due date of one of the user's own commitments.
          commitment,
          # TestNotify's made-up card.
          test,
          # The day-based steps of several meetings due at the same prep hour, as one card.
          digest,
          # A relationship with a cadence has had nothing scheduled or captured for 1.5 cadences.
          quiet
        )

        # One meeting of a digest card.
        type DigestEntry (
          # The meeting's id.
          meetingId: int,
          # The meeting's title.
          title: string,
          # The other person.
          partner: string,
          # The user's role in the relationship.
          role: Role,
          # The occurrence's start, RFC 3339 UTC.
          occurrence: string,
          # The same instant in the meeting's zone.
          localStart: string,
          # The steps of this meeting on the card.
          steps: []Step,
          # What the meeting is for: the aim agreed last time, or its purpose; may be empty.
          aim: string,
          # Its open items, one line each ("Send the draft (me, due 2026-12-09)").
          openItems: []string,
          # The questions of each step, as a card of its own would ask them.
          prompts: []StepPrompts
        )

        # The questions one step asks.
        type StepPrompts (
          # The step.
          step: Step,
          # At most five questions, for the user's role.
          prompts: []string
        )

        # A reminder card: the steps of one meeting occurrence shown together.
        type Reminder (
          # A meeting's steps, the due date of one of the user's commitments, a digest, a quiet
          # relationship, or a test card.
          kind: ReminderKind,
          # The meeting's id; for a commitment, the meeting where it was agreed. Absent for a test card,
          # a digest, a quiet relationship and a commitment added outside a meeting.
          meetingId: ?int,
          # The commitment's action item id (kind commitment only).
          itemId: ?int,
          # Start of this occurrence, RFC 3339 in UTC.
          occurrence: string,
          # The meeting's title.
          title: string,
          # The other person.
          partner: string,
          # The user's role in the relationship.
          role: Role,
          # The steps on this card, in the order they are meant to be read; empty for a commitment.
          steps: []Step,
          # When the card is (or was) due: its earliest step's own time, RFC 3339 in UTC.
          dueAt: string,
          # The same instant in the meeting's zone, RFC 3339 with offset.
          localDueAt: string,
          # The occurrence's start in the meeting's zone, RFC 3339 with offset.
          localStart: string,
          # IANA time zone of the meeting.
          timeZone: string,
          # Whole minutes to the start, counted from dueAt (from now for a card sent late);
          # negative for capture nudges after the meeting.
          minutesToStart: int,
          # Some step's own time had passed before the card could be sent (the meeting was added late,
          # the daemon was down or the machine asleep).
          late: bool,
          # The questions of each step on the card.
          prompts: []StepPrompts,
          # Lines that belong to no step: what is due and how to close it, for a commitment; one line
          # per meeting for a digest; what to do, for a quiet relationship.
          notes: []string,
          # The relationship a quiet card is about.
          relationshipId: ?int,
          # The meetings of a digest card, earliest first.
          meetings: ?[]DigestEntry
        )

        # A reminder planned for an occurrence.
        type PlannedReminder (
          # The step.
          step: Step,
          # When it is planned, RFC 3339 in UTC (a snoozed step: when it comes back).
          at: string,
          # The same instant in the meeting's zone, RFC 3339 with offset.
          localAt: string,
          # What became of it so far: fired, delivered, done, snoozed, missed, suppressed; absent if pending.
          state: ?string
        )

        # One occurrence of a meeting (a single meeting has one).
        type Occurrence (
          # The meeting's id.
          meetingId: int,
          # The meeting's title.
          title: string,
          # The other person.
          partner: string,
          # The user's role.
          role: Role,
          # The occurrence's start, RFC 3339 in UTC.
          start: string,
          # The same instant in the meeting's zone, RFC 3339 with offset.
          localStart: string,
          # IANA time zone of the meeting.
          timeZone: string,
          # Length in seconds.
          durationSeconds: int,
          # Whether the meeting repeats.
          recurring: bool,
          # The occurrence's reminders, earliest first.
          reminders: []PlannedReminder
        )

        # Lists the occurrences of scheduled meetings that start in a window, series expanded, earliest
        # first, each with its planned reminders.
        # A window holding more occurrences than one reply's limit is read page by page: call again with
        # the same from and days and after set to the reply's next, until next is absent.
        method ListUpcoming(
          # Start of the window, in the forms AddMeeting's start takes; default now.
          from: ?string,
          # Length of the window in days, 1 to 366; default 7.
          days: ?int,
          # Continue after this page: the next of the previous reply.
          after: ?string,
          # Occurrences in one reply, 1 to 10000; default 1000.
          limit: ?int
        ) -> (
          # This page's occurrences.
          occurrences: []Occurrence,
          # Set when more occurrences follow in the window: pass it as after.
          next: ?string
        )

        # Streams reminders as they fire; call it with more: true. The first reply is {"ready": true};
        # then one reply per delivered card, each with continues: true, until the client hangs up.
        # A subscriber that reads too slowly loses its oldest undelivered cards, never blocks the daemon.
        method Subscribe() -> (
          # True in the first reply only.
          ready: ?bool,
          # A card that just fired; absent in the first reply.
          reminder: ?Reminder
        )

        # Returns the next card that will fire, if any.
        method GetNextReminder() -> (
          # The card; absent when nothing is scheduled.
          reminder: ?Reminder,
          # Seconds from now until the card fires; absent with the card.
          secondsUntilDue: ?int
        )

        # Marks a step of the meeting done (for its current occurrence): its reminder stays quiet.
        # Marking capture done also silences the second capture nudge.
        method MarkStepDone(
          # The meeting's id.
          meetingId: int,
          # The step.
          step: Step,
          # The occurrence's start (as FindMeeting returns it, or in the forms AddMeeting's start takes,
          # read in the meeting's zone); defaults to the current one.
          occurrence: ?string
        ) -> (
          # The occurrence marked, RFC 3339 UTC.
          occurrence: ?string
        )

        # Postpones the steps of one card, for the occurrence they belong to, so they come back together.
        # Never past the meeting's next step still to come, never past its start for the steps before it.
        # A step not shown yet can only be postponed, not brought forward.
        method SnoozeReminder(
          # The meeting's id.
          meetingId: int,
          # The steps to postpone, all before the meeting or all after it (one card's steps).
          steps: []Step,
          # A duration ("1h"), "evening" (when quiet hours begin, 20:00 by default) or "tomorrow"
          # (the prep hour of the next day).
          until: string
        ) -> (
          # When the steps come back, RFC 3339 in UTC.
          until: string,
          # The same instant in the user's zone (the daemon's), RFC 3339 with offset.
          localUntil: string,
          # The occurrence snoozed (its start, RFC 3339 in UTC).
          occurrence: string,
          # Set when the snooze was cut short because this step comes first.
          nextStep: ?Step,
          # The snooze was cut short to just before the meeting starts.
          beforeStart: bool
        )

        # A Kram phase of a mentoring relationship.
        type Phase (initiation, cultivation, separation, redefinition)

        # A mentoring relationship: one partner, in one role.
        type Relationship (
          # Identifier.
          id: int,
          # The other person.
          partner: string,
          # The user's role with them.
          role: Role,
          # How often you meet, in your words ("weekly"); may be empty.
          cadence: string,
          # When the relationship began, YYYY-MM-DD; may be empty.
          startedOn: string,
          # The current phase.
          phase: Phase,
          # Per-step reminder offsets for all its meetings, e.g. "purpose=2d"; empty: the configuration.
          offsets: string,
          # When it was added, RFC 3339 UTC.
          createdAt: string,
          # The partner's e-mail address, lower case, which ImportCalendar matches against an event's
          # organizer and attendees; absent when not set (and from daemons older than this field).
          email: ?string,
          # Set when it has gone quiet: the instant 1.5 cadences after its last meeting or capture, with
          # nothing scheduled since. Only ListRelationships and GetRelationship fill it in.
          quietSince: ?string
        )

        # One entry of a relationship's phase history.
        type PhaseChange (
          # The phase entered.
          phase: Phase,
          # When, RFC 3339 UTC.
          changedAt: string,
          # Why, in the user's words; may be empty.
          note: string
        )

        # A learning goal of a relationship.
        type Goal (
          # Identifier.
          id: int,
          # The relationship it belongs to.
          relationshipId: int,
          # What is to be learned or achieved, one line.
          statement: string,
          # How you will know it is reached; may be empty.
          successCriteria: string,
          # Target date, YYYY-MM-DD; may be empty.
          targetDate: string,
          # active, done or dropped.
          status: string,
          # When it was added, RFC 3339 UTC.
          createdAt: string,
          # When it was done or dropped, RFC 3339 UTC.
          closedAt: ?string
        )

        # Something a mentor offered: a resource or an introduction.
        type Offer (
          # Identifier.
          id: int,
          # The relationship it belongs to.
          relationshipId: int,
          # resource or introduction.
          kind: string,
          # What was offered, one line.
          description: string,
          # offered or delivered.
          status: string,
          # When it was offered, RFC 3339 UTC.
          createdAt: string,
          # When it was delivered, RFC 3339 UTC.
          deliveredAt: ?string
        )

        # An action item (a commitment) or a parked topic, carried from meeting to meeting until closed.
        type Item (
          # Identifier, unique within its kind.
          id: int,
          # action or topic.
          kind: string,
          # The relationship it belongs to.
          relationshipId: int,
          # The partner of that relationship.
          partner: string,
          # What is to be done or discussed, one line.
          text: string,
          # For actions: me, partner or both; empty for topics.
          owner: string,
          # For actions: due date, YYYY-MM-DD; may be empty.
          dueOn: string,
          # open, done or dropped.
          status: string,
          # How many meetings of the relationship it has been carried into while open.
          timesCarried: int,
          # The meeting whose capture recorded it, if any.
          originMeetingId: ?int,
          # That meeting's occurrence, RFC 3339 UTC.
          originOccurrence: ?string,
          # When it was recorded, RFC 3339 UTC.
          createdAt: string
        )

        # One answer to one prompt.
        type Answer (
          # The step the prompt belongs to.
          step: Step,
          # The prompt as it was shown.
          prompt: string,
          # The answer, up to 10000 characters.
          answer: string,
          # When it was recorded, RFC 3339 UTC; ignored in calls.
          answeredAt: ?string
        )

        # A commitment recorded at capture.
        type Commitment (
          # What is to be done, one line.
          text: string,
          # me, partner or both; defaults to me.
          owner: ?string,
          # Due date: YYYY-MM-DD, or as typed ("friday", "Dec 10", "in 2w"), read in the daemon's zone and
          # stored as YYYY-MM-DD; not before today (TimeInPast); may be left out.
          dueOn: ?string
        )

        # What was recorded after one meeting occurrence.
        type Capture (
          # The meeting.
          meetingId: int,
          # The occurrence, RFC 3339 UTC.
          occurrence: string,
          # The meeting in brief; shown in the next Preparation reminder.
          summary: string,
          # One thing learned or to remember.
          reflection: string,
          # A note for the user alone: left out of shareable exports.
          privateNote: string,
          # How useful the meeting was, 1 to 5.
          usefulness: ?int,
          # How the relationship feels, 1 to 5.
          relationshipRating: ?int,
          # Feedback given to the partner.
          feedbackGiven: string,
          # Feedback received from the partner.
          feedbackReceived: string,
          # The agreed next meeting, RFC 3339 UTC.
          nextStart: ?string,
          # The agreed goal of the next meeting (its Purpose).
          nextGoal: string,
          # When it was recorded, RFC 3339 UTC.
          capturedAt: string
        )

        # A decision about one of the relationship's open items, made at a capture.
        type ItemUpdate (
          # action or topic.
          kind: string,
          # The item's id.
          id: int,
          # done or dropped closes it; open keeps it.
          status: string
        )

        # Where a learning goal stood at one capture.
        type GoalProgress (
          # The goal's id.
          goalId: int,
          # What moved, in the user's words; may be empty when a rating is given.
          note: string,
          # How close the goal is, 1 (just started) to 5 (reached); absent when not rated.
          rating: ?int,
          # The meeting whose capture noted it; absent in calls, and once that meeting is deleted.
          meetingId: ?int,
          # That meeting's occurrence, RFC 3339 UTC; absent in calls.
          occurrence: ?string,
          # When it was noted, RFC 3339 UTC; absent in calls.
          notedAt: ?string
        )

        # What a step's prompts are filled with.
        type PrepContext (
          # The relationship's active learning goal; may be empty.
          goal: string,
          # Days until that goal's target date.
          daysLeft: ?int,
          # The goal agreed for this meeting; may be empty.
          agreedGoal: string,
          # The last meeting's summary; may be empty.
          lastSummary: string,
          # Open action items, with how often each was carried.
          openActions: []Item,
          # Open parked topics.
          openTopics: []Item,
          # Every active learning goal, oldest first (goal above is the first).
          goals: ?[]Goal,
          # The relationship's phase.
          phase: ?Phase,
          # Whether a review is due: rate each goal again and decide the phase.
          reviewDue: ?bool
        )

        # One meeting occurrence in a relationship's history.
        type HistoryEntry (
          # The meeting.
          meetingId: int,
          # Its title.
          title: string,
          # The occurrence, RFC 3339 UTC.
          occurrence: string,
          # The occurrence in the meeting's zone.
          localStart: string,
          # Prompts answered before it.
          answers: []Answer,
          # What was captured after it, if anything.
          capture: ?Capture
        )

        # A partner a name could mean, listed when the name fits more than one.
        type PartnerCandidate (
          # The partner's name as stored.
          partner: string,
          # The user's role with them.
          role: Role,
          # The relationship's id.
          relationshipId: int,
          # Their next meeting (or the one FindMeeting would have picked), if they have one.
          meetingId: ?int
        )

        # Which of a partner's meetings a name stands for.
        type MeetingChoice (
          # The occurrence under way or, if none, the next one to start: what prep, done, snooze,
          # show and edit mean.
          next,
          # The latest occurrence that has started and has no capture yet (within the last 31 days),
          # else the next one: what capture means.
          capture
        )

        # The meeting and occurrence a partner's name stands for, so that any client can take a name
        # wherever a meeting id goes. The name matches the partner's full name, one word of it (a first
        # name) or the start of either, ignoring case and accents; the closest kind of match wins.
        method FindMeeting(
          # The partner, as typed: "Priya", "priya", "aiko" for Aiko Tanaka, "pri".
          name: string,
          # Needed only when the partner is in both roles.
          role: ?Role,
          # Which meeting; defaults to next.
          choice: ?MeetingChoice
        ) -> (
          # The meeting.
          meeting: Meeting,
          # The occurrence meant, RFC 3339 UTC.
          occurrence: string,
          # The same instant in the meeting's zone.
          localStart: string
        )

        # Reads a time the way AddMeeting reads a start, without storing anything: for a client that
        # checks what a person typed before it sends the rest (mentorctl capture's next date).
        method ReadTime(
          # The time as typed, in the forms AddMeeting's start takes.
          text: string,
          # Read it in this meeting's zone; otherwise in timeZone, else the daemon's zone.
          meetingId: ?int,
          # IANA zone to read it in when no meeting is given.
          timeZone: ?string
        ) -> (
          # The instant, RFC 3339 UTC.
          instant: string,
          # The same instant in the zone it was read in.
          local: string,
          # Whether the instant lies before the daemon's now.
          past: ?bool
        )

        # Adds a relationship.
        method AddRelationship(
          # The other person, one line.
          partner: string,
          # The user's role with them.
          role: Role,
          # How often you meet, in your words.
          cadence: ?string,
          # When it began, YYYY-MM-DD.
          startedOn: ?string,
          # The phase it is in; defaults to initiation.
          phase: ?Phase,
          # The partner's e-mail address, for matching calendar events; no other relationship may have it.
          email: ?string
        ) -> (
          # The relationship as stored.
          relationship: Relationship
        )

        # Lists every relationship.
        method ListRelationships() -> (
          # Sorted by partner.
          relationships: []Relationship
        )

        # One relationship with its history, goals, offers and open items.
        method GetRelationship(
          # The partner (case-insensitive).
          partner: string,
          # Needed only when the partner is in both roles.
          role: ?Role
        ) -> (
          # The relationship.
          relationship: Relationship,
          # The phase history, oldest first.
          phases: []PhaseChange,
          # Every learning goal, active first.
          goals: []Goal,
          # Every offer.
          offers: []Offer,
          # Open action items and topics.
          items: []Item
        )

        # Changes a relationship's cadence, start date, reminder offsets or e-mail address.
        method UpdateRelationship(
          # The partner.
          partner: string,
          # Needed only when the partner is in both roles.
          role: ?Role,
          # The new cadence.
          cadence: ?string,
          # The new start date, YYYY-MM-DD.
          startedOn: ?string,
          # Per-step offsets for all its meetings ("purpose=2d,plan=off"); "" goes back to the configuration.
          offsets: ?string,
          # The partner's e-mail address; "" removes it.
          email: ?string
        ) -> (
          # The relationship after the change.
          relationship: Relationship
        )

        # Moves a relationship into a phase, recording the change in its history.
        method ChangePhase(
          # The partner.
          partner: string,
          # Needed only when the partner is in both roles.
          role: ?Role,
          # The phase entered.
          phase: Phase,
          # Why, in the user's words.
          note: ?string
        ) -> (
          # The relationship after the change.
          relationship: Relationship
        )

        # Deletes a relationship. One with meetings is refused unless force is true, which deletes the
        # meetings and everything recorded about them in the same transaction.
        method DeleteRelationship(
          # The partner.
          partner: string,
          # Needed only when the partner is in both roles.
          role: ?Role,
          # Also delete its meetings.
          force: ?bool
        ) -> (
          # How many meetings were deleted with it.
          deletedMeetings: int
        )

        # Adds a learning goal to a relationship.
        method AddGoal(
          # The partner.
          partner: string,
          # Needed only when the partner is in both roles.
          role: ?Role,
          # What is to be learned or achieved, one line.
          statement: string,
          # How you will know it is reached.
          successCriteria: ?string,
          # Target date: YYYY-MM-DD, or as typed ("Dec 31", "next fri", "in 12w"),
          # read in the daemon's zone and stored as YYYY-MM-DD; not before today (TimeInPast).
          targetDate: ?string
        ) -> (
          # The goal as stored.
          goal: Goal
        )

        # Lists a relationship's learning goals.
        method ListGoals(
          # The partner.
          partner: string,
          # Needed only when the partner is in both roles.
          role: ?Role,
          # Also list done and dropped goals.
          all: ?bool
        ) -> (
          # Active first.
          goals: []Goal
        )

        # Marks a learning goal done or dropped (or active again).
        method SetGoalStatus(
          # The goal.
          id: int,
          # active, done or dropped.
          status: string
        ) -> (
          # The goal after the change.
          goal: Goal
        )

        # Records something the mentor offers.
        method AddOffer(
          # The partner.
          partner: string,
          # Needed only when the partner is in both roles.
          role: ?Role,
          # resource or introduction.
          kind: string,
          # What is offered, one line.
          description: string
        ) -> (
          # The offer as stored.
          offer: Offer
        )

        # Marks an offer delivered.
        method DeliverOffer(
          # The offer.
          id: int
        ) -> (
          # The offer after the change.
          offer: Offer
        )

        # Adds an action item or a parked topic to a relationship by hand (capture adds them too).
        method AddItem(
          # action or topic.
          kind: string,
          # The partner.
          partner: string,
          # Needed only when the partner is in both roles.
          role: ?Role,
          # What is to be done or discussed, one line.
          text: string,
          # For actions: me, partner or both; defaults to me.
          owner: ?string,
          # For actions: due date, as Commitment's dueOn takes it (stored as YYYY-MM-DD).
          dueOn: ?string
        ) -> (
          # The item as stored.
          item: Item
        )

        # Lists action items or topics.
        method ListItems(
          # action or topic; both when left out.
          kind: ?string,
          # Only this partner's.
          partner: ?string,
          # Needed only when the partner is in both roles.
          role: ?Role,
          # Also list done and dropped items.
          all: ?bool
        ) -> (
          # Oldest first.
          items: []Item
        )

        # Marks an action item or topic done or dropped: it stops rolling into the next meetings.
        method SetItemStatus(
          # action or topic.
          kind: string,
          # The item.
          id: int,
          # open, done or dropped.
          status: string
        ) -> (
          # The item after the change.
          item: Item
        )

        # A step's prompts for a meeting occurrence, filled with the relationship's stored context, and
        # the answers already recorded.
        method GetPrep(
          # The meeting.
          meetingId: int,
          # The step; defaults to the next step not yet done.
          step: ?Step,
          # The occurrence's start; defaults to the next occurrence (or the one running now).
          occurrence: ?string
        ) -> (
          # The meeting.
          meeting: Meeting,
          # The occurrence, RFC 3339 UTC.
          occurrence: string,
          # The occurrence in the meeting's zone.
          localStart: string,
          # The step shown.
          step: Step,
          # At most five prompts, filled.
          prompts: []string,
          # What filled them.
          context: PrepContext,
          # Answers already recorded for this step and occurrence.
          answers: []Answer
        )

        # Records answers to a step's prompts and marks the step done, so its reminder stays quiet.
        method RecordAnswers(
          # The meeting.
          meetingId: int,
          # The step answered.
          step: Step,
          # The occurrence's start; defaults as in GetPrep.
          occurrence: ?string,
          # At most 50 answers; empty answers are left out.
          answers: []Answer
        ) -> (
          # The occurrence answered, RFC 3339 UTC.
          occurrence: string
        )

        # Records what came out of a meeting, all in one transaction: a refused call stores nothing, and
        # repeating a call duplicates nothing. Commitments and topics roll into the relationship's next
        # meetings; itemUpdates closes or keeps the open ones; goalProgress is noted against each goal;
        # nextStart creates or moves the next meeting, and nextGoal becomes its Purpose. The capture
        # reminders of the occurrence stay quiet afterwards.
        method CaptureMeeting(
          # The meeting.
          meetingId: int,
          # The occurrence's start; defaults to the latest one that has started.
          occurrence: ?string,
          # The meeting in brief.
          summary: ?string,
          # Who does what by when; at most 50.
          commitments: ?[]Commitment,
          # Topics left open for another time; at most 50.
          topics: ?[]string,
          # The next meeting's start, in the forms AddMeeting takes.
          nextStart: ?string,
          # The next meeting's goal.
          nextGoal: ?string,
          # One thing learned or to remember.
          reflection: ?string,
          # A note for the user alone.
          privateNote: ?string,
          # How useful the meeting was, 1 to 5.
          usefulness: ?int,
          # How the relationship feels, 1 to 5.
          relationshipRating: ?int,
          # Feedback given to the partner.
          feedbackGiven: ?string,
          # Feedback received.
          feedbackReceived: ?string,
          # What became of the relationship's open items; at most 100.
          itemUpdates: ?[]ItemUpdate,
          # Where each goal stands; replaces what an earlier capture of this occurrence noted.
          goalProgress: ?[]GoalProgress,
          # The phase decided at a review, recorded in the phase history even when it stays the same.
          phase: ?Phase
        ) -> (
          # The capture as stored.
          capture: Capture,
          # The next meeting, when nextStart or nextGoal was given.
          nextMeeting: ?Meeting,
          # The next meeting's occurrence, RFC 3339 UTC.
          nextOccurrence: ?string,
          # The same instant in the next meeting's zone.
          nextLocalStart: ?string,
          # Things worth knowing, e.g. that the meeting has not started yet.
          warnings: []string
        )

        # A relationship's meetings with the answers and captures recorded for each, oldest first. With
        # a limit the history comes a page at a time: call again with after set to the reply's next until
        # a reply has no next. A page also ends early, after at least one entry, once it holds about
        # 4 MiB of text, so that a long history never makes a reply too large to read.
        method GetHistory(
          # The partner.
          partner: string,
          # Needed only when the partner is in both roles.
          role: ?Role,
          # Where to go on: the next of the previous reply; left out for the first page.
          after: ?string,
          # At most this many entries, 1 to 1000. Left out: the whole history in one reply, however large.
          limit: ?int
        ) -> (
          # The relationship.
          relationship: Relationship,
          # One entry per occurrence with answers or a capture.
          entries: []HistoryEntry,
          # Present when more entries follow: the after of the next call.
          next: ?string
        )

        # An event of a calendar file that an import left out.
        type SkippedEvent (
          # The event's UID; empty when it has none.
          uid: string,
          # Its SUMMARY.
          title: string,
          # Its start, RFC 3339 in UTC; absent when it could not be read.
          start: ?string,
          # The same instant in the event's zone (the daemon's for a zone only the file defines), RFC 3339
          # with offset.
          localStart: ?string,
          # Why, by name: "all-day event", "cancelled", "declined by you", "no partner", "ambiguous partner",
          # "unsupported", "unknown time zone", "time zone only in the file", "RDATE without RRULE",
          # "longer than a day" or "unreadable".
          reason: string,
          # What exactly, where the name does not say it: the unsupported part ("RRULE: BYWEEKNO=20 (line
          # 12)"), the zone, the partners an address matched, the reader's message; may be empty.
          detail: string
        )

        # Imports the meetings of an iCalendar (RFC 5545) file: each series, single event, or override
        # without its series becomes a meeting, found again by its UID on the next import. A newer version
        # of an event updates its meeting in place (occurrences still to come keep their answers, capture
        # and reminders, as an edit does); the same or an older one changes nothing. Events no longer in the
        # file are never deleted. The daemon reads the file itself; all of it is imported in one transaction
        # or none of it is.
        method ImportCalendar(
          # The file, an absolute path the daemon can read (mentorctl makes a relative one absolute).
          path: string,
          # Every event is with this partner; without it, each event's organizer and attendees are matched
          # against the relationships' e-mail addresses.
          partner: ?string,
          # The user's role with that partner; needed when the partner is new.
          role: ?Role,
          # Only say what would happen; write nothing.
          dryRun: ?bool
        ) -> (
          # The calendar's name (X-WR-CALNAME), when the file gives one.
          calendar: ?string,
          # Meetings added.
          added: int,
          # Meetings whose event changed, updated in place.
          updated: int,
          # Meetings whose event did not change (or came as an older copy).
          unchanged: int,
          # The events left out, each with its reason, in file order.
          skipped: []SkippedEvent,
          # Meetings imported earlier whose events are not in this file: left as they are.
          notInFile: int,
          # The meetings added or updated, by id; empty in a dry run.
          meetingIds: []int
        )

        # Where a followed calendar's events come from.
        type CalendarKind (file, vdir, url, caldav)

        # A calendar mentord follows: its events become meetings as they change there.
        type CalendarSource (
          # Its name, unique (any case).
          name: string,
          # file (one .ics, watched), vdir (a folder of .ics files, watched), url (an http(s) feed,
          # polled) or caldav (a CalDAV collection, polled, read-only).
          kind: CalendarKind,
          # An absolute path or a URL (without user or password).
          location: string,
          # The default partner of its events, when one was given.
          partner: ?string,
          # The user's role with that partner.
          role: ?Role,
          # Rules that say which events are mentoring meetings: those any rule takes (category:WORD,
          # title:WORD, attendee); empty: every event.
          match: []string,
          # Seconds between polls (url and caldav only).
          interval: ?int,
          # The user name for basic authentication (caldav and url), when one is set.
          username: ?string,
          # Defined in the configuration file: only the file changes or removes it.
          fromConfig: bool,
          # When the last sync succeeded, RFC 3339 UTC; absent before the first.
          lastSuccess: ?string,
          # When a sync was last tried, RFC 3339 UTC.
          lastAttempt: ?string,
          # Why the last sync failed; empty after a success.
          lastError: string,
          # Events the last successful sync took as mentoring meetings.
          matched: int,
          # Events it left out (no rule matched, all-day, no partner, unreadable, ...).
          ignored: int,
          # Scheduled meetings that come from it now.
          meetings: int,
          # When the next poll is due, RFC 3339 UTC (url and caldav; absent for watched kinds).
          nextSync: ?string
        )

        # What one sync of a followed calendar did.
        type CalendarSync (
          # The calendar.
          name: string,
          # Whether the calendar could be read; a failed sync changes nothing.
          ok: bool,
          # Why it failed; absent after a success.
          error: ?string,
          # Meetings added.
          added: int,
          # Meetings whose events changed, updated in place.
          updated: int,
          # Meetings whose events did not change.
          unchanged: int,
          # Meetings whose events two successful syncs in a row lacked: removed (kept, cancelled, when they
          # hold answers or a capture).
          removed: int,
          # Meetings whose events this sync lacked for the first time: removed if the next one agrees.
          awaitingRemoval: int,
          # Events taken as mentoring meetings.
          matched: int,
          # Events left out.
          ignored: int,
          # The calendar held no event while meetings came from it: nothing was counted toward removal.
          emptyIgnored: bool,
          # Bytes sent and received over the network (url and caldav; 0 for files and folders).
          bytes: int
        )

        # Follows a calendar: adds it, syncs it once and replies with how that went (a first sync that
        # fails still adds the calendar; it is retried). Watched kinds then follow every change; polled
        # kinds sync at their interval.
        method AddCalendarSource(
          # An absolute path to an .ics file or a folder of .ics files, or an http(s) URL; a URL is
          # followed as CalDAV when the server says the address is a calendar collection, else as a feed.
          location: string,
          # Its name; default: the file or folder name, or the URL's host.
          name: ?string,
          # Every matched event is with this partner unless its attendees name another relationship.
          partner: ?string,
          # The user's role with that partner; needed when the partner is new.
          role: ?Role,
          # Rules (category:WORD, title:WORD, attendee): an event any of them takes; none: every event.
          match: ?[]string,
          # Time between polls of a URL or CalDAV calendar (15m by default, 1m to 1d).
          interval: ?string,
          # User name for basic authentication.
          username: ?string,
          # An absolute path to a file holding the password (its first line).
          passwordFile: ?string,
          # A command (argv, no shell) that prints the password, run at each sync.
          passwordCommand: ?[]string
        ) -> (
          # The calendar as added.
          source: CalendarSource,
          # Its first sync.
          sync: CalendarSync
        )

        # Every followed calendar, by name.
        method ListCalendarSources() -> (
          # The calendars.
          sources: []CalendarSource
        )

        # Syncs one followed calendar now, or all of them, and replies when they are done.
        method SyncCalendarSources(
          # The calendar; absent: every one.
          name: ?string
        ) -> (
          # One per calendar synced.
          syncs: []CalendarSync
        )

        # One followed calendar, with the events its last sync left out.
        method GetCalendarSource(
          # The calendar's name.
          name: string
        ) -> (
          # The calendar.
          source: CalendarSource,
          # The events the last sync of this daemon left out, each with its reason (kept in memory only:
          # empty after a restart until the first sync).
          unmatched: []SkippedEvent
        )

        # Stops following a calendar. Its meetings go; those with answers, a capture or items that began
        # at them are cancelled and kept, so their history stays.
        method RemoveCalendarSource(
          # The calendar's name.
          name: string
        ) -> (
          # Meetings deleted.
          deleted: int,
          # Meetings cancelled and kept for their history.
          kept: int
        )

        # One learning goal in a review, with the progress noted on it.
        type GoalReview (
          # The goal.
          goal: Goal,
          # What was noted at captures in the span, oldest first.
          progress: []GoalProgress
        )

        # What became of the commitments made in a review's span.
        type CommitmentCounts (
          # Made in the span.
          made: int,
          # Of those, done.
          kept: int,
          # Of those, dropped.
          dropped: int,
          # Of those, still open.
          open: int,
          # Of the open ones, carried into at least one later meeting.
          carried: int
        )

        # How the meetings of a review's span went.
        type MeetingCounts (
          # Occurrences that started and have a capture.
          held: int,
          # Occurrences that started without a capture (they may have happened: nothing says).
          notCaptured: int,
          # Occurrences cancelled.
          cancelled: int,
          # How many the cadence means in the span; absent without a cadence mentord reads.
          expected: ?int
        )

        # The two ratings of one capture.
        type RatingPoint (
          # The meeting.
          meetingId: int,
          # The occurrence, RFC 3339 UTC.
          occurrence: string,
          # The same instant in the meeting's zone.
          localStart: string,
          # How useful it was, 1 to 5.
          usefulness: ?int,
          # How the relationship felt, 1 to 5.
          relationship: ?int
        )

        # Progress over months in one relationship: each goal with its progress notes and criteria,
        # commitments kept, dropped and carried, meetings held and cancelled against the cadence, the two
        # ratings over time and the phase history, from since to now.
        method GetReview(
          # The partner, as for GetRelationship.
          partner: string,
          # Needed only when the partner is in both roles.
          role: ?Role,
          # Where the span begins: a day (YYYY-MM-DD, in the daemon's zone), a duration back from now
          # ("90d", "13w"), or the forms AddMeeting's start takes; default: when the relationship began.
          since: ?string
        ) -> (
          # The relationship.
          relationship: Relationship,
          # The span's start, RFC 3339 UTC.
          since: string,
          # The span's end (now), RFC 3339 UTC.
          until: string,
          # The span's start in the daemon's zone, RFC 3339 with offset.
          localSince: string,
          # The span's end in the daemon's zone, RFC 3339 with offset.
          localUntil: string,
          # Every goal active during the span, oldest first, each with the progress noted at the
          # meetings of the span, by the meeting's date.
          goals: []GoalReview,
          # The commitments made in the span.
          commitments: CommitmentCounts,
          # The meetings of the span.
          meetings: MeetingCounts,
          # The ratings of each capture in the span, oldest first.
          ratings: []RatingPoint,
          # The phase in force when the span began, then every change or review in it.
          phases: []PhaseChange,
          # Whether a review is due now: rate each goal again and decide the phase.
          reviewDue: bool
        )

        # No meeting has this id.
        error NoSuchMeeting (id: int)

        # The meeting is already cancelled.
        error AlreadyCancelled (id: int)

        # No IANA time zone has this name, in any case; suggestion is a zone close to it ("Berlin",
        # "Europe/Berln": Europe/Berlin), when there is one.
        error InvalidTimeZone (name: string, suggestion: ?string)

        # An abbreviation or POSIX-style name (PST, EST, CET, EST5EDT): a fixed offset or no place, so
        # summer times would be an hour off; zone is the IANA zone to use instead.
        error LegacyTimeZone (name: string, zone: string)

        # A time or date lies in the past where it must lie ahead: a meeting's start or a moved
        # occurrence without past, a capture's nextStart, a dueOn or a targetDate. field names it, text is
        # what was typed, resolved what it was read as (a local RFC 3339 time with offset, or a date).
        error TimeInPast (field: string, text: string, resolved: string)

        # A day was given for an occurrence, and the meeting has several that day; occurrences lists
        # their starts in the meeting's zone (local RFC 3339).
        error AmbiguousOccurrence (id: int, day: string, occurrences: []string)

        # The start could not be read or names an impossible date (2026-02-30).
        error InvalidTime (text: string, reason: string)

        # The local time does not exist in that zone: the clocks skip it at a DST change.
        error NonexistentLocalTime (text: string, timeZone: string)

        # The text is not a duration in the syntax of docs/protocol.md.
        error InvalidDuration (text: string)

        # The duration is outside 1 second to 24 hours.
        error DurationOutOfRange (seconds: int)

        # A required text field is empty.
        error EmptyText (field: string)

        # A text field is longer than its limit (in characters).
        error TextTooLong (field: string, length: int, limit: int)

        # A one-line text field (title, partner) contains a line break.
        error MultilineText (field: string)

        # A text field contains a character no text may hold (U+0000; a control character other than
        # tab, line feed and carriage return; DEL; a C1 control), or a one-line field holds a tab or a
        # bidirectional control (U+202A to U+202E, U+2066 to U+2069). codePoint is the first one found.
        error ControlCharacter (field: string, codePoint: int)

        # The partner is new, so the call must say whether the user is their mentor or mentee.
        error RoleRequired (partner: string)

        # The partner has a relationship in each role, so the call must name the role.
        error AmbiguousPartner (partner: string)

        # The message was not a valid Varlink call (not JSON, or no method); the connection is closed.
        error InvalidMessage (reason: string)

        # The message exceeded the size limit in bytes; the connection is closed.
        error MessageTooLarge (limit: int)

        # The daemon already serves its maximum number of connections; try again later.
        error TooManyConnections (limit: int)

        # The per-step offsets could not be read; reason says what is wrong.
        error InvalidOffsets (text: string, reason: string)

        # The step cannot be snoozed: it is off, settled, not shown yet and not postponed by the new time,
        # or nothing is left before what comes first (its next step, or the start). For a step not shown
        # yet, due is its own time in the user's zone, which reason also names.
        error CannotSnooze (meetingId: int, step: Step, reason: string, due: ?string)

        # The meeting has no occurrence starting then: occurrence is the time read (in the meeting's zone,
        # local RFC 3339 with offset; UTC from older daemons, and from the store's own checks) or the day;
        # timeZone is the zone it was read in, sameDay the occurrences of that day (local RFC 3339).
        error NoSuchOccurrence (id: int, occurrence: string, timeZone: ?string, sameDay: ?[]string)

        # CancelOccurrence or MoveOccurrence named a meeting that does not repeat: it has no occurrences
        # of its own to change. CancelMeeting cancels it; UpdateMeeting moves its start.
        error NotASeries (id: int)

        # The repeat rule could not be read or uses an unsupported part.
        error InvalidRecurrence (text: string, reason: string)

        # No relationship has this id.
        error NoSuchRelationship (id: int)

        # No relationship with this partner (in this role, when one was given).
        error NoSuchPartner (partner: string)

        # The name fits several partners equally well; candidates lists them, with their ids.
        error AmbiguousName (name: string, candidates: []PartnerCandidate)

        # The partner has no scheduled meeting that the name could stand for.
        error NoMeetingWith (partner: string)

        # A relationship with this partner in this role already exists.
        error RelationshipExists (partner: string, role: string)

        # The relationship still has meetings; deleting it needs force, which deletes them too.
        error RelationshipHasMeetings (id: int, meetings: int)

        # The meeting belongs to another relationship.
        error MeetingNotInRelationship (meetingId: int, relationshipId: int)

        # No learning goal has this id.
        error NoSuchGoal (id: int)

        # No offer has this id.
        error NoSuchOffer (id: int)

        # No action item has this id.
        error NoSuchActionItem (id: int)

        # No parked topic has this id.
        error NoSuchTopic (id: int)

        # A calendar date field is not YYYY-MM-DD or names a day that does not exist.
        error InvalidDate (field: string, text: string)

        # A rating is outside 1 to 5.
        error RatingOutOfRange (field: string, value: int)

        # A list has more entries than its limit.
        error TooMany (field: string, count: int, limit: int)

        # SQLite found the database damaged (reason: what PRAGMA quick_check or SQLite reported). The
        # daemon writes nothing more to the file until it is restarted, and refuses to start on it; reads
        # go on where they still can. The way out: restore a copy made by Backup, or recover what is
        # readable with the sqlite3 shell's .recover.
        error DatabaseDamaged (path: string, reason: string)

        # Backup wrote no copy to path; reason says why (not an absolute path, not a regular file, the
        # database itself, no space left, ...). An older file at path is left as it was.
        error CannotBackUp (path: string, reason: string)

        # The database could not complete the call (locked by another process, disk full, read-only);
        # nothing was changed.
        error StorageFailure (reason: string)

        # The e-mail address is another relationship's already.
        error EmailTaken (email: string, partner: string)

        # An e-mail field holds something that is not one address.
        error InvalidEmail (field: string, text: string)

        # The calendar file cannot be read: missing, not readable by the daemon, or not iCalendar; reason
        # says which, with the line where it could not be read.
        error CalendarUnreadable (path: string, reason: string)

        # The calendar file is larger than the daemon reads (64 MiB).
        error CalendarTooLarge (path: string, bytes: int, limit: int)

        # No event of the file found a partner by e-mail address, and no partner was given: these events
        # need one (import again with a partner, or give a relationship the address of an attendee).
        error PartnersNeeded (path: string, events: []SkippedEvent)

        # No followed calendar has this name.
        error NoSuchCalendar (name: string)

        # A followed calendar already has this name (any case).
        error CalendarExists (name: string)

        # The calendar is defined in the configuration file; change or remove it there.
        error CalendarInConfiguration (name: string)

        # The location cannot be followed: not an absolute path or an http(s) URL, missing, a user or
        # password inside the URL, a password sent over plain http to another host, ...; reason says which.
        error InvalidCalendarSource (location: string, reason: string)

        # A --match rule that is not category:WORD, title:WORD or attendee.
        error InvalidMatchRule (rule: string, reason: string)

        # The meeting comes from a followed calendar, which owns its times and title: change it there.
        error CalendarOwnsMeeting (id: int, calendar: string)
        """#

    /// `org.varlink.service.varlink`.
    public static let orgVarlinkService = #"""
        # The interface every Varlink service provides: it describes the service and the interfaces
        # it implements.
        interface org.varlink.service

        # Returns the service's vendor, product, version, URL and the interfaces it implements.
        method GetInfo() -> (
          vendor: string,
          product: string,
          version: string,
          url: string,
          interfaces: []string
        )

        # Returns the description (the interface file text) of an interface this service implements.
        method GetInterfaceDescription(interface: string) -> (description: string)

        # The requested interface is not implemented here.
        error InterfaceNotFound (interface: string)

        # The interface has no such method.
        error MethodNotFound (method: string)

        # The interface defines the method, but the service does not implement it.
        error MethodNotImplemented (method: string)

        # One of the parameters is missing or invalid.
        error InvalidParameter (parameter: string)

        # The client may not use this service.
        error PermissionDenied ()

        # The method must be called with 'more' set to true.
        error ExpectedMore ()
        """#
}
