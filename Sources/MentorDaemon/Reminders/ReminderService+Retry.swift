import Foundation
import Logging
import MentorCore
import MentorStore

extension ReminderService {
    /// After a failed wake: says what failed and tries `wake` again in a minute, since a locked or
    /// full database must not silently end reminders. Two exceptions. A damaged database: the
    /// store refuses every write to it until mentord starts on a sound file, so trying again would
    /// only log the same failure every minute (the store has logged the damage once already). And a
    /// cancelled read: only the engine's own task is ever cancelled, when the daemon stops, so
    /// there is no minute to come and nothing failed.
    func retry(
        _ wake: Wake, after error: any Error, _ what: @autoclosure () -> String, now: Date,
        metadata: Logger.Metadata? = nil
    ) {
        if isCancellation(error) {
            logger.debug("\(what()): cancelled, since mentord is stopping", metadata: metadata)
            return
        }
        if case StoreError.corrupt = error {
            logger.debug("\(what()): the database is damaged; not trying again", metadata: metadata)
            return
        }
        logger.error("\(what()): \(error), retrying in 60 s", metadata: metadata)
        scheduler.retry(wake, now: now)
    }
}
