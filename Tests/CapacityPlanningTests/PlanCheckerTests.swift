import Testing
import CapacityPlanning

/// A small scenario and a plan that is valid for it; each test breaks exactly one rule.
///
/// Periods 0…3. `A` (ana, backend ≥ 3, 10 h × 2) then `B` (depends on A; ben, data, 10 h);
/// mandatory `M` (backend, 10 h, earliest start 1) staffed by ben; `cy` is cheap but has 8 h.
enum CheckerFixture {
    static func scenario(
        projectBudgetA: Double? = 5000,
        globalBudget: Double? = nil,
        pins: [Pin] = [],
        baseline: Baseline? = nil,
        policy: Policy = Policy()
    ) -> Scenario {
        var policy = policy
        policy.budget = globalBudget ?? policy.budget
        return Scenario(
            horizon: Horizon(periods: 4),
            people: [
                Person(id: "ana", skills: ["backend": 3], capacity: .constant(40), costPerHour: 100, maxConcurrentProjects: 1),
                Person(id: "ben", skills: ["backend": 2, "data": 4], capacity: .constant(20), costPerHour: 50),
                Person(id: "cy", skills: ["backend": 1], capacity: .constant(8), costPerHour: 10),
            ],
            projects: [
                Project(id: "A", value: 10000, duration: 2, budget: projectBudgetA,
                        demands: [Demand(skill: "backend", minLevel: 3, hours: .constant(10))]),
                Project(id: "B", value: 5000, duration: 1, dependsOn: ["A"],
                        demands: [Demand(skill: "data", hours: .constant(10))]),
                Project(id: "M", value: 1000, mandatory: true, duration: 1, earliestStart: 1,
                        demands: [Demand(skill: "backend", hours: .constant(10))]),
            ],
            pins: pins, baseline: baseline, policy: policy)
    }

    static func validPlan() -> Plan {
        Plan(status: .feasible, projects: [
            ProjectDecision(id: "A", selected: true, start: 0),
            ProjectDecision(id: "B", selected: true, start: 2),
            ProjectDecision(id: "M", selected: true, start: 3),
        ], assignments: [
            Assignment(person: "ana", project: "A", demand: "backend", period: 0, hours: 10),
            Assignment(person: "ana", project: "A", demand: "backend", period: 1, hours: 10),
            Assignment(person: "ben", project: "B", demand: "data", period: 2, hours: 10),
            Assignment(person: "ben", project: "M", demand: "backend", period: 3, hours: 10),
        ])
    }

    static func problem(_ scenario: Scenario = scenario()) throws -> PlanningProblem {
        try PlanningProblem(scenario)
    }
}

@Suite("Plan checker: one test per rule")
struct PlanCheckerTests {
    private func rules(_ plan: Plan, _ scenario: Scenario = CheckerFixture.scenario()) throws -> [PlanViolation.Rule] {
        let check = PlanChecker.check(plan, for: try CheckerFixture.problem(scenario))
        return check.violations.map(\.rule)
    }

    private func replacing(_ plan: Plan, project id: String, with decision: ProjectDecision) -> Plan {
        var plan = plan
        plan.projects = plan.projects.map { $0.id == id ? decision : $0 }
        return plan
    }

    @Test func theFixturePlanIsValid() throws {
        let check = PlanChecker.check(CheckerFixture.validPlan(), for: try CheckerFixture.problem())
        #expect(check.violations == [])
        #expect(check.isValid)
    }

    @Test func rule1MandatoryProjectNotSelected() throws {
        var plan = replacing(CheckerFixture.validPlan(), project: "M", with: ProjectDecision(id: "M", selected: false))
        plan.assignments.removeAll { $0.project == "M" }
        let check = PlanChecker.check(plan, for: try CheckerFixture.problem())
        #expect(check.violations.map(\.rule) == [.mandatory])
        #expect(check.violations.first?.projects == ["M"])
    }

