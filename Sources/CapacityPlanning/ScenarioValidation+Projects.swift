// Validation of people, projects, demands, dependencies and windows (spec section 1).
import StrictJSON

extension ScenarioValidator {
    // MARK: People

    mutating func checkPeople() {
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

    mutating func checkProjects() {
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
                fits[j] = project.fitsWindow(periods: periods, statusPeriod: statusPeriod ?? 0)
            }
            for (k, demand) in project.demands.enumerated() {
                checkDemand(demand, k, of: project, j, durationOK: durationOK)
            }
        }
    }

    mutating func checkDemand(_ demand: Demand, _ k: Int, of project: Project, _ j: Int, durationOK: Bool) {
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
        if let work = demand.work {
            checkNonNegative(work, "\(base).work", "work")
            if let most = demand.maxPerPeriod { checkPositive(most, "\(base).maxPerPeriod", "maxPerPeriod") }
        } else {
            checkHours(demand.hours, "\(base).hours", "hours",
                       expected: durationOK ? .duration(project.duration) : nil)
            if demand.maxPerPeriod != nil {
                error("\(base).maxPerPeriod", "maxPerPeriod is for a line that gives work; a line with hours has its profile")
            }
        }
    }

    // MARK: Dependencies

    mutating func checkDependencies() {
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
    mutating func reportCycle(_ component: [Int]) {
        guard let start = component.min(),
              let cycle = DependencyGraph.cycle(through: start, within: Set(component), dependencies) else { return }
        let projects = scenario.projects
        let names = Self.chainText(cycle.map { projects[$0].id })
        let next = cycle.count > 1 ? cycle[1] : start
        let k = projects[start].dependsOn.firstIndex(of: projects[next].id) ?? 0
        error("projects[\(start)].dependsOn[\(k)]", "dependsOn cycle \(names)")
    }

    /// `a -> b -> c`, shortened in the middle when long.
    static func chainText(_ names: [String]) -> String {
        let limit = 12
        guard names.count > limit else { return names.joined(separator: " -> ") }
        return (names.prefix(limit - 2) + ["…", names[names.count - 1]]).joined(separator: " -> ")
            + " (\(names.count - 1) projects)"
    }

    // MARK: Windows

    /// "Can never be selected": the own window cannot hold it, or it depends (through any
    /// chain) on a project that can never be selected. Dependencies' durations do not count.
    mutating func checkWindows() {
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
            // A started project's dependencies are history (spec v3, rule 3): they do not block it.
            for j in dependents[i] where !neverSelectable[j] && projects[j].started == nil {
                neverSelectable[j] = true
                blocker[j] = i
                rootCause[j] = (rootCause[i].project, rootCause[i].length + 1)
                queue.append(j)
            }
        }
        for (j, project) in projects.enumerated() where neverSelectable[j] {
            if let block = systemBlock[j] {
                if project.mandatory {
                    error("projects[\(j)].touches", "mandatory project '\(project.id)' \(block)")
                } else {
                    warning("projects[\(j)]", "project '\(project.id)' can never be selected: it \(block)")
                }
            } else if !fits[j] {
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

    mutating func reportBlockedDependency(_ project: Project, _ j: Int, _ dependency: Int) {
        let projects = scenario.projects
        let root = projects[rootCause[j].project]
        let rootReason = systemBlock[rootCause[j].project] ?? "cannot fit: \(fitReason(root))"
        let because = "(\(blockerChainText(from: j)); '\(root.id)' \(rootReason))"
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
    func blockerChainText(from j: Int) -> String {
        let projects = scenario.projects
        let (root, length) = rootCause[j]
        var chain = [j]
        while chain.count < 10, let next = blocker[chain[chain.count - 1]] { chain.append(next) }
        var names = chain.map { projects[$0].id }
        if chain[chain.count - 1] == root { return names.joined(separator: " -> ") }
        names += ["…", projects[root].id]
        return names.joined(separator: " -> ") + " (\(length) projects)"
    }

    /// `earliestStart 1 + duration 4 - 1 > deadline 3` (or `> last period P of the horizon`; from
    /// `started` or the status period when they decide the first start).
    func fitReason(_ project: Project) -> String {
        let last = project.lastAllowedPeriod(periods: periods ?? 1)
        let bound = project.deadline == last ? "deadline \(last)" : "last period \(last) of the horizon"
        let status = statusPeriod ?? 0
        let first: String
        if let started = project.started {
            first = "started \(started)"
        } else if status > project.earliestStart {
            first = "status period \(status)"
        } else {
            first = "earliestStart \(project.earliestStart)"
        }
        return "\(first) + duration \(project.duration) - 1 > \(bound)"
    }
}
