#!/usr/bin/env python3
"""Solve the ladder's exported exact models with HiGHS, for Docs/benchmarks.md.

Usage:
    pip install highspy
    capacity-bench --sizes 60x25x16,... --seeds 1,2 --planners greedy --time-limit 1 \
        --export-mps /tmp/mps --no-write
    python3 scripts/highs_compare.py /tmp/mps --time-limit 120 --output Docs/benchmarks/external.json
    python3 scripts/highs_compare.py /tmp/mps --lp --time-limit 300   # the LP relaxations only
    capacity-bench --report-only          # adds the "Against an external MIP solver" table

For every NAME.model.json in the folder (written by `capacity-bench --export-mps`), it reads the
free-MPS model NAME.mps, maximises it with HiGHS under the time limit, adds the model's objective
constant back to HiGHS's objective and bound (GLPK's MPS cannot carry it), and records the
result in the output JSON (replacing earlier entries for the same size, seed and solver).
With --lp it solves only the model's LP relaxation (every integer column made continuous) and
stores its optimum as `lpRelaxation` on the existing entry, keeping the MIP figures.
"""
import argparse
import json
import os
import re
import sys
import time


def solve(model_path, time_limit, threads):
    import highspy

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(time_limit))
    if threads:
        h.setOptionValue("threads", int(threads))
    read_started = time.monotonic()
    status = h.readModel(model_path)
    if status == highspy.HighsStatus.kError:
        raise RuntimeError(f"HiGHS cannot read {model_path}")
    read_seconds = time.monotonic() - read_started
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    started = time.monotonic()
    h.run()
    seconds = time.monotonic() - started
    info = h.getInfo()
    model_status = h.modelStatusToString(h.getModelStatus())
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    objective = info.objective_function_value if has_solution else None
    bound = info.mip_dual_bound
    if bound is None or abs(bound) == float("inf") or abs(bound) >= 1e30:
        bound = None
    return {
        "status": model_status,
        "seconds": seconds,
        "readSeconds": read_seconds,
        "objective": objective,
        "bound": bound,
        "version": f"HiGHS {highspy.Highs().version()}" if hasattr(highspy.Highs(), "version") else "HiGHS",
    }


def solve_lp(model_path, time_limit, threads):
    import highspy

    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(time_limit))
    if threads:
        h.setOptionValue("threads", int(threads))
    if h.readModel(model_path) == highspy.HighsStatus.kError:
        raise RuntimeError(f"HiGHS cannot read {model_path}")
    lp = h.getLp()
    h.changeColsIntegrality(lp.num_col_, list(range(lp.num_col_)),
                            [highspy.HighsVarType.kContinuous] * lp.num_col_)
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    started = time.monotonic()
    h.run()
    seconds = time.monotonic() - started
    optimal = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    return (h.getInfo().objective_function_value if optimal else None), seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", help="the --export-mps folder")
    parser.add_argument("--time-limit", type=float, default=120.0, help="seconds per model (default 120)")
    parser.add_argument("--threads", type=int, default=None, help="HiGHS threads (default: HiGHS's own choice)")
    parser.add_argument("--output", default="Docs/benchmarks/external.json", help="results file to update")
    parser.add_argument("--only", default=None, help="comma-separated SIZE-sSEED names to run (default: all)")
    parser.add_argument("--lp", action="store_true", help="solve only the LP relaxations, into lpRelaxation")
    args = parser.parse_args()

    try:
        import highspy  # noqa: F401
    except ImportError:
        sys.exit("highspy is not installed: pip install highspy")

    names = sorted(f[: -len(".model.json")] for f in os.listdir(args.folder) if f.endswith(".model.json"))
    if args.only:
        wanted = set(args.only.split(","))
        names = [n for n in names if n in wanted]
    if not names:
        sys.exit(f"no .model.json files in {args.folder}")

    results = []
    if os.path.exists(args.output):
        with open(args.output) as f:
            results = json.load(f)

    for name in names:
        match = re.fullmatch(r"(\d+x\d+x\d+)-s(\d+)", name)
        if not match:
            print(f"skipping {name}: not SIZE-sSEED", file=sys.stderr)
            continue
        size, seed = match.group(1), int(match.group(2))
        with open(os.path.join(args.folder, name + ".model.json")) as f:
            sidecar = json.load(f)
        constant = sidecar["objectiveConstant"]
        if args.lp:
            print(f"{name}: HiGHS LP relaxation, time limit {args.time_limit:g} s ...", file=sys.stderr, flush=True)
            value, seconds = solve_lp(os.path.join(args.folder, name + ".mps"), args.time_limit, args.threads)
            print(f"{name}: LP relaxation {value} in {seconds:.1f} s", file=sys.stderr, flush=True)
            entries = [r for r in results
                       if r["size"] == size and r["seed"] == seed and r["solver"].split()[0] == "HiGHS"]
            if not entries:
                print(f"{name}: no HiGHS MIP entry to attach the LP to; run without --lp first", file=sys.stderr)
                continue
            for r in entries:
                r["lpRelaxation"] = None if value is None else value + constant
                r["lpSeconds"] = round(seconds, 3)
            write(results, args.output)
            continue
        print(f"{name}: HiGHS, time limit {args.time_limit:g} s ...", file=sys.stderr, flush=True)
        outcome = solve(os.path.join(args.folder, name + ".mps"), args.time_limit, args.threads)
        entry = {
            "size": size,
            "seed": seed,
            "solver": outcome["version"],
            "timeLimit": args.time_limit,
            "seconds": round(outcome["seconds"], 3),
            "objective": None if outcome["objective"] is None else outcome["objective"] + constant,
            "bound": None if outcome["bound"] is None else outcome["bound"] + constant,
            "status": outcome["status"],
        }
        if args.threads:
            entry["threads"] = args.threads
        print(f"{name}: {entry['status']} in {entry['seconds']:.1f} s (read {outcome['readSeconds']:.1f} s), "
              f"objective {entry['objective']}, bound {entry['bound']}", file=sys.stderr, flush=True)
        results = [r for r in results
                   if not (r["size"] == size and r["seed"] == seed and r["solver"].split()[0] == "HiGHS")]
        results.append(entry)
        write(results, args.output)


def write(results, output):
    results.sort(key=lambda r: (tuple(int(x) for x in r["size"].split("x")), r["seed"], r["solver"]))
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    with open(output, "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
