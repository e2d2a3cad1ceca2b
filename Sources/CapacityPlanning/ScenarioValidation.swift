// Semantic validation of a scenario (spec section 1 and "Invalid scenarios").
//
// Works on scenarios built in code as well as decoded ones, so it checks every
// range the JSON decoder does not (levels, capacities, durations, NaN, …). It
// never allocates per period, so a huge `periods` costs nothing here.

extension Scenario {
    /// Every semantic error and warning of spec section 1, section by section
    /// in document order (dependency cycles and windows after the projects' own fields).
    ///
    /// Errors make the scenario invalid: values out of range, empty or
    /// duplicated ids, capacity or hours arrays of the wrong length, unknown or
    /// cyclic `dependsOn`, pins naming unknown things or periods outside the
    /// horizon, a mandatory project that cannot fit its window or depends on
    /// one that can never be selected, and baseline entries with hours ≤ 0, a
    /// selected project without a start, or given twice.
    ///
    /// Warnings leave it valid: projects that can never be selected, a project
    /// named twice in one `dependsOn`, pins that make the plan infeasible,
    /// orphaned baseline work and baseline starts outside the project's window.
    ///
    /// - Complexity: O(P·S + J + D + Δ + N + B) for P people with S skills, J
    ///   projects, D demands, Δ dependency edges, N pins and B baseline entries.
    public func validate() -> [ScenarioIssue] {
        validate(skipping: [])
    }

    /// Validation that leaves out issues at, or inside, `unreadable` paths
    /// (values the JSON reader already reported), and the checks those values would skew.
    func validate(skipping unreadable: Set<String>) -> [ScenarioIssue] {
        var validator = ScenarioValidator(scenario: self, unreadable: unreadable)
        validator.run()
        return validator.issues
    }
}

/// The checks of `Scenario.validate()`, section by section.
private struct ScenarioValidator {
    let scenario: Scenario
    let unreadable: Set<String>
    private(set) var issues: [ScenarioIssue] = []

    /// `horizon.periods` when it is valid.
    private var periods: Int?
    private var personIndex: [String: Int] = [:]
    private var projectIndex: [String: Int] = [:]
    /// Resolved demand id → demand index, per project.
    private var demandIndex: [[String: Int]] = []
    private var personIDsKnown = true
    private var projectIDsKnown = true
    private var demandIDsKnown: [Bool] = []
    /// Known dependencies of each project, without repeats, in `dependsOn` order.
    private var dependencies: [[Int]] = []
    /// Whether each project's window numbers (and the horizon) are valid, so that its window means something.
    private var windowKnown: [Bool] = []
    /// Whether each project's own window can hold it (true when that cannot be decided).
    private var fits: [Bool] = []
    /// For a project that can never be selected only because of a dependency: that dependency.
    private var blocker: [Int?] = []
    /// For such a project: the project at the end of its blocker chain (one that cannot fit), and the chain's length.
    private var rootCause: [(project: Int, length: Int)] = []
    /// Projects that can never be selected, for either reason.
    private var neverSelectable: [Bool] = []

    private static let levels = 1...5
    private static let maxInteger = JSONValue.maxExactInteger

    init(scenario: Scenario, unreadable: Set<String>) {
        self.scenario = scenario
        self.unreadable = unreadable
    }

    mutating func run() {
        checkVersionAndHorizon()
        indexIDs()
        checkPeople()
        checkProjects()
        checkDependencies()
        checkWindows()
        checkPins()
        checkBaseline()
        checkPolicy()
    }

    // MARK: Reporting

    /// Whether `path` or one of its ancestors could not be read from JSON.
    private func isUnreadable(_ path: String) -> Bool {
        guard !unreadable.isEmpty else { return false }
        if unreadable.contains("") || unreadable.contains(path) { return true }
        var prefix = ""
        for character in path {
            if character == "." || character == "[", unreadable.contains(prefix) { return true }
            prefix.append(character)
        }
        return false
    }

    /// Records an error; `path` is only built when there is one.
    private mutating func error(_ path: @autoclosure () -> String, _ message: String) {
        let path = path()
        if !isUnreadable(path) { issues.append(.error(path, message)) }
    }

    private mutating func warning(_ path: @autoclosure () -> String, _ message: String) {
        let path = path()
        if !isUnreadable(path) { issues.append(.warning(path, message)) }
    }

