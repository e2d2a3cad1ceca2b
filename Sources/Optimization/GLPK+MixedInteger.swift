#if GLPK
import CGLPK
import Logging

extension GLPK {
    /// Branch and cut. With presolve (and no warm start) glp_intopt runs on its
    /// own; otherwise the root LP is solved with the simplex first, as
    /// glp_intopt requires, and the warm start is offered at the first IHEUR.
    static func solveMixedInteger(
        _ model: Model,
        options: SolveOptions,
        start: ContinuousClock.Instant
    ) throws(SolverError) -> SolveResult {
        func stopped(_ termination: Termination) -> SolveResult {
            SolveResult(termination: termination, hasSolution: false, seconds: seconds(since: start))
        }
        if isCancelled(options) { return stopped(.cancelled(hasSolution: false)) }
        // Integer bounds rounded inwards may cross: no integer point exists.
        for j in 0..<model.variableCount where model.columnKinds[j] != .continuous {
            let (lower, upper) = model.columnBounds(j, integral: true)
            if lower > upper { return stopped(.infeasible) }
        }
        let warmStart = warmStartVector(model, options)
        let presolve = options.presolve && warmStart == nil && options.offers == nil

        let problem = try GLPKProblem()
        try problem.load(model, mode: .mip)

        var rootBound: Double?
        if !presolve {
            let ret = try simplex(problem, options: options, start: start)
            var solution = cglpk_lp_solution()
            try GLPKCall.check(cglpk_get_lp_solution(problem.handle, &solution), "reading the root LP")
            switch (ret, solution.status) {
            case (0, GLP_OPT): rootBound = solution.objective
            case (0, GLP_NOFEAS), (0, GLP_INFEAS): return stopped(.infeasible)
            case (0, GLP_UNBND): return stopped(.unbounded)
            case (GLP_ETMLIM, _): return stopped(.timeLimit(hasSolution: false))
            default:
                throw SolverError(
                    .solverFailure,
                    "glp_simplex on the root LP failed: \(describeReturnCode(ret)), status \(solution.status)",
                    returnCode: Int(ret))
            }
            if isCancelled(options) { return stopped(.cancelled(hasSolution: false)) }
        }
        let left = remaining(options, since: start)
        if let left, left <= 0 { return stopped(.timeLimit(hasSolution: false)) }

        let monitor = SearchMonitor(options: options, model: model, start: start, rootBound: rootBound)
        var params = cglpk_mip_params()
        params.msg_lev = GLPKCall.messageLevel(options.logger)
        params.tm_lim = GLPKCall.timeLimit(left)
        params.presolve = presolve ? GLP_ON : GLP_OFF
        params.cuts = options.cuts ? GLP_ON : GLP_OFF
        params.br_tech = switch options.branching {
        case .firstFractional: GLP_BR_FFV
        case .lastFractional: GLP_BR_LFV
        case .mostFractional: GLP_BR_MFV
        case .driebeckTomlin: GLP_BR_DTH
        case .hybridPseudocost: GLP_BR_PCH
        case .objectiveWeighted: CGLPK_BR_OBJECTIVE
        }
        params.bt_tech = switch options.nodeSelection {
        case .depthFirst: GLP_BT_DFS
        case .breadthFirst: GLP_BT_BFS
        case .bestLocalBound: GLP_BT_BLB
        case .bestProjection: GLP_BT_BPH
        }
        params.mip_gap = options.relativeGap
        params.context = Unmanaged.passUnretained(monitor).toOpaque()
        params.progress = { context, progress in
            guard let context, let progress else { return 0 }
            return Unmanaged<SearchMonitor>.fromOpaque(context).takeUnretainedValue().observe(progress.pointee) ? 1 : 0
        }
        if options.offers != nil {
            params.offer = { context, x, cols in
                guard let context, let x else { return 0 }
                return Unmanaged<SearchMonitor>.fromOpaque(context).takeUnretainedValue()
                    .offer(into: UnsafeMutableBufferPointer(start: x, count: Int(cols) + 1)) ? 1 : 0
            }
        }
        var ret: Int32 = 0
        let warmValues = warmStart ?? []
        let rc = warmValues.withUnsafeBufferPointer { warm in
            params.warm_start = warmStart == nil ? nil : warm.baseAddress
            return cglpk_intopt(problem.handle, &params, &ret)
        }
        withExtendedLifetime(monitor) {}
        try GLPKCall.check(rc, "glp_intopt")

        if ret == GLP_ENODFS {
            // Presolve saw no dual feasible LP relaxation: infeasible or unbounded. Ask the simplex.
            let lpRet = try simplex(problem, options: SolveOptions(), start: ContinuousClock.now)
            var solution = cglpk_lp_solution()
            try GLPKCall.check(cglpk_get_lp_solution(problem.handle, &solution), "reading the LP relaxation")
            if lpRet == 0 && solution.status == GLP_NOFEAS { return stopped(.infeasible) }
            if lpRet == 0 && solution.status == GLP_UNBND { return stopped(.unbounded) }
            throw SolverError(.solverFailure, "glp_intopt: \(describeReturnCode(ret))", returnCode: Int(ret))
        }

        var values = [Double](repeating: 0, count: model.variableCount)
        var status: Int32 = 0
        var objective = 0.0
        let readRC = values.withUnsafeMutableBufferPointer {
            cglpk_get_mip_solution(problem.handle, &status, &objective, $0.baseAddress)
        }
        try GLPKCall.check(readRC, "reading the MIP solution")
        let hasSolution = status == GLP_OPT || status == GLP_FEAS
        let incumbent = hasSolution ? objective : nil
        let bound = monitor.bound(incumbent: incumbent)

        let termination: Termination
        switch ret {
        case 0:
            switch status {
            case GLP_OPT: termination = .optimal
            case GLP_FEAS: termination = .feasible
            case GLP_NOFEAS: termination = .infeasible
            default:
                throw SolverError(.solverFailure, "glp_intopt ended with undefined status \(status)")
            }
        case GLP_EMIPGAP:
            // A bound equal to the incumbent proves optimality; otherwise only the gap was reached.
            let gap = relativeGap(incumbent, bound) ?? .infinity
            termination = gap <= 1e-12 ? .optimal : .gapReached
        case GLP_ETMLIM:
            termination = .timeLimit(hasSolution: hasSolution)
        case GLP_ESTOP:
            if monitor.cancelled {
                termination = .cancelled(hasSolution: hasSolution)
            } else if monitor.nodeLimitReached {
                termination = .nodeLimit(hasSolution: hasSolution)
            } else {
                termination = .feasible
            }
        case GLP_ENOPFS:
            termination = .infeasible
        default:
            throw SolverError(.solverFailure, "glp_intopt failed: \(describeReturnCode(ret))", returnCode: Int(ret))
        }
        let optimal = termination == .optimal
        let finalBound = optimal ? incumbent : bound
        let elapsed = seconds(since: start)
        return SolveResult(
            termination: termination,
            hasSolution: hasSolution,
            objective: incumbent,
            bound: finalBound,
            gap: optimal ? 0 : relativeGap(incumbent, finalBound),
            values: hasSolution ? values : [],
            nodes: monitor.nodes,
            seconds: elapsed,
            firstSolutionSeconds: hasSolution ? (monitor.firstSolutionSeconds ?? elapsed) : nil,
            warmStartAccepted: params.warm_start_result == 1,
            offersAccepted: Int(params.offers_accepted))
    }

