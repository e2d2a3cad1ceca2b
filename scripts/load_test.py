#!/usr/bin/env python3
"""Load test of `capacity-planner serve`, on loopback only, bounded in count and time.

Usage:
    swift build -c release --product capacity-planner
    python3 scripts/load_test.py --binary .build/release/capacity-planner [--requests 600] [--clients 16]
    python3 scripts/load_test.py --replicas 2 --store "$(scripts/start-postgres)"   # replicas sharing PostgreSQL

It starts the service on a free loopback port, sends REQUESTS mixed requests from CLIENTS
concurrent clients — valid plans (greedy and auto), invalid scenarios, bad parameters,
oversized bodies, checks, analyses, jobs that are cancelled or polled to the end, health
checks, the weekly cycle (a scenario kept, its version solved as a job, the plan committed, a new
version by a change, a comparison) — and then:
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
With --outage SECONDS it starts a PostgreSQL of its own (scripts/start-postgres, on a free port
and a fresh data folder) as the store, stops it --outage-after seconds into the first round and
starts it again SECONDS later: while it is away new jobs and job reads get 503 (documented), the
services must stay up, and every job accepted before, during or after must end, once.
With --tenants N the services get a key file of N tenants; tenant t0 sends 80 % of the
requests (it floods), the others share the rest. --serve-args adds flags to every `serve` (the
tenant limits, e.g. "--tenant-max-jobs 10 --tenant-requests-per-second 20"). The figures then
give each tenant's statuses (429 is documented) and how long its jobs waited to start.
Everything stops after --max-seconds (default 600).
"""
import argparse
import http.client
import json
import os
import random
import shlex
import socket
import tempfile
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


def start_own_postgres():
    """A PostgreSQL of this run's own (so it can be stopped): its URL, and a function (stop|start)."""
    folder = tempfile.mkdtemp(prefix="load-pg-")
    os.chmod(folder, 0o755)
    env = dict(os.environ, PGPORT_TESTS=str(free_port()), PGDATA_TESTS=os.path.join(folder, "data"))
    script = os.path.join(ROOT, "scripts/start-postgres")

    def control(action):
        out = subprocess.run(["bash", script] + ([] if action == "start" else ["stop"]), env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, check=True)
        return out.stdout.decode().strip()
    return control("start"), control


