import Testing
import CapacityPlanning

@Suite("Normalised planning problem")
struct PlanningProblemTests {
    @Test func usableCapacityAppliesTheUtilisationCap() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 3),
            people: [Person(id: "a", capacity: .perPeriod([40, 0, 20]))],
            projects: [], policy: Policy(utilizationCap: 0.5))
        let problem = try PlanningProblem(scenario)
        #expect(problem.people[0].capacity == [20, 0, 10])
    }

    @Test func eligiblePeopleAreThoseAtOrAboveTheLevel() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 2),
            people: [
                Person(id: "junior", skills: ["data": 2], capacity: .constant(40)),
                Person(id: "senior", skills: ["data": 4], capacity: .constant(40)),
                Person(id: "other", skills: ["qa": 5], capacity: .constant(40)),
            ],
            projects: [Project(id: "p", duration: 1, demands: [
                Demand(skill: "data", minLevel: 3, hours: .constant(5)),
                Demand(id: "any", skill: "data", hours: .constant(5)),
            ])])
        let problem = try PlanningProblem(scenario)
        #expect(problem.demands[0].eligiblePeople == [1])
        #expect(problem.demands[1].eligiblePeople == [0, 1])
        #expect(problem.demandIndex(projectID: "p", demandID: "any") == 1)
        #expect(problem.demandIndex(projectID: "p", demandID: "data") == 0)
    }

    @Test("cheapest staffing: each hour at its cheapest qualified rate; nobody qualified, no staff money; mandatory pays min(rate, penalty)")
    func cheapestStaffingHasOneRule() throws {
        let people = [
            Person(id: "cheap", skills: ["data": 2], capacity: .constant(40), costPerHour: 50),
            Person(id: "dear", skills: ["data": 5, "qa": 5], capacity: .constant(40), costPerHour: 120),
        ]
        let demands = [
            Demand(skill: "data", hours: .constant(10)),               // 10 h at 50
            Demand(id: "senior", skill: "data", minLevel: 4, hours: .constant(5)),  // 5 h at 120
            Demand(skill: "ml", hours: .constant(3)),                  // nobody: 3 h unstaffable
        ]
        let scenario = Scenario(
            horizon: Horizon(periods: 2), people: people,
            projects: [Project(id: "optional", value: 5_000, duration: 1, demands: demands),
                       Project(id: "mandatory", mandatory: true, duration: 1, demands: demands),
                       Project(id: "staffable", value: 5_000, duration: 1, demands: Array(demands.prefix(2)))],
            policy: Policy(unmetPenaltyPerHour: 100))
        let problem = try PlanningProblem(scenario)
        let (optional, mandatory, staffable) = (problem.projects[0], problem.projects[1], problem.projects[2])
        #expect(optional.cheapestStaffingCost == 1_100)  // 10 × 50 + 5 × 120
        #expect(optional.unstaffableHours == 3 && !optional.fullyStaffable)
        #expect(optional.leastObjectiveCost == optional.cheapestStaffingCost)
        #expect(staffable.fullyStaffable && staffable.cheapestStaffingCost == 1_100)
        // Mandatory: the senior hours cost the penalty (100 < 120), the unstaffable ones too.
        #expect(mandatory.cheapestStaffingCost == 1_100)
        #expect(mandatory.leastObjectiveCost == 1_300)  // 10 × 50 + 5 × 100 + 3 × 100
    }

    @Test func startRangesFollowWindowsDependenciesAndPins() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 10),
            people: [Person(id: "a", skills: ["x": 1], capacity: .constant(40))],
            projects: [
                Project(id: "first", duration: 3, earliestStart: 1),
                Project(id: "second", duration: 2, deadline: 8, dependsOn: ["first"]),
                Project(id: "late", mandatory: true, duration: 2, deadline: 7, dependsOn: ["second"]),
                Project(id: "never", duration: 5, earliestStart: 7),
                Project(id: "blocked", duration: 1, dependsOn: ["never"]),
                Project(id: "pinned", duration: 3, demands: [Demand(skill: "x", hours: .constant(1))]),
            ],
            pins: [Pin(person: "a", project: "pinned", period: 4, hours: 1)])
        let problem = try PlanningProblem(scenario)
        let ranges = problem.projects.map(\.startRange)
        // first: window 1…7; the required chain late ← second ← first pulls it back:
        // late ≤ 6, so second ≤ 4, so first ≤ 1.
        #expect(ranges[0] == 1...1)
        #expect(ranges[1] == 4...4)
        #expect(ranges[2] == 6...6)
        #expect(ranges[3] == nil)
        #expect(ranges[4] == nil)
        #expect(ranges[5] == 2...4)
        #expect(problem.projects.map(\.required) == [true, true, true, false, false, true])
        #expect(problem.projects[3].windowStarts == nil)
        let order = problem.topologicalOrder
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        #expect((position[0] ?? 0) < (position[1] ?? 0))
        #expect((position[1] ?? 0) < (position[2] ?? 0))
    }

    @Test func baselineIsMappedAndOrphansAreLeftOut() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 3),
            people: [Person(id: "a", skills: ["x": 1], capacity: .constant(40))],
            projects: [Project(id: "p", duration: 2, demands: [Demand(skill: "x", hours: .constant(10))])],
            baseline: Baseline(
                projects: [ProjectDecision(id: "p", selected: true, start: 1), ProjectDecision(id: "gone", selected: true, start: 0)],
                assignments: [
                    Assignment(person: "a", project: "p", demand: "x", period: 1, hours: 10),
                    Assignment(person: "b", project: "p", demand: "x", period: 1, hours: 10),
                    Assignment(person: "a", project: "p", demand: "x", period: 9, hours: 10),
                ]))
        let problem = try PlanningProblem(scenario)
        #expect(problem.baseline.starts == [0: 1])
        #expect(problem.baseline.hours == [CellKey(person: 0, demand: 0, period: 1): 10])
        #expect(problem.baseline.totalHours == 10)
    }

    @Test func pinsCountOnlyDemandsThePersonQualifiesFor() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 2),
            people: [Person(id: "a", skills: ["x": 2], capacity: .constant(40))],
            projects: [Project(id: "p", duration: 1, demands: [
                Demand(skill: "x", minLevel: 3, hours: .constant(1)),
                Demand(id: "easy", skill: "x", hours: .constant(1)),
            ])],
            pins: [Pin(person: "a", project: "p", hours: 1)])
        let problem = try PlanningProblem(scenario)
        #expect(problem.pins[0].countingDemands == [1])
    }
}

