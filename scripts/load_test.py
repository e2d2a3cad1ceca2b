#!/usr/bin/env python3
"""Load test of `capacity-planner serve`, on loopback only, bounded in count and time.

Usage:
    swift build -c release --product capacity-planner
    python3 scripts/load_test.py --binary .build/release/capacity-planner [--requests 600] [--clients 16]
    python3 scripts/load_test.py --replicas 2 --store "$(scripts/start-postgres)"   # replicas sharing PostgreSQL

It starts the service on a free loopback port, sends REQUESTS mixed requests from CLIENTS
concurrent clients — valid plans (greedy and auto), invalid scenarios, bad parameters,
oversized bodies, checks, analyses, jobs that are cancelled or polled to the end, health
checks — and then:
  * fails if any response is a 5xx other than the documented 503 (queue full), or if the
    server dies;
  * checks every plan it received with POST /v1/checks (the plan checker) and fails on any
    invalid one;
  * measures resident memory before, at peak and after two rounds (flat means the second
    round's end is within 25 % of the first's);
  * prints throughput and latency percentiles per kind, and writes them as JSON (--output).
With --replicas N it starts N services on one --store (PostgreSQL: a fresh database is made
for the run), sends each request to a replica at random and polls each job on another, and at
the end reads every job it created back: a job not found, not finished, or run more than once
(`attempts` > 1, when no replica died) fails the test.
Everything stops after --max-seconds (default 600).
"""
import argparse
import http.client
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fresh_database(url):
    """A new database on the server of `url` (postgres://USER@HOST:PORT/DB), so runs do not mix."""
    import urllib.parse
    parts = urllib.parse.urlparse(url)
    name = f"load_{os.getpid()}_{int(time.time())}"
    env = dict(os.environ, PGPASSWORD=parts.password or "")
    subprocess.run(["psql", "-h", parts.hostname, "-p", str(parts.port or 5432), "-U", parts.username,
                    "-d", parts.path.lstrip("/") or "postgres", "-qc", f"CREATE DATABASE {name}"], check=True, env=env)
    return url.rsplit("/", 1)[0] + "/" + name


