// The generator's projects: demands, windows, mandatory projects, dependencies, values and budgets.

import CapacityPlanning

extension GeneratorRun {
    // MARK: Projects

    mutating func makeProjects() {
        var r = rng(.projects)
        // Each skill's share of the pool (primary skill 0.6 of a person, the others 0.4 together).
        var share = Array(repeating: 0.0, count: skills.count)
        for person in people {
            for (k, owned) in person.skills.enumerated() {
                share[owned.skill] += k == 0 ? 0.6 : 0.4 / Double(person.skills.count - 1)
            }
        }
        if people.isEmpty { share = skillWeights }
        let shareTotal = share.reduce(0, +)
        share = share.map { $0 / shareTotal }
        let available = share.filter { $0 > 0 }.count
        // Skills are drawn half by share, half uniformly; a demand's size is scaled by share ÷ draw
        // probability, so rare skills get small demands while every skill's expected load stays
        // in proportion to its supply.
        let demandWeights = share.map { $0 > 0 ? ($0 + 1 / Double(available)) / 2 : 0 }
        let sizeFactor = share.indices.map { share[$0] > 0 ? share[$0] / demandWeights[$0] : 0 }
        // Levels held per skill, so that a demand's minLevel leaves it a real pool.
        var levelsBySkill = Array(repeating: [Int](), count: skills.count)
        for person in people { for owned in person.skills { levelsBySkill[owned.skill].append(owned.level) } }
        var usedNames = Set<String>()
        var shapes: [Int] = []  // profile shape of each demand, in order
        // Durations stretch with long horizons and shrink with short ones.
        let stretch = periods >= 26 ? Double(periods) / 26 : (periods >= 16 ? 1 : max(0.5, Double(periods) / 16))

        projects.reserveCapacity(projectCount)
        for j in 0..<projectCount {
            var name = ""
            for attempt in 0..<8 {
                let subject = Catalog.subjects[r.below(Catalog.subjects.count)]
                let action = Catalog.actions[r.below(Catalog.actions.count)]
                name = "\(subject) \(action)"
                if !usedNames.contains(name) { break }
                if attempt == 7 {
                    var phase = 2
                    while usedNames.contains("\(subject) \(action) phase \(phase)") { phase += 1 }
                    name = "\(subject) \(action) phase \(phase)"
                }
            }
            usedNames.insert(name)
            let base = 2 + r.weighted([0.10, 0.16, 0.18, 0.16, 0.13, 0.10, 0.08, 0.05, 0.04])
            let duration = min(periods, max(1, Int((Double(base) * stretch).rounded())))
            var project = GeneratedProject(id: "prj-\(padded(j, 3))-\(slug(name))", name: name, duration: duration)

            let demandCount = min(available, 1 + r.weighted([0.30, 0.45, 0.25]))
            var weights = demandWeights
            for _ in 0..<demandCount {
                let s = r.weighted(weights)
                weights[s] = 0
                var minLevel = 1 + r.weighted([0.35, 0.35, 0.22, 0.08])
                // A level that at most a handful of the skill's holders reach is lowered until
                // at least two (or a third of them, if more) qualify: demands are hard, not impossible.
                let holders = levelsBySkill[s]
                let wanted = max(min(2, holders.count), (holders.count + 2) / 3)
                while minLevel > 1 && holders.filter({ $0 >= minLevel }).count < wanted { minLevel -= 1 }
                let shape = r.weighted([0.45, 0.25, 0.15, 0.15])
                let intensity = r.double(0.4, 1.6) * sizeFactor[s]
                project.demands.append(GeneratedDemand(
                    skill: s, minLevel: features.contains(.levels) ? minLevel : 1,
                    hours: [intensity], constant: shape == 0))
                shapes.append(shape)
            }
            projects.append(project)
        }

        // A sparse portfolio runs its projects longer, so that each skill has about one demand
        // at a time rather than single demands the size of the whole pool.
        let concurrency = Double(projects.reduce(0) { $0 + $1.duration }) / Double(periods)
        let wanted = 0.75 * Double(max(1, available))
        let lengthen = concurrency > 0 && concurrency < wanted ? wanted / concurrency : 1
        var next = 0
        for j in projects.indices {
            let duration = min(periods, max(1, Int((Double(projects[j].duration) * lengthen).rounded())))
            projects[j].duration = duration
            for d in projects[j].demands.indices {
                let shape = shapes[next]
                next += 1
                let intensity = projects[j].demands[d].hours.first ?? 1
                var hours = Array(repeating: intensity, count: duration)
                if shape != 0, duration > 1 {
                    let last = Double(duration - 1)
                    for k in 0..<duration {
                        let x = Double(k) / last  // 0 … 1
                        let w: Double
                        switch shape {
                        case 1: w = 0.35 + 0.65 * (1 - abs(2 * x - 1))  // ramp up, then down
                        case 2: w = 0.3 + 0.7 * x  // ramp up
                        default: w = 1 - 0.7 * x  // ramp down
                        }
                        hours[k] = intensity * w
                    }
                }
                projects[j].demands[d].hours = hours
                projects[j].demands[d].constant = shape == 0 || duration == 1
            }
        }
    }

