import ArgumentParser
import MentorProtocol

struct TestNotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-notify",
        abstract: "Send a sample reminder through every enabled channel and report each one.",
        discussion: """
            The sample is a made-up meeting 15 minutes from now; its buttons change nothing. Exits 1 \
            when an enabled channel failed, so it can be used in scripts.
            """)

    @OptionGroup var client: ClientOptions

    func run() throws {
        var failed = false
        try reportingFailures {
            let reply = try DaemonClient(client).perform(TestNotify.self, NoParameters()) { reply in
                print(
                    TextTable.render(
                        reply.channels.map { result in
                            let state = !result.enabled ? "off" : result.ok ? "ok" : "FAILED"
                            return ["\(result.channel):", state, result.detail]
                        }))
            }
            failed = reply?.channels.contains { $0.enabled && !$0.ok } ?? false
        }
        if failed { throw ExitCode.failure }
    }
}
