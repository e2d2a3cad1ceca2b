// The plan rules of spec v3's Part B: hires (rule 14) and courses (rule 15). Their capacity,
// qualification and cost enter rules 4, 6 and 8 through `PlanningProblem+Supply.swift`.

extension PlanChecker {
    // MARK: - Reading the plan's hires and courses

    /// The plan's hires as a start per hire instance (`ROLE#K` numbered in the order of their
    /// starts) and its courses as a start per course; entries that name nothing known, repeat, or
    /// hire more than the role allows are violations of rules 14 and 15 and left out.
    static func mapSupply(_ plan: Plan, _ problem: PlanningProblem,
                          _ out: inout [PlanViolation]) -> (hires: [Int: Int], courses: [Int: Int]) {
        var startsByRole: [Int: [Int]] = [:]
        var hiredByRole: [Int: Int] = [:]
        var pairs = Set<[Int]>()
        let roleIndex = Dictionary(problem.roles.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        for (k, hire) in (plan.hires ?? []).enumerated() {
            let at = "hires[\(k)]"
            guard let r = roleIndex[hire.role] else {
                out.append(PlanViolation(.hires, "\(at) names role '\(hire.role)', which the scenario's hiring does not have"))
                continue
            }
            guard hire.count >= 1 else {
                out.append(PlanViolation(.hires, "\(at) hires \(hire.count) '\(hire.role)'; a count is at least 1"))
                continue
            }
            guard pairs.insert([r, hire.start]).inserted else {
                out.append(PlanViolation(.hires, "\(at) repeats role '\(hire.role)' starting in \(hire.start)",
                                         periods: [hire.start]))
                continue
            }
            // Only as many starts as the role has hires are kept; the count is summed apart.
            hiredByRole[r] = min(Int.max / 2, (hiredByRole[r] ?? 0) + min(hire.count, Int.max / 4))
            let room = max(0, problem.roles[r].instances.count + 1 - (startsByRole[r]?.count ?? 0))
            startsByRole[r, default: []] += Array(repeating: Allocation.clamp(hire.start), count: min(hire.count, room))
        }
        var hires: [Int: Int] = [:]
        for (r, starts) in startsByRole {
            let role = problem.roles[r]
            let hired = hiredByRole[r] ?? starts.count
            if hired > role.instances.count {
                out.append(PlanViolation(.hires,
                    "the plan hires \(hired) '\(role.id)'; the role allows \(role.instances.count)",
                    amount: Double(hired - role.instances.count)))
            }
            for (instance, start) in zip(role.instances, starts.sorted()) { hires[instance] = start }
        }

        var courses: [Int: Int] = [:]
        let courseIndex = Dictionary(problem.courses.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        for (k, taken) in (plan.training ?? []).enumerated() {
            let at = "training[\(k)]"
            guard let c = courseIndex[taken.course] else {
                out.append(PlanViolation(.training, "\(at) names course '\(taken.course)', which the scenario's training does not have"))
                continue
            }
            guard courses[c] == nil else {
                out.append(PlanViolation(.training, "\(at) takes course '\(taken.course)' a second time"))
                continue
            }
            courses[c] = Allocation.clamp(taken.start)
        }
        return (hires, courses)
    }

    // MARK: - Rules 14 and 15

    /// Each hire starts in `max(earliestStart, S) … periods − 1`; each course starts no earlier than
    /// `max(earliestStart, S)` and ends by the horizon's end. (A hire's hours before its start and a
    /// course's hours are rule 6's; qualification after a course is rule 4's.)
    static func checkSupply(_ allocation: Allocation, _ problem: PlanningProblem, _ out: inout [PlanViolation]) {
        for (p, start) in allocation.hires.sorted(by: { $0.key < $1.key }) {
            guard let slot = problem.people[p].hire else { continue }
            let role = problem.roles[slot.role]
            let earliest = max(problem.scenario.hiring[slot.role].earliestStart, problem.statusPeriod)
            if start < earliest || start > problem.periodCount - 1 {
                out.append(PlanViolation(.hires,
                    "\(problem.people[p].id) starts in \(start); hires of '\(role.id)' start in \(earliest)…\(problem.periodCount - 1)",
                    people: [problem.people[p].id], periods: [start]))
            }
        }
        for (c, start) in allocation.courses.sorted(by: { $0.key < $1.key }) {
            let course = problem.courses[c]
            let earliest = max(problem.scenario.training[c].earliestStart, problem.statusPeriod)
            if start < earliest || start + course.duration - 1 > problem.periodCount - 1 {
                out.append(PlanViolation(.training,
                    "course '\(course.id)' runs \(start)…\(start + course.duration - 1); it may start from \(earliest) and must end by \(problem.periodCount - 1)",
                    people: [problem.people[course.person].id], periods: [start]))
            }
        }
    }
}
