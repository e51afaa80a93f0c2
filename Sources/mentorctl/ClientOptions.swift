import ArgumentParser
import MentorProtocol

/// Options every subcommand takes: where the daemon is and how to print.
struct ClientOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The daemon's control socket.",
            discussion:
                "Default: $MENTORD_SOCKET, else $XDG_RUNTIME_DIR/mentord/socket, else /tmp/mentord-$UID/socket.",
            valueName: "path"))
    var socket: String?

    @Flag(help: "Print the daemon's reply as JSON, for scripts.")
    var json = false

    @Flag(help: "Fail instead of starting mentord when nothing listens on the socket.")
    var noAutostart = false

    /// The socket to use.
    var socketPath: String { socket ?? SocketPath.resolve() }

    /// These options as a command line, for a command that runs another.
    var arguments: [String] {
        (socket.map { ["--socket", $0] } ?? []) + (json ? ["--json"] : []) + (noAutostart ? ["--no-autostart"] : [])
    }
}

extension Wire.Role: ExpressibleByArgument {}

extension Wire.Phase: ExpressibleByArgument {}
