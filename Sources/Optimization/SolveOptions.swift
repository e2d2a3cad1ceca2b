public import Logging
import Synchronization

/// How a model is solved. Every field has a default; `SolveOptions()` solves to optimality quietly.
public struct SolveOptions: Sendable {
    /// Wall-clock limit in seconds for the whole solve (`nil`: none). Must be ≥ 0.
    /// When reached, the result is ``Termination/timeLimit(hasSolution:)``.
    public var timeLimit: Double?
    /// Relative MIP gap at which the search stops (GLPK's `mip_gap`), ≥ 0. Default `1e-6`.
    /// The gap is `|incumbent − bound| / (|incumbent| + ε)`.
    public var relativeGap: Double
    /// Use GLPK's MIP presolver (default `true`). Forced off when ``warmStart`` is given
    /// (the root LP is then solved with the simplex first). LPs are always solved without presolve,
    /// so that infeasible and unbounded are told apart and duals come from the original rows.
    public var presolve: Bool
    /// Scale rows and columns (GLPK's automatic scaling, as `glpsol` does by default) before the
    /// simplex; a MIP's node LPs keep the scaling (default `false`). On the in-flight model of
    /// 120 × 40 × 26 it makes the LP relaxation 3× faster (Docs/formulation.md).
    public var scaling: Bool
    /// Solve an LP (``GLPK/solveRelaxation(_:options:)``) with GLPK's LP presolver (default
    /// `false`): much faster on large models (the in-flight model of 120 × 40 × 26: 5.7 s instead of
    /// 32 s), but an infeasible or unbounded LP is then a ``SolverError`` instead of a termination.
    public var linearPresolve: Bool
    /// Enable Gomory, MIR, cover and clique cuts (default `false`).
    public var cuts: Bool
    /// Which fractional variable a MIP search branches on (default: GLPK's, Driebeck–Tomlin).
    public var branching: Branching
    /// Which open node a MIP search explores next (default: GLPK's, best local bound).
    public var nodeSelection: NodeSelection
    /// A value for every variable (index order), offered to GLPK as the first incumbent.
    ///
    /// Integer and binary values are rounded. The solution is checked against
    /// bounds and constraints first (GLPK does not check it); an infeasible
    /// warm start is not used (``SolveResult/warmStartAccepted`` is `false`, and a warning is logged).
    /// A wrong number of values is an ``SolverError/Code/invalidOptions`` error. MIP only.
    public var warmStart: [Double]?
    /// Solutions found elsewhere while a MIP search runs (another search sharing the problem),
    /// asked for at each of GLPK's heuristic points on the solving thread: it returns a value for
    /// every variable when it has a solution it has not offered before, `nil` otherwise, and must
    /// return quickly. Each solution is checked against bounds and constraints (integers rounded)
    /// and given to GLPK, which keeps it when it beats its incumbent; an infeasible one is dropped.
    /// Presolve is then off (as for ``warmStart``). MIP only.
    public var offers: (@Sendable () -> [Double]?)?
    /// Called during a MIP search (on the solving thread) with the incumbent, bound and gap:
    /// at each new incumbent and at most every ``progressInterval`` seconds otherwise.
    /// It must return quickly and must not start another solve on the same thread.
    public var progress: (@Sendable (SolveProgress) -> Void)?
    /// Minimum time between two ``progress`` calls without a new incumbent (seconds, default 0.1).
    public var progressInterval: Double
    /// Ends the search when cancelled (checked at every branch-and-bound callback,
    /// and before each phase). The current Swift task's cancellation is honoured too.
    public var cancellation: CancellationToken?
    /// When set, GLPK's terminal output is sent here at `.debug` level (one message per line).
    public var logger: Logger?
    /// Ends a MIP search once this many branch-and-bound nodes exist (`nil`: none).
    /// Unlike a time limit it is deterministic: the same model stops at the same point on any
    /// machine. When reached, the result is ``Termination/nodeLimit(hasSolution:)``.
    public var nodeLimit: Int?

    /// Options with the given values; the defaults solve to optimality quietly.
    public init(
        timeLimit: Double? = nil,
        relativeGap: Double = 1e-6,
        presolve: Bool = true,
        scaling: Bool = false,
        linearPresolve: Bool = false,
        cuts: Bool = false,
        branching: Branching = .driebeckTomlin,
        nodeSelection: NodeSelection = .bestLocalBound,
        warmStart: [Double]? = nil,
        progress: (@Sendable (SolveProgress) -> Void)? = nil,
        progressInterval: Double = 0.1,
        cancellation: CancellationToken? = nil,
        logger: Logger? = nil,
        nodeLimit: Int? = nil
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.scaling = scaling
        self.linearPresolve = linearPresolve
        self.cuts = cuts
        self.branching = branching
        self.nodeSelection = nodeSelection
        self.warmStart = warmStart
        self.progress = progress
        self.progressInterval = progressInterval
        self.cancellation = cancellation
        self.logger = logger
        self.nodeLimit = nodeLimit
    }
}

/// Branching rules of GLPK's branch and bound (`br_tech`).
public enum Branching: Sendable, Hashable, CaseIterable {
    /// The first fractional variable.
    case firstFractional
    /// The last fractional variable.
    case lastFractional
    /// The most fractional variable.
    case mostFractional
    /// Driebeck and Tomlin's penalty heuristic (GLPK's default).
    case driebeckTomlin
    /// Hybrid pseudo-cost branching: learns which variables move the bound; often finds better
    /// solutions sooner on models with many similar binaries.
    case hybridPseudocost
    /// The fractional variable whose objective coefficient times its distance to the nearest
    /// integer is largest (chosen in the callback; GLPK's default where none is fractional). It
    /// settles the decisions worth most first: on relaxations whose integers are start binaries
    /// worth a project's value it closes the bound faster than Driebeck and Tomlin's rule.
    case objectiveWeighted
}

/// Node selection (backtracking) rules of GLPK's branch and bound (`bt_tech`).
public enum NodeSelection: Sendable, Hashable, CaseIterable {
    /// Depth first.
    case depthFirst
    /// Breadth first.
    case breadthFirst
    /// The node with the best local bound (GLPK's default).
    case bestLocalBound
    /// The best projection heuristic.
    case bestProjection
}

/// A snapshot of a MIP search, passed to ``SolveOptions/progress``.
public struct SolveProgress: Sendable {
    /// Objective of the best solution found so far, if any.
    public var incumbent: Double?
    /// Best bound on the optimum (a lower bound when minimising, an upper bound when maximising), if known.
    public var bound: Double?
    /// Relative gap `|incumbent − bound| / (|incumbent| + ε)`, when both are known.
    public var gap: Double?
    /// Seconds since the solve started.
    public var elapsed: Double
    /// Branch-and-bound nodes created so far.
    public var nodes: Int

    /// A snapshot with the given values.
    public init(incumbent: Double?, bound: Double?, gap: Double?, elapsed: Double, nodes: Int) {
        self.incumbent = incumbent
        self.bound = bound
        self.gap = gap
        self.elapsed = elapsed
        self.nodes = nodes
    }
}

/// A flag that asks a running solve to stop. Thread-safe: cancel from any thread.
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)

    /// A token that is not cancelled.
    public init() {}

    /// Asks every solve using this token to stop. Idempotent.
    public func cancel() {
        flag.store(true, ordering: .releasing)
    }

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool {
        flag.load(ordering: .acquiring)
    }
}
