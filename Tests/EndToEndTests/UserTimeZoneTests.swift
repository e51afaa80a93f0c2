import Foundation
import MentorProtocol
import MentorTestSupport
import Testing

/// The user's zone as mentorctl reads `TZ`, the C library's way: a meeting added without `--tz`
/// is stored with the zone mentorctl prints times in, or refused when `TZ` names no IANA zone;
/// never stored with another.
struct UserTimeZoneTests {
    /// One value of `TZ` and what mentorctl makes of it.
    struct Case: Sendable, CustomTestStringConvertible {
        /// `TZ`, nil for unset; `$DIR` stands for the test's directory, where ``files`` are made.
        var tz: String?
        /// The zone a meeting added without `--tz` is stored with (mentord stores `UTC` as
        /// `Etc/UTC`); nil for the machine's own, or when the add is refused.
        var stored: String?
        /// What the add says when it is refused.
        var refusal = ""
        /// Berlin's 2036-07-01 15:00 (13:00 UTC) as printed in this zone; nil for the machine's own.
        var printed: String?
        /// A file to make in the test's directory from a zone's file, which `TZ` names.
        var file: ZoneFile?

        var testDescription: String {
            (tz.map { "TZ=\($0)" } ?? "TZ unset") + (file.map { " (\($0.kind) of \($0.zone))" } ?? "")
        }
    }

    /// `$DIR/localtime` made from a zone database file.
    struct ZoneFile: Sendable {
        enum Kind: Sendable { case copy, link, alteredCopy }
        var kind: Kind
        var zone: String
    }

    static let utc = "Tue 2036-07-01 13:00 +00:00"
    static let berlin = "Tue 2036-07-01 15:00 +02:00"
    static let newYork = "Tue 2036-07-01 09:00 -04:00"
    static let posixRule = "CET-1CEST,M3.5.0,M10.5.0/3"

    static let cases: [Case] = [
        // The machine's /etc/localtime: whichever zone it is, printing and storing agree.
        Case(tz: nil, stored: nil, printed: nil),
        // glibc reads a TZ that is set but empty as UTC, not as unset.
        Case(tz: "", stored: "Etc/UTC", printed: utc),
        Case(tz: "Europe/Berlin", stored: "Europe/Berlin", printed: berlin),
        Case(tz: ":Europe/Berlin", stored: "Europe/Berlin", printed: berlin),
        Case(tz: "/usr/share/zoneinfo/Europe/Berlin", stored: "Europe/Berlin", printed: berlin),
        Case(tz: ":/usr/share/zoneinfo/posix/Europe/Berlin", stored: "Europe/Berlin", printed: berlin),
        // A copy of a zone's file, as some containers make /etc/localtime, is named by its bytes.
        Case(
            tz: ":$DIR/localtime", stored: "America/New_York", printed: newYork,
            file: ZoneFile(kind: .copy, zone: "America/New_York")),
        // A link into the zone database, as /etc/localtime usually is, is named by its target.
        Case(
            tz: "$DIR/localtime", stored: "Europe/Berlin", printed: berlin,
            file: ZoneFile(kind: .link, zone: "Europe/Berlin")),
        // A zone file that is no zone's: shown in, but not stored with.
        Case(
            tz: ":$DIR/localtime",
            refusal: "/localtime is a zone file neither in /usr/share/zoneinfo nor a copy of one of its zones, "
                + "so it names no IANA zone: pass --tz",
            printed: newYork, file: ZoneFile(kind: .alteredCopy, zone: "America/New_York")),
        Case(tz: "UTC", stored: "Etc/UTC", printed: utc),
        // A zone database name the daemon refuses, with the place to use instead (LegacyTimeZone).
        Case(tz: "EST5EDT", refusal: "'EST5EDT' is an abbreviation, not a place", printed: newYork),
        Case(
            tz: posixRule,
            refusal: "mentorctl: TZ is a POSIX rule (\(posixRule)), which names no IANA zone: pass --tz with "
                + "the zone you are in (an IANA name such as Europe/Berlin), or set TZ to it\n",
            printed: berlin),
        Case(
            tz: "no such zone", refusal: "TZ=no such zone is neither a zone in /usr/share/zoneinfo nor a POSIX rule",
            printed: utc),
    ]

    @Test(arguments: cases)
    func storesMeetingsInTheZoneItPrintsIn(_ row: Case) async throws {
        try await offThePool {
            let daemon = try DaemonProcess()
            defer { daemon.directory.remove() }
            if let file = row.file { try make(file, at: daemon.directory.file("localtime")) }
            let tz = row.tz?.replacingOccurrences(of: "$DIR", with: daemon.directory.path)
            let ctl = { (arguments: [String]) in
                try daemon.ctl(
                    arguments, environment: tz.map { ["TZ": $0] } ?? [:],
                    removingEnvironment: tz == nil ? ["TZ"] : [])
            }
            let sam = ["--with", "Sam", "--role", "mentee", "--at"]
            let added = try ctl(["add", "Local"] + sam + ["2036-07-01 15:00"])
            if row.refusal.isEmpty {
                #expect(added.status == 0, "\(added)")
                let reply = try JSONDecoder().decode(
                    Wire.MeetingReply.self, from: Data(try ctl(["show", "1", "--json"]).stdout.utf8))
                let stored = reply.meeting.timeZone
                if let expected = row.stored { #expect(stored == expected, "\(added)") }
                // Shown at the time typed and no other zone beside: the clock the user reads is the meeting's.
                let when = try whenLine(ctl(["show", "1"]))
                #expect(when.hasPrefix("When:       Tue 2036-07-01 15:00 ") && when.hasSuffix(" \(stored)"), "\(when)")
                #expect(!when.contains("("), "\(when)")
            } else {
                #expect(added.status == 1 && added.stderr.contains(row.refusal), "\(added)")
                #expect(try ctl(["list", "--all"]).stdout == "No meetings.\n", "nothing stored")
            }
            // Printing alone: a meeting in Berlin, shown in the user's zone.
            let berlin = try ctl(["add", "Berlin"] + sam + ["2036-07-01 15:00", "--tz", "Europe/Berlin"])
            #expect(berlin.status == 0, "\(berlin)")
            let id = row.refusal.isEmpty ? "2" : "1"
            let when = try whenLine(ctl(["show", id]))
            if let printed = row.printed { #expect(when.hasPrefix("When:       \(printed) "), "\(when)") }
        }
    }

    /// The `When:` line of `mentorctl show`.
    private func whenLine(_ shown: ProcessResult) throws -> String {
        try #require(shown.stdout.split(separator: "\n").first { $0.hasPrefix("When:") }.map(String.init), "\(shown)")
    }

    /// Makes `file` at `path`: a copy of its zone's file, a link to it, or a copy with a byte more,
    /// which the C library still reads but which is no zone database file.
    private func make(_ file: ZoneFile, at path: String) throws {
        let target = "/usr/share/zoneinfo/\(file.zone)"
        switch file.kind {
        case .link: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
        case .copy: try FileManager.default.copyItem(atPath: target, toPath: path)
        case .alteredCopy:
            try (Data(contentsOf: URL(fileURLWithPath: target)) + Data("\n".utf8)).write(to: URL(fileURLWithPath: path))
        }
    }
}
