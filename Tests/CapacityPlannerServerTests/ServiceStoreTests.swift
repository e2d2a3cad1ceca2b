// The service with a store: jobs on every store, tenants and keys, sweeps, two replicas on one PostgreSQL.
import CapacityPlanning
@testable import CapacityPlannerServer
import ConflictAnalysis
import Foundation
import StrictJSON
import TestSupport
import Testing

@Suite("Service with a job store")
struct ServiceStoreTests {
    @Test("a job runs to a valid plan on every store, and a second GET reads it from the store", arguments: TestStores.kinds)
    func jobOnEveryStore(kind: String) async throws {
        let small = try Repository.example("small-team.json")
        let location = try await TestStores.location(kind)
        try await withService({ $0.store = location }) { client in
            let created = try await client.call("POST", "/v1/jobs?solver=greedy&timeLimit=5", body: small)
            #expect(created.status == 202)
            let location = try #require(created.header("Location"))
            let done = try await client.poll(location) { ["succeeded", "failed", "cancelled"].contains($0) }
            #expect(done["state"] == .string("succeeded"))
            #expect(done["attempts"] == .number(1))
            let plan = try #require(done["plan"])
            #expect(try isValid(Data(plan.serialized()), for: small))
        }
    }

    @Test("API keys: 401 without a key, 403 for an unknown one, 404 for another tenant's job; /healthz stays open")
    func tenants() async throws {
        let folder = try CommandRunner.temporaryDirectory(prefix: "keys")
        let file = folder.appendingPathComponent("keys.txt")
        try "# key tenant\nacme-key-0123456789abcdef acme\nglobex-key-0123456789abcde globex\n".write(to: file, atomically: true, encoding: .utf8)
        let small = try Repository.example("small-team.json")
        try await withService({ $0.apiKeysPath = file.path; $0.metricsTenant = "acme" }) { client in
            let none = try await client.call("POST", "/v1/jobs?solver=greedy", body: small)
            #expect(none.status == 401)
            #expect(none.contentType.hasPrefix("application/problem+json"))
            let wrong = try await client.call("POST", "/v1/jobs?solver=greedy", body: small, key: "acme-key-0123456789abcdeX")
            #expect(wrong.status == 403)
            let created = try await client.call("POST", "/v1/jobs?solver=greedy&timeLimit=5", body: small, key: "acme-key-0123456789abcdef")
            #expect(created.status == 202)
            let location = try #require(created.header("Location"))
            let other = try await client.call("GET", location, route: "/v1/jobs/{id}", key: "globex-key-0123456789abcde")
            #expect(other.status == 404, "another tenant's job does not exist for it")
            let otherDelete = try await client.call("POST", location + "/cancel", route: "/v1/jobs/{id}/cancel", key: "globex-key-0123456789abcde")
            #expect(otherDelete.status == 404)
            let own = try await client.call("GET", location, route: "/v1/jobs/{id}", key: "acme-key-0123456789abcdef")
            #expect(own.status == 200)
            #expect(try await client.call("GET", "/healthz").status == 200)
            #expect(try await client.call("GET", "/metrics", key: "globex-key-0123456789abcde").status == 403)
            #expect(try await client.call("GET", "/metrics", key: "acme-key-0123456789abcdef").status == 200)
        }
    }

    @Test("the key file is reloaded: a new key works, a removed one is refused, a broken file keeps the old keys")
    func keyReload() throws {
        let file = try CommandRunner.temporaryDirectory(prefix: "keys").appendingPathComponent("keys.txt")
        try "first-key-0123456789abcdef acme\n".write(to: file, atomically: true, encoding: .utf8)
        let keys = try APIKeys(path: file.path)
        #expect(keys.tenant(for: "first-key-0123456789abcdef") == "acme")
        try "second-key-0123456789abcdef globex\n".write(to: file, atomically: true, encoding: .utf8)
        try keys.reload()
        #expect(keys.tenant(for: "first-key-0123456789abcdef") == nil)
        #expect(keys.tenant(for: "second-key-0123456789abcdef") == "globex")
        try "short acme\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: APIKeys.FileError.self) { try keys.reload() }
        #expect(keys.tenant(for: "second-key-0123456789abcdef") == "globex")
        #expect(!APIKeys.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(APIKeys.constantTimeEqual(Array("abcd".utf8), Array("abcd".utf8)))
    }

    @Test("without API keys the service binds to loopback only, unless --insecure-no-auth")
    func loopbackOnly() {
        let open = ServiceConfiguration(host: "0.0.0.0", port: 8080)
        #expect(open.problems().contains { $0.contains("--api-keys") })
        #expect(ServiceConfiguration(host: "0.0.0.0", port: 8080, apiKeysPath: "keys.txt").problems().isEmpty)
        #expect(ServiceConfiguration(host: "0.0.0.0", port: 8080, insecureNoAuth: true).problems().isEmpty)
        #expect(ServiceConfiguration(host: "127.0.0.1", port: 8080).problems().isEmpty)
        #expect(ServiceConfiguration(store: "redis://x").problems().contains { $0.contains("--store") })
    }

