import GRDB
import Synchronization

/// A query-interface request whose SQL is generated once and whose statement each connection
/// prepares once (`Database.cachedStatement`): for the reads made for every reminder card.
///
/// Why: building a request's SQL and preparing it, with GRDB's authorizer called for every column
/// read, cost more than running it. A profile of the engine sending cards one at a time had SQL
/// generation and preparation at about a fifth of the daemon's CPU.
///
/// The template's arguments only stand in for the real ones: its SQL must use `?` placeholders,
/// filled by each fetch.
final class CachedRequest<Record: FetchableRecord>: Sendable {
    private let template: QueryInterfaceRequest<Record>
    private let prepared = Mutex<(sql: String, adapter: (any RowAdapter)?)?>(nil)

    init(_ template: QueryInterfaceRequest<Record>) {
        self.template = template
    }

    func fetchOne(_ db: Database, arguments: StatementArguments) throws -> Record? {
        let (statement, adapter) = try statement(db)
        return try Record.fetchOne(statement, arguments: arguments, adapter: adapter)
    }

    func fetchAll(_ db: Database, arguments: StatementArguments) throws -> [Record] {
        let (statement, adapter) = try statement(db)
        return try Record.fetchAll(statement, arguments: arguments, adapter: adapter)
    }

    private func statement(_ db: Database) throws -> (Statement, (any RowAdapter)?) {
        if let (sql, adapter) = prepared.withLock({ $0 }) { return (try db.cachedStatement(sql: sql), adapter) }
        let request = try template.makePreparedRequest(db, forSingleResult: false)
        prepared.withLock { $0 = (request.statement.sql, request.adapter) }
        return (try db.cachedStatement(sql: request.statement.sql), request.adapter)
    }
}
