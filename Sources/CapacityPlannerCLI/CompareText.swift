// A comparison of two plans, as text: the objective's change by term and by project, then what moved.
import CapacityPlanning
import ConflictAnalysis

extension TextReport {
    /// The comparison's tables (`compare --format text`).
    static func comparison(_ c: PlanComparison, nameA: String, nameB: String, labels: PeriodLabels) -> String {
        func signed(_ x: Double) -> String { (x > 0 ? "+" : "") + Format.money(x) }
        func span(_ start: Int?, _ finish: Int?) -> String {
            guard let start else { return "–" }
            return finish.map { "\(labels.short(start))–\(labels.short($0))" } ?? labels.short(start)
        }
        var out = ["A: \(nameA)", "B: \(nameB)",
                   "Objective \(Format.money(c.objectiveA)) → \(Format.money(c.objectiveB)): \(signed(c.difference))", ""]
        out.append("By term (B − A; the changes sum to the objective's):")
        out.append(table(["term", "A", "B", "change"], c.terms.map { [$0.name, Format.money($0.a), Format.money($0.b), signed($0.change)] }
                         + [["total", Format.money(c.objectiveA), Format.money(c.objectiveB), signed(c.difference)]]))
        out.append("")
        out.append("By project (what each adds to the objective; the changes sum to the objective's):")
        out.append(c.byProject.isEmpty ? "  no project's contribution changed"
                   : table(["project", "A", "B", "change"], c.byProject.map { [$0.name, Format.money($0.a), Format.money($0.b), signed($0.change)] }))
        out.append("")
        out.append("Projects:")
        if c.projects.isEmpty { out.append("  the same projects, at the same dates, with the same hours") }
        for p in c.projects {
            let late = (p.lateB ?? 0) > 0 ? ", \(p.lateB ?? 0) \(p.lateB == 1 ? labels.unitName.dropLast() : Substring(labels.unitName)) late" : ""
            let worth = "worth \(signed(p.contributionB - p.contributionA))"
            switch p.change {
            case .added: out.append("  added: \(p.project) \(span(p.startB, p.finishB))\(late); \(worth)")
            case .dropped: out.append("  dropped: \(p.project) (was \(span(p.startA, p.finishA))); \(worth)")
            case .moved: out.append("  moved: \(p.project) \(span(p.startA, p.finishA)) → \(span(p.startB, p.finishB))\(late); \(worth)")
            case .newlyLate: out.append("  newly late: \(p.project) \(span(p.startB, p.finishB))\(late); \(worth)")
            case .restaffed:
                let hours = abs(p.hoursA - p.hoursB) > 1e-6 ? "\(Format.hours(p.hoursA)) h → \(Format.hours(p.hoursB)) h" : "other people or weeks"
                out.append("  restaffed: \(p.project) (\(hours)); \(worth)")
            }
        }
        if !c.hours.isEmpty {
            out.append("")
            out.append("Hours moved (person and project, A → B)\(c.hours.count > 25 ? ", the 25 largest of \(c.hours.count)" : ""):")
            out.append(table(["person", "project", "A", "B", "change"], c.hours.prefix(25).map {
                [$0.person, $0.project, Format.hours($0.hoursA), Format.hours($0.hoursB), (($0.hoursB > $0.hoursA) ? "+" : "") + Format.hours($0.hoursB - $0.hoursA)]
            }))
        }
        if !c.supply.isEmpty {
            out.append("")
            out.append("Hires and courses:")
            for s in c.supply {
                out.append("  \(s.kind) \(s.name): \(s.startA.map { labels.short($0) } ?? "none") → \(s.startB.map { labels.short($0) } ?? "none"); "
                           + "cost \(Format.money(s.costA)) → \(Format.money(s.costB))")
            }
        }
        if !c.budgets.isEmpty {
            out.append("")
            out.append("Budgets (spend against B's budgets):")
            out.append(table(["budget", "amount", "A", "B"], c.budgets.map {
                [$0.project ?? "portfolio", Format.money($0.budget), Format.money($0.spendA), Format.money($0.spendB)]
            }))
        }
        if !c.balance.isEmpty {
            out.append("")
            out.append("Balance (share against B's rules):")
            out.append(table(["group", "measure", "A", "B", "rule", "holds in B"], c.balance.map {
                [$0.group, $0.measure, Format.percent($0.shareA, decimals: 1), Format.percent($0.shareB, decimals: 1),
                 "\(Format.percent($0.minShare))–\(Format.percent($0.maxShare))", $0.holdsB ? "yes" : "no"]
            }))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
