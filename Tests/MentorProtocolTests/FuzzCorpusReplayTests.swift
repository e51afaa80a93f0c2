import Foundation
import MentorProtocol
import Testing

/// Replays the fuzzer's corpus, Fuzz/corpus/varlinkCodec, through the calls and checks of
/// Fuzz/VarlinkCodecFuzzer.swift (keep the two in step): every input must come back, soon,
/// without trapping or breaking a property.
///
/// An input named `crash-*` once crashed the fuzzer. It runs in a child process (an exit test), so
/// that it fails one test instead of taking the suite down; while its bug is open it is listed in
/// ``openBugs`` and reported as a known issue.
struct FuzzCorpusReplayTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("Fuzz/corpus/varlinkCodec")

    /// Crash inputs whose bug is not fixed yet, and the bug. Remove an entry once the fix is in.
    static let openBugs: [String: Comment] = [:]

    static func inputs() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()
    }

    @Test func findsTheCorpus() {
        #expect(Self.inputs().count >= 10)
    }

    @Test(arguments: inputs())
    func varlinkCodec(name: String) async throws {
        let bytes = [UInt8](try Data(contentsOf: Self.corpus.appendingPathComponent(name)))
        guard name.hasPrefix("crash-") else {
            var broken: [String] = []
            let elapsed = ContinuousClock().measure { broken = Replay.run(bytes) }
            #expect(broken.isEmpty, "\(name): \(broken)")
            #expect(elapsed < .seconds(5), "\(name) took \(elapsed)")
            return
        }
        if let bug = Self.openBugs[name] {
            await withKnownIssue(bug) { await Self.expectNoCrash(name, bytes) }
        } else {
            await Self.expectNoCrash(name, bytes)
        }
    }

    /// The fuzzer only reaches the parameters of methods in its table, so every method of both
    /// interfaces must be in it, and in the replay's.
    @Test func theHarnessKnowsEveryMethod() throws {
        let harness = try String(
            contentsOf: Self.root.appendingPathComponent("Fuzz/VarlinkCodecFuzzer.swift"), encoding: .utf8)
        let interfaces = [
            ("io.mentord", InterfaceDescriptions.ioMentord),
            ("org.varlink.service", InterfaceDescriptions.orgVarlinkService),
        ]
        for (interface, text) in interfaces {
            for line in text.split(separator: "\n") where line.hasPrefix("method ") {
                let name = line.dropFirst("method ".count).prefix { $0 != "(" }
                #expect(harness.contains("entry(\(name).self)"), "Fuzz/VarlinkCodecFuzzer.swift lacks \(name)")
                #expect(Replay.methods["\(interface).\(name)"] != nil, "the replay lacks \(name)")
            }
        }
    }

    /// Replays a crash input in a child process, which must exit normally.
    private static func expectNoCrash(_ name: String, _ bytes: [UInt8]) async {
        await #expect(processExitsWith: .success, "\(name)") { [bytes] in
            if !Replay.run(bytes).isEmpty { exit(1) }
        }
    }
}

/// The harness's body, with each broken property returned instead of trapping.
private enum Replay {
    static let messageLimit = 1024

    /// Fuzz/VarlinkCodecFuzzer.swift.
    static func run(_ bytes: [UInt8]) -> [String] {
        var broken: [String] = []
        for message in frame(bytes, &broken) {
            _ = try? VarlinkCodec.decodeReplyHeader(message)
            if let value = try? VarlinkCodec.decodeReplyParameters(JSONValue.self, from: message) {
                broken += roundTripReply(value)
            }
            guard let call = try? VarlinkCodec.decodeCall(message) else { continue }
            _ = call.interface
            broken += methods[call.method]?(call) ?? []
        }
        return broken
    }

    static func frame(_ bytes: [UInt8], _ broken: inout [String]) -> [[UInt8]] {
        var framer = VarlinkFramer(maximumMessageSize: messageLimit)
        var messages: [[UInt8]] = []
        var refused = false
        var offset = 0
        var round = 0
        while offset < bytes.count && !refused {
            let chunk = [1, 2, 3, 5, 8, 13, 64, 512][round % 8]
            framer.append(contentsOf: bytes[offset..<min(bytes.count, offset + chunk)])
            offset += chunk
            round += 1
            do {
                while let message = try framer.nextMessage() { messages.append(message) }
            } catch {
                refused = true
            }
        }
        let pieces = bytes.split(separator: 0, omittingEmptySubsequences: false)
        let oversized = pieces.firstIndex { $0.count > messageLimit }
        if !messages.elementsEqual(pieces[..<(oversized ?? pieces.count - 1)], by: { $0.elementsEqual($1) }) {
            broken.append("the framer's messages are not the NUL-separated pieces")
        }
        if refused != (oversized != nil) { broken.append("refused \(refused), oversized piece \(oversized as Any)") }
        if !refused && framer.pendingByteCount != pieces.last!.count { broken.append("pending bytes lost") }
        return messages
    }

    static func roundTripCall<P: Codable & Equatable>(_ parameters: P, _ method: String) -> [String] {
        let message = (try? VarlinkCodec.encodeCall(method: method, parameters: parameters))?.dropLast()
        let decoded = message.flatMap { try? VarlinkCodec.decodeParameters(P.self, from: Array($0)) }
        return decoded == parameters ? [] : ["\(method) parameters \(parameters) do not round-trip"]
    }

    static func roundTripReply<P: Codable & Equatable>(_ parameters: P) -> [String] {
        let message = (try? VarlinkCodec.encodeReply(parameters: parameters))?.dropLast()
        let decoded = message.flatMap { try? VarlinkCodec.decodeReplyParameters(P.self, from: Array($0)) }
        return decoded == parameters ? [] : ["reply \(parameters) does not round-trip"]
    }

    static func entry<M: VarlinkMethod>(_: M.Type) -> (String, @Sendable (VarlinkCall) -> [String])
    where M.Parameters: Equatable, M.Reply: Equatable {
        (
            M.name,
            { call in
                var broken: [String] = []
                if let parameters = try? VarlinkCodec.decodeParameters(M.Parameters.self, from: call.message) {
                    broken += roundTripCall(parameters, M.name)
                }
                if let reply = try? VarlinkCodec.decodeReplyParameters(M.Reply.self, from: call.message) {
                    broken += roundTripReply(reply)
                }
                return broken
            }
        )
    }

    static let methods = [String: @Sendable (VarlinkCall) -> [String]](
        uniqueKeysWithValues: [
            entry(AddGoal.self), entry(AddItem.self), entry(AddMeeting.self), entry(AddOffer.self),
            entry(AddRelationship.self), entry(CancelMeeting.self), entry(CancelOccurrence.self),
            entry(CaptureMeeting.self), entry(ChangePhase.self), entry(DeleteMeeting.self),
            entry(DeleteRelationship.self), entry(DeliverOffer.self), entry(GetHistory.self), entry(GetInfo.self),
            entry(GetInterfaceDescription.self), entry(GetMeeting.self), entry(GetNextReminder.self),
            entry(GetPrep.self), entry(GetRelationship.self), entry(GetStatus.self), entry(ListGoals.self),
            entry(ListItems.self), entry(ListMeetings.self), entry(ListRelationships.self), entry(ListUpcoming.self),
            entry(MarkStepDone.self), entry(MoveOccurrence.self), entry(RecordAnswers.self),
            entry(SetGoalStatus.self), entry(SetItemStatus.self), entry(SnoozeReminder.self), entry(Subscribe.self),
            entry(TestNotify.self), entry(UpdateMeeting.self), entry(UpdateRelationship.self),
        ])
}
