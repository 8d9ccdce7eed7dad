import DeployApply
import Testing

@Suite struct ApplySchedulerTests {
    typealias Item = ApplyScheduler.Item

    private func starts(_ actions: [ApplyScheduler.Action]) -> [String] {
        actions.compactMap { action in
            if case .start(let address) = action { return address }
            return nil
        }
    }

    @Test func emptyPlanFinishesAtOnce() {
        var scheduler = ApplyScheduler([], parallelism: 8)
        #expect(scheduler.start() == [.finish])
        #expect(scheduler.isFinished)
        #expect(scheduler.start() == [])
    }

    @Test func changesWithNothingToDoFinishAtOnceAndCountAsDone() {
        var scheduler = ApplyScheduler(
            [Item(address: "environment.e:1", needsWork: false), Item(address: "data.d:1", needsWork: false)],
            parallelism: 8)
        #expect(scheduler.start() == [.finish])
        #expect(scheduler.state(of: "environment.e:1") == .unchanged)
    }

    @Test func independentChangesStartTogetherUpToTheParallelism() {
        let items = (1...5).map { Item(address: "environment.e\($0):1") }
        var scheduler = ApplyScheduler(items, parallelism: 3)
        #expect(starts(scheduler.start()) == ["environment.e1:1", "environment.e2:1", "environment.e3:1"])
        #expect(scheduler.runningCount == 3)
        #expect(scheduler.succeeded("environment.e2:1") == [.start("environment.e4:1")])
        #expect(scheduler.succeeded("environment.e1:1") == [.start("environment.e5:1")])
        #expect(scheduler.succeeded("environment.e3:1") == [])
        #expect(scheduler.succeeded("environment.e4:1") == [])
        #expect(scheduler.succeeded("environment.e5:1") == [.finish])
        #expect(scheduler.snapshot.allSatisfy { $0.state == .succeeded })
    }

    @Test func parallelismOneRunsInPlanOrder() {
        let items = [Item(address: "a"), Item(address: "b"), Item(address: "c")]
        var scheduler = ApplyScheduler(items, parallelism: 0)
        #expect(scheduler.parallelism == 1)
        #expect(scheduler.start() == [.start("a")])
        #expect(scheduler.succeeded("a") == [.start("b")])
        #expect(scheduler.succeeded("b") == [.start("c")])
        #expect(scheduler.succeeded("c") == [.finish])
    }

    @Test func dependentsWaitForEveryDependency() {
        let items = [
            Item(address: "environment.e:1"), Item(address: "code.c:1"),
            Item(address: "job.j", dependsOn: ["environment.e:1", "code.c:1", "data.d:1"]),
            Item(address: "data.d:1", needsWork: false),
        ]
        var scheduler = ApplyScheduler(items, parallelism: 8)
        #expect(scheduler.start() == [.start("environment.e:1"), .start("code.c:1")])
        #expect(scheduler.succeeded("code.c:1") == [])
        #expect(scheduler.state(of: "job.j") == .waiting)
        #expect(scheduler.succeeded("environment.e:1") == [.start("job.j")])
        #expect(scheduler.succeeded("job.j") == [.finish])
    }

    @Test func aDependencyThatIsNoOpDoesNotHoldBack() {
        let items = [
            Item(address: "environment.e:1", needsWork: false), Item(address: "job.j", dependsOn: ["environment.e:1"]),
        ]
        var scheduler = ApplyScheduler(items, parallelism: 2)
        #expect(scheduler.start() == [.start("job.j")])
    }

    @Test func aFailureStopsNewStartsButLetsRunningChangesFinish() {
        let items = [
            Item(address: "a"), Item(address: "b"), Item(address: "c"), Item(address: "d"),
            Item(address: "e", dependsOn: ["a"]),
        ]
        var scheduler = ApplyScheduler(items, parallelism: 2)
        #expect(scheduler.start() == [.start("a"), .start("b")])
        #expect(scheduler.failed("b") == [])
        #expect(scheduler.state(of: "c") == .waiting)
        #expect(scheduler.succeeded("a") == [.finish])
        #expect(scheduler.state(of: "a") == .succeeded)
        #expect(scheduler.state(of: "b") == .failed)
        #expect(scheduler.state(of: "c") == .notAttempted(.stopped))
        #expect(scheduler.state(of: "d") == .notAttempted(.stopped))
        #expect(scheduler.state(of: "e") == .notAttempted(.stopped))
    }

