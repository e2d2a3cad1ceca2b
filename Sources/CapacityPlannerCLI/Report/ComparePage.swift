// `compare --format html`: two plans side by side — the bridge from A's objective to B's, what
// changed by project, both timelines and both utilisation heat maps, and the hours moved.
import CapacityPlanning
import ConflictAnalysis
import PortfolioPages

/// The comparison page's view model (`Templates/compare.mustache`).
struct ComparePage: Sendable {
    /// One plan's column.
    struct Side: Sendable {
        /// `A` or `B`, the plan's name, its objective.
        let letter: String, name: PageText, objective: String
        /// Its schedule and its heat map.
        let gantt: GanttChart.View
        let heatmap: Heatmap.View
        /// Whether it breaks rules of its scenario, and how many.
        let violations: Int?
    }

    /// A row of a table of changes.
    struct Row: Sendable {
        /// The cells, as shown.
        let cells: [PageText]
        /// Whether the row's change is negative.
        let negative: Bool
    }

    /// The page's title.
    let title: PageText
    /// The headline: A's objective → B's, and the change.
    let headline: PageText
    /// The bridge: A's objective, each term's change, B's objective.
    let bridge: ValueChart.View
    /// By project: A, B, change; then the project changes; the hours moved.
    let byProject: [Row]
    let projects: [Row]
    let hours: [Row]
    /// More hours moved than shown.
    let moreHours: Int?
    /// Supply, budgets and balance rows (empty when none differ).
    let supply: [Row]
    let budgets: [Row]
    let balance: [Row]
    /// Whether there are supply, budget and balance rows (stored: templates see stored properties only).
    let hasSupply: Bool, hasBudgets: Bool, hasBalance: Bool
    /// Both plans.
    let a: Side, b: Side

    /// The page.
    static func render(_ comparison: PlanComparison, a: ReportData, b: ReportData) throws(PageTemplateError) -> String {
        try ReportTemplates.loaded.get().render(ComparePage(comparison, a: a, b: b), with: "compare")
    }

    init(_ c: PlanComparison, a: ReportData, b: ReportData) {
        func signed(_ x: Double) -> String { (x > 0 ? "+" : "") + Format.money(x) }
        func row(_ cells: [String], negative: Bool = false) -> Row { Row(cells: cells.map { PageText($0) }, negative: negative) }
        title = PageText("\(a.title) → \(b.title)")
        headline = PageText("Objective \(Format.money(c.objectiveA)) → \(Format.money(c.objectiveB)): \(signed(c.difference))")
        let names = ["value": "Value", "strategicValue": "Strategic value", "synergyValue": "Synergies", "delayCost": "Delay",
                     "lateCost": "Late", "staffCost": "Staff cost", "hiringCost": "Hiring", "trainingCost": "Training",
                     "unmetPenalty": "Unstaffed", "assignmentPenalty": "Team size", "changePenalty": "Changes",
                     "startChangePenalty": "Moves"]
        bridge = ValueChart.view([ValueChart.Step(label: "A", amount: c.objectiveA, isTotal: true, detail: "plan A's objective")]
            + c.terms.filter { $0.change != 0 }.map {
                ValueChart.Step(label: names[$0.name] ?? $0.name, amount: $0.change, isTotal: false,
                                detail: "\(Format.money($0.a)) → \(Format.money($0.b))")
            }
            + [ValueChart.Step(label: "B", amount: c.objectiveB, isTotal: true, detail: "plan B's objective")])
        byProject = c.byProject.map { row([$0.name, Format.money($0.a), Format.money($0.b), signed($0.change)], negative: $0.change < 0) }
        let labels = b.labels
        func span(_ start: Int?, _ finish: Int?) -> String {
            guard let start else { return "–" }
            return finish.map { "\(labels.short(start))–\(labels.short($0))" } ?? labels.short(start)
        }
        projects = c.projects.map { p in
            let late = (p.lateB ?? 0) > 0 ? "\(p.lateB ?? 0) late" : ""
            return row([p.project, p.change.rawValue, span(p.startA, p.finishA), span(p.startB, p.finishB), late,
                        signed(p.contributionB - p.contributionA)], negative: p.contributionB < p.contributionA)
        }
        hours = c.hours.prefix(40).map {
            row([$0.person, $0.project, Format.hours($0.hoursA), Format.hours($0.hoursB)], negative: $0.hoursB < $0.hoursA)
        }
        moreHours = c.hours.count > 40 ? c.hours.count - 40 : nil
        supply = c.supply.map {
            row(["\($0.kind) \($0.name)", $0.startA.map { labels.short($0) } ?? "none", $0.startB.map { labels.short($0) } ?? "none",
                 signed(-($0.costB - $0.costA))], negative: $0.costB > $0.costA)
        }
        budgets = c.budgets.map {
            row([$0.project ?? "portfolio", Format.money($0.budget), Format.money($0.spendA), Format.money($0.spendB)],
                negative: $0.spendB > $0.budget)
        }
        balance = c.balance.map {
            row([$0.group, $0.measure, Format.percent($0.shareA, decimals: 1), Format.percent($0.shareB, decimals: 1),
                 "\(Format.percent($0.minShare))–\(Format.percent($0.maxShare))"], negative: !$0.holdsB)
        }
        (hasSupply, hasBudgets, hasBalance) = (!supply.isEmpty, !budgets.isEmpty, !balance.isEmpty)
        func side(_ letter: String, _ data: ReportData, _ objective: Double) -> Side {
            Side(letter: letter, name: PageText(data.title), objective: Format.money(objective), gantt: GanttChart.view(data),
                 heatmap: Heatmap.view(data), violations: data.check.isValid ? nil : data.check.violations.count)
        }
        self.a = side("A", a, c.objectiveA)
        self.b = side("B", b, c.objectiveB)
    }
}
