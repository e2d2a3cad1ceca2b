import StrictJSON
import CapacityPlanning
import Foundation
import Testing

/// One validation rule, broken on its own.
struct BrokenRule: Sendable, CustomTestStringConvertible {
    let name: String
    let path: String
    let fragment: String
    /// Whether the broken scenario can be written as JSON (NaN cannot), to check that decoding says the same.
    let writable: Bool
    let breakRule: @Sendable (inout Scenario) -> Void

    init(_ name: String, _ path: String, _ fragment: String, writable: Bool = true,
         _ breakRule: @escaping @Sendable (inout Scenario) -> Void) {
        self.name = name
        self.path = path
        self.fragment = fragment
        self.writable = writable
        self.breakRule = breakRule
    }

    var testDescription: String { name }
}

@Suite("Scenario validation")
struct ScenarioValidationTests {
    /// A small scenario that uses every feature and has no issue at all.
    static func base() -> Scenario {
        Scenario(
            horizon: Horizon(periods: 6, start: "2027-01-04", unit: .week),
            people: [
                Person(id: "ana", skills: ["backend": 3, "data": 2], capacity: .constant(40), costPerHour: 80),
                Person(id: "ben", name: "Ben", skills: ["data": 4], capacity: .perPeriod([40, 40, 0, 0, 40, 40]),
                       costPerHour: 60, maxConcurrentProjects: 2, team: "Data"),
            ],
            projects: [
                Project(id: "api", value: 10000, duration: 2,
                        demands: [Demand(skill: "backend", minLevel: 2, hours: .constant(20))]),
                Project(id: "etl", value: 8000, mandatory: true, duration: 3, earliestStart: 1, deadline: 5,
                        budget: 50000, dependsOn: ["api"],
                        demands: [Demand(id: "load", skill: "data", hours: .perPeriod([10, 20, 10]))]),
            ],
            pins: [Pin(person: "ana", project: "api", demand: "backend", period: 0, hours: 10)],
            baseline: Baseline(
                projects: [ProjectDecision(id: "api", selected: true, start: 0)],
                assignments: [Assignment(person: "ana", project: "api", demand: "backend", period: 0, hours: 20)]),
            policy: Policy(utilizationCap: 0.9, budget: 100_000))
    }

    static func errors(_ scenario: Scenario) -> [ScenarioIssue] { scenario.validate().filter { $0.severity == .error } }
    static func warnings(_ scenario: Scenario) -> [ScenarioIssue] { scenario.validate().filter { $0.severity == .warning } }

    static func broken(_ change: (inout Scenario) -> Void) -> Scenario {
        var scenario = base()
        change(&scenario)
        return scenario
    }

    @Test func theBaseScenarioHasNoIssue() throws {
        #expect(Self.base().validate().isEmpty)
        #expect(try Scenario.decode(jsonBytes: Self.base().jsonValue.serialized()) == Self.base())
    }

    // MARK: One test per rule

