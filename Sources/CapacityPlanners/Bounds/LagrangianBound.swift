// An upper bound on the best objective that stays cheap at any portfolio size.
package import CapacityPlanning

/// An upper bound on the best objective by Lagrangian relaxation (Docs/formulation.md, "Bounds").
///
/// People's capacity per period, the portfolio budget and each project's budget are moved into
/// the objective with prices `λ(p,t) ≥ 0`, `ν ≥ 0` and `μ(j) ≥ 0`; concurrency limits,
/// dependencies, alternatives, pin hours and the assignment penalty are dropped (each drop can
/// only raise the optimum). What is left splits by project: each picks its best start (or stays
/// out, unless required), buying every demanded hour from the cheapest qualified people at their
/// priced cost, each up to their capacity, or — for a mandatory project — leaving it unmet at the
/// unmet penalty. The change penalty is kept exactly: a person's baseline hours on a demand and
/// period are offered at their price less the penalty, the rest at their price plus it, and every
/// baseline hour pays it once up front. For any prices the result is a valid bound; subgradient
/// steps lower it toward the best such bound, the LP relaxation of the same relaxed problem.
///
/// Pure Swift: it needs no solver.
package struct LagrangianBound: Sendable {
    /// Most subgradient iterations.
    package var iterations: Int
    /// Wall-clock limit in seconds; `nil` is none (then the result is deterministic).
    package var timeLimit: Double?

    /// Creates the bound computation.
    package init(iterations: Int = 200, timeLimit: Double? = nil) {
        self.iterations = iterations
        self.timeLimit = timeLimit
    }

    /// The best bound found, or `nil` when the relaxation shows no plan can exist
    /// (a required project has no start whose demands its qualified people could even hold).
    ///
    /// - Parameters:
    ///   - incumbent: the objective of a known valid plan, which steers the step size.
    ///   - shouldStop: polled between iterations.
    ///   - improved: called with each better bound as the steps find it.
    /// - Complexity: per iteration O(Σ_d E_d·T_d + Σ_j |S_j|·D_j·demands_j) once prices settle (the
    ///   offers of each demand and period are re-sorted from the last order), where
    ///   E_d is the number of qualified people and T_d the periods a demand can touch; memory
    ///   O(Σ_d E_d·T_d).
    package func bound(for problem: PlanningProblem, incumbent: Double? = nil,
                      shouldStop: () -> Bool = { false }, improved: (Double) -> Void = { _ in }) -> Double? {
        var relaxation = Relaxation(problem: problem)
        let clock = ContinuousClock.now
        var best = Double.infinity
        // A small first step, halved after 4 steps without progress: on 500 × 150 × 52 seed 1 it is within
        // 0.7 % of its limit after 5 s, where θ = 2 halved after 8 is 4 % above it (lns.md).
        var theta = 0.5
        var sinceImprovement = 0
        for _ in 0..<max(1, iterations) {
            guard let value = relaxation.evaluate() else { return nil }
            // (best starts infinite: an improvement test against best itself would be NaN and never pass.)
            if !best.isFinite || value < best - 1e-9 * max(1, abs(best)) {
                best = value
                improved(value)
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 4 {
                    theta /= 2
                    sinceImprovement = 0
                }
            }
            if let incumbent, best - incumbent <= 1e-6 * max(1, abs(incumbent)) { break }
            if theta < 1e-4 || shouldStop() { break }
            if let limit = timeLimit, clock.secondsElapsed >= limit { break }
            let target = incumbent ?? (best - 0.05 * max(1, abs(best)))
            relaxation.step(theta: theta, gap: max(value - target, 1e-6 * max(1, abs(value))))
        }
        return best.isFinite ? best : nil
    }
}

