import CapacityPlanning
import Testing

/// The one formatter: text, HTML, the analysis text and the benchmarks all write figures with it.
@Suite struct FormatTests {
    @Test("compact money", arguments: [
        (1_060_000.0, "1.06M"), (612_345.0, "612k"), (20_800.0, "20.8k"), (980.0, "980"), (-45_200.0, "-45.2k"),
        (2_000_000_000.0, "2B"), (0.0, "0"), (.nan, "–"),
    ])
    func compactMoney(_ value: Double, _ text: String) {
        #expect(Format.compactMoney(value) == text)
    }

    @Test("money: grouped, two decimals only below 100")
    func money() {
        #expect(Format.money(1_752_152.4) == "1,752,152")
        #expect(Format.money(-0.0001) == "0")
        #expect(Format.money(12.5) == "12.50")
        #expect(Format.money(12) == "12")
        #expect(Format.money(-1_200) == "-1,200")
        #expect(Format.money(.infinity) == "∞")
        #expect(Format.wholeMoney(717_566.4) == "717,566")
        #expect(Format.wholeMoney(nil) == "–")
    }

    @Test("hours: one decimal, grouped from 1,000 up")
    func hours() {
        #expect(Format.hours(224.00000001) == "224")
        #expect(Format.hours(23.44) == "23.4")
        #expect(Format.hours(20518) == "20,518")
        #expect(Format.hours(0.04) == "0")
        #expect(Format.hoursWithUnit(12.5) == "12.5 h")
    }

    @Test("shares, gaps and seconds")
    func sharesGapsSeconds() {
        #expect(Format.percent(0.85) == "85%")
        #expect(Format.percent(0.125, decimals: 2) == "12.50%")
        #expect(Format.gap(0) == "0 %")
        #expect(Format.gap(0.00001) == "<0.01 %")
        #expect(Format.gap(0.0042) == "0.42 %")
        #expect(Format.gap(0.123) == "12.3 %")
        #expect(Format.gap(nil) == "–")
        #expect(Format.seconds(0.0004) == "0.40 ms")
        #expect(Format.seconds(0.012) == "12.0 ms")
        #expect(Format.seconds(1.234) == "1.23 s")
        #expect(Format.seconds(61.25) == "61.2 s" || Format.seconds(61.25) == "61.3 s")
        #expect(Format.duration(.milliseconds(1500)) == "1.50 s")
    }

    @Test("grouping and decimals without the locale")
    func groupingAndDecimals() {
        #expect(Format.grouped(1_000) == "1,000")
        #expect(Format.grouped(-12_345) == "-12,345")
        #expect(Format.grouped(999) == "999")
        #expect(Format.decimal(2.5, digits: 2, trimmingZeros: true) == "2.5")
        #expect(Format.decimal(-0.001, digits: 2, trimmingZeros: false) == "0.00")
        #expect(Format.decimal(3, digits: 0, trimmingZeros: false) == "3")
    }

    @Test("the one relative gap")
    func relativeGap() {
        #expect(Plan.relativeGap(objective: 100, bound: 110) == 0.1)
        #expect(Plan.relativeGap(objective: 100, bound: 90) == 0, "never negative")
        #expect(Plan.relativeGap(objective: 0, bound: 0.5) == 0.5, "divided by at least 1")
        #expect(Plan.relativeGap(objective: -200, bound: -100) == 0.5)
    }
}
