// A checked plan is the checker's verdict and the plan on indices, made once.
import CapacityPlanning
import Foundation
import Testing

@Suite("Checked plan")
struct CheckedPlanTests {
    static func replan() throws -> (PlanningProblem, Plan) {
        let url = SharedFiles.examples.appendingPathComponent("mid-size-pmo.json")
        let problem = try PlanningProblem(try Scenario(json: try Data(contentsOf: url)))
        let other = try Scenario(json: try Data(contentsOf: SharedFiles.examples.appendingPathComponent("replan-after-departures.json")))
        let baseline = try #require(other.baseline)
        return (problem, Plan(status: .feasible, projects: baseline.projects, assignments: baseline.assignments))
    }

    @Test("it holds what the checker says and what Allocation reads, for a valid plan")
    func sameAsTheChecker() throws {
        let (problem, plan) = try Self.replan()
        let checked = CheckedPlan(plan, for: problem)
        #expect(checked.isValid)
        #expect(checked.check == PlanChecker.check(plan, for: problem))
        #expect(checked.allocation == Allocation(plan: plan, problem: problem))
        #expect(checked.plan == plan)
    }

    @Test("a broken plan keeps its violations; an infeasible one is never valid")
    func brokenPlans() throws {
        let (problem, plan) = try Self.replan()
        var doubled = plan
        doubled.assignments = plan.assignments.map { var a = $0; a.hours *= 10; return a }
        let checked = CheckedPlan(doubled, for: problem)
        #expect(!checked.isValid)
        #expect(checked.check.violations == PlanChecker.check(doubled, for: problem).violations)

        var infeasible = plan
        infeasible.status = .infeasible
        #expect(!CheckedPlan(infeasible, for: problem).isValid)

        // A project listed twice: the checker and Allocation both read its first listing.
        var twice = plan
        let first = try #require(plan.projects.first { $0.selected })
        twice.projects.append(ProjectDecision(id: first.id, selected: false))
        twice.projects.insert(ProjectDecision(id: first.id, selected: false), at: 0)
        let checkedTwice = CheckedPlan(twice, for: problem)
        #expect(!checkedTwice.isValid)
        #expect(checkedTwice.allocation == Allocation(plan: twice, problem: problem))
        #expect(checkedTwice.allocation.starts[try #require(problem.projectIndex[first.id])] == nil)
    }

    @Test("a plan checked against one problem is checked again for another, never taken as it is")
    func otherProblem() throws {
        let (problem, plan) = try Self.replan()
        let checked = CheckedPlan(plan, for: problem)
        #expect(checked.checked(for: problem).problemIdentity == problem.identity)
        let small = try PlanningProblem(try Scenario(json: try Data(contentsOf: SharedFiles.examples.appendingPathComponent("small-team.json"))))
        let again = checked.checked(for: small)
        #expect(again.problemIdentity == small.identity && again.problemIdentity != problem.identity)
        #expect(again.allocation.starts.count == small.projects.count)
        #expect(!again.isValid)
    }
}
