import AzureML
import DeployPlan

/// Applies one change of a plan: supplies the values only an apply can (a code version's upload container from
/// `startPendingUpload`, a datastore's container, a remote MLTable's paths), uploads the change's files, sends the
/// PUT, waits for an asynchronous operation, and says how it ended.
struct ChangeExecutor: Sendable {
    let service: any WorkspaceService
    let blobs: BlobTransfer
    let options: ApplyOptions
    let datastores: DatastoreAccess
    let events: @Sendable (ApplyEvent) -> Void

    /// Where an upload goes: the container URL to append blob names to (with its SAS), how requests are authorized,
    /// the value of the placeholder the upload supplies, and the names the completion marker records.
    struct Target: Sendable {
        var container: BlobURL
        var authorization: BlobAuthorization
        var placeholder: Placeholder
        var value: String
        var markerName: String
        var markerVersion: String
    }

    /// How the PUT ended.
    struct Put: Sendable {
        var outcome: ChangeReport.Outcome
        var status: String?
    }

    /// Applies `change` and reports how it went; never throws: failures are the report's outcome.
    func execute(_ change: PlannedChange) async -> ChangeReport {
        let clock = ContinuousClock()
        let start = clock.now
        events(.started(address: change.address))
        var uploads = UploadSummary()
        do {
            let put = try await perform(change, uploads: &uploads)
            return ChangeReport(
                change, outcome: put.outcome, seconds: Self.seconds(clock.now - start), uploads: uploads,
                status: put.status)
        } catch {
            return ChangeReport(
                change, outcome: .failed(ApplyError(error)), seconds: Self.seconds(clock.now - start), uploads: uploads)
        }
    }

    private func perform(_ change: PlannedChange, uploads: inout UploadSummary) async throws -> Put {
        guard let body = change.body else {
            throw ApplyError.invalidPlan("\(change.address) is to be \(change.action.rawValue)d but has no body")
        }
        var values: [Placeholder: String] = [:]
        let progress = UploadProgress(address: change.address, total: change.uploadBytes, events: events)
        for upload in change.uploads {
            let target = try await target(for: upload, of: change)
            values[target.placeholder] = target.value
            uploads = uploads + (try await transfer(upload, to: target, progress: progress))
        }
        for read in change.remoteReads where values[read.supplies] == nil {
            values[read.supplies] = await remoteValue(read)
        }
        for placeholder in body.placeholders where values[placeholder] == nil {
            switch placeholder {
            case .datastoreContainer(let name):
                values[placeholder] = try await datastores.access(name).plainContainer
            default:
                throw ApplyError.unresolved(
                    "\(change.address): the plan leaves \(placeholder) (\(placeholder.explanation)) unresolved")
            }
        }
        return try await put(change, body: body.resolved(values))
    }

    // MARK: Uploads

    /// The container an upload goes to: `startPendingUpload`'s for a code snapshot, the datastore's otherwise.
    private func target(for upload: Upload, of change: PlannedChange) async throws -> Target {
        switch upload.destination {
        case .pendingUpload(let name, let version):
            let response = try await service.sendExpectingSuccess(
                ARMRequest(
                    method: "POST", path: "/codes/\(name)/versions/\(version)/startPendingUpload",
                    apiVersion: APIVersion.codes, body: PendingUpload.requestBody))
            guard let body = response.body else {
                throw ApplyError.unresolved("startPendingUpload for code \(name):\(version) answered without a body")
            }
            let pending = try PendingUpload(json: body)
            return Target(
                container: BlobURL(pending.sasUri), authorization: .sasInURL,
                placeholder: .pendingUploadContainer(codeName: name, version: version), value: pending.blobUri,
                markerName: name, markerVersion: version)
        case .datastore(let name):
            let access = try await datastores.access(name)
            // The SDK records the data asset's name and version; job inputs and build contexts get uuids, which
            // `deploy` derives from the content so that a re-run writes the same marker.
            let ownData = change.kind == ResourceKind.data.rawValue && change.version != nil
            return Target(
                container: access.container, authorization: access.authorization,
                placeholder: .datastoreContainer(name), value: access.plainContainer,
                markerName: ownData ? change.name : AnonymousCode.name(contentHash: upload.hash),
                markerVersion: ownData
                    ? change.version ?? "1" : AnonymousCode.name(contentHash: String(upload.hash.dropFirst(32))))
        }
    }

