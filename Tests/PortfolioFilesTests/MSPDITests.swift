// Microsoft Project XML out and in: MPXJ reads what we write; a plan's file imports back into its scenario.
import CapacityPlanning
import Foundation
@testable import PortfolioFiles
import StrictJSON
import TestSupport
import Testing

@Suite("Microsoft Project XML (MSPDI)")
struct MSPDITests {
    /// Reads an MSPDI file with MPXJ and prints tasks, resources and assignments as JSON.
    static let mpxjReader = """
        import json, sys, jpype, mpxj
        jpype.startJVM()
        from org.mpxj.reader import UniversalProjectReader
        p = UniversalProjectReader().read(sys.argv[1])
        def s(x): return None if x is None else str(x)
        out = {'tasks': [], 'resources': [], 'assignments': []}
        for t in p.getTasks():
            if t.getUniqueID() is None or int(t.getUniqueID()) == 0: continue
            parent = t.getParentTask()
            out['tasks'].append({'uid': int(t.getUniqueID()), 'name': s(t.getName()), 'level': int(t.getOutlineLevel()),
                'parent': None if parent is None else int(parent.getUniqueID()), 'active': bool(t.getActive()),
                'start': s(t.getStart()), 'finish': s(t.getFinish()), 'id': s(t.getFieldByAlias('Scenario id')),
                'predecessors': [int(r.getPredecessorTask().getUniqueID()) for r in t.getPredecessors()]})
        for r in p.getResources():
            if r.getUniqueID() is None or r.getName() is None: continue
            out['resources'].append({'uid': int(r.getUniqueID()), 'name': s(r.getName()), 'id': s(r.getFieldByAlias('Person id')),
                'rate': float(r.getStandardRate().getAmount()) if r.getStandardRate() is not None else None})
        for a in p.getResourceAssignments():
            w = a.getWork()
            out['assignments'].append({'task': int(a.getTaskUniqueID()), 'resource': int(a.getResourceUniqueID()),
                'work': float(w.getDuration()), 'unit': s(w.getUnits())})
        print(json.dumps(out))
        """

