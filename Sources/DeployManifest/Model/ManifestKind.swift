/// The kinds of manifest `deploy` reads.
public enum ManifestKind: String, Sendable, Hashable, CaseIterable {
    /// A command job (`commandJob.schema.json`, `type: command`).
    case command
    /// A sweep job (`sweepJob.schema.json`, `type: sweep`).
    case sweep
    /// An environment asset (`environment.schema.json`).
    case environment
    /// A data asset (`data.schema.json`, `type: uri_file|uri_folder|mltable`).
    case data
    /// A code asset (`code.schema.json`).
    case code
    /// An amlcompute cluster (`amlCompute.schema.json`, `type: amlcompute`).
    case compute

    /// The file name stem of the kind's `$schema` URL: `commandJob`, `sweepJob`, `environment`, `data`, `code`,
    /// `amlCompute`.
    public var schemaName: String {
        switch self {
        case .command: return "commandJob"
        case .sweep: return "sweepJob"
        case .environment: return "environment"
        case .data: return "data"
        case .code: return "code"
        case .compute: return "amlCompute"
        }
    }

    /// How messages name the kind: `a command job`, `an environment`.
    public var article: String {
        switch self {
        case .command: return "a command job"
        case .sweep: return "a sweep job"
        case .environment: return "an environment"
        case .data: return "a data asset"
        case .code: return "a code asset"
        case .compute: return "an amlcompute cluster"
        }
    }

    /// The kind whose `$schema` file name (without `.schema.json`, compared case-insensitively) is `name`.
    public init?(schemaName name: String) {
        guard let kind = ManifestKind.allCases.first(where: { $0.schemaName.lowercased() == name.lowercased() })
        else { return nil }
        self = kind
    }
}
