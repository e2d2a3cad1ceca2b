#if GLPK
// Model.fixing: the sub-problem a neighbourhood search hands GLPK, with fixed variables substituted out.
import Optimization
import Testing

@Suite("Fixing variables of a model")
struct FixingTests {
    @Test("a knapsack with some items fixed: the reduced model's optimum is the original's with those items fixed by bounds")
    func knapsackWithItemsFixed() throws {
        let knapsack = Knapsack.random(items: 24, seed: 5)
        let (model, x) = knapsack.model()
        // Item 0 in, items 1 and 2 out, item 3 in.
        let fixed: [Int: Double] = [x[0].index: 1, x[1].index: 0, x[2].index: 0, x[3].index: 1]
        var bounded = model
        for (j, value) in fixed { bounded.setBounds(x[j], lower: value, upper: value) }
        let expected = try GLPK.solve(bounded, options: SolveOptions(relativeGap: 0))

        let reduced = model.fixing(fixed)
        #expect(reduced.model.variableCount == model.variableCount - 4)
        #expect(reduced.model.integerCount == model.integerCount - 4)
        #expect(reduced.brokenRows.isEmpty)
        #expect(reduced.originalIndices == Array(4..<24))
        let solved = try GLPK.solve(reduced.model, options: SolveOptions(relativeGap: 0))
        #expect(solved.termination == .optimal)
        // The fixed items' value is in the reduced model's objective constant.
        #expect(solved.objective == expected.objective)
        let full = reduced.expanded(solved.values)
        #expect(full.count == model.variableCount)
        #expect(full[0] == 1 && full[1] == 0 && full[2] == 0 && full[3] == 1)
        let weight = zip(full, knapsack.weights).reduce(0.0) { $0 + $1.0 * Double($1.1) }
        #expect(weight <= Double(knapsack.capacity) + 1e-9)
        #expect(reduced.reduced(full) == solved.values)
        #expect(reduced.reduced([1, 2]) == nil)
    }

    @Test("rows left without a variable are dropped, and the ones the fixed values break are named")
    func rowsLeftEmpty() throws {
        var model = Model()
        let a = model.addVariable(upperBound: 10)
        let b = model.addVariable(upperBound: 10)
        let c = model.addVariable(upperBound: 10)
        model.addConstraint(variables: [a, b], coefficients: [1, 1], lower: nil, upper: 5, name: "ab")
        model.addConstraint(variables: [a, c], coefficients: [1, 1], lower: nil, upper: 12, name: "ac")
        model.setObjective(LinearExpression.weightedSum([a, b, c], [1, 1, 1]), sense: .maximize)

        let consistent = model.fixing([a.index: 2, b.index: 3])
        #expect(consistent.brokenRows.isEmpty)
        #expect(consistent.model.constraintCount == 1)   // 'ab' had nothing left
        let solved = try GLPK.solve(consistent.model)
        #expect(solved.objective == 15)                     // 2 + 3 + c = 10
        #expect(consistent.expanded(solved.values) == [2, 3, 10])

        let broken = model.fixing([a.index: 4, b.index: 3])
        #expect(broken.brokenRows.map { model.name(of: $0) } == ["ab"])
    }
}
#endif
