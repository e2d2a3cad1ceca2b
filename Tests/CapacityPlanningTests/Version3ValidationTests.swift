// Scenario validation of format v3's portfolio in flight (spec v3 section 5, Part A): each error
// at its path, and the warnings.
import CapacityPlanning
import Testing

@Suite("Format version 3: validation of the portfolio in flight")
struct Version3ValidationTests {
    /// Week 2 of a six-week horizon: `erp` started in 0 with actuals, `crm` not started.
    static func scenario() -> Scenario {
        Scenario(
            version: 3, horizon: Horizon(periods: 6),
            people: [Person(id: "ana", skills: ["backend": 4], capacity: .constant(40), costPerHour: 100)],
            projects: [
                Project(id: "erp", value: 1000, duration: 3, demands: [Demand(id: "backend", skill: "backend", work: 60)],
                        started: 0, maxDuration: 5),
                Project(id: "crm", value: 1000, duration: 2, demands: [Demand(skill: "backend", hours: .constant(10))]),
            ],
            status: Status(period: 2, actuals: [Actual(person: "ana", project: "erp", demand: "backend", period: 1, hours: 30)]),
            synergies: [Synergy(projects: ["erp", "crm"], value: 500)])
    }

    /// The errors' paths after `change`.
    static func errors(_ change: (inout Scenario) -> Void) -> [String] {
        var scenario = scenario()
        change(&scenario)
        return scenario.validate().filter { $0.severity == .error }.map(\.path)
    }

    static func warnings(_ change: (inout Scenario) -> Void) -> [String] {
        var scenario = scenario()
        change(&scenario)
        return scenario.validate().filter { $0.severity == .warning }.map(\.message)
    }

    @Test("the base scenario is valid and builds a problem with the status period and the actuals' spend")
    func valid() throws {
        #expect(Self.errors { _ in } == [])
        let problem = try PlanningProblem(Self.scenario())
        #expect(problem.statusPeriod == 2 && problem.actualSpend == 3000 && problem.isInFlight)
        #expect(problem.projects[0].startRange == 0...0 && problem.projects[1].startRange == 2...4)
        #expect(problem.demands[0].totalHours == 60 && problem.demands[0].hours.isEmpty)
    }