/// The relaxed problem and its prices.
private struct Relaxation {
    let problem: PlanningProblem
    let periods: Int
    /// Price of one hour of each person in each period (index person × periods + period).
    var lambda: [Double]
    /// Price of the portfolio budget, per unit of money spent.
    var nu = 0.0
    /// Price of each project's budget, per unit of money spent on it (0 for a project without one).
    var mu: [Double]
    /// Hours the last evaluation bought from each person in each period.
    var usage: [Double]
    /// Money the last evaluation spent, in all and on each project.
    var spent = 0.0
    var spentOn: [Double]
    /// The offers for each demand and period a start can touch (index demand × periods + period),
    /// kept in the last evaluation's price order.
    var markets: [[Offer]]
    /// Cost per hour of each person.
    let rate: [Double]
    /// Hours each person has in each period (index person × periods + period).
    let capacity: [Double]
    /// Each project's starts that are open (`ProjectInfo.possibleStarts`).
    let starts: [[Int]]

    /// One person's hours for one demand in one period: the baseline's hours there (which earn the
    /// change penalty back) or the others (which pay it).
    struct Offer {
        var price = 0.0
        let hours: Double
        let person: Int
        /// −1 for the baseline's hours, +1 for the others: the change penalty's sign in the price.
        let change: Double

        func precedes(_ other: Offer) -> Bool {
            (price, person, change) < (other.price, other.person, other.change)
        }
    }

    init(problem: PlanningProblem) {
        self.problem = problem
        let periods = problem.periodCount
        self.periods = periods
        self.lambda = Array(repeating: 0, count: problem.people.count * periods)
        self.usage = lambda
        self.mu = Array(repeating: 0, count: problem.projects.count)
        self.spentOn = mu
        var planned: [Int: [Int: Double]] = [:]
        for (cell, hours) in problem.baseline.hours where hours > 0 {
            planned[cell.demand * periods + cell.period, default: [:]][cell.person] = hours
        }
        var markets = [[Offer]](repeating: [], count: problem.demands.count * periods)
        for demand in problem.demands {
            for t in problem.projects[demand.project].candidatePeriods where t < periods {
                let key = demand.index * periods + t
                var offers: [Offer] = []
                for p in demand.eligiblePeople {
                    let cap = problem.people[p].capacity[t]
                    guard cap > 0 else { continue }
                    let kept = min(cap, planned[key]?[p] ?? 0)
                    if kept > 0 { offers.append(Offer(hours: kept, person: p, change: -1)) }
                    if cap > kept { offers.append(Offer(hours: cap - kept, person: p, change: 1)) }
                }
                markets[key] = offers
            }
        }
        self.markets = markets
        self.rate = problem.people.map(\.costPerHour)
        self.capacity = problem.people.flatMap { person in (0..<periods).map { person.capacity[$0] } }
        self.starts = problem.projects.map(\.possibleStarts)
    }

    /// Prices every offer of `project`'s demands and puts each market in price order (the standard
    /// library's sort finds the runs of the last order: nearly linear, as prices move little
    /// between iterations).
    private mutating func price(_ project: ProjectInfo, budgetPrice: Double) {
        let penalty = problem.policy.changePenaltyPerHour
        let scale = 1 + budgetPrice + mu[project.index]
        for d in project.demands {
            for t in project.candidatePeriods where t < periods {
                let key = d * periods + t
                var offers = markets[key]
                guard !offers.isEmpty else { continue }
                markets[key] = []
                offers.withUnsafeMutableBufferPointer { buffer in
                    for k in buffer.indices {
                        let p = buffer[k].person
                        buffer[k].price = rate[p] * scale + lambda[p * periods + t] + buffer[k].change * penalty
                    }
                }
                offers.sort { $0.precedes($1) }
                markets[key] = offers
            }
        }
    }

    /// Buys `hours` of demand `d` in period `t` at the current prices, cheapest offers first, and
    /// shows each purchase (offer, hours) to `take`. Its cost (a mandatory demand's hours left unmet
    /// at the unmet penalty), or `nil` if they cannot be bought.
    private func buy(_ d: Int, _ t: Int, _ hours: Double, mandatory: Bool,
                     _ take: (Offer, Double) -> Void = { _, _ in }) -> Double? {
        guard hours > 0 else { return 0 }
        let unmet = problem.policy.unmetPenaltyPerHour
        var left = hours
        var cost = 0.0
        for offer in markets[d * periods + t] {
            if mandatory && offer.price >= unmet { break }
            let bought = min(left, offer.hours)
            take(offer, bought)
            cost += bought * offer.price
            left -= bought
            if left <= 1e-9 { return cost }
        }
        return mandatory ? cost + left * unmet : nil
    }