    /// Uploads the files of `upload` as the SDK does: the indicator file (the first in sorted order) is checked
    /// first and nothing is sent when it carries `upload_status=completed`; otherwise every file is uploaded, several
    /// at once, conditionally unless the indicator exists without the marker (a partial upload, overwritten), and
    /// the marker is written on the indicator last.
    private func transfer(_ upload: Upload, to target: Target, progress: UploadProgress) async throws -> UploadSummary {
        guard let indicator = upload.files.first else { return UploadSummary() }
        let blobs = blobs
        let indicatorURL = target.container.appending(blobName: indicator.blobPath)
        let existing = try await storage("HEAD blob \(indicator.blobPath)") {
            try await blobs.metadata(indicatorURL, target.authorization)
        }
        if existing?["upload_status"] == "completed" {
            for file in upload.files { progress.file(file.path, sent: file.size) }
            return UploadSummary(existingFiles: upload.files.count)
        }
        let overwrite = existing != nil
        var summary = UploadSummary()
        try await withThrowingTaskGroup(of: (BlobTransfer.UploadOutcome, Upload.File).self) { group in
            var next = 0
            func startNext() {
                let file = upload.files[next]
                next += 1
                let url = target.container.appending(blobName: file.blobPath)
                group.addTask {
                    let outcome = try await storage("PUT blob \(file.blobPath)") {
                        try await blobs.upload(file.path, url, target.authorization, overwrite) { sent in
                            progress.file(file.path, sent: Int64(sent))
                        }
                    }
                    return (outcome, file)
                }
            }
            while next < upload.files.count && next < options.uploadConcurrency { startNext() }
            while let (outcome, file) = try await group.next() {
                switch outcome {
                case .uploaded:
                    summary.uploadedFiles += 1
                    summary.bytes += file.size
                case .alreadyExists:
                    summary.existingFiles += 1
                    progress.file(file.path, sent: file.size)
                }
                if next < upload.files.count { startNext() }
            }
        }
        try await storage("PUT blob \(indicator.blobPath)?comp=metadata") {
            try await blobs.setMetadata(
                [("upload_status", "completed"), ("name", target.markerName), ("version", target.markerVersion)],
                indicatorURL, target.authorization)
        }
        return summary
    }

    /// Runs a blob operation, naming it in errors that do not name their request.
    private func storage<T>(_ what: String, _ operation: () async throws -> T) async throws -> T {
        do {
            return try await operation()
        } catch let error as ApplyError {
            throw error
        } catch {
            throw ApplyError.transport("\(what): \(error)")
        }
    }

    // MARK: Remote reads

    /// The paths of a remote MLTable file as JSON text, read through its datastore or directly; `null` when it
    /// cannot be read, so the member is left out, as the SDK does.
    private func remoteValue(_ read: RemoteRead) async -> String {
        do {
            var values: [Placeholder: String] = [:]
            var authorization = BlobAuthorization.sasInURL
            var query = ""
            if let name = read.datastore {
                let access = try await datastores.access(name)
                values[.datastoreContainer(name)] = access.plainContainer
                authorization = access.authorization
                query = access.container.query
            }
            var url = BlobURL(read.url.resolved(values))
            if !query.isEmpty { url = BlobURL(address: url.address, query: query) }
            let response = try await service.send(
                BlobRequest(method: "GET", url: url.string, authorization: authorization))
            guard response.isSuccess,
                let paths = MLTablePaths.json(from: String(decoding: response.body, as: UTF8.self))
            else { return "null" }
            return paths.serialized(.compact)
        } catch {
            return "null"
        }
    }

    // MARK: PUT

    /// Sends the PUT and waits for an asynchronous operation. A job that exists already (the PUT answers 200, or
    /// 409 while a GET finds it) was submitted before, by an interrupted run or by someone else: it is reported as
    /// such, never submitted under another name.
    private func put(_ change: PlannedChange, body: JSONValue) async throws -> Put {
        let request = ARMRequest(method: "PUT", path: change.path, apiVersion: change.apiVersion, body: body)
        let isJob = change.kind == ResourceKind.job.rawValue
        let response = try await service.send(request)
        guard response.isSuccess else {
            if isJob, change.action == .create, response.status == 409,
                let existing = try await service.getResource(change.path, apiVersion: APIVersion.jobs)
            {
                return Put(outcome: .alreadySubmitted, status: existing.properties["status"]?.stringValue)
            }
            let detail = response.armError?.error
            throw ApplyError.requestFailed(
                "PUT \(change.path)", status: response.status, code: detail?.code,
                message: detail?.message ?? "the server sent no ARM error body")
        }
        var final = response
        if Self.isAsynchronous(response) {
            final = try await service.waitForOperation(started: response, by: request, polling: options.polling)
        }
        let status = isJob ? Self.status(in: final) : nil
        switch change.action {
        case .create where isJob && response.status == 200:
            return Put(outcome: .alreadySubmitted, status: status)
        case .update:
            return Put(outcome: .updated, status: status)
        default:
            return Put(outcome: .created, status: status)
        }
    }

    /// Whether `response` starts an asynchronous operation.
    private static func isAsynchronous(_ response: ARMResponse) -> Bool {
        response.headers.value("Azure-AsyncOperation") != nil
            || (response.status == 202 && response.headers.value("Location") != nil)
    }

    private static func status(in response: ARMResponse) -> String? {
        response.body?["properties"]?["status"]?.stringValue
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
