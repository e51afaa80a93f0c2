import Foundation
import MentorCore
import MentorProtocol

extension InProcessDaemon {
    /// A fixed instant far from the real clock: Tuesday 2036-06-10 12:00 UTC.
    static let tuesdayNoon = Date(timeIntervalSince1970: 2_096_712_000)

    /// Adds a meeting starting `seconds` from the daemon's now, and waits for the engine to plan it;
    /// returns its id.
    @discardableResult
    func add(
        in seconds: TimeInterval, offsets: String, title: String = "Career chat", duration: String = "1s",
        recurrence: String? = nil, zone: String = "UTC"
    ) async throws -> Int64 {
        let id = try await call(
            AddMeeting.self,
            .init(
                title: title, partner: "Sam", role: .mentee,
                start: RFC3339.utc(clock.now().addingTimeInterval(seconds)),
                timeZone: zone, duration: duration, offsets: offsets, recurrence: recurrence)
        ).meeting.id
        try await settle()
        return id
    }

    /// The declared error a call fails with; nil when it succeeds or fails otherwise.
    func mentordError<Method: VarlinkMethod>(_ method: Method.Type, _ parameters: Method.Parameters) async
        -> MentordError?
    {
        guard case .remote(let remote)? = await error(method, parameters) as? VarlinkConnectionError else { return nil }
        return remote.known as? MentordError
    }

    /// What became of each step of the meeting's occurrence starting at `start`.
    func states(of id: Int64, at start: Date) async throws -> [Wire.Step: String] {
        let page = try await call(ListUpcoming.self, .init(from: RFC3339.utc(start), days: 1))
        guard let occurrence = page.occurrences.first(where: { $0.meetingId == id && $0.start == RFC3339.utc(start) })
        else { return [:] }
        return Dictionary(
            uniqueKeysWithValues: occurrence.reminders.compactMap { reminder in
                reminder.state.map { (reminder.step, $0) }
            })
    }
}

extension Date {
    /// The instant a wire timestamp (RFC 3339, UTC) names.
    init?(wire text: String) {
        guard
            let date = try? TimeExpression.parse(
                text, in: TimeZone(identifier: "UTC")!, now: Date(timeIntervalSince1970: 0))
        else { return nil }
        self = date
    }
}
