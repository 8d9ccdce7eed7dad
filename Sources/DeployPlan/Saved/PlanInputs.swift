import AzureML
public import DeployManifest
public import DeployYAML

/// The local files a plan depends on, and their fingerprints.
public enum PlanInputs {
    /// The absolute paths of the files `manifests` involve: each manifest file, and every file below the paths the
    /// manifests name (conda files, code folders, local data, build contexts), listed as uploads list them. Paths
    /// that cannot be listed are left out (validation reported them).
    public static func files(of manifests: [LoadedManifest]) -> [String] {
        var result: [String] = []
        for manifest in manifests {
            let name = manifest.path.split(separator: "/").last.map(String.init) ?? manifest.path
            result.append(manifest.path.hasPrefix("/") ? manifest.path : manifest.directory + "/" + name)
            for reference in manifest.references {
                guard let files = try? FileListing.files(at: reference) else { continue }
                result += files.map(\.path)
            }
        }
        return result
    }

    /// The fingerprints of `paths`, sorted by path without repeats, and an error for each file that cannot be read.
    public static func fingerprints(of paths: [String]) -> (fingerprints: [FileFingerprint], errors: [Diagnostic]) {
        var fingerprints: [FileFingerprint] = []
        var errors: [Diagnostic] = []
        for path in Set(paths).sorted() {
            do {
                fingerprints.append(FileFingerprint(path: path, digest: try Digest.sha256(file: path)))
            } catch {
                errors.append(
                    Diagnostic(
                        severity: .error, message: "cannot read the file: \(error.message)", file: path, mark: nil))
            }
        }
        return (fingerprints, errors)
    }
}
