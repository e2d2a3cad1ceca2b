// Tenants that cannot starve each other: limits from the key file, request rate, jobs queued and
// running, largest time limit, and a flooding tenant's neighbour served within one solve slot.
import CapacityPlanners
@testable import CapacityPlannerServer
import Foundation
import StrictJSON
import TestSupport
import Testing

@Suite("Tenant limits")
struct TenantLimitTests {
    static let acme = "acme-key-0123456789abcdef"
    static let globex = "globex-key-0123456789abcde"

    /// A key file with `lines` (each `KEY TENANT [LIMIT=VALUE …]`).
    static func keyFile(_ lines: String) throws -> String {
        let file = try CommandRunner.temporaryDirectory(prefix: "keys").appendingPathComponent("keys.txt")
        try lines.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test("a key line's limits are the tenant's, over the service's; a bad limit is refused naming its line")
    func keyFileLimits() throws {
        let path = try Self.keyFile("\(Self.acme) acme maxJobs=3 requestsPerSecond=2.5\n\(Self.globex) globex\n")
        let keys = try APIKeys(path: path)
        let tenants = Tenants(defaults: TenantLimits(maxJobs: 50, maxTimeLimit: 60), keys: keys)
        #expect(tenants.limits(of: "acme") == TenantLimits(maxJobs: 3, requestsPerSecond: 2.5, maxTimeLimit: 60))
        #expect(tenants.limits(of: "globex") == TenantLimits(maxJobs: 50, maxTimeLimit: 60))
        #expect(tenants.atRunningLimit(["acme": 5]).isEmpty, "no running limit is set")
        let limited = Tenants(defaults: TenantLimits(maxRunning: 2), keys: keys)
        #expect(limited.hasRunningLimits)
        #expect(limited.atRunningLimit(["acme": 2, "globex": 1]) == ["acme"])

        for (line, words) in [("\(Self.acme) acme maxJobs=0", "maxJobs must be a whole number ≥ 1"),
                              ("\(Self.acme) acme speed=3", "unknown limit 'speed'"),
                              ("\(Self.acme) acme maxJobs", "is not a limit NAME=VALUE"),
                              ("\(Self.acme) acme requestsPerSecond=-1", "requestsPerSecond must be a number > 0"),
                              ("\(Self.acme) acme maxJobs=2\n\(Self.globex) acme maxJobs=3", "other limits on line 2")] {
            let bad = try Self.keyFile("# keys\n" + line + "\n")
            #expect {
                _ = try APIKeys(path: bad)
            } throws: { error in
                let text = "\(error)"
                return text.contains(words) && text.contains("keys.txt:")
            }
        }
    }

    @Test("a tenant's request rate: a burst of twice the rate, then 429 until the bucket refills")
    func requestRate() {
        let rate = RequestRate()
        let t0 = ContinuousClock.now
        #expect(rate.take("acme", rate: 2, now: t0) == nil)
        #expect(rate.take("acme", rate: 2, now: t0) == nil)
        #expect(rate.take("acme", rate: 2, now: t0) == nil)
        #expect(rate.take("acme", rate: 2, now: t0) == nil)
        #expect(rate.take("acme", rate: 2, now: t0) == 1, "the burst of 4 is spent: retry in a second")
        #expect(rate.take("globex", rate: 2, now: t0) == nil, "another tenant has its own bucket")
        #expect(rate.take("acme", rate: 2, now: t0 + .milliseconds(500)) == nil, "half a second refills one")
        #expect(rate.take("acme", rate: 0.1, now: t0 + .milliseconds(500)) == 10, "at 0.1 a second the next is 10 s away")
    }

