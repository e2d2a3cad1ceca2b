import Optimization
import Testing

@Suite("LinearExpression and LinearConstraint")
struct LinearExpressionTests {
    @Test("operators build the expected terms and constant")
    func operators() {
        var model = Model()
        let x = model.addVariable("x")
        let y = model.addVariable("y")
        var e = 3 * x + 2 * y - 1
        e += x
        e -= 0.5
        #expect(e.coefficient(of: x) == 4)
        #expect(e.coefficient(of: y) == 2)
        #expect(e.constant == -1.5)
        let scaled = -(e * 2) / 4
        #expect(scaled.coefficient(of: x) == -2)
        #expect(scaled.constant == 0.75)
        #expect((x - y).coefficient(of: y) == -1)
        #expect((5 - x).constant == 5)
        #expect((x / 2).coefficient(of: x) == 0.5)
    }

    @Test("literals are constant expressions")
    func literals() {
        let a: LinearExpression = 3
        let b: LinearExpression = 2.5
        #expect(a.constant == 3)
        #expect(b.constant == 2.5)
        #expect(a.terms.isEmpty)
    }

    @Test("sum helpers")
    func sums() {
        var model = Model()
        let xs = (0..<4).map { model.addVariable("x\($0)") }
        let total = LinearExpression.sum(xs)
        #expect(total.terms.count == 4)
        let weighted = LinearExpression.weightedSum(xs, [1, 2, 3, 4])
        #expect(weighted.coefficient(of: xs[3]) == 4)
        let mapped = LinearExpression.sum(xs.indices) { (xs[$0], Double($0) * 10) }
        #expect(mapped.coefficient(of: xs[2]) == 20)
        let ofExpressions = LinearExpression.sum([xs[0] + 1, xs[0] + 2])
        #expect(ofExpressions.coefficient(of: xs[0]) == 2)
        #expect(ofExpressions.constant == 3)
        #expect(weighted.evaluate([1, 1, 1, 1]) == 10)
    }

    @Test("simplified merges repeated variables and drops zeros")
    func simplified() {
        var model = Model()
        let x = model.addVariable()
        let y = model.addVariable()
        let e = (x + y + x - y).simplified()
        #expect(e.terms.count == 1)
        #expect(e.coefficient(of: x) == 2)
    }

    @Test("comparisons build constraints; two expressions move to the left")
    func constraints() {
        var model = Model()
        let x = model.addVariable()
        let y = model.addVariable()
        let le = 3 * x + 2 * y <= 18
        #expect(le.upper == 18 && le.lower == nil)
        let ge = x + y >= 2
        #expect(ge.lower == 2 && ge.upper == nil)
        let both = 2 * x <= y + 1
        #expect(both.upper == 0)
        #expect(both.expression.coefficient(of: x) == 2)
        #expect(both.expression.coefficient(of: y) == -1)
        #expect(both.expression.constant == -1)
        let reversed = 5 <= x + y
        #expect(reversed.lower == 5)
        let eq = LinearConstraint.equal(x + y, 5)
        #expect(eq.lower == 5 && eq.upper == 5)
        let eqVariable = LinearConstraint.equal(x, 1)
        #expect(eqVariable.lower == 1)
        let range = LinearConstraint.range(x + y, 2...5)
        #expect(range.lower == 2 && range.upper == 5)
        let variableBound = x <= 4
        #expect(variableBound.upper == 4)
        let variables = x >= y
        #expect(variables.lower == 0)
    }
}
