import StrictJSON
import CapacityPlanning
import Foundation
import Testing

@Suite("Scenario decoding")
struct ScenarioDecodingTests {
    private typealias Support = DecodingSupport

    // MARK: Fixtures

    /// For each invalid fixture: the errors it must produce (path, message fragment), and nothing else;
    /// `reason` is the part of expected.json's reason that the error stands for.
    private static let invalidFixtureErrors: [String: [(path: String, fragment: String, reason: String)]] = [
        "invalid-array-length.json": [
            ("people[0].capacity", "capacity has 3 entries for 4 periods", "people[0].capacity has 3 entries for 4 periods"),
            ("projects[0].demands[0].hours", "hours has 3 entries for duration 2",
             "projects[0].demands[0].hours has 3 entries for duration 2"),
        ],
        "invalid-dependency-cycle.json": [
            ("projects[0].dependsOn[0]", "dependsOn cycle a -> c -> b -> a", "dependsOn cycle a -> c -> b -> a"),
        ],
        "invalid-duplicate-id.json": [
            ("people[1].id", "person id 'ana' is duplicated", "person id 'ana' is duplicated"),
        ],
        "invalid-mandatory-cannot-fit.json": [
            ("projects[0]", "mandatory project 'compliance' cannot fit: earliestStart 1 + duration 4 - 1 > deadline 3",
             "mandatory project 'compliance' cannot fit: earliestStart 1 + duration 4 - 1 > deadline 3"),
        ],
        "invalid-pin-unknown-demand.json": [
            ("pins[0].demand", "pin names demand 'frontend', which project 'api' does not have",
             "pins[0] names demand 'frontend', which project 'api' does not have"),
            ("pins[1].period", "pin names period 4 outside the horizon 0..<4",
             "pins[1] names period 4 outside the horizon 0..<4"),
        ],
        "invalid-unknown-key.json": [
            ("people[1].costPerHuor", "unknown key 'costPerHuor' (did you mean 'costPerHour'?)",
             "unknown key people[1].costPerHuor (typo of costPerHour)"),
        ],
    ]

    @Test func everyFixtureIsListedInExpectedJSON() throws {
        let expected = try DecodingFixtures.expectations()
        let names = try DecodingFixtures.scenarioNames()
        #expect(names.count >= 20, "fixtures at \(DecodingFixtures.directory.path)")
        #expect(Set(names) == Set(expected.keys))
        #expect(Set(try DecodingFixtures.invalidNames()) == Set(Self.invalidFixtureErrors.keys))
    }

    @Test func invalidFixturesAreRejectedForTheSpecsReason() throws {
        let expected = try DecodingFixtures.expectations()
        for name in try DecodingFixtures.invalidNames() {
            let wanted = try #require(Self.invalidFixtureErrors[name], "no expectation for \(name)")
            let data = try DecodingFixtures.data(name)
            var issues: [ScenarioIssue] = []
            do {
                _ = try Scenario(json: data)
                Issue.record("\(name) was accepted")
            } catch {
                issues = error.issues
            }
            #expect(issues.count == wanted.count, "\(name): \(issues)")
            #expect(issues.allSatisfy { $0.severity == .error })
            for (path, fragment, reason) in wanted {
                #expect(Support.contains(issues, path: path, fragment), "\(name): \(issues)")
                #expect(expected[name]?.reason?.contains(reason) == true, "\(name): \(reason)")
            }
        }
    }

