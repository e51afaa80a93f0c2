import MentorProtocol
import Testing

struct VarlinkCodecTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func encodesACallTheWayVarlinkClientsDo() throws {
        let call = try VarlinkCodec.encodeCall(
            method: GetMeeting.name, parameters: MeetingIdentifier(id: 7), more: true)
        #expect(call.last == 0)
        let decoded = try VarlinkCodec.decodeCall(Array(call.dropLast()))
        #expect(decoded.method == "io.mentord.GetMeeting" && decoded.interface == "io.mentord")
        #expect(decoded.more && !decoded.oneway && !decoded.upgrade)
        #expect(try VarlinkCodec.decodeParameters(MeetingIdentifier.self, from: decoded.message).id == 7)
    }

    @Test func readsMissingParametersAsAnEmptyObject() throws {
        let call = try VarlinkCodec.decodeCall(bytes("{\"method\":\"io.mentord.GetStatus\"}"))
        #expect(try VarlinkCodec.decodeParameters(NoParameters.self, from: call.message) == NoParameters())
        let list = try VarlinkCodec.decodeParameters(ListMeetings.Parameters.self, from: call.message)
        #expect(list == ListMeetings.Parameters())
    }

    @Test(arguments: [
        ("not json", "not a JSON object"), ("[1,2]", "not a JSON object"), ("{}", "missing 'method'"),
        ("{\"method\":42}", "wrong type at 'method'"),
        ("{\"method\":\"NoDots\"}", "method 'NoDots' is not a qualified name"),
        ("{\"method\":\"trailing.\"}", "method 'trailing.' is not a qualified name"),
    ])
    func refusesMessagesThatAreNotCalls(text: String, reason: String) {
        #expect(throws: VarlinkMessageError.invalid(reason: reason)) { try VarlinkCodec.decodeCall(bytes(text)) }
    }

    @Test(arguments: [
        ("{\"method\":\"io.mentord.GetMeeting\",\"parameters\":{\"id\":\"seven\"}}", "id"),
        ("{\"method\":\"io.mentord.GetMeeting\",\"parameters\":{}}", "id"),
        ("{\"method\":\"io.mentord.GetMeeting\",\"parameters\":[]}", "parameters"),
        ("{\"method\":\"io.mentord.GetMeeting\",\"parameters\":{\"id\":null}}", "id"),
    ])
    func namesTheOffendingParameter(text: String, parameter: String) throws {
        let call = try VarlinkCodec.decodeCall(bytes(text))
        #expect(throws: VarlinkServiceError.invalidParameter(parameter: parameter)) {
            try VarlinkCodec.decodeParameters(MeetingIdentifier.self, from: call.message)
        }
    }

    @Test func namesAnInvalidEnumValue() throws {
        let text =
            "{\"method\":\"io.mentord.AddMeeting\",\"parameters\":{\"title\":\"t\",\"partner\":\"p\",\"start\":\"now\",\"role\":\"boss\"}}"
        let call = try VarlinkCodec.decodeCall(bytes(text))
        #expect(throws: VarlinkServiceError.invalidParameter(parameter: "role")) {
            try VarlinkCodec.decodeParameters(AddMeeting.Parameters.self, from: call.message)
        }
    }

    @Test func encodesRepliesAndContinuation() throws {
        let reply = try VarlinkCodec.encodeReply(parameters: MeetingIdentifier(id: 3), continues: true)
        let header = try VarlinkCodec.decodeReplyHeader(Array(reply.dropLast()))
        #expect(header.error == nil && header.continues)
        #expect(try VarlinkCodec.decodeReplyParameters(MeetingIdentifier.self, from: Array(reply.dropLast())).id == 3)
    }
}
