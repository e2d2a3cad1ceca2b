// The generator's supply (format v3, Part B): valid, deterministic, roles for skills short of
// people and courses that would qualify someone, over any version.
import CapacityPlanning
import ScenarioGeneration
import Testing

@Suite("Scenario generator: supply")
struct SupplyGenerationTests {
    static func generated(_ seed: UInt64, inFlight: Bool) -> Scenario {
        let plain = ScenarioGenerator(people: 30, projects: 24, periods: 26, seed: seed, features: .everything).generate()
        return ScenarioGenerator.supply(inFlight ? ScenarioGenerator.inFlight(plain, seed: seed) : plain, seed: seed)
    }

    @Test("valid, deterministic, with roles and courses that could be of use", arguments: [UInt64(1), 2, 3, 4])
    func validAndDeterministic(seed: UInt64) throws {
        for inFlight in [false, true] {
            let scenario = Self.generated(seed, inFlight: inFlight)
            #expect(scenario == Self.generated(seed, inFlight: inFlight))
            let problem = try PlanningProblem(scenario)  // throws on any validation error
            #expect(scenario.version == 3 && problem.hasSupply && problem.isInFlight)
            #expect(!scenario.hiring.isEmpty && !scenario.training.isEmpty)
            // Every role qualifies for some line; hires start after the status period.
            #expect(problem.roles.allSatisfy { role in
                problem.demands.contains { $0.supplyEligible.contains(role.instances.first ?? -1) }
            })
            #expect(scenario.hiring.allSatisfy { $0.earliestStart > scenario.statusPeriod || $0.earliestStart == 25 })
            // Every course is for a skill some line needs above its person's level.
            #expect(scenario.training.allSatisfy { course in
                let person = scenario.people.first { $0.id == course.person }
                return scenario.projects.contains { $0.demands.contains { $0.skill == course.skill
                    && $0.minLevel > (person?.skills[course.skill] ?? 0) } }
            })
        }
    }
}
