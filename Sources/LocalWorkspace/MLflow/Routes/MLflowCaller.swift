/// Who an MLflow request comes from, by its bearer token.
enum MLflowCaller: Sendable, Hashable {
    /// The workspace token: everything.
    case workspace
    /// A run's tracking token (`MLflowStore.registerToken`): that run, the runs and logged models created with the
    /// token, and their artifacts; experiments may be read and created.
    case run(String)

    /// The run whose token this is, for records of what it creates; `nil` for the workspace token.
    var tokenRunID: String? {
        if case .run(let id) = self { return id }
        return nil
    }

    /// Whether the caller may read and write the run.
    func canAccess(_ run: MLflowRunRecord) -> Bool {
        guard case .run(let id) = self else { return true }
        return run.id == id || run.tokenRunID == id
    }

    /// Whether the caller may read and write the logged model.
    func canAccess(_ model: MLflowLoggedModelRecord) -> Bool {
        guard case .run(let id) = self else { return true }
        return model.tokenRunID == id || model.sourceRunID == id
    }

    /// 403 for a run or model outside the token's scope.
    func denied(_ what: String) -> MLflowError {
        .permissionDenied("The tracking token of run '\(tokenRunID ?? "")' gives no access to \(what).")
    }
}
