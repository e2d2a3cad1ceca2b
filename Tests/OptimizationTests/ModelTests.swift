import Optimization
import Testing

@Suite("Model building and validation")
struct ModelTests {
    @Test("counts and the constant moved to the bounds")
    func counts() throws {
        var model = Model(name: "m")
        let x = model.addVariable("x")
        let y = model.addVariable("y", kind: .integer, lowerBound: nil, upperBound: 10)
        let z = model.addBinary("z")
        let row = model.addConstraint(x + y + 3 <= 5, name: "c")
        model.addConstraint(variables: [x, z], coefficients: [1, 2], lower: 1, upper: nil)
        #expect(model.variableCount == 3)
        #expect(model.constraintCount == 2)
        #expect(model.nonZeroCount == 4)
        #expect(model.integerCount == 2)
        let bounds = try #require(model.bounds(of: row))
        #expect(bounds.lower == nil && bounds.upper == 2)
        #expect(model.bounds(of: y)?.lower == nil)
        #expect(model.kind(of: z) == .binary)
        #expect(model.name(of: row) == "c")
        try model.validate()
    }

    @Test("repeated variables in a row are merged, zeros dropped")
    func merging() throws {
        var model = Model()
        let x = model.addVariable()
        let y = model.addVariable()
        let z = model.addVariable()
        let row = model.addConstraint(z + x + y + x - y <= 1)
        let fast = model.addConstraint(variables: [y, x, y], coefficients: [1, 2, 3], lower: nil, upper: 4)
        #expect(model.nonZeroCount == 4)
        let expression = try #require(model.expression(of: row))
        #expect(expression.coefficient(of: x) == 2)
        #expect(expression.coefficient(of: y) == 0)
        #expect(expression.terms.count == 2)
        #expect(model.expression(of: fast)?.coefficient(of: y) == 4)
        try model.validate()
    }

    @Test("objective and bounds setters")
    func objective() {
        var model = Model()
        let x = model.addVariable()
        let y = model.addVariable()
        model.setObjective(2 * x + y + x + 7, sense: .maximize)
        #expect(model.objectiveCoefficient(of: x) == 3)
        #expect(model.objectiveConstant == 7)
        #expect(model.objectiveSense == .maximize)
        model.setObjectiveCoefficient(y, 5)
        #expect(model.objective.coefficient(of: y) == 5)
        model.setBounds(x, lower: 1, upper: 1)
        #expect(model.bounds(of: x)?.upper == 1)
    }

    @Test("a NaN coefficient names the constraint and the variable")
    func nanCoefficient() {
        var model = Model()
        _ = model.addVariable("x")
        let y = model.addVariable("load")
        model.addConstraint(LinearExpression(terms: [(y, .nan)]) <= 3, name: "capacity")
        let error = #expect(throws: ModelError.self) { try model.validate() }
        #expect(error?.code == .invalidCoefficient)
        #expect(error?.message.contains("'capacity'") == true)
        #expect(error?.message.contains("'load'") == true)
        #expect(error?.variable == y)
    }

    @Test("a NaN objective coefficient names the variable")
    func nanObjective() {
        var model = Model()
        let x = model.addVariable("cost")
        model.setObjectiveCoefficient(x, .nan)
        let error = #expect(throws: ModelError.self) { try model.validate() }
        #expect(error?.code == .invalidCoefficient)
        #expect(error?.message.contains("'cost'") == true)
    }

    @Test("inverted bounds name the variable or the constraint")
    func invertedBounds() {
        var model = Model()
        _ = model.addVariable("ok")
        let x = model.addVariable("hours", lowerBound: 5, upperBound: 2)
        var error = #expect(throws: ModelError.self) { try model.validate() }
        #expect(error?.code == .invertedBounds)
        #expect(error?.message.contains("'hours' (#1)") == true)
        #expect(error?.variable == x)

        var rows = Model()
        let y = rows.addVariable()
        rows.addConstraint(LinearConstraint.range(LinearExpression(y), 1...2), name: "fine")
        rows.addConstraint(LinearConstraint(y + 0, lower: 3, upper: 1))
        error = #expect(throws: ModelError.self) { try rows.validate() }
        #expect(error?.code == .invertedBounds)
        #expect(error?.message.contains("constraint #1") == true)
    }

    @Test("infinite bounds on the natural side mean none; on the wrong side they are errors")
    func infiniteBounds() throws {
        var model = Model()
        let x = model.addVariable("x", lowerBound: -.infinity, upperBound: .infinity)
        try model.validate()
        model.setBounds(x, lower: .infinity, upper: nil)
        let error = #expect(throws: ModelError.self) { try model.validate() }
        #expect(error?.code == .invalidBound)
    }

    @Test("a variable from another model is reported, by index")
    func foreignVariable() {
        var first = Model()
        _ = first.addVariable("a")
        var second = Model()
        let stranger = second.addVariable("b")
        let stranger2 = second.addVariable("c")
        first.addConstraint(stranger2 <= 1, name: "limit")
        let error = #expect(throws: ModelError.self) { try first.validate() }
        #expect(error?.code == .foreignVariable)
        #expect(error?.message.contains("#1") == true)
        #expect(error?.message.contains("'limit'") == true)
        #expect(error?.variable == stranger2)

        var third = Model()
        third.setObjectiveCoefficient(stranger, 1)
        #expect(throws: ModelError.self) { try third.validate() }
    }

    @Test("copies share identity, so sub-problems can reuse variables")
    func copies() throws {
        var model = Model()
        let x = model.addVariable("x")
        var sub = model
        sub.setBounds(x, lower: 1, upper: 1)
        try sub.validate()
        #expect(model.bounds(of: x)?.upper == nil)
    }

    @Test("mismatched arrays and bad names are reported")
    func mismatchedAndNames() {
        var model = Model()
        let x = model.addVariable()
        model.addConstraint(variables: [x], coefficients: [1, 2], lower: 0, upper: 1, name: "r")
        let error = #expect(throws: ModelError.self) { try model.validate() }
        #expect(error?.code == .mismatchedArrays)

        var named = Model()
        _ = named.addVariable("bad\nname")
        let nameError = #expect(throws: ModelError.self) { try named.validate() }
        #expect(nameError?.code == .invalidName)

        var long = Model()
        _ = long.addVariable(String(repeating: "x", count: 256))
        #expect(throws: ModelError.self) { try long.validate() }
    }

    @Test("binary bounds are clamped to 0...1")
    func binaryClamp() {
        var model = Model()
        let b = model.addBinary("b")
        model.setBounds(b, lower: 2, upper: nil)
        let error = #expect(throws: ModelError.self) { try model.validate() }
        #expect(error?.code == .invertedBounds)
    }
}
