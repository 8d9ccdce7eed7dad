extension WorkspaceID {
    /// The local workspace `deploy` serves on this machine:
    /// `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/deploy-local/providers/
    /// Microsoft.MachineLearningServices/workspaces/local`.
    public static let local = WorkspaceID(
        subscription: "00000000-0000-0000-0000-000000000000", resourceGroup: "deploy-local", workspace: "local")
}
