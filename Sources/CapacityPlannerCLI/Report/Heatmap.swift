// People × periods, coloured by the share of contracted hours booked, grouped by team.
import CapacityPlanning

/// Renders the utilisation heatmap as HTML (a CSS grid per row; no script).
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
    static func render(_ data: ReportData) -> String {
        guard !data.teams.isEmpty else { return "<p class=\"empty\">The scenario has no people.</p>" }
        let columns = data.columns
        let personCount = data.teams.reduce(0) { $0 + $1.people.count }
        let fold = personCount > HTMLReport.foldPeopleAbove
        let cellWidth = columns.count <= 30 ? "minmax(22px,1fr)" : columns.count <= 60 ? "minmax(14px,1fr)" : "12px"
        var out: [String] = []
        out.append("<div class=\"scroll\"><div class=\"heat\" style=\"--n:\(columns.count);--cw:\(cellWidth);"
                   + "--cells:minmax(\(columns.count * 14)px,1fr)\">")
        // Header row: period labels, thinned out when they would collide.
        let every = columns.count <= 30 ? 1 : columns.count <= 60 ? 2 : 4
        var head = "<div class=\"hrow hhead\"><div class=\"hname\">\(fold ? "Team" : "Team / person")</div><div class=\"hcells\">"
        for (c, column) in columns.enumerated() {
            let text = c % every == 0 ? HTML.escape(data.labels.short(column.lowerBound)) : ""
            head += "<span title=\"\(HTML.escape(title(data, column)))\">\(text)</span>"
        }
        head += "</div><div class=\"hsum\">Average</div></div>"
        out.append(head)

        for team in data.teams {
            var summary = "<details class=\"team\"\(fold ? "" : " open")><summary class=\"hrow hteam\">"
            summary += "<div class=\"hname\">\(HTML.escape(team.name))<small>\(team.people.count)</small></div><div class=\"hcells\">"
            for column in columns {
                let booked = column.reduce(0.0) { $0 + team.booked[$1] }
                let capacity = column.reduce(0.0) { $0 + team.capacity[$1] }
                let cls = cellClass(booked: booked, capacity: capacity, usable: capacity)
                let share = capacity > 0 ? Int((booked / capacity * 100).rounded()) : 0
                let tip = "\(team.name) · \(title(data, column)): \(Format.hours(booked)) h of \(Format.hours(capacity)) h"
                    + (capacity > 0 ? " (\(share)%)" : "")
                summary += "<i class=\"\(cls)\" title=\"\(HTML.escape(tip))\">\(capacity > 0 && columns.count <= 60 ? "\(share)" : "")</i>"
            }
            let total = team.booked.reduce(0, +), capacity = team.capacity.reduce(0, +)
            summary += "</div><div class=\"hsum\">\(capacity > 0 ? Format.percent(total / capacity) : "–")</div></summary>"
            out.append(summary)
            for person in team.people {
                var row = "<div class=\"hrow\"><div class=\"hname\" title=\"\(HTML.escape(personTip(person)))\">"
                    + "\(HTML.escape(person.name))</div><div class=\"hcells\">"
                for column in columns {
                    let booked = column.reduce(0.0) { $0 + person.booked[$1] }
                    let capacity = column.reduce(0.0) { $0 + person.capacity[$1] }
                    let usable = column.reduce(0.0) { $0 + person.usable[$1] }
                    let cls = cellClass(booked: booked, capacity: capacity, usable: usable)
                    var tip = "\(person.name) · \(title(data, column)): "
                    if capacity <= 0 {
                        tip += booked > 0 ? "\(Format.hours(booked)) h booked with no capacity" : "not available"
                    } else {
                        tip += "\(Format.hours(booked)) h of \(Format.hours(capacity)) h (\(Format.percent(booked / capacity)))"
                    }
                    row += "<i class=\"\(cls)\" title=\"\(HTML.escape(tip))\"></i>"
                }
                let total = person.booked.reduce(0, +), capacity = person.capacity.reduce(0, +)
                row += "</div><div class=\"hsum\">\(capacity > 0 ? Format.percent(total / capacity) : "–")</div></div>"
                out.append(row)
            }
            out.append("</details>")
        }
        out.append("</div></div>")
        var ramp = ""
        for k in 0...10 { ramp += "<i class=\"u\(k)\"></i>" }
        let cap = data.problem.policy.utilizationCap
        out.append("""
            <div class="legend"><span>0%<span class="ramp">\(ramp)</span>100% of contracted hours</span>\
            <span><i class="off"></i>not available (leave)</span><span><i class="over"></i>over usable capacity</span>\
            \(cap < 1 ? "<span>Policy plans at most \(Format.percent(cap)) of each person's hours.</span>" : "")\
            \(fold ? "<span>Click a team to list its people.</span>" : "")\
            \(data.columns.first.map { $0.count > 1 ? "<span>Each column is \($0.count) \(data.labels.unitName).</span>" : "" } ?? "")</div>
            """)
        return out.joined(separator: "\n")
    }

    private static func title(_ data: ReportData, _ column: Range<Int>) -> String {
        column.count == 1 ? data.labels.label(column.lowerBound) : data.labels.range(column.lowerBound, column.upperBound - 1)
    }

    private static func personTip(_ person: ReportData.PersonRow) -> String {
        let works = person.projects.isEmpty ? "no projects" : person.projects.prefix(6).joined(separator: ", ")
            + (person.projects.count > 6 ? ", …" : "")
        return "\(person.name) (\(person.id)): \(works)"
    }
}
