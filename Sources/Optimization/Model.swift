import Synchronization

/// Source of model identities (so that variables of one model are not used in another).
private let nextModelID = Atomic<UInt64>(1)

/// A linear or mixed-integer program as plain data: variables with bounds and
/// kinds, linear constraints, and a linear objective.
///
/// `Model` is a value type: copying it copies the data (copy-on-write), and
/// a copy shares its identity with the original, so its variables can be
/// used on either (for example to fix some of them in a sub-problem with
/// ``setBounds(_:lower:upper:)``). It is `Sendable` and safe to use from any
/// thread like any other value. Solving happens elsewhere (`GLPK.solve`).
///
/// Constraints are stored row by row in flat arrays (compressed sparse
/// rows), laid out the way GLPK loads them, so a model with a million
/// non-zeros is handed to the solver without per-element work.
///
/// Mutating methods never trap on bad input: invalid numbers and variables
/// of another model are recorded and reported by ``validate()`` (which the
/// solver calls first), naming the variable or constraint.
public struct Model: Sendable {
    /// Identity shared by the variables and constraints of this model.
    let id: UInt64
    /// The model's name (used in exported files).
    public var name: String

    // Columns.
    var columnNames: [String] = []
    var columnKinds: [VariableKind] = []
    /// Lower bounds; -∞ means none.
    var columnLower: [Double] = []
    /// Upper bounds; +∞ means none.
    var columnUpper: [Double] = []
    var objectiveCoefficients: [Double] = []

    /// Whether the objective is minimised or maximised.
    public var objectiveSense: ObjectiveSense = .minimize
    /// The objective's constant term.
    public var objectiveConstant: Double = 0

    // Rows, compressed sparse rows with GLPK's 1-based layout: slot 0 of the
    // entry arrays is unused; row i holds entries rowStarts[i] ..< rowStarts[i + 1];
    // entryColumns holds 1-based column numbers. No duplicates, no zeros in a row.
    var rowStarts: [Int] = [1]
    var entryColumns: [Int32] = [0]
    var entryValues: [Double] = [0]
    /// Row lower bounds; -∞ means none.
    var rowLower: [Double] = []
    /// Row upper bounds; +∞ means none.
    var rowUpper: [Double] = []
    var rowNames: [String] = []

    /// Problems found while building, reported by ``validate()`` (first few only).
    var issues: [ModelError] = []

    /// The number of integer and binary variables.
    public internal(set) var integerCount: Int = 0

    /// An empty model.
    public init(name: String = "") {
        self.id = nextModelID.wrappingAdd(1, ordering: .relaxed).oldValue
        self.name = name
    }

    /// The number of variables (columns).
    public var variableCount: Int { columnKinds.count }

    /// The number of constraints (rows).
    public var constraintCount: Int { rowLower.count }

    /// The number of non-zero constraint coefficients.
    public var nonZeroCount: Int { entryColumns.count - 1 }

    /// All variables, in index order.
    ///
    /// - Complexity: O(``variableCount``).
    public var variables: [Variable] {
        (0..<variableCount).map { Variable(index: $0, modelID: id) }
    }

    /// All constraints, in index order.
    ///
    /// - Complexity: O(``constraintCount``).
    public var constraints: [ConstraintRef] {
        (0..<constraintCount).map { ConstraintRef(index: $0, modelID: id) }
    }

    // MARK: Variables

    /// Adds a variable and returns it.
    ///
    /// - Parameters:
    ///   - name: Optional name, used in error messages and exported files (at most 255 UTF-8 bytes, no control characters).
    ///   - kind: Continuous, integer or binary. A binary variable's bounds are clamped to `0...1`.
    ///   - lowerBound: The lower bound, `nil` (or -∞) for none. Defaults to 0.
    ///   - upperBound: The upper bound, `nil` (or +∞) for none.
    /// - Complexity: Amortised O(1).
    public mutating func addVariable(
        _ name: String = "",
        kind: VariableKind = .continuous,
        lowerBound: Double? = 0,
        upperBound: Double? = nil
    ) -> Variable {
        columnNames.append(name)
        columnKinds.append(kind)
        columnLower.append(lowerBound ?? -.infinity)
        columnUpper.append(upperBound ?? .infinity)
        objectiveCoefficients.append(0)
        if kind != .continuous { integerCount += 1 }
        return Variable(index: columnKinds.count - 1, modelID: id)
    }

    /// Adds a 0-1 variable and returns it.
    public mutating func addBinary(_ name: String = "") -> Variable {
        addVariable(name, kind: .binary, lowerBound: 0, upperBound: 1)
    }

    /// Changes a variable's bounds (`nil` for none), e.g. to fix it in a sub-problem.
    public mutating func setBounds(_ variable: Variable, lower: Double?, upper: Double?) {
        guard owns(variable) else { return recordForeign(variable, "setBounds") }
        columnLower[variable.index] = lower ?? -.infinity
        columnUpper[variable.index] = upper ?? .infinity
    }

