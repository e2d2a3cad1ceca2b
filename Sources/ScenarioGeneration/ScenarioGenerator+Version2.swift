// The generator's version-2 complications: strategy drivers and scores, cost of delay, shared
// systems with limits and freezes, alternatives, tags and balance rules. They are laid over the
// finished version-1 scenario from their own random stream, so turning them on changes nothing
// else, and they keep the witness plan valid.

import CapacityPlanning

extension ScenarioGenerator.Features {
    /// Strategy drivers (3–4, weights summing to 1) and `valuePerPoint`; every project scores
    /// one or two drivers 1–5. Off: no strategy, no scores.
    public static let strategy = Self(rawValue: 1 << 14)
    /// Half of the projects lose 0.5–3 % of their value for every period they start late. Off: none.
    public static let costOfDelay = Self(rawValue: 1 << 15)
    /// 2–4 shared systems (limit 1 or 2, or none; half with a freeze of 1–2 periods in the last
    /// quarter); a quarter of the projects the witness leaves out touch one. Off: no systems.
    public static let systems = Self(rawValue: 1 << 16)
    /// About one pair of alternatives per ten projects, among projects the witness leaves out and
    /// without dependencies. Off: no `excludes`.
    public static let alternatives = Self(rawValue: 1 << 17)
    /// `department` and `theme` tags on every project and two balance rules (growth at most 45–70 %
    /// of cost; one department at least 5–15 % of projects), widened so the witness keeps them. Off: none.
    public static let balance = Self(rawValue: 1 << 18)

    /// Every version-2 complication (they make the scenario `version` 2).
    public static let version2: Self = [.strategy, .costOfDelay, .systems, .alternatives, .balance]
    /// Every complication of both versions.
    public static let everything: Self = all.union(version2)
}

enum Version2Catalog {
    static let drivers: [(id: String, name: String)] = [
        ("asia", "Grow in Asian markets"), ("risk", "Reduce regulatory risk"),
        ("cx", "Improve customer experience"), ("cost", "Lower operating cost"),
    ]
    static let systems: [(id: String, name: String)] = [
        ("payments-core", "Payments core"), ("crm", "CRM"), ("data-warehouse", "Data warehouse"), ("erp", "ERP"),
    ]
    static let departments = ["finance", "ecommerce", "marketing", "it", "operations"]
    static let themes = ["growth", "run", "compliance", "innovation"]
}

extension GeneratorRun {
    /// Lays the version-2 complications of `features` over `scenario` (a no-op without any).
    func addVersion2(to scenario: inout Scenario, witness: Plan) {
        let flags = features.intersection(.version2)
        guard !flags.isEmpty else { return }
        var r = rng(.version2)
        scenario.version = 2
        let inWitness = Set(witness.projects.filter(\.selected).map(\.id))
        let free = scenario.projects.indices.filter { !inWitness.contains(scenario.projects[$0].id) }

        if flags.contains(.strategy) {
            let count = r.int(in: 3...4)
            let weights = count == 3 ? [0.5, 0.3, 0.2] : [0.4, 0.3, 0.2, 0.1]
            let drivers = (0..<count).map { Driver(id: Version2Catalog.drivers[$0].id, name: Version2Catalog.drivers[$0].name,
                                                   weight: weights[$0]) }
            let meanValue = scenario.projects.reduce(0) { $0 + $1.value } / Double(max(1, scenario.projects.count))
            scenario.strategy = Strategy(drivers: drivers, valuePerPoint: max(100, roundTo(meanValue * r.double(0.02, 0.06), 100)))
            for j in scenario.projects.indices {
                var scores: [String: Int] = [:]
                for _ in 0..<r.int(in: 1...2) { scores[drivers[r.below(count)].id] = r.int(in: 1...5) }
                scenario.projects[j].scores = scores
            }
        }
        if flags.contains(.costOfDelay) {
            for j in scenario.projects.indices where r.chance(0.5) {
                scenario.projects[j].costOfDelay = max(100, roundTo(scenario.projects[j].value * r.double(0.005, 0.03), 100))
            }
        }
        if flags.contains(.systems) {
            let count = r.int(in: 2...4)
            scenario.systems = (0..<count).map { k in
                let limit: Int? = r.chance(0.3) ? nil : r.int(in: 1...2)
                var freezes: [Int] = []
                if r.chance(0.5), periods >= 4 {
                    let first = r.int(in: (periods * 3 / 4)...(periods - 1))
                    freezes = Array(first...min(periods - 1, first + r.below(2)))
                }
                return System(id: Version2Catalog.systems[k].id, name: Version2Catalog.systems[k].name,
                              maxConcurrentProjects: limit, freezes: freezes)
            }
            for j in free where r.chance(0.25) { scenario.projects[j].touches = [scenario.systems[r.below(count)].id] }
        }
        if flags.contains(.alternatives) {
            let linked = Set(scenario.projects.flatMap(\.dependsOn))
            var candidates = free.filter { scenario.projects[$0].dependsOn.isEmpty && !linked.contains(scenario.projects[$0].id) }
            r.shuffle(&candidates)
            for pair in 0..<min(candidates.count / 2, max(1, scenario.projects.count / 10)) {
                let (a, b) = (candidates[2 * pair], candidates[2 * pair + 1])
                scenario.projects[a].excludes = [scenario.projects[b].id]
            }
        }
        if flags.contains(.balance) {
            for j in scenario.projects.indices {
                scenario.projects[j].tags = [
                    "department": Version2Catalog.departments[r.below(Version2Catalog.departments.count)],
                    "theme": Version2Catalog.themes[r.below(Version2Catalog.themes.count)],
                ]
            }
            let department = Version2Catalog.departments[r.below(Version2Catalog.departments.count)]
            scenario.policy.balance = [
                BalanceRule(tag: "theme", value: "growth", measure: .cost, maxShare: roundTo(r.double(0.45, 0.7), 0.05)),
                BalanceRule(tag: "department", value: department, measure: .projects, minShare: roundTo(r.double(0.05, 0.15), 0.05)),
            ]
            widenBalance(&scenario, witness: witness)
        }
    }

    /// Widens each balance rule just enough for the witness plan to keep it.
    private func widenBalance(_ scenario: inout Scenario, witness: Plan) {
        guard let problem = try? PlanningProblem(scenario) else { return }
        let allocation = Allocation(plan: witness, problem: problem)
        let cost = PlanChecker.staffCostByProject(allocation, problem)
        for group in problem.balanceGroups {
            let (inGroup, total) = PlanChecker.shares(of: group, allocation, problem, staffCost: cost)
            guard total > 0 else { continue }
            let share = inGroup / total
            var rule = scenario.policy.balance[group.index]
            if share < rule.minShare { rule.minShare = (share * 100).rounded(.down) / 100 }
            if share > rule.maxShare { rule.maxShare = min(1, (share * 100).rounded(.up) / 100) }
            scenario.policy.balance[group.index] = rule
        }
    }
}
