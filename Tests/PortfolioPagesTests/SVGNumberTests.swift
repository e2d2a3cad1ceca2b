// The one number format of SVG coordinates, for the report's charts and the benchmark's.
import PortfolioPages
import Testing

@Suite("SVG numbers")
struct SVGNumberTests {
    @Test("at most one decimal, never an exponent, 0 for what is not finite, huge values clamped", arguments: [
        (0.0, "0"), (12.34, "12.3"), (-0.25, "-0.3"), (0.25, "0.3"), (-1.5, "-1.5"), (880.0, "880"), (880.04, "880"),
        (-0.04, "0"), (-0.06, "-0.1"), (1254.0, "1254"), (1e20, "100000000000"), (-1e20, "-100000000000"),
        (1e-300, "0"), (Double.nan, "0"), (Double.infinity, "0"), (-Double.infinity, "0"),
    ])
    func numbers(_ value: Double, _ text: String) {
        #expect(SVG.number(value) == text)
        #expect(!SVG.number(value).contains("e"))
    }

    @Test("points lists")
    func points() {
        #expect(SVG.points([(1, 2.25), (-3.5, 1e20)]) == "1,2.3 -3.5,100000000000")
        #expect(SVG.points([]) == "")
    }
}