    @Test func rule2StartBeforeEarliestStart() throws {
        var plan = replacing(CheckerFixture.validPlan(), project: "M", with: ProjectDecision(id: "M", selected: true, start: 0))
        plan.assignments = plan.assignments.map { $0.project == "M" ? Assignment(person: "ben", project: "M", demand: "backend", period: 0, hours: 10) : $0 }
        #expect(try rules(plan) == [.window])
    }

    @Test func rule3DependentStartsBeforeDependencyFinishes() throws {
        var plan = replacing(CheckerFixture.validPlan(), project: "B", with: ProjectDecision(id: "B", selected: true, start: 1))
        plan.assignments = plan.assignments.map { $0.project == "B" ? Assignment(person: "ben", project: "B", demand: "data", period: 1, hours: 10) : $0 }
        let check = PlanChecker.check(plan, for: try CheckerFixture.problem())
        #expect(check.violations.map(\.rule) == [.dependency])
        #expect(check.violations.first?.projects == ["B", "A"])
    }

    @Test func rule3DependencyNotSelected() throws {
        var plan = replacing(CheckerFixture.validPlan(), project: "A", with: ProjectDecision(id: "A", selected: false))
        plan.assignments.removeAll { $0.project == "A" }
        #expect(try rules(plan) == [.dependency])
    }

    @Test func rule4UnqualifiedPerson() throws {
        var plan = CheckerFixture.validPlan()
        plan.assignments[1] = Assignment(person: "ben", project: "A", demand: "backend", period: 1, hours: 10)
        let check = PlanChecker.check(plan, for: try CheckerFixture.problem())
        #expect(check.violations.map(\.rule) == [.eligibility])
        #expect(check.violations.first?.people == ["ben"])
    }

    @Test func rule4HoursOutsideActivePeriodsAndOnUnselectedProjects() throws {
        var plan = CheckerFixture.validPlan()
        plan.assignments.append(Assignment(person: "ben", project: "M", demand: "backend", period: 2, hours: 5))
        // ben is then 15 h in period 2 (capacity 20): only rule 4 breaks.
        #expect(try rules(plan) == [.eligibility])
    }

    @Test func rule5ShortfallOnNonMandatoryProject() throws {
        var plan = CheckerFixture.validPlan()
        plan.assignments[1].hours = 5
        let check = PlanChecker.check(plan, for: try CheckerFixture.problem())
        #expect(check.violations.map(\.rule) == [.coverage])
        #expect(check.violations.first?.amount == 5)
    }

    @Test func rule5MoreThanDemanded() throws {
        var plan = CheckerFixture.validPlan()
        plan.assignments[3].hours = 12
        #expect(try rules(plan) == [.coverage])
    }

    @Test func rule5ShortfallOnMandatoryProjectIsAllowedAndPriced() throws {
        var plan = CheckerFixture.validPlan()
        plan.assignments[3].hours = 4
        let check = PlanChecker.check(plan, for: try CheckerFixture.problem())
        #expect(check.isValid)
        #expect(check.objective.unmetHours == 6)
        #expect(check.objective.unmetPenalty == 60000)
    }

    @Test func shortfallWithinToleranceCountsAsNone() throws {
        var plan = CheckerFixture.validPlan()
        plan.assignments[1].hours = 10 - 5e-6
        #expect(try rules(plan) == [])
        plan.assignments[1].hours = 10 - 5e-5
        #expect(try rules(plan) == [.coverage])
    }

    @Test func rule6OverCapacity() throws {
        var plan = CheckerFixture.validPlan()
        plan.assignments[3] = Assignment(person: "cy", project: "M", demand: "backend", period: 3, hours: 10)
        let check = PlanChecker.check(plan, for: try CheckerFixture.problem())
        #expect(check.violations.map(\.rule) == [.capacity])
        #expect(check.violations.first?.people == ["cy"])
        #expect(check.violations.first?.periods == [3])
        #expect(check.violations.first?.amount == 2)
    }

