import CSystemd

#if canImport(Glibc)
import Glibc
#endif

/// Structured entries for journald through its native protocol (`sd_journal_sendv`), so fields
/// such as `MENTORD_MEETING_ID` can be matched: `journalctl --user MENTORD_MEETING_ID=3`.
public enum Journal {
    /// Sends one entry made of `fields` (`MESSAGE`, `PRIORITY`, ...); true when journald took it.
    /// Values may span lines. Field names must already be valid (see ``fieldName(_:)``).
    public static func send(_ fields: [(name: String, value: String)]) -> Bool {
        let entries = fields.map { strdup("\($0.name)=\($0.value)") }
        defer { for entry in entries { free(entry) } }
        var vectors = entries.map { iovec(iov_base: UnsafeMutableRawPointer($0), iov_len: strlen($0!)) }
        return sd_journal_sendv(&vectors, Int32(vectors.count)) >= 0
    }

    /// A journal field name for a metadata key: upper case, every other character an underscore,
    /// never starting with one (those are journald's own): `mentord.meeting.id` ->
    /// `MENTORD_MEETING_ID`.
    public static func fieldName(_ key: String) -> String {
        var name = String(
            key.uppercased().unicodeScalars.map { scalar -> Character in
                ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "_"
            })
        while name.hasPrefix("_") { name.removeFirst() }
        if let first = name.first, first.isNumber { name = "F" + name }
        return name.isEmpty ? "FIELD" : String(name.prefix(64))
    }
}
