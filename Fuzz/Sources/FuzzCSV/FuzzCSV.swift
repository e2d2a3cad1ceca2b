// libFuzzer target: the CSV files of `import` in one input — people, projects, demand and the
// optional availability, pins, systems, drivers, actuals, synergies, roles and courses — imported
// as `capacity-planner import` does (12 weeks from 2027-01-04; with actuals, the status date
// 2027-01-18), and the scenario it makes built into a planning problem.
import CapacityPlanning
import Foundation
import FuzzDriver
import PortfolioFiles

/// The separator between the files in one input (`Fuzz/run` writes each seed so).
private let separator = Data("\n#file#\n".utf8)

/// One input: refused with errors, or imported; any crash, leak or hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    var files: [Data] = []
    var rest = bytes[...]
    while files.count < 11, let cut = rest.range(of: separator) {
        files.append(Data(rest[..<cut.lowerBound]))
        rest = rest[cut.upperBound...]
    }
    files.append(Data(rest))
    let names = ["people.csv", "projects.csv", "demand.csv", "availability.csv", "pins.csv", "systems.csv",
                 "drivers.csv", "actuals.csv", "synergies.csv", "roles.csv", "courses.csv"]
    func source(_ k: Int) -> ScenarioImporter.Source? {
        files.indices.contains(k) && !files[k].isEmpty ? ScenarioImporter.Source(name: names[k], data: files[k]) : nil
    }
    let empty = ScenarioImporter.Source(name: "empty.csv", data: Data())
    let outcome = ScenarioImporter.run(people: source(0) ?? empty, projects: source(1) ?? empty, demands: source(2) ?? empty,
                                       availability: source(3), pins: source(4), systems: source(5), drivers: source(6),
                                       actuals: source(7), synergies: source(8), roles: source(9), courses: source(10),
                                       settings: ScenarioImporter.Settings(periods: 12, start: "2027-01-04", unit: .week,
                                                                           statusPeriod: source(7) == nil ? nil : "2027-01-18"))
    if let scenario = outcome.scenario { _ = try? PlanningProblem(scenario) }
    return 0
}

/// SwiftPM links an executable's `main` to `<target>_main`.
@_cdecl("FuzzCSV_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzCSV)
}
