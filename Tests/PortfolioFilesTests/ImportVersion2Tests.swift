// `capacity-planner import` with the version-2 columns and files: tags, scores, cost of delay,
// touches and excludes; systems with freezes (indices, ranges, dates); strategic drivers.
@testable import PortfolioFiles
import CapacityPlanning
import Foundation
import Testing

@Suite("CSV import: format v2")
struct ImportVersion2Tests {
    private let people = "id,capacity,costPerHour,skills\nana,40,80,dev:3\nbo,40,60,dev:2\n"
    private let demands = "project,skill,hours\ncheckout,dev,20\nwallet,dev,20\nmarketplace,dev,10\n"

    private func run(projects: String, systems: String? = nil, drivers: String? = nil,
                     valuePerPoint: Double? = nil) -> ScenarioImporter.Outcome {
        ScenarioImporter.run(
            people: FileFixtures.source("people.csv", people), projects: FileFixtures.source("projects.csv", projects),
            demands: FileFixtures.source("demands.csv", demands), availability: nil, pins: nil,
            systems: systems.map { FileFixtures.source("systems.csv", $0) }, drivers: drivers.map { FileFixtures.source("drivers.csv", $0) },
            settings: ScenarioImporter.Settings(periods: 8, start: "2027-01-04", unit: .week, valuePerPoint: valuePerPoint))
    }

    private let projects = """
        id,value,duration,tags,scores,costOfDelay,touches,excludes
        checkout,9000,2,department=ecommerce;theme=growth,asia=5;cost=1,500,pay,marketplace
        wallet,7000,2,theme=run,,,pay;crm,
        marketplace,6000,2,theme=growth,asia=4,,,

        """

    @Test("the v2 columns and files make a valid version-2 scenario with the values given")
    func roundTrip() throws {
        let outcome = run(projects: projects,
                          systems: "id,name,maxConcurrentProjects,freezes\npay,Payments core,1,6-7\ncrm,,,2027-01-18\n",
                          drivers: "id,name,weight\nasia,Grow in Asia,0.6\ncost,,0.4\n", valuePerPoint: 1000)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let scenario = try #require(outcome.scenario)
        #expect(scenario.version == 2)
        let checkout = scenario.projects[0]
        #expect(checkout.tags == ["department": "ecommerce", "theme": "growth"])
        #expect(checkout.scores == ["asia": 5, "cost": 1])
        #expect(checkout.costOfDelay == 500)
        #expect(checkout.touches == ["pay"] && checkout.excludes == ["marketplace"])
        #expect(scenario.projects[1].touches == ["pay", "crm"])
        #expect(scenario.systems == [System(id: "pay", name: "Payments core", maxConcurrentProjects: 1, freezes: [6, 7]),
                                     System(id: "crm", freezes: [2])])
        #expect(scenario.strategy == Strategy(drivers: [Driver(id: "asia", name: "Grow in Asia", weight: 0.6),
                                                        Driver(id: "cost", weight: 0.4)], valuePerPoint: 1000))
        let decoded = try Scenario.decode(jsonBytes: scenario.jsonValue.serialized(pretty: true))
        #expect(decoded == scenario)
        #expect(throws: Never.self) { try PlanningProblem(decoded) }
    }

    @Test("a v1 import stays version 1")
    func version1() throws {
        let outcome = run(projects: "id,value,duration\ncheckout,9000,2\nwallet,7000,2\nmarketplace,6000,2\n")
        #expect(try #require(outcome.scenario).version == 1)
    }

    @Test("errors name the file and line", arguments: [
        ("checkout,9000,2,,asia=x,,,", nil as String?, "projects.csv:2: scores: the score 'x' of 'asia' is not a whole number"),
        ("checkout,9000,2,theme,,,,", nil, "projects.csv:2: tags: 'theme' is not key=value"),
        ("checkout,9000,2,,,,payments,", "id\npay\n", "projects.csv:2: touches names system 'payments', which does not exist"),
        ("checkout,9000,2,,,,pay,", "id,freezes\npay,2027-09-06\n", "systems.csv:2: period '2027-09-06' is outside the horizon"),
        ("checkout,9000,2,,,,pay,", "id,freezes\npay,5-3\n", "systems.csv:2: freezes: the range '5-3' ends before it starts"),
    ])
    func errors(_ row: String, _ systems: String?, _ expected: String) {
        let file = "id,value,duration,tags,scores,costOfDelay,touches,excludes\n" + row + "\nwallet,7000,2,,,,,\nmarketplace,6000,2,,,,,\n"
        let outcome = run(projects: file, systems: systems, drivers: "id,weight\nasia,1\n")
        #expect(outcome.scenario == nil)
        #expect(outcome.errors.contains { $0.description.hasPrefix(expected) }, "\(outcome.errors.map(\.description))")
    }
}
