#if GLPK
import Logging
import Optimization
import Testing

@Suite("GLPK: the error guard")
struct GuardTests {
    @Test("an invalid raw call throws SolverError and the process carries on")
    func guardedError() throws {
        let error = #expect(throws: SolverError.self) { try GLPK._triggerGuardedErrorForTesting() }
        #expect(error?.code == .glpkError)
        #expect(error?.glpkMessage?.contains("out of range") == true)
        // A normal solve on the same thread (no suspension point in between) still works.
        let (model, _, _, _) = textbookLP()
        let result = try GLPK.solve(model)
        #expect(result.termination == .optimal)
        #expect(abs((result.objective ?? 0) - 36) < 1e-9)
        // And the guard works again after recovery.
        #expect(throws: SolverError.self) { try GLPK._triggerGuardedErrorForTesting() }
        let again = try GLPK.solve(model)
        #expect(again.termination == .optimal)
    }

    @Test("a solve started from a progress callback is refused, not nested")
    func nestedSolve() throws {
        let (model, _) = Knapsack.random(items: 30, seed: 4).model()
        let (inner, _, _, _) = textbookLP()
        let codes = Recorder<String>()
        let options = SolveOptions(
            presolve: false,
            progress: { _ in
                do {
                    _ = try GLPK.solve(inner)
                    codes.append("solved")
                } catch let error as SolverError {
                    codes.append(error.code.description)
                } catch {
                    codes.append("other")
                }
            })
        let result = try GLPK.solve(model, options: options)
        #expect(result.termination == .optimal)
        #expect(codes.values.first == "nestedCall")
    }

    @Test("GLPK output goes to the logger when one is given")
    func logging() throws {
        let (model, _) = Knapsack.random(items: 20, seed: 2).model()
        let lines = Recorder<String>()
        let logger = Logger(label: "glpk-test") { _ in CollectingHandler(lines: lines) }
        _ = try GLPK.solve(model, options: SolveOptions(logger: logger))
        #expect(!lines.values.isEmpty)
    }
}

/// A log handler that keeps every message.
struct CollectingHandler: LogHandler {
    let lines: Recorder<String>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.append(event.message.description)
    }
}
#endif
