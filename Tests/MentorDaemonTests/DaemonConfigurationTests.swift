import Foundation
import MentorDaemon
import MentorTestSupport
import Testing

struct DaemonConfigurationTests {
    @Test func readsDefaultsFromAnEmptyOrMissingFile() throws {
        #expect(try DaemonConfiguration.parse("", path: "c.toml") == DaemonConfiguration())
        #expect(try DaemonConfiguration.load(path: "/nonexistent/mentord/config.toml") == DaemonConfiguration())
        #expect(DaemonConfiguration().limits.maxConnections == 256)
        #expect(DaemonConfiguration().limits.maxMessageBytes == 1_048_576)
    }

    @Test func readsLimits() throws {
        let configuration = try DaemonConfiguration.parse(
            "# mine\n[limits]\nmax_connections = 8\nmax_message_bytes = 4096\nmessage_timeout = \"2m\"\n",
            path: "c.toml")
        #expect(configuration.limits.maxConnections == 8)
        #expect(configuration.limits.maxMessageBytes == 4096)
        #expect(configuration.limits.messageTimeoutSeconds == 120)
        #expect(DaemonConfiguration().limits.messageTimeoutSeconds == 30)
        #expect(DaemonConfiguration().limits.idleTimeoutSeconds == 60)
        #expect(
            try DaemonConfiguration.parse("[limits]\nidle_timeout = \"5m\"\n", path: "c.toml").limits.idleTimeoutSeconds
                == 300)
    }

    @Test func acceptsTheRemindersTableForTheEngine() throws {
        #expect(
            try DaemonConfiguration.parse("[reminders]\npurpose = \"3d\"\n", path: "c.toml") == DaemonConfiguration())
    }

    @Test func readsTheUsersOwnCalendarAddressesInLowerCase() throws {
        let configuration = try DaemonConfiguration.parse(
            "[calendar]\naddresses = [\"Ada@Example.org\", \"ada@work.example\"]\n", path: "c.toml")
        #expect(configuration.calendar.addresses == ["ada@example.org", "ada@work.example"])
    }

    @Test(arguments: [
        (
            "[calendar]\naddresses = \"ada@example.org\"\n", "c.toml:2",
            "'calendar.addresses' must be a list of e-mail addresses: [\"me@example.org\"]"
        ),
        (
            "[calendar]\naddresses = [\"ada\"]\n", "c.toml:2",
            "'calendar.addresses' must be a list of e-mail addresses: [\"me@example.org\"]"
        ),
        ("[calendar]\naddress = []\n", "c.toml:2", "'calendar.address' unknown key"),
        ("[limits]\nmax_conections = 8\n", "c.toml:2", "'limits.max_conections' unknown key"),
        ("\n\n[limit]\n", "c.toml:3", "'limit' unknown table or key"),
        (
            "[limits]\nmax_connections = \"many\"\n", "c.toml:2",
            "'limits.max_connections' must be a whole number from 1 to 65536"
        ),
        (
            "[limits]\nmax_connections = 0\n", "c.toml:2",
            "'limits.max_connections' must be a whole number from 1 to 65536"
        ),
        (
            "[limits]\nmax_message_bytes = 10\n", "c.toml:2",
            "'limits.max_message_bytes' must be a whole number from 1024 to 67108864"
        ),
        (
            "[limits]\nmessage_timeout = \"2h\"\n", "c.toml:2",
            "'limits.message_timeout' must be a duration from \"1s\" to \"1h\""
        ),
        ("limits = 3\n", "c.toml:1", "'limits' must be a table"),
        ("[desktop]\nenabled = true\n[journal]\nenabled = 1\n", "c.toml:4", "'journal.enabled' must be true or false"),
        (
            "[hook]\ncommand = \"notify-send $TITLE\"\n", "c.toml:2",
            "'hook.command' must be a list of strings, the program first: [\"notify-me\", \"--flag\"]"
        ),
        ("[hook]\ntimeout = \"1h\"\n", "c.toml:2", "'hook.timeout' must be a duration from \"1s\" to \"5m\""),
        ("[hook]\nshell = true\n", "c.toml:2", "'hook.shell' unknown key"),
    ])
    func namesTheFileLineAndKeyOfABadSetting(text: String, place: String, reason: String) {
        #expect(throws: DaemonError.invalidConfiguration(path: place, reason: reason)) {
            try DaemonConfiguration.parse(text, path: "c.toml")
        }
    }

    @Test func readsTheChannels() throws {
        let configuration = try DaemonConfiguration.parse(
            """
            [desktop]
            enabled = false
            open = ["foot", "-e", "mentorctl", "prep"]
            timeout = "2s"
            privacy = "headline"
            [journal]
            enabled = false
            [hook]
            command = ["/usr/bin/espeak-ng", "time to prepare"]
            timeout = "30s"
            """, path: "c.toml")
        #expect(!configuration.channels.desktop && !configuration.channels.journal)
        #expect(configuration.channels.openCommand == ["foot", "-e", "mentorctl", "prep"])
        #expect(configuration.channels.desktopTimeoutSeconds == 2 && configuration.channels.hookTimeoutSeconds == 30)
        #expect(configuration.channels.hookCommand == ["/usr/bin/espeak-ng", "time to prepare"])
        #expect(DaemonConfiguration().channels.hookCommand.isEmpty && DaemonConfiguration().channels.desktop)
        #expect(configuration.channels.desktopPrivacy == .headline)
        #expect(DaemonConfiguration().channels.desktopPrivacy == .full)
        #expect(
            throws: DaemonError.invalidConfiguration(
                path: "c.toml:2", reason: "'desktop.privacy' must be \"full\" or \"headline\"")
        ) {
            try DaemonConfiguration.parse("[desktop]\nprivacy = \"blurred\"\n", path: "c.toml")
        }
    }

    @Test func refusesAFileOtherUsersCouldHaveWritten() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("config.toml")
        try "[hook]\ncommand = [\"/bin/true\"]\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o644)
        #expect(try DaemonConfiguration.load(path: path).channels.hookCommand == ["/bin/true"])
        chmod(path, 0o664)
        #expect {
            try DaemonConfiguration.load(path: path)
        } throws: { error in
            guard case .invalidConfiguration(_, let reason) = error as? DaemonError else { return false }
            return reason.contains("writable by other users (mode 664)")
        }
        // /dev/null (world-writable, but not a regular file) still means the defaults.
        #expect(try DaemonConfiguration.load(path: "/dev/null") == DaemonConfiguration())
    }

    /// The commented file `make install` puts in place states every default, and only defaults.
    @Test func theShippedConfigurationFileReadsAsTheDefaults() throws {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config/mentord.toml").path
        #expect(try DaemonConfiguration.load(path: shipped) == DaemonConfiguration())
    }

    @Test func reportsSyntaxErrorsWithTheirLineAndColumn() {
        #expect(
            throws: DaemonError.invalidConfiguration(path: "c.toml:2:19", reason: "expected a value, found '='")
        ) {
            try DaemonConfiguration.parse("[limits]\nmax_connections = = 3\n", path: "c.toml")
        }
    }
}
