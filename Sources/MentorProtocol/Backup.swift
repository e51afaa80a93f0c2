/// `io.mentord.Backup`: a consistent copy of the database, written while the daemon runs.
public enum Backup: VarlinkMethod {
    public static let name = "io.mentord.Backup"

    public struct Parameters: Codable, Sendable, Hashable {
        /// Where to write the copy: an absolute path naming a regular file or nothing yet.
        public var path: String

        public init(path: String) {
            self.path = path
        }
    }

    public struct Reply: Codable, Sendable, Hashable {
        /// The database that was copied.
        public var database: String
        /// Where the copy is.
        public var path: String
        /// The copy's size.
        public var bytes: Int64

        public init(database: String, path: String, bytes: Int64) {
            self.database = database
            self.path = path
            self.bytes = bytes
        }
    }
}
