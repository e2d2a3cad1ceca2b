// The checker on format v3's supply (Part B): rules 14 and 15 as the plan states its hires and
// courses, a hire's capacity from its start, a course's hours and the level it gives, and the
// objective's hiring and training terms.
import CapacityPlanning
import Testing

@Suite("Format version 3: the checker and the objective with supply")
struct SupplyPlanCheckerTests {
    /// One data project that only hires or a trained Ben can staff; an hour costs 100 from Ben.
    static let problem: PlanningProblem? = try? PlanningProblem(Scenario(
        version: 3, horizon: Horizon(periods: 6),
        people: [Person(id: "ben", skills: ["data": 1], capacity: .constant(40), costPerHour: 100)],
        projects: [Project(id: "model", value: 50_000, duration: 2, earliestStart: 3,
                           demands: [Demand(id: "data", skill: "data", minLevel: 3, hours: .constant(30))])],
        hiring: [Role(id: "eng", skills: ["data": 4], capacity: 40, costPerHour: 50, hireCost: 1_000,
                      earliestStart: 2, maxHires: 2)],
        training: [Course(id: "ben-data", person: "ben", skill: "data", level: 3, duration: 2,
                          hoursPerPeriod: 10, cost: 500)]))

    static func plan(hires: [Hire]? = nil, training: [CourseTaken]? = nil, person: String) -> Plan {
        Plan(status: .feasible,
             projects: [ProjectDecision(id: "model", selected: true, start: 3)],
             assignments: [Assignment(person: person, project: "model", demand: "data", period: 3, hours: 30),
                           Assignment(person: person, project: "model", demand: "data", period: 4, hours: 30)],
             hires: hires, training: training)
    }

    @Test func aHireWorksFromItsStartAndCostsItsSalaryToTheEnd() throws {
        let problem = try #require(Self.problem)
        let check = PlanChecker.check(Self.plan(hires: [Hire(role: "eng", start: 3, count: 1)], person: "eng#1"), for: problem)
        #expect(check.isValid, "\(check.violations)")
        #expect(check.objective.hiringCost.map { abs($0 - 7_000) < 1e-9 } == true)  // 1,000 + 40 h × 50 × periods 3, 4, 5
        #expect(check.objective.staffCost == 0)                     // a hire's hours cost nothing more
        #expect(check.objective.total == 50_000 - 7_000)
        // Hired a period later, its hours in period 3 are over a capacity of 0 (rule 6).
        let late = PlanChecker.check(Self.plan(hires: [Hire(role: "eng", start: 4, count: 1)], person: "eng#1"), for: problem)
        #expect(late.violations.contains { $0.rule == .capacity && $0.periods == [3] })
    }

    @Test func theHireEntriesAreRule14s() throws {
        let problem = try #require(Self.problem)
        let cases: [([Hire], String)] = [
            ([Hire(role: "ops", start: 3, count: 1)], "role 'ops'"),
            ([Hire(role: "eng", start: 3, count: 0)], "count is at least 1"),
            ([Hire(role: "eng", start: 3, count: 1), Hire(role: "eng", start: 3, count: 1)], "repeats role 'eng'"),
            ([Hire(role: "eng", start: 3, count: 3)], "the role allows 2"),
            ([Hire(role: "eng", start: 1, count: 1)], "start in 2…5"),
        ]
        for (hires, phrase) in cases {
            let violations = PlanChecker.check(Self.plan(hires: hires, person: "eng#1"), for: problem).violations
            #expect(violations.contains { $0.rule == .hires && $0.message.contains(phrase) }, "\(hires): \(violations)")
            #expect(violations.allSatisfy { $0.description.hasPrefix("rule ") || $0.rule == .format })
        }
        #expect(PlanViolation.Rule.hires.description == "rule 14 (hires)")
        #expect(PlanViolation.Rule.training.description == "rule 15 (training)")
    }

    @Test func aCourseQualifiesFromThePeriodAfterItsEndAndTakesItsHours() throws {
        let problem = try #require(Self.problem)
        let inTime = PlanChecker.check(Self.plan(training: [CourseTaken(course: "ben-data", start: 1)], person: "ben"), for: problem)
        #expect(inTime.isValid, "\(inTime.violations)")
        #expect(inTime.objective.trainingCost == 500 && inTime.objective.staffCost == 60 * 100)
        // Ending in period 3, it qualifies Ben only from 4: period 3 breaks rule 4.
        let late = PlanChecker.check(Self.plan(training: [CourseTaken(course: "ben-data", start: 2)], person: "ben"), for: problem)
        #expect(late.violations.contains { $0.rule == .eligibility && $0.periods == [3] })
        #expect(!late.violations.contains { $0.rule == .eligibility && $0.periods == [4] })
        // Without it Ben never qualifies; twice, or unknown, is rule 15.
        #expect(PlanChecker.check(Self.plan(person: "ben"), for: problem).violations.filter { $0.rule == .eligibility }.count == 2)
        let twice = PlanChecker.check(Self.plan(training: [CourseTaken(course: "ben-data", start: 1),
                                                           CourseTaken(course: "ben-data", start: 1)], person: "ben"), for: problem)
        #expect(twice.violations.contains { $0.rule == .training })
        let unknown = PlanChecker.check(Self.plan(training: [CourseTaken(course: "ml", start: 1)], person: "ben"), for: problem)
        #expect(unknown.violations.contains { $0.rule == .training && $0.message.contains("'ml'") })
        // Ending after the horizon is rule 15 too.
        let over = PlanChecker.check(Self.plan(training: [CourseTaken(course: "ben-data", start: 5)], person: "ben"), for: problem)
        #expect(over.violations.contains { $0.rule == .training })
    }

