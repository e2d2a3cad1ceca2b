// Format v2 on the report: system lanes (who changes each shared system when, freezes shaded,
// collisions marked) and the strategy section (points per driver, balance shares against their
// rules, value, strategic value and delay cost per selected project).
import CapacityPlanning
import PortfolioPages

/// Lays out one lane per shared system (`Templates/systems.mustache`).
enum SystemLanes {
    private static let labelWidth = 300.0
    private static let rowHeight = 30.0
    private static let axisHeight = 44.0

    /// One system's lane.
    struct Lane: Sendable {
        /// One period in which the system is changed or frozen.
        struct Cell: Sendable {
            /// Left, top, width.
            let x: String, y: String, width: String
            /// Colour: red over the limit or in a freeze, hatched when frozen, blue by how many change it.
            let fill: String
            /// Whether the period breaks the system's rule.
            let collision: Bool
            /// Who changes it then.
            let tip: PageText
            /// How many projects change it, when the cell is wide enough to say.
            let projectCount: Int?
            /// Where the count is centred.
            let countX: String
            /// The count's colour.
            let countFill: String
        }

        /// The label's baseline (also the counts').
        let labelY: String
        /// The system's name (truncated).
        let name: PageText
        /// `limit 2` or `no limit`.
        let limit: String
        /// The periods with work or a freeze.
        let cells: [Cell]
    }

    /// The lanes.
    struct View: Sendable {
        /// The SVG's size.
        let width: String, height: String
        /// The period axis.
        let axis: GanttChart.Axis
        /// One lane per system.
        let lanes: [Lane]
    }

    /// One lane per system: each period coloured by how many selected projects change it then,
    /// frozen periods hatched, and periods over the limit or changed in a freeze marked red.
    static func view(_ data: ReportData) -> View {
        let problem = data.problem
        let periods = problem.periodCount
        let width = max(GanttChart.baseWidth, labelWidth + Double(min(periods, 156)) * 12)
        let cell = (width - labelWidth) / Double(max(1, periods))
        let height = axisHeight + Double(problem.systems.count) * rowHeight + 8
        func x(_ t: Int) -> Double { labelWidth + Double(min(max(t, 0), periods)) * cell }
        let n = SVG.number
        let lanes = problem.systems.enumerated().map { r, system -> Lane in
            let y = axisHeight + Double(r) * rowHeight
            var cells: [Lane.Cell] = []
            for t in 0..<periods {
                let active = system.projects.filter { j in
                    data.allocation.starts[j].map { $0 <= t && t <= (data.allocation.finish(of: j, in: problem) ?? $0) } ?? false
                }
                let frozen = system.isFrozen(t)
                let over = frozen ? !active.isEmpty : system.limit.map { active.count > $0 } ?? false
                guard frozen || !active.isEmpty else { continue }
                let names = active.map { problem.projects[$0].id }.joined(separator: ", ")
                var tip = "\(system.name), \(data.labels.label(t)): " + (names.isEmpty ? "no project" : names)
                if frozen { tip += " (frozen)" }
                if over { tip += frozen ? " — work in a freeze" : " — over its limit" }
                cells.append(Lane.Cell(
                    x: n(x(t) + 0.5), y: n(y + 5), width: n(max(1, cell - 1)),
                    fill: over ? "#dc2626" : frozen ? "url(#freeze)" : active.count > 1 ? "#60a5fa" : "#bfdbfe",
                    collision: over, tip: PageText(tip),
                    projectCount: !active.isEmpty && cell >= 12 ? active.count : nil,
                    countX: n(x(t) + cell / 2), countFill: over ? "#fff" : "#1e3a8a"))
            }
            return Lane(labelY: n(y + 19), name: PageText.truncated(system.name, 30),
                        limit: system.limit.map { "limit \($0)" } ?? "no limit", cells: cells)
        }
        return View(width: n(width), height: n(height),
                    axis: GanttChart.axis(data, x: x, cell: cell, top: 0, bottom: height - 8), lanes: lanes)
    }
}

/// Lays out points and value per driver, balance shares against their rules, and each selected
/// project's value, strategic value and delay cost (`Templates/strategy.mustache`).
enum StrategySection {
    /// The section.
    struct View: Sendable {
        /// A strategic driver.
        struct Driver: Sendable {
            /// Its name.
            let name: PageText
            /// Its weight, its points, and the value they are worth.
            let weight: String, points: String, value: String
            /// Its value against the largest, in per cent.
            let bar: String
        }

        /// A balance group's share against its rule.
        struct Share: Sendable {
            /// `tag = value`.
            let group: PageText
            /// What is measured (`projects`, `cost`, …).
            let measure: PageText
            /// The share, and the rule's range.
            let share: String, rule: String
            /// Whether the rule holds.
            let holds: Bool
        }

        /// A selected project.
        struct Project: Sendable {
            /// Its name.
            let name: PageText
            /// Value, strategic value, start and delay cost.
            let value: String, strategicValue: String, start: PageText, delayCost: String
        }

        /// Whether there are drivers, and the drivers.
        let hasDrivers: Bool, drivers: [Driver]
        /// Whether there are balance groups, and their shares.
        let hasBalance: Bool, balance: [Share]
        /// The selected projects in scenario order.
        let projects: [Project]
        /// The portfolio's strategic value and delay cost.
        let totalStrategicValue: String, totalDelayCost: String
    }

    /// Points and value per driver, balance shares against their rules, and each selected project's
    /// value, strategic value and delay cost.
    static func view(_ data: ReportData) -> View {
        let problem = data.problem
        let summary = StrategySummary(allocation: data.allocation, problem: problem)
        let most = summary.drivers.map(\.value).max() ?? 0
        let drivers = summary.drivers.map { driver in
            View.Driver(name: PageText(driver.name), weight: Format.decimal(driver.weight, digits: 2, trimmingZeros: true),
                        points: "\(driver.points)", value: Format.money(driver.value),
                        bar: SVG.number(most > 0 ? driver.value / most * 100 : 0))
        }
        let balance = summary.balance.map { share in
            View.Share(group: "\(share.tag) = \(share.value)", measure: "\(share.measure)",
                       share: Format.percent(share.share, decimals: 1),
                       rule: "\(Format.percent(share.minShare))–\(Format.percent(share.maxShare))", holds: share.holds)
        }
        let projects = problem.projects.compactMap { info -> View.Project? in
            guard let start = data.allocation.starts[info.index] else { return nil }
            let delay = info.costOfDelay * Double(start - info.earliestStart)
            return View.Project(name: PageText(problem.scenario.projects[info.index].resolvedName),
                                value: Format.money(info.value), strategicValue: Format.money(info.strategicValue),
                                start: PageText(data.labels.short(start)), delayCost: Format.money(delay))
        }
        return View(hasDrivers: !drivers.isEmpty, drivers: drivers, hasBalance: !balance.isEmpty, balance: balance,
                    projects: projects, totalStrategicValue: Format.money(summary.strategicValue),
                    totalDelayCost: Format.money(summary.delayCost))
    }
}
