import GRDB

extension MLflowStore {
    // MARK: Runner API

    /// Per metric key of the run, in key order: the latest point (highest step, then latest timestamp, then
    /// largest value: what `runs/get` reports), the minimum and maximum (NaN excluded) and the number of points.
    /// Throws when there is no such run.
    public func metricSummaries(runID: String) async throws -> [MLflowMetricSummary] {
        try await publicCall(runID) {
            try await self.database.read { db in
                try Self.requireRun(runID, in: db)
                let latest = Dictionary(
                    uniqueKeysWithValues: try Self.latestMetrics(runID: runID, in: db).map { ($0.key, $0.metric) })
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT key, COUNT(*) AS count,
                               MIN(CASE WHEN isNaN THEN NULL ELSE value END) AS minimum,
                               MAX(CASE WHEN isNaN THEN NULL ELSE value END) AS maximum
                        FROM mlflow_metric WHERE runID = ? GROUP BY key ORDER BY key
                        """,
                    arguments: [runID])
                return rows.compactMap { row -> MLflowMetricSummary? in
                    let key: String = row["key"]
                    guard let point = latest[key] else { return nil }
                    let minimum: Double? = row["minimum"]
                    let maximum: Double? = row["maximum"]
                    return MLflowMetricSummary(
                        key: key, latest: point, minimum: minimum ?? .nan, maximum: maximum ?? .nan,
                        count: row["count"])
                }
            }
        }
    }

    /// Every stored point of one metric of the run, by step, then timestamp, then arrival. Throws when there is
    /// no such run.
    public func metricHistory(runID: String, key: String) async throws -> [MLflowMetric] {
        try await publicCall(runID) {
            try await self.database.read { db in
                try Self.requireRun(runID, in: db)
                return try MLflowMetricRecord.filter(Column("runID") == runID && Column("key") == key)
                    .order(Column("step"), Column("timestamp"), Column("id")).fetchAll(db).map(\.metric)
            }
        }
    }

    // MARK: Logging

    /// `runs/log-batch` (and `log-metric`, `log-parameter`, `set-tag`), in one transaction: params are
    /// immutable (the same value again is fine), tags are replaced, metric points already stored are skipped
    /// (a re-sent point that names a logged model links it to the stored point). New points are published to
    /// `metricEvents` once committed.
    func logBatch(
        runID: String, metrics: [MLflowMetricInput], params: [(String, String)], tags: [(String, String)]
    ) async throws {
        try MLflowValidation.batch(metrics: metrics.count, params: params.count, tags: tags.count)
        for metric in metrics { try MLflowValidation.key(metric.key, kind: "metric") }
        for (key, value) in params { try MLflowValidation.param(key: key, value: value) }
        for (key, value) in tags { try MLflowValidation.tag(key: key, value: value) }
        var seen: [String: String] = [:]
        for (key, value) in params {
            if let previous = seen[key], previous != value {
                throw MLflowError.invalid(
                    "Duplicate parameter keys have been submitted: '\(key)' with the values '\(previous)' and "
                        + "'\(value)'. Please ensure the request contains only one param value per param key.")
            }
            seen[key] = value
        }
        let events = metricEvents
        try await database.write { db in
            var run = try Self.requireRun(runID, in: db)
            for (key, value) in params {
                if let existing = try MLflowParamRecord.fetchOne(db, key: ["runID": runID, "key": key]) {
                    guard existing.value == value else {
                        throw MLflowError.invalid(
                            "Changing param values is not allowed. Param with key='\(key)' was already logged with "
                                + "value='\(existing.value)' for run ID='\(runID)'. Attempted logging new value "
                                + "'\(value)'.")
                    }
                    continue
                }
                try MLflowParamRecord(runID: runID, key: key, value: value).insert(db)
            }
            for (key, value) in tags {
                try MLflowTagRecord(runID: runID, key: key, value: value).save(db)
                if key == Self.runNameTag && run.name != value {
                    run.name = value
                    try run.update(db)
                }
            }
            let inserted = try Self.insertMetrics(metrics, runID: runID, in: db)
            guard !inserted.isEmpty else { return }
            db.afterNextTransaction { _ in events.publish(inserted) }
        }
    }

    /// Inserts the points not stored yet; returns them as events.
    private static func insertMetrics(_ metrics: [MLflowMetricInput], runID: String, in db: Database) throws
        -> [MLflowMetricEvent]
    {
        guard !metrics.isEmpty else { return [] }
        let insert = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO mlflow_metric
                    (runID, key, value, isNaN, timestamp, step, modelID, datasetName, datasetDigest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        let link = try db.cachedStatement(
            sql: """
                UPDATE mlflow_metric SET modelID = ?
                WHERE runID = ? AND key = ? AND step = ? AND timestamp = ? AND value = ? AND isNaN = ?
                  AND modelID IS NULL
                """)
        var events: [MLflowMetricEvent] = []
        for metric in metrics {
            let isNaN = metric.value.isNaN
            let stored = isNaN ? 0 : metric.value
            try insert.execute(arguments: [
                runID, metric.key, stored, isNaN, metric.timestamp, metric.step, metric.modelID, metric.datasetName,
                metric.datasetDigest,
            ])
            if db.changesCount > 0 {
                events.append(
                    MLflowMetricEvent(
                        runID: runID, key: metric.key, value: metric.value, step: metric.step,
                        timestamp: metric.timestamp))
            } else if let modelID = metric.modelID {
                try link.execute(arguments: [
                    modelID, runID, metric.key, metric.step, metric.timestamp, stored, isNaN,
                ])
            }
        }
        return events
    }

    // MARK: Reading

    /// The latest point of each key of the run, in key order: highest step, then latest timestamp, then largest
    /// value (MLflow's rule; NaN counts as 0 there, as in MLflow's SQL store).
    static func latestMetrics(runID: String, in db: Database) throws -> [MLflowMetricRecord] {
        try MLflowMetricRecord.fetchAll(
            db,
            sql: """
                SELECT id, runID, key, value, isNaN, timestamp, step, modelID, datasetName, datasetDigest FROM (
                    SELECT *, ROW_NUMBER() OVER (
                        PARTITION BY key ORDER BY step DESC, timestamp DESC, value DESC, id DESC) AS rank
                    FROM mlflow_metric WHERE runID = ?)
                WHERE rank = 1 ORDER BY key
                """,
            arguments: [runID])
    }

    /// One page of `metrics/get-history`, in MLflow's order (timestamp, step, value), from the offset the page
    /// token holds; the token of the next page when more follow.
    func metricHistoryPage(runID: String, key: String, maxResults: Int?, pageToken: String?) async throws
        -> (metrics: [MLflowMetricRecord], nextPageToken: String?)
    {
        var start = 0
        if let pageToken, !pageToken.isEmpty {
            guard let value = Int(pageToken), value >= 0 else {
                throw MLflowError.invalid("Invalid page token '\(pageToken)'.")
            }
            start = value
        }
        let offset = start
        return try await database.read { db in
            try Self.requireRun(runID, in: db)
            var request = MLflowMetricRecord.filter(Column("runID") == runID && Column("key") == key)
                .order(Column("timestamp"), Column("step"), Column("value"), Column("id"))
            if let maxResults {
                request = request.limit(maxResults + 1, offset: offset)
            } else if offset > 0 {
                request = request.limit(-1, offset: offset)
            }
            var rows = try request.fetchAll(db)
            guard let maxResults, rows.count > maxResults else { return (rows, nil) }
            rows.removeLast(rows.count - maxResults)
            return (rows, String(offset + maxResults))
        }
    }

    /// The points logged with a logged model's id, by key, step and timestamp.
    static func modelMetrics(modelID: String, in db: Database) throws -> [MLflowMetricRecord] {
        try MLflowMetricRecord.filter(Column("modelID") == modelID)
            .order(Column("key"), Column("step"), Column("timestamp"), Column("id")).fetchAll(db)
    }
}
