// Format v3's portfolio in flight over HTTP: checked by POST /v1/checks with its terms; planned by
// every planner (greedy, glpk, lns, auto) and forecast by analyses; supply (Part B) is read.
import CapacityPlanning
import StrictJSON
import Foundation
import Testing
import TestSupport

@Suite("HTTP service: format v3, the portfolio in flight")
struct Version3ServiceTests {
    private func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: SharedFiles.fixtures(version: 3).appendingPathComponent(name))
    }

    /// `status-actuals-started.json`'s optimum: erp finishes one period late, ben does the 60 h left.
    private let plan = Data(#"""
        {"status": "feasible", "projects": [{"id": "erp", "selected": true, "start": 0, "finish": 4}],
         "assignments": [{"person": "ben", "project": "erp", "demand": "backend", "period": 3, "hours": 30},
                         {"person": "ben", "project": "erp", "demand": "backend", "period": 4, "hours": 30}]}
        """#.utf8)

    @Test("POST /v1/checks checks a plan for it, with the late cost; a hand-broken start is rule 13")
    func check() async throws {
        let scenario = try fixture("status-actuals-started.json")
        try await withService { client in
            let body = Data(#"{"scenario": "#.utf8) + scenario + Data(#", "plan": "#.utf8) + plan + Data("}".utf8)
            let check = try await client.call("POST", "/v1/checks", body: body)
            #expect(check.status == 200)
            #expect(check.json?["valid"] == .bool(true))
            #expect(check.json?["objective"] == .number(34400))
            #expect(check.json?["terms"]?["lateCost"] == .number(2000))

            let moved = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\"start\": 0", with: "\"start\": 2")
            let broken = try await client.call("POST", "/v1/checks", body: Data(moved.utf8))
            #expect(broken.json?["valid"] == .bool(false))
            guard case .array(let violations)? = broken.json?["violations"] else {
                Issue.record("no violations: \(String(describing: broken.json))")
                return
            }
            #expect(violations.contains { $0["rule"] == .number(13) })
        }
    }

    @Test("greedy plans it over HTTP, the search plans it too, and analyses forecast it")
    func planned() async throws {
        let scenario = try fixture("status-actuals-started.json")
        try await withService { client in
            let planned = try await client.call("POST", "/v1/plans?solver=greedy", body: scenario)
            #expect(planned.status == 200, "\(String(describing: planned.json))")
            let plan = try JSONDecoder().decode(Plan.self, from: planned.body)
            #expect(PlanChecker.check(plan, for: try PlanningProblem(try Scenario(json: scenario))).isValid)
            #expect(plan.projects.contains { $0.finish != nil })
            #if GLPK  // without GLPK there is no lns to ask (400)
            let searched = try await client.call("POST", "/v1/plans?solver=lns&timeLimit=10", body: scenario)
            #expect(searched.status == 200, "\(String(describing: searched.json))")
            let found = try JSONDecoder().decode(Plan.self, from: searched.body)
            #expect(PlanChecker.check(found, for: try PlanningProblem(try Scenario(json: scenario))).isValid)
            #expect(found.status == .optimal && found.objective.map { abs($0 - 34400) < 1e-6 } == true)
            #endif
            let analysis = Data(#"{"scenario": "#.utf8) + scenario + Data("}".utf8)
            let reply = try await client.call("POST", "/v1/analyses?solver=greedy&timeLimit=5", body: analysis)
            #expect(reply.status == 200, "\(String(describing: reply.json))")
            guard case .array(let forecast)? = reply.json?["forecast"] else {
                Issue.record("no forecast in \(String(describing: reply.json))")
                return
            }
            #expect(forecast.first?["project"] == .string("erp") && forecast.first?["late"] == .number(1))
        }
    }

    @Test("supply (Part B) is read over HTTP: its fixture is planned; a role id with '#' is a 422 naming hiring[0].id")
    func supply() async throws {
        let scenario = try fixture("hiring-lead-time.json")
        let invalid = try fixture("invalid-v3-role-id-hash.json")
        try await withService { client in
            let planned = try await client.call("POST", "/v1/plans?solver=greedy", body: scenario)
            #expect(planned.status == 200, "\(String(describing: planned.json))")
            let refused = try await client.call("POST", "/v1/plans?solver=greedy", body: invalid)
            #expect(refused.status == 422)
            #expect(refused.json?["errors"]?.fields == ["hiring[0].id"], "\(String(describing: refused.json))")
        }
    }
}