    @Test("MPXJ reads an exported plan: each selected project a task with the plan's dates, each assignment's work the plan's hours, each person a resource",
          .enabled(if: PythonTools.mpxjSkipReason == nil, "\(PythonTools.mpxjSkipReason ?? "")"),
          arguments: ["small-team.json", "mid-size-pmo.json"])
    func mpxjReadsExport(example: String) throws {
        let folder = try CommandRunner.temporaryDirectory(prefix: "mspdi")
        let (problem, plan) = try FileFixtures.example(example)
        let scenario = problem.scenario
        let url = folder.appendingPathComponent("plan.xml")
        try MSPDIExporter.document(plan, problem: problem, title: example).xml().write(to: url)
        let result = try PythonTools.run(Self.mpxjReader, [url.path], directory: folder, timeout: 300)
        try #require(result.status == 0, "\(result)")
        let file = try JSONValue(parsing: result.stdout)
        guard case .array(let tasks) = file["tasks"], case .array(let resources) = file["resources"],
              case .array(let assignments) = file["assignments"] else { Issue.record("MPXJ's output: \(result)"); return }

        // Dates as a PMO would count them: a period's first and last working day (Monday to Friday).
        let labels = PeriodLabels(scenario.horizon)
        func weekday(_ day: Int) -> Int { ((day + 3) % 7 + 7) % 7 }  // Monday = 0
        func firstWorkingDay(_ t: Int) -> String {
            var day = labels.firstDay(of: t) ?? 0
            while weekday(day) >= 5 { day += 1 }
            return PeriodLabels.isoDate(dayNumber: day)
        }
        func lastWorkingDay(_ t: Int) -> String {
            var day = labels.lastDay(of: t) ?? 0
            while weekday(day) >= 5 { day -= 1 }
            return PeriodLabels.isoDate(dayNumber: day)
        }
        var taskByUID: [Int: JSONValue] = [:]
        for task in tasks { if let uid = task["uid"]?.numberValue { taskByUID[Int(uid)] = task } }
        let topLevel = tasks.filter { $0["level"]?.numberValue == 1 }
        #expect(topLevel.count == scenario.projects.count, "one summary task per project")
        for decision in plan.projects {
            guard let task = topLevel.first(where: { $0["id"]?.stringValue == decision.id }),
                  let project = scenario.projects.first(where: { $0.id == decision.id }) else {
                Issue.record("no task for project \(decision.id)")
                continue
            }
            #expect(task["active"] == .bool(decision.selected), "\(decision.id): left-out projects are inactive")
            guard let start = decision.start else { continue }
            #expect(task["start"]?.stringValue == firstWorkingDay(start) + "T08:00", "\(decision.id) starts with its period")
            #expect(task["finish"]?.stringValue == lastWorkingDay(start + project.duration - 1) + "T17:00", "\(decision.id) finishes with its last period")
            let predecessors = Set((task["predecessors"]?.arrayValue ?? [])
                .compactMap { $0.numberValue.flatMap { taskByUID[Int($0)]?["id"]?.stringValue } })
            #expect(predecessors == Set(project.dependsOn), "\(decision.id): dependencies are links")
        }

        // Every person is a resource, with their rate.
        #expect(Set(resources.compactMap { $0["id"]?.stringValue }) == Set(scenario.people.map(\.id)))
        for person in scenario.people {
            let resource = resources.first { $0["id"]?.stringValue == person.id }
            #expect(resource?["name"]?.stringValue == person.resolvedName)
            #expect(resource?["rate"]?.numberValue == person.costPerHour)
        }

        // Every assignment's work is the plan's hours for that person and demand line.
        var planned: [String: Double] = [:]
        for a in plan.assignments { planned["\(a.person)/\(a.project)/\(a.demand)", default: 0] += a.hours }
        let personOf = Dictionary(resources.compactMap { r in r["uid"]?.numberValue.map { (Int($0), r["id"]?.stringValue ?? "") } },
                                  uniquingKeysWith: { a, _ in a })
        var read: [String: Double] = [:]
        for assignment in assignments {
            guard let taskUID = assignment["task"]?.numberValue, let task = taskByUID[Int(taskUID)],
                  let parent = task["parent"]?.numberValue, let project = taskByUID[Int(parent)]?["id"]?.stringValue,
                  let demand = task["id"]?.stringValue, let resource = assignment["resource"]?.numberValue,
                  let work = assignment["work"]?.numberValue else { Issue.record("assignment \(assignment)"); continue }
            #expect(assignment["unit"] == .string("h"))
            read["\(personOf[Int(resource)] ?? "?")/\(project)/\(demand)", default: 0] += work
        }
        #expect(Set(read.keys) == Set(planned.keys))
        for (key, hours) in planned { #expect(abs((read[key] ?? -1) - hours) < 1e-6, "\(key)") }
    }

    @Test("plan → MSPDI → import gives back the people, projects, durations, dependencies and demanded hours",
          arguments: [1, 2, 3, 4] as [UInt64])
    func roundTripGenerated(seed: UInt64) throws {
        let (problem, plan) = try FileFixtures.generated(seed: seed)
        try roundTrip(problem, plan)
    }

    @Test("the example scenarios round-trip too", arguments: ["small-team.json", "mid-size-pmo.json", "replan-after-departures.json"])
    func roundTripExamples(example: String) throws {
        let (problem, plan) = try FileFixtures.example(example)
        try roundTrip(problem, plan)
    }

    func roundTrip(_ problem: PlanningProblem, _ plan: Plan) throws {
        let data = try MSPDIExporter.document(plan, problem: problem, title: "t").xml()
        let document = try MSPDIDocument(data: data, file: "plan.xml")
        let horizon = problem.scenario.horizon
        let outcome = MSPDIImporter.run(document, file: "plan.xml",
                                        settings: .init(periods: horizon.periods, unit: horizon.unit ?? .week))
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let imported = try #require(outcome.scenario)
        #expect(FileFixtures.differences(problem.scenario, imported, checkPolicy: false) == [])
        #expect(imported.horizon.start == (horizon.start ?? MSPDIExporter.fallbackStart))
    }

    @Test("a Microsoft Project file of another tool maps as documented, and each element it cannot map is a warning")
    func foreignFile() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Project xmlns="http://schemas.microsoft.com/project">
             <Name>Office move</Name><StartDate>2027-03-01T08:00:00</StartDate><FinishDate>2027-03-26T17:00:00</FinishDate>
             <CalendarUID>1</CalendarUID>
             <Calendars><Calendar><UID>1</UID><Name>Standard</Name>
              <Exceptions><Exception><Name>Holiday</Name></Exception></Exceptions></Calendar></Calendars>
             <Tasks>
              <Task><UID>0</UID><Name>Office move</Name><OutlineLevel>0</OutlineLevel></Task>
              <Task><UID>1</UID><Name>Network</Name><OutlineLevel>1</OutlineLevel>
               <Start>2027-03-01T08:00:00</Start><Finish>2027-03-12T17:00:00</Finish>
               <ConstraintType>4</ConstraintType><ConstraintDate>2027-03-01T08:00:00</ConstraintDate>
               <Deadline>2027-03-19T17:00:00</Deadline></Task>
              <Task><UID>2</UID><Name>Cabling</Name><OutlineLevel>2</OutlineLevel>
               <Start>2027-03-01T08:00:00</Start><Finish>2027-03-12T17:00:00</Finish><Work>PT60H0M0S</Work></Task>
              <Task><UID>3</UID><Name>Go live</Name><OutlineLevel>2</OutlineLevel><Milestone>1</Milestone>
               <Start>2027-03-12T17:00:00</Start><Finish>2027-03-12T17:00:00</Finish></Task>
              <Task><UID>4</UID><Name>Furniture</Name><OutlineLevel>1</OutlineLevel>
               <Start>2027-03-15T08:00:00</Start><Finish>2027-03-26T17:00:00</Finish>
               <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>3</Type><LinkLag>4800</LinkLag></PredecessorLink></Task>
             </Tasks>
             <Resources>
              <Resource><UID>0</UID></Resource>
              <Resource><UID>1</UID><Name>Ana Costa</Name><Type>1</Type><Group>IT</Group><MaxUnits>0.5</MaxUnits><StandardRate>80</StandardRate></Resource>
              <Resource><UID>2</UID><Name>Desks</Name><Type>0</Type></Resource>
             </Resources>
             <Assignments>
              <Assignment><UID>1</UID><TaskUID>2</TaskUID><ResourceUID>1</ResourceUID>
               <Finish>2027-03-12T17:00:00</Finish><Start>2027-03-01T08:00:00</Start><Work>PT40H0M0S</Work></Assignment>
              <Assignment><UID>2</UID><TaskUID>4</TaskUID><ResourceUID>1</ResourceUID>
               <Finish>2027-03-26T17:00:00</Finish><Start>2027-03-15T08:00:00</Start><Work>PT30H0M0S</Work>
               <TimephasedData><Type>1</Type><UID>2</UID><Start>2027-03-15T08:00:00</Start><Finish>2027-03-19T17:00:00</Finish><Unit>3</Unit><Value>PT10H0M0S</Value></TimephasedData>
               <TimephasedData><Type>1</Type><UID>2</UID><Start>2027-03-22T08:00:00</Start><Finish>2027-03-26T17:00:00</Finish><Unit>3</Unit><Value>PT20H0M0S</Value></TimephasedData>
              </Assignment>
              <Assignment><UID>3</UID><TaskUID>4</TaskUID><ResourceUID>2</ResourceUID><Work>PT0H0M0S</Work></Assignment>
             </Assignments>
            </Project>
            """
        let document = try MSPDIDocument(data: Data(xml.utf8), file: "move.xml")
        let outcome = MSPDIImporter.run(document, file: "move.xml", settings: .init())
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
        let scenario = try #require(outcome.scenario)
        #expect(scenario.horizon == Horizon(periods: 4, start: "2027-03-01", unit: .week))
        #expect(scenario.people == [Person(id: "ana-costa", name: "Ana Costa", skills: ["IT": 1], capacity: .constant(20),
                                           costPerHour: 80, team: "IT")])
        #expect(scenario.projects.map(\.id) == ["network", "furniture"])
        let network = scenario.projects[0], furniture = scenario.projects[1]
        #expect(network.duration == 2 && network.earliestStart == 0 && network.deadline == 2)
        #expect(network.demands == [Demand(id: "cabling", skill: "IT", hours: .constant(20))],
                "40 hours of work spread over the two weeks; the milestone has none")
        #expect(furniture.duration == 2 && furniture.dependsOn == ["network"])
        #expect(furniture.demands == [Demand(id: "furniture", skill: "IT", hours: .perPeriod([10, 20]))],
                "a top-level task without subtasks is its own demand line, hours from its time-phased work")
        let warnings = outcome.warnings.map(\.message)
        for expected in [
            "calendar 'Standard' has 1 exceptions (holidays): not mapped; capacity counts Monday to Friday, 8 hours a day",
            "resource 'Desks' (UID 2) is a material resource, not a person: not imported",
            "task 'Go live' (UID 3) is a milestone: no hours, not imported",
            "task 'Furniture' (UID 4): the start-to-start link from UID 2 is read as finish-to-start",
            "task 'Furniture' (UID 4): the lag of the link from UID 2 is not mapped (dependencies have no lag)",
            "task 'Cabling' (UID 2): no time-phased work, so its work is spread evenly over its working days",
            "assignment UID 3 names resource UID 2, which is not a person: not imported",
            "1 resource has no 'Skills' field: each such person's skill is their group at level 1",
        ] {
            #expect(warnings.contains(expected), "\(expected) — in \(warnings)")
        }
    }

    @Test("files that are not Microsoft Project XML give a clear error, never a crash")
    func badFiles() throws {
        let (problem, plan) = try FileFixtures.generated(seed: 5)
        let data = try MSPDIExporter.document(plan, problem: problem, title: "t").xml()
        #expect(throws: FileError.self) { try MSPDIDocument(data: data.prefix(data.count / 2), file: "cut.xml") }
        do {
            _ = try MSPDIDocument(data: data.prefix(data.count / 2), file: "cut.xml")
        } catch {
            #expect(error.message.hasPrefix("is not a well-formed Microsoft Project XML file (truncated or damaged?)"), "\(error)")
        }
        #expect(throws: FileError(file: "page.xml", message: "is XML whose root is <html>, not a Microsoft Project file (<Project>)")) {
            try MSPDIDocument(data: Data("<?xml version=\"1.0\"?>\n<!-- x --><html><body/></html>".utf8), file: "page.xml")
        }
        #expect(throws: FileError(file: "a.xml", message: "is not XML (a Microsoft Project XML file starts with <?xml or <Project)")) {
            try MSPDIDocument(data: Data("id,name\n".utf8), file: "a.xml")
        }
        #expect(throws: FileError.self) { try MSPDIDocument(data: Data(count: 50 << 20), file: "big.xml") }
    }

    @Test("a Project file cut short or with damaged bytes is read or refused, never a crash")
    func damagedFiles() throws {
        let (problem, plan) = try FileFixtures.generated(seed: 8)
        let data = try MSPDIExporter.document(plan, problem: problem, title: "t").xml()
        var random = SeededGenerator(seed: 12)
        for k in 0..<80 {
            var bytes = [UInt8](data)
            if k < 30 {
                bytes = Array(bytes.prefix(bytes.count * k / 30))
            } else {
                for _ in 0..<(1 + k % 6) { bytes[Int(random.next() % UInt64(bytes.count))] = [60, 62, 47, 48, 57, 45, 0][Int(random.next() % 7)] }
            }
            do {
                let document = try MSPDIDocument(data: Data(bytes), file: "d.xml")
                let outcome = MSPDIImporter.run(document, file: "d.xml", settings: .init())
                #expect(outcome.scenario != nil || !outcome.errors.isEmpty)
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test("a Project file over 10 MB is read (libxml2 refuses such a file when handed it in one piece)")
    func largeFile() throws {
        var xml = "<?xml version=\"1.0\"?><Project xmlns=\"http://schemas.microsoft.com/project\"><Tasks>"
        let filler = String(repeating: "x", count: 60)
        for k in 0..<120_000 { xml += "<Task><UID>\(k)</UID><Name>task \(k) \(filler)</Name><OutlineLevel>1</OutlineLevel></Task>" }
        xml += "</Tasks></Project>"
        let data = Data(xml.utf8)
        #expect(data.count > 10_000_000)
        let document = try MSPDIDocument(data: data, file: "big.xml")
        #expect(document.Tasks?.Task?.count == 120_000)
        #expect(document.Tasks?.Task?.last?.Name == "task 119999 \(filler)")
    }

    @Test("durations and dates as MSPDI writes them")
    func durations() {
        #expect(MSPDICalendar.duration(hours: 37.5) == "PT37H30M0S")
        #expect(MSPDICalendar.hours(ofDuration: "PT37H30M0S") == 37.5)
        #expect(MSPDICalendar.hours(ofDuration: "P1DT2H") == 10)
        #expect(MSPDICalendar.hours(ofDuration: "P1M") == nil && MSPDICalendar.hours(ofDuration: "40") == nil)
        let calendar = MSPDICalendar(Horizon(periods: 3, start: "2027-01-04", unit: .month))
        #expect(calendar.workingHours(0) == 23 * 8, "4 January to 3 February 2027 has 23 working days")
        #expect(calendar.period(containing: MSPDICalendar.day(of: "2027-02-04T08:00:00") ?? 0) == 1)
        #expect(calendar.periodIndex(containing: MSPDICalendar.day(of: "2027-06-01") ?? 0) == 4)
    }
}
