import ArgumentParser
import MentorProtocol

struct PromptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompt",
        abstract: "Print a one-line status for a shell prompt; nothing when no meeting is near.",
        discussion: """
            Never starts the daemon and never prints errors, so it is safe in PS1:
              bash: PS1='$(mentorctl prompt --format "[%s] ")'"$PS1"
              zsh:  setopt PROMPT_SUBST; PROMPT='$(mentorctl prompt --format "[%s] ")'"$PROMPT"
            In bash and zsh, the snippets in docs/shell-prompt.md show the same with no process per
            prompt, from the file the daemon keeps beside its socket.
            """)

    @Option(help: "How far ahead a reminder counts, in hours.")
    var withinHours = 24

    @Option(help: "A printf-like format; %s is replaced by the status.")
    var format = "%s"

    @Option(help: "The daemon's control socket.")
    var socket: String?

    /// Accepted like every other verb's; prompt never starts the daemon anyway.
    @Flag(help: .hidden)
    var noAutostart = false

    func run() throws {
        // Silent on every failure: a prompt must never print noise or slow down on errors.
        guard let connection = try? VarlinkConnection(path: socket ?? SocketPath.resolve()) else { return }
        // A stopped or stuck daemon must not freeze the shell: give up after a second.
        connection.setTimeout(seconds: 1)
        guard let next = try? connection.call(GetNextReminder.self, NoParameters()),
            let reminder = next.reminder, let seconds = next.secondsUntilDue, seconds <= withinHours * 3600
        else { return }
        // As the bash and zsh snippets show the status file's line: `Plan: Weekly with Ana in 45m`.
        let status = "\(DisplayText.headline(reminder)) \(DisplayText.relative(minutes: seconds / 60))"
        print(format.split(separator: "%s", omittingEmptySubsequences: false).joined(separator: status))
    }
}
