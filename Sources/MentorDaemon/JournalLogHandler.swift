import Foundation
import Logging
import SystemdKit

/// A swift-log handler writing one line per message to stderr, in the form journald understands
/// when the daemon runs under systemd.
///
/// Under systemd (`JOURNAL_STREAM` set) each message is one native journal entry whose metadata
/// are fields (`mentord.meeting.id` -> `MENTORD_MEETING_ID`); if journald refuses it, the line goes
/// to stderr with a `<N>` syslog priority, which journald also understands. Elsewhere lines read
/// `mentord: <level>: message key=value ...`.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let underJournal: Bool
    /// Whether journald's native socket is there: without it `sd_journal_sendv` reports success
    /// and drops the entry, so the stderr line is the only way out.
    private let native: Bool

    public init(
        label: String, underJournal: Bool = ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil,
        journalSocket: String = "/run/systemd/journal/socket"
    ) {
        self.label = label
        self.underJournal = underJournal
        native = underJournal && access(journalSocket, W_OK) == 0
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        if native, Journal.send(Self.journalFields(event, merged, identifier: label)) { return }
        let fields = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        // One write per line keeps lines from concurrent tasks whole.
        let line =
            (underJournal ? "<\(Self.priority(event.level))>" : "\(label): \(event.level): ")
            + "\(event.message)\(fields)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// The fields of one journal entry: the message, its priority, the identifier and where in the
    /// code it was logged, then the metadata under journal field names.
    static func journalFields(_ event: LogEvent, _ metadata: Logger.Metadata, identifier: String)
        -> [(name: String, value: String)]
    {
        [
            ("MESSAGE", "\(event.message)"), ("PRIORITY", "\(priority(event.level))"),
            ("SYSLOG_IDENTIFIER", identifier), ("CODE_FILE", event.file), ("CODE_LINE", "\(event.line)"),
            ("CODE_FUNC", event.function),
        ] + metadata.sorted { $0.key < $1.key }.map { (Journal.fieldName($0.key), "\($0.value)") }
    }

    /// The syslog priority journald expects for each level.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