    static let rules: [BrokenRule] = [
        BrokenRule("version", "version", "version must be 1, 2 or 3, got 4") { $0.version = 4 },
        BrokenRule("periods ≥ 1", "horizon.periods", "periods must be an integer ≥ 1, got 0") { $0.horizon.periods = 0 },
        BrokenRule("periods in range", "horizon.periods", "out of range") { $0.horizon.periods = .max },
        BrokenRule("start is an ISO date", "horizon.start", "ISO date") { $0.horizon.start = "2027-13-01" },
        BrokenRule("person id not empty", "people[1].id", "person id is empty") { $0.people[1].id = "" },
        BrokenRule("person id unique", "people[1].id", "person id 'ana' is duplicated") { $0.people[1].id = "ana" },
        BrokenRule("level ≤ 5", "people[0].skills.data", "must be an integer 1…5, got 7") { $0.people[0].skills["data"] = 7 },
        BrokenRule("level ≥ 1", "people[0].skills.data", "got 0") { $0.people[0].skills["data"] = 0 },
        BrokenRule("capacity ≥ 0", "people[0].capacity", "capacity must be a number ≥ 0, got -1") {
            $0.people[0].capacity = .constant(-1)
        },
        BrokenRule("capacity finite", "people[0].capacity", "got NaN", writable: false) {
            $0.people[0].capacity = .constant(.nan)
        },
        BrokenRule("capacity length", "people[1].capacity", "capacity has 3 entries for 6 periods") {
            $0.people[1].capacity = .perPeriod([40, 40, 40])
        },
        BrokenRule("capacity entries ≥ 0", "people[1].capacity[1]", "got -1") {
            $0.people[1].capacity = .perPeriod([40, -1, 0, 0, 40, 40])
        },
        BrokenRule("capacity entries finite", "people[1].capacity[5]", "got infinity", writable: false) {
            $0.people[1].capacity = .perPeriod([40, 40, 0, 0, 40, .infinity])
        },
        BrokenRule("costPerHour ≥ 0", "people[0].costPerHour", "costPerHour must be a number ≥ 0") {
            $0.people[0].costPerHour = -1
        },
        BrokenRule("maxConcurrentProjects ≥ 1", "people[1].maxConcurrentProjects", "≥ 1, got 0") {
            $0.people[1].maxConcurrentProjects = 0
        },
        BrokenRule("maxConcurrentProjects in range", "people[1].maxConcurrentProjects", "out of range") {
            $0.people[1].maxConcurrentProjects = .max
        },
        BrokenRule("project id not empty", "projects[1].id", "project id is empty") { $0.projects[1].id = "" },
        BrokenRule("project id unique", "projects[1].id", "project id 'api' is duplicated") { $0.projects[1].id = "api" },
        BrokenRule("value ≥ 0", "projects[0].value", "value must be a number ≥ 0, got -1") { $0.projects[0].value = -1 },
        BrokenRule("duration ≥ 1", "projects[0].duration", "duration must be an integer ≥ 1, got 0") {
            $0.projects[0].duration = 0
        },
        BrokenRule("duration in range", "projects[0].duration", "out of range") { $0.projects[0].duration = .max },
        BrokenRule("earliestStart ≥ 0", "projects[0].earliestStart", "≥ 0, got -1") { $0.projects[0].earliestStart = -1 },
        BrokenRule("deadline in range", "projects[0].deadline", "out of range") { $0.projects[0].deadline = .min },
        BrokenRule("budget ≥ 0", "projects[1].budget", "budget must be a number ≥ 0") { $0.projects[1].budget = -1 },
        BrokenRule("dependsOn known", "projects[1].dependsOn[1]", "dependsOn names unknown project 'web'") {
            $0.projects[1].dependsOn = ["api", "web"]
        },
        BrokenRule("no cycle", "projects[0].dependsOn[0]", "dependsOn cycle api -> etl -> api") {
            $0.projects[0].dependsOn = ["etl"]
        },
        BrokenRule("no self-dependency", "projects[0].dependsOn[0]", "dependsOn cycle api -> api") {
            $0.projects[0].dependsOn = ["api"]
        },
        BrokenRule("demand id not empty", "projects[1].demands[0].id", "demand id is empty") {
            $0.projects[1].demands[0].id = ""
        },
        BrokenRule("demand id unique", "projects[1].demands[1].id", "demand id 'load' is duplicated in project 'etl'") {
            $0.projects[1].demands.append(Demand(id: "load", skill: "backend", hours: .constant(1)))
        },
        BrokenRule("same skill without id", "projects[0].demands[1]", "demand id 'backend' is duplicated in project 'api'") {
            $0.projects[0].demands.append(Demand(skill: "backend", hours: .constant(5)))
        },
        BrokenRule("skill not empty", "projects[1].demands[0].skill", "skill is empty") { $0.projects[1].demands[0].skill = "" },
        BrokenRule("minLevel 1…5", "projects[0].demands[0].minLevel", "minLevel must be an integer 1…5, got 0") {
            $0.projects[0].demands[0].minLevel = 0
        },
        BrokenRule("hours ≥ 0", "projects[0].demands[0].hours", "hours must be a number ≥ 0, got -5") {
            $0.projects[0].demands[0].hours = .constant(-5)
        },
        BrokenRule("hours length", "projects[1].demands[0].hours", "hours has 2 entries for duration 3") {
            $0.projects[1].demands[0].hours = .perPeriod([1, 2])
        },
        BrokenRule("hours entries finite", "projects[1].demands[0].hours[1]", "got NaN", writable: false) {
            $0.projects[1].demands[0].hours = .perPeriod([1, .nan, 1])
        },
        BrokenRule("pin person known", "pins[0].person", "pin names unknown person 'zed'") { $0.pins[0].person = "zed" },
        BrokenRule("pin project known", "pins[0].project", "pin names unknown project 'web'") { $0.pins[0].project = "web" },
        BrokenRule("pin demand known", "pins[0].demand", "pin names demand 'frontend', which project 'api' does not have") {
            $0.pins[0].demand = "frontend"
        },
        BrokenRule("pin period < periods", "pins[0].period", "pin names period 6 outside the horizon 0..<6") {
            $0.pins[0].period = 6
        },
        BrokenRule("pin period ≥ 0", "pins[0].period", "period -1 outside the horizon 0..<6") { $0.pins[0].period = -1 },
        BrokenRule("pin hours > 0", "pins[0].hours", "hours must be a number > 0, got 0") { $0.pins[0].hours = 0 },
        BrokenRule("pin hours finite", "pins[0].hours", "got NaN", writable: false) { $0.pins[0].hours = .nan },
        BrokenRule("pin hours at most 1e15", "pins[0].hours", "hours 2000000000000000 is more than this planner supports") {
            $0.pins[0].hours = 2e15
        },
        BrokenRule("hours at most 1e15 (the objective stays finite)", "projects[1].demands[0].hours[1]",
                   "hours 1.7976931348623157e+308 is more than this planner supports") {
            $0.projects[1].demands[0].hours = .perPeriod([1, .greatestFiniteMagnitude, 1])
        },
        BrokenRule("penalty at most 1e15", "policy.unmetPenaltyPerHour", "unmetPenaltyPerHour 1e+300 is more than") {
            $0.policy.unmetPenaltyPerHour = 1e300
        },
        BrokenRule("mandatory fits its deadline", "projects[1]",
                   "mandatory project 'etl' cannot fit: earliestStart 1 + duration 3 - 1 > deadline 2") {
            $0.projects[1].deadline = 2
        },
        BrokenRule("mandatory fits the horizon", "projects[1]",
                   "mandatory project 'etl' cannot fit: earliestStart 4 + duration 3 - 1 > last period 5 of the horizon") {
            $0.projects[1].deadline = nil
            $0.projects[1].earliestStart = 4
        },
        BrokenRule("mandatory dependency selectable", "projects[1].dependsOn[0]",
                   "mandatory project 'etl' depends on 'api', which can never be selected") {
            $0.projects[0].earliestStart = 5
        },
        BrokenRule("mandatory dependency chain selectable", "projects[1].dependsOn[0]",
                   "which can never be selected (etl -> api -> root; 'root' cannot fit") {
            $0.projects.append(Project(id: "root", duration: 9))
            $0.projects[0].dependsOn = ["root"]
        },
        BrokenRule("baseline hours > 0", "baseline.assignments[0].hours", "hours must be a number > 0, got 0") {
            $0.baseline?.assignments[0].hours = 0
        },
        BrokenRule("baseline selected has a start", "baseline.projects[0].start", "selected project 'api' needs a start") {
            $0.baseline?.projects[0].start = nil
        },
        BrokenRule("baseline project once", "baseline.projects[1].id", "baseline project 'api' is given twice") {
            $0.baseline?.projects.append(ProjectDecision(id: "api", selected: false))
        },
        BrokenRule("baseline assignment once", "baseline.assignments[1]", "is given twice (first at baseline.assignments[0])") {
            $0.baseline?.assignments.append(Assignment(person: "ana", project: "api", demand: "backend", period: 0, hours: 5))
        },
        BrokenRule("utilizationCap > 0", "policy.utilizationCap", "utilizationCap must be a number in (0, 1], got 0") {
            $0.policy.utilizationCap = 0
        },
        BrokenRule("utilizationCap ≤ 1", "policy.utilizationCap", "got 1.5") { $0.policy.utilizationCap = 1.5 },
        BrokenRule("utilizationCap finite", "policy.utilizationCap", "got NaN", writable: false) {
            $0.policy.utilizationCap = .nan
        },
        BrokenRule("unmetPenaltyPerHour ≥ 0", "policy.unmetPenaltyPerHour", "≥ 0") { $0.policy.unmetPenaltyPerHour = -1 },
        BrokenRule("assignmentPenalty ≥ 0", "policy.assignmentPenalty", "≥ 0") { $0.policy.assignmentPenalty = -1 },
        BrokenRule("budget ≥ 0", "policy.budget", "budget must be a number ≥ 0") { $0.policy.budget = -1 },
        BrokenRule("changePenaltyPerHour ≥ 0", "policy.changePenaltyPerHour", "≥ 0") { $0.policy.changePenaltyPerHour = -1 },
        BrokenRule("startChangePenalty ≥ 0", "policy.startChangePenalty", "got -infinity", writable: false) {
            $0.policy.startChangePenalty = -.infinity
        },
    ]

