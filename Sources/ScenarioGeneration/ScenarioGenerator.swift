// A deterministic, realistic synthetic scenario generator (spec v1 scenarios, and v2 with the
// version-2 features of `ScenarioGenerator+Version2.swift`).
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

public import CapacityPlanning

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

        /// Every version-1 complication (`everything` adds version 2's).
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

enum Catalog {
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
enum Stream: UInt64 {
    case skills = 1, people, partTime, leave, concurrency, projects, windows, mandatory
    case dependencies, values, budgets, pins, baseline, policy, version2
}

/// `n` in decimal, left-padded with zeros to `width` digits.
func padded(_ n: Int, _ width: Int) -> String {
    let digits = String(n)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

/// Lower-case, spaces to hyphens.
func slug(_ text: String) -> String {
    String(text.lowercased().map { $0 == " " ? "-" : $0 })
}

/// Rounds `x` to the nearest multiple of `step` (half away from zero).
func roundTo(_ x: Double, _ step: Double) -> Double {
    (x / step).rounded() * step
}
