// Hand-built scenarios in which each conflict is known in advance.
import CapacityPlanners
import CapacityPlanning
import ConflictAnalysis

/// The planner for analyses in tests: exact where GLPK is built in (every change in objective
/// is then proven), greedy otherwise.
let testPlanner: PlannerKind = PlannerKind.glpk.isAvailable ? .glpk : .greedy

/// Analysis options for tests: the test planner, a short limit, no trade-off curve unless asked.
func testOptions(curve: Bool = false) -> AnalysisOptions {
    AnalysisOptions(planner: testPlanner, timeLimit: 20, tradeOffFractions: curve ? [0.25, 0.5, 1, 1.5] : [])
}

/// A project selected at `start` with no unmet hours recorded.
func selected(_ id: String, at start: Int) -> ProjectDecision {
    ProjectDecision(id: id, selected: true, start: start)
}

/// A plan with `projects` selected as given (others left out) and `assignments`.
func plan(_ scenario: Scenario, _ decisions: [ProjectDecision], _ assignments: [Assignment]) -> Plan {
    let chosen = Dictionary(uniqueKeysWithValues: decisions.map { ($0.id, $0) })
    return Plan(status: .feasible, projects: scenario.projects.map { chosen[$0.id] ?? ProjectDecision(id: $0.id, selected: false) },
                assignments: assignments)
}

enum Scenarios {
    /// Two backend people, one project; plenty of room: no conflict of any kind.
    static func calm() -> Scenario {
        Scenario(
            horizon: Horizon(periods: 4),
            people: [Person(id: "ada", skills: ["backend": 3], capacity: .constant(40), costPerHour: 50),
                     Person(id: "bo", skills: ["backend": 3], capacity: .constant(40), costPerHour: 60)],
            projects: [Project(id: "api", value: 20_000, duration: 2, demands: [Demand(skill: "backend", hours: .constant(30))])])
    }

    /// `calm` with a baseline that books ada 50 h in period 0 (usable 40), and entries naming
    /// a person, project and demand that are gone and a period past the horizon.
    static func overbookedBaseline() -> Scenario {
        var s = calm()
        s.baseline = Baseline(
            projects: [ProjectDecision(id: "api", selected: true, start: 0)],
            assignments: [
                Assignment(person: "ada", project: "api", demand: "backend", period: 0, hours: 50),
                Assignment(person: "ada", project: "api", demand: "backend", period: 1, hours: 30),
                Assignment(person: "cy", project: "api", demand: "backend", period: 1, hours: 10),
                Assignment(person: "bo", project: "legacy", demand: "backend", period: 1, hours: 5),
                Assignment(person: "bo", project: "api", demand: "frontend", period: 1, hours: 6),
                Assignment(person: "bo", project: "api", demand: "backend", period: 9, hours: 7),
            ])
        return s
    }

    /// One person with two skills and a mandatory project that needs 30 h of each in one
    /// period: each skill alone has 40 h of "supply", but the person has only 40 h in all.
    static func sharedSupply(secondPerson: Bool = false) -> Scenario {
        var people = [Person(id: "ada", skills: ["backend": 3, "data": 3], capacity: .constant(40), costPerHour: 50)]
        if secondPerson { people.append(Person(id: "bo", skills: ["data": 3], capacity: .constant(40), costPerHour: 50)) }
        return Scenario(
            horizon: Horizon(periods: 2), people: people,
            projects: [Project(id: "etl", value: 50_000, mandatory: true, duration: 1,
                               demands: [Demand(skill: "backend", hours: .constant(30)), Demand(skill: "data", hours: .constant(30))])])
    }

    /// Two mandatory projects that both need the one senior backend person in period 0, and a
    /// third that has its own person.
    static func contention() -> Scenario {
        Scenario(
            horizon: Horizon(periods: 3),
            people: [Person(id: "sen", skills: ["backend": 5], capacity: .constant(40), costPerHour: 100),
                     Person(id: "fe", skills: ["frontend": 3], capacity: .constant(40), costPerHour: 60)],
            projects: [
                Project(id: "alpha", value: 80_000, mandatory: true, duration: 1, deadline: 0,
                        demands: [Demand(skill: "backend", minLevel: 4, hours: .constant(30))]),
                Project(id: "beta", value: 60_000, mandatory: true, duration: 1, deadline: 0,
                        demands: [Demand(skill: "backend", minLevel: 4, hours: .constant(30))]),
                Project(id: "gamma", value: 30_000, duration: 1, deadline: 0,
                        demands: [Demand(skill: "frontend", hours: .constant(20))]),
            ])
    }

    /// The contention scenario's plan: alpha gets 30 h, beta 10 h of sen; gamma staffed by fe.
    static func contentionPlan(_ s: Scenario) -> Plan {
        plan(s, [selected("alpha", at: 0), selected("beta", at: 0), selected("gamma", at: 0)], [
            Assignment(person: "sen", project: "alpha", demand: "backend", period: 0, hours: 30),
            Assignment(person: "sen", project: "beta", demand: "backend", period: 0, hours: 10),
            Assignment(person: "fe", project: "gamma", demand: "frontend", period: 0, hours: 20),
        ])
    }

    /// Projects left out for known reasons: a budget below the cheapest staffing, a value
    /// below it, a dependency on one of those, and one the only qualified person cannot fit
    /// beside the plan's work.
    static func leftOut() -> Scenario {
        Scenario(
            horizon: Horizon(periods: 4),
            people: [Person(id: "ada", skills: ["backend": 3], capacity: .constant(40), costPerHour: 50),
                     Person(id: "ux", skills: ["design": 4], capacity: .constant(20), costPerHour: 80)],
            projects: [
                Project(id: "core", value: 100_000, duration: 4, demands: [Demand(skill: "backend", hours: .constant(10))]),
                Project(id: "pricey", value: 90_000, duration: 1, budget: 100,
                        demands: [Demand(skill: "backend", hours: .constant(10))]),
                Project(id: "loss", value: 100, duration: 1, demands: [Demand(skill: "backend", hours: .constant(10))]),
                Project(id: "child", value: 50_000, duration: 1, earliestStart: 1, dependsOn: ["pricey"],
                        demands: [Demand(skill: "backend", hours: .constant(5))]),
                Project(id: "redesign", value: 40_000, duration: 4,
                        demands: [Demand(skill: "design", hours: .constant(15))]),
                Project(id: "brand", value: 30_000, duration: 4,
                        demands: [Demand(skill: "design", hours: .constant(15))]),
            ])
    }

    /// A mandatory project needing a skill nobody has, a project whose window cannot hold it,
    /// and a mandatory project that fits only if nobody else takes its person.
    static func deadlines() -> Scenario {
        Scenario(
            horizon: Horizon(periods: 4),
            people: [Person(id: "ada", skills: ["backend": 3], capacity: .constant(40), costPerHour: 50)],
            projects: [
                Project(id: "ml", value: 10_000, mandatory: true, duration: 2,
                        demands: [Demand(skill: "ml", minLevel: 5, hours: .constant(10))]),
                Project(id: "late", value: 10_000, duration: 3, earliestStart: 2,
                        demands: [Demand(skill: "backend", hours: .constant(10))]),
                Project(id: "ops", value: 10_000, mandatory: true, duration: 4,
                        demands: [Demand(skill: "backend", hours: .constant(30))]),
                Project(id: "tools", value: 60_000, duration: 4, demands: [Demand(skill: "backend", hours: .constant(20))]),
            ])
    }
}
