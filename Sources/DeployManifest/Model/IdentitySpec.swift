/// A job's `identity`, by its `type`.
public enum IdentitySpec: Sendable {
    /// `type: managed` (or `managed_identity`), optionally naming a user-assigned identity.
    case managed(clientID: Located<String>?, objectID: Located<String>?, resourceID: Located<String>?)
    /// `type: aml_token`.
    case amlToken
    /// `type: user_identity`: the job PUT needs an `x-azureml-token` header.
    case userIdentity
}
