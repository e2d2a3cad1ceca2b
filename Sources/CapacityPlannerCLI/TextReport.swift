// Aligned text tables for people reading a plan or a check.
import CapacityPlanning
import Foundation

enum TextReport {
    /// A number of money units with thousands separators, no decimals.
    static func money(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = abs(value) < 100 ? 2 : 0
        return formatter.string(from: NSNumber(value: value)) ?? String(format: "%.0f", value)
    }

    /// Hours with at most one decimal.
    static func hours(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int64(value)) : String(format: "%.1f", value)
    }

    /// Left-aligned columns separated by two spaces; numbers right-aligned.
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
            lines.append(cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            if r == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        return lines.joined(separator: "\n")
    }

    static func plan(_ plan: Plan, problem: PlanningProblem) -> String {
        var out: [String] = []
        out.append("Plan: \(plan.status.rawValue) (\(plan.solver ?? "?"))")
        if plan.status == .infeasible {
            out.append("No valid plan exists.")
            for line in plan.details?.diagnosis ?? [] { out.append("  - \(line)") }
            return out.joined(separator: "\n") + "\n"
        }
        let allocation = Allocation(plan: plan, problem: problem)
        let kpis = PlanKPIs(allocation: allocation, problem: problem)
        let o = kpis.objective
        out.append("Objective \(money(o.total))" + (plan.bound.map { "  (bound \(money($0)))" } ?? ""))
        out.append("  value \(money(o.value))  staff cost \(money(o.staffCost))  unmet \(money(o.unmetPenalty))"
                   + "  team-size \(money(o.assignmentPenalty))  change \(money(o.changePenalty + o.startChangePenalty))")
        if let note = plan.details?.note { out.append("  \(note)") }
        out.append("")
        let rows = kpis.projects.map { p -> [String] in
            let name = problem.scenario.projects[problem.projectIndex[p.id] ?? 0].resolvedName
            guard p.selected, let start = p.start else { return [p.id, name, "no", "", "", "", ""] }
            let info = problem.projects[problem.projectIndex[p.id] ?? 0]
            return [p.id, name, "yes", "\(start)–\(start + info.duration - 1)", hours(p.bookedHours),
                    String(format: "%.0f%%", p.coverage * 100), money(p.cost)]
        }
        out.append(table(["project", "name", "selected", "periods", "hours", "covered", "cost"], rows))
        out.append("")
        let peopleRows = kpis.people.map { p -> [String] in
            let booked = p.hours.reduce(0, +)
            let capacity = p.capacity.reduce(0, +)
            let peak = p.utilization.compactMap { $0 }.max() ?? 0
            return [p.id, p.team ?? "", hours(booked), hours(capacity),
                    capacity > 0 ? String(format: "%.0f%%", booked / capacity * 100) : "–", String(format: "%.0f%%", peak * 100)]
        }
        out.append(table(["person", "team", "booked", "capacity", "utilisation", "peak"], peopleRows))
        if let warnings = plan.details?.warnings, !warnings.isEmpty {
            out.append("")
            out.append("Warnings:")
            for w in warnings { out.append("  - \(w)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func check(_ check: PlanCheck, plan: Plan) -> String {
        var out: [String] = []
        out.append(check.isValid ? "VALID" : "INVALID: \(check.violations.count) violation(s)")
        for v in check.violations { out.append("  - \(v)") }
        let o = check.objective
        out.append("objective \(money(o.total))" + (plan.objective.map { " (plan states \(money($0)))" } ?? ""))
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
