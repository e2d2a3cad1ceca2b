// The report's "Objective by project" section: what each project adds and costs, the portfolio's
// share (synergies, hires, courses), the total (the objective), and the staff cost by team.
import CapacityPlanning
import PortfolioPages

/// The objective explained on the page (`Templates/explanation.mustache`).
enum ExplanationSection {
    /// The section.
    struct View: Sendable {
        /// One row: a project, or the portfolio.
        struct Row: Sendable {
            /// The project's name (or "Portfolio: synergies, hires, courses").
            let name: PageText
            /// Value (with strategic value), delay and late cost, staff cost (with hires and
            /// courses for the portfolio), penalties, and the contribution, as shown.
            let value: String, delay: String, staff: String, penalties: String, contribution: String
            /// Whether the contribution is negative (shown in red).
            let negative: Bool
            /// The contribution's bar, in per cent of the largest.
            let bar: String
        }

        /// A team's hours and staff cost.
        struct Team: Sendable {
            /// The team's name.
            let name: PageText
            /// Hours and cost.
            let hours: String, cost: String
        }

        /// The rows, most valuable first.
        let rows: [Row]
        /// The objective (the rows' sum).
        let total: String
        /// Whether there is more than one team to show, and the teams.
        let hasTeams: Bool, teams: [Team]
    }

    /// The section for a plan with a valid allocation.
    static func view(_ data: ReportData) -> View {
        let explained = data.plan.details?.explanation ?? ObjectiveExplanation(allocation: data.allocation, problem: data.problem)
        let names = Dictionary(data.problem.scenario.projects.map { ($0.id, $0.resolvedName) }, uniquingKeysWith: { a, _ in a })
        var rows: [(name: String, cells: [Double], contribution: Double)] = explained.projects
            .sorted { $0.contribution > $1.contribution }
            .map { line in
                (names[line.project] ?? line.project,
                 [line.value + line.strategicValue, -(line.delayCost + line.lateCost), -line.staffCost,
                  -(line.unmetPenalty + line.assignmentPenalty + line.changePenalty + line.startChangePenalty)],
                 line.contribution)
            }
        let portfolio = explained.portfolio
        if portfolio.synergyValue != 0 || portfolio.hiringCost != 0 || portfolio.trainingCost != 0 {
            rows.append(("Portfolio: synergies, hires, courses",
                         [portfolio.synergyValue, 0, -(portfolio.hiringCost + portfolio.trainingCost), 0], portfolio.contribution))
        }
        let largest = rows.map { abs($0.contribution) }.max() ?? 0
        let shown = rows.map { row in
            View.Row(name: PageText(row.name), value: Format.money(row.cells[0]), delay: Format.money(row.cells[1]),
                     staff: Format.money(row.cells[2]), penalties: Format.money(row.cells[3]),
                     contribution: Format.money(row.contribution), negative: row.contribution < 0,
                     bar: SVG.number(largest > 0 ? abs(row.contribution) / largest * 100 : 0))
        }
        let teams = explained.teams.map { View.Team(name: PageText($0.name ?? "No team"), hours: Format.hours($0.hours), cost: Format.money($0.cost)) }
        return View(rows: shown, total: Format.money(explained.objective),
                    hasTeams: explained.teams.count > 1 || explained.teams.first?.name != nil, teams: teams)
    }
}
