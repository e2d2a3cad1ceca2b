// The report as one self-contained HTML page: inline CSS and SVG, no scripts, no network.
import CapacityPlanning
import ConflictAnalysis

/// Renders `ReportData` as a single HTML document for a PMO's audience.
///
/// Sections: headline figures; the schedule (Gantt); value, cost and penalties; projects
/// left out; the utilisation heatmap (people × periods by team); demand against supply per
/// skill; notes. Every scenario or plan string is escaped with `HTML.escape`.
enum HTMLReport {
    /// Above this many people the heatmap shows one row per team and folds the people away
    /// (each team opens with a click, no script needed).
    static let foldPeopleAbove = 60

    /// The whole page.
    static func render(_ data: ReportData, analysis: ConflictReport? = nil) -> String {
        var body = header(data)
        if !data.hasPlan {
            body += infeasibleSection(data)
        } else {
            if !data.check.isValid { body += violationsBanner(data) }
            body += headlineCards(data)
            body += section("Schedule", subtitle: "Selected projects: bar at the planned start and duration, shaded band the window "
                            + "they may run in (earliest start … deadline).", GanttChart.render(data))
            if !data.problem.systems.isEmpty {
                body += section("Shared systems", subtitle: "Projects changing each system, period by period, against its limit; "
                                + "change freezes hatched, collisions in red.", SystemLanes.render(data))
            }
            if data.problem.scenario.version >= 2 {
                body += section("Strategy and balance", subtitle: "How the selected portfolio serves each strategic driver, "
                                + "each balance group's share against its rule, and what waiting costs.", StrategySection.render(data))
            }
            body += twoColumns(
                section("Value, cost and penalties", subtitle: "How the portfolio's net value (the plan's objective) is made up.",
                        ValueChart.render(data), compact: true),
                section("Projects left out", subtitle: data.exclusions.isEmpty
                            ? "Every candidate project is in the plan." : "Candidates the plan does not select, and why where it is plain.",
                        exclusionTable(data), compact: true))
            body += section("Selected projects", subtitle: "Value against staff cost and budget; staffed is booked ÷ demanded hours.",
                            selectedTable(data))
            let unit = data.labels.unitName.dropLast()
            body += section("Utilisation", subtitle: "Share of each person's contracted hours the plan books, \(unit) by \(unit), "
                            + "grouped by team.", Heatmap.render(data))
            body += section("Demand and supply by skill", subtitle: "Hours the selected projects need (staffed and unstaffed) against the "
                            + "usable hours of everyone with the skill. People with several skills count in each; busiest skills first.",
                            SkillCharts.render(data))
            if let analysis {
                body += section("Conflicts and resolutions", subtitle: "From capacity-planner analyze: where capacity breaks, "
                                + "and what hiring, moving, dropping or more budget is worth (Docs/analysis.md).",
                                ConflictSection.render(analysis, labels: data.labels))
            }
        }
        body += notes(data)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="capacity-planner">
            <title>\(HTML.escape(data.title)) · capacity plan</title>
            <style>\(css)</style>
            </head>
            <body>
            \(sharedDefinitions)
            <main>
            \(body)
            </main>
            </body>
            </html>

            """
    }

    /// SVG patterns and markers the charts share, defined once for the page.
    static let sharedDefinitions = """
        <svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>\
        <marker id="arrow" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto">\
        <path d="M0,0 L6,3 L0,6 z" fill="#9ca3af"/></marker>\
        <pattern id="unmet" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="5" height="5" fill="#fecaca"/><rect width="2" height="5" fill="#ef4444"/></pattern></defs></svg>
        """

    // MARK: - Page parts

    /// A titled card.
    static func section(_ title: String, subtitle: String? = nil, _ content: String, compact: Bool = false) -> String {
        """
        <section class="card\(compact ? " compact" : "")">
        <h2>\(HTML.escape(title))</h2>
        \(subtitle.map { "<p class=\"sub\">\(HTML.escape($0))</p>" } ?? "")
        \(content)
        </section>

        """
    }

    private static func twoColumns(_ left: String, _ right: String) -> String {
        "<div class=\"cols\">\n\(left)\(right)</div>\n"
    }

    private static func header(_ data: ReportData) -> String {
        let scenario = data.problem.scenario
        let teams = data.teams.count
        var meta = [data.labels.horizonDescription,
                    "\(scenario.people.count) \(scenario.people.count == 1 ? "person" : "people")"
                        + (teams > 0 ? " in \(teams) team\(teams == 1 ? "" : "s")" : ""),
                    "\(scenario.projects.count) candidate project\(scenario.projects.count == 1 ? "" : "s")"]
        if let solver = data.plan.solver { meta.append("planner: \(solver)") }
        if let seconds = data.plan.details?.seconds, seconds.isFinite {
            meta.append(Format.seconds(seconds))
        }
        let (pillClass, pill): (String, String)
        if !data.hasPlan {
            (pillClass, pill) = ("bad", "No valid plan exists")
        } else if !data.check.isValid {
            (pillClass, pill) = ("bad", "Plan breaks \(data.check.violations.count) rule\(data.check.violations.count == 1 ? "" : "s")")
        } else if data.plan.status == .optimal {
            (pillClass, pill) = ("good", "Valid plan · proven optimal")
        } else {
            (pillClass, pill) = ("good", "Valid plan · \(data.plan.status.rawValue)")
        }
        return """
            <header>
            <div>
            <div class="eyebrow">Capacity plan</div>
            <h1>\(HTML.escape(data.title))</h1>
            <p class="meta">\(meta.map(HTML.escape).joined(separator: " <span>·</span> "))</p>
            </div>
            <div class="pill \(pillClass)">\(HTML.escape(pill))</div>
            </header>

            """
    }

    private static func card(_ label: String, _ value: String, _ detail: String, tone: String = "", title: String? = nil) -> String {
        let tip = title.map { " title=\"\(HTML.escape($0))\"" } ?? ""
        return """
            <div class="kpi \(tone)"\(tip)><div class="label">\(HTML.escape(label))</div>\
            <div class="value">\(HTML.escape(value))</div><div class="detail">\(detail)</div></div>
            """
    }

    private static func headlineCards(_ data: ReportData) -> String {
        let o = data.kpis.objective
        let projects = data.kpis.projects
        let selected = projects.filter(\.selected).count
        var cards: [String] = []

        var net = data.plan.status == .optimal ? "proven optimal" : "not proven optimal"
        if let bound = data.plan.bound, data.plan.status != .optimal {
            net = "bound \(Format.compactMoney(bound)) · gap \(Format.percent(Plan.relativeGap(objective: o.total, bound: bound), decimals: 1))"
            if let source = data.plan.details?.boundSource { net += " · \(source.description)" }
        }
        cards.append(card("Net portfolio value", Format.compactMoney(o.total), HTML.escape(net),
                          tone: o.total < 0 ? "neg" : "accent", title: "Objective: \(Format.money(o.total))"))
        cards.append(card("Value delivered", Format.compactMoney(o.value),
                          "\(selected) of \(projects.count) projects selected", title: Format.money(o.value)))
        var costDetail = "no portfolio budget"
        if let budget = data.problem.policy.budget {
            costDetail = "of \(Format.compactMoney(budget)) budget (\(budget > 0 ? Format.percent(o.staffCost / budget) : "–"))"
        }
        cards.append(card("Staff cost", Format.compactMoney(o.staffCost), HTML.escape(costDetail), title: Format.money(o.staffCost)))
        let penalties = o.unmetPenalty + o.assignmentPenalty + o.changePenalty + o.startChangePenalty
        var parts: [String] = []
        if o.unmetPenalty > 0 { parts.append("unstaffed \(Format.compactMoney(o.unmetPenalty))") }
        if o.assignmentPenalty > 0 { parts.append("team size \(Format.compactMoney(o.assignmentPenalty))") }
        if o.changePenalty + o.startChangePenalty > 0 { parts.append("changes \(Format.compactMoney(o.changePenalty + o.startChangePenalty))") }
        cards.append(card("Penalties", Format.compactMoney(penalties), HTML.escape(parts.isEmpty ? "none" : parts.joined(separator: " · ")),
                          tone: o.unmetPenalty > 0 ? "warn" : "", title: Format.money(penalties)))
        let booked = data.kpis.people.reduce(0) { $0 + $1.hours.reduce(0, +) }
        let capacity = data.kpis.people.reduce(0) { $0 + $1.capacity.reduce(0, +) }
        let cap = data.problem.policy.utilizationCap
        cards.append(card("Utilisation", capacity > 0 ? Format.percent(booked / capacity) : "–",
                          "\(HTML.escape(Format.hours(booked))) h of \(HTML.escape(Format.hours(capacity))) h"
                          + (cap < 1 ? " · cap \(Format.percent(cap))" : "")))
        let mandatory = data.problem.projects.filter(\.mandatory)
        if mandatory.isEmpty {
            cards.append(card("Mandatory work", "none", "no mandatory projects"))
        } else {
            let unmet = o.unmetHours
            let staffed = mandatory.filter { j in
                data.allocation.isSelected(j.index) && (data.plan.projects.first { $0.id == j.id }?.unmetHours ?? 0) <= 1e-6
            }.count
            cards.append(card("Mandatory work", "\(staffed) of \(mandatory.count)",
                              unmet > 1e-6 ? "\(HTML.escape(Format.hours(unmet))) h left unstaffed" : "fully staffed",
                              tone: unmet > 1e-6 || staffed < mandatory.count ? "warn" : "good"))
        }
        return "<div class=\"kpis\">\n\(cards.joined(separator: "\n"))\n</div>\n"
    }

    private static func violationsBanner(_ data: ReportData) -> String {
        let shown = data.check.violations.prefix(30).map { "<li>\(HTML.escape($0.description))</li>" }.joined()
        let more = data.check.violations.count > 30 ? "<li>… and \(data.check.violations.count - 30) more</li>" : ""
        return """
            <div class="banner bad"><strong>This plan is not valid for the scenario.</strong> \
            The figures below describe it as it is; these rules are broken:<ul>\(shown)\(more)</ul></div>

            """
    }

    private static func infeasibleSection(_ data: ReportData) -> String {
        let diagnosis = (data.plan.details?.diagnosis ?? []).map { "<li>\(HTML.escape($0))</li>" }.joined()
        return """
            <div class="banner bad"><strong>No valid plan exists for this scenario.</strong> \
            Pins, budgets or mandatory work cannot all hold at once.\
            \(diagnosis.isEmpty ? "" : "<ul>\(diagnosis)</ul>")</div>

            """
    }

    // MARK: - Tables

    private static func windowText(_ data: ReportData, _ j: Int) -> String {
        let project = data.problem.scenario.projects[j]
        let last = project.lastAllowedPeriod(periods: data.problem.periodCount)
        guard last >= project.earliestStart else { return "empty" }
        let first = max(0, project.earliestStart)
        return first == last ? data.labels.short(first) : "\(data.labels.short(first))–\(data.labels.short(last))"
    }

    private static func exclusionTable(_ data: ReportData) -> String {
        guard !data.exclusions.isEmpty else { return "<p class=\"empty\">Nothing is left out.</p>" }
        let rows = data.exclusions.sorted { data.problem.projects[$0.index].value > data.problem.projects[$1.index].value }.map { e -> String in
            let project = data.problem.scenario.projects[e.index]
            let was = data.problem.baseline.starts[e.index].map { start in
                "<span class=\"tag\">\(HTML.escape("baseline \(data.labels.short(start))–\(data.labels.short(start + project.duration - 1))"))</span>"
            } ?? ""
            return """
                <tr><td><div class="pname">\(HTML.escape(project.resolvedName))\(was)</div>\
                <div class="small">\(HTML.escape("\(project.duration) \(data.labels.unitName) · window \(windowText(data, e.index))"))</div></td>\
                <td class="num">\(HTML.escape(Format.compactMoney(project.value)))</td>\
                <td class="reason">\(e.reason.map(HTML.escape) ?? "<span class=\"muted\">No single plain reason: the planner found more value in the selected work.</span>")</td></tr>
                """
        }
        return """
            <table class="list"><thead><tr><th>Project</th><th class="num">Value</th><th>Reason</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table>
            """
    }

    private static func selectedTable(_ data: ReportData) -> String {
        let selected = data.kpis.projects.enumerated().filter { $0.element.selected }
        guard !selected.isEmpty else { return "<p class=\"empty\">The plan selects no project.</p>" }
        let rows = selected.sorted { data.problem.projects[$0.offset].value > data.problem.projects[$1.offset].value }
            .map { j, kpi -> String in
                let project = data.problem.scenario.projects[j]
                let info = data.problem.projects[j]
                let start = kpi.start ?? 0
                var budgetCell = "<span class=\"muted\">none</span>"
                if let budget = info.budget {
                    let share = budget > 0 ? kpi.cost / budget : (kpi.cost > 0 ? 2 : 0)
                    let tone = share > 1 + 1e-9 ? "bad" : share > 0.9 ? "warn" : ""
                    budgetCell = """
                        <div class="meter \(tone)" title="\(HTML.escape("\(Format.money(kpi.cost)) of \(Format.money(budget))"))">\
                        <span style="width:\(HTML.num(min(1, share) * 100))%"></span></div> \
                        <span class="small">\(HTML.escape(Format.percent(share))) of \(HTML.escape(Format.compactMoney(budget)))</span>
                        """
                }
                let staffedTone = kpi.coverage < 1 - 1e-6 ? " class=\"num warn-text\"" : " class=\"num\""
                let tags = (info.mandatory ? "<span class=\"tag mandatory\">mandatory</span>" : "")
                    + (data.problem.pins.contains { $0.project == j } ? "<span class=\"tag\">pinned</span>" : "")
                return """
                    <tr><td><span class="pname">\(HTML.escape(project.resolvedName))</span>\(tags)</td>\
                    <td>\(HTML.escape(data.labels.range(start, start + info.duration - 1)))</td>\
                    <td class="num">\(HTML.escape(Format.money(info.value)))</td>\
                    <td class="num">\(HTML.escape(Format.money(kpi.cost)))</td>\
                    <td class="num">\(HTML.escape(Format.money(info.value - kpi.cost)))</td>\
                    <td>\(budgetCell)</td><td\(staffedTone)>\(HTML.escape(Format.percent(kpi.coverage)))</td></tr>
                    """
            }
        return """
            <table class="list"><thead><tr><th>Project</th><th>When</th><th class="num">Value</th><th class="num">Staff cost</th>\
            <th class="num">Value − cost</th><th>Budget used</th><th class="num">Staffed</th></tr></thead>
            <tbody>\(rows.joined(separator: "\n"))</tbody></table>
            """
    }

    private static func notes(_ data: ReportData) -> String {
        var items: [String] = []
        if let note = data.plan.details?.note { items.append("<li>Planner: \(HTML.escape(note))</li>") }
        let o = data.kpis.objective
        if let stated = data.plan.objective, abs(stated - o.total) > Tolerance.of(o.total) {
            items.append("<li>The plan states an objective of \(HTML.escape(Format.money(stated))); its contents give "
                         + "\(HTML.escape(Format.money(o.total))), which this report shows.</li>")
        }
        for warning in data.warnings.prefix(50) { items.append("<li class=\"warn-text\">\(HTML.escape(warning))</li>") }
        if data.warnings.count > 50 { items.append("<li>… and \(data.warnings.count - 50) more warnings</li>") }
        let policy = data.problem.policy
        var rules = ["utilisation cap \(Format.percent(policy.utilizationCap))",
                     "unstaffed mandatory hour \(Format.money(policy.unmetPenaltyPerHour))"]
        if policy.assignmentPenalty > 0 { rules.append("each person on a project \(Format.money(policy.assignmentPenalty))") }
        if policy.changePenaltyPerHour > 0 { rules.append("each changed hour \(Format.money(policy.changePenaltyPerHour))") }
        if policy.startChangePenalty > 0 { rules.append("each moved or dropped project \(Format.money(policy.startChangePenalty))") }
        items.append("<li>Policy: \(HTML.escape(rules.joined(separator: " · ")))</li>")
        return """
            <footer><ul>\(items.joined(separator: "\n"))</ul>
            <p>Generated by capacity-planner from a scenario in format v1. Amounts are in the scenario's money unit; \
            hours are planned hours.</p></footer>

            """
    }

    // MARK: - Style

    /// The page's style sheet: cards, tables, the heatmap's colour classes `u0`…`u10`, `off`, `over`.
    static let css = """
        :root{--ink:#111827;--muted:#6b7280;--line:#e5e7eb;--bg:#f4f5f7;--card:#fff;--accent:#2563eb;--mand:#7c3aed;\
        --good:#059669;--bad:#dc2626;--warn:#b45309}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--ink);font:13.5px/1.45 Inter,"Segoe UI",system-ui,-apple-system,Roboto,\
        "Helvetica Neue",Arial,"Liberation Sans",sans-serif;-webkit-font-smoothing:antialiased}
        main{max-width:1320px;margin:0 auto;padding:28px 32px 40px}
        header{display:flex;justify-content:space-between;align-items:flex-start;gap:24px;margin-bottom:18px}
        .eyebrow{text-transform:uppercase;letter-spacing:.08em;font-size:11px;font-weight:600;color:var(--accent)}
        h1{font-size:28px;line-height:1.2;margin:2px 0 6px;font-weight:700;letter-spacing:-.01em}
        .meta{margin:0;color:var(--muted)}.meta span{margin:0 4px;color:#c4c8cf}
        .pill{white-space:nowrap;border-radius:999px;padding:6px 14px;font-weight:600;font-size:13px;margin-top:18px}
        .pill.good{background:#ecfdf5;color:#047857;border:1px solid #a7f3d0}
        .pill.bad{background:#fef2f2;color:#b91c1c;border:1px solid #fecaca}
        .kpis{display:grid;grid-template-columns:repeat(6,minmax(0,1fr));gap:12px;margin-bottom:16px}
        .kpi{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
        .kpi .label{font-size:11.5px;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.04em}
        .kpi .value{font-size:26px;font-weight:700;margin:2px 0;letter-spacing:-.02em}
        .kpi .detail{font-size:12px;color:var(--muted)}
        .kpi.accent .value{color:var(--accent)}.kpi.good .value{color:var(--good)}.kpi.warn .value{color:var(--warn)}\
        .kpi.neg .value{color:var(--bad)}
        .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 18px 18px;margin-bottom:16px;\
        break-inside:avoid}
        .card h2{font-size:16px;margin:0;font-weight:650}
        .card .sub{margin:2px 0 12px;color:var(--muted);font-size:12.5px}
        .cols{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,6fr);gap:16px;align-items:start}.cols .card{margin-bottom:16px}
        .scroll{overflow-x:auto}
        svg{display:block;font-family:inherit}
        svg text{font-size:11px;fill:var(--ink)}
        svg .axis{fill:var(--muted);font-size:10.5px}
        svg .month{fill:var(--ink);font-weight:600;font-size:11px}
        svg .lbl{font-size:12px}svg .lbl.m{font-weight:600}
        svg .inbar{fill:#fff;font-size:10.5px;font-weight:600}
        svg .val{font-size:11.5px;font-variant-numeric:tabular-nums}
        svg .warn{fill:var(--bad);font-weight:600}
        table.list{width:100%;border-collapse:collapse;font-size:12.5px}
        table.list th{text-align:left;font-weight:600;color:var(--muted);font-size:11px;text-transform:uppercase;\
        letter-spacing:.04em;border-bottom:1px solid var(--line);padding:6px 8px}
        table.list td{border-bottom:1px solid #f1f2f4;padding:7px 8px;vertical-align:top}
        table.list tr:last-child td{border-bottom:0}
        .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .pname{font-weight:600}.small{font-size:11.5px;color:var(--muted)}.muted{color:var(--muted)}
        .reason{color:#374151}
        .tag{display:inline-block;margin-left:6px;padding:0 6px;border-radius:4px;font-size:10.5px;font-weight:600;\
        background:#eef2ff;color:#4338ca;vertical-align:1px}.tag.mandatory{background:#f3e8ff;color:var(--mand)}
        .meter{display:inline-block;width:70px;height:7px;border-radius:4px;background:#eef0f3;vertical-align:1px;overflow:hidden}
        .meter span{display:block;height:100%;background:#60a5fa}.meter.warn span{background:#f59e0b}.meter.bad span{background:var(--bad)}
        .warn-text{color:var(--warn)}
        .bar{height:8px;border-radius:4px;background:#60a5fa;min-width:1px}tr.broken td{color:var(--bad)}
        .empty{color:var(--muted);margin:4px 0}
        .banner{border-radius:10px;padding:12px 16px;margin-bottom:16px}
        .banner.bad{background:#fef2f2;border:1px solid #fecaca;color:#7f1d1d}.banner ul{margin:6px 0 0;padding-left:20px}
        .legend{display:flex;flex-wrap:wrap;gap:6px 16px;align-items:center;color:var(--muted);font-size:11.5px;margin-top:10px}
        .legend i{display:inline-block;width:14px;height:10px;border-radius:2px;vertical-align:-1px;margin-right:4px}
        .legend .ramp{display:inline-flex;gap:1px;margin:0 4px;vertical-align:-1px}.legend .ramp i{margin:0;width:12px}
        .heat{min-width:max-content}
        .hrow{display:grid;grid-template-columns:200px var(--cells) 64px;align-items:center;gap:0 10px}
        .hname{white-space:nowrap;overflow:hidden;text-overflow:ellipsis;font-size:12px;position:sticky;left:0;background:var(--card);\
        z-index:1;padding-left:14px}
        .hcells{display:grid;grid-template-columns:repeat(var(--n),var(--cw));gap:2px}
        .hcells i{display:block;height:15px;border-radius:2px}
        .hsum{font-size:11.5px;text-align:right;font-variant-numeric:tabular-nums;color:var(--muted)}
        .hhead .hcells span{font-size:10px;color:var(--muted);text-align:center;overflow:hidden;white-space:nowrap}
        .hhead .hsum,.hhead .hname{font-size:10px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}
        .hrow+.hrow,.team{margin-top:2px}
        details.team{margin-top:8px}
        details.team>summary{list-style:none;cursor:pointer}
        details.team>summary::-webkit-details-marker{display:none}
        .hteam .hname{font-weight:650;padding-left:0}.hteam .hname::before{content:"";display:inline-block;width:5px;height:5px;\
        border-right:1.5px solid var(--muted);border-bottom:1.5px solid var(--muted);transform:rotate(-45deg);margin:0 7px 1px 1px}
        details[open]>summary .hname::before{transform:rotate(45deg);margin-bottom:3px}
        .hteam .hname small{font-weight:400;color:var(--muted);margin-left:6px}
        .hteam .hcells i{height:19px;font-style:normal;font-size:9.5px;line-height:19px;text-align:center;font-weight:600;\
        font-variant-numeric:tabular-nums}
        .hteam .hsum{color:var(--ink);font-weight:650}
        .u0{background:#f1f3f6;color:#6b7280}.u1{background:#e6f0fd;color:#1e3a8a}.u2{background:#d2e3fc;color:#1e3a8a}\
        .u3{background:#b6d2fa;color:#1e3a8a}.u4{background:#93bcf6;color:#1e3a8a}.u5{background:#6ea2f0;color:#fff}\
        .u6{background:#4a86e8;color:#fff}.u7{background:#2f6bd6;color:#fff}.u8{background:#2255b8;color:#fff}\
        .u9{background:#1b4497;color:#fff}.u10{background:#142f6d;color:#fff}
        .off{background:repeating-linear-gradient(135deg,#eceef1 0 3px,#fafbfc 3px 6px);color:#9ca3af}
        .over{background:var(--bad);color:#fff}
        .skills{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:14px 20px}
        .skill h3{font-size:13px;margin:0;font-weight:650;white-space:nowrap}
        .skill .facts{font-size:11.5px;color:var(--muted);margin:0 0 2px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
        .skill .hot{display:inline-block;margin-left:6px;padding:0 6px;border-radius:4px;font-size:10.5px;font-weight:600;\
        background:#fee2e2;color:#b91c1c;vertical-align:1px}
        footer{color:var(--muted);font-size:12px;margin-top:8px}footer ul{padding-left:18px;margin:0 0 8px}
        @media (max-width:1100px){.kpis{grid-template-columns:repeat(3,minmax(0,1fr))}.cols{grid-template-columns:1fr}\
        .skills{grid-template-columns:repeat(2,minmax(0,1fr))}}
        @media print{body{background:#fff}main{padding:0}.card{border-color:#ddd}details.team{display:block}}
        """
}
