// The plan rules and objective of format v3's portfolio in flight (spec v3 sections 2–4): a plan
// written by hand at each fixture's proven optimum is valid with exactly that objective, and each
// changed rule catches what it forbids.
import CapacityPlanning
import Foundation
import Testing

@Suite("Format version 3: the checker and the objective of the portfolio in flight")
struct Version3PlanCheckerTests {
    static func problem(_ name: String) throws -> PlanningProblem {
        let data = try Data(contentsOf: SharedFiles.fixtures(version: 3).appendingPathComponent(name))
        return try PlanningProblem(try Scenario(json: data))
    }

    static func optimum(_ name: String) throws -> Double {
        let data = try Data(contentsOf: SharedFiles.fixtures(version: 3).appendingPathComponent("expected.json"))
        let expected = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        return try #require((expected[name]?["optimalObjective"] as? NSNumber)?.doubleValue)
    }

    /// Hours of `person` on `demand` of `project` in each of `periods`.
    static func work(_ person: String, _ project: String, _ demand: String, _ periods: ClosedRange<Int>,
                     _ hours: Double) -> [Assignment] {
        periods.map { Assignment(person: person, project: project, demand: demand, period: $0, hours: hours) }
    }

    static func selected(_ id: String, _ start: Int, finish: Int? = nil) -> ProjectDecision {
        ProjectDecision(id: id, selected: true, start: start, finish: finish)
    }

    static func dropped(_ id: String) -> ProjectDecision { ProjectDecision(id: id, selected: false) }

    /// The optimum of `status-actuals-started.json`: erp (started 0, status period 2) finishes one
    /// period late, its 60 h left done by ben in 3 and 4 (ana would overrun its budget after the actuals).
    static let erpPlan = Plan(status: .feasible, projects: [selected("erp", 0, finish: 4)],
                              assignments: work("ben", "erp", "backend", 3...4, 30))

    /// Each Part A fixture with the plan a PMO would write for its proven optimum.
    static let optimalPlans: [(name: String, plan: Plan)] = [
        ("flexible-finish-late.json",
         Plan(status: .feasible, projects: [selected("migration", 0, finish: 2)],
              assignments: work("ana", "migration", "backend", 0...2, 40))),
        ("synergy-positive.json",
         Plan(status: .feasible, projects: [selected("payroll", 0), selected("expenses", 2)],
              assignments: work("fin", "payroll", "erp", 0...1, 40) + work("fin", "expenses", "erp", 2...3, 40))),
        ("synergy-negative.json",
         Plan(status: .feasible, projects: [selected("web-shop", 0), dropped("marketplace")],
              assignments: work("dev", "web-shop", "web", 0...2, 30))),
        ("probability-tentative.json",
         Plan(status: .feasible, projects: [dropped("apac-launch"), selected("crm-upgrade", 0)],
              assignments: work("ana", "crm-upgrade", "backend", 0...2, 40))),
        ("due-late-vs-cost-of-delay.json",
         Plan(status: .feasible, projects: [selected("reg-reporting", 2), selected("growth-app", 0)],
              assignments: work("pia", "growth-app", "pm", 0...1, 40) + work("pia", "reg-reporting", "pm", 2...3, 40))),
        ("cancel-started.json",
         Plan(status: .feasible, projects: [dropped("legacy-portal"), selected("new-api", 2)],
              assignments: work("ana", "new-api", "backend", 2...4, 40))),
        ("status-actuals-started.json", erpPlan),
    ]

    @Test("a plan at each Part A fixture's proven optimum is valid and its objective is that optimum",
          arguments: optimalPlans.map(\.name))
    func optimumByHand(_ name: String) throws {
        let problem = try Self.problem(name)
        let plan = try #require(Self.optimalPlans.first { $0.name == name }?.plan)
        let check = PlanChecker.check(plan, for: problem)
        #expect(check.isValid, "\(check.violations)")
        #expect(abs(check.objective.total - (try Self.optimum(name))) < 1e-6, "\(check.objective)")
    }

