// swift-tools-version: 6.1
// Coverage-guided fuzz targets for the readers of everything users hand the product: scenario
// JSON, plans and the checker, CSV files, Excel workbooks, Microsoft Project XML (libFuzzer with
// AddressSanitizer). Built and run by Fuzz/run (see Fuzz/README.md); not part of the main build.
import PackageDescription

let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "CapacityPlannerFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "CapacityPlanner", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzScenario",
            dependencies: ["FuzzDriver", .product(name: "CapacityPlanning", package: "CapacityPlanner")],
            swiftSettings: fuzzTarget),
        .executableTarget(
            name: "FuzzPlan",
            dependencies: ["FuzzDriver", .product(name: "CapacityPlanning", package: "CapacityPlanner")],
            swiftSettings: fuzzTarget),
        .executableTarget(
            name: "FuzzCSV",
            dependencies: ["FuzzDriver", .product(name: "CapacityPlanning", package: "CapacityPlanner"),
                           .product(name: "PortfolioFiles", package: "CapacityPlanner")],
            swiftSettings: fuzzTarget),
        .executableTarget(
            name: "FuzzWorkbook",
            dependencies: ["FuzzDriver", .product(name: "PortfolioFiles", package: "CapacityPlanner")],
            swiftSettings: fuzzTarget),
        .executableTarget(
            name: "FuzzProjectXML",
            dependencies: ["FuzzDriver", .product(name: "PortfolioFiles", package: "CapacityPlanner")],
            swiftSettings: fuzzTarget),
    ]
)
