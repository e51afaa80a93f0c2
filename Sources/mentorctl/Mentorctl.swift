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

    /// Parses and runs, after ``CommandLineFront``: global options may come before the subcommand,
    /// a mistyped one is answered with the one meant, and with `--json` a usage error is an
    /// ``ErrorReport`` on stdout (exit status 64 either way).
    static func main() {
        let arguments = CommandLineFront.reordered(Array(CommandLine.arguments.dropFirst()))
        if let unknown = CommandLineFront.unknownCommand(in: arguments) {
            ErrorReport.emit(unknown, exitCode: 64)
            exit(withError: ExitCode(64))
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            // ExitCode: already reported. Help, --version and completions are not failures.
            let code = exitCode(for: error)
            if ErrorReport.requested, !(error is ExitCode), code != .success {
                ErrorReport.emit(message(for: error), exitCode: code.rawValue)
                exit(withError: ExitCode(code.rawValue))
            }
            exit(withError: error)
        }
    }
}
