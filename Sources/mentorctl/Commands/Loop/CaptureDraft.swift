import MentorProtocol

#if canImport(Glibc)
import Glibc
#endif

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A capture typed in part and kept for later, when Ctrl-C stopped it or the daemon refused it.
///
/// One file per meeting occurrence in `$XDG_STATE_HOME/mentord/drafts/` (else
/// `~/.local/state/mentord/drafts/`), the directory 0700 and the file 0600: it can hold the
/// private note. The next interactive `capture` of that occurrence offers to pick it up, and a
/// stored capture deletes it. The daemon never sees a draft: nothing is stored half-done.
struct CaptureDraft: Codable {
    /// When it was kept, seconds since 1970.
    var savedAt: Int64
    /// What was typed so far, as the call it would have become.
    var parameters: CaptureMeeting.Parameters

    /// The draft file of the occurrence `occurrence` (RFC 3339) of meeting `meetingID`.
    static func path(meetingID: Int64, occurrence: String) -> String {
        let stamp = occurrence.filter { $0.isNumber }
        return StateDirectory.path("drafts") + "/capture-\(meetingID)-\(stamp).json"
    }

    /// The draft kept for this occurrence, if there is one that reads.
    static func load(meetingID: Int64, occurrence: String) -> CaptureDraft? {
        let descriptor = open(path(meetingID: meetingID, occurrence: occurrence), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return try? JSONDecoder().decode(CaptureDraft.self, from: Data(FileInput.readAll(descriptor)))
    }

    /// Writes the draft (mode 0600, replacing an earlier one whole); returns its path.
    func save() throws -> String {
        let path = Self.path(meetingID: parameters.meetingId, occurrence: parameters.occurrence ?? "")
        let temporary = path + ".new"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw failure(path) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let bytes = Array((try? encoder.encode(self)) ?? Data())
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                close(descriptor)
                throw failure(path)
            }
            offset += written
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0, rename(temporary, path) == 0 else { throw failure(path) }
        return path
    }

    /// Deletes the draft of this occurrence, if any.
    static func remove(meetingID: Int64, occurrence: String) {
        unlink(path(meetingID: meetingID, occurrence: occurrence))
    }

    private func failure(_ path: String) -> CommandFailure {
        CommandFailure(message: "cannot keep the draft in \(path): \(String(cString: strerror(errno)))", exitCode: 1)
    }
}
