// A plan's hires and courses as the spec writes them (v3, section 2).

extension Allocation {
    /// The plan's `hires` (per role and start, roles in scenario order) and `training` (courses in
    /// scenario order), `nil` when there are none; and the name each hired instance has in the
    /// plan: hires of a role are numbered `ROLE#1, ROLE#2, …` in the order of their starts, which
    /// may differ from the instance a planner used (they are interchangeable).
    func supplyDecisions(_ problem: PlanningProblem) -> (hires: [Hire]?, training: [CourseTaken]?, names: [Int: String]) {
        guard problem.hasSupply else { return (nil, nil, [:]) }
        var hires: [Hire] = []
        var names: [Int: String] = [:]
        for role in problem.roles {
            let hired = role.instances.compactMap { p in self.hires[p].map { (p, $0) } }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            for (k, (p, _)) in hired.enumerated() { names[p] = Scenario.hireName(role: role.id, number: k + 1) }
            var counts: [(start: Int, count: Int)] = []
            for (_, start) in hired {
                if counts.last?.start == start { counts[counts.count - 1].count += 1 } else { counts.append((start, 1)) }
            }
            hires += counts.map { Hire(role: role.id, start: $0.start, count: $0.count) }
        }
        let training = courses.keys.sorted().filter(problem.courses.indices.contains).map {
            CourseTaken(course: problem.courses[$0].id, start: courses[$0] ?? 0)
        }
        return (hires.isEmpty ? nil : hires, training.isEmpty ? nil : training, names)
    }
}

extension Allocation {
    /// The same plan with each role's hires on its first instances in the order of their starts
    /// (their hours moved with them): the form the exact model and the plan's names use.
    public func withHiresInStartOrder(_ problem: PlanningProblem) -> Allocation {
        guard !hires.isEmpty else { return self }
        var moved: [Int: Int] = [:]
        for role in problem.roles {
            let hired = role.instances.compactMap { p in hires[p].map { (p, $0) } }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            for ((p, _), q) in zip(hired, role.instances) where p != q { moved[p] = q }
        }
        guard !moved.isEmpty else { return self }
        var copy = self
        copy.hires = Dictionary(uniqueKeysWithValues: hires.map { (moved[$0.key] ?? $0.key, $0.value) })
        var hours: [CellKey: Double] = [:]
        for (cell, h) in self.hours {
            let p = moved[cell.person] ?? cell.person
            hours[CellKey(person: p, demand: cell.demand, period: cell.period), default: 0] += h
        }
        copy.hours = hours
        return copy
    }
}
