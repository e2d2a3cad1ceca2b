// The generator's staffing simulation: books hours with rollback, to prove that pins and the witness fit.

import CapacityPlanning

/// Capacity, concurrency and coverage bookkeeping for the projects that every valid plan
/// must staff (pinned ones), with an undo log so a failed attempt leaves no trace.
struct StaffingSimulation {
    let periods: Int
    let people: [GeneratedPerson]
    let projects: [GeneratedProject]
    var room: [Double]  // person × period
    var active: [Int: [Int]] = [:]  // person × period → projects with hours there
    var covered: [Int: [Double]] = [:]  // project × 8 + demand → hours covered per offset
    var cost = 0.0
    var log: [Change] = []

    enum Change {
        case hours(cell: Int, coverKey: Int, offset: Int, amount: Double, cost: Double)
        case joined(cell: Int)
    }

    init(run: GeneratorRun) {
        periods = run.periods
        people = run.people
        projects = run.projects
        room = [Double](repeating: 0, count: run.people.count * run.periods)
        for p in run.people.indices { for t in 0..<run.periods { room[p * run.periods + t] = run.usable(p, t) } }
    }

    /// Hours booked on one demand of one project in one period.
    struct Booking {
        var person: Int
        var project: Int
        var demand: Int
        var period: Int
        var hours: Double
    }

    /// Every booking still in force, in the order made.
    func bookings() -> [Booking] {
        log.compactMap { change in
            guard case let .hours(cell, key, _, amount, _) = change else { return nil }
            return Booking(person: cell / periods, project: key / 8, demand: key % 8, period: cell % periods, hours: amount)
        }
    }

    func mark() -> Int { log.count }

    mutating func rollback(to mark: Int) {
        while log.count > mark, let change = log.popLast() {
            switch change {
            case let .hours(cell, key, offset, amount, spent):
                room[cell] += amount
                covered[key]?[offset] -= amount
                cost -= spent
            case let .joined(cell):
                _ = active[cell]?.popLast()
            }
        }
    }

    func coverKey(_ project: Int, _ demand: Int) -> Int { project * 8 + demand }

    func mayJoin(person p: Int, project j: Int, cell: Int) -> Bool {
        let list = active[cell] ?? []
        if list.contains(j) { return true }
        guard let limit = people[p].maxConcurrent else { return true }
        return list.count < limit
    }

    /// Hours person `p` could still give to demand `d` of project `j` in each project period.
    func room(person p: Int, project j: Int, demand d: Int, start: Int) -> [Double] {
        let demand = projects[j].demands[d]
        let done = covered[coverKey(j, d)]
        return (0..<projects[j].duration).map { offset in
            let t = start + offset
            guard t < periods else { return 0 }
            let cell = p * periods + t
            guard mayJoin(person: p, project: j, cell: cell) else { return 0 }
            return max(0, min(room[cell], demand.hours[offset] - (done?[offset] ?? 0)))
        }
    }

    /// Books `hours` of person `p` on demand `d`, period by period (only at offset `only` when given).
    /// Returns the hours that could not be booked.
    @discardableResult
    mutating func allocate(person p: Int, project j: Int, demand d: Int, start: Int, hours: Double, only: Int? = nil) -> Double {
        var left = hours
        let free = room(person: p, project: j, demand: d, start: start)
        let key = coverKey(j, d)
        if covered[key] == nil { covered[key] = Array(repeating: 0, count: projects[j].duration) }
        for offset in free.indices where left > 1e-9 && free[offset] > 1e-9 {
            if let only, offset != only { continue }
            let amount = min(left, free[offset])
            let cell = p * periods + start + offset
            room[cell] -= amount
            covered[key]?[offset] += amount
            let spent = amount * people[p].cost
            cost += spent
            left -= amount
            log.append(.hours(cell: cell, coverKey: key, offset: offset, amount: amount, cost: spent))
            if !(active[cell] ?? []).contains(j) {
                active[cell, default: []].append(j)
                log.append(.joined(cell: cell))
            }
        }
        return left
    }

    /// Staffs every remaining hour of project `j` started at `start`; `false` when it cannot.
    mutating func staffFully(project j: Int, start: Int) -> Bool {
        for (d, demand) in projects[j].demands.enumerated() {
            let need = demand.hours.reduce(0, +) - (covered[coverKey(j, d)]?.reduce(0, +) ?? 0)
            var left = need
            for p in demand.eligible where left > 1e-9 {
                let want = room(person: p, project: j, demand: d, start: start).reduce(0, +)
                guard want > 1e-9 else { continue }
                left -= want - allocate(person: p, project: j, demand: d, start: start, hours: want)
            }
            if left > 1e-6 { return false }
        }
        return true
    }
}
