#if GLPK
import CGLPK

extension GLPK {
    /// Writes `model` to `path` in free MPS or CPLEX LP format, with its names
    /// (GLPK writes spaces in names as `_`; unnamed variables and constraints
    /// get generated names such as `C0000003` and `R0000004`).
    ///
    /// GLPK's free MPS has no `OBJSENSE` section: a maximisation is written
    /// with its coefficients as they are and a first comment line
    /// `* Objective sense: maximize`, which ``readMPS(path:)`` honours (other
    /// readers will see a minimisation). The LP format states the sense itself.
    ///
    /// Throws ``SolverError/Code/invalidModel`` for an invalid model or for two
    /// variables (or two constraints) with the same name, and
    /// ``SolverError/Code/fileError`` when the file cannot be written.
    public static func write(_ model: Model, format: ExportFormat, to path: String) throws(SolverError) {
        try validate(model, SolveOptions())
        do {
            try model.validateUniqueNames()
        } catch {
            throw SolverError(error)
        }
        let problem = try GLPKProblem()
        try problem.load(model, mode: .export)
        var ret: Int32 = 0
        let header: String? = format == .mps && model.objectiveSense == .maximize
            ? CGLPK_MPS_MAXIMIZE_MARKER + " (GLPK's free MPS has no OBJSENSE section)"
            : nil
        let rc = path.withCString { path in
            guard let header else { return cglpk_write(problem.handle, format == .mps ? 0 : 1, path, nil, &ret) }
            return header.withCString { cglpk_write(problem.handle, format == .mps ? 0 : 1, path, $0, &ret) }
        }
        try GLPKCall.check(rc, format == .mps ? "glp_write_mps" : "glp_write_lp")
        if ret != 0 {
            throw SolverError(
                .fileError,
                "could not write \(format == .mps ? "MPS" : "LP") file '\(path)'",
                glpkMessage: GLPKCall.lastMessage(),
                returnCode: Int(ret))
        }
    }

    /// Reads a free MPS file with GLPK (`glp_read_mps`) into a new ``Model``.
    ///
    /// Integer columns become ``VariableKind/integer`` (``VariableKind/binary``
    /// when their bounds are `0...1`). The objective is minimised unless the
    /// file starts with the comment `* Objective sense: maximize` that
    /// ``write(_:format:to:)`` puts in files of maximisations.
    public static func readMPS(path: String) throws(SolverError) -> Model {
        let problem = try GLPKProblem()
        var ret: Int32 = 0
        let rc = path.withCString { cglpk_read_mps(problem.handle, $0, &ret) }
        try GLPKCall.check(rc, "glp_read_mps")
        if ret != 0 {
            throw SolverError(
                .fileError,
                "could not read MPS file '\(path)'",
                glpkMessage: GLPKCall.lastMessage(),
                returnCode: Int(ret))
        }
        var dims = cglpk_dims()
        try GLPKCall.check(cglpk_get_dims(problem.handle, &dims), "reading the problem size")
        let n = Int(dims.cols)
        let m = Int(dims.rows)
        let nnz = Int(dims.nnz)
        var objective = [Double](repeating: 0, count: n)
        var columnLower = [Double](repeating: 0, count: n)
        var columnUpper = [Double](repeating: 0, count: n)
        var kinds = [Int32](repeating: 0, count: n)
        var rowLower = [Double](repeating: 0, count: m)
        var rowUpper = [Double](repeating: 0, count: m)
        var rowStart = [Int32](repeating: 0, count: m + 1)
        var entryColumns = [Int32](repeating: 0, count: nnz + 1)
        var entryValues = [Double](repeating: 0, count: nnz + 1)
        var columnNames = [CChar](repeating: 0, count: dims.col_name_bytes)
        var rowNames = [CChar](repeating: 0, count: dims.row_name_bytes)
        var problemName = [CChar](repeating: 0, count: dims.prob_name_bytes)
        var out = cglpk_model_out()
        let extractRC = objective.withUnsafeMutableBufferPointer { objective in
            columnLower.withUnsafeMutableBufferPointer { columnLower in
                columnUpper.withUnsafeMutableBufferPointer { columnUpper in
                    kinds.withUnsafeMutableBufferPointer { kinds in
                        rowLower.withUnsafeMutableBufferPointer { rowLower in
                            rowUpper.withUnsafeMutableBufferPointer { rowUpper in
                                rowStart.withUnsafeMutableBufferPointer { rowStart in
                                    entryColumns.withUnsafeMutableBufferPointer { entryColumns in
                                        entryValues.withUnsafeMutableBufferPointer { entryValues in
                                            columnNames.withUnsafeMutableBufferPointer { columnNames in
                                                rowNames.withUnsafeMutableBufferPointer { rowNames in
                                                    problemName.withUnsafeMutableBufferPointer { problemName in
                                                        out.obj = objective.baseAddress
                                                        out.col_lb = columnLower.baseAddress
                                                        out.col_ub = columnUpper.baseAddress
                                                        out.col_kind = kinds.baseAddress
                                                        out.row_lb = rowLower.baseAddress
                                                        out.row_ub = rowUpper.baseAddress
                                                        out.row_start = rowStart.baseAddress
                                                        out.entry_col = entryColumns.baseAddress
                                                        out.entry_val = entryValues.baseAddress
                                                        out.col_names = columnNames.baseAddress
                                                        out.row_names = rowNames.baseAddress
                                                        out.prob_name = problemName.baseAddress
                                                        return cglpk_extract(problem.handle, &out)
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        try GLPKCall.check(extractRC, "reading the problem")

        var model = Model(name: unpackNames(problemName, count: 1).first ?? "")
        let names = unpackNames(columnNames, count: n)
        for j in 0..<n {
            let kind: VariableKind = switch kinds[j] {
            case GLP_BV: .binary
            case GLP_IV: .integer
            default: .continuous
            }
            let variable = model.addVariable(
                names[j],
                kind: kind,
                lowerBound: columnLower[j] == -.infinity ? nil : columnLower[j],
                upperBound: columnUpper[j] == .infinity ? nil : columnUpper[j])
            model.setObjectiveCoefficient(variable, objective[j])
        }
        model.objectiveSense = dims.sense == GLP_MAX ? .maximize : .minimize
        model.objectiveConstant = dims.obj_constant
        model.rowStarts = rowStart.map { Int($0) }
        model.entryColumns = entryColumns
        model.entryValues = entryValues
        model.rowLower = rowLower
        model.rowUpper = rowUpper
        model.rowNames = unpackNames(rowNames, count: m)
        return model
    }

    /// Splits NUL-terminated names laid back to back; pads with "" up to `count`.
    private static func unpackNames(_ bytes: [CChar], count: Int) -> [String] {
        var names: [String] = []
        names.reserveCapacity(count)
        var current: [UInt8] = []
        for byte in bytes {
            if byte == 0 {
                names.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(UInt8(bitPattern: byte))
            }
        }
        while names.count < count { names.append("") }
        return names
    }
}
#endif
