import Logging
import MentorProtocol

/// Runs the user's `[hook] command` for each reminder, with the reminder in `MENTORD_*`
/// environment variables (see ``HookEnvironment``).
///
/// A hook that fails, hangs past its timeout, or cannot be found is logged each time; delivery
/// through the other channels goes on regardless.
struct HookChannel: ReminderChannel {
    let command: [String]
    let timeout: Int
    /// Shared by every delivery, so a burst of cards runs a bounded number of hooks at once.
    let gate: HookGate
    let logger: Logger
    var name: String { "hook" }

    func deliver(_ card: OutgoingCard) async throws -> String {
        let metadata: Logger.Metadata = ["mentord.meeting.id": "\(card.meetingID.map(String.init) ?? "")"]
        let outcome: CommandRunner.Outcome
        do {
            outcome = try await gate.run { [command, timeout] in
                try await CommandRunner.run(
                    command, environment: HookEnvironment.variables(for: card), timeout: timeout)
            }
        } catch {
            logger.error("Hook \(command[0]) could not run: \(error)", metadata: metadata)
            throw CommandRunner.LaunchError(description: "\(command[0]) could not run: \(error)")
        }
        let said = Self.firstLine(of: outcome.output)
        if outcome.timedOut {
            logger.error("Hook \(command[0]) still ran after \(timeout) s and was stopped", metadata: metadata)
            throw CommandRunner.LaunchError(description: "timed out after \(timeout) s")
        }
        guard outcome.status == 0 else {
            logger.error(
                "Hook \(command[0]) failed with status \(outcome.status)\(said.isEmpty ? "" : ": \(said)")",
                metadata: metadata)
            throw CommandRunner.LaunchError(description: "exit status \(outcome.status)")
        }
        logger.debug("Hook \(command[0]) ran: \(outcome.outputBytes) bytes of output", metadata: metadata)
        return "exit status 0"
    }

    /// The first line of the hook's output, shortened, for a one-line log entry.
    private static func firstLine(of output: String) -> String {
        let line = output.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }
}
