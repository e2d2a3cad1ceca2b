import Testing
import CapacityPlanning

@Suite("Objective evaluator against hand-computed objectives")
struct ObjectiveTests {
    @Test func valueMinusStaffCost() throws {
        // A, B and M selected: value 16,000; ana 20 h × 100 + ben 20 h × 50 = 3,000.
        let check = PlanChecker.check(CheckerFixture.validPlan(), for: try CheckerFixture.problem())
        #expect(check.objective.value == 16000)
        #expect(check.objective.staffCost == 3000)
        #expect(check.objective.total == 13000)
    }

    @Test func everyPenaltyTermTogether() throws {
        // Baseline: A started in 1 (the plan starts it in 0: one start change), ana 10 h in 0 (same),
        // ana 4 h in 1 (plan 10: 6 changed), ben 10 h on B in 2 (same), and an orphaned entry for a
        // person who left (left out). The plan adds ben's 10 h on M (10 changed). Pairs: (ana, A),
        // (ben, B), (ben, M).
        let baseline = Baseline(
            projects: [ProjectDecision(id: "A", selected: true, start: 1), ProjectDecision(id: "B", selected: true, start: 2)],
            assignments: [
                Assignment(person: "ana", project: "A", demand: "backend", period: 0, hours: 10),
                Assignment(person: "ana", project: "A", demand: "backend", period: 1, hours: 4),
                Assignment(person: "ben", project: "B", demand: "data", period: 2, hours: 10),
                Assignment(person: "gone", project: "A", demand: "backend", period: 0, hours: 7),
            ])
        let policy = Policy(unmetPenaltyPerHour: 1000, assignmentPenalty: 50, changePenaltyPerHour: 2, startChangePenalty: 100)
        let problem = try CheckerFixture.problem(CheckerFixture.scenario(baseline: baseline, policy: policy))
        let o = PlanChecker.check(CheckerFixture.validPlan(), for: problem).objective
        #expect(o.value == 16000)
        #expect(o.staffCost == 3000)
        #expect(o.unmetHours == 0)
        #expect(o.assignmentPairs == 3)
        #expect(o.assignmentPenalty == 150)
        #expect(o.changedHours == 16)
        #expect(o.changePenalty == 32)
        #expect(o.startChanges == 1)
        #expect(o.startChangePenalty == 100)
        #expect(o.total == 16000 - 3000 - 150 - 32 - 100)
    }

    @Test func droppingABaselineProjectCostsAStartChangeAndItsHours() throws {
        let baseline = Baseline(
            projects: [ProjectDecision(id: "B", selected: true, start: 2)],
            assignments: [Assignment(person: "ben", project: "B", demand: "data", period: 2, hours: 10)])
        let policy = Policy(changePenaltyPerHour: 3, startChangePenalty: 500)
        let problem = try CheckerFixture.problem(CheckerFixture.scenario(baseline: baseline, policy: policy))
        var plan = CheckerFixture.validPlan()
        plan.projects[1] = ProjectDecision(id: "B", selected: false)
        plan.assignments.removeAll { $0.project == "B" }
        let o = PlanChecker.check(plan, for: problem).objective
        // Value 11,000; cost 2,000 + 500; changed: ben's 10 baseline hours gone, plus ana's 20 h and
        // ben's 10 h on M that the baseline does not have = 40 h × 3; one start change.
        #expect(o.changedHours == 40)
        #expect(o.startChanges == 1)
        #expect(o.total == 11000 - 2500 - 120 - 500)
    }

    @Test func unmetHoursOfAMandatoryProject() throws {
        var plan = CheckerFixture.validPlan()
        plan.assignments.removeLast()
        let problem = try CheckerFixture.problem(CheckerFixture.scenario(policy: Policy(unmetPenaltyPerHour: 700)))
        let check = PlanChecker.check(plan, for: problem)
        #expect(check.isValid)
        #expect(check.objective.unmetHours == 10)
        #expect(check.objective.total == 16000 - 2500 - 7000)
        let allocation = Allocation(plan: plan, problem: problem)
        let decisions = allocation.plan(for: problem, status: .feasible, solver: "test").projects
        #expect(decisions.first { $0.id == "M" }?.unmetHours == 10)
    }

    @Test func allocationRoundTripKeepsTheObjective() throws {
        let problem = try CheckerFixture.problem()
        let plan = CheckerFixture.validPlan()
        let rebuilt = Allocation(plan: plan, problem: problem).plan(for: problem, status: .feasible, solver: "test")
        #expect(rebuilt.objective == 13000)
        #expect(Set(rebuilt.assignments) == Set(plan.assignments))
        #expect(PlanChecker.check(rebuilt, for: problem).isValid)
    }
}
