// `capacity-planner generate`
import ArgumentParser
import CapacityPlanning
import ScenarioGeneration
import Foundation

/// `generate`: a synthetic scenario from the library's `ScenarioGenerator`.
struct GenerateCommand: ParsableCommand {
    /// The command's name, abstract and help text (with exit codes and examples).
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a realistic synthetic scenario (the generator the tests and benchmarks use).",
        discussion: """
            Example:
              capacity-planner generate --people 40 --projects 15 --periods 26 --seed 7 -o scenario.json
              capacity-planner generate --people 10 --projects 5 --periods 8 --without pins,baseline
              capacity-planner generate --format-version 2 --without balance -o portfolio-v2.json
            """
    )

    /// Number of people.
    @Option(help: "Number of people.") var people: Int = 20
    /// Number of projects.
    @Option(help: "Number of projects.") var projects: Int = 10
    /// Number of periods.
    @Option(help: "Number of periods (weeks).") var periods: Int = 12
    /// The generator's seed.
    @Option(help: "Seed: the same seed gives the same scenario.") var seed: UInt64 = 1
    /// Features to leave out, comma-separated.
    @Option(help: "Comma-separated features to leave out: \(GenerateCommand.featureNames.keys.sorted().joined(separator: ", ")).")
    var without: String?
    /// The format version: 2 adds strategy, cost of delay, systems, alternatives and balance; 3 the
    /// portfolio in flight over those (`ScenarioGenerator.inFlight`).
    @Option(name: .customLong("format-version"),
            help: "Scenario format: 1; 2 with strategy, cost of delay, systems, alternatives and balance; 3 with the portfolio in flight over those (status, started projects with actuals, flexible lines, due dates, probabilities, synergies; pins dropped).")
    var formatVersion: Int = 1
    /// `--supply`: roles to hire and courses (version 3, Part B; `ScenarioGenerator.supply`).
    @Flag(help: "Add version 3's supply: roles to hire for the skills most short of people, and courses (the scenario becomes version 3).")
    var supply = false
    /// The output file.
    @Option(name: [.short, .long], help: "Write the scenario here instead of standard output.") var output: String?

    /// The names `--without` accepts.
    static let featureNames: [String: ScenarioGenerator.Features] = [
        "leave": .leave, "partTime": .partTime, "mandatory": .mandatory, "dependencies": .dependencies,
        "budgets": .budgets, "globalBudget": .globalBudget, "pins": .pins, "baseline": .baseline,
        "concurrency": .concurrency, "utilizationCap": .utilizationCap, "assignmentPenalty": .assignmentPenalty,
        "changePenalties": .changePenalties, "deadlines": .deadlines, "levels": .levels,
        "strategy": .strategy, "costOfDelay": .costOfDelay, "systems": .systems, "alternatives": .alternatives,
        "balance": .balance,
    ]

    /// Rejects sizes out of range and unknown feature names.
    func validate() throws {
        guard (0...100_000).contains(people) else { throw ValidationError("--people must be 0…100000") }
        guard (0...100_000).contains(projects) else { throw ValidationError("--projects must be 0…100000") }
        guard (1...1_000).contains(periods) else { throw ValidationError("--periods must be 1…1000") }
        guard (1...3).contains(formatVersion) else { throw ValidationError("--format-version must be 1, 2 or 3") }
        _ = try features()
    }

    /// Every feature but those `--without` names.
    func features() throws -> ScenarioGenerator.Features {
        var features = formatVersion >= 2 ? ScenarioGenerator.Features.everything : .all
        for name in (without ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let feature = Self.featureNames[name] else {
                throw ValidationError("--without: unknown feature '\(name)'")
            }
            features.remove(feature)
        }
        return features
    }

    /// Generates and writes the scenario.
    func run() throws {
        var scenario = ScenarioGenerator(people: people, projects: projects, periods: periods, seed: seed,
                                         features: try features()).generate()
        if formatVersion == 3 { scenario = ScenarioGenerator.inFlight(scenario, seed: seed) }
        if supply { scenario = ScenarioGenerator.supply(scenario, seed: seed) }
        try writeOutput(try encodeJSON(scenario), to: output)
    }
}
