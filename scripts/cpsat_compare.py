#!/usr/bin/env python3
"""Solve exported exact models with CP-SAT (OR-Tools), the counterpart of scripts/highs_compare.py.

Usage:
    pip install ortools
    capacity-bench --format-version 2 --sizes 120x40x26 --seeds 1 --planners greedy --time-limit 1 \\
        --export-mps /tmp/mps --no-write
    python3 scripts/cpsat_compare.py /tmp/mps --time-limit 120 --workers 2

For every NAME.model.json in the folder it reads NAME.mps (GLPK's free MPS has no OBJSENSE
section, so a maximising copy is written beside it), solves it with CP-SAT through OR-Tools'
model builder under the time limit, adds the model's objective constant back, and prints the
objective and bound in the plan's terms. CP-SAT solves our model as it is (hours are continuous
columns, which it scales); this measures the solver on our formulation, not an independent one.
"""
import argparse
import json
import os
import sys
import time


def solve(mps_path, time_limit, workers):
    from ortools.linear_solver.python import model_builder as mb

    maximising = mps_path + ".max.mps"
    with open(mps_path) as source, open(maximising, "w") as target:
        for line in source:
            target.write(line)
            if line.startswith("NAME"):
                target.write("OBJSENSE\n    MAX\n")
    model = mb.Model()
    if not model.import_from_mps_file(maximising):
        raise RuntimeError(f"CP-SAT cannot read {mps_path}")
    os.remove(maximising)
    solver = mb.Solver("sat")
    solver.set_time_limit_in_seconds(time_limit)
    solver.set_solver_specific_parameters(f"num_workers:{workers}")
    started = time.monotonic()
    status = solver.solve(model)
    seconds = time.monotonic() - started
    found = status in (mb.SolveStatus.OPTIMAL, mb.SolveStatus.FEASIBLE)
    return status.name, seconds, solver.objective_value if found else None, solver.best_objective_bound


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--time-limit", type=float, default=120)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    for name in sorted(os.listdir(args.folder)):
        if not name.endswith(".model.json"):
            continue
        meta = json.load(open(os.path.join(args.folder, name)))
        stem = name[: -len(".model.json")]
        constant = meta.get("objectiveConstant", 0)
        status, seconds, objective, bound = solve(os.path.join(args.folder, stem + ".mps"), args.time_limit, args.workers)
        shown = "no plan" if objective is None else f"{objective + constant:,.0f}"
        print(f"{stem}: CP-SAT {status} in {seconds:.1f} s, objective {shown}, bound {bound + constant:,.0f}"
              f" (ours at export: {meta.get('bestObjective', float('nan')):,.0f})")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
