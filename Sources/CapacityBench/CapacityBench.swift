// capacity-bench: the benchmark ladder (Docs/benchmarks.md).
import ArgumentParser
import CapacityPlanners
import CapacityPlanning
import Foundation

/// The `capacity-bench` command: runs the planners on a ladder of generated scenarios and
/// writes results.json, results.md and SVG charts.
@main
struct CapacityBench: ParsableCommand {
    /// Name, abstract and discussion for `--help`.
    static let configuration = CommandConfiguration(
        commandName: "capacity-bench",
        abstract: "Benchmark the planners on a ladder of generated scenarios.",
        discussion: """
            For each size and seed it generates a scenario with every generator feature on, builds the \
            planning problem, and runs each planner at the time limit, checking every plan with the plan \
            checker (an invalid plan makes the run exit 1). Progress goes to standard error, the results \
            table to standard output, and results.json, results.md, time-vs-size.svg and gap-vs-size.svg \
            to the output folder. See Docs/benchmarks.md.
            """
    )

    /// `--quick`: the CI ladder.
    @Flag(help: "A tiny ladder for CI: 10x5x8, 20x10x12 and 60x25x16, seed 1, 5 s limit (explicit options still win).")
    var quick = false

    /// `--sizes`.
    @Option(help: "Sizes as PEOPLExPROJECTSxPERIODS, comma-separated (default: the full ladder, 10x5x8 … 1000x300x52).")
    var sizes: String?

    /// `--seeds`.
    @Option(help: "Generator seeds, comma-separated (default 1,2; 1 with --quick).")
    var seeds: String?

    /// `--time-limit`.
    @Option(help: "Time limit per planner in seconds (default 60; 5 with --quick).")
    var timeLimit: Double?

    /// `--planners`.
    @Option(help: "Planners to run, comma-separated, from greedy, glpk, auto, lns (default: greedy, glpk, auto, as far as this build has them).")
    var planners: String?

    /// `--output-dir`.
    @Option(help: "Folder for results.json, results.md and the SVG charts (default Docs/benchmarks; with --quick, capacity-bench-quick in the temporary folder, so a CI run never overwrites the published results).")
    var outputDir: String?

    /// `--export-mps`.
    @Option(name: .customLong("export-mps"), help: ArgumentHelp(
        "Write each scenario's JSON, its exact model as free MPS and a .model.json with the objective constant into this folder.",
        valueName: "dir"))
    var exportMPS: String?

    /// `--no-write`.
    @Flag(help: "Write nothing into the output folder (the table still goes to standard output).")
    var noWrite = false

    /// `--isolate`.
    @Flag(help: "Run each scenario in a child process of this executable, so peak memory is per scenario.")
    var isolate = false

    /// `--scenario-timeout`.
    @Option(help: "With --isolate: stop a scenario's child process after this many seconds (default 3 × planners × time limit + 600); what it measured is kept.")
    var scenarioTimeout: Double?

    /// `--merge`.
    @Flag(help: "Merge into the output folder's existing results.json: for the same size and seed, this run's planners replace theirs and the others are kept.")
    var merge = false

    /// `--report-only`.
    @Flag(help: "Run nothing: rewrite results.md and the charts from the output folder's results.json.")
    var reportOnly = false

    /// `--fingerprint`: print every planner's objective on fixed inputs, as JSON (scripts/compare-objectives).
    @Flag(help: "Run nothing of the ladder: print, as JSON, each planner's status and objective on the v1 fixtures and the quick ladder with fixed seeds and move limits (deterministic), for scripts/compare-objectives.")
    var fingerprint = false

    /// `--fixtures DIR`: the fixtures folder of `--fingerprint`.
    @Option(help: "With --fingerprint: the v1 fixtures folder (default ../shared/fixtures, or $CAPACITY_PLANNER_FIXTURES).")
    var fixtures: String?

    /// `--format-version 2`: generate version-2 scenarios (strategy, cost of delay, systems, alternatives,
    /// balance); `3`: version 3's portfolio in flight over those.
    @Option(name: .customLong("format-version"),
            help: "Scenario format of the ladder: 1; 2 with the generator's strategy, cost of delay, systems, alternatives and balance (results in Docs/benchmarks/v2); 3 with the portfolio in flight over those (status, started projects with actuals, flexible lines, due dates, probabilities, synergies; Docs/benchmarks/v3). Default 1.")
    var formatVersion: Int = 1

    /// `--supply`: version 3's supply (roles to hire, courses) over the scenarios (`ScenarioGenerator.supply`).
    @Flag(help: "Add version 3's supply to every scenario: roles to hire for the skills most short of people, and courses (the scenarios become version 3; with --format-version 3 results go to Docs/benchmarks/v3-supply).")
    var supply = false