    /// The warm start as GLPK wants it (1-based, integers rounded), or `nil`
    /// when none is given or it violates a bound or constraint (logged).
    static func warmStartVector(_ model: Model, _ options: SolveOptions) -> [Double]? {
        guard let warmStart = options.warmStart else { return nil }
        var values = warmStart
        for j in values.indices where model.columnKinds[j] != .continuous {
            values[j] = values[j].rounded()
        }
        if let violation = model.violation(values) {
            options.logger?.warning("warm start not used: \(violation)")
            return nil
        }
        return [0] + values
    }
}

extension Model {
    /// The first bound or constraint that `values` violates (tolerance 1e-6, relative above 1), or `nil`.
    func violation(_ values: [Double]) -> String? {
        func tolerance(_ bound: Double) -> Double { 1e-6 * Swift.max(1, abs(bound)) }
        for j in 0..<variableCount {
            let (lower, upper) = columnBounds(j, integral: true)
            let value = values[j]
            if value < lower - tolerance(lower) || value > upper + tolerance(upper) {
                return "variable \(columnLabel(j)) = \(value) is outside \(lower)...\(upper)"
            }
        }
        for i in 0..<constraintCount {
            var activity = 0.0
            for k in rowStarts[i]..<rowStarts[i + 1] {
                activity += entryValues[k] * values[Int(entryColumns[k]) - 1]
            }
            if activity < rowLower[i] - tolerance(rowLower[i]) || activity > rowUpper[i] + tolerance(rowUpper[i]) {
                return "constraint \(rowLabel(i, rowNames[i])) = \(activity) is outside \(rowLower[i])...\(rowUpper[i])"
            }
        }
        return nil
    }
}

