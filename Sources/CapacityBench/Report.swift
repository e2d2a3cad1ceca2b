// results.json, results.md and the SVG charts of a run.
import CapacityPlanning
import Foundation

/// Writes a run's results into an output folder.
struct ReportWriter {
    /// The run.
    var run: BenchmarkRun
    /// External solvers' results on the same scenarios' exported models (`external.json`), if any.
    var external: [ExternalResult] = []

    /// Writes `results.json`, `results.md`, `time-vs-size.svg` and `gap-vs-size.svg` into `directory`.
    func write(to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let url = URL(fileURLWithPath: directory)
        try encoder.encode(run).write(to: url.appendingPathComponent("results.json"))
        try Data(markdown().utf8).write(to: url.appendingPathComponent("results.md"))
        try Data(timeChart().svg().utf8).write(to: url.appendingPathComponent("time-vs-size.svg"))
        try Data(gapChart().svg().utf8).write(to: url.appendingPathComponent("gap-vs-size.svg"))
    }

    /// Reads the `external.json` that `scripts/highs_compare.py` writes into `directory`;
    /// empty when there is none. A file that exists but cannot be read is an error.
    static func readExternal(from directory: String) throws -> [ExternalResult] {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("external.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        return try JSONDecoder().decode([ExternalResult].self, from: Data(contentsOf: url))
    }

    /// Reads a `results.json` written earlier, or `nil` if there is none or it cannot be read.
    static func read(from directory: String) -> BenchmarkRun? {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("results.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(BenchmarkRun.self, from: data)
    }

    // MARK: - Markdown

    /// The results as Markdown: a model table, a planner table, notes and growth fits.
    func markdown() -> String {
        let env = run.environment
        let names = run.planners
        var md = "# Benchmark ladder results\n\n"
        md += "`capacity-bench` \(env.build) build\(env.glpk ? " with GLPK" : " without GLPK"), \(env.date), "
        md += "\(env.cores) cores, \(String(format: "%.0f", env.memoryGiB)) GiB, \(env.system). "
        md += "Time limit \(Format.seconds(run.timeLimit)) per planner; "
        md += run.isolated ? "each scenario in its own child process (`--isolate`).\n\n" : "all scenarios in one process (peak memory is cumulative).\n\n"
        md += "Sizes are people×projects×periods; *cells* are eligible (person, demand, period) cells. "
        md += "Gaps are `(bound − objective) / max(1, |objective|)`; *best bound* is the smallest bound an exact planner proved. "
        md += "Docs/benchmarks.md explains every column.\n\n"

        md += "## Problem and model\n\n"
        md += "| size | seed | demands | cells | generate | problem | model build | rows | columns | non-zeros | binaries | peak MiB | load |\n"
        md += "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n"
        for s in run.scenarios {
            let model = s.result("glpk")?.model ?? s.result("auto")?.model
            md += "| \(s.size.pretty) | \(s.seed) | \(s.demands.map(\.grouped) ?? "–") | \(s.eligibleCells.map(\.grouped) ?? "–") "
            md += "| \(Format.seconds(s.generateSeconds)) | \(Format.seconds(s.problemSeconds)) | \(Format.seconds(s.result("glpk")?.modelBuildSeconds)) "
            md += "| \(model.map(\.rows.grouped) ?? "–") | \(model.map(\.columns.grouped) ?? "–") "
            md += "| \(model.map(\.nonZeros.grouped) ?? "–") | \(model.map(\.binaries.grouped) ?? "–") | \(mebibytes(s.peakMemoryMiB)) "
            md += "| \(s.loadAverage.map { String(format: "%.1f", $0) } ?? "–") |\n"
        }

        if names.contains("greedy") {
            md += "\n## Greedy\n\n"
            md += "| size | seed | construction | construction objective | greedy time | greedy objective | gap to best bound | best bound |\n"
            md += "|---|--:|--:|--:|--:|--:|--:|--:|\n"
            for s in run.scenarios {
                let construction = s.result(PlannerResult.greedyConstruction)
                let r = s.result("greedy")
                md += "| \(s.size.pretty) | \(s.seed) | \(Format.seconds(construction?.seconds)) | \(Format.wholeMoney(construction?.objective)) "
                md += "| \(Format.seconds(r?.seconds)) | \(Format.wholeMoney(r?.objective)) | \(Format.gap(s.greedyGapToBestBound)) | \(Format.wholeMoney(s.bestBound)) |\n"
            }
        }

        let others = names.filter { $0 != "greedy" }
        if !others.isEmpty {
            md += "\n## Exact and search planners\n\n"
            var header = "| size | seed |"
            var align = "|---|--:|"
            for name in others {
                if name == "glpk" {
                    header += " glpk first incumbent |"
                    align += "--:|"
                }
                header += " \(name) time | \(name) CPU | \(name) objective | \(name) bound | \(name) gap | \(name) status |"
                align += "--:|--:|--:|--:|--:|---|"
            }
            md += header + "\n" + align + "\n"
            for s in run.scenarios {
                var row = "| \(s.size.pretty) | \(s.seed) |"
                for name in others {
                    let r = s.result(name)
                    if name == "glpk" { row += " \(Format.seconds(r?.firstIncumbentSeconds)) |" }
                    row += " \(Format.seconds(r?.seconds)) | \(Format.seconds(r?.cpuSeconds)) | \(Format.wholeMoney(r?.objective)) | \(Format.wholeMoney(r?.bound)) | \(Format.gap(r?.gap)) "
                    row += "| \(r.map(statusText) ?? "–") |"
                }
                md += row + "\n"
            }
        }

        md += overTime()
        md += againstExternal()

        let notes = run.scenarios.flatMap { s in
            s.planners.compactMap { r -> String? in
                let text = [r.note, r.error].compactMap { $0 }.joined(separator: "; ")
                guard !text.isEmpty, !r.planner.hasPrefix("greedy") || r.error != nil else { return nil }
                return "| \(s.size.pretty) | \(s.seed) | \(r.planner) | \(text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")) |"
            }
        }
        if !notes.isEmpty {
            md += "\n## Notes (`details.note`)\n\n| size | seed | planner | note |\n|---|--:|---|---|\n"
            md += notes.joined(separator: "\n") + "\n"
        }
        let incomplete = run.scenarios.filter { $0.incomplete != nil }
        if !incomplete.isEmpty {
            md += "\n## Incomplete scenarios\n\n"
            for s in incomplete { md += "- \(s.size.pretty) seed \(s.seed): \(s.incomplete ?? "")\n" }
        }

        md += "\n## Growth\n\n"
        md += "Least-squares fit of log(time) against log(eligible cells): time ∝ cells^k.\n\n"
        md += "| series | k | scenarios | R² |\n|---|--:|--:|--:|\n"
        var fits: [(String, [PointPair])] = [
            ("greedy time", points { $0.result("greedy")?.seconds }),
            ("greedy construction (move limit 0)", points { $0.result(PlannerResult.greedyConstruction)?.seconds }),
        ]
        if names.contains("glpk") {
            fits.append(("glpk model build", points { $0.result("glpk")?.modelBuildSeconds }))
            fits.append(("model non-zeros", points { s in (s.result("glpk")?.model?.nonZeros).map(Double.init) }))
        }
        fits.append(("peak memory", points { $0.peakMemoryMiB }))
        for (name, pairs) in fits {
            if let fit = GrowthFit(pairs) {
                md += "| \(name) | \(String(format: "%.2f", fit.exponent)) | \(pairs.count) | \(String(format: "%.3f", fit.r2)) |\n"
            }
        }
        let failures = run.scenarios.filter(\.hasFailure)
        md += failures.isEmpty ? "\nEvery plan passed `PlanChecker.check`.\n"
            : "\n**\(failures.count) scenario(s) had a planner failure or an invalid plan** (see results.json).\n"
        return md
    }

