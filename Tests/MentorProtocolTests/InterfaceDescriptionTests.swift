import Foundation
import MentorProtocol
import Testing

struct InterfaceDescriptionTests {
    private func source(_ name: String) throws -> String {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/MentorProtocol")
        return try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func embedsTheInterfaceFilesVerbatim() throws {
        #expect(InterfaceDescriptions.ioMentord + "\n" == (try source("io.mentord.varlink")))
        #expect(InterfaceDescriptions.orgVarlinkService + "\n" == (try source("org.varlink.service.varlink")))
    }

    @Test(arguments: [
        AddMeeting.name, ListMeetings.name, GetMeeting.name, UpdateMeeting.name, CancelMeeting.name, DeleteMeeting.name,
        GetStatus.name,
    ])
    func declaresEveryMethodWithADocComment(name: String) throws {
        let short = name.dropFirst("io.mentord.".count)
        let lines = InterfaceDescriptions.ioMentord.split(separator: "\n", omittingEmptySubsequences: false)
        let index = try #require(lines.firstIndex { $0.hasPrefix("method \(short)(") })
        #expect(lines[index - 1].hasPrefix("#"), "\(short) has no comment")
    }

    @Test func commentsEveryFieldOfEveryTypeAndMethod() {
        let lines = InterfaceDescriptions.ioMentord.split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        for (index, line) in lines.enumerated()
        where line.range(of: #"^[a-z][A-Za-z]*: "#, options: .regularExpression) != nil {
            #expect(lines[index - 1].hasPrefix("#"), "field without a comment: \(line)")
        }
    }
}