    @Test("a sweep of 5 changes: one job per variant, each plan valid for its variant, objectives gathered")
    func sweep() async throws {
        let small = try Repository.example("small-team.json")
        let base = try Scenario(json: small)
        let changes: [ScenarioChange] = [
            .drop("signup-flow"), .drop("ci-speedup"), .extendDeadline("billing-export", by: 2),
            .hire(skill: "backend", level: 3, hoursPerPeriod: 30, periods: 0...7, costPerHour: 80),
            .raisePortfolioBudget(to: 1_000_000),
        ]
        let encoder = JSONEncoder()
        let body = try JSONValue.object([
            ("scenario", JSONValue(parsing: small)),
            ("changes", .array(changes.map { try JSONValue(parsing: encoder.encode($0)) })),
        ])
        try await withService { client in
            let created = try await client.call("POST", "/v1/sweeps?solver=greedy&timeLimit=5", body: Data(body.serialized()))
            #expect(created.status == 202)
            let location = try #require(created.header("Location"))
            let done = try await client.poll(location, route: "/v1/sweeps/{id}") { $0 == "finished" }
            guard case .array(let variants)? = done["variants"] else { Issue.record("no variants"); return }
            #expect(variants.count == 6, "the scenario as it is, and one per change")
            let baseline = try #require(variants.first?["objective"]?.number)
            for (index, variant) in variants.enumerated() {
                #expect(variant["state"] == .string("succeeded"))
                guard case .string(let jobID)? = variant["job"] else { Issue.record("variant \(index) has no job"); continue }
                let job = try await client.call("GET", "/v1/jobs/\(jobID)", route: "/v1/jobs/{id}")
                let plan = try JSONDecoder().decode(Plan.self, from: Data(try #require(job.json?["plan"]).serialized()))
                let scenario = index == 0 ? base : try changes[index - 1].apply(to: base)
                let check = PlanChecker.check(plan, for: try PlanningProblem(scenario))
                #expect(check.isValid, "variant \(index)")
                #expect(abs((variant["objective"]?.number ?? .nan) - check.objective.total) < 1e-6 * max(1, abs(check.objective.total)))
                #expect(abs((variant["difference"]?.number ?? .nan) - (check.objective.total - baseline)) < 1e-3)
            }
            let refused = try await client.call("POST", "/v1/sweeps", body: Data(#"{"scenario": {}, "changes": []}"#.utf8))
            #expect(refused.status == 422)
        }
    }

    @Test("two replicas on one PostgreSQL run 50 queued jobs: each exactly once, none lost",
          .enabled(if: TestStores.postgresSkipReason == nil, "\(TestStores.postgresSkipReason ?? "")"))
    func twoReplicas() async throws {
        let small = try Repository.example("small-team.json")
        let url = try await TestStores.freshPostgresDatabase()
        try await withService({ $0.store = url; $0.maxConcurrentSolves = 2 }) { a in
            try await withService({ $0.store = url; $0.maxConcurrentSolves = 2 }) { b in
                var locations: [String] = []
                for index in 0..<50 {
                    let client = index.isMultiple(of: 2) ? a : b
                    let created = try await client.call("POST", "/v1/jobs?solver=greedy&timeLimit=2", body: small)
                    #expect(created.status == 202)
                    locations.append(try #require(created.header("Location")))
                }
                for (index, location) in locations.enumerated() {
                    // Any replica answers for any job.
                    let done = try await (index.isMultiple(of: 2) ? b : a).poll(location) { ["succeeded", "failed", "cancelled"].contains($0) }
                    #expect(done["state"] == .string("succeeded"))
                    #expect(done["attempts"] == .number(1), "run exactly once")
                }
                let (claimedByA, claimedByB) = (try await a.claimedJobs(), try await b.claimedJobs())
                #expect(claimedByA + claimedByB == 50, "the two replicas claimed 50 jobs between them")
                #expect(claimedByA > 0 && claimedByB > 0, "both replicas took work")
            }
        }
    }
}

extension LiveService {
    /// `capacity_planner_job_events_total{event="claimed"}` from `/metrics`.
    func claimedJobs() async throws -> Int {
        let text = String(decoding: try await call("GET", "/metrics").body, as: UTF8.self)
        let line = text.split(separator: "\n").first { $0.hasPrefix("capacity_planner_job_events_total{event=\"claimed\"}") }
        return line.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }.map { Int($0) } ?? 0
    }
}

extension JSONValue {
    /// The number, if this is one.
    var number: Double? { if case .number(let n) = self { n } else { nil } }
}
