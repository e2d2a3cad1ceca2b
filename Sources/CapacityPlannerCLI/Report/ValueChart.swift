// The objective as a waterfall: value, minus staff cost and each penalty, gives the net value.
import CapacityPlanning

/// Renders the objective's terms (`ObjectiveBreakdown`) as an SVG waterfall with a table beneath.
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

    /// The steps: value, staff cost, then every penalty that is not zero, then the net value.
    static func steps(_ data: ReportData) -> [Step] {
        let o = data.kpis.objective
        var steps = [Step(label: "Value", amount: o.value, isTotal: false,
                          detail: "\(data.kpis.projects.filter(\.selected).count) projects selected"),
                     Step(label: "Staff cost", amount: -o.staffCost, isTotal: false,
                          detail: "\(Format.hours(data.kpis.people.reduce(0) { $0 + $1.hours.reduce(0, +) })) h booked")]
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
    static func render(_ data: ReportData) -> String {
        let steps = steps(data)
        // Running totals give each bar's ends.
        var running = 0.0
        var spans: [(Double, Double)] = []
        for step in steps {
            if step.isTotal {
                spans.append((0, step.amount))
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

        var svg = ["<svg viewBox=\"0 0 \(HTML.num(width)) \(HTML.num(height))\" width=\"100%\" style=\"max-width:\(HTML.num(width))px\" "
                   + "role=\"img\" aria-label=\"Objective, term by term\">"]
        svg.append("<line x1=\"10\" x2=\"\(HTML.num(width - 10))\" y1=\"\(HTML.num(y(0)))\" y2=\"\(HTML.num(y(0)))\" stroke=\"#d1d5db\"/>")
        for (k, step) in steps.enumerated() {
            let (a, b) = spans[k]
            let x = 10 + Double(k) * slot + (slot - barWidth) / 2
            let color = step.isTotal ? (step.amount >= 0 ? "#2563eb" : "#dc2626") : step.amount >= 0 ? "#10b981" : "#f87171"
            let yTop = y(max(a, b)), h = max(1, abs(y(a) - y(b)))
            svg.append("<g><title>\(HTML.escape("\(step.label): \(Format.money(step.amount)) (\(step.detail))"))</title>"
                       + "<rect x=\"\(HTML.num(x))\" y=\"\(HTML.num(yTop))\" width=\"\(HTML.num(barWidth))\" height=\"\(HTML.num(h))\" "
                       + "rx=\"3\" fill=\"\(color)\"/></g>")
            if k + 1 < steps.count {
                let next = 10 + Double(k + 1) * slot + (slot - barWidth) / 2
                svg.append("<line x1=\"\(HTML.num(x + barWidth))\" x2=\"\(HTML.num(next))\" y1=\"\(HTML.num(y(b)))\" y2=\"\(HTML.num(y(b)))\" "
                           + "stroke=\"#9ca3af\" stroke-dasharray=\"2 2\"/>")
            }
            let amount = (step.amount > 0 && !step.isTotal ? "+" : "") + Format.compactMoney(step.amount)
            svg.append("<text x=\"\(HTML.num(x + barWidth / 2))\" y=\"\(HTML.num(yTop - 6))\" text-anchor=\"middle\" "
                       + "font-weight=\"600\">\(HTML.escape(amount))</text>")
            svg.append("<text class=\"axis\" x=\"\(HTML.num(x + barWidth / 2))\" y=\"\(HTML.num(height - bottom + 16))\" "
                       + "text-anchor=\"middle\"\(step.isTotal ? " font-weight=\"600\"" : "")>\(HTML.escape(step.label))</text>")
        }
        svg.append("</svg>")
        let rows = steps.map { step in
            "<tr><td\(step.isTotal ? " class=\"pname\"" : "")>\(HTML.escape(step.label))</td>"
                + "<td class=\"small\">\(HTML.escape(step.detail))</td>"
                + "<td class=\"num\(step.isTotal ? " pname" : "")\">\(HTML.escape(Format.money(step.amount)))</td></tr>"
        }
        return svg.joined(separator: "\n")
            + "\n<table class=\"list\"><tbody>\(rows.joined(separator: "\n"))</tbody></table>\n"
    }
}
