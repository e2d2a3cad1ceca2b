// swift-tools-version: 6.1
//
// CapacityPlanner: portfolio selection, scheduling and staffing for a PMO.
//
// Module graph (dependencies point one way):
//
//   capacity-planner (CLI) ──► CapacityPlannerServer (HTTP, Hummingbird)
//     │      │                          │
//     │      └──────────────────────────┴──► ConflictAnalysis ──► CapacityPlanners ──► CapacityPlanning (domain, no GLPK) ──► StrictJSON
//     │                                                                  │                      ▲
//     ├──► ScenarioGeneration (synthetic scenarios; also the bench and the tests) ──────────────┤
//     └──► PortfolioFiles (CSV, Excel, MS Project XML) ──────────────────┼──────────────────────┘
//                                                                        └──(GLPK trait)──► Optimization ──► CGLPK ──► libglpk
//
//   capacity-planner (CLI) ──┬──► PortfolioPages (HTML and SVG from mustache templates) ──► swift-mustache
//   capacity-bench ──────────┘    (capacity-bench also ──► CapacityPlanners ──► CapacityPlanning)
//
// The `GLPK` trait is on by default. `swift build --disable-default-traits`
// builds every product without compiling or linking any GLPK code: the
// greedy planner is then the one that runs.
import PackageDescription
import class Foundation.ProcessInfo

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "CapacityPlanner",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Optimization", targets: ["Optimization"]),
        .library(name: "StrictJSON", targets: ["StrictJSON"]),
        .library(name: "CapacityPlanning", targets: ["CapacityPlanning"]),
        .library(name: "CapacityPlanners", targets: ["CapacityPlanners"]),
        .library(name: "ConflictAnalysis", targets: ["ConflictAnalysis"]),
        .library(name: "CapacityPlannerServer", targets: ["CapacityPlannerServer"]),
        .library(name: "PortfolioFiles", targets: ["PortfolioFiles"]),
        .library(name: "ScenarioGeneration", targets: ["ScenarioGeneration"]),
        .executable(name: "capacity-planner", targets: ["CapacityPlannerCLI"]),
        .executable(name: "capacity-bench", targets: ["CapacityBench"]),
    ],
    traits: [
        .trait(
            name: "GLPK",
            description: "Build the exact planner on GLPK (GPL-3.0-or-later). Needs libglpk-dev."
        ),
        .default(enabledTraits: ["GLPK"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.0"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        // `swift package generate-documentation`: the DocC catalogs of the library products (README).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The C shim: glpk.h plus guarded entry points that turn GLPK's abort() into an error code.
        .target(
            name: "CGLPK",
            linkerSettings: [.linkedLibrary("glpk")]
        ),
        // A general-purpose modelling layer (variables, expressions, constraints) over GLPK.
        .target(
            name: "Optimization",
            dependencies: [
                .target(name: "CGLPK", condition: .when(traits: ["GLPK"])),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The strict JSON reader (document order, duplicate keys, depth, line and column) and writer.
        .target(
            name: "StrictJSON",
            swiftSettings: swiftSettings
        ),
        // The planning domain: scenario and plan of spec v1, validation, checker, objective. Knows nothing of GLPK.
        .target(
            name: "CapacityPlanning",
            dependencies: ["StrictJSON"],
            swiftSettings: swiftSettings
        ),
        // Synthetic but realistic scenarios from a seed: for the CLI's `generate`, the bench and the tests.
        .target(
            name: "ScenarioGeneration",
            dependencies: ["CapacityPlanning"],
            swiftSettings: swiftSettings
        ),
        // The planners: greedy (pure Swift), exact (GLPK), auto.
        .target(
            name: "CapacityPlanners",
            dependencies: [
                "CapacityPlanning",
                .target(name: "Optimization", condition: .when(traits: ["GLPK"])),
            ],
            swiftSettings: swiftSettings
        ),
        // Conflict analysis: what breaks in a plan, why, and what each fix is worth (re-solving with the planners).
        .target(
            name: "ConflictAnalysis",
            dependencies: ["CapacityPlanners", "CapacityPlanning"],
            swiftSettings: swiftSettings
        ),
        // The HTTP service: plans, checks, analyses and jobs (Docs/service.md). Its routes, query
        // parameters and response types are generated from its OpenAPI document (openapi.json in the
        // target, served at GET /openapi.json; Docs/openapi.json links to it).
        .target(
            name: "CapacityPlannerServer",
            dependencies: [
                "ConflictAnalysis",
                "CapacityPlanners",
                "CapacityPlanning",
                "StrictJSON",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("openapi.json")],
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // Files a PMO already has: CSV exports, Excel workbooks and MS Project XML, in and out (Docs/cli.md).
        .target(
            name: "PortfolioFiles",
            dependencies: [
                "CapacityPlanning",
                .product(name: "XMLCoder", package: "XMLCoder"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        // HTML and SVG pages from mustache templates: sanitised text (`PageText`), the one SVG number
        // format, template loading with typed errors. The templates themselves belong to the front ends.
        .target(
            name: "PortfolioPages",
            dependencies: [.product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "CapacityPlannerCLI",
            dependencies: [
                "CapacityPlannerServer",
                "PortfolioFiles",
                "PortfolioPages",
                "ConflictAnalysis",
                "CapacityPlanners",
                "CapacityPlanning",
                "ScenarioGeneration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The report's templates, compiled into the executable (no resource bundle to ship beside it).
            resources: [.embedInCode("Report/Templates")],
            swiftSettings: swiftSettings
        ),
        // The benchmark ladder: planners against each other on generated scenarios (Docs/benchmarks.md).
        .executableTarget(
            name: "CapacityBench",
            dependencies: [
                "CapacityPlanners",
                "CapacityPlanning",
                "ScenarioGeneration",
                "PortfolioPages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The charts' templates, compiled into the executable.
            resources: [.embedInCode("Templates")],
            swiftSettings: swiftSettings
        ),
        // What every test target shares: the fixture and example locator, a seeded generator, a command runner.
        .target(
            name: "TestSupport",
            dependencies: ["CapacityPlanning"],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OptimizationTests",
            dependencies: ["TestSupport", "Optimization", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StrictJSONTests",
            dependencies: ["TestSupport", "StrictJSON"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CapacityPlanningTests",
            dependencies: ["TestSupport", "CapacityPlanning", "StrictJSON"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CapacityPlannerCLITests",
            dependencies: ["TestSupport", "CapacityPlannerCLI", "CapacityPlanning", "ConflictAnalysis", "PortfolioFiles", "PortfolioPages"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PortfolioPagesTests",
            dependencies: ["PortfolioPages"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CapacityPlannerServerTests",
            dependencies: [
                "TestSupport",
                "StrictJSON",
                "CapacityPlannerServer",
                "CapacityPlanning",
                "CapacityPlanners",
                "ConflictAnalysis",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PortfolioFilesTests",
            dependencies: ["TestSupport", "PortfolioFiles", "CapacityPlanners", "CapacityPlanning", "StrictJSON", "ScenarioGeneration",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ConflictAnalysisTests",
            dependencies: ["TestSupport", "ConflictAnalysis", "CapacityPlanners", "CapacityPlanning", "ScenarioGeneration"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CapacityPlannersTests",
            dependencies: [
                "TestSupport", "CapacityPlanners", "CapacityPlanning", "ScenarioGeneration",
                .target(name: "Optimization", condition: .when(traits: ["GLPK"])),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ScenarioGenerationTests",
            dependencies: ["ScenarioGeneration", "CapacityPlanning"],
            swiftSettings: swiftSettings
        ),
    ]
)

// Micro-benchmarks of the hot paths with package-benchmark, only when asked for, so that
// library users never resolve it: `CAPACITY_PLANNER_BENCHMARKS=1 swift package benchmark`.
if ProcessInfo.processInfo.environment["CAPACITY_PLANNER_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"])
    )
    package.targets.append(
        .executableTarget(
            name: "PlannerBenchmarks",
            dependencies: [
                "CapacityPlanners",
                "CapacityPlanning",
                "ScenarioGeneration",
                .target(name: "Optimization", condition: .when(traits: ["GLPK"])),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/PlannerBenchmarks",
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    )
}
