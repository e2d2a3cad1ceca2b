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
    /// The objective's constant part (unmet, change and start-change penalties at zero
    /// decisions) is left out of the file, because MPS readers disagree on the sign of an
    /// objective offset; a solver's optimum plus the returned constant is the plan's objective.
    /// - Returns: the objective constant.
    @discardableResult
    public static func exportModel(of problem: PlanningProblem, format: ModelFileFormat, to path: String)
        throws(PlanningError) -> Double
    {
        let formulation = ExactFormulation(problem: problem, names: true)
        var model = formulation.model
        model.objectiveConstant = 0
        do {
            try GLPK.write(model, format: format == .mps ? .mps : .lp, to: path)
        } catch {
            throw PlanningError(.solverFailed, "cannot write the model: \(error)")
        }
        return formulation.objectiveConstant
    }
}
#endif