    @Test(arguments: rules)
    func eachRuleReportsExactlyItsError(rule: BrokenRule) {
        let errors = Self.errors(Self.broken(rule.breakRule))
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.path == rule.path, "\(errors)")
        #expect(errors.first?.message.contains(rule.fragment) == true, "\(errors)")
    }

    @Test(arguments: rules.filter(\.writable))
    func decodingTheBrokenScenarioReportsTheSameErrorOnce(rule: BrokenRule) {
        let bytes = Self.broken(rule.breakRule).jsonValue.serialized()
        do {
            _ = try Scenario.decode(jsonBytes: bytes)
            Issue.record("accepted")
        } catch {
            #expect(error.issues.count == 1, "\(error.issues)")
            #expect(error.issues.first?.path == rule.path, "\(error.issues)")
            #expect(error.issues.first?.message.contains(rule.fragment) == true
                    || error.issues.first?.message.contains("out of range") == true, "\(error.issues)")
        }
    }

    @Test func aScenarioWithManyProblemsListsThemAllInDocumentOrder() {
        let scenario = Self.broken {
            $0.people[0].skills["zz"] = 9
            $0.people[0].skills["aa"] = 8
            $0.projects[0].duration = 0
            $0.pins[0].hours = -1
            $0.policy.utilizationCap = 2
        }
        #expect(Self.errors(scenario).map(\.path) == [
            "people[0].skills.aa", "people[0].skills.zz", "projects[0].duration", "pins[0].hours", "policy.utilizationCap",
        ])
    }

    // MARK: Warnings

    @Test func aProjectThatNeverFitsIsAWarning() throws {
        let scenario = Self.broken { $0.projects.append(Project(id: "big", duration: 9)) }
        #expect(Self.errors(scenario).isEmpty)
        #expect(Self.warnings(scenario).map(\.description) == [
            "projects[2]: project 'big' can never be selected: it cannot fit: "
                + "earliestStart 0 + duration 9 - 1 > last period 5 of the horizon",
        ])
        _ = try PlanningProblem(scenario)
    }

    @Test func aProjectDependingOnOneThatNeverFitsIsAWarning() {
        let scenario = Self.broken {
            $0.projects.append(Project(id: "big", duration: 3, earliestStart: 2, deadline: 3))
            $0.projects.append(Project(id: "after", duration: 1, dependsOn: ["big"]))
        }
        #expect(Self.errors(scenario).isEmpty)
        let warnings = Self.warnings(scenario)
        #expect(warnings.map(\.path) == ["projects[2]", "projects[3]"])
        #expect(warnings.first?.message.contains("earliestStart 2 + duration 3 - 1 > deadline 3") == true)
        #expect(warnings.last?.message.contains("'after' can never be selected: it depends on 'big'") == true)
    }

    @Test func aProjectNamedTwiceInDependsOnIsAWarning() {
        let scenario = Self.broken { $0.projects[1].dependsOn = ["api", "api"] }
        #expect(Self.errors(scenario).isEmpty)
        #expect(Self.warnings(scenario).map(\.description)
                == ["projects[1].dependsOn[1]: project 'api' is named twice in dependsOn"])
    }

    @Test(arguments: [
        ("person", "baseline.assignments[1].person", "person 'fox' is not in the scenario"),
        ("project", "baseline.assignments[1].project", "project 'old' is not in the scenario"),
        ("demand", "baseline.assignments[1].demand", "project 'api' has no demand 'ui'"),
        ("period", "baseline.assignments[1].period", "period 9 is outside the horizon 0..<6"),
    ])
    func orphanedBaselineWorkIsAWarning(field: String, path: String, fragment: String) {
        let scenario = Self.broken {
            var entry = Assignment(person: "ana", project: "api", demand: "backend", period: 1, hours: 20)
            switch field {
            case "person": entry.person = "fox"
            case "project": entry.project = "old"
            case "demand": entry.demand = "ui"
            default: entry.period = 9
            }
            $0.baseline?.assignments.append(entry)
        }
        #expect(Self.errors(scenario).isEmpty)
        let warnings = Self.warnings(scenario)
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.path == path)
        #expect(warnings.first?.message == "orphaned baseline work: " + fragment)
    }

    @Test func anOrphanedBaselineProjectIsAWarning() {
        let scenario = Self.broken { $0.baseline?.projects.append(ProjectDecision(id: "old", selected: true, start: 0)) }
        #expect(Self.errors(scenario).isEmpty)
        #expect(Self.warnings(scenario).map(\.description)
                == ["baseline.projects[1].id: orphaned baseline work: project 'old' is not in the scenario"])
    }

    @Test func aBaselineStartOutsideTheWindowIsAWarning() {
        let scenario = Self.broken { $0.baseline?.projects[0].start = 5 }
        #expect(Self.errors(scenario).isEmpty)
        #expect(Self.warnings(scenario).map(\.path) == ["baseline.projects[0].start"])
        #expect(Self.warnings(scenario).first?.message.contains("outside the window of project 'api' (starts 0…4)") == true)
    }

    @Test func aPinWhosePersonDoesNotQualifyIsAWarning() {
        let scenario = Self.broken { $0.pins[0].person = "ben" }
        #expect(Self.errors(scenario).isEmpty)
        #expect(Self.warnings(scenario).map(\.path) == ["pins[0].person"])
        #expect(Self.warnings(scenario).first?.message.contains("person 'ben' does not qualify") == true)

        // Without a demand the pin reaches every demand of the project; one qualifying is enough.
        var anyDemand = Self.broken { $0.pins[0] = Pin(person: "ben", project: "etl", hours: 5) }
        #expect(anyDemand.validate().isEmpty)
        anyDemand.projects[1].demands[0].minLevel = 5
        #expect(Self.warnings(anyDemand).map(\.path) == ["pins[0].person"])
    }

    @Test func aPinOnAProjectThatCanNeverBeSelectedIsAWarning() {
        let scenario = Self.broken {
            $0.projects.append(Project(id: "big", duration: 9))
            $0.pins.append(Pin(person: "ana", project: "big", hours: 5))
        }
        #expect(Self.errors(scenario).isEmpty)
        #expect(Self.warnings(scenario).map(\.path) == ["projects[2]", "pins[1].project"])
        #expect(Self.warnings(scenario).last?.message.contains("pinned project 'big' can never be selected") == true)
    }

    // MARK: Valid edge cases

    @Test func aMandatoryProjectNeedingASkillNobodyHasIsValid() throws {
        let scenario = Self.broken { $0.projects[1].demands[0].skill = "cobol" }
        #expect(scenario.validate().isEmpty)
        _ = try PlanningProblem(scenario)
    }

    @Test func aMandatoryProjectWhoseWindowIsEmptiedOnlyByDependenciesIsValid() throws {
        let scenario = Self.broken { $0.projects[1].deadline = 3 }
        #expect(scenario.validate().isEmpty)
        _ = try PlanningProblem(scenario)
    }

    @Test func anEmptyScenarioIsValid() {
        #expect(Scenario(horizon: Horizon(periods: 1), people: [], projects: []).validate().isEmpty)
    }

    @Test func aHorizonBeyondThePlannersLimitIsOneClearError() {
        let scenario = Self.broken {
            $0.horizon.periods = JSONValueLimits.maxExactInteger
            $0.people[1].capacity = .constant(40)
        }
        let issues = scenario.validate()
        #expect(issues.map(\.path) == ["horizon.periods"])
        #expect(issues.first?.message.contains("at most \(Scenario.maxPeriods)") == true)
    }

    // MARK: Size

    @Test func longDependencyChainsAndCyclesDoNotOverflowTheStack() {
        let count = 100_000
        let chain = (0..<count).map { i in
            Project(id: "p\(i)", duration: 1, dependsOn: i == 0 ? [] : ["p\(i - 1)"])
        }
        let valid = Scenario(horizon: Horizon(periods: 4), people: [], projects: chain)
        #expect(valid.validate().isEmpty)

        var cyclic = valid
        cyclic.projects[0].dependsOn = ["p\(count - 1)"]
        let errors = Self.errors(cyclic)
        #expect(errors.count == 1)
        #expect(errors.first?.path == "projects[0].dependsOn[0]")
        #expect(errors.first?.message.hasPrefix("dependsOn cycle p0 -> p99999 -> p99998") == true, "\(errors)")
        #expect(errors.first?.message.hasSuffix("-> p0 (100000 projects)") == true, "\(errors)")

        // A chain rooted in a project that never fits, ending in a mandatory one.
        var blocked = valid
        blocked.projects[0].earliestStart = 4
        blocked.projects[count - 1].mandatory = true
        let blockedErrors = Self.errors(blocked)
        #expect(blockedErrors.map(\.path) == ["projects[\(count - 1)].dependsOn[0]"])
        #expect(Self.warnings(blocked).count == count - 1)
    }
}

/// The integer limit the decoder and validation share (2^53 − 1), for tests.
enum JSONValueLimits {
    static let maxExactInteger = 9_007_199_254_740_991
}
