// Skill shortages (shared supply by max flow) and the contention between projects they cause.
import CapacityPlanning

/// Finds, period by period, the groups of demands that the whole pool cannot cover, and the
/// projects that compete inside each group.
struct ShortageFinder {
    let problem: PlanningProblem
    let allocation: Allocation

    /// A demand line of a selected project in one period.
    struct DemandLine {
        var project: Int
        var demand: Int
        var hours: Double
    }

    /// Shortages and contention of the plan's selection.
    func find() -> (shortages: [SkillShortage], contention: [Contention]) {
        var shortages: [SkillShortage] = []
        var contention: [String: Contention] = [:]
        var contentionOrder: [String] = []
        for t in 0..<problem.periodCount {
            let lines = demandLines(period: t)
            guard !lines.isEmpty else { continue }
            let flowLines = lines.map { line(of: $0, period: t) }
            let flow = SupplyFlow(lines: flowLines, capacity: { problem.people[$0].capacity[t] })
            for group in flow.shortGroups() {
                let members = group.lines.map { lines[$0] }
                let memberLines = group.lines.map { flowLines[$0] }
                shortages.append(shortage(members, group: group, period: t))
                let projects = Array(Set(members.map(\.project))).sorted()
                guard projects.count >= 2 else { continue }
                let key = projects.map { problem.projects[$0].id }.joined(separator: "\u{1F}")
                var entry = contention[key] ?? Contention(kind: .sharedShortage, periods: [], people: [], projects: projects.map {
                    Contention.Member(project: problem.projects[$0].id, demandHours: 0, shortageExplained: 0, competitors: [])
                }, shortageHours: 0)
                if contention[key] == nil { contentionOrder.append(key) }
                entry.periods.append(t)
                entry.people = Array(Set(entry.people + group.people.map { problem.people[$0].id })).sorted()
                entry.shortageHours += group.shortage
                for (k, j) in projects.enumerated() {
                    let own = members.indices.filter { members[$0].project == j }
                    let others = members.indices.filter { members[$0].project != j }
                    entry.projects[k].demandHours += own.reduce(0) { $0 + members[$1].hours }
                    let without = SupplyFlow(lines: others.map { memberLines[$0] }, capacity: { problem.people[$0].capacity[t] })
                    entry.projects[k].shortageExplained += max(0, group.shortage - without.shortage)
                    let ownPeople = Set(own.flatMap { memberLines[$0].people })
                    let rivals = Set(others.filter { !ownPeople.isDisjoint(with: memberLines[$0].people) }
                        .map { problem.projects[members[$0].project].id })
                    entry.projects[k].competitors = Array(Set(entry.projects[k].competitors).union(rivals)).sorted()
                }
                contention[key] = entry
            }
        }
        let groups = contentionOrder.compactMap { contention[$0] }.map { group in
            var g = group
            g.projects.sort { ($0.shortageExplained, $1.project) > ($1.shortageExplained, $0.project) }
            return g
        }
        return (shortages, groups.sorted { $0.shortageHours > $1.shortageHours })
    }

