// Format v2 (shared/spec/scenario-v2.md): strict decoding of the new keys, every new scenario
// check of section 4, and what v1 keeps.
import Testing
import StrictJSON
import CapacityPlanning
import Foundation

/// A small v2 scenario as JSON text, with pieces that tests replace.
enum Version2Document {
    static func text(
        version: Int = 2,
        strategy: String = #"{"drivers": [{"id": "asia", "weight": 0.5}, {"id": "risk", "weight": 0.3}], "valuePerPoint": 1000}"#,
        systems: String = #"[{"id": "pay", "maxConcurrentProjects": 1, "freezes": [5]}]"#,
        first: String = #""scores": {"asia": 4}, "tags": {"theme": "growth"}, "costOfDelay": 100, "touches": ["pay"], "excludes": ["b"]"#,
        second: String = #""tags": {"theme": "run"}"#,
        balance: String = #"[{"tag": "theme", "value": "growth", "measure": "projects", "maxShare": 0.8}]"#,
        extra: String = ""
    ) -> String {
        """
        {"version": \(version), "horizon": {"periods": 6},
         "strategy": \(strategy), "systems": \(systems),
         "people": [{"id": "ann", "skills": {"dev": 3}, "capacity": 40, "costPerHour": 50}],
         "projects": [
           {"id": "a", "value": 5000, "duration": 2, "demands": [{"skill": "dev", "hours": 10}], \(first)},
           {"id": "b", "value": 4000, "duration": 2, "demands": [{"skill": "dev", "hours": 10}], \(second)}
         ],
         "policy": {"balance": \(balance)}\(extra)}
        """
    }

    /// Every issue (errors and warnings) of decoding `text`.
    static func issues(_ text: String) -> [ScenarioIssue] {
        do {
            return try Scenario.decodeWithWarnings(jsonBytes: Array(text.utf8)).warnings
        } catch {
            return error.issues
        }
    }
}

@Suite("Format v2: decoding and validation")
struct Version2ValidationTests {
    private func errors(_ text: String) -> [ScenarioIssue] {
        Version2Document.issues(text).filter { $0.severity == .error }
    }

    private func warnings(_ text: String) -> [ScenarioIssue] {
        Version2Document.issues(text).filter { $0.severity == .warning }
    }

    @Test func theV2DocumentDecodesWithEveryNewKey() throws {
        let scenario = try Scenario.decode(jsonBytes: Array(Version2Document.text().utf8))
        #expect(scenario.version == 2)
        #expect(scenario.strategy?.drivers.map(\.id) == ["asia", "risk"])
        #expect(scenario.strategy?.valuePerPoint == 1000)
        #expect(scenario.systems == [System(id: "pay", maxConcurrentProjects: 1, freezes: [5])])
        let a = scenario.projects[0]
        #expect(a.scores == ["asia": 4] && a.tags == ["theme": "growth"] && a.costOfDelay == 100)
        #expect(a.touches == ["pay"] && a.excludes == ["b"])
        #expect(scenario.policy.balance == [BalanceRule(tag: "theme", value: "growth", measure: .projects, maxShare: 0.8)])
        #expect(a.strategicScore(scenario.strategy) == 2)
    }

    @Test func encodingRoundTripsAVersion2Scenario() throws {
        let scenario = try Scenario.decode(jsonBytes: Array(Version2Document.text().utf8))
        let text = scenario.jsonValue.serialized(pretty: true)
        #expect(try Scenario.decode(jsonBytes: text) == scenario)
    }

    @Test func aVersion1DocumentWithAVersion2KeyHasAnUnknownKey() {
        let issues = errors(Version2Document.text(version: 1))
        #expect(issues.contains { $0.path == "strategy" && $0.message.contains("unknown key") })
        #expect(issues.contains { $0.path == "systems" && $0.message.contains("unknown key") })
        #expect(issues.contains { $0.path == "projects[0].scores" && $0.message.contains("unknown key") })
        #expect(issues.contains { $0.path == "policy.balance" && $0.message.contains("unknown key") })
    }

    @Test func versionMustBeOneOrTwo() {
        #expect(errors(Version2Document.text(version: 4)).contains { $0.path == "version" && $0.message.contains("1, 2 or 3") })
    }

    @Test func aScenarioBuiltInCodeWithVersion2FeaturesNeedsVersion2() {
        var scenario = Scenario(horizon: Horizon(periods: 2), people: [], projects: [Project(id: "a", duration: 1, costOfDelay: 5)])
        #expect(scenario.validate().contains { $0.path == "version" && $0.severity == .error })
        scenario.version = 2
        #expect(scenario.validate().filter { $0.severity == .error }.isEmpty)
    }

