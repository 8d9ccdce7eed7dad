/// The asynchronous operations the workspace answers with `Azure-AsyncOperation` or `Location` headers.
enum OperationKind: String, Sendable {
    case computeCreate
    case computeDelete
    case jobCancel
    case jobDelete
}
