// What the problem keeps of the portfolio in flight (spec v3, Part A) besides the projects' own
// facts: the staff cost of the actuals and the synergies on indices.

extension PlanningProblem {
    /// The actuals' staff cost per project and in total (hours × the person's rate), summed in
    /// the scenario's order; entries naming unknown people or projects are left out.
    static func actualSpend(_ scenario: Scenario, personIndex: [String: Int],
                            projectIndex: [String: Int]) -> (byProject: [Double], total: Double) {
        var byProject = [Double](repeating: 0, count: scenario.projects.count)
        var total = 0.0
        for actual in scenario.status?.actuals ?? [] {
            guard let p = personIndex[actual.person], let j = projectIndex[actual.project] else { continue }
            let cost = actual.hours * scenario.people[p].costPerHour
            byProject[j] += cost
            total += cost
        }
        return (byProject, total)
    }

    /// The synergies on project indices (distinct, ascending; unknown ids left out).
    static func synergies(_ scenario: Scenario, projectIndex: [String: Int]) -> [SynergyInfo] {
        scenario.synergies.enumerated().map { k, synergy in
            SynergyInfo(index: k, projects: Set(synergy.projects.compactMap { projectIndex[$0] }).sorted(),
                        value: synergy.value)
        }
    }
}
