// The report's "Conflicts and resolutions" section, from a ConflictReport (`report --analyze`).
import CapacityPlanning
import ConflictAnalysis

/// Renders the conflicts and the ranked resolutions of an analysis as HTML tables.
enum ConflictSection {
    /// Most rows per table (the JSON of `analyze` has everything).
    static let rowLimit = 10

    /// The section's HTML.
    static func render(_ report: ConflictReport, labels: PeriodLabels) -> String {
        var html = ""
        html += "<h3>Where it breaks</h3>"
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
        html += rows.isEmpty ? "<p class=\"empty\">No conflict found.</p>"
            : table(["Conflict", "When", "Who / what", "Detail", "Hours"], rows, numeric: [4])
        html += "<h3>What each fix is worth</h3>"
        html += "<p class=\"sub\">Each change re-solved; the change in objective is against the best plan found for the scenario "
            + "as given (\(HTML.escape(report.reference.solver)), \(report.reference.status?.rawValue ?? "no plan")).</p>"
        let fixes = report.resolutions.prefix(rowLimit).map { r in
            [r.objectiveChange.map(signedMoney) ?? "no plan", r.description,
             r.clears.isEmpty ? "–" : r.clears.prefix(3).joined(separator: "; ") + (r.clears.count > 3 ? "; …" : ""),
             r.outcome.status?.rawValue ?? "no plan"]
        }
        html += fixes.isEmpty ? "<p class=\"empty\">No resolution evaluated.</p>"
            : table(["Change in objective", "Resolution", "Clears", "Re-solve"], Array(fixes), numeric: [0])
        return html
    }

    private static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int>) -> String {
        let head = header.enumerated().map { "<th\(numeric.contains($0.offset) ? " class=\"num\"" : "")>\(HTML.escape($0.element))</th>" }
        let body = rows.map { row in
            "<tr>" + row.enumerated().map { "<td\(numeric.contains($0.offset) ? " class=\"num\"" : "")>\(HTML.escape($0.element))</td>" }
                .joined() + "</tr>"
        }
        return "<table class=\"list\"><thead><tr>\(head.joined())</tr></thead><tbody>\(body.joined(separator: "\n"))</tbody></table>"
    }

    private static func hours(_ h: Double) -> String { Format.hours(h) }

    private static func signedMoney(_ v: Double) -> String { (v >= 0.5 ? "+" : "") + Format.money(v) }
}
