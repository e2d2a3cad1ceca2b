// `capacity-planner check`
import ArgumentParser
import CapacityPlanning
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a plan against a scenario: every rule it breaks, and its objective.",
        discussion: """
            Exit codes: 0 the plan is valid; 1 the scenario is invalid; 2 bad usage; 4 the plan breaks a rule.

            Example:
              capacity-planner check Examples/small-team.json plan.json
            """
    )

    @Argument(help: "The scenario JSON file, or '-' for standard input.")
    var scenario: String

    @Argument(help: "The plan JSON file, or '-' for standard input.")
    var plan: String

    @Option(help: "json or text.")
    var format: OutputFormat = .text

    func validate() throws {
        if scenario == "-" && plan == "-" {
            throw ValidationError("only one of SCENARIO and PLAN can be '-' (standard input)")
        }
    }

    func run() throws {
        let problem = try loadProblem(scenario)
        let plan = try loadPlan(plan)
        let check = PlanChecker.check(plan, for: problem)
        switch format {
        case .text:
            try writeOutput(Data(TextReport.check(check, plan: plan).utf8), to: nil)
        case .json:
            try writeOutput(try encodeJSON(CheckOutput(check, plan: plan)), to: nil)
        }
        if !check.isValid { throw Exit.invalidPlan }
    }
}

/// The JSON form of a check.
struct CheckOutput: Encodable {
    struct Violation: Encodable {
        var rule: Int
        var message: String
        var people: [String]
        var projects: [String]
        var periods: [Int]
        var amount: Double?
    }
    var valid: Bool
    var objective: Double
    var statedObjective: Double?
    var terms: ObjectiveBreakdown
    var violations: [Violation]

    init(_ check: PlanCheck, plan: Plan) {
        valid = check.isValid
        objective = check.objective.total
        statedObjective = plan.objective
        terms = check.objective
        violations = check.violations.map {
            Violation(rule: $0.rule.rawValue, message: $0.message, people: $0.people, projects: $0.projects,
                      periods: $0.periods, amount: $0.amount)
        }
    }
}