    /// Changes a variable's kind.
    public mutating func setKind(_ variable: Variable, _ kind: VariableKind) {
        guard owns(variable) else { return recordForeign(variable, "setKind") }
        let old = columnKinds[variable.index]
        if (old == .continuous) != (kind == .continuous) {
            integerCount += kind == .continuous ? -1 : 1
        }
        columnKinds[variable.index] = kind
    }

    // MARK: Objective

    /// Replaces the objective by `expression` (its constant included) and sets the sense.
    ///
    /// - Complexity: O(``variableCount`` + terms).
    public mutating func setObjective(_ expression: LinearExpression, sense: ObjectiveSense) {
        for j in objectiveCoefficients.indices {
            objectiveCoefficients[j] = 0
        }
        for term in expression.terms {
            guard owns(term.variable) else {
                recordForeign(term.variable, "the objective")
                continue
            }
            objectiveCoefficients[term.variable.index] += term.coefficient
        }
        objectiveConstant = expression.constant
        objectiveSense = sense
    }

    /// Sets one objective coefficient (replacing the previous one).
    ///
    /// - Complexity: O(1).
    public mutating func setObjectiveCoefficient(_ variable: Variable, _ coefficient: Double) {
        guard owns(variable) else { return recordForeign(variable, "setObjectiveCoefficient") }
        objectiveCoefficients[variable.index] = coefficient
    }

    // MARK: Constraints

    /// Adds `constraint` as a row and returns its reference.
    ///
    /// The expression's constant is moved to the bounds; repeated variables
    /// are merged (coefficients added) and zero coefficients dropped.
    ///
    /// - Complexity: O(terms) when the terms are in increasing variable order, O(terms · log terms) otherwise.
    @discardableResult
    public mutating func addConstraint(_ constraint: LinearConstraint, name: String = "") -> ConstraintRef {
        let start = entryColumns.count
        let row = constraintCount
        for term in constraint.expression.terms {
            guard owns(term.variable) else {
                recordForeign(term.variable, "constraint \(rowLabel(row, name))")
                continue
            }
            entryColumns.append(Int32(truncatingIfNeeded: term.variable.index + 1))
            entryValues.append(term.coefficient)
        }
        let constant = constraint.expression.constant
        if !constant.isFinite {
            record(ModelError(
                .invalidCoefficient,
                "constraint \(rowLabel(row, name)) has a non-finite constant \(constant)",
                constraint: ConstraintRef(index: row, modelID: id)))
        }
        let lower = constraint.lower.map { $0 - constant } ?? -.infinity
        let upper = constraint.upper.map { $0 - constant } ?? .infinity
        return finishRow(from: start, lower: lower, upper: upper, name: name)
    }

    /// Adds the row `lower ≤ Σ coefficients[k] · variables[k] ≤ upper` without
    /// building an expression: the fast path for large models.
    ///
    /// Repeated variables are merged and zero coefficients dropped. Arrays of
    /// different lengths are reported by ``validate()`` (the common prefix is used).
    ///
    /// - Complexity: O(count) when `variables` are in increasing index order, O(count · log count) otherwise.
    @discardableResult
    public mutating func addConstraint(
        variables: [Variable],
        coefficients: [Double],
        lower: Double?,
        upper: Double?,
        name: String = ""
    ) -> ConstraintRef {
        let start = entryColumns.count
        let row = constraintCount
        if variables.count != coefficients.count {
            record(ModelError(
                .mismatchedArrays,
                "constraint \(rowLabel(row, name)) has \(variables.count) variables but \(coefficients.count) coefficients",
                constraint: ConstraintRef(index: row, modelID: id)))
        }
        let count = min(variables.count, coefficients.count)
        for k in 0..<count {
            let variable = variables[k]
            guard owns(variable) else {
                recordForeign(variable, "constraint \(rowLabel(row, name))")
                continue
            }
            entryColumns.append(Int32(truncatingIfNeeded: variable.index + 1))
            entryValues.append(coefficients[k])
        }
        return finishRow(from: start, lower: lower ?? -.infinity, upper: upper ?? .infinity, name: name)
    }

    /// Changes a constraint's bounds (`nil` for none).
    public mutating func setBounds(_ constraint: ConstraintRef, lower: Double?, upper: Double?) {
        guard owns(constraint) else {
            return record(ModelError(
                .foreignConstraint,
                "constraint #\(constraint.index) passed to setBounds belongs to another model",
                constraint: constraint))
        }
        rowLower[constraint.index] = lower ?? -.infinity
        rowUpper[constraint.index] = upper ?? .infinity
    }

    // MARK: Reading

    /// The variable's name, or `nil` if it belongs to another model.
    public func name(of variable: Variable) -> String? {
        owns(variable) ? columnNames[variable.index] : nil
    }

    /// The variable's kind, or `nil` if it belongs to another model.
    public func kind(of variable: Variable) -> VariableKind? {
        owns(variable) ? columnKinds[variable.index] : nil
    }

    /// The variable's bounds as set (`nil` for none), or `nil` if it belongs to another model.
    public func bounds(of variable: Variable) -> (lower: Double?, upper: Double?)? {
        guard owns(variable) else { return nil }
        return (lowerBound(columnLower[variable.index]), upperBound(columnUpper[variable.index]))
    }