    /// L(λ, ν, μ): the relaxed optimum at the current prices; records what it bought in `usage`,
    /// `spent` and `spentOn`.
    mutating func evaluate() -> Double? {
        let policy = problem.policy
        let budgetPrice = policy.budget == nil ? 0 : nu
        var usage = [Double](repeating: 0, count: lambda.count)
        var spentOn = [Double](repeating: 0, count: mu.count)
        var spent = 0.0
        // Every baseline hour pays the change penalty unless the plan works it again (an offer above).
        var total = -policy.changePenaltyPerHour * problem.baseline.totalHours
        for info in problem.projects {
            price(info, budgetPrice: budgetPrice)
            let baselineStart = problem.baseline.starts[info.index]
            let stayOut = baselineStart == nil ? 0 : -policy.startChangePenalty
            var bestValue = info.required ? -Double.infinity : stayOut
            var bestStart: Int?
            for s in starts[info.index] {
                var value = info.worth(start: s) - (baselineStart != nil && baselineStart != s ? policy.startChangePenalty : 0)
                var possible = true
                for d in info.demands {
                    for (k, h) in problem.demands[d].hours.enumerated() where h > 0 {
                        // Hours past the horizon: no plan can start here (and no index may run past it).
                        guard s + k < periods, let cost = buy(d, s + k, h, mandatory: info.mandatory) else { possible = false; break }
                        value -= cost
                    }
                    if !possible { break }
                }
                if possible && value > bestValue {
                    bestValue = value
                    bestStart = s
                }
            }
            guard bestValue > -Double.infinity else { return nil }
            total += bestValue
            // Record what the chosen start buys, for the subgradient.
            guard let s = bestStart else { continue }
            for d in info.demands {
                for (k, h) in problem.demands[d].hours.enumerated() where h > 0 && s + k < periods {
                    _ = buy(d, s + k, h, mandatory: info.mandatory) { offer, hours in
                        let money = hours * rate[offer.person]
                        usage[offer.person * periods + s + k] += hours
                        spent += money
                        spentOn[info.index] += money
                    }
                }
            }
        }
        self.usage = usage
        self.spent = spent
        self.spentOn = spentOn
        for k in lambda.indices where lambda[k] > 0 {
            total += lambda[k] * capacity[k]
        }
        if let budget = policy.budget { total += nu * budget }
        for info in problem.projects { if let budget = info.budget { total += mu[info.index] * budget } }
        return total
    }

    /// One subgradient step (Polyak's rule) on the capacity prices; the budget prices each move on
    /// their own scale, by the share of their budget overspent or left.
    mutating func step(theta: Double, gap: Double) {
        var norm = 0.0
        for k in lambda.indices {
            let g = capacity[k] - usage[k]
            if g < 0 || lambda[k] > 0 { norm += g * g }
        }
        if norm > 0 {
            let size = theta * gap / norm
            for k in lambda.indices {
                let g = capacity[k] - usage[k]
                lambda[k] = max(0, lambda[k] - size * g)
            }
        }
        for info in problem.projects {
            guard let budget = info.budget, budget > 0 else { continue }
            let g = (budget - spentOn[info.index]) / budget
            if g < 0 || mu[info.index] > 0 {
                mu[info.index] = max(0, mu[info.index] - theta * 0.5 * g * min(1, gap / budget))
            }
        }
        if let budget = problem.policy.budget, budget > 0 {
            let g = (budget - spent) / budget
            if g < 0 || nu > 0 {
                nu = max(0, nu - theta * 0.5 * g * min(1, gap / max(1, budget)))
            }
        }
    }
}
