#if GLPK
import Optimization
import Testing

@Suite("GLPK: mixed-integer programs")
struct MixedIntegerTests {
    @Test("knapsack optimum matches dynamic programming")
    func knapsack() throws {
        let knapsack = Knapsack(values: [60, 100, 120, 80, 30], weights: [10, 20, 30, 25, 5], capacity: 50)
        let (model, x) = knapsack.model()
        let result = try GLPK.solve(model)
        #expect(result.termination == .optimal)
        #expect(result.objective == 220)
        #expect(result.bound == 220)
        #expect(result.gap == 0)
        let chosen = x.filter { result.value($0) > 0.5 }.map(\.index)
        #expect(chosen == [1, 2])
        #expect(knapsack.optimum == 220)
        #expect(result.duals.isEmpty)
    }

    @Test("random knapsacks, with and without presolve", arguments: [true, false])
    func randomKnapsack(presolve: Bool) throws {
        let knapsack = Knapsack.random(items: 30, seed: 7)
        let (model, _) = knapsack.model()
        let result = try GLPK.solve(model, options: SolveOptions(relativeGap: 0, presolve: presolve))
        #expect(result.termination == .optimal)
        #expect(result.objective == Double(knapsack.optimum))
    }

    @Test("every branching and node-selection rule reaches the optimum",
          arguments: Branching.allCases, NodeSelection.allCases)
    func searchRules(branching: Branching, nodeSelection: NodeSelection) throws {
        let knapsack = Knapsack.random(items: 30, seed: 11)
        let (model, _) = knapsack.model()
        let options = SolveOptions(relativeGap: 0, presolve: false, branching: branching, nodeSelection: nodeSelection)
        let result = try GLPK.solve(model, options: options)
        #expect(result.termination == .optimal)
        #expect(result.objective == Double(knapsack.optimum))
    }