    mutating func makeWindows() {
        var r = rng(.windows)
        for j in projects.indices {
            let duration = projects[j].duration
            let hasStart = r.chance(0.3)
            let startDraw = r.unit()
            let hasDeadline = r.chance(0.35)
            let tight = r.chance(0.4)
            let slackDraw = r.unit()
            guard features.contains(.deadlines) else { continue }
            var start = 0
            if hasStart, periods - duration >= 1 {
                start = 1 + min(periods - duration - 1, Int(startDraw * Double(periods - duration)))
            }
            projects[j].earliestStart = start
            if hasDeadline {
                let wide = max(2, periods / 4)
                let slack = tight ? Int(slackDraw * 2) : 2 + min(wide - 2, Int(slackDraw * Double(wide - 1)))
                projects[j].deadline = min(periods - 1, start + duration - 1 + slack)
            }
        }
    }

    mutating func makeMandatory() {
        var r = rng(.mandatory)
        guard !projects.isEmpty else { return }
        let percent = r.int(in: 5...10)
        let count = max(1, (projects.count * percent + 50) / 100)
        var order = Array(projects.indices)
        r.shuffle(&order)
        guard features.contains(.mandatory) else { return }
        for j in order.prefix(count) { projects[j].mandatory = true }
    }

    mutating func makeDependencies() {
        var r = rng(.dependencies)
        // Earliest start of each project given its window and its dependencies so far.
        var earliest = projects.map(\.earliestStart)
        for j in projects.indices {
            let has = r.chance(0.3)
            let two = r.chance(0.2)
            let span = min(j, 6)
            let picks = [j - 1 - r.below(span), j - 1 - r.below(span)]
            guard features.contains(.dependencies), has, j >= 1, !projects[j].mandatory else { continue }
            for i in picks.prefix(two ? 2 : 1) where i >= 0 && !projects[j].dependsOn.contains(i) {
                let start = max(earliest[j], earliest[i] + projects[i].duration)
                guard start <= projects[j].latestStart(periods) else { continue }
                projects[j].dependsOn.append(i)
                earliest[j] = start
            }
        }
    }

    /// Usable hours of person `p` in period `t` (capacity × utilisation cap).
    func usable(_ p: Int, _ t: Int) -> Double {
        people[p].capacity[t] * utilizationCap
    }

