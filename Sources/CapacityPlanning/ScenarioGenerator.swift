// A deterministic, realistic synthetic scenario generator (spec v1 scenarios).
//
// Used by the tests, the benchmarks and the CLI's `generate` command. Every
// scenario it makes is valid by construction (no validation errors) and has at
// least one valid plan: mandatory and pinned projects have no dependencies,
// every project fits its window, and pins are placed by a small staffing
// simulation that proves them satisfiable together with the budgets and the
// concurrency limits (see `ScenarioGenerator.Features.pins`).
//
// Determinism: all randomness comes from `SeededGenerator` sub-streams (one per
// concern), only exactly rounded arithmetic is used (no libm), and no decision
// depends on dictionary iteration order. The same generator settings therefore
// give an equal `Scenario` on every platform and every run.

/// Makes synthetic but realistic spec-v1 scenarios from a seed.
///
/// ```swift
/// let scenario = ScenarioGenerator(people: 40, projects: 15, periods: 26, seed: 7).generate()
/// ```
///
/// The same settings always give an equal scenario; different seeds give different ones.
/// Every generated scenario is valid (`PlanningProblem(scenario)` does not throw) and has
/// at least one valid plan (select only the mandatory and pinned projects; see
/// `generateWithWitness()`). Generating
/// 1,000 people × 300 projects × 52 periods takes a few tens of milliseconds in a release build.
///
/// ## Distributions
///
/// **Horizon**: `periods` weeks starting on Monday 2027-01-04 (`periods` below 1 is taken as 1).
///
/// **Skills**: 5–8 skills (uniform): always `backend`, `frontend`, `data`, `qa`, `devops`, plus
/// a random subset of `design`, `pm`, `security`. Popularity weights: backend 26, frontend 20,
/// data 14, qa 10, devops 9, design 8, pm 7, security 6.
///
/// **People** (ids `ada-0000`, `bo-0001`, …, names like "Ada S."):
/// - 1, 2 or 3 skills (45 % / 38 % / 17 %), drawn by popularity; primary level 1–5 with
///   weights 7 / 25 / 36 / 24 / 8 %, each further skill 0–2 levels below the primary (at least 1).
/// - a team out of `max(1, min(10, people / 8))` teams ("Platform", "Payments", …).
/// - `costPerHour` = 40 + 16 × primary level + 6 per extra skill + uniform −10…+14, clamped to 50…150.
/// - capacity 40 h/week; 32 h for 15 % of people (`partTime`); with `leave`, 35 % of people
///   (when `periods ≥ 2`) have zero-hour weeks: 60 % a holiday (one block, two when
///   `periods ≥ 26`, each 1…min(3, periods / 8) weeks), 20 % join late (first 1…periods / 4 weeks
///   zero), 20 % leave early (last 1…periods / 4 weeks zero). Such people get a capacity array.
/// - `maxConcurrentProjects` on 40 % of people (`concurrency`): 1, 2 or 3 (25 / 45 / 30 %).
///
/// **Projects** (ids `prj-003-notifications-pilot`, names "Notifications pilot", distinct; a
/// name is reused with " phase 2", " phase 3", … only when eight draws all hit used names):
/// - duration: a base of 2…10 weeks (mode 4), times a stretch of `periods / 26` when
///   `periods ≥ 26`, 1 for 16…25 periods and `max(0.5, periods / 16)` below, rounded and
///   clamped to `1 … periods` (so 52 weeks give 4…20-week projects and 8 weeks 1…5-week ones).
///   A sparse portfolio (fewer than 0.75 × skills projects active at a time on average) then has
///   every duration lengthened by the missing factor (still at most `periods`), so that demands
///   stay a fraction of their skill's pool instead of needing all of it.
/// - 1, 2 or 3 demands (30 / 45 / 25 %) on distinct skills. A skill's share of the pool counts a
///   person's primary skill 0.6 and the others 0.4 together (catalogue popularity when there are
///   no people); skills are drawn with probability (share + 1 / skills present) / 2, and a demand's
///   size is multiplied by share ÷ that probability, so rare skills get smaller demands while each
///   skill's expected load stays in proportion to its supply.
///   Hours: 45 % constant, 25 % ramp up then down, 15 % ramp up, 15 % ramp down (arrays of
///   `duration` whole hours, each ≥ 1). `minLevel` 1–4 (35 / 35 / 22 / 8 %) with `levels`,
///   else 1; a level is lowered until at least two of the skill's holders (a third, if more) qualify.
/// - All hours are scaled together so that total demand is 1.2–1.6× (uniform) the total
///   usable supply (capacity × utilisation cap over the horizon): choices matter. No demand asks
///   in any period for more than 80 % of the mean usable weekly hours of the people qualified for it (capped
///   demands are made up for by the others; only in tiny teams, where nearly all are capped,
///   does the total fall short of the target).
/// - value: the staff cost estimate (hours × mean cost of the qualified people) times
///   1.2–3.0 for 65 % of projects (worth doing), 0.9–1.2 for 20 % (marginal), 0.4–0.9 for 15 %
///   (not worth it); rounded to 1,000, at least 1,000.
/// - windows (`deadlines`): 30 % get an `earliestStart` in 1…periods − duration; 35 % get a
///   deadline `earliestStart + duration − 1 + slack`, slack 0–1 (tight) for 40 % of them and
///   2…max(2, periods / 4) otherwise, never past `periods − 1`. Every project fits its window.
/// - `mandatory`: 5–10 % of projects (at least one when there are projects); they never
///   have dependencies.
/// - `dependencies`: 30 % of the other projects depend on one (80 %) or two of the six
///   projects just before them (so ids only point backwards and chains form), kept only when
///   the chain still fits the dependent's window.
/// - `budgets`: 30 % of unpinned projects get a budget of 0.85–1.5× their cost estimate (rounded
///   to 1,000): some are too tight to staff with expensive people.
///
/// **Pins** (`pins`): about one per 20 projects (at least one where one can be placed), each on a different person
/// and project without dependencies, mandatory projects first. A staffing simulation at the
/// project's earliest start checks each pin (a qualifying person, hours within capacity,
/// concurrency and the demand) and, for a non-mandatory pinned project, that the whole
/// project can be staffed as well; pins that fail are not emitted. Hours: at most 40 % of what
/// the person could give (at most 80 h), or with a period (20 %) at most half that period's
/// room (at most 40 h); whole hours ≥ 4. 70 % name the demand. Pinned projects have no budget.
///
/// **Policy**: `utilizationCap` one of 0.8, 0.85, 0.9, 0.95, 1 (else 1); `assignmentPenalty`
/// 100–500 in steps of 50 (else 0); `budget` (`globalBudget`) 60–80 % of the cost of selecting
/// everything, raised if needed to 110 % of what the pins force; `changePenaltyPerHour` 5–25
/// and `startChangePenalty` 1,000–5,000 (`changePenalties`, else 0); `unmetPenaltyPerHour`
/// is left at its default.
///
/// **Baseline** (`baseline`): a plausible earlier plan listing every project: mandatory
/// projects and 55 % of the others are selected (when their dependencies are and the window
/// allows), starting 0–2 periods after the earliest start; each demand of a selected project is
/// staffed by one or two qualifying people at 40–70 % and 20–40 % of its hours, within their
/// capacity. Half of the baselines also keep a few entries of a departed person (an id such as
/// `goran-0006` that the scenario does not have): orphaned work, reported as a warning.
public struct ScenarioGenerator: Sendable {
    /// Which realistic complications a generated scenario has; `.all` is the default.
    ///
    /// A flag that is off removes its complication as its documentation says. The rest of
    /// the scenario keeps its shape: people's ids, names, skills and costs, and projects' ids,
    /// names, durations and demand skills do not depend on the flags. Hours, values and the
    /// like may move, because they are scaled to the supply the flags leave.
    public struct Features: OptionSet, Sendable, Hashable {
        /// The raw bits.
        public let rawValue: UInt32

