// Why no valid plan can exist, when the problem's structure alone says so (no solve needed).

extension PlanningProblem {
    /// The reasons no valid plan can exist that follow from the problem's structure alone, in the
    /// PMO's words; empty when there are none (a plan may still be impossible: only a solver can tell).
    ///
    /// First each pin whose person qualifies for none of the demands it counts, then each required
    /// project (mandatory, pinned, or needed by one) with no start that fits its window, its
    /// dependencies and its pins. Every planner reports exactly these, so the diagnosis does not
    /// depend on the planner.
    public var structuralInfeasibilities: [String] {
        var reasons: [String] = []
        for pin in pins where pin.countingDemands.isEmpty {
            let person = people[pin.person].id
            let project = projects[pin.project].id
            let demand = pin.demand.map { " demand '\(demands[$0].id)'" } ?? ""
            reasons.append(
                "pins[\(pin.index)]: \(person) qualifies for no demand of '\(project)'\(demand) that the pin counts, so the pinned \(pin.hours) h cannot be planned")
        }
        for project in projects where project.required && project.startRange == nil {
            if let other = project.excludes.first(where: { projects[$0].required }) {
                reasons.append(
                    "projects '\(project.id)' (\(requirement(of: project))) and '\(projects[other].id)' (\(requirement(of: projects[other]))) must both be selected but exclude each other")
            } else if project.systems.isEmpty {
                reasons.append(
                    "project '\(project.id)' must be selected (\(requirement(of: project))) but has no start that fits its window, its dependencies and its pins")
            } else {
                reasons.append(
                    "project '\(project.id)' must be selected (\(requirement(of: project))) but has no start that fits its window, its dependencies, its pins and the freezes of its systems")
            }
        }
        return reasons
    }

    /// Why a project must be selected: `mandatory; pinned by pins[0]; needed by 'b'`.
    package func requirement(of project: ProjectInfo) -> String {
        var why: [String] = []
        if project.mandatory { why.append("mandatory") }
        let pinned = pins.filter { $0.project == project.index }.map { "pins[\($0.index)]" }
        if !pinned.isEmpty { why.append("pinned by \(pinned.joined(separator: ", "))") }
        let needers = project.dependents.filter { projects[$0].required }.map { "'\(projects[$0].id)'" }
        if !needers.isEmpty { why.append("needed by \(needers.joined(separator: ", "))") }
        return why.isEmpty ? "required" : why.joined(separator: "; ")
    }
}
