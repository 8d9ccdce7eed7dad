#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Process groups a crashed server left running. A job's group is killed only when one of its processes still has
/// the job's `AZUREML_RUN_ID` in its environment (read from `/proc`), so a recycled process id never hits another
/// program. Elsewhere than Linux nothing is killed.
enum OrphanedProcesses {
    /// Kills process group `group` if it still runs job `job`; returns whether it did.
    @discardableResult
    static func kill(group: Int32, job: String) -> Bool {
        #if os(Linux)
            guard group > 1 else { return false }
            let marker = Array("AZUREML_RUN_ID=\(job)".utf8)
            for name in FileTree.names(in: "/proc") {
                guard let pid = Int32(name), processGroup(of: pid) == group else { continue }
                let environment = contents("/proc/\(pid)/environ")
                if environment.split(separator: 0).contains(where: { Array($0) == marker }) {
                    return Glibc.kill(-group, SIGKILL) == 0
                }
            }
            return false
        #else
            return false
        #endif
    }

    /// The process group of `pid` from `/proc/<pid>/stat` (the fifth field, after the command in parentheses).
    static func processGroup(of pid: Int32) -> Int32? {
        let stat = contents("/proc/\(pid)/stat")
        guard let close = stat.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = stat[(close + 1)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 2 else { return nil }
        return Int32(String(decoding: fields[2], as: UTF8.self))
    }

    private static func contents(_ path: String) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 1 << 20 {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }
}
