// The report's two project tables: what is left out (and why), and what is selected.
import CapacityPlanning
import PortfolioPages

/// View models of `Templates/left-out.mustache` and `Templates/selected.mustache`.
enum ReportTables {
    /// Projects the plan leaves out, most valuable first.
    struct LeftOut: Sendable {
        /// One left-out project.
        struct Row: Sendable {
            /// Its name.
            let name: PageText
            /// Where the baseline had it, when it had it.
            let baselineTag: PageText?
            /// Duration and window.
            let detail: PageText
            /// Its value.
            let value: PageText
            /// Why it is left out, when one reason is plain.
            let reason: PageText?
        }

        /// Whether anything is left out.
        let hasExclusions: Bool
        /// The rows.
        let exclusions: [Row]
    }

    /// Selected projects, most valuable first.
    struct Selected: Sendable {
        /// A selected project's budget use.
        struct Budget: Sendable {
            /// The meter's colour class (`bad`, `warn` or empty).
            let tone: String
            /// Cost of budget, exactly.
            let tip: PageText
            /// The meter's fill in per cent (at most 100).
            let width: String
            /// The share used.
            let share: PageText
            /// The budget.
            let amount: PageText
        }

        /// One selected project.
        struct Row: Sendable {
            /// Its name.
            let name: PageText
            /// Whether it is mandatory.
            let mandatory: Bool
            /// Whether a pin holds it.
            let pinned: Bool
            /// Its periods.
            let when: PageText
            /// Value, staff cost and their difference.
            let value: PageText, cost: PageText, net: PageText
            /// Its budget use, when it has a budget.
            let budget: Budget?
            /// Booked ÷ demanded hours.
            let staffed: PageText
            /// Whether it is short of staff.
            let understaffed: Bool
        }

        /// Whether the plan selects anything.
        let hasProjects: Bool
        /// The rows.
        let projects: [Row]
    }

    /// The periods a project may run in: `W3–W9`, one label, or `empty`.
    static func windowText(_ data: ReportData, _ j: Int) -> String {
        let project = data.problem.scenario.projects[j]
        let last = project.lastAllowedPeriod(periods: data.problem.periodCount)
        guard last >= project.earliestStart else { return "empty" }
        let first = max(0, project.earliestStart)
        return first == last ? data.labels.short(first) : "\(data.labels.short(first))–\(data.labels.short(last))"
    }

    /// The left-out table.
    static func leftOut(_ data: ReportData) -> LeftOut {
        let rows = data.exclusions.sorted { data.problem.projects[$0.index].value > data.problem.projects[$1.index].value }.map { e in
            let project = data.problem.scenario.projects[e.index]
            let was = data.problem.baseline.starts[e.index].map { start in
                PageText("baseline \(data.labels.short(start))–\(data.labels.short(start + project.duration - 1))")
            }
            return LeftOut.Row(name: PageText(project.resolvedName), baselineTag: was,
                               detail: "\(project.duration) \(data.labels.unitName) · window \(windowText(data, e.index))",
                               value: PageText(Format.compactMoney(project.value)), reason: e.reason.map { PageText($0) })
        }
        return LeftOut(hasExclusions: !rows.isEmpty, exclusions: rows)
    }

    /// The selected table.
    static func selected(_ data: ReportData) -> Selected {
        let selected = data.kpis.projects.enumerated().filter { $0.element.selected }
        let rows = selected.sorted { data.problem.projects[$0.offset].value > data.problem.projects[$1.offset].value }
            .map { j, kpi in
                let project = data.problem.scenario.projects[j]
                let info = data.problem.projects[j]
                let start = kpi.start ?? 0
                let budget = info.budget.map { budget in
                    let share = budget > 0 ? kpi.cost / budget : (kpi.cost > 0 ? 2 : 0)
                    return Selected.Budget(tone: share > 1 + 1e-9 ? "bad" : share > 0.9 ? "warn" : "",
                                           tip: "\(Format.money(kpi.cost)) of \(Format.money(budget))",
                                           width: SVG.number(min(1, share) * 100),
                                           share: PageText(Format.percent(share)), amount: PageText(Format.compactMoney(budget)))
                }
                return Selected.Row(name: PageText(project.resolvedName), mandatory: info.mandatory,
                                    pinned: data.problem.pins.contains { $0.project == j },
                                    when: PageText(data.labels.range(start, data.allocation.finish(of: j, in: data.problem)
                                                                         ?? (start + info.duration - 1))),
                                    value: PageText(Format.money(info.value)), cost: PageText(Format.money(kpi.cost)),
                                    net: PageText(Format.money(info.value - kpi.cost)), budget: budget,
                                    staffed: PageText(Format.percent(kpi.coverage)), understaffed: kpi.coverage < 1 - 1e-6)
            }
        return Selected(hasProjects: !rows.isEmpty, projects: rows)
    }
}