    /// Projects left out that could be staffed alone but not beside the plan, with the
    /// projects whose bookings take their qualified people (at most `limit`, by value).
    func displacements(staffing: StaffingCheck, limit: Int = 20) -> [Contention] {
        let candidates = problem.projects.filter { allocation.starts[$0.index] == nil && $0.startRange != nil }
            .sorted { ($0.value, $1.id) > ($1.value, $0.id) }
        var out: [Contention] = []
        for info in candidates where out.count < limit {
            guard let alone = staffing.bestStart(info.index, supply: .alone), alone.hours <= Tolerance.of(info.totalHours),
                  let beside = staffing.bestStart(info.index, supply: .besideThePlan), beside.hours > Tolerance.of(info.totalHours)
            else { continue }
            var shortByPeriod: [Int: Double] = [:]
            var neededPeople: [Int: Set<Int>] = [:]
            for line in beside.lines {
                shortByPeriod[line.period, default: 0] += line.hours
                if let d = problem.demandIndex(project: info.index, id: line.demand) {
                    neededPeople[line.period, default: []].formUnion(problem.demands[d].eligiblePeople)
                }
            }
            var booked: [Int: [Int: Double]] = [:]  // project → period → hours on the needed people
            var people: Set<Int> = []
            for (cell, h) in allocation.hours where h > 0 && neededPeople[cell.period]?.contains(cell.person) == true {
                let k = problem.demands[cell.demand].project
                booked[k, default: [:]][cell.period, default: 0] += h
                people.insert(cell.person)
            }
            guard !booked.isEmpty else { continue }
            var members = [Contention.Member(project: info.id, demandHours: beside.lines.reduce(0) { $0 + $1.hours },
                                             shortageExplained: beside.hours,
                                             competitors: booked.keys.map { problem.projects[$0].id }.sorted())]
            members[0].demandHours = shortByPeriod.keys.reduce(0.0) { total, t in
                total + info.demands.reduce(0.0) { $0 + problem.demands[$1].hours(start: beside.start, period: t) }
            }
            for (k, byPeriod) in booked {
                let explained = byPeriod.reduce(0.0) { $0 + min($1.value, shortByPeriod[$1.key] ?? 0) }
                members.append(Contention.Member(project: problem.projects[k].id,
                                                 demandHours: byPeriod.values.reduce(0, +),
                                                 shortageExplained: explained, competitors: [info.id]))
            }
            members[1...].sort { ($0.shortageExplained, $1.project) > ($1.shortageExplained, $0.project) }
            out.append(Contention(kind: .displacement, periods: shortByPeriod.keys.sorted(),
                                  people: people.map { problem.people[$0].id }.sorted(), projects: members,
                                  shortageHours: beside.hours))
        }
        return out
    }

    /// The selected projects' demand lines active in period `t`.
    func demandLines(period t: Int) -> [DemandLine] {
        var lines: [DemandLine] = []
        for info in problem.projects {
            guard let s = allocation.starts[info.index], info.isActive(start: s, period: t) else { continue }
            for d in info.demands {
                let h = problem.demands[d].hours(start: s, period: t)
                if h > 0 { lines.append(DemandLine(project: info.index, demand: d, hours: h)) }
            }
        }
        return lines
    }

    /// The flow line of `line`: its hours and the qualified people with hours in `t`.
    func line(of line: DemandLine, period t: Int) -> SupplyFlow.Line {
        SupplyFlow.Line(hours: line.hours,
                        people: problem.demands[line.demand].eligiblePeople.filter { problem.people[$0].capacity[t] > 0 })
    }

    private func shortage(_ members: [DemandLine], group: SupplyFlow.Group, period t: Int) -> SkillShortage {
        var byClass: [String: SkillDemand] = [:]
        var projectHours: [String: [Int: Double]] = [:]
        for m in members {
            let demand = problem.demands[m.demand]
            let key = "\(demand.skill):\(demand.minLevel)"
            if byClass[key] == nil {
                let qualified = problem.people.filter { $0.levels[demand.skill] >= demand.minLevel }
                    .reduce(0.0) { $0 + $1.capacity[t] }
                byClass[key] = SkillDemand(skill: problem.skills[demand.skill], minLevel: demand.minLevel, hours: 0,
                                           qualifiedHours: qualified, projects: [])
            }
            byClass[key]?.hours += m.hours
            projectHours[key, default: [:]][m.project, default: 0] += m.hours
        }
        let demands = byClass.map { key, value -> SkillDemand in
            var v = value
            v.projects = (projectHours[key] ?? [:]).map { ProjectHours(project: problem.projects[$0.key].id, hours: $0.value) }
                .sorted { ($0.hours, $1.project) > ($1.hours, $0.project) }
            return v
        }.sorted { ($0.skill, $0.minLevel) < ($1.skill, $1.minLevel) }
        return SkillShortage(period: t, demands: demands, people: group.people.map { problem.people[$0].id },
                             demandHours: group.demand, supplyHours: group.supply, shortageHours: group.shortage)
    }
}