    private static func show(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-infinity" : "infinity" }
        return JSONValue.formatNumber(value)
    }

    /// A finite number ≥ 0.
    private mutating func checkNonNegative(_ value: Double, _ path: @autoclosure () -> String, _ name: String) {
        if !(value.isFinite && value >= 0) {
            error(path(), "\(name) must be a number ≥ 0, got \(Self.show(value))")
        }
    }

    /// An integer at least `minimum` (and within ±2^53, which keeps window arithmetic exact).
    @discardableResult
    private mutating func checkInteger(
        _ value: Int, _ path: @autoclosure () -> String, _ name: String, minimum: Int? = nil
    ) -> Bool {
        if let minimum, value < minimum {
            error(path(), "\(name) must be an integer ≥ \(minimum), got \(value)")
            return false
        }
        if value.magnitude > Self.maxInteger.magnitude {
            error(path(), "\(name) \(value) is out of range (at most ±\(Self.maxInteger))")
            return false
        }
        return true
    }

    /// How many entries an hours array must have.
    private enum ExpectedLength {
        case periods(Int)
        case duration(Int)

        var count: Int {
            switch self {
            case .periods(let count), .duration(let count): count
            }
        }

        var label: String {
            switch self {
            case .periods(let count): "\(count) periods"
            case .duration(let count): "duration \(count)"
            }
        }
    }

    /// A constant ≥ 0, or `expected` entries ≥ 0 (the count is checked only when `expected` is known).
    private mutating func checkHours(
        _ hours: Hours, _ path: @autoclosure () -> String, _ name: String, expected: ExpectedLength?
    ) {
        switch hours {
        case .constant(let value):
            checkNonNegative(value, path(), name)
        case .perPeriod(let values):
            if let expected, values.count != expected.count {
                error(path(), "\(name) has \(values.count) \(values.count == 1 ? "entry" : "entries") for \(expected.label)")
            }
            for (t, value) in values.enumerated() where !(value.isFinite && value >= 0) {
                checkNonNegative(value, "\(path())[\(t)]", name)
            }
        }
    }

    // MARK: Version and horizon

    private mutating func checkVersionAndHorizon() {
        if scenario.version != 1 { error("version", "version must be 1, got \(scenario.version)") }
        let horizon = scenario.horizon
        if checkInteger(horizon.periods, "horizon.periods", "periods", minimum: 1), !isUnreadable("horizon.periods") {
            if horizon.periods > Scenario.maxPeriods {
                error("horizon.periods", "periods \(horizon.periods) is more than this planner supports (at most \(Scenario.maxPeriods))")
            } else {
                periods = horizon.periods
            }
        }
        if let start = horizon.start, !Self.isISODate(start) {
            error("horizon.start", "start must be an ISO date (YYYY-MM-DD), got '\(start)'")
        }
    }

    /// `YYYY-MM-DD` naming a real calendar day.
    static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    // MARK: Ids

    /// Indexes people, projects and demands by id (first occurrence wins) and
    /// notes whether every id could be read, so that "unknown id" is only said when it is sure.
    private mutating func indexIDs() {
        for (i, person) in scenario.people.enumerated() where personIndex[person.id] == nil {
            personIndex[person.id] = i
        }
        for (j, project) in scenario.projects.enumerated() where projectIndex[project.id] == nil {
            projectIndex[project.id] = j
        }
        demandIndex = scenario.projects.map { project in
            var index: [String: Int] = [:]
            for (k, demand) in project.demands.enumerated() where index[demand.resolvedID] == nil {
                index[demand.resolvedID] = k
            }
            return index
        }
        demandIDsKnown = Array(repeating: true, count: scenario.projects.count)
        guard !unreadable.isEmpty else { return }
        personIDsKnown = !scenario.people.indices.contains { isUnreadable("people[\($0)].id") }
            && !isUnreadable("people")
        projectIDsKnown = !scenario.projects.indices.contains { isUnreadable("projects[\($0)].id") }
            && !isUnreadable("projects")
        for (j, project) in scenario.projects.enumerated() {
            demandIDsKnown[j] = !isUnreadable("projects[\(j)].demands") && !project.demands.indices.contains {
                isUnreadable("projects[\(j)].demands[\($0)].id") || isUnreadable("projects[\(j)].demands[\($0)].skill")
            }
        }
    }