    /// The moments of the over-time table: 1, 5, 15 and 30 s where below the limit, and the limit.
    var checkpoints: [Double] {
        [1.0, 5, 15, 30].filter { $0 < run.timeLimit - 1e-9 } + [run.timeLimit]
    }

    /// Objective and bound over time, from the planners' traces, for scenarios of 60 people or more.
    func overTime() -> String {
        let scenarios = run.scenarios.filter { $0.size.people >= 60 && $0.planners.contains { $0.trace != nil } }
        guard !scenarios.isEmpty else { return "" }
        let names = run.planners.filter { $0 != PlannerResult.greedyConstruction }
        var md = "\n## Over time\n\n"
        md += "Each planner's incumbent objective (and, after the slash, its own bound) at each moment of its run, "
        md += "from its progress reports; *best bound* is the smallest bound any exact planner proved on the scenario, "
        md += "and the last column is the final plan's distance to it. – : no plan yet (for glpk, often still building "
        md += "the model or solving the root LP). A planner that finished earlier keeps its final value.\n\n"
        md += "| size | seed | planner |" + checkpoints.map { " at \(Format.seconds($0)) |" }.joined() + " best bound | final gap to best bound |\n"
        md += "|---|--:|---|" + String(repeating: "--:|", count: checkpoints.count) + "--:|--:|\n"
        for s in scenarios {
            for name in names {
                guard let r = s.result(name), let trace = r.trace, !r.isFailure else { continue }
                let end = r.seconds ?? run.timeLimit
                var row = "| \(s.size.pretty) | \(s.seed) | \(name) |"
                for t in checkpoints {
                    // A finished planner's result holds from its end on; the checker's objective is the final word.
                    let point = t >= end ? TracePoint(seconds: end, objective: r.objective, bound: r.bound) : TracePoint.at(t, in: trace)
                    row += " \(Format.wholeMoney(point?.objective))\(point?.bound.map { " / " + Format.wholeMoney($0) } ?? "") |"
                }
                let gap = r.objective.flatMap { objective in s.bestBound.map { Plan.relativeGap(objective: objective, bound: $0) } }
                row += " \(Format.wholeMoney(s.bestBound)) | \(Format.gap(gap)) |"
                md += row + "\n"
            }
        }
        return md
    }

