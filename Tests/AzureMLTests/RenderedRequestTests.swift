import AzureML
import DeployManifest
import Testing

@Suite struct RenderedRequestTests {
    let source = SourceLocation(file: "job.yml", line: 3, column: 7)

    @Test func armRequestsPrintMethodPathVersionQueryAndBody() {
        let request = RenderedRequest(
            content: .arm(
                ARMRequest(
                    method: "GET", path: "/x/codes/c/versions", apiVersion: "2023-04-01",
                    query: [.init("hash", "h"), .init("hashVersion", "202208")])), source: source)
        #expect(
            request.json.serialized(.compact)
                == #"{"method":"GET","path":"/x/codes/c/versions","api_version":"2023-04-01","query":{"hash":"h","#
                + #""hashVersion":"202208"},"body":null,"source":"job.yml:3:7"}"#)
    }

    @Test func uploadsListTheirFilesNotTheirBytes() {
        let folder = LocalPath(written: "src", absolute: "/w/src", display: "jobs/src")
        let upload = Upload(
            destination: .pendingUpload(codeName: "c", version: "1"), source: folder, prefix: "src",
            files: [Upload.File(path: "/w/src/a.py", relativePath: "a.py", blobPath: "src/a.py", size: 12)], hash: "h",
            location: source)
        #expect(
            RenderedRequest(content: .upload(upload, alreadyUploaded: false), source: source).json.serialized(.compact)
                == #"{"method":"UPLOAD","destination":"<pending-upload-container>","prefix":"src","files":[{"path":"#
                + #""jobs/src/a.py","blob":"src/a.py","size":12}],"bytes":12,"already_uploaded":false,"#
                + #""source":"job.yml:3:7"}"#)
        let file = LocalPath(written: "x.csv", absolute: "/w/x.csv", display: "jobs/x.csv")
        let single = Upload(
            destination: .datastore("workspaceblobstore"), source: file, prefix: "LocalUpload/h/x.csv",
            files: [Upload.File(path: "/w/x.csv", relativePath: "x.csv", blobPath: "LocalUpload/h/x.csv", size: 3)],
            hash: "h", location: source)
        #expect(single.datastoreURI == "azureml://datastores/workspaceblobstore/paths/LocalUpload/h/x.csv")
        #expect(
            RenderedRequest(content: .upload(single, alreadyUploaded: true), source: source).json["files"]
                == [["path": "jobs/x.csv", "blob": "LocalUpload/h/x.csv", "size": 3]])
    }
}
