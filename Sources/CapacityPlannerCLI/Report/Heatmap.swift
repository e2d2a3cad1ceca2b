// People × periods, coloured by the share of contracted hours booked, grouped by team.
import CapacityPlanning
import PortfolioPages

/// Lays out the utilisation heatmap (`Templates/heatmap.mustache`: a CSS grid per row; no script).
///
/// Each team is a `<details>` element: its summary row shows the team's utilisation with
/// the percentage in each cell, and its people follow. Above `HTMLReport.foldPeopleAbove`
/// people the teams start folded, so 200 people read as a handful of team rows.
enum Heatmap {
    /// The colour class of a share of contracted hours: `u0` (nothing booked) … `u10` (all),
    /// `off` (no capacity: leave), `over` (more booked than usable).
    static func cellClass(booked: Double, capacity: Double, usable: Double) -> String {
        if capacity <= 0 { return booked > 1e-9 ? "over" : "off" }
        if booked > usable + 1e-6 * max(1, usable) { return "over" }
        let share = booked / capacity
        if share <= 1e-9 { return "u0" }
        return "u\(min(10, max(1, Int((share * 10).rounded(.up)))))"
    }

    /// The heatmap with its legend.
    struct View: Sendable {
        /// A column heading.
        struct Head: Sendable {
            /// The column's periods in full.
            let tip: PageText
            /// The short label (empty when thinned out).
            let text: PageText
        }

        /// A cell: its colour class, tooltip and (for teams) percentage.
        struct Cell: Sendable {
            /// `u0`…`u10`, `off` or `over`.
            let cls: String
            /// Hours booked of contracted.
            let tip: PageText
            /// The percentage written in a team's cell (empty for people and wide horizons).
            let text: String
        }

        /// A person's row.
        struct Person: Sendable {
            /// Name, id and projects.
            let tip: PageText
            /// The name.
            let name: PageText
            /// One cell per column.
            let cells: [Cell]
            /// Booked ÷ contracted over the horizon.
            let average: String
        }

        /// A team's summary row and its people.
        struct Team: Sendable {
            /// The team's name.
            let name: PageText
            /// How many people it has.
            let size: Int
            /// One cell per column.
            let cells: [Cell]
            /// Booked ÷ contracted over the horizon.
            let average: String
            /// Its people.
            let people: [Person]
        }

        /// Whether the scenario has people.
        let hasTeams: Bool
        /// Whether teams start folded.
        let fold: Bool
        /// The grid's columns: count, cell width, minimum width of the cells' area in pixels.
        let columnCount: Int, cellWidth: String, minimumWidth: Int
        /// The column headings.
        let heads: [Head]
        /// The teams.
        let teams: [Team]
        /// The utilisation cap, when below 100 %.
        let cap: String?
        /// How many periods a column spans, when more than one ("2 weeks").
        let columnSpan: PageText?
        /// Whether the last group is the plan's hires (version 3, Part B), for the legend.
        let hasHires: Bool
        /// Whether the plan's courses take hours (counted in the colours), for the legend.
        let hasTraining: Bool
    }

