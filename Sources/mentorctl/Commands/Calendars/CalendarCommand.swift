import ArgumentParser

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Follow calendars: an .ics file, a vdir folder, an ICS URL or a CalDAV collection.",
        discussion: """
            A followed calendar owns its meetings' times, titles and cancellations: when a meeting \
            moves or is cancelled there, its reminders move or stop by themselves. Prep, captures and \
            history stay with each occurrence. Files and folders are watched (a change applies within \
            a second); URLs and CalDAV collections are polled (every 15 minutes unless --interval). An \
            event deleted from the calendar goes after two syncs in a row agree; a calendar that \
            cannot be read, or is empty, never deletes anything. Without a subcommand, lists them.

            See docs/calendar.md for each kind, and for 'mentorctl import', the one-shot import.
            """,
        subcommands: [
            CalendarAddCommand.self, CalendarListCommand.self, CalendarSyncCommand.self, CalendarShowCommand.self,
            CalendarRemoveCommand.self,
        ],
        defaultSubcommand: CalendarListCommand.self)
}
