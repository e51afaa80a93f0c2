import Foundation
import MentorCore
import MentorProtocol
import MentorStore

/// `org.varlink.service` (introspection) and `io.mentord.GetStatus`: what the daemon says about itself.
struct ServiceMethods: Sendable {
    let database: MentorDatabase
    let store: MeetingStore
    let clock: any WallClock
    let startedAt: Date
    let paths: DaemonPaths
    let defaultTimeZone: TimeZone
    /// The counts kept between calls; the daemon invalidates them at each commit.
    let counts: StatusCounts

    /// Interface name -> interface file text, as served by `GetInterfaceDescription`.
    static let descriptions = [
        "io.mentord": InterfaceDescriptions.ioMentord,
        "org.varlink.service": InterfaceDescriptions.orgVarlinkService,
    ]

    func register(in table: inout MethodTable) {
        table.register(GetInfo.self) { _ in
            GetInfo.Reply(
                vendor: "mentord", product: "mentord", version: MentordVersion.current, url: "man:mentord(1)",
                interfaces: Self.descriptions.keys.sorted())
        }
        table.register(GetInterfaceDescription.self) { parameters in
            guard let text = Self.descriptions[parameters.interface] else {
                throw VarlinkServiceError.interfaceNotFound(interface: parameters.interface)
            }
            return GetInterfaceDescription.Reply(description: text)
        }
        table.register(GetStatus.self, status)
    }

    @Sendable private func status(_: NoParameters) async throws -> GetStatus.Reply {
        let now = clock.now()
        let counts: StoreCounts
        do {
            counts = try await self.counts.counts(now: now) { [store] in try await store.countsAndExpiry(now: $0) }
        } catch StoreError.corrupt {
            // Status is how a damaged database is reported: it must answer even if it cannot count.
            counts = StoreCounts(meetings: 0, upcomingMeetings: 0, relationships: 0)
        }
        return GetStatus.Reply(
            version: MentordVersion.current, pid: Int(ProcessInfo.processInfo.processIdentifier),
            startedAt: RFC3339.utc(startedAt),
            uptimeSeconds: max(0, Int(now.timeIntervalSince(startedAt))), meetings: counts.meetings,
            upcomingMeetings: counts.upcomingMeetings, relationships: counts.relationships,
            databasePath: paths.database, socketPath: paths.socket, timeZone: defaultTimeZone.identifier,
            databaseProblem: database.damage)
    }
}
