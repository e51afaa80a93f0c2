// libFuzzer harness: the bytes a client writes to the daemon's socket (and the daemon to a client).
//
// VarlinkFramer splits the stream, fed in uneven chunks, and must return exactly the NUL-separated
// pieces up to the first one over its limit, and then refuse. Each message is read as a reply
// header, as any JSON value, and as a call; a call to a known method has its parameters read as
// that method's Parameters and Reply, and whatever decodes must encode and decode back to itself.
//
// Public API only. Built and run by scripts/fuzz; Tests/MentorProtocolTests/FuzzCorpusReplayTests.swift
// replays Fuzz/corpus/varlinkCodec through the same calls: keep the two in step.
import MentorProtocol

/// Smaller than the daemon's 1 MiB, so that inputs reach the limit.
private let messageLimit = 1024

@_cdecl("LLVMFuzzerTestOneInput")
public func varlinkCodecFuzz(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: size))
    for message in frame(bytes) {
        _ = try? VarlinkCodec.decodeReplyHeader(message)
        if let value = try? VarlinkCodec.decodeReplyParameters(JSONValue.self, from: message) {
            roundTripReply(value)
        }
        guard let call = try? VarlinkCodec.decodeCall(message) else { continue }
        _ = call.interface
        methods[call.method]?(call)
    }
    return 0
}

/// The framer's messages, checked against splitting the whole input at each NUL.
private func frame(_ bytes: [UInt8]) -> [[UInt8]] {
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
    precondition(messages.elementsEqual(pieces[..<(oversized ?? pieces.count - 1)], by: { $0.elementsEqual($1) }))
    precondition(refused == (oversized != nil), "refused \(refused), oversized piece \(String(describing: oversized))")
    precondition(refused || framer.pendingByteCount == pieces.last!.count)
    return messages
}

private func roundTripCall<P: Encodable & Decodable & Equatable>(_ parameters: P, _ method: String) {
    let message = try! VarlinkCodec.encodeCall(method: method, parameters: parameters).dropLast()
    precondition(try! VarlinkCodec.decodeParameters(P.self, from: Array(message)) == parameters, "\(parameters)")
}

private func roundTripReply<P: Encodable & Decodable & Equatable>(_ parameters: P) {
    let message = try! VarlinkCodec.encodeReply(parameters: parameters).dropLast()
    precondition(try! VarlinkCodec.decodeReplyParameters(P.self, from: Array(message)) == parameters, "\(parameters)")
}

private func entry<M: VarlinkMethod>(_: M.Type) -> (String, @Sendable (VarlinkCall) -> Void)
where M.Parameters: Equatable, M.Reply: Equatable {
    (
        M.name,
        { call in
            if let parameters = try? VarlinkCodec.decodeParameters(M.Parameters.self, from: call.message) {
                roundTripCall(parameters, M.name)
            }
            if let reply = try? VarlinkCodec.decodeReplyParameters(M.Reply.self, from: call.message) {
                roundTripReply(reply)
            }
        }
    )
}

/// Every method of io.mentord and org.varlink.service (the replay test checks none is missing).
private let methods = [String: @Sendable (VarlinkCall) -> Void](
    uniqueKeysWithValues: [
        entry(AddGoal.self), entry(AddItem.self), entry(AddMeeting.self), entry(AddOffer.self),
        entry(AddRelationship.self), entry(CancelMeeting.self), entry(CancelOccurrence.self),
        entry(CaptureMeeting.self), entry(ChangePhase.self), entry(DeleteMeeting.self),
        entry(DeleteRelationship.self), entry(DeliverOffer.self), entry(GetHistory.self), entry(GetInfo.self),
        entry(GetInterfaceDescription.self), entry(GetMeeting.self), entry(GetNextReminder.self),
        entry(GetPrep.self), entry(GetRelationship.self), entry(GetStatus.self), entry(ListGoals.self),
        entry(ListItems.self), entry(ListMeetings.self), entry(ListRelationships.self), entry(ListUpcoming.self),
        entry(MarkStepDone.self), entry(MoveOccurrence.self), entry(RecordAnswers.self), entry(SetGoalStatus.self),
        entry(SetItemStatus.self), entry(SnoozeReminder.self), entry(Subscribe.self), entry(TestNotify.self),
        entry(UpdateMeeting.self), entry(UpdateRelationship.self),
    ])
