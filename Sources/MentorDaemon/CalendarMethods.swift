import Foundation
import MentorCalendar
import MentorCore
import MentorProtocol
import MentorStore
import NIOConcurrencyHelpers

/// The handler of `io.mentord.ImportCalendar`: reads the file the call names, plans its meetings
/// with MentorCalendar, and lets the store apply the plan in one transaction. The reminder engine
/// hears of every meeting it changed from the commit.
struct CalendarMethods: Sendable {
    let stores: MentoringStores
    let imports: CalendarImportStore
    let clock: any WallClock
    /// Whose rules say what a moved occurrence keeps of its ledger.
    let engine: ReminderService
    /// Where floating times are read, and where a file's own zone is first looked for.
    let userZone: TimeZone
    /// `[calendar]`, changed by a reload.
    let settings: NIOLockedValueBox<CalendarSettings>
    /// `[limits] max_meetings`, changed by a reload.
    let maximumMeetings: NIOLockedValueBox<Int>
    var limits = CalendarLimits()

    func register(in table: inout MethodTable) {
        table.register(ImportCalendar.self, importCalendar)
    }

    @Sendable private func importCalendar(_ parameters: ImportCalendar.Parameters) async throws -> ImportCalendar.Reply
    {
        let path = parameters.path
        // The daemon's working directory is not the client's: a relative path would read another file.
        guard path.hasPrefix("/") else { throw VarlinkServiceError.invalidParameter(parameter: "path") }
        let partner = try await stores.relationships.partnerChoice(parameters.partner, parameters.role?.domain)
        let now = clock.now()
        let (limits, zone) = (limits, userZone)
        // Reading and parsing a large export takes a while; never on the event loop that serves calls.
        let file = try await offTheLoop { try Self.load(path, limits: limits, floatingZone: zone) }
        let options = ImportOptions(
            partner: partner, relationships: try await stores.relationships.list(),
            ownAddresses: settings.withLockedValue { $0.addresses }, userZone: userZone, now: now)
        let plan = try await offTheLoop { ImportPlan.make(file, options: options) }
        if partner == nil && plan.needsPartner {
            throw MentordError.partnersNeeded(
                path: path,
                events: plan.skipped.filter { $0.reason == .noPartner }.map {
                    Wire.SkippedEvent($0, userZone: userZone)
                })
        }
        let result = try await imports.apply(
            plan.entries.map(\.event), dryRun: parameters.dryRun ?? false, now: now,
            limit: maximumMeetings.withLockedValue { $0 }, carry: engine.rules.carrying(now: now))
        var reply = ImportCalendar.Reply(
            calendar: file.name, added: 0, updated: 0, unchanged: 0, skipped: [], notInFile: result.notInFile,
            meetingIds: [])
        var skipped = plan.skipped
        for (entry, outcome) in zip(plan.entries, result.outcomes) {
            switch outcome {
            case .added(let id):
                reply.added += 1
                reply.meetingIds += id.map { [$0] } ?? []
            case .updated(let id):
                reply.updated += 1
                reply.meetingIds.append(id)
            case .unchanged, .heldElsewhere:
                reply.unchanged += 1
            case .cancelledBeforeImport:
                let event = entry.event
                skipped.append(
                    ImportSkip(
                        uid: event.uid, title: event.title, start: event.start, zone: event.timeZone,
                        reason: entry.cancellation ?? .cancelled))
            }
        }
        reply.skipped = skipped.map { Wire.SkippedEvent($0, userZone: userZone) }
        return reply
    }

    /// The file at `path`, read (``CalendarFileBytes``) and parsed.
    static func load(_ path: String, limits: CalendarLimits, floatingZone: TimeZone) throws -> CalendarFile {
        let bytes = try CalendarFileBytes.read(path, limit: limits.bytes)
        do {
            return try CalendarFile.read(bytes, floatingZone: floatingZone, limits: limits)
        } catch {
            throw MentordError.calendarUnreadable(path: path, reason: error.description)
        }
    }
}

extension Wire.SkippedEvent {
    /// The wire form of a skip; a start written in a zone only the file defines is shown in `userZone`.
    init(_ skip: ImportSkip, userZone: TimeZone) {
        self.init(
            uid: skip.uid, title: skip.title, start: skip.start.map(RFC3339.utc),
            localStart: skip.start.map { RFC3339.local($0, in: skip.zone ?? userZone) }, reason: skip.reason.name,
            detail: skip.reason.detail)
    }
}
