import MentorCore
import MentorProtocol
import MentorStore
import NIOConcurrencyHelpers
import Testing

@testable import MentorDaemon

struct MethodTableTests {
    /// A table with GetMeeting answered by `body`, recording the ids it was called with.
    private func table(_ body: @escaping @Sendable (Int64) throws -> Wire.MeetingReply) -> (
        MethodTable, NIOLockedValueBox<[Int64]>
    ) {
        let calls = NIOLockedValueBox<[Int64]>([])
        var table = MethodTable()
        table.register(GetMeeting.self) { parameters in
            calls.withLockedValue { $0.append(parameters.id) }
            return try body(parameters.id)
        }
        return (table, calls)
    }

    private func reply(_ table: MethodTable, _ text: String) async throws -> (error: String?, parameters: JSONValue) {
        let message = await table.reply(to: try VarlinkCodec.decodeCall(Array(text.utf8)))
        #expect(message.last == 0)
        let body = Array(message.dropLast())
        return (
            try VarlinkCodec.decodeReplyHeader(body).error,
            try VarlinkCodec.decodeReplyParameters(JSONValue.self, from: body)
        )
    }

    @Test func validatesParametersBeforeAnyHandlerRuns() async throws {
        let (table, calls) = self.table { _ in throw StoreError.noSuchMeeting(id: 0) }
        let answer = try await reply(table, #"{"method":"io.mentord.GetMeeting","parameters":{"id":"x"}}"#)
        #expect(answer.error == "org.varlink.service.InvalidParameter")
        #expect(answer.parameters == .object(["parameter": .string("id")]))
        #expect(calls.withLockedValue { $0 }.isEmpty)
    }

    @Test func tellsUnknownMethodsFromUnknownInterfaces() async throws {
        let (table, _) = self.table { _ in throw StoreError.noSuchMeeting(id: 0) }
        let method = try await reply(table, #"{"method":"io.mentord.Nope"}"#)
        #expect(method.error == "org.varlink.service.MethodNotFound")
        #expect(method.parameters == .object(["method": .string("io.mentord.Nope")]))
        let interface = try await reply(table, #"{"method":"com.example.Nope"}"#)
        #expect(interface.error == "org.varlink.service.InterfaceNotFound")
        #expect(interface.parameters == .object(["interface": .string("com.example")]))
        #expect(table.interfaces == ["io.mentord"])
    }

    @Test func refusesUpgrades() async throws {
        let (table, calls) = self.table { _ in throw StoreError.noSuchMeeting(id: 0) }
        let answer = try await reply(table, #"{"method":"io.mentord.GetMeeting","parameters":{"id":1},"upgrade":true}"#)
        #expect(answer.error == "org.varlink.service.MethodNotImplemented")
        #expect(calls.withLockedValue { $0 }.isEmpty)
    }

    @Test func turnsThrownDomainErrorsIntoDeclaredErrors() async throws {
        let (table, calls) = self.table { id in throw StoreError.noSuchMeeting(id: id) }
        let answer = try await reply(table, #"{"method":"io.mentord.GetMeeting","parameters":{"id":42}}"#)
        #expect(answer.error == "io.mentord.NoSuchMeeting")
        #expect(answer.parameters == .object(["id": .integer(42)]))
        #expect(calls.withLockedValue { $0 } == [42])
    }

    @Test(arguments: [
        (StoreError.alreadyCancelled(id: 3) as any Error, MentordError.alreadyCancelled(id: 3)),
        (StoreError.roleRequired(partner: "Bo"), .roleRequired(partner: "Bo")),
        (StoreError.ambiguousPartner(partner: "Sam"), .ambiguousPartner(partner: "Sam")),
        (StoreError.databaseFailure(reason: "disk full"), .storageFailure(reason: "disk full")),
        (MeetingValidationError.emptyText(field: "title"), .emptyText(field: "title")),
        (
            MeetingValidationError.textTooLong(field: "title", length: 300, limit: 200),
            .textTooLong(field: "title", length: 300, limit: 200)
        ),
        (MeetingValidationError.multilineText(field: "partner"), .multilineText(field: "partner")),
        (MeetingValidationError.durationOutOfRange(seconds: -1), .durationOutOfRange(seconds: -1)),
        (
            TimeExpressionError.impossibleDate("2026-02-30 10:00"),
            .invalidTime(text: "2026-02-30 10:00", reason: "no such date or time")
        ),
        (
            TimeExpressionError.nonexistentLocalTime("x", zone: "Europe/Berlin"),
            .nonexistentLocalTime(text: "x", timeZone: "Europe/Berlin")
        ),
        (DurationExpressionError.invalid("45"), .invalidDuration(text: "45")),
        (TimeZoneError.unknown("Mars/Base"), .invalidTimeZone(name: "Mars/Base")),
    ])
    func mapsEachDomainErrorToItsWireError(error: any Error, expected: MentordError) {
        #expect(WireErrorMapping.varlinkError(for: error) as? MentordError == expected)
    }
}