    // MARK: People

    private mutating func checkPeople() {
        for (i, person) in scenario.people.enumerated() {
            var base: String { "people[\(i)]" }
            if person.id.isEmpty {
                error("\(base).id", "person id is empty")
            } else if let first = personIndex[person.id], first != i {
                error("\(base).id", "person id '\(person.id)' is duplicated (first at people[\(first)])")
            }
            if person.skills.values.contains(where: { !Self.levels.contains($0) }) {
                for (skill, level) in person.skills.sorted(by: { $0.key < $1.key }) where !Self.levels.contains(level) {
                    error(JSONPath.member("\(base).skills", skill),
                          "level of skill '\(skill)' must be an integer 1…5, got \(level)")
                }
            }
            checkHours(person.capacity, "\(base).capacity", "capacity",
                       expected: periods.map(ExpectedLength.periods))
            checkNonNegative(person.costPerHour, "\(base).costPerHour", "costPerHour")
            if let limit = person.maxConcurrentProjects {
                checkInteger(limit, "\(base).maxConcurrentProjects", "maxConcurrentProjects", minimum: 1)
            }
        }
    }

    // MARK: Projects

    private mutating func checkProjects() {
        fits = Array(repeating: true, count: scenario.projects.count)
        windowKnown = Array(repeating: false, count: scenario.projects.count)
        for (j, project) in scenario.projects.enumerated() {
            var base: String { "projects[\(j)]" }
            if project.id.isEmpty {
                error("\(base).id", "project id is empty")
            } else if let first = projectIndex[project.id], first != j {
                error("\(base).id", "project id '\(project.id)' is duplicated (first at projects[\(first)])")
            }
            checkNonNegative(project.value, "\(base).value", "value")
            let durationOK = checkInteger(project.duration, "\(base).duration", "duration", minimum: 1)
            let startOK = checkInteger(project.earliestStart, "\(base).earliestStart", "earliestStart", minimum: 0)
            let deadlineOK = project.deadline.map { checkInteger($0, "\(base).deadline", "deadline") } ?? true
            if let budget = project.budget { checkNonNegative(budget, "\(base).budget", "budget") }
            if let periods, durationOK, startOK, deadlineOK {
                windowKnown[j] = true
                fits[j] = project.fitsWindow(periods: periods)
            }
            for (k, demand) in project.demands.enumerated() {
                checkDemand(demand, k, of: project, j, durationOK: durationOK)
            }
        }
    }

    private mutating func checkDemand(_ demand: Demand, _ k: Int, of project: Project, _ j: Int, durationOK: Bool) {
        var base: String { "projects[\(j)].demands[\(k)]" }
        if let id = demand.id, id.isEmpty { error("\(base).id", "demand id is empty") }
        if demand.skill.isEmpty { error("\(base).skill", "skill is empty") }
        let id = demand.resolvedID
        if !id.isEmpty, let first = demandIndex[j][id], first != k, !isUnreadable("\(base).id") {
            let implicit = demand.id == nil ? " (a demand line without an id takes its skill as id)" : ""
            error(demand.id == nil ? base : "\(base).id",
                  "demand id '\(id)' is duplicated in project '\(project.id)' (first at projects[\(j)].demands[\(first)])"
                  + implicit)
        }
        if !Self.levels.contains(demand.minLevel) {
            error("\(base).minLevel", "minLevel must be an integer 1…5, got \(demand.minLevel)")
        }
        checkHours(demand.hours, "\(base).hours", "hours",
                   expected: durationOK ? .duration(project.duration) : nil)
    }

    // MARK: Dependencies

    private mutating func checkDependencies() {
        dependencies = Array(repeating: [], count: scenario.projects.count)
        for (j, project) in scenario.projects.enumerated() {
            var seen = Set<String>()
            for (k, name) in project.dependsOn.enumerated() {
                var path: String { "projects[\(j)].dependsOn[\(k)]" }
                guard seen.insert(name).inserted else {
                    warning(path, "project '\(name)' is named twice in dependsOn")
                    continue
                }
                if let i = projectIndex[name] {
                    dependencies[j].append(i)
                } else if projectIDsKnown {
                    error(path, "dependsOn names unknown project '\(name)'")
                }
            }
        }
        for component in DependencyGraph.cycles(dependencies) {
            reportCycle(component)
        }
    }

