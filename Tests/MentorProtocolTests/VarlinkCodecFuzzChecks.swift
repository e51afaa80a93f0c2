import MentorProtocol

/// The varlinkCodec fuzzer's checks, in one place for Fuzz/VarlinkCodecFuzzer.swift (scripts/fuzz
/// compiles this file into the harness, which traps on a broken property) and for
/// FuzzCorpusReplayTests, which replays Fuzz/corpus/varlinkCodec through them. Plain Swift: no
/// Testing.
///
/// Input: the bytes a client writes to the daemon's socket (and the daemon to a client).
/// VarlinkFramer splits the stream, fed in uneven chunks, and must return exactly the NUL-separated
/// pieces up to the first one over its limit, and then refuse. Each message is read as a reply
/// header, as any JSON value, and as a call; a call to a known method has its parameters read as
/// that method's Parameters and Reply, and whatever decodes must encode and decode back to itself.
enum VarlinkCodecFuzzChecks {
    /// Smaller than the daemon's 1 MiB, so that inputs reach the limit.
    static let messageLimit = 1024

    /// The properties `bytes` breaks, described; empty when it breaks none.
    static func broken(_ bytes: [UInt8]) -> [String] {
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

    /// The framer's messages, checked against splitting the whole input at each NUL.
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

    /// Every method of io.mentord and org.varlink.service, by full name (FuzzCorpusReplayTests checks
    /// that none is missing): the checks reach only the parameters of methods listed here.
    static let methods = [String: @Sendable (VarlinkCall) -> [String]](
        uniqueKeysWithValues: [
            entry(AddGoal.self), entry(AddItem.self), entry(AddMeeting.self), entry(AddOffer.self),
            entry(AddRelationship.self), entry(Backup.self), entry(CancelMeeting.self), entry(CancelOccurrence.self),
            entry(CaptureMeeting.self), entry(ChangePhase.self), entry(DeleteMeeting.self),
            entry(DeleteRelationship.self), entry(DeliverOffer.self), entry(GetHistory.self), entry(GetInfo.self),
            entry(ImportCalendar.self),
            entry(GetInterfaceDescription.self), entry(GetMeeting.self), entry(GetNextReminder.self),
            entry(GetPrep.self), entry(GetRelationship.self), entry(GetStatus.self), entry(ListGoals.self),
            entry(ListItems.self), entry(ListMeetings.self), entry(ListRelationships.self), entry(ListUpcoming.self),
            entry(MarkStepDone.self), entry(MoveOccurrence.self), entry(RecordAnswers.self),
            entry(SetGoalStatus.self), entry(SetItemStatus.self), entry(SnoozeReminder.self), entry(Subscribe.self),
            entry(TestNotify.self), entry(UpdateMeeting.self), entry(UpdateRelationship.self),
            entry(FindMeeting.self), entry(ReadTime.self), entry(GetReview.self),
            entry(AddCalendarSource.self), entry(ListCalendarSources.self), entry(SyncCalendarSources.self),
            entry(GetCalendarSource.self), entry(RemoveCalendarSource.self),
        ])
}