    /// `--child SIZE:SEED`: run one scenario as the child of an `--isolate` run.
    @Option(help: .hidden)
    var child: String?

    /// `--child-output PATH`: where the child writes its result.
    @Option(help: .hidden)
    var childOutput: String?

    /// The settings the options resolve to.
    struct Resolved {
        /// Sizes in ladder order.
        var sizes: [LadderSize]
        /// Seeds.
        var seeds: [UInt64]
        /// Per-scenario settings.
        var settings: RunSettings
        /// Where the results go.
        var outputDirectory: String
    }

    /// Checks and resolves the options (`--quick` defaults, then explicit options).
    func resolve() throws -> Resolved {
        var ladder = quick ? LadderSize.quick : LadderSize.full
        if let sizes {
            ladder = []
            for text in sizes.split(separator: ",") where !text.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let size = LadderSize(parsing: String(text)) else {
                    throw ValidationError("--sizes: '\(text)' is not PEOPLExPROJECTSxPERIODS with whole numbers ≥ 1 (e.g. 60x25x16)")
                }
                ladder.append(size)
            }
            guard !ladder.isEmpty else { throw ValidationError("--sizes: no size given") }
        }
        var seedList: [UInt64] = quick ? [1] : [1, 2]
        if let seeds {
            seedList = []
            for text in seeds.split(separator: ",") {
                guard let seed = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("--seeds: '\(text)' is not a whole number ≥ 0")
                }
                if !seedList.contains(seed) { seedList.append(seed) }
            }
            guard !seedList.isEmpty else { throw ValidationError("--seeds: no seed given") }
        }
        let limit = timeLimit ?? (quick ? 5 : 60)
        guard limit.isFinite, limit > 0 else { throw ValidationError("--time-limit must be a number of seconds > 0") }
        var kinds = [PlannerKind.greedy, .glpk, .auto].filter(\.isAvailable)
        if let planners {
            kinds = []
            for text in planners.split(separator: ",") {
                let name = text.trimmingCharacters(in: .whitespaces).lowercased()
                guard let kind = PlannerKind(rawValue: name) else {
                    throw ValidationError("--planners: unknown planner '\(name)' (\(PlannerKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                guard kind.isAvailable else {
                    throw ValidationError("--planners: \(name) is not built in (this build has no GLPK)")
                }
                if !kinds.contains(kind) { kinds.append(kind) }
            }
            guard !kinds.isEmpty else { throw ValidationError("--planners: no planner given") }
        }
        if let scenarioTimeout, !(scenarioTimeout.isFinite && scenarioTimeout > 0) {
            throw ValidationError("--scenario-timeout must be a number of seconds > 0")
        }
        if child != nil && childOutput == nil { throw ValidationError("--child needs --child-output") }
        guard (1...3).contains(formatVersion) else { throw ValidationError("--format-version must be 1, 2 or 3") }
        let tag = (formatVersion == 1 ? "" : "v\(formatVersion)") + (supply ? "-supply" : "")
        let output = outputDir ?? (quick
            ? FileManager.default.temporaryDirectory.appendingPathComponent("capacity-bench-quick\(tag.isEmpty ? "" : "-" + tag)").path
            : tag.isEmpty ? "Docs/benchmarks" : "Docs/benchmarks/\(tag)")
        return Resolved(sizes: ladder, seeds: seedList,
                        settings: RunSettings(timeLimit: limit, planners: kinds, exportDirectory: exportMPS,
                                              formatVersion: formatVersion, supply: supply),
                        outputDirectory: output)
    }

    /// Runs the ladder (or, with `--child`, one scenario for a parent process).
    func run() throws {
        if fingerprint {
            let directory = fixtures ?? ProcessInfo.processInfo.environment["CAPACITY_PLANNER_FIXTURES"] ?? "../shared/fixtures"
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(Fingerprint(fixturesDirectory: directory).lines())
            print(String(decoding: data, as: UTF8.self))
            return
        }
        let resolved = try resolve()
        if let child, let childOutput {
            try runChild(child, output: childOutput, settings: resolved.settings)
            return
        }
        if reportOnly {
            guard let previous = ReportWriter.read(from: resolved.outputDirectory) else {
                throw ValidationError("--report-only: no readable results.json in \(resolved.outputDirectory)")
            }
            let writer = ReportWriter(run: previous, external: try ReportWriter.readExternal(from: resolved.outputDirectory))
            print(writer.markdown())
            if !noWrite { try writer.write(to: resolved.outputDirectory) }
            return
        }
        let jobs = resolved.sizes.flatMap { size in resolved.seeds.map { (size, $0) } }
        let timeout = scenarioTimeout
            ?? (3 * Double(resolved.settings.planners.count) * resolved.settings.timeLimit + 600)
        log("capacity-bench: \(jobs.count) scenario(s), planners \(resolved.settings.planners.map(\.rawValue).joined(separator: ", ")), "
            + "time limit \(Format.seconds(resolved.settings.timeLimit))\(isolate ? ", isolated (timeout \(Format.seconds(timeout)))" : "")")
        var results: [ScenarioResult] = []
        let began = ContinuousClock.now
        for (k, job) in jobs.enumerated() {
            log("[\(k + 1)/\(jobs.count)] \(job.0.pretty) seed \(job.1)")
            var result = isolate
                ? IsolatedRunner(settings: resolved.settings, timeout: timeout).run(size: job.0, seed: job.1)
                : ScenarioRunner(settings: resolved.settings).run(size: job.0, seed: job.1)
            result.summarise()
            results.append(result)
        }
        log("capacity-bench: done in \(Format.seconds(Measure.seconds(since: began)))")

        var scenarios = results
        var plannerNames = resolved.settings.planners.map(\.rawValue)
        if merge, let previous = ReportWriter.read(from: resolved.outputDirectory) {
            var byKey: [String: ScenarioResult] = [:]
            for s in previous.scenarios { byKey["\(s.size):\(s.seed)"] = s }
            scenarios = results.map { byKey.removeValue(forKey: "\($0.size):\($0.seed)")?.merged(with: $0) ?? $0 }
                + byKey.values
            plannerNames = previous.planners + plannerNames.filter { !previous.planners.contains($0) }
            if previous.timeLimit != resolved.settings.timeLimit {
                log("capacity-bench: warning: merging results with time limit \(Format.seconds(previous.timeLimit)) into this run's \(Format.seconds(resolved.settings.timeLimit))")
            }
        }
        scenarios.sort { ($0.size, $0.seed) < ($1.size, $1.seed) }
        let run = BenchmarkRun(timeLimit: resolved.settings.timeLimit,
                               planners: plannerNames,
                               isolated: isolate, environment: Self.environment(), scenarios: scenarios)
        let writer = ReportWriter(run: run, external: (try? ReportWriter.readExternal(from: resolved.outputDirectory)) ?? [])
        print(writer.markdown())
        if !noWrite {
            do {
                try writer.write(to: resolved.outputDirectory)
                log("capacity-bench: wrote results.json, results.md, time-vs-size.svg and gap-vs-size.svg to \(resolved.outputDirectory)")
            } catch {
                log("capacity-bench: cannot write to \(resolved.outputDirectory): \(error)")
                throw ExitCode(1)
            }
        }

        let failures = results.filter { $0.hasFailure || ($0.incomplete != nil && $0.generateSeconds != nil && $0.problemSeconds == nil) }
        if !failures.isEmpty {
            log("capacity-bench: FAILED: \(failures.count) scenario(s) had an invalid plan or a planner failure:")
            for s in failures {
                for r in s.planners where r.isFailure {
                    log("  \(s.label): \(r.planner): " + (r.error ?? (r.violations ?? []).joined(separator: "; ")))
                }
                if let why = s.incomplete, !s.planners.contains(where: \.isFailure) { log("  \(s.label): \(why)") }
            }
            throw ExitCode(1)
        }
    }

    /// Runs one scenario and writes its (partial, then final) result to `output`.
    private func runChild(_ spec: String, output: String, settings: RunSettings) throws {
        let parts = spec.split(separator: ":")
        guard parts.count == 2, let size = LadderSize(parsing: String(parts[0])), let seed = UInt64(parts[1]) else {
            throw ValidationError("--child: expected SIZE:SEED, got '\(spec)'")
        }
        let url = URL(fileURLWithPath: output)
        let encoder = JSONEncoder()
        var runner = ScenarioRunner(settings: settings)
        runner.onStage = { partial in
            if let data = try? encoder.encode(partial) { try? data.write(to: url, options: .atomic) }
        }
        _ = runner.run(size: size, seed: seed)
    }

    /// The machine and build of this run.
    static func environment() -> RunEnvironment {
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        let info = ProcessInfo.processInfo
        let formatter = ISO8601DateFormatter()
        return RunEnvironment(build: build, glpk: PlannerKind.glpk.isAvailable, cores: info.activeProcessorCount,
                              memoryGiB: Double(info.physicalMemory) / 1_073_741_824,
                              system: info.operatingSystemVersionString, date: formatter.string(from: Date()))
    }
}
