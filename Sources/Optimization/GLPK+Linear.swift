#if GLPK
import CGLPK

extension GLPK {
    /// Simplex on the model with every column continuous. Presolve stays off
    /// so that infeasible and unbounded are told apart and duals are exact.
    static func solveLinear(
        _ model: Model,
        options: SolveOptions,
        start: ContinuousClock.Instant
    ) throws(SolverError) -> SolveResult {
        if isCancelled(options) {
            return SolveResult(termination: .cancelled(hasSolution: false), hasSolution: false, seconds: seconds(since: start))
        }
        let problem = try GLPKProblem()
        try problem.load(model, mode: .continuous)
        let ret = try simplex(problem, options: options, start: start, presolve: options.linearPresolve)
        var columnPrimal = [Double](repeating: 0, count: model.variableCount)
        var columnDual = [Double](repeating: 0, count: model.variableCount)
        var rowDual = [Double](repeating: 0, count: model.constraintCount)
        var solution = cglpk_lp_solution()
        let rc = columnPrimal.withUnsafeMutableBufferPointer { columnPrimal in
            columnDual.withUnsafeMutableBufferPointer { columnDual in
                rowDual.withUnsafeMutableBufferPointer { rowDual in
                    solution.col_primal = columnPrimal.baseAddress
                    solution.col_dual = columnDual.baseAddress
                    solution.row_dual = rowDual.baseAddress
                    return cglpk_get_lp_solution(problem.handle, &solution)
                }
            }
        }
        try GLPKCall.check(rc, "reading the simplex solution")

        let termination: Termination
        var optimal = false
        switch ret {
        case 0:
            switch solution.status {
            case GLP_OPT:
                termination = .optimal
                optimal = true
            case GLP_FEAS:
                termination = .feasible
            case GLP_NOFEAS, GLP_INFEAS:
                termination = .infeasible
            case GLP_UNBND:
                termination = .unbounded
            default:
                throw SolverError(.solverFailure, "glp_simplex ended with undefined solution status \(solution.status)")
            }
        case GLP_ETMLIM:
            termination = .timeLimit(hasSolution: solution.primal_status == GLP_FEAS)
        default:
            throw SolverError(
                .solverFailure,
                "glp_simplex failed: \(describeReturnCode(ret))",
                returnCode: Int(ret))
        }
        let hasSolution = optimal || termination == .feasible || termination == .timeLimit(hasSolution: true)
        let elapsed = seconds(since: start)
        return SolveResult(
            termination: termination,
            hasSolution: hasSolution,
            objective: hasSolution ? solution.objective : nil,
            bound: optimal ? solution.objective : nil,
            gap: optimal ? 0 : nil,
            values: hasSolution ? columnPrimal : [],
            duals: optimal ? rowDual : [],
            reducedCosts: optimal ? columnDual : [],
            nodes: 0,
            seconds: elapsed,
            firstSolutionSeconds: hasSolution ? elapsed : nil)
    }

    /// Runs glp_simplex (presolve off unless `presolve`; scaled first when `options.scaling`) with
    /// the time left; returns GLPK's return code.
    static func simplex(
        _ problem: borrowing GLPKProblem,
        options: SolveOptions,
        start: ContinuousClock.Instant,
        presolve: Bool = false
    ) throws(SolverError) -> Int32 {
        var params = cglpk_lp_params()
        params.msg_lev = GLPKCall.messageLevel(options.logger)
        params.tm_lim = GLPKCall.timeLimit(remaining(options, since: start))
        params.presolve = presolve ? GLP_ON : GLP_OFF
        params.scale = options.scaling ? 1 : 0
        var ret: Int32 = 0
        try GLPKCall.check(cglpk_simplex(problem.handle, &params, &ret), "glp_simplex")
        return ret
    }

    /// GLPK's name and meaning of a `GLP_E…` return code.
    static func describeReturnCode(_ code: Int32) -> String {
        switch code {
        case GLP_EBADB: "GLP_EBADB (invalid basis)"
        case GLP_ESING: "GLP_ESING (singular basis matrix)"
        case GLP_ECOND: "GLP_ECOND (ill-conditioned basis matrix)"
        case GLP_EBOUND: "GLP_EBOUND (invalid bounds)"
        case GLP_EFAIL: "GLP_EFAIL (solver failure)"
        case GLP_EITLIM: "GLP_EITLIM (iteration limit)"
        case GLP_EROOT: "GLP_EROOT (root LP optimum not provided)"
        case GLP_ENOPFS: "GLP_ENOPFS (no primal feasible solution)"
        case GLP_ENODFS: "GLP_ENODFS (no dual feasible solution)"
        default: "return code \(code)"
        }
    }
}
#endif