/// Receives every branch-and-bound callback (through the C callback, after
/// its GLPK calls): records the search state, reports progress and answers
/// cancellation. Never calls GLPK.
final class SearchMonitor {
    let options: SolveOptions
    let model: Model
    let sense: ObjectiveSense
    let start: ContinuousClock.Instant
    let rootBound: Double?
    private(set) var firstSolutionSeconds: Double?
    private(set) var cancelled = false
    private(set) var nodeLimitReached = false
    private(set) var nodes = 0
    private var lastBound: Double?
    private var lastReportedIncumbent: Double?
    private var lastReport = -Double.infinity

    init(options: SolveOptions, model: Model, start: ContinuousClock.Instant, rootBound: Double?) {
        self.options = options
        self.model = model
        self.sense = model.objectiveSense
        self.start = start
        self.rootBound = rootBound
    }

    /// Writes the next solution of ``SolveOptions/offers`` into `x` (1-based, as GLPK wants it)
    /// when there is one and it satisfies the model; `false` otherwise. Called at GLPK's heuristic
    /// points: nothing here may call GLPK.
    func offer(into x: UnsafeMutableBufferPointer<Double>) -> Bool {
        guard let next = options.offers?(), next.count == model.variableCount, x.count == next.count + 1 else { return false }
        var values = next
        for j in values.indices where model.columnKinds[j] != .continuous { values[j] = values[j].rounded() }
        guard model.violation(values) == nil else { return false }
        for j in values.indices { x[j + 1] = values[j] }
        return true
    }

    /// Handles one callback; returns `true` to end the search.
    func observe(_ state: cglpk_progress) -> Bool {
        let elapsed = GLPK.seconds(since: start)
        let incumbent = state.has_incumbent != 0 ? state.incumbent : nil
        if state.has_bound != 0 { lastBound = state.bound }
        nodes = Int(state.total_nodes)
        if incumbent != nil && firstSolutionSeconds == nil { firstSolutionSeconds = elapsed }
        if let progress = options.progress {
            let newIncumbent = incumbent != nil && incumbent != lastReportedIncumbent
            if newIncumbent || elapsed - lastReport >= options.progressInterval {
                lastReport = elapsed
                lastReportedIncumbent = incumbent
                let bound = bound(incumbent: incumbent)
                progress(SolveProgress(
                    incumbent: incumbent,
                    bound: bound,
                    gap: GLPK.relativeGap(incumbent, bound),
                    elapsed: elapsed,
                    nodes: nodes))
            }
        }
        if GLPK.isCancelled(options) {
            cancelled = true
            return true
        }
        if let limit = options.nodeLimit, nodes >= limit {
            nodeLimitReached = true
            return true
        }
        return false
    }

    /// The best bound seen, never worse than the root LP bound and never past the incumbent.
    func bound(incumbent: Double?) -> Double? {
        var bound = lastBound ?? rootBound
        if let incumbent, let current = bound {
            bound = sense == .minimize ? Swift.min(current, incumbent) : Swift.max(current, incumbent)
        }
        return bound
    }
}
#endif
