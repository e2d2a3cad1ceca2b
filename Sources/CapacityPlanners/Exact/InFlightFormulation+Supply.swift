// Supply in the exact model (spec v3, Part B; Docs/formulation.md, "Supply"): a binary per hire
// instance and start, and per course and start, feeding the capacity and the qualification of
// the hours columns.
#if GLPK
import CapacityPlanning
import Optimization

extension InFlightFormulation {
    /// Hire instances `ROLE#1 … ROLE#n` (n = the hires that can be of use) each get a binary per
    /// start, costing the hiring cost and the salary to the horizon's end; Σ ≤ 1; instance k + 1 is
    /// hired by period t only if instance k is (so they are numbered in the order of their starts,
    /// and no two numberings of one plan compete). A course that could qualify its person for a line
    /// they are not qualified for gets a binary per start that ends in time to be of use; Σ ≤ 1.
    mutating func addSupply() {
        for role in problem.roles {
            guard let starts = role.starts else { continue }
            var previous: [(start: Int, variable: Variable)] = []
            for p in role.instances.prefix(role.usefulHires) {
                var list: [(start: Int, variable: Variable)] = []
                for s in starts {
                    let z = model.addBinary()
                    add(z, -role.cost(start: s))
                    list.append((s, z))
                }
                row(list.map { ($0.variable, 1) }, lower: nil, upper: 1)
                if !previous.isEmpty {
                    for s in starts {
                        row(list.filter { $0.start <= s }.map { ($0.variable, 1) }
                                + previous.filter { $0.start <= s }.map { ($0.variable, -1) }, lower: nil, upper: 0)
                    }
                }
                hireStarts[p] = list
                previous = list
            }
        }
        for course in problem.courses {
            guard let starts = course.starts, qualifiesForSomething(course) else { continue }
            // Qualification from start + duration must fall inside the horizon to be of use.
            let last = min(starts.upperBound, problem.periodCount - 1 - course.duration)
            guard starts.lowerBound <= last else { continue }
            var list: [(start: Int, variable: Variable)] = []
            for s in starts.lowerBound...last {
                let w = model.addBinary()
                add(w, -course.cost)
                list.append((s, w))
            }
            row(list.map { ($0.variable, 1) }, lower: nil, upper: 1)
            courseStarts[course.index] = list
        }
    }

    /// Whether `course` qualifies its person for some line their own levels do not.
    private func qualifiesForSomething(_ course: CourseInfo) -> Bool {
        problem.demands.contains { $0.supplyEligible.contains(course.person) && course.skill == $0.skill
            && course.level >= $0.minLevel }
    }

    /// Whether the model may give `p` hours on line `d` in period `t`: qualified with capacity, or
    /// a hire that can have started by then, or a course that can have ended by then.
    func mayWork(_ p: Int, on d: Int, in t: Int) -> Bool {
        if let starts = hireStarts[p] { return starts.contains { $0.start <= t } }
        guard problem.people[p].capacity[t] > 0 else { return false }
        if problem.demands[d].eligiblePeople.contains(p) { return true }
        return problem.qualifyingCourses(person: p, demand: d).contains { c in
            courseStarts[c]?.contains { problem.courses[c].qualifiesFrom(start: $0.start) <= t } ?? false
        }
    }

    /// The most hours `p` can have in period `t`: a hire its role's, anyone else their own.
    func cellCapacity(_ p: Int, _ t: Int) -> Double {
        if let slot = problem.people[p].hire { return problem.roles[slot.role].capacity }
        return problem.people[p].capacity[t]
    }

    /// Person × period keys whose capacity row the supply needs even without two hours columns:
    /// a hire's periods, and a person's periods in which a course can run.
    func supplyLoadKeys() -> [Int] {
        var keys = Set<Int>()
        let periods = problem.periodCount
        for (cell, _) in hours where hireStarts[cell.person] != nil { keys.insert(cell.person * periods + cell.period) }
        for (c, list) in courseStarts {
            let course = problem.courses[c]
            for (s, _) in list { for t in s..<(s + course.duration) { keys.insert(course.person * periods + t) } }
        }
        return keys.sorted()
    }

