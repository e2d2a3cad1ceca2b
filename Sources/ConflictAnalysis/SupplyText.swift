// The supply analysis as text: "Hire 2 × data-engineer from W5 (lead time 2): worth +20,600 …;
// dev: ml course W3–W4, qualifies for ml-scoring from W5: worth …". The phrases are public so the
// HTML report and the CLI say the same thing in the same words.
import CapacityPlanning

extension SupplyDecision {
    /// The decision in one line, without its worth: `Hire 2 × data-engineer from W5 (2027-02-01)`
    /// or `dev: dev-ml course (ml → 3) W3–W4, qualifies for ml-scoring from W5`.
    public var headline: String {
        let when = startLabel + (startDate.map { " (\($0))" } ?? "")
        switch kind {
        case .hire:
            return "Hire \(count ?? 1) × \(role ?? "") from \(when)"
        case .course:
            let forWhat = work.isEmpty ? "" : ", qualifies for \(work.map(\.project).joined(separator: ", "))"
            let from = qualifiesFromLabel.map { " from \($0)" } ?? ""
            return "\(person ?? ""): \(course ?? "") course (\(skill ?? "") → \(level ?? 0)) \(runsLabel ?? startLabel)\(forWhat)\(from)"
        }
    }

    /// The worth, signed, or why it could not be measured.
    public var worthText: String {
        worth.map(signed) ?? "not measured (\(withoutIt.error ?? "the re-solve without it found no plan"))"
    }

    /// The work it makes possible: `240 h on data-platform, 40 h on erp`, or `no hours`.
    public var workText: String {
        work.isEmpty ? "no hours" : work.map { "\(Format.hoursWithUnit($0.hours)) on \($0.project)" }.joined(separator: ", ")
    }
}

extension ConflictReport {
    /// Appends the SUPPLY section: each hire and course with its worth, cost and work.
    func supplyText(_ out: inout [String], _ supply: [SupplyDecision]) {
        out.append("")
        out.append("SUPPLY (each hire and course of the plan, worth = the plan's objective less a re-solve without it)")
        if supply.isEmpty { out.append("  The plan hires nobody and sends nobody on a course.") }
        for decision in supply {
            out.append("  \(decision.headline): worth \(decision.worthText), costs \(Format.money(decision.cost)); "
                       + "\(decision.workText) [\(decision.withoutIt.status?.rawValue ?? "no plan") without it]")
        }
    }
}