    @Test func courseHoursCountAgainstTheUsableCapacity() throws {
        let problem = try #require(Self.problem)
        // Running in 3–4 the course's 10 h and the project's 30 h fit Ben's 40 — but he is not qualified yet.
        var plan = Self.plan(training: [CourseTaken(course: "ben-data", start: 1)], person: "ben")
        plan.assignments = plan.assignments.map { var a = $0; a.hours = 35; return a }
        // 35 h of 30 demanded is over the demand (rule 5), not capacity: 35 ≤ 40 after the course ended.
        #expect(!PlanChecker.check(plan, for: problem).violations.contains { $0.rule == .capacity })
        let running = Self.plan(training: [CourseTaken(course: "ben-data", start: 2)], person: "ben")
        var heavy = running
        heavy.assignments = [Assignment(person: "ben", project: "model", demand: "data", period: 3, hours: 35)]
        #expect(PlanChecker.check(heavy, for: problem).violations.contains { $0.rule == .capacity && $0.periods == [3] })
    }
}

@Suite("Format version 3: supply at its edges")
struct SupplyEdgeTests {
    @Test("a person named like a hire of a declared role is an error at the person, not a crash")
    func personWithAHiresName() throws {
        let scenario = Scenario(
            version: 3, horizon: Horizon(periods: 4),
            people: [Person(id: "dev#1", skills: ["data": 3], capacity: .constant(40), costPerHour: 10)],
            projects: [Project(id: "p", value: 1_000, duration: 1, demands: [Demand(skill: "data", hours: .constant(10))])],
            status: Status(period: 1, actuals: []),
            hiring: [Role(id: "dev", skills: ["data": 4], capacity: 40, maxHires: 1)])
        #expect(throws: ScenarioError.self) { try PlanningProblem(scenario) }
        let issues = scenario.validate().filter { $0.severity == .error }
        #expect(issues.contains { $0.path == "people[0].id" && $0.message.contains("hire of role 'dev'") }, "\(issues)")
    }

    @Test("a role of tiny capacity on a huge line does not overflow the count of useful hires")
    func tinyCapacity() throws {
        let problem = try PlanningProblem(Scenario(
            version: 3, horizon: Horizon(periods: 4),
            people: [Person(id: "ana", skills: ["x": 1], capacity: .constant(40), costPerHour: 10)],
            projects: [Project(id: "p", value: 1_000, duration: 1, demands: [Demand(skill: "x", minLevel: 3, work: 1e15)],
                               maxDuration: 4)],
            hiring: [Role(id: "r", skills: ["x": 3], capacity: 0.00001, maxHires: 1)]))
        #expect(problem.roles.first?.usefulHires == 1)
    }

    @Test("a plan hiring absurdly many is a rule 14 violation, read without allocating them all")
    func absurdCounts() throws {
        let problem = try #require(SupplyPlanCheckerTests.problem)
        var plan = SupplyPlanCheckerTests.plan(hires: (0..<4).map { Hire(role: "eng", start: 2 + $0 % 4, count: Int.max) }, person: "eng#1")
        plan.hires?.append(Hire(role: "eng", start: 5, count: Int.max))
        let violations = PlanChecker.check(plan, for: problem).violations
        #expect(violations.contains { $0.rule == .hires && $0.message.contains("the role allows 2") })
    }

    @Test("a pin on a person only a course qualifies counts the course's line")
    func pinAfterACourse() throws {
        let problem = try PlanningProblem(Scenario(
            version: 3, horizon: Horizon(periods: 6),
            people: [Person(id: "ada", skills: ["data": 1], capacity: .constant(40), costPerHour: 10)],
            projects: [Project(id: "p", value: 50_000, duration: 2, earliestStart: 3,
                               demands: [Demand(id: "d", skill: "data", minLevel: 3, hours: .constant(10))])],
            pins: [Pin(person: "ada", project: "p", period: 4, hours: 10)],
            training: [Course(id: "ada-data", person: "ada", skill: "data", level: 3, duration: 2)]))
        #expect(problem.pins.first?.countingDemands == [0])
        #expect(problem.structuralInfeasibilities.isEmpty, "\(problem.structuralInfeasibilities)")
    }
}