    static func plan(for name: String) throws -> Plan {
        try #require(optimalPlans.first { $0.name == name }?.plan)
    }

    @Test("the terms: value and delay times the probability, late periods priced, synergies times Π p")
    func terms() throws {
        let erp = PlanChecker.check(Self.erpPlan, for: try Self.problem("status-actuals-started.json")).objective
        #expect(erp.value == 40000 && erp.lateCost == 2000 && erp.staffCost == 3600 && erp.synergyValue == 0)

        var flexible = try Self.problem("flexible-finish-late.json").scenario
        flexible.projects[0].probability = 0.5
        let late = PlanChecker.check(try Self.plan(for: "flexible-finish-late.json"), for: try PlanningProblem(flexible))
        #expect(late.isValid)
        #expect(late.objective.value == 15000 && late.objective.delayCost == 500 && late.objective.staffCost == 12000)

        var synergy = try Self.problem("synergy-positive.json").scenario
        synergy.projects[1].probability = 0.5
        let terms = PlanChecker.check(try Self.plan(for: "synergy-positive.json"), for: try PlanningProblem(synergy)).objective
        #expect(terms.value == 10000 + 0.5 * 5000)
        #expect(terms.synergyValue == 0.5 * 5000)

        // A scenario without the portfolio in flight has neither version-3 term.
        let v2 = try PlanningProblem(try Scenario(json: Data(contentsOf: SharedFiles.fixtures(version: 2)
            .appendingPathComponent("everything.json"))))
        let none = ObjectiveBreakdown(allocation: Allocation(projectCount: v2.projects.count), problem: v2)
        #expect(none.lateCost == nil && none.synergyValue == nil)
    }

    /// The rules a changed erp plan breaks.
    static func rules(_ change: (inout Plan) -> Void) throws -> Set<PlanViolation.Rule> {
        var plan = erpPlan
        change(&plan)
        return Set(PlanChecker.check(plan, for: try problem("status-actuals-started.json")).violations.map(\.rule))
    }

