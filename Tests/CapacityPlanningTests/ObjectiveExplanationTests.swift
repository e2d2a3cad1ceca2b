import Testing
import CapacityPlanning

@Suite("The objective explained, against hand-computed lines")
struct ObjectiveExplanationTests {
    static let baseline = Baseline(
        projects: [ProjectDecision(id: "A", selected: true, start: 1), ProjectDecision(id: "B", selected: true, start: 2)],
        assignments: [
            Assignment(person: "ana", project: "A", demand: "backend", period: 0, hours: 10),
            Assignment(person: "ana", project: "A", demand: "backend", period: 1, hours: 4),
            Assignment(person: "ben", project: "B", demand: "data", period: 2, hours: 10),
        ])

    static func explain(_ plan: Plan, policy: Policy) throws -> ObjectiveExplanation {
        let problem = try CheckerFixture.problem(CheckerFixture.scenario(baseline: baseline, policy: policy))
        let checked = CheckedPlan(plan, for: problem)
        #expect(checked.isValid, "\(checked.check.violations)")
        return checked.explanation(for: problem)
    }

    @Test("each project's value, staff cost and penalties; the people; the lines sum to the objective")
    func everyTermByProject() throws {
        // As ObjectiveTests.everyPenaltyTermTogether: ana 20 h × 100 on A, ben 10 h × 50 on B and on M;
        // A moved from 1 to 0 (100) with 6 changed hours (× 2); M's 10 h are new (× 2); 50 a pair.
        let policy = Policy(unmetPenaltyPerHour: 1000, assignmentPenalty: 50, changePenaltyPerHour: 2, startChangePenalty: 100)
        let explained = try Self.explain(CheckerFixture.validPlan(), policy: policy)
        let lines = Dictionary(uniqueKeysWithValues: explained.projects.map { ($0.project, $0) })
        let a = try #require(lines["A"]), b = try #require(lines["B"]), m = try #require(lines["M"])
        #expect((a.value, a.staffCost, a.assignmentPenalty, a.changePenalty, a.startChangePenalty) == (10000, 2000, 50, 12, 100))
        #expect(a.contribution == 7838)
        #expect((b.value, b.staffCost, b.changePenalty, b.startChangePenalty, b.contribution) == (5000, 500, 0, 0, 4450))
        #expect((m.value, m.staffCost, m.changePenalty, m.contribution) == (1000, 500, 20, 430))
        #expect(explained.objective == 12718)
        #expect(explained.terms.map(\.amount).reduce(0, +) == 12718)
        let change = try #require(explained.terms.first { $0.term == "changePenalty" })
        #expect(change.amount == -32 && change.quantity == 16)
        #expect(explained.people.map(\.name) == ["ana", "ben"])
        #expect(explained.people.map(\.cost) == [2000, 1000] && explained.people.map(\.hours) == [20, 20])
        #expect(explained.teams.count == 1 && explained.teams[0].name == nil && explained.teams[0].cost == 3000)
        #expect(explained.portfolio.contribution == 0 && explained.hires.isEmpty && explained.courses.isEmpty)
    }

    @Test("a dropped baseline project keeps a line: its lost hours and its start change")
    func droppedBaselineProject() throws {
        var plan = CheckerFixture.validPlan()
        plan.projects[1] = ProjectDecision(id: "B", selected: false)
        plan.assignments.removeAll { $0.project == "B" }
        let explained = try Self.explain(plan, policy: Policy(changePenaltyPerHour: 3, startChangePenalty: 500))
        let b = try #require(explained.projects.first { $0.project == "B" })
        #expect(!b.selected && b.value == 0 && b.changePenalty == 30 && b.startChangePenalty == 500 && b.contribution == -530)
        #expect(explained.projects.map(\.contribution).reduce(0, +) == explained.objective)
    }
}
