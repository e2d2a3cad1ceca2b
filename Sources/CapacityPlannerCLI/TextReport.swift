// Aligned text tables for people reading a plan or a check.
import CapacityPlanning
import Foundation

/// Renders plans and checks as aligned text tables (`--format text`).
enum TextReport {
    /// A number of money units with thousands separators: no decimals from 100 up, at most two below.
    static func money(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if abs(value) < 0.005 { return "0" }
        let decimals = abs(value) < 100 ? 2 : 0
        let scale = decimals == 2 ? 100.0 : 1.0
        let rounded = (abs(value) * scale).rounded() / scale
        guard rounded < 1e15 else { return String(format: "%.0f", value) }
        let whole = Int64(rounded)
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        let fraction = Int64(((rounded - Double(whole)) * scale).rounded())
        if decimals == 2 && fraction != 0 { grouped += String(format: ".%02lld", fraction) }
        return (value < 0 ? "-" : "") + grouped
    }

    /// Hours with at most one decimal ("224", "23.4").
    static func hours(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let tenths = (value * 10).rounded()
        if tenths == 0 { return "0" }
        if abs(tenths) >= 1e15 { return String(format: "%.0f", value) }
        return tenths.truncatingRemainder(dividingBy: 10) == 0
            ? String(Int64(tenths / 10)) : String(format: "%.1f", tenths / 10)
    }

    /// Hours for headlines: thousands separated from 1,000 up ("20,518"), else as `hours`.
    static func manyHours(_ value: Double) -> String {
        abs(value) >= 999.95 ? money(value) : hours(value)
    }

    /// A share as a percentage ("85%", "12.50%").
    static func percent(_ share: Double, decimals: Int = 0) -> String {
        guard share.isFinite else { return "–" }
        return String(format: "%.\(decimals)f%%", share * 100)
    }

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
    static func plan(_ plan: Plan, problem: PlanningProblem, style: TextStyle = .plain) -> String {
        var out: [String] = []
        let labels = PeriodLabels(problem.scenario.horizon)
        let status = plan.status == .infeasible ? style.red(plan.status.rawValue) : style.green(plan.status.rawValue)
        out.append(style.bold("Plan: ") + status + " (\(plan.solver ?? "unknown solver"))")
        if plan.status == .infeasible {
            out.append("No valid plan exists.")
            for line in plan.details?.diagnosis ?? [] { out.append("  - \(line)") }
            return out.joined(separator: "\n") + "\n"
        }
        let allocation = Allocation(plan: plan, problem: problem)
        let kpis = PlanKPIs(allocation: allocation, problem: problem)
        let o = kpis.objective
        var headline = "Objective \(money(o.total))"
        if let bound = plan.bound { headline += "  (bound \(money(bound)), gap \(percent(gapOf(o.total, bound), decimals: 2)))" }
        out.append(style.bold(headline))
        out.append("  value \(money(o.value))  staff cost \(money(o.staffCost))  unmet \(money(o.unmetPenalty))"
                   + "  team size \(money(o.assignmentPenalty))  change \(money(o.changePenalty + o.startChangePenalty))")
        if let note = plan.details?.note { out.append(style.dim("  \(note)")) }
        out.append("")
        let rows = kpis.projects.map { p -> [String] in
            let j = problem.projectIndex[p.id] ?? 0
            let name = problem.scenario.projects[j].resolvedName
            let info = problem.projects[j]
            guard p.selected, let start = p.start else {
                return [p.id, name, "no", "", "", "", "", info.budget.map(money) ?? ""]
            }
            return [p.id, name, "yes", "\(labels.short(start))–\(labels.short(start + info.duration - 1))",
                    hours(p.bookedHours), percent(p.coverage), money(p.cost), info.budget.map(money) ?? ""]
        }
        out.append(table(["project", "name", "selected", labels.unitName, "hours", "covered", "cost", "budget"], rows))
        out.append("")
        let peopleRows = kpis.people.map { p -> [String] in
            let booked = p.hours.reduce(0, +)
            let capacity = p.capacity.reduce(0, +)
            let peak = p.utilization.compactMap { $0 }.max() ?? 0
            return [p.id, p.team ?? "", hours(booked), hours(capacity),
                    capacity > 0 ? percent(booked / capacity) : "–", percent(peak)]
        }
        out.append(table(["person", "team", "booked", "capacity", "utilisation", "peak"], peopleRows))
        if let warnings = plan.details?.warnings, !warnings.isEmpty {
            out.append("")
            out.append(style.yellow("Warnings:"))
            for w in warnings { out.append("  - \(w)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `(bound − objective) / max(1, |objective|)`, never negative.
    static func gapOf(_ objective: Double, _ bound: Double) -> Double {
        max(0, bound - objective) / max(1, abs(objective))
    }

    /// A check for people: the verdict, every violation, and the objective term by term.
    static func check(_ check: PlanCheck, plan: Plan, style: TextStyle = .plain) -> String {
        var out: [String] = []
        out.append(check.isValid
                   ? style.green(style.bold("VALID")) + " plan (\(plan.status.rawValue), \(plan.solver ?? "unknown solver"))"
                   : style.red(style.bold("INVALID")) + ": \(check.violations.count) violation(s)")
        for v in check.violations { out.append("  - \(v)") }
        let o = check.objective
        var objective = "objective \(money(o.total))"
        if let stated = plan.objective {
            objective += abs(stated - o.total) <= Tolerance.of(o.total)
                ? " (as the plan states)"
                : style.yellow(" (the plan states \(money(stated)), which does not match its contents)")
        }
        out.append(objective)
        out.append(table(["term", "amount"], [
            ["value", money(o.value)], ["staff cost", money(-o.staffCost)],
            ["unmet (\(hours(o.unmetHours)) h)", money(-o.unmetPenalty)],
            ["assignment pairs (\(o.assignmentPairs))", money(-o.assignmentPenalty)],
            ["changed hours (\(hours(o.changedHours)) h)", money(-o.changePenalty)],
            ["start changes (\(o.startChanges))", money(-o.startChangePenalty)],
        ]))
        return out.joined(separator: "\n") + "\n"
    }
}
