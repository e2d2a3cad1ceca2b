// Microsoft Project XML of a plan with supply (format v3, Part B): each hire a generic resource
// available from its start, with its assignments; read back by MPXJ and by the importer.
import CapacityPlanning
import Foundation
@testable import PortfolioFiles
import StrictJSON
import TestSupport
import Testing

@Suite("Microsoft Project XML (MSPDI) with supply")
struct MSPDISupplyTests {
    /// The hire instances of `plan` (`ROLE#K`) with their role and start, by role and number.
    static func hires(_ plan: Plan, _ scenario: Scenario) -> [(name: String, role: Role, start: Int)] {
        var out: [(name: String, role: Role, start: Int)] = []
        for role in scenario.hiring {
            let starts = (plan.hires ?? []).filter { $0.role == role.id }.flatMap { Array(repeating: $0.start, count: $0.count) }.sorted()
            for (k, start) in starts.enumerated() { out.append((Scenario.hireName(role: role.id, number: k + 1), role, start)) }
        }
        return out
    }

    @Test("the plan of everything.json: each hire a generic resource after the people, at its role's rate, available from its start, with the plan's hours")
    func genericResources() throws {
        let (problem, plan) = try FileFixtures.everything()
        let scenario = problem.scenario
        let document = try MSPDIDocument(data: try MSPDIExporter.document(plan, problem: problem, title: "everything").xml(),
                                         file: "plan.xml")
        let resources = document.Resources?.Resource ?? []
        let hires = Self.hires(plan, scenario)
        #expect(!hires.isEmpty)
        #expect(resources.map { $0.Name ?? "" } == scenario.people.map(\.resolvedName) + hires.map(\.name))
        #expect(resources.prefix(scenario.people.count).allSatisfy { $0.IsGeneric == nil }, "people are not generic")
        let calendar = MSPDICalendar(scenario.horizon)
        for (resource, hire) in zip(resources.dropFirst(scenario.people.count), hires) {
            #expect(resource.IsGeneric == "1" && resource.Type == "1", "\(hire.name) is a generic work resource")
            #expect(resource.StandardRate == MSPDIExporter.number(hire.role.costPerHour))
            #expect(resource.Notes?.contains("role '\(hire.role.id)'") == true, "\(resource.Notes ?? "no note")")
            let periods = resource.AvailabilityPeriods?.AvailabilityPeriod ?? []
            if hire.start > 0 {
                #expect(periods.count == 2, "\(hire.name): unavailable, then available")
                #expect(periods.first?.AvailableUnits == "0")
                #expect(periods.last?.AvailableFrom == MSPDICalendar.midnight(calendar.firstDay(hire.start)))
                #expect(periods.last?.AvailableUnits == MSPDIExporter.number(hire.role.capacity / calendar.workingHours(hire.start)))
            }
            // Its assignments: the plan's hours on each line.
            let assigned = (document.Assignments?.Assignment ?? []).filter { $0.ResourceUID == resource.UID }
            let work = assigned.compactMap { MSPDICalendar.hours(ofDuration: $0.Work) }.reduce(0, +)
            let booked = plan.assignments.filter { $0.person == hire.name }.reduce(0) { $0 + $1.hours }
            #expect(abs(work - booked) <= Double(assigned.count) / 7200 + 1e-9, "\(hire.name): work \(work), planned \(booked)")
            #expect(booked > 0)
        }
        // Every planned hour is in an assignment, the hires' included.
        let total = (document.Assignments?.Assignment ?? []).compactMap { MSPDICalendar.hours(ofDuration: $0.RemainingWork ?? $0.Work) }
            .reduce(0, +)
        let planned = plan.assignments.reduce(0) { $0 + $1.hours }
        #expect(abs(total - planned) <= Double(document.Assignments?.Assignment?.count ?? 0) / 7200 + 1e-6, "\(total) ≠ \(planned)")
    }

