import Foundation
import Logging

/// A swift-log handler writing one line per message to stderr, in the form journald understands
/// when the daemon runs under systemd.
///
/// Under systemd (`JOURNAL_STREAM` set) each line starts with a `<N>` syslog priority, which
/// journald turns into the entry's priority; elsewhere lines read `mentord: <level>: message`.
/// Metadata is appended as `key=value` pairs.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let underJournal: Bool

    public init(label: String, underJournal: Bool = ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil) {
        self.label = label
        self.underJournal = underJournal
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let fields = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        // One write per line keeps lines from concurrent tasks whole.
        let line =
            (underJournal ? "<\(Self.priority(event.level))>" : "\(label): \(event.level): ")
            + "\(event.message)\(fields)\n"
        FileHandle.standardError.write(Data(line.utf8))
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
