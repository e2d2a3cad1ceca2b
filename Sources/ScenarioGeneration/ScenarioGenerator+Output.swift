// The generator's people and projects as the scenario's values.

import CapacityPlanning

extension GeneratorRun {
    // MARK: Output

    func personValue(_ person: GeneratedPerson) -> Person {
        var skillMap: [String: Int] = [:]
        for owned in person.skills { skillMap[skills[owned.skill]] = owned.level }
        let weekly = person.capacity.first ?? 40
        return Person(
            id: person.id, name: person.name, skills: skillMap,
            capacity: person.hasArray ? .perPeriod(person.capacity) : .constant(weekly),
            costPerHour: person.cost, maxConcurrentProjects: person.maxConcurrent, team: person.team)
    }

    func projectValue(_ project: GeneratedProject) -> Project {
        Project(
            id: project.id, name: project.name, value: project.value, mandatory: project.mandatory,
            duration: project.duration, earliestStart: project.earliestStart, deadline: project.deadline,
            budget: project.budget, dependsOn: project.dependsOn.map { projects[$0].id },
            demands: project.demands.map { demand in
                Demand(skill: skills[demand.skill], minLevel: demand.minLevel,
                       hours: demand.constant ? .constant(demand.hours.first ?? 0) : .perPeriod(demand.hours))
            })
    }
}
