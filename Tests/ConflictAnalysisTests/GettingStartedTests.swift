// The DocC "Getting started" article's code, compiled and run: the article shows exactly this.
import CapacityPlanners
import CapacityPlanning
import ConflictAnalysis
import Foundation
import Testing
import TestSupport

// snippet: planAndExplain
func planAndExplain(scenarioFile: URL) throws -> (Plan, PlanCheck, ConflictReport) {
    // Strict reading: unknown keys, wrong types and broken references are errors with their JSON path.
    let scenario = try Scenario(json: Data(contentsOf: scenarioFile))
    // Validated and normalised once; every planner and the checker work on it.
    let problem = try PlanningProblem(scenario)
    // `auto`: greedy, then the large-neighbourhood search (GLPK on sub-problems), within 10 s.
    let plan = try AutoPlanner().plan(problem, options: PlanningOptions(timeLimit: 10))
    // Every rule of the spec, and the objective term by term.
    let check = PlanChecker.check(plan, for: problem)
    // Over-allocations, shortages, contention, deadline risks, and resolutions re-solved and ranked.
    let report = try ConflictAnalyzer(options: AnalysisOptions(timeLimit: 1)).analyze(problem, plan: plan)
    return (plan, check, report)
}
// end snippet

@Suite("The DocC Getting started article")
struct GettingStartedTests {
    static let article = SharedFiles.repositoryRoot
        .appendingPathComponent("Sources/CapacityPlanning/CapacityPlanning.docc/GettingStarted.md")

    @Test("its code plans, checks and analyses the small-team example: a valid plan and a report on it")
    func runs() throws {
        let (plan, check, report) = try planAndExplain(scenarioFile: SharedFiles.examples.appendingPathComponent("small-team.json"))
        #expect(check.isValid, "\(check.violations)")
        #expect(plan.objective.map { abs($0 - check.objective.total) <= 1e-6 * max(1, abs($0)) } == true)
        #expect(report.plan.valid)
    }

    @Test("the article shows this file's code, line for line")
    func articleMatchesTheCode() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let lines = source.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "// snippet: planAndExplain"), let end = lines.firstIndex(of: "// end snippet") else {
            Issue.record("snippet markers missing")
            return
        }
        let snippet = lines[(start + 1)..<end].joined(separator: "\n")
        let imports = lines.filter { $0.hasPrefix("import ") && !["import Testing", "import TestSupport"].contains($0) }
        let article = try String(contentsOf: Self.article, encoding: .utf8)
        #expect(article.contains(imports.joined(separator: "\n") + "\n\n" + snippet),
                "GettingStarted.md's code block must be this file's imports and planAndExplain")
    }
}