    @Test func unknownKeyFixtureSuggestsTheKnownKey() throws {
        let data = try DecodingFixtures.data("invalid-unknown-key.json")
        do {
            _ = try Scenario(json: data)
            Issue.record("accepted")
        } catch {
            #expect(error.issues.map(\.description)
                    == ["people[1].costPerHuor: unknown key 'costPerHuor' (did you mean 'costPerHour'?)"])
        }
    }

    @Test func validFixturesAreAcceptedAndBuildAPlanningProblem() throws {
        let names = try DecodingFixtures.validNames()
        #expect(names.count >= 15)
        for name in names {
            let data = try DecodingFixtures.data(name)
            let scenario = try Scenario(json: data)
            let problem = try PlanningProblem(scenario)
            #expect(problem.projects.count == scenario.projects.count, "\(name)")
            #expect(scenario.validate().allSatisfy { $0.severity == .warning }, "\(name)")
        }
    }

    @Test func validFixturesDecodeTheSameThroughJSONDecoder() throws {
        for name in try DecodingFixtures.validNames() {
            let data = try DecodingFixtures.data(name)
            #expect(try JSONDecoder().decode(Scenario.self, from: data) == (try Scenario(json: data)), "\(name)")
        }
    }

    @Test func fixtureWarnings() throws {
        let (_, neverFits) = try Scenario.decodeWithWarnings(jsonBytes: try DecodingFixtures.data("never-fits.json"))
        #expect(neverFits.map(\.path) == ["projects[0]"])
        #expect(neverFits.first?.message.contains("'replatform' can never be selected") == true)

        let (_, baseline) = try Scenario.decodeWithWarnings(jsonBytes: try DecodingFixtures.data("baseline-changes.json"))
        #expect(baseline.map(\.path) == [
            "baseline.projects[2].id", "baseline.assignments[3].person", "baseline.assignments[4].person",
            "baseline.assignments[5].project",
        ])
        #expect(baseline.allSatisfy { $0.message.hasPrefix("orphaned baseline work") })
    }

    // MARK: Round trip

    @Test func everyValidFixtureRoundTrips() throws {
        for name in try DecodingFixtures.validNames() {
            let scenario = try Scenario(json: try DecodingFixtures.data(name))
            let viaFoundation = try JSONEncoder().encode(scenario)
            #expect(try Scenario(json: viaFoundation) == scenario, "\(name)")
            #expect(try JSONDecoder().decode(Scenario.self, from: viaFoundation) == scenario, "\(name)")
            let viaValue = scenario.jsonValue.serialized(pretty: true)
            #expect(try Scenario.decode(jsonBytes: viaValue) == scenario, "\(name)")
        }
    }

    @Test func encodingWritesTheSpecsKeysAndOmitsAbsentOptionals() throws {
        let scenario = Scenario(
            horizon: Horizon(periods: 3),
            people: [Person(id: "a", capacity: .perPeriod([1, 2, 3]))],
            projects: [Project(id: "p", duration: 1, demands: [Demand(skill: "s", hours: .constant(4))])])
        let text = String(decoding: scenario.jsonValue.serialized(), as: UTF8.self)
        #expect(text == #"{"version":1,"horizon":{"periods":3},"people":[{"id":"a","skills":{},"capacity":[1,2,3],"#
                + #""costPerHour":0}],"projects":[{"id":"p","value":0,"mandatory":false,"duration":1,"earliestStart":0,"#
                + #""dependsOn":[],"demands":[{"skill":"s","minLevel":1,"hours":4}]}],"pins":[],"#
                + #""policy":{"utilizationCap":1,"unmetPenaltyPerHour":10000,"assignmentPenalty":0,"#
                + #""changePenaltyPerHour":0,"startChangePenalty":0}}"#)
        let foundation = try JSONValue(parsing: try JSONEncoder().encode(scenario))
        #expect(foundation["people"].map(Support.sortingKeys) == scenario.jsonValue["people"].map(Support.sortingKeys))
        #expect(foundation["baseline"] == nil)
    }

    // MARK: Shape errors

    @Test(arguments: [
        (#"{"version": 1, "horizon": {"periods": 4}, "people": [], "projects": [], "extra": 1}"#,
         "extra", "unknown key 'extra'"),
        (#"{"version": 1, "horizon": {"periods": 4}, "people": [], "projects": [], "pin": []}"#,
         "pin", "did you mean 'pins'?"),
        (#"{"version": 1, "horizon": {"periods": 4, "unit": "weeks"}, "people": [], "projects": []}"#,
         "horizon.unit", "did you mean 'week'?"),
        (#"{"version": 1, "horizon": {"periods": 4}, "people": [], "projects": [], "policy": {"utilisationCap": 0.5}}"#,
         "policy.utilisationCap", "did you mean 'utilizationCap'?"),
        (#"{"version": 1, "horizon": {"periods": 4}, "people": [], "projects": [], "policy": {"zzz": 0.5}}"#,
         "policy.zzz", "unknown key 'zzz'"),
        (#"{"version": "1", "horizon": {"periods": 4}, "people": [], "projects": []}"#,
         "version", "expected an integer, got a string"),
        (#"{"version": 4, "horizon": {"periods": 4}, "people": [], "projects": []}"#, "version", "version must be 1, 2 or 3"),
        (#"{"horizon": {"periods": 4}, "people": [], "projects": []}"#, "version", "required key 'version' is missing"),
        (#"{"version": 1, "horizon": {"periods": 4}, "people": null, "projects": []}"#,
         "people", "'people' is required and may not be null"),
        (#"{"version": 1, "horizon": {"periods": 2.5}, "people": [], "projects": []}"#,
         "horizon.periods", "expected an integer, got 2.5"),
        (#"{"version": 1, "horizon": {"periods": 1e300}, "people": [], "projects": []}"#,
         "horizon.periods", "out of range"),
        (#"{"version": 1, "horizon": {"periods": 0}, "people": [], "projects": []}"#,
         "horizon.periods", "periods must be an integer ≥ 1, got 0"),
        (#"{"version": 1, "horizon": {"periods": 4, "start": "2027-02-30"}, "people": [], "projects": []}"#,
         "horizon.start", "ISO date"),
        (#"{"version": 1, "horizon": [4], "people": [], "projects": []}"#, "horizon", "expected an object, got an array"),
        (#"[1]"#, "", "expected an object, got an array"),
    ])
    func reportsTopLevelShapeErrors(text: String, path: String, fragment: String) {
        let errors = Support.errors(text)
        #expect(errors.count == 1, "\(errors)")
        #expect(Support.contains(errors, path: path, fragment), "\(errors)")
    }

    @Test(arguments: [
        (#"[{"id": "ana", "capacity": "40"}]"#, "people[0].capacity", "expected a number or an array of numbers, got a string"),
        (#"[{"id": "ana", "capacity": [40, "x", 40, 40]}]"#, "people[0].capacity[1]", "expected a number, got a string"),
        (#"[{"id": "ana", "capacity": -5}]"#, "people[0].capacity", "capacity must be a number ≥ 0, got -5"),
        (#"[{"id": "ana", "capacity": [40, 40, -1, 40]}]"#, "people[0].capacity[2]", "got -1"),
        (#"[{"id": "ana"}]"#, "people[0].capacity", "required key 'capacity' is missing"),
        (#"[{"capacity": 40}]"#, "people[0].id", "required key 'id' is missing"),
        (#"[{"id": "", "capacity": 40}]"#, "people[0].id", "person id is empty"),
        (#"[{"id": 7, "capacity": 40}]"#, "people[0].id", "expected a string, got the number 7"),
        (#"[{"id": "ana", "capacity": 40, "skills": {"go": 7}}]"#, "people[0].skills.go", "must be an integer 1…5, got 7"),
        (#"[{"id": "ana", "capacity": 40, "skills": {"go": 2.5}}]"#, "people[0].skills.go", "expected an integer, got 2.5"),
        (#"[{"id": "ana", "capacity": 40, "skills": ["go"]}]"#, "people[0].skills", "expected an object of skill levels"),
        (#"[{"id": "ana", "capacity": 40, "maxConcurrentProjects": 0}]"#, "people[0].maxConcurrentProjects", "≥ 1, got 0"),
        (#"[{"id": "ana", "capacity": 40, "costPerHour": true}]"#, "people[0].costPerHour", "expected a number, got true"),
        (#"[{"id": "ana", "capacity": 40, "team": 3}]"#, "people[0].team", "expected a string"),
        (#"[{"id": "ana", "capacity": 40, "Name": "A"}]"#, "people[0].Name", "did you mean 'name'?"),
        (#"[7]"#, "people[0]", "expected an object, got the number 7"),
        (#"{"id": "ana"}"#, "people", "expected an array, got an object"),
    ])
    func reportsPersonErrorsOnce(people: String, path: String, fragment: String) {
        let errors = Support.errors(Support.minimalJSON(people: people))
        #expect(errors.count == 1, "\(errors)")
        #expect(Support.contains(errors, path: path, fragment), "\(errors)")
    }

    @Test(arguments: [
        (#"[{"id": "api", "duration": 2.5}]"#, "projects[0].duration", "expected an integer, got 2.5"),
        (#"[{"id": "api", "duration": 2.0}]"#, "", ""),
        (#"[{"id": "api", "duration": 0}]"#, "projects[0].duration", "duration must be an integer ≥ 1, got 0"),
        (#"[{"id": "api"}]"#, "projects[0].duration", "required key 'duration' is missing"),
        (#"[{"id": "api", "duration": null}]"#, "projects[0].duration", "may not be null"),
        (#"[{"id": "api", "duration": 1, "deadline": null, "budget": null, "name": null}]"#, "", ""),
        (#"[{"id": "api", "duration": 1, "mandatory": "yes"}]"#, "projects[0].mandatory", "expected true or false"),
        (#"[{"id": "api", "duration": 1, "earliestStart": -1}]"#, "projects[0].earliestStart", "≥ 0, got -1"),
        (#"[{"id": "api", "duration": 1, "value": -1}]"#, "projects[0].value", "value must be a number ≥ 0"),
        (#"[{"id": "api", "duration": 1, "budget": -1}]"#, "projects[0].budget", "budget must be a number ≥ 0"),
        (#"[{"id": "api", "duration": 1, "deadline": 1e16}]"#, "projects[0].deadline", "out of range"),
        (#"[{"id": "api", "duration": 1, "dependsOn": "x"}]"#, "projects[0].dependsOn", "expected an array"),
        (#"[{"id": "api", "duration": 1, "dependsOn": [3]}]"#, "projects[0].dependsOn[0]", "expected a string"),
        (#"[{"id": "api", "duration": 1, "dependsOn": ["web"]}]"#, "projects[0].dependsOn[0]", "unknown project 'web'"),
        (#"[{"id": "api", "duration": 1, "demands": [{"skill": "go"}]}]"#, "projects[0].demands[0].hours", "required key 'hours'"),
        (#"[{"id": "api", "duration": 1, "demands": [{"hours": 1}]}]"#, "projects[0].demands[0].skill", "required key 'skill'"),
        (#"[{"id": "api", "duration": 1, "demands": [{"skill": "go", "hours": 1, "minLevel": 6}]}]"#,
         "projects[0].demands[0].minLevel", "minLevel must be an integer 1…5, got 6"),
        (#"[{"id": "api", "duration": 2, "demands": [{"skill": "go", "hours": [1]}]}]"#,
         "projects[0].demands[0].hours", "hours has 1 entry for duration 2"),
        (#"[{"id": "api", "duration": 1, "demands": [{"skill": "go", "hours": 1, "hour": 2}]}]"#,
         "projects[0].demands[0].hour", "did you mean 'hours'?"),
        (#"[{"id": "api", "duration": 1, "demands": [{"skill": "go", "hours": 1}, {"skill": "go", "hours": 2}]}]"#,
         "projects[0].demands[1]", "demand id 'go' is duplicated in project 'api'"),
    ])
    func reportsProjectErrorsOnce(projects: String, path: String, fragment: String) {
        let errors = Support.errors(Support.minimalJSON(projects: projects))
        if fragment.isEmpty {
            #expect(errors.isEmpty, "\(errors)")
            return
        }
        #expect(errors.count == 1, "\(errors)")
        #expect(Support.contains(errors, path: path, fragment), "\(errors)")
    }

    @Test func unreadableValuesAreNotReportedAgainByValidation() {
        // The person's id cannot be read: the pin naming "ana" must not be called unknown,
        // the unreadable horizon must not make every capacity array "the wrong length".
        let text = """
            {"version": 1, "horizon": {"periods": "four"},
             "people": [{"id": 1, "capacity": [40, 40]}],
             "projects": [{"id": "api", "duration": 2, "demands": [{"skill": "backend", "hours": [1, 2]}]},
                          {"id": "web", "duration": "x", "demands": 5}],
             "pins": [{"person": "ana", "project": "web", "demand": "ui", "hours": 1}]}
            """
        let errors = Support.errors(text)
        #expect(errors.map(\.path) == ["horizon.periods", "people[0].id", "projects[1].duration", "projects[1].demands"],
                "\(errors)")
    }

    @Test func placeholdersForUnreadableValuesDoNotLookLikeRepeats() {
        let demands = Support.errors(Support.minimalJSON(projects: """
            [{"id": "api", "duration": 1, "demands": [{"skill": "go", "hours": 1}, {"id": 5, "skill": "go", "hours": 1}]}]
            """))
        #expect(demands.map(\.path) == ["projects[0].demands[1].id"], "\(demands)")
        let baseline = Support.errors(Support.minimalJSON(extra: """
            , "baseline": {"assignments": [
                {"person": "ana", "project": "api", "demand": "backend", "period": 0, "hours": 1},
                {"person": "ana", "project": "api", "demand": "backend", "period": "x", "hours": 1}]}
            """))
        #expect(baseline.map(\.path) == ["baseline.assignments[1].period"], "\(baseline)")
    }

    @Test func listsEveryProblemAtOnce() {
        let text = """
            {"version": 1, "horizon": {"periods": 4},
             "people": [{"id": "ana", "capacity": 40, "costPerHuor": 1}, {"id": "ana", "capacity": -1}],
             "projects": [{"id": "a", "duration": 2, "dependsOn": ["b"]}, {"id": "b", "duration": 2, "dependsOn": ["a"]},
                          {"id": "m", "mandatory": true, "duration": 9}],
             "pins": [{"person": "zed", "project": "a", "hours": 0}],
             "policy": {"utilizationCap": 0}}
            """
        let errors = Support.errors(text)
        #expect(errors.map(\.path) == [
            "people[0].costPerHuor", "people[1].id", "people[1].capacity", "projects[0].dependsOn[0]", "projects[2]",
            "pins[0].person", "pins[0].hours", "policy.utilizationCap",
        ], "\(errors)")
    }

    @Test func malformedJSONIsOneErrorWithLineAndColumn() {
        let errors = Support.errors("{\"version\": 1,\n \"horizon\": {\"periods\": 4,}}")
        #expect(errors.count == 1)
        #expect(errors.first?.path == "horizon")
        #expect(errors.first?.message.contains("invalid JSON at line 2, column 27") == true, "\(errors)")

        let nan = Support.errors(#"{"version": 1, "horizon": {"periods": NaN}}"#)
        #expect(Support.contains(nan, path: "horizon.periods", "NaN is not a JSON number"), "\(nan)")
        let huge = Support.errors(#"{"version": 1, "horizon": {"periods": 1e400}}"#)
        #expect(Support.contains(huge, path: "horizon.periods", "number too large"), "\(huge)")
        let duplicate = Support.errors(#"{"version": 1, "version": 1}"#)
        #expect(Support.contains(duplicate, path: "version", "duplicate key 'version'"), "\(duplicate)")
    }

    @Test func deepNestingIsAClearError() {
        let errors = Support.errors(#"{"version": "# + String(repeating: "[", count: 100_000))
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("nested deeper than 256 levels") == true, "\(errors)")
    }

    // MARK: Baseline

    @Test func baselineIgnoresOtherPlanKeysAndWarnsOfUnknownEntryKeys() throws {
        let text = Support.minimalJSON(extra: """
            , "baseline": {"status": "optimal", "objective": 5, "kpis": {"x": 1},
                           "projects": [{"id": "api", "selected": true, "start": 0, "unmetHours": 0, "note": "x"}],
                           "assignments": [{"person": "ana", "project": "api", "demand": "backend", "period": 0,
                                            "hours": 10, "hour": 3}]}
            """)
        let (scenario, warnings) = try Scenario.decodeWithWarnings(jsonBytes: Array(text.utf8))
        #expect(scenario.baseline?.projects == [ProjectDecision(id: "api", selected: true, start: 0, unmetHours: 0)])
        #expect(warnings.map(\.description) == [
            "baseline.projects[0].note: unknown key 'note'",
            "baseline.assignments[0].hour: unknown key 'hour' (did you mean 'hours'?)",
        ])
        #expect(scenario.validate().isEmpty)
    }

    @Test(arguments: [
        (#"{"projects": [{"id": "api", "selected": true}]}"#, "baseline.projects[0].start", "needs a start"),
        (#"{"projects": [{"id": "api", "selected": "yes"}]}"#, "baseline.projects[0].selected", "expected true or false"),
        (#"{"projects": [{"selected": false}]}"#, "baseline.projects[0].id", "required key 'id'"),
        (#"{"projects": [{"id": "api", "selected": false}, {"id": "api", "selected": false}]}"#,
         "baseline.projects[1].id", "given twice"),
        (#"{"assignments": [{"person": "ana", "project": "api", "demand": "backend", "period": 0, "hours": 0}]}"#,
         "baseline.assignments[0].hours", "hours must be a number > 0, got 0"),
        (#"{"assignments": [{"person": "ana", "project": "api", "demand": "backend", "period": 0}]}"#,
         "baseline.assignments[0].hours", "required key 'hours'"),
        (#"{"assignments": [{"person": "ana", "project": "api", "demand": "backend", "period": 0.5, "hours": 1}]}"#,
         "baseline.assignments[0].period", "expected an integer"),
        (#"{"assignments": [{"person": "ana", "project": "api", "demand": "backend", "period": 1, "hours": 1},"#
         + #"{"person": "ana", "project": "api", "demand": "backend", "period": 1, "hours": 2}]}"#,
         "baseline.assignments[1]", "is given twice"),
        (#"{"projects": {}}"#, "baseline.projects", "expected an array"),
        (#"[]"#, "baseline", "expected an object"),
    ])
    func reportsBaselineErrorsOnce(baseline: String, path: String, fragment: String) {
        let errors = Support.errors(Support.minimalJSON(extra: #", "baseline": "# + baseline))
        #expect(errors.count == 1, "\(errors)")
        #expect(Support.contains(errors, path: path, fragment), "\(errors)")
    }

    // MARK: Codable

    @Test func jsonDecoderReportsEveryIssue() throws {
        let data = try DecodingFixtures.data("invalid-pin-unknown-demand.json")
        do {
            _ = try JSONDecoder().decode(Scenario.self, from: data)
            Issue.record("accepted")
        } catch let DecodingError.dataCorrupted(context) {
            #expect(context.debugDescription.contains("pins[0].demand"))
            #expect(context.debugDescription.contains("pins[1].period"))
            let underlying = try #require(context.underlyingError as? ScenarioError)
            #expect(underlying.issues.count == 2)
        }
    }

    @Test func deepNestingThroughJSONDecoderIsAnError() {
        let text = #"{"version": 1, "horizon": {"periods": 4}, "people": [], "projects": [], "policy": "#
            + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Scenario.self, from: Data(text.utf8)) }
    }

    @Test func nestedTypesDecodeStrictlyThroughJSONDecoder() throws {
        let person = try JSONDecoder().decode(Person.self, from: Data(#"{"id": "a", "capacity": [1, 2]}"#.utf8))
        #expect(person == Person(id: "a", capacity: .perPeriod([1, 2])))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Person.self, from: Data(#"{"id": "a", "capacity": 1, "cost": 2}"#.utf8))
        }
        #expect(try JSONDecoder().decode(Hours.self, from: Data("7".utf8)) == .constant(7))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Hours.self, from: Data("\"7\"".utf8)) }
        let demand = Demand(id: "d", skill: "s", minLevel: 2, hours: .perPeriod([1, 2]))
        #expect(try JSONDecoder().decode(Demand.self, from: try JSONEncoder().encode(demand)) == demand)
        let policy = Policy(utilizationCap: 0.5, budget: 7)
        #expect(try JSONDecoder().decode(Policy.self, from: try JSONEncoder().encode(policy)) == policy)
    }

    // MARK: Plan

    @Test func planDecodingIsLenient() throws {
        let text = #"{"status": "feasible", "projects": [{"id": "a", "selected": false, "extra": 1}], "kpis": {"x": 1},"#
            + #" "details": "made elsewhere"}"#
        let plan = try JSONDecoder().decode(Plan.self, from: Data(text.utf8))
        #expect(plan == Plan(status: .feasible, projects: [ProjectDecision(id: "a", selected: false)]))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Plan.self, from: Data(#"{"projects": []}"#.utf8)) }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Plan.self, from: Data(#"{"status": "great"}"#.utf8))
        }
    }

    @Test func planEncodingOmitsAbsentOptionalsAndRoundTrips() throws {
        let plan = Plan(status: .optimal, solver: "glpk", objective: 10, projects: [
            ProjectDecision(id: "a", selected: true, start: 0, unmetHours: 0), ProjectDecision(id: "b", selected: false),
        ], assignments: [Assignment(person: "p", project: "a", demand: "d", period: 0, hours: 5)],
           details: PlanDetails(seconds: 0.5, warnings: ["w"]))
        let data = try JSONEncoder().encode(plan)
        let value = try JSONValue(parsing: data)
        #expect(value["bound"] == nil)
        guard case .array(let projects)? = value["projects"] else {
            Issue.record("no projects")
            return
        }
        #expect(projects[1]["start"] == nil)
        #expect(try JSONDecoder().decode(Plan.self, from: data) == plan)
    }

    // MARK: Size

    @Test func decodesAFiftyMegabyteScenario() throws {
        let count = 330_000
        var text = #"{"version": 1, "horizon": {"periods": 12, "start": "2027-01-04", "unit": "week"}, "people": ["#
        text.reserveCapacity(count * 170)
        for i in 0..<count {
            if i > 0 { text += ",\n" }
            text += #"{"id": "person-\#(i)", "name": "Person number \#(i)", "skills": {"backend": \#(i % 5 + 1), "#
                + #""data": 2}, "capacity": [40, 40, 40, 40, 32, 32, 40, 40, 40, 40, 0, 0], "costPerHour": \#(i % 90).5}"#
        }
        text += #"], "projects": [{"id": "api", "duration": 3, "demands": [{"skill": "backend", "hours": 30}]}]}"#
        let bytes = Array(text.utf8)
        #expect(bytes.count > 50_000_000)

        let clock = ContinuousClock()
        var scenario: Scenario?
        let elapsed = try clock.measure { scenario = try Scenario.decode(jsonBytes: bytes) }
        #expect(scenario?.people.count == count)
        #expect(elapsed < .seconds(120), "took \(elapsed)")

        // The same document with one bad entry at the very end: one error, found.
        var broken = bytes
        broken.removeLast(2)
        broken += Array(#"], "extra": 1}"#.utf8)
        let errors = Support.errors(String(decoding: broken, as: UTF8.self))
        #expect(errors.map(\.path) == ["extra"], "\(errors)")
    }
}
