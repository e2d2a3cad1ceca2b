// Arithmetic on variables, numbers and expressions. Every operator returns a
// new ``LinearExpression``; nothing is simplified until the expression is
// added to a model.

extension LinearExpression {
    /// The sum of two expressions.
    @_disfavoredOverload
    public static func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result += rhs
        return result
    }

    /// The expression plus a variable.
    @_disfavoredOverload
    public static func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var result = lhs
        result.terms.append((rhs, 1))
        return result
    }

    /// A variable plus the expression.
    @_disfavoredOverload
    public static func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        var result = rhs
        result.terms.insert((lhs, 1), at: 0)
        return result
    }

    /// The expression plus a constant.
    public static func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var result = lhs
        result.constant += rhs
        return result
    }

    /// A constant plus the expression.
    public static func + (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        rhs + lhs
    }

    /// The difference of two expressions.
    @_disfavoredOverload
    public static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result -= rhs
        return result
    }

    /// The expression minus a variable.
    @_disfavoredOverload
    public static func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var result = lhs
        result.terms.append((rhs, -1))
        return result
    }

    /// A variable minus the expression.
    @_disfavoredOverload
    public static func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        LinearExpression(lhs) - rhs
    }

    /// The expression minus a constant.
    public static func - (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var result = lhs
        result.constant -= rhs
        return result
    }

    /// A constant minus the expression.
    public static func - (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        -rhs + lhs
    }

    /// The negated expression.
    public static prefix func - (operand: LinearExpression) -> LinearExpression {
        operand * -1
    }

    /// The expression scaled by a constant.
    public static func * (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var result = lhs
        result *= rhs
        return result
    }

    /// The expression scaled by a constant.
    public static func * (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        rhs * lhs
    }

    /// The expression divided by a constant.
    public static func / (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        lhs * (1 / rhs)
    }

    /// Adds an expression in place.
    @_disfavoredOverload
    public static func += (lhs: inout LinearExpression, rhs: LinearExpression) {
        lhs.terms.append(contentsOf: rhs.terms)
        lhs.constant += rhs.constant
    }

    /// Adds a variable in place.
    public static func += (lhs: inout LinearExpression, rhs: Variable) {
        lhs.terms.append((rhs, 1))
    }

    /// Adds a constant in place.
    public static func += (lhs: inout LinearExpression, rhs: Double) {
        lhs.constant += rhs
    }

    /// Subtracts an expression in place.
    @_disfavoredOverload
    public static func -= (lhs: inout LinearExpression, rhs: LinearExpression) {
        lhs.terms.reserveCapacity(lhs.terms.count + rhs.terms.count)
        for term in rhs.terms {
            lhs.terms.append((term.variable, -term.coefficient))
        }
        lhs.constant -= rhs.constant
    }

    /// Subtracts a variable in place.
    public static func -= (lhs: inout LinearExpression, rhs: Variable) {
        lhs.terms.append((rhs, -1))
    }

    /// Subtracts a constant in place.
    public static func -= (lhs: inout LinearExpression, rhs: Double) {
        lhs.constant -= rhs
    }

    /// Scales the expression in place.
    public static func *= (lhs: inout LinearExpression, rhs: Double) {
        for k in lhs.terms.indices {
            lhs.terms[k].coefficient *= rhs
        }
        lhs.constant *= rhs
    }
}

extension Variable {
    /// `lhs + rhs`.
    public static func + (lhs: Variable, rhs: Variable) -> LinearExpression {
        LinearExpression(terms: [(lhs, 1), (rhs, 1)])
    }

    /// `lhs + rhs`.
    public static func + (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression(terms: [(lhs, 1)], constant: rhs)
    }

    /// `lhs + rhs`.
    public static func + (lhs: Double, rhs: Variable) -> LinearExpression {
        LinearExpression(terms: [(rhs, 1)], constant: lhs)
    }

    /// `lhs - rhs`.
    public static func - (lhs: Variable, rhs: Variable) -> LinearExpression {
        LinearExpression(terms: [(lhs, 1), (rhs, -1)])
    }

    /// `lhs - rhs`.
    public static func - (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression(terms: [(lhs, 1)], constant: -rhs)
    }

    /// `lhs - rhs`.
    public static func - (lhs: Double, rhs: Variable) -> LinearExpression {
        LinearExpression(terms: [(rhs, -1)], constant: lhs)
    }

    /// `-1 · operand`.
    public static prefix func - (operand: Variable) -> LinearExpression {
        LinearExpression(terms: [(operand, -1)])
    }

    /// `lhs · rhs`.
    public static func * (lhs: Double, rhs: Variable) -> LinearExpression {
        LinearExpression(terms: [(rhs, lhs)])
    }

    /// `lhs · rhs`.
    public static func * (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression(terms: [(lhs, rhs)])
    }

    /// `lhs / rhs`.
    public static func / (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression(terms: [(lhs, 1 / rhs)])
    }
}
