// The HTML report of a version-2 scenario: system lanes (freezes, collisions) and the strategy section.
@testable import CapacityPlannerCLI
import CapacityPlanning
import Foundation
import Testing

@Suite("report rendering: format v2")
struct ReportVersion2Tests {
    private func problem() throws -> PlanningProblem {
        let people = ["ana", "bo"].map { Person(id: $0, skills: ["dev": 3], capacity: .constant(40), costPerHour: 50) }
        let projects = [
            Project(id: "wallet", value: 9000, duration: 2, demands: [Demand(skill: "dev", hours: .constant(20))],
                    scores: ["asia": 4], tags: ["theme": "growth"], costOfDelay: 300, touches: ["pay"]),
            Project(id: "refunds", value: 5000, duration: 2, demands: [Demand(skill: "dev", hours: .constant(20))],
                    tags: ["theme": "run"], touches: ["pay"]),
        ]
        return try PlanningProblem(Scenario(
            version: 2, horizon: Horizon(periods: 6, start: "2027-03-01", unit: .week), people: people, projects: projects,
            policy: Policy(balance: [BalanceRule(tag: "theme", value: "growth", measure: .projects, maxShare: 0.4)]),
            strategy: Strategy(drivers: [Driver(id: "asia", name: "Grow in Asia", weight: 0.5)], valuePerPoint: 1000),
            systems: [System(id: "pay", name: "Payments core", maxConcurrentProjects: 1, freezes: [5])]))
    }

    /// Both projects at `wallet`'s start 1 and `refunds`' start 2: a collision in period 2, and 50 % growth.
    private func page() throws -> (String, ReportData) {
        let problem = try problem()
        var allocation = Allocation(projectCount: 2)
        allocation.starts = [1, 2]
        for (d, start) in [(0, 1), (1, 2)] {
            for t in start..<(start + 2) { allocation.hours[CellKey(person: d, demand: d, period: t)] = 20 }
        }
        let plan = allocation.plan(for: problem, status: .feasible, solver: "test")
        let data = ReportData(title: "V2", problem: problem, checked: CheckedPlan(plan, for: problem))
        return (try HTMLReport.render(data), data)
    }

    @Test("system lanes: the lane, the freeze hatched, the collision marked")
    func lanes() throws {
        let (html, data) = try page()
        #expect(!data.check.isValid, "the plan breaks the system limit and the balance rule")
        #expect(html.contains("Shared systems"))
        #expect(html.contains("Payments core"))
        #expect(html.contains("url(#freeze)"), "period 5 is frozen")
        #expect(html.contains("class=\"collision\""), "two projects on the one-project system in period 2")
        #expect(html.contains("over its limit"))
    }

    @Test("strategy section: driver points and value, the broken balance rule, delay cost per project")
    func strategy() throws {
        let (html, _) = try page()
        #expect(html.contains("Strategy and balance"))
        #expect(html.contains("Grow in Asia"))
        #expect(html.contains("2,000"), "4 points × weight 0.5 × 1,000")
        #expect(html.contains("theme = growth"))
        #expect(html.contains("class=\"broken\""), "growth has 50 % of projects, above 40 %")
        #expect(html.contains("300"), "wallet starts one week late at 300 a week")
    }
}
