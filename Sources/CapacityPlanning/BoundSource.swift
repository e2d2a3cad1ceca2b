// Where a plan's bound comes from, so that a gap can be read honestly.

/// What proves a plan's bound (Docs/formulation.md, "Bounds"); encoded as the plan's
/// `details.boundSource`.
public enum BoundSource: String, Sendable, Equatable, Codable, CaseIterable {
    /// The plan is proven optimal: the bound is its own objective.
    case optimum = "optimum"
    /// GLPK's branch and bound on the exact model (its best open node).
    case branchAndBound = "branch-and-bound"
    /// Branch and bound on the selection relaxation (focus limits left out, start binaries
    /// integral, staffing continuous). Plans of earlier versions carry it; the search now
    /// computes the class relaxation instead.
    case selectionRelaxation = "selection-relaxation"
    /// Branch and bound on the pooled relaxation (people pooled per demand at the cheapest
    /// qualified rate, limited by what each group of qualified people can supply together).
    case pooledRelaxation = "pooled-relaxation"
    /// Branch and bound on the class relaxation (the selection relaxation with the demands that
    /// the same people qualify for merged, people kept).
    case classRelaxation = "class-relaxation"
    /// The LP relaxation of the exact model.
    case linearRelaxation = "lp-relaxation"
    /// Lagrangian relaxation of people's capacity and the portfolio budget.
    case lagrangian = "lagrangian"
    /// Every project that could pay for its cheapest staffing, people unlimited.
    case peopleUnlimited = "people-unlimited"

    /// The source in words, for text output.
    public var description: String {
        switch self {
        case .optimum: "proof of optimality"
        case .branchAndBound: "GLPK branch and bound"
        case .selectionRelaxation: "branch and bound on the selection relaxation"
        case .pooledRelaxation: "branch and bound on the pooled relaxation"
        case .classRelaxation: "branch and bound on the class relaxation"
        case .linearRelaxation: "LP relaxation"
        case .lagrangian: "Lagrangian relaxation"
        case .peopleUnlimited: "people unlimited"
        }
    }
}
