import Testing
import CapacityPlanning

@Suite("Plan KPIs")
struct PlanKPIsTests {
    private func kpis(_ scenario: Scenario = CheckerFixture.scenario()) throws -> PlanKPIs {
        let problem = try PlanningProblem(scenario)
        return PlanKPIs(allocation: Allocation(plan: CheckerFixture.validPlan(), problem: problem), problem: problem)
    }

    @Test func utilisationPerPersonAndPeriod() throws {
        let ana = try #require(try kpis().people.first { $0.id == "ana" })
        #expect(ana.hours == [10, 10, 0, 0])
        #expect(ana.capacity == [40, 40, 40, 40])
        #expect(ana.utilization == [0.25, 0.25, 0, 0])
        let capped = try #require(try kpis(CheckerFixture.scenario(policy: Policy(utilizationCap: 0.5))).people.first { $0.id == "ana" })
        #expect(capped.usable == [20, 20, 20, 20])
        #expect(capped.utilization == [0.25, 0.25, 0, 0])
    }

    @Test func perTeamAndPerSkill() throws {
        var scenario = CheckerFixture.scenario()
        scenario.people[0].team = "Platform"
        scenario.people[1].team = "Platform"
        let k = try kpis(scenario)
        #expect(k.teams.map(\.team) == ["", "Platform"])
        #expect(k.teams[1].hours == [10, 10, 10, 10])
        #expect(k.teams[1].capacity == [60, 60, 60, 60])
        let backend = try #require(k.skills.first { $0.skill == "backend" })
        #expect(backend.demanded == [10, 10, 0, 10])
        #expect(backend.booked == [10, 10, 0, 10])
        // ana, ben and cy all have backend at some level: 40 + 20 + 8.
        #expect(backend.headroom == [68, 68, 68, 68])
    }

    @Test func coverageAndCostPerProject() throws {
        var plan = CheckerFixture.validPlan()
        plan.assignments[3].hours = 4
        let problem = try PlanningProblem(CheckerFixture.scenario())
        let k = PlanKPIs(allocation: Allocation(plan: plan, problem: problem), problem: problem)
        let m = try #require(k.projects.first { $0.id == "M" })
        #expect(m.demandedHours == 10)
        #expect(m.bookedHours == 4)
        #expect(m.coverage == 0.4)
        #expect(m.cost == 200)
        let a = try #require(k.projects.first { $0.id == "A" })
        #expect(a.cost == 2000)
        #expect(a.budget == 5000)
        #expect(k.objective.unmetHours == 6)
    }
}
