// The report's "Forecast" section for a portfolio in flight (format v3): each selected project's
// finish against its due date and the baseline; for a late one why, and (with `--analyze`) its
// best mitigations, each re-solved. The words are the analysis's own (ForecastText).
import CapacityPlanning
import ConflictAnalysis
import PortfolioPages

/// Lays out a forecast as a table of finishes and one paragraph per late project
/// (`Templates/forecast.mustache`; mitigations in `Templates/conflict-table.mustache`).
enum ForecastSection {
    /// Most projects in the table (late ones come first).
    static let rowLimit = 40

    /// One selected project's finish.
    struct Row: Sendable {
        /// Its name.
        let name: PageText
        /// Whether it is mandatory.
        let mandatory: Bool
        /// Its finish period and date.
        let finish: PageText
        /// Its due period and date, or "–".
        let due: PageText
        /// "3 weeks", "on time", or "–" without a due date.
        let late: PageText
        /// Whether it finishes after its due date.
        let isLate: Bool
        /// The baseline's finish, or "–".
        let baseline: PageText
        /// Periods it slipped since the baseline ("+2", "−1", "0"), or "–".
        let slip: PageText
    }

    /// A late project: why, and what would pull it in.
    struct LateProject: Sendable {
        /// Its name.
        let name: PageText
        /// "X will finish in W20 (…), 4 periods after its due date W16 (…), because …."
        let sentence: PageText
        /// Its mitigations, best objective first, when any was re-solved.
        let mitigations: ConflictSection.Table?
        /// What to say when there are none.
        let noMitigations: PageText
    }

    /// The section.
    struct View: Sendable {
        /// The line under the heading.
        let sub: PageText
        /// Whether any project is selected.
        let hasRows: Bool
        /// Selected projects, latest first.
        let rows: [Row]
        /// How many selected projects the table leaves out.
        let moreRows: Int?
        /// The late projects (at most `ConflictSection.rowLimit`).
        let late: [LateProject]
        /// Whether any selected project is late.
        let hasLate: Bool
        /// The analysis's notes about the portfolio in flight.
        let notes: [PageText]
    }

    /// The section for `data`: from `analysis`'s forecast when there is one, else from the plan
    /// itself (finishes, due dates, reasons; no mitigations).
    static func view(_ data: ReportData, analysis: ConflictReport?) -> View {
        let labels = data.labels
        let analysed = analysis?.forecast
        let forecast = analysed ?? ProjectForecast.forecasts(data.problem, allocation: data.allocation)
        let scenario = data.problem.scenario
        func name(_ id: String) -> String {
            data.problem.projectIndex[id].map { scenario.projects[$0].resolvedName } ?? id
        }
        func mandatory(_ id: String) -> Bool { data.problem.projectIndex[id].map { data.problem.projects[$0].mandatory } ?? false }

        let rows = forecast.prefix(rowLimit).map { f in
            Row(name: PageText(name(f.project)), mandatory: mandatory(f.project), finish: PageText(f.finishText),
                due: PageText(f.dueText ?? "–"),
                late: PageText(f.due == nil ? "–" : f.late > 0 ? GanttChart.periods(f.late, labels) : "on time"),
                isLate: f.late > 0, baseline: PageText(f.baselineFinish.map { labels.short($0) } ?? "–"),
                slip: PageText(f.slip.map { $0 > 0 ? "+\($0)" : $0 < 0 ? "−\(-$0)" : "0" } ?? "–"))
        }
        let late = forecast.filter { $0.late > 0 }
        let lateViews = late.prefix(ConflictSection.rowLimit).map { f in
            let mitigations = f.mitigations.map { m in
                [m.description, m.objectiveText, m.newFinish.map { labels.short($0) } ?? "–", m.effectText(on: f) ?? "–", m.resolveText]
            }
            return LateProject(
                name: PageText(name(f.project)), sentence: PageText(f.lateSentence + "."),
                mitigations: ConflictSection.Table(["Mitigation", "Change in objective", "New finish", "Effect", "Re-solve"],
                                                   mitigations, numeric: [1]),
                noMitigations: PageText(analysed == nil
                    ? "Run the report with --analyze to re-solve its mitigations."
                    : "No mitigation was re-solved."))
        }
        let sub = analysed == nil
            ? "Each selected project's finish in this plan against its due date and the baseline, and why a late one is late. "
                + "With --analyze, each late project's best mitigations, each re-solved."
            : "From capacity-planner analyze: each selected project's finish against its due date and the baseline, why a late "
                + "one is late, and its best mitigations, each re-solved; the change in objective is against the best plan found "
                + "for the scenario as given (\(analysis?.reference.solver ?? ""), \(analysis?.reference.status?.rawValue ?? "no plan"))."
        return View(sub: PageText(sub), hasRows: !forecast.isEmpty, rows: Array(rows),
                    moreRows: forecast.count > rowLimit ? forecast.count - rowLimit : nil,
                    late: Array(lateViews), hasLate: !late.isEmpty,
                    notes: (analysed == nil ? [] : analysis?.notes ?? []).map { PageText($0) })
    }
}