    /// The supply's part of `person`'s capacity row in `period` (Σ hours + terms ≤ capacity): a
    /// hire has its role's capacity from its start on (−capacity × started-by-then, ≤ 0); a course
    /// running then takes its hours.
    func supplyLoad(person p: Int, period t: Int) -> (terms: [(Variable, Double)], capacity: Double) {
        if let slot = problem.people[p].hire {
            let capacity = problem.roles[slot.role].capacity
            return ((hireStarts[p] ?? []).filter { $0.start <= t }.map { ($0.variable, -capacity) }, 0)
        }
        var terms: [(Variable, Double)] = []
        for c in problem.coursesOf[p] ?? [] where problem.courses[c].hoursPerPeriod > 0 {
            for (s, w) in courseStarts[c] ?? [] where problem.courses[c].runs(start: s, period: t) {
                terms.append((w, problem.courses[c].hoursPerPeriod))
            }
        }
        return (terms, problem.people[p].capacity[t])
    }

    /// Rule 4 after a course: the hours of a person whom only a course qualifies for a line, in
    /// period t, are at most their capacity times "a qualifying course has ended by t".
    mutating func addCourseQualification() {
        for (cell, x) in hours.sorted(by: { $0.value.index < $1.value.index }) {
            guard problem.people[cell.person].hire == nil,
                  !problem.demands[cell.demand].eligiblePeople.contains(cell.person) else { continue }
            var ended: [(Variable, Double)] = []
            for c in problem.qualifyingCourses(person: cell.person, demand: cell.demand) {
                for (s, w) in courseStarts[c] ?? [] where problem.courses[c].qualifiesFrom(start: s) <= cell.period {
                    ended.append((w, -cellBound(cell)))
                }
            }
            row([(x, 1)] + ended, lower: nil, upper: 0)
        }
    }

    /// The projects each hire and course column can serve (those with a line the hire or the
    /// course's person would qualify for), by column index: a search step that frees none of them
    /// keeps the column at the plan's value.
    var supplyColumnProjects: [Int: Set<Int>] {
        var served: [Int: Set<Int>] = [:]
        for demand in problem.demands {
            for p in demand.supplyEligible {
                for (_, z) in hireStarts[p] ?? [] { served[z.index, default: []].insert(demand.project) }
                for c in problem.qualifyingCourses(person: p, demand: demand.index) {
                    for (_, w) in courseStarts[c] ?? [] { served[w.index, default: []].insert(demand.project) }
                }
            }
        }
        return served
    }

    /// The hires' and courses' costs, for the portfolio budget (rule 8).
    func supplyCosts() -> [(Variable, Double)] {
        var terms: [(Variable, Double)] = []
        for (p, list) in hireStarts.sorted(by: { $0.key < $1.key }) {
            guard let slot = problem.people[p].hire else { continue }
            terms += list.map { ($0.variable, problem.roles[slot.role].cost(start: $0.start)) }
        }
        for (c, list) in courseStarts.sorted(by: { $0.key < $1.key }) {
            terms += list.map { ($0.variable, problem.courses[c].cost) }
        }
        return terms.filter { $0.1 != 0 }
    }

    /// Writes `allocation`'s hires and courses into `x` (hires numbered in start order, as
    /// `Allocation.withHiresInStartOrder` leaves them); `false` when the model has no column for one.
    func writeSupply(of allocation: Allocation, into x: inout [Double]) -> Bool {
        for (p, start) in allocation.hires {
            guard let z = hireStarts[p]?.first(where: { $0.start == start }) else { return false }
            x[z.variable.index] = 1
        }
        for (c, start) in allocation.courses {
            guard let w = courseStarts[c]?.first(where: { $0.start == start }) else { return false }
            x[w.variable.index] = 1
        }
        return true
    }

    /// Reads a solution's hires and courses into `allocation`.
    func readSupply(from values: [Double], into allocation: inout Allocation) {
        for (p, list) in hireStarts {
            if let chosen = list.first(where: { values[$0.variable.index] > 0.5 }) { allocation.hires[p] = chosen.start }
        }
        for (c, list) in courseStarts {
            if let chosen = list.first(where: { values[$0.variable.index] > 0.5 }) { allocation.courses[c] = chosen.start }
        }
    }
}
#endif
