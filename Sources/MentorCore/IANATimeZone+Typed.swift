import Foundation

extension IANATimeZone {
    /// Abbreviations and POSIX-style names people type for a zone, with the place to use instead.
    /// They are fixed offsets or name no place (`EST` stays at -05:00 all summer; `CET` is nowhere
    /// in particular), so a meeting arranged in one is silently an hour off for half the year.
    static let legacyNames: [String: String] = [
        "EST": "America/New_York", "EDT": "America/New_York", "EST5EDT": "America/New_York",
        "CST": "America/Chicago", "CDT": "America/Chicago", "CST6CDT": "America/Chicago",
        "MST": "America/Denver", "MDT": "America/Denver", "MST7MDT": "America/Denver",
        "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles", "PST8PDT": "America/Los_Angeles",
        "AKST": "America/Anchorage", "AKDT": "America/Anchorage", "HST": "Pacific/Honolulu",
        "CET": "Europe/Berlin", "CEST": "Europe/Berlin", "MET": "Europe/Berlin", "MEST": "Europe/Berlin",
        "EET": "Europe/Athens", "EEST": "Europe/Athens", "WET": "Europe/Lisbon", "WEST": "Europe/Lisbon",
        "BST": "Europe/London", "JST": "Asia/Tokyo", "AEST": "Australia/Sydney", "AEDT": "Australia/Sydney",
    ]

    /// The zone a person typed: a tz database name in any case (`europe/berlin`, `utc`), stored
    /// under its own spelling.
    /// - Throws: ``TimeZoneError/legacy(_:use:)`` for `PST`, `EST`, `CET` and their kin, naming the
    ///   zone to use; ``TimeZoneError/misspelled(_:suggestion:)`` for a city alone (`Berlin`) or a
    ///   name a letter or two off (`Europe/Berln`); ``TimeZoneError/unknown(_:)`` otherwise.
    public static func typed(_ name: String) throws(TimeZoneError) -> TimeZone {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if let place = legacyNames[trimmed.uppercased()] { throw .legacy(name, use: place) }
        if let zone = try? named(trimmed) { return zone }
        let folded = fold(trimmed)
        if folded == "utc" || folded == "etc/utc" { return try named("UTC") }
        let known = TimeZone.knownTimeZoneIdentifiers
        if let exact = known.first(where: { fold($0) == folded }), let zone = try? named(exact) { return zone }
        if let suggestion = nearest(folded, among: known) { throw .misspelled(name, suggestion: suggestion) }
        throw .unknown(name)
    }

    /// `New York` and `new_york` alike.
    private static func fold(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: " ", with: "_")
    }

    /// The zone whose city is `folded`, else the one whose name or city is at most two edits from
    /// it (the closest, then the first in the list).
    private static func nearest(_ folded: String, among known: [String]) -> String? {
        func city(_ identifier: String) -> String { fold(String(identifier.split(separator: "/").last ?? "")) }
        if let match = known.first(where: { $0.contains("/") && city($0) == folded }) { return match }
        // The list Foundation knows lacks some current names (Asia/Kolkata under its old Calcutta).
        let capitalized = folded.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined(separator: "_")
        for region in ["Europe", "America", "Asia", "Africa", "Australia", "Pacific", "Atlantic", "Indian"] {
            if let zone = try? named("\(region)/\(capitalized)") { return zone.identifier }
        }
        var best: (identifier: String, distance: Int)?
        for identifier in known where identifier.contains("/") {
            let distance = min(editDistance(fold(identifier), folded), editDistance(city(identifier), folded))
            if distance <= 2, distance < (best?.distance ?? .max) { best = (identifier, distance) }
        }
        return best?.identifier
    }

    /// Levenshtein distance, stopping early is not worth it for names this short.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
