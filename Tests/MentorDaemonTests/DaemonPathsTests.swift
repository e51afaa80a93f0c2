import MentorDaemon
import Testing

struct DaemonPathsTests {
    @Test func followsTheXDGBaseDirectories() {
        let paths = DaemonPaths.defaults(environment: [
            "HOME": "/home/ana", "XDG_DATA_HOME": "/data", "XDG_CONFIG_HOME": "/conf", "XDG_RUNTIME_DIR": "/run/user/7",
        ])
        #expect(
            paths
                == DaemonPaths(
                    socket: "/run/user/7/mentord/socket", database: "/data/mentord/mentord.sqlite3",
                    configuration: "/conf/mentord/config.toml"))
    }

    @Test func ignoresRelativeXDGValuesAsTheSpecSays() {
        let paths = DaemonPaths.defaults(environment: [
            "HOME": "/home/ana", "XDG_DATA_HOME": "data", "MENTORD_SOCKET": "/s",
        ])
        #expect(paths.database == "/home/ana/.local/share/mentord/mentord.sqlite3")
        #expect(paths.configuration == "/home/ana/.config/mentord/config.toml")
        #expect(paths.socket == "/s")
    }
}
