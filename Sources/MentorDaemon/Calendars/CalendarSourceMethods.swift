import MentorProtocol

/// The handlers of the followed-calendar methods: each hands its call to the ``CalendarFollower``.
struct CalendarSourceMethods: Sendable {
    let follower: CalendarFollower

    func register(in table: inout MethodTable) {
        table.register(AddCalendarSource.self) { try await follower.add($0) }
        table.register(ListCalendarSources.self) { _ in ListCalendarSources.Reply(sources: try await follower.list()) }
        table.register(SyncCalendarSources.self) { SyncCalendarSources.Reply(syncs: try await follower.sync($0.name)) }
        table.register(GetCalendarSource.self) { try await follower.show($0.name) }
        table.register(RemoveCalendarSource.self) { try await follower.remove($0.name) }
    }
}