    @Test("MPXJ reads the hires as generic resources with their rate, availability from their start and their assignments' work",
          .enabled(if: PythonTools.mpxjSkipReason == nil, "\(PythonTools.mpxjSkipReason ?? "")"))
    func mpxjReadsHires() throws {
        let reader = """
            import json, sys, jpype, mpxj
            jpype.startJVM()
            from org.mpxj.reader import UniversalProjectReader
            p = UniversalProjectReader().read(sys.argv[1])
            def s(x): return None if x is None else str(x)
            out = {'resources': [], 'assignments': []}
            for r in p.getResources():
                if r.getUniqueID() is None or r.getName() is None: continue
                out['resources'].append({'uid': int(r.getUniqueID()), 'name': s(r.getName()), 'generic': bool(r.getGeneric()),
                    'rate': float(r.getStandardRate().getAmount()) if r.getStandardRate() is not None else None,
                    'available': [[s(a.getRange().getStart()), float(a.getUnits())] for a in r.getAvailability()]})
            for a in p.getResourceAssignments():
                out['assignments'].append({'resource': int(a.getResourceUniqueID()), 'work': float(a.getWork().getDuration()),
                    'unit': s(a.getWork().getUnits())})
            print(json.dumps(out))
            """
        let folder = try CommandRunner.temporaryDirectory(prefix: "mspdi-supply")
        let (problem, plan) = try FileFixtures.everything()
        let scenario = problem.scenario
        let url = folder.appendingPathComponent("plan.xml")
        try MSPDIExporter.document(plan, problem: problem, title: "everything").xml().write(to: url)
        let result = try PythonTools.run(reader, [url.path], directory: folder, timeout: 300)
        try #require(result.status == 0, "\(result)")
        let file = try JSONValue(parsing: result.stdout)
        let resources = file["resources"]?.arrayValue ?? []
        let assignments = file["assignments"]?.arrayValue ?? []
        let hires = Self.hires(plan, scenario)
        #expect(resources.map { $0["name"]?.stringValue ?? "" } == scenario.people.map(\.resolvedName) + hires.map(\.name))
        #expect(resources.map { $0["generic"] == .bool(true) }
                == Array(repeating: false, count: scenario.people.count) + Array(repeating: true, count: hires.count))
        let calendar = MSPDICalendar(scenario.horizon)
        for (resource, hire) in zip(resources.dropFirst(scenario.people.count), hires) {
            #expect(resource["rate"]?.numberValue == hire.role.costPerHour, "\(hire.name)'s rate")
            // From its start on, available (MPXJ gives the units in percent); before it, not.
            let available = (resource["available"]?.arrayValue ?? []).filter { ($0.arrayValue?.last?.numberValue ?? 0) > 0 }
            #expect(available.first?.arrayValue?.first?.stringValue
                    == PeriodLabels.isoDate(dayNumber: calendar.firstDay(hire.start)) + "T00:00", "\(hire.name) from its start")
            let uid = resource["uid"]?.numberValue
            let work = assignments.filter { $0["resource"]?.numberValue == uid }.compactMap { $0["work"]?.numberValue }.reduce(0, +)
            let booked = plan.assignments.filter { $0.person == hire.name }.reduce(0) { $0 + $1.hours }
            #expect(abs(work - booked) < 1e-3, "\(hire.name): MPXJ's work \(work), planned \(booked)")
        }
    }

    @Test("a scenario without supply has no generic resource; importing a file with generic resources says they become people")
    func importWarns() throws {
        let (plain, plainPlan) = try FileFixtures.example("small-team.json")
        let plainDocument = MSPDIExporter.document(plainPlan, problem: plain, title: "small team")
        #expect(plainDocument.Resources?.Resource?.allSatisfy { $0.IsGeneric == nil && $0.Notes == nil } == true)

        let (problem, plan) = try FileFixtures.everything()
        let data = try MSPDIExporter.document(plan, problem: problem, title: "everything").xml()
        let horizon = problem.scenario.horizon
        let outcome = MSPDIImporter.run(try MSPDIDocument(data: data, file: "plan.xml"), file: "plan.xml",
                                        settings: .init(periods: horizon.periods, unit: horizon.unit ?? .week))
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        for hire in Self.hires(plan, problem.scenario) {
            #expect(outcome.warnings.contains { $0.message.contains("'\(hire.name)'") && $0.message.contains("generic resource") },
                    "\(outcome.warnings.map(\.description))")
        }
    }
}
