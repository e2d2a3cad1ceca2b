// Nothing accepted is lost: a SIGKILLed service's jobs run after a restart, a dead replica's job
// is finished by another.
import CapacityPlanning
import Foundation
import StrictJSON
import TestSupport
import Testing

@Suite("Jobs survive crashes", .serialized)
struct ServiceRestartTests {
    static let finalStates: Set<String> = ["succeeded", "failed", "cancelled"]

    @Test("SQLite: after SIGKILL and a restart, the running job runs again for the time it had left and the queued one runs; both end with valid plans")
    func sqliteRestart() async throws {
        let folder = try CommandRunner.temporaryDirectory(prefix: "restart")
        let large = try Repository.example("mid-size-pmo.json")
        let small = try Repository.example("small-team.json")
        let arguments = ["--store", "sqlite:jobs.sqlite", "--job-lease", "2", "--max-concurrent-solves", "1"]
        var first: ServerProcess? = try await ServerProcess(arguments, folder: folder)
        let client = try #require(first?.client)
        // The long job's limit is far beyond the kill, so that a slow, parallel test run cannot let
        // it finish first; the kill comes a few heartbeats after it started (the search stores its
        // best plan so far by then; the greedy planner of a build without GLPK stores none).
        let long = try await client.call("POST", "/v1/jobs?solver=auto&timeLimit=20", body: large)
        let waiting = try await client.call("POST", "/v1/jobs?solver=greedy&timeLimit=2", body: small)
        #expect(long.status == 202 && waiting.status == 202)
        let longLocation = try #require(long.header("Location"))
        let waitingLocation = try #require(waiting.header("Location"))
        let running = try await client.poll(longLocation) { $0 == "running" }
        #expect(running["attempts"] == .number(1))
        try await Task.sleep(for: .seconds(10))
        // The seconds the first run solved, as its last heartbeat stored them.
        let before = try await client.call("GET", longLocation, route: "/v1/jobs/{id}").json
        guard case .number(let spent)? = before?["progress"]?["elapsed"] else {
            Issue.record("the running job has no progress: \(String(describing: before))")
            return
        }
        first?.kill()
        first = nil

        let second = try await ServerProcess(arguments, folder: folder)
        let restarted = ContinuousClock.now
        let again = second.client
        let interrupted = try await again.call("GET", longLocation, route: "/v1/jobs/{id}")
        #expect(interrupted.status == 200, "the job is still there after SIGKILL")
        let done = try await again.poll(longLocation) { Self.finalStates.contains($0) }
        #expect(done["state"] == .string("succeeded"), "\(second.logText.suffix(2000))")
        #expect(done["attempts"] == .number(2), "run again after the crash")
        // The second run had the time left (20 s less what the first solved), not 20 s again: it ends
        // within its lease (2 s), the time left and a few seconds of slack; the stored solve seconds
        // add up over both runs to about the limit.
        let took = ContinuousClock.now - restarted
        #expect(took < .seconds(20 - spent + 2 + 4), "the run after the crash took \(took); the first had solved \(spent) s")
        if case .number(let total)? = done["progress"]?["elapsed"] {
            #expect(total >= spent && total <= 20 + 2, "\(total) s solved over both runs")
        }
        #expect(try isValid(Data(try #require(done["plan"]).serialized()), for: large))
        let other = try await again.poll(waitingLocation) { Self.finalStates.contains($0) }
        #expect(other["state"] == .string("succeeded"))
        #expect(other["attempts"] == .number(1))
        #expect(try isValid(Data(try #require(other["plan"]).serialized()), for: small))
        second.terminate()
    }

    @Test("PostgreSQL: a replica killed mid-solve has its job finished by the other",
          .enabled(if: TestStores.postgresSkipReason == nil, "\(TestStores.postgresSkipReason ?? "")"))
    func replicaTakesOver() async throws {
        let folder = try CommandRunner.temporaryDirectory(prefix: "replicas")
        let url = try await TestStores.freshPostgresDatabase()
        let large = try Repository.example("mid-size-pmo.json")
        let arguments = ["--store", url, "--job-lease", "2", "--max-concurrent-solves", "1"]
        let a = try await ServerProcess(arguments, folder: folder)
        let created = try await a.client.call("POST", "/v1/jobs?solver=auto&timeLimit=20", body: large)
        let location = try #require(created.header("Location"))
        _ = try await a.client.poll(location) { $0 == "running" }
        let b = try await ServerProcess(arguments, folder: folder)
        a.kill()
        let done = try await b.client.poll(location) { Self.finalStates.contains($0) }
        #expect(done["state"] == .string("succeeded"), "\(b.logText.suffix(2000))")
        #expect(done["attempts"] == .number(2))
        #expect(try isValid(Data(try #require(done["plan"]).serialized()), for: large))
        b.terminate()
    }
}
