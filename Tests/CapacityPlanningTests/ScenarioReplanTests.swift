// The weekly cycle's next scenario: the committed plan as baseline, the past as actuals.
import CapacityPlanning
import Foundation
import Testing
import TestSupport

@Suite("The next re-plan's scenario")
struct ScenarioReplanTests {
    /// A fixed project a (2 periods of 10 h), a flexible project b (30 h of work, at most 10 a
    /// period), and a plan of record: a in 0–1 by ana, b in 1–3 by bo.
    static let scenario = Scenario(
        version: 3,
        horizon: Horizon(periods: 6),
        people: [Person(id: "ana", skills: ["dev": 3], capacity: .constant(40), costPerHour: 50),
                 Person(id: "bo", skills: ["dev": 3], capacity: .constant(40), costPerHour: 60)],
        projects: [Project(id: "a", value: 10_000, duration: 2, demands: [Demand(id: "dev", skill: "dev", hours: .constant(10))]),
                   Project(id: "b", value: 20_000, duration: 3,
                           demands: [Demand(id: "dev", skill: "dev", work: 30, maxPerPeriod: 10)], maxDuration: 5)])
    static let committed = Plan(status: .feasible, projects: [
        ProjectDecision(id: "a", selected: true, start: 0), ProjectDecision(id: "b", selected: true, start: 1, finish: 3),
    ], assignments: [
        Assignment(person: "ana", project: "a", demand: "dev", period: 0, hours: 10),
        Assignment(person: "ana", project: "a", demand: "dev", period: 1, hours: 10),
        Assignment(person: "bo", project: "b", demand: "dev", period: 1, hours: 10),
        Assignment(person: "bo", project: "b", demand: "dev", period: 2, hours: 10),
        Assignment(person: "bo", project: "b", demand: "dev", period: 3, hours: 10),
    ])

    @Test("without a status period only the baseline changes: the plan of record's projects and hours")
    func baselineOnly() throws {
        let next = Self.scenario.replanned(committed: Self.committed)
        #expect(next.baseline?.projects.map { $0.id } == ["a", "b"] && next.baseline?.assignments.count == 5)
        #expect(next.status == nil && next.projects == Self.scenario.projects)
        _ = try PlanningProblem(next)
    }

    @Test("at period 2: the plan's hours before it are the actuals, a and b are in flight, b's work is what is left")
    func statusPeriod() throws {
        let next = Self.scenario.replanned(committed: Self.committed, statusPeriod: 2)
        #expect(next.status?.period == 2)
        #expect(next.status?.actuals.map { $0.hours }.reduce(0, +) == 30)
        #expect(next.status?.actuals.allSatisfy { $0.period < 2 } == true)
        #expect(next.projects.map { $0.started } == [0, 1])
        #expect(next.projects[1].demands[0].work == 20, "30 h of work less the 10 h booked in period 1")
        let problem = try PlanningProblem(next)
        #expect(problem.statusPeriod == 2)
    }

    @Test("actuals given replace the plan's; a second replan keeps the first one's past and takes off only what was booked since")
    func actualsAndASecondWeek() throws {
        let booked = [Actual(person: "ana", project: "a", demand: "dev", period: 0, hours: 10),
                      Actual(person: "ana", project: "a", demand: "dev", period: 1, hours: 10),
                      Actual(person: "bo", project: "b", demand: "dev", period: 1, hours: 4)]
        let week2 = Self.scenario.replanned(committed: Self.committed, statusPeriod: 2, actuals: booked)
        #expect(week2.projects[1].demands[0].work == 26, "only 4 h were booked on b")
        var replanned = Self.committed
        replanned.assignments = replanned.assignments.filter { $0.period >= 2 }
        let week3 = week2.replanned(committed: replanned, statusPeriod: 3)
        #expect(week3.status?.actuals.count == 4, "the three of week 2, and bo's 10 h in period 2")
        #expect(week3.projects[1].demands[0].work == 16)
        _ = try PlanningProblem(week3)
    }

    @Test("pins: one on a past period is history, one on any period keeps the hours not yet booked, a fulfilled one goes")
    func pins() throws {
        var scenario = Self.scenario
        scenario.pins = [Pin(person: "ana", project: "a", period: 0, hours: 10), Pin(person: "bo", project: "b", hours: 25),
                         Pin(person: "ana", project: "a", hours: 15)]
        let next = scenario.replanned(committed: Self.committed, statusPeriod: 2)
        #expect(next.pins.count == 1 && next.pins.first?.person == "bo" && next.pins.first?.hours == 15,
                "bo booked 10 of 25 h; ana's 20 h fulfil her 15")
        _ = try PlanningProblem(next)
    }
}
