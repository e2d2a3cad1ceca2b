// The greedy planner's static view of a problem: dense arrays, person orders and priorities,
// computed once per solve and shared by construction and the local search.
import CapacityPlanning

/// Immutable, dense data the greedy planner reads in its inner loops.
///
/// Everything is indexed by the `PlanningProblem`'s dense indices; nothing here is a
/// dictionary that decisions iterate over (lookups only), so runs are deterministic.
final class GreedyIndex {
    let problem: PlanningProblem
    let periods: Int
    let personCount: Int
    let projectCount: Int
    let demandCount: Int

    // People.
    let cost: [Double]
    /// Usable hours, `person * periods + t`.
    let capacity: [Double]
    /// `Int.max` when unlimited.
    let maxConcurrent: [Int]
    let levels: [[Int]]

    // Projects.
    let duration: [Int]
    let value: [Double]
    let mandatory: [Bool]
    let required: [Bool]
    /// `.infinity` when the project has no budget.
    let budget: [Double]
    let budgetTolerance: [Double]
    /// Own start range (window, dependencies' earliest finishes, required dependents, pinned periods).
    let rangeLower: [Int]
    let rangeUpper: [Int]
    let selectable: [Bool]
    let dependencies: [[Int]]
    let dependents: [[Int]]
    let projectDemands: [[Int]]
    /// Position of each project in the problem's topological order.
    let topoPosition: [Int]
    /// Demands of each project, the scarcest first.
    let staffingOrder: [[Int]]
    /// A project whose demands ask for hours nobody qualifies for can never be fully staffed.
    let staffable: [Bool]

    // Demands.
    let demandProject: [Int]
    let demandLocal: [Int]
    let need: [[Double]]
    let needTolerance: [[Double]]
    let demandSkill: [Int]
    let demandMinLevel: [Int]
    let eligible: [[Int]]
    /// Eligible people, fewest alternative uses first, then cheapest.
    let scarcityOrder: [[Int]]
    /// Eligible people, cheapest first, then fewest alternative uses.
    let costOrder: [[Int]]
    /// Hours of each demand a qualified person would carry if it were shared evenly (0 when its
    /// project can never be selected).
    let demandShare: [Double]
    /// Σ `demandShare` over the demands each person qualifies for: their expected load.
    let expectedLoad: [Double]
    /// Usable hours of each person over the horizon.
    let totalCapacity: [Double]

    // Policy.
    let unmetPenalty: Double
    let assignmentPenalty: Double
    let changePenalty: Double
    let startChangePenalty: Double
    let globalBudget: Double
    let globalBudgetTolerance: Double

    // Baseline.
    /// Baseline start per project, -1 when the baseline does not select it.
    let baselineStart: [Int]
    /// Baseline hours per demand cell `demand * periods + t`: (person, hours), people ascending.
    let baselineByCell: [[(person: Int, hours: Double)]]
    let baselineTotal: Double
    let baselineStartCount: Int

    // Pins.
    let pins: [PinInfo]
    let pinsOfPerson: [[Int]]
    /// Pins of each project, the most specific first.
    let pinsOfProject: [[Int]]

    /// Strategic value, cost of delay, systems, alternatives and balance (spec v2).
    let portfolio: GreedyPortfolio

    /// Static priority of each project for construction (higher first).
    let priority: [Double]
    /// Σ over demands of eligible people × duration: the size measure for search effort.
    let eligibleCells: Int

