// The report as text for people: one section per question, largest problems first.
import CapacityPlanning

extension ConflictReport {
    /// The report as plain text, each section headed and sorted by size.
    ///
    /// - Parameters:
    ///   - limit: most lines per section (the JSON form has everything).
    public func text(limit: Int = 12) -> String {
        var out: [String] = []
        let source = switch plan.source {
        case .given: "the given plan"
        case .baseline: "the baseline (the plan currently published)"
        case .fresh: "a fresh plan"
        }
        out.append("CONFLICT ANALYSIS of \(source)")
        out.append("  objective \(Format.money(plan.objective)), \(plan.selectedProjects) project(s) selected, staff cost "
                   + "\(Format.money(plan.staffCost)), unmet \(Format.hoursWithUnit(plan.unmetHours)); "
                   + (plan.valid ? "valid" : "INVALID (\(plan.violations.count) violation(s))"))
        out.append("  reference (best plan found for the scenario as given, by \(reference.solver) in "
                   + "\(Format.seconds(reference.seconds))): " + outcomeText(reference))
        for violation in plan.violations.prefix(limit) { out.append("    - \(violation)") }

        if let forecast {
            // The portfolio in flight: only the forecast is computed (the notes say so).
            forecastText(&out, forecast, limit: limit)
            if let supply { supplyText(&out, supply) }
            out.append("")
            out.append("NOTES")
            for note in notes { out.append("  - \(note)") }
            return out.joined(separator: "\n") + "\n"
        }
        section(&out, "OVER-ALLOCATION", overAllocations, limit: limit,
                sortedBy: { $0.excessHours > $1.excessHours }) { o in
            "\(o.person), period \(o.period): booked \(Format.hoursWithUnit(o.bookedHours)) of \(Format.hoursWithUnit(o.usableHours)) "
                + "usable (+\(Format.hoursWithUnit(o.excessHours))) on " + o.projects.map { "\($0.project) \(Format.hoursWithUnit($0.hours))" }.joined(separator: ", ")
        }
        section(&out, "ORPHANED WORK (baseline hours with nowhere to go)", orphanedWork, limit: limit,
                sortedBy: { $0.hours > $1.hours }) { o in
            let why = switch o.reason {
            case .personGone: "\(o.person) is gone"
            case .projectGone: "project \(o.project) is gone"
            case .demandGone: "demand \(o.demand) is gone"
            case .outsideHorizon: "period \(o.period) is outside the horizon"
            }
            return "\(Format.hoursWithUnit(o.hours)) of \(o.person) on \(o.project).\(o.demand) in period \(o.period): \(why)"
        }
        section(&out, "SKILL SHORTAGES (demand the whole pool cannot cover, people counted once)", skillShortages, limit: limit,
                sortedBy: { $0.shortageHours > $1.shortageHours }) { s in
            let demands = s.demands.map { "\($0.skill) ≥ \($0.minLevel) \(Format.hoursWithUnit($0.hours))" }.joined(separator: " + ")
            return "period \(s.period): \(demands) need \(Format.hoursWithUnit(s.demandHours)); the \(s.people.count) people who can "
                + "serve them have \(Format.hoursWithUnit(s.supplyHours)): short \(Format.hoursWithUnit(s.shortageHours))"
        }
        section(&out, "CONTENTION (projects competing for the same people)", contention, limit: limit,
                sortedBy: { $0.shortageHours > $1.shortageHours }) { c in
            if c.kind == .displacement, let left = c.projects.first {
                let others = c.projects.dropFirst().map { "\($0.project) \(Format.hoursWithUnit($0.shortageExplained))" }
                return "\(left.project) is left out: beside the plan it is \(Format.hoursWithUnit(c.shortageHours)) short in "
                    + "\(periodList(c.periods)); \(c.people.count) of its people are booked on " + others.joined(separator: ", ")
            }
            let members = c.projects.map { m in
                "\(m.project) explains \(Format.hoursWithUnit(m.shortageExplained)) (competes with \(m.competitors.joined(separator: ", ")))"
            }.joined(separator: "; ")
            return "\(periodList(c.periods)), \(c.people.count) people, short \(Format.hoursWithUnit(c.shortageHours)): \(members)"
        }
        section(&out, "DEADLINE RISK", deadlineRisks, limit: limit, sortedBy: { ($0.mandatory ? 1 : 0, $0.shortHours) > ($1.mandatory ? 1 : 0, $1.shortHours) }) { r in
            (r.mandatory ? "[mandatory] " : "") + r.detail
        }
        section(&out, "SYSTEM COLLISIONS (shared systems over their limit or changed in a freeze)", collisions, limit: limit,
                sortedBy: { ($0.system, $0.period) < ($1.system, $1.period) }) { c in
            c.kind == .freeze
                ? "\(c.system), period \(c.period): frozen, but \(c.projects.joined(separator: ", ")) change it"
                : "\(c.system), period \(c.period): \(c.projects.count) projects change it (limit \(c.limit ?? 0)): "
                    + c.projects.joined(separator: ", ")
        }
        if let alignment {
            section(&out, "ALIGNMENT (strategic points per driver)", alignment.drivers, limit: limit, sortedBy: { $0.value > $1.value }) { d in
                "\(d.name): \(d.points) point(s) × weight \(Format.decimal(d.weight, digits: 2, trimmingZeros: true)) = \(Format.money(d.value))"
            }
            section(&out, "BALANCE (each group's share against its rule)", alignment.balance, limit: limit,
                    sortedBy: { $0.rule < $1.rule }) { b in
                "\(b.tag) = \(b.value): \(Format.percent(b.share, decimals: 1)) of \(b.measure), rule "
                    + "\(Format.percent(b.minShare))–\(Format.percent(b.maxShare))" + (b.holds ? "" : " — BROKEN")
            }
        }
        section(&out, "LEFT OUT (why, and the cost of forcing each in)", notSelected, limit: limit, sortedBy: { $0.value > $1.value }) { n in
            var line = "\(n.project) (value \(Format.money(n.value))): " + n.reasons.map(\.detail).joined(separator: " ")
            if let forced = n.forcedIn {
                if let change = forced.change {
                    line += " Forced in: objective \(signed(change))"
                    if forced.unmetHours > 0 { line += ", still \(Format.hoursWithUnit(forced.unmetHours)) short" }
                    if !forced.displaced.isEmpty { line += ", displaces \(forced.displaced.joined(separator: ", "))" }
                    line += " [\(forced.outcome.status?.rawValue ?? "no plan")]."
                } else if forced.outcome.status == .infeasible {
                    line += " Forced in: impossible — \(forced.outcome.error ?? "no valid plan has it fully staffed") [infeasible]."
                } else {
                    line += " Forced in: no plan found in the time (\(forced.outcome.error ?? "no reason given"))."
                }
            }
            return line
        }
        section(&out, "MARGINAL VALUES (one more free hour: LP dual; re-solved: +1 h, +1 person net of cost)", marginalValues,
                limit: limit, sortedBy: { $0.lpValuePerHour > $1.lpValuePerHour }) { m in
            var line = "\(m.skill) ≥ \(m.level), period \(m.period): LP \(Format.money(m.lpValuePerHour))/h"
            if let user = m.usedBy { line += " (for \(user))" }
            if let hour = m.resolvedHourValue { line += "; re-solved +1 h: \(signed(hour))" }
            if let person = m.resolvedPersonValue, let hours = m.personHours, let rate = m.personCostPerHour {
                line += "; +1 person (\(Format.hoursWithUnit(hours))/period at \(Format.money(rate))/h): \(signed(person))"
            }
            if m.resolvedHourValue != nil { line += " [\(m.resolvedStatus?.rawValue ?? "not proven")]" }
            return line
        }
        section(&out, "RESOLUTIONS (each re-solved; change in objective against the reference)", resolutions, limit: limit,
                sortedBy: nil) { r in
            var line = "\(r.objectiveChange.map(signed) ?? "no plan"): \(r.description)"
            if !r.clears.isEmpty { line += " — clears \(r.clears.count): \(r.clears.prefix(4).joined(separator: "; "))\(r.clears.count > 4 ? "; …" : "")" }
            line += " [\(r.outcome.status?.rawValue ?? (r.outcome.error ?? "no plan"))]"
            return line
        }
        if let tradeOff {
            out.append("")
            out.append("TRADE-OFF: best objective as \(tradeOff.parameter) varies")
            for point in tradeOff.points {
                let budget = point.budget.map(Format.money) ?? "unlimited"
                out.append("  budget \(budget): objective \(point.outcome.objective.map(Format.money) ?? "no plan"), value "
                           + "\(point.value.map(Format.money) ?? "–"), staff cost \(point.staffCost.map(Format.money) ?? "–"), "
                           + "\(point.selected.count) project(s) [\(point.outcome.status?.rawValue ?? "no plan")]")
            }
        }
        if !notes.isEmpty {
            out.append("")
            out.append("NOTES")
            for note in notes { out.append("  - \(note)") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func section<T>(_ out: inout [String], _ title: String, _ items: [T], limit: Int,
                            sortedBy order: ((T, T) -> Bool)?, _ line: (T) -> String) {
        out.append("")
        guard !items.isEmpty else {
            out.append("\(title): none")
            return
        }
        out.append("\(title): \(items.count)")
        let sorted = order.map { items.sorted(by: $0) } ?? items
        for item in sorted.prefix(limit) { out.append("  - " + line(item)) }
        if items.count > limit { out.append("  … \(items.count - limit) more in the JSON form") }
    }

    private func outcomeText(_ outcome: SolveOutcome) -> String {
        guard let objective = outcome.objective else { return "no plan (\(outcome.error ?? outcome.status?.rawValue ?? "no reason given"))" }
        var text = "objective \(Format.money(objective)) [\(outcome.status?.rawValue ?? "")]"
        if let bound = outcome.bound, outcome.status != .optimal { text += ", bound \(Format.money(bound))" }
        return text
    }
}

/// `+1,234` or `−1,234`.
func signed(_ value: Double) -> String {
    (value >= 0.5 ? "+" : "") + Format.money(value)
}
