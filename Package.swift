// swift-tools-version: 6.2
import PackageDescription

/// The strict settings every target of ours builds with (../shared/STYLE.md, convention 2).
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "deploy",
    platforms: [.macOS(.v15)],
    products: [],
    dependencies: [],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