    /// `auto` at this run's time limit against what external solvers reached on the exported model.
    func againstExternal() -> String {
        guard !external.isEmpty else { return "" }
        var md = "\n## Against an external MIP solver\n\n"
        md += "The same scenarios' exact models, exported with `--export-mps` and solved by `scripts/highs_compare.py`; "
        md += "their objective constant is added back, so the numbers compare with the planners'. "
        md += "*auto − external* is relative to the external objective; ≥ 0 means `auto` at \(Format.seconds(run.timeLimit)) "
        md += "matched or beat it.\n\n"
        md += "| size | seed | solver | limit | threads | status | external objective | external bound | auto objective | auto bound | auto − external |\n"
        md += "|---|--:|---|--:|--:|---|--:|--:|--:|--:|--:|\n"
        let ordered = external.sorted { a, b in
            let (x, y) = (LadderSize(parsing: a.size), LadderSize(parsing: b.size))
            if let x, let y, x != y { return x < y }
            return a.seed < b.seed
        }
        for e in ordered {
            let auto = run.scenarios.first { $0.size.description == e.size && $0.seed == e.seed }?.result("auto")
            var difference: String = "–"
            if let a = auto?.objective {
                if let x = e.objective {
                    difference = String(format: "%+.2f %%", 100 * (a - x) / max(1, abs(x)))
                } else {
                    difference = "no external plan"
                }
            }
            md += "| \(LadderSize(parsing: e.size)?.pretty ?? e.size) | \(e.seed) | \(e.solver) | \(Format.seconds(e.timeLimit)) "
            md += "| \(e.threads.map(String.init) ?? "–") | \(e.status) | \(Format.wholeMoney(e.objective)) | \(Format.wholeMoney(e.bound)) "
            md += "| \(Format.wholeMoney(auto?.objective)) | \(Format.wholeMoney(auto?.bound)) | \(difference) |\n"
        }
        md += boundAgainstRelaxation(ordered)
        return md
    }

