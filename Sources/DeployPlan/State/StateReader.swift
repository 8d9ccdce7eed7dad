public import AzureML

/// Sends reads to a workspace, at most `limit` at a time, and keeps every answer; the same read is sent once.
public struct StateReader: Sendable {
    /// The workspace.
    public let service: any WorkspaceService
    /// The most reads in flight at once.
    public let limit: Int

    /// A reader.
    public init(service: any WorkspaceService, limit: Int) {
        self.service = service
        self.limit = max(1, limit)
    }

    /// The outcome of every read, sent in parallel within the limit.
    public func read(_ reads: [StateRead]) async -> [StateRead: ReadOutcome] {
        var unique: [StateRead] = []
        var seen: Set<StateRead> = []
        for read in reads where seen.insert(read).inserted { unique.append(read) }
        var results: [StateRead: ReadOutcome] = [:]
        await withTaskGroup(of: (StateRead, ReadOutcome).self) { group in
            var next = 0
            while next < unique.count && next < limit {
                let read = unique[next]
                group.addTask { (read, await perform(read)) }
                next += 1
            }
            while let (read, outcome) = await group.next() {
                results[read] = outcome
                if next < unique.count {
                    let read = unique[next]
                    group.addTask { (read, await perform(read)) }
                    next += 1
                }
            }
        }
        return results
    }

    /// Sends one read.
    public func perform(_ read: StateRead) async -> ReadOutcome {
        do {
            switch read.shape {
            case .list:
                // Plans read the first answer only: the code version holding a snapshot, the newest version.
                return .list(
                    try await service.listResources(read.path, apiVersion: read.apiVersion, query: read.query, limit: 1)
                )
            case .resource, .container, .workspace:
                guard let resource = try await service.getResource(read.path, apiVersion: read.apiVersion) else {
                    return .absent
                }
                return .found(resource)
            }
        } catch let error as AzureMLError {
            // A list below a container that does not exist (the models of a workspace that has none) is empty.
            if read.shape == .list, error.httpStatus == 404, !Self.parentMissingCodes.contains(error.armCode ?? "") {
                return .list([])
            }
            return .failed(error.description)
        } catch {
            return .failed("\(error)")
        }
    }

    /// Codes of a 404 about the workspace's parents rather than the resource asked for.
    static let parentMissingCodes: Set<String> = [
        "ParentResourceNotFound", "ResourceGroupNotFound", "SubscriptionNotFound", "WorkspaceNotFound",
        "InvalidSubscriptionId",
    ]
}
