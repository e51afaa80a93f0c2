import Foundation
import MentorTestSupport

@testable import MentorCalendar

/// Expat (Python's pyexpat, namespaces on), run once over many documents by Outside/oracle_xml.py:
/// the XML parser ``XMLEventReader`` is held to. Not Foundation's `XMLParser`, which mentord used
/// before: it crashes on a processing instruction without data (`<?pi?>`), and its `parse()`
/// returns true for a truncated document (only its delegate hears of the error).
enum XMLOracle {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Outside/oracle_xml.py").path

    /// Expat's events of each document, texts joined; nil for one it finds not well-formed.
    static func expat(_ documents: [[UInt8]]) throws -> [[XMLEvent]?] {
        let input = try JSONSerialization.data(withJSONObject: documents.map { Data($0).base64EncodedString() })
        let result = try ProcessRunner.run(
            "/usr/bin/env", ["python3", script], input: String(decoding: input, as: UTF8.self))
        guard result.status == 0 else { throw OracleFailure(result: result) }
        let decoded = try JSONDecoder().decode([[[String]]?].self, from: Data(result.stdout.utf8))
        return try decoded.map { events in try events?.map(event) }
    }

    /// ``XMLEventReader``'s events, texts joined the same way; nil when it refuses the document.
    static func ours(_ bytes: [UInt8]) -> [XMLEvent]? {
        guard var reader = try? XMLEventReader(bytes) else { return nil }
        var events: [XMLEvent] = []
        do {
            while let event = try reader.next() {
                if case .text(let more) = event, case .text(let before) = events.last {
                    events[events.count - 1] = .text(before + more)
                } else if event != .text("") {
                    events.append(event)
                }
            }
        } catch {
            return nil
        }
        return events
    }

    private static func event(_ fields: [String]) throws -> XMLEvent {
        switch (fields.first, fields.count) {
        case ("s", 3): .start(XMLName(namespace: fields[1], local: fields[2]))
        case ("e", 3): .end(XMLName(namespace: fields[1], local: fields[2]))
        case ("t", 2): .text(fields[1])
        default: throw OracleFailure(result: nil, detail: "an event that is none: \(fields)")
        }
    }

    struct OracleFailure: Error, CustomStringConvertible {
        var result: ProcessResult?
        var detail = ""
        var description: String { "oracle_xml.py failed: \(detail)\(result.map { "\($0)" } ?? "")" }
    }
}