    /// Names one cycle through the first project (in document order) of a strongly connected component.
    private mutating func reportCycle(_ component: [Int]) {
        guard let start = component.min(),
              let cycle = DependencyGraph.cycle(through: start, within: Set(component), dependencies) else { return }
        let projects = scenario.projects
        let names = Self.chainText(cycle.map { projects[$0].id })
        let next = cycle.count > 1 ? cycle[1] : start
        let k = projects[start].dependsOn.firstIndex(of: projects[next].id) ?? 0
        error("projects[\(start)].dependsOn[\(k)]", "dependsOn cycle \(names)")
    }

    /// `a -> b -> c`, shortened in the middle when long.
    private static func chainText(_ names: [String]) -> String {
        let limit = 12
        guard names.count > limit else { return names.joined(separator: " -> ") }
        return (names.prefix(limit - 2) + ["…", names[names.count - 1]]).joined(separator: " -> ")
            + " (\(names.count - 1) projects)"
    }

    // MARK: Windows

    /// "Can never be selected": the own window cannot hold it, or it depends (through any
    /// chain) on a project that can never be selected. Dependencies' durations do not count.
    private mutating func checkWindows() {
        let projects = scenario.projects
        neverSelectable = fits.map { !$0 }
        blocker = Array(repeating: nil, count: projects.count)
        rootCause = projects.indices.map { ($0, 1) }
        var dependents = Array(repeating: [Int](), count: projects.count)
        for (j, deps) in dependencies.enumerated() {
            for i in deps { dependents[i].append(j) }
        }
        var queue = neverSelectable.indices.filter { neverSelectable[$0] }
        var head = 0
        while head < queue.count {
            let i = queue[head]
            head += 1
            for j in dependents[i] where !neverSelectable[j] {
                neverSelectable[j] = true
                blocker[j] = i
                rootCause[j] = (rootCause[i].project, rootCause[i].length + 1)
                queue.append(j)
            }
        }
        for (j, project) in projects.enumerated() where neverSelectable[j] {
            if !fits[j] {
                let reason = "cannot fit: \(fitReason(project))"
                if project.mandatory {
                    error("projects[\(j)]", "mandatory project '\(project.id)' \(reason)")
                } else {
                    warning("projects[\(j)]", "project '\(project.id)' can never be selected: it \(reason)")
                }
            } else if let dependency = blocker[j] {
                reportBlockedDependency(project, j, dependency)
            }
        }
    }

    private mutating func reportBlockedDependency(_ project: Project, _ j: Int, _ dependency: Int) {
        let projects = scenario.projects
        let root = projects[rootCause[j].project]
        let because = "(\(blockerChainText(from: j)); '\(root.id)' cannot fit: \(fitReason(root)))"
        let name = projects[dependency].id
        if project.mandatory {
            let k = project.dependsOn.firstIndex(of: name) ?? 0
            error("projects[\(j)].dependsOn[\(k)]",
                  "mandatory project '\(project.id)' depends on '\(name)', which can never be selected \(because)")
        } else {
            warning("projects[\(j)]",
                    "project '\(project.id)' can never be selected: it depends on '\(name)', which can never be selected \(because)")
        }
    }

    /// `etl -> api -> root`: the blocker chain from `j` to its root cause, its middle left out when long.
    private func blockerChainText(from j: Int) -> String {
        let projects = scenario.projects
        let (root, length) = rootCause[j]
        var chain = [j]
        while chain.count < 10, let next = blocker[chain[chain.count - 1]] { chain.append(next) }
        var names = chain.map { projects[$0].id }
        if chain[chain.count - 1] == root { return names.joined(separator: " -> ") }
        names += ["…", projects[root].id]
        return names.joined(separator: " -> ") + " (\(length) projects)"
    }

    /// `earliestStart 1 + duration 4 - 1 > deadline 3` (or `> last period P of the horizon`).
    private func fitReason(_ project: Project) -> String {
        let last = project.lastAllowedPeriod(periods: periods ?? 1)
        let bound = project.deadline == last ? "deadline \(last)" : "last period \(last) of the horizon"
        return "earliestStart \(project.earliestStart) + duration \(project.duration) - 1 > \(bound)"
    }

