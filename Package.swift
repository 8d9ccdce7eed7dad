// swift-tools-version: 6.2
import PackageDescription

/// The upcoming features every target of ours builds with (../shared/STYLE.md, convention 2).
let features: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]
/// Library and executable targets: the features plus warnings as errors.
let strict: [SwiftSetting] = features + [.treatAllWarnings(as: .error)]
/// Test targets: the features only, because Swift Testing's macro expansions emit a warning on Swift 6.3 that
/// warnings-as-errors would turn into a build failure.
let strictTests: [SwiftSetting] = features

let package = Package(
    name: "deploy",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "deploy", targets: ["deploy"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        .target(name: "DeployYAML", dependencies: ["CYAML"], swiftSettings: strict),
        .target(name: "DeployManifest", dependencies: ["DeployYAML"], swiftSettings: strict),
        .testTarget(
            name: "DeployManifestTests",
            dependencies: ["DeployManifest", "DeployYAML"],
            exclude: ["Fixtures"],
            swiftSettings: strictTests
        ),
        .target(
            name: "AzureML",
            dependencies: ["DeployManifest", "DeployYAML", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        .target(
            name: "DeployPlan",
            dependencies: ["AzureML", "DeployManifest", "DeployYAML"],
            swiftSettings: strict
        ),
        .target(
            name: "DeployApply",
            dependencies: ["DeployPlan", "AzureML", "DeployYAML"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DeployApplyTests",
            dependencies: [
                "DeployApply",
                "DeployPlan",
                "AzureML",
                "DeployManifest",
                "DeployYAML",
                "LocalWorkspace",
                "WorkspaceClient",
                "DeployTestSupport",
                "DeployCLI",
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictTests
        ),
        .target(
            name: "DeployTestSupport",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/DeployTestSupport",
            swiftSettings: strict
        ),
        .target(
            name: "LocalWorkspace",
            dependencies: [
                "AzureML",
                "DeployYAML",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "_NIOFileSystem", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(
                    name: "SystemPackage", package: "swift-system",
                    condition: .when(platforms: [.linux, .windows, .android, .openbsd])),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "WorkspaceClient",
            dependencies: [
                "AzureML",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(
                    name: "SystemPackage", package: "swift-system",
                    condition: .when(platforms: [.linux, .windows, .android, .openbsd])),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WorkspaceClientTests",
            dependencies: [
                "WorkspaceClient",
                "AzureML",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictTests
        ),
        .target(
            name: "DeployCLI",
            dependencies: [
                "DeployYAML",
                "DeployManifest",
                "AzureML",
                "DeployPlan",
                "DeployApply",
                "LocalWorkspace",
                "WorkspaceClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "deploy",
            dependencies: ["DeployCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "YAMLBench",
            dependencies: ["DeployYAML", "CYAML"],
            path: "Benchmarks/YAMLBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "ValidateBench",
            path: "Benchmarks/ValidateBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "HashBench",
            dependencies: ["AzureML"],
            path: "Benchmarks/HashBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "MLflowBench",
            dependencies: ["LocalWorkspace"],
            path: "Benchmarks/MLflowBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "PlanBench",
            dependencies: ["DeployPlan", "AzureML", "DeployManifest", "DeployYAML", "LocalWorkspace", "WorkspaceClient"],
            path: "Benchmarks/PlanBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "ApplyBench",
            dependencies: [
                "DeployApply", "DeployCLI", "DeployPlan", "DeployManifest", "DeployYAML", "AzureML", "LocalWorkspace",
                "WorkspaceClient",
                "DeployTestSupport", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/ApplyBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "RunnerBench",
            dependencies: [
                "LocalWorkspace", "AzureML", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Benchmarks/RunnerBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "SweepBench",
            dependencies: [
                "LocalWorkspace", "AzureML", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Benchmarks/SweepBench",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "ServeBench",
            dependencies: ["LocalWorkspace", "AzureML"],
            path: "Benchmarks/ServeBench",
            swiftSettings: strict
        ),
        .testTarget(
            name: "DeployYAMLTests",
            dependencies: ["DeployYAML"],
            exclude: ["Fixtures"],
            swiftSettings: strictTests
        ),
        .testTarget(
            name: "AzureMLTests",
            dependencies: ["AzureML", "DeployManifest", "DeployYAML"],
            exclude: ["Fixtures"],
            swiftSettings: strictTests
        ),
        .testTarget(
            name: "LocalWorkspaceTests",
            dependencies: [
                "LocalWorkspace",
                "AzureML",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictTests
        ),
        .testTarget(
            name: "DeployPlanTests",
            dependencies: [
                "DeployPlan",
                "AzureML",
                "DeployManifest",
                "DeployYAML",
                "LocalWorkspace",
                "WorkspaceClient",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strictTests
        ),
        .testTarget(
            name: "DeployCLITests",
            dependencies: [
                "DeployCLI",
                "deploy",
                "DeployApply",
                "DeployTestSupport",
                "AzureML",
                "DeployPlan",
                "LocalWorkspace",
                "WorkspaceClient",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictTests
        ),
    ],
    swiftLanguageModes: [.v6]
)
