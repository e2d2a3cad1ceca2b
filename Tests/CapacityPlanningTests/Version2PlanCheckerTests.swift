// The plan rules of format v2 (10 systems, 11 balance, 12 alternatives) and its objective terms.
import Testing
import CapacityPlanning

/// Three projects on one person; `a` and `b` change system `pay`, `c` is an alternative of `b`.
enum Version2CheckerFixture {
    static func scenario(limit: Int? = 1, freezes: [Int] = [], balance: [BalanceRule] = []) -> Scenario {
        Scenario(
            version: 2,
            horizon: Horizon(periods: 8),
            people: [Person(id: "ann", skills: ["dev": 3], capacity: .constant(40), costPerHour: 10),
                     Person(id: "bob", skills: ["dev": 3], capacity: .constant(40), costPerHour: 30)],
            projects: [
                Project(id: "a", value: 1000, duration: 2, earliestStart: 1, demands: [Demand(skill: "dev", hours: .constant(10))],
                        scores: ["asia": 3], tags: ["theme": "growth"], costOfDelay: 50, touches: ["pay"]),
                Project(id: "b", value: 800, duration: 2, demands: [Demand(skill: "dev", hours: .constant(10))],
                        tags: ["theme": "run"], touches: ["pay"], excludes: ["c"]),
                Project(id: "c", value: 700, duration: 1, demands: [Demand(skill: "dev", hours: .constant(5))],
                        tags: ["theme": "run"]),
            ],
            policy: Policy(balance: balance),
            strategy: Strategy(drivers: [Driver(id: "asia", weight: 0.5)], valuePerPoint: 200),
            systems: [System(id: "pay", maxConcurrentProjects: limit, freezes: freezes)])
    }

    /// `a` at `startA` staffed by ann, `b` at `startB` by bob (when given), `c` at 0 by ann (when selected).
    static func plan(startA: Int? = 1, startB: Int? = 3, selectC: Bool = false) -> Plan {
        var projects: [ProjectDecision] = []
        var assignments: [Assignment] = []
        for (id, start, person, duration, hours) in [("a", startA, "ann", 2, 10.0), ("b", startB, "bob", 2, 10.0),
                                                      ("c", selectC ? 0 : nil, "ann", 1, 5.0)] {
            guard let start else {
                projects.append(ProjectDecision(id: id, selected: false))
                continue
            }
            projects.append(ProjectDecision(id: id, selected: true, start: start, unmetHours: 0))
            for t in start..<(start + duration) {
                assignments.append(Assignment(person: person, project: id, demand: "dev", period: t, hours: hours))
            }
        }
        return Plan(status: .feasible, projects: projects, assignments: assignments)
    }

    static func check(_ plan: Plan, _ scenario: Scenario = scenario()) throws -> PlanCheck {
        PlanChecker.check(plan, for: try PlanningProblem(scenario))
    }
}

@Suite("Format v2: plan rules and objective")
struct Version2PlanCheckerTests {
    private typealias F = Version2CheckerFixture

    @Test func theFixturePlanIsValidAndItsObjectiveHasTheNewTerms() throws {
        let check = try F.check(F.plan(startA: 2, startB: 4))
        #expect(check.isValid, "\(check.violations)")
        let o = check.objective
        #expect(o.strategicValue == 200 * 0.5 * 3)
        #expect(o.delayCost == 50 * (2 - 1))
        #expect(o.value == 1800)
        #expect(o.staffCost == 20 * 10 + 20 * 30)
        #expect(o.total == 1800 + 300 - 50 - 800)
    }

    @Test func rule10TwoProjectsOnASystemOverItsLimit() throws {
        let check = try F.check(F.plan(startA: 1, startB: 2))
        #expect(check.violations.map(\.rule) == [.system])
        #expect(check.violations.first?.periods == [2])
        #expect(check.violations.first?.projects == ["a", "b"])
    }

    @Test func rule10HoldsWithoutALimit() throws {
        #expect(try F.check(F.plan(startA: 1, startB: 2), F.scenario(limit: nil)).isValid)
    }

