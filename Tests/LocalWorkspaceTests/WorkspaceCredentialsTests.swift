import Foundation
import Testing

@testable import LocalWorkspace

@Suite struct WorkspaceCredentialsTests {
    @Test func aCorruptCredentialsFileIsReportedWithItsPath() throws {
        let directory = try TestWorkspace.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "{}".write(toFile: directory + "/credentials.json", atomically: true, encoding: .utf8)
        #expect(
            throws: LocalWorkspaceError.workspaceSetup(
                "the credentials file is not valid: expected {\"token\": ..., \"sasKey\": ...}",
                path: directory + "/credentials.json")
        ) { try WorkspaceCredentials.loadOrCreate(directory: directory) }
    }
}
