import CYAML
import DeployYAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Measures how fast DeployYAML builds trees compared with libyaml's bare event loop.
///
/// Run with `swift run -c release YAMLBench [megabytes]`. Prints MB/s for (a) the raw libyaml event loop, which
/// builds nothing, and (b) `YAMLParser` building `Node` trees with marks, and the ratio b/a (target: >= 0.5).
/// Each figure is the best of five runs, measured in thread CPU time.
@main
struct YAMLBench {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        let megabytes = arguments.first.flatMap { Double($0) } ?? 20
        let input = generate(bytes: Int(megabytes * 1_000_000))
        let size = Double(input.count) / 1_000_000
        print("input: \(format(size)) MB of job-like YAML")

        // Alternate the two measurements so that load from other processes affects both alike; keep the best.
        var events = 0
        var documents: [Node] = []
        var raw = Double.infinity
        var tree = Double.infinity
        let treeOnly = arguments.contains("--tree-only")
        for _ in 0..<5 {
            if !treeOnly { raw = min(raw, seconds { events = rawEventLoop(input) }) }
            documents = []
            tree = min(tree, seconds { documents = buildTree(input) })
        }
        let nodes = documents.reduce(0) { $0 + count($1) }
        let rawRate = size / raw
        let treeRate = size / tree
        print("(a) raw libyaml event loop: \(format(rawRate)) MB/s (\(events) events)")
        print("(b) DeployYAML tree:        \(format(treeRate)) MB/s (\(nodes) nodes)")
        print("ratio b/a: \(format(treeRate / rawRate)) (target >= 0.50)")
    }

    /// Job manifests, one per key of a top-level mapping, until the text reaches `bytes`.
    static func generate(bytes: Int) -> [UInt8] {
        var text = "jobs:\n"
        var index = 0
        while text.utf8.count < bytes {
            index += 1
            text += """
                  job-\(index):
                    $schema: https://azuremlschemas.azureedge.net/latest/commandJob.schema.json
                    type: command
                    display_name: "Train LightGBM #\(index)"
                    experiment_name: lightgbm-iris
                    description: Trains a LightGBM model on the iris data set and logs metrics with MLflow.
                    code: ./src
                    command: >-
                      python main.py --iris-csv ${{inputs.iris}}
                      --learning-rate ${{inputs.learning_rate}} --boosting ${{inputs.boosting}}
                    environment:
                      image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu20.04:latest
                      conda_file: ./environment/conda.yml
                    inputs:
                      iris: {type: uri_file, path: ./data/iris.csv}
                      learning_rate: 0.\(index % 10)
                      boosting: gbdt
                      num_iterations: \(index % 500)
                    compute: azureml:cpu-cluster
                    tags: {team: ml, run: "\(index)", owner: 'data-science'}
                    limits: {timeout: 3600}
                    args: [--verbose, "--seed=\(index)", 'quoted', yes, null]

                """
        }
        return Array(text.utf8)
    }

    /// (a) libyaml's parser, every event fetched and freed, nothing built.
    static func rawEventLoop(_ input: [UInt8]) -> Int {
        input.withUnsafeBufferPointer { buffer in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
            defer {
                yaml_parser_delete(parser)
                parser.deallocate()
                event.deallocate()
            }
            yaml_parser_initialize(parser)
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
            var count = 0
            while yaml_parser_parse(parser, event) == 1 {
                count += 1
                let done = event.pointee.type == YAML_STREAM_END_EVENT
                yaml_event_delete(event)
                if done { break }
            }
            return count
        }
    }

    /// (b) the same bytes through DeployYAML into `Node` trees.
    static func buildTree(_ input: [UInt8]) -> [Node] {
        try! YAMLParser().parse(SourceFile(name: "bench.yaml", bytes: input))
    }

    static func count(_ node: Node) -> Int {
        switch node.content {
        case .scalar: return 1
        case .sequence(let items): return items.reduce(1) { $0 + count($1) }
        case .mapping(let pairs): return pairs.reduce(1) { $0 + count($1.key) + count($1.value) }
        }
    }

    /// The CPU time `body` takes on this thread, in seconds; unlike wall time, it does not count the time other
    /// processes on a shared machine hold the CPU.
    static func seconds(_ body: () -> Void) -> Double {
        func now() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let start = now()
        body()
        return now() - start
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
