#if GLPK
import Optimization
import Testing

@Suite("GLPK: linear programs")
struct LinearProgramTests {
    @Test("textbook LP: optimum 36 at (2, 6), duals (0, 1.5, 1)")
    func textbook() throws {
        let (model, x, y, rows) = textbookLP()
        let result = try GLPK.solve(model)
        #expect(result.termination == .optimal)
        #expect(result.hasSolution)
        #expect(abs((result.objective ?? 0) - 36) < 1e-9)
        #expect(result.bound == result.objective)
        #expect(result.gap == 0)
        #expect(abs(result.value(x) - 2) < 1e-9)
        #expect(abs(result.value(y) - 6) < 1e-9)
        #expect(abs(result.dual(rows[0]) - 0) < 1e-9)
        #expect(abs(result.dual(rows[1]) - 1.5) < 1e-9)
        #expect(abs(result.dual(rows[2]) - 1) < 1e-9)
        #expect(result.reducedCosts.count == 2)
        #expect(result.nodes == 0)
        #expect(result.value(3 * x + 5 * y) == result.objective)
    }

    @Test("objective constant and ranges are honoured")
    func constantAndRange() throws {
        var model = Model()
        let x = model.addVariable("x", lowerBound: nil)
        model.addConstraint(LinearConstraint.range(x + 1, 3...5))
        model.setObjective(2 * x + 10, sense: .minimize)
        let result = try GLPK.solve(model)
        #expect(result.termination == .optimal)
        #expect(abs(result.value(x) - 2) < 1e-9)
        #expect(abs((result.objective ?? 0) - 14) < 1e-9)
    }

    @Test("infeasible LP")
    func infeasible() throws {
        var model = Model()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint(x + y >= 10)
        model.addConstraint(x + y <= 5)
        model.setObjective(x + y, sense: .minimize)
        let result = try GLPK.solve(model)
        #expect(result.termination == .infeasible)
        #expect(!result.hasSolution)
        #expect(result.values.isEmpty)
        #expect(result.objective == nil)
        #expect(result.value(x).isNaN)
    }

    @Test("unbounded LP")
    func unbounded() throws {
        var model = Model()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        model.addConstraint(x - y <= 1)
        model.setObjective(x + y, sense: .maximize)
        let result = try GLPK.solve(model)
        #expect(result.termination == .unbounded)
        #expect(!result.hasSolution)
    }

    @Test("an empty model is optimal with objective equal to its constant")
    func empty() throws {
        var model = Model()
        model.objectiveConstant = 4
        let result = try GLPK.solve(model)
        #expect(result.termination == .optimal)
        #expect(result.objective == 4)
    }

    @Test("rows without variables: 0 ≥ 1 is infeasible, 0 ≤ 1 is fine")
    func emptyRows() throws {
        var infeasible = Model()
        infeasible.addConstraint(LinearConstraint(LinearExpression(), lower: 1, upper: nil))
        #expect(try GLPK.solve(infeasible).termination == .infeasible)

        var feasible = Model()
        let x = feasible.addVariable("x", upperBound: 3)
        feasible.addConstraint(x - x <= 1)
        feasible.setObjective(LinearExpression(x), sense: .maximize)
        let result = try GLPK.solve(feasible)
        #expect(result.termination == .optimal)
        #expect(result.objective == 3)
    }

    @Test("LP relaxation of a MIP gives duals")
    func relaxation() throws {
        var model = Model()
        let x = model.addVariable("x", kind: .integer)
        let y = model.addVariable("y", kind: .integer)
        let row = model.addConstraint(2 * x + 2 * y <= 3)
        model.setObjective(x + y, sense: .maximize)
        let relaxed = try GLPK.solveRelaxation(model)
        #expect(relaxed.termination == .optimal)
        #expect(abs((relaxed.objective ?? 0) - 1.5) < 1e-9)
        #expect(abs(relaxed.dual(row) - 0.5) < 1e-9)
        let integral = try GLPK.solve(model)
        #expect(integral.termination == .optimal)
        #expect(abs((integral.objective ?? 0) - 1) < 1e-9)
        #expect(integral.duals.isEmpty)
    }

    @Test("invalid models and options throw SolverError")
    func invalidInput() {
        var model = Model()
        let x = model.addVariable("x", lowerBound: 3, upperBound: 1)
        let error = #expect(throws: SolverError.self) { try GLPK.solve(model) }
        #expect(error?.code == .invalidModel)
        #expect(error?.modelError?.variable == x)

        let (good, _, _, _) = textbookLP()
        let optionsError = #expect(throws: SolverError.self) {
            try GLPK.solve(good, options: SolveOptions(timeLimit: -1))
        }
        #expect(optionsError?.code == .invalidOptions)
        #expect(throws: SolverError.self) { try GLPK.solve(good, options: SolveOptions(relativeGap: .nan)) }
        #expect(throws: SolverError.self) { try GLPK.solve(good, options: SolveOptions(warmStart: [1])) }
    }

    @Test("a cancelled token stops before solving")
    func cancelledBefore() throws {
        let (model, _, _, _) = textbookLP()
        let token = CancellationToken()
        token.cancel()
        let result = try GLPK.solve(model, options: SolveOptions(cancellation: token))
        #expect(result.termination == .cancelled(hasSolution: false))
    }
}
#endif
