import AzureML
import GRDB
import HTTPTypes
import Hummingbird

/// Jobs: PUT (201 on create, 200 on an identical re-PUT or a change of mutable members only, 409 otherwise), GET,
/// list (filters `jobType`, `tag`, `properties`, `parentJobName`, `listViewType`), `POST .../cancel` (202 with
/// `Location`) and DELETE (202 with `Location`), plus the local workspace's log route (`JobLogRoutes`). Jobs are
/// stored `NotStarted`; the runner is told through `JobEvents`.
///
/// What the runner recorded shows in `properties.properties` (Azure ML's run-property names where it has them):
/// `StartTimeUtc` (the command started), `EndTimeUtc` (the job ended), `ErrorCode` and `ErrorMessage` (why it
/// failed), `CancelReason`, `Warning` (e.g. the MLflow run ended FAILED although the command exited 0), `ExitCode`,
/// `MlflowRunId` and `LogFile` (the absolute path of `user_logs/std_log.txt`); each output without a `uri` shows the
/// datastore URI its files were published under. A sweep the scheduler could not run (`SweepDefinition`) is refused
/// with 400; the scheduler records its own keys (`SweepRunProperties`).
struct JobRoutes: Sendable {
    let services: WorkspaceServices

    func register(on workspace: RouterGroup<WorkspaceRequestContext>) {
        workspace.get("jobs", use: list)
        workspace.get("jobs/:name", use: get)
        workspace.put("jobs/:name", use: put)
        workspace.delete("jobs/:name", use: delete)
        workspace.post("jobs/:name/cancel", use: cancel)
        JobLogRoutes(services: services).register(on: workspace)
    }

    @Sendable func list(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let query = QueryParameters(request.uri.query)
        let list = try ListQuery(query)
        let filter = try JobFilter(query)
        let records = try await services.store.resources(.job).filter { record in
            list.viewType.includes(isArchived: record.isArchived) && filter.matches(record.propertiesObject)
        }
        let page = list.page(records, url: services.baseURL(request) + request.uri.path, query: query)
        let runs = try await services.store.jobRuns()
        let items = page.items.map { record in
            Self.json(record, run: record.id.flatMap { runs[$0] }, directory: services.directory)
        }
        return JSONResponse.make(status: .ok, json: AssetRoutes.pageJSON((items, page.nextLink)))
    }

    @Sendable func get(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let resource = ResourceID(kind: .job, name: try context.parameters.require("name"))
        guard let record = try await services.store.resource(resource) else { throw ARMError.notFound(resource) }
        let run = try await services.store.jobRun(resourceID: record.id)
        return JSONResponse.make(status: .ok, json: Self.json(record, run: run, directory: services.directory))
    }

    @Sendable func put(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let resource = ResourceID(kind: .job, name: try context.parameters.require("name"))
        try ResourceName.validate(resource.name, what: "name")
        let body = try await WorkspaceServices.jsonBody(request, context: context)
        var properties = try WorkspaceServices.properties(of: body)
        let job: JobProperties
        do {
            job = try JobProperties(json: .object(properties))
        } catch {
            throw ARMError.invalidBody(error)
        }
        if job.isSweep {
            // What the scheduler could not run is refused now, as Azure ML validates a sweep when it is submitted.
            do {
                _ = try SweepDefinition(name: resource.name, properties: properties)
            } catch {
                throw ARMError.userError("Invalid sweep: \(error.field): \(error.message)", target: error.field)
            }
        }
        let references = try JobReferences.required(by: job)
        for key in ResourceKind.job.serverProperties { properties[key] = nil }
        let result = try await services.store.put(resource, properties: properties, state: JobStatus.notStarted) {
            db in
            for reference in references {
                let exists =
                    reference.anyVersion
                    ? try WorkspaceStore.containerExists(reference.resource.kind, name: reference.resource.name, in: db)
                    : try WorkspaceStore.exists(reference.resource, in: db)
                if !exists { throw JobReferences.missing(reference.value, field: reference.field) }
            }
        }
        if case .created = result { services.jobEvents.send(JobEvent(.created, jobName: resource.name)) }
        let status: HTTPResponse.Status = if case .created = result { .created } else { .ok }
        let run = try await services.store.jobRun(resourceID: result.record.id)
        return JSONResponse.make(
            status: status, json: Self.json(result.record, run: run, directory: services.directory))
    }

    /// 202 with `Location`; polling it answers 202 until the job has reached a terminal status. A `NotStarted`
    /// job is `Canceled` at once; a job in progress becomes `CancelRequested` and the runner finishes it. Cancelling
    /// a job that has already ended changes nothing (Azure's answer there is unverified).
    @Sendable func cancel(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        guard let outcome = try await services.store.cancelJob(name: name) else {
            throw ARMError.notFound(ResourceID(kind: .job, name: name))
        }
        let operation: OperationRecord
        switch outcome {
        case .canceled(let record):
            services.jobEvents.send(JobEvent(.canceled, jobName: name))
            operation = record
        case .cancelRequested(let record):
            services.jobEvents.send(JobEvent(.cancelRequested, jobName: name))
            operation = record
        case .alreadyFinished(let record):
            operation = record
        }
        let headers = OperationRoutes.headers(for: operation, request: request, services: services)
        return Response(status: .accepted, headers: headers)
    }

    /// 202 with `Location`; the job is removed at once. Deleting a missing job answers 204, as ARM does.
    @Sendable func delete(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        guard let operation = try await services.store.deleteJob(name: name) else {
            return Response(status: .noContent)
        }
        services.jobEvents.send(JobEvent(.deleted, jobName: name))
        let headers = OperationRoutes.headers(for: operation, request: request, services: services)
        return Response(status: .accepted, headers: headers)
    }

    /// A job as the service reports it: the stored properties plus `status` and what the runner recorded.
    static func json(_ record: ResourceRecord, run: JobRunRecord? = nil, directory: String? = nil) -> JSONValue {
        var properties = record.propertiesObject
        properties["status"] = .string(record.state ?? JobStatus.notStarted)
        if let run {
            var bag = properties["properties"]?.objectValue ?? JSONObject()
            for (key, value) in run.propertyBag { bag[key] = .string(value) }
            if let directory {
                bag["LogFile"] = .string(RunFolder(workspaceDirectory: directory, job: record.name).log.path)
            }
            properties["properties"] = .object(bag)
            if var outputs = properties["outputs"]?.objectValue {
                for (name, uri) in run.outputURIs {
                    guard var output = outputs[name]?.objectValue, output["uri"]?.stringValue == nil else { continue }
                    output["uri"] = .string(uri)
                    outputs[name] = .object(output)
                }
                properties["outputs"] = .object(outputs)
            }
        }
        return ARMResource(
            id: WorkspaceServices.armID(ResourceID(kind: .job, name: record.name)), name: record.name,
            type: ResourceKind.job.armType, properties: properties, systemData: WorkspaceServices.systemData(record)
        ).json
    }
}