        /// Creates a set from raw bits.
        public init(rawValue: UInt32) {
            self.rawValue = rawValue
        }

        /// Some people have zero-hour weeks (holidays, late joiners, early leavers): capacity arrays.
        /// Off: no capacity array and no zero capacity.
        public static let leave = Features(rawValue: 1 << 0)
        /// 15 % of people work 32 h a week. Off: everybody's weekly hours are 40 (outside leave).
        public static let partTime = Features(rawValue: 1 << 1)
        /// 5–10 % of projects (at least one) are mandatory. Off: none.
        public static let mandatory = Features(rawValue: 1 << 2)
        /// Some projects depend on earlier ones (`dependsOn`). Off: no `dependsOn` anywhere.
        public static let dependencies = Features(rawValue: 1 << 3)
        /// 30 % of unpinned projects have a `budget`. Off: no project budget.
        public static let budgets = Features(rawValue: 1 << 4)
        /// A portfolio-wide `policy.budget`. Off: none.
        public static let globalBudget = Features(rawValue: 1 << 5)
        /// About one pin per 20 projects (at least one where one can be placed), all satisfiable
        /// together. Off: no pins.
        public static let pins = Features(rawValue: 1 << 6)
        /// A baseline plan (with occasional orphaned entries). Off: no baseline.
        public static let baseline = Features(rawValue: 1 << 7)
        /// 40 % of people have `maxConcurrentProjects` 1–3. Off: nobody has a limit.
        public static let concurrency = Features(rawValue: 1 << 8)
        /// `policy.utilizationCap` in 0.8…1. Off: 1.
        public static let utilizationCap = Features(rawValue: 1 << 9)
        /// `policy.assignmentPenalty` 100–500. Off: 0.
        public static let assignmentPenalty = Features(rawValue: 1 << 10)
        /// `policy.changePenaltyPerHour` 5–25 and `startChangePenalty` 1,000–5,000. Off: both 0.
        public static let changePenalties = Features(rawValue: 1 << 11)
        /// Project windows: some `earliestStart`s and deadlines (some tight). Off: every project
        /// has `earliestStart` 0 and no deadline.
        public static let deadlines = Features(rawValue: 1 << 12)
        /// Demands ask for a `minLevel` of 1–4. Off: every `minLevel` is 1.
        public static let levels = Features(rawValue: 1 << 13)

        /// Every complication.
        public static let all: Features = [
            .leave, .partTime, .mandatory, .dependencies, .budgets, .globalBudget, .pins, .baseline,
            .concurrency, .utilizationCap, .assignmentPenalty, .changePenalties, .deadlines, .levels,
        ]
    }

    /// Number of people (negative is taken as 0).
    public var people: Int
    /// Number of candidate projects (negative is taken as 0).
    public var projects: Int
    /// Number of weekly periods (below 1 is taken as 1).
    public var periods: Int
    /// The seed; the same settings and seed always give an equal scenario.
    public var seed: UInt64
    /// The complications to include.
    public var features: Features = .all

    /// Creates a generator configuration.
    public init(people: Int, projects: Int, periods: Int, seed: UInt64, features: Features = .all) {
        self.people = people
        self.projects = projects
        self.periods = periods
        self.seed = seed
        self.features = features
    }

    /// Generates the scenario these settings describe.
    ///
    /// - Complexity: O(P·T + J·(T + D·P)) for P people, J projects, T periods and D demands
    ///   per project (finding the qualified people of each demand dominates).
    public func generate() -> Scenario {
        generateWithWitness().scenario
    }

