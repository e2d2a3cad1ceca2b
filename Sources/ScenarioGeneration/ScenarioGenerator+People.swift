// The generator's skills and people: levels, capacity, part-time and leave.

import CapacityPlanning

extension GeneratorRun {
    // MARK: People

    mutating func makeSkills() {
        var r = rng(.skills)
        let count = r.int(in: 5...8)
        var optional = [5, 6, 7]
        r.shuffle(&optional)
        let chosen = Set([0, 1, 2, 3, 4] + optional.prefix(count - 5))
        for (i, entry) in Catalog.skills.enumerated() where chosen.contains(i) {
            skills.append(entry.name)
            skillWeights.append(entry.weight)
        }
    }

    mutating func makePeople() {
        var r = rng(.people)
        var partTimeRNG = rng(.partTime)
        var leaveRNG = rng(.leave)
        var concurrencyRNG = rng(.concurrency)
        let teamCount = max(1, min(Catalog.teams.count, peopleCount / 8))
        people.reserveCapacity(peopleCount)
        for i in 0..<peopleCount {
            let first = Catalog.firstNames[i % Catalog.firstNames.count]
            let initial = Catalog.initials[r.below(Catalog.initials.count)]
            let skillCount = min(skills.count, 1 + r.weighted([0.45, 0.38, 0.17]))
            var weights = skillWeights
            var owned: [(skill: Int, level: Int)] = []
            let primaryLevel = 1 + r.weighted([0.07, 0.25, 0.36, 0.24, 0.08])
            for k in 0..<skillCount {
                let s = r.weighted(weights)
                weights[s] = 0
                let level = k == 0 ? primaryLevel : max(1, primaryLevel - r.int(in: 0...2))
                owned.append((s, level))
            }
            let team = Catalog.teams[r.below(teamCount)]
            let rawCost = 40 + 16 * primaryLevel + 6 * (skillCount - 1) + r.int(in: -10...14)
            let cost = Double(min(150, max(50, rawCost)))

            let partTime = partTimeRNG.chance(0.15)
            let weekly: Double = features.contains(.partTime) && partTime ? 32 : 40
            var capacity = Array(repeating: weekly, count: periods)
            let leaveZeros = drawLeave(&leaveRNG)
            var hasArray = false
            if features.contains(.leave), !leaveZeros.isEmpty {
                for t in leaveZeros { capacity[t] = 0 }
                hasArray = true
            }
            let limited = concurrencyRNG.chance(0.4)
            let limit = 1 + concurrencyRNG.weighted([0.25, 0.45, 0.30])

            people.append(GeneratedPerson(
                id: "\(first.lowercased())-\(padded(i, 4))", name: "\(first) \(initial).",
                skills: owned, team: team, cost: cost, capacity: capacity, hasArray: hasArray,
                maxConcurrent: features.contains(.concurrency) && limited ? limit : nil))
        }
    }

    /// The zero-capacity periods of one person (empty for most).
    func drawLeave(_ r: inout SeededGenerator) -> [Int] {
        let has = r.chance(0.35)
        let kind = r.weighted([0.6, 0.2, 0.2])
        guard has, periods >= 2 else { return [] }
        switch kind {
        case 0:
            let blocks = periods >= 26 ? 1 + r.below(2) : 1
            var zeros: [Int] = []
            for _ in 0..<blocks {
                let length = r.int(in: 1...max(1, min(3, periods / 8)))
                let start = r.below(periods - length + 1)
                zeros.append(contentsOf: start..<(start + length))
            }
            return zeros
        case 1:
            return Array(0..<r.int(in: 1...max(1, periods / 4)))
        default:
            let length = r.int(in: 1...max(1, periods / 4))
            return Array((periods - length)..<periods)
        }
    }
}
