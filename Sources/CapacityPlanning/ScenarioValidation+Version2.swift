// Validation of what spec v2 adds (section 4): drivers and scores, systems and freezes,
// alternatives, balance rules, and projects every start of which a system closes.
import StrictJSON

extension ScenarioValidator {
    // MARK: Strategy and systems

    mutating func checkStrategyAndSystems() {
        if let strategy = scenario.strategy {
            checkNonNegative(strategy.valuePerPoint, "strategy.valuePerPoint", "valuePerPoint")
            var first: [String: Int] = [:]
            for (k, driver) in strategy.drivers.enumerated() {
                var base: String { "strategy.drivers[\(k)]" }
                if driver.id.isEmpty {
                    error("\(base).id", "driver id is empty")
                } else if let earlier = first[driver.id] {
                    error("\(base).id", "driver id '\(driver.id)' is duplicated (first at strategy.drivers[\(earlier)])")
                } else {
                    first[driver.id] = k
                }
                checkNonNegative(driver.weight, "\(base).weight", "weight")
            }
        }
        for (k, system) in scenario.systems.enumerated() {
            var base: String { "systems[\(k)]" }
            if system.id.isEmpty {
                error("\(base).id", "system id is empty")
            } else if let earlier = systemIndex[system.id] {
                error("\(base).id", "system id '\(system.id)' is duplicated (first at systems[\(earlier)])")
            } else {
                systemIndex[system.id] = k
            }
            if let limit = system.maxConcurrentProjects {
                checkInteger(limit, "\(base).maxConcurrentProjects", "maxConcurrentProjects", minimum: 0)
            }
            var seen = Set<Int>()
            for (i, period) in system.freezes.enumerated() {
                if let periods, !(0..<periods).contains(period) {
                    error("\(base).freezes[\(i)]",
                          "freeze period \(period) is outside the horizon 0..<\(periods)")
                } else if !seen.insert(period).inserted {
                    warning("\(base).freezes[\(i)]", "period \(period) is listed twice in the freezes of system '\(system.id)'")
                }
            }
        }
    }

    // MARK: Projects

    /// Scores, cost of delay, touches and excludes of every project; then the projects whose
    /// every start a touched system closes (they join "cannot fit").
    mutating func checkProjectsVersion2() {
        let drivers = Set(scenario.strategy?.drivers.map(\.id) ?? [])
        let systemIDsKnown = !isUnreadable("systems") && !scenario.systems.indices.contains { isUnreadable("systems[\($0)].id") }
        touched = Array(repeating: [], count: scenario.projects.count)
        systemBlock = Array(repeating: nil, count: scenario.projects.count)
        for (j, project) in scenario.projects.enumerated() {
            var base: String { "projects[\(j)]" }
            for (driver, score) in project.scores.sorted(by: { $0.key < $1.key }) {
                let path = JSONPath.member("\(base).scores", driver)
                if scenario.strategy == nil {
                    error(path, "project '\(project.id)' scores driver '\(driver)', but the scenario has no strategy")
                } else if !drivers.contains(driver), !isUnreadable("strategy") {
                    error(path, "scores unknown driver '\(driver)'")
                }
                if !(0...5).contains(score) {
                    error(path, "score of driver '\(driver)' is \(score); scores are integers 0...5")
                }
            }
            checkNonNegative(project.costOfDelay, "\(base).costOfDelay", "costOfDelay")
            var seen = Set<String>()
            for (k, id) in project.touches.enumerated() {
                guard seen.insert(id).inserted else {
                    warning("\(base).touches[\(k)]", "system '\(id)' is named twice in touches")
                    continue
                }
                if let system = systemIndex[id] {
                    touched[j].append(system)
                } else if systemIDsKnown {
                    error("\(base).touches[\(k)]", "touches names system '\(id)', which does not exist")
                }
            }
            seen = []
            for (k, id) in project.excludes.enumerated() {
                var path: String { "\(base).excludes[\(k)]" }
                guard seen.insert(id).inserted else {
                    warning(path, "project '\(id)' is named twice in excludes")
                    continue
                }
                if id == project.id {
                    error(path, "project '\(project.id)' excludes itself")
                } else if projectIndex[id] == nil, projectIDsKnown {
                    error(path, "excludes names unknown project '\(id)'")
                }
            }
            checkSystemsLeaveAStart(project, j)
        }
    }