    @Test("actuals: unknown person or demand, a project not started, a period not in the past or before the start, twice")
    func actuals() {
        #expect(Self.errors { $0.status?.actuals[0].person = "bo" } == ["status.actuals[0].person"])
        #expect(Self.errors { $0.status?.actuals[0].demand = "qa" } == ["status.actuals[0].demand"])
        #expect(Self.errors { $0.status?.actuals[0].project = "crm"; $0.status?.actuals[0].demand = "backend" }
                == ["status.actuals[0].project"])
        #expect(Self.errors { $0.status?.actuals[0].period = 2 } == ["status.actuals[0].period"])
        #expect(Self.errors { $0.projects[0].started = 1; $0.status?.actuals[0].period = 0 } == ["status.actuals[0].period"])
        #expect(Self.errors { $0.status?.actuals.append(Actual(person: "ana", project: "erp", demand: "backend", period: 1, hours: 5)) }
                == ["status.actuals[1]"])
        #expect(Self.errors { $0.status?.actuals[0].hours = 0 } == ["status.actuals[0].hours"])
    }

    @Test("lines: maxPerPeriod on a fixed line, work below 0; probability of a started project; an unknown synergy project")
    func linesAndProbabilities() {
        #expect(Self.errors { $0.projects[1].demands[0].maxPerPeriod = 5 } == ["projects[1].demands[0].maxPerPeriod"])
        #expect(Self.errors { $0.projects[0].demands[0].work = -1 } == ["projects[0].demands[0].work"])
        #expect(Self.errors { $0.projects[0].demands[0].maxPerPeriod = 0 } == ["projects[0].demands[0].maxPerPeriod"])
        #expect(Self.errors { $0.projects[0].probability = 0.9 } == ["projects[0].probability"])
        #expect(Self.errors { $0.projects[1].probability = 0 } == ["projects[1].probability"])
        #expect(Self.errors { $0.projects[1].latePenaltyPerPeriod = -5 } == ["projects[1].latePenaltyPerPeriod"])
        #expect(Self.errors { $0.synergies[0].projects[1] = "hr" } == ["synergies[0].projects[1]"])
        #expect(Self.errors { $0.synergies[0].projects = ["erp", "erp"] } == ["synergies[0].projects"])
        #expect(Self.errors { $0.synergies[0].value = .infinity } == ["synergies[0].value"])
    }

    @Test("a project not started cannot start before the status period: mandatory it is an error, else a warning")
    func cannotFitAfterStatus() {
        #expect(Self.errors { $0.projects[1].deadline = 2 } == [])
        #expect(Self.warnings { $0.projects[1].deadline = 2 }.contains { $0.contains("status period 2 + duration 2 - 1 > deadline 2") })
        #expect(Self.errors { $0.projects[1].deadline = 2; $0.projects[1].mandatory = true } == ["projects[1]"])
        // A started project's dependencies are history: one that can never be selected does not block it.
        #expect(Self.errors {
            $0.projects[0].mandatory = true
            $0.projects[0].dependsOn = ["crm"]
            $0.projects[1].deadline = 2
        } == [])
    }

    @Test("warnings: actuals above capacity, nothing left to do, a project twice in a synergy, a synergy of alternatives")
    func warnings() {
        #expect(Self.warnings { $0.status?.actuals[0].hours = 50 }.contains { $0.contains("the past is what it was") })
        #expect(Self.warnings { $0.projects[0].demands[0].work = 0 }.contains { $0.contains("nothing left to do") })
        #expect(Self.warnings { $0.synergies[0].projects.append("crm") }.contains { $0.contains("named twice") })
        #expect(Self.warnings { $0.version = 3; $0.projects[1].excludes = ["erp"] }.contains { $0.contains("exclude each other") })
    }

    @Test("a started project: its earliestStart may lie past its window, past freezes and its dependencies do not block it")
    func startedProjectEdges() throws {
        var scenario = Self.scenario()
        scenario.horizon.periods = 10
        scenario.projects[0].earliestStart = 9  // ignored for a started project (it was a crash)
        scenario.projects[0].touches = ["erp-system"]
        scenario.systems = [System(id: "erp-system", freezes: [1])]  // frozen in its past only
        scenario.projects[0].dependsOn = ["crm"]
        scenario.projects[0].excludes = ["crm"]
        #expect(scenario.validate().filter { $0.severity == .error }.isEmpty)
        let problem = try PlanningProblem(scenario)
        #expect(problem.projects[0].startRange == 0...0 && problem.projects[0].closedStarts.isEmpty)
        #expect(problem.projects[0].canBeSelected)
    }

    @Test("a pinned period narrows a flexible project's starts by its longest span, and never moves a started one")
    func pinsAndSpans() throws {
        var scenario = Self.scenario()
        scenario.pins = [Pin(person: "ana", project: "erp", period: 5, hours: 10),
                         Pin(person: "ana", project: "crm", period: 4, hours: 5)]
        scenario.projects[1].maxDuration = 4
        let problem = try PlanningProblem(scenario)
        #expect(problem.projects[0].startRange == 0...0)
        #expect(problem.projects[1].startRange == 2...4)
    }

    @Test("a started project of enormous duration with nothing left is warned about at once, not walked period by period")
    func nothingLeftOfAHugeProject() {
        let warnings = Self.warnings {
            $0.projects[0].duration = 9_007_199_254_740_991
            $0.projects[0].maxDuration = nil
            $0.projects[0].demands = [Demand(skill: "backend", hours: .constant(0))]
        }
        #expect(warnings.contains { $0.contains("nothing left to do") })
    }
}