    @Test("each new error names its field", arguments: [
        (Version2Document.text(strategy: #"{"drivers": [{"id": "asia", "weight": 1}, {"id": "asia", "weight": 1}]}"#), "strategy.drivers[1].id"),
        (Version2Document.text(strategy: #"{"drivers": [{"id": "", "weight": 1}]}"#), "strategy.drivers[0].id"),
        (Version2Document.text(strategy: #"{"drivers": [{"id": "asia", "weight": -1}]}"#), "strategy.drivers[0].weight"),
        (Version2Document.text(strategy: #"{"drivers": [{"id": "asia"}]}"#), "strategy.drivers[0].weight"),
        (Version2Document.text(strategy: #"{"drivers": [{"id": "asia", "weight": 1}], "valuePerPoint": -5}"#), "strategy.valuePerPoint"),
        (Version2Document.text(systems: #"[{"id": "pay"}, {"id": "pay"}]"#), "systems[1].id"),
        (Version2Document.text(systems: #"[{"id": "pay", "freezes": [6]}]"#), "systems[0].freezes[0]"),
        (Version2Document.text(systems: #"[{"id": "pay", "maxConcurrentProjects": -1}]"#), "systems[0].maxConcurrentProjects"),
        (Version2Document.text(first: #""scores": {"asia": 6}"#), "projects[0].scores.asia"),
        (Version2Document.text(first: #""scores": {"asia": 2.5}"#), "projects[0].scores.asia"),
        (Version2Document.text(first: #""scores": {"growth": 2}"#), "projects[0].scores.growth"),
        (Version2Document.text(strategy: "null", first: #""scores": {"asia": 2}"#), "projects[0].scores.asia"),
        (Version2Document.text(first: #""tags": {"theme": 3}"#), "projects[0].tags.theme"),
        (Version2Document.text(first: #""costOfDelay": -1"#), "projects[0].costOfDelay"),
        (Version2Document.text(first: #""touches": ["crm"]"#), "projects[0].touches[0]"),
        (Version2Document.text(first: #""excludes": ["zzz"]"#), "projects[0].excludes[0]"),
        (Version2Document.text(first: #""excludes": ["a"]"#), "projects[0].excludes[0]"),
        (Version2Document.text(first: #""mandatory": true, "excludes": ["b"]"#, second: #""mandatory": true"#), "projects[0].excludes[0]"),
        (Version2Document.text(balance: #"[{"tag": "theme", "value": "growth", "minShare": 0.6, "maxShare": 0.4}]"#), "policy.balance[0]"),
        (Version2Document.text(balance: #"[{"tag": "theme", "value": "growth", "minShare": 1.5}]"#), "policy.balance[0].minShare"),
        (Version2Document.text(balance: #"[{"tag": "theme", "value": "growth", "measure": "hours"}]"#), "policy.balance[0].measure"),
        (Version2Document.text(balance: #"[{"value": "growth"}]"#), "policy.balance[0].tag"),
        (Version2Document.text(systems: #"[{"id": "pay", "freezes": [0, 1, 2, 3, 4]}]"#, first: #""mandatory": true, "touches": ["pay"]"#),
         "projects[0].touches"),
        (Version2Document.text(systems: #"[{"id": "pay", "maxConcurrentProjects": 0}]"#, first: #""mandatory": true, "touches": ["pay"]"#),
         "projects[0].touches"),
    ])
    func newErrors(_ text: String, _ path: String) {
        let found = errors(text)
        #expect(found.contains { $0.path == path }, "\(found)")
    }

    @Test func aMandatoryProjectFrozenOutSaysWhichFreeze() {
        let text = Version2Document.text(systems: #"[{"id": "pay", "freezes": [1, 3]}]"#,
                                         first: #""mandatory": true, "touches": ["pay"], "earliestStart": 0, "deadline": 4"#)
        let issue = errors(text).first { $0.path == "projects[0].touches" }
        #expect(issue?.message.contains("always overlaps the pay freeze in periods 1, 3") == true, "\(String(describing: issue))")
    }

    @Test("each new warning names its field", arguments: [
        (Version2Document.text(systems: #"[{"id": "pay", "freezes": [5, 5]}]"#), "systems[0].freezes[1]"),
        (Version2Document.text(first: #""touches": ["pay", "pay"]"#), "projects[0].touches[1]"),
        (Version2Document.text(first: #""excludes": ["b", "b"]"#), "projects[0].excludes[1]"),
        (Version2Document.text(balance: #"[{"tag": "theme", "value": "nothing"}]"#), "policy.balance[0]"),
        (Version2Document.text(systems: #"[{"id": "pay", "freezes": [0, 1, 2, 3, 4, 5]}]"#), "projects[0]"),
        (Version2Document.text(first: #""dependsOn": ["b"], "excludes": ["b"]"#), "projects[0].excludes[0]"),
        (Version2Document.text(first: #""mandatory": true, "excludes": ["b"]"#, second: #""dependsOn": []"#,
                               extra: #", "pins": [{"person": "ann", "project": "b", "hours": 1}]"#), "projects[0].excludes[0]"),
    ])
    func newWarnings(_ text: String, _ path: String) {
        #expect(errors(text).isEmpty, "\(errors(text))")
        let found = warnings(text)
        #expect(found.contains { $0.path == path }, "\(found)")
    }

    @Test func anExclusionNamedOnBothSidesIsFine() {
        let text = Version2Document.text(second: #""excludes": ["a"]"#)
        #expect(Version2Document.issues(text).isEmpty)
    }

    @Test func nullForAnOptionalVersion2KeyMeansAbsent() throws {
        let text = Version2Document.text(strategy: "null", systems: "null", first: #""scores": null, "touches": null"#, balance: "null")
        let scenario = try Scenario.decode(jsonBytes: Array(text.utf8))
        #expect(scenario.strategy == nil && scenario.systems.isEmpty && scenario.policy.balance.isEmpty)
    }
}
