// Writing the exact planner's model to MPS or CPLEX LP, so any MIP solver can solve the same problem.
public import CapacityPlanning

/// File formats for the exact planner's model.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// Free-format MPS, the format most MIP solvers read.
    case mps
    /// CPLEX LP format: readable by people, and by GLPK and most other MIP solvers.
    case lp
}

/// Which model to write: the exact one, or a variant used for bounds (Docs/formulation.md, "Bounds").
public enum ModelVariant: String, Sendable, CaseIterable {
    /// The exact planner's model.
    case exact
    /// The exact model with the aggregated supply and budget-cover rows on the start binaries.
    case aggregated
    /// The relaxation the selection bound solves: focus limits and the assignment penalty left
    /// out, aggregated rows in. Its optimum is an upper bound on the exact model's.
    case relaxation
    /// The pooled relaxation: people pooled per demand at the cheapest qualified rate, limited by
    /// what each group of qualified people can supply together. Its optimum is an upper bound too.
    case pooled
    /// The class relaxation: the selection relaxation with the demands that the same people
    /// qualify for merged into one class, people kept. Its optimum is an upper bound too.
    case classes
}

#if GLPK
import Optimization

extension ExactPlanner {
    /// Writes the integer program of `problem` (with named rows and columns) to `path`; `variant`
    /// chooses the exact model (the default) or one of its bounding variants.
    ///
    /// The objective's constant part (unmet, change and start-change penalties at zero
    /// decisions) is left out of the file, because MPS readers disagree on the sign of an
    /// objective offset; a solver's optimum plus the returned constant is the plan's objective.
    /// - Returns: the objective constant.
    @discardableResult
    public static func exportModel(of problem: PlanningProblem, format: ModelFileFormat, to path: String,
                                   variant: ModelVariant = .exact) throws(PlanningError) -> Double
    {
        if problem.isInFlight { return try exportInFlightModel(of: problem, format: format, to: path, variant: variant) }
        let shape: ModelShape = switch variant {
        case .exact: .exact
        case .aggregated: ModelShape(dropsFocusLimits: false, aggregatedRows: true)
        case .relaxation: .selectionRelaxation
        case .pooled: .pooledRelaxation
        case .classes: .classRelaxation
        }
        let formulation = ExactFormulation(problem: problem, names: true, shape: shape)
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

extension ExactPlanner {
    /// The portfolio in flight's model (`InFlightFormulation`); only the exact variant exists for it.
    static func exportInFlightModel(of problem: PlanningProblem, format: ModelFileFormat, to path: String,
                                    variant: ModelVariant) throws(PlanningError) -> Double {
        guard variant == .exact else {
            throw PlanningError(.unsupported, "the portfolio in flight's model has no \(variant) variant; export it as exact")
        }
        var model = InFlightFormulation(problem: problem).model
        let constant = model.objectiveConstant
        model.objectiveConstant = 0
        do {
            try GLPK.write(model, format: format == .mps ? .mps : .lp, to: path)
        } catch {
            throw PlanningError(.solverFailed, "cannot write the model: \(error)")
        }
        return constant
    }
}
#endif