    /// Generates the scenario together with a valid plan for it: the witness that the
    /// scenario is feasible.
    ///
    /// The witness selects exactly the mandatory and pinned projects, each at its earliest
    /// start, and has the hours the pin simulation booked (the pins' hours, plus full staffing
    /// of pinned projects that are not mandatory); mandatory projects are otherwise left short
    /// (`unmetHours`). It is `feasible`, has no `objective` (price it with the plan checker) and
    /// is a lower bound for what a planner should find. `scenario` equals `generate()`.
    public func generateWithWitness() -> (scenario: Scenario, witness: Plan) {
        var build = GeneratorRun(
            peopleCount: max(0, people), projectCount: max(0, projects), periods: max(1, periods),
            seed: seed, features: features)
        return build.run()
    }
}

// MARK: - Catalogues

private enum Catalog {
    static let skills: [(name: String, weight: Double)] = [
        ("backend", 26), ("frontend", 20), ("data", 14), ("qa", 10), ("devops", 9),
        ("design", 8), ("pm", 7), ("security", 6),
    ]
    static let firstNames = [
        "Ada", "Bo", "Chen", "Dara", "Eli", "Fatima", "Goran", "Hana", "Ines", "Jonas",
        "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq",
        "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe", "Aiko", "Bruno", "Carmen", "Dmitri",
        "Emeka", "Freya", "Gita", "Hugo", "Ingrid", "Jamal", "Kenji", "Leila", "Marta", "Nikos",
    ]
    static let initials = Array("ABCDEFGHIJKLMNOPRSTVWYZ").map { String($0) }
    static let teams = [
        "Platform", "Payments", "Data", "Mobile", "Growth",
        "Infrastructure", "Customer", "Security", "Commerce", "Insights",
    ]
    static let subjects = [
        "Inventory", "Checkout", "Pricing", "Partner", "Compliance", "Payments", "Notifications",
        "Search", "Onboarding", "Billing", "Reporting", "Identity", "Mobile app", "Data warehouse",
        "CRM", "Customer portal", "Fraud detection", "Logistics", "Analytics", "Support tooling",
        "Loyalty", "Warehouse", "Recommendations", "Subscriptions",
    ]
    static let actions = [
        "redesign", "migration", "rollout", "automation", "audit", "consolidation",
        "modernisation", "pilot", "integration", "upgrade", "revamp", "replatforming",
    ]
    static let utilizationCaps = [0.8, 0.85, 0.9, 0.95, 1.0]
}

/// Tags of the independent random sub-streams, one per concern.
private enum Stream: UInt64 {
    case skills = 1, people, partTime, leave, concurrency, projects, windows, mandatory
    case dependencies, values, budgets, pins, baseline, policy
}

