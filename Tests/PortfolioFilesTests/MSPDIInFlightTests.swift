// Microsoft Project XML of a portfolio in flight (format v3, Part A): the status date, actual work
// and remaining work, out and in.
import CapacityPlanners
import CapacityPlanning
import Foundation
@testable import PortfolioFiles
import StrictJSON
import TestSupport
import Testing

@Suite("Microsoft Project XML (MSPDI) in flight")
struct MSPDIInFlightTests {
    // MARK: - Round trip

    @Test("plan in flight → MSPDI → import: the same status period, started projects, actuals per period, and each started line's work the plan's remaining hours")
    func roundTripInFlight() throws {
        let (problem, plan) = try FileFixtures.example("in-flight.json")
        let scenario = problem.scenario
        let data = try MSPDIExporter.document(plan, problem: problem, title: "in flight").xml()
        let document = try MSPDIDocument(data: data, file: "in-flight.xml")
        let horizon = scenario.horizon
        let outcome = MSPDIImporter.run(document, file: "in-flight.xml",
                                        settings: .init(periods: horizon.periods, unit: horizon.unit ?? .week))
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        #expect(!outcome.warnings.contains { $0.message.contains("actual work") }, "every actual is read: \(outcome.warnings)")
        let imported = try #require(outcome.scenario)
        #expect(imported.version == 3)
        #expect(imported.horizon.start == horizon.start && imported.horizon.unit == .week)
        #expect(imported.status?.period == scenario.status?.period)
        #expect(imported.projects.map(\.id) == scenario.projects.map(\.id))

        func started(_ s: Scenario) -> [String: Int] {
            Dictionary(s.projects.compactMap { p in p.started.map { (p.id, $0) } }, uniquingKeysWith: { a, _ in a })
        }
        #expect(started(imported) == started(scenario))
        #expect(started(scenario).count >= 2, "the example has started projects")

        // Actuals: per person, project, demand line and week.
        func actuals(_ s: Scenario) -> [String: Double] {
            var out: [String: Double] = [:]
            for a in s.status?.actuals ?? [] { out["\(a.person)/\(a.project)/\(a.demand)/\(a.period)", default: 0] += a.hours }
            return out
        }
        let (original, read) = (actuals(scenario), actuals(imported))
        #expect(!original.isEmpty)
        #expect(Set(read.keys) == Set(original.keys))
        for (key, hours) in original {
            #expect(abs((read[key] ?? 0) - hours) <= 1e-6 * max(1, hours), "\(key): \(read[key] ?? 0) ≠ \(hours)")
        }

        // A started project's lines: flexible, needing the plan's remaining hours (MSPDI writes
        // durations to the second: half a second per assignment at most).
        for project in scenario.projects where project.started != nil {
            let line = try #require(imported.projects.first { $0.id == project.id })
            #expect(line.demands.map(\.resolvedID) == project.demands.map(\.resolvedID))
            for demand in project.demands {
                let booked = plan.assignments.filter { $0.project == project.id && $0.demand == demand.resolvedID }
                let planned = booked.reduce(0) { $0 + $1.hours }
                let read = try #require(line.demands.first { $0.resolvedID == demand.resolvedID })
                let work = try #require(read.work, "\(project.id)/\(demand.resolvedID) is a flexible line")
                #expect(abs(work - planned) <= 1e-6 * max(1, planned) + Double(booked.count) / 7200,
                        "\(project.id)/\(demand.resolvedID): work \(work), planned \(planned)")
                #expect(read.maxPerPeriod == nil)
            }
            let decision = try #require(plan.projects.first { $0.id == project.id })
            if decision.selected, let start = decision.start {
                let finish = decision.finish ?? start + project.duration - 1
                #expect(line.duration == finish - start + 1, "\(project.id): duration from started to the planned finish")
                #expect(line.longestDuration == horizon.periods - start, "\(project.id): it may run to the horizon's end")
            }
        }

