#if GLPK
import CGLPK
import Logging

/// One GLPK problem object, owned by the calling thread for the length of one
/// synchronous call: created by `init`, freed by `deinit` at the end of the
/// scope that made it (never on another thread, never after an `await`).
///
/// Every operation is one guarded C call (see `Sources/CGLPK/guard.c`).
struct GLPKProblem: ~Copyable {
    let handle: OpaquePointer

    init() throws(SolverError) {
        var created: OpaquePointer?
        try GLPKCall.check(cglpk_create(&created), "glp_create_prob")
        guard let created else {
            throw SolverError(.glpkError, "glp_create_prob returned no problem")
        }
        handle = created
    }

    deinit {
        cglpk_free(handle)
    }

    /// What `load` hands to GLPK.
    enum LoadMode {
        /// Kinds kept, integer bounds rounded inwards (for glp_intopt).
        case mip
        /// Every column continuous (LPs and LP relaxations).
        case continuous
        /// Kinds and names kept, bounds as given (for export).
        case export
    }

    /// Loads the whole model: one glp_add_rows, one glp_add_cols, one glp_load_matrix.
    ///
    /// - Complexity: O(variables + constraints + non-zeros); the entry arrays
    ///   of the model are passed as they are (only the row-index array is built).
    func load(_ model: Model, mode: LoadMode) throws(SolverError) {
        let n = model.variableCount
        let m = model.constraintCount
        let nnz = model.nonZeroCount
        var columnLower = [Double](repeating: 0, count: n)
        var columnUpper = [Double](repeating: 0, count: n)
        var kinds = [Int32](repeating: Int32(GLP_CV), count: n)
        for j in 0..<n {
            let (lower, upper) = model.columnBounds(j, integral: mode == .mip)
            columnLower[j] = lower
            columnUpper[j] = upper
            if mode != .continuous && model.columnKinds[j] != .continuous {
                kinds[j] = Int32(GLP_IV)
            }
        }
        let rowIndex = Self.rowIndices(model)
        let columnNames = mode == .export ? Self.packedNames(model.columnNames) : []
        let rowNames = mode == .export ? Self.packedNames(model.rowNames) : []
        let problemName = mode == .export ? model.name : ""

        var data = cglpk_model_data()
        data.rows = Int32(m)
        data.cols = Int32(n)
        data.sense = model.objectiveSense == .maximize ? GLP_MAX : GLP_MIN
        data.obj_constant = model.objectiveConstant
        data.nnz = Int32(nnz)
        let rc = model.objectiveCoefficients.withUnsafeBufferPointer { objective in
            columnLower.withUnsafeBufferPointer { columnLower in
                columnUpper.withUnsafeBufferPointer { columnUpper in
                    kinds.withUnsafeBufferPointer { kinds in
                        model.rowLower.withUnsafeBufferPointer { rowLower in
                            model.rowUpper.withUnsafeBufferPointer { rowUpper in
                                rowIndex.withUnsafeBufferPointer { ia in
                                    model.entryColumns.withUnsafeBufferPointer { ja in
                                        model.entryValues.withUnsafeBufferPointer { ar in
                                            columnNames.withUnsafeBufferPointer { columnNames in
                                                rowNames.withUnsafeBufferPointer { rowNames in
                                                    problemName.withCString { problemName in
                                                        data.obj = objective.baseAddress
                                                        data.col_lb = columnLower.baseAddress
                                                        data.col_ub = columnUpper.baseAddress
                                                        data.col_kind = kinds.baseAddress
                                                        data.row_lb = rowLower.baseAddress
                                                        data.row_ub = rowUpper.baseAddress
                                                        data.ia = ia.baseAddress
                                                        data.ja = ja.baseAddress
                                                        data.ar = ar.baseAddress
                                                        data.col_names = mode == .export ? columnNames.baseAddress : nil
                                                        data.row_names = mode == .export ? rowNames.baseAddress : nil
                                                        data.prob_name = problemName
                                                        return cglpk_build(handle, &data)
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
        try GLPKCall.check(rc, "loading the model")
    }

    /// GLPK's `ia`: the 1-based row number of every entry (slot 0 unused).
    private static func rowIndices(_ model: Model) -> [Int32] {
        var rowIndex = [Int32](repeating: 0, count: model.nonZeroCount + 1)
        rowIndex.withUnsafeMutableBufferPointer { rowIndex in
            model.rowStarts.withUnsafeBufferPointer { starts in
                for i in 0..<(starts.count - 1) {
                    let row = Int32(truncatingIfNeeded: i + 1)
                    for k in starts[i]..<starts[i + 1] {
                        rowIndex[k] = row
                    }
                }
            }
        }
        return rowIndex
    }

    /// Names back to back, each NUL-terminated.
    private static func packedNames(_ names: [String]) -> [CChar] {
        var packed: [CChar] = []
        packed.reserveCapacity(names.reduce(0) { $0 + $1.utf8.count + 1 })
        for name in names {
            for byte in name.utf8 {
                packed.append(CChar(bitPattern: byte))
            }
            packed.append(0)
        }
        return packed
    }
}

/// Turns the shim's return codes into ``SolverError`` in one place.
enum GLPKCall {
    static func check(_ rc: Int32, _ step: String) throws(SolverError) {
        switch rc {
        case CGLPK_OK:
            return
        case CGLPK_EGLPK:
            throw SolverError(
                .glpkError,
                "GLPK reported an internal error in \(step); the thread's GLPK environment was freed",
                glpkMessage: lastMessage())
        case CGLPK_EDEAD:
            throw SolverError(.glpkError, "the GLPK problem was freed by an earlier error (\(step))")
        case CGLPK_ENESTED:
            throw SolverError(
                .nestedCall,
                "\(step): a GLPK call is already running on this thread (solve started from a solver callback?)")
        case CGLPK_ETHREAD:
            throw SolverError(.wrongThread, "\(step): GLPK problem used on another thread")
        default:
            throw SolverError(.glpkError, "\(step) was refused by the shim", glpkMessage: lastMessage())
        }
    }

    static func lastMessage() -> String {
        guard let text = cglpk_last_message() else { return "" }
        return String(cString: text)
    }

    /// GLPK's `msg_lev`: normal output when a logger will receive it, none otherwise.
    static func messageLevel(_ logger: Logger?) -> Int32 {
        logger == nil ? GLP_MSG_OFF : GLP_MSG_ON
    }

    /// GLPK's `tm_lim` in milliseconds for `seconds` left (`nil`: none).
    static func timeLimit(_ seconds: Double?) -> Int32 {
        guard let seconds else { return Int32.max }
        if seconds <= 0 { return 0 }
        let milliseconds = (seconds * 1000).rounded(.up)
        return milliseconds >= Double(Int32.max - 1) ? Int32.max - 1 : Int32(milliseconds)
    }

    /// Runs `body` with GLPK's terminal output of this thread sent to `logger` at `.debug`.
    static func withLog<R>(_ logger: Logger?, _ body: () throws(SolverError) -> R) throws(SolverError) -> R {
        guard let logger else { return try body() }
        let forwarder = LogForwarder(logger)
        cglpk_set_log_sink(
            { context, text in
                guard let context, let text else { return }
                Unmanaged<LogForwarder>.fromOpaque(context).takeUnretainedValue().receive(String(cString: text))
            },
            Unmanaged.passUnretained(forwarder).toOpaque())
        defer {
            cglpk_set_log_sink(nil, nil)
            forwarder.flush()
        }
        return try body()
    }
}

/// Collects GLPK's output pieces into lines for the logger.
private final class LogForwarder {
    let logger: Logger
    var pending = ""

    init(_ logger: Logger) {
        self.logger = logger
    }

    func receive(_ text: String) {
        pending += text
        while let newline = pending.firstIndex(of: "\n") {
            let line = String(pending[..<newline])
            pending.removeSubrange(...newline)
            if !line.isEmpty { logger.debug("\(line)", metadata: ["solver": "glpk"]) }
        }
    }

    func flush() {
        if !pending.isEmpty { logger.debug("\(pending)", metadata: ["solver": "glpk"]) }
        pending = ""
    }
}
#endif
