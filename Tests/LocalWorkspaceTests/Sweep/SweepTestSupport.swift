import AzureML
import Foundation
import LocalWorkspace

/// Parses JSON text in tests.
func json(_ text: String) throws -> JSONValue {
    try JSONValue(parsing: text)
}

/// The message of the `LocalWorkspaceError` that `body` throws, or nil when it throws nothing.
func errorText(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as LocalWorkspaceError {
        return error.description
    } catch {
        return "unexpected error: \(error)"
    }
}

/// Draws `count` assignments from a sampler.
func draw(_ sampler: inout SweepSampler, _ count: Int) -> [ParameterAssignment] {
    (0..<count).compactMap { _ in sampler.next() }
}

/// The Branin function on x1 in [-5, 10], x2 in [0, 15]; its minimum is 0.397887 at three points.
func branin(_ x1: Double, _ x2: Double) -> Double {
    let b = 5.1 / (4 * Double.pi * Double.pi)
    let c = 5 / Double.pi
    let t = 1 / (8 * Double.pi)
    let inner = x2 - b * x1 * x1 + c * x1 - 6
    return inner * inner + 10 * (1 - t) * cos(x1) + 10
}

/// The squared centered L2 discrepancy (Hickernell) of points in [0, 1]^d, as scipy's `qmc.discrepancy(method="CD")`
/// computes it: lower is more evenly spread.
func centeredL2Discrepancy(_ points: [[Double]]) -> Double {
    let n = Double(points.count)
    let d = points[0].count
    var single = 0.0
    for x in points {
        var product = 1.0
        for k in 0..<d {
            let a = abs(x[k] - 0.5)
            product *= 1 + 0.5 * a - 0.5 * a * a
        }
        single += product
    }
    var pairs = 0.0
    for x in points {
        for y in points {
            var product = 1.0
            for k in 0..<d {
                product *= 1 + 0.5 * abs(x[k] - 0.5) + 0.5 * abs(y[k] - 0.5) - 0.5 * abs(x[k] - y[k])
            }
            pairs += product
        }
    }
    return pow(13.0 / 12.0, Double(d)) - 2 / n * single + pairs / (n * n)
}

/// The directory of this file's fixtures.
let fixturesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

/// A seeded generator for test data (SplitMix64), so test inputs are the same on every run.
struct TestGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
