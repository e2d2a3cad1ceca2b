// libFuzzer target: a scenario and a plan in one input, as `check SCENARIO PLAN` reads them: the
// plan decoded leniently and checked against the scenario's problem (every rule, the objective).
import CapacityPlanning
import Foundation
import FuzzDriver

/// The separator between the scenario's bytes and the plan's in one input (`Fuzz/run` writes
/// each seed as an example, this line, and its plan).
private let separator = Data("\n#plan#\n".utf8)

/// One input: either part refused with an error, or the plan checked; any crash, leak or hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlan(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    guard let cut = bytes.range(of: separator),
          let scenario = try? Scenario(json: bytes[..<cut.lowerBound]),
          let problem = try? PlanningProblem(scenario),
          let plan = try? JSONDecoder().decode(Plan.self, from: bytes[cut.upperBound...])
    else { return 0 }
    let check = PlanChecker.check(plan, for: problem)
    _ = check.objective.total
    // The checked plan the analysis and reports start from, and the KPIs of a valid one.
    let checked = CheckedPlan(plan, for: problem)
    if checked.check.isValid { _ = PlanKPIs(allocation: checked.allocation, problem: problem) }
    return 0
}

/// SwiftPM links an executable's `main` to `<target>_main`.
@_cdecl("FuzzPlan_main")
public func main(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv, fuzzPlan)
}
