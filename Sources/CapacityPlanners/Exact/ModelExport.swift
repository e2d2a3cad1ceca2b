// Writing the exact planner's model to MPS or CPLEX LP, so any MIP solver can solve the same problem.
public import CapacityPlanning

/// File formats for the exact planner's model.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// Free MPS.
    case mps
    /// CPLEX LP.
    case lp
}

#if GLPK
import Optimization

extension ExactPlanner {
    /// Writes the integer program of `problem` (with named rows and columns) to `path`.
    ///
    /// The file's objective omits the constant part; `objectiveConstant` returns it,
    /// so a solver's optimum plus that constant is the plan's objective.
    /// - Returns: the objective constant.
    @discardableResult
    public static func exportModel(of problem: PlanningProblem, format: ModelFileFormat, to path: String)
        throws(PlanningError) -> Double
    {
        let formulation = ExactFormulation(problem: problem, names: true)
        do {
            try GLPK.write(formulation.model, format: format == .mps ? .mps : .lp, to: path)
        } catch {
            throw PlanningError(.solverFailed, "cannot write the model: \(error)")
        }
        return formulation.objectiveConstant
    }
}
#endif
