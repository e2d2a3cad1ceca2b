// Aligned text tables for people reading a plan or a check.
import CapacityPlanning
import Foundation

/// Renders plans and checks as aligned text tables (`--format text`).
enum TextReport {
    /// Left-aligned columns separated by two spaces; numbers right-aligned; a rule under the header.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0.indices.contains(c) ? $0[c].count : 0 }.max() ?? 0 }
        func isNumeric(_ s: String) -> Bool { !s.isEmpty && s.allSatisfy { "0123456789.,-%–".contains($0) } }
        var lines: [String] = []
        for (r, row) in all.enumerated() {
            let cells = header.indices.map { c -> String in
                let text = row.indices.contains(c) ? row[c] : ""
                let pad = String(repeating: " ", count: max(0, widths[c] - text.count))
                return r > 0 && isNumeric(text) ? pad + text : text + pad
            }
            lines.append(String(cells.joined(separator: "  ").reversed().drop(while: { $0 == " " }).reversed()))
            if r == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        return lines.joined(separator: "\n")
    }

    /// A plan for people: status, objective by term, projects, people's load, warnings.
    static func plan(_ checked: CheckedPlan, problem: PlanningProblem, style: TextStyle = .plain) -> String {
        let plan = checked.plan
        var out: [String] = []
        let labels = PeriodLabels(problem.scenario.horizon)
        let status = plan.status == .infeasible ? style.red(plan.status.rawValue) : style.green(plan.status.rawValue)
        out.append(style.bold("Plan: ") + status + " (\(plan.solver ?? "unknown solver"))")
        if plan.status == .infeasible {
            out.append("No valid plan exists.")
            for line in plan.details?.diagnosis ?? [] { out.append("  - \(line)") }
            return out.joined(separator: "\n") + "\n"
        }
        let allocation = checked.allocation
        let kpis = PlanKPIs(allocation: allocation, problem: problem)
        let o = kpis.objective
        var headline = "Objective \(Format.money(o.total))"
        if let bound = plan.bound {
            let source = plan.details?.boundSource.map { " from the \($0.description)" } ?? ""
            headline += "  (bound \(Format.money(bound))\(source), gap \(Format.percent(Plan.relativeGap(objective: o.total, bound: bound), decimals: 2)))"
        }
        out.append(style.bold(headline))
        let version2 = problem.scenario.version >= 2
        let strategic = version2 ? "  strategic value \(Format.money(o.strategicValue))  delay cost \(Format.money(o.delayCost))" : ""
        let inFlight = problem.isInFlight
        let version3 = inFlight ? "  late cost \(Format.money(o.lateCost ?? 0))  synergies \(Format.money(o.synergyValue ?? 0))" : ""
        let supply = problem.hasSupply ? "  hiring \(Format.money(o.hiringCost ?? 0))  training \(Format.money(o.trainingCost ?? 0))" : ""
        out.append("  value \(Format.money(o.value))\(strategic)\(version3)  staff cost \(Format.money(o.staffCost))\(supply)  unmet \(Format.money(o.unmetPenalty))"
                   + "  team size \(Format.money(o.assignmentPenalty))  change \(Format.money(o.changePenalty + o.startChangePenalty))")
        if let note = plan.details?.note { out.append(style.dim("  \(note)")) }
        out.append("")
        let rows = kpis.projects.map { p -> [String] in
            let j = problem.projectIndex[p.id] ?? 0
            let name = problem.scenario.projects[j].resolvedName
            let info = problem.projects[j]
            let flight = inFlight ? [info.actualSpend > 0 ? Format.money(info.actualSpend) : "",
                                     info.due.map { labels.short($0) } ?? ""] : []
            guard p.selected, let start = p.start, let finish = allocation.finish(of: j, in: problem) else {
                return [p.id, name, "no", "", "", "", "", info.budget.map(Format.money) ?? ""] + flight
                    + (version2 ? ["", ""] : []) + (inFlight ? [""] : [])
            }
            let delay = inFlight ? info.probability * info.costOfDelay * Double(finish - info.earliestFinish)
                                 : info.costOfDelay * Double(start - info.earliestStart)
            let late = info.periodsLate(finish: finish)
            return [p.id, name, "yes", "\(labels.short(start))–\(labels.short(finish))",
                    Format.hours(p.bookedHours), Format.percent(p.coverage), Format.money(p.cost), info.budget.map(Format.money) ?? ""]
                + flight + (version2 ? [Format.money(info.strategicValue), Format.money(delay)] : [])
                + (inFlight ? [late > 0 ? "\(late) late" : ""] : [])
        }
        out.append(table(["project", "name", "selected", labels.unitName, "hours", "covered", "cost", "budget"]
                         + (inFlight ? ["actuals", "due"] : [])
                         + (version2 ? ["strategic", "delay cost"] : []) + (inFlight ? ["late"] : []), rows))
        out += explanationLines(plan.details?.explanation ?? checked.explanation(for: problem))
        if version2 { out += strategyLines(StrategySummary(allocation: allocation, problem: problem), style: style) }
        if problem.hasSupply { out += supplyLines(SupplySummary(allocation: allocation, problem: problem), labels: labels, periods: problem.periodCount) }
        out.append("")
        let peopleRows = kpis.people.map { p -> [String] in
            let booked = p.hours.reduce(0, +)
            let capacity = p.capacity.reduce(0, +)
            let peak = p.utilization.compactMap { $0 }.max() ?? 0
            return [p.id, p.team ?? "", Format.hours(booked), Format.hours(capacity),
                    capacity > 0 ? Format.percent(booked / capacity) : "–", Format.percent(peak)]
        }
        out.append(table(["person", "team", "booked", "capacity", "utilisation", "peak"], peopleRows))
        if let warnings = plan.details?.warnings, !warnings.isEmpty {
            out.append("")
            out.append(style.yellow("Warnings:"))
            for w in warnings { out.append("  - \(w)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The supply section: `Hire 2 × Senior data scientist from W5 (lead time 4): …` and
    /// `ada: ada-data course W1–W3 (data → 4), qualifies for churn-model from W4: …`.
    static func supplyLines(_ supply: SupplySummary, labels: PeriodLabels, periods: Int) -> [String] {
        var out = ["", "Supply:"]
        if supply.isEmpty { out.append("  no hires and no courses") }
        for hire in supply.hires {
            let lead = hire.leadTime > 0 ? " (lead time \(hire.leadTime))" : ""
            let work = hire.work.map { "\(Format.hoursWithUnit($0.hours)) on \($0.project)" }.joined(separator: ", ")
            out.append("  Hire \(hire.count) × \(hire.role) from \(labels.short(hire.start))\(lead): \(hire.people.joined(separator: ", ")); "
                       + (work.isEmpty ? "no hours" : work) + "; costs \(Format.money(hire.cost))")
        }
        for course in supply.courses {
            let projects = course.work.map(\.project).joined(separator: ", ")
            let qualifies = course.qualifiesFrom < periods
                ? ", qualifies\(projects.isEmpty ? "" : " for \(projects)") from \(labels.short(course.qualifiesFrom))" : ""
            out.append("  \(course.person): \(course.course) course \(labels.short(course.start))–\(labels.short(course.end)) "
                       + "(\(course.skill) → \(course.level))\(qualifies); costs \(Format.money(course.cost))")
        }
        return out
    }

    /// The strategy section: points and value per driver, each balance group's share against its rule.
    static func strategyLines(_ summary: StrategySummary, style: TextStyle) -> [String] {
        var out: [String] = []
        if !summary.drivers.isEmpty {
            out += ["", table(["driver", "name", "weight", "points", "value"], summary.drivers.map {
                [$0.driver, $0.name, Format.decimal($0.weight, digits: 2, trimmingZeros: true), "\($0.points)", Format.money($0.value)]
            })]
        }
        if !summary.balance.isEmpty {
            out += ["", table(["balance group", "measure", "share", "rule", "holds"], summary.balance.map {
                ["\($0.tag) = \($0.value)", $0.measure, Format.percent($0.share, decimals: 1),
                 "\(Format.percent($0.minShare))–\(Format.percent($0.maxShare))", $0.holds ? "yes" : style.red("no")]
            })]
        }
        return out
    }

    /// A check for people: the verdict, every violation, and the objective term by term.
    static func check(_ check: PlanCheck, plan: Plan, style: TextStyle = .plain) -> String {
        var out: [String] = []
        out.append(check.isValid
                   ? style.green(style.bold("VALID")) + " plan (\(plan.status.rawValue), \(plan.solver ?? "unknown solver"))"
                   : style.red(style.bold("INVALID")) + ": \(check.violations.count) violation(s)")
        for v in check.violations { out.append("  - \(v)") }
        let o = check.objective
        var objective = "objective \(Format.money(o.total))"
        if let stated = plan.objective {
            objective += abs(stated - o.total) <= Tolerance.of(o.total)
                ? " (as the plan states)"
                : style.yellow(" (the plan states \(Format.money(stated)), which does not match its contents)")
        }
        out.append(objective)
        // The version-2 terms are shown when they are not zero (a version-1 check reads as before).
        let version2 = o.strategicValue != 0 || o.delayCost != 0
            ? [["strategic value", Format.money(o.strategicValue)], ["delay cost", Format.money(-o.delayCost)]] : []
        // The version-3 terms are shown for a scenario with the portfolio in flight.
        let version3 = (o.synergyValue.map { [["synergies", Format.money($0)]] } ?? [])
            + (o.lateCost.map { [["late cost", Format.money(-$0)]] } ?? [])
        out.append(table(["term", "amount"], [["value", Format.money(o.value)]] + version2 + version3 + [
            ["staff cost", Format.money(-o.staffCost)],
            ["unmet (\(Format.hours(o.unmetHours)) h)", Format.money(-o.unmetPenalty)],
            ["assignment pairs (\(o.assignmentPairs))", Format.money(-o.assignmentPenalty)],
            ["changed hours (\(Format.hours(o.changedHours)) h)", Format.money(-o.changePenalty)],
            ["start changes (\(o.startChanges))", Format.money(-o.startChangePenalty)],
        ]))
        return out.joined(separator: "\n") + "\n"
    }
}
