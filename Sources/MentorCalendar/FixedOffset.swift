import Foundation
import MentorCore

/// A zone that is always `seconds` east of UTC: how a VTIMEZONE observance's own times are read.
struct FixedOffset: ZoneRules, Hashable {
    let seconds: Int

    var identifier: String { "UTC" + (seconds < 0 ? "-" : "+") + String(abs(seconds)) + "s" }

    func secondsFromGMT(for instant: Date) -> Int { seconds }
}
