// Which model of a problem to build: the exact one, or a relaxation that bounds it.

/// The shape of the integer program built for a problem (Docs/formulation.md, "Bounds").
package struct ModelShape: Sendable, Equatable {
    /// Leave out the focus limits (people's `maxConcurrentProjects`) and the assignment penalty:
    /// a relaxation (every plan stays feasible and its objective can only rise) whose LP GLPK
    /// solves in seconds where the exact model's takes minutes.
    package var dropsFocusLimits: Bool
    /// Add the aggregated supply rows per period and skill and the budget cover row on the start
    /// binaries (implied by the LP; they give branch and cut knapsack rows to cut on).
    package var aggregatedRows: Bool
    /// Pool the people: one hours variable per demand and period instead of one per person,
    /// paid at the demand's cheapest qualified rate and limited, for every group of demands,
    /// by what the people qualified for any of them can supply together (Docs/formulation.md,
    /// "The pooled relaxation"). Person-level rules — pins, change penalties, balance by cost —
    /// are left out. A relaxation a fraction of the selection relaxation's size.
    package var poolsPeople: Bool = false
    /// Merge the demands that the same people qualify for into one class, people kept: hours
    /// x(p,c,t) per person, class and period (Docs/formulation.md, "The class relaxation").
    /// Exact for coverage, capacity, cost and budgets; pins and the change penalty are counted on
    /// class totals and balance rules measured in cost are left out (relaxations). Implies no
    /// focus limits.
    package var poolsDemands: Bool = false

    /// The exact model.
    package static let exact = ModelShape(dropsFocusLimits: false, aggregatedRows: false)
    /// The relaxation the selection bound searches: focus limits out, aggregated rows in.
    package static let selectionRelaxation = ModelShape(dropsFocusLimits: true, aggregatedRows: true)
    /// The pooled relaxation: the starts with people pooled per demand (implies no focus limits).
    package static let pooledRelaxation = ModelShape(dropsFocusLimits: true, aggregatedRows: true, poolsPeople: true)
    /// The class relaxation: the selection relaxation with demands merged by who can do them.
    package static let classRelaxation = ModelShape(dropsFocusLimits: true, aggregatedRows: true, poolsDemands: true)
}
