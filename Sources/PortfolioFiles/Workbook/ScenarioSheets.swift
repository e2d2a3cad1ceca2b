// A scenario as the sheets `import --xlsx` reads: what `report --format xlsx` writes first, so the workbook imports back.
public import CapacityPlanning

/// The scenario's tables in the import's columns (People, Projects, Demands, Availability,
/// Pins, Systems, Drivers; in version 3 also Actuals, Synergies, Roles and Courses) and its horizon, policy and
/// status period in a Settings sheet.
public enum ScenarioSheets {
    /// The sheets for `scenario`, and what they cannot hold (balance rules, the baseline),
    /// in words for a warning.
    ///
    /// A capacity that varies by period is written as the person's most common hours plus
    /// one Availability row per other period (dated when the horizon has a start and its unit is days or weeks).
    public static func make(_ scenario: Scenario) -> (sheets: [SheetOutput], dropped: [String]) {
        let labels = PeriodLabels(scenario.horizon)
        let periods = scenario.horizon.periods
        func period(_ t: Int) -> SheetOutput.Cell {
            // Dates only where a date names one period whatever the start's day of the month.
            if labels.unit == .day || labels.unit == .week, let date = labels.date(of: t) {
                return .date(year: date.year, month: date.month, day: date.day)
            }
            return .number(Double(t))
        }
        func list(_ items: [String]) -> SheetOutput.Cell { items.isEmpty ? .empty : .text(items.joined(separator: ";")) }
        func optional(_ x: Double?) -> SheetOutput.Cell { x.map { .number($0) } ?? .empty }
        func hours(_ h: Hours) -> SheetOutput.Cell {
            switch h {
            case .constant(let x): return .number(x)
            case .perPeriod(let xs): return .text(xs.map(SheetText.number).joined(separator: ";"))
            }
        }

        var people: [[SheetOutput.Cell]] = []
        var availability: [[SheetOutput.Cell]] = []
        for person in scenario.people {
            var capacity = hours(person.capacity)
            if case .perPeriod(let values) = person.capacity, values.count == periods {
                let counts = Dictionary(values.map { ($0, 1) }, uniquingKeysWith: +)
                let usual = counts.max { a, b in a.value < b.value || (a.value == b.value && a.key < b.key) }?.key ?? 0
                capacity = .number(usual)
                for (t, value) in values.enumerated() where value != usual {
                    availability.append([.text(person.id), period(t), .number(value)])
                }
            }
            people.append([.text(person.id), person.name.map { .text($0) } ?? .empty, person.team.map { .text($0) } ?? .empty,
                           capacity, .number(person.costPerHour),
                           person.maxConcurrentProjects.map { .number(Double($0)) } ?? .empty,
                           list(person.skills.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" })])
        }
        let version2 = scenario.version >= 2, version3 = scenario.version >= 3
        var projects: [[SheetOutput.Cell]] = []
        var demands: [[SheetOutput.Cell]] = []
        for project in scenario.projects {
            var row: [SheetOutput.Cell] = [
                .text(project.id), project.name.map { .text($0) } ?? .empty, .number(project.value),
                project.mandatory ? .text("yes") : .empty, .number(Double(project.duration)),
                .number(Double(project.earliestStart)), optional(project.deadline.map(Double.init)),
                optional(project.budget), list(project.dependsOn)]
            if version2 {
                row += [list(project.tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }),
                        list(project.scores.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }),
                        project.costOfDelay == 0 ? .empty : .number(project.costOfDelay),
                        list(project.touches), list(project.excludes)]
            }
            if version3 {
                row += [optional(project.started.map(Double.init)), optional(project.maxDuration.map(Double.init)),
                        optional(project.due.map(Double.init)),
                        project.latePenaltyPerPeriod == 0 ? .empty : .number(project.latePenaltyPerPeriod),
                        optional(project.probability)]
            }
            projects.append(row)
            for demand in project.demands {
                var line: [SheetOutput.Cell] = [.text(project.id), demand.id.map { .text($0) } ?? .empty, .text(demand.skill),
                                                .number(Double(demand.minLevel)), demand.isFlexible ? .empty : hours(demand.hours)]
                if version3 { line += [optional(demand.work), optional(demand.maxPerPeriod)] }
                demands.append(line)
            }
        }
        let pins: [[SheetOutput.Cell]] = scenario.pins.map { pin in
            [.text(pin.person), .text(pin.project), pin.demand.map { .text($0) } ?? .empty,
             pin.period.map { .number(Double($0)) } ?? .empty, .number(pin.hours)]
        }

        var sheets = [
            SheetOutput(name: "People", header: ScenarioImporter.peopleColumns, rows: people, widths: [14, 24, 16]),
            SheetOutput(name: "Projects", header: Array(ScenarioImporter.projectColumns.prefix(version3 ? 19 : version2 ? 14 : 9)),
                        rows: projects, widths: [18, 32]),
            SheetOutput(name: "Demands", header: Array(ScenarioImporter.demandColumns.prefix(version3 ? 7 : 5)),
                        rows: demands, widths: [18, 14, 14]),
            SheetOutput(name: "Availability", header: ScenarioImporter.availabilityColumns, rows: availability, widths: [14, 12]),
            SheetOutput(name: "Pins", header: ScenarioImporter.pinColumns, rows: pins),
        ]
        if !scenario.systems.isEmpty {
            sheets.append(SheetOutput(name: "Systems", header: ScenarioImporter.systemColumns, rows: scenario.systems.map { system in
                [.text(system.id), system.name.map { .text($0) } ?? .empty,
                 system.maxConcurrentProjects.map { .number(Double($0)) } ?? .empty, list(system.freezes.map(String.init))]
            }))
        }
        if let strategy = scenario.strategy, !strategy.drivers.isEmpty {
            sheets.append(SheetOutput(name: "Drivers", header: ScenarioImporter.driverColumns, rows: strategy.drivers.map { driver in
                [.text(driver.id), driver.name.map { .text($0) } ?? .empty, .number(driver.weight)]
            }))
        }
        if let actuals = scenario.status?.actuals, !actuals.isEmpty {
            sheets.append(SheetOutput(name: "Actuals", header: ScenarioImporter.actualColumns, rows: actuals.map { actual in
                [.text(actual.person), .text(actual.project), .text(actual.demand), period(actual.period), .number(actual.hours)]
            }, widths: [14, 18, 14, 12]))
        }
        if !scenario.synergies.isEmpty {
            sheets.append(SheetOutput(name: "Synergies", header: ScenarioImporter.synergyColumns, rows: scenario.synergies.map { synergy in
                [synergy.id.map { .text($0) } ?? .empty, list(synergy.projects), .number(synergy.value)]
            }, widths: [18, 32]))
        }
        sheets += supplySheets(scenario)
        sheets.append(settings(scenario))

        var dropped: [String] = []
        if !scenario.policy.balance.isEmpty {
            dropped.append("policy.balance (\(scenario.policy.balance.count) rule\(scenario.policy.balance.count == 1 ? "" : "s"))")
        }
        if scenario.baseline != nil { dropped.append("the baseline") }
        return (sheets, dropped)
    }

    /// The Settings sheet: horizon and policy, keyed as the command line's options.
    private static func settings(_ scenario: Scenario) -> SheetOutput {
        let policy = scenario.policy
        var rows: [[SheetOutput.Cell]] = [[.text("periods"), .number(Double(scenario.horizon.periods))]]
        if let start = scenario.horizon.start { rows.append([.text("start"), .text(start)]) }
        if let unit = scenario.horizon.unit { rows.append([.text("unit"), .text(unit.rawValue)]) }
        rows += [[.text("utilization-cap"), .number(policy.utilizationCap)],
                 [.text("unmet-penalty"), .number(policy.unmetPenaltyPerHour)],
                 [.text("assignment-penalty"), .number(policy.assignmentPenalty)]]
        if let budget = policy.budget { rows.append([.text("budget"), .number(budget)]) }
        rows += [[.text("change-penalty"), .number(policy.changePenaltyPerHour)],
                 [.text("start-change-penalty"), .number(policy.startChangePenalty)]]
        if let strategy = scenario.strategy { rows.append([.text("value-per-point"), .number(strategy.valuePerPoint)]) }
        if let status = scenario.status { rows.append([.text("status-period"), .number(Double(status.period))]) }
        return SheetOutput(name: ScenarioImporter.settingsSheet, header: ["setting", "value"], rows: rows, widths: [22, 14])
    }
}

/// Numbers as text in list cells.
enum SheetText {
    /// `40`, `37.5`: whole numbers without a point.
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }
}