    /// Indexes `problem`; `inFlight` prices a reduction of the portfolio in flight (`GreedyInFlightReduction`).
    init(problem: PlanningProblem, inFlight: GreedyInFlightTerms? = nil) {
        self.problem = problem
        let periods = problem.periodCount
        self.periods = periods
        let people = problem.people
        let projects = problem.projects
        let demands = problem.demands
        personCount = people.count
        projectCount = projects.count
        demandCount = demands.count
        let policy = problem.policy

        cost = people.map { max(0, $0.costPerHour) }
        var capacity = [Double](repeating: 0, count: people.count * periods)
        for person in people {
            for t in 0..<periods where t < person.capacity.count {
                capacity[person.index * periods + t] = max(0, person.capacity[t])
            }
        }
        self.capacity = capacity
        maxConcurrent = people.map { $0.maxConcurrentProjects.map { max(0, $0) } ?? Int.max }
        levels = people.map(\.levels)

        duration = projects.map(\.duration)
        value = projects.map(\.value)
        mandatory = projects.map(\.mandatory)
        required = projects.map(\.required)
        budget = projects.map { $0.budget ?? .infinity }
        let portfolio = GreedyPortfolio(problem: problem, inFlight: inFlight)
        self.portfolio = portfolio
        budgetTolerance = projects.map { $0.budget.map { Tolerance.of($0) } ?? 0 }
        rangeLower = projects.map { $0.startRange?.lowerBound ?? 0 }
        rangeUpper = projects.map { $0.startRange?.upperBound ?? -1 }
        selectable = projects.map(\.canBeSelected)
        dependencies = projects.map(\.dependencies)
        dependents = projects.map(\.dependents)
        projectDemands = projects.map(\.demands)
        var topo = [Int](repeating: 0, count: projects.count)
        for (position, j) in problem.topologicalOrder.enumerated() where topo.indices.contains(j) { topo[j] = position }
        topoPosition = topo

        demandProject = demands.map(\.project)
        var local = [Int](repeating: 0, count: demands.count)
        for project in projects { for (k, d) in project.demands.enumerated() { local[d] = k } }
        demandLocal = local
        need = demands.map { $0.hours.map { max(0, $0) } }
        needTolerance = demands.map { $0.hours.map { Tolerance.of($0) } }
        demandSkill = demands.map(\.skill)
        demandMinLevel = demands.map(\.minLevel)
        eligible = demands.map(\.eligiblePeople)

        unmetPenalty = max(0, policy.unmetPenaltyPerHour)
        assignmentPenalty = max(0, policy.assignmentPenalty)
        changePenalty = max(0, policy.changePenaltyPerHour)
        startChangePenalty = max(0, policy.startChangePenalty)
        globalBudget = policy.budget ?? .infinity
        globalBudgetTolerance = policy.budget.map { Tolerance.of($0) } ?? 0

        // Baseline on dense arrays; the dictionary is read by key only.
        var baselineStart = [Int](repeating: -1, count: projects.count)
        var startCount = 0
        for j in projects.indices {
            if let s = problem.baseline.starts[j] {
                baselineStart[j] = s
                startCount += 1
            }
        }
        self.baselineStart = baselineStart
        baselineStartCount = startCount
        var byCell = [[(person: Int, hours: Double)]](repeating: [], count: demands.count * periods)
        var total = 0.0
        let sortedBaseline = problem.baseline.hours.sorted {
            ($0.key.demand, $0.key.period, $0.key.person) < ($1.key.demand, $1.key.period, $1.key.person)
        }
        for (cell, hours) in sortedBaseline where hours > 0 {
            guard cell.demand >= 0, cell.demand < demands.count, cell.person >= 0, cell.person < people.count,
                  cell.period >= 0, cell.period < periods else { continue }
            byCell[cell.demand * periods + cell.period].append((cell.person, hours))
            total += hours
        }
        baselineByCell = byCell
        baselineTotal = total

        // Pins.
        pins = problem.pins
        var ofPerson = [[Int]](repeating: [], count: people.count)
        var ofProject = [[Int]](repeating: [], count: projects.count)
        for (k, pin) in problem.pins.enumerated() {
            if ofPerson.indices.contains(pin.person) { ofPerson[pin.person].append(k) }
            if ofProject.indices.contains(pin.project) { ofProject[pin.project].append(k) }
        }
        for j in ofProject.indices {
            ofProject[j].sort { a, b in
                let ka = (problem.pins[a].period == nil ? 1 : 0) + (problem.pins[a].demand == nil ? 1 : 0)
                let kb = (problem.pins[b].period == nil ? 1 : 0) + (problem.pins[b].demand == nil ? 1 : 0)
                return ka != kb ? ka < kb : a < b
            }
        }
        pinsOfPerson = ofPerson
        pinsOfProject = ofProject

        // Scarcity: how much of each person the selectable demands would expect if shared evenly.
        var totalCapacity = [Double](repeating: 0, count: people.count)
        for p in people.indices {
            var sum = 0.0
            for t in 0..<periods { sum += capacity[p * periods + t] }
            totalCapacity[p] = sum
        }
        var expected = [Double](repeating: 0, count: people.count)
        var shares = [Double](repeating: 0, count: demands.count)
        var cells = 0
        for demand in demands where projects[demand.project].canBeSelected {
            let list = demand.eligiblePeople
            cells += list.count * projects[demand.project].duration
            guard !list.isEmpty, demand.totalHours > 0 else { continue }
            let share = demand.totalHours / Double(list.count)
            shares[demand.index] = share
            for p in list { expected[p] += share }
        }
        demandShare = shares
        expectedLoad = expected
        self.totalCapacity = totalCapacity
        eligibleCells = cells
        let pressure = people.indices.map { expected[$0] / max(1, totalCapacity[$0]) }

        var scarcity: [[Int]] = []
        var byCost: [[Int]] = []
        scarcity.reserveCapacity(demands.count)
        byCost.reserveCapacity(demands.count)
        var demandPressure = [Double](repeating: 0, count: demands.count)
        for demand in demands {
            let list = demand.eligiblePeople
            var pressureSum = 0.0
            for p in list { pressureSum += pressure[p] }
            demandPressure[demand.index] = list.isEmpty ? 0 : pressureSum / Double(list.count)
            let classes = list.map {
                Self.alternativeClass(load: expected[$0], own: shares[demand.index], capacity: totalCapacity[$0])
            }
            let cost = self.cost
            let indices = Array(list.indices)
            scarcity.append(indices.sorted { a, b in
                (classes[a], cost[list[a]], list[a]) < (classes[b], cost[list[b]], list[b])
            }.map { list[$0] })
            byCost.append(indices.sorted { a, b in
                (cost[list[a]], classes[a], list[a]) < (cost[list[b]], classes[b], list[b])
            }.map { list[$0] })
        }
        scarcityOrder = scarcity
        costOrder = byCost

        let personCost = self.cost
        // Priority: what a project adds (value − estimated staff cost) per hour it uses, each hour
        // weighted by how contested its skill is. (Also weighting the estimated cost by the
        // tightness of a portfolio budget made the plans worse on the fixtures and generated
        // scenarios alike: the search's budget moves handle that better.)
        var staffingOrder: [[Int]] = []
        var staffable: [Bool] = []
        var hourWeights: [Double] = []
        var gains: [Double] = []
        for project in projects {
            let own = project.demands
            staffingOrder.append(own.sorted { a, b in
                let ra = demandPressure[a] * (demands[a].eligiblePeople.isEmpty ? 1e9 : 1)
                let rb = demandPressure[b] * (demands[b].eligiblePeople.isEmpty ? 1e9 : 1)
                return ra != rb ? ra > rb : a < b
            })
            var canStaff = true
            var estimate = 0.0
            var weight = 0.0
            for d in own where demands[d].totalHours > 0 {
                let list = demands[d].eligiblePeople
                if list.isEmpty {
                    canStaff = false
                    continue
                }
                let meanCost = list.reduce(0.0) { $0 + personCost[$1] } / Double(list.count)
                estimate += demands[d].totalHours * meanCost
                weight += demands[d].totalHours * max(0.05, demandPressure[d])
            }
            staffable.append(canStaff)
            let best = portfolio.worthTable.isEmpty ? project.bestWorth
                : project.startRange.map { portfolio.worth(project.index, $0.lowerBound, value: project.value) } ?? project.value
            var gain = best - estimate
            if let s = problem.baseline.starts[project.index], project.startRange?.contains(s) == true {
                gain += startChangePenalty
            }
            hourWeights.append(weight)
            gains.append(gain)
        }
        var priority: [Double] = []
        for project in projects {
            let j = project.index
            priority.append(hourWeights[j] <= 0 ? (gains[j] > 0 ? 1e18 : gains[j]) : gains[j] / hourWeights[j])
        }
        self.staffingOrder = staffingOrder
        self.staffable = staffable
        self.priority = priority
    }

