// The weekly cycle in the service: scenarios kept in versions, jobs for a version, commits, the
// plan of record as the next version's baseline, comparisons; tenants see only their own.
import CapacityPlanning
@testable import CapacityPlannerServer
import ConflictAnalysis
import Foundation
import StrictJSON
import TestSupport
import Testing

@Suite("Kept scenarios, commits and comparisons")
struct ScenarioServiceTests {
    /// Solves version `version` of scenario `id` with greedy and commits the plan; the job's id.
    static func solveAndCommit(_ client: LiveService, _ id: String, version: Int, key: String? = nil) async throws -> String {
        let created = try await client.call("POST", "/v1/scenarios/\(id)/versions/\(version)/jobs?solver=greedy&timeLimit=2",
                                            route: "/v1/scenarios/{id}/versions/{version}/jobs", key: key)
        #expect(created.status == 202, "\(created.json as Any)")
        let location = try #require(created.header("Location"))
        let done = try await client.poll(location, key: key) { ["succeeded", "failed", "cancelled"].contains($0) }
        #expect(done["state"] == .string("succeeded"))
        #expect(done["scenarioVersion"]?["version"] == .number(Double(version)))
        guard case .string(let job)? = done["id"] else { throw CocoaError(.coderValueNotFound) }
        let commit = try await client.call("POST", "/v1/scenarios/\(id)/versions/\(version)/commit",
                                           route: "/v1/scenarios/{id}/versions/{version}/commit",
                                           body: Data(#"{"job": "\#(job)"}"#.utf8), key: key)
        #expect(commit.status == 201, "\(commit.json as Any)")
        return job
    }

    @Test("the cycle on every store: keep, solve, commit; a new version by changes has the plan of record as its baseline; two committed plans compared",
          arguments: TestStores.kinds)
    func weeklyCycle(kind: String) async throws {
        let small = try Repository.example("small-team.json")
        let location = try await TestStores.location(kind)
        try await withService({ $0.store = location }) { client in
            let body = try JSONValue.object([("name", .string("Squad H1")), ("scenario", JSONValue(parsing: small))])
            let created = try await client.call("POST", "/v1/scenarios", body: Data(body.serialized()))
            #expect(created.status == 201, "\(created.json as Any)")
            guard case .string(let id)? = created.json?["id"] else { Issue.record("no id"); return }
            #expect(created.header("Location") == "/v1/scenarios/\(id)")

            let first = try await Self.solveAndCommit(client, id, version: 1)
            let change = try JSONValue(parsing: JSONEncoder().encode(ScenarioChange.raisePortfolioBudget(to: 40_000)))
            let second = try await client.call("POST", "/v1/scenarios/\(id)/versions", route: "/v1/scenarios/{id}/versions",
                                               body: Data(JSONValue.object([("changes", .array([change]))]).serialized()))
            #expect(second.status == 201, "\(second.json as Any)")
            #expect(second.json?["version"] == .number(2))
            let baseline = second.json?["document"]?["baseline"]
            #expect(baseline != nil, "version 2's baseline is version 1's plan of record")
            _ = try await Self.solveAndCommit(client, id, version: 2)

            let kept = try await client.call("GET", "/v1/scenarios/\(id)", route: "/v1/scenarios/{id}")
            #expect(kept.status == 200)
            guard case .array(let commits)? = kept.json?["commits"] else { Issue.record("no commits"); return }
            #expect(commits.count == 2 && commits.first?["job"] == .string(first))

            let compared = try await client.call("GET", "/v1/comparisons?a=\(id)@1&b=\(id)@2", route: "/v1/comparisons")
            #expect(compared.status == 200, "\(compared.json as Any)")
            let comparison = try JSONDecoder().decode(PlanComparison.self, from: compared.body)
            #expect(abs(comparison.terms.map(\.change).reduce(0, +) - comparison.difference) <= 1e-6 * max(1, abs(comparison.difference)))
            #expect(abs(comparison.byProject.map(\.change).reduce(0, +) - comparison.difference) <= 1e-6 * max(1, abs(comparison.difference)))

            let put = try await client.call("PUT", "/v1/scenarios/\(id)", route: "/v1/scenarios/{id}", body: small)
            #expect(put.status == 201 && put.json?["version"] == .number(3))
            let third = try await client.call("GET", "/v1/scenarios/\(id)/versions/3", route: "/v1/scenarios/{id}/versions/{version}")
            #expect(third.status == 200 && third.json?["planOfRecord"] == nil && third.json?["document"]?["baseline"] != nil)
            #expect(try await client.call("GET", "/v1/scenarios/\(id)/versions/9", route: "/v1/scenarios/{id}/versions/{version}").status == 404)
            let wrongJob = try await client.call("POST", "/v1/scenarios/\(id)/versions/3/commit", route: "/v1/scenarios/{id}/versions/{version}/commit",
                                                 body: Data(#"{"job": "\#(first)"}"#.utf8))
            #expect(wrongJob.status == 409, "a job of version 1 is not version 3's plan")
        }
    }

    @Test("tenants: 401 without a key, 403 for an unknown one, 404 for another tenant's scenario, version, commit and comparison")
    func tenantIsolation() async throws {
        let folder = try CommandRunner.temporaryDirectory(prefix: "keys")
        let file = folder.appendingPathComponent("keys.txt")
        try "acme-key-0123456789abcdef acme\nglobex-key-0123456789abcde globex\n".write(to: file, atomically: true, encoding: .utf8)
        let (acme, globex) = ("acme-key-0123456789abcdef", "globex-key-0123456789abcde")
        let small = try Repository.example("small-team.json")
        let body = Data(try JSONValue.object([("name", .string("A")), ("scenario", JSONValue(parsing: small))]).serialized())
        try await withService({ $0.apiKeysPath = file.path }) { client in
            #expect(try await client.call("POST", "/v1/scenarios", body: body).status == 401)
            #expect(try await client.call("POST", "/v1/scenarios", body: body, key: "acme-key-0123456789abcdeX").status == 403)
            let created = try await client.call("POST", "/v1/scenarios", body: body, key: acme)
            guard case .string(let id)? = created.json?["id"] else { Issue.record("no id"); return }
            _ = try await Self.solveAndCommit(client, id, version: 1, key: acme)
            for (method, path, route) in [("GET", "/v1/scenarios/\(id)", "/v1/scenarios/{id}"),
                                          ("GET", "/v1/scenarios/\(id)/versions/1", "/v1/scenarios/{id}/versions/{version}"),
                                          ("POST", "/v1/scenarios/\(id)/versions/1/jobs?solver=greedy", "/v1/scenarios/{id}/versions/{version}/jobs"),
                                          ("GET", "/v1/comparisons?a=\(id)@1&b=\(id)@1", "/v1/comparisons")] {
                #expect(try await client.call(method, path, route: route, key: globex).status == 404, "\(method) \(path)")
                #expect(try await client.call(method, path, route: route, key: acme).status < 300, "\(method) \(path) for its tenant")
            }
            #expect(try await client.call("PUT", "/v1/scenarios/\(id)", route: "/v1/scenarios/{id}", body: small, key: globex).status == 404)
        }
    }

    @Test("kept scenarios and commits outlive a SIGKILL: the service restarted on the same store finds them",
          arguments: TestStores.kinds.filter { $0 != "memory" })
    func keptAcrossKill(kind: String) async throws {
        let folder = try CommandRunner.temporaryDirectory(prefix: "kept-kill")
        let store = try await TestStores.location(kind)
        let small = try Repository.example("small-team.json")
        let body = Data(try JSONValue.object([("name", .string("A")), ("scenario", JSONValue(parsing: small))]).serialized())
        let first = try await ServerProcess(["--store", store], folder: folder)
        let created = try await first.client.call("POST", "/v1/scenarios", body: body)
        guard case .string(let id)? = created.json?["id"] else { Issue.record("no id"); first.kill(); return }
        let job = try await Self.solveAndCommit(first.client, id, version: 1)
        first.kill()
        let second = try await ServerProcess(["--store", store], folder: folder)
        let kept = try await second.client.call("GET", "/v1/scenarios/\(id)", route: "/v1/scenarios/{id}")
        #expect(kept.status == 200)
        guard case .array(let commits)? = kept.json?["commits"] else { Issue.record("no commits"); second.terminate(); return }
        #expect(commits.count == 1 && commits.first?["job"] == .string(job))
        let version = try await second.client.call("GET", "/v1/scenarios/\(id)/versions/1", route: "/v1/scenarios/{id}/versions/{version}")
        #expect(version.json?["planOfRecord"] != nil)
        second.terminate()
    }
}
