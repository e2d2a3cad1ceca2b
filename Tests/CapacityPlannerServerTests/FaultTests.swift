// Faults under load: PostgreSQL stopped and started again while jobs run, SQLite's disk full, and
// a replica killed in the middle of a sweep. Every accepted job ends (succeeded, or failed with its reason), none is
// lost, and the service answers 503 — it does not crash — while its store is away.
import CapacityPlanners
import CapacityPlanning
@testable import CapacityPlannerServer
import ConflictAnalysis
import Foundation
import StrictJSON
import TestSupport
import Testing

@Suite("Faults under load", .serialized)
struct FaultTests {
    static let finalStates: Set<String> = ["succeeded", "failed", "cancelled"]


    /// Posts `count` greedy jobs of `scenario`, each accepted (202), and waits until the first runs; their locations.
    static func postJobs(_ count: Int, timeLimit: Int, scenario: Data, to client: LiveService) async throws -> [String] {
        var accepted: [String] = []
        for _ in 0..<count {
            let created = try await client.call("POST", "/v1/jobs?solver=greedy&timeLimit=\(timeLimit)", body: scenario)
            #expect(created.status == 202)
            accepted.append(try #require(created.header("Location")))
        }
        _ = try await client.poll(accepted[0]) { $0 != "queued" }
        return accepted
    }

    /// Waits for the job at `location` to end: succeeded with a valid plan of `scenario`, or failed with its reason.
    @discardableResult
    static func expectEnds(_ location: String, scenario: Data, on client: LiveService) async throws -> JSONValue {
        let done = try await client.poll(location) { finalStates.contains($0) }
        if done["state"] == .string("succeeded") {
            #expect(try isValid(Data(try #require(done["plan"]).serialized()), for: scenario))
        } else {
            #expect(done["state"] == .string("failed") && done["error"] != nil, "\(done)")
        }
        return done
    }

    /// Runs scripts/start-postgres with `arguments` for a PostgreSQL of this test's own, its
    /// output to a file; the exit status. Spawned and waited for by hand: Foundation's `Process`
    /// never saw this script end (the server it starts detaches and lives on).
    static func postgres(_ arguments: [String], port: Int, data: URL) throws -> Int32 {
        let log = data.deletingLastPathComponent().appendingPathComponent("start-postgres.log").path
        let script = SharedFiles.repositoryRoot.appendingPathComponent("scripts/start-postgres").path
        var environment = ProcessInfo.processInfo.environment
        environment["PGPORT_TESTS"] = "\(port)"
        environment["PGDATA_TESTS"] = data.path
        let argv = (["/bin/bash", script] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/bash", &actions, nil, argv, envp)
        guard spawned == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }

    @Test("PostgreSQL stopped and started again under load: 503 while it is away, no crash; every accepted job ends, none lost",
          .enabled(if: TestStores.postgresSkipReason == nil, "\(TestStores.postgresSkipReason ?? "")"))
    func postgresOutage() async throws {
        // A server of its own: stopping the shared one would fail the other tests.
        let folder = try CommandRunner.temporaryDirectory(prefix: "outage")
        let data = folder.appendingPathComponent("pg")
        let port = try ServerProcess.freePort()
        try #require(try Self.postgres([], port: port, data: data) == 0)
        defer { _ = try? Self.postgres(["stop"], port: port, data: data) }
        let url = "postgres://planner@127.0.0.1:\(port)/planner"

        let small = try Repository.example("small-team.json")
        let server = try await ServerProcess(["--store", url, "--job-lease", "3", "--max-concurrent-solves", "2"], folder: folder)
        let client = server.client
        let accepted = try await Self.postJobs(8, timeLimit: 3, scenario: small, to: client)

        // The store goes away while jobs run and wait.
        #expect(try Self.postgres(["stop"], port: port, data: data) == 0)
        let refused = try await client.call("POST", "/v1/jobs?solver=greedy&timeLimit=3", body: small)
        #expect(refused.status == 503, "a job the store cannot keep is not accepted")
        #expect(refused.header("Retry-After") != nil)
        let read = try await client.call("GET", accepted[1], route: "/v1/jobs/{id}")
        #expect(read.status == 503)
        let health = try await client.call("GET", "/healthz")
        #expect(health.status == 200 && health.json?["status"] == .string("degraded"))
        try await Task.sleep(for: .seconds(4))  // past a lease: heartbeats and ends fail meanwhile
        #expect(server.process.isRunning, "the service runs on without its store")

        // Back again: every accepted job ends, with a valid plan or its reason.
        try #require(try Self.postgres([], port: port, data: data) == 0)
        for location in accepted {
            let done = try await Self.expectEnds(location, scenario: small, on: client)
            if case .number(let attempts)? = done["attempts"] { #expect(attempts <= 3) }
        }
        #expect(server.process.isRunning)
        server.terminate()
    }

    /// Runs `command` with `arguments`; its exit status.
    static func run(_ command: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Why the disk-full test is skipped, or `nil` when this machine can mount a small file
    /// system of its own (root with CAP_SYS_ADMIN, as in CI's containers).
    static let smallDiskSkipReason: String? = {
        guard getuid() == 0, let folder = try? CommandRunner.temporaryDirectory(prefix: "mount-probe") else {
            return "a full disk is made with a small tmpfs, which needs root"
        }
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", folder.path]) == 0 else {
            return "mount -t tmpfs is not permitted here (no CAP_SYS_ADMIN): the disk-full test is skipped"
        }
        _ = run("/bin/umount", [folder.path])
        return nil
    }()

    @Test("SQLite's disk full under load: new jobs get 503, reads answer, the service runs on; with space again every accepted job ends",
          .enabled(if: smallDiskSkipReason == nil, "\(smallDiskSkipReason ?? "")"))
    func sqliteDiskFull() async throws {
        let folder = try CommandRunner.temporaryDirectory(prefix: "disk-full")
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        try #require(Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=16m", "tmpfs", disk.path]) == 0)
        defer { _ = Self.run("/bin/umount", ["-l", disk.path]) }
        let filler = disk.appendingPathComponent("filler")

        let small = try Repository.example("small-team.json")
        let server = try await ServerProcess(["--store", "sqlite:" + disk.appendingPathComponent("jobs.sqlite").path,
                                              "--job-lease", "3", "--max-concurrent-solves", "1"], folder: folder)
        let client = server.client
        let accepted = try await Self.postJobs(6, timeLimit: 2, scenario: small, to: client)

        // The disk fills up (dd stops at "No space left on device") while jobs run and wait.
        #expect(Self.run("/bin/dd", ["if=/dev/zero", "of=\(filler.path)", "bs=64k"]) != 0, "dd ends at a full disk")
        let refused = try await client.call("POST", "/v1/jobs?solver=greedy&timeLimit=2", body: small)
        #expect(refused.status == 503, "a job the store cannot keep is not accepted")
        #expect(refused.header("Retry-After") != nil)
        #expect(refused.json?["detail"].map { "\($0)".contains("full") } == true, "the reason names the full disk: \(refused.json as Any)")
        let read = try await client.call("GET", accepted[1], route: "/v1/jobs/{id}")
        #expect(read.status == 200, "a full disk still reads")
        let planned = try await client.call("POST", "/v1/plans?solver=greedy&timeLimit=1", body: small)
        #expect(planned.status == 200, "a plan that is not kept needs no disk")
        try await Task.sleep(for: .seconds(4))  // past a lease: heartbeats and ends fail meanwhile
        #expect(server.process.isRunning, "the service runs on with its disk full")

        // Space again: every accepted job ends, with a valid plan or its reason, and new jobs are taken.
        try FileManager.default.removeItem(at: filler)
        for location in accepted {
            try await Self.expectEnds(location, scenario: small, on: client)
        }
        let again = try await client.call("POST", "/v1/jobs?solver=greedy&timeLimit=1", body: small)
        #expect(again.status == 202)
        #expect(server.process.isRunning)
        server.terminate()
    }

    @Test("a replica killed in the middle of a sweep: the other finishes every variant, each once, with a valid plan",
          .enabled(if: TestStores.postgresSkipReason == nil, "\(TestStores.postgresSkipReason ?? "")"))
    func replicaKilledMidSweep() async throws {
        let folder = try CommandRunner.temporaryDirectory(prefix: "sweep-kill")
        let url = try await TestStores.freshPostgresDatabase()
        let small = try Repository.example("mid-size-pmo.json")
        let base = try Scenario(json: small)
        let changes: [ScenarioChange] = [.drop("checkout-redesign"), .drop("mobile-app-3"), .drop("partner-api"),
                                         .raisePortfolioBudget(to: 100_000_000)]
        let encoder = JSONEncoder()
        let body = try JSONValue.object([
            ("scenario", JSONValue(parsing: small)),
            ("changes", .array(changes.map { try JSONValue(parsing: encoder.encode($0)) })),
        ])
        let arguments = ["--store", url, "--job-lease", "2", "--max-concurrent-solves", "1"]
        let a = try await ServerProcess(arguments, folder: folder)
        // The mid-size portfolio keeps auto's search busy to the limit: each variant holds its
        // replica's one slot for 3 s (greedy, without GLPK, ends sooner: the kill may then find nothing running).
        let solver = PlannerKind.auto.isAvailable ? "auto" : "greedy"
        let created = try await a.client.call("POST", "/v1/sweeps?solver=\(solver)&timeLimit=3", body: Data(body.serialized()))
        let location = try #require(created.header("Location"))
        let b = try await ServerProcess(arguments, folder: folder)
        _ = try await a.client.poll(location, route: "/v1/sweeps/{id}") { _ in true }
        try await Task.sleep(for: .seconds(2))
        a.kill()
        let done = try await b.client.poll(location, route: "/v1/sweeps/{id}") { $0 == "finished" }
        guard case .array(let variants)? = done["variants"] else { Issue.record("no variants: \(done)"); return }
        #expect(variants.count == 5)
        var rerun = 0
        for (index, variant) in variants.enumerated() {
            #expect(variant["state"] == .string("succeeded"), "variant \(index): \(variant)")
            guard case .string(let id)? = variant["job"] else { continue }
            let job = try #require(try await b.client.call("GET", "/v1/jobs/\(id)", route: "/v1/jobs/{id}").json)
            if case .number(let attempts)? = job["attempts"] {
                #expect(attempts <= 2, "variant \(index) ran \(attempts) times")
                if attempts == 2 { rerun += 1 }
            }
            let plan = try JSONDecoder().decode(Plan.self, from: Data(try #require(job["plan"]).serialized()))
            let scenario = index == 0 ? base : try changes[index - 1].apply(to: base)
            #expect(PlanChecker.check(plan, for: try PlanningProblem(scenario)).isValid, "variant \(index)")
        }
        #expect(rerun <= 1, "one slot on the killed replica: at most one variant was running there")
        b.terminate()
    }
}