/// `n` in decimal, left-padded with zeros to `width` digits.
private func padded(_ n: Int, _ width: Int) -> String {
    let digits = String(n)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

/// Lower-case, spaces to hyphens.
private func slug(_ text: String) -> String {
    String(text.lowercased().map { $0 == " " ? "-" : $0 })
}

/// Rounds `x` to the nearest multiple of `step` (half away from zero).
private func roundTo(_ x: Double, _ step: Double) -> Double {
    (x / step).rounded() * step
}

// MARK: - One generation run

private struct GeneratedPerson {
    var id: String
    var name: String
    var skills: [(skill: Int, level: Int)]
    var team: String
    var cost: Double
    var capacity: [Double]  // hours per period, before the utilisation cap
    var hasArray: Bool
    var maxConcurrent: Int?
}

private struct GeneratedDemand {
    var skill: Int
    var minLevel: Int
    var hours: [Double]  // per project period
    var constant: Bool
    var eligible: [Int] = []  // people qualifying, ascending
}

private struct GeneratedProject {
    var id: String
    var name: String
    var duration: Int
    var earliestStart = 0
    var deadline: Int?
    var mandatory = false
    var dependsOn: [Int] = []
    var demands: [GeneratedDemand] = []
    var value = 0.0
    var cost = 0.0
    var budget: Double?
    var pinned = false

    func lastAllowed(_ periods: Int) -> Int { min(deadline ?? (periods - 1), periods - 1) }
    func latestStart(_ periods: Int) -> Int { lastAllowed(periods) - duration + 1 }
}

private struct GeneratorRun {
    let peopleCount: Int
    let projectCount: Int
    let periods: Int
    let seed: UInt64
    let features: ScenarioGenerator.Features

    var skills: [String] = []
    var skillWeights: [Double] = []
    var people: [GeneratedPerson] = []
    var projects: [GeneratedProject] = []
    var utilizationCap = 1.0
    var pins: [Pin] = []
    var forcedCost = 0.0
    var bookings: [StaffingSimulation.Booking] = []

    init(peopleCount: Int, projectCount: Int, periods: Int, seed: UInt64, features: ScenarioGenerator.Features) {
        self.peopleCount = peopleCount
        self.projectCount = projectCount
        self.periods = periods
        self.seed = seed
        self.features = features
    }

    func rng(_ stream: Stream) -> SeededGenerator {
        SeededGenerator.stream(seed, stream.rawValue)
    }

    mutating func run() -> (scenario: Scenario, witness: Plan) {
        var policyRNG = rng(.policy)
        let capDraw = Catalog.utilizationCaps[policyRNG.below(Catalog.utilizationCaps.count)]
        let penaltyDraw = Double(100 + 50 * policyRNG.below(9))
        let changeDraw = Double(5 * policyRNG.int(in: 1...5))
        let startChangeDraw = Double(1000 * policyRNG.int(in: 1...5))
        let globalShare = policyRNG.double(0.6, 0.8)
        let demandRatio = policyRNG.double(1.2, 1.6)
        utilizationCap = features.contains(.utilizationCap) ? capDraw : 1

        makeSkills()
        makePeople()
        makeProjects()
        makeWindows()
        makeMandatory()
        makeDependencies()
        scaleHours(ratio: demandRatio)
        findEligible()
        makeValues()
        if features.contains(.pins) { makePins() }
        makeBudgets()

        var policy = Policy(utilizationCap: utilizationCap)
        if features.contains(.assignmentPenalty) { policy.assignmentPenalty = penaltyDraw }
        if features.contains(.changePenalties) {
            policy.changePenaltyPerHour = changeDraw
            policy.startChangePenalty = startChangeDraw
        }
        if features.contains(.globalBudget) {
            let everything = projects.reduce(0) { $0 + $1.cost }
            let share = max(1000, roundTo(everything * globalShare, 1000))
            let forced = (forcedCost * 1.1 / 1000).rounded(.up) * 1000
            policy.budget = max(share, forced)
        }
        let baseline = features.contains(.baseline) ? makeBaseline() : nil

        let scenario = Scenario(
            horizon: Horizon(periods: periods, start: "2027-01-04", unit: .week),
            people: people.map(personValue),
            projects: projects.map(projectValue),
            pins: pins,
            baseline: baseline,
            policy: policy)
        return (scenario, makeWitness())
    }

    /// The plan the pin simulation proved valid (see `ScenarioGenerator.generateWithWitness()`).
    func makeWitness() -> Plan {
        var hours: [Int: Double] = [:]  // (person × projects + project) × 8 + demand) × periods + period
        var order: [Int] = []
        var covered = projects.map { project in project.demands.map { _ in 0.0 } }
        for booking in bookings {
            let key = ((booking.person * projects.count + booking.project) * 8 + booking.demand) * periods + booking.period
            if hours[key] == nil { order.append(key) }
            hours[key, default: 0] += booking.hours
            covered[booking.project][booking.demand] += booking.hours
        }
        let decisions = projects.enumerated().map { j, project in
            guard project.mandatory || project.pinned else { return ProjectDecision(id: project.id, selected: false) }
            var unmet = 0.0
            if project.mandatory {
                for (d, demand) in project.demands.enumerated() {
                    unmet += max(0, demand.hours.reduce(0, +) - covered[j][d])
                }
            }
            return ProjectDecision(id: project.id, selected: true, start: project.earliestStart,
                                   unmetHours: project.mandatory ? unmet : nil)
        }
        let assignments = order.map { key -> Assignment in
            let period = key % periods
            let demand = (key / periods) % 8
            let project = (key / periods / 8) % projects.count
            let person = key / periods / 8 / projects.count
            return Assignment(person: people[person].id, project: projects[project].id,
                              demand: projects[project].demands[demand].resolvedID(skills),
                              period: period, hours: hours[key] ?? 0)
        }
        return Plan(status: .feasible, solver: "generator", projects: decisions, assignments: assignments)
    }

    // MARK: People

    mutating func makeSkills() {
        var r = rng(.skills)
        let count = r.int(in: 5...8)
        var optional = [5, 6, 7]
        r.shuffle(&optional)
        let chosen = Set([0, 1, 2, 3, 4] + optional.prefix(count - 5))
        for (i, entry) in Catalog.skills.enumerated() where chosen.contains(i) {
            skills.append(entry.name)
            skillWeights.append(entry.weight)
        }
    }

    mutating func makePeople() {
        var r = rng(.people)
        var partTimeRNG = rng(.partTime)
        var leaveRNG = rng(.leave)
        var concurrencyRNG = rng(.concurrency)
        let teamCount = max(1, min(Catalog.teams.count, peopleCount / 8))
        people.reserveCapacity(peopleCount)
        for i in 0..<peopleCount {
            let first = Catalog.firstNames[i % Catalog.firstNames.count]
            let initial = Catalog.initials[r.below(Catalog.initials.count)]
            let skillCount = min(skills.count, 1 + r.weighted([0.45, 0.38, 0.17]))
            var weights = skillWeights
            var owned: [(skill: Int, level: Int)] = []
            let primaryLevel = 1 + r.weighted([0.07, 0.25, 0.36, 0.24, 0.08])
            for k in 0..<skillCount {
                let s = r.weighted(weights)
                weights[s] = 0
                let level = k == 0 ? primaryLevel : max(1, primaryLevel - r.int(in: 0...2))
                owned.append((s, level))
            }
            let team = Catalog.teams[r.below(teamCount)]
            let rawCost = 40 + 16 * primaryLevel + 6 * (skillCount - 1) + r.int(in: -10...14)
            let cost = Double(min(150, max(50, rawCost)))

            let partTime = partTimeRNG.chance(0.15)
            let weekly: Double = features.contains(.partTime) && partTime ? 32 : 40
            var capacity = Array(repeating: weekly, count: periods)
            let leaveZeros = drawLeave(&leaveRNG)
            var hasArray = false
            if features.contains(.leave), !leaveZeros.isEmpty {
                for t in leaveZeros { capacity[t] = 0 }
                hasArray = true
            }
            let limited = concurrencyRNG.chance(0.4)
            let limit = 1 + concurrencyRNG.weighted([0.25, 0.45, 0.30])

            people.append(GeneratedPerson(
                id: "\(first.lowercased())-\(padded(i, 4))", name: "\(first) \(initial).",
                skills: owned, team: team, cost: cost, capacity: capacity, hasArray: hasArray,
                maxConcurrent: features.contains(.concurrency) && limited ? limit : nil))
        }
    }

    /// The zero-capacity periods of one person (empty for most).
    func drawLeave(_ r: inout SeededGenerator) -> [Int] {
        let has = r.chance(0.35)
        let kind = r.weighted([0.6, 0.2, 0.2])
        guard has, periods >= 2 else { return [] }
        switch kind {
        case 0:
            let blocks = periods >= 26 ? 1 + r.below(2) : 1
            var zeros: [Int] = []
            for _ in 0..<blocks {
                let length = r.int(in: 1...max(1, min(3, periods / 8)))
                let start = r.below(periods - length + 1)
                zeros.append(contentsOf: start..<(start + length))
            }
            return zeros
        case 1:
            return Array(0..<r.int(in: 1...max(1, periods / 4)))
        default:
            let length = r.int(in: 1...max(1, periods / 4))
            return Array((periods - length)..<periods)
        }
    }

    // MARK: Projects

    mutating func makeProjects() {
        var r = rng(.projects)
        // Each skill's share of the pool (primary skill 0.6 of a person, the others 0.4 together).
        var share = Array(repeating: 0.0, count: skills.count)
        for person in people {
            for (k, owned) in person.skills.enumerated() {
                share[owned.skill] += k == 0 ? 0.6 : 0.4 / Double(person.skills.count - 1)
            }
        }
        if people.isEmpty { share = skillWeights }
        let shareTotal = share.reduce(0, +)
        share = share.map { $0 / shareTotal }
        let available = share.filter { $0 > 0 }.count
        // Skills are drawn half by share, half uniformly; a demand's size is scaled by share ÷ draw
        // probability, so rare skills get small demands while every skill's expected load stays
        // in proportion to its supply.
        let demandWeights = share.map { $0 > 0 ? ($0 + 1 / Double(available)) / 2 : 0 }
        let sizeFactor = share.indices.map { share[$0] > 0 ? share[$0] / demandWeights[$0] : 0 }
        // Levels held per skill, so that a demand's minLevel leaves it a real pool.
        var levelsBySkill = Array(repeating: [Int](), count: skills.count)
        for person in people { for owned in person.skills { levelsBySkill[owned.skill].append(owned.level) } }
        var usedNames = Set<String>()
        var shapes: [Int] = []  // profile shape of each demand, in order
        // Durations stretch with long horizons and shrink with short ones.
        let stretch = periods >= 26 ? Double(periods) / 26 : (periods >= 16 ? 1 : max(0.5, Double(periods) / 16))

        projects.reserveCapacity(projectCount)
        for j in 0..<projectCount {
            var name = ""
            for attempt in 0..<8 {
                let subject = Catalog.subjects[r.below(Catalog.subjects.count)]
                let action = Catalog.actions[r.below(Catalog.actions.count)]
                name = "\(subject) \(action)"
                if !usedNames.contains(name) { break }
                if attempt == 7 {
                    var phase = 2
                    while usedNames.contains("\(subject) \(action) phase \(phase)") { phase += 1 }
                    name = "\(subject) \(action) phase \(phase)"
                }
            }
            usedNames.insert(name)
            let base = 2 + r.weighted([0.10, 0.16, 0.18, 0.16, 0.13, 0.10, 0.08, 0.05, 0.04])
            let duration = min(periods, max(1, Int((Double(base) * stretch).rounded())))
            var project = GeneratedProject(id: "prj-\(padded(j, 3))-\(slug(name))", name: name, duration: duration)

            let demandCount = min(available, 1 + r.weighted([0.30, 0.45, 0.25]))
            var weights = demandWeights
            for _ in 0..<demandCount {
                let s = r.weighted(weights)
                weights[s] = 0
                var minLevel = 1 + r.weighted([0.35, 0.35, 0.22, 0.08])
                // A level that at most a handful of the skill's holders reach is lowered until
                // at least two (or a third of them, if more) qualify: demands are hard, not impossible.
                let holders = levelsBySkill[s]
                let wanted = max(min(2, holders.count), (holders.count + 2) / 3)
                while minLevel > 1 && holders.filter({ $0 >= minLevel }).count < wanted { minLevel -= 1 }
                let shape = r.weighted([0.45, 0.25, 0.15, 0.15])
                let intensity = r.double(0.4, 1.6) * sizeFactor[s]
                project.demands.append(GeneratedDemand(
                    skill: s, minLevel: features.contains(.levels) ? minLevel : 1,
                    hours: [intensity], constant: shape == 0))
                shapes.append(shape)
            }
            projects.append(project)
        }

        // A sparse portfolio runs its projects longer, so that each skill has about one demand
        // at a time rather than single demands the size of the whole pool.
        let concurrency = Double(projects.reduce(0) { $0 + $1.duration }) / Double(periods)
        let wanted = 0.75 * Double(max(1, available))
        let lengthen = concurrency > 0 && concurrency < wanted ? wanted / concurrency : 1
        var next = 0
        for j in projects.indices {
            let duration = min(periods, max(1, Int((Double(projects[j].duration) * lengthen).rounded())))
            projects[j].duration = duration
            for d in projects[j].demands.indices {
                let shape = shapes[next]
                next += 1
                let intensity = projects[j].demands[d].hours.first ?? 1
                var hours = Array(repeating: intensity, count: duration)
                if shape != 0, duration > 1 {
                    let last = Double(duration - 1)
                    for k in 0..<duration {
                        let x = Double(k) / last  // 0 … 1
                        let w: Double
                        switch shape {
                        case 1: w = 0.35 + 0.65 * (1 - abs(2 * x - 1))  // ramp up, then down
                        case 2: w = 0.3 + 0.7 * x  // ramp up
                        default: w = 1 - 0.7 * x  // ramp down
                        }
                        hours[k] = intensity * w
                    }
                }
                projects[j].demands[d].hours = hours
                projects[j].demands[d].constant = shape == 0 || duration == 1
            }
        }
    }

    mutating func makeWindows() {
        var r = rng(.windows)
        for j in projects.indices {
            let duration = projects[j].duration
            let hasStart = r.chance(0.3)
            let startDraw = r.unit()
            let hasDeadline = r.chance(0.35)
            let tight = r.chance(0.4)
            let slackDraw = r.unit()
            guard features.contains(.deadlines) else { continue }
            var start = 0
            if hasStart, periods - duration >= 1 {
                start = 1 + min(periods - duration - 1, Int(startDraw * Double(periods - duration)))
            }
            projects[j].earliestStart = start
            if hasDeadline {
                let wide = max(2, periods / 4)
                let slack = tight ? Int(slackDraw * 2) : 2 + min(wide - 2, Int(slackDraw * Double(wide - 1)))
                projects[j].deadline = min(periods - 1, start + duration - 1 + slack)
            }
        }
    }

    mutating func makeMandatory() {
        var r = rng(.mandatory)
        guard !projects.isEmpty else { return }
        let percent = r.int(in: 5...10)
        let count = max(1, (projects.count * percent + 50) / 100)
        var order = Array(projects.indices)
        r.shuffle(&order)
        guard features.contains(.mandatory) else { return }
        for j in order.prefix(count) { projects[j].mandatory = true }
    }

    mutating func makeDependencies() {
        var r = rng(.dependencies)
        // Earliest start of each project given its window and its dependencies so far.
        var earliest = projects.map(\.earliestStart)
        for j in projects.indices {
            let has = r.chance(0.3)
            let two = r.chance(0.2)
            let span = min(j, 6)
            let picks = [j - 1 - r.below(span), j - 1 - r.below(span)]
            guard features.contains(.dependencies), has, j >= 1, !projects[j].mandatory else { continue }
            for i in picks.prefix(two ? 2 : 1) where i >= 0 && !projects[j].dependsOn.contains(i) {
                let start = max(earliest[j], earliest[i] + projects[i].duration)
                guard start <= projects[j].latestStart(periods) else { continue }
                projects[j].dependsOn.append(i)
                earliest[j] = start
            }
        }
    }

    /// Usable hours of person `p` in period `t` (capacity × utilisation cap).
    func usable(_ p: Int, _ t: Int) -> Double {
        people[p].capacity[t] * utilizationCap
    }

    /// Scales all demand hours together so that total demand is `ratio` × total usable supply,
    /// except that no demand asks in any period for more than 80 % of the weekly hours of the
    /// people qualified for it (such demands are capped and the others scaled up to compensate).
    mutating func scaleHours(ratio: Double) {
        var supply = 0.0
        // Mean usable weekly hours by skill and level: pool[s][l] counts holders with level ≥ l.
        var pool = Array(repeating: Array(repeating: 0.0, count: 6), count: skills.count)
        for p in people.indices {
            var hours = 0.0
            for t in 0..<periods { hours += usable(p, t) }
            supply += hours
            for owned in people[p].skills {
                for level in 1...max(1, min(5, owned.level)) { pool[owned.skill][level] += hours / Double(periods) }
            }
        }
        guard supply > 0 else {
            for j in projects.indices {
                for d in projects[j].demands.indices {
                    projects[j].demands[d].hours = projects[j].demands[d].hours.map { max(1, ($0 * 20).rounded()) }
                }
            }
            return
        }
        // Scale of each demand; nil until it is capped.
        var capped: [[Double?]] = projects.map { $0.demands.map { _ in nil } }
        var factor = 0.0
        for _ in 0..<6 {
            var fixed = 0.0
            var free = 0.0
            for (j, project) in projects.enumerated() {
                for (d, demand) in project.demands.enumerated() {
                    let total = demand.hours.reduce(0, +)
                    if let scale = capped[j][d] { fixed += total * scale } else { free += total }
                }
            }
            guard free > 0 else { break }
            factor = max(0, supply * ratio - fixed) / free
            var changed = false
            for (j, project) in projects.enumerated() {
                for (d, demand) in project.demands.enumerated() where capped[j][d] == nil {
                    let peak = demand.hours.max() ?? 0
                    // The qualified people (level ≥ minLevel) together could staff it alone.
                    let limit = 0.8 * pool[demand.skill][max(1, min(5, demand.minLevel))]
                    if limit > 0, peak > 0, peak * factor > limit {
                        capped[j][d] = limit / peak
                        changed = true
                    }
                }
            }
            if !changed { break }
        }
        for j in projects.indices {
            for d in projects[j].demands.indices {
                let scale = capped[j][d] ?? factor
                projects[j].demands[d].hours = projects[j].demands[d].hours.map { max(1, ($0 * scale).rounded()) }
            }
        }
    }

    mutating func findEligible() {
        // People by skill, so each demand scans only the holders of its skill.
        var holders = Array(repeating: [(person: Int, level: Int)](), count: skills.count)
        for (p, person) in people.enumerated() {
            for owned in person.skills { holders[owned.skill].append((p, owned.level)) }
        }
        for j in projects.indices {
            for d in projects[j].demands.indices {
                let demand = projects[j].demands[d]
                projects[j].demands[d].eligible = holders[demand.skill].filter { $0.level >= demand.minLevel }.map(\.person)
            }
        }
    }

    mutating func makeValues() {
        var r = rng(.values)
        let meanCost = people.isEmpty ? 100 : people.reduce(0) { $0 + $1.cost } / Double(people.count)
        for j in projects.indices {
            var cost = 0.0
            for demand in projects[j].demands {
                let rate = demand.eligible.isEmpty
                    ? meanCost
                    : demand.eligible.reduce(0) { $0 + people[$1].cost } / Double(demand.eligible.count)
                cost += demand.hours.reduce(0, +) * rate
            }
            let kind = r.weighted([0.65, 0.20, 0.15])
            let multiple: Double
            switch kind {
            case 0: multiple = r.double(1.2, 3.0)
            case 1: multiple = r.double(0.9, 1.2)
            default: multiple = r.double(0.4, 0.9)
            }
            projects[j].cost = cost
            projects[j].value = max(1000, roundTo(cost * multiple, 1000))
        }
    }

    mutating func makeBudgets() {
        var r = rng(.budgets)
        for j in projects.indices {
            let has = r.chance(0.3)
            let multiple = r.double(0.85, 1.5)
            guard features.contains(.budgets), has, !projects[j].pinned else { continue }
            projects[j].budget = max(1000, roundTo(projects[j].cost * multiple, 1000))
        }
    }

    // MARK: Pins

    mutating func makePins() {
        guard !projects.isEmpty, !people.isEmpty else { return }
        var r = rng(.pins)
        let target = max(1, projects.count / 20)
        var sim = StaffingSimulation(run: self)
        var mandatory = projects.indices.filter { projects[$0].mandatory && projects[$0].dependsOn.isEmpty }
        var others = projects.indices.filter { !projects[$0].mandatory && projects[$0].dependsOn.isEmpty }
        r.shuffle(&mandatory)
        r.shuffle(&others)
        var usedPeople = Set<Int>()
        var attempts = 0
        for j in mandatory + others {
            guard pins.count < target, attempts < 4 * target + 8 else { break }
            attempts += 1
            let project = projects[j]
            let start = project.earliestStart
            let staffable = project.demands.indices.filter { !project.demands[$0].eligible.isEmpty }
            guard !staffable.isEmpty else { continue }
            let d = staffable[r.below(staffable.count)]
            let candidates = project.demands[d].eligible.filter { !usedPeople.contains($0) }
            guard !candidates.isEmpty else { continue }
            let p = candidates[r.below(candidates.count)]
            let namesDemand = r.chance(0.7)
            let namesPeriod = r.chance(0.2)

            let mark = sim.mark()
            let room = sim.room(person: p, project: j, demand: d, start: start)
            var period: Int?
            let hours: Double
            if namesPeriod, let best = room.indices.max(by: { room[$0] < room[$1] }) {
                hours = min(40, (room[best] * 0.5).rounded(.down))
                period = start + best
            } else {
                hours = min(80, (room.reduce(0, +) * 0.4).rounded(.down))
            }
            guard hours >= 4 else { continue }
            sim.allocate(person: p, project: j, demand: d, start: start, hours: hours, only: period.map { $0 - start })
            if !project.mandatory, !sim.staffFully(project: j, start: start) {
                sim.rollback(to: mark)
                continue
            }
            usedPeople.insert(p)
            projects[j].pinned = true
            pins.append(Pin(
                person: people[p].id, project: project.id,
                demand: namesDemand ? projects[j].demands[d].resolvedID(skills) : nil,
                period: period, hours: hours))
        }
        forcedCost = sim.cost
        bookings = sim.bookings()
    }

    // MARK: Baseline

    func makeBaseline() -> Baseline {
        var r = rng(.baseline)
        var starts = [Int?](repeating: nil, count: projects.count)
        var decisions: [ProjectDecision] = []
        decisions.reserveCapacity(projects.count)
        for (j, project) in projects.enumerated() {
            let pick = r.chance(0.55)
            let delay = r.int(in: 0...2)
            var lower = project.earliestStart
            var ok = project.mandatory || pick
            for i in project.dependsOn {
                guard let s = starts[i] else { ok = false; break }
                lower = max(lower, s + projects[i].duration)
            }
            let latest = project.latestStart(periods)
            if ok, lower <= latest {
                let start = min(latest, lower + delay)
                starts[j] = start
                decisions.append(ProjectDecision(id: project.id, selected: true, start: start))
            } else {
                decisions.append(ProjectDecision(id: project.id, selected: false))
            }
        }

        var room = [Double](repeating: 0, count: people.count * periods)
        for p in people.indices { for t in 0..<periods { room[p * periods + t] = usable(p, t) } }
        var assignments: [Assignment] = []
        for (j, project) in projects.enumerated() {
            guard let start = starts[j] else { continue }
            for demand in project.demands {
                let demandID = demand.resolvedID(skills)
                let eligible = demand.eligible
                guard !eligible.isEmpty else { continue }
                let first = eligible[r.below(eligible.count)]
                var second: Int? = nil
                if eligible.count > 1 {
                    let other = eligible[r.below(eligible.count - 1)]
                    second = other == first ? eligible[eligible.count - 1] : other
                }
                let shares = [r.double(0.4, 0.7), r.double(0.2, 0.4)]
                for (k, person) in [first, second].enumerated() {
                    guard let person else { continue }
                    for offset in 0..<project.duration {
                        let t = start + offset
                        let cell = person * periods + t
                        let hours = min((demand.hours[offset] * shares[k]).rounded(), room[cell].rounded(.down))
                        guard hours >= 1 else { continue }
                        room[cell] -= hours
                        assignments.append(Assignment(person: people[person].id, project: project.id,
                                                      demand: demandID, period: t, hours: hours))
                    }
                }
            }
        }

        // Orphaned work of a person who has since left.
        let orphans = r.chance(0.5)
        if orphans, !assignments.isEmpty {
            let template = assignments[r.below(assignments.count)]
            let departed = "\(Catalog.firstNames[people.count % Catalog.firstNames.count].lowercased())-\(padded(people.count, 4))"
            let hours = Double(8 * r.int(in: 1...3))
            let last = min(periods - 1, template.period + r.below(3))
            for t in template.period...last {
                assignments.append(Assignment(person: departed, project: template.project,
                                              demand: template.demand, period: t, hours: hours))
            }
        }
        return Baseline(projects: decisions, assignments: assignments)
    }

    // MARK: Output

    func personValue(_ person: GeneratedPerson) -> Person {
        var skillMap: [String: Int] = [:]
        for owned in person.skills { skillMap[skills[owned.skill]] = owned.level }
        let weekly = person.capacity.first ?? 40
        return Person(
            id: person.id, name: person.name, skills: skillMap,
            capacity: person.hasArray ? .perPeriod(person.capacity) : .constant(weekly),
            costPerHour: person.cost, maxConcurrentProjects: person.maxConcurrent, team: person.team)
    }

    func projectValue(_ project: GeneratedProject) -> Project {
        Project(
            id: project.id, name: project.name, value: project.value, mandatory: project.mandatory,
            duration: project.duration, earliestStart: project.earliestStart, deadline: project.deadline,
            budget: project.budget, dependsOn: project.dependsOn.map { projects[$0].id },
            demands: project.demands.map { demand in
                Demand(skill: skills[demand.skill], minLevel: demand.minLevel,
                       hours: demand.constant ? .constant(demand.hours.first ?? 0) : .perPeriod(demand.hours))
            })
    }
}

extension GeneratedDemand {
    /// The demand's id in the scenario: its skill (skills are distinct within a project).
    func resolvedID(_ skills: [String]) -> String { skills[skill] }
}

// MARK: - Staffing simulation (proves pins satisfiable)

/// Capacity, concurrency and coverage bookkeeping for the projects that every valid plan
/// must staff (pinned ones), with an undo log so a failed attempt leaves no trace.
private struct StaffingSimulation {
    let periods: Int
    let people: [GeneratedPerson]
    let projects: [GeneratedProject]
    var room: [Double]  // person × period
    var active: [Int: [Int]] = [:]  // person × period → projects with hours there
    var covered: [Int: [Double]] = [:]  // project × 8 + demand → hours covered per offset
    var cost = 0.0
    private var log: [Change] = []

    private enum Change {
        case hours(cell: Int, coverKey: Int, offset: Int, amount: Double, cost: Double)
        case joined(cell: Int)
    }

    init(run: GeneratorRun) {
        periods = run.periods
        people = run.people
        projects = run.projects
        room = [Double](repeating: 0, count: run.people.count * run.periods)
        for p in run.people.indices { for t in 0..<run.periods { room[p * run.periods + t] = run.usable(p, t) } }
    }

    /// Hours booked on one demand of one project in one period.
    struct Booking {
        var person: Int
        var project: Int
        var demand: Int
        var period: Int
        var hours: Double
    }

    /// Every booking still in force, in the order made.
    func bookings() -> [Booking] {
        log.compactMap { change in
            guard case let .hours(cell, key, _, amount, _) = change else { return nil }
            return Booking(person: cell / periods, project: key / 8, demand: key % 8, period: cell % periods, hours: amount)
        }
    }

    func mark() -> Int { log.count }

    mutating func rollback(to mark: Int) {
        while log.count > mark, let change = log.popLast() {
            switch change {
            case let .hours(cell, key, offset, amount, spent):
                room[cell] += amount
                covered[key]?[offset] -= amount
                cost -= spent
            case let .joined(cell):
                _ = active[cell]?.popLast()
            }
        }
    }

    private func coverKey(_ project: Int, _ demand: Int) -> Int { project * 8 + demand }

    private func mayJoin(person p: Int, project j: Int, cell: Int) -> Bool {
        let list = active[cell] ?? []
        if list.contains(j) { return true }
        guard let limit = people[p].maxConcurrent else { return true }
        return list.count < limit
    }

    /// Hours person `p` could still give to demand `d` of project `j` in each project period.
    func room(person p: Int, project j: Int, demand d: Int, start: Int) -> [Double] {
        let demand = projects[j].demands[d]
        let done = covered[coverKey(j, d)]
        return (0..<projects[j].duration).map { offset in
            let t = start + offset
            guard t < periods else { return 0 }
            let cell = p * periods + t
            guard mayJoin(person: p, project: j, cell: cell) else { return 0 }
            return max(0, min(room[cell], demand.hours[offset] - (done?[offset] ?? 0)))
        }
    }

    /// Books `hours` of person `p` on demand `d`, period by period (only at offset `only` when given).
    /// Returns the hours that could not be booked.
    @discardableResult
    mutating func allocate(person p: Int, project j: Int, demand d: Int, start: Int, hours: Double, only: Int? = nil) -> Double {
        var left = hours
        let free = room(person: p, project: j, demand: d, start: start)
        let key = coverKey(j, d)
        if covered[key] == nil { covered[key] = Array(repeating: 0, count: projects[j].duration) }
        for offset in free.indices where left > 1e-9 && free[offset] > 1e-9 {
            if let only, offset != only { continue }
            let amount = min(left, free[offset])
            let cell = p * periods + start + offset
            room[cell] -= amount
            covered[key]?[offset] += amount
            let spent = amount * people[p].cost
            cost += spent
            left -= amount
            log.append(.hours(cell: cell, coverKey: key, offset: offset, amount: amount, cost: spent))
            if !(active[cell] ?? []).contains(j) {
                active[cell, default: []].append(j)
                log.append(.joined(cell: cell))
            }
        }
        return left
    }

    /// Staffs every remaining hour of project `j` started at `start`; `false` when it cannot.
    mutating func staffFully(project j: Int, start: Int) -> Bool {
        for (d, demand) in projects[j].demands.enumerated() {
            let need = demand.hours.reduce(0, +) - (covered[coverKey(j, d)]?.reduce(0, +) ?? 0)
            var left = need
            for p in demand.eligible where left > 1e-9 {
                let want = room(person: p, project: j, demand: d, start: start).reduce(0, +)
                guard want > 1e-9 else { continue }
                left -= want - allocate(person: p, project: j, demand: d, start: start, hours: want)
            }
            if left > 1e-6 { return false }
        }
        return true
    }
}
