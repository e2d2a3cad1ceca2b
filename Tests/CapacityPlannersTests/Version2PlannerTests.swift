// Format v2 across the planners: every plan of every planner on generated v2 scenarios passes the
// checker; a v2 scenario without v2 keys plans exactly as v1; auto on the v2 fixtures.
import Testing
import CapacityPlanning
import ScenarioGeneration
import CapacityPlanners

@Suite("Format v2 in the planners")
struct Version2PlannerTests {
    /// A small generated scenario with every v1 and v2 complication (or a random subset of the v2 ones).
    private func generated(_ seed: UInt64) -> (Scenario, features: ScenarioGenerator.Features) {
        var rng = TestRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15)
        let v2 = ScenarioGenerator.Features.version2
        let subset = ScenarioGenerator.Features(rawValue: UInt32(truncatingIfNeeded: rng.next()) & v2.rawValue)
        let features = ScenarioGenerator.Features.all.union(seed % 3 == 0 ? v2 : subset.isEmpty ? v2 : subset)
        let scenario = ScenarioGenerator(people: 3 + Int(rng.next() % 8), projects: 3 + Int(rng.next() % 8),
                                         periods: 5 + Int(rng.next() % 8), seed: seed, features: features).generate()
        return (scenario, features)
    }

    @Test("the generator's v2 scenarios are valid and use the v2 features")
    func generatedScenariosAreValid() throws {
        var used = (systems: 0, alternatives: 0, balance: 0, strategy: 0, delay: 0)
        for seed in UInt64(1)...200 {
            let (scenario, _) = generated(seed)
            let problem = try PlanningProblem(scenario)
            #expect(problem.scenario.version == 2)
            if !scenario.systems.isEmpty { used.systems += 1 }
            if scenario.projects.contains(where: { !$0.excludes.isEmpty }) { used.alternatives += 1 }
            if !scenario.policy.balance.isEmpty { used.balance += 1 }
            if scenario.strategy != nil { used.strategy += 1 }
            if scenario.projects.contains(where: { $0.costOfDelay > 0 }) { used.delay += 1 }
        }
        #expect(used.systems >= 80 && used.alternatives >= 80 && used.balance >= 80 && used.strategy >= 80 && used.delay >= 80,
                "\(used)")
    }

    @Test("greedy plans of 300 generated v2 scenarios pass the checker")
    func greedyOnGeneratedScenarios() throws {
        var failures = 0
        for seed in UInt64(1)...300 {
            let (scenario, features) = generated(seed)
            let problem = try PlanningProblem(scenario)
            let result = Result { () throws(PlanningError) -> Plan in
                try GreedyPlanner().plan(problem, options: PlanningOptions(seed: seed, moveLimit: 50))
            }
            guard case .success(let plan) = result else {
                // The heuristic may miss a plan (balance with mandatory projects); it must say so, never return a bad one.
                if case .failure(let error) = result { #expect(error.code == .noPlanFound, "seed \(seed): \(error)") }
                failures += 1
                continue
            }
            if plan.status == .infeasible { continue }
            let check = PlanChecker.check(plan, for: problem)
            #expect(check.isValid, "seed \(seed), features \(features.rawValue): \(check.violations)")
            #expect(plan.objective.map { abs($0 - check.objective.total) <= 1e-6 * max(1, abs($0)) } ?? false)
        }
        #expect(failures <= 15, "greedy found no plan for \(failures) of 300 scenarios")
    }

    #if GLPK
    @Test("exact and auto plans of 40 generated v2 scenarios pass the checker; exact is never worse than greedy")
    func exactAndAutoOnGeneratedScenarios() throws {
        for seed in UInt64(1)...40 {
            let (scenario, features) = generated(seed)
            let problem = try PlanningProblem(scenario)
            let exact = try ExactPlanner().plan(problem, options: PlanningOptions(timeLimit: 20, seed: seed))
            // The generator's witness plan is valid: the problem is never infeasible.
            #expect(exact.status != .infeasible, "seed \(seed), features \(features.rawValue)")
            guard exact.status != .infeasible else { continue }
            #expect(PlanChecker.check(exact, for: problem).isValid, "seed \(seed)")
            let auto = try AutoPlanner().plan(problem, options: PlanningOptions(timeLimit: 5, seed: seed))
            let check = PlanChecker.check(auto, for: problem)
            #expect(check.isValid, "seed \(seed): \(check.violations)")
            if let greedy = try? GreedyPlanner().plan(problem, options: PlanningOptions(seed: seed, moveLimit: 50)),
               exact.status == .optimal, let g = greedy.objective, let e = exact.objective {
                #expect(e >= g - 1e-6 * max(1, abs(g)), "seed \(seed): exact \(e) < greedy \(g)")
            }
        }
    }

    @Test("auto returns valid plans on every v2 fixture", arguments: Fixture.validVersion2)
    func autoOnFixtures(_ fixture: Fixture) throws {
        let problem = try fixture.problem()
        let plan = try AutoPlanner().plan(problem, options: PlanningOptions(timeLimit: 10))
        #expect(PlanChecker.check(plan, for: problem).isValid)
        let optimum = try #require(fixture.optimalObjective)
        #expect(isClose(try #require(plan.objective), optimum), "\(fixture.name)")
    }
    #endif

    @Test("a v2 scenario without v2 keys plans exactly as the v1 scenario", arguments: Fixture.valid.prefix(8))
    func version2WithoutNewKeysIsVersion1(_ fixture: Fixture) throws {
        let v1 = try fixture.problem()
        var scenario = v1.scenario
        scenario.version = 2
        let v2 = try PlanningProblem(scenario)
        var planners: [any Planner] = [GreedyPlanner()]
        #if GLPK
        planners.append(ExactPlanner())
        #endif
        for planner in planners {
            let options = PlanningOptions(timeLimit: 30, seed: 3, moveLimit: 400)
            let a = try planner.plan(v1, options: options)
            let b = try planner.plan(v2, options: options)
            #expect(a.objective == b.objective, "\(planner.name) on \(fixture.name)")
            #expect(a.assignments == b.assignments, "\(planner.name) on \(fixture.name)")
            #expect(a.projects.map { [$0.id, "\($0.selected)", "\($0.start ?? -1)"] }
                    == b.projects.map { [$0.id, "\($0.selected)", "\($0.start ?? -1)"] })
            #expect(b.projects.allSatisfy { !$0.selected || $0.delayCost == 0 })
        }
    }
}
