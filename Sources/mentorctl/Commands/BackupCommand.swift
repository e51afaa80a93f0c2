import ArgumentParser
import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database to a file, while mentord runs.",
        discussion: """
            Uses SQLite's online backup: the copy is one complete database file (no -wal beside \
            it), readable by you alone, and it replaces an existing FILE only once it is complete. \
            Copying the database file yourself while mentord runs can miss what is still in its \
            -wal file; this cannot. To restore, stop mentord and put the copy in place of the \
            database ('mentorctl status' shows where it is).

            Example:
              mentorctl backup ~/backups/mentord-$(date +%F).sqlite3
            """)

    @Argument(help: ArgumentHelp("The file to write.", valueName: "file"))
    var file: String

    @OptionGroup var client: ClientOptions

    func run() throws {
        try reportingFailures {
            // The daemon runs in /, so a relative path is made this shell's before it is sent.
            var path = file
            if !path.hasPrefix("/"), let directory = getcwd(nil, 0) {
                path = String(cString: directory) + "/" + path
                free(directory)
            }
            try DaemonClient(client).perform(Backup.self, .init(path: path)) { reply in
                print("Backed up \(reply.database) to \(reply.path) (\(reply.bytes) bytes)")
            }
        }
    }
}