    // MARK: Pins

    private mutating func checkPins() {
        for (k, pin) in scenario.pins.enumerated() {
            var base: String { "pins[\(k)]" }
            let person = personIndex[pin.person]
            let project = projectIndex[pin.project]
            if person == nil, personIDsKnown { error("\(base).person", "pin names unknown person '\(pin.person)'") }
            if project == nil, projectIDsKnown { error("\(base).project", "pin names unknown project '\(pin.project)'") }
            var demandOK = true
            if let demand = pin.demand, let j = project, demandIndex[j][demand] == nil {
                demandOK = false
                if demandIDsKnown[j] {
                    error("\(base).demand", "pin names demand '\(demand)', which project '\(pin.project)' does not have")
                }
            }
            if let period = pin.period, let periods, !(0..<periods).contains(period) {
                error("\(base).period", "pin names period \(period) outside the horizon 0..<\(periods)")
            }
            if !(pin.hours.isFinite && pin.hours > 0) {
                error("\(base).hours", "hours must be a number > 0, got \(Self.show(pin.hours))")
            }
            guard let j = project else { continue }
            if neverSelectable[j] {
                warning("\(base).project",
                        "pinned project '\(pin.project)' can never be selected: the plan will be infeasible")
            } else if let p = person, demandOK, !qualifies(p, forPin: pin, in: j) {
                warning("\(base).person",
                        "person '\(pin.person)' does not qualify for any demand of project '\(pin.project)' "
                        + "the pin can reach: the plan will be infeasible")
            }
        }
    }

    private func qualifies(_ p: Int, forPin pin: Pin, in j: Int) -> Bool {
        let skills = scenario.people[p].skills
        let demands = scenario.projects[j].demands
        let reachable = pin.demand.flatMap { demandIndex[j][$0] }.map { [demands[$0]] } ?? demands
        return reachable.contains { (skills[$0.skill] ?? 0) >= $0.minLevel }
    }

    // MARK: Baseline

    private struct CellKey: Hashable {
        let person: String, project: String, demand: String, period: Int
    }

    private mutating func checkBaseline() {
        guard let baseline = scenario.baseline else { return }
        var firstDecision: [String: Int] = [:]
        for (k, decision) in baseline.projects.enumerated() {
            var base: String { "baseline.projects[\(k)]" }
            if let first = firstDecision[decision.id] {
                error("\(base).id", "baseline project '\(decision.id)' is given twice (first at baseline.projects[\(first)])")
            } else {
                firstDecision[decision.id] = k
            }
            if decision.selected, decision.start == nil {
                error("\(base).start", "selected project '\(decision.id)' needs a start")
            }
            guard let j = projectIndex[decision.id] else {
                if projectIDsKnown {
                    warning("\(base).id", "orphaned baseline work: project '\(decision.id)' is not in the scenario")
                }
                continue
            }
            if decision.selected, let start = decision.start, let periods, windowKnown[j] {
                let project = scenario.projects[j]
                let latest = project.latestStart(periods: periods)
                if start < project.earliestStart || start > latest {
                    let window = project.earliestStart <= latest
                        ? "starts \(project.earliestStart)…\(latest)" : "its window is empty"
                    warning("\(base).start", "baseline start \(start) is outside the window of project '\(decision.id)' "
                            + "(\(window)); it counts as a start change")
                }
            }
        }
        var firstCell: [CellKey: Int] = [:]
        for (k, entry) in baseline.assignments.enumerated() {
            var base: String { "baseline.assignments[\(k)]" }
            if !(entry.hours.isFinite && entry.hours > 0) {
                error("\(base).hours", "hours must be a number > 0, got \(Self.show(entry.hours))")
            }
            let cell = CellKey(person: entry.person, project: entry.project, demand: entry.demand, period: entry.period)
            // A placeholder standing for an unreadable field must not look like a repeat.
            let cellUnreadable = !unreadable.isEmpty
                && ["person", "project", "demand", "period"].contains { isUnreadable("\(base).\($0)") }
            if !cellUnreadable {
                if let first = firstCell[cell] {
                    error(base, "baseline assignment of '\(entry.person)' to '\(entry.project)'/'\(entry.demand)' "
                          + "in period \(entry.period) is given twice (first at baseline.assignments[\(first)])")
                } else {
                    firstCell[cell] = k
                }
            }
            checkOrphan(entry, base)
        }
    }

