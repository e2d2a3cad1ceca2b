// The scenario's supply (format v3, Part B) as the Roles and Courses sheets that `import --xlsx` reads back.
import CapacityPlanning

extension ScenarioSheets {
    /// A Roles sheet for `scenario.hiring` and a Courses sheet for `scenario.training`, each only
    /// when it has entries, in the import's columns (`ScenarioImporter.roleColumns`,
    /// `courseColumns`). Skills are written as people's (`data:4;python:3`), earliest starts as
    /// period indices; optional values left at their defaults are blank.
    static func supplySheets(_ scenario: Scenario) -> [SheetOutput] {
        func amount(_ x: Double) -> SheetOutput.Cell { x == 0 ? .empty : .number(x) }
        func period(_ t: Int) -> SheetOutput.Cell { t == 0 ? .empty : .number(Double(t)) }
        var sheets: [SheetOutput] = []
        if !scenario.hiring.isEmpty {
            sheets.append(SheetOutput(name: "Roles", header: ScenarioImporter.roleColumns, rows: scenario.hiring.map { role in
                let skills = role.skills.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: ";")
                return [.text(role.id), role.name.map { .text($0) } ?? .empty, skills.isEmpty ? .empty : .text(skills),
                        .number(role.capacity), amount(role.costPerHour), amount(role.hireCost), period(role.earliestStart),
                        .number(Double(role.maxHires))]
            }, widths: [18, 24, 24]))
        }
        if !scenario.training.isEmpty {
            sheets.append(SheetOutput(name: "Courses", header: ScenarioImporter.courseColumns, rows: scenario.training.map { course in
                [.text(course.id), .text(course.person), .text(course.skill), .number(Double(course.level)),
                 .number(Double(course.duration)), amount(course.hoursPerPeriod), amount(course.cost),
                 period(course.earliestStart)]
            }, widths: [18, 14, 14]))
        }
        return sheets
    }
}
