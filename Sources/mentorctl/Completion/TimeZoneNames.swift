import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

/// The IANA zone names this machine has, read from its zone files (`$TZDIR`, else
/// /usr/share/zoneinfo) as the daemon reads them: a name is there when the daemon can use it.
enum TimeZoneNames {
    /// The names that start with `typed`, in any case, sorted. Only folders on the way to `typed`
    /// are read, so `Europe/` reads one folder.
    static func matching(_ typed: TypedPrefix) -> [String] {
        var names: [String] = []
        collect(in: ZoneInfoDirectory.current.path, prefix: "", typed: typed, into: &names)
        return names.sorted()
    }

    private static func collect(in directory: String, prefix: String, typed: TypedPrefix, into names: inout [String]) {
        for entry in entries(of: directory) {
            // At the top, zone names start with a capital (`Europe`, `UTC`); the lower-case entries
            // are the tables, `posixrules`, `localtime` and the `posix` and `right` copies.
            if prefix.isEmpty, entry.first?.isUppercase != true { continue }
            let name = prefix + entry
            let path = directory + "/" + entry
            var status = stat()
            guard stat(path, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                // Only a folder `typed` could lead into: `Europe/` for `eu`, not `America/`.
                let folder = name + "/"
                let typedHere = String(typed.text.prefix(folder.count))
                guard TypedPrefix(text: typedHere).completing(folder) != nil else { continue }
                collect(in: path, prefix: folder, typed: typed, into: &names)
            } else if typed.completing(name) != nil, isZoneFile(path) {
                names.append(name)
            }
        }
    }

    /// Whether the file starts as every TZif file does (not `SECURITY`, `zone.tab` and the like).
    private static func isZoneFile(_ path: String) -> Bool {
        guard let file = fopen(path, "rb") else { return false }
        defer { fclose(file) }
        var magic = [UInt8](repeating: 0, count: 4)
        return fread(&magic, 1, 4, file) == 4 && magic == Array("TZif".utf8)
    }

    /// The names in `directory` but `.` and `..`.
    private static func entries(of directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }
}
