internal import AzureML

/// The points of a grid search: the Cartesian product of the `choice` values, a chosen dictionary contributing the
/// product of its own members' choices. Points are numbered like Python's `itertools.product`: the first parameter
/// changes slowest, options in the order written.
struct GridEnumeration: Sendable {
    /// The search space; only `choice` and `fixed` distributions (checked by `SamplingStrategy.validate`).
    let space: SearchSpace
    /// The number of points; `Int.max` when the product overflows (such a grid is never exhausted in practice).
    let count: Int

    /// The enumeration of `space`.
    init(_ space: SearchSpace) {
        self.space = space
        count = GridEnumeration.size(of: space)
    }

    /// Point number `index` in `0..<count`.
    func point(_ index: Int) -> ParameterAssignment {
        ParameterAssignment(GridEnumeration.object(space, index))
    }

    private static func object(_ space: SearchSpace, _ index: Int) -> JSONObject {
        var digits: [Int] = []
        var rest = index
        for parameter in space.parameters.reversed() {
            let size = size(of: parameter.distribution)
            digits.append(rest % size)
            rest /= size
        }
        return JSONObject(zip(space.parameters, digits.reversed()).map { ($0.name, value($0.distribution, $1)) })
    }

    private static func value(_ distribution: Distribution, _ index: Int) -> JSONValue {
        switch distribution {
        case .fixed(let value): return value
        case .choice(let options):
            var rest = index
            for option in options {
                switch option {
                case .value(let value):
                    if rest == 0 { return value }
                    rest -= 1
                case .dictionary(let nested):
                    let size = size(of: nested)
                    if rest < size { return .object(object(nested, rest)) }
                    rest -= size
                }
            }
            preconditionFailure("grid index out of range")
        default:
            preconditionFailure("\(distribution.typeName) has no grid")
        }
    }

    private static func size(of space: SearchSpace) -> Int {
        space.parameters.reduce(1) { product, parameter in
            let (result, overflow) = product.multipliedReportingOverflow(by: size(of: parameter.distribution))
            return overflow ? Int.max : result
        }
    }

    private static func size(of distribution: Distribution) -> Int {
        guard case .choice(let options) = distribution else { return 1 }
        return options.reduce(0) { total, option in
            guard case .dictionary(let nested) = option else { return total == Int.max ? total : total + 1 }
            let (result, overflow) = total.addingReportingOverflow(size(of: nested))
            return overflow ? Int.max : result
        }
    }
}
