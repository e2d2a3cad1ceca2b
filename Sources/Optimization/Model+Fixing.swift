// A model with some variables fixed and taken out: the sub-problem a neighbourhood search solves.

/// A model whose fixed variables have been substituted out: what is left for a solver, and the
/// way back to the original model's variables.
///
/// Built by ``Model/fixing(_:)``. The reduced model keeps the original's objective sense; the fixed
/// variables' objective terms move into its constant and their terms in each row into the row's
/// bounds; rows left without a variable are dropped. A solution of the reduced model, expanded with
/// ``expanded(_:)``, is a solution of the original with the fixed variables at their values.
public struct FixedModel: Sendable {
    /// The model over the variables left free.
    public let model: Model
    /// For each variable of ``model``, in order, the original variable's index.
    public let originalIndices: [Int]
    /// The original model's variable count.
    public let originalCount: Int
    /// The fixed values by original index (free entries are 0).
    private let fixedValues: [Double]
    /// Rows dropped because every variable in them was fixed, whose bounds the fixed values break
    /// by more than `1e-6` (relative); a solver would then find the reduced model's plans invalid
    /// in the original. Empty when the fixed values are consistent.
    public let brokenRows: [ConstraintRef]

    fileprivate init(model: Model, originalIndices: [Int], originalCount: Int, fixedValues: [Double], brokenRows: [ConstraintRef]) {
        self.model = model
        self.originalIndices = originalIndices
        self.originalCount = originalCount
        self.fixedValues = fixedValues
        self.brokenRows = brokenRows
    }

    /// The reduced model's part of an original solution vector (`nil` when its length is not the original's).
    public func reduced(_ values: [Double]) -> [Double]? {
        guard values.count == originalCount else { return nil }
        return originalIndices.map { values[$0] }
    }

    /// An original solution vector: the fixed values, and `values` (of the reduced model) for the rest.
    /// Entries beyond `values`' length stay at 0.
    public func expanded(_ values: [Double]) -> [Double] {
        var full = fixedValues
        for (k, j) in originalIndices.enumerated() where k < values.count { full[j] = values[k] }
        return full
    }
}

extension Model {
    /// This model with the variables of `fixed` (by index) at their values, substituted out.
    ///
    /// Indices outside the model are ignored; an integer variable is fixed at its value as given.
    /// The result's variables keep their names, kinds, bounds and objective coefficients; its rows
    /// keep their names.
    ///
    /// - Complexity: O(``nonZeroCount`` + ``variableCount``).
    public func fixing(_ fixed: [Int: Double]) -> FixedModel {
        var value = [Double](repeating: 0, count: variableCount)
        var isFixed = [Bool](repeating: false, count: variableCount)
        for (j, v) in fixed where j >= 0 && j < variableCount {
            isFixed[j] = true
            value[j] = v
        }
        var reduced = Model(name: name)
        reduced.objectiveSense = objectiveSense
        reduced.objectiveConstant = objectiveConstant
        var newIndex = [Int](repeating: -1, count: variableCount)
        var originalIndices: [Int] = []
        originalIndices.reserveCapacity(variableCount - fixed.count)
        for j in 0..<variableCount {
            if isFixed[j] {
                reduced.objectiveConstant += objectiveCoefficients[j] * value[j]
                continue
            }
            newIndex[j] = originalIndices.count
            originalIndices.append(j)
            reduced.columnNames.append(columnNames[j])
            reduced.columnKinds.append(columnKinds[j])
            reduced.columnLower.append(columnLower[j])
            reduced.columnUpper.append(columnUpper[j])
            reduced.objectiveCoefficients.append(objectiveCoefficients[j])
            if columnKinds[j] != .continuous { reduced.integerCount += 1 }
        }
        var broken: [ConstraintRef] = []
        for row in 0..<constraintCount {
            var shift = 0.0
            var scale = 1.0
            let first = reduced.entryColumns.count
            for k in rowStarts[row]..<rowStarts[row + 1] {
                let j = Int(entryColumns[k]) - 1
                if isFixed[j] {
                    shift += entryValues[k] * value[j]
                    scale = max(scale, abs(entryValues[k] * value[j]))
                } else {
                    reduced.entryColumns.append(Int32(truncatingIfNeeded: newIndex[j] + 1))
                    reduced.entryValues.append(entryValues[k])
                }
            }
            let lower = rowLower[row] - shift
            let upper = rowUpper[row] - shift
            guard reduced.entryColumns.count > first else {
                let tolerance = 1e-6 * max(scale, abs(rowLower[row].isFinite ? rowLower[row] : 0),
                                            abs(rowUpper[row].isFinite ? rowUpper[row] : 0))
                if lower > tolerance || upper < -tolerance { broken.append(ConstraintRef(index: row, modelID: id)) }
                continue
            }
            reduced.rowStarts.append(reduced.entryColumns.count)
            reduced.rowLower.append(lower)
            reduced.rowUpper.append(upper)
            reduced.rowNames.append(rowNames[row])
        }
        reduced.issues = issues
        return FixedModel(model: reduced, originalIndices: originalIndices, originalCount: variableCount,
                          fixedValues: value, brokenRows: broken)
    }
}
