/// The regular expression pathspec builds for one ignore pattern, as a small automaton over Unicode scalars.
///
/// Only the constructs pathspec emits are needed: literals, `[^/]`, `[^/]*`, `[^/]+`, `.*`, `.+`, bracket
/// expressions and optional groups, anchored with `re.match(...)` and a final `$`. Two details of Python's `re` are
/// kept: `.` does not match a newline, and `$` also matches just before a newline that ends the text.
struct GlobProgram: Sendable, Hashable {
    /// One piece of the expression, in the order pathspec appends them.
    indirect enum Token: Sendable, Hashable {
        /// One given code point.
        case scalar(UInt32)
        /// `[^/]`.
        case notSlash
        /// `[^/]*` (`atLeastOne == false`) or `[^/]+`.
        case notSlashRun(atLeastOne: Bool)
        /// `.*` or `.+`: any code point but a newline.
        case anyRun(atLeastOne: Bool)
        /// A bracket expression.
        case set(ScalarSet)
        /// `(?:...)?`.
        case optional([Token])
    }

    /// A bracket expression: code point ranges, possibly negated.
    struct ScalarSet: Sendable, Hashable {
        var negated: Bool
        var ranges: [ClosedRange<UInt32>]

        func contains(_ scalar: UInt32) -> Bool {
            ranges.contains { $0.contains(scalar) } != negated
        }
    }

    private enum Test: Sendable, Hashable {
        case scalar(UInt32)
        case notSlash
        case notNewline
        case set(ScalarSet)

        func accepts(_ scalar: UInt32) -> Bool {
            switch self {
            case .scalar(let expected): return scalar == expected
            case .notSlash: return scalar != 0x2F
            case .notNewline: return scalar != 0x0A
            case .set(let set): return set.contains(scalar)
            }
        }
    }

    private enum Instruction: Sendable, Hashable {
        case consume(Test)
        case split(Int, Int)
        case jump(Int)
        case accept
    }

    private let instructions: [Instruction]

    /// Compiles `^tokens$`.
    init(tokens: [Token]) {
        var program: [Instruction] = []
        Self.emit(tokens, into: &program)
        program.append(.accept)
        instructions = program
    }

    private static func emit(_ tokens: [Token], into program: inout [Instruction]) {
        for token in tokens {
            switch token {
            case .scalar(let scalar): program.append(.consume(.scalar(scalar)))
            case .notSlash: program.append(.consume(.notSlash))
            case .set(let set): program.append(.consume(.set(set)))
            case .notSlashRun(let atLeastOne): emitRun(.notSlash, atLeastOne: atLeastOne, into: &program)
            case .anyRun(let atLeastOne): emitRun(.notNewline, atLeastOne: atLeastOne, into: &program)
            case .optional(let inner):
                let split = program.count
                program.append(.accept)  // replaced below once the end is known
                emit(inner, into: &program)
                program[split] = .split(split + 1, program.count)
            }
        }
    }

    private static func emitRun(_ test: Test, atLeastOne: Bool, into program: inout [Instruction]) {
        if atLeastOne { program.append(.consume(test)) }
        let loop = program.count
        program.append(.split(loop + 1, loop + 3))
        program.append(.consume(test))
        program.append(.jump(loop))
    }

    /// Whether the whole of `text` matches, as `re.match(regex, text)` with the trailing `$` decides.
    func matches(_ text: [UInt32]) -> Bool {
        var current = ThreadList(count: instructions.count)
        var next = ThreadList(count: instructions.count)
        add(0, to: &current)
        for (position, scalar) in text.enumerated() {
            if current.pcs.isEmpty { return false }
            // `$` matches before a newline that ends the text.
            if position == text.count - 1, scalar == 0x0A, current.accepts { return true }
            next.clear()
            for pc in current.pcs {
                if case .consume(let test) = instructions[pc], test.accepts(scalar) { add(pc + 1, to: &next) }
            }
            swap(&current, &next)
        }
        return current.accepts
    }

    private func add(_ start: Int, to list: inout ThreadList) {
        var stack = [start]
        while let pc = stack.popLast() {
            guard list.insert(pc) else { continue }
            switch instructions[pc] {
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .jump(let target):
                stack.append(target)
            case .accept:
                list.accepts = true
            case .consume:
                break
            }
        }
    }

    /// The set of program counters alive at one position (Pike's VM without captures: only acceptance matters).
    private struct ThreadList {
        var pcs: [Int] = []
        var seen: [UInt32]
        var generation: UInt32 = 1
        var accepts = false

        init(count: Int) {
            seen = Array(repeating: 0, count: count)
        }

        mutating func insert(_ pc: Int) -> Bool {
            if seen[pc] == generation { return false }
            seen[pc] = generation
            pcs.append(pc)
            return true
        }

        mutating func clear() {
            pcs.removeAll(keepingCapacity: true)
            generation &+= 1
            if generation == 0 {
                for index in seen.indices { seen[index] = 0 }
                generation = 1
            }
            accepts = false
        }
    }
}
