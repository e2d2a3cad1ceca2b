// `capacity-planner replan`
import ArgumentParser
import CapacityPlanning
import Foundation
import PortfolioFiles

/// `replan SCENARIO --baseline PLAN [--status-period N] [--actuals FILE]`: the next week's scenario,
/// with the committed plan as its baseline and the weeks gone by as its past.
struct ReplanCommand: ParsableCommand {
    /// The command's name, abstract and help text (with exit codes and examples).
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Write the next re-plan's scenario: the committed plan as the baseline, the weeks gone by as the past, their hours as actuals.",
        discussion: """
            The weekly cycle: import what was booked, re-plan against the plan everyone works to, compare, commit. \
            replan writes SCENARIO with --baseline (the plan of record) as its baseline, so the next solve pays the \
            change penalties for what it moves. With --status-period (an index, or an ISO date inside the period) the \
            scenario becomes format v3: the periods before it are the past; their hours are the --actuals file's \
            (import's actuals columns: person, project, demand, period, hours), or without one the baseline's hours \
            (worked as planned); projects the baseline started before it are in flight (started), and a flexible \
            line's remaining work is reduced by the hours booked on it. Then solve the new scenario and compare the \
            re-plan with the baseline (compare NEW_SCENARIO NEW_PLAN).

            Exit codes: 0 written; 1 the new scenario is invalid (each problem named; e.g. actuals naming a \
            person who left); 2 bad usage (a file that cannot be read, a status period outside the horizon).

            Examples:
              capacity-planner replan Examples/mid-size-pmo.json --baseline plan.json --status-period 4 -o week-5.json
              capacity-planner replan week-5.json --baseline committed.json --status-period 2027-02-08 --actuals booked.csv -o week-6.json
              capacity-planner solve week-6.json -o replan.json && capacity-planner compare week-6.json replan.json
            """
    )

    /// The scenario of the committed plan.
    @Argument(help: "The scenario JSON file the committed plan was made for, or '-'.")
    var scenario: String

    /// The plan of record.
    @Option(help: "The committed plan (the plan of record), which becomes the baseline.")
    var baseline: String

    /// The first period not yet done.
    @Option(name: .customLong("status-period"), help: "The first period not yet done: an index (0-based) or an ISO date inside it.")
    var statusPeriod: String?

    /// The hours booked.
    @Option(help: "A CSV of the hours booked (person, project, demand, period, hours); needs --status-period.")
    var actuals: String?

    /// The file to write, or `-`.
    @Option(name: [.short, .long], help: "The file to write, or '-' for standard output.")
    var output: String = "-"

    /// Actuals need a status period; at most one file from standard input.
    func validate() throws {
        if actuals != nil && statusPeriod == nil { throw ValidationError("--actuals needs --status-period (the first period not yet done)") }
        if [scenario, baseline, actuals ?? ""].filter({ $0 == "-" }).count > 1 {
            throw ValidationError("only one file can be '-' (standard input)")
        }
    }

    /// Writes the next scenario after checking that it is valid.
    func run() throws {
        let problem = try loadProblem(scenario)
        let current = problem.scenario
        let committed = try loadPlan(baseline)
        var period: Int?
        if let text = statusPeriod {
            switch ScenarioImporter.statusPeriod(text, labels: PeriodLabels(current.horizon), periods: current.horizon.periods) {
            case .success(let value): period = value
            case .failure(let issue):
                printError("error: --status-period: \(issue.message)")
                throw Exit.usage
            }
            if let value = period, value < (current.status?.period ?? 0) {
                printError("error: --status-period \(value) is before the scenario's own status period \(current.status?.period ?? 0)")
                throw Exit.usage
            }
        }
        var booked: [Actual]?
        if let path = actuals {
            switch ScenarioImporter.actuals(.init(name: displayName(path), data: try readInput(path)), for: current) {
            case .success(let entries): booked = entries
            case .failure(let errors):
                printError("error: \(displayName(path)) cannot be read:\n\(errors)")
                throw Exit.invalidScenario
            }
        }
        let next = current.replanned(committed: committed, statusPeriod: period, actuals: booked)
        do {
            _ = try PlanningProblem(try Scenario(json: Data(next.jsonValue.serialized())))
        } catch {
            printError("error: the next scenario is not valid:\n\(error)")
            throw Exit.invalidScenario
        }
        var data = Data(next.jsonValue.serialized(pretty: true))
        data.append(UInt8(ascii: "\n"))
        try writeBytes(data, to: output)
        let inFlight = next.projects.filter { $0.started != nil }.count
        let hours = (next.status?.actuals ?? []).map(\.hours).reduce(0, +)
        printError((output == "-" ? "" : "wrote \(output): ") + "baseline \(displayName(baseline))"
                   + (period.map { ", status period \($0): \(inFlight) project(s) in flight, \(Format.hours(hours)) h of actuals" } ?? ""))
    }
}
