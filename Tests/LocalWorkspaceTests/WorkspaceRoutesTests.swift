import AzureML
import Foundation
import NIOHTTP1
import Testing

@testable import LocalWorkspace

@Suite struct WorkspaceRoutesTests {
    @Test func theWorkspaceItselfReportsItsLocation() async throws {
        try await TestWorkspace.with { ws in
            let response = try await ws.arm(.GET, ws.workspacePath, apiVersion: "2024-10-01-preview")
            #expect(response.status == 200)
            #expect(
                response.json == [
                    "id": .string(ws.workspacePath), "name": "local",
                    "type": "Microsoft.MachineLearningServices/workspaces", "location": "local",
                    "properties": ["friendlyName": "local", "provisioningState": "Succeeded"],
                ])
            let other = try await ws.arm(
                .GET, ws.workspacePath.replacingOccurrences(of: "/workspaces/local", with: "/workspaces/other"),
                apiVersion: "2024-10-01-preview")
            #expect(other.status == 404)
            #expect(other.errorCode == "ResourceNotFound")
        }
    }
}
