/// The children of every open collection, stacked in one buffer so that a finished collection's array is allocated
/// once, at its exact size, and its nodes are moved into it rather than copied.
final class NodeStack {
    private var base: UnsafeMutablePointer<Node>
    private var capacity: Int
    /// Nodes on the stack.
    private(set) var count = 0

    init() {
        capacity = 64
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Pushes a node.
    func push(_ node: consuming Node) {
        if count == capacity { grow() }
        (base + count).initialize(to: node)
        count += 1
    }

    /// The node at `index`, which must be below `count`.
    subscript(index: Int) -> Node {
        base[index]
    }

    /// Drops the top node.
    func dropLast() {
        count -= 1
        (base + count).deinitialize(count: 1)
    }

    /// Moves the nodes from `start` up into a new array.
    func popItems(from start: Int) -> [Node] {
        let moved = count - start
        let items = [Node](unsafeUninitializedCapacity: moved) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: base + start, count: moved)
            initialized = moved
        }
        count = start
        return items
    }

    /// Moves the nodes from `start` up, alternately keys and values, into a new array of pairs.
    func popPairs(from start: Int) -> [Node.Pair] {
        let pairs = (count - start) / 2
        let result = [Node.Pair](unsafeUninitializedCapacity: pairs) { buffer, initialized in
            for index in 0..<pairs {
                let key = (base + start + 2 * index).move()
                let value = (base + start + 2 * index + 1).move()
                (buffer.baseAddress! + index).initialize(to: Node.Pair(key: key, value: value))
            }
            initialized = pairs
        }
        count = start
        return result
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Node>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
