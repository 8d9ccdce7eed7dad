/// An Azure ML workspace: subscription, resource group and workspace name.
public struct WorkspaceID: Sendable, Hashable, CustomStringConvertible {
    /// The subscription id.
    public var subscription: String
    /// The resource group.
    public var resourceGroup: String
    /// The workspace name.
    public var workspace: String

    /// A workspace.
    public init(subscription: String, resourceGroup: String, workspace: String) {
        self.subscription = subscription
        self.resourceGroup = resourceGroup
        self.workspace = workspace
    }

    /// Parses the ARM id (`/subscriptions/S/resourceGroups/R/providers/Microsoft.MachineLearningServices/workspaces/W`)
    /// or the `azureml://subscriptions/S/resourcegroups/R/workspaces/W` form. Segment names are case-insensitive.
    public init(parsing text: String) throws(AzureMLError) {
        var rest = Substring(text)
        let isURI = rest.lowercased().hasPrefix("azureml://")
        if isURI { rest = rest.dropFirst("azureml:/".count) }
        let segments = rest.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        let expected =
            isURI
            ? ["subscriptions", nil, "resourcegroups", nil, "workspaces", nil]
            : [
                "subscriptions", nil, "resourcegroups", nil, "providers", "microsoft.machinelearningservices",
                "workspaces", nil,
            ]
        guard text.hasPrefix("/") || isURI, segments.count == expected.count,
            zip(segments, expected).allSatisfy({ segment, name in
                name.map { segment.lowercased() == $0 } ?? !segment.isEmpty
            })
        else {
            throw .invalidID(
                "'\(text)' is not a workspace id: expected /subscriptions/<sub>/resourceGroups/<rg>/providers/"
                    + "Microsoft.MachineLearningServices/workspaces/<ws> or "
                    + "azureml://subscriptions/<sub>/resourcegroups/<rg>/workspaces/<ws>")
        }
        subscription = segments[1]
        resourceGroup = segments[3]
        workspace = segments[segments.count - 1]
    }

    /// The workspace's ARM id.
    public var armID: String {
        "/subscriptions/\(subscription)/resourceGroups/\(resourceGroup)"
            + "/providers/Microsoft.MachineLearningServices/workspaces/\(workspace)"
    }

    /// The `azureml://` form.
    public var uri: String {
        "azureml://subscriptions/\(subscription)/resourcegroups/\(resourceGroup)/workspaces/\(workspace)"
    }

    /// The ARM id of a resource in this workspace.
    public func id(of resource: ResourceID) -> String {
        armID + resource.relativePath
    }

    public var description: String { armID }
}
