import DeployYAML

/// What the runner takes from an environment's conda file: the pip requirements of a virtual environment.
///
/// The `pip:` list is used as written (one requirement or pip option per line). Conda packages that are plainly
/// PyPI packages (`pip`, `numpy=1.26`, `conda-forge::pandas>=2`) are installed by name, their conda version turned
/// into pip's (`=1.26` means `1.26.*`); conda-only packages (compilers, C libraries, CUDA, MKL) are skipped with a
/// note. The `python` pin is kept for a comparison with the host's Python; channels are ignored.
struct CondaSpec: Sendable, Hashable {
    /// The requirement lines for `pip install -r`, in the file's order.
    var requirements: [String]
    /// The `python` dependency as written (`python=3.11`), if any.
    var pythonPin: String?
    /// Conda packages left out because they are not PyPI packages.
    var skipped: [String]

    /// Why a conda file cannot be used.
    struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        var description: String
    }

    /// Conda packages that have no PyPI equivalent (system libraries, toolchains, conda's own plumbing).
    static let condaOnly: Set<String> = [
        "blas", "bzip2", "ca-certificates", "cudatoolkit", "cudnn", "gcc", "gxx", "icu", "intel-openmp",
        "ld_impl_linux-64", "libffi", "libgcc-ng", "libgomp", "libstdcxx-ng", "libuuid", "mkl", "mkl-service",
        "mkl_fft", "mkl_random", "nccl", "ncurses", "nomkl", "openblas", "openssl", "readline", "sqlite", "tk",
        "xz", "zlib", "conda", "anaconda", "mamba",
    ]
    /// Conda names whose PyPI name differs.
    static let pypiNames: [String: String] = [
        "pytorch": "torch", "pytorch-cpu": "torch", "py-xgboost": "xgboost", "matplotlib-base": "matplotlib",
        "py-opencv": "opencv-python", "tensorflow-base": "tensorflow",
    ]

    /// Reads a conda file's text.
    init(parsing text: String) throws(Failure) {
        let documents: [Node]
        do {
            documents = try YAMLParser().parse(text, name: "conda file")
        } catch {
            throw Failure(description: "the conda file is not valid YAML: \(error.message)")
        }
        requirements = []
        skipped = []
        guard let root = documents.first, !root.isNull else { return }
        guard root.pairs != nil else { throw Failure(description: "the conda file is not a mapping") }
        guard let dependencies = root["dependencies"], !dependencies.isNull else { return }
        guard let items = dependencies.items else {
            throw Failure(description: "the conda file's dependencies are not a list")
        }
        for item in items {
            if let scalar = item.scalar {
                try add(conda: scalar.text)
            } else if let pip = item["pip"] {
                guard let lines = pip.items else {
                    throw Failure(description: "the conda file's pip dependencies are not a list")
                }
                for line in lines {
                    guard let text = line.scalar?.text else {
                        throw Failure(description: "the conda file's pip dependencies must be strings")
                    }
                    requirements.append(text)
                }
            } else {
                throw Failure(description: "a conda dependency must be a package or a 'pip:' list")
            }
        }
    }

    private mutating func add(conda spec: String) throws(Failure) {
        var text = spec.trimmingSpaces
        if let channel = text.firstRange(of: "::") { text = text[channel.upperBound...] }
        let nameEnd =
            text.firstIndex { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") } ?? text.endIndex
        let name = text[..<nameEnd].lowercased()
        var constraint = String(text[nameEnd...].trimmingSpaces)
        guard !name.isEmpty else { throw Failure(description: "'\(spec)' is not a conda package") }
        if name == "python" {
            pythonPin = spec
            return
        }
        if Self.condaOnly.contains(name) || name.hasPrefix("_") || name.hasPrefix("cuda-") || name.hasPrefix("r-") {
            skipped.append(spec)
            return
        }
        // `name 1.2.*` is conda's space form; a second `=` starts the build string, which pip has no use for.
        if let first = constraint.first, first.isNumber { constraint = "=" + constraint }
        if constraint.hasPrefix("=") && !constraint.hasPrefix("==") {
            var version = String(constraint.dropFirst())
            if let build = version.firstIndex(of: "=") { version = String(version[..<build]) }
            constraint = version.hasSuffix("*") ? "==" + version : "==" + version + ".*"
        } else if constraint.hasPrefix("==") {
            let version = constraint.dropFirst(2)
            if let build = version.firstIndex(of: "=") { constraint = "==" + version[..<build] }
        }
        requirements.append((Self.pypiNames[name] ?? name) + constraint)
    }

    /// The warning for a `python` pin the host's Python (`3.11.7`) does not satisfy, or `nil` when it does or the
    /// pin is not a plain version (`python=3.11`, `python==3.11.7`, `python 3.11.*`).
    func pythonWarning(hostVersion: String) -> String? {
        guard let pin = pythonPin else { return nil }
        var version = pin.trimmingSpaces
        if let channel = version.firstRange(of: "::") { version = version[channel.upperBound...] }
        version = version.dropFirst("python".count).drop { $0 == " " || $0 == "=" }
        if let build = version.firstIndex(of: "=") { version = version[..<build] }
        while version.hasSuffix("*") || version.hasSuffix(".") { version = version.dropLast() }
        let wanted = version.split(separator: ".")
        guard !wanted.isEmpty, wanted.allSatisfy({ Int($0) != nil }) else { return nil }
        let host = hostVersion.split(separator: ".")
        if host.count >= wanted.count && Array(host.prefix(wanted.count)) == wanted { return nil }
        return "the conda file asks for \(pin), but the host's Python is \(hostVersion); the environment uses "
            + "Python \(hostVersion)"
    }
}