    @Test("infeasible MIP, with and without presolve", arguments: [true, false])
    func infeasible(presolve: Bool) throws {
        var model = Model()
        let x = model.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 10)
        let y = model.addVariable("y", kind: .integer, lowerBound: 0, upperBound: 10)
        model.addConstraint(x + y >= 100)
        model.setObjective(x + y, sense: .minimize)
        let result = try GLPK.solve(model, options: SolveOptions(presolve: presolve))
        #expect(result.termination == .infeasible)
        #expect(!result.hasSolution)
    }

    @Test("integer infeasible (LP feasible) MIP")
    func integerInfeasible() throws {
        var model = Model()
        let x = model.addVariable("x", kind: .integer)
        let y = model.addVariable("y", kind: .integer)
        model.addConstraint(LinearConstraint.equal(2 * x + 2 * y, 3))
        model.setObjective(x + y, sense: .minimize)
        for presolve in [true, false] {
            let result = try GLPK.solve(model, options: SolveOptions(presolve: presolve))
            #expect(result.termination == .infeasible, "presolve \(presolve)")
        }
    }

    @Test("integer bounds with no integer inside are infeasible; fixed integers are solved")
    func integerBounds() throws {
        var model = Model()
        let x = model.addVariable("x", kind: .integer, lowerBound: 0.2, upperBound: 0.8)
        model.setObjective(LinearExpression(x), sense: .minimize)
        #expect(try GLPK.solve(model).termination == .infeasible)
        model.setBounds(x, lower: 2, upper: 2)
        let fixed = try GLPK.solve(model)
        #expect(fixed.termination == .optimal)
        #expect(fixed.value(x) == 2)
    }

    @Test("unbounded MIP")
    func unbounded() throws {
        var model = Model()
        let x = model.addVariable("x", kind: .integer)
        let y = model.addVariable("y")
        model.addConstraint(x - y <= 1)
        model.setObjective(x + y, sense: .maximize)
        for presolve in [true, false] {
            let result = try GLPK.solve(model, options: SolveOptions(presolve: presolve))
            #expect(result.termination == .unbounded, "presolve \(presolve)")
        }
    }

    @Test("time limit returns the incumbent, a bound and .timeLimit(hasSolution: true)")
    func timeLimit() throws {
        let (model, _) = multiDimensionalKnapsack(items: 100, dimensions: 5, seed: 42)
        let options = SolveOptions(timeLimit: 0.5, relativeGap: 0, presolve: false, cuts: false)
        let result = try GLPK.solve(model, options: options)
        #expect(result.termination == .timeLimit(hasSolution: true))
        #expect(result.hasSolution)
        let objective = try #require(result.objective)
        let bound = try #require(result.bound)
        #expect(bound >= objective)  // maximisation: the bound is an upper bound
        #expect((result.gap ?? 0) > 0)
        #expect(result.nodes > 1)
        #expect(result.seconds < 3)
        #expect(result.values.count == model.variableCount)
        #expect(result.firstSolutionSeconds != nil)
    }

    @Test("a node limit stops at the same point every time, with its incumbent and bound")
    func nodeLimit() throws {
        let (model, _) = multiDimensionalKnapsack(items: 100, dimensions: 5, seed: 42)
        let options = SolveOptions(relativeGap: 0, presolve: false, nodeLimit: 50)
        let first = try GLPK.solve(model, options: options)
        let second = try GLPK.solve(model, options: options)
        #expect(first.termination == .nodeLimit(hasSolution: true))
        #expect(first.nodes >= 50 && first.nodes < 60)
        #expect(first.objective == second.objective)
        #expect(first.values == second.values)
        #expect(try #require(first.bound) >= (first.objective ?? .infinity))
        #expect(throws: SolverError.self) { try GLPK.solve(model, options: SolveOptions(nodeLimit: 0)) }
    }

    @Test("a warm start is the first incumbent the progress callback sees")
    func warmStart() throws {
        let (model, x) = multiDimensionalKnapsack(items: 40, dimensions: 3, seed: 3)
        // A feasible but poor solution: the first three items only.
        var start = [Double](repeating: 0, count: x.count)
        for k in 0..<3 { start[k] = 1 }
        let expected = model.objective.evaluate(start)
        let incumbents = Recorder<Double>()
        let options = SolveOptions(
            relativeGap: 0,
            warmStart: start,
            progress: { progress in
                if let incumbent = progress.incumbent { incumbents.append(incumbent) }
            },
            progressInterval: 0)
        let result = try GLPK.solve(model, options: options)
        #expect(result.warmStartAccepted)
        #expect(incumbents.values.first == expected)
        #expect(result.termination == .optimal)
        #expect((result.objective ?? 0) > expected)
    }

    @Test("an infeasible warm start is not used")
    func infeasibleWarmStart() throws {
        let (model, x) = multiDimensionalKnapsack(items: 20, dimensions: 2, seed: 5)
        let start = [Double](repeating: 1, count: x.count)  // everything: over capacity
        let result = try GLPK.solve(model, options: SolveOptions(warmStart: start))
        #expect(!result.warmStartAccepted)
        #expect(result.termination == .optimal)
    }

    @Test("a solution offered during the search becomes the incumbent; an infeasible one is dropped")
    func offers() throws {
        let (model, x) = multiDimensionalKnapsack(items: 40, dimensions: 3, seed: 3)
        let optimum = try GLPK.solve(model, options: SolveOptions(relativeGap: 0))
        #expect(optimum.termination == .optimal)
        let best = try #require(optimum.objective)
        // Offered once, at the first heuristic point, before GLPK's own heuristics run.
        let asked = Recorder<Int>()
        let incumbents = Recorder<Double>()
        var options = SolveOptions(relativeGap: 0, progress: { progress in
            if let incumbent = progress.incumbent { incumbents.append(incumbent) }
        }, progressInterval: 0)
        options.offers = {
            asked.append(1)
            return asked.values.count == 1 ? optimum.values : nil
        }
        let result = try GLPK.solve(model, options: options)
        #expect(result.offersAccepted == 1)
        #expect(asked.values.count >= 1)
        #expect(incumbents.values.first == best, "the offer is the first incumbent GLPK reports")
        #expect(abs((result.objective ?? 0) - best) <= 1e-9 * abs(best))

        // Everything packed breaks every capacity: never handed to GLPK.
        var infeasible = SolveOptions(relativeGap: 0)
        infeasible.offers = { [Double](repeating: 1, count: x.count) }
        let plain = try GLPK.solve(model, options: infeasible)
        #expect(plain.offersAccepted == 0)
        #expect(plain.termination == .optimal && abs((plain.objective ?? 0) - best) <= 1e-9 * abs(best))
    }

    @Test("cancellation from the progress callback ends the search with .cancelled")
    func cancelFromProgress() throws {
        let (model, _) = multiDimensionalKnapsack(items: 100, dimensions: 5, seed: 42)
        let token = CancellationToken()
        let options = SolveOptions(
            relativeGap: 0,
            presolve: false,
            progress: { progress in
                if progress.incumbent != nil { token.cancel() }
            },
            progressInterval: 0,
            cancellation: token)
        let result = try GLPK.solve(model, options: options)
        #expect(result.termination == .cancelled(hasSolution: true))
        #expect(result.hasSolution)
        #expect(result.seconds < 2)
    }

    @Test("cancelling the Swift task ends the search with .cancelled")
    func taskCancellation() async throws {
        let (model, _) = multiDimensionalKnapsack(items: 100, dimensions: 5, seed: 42)
        let task = Task.detached {
            // The progress callback runs inside this task: cancel the task itself at the first report.
            try GLPK.solve(model, options: SolveOptions(
                relativeGap: 0, presolve: false,
                progress: { _ in withUnsafeCurrentTask { $0?.cancel() } }))
        }
        let result = try await task.value
        #expect(result.termination == .cancelled(hasSolution: result.hasSolution))
    }

    @Test("cancelled before the solve starts")
    func cancelBefore() throws {
        let (model, _) = Knapsack.random(items: 10, seed: 1).model()
        let token = CancellationToken()
        token.cancel()
        let result = try GLPK.solve(model, options: SolveOptions(cancellation: token))
        #expect(result.termination == .cancelled(hasSolution: false))
        #expect(!result.hasSolution)
    }

    @Test("progress reports carry a bound that brackets the optimum")
    func progressBounds() throws {
        let knapsack = Knapsack.random(items: 35, seed: 11)
        let (model, _) = knapsack.model()
        let reports = Recorder<SolveProgress>()
        let options = SolveOptions(
            relativeGap: 0, presolve: false,
            progress: { reports.append($0) },
            progressInterval: 0)
        let result = try GLPK.solve(model, options: options)
        #expect(result.objective == Double(knapsack.optimum))
        #expect(!reports.values.isEmpty)
        for report in reports.values {
            if let bound = report.bound { #expect(bound >= Double(knapsack.optimum) - 1e-9) }
            if let incumbent = report.incumbent { #expect(incumbent <= Double(knapsack.optimum) + 1e-9) }
        }
    }
}
#endif
