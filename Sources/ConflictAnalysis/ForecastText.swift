// The forecast as text: "X will finish in W20, 4 weeks after its due date W16, because …;
// mitigations: …", then the other selected projects' finishes. The phrases are public so the
// HTML report says the same thing in the same words.
import CapacityPlanning

extension ProjectForecast {
    /// The finish period and its date: `W20 (2027-05-17)`.
    public var finishText: String { Self.when(finishLabel, finishDate) }

    /// The due period and its date (`W16 (2027-04-19)`), when there is a due date.
    public var dueText: String? { dueLabel.map { Self.when($0, dueDate) } }

    /// The late project in one sentence, without its final full stop: `X will finish in W20 (…),
    /// 4 periods after its due date W16 (…) (2 later than the baseline), because …`.
    public var lateSentence: String {
        var line = "\(project) will finish in \(finishText), \(late) period\(late == 1 ? "" : "s") "
            + "after its due date \(dueText ?? "")"
        if let slip, slip != 0 { line += " (\(slip > 0 ? "\(slip) later" : "\(-slip) earlier") than the baseline)" }
        if let reason { line += ", because \(reason.detail)" }
        return line
    }

    private static func when(_ label: String, _ date: String?) -> String { label + (date.map { " (\($0))" } ?? "") }
}

extension Mitigation {
    /// The change in objective, signed (`+12,000`), or `no plan` when the re-solve found none.
    public var objectiveText: String { objectiveChange.map(signed) ?? "no plan" }

    /// What the re-solve did to the late project of `forecast`: `finishes earlier, period 17 (on
    /// time)`, `X not selected`, or `nil` when the re-solve has no plan.
    public func effectText(on forecast: ProjectForecast) -> String? {
        if let finish = newFinish {
            return "finishes \(finish > forecast.finish ? "later" : finish < forecast.finish ? "earlier" : "as planned"), "
                + "period \(finish + 1)" + (newLate.map { $0 > 0 ? " (\($0) late)" : " (on time)" } ?? "")
        }
        return outcome.objective != nil ? "\(forecast.project) not selected" : nil
    }

    /// The re-solve's status (`optimal`, `feasible`, …), or why it has none.
    public var resolveText: String { outcome.status?.rawValue ?? (outcome.error ?? "no plan") }
}

extension ConflictReport {
    /// Appends the FORECAST section: late projects in sentences with their mitigations, then the rest.
    func forecastText(_ out: inout [String], _ forecast: [ProjectForecast], limit: Int) {
        out.append("")
        out.append("FORECAST (finish against due date and baseline; late projects with their best mitigations, each re-solved)")
        let late = forecast.filter { $0.late > 0 }
        if late.isEmpty { out.append("  No selected project finishes after its due date.") }
        for f in late.prefix(limit) {
            out.append("  " + f.lateSentence + ".")
            if f.mitigations.isEmpty { out.append("    No mitigation was re-solved.") }
            for (k, m) in f.mitigations.enumerated() {
                let effect = m.effectText(on: f).map { ", " + $0 } ?? ""
                out.append("    \(k + 1). \(m.description): objective \(m.objectiveText)\(effect) [\(m.resolveText)]")
            }
        }
        let others = forecast.filter { $0.late == 0 }
        if !others.isEmpty {
            out.append("  On time or without a due date: " + others.prefix(limit).map { f in
                "\(f.project) \(f.start + 1)–\(f.finish + 1)" + (f.slip.map { $0 != 0 ? " (slip \($0 > 0 ? "+" : "")\($0))" : "" } ?? "")
            }.joined(separator: ", ") + (others.count > limit ? ", …" : ""))
        }
    }
}
