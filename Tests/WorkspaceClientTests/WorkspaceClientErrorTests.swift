import Testing
import WorkspaceClient

@Suite struct WorkspaceClientErrorTests {
    @Test func requestFailuresNameTheRequest() {
        #expect(
            WorkspaceClientError.transport("GET https://h/x", attempts: 6, underlying: "connection refused").description
                == "GET https://h/x: connection failed (6 attempts): connection refused")
        #expect(
            WorkspaceClientError.transport("GET https://h/x", attempts: 1, underlying: "refused").description
                == "GET https://h/x: connection failed: refused")
        #expect(
            WorkspaceClientError.timeout("PUT https://h/x", seconds: 60, attempts: 2).description
                == "PUT https://h/x: no answer within 60 s (2 attempts)")
        #expect(
            WorkspaceClientError.responseTooLarge("GET https://h/x", limit: 33_554_432).description
                == "GET https://h/x: the response is larger than 33554432 bytes")
        #expect(WorkspaceClientError.timeout("GET u", seconds: 1, attempts: 1).isTimeout)
    }

    @Test func blobAndCredentialFailuresCarryTheServiceCode() {
        let blob = WorkspaceClientError.blobFailed(
            "PUT https://a.blob.core.windows.net/c/f?sig=REDACTED", status: 409, code: "BlobAlreadyExists",
            detail: "The specified blob already exists.")
        #expect(
            blob.description
                == "PUT https://a.blob.core.windows.net/c/f?sig=REDACTED: HTTP 409 BlobAlreadyExists: "
                + "The specified blob already exists.")
        #expect(blob.serviceCode == "BlobAlreadyExists")
        #expect(blob.httpStatus == 409)
        #expect(
            WorkspaceClientError.blobFailed("HEAD u", status: 500, code: nil, detail: nil).description
                == "HEAD u: HTTP 500")
        let unavailable = WorkspaceClientError.credentialUnavailable("AzureCliCredential", "not logged in")
        #expect(unavailable.isCredentialUnavailable && unavailable.isAuthentication)
        #expect(unavailable.description == "AzureCliCredential: not logged in")
        #expect(unavailable.kind == "credentialUnavailable")
    }

    @Test func aChainListsItsAttemptsInOrder() {
        let attempts = [
            WorkspaceClientError.Attempt(source: "AZURE_ACCESS_TOKEN", reason: "not set"),
            WorkspaceClientError.Attempt(source: "AzureCliCredential", reason: "not logged in; run `az login`"),
        ]
        #expect(
            WorkspaceClientError.noCredential(attempts).description
                == "no Azure credential is available; tried, in order:\n  - AZURE_ACCESS_TOKEN: not set\n"
                + "  - AzureCliCredential: not logged in; run `az login`")
        let failed = WorkspaceClientError.credentialChainFailed(
            attempts, failure: .authenticationFailed("x", "y", httpStatus: 401, serviceCode: "invalid_client"))
        #expect(failed.description.hasPrefix("Azure authentication failed; tried, in order:\n"))
        #expect(failed.attempts == attempts)
        #expect(failed.httpStatus == 401)
        #expect(failed.kind == "authenticationFailed")
    }

    @Test func workspaceAndFileErrorsNameTheirSource() {
        #expect(
            WorkspaceClientError.invalidWorkspace("workspace_name is missing", source: "/x/.azureml/config.json")
                .description == "/x/.azureml/config.json: workspace_name is missing")
        #expect(WorkspaceClientError.invalidWorkspace("bad").description == "bad")
        #expect(WorkspaceClientError.io("/f", "is empty").description == "/f: is empty")
    }
}
