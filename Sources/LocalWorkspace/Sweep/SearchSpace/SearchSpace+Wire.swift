public import AzureML

extension SearchSpace {
    /// The distribution names of the wire encoding, in the order error messages list them.
    public static let distributionNames = [
        "choice", "uniform", "loguniform", "normal", "lognormal", "quniform", "qloguniform", "qnormal", "qlognormal",
        "randint",
    ]

    /// Parses the REST encoding of `properties.searchSpace`: an object mapping each parameter name to
    /// `["<type>", [arguments]]`, with `choice` values nested one list deeper (`["choice", [[1, 2, 3]]]`) and
    /// dictionaries among them holding literals or recursively encoded distributions.
    ///
    /// Inside a dictionary, a member is a distribution when it is a two-element array whose first element names one;
    /// anything else is a literal. Errors name the parameter by its JSON path below `path`, e.g.
    /// `searchSpace.model.values[1].lr` for a member of the second option of `model`.
    public init(wire value: JSONValue, path: String = "searchSpace") throws(LocalWorkspaceError) {
        guard case .object(let object) = value else {
            throw .invalidSweep(
                "expected an object mapping parameter names to distributions, found \(value.typeName)", field: path)
        }
        guard !object.isEmpty else { throw .invalidSweep("expected at least one parameter", field: path) }
        var parameters: [SearchParameter] = []
        for (name, encoded) in object {
            let field = "\(path).\(name)"
            guard SearchSpace.isValidName(name) else {
                throw .invalidSweep("parameter names must match ^[a-zA-Z_]+[a-zA-Z0-9_]*$", field: field)
            }
            parameters.append(SearchParameter(name, try Distribution(wire: encoded, path: field)))
        }
        self.init(parameters)
    }

    /// Whether `name` is accepted as a search-space key (the SDK's `^[a-zA-Z_]+[a-zA-Z0-9_]*$`).
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || $0 == "_" || ("0"..."9").contains($0) }
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

extension Distribution {
    /// Parses one `["<type>", [arguments]]` value; `path` names it in errors.
    public init(wire value: JSONValue, path: String) throws(LocalWorkspaceError) {
        guard case .array(let pair) = value, pair.count == 2, case .string(let type) = pair[0],
            case .array(let arguments) = pair[1]
        else {
            throw .invalidSweep(#"expected ["<type>", [arguments]], found \#(value.serialized(.compact))"#, field: path)
        }
        let reader = ArgumentReader(type: type, arguments: arguments, path: path)
        switch type {
        case "choice":
            self = .choice(try Distribution.choiceOptions(arguments, path: path))
        case "uniform", "loguniform":
            let (min, max) = try reader.bounds(["min_value", "max_value"])
            self = type == "uniform" ? .uniform(min: min, max: max) : .logUniform(min: min, max: max)
        case "normal", "lognormal":
            let (mu, sigma) = try reader.normal(["mu", "sigma"])
            self = type == "normal" ? .normal(mu: mu, sigma: sigma) : .logNormal(mu: mu, sigma: sigma)
        case "quniform", "qloguniform":
            let (min, max) = try reader.bounds(["min_value", "max_value", "q"])
            let q = try reader.quantum()
            self = type == "quniform" ? .qUniform(min: min, max: max, q: q) : .qLogUniform(min: min, max: max, q: q)
        case "qnormal", "qlognormal":
            let (mu, sigma) = try reader.normal(["mu", "sigma", "q"])
            let q = try reader.quantum()
            self = type == "qnormal" ? .qNormal(mu: mu, sigma: sigma, q: q) : .qLogNormal(mu: mu, sigma: sigma, q: q)
        case "randint":
            try reader.expectCount(["upper"])
            guard let upper = arguments[0].intValue, upper > 0 else {
                throw .invalidSweep(
                    "randint upper must be a positive integer, found \(arguments[0].serialized(.compact))", field: path)
            }
            self = .randint(upper: upper)
        default:
            let known = SearchSpace.distributionNames.joined(separator: ", ")
            throw .invalidSweep("unknown distribution '\(type)'; expected one of \(known)", field: path)
        }
    }

    private static func choiceOptions(_ arguments: [JSONValue], path: String) throws(LocalWorkspaceError)
        -> [ChoiceOption]
    {
        guard arguments.count == 1, case .array(let values) = arguments[0] else {
            throw .invalidSweep(
                #"choice expects its values nested one list deeper: ["choice", [[v1, v2, ...]]]"#, field: path)
        }
        guard !values.isEmpty else { throw .invalidSweep("choice needs at least one value", field: path) }
        var options: [ChoiceOption] = []
        for (index, value) in values.enumerated() {
            guard case .object(let members) = value else {
                options.append(.value(value))
                continue
            }
            var parameters: [SearchParameter] = []
            for (name, member) in members {
                let field = "\(path).values[\(index)].\(name)"
                parameters.append(SearchParameter(name, try Distribution(member: member, path: field)))
            }
            options.append(.dictionary(SearchSpace(parameters)))
        }
        return options
    }

    /// A member of a `choice` dictionary: a distribution when it looks like one, otherwise a literal.
    private init(member value: JSONValue, path: String) throws(LocalWorkspaceError) {
        if case .array(let pair) = value, pair.count == 2, case .string(let type) = pair[0],
            SearchSpace.distributionNames.contains(type)
        {
            try self.init(wire: value, path: path)
        } else {
            self = .fixed(value)
        }
    }
}

/// Checks the argument list of one distribution, with messages naming the arguments as the YAML schema does.
private struct ArgumentReader {
    let type: String
    let arguments: [JSONValue]
    let path: String

    func expectCount(_ names: [String]) throws(LocalWorkspaceError) {
        guard arguments.count == names.count else {
            let list = names.joined(separator: ", ")
            throw .invalidSweep(
                "\(type) expects \(names.count) argument\(names.count == 1 ? "" : "s") [\(list)], "
                    + "found \(arguments.count)",
                field: path)
        }
    }

    func number(_ index: Int, _ name: String) throws(LocalWorkspaceError) -> Double {
        let value = arguments[index]
        switch value {
        case .int(let number): return Double(number)
        case .double(let number): return number
        default:
            throw .invalidSweep("\(type) \(name) must be a number, found \(value.typeName)", field: path)
        }
    }

    func bounds(_ names: [String]) throws(LocalWorkspaceError) -> (Double, Double) {
        try expectCount(names)
        let min = try number(0, names[0])
        let max = try number(1, names[1])
        guard min < max else {
            throw .invalidSweep(
                "\(type) min_value must be less than max_value, found \(arguments[0].serialized(.compact)) "
                    + "and \(arguments[1].serialized(.compact))",
                field: path)
        }
        return (min, max)
    }

    func normal(_ names: [String]) throws(LocalWorkspaceError) -> (Double, Double) {
        try expectCount(names)
        let mu = try number(0, names[0])
        let sigma = try number(1, names[1])
        guard sigma > 0 else {
            throw .invalidSweep(
                "\(type) sigma must be positive, found \(arguments[1].serialized(.compact))", field: path)
        }
        return (mu, sigma)
    }

    func quantum() throws(LocalWorkspaceError) -> Double {
        let q = try number(2, "q")
        guard q > 0 else {
            throw .invalidSweep("\(type) q must be positive, found \(arguments[2].serialized(.compact))", field: path)
        }
        return q
    }
}
