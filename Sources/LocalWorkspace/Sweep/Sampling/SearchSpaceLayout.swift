internal import AzureML

/// A search space laid out for sampling: every distribution, nested ones included, owns one slot of a latent vector
/// and a range of features of the normalized space a Gaussian process works in.
///
/// A continuous slot holds the distribution's cumulative probability `u` in (0, 1); a discrete slot holds the index
/// of a `choice` option or a `randint` value. Features: `u` for continuous distributions (so log scales are compared
/// on their exponents), one-hot for `choice`, `(k + 0.5) / upper` for `randint`. Distributions inside a dictionary
/// that was not chosen contribute neutral features (0.5, or all zeros for one-hot), so they never separate points.
struct SearchSpaceLayout: Sendable {
    /// One distribution in the layout.
    indirect enum Node: Sendable {
        case continuous(Distribution, slot: Int, feature: Int)
        case randint(upper: Int, slot: Int, feature: Int)
        case choice([Option], slot: Int, feature: Int)
        case fixed(JSONValue)
    }

    /// One option of a laid-out `choice`.
    enum Option: Sendable {
        case value(JSONValue)
        case dictionary([Member])
    }

    /// A named node.
    struct Member: Sendable {
        let name: String
        let node: Node
    }

    /// What a latent slot holds.
    enum Slot: Sendable, Hashable {
        case continuous
        case discrete(count: Int)
    }

    /// The top-level parameters.
    let members: [Member]
    /// The latent slots in layout order.
    let slots: [Slot]
    /// The number of features.
    let featureCount: Int

    /// The layout of `space`, slots and features numbered depth-first in definition order.
    init(_ space: SearchSpace) {
        var builder = Builder()
        members = builder.lay(space)
        slots = builder.slots
        featureCount = builder.featureCount
    }

    /// The indices of the continuous slots, in order: the dimensions a Sobol sequence drives.
    var continuousSlots: [Int] {
        slots.indices.filter { slots[$0] == .continuous }
    }

    /// A latent vector drawn uniformly: every slot is drawn, active or not, so each point uses the same randomness.
    func randomLatent(_ random: inout Xoshiro256StarStar) -> [Double] {
        slots.map { slot in
            switch slot {
            case .continuous: random.nextUnit()
            case .discrete(let count): Double(random.nextInt(below: count))
            }
        }
    }

    /// The assignment a latent vector stands for.
    func assignment(_ latent: [Double], logBase: Double?) -> ParameterAssignment {
        ParameterAssignment(object(members, latent, logBase))
    }

    private func object(_ members: [Member], _ latent: [Double], _ logBase: Double?) -> JSONObject {
        JSONObject(members.map { ($0.name, value($0.node, latent, logBase)) })
    }

    private func value(_ node: Node, _ latent: [Double], _ logBase: Double?) -> JSONValue {
        switch node {
        case .continuous(let distribution, let slot, _):
            return .double(distribution.continuousValue(unit: latent[slot], logBase: logBase))
        case .randint(_, let slot, _):
            return .int(Int(latent[slot]))
        case .fixed(let value):
            return value
        case .choice(let options, let slot, _):
            switch options[Int(latent[slot])] {
            case .value(let value): return value
            case .dictionary(let members): return .object(object(members, latent, logBase))
            }
        }
    }

    /// The latent vector of an assignment (for one made elsewhere, such as a trial in the history). Slots of
    /// distributions that are not active, and choices whose value matches no option, hold -1.
    func latent(of assignment: ParameterAssignment, logBase: Double?) -> [Double] {
        var latent = Array(repeating: -1.0, count: slots.count)
        decode(members, assignment.values, logBase, into: &latent)
        return latent
    }

