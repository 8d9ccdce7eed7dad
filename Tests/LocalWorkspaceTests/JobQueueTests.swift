import Testing

@testable import LocalWorkspace

@Suite struct JobQueueTests {
    @Test func aPoolRunsAtMostItsCapacityInSubmissionOrder() {
        var queue = JobQueue()
        #expect(queue.enqueue("a", pool: "c", capacity: 2) == ["a"])
        #expect(queue.enqueue("b", pool: "c", capacity: 2) == ["b"])
        #expect(queue.enqueue("c", pool: "c", capacity: 2) == [])
        #expect(queue.enqueue("d", pool: "c", capacity: 2) == [])
        #expect(queue.running(in: "c") == ["a", "b"])
        #expect(queue.waiting(in: "c") == ["c", "d"])
        #expect(queue.isWaiting("c"))
        #expect(queue.remove("b") == ["c"])
        #expect(queue.remove("d") == [])
        #expect(queue.remove("a") == [])
        #expect(queue.running(in: "c") == ["c"])
        #expect(queue.remove("c") == [])
        #expect(queue.pool(of: "c") == nil)
    }

    @Test func poolsAreIndependent() {
        var queue = JobQueue()
        #expect(queue.enqueue("a", pool: "x", capacity: 1) == ["a"])
        #expect(queue.enqueue("b", pool: "x", capacity: 1) == [])
        #expect(queue.enqueue("c", pool: "", capacity: 1) == ["c"])
        #expect(queue.isRunning("c"))
        #expect(queue.pool(of: "b") == "x")
    }

    @Test func aLargerCapacityStartsWaitingJobsAndZeroMeansOne() {
        var queue = JobQueue()
        #expect(queue.enqueue("a", pool: "p", capacity: 0) == ["a"])
        #expect(queue.enqueue("b", pool: "p", capacity: 1) == [])
        #expect(queue.enqueue("c", pool: "p", capacity: 3) == ["b", "c"])
        #expect(queue.enqueue("a", pool: "p", capacity: 3) == [])
        #expect(queue.remove("unknown") == [])
    }
}
