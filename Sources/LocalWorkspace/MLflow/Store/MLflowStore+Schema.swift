import GRDB

extension MLflowStore {
    /// The MLflow tracking tables, appended to `WorkspaceStore.migrator` (named and append-only like the rest).
    ///
    /// Metric values that are NaN are stored as `0` with `isNaN` set, because SQLite stores a NaN double as NULL,
    /// and NULLs never collide in a UNIQUE index: the flag keeps NaN points de-duplicated like the others.
    static func registerMigrations(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1 mlflow tracking") { db in
            try db.create(table: "mlflow_experiment") { table in
                table.primaryKey("id", .integer)
                table.column("name", .text).notNull().unique()
                table.column("artifactLocation", .text).notNull()
                table.column("lifecycleStage", .text).notNull()
                table.column("creationTime", .integer).notNull()
                table.column("lastUpdateTime", .integer).notNull()
                table.check(sql: "lifecycleStage IN ('active', 'deleted')")
            }
            try db.create(table: "mlflow_experiment_tag") { table in
                table.column("experimentID", .integer).notNull()
                    .references("mlflow_experiment", onDelete: .cascade)
                table.column("key", .text).notNull()
                table.column("value", .text).notNull()
                table.primaryKey(["experimentID", "key"])
            }
            try db.create(table: "mlflow_run") { table in
                table.primaryKey("id", .text)
                table.column("experimentID", .integer).notNull().references("mlflow_experiment")
                table.column("name", .text).notNull()
                table.column("userID", .text).notNull()
                table.column("status", .text).notNull()
                table.column("startTime", .integer).notNull()
                table.column("endTime", .integer)
                table.column("lifecycleStage", .text).notNull()
                table.column("artifactURI", .text).notNull()
                table.column("tokenRunID", .text)
                table.check(sql: "status IN ('RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED')")
                table.check(sql: "lifecycleStage IN ('active', 'deleted')")
            }
            try db.create(index: "mlflow_run_experiment", on: "mlflow_run", columns: ["experimentID"])
            try db.create(table: "mlflow_param") { table in
                table.column("runID", .text).notNull().references("mlflow_run", onDelete: .cascade)
                table.column("key", .text).notNull()
                table.column("value", .text).notNull()
                table.primaryKey(["runID", "key"])
            }
            try db.create(table: "mlflow_tag") { table in
                table.column("runID", .text).notNull().references("mlflow_run", onDelete: .cascade)
                table.column("key", .text).notNull()
                table.column("value", .text).notNull()
                table.primaryKey(["runID", "key"])
            }
            try db.create(table: "mlflow_metric") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("runID", .text).notNull().references("mlflow_run", onDelete: .cascade)
                table.column("key", .text).notNull()
                table.column("value", .double).notNull()
                table.column("isNaN", .boolean).notNull()
                table.column("timestamp", .integer).notNull()
                table.column("step", .integer).notNull()
                table.column("modelID", .text)
                table.column("datasetName", .text)
                table.column("datasetDigest", .text)
                table.uniqueKey(["runID", "key", "step", "timestamp", "value", "isNaN"])
            }
            try db.create(table: "mlflow_logged_model") { table in
                table.primaryKey("id", .text)
                table.column("experimentID", .integer).notNull().references("mlflow_experiment")
                table.column("name", .text).notNull()
                table.column("modelType", .text).notNull()
                table.column("sourceRunID", .text)
                table.column("status", .text).notNull()
                table.column("artifactURI", .text).notNull()
                table.column("creationTime", .integer).notNull()
                table.column("lastUpdatedTime", .integer).notNull()
                table.column("tokenRunID", .text)
                table.check(
                    sql: "status IN ('LOGGED_MODEL_PENDING', 'LOGGED_MODEL_READY', 'LOGGED_MODEL_UPLOAD_FAILED')")
            }
            try db.create(table: "mlflow_logged_model_tag") { table in
                table.column("modelID", .text).notNull().references("mlflow_logged_model", onDelete: .cascade)
                table.column("key", .text).notNull()
                table.column("value", .text).notNull()
                table.primaryKey(["modelID", "key"])
            }
            try db.create(table: "mlflow_logged_model_param") { table in
                table.column("modelID", .text).notNull().references("mlflow_logged_model", onDelete: .cascade)
                table.column("key", .text).notNull()
                table.column("value", .text).notNull()
                table.primaryKey(["modelID", "key"])
            }
            try db.create(table: "mlflow_run_input") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("runID", .text).notNull().references("mlflow_run", onDelete: .cascade)
                table.column("kind", .text).notNull()
                table.column("identity", .text).notNull()
                table.column("body", .text).notNull()
                table.uniqueKey(["runID", "kind", "identity"])
                table.check(sql: "kind IN ('dataset', 'model')")
                table.check(sql: "json_valid(body)")
            }
            try db.create(table: "mlflow_run_output") { table in
                table.column("runID", .text).notNull().references("mlflow_run", onDelete: .cascade)
                table.column("modelID", .text).notNull()
                table.column("step", .integer).notNull()
                table.primaryKey(["runID", "modelID"])
            }
            try db.create(table: "mlflow_token") { table in
                table.primaryKey("tokenHash", .text)
                table.column("runID", .text).notNull().references("mlflow_run", onDelete: .cascade)
                table.column("createdAt", .integer).notNull()
            }
            try db.create(index: "mlflow_token_run", on: "mlflow_token", columns: ["runID"])
            let now = MLflowStore.milliseconds()
            try MLflowExperimentRecord(
                id: 0, name: MLflowStore.defaultExperimentName, artifactLocation: MLflowStore.experimentArtifactURI(0),
                lifecycleStage: "active", creationTime: now, lastUpdateTime: now
            ).insert(db)
        }
    }
}
