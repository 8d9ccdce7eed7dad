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
    products: [],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
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
        .target(name: "AzureML", swiftSettings: strict),
        .testTarget(name: "AzureMLTests", dependencies: ["AzureML"], swiftSettings: strictTests),
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
    ],
    swiftLanguageModes: [.v6]
)
