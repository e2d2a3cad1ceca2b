// A plan from the in-flight model's LP relaxation: fix the spans the LP is surest of, solve the LP
// again, and once every span is fixed let GLPK staff them (Docs/lns.md, "The relaxation dive").
#if GLPK
import CapacityPlanning
import Optimization

/// Dives from the LP relaxation of the in-flight model to a plan with other spans than the search's.
///
/// The search's neighbourhoods keep most spans and re-staff a few projects; the exchanges that pay
/// in flight change several spans at once *and* move people between projects that keep theirs
/// (measured on 60 × 25 × 16 seed 6: Docs/lns.md). The dive chooses spans from the relaxation
/// instead — a project at the span the LP gives most weight, or left out when the LP gives it
/// less than half — a batch of the surest projects per LP (one at a time where a batch cannot all
/// hold), until every span is fixed; then GLPK staffs the chosen spans (every hours, pair and
/// concurrency column free), depth first, as the first solution is what counts. Its plan is
/// offered to the search, which checks it.
struct RelaxationDive {
    let formulation: InFlightFormulation
    /// Share of the projects still open whose spans one LP round fixes (at least one).
    var batchShare = 0.25
    /// A project's spans count as settled when one has at least this weight, or all together at
    /// most `1 − settled`.
    var settled = 0.99

    /// The chosen spans' plan, or `nil` when an LP of the dive has no solution, GLPK finds no
    /// staffing, or `deadline` passes or `shouldStop` says so first.
    func plan(from relaxed: [Double], until deadline: ContinuousClock.Instant,
              shouldStop: @escaping @Sendable () -> Bool) -> Allocation? {
        guard relaxed.count == formulation.model.variableCount else { return nil }
        var fixed: [Int: Double] = [:]
        var values = relaxed
        while true {
            if shouldStop() || ContinuousClock.now >= deadline { return nil }
            let open = settle(values, into: &fixed)
            if open.isEmpty { break }
            var trial = fixed
            for choice in open.prefix(max(1, Int(Double(open.count) * batchShare))) { fix(choice.project, at: choice.span, in: &trial) }
            if let next = relaxation(fixing: trial, until: deadline) {
                (fixed, values) = (trial, next)
                continue
            }
            // The batch cannot all hold (a dependency, a deadline, a budget between them): one
            // project at a time instead, surest first, at its choice or else the other way (in ⇄ out).
            guard let next = fixOne(of: open, in: &fixed, until: deadline) else { return nil }
            values = next
        }
        return staffing(fixing: fixed, until: deadline, shouldStop: shouldStop)
    }

    /// A project the dive has not fixed: the span it would choose (`nil`: left out), the span with
    /// most weight, and how sure the LP is of the choice.
    struct Choice {
        let project: Int
        let span: Variable?
        let best: Variable
        let certainty: Double
    }

    /// Fixes the projects whose spans `values` settles, and returns the others, surest first.
    func settle(_ values: [Double], into fixed: inout [Int: Double]) -> [Choice] {
        var open: [Choice] = []
        for (j, list) in formulation.spans.enumerated() where !list.isEmpty {
            guard list.contains(where: { fixed[$0.variable.index] == nil }) else { continue }
            var best = list[0].variable
            var total = 0.0
            for (_, y) in list {
                total += values[y.index]
                if values[y.index] > values[best.index] { best = y }
            }
            if values[best.index] >= settled {
                fix(j, at: best, in: &fixed)
            } else if total <= 1 - settled {
                fix(j, at: nil, in: &fixed)
            } else {
                let chosen = total >= 0.5 ? best : nil
                open.append(Choice(project: j, span: chosen, best: best, certainty: max(values[best.index], 1 - total)))
            }
        }
        return open.sorted { ($0.certainty, -$0.project) > ($1.certainty, -$1.project) }
    }

    /// Fixes the surest project of `open` that can be fixed (at its choice, or else the other way)
    /// and returns the LP solution with it; `nil` when none can, or the deadline passes.
    private func fixOne(of open: [Choice], in fixed: inout [Int: Double], until deadline: ContinuousClock.Instant) -> [Double]? {
        for choice in open {
            for span in [choice.span, choice.span == nil ? choice.best : nil] {
                if ContinuousClock.now >= deadline { return nil }
                var trial = fixed
                fix(choice.project, at: span, in: &trial)
                if let next = relaxation(fixing: trial, until: deadline) {
                    fixed = trial
                    return next
                }
            }
        }
        return nil
    }

    /// Fixes project `j` at `span` (every other span of it at 0), or out when `span` is `nil`.
    func fix(_ j: Int, at span: Variable?, in fixed: inout [Int: Double]) {
        for (_, y) in formulation.spans[j] { fixed[y.index] = y == span ? 1 : 0 }
    }

    /// The LP relaxation with `fixed` substituted out, as a value per column of the whole model.
    private func relaxation(fixing fixed: [Int: Double], until deadline: ContinuousClock.Instant) -> [Double]? {
        let reduced = formulation.model.fixing(fixed)
        guard reduced.brokenRows.isEmpty, let left = seconds(until: deadline) else { return nil }
        let options = SolveOptions(timeLimit: left, scaling: true, linearPresolve: true)
        guard let solved = try? GLPK.solveRelaxation(reduced.model, options: options), solved.termination == .optimal else { return nil }
        return reduced.expanded(solved.values)
    }

    /// GLPK's staffing of the fixed spans: the rest of the model, depth first to its first
    /// solutions, until `deadline`.
    private func staffing(fixing fixed: [Int: Double], until deadline: ContinuousClock.Instant,
                          shouldStop: @escaping @Sendable () -> Bool) -> Allocation? {
        let reduced = formulation.model.fixing(fixed)
        guard reduced.brokenRows.isEmpty, let left = seconds(until: deadline) else { return nil }
        var options = SolveOptions(timeLimit: left, relativeGap: 1e-4, scaling: true, branching: .hybridPseudocost,
                                   nodeSelection: .depthFirst)
        let token = CancellationToken()
        options.cancellation = token
        options.progress = { _ in if shouldStop() { token.cancel() } }
        guard let solved = try? GLPK.solve(reduced.model, options: options), solved.hasSolution else { return nil }
        return formulation.allocation(from: reduced.expanded(solved.values))
    }

    /// Seconds left until `deadline`; `nil` when too few to solve anything.
    private func seconds(until deadline: ContinuousClock.Instant) -> Double? {
        let left = -deadline.secondsElapsed
        return left > 0.1 ? left : nil
    }
}
#endif
