#if GLPK
import Foundation
import Optimization
import Testing

@Suite("GLPK: export and import")
struct ExportTests {
    private func temporaryPath(_ suffix: String) -> String {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("optimization-\(UUID().uuidString).\(suffix)").path
    }

    @Test("an exported MPS file read back by GLPK gives the same optimum")
    func mpsRoundTrip() throws {
        let knapsack = Knapsack.random(items: 25, seed: 9)
        let (model, _) = knapsack.model()
        let path = temporaryPath("mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try GLPK.write(model, format: .mps, to: path)
        let read = try GLPK.readMPS(path: path)
        #expect(read.variableCount == model.variableCount)
        #expect(read.constraintCount == model.constraintCount)
        #expect(read.nonZeroCount == model.nonZeroCount)
        #expect(read.integerCount == model.integerCount)
        #expect(read.variable(named: "x3") != nil)
        #expect(read.constraint(named: "capacity") != nil)
        #expect(read.objectiveSense == .maximize)
        let original = try GLPK.solve(model, options: SolveOptions(relativeGap: 0))
        let again = try GLPK.solve(read, options: SolveOptions(relativeGap: 0))
        #expect(original.objective == Double(knapsack.optimum))
        #expect(again.objective == original.objective)
    }

    @Test("LP round trip keeps bounds, ranges and free rows")
    func lpModelRoundTrip() throws {
        var model = Model(name: "mixed")
        let x = model.addVariable("x", lowerBound: -5, upperBound: 5)
        let y = model.addVariable("y", lowerBound: nil)
        let z = model.addVariable("z", kind: .integer, lowerBound: 0, upperBound: 7)
        model.addConstraint(LinearConstraint.range(x + y, -2...3), name: "range")
        model.addConstraint(y - z >= -4, name: "lower")
        model.addConstraint(LinearConstraint.equal(x + z, 2), name: "fixed")
        model.setObjective(x + 2 * y - z + 1, sense: .minimize)
        let path = temporaryPath("mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try GLPK.write(model, format: .mps, to: path)
        let read = try GLPK.readMPS(path: path)
        let a = try GLPK.solve(model)
        let b = try GLPK.solve(read)
        #expect(a.termination == .optimal)
        #expect(b.termination == .optimal)
        #expect(abs((a.objective ?? 0) - (b.objective ?? 1)) < 1e-9)
    }

    @Test("LP export writes a file")
    func lpExport() throws {
        let (model, _, _, _) = textbookLP()
        let path = temporaryPath("lp")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try GLPK.write(model, format: .lp, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("Maximize"))
        #expect(text.contains("plant3"))
    }

    @Test("names are written with spaces as underscores; duplicates are refused")
    func names() throws {
        var model = Model()
        let x = model.addVariable("my var")
        let y = model.addVariable("other")
        model.addConstraint(x + y <= 3, name: "my row")
        model.setObjective(x + y, sense: .maximize)
        let path = temporaryPath("mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try GLPK.write(model, format: .mps, to: path)
        let read = try GLPK.readMPS(path: path)
        #expect(read.variable(named: "my_var") != nil)
        #expect(read.constraint(named: "my_row") != nil)
        #expect(try GLPK.solve(read).objective == 3)

        _ = model.addVariable("my_var")
        let error = #expect(throws: SolverError.self) { try GLPK.write(model, format: .lp, to: path) }
        #expect(error?.modelError?.code == .duplicateName)
        #expect(error?.message.contains("'my var' (#0)") == true)
    }

    @Test("writing to a bad path throws a file error with GLPK's message")
    func badPath() {
        let (model, _, _, _) = textbookLP()
        let error = #expect(throws: SolverError.self) {
            try GLPK.write(model, format: .mps, to: "/nonexistent-dir/model.mps")
        }
        #expect(error?.code == .fileError)
        #expect(error?.glpkMessage != nil)
    }

    @Test("reading a missing or malformed file throws a file error")
    func badRead() throws {
        let missing = #expect(throws: SolverError.self) { try GLPK.readMPS(path: "/nonexistent-dir/x.mps") }
        #expect(missing?.code == .fileError)
        let path = temporaryPath("mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "this is not\nan MPS file\n".write(toFile: path, atomically: true, encoding: .utf8)
        let malformed = #expect(throws: SolverError.self) { try GLPK.readMPS(path: path) }
        #expect(malformed?.code == .fileError)
    }
}
#endif
