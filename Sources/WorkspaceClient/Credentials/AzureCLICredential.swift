public import Foundation
import Subprocess

#if canImport(System)
    import System
#else
    import SystemPackage
#endif

/// The Azure CLI's signed-in account: `az account get-access-token --resource <arm> --output json`. A missing `az`
/// or a CLI that is not logged in makes the credential unavailable.
public struct AzureCLICredential: TokenCredential, CustomStringConvertible {
    /// `AzureCliCredential`, as azure-identity names it.
    public let name = "AzureCliCredential"
    /// The `az` executable: a name looked up on `PATH`, or a path.
    public let executable: String
    /// The tenant to ask for, when not the CLI's default.
    public let tenantID: String?
    /// How long `az` may take, in seconds.
    public let timeout: Double
    private let resource: String

    /// A credential.
    public init(cloud: AzureCloud, tenantID: String? = nil, executable: String = "az", timeout: Double = 10) {
        resource = cloud.resourceManager
        self.tenantID = tenantID
        self.executable = executable
        self.timeout = timeout
    }

    /// Runs `az` and reads its token.
    public func requestToken() async throws -> AccessToken {
        let arguments =
            ["account", "get-access-token", "--output", "json", "--resource", resource]
            + (tenantID.map { ["--tenant", $0] } ?? [])
        let command: Executable = executable.contains("/") ? .path(FilePath(executable)) : .name(executable)
        let result: (status: TerminationStatus, output: String, error: String)
        do {
            result = try await withThrowingTaskGroup(
                of: (status: TerminationStatus, output: String, error: String)?.self
            ) { group in
                group.addTask {
                    let run = try await Subprocess.run(
                        command, arguments: Arguments(arguments), output: .string(limit: 1 << 20),
                        error: .string(limit: 1 << 20))
                    return (run.terminationStatus, run.standardOutput, run.standardError)
                }
                let timeout = timeout
                group.addTask {
                    try await Task.sleep(for: .seconds(timeout))
                    return nil
                }
                let first = try await group.next()!
                group.cancelAll()
                guard let first else {
                    throw WorkspaceClientError.credentialUnavailable(
                        name,
                        "`\(executable)` did not answer within \(timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)) s"
                    )
                }
                return first
            }
        } catch let error as WorkspaceClientError {
            throw error
        } catch {
            throw WorkspaceClientError.credentialUnavailable(name, "the Azure CLI (`\(executable)`) was not found")
        }
        guard case .exited(0) = result.status else {
            let message = result.error.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            if message.contains("az login") || message.contains("az account set") || result.error.isEmpty {
                throw WorkspaceClientError.credentialUnavailable(
                    name, "not logged in; run `az login`" + (message.isEmpty ? "" : " (\(message))"))
            }
            throw WorkspaceClientError.authenticationFailed(name, message)
        }
        return try Self.token(fromOutput: result.output, source: name)
    }

    /// Reads `az account get-access-token` output: `accessToken`, and `expires_on` (epoch seconds, newer CLIs) or
    /// `expiresOn` (local time, `2024-05-01 12:34:56.000000`).
    public static func token(
        fromOutput output: String, source: String = "AzureCliCredential", timeZone: TimeZone = .current
    ) throws(WorkspaceClientError) -> AccessToken {
        guard let data = output.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let token = object["accessToken"] as? String, !token.isEmpty
        else {
            throw .authenticationFailed(source, "cannot read the access token in the Azure CLI's output")
        }
        if let epoch = (object["expires_on"] as? NSNumber)?.doubleValue
            ?? (object["expires_on"] as? String).flatMap(Double.init)
        {
            return AccessToken(token: token, expiresOn: Date(timeIntervalSince1970: epoch))
        }
        if let text = object["expiresOn"] as? String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = timeZone
            for format in ["yyyy-MM-dd HH:mm:ss.SSSSSS", "yyyy-MM-dd HH:mm:ss"] {
                formatter.dateFormat = format
                if let date = formatter.date(from: text) { return AccessToken(token: token, expiresOn: date) }
            }
        }
        throw .authenticationFailed(source, "cannot read the token's expiry in the Azure CLI's output")
    }

    public var description: String { "AzureCliCredential(\(executable))" }
}