    @Test func dependentsOfAFailureNameTheFailedChange() {
        let items = [
            Item(address: "environment.e:1"), Item(address: "code.c:1", dependsOn: ["environment.e:1"]),
            Item(address: "job.j", dependsOn: ["code.c:1"]), Item(address: "job.k", dependsOn: ["data.d:1"]),
            Item(address: "data.d:1"),
        ]
        var scheduler = ApplyScheduler(items, parallelism: 1)
        #expect(scheduler.start() == [.start("environment.e:1")])
        #expect(scheduler.failed("environment.e:1") == [.finish])
        #expect(scheduler.state(of: "code.c:1") == .notAttempted(.dependencyFailed("environment.e:1")))
        #expect(scheduler.state(of: "job.j") == .notAttempted(.dependencyFailed("environment.e:1")))
        #expect(scheduler.state(of: "job.k") == .notAttempted(.stopped))
        #expect(scheduler.state(of: "data.d:1") == .notAttempted(.stopped))
    }

    @Test func stopFinishesOnceTheRunningChangesAreDone() {
        let items = [Item(address: "a"), Item(address: "b"), Item(address: "c")]
        var scheduler = ApplyScheduler(items, parallelism: 2)
        _ = scheduler.start()
        #expect(scheduler.stop() == [])
        #expect(scheduler.succeeded("a") == [])
        #expect(scheduler.succeeded("b") == [.finish])
        #expect(scheduler.state(of: "c") == .notAttempted(.stopped))
        #expect(scheduler.stop() == [])
    }

    @Test func aStopBeforeTheStartStartsNothing() {
        var scheduler = ApplyScheduler([Item(address: "a")], parallelism: 2)
        #expect(scheduler.stop() == [])
        #expect(scheduler.start() == [.finish])
        #expect(scheduler.state(of: "a") == .notAttempted(.stopped))
    }

    @Test func unknownDependenciesAndCyclesAreNeverStarted() {
        let items = [
            Item(address: "a", dependsOn: ["missing"]), Item(address: "b", dependsOn: ["a"]),
            Item(address: "c", dependsOn: ["d"]), Item(address: "d", dependsOn: ["c"]),
            Item(address: "e", dependsOn: ["d"]), Item(address: "f"),
        ]
        var scheduler = ApplyScheduler(items, parallelism: 4)
        #expect(scheduler.start() == [.start("f")])
        #expect(scheduler.succeeded("f") == [.finish])
        #expect(scheduler.state(of: "a") == .notAttempted(.unknownDependency("missing")))
        #expect(scheduler.state(of: "b") == .notAttempted(.unknownDependency("missing")))
        #expect(scheduler.state(of: "c") == .notAttempted(.cycle))
        #expect(scheduler.state(of: "d") == .notAttempted(.cycle))
        #expect(scheduler.state(of: "e") == .notAttempted(.cycle))
    }

    @Test func eventsForChangesThatAreNotRunningAreIgnored() {
        var scheduler = ApplyScheduler([Item(address: "a"), Item(address: "b", dependsOn: ["a"])], parallelism: 2)
        #expect(scheduler.start() == [.start("a")])
        #expect(scheduler.succeeded("b") == [])
        #expect(scheduler.failed("nowhere") == [])
        #expect(scheduler.succeeded("a") == [.start("b")])
        #expect(scheduler.succeeded("a") == [])
        #expect(scheduler.succeeded("b") == [.finish])
        #expect(scheduler.succeeded("b") == [])
    }

    @Test func repeatedAddressesAreScheduledOnce() {
        var scheduler = ApplyScheduler([Item(address: "a"), Item(address: "a")], parallelism: 2)
        #expect(scheduler.start() == [.start("a")])
        #expect(scheduler.snapshot.count == 1)
    }

    @Test func aLongChainOfDiamondsSettlesQuickly() {
        var items: [Item] = [Item(address: "n0")]
        for level in 1...60 {
            items.append(Item(address: "l\(level)", dependsOn: ["n\(level - 1)"]))
            items.append(Item(address: "r\(level)", dependsOn: ["n\(level - 1)"]))
            items.append(Item(address: "n\(level)", dependsOn: ["l\(level)", "r\(level)"]))
        }
        var scheduler = ApplyScheduler(items, parallelism: 8)
        #expect(scheduler.start() == [.start("n0")])
        #expect(scheduler.failed("n0") == [.finish])
        #expect(scheduler.state(of: "n60") == .notAttempted(.dependencyFailed("n0")))
    }
}
