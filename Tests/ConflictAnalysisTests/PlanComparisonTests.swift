// Two plans compared: what moved, and the objective's change decomposed by term and by project,
// each decomposition summing to the change.
import CapacityPlanners
import CapacityPlanning
import ConflictAnalysis
import Foundation
import ScenarioGeneration
import Testing
import TestSupport

@Suite("Comparing two plans")
struct PlanComparisonTests {
    /// `|a − b| ≤ 1e-6 · max(1, |b|)`.
    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(b)) }

    /// Records where `c`'s decompositions fail to sum to its difference.
    static func expectSums(_ c: PlanComparison, _ label: String) {
        #expect(close(c.difference, c.objectiveB - c.objectiveA), "\(label)")
        #expect(close(c.terms.map(\.change).reduce(0, +), c.difference), "\(label): terms sum to \(c.terms.map(\.change).reduce(0, +)), difference \(c.difference)")
        #expect(close(c.byProject.map(\.change).reduce(0, +), c.difference), "\(label): projects sum to \(c.byProject.map(\.change).reduce(0, +)), difference \(c.difference)")
    }

    static func planned(_ scenario: Scenario) throws -> (PlanningProblem, CheckedPlan) {
        let problem = try PlanningProblem(scenario)
        let checked = try testPlanner.makePlanner().checkedPlan(problem, options: PlanningOptions(timeLimit: 20))
        #expect(checked.isValid, "\(checked.check.violations)")
        return (problem, checked)
    }

    @Test("a plan against itself: no change of any kind")
    func sameplan() throws {
        let (problem, checked) = try Self.planned(Scenarios.contention())
        let c = PlanComparison(a: checked, problemA: problem, b: checked, problemB: problem)
        #expect(c.difference == 0 && c.byProject.isEmpty && c.projects.isEmpty && c.hours.isEmpty && c.supply.isEmpty)
        #expect(c.terms.allSatisfy { $0.change == 0 })
    }

    @Test("a project dropped in the next version: 'dropped', its contribution lost, its hours moved to nothing")
    func dropped() throws {
        let base = Scenarios.contention()
        let (problemA, a) = try Self.planned(base)
        let optional = Set(base.projects.filter { !$0.mandatory }.map(\.id))
        let kept = try #require(a.plan.projects.first { $0.selected && optional.contains($0.id) })
        let (problemB, b) = try Self.planned(try ScenarioChange.drop(kept.id).apply(to: base))
        let c = PlanComparison(a: a, problemA: problemA, b: b, problemB: problemB)
        Self.expectSums(c, "drop \(kept.id)")
        let change = try #require(c.projects.first { $0.project == kept.id })
        #expect(change.change == .dropped && change.startB == nil && change.startA == kept.start)
        let before = try #require(a.explanation(for: problemA).projects.first { $0.project == kept.id })
        #expect(Self.close(change.contributionA, before.contribution) && change.contributionB == 0)
        let moved = c.hours.filter { $0.project == kept.id }
        #expect(!moved.isEmpty && moved.allSatisfy { $0.hoursB == 0 && $0.hoursA > 0 })
        let line = try #require(c.byProject.first { $0.name == kept.id })
        #expect(Self.close(line.change, -before.contribution))
    }

    @Test("the mid-size example with a budget cut: the lost projects, the term changes and the project changes each sum to the difference")
    func budgetCut() throws {
        let base = try Scenario(json: Data(contentsOf: SharedFiles.examples.appendingPathComponent("mid-size-pmo.json")))
        let problemA = try PlanningProblem(base)
        let options = PlanningOptions(timeLimit: 5, seed: 0)
        let a = try GreedyPlanner().checkedPlan(problemA, options: options)
        let problemB = try PlanningProblem(try ScenarioChange.raisePortfolioBudget(to: 1_500_000).apply(to: base))
        let b = try GreedyPlanner().checkedPlan(problemB, options: options)
        let c = PlanComparison(a: a, problemA: problemA, b: b, problemB: problemB)
        Self.expectSums(c, "budget cut")
        #expect(c.difference < 0, "a smaller budget cannot be worth more to greedy here: \(c.difference)")
        #expect(c.projects.contains { $0.change == .dropped })
        let budget = try #require(c.budgets.first { $0.project == nil })
        #expect(budget.budget == 1_500_000 && budget.spendB <= 1_500_000 * (1 + 1e-9) && budget.spendA > budget.spendB)
        // Every (person, project) pair's hours as the plans have them.
        for moved in c.hours.prefix(10) {
            let hours = { (plan: Plan) in plan.assignments.filter { $0.person == moved.person && $0.project == moved.project }.map(\.hours).reduce(0, +) }
            #expect(Self.close(moved.hoursA, hours(a.plan)) && Self.close(moved.hoursB, hours(b.plan)))
        }
    }

    @Test("on generated portfolios and a change to each, the decompositions sum to the difference")
    func generated() throws {
        for seed in UInt64(1)...10 {
            let scenario = ScenarioGenerator(people: 4 + Int(seed % 4), projects: 4 + Int(seed % 4), periods: 6 + Int(seed % 4),
                                             seed: seed, features: seed % 2 == 0 ? .all : .everything).generate()
            guard let problemA = try? PlanningProblem(scenario),
                  let a = try? GreedyPlanner().checkedPlan(problemA, options: PlanningOptions()), a.plan.status != .infeasible,
                  let victim = a.plan.projects.first(where: { $0.selected }),
                  let changed = try? ScenarioChange.drop(victim.id).apply(to: scenario),
                  let problemB = try? PlanningProblem(changed),
                  let b = try? GreedyPlanner().checkedPlan(problemB, options: PlanningOptions()), b.plan.status != .infeasible
            else { continue }
            Self.expectSums(PlanComparison(a: a, problemA: problemA, b: b, problemB: problemB), "seed \(seed)")
        }
    }
}