    @Test("a started project keeps its start; nothing is planned before the status period (rule 13)")
    func status() throws {
        #expect(try Self.rules { $0.projects[0].start = 2 }.contains(.status))
        #expect(try Self.rules {
            $0.assignments = Self.work("ben", "erp", "backend", 1...1, 20) + Self.work("ben", "erp", "backend", 3...4, 20)
        } == [.status])
        let cancel = try Self.problem("cancel-started.json")
        var early = try Self.plan(for: "cancel-started.json")
        early.projects[1].start = 1
        early.assignments = Self.work("ana", "new-api", "backend", 1...3, 40)
        #expect(PlanChecker.check(early, for: cancel).violations.map(\.rule).contains(.status))
    }

    @Test("a span between duration and maxDuration, by the deadline; a finish only on a selected project (rule 2)")
    func span() throws {
        #expect(try Self.rules { $0.projects[0].finish = 2 } .contains(.window))  // 3 periods < duration 4
        #expect(try Self.rules { $0.projects[0].finish = 5 } == [.window])  // 6 periods > maxDuration 5
        #expect(try Self.rules { $0.projects[0].finish = 3 } == [.eligibility])  // ben's hours in 4 are after it
        let cancel = try Self.problem("cancel-started.json")
        var plan = try Self.plan(for: "cancel-started.json")
        plan.projects[0].finish = 4
        #expect(PlanChecker.check(plan, for: cancel).violations.map(\.rule) == [.format])
    }

    @Test("a flexible line: at most maxPerPeriod a period and work in total; short only when mandatory (rule 5)")
    func flexibleCoverage() throws {
        #expect(try Self.rules { $0.assignments = Self.work("ben", "erp", "backend", 3...3, 40) + Self.work("ben", "erp", "backend", 4...4, 20) }
                == [.coverage])
        #expect(try Self.rules { $0.assignments = Self.work("ben", "erp", "backend", 2...4, 30) }.contains(.coverage))
        // erp is mandatory: short is allowed, and priced as unmet hours.
        let short = PlanChecker.check(Plan(status: .feasible, projects: [Self.selected("erp", 0, finish: 4)],
                                           assignments: Self.work("ben", "erp", "backend", 3...3, 30)),
                                      for: try Self.problem("status-actuals-started.json"))
        #expect(short.isValid && short.objective.unmetHours == 30)
        // legacy-portal is not mandatory: 80 of its 160 h is short.
        let cancel = try Self.problem("cancel-started.json")
        let half = Plan(status: .feasible, projects: [Self.selected("legacy-portal", 0, finish: 3), Self.dropped("new-api")],
                        assignments: Self.work("ana", "legacy-portal", "backend", 2...3, 40))
        #expect(PlanChecker.check(half, for: cancel).violations.map(\.rule) == [.coverage])
    }

    @Test("a project's budget counts its actuals (rule 8)")
    func budgetWithActuals() throws {
        // ana's 60 h cost 6,000, under erp's 10,000 alone, over it after the 6,000 of actuals.
        let broken = try Self.rules { $0.assignments = Self.work("ana", "erp", "backend", 3...4, 30) }
        #expect(broken == [.budget])
    }

    @Test("dependencies on the finish (rule 3); systems active from the status period to the finish (rule 10)")
    func dependencyAndSystems() throws {
        let scenario = Scenario(
            version: 3, horizon: Horizon(periods: 6),
            people: [Person(id: "ann", skills: ["dev": 3], capacity: .constant(40))],
            projects: [
                Project(id: "a", value: 100, duration: 1, demands: [Demand(skill: "dev", work: 60, maxPerPeriod: 20)],
                        touches: ["pay"], maxDuration: 3),
                Project(id: "b", value: 100, duration: 1, dependsOn: ["a"], demands: [Demand(skill: "dev", hours: .constant(10))]),
            ],
            systems: [System(id: "pay", freezes: [4])])
        let problem = try PlanningProblem(scenario)
        func plan(finishA: Int, startB: Int) -> Plan {
            Plan(status: .feasible, projects: [Self.selected("a", finishA - 2, finish: finishA), Self.selected("b", startB)],
                 assignments: Self.work("ann", "a", "dev", (finishA - 2)...finishA, 20) + Self.work("ann", "b", "dev", startB...startB, 10))
        }
        #expect(PlanChecker.check(plan(finishA: 2, startB: 3), for: problem).isValid)
        #expect(PlanChecker.check(plan(finishA: 2, startB: 2), for: problem).violations.map(\.rule).contains(.dependency))
        #expect(PlanChecker.check(plan(finishA: 4, startB: 5), for: problem).violations.map(\.rule) == [.system])
    }

    @Test("a version-3 scenario without Part A reads no finish: the plan means what it means in version 2")
    func noFinishWithoutPartA() throws {
        let data = try Data(contentsOf: SharedFiles.fixtures(version: 3).appendingPathComponent("no-new-keys.json"))
        let problem = try PlanningProblem(try Scenario(json: data))
        #expect(!problem.isInFlight)
        let j = try #require(problem.projects.first { $0.duration > 1 && $0.canBeSelected })
        let start = try #require(j.startRange?.lowerBound)
        var plan = Plan(status: .feasible, projects: problem.projects.map { ProjectDecision(id: $0.id, selected: false) })
        plan.projects[j.index] = ProjectDecision(id: j.id, selected: true, start: start, finish: start)
        let allocation = Allocation(plan: plan, problem: problem)
        #expect(allocation.finish(of: j.index, in: problem) == start + j.duration - 1)
    }

    @Test("the plan's strategy summary counts delay as the objective does: from the earliest finish, times the probability")
    func summaryDelay() throws {
        var scenario = try Self.problem("flexible-finish-late.json").scenario
        scenario.projects[0].probability = 0.5
        let problem = try PlanningProblem(scenario)
        let allocation = Allocation(plan: try Self.plan(for: "flexible-finish-late.json"), problem: problem)
        #expect(StrategySummary(allocation: allocation, problem: problem).delayCost
                == ObjectiveBreakdown(allocation: allocation, problem: problem).delayCost)
    }
}
