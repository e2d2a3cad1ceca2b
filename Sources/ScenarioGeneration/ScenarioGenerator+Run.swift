// One generation run: its state, its random streams, and the witness plan that proves it feasible.

import CapacityPlanning

// MARK: - One generation run

struct GeneratedPerson {
    var id: String
    var name: String
    var skills: [(skill: Int, level: Int)]
    var team: String
    var cost: Double
    var capacity: [Double]  // hours per period, before the utilisation cap
    var hasArray: Bool
    var maxConcurrent: Int?
}

struct GeneratedDemand {
    var skill: Int
    var minLevel: Int
    var hours: [Double]  // per project period
    var constant: Bool
    var eligible: [Int] = []  // people qualifying, ascending
}

struct GeneratedProject {
    var id: String
    var name: String
    var duration: Int
    var earliestStart = 0
    var deadline: Int?
    var mandatory = false
    var dependsOn: [Int] = []
    var demands: [GeneratedDemand] = []
    var value = 0.0
    var cost = 0.0
    var budget: Double?
    var pinned = false

    func lastAllowed(_ periods: Int) -> Int { min(deadline ?? (periods - 1), periods - 1) }
    func latestStart(_ periods: Int) -> Int { lastAllowed(periods) - duration + 1 }
}

struct GeneratorRun {
    let peopleCount: Int
    let projectCount: Int
    let periods: Int
    let seed: UInt64
    let features: ScenarioGenerator.Features

    var skills: [String] = []
    var skillWeights: [Double] = []
    var people: [GeneratedPerson] = []
    var projects: [GeneratedProject] = []
    var utilizationCap = 1.0
    var pins: [Pin] = []
    var forcedCost = 0.0
    var bookings: [StaffingSimulation.Booking] = []

    init(peopleCount: Int, projectCount: Int, periods: Int, seed: UInt64, features: ScenarioGenerator.Features) {
        self.peopleCount = peopleCount
        self.projectCount = projectCount
        self.periods = periods
        self.seed = seed
        self.features = features
    }

    func rng(_ stream: Stream) -> SeededGenerator {
        SeededGenerator.stream(seed, stream.rawValue)
    }

    mutating func run() -> (scenario: Scenario, witness: Plan) {
        var policyRNG = rng(.policy)
        let capDraw = Catalog.utilizationCaps[policyRNG.below(Catalog.utilizationCaps.count)]
        let penaltyDraw = Double(100 + 50 * policyRNG.below(9))
        let changeDraw = Double(5 * policyRNG.int(in: 1...5))
        let startChangeDraw = Double(1000 * policyRNG.int(in: 1...5))
        let globalShare = policyRNG.double(0.6, 0.8)
        let demandRatio = policyRNG.double(1.2, 1.6)
        utilizationCap = features.contains(.utilizationCap) ? capDraw : 1

        makeSkills()
        makePeople()
        makeProjects()
        makeWindows()
        makeMandatory()
        makeDependencies()
        scaleHours(ratio: demandRatio)
        findEligible()
        makeValues()
        if features.contains(.pins) { makePins() }
        makeBudgets()

        var policy = Policy(utilizationCap: utilizationCap)
        if features.contains(.assignmentPenalty) { policy.assignmentPenalty = penaltyDraw }
        if features.contains(.changePenalties) {
            policy.changePenaltyPerHour = changeDraw
            policy.startChangePenalty = startChangeDraw
        }
        if features.contains(.globalBudget) {
            let everything = projects.reduce(0) { $0 + $1.cost }
            let share = max(1000, roundTo(everything * globalShare, 1000))
            let forced = (forcedCost * 1.1 / 1000).rounded(.up) * 1000
            policy.budget = max(share, forced)
        }
        let baseline = features.contains(.baseline) ? makeBaseline() : nil

        var scenario = Scenario(
            horizon: Horizon(periods: periods, start: "2027-01-04", unit: .week),
            people: people.map(personValue),
            projects: projects.map(projectValue),
            pins: pins,
            baseline: baseline,
            policy: policy)
        let witness = makeWitness()
        addVersion2(to: &scenario, witness: witness)
        return (scenario, witness)
    }

    /// The plan the pin simulation proved valid (see `ScenarioGenerator.generateWithWitness()`).
    func makeWitness() -> Plan {
        var hours: [Int: Double] = [:]  // (person × projects + project) × 8 + demand) × periods + period
        var order: [Int] = []
        var covered = projects.map { project in project.demands.map { _ in 0.0 } }
        for booking in bookings {
            let key = ((booking.person * projects.count + booking.project) * 8 + booking.demand) * periods + booking.period
            if hours[key] == nil { order.append(key) }
            hours[key, default: 0] += booking.hours
            covered[booking.project][booking.demand] += booking.hours
        }
        let decisions = projects.enumerated().map { j, project in
            guard project.mandatory || project.pinned else { return ProjectDecision(id: project.id, selected: false) }
            var unmet = 0.0
            if project.mandatory {
                for (d, demand) in project.demands.enumerated() {
                    unmet += max(0, demand.hours.reduce(0, +) - covered[j][d])
                }
            }
            return ProjectDecision(id: project.id, selected: true, start: project.earliestStart,
                                   unmetHours: project.mandatory ? unmet : nil)
        }
        let assignments = order.map { key -> Assignment in
            let period = key % periods
            let demand = (key / periods) % 8
            let project = (key / periods / 8) % projects.count
            let person = key / periods / 8 / projects.count
            return Assignment(person: people[person].id, project: projects[project].id,
                              demand: projects[project].demands[demand].resolvedID(skills),
                              period: period, hours: hours[key] ?? 0)
        }
        return Plan(status: .feasible, solver: "generator", projects: decisions, assignments: assignments)
    }
}

extension GeneratedDemand {
    /// The demand's id in the scenario: its skill (skills are distinct within a project).
    func resolvedID(_ skills: [String]) -> String { skills[skill] }
}
