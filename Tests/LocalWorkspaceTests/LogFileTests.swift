import Foundation
import Testing

@testable import LocalWorkspace

@Suite struct LogFileTests {
    @Test func appendsReadsAndTails() throws {
        let directory = try TestWorkspace.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = LogFile(path: directory + "/log.txt")
        #expect(log.size == 0)
        #expect(log.tail() == "")
        #expect(log.read(from: 0, limit: 10).bytes.isEmpty)
        log.append("first")
        log.append("second")
        #expect(log.size == 13)
        let (bytes, end) = log.read(from: 6, limit: 3)
        #expect(String(decoding: bytes, as: UTF8.self) == "sec")
        #expect(!end)
        #expect(log.read(from: 6, limit: 100).reachedEnd)
        #expect(log.tail(lines: 1) == "second")
        #expect(log.tail(lines: 5) == "first\nsecond")
        #expect(log.tail(lines: 5, from: 6) == "second")
    }

    @Test func aLongLogIsTailedFromItsLastKilobytes() throws {
        let directory = try TestWorkspace.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = LogFile(path: directory + "/log.txt")
        for index in 0..<2_000 { log.append("line \(index) " + String(repeating: "x", count: 20)) }
        let tail = log.tail(lines: 3).split(separator: "\n")
        #expect(tail.count == 3)
        #expect(tail.last?.hasPrefix("line 1999 ") == true)
    }
}
