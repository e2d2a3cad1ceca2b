// The objective as a waterfall: value, minus staff cost and each penalty, gives the net value.
import CapacityPlanning
import PortfolioPages

/// Lays out the objective's terms (`ObjectiveBreakdown`) as an SVG waterfall with a table beneath
/// (`Templates/value.mustache`).
enum ValueChart {
    private static let width = 520.0
    private static let height = 230.0
    private static let top = 22.0
    private static let bottom = 38.0

    /// One step of the waterfall.
    struct Step: Equatable {
        /// What it is.
        let label: String
        /// Its signed amount (the total for the last step).
        let amount: Double
        /// Whether it is the total rather than a change.
        let isTotal: Bool
        /// A detail for the tooltip and table ("104 person–project pairs").
        let detail: String
    }

    /// The steps: value, staff cost, hiring and training (version 3, when not zero), then every
    /// penalty that is not zero, then the net value.
    static func steps(_ data: ReportData) -> [Step] {
        let o = data.kpis.objective
        var steps = [Step(label: "Value", amount: o.value, isTotal: false,
                          detail: "\(data.kpis.projects.filter(\.selected).count) projects selected"),
                     Step(label: "Staff cost", amount: -o.staffCost, isTotal: false,
                          detail: "\(Format.hours(data.kpis.people.reduce(0) { $0 + $1.hours.reduce(0, +) })) h booked")]
        if let hiring = o.hiringCost, hiring > 0 {
            let hires = data.hires?.people.count ?? 0
            steps.append(Step(label: "Hiring", amount: -hiring, isTotal: false,
                              detail: "\(hires) hire\(hires == 1 ? "" : "s"): hiring costs and salaries to the horizon's end"))
        }
        if let training = o.trainingCost, training > 0 {
            let courses = data.allocation.courses.count
            steps.append(Step(label: "Training", amount: -training, isTotal: false,
                              detail: "\(courses) course\(courses == 1 ? "" : "s")"))
        }
        if o.unmetPenalty > 0 {
            steps.append(Step(label: "Unstaffed", amount: -o.unmetPenalty, isTotal: false,
                              detail: "\(Format.hours(o.unmetHours)) mandatory hours unstaffed"))
        }
        if o.assignmentPenalty > 0 {
            steps.append(Step(label: "Team size", amount: -o.assignmentPenalty, isTotal: false,
                              detail: "\(o.assignmentPairs) person–project pairs"))
        }
        if o.changePenalty > 0 {
            steps.append(Step(label: "Changes", amount: -o.changePenalty, isTotal: false,
                              detail: "\(Format.hours(o.changedHours)) h differ from the baseline"))
        }
        if o.startChangePenalty > 0 {
            steps.append(Step(label: "Moves", amount: -o.startChangePenalty, isTotal: false,
                              detail: "\(o.startChanges) baseline projects dropped or moved"))
        }
        steps.append(Step(label: "Net value", amount: o.total, isTotal: true, detail: "the plan's objective"))
        return steps
    }

    /// The waterfall and a table of the same figures.
    struct View: Sendable {
        /// One bar of the waterfall and its table row.
        struct Bar: Sendable {
            /// Tooltip: label, amount and detail.
            let tip: PageText
            /// The bar's rectangle.
            let x: String, y: String, width: String, height: String
            /// Its colour: green up, red down, blue or red for the total.
            let fill: String
            /// The dashed line to the next bar, at this bar's end.
            let connector: Connector?
            /// The bar's centre, and where its amount is written.
            let centre: String, amountY: String
            /// The amount, signed, compact.
            let amount: PageText
            /// What the step is, and a detail for the table.
            let label: PageText, detail: PageText
            /// The amount in full, for the table.
            let money: PageText
            /// Whether it is the total.
            let isTotal: Bool
        }

        /// A dashed line from one bar's end to the next bar.
        struct Connector: Sendable {
            /// From x to x at height y.
            let x1: String, x2: String, y: String
        }

        /// The zero line's y.
        let zeroY: String
        /// The bars, in order.
        let bars: [Bar]
    }

    /// The waterfall's layout.
    static func view(_ data: ReportData) -> View { view(steps(data)) }

    /// The layout of any steps: a total stands from zero and the changes after it run on from it
    /// (so a bridge from one objective to another is a total, the changes, and a total).
    static func view(_ steps: [Step]) -> View {
        // Running totals give each bar's ends.
        var running = 0.0
        var spans: [(Double, Double)] = []
        for step in steps {
            if step.isTotal {
                spans.append((0, step.amount))
                running = step.amount
            } else {
                spans.append((running, running + step.amount))
                running += step.amount
            }
        }
        let high = max(0, spans.map { max($0.0, $0.1) }.max() ?? 0)
        let low = min(0, spans.map { min($0.0, $0.1) }.min() ?? 0)
        let range = max(1, high - low)
        let plotHeight = height - top - bottom
        func y(_ v: Double) -> Double { top + (high - v) / range * plotHeight }
        let slot = (width - 20) / Double(steps.count)
        let barWidth = min(64, slot * 0.62)
        let n = SVG.number

        let bars = steps.enumerated().map { k, step -> View.Bar in
            let (a, b) = spans[k]
            let x = 10 + Double(k) * slot + (slot - barWidth) / 2
            let color = step.isTotal ? (step.amount >= 0 ? "#2563eb" : "#dc2626") : step.amount >= 0 ? "#10b981" : "#f87171"
            let yTop = y(max(a, b)), h = max(1, abs(y(a) - y(b)))
            var connector: View.Connector?
            if k + 1 < steps.count {
                let next = 10 + Double(k + 1) * slot + (slot - barWidth) / 2
                connector = View.Connector(x1: n(x + barWidth), x2: n(next), y: n(y(b)))
            }
            return View.Bar(tip: "\(step.label): \(Format.money(step.amount)) (\(step.detail))",
                            x: n(x), y: n(yTop), width: n(barWidth), height: n(h), fill: color, connector: connector,
                            centre: n(x + barWidth / 2), amountY: n(yTop - 6),
                            amount: PageText((step.amount > 0 && !step.isTotal ? "+" : "") + Format.compactMoney(step.amount)),
                            label: PageText(step.label), detail: PageText(step.detail), money: PageText(Format.money(step.amount)),
                            isTotal: step.isTotal)
        }
        return View(zeroY: n(y(0)), bars: bars)
    }
}