@Suite("Normalised problem: extreme but valid input")
struct PlanningProblemExtremeTests {
    @Test func aHugeDurationIsCutToTheHorizonNotAllocated() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 4),
            people: [Person(id: "a", skills: ["x": 1], capacity: .constant(40))],
            projects: [
                Project(id: "forever", duration: (1 << 53) - 1, dependsOn: [], demands: [Demand(skill: "x", hours: .constant(1))]),
                Project(id: "after", duration: (1 << 53) - 1, dependsOn: ["forever"]),
            ])
        let problem = try PlanningProblem(scenario)
        #expect(problem.projects.map(\.canBeSelected) == [false, false])
        #expect(problem.demands[0].hours.count == 4)
        // A plan from outside that selects it anyway is judged, not crashed on.
        let plan = Plan(status: .feasible, projects: [
            ProjectDecision(id: "forever", selected: true, start: Int.max),
            ProjectDecision(id: "after", selected: true, start: Int.min),
        ])
        let rules = Set(PlanChecker.check(plan, for: problem).violations.map(\.rule))
        #expect(rules == [.window, .dependency])
    }

    @Test func tooManyPeriodsIsAClearError() {
        let scenario = Scenario(horizon: Horizon(periods: Scenario.maxPeriods + 1), people: [], projects: [])
        #expect(throws: ScenarioError.self) { try PlanningProblem(scenario) }
        let issues = scenario.validate()
        #expect(issues.contains { $0.path == "horizon.periods" && $0.message.contains("at most") })
    }
}
