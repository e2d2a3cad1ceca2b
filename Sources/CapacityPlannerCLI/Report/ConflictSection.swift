// The report's "Conflicts and resolutions" section, from a ConflictReport (`report --analyze`).
import CapacityPlanning
import ConflictAnalysis
import PortfolioPages

/// Lays out the conflicts and the ranked resolutions of an analysis as two tables
/// (`Templates/conflicts.mustache`).
enum ConflictSection {
    /// Most rows per table (the JSON of `analyze` has everything).
    static let rowLimit = 10

    /// A table of text cells; numeric columns are right-aligned.
    struct Table: Sendable {
        /// A heading or a cell.
        struct Cell: Sendable {
            /// The text.
            let text: PageText
            /// Whether its column is numeric.
            let numeric: Bool
        }

        /// A row of cells.
        struct Row: Sendable {
            /// The cells.
            let cells: [Cell]
        }

        /// The headings.
        let header: [Cell]
        /// The rows.
        let rows: [Row]

        /// `rows` under `header`, `nil` when there are no rows.
        init?(_ header: [String], _ rows: [[String]], numeric: Set<Int>) {
            guard !rows.isEmpty else { return nil }
            func cells(_ texts: [String]) -> [Cell] {
                texts.enumerated().map { Cell(text: PageText($0.element), numeric: numeric.contains($0.offset)) }
            }
            self.header = cells(header)
            self.rows = rows.map { Row(cells: cells($0)) }
        }
    }

    /// The section.
    struct View: Sendable {
        /// Where capacity breaks, when anywhere.
        let breaks: Table?
        /// The planner and status of the reference plan.
        let referenceSolver: PageText, referenceStatus: PageText
        /// The resolutions, best first, when any was evaluated.
        let fixes: Table?
    }

    /// The section's layout.
    static func view(_ report: ConflictReport, labels: PeriodLabels) -> View {
        var rows: [[String]] = []
        for s in report.skillShortages.sorted(by: { $0.shortageHours > $1.shortageHours }).prefix(rowLimit) {
            rows.append(["Skill shortage", labels.short(s.period),
                         s.demands.map { "\($0.skill) ≥ \($0.minLevel)" }.joined(separator: " + "),
                         "needs \(hours(s.demandHours)); the \(s.people.count) people who can serve it have \(hours(s.supplyHours))",
                         hours(s.shortageHours)])
        }
        for o in report.overAllocations.sorted(by: { $0.excessHours > $1.excessHours }).prefix(rowLimit) {
            rows.append(["Over-allocated", labels.short(o.period), o.person,
                         o.projects.map { "\($0.project) \(hours($0.hours))" }.joined(separator: ", "), hours(o.excessHours)])
        }
        for r in report.deadlineRisks.sorted(by: { $0.shortHours > $1.shortHours }).prefix(rowLimit) {
            rows.append(["Deadline risk" + (r.mandatory ? " (mandatory)" : ""), r.bestStart.map(labels.short) ?? "–", r.project,
                         r.detail, hours(r.shortHours)])
        }
        for c in report.contention.sorted(by: { $0.shortageHours > $1.shortageHours }).prefix(rowLimit) {
            let what = c.kind == .displacement
                ? "\(c.projects.first?.project ?? "") left out; its people are on " + c.projects.dropFirst().map(\.project).joined(separator: ", ")
                : c.projects.map { "\($0.project) (\(hours($0.shortageExplained)))" }.joined(separator: ", ")
            rows.append(["Contention", c.periods.first.map(labels.short) ?? "–", "\(c.people.count) people", what, hours(c.shortageHours)])
        }
        if report.orphanedWork.count > 0 {
            rows.append(["Orphaned work", "–", "\(report.orphanedWork.count) baseline entries",
                         "hours of people, projects or demands that are gone, or outside the horizon",
                         hours(report.orphanedWork.reduce(0) { $0 + $1.hours })])
        }
        let fixes = report.resolutions.prefix(rowLimit).map { r in
            [r.objectiveChange.map(signedMoney) ?? "no plan", r.description,
             r.clears.isEmpty ? "–" : r.clears.prefix(3).joined(separator: "; ") + (r.clears.count > 3 ? "; …" : ""),
             r.outcome.status?.rawValue ?? "no plan"]
        }
        return View(breaks: Table(["Conflict", "When", "Who / what", "Detail", "Hours"], rows, numeric: [4]),
                    referenceSolver: PageText(report.reference.solver),
                    referenceStatus: PageText(report.reference.status?.rawValue ?? "no plan"),
                    fixes: Table(["Change in objective", "Resolution", "Clears", "Re-solve"], Array(fixes), numeric: [0]))
    }

    private static func hours(_ h: Double) -> String { Format.hours(h) }

    private static func signedMoney(_ v: Double) -> String { (v >= 0.5 ? "+" : "") + Format.money(v) }
}
