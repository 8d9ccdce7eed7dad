import Foundation
import Testing
import WorkspaceClient

@Suite struct AzureCLICredentialTests {
    @Test func runsAzAndReadsItsToken() async throws {
        try await withTemporaryDirectory { directory in
            let az = try makeScript(
                directory, "az",
                """
                echo "$@" > "\(directory)/arguments"
                echo '{"accessToken": "cli-token", "expiresOn": "2030-01-01 00:00:00.000000", "expires_on": 1893456000, "tokenType": "Bearer"}'
                """)
            let credential = AzureCLICredential(
                cloud: AzureCloud(
                    authorityHost: "https://login.microsoftonline.us",
                    resourceManager: "https://management.usgovcloudapi.net"),
                tenantID: "tenant-3", executable: az)
            let token = try await credential.requestToken()
            #expect(token == AccessToken(token: "cli-token", expiresOn: Date(timeIntervalSince1970: 1_893_456_000)))
            #expect(
                try String(contentsOfFile: directory + "/arguments", encoding: .utf8)
                    == "account get-access-token --output json --resource https://management.usgovcloudapi.net --tenant tenant-3\n"
            )
        }
    }

    @Test func readsTheLocalTimeExpiryOfOlderCLIs() throws {
        let token = try AzureCLICredential.token(
            fromOutput: #"{"accessToken": "t", "expiresOn": "2030-01-01 01:00:00.123456"}"#,
            timeZone: TimeZone(identifier: "Europe/Paris")!)
        #expect(token.expiresOn == Date(timeIntervalSince1970: 1_893_456_000.123))
        #expect(
            throws: WorkspaceClientError.authenticationFailed(
                "AzureCliCredential", "cannot read the access token in the Azure CLI's output")
        ) {
            try AzureCLICredential.token(fromOutput: "WARNING: something\n")
        }
    }

    @Test func aMissingOrLoggedOutCLIIsUnavailable() async throws {
        try await withTemporaryDirectory { directory in
            let loggedOut = try makeScript(
                directory, "az-logged-out", "echo \"ERROR: Please run 'az login' to setup account.\" >&2; exit 1")
            await #expect(
                throws: WorkspaceClientError.credentialUnavailable(
                    "AzureCliCredential",
                    "not logged in; run `az login` (ERROR: Please run 'az login' to setup account.)")
            ) { try await AzureCLICredential(cloud: .publicCloud, executable: loggedOut).requestToken() }
            await #expect(
                throws: WorkspaceClientError.credentialUnavailable(
                    "AzureCliCredential", "the Azure CLI (`\(directory)/missing-az`) was not found")
            ) {
                try await AzureCLICredential(cloud: .publicCloud, executable: directory + "/missing-az").requestToken()
            }
            let broken = try makeScript(directory, "az-broken", "echo 'ERROR: AADSTS50076: MFA required.' >&2; exit 2")
            await #expect(
                throws: WorkspaceClientError.authenticationFailed(
                    "AzureCliCredential", "ERROR: AADSTS50076: MFA required.")
            ) { try await AzureCLICredential(cloud: .publicCloud, executable: broken).requestToken() }
        }
    }

    @Test func aHangingCLIIsStoppedAfterItsTimeout() async throws {
        try await withTemporaryDirectory { directory in
            let hanging = try makeScript(directory, "az-hangs", "echo $$ > \"\(directory)/pid\"; exec sleep 30")
            await #expect(
                throws: WorkspaceClientError.credentialUnavailable(
                    "AzureCliCredential", "`\(hanging)` did not answer within 0.5 s")
            ) { try await AzureCLICredential(cloud: .publicCloud, executable: hanging, timeout: 0.5).requestToken() }
            let pid = try #require(
                Int32(
                    String(contentsOfFile: directory + "/pid", encoding: .utf8).trimmingCharacters(
                        in: .whitespacesAndNewlines)))
            #expect(!LocalServerDiscovery.isAlive(pid))
        }
    }
}
