public import AzureML
import DeployPlan

/// The machine-readable form of an apply's result (part of `deploy apply --output json`; README.md documents it).
extension ApplyResult {
    /// `{"changes": [...], "summary": {...}, "seconds": 1.2}`.
    public var json: JSONValue {
        let summary = self.summary
        return [
            "changes": .array(reports.map(\.json)),
            "summary": [
                "created": .int(summary.created), "updated": .int(summary.updated),
                "already_submitted": .int(summary.alreadySubmitted), "unchanged": .int(summary.unchanged),
                "failed": .int(summary.failed), "not_attempted": .int(summary.notAttempted),
            ],
            "seconds": .double(Self.rounded(seconds)),
        ]
    }

    static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}

extension ChangeReport {
    /// One change: address, kind, name, version, the plan's action, id, `outcome` (`unchanged`, `created`,
    /// `updated`, `already_submitted`, `failed`, `not_attempted`), `seconds`, `uploads`, `status` (jobs), and
    /// `error` or `reason` when it failed or was not attempted.
    public var json: JSONValue {
        var object: JSONObject = [
            "address": .string(address), "kind": .string(kind), "name": .string(name),
            "version": version.map(JSONValue.string) ?? .null, "action": .string(action.rawValue), "id": .string(id),
        ]
        switch outcome {
        case .unchanged: object["outcome"] = "unchanged"
        case .created: object["outcome"] = "created"
        case .updated: object["outcome"] = "updated"
        case .alreadySubmitted: object["outcome"] = "already_submitted"
        case .failed: object["outcome"] = "failed"
        case .notAttempted: object["outcome"] = "not_attempted"
        }
        object["seconds"] = seconds.map { .double(ApplyResult.rounded($0)) } ?? .null
        object["uploads"] = [
            "uploaded_files": .int(uploads.uploadedFiles), "existing_files": .int(uploads.existingFiles),
            "bytes": .int(Int(uploads.bytes)),
        ]
        object["status"] = status.map(JSONValue.string) ?? .null
        switch outcome {
        case .failed(let error):
            object["error"] = error.json
        case .notAttempted(let skip):
            object["reason"] = .string(ApplyTextRenderer.reason(skip))
        default:
            break
        }
        return .object(object)
    }
}

extension ApplyError {
    /// `{"kind", "request", "status", "code", "message"}`.
    public var json: JSONValue {
        [
            "kind": .string(kind), "request": request.map(JSONValue.string) ?? .null,
            "status": httpStatus.map { .int($0) } ?? .null, "code": serviceCode.map(JSONValue.string) ?? .null,
            "message": .string(message),
        ]
    }
}

extension JobFollower.Outcome {
    /// `{"name", "status", "timed_out", "error"}`.
    public var json: JSONValue {
        [
            "name": .string(name), "status": status.map(JSONValue.string) ?? .null, "timed_out": .bool(timedOut),
            "error": error.map(JSONValue.string) ?? .null,
        ]
    }
}