    @Test func rule6UsesTheUtilisationCap() throws {
        var plan = CheckerFixture.validPlan()
        plan.assignments[3] = Assignment(person: "cy", project: "M", demand: "backend", period: 3, hours: 7)
        #expect(try rules(plan) == [])
        let capped = CheckerFixture.scenario(policy: Policy(utilizationCap: 0.75))
        #expect(try rules(plan, capped) == [.capacity])
    }

    @Test func rule7TooManyConcurrentProjects() throws {
        var plan = replacing(CheckerFixture.validPlan(), project: "M", with: ProjectDecision(id: "M", selected: true, start: 1))
        plan.assignments[3] = Assignment(person: "ana", project: "M", demand: "backend", period: 1, hours: 10)
        let check = PlanChecker.check(plan, for: try CheckerFixture.problem())
        #expect(check.violations.map(\.rule) == [.concurrency])
        #expect(check.violations.first?.projects == ["A", "M"])
    }

    @Test func rule8ProjectBudget() throws {
        let scenario = CheckerFixture.scenario(projectBudgetA: 1500)
        #expect(try rules(CheckerFixture.validPlan(), scenario) == [.budget])
    }

    @Test func rule8PortfolioBudget() throws {
        #expect(try rules(CheckerFixture.validPlan(), CheckerFixture.scenario(globalBudget: 3000)) == [])
        let check = PlanChecker.check(CheckerFixture.validPlan(), for: try CheckerFixture.problem(CheckerFixture.scenario(globalBudget: 2999)))
        #expect(check.violations.map(\.rule) == [.budget])
        #expect(check.violations.first?.amount == 1)
    }

    @Test func rule9PinNotMet() throws {
        let met = CheckerFixture.scenario(pins: [Pin(person: "ana", project: "A", period: 0, hours: 10)])
        #expect(try rules(CheckerFixture.validPlan(), met) == [])
        let short = CheckerFixture.scenario(pins: [Pin(person: "ana", project: "A", demand: "backend", hours: 25)])
        let check = PlanChecker.check(CheckerFixture.validPlan(), for: try CheckerFixture.problem(short))
        #expect(check.violations.map(\.rule) == [.pin])
        #expect(check.violations.first?.amount == 5)
    }

    @Test func rule9PinnedProjectNotSelected() throws {
        let scenario = CheckerFixture.scenario(pins: [Pin(person: "ben", project: "B", hours: 5)])
        var plan = replacing(CheckerFixture.validPlan(), project: "B", with: ProjectDecision(id: "B", selected: false))
        plan.assignments.removeAll { $0.project == "B" }
        #expect(try rules(plan, scenario) == [.pin])
    }

    @Test func formatProblemsAreReported() throws {
        var plan = CheckerFixture.validPlan()
        plan.projects.append(ProjectDecision(id: "ghost", selected: false))
        plan.assignments.append(plan.assignments[0])
        let check = PlanChecker.check(plan, for: try CheckerFixture.problem())
        #expect(check.violations.map(\.rule) == [.format, .format, .coverage])
        #expect(check.violations[0].message.contains("ghost"))
        #expect(check.violations[1].message.contains("repeats"))
    }

    @Test func missingProjectsAndStartsAreFormatErrors() throws {
        var plan = CheckerFixture.validPlan()
        plan.projects[2] = ProjectDecision(id: "M", selected: true)
        plan.projects.remove(at: 1)
        plan.assignments.removeAll { $0.project == "B" }
        let messages = PlanChecker.check(plan, for: try CheckerFixture.problem()).violations.map(\.message)
        #expect(messages.contains { $0.contains("selected project 'M' has no start") })
        #expect(messages.contains { $0.contains("'B' is missing") })
    }

    @Test func anInfeasiblePlanIsNotValid() throws {
        let plan = Plan(status: .infeasible, projects: [])
        #expect(!PlanChecker.check(plan, for: try CheckerFixture.problem()).isValid)
    }

    @Test func aBoundBelowTheObjectiveIsWrong() throws {
        var plan = CheckerFixture.validPlan()
        plan.objective = 100
        plan.bound = 50
        #expect(try rules(plan) == [.format])
    }
}
