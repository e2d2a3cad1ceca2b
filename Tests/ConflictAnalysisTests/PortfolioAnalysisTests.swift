// Format v2 in the analysis: collisions on shared systems and in freezes, alignment, the new
// reasons a project is left out (each confirmed by a forced re-solve), and the new resolutions.
import CapacityPlanners
import CapacityPlanning
import ConflictAnalysis
import Testing

@Suite("Conflict analysis: format v2")
struct PortfolioAnalysisTests {
    /// Three two-week projects on a payments system (limit 1, frozen in period 5), three people.
    private func scenario(limit: Int? = 1, baseline: Baseline? = nil, balance: [BalanceRule] = [],
                          excludes: [String] = []) -> Scenario {
        let people = ["ann", "bob", "cy"].map {
            Person(id: $0, skills: ["dev": 3], capacity: .constant(40), costPerHour: 10)
        }
        let projects = [
            Project(id: "wallet", value: 9000, duration: 2, demands: [Demand(skill: "dev", hours: .constant(20))],
                    tags: ["theme": "growth"], costOfDelay: 100, touches: ["pay"], excludes: excludes),
            Project(id: "refunds", value: 5000, duration: 2, demands: [Demand(skill: "dev", hours: .constant(20))],
                    tags: ["theme": "run"], touches: ["pay"]),
            Project(id: "ledger", value: 4000, duration: 2, demands: [Demand(skill: "dev", hours: .constant(20))],
                    tags: ["theme": "growth"]),
        ]
        return Scenario(version: 2, horizon: Horizon(periods: 6), people: people, projects: projects, baseline: baseline,
                        policy: Policy(balance: balance),
                        strategy: Strategy(drivers: [Driver(id: "asia", weight: 1)], valuePerPoint: 100),
                        systems: [System(id: "pay", maxConcurrentProjects: limit, freezes: [5])])
    }

    private func baseline() -> Baseline {
        var assignments: [Assignment] = []
        for (project, person, start) in [("wallet", "ann", 0), ("refunds", "bob", 1)] {
            for t in start..<(start + 2) {
                assignments.append(Assignment(person: person, project: project, demand: "dev", period: t, hours: 20))
            }
        }
        for t in 4...5 { assignments.append(Assignment(person: "cy", project: "ledger", demand: "dev", period: t, hours: 20)) }
        return Baseline(projects: [selected("wallet", at: 0), selected("refunds", at: 1), selected("ledger", at: 4)],
                        assignments: assignments)
    }

    @Test("a baseline with two projects on a one-project system: the collision, its period and projects")
    func collisionsInTheBaseline() throws {
        let report = try ConflictAnalyzer(options: testOptions()).analyze(scenario(baseline: baseline()))
        #expect(report.plan.source == .baseline)
        #expect(!report.plan.valid)
        #expect(report.collisions == [SystemCollision(system: "pay", period: 1, kind: .overLimit, limit: 1,
                                                      projects: ["wallet", "refunds"])])
        let alignment = try #require(report.alignment)
        #expect(alignment.drivers.map(\.driver) == ["asia"])
        #expect(report.resolutions.contains { $0.change.kind == .raiseSystemLimit && $0.change.system == "pay" })
        #expect(report.resolutions.contains { $0.change.kind == .delay && $0.change.project == "refunds" })
        #expect(report.text().contains("SYSTEM COLLISIONS"))
    }

    @Test("work in a freeze is a collision even on a system without a limit")
    func freezeCollision() throws {
        var base = baseline()
        base.projects = [selected("refunds", at: 4)]
        base.assignments = (4...5).map { Assignment(person: "bob", project: "refunds", demand: "dev", period: $0, hours: 20) }
        let report = try ConflictAnalyzer(options: testOptions()).analyze(scenario(limit: nil, baseline: base))
        #expect(report.collisions == [SystemCollision(system: "pay", period: 5, kind: .freeze, limit: nil, projects: ["refunds"])])
    }

    @Test("a project left out for its selected alternative says so, and the forced re-solve confirms it costs")
    func alternativeReason() throws {
        let report = try ConflictAnalyzer(options: testOptions()).analyze(scenario(excludes: ["ledger"]))
        let ledger = try #require(report.notSelected.first { $0.project == "ledger" })
        #expect(ledger.reasons.contains { $0.kind == .alternative && $0.detail.contains("wallet") })
        let forced = try #require(ledger.forcedIn)
        #expect((forced.change ?? 0) < 0)
        #expect(forced.displaced == ["wallet"])
    }

    @Test("a project left out for a full system says which system and when")
    func systemReason() throws {
        // The payments system takes one project at a time and the horizon holds only two of them (a freeze in 5).
        var s = scenario()
        s.projects.append(Project(id: "tokens", value: 3000, duration: 2, demands: [Demand(skill: "dev", hours: .constant(10))],
                                  touches: ["pay"]))
        let report = try ConflictAnalyzer(options: testOptions()).analyze(s)
        let tokens = try #require(report.notSelected.first { $0.project == "tokens" })
        #expect(tokens.reasons.contains { $0.kind == .system && $0.detail.contains("pay") }, "\(tokens.reasons)")
        #expect(report.resolutions.contains { $0.change.kind == .raiseSystemLimit })
    }

    @Test("a project left out for a balance rule names the rule; relaxing the rule is priced")
    func balanceReason() throws {
        let rule = BalanceRule(tag: "theme", value: "growth", measure: .projects, maxShare: 0.5)
        let report = try ConflictAnalyzer(options: testOptions()).analyze(scenario(limit: nil, balance: [rule]))
        let out = report.notSelected.map(\.project)
        #expect(out.count == 1, "\(out)")
        let entry = try #require(report.notSelected.first)
        #expect(entry.reasons.contains { $0.kind == .balance && $0.detail.contains("policy.balance[0]") }, "\(entry.reasons)")
        let relax = try #require(report.resolutions.first { $0.change.kind == .relaxBalanceRule })
        #expect((relax.objectiveChange ?? 0) > 0, "a wider rule lets the third project in")
        #expect(report.alignment?.balance.first?.holds == true)
    }
}