    @Test func rule10WorkInAFreezeCountsEveryActivePeriodEvenWithoutHours() throws {
        var plan = F.plan(startA: 1, startB: 4)
        // b is active in 4 and 5; without hours in 5 (a coverage gap too), period 5 is frozen all the same.
        plan.assignments.removeAll { $0.project == "b" && $0.period == 5 }
        let check = try F.check(plan, F.scenario(freezes: [5]))
        #expect(check.violations.contains { $0.rule == .system && $0.periods == [5] && $0.projects == ["b"] })
    }

    @Test func rule11MaximumShareOfProjects() throws {
        let rule = BalanceRule(tag: "theme", value: "run", measure: .projects, maxShare: 0.5)
        let scenario = F.scenario(balance: [rule])
        #expect(try F.check(F.plan(startA: 1, startB: 3), scenario).isValid)
        let check = try F.check(F.plan(startA: nil, startB: 3), scenario)
        #expect(check.violations.map(\.rule) == [.balance])
    }

    @Test func rule11MinimumShareOfCostCountsMoneyNotHours() throws {
        // a costs 200 (ann, 10/h), b costs 600 (bob, 30/h): growth has 25 % of cost.
        let scenario = F.scenario(balance: [BalanceRule(tag: "theme", value: "growth", measure: .cost, minShare: 0.3)])
        let check = try F.check(F.plan(), scenario)
        #expect(check.violations.map(\.rule) == [.balance])
        let cheaper = F.scenario(balance: [BalanceRule(tag: "theme", value: "growth", measure: .cost, minShare: 0.25)])
        #expect(try F.check(F.plan(), cheaper).isValid)
    }

    @Test func rule11ValueMeasureIsTheProjectsOwnValue() throws {
        // a 1000, b 800: growth has 55.6 % of value (its strategic value does not count).
        let within = F.scenario(balance: [BalanceRule(tag: "theme", value: "growth", measure: .value, maxShare: 0.56)])
        #expect(try F.check(F.plan(), within).isValid)
        let over = F.scenario(balance: [BalanceRule(tag: "theme", value: "growth", measure: .value, maxShare: 0.55)])
        #expect(try F.check(F.plan(), over).violations.map(\.rule) == [.balance])
    }

    @Test func rule11AnEmptyPortfolioSatisfiesEveryRule() throws {
        let scenario = F.scenario(balance: [BalanceRule(tag: "theme", value: "growth", measure: .cost, minShare: 0.9)])
        #expect(try F.check(F.plan(startA: nil, startB: nil), scenario).isValid)
    }

    @Test func rule12AlternativesSelectedTogether() throws {
        let check = try F.check(F.plan(startA: nil, startB: 3, selectC: true))
        #expect(check.violations.map(\.rule) == [.alternatives])
        #expect(check.violations.first?.projects == ["b", "c"])
    }

    @Test func closedStartsAreNormalisedAway() throws {
        // a lasts 2 periods from 1…6; a freeze in 4 closes starts 3 and 4.
        let problem = try PlanningProblem(F.scenario(freezes: [4]))
        let a = problem.projects[0]
        #expect(a.possibleStarts == [1, 2, 5, 6])
        #expect(!a.canStart(at: 3) && !a.canStart(at: 4) && a.canStart(at: 5))
        #expect(a.worth(start: 5) == 1000 + 300 - 50 * 4)
        #expect(problem.projects[1].excludes == [2] && problem.projects[2].excludes == [1])
    }

    @Test func theStrategySummaryScoresDriversAndSharesGroups() throws {
        let scenario = F.scenario(balance: [BalanceRule(tag: "theme", value: "growth", measure: .projects, minShare: 0.6)])
        let problem = try PlanningProblem(scenario)
        let plan = Allocation(plan: F.plan(), problem: problem).plan(for: problem, status: .feasible, solver: "test")
        let summary = try #require(plan.strategy)
        #expect(summary.drivers.map(\.points) == [3])
        #expect(summary.drivers.first?.value == 300)
        #expect(summary.balance.first?.share == 0.5)
        #expect(summary.balance.first?.holds == false)
        #expect(plan.projects.first?.strategicScore == 1.5)
        #expect(plan.projects.first?.delayCost == 0)
    }
}
