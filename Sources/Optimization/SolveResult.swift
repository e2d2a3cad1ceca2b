/// Why a solve ended. Running out of time, infeasibility and unboundedness
/// are results, not errors.
public enum Termination: Sendable, Equatable {
    /// Proven optimal (the bound equals the objective).
    case optimal
    /// Stopped with a solution that is not proven optimal, for a reason not listed below.
    case feasible
    /// No solution exists.
    case infeasible
    /// The objective is unbounded. For a MIP: its LP relaxation is unbounded
    /// (the MIP is then unbounded unless it has no integer solution at all).
    case unbounded
    /// The time limit was reached; `hasSolution` tells whether an incumbent exists.
    case timeLimit(hasSolution: Bool)
    /// Cancelled through ``CancellationToken`` or task cancellation; `hasSolution` tells whether an incumbent exists.
    case cancelled(hasSolution: Bool)
    /// The node limit (``SolveOptions/nodeLimit``) was reached; `hasSolution` tells whether an incumbent exists.
    case nodeLimit(hasSolution: Bool)
    /// The MIP search stopped because the gap fell below ``SolveOptions/relativeGap``
    /// (not proven optimal; see ``SolveResult/gap``).
    case gapReached
}

/// The outcome of a solve: termination, primal values, duals and search statistics.
public struct SolveResult: Sendable {
    /// Why the solve ended.
    public var termination: Termination
    /// Whether ``values`` holds a solution (feasible within GLPK's tolerances).
    public var hasSolution: Bool
    /// Objective of the solution, when ``hasSolution``.
    public var objective: Double?
    /// Best proven bound on the optimum: ≤ optimum when minimising, ≥ optimum when maximising.
    /// Equals ``objective`` when optimal; `nil` when unknown.
    public var bound: Double?
    /// Relative gap `|objective − bound| / (|objective| + ε)`; 0 when optimal, `nil` when unknown.
    public var gap: Double?
    /// A value per variable (index order) when ``hasSolution``, otherwise empty.
    public var values: [Double]
    /// Row duals (shadow prices) per constraint, for an LP solved to optimality; otherwise empty.
    public var duals: [Double]
    /// Reduced costs per variable, for an LP solved to optimality; otherwise empty.
    public var reducedCosts: [Double]
    /// Branch-and-bound nodes created (0 for an LP).
    public var nodes: Int
    /// Wall-clock seconds of the whole solve (building included).
    public var seconds: Double
    /// Seconds until the first solution was known, if any.
    public var firstSolutionSeconds: Double?
    /// Whether ``SolveOptions/warmStart`` was checked feasible and accepted by GLPK as an incumbent.
    public var warmStartAccepted: Bool
    /// How many of ``SolveOptions/offers``' solutions GLPK took as its new incumbent.
    public var offersAccepted: Int

    /// A result with the given values (for tests and other solvers).
    public init(
        termination: Termination,
        hasSolution: Bool,
        objective: Double? = nil,
        bound: Double? = nil,
        gap: Double? = nil,
        values: [Double] = [],
        duals: [Double] = [],
        reducedCosts: [Double] = [],
        nodes: Int = 0,
        seconds: Double = 0,
        firstSolutionSeconds: Double? = nil,
        warmStartAccepted: Bool = false,
        offersAccepted: Int = 0
    ) {
        self.termination = termination
        self.hasSolution = hasSolution
        self.objective = objective
        self.bound = bound
        self.gap = gap
        self.values = values
        self.duals = duals
        self.reducedCosts = reducedCosts
        self.nodes = nodes
        self.seconds = seconds
        self.firstSolutionSeconds = firstSolutionSeconds
        self.warmStartAccepted = warmStartAccepted
        self.offersAccepted = offersAccepted
    }

    /// The variable's value, or NaN when there is no solution or the variable is out of range.
    public func value(_ variable: Variable) -> Double {
        values.indices.contains(variable.index) ? values[variable.index] : .nan
    }

    /// The value of an expression at the solution (NaN when there is no solution).
    public func value(_ expression: LinearExpression) -> Double {
        hasSolution ? expression.evaluate(values) : .nan
    }

    /// The constraint's dual value, or NaN when duals are unavailable or the constraint is out of range.
    public func dual(_ constraint: ConstraintRef) -> Double {
        duals.indices.contains(constraint.index) ? duals[constraint.index] : .nan
    }

    /// The variable's reduced cost, or NaN when unavailable.
    public func reducedCost(_ variable: Variable) -> Double {
        reducedCosts.indices.contains(variable.index) ? reducedCosts[variable.index] : .nan
    }
}

/// File formats for `GLPK.write(_:format:to:)`.
public enum ExportFormat: Sendable, Hashable {
    /// Free (modern) MPS, readable by `GLPK.readMPS(path:)` and most solvers.
    case mps
    /// CPLEX LP format.
    case lp
}
