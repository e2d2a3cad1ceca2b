/// A decision variable of a ``Model``.
///
/// A variable is a small value: the position of its column in the model
/// (``index``) plus the identity of the model that made it, so that a
/// variable passed to another model is reported by ``Model/validate()``
/// instead of silently naming a different column.
public struct Variable: Hashable, Sendable {
    /// Position of the variable in ``Model/variables`` (0-based).
    public let index: Int
    /// Identity of the model that created the variable.
    let modelID: UInt64

    init(index: Int, modelID: UInt64) {
        self.index = index
        self.modelID = modelID
    }
}

/// The domain of a ``Variable``.
public enum VariableKind: Sendable, Hashable {
    /// Any real value between the bounds.
    case continuous
    /// Any integer value between the bounds.
    case integer
    /// 0 or 1 (an integer variable whose bounds are clamped to `0...1`).
    case binary
}

/// A reference to a constraint (a row) of a ``Model``.
public struct ConstraintRef: Hashable, Sendable {
    /// Position of the constraint in the model (0-based), also its index in ``SolveResult/duals``.
    public let index: Int
    /// Identity of the model that created the constraint.
    let modelID: UInt64

    init(index: Int, modelID: UInt64) {
        self.index = index
        self.modelID = modelID
    }
}

/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: Sendable, Hashable {
    /// Find the smallest objective value.
    case minimize
    /// Find the largest objective value.
    case maximize
}
