/// A job's `environment`: a reference the service resolves, or an inline definition the SDK registers as the
/// anonymous `CliV2AnonymousEnvironment`.
public enum JobEnvironment: Sendable {
    /// A reference exactly as written: `azureml:name:version`, `azureml:name@latest`, `azureml:AzureML-x@latest`,
    /// `azureml:/subscriptions/...`, `azureml://registries/...`.
    case reference(String)
    /// An inline environment (its `name` and `version`, if written, were dropped with a warning).
    case inline(EnvironmentDefinition)
}
