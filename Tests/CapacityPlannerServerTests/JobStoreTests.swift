// The job stores (memory, SQLite, PostgreSQL) keep the promises the runner and the routes rely on.
import CapacityPlanners
import CapacityPlanning
@testable import CapacityPlannerServer
import Foundation
import Logging
import SQLiteNIO
import Testing

@Suite("Job stores")
struct JobStoreTests {
    static func newJob(tenant: String = "acme", created: Date = Date()) -> NewJob {
        NewJob(job: .queued(solver: "greedy", timeLimit: 5, tenant: tenant, now: created), scenario: "{}")
    }

    @Test("a committed job is read back by its tenant only; a queued job cancelled never runs", arguments: TestStores.kinds)
    func tenantsAndCancel(kind: String) async throws {
        let store = try await TestStores.make(kind)
        let (a, b) = (Self.newJob(), Self.newJob())
        try await store.insert([a, b])
        let read = try #require(try await store.job(a.job.id, tenant: "acme"))
        #expect(read.state == .queued && read.solver == "greedy" && read.timeLimit == 5)
        #expect(try await store.job(a.job.id, tenant: "other") == nil, "another tenant does not see it")
        #expect(try await store.cancel(a.job.id, tenant: "other", at: Date()) == nil, "nor cancel it")
        let cancelled = try #require(try await store.cancel(b.job.id, tenant: "acme", at: Date()))
        #expect(cancelled.state == .cancelled && cancelled.finishedAt != nil)
        let claim = try #require(try await store.claim(owner: "r1", now: Date(), leaseUntil: Date().addingTimeInterval(3600)))
        #expect(claim.job.id == a.job.id && claim.job.state == .running && claim.job.attempts == 1 && claim.scenario == "{}")
        #expect(try await store.claim(owner: "r1", now: Date(), leaseUntil: Date().addingTimeInterval(3600)) == nil)
        #expect(try await store.counts() == [.running: 1, .cancelled: 1])
        await store.close()
    }

