import Foundation
import Logging
import MentorCalendar
import MentorCore
import MentorStore
import NIOConcurrencyHelpers

/// What every followed calendar's sync needs from the daemon: the stores it writes, the rules of the
/// engine (what a moved occurrence keeps), the user's zone and the settings a reload changes.
struct FollowContext: Sendable {
    let sources: CalendarSourceStore
    let imports: CalendarImportStore
    let relationships: RelationshipStore
    let clock: any WallClock
    let engine: ReminderService
    let userZone: TimeZone
    /// `[calendar]`, changed by a reload.
    let settings: NIOLockedValueBox<CalendarSettings>
    /// `[limits] max_meetings`, changed by a reload.
    let maximumMeetings: NIOLockedValueBox<Int>
    let logger: Logger
    var limits = CalendarLimits()
}