    private func decode(_ members: [Member], _ object: JSONObject, _ logBase: Double?, into latent: inout [Double]) {
        for member in members {
            guard let value = object[member.name] else { continue }
            switch member.node {
            case .continuous(let distribution, let slot, _):
                if let number = value.doubleValue { latent[slot] = distribution.unit(of: number, logBase: logBase) }
            case .randint(let upper, let slot, _):
                if let number = value.intValue, (0..<upper).contains(number) { latent[slot] = Double(number) }
            case .fixed:
                continue
            case .choice(let options, let slot, _):
                guard let index = options.firstIndex(where: { matches($0, value) }) else { continue }
                latent[slot] = Double(index)
                if case .dictionary(let nested) = options[index], case .object(let chosen) = value {
                    decode(nested, chosen, logBase, into: &latent)
                }
            }
        }
    }

    private func matches(_ option: Option, _ value: JSONValue) -> Bool {
        switch option {
        case .value(let literal): return literal == value
        case .dictionary(let members):
            guard case .object(let object) = value, Set(object.keys) == Set(members.map(\.name)) else { return false }
            return members.allSatisfy { member in
                guard case .fixed(let literal) = member.node else { return true }
                return object[member.name] == literal
            }
        }
    }

    /// The features of a latent vector in [0, 1]^featureCount; quantized values are rounded first, so two latents
    /// that give the same assignment give the same features.
    func features(_ latent: [Double], logBase: Double?) -> [Double] {
        var features = Array(repeating: 0.0, count: featureCount)
        for member in members { neutral(member.node, &features) }
        encode(members, latent, logBase, into: &features)
        return features
    }

    private func neutral(_ node: Node, _ features: inout [Double]) {
        switch node {
        case .continuous(_, _, let feature), .randint(_, _, let feature): features[feature] = 0.5
        case .fixed: return
        case .choice(let options, _, _):
            for case .dictionary(let nested) in options {
                for member in nested { neutral(member.node, &features) }
            }
        }
    }

    private func encode(_ members: [Member], _ latent: [Double], _ logBase: Double?, into features: inout [Double]) {
        for member in members {
            switch member.node {
            case .continuous(let distribution, let slot, let feature):
                guard latent[slot] >= 0 else { continue }
                var unit = latent[slot]
                switch distribution {
                case .qUniform, .qLogUniform, .qNormal, .qLogNormal:
                    unit = distribution.unit(
                        of: distribution.continuousValue(unit: unit, logBase: logBase), logBase: logBase)
                default: break
                }
                features[feature] = unit
            case .randint(let upper, let slot, let feature):
                guard latent[slot] >= 0 else { continue }
                features[feature] = (latent[slot] + 0.5) / Double(upper)
            case .fixed:
                continue
            case .choice(let options, let slot, let feature):
                guard latent[slot] >= 0 else { continue }
                let index = Int(latent[slot])
                features[feature + index] = 1
                if case .dictionary(let nested) = options[index] { encode(nested, latent, logBase, into: &features) }
            }
        }
    }

    /// Numbers slots and features while walking the search space.
    private struct Builder {
        var slots: [Slot] = []
        var featureCount = 0

        mutating func lay(_ space: SearchSpace) -> [Member] {
            space.parameters.map { Member(name: $0.name, node: lay($0.distribution)) }
        }

        mutating func lay(_ distribution: Distribution) -> Node {
            switch distribution {
            case .fixed(let value):
                return .fixed(value)
            case .randint(let upper):
                slots.append(.discrete(count: upper))
                featureCount += 1
                return .randint(upper: upper, slot: slots.count - 1, feature: featureCount - 1)
            case .choice(let options):
                slots.append(.discrete(count: options.count))
                let slot = slots.count - 1
                let feature = featureCount
                featureCount += options.count
                let laid = options.map { option -> Option in
                    switch option {
                    case .value(let value): .value(value)
                    case .dictionary(let nested): .dictionary(lay(nested))
                    }
                }
                return .choice(laid, slot: slot, feature: feature)
            default:
                slots.append(.continuous)
                featureCount += 1
                return .continuous(distribution, slot: slots.count - 1, feature: featureCount - 1)
            }
        }
    }
}
