/// The user's own time zone, read the way the C library reads it: from a TZif file (RFC 8536),
/// such as `/etc/localtime` or `/usr/share/zoneinfo/Europe/Berlin`, or from a POSIX `TZ` rule.
///
/// `mentorctl` shows every time in the user's zone without a time zone database of its own:
/// it hands the bytes of one file to ``init(name:tzif:)``, and this type does the rest as pure
/// arithmetic, so it is tested against Foundation's zones (MentorExportTests).
public struct UserZone: Sendable, Equatable {
    /// What the user calls the zone (`Europe/Berlin`), for labels.
    public var name: String
    /// Transition instants, ascending, seconds since the epoch.
    private var transitions: [Int64]
    /// The offset that applies from each transition on (seconds east of UTC).
    private var offsets: [Int]
    /// The offset before the first transition.
    private var initialOffset: Int
    /// The rule after the last transition, from the file's footer.
    private var footer: PosixZoneRule?

    /// UTC, for a user whose zone cannot be read.
    public static let utc = UserZone(name: "UTC", rule: PosixZoneRule("UTC0")!)

    /// A zone given by a POSIX rule alone (`TZ=CET-1CEST,M3.5.0,M10.5.0/3`).
    public init(name: String, rule: PosixZoneRule) {
        self.name = name
        transitions = []
        offsets = []
        initialOffset = rule.standardOffset
        footer = rule
    }

    /// The zone a TZif file describes; nil when the bytes are not one.
    public init?(name: String, tzif bytes: [UInt8]) {
        var reader = TZifReader(bytes)
        guard let first = reader.header() else { return nil }
        var header = first
        var timeSize = 4
        if first.version >= 2 {
            // Skip the 32-bit block: the 64-bit one after it reaches beyond 2038.
            guard reader.skip(first.dataSize(timeSize: 4)), let second = reader.header() else { return nil }
            header = second
            timeSize = 8
        }
        guard let times = reader.integers(count: header.timeCount, size: timeSize),
            let indices = reader.bytes(count: header.timeCount), header.typeCount > 0
        else { return nil }
        // Each type is six bytes: a signed 32-bit offset, is-DST and an abbreviation index.
        var typeOffsets: [Int] = []
        for _ in 0..<header.typeCount {
            guard let offset = reader.integers(count: 1, size: 4)?.first, reader.skip(2) else { return nil }
            typeOffsets.append(Int(offset))
        }
        guard indices.allSatisfy({ Int($0) < typeOffsets.count }),
            reader.skip(
                header.characterCount + header.leapCount * (timeSize + 4) + header.standardCount + header.utcCount)
        else { return nil }
        self.name = name
        transitions = times
        offsets = indices.map { typeOffsets[Int($0)] }
        initialOffset = typeOffsets[0]
        footer = header.version >= 2 ? reader.footer().flatMap(PosixZoneRule.init) : nil
    }

    /// Seconds east of UTC in force at `epochSeconds`.
    public func offset(at epochSeconds: Int64) -> Int {
        if let footer, epochSeconds >= transitions.last ?? .min { return footer.offset(at: epochSeconds) }
        // The last transition at or before the instant, by binary search.
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= epochSeconds { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? initialOffset : offsets[low - 1]
    }
}

/// The parts of a TZif file, read from the front.
private struct TZifReader {
    struct Header {
        var version: Int
        var utcCount, standardCount, leapCount, timeCount, typeCount, characterCount: Int

        /// The size of the data block after this header.
        func dataSize(timeSize: Int) -> Int {
            timeCount * (timeSize + 1) + typeCount * 6 + characterCount + leapCount * (timeSize + 4) + standardCount
                + utcCount
        }
    }

    let data: [UInt8]
    var index = 0

    init(_ data: [UInt8]) { self.data = data }

    mutating func header() -> Header? {
        guard index + 44 <= data.count, Array(data[index..<index + 4]) == Array("TZif".utf8) else { return nil }
        let version = data[index + 4] == 0 ? 1 : Int(data[index + 4]) - Int(UInt8(ascii: "0"))
        index += 20
        guard let counts = integers(count: 6, size: 4), counts.allSatisfy({ (0..<1_000_000).contains($0) }) else {
            return nil
        }
        return Header(
            version: version, utcCount: Int(counts[0]), standardCount: Int(counts[1]), leapCount: Int(counts[2]),
            timeCount: Int(counts[3]), typeCount: Int(counts[4]), characterCount: Int(counts[5]))
    }

    /// `count` big-endian two's-complement integers of `size` bytes.
    mutating func integers(count: Int, size: Int) -> [Int64]? {
        guard index + count * size <= data.count else { return nil }
        var values: [Int64] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            var value: Int64 = 0
            for byte in data[index..<index + size] { value = value << 8 | Int64(byte) }
            // Sign-extend what is narrower than 64 bits.
            let shift = Int64(64 - size * 8)
            values.append((value << shift) >> shift)
            index += size
        }
        return values
    }

    mutating func bytes(count: Int) -> [UInt8]? {
        guard index + count <= data.count else { return nil }
        defer { index += count }
        return Array(data[index..<index + count])
    }

    mutating func skip(_ count: Int) -> Bool {
        guard index + count <= data.count else { return false }
        index += count
        return true
    }

    /// The POSIX rule between the two newlines at the end; nil when there is none.
    mutating func footer() -> String? {
        guard index < data.count, data[index] == UInt8(ascii: "\n"),
            let end = data[(index + 1)...].firstIndex(of: UInt8(ascii: "\n")), end > index + 1
        else { return nil }
        return String(decoding: data[(index + 1)..<end], as: UTF8.self)
    }
}
