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
          # Start: RFC 3339 with offset, a local "2026-12-03 15:00" in timeZone, "tomorrow 15:00",
          # "mon 9:30", "15:00" or "in 2h".
          start: string,
          # IANA time zone for local forms and for the meeting; defaults to the daemon's zone.
          timeZone: ?string,
          # Length, e.g. "45m"; 1 second to 24 hours; defaults to "1h".
          duration: ?string,
          # Why the meeting happens; at most 4000 characters.
          purpose: ?string
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
          purpose: ?string
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

        # Deletes a meeting for good.
        method DeleteMeeting(
          # The meeting's id.
          id: int
        ) -> ()

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
          # Meetings stored, past and cancelled included.
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
          timeZone: string
        )

        # No meeting has this id.
        error NoSuchMeeting (id: int)

        # The meeting is already cancelled.
        error AlreadyCancelled (id: int)

        # No IANA time zone has this name.
        error InvalidTimeZone (name: string)

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

        # The database could not complete the call (locked by another process, disk full, read-only);
        # nothing was changed.
        error StorageFailure (reason: string)
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
