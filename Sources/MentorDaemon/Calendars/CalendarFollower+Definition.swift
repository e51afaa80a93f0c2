import Foundation
import MentorCalendar
import MentorCore
import MentorProtocol
import MentorStore

extension CalendarFollower {
    /// The calendar `entry` describes, checked: its location, kind, name, partner, rules and settings.
    func definition(of entry: ConfiguredCalendar) async throws -> FollowedCalendar {
        let location: CalendarLocation
        do {
            location = try CalendarLocation(entry.location)
        } catch {
            throw MentordError.invalidCalendarSource(location: entry.location, reason: error.reason)
        }
        let refuse = { (reason: String) -> any Error in
            MentordError.invalidCalendarSource(location: entry.location, reason: reason)
        }
        let settings = entry.settings
        try settings.validate(kind: location.kind, refuse: refuse)
        if settings.hasCredentials && !location.carriesPasswordSafely {
            throw refuse("a password is sent only over https (or to this machine)")
        }
        for rule in entry.match {
            do {
                _ = try MatchRule.parse(rule)
            } catch {
                throw MentordError.invalidMatchRule(rule: rule, reason: error.description)
            }
        }
        let name = try FieldRules.requiredLine(entry.name ?? location.defaultName, field: "name", limit: 100)
        let partner = try await context.relationships.partnerChoice(entry.partner, entry.role)
        return FollowedCalendar(
            name: name, kind: try await kind(of: location, name: name, settings: settings, refuse: refuse),
            location: entry.location, partner: partner?.name, role: partner?.role, rules: entry.match,
            settings: settings.encoded, fromConfig: entry.fromConfig)
    }

    /// A path's kind from what it is; a URL's from the server: CalDAV when `PROPFIND` says the address
    /// is a calendar collection, else an iCalendar feed. A calendar known by this name and location
    /// keeps its kind without asking again.
    private func kind(
        of location: CalendarLocation, name: String, settings: FollowSettings, refuse: (String) -> any Error
    ) async throws -> FollowedCalendar.Kind {
        if case .path = location.kind {
            var status = stat()
            guard stat(location.text, &status) == 0 else {
                throw refuse("no such file or folder (\(String(cString: strerror(errno))))")
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: return .vdir
            case S_IFREG: return .file
            default: throw refuse("not a regular file or a folder")
            }
        }
        if let known = try? await context.sources.calendar(named: name), known.location == location.text {
            return known.kind
        }
        if URLComponents(string: location.text)?.path.lowercased().hasSuffix(".ics") == true { return .url }
        var exchange = CalDAVFetcher.Exchange(
            url: location.text, http: http(), authorization: try await PasswordSource.authorization(settings),
            limits: DAVLimits())
        do {
            return try await exchange.probe().isCalendar ? .caldav : .url
        } catch let refused as CalDAVFetcher.Exchange.Refused {
            if refused.status == 401 { throw refuse(FeedFetcher.refusal(401).description) }
            return .url
        } catch let error as CalendarFetchError {
            throw refuse("cannot reach it: \(error.description)")
        } catch {
            // A reply that is not a multistatus: not WebDAV, so a feed.
            return .url
        }
    }

    /// `15m`, `1h`: seconds between polls.
    static func interval(_ text: String) throws -> Int {
        let seconds = try DurationExpression.seconds(text)
        guard FollowSettings.intervalRange.contains(seconds) else {
            throw VarlinkServiceError.invalidParameter(parameter: "interval")
        }
        return seconds
    }

    /// The wire form of the calendar named `name`.
    func wire(named name: String) async throws -> Wire.CalendarSource {
        await wire(try await context.sources.calendar(named: name))
    }

    /// The wire form of `calendar`, with its next poll.
    func wire(_ calendar: FollowedCalendar) async -> Wire.CalendarSource {
        let settings = FollowSettings.decode(calendar.settings)
        let follower = followerOf(calendar.id)
        return Wire.CalendarSource(
            name: calendar.name, kind: Wire.CalendarKind(rawValue: calendar.kind.rawValue) ?? .file,
            location: calendar.location, partner: calendar.partner, role: calendar.role.map(Wire.Role.init),
            match: calendar.rules,
            interval: calendar.kind == .url || calendar.kind == .caldav
                ? settings.interval ?? FollowSettings.defaultInterval : nil,
            username: settings.username, fromConfig: calendar.fromConfig,
            lastSuccess: calendar.lastSuccessAt.map(RFC3339.utc), lastAttempt: calendar.lastAttemptAt.map(RFC3339.utc),
            lastError: calendar.lastError, matched: calendar.matched, ignored: calendar.ignored,
            meetings: calendar.meetings, nextSync: await follower?.nextSync.map(RFC3339.utc))
    }
}
