import MentorProtocol

/// A failure as `--json` reports it: one object on standard output, so a script reads the
/// error where it reads replies, and the same exit status as without `--json`.
///
/// `{"error": "io.mentord.NoSuchMeeting", "message": "no meeting with id 7", "parameters": {"id": 7}}`;
/// failures of mentorctl's own are named `mentorctl.Usage` (64), `mentorctl.Unavailable` (69)
/// and `mentorctl.Failed` (1).
struct ErrorReport: Encodable {
    var error: String
    var message: String
    var parameters: JSONValue?

    /// A failure of mentorctl's own, named by its exit status.
    init(message: String, exitCode: Int32) {
        error =
            switch exitCode {
            case 64: "mentorctl.Usage"
            case 69: "mentorctl.Unavailable"
            default: "mentorctl.Failed"
            }
        self.message = message
    }

    /// An error the daemon replied with, under its own name and parameters.
    init(remote: VarlinkRemoteError) {
        error = remote.name
        message = remote.message(showingTimes: UserTime.when)
        parameters = remote.parameters
    }

    /// Whether this run asked for JSON: `--json` anywhere before a `--`, wherever the options stand,
    /// so a failure found before the command is parsed is reported as JSON too.
    static let requested: Bool = CommandLine.arguments.dropFirst().prefix { $0 != "--" }.contains("--json")

    /// Prints `message` for a person (stderr) or, with `--json`, as this report (stdout).
    static func emit(_ message: String, exitCode: Int32, remote: VarlinkRemoteError? = nil) {
        guard requested else {
            printError(message)
            return
        }
        let report = remote.map(ErrorReport.init(remote:)) ?? ErrorReport(message: message, exitCode: exitCode)
        print(JSONOutput.pretty(report))
    }
}