    /// How much other work competes for a person, in coarse classes: 0 when none, then by the share
    /// of their capacity that other demands would expect (quarters, up to 5). Coarse on purpose, so
    /// that cost decides between people with similar alternatives.
    static func alternativeClass(load: Double, own: Double, capacity: Double) -> Int {
        let alternative = max(0, load - own) / max(1, capacity)
        return alternative <= 1e-9 ? 0 : 1 + min(4, Int(alternative / 0.25))
    }

    /// The eligible people of demand `d`, fewest alternative uses first (given each person's
    /// expected `load`, which counts `d` itself when `includesOwn`), then cheapest.
    func scarcityOrder(of d: Int, load: [Double], includesOwn: Bool = true) -> [Int] {
        let list = eligible[d]
        let own = includesOwn ? demandShare[d] : 0
        let classes = list.map { Self.alternativeClass(load: load[$0], own: own, capacity: totalCapacity[$0]) }
        return Array(list.indices).sorted { a, b in
            (classes[a], cost[list[a]], list[a]) < (classes[b], cost[list[b]], list[b])
        }.map { list[$0] }
    }

    /// Whether person `p` qualifies for demand `d`.
    @inline(__always)
    func qualifies(_ p: Int, _ d: Int) -> Bool {
        let s = demandSkill[d]
        let own = levels[p]
        return s < own.count && own[s] >= demandMinLevel[d]
    }

    /// Baseline hours of person `p` on demand `d` in period `t`.
    @inline(__always)
    func baseline(_ p: Int, _ d: Int, _ t: Int) -> Double {
        guard baselineTotal > 0 else { return 0 }
        for entry in baselineByCell[d * periods + t] where entry.person == p { return entry.hours }
        return 0
    }
}
