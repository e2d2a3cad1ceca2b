// Why projects are out, what skills are worth, what each fix is worth — every value reproduced.
import CapacityPlanners
import CapacityPlanning
@testable import ConflictAnalysis
import Foundation
import Testing

/// The pin the analysis uses to force a project in (its cheapest qualified person, 0.001 h).
enum SelectionAnalysisProbe {
    static func forcingPin(_ project: String, in scenario: Scenario) throws -> Pin? {
        let problem = try PlanningProblem(scenario)
        guard let j = problem.projectIndex[project] else { return nil }
        return SelectionAnalysis.forcingPin(j, in: problem)
    }
}

/// Solves `scenario` with the test planner, checks the plan and returns its objective.
func solvedObjective(_ scenario: Scenario) throws -> Double {
    let problem = try PlanningProblem(scenario)
    let plan = try testPlanner.makePlanner().plan(problem, options: PlanningOptions(timeLimit: 20, seed: 1))
    let check = PlanChecker.check(plan, for: problem)
    #expect(check.isValid, "\(check.violations)")
    return check.objective.total
}

@Suite("Conflict analysis: why, and what each fix is worth")
struct ResolutionTests {
    @Test("left out: budget below the cheapest staffing, value below cost, a missing dependency, no room beside the plan")
    func reasons() throws {
        let s = Scenarios.leftOut()
        let p = plan(s, [selected("core", at: 0), selected("redesign", at: 0)], [0, 1, 2, 3].flatMap { t in [
            Assignment(person: "ada", project: "core", demand: "backend", period: t, hours: 10),
            Assignment(person: "ux", project: "redesign", demand: "design", period: t, hours: 15),
        ] })
        let report = try ConflictAnalyzer(options: testOptions()).analyze(s, plan: p)
        let kinds = Dictionary(uniqueKeysWithValues: report.notSelected.map { ($0.project, Set($0.reasons.map(\.kind))) })
        #expect(kinds["pricey"] == [.projectBudget], "budget 100 < 10 h × 50")
        #expect(kinds["loss"] == [.value], "value 100 < 10 h × 50")
        #expect(kinds["child"] == [.dependency])
        #expect(kinds["brand"] == [.skill])
        #expect(report.notSelected.map(\.value) == report.notSelected.map(\.value).sorted(by: >), "highest value first")
    }

    @Test("forcing a project in: the reported change is the forced scenario's optimum minus the reference", .enabled(if: PlannerKind.glpk.isAvailable))
    func forcedIn() throws {
        let s = Scenarios.leftOut()
        let report = try ConflictAnalyzer(options: testOptions()).analyze(s)
        let reference = try #require(report.reference.objective)
        #expect(report.reference.status == .optimal)
        #expect(abs(reference - (try solvedObjective(s))) <= 1e-6 * max(1, abs(reference)))
        let forced = report.notSelected.filter { $0.forcedIn != nil }
        #expect(!forced.isEmpty)
        for entry in forced {
            var changed = s
            let j = try PlanningProblem(s).projectIndex[entry.project] ?? -1
            if let pin = try SelectionAnalysisProbe.forcingPin(entry.project, in: s) { changed.pins.append(pin) }
            let outcome = try #require(entry.forcedIn?.outcome)
            let problem = try PlanningProblem(changed)
            let plan = try testPlanner.makePlanner().plan(problem, options: PlanningOptions(timeLimit: 20, seed: 1))
            if outcome.status == .infeasible {
                #expect(plan.status == .infeasible, "\(entry.project): forced in, no plan, and none exists")
                continue
            }
            #expect(j >= 0)
            let check = PlanChecker.check(plan, for: problem)
            #expect(check.isValid, "\(check.violations)")
            #expect(plan.projects.first { $0.id == entry.project }?.selected == true)
            let change = try #require(entry.forcedIn?.change)
            #expect(abs(change - (check.objective.total - reference)) <= 1e-6 * max(1, abs(reference)), "\(entry.project)")
            #expect(change <= 1e-6, "the reference is optimal, so forcing anything in cannot gain")
        }
        // child depends on pricey, whose budget cannot pay for its staff: forcing child in is impossible.
        #expect(report.notSelected.first { $0.project == "child" }?.forcedIn?.outcome.status == .infeasible)
        #expect(report.notSelected.first { $0.project == "brand" }?.forcedIn?.displaced == ["redesign"])
    }

