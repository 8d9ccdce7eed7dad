/// One request to the ARM API of a workspace: a method, a path, an api-version and an optional JSON body.
public struct ARMRequest: Sendable, Hashable {
    /// `GET`, `PUT`, `POST`, `DELETE`, `HEAD`, `PATCH`.
    public var method: String
    /// Either a path relative to the workspace id (`/environments/e/versions/1`) or an absolute URL, as
    /// asynchronous operations return in `Location` and `Azure-AsyncOperation`.
    public var path: String
    /// The `api-version` query parameter; `nil` for absolute URLs that already carry one.
    public var apiVersion: String?
    /// Other query parameters, in order (unencoded).
    public var query: [QueryItem]
    /// The JSON body.
    public var body: JSONValue?
    /// Extra headers (the transport adds authorization, content type and request ids).
    public var headers: [Header]

    /// A query parameter.
    public struct QueryItem: Sendable, Hashable {
        /// The parameter's name.
        public var name: String
        /// Its value.
        public var value: String

        /// A query parameter.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// A request.
    public init(
        method: String, path: String, apiVersion: String?, query: [QueryItem] = [], body: JSONValue? = nil,
        headers: [Header] = []
    ) {
        self.method = method
        self.path = path
        self.apiVersion = apiVersion
        self.query = query
        self.body = body
        self.headers = headers
    }

    /// Whether `path` is an absolute URL rather than a workspace-relative path.
    public var isAbsolute: Bool {
        path.hasPrefix("http://") || path.hasPrefix("https://")
    }

    /// Whether repeating the request has the same effect as sending it once (all but `POST` and `PATCH`).
    public var isIdempotent: Bool {
        !["POST", "PATCH"].contains(method)
    }
}

/// An HTTP header.
public struct Header: Sendable, Hashable {
    /// The name, as written (compared case-insensitively).
    public var name: String
    /// The value.
    public var value: String

    /// A header.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension [Header] {
    /// The value of the first header named `name`, compared case-insensitively.
    public func value(_ name: String) -> String? {
        let lowered = name.lowercased()
        return first { $0.name.lowercased() == lowered }?.value
    }
}

/// The answer to an `ARMRequest`.
public struct ARMResponse: Sendable, Hashable {
    /// The HTTP status.
    public var status: Int
    /// The response headers.
    public var headers: [Header]
    /// The body, when it was JSON; `nil` when empty.
    public var body: JSONValue?

    /// A response.
    public init(status: Int, headers: [Header] = [], body: JSONValue? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The ARM error in the body, when there is one.
    public var armError: ARMErrorResponse? { body.flatMap(ARMErrorResponse.init(json:)) }

    /// `Retry-After` in seconds, when the server sent one.
    public var retryAfter: Double? { headers.value("Retry-After").flatMap(Double.init) }
}
