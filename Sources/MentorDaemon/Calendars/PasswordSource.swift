import Foundation

/// Where the password of a followed calendar comes from: the first line of a file, or what a command
/// prints (`password_command`, as vdirsyncer's `fetch = ["command", ...]`). Read at each sync and kept
/// only for the requests of that sync: never in the database, a log or an error message.
enum PasswordSource {
    /// The `Authorization` header value for `settings`, or nil when no user name is set.
    static func authorization(_ settings: FollowSettings) async throws -> String? {
        guard let username = settings.username else { return nil }
        let password: String
        if let file = settings.passwordFile {
            let bytes: [UInt8]
            do {
                bytes = try CalendarFileBytes.read(file, limit: 64 << 10)
            } catch {
                throw CalendarFetchError(description: "cannot read the password file \(file)")
            }
            password = firstLine(bytes)
        } else if let command = settings.passwordCommand {
            let outcome: CommandRunner.Outcome
            do {
                outcome = try await CommandRunner.run(command, environment: [:], timeout: 30)
            } catch {
                throw CalendarFetchError(description: "the password command \(command[0]) could not run: \(error)")
            }
            guard outcome.status == 0, !outcome.timedOut else {
                // Its output may hold the password: only the status is told.
                throw CalendarFetchError(
                    description: "the password command \(command[0]) "
                        + (outcome.timedOut ? "took longer than 30 s" : "exited with status \(outcome.status)"))
            }
            password = firstLine(Array(outcome.output.utf8))
        } else {
            password = ""
        }
        return "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }

    private static func firstLine(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    }
}