    /// The variable's objective coefficient, or `nil` if it belongs to another model.
    public func objectiveCoefficient(of variable: Variable) -> Double? {
        owns(variable) ? objectiveCoefficients[variable.index] : nil
    }

    /// The objective as an expression (non-zero coefficients only).
    public var objective: LinearExpression {
        var expression = LinearExpression(objectiveConstant)
        for (j, coefficient) in objectiveCoefficients.enumerated() where coefficient != 0 {
            expression.terms.append((Variable(index: j, modelID: id), coefficient))
        }
        return expression
    }

    /// The variable at `index`, or `nil` if out of range.
    public func variable(at index: Int) -> Variable? {
        (0..<variableCount).contains(index) ? Variable(index: index, modelID: id) : nil
    }

    /// The first variable with this name, or `nil`.
    ///
    /// - Complexity: O(``variableCount``).
    public func variable(named name: String) -> Variable? {
        columnNames.firstIndex(of: name).map { Variable(index: $0, modelID: id) }
    }

    /// The first constraint with this name, or `nil`.
    ///
    /// - Complexity: O(``constraintCount``).
    public func constraint(named name: String) -> ConstraintRef? {
        rowNames.firstIndex(of: name).map { ConstraintRef(index: $0, modelID: id) }
    }

    /// The constraint's name, or `nil` if it belongs to another model.
    public func name(of constraint: ConstraintRef) -> String? {
        owns(constraint) ? rowNames[constraint.index] : nil
    }

    /// The constraint's bounds (constant moved in; `nil` for none), or `nil` if it belongs to another model.
    public func bounds(of constraint: ConstraintRef) -> (lower: Double?, upper: Double?)? {
        guard owns(constraint) else { return nil }
        return (lowerBound(rowLower[constraint.index]), upperBound(rowUpper[constraint.index]))
    }

    /// The constraint's left-hand side (merged terms, no constant), or `nil` if it belongs to another model.
    public func expression(of constraint: ConstraintRef) -> LinearExpression? {
        guard owns(constraint) else { return nil }
        var expression = LinearExpression()
        for k in rowStarts[constraint.index]..<rowStarts[constraint.index + 1] {
            expression.terms.append((Variable(index: Int(entryColumns[k]) - 1, modelID: id), entryValues[k]))
        }
        return expression
    }

    // MARK: Internals

    func owns(_ variable: Variable) -> Bool {
        variable.modelID == id && variable.index >= 0 && variable.index < variableCount
    }

    func owns(_ constraint: ConstraintRef) -> Bool {
        constraint.modelID == id && constraint.index >= 0 && constraint.index < constraintCount
    }

    private func lowerBound(_ value: Double) -> Double? {
        value == -.infinity ? nil : value
    }

    private func upperBound(_ value: Double) -> Double? {
        value == .infinity ? nil : value
    }

    mutating func record(_ issue: ModelError) {
        if issues.count < 16 { issues.append(issue) }
    }

    private mutating func recordForeign(_ variable: Variable, _ place: String) {
        let reason = variable.modelID == id ? "is out of range" : "belongs to another model"
        record(ModelError(
            .foreignVariable,
            "variable #\(variable.index) used in \(place) \(reason)",
            variable: variable))
    }

    /// Closes the row whose entries start at `start`: merges repeated columns, drops zeros.
    private mutating func finishRow(from start: Int, lower: Double, upper: Double, name: String) -> ConstraintRef {
        normalizeEntries(from: start)
        rowStarts.append(entryColumns.count)
        rowLower.append(lower)
        rowUpper.append(upper)
        rowNames.append(name)
        return ConstraintRef(index: rowLower.count - 1, modelID: id)
    }

    private mutating func normalizeEntries(from start: Int) {
        let end = entryColumns.count
        var sorted = true
        var hasZero = false
        for k in start..<end {
            if entryValues[k] == 0 { hasZero = true }
            if k > start && entryColumns[k] <= entryColumns[k - 1] { sorted = false }
        }
        if sorted && !hasZero { return }
        var pairs = (start..<end).map { (column: entryColumns[$0], value: entryValues[$0]) }
        if !sorted { pairs.sort { $0.column < $1.column } }
        entryColumns.removeSubrange(start...)
        entryValues.removeSubrange(start...)
        var k = 0
        while k < pairs.count {
            let column = pairs[k].column
            var value = pairs[k].value
            k += 1
            while k < pairs.count && pairs[k].column == column {
                value += pairs[k].value
                k += 1
            }
            if value != 0 {
                entryColumns.append(column)
                entryValues.append(value)
            }
        }
    }

    func rowLabel(_ row: Int, _ name: String) -> String {
        name.isEmpty ? "#\(row)" : "'\(name)' (#\(row))"
    }

    func columnLabel(_ column: Int) -> String {
        let name = columnNames[column]
        return name.isEmpty ? "#\(column)" : "'\(name)' (#\(column))"
    }
}
