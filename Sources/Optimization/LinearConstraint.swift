/// A linear constraint `lower ≤ expression ≤ upper`.
///
/// `nil` means no bound on that side. The expression's constant counts:
/// `x + 3 <= 5` keeps the expression `x + 3` with upper bound 5, and the
/// model stores the row `x ≤ 2`.
///
/// Build constraints with `<=` and `>=` (`3 * x + 2 * y <= 18`),
/// `LinearConstraint.equal(_:_:)` and ``range(_:_:)``. There is deliberately no `==`
/// overload. Comparing two expressions moves everything to the left side:
/// `a <= b` is `a - b <= 0`. A number on the left keeps the expression:
/// `5 <= a` is `a >= 5`.
public struct LinearConstraint: Sendable {
    /// The constrained expression (its constant included).
    public var expression: LinearExpression
    /// The lower bound, or `nil` for none.
    public var lower: Double?
    /// The upper bound, or `nil` for none.
    public var upper: Double?

    /// The constraint `lower ≤ expression ≤ upper`.
    public init(_ expression: LinearExpression, lower: Double?, upper: Double?) {
        self.expression = expression
        self.lower = lower
        self.upper = upper
    }

    /// `expression = value`.
    public static func equal(_ expression: LinearExpression, _ value: Double) -> LinearConstraint {
        LinearConstraint(expression, lower: value, upper: value)
    }

    /// `variable = value`.
    public static func equal(_ variable: Variable, _ value: Double) -> LinearConstraint {
        LinearConstraint(LinearExpression(variable), lower: value, upper: value)
    }

    /// `lhs - rhs = 0`.
    @_disfavoredOverload
    public static func equal(_ lhs: LinearExpression, _ rhs: LinearExpression) -> LinearConstraint {
        LinearConstraint(lhs - rhs, lower: 0, upper: 0)
    }

    /// `range.lowerBound ≤ expression ≤ range.upperBound`.
    public static func range(_ expression: LinearExpression, _ range: ClosedRange<Double>) -> LinearConstraint {
        LinearConstraint(expression, lower: range.lowerBound, upper: range.upperBound)
    }

    /// `range.lowerBound ≤ variable ≤ range.upperBound`.
    public static func range(_ variable: Variable, _ range: ClosedRange<Double>) -> LinearConstraint {
        LinearConstraint(LinearExpression(variable), lower: range.lowerBound, upper: range.upperBound)
    }
}

extension LinearExpression {
    /// `lhs ≤ rhs`.
    public static func <= (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
        LinearConstraint(lhs, lower: nil, upper: rhs)
    }

    /// `lhs ≥ rhs`.
    public static func >= (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
        LinearConstraint(lhs, lower: rhs, upper: nil)
    }

    /// `rhs ≥ lhs` (the expression stays as written).
    public static func <= (lhs: Double, rhs: LinearExpression) -> LinearConstraint {
        LinearConstraint(rhs, lower: lhs, upper: nil)
    }

    /// `rhs ≤ lhs` (the expression stays as written).
    public static func >= (lhs: Double, rhs: LinearExpression) -> LinearConstraint {
        LinearConstraint(rhs, lower: nil, upper: lhs)
    }

    /// `lhs - rhs ≤ 0`.
    @_disfavoredOverload
    public static func <= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        LinearConstraint(lhs - rhs, lower: nil, upper: 0)
    }

    /// `lhs - rhs ≥ 0`.
    @_disfavoredOverload
    public static func >= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        LinearConstraint(lhs - rhs, lower: 0, upper: nil)
    }

    /// `lhs - rhs ≤ 0`.
    @_disfavoredOverload
    public static func <= (lhs: LinearExpression, rhs: Variable) -> LinearConstraint {
        LinearConstraint(lhs - rhs, lower: nil, upper: 0)
    }

    /// `lhs - rhs ≥ 0`.
    @_disfavoredOverload
    public static func >= (lhs: LinearExpression, rhs: Variable) -> LinearConstraint {
        LinearConstraint(lhs - rhs, lower: 0, upper: nil)
    }

    /// `lhs - rhs ≤ 0`.
    @_disfavoredOverload
    public static func <= (lhs: Variable, rhs: LinearExpression) -> LinearConstraint {
        LinearConstraint(lhs - rhs, lower: nil, upper: 0)
    }

    /// `lhs - rhs ≥ 0`.
    @_disfavoredOverload
    public static func >= (lhs: Variable, rhs: LinearExpression) -> LinearConstraint {
        LinearConstraint(lhs - rhs, lower: 0, upper: nil)
    }
}

extension Variable {
    /// `lhs ≤ rhs`.
    public static func <= (lhs: Variable, rhs: Double) -> LinearConstraint {
        LinearConstraint(LinearExpression(lhs), lower: nil, upper: rhs)
    }

    /// `lhs ≥ rhs`.
    public static func >= (lhs: Variable, rhs: Double) -> LinearConstraint {
        LinearConstraint(LinearExpression(lhs), lower: rhs, upper: nil)
    }

    /// `rhs ≥ lhs`.
    public static func <= (lhs: Double, rhs: Variable) -> LinearConstraint {
        LinearConstraint(LinearExpression(rhs), lower: lhs, upper: nil)
    }

    /// `rhs ≤ lhs`.
    public static func >= (lhs: Double, rhs: Variable) -> LinearConstraint {
        LinearConstraint(LinearExpression(rhs), lower: nil, upper: lhs)
    }

    /// `lhs - rhs ≤ 0`.
    public static func <= (lhs: Variable, rhs: Variable) -> LinearConstraint {
        LinearConstraint(lhs - rhs, lower: nil, upper: 0)
    }

    /// `lhs - rhs ≥ 0`.
    public static func >= (lhs: Variable, rhs: Variable) -> LinearConstraint {
        LinearConstraint(lhs - rhs, lower: 0, upper: nil)
    }
}
