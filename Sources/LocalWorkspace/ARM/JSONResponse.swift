import AzureML
import HTTPTypes
import Hummingbird

/// Builds JSON responses from `JSONValue`s with the serializer of the wire model.
enum JSONResponse {
    /// A response with `json` as its body and `Content-Type: application/json; charset=utf-8`.
    static func make(status: HTTPResponse.Status, json: JSONValue, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        let text = json.serialized(.compact)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
