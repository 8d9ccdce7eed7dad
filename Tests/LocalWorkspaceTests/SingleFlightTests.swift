import Synchronization
import Testing

@testable import LocalWorkspace

@Suite struct SingleFlightTests {
    @Test func concurrentCallersShareOneComputation() async throws {
        let flights = SingleFlight<Int>()
        let runs = Mutex(0)
        let (gate, open) = AsyncStream.makeStream(of: Void.self)
        let compute: @Sendable () async throws -> Int = {
            runs.withLock { $0 += 1 }
            for await _ in gate { break }
            return 7
        }
        async let first = flights.value(for: "k", compute: compute)
        // Let the first caller start the computation before the second asks.
        while runs.withLock({ $0 }) == 0 { await Task.yield() }
        async let second = flights.value(for: "k", compute: compute)
        try await Task.sleep(for: .milliseconds(50))
        open.yield()
        let results = try await [first, second]
        #expect(results.map(\.value) == [7, 7])
        #expect(results.map(\.joined) == [false, true])
        #expect(runs.withLock { $0 } == 1)
        #expect(try await flights.value(for: "k") { 8 }.value == 8)
    }

    @Test func aCancelledCallerStopsWaitingWhileOthersGetTheValue() async throws {
        let flights = SingleFlight<Int>()
        let (gate, open) = AsyncStream.makeStream(of: Void.self)
        let started = Mutex(false)
        let compute: @Sendable () async throws -> Int = {
            started.withLock { $0 = true }
            for await _ in gate { break }
            return 1
        }
        let patient = Task { try await flights.value(for: "k", compute: compute).value }
        while !started.withLock({ $0 }) { await Task.yield() }
        let impatient = Task { try await flights.value(for: "k", compute: compute).value }
        try await Task.sleep(for: .milliseconds(50))
        impatient.cancel()
        await #expect(throws: CancellationError.self) { try await impatient.value }
        open.yield()
        #expect(try await patient.value == 1)
    }

    @Test func aFailureReachesEveryCallerAndIsNotKept() async throws {
        struct Broken: Error {}
        let flights = SingleFlight<Int>()
        await #expect(throws: Broken.self) { try await flights.value(for: "k") { throw Broken() } }
        #expect(try await flights.value(for: "k") { 2 }.value == 2)
    }
}
