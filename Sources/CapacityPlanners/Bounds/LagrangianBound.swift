// An upper bound on the best objective that stays cheap at any portfolio size.
package import CapacityPlanning

/// An upper bound on the best objective by Lagrangian relaxation (Docs/formulation.md, "Bounds").
///
/// People's capacity per period and the portfolio budget are moved into the objective with
/// prices `λ(p,t) ≥ 0` and `ν ≥ 0`; concurrency limits, project budgets, dependencies, pin hours
/// and the assignment and change penalties are dropped (each drop can only raise the optimum).
/// What is left splits by project: each picks its best start (or stays out, unless required),
/// buying every demanded hour from the cheapest qualified people at their priced cost, each up to
/// their capacity, or — for a mandatory project — leaving it unmet at the unmet penalty. For any
/// prices the result is a valid bound; subgradient steps lower it toward the best such bound.
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
    /// - Complexity: per iteration O(Σ_d E_d·T_d·log E_d + Σ_j |S_j|·D_j·demands_j), where E_d is the
    ///   number of qualified people and T_d the periods a demand can touch.
    package func bound(for problem: PlanningProblem, incumbent: Double? = nil,
                      shouldStop: () -> Bool = { false }) -> Double? {
        var relaxation = Relaxation(problem: problem)
        let clock = ContinuousClock.now
        var best = Double.infinity
        var theta = 2.0
        var sinceImprovement = 0
        for _ in 0..<max(1, iterations) {
            guard let value = relaxation.evaluate() else { return nil }
            if value < best - 1e-9 * max(1, abs(best)) {
                best = value
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 8 {
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
    /// Hours the last evaluation bought from each person in each period.
    var usage: [Double]
    /// Money the last evaluation spent.
    var spent = 0.0

    init(problem: PlanningProblem) {
        self.problem = problem
        self.periods = problem.periodCount
        self.lambda = Array(repeating: 0, count: problem.people.count * problem.periodCount)
        self.usage = lambda
    }

    /// A qualified person's offer for one demand in one period: price per hour and most hours.
    struct Offer {
        var price: Double
        var hours: Double
        var person: Int
    }

    /// L(λ, ν): the relaxed optimum at the current prices; records what it bought in `usage`.
    mutating func evaluate() -> Double? {
        // Locals, so that the nested functions below do not capture `self` while it changes.
        let problem = self.problem
        let periods = self.periods
        let lambda = self.lambda
        let policy = problem.policy
        let budgetPrice = policy.budget == nil ? 0 : nu
        var usage = [Double](repeating: 0, count: lambda.count)
        var spent = 0.0
        var total = 0.0
        for info in problem.projects {
            // Offers per demand and period, cheapest first.
            var offers: [Int: [Offer]] = [:]
            func offersFor(_ d: Int, _ t: Int) -> [Offer] {
                if let cached = offers[d * periods + t] { return cached }
                var list: [Offer] = []
                for p in problem.demands[d].eligiblePeople {
                    let cap = problem.people[p].capacity[t]
                    guard cap > 0 else { continue }
                    let cost = problem.people[p].costPerHour
                    list.append(Offer(price: cost * (1 + budgetPrice) + lambda[p * periods + t], hours: cap, person: p))
                }
                list.sort { ($0.price, $0.person) < ($1.price, $1.person) }
                offers[d * periods + t] = list
                return list
            }
            /// Cost of `hours` of demand `d` in period `t`; `nil` if they cannot be bought.
            func fill(_ d: Int, _ t: Int, _ hours: Double) -> Double? {
                guard hours > 0 else { return 0 }
                var left = hours
                var cost = 0.0
                for offer in offersFor(d, t) {
                    if info.mandatory && offer.price >= policy.unmetPenaltyPerHour { break }
                    let take = min(left, offer.hours)
                    cost += take * offer.price
                    left -= take
                    if left <= 1e-9 { return cost }
                }
                return info.mandatory ? cost + left * policy.unmetPenaltyPerHour : nil
            }

            let baselineStart = problem.baseline.starts[info.index]
            let stayOut = baselineStart == nil ? 0 : -policy.startChangePenalty
            var bestValue = info.required ? -Double.infinity : stayOut
            var bestStart: Int?
            if let range = info.startRange {
                for s in range {
                    var value = info.worth(start: s) - (baselineStart != nil && baselineStart != s ? policy.startChangePenalty : 0)
                    var possible = true
                    for d in info.demands {
                        for (k, h) in problem.demands[d].hours.enumerated() where h > 0 {
                            // Hours past the horizon: no plan can start here (and no index may run past it).
                            guard s + k < periods, let cost = fill(d, s + k, h) else { possible = false; break }
                            value -= cost
                        }
                        if !possible { break }
                    }
                    if possible && value > bestValue {
                        bestValue = value
                        bestStart = s
                    }
                }
            }
            guard bestValue > -Double.infinity else { return nil }
            total += bestValue
            // Record what the chosen start buys, for the subgradient.
            if let s = bestStart {
                for d in info.demands {
                    for (k, h) in problem.demands[d].hours.enumerated() where h > 0 && s + k < periods {
                        var left = h
                        for offer in offersFor(d, s + k) where left > 1e-9 {
                            if info.mandatory && offer.price >= policy.unmetPenaltyPerHour { break }
                            let take = min(left, offer.hours)
                            usage[offer.person * periods + s + k] += take
                            spent += take * problem.people[offer.person].costPerHour
                            left -= take
                        }
                    }
                }
            }
        }
        self.usage = usage
        self.spent = spent
        for k in lambda.indices where lambda[k] > 0 {
            total += lambda[k] * problem.people[k / max(1, periods)].capacity[k % max(1, periods)]
        }
        if let budget = policy.budget { total += nu * budget }
        return total
    }

    /// One subgradient step (Polyak's rule), capacity prices and the budget price each scaled on their own.
    mutating func step(theta: Double, gap: Double) {
        var norm = 0.0
        for k in lambda.indices {
            let g = problem.people[k / max(1, periods)].capacity[k % max(1, periods)] - usage[k]
            if g < 0 || lambda[k] > 0 { norm += g * g }
        }
        if norm > 0 {
            let size = theta * gap / norm
            for k in lambda.indices {
                let g = problem.people[k / max(1, periods)].capacity[k % max(1, periods)] - usage[k]
                lambda[k] = max(0, lambda[k] - size * g)
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
