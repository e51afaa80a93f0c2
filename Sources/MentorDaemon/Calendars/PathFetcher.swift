import Foundation
import MentorCalendar

/// Reads a followed `.ics` file (one item, href "") or vdir folder (one item per `*.ics` file, href
/// its name). vdirsyncer and khal write through `*.tmp` files renamed into place, and keep metadata in
/// files without an extension (`color`, `displayname`): only `*.ics` files are items, hidden ones never.
struct PathFetcher: CalendarFetcher {
    let path: String
    let isFolder: Bool
    var limits = CalendarLimits()
    /// Files a folder may hold; more is a failed fetch, not a partial one.
    var maximumItems = 100_000

    func fetch(known: [String: String], state: String) async throws -> CalendarListing {
        let (path, isFolder, limits, maximumItems) = (path, isFolder, limits, maximumItems)
        return try await offTheLoop {
            isFolder
                ? try Self.folder(path, known: known, limits: limits, maximumItems: maximumItems)
                : try Self.file(path, known: known, limits: limits)
        }
    }

    private static func file(_ path: String, known: [String: String], limits: CalendarLimits) throws
        -> CalendarListing
    {
        guard let version = version(of: path) else {
            throw CalendarFetchError(description: "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        var listing = CalendarListing(versions: ["": version])
        if known[""] != version { listing.bodies[""] = try CalendarFileBytes.read(path, limit: limits.bytes) }
        return listing
    }

    private static func folder(_ path: String, known: [String: String], limits: CalendarLimits, maximumItems: Int)
        throws -> CalendarListing
    {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw CalendarFetchError(description: "cannot list \(path): \((error as NSError).localizedDescription)")
        }
        let items = names.filter { $0.hasSuffix(".ics") && !$0.hasPrefix(".") }
        guard items.count <= maximumItems else {
            throw CalendarFetchError(description: "\(path) holds \(items.count) .ics files, more than \(maximumItems)")
        }
        var listing = CalendarListing()
        for name in items {
            let file = path + "/" + name
            // Gone between the listing and now (a rename by vdirsyncer): not an item.
            guard let version = version(of: file) else { continue }
            listing.versions[name] = version
            guard known[name] != version else { continue }
            do {
                listing.bodies[name] = try CalendarFileBytes.read(file, limit: limits.bytes)
            } catch {
                listing.unreadable[name] = "\(error)"
            }
        }
        return listing
    }

    /// A file's version: its inode, size and modification time to the nanosecond (a rename changes the
    /// inode, a rewrite the time). Nil when it cannot be read or is not a regular file.
    static func version(of path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return "\(status.st_ino)-\(status.st_size)-\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }
}