    /// `auto`'s bound at the time limit beside the LP relaxation and the external solver's bound,
    /// for the scenarios whose LP relaxation `highs_compare.py --lp` solved.
    func boundAgainstRelaxation(_ ordered: [ExternalResult]) -> String {
        let rows = ordered.filter { $0.lpRelaxation != nil }
        guard !rows.isEmpty else { return "" }
        var md = "\n### auto's bound against the LP relaxation\n\n"
        md += "*LP relaxation*: the exact model with integrality dropped, solved by the external solver; "
        md += "*bound − LP* < 0 means `auto`'s bound at \(Format.seconds(run.timeLimit)) is tighter than the LP; "
        md += "*source* is what proves `auto`'s bound (`details.boundSource`).\n\n"
        md += "| size | seed | auto objective | auto bound | source | auto gap | LP relaxation | bound − LP | external bound | external gap |\n"
        md += "|---|--:|--:|--:|---|--:|--:|--:|--:|--:|\n"
        for e in rows {
            let auto = run.scenarios.first { $0.size.description == e.size && $0.seed == e.seed }?.result("auto")
            var versusLP = "–"
            if let bound = auto?.bound, let lp = e.lpRelaxation {
                versusLP = String(format: "%+.2f %%", 100 * (bound - lp) / max(1, abs(lp)))
            }
            var externalGap = "–"
            if let objective = e.objective, let bound = e.bound {
                externalGap = Format.gap(Plan.relativeGap(objective: objective, bound: bound))
            }
            md += "| \(LadderSize(parsing: e.size)?.pretty ?? e.size) | \(e.seed) | \(Format.wholeMoney(auto?.objective)) "
            md += "| \(Format.wholeMoney(auto?.bound)) | \(auto?.boundSource ?? "–") | \(Format.gap(auto?.gap)) "
            md += "| \(Format.wholeMoney(e.lpRelaxation)) | \(versusLP) | \(Format.wholeMoney(e.bound)) | \(externalGap) |\n"
        }
        return md
    }

    private func statusText(_ r: PlannerResult) -> String {
        if r.valid == false { return "**INVALID**" }
        if r.error != nil { return "**error**" }
        return r.status ?? "not finished"
    }

    /// (eligible cells, value) for every scenario where `value` is known and positive.
    private func points(_ value: (ScenarioResult) -> Double?) -> [PointPair] {
        run.scenarios.compactMap { s in
            guard let v = value(s), v > 0 else { return nil }
            return PointPair(x: s.chartSize, y: v)
        }
    }

    // MARK: - Charts

    private static let colors = ["greedy": "#0072B2", "glpk": "#D55E00", "auto": "#009E73"]
    private static let markers: [String: Marker] = ["greedy": .circle, "glpk": .square, "auto": .triangle]

    private var sizeLabel: String {
        run.scenarios.allSatisfy { $0.eligibleCells != nil }
            ? "eligible (person, demand, period) cells — log scale" : "people × projects × periods — log scale"
    }

    private var subtitle: String {
        "\(run.environment.build) build, \(run.environment.cores) cores; time limit \(Format.seconds(run.timeLimit)); "
            + "\(run.scenarios.count) scenarios (\(Set(run.scenarios.map(\.seed)).count) seed(s) per size)"
    }

