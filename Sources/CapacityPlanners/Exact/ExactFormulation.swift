// The scenario as a mixed-integer program (Docs/formulation.md gives the mathematics).
#if GLPK
package import CapacityPlanning
package import Optimization

/// The integer program of a planning problem, with the maps needed to read a plan back.
///
/// Only variables that can matter are created: a start variable per start in the
/// project's `startRange`, an hours variable per eligible person, demand and period
/// in which the demand can be positive and the person has capacity. Concurrency and
/// assignment-pair binaries exist only where the limit or penalty can bind.
///
/// - Complexity: O(eligible cells + Σ_j |starts_j|·duration_j·demands_j) to build.
package struct ExactFormulation: Sendable {
    /// The model to hand to GLPK (maximised). Its objective includes `objectiveConstant`.
    package private(set) var model: Model
    /// Constant part of the objective (unmet, change and start-change penalties at zero decisions),
    /// already included in `model`'s objective (GLPK's objective constant).
    package private(set) var objectiveConstant: Double = 0
    /// Start binaries: `starts[j]` maps a start period to its variable.
    package private(set) var starts: [[Int: Variable]]
    /// Hours variables by cell.
    package private(set) var hours: [CellKey: Variable] = [:]
    /// Concurrency binaries w(p, j, t), keyed by (person, project, period).
    package private(set) var works: [WorkKey: Variable] = [:]
    /// Assignment-pair binaries v(p, j), keyed by person·J + project.
    package private(set) var pairs: [Int: Variable] = [:]
    /// Baseline overlap variables m(p, d, t) = min(x, b).
    package private(set) var overlaps: [CellKey: Variable] = [:]
    /// Elastic slack variables and what each relaxes (elastic models only).
    package private(set) var slacks: [(variable: Variable, label: String, scale: Double)] = []
    /// Which projects the model decides.
    package let free: [Bool]
    /// Coverage rows (rule 5), keyed by demand and period: `Σ_p x(p,d,t) − Σ_s h·z(j,s)`,
    /// `= 0` for non-mandatory projects and `≤ 0` for mandatory ones. Their duals in the LP
    /// relaxation price an hour of the demand's skill (see `ShadowPrices`).
    package private(set) var coverageRows: [DemandPeriod: ConstraintRef] = [:]

    /// A (demand, period) key.
    package struct DemandPeriod: Hashable, Sendable {
        /// The demand's dense index.
        package let demand: Int
        /// The period.
        package let period: Int

        /// Creates a key.
        package init(demand: Int, period: Int) {
            self.demand = demand
            self.period = period
        }
    }

    /// A (person, project, period) key.
    package struct WorkKey: Hashable, Sendable {
        /// The person.
        package let person: Int
        /// The project.
        package let project: Int
        /// The period.
        package let period: Int
    }

    /// Builds the model of `problem`.
    ///
    /// - Parameters:
    ///   - names: name every row and column (for export; costs time on big models).
    ///   - elastic: relax pins, budgets and required selections with penalised slacks and
    ///     minimise their total (used to diagnose an infeasible problem).
    ///   - scope: what the model decides; the whole problem by default (see `ModelScope`).
    ///   - shape: the exact model, or a relaxation of it (see `ModelShape`).
    package init(problem: PlanningProblem, scope: ModelScope? = nil, names: Bool = false, elastic: Bool = false,
                 shape: ModelShape = .exact) {
        var builder = ExactModelBuilder(problem: problem, scope: scope ?? .full(problem), names: names, elastic: elastic,
                                        shape: shape)
        builder.build()
        self.model = builder.model
        self.objectiveConstant = builder.constant
        self.starts = builder.starts
        self.hours = builder.hours
        self.works = builder.works
        self.pairs = builder.pairs
        self.overlaps = builder.overlaps
        self.slacks = builder.slacks
        self.free = builder.scope.free
        self.coverageRows = builder.coverageRows
    }

    /// `allocation` with the free projects' starts and hours replaced by `part`'s.
    package func merging(_ part: Allocation, into allocation: Allocation, problem: PlanningProblem) -> Allocation {
        var result = allocation
        for j in free.indices where free[j] { result.starts[j] = part.starts[j] }
        result.hours = result.hours.filter { !free[problem.demands[$0.key.demand].project] }
        for (cell, h) in part.hours { result.hours[cell] = h }
        return result
    }

    /// The model's size.
    package var size: ModelSize {
        ModelSize(rows: model.constraintCount, columns: model.variableCount,
                  nonZeros: model.nonZeroCount, binaries: model.integerCount)
    }

    /// Values for every variable that reproduce `allocation`, or `nil` when the
    /// allocation uses a cell or start the model does not have.
    ///
    /// With a scope, only the free projects' starts and hours are read.
    package func values(for allocation: Allocation, problem: PlanningProblem) -> [Double]? {
        var x = [Double](repeating: 0, count: model.variableCount)
        for (j, start) in allocation.starts.enumerated() {
            guard let start, free[j] else { continue }
            guard let v = starts[j][start] else { return nil }
            x[v.index] = 1
        }
        var projectsAt: [WorkKey: Double] = [:]
        var pairHours: [Int: Double] = [:]
        for (cell, h) in allocation.hours where h > 0 && free[problem.demands[cell.demand].project] {
            guard let v = hours[cell] else { return nil }
            x[v.index] = h
            let j = problem.demands[cell.demand].project
            projectsAt[WorkKey(person: cell.person, project: j, period: cell.period), default: 0] += h
            pairHours[cell.person * max(1, problem.projects.count) + j, default: 0] += h
        }
        for (key, v) in works { x[v.index] = (projectsAt[key] ?? 0) > 0 ? 1 : 0 }
        for (key, v) in pairs { x[v.index] = (pairHours[key] ?? 0) > 0 ? 1 : 0 }
        for (cell, v) in overlaps {
            x[v.index] = min(allocation.hours[cell] ?? 0, problem.baseline.hours[cell] ?? 0)
        }
        return x
    }

    /// Reads the free projects' starts and hours from solver values (fixed projects are left
    /// unselected: merge with `merging(_:into:problem:)`): starts where a start binary is set,
    /// hours cleaned of numerical noise (below 1e-7 → 0; within 1e-7 of a whole number → that number).
    package func allocation(from values: [Double], problem: PlanningProblem) -> Allocation {
        var result = Allocation(projectCount: problem.projects.count)
        for (j, map) in starts.enumerated() {
            for (start, v) in map where values[v.index] > 0.5 { result.starts[j] = start }
        }
        for (cell, v) in hours {
            let raw = values[v.index]
            guard raw >= 1e-7 else { continue }
            let whole = raw.rounded()
            result.hours[cell] = abs(raw - whole) < 1e-7 ? whole : (raw * 1e9).rounded() / 1e9
        }
        return result
    }
}
#endif
