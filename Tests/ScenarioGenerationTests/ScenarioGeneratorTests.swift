import CapacityPlanning
import ScenarioGeneration
import Foundation
import Testing

// Tests of the synthetic scenario generator: determinism, the documented effect of each
// feature flag, validity of hundreds of generated scenarios, realism of the aggregate load.

@Suite("ScenarioGenerator")
struct ScenarioGeneratorTests {
    // MARK: Helpers

    /// Total demanded hours over all projects.
    static func demandHours(_ s: Scenario) -> Double {
        s.projects.reduce(0) { acc, project in
            acc + project.demands.reduce(0) { $0 + $1.hours.expanded(to: project.duration).reduce(0, +) }
        }
    }

    /// Total usable hours (capacity × utilisation cap over the horizon).
    static func supplyHours(_ s: Scenario) -> Double {
        s.people.reduce(0) { $0 + $1.capacity.expanded(to: s.horizon.periods).reduce(0, +) } * s.policy.utilizationCap
    }

    /// The spec's section-1 rules that make a scenario invalid, checked independently of
    /// `Scenario.validate()`, plus the generator's own promises (everything fits, pins qualify).
    static func ruleViolations(_ s: Scenario) -> [String] {
        var problems: [String] = []
        func check(_ ok: Bool, _ what: @autoclosure () -> String) { if !ok { problems.append(what()) } }
        func finite(_ x: Double) -> Bool { x.isFinite }
        let periods = s.horizon.periods
        check(s.version == 1, "version")
        check(periods >= 1, "periods")

        var personIDs = Set<String>()
        var levels: [String: [String: Int]] = [:]
        for (i, p) in s.people.enumerated() {
            check(!p.id.isEmpty && personIDs.insert(p.id).inserted, "people[\(i)].id duplicate or empty")
            levels[p.id] = p.skills
            check(p.skills.values.allSatisfy { (1...5).contains($0) }, "people[\(i)].skills level")
            switch p.capacity {
            case .constant(let c): check(c >= 0 && finite(c), "people[\(i)].capacity")
            case .perPeriod(let a):
                check(a.count == periods, "people[\(i)].capacity length \(a.count) ≠ \(periods)")
                check(a.allSatisfy { $0 >= 0 && finite($0) }, "people[\(i)].capacity values")
            }
            check(p.costPerHour >= 0 && finite(p.costPerHour), "people[\(i)].costPerHour")
            if let m = p.maxConcurrentProjects { check(m >= 1, "people[\(i)].maxConcurrentProjects") }
        }

        var projectIndex: [String: Int] = [:]
        for (j, project) in s.projects.enumerated() {
            check(!project.id.isEmpty && projectIndex[project.id] == nil, "projects[\(j)].id duplicate or empty")
            projectIndex[project.id] = j
            check(project.value >= 0 && finite(project.value), "projects[\(j)].value")
            check(project.duration >= 1, "projects[\(j)].duration")
            check(project.earliestStart >= 0, "projects[\(j)].earliestStart")
            check(project.fitsWindow(periods: periods), "projects[\(j)] does not fit its window")
            if let b = project.budget { check(b >= 0 && finite(b), "projects[\(j)].budget") }
            var demandIDs = Set<String>()
            for (k, d) in project.demands.enumerated() {
                check(demandIDs.insert(d.resolvedID).inserted, "projects[\(j)].demands[\(k)] duplicate id")
                check((1...5).contains(d.minLevel), "projects[\(j)].demands[\(k)].minLevel")
                switch d.hours {
                case .constant(let h): check(h >= 0 && finite(h), "projects[\(j)].demands[\(k)].hours")
                case .perPeriod(let a):
                    check(a.count == project.duration, "projects[\(j)].demands[\(k)].hours length")
                    check(a.allSatisfy { $0 >= 0 && finite($0) }, "projects[\(j)].demands[\(k)].hours values")
                }
            }
            check(Set(project.dependsOn).count == project.dependsOn.count, "projects[\(j)].dependsOn repeats")
            for dep in project.dependsOn {
                // Only lower-indexed projects: known and acyclic by construction.
                check(projectIndex[dep] != nil, "projects[\(j)].dependsOn \(dep) unknown or not earlier")
            }
            if project.mandatory { check(project.dependsOn.isEmpty, "projects[\(j)] mandatory with dependencies") }
        }

        var pinnedPeople = Set<String>()
        for (k, pin) in s.pins.enumerated() {
            guard let j = projectIndex[pin.project] else { problems.append("pins[\(k)].project unknown"); continue }
            let project = s.projects[j]
            check(pin.hours > 0 && finite(pin.hours), "pins[\(k)].hours")
            check(personIDs.contains(pin.person), "pins[\(k)].person unknown")
            check(pinnedPeople.insert(pin.person).inserted, "pins[\(k)] person pinned twice")
            check(project.dependsOn.isEmpty, "pins[\(k)] project has dependencies")
            check(project.budget == nil, "pins[\(k)] project has a budget")
            if let t = pin.period { check((0..<periods).contains(t), "pins[\(k)].period outside horizon") }
            let reachable = pin.demand.map { id in project.demands.filter { $0.resolvedID == id } } ?? project.demands
            if pin.demand != nil { check(!reachable.isEmpty, "pins[\(k)].demand unknown") }
            let skills = levels[pin.person] ?? [:]
            check(reachable.contains { (skills[$0.skill] ?? 0) >= $0.minLevel }, "pins[\(k)] person does not qualify")
        }

        if let baseline = s.baseline {
            var decided = Set<String>()
            for (k, d) in baseline.projects.enumerated() {
                check(decided.insert(d.id).inserted, "baseline.projects[\(k)] twice")
                check(!d.selected || d.start != nil, "baseline.projects[\(k)] selected without start")
            }
            var cells = Set<String>()
            for (k, a) in baseline.assignments.enumerated() {
                check(a.hours > 0 && finite(a.hours), "baseline.assignments[\(k)].hours")
                check(cells.insert("\(a.person)|\(a.project)|\(a.demand)|\(a.period)").inserted,
                      "baseline.assignments[\(k)] twice")
                check((0..<periods).contains(a.period), "baseline.assignments[\(k)].period")
            }
        }

        let policy = s.policy
        check(policy.utilizationCap > 0 && policy.utilizationCap <= 1, "policy.utilizationCap")
        check(policy.unmetPenaltyPerHour >= 0 && policy.assignmentPenalty >= 0, "policy penalties")
        check(policy.changePenaltyPerHour >= 0 && policy.startChangePenalty >= 0, "policy change penalties")
        if let b = policy.budget { check(b >= 0 && finite(b), "policy.budget") }
        return problems
    }