    /// Scales all demand hours together so that total demand is `ratio` × total usable supply,
    /// except that no demand asks in any period for more than 80 % of the weekly hours of the
    /// people qualified for it (such demands are capped and the others scaled up to compensate).
    mutating func scaleHours(ratio: Double) {
        var supply = 0.0
        // Mean usable weekly hours by skill and level: pool[s][l] counts holders with level ≥ l.
        var pool = Array(repeating: Array(repeating: 0.0, count: 6), count: skills.count)
        for p in people.indices {
            var hours = 0.0
            for t in 0..<periods { hours += usable(p, t) }
            supply += hours
            for owned in people[p].skills {
                for level in 1...max(1, min(5, owned.level)) { pool[owned.skill][level] += hours / Double(periods) }
            }
        }
        guard supply > 0 else {
            for j in projects.indices {
                for d in projects[j].demands.indices {
                    projects[j].demands[d].hours = projects[j].demands[d].hours.map { max(1, ($0 * 20).rounded()) }
                }
            }
            return
        }
        // Scale of each demand; nil until it is capped.
        var capped: [[Double?]] = projects.map { $0.demands.map { _ in nil } }
        var factor = 0.0
        for _ in 0..<6 {
            var fixed = 0.0
            var free = 0.0
            for (j, project) in projects.enumerated() {
                for (d, demand) in project.demands.enumerated() {
                    let total = demand.hours.reduce(0, +)
                    if let scale = capped[j][d] { fixed += total * scale } else { free += total }
                }
            }
            guard free > 0 else { break }
            factor = max(0, supply * ratio - fixed) / free
            var changed = false
            for (j, project) in projects.enumerated() {
                for (d, demand) in project.demands.enumerated() where capped[j][d] == nil {
                    let peak = demand.hours.max() ?? 0
                    // The qualified people (level ≥ minLevel) together could staff it alone.
                    let limit = 0.8 * pool[demand.skill][max(1, min(5, demand.minLevel))]
                    if limit > 0, peak > 0, peak * factor > limit {
                        capped[j][d] = limit / peak
                        changed = true
                    }
                }
            }
            if !changed { break }
        }
        for j in projects.indices {
            for d in projects[j].demands.indices {
                let scale = capped[j][d] ?? factor
                projects[j].demands[d].hours = projects[j].demands[d].hours.map { max(1, ($0 * scale).rounded()) }
            }
        }
    }

    mutating func findEligible() {
        // People by skill, so each demand scans only the holders of its skill.
        var holders = Array(repeating: [(person: Int, level: Int)](), count: skills.count)
        for (p, person) in people.enumerated() {
            for owned in person.skills { holders[owned.skill].append((p, owned.level)) }
        }
        for j in projects.indices {
            for d in projects[j].demands.indices {
                let demand = projects[j].demands[d]
                projects[j].demands[d].eligible = holders[demand.skill].filter { $0.level >= demand.minLevel }.map(\.person)
            }
        }
    }

    mutating func makeValues() {
        var r = rng(.values)
        let meanCost = people.isEmpty ? 100 : people.reduce(0) { $0 + $1.cost } / Double(people.count)
        for j in projects.indices {
            var cost = 0.0
            for demand in projects[j].demands {
                let rate = demand.eligible.isEmpty
                    ? meanCost
                    : demand.eligible.reduce(0) { $0 + people[$1].cost } / Double(demand.eligible.count)
                cost += demand.hours.reduce(0, +) * rate
            }
            let kind = r.weighted([0.65, 0.20, 0.15])
            let multiple: Double
            switch kind {
            case 0: multiple = r.double(1.2, 3.0)
            case 1: multiple = r.double(0.9, 1.2)
            default: multiple = r.double(0.4, 0.9)
            }
            projects[j].cost = cost
            projects[j].value = max(1000, roundTo(cost * multiple, 1000))
        }
    }

    mutating func makeBudgets() {
        var r = rng(.budgets)
        for j in projects.indices {
            let has = r.chance(0.3)
            let multiple = r.double(0.85, 1.5)
            guard features.contains(.budgets), has, !projects[j].pinned else { continue }
            projects[j].budget = max(1000, roundTo(projects[j].cost * multiple, 1000))
        }
    }
}
