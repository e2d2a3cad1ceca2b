// The generator's portfolio in flight (format v3, Part A): valid, deterministic, and using every
// Part A feature the property tests and the version-3 ladder rely on.
import CapacityPlanning
import ScenarioGeneration
import Testing

@Suite("Scenario generator: the portfolio in flight")
struct InFlightGenerationTests {
    static func generated(_ seed: UInt64, people: Int = 30, projects: Int = 24, periods: Int = 26) -> Scenario {
        ScenarioGenerator.inFlight(
            ScenarioGenerator(people: people, projects: projects, periods: periods, seed: seed, features: .everything).generate(),
            seed: seed)
    }

    @Test("valid with every Part A feature on, and the same seed gives the same scenario", arguments: [UInt64(1), 2, 3, 4])
    func validAndDeterministic(seed: UInt64) throws {
        let scenario = Self.generated(seed)
        #expect(scenario == Self.generated(seed))
        let problem = try PlanningProblem(scenario)  // throws on any validation error
        #expect(scenario.version == 3 && problem.isInFlight && problem.statusPeriod == 26 / 3)
        let projects = scenario.projects
        #expect(projects.contains { $0.started != nil })
        #expect(projects.contains { $0.demands.contains(where: \.isFlexible) && ($0.maxDuration ?? 0) > $0.duration })
        #expect(projects.contains { $0.due != nil && $0.latePenaltyPerPeriod > 0 })
        #expect(projects.contains { $0.probability != nil })
        #expect(!scenario.synergies.isEmpty && !(scenario.status?.actuals.isEmpty ?? true))
        #expect(scenario.pins.isEmpty)
        // Mandatory and started projects are never tentative; actuals only on started projects, in the past.
        #expect(projects.allSatisfy { $0.probability == nil || (!$0.mandatory && $0.started == nil) })
        let started = Dictionary(uniqueKeysWithValues: projects.compactMap { p in p.started.map { (p.id, $0) } })
        #expect(scenario.status?.actuals.allSatisfy { a in
            started[a.project].map { a.period >= $0 && a.period < problem.statusPeriod } == true
        } == true)
    }
}