    @Test("two replicas claiming at once get each of 50 queued jobs exactly once", arguments: TestStores.kinds)
    func claimsExactlyOnce(kind: String) async throws {
        let store = try await TestStores.make(kind)
        let start = Date(timeIntervalSinceNow: -100)
        let jobs = (0..<50).map { Self.newJob(created: start.addingTimeInterval(Double($0))) }
        try await store.insert(jobs)
        let claimed = try await withThrowingTaskGroup(of: [String].self) { group in
            for owner in ["r1", "r2"] {
                group.addTask {
                    var mine: [String] = []
                    while let claim = try await store.claim(owner: owner, now: Date(), leaseUntil: Date().addingTimeInterval(3600)) {
                        mine.append(claim.job.id)
                        #expect(try await store.finish(claim.job.id, owner: owner, state: .succeeded, plan: nil, error: nil, at: Date()))
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(claimed.count == 50)
        #expect(Set(claimed) == Set(jobs.map(\.job.id)))
        #expect(try await store.counts() == [.succeeded: 50])
        await store.close()
    }

    @Test("claims are fair across tenants: fewer jobs running first, then the tenant served longest ago; one at its limit is passed over",
          arguments: TestStores.kinds)
    func fairClaims(kind: String) async throws {
        let store = try await TestStores.make(kind)
        let start = Date(timeIntervalSinceNow: -100)
        // acme floods first (six jobs), globex posts one after them.
        let flood = (0..<6).map { Self.newJob(tenant: "acme", created: start.addingTimeInterval(Double($0))) }
        let late = Self.newJob(tenant: "globex", created: start.addingTimeInterval(10))
        try await store.insert(flood + [late])
        let lease = Date().addingTimeInterval(3600)
        let first = try #require(try await store.claim(owner: "r1", now: Date(), leaseUntil: lease))
        #expect(first.job.id == flood[0].job.id, "nobody served yet: the oldest job goes first")
        #expect(try await store.runningByTenant(now: Date()) == ["acme": 1])
        #expect(try await store.finish(first.job.id, owner: "r1", state: .succeeded, plan: nil, error: nil, at: Date()))
        // One slot again free, nobody running: acme was served, globex not; globex's job goes next, though newer.
        let second = try #require(try await store.claim(owner: "r1", now: Date().addingTimeInterval(0.01), leaseUntil: lease))
        #expect(second.job.id == late.job.id)
        // acme has none running, globex one: acme next.
        let third = try #require(try await store.claim(owner: "r1", now: Date().addingTimeInterval(0.02), leaseUntil: lease))
        #expect(third.job.id == flood[1].job.id)
        #expect(try await store.activeJobs(tenant: "acme") == 5)
        #expect(try await store.activeJobs(tenant: "globex") == 1)
        #expect(try await store.runningByTenant(now: Date()) == ["acme": 1, "globex": 1])
        // acme at its running limit, globex's only job running: nothing to claim.
        #expect(try await store.claim(owner: "r1", now: Date(), leaseUntil: lease, excluding: ["acme"]) == nil)
        #expect(try await store.tenantCounts() == ["acme": [.succeeded: 1, .running: 1, .queued: 4], "globex": [.running: 1]])
        await store.close()
    }

    @Test("a job whose lease ran out is claimed again; after three interrupted runs it fails saying why", arguments: TestStores.kinds)
    func leases(kind: String) async throws {
        let store = try await TestStores.make(kind)
        let job = Self.newJob()
        try await store.insert([job])
        let t0 = Date()
        let first = try #require(try await store.claim(owner: "r1", now: t0, leaseUntil: t0.addingTimeInterval(10)))
        #expect(try await store.claim(owner: "r2", now: t0.addingTimeInterval(5), leaseUntil: t0.addingTimeInterval(15)) == nil,
                "the lease still holds")
        let second = try #require(try await store.claim(owner: "r2", now: t0.addingTimeInterval(11), leaseUntil: t0.addingTimeInterval(21)))
        #expect(second.job.id == first.job.id && second.job.attempts == 2)
        let beat = try await store.heartbeat(job.job.id, owner: "r1", leaseUntil: t0.addingTimeInterval(30), progress: nil, plan: nil)
        #expect(!beat.holdsLease, "r1 lost the job to r2")
        #expect(try await !store.finish(job.job.id, owner: "r1", state: .succeeded, plan: nil, error: nil, at: Date()),
                "a replica that lost the lease cannot write the end")
        _ = try #require(try await store.claim(owner: "r3", now: t0.addingTimeInterval(22), leaseUntil: t0.addingTimeInterval(32)))
        #expect(try await store.claim(owner: "r4", now: t0.addingTimeInterval(33), leaseUntil: t0.addingTimeInterval(43)) == nil)
        let failed = try #require(try await store.job(job.job.id, tenant: "acme"))
        #expect(failed.state == .failed && failed.attempts == 3)
        #expect(failed.error?.contains("interrupted 3 times") == true)
        await store.close()
    }

    @Test("heartbeats store progress and the best plan; a cancel reaches the runner; the end keeps the stored plan", arguments: TestStores.kinds)
    func heartbeatsAndEnd(kind: String) async throws {
        let store = try await TestStores.make(kind)
        let scenario = try Scenario(json: try Repository.example("small-team.json"))
        let plan = try GreedyPlanner().plan(try PlanningProblem(scenario), options: PlanningOptions(timeLimit: 2))
        let job = Self.newJob()
        try await store.insert([job])
        _ = try #require(try await store.claim(owner: "r1", now: Date(), leaseUntil: Date().addingTimeInterval(3600)))
        let progress = Job.Progress(incumbent: plan.objective, bound: nil, gap: nil, boundSource: nil, elapsed: 1.5, message: "lns")
        var beat = try await store.heartbeat(job.job.id, owner: "r1", leaseUntil: Date().addingTimeInterval(3600), progress: progress, plan: plan)
        #expect(beat == Heartbeat(holdsLease: true, cancelRequested: false))
        let running = try #require(try await store.job(job.job.id, tenant: "acme"))
        #expect(running.progress == progress)
        #expect(running.plan == plan, "the best plan so far is stored while the job runs")
        let asked = try #require(try await store.cancel(job.job.id, tenant: "acme", at: Date()))
        #expect(asked.state == .running && asked.cancelRequested == true)
        beat = try await store.heartbeat(job.job.id, owner: "r1", leaseUntil: Date().addingTimeInterval(3600), progress: nil, plan: nil)
        #expect(beat == Heartbeat(holdsLease: true, cancelRequested: true))
        #expect(try await store.finish(job.job.id, owner: "r1", state: .cancelled, plan: nil, error: nil, at: Date()))
        let done = try #require(try await store.job(job.job.id, tenant: "acme"))
        #expect(done.state == .cancelled && done.plan == plan && done.progress == progress)
        await store.close()
    }

    @Test("a released job goes back to the queue without counting a run; prune drops old finished jobs", arguments: TestStores.kinds)
    func releaseAndPrune(kind: String) async throws {
        let store = try await TestStores.make(kind)
        let jobs = (0..<4).map { Self.newJob(created: Date(timeIntervalSinceNow: Double($0) - 10)) }
        try await store.insert(jobs)
        let claim = try #require(try await store.claim(owner: "r1", now: Date(), leaseUntil: Date().addingTimeInterval(3600)))
        try await store.release(claim.job.id, owner: "r1")
        let again = try #require(try await store.claim(owner: "r2", now: Date(), leaseUntil: Date().addingTimeInterval(3600)))
        #expect(again.job.id == claim.job.id && again.job.attempts == 1)
        try await store.finish(again.job.id, owner: "r2", state: .succeeded, plan: nil, error: nil, at: Date(timeIntervalSinceNow: -7200))
        for _ in 1..<4 {
            let next = try #require(try await store.claim(owner: "r2", now: Date(), leaseUntil: Date().addingTimeInterval(3600)))
            try await store.finish(next.job.id, owner: "r2", state: .succeeded, plan: nil, error: nil, at: Date())
        }
        try await store.prune(finishedBefore: Date(timeIntervalSinceNow: -3600), keep: 2)
        #expect(try await store.counts() == [.succeeded: 2], "the one finished 2 h ago and the oldest beyond 2 are gone")
        #expect(try await store.job(again.job.id, tenant: "acme") == nil)
        await store.close()
    }

    @Test("the schema is created once, prepared again harmlessly, and a newer schema is refused")
    func schemaVersions() async throws {
        let location = try await TestStores.location("sqlite")
        let logger = Logger(label: "test")
        let store = try await StoreLocation.open(location, logger: logger)
        try await store.prepare()
        try await store.insert([Self.newJob()])
        try await store.prepare()
        #expect(try await store.counts() == [.queued: 1], "preparing again keeps the jobs")
        await store.close()
        // A later version of the service migrated this file: this one must not touch it.
        let path = String(location.dropFirst("sqlite:".count))
        let raw = try await SQLiteJobStoreProbe.execute("INSERT INTO schema_version (version) VALUES (99)", path: path)
        #expect(raw)
        let newer = try await StoreLocation.open(location, logger: logger)
        await #expect(throws: JobStoreError.self) { try await newer.prepare() }
        await newer.close()
    }

    @Test("--store values: memory, sqlite:PATH, postgres://…; anything else is named")
    func locations() {
        #expect(StoreLocation.problem("memory") == nil)
        #expect(StoreLocation.problem("sqlite:jobs.sqlite") == nil)
        #expect(StoreLocation.problem("postgres://planner@db:5432/planner") == nil)
        #expect(StoreLocation.problem("sqlite:")?.contains("path") == true)
        #expect(StoreLocation.problem("mysql://x")?.contains("mysql://x") == true)
    }
}

/// Raw SQL on a store's SQLite file, for tests that play a later version of the service.
enum SQLiteJobStoreProbe {
    static func execute(_ sql: String, path: String) async throws -> Bool {
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        _ = try await connection.query(sql)
        try await connection.close()
        return true
    }
}
