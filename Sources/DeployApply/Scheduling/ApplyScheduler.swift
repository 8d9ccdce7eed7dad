/// The scheduling decisions of an apply, as a pure state machine in the manner of AsyncHTTPClient's
/// `Transaction.StateMachine`: the driver tells it what happened (`start()`, `succeeded(_:)`, `failed(_:)`,
/// `stop()`) and performs the actions it returns. It starts changes in topological order, independent ones side by
/// side up to `parallelism`, counts changes with nothing to do (no-ops and reads) as done, stops starting changes
/// after a failure while letting running ones finish, and says `finish` exactly once, when nothing runs and nothing
/// more will start. It never waits and never does I/O, so tests drive it directly.
public struct ApplyScheduler: Sendable {
    /// One change as the scheduler sees it.
    public struct Item: Sendable, Hashable {
        /// The change's address (`environment.lightgbm-env:1`), unique within the plan.
        public var address: String
        /// The addresses that must be done first.
        public var dependsOn: [String]
        /// Whether applying sends anything for it (creates and updates); the others are done already.
        public var needsWork: Bool

        /// An item.
        public init(address: String, dependsOn: [String] = [], needsWork: Bool = true) {
            self.address = address
            self.dependsOn = dependsOn
            self.needsWork = needsWork
        }
    }

    /// Why a change was not attempted.
    public enum Skip: Sendable, Hashable {
        /// A change it depends on failed (directly or through another change): that change's address.
        case dependencyFailed(String)
        /// The apply stopped starting changes (after a failure elsewhere, or when asked to stop).
        case stopped
        /// It depends on an address the plan does not hold.
        case unknownDependency(String)
        /// Its dependencies wait on each other in a cycle (it is in the cycle, or depends on it).
        case cycle
    }

    /// Where a change stands.
    public enum State: Sendable, Hashable {
        /// Nothing to do: a no-op or a read.
        case unchanged
        /// Not started yet.
        case waiting
        /// Started and not finished.
        case running
        /// Done.
        case succeeded
        /// Failed.
        case failed
        /// Never started, and never will be.
        case notAttempted(Skip)
    }

    /// What the driver must do.
    public enum Action: Sendable, Hashable {
        /// Start applying the change at this address.
        case start(String)
        /// Nothing is running and nothing more will start: the apply is over.
        case finish
    }

    private let items: [Item]
    private let index: [String: Int]
    private var states: [State]
    private var running = 0
    private var stopping = false
    private var finished = false
    private var begun = false
    /// The most changes running at once.
    public let parallelism: Int

    /// A scheduler for `items`, in plan order (the order ties are started in), running at most `parallelism` at
    /// once (at least 1). Addresses must be unique; a repeat is ignored.
    public init(_ items: [Item], parallelism: Int) {
        var unique: [Item] = []
        var index: [String: Int] = [:]
        for item in items where index[item.address] == nil {
            index[item.address] = unique.count
            unique.append(item)
        }
        self.items = unique
        self.index = index
        self.parallelism = max(1, parallelism)
        states = unique.map { $0.needsWork ? .waiting : .unchanged }
    }

    /// The state of the change at `address`; `nil` for an address the scheduler does not know.
    public func state(of address: String) -> State? {
        index[address].map { states[$0] }
    }

    /// The addresses in the order given, with their states.
    public var snapshot: [(address: String, state: State)] {
        items.indices.map { (items[$0].address, states[$0]) }
    }

    /// How many changes are running.
    public var runningCount: Int { running }

    /// Whether `finish` has been returned.
    public var isFinished: Bool { finished }

    /// The first actions: the changes whose dependencies are all done, up to `parallelism`, or `finish` when
    /// there is nothing to do. Later calls return nothing.
    public mutating func start() -> [Action] {
        guard !begun else { return [] }
        begun = true
        return advance()
    }

    /// The change at `address` finished successfully: start what it unblocks.
    public mutating func succeeded(_ address: String) -> [Action] {
        guard let position = index[address], states[position] == .running else { return [] }
        states[position] = .succeeded
        running -= 1
        return advance()
    }

    /// The change at `address` failed: start nothing more; `finish` once the running changes are done.
    public mutating func failed(_ address: String) -> [Action] {
        guard let position = index[address], states[position] == .running else { return [] }
        states[position] = .failed
        running -= 1
        stopping = true
        return advance()
    }

    /// Start nothing more (the user interrupted); `finish` once the running changes are done.
    public mutating func stop() -> [Action] {
        guard begun, !finished else {
            stopping = true
            return []
        }
        stopping = true
        return advance()
    }

    /// Starts what can start, or finishes when nothing runs and nothing can start.
    private mutating func advance() -> [Action] {
        guard !finished else { return [] }
        var actions: [Action] = []
        if !stopping {
            for position in items.indices where running < parallelism && states[position] == .waiting {
                guard isReady(position) else { continue }
                states[position] = .running
                running += 1
                actions.append(.start(items[position].address))
            }
        }
        if running == 0 {
            settleRemaining()
            finished = true
            actions.append(.finish)
        }
        return actions
    }

    /// Whether every dependency of the change at `position` is done.
    private func isReady(_ position: Int) -> Bool {
        items[position].dependsOn.allSatisfy { address in
            guard let dependency = index[address] else { return false }
            return states[dependency] == .succeeded || states[dependency] == .unchanged
        }
    }

    /// Gives every change still waiting its reason for not being attempted.
    private mutating func settleRemaining() {
        for position in items.indices where states[position] == .waiting {
            var visiting: Set<Int> = []
            states[position] = .notAttempted(reason(for: position, visiting: &visiting))
        }
    }

    /// Why the waiting change at `position` never started: a failed (or unknown) dependency, found depth first in
    /// dependency order; else a cycle when it waits for itself; else the stop.
    private mutating func reason(for position: Int, visiting: inout Set<Int>) -> Skip {
        if case .notAttempted(let skip) = states[position] { return skip }
        visiting.insert(position)
        defer { visiting.remove(position) }
        var cyclic = false
        for address in items[position].dependsOn {
            guard let dependency = index[address] else { return .unknownDependency(address) }
            switch states[dependency] {
            case .failed:
                return .dependencyFailed(address)
            case .notAttempted(.dependencyFailed(let root)):
                return .dependencyFailed(root)
            case .notAttempted(.unknownDependency(let missing)):
                return .unknownDependency(missing)
            case .notAttempted(.cycle):
                cyclic = true
            case .waiting:
                if visiting.contains(dependency) {
                    cyclic = true
                    continue
                }
                let skip = reason(for: dependency, visiting: &visiting)
                states[dependency] = .notAttempted(skip)
                switch skip {
                case .dependencyFailed, .unknownDependency: return skip
                case .cycle: cyclic = true
                case .stopped: break
                }
            default:
                break
            }
        }
        return cyclic && !stopping ? .cycle : .stopped
    }
}
