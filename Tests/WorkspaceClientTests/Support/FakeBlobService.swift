import AzureML
import Crypto
import Foundation
import Synchronization

/// A blob service subset for the test server: Put Blob, Put Block, Put Block List (with `If-None-Match: *`), Head
/// Blob; SAS checked as `sig=good`; `Content-MD5` verified; the first `failingBlockPuts` Put Block requests answer
/// 503.
final class FakeBlobService: Sendable {
    struct Blob: Sendable, Equatable {
        var bytes: [UInt8]
        var headers: [String: String]
    }

    private struct State {
        var blobs: [String: Blob] = [:]
        var staged: [String: [String: [UInt8]]] = [:]
        var failingBlockPuts: Int
        var maxBlockBytes = 0
    }

    private let state: Mutex<State>

    init(failingBlockPuts: Int = 0) {
        state = Mutex(State(failingBlockPuts: failingBlockPuts))
    }

    var blobs: [String: Blob] { state.withLock { $0.blobs } }
    var maxBlockBytes: Int { state.withLock { $0.maxBlockBytes } }

    func store(_ path: String, _ bytes: [UInt8]) {
        state.withLock { $0.blobs[path] = Blob(bytes: bytes, headers: [:]) }
    }

    func handle(_ request: RecordedRequest) -> TestResponse {
        guard request.parameter("sig") == "good" else {
            return Self.error(403, "AuthenticationFailed", "Server failed to authenticate the request.")
        }
        if let md5 = request.header("Content-MD5"),
            md5 != Data(Insecure.MD5.hash(data: request.body)).base64EncodedString()
        {
            return Self.error(400, "Md5Mismatch", "The MD5 value specified in the request did not match.")
        }
        let path = PercentEncoding.decode(request.path) ?? request.path
        let exists = blobs[path] != nil
        let conditional = request.header("If-None-Match") == "*"
        switch (request.method, request.parameter("comp")) {
        case ("HEAD", nil):
            guard let blob = blobs[path] else { return TestResponse(status: 404) }
            return TestResponse(
                status: 200,
                headers: blob.headers.map { Header($0.key, $0.value) }
                    + [Header("Content-Length", String(blob.bytes.count))])
        case ("PUT", nil):
            if conditional && exists {
                return Self.error(409, "BlobAlreadyExists", "The specified blob already exists.")
            }
            guard request.header("x-ms-blob-type") == "BlockBlob" else {
                return Self.error(400, "MissingRequiredHeader", "x-ms-blob-type")
            }
            state.withLock { $0.blobs[path] = Blob(bytes: request.body, headers: Self.properties(request)) }
            return TestResponse(status: 201)
        case ("PUT", "block"):
            guard let id = request.parameter("blockid") else {
                return Self.error(400, "InvalidQueryParameterValue", "")
            }
            let failed = state.withLock { state -> Bool in
                if state.failingBlockPuts > 0 {
                    state.failingBlockPuts -= 1
                    return true
                }
                state.staged[path, default: [:]][id] = request.body
                state.maxBlockBytes = max(state.maxBlockBytes, request.body.count)
                return false
            }
            return failed ? Self.error(503, "ServerBusy", "The server is busy.") : TestResponse(status: 201)
        case ("PUT", "blocklist"):
            if conditional && exists {
                return Self.error(409, "BlobAlreadyExists", "The specified blob already exists.")
            }
            let ids = request.text.components(separatedBy: "<Latest>").dropFirst().map {
                String($0.prefix { $0 != "<" })
            }
            return state.withLock { state in
                var bytes: [UInt8] = []
                for id in ids {
                    guard let block = state.staged[path]?[id] else {
                        return Self.error(400, "InvalidBlockList", "The specified block list is invalid.")
                    }
                    bytes += block
                }
                state.staged[path] = nil
                state.blobs[path] = Blob(bytes: bytes, headers: Self.properties(request))
                return TestResponse(status: 201)
            }
        case ("PUT", "metadata"):
            guard exists else { return Self.error(404, "BlobNotFound", "The specified blob does not exist.") }
            state.withLock { state in
                let kept = state.blobs[path]!.headers.filter { !$0.key.hasPrefix("x-ms-meta-") }
                state.blobs[path]!.headers = kept.merging(Self.properties(request)) { $1 }
            }
            return TestResponse(status: 200)
        default:
            return Self.error(400, "UnsupportedHttpVerb", request.method)
        }
    }

    private static func properties(_ request: RecordedRequest) -> [String: String] {
        var properties: [String: String] = [:]
        for header in request.headers {
            let name = header.name.lowercased()
            if name.hasPrefix("x-ms-meta-") || name == "x-ms-blob-content-type" { properties[name] = header.value }
        }
        return properties
    }

    static func error(_ status: Int, _ code: String, _ message: String) -> TestResponse {
        .text(
            status,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>\(code)</Code><Message>\(message)\n"
                + "RequestId:0</Message></Error>",
            headers: [Header("x-ms-error-code", code), Header("Content-Type", "application/xml")])
    }
}
