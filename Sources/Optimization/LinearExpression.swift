/// An affine expression `constant + Σ coefficient · variable`.
///
/// Built with the arithmetic operators on ``Variable``, `Double` and
/// expressions (`3 * x + 2 * y - 1`), or with the `sum(_:)`
/// helpers. A variable may appear in ``terms`` more than once; the
/// coefficients add up, and duplicates are merged when the expression is
/// added to a ``Model``.
///
/// - Complexity: `+` and `+=` append terms, O(terms of the right operand).
public struct LinearExpression: Sendable {
    /// The terms in the order they were added; a variable may appear more than once.
    public var terms: [(variable: Variable, coefficient: Double)]
    /// The constant part.
    public var constant: Double

    /// The expression `0`.
    public init() {
        self.terms = []
        self.constant = 0
    }

    /// An expression with the given terms and constant.
    public init(terms: [(variable: Variable, coefficient: Double)], constant: Double = 0) {
        self.terms = terms
        self.constant = constant
    }

    /// The expression `1 · variable`.
    public init(_ variable: Variable) {
        self.terms = [(variable, 1)]
        self.constant = 0
    }

    /// The constant expression `constant`.
    public init(_ constant: Double) {
        self.terms = []
        self.constant = constant
    }

    /// The coefficient of `variable` (the sum of its terms; 0 when absent).
    ///
    /// - Complexity: O(number of terms).
    public func coefficient(of variable: Variable) -> Double {
        var total = 0.0
        for term in terms where term.variable == variable {
            total += term.coefficient
        }
        return total
    }

    /// The same expression with one term per variable (in order of first
    /// appearance) and no zero coefficients.
    ///
    /// - Complexity: O(number of terms).
    public func simplified() -> LinearExpression {
        var position: [Variable: Int] = [:]
        var merged: [(variable: Variable, coefficient: Double)] = []
        merged.reserveCapacity(terms.count)
        for term in terms {
            if let at = position[term.variable] {
                merged[at].coefficient += term.coefficient
            } else {
                position[term.variable] = merged.count
                merged.append(term)
            }
        }
        merged.removeAll { $0.coefficient == 0 }
        return LinearExpression(terms: merged, constant: constant)
    }

    /// The value of the expression for the given variable values (indexed by ``Variable/index``).
    ///
    /// Returns NaN when a variable's index is outside `values`.
    public func evaluate(_ values: [Double]) -> Double {
        var total = constant
        for term in terms {
            guard values.indices.contains(term.variable.index) else { return .nan }
            total += term.coefficient * values[term.variable.index]
        }
        return total
    }

    /// The sum of the variables, each with coefficient 1.
    public static func sum(_ variables: some Sequence<Variable>) -> LinearExpression {
        var result = LinearExpression()
        for variable in variables {
            result.terms.append((variable, 1))
        }
        return result
    }

    /// The sum of the expressions.
    public static func sum(_ expressions: some Sequence<LinearExpression>) -> LinearExpression {
        var result = LinearExpression()
        for expression in expressions {
            result += expression
        }
        return result
    }

    /// `Σ coefficients[k] · variables[k]` over the common prefix of both arrays.
    public static func weightedSum(_ variables: [Variable], _ coefficients: [Double]) -> LinearExpression {
        let count = min(variables.count, coefficients.count)
        var result = LinearExpression()
        result.terms.reserveCapacity(count)
        for k in 0..<count {
            result.terms.append((variables[k], coefficients[k]))
        }
        return result
    }

    /// `Σ coefficient(element) · variable(element)` over a sequence.
    public static func sum<S: Sequence>(
        _ elements: S,
        _ term: (S.Element) throws -> (Variable, Double)
    ) rethrows -> LinearExpression {
        var result = LinearExpression()
        for element in elements {
            let (variable, coefficient) = try term(element)
            result.terms.append((variable, coefficient))
        }
        return result
    }
}

extension LinearExpression: ExpressibleByFloatLiteral {
    /// A constant expression from a literal such as `2.5`.
    public init(floatLiteral value: Double) {
        self.init(value)
    }
}

extension LinearExpression: ExpressibleByIntegerLiteral {
    /// A constant expression from a literal such as `3`.
    public init(integerLiteral value: Int) {
        self.init(Double(value))
    }
}

extension LinearExpression: CustomStringConvertible {
    /// The expression as text, variables written `x<index>`.
    public var description: String {
        var parts: [String] = []
        for term in terms {
            parts.append("\(term.coefficient) * x\(term.variable.index)")
        }
        if constant != 0 || parts.isEmpty {
            parts.append("\(constant)")
        }
        return parts.joined(separator: " + ")
    }
}