    /// One warning per baseline assignment that names something the scenario does not have.
    private mutating func checkOrphan(_ entry: Assignment, _ base: @autoclosure () -> String) {
        var reasons: [(path: String, text: String)] = []
        if personIndex[entry.person] == nil, personIDsKnown {
            reasons.append(("\(base()).person", "person '\(entry.person)' is not in the scenario"))
        }
        if let j = projectIndex[entry.project] {
            if demandIndex[j][entry.demand] == nil, demandIDsKnown[j] {
                reasons.append(("\(base()).demand", "project '\(entry.project)' has no demand '\(entry.demand)'"))
            }
        } else if projectIDsKnown {
            reasons.append(("\(base()).project", "project '\(entry.project)' is not in the scenario"))
        }
        if let periods, !(0..<periods).contains(entry.period) {
            reasons.append(("\(base()).period", "period \(entry.period) is outside the horizon 0..<\(periods)"))
        }
        guard let first = reasons.first else { return }
        warning(first.path, "orphaned baseline work: " + reasons.map(\.text).joined(separator: "; "))
    }

    // MARK: Policy

    private mutating func checkPolicy() {
        let policy = scenario.policy
        let cap = policy.utilizationCap
        if !(cap.isFinite && cap > 0 && cap <= 1) {
            error("policy.utilizationCap", "utilizationCap must be a number in (0, 1], got \(Self.show(cap))")
        }
        checkNonNegative(policy.unmetPenaltyPerHour, "policy.unmetPenaltyPerHour", "unmetPenaltyPerHour")
        checkNonNegative(policy.assignmentPenalty, "policy.assignmentPenalty", "assignmentPenalty")
        if let budget = policy.budget { checkNonNegative(budget, "policy.budget", "budget") }
        checkNonNegative(policy.changePenaltyPerHour, "policy.changePenaltyPerHour", "changePenaltyPerHour")
        checkNonNegative(policy.startChangePenalty, "policy.startChangePenalty", "startChangePenalty")
    }
}

// MARK: - Graph helpers

/// Cycle finding on the `dependsOn` graph, iterative so that long chains cannot overflow the stack.
enum DependencyGraph {
    /// The strongly connected components that contain a cycle (more than one project, or a self-dependency).
    ///
    /// - Complexity: O(V + E) (Tarjan's algorithm).
    static func cycles(_ edges: [[Int]]) -> [[Int]] {
        let count = edges.count
        var order = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var frames: [(node: Int, edge: Int)] = []
        var counter = 0
        var result: [[Int]] = []
        for root in 0..<count where order[root] < 0 {
            order[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            frames.append((root, 0))
            while let frame = frames.last {
                let v = frame.node
                if frame.edge < edges[v].count {
                    frames[frames.count - 1].edge += 1
                    let w = edges[v][frame.edge]
                    if order[w] < 0 {
                        order[w] = counter
                        low[w] = counter
                        counter += 1
                        stack.append(w)
                        onStack[w] = true
                        frames.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], order[w])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last { low[parent.node] = min(low[parent.node], low[v]) }
                guard low[v] == order[v] else { continue }
                var component: [Int] = []
                while let w = stack.popLast() {
                    onStack[w] = false
                    component.append(w)
                    if w == v { break }
                }
                if component.count > 1 || edges[v].contains(v) { result.append(component) }
            }
        }
        return result.sorted { ($0.min() ?? 0) < ($1.min() ?? 0) }
    }

    /// A shortest cycle `start -> … -> start` using only projects of `members`.
    static func cycle(through start: Int, within members: Set<Int>, _ edges: [[Int]]) -> [Int]? {
        var parent: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let v = queue[head]
            head += 1
            for w in edges[v] where members.contains(w) {
                if w == start {
                    var path = [v]
                    while let p = parent[path[path.count - 1]] { path.append(p) }
                    return path.reversed() + [start]
                }
                if parent[w] == nil, w != start {
                    parent[w] = v
                    queue.append(w)
                }
            }
        }
        return nil
    }
}