    /// A project whose own window fits but every start of which a touched system closes.
    mutating func checkSystemsLeaveAStart(_ project: Project, _ j: Int) {
        // A started project's start is fixed and its past is history: freezes before the status
        // period do not close it (spec v3), so the calendar of its start is not checked here.
        guard let periods, windowKnown[j], fits[j], !touched[j].isEmpty, project.started == nil else { return }
        let first = project.firstStart(statusPeriod: statusPeriod ?? 0)
        let last = project.latestStart(periods: periods)
        guard first <= last else { return }
        let window = first...last
        let calendar = SystemCalendar(systems: scenario.systems)
        guard !calendar.openStarts(window: window, duration: project.duration, systems: touched[j]).contains(true)
        else { return }
        fits[j] = false
        let active = window.lowerBound...(window.upperBound + project.duration - 1)
        let starts = window.count == 1 ? "starts \(window.lowerBound)" : "starts \(window.lowerBound)..\(window.upperBound)"
        let what = calendar.describe(systems: touched[j], within: active, ids: scenario.systems.map(\.id))
        systemBlock[j] = "(\(starts), \(project.duration) period\(project.duration == 1 ? "" : "s")) always overlaps \(what)"
    }

    // MARK: Alternatives

    /// Two mandatory projects that exclude each other are an error; alternatives that other
    /// required projects (pinned ones, dependencies of required ones) force together, and a project
    /// excluding what it depends on, are warnings: the planners then answer infeasible.
    mutating func checkAlternatives() {
        let projects = scenario.projects
        var required = projects.map(\.mandatory)
        for pin in scenario.pins { if let j = projectIndex[pin.project] { required[j] = true } }
        var queue = required.indices.filter { required[$0] }
        while let j = queue.popLast() {
            for i in dependencies.indices.contains(j) ? dependencies[j] : [] where !required[i] {
                required[i] = true
                queue.append(i)
            }
        }
        var reported = Set<[Int]>()
        for (j, project) in projects.enumerated() {
            for (k, id) in project.excludes.enumerated() {
                guard let i = projectIndex[id], i != j else { continue }
                let pair = [min(i, j), max(i, j)]
                if dependsTransitively(j, on: i) || dependsTransitively(i, on: j) {
                    let (later, earlier) = dependsTransitively(j, on: i) ? (j, i) : (i, j)
                    warning("projects[\(j)].excludes[\(k)]", "project '\(projects[later].id)' excludes '\(projects[earlier].id)', "
                            + "which it depends on: it can never be selected")
                    continue
                }
                guard required[i] && required[j], reported.insert(pair).inserted else { continue }
                if projects[i].mandatory && projects[j].mandatory {
                    error("projects[\(j)].excludes[\(k)]",
                          "mandatory projects '\(projects[pair[0]].id)' and '\(projects[pair[1]].id)' exclude each other")
                } else {
                    warning("projects[\(j)].excludes[\(k)]",
                            "projects '\(projects[pair[0]].id)' and '\(projects[pair[1]].id)' exclude each other but both must be "
                            + "selected (mandatory, pinned or a dependency of one): the plan will be infeasible")
                }
            }
        }
    }

    /// Whether `j` depends on `i` through any chain.
    func dependsTransitively(_ j: Int, on i: Int) -> Bool {
        var seen: Set<Int> = [j]
        var stack = [j]
        while let k = stack.popLast() {
            guard dependencies.indices.contains(k) else { continue }
            for next in dependencies[k] where seen.insert(next).inserted {
                if next == i { return true }
                stack.append(next)
            }
        }
        return false
    }

    // MARK: Balance

    mutating func checkBalance() {
        for (k, rule) in scenario.policy.balance.enumerated() {
            var base: String { "policy.balance[\(k)]" }
            if rule.tag.isEmpty { error("\(base).tag", "tag is empty") }
            var sharesOK = true
            for (name, share) in [("minShare", rule.minShare), ("maxShare", rule.maxShare)]
            where !(share.isFinite && share >= 0 && share <= 1) {
                error("\(base).\(name)", "\(name) must be a number in [0, 1], got \(Self.show(share))")
                sharesOK = false
            }
            if sharesOK, rule.minShare > rule.maxShare {
                error(base, "minShare \(Self.show(rule.minShare)) > maxShare \(Self.show(rule.maxShare))")
            }
            if !rule.tag.isEmpty, !scenario.projects.contains(where: rule.contains) {
                warning(base, "no project has tag \(rule.tag) = '\(rule.value)': the group of this rule is empty")
            }
        }
    }
}
