extension Model {
    /// GLPK's limits (glpk.h: M_MAX, N_MAX, NNZ_MAX), also bounded by 32-bit indices.
    static let maximumRows = 100_000_000
    static let maximumColumns = 100_000_000
    static let maximumNonZeros = 500_000_000

    /// Checks that the model can be handed to a solver.
    ///
    /// Reports, naming the variable or constraint (its name when it has one, and its index):
    /// - NaN or infinite coefficients and constants (``ModelError/Code/invalidCoefficient``);
    /// - NaN bounds, a lower bound of +∞ or an upper bound of −∞ (``ModelError/Code/invalidBound``);
    ///   −∞ / +∞ on the natural side mean "no bound" and are fine;
    /// - a lower bound above the upper bound (``ModelError/Code/invertedBounds``);
    /// - a variable of another model used in this one (``ModelError/Code/foreignVariable``);
    /// - names over 255 UTF-8 bytes or with control characters (``ModelError/Code/invalidName``);
    /// - constraint arrays of different lengths (``ModelError/Code/mismatchedArrays``);
    /// - sizes over GLPK's limits (``ModelError/Code/tooLarge``).
    ///
    /// Repeated variables in one constraint are not an error: they were merged when the row was added.
    ///
    /// - Complexity: O(variables + constraints + non-zeros).
    public func validate() throws(ModelError) {
        if let first = issues.first { throw first }
        if variableCount > Self.maximumColumns || constraintCount > Self.maximumRows
            || nonZeroCount > Self.maximumNonZeros {
            throw ModelError(
                .tooLarge,
                "model has \(variableCount) variables, \(constraintCount) constraints and \(nonZeroCount) non-zeros; "
                    + "GLPK allows at most \(Self.maximumColumns), \(Self.maximumRows) and \(Self.maximumNonZeros)")
        }
        if let problem = Self.nameProblem(name) {
            throw ModelError(.invalidName, "model name \(problem)")
        }
        if !objectiveConstant.isFinite {
            throw ModelError(.invalidCoefficient, "objective constant is \(objectiveConstant)")
        }
        for j in 0..<variableCount {
            try validateColumn(j)
        }
        for i in 0..<constraintCount {
            try validateRow(i)
        }
    }

    private func validateColumn(_ j: Int) throws(ModelError) {
        let variable = Variable(index: j, modelID: id)
        let label = "variable \(columnLabel(j))"
        if let problem = Self.nameProblem(columnNames[j]) {
            throw ModelError(.invalidName, "\(label): name \(problem)", variable: variable)
        }
        let lower = columnLower[j]
        let upper = columnUpper[j]
        if lower.isNaN || lower == .infinity {
            throw ModelError(.invalidBound, "\(label) has an invalid lower bound \(lower)", variable: variable)
        }
        if upper.isNaN || upper == -.infinity {
            throw ModelError(.invalidBound, "\(label) has an invalid upper bound \(upper)", variable: variable)
        }
        let (effectiveLower, effectiveUpper) = columnBounds(j, integral: false)
        if effectiveLower > effectiveUpper {
            let clamped = columnKinds[j] == .binary ? " (binary: clamped to 0...1)" : ""
            throw ModelError(
                .invertedBounds,
                "\(label) has lower bound \(lower) above its upper bound \(upper)\(clamped)",
                variable: variable)
        }
        if !objectiveCoefficients[j].isFinite {
            throw ModelError(
                .invalidCoefficient,
                "\(label) has objective coefficient \(objectiveCoefficients[j])",
                variable: variable)
        }
    }

    private func validateRow(_ i: Int) throws(ModelError) {
        let constraint = ConstraintRef(index: i, modelID: id)
        let label = "constraint \(rowLabel(i, rowNames[i]))"
        if let problem = Self.nameProblem(rowNames[i]) {
            throw ModelError(.invalidName, "\(label): name \(problem)", constraint: constraint)
        }
        let lower = rowLower[i]
        let upper = rowUpper[i]
        if lower.isNaN || lower == .infinity {
            throw ModelError(.invalidBound, "\(label) has an invalid lower bound \(lower)", constraint: constraint)
        }
        if upper.isNaN || upper == -.infinity {
            throw ModelError(.invalidBound, "\(label) has an invalid upper bound \(upper)", constraint: constraint)
        }
        if lower > upper {
            throw ModelError(
                .invertedBounds,
                "\(label) has lower bound \(lower) above its upper bound \(upper)",
                constraint: constraint)
        }
        for k in rowStarts[i]..<rowStarts[i + 1] where !entryValues[k].isFinite {
            let column = Int(entryColumns[k]) - 1
            throw ModelError(
                .invalidCoefficient,
                "\(label) has coefficient \(entryValues[k]) for variable \(columnLabel(column))",
                variable: Variable(index: column, modelID: id),
                constraint: constraint)
        }
    }

    /// Checks that non-empty names are unique among variables and among constraints,
    /// as GLPK writes them (spaces become `_`). Needed for files, not for solving.
    ///
    /// - Complexity: O(variables + constraints) expected.
    func validateUniqueNames() throws(ModelError) {
        var seen: [String: Int] = [:]
        for (j, name) in columnNames.enumerated() where !name.isEmpty {
            let key = name.replacingSpaces()
            if let first = seen[key] {
                throw ModelError(
                    .duplicateName,
                    "variables \(columnLabel(first)) and \(columnLabel(j)) have the same name in a file",
                    variable: Variable(index: j, modelID: id))
            }
            seen[key] = j
        }
        seen.removeAll()
        for (i, name) in rowNames.enumerated() where !name.isEmpty {
            let key = name.replacingSpaces()
            if let first = seen[key] {
                throw ModelError(
                    .duplicateName,
                    "constraints \(rowLabel(first, rowNames[first])) and \(rowLabel(i, name)) have the same name in a file",
                    constraint: ConstraintRef(index: i, modelID: id))
            }
            seen[key] = i
        }
    }

    /// The bounds handed to the solver: binary clamped to 0...1; with
    /// `integral`, integer bounds rounded inwards (GLPK wants integral bounds).
    func columnBounds(_ j: Int, integral: Bool) -> (lower: Double, upper: Double) {
        var lower = columnLower[j]
        var upper = columnUpper[j]
        if columnKinds[j] == .binary {
            lower = Swift.max(lower, 0)
            upper = Swift.min(upper, 1)
        }
        if integral && columnKinds[j] != .continuous {
            if lower.isFinite { lower = (lower - 1e-9).rounded(.up) }
            if upper.isFinite { upper = (upper + 1e-9).rounded(.down) }
        }
        return (lower, upper)
    }

    /// Why GLPK would refuse `name`, or `nil` if it is fine.
    static func nameProblem(_ name: String) -> String? {
        let bytes = name.utf8
        if bytes.count > 255 {
            return "is \(bytes.count) UTF-8 bytes long (at most 255)"
        }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            return "contains a control character"
        }
        return nil
    }
}

extension String {
    /// The name as GLPK writes it to a file: spaces become underscores.
    fileprivate func replacingSpaces() -> String {
        String(map { $0 == " " ? "_" : $0 })
    }
}
