// `capacity-planner compare`
import ArgumentParser
import CapacityPlanning
import ConflictAnalysis
import Foundation
import PortfolioPages

/// `compare SCENARIO [PLAN_A] PLAN_B [--scenario-b FILE]`: what differs between two plans, and
/// what each difference is worth.
struct CompareCommand: ParsableCommand {
    /// The command's name, abstract and help text (with exit codes and examples).
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two plans: projects added, dropped, moved or newly late, hours moved, hires and courses, and the objective's change by term and by project.",
        discussion: """
            PLAN_A is read against SCENARIO and PLAN_B against --scenario-b (default SCENARIO): B may be the plan of \
            the next version of the scenario, matched to A by ids. With one plan, A is SCENARIO's baseline (the plan \
            of record) and B the plan given. The objective's change (B − A) is decomposed by term (value, staff cost, \
            penalties, …) and by project (with a portfolio line for synergies, hires and courses); each decomposition \
            sums to the change. A plan that breaks a rule of its scenario is compared all the same, with a warning.

            --format text (default) prints the tables; json the comparison (Docs/formats.md, Comparison); html one \
            self-contained page with both timelines and utilisation heat maps side by side and the bridge from A's \
            objective to B's.

            Exit codes: 0 compared; 1 a scenario is invalid; 2 bad usage (a file that is not a plan, no baseline \
            with one plan).

            Examples:
              capacity-planner compare Examples/mid-size-pmo.json plan-a.json plan-b.json
              capacity-planner compare Examples/mid-size-pmo.json plan-a.json plan-b.json --format html -o compare.html
              capacity-planner compare week-8.json plan-week-8.json plan-week-9.json --scenario-b week-9.json
              capacity-planner compare Examples/replan-after-departures.json replanned.json
            """
    )

    /// The scenario of plan A (and of B without `--scenario-b`).
    @Argument(help: "The scenario JSON file of plan A (and of plan B without --scenario-b), or '-'.")
    var scenario: String

    /// Plan A and plan B, or plan B alone (A is then the scenario's baseline).
    @Argument(help: "PLAN_A PLAN_B, or one plan (compared with the scenario's baseline).")
    var plans: [String]

    /// B's scenario.
    @Option(name: .customLong("scenario-b"), help: "The scenario of plan B (a later version of SCENARIO).")
    var scenarioB: String?

    /// `text`, `json` or `html`.
    @Option(help: "text (tables), json (the comparison) or html (one page, side by side).")
    var format: CompareFormat = .text

    /// The file to write, or `-`.
    @Option(name: [.short, .long], help: "The file to write, or '-' for standard output.")
    var output: String = "-"

    /// The comparison's formats.
    enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    /// One or two plans, at most one file from standard input.
    func validate() throws {
        guard (1...2).contains(plans.count) else { throw ValidationError("give PLAN_A PLAN_B, or one plan to compare with the baseline") }
        if ([scenario, scenarioB ?? ""] + plans).filter({ $0 == "-" }).count > 1 {
            throw ValidationError("only one file can be '-' (standard input)")
        }
    }

    /// Compares and writes the comparison.
    func run() throws {
        let problemA = try loadProblem(scenario)
        let problemB = try scenarioB.map(loadProblem) ?? problemA
        let planA: Plan, nameA: String
        if plans.count == 2 {
            (planA, nameA) = (try loadPlan(plans[0]), displayName(plans[0]))
        } else {
            guard let baseline = problemA.scenario.baseline else {
                printError("error: \(displayName(scenario)) has no baseline: give PLAN_A PLAN_B")
                throw Exit.usage
            }
            (planA, nameA) = (Self.plan(of: baseline, in: problemA.scenario), "the baseline")
        }
        let nameB = displayName(plans[plans.count - 1])
        let checkedA = CheckedPlan(planA, for: problemA)
        let checkedB = CheckedPlan(try loadPlan(plans[plans.count - 1]), for: problemB)
        for (name, checked) in [(nameA, checkedA), (nameB, checkedB)] where !checked.isValid {
            printError("warning: \(name) breaks \(checked.check.violations.count) rule(s) of its scenario; compared all the same")
        }
        let comparison = PlanComparison(a: checkedA, problemA: problemA, b: checkedB, problemB: problemB)
        switch format {
        case .text:
            try writeOutput(Data(TextReport.comparison(comparison, nameA: nameA, nameB: nameB,
                                                       labels: PeriodLabels(problemB.scenario.horizon)).utf8), to: output)
        case .json:
            try writeOutput(try encodeJSON(comparison), to: output)
        case .html:
            let page: String
            do throws(PageTemplateError) {
                page = try ComparePage.render(comparison, a: ReportData(title: nameA, problem: problemA, checked: checkedA),
                                              b: ReportData(title: nameB, problem: problemB, checked: checkedB))
            } catch {
                printError("error: the comparison's page template is broken (\(error)); this is a bug in capacity-planner")
                throw Exit.internalError
            }
            try writeOutput(Data(page.utf8), to: output)
        }
        if output != "-" { printError("wrote \(output)") }
    }

    /// The baseline as a plan of `scenario`: its projects (the others not selected) and its hours
    /// from the status period on (the past is the actuals', which no plan repeats).
    static func plan(of baseline: Baseline, in scenario: Scenario) -> Plan {
        let decisions = Dictionary(baseline.projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let projects = scenario.projects.map { decisions[$0.id] ?? ProjectDecision(id: $0.id, selected: false) }
        let now = scenario.status?.period ?? 0
        return Plan(status: .feasible, solver: "baseline", projects: projects, assignments: baseline.assignments.filter { $0.period >= now })
    }
}
