// The version-2 columns and files of `capacity-planner import`: projects' tags, scores, cost of
// delay, touches and excludes; a systems file (limits and freezes) and a drivers file (strategy).
import CapacityPlanning
import Foundation

extension ScenarioImporter {
    /// Systems columns.
    static let systemColumns = ["id", "name", "maxConcurrentProjects", "freezes"]
    /// Strategic driver columns.
    static let driverColumns = ["id", "name", "weight"]

    /// `key=value;key=value` (`:` also separates), each key once.
    mutating func pairs(_ table: Table, _ row: TableRow, _ column: String, example: String) -> [(String, String)] {
        var out: [(String, String)] = []
        for item in list(table, row, column) {
            let separator: Character = item.contains("=") ? "=" : ":"
            let parts = item.split(separator: separator, maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                fail(table, row, column: column, "\(column): '\(item)' is not key=value (e.g. \(example))")
                continue
            }
            if out.contains(where: { $0.0 == parts[0] }) {
                fail(table, row, column: column, "\(column): '\(parts[0])' is listed twice")
                continue
            }
            out.append((parts[0], parts[1]))
        }
        return out
    }

    /// A project's version-2 columns.
    mutating func readVersion2Columns(_ table: Table, _ row: TableRow, into project: inout Project) {
        for (tag, value) in pairs(table, row, "tags", example: "department=ecommerce;theme=growth") {
            project.tags[tag] = value
        }
        for (driver, text) in pairs(table, row, "scores", example: "asia=5;cost=1") {
            guard let score = Self.number(text), score == score.rounded(), abs(score) < 1e9 else {
                fail(table, row, column: "scores", "scores: the score '\(text)' of '\(driver)' is not a whole number")
                continue
            }
            project.scores[driver] = Int(score)
        }
        project.costOfDelay = number(table, row, "costOfDelay") ?? 0
        project.touches = list(table, row, "touches")
        project.excludes = list(table, row, "excludes")
    }

    /// Reads the systems and drivers files (with the horizon known, for freeze dates) into
    /// `scenario`, and makes it version 2 when anything of version 2 is there.
    mutating func addVersion2Files(to scenario: inout Scenario, periods: Int?, settings: Settings) {
        if let source = version2Sources.systems,
           let t = table(source, known: Self.systemColumns, required: ["id"]) {
            let labels = PeriodLabels(scenario.horizon)
            for row in t.rows {
                guard let id = required(t, row, "id") else { continue }
                var freezes: [Int] = []
                for item in list(t, row, "freezes") {
                    freezes += freezePeriods(item, labels: labels, periods: periods, table: t, row: row)
                }
                origins["systems[\(scenario.systems.count)]"] = (t, row.line)
                scenario.systems.append(System(id: id, name: t.value("name", in: row),
                                               maxConcurrentProjects: integer(t, row, "maxConcurrentProjects"),
                                               freezes: freezes))
            }
        }
        if let source = version2Sources.drivers,
           let t = table(source, known: Self.driverColumns, required: ["id", "weight"]) {
            var drivers: [Driver] = []
            for row in t.rows {
                guard let id = required(t, row, "id") else { continue }
                let weight = number(t, row, "weight")
                requireValue(t, row, "weight")
                origins["strategy.drivers[\(drivers.count)]"] = (t, row.line)
                drivers.append(Driver(id: id, name: t.value("name", in: row), weight: weight ?? 0))
            }
            scenario.strategy = Strategy(drivers: drivers, valuePerPoint: settings.valuePerPoint ?? 0)
        } else if let perPoint = settings.valuePerPoint {
            scenario.strategy = Strategy(valuePerPoint: perPoint)
        }
        if scenario.usesVersion2 { scenario.version = 2 }
    }

    /// One freeze item: a period (index or ISO date) or a range `a-b` of them (`24-25`,
    /// `2027-06-21-2027-07-04` is not accepted: use `;`-separated dates or indices).
    private mutating func freezePeriods(_ item: String, labels: PeriodLabels, periods: Int?, table: Table,
                                        row: TableRow) -> [Int] {
        guard let periods else { return [] }
        let bounds = item.split(separator: "-", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        if bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]) {
            guard first <= last else {
                fail(table, row, column: "freezes", "freezes: the range '\(item)' ends before it starts")
                return []
            }
            var out: [Int] = []
            for text in [String(first), String(last)] {
                guard period(text, labels: labels, periods: periods, table: table, row: row) != nil else { return [] }
            }
            out = Array(first...last)
            return out
        }
        return period(item, labels: labels, periods: periods, table: table, row: row).map { [$0] } ?? []
    }
}
