// The service against a live server on loopback, through a real HTTP client (URLSession);
// every response held to Docs/openapi.json.
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

/// One response, read.
struct Reply {
    var status: Int
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    var contentType: String { header("Content-Type") ?? "" }
    var json: JSONValue? { try? JSONValue(parsing: body) }
}

/// A running service on a free loopback port.
struct LiveService: Sendable {
    let base: URL
    /// Starts the service's graceful shutdown (as SIGTERM would).
    let shutDown: @Sendable () async -> Void

    /// Sends a request and checks the response against the OpenAPI document (`route` is the
    /// document's path template, e.g. `/v1/jobs/{id}`).
    func call(_ method: String, _ path: String, route: String? = nil, body: Data? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: base.absoluteString + path)!)
        request.httpMethod = method
        request.httpBody = body
        request.timeoutInterval = 120
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
        let reply = Reply(status: http.statusCode, headers: headers, body: data)
        let template = route ?? String(path.split(separator: "?").first ?? "")
        try SchemaValidator.load().check(path: template, method: method, status: reply.status,
                                         contentType: reply.contentType, body: reply.body)
        return reply
    }

    /// Polls a job until `done(state)`, for at most 180 s (a parallel test run can be slow).
    func poll(_ location: String, until done: (String) -> Bool) async throws -> JSONValue {
        let deadline = ContinuousClock.now + .seconds(180)
        while ContinuousClock.now < deadline {
            let reply = try await call("GET", location, route: "/v1/jobs/{id}")
            if let json = reply.json, case .string(let state)? = json["state"], done(state) { return json }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("job \(location) did not reach the state in time")
        return .null
    }
}

/// Runs `body` against a service started on a free loopback port, then shuts it down gracefully.
func withService(_ change: (inout ServiceConfiguration) -> Void = { _ in },
                 _ body: @Sendable (LiveService) async throws -> Void) async throws {
    var configuration = ServiceConfiguration(host: "127.0.0.1", port: 0, maxConcurrentSolves: 2, maxQueuedSolves: 4)
    change(&configuration)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    let app = try PlanningService.application(configuration: configuration, logger: logger) { port in
        continuation.yield(port)
    }
    let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        do {
            try await body(LiveService(base: URL(string: "http://127.0.0.1:\(port)")!,
                                       shutDown: { await group.triggerGracefulShutdown() }))
        } catch {
            await group.triggerGracefulShutdown()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
    }
}

/// Whether `plan` is valid for `scenario` by the plan checker.
func isValid(_ plan: Data, for scenario: Data) throws -> Bool {
    let problem = try PlanningProblem(try Scenario(json: scenario))
    return PlanChecker.check(try JSONDecoder().decode(Plan.self, from: plan), for: problem).isValid
}

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
            let published = try JSONValue(parsing: Data(contentsOf: Repository.root.appendingPathComponent("Docs/openapi.json")))
            #expect(document.json == published, "the served document is Docs/openapi.json (run scripts/sync-openapi)")
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

    @Test("jobs: 202 with Location, progress, a valid plan; DELETE cancels a long solve at once; 404 for an unknown job")
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
            let cancel = try await client.call("DELETE", longLocation, route: "/v1/jobs/{id}")
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
            let busy = try await client.call("POST", "/v1/plans?solver=greedy", body: large)
            #expect(busy.status == 503)
            #expect(busy.header("Retry-After") != nil)
            let health = try await client.call("GET", "/healthz")
            #expect(health.status == 200)
            #expect(health.json?["solvesRunning"] == .number(1))
            _ = try await client.call("DELETE", location, route: "/v1/jobs/{id}")
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
