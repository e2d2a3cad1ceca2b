// The forecast as text: "X will finish in W20, 4 weeks after its due date W16, because …;
// mitigations: …", then the other selected projects' finishes.
import CapacityPlanning

extension ConflictReport {
    /// Appends the FORECAST section: late projects in sentences with their mitigations, then the rest.
    func forecastText(_ out: inout [String], _ forecast: [ProjectForecast], limit: Int) {
        out.append("")
        out.append("FORECAST (finish against due date and baseline; late projects with their best mitigations, each re-solved)")
        func when(_ label: String, _ date: String?) -> String { label + (date.map { " (\($0))" } ?? "") }
        let late = forecast.filter { $0.late > 0 }
        if late.isEmpty { out.append("  No selected project finishes after its due date.") }
        for f in late.prefix(limit) {
            var line = "  \(f.project) will finish in \(when(f.finishLabel, f.finishDate)), \(f.late) period\(f.late == 1 ? "" : "s") "
                + "after its due date \(f.dueLabel.map { when($0, f.dueDate) } ?? "")"
            if let slip = f.slip, slip != 0 { line += " (\(slip > 0 ? "\(slip) later" : "\(-slip) earlier") than the baseline)" }
            if let reason = f.reason { line += ", because \(reason.detail)" }
            out.append(line + ".")
            if f.mitigations.isEmpty { out.append("    No mitigation was re-solved.") }
            for (k, m) in f.mitigations.enumerated() {
                var text = "    \(k + 1). \(m.description): objective \(m.objectiveChange.map(signed) ?? "no plan")"
                if let finish = m.newFinish {
                    text += ", finishes \(finish > f.finish ? "later" : finish < f.finish ? "earlier" : "as planned"), "
                        + "period \(finish + 1)" + (m.newLate.map { $0 > 0 ? " (\($0) late)" : " (on time)" } ?? "")
                } else if m.outcome.objective != nil {
                    text += ", \(f.project) not selected"
                }
                out.append(text + " [\(m.outcome.status?.rawValue ?? (m.outcome.error ?? "no plan"))]")
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
