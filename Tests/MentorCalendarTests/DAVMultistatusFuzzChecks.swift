import Foundation
import MentorCalendar

/// The WebDAV reply fuzzer's checks, in one place for Fuzz/DAVMultistatusFuzzer.swift (scripts/fuzz
/// compiles this file into the harness, which traps on a broken property) and for
/// DAVFuzzCorpusReplayTests, which replays Fuzz/corpus/davMultistatus through them. Plain Swift: no
/// Testing.
///
/// Input: a reply body. Properties: reading twice gives the same result or the same error; every
/// response has an href, with no space at either end, and a status, when it has one, from 100 to 599;
/// the limits hold: a reply one byte over the byte limit is refused by its size, and one response
/// over the response limit is refused by their number.
enum DAVMultistatusFuzzChecks {
    /// The properties `bytes` breaks, described; empty when it breaks none.
    static func broken(_ bytes: [UInt8]) -> [String] {
        var broken: [String] = []
        func expect(_ holds: Bool, _ property: @autoclosure () -> String) {
            if !holds { broken.append(property()) }
        }
        let first = Result { () throws(DAVError) in try DAVMultistatus.read(bytes) }
        let second = Result { () throws(DAVError) in try DAVMultistatus.read(bytes) }
        expect(first == second, "a second read differs")
        if !bytes.isEmpty {
            var small = DAVLimits()
            small.bytes = bytes.count - 1
            let refused = Result { () throws(DAVError) in try DAVMultistatus.read(bytes, limits: small) }
            expect(refused == .failure(.tooLarge(bytes: bytes.count, limit: small.bytes)), "the byte limit held not")
        }
        guard case .success(let status) = first else { return broken }
        for response in status.responses {
            expect(!response.href.isEmpty, "a response without an href")
            expect(response.href == response.href.trimmingCharacters(in: .whitespacesAndNewlines), "an href untrimmed")
            if let code = response.status { expect((100...599).contains(code), "status \(code)") }
        }
        if !status.responses.isEmpty {
            var fewer = DAVLimits()
            fewer.responses = status.responses.count - 1
            let refused = Result { () throws(DAVError) in try DAVMultistatus.read(bytes, limits: fewer) }
            expect(
                refused == .failure(.tooManyResponses(limit: fewer.responses)),
                "the response limit held not: \(refused)")
        }
        return broken
    }
}
