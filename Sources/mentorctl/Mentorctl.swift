import ArgumentParser
import MentorProtocol

/// `mentorctl`: the command-line client of mentord. Each verb is one Varlink call.
@main
struct Mentorctl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentorctl",
        abstract: "Tell mentord about your mentoring meetings and see what it has stored.",
        discussion: """
            mentorctl talks to the mentord daemon over its Varlink socket. If nothing listens there, \
            it starts mentord in the background first (disable with --no-autostart).
            """,
        version: MentordVersion.current,
        subcommands: [
            AddCommand.self, ListCommand.self, ShowCommand.self, EditCommand.self, CancelCommand.self,
            DeleteCommand.self, StatusCommand.self, WatchCommand.self, NextCommand.self, DoneCommand.self,
            SnoozeCommand.self, PromptCommand.self, UpcomingCommand.self, TestNotifyCommand.self, PrepCommand.self,
            CaptureCommand.self, OpenCommand.self, ReviewCommand.self, RelationshipCommand.self, GoalCommand.self,
            OfferCommand.self,
            ItemCommand<ActionKind>.self, ItemCommand<TopicKind>.self, HistoryCommand.self, ExportCommand.self,
            BackupCommand.self,
            ImportCommand.self, CalendarCommand.self,
        ])
}
