// Format v3's Part B (supply) as the reader, the encoder and validation see it: roles and courses
// are read strictly, every problem at its path and why; the two warnings; pins and baselines that
// name hires; the JSON written round-trips; a plan's hires and courses round-trip.
import CapacityPlanning
import Foundation
import StrictJSON
import Testing

@Suite("Format version 3: reading supply (hiring and training)")
struct SupplyReadingTests {
    /// A small valid version-3 scenario (six periods; ana does backend 3 and ml 1) with `hiring`,
    /// `training` and `extra` members added as given.
    static func json(hiring: String? = nil, training: String? = nil, extra: String = "", version: Int = 3) -> String {
        var members = [
            #""version": \#(version)"#,
            #""horizon": {"periods": 6}"#,
            #""people": [{"id": "ana", "skills": {"backend": 3, "ml": 1}, "capacity": 40}]"#,
            #""projects": [{"id": "api", "duration": 2, "demands": [{"skill": "backend", "hours": 20}]},"#
                + #" {"id": "ml", "duration": 2, "deadline": 5, "demands": [{"skill": "ml", "minLevel": 3, "hours": 20}]}]"#,
        ]
        if let hiring { members.append(#""hiring": \#(hiring)"#) }
        if let training { members.append(#""training": \#(training)"#) }
        if !extra.isEmpty { members.append(extra) }
        return "{" + members.joined(separator: ", ") + "}"
    }

    static let role = #"{"id": "eng", "skills": {"backend": 4}, "capacity": 40, "maxHires": 2}"#
    static let course = #"{"id": "ana-ml", "person": "ana", "skill": "ml", "level": 3, "duration": 2}"#

    /// The errors of reading `text`.
    static func errors(_ text: String) -> [ScenarioIssue] { DecodingSupport.errors(text) }

    /// Whether reading `text` fails with an error at `path` whose message contains `fragment`.
    static func rejects(_ text: String, at path: String, _ fragment: String) -> Bool {
        DecodingSupport.contains(errors(text), path: path, fragment)
    }

    /// The warnings of a valid `text`.
    static func warnings(_ text: String) throws -> [ScenarioIssue] {
        try Scenario.decodeWithWarnings(jsonBytes: Array(text.utf8)).warnings
    }

    // MARK: Reading

    @Test("roles and courses are read with every key, and with only the required ones take the spec's defaults")
    func read() throws {
        let full = #"{"id": "eng", "name": "Engineer", "skills": {"backend": 4, "ml": 2}, "capacity": 32.5,"#
            + #" "costPerHour": 60, "hireCost": 3000, "earliestStart": 2, "maxHires": 3}"#
        let fullCourse = #"{"id": "ana-ml", "person": "ana", "skill": "ml", "level": 3, "duration": 2,"#
            + #" "hoursPerPeriod": 8, "cost": 2000, "earliestStart": 1}"#
        let scenario = try Scenario(json: Data(Self.json(hiring: "[\(full), \(Self.role.replacingOccurrences(of: "\"eng\"", with: "\"qa\""))]",
                                                         training: "[\(fullCourse), \(Self.course.replacingOccurrences(of: "\"ana-ml\"", with: "\"ana-ml-2\""))]").utf8))
        #expect(scenario.hiring == [
            Role(id: "eng", name: "Engineer", skills: ["backend": 4, "ml": 2], capacity: 32.5, costPerHour: 60,
                 hireCost: 3000, earliestStart: 2, maxHires: 3),
            Role(id: "qa", skills: ["backend": 4], capacity: 40, maxHires: 2),
        ])
        #expect(scenario.hiring[1].costPerHour == 0 && scenario.hiring[1].hireCost == 0 && scenario.hiring[1].earliestStart == 0)
        #expect(scenario.training == [
            Course(id: "ana-ml", person: "ana", skill: "ml", level: 3, duration: 2, hoursPerPeriod: 8, cost: 2000, earliestStart: 1),
            Course(id: "ana-ml-2", person: "ana", skill: "ml", level: 3, duration: 2),
        ])
        #expect(scenario.usesSupplyKeys && !scenario.usesInFlightKeys)
    }

    @Test("wrong types, missing required keys and unknown keys are errors at their path")
    func shape() {
        #expect(Self.rejects(Self.json(hiring: #"[{"id": "eng", "capacity": "40", "maxHires": 1}]"#),
                             at: "hiring[0].capacity", "expected a number, got a string"))
        #expect(Self.rejects(Self.json(hiring: #"[{"id": "eng", "capacity": 40}]"#),
                             at: "hiring[0].maxHires", "required key 'maxHires' is missing"))
        #expect(Self.rejects(Self.json(hiring: #"[{"id": "eng", "capacity": 40, "maxHires": 1.5}]"#),
                             at: "hiring[0].maxHires", "expected an integer, got 1.5"))
        #expect(Self.rejects(Self.json(hiring: #"[{"id": "eng", "capacity": 40, "maxHire": 1}]"#),
                             at: "hiring[0].maxHire", "unknown key 'maxHire' (did you mean 'maxHires'?)"))
        #expect(Self.rejects(Self.json(hiring: #"[{"id": "eng", "skills": {"backend": "high"}, "capacity": 40, "maxHires": 1}]"#),
                             at: "hiring[0].skills.backend", "expected an integer"))
        #expect(Self.rejects(Self.json(hiring: #"{"id": "eng"}"#), at: "hiring", "expected an array, got an object"))
        #expect(Self.rejects(Self.json(training: #"[{"id": "c", "person": "ana", "skill": "ml", "level": 2.5, "duration": 1}]"#),
                             at: "training[0].level", "expected an integer, got 2.5"))
        #expect(Self.rejects(Self.json(training: #"[{"id": "c", "person": "ana", "skill": "ml", "level": 3}]"#),
                             at: "training[0].duration", "required key 'duration' is missing"))
        #expect(Self.rejects(Self.json(training: #"[{"id": "c", "person": null, "skill": "ml", "level": 3, "duration": 1}]"#),
                             at: "training[0].person", "'person' is required and may not be null"))
        #expect(Self.rejects(Self.json(training: #"[{"id": "c", "person": "ana", "skill": "ml", "level": 3, "duration": 1, "hours": 8}]"#),
                             at: "training[0].hours", "unknown key 'hours'"))
    }

    @Test("a value the reader could not read is reported once, not again by validation")
    func onceEach() {
        let errors = Self.errors(Self.json(hiring: #"[{"capacity": 40, "maxHires": 1}]"#,
                                           training: #"[{"id": "c", "skill": "ml", "level": 3, "duration": 1}]"#))
        #expect(errors.map(\.path) == ["hiring[0].id", "training[0].person"], "\(errors)")
    }

    @Test("hiring and training are unknown keys in a version-2 scenario; built in code, they need version 3")
    func version2() throws {
        let hiring = Self.errors(Self.json(hiring: "[\(Self.role)]", version: 2))
        #expect(hiring.contains { $0.path == "hiring" && $0.message.hasPrefix("unknown key 'hiring'") }, "\(hiring)")
        let training = Self.errors(Self.json(training: "[\(Self.course)]", version: 2))
        #expect(training.contains { $0.path == "training" && $0.message.hasPrefix("unknown key 'training'") }, "\(training)")
        let misspelt = Self.errors(Self.json(extra: #""hirings": []"#))
        #expect(misspelt.contains { $0.path == "hirings" && $0.message.contains("did you mean 'hiring'?") }, "\(misspelt)")

        var scenario = try Scenario(json: Data(Self.json(hiring: "[\(Self.role)]").utf8))
        scenario.version = 2
        #expect(scenario.validate().contains { $0.severity == .error && $0.path == "version" && $0.message.contains("hiring") })
    }

    // MARK: Validation

    @Test("a role id that is empty, duplicated, contains '#' or is a person's id is an error at hiring[i].id")
    func roleIDs() {
        #expect(Self.rejects(Self.json(hiring: #"[{"id": "", "capacity": 40, "maxHires": 1}]"#),
                             at: "hiring[0].id", "role id is empty"))
        #expect(Self.rejects(Self.json(hiring: "[\(Self.role), \(Self.role)]"),
                             at: "hiring[1].id", "role id 'eng' is duplicated (first at hiring[0])"))
        #expect(Self.rejects(Self.json(hiring: #"[{"id": "data#eng", "capacity": 40, "maxHires": 1}]"#),
                             at: "hiring[0].id", "contains '#' (hires are named ROLE#K)"))
        #expect(Self.rejects(Self.json(hiring: #"[{"id": "ana", "capacity": 40, "maxHires": 1}]"#),
                             at: "hiring[0].id", "role id 'ana' is a person's id"))
        #expect(Self.errors(Self.json(hiring: #"[{"id": "ana", "capacity": 40, "maxHires": 1}]"#)).count == 1)
    }

    @Test("a role's numbers out of range are errors at their key, with the value")
    func roleRanges() {
        #expect(Self.rejects(Self.json(hiring: #"[{"id": "eng", "capacity": -1, "maxHires": 1}]"#),
                             at: "hiring[0].capacity", "capacity must be a number ≥ 0, got -1"))
        #expect(Self.rejects(Self.json(hiring: #"[{"id": "eng", "capacity": 40, "maxHires": -1}]"#),
                             at: "hiring[0].maxHires", "maxHires must be an integer ≥ 0, got -1"))
        #expect(Self.rejects(Self.json(hiring: #"[{"id": "eng", "capacity": 40, "maxHires": 1, "earliestStart": -2}]"#),
                             at: "hiring[0].earliestStart", "earliestStart must be an integer ≥ 0, got -2"))
        #expect(Self.rejects(Self.json(hiring: #"[{"id": "eng", "capacity": 40, "maxHires": 1, "costPerHour": -5}]"#),
                             at: "hiring[0].costPerHour", "costPerHour must be a number ≥ 0"))
        #expect(Self.rejects(Self.json(hiring: #"[{"id": "eng", "capacity": 40, "maxHires": 1, "hireCost": 1e16}]"#),
                             at: "hiring[0].hireCost", "more than this planner supports"))
        #expect(Self.rejects(Self.json(hiring: #"[{"id": "eng", "skills": {"ml": 6}, "capacity": 40, "maxHires": 1}]"#),
                             at: "hiring[0].skills.ml", "level of skill 'ml' must be an integer 1…5, got 6"))
        // Every hire a role allows is a person of the problem: the roles together allow at most Scenario.maxHires.
        #expect(Self.rejects(Self.json(hiring: #"[{"id": "eng", "capacity": 40, "maxHires": 9007199254740990}]"#),
                             at: "hiring[0].maxHires", "maxHires 9007199254740990 is more than this planner supports (at most 1000"))
        let two = #"[{"id": "a", "capacity": 40, "maxHires": 600}, {"id": "b", "capacity": 40, "maxHires": 401}]"#
        #expect(Self.errors(Self.json(hiring: two)).map(\.path) == ["hiring[1].maxHires"])
        #expect(Self.rejects(Self.json(hiring: two), at: "hiring[1].maxHires", "add up to 1001 with this one"))
        #expect(Self.errors(Self.json(hiring: two.replacingOccurrences(of: "401", with: "400"))) == [])
        // Zero is allowed where the spec says ≥ 0: a role nobody may hire yet is valid.
        #expect(Self.errors(Self.json(hiring: #"[{"id": "eng", "capacity": 0, "maxHires": 0}]"#)) == [])
    }

    @Test("a course naming an unknown person, or repeating an id, is an error at its path; so are its ranges")
    func courses() {
        #expect(Self.rejects(Self.json(training: #"[{"id": "c", "person": "bo", "skill": "ml", "level": 3, "duration": 1}]"#),
                             at: "training[0].person", "training[0].person 'bo' is not a person"))
        #expect(Self.rejects(Self.json(training: "[\(Self.course), \(Self.course)]"),
                             at: "training[1].id", "course id 'ana-ml' is duplicated (first at training[0])"))
        #expect(Self.rejects(Self.json(training: #"[{"id": "", "person": "ana", "skill": "ml", "level": 3, "duration": 1}]"#),
                             at: "training[0].id", "course id is empty"))
        #expect(Self.rejects(Self.json(training: #"[{"id": "c", "person": "ana", "skill": "", "level": 3, "duration": 1}]"#),
                             at: "training[0].skill", "skill is empty"))
        #expect(Self.rejects(Self.json(training: #"[{"id": "c", "person": "ana", "skill": "ml", "level": 6, "duration": 1}]"#),
                             at: "training[0].level", "level must be an integer 1…5, got 6"))
        #expect(Self.rejects(Self.json(training: #"[{"id": "c", "person": "ana", "skill": "ml", "level": 0, "duration": 1}]"#),
                             at: "training[0].level", "got 0"))
        #expect(Self.rejects(Self.json(training: #"[{"id": "c", "person": "ana", "skill": "ml", "level": 3, "duration": 0}]"#),
                             at: "training[0].duration", "duration must be an integer ≥ 1, got 0"))
        #expect(Self.rejects(Self.json(training: #"[{"id": "c", "person": "ana", "skill": "ml", "level": 3, "duration": 1, "hoursPerPeriod": -8}]"#),
                             at: "training[0].hoursPerPeriod", "hoursPerPeriod must be a number ≥ 0, got -8"))
        #expect(Self.rejects(Self.json(training: #"[{"id": "c", "person": "ana", "skill": "ml", "level": 3, "duration": 1, "cost": -1}]"#),
                             at: "training[0].cost", "cost must be a number ≥ 0"))
        #expect(Self.rejects(Self.json(training: #"[{"id": "c", "person": "ana", "skill": "ml", "level": 3, "duration": 1, "earliestStart": -1}]"#),
                             at: "training[0].earliestStart", "earliestStart must be an integer ≥ 0"))
    }

    @Test("every problem is listed, not only the first")
    func everyProblem() {
        let errors = Self.errors(Self.json(
            hiring: #"[{"id": "a#1", "capacity": -1, "maxHires": -1}]"#,
            training: #"[{"id": "c", "person": "bo", "skill": "ml", "level": 6, "duration": 0}]"#))
        #expect(Set(errors.map(\.path)) == ["hiring[0].id", "hiring[0].capacity", "hiring[0].maxHires",
                                            "training[0].person", "training[0].level", "training[0].duration"], "\(errors)")
    }

    @Test("a role that can never start inside the horizon is a warning, from the status period on too")
    func roleNeverStarts() throws {
        let late = try Self.warnings(Self.json(hiring: #"[{"id": "eng", "capacity": 40, "maxHires": 1, "earliestStart": 6}]"#))
        #expect(late.contains { $0.path == "hiring[0]" && $0.message.contains("role 'eng' can never be hired")
            && $0.message.contains("earliestStart 6") && $0.message.contains("last period 5") }, "\(late)")
        #expect(try Self.warnings(Self.json(hiring: #"[{"id": "eng", "capacity": 40, "maxHires": 1, "earliestStart": 5}]"#)) == [])
        let status = try Self.warnings(Self.json(hiring: "[\(Self.role)]", extra: #""status": {"period": 6}"#))
        #expect(status.contains { $0.path == "hiring[0]" && $0.message.contains("status period 6") }, "\(status)")
    }

    @Test("a course that can never finish inside the horizon is a warning; one that ends in the last period is not")
    func courseNeverFinishes() throws {
        let late = #"[{"id": "c", "person": "ana", "skill": "ml", "level": 3, "duration": 2, "earliestStart": 5}]"#
        let warnings = try Self.warnings(Self.json(training: late))
        #expect(warnings.contains { $0.path == "training[0]" && $0.message.contains("course 'c' can never finish")
            && $0.message.contains("earliestStart 5 + duration 2 - 1") }, "\(warnings)")
        let fits = #"[{"id": "c", "person": "ana", "skill": "ml", "level": 3, "duration": 2, "earliestStart": 4}]"#
        #expect(try Self.warnings(Self.json(training: fits)) == [])
        let status = try Self.warnings(Self.json(training: fits, extra: #""status": {"period": 5}"#))
        #expect(status.contains { $0.path == "training[0]" && $0.message.contains("status period 5 + duration 2 - 1") }, "\(status)")
    }

    // MARK: Pins and baselines

    @Test("a pin naming a hire or a role is an error that says hires are never pinned; an unknown name stays unknown")
    func pinsNamingHires() {
        let pin = { (person: String) in #""pins": [{"person": "\#(person)", "project": "api", "hours": 10}]"# }
        #expect(Self.rejects(Self.json(hiring: "[\(Self.role)]", extra: pin("eng#1")),
                             at: "pins[0].person", "'eng#1', a hire of role 'eng': hires are never pinned"))
        #expect(Self.rejects(Self.json(hiring: "[\(Self.role)]", extra: pin("eng")),
                             at: "pins[0].person", "role 'eng', not a person: hires are never pinned"))
        #expect(Self.rejects(Self.json(hiring: "[\(Self.role)]", extra: pin("eng#01")),
                             at: "pins[0].person", "unknown person 'eng#01'"))
        #expect(Self.rejects(Self.json(extra: pin("eng#1")), at: "pins[0].person", "unknown person 'eng#1'"))
    }

    @Test("a pin's qualification counts the level a course reaches by the pin's period")
    func pinsCountCourses() throws {
        // ana has ml 1; project ml needs ml 3.
        let pin = { (period: Int) in #""pins": [{"person": "ana", "project": "ml", "period": \#(period), "hours": 10}]"# }
        let notQualified = try Self.warnings(Self.json(extra: pin(4)))
        #expect(notQualified.contains { $0.path == "pins[0].person" && $0.message.contains("does not qualify") })
        // The course runs in 0..1 at the earliest: ana has ml 3 from period 2 on.
        #expect(try Self.warnings(Self.json(training: "[\(Self.course)]", extra: pin(4))) == [])
        #expect(try Self.warnings(Self.json(training: "[\(Self.course)]", extra: pin(2))) == [])
        let tooEarly = try Self.warnings(Self.json(training: "[\(Self.course)]", extra: pin(1)))
        #expect(tooEarly.contains { $0.path == "pins[0].person" && $0.message.contains("does not qualify") }, "\(tooEarly)")
        // Without a period the pin can fall in any period the course is over by.
        let anyPeriod = #""pins": [{"person": "ana", "project": "ml", "hours": 10}]"#
        #expect(try Self.warnings(Self.json(training: "[\(Self.course)]", extra: anyPeriod)) == [])
        // A course to a lower level does not qualify her.
        let low = Self.course.replacingOccurrences(of: "\"level\": 3", with: "\"level\": 2")
        #expect(try Self.warnings(Self.json(training: "[\(low)]", extra: pin(4))).contains { $0.path == "pins[0].person" })
    }

    @Test("a baseline naming a hire ROLE#K the role allows is not orphaned work; any other unknown name is")
    func baselineNamingHires() throws {
        let entry = { (person: String) in
            #""baseline": {"projects": [{"id": "api", "selected": true, "start": 0}], "assignments": "#
                + #"[{"person": "\#(person)", "project": "api", "demand": "backend", "period": 0, "hours": 10}]}"#
        }
        #expect(try Self.warnings(Self.json(hiring: "[\(Self.role)]", extra: entry("eng#2"))) == [])
        // eng#3 is beyond the role's maxHires 2: no plan can have it, so its hours are orphaned.
        for name in ["eng#0", "eng#", "qa#1", "eng", "eng#3"] {
            let warnings = try Self.warnings(Self.json(hiring: "[\(Self.role)]", extra: entry(name)))
            #expect(warnings.contains { $0.path == "baseline.assignments[0].person" && $0.message.contains("orphaned") },
                    "\(name): \(warnings)")
        }
    }

    // MARK: Writing

    @Test("the JSON written has hiring and training in spec order, optional keys only when set, and reads back equal")
    func written() throws {
        let scenario = Scenario(
            version: 3, horizon: Horizon(periods: 6),
            people: [Person(id: "ana", skills: ["ml": 1], capacity: .constant(40))],
            projects: [Project(id: "api", duration: 2)],
            hiring: [Role(id: "eng", capacity: 40, maxHires: 2),
                     Role(id: "ds", name: "Data scientist", skills: ["ml": 4, "data": 3], capacity: 32, costPerHour: 90,
                          hireCost: 15000, earliestStart: 3, maxHires: 1)],
            training: [Course(id: "ana-ml", person: "ana", skill: "ml", level: 3, duration: 2),
                       Course(id: "ana-ml2", person: "ana", skill: "ml", level: 4, duration: 1, hoursPerPeriod: 8,
                              cost: 2000, earliestStart: 2)])
        let json = scenario.jsonValue
        guard case .object(let members) = json else {
            Issue.record("not an object")
            return
        }
        #expect(members.suffix(2).map(\.key) == ["hiring", "training"])
        #expect(Self.keys(Self.element(json["hiring"], 0)) == ["id", "capacity", "maxHires"])
        #expect(Self.keys(Self.element(json["hiring"], 1)) == ["id", "name", "skills", "capacity", "costPerHour", "hireCost",
                                                  "earliestStart", "maxHires"])
        #expect(Self.keys(Self.element(json["training"], 0)) == ["id", "person", "skill", "level", "duration"])
        #expect(Self.keys(Self.element(json["training"], 1)) == ["id", "person", "skill", "level", "duration", "hoursPerPeriod",
                                                    "cost", "earliestStart"])
        let again = try Scenario(json: Data(json.serialized(pretty: true)))
        #expect(again == scenario)
        let coded = try JSONDecoder().decode(Scenario.self, from: JSONEncoder().encode(scenario))
        #expect(coded == scenario)
    }

    @Test("a scenario without supply writes no hiring or training key")
    func writtenWithout() throws {
        let scenario = try Scenario(json: Data(Self.json().utf8))
        guard case .object(let members) = scenario.jsonValue else {
            Issue.record("not an object")
            return
        }
        #expect(!members.contains { $0.key == "hiring" || $0.key == "training" })
    }

    /// Element `index` of an array value.
    static func element(_ value: JSONValue?, _ index: Int) -> JSONValue? {
        guard case .array(let elements)? = value, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The keys of an object, in order.
    static func keys(_ value: JSONValue?) -> [String] {
        guard case .object(let members)? = value else { return [] }
        return members.map(\.key)
    }

    // MARK: The plan's side

    @Test("a plan's hires and training round-trip through JSON; a plan without them writes neither key")
    func planRoundTrip() throws {
        let text = #"""
            {"status": "feasible", "objective": 100,
             "projects": [{"id": "api", "selected": true, "start": 2}],
             "assignments": [{"person": "eng#1", "project": "api", "demand": "backend", "period": 2, "hours": 20}],
             "hires": [{"role": "eng", "start": 2, "count": 2}, {"role": "eng", "start": 4, "count": 1}],
             "training": [{"course": "ana-ml", "start": 0}]}
            """#
        let plan = try JSONDecoder().decode(Plan.self, from: Data(text.utf8))
        #expect(plan.hires == [Hire(role: "eng", start: 2, count: 2), Hire(role: "eng", start: 4, count: 1)])
        #expect(plan.training == [CourseTaken(course: "ana-ml", start: 0)])
        let encoded = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(Plan.self, from: encoded) == plan)
        let written = try JSONValue(parsing: encoded)
        // The synthesized encoder may order keys its own way.
        #expect(DecodingSupport.sortingKeys(Self.element(written["hires"], 0) ?? .null)
                == .object([("count", .number(2)), ("role", .string("eng")), ("start", .number(2))]))
        #expect(DecodingSupport.sortingKeys(Self.element(written["training"], 0) ?? .null)
                == .object([("course", .string("ana-ml")), ("start", .number(0))]))

        var without = plan
        without.hires = nil
        without.training = nil
        let plain = try JSONValue(parsing: JSONEncoder().encode(without))
        #expect(Set(Self.keys(plain)) == ["status", "objective", "projects", "assignments"])
        #expect(try JSONDecoder().decode(Plan.self, from: JSONEncoder().encode(without)) == without)
    }
}