    @Test("every resolution's change in objective is reproduced by applying it and solving again", .enabled(if: PlannerKind.glpk.isAvailable))
    func resolutionsReproduce() throws {
        let s = Scenarios.contention()
        let report = try ConflictAnalyzer(options: testOptions()).analyze(s, plan: Scenarios.contentionPlan(s))
        let reference = try #require(report.reference.objective)
        #expect(report.resolutions.count >= 3)
        #expect(report.resolutions.contains { $0.change.kind == .hire })
        #expect(report.resolutions.contains { $0.change.kind == .drop })
        for resolution in report.resolutions {
            let changed = try resolution.change.apply(to: s)
            let objective = try solvedObjective(changed)
            let claimed = try #require(resolution.objectiveChange)
            #expect(abs(claimed - (objective - reference)) <= 1e-6 * max(1, abs(objective)), "\(resolution.description)")
        }
        let changes = report.resolutions.compactMap(\.objectiveChange)
        #expect(changes == changes.sorted(by: >), "ranked by value")
        // Hiring 20 h of a senior backend person in period 0 staffs beta fully: 20 unmet hours at 10,000 each,
        // less the hire's cost (its rate is the median of the qualified people's: 100/h).
        let hire = try #require(report.resolutions.first { $0.change.kind == .hire && $0.change.hoursPerPeriod == 20 })
        #expect(abs((hire.objectiveChange ?? 0) - (20 * 10_000 - 20 * 100)) < 1e-6)
        #expect(hire.clears.contains("skill shortage: backend ≥ 4 in period 0"))
        #expect(hire.clears.contains { $0.hasPrefix("unmet hours: ") }, "alpha or beta, whichever the reference left short")
    }

    @Test("marginal value of a skill nobody has on a mandatory project: the unmet penalty, by LP and by re-solve", .enabled(if: PlannerKind.glpk.isAvailable))
    func marginalValues() throws {
        let s = Scenario(
            horizon: Horizon(periods: 2),
            people: [Person(id: "ada", skills: ["backend": 3], capacity: .constant(40), costPerHour: 50)],
            projects: [Project(id: "ml", value: 1_000, mandatory: true, duration: 1, deadline: 0,
                               demands: [Demand(skill: "ml", minLevel: 2, hours: .constant(10))])])
        let report = try ConflictAnalyzer(options: testOptions()).analyze(s)
        let value = try #require(report.marginalValues.first { $0.skill == "ml" && $0.period == 0 })
        #expect(value.level == 2)
        #expect(abs(value.lpValuePerHour - 10_000) < 1e-6)
        #expect(value.usedBy == "ml.ml")
        #expect(abs((value.resolvedHourValue ?? 0) - 10_000) < 1e-6)
        #expect(value.resolvedStatus == .optimal)
        // A whole person (the median capacity and cost of everyone, as nobody has ml) covers all 10 h.
        #expect(abs((value.resolvedPersonValue ?? 0) - (10 * 10_000 - 10 * 50)) < 1e-6)
        #expect(report.marginalValues.allSatisfy { !($0.skill == "backend") }, "no demand for backend: worth nothing")
    }

    @Test("trade-off curve: the best objective never falls as the budget grows; unlimited is the reference", .enabled(if: PlannerKind.glpk.isAvailable))
    func tradeOff() throws {
        let s = Scenarios.leftOut()
        let report = try ConflictAnalyzer(options: testOptions(curve: true)).analyze(s)
        let curve = try #require(report.tradeOff)
        #expect(curve.parameter == "policy.budget")
        #expect(curve.points.last?.budget == nil)
        let objectives = curve.points.compactMap(\.outcome.objective)
        #expect(objectives.count == curve.points.count)
        #expect(objectives == objectives.sorted())
        #expect(objectives.last == report.reference.objective)
        for point in curve.points {
            if let budget = point.budget, let cost = point.staffCost { #expect(cost <= budget + 1e-6) }
        }
    }

    @Test("without re-solves (no plan found), conflicts are still reported and the report says why values are missing")
    func noReference() throws {
        // Pins that cannot both hold: no valid plan exists.
        var s = Scenarios.calm()
        s.pins = [Pin(person: "ada", project: "api", period: 0, hours: 40), Pin(person: "bo", project: "api", period: 0, hours: 40)]
        s.baseline = Baseline(projects: [ProjectDecision(id: "api", selected: true, start: 0)],
                              assignments: [Assignment(person: "ada", project: "api", demand: "backend", period: 0, hours: 45)])
        let report = try ConflictAnalyzer(options: testOptions()).analyze(s)
        #expect(report.reference.objective == nil)
        #expect(report.resolutions.isEmpty && report.marginalValues.isEmpty && report.tradeOff == nil)
        #expect(report.notes.contains { $0.contains("re-solves were skipped") })
        #expect(report.overAllocations.map(\.excessHours) == [5])
    }
}