        #expect(imported.validate().filter { $0.severity == .error } == [])
        let again = try PlanningProblem(imported)
        let replanned = try GreedyPlanner().plan(again, options: PlanningOptions(seed: 1))
        #expect(PlanChecker.check(replanned, for: again).isValid, "the imported portfolio plans again")
    }

    @Test("MPXJ reads the plan in flight: the status date, actual and remaining work of each assignment, the started projects' actual starts",
          .enabled(if: PythonTools.mpxjSkipReason == nil, "\(PythonTools.mpxjSkipReason ?? "")"))
    func mpxjReadsProgress() throws {
        let reader = """
            import json, sys, jpype, mpxj
            jpype.startJVM()
            from org.mpxj.reader import UniversalProjectReader
            p = UniversalProjectReader().read(sys.argv[1])
            def s(x): return None if x is None else str(x)
            def h(d): return None if d is None else float(d.getDuration())
            out = {'status': s(p.getProjectProperties().getStatusDate()), 'tasks': [], 'assignments': []}
            for t in p.getTasks():
                if t.getUniqueID() is None or int(t.getUniqueID()) == 0: continue
                out['tasks'].append({'level': int(t.getOutlineLevel()), 'id': s(t.getFieldByAlias('Scenario id')),
                    'actualStart': s(t.getActualStart())})
            for a in p.getResourceAssignments():
                out['assignments'].append({'actual': h(a.getActualWork()), 'remaining': h(a.getRemainingWork()), 'work': h(a.getWork())})
            print(json.dumps(out))
            """
        let folder = try CommandRunner.temporaryDirectory(prefix: "mspdi-in-flight")
        let (problem, plan) = try FileFixtures.example("in-flight.json")
        let scenario = problem.scenario
        let url = folder.appendingPathComponent("plan.xml")
        try MSPDIExporter.document(plan, problem: problem, title: "in flight").xml().write(to: url)
        let result = try PythonTools.run(reader, [url.path], directory: folder, timeout: 300)
        try #require(result.status == 0, "\(result)")
        let file = try JSONValue(parsing: result.stdout)
        let calendar = MSPDICalendar(scenario.horizon)
        let s = try #require(scenario.status?.period)
        #expect(file["status"]?.stringValue == PeriodLabels.isoDate(dayNumber: calendar.lastWorkingDay(s - 1)) + "T17:00")
        let assignments = file["assignments"]?.arrayValue ?? []
        let actual = assignments.compactMap { $0["actual"]?.numberValue }.reduce(0, +)
        let remaining = assignments.compactMap { $0["remaining"]?.numberValue }.reduce(0, +)
        let expectedActual = (scenario.status?.actuals ?? []).reduce(0) { $0 + $1.hours }
        let expectedRemaining = plan.assignments.reduce(0) { $0 + $1.hours }
        #expect(abs(actual - expectedActual) < 1e-3, "actual work \(actual) ≠ \(expectedActual)")
        #expect(abs(remaining - expectedRemaining) <= Double(assignments.count) / 7200 + 1e-6,  // to the second
                "remaining work \(remaining) ≠ \(expectedRemaining)")
        for project in scenario.projects {
            let task = (file["tasks"]?.arrayValue ?? []).first { $0["level"]?.numberValue == 1 && $0["id"]?.stringValue == project.id }
            let expected = project.started.map { PeriodLabels.isoDate(dayNumber: calendar.firstWorkingDay($0)) + "T08:00" }
            #expect(task?["actualStart"]?.stringValue == expected, "\(project.id)'s actual start")
        }
    }

    // MARK: - Hand-written files

    /// A file with one person (Ana, group IT), one project "Network" from 4 January to 5 February
    /// 2027 (weeks 0–4 of an 8-week horizon) and its line "Cabling" (UID 2) with assignment UID 1.
    static func file(statusDate: String?, summary: String = "", line: String = "", assignment: String,
                     moreTasks: String = "", moreAssignments: String = "") throws -> MSPDIDocument {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Project xmlns="http://schemas.microsoft.com/project">
             <Name>Office</Name><StartDate>2027-01-04T08:00:00</StartDate><FinishDate>2027-02-26T17:00:00</FinishDate>
             \(statusDate.map { "<StatusDate>\($0)</StatusDate>" } ?? "")
             <Tasks>
              <Task><UID>1</UID><Name>Network</Name><OutlineLevel>1</OutlineLevel>
               <Start>2027-01-04T08:00:00</Start><Finish>2027-02-05T17:00:00</Finish>\(summary)</Task>
              <Task><UID>2</UID><Name>Cabling</Name><OutlineLevel>2</OutlineLevel>
               <Start>2027-01-04T08:00:00</Start><Finish>2027-02-05T17:00:00</Finish>\(line)</Task>
              \(moreTasks)
             </Tasks>
             <Resources><Resource><UID>1</UID><Name>Ana</Name><Type>1</Type><Group>IT</Group><MaxUnits>1</MaxUnits></Resource></Resources>
             <Assignments>
              <Assignment><UID>1</UID><TaskUID>2</TaskUID><ResourceUID>1</ResourceUID>\(assignment)</Assignment>
              \(moreAssignments)
             </Assignments>
            </Project>
            """
        return try MSPDIDocument(data: Data(xml.utf8), file: "office.xml")
    }

    /// Time-phased actual work (type 2) from `start` to `finish` (dates).
    static func actual(_ start: String, _ finish: String, hours: Int) -> String {
        "<TimephasedData><Type>2</Type><UID>1</UID><Start>\(start)T08:00:00</Start><Finish>\(finish)T17:00:00</Finish>"
            + "<Unit>2</Unit><Value>PT\(hours)H0M0S</Value></TimephasedData>"
    }

    static func run(_ document: MSPDIDocument) -> ScenarioImporter.Outcome {
        MSPDIImporter.run(document, file: "office.xml", settings: .init(periods: 8, unit: .week))
    }

    @Test("the status period is the first period whose last working day lies after the status date",
          arguments: [
            ("2027-01-15T17:00:00", 2),  // Friday, week 1's last working day: weeks 0 and 1 are done
            ("2027-01-17T12:00:00", 2),  // the Sunday after it
            ("2027-01-11T08:00:00", 1),  // Monday, week 1's first day: week 1 is not done
            ("2027-01-13T17:00:00", 1),  // Wednesday: week 1 is not done
          ])
    func statusPeriod(statusDate: String, period: Int) throws {
        let document = try Self.file(statusDate: statusDate, assignment: """
            <ActualStart>2027-01-04T08:00:00</ActualStart><ActualWork>PT24H0M0S</ActualWork>
            <RemainingWork>PT40H0M0S</RemainingWork><Work>PT64H0M0S</Work>
            \(Self.actual("2027-01-04", "2027-01-08", hours: 16))\(Self.actual("2027-01-11", "2027-01-11", hours: 8))
            """)
        let outcome = Self.run(document)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let scenario = try #require(outcome.scenario)
        #expect(scenario.version == 3)
        #expect(scenario.status?.period == period)
        let network = try #require(scenario.projects.first)
        #expect(network.started == 0)
        #expect(network.duration == 5 && network.maxDuration == 8, "from week 0 to its finish in week 4; up to the horizon's end")
        #expect(network.demands == [Demand(id: "cabling", skill: "IT", work: 40)], "its remaining work")
        var expected = [Actual(person: "ana", project: "network", demand: "cabling", period: 0, hours: 16)]
        let warnings = outcome.warnings.map(\.message)
        if period == 2 {
            expected.append(Actual(person: "ana", project: "network", demand: "cabling", period: 1, hours: 8))
            #expect(!warnings.contains { $0.contains("actual work") }, "\(warnings)")
        } else {
            let dropped = "assignment UID 1 (ana on task 'Cabling' (UID 2)): 8 hours of actual work lie in or after the status "
                + "period (from 2027-01-11): not imported (set the status date to the last working day of the last period done)"
            #expect(warnings.contains(dropped), "\(warnings)")
        }
        #expect(scenario.status?.actuals == expected)
    }

    @Test("actual work after the status date is dropped with a warning; without time-phased data, actual work is spread over the working days to the status date")
    func actualAfterStatusDate() throws {
        let document = try Self.file(statusDate: "2027-01-15T17:00:00",
                                     summary: "<ActualStart>2027-01-05T08:00:00</ActualStart>",
                                     assignment: """
            <ActualStart>2027-01-05T08:00:00</ActualStart><ActualWork>PT40H0M0S</ActualWork>
            <RemainingWork>PT8H0M0S</RemainingWork><Work>PT48H0M0S</Work>
            \(Self.actual("2027-01-05", "2027-01-08", hours: 16))\(Self.actual("2027-01-11", "2027-01-15", hours: 16))\
            \(Self.actual("2027-01-18", "2027-01-19", hours: 8))
            """,
                                     moreTasks: """
            <Task><UID>3</UID><Name>Racks</Name><OutlineLevel>2</OutlineLevel>
             <Start>2027-01-04T08:00:00</Start><Finish>2027-01-22T17:00:00</Finish></Task>
            """,
                                     moreAssignments: """
            <Assignment><UID>2</UID><TaskUID>3</TaskUID><ResourceUID>1</ResourceUID>
             <ActualStart>2027-01-07T08:00:00</ActualStart><ActualWork>PT30H0M0S</ActualWork><Work>PT30H0M0S</Work></Assignment>
            """)
        let outcome = Self.run(document)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let scenario = try #require(outcome.scenario)
        #expect(scenario.status?.period == 2)
        #expect(scenario.projects.first?.started == 0)
        // Racks: 30 hours over the 7 working days from Thursday 7 to Friday 15 January: 2 in week 0, 5 in week 1.
        #expect(scenario.status?.actuals == [
            Actual(person: "ana", project: "network", demand: "cabling", period: 0, hours: 16),
            Actual(person: "ana", project: "network", demand: "cabling", period: 1, hours: 16),
            Actual(person: "ana", project: "network", demand: "racks", period: 0, hours: Self.micro(30.0 / 7 * 2)),
            Actual(person: "ana", project: "network", demand: "racks", period: 1, hours: Self.micro(30.0 / 7 * 5)),
        ])
        #expect(scenario.projects.first?.demands == [Demand(id: "cabling", skill: "IT", work: 8),
                                                     Demand(id: "racks", skill: "IT", work: 0)])
        let dropped = "assignment UID 1 (ana on task 'Cabling' (UID 2)): 8 hours of actual work lie in or after the status "
            + "period (from 2027-01-18): not imported (set the status date to the last working day of the last period done)"
        #expect(outcome.warnings.map(\.message).contains(dropped), "\(outcome.warnings)")
        #expect(scenario.validate().filter { $0.severity == .error } == [])
    }

    @Test("remaining work becomes a started line's work: the assignments' remaining work, else the task's, else work less actual work")
    func remainingWork() throws {
        let document = try Self.file(statusDate: "2027-01-15T17:00:00", assignment: """
            <ActualStart>2027-01-04T08:00:00</ActualStart><ActualWork>PT10H0M0S</ActualWork>
            <RemainingWork>PT30H0M0S</RemainingWork><Work>PT70H0M0S</Work>
            """,
                                     moreTasks: """
            <Task><UID>3</UID><Name>Racks</Name><OutlineLevel>2</OutlineLevel>
             <Start>2027-01-11T08:00:00</Start><Finish>2027-01-29T17:00:00</Finish></Task>
            <Task><UID>4</UID><Name>Labels</Name><OutlineLevel>2</OutlineLevel>
             <Start>2027-01-11T08:00:00</Start><Finish>2027-01-29T17:00:00</Finish>
             <ActualWork>PT0H0M0S</ActualWork><RemainingWork>PT12H0M0S</RemainingWork><Work>PT20H0M0S</Work></Task>
            """,
                                     moreAssignments: """
            <Assignment><UID>2</UID><TaskUID>3</TaskUID><ResourceUID>1</ResourceUID>
             <ActualFinish>2027-01-12T17:00:00</ActualFinish><ActualStart>2027-01-11T08:00:00</ActualStart>
             <ActualWork>PT20H0M0S</ActualWork><Work>PT50H0M0S</Work></Assignment>
            """)
        let outcome = Self.run(document)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let scenario = try #require(outcome.scenario)
        let network = try #require(scenario.projects.first)
        #expect(network.started == 0, "from its first actual work, without an actual start on the summary")
        #expect(network.demands == [Demand(id: "cabling", skill: "IT", work: 30),  // the assignment's remaining work
                                    Demand(id: "racks", skill: "IT", work: 30),    // 50 − 20
                                    Demand(id: "labels", skill: "general", work: 12)])  // the task's remaining work
        // Cabling: 10 hours over the 10 working days to the status date; Racks: 20 over 11–12 January.
        #expect(scenario.status?.actuals == [
            Actual(person: "ana", project: "network", demand: "cabling", period: 0, hours: 5),
            Actual(person: "ana", project: "network", demand: "cabling", period: 1, hours: 5),
            Actual(person: "ana", project: "network", demand: "racks", period: 1, hours: 20),
        ])
        #expect(scenario.validate().filter { $0.severity == .error } == [])
    }

    @Test("actual work without a status date: dropped with a warning that says to set one, and the file imports as before")
    func noStatusDate() throws {
        let document = try Self.file(statusDate: nil, line: "<ActualWork>PT24H0M0S</ActualWork>", assignment: """
            <ActualStart>2027-01-04T08:00:00</ActualStart><ActualWork>PT24H0M0S</ActualWork>
            <RemainingWork>PT40H0M0S</RemainingWork><Work>PT64H0M0S</Work>
            """)
        let outcome = Self.run(document)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let scenario = try #require(outcome.scenario)
        #expect(scenario.version == 1 && scenario.status == nil)
        #expect(scenario.projects.first?.started == nil)
        #expect(scenario.projects.first?.demands == [Demand(id: "cabling", skill: "IT", hours: .constant(12.8))],
                "64 hours of work spread over five weeks, as before")
        let warning = "task 'Cabling' (UID 2) has actual work (progress): not imported, as the file has no status date; "
            + "demands are the planned hours (set the project's status date to import progress as actuals)"
        #expect(outcome.warnings.map(\.message).contains(warning), "\(outcome.warnings)")
    }

    @Test("actual work of a project whose actual start is not before the status period: not started, its actual work dropped with a warning")
    func notStarted() throws {
        let document = try Self.file(statusDate: "2027-01-15T17:00:00",
                                     summary: "<ActualStart>2027-01-25T08:00:00</ActualStart>",
                                     assignment: """
            <ActualStart>2027-01-25T08:00:00</ActualStart><ActualWork>PT8H0M0S</ActualWork><Work>PT64H0M0S</Work>
            \(Self.actual("2027-01-25", "2027-01-25", hours: 8))
            """)
        let outcome = Self.run(document)
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let scenario = try #require(outcome.scenario)
        #expect(scenario.version == 3 && scenario.status == Status(period: 2))
        #expect(scenario.projects.first?.started == nil)
        #expect(scenario.projects.first?.demands.first?.isFlexible == false)
        let warning = "task 'Network' (UID 1) has 8 hours of actual work, but its actual start 2027-01-25 is not before the "
            + "status period (from 2027-01-18): imported as not started, its actual work dropped (only started projects have actuals)"
        #expect(outcome.warnings.map(\.message).contains(warning), "\(outcome.warnings)")
    }

    @Test("a status period given for the import wins over the file's status date, and puts a file without one in flight")
    func statusPeriodSetting() throws {
        let assignment = "<ActualStart>2027-01-04T08:00:00</ActualStart><ActualWork>PT16H0M0S</ActualWork>"
            + "<RemainingWork>PT8H0M0S</RemainingWork>"
        for statusDate in [nil, "2027-01-29T17:00:00"] {
            let document = try Self.file(statusDate: statusDate, assignment: assignment)
            let outcome = MSPDIImporter.run(document, file: "office.xml",
                                            settings: .init(periods: 8, unit: .week, statusPeriod: "2027-01-18"))
            #expect(outcome.errors.isEmpty, "\(outcome.errors)")
            let scenario = try #require(outcome.scenario)
            #expect(scenario.status?.period == 2, "18 January 2027 is in week 2")
            // 16 hours over the 10 working days to Friday 15 January, the last before the status period.
            #expect(scenario.status?.actuals == [Actual(person: "ana", project: "network", demand: "cabling", period: 0, hours: 8),
                                                 Actual(person: "ana", project: "network", demand: "cabling", period: 1, hours: 8)])
            #expect(scenario.projects.first?.demands == [Demand(id: "cabling", skill: "IT", work: 8)])
            let overrides = outcome.warnings.contains { $0.message.hasPrefix("the status period 2 given for the import wins") }
            #expect(overrides == (statusDate != nil))
        }
        let document = try Self.file(statusDate: nil, assignment: assignment)
        let outcome = MSPDIImporter.run(document, file: "office.xml", settings: .init(periods: 8, unit: .week, statusPeriod: "9"))
        #expect(outcome.scenario == nil)
        #expect(outcome.errors.map(\.setting) == ["status.period"], "\(outcome.errors)")
    }

    /// Hours rounded to a millionth, as the importer writes them.
    static func micro(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
}
