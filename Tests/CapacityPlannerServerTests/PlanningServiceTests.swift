// The service against a live server on loopback, through a real HTTP client (URLSession);
// every response held to Docs/openapi.json.
import StrictJSON
import CapacityPlanning
@testable import CapacityPlannerServer
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@Suite("HTTP service, live on loopback")
struct PlanningServiceTests {
    @Test("health, metrics and the OpenAPI document")
    func operational() async throws {
        try await withService { client in
            let health = try await client.call("GET", "/healthz")
            #expect(health.status == 200)
            #expect(health.json?["status"] == .string("ok"))
            let metrics = try await client.call("GET", "/metrics")
            #expect(metrics.status == 200)
            let text = String(decoding: metrics.body, as: UTF8.self)
            #expect(text.contains("capacity_planner_solves_running"))
            #expect(text.contains("http_requests_total"), "the health check above was counted")
            let document = try await client.call("GET", "/openapi.json")
            let source = try Data(contentsOf: Repository.root.appendingPathComponent("Sources/CapacityPlannerServer/openapi.json"))
            #expect(document.body == source, "the served document is the one the routes are generated from, byte for byte")
            #expect(document.header("Content-Type") == "application/json")
            #expect(health.header("X-Request-ID") != nil)
        }
    }

    @Test("POST /v1/plans: a valid plan for the example; bad parameters and bodies name the field")
    func plans() async throws {
        let scenario = try Repository.example("small-team.json")
        try await withService { client in
            let ok = try await client.call("POST", "/v1/plans?solver=greedy&timeLimit=5", body: scenario)
            #expect(ok.status == 200)
            #expect(try isValid(ok.body, for: scenario))

            let solver = try await client.call("POST", "/v1/plans?solver=simplex", body: scenario)
            #expect(solver.status == 400)
            #expect(solver.contentType == "application/problem+json")
            #expect(solver.json?["errors"] == .array([.object([("field", .string("solver")),
                                                               ("reason", solver.json?["errors"]?.firstReason ?? .null)])]))
            for limit in ["-1", "abc", "100000"] {
                let bad = try await client.call("POST", "/v1/plans?timeLimit=\(limit)", body: scenario)
                #expect(bad.status == 400, "timeLimit=\(limit)")
                #expect(bad.json?["detail"].flatMap { if case .string(let s) = $0 { s } else { nil } }?.hasPrefix("timeLimit") == true)
            }

            var typo = String(decoding: scenario, as: UTF8.self)
            typo = typo.replacingOccurrences(of: "\"costPerHour\"", with: "\"costPerHuor\"")
            let invalid = try await client.call("POST", "/v1/plans", body: Data(typo.utf8))
            #expect(invalid.status == 422)
            #expect(invalid.json?["type"] == .string("/problems/invalid-scenario"))
            let fields = invalid.json?["errors"]?.fields ?? []
            #expect(fields.contains { $0.hasPrefix("people[") && $0.hasSuffix("costPerHuor") }, "\(fields)")

            let notJSON = try await client.call("POST", "/v1/plans", body: Data("{\"version\": 1,".utf8))
            #expect(notJSON.status == 422)

            let missing = try await client.call("GET", "/v1/nothing-here", route: "/v1/jobs/{id}")
            #expect(missing.status == 404)
        }
    }

    @Test("a body over the limit is refused with 413")
    func bodyLimit() async throws {
        let big = Data(repeating: UInt8(ascii: " "), count: 200_000) + Data("{}".utf8)
        try await withService({ $0.maxBodyBytes = 100_000 }) { client in
            let reply = try await client.call("POST", "/v1/plans", body: big)
            #expect(reply.status == 413)
            #expect(reply.contentType == "application/problem+json")
            let health = try await client.call("GET", "/healthz")
            #expect(health.status == 200, "the server is still answering")
        }
    }

    @Test("a method the document does not declare on a path it declares is 405 with Allow; an unknown path is 404")
    func methodNotAllowed() async throws {
        try await withService { client in
            let put = try await client.call("PUT", "/v1/plans", body: Data("{}".utf8), declared: false)
            #expect(put.status == 405)
            #expect(put.header("Allow") == "POST")
            #expect(put.contentType == "application/problem+json")
            let patch = try await client.call("PATCH", "/v1/jobs/some-id", body: Data("{}".utf8), declared: false)
            #expect(patch.status == 405)
            #expect(patch.header("Allow") == "GET")
            let delete = try await client.call("DELETE", "/v1/jobs/some-id", declared: false)
            #expect(delete.status == 405, "a job is cancelled by POST /v1/jobs/{id}/cancel and stays readable")
            let post = try await client.call("POST", "/healthz", body: Data("{}".utf8), declared: false)
            #expect(post.status == 405)
            #expect(post.header("Allow") == "GET")
            let unknown = try await client.call("GET", "/v1/nothing-here", declared: false)
            #expect(unknown.status == 404)
        }
    }

    @Test("POST /v1/checks: validity, objective and broken rules; missing members named")
    func checks() async throws {
        let scenario = try Repository.example("small-team.json")
        try await withService { client in
            let plan = try await client.call("POST", "/v1/plans?solver=greedy", body: scenario)
            let body = "{\"scenario\": \(String(decoding: scenario, as: UTF8.self)), \"plan\": \(String(decoding: plan.body, as: UTF8.self))}"
            let check = try await client.call("POST", "/v1/checks", body: Data(body.utf8))
            #expect(check.status == 200)
            #expect(check.json?["valid"] == .bool(true))
            let stated = try JSONDecoder().decode(Plan.self, from: plan.body).objective
            if case .number(let objective)? = check.json?["objective"], let stated {
                #expect(abs(objective - stated) <= 1e-6 * max(1, abs(stated)))
            } else {
                Issue.record("no objective")
            }
            let noPlan = try await client.call("POST", "/v1/checks",
                                        body: Data("{\"scenario\": \(String(decoding: scenario, as: UTF8.self))}".utf8))
            #expect(noPlan.status == 422)
            #expect(noPlan.json?["errors"]?.fields == ["plan"])
        }
    }

    @Test("POST /v1/analyses: a conflict report")
    func analyses() async throws {
        let scenario = try Repository.example("small-team.json")
        try await withService { client in
            let body = Data("{\"scenario\": \(String(decoding: scenario, as: UTF8.self))}".utf8)
            let reply = try await client.call("POST", "/v1/analyses?solver=greedy&timeLimit=0.5", body: body)
            #expect(reply.status == 200)
            #expect(reply.json?["plan"]?["source"] == .string("fresh"))
        }
    }

    @Test("jobs: 202 with Location, progress, a valid plan; POST …/cancel stops a long solve at once, keeping its plan; 404 for an unknown job")
    func jobs() async throws {
        let small = try Repository.example("small-team.json")
        let large = try Repository.example("mid-size-pmo.json")
        try await withService { client in
            let created = try await client.call("POST", "/v1/jobs?solver=greedy&timeLimit=5", body: small)
            #expect(created.status == 202)
            let location = try #require(created.header("Location"))
            #expect(location.hasPrefix("/v1/jobs/"))
            let done = try await client.poll(location) { $0 == "succeeded" || $0 == "failed" }
            #expect(done["state"] == .string("succeeded"))
            let plan = try #require(done["plan"])
            #expect(try isValid(Data(plan.serialized()), for: small))

            let long = try await client.call("POST", "/v1/jobs?solver=auto&timeLimit=120", body: large)
            let longLocation = try #require(long.header("Location"))
            _ = try await client.poll(longLocation) { $0 == "running" }
            let cancel = try await client.call("POST", longLocation + "/cancel", route: "/v1/jobs/{id}/cancel")
            #expect(cancel.status == 202)
            #expect(cancel.json?["cancelRequested"] == .bool(true))
            let cancelled = try await client.poll(longLocation) { $0 == "cancelled" }
            if let plan = cancelled["plan"], case .object = plan {
                #expect(try isValid(Data(plan.serialized()), for: large), "the plan found so far is valid")
                // The solve's own clock (on its thread): stopped long before its 120 s limit.
                if case .number(let seconds)? = plan["details"]?["seconds"] { #expect(seconds < 100) }
            }
            let unknown = try await client.call("GET", "/v1/jobs/no-such-job", route: "/v1/jobs/{id}")
            #expect(unknown.status == 404)
        }
    }

    @Test("graceful shutdown answers an in-flight solve at once with its best plan")
    func gracefulShutdown() async throws {
        let large = try Repository.example("mid-size-pmo.json")
        try await withService { client in
            async let reply = client.call("POST", "/v1/plans?solver=auto&timeLimit=120", body: large)
            try await Task.sleep(for: .seconds(2))
            await client.shutDown()
            let answer = try await reply
            #expect(answer.status == 200)
            #expect(try isValid(answer.body, for: large))
            // The solve's own clock: stopped by the shutdown, long before its 120 s limit.
            if case .number(let seconds)? = answer.json?["details"]?["seconds"] { #expect(seconds < 100) }
        }
    }

    @Test("a full queue answers 503 with Retry-After, and health checks still answer")
    func queueLimit() async throws {
        let large = try Repository.example("mid-size-pmo.json")
        try await withService({ $0.maxConcurrentSolves = 1; $0.maxQueuedSolves = 0 }) { client in
            let job = try await client.call("POST", "/v1/jobs?solver=auto&timeLimit=120", body: large)
            #expect(job.status == 202)
            let location = try #require(job.header("Location"))
            _ = try await client.poll(location) { $0 == "running" }  // the job runner has claimed it
            let busy = try await client.call("POST", "/v1/plans?solver=greedy", body: large)
            #expect(busy.status == 503)
            #expect(busy.header("Retry-After") != nil)
            let health = try await client.call("GET", "/healthz")
            #expect(health.status == 200)
            #expect(health.json?["solvesRunning"] == .number(1))
            _ = try await client.call("POST", location + "/cancel", route: "/v1/jobs/{id}/cancel")
            _ = try await client.poll(location) { $0 == "cancelled" }
            let after = try await client.call("POST", "/v1/plans?solver=greedy&timeLimit=2", body: try Repository.example("small-team.json"))
            #expect(after.status == 200, "the slot is free again")
        }
    }
}

extension JSONValue {
    /// The `field` of each element of an `errors` array.
    var fields: [String] {
        guard case .array(let items) = self else { return [] }
        return items.compactMap { if case .string(let s)? = $0["field"] { s } else { nil } }
    }

    /// The first error's reason.
    var firstReason: JSONValue? {
        guard case .array(let items) = self else { return nil }
        return items.first?["reason"]
    }
}
