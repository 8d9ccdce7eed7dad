public import DeployApply
public import WorkspaceClient

extension BlobTransfer {
    /// The applier's blob operations done by `WorkspaceClient`'s uploader (Put Blob, or Put Block and Put Block List
    /// above 4 MiB; `If-None-Match: *` unless overwriting), with storage errors carrying their status and code.
    public init(uploader: BlobUploader) {
        self.init(
            metadata: { blob, authorization in
                try await Self.converting { try await uploader.properties(of: blob, authorization: authorization) }?
                    .metadata
            },
            upload: { path, blob, authorization, overwrite, progress in
                let outcome = try await Self.converting {
                    try await uploader.upload(
                        file: path, to: blob, authorization: authorization, overwrite: overwrite, progress: progress)
                }
                switch outcome {
                case .uploaded: return .uploaded
                case .alreadyExists: return .alreadyExists
                }
            },
            setMetadata: { metadata, blob, authorization in
                try await Self.converting {
                    try await uploader.setMetadata(metadata, on: blob, authorization: authorization)
                }
            })
    }

    /// Runs `operation`, turning a storage service's refusal into `ApplyError.storageFailed`.
    private static func converting<T>(_ operation: () async throws -> T) async throws -> T {
        do {
            return try await operation()
        } catch let error as WorkspaceClientError where error.kind == "blobFailed" {
            guard let status = error.httpStatus else { throw error }
            var message = error.message
            for prefix in ["HTTP \(status)", " \(error.serviceCode ?? "")", ": "] where message.hasPrefix(prefix) {
                message = String(message.dropFirst(prefix.count))
            }
            throw ApplyError.storageFailed(
                error.subject ?? "blob request", status: status, code: error.serviceCode,
                message: message.isEmpty ? "the storage service refused the request" : message)
        }
    }
}
