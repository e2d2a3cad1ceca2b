// The portfolio rules of spec v2 on the problem's indices: systems with the projects that touch
// them, balance groups, alternatives, and the starts the systems close.

/// A shared system, by dense index.
public struct SystemInfo: Sendable, Equatable {
    /// Index in `PlanningProblem.systems`.
    public let index: Int
    /// The system's id in the scenario.
    public let id: String
    /// The name to show: the system's `name`, or its id.
    public let name: String
    /// Most selected projects active on it in one period; `nil` is unlimited.
    public let limit: Int?
    /// Frozen periods, ascending, without repeats.
    public let freezes: [Int]
    /// Indices of the projects that touch it, ascending.
    public let projects: [Int]

    /// Whether `period` is frozen.
    public func isFrozen(_ period: Int) -> Bool { freezes.contains(period) }
}

/// A balance rule with its group, by dense indices.
public struct BalanceGroup: Sendable, Equatable {
    /// Index in the policy's `balance`.
    public let index: Int
    /// The balance rule as the scenario states it.
    public let rule: BalanceRule
    /// Whether each project belongs to the group.
    public let members: [Bool]

    /// The projects of the group, ascending.
    public var projects: [Int] { members.indices.filter { members[$0] } }
}

/// Builds the version-2 indices of a problem and narrows starts by the systems' calendars.
struct PortfolioIndex {
    let systems: [SystemInfo]
    let balanceGroups: [BalanceGroup]
    /// Systems each project touches.
    let touches: [[Int]]
    /// Alternatives of each project, named on either side.
    let excludes: [[Int]]
    /// Projects no valid plan can select: they exclude what they depend on, or a required project excludes them.
    let unselectable: [Int]
    /// Per project: whether each start of its window is open (index `start − window.lowerBound`).
    private let open: [[Bool]]
    private let windowStart: [Int]

    init(scenario: Scenario, projectIndex: [String: Int], dependencies: [[Int]], required: [Bool],
         windows: [ClosedRange<Int>?]) {
        let count = scenario.projects.count
        var systemIndex: [String: Int] = [:]
        for (k, system) in scenario.systems.enumerated() where systemIndex[system.id] == nil { systemIndex[system.id] = k }
        var touches = Array(repeating: [Int](), count: count)
        var touching = Array(repeating: [Int](), count: scenario.systems.count)
        var excludes = Array(repeating: Set<Int>(), count: count)
        for (j, project) in scenario.projects.enumerated() {
            for id in project.touches {
                guard let k = systemIndex[id], !touches[j].contains(k) else { continue }
                touches[j].append(k)
                touching[k].append(j)
            }
            for id in project.excludes {
                guard let i = projectIndex[id], i != j else { continue }
                excludes[j].insert(i)
                excludes[i].insert(j)
            }
        }
        self.touches = touches
        self.excludes = excludes.map { $0.sorted() }
        systems = scenario.systems.enumerated().map { k, system in
            SystemInfo(index: k, id: system.id, name: system.resolvedName, limit: system.maxConcurrentProjects,
                       freezes: Array(Set(system.freezes)).sorted(), projects: touching[k].sorted())
        }
        balanceGroups = scenario.policy.balance.enumerated().map { k, rule in
            BalanceGroup(index: k, rule: rule, members: scenario.projects.map(rule.contains))
        }

        var unselectable = Set<Int>()
        for j in 0..<count {
            var ancestors = Set<Int>()
            var stack = dependencies[j]
            while let i = stack.popLast() {
                if ancestors.insert(i).inserted { stack += dependencies[i] }
            }
            if !excludes[j].isDisjoint(with: ancestors) { unselectable.insert(j) }
            // Two required alternatives: the later one is marked, so the diagnosis names the pair once.
            if required[j] { for i in excludes[j] where !required[i] || i > j { unselectable.insert(i) } }
        }
        self.unselectable = unselectable.sorted()

        let calendar = SystemCalendar(systems: scenario.systems)
        open = scenario.projects.enumerated().map { j, project in
            guard let window = windows[j], !touches[j].isEmpty else { return [] }
            return calendar.openStarts(window: window, duration: project.duration, systems: touches[j])
        }
        windowStart = windows.map { $0?.lowerBound ?? 0 }
    }

    /// Whether project `j` may start in `s` as far as its systems go (starts outside its window count as open).
    func isOpen(_ j: Int, _ s: Int) -> Bool {
        let i = s - windowStart[j]
        return !open[j].indices.contains(i) || open[j][i]
    }

    /// Moves `lower` up to the first start its systems leave open (past `upper` when there is none).
    func advance(_ j: Int, _ lower: inout Int, _ upper: Int) {
        guard !open[j].isEmpty else { return }
        while lower <= upper && !isOpen(j, lower) { lower += 1 }
    }

    /// Moves `upper` down to the last start its systems leave open (below `lower` when there is none).
    func retreat(_ j: Int, _ lower: Int, _ upper: inout Int) {
        guard !open[j].isEmpty else { return }
        while upper >= lower && !isOpen(j, upper) { upper -= 1 }
    }

    /// The starts in `range` its systems close.
    func closedStarts(_ j: Int, in range: ClosedRange<Int>) -> Set<Int> {
        guard !open[j].isEmpty else { return [] }
        return Set(range.filter { !isOpen(j, $0) })
    }
}

extension PlanningProblem {
    /// The measure of project `j` under `measure` when selected, given its staff cost.
    public func balanceMeasure(_ measure: BalanceMeasure, project j: Int, staffCost: Double) -> Double {
        switch measure {
        case .cost: staffCost
        case .projects: 1
        case .value: projects[j].value
        }
    }
}
