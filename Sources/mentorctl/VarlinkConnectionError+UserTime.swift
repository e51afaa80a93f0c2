import MentorProtocol

extension VarlinkConnectionError {
    /// ``message``, with the instants a daemon error carries (a time in the past, an occurrence
    /// that does not exist, a snooze not due yet) in this user's zone, as mentorctl shows every
    /// time: the daemon writes them in the meeting's zone or its own.
    var userMessage: String {
        guard case .remote(let error) = self else { return message }
        return error.message(showingTimes: UserTime.when)
    }
}
