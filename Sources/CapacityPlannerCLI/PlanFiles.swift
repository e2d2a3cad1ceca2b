// A plan as the files PMOs open: an Excel workbook or a Microsoft Project XML file.
import CapacityPlanning
import Foundation
import PortfolioFiles

/// The file formats of a plan beside JSON, text and HTML.
enum PlanFile {
    /// The workbook of `report --format xlsx`: the scenario's sheets (which `import --xlsx`
    /// reads back), then the plan's (Summary, Schedule, Assignments, Utilisation).
    static func workbook(_ plan: CheckedPlan, problem: PlanningProblem) throws -> Data {
        let scenario = ScenarioSheets.make(problem.scenario)
        for item in scenario.dropped { printError("warning: the workbook does not hold \(item)") }
        return try WorkbookWriter.xlsx(PlanSheets.make(plan, problem: problem) + scenario.sheets)
    }

    /// The Microsoft Project XML of `plan`.
    static func projectXML(_ plan: Plan, problem: PlanningProblem, title: String) throws -> Data {
        if problem.scenario.horizon.start == nil {
            printError("warning: the horizon has no start: the Project file's dates count from \(MSPDIExporter.fallbackStart)")
        }
        if problem.scenario.version >= 2 {
            printError("warning: Microsoft Project has no place for version 2's strategy, tags, systems, cost of delay "
                       + "and alternatives: the file leaves them out")
        }
        if problem.scenario.usesInFlightKeys {
            printError("warning: the Project file carries the status date, actual and remaining work and the plan's "
                       + "finishes, but has no place for due dates, late penalties, probabilities, maxDuration, "
                       + "maxPerPeriod or synergies: the file leaves them out")
        }
        if problem.scenario.usesSupplyKeys {
            let courses = plan.training?.count ?? 0
            printError("warning: the Project file carries the plan's hires as generic resources (ROLE#K, available from "
                       + "their start, at their role's rate), but has no place for courses"
                       + (courses > 0 ? " (the plan takes \(courses))" : "") + " or hiring costs: the file leaves them out")
        }
        return try MSPDIExporter.document(plan, problem: problem, title: title).xml()
    }
}
