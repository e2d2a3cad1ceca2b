#!/usr/bin/env python3
"""The regression ladder: `auto` on v1, v2 (and v3: the portfolio in flight) portfolios, seeds 1-6 up to 120x40x26, against a reference.

Usage:
    swift build -c release --product capacity-bench
    python3 scripts/ladder.py run --version 1 --output /tmp/ladder-v1        # ~20 min on 2 cores
    python3 scripts/ladder.py run --version 2 --output /tmp/ladder-v2
    python3 scripts/ladder.py check Docs/benchmarks/ladder-v1.json /tmp/ladder-v1/results.json
    python3 scripts/ladder.py check Docs/benchmarks/ladder-v2.json /tmp/ladder-v2/results.json \\
        --external Docs/benchmarks/external-v2.json
    python3 scripts/ladder.py keep /tmp/ladder-v1/results.json Docs/benchmarks/ladder-v1.json

`run` calls `capacity-bench --planners auto --isolate` (each scenario in its own process) on the
ladder's rungs. `check` compares every rung's `auto` objective with the reference's and exits 1
when one is worse by more than the noise (`--tolerance`, default 1 % of the reference: two runs
with the same seed and limit differ by less on every rung measured, Docs/benchmarks.md) or lost
a proof; with `--external` it also prints each rung against an external solver's result
(`scripts/highs_compare.py`). `keep` writes the compact reference (size, seed, objective, status,
bound) that `check` reads, so the reference in Docs stays small.
"""
import argparse
import json
import os
import subprocess
import sys

SIZES = ["10x5x8", "20x10x12", "30x12x12", "60x25x16", "120x40x26"]
SEEDS = [1, 2, 3, 4, 5, 6]


def rungs(results_path):
    """{(size, seed): {objective, status, bound}} of the `auto` planner in a results or reference file."""
    data = json.load(open(results_path))
    if "rungs" in data:  # a reference written by `keep`
        return {(r["size"], r["seed"]): r for r in data["rungs"]}
    out = {}
    for scenario in data["scenarios"]:
        size = scenario["size"]
        if isinstance(size, dict):
            size = f"{size['people']}x{size['projects']}x{size['periods']}"
        for planner in scenario["planners"]:
            if planner["planner"] != "auto":
                continue
            out[(size, scenario["seed"])] = {
                "size": size, "seed": scenario["seed"],
                "objective": planner.get("objective"), "status": planner.get("status"),
                "bound": planner.get("bound"), "note": planner.get("note", ""),
            }
    return out


def run(args):
    sizes = args.sizes.split(",") if args.sizes else SIZES
    seeds = args.seeds or ",".join(map(str, SEEDS))
    command = [args.bench, "--format-version", str(args.version), "--planners", "auto", "--isolate",
               *(["--supply"] if args.supply else []),
               "--sizes", ",".join(sizes), "--seeds", seeds, "--time-limit", str(args.time_limit),
               "--output-dir", args.output]
    print(" ".join(command), file=sys.stderr)
    return subprocess.call(command)


def check(args):
    reference, new = rungs(args.reference), rungs(args.new)
    external = {}
    if args.external:
        for entry in json.load(open(args.external)):
            external[(entry["size"], entry["seed"])] = entry
    worse = 0
    print("| size | seed | reference | this run | change | status |" + (" external (lead) |" if external else ""))
    print("|---|--:|--:|--:|--:|---|" + ("--:|" if external else ""))
    for key in sorted(new, key=lambda k: ([int(x) for x in k[0].split('x')], k[1])):
        now = new[key]
        ref = reference.get(key)
        objective = now["objective"]
        cells = [key[0], str(key[1])]
        if ref is None or ref.get("objective") is None or objective is None:
            cells += ["–", f"{objective:,.0f}" if objective is not None else "–", "–", now["status"] or "–"]
        else:
            change = (objective - ref["objective"]) / max(1.0, abs(ref["objective"]))
            lost_proof = ref["status"] == "optimal" and now["status"] != "optimal"
            bad = change < -args.tolerance or lost_proof
            worse += bad
            mark = " **worse**" if bad else ""
            cells += [f"{ref['objective']:,.0f}", f"{objective:,.0f}", f"{100 * change:+.2f} %{mark}",
                      now["status"] + (" (was optimal)" if lost_proof else "")]
        if external:
            peer = external.get(key)
            if peer and peer.get("objective") is not None and objective is not None:
                lead = (objective - peer["objective"]) / max(1.0, abs(peer["objective"]))
                cells.append(f"{peer['objective']:,.0f} ({100 * lead:+.2f} %)")
            else:
                cells.append("–")
        print("| " + " | ".join(cells) + " |")
    missing = sorted(set(reference) - set(new))
    if missing:
        print(f"\nnot run this time: {', '.join(f'{s} s{n}' for s, n in missing)}")
    print(f"\n{worse} rung(s) worse than the reference by more than {100 * args.tolerance:g} % or without their proof")
    return 1 if worse else 0


def keep(args):
    entries = sorted(rungs(args.results).values(), key=lambda r: ([int(x) for x in r["size"].split("x")], r["seed"]))
    for entry in entries:
        entry.pop("note", None)
    with open(args.reference, "w") as file:
        json.dump({"rungs": entries}, file, indent=1)
        file.write("\n")
    print(f"{len(entries)} rungs written to {args.reference}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("run", help="run auto on the ladder")
    p.add_argument("--version", type=int, choices=[1, 2, 3], default=1)
    p.add_argument("--supply", action="store_true", help="with version 3's supply (roles and courses) over the scenarios")
    p.add_argument("--sizes", help=f"comma-separated (default {','.join(SIZES)})")
    p.add_argument("--seeds", help="comma-separated (default 1,...,6)")
    p.add_argument("--time-limit", type=float, default=60)
    p.add_argument("--output", required=True, help="capacity-bench output folder")
    p.add_argument("--bench", default=os.path.join(".build", "release", "capacity-bench"))
    p = commands.add_parser("check", help="compare a run with the reference")
    p.add_argument("reference")
    p.add_argument("new")
    p.add_argument("--tolerance", type=float, default=0.01)
    p.add_argument("--external", help="external solver results (scripts/highs_compare.py output)")
    p = commands.add_parser("keep", help="write a run as the reference")
    p.add_argument("results")
    p.add_argument("reference")
    args = parser.parse_args()
    sys.exit({"run": run, "check": check, "keep": keep}[args.command](args))


if __name__ == "__main__":
    main()
