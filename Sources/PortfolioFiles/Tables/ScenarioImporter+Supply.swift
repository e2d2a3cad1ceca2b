// The supply files of `capacity-planner import` (format v3, Part B): roles that may be hired
// (`hiring`) and courses that raise a person's level (`training`).
import CapacityPlanning

extension ScenarioImporter {
    /// Role columns: a role's keys in `hiring`; `skills` is written as people's (`data:4;python:3`).
    static let roleColumns = ["id", "name", "skills", "capacity", "costPerHour", "hireCost", "earliestStart", "maxHires"]
    /// Course columns: a course's keys in `training`.
    static let courseColumns = ["id", "person", "skill", "level", "duration", "hoursPerPeriod", "cost", "earliestStart"]

    /// Reads the roles and courses files into `scenario`'s `hiring` and `training`, and makes it
    /// version 3 when either has a row. A repeated id, a role id that is a person's and a course
    /// for someone not in the people file (`peopleFile`) are errors at their cell; the rest (a role
    /// id with `#`, levels and ranges) is the domain's validation, traced back to the row and cell.
    mutating func addSupplyFiles(to scenario: inout Scenario, peopleFile: String?) {
        let labels = PeriodLabels(scenario.horizon)
        var personRow: [String: String] = [:]  // person id → where it is ("people.csv line 3")
        for (i, person) in scenario.people.enumerated() where personRow[person.id] == nil {
            personRow[person.id] = origins["people[\(i)]"].map { "\($0.table.file) \($0.table.lineWord) \($0.line)" } ?? "people[\(i)]"
        }
        let people = peopleFile ?? "the people file"
        if let source = supplySources.roles,
           let t = table(source, known: Self.roleColumns, required: ["id", "capacity", "maxHires"]) {
            for (row, id) in rowsWithUniqueIDs(t, noun: "role") {
                if let place = personRow[id] {
                    fail(t, row, column: "id", "role id '\(id)' is a person's id (\(place)): "
                         + "a role's hires are named '\(id)#1', '\(id)#2', …")
                }
                let capacity = number(t, row, "capacity")
                requireValue(t, row, "capacity")
                let maxHires = integer(t, row, "maxHires")
                requireValue(t, row, "maxHires")
                origins["hiring[\(scenario.hiring.count)]"] = (t, row.line)
                scenario.hiring.append(Role(id: id, name: t.value("name", in: row), skills: skills(t, row),
                                            capacity: capacity ?? 0, costPerHour: number(t, row, "costPerHour") ?? 0,
                                            hireCost: number(t, row, "hireCost") ?? 0,
                                            earliestStart: earliestStart(t, row, labels: labels) ?? 0,
                                            maxHires: maxHires ?? 0))
            }
        }
        if let source = supplySources.courses,
           let t = table(source, known: Self.courseColumns, required: ["id", "person", "skill", "level", "duration"]) {
            for (row, id) in rowsWithUniqueIDs(t, noun: "course") {
                let person = required(t, row, "person"), skill = required(t, row, "skill")
                if let person, personRow[person] == nil {
                    fail(t, row, column: "person", "person '\(person)' is not in \(people)")
                }
                let level = integer(t, row, "level")
                requireValue(t, row, "level")
                let duration = integer(t, row, "duration")
                requireValue(t, row, "duration")
                origins["training[\(scenario.training.count)]"] = (t, row.line)
                scenario.training.append(Course(id: id, person: person ?? "", skill: skill ?? "", level: level ?? 1,
                                                duration: duration ?? 1,
                                                hoursPerPeriod: number(t, row, "hoursPerPeriod") ?? 0,
                                                cost: number(t, row, "cost") ?? 0,
                                                earliestStart: earliestStart(t, row, labels: labels) ?? 0))
            }
        }
        if scenario.usesSupplyKeys { scenario.version = 3 }
    }

    /// A supply row's `earliestStart`: a 0-based period index, or an ISO date inside the period
    /// (a date after the horizon names a period past its end, which the domain warns about: the
    /// role or course can never start). A date before the horizon's start is an error.
    private mutating func earliestStart(_ t: Table, _ row: TableRow, labels: PeriodLabels) -> Int? {
        let column = "earliestStart"
        guard let text = t.value(column, in: row) else { return nil }
        guard let date = PeriodLabels.parseISODate(text) else {
            guard let value = Self.number(text), value == value.rounded(), abs(value) < 1e15 else {
                fail(t, row, column: column, "\(column) '\(text)' is not a period index (0-based) or an ISO date")
                return nil
            }
            return Int(value)
        }
        guard let index = Self.periodIndex(of: date, labels: labels) else {
            fail(t, row, column: column, "\(column) '\(text)' is a date, but the horizon has no start: give its start date",
                 setting: "horizon.start")
            return nil
        }
        guard index >= 0 else {
            let start = labels.firstDay(of: 0).map(PeriodLabels.isoDate(dayNumber:)) ?? "period 0"
            fail(t, row, column: column, "\(column) '\(text)' is before the horizon's start \(start) (0 is at once)")
            return nil
        }
        return index
    }
}