    /// The heatmap's layout.
    static func view(_ data: ReportData) -> View {
        let columns = data.columns
        // The plan's hires come after the teams, as a group of their own.
        let groups = data.teams + (data.hires.map { [$0] } ?? [])
        let personCount = groups.reduce(0) { $0 + $1.people.count }
        let fold = personCount > HTMLReport.foldPeopleAbove
        // Header row: period labels, thinned out when they would collide.
        let every = columns.count <= 30 ? 1 : columns.count <= 60 ? 2 : 4
        let heads = columns.enumerated().map { c, column in
            View.Head(tip: PageText(title(data, column)), text: c % every == 0 ? PageText(data.labels.short(column.lowerBound)) : "")
        }
        let teams = groups.map { team -> View.Team in
            let cells = columns.map { column -> View.Cell in
                // A course's hours load the person like project hours (spec v3, rule 6).
                let training = column.reduce(0.0) { $0 + team.training[$1] }
                let booked = column.reduce(0.0) { $0 + team.booked[$1] } + training
                let capacity = column.reduce(0.0) { $0 + team.capacity[$1] }
                // Clamped before it becomes an Int: a plan file may book absurd hours.
                let share = capacity > 0 ? Int(min(max((booked / capacity * 100).rounded(), 0), 1e9)) : 0
                let tip = "\(team.name) · \(title(data, column)): \(Format.hours(booked)) h"
                    + (training > 0 ? " (\(Format.hours(training)) h on courses)" : "") + " of \(Format.hours(capacity)) h"
                    + (capacity > 0 ? " (\(share)%)" : "")
                return View.Cell(cls: cellClass(booked: booked, capacity: capacity, usable: capacity), tip: PageText(tip),
                                 text: capacity > 0 && columns.count <= 60 ? "\(share)" : "")
            }
            let people = team.people.map { person -> View.Person in
                let cells = columns.map { column -> View.Cell in
                    let training = column.reduce(0.0) { $0 + person.training[$1] }
                    let booked = column.reduce(0.0) { $0 + person.booked[$1] } + training
                    let capacity = column.reduce(0.0) { $0 + person.capacity[$1] }
                    let usable = column.reduce(0.0) { $0 + person.usable[$1] }
                    var tip = "\(person.name) · \(title(data, column)): "
                    if capacity <= 0 {
                        let absent = person.hiredFrom.flatMap { column.upperBound <= $0 ? "not hired yet (starts \(data.labels.short($0)))" : nil }
                            ?? "not available"
                        tip += booked > 0 ? "\(Format.hours(booked)) h booked with no capacity" : absent
                    } else {
                        tip += "\(Format.hours(booked)) h" + (training > 0 ? " (\(Format.hours(training)) h on a course)" : "")
                            + " of \(Format.hours(capacity)) h (\(Format.percent(booked / capacity)))"
                    }
                    return View.Cell(cls: cellClass(booked: booked, capacity: capacity, usable: usable), tip: PageText(tip), text: "")
                }
                return View.Person(tip: PageText(personTip(person, data)), name: PageText(person.name), cells: cells,
                                   average: average(zip(person.booked, person.training).map(+), person.capacity))
            }
            return View.Team(name: PageText(team.name), size: team.people.count, cells: cells,
                             average: average(zip(team.booked, team.training).map(+), team.capacity), people: people)
        }
        let cap = data.problem.policy.utilizationCap
        let span = data.columns.first.flatMap { $0.count > 1 ? PageText("\($0.count) \(data.labels.unitName)") : nil }
        return View(hasTeams: !groups.isEmpty, fold: fold, columnCount: columns.count,
                    cellWidth: columns.count <= 30 ? "minmax(22px,1fr)" : columns.count <= 60 ? "minmax(14px,1fr)" : "12px",
                    minimumWidth: columns.count * 14, heads: heads, teams: teams,
                    cap: cap < 1 ? Format.percent(cap) : nil, columnSpan: span, hasHires: data.hires != nil,
                    hasTraining: groups.contains { $0.training.contains { $0 > 0 } })
    }

    /// Booked ÷ contracted hours over the horizon, or `–` without capacity.
    private static func average(_ booked: [Double], _ capacity: [Double]) -> String {
        let total = booked.reduce(0, +), hours = capacity.reduce(0, +)
        return hours > 0 ? Format.percent(total / hours) : "–"
    }

    private static func title(_ data: ReportData, _ column: Range<Int>) -> String {
        column.count == 1 ? data.labels.label(column.lowerBound) : data.labels.range(column.lowerBound, column.upperBound - 1)
    }

    private static func personTip(_ person: ReportData.PersonRow, _ data: ReportData) -> String {
        let works = person.projects.isEmpty ? "no projects" : person.projects.prefix(6).joined(separator: ", ")
            + (person.projects.count > 6 ? ", …" : "")
        let hired = person.hiredFrom.map { " · hired from \(data.labels.label($0))" } ?? ""
        return "\(person.name) (\(person.id))\(hired): \(works)"
    }
}
