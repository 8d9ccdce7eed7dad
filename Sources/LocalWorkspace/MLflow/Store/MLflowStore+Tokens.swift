import Crypto
import GRDB

extension MLflowStore {
    /// The shortest token `registerToken` accepts.
    public static let minimumTokenLength = 32

    /// Creates a random tracking token (64 hex digits) for the run, registers it, and returns it: pass it to the
    /// job as `MLFLOW_TRACKING_TOKEN`. Throws when there is no such run.
    public func issueToken(forRun runID: String) async throws -> String {
        let token = RandomToken.hex(RandomToken.bytes(32))
        try await registerToken(token, forRun: runID)
        return token
    }

    /// Registers a tracking token for the run (only its SHA-256 is stored). MLflow requests that carry it as
    /// `Authorization: Bearer <token>` may read and write that run, the runs and logged models created with the
    /// token, and their artifacts; they may read and create experiments; nothing else. Throws when there is no
    /// such run or the token is shorter than `minimumTokenLength`.
    public func registerToken(_ token: String, forRun runID: String) async throws {
        guard token.utf8.count >= Self.minimumTokenLength else {
            throw LocalWorkspaceError.tracking(
                "a tracking token must have at least \(Self.minimumTokenLength) characters", field: runID)
        }
        let hash = Self.tokenHash(token)
        try await publicCall(runID) {
            try await self.database.write { db in
                try Self.requireRun(runID, in: db)
                try MLflowTokenRecord(tokenHash: hash, runID: runID, createdAt: Self.milliseconds()).save(db)
            }
        }
    }

    /// Forgets every token of the run (once its job has ended); returns how many there were.
    @discardableResult
    public func revokeTokens(forRun runID: String) async throws -> Int {
        try await database.write { db in try MLflowTokenRecord.filter(Column("runID") == runID).deleteAll(db) }
    }

    /// The run a registered token belongs to, or `nil`.
    func runID(forToken token: String) async throws -> String? {
        let hash = Self.tokenHash(token)
        return try await database.read { db in try MLflowTokenRecord.fetchOne(db, key: hash)?.runID }
    }

    /// Lowercase hex SHA-256 of the token's UTF-8.
    static func tokenHash(_ token: String) -> String {
        RandomToken.hex(SHA256.hash(data: Array(token.utf8)))
    }
}
