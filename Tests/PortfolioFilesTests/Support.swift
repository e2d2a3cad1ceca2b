// What the file-format tests share: example scenarios with plans, and comparisons that name what differs.
import CapacityPlanners
import CapacityPlanning
import PortfolioFiles
import ScenarioGeneration
import Foundation
import StrictJSON
import TestSupport
import Testing

enum FileFixtures {
    /// A CSV file named `name` holding `text`, as the import reads it.
    static func source(_ name: String, _ text: String) -> ScenarioImporter.Source {
        ScenarioImporter.Source(name: name, data: Data(text.utf8))
    }

    /// An example scenario and the greedy planner's plan for it (checked valid).
    static func example(_ name: String) throws -> (problem: PlanningProblem, plan: Plan) {
        let data = try Data(contentsOf: SharedFiles.examples.appendingPathComponent(name))
        let problem = try PlanningProblem(try Scenario(json: data))
        let plan = try GreedyPlanner().plan(problem, options: PlanningOptions(seed: 1))
        #expect(PlanChecker.check(plan, for: problem).isValid, "the greedy plan of \(name) passes the checker")
        return (problem, plan)
    }

    /// The Part B fixture `../shared/fixtures-v3/everything.json` (roles, courses and a portfolio in
    /// flight) and its plan: the exact planner's when this build has GLPK, else greedy's (checked valid,
    /// with hires and courses).
    static func everything() throws -> (problem: PlanningProblem, plan: Plan) {
        let data = try Data(contentsOf: SharedFiles.fixtures(version: 3).appendingPathComponent("everything.json"))
        let problem = try PlanningProblem(try Scenario(json: data))
        let kind: PlannerKind = PlannerKind.glpk.isAvailable ? .glpk : .greedy
        let plan = try kind.makePlanner().plan(problem, options: PlanningOptions(seed: 1))
        #expect(PlanChecker.check(plan, for: problem).isValid, "the \(kind) plan of everything.json passes the checker")
        return (problem, plan)
    }

    /// A generated scenario with its witness plan (valid by construction, checked).
    static func generated(seed: UInt64, people: Int = 12, projects: Int = 10, periods: Int = 12) throws -> (problem: PlanningProblem, plan: Plan) {
        let (scenario, witness) = ScenarioGenerator(people: people, projects: projects, periods: periods, seed: seed).generateWithWitness()
        let problem = try PlanningProblem(scenario)
        #expect(PlanChecker.check(witness, for: problem).isValid, "the witness of seed \(seed) passes the checker")
        return (problem, witness)
    }

    /// Differences between two scenarios' people and projects, as far as a file format carries them
    /// (capacities and hours compared per period), in words; empty when they match.
    static func differences(_ a: Scenario, _ b: Scenario, demandHours: Bool = true, checkPolicy: Bool = true) -> [String] {
        var out: [String] = []
        let periods = a.horizon.periods
        if a.horizon.periods != b.horizon.periods { out.append("periods \(a.horizon.periods) ≠ \(b.horizon.periods)") }
        if a.people.map(\.id) != b.people.map(\.id) { out.append("people \(a.people.map(\.id)) ≠ \(b.people.map(\.id))") }
        for (p, q) in zip(a.people, b.people) {
            if p.resolvedName != q.resolvedName || p.skills != q.skills || p.costPerHour != q.costPerHour
                || p.team != q.team || p.maxConcurrentProjects != q.maxConcurrentProjects {
                out.append("person \(p.id): \(p) ≠ \(q)")
            }
            let (x, y) = (p.capacity.expanded(to: periods), q.capacity.expanded(to: periods))
            if zip(x, y).contains(where: { abs($0 - $1) > 1e-6 }) { out.append("capacity of \(p.id): \(x) ≠ \(y)") }
        }
        if a.projects.map(\.id) != b.projects.map(\.id) { out.append("projects \(a.projects.map(\.id)) ≠ \(b.projects.map(\.id))") }
        for (p, q) in zip(a.projects, b.projects) {
            if p.resolvedName != q.resolvedName || p.value != q.value || p.mandatory != q.mandatory || p.duration != q.duration
                || p.earliestStart != q.earliestStart || p.deadline != q.deadline || p.budget != q.budget
                || Set(p.dependsOn) != Set(q.dependsOn) {
                out.append("project \(p.id): \(p) ≠ \(q)")
            }
            if p.demands.map(\.resolvedID) != q.demands.map(\.resolvedID) { out.append("demand lines of \(p.id)") }
            for (d, e) in zip(p.demands, q.demands) {
                if d.skill != e.skill || d.minLevel != e.minLevel { out.append("demand \(p.id)/\(d.resolvedID): \(d) ≠ \(e)") }
                let (x, y) = (d.hours.expanded(to: p.duration), e.hours.expanded(to: p.duration))
                if demandHours && zip(x, y).contains(where: { abs($0 - $1) > 1e-6 }) {
                    out.append("hours of \(p.id)/\(d.resolvedID): \(x) ≠ \(y)")
                }
            }
        }
        if checkPolicy && a.policy != b.policy { out.append("policy \(a.policy) ≠ \(b.policy)") }
        return out
    }
}

extension JSONValue {
    /// The string, when this is one.
    var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    /// The elements, when this is an array.
    var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    /// The number, when this is one.
    var numberValue: Double? { if case .number(let x) = self { x } else { nil } }
}