def rss_kib(pid, key="VmRSS"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


class Client:
    def __init__(self, port):
        self.port = port

    def __repr__(self):
        return f"replica on port {self.port}"

    def request(self, method, path, body=None, timeout=120):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            headers = {"Content-Type": "application/json"} if body is not None else {}
            started = time.monotonic()
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            data = response.read()
            return response.status, dict(response.getheaders()), data, time.monotonic() - started
        finally:
            conn.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/capacity-planner"))
    parser.add_argument("--requests", type=int, default=600, help="requests per round (two rounds)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--max-seconds", type=float, default=600)
    parser.add_argument("--output", default=None, help="write the figures here as JSON")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-queued-solves", type=int, default=32,
                        help="the server's queue length (a small one shows the documented 503s)")
    parser.add_argument("--replicas", type=int, default=1, help="services started on one store")
    parser.add_argument("--store", default="memory",
                        help="--store of every replica (several replicas need postgres://…; sqlite: works for one)")
    args = parser.parse_args()
    if args.replicas > 1 and not args.store.startswith("postgres"):
        sys.exit("--replicas > 1 needs --store postgres://USER@HOST:PORT/DB")
    store = args.store
    if store.startswith("postgres"):
        store = fresh_database(store)
    random.seed(args.seed)
    deadline = time.monotonic() + args.max_seconds

    small = open(os.path.join(ROOT, "Examples/small-team.json"), "rb").read()
    mid = open(os.path.join(ROOT, "Examples/mid-size-pmo.json"), "rb").read()
    typo = small.replace(b'"costPerHour"', b'"costPerHuor"', 1)
    oversized = b" " * (9 << 20) + small

    servers, clients = [], []
    for _ in range(args.replicas):
        port = free_port()
        servers.append(subprocess.Popen(
            [args.binary, "serve", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
             "--max-queued-solves", str(args.max_queued_solves), "--store", store],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
        clients.append(Client(port))
    for replica, server in zip(clients, servers):
        for _ in range(400):
            try:
                if replica.request("GET", "/healthz", timeout=2)[0] == 200:
                    break
            except OSError:
                time.sleep(0.05)
        else:
            for s in servers:
                s.kill()
            sys.exit(f"the {replica} did not start")
    created_jobs = []  # every job id a 202 returned

    def pick():
        return random.choice(clients)

    lock = threading.Lock()
    results = []  # (kind, status, seconds)
    plans = []    # (scenario bytes, plan bytes)
    failures = []

    def one(kind):
        if time.monotonic() > deadline:
            return
        client = pick()
        poller = pick()
        try:
            if kind == "plan-greedy":
                status, _, body, t = client.request("POST", "/v1/plans?solver=greedy&timeLimit=2", small)
                if status == 200:
                    with lock:
                        plans.append((small, body))
            elif kind == "plan-auto":
                status, _, body, t = client.request("POST", "/v1/plans?solver=auto&timeLimit=1", small)
                if status == 200:
                    with lock:
                        plans.append((small, body))
            elif kind == "invalid-scenario":
                status, _, body, t = client.request("POST", "/v1/plans", typo)
                if status == 422 and b"costPerHuor" not in body:
                    failures.append("invalid-scenario: the problem does not name the field")
            elif kind == "bad-parameter":
                status, _, body, t = client.request("POST", "/v1/plans?timeLimit=-3", small)
            elif kind == "oversized":
                try:
                    status, _, body, t = client.request("POST", "/v1/plans", oversized)
                except (ConnectionResetError, BrokenPipeError):
                    status, t = 413, 0.0  # the server may close the connection while the client still sends
            elif kind == "check":
                body_in = b'{"scenario": ' + small + b', "plan": {"status": "feasible", "projects": [], "assignments": []}}'
                status, _, body, t = client.request("POST", "/v1/checks", body_in)
            elif kind == "analysis":
                status, _, body, t = client.request("POST", "/v1/analyses?solver=greedy&timeLimit=0.2",
                                                    b'{"scenario": ' + small + b"}")
            elif kind == "job-cancel":
                status, headers, body, t = client.request("POST", "/v1/jobs?solver=auto&timeLimit=60", mid)
                if status == 202:
                    location = headers.get("Location")
                    with lock:
                        created_jobs.append(location)
                    time.sleep(random.uniform(0.05, 0.5))
                    s2, _, _, t2 = client.request("POST", location + "/cancel")
                    t += t2
                    if s2 != 202:
                        status = s2
                    for _ in range(600):
                        s3, _, b3, _ = poller.request("GET", location)
                        job = json.loads(b3)
                        if job["state"] in ("cancelled", "succeeded", "failed"):
                            if job.get("plan") and job["plan"].get("status") != "infeasible":
                                with lock:
                                    plans.append((mid, json.dumps(job["plan"]).encode()))
                            break
                        time.sleep(0.1)
            elif kind == "job-complete":
                status, headers, body, t = client.request("POST", "/v1/jobs?solver=greedy&timeLimit=2", small)
                if status == 202:
                    location = headers.get("Location")
                    with lock:
                        created_jobs.append(location)
                    for _ in range(600):
                        s3, _, b3, _ = poller.request("GET", location)
                        job = json.loads(b3)
                        if job["state"] in ("cancelled", "succeeded", "failed"):
                            if job.get("plan"):
                                with lock:
                                    plans.append((small, json.dumps(job["plan"]).encode()))
                            break
                        time.sleep(0.05)
            else:  # health
                status, _, body, t = client.request("GET", "/healthz")
        except Exception as error:  # noqa: BLE001 — any transport failure is a finding
            with lock:
                failures.append(f"{kind}: {type(error).__name__}: {error}")
            return
        with lock:
            results.append((kind, status, t))
            if status >= 500 and status != 503:
                failures.append(f"{kind}: HTTP {status}")

    mix = (["plan-greedy"] * 30 + ["plan-auto"] * 8 + ["invalid-scenario"] * 12 + ["bad-parameter"] * 6 + ["oversized"] * 3
           + ["check"] * 10 + ["analysis"] * 4 + ["job-cancel"] * 6 + ["job-complete"] * 6 + ["health"] * 15)

    pids = [server.pid for server in servers]

    def rss(key="VmRSS"):
        return max(rss_kib(pid, key) for pid in pids)

    memory = {"startKiB": rss()}
    began = time.monotonic()
    rounds = []
    for round_number in (1, 2):
        kinds = [random.choice(mix) for _ in range(args.requests)]
        start = time.monotonic()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            list(pool.map(one, kinds))
        time.sleep(2)
        rounds.append({"seconds": time.monotonic() - start, "rssKiB": rss()})
    memory["peakKiB"] = rss("VmHWM")
    memory["afterRound1KiB"] = rounds[0]["rssKiB"]
    memory["afterRound2KiB"] = rounds[1]["rssKiB"]
    elapsed = time.monotonic() - began

    # Every job created, read back from a replica: finished, found, run once.
    client = clients[0]
    lost, unfinished, duplicated = [], [], []
    for location in created_jobs:
        for _ in range(1200):
            status, _, body, _ = pick().request("GET", location)
            if status == 404:
                lost.append(location)
                break
            job = json.loads(body)
            if job["state"] in ("cancelled", "succeeded", "failed"):
                if job.get("attempts", 1) > 1:
                    duplicated.append(location)
                break
            time.sleep(0.1)
        else:
            unfinished.append(location)
    for name, found in (("lost (404)", lost), ("not finished", unfinished), ("run more than once", duplicated)):
        if found:
            failures.append(f"{len(found)} jobs {name}, e.g. {found[0]}")

    # Every plan received, checked by the service's plan checker.
    invalid = 0
    for scenario, plan in plans:
        status, _, body, _ = client.request("POST", "/v1/checks", b'{"scenario": ' + scenario + b', "plan": ' + plan + b"}")
        if status != 200 or not json.loads(body)["valid"]:
            invalid += 1
    alive = all(server.poll() is None for server in servers)
    for server in servers:
        server.terminate()
    for server in servers:
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            failures.append("a server did not stop within 30 s of SIGTERM")

    by_kind = {}
    for kind, status, t in results:
        entry = by_kind.setdefault(kind, {"count": 0, "statuses": {}, "latencies": []})
        entry["count"] += 1
        entry["statuses"][str(status)] = entry["statuses"].get(str(status), 0) + 1
        entry["latencies"].append(t)

    def pct(values, p):
        values = sorted(values)
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else None

    summary = {
        "requests": len(results), "clients": args.clients, "maxQueuedSolves": args.max_queued_solves, "seconds": round(elapsed, 2),
        "replicas": args.replicas, "store": args.store.split("@")[-1] if "@" in args.store else args.store,
        "jobsCreated": len(created_jobs), "jobsLost": len(lost), "jobsUnfinished": len(unfinished), "jobsRunTwice": len(duplicated),
        "throughput": round(len(results) / elapsed, 1),
        "latency": {p: round(pct([r[2] for r in results], p) * 1000, 1) for p in (50, 90, 99)},
        "byKind": {k: {"count": v["count"], "statuses": v["statuses"],
                       "p50ms": round(pct(v["latencies"], 50) * 1000, 1), "p99ms": round(pct(v["latencies"], 99) * 1000, 1)}
                   for k, v in sorted(by_kind.items())},
        "plansChecked": len(plans), "invalidPlans": invalid,
        "memoryMiB": {k.replace("KiB", ""): round(v / 1024, 1) for k, v in memory.items()},
        "serverAlive": alive, "failures": failures[:20],
    }
    flat = memory["afterRound2KiB"] <= 1.25 * memory["afterRound1KiB"]
    summary["memoryFlat"] = flat
    print(json.dumps(summary, indent=2))
    if args.output:
        with open(args.output, "w") as f:
            json.dump(summary, f, indent=2)
            f.write("\n")
    ok = alive and not failures and invalid == 0 and flat and len(results) >= 500
    if not ok:
        print("LOAD TEST FAILED", file=sys.stderr)
        sys.exit(1)
    print("load test passed", file=sys.stderr)


if __name__ == "__main__":
    main()
