// The objective explained, as text: what each project adds and costs, and the staff cost by team.
import CapacityPlanning

extension TextReport {
    /// `Objective by project` (value less costs, a row per project, the portfolio's row and the
    /// total, which is the objective) and `Staff cost by team`.
    static func explanationLines(_ explained: ObjectiveExplanation) -> [String] {
        let penalties = { (line: ObjectiveExplanation.ProjectLine) in
            line.unmetPenalty + line.assignmentPenalty + line.changePenalty + line.startChangePenalty
        }
        var rows = explained.projects.map { line -> [String] in
            [line.project, Format.money(line.value + line.strategicValue), Format.money(-(line.delayCost + line.lateCost)),
             Format.money(-line.staffCost), Format.money(-penalties(line)), Format.money(line.contribution)]
        }
        let portfolio = explained.portfolio
        if portfolio.synergyValue != 0 || portfolio.hiringCost != 0 || portfolio.trainingCost != 0 {
            rows.append(["portfolio: synergies, hires, courses", Format.money(portfolio.synergyValue), "",
                         Format.money(-(portfolio.hiringCost + portfolio.trainingCost)), "", Format.money(portfolio.contribution)])
        }
        rows.append(["total", "", "", "", "", Format.money(explained.objective)])
        var out = ["", "Objective by project (what each adds; the rows sum to the objective):",
                   table(["project", "value", "delay & late", "staff, hires, courses", "penalties", "contribution"], rows)]
        if explained.teams.count > 1 || explained.teams.first?.name != nil {
            out += ["", "Staff cost by team:", table(["team", "hours", "cost"], explained.teams.map {
                [$0.name ?? "(no team)", Format.hours($0.hours), Format.money($0.cost)]
            })]
        }
        return out
    }
}
