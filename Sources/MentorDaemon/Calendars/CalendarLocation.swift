import Foundation

/// Where a followed calendar is, as `calendar add` and the configuration name it: an absolute path to
/// an `.ics` file or a folder, or an `http(s)` URL. Checked before anything is stored.
struct CalendarLocation: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case path
        case web
    }

    var kind: Kind
    /// The path, or the URL as given.
    var text: String
    /// For a URL: the host, lower case.
    var host: String

    /// Why a location cannot be followed.
    struct Refusal: Error, Sendable, Hashable {
        var reason: String
    }

    init(_ text: String) throws(Refusal) {
        self.text = text
        if text.hasPrefix("/") {
            kind = .path
            host = ""
            return
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw Refusal(reason: "not an absolute path or an http(s) URL")
        }
        guard scheme == "http" || scheme == "https" else {
            throw Refusal(reason: "only http and https URLs are followed, not \(scheme)")
        }
        // Credentials in a URL end up in logs, errors and the database: they come from a file or a
        // command instead.
        guard components.user == nil && components.password == nil else {
            throw Refusal(
                reason: "a user or password inside the URL; use --user and --password-file or --password-command")
        }
        guard let host = components.host, !host.isEmpty else { throw Refusal(reason: "the URL names no host") }
        kind = .web
        self.host = host.lowercased()
    }

    /// Whether the URL is https, or goes to this machine: a password is only ever sent over TLS,
    /// except to loopback (tests, and servers reached through an SSH tunnel).
    var carriesPasswordSafely: Bool {
        text.lowercased().hasPrefix("https:") || host == "localhost" || host == "::1" || host == "[::1]"
            || host.hasPrefix("127.")
    }

    /// The default name: the file or folder name without `.ics`, or the URL's host.
    var defaultName: String {
        switch kind {
        case .path:
            let last = (text as NSString).lastPathComponent
            return last.hasSuffix(".ics") ? String(last.dropLast(4)) : last
        case .web:
            return host
        }
    }
}