    @Test("over HTTP: 429 with Retry-After past the rate, past the jobs queued and running; 400 past the tenant's time limit")
    func limitsOverHTTP() async throws {
        // globex: one request a hundred seconds (a burst of one), so that no request a loaded machine
        // answers slowly refills the bucket before the next.
        let path = try Self.keyFile("\(Self.acme) acme maxJobs=2 maxTimeLimit=5\n\(Self.globex) globex requestsPerSecond=0.01\n")
        let small = try Repository.example("small-team.json")
        try await withService({ $0.apiKeysPath = path; $0.maxConcurrentSolves = 1 }) { client in
            // acme: two jobs may wait; the third is refused, and says why.
            for _ in 0..<2 {
                #expect(try await client.call("POST", "/v1/jobs?solver=greedy&timeLimit=5", body: small, key: Self.acme).status == 202)
            }
            let third = try await client.call("POST", "/v1/jobs?solver=greedy&timeLimit=5", body: small, key: Self.acme)
            if third.status == 429 {
                #expect(third.header("Retry-After") != nil)
                #expect(third.json?["type"] == .string("/problems/tenant-limit"))
            } else {
                // Both earlier jobs may already have finished on a fast machine: then it was rightly accepted.
                #expect(third.status == 202)
            }
            let long = try await client.call("POST", "/v1/jobs?solver=greedy&timeLimit=6", body: small, key: Self.acme)
            #expect(long.status == 400)
            #expect(String(decoding: long.body, as: UTF8.self).contains("\"field\":\"timeLimit\""), "\(String(decoding: long.body, as: UTF8.self))")
            var statuses: [Int] = []
            for _ in 0..<3 { statuses.append(try await client.call("POST", "/v1/checks", body: Data("{}".utf8), key: Self.globex).status) }
            #expect(statuses[0] != 429, "the first goes through: \(statuses)")
            #expect(statuses.dropFirst().allSatisfy { $0 == 429 }, "the next wait 100 s: \(statuses)")
            let metrics = String(decoding: try await client.call("GET", "/metrics").body, as: UTF8.self)
            #expect(metrics.contains("capacity_planner_tenant_refusals_total{tenant=\"globex\", limit=\"rate\"}")
                    || metrics.contains("capacity_planner_tenant_refusals_total{tenant=\"globex\",limit=\"rate\"}"), "\(metrics.prefix(0))")
        }
    }

    @Test("one tenant floods one solve slot with jobs; another's job posted after them starts next",
          .enabled(if: PlannerKind.auto.isAvailable))
    func floodingTenantDoesNotStarve() async throws {
        let path = try Self.keyFile("\(Self.acme) acme\n\(Self.globex) globex\n")
        let scenario = try Repository.example("mid-size-pmo.json")
        try await withService({ $0.apiKeysPath = path; $0.maxConcurrentSolves = 1 }) { client in
            var flood: [String] = []
            for _ in 0..<6 {
                let created = try await client.call("POST", "/v1/jobs?solver=auto&timeLimit=2", body: scenario, key: Self.acme)
                #expect(created.status == 202)
                flood.append(try #require(created.header("Location")))
            }
            let posted = try await client.call("POST", "/v1/jobs?solver=greedy&timeLimit=2", body: scenario, key: Self.globex)
            let location = try #require(posted.header("Location"))
            // The flood's jobs still queued when globex posted.
            var waiting: [String] = []
            for job in flood {
                let reply = try await client.call("GET", job, route: "/v1/jobs/{id}", key: Self.acme)
                if reply.json?["state"] == .string("queued") { waiting.append(job) }
            }
            #expect(waiting.count >= 3, "one slot, 2 s each: most of the flood waits")
            let client2 = LiveService(base: client.base, key: Self.globex, shutDown: client.shutDown)
            let done = try await client2.poll(location) { ["succeeded", "failed", "cancelled"].contains($0) }
            #expect(done["state"] == .string("succeeded"))
            guard case .number(let globexStart)? = done["startedAt"].flatMap(Self.seconds) else {
                Issue.record("globex's job has no start")
                return
            }
            // Every flood job that was waiting started after globex's (if at all by now).
            var startedBefore = 0
            for job in waiting {
                let reply = try await client.call("GET", job, route: "/v1/jobs/{id}", key: Self.acme)
                if case .number(let start)? = reply.json?["startedAt"].flatMap(Self.seconds), start < globexStart { startedBefore += 1 }
                _ = try await client.call("POST", job + "/cancel", route: "/v1/jobs/{id}/cancel", key: Self.acme)
            }
            #expect(startedBefore == 0, "\(startedBefore) of acme's waiting jobs started before globex's")
        }
    }

    /// A job's timestamp (ISO 8601) as seconds, to compare.
    static func seconds(_ value: JSONValue) -> JSONValue? {
        guard case .string(let text) = value else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text) else { return nil }
        return .number(date.timeIntervalSince1970)
    }
}
