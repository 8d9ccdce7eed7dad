internal import Crypto
import Foundation
internal import NIOCore

/// The base64 MD5 digest Azure Storage checks in `Content-MD5`.
enum ContentMD5 {
    static func base64(of bytes: [UInt8]) -> String {
        Data(Insecure.MD5.hash(data: bytes)).base64EncodedString()
    }

    /// Hashes a file range chunk by chunk, never holding it whole.
    static func base64(ofFile path: String, offset: Int, length: Int) async throws -> String {
        var hasher = Insecure.MD5()
        for try await chunk in FileChunks(path: path, offset: offset, length: length) {
            chunk.withUnsafeReadableBytes { hasher.update(bufferPointer: $0) }
        }
        return Data(hasher.finalize()).base64EncodedString()
    }
}
