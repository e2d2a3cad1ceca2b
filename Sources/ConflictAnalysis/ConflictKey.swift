// A conflict as a value that names what it is about, for "which conflicts a change clears".
import CapacityPlanning

/// One conflict of a plan, identified by its kind and what it is about (not by a sentence), so
/// the conflicts of two plans of two scenarios can be compared.
struct ConflictKey: Sendable, Hashable, CustomStringConvertible {
    /// What kind of conflict.
    enum Kind: Sendable, Hashable {
        /// A skill (at a level) short of hours in a period.
        case skillShortage(skill: String, minLevel: Int, period: Int)
        /// A selected project with hours left unstaffed.
        case unmetHours(project: String)
        /// A person booked beyond usable capacity in a period.
        case overAllocated(person: String, period: Int)
        /// A project not selected (whether or not it could be: a change that makes a project
        /// impossible, a drop or a delay past its dependents' windows, does not "clear" it).
        case leftOut(project: String)
    }

    /// The conflict.
    let kind: Kind

    /// The sentence the report shows in a resolution's `clears` list.
    var description: String {
        switch kind {
        case let .skillShortage(skill, level, period): "skill shortage: \(skill) ≥ \(level) in period \(period)"
        case let .unmetHours(project): "unmet hours: \(project)"
        case let .overAllocated(person, period): "over-allocated: \(person) in period \(period)"
        case let .leftOut(project): "left out: \(project)"
        }
    }

    /// Every conflict of a plan (on indices): skill shortages, unmet hours, over-allocations and projects left out.
    static func all(in allocation: Allocation, for problem: PlanningProblem) -> Set<ConflictKey> {
        var keys: Set<ConflictKey> = []
        for shortage in ShortageFinder(problem: problem, allocation: allocation).find().shortages {
            for demand in shortage.demands {
                keys.insert(ConflictKey(kind: .skillShortage(skill: demand.skill, minLevel: demand.minLevel, period: shortage.period)))
            }
        }
        let unmet = allocation.unmetHoursByProject(problem)
        for info in problem.projects where allocation.starts[info.index] != nil && unmet[info.index] > Tolerance.of(info.totalHours) {
            keys.insert(ConflictKey(kind: .unmetHours(project: info.id)))
        }
        for over in CapacityView(problem: problem).overAllocations(allocation) {
            keys.insert(ConflictKey(kind: .overAllocated(person: over.person, period: over.period)))
        }
        for info in problem.projects where allocation.starts[info.index] == nil {
            keys.insert(ConflictKey(kind: .leftOut(project: info.id)))
        }
        return keys
    }
}
