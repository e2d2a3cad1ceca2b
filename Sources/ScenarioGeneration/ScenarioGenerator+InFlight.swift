// Format version 3's portfolio in flight (Part A) laid over a generated scenario: a status period a
// third into the horizon, the projects that began before it started (with actuals), flexible lines
// whose remaining work grew, longer maximum spans, due dates with late penalties, tentative
// projects and synergies. For the property tests and the version-3 benchmark ladder.

public import CapacityPlanning

extension ScenarioGenerator {
    /// `scenario` (a generated one) as a version-3 portfolio in flight, deterministically from `seed`.
    ///
    /// - Status period `S = max(1, periods / 3)`; a project that would start before it is started
    ///   (in its `earliestStart`) when it is mandatory or cannot fit from `S`, else half the time.
    /// - Actuals: one qualified person per line and past period books the line's hours there.
    ///   Budgets are raised by what the actuals cost, so they stay as tight as before.
    /// - Half the lines become flexible: `work` = the hours still to do × 1.0–1.4 (the remaining
    ///   work grew), `maxPerPeriod` = 1.5 × the profile's peak; such projects get
    ///   `maxDuration = duration + ⌈duration / 2⌉`.
    /// - Half the projects get `due` = earliest finish + 0–2 with a late penalty of 2–5 % of value
    ///   per period; a quarter of the tentative-eligible ones (not mandatory, not started) a
    ///   `probability` of 0.5–0.9; about one synergy per six projects, a quarter of them losses.
    /// - Pins are dropped (a pin's period may now lie in the past; the rest stay plannable).
    public static func inFlight(_ scenario: Scenario, seed: UInt64) -> Scenario {
        var out = scenario
        var rng = SeededGenerator.stream(seed, 0x1F1E)
        let periods = scenario.horizon.periods
        let status = max(1, min(periods - 1, periods / 3))
        out.version = 3
        out.pins = []
        var actuals: [Actual] = []
        var spent = 0.0
        let people = scenario.people
        for j in out.projects.indices {
            var project = out.projects[j]
            let last = min(project.deadline ?? (periods - 1), periods - 1)
            if project.earliestStart < status {
                let fitsLater = status + project.duration - 1 <= last
                if project.mandatory || !fitsLater || rng.chance(0.5) { project.started = project.earliestStart }
            }
            var flexible = false
            var projectSpent = 0.0
            for k in project.demands.indices {
                let line = project.demands[k]
                let profile = line.hours.expanded(to: project.duration)
                if let started = project.started {
                    let qualified = people.filter { ($0.skills[line.skill] ?? 0) >= line.minLevel }
                    for t in started..<min(status, started + project.duration) where profile[t - started] > 0 && !qualified.isEmpty {
                        let person = qualified[rng.below(qualified.count)]
                        actuals.append(Actual(person: person.id, project: project.id, demand: line.resolvedID,
                                              period: t, hours: profile[t - started]))
                        projectSpent += profile[t - started] * person.costPerHour
                    }
                }
                guard rng.chance(0.5) else { continue }
                let done = project.started.map { max(0, status - $0) } ?? 0
                let left = profile.enumerated().reduce(0.0) { $0 + ($1.offset >= done ? $1.element : 0) }
                let grown = (left * rng.double(1.0, 1.4)).rounded()
                let peak = profile.max() ?? 0
                project.demands[k] = Demand(id: line.id ?? line.skill, skill: line.skill, minLevel: line.minLevel,
                                            work: grown, maxPerPeriod: max(1, (1.5 * peak).rounded()))
                flexible = true
            }
            if flexible { project.maxDuration = project.duration + (project.duration + 1) / 2 }
            if rng.chance(0.5) {
                project.due = (project.started ?? project.earliestStart) + project.duration - 1 + rng.int(in: 0...2)
                project.latePenaltyPerPeriod = (project.value * rng.double(0.02, 0.05)).rounded()
            }
            if !project.mandatory && project.started == nil && rng.chance(0.25) {
                project.probability = Double(rng.int(in: 10...18)) / 20
            }
            if let budget = project.budget { project.budget = (budget + projectSpent).rounded(.up) }
            spent += projectSpent
            out.projects[j] = project
        }
        if let budget = out.policy.budget { out.policy.budget = (budget + spent).rounded(.up) }
        out.status = Status(period: status, actuals: actuals)
        let count = out.projects.count
        if count >= 2 {
            for _ in 0..<max(1, count / 6) {
                let a = rng.below(count)
                let b = (a + 1 + rng.below(count - 1)) % count
                let worth = min(out.projects[a].value, out.projects[b].value) * rng.double(0.05, 0.2)
                out.synergies.append(Synergy(projects: [out.projects[a].id, out.projects[b].id],
                                             value: (rng.chance(0.25) ? -worth : worth).rounded()))
            }
        }
        return out
    }
}
