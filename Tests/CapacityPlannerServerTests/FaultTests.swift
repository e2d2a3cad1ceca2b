// Faults under load: a replica killed in the middle of a sweep. Every accepted job ends with a
// valid plan, none is lost, none runs more than once beyond the one the dead replica held.
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
