// The generator's pins and baseline, both staffed by the simulation so they can be met.

import CapacityPlanning

extension GeneratorRun {
    // MARK: Pins

    mutating func makePins() {
        guard !projects.isEmpty, !people.isEmpty else { return }
        var r = rng(.pins)
        let target = max(1, projects.count / 20)
        var sim = StaffingSimulation(run: self)
        var mandatory = projects.indices.filter { projects[$0].mandatory && projects[$0].dependsOn.isEmpty }
        var others = projects.indices.filter { !projects[$0].mandatory && projects[$0].dependsOn.isEmpty }
        r.shuffle(&mandatory)
        r.shuffle(&others)
        var usedPeople = Set<Int>()
        var attempts = 0
        for j in mandatory + others {
            guard pins.count < target, attempts < 4 * target + 8 else { break }
            attempts += 1
            let project = projects[j]
            let start = project.earliestStart
            let staffable = project.demands.indices.filter { !project.demands[$0].eligible.isEmpty }
            guard !staffable.isEmpty else { continue }
            let d = staffable[r.below(staffable.count)]
            let candidates = project.demands[d].eligible.filter { !usedPeople.contains($0) }
            guard !candidates.isEmpty else { continue }
            let p = candidates[r.below(candidates.count)]
            let namesDemand = r.chance(0.7)
            let namesPeriod = r.chance(0.2)

            let mark = sim.mark()
            let room = sim.room(person: p, project: j, demand: d, start: start)
            var period: Int?
            let hours: Double
            if namesPeriod, let best = room.indices.max(by: { room[$0] < room[$1] }) {
                hours = min(40, (room[best] * 0.5).rounded(.down))
                period = start + best
            } else {
                hours = min(80, (room.reduce(0, +) * 0.4).rounded(.down))
            }
            guard hours >= 4 else { continue }
            sim.allocate(person: p, project: j, demand: d, start: start, hours: hours, only: period.map { $0 - start })
            if !project.mandatory, !sim.staffFully(project: j, start: start) {
                sim.rollback(to: mark)
                continue
            }
            usedPeople.insert(p)
            projects[j].pinned = true
            pins.append(Pin(
                person: people[p].id, project: project.id,
                demand: namesDemand ? projects[j].demands[d].resolvedID(skills) : nil,
                period: period, hours: hours))
        }
        forcedCost = sim.cost
        bookings = sim.bookings()
    }

    // MARK: Baseline

    func makeBaseline() -> Baseline {
        var r = rng(.baseline)
        var starts = [Int?](repeating: nil, count: projects.count)
        var decisions: [ProjectDecision] = []
        decisions.reserveCapacity(projects.count)
        for (j, project) in projects.enumerated() {
            let pick = r.chance(0.55)
            let delay = r.int(in: 0...2)
            var lower = project.earliestStart
            var ok = project.mandatory || pick
            for i in project.dependsOn {
                guard let s = starts[i] else { ok = false; break }
                lower = max(lower, s + projects[i].duration)
            }
            let latest = project.latestStart(periods)
            if ok, lower <= latest {
                let start = min(latest, lower + delay)
                starts[j] = start
                decisions.append(ProjectDecision(id: project.id, selected: true, start: start))
            } else {
                decisions.append(ProjectDecision(id: project.id, selected: false))
            }
        }

        var room = [Double](repeating: 0, count: people.count * periods)
        for p in people.indices { for t in 0..<periods { room[p * periods + t] = usable(p, t) } }
        var assignments: [Assignment] = []
        for (j, project) in projects.enumerated() {
            guard let start = starts[j] else { continue }
            for demand in project.demands {
                let demandID = demand.resolvedID(skills)
                let eligible = demand.eligible
                guard !eligible.isEmpty else { continue }
                let first = eligible[r.below(eligible.count)]
                var second: Int? = nil
                if eligible.count > 1 {
                    let other = eligible[r.below(eligible.count - 1)]
                    second = other == first ? eligible[eligible.count - 1] : other
                }
                let shares = [r.double(0.4, 0.7), r.double(0.2, 0.4)]
                for (k, person) in [first, second].enumerated() {
                    guard let person else { continue }
                    for offset in 0..<project.duration {
                        let t = start + offset
                        let cell = person * periods + t
                        let hours = min((demand.hours[offset] * shares[k]).rounded(), room[cell].rounded(.down))
                        guard hours >= 1 else { continue }
                        room[cell] -= hours
                        assignments.append(Assignment(person: people[person].id, project: project.id,
                                                      demand: demandID, period: t, hours: hours))
                    }
                }
            }
        }

        // Orphaned work of a person who has since left.
        let orphans = r.chance(0.5)
        if orphans, !assignments.isEmpty {
            let template = assignments[r.below(assignments.count)]
            let departed = "\(Catalog.firstNames[people.count % Catalog.firstNames.count].lowercased())-\(padded(people.count, 4))"
            let hours = Double(8 * r.int(in: 1...3))
            let last = min(periods - 1, template.period + r.below(3))
            for t in template.period...last {
                assignments.append(Assignment(person: departed, project: template.project,
                                              demand: template.demand, period: t, hours: hours))
            }
        }
        return Baseline(projects: decisions, assignments: assignments)
    }
}