class Client:
    def __init__(self, port, key=None):
        self.port = port
        self.key = key

    def as_tenant(self, key):
        return Client(self.port, key)

    def __repr__(self):
        return f"replica on port {self.port}"

    def request(self, method, path, body=None, timeout=120):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            headers = {"Content-Type": "application/json"} if body is not None else {}
            if self.key:
                headers["Authorization"] = "Bearer " + self.key
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
    parser.add_argument("--outage", type=float, default=0,
                        help="seconds PostgreSQL (one of the run's own) is stopped during the first round")
    parser.add_argument("--outage-after", type=float, default=15, help="seconds into the first round the outage begins")
    parser.add_argument("--tenants", type=int, default=0, help="tenants with keys (t0 sends 80 %% of the requests)")
    parser.add_argument("--serve-args", default="", help="more flags for every `serve`, e.g. tenant limits")
    args = parser.parse_args()
    postgres = None
    if args.outage > 0:
        args.store, postgres = start_own_postgres()
    if args.replicas > 1 and not args.store.startswith("postgres"):
        sys.exit("--replicas > 1 needs --store postgres://USER@HOST:PORT/DB")
    store = args.store
    if store.startswith("postgres"):
        store = fresh_database(store)
    keys = [f"load-test-key-{t:02d}-0123456789" for t in range(args.tenants)]
    extra = shlex.split(args.serve_args)
    if keys:
        key_file = tempfile.NamedTemporaryFile("w", suffix=".keys", delete=False)
        key_file.write("".join(f"{key} t{t}\n" for t, key in enumerate(keys)))
        key_file.close()
        extra += ["--api-keys", key_file.name]
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
             "--max-queued-solves", str(args.max_queued_solves), "--store", store] + extra,
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
    created_jobs = []  # (location, tenant's key) of every job a 202 returned

    def pick(key=None):
        replica = random.choice(clients)
        return replica.as_tenant(key) if key else replica

    def tenant_of_request():
        if not keys:
            return None, None
        t = 0 if len(keys) == 1 or random.random() < 0.8 else random.randrange(1, len(keys))
        return f"t{t}", keys[t]

    waits = {}   # tenant -> seconds each of its completed jobs waited to start
    outage = {"window": None, "byStatus": {}}

    def during_outage():
        window = outage["window"]
        now = time.monotonic()
        return window is not None and window[0] <= now and (window[1] is None or now <= window[1] + 1)

    def waited(job):
        try:
            from datetime import datetime
            created = datetime.fromisoformat(job["createdAt"].replace("Z", "+00:00"))
            started = datetime.fromisoformat(job["startedAt"].replace("Z", "+00:00"))
            return (started - created).total_seconds()
        except (KeyError, ValueError, AttributeError):
            return None

    def settle(poller, location, pause):
        """Polls a job until it ends (a 503 while the store is away, or a 429, is asked again)."""
        for _ in range(1200):
            s3, _, b3, _ = poller.request("GET", location)
            if s3 in (503, 429):
                time.sleep(pause * 5)
                continue
            job = json.loads(b3)
            if job["state"] in ("cancelled", "succeeded", "failed"):
                return job
            time.sleep(pause)
        return None

    lock = threading.Lock()
    results = []  # (kind, status, seconds)
    plans = []    # (scenario bytes, plan bytes)
    failures = []

    def one(kind):
        if time.monotonic() > deadline:
            return
        tenant, key = tenant_of_request()
        client = pick(key)
        poller = pick(key)
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
                        created_jobs.append((location, key))
                    time.sleep(random.uniform(0.05, 0.5))
                    s2, _, _, t2 = client.request("POST", location + "/cancel")
                    t += t2
                    if s2 != 202:
                        status = s2
                    job = settle(poller, location, 0.1)
                    if job and job.get("plan") and job["plan"].get("status") != "infeasible":
                        with lock:
                            plans.append((mid, json.dumps(job["plan"]).encode()))
            elif kind == "job-complete":
                status, headers, body, t = client.request("POST", "/v1/jobs?solver=greedy&timeLimit=2", small)
                if status == 202:
                    location = headers.get("Location")
                    with lock:
                        created_jobs.append((location, key))
                    job = settle(poller, location, 0.05)
                    if job and job.get("plan"):
                        with lock:
                            plans.append((small, json.dumps(job["plan"]).encode()))
                    if job and waited(job) is not None:
                        with lock:
                            waits.setdefault(tenant or "default", []).append(waited(job))
            elif kind == "scenario-cycle":
                # The weekly cycle: keep a scenario, solve its version 1 as a job, commit the plan,
                # add version 2 by a change (its baseline the plan of record), compare 1 with itself.
                record = b'{"name": "load test", "scenario": ' + small + b"}"
                status, headers, body, t = client.request("POST", "/v1/scenarios", record)
                if status == 201:
                    sid = json.loads(body)["id"]
                    s2, h2, b2, _ = client.request("POST", f"/v1/scenarios/{sid}/versions/1/jobs?solver=greedy&timeLimit=1")
                    if s2 == 202:
                        location = h2.get("Location")
                        with lock:
                            created_jobs.append((location, key))
                        job = settle(poller, location, 0.05)
                        if job and job.get("state") == "succeeded":
                            steps = [("POST", f"/v1/scenarios/{sid}/versions/1/commit", json.dumps({"job": job["id"]}).encode()),
                                     ("POST", f"/v1/scenarios/{sid}/versions",
                                      b'{"changes": [{"kind": "raisePortfolioBudget", "amount": 1000000}]}'),
                                     ("GET", f"/v1/comparisons?a={sid}@1&b={sid}@1", None),
                                     ("GET", f"/v1/scenarios/{sid}", None)]
                            for method, path, payload in steps:
                                s3, _, b3, _ = pick(key).request(method, path, payload)
                                if s3 >= 500 and s3 != 503:
                                    with lock:
                                        failures.append(f"scenario-cycle: {method} {path.split('?')[0]}: HTTP {s3}")
                                if path.startswith("/v1/comparisons") and s3 == 200 and json.loads(b3)["difference"] != 0:
                                    with lock:
                                        failures.append("scenario-cycle: a plan compared with itself differs")
            else:  # health
                status, _, body, t = client.request("GET", "/healthz")
                if status == 200 and json.loads(body).get("status") == "degraded":
                    with lock:
                        outage["healthDegraded"] = outage.get("healthDegraded", 0) + 1
        except Exception as error:  # noqa: BLE001 — any transport failure is a finding
            with lock:
                failures.append(f"{kind}: {type(error).__name__}: {error}")
            return
        with lock:
            results.append((kind, status, t, tenant))
            if during_outage():
                outage["byStatus"][str(status)] = outage["byStatus"].get(str(status), 0) + 1
            if status >= 500 and status != 503:
                failures.append(f"{kind}: HTTP {status}")

    mix = (["plan-greedy"] * 30 + ["plan-auto"] * 8 + ["invalid-scenario"] * 12 + ["bad-parameter"] * 6 + ["oversized"] * 3
           + ["check"] * 10 + ["analysis"] * 4 + ["job-cancel"] * 6 + ["job-complete"] * 6 + ["health"] * 15
           + ["scenario-cycle"] * 5)

    pids = [server.pid for server in servers]

    def rss(key="VmRSS"):
        return max(rss_kib(pid, key) for pid in pids)

    memory = {"startKiB": rss()}
    began = time.monotonic()
    rounds = []

    def stop_and_start():
        time.sleep(args.outage_after)
        outage["window"] = (time.monotonic(), None)
        postgres("stop")
        time.sleep(args.outage)
        postgres("start")
        outage["window"] = (outage["window"][0], time.monotonic())
        # Health while it was away is read by the requests themselves (200 "degraded").

    outage_thread = None
    for round_number in (1, 2):
        kinds = [random.choice(mix) for _ in range(args.requests)]
        start = time.monotonic()
        if postgres and round_number == 1:
            outage_thread = threading.Thread(target=stop_and_start)
            outage_thread.start()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            list(pool.map(one, kinds))
        if outage_thread:
            outage_thread.join()
            outage_thread = None
        time.sleep(2)
        rounds.append({"seconds": time.monotonic() - start, "rssKiB": rss()})
    memory["peakKiB"] = rss("VmHWM")
    memory["afterRound1KiB"] = rounds[0]["rssKiB"]
    memory["afterRound2KiB"] = rounds[1]["rssKiB"]
    elapsed = time.monotonic() - began

    # Every job created, read back from a replica: finished, found, run once.
    client = clients[0]
    lost, unfinished, duplicated = [], [], []
    for location, owner_key in created_jobs:
        for _ in range(1200):
            status, _, body, _ = pick(owner_key).request("GET", location)
            if status in (429, 503):
                time.sleep(0.2)
                continue
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
    if keys:
        client = client.as_tenant(keys[-1])
    for scenario, plan in plans:
        for _ in range(100):
            status, _, body, _ = client.request("POST", "/v1/checks", b'{"scenario": ' + scenario + b', "plan": ' + plan + b"}")
            if status != 429:
                break
            time.sleep(0.2)
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
    def pct(values, p):
        values = sorted(values)
        return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else None

    tenants = {}
    for kind, status, t, tenant in results:
        if tenant:
            entry = tenants.setdefault(tenant, {"requests": 0, "statuses": {}})
            entry["requests"] += 1
            entry["statuses"][str(status)] = entry["statuses"].get(str(status), 0) + 1
    for tenant, values in waits.items():
        entry = tenants.setdefault(tenant, {"requests": 0, "statuses": {}})
        entry["jobsCompleted"] = len(values)
        entry["jobWaitSeconds"] = {"p50": round(pct(values, 50), 2), "p90": round(pct(values, 90), 2), "max": round(max(values), 2)}
    for kind, status, t, tenant in results:
        entry = by_kind.setdefault(kind, {"count": 0, "statuses": {}, "latencies": []})
        entry["count"] += 1
        entry["statuses"][str(status)] = entry["statuses"].get(str(status), 0) + 1
        entry["latencies"].append(t)

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
    if keys:
        summary["tenants"] = tenants
    if postgres:
        window = outage["window"]
        summary["outage"] = {"seconds": round(window[1] - window[0], 1), "afterSeconds": args.outage_after,
                             "statusesDuring": outage["byStatus"], "healthDegraded": outage.get("healthDegraded", 0)}
        postgres("stop")
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