    /// A compact description of everything in a scenario, for golden comparisons.
    static func fingerprint(_ s: Scenario) -> UInt64 {
        // FNV-1a over a canonical text rendering (dictionaries sorted, so order-independent).
        var text = "\(s.horizon.periods)"
        for p in s.people {
            let skills = p.skills.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            text += "|\(p.id),\(p.resolvedName),\(skills),\(p.capacity),\(p.costPerHour),\(String(describing: p.maxConcurrentProjects)),\(p.team ?? "")"
        }
        for j in s.projects {
            text += "|\(j.id),\(j.value),\(j.mandatory),\(j.duration),\(j.earliestStart),\(String(describing: j.deadline)),"
            text += "\(String(describing: j.budget)),\(j.dependsOn),"
            text += j.demands.map { "\($0.skill):\($0.minLevel):\($0.hours)" }.joined(separator: ";")
        }
        for pin in s.pins { text += "|\(pin)" }
        if let b = s.baseline { text += "|\(b.projects)|\(b.assignments)" }
        text += "|\(s.policy)"
        // The v1 rendering: version 2's and 3's fields (empty for a v1 scenario) are left out, so the
        // golden fingerprint pins the version-1 generator across the format changes.
        text = text.replacingOccurrences(of: ", balance: []", with: "")
            .replacingOccurrences(of: ", strategicScore: nil, delayCost: nil", with: "")
            .replacingOccurrences(of: ", finish: nil, late: nil, expectedValue: nil", with: "")  // version 3's
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    // MARK: Random numbers

    @Test("SeededGenerator is SplitMix64: reference outputs for seed 0")
    func splitMixReference() {
        var g = SeededGenerator(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(g.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("SeededGenerator: same seed same stream, different seeds differ")
    func seededStreams() {
        var a = SeededGenerator(seed: 12345)
        var b = SeededGenerator(seed: 12345)
        var c = SeededGenerator(seed: 12346)
        let xs = (0..<100).map { _ in a.next() }
        let ys = (0..<100).map { _ in b.next() }
        let zs = (0..<100).map { _ in c.next() }
        #expect(xs == ys)
        #expect(xs != zs)
        // Usable with the standard library's random APIs.
        var d = SeededGenerator(seed: 1)
        let roll = Int.random(in: 1...6, using: &d)
        #expect((1...6).contains(roll))
    }

    // MARK: Determinism

    @Test("same settings → equal scenarios", arguments: [(6, 4, 8), (40, 15, 26), (120, 60, 52)])
    func deterministic(size: (Int, Int, Int)) {
        for seed: UInt64 in [0, 1, 42, .max] {
            let g = ScenarioGenerator(people: size.0, projects: size.1, periods: size.2, seed: seed)
            let a = g.generate()
            let b = g.generate()
            #expect(a == b)
            #expect(Self.fingerprint(a) == Self.fingerprint(b))
        }
    }

    @Test("different seeds → different scenarios")
    func seedsDiffer() {
        var seen = Set<UInt64>()
        for seed: UInt64 in 0..<50 {
            let s = ScenarioGenerator(people: 10, projects: 6, periods: 12, seed: seed).generate()
            seen.insert(Self.fingerprint(s))
        }
        #expect(seen.count == 50)
        let a = ScenarioGenerator(people: 40, projects: 15, periods: 26, seed: 1).generate()
        let b = ScenarioGenerator(people: 40, projects: 15, periods: 26, seed: 2).generate()
        #expect(a != b)
    }

    /// Pins the exact output, so a change of platform, toolchain or generator code that alters
    /// the stream is noticed. Update the constant deliberately when the generator changes.
    @Test("golden fingerprint")
    func golden() {
        let s = ScenarioGenerator(people: 12, projects: 8, periods: 10, seed: 2027).generate()
        #expect(s.people.first?.id == "ada-0000")
        #expect(s.projects.first?.id.hasPrefix("prj-000-") == true)
        #expect(Self.fingerprint(s) == Self.goldenFingerprint, "fingerprint is \(Self.fingerprint(s))")
    }

    static let goldenFingerprint: UInt64 = 15_423_712_892_751_615_192

    // MARK: Feature flags

    struct FlagCase: Sendable, CustomTestStringConvertible {
        let name: String
        let flag: ScenarioGenerator.Features
        /// Holds when the feature is on (for a typical 40 × 40 × 26 scenario).
        let present: @Sendable (Scenario) -> Bool
        /// Holds whenever the feature is off.
        let absent: @Sendable (Scenario) -> Bool
        var testDescription: String { name }
    }

    static let flagCases: [FlagCase] = [
        FlagCase(
            name: "leave", flag: .leave,
            present: { s in s.people.contains { p in p.capacity.expanded(to: s.horizon.periods).contains(0) } },
            absent: { s in
                s.people.allSatisfy { p in
                    if case .constant(let c) = p.capacity { return c > 0 }
                    return false
                }
            }),
        FlagCase(
            name: "partTime", flag: .partTime,
            present: { s in s.people.contains { $0.capacity.expanded(to: s.horizon.periods).contains(32) } },
            absent: { s in s.people.allSatisfy { $0.capacity.expanded(to: s.horizon.periods).allSatisfy { $0 == 40 || $0 == 0 } } }),
        FlagCase(
            name: "mandatory", flag: .mandatory,
            present: { s in
                let count = s.projects.filter(\.mandatory).count
                return count >= 1 && count <= max(1, s.projects.count / 5)
            },
            absent: { s in !s.projects.contains(where: \.mandatory) }),
        FlagCase(
            name: "dependencies", flag: .dependencies,
            present: { s in s.projects.contains { !$0.dependsOn.isEmpty } },
            absent: { s in s.projects.allSatisfy { $0.dependsOn.isEmpty } }),
        FlagCase(
            name: "budgets", flag: .budgets,
            present: { s in s.projects.contains { $0.budget != nil } },
            absent: { s in s.projects.allSatisfy { $0.budget == nil } }),
        FlagCase(
            name: "globalBudget", flag: .globalBudget,
            present: { s in (s.policy.budget ?? 0) > 0 },
            absent: { s in s.policy.budget == nil }),
        FlagCase(
            name: "pins", flag: .pins,
            present: { s in !s.pins.isEmpty && s.pins.count <= max(1, s.projects.count / 20) },
            absent: { s in s.pins.isEmpty }),
        FlagCase(
            name: "baseline", flag: .baseline,
            present: { s in
                guard let b = s.baseline else { return false }
                return b.projects.count == s.projects.count && b.projects.contains(where: \.selected) && !b.assignments.isEmpty
            },
            absent: { s in s.baseline == nil }),
        FlagCase(
            name: "concurrency", flag: .concurrency,
            present: { s in
                s.people.contains { $0.maxConcurrentProjects != nil }
                    && s.people.allSatisfy { ($0.maxConcurrentProjects ?? 1) >= 1 && ($0.maxConcurrentProjects ?? 1) <= 3 }
            },
            absent: { s in s.people.allSatisfy { $0.maxConcurrentProjects == nil } }),
        FlagCase(
            name: "utilizationCap", flag: .utilizationCap,
            present: { s in [0.8, 0.85, 0.9, 0.95, 1.0].contains(s.policy.utilizationCap) },
            absent: { s in s.policy.utilizationCap == 1 }),
        FlagCase(
            name: "assignmentPenalty", flag: .assignmentPenalty,
            present: { s in (100...500).contains(s.policy.assignmentPenalty) },
            absent: { s in s.policy.assignmentPenalty == 0 }),
        FlagCase(
            name: "changePenalties", flag: .changePenalties,
            present: { s in
                (5...25).contains(s.policy.changePenaltyPerHour) && (1000...5000).contains(s.policy.startChangePenalty)
            },
            absent: { s in s.policy.changePenaltyPerHour == 0 && s.policy.startChangePenalty == 0 }),
        FlagCase(
            name: "deadlines", flag: .deadlines,
            present: { s in s.projects.contains { $0.earliestStart > 0 } && s.projects.contains { $0.deadline != nil } },
            absent: { s in s.projects.allSatisfy { $0.earliestStart == 0 && $0.deadline == nil } }),
        FlagCase(
            name: "levels", flag: .levels,
            present: { s in s.projects.contains { $0.demands.contains { $0.minLevel > 1 } } },
            absent: { s in s.projects.allSatisfy { $0.demands.allSatisfy { $0.minLevel == 1 } } }),
    ]

    @Test("every flag is listed in .all")
    func allFlags() {
        let union = Self.flagCases.reduce(into: ScenarioGenerator.Features()) { $0.formUnion($1.flag) }
        #expect(union == .all)
        #expect(Self.flagCases.count == 14)
    }

    @Test("each feature flag on/off has its documented effect", arguments: flagCases)
    func featureFlag(_ flagCase: FlagCase) throws {
        for seed: UInt64 in 1...5 {
            let on = ScenarioGenerator(people: 40, projects: 40, periods: 26, seed: seed).generate()
            let off = ScenarioGenerator(people: 40, projects: 40, periods: 26, seed: seed,
                                        features: ScenarioGenerator.Features.all.subtracting(flagCase.flag)).generate()
            let only = ScenarioGenerator(people: 40, projects: 40, periods: 26, seed: seed, features: flagCase.flag).generate()
            let none = ScenarioGenerator(people: 40, projects: 40, periods: 26, seed: seed, features: []).generate()
            #expect(flagCase.present(on), "\(flagCase.name) on, seed \(seed)")
            #expect(flagCase.present(only), "only \(flagCase.name), seed \(seed)")
            #expect(flagCase.absent(off), "\(flagCase.name) off, seed \(seed)")
            #expect(flagCase.absent(none), "no features, seed \(seed)")
            // Turning a flag off keeps the rest of the cast: same people and project shapes.
            #expect(on.people.map(\.id) == off.people.map(\.id))
            #expect(on.people.map(\.skills) == off.people.map(\.skills))
            #expect(on.people.map(\.costPerHour) == off.people.map(\.costPerHour))
            #expect(on.projects.map(\.id) == off.projects.map(\.id))
            #expect(on.projects.map(\.duration) == off.projects.map(\.duration))
            #expect(on.projects.map { $0.demands.map(\.skill) } == off.projects.map { $0.demands.map(\.skill) })
            for s in [on, off, only, none] {
                #expect(Self.ruleViolations(s).isEmpty, "\(Self.ruleViolations(s))")
                _ = try PlanningProblem(s)
            }
        }
    }

    @Test("no features: a plain scenario")
    func plain() throws {
        let s = ScenarioGenerator(people: 20, projects: 10, periods: 12, seed: 9, features: []).generate()
        #expect(s.pins.isEmpty && s.baseline == nil && s.policy == Policy())
        #expect(s.people.allSatisfy { $0.capacity == .constant(40) && $0.maxConcurrentProjects == nil })
        #expect(s.projects.allSatisfy { !$0.mandatory && $0.budget == nil && $0.dependsOn.isEmpty && $0.deadline == nil })
        _ = try PlanningProblem(s)
    }

    // MARK: Validity at scale

    @Test("500 seeded scenarios of assorted sizes are valid")
    func manyScenariosAreValid() throws {
        var sizes = SeededGenerator(seed: 0x5EED)
        let every = ScenarioGenerator.Features.all.rawValue
        var withOrphans = 0
        for k in 0..<500 {
            let people = Int(sizes.next() % 61)  // 0 … 60
            let projects = Int(sizes.next() % 41)  // 0 … 40
            let periods = 1 + Int(sizes.next() % 40)  // 1 … 40
            // Half with every feature, half with a random subset.
            let features = k % 2 == 0
                ? ScenarioGenerator.Features.all
                : ScenarioGenerator.Features(rawValue: UInt32(truncatingIfNeeded: sizes.next()) & every)
            let seed = sizes.next()
            let generator = ScenarioGenerator(people: people, projects: projects, periods: periods, seed: seed,
                                              features: features)
            let (s, witness) = generator.generateWithWitness()
            let label = "people \(people) projects \(projects) periods \(periods) seed \(seed) features \(features.rawValue)"
            #expect(s.people.count == people && s.projects.count == projects && s.horizon.periods == periods, "\(label)")
            let violations = Self.ruleViolations(s)
            #expect(violations.isEmpty, "\(label): \(violations)")
            let problem: PlanningProblem
            do {
                problem = try PlanningProblem(s)
            } catch {
                Issue.record("\(label): \(error)")
                continue
            }
            // Every project can be selected (fits its window, dependencies included), and
            // every pin reaches a demand its person qualifies for.
            #expect(problem.projects.allSatisfy { $0.canBeSelected }, "\(label)")
            #expect(problem.pins.allSatisfy { !$0.countingDemands.isEmpty }, "\(label)")
            // The only warnings a generated scenario may have are about orphaned baseline work.
            #expect(problem.warnings.allSatisfy { $0.path.hasPrefix("baseline") }, "\(label): \(problem.warnings)")
            // The witness is a valid plan: the scenario is feasible.
            let check = PlanChecker.check(witness, for: problem)
            #expect(check.isValid, "\(label): \(check.violations)")
            let known = Set(s.people.map(\.id))
            if let b = s.baseline, b.assignments.contains(where: { !known.contains($0.person) }) {
                withOrphans += 1
                #expect(!problem.warnings.isEmpty, "\(label): orphaned work is a warning")
            }
        }
        #expect(withOrphans > 50)
    }

    @Test("generated scenarios round-trip through spec JSON")
    func jsonRoundTrip() throws {
        for seed: UInt64 in 1...5 {
            let s = ScenarioGenerator(people: 30, projects: 20, periods: 16, seed: seed).generate()
            let data = try JSONEncoder().encode(s)
            let back = try JSONDecoder().decode(Scenario.self, from: data)
            #expect(back == s)
        }
    }

    @Test("degenerate sizes")
    func degenerate() throws {
        for (people, projects, periods) in [(0, 0, 1), (0, 5, 3), (3, 0, 4), (1, 1, 1), (-2, -3, 0), (2, 30, 1)] {
            let s = ScenarioGenerator(people: people, projects: projects, periods: periods, seed: 3).generate()
            #expect(s.horizon.periods == max(1, periods))
            #expect(s.people.count == max(0, people) && s.projects.count == max(0, projects))
            #expect(Self.ruleViolations(s).isEmpty, "\(Self.ruleViolations(s))")
            _ = try PlanningProblem(s)
        }
    }

    // MARK: Realism

    @Test("demand exceeds supply by 20–60 % in aggregate", arguments: [(6, 5, 6), (40, 15, 26), (100, 40, 26), (300, 100, 52)])
    func demandExceedsSupply(size: (Int, Int, Int)) {
        for seed: UInt64 in 1...10 {
            let s = ScenarioGenerator(people: size.0, projects: size.1, periods: size.2, seed: seed).generate()
            let ratio = Self.demandHours(s) / Self.supplyHours(s)
            // Whole-hour rounding (at least 1 h per entry) moves small scenarios a little, and in a
            // tiny team most demands hit the cap of what their qualified people could staff, so
            // only the upper limit holds there.
            #expect(ratio < 1.7, "\(size) seed \(seed): ratio \(ratio)")
            if size.0 >= 20 { #expect(ratio > 1.15, "\(size) seed \(seed): ratio \(ratio)") }
        }
    }

    @Test("realistic ranges")
    func ranges() {
        let s = ScenarioGenerator(people: 200, projects: 80, periods: 26, seed: 11).generate()
        let skills = Set(s.people.flatMap(\.skills.keys))
        #expect((5...8).contains(skills.count))
        #expect(s.people.allSatisfy { (1...3).contains($0.skills.count) && (50...150).contains($0.costPerHour) })
        #expect(s.people.allSatisfy { $0.team != nil && $0.id.range(of: #"^[a-z]+-\d{4}$"#, options: .regularExpression) != nil })
        #expect(s.projects.allSatisfy { $0.id.range(of: #"^prj-\d{3}-[a-z0-9-]+$"#, options: .regularExpression) != nil })
        #expect(s.projects.allSatisfy { (1...3).contains($0.demands.count) && (2...10).contains($0.duration) })
        #expect(s.projects.allSatisfy { $0.demands.allSatisfy { (1...4).contains($0.minLevel) } })
        let levels = s.people.flatMap(\.skills.values)
        let middle = levels.filter { (2...4).contains($0) }.count
        #expect(Double(middle) / Double(levels.count) > 0.7)
        // Values track cost: most projects are worth doing, some are not.
        #expect(s.projects.allSatisfy { $0.value >= 1000 })
        #expect(s.projects.contains { $0.demands.contains { if case .perPeriod = $0.hours { true } else { false } } })
        #expect(s.projects.contains { $0.demands.contains { if case .constant = $0.hours { true } else { false } } })
        // A global budget of 60–80 % of what selecting everything would cost (staff at the demand's
        // cheapest to dearest qualified rates bracket the generator's mean-rate estimate).
        let dearest = s.people.map(\.costPerHour).max() ?? 0
        let cheapest = s.people.map(\.costPerHour).min() ?? 0
        let hours = Self.demandHours(s)
        let budget = s.policy.budget ?? 0
        #expect(budget <= 0.8 * hours * dearest + 1000 && budget >= 0.6 * hours * cheapest - 1000)
        #expect(s.baseline?.assignments.isEmpty == false)
    }

    @Test("1,000 people × 300 projects × 52 periods is valid (its speed is in the benchmarks)")
    func largest() throws {
        let s = ScenarioGenerator(people: 1000, projects: 300, periods: 52, seed: 77).generate()
        #expect(s.people.count == 1000 && s.projects.count == 300)
        #expect(Self.ruleViolations(s).isEmpty)
        _ = try PlanningProblem(s)
    }
}
