public import AzureML

/// Proves a saved plan is still current before it is applied: same workspace, same `deploy` version, every local
/// file with the digest it had, and every read answering with the fingerprint it had. Whatever differs is listed.
public enum PlanFreshness {
    /// One thing that changed since the plan was made.
    public struct Change: Sendable, Hashable, CustomStringConvertible {
        /// What changed, in a sentence.
        public var description: String

        /// A change.
        public init(_ description: String) {
            self.description = description
        }
    }

    /// What changed since `plan` was made, checking against `service` (its reads sent again, at most
    /// `maxConcurrentReads` at once) and the files on this machine; empty when the plan is current.
    public static func check(
        _ plan: Plan, service: any WorkspaceService, deployVersion: String, maxConcurrentReads: Int = 16
    ) async -> [Change] {
        var changes: [Change] = []
        if service.workspace != plan.workspace.id {
            changes.append(
                Change("the plan targets workspace \(plan.workspace.id.armID), not \(service.workspace.armID)"))
            return changes
        }
        if plan.deployVersion != deployVersion {
            changes.append(Change("the plan was made by deploy \(plan.deployVersion), this is deploy \(deployVersion)"))
        }
        for file in plan.fingerprints.files {
            switch Result(catching: { () throws(AzureMLError) in try Digest.sha256(file: file.path) }) {
            case .success(let digest) where digest != file.digest:
                changes.append(Change("\(file.path) changed"))
            case .failure:
                changes.append(Change("\(file.path) can no longer be read"))
            default:
                break
            }
        }
        let reads = plan.fingerprints.reads.map(\.read)
        let outcomes = await StateReader(service: service, limit: maxConcurrentReads).read(reads)
        for fingerprint in plan.fingerprints.reads {
            guard let outcome = outcomes[fingerprint.read] else { continue }
            if case .failed(let message) = outcome {
                changes.append(Change("\(fingerprint.read.description) failed: \(message)"))
                continue
            }
            let digest = outcome.fingerprint(for: fingerprint.read)
            guard digest != fingerprint.digest else { continue }
            let what = fingerprint.read.description
            if fingerprint.digest == ReadOutcome.absentDigest {
                changes.append(Change("\(what): now exists (absent when planned)"))
            } else if digest == ReadOutcome.absentDigest {
                changes.append(Change("\(what): no longer exists"))
            } else {
                changes.append(Change("\(what): changed since the plan was made"))
            }
        }
        return changes
    }
}
