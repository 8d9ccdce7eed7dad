import AzureML
import Hummingbird

/// The workspace's ARM routes, one router group per workspace path; a request for another subscription,
/// resource group or workspace gets 404 `ResourceNotFound` (names compared case-insensitively, as ARM does).
struct WorkspaceRoutes: Sendable {
    static let path =
        "subscriptions/:subscription/resourceGroups/:resourceGroup/providers/Microsoft.MachineLearningServices/"
        + "workspaces/:workspace"

    let services: WorkspaceServices

    func register(on router: Router<WorkspaceRequestContext>) {
        let workspace = router.group(RouterPath(Self.path)).add(middleware: WorkspaceCheckMiddleware())
        workspace.get(use: getWorkspace)
        for kind in [ResourceKind.environment, .data, .code] {
            AssetRoutes(kind: kind, services: services).register(on: workspace)
        }
        DatastoreRoutes(services: services).register(on: workspace)
        ComputeRoutes(services: services).register(on: workspace)
        JobRoutes(services: services).register(on: workspace)
    }

    /// The workspace itself, as ARM reports a tracked resource: its id, name, type and location (what a plan reads
    /// to place a compute cluster whose manifest names no location).
    @Sendable func getWorkspace(_ request: Request, context: WorkspaceRequestContext) async throws -> Response {
        let workspace = LocalWorkspaceServer.workspace
        let resource = ARMResource(
            id: workspace.armID, name: workspace.workspace, type: "Microsoft.MachineLearningServices/workspaces",
            properties: ["friendlyName": .string(workspace.workspace), "provisioningState": "Succeeded"],
            location: LocalWorkspaceServer.location)
        return JSONResponse.make(status: .ok, json: resource.json)
    }
}

/// Answers 404 for a workspace path that is not this server's workspace.
struct WorkspaceCheckMiddleware: RouterMiddleware {
    typealias Context = WorkspaceRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let local = LocalWorkspaceServer.workspace
        let subscription = context.parameters.get("subscription") ?? ""
        let group = context.parameters.get("resourceGroup") ?? ""
        let workspace = context.parameters.get("workspace") ?? ""
        guard subscription.lowercased() == local.subscription.lowercased(),
            group.lowercased() == local.resourceGroup.lowercased(),
            workspace.lowercased() == local.workspace.lowercased()
        else {
            throw ARMError(
                .notFound, code: "ResourceNotFound",
                message: "The Resource 'Microsoft.MachineLearningServices/workspaces/\(workspace)' under resource "
                    + "group '\(group)' was not found.")
        }
        return try await next(request, context)
    }
}
