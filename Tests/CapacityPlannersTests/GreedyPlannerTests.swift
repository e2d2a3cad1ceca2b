import CapacityPlanners
import CapacityPlanning
import ScenarioGeneration
import Foundation
import Synchronization
import Testing

// MARK: - Helpers

/// Plans with the greedy planner and requires the checker to accept the plan.
private func greedyPlan(_ scenario: Scenario, moveLimit: Int? = nil, seed: UInt64 = 0,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> (Plan, PlanningProblem) {
    let problem = try PlanningProblem(scenario)
    let plan = try GreedyPlanner().plan(problem, options: PlanningOptions(seed: seed, moveLimit: moveLimit))
    let check = PlanChecker.check(plan, for: problem)
    #expect(check.isValid, "\(check.violations)", sourceLocation: sourceLocation)
    return (plan, problem)
}

private extension Plan {
    func decision(_ id: String) -> ProjectDecision? { projects.first { $0.id == id } }
    func isSelected(_ id: String) -> Bool { decision(id)?.selected == true }
    func hours(person: String? = nil, project: String? = nil, period: Int? = nil) -> Double {
        assignments.filter {
            (person == nil || $0.person == person) && (project == nil || $0.project == project)
                && (period == nil || $0.period == period)
        }.reduce(0) { $0 + $1.hours }
    }
}

/// Cells whose hours differ between `a` and `b` (a cell missing on one side counts).
private func cellsThatDiffer(_ a: [CellKey: Double], _ b: [CellKey: Double]) -> Int {
    Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.count
}

/// Whether no valid plan can exist for a structural reason the greedy planner detects.
private func structurallyInfeasible(_ problem: PlanningProblem) -> Bool {
    problem.pins.contains { $0.countingDemands.isEmpty }
        || problem.projects.contains { $0.required && $0.startRange == nil }
}

// MARK: - Fixtures and random scenarios

@Suite("Greedy planner")
struct GreedyPlannerTests {
    @Test("valid plans close to the optimum on every valid v1 and v2 fixture")
    func fixtures() throws {
        let fixtures = Fixture.valid + Fixture.validVersion2
        #expect(fixtures.count >= 25)
        var gaps: [Double] = []
        for fixture in fixtures {
            let problem = try fixture.problem()
            let plan = try GreedyPlanner().plan(problem, options: PlanningOptions())
            let check = PlanChecker.check(plan, for: problem)
            #expect(check.isValid, "\(fixture.name): \(check.violations)")
            #expect(plan.status == .feasible)
            #expect(plan.solver == "greedy")
            let optimum = try #require(fixture.optimalObjective)
            let objective = try #require(plan.objective)
            #expect(isClose(check.objective.total, objective))
            let gap = (optimum - objective) / max(1, abs(optimum))
            gaps.append(gap)
            print("greedy gap \(fixture.name): objective \(objective), optimum \(optimum), shortfall \(String(format: "%.3f", gap * 100)) % (\(plan.details?.note ?? ""))")
            #expect(objective <= optimum + 1e-6 * max(1, abs(optimum)), "\(fixture.name) beats the proven optimum")
            #expect(gap < 0.10, "\(fixture.name): shortfall \(gap)")
        }
        let mean = gaps.reduce(0, +) / Double(max(1, gaps.count))
        print("greedy gap mean \(String(format: "%.3f", mean * 100)) %, max \(String(format: "%.3f", (gaps.max() ?? 0) * 100)) % over \(gaps.count) fixtures")
        #expect(mean < 0.03)
    }

    @Test("1,000 seeded random scenarios covering every feature give valid plans")
    func randomScenarios() throws {
        let all = ScenarioGenerator.Features.all
        var featureCounts = [UInt32: Int]()
        var infeasible = 0
        var planning = Duration.zero
        let clock = ContinuousClock()
        for seed in UInt64(1)...1000 {
            var rng = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15)
            let features: ScenarioGenerator.Features
            switch seed % 4 {
            case 0: features = all
            case 1: features = ScenarioGenerator.Features(rawValue: UInt32(truncatingIfNeeded: rng.next()) & all.rawValue)
            case 2: features = all.subtracting(ScenarioGenerator.Features(rawValue: 1 << UInt32(seed / 4 % 14)))
            default: features = ScenarioGenerator.Features(rawValue: UInt32(truncatingIfNeeded: rng.next() | rng.next()) & all.rawValue)
            }
            for bit in 0..<14 where features.rawValue & (1 << bit) != 0 { featureCounts[UInt32(bit), default: 0] += 1 }
            let people = 3 + Int(rng.next() % 10)
            let projects = 2 + Int(rng.next() % 7)
            let periods = 4 + Int(rng.next() % 9)
            let scenario = ScenarioGenerator(people: people, projects: projects, periods: periods, seed: seed,
                                             features: features).generate()
            let problem = try PlanningProblem(scenario)
            let plan: Plan
            let began = clock.now
            defer { planning += clock.now - began }
            do {
                plan = try GreedyPlanner().plan(problem, options: PlanningOptions(seed: seed, moveLimit: 10))
            } catch {
                Issue.record("seed \(seed) (\(people)×\(projects)×\(periods), features \(features.rawValue)): \(error)")
                continue
            }
            if plan.status == .infeasible {
                infeasible += 1
                #expect(structurallyInfeasible(problem), "seed \(seed): infeasible without a structural reason")
                #expect(plan.objective == nil)
                #expect(plan.details?.diagnosis?.isEmpty == false)
                continue
            }
            let check = PlanChecker.check(plan, for: problem)
            #expect(check.isValid, "seed \(seed) (\(people)×\(projects)×\(periods), features \(features.rawValue)): \(check.violations)")
            #expect(plan.objective.map { isClose($0, check.objective.total) } ?? false)
        }
        for bit in 0..<14 { #expect(featureCounts[UInt32(bit), default: 0] >= 300, "feature bit \(bit) under-covered") }
        print("greedy random scenarios: 1000 planned, \(infeasible) infeasible, \(planning) planning and checking")
    }

    @Test("the same seed gives the same plan")
    func determinism() throws {
        let scenario = ScenarioGenerator(people: 24, projects: 12, periods: 16, seed: 42).generate()
        let problem = try PlanningProblem(scenario)
        let options = PlanningOptions(seed: 7, moveLimit: 600)
        let first = try GreedyPlanner().plan(problem, options: options)
        let second = try GreedyPlanner().plan(problem, options: options)
        #expect(first.projects == second.projects)
        #expect(first.assignments == second.assignments)
        // The objective is summed by `Allocation.plan` over a dictionary, so only its last bits may differ.
        #expect(isClose(first.objective ?? 0, second.objective ?? 1, relative: 1e-12))
        // A fresh problem built from the same scenario (new dictionaries, new hash seeds) changes nothing.
        let third = try GreedyPlanner().plan(try PlanningProblem(scenario), options: options)
        #expect(first.assignments == third.assignments)
    }

    @Test("local search never makes the construction worse")
    func searchImproves() throws {
        for seed in UInt64(1)...20 {
            let problem = try PlanningProblem(ScenarioGenerator(people: 10, projects: 8, periods: 10, seed: seed).generate())
            let built = try GreedyPlanner().plan(problem, options: PlanningOptions(seed: seed, moveLimit: 0))
            let improved = try GreedyPlanner().plan(problem, options: PlanningOptions(seed: seed, moveLimit: 300))
            #expect((improved.objective ?? 0) >= (built.objective ?? 0) - 1e-6, "seed \(seed)")
        }
    }

    @Test func cancellationReturnsAValidPlan() throws {
        let problem = try PlanningProblem(ScenarioGenerator(people: 30, projects: 15, periods: 20, seed: 3).generate())
        // Cancelled before it starts: construction still yields a valid plan.
        let token = PlanningCancellation()
        token.cancel()
        let early = try GreedyPlanner().plan(problem, options: PlanningOptions(moveLimit: 100_000, cancellation: token))
        #expect(PlanChecker.check(early, for: problem).isValid)
        #expect(early.details?.note?.contains("stopped early") == true)

        // Cancelled from the progress callback, mid-search.
        let midway = PlanningCancellation()
        let reports = Mutex(0)
        let progress: @Sendable (PlanningProgress) -> Void = { report in
            let count = reports.withLock { $0 += 1; return $0 }
            #expect(report.planner == "greedy")
            if count >= 3 { midway.cancel() }
        }
        let plan = try GreedyPlanner().plan(
            problem, options: PlanningOptions(moveLimit: 1_000_000, progress: progress, cancellation: midway))
        #expect(PlanChecker.check(plan, for: problem).isValid)
        #expect(reports.withLock { $0 } >= 3)
        #expect(plan.details?.note?.contains("stopped early") == true)
    }

    @Test func timeLimitReturnsAValidPlan() throws {
        let problem = try PlanningProblem(ScenarioGenerator(people: 30, projects: 15, periods: 20, seed: 5).generate())
        let plan = try GreedyPlanner().plan(problem, options: PlanningOptions(timeLimit: 0, moveLimit: 1_000_000))
        #expect(PlanChecker.check(plan, for: problem).isValid)
        #expect(plan.status == .feasible)
    }

    @Test func invalidOptionsAreRejected() throws {
        let problem = try PlanningProblem(Scenario(horizon: Horizon(periods: 1), people: [], projects: []))
        #expect(throws: PlanningError.self) { try GreedyPlanner().plan(problem, options: PlanningOptions(timeLimit: -1)) }
        #expect(throws: PlanningError.self) { try GreedyPlanner().plan(problem, options: PlanningOptions(moveLimit: -1)) }
        let empty = try GreedyPlanner().plan(problem, options: PlanningOptions())
        #expect(empty.status == .feasible && empty.objective == 0)
        #expect(GreedyPlanner().name == "greedy")
    }
}

// MARK: - Construction rules on hand-built scenarios

@Suite("Greedy construction rules")
struct GreedyConstructionTests {
    @Test("a scarce person is kept for the work only they can do")
    func scarcePersonKept() throws {
        // `gen` is cheaper and can do both; `spec` can only do ML. ML is worth more, so it is placed
        // first: giving it `gen` would leave the web project without anyone.
        let scenario = Scenario(
            horizon: Horizon(periods: 2),
            people: [
                Person(id: "gen", skills: ["ml": 3, "web": 3], capacity: .constant(40), costPerHour: 50),
                Person(id: "spec", skills: ["ml": 3], capacity: .constant(40), costPerHour: 80),
            ],
            projects: [
                Project(id: "model", value: 30000, duration: 2, demands: [Demand(skill: "ml", hours: .constant(40))]),
                Project(id: "site", value: 20000, duration: 2, demands: [Demand(skill: "web", hours: .constant(40))]),
            ])
        let (plan, _) = try greedyPlan(scenario, moveLimit: 0)
        #expect(plan.isSelected("model") && plan.isSelected("site"))
        #expect(plan.hours(person: "spec", project: "model") == 80)
        #expect(plan.hours(person: "gen", project: "site") == 80)
    }

    @Test("a non-mandatory project that cannot be fully staffed is not selected")
    func partialProjectNotCommitted() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 3),
            people: [Person(id: "ana", skills: ["data": 3], capacity: .constant(40), costPerHour: 10)],
            projects: [
                Project(id: "huge", value: 1_000_000, duration: 3, demands: [Demand(skill: "data", hours: .constant(50))]),
                Project(id: "small", value: 5000, duration: 2, demands: [Demand(skill: "data", hours: .constant(20))]),
                Project(id: "unpaid", value: 100, duration: 1, demands: [Demand(skill: "data", hours: .constant(20))]),
            ])
        let (plan, _) = try greedyPlan(scenario)
        #expect(!plan.isSelected("huge"))
        #expect(plan.isSelected("small"))
        #expect(!plan.isSelected("unpaid"), "costs 200 for a value of 100")
        #expect(plan.decision("small")?.unmetHours == 0)
    }

    @Test("a mandatory project takes what it can and records the shortfall")
    func mandatoryShortfall() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 2),
            people: [
                Person(id: "ana", skills: ["sec": 4], capacity: .constant(40), costPerHour: 100),
                Person(id: "pricey", skills: ["sec": 4], capacity: .constant(40), costPerHour: 20000),
            ],
            projects: [Project(id: "audit", value: 1000, mandatory: true, duration: 2,
                               demands: [Demand(skill: "sec", hours: .constant(60))])],
            policy: Policy(unmetPenaltyPerHour: 5000))
        let (plan, problem) = try greedyPlan(scenario)
        #expect(plan.isSelected("audit"))
        #expect(plan.hours(person: "ana") == 80)
        #expect(plan.hours(person: "pricey") == 0, "an hour at 20,000 does not pay against 5,000 unmet")
        #expect(plan.decision("audit")?.unmetHours == 40)
        let objective = ObjectiveBreakdown(allocation: Allocation(plan: plan, problem: problem), problem: problem)
        #expect(objective.unmetHours == 40)
        #expect(isClose(plan.objective ?? 0, 1000 - 8000 - 40 * 5000))
    }

    @Test("pins are honoured, even on a project that is not worth doing")
    func pinsHonoured() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 3),
            people: [
                Person(id: "cheap", skills: ["backend": 3], capacity: .constant(40), costPerHour: 50),
                Person(id: "lead", skills: ["backend": 5], capacity: .constant(40), costPerHour: 150),
            ],
            projects: [
                Project(id: "api", value: 1000, duration: 2, demands: [Demand(skill: "backend", hours: .constant(30))]),
                Project(id: "ops", value: 9000, duration: 1, demands: [Demand(id: "run", skill: "backend", hours: .constant(20))]),
            ],
            pins: [
                Pin(person: "lead", project: "api", hours: 25),
                Pin(person: "lead", project: "ops", demand: "run", period: 2, hours: 15),
            ])
        let (plan, _) = try greedyPlan(scenario)
        #expect(plan.isSelected("api") && plan.isSelected("ops"))
        #expect(plan.hours(person: "lead", project: "api") >= 25 - 1e-6)
        #expect(plan.hours(person: "lead", project: "ops", period: 2) >= 15 - 1e-6)
        #expect(plan.decision("ops")?.start == 2)
    }

    @Test("concurrency limits are respected")
    func concurrencyLimit() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 2),
            people: [Person(id: "solo", skills: ["qa": 3], capacity: .constant(40), costPerHour: 10, maxConcurrentProjects: 1)],
            projects: [
                Project(id: "a", value: 3000, duration: 2, demands: [Demand(skill: "qa", hours: .constant(5))]),
                Project(id: "b", value: 2000, duration: 2, demands: [Demand(skill: "qa", hours: .constant(5))]),
                Project(id: "c", value: 1000, duration: 1, demands: [Demand(skill: "qa", hours: .constant(5))]),
            ])
        let (plan, _) = try greedyPlan(scenario)
        #expect(plan.isSelected("a"))
        #expect(!plan.isSelected("b") && !plan.isSelected("c"))
        for t in 0..<2 {
            #expect(Set(plan.assignments.filter { $0.period == t }.map(\.project)).count <= 1)
        }
    }

    @Test("project and portfolio budgets are respected")
    func budgets() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 2),
            people: [
                Person(id: "senior", skills: ["web": 4], capacity: .constant(40), costPerHour: 200),
                Person(id: "junior", skills: ["web": 2], capacity: .constant(10), costPerHour: 50),
            ],
            projects: [
                // 20 h: junior can give 10 h a period only; the rest from senior busts the budget.
                Project(id: "tight", value: 50000, duration: 1, budget: 1500, demands: [Demand(skill: "web", hours: .constant(20))]),
                Project(id: "fine", value: 9000, duration: 1, budget: 5000, demands: [Demand(skill: "web", hours: .constant(10))]),
                Project(id: "big", value: 8000, duration: 1, demands: [Demand(skill: "web", hours: .constant(30))]),
            ],
            policy: Policy(budget: 6000))
        let (plan, _) = try greedyPlan(scenario)
        #expect(!plan.isSelected("tight"))
        #expect(plan.isSelected("fine"))
        let cost = plan.assignments.reduce(0.0) { $0 + $1.hours * ($1.person == "senior" ? 200 : 50) }
        #expect(cost <= 6000 + 1e-6)
    }

    @Test("dependencies are placed first and finish before their dependents start")
    func dependencies() throws {
        // `base` alone loses money; with `app` on top the pair pays.
        let scenario = Scenario(
            horizon: Horizon(periods: 6),
            people: [Person(id: "dev", skills: ["backend": 3], capacity: .constant(40), costPerHour: 100)],
            projects: [
                Project(id: "app", value: 20000, duration: 2, dependsOn: ["base"],
                        demands: [Demand(skill: "backend", hours: .constant(20))]),
                Project(id: "base", value: 0, duration: 3, demands: [Demand(skill: "backend", hours: .constant(20))]),
                Project(id: "orphan", value: 50000, duration: 2, earliestStart: 4, dependsOn: ["never"],
                        demands: [Demand(skill: "backend", hours: .constant(1))]),
                Project(id: "never", value: 1000, duration: 7, demands: []),
            ])
        let (plan, _) = try greedyPlan(scenario, moveLimit: 0)
        let base = try #require(plan.decision("base")?.start)
        let app = try #require(plan.decision("app")?.start)
        #expect(app >= base + 3)
        #expect(!plan.isSelected("orphan") && !plan.isSelected("never"))
    }

    @Test("with change penalised, the baseline's people and start are kept")
    func baselineContinuity() throws {
        func scenario(changePenalty: Double, startPenalty: Double) -> Scenario {
            Scenario(
                horizon: Horizon(periods: 4),
                people: [
                    Person(id: "amy", skills: ["data": 3], capacity: .constant(40), costPerHour: 80),
                    Person(id: "ben", skills: ["data": 3], capacity: .constant(40), costPerHour: 80),
                ],
                projects: [Project(id: "etl", value: 10000, duration: 2, demands: [Demand(skill: "data", hours: .constant(30))])],
                baseline: Baseline(
                    projects: [ProjectDecision(id: "etl", selected: true, start: 1)],
                    assignments: [
                        Assignment(person: "ben", project: "etl", demand: "data", period: 1, hours: 30),
                        Assignment(person: "ben", project: "etl", demand: "data", period: 2, hours: 30),
                    ]),
                policy: Policy(changePenaltyPerHour: changePenalty, startChangePenalty: startPenalty))
        }
        let (kept, _) = try greedyPlan(scenario(changePenalty: 10, startPenalty: 500), moveLimit: 0)
        #expect(kept.decision("etl")?.start == 1)
        #expect(kept.hours(person: "ben") == 60)
        #expect(kept.hours(person: "amy") == 0)
        #expect(isClose(kept.objective ?? 0, 10000 - 60 * 80))
    }

    @Test("no valid plan: a pin's person qualifies for none of its demands")
    func infeasiblePin() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 2),
            people: [Person(id: "ana", skills: ["design": 3], capacity: .constant(40))],
            projects: [Project(id: "api", value: 1000, duration: 1, demands: [Demand(skill: "backend", hours: .constant(10))]),
                       Project(id: "other", value: 1000, duration: 1, demands: [])],
            pins: [Pin(person: "ana", project: "api", hours: 5)])
        let problem = try PlanningProblem(scenario)
        let plan = try GreedyPlanner().plan(problem, options: PlanningOptions())
        #expect(plan.status == .infeasible)
        #expect(plan.objective == nil)
        #expect(plan.projects.count == 2 && plan.projects.allSatisfy { !$0.selected && $0.start == nil })
        #expect(plan.assignments.isEmpty)
        #expect((plan.details?.diagnosis ?? []).contains { $0.contains("pins[0]") && $0.contains("ana") })
    }

    @Test("no valid plan: a mandatory project's dependencies leave it no start")
    func infeasibleRequiredProject() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 4),
            people: [Person(id: "ana", skills: ["backend": 3], capacity: .constant(40))],
            projects: [
                Project(id: "first", duration: 3, demands: []),
                Project(id: "second", mandatory: true, duration: 2, dependsOn: ["first"], demands: []),
            ])
        let problem = try PlanningProblem(scenario)
        let plan = try GreedyPlanner().plan(problem, options: PlanningOptions())
        #expect(plan.status == .infeasible)
        #expect(plan.objective == nil)
        #expect((plan.details?.diagnosis ?? []).contains { $0.contains("'second'") })
    }

    @Test("pins and budgets the heuristic cannot satisfy throw noPlanFound")
    func noPlanFound() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 2),
            people: [Person(id: "ana", skills: ["backend": 3], capacity: .constant(40), costPerHour: 100)],
            projects: [Project(id: "api", value: 5000, duration: 1, budget: 500,
                               demands: [Demand(skill: "backend", hours: .constant(10))])],
            pins: [Pin(person: "ana", project: "api", hours: 10)])
        let problem = try PlanningProblem(scenario)
        do {
            _ = try GreedyPlanner().plan(problem, options: PlanningOptions())
            Issue.record("expected noPlanFound")
        } catch {
            #expect(error.code == .noPlanFound)
            #expect(error.message.contains("api"))
        }
    }
    @Test("staffing given starts around a plan keeps the staffing of every project it does not move")
    func staffingAroundAPlan() throws {
        // The large-neighbourhood search's guided step starts GLPK from this plan (Docs/lns.md).
        let problem = try exampleProblem("mid-size-pmo.json")
        let plan = try GreedyPlanner().plan(problem, options: PlanningOptions(seed: 0))
        let current = Allocation(plan: plan, problem: problem)
        var starts: [Int: Int] = [:]
        for (j, start) in current.starts.enumerated() { if let start { starts[j] = start } }
        // The plan's own starts: the plan itself, hour for hour.
        let same = GreedyPlanner.staffing(starts, keeping: current, for: problem)
        #expect(same.starts == current.starts)
        let changedCells = cellsThatDiffer(same.hours, current.hours)
        #expect(changedCells == 0)
        // One optional project with nothing depending on it left out: the others keep every hour.
        let dropped = try #require(starts.keys.sorted().first {
            !problem.projects[$0].required && problem.projects[$0].dependents.isEmpty
        })
        starts[dropped] = nil
        let without = GreedyPlanner.staffing(starts, keeping: current, for: problem)
        #expect(without.starts[dropped] == nil)
        let others = current.hours.filter { problem.demands[$0.key.demand].project != dropped }
        let changedOthers = cellsThatDiffer(without.hours, others)
        #expect(changedOthers == 0)
        #expect(PlanChecker.violations(of: without, for: problem).isEmpty)
    }
}

// MARK: - Timing (opt-in)

