// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "ml-commons-emulator",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ml-commons-emulator", targets: ["ml-commons-emulator"]),
        .executable(name: "mock-llm", targets: ["mock-llm"]),
    ],
    dependencies: [
        // `traits: []` keeps SwiftPM's flag order stable, so re-plans do not rebuild Hummingbird.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1", traits: []),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        .target(name: "MLCommonsCore"),
        .target(
            name: "WireFormats",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "MLStore",
            dependencies: [
                "MLCommonsCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "RemoteInference",
            dependencies: [
                "MLCommonsCore",
                "WireFormats",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                // RS256 for the OAuth2 assertions of `google_cloud` connectors.
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "MockLLM",
            dependencies: ["MLCommonsCore", "WireFormats"]
        ),
        .target(name: "MLAlgorithms", dependencies: ["MLCommonsCore"]),
        .target(
            name: "ModelInvocation",
            dependencies: ["MLCommonsCore", "MLStore", "RemoteInference", "MLAlgorithms"]
        ),
        .target(
            name: "Agents",
            dependencies: ["MLCommonsCore", "MLStore", "RemoteInference", "ModelInvocation"]
        ),
        .target(
            name: "EmulatorServer",
            dependencies: [
                "MLCommonsCore",
                "WireFormats",
                "MLStore",
                "RemoteInference",
                "MockLLM",
                "ModelInvocation",
                "MLAlgorithms",
                "Agents",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            // The playground's HTML, JS and CSS, served as they are (no build step).
            resources: [.copy("Playground")]
        ),
        .executableTarget(
            name: "ml-commons-emulator",
            dependencies: [
                "EmulatorServer",
                "MLCommonsCore",
                "MLStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "mock-llm",
            dependencies: [
                "MockLLM",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark's relay that does no work (Benchmarks/bench.py): the floor of the stack beside the emulator.
        .executableTarget(
            name: "relay-floor",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/RelayFloor"
        ),
        .testTarget(name: "MLCommonsCoreTests", dependencies: ["MLCommonsCore"]),
        .testTarget(name: "WireFormatsTests", dependencies: ["WireFormats"]),
        .testTarget(name: "MLAlgorithmsTests", dependencies: ["MLAlgorithms", "MLCommonsCore"]),
        .testTarget(
            name: "RemoteInferenceTests",
            dependencies: ["RemoteInference", "MLCommonsCore", "WireFormats", .product(name: "CryptoExtras", package: "swift-crypto")]),
        .testTarget(name: "MockLLMTests", dependencies: ["MockLLM", "MLCommonsCore", "WireFormats"]),
        .testTarget(
            name: "AgentsTests", dependencies: ["Agents", "ModelInvocation", "RemoteInference", "MLStore", "MLCommonsCore"]),
        .testTarget(
            name: "MLStoreTests",
            dependencies: ["MLStore", "MLCommonsCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "EmulatorServerTests",
            dependencies: [
                "EmulatorServer",
                "MLCommonsCore",
                "WireFormats",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
            ],
            resources: []
        ),
    ]
)
