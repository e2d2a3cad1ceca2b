// Loading the bundled examples (Examples/ in the repository) as planning problems.
import CapacityPlanning
import Foundation

/// The planning problem of `Examples/NAME`, e.g. `exampleProblem("mid-size-pmo.json")`.
func exampleProblem(_ name: String) throws -> PlanningProblem {
    let data = try Data(contentsOf: SharedFiles.examples.appendingPathComponent(name))
    return try PlanningProblem(try Scenario(json: data))
}
