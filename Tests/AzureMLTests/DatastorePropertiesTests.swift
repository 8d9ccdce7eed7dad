import AzureML
import Testing

@Suite struct DatastorePropertiesTests {
    @Test func accountURLIsBuiltFromAccountProtocolAndEndpoint() {
        let azure = DatastoreProperties(accountName: "acct", containerName: "c")
        #expect(azure.accountURL == "https://acct.blob.core.windows.net")
        let sovereign = DatastoreProperties(
            accountName: "acct", containerName: "c", endpoint: "core.chinacloudapi.cn", protocol: "http")
        #expect(sovereign.accountURL == "http://acct.blob.core.chinacloudapi.cn")
        let defaults = DatastoreProperties(accountName: "acct", containerName: "c", endpoint: nil, protocol: nil)
        #expect(defaults.accountURL == "https://acct.blob.core.windows.net")
    }

    @Test func anEndpointThatIsAURLIsTheAccountURL() {
        let local = DatastoreProperties(
            accountName: "local", containerName: "workspaceblobstore", endpoint: "http://127.0.0.1:8123/blob/")
        #expect(local.accountURL == "http://127.0.0.1:8123/blob")
        #expect(local.containerURL?.string == "http://127.0.0.1:8123/blob/workspaceblobstore")
        let https = DatastoreProperties(accountName: nil, containerName: "c", endpoint: "HTTPS://storage.example")
        #expect(https.accountURL == "HTTPS://storage.example")
    }

    @Test func noAccountURLWithoutAnAccountName() {
        #expect(DatastoreProperties(accountName: nil, containerName: "c").accountURL == nil)
        #expect(DatastoreProperties(accountName: "a", containerName: nil).containerURL == nil)
    }
}
