// The scenario half of the stores (memory, SQLite, PostgreSQL): versions numbered in order, commits
// kept as history, each tenant seeing only its own.
@testable import CapacityPlannerServer
import Foundation
import Testing

@Suite("Scenario stores")
struct ScenarioStoreTests {
    @Test("a scenario's versions are numbered 1, 2, 3; its commits are kept in order; the plan of record is the last commit",
          arguments: TestStores.kinds)
    func versionsAndCommits(kind: String) async throws {
        let store = try await TestStores.make(kind)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try await store.createScenario("s1", tenant: "acme", name: "H1 portfolio", body: "{\"v\":1}", at: now)
        #expect(try await store.addVersion("s1", tenant: "acme", body: "{\"v\":2}", at: now.addingTimeInterval(1)) == 2)
        #expect(try await store.addVersion("s1", tenant: "acme", body: "{\"v\":3}", at: now.addingTimeInterval(2)) == 3)
        #expect(try await store.addVersion("nope", tenant: "acme", body: "{}", at: now) == nil)
        #expect(try await store.versionBody("s1", tenant: "acme", version: 2) == "{\"v\":2}")
        #expect(try await store.versionBody("s1", tenant: "acme", version: 9) == nil)

        try await store.commit("s1", tenant: "acme", version: 1, job: "j1", plan: "{\"p\":1}", objective: 10, at: now.addingTimeInterval(3))
        try await store.commit("s1", tenant: "acme", version: 2, job: "j2", plan: "{\"p\":2}", objective: nil, at: now.addingTimeInterval(4))
        try await store.commit("s1", tenant: "acme", version: 1, job: "j3", plan: "{\"p\":3}", objective: 12, at: now.addingTimeInterval(5))
        let kept = try #require(try await store.scenario("s1", tenant: "acme"))
        #expect(kept.name == "H1 portfolio" && kept.createdAt == now)
        #expect(kept.versions.map(\.version) == [1, 2, 3])
        #expect(kept.commits.map(\.job) == ["j1", "j2", "j3"] && kept.commits.map(\.objective) == [10, nil, 12])
        #expect(try await store.planOfRecord("s1", tenant: "acme", version: 1)?.plan == "{\"p\":3}", "the last commit of version 1")
        let latest = try #require(try await store.planOfRecord("s1", tenant: "acme", version: nil))
        #expect(latest.version == 2 && latest.plan == "{\"p\":2}", "the highest committed version's")
        #expect(try await store.planOfRecord("s1", tenant: "acme", version: 3) == nil)
        await store.close()
    }

    @Test("another tenant sees none of it, and may use the same id for its own", arguments: TestStores.kinds)
    func tenantIsolation(kind: String) async throws {
        let store = try await TestStores.make(kind)
        try await store.createScenario("s1", tenant: "acme", name: "A", body: "{}", at: Date())
        #expect(try await store.scenario("s1", tenant: "globex") == nil)
        #expect(try await store.versionBody("s1", tenant: "globex", version: 1) == nil)
        #expect(try await store.addVersion("s1", tenant: "globex", body: "{}", at: Date()) == nil)
        try await store.createScenario("s1", tenant: "globex", name: "G", body: "{\"g\":1}", at: Date())
        #expect(try await store.scenario("s1", tenant: "globex")?.name == "G")
        #expect(try await store.scenario("s1", tenant: "acme")?.name == "A")
        await #expect(throws: JobStoreError.self) {
            try await store.createScenario("s1", tenant: "acme", name: "again", body: "{}", at: Date())
        }
        #expect(try await store.scenario("s1", tenant: "acme")?.versions.count == 1, "a refused create adds no version")
        await store.close()
    }

    @Test("a SQLite store keeps scenarios and commits when reopened (a restart)")
    func reopened() async throws {
        let location = try await TestStores.location("sqlite")
        let first = try await StoreLocation.open(location, logger: .init(label: "test"))
        try await first.prepare()
        try await first.createScenario("s1", tenant: "acme", name: "A", body: "{}", at: Date())
        try await first.commit("s1", tenant: "acme", version: 1, job: "j", plan: "{}", objective: 1, at: Date())
        await first.close()
        let second = try await StoreLocation.open(location, logger: .init(label: "test"))
        try await second.prepare()
        #expect(try await second.scenario("s1", tenant: "acme")?.commits.count == 1)
        await second.close()
    }
}
