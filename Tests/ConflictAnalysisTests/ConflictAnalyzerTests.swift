// Each conflict kind found exactly where it was built in, and nowhere else.
import CapacityPlanners
import CapacityPlanning
import ConflictAnalysis
import Foundation
import Testing

@Suite("Conflict analysis: what breaks")
struct ConflictAnalyzerTests {
    @Test("a calm scenario has no conflict of any kind, and its fresh plan is the reference")
    func noFalseAlarms() throws {
        let report = try ConflictAnalyzer(options: testOptions()).analyze(Scenarios.calm())
        #expect(report.plan.source == .fresh)
        #expect(report.plan.valid)
        #expect(report.plan.objective == report.reference.objective)
        #expect(report.overAllocations.isEmpty)
        #expect(report.orphanedWork.isEmpty)
        #expect(report.skillShortages.isEmpty)
        #expect(report.contention.isEmpty)
        #expect(report.deadlineRisks.isEmpty)
        #expect(report.notSelected.isEmpty)
    }

    @Test("the baseline is analysed by default: over-allocation with its excess and orphaned work with its reason")
    func baselineConflicts() throws {
        let report = try ConflictAnalyzer(options: testOptions()).analyze(Scenarios.overbookedBaseline())
        #expect(report.plan.source == .baseline)
        #expect(!report.plan.valid, "the baseline breaks the capacity rule")
        #expect(report.overAllocations == [OverAllocation(person: "ada", period: 0, bookedHours: 50, usableHours: 40,
                                                          excessHours: 10, projects: [ProjectHours(project: "api", hours: 50)])])
        #expect(report.orphanedWork.map(\.reason) == [.personGone, .projectGone, .demandGone, .outsideHorizon])
        #expect(report.orphanedWork.map(\.hours) == [10, 5, 6, 7])
        #expect(report.skillShortages.isEmpty, "two backend people can cover 30 h: re-staffing fixes it")
    }

    @Test("a given plan within capacity has no over-allocation")
    func givenPlanWithinCapacity() throws {
        let s = Scenarios.calm()
        let p = plan(s, [selected("api", at: 0)], [
            Assignment(person: "ada", project: "api", demand: "backend", period: 0, hours: 30),
            Assignment(person: "bo", project: "api", demand: "backend", period: 1, hours: 30),
        ])
        let report = try ConflictAnalyzer(options: testOptions()).analyze(s, plan: p)
        #expect(report.plan.source == .given)
        #expect(report.plan.valid)
        #expect(report.overAllocations.isEmpty && report.orphanedWork.isEmpty)
    }

    @Test("shared supply: a person with two skills counts once, so 30 h + 30 h against her 40 h is 20 h short")
    func sharedSupply() throws {
        let s = Scenarios.sharedSupply()
        let p = plan(s, [selected("etl", at: 0)], [
            Assignment(person: "ada", project: "etl", demand: "backend", period: 0, hours: 30),
            Assignment(person: "ada", project: "etl", demand: "data", period: 0, hours: 10),
        ])
        let report = try ConflictAnalyzer(options: testOptions()).analyze(s, plan: p)
        #expect(report.skillShortages.count == 1)
        let shortage = try #require(report.skillShortages.first)
        #expect(shortage.period == 0)
        #expect(shortage.people == ["ada"])
        #expect(shortage.demandHours == 60 && shortage.supplyHours == 40 && shortage.shortageHours == 20)
        #expect(shortage.demands.map(\.skill) == ["backend", "data"])
        #expect(shortage.demands.map(\.qualifiedHours) == [40, 40], "adding skills up would see no shortage")
        #expect(report.deadlineRisks.map(\.kind) == [.cannotBeStaffedAlone, .unmetHours], "short even alone, and short in the plan")
        #expect(report.deadlineRisks.map(\.shortHours) == [20, 20])
        #expect(report.deadlineRisks.last?.shortfall == [UnmetDemand(demand: "data", period: 0, hours: 20)])
    }

    @Test("shared supply: a second data person removes the shortage")
    func sharedSupplyCovered() throws {
        let s = Scenarios.sharedSupply(secondPerson: true)
        let p = plan(s, [selected("etl", at: 0)], [
            Assignment(person: "ada", project: "etl", demand: "backend", period: 0, hours: 30),
            Assignment(person: "bo", project: "etl", demand: "data", period: 0, hours: 30),
        ])
        let report = try ConflictAnalyzer(options: testOptions()).analyze(s, plan: p)
        #expect(report.skillShortages.isEmpty)
        #expect(report.deadlineRisks.isEmpty)
        #expect(report.contention.isEmpty)
    }

    @Test("contention: two projects fight over one senior person; each explains the whole 20 h; the third is not involved")
    func contention() throws {
        let s = Scenarios.contention()
        let report = try ConflictAnalyzer(options: testOptions()).analyze(s, plan: Scenarios.contentionPlan(s))
        #expect(report.contention.count == 1)
        let group = try #require(report.contention.first)
        #expect(group.kind == .sharedShortage)
        #expect(group.periods == [0])
        #expect(group.people == ["sen"])
        #expect(group.shortageHours == 20)
        #expect(Set(group.projects.map(\.project)) == ["alpha", "beta"])
        for member in group.projects {
            #expect(member.shortageExplained == 20, "without either project the other fits: 20 − 0")
            #expect(member.demandHours == 30)
            #expect(member.competitors == [member.project == "alpha" ? "beta" : "alpha"])
        }
        #expect(report.skillShortages.map(\.shortageHours) == [20])
        #expect(report.deadlineRisks.map(\.project) == ["beta"], "beta is left 20 h short; alpha is fully staffed")
    }

    @Test("displacement: a project left out because the plan gives its only person to another")
    func displacement() throws {
        let s = Scenarios.leftOut()
        let p = plan(s, [selected("core", at: 0), selected("redesign", at: 0)], [0, 1, 2, 3].flatMap { t in [
            Assignment(person: "ada", project: "core", demand: "backend", period: t, hours: 10),
            Assignment(person: "ux", project: "redesign", demand: "design", period: t, hours: 15),
        ] })
        let report = try ConflictAnalyzer(options: testOptions()).analyze(s, plan: p)
        let brand = try #require(report.contention.first { $0.projects.first?.project == "brand" })
        #expect(brand.kind == .displacement)
        #expect(brand.people == ["ux"])
        #expect(brand.projects.map(\.project) == ["brand", "redesign"])
        #expect(brand.shortageHours == 40, "ux has 5 h free of the 15 h brand needs, in each of 4 periods")
        #expect(brand.projects[1].shortageExplained == 40)
    }

    @Test("deadline risk: a skill nobody has, a window too short, and no room beside the plan")
    func deadlineRisks() throws {
        let s = Scenarios.deadlines()
        let p = plan(s, [selected("tools", at: 0)], (0..<4).map {
            Assignment(person: "ada", project: "tools", demand: "backend", period: $0, hours: 20)
        })
        let report = try ConflictAnalyzer(options: testOptions()).analyze(s, plan: p)
        let byProject = Dictionary(uniqueKeysWithValues: report.deadlineRisks.map { ($0.project, $0) })
        #expect(Set(byProject.keys) == ["ml", "late", "ops"])
        #expect(byProject["ml"]?.kind == .cannotBeStaffedAlone)
        #expect(byProject["ml"]?.shortHours == 20)
        #expect(byProject["late"]?.kind == .noStartInWindow)
        #expect(byProject["ops"]?.kind == .noRoomBesideThePlan)
        #expect(byProject["ops"]?.shortHours == 40, "ada has 20 h free of the 30 h ops needs, 4 periods")
    }

    @Test("a plan that says infeasible is refused; an invalid scenario names its problem")
    func errors() throws {
        let s = Scenarios.calm()
        var p = plan(s, [], [])
        p.status = .infeasible
        #expect(throws: AnalysisError.self) { try ConflictAnalyzer(options: testOptions()).analyze(s, plan: p) }
        var broken = s
        broken.people[0].id = ""
        do {
            _ = try ConflictAnalyzer(options: testOptions()).analyze(broken)
            Issue.record("an invalid scenario was analysed")
        } catch {
            #expect(error.code == .invalidScenario)
            #expect(error.issues.contains { $0.path.contains("people[0].id") }, "\(error.issues)")
        }
        var options = testOptions()
        options.timeLimit = -1
        #expect(throws: AnalysisError.self) { try ConflictAnalyzer(options: options).analyze(s) }
    }

    @Test("the report round-trips through JSON and its text form has every section")
    func reportForms() throws {
        let s = Scenarios.contention()
        let report = try ConflictAnalyzer(options: testOptions(curve: true)).analyze(s, plan: Scenarios.contentionPlan(s))
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(ConflictReport.self, from: data) == report)
        let text = report.text()
        for title in ["OVER-ALLOCATION", "ORPHANED WORK", "SKILL SHORTAGES", "CONTENTION", "DEADLINE RISK", "LEFT OUT",
                      "MARGINAL VALUES", "RESOLUTIONS", "TRADE-OFF"] {
            #expect(text.contains(title), "missing section \(title)")
        }
        #expect(text.contains("short 20 h"))
    }
}