    /// Planner time (and the exact model's build time) against size.
    func timeChart() -> Chart {
        var series: [ChartSeries] = []
        for name in run.planners {
            let points = run.scenarios.compactMap { s -> ChartPoint? in
                guard let r = s.result(name), let t = r.seconds, !r.isFailure else { return nil }
                return ChartPoint(x: s.chartSize, y: t, hollow: name != "greedy" && !r.isOptimal, group: s.size.description)
            }
            series.append(ChartSeries(name: name, color: Self.colors[name] ?? "#555555",
                                      marker: Self.markers[name] ?? .diamond, points: points))
        }
        if run.planners.contains("greedy") {
            let points = run.scenarios.compactMap { s -> ChartPoint? in
                guard let r = s.result(PlannerResult.greedyConstruction), let t = r.seconds, !r.isFailure else { return nil }
                return ChartPoint(x: s.chartSize, y: t, group: s.size.description)
            }
            series.append(ChartSeries(name: "greedy construction", color: "#56B4E9", marker: .circle, dashed: true, points: points))
        }
        if run.planners.contains("glpk") {
            let points = run.scenarios.compactMap { s -> ChartPoint? in
                guard let t = s.result("glpk")?.modelBuildSeconds else { return nil }
                return ChartPoint(x: s.chartSize, y: t, group: s.size.description)
            }
            series.append(ChartSeries(name: "glpk model build", color: "#CC79A7", marker: .diamond, dashed: true, points: points))
        }
        return Chart(title: "Planner time against problem size", subtitle: subtitle, xLabel: sizeLabel,
                     yLabel: "wall-clock seconds — log scale", yLog: true, yFormat: secondsTick, series: series,
                     references: [(run.timeLimit, "time limit \(Format.seconds(run.timeLimit))")],
                     legendNote: "hollow: not proven optimal\nline: mean of the seeds")
    }

    /// Gaps against size: greedy to the best known bound, the exact planners to their own bound.
    func gapChart() -> Chart {
        var series: [ChartSeries] = []
        for name in run.planners {
            let points = run.scenarios.compactMap { s -> ChartPoint? in
                guard let r = s.result(name), !r.isFailure else { return nil }
                let gap = name == "greedy" ? s.greedyGapToBestBound : r.gap
                guard let gap else { return nil }
                return ChartPoint(x: s.chartSize, y: gap, hollow: name != "greedy" && !r.isOptimal, group: s.size.description)
            }
            let label = name == "greedy" ? "greedy (to best bound)" : "\(name) (to own bound)"
            series.append(ChartSeries(name: label, color: Self.colors[name] ?? "#555555",
                                      marker: Self.markers[name] ?? .diamond, points: points))
        }
        return Chart(title: "Optimality gap against problem size", subtitle: subtitle, xLabel: sizeLabel,
                     yLabel: "gap (bound − objective) / |objective|", yLog: false, yFormat: percentTick, series: series,
                     legendNote: "hollow: not proven optimal\nline: mean of the seeds\n0 % = proven optimal")
    }
}

/// An (x, y) pair for a fit.
struct PointPair: Sendable {
    /// Size.
    var x: Double
    /// Measured value.
    var y: Double
}

/// A power law `y = c·x^k` fitted by least squares on logarithms.
struct GrowthFit: Sendable {
    /// The exponent k.
    var exponent: Double
    /// The coefficient c.
    var coefficient: Double
    /// R² of the fit on the logarithms.
    var r2: Double

    /// Fits `pairs`; `nil` with fewer than two distinct sizes.
    init?(_ pairs: [PointPair]) {
        let logs = pairs.filter { $0.x > 0 && $0.y > 0 }.map { (log($0.x), log($0.y)) }
        guard logs.count >= 2 else { return nil }
        let n = Double(logs.count)
        let mx = logs.map(\.0).reduce(0, +) / n
        let my = logs.map(\.1).reduce(0, +) / n
        let sxx = logs.map { ($0.0 - mx) * ($0.0 - mx) }.reduce(0, +)
        let sxy = logs.map { ($0.0 - mx) * ($0.1 - my) }.reduce(0, +)
        let syy = logs.map { ($0.1 - my) * ($0.1 - my) }.reduce(0, +)
        guard sxx > 0 else { return nil }
        exponent = sxy / sxx
        coefficient = exp(my - exponent * mx)
        r2 = syy > 0 ? (sxy * sxy) / (sxx * syy) : 1
    }
}
