import HTTPTypes

extension HTTPField.Name {
    static let msRequestID = HTTPField.Name("x-ms-request-id")!
    static let msCorrelationRequestID = HTTPField.Name("x-ms-correlation-request-id")!
    static let msClientRequestID = HTTPField.Name("x-ms-client-request-id")!
    static let azureAsyncOperation = HTTPField.Name("Azure-AsyncOperation")!
    static let retryAfter = HTTPField.Name("Retry-After")!
    static let msVersion = HTTPField.Name("x-ms-version")!
    static let msErrorCode = HTTPField.Name("x-ms-error-code")!
    static let msBlobType = HTTPField.Name("x-ms-blob-type")!
    static let msRange = HTTPField.Name("x-ms-range")!
    static let msCreationTime = HTTPField.Name("x-ms-creation-time")!
    static let msRequestServerEncrypted = HTTPField.Name("x-ms-request-server-encrypted")!
    static let msServerEncrypted = HTTPField.Name("x-ms-server-encrypted")!
    static let msBlobContentType = HTTPField.Name("x-ms-blob-content-type")!
    static let msBlobContentMD5 = HTTPField.Name("x-ms-blob-content-md5")!
    static let msContentMD5 = HTTPField.Name("x-ms-content-md5")!
    static let contentMD5 = HTTPField.Name("Content-MD5")!
    static let msLeaseState = HTTPField.Name("x-ms-lease-state")!
    static let msLeaseStatus = HTTPField.Name("x-ms-lease-status")!
    static let msAccessTier = HTTPField.Name("x-ms-access-tier")!
}
