#!/usr/bin/env python3
"""Writes the hand-made example scenarios in Examples/ (spec v1, shared/spec/scenario-v1.md).

    python3 scripts/make_examples.py            # (re)write Examples/*.json
    python3 scripts/make_examples.py --check    # only check that the files on disk are up to date

The people, projects, pins and policies below are written by hand. Two things are
computed: the staff-cost estimates behind the global budget, and the "published
plan" that becomes the baseline of the re-plan example (a simple greedy planner,
enough for a plausible plan; the real planners live in the Swift package).

Every scenario is checked against the spec's rules before it is written
(unknown keys, ids, array lengths, dependencies, pins, mandatory windows, baseline
entries). Python 3 standard library only; the output is deterministic.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "Examples"

# --------------------------------------------------------------------------------------
# Hour profiles (one entry per project period, whole hours).


def const(hours):
    """The same hours in every period (spec: a plain number)."""
    return hours


def bell(duration, peak, low=0.35):
    """Ramp up, plateau briefly, ramp down: low·peak at the ends, peak in the middle."""
    if duration == 1:
        return [peak]
    out = []
    for k in range(duration):
        x = k / (duration - 1)
        w = low + (1 - low) * (1 - abs(2 * x - 1))
        out.append(int(round(peak * w)))
    return out


def ramp_up(duration, start, end):
    """Linear from `start` to `end` hours."""
    if duration == 1:
        return [end]
    return [int(round(start + (end - start) * k / (duration - 1))) for k in range(duration)]


def ramp_down(duration, start, end):
    """Linear from `start` down to `end` hours."""
    return ramp_up(duration, start, end)


def capacity(weekly, periods, off=()):
    """`weekly` hours a week, zero in the `off` weeks; a plain number when there is no leave."""
    off = set(off)
    if not off:
        return weekly
    return [0 if t in off else weekly for t in range(periods)]


def person(pid, name, team, skills, cap, cost, max_projects=None):
    p = {"id": pid, "name": name, "skills": skills, "capacity": cap, "costPerHour": cost}
    if max_projects is not None:
        p["maxConcurrentProjects"] = max_projects
    p["team"] = team
    return p


def demand(skill, hours, min_level=None, did=None):
    d = {}
    if did is not None:
        d["id"] = did
    d["skill"] = skill
    if min_level is not None:
        d["minLevel"] = min_level
    d["hours"] = hours
    return d


def project(pid, name, value, duration, demands, mandatory=False, earliest=None, deadline=None,
            budget=None, depends=None):
    p = {"id": pid, "name": name, "value": value}
    if mandatory:
        p["mandatory"] = True
    p["duration"] = duration
    if earliest is not None:
        p["earliestStart"] = earliest
    if deadline is not None:
        p["deadline"] = deadline
    if budget is not None:
        p["budget"] = budget
    if depends:
        p["dependsOn"] = depends
    p["demands"] = demands
    return p


# --------------------------------------------------------------------------------------
# Small team: a product squad of six, four candidate projects, eight weeks.


SMALL_VALUE_MULTIPLE = {"signup-flow": 2.0, "billing-export": 1.3, "usage-dashboard": 1.6, "ci-speedup": 0.9}


def small_team():
    periods = 8
    people = [
        person("maya", "Maya Cohen", "Squad", {"backend": 4, "devops": 3}, 40, 110, 2),
        person("leo", "Leo Janssen", "Squad", {"backend": 3, "data": 2}, capacity(40, periods, [1]), 85),
        person("sara", "Sara Lind", "Squad", {"frontend": 4, "design": 2}, 40, 95, 2),
        person("tomas", "Tomás Ruiz", "Squad", {"frontend": 2, "backend": 2}, 32, 60, 1),
        person("ife", "Ifeoma Eze", "Squad", {"design": 4, "frontend": 2}, capacity(32, periods, [6, 7]), 90),
        person("karl", "Karl Berg", "Squad", {"qa": 3, "backend": 2}, 40, 70),
    ]
    projects = [
        project("signup-flow", "Sign-up flow refresh", 0, 5, [
            demand("frontend", bell(5, 64), 2),
            demand("design", ramp_down(5, 24, 8), 3),
            demand("backend", 16, 2),
            demand("qa", ramp_up(5, 4, 12)),
        ]),
        project("billing-export", "Billing export for finance", 0, 4, [
            demand("backend", 40, 2),
            demand("qa", ramp_up(4, 8, 24)),
        ], mandatory=True, deadline=5),
        project("usage-dashboard", "Customer usage dashboard", 0, 6, [
            demand("frontend", 40, 2),
            demand("backend", bell(6, 40), 2),
            demand("data", 20, 2),
            demand("design", ramp_down(6, 24, 8), 2),
            demand("qa", 12),
        ], earliest=2),
        project("ci-speedup", "CI pipeline speed-up", 0, 3, [
            demand("devops", 24, 3),
            demand("backend", 12, 3),
        ]),
    ]
    price(projects, people, SMALL_VALUE_MULTIPLE, step=1000)
    return {
        "version": 1,
        "horizon": {"periods": periods, "start": "2027-03-01", "unit": "week"},
        "people": people,
        "projects": projects,
        "policy": {"utilizationCap": 0.9},
    }


# --------------------------------------------------------------------------------------
# Mid-size PMO: 40 people in seven teams, 15 candidate projects, 26 weeks (H1 2027).

MID_PERIODS = 26
EASTER = 12  # week of 29 March 2027


def mid_people():
    P = MID_PERIODS
    return [
        # Platform
        person("amara-okafor", "Amara Okafor", "Platform", {"backend": 5, "devops": 4}, 40, 135, 3),
        person("dmitri-volkov", "Dmitri Volkov", "Platform", {"backend": 5, "data": 3}, 40, 130, 2),
        person("sofia-lindqvist", "Sofia Lindqvist", "Platform", {"backend": 4, "devops": 3}, capacity(40, P, [EASTER]), 110),
        person("kwame-mensah", "Kwame Mensah", "Platform", {"devops": 5, "security": 3}, 40, 125, 2),
        person("hiro-tanaka", "Hiro Tanaka", "Platform", {"backend": 3}, 40, 85),
        person("elena-popescu", "Elena Popescu", "Platform", {"devops": 3, "backend": 2}, capacity(40, P, [EASTER, EASTER + 1]), 90),
        person("ravi-iyer", "Ravi Iyer", "Platform", {"backend": 2, "qa": 2}, 40, 65, 1),
        person("jonas-becker", "Jonas Becker", "Platform", {"backend": 4, "frontend": 2}, 32, 105),
        # Payments
        person("nadia-haddad", "Nadia Haddad", "Payments", {"backend": 5, "security": 3}, 40, 130, 2),
        person("tom-reilly", "Tom Reilly", "Payments", {"backend": 4}, capacity(40, P, [8, 9]), 110),
        person("mei-chen", "Mei Chen", "Payments", {"backend": 3, "frontend": 3}, 40, 95),
        person("oscar-nilsson", "Oscar Nilsson", "Payments", {"qa": 4}, 40, 85),
        person("fatima-zahra", "Fatima Zahra", "Payments", {"backend": 3, "data": 2}, 40, 90),
        person("pieter-de-vries", "Pieter de Vries", "Payments", {"devops": 3, "backend": 3}, capacity(40, P, [EASTER]), 95),
        person("grace-adeyemi", "Grace Adeyemi", "Payments", {"pm": 4}, 40, 100, 3),
        # Data
        person("lucia-ferreira", "Lucía Ferreira", "Data", {"data": 5, "backend": 3}, 40, 125, 2),
        person("arjun-sharma", "Arjun Sharma", "Data", {"data": 4}, 40, 105),
        person("ingrid-solberg", "Ingrid Solberg", "Data", {"data": 4, "qa": 2}, capacity(40, P, range(14, 26)), 100),
        person("yusuf-demir", "Yusuf Demir", "Data", {"data": 3, "backend": 2}, 40, 85),
        person("chloe-martin", "Chloé Martin", "Data", {"data": 2}, capacity(40, P, range(0, 4)), 60, 1),
        person("marco-rossi", "Marco Rossi", "Data", {"data": 4, "security": 2}, capacity(40, P, [EASTER]), 110),
        person("hana-kim", "Hana Kim", "Data", {"data": 3, "frontend": 2}, 32, 80),
        # Web
        person("lea-dubois", "Léa Dubois", "Web", {"frontend": 5, "design": 3}, 40, 120, 3),
        person("sam-oconnor", "Sam O'Connor", "Web", {"frontend": 4}, 40, 100),
        person("priya-nair", "Priya Nair", "Web", {"frontend": 3, "qa": 2}, 40, 80),
        person("ben-carter", "Ben Carter", "Web", {"frontend": 3, "backend": 2}, capacity(40, P, [EASTER]), 85),
        person("aiko-sato", "Aiko Sato", "Web", {"frontend": 2}, 40, 60, 1),
        person("mateo-garcia", "Mateo García", "Web", {"frontend": 4, "design": 2}, capacity(40, P, [7, 8]), 105),
        # Mobile
        person("zoe-williams", "Zoe Williams", "Mobile", {"mobile": 5, "frontend": 3}, 40, 125, 2),
        person("kenji-watanabe", "Kenji Watanabe", "Mobile", {"mobile": 4}, 40, 105),
        person("amina-diallo", "Amina Diallo", "Mobile", {"mobile": 3, "qa": 2}, capacity(40, P, [EASTER]), 85),
        person("lars-eriksen", "Lars Eriksen", "Mobile", {"mobile": 3, "backend": 2}, 32, 85),
        person("nora-fischer", "Nora Fischer", "Mobile", {"qa": 4, "mobile": 2}, 40, 85),
        # Security & Compliance
        person("victor-alvarez", "Víctor Álvarez", "Security & Compliance", {"security": 5, "devops": 3}, 40, 140, 2),
        person("julia-nowak", "Julia Nowak", "Security & Compliance", {"security": 3, "qa": 2}, 40, 95),
        person("omar-farouk", "Omar Farouk", "Security & Compliance", {"security": 4, "backend": 3}, capacity(40, P, [20, 21]), 120),
        # PMO & Design
        person("isabel-moreno", "Isabel Moreno", "PMO & Design", {"pm": 5}, 40, 115, 3),
        person("tariq-hassan", "Tariq Hassan", "PMO & Design", {"pm": 3}, 40, 90, 2),
        person("freya-olsen", "Freya Olsen", "PMO & Design", {"design": 5, "frontend": 2}, 40, 115, 2),
        person("ali-rahimi", "Ali Rahimi", "PMO & Design", {"design": 3}, capacity(40, P, [EASTER]), 80),
    ]


def mid_projects():
    return [
        project("payments-migration", "Payments platform migration", 0, 14, [
            demand("backend", bell(14, 160), 4, "core"),
            demand("backend", ramp_up(14, 40, 100), 2, "integration"),
            demand("devops", 60, 3),
            demand("qa", ramp_up(14, 20, 60), 2),
            demand("security", 20, 3),
            demand("pm", 20),
        ], budget=680000),
        project("pci-dss-4", "PCI DSS 4.0 compliance", 0, 10, [
            demand("security", 80, 3),
            demand("backend", 60, 3),
            demand("devops", ramp_up(10, 20, 60), 3),
            demand("pm", 20),
        ], mandatory=True, deadline=16),
        project("checkout-redesign", "Checkout redesign", 0, 10, [
            demand("frontend", bell(10, 200), 3),
            demand("design", ramp_down(10, 100, 20), 3),
            demand("backend", 60, 3),
            demand("qa", ramp_up(10, 20, 60), 2),
            demand("pm", 16),
        ]),
        project("mobile-app-3", "Mobile app 3.0", 0, 16, [
            demand("mobile", bell(16, 120), 3),
            demand("design", ramp_down(16, 60, 10), 3),
            demand("backend", 60, 3, "api"),
            demand("qa", ramp_up(16, 20, 80), 2),
            demand("pm", 20),
        ], earliest=2),
        project("customer-data-platform", "Customer data platform", 0, 12, [
            demand("data", bell(12, 160), 3),
            demand("backend", 80, 3),
            demand("devops", 40, 3),
            demand("pm", 16),
        ]),
        project("fraud-detection-v2", "Fraud detection v2", 0, 10, [
            demand("data", 90, 4),
            demand("backend", 60, 4),
            demand("security", 40, 3),
        ], deadline=25, depends=["customer-data-platform"]),
        project("self-service-onboarding", "Self-service onboarding", 0, 8, [
            demand("frontend", 140, 2),
            demand("backend", 80, 2),
            demand("design", ramp_down(8, 60, 10), 2),
            demand("qa", 40),
            demand("pm", 12),
        ], earliest=4),
        project("partner-api", "Partner API", 0, 10, [
            demand("backend", 140, 3),
            demand("security", 60, 3),
            demand("pm", 20),
        ], budget=200000),
        project("observability", "Observability overhaul", 0, 8, [
            demand("devops", 100, 3),
            demand("backend", 60, 3),
            demand("security", 20, 3),
        ]),
        project("lakehouse-migration", "Data warehouse to lakehouse migration", 0, 18, [
            demand("data", ramp_up(18, 60, 150), 3),
            demand("devops", 60, 3),
            demand("backend", 40, 3),
        ], budget=420000),
        project("loyalty-pilot", "Loyalty programme pilot", 0, 8, [
            demand("frontend", 80, 2),
            demand("mobile", 80, 3),
            demand("backend", 60, 2),
            demand("data", 40, 2),
            demand("pm", 12),
        ], earliest=8, deadline=22, depends=["customer-data-platform"]),
        project("accessibility-remediation", "Accessibility remediation (EAA audit findings)", 0, 10, [
            demand("frontend", 140, 3),
            demand("design", 40, 3),
            demand("qa", 60, 3),
            demand("mobile", 60, 2),
            demand("pm", 16),
        ], mandatory=True, deadline=21),
        project("search-relevance", "Search relevance tuning", 0, 6, [
            demand("data", 100, 4),
            demand("backend", 80, 3),
            demand("pm", 12),
        ]),
        project("admin-tool-rebuild", "Internal admin tool rebuild", 0, 10, [
            demand("frontend", 120, 2),
            demand("backend", 100, 2),
            demand("pm", 12),
        ]),
        project("subscription-billing", "Subscription billing", 0, 10, [
            demand("backend", 160, 4),
            demand("frontend", 80, 3),
            demand("qa", 60, 3),
            demand("security", 20, 3),
            demand("pm", 16),
        ], deadline=25, depends=["payments-migration"]),
    ]


# Value as a multiple of the staff-cost estimate: most worth doing, some marginal, some not.
MID_VALUE_MULTIPLE = {
    "payments-migration": 2.2,
    "pci-dss-4": 1.0,
    "checkout-redesign": 2.6,
    "mobile-app-3": 1.8,
    "customer-data-platform": 1.6,
    "fraud-detection-v2": 2.8,
    "self-service-onboarding": 1.9,
    "partner-api": 1.1,
    "observability": 1.4,
    "lakehouse-migration": 1.15,
    "loyalty-pilot": 0.8,
    "accessibility-remediation": 0.9,
    "search-relevance": 2.0,
    "admin-tool-rebuild": 0.7,
    "subscription-billing": 2.5,
    "3ds-mandate": 1.2,
}


def hours_list(d, duration):
    return d["hours"] if isinstance(d["hours"], list) else [d["hours"]] * duration


def qualifies(p, d):
    return p["skills"].get(d["skill"], 0) >= d.get("minLevel", 1)


def cost_estimate(proj, people):
    """Demand hours × mean cost of the people who qualify."""
    total = 0.0
    for d in proj["demands"]:
        rates = [p["costPerHour"] for p in people if qualifies(p, d)]
        rate = sum(rates) / len(rates) if rates else 100
        total += sum(hours_list(d, proj["duration"])) * rate
    return total


def mid_pins():
    return [
        # The security lead has already been promised to the PCI audit.
        {"person": "victor-alvarez", "project": "pci-dss-4", "demand": "security", "hours": 120},
        # The accessibility specialist runs the remediation's kick-off week.
        {"person": "lea-dubois", "project": "accessibility-remediation", "demand": "frontend", "hours": 60},
        # Freya leads checkout design: that commits the programme to the checkout redesign.
        {"person": "freya-olsen", "project": "checkout-redesign", "demand": "design", "hours": 80},
    ]


def price(projects, people, multiples, step=5000):
    """Sets each project's value to its staff-cost estimate × its multiple, rounded to `step`."""
    for proj in projects:
        est = cost_estimate(proj, people)
        proj["value"] = int(round(est * multiples[proj["id"]] / step)) * step


# Format v2 for the mid-size PMO: what each project serves, how it is classified, what a week of
# waiting costs, and the systems it changes.
MID_DRIVERS = [
    {"id": "digital-revenue", "name": "Grow digital revenue", "weight": 0.4},
    {"id": "regulatory-risk", "name": "Reduce regulatory risk", "weight": 0.3},
    {"id": "customer-experience", "name": "Improve customer experience", "weight": 0.2},
    {"id": "run-cost", "name": "Lower the cost of running", "weight": 0.1},
]
MID_VALUE_PER_POINT = 20000

# id: (scores, department, theme, cost of delay as a share of value per week, systems touched)
MID_V2 = {
    "payments-migration": ({"digital-revenue": 3, "run-cost": 4}, "payments", "run", 0.010, ["payments-core"]),
    "pci-dss-4": ({"regulatory-risk": 5}, "payments", "compliance", 0.0, ["payments-core"]),
    "checkout-redesign": ({"digital-revenue": 5, "customer-experience": 4}, "ecommerce", "growth", 0.012, ["payments-core"]),
    "mobile-app-3": ({"digital-revenue": 3, "customer-experience": 5}, "ecommerce", "growth", 0.008, []),
    "customer-data-platform": ({"customer-experience": 2, "digital-revenue": 2}, "data", "growth", 0.006, ["crm"]),
    "fraud-detection-v2": ({"regulatory-risk": 3, "run-cost": 3}, "payments", "run", 0.010, ["payments-core"]),
    "self-service-onboarding": ({"customer-experience": 4, "run-cost": 2}, "ecommerce", "growth", 0.008, ["crm"]),
    "partner-api": ({"digital-revenue": 2}, "platform", "growth", 0.004, []),
    "observability": ({"run-cost": 4}, "platform", "run", 0.003, []),
    "lakehouse-migration": ({"run-cost": 3}, "data", "run", 0.002, []),
    "loyalty-pilot": ({"digital-revenue": 2, "customer-experience": 2}, "marketing", "growth", 0.005, ["crm"]),
    "accessibility-remediation": ({"regulatory-risk": 4, "customer-experience": 3}, "ecommerce", "compliance", 0.0, []),
    "search-relevance": ({"digital-revenue": 3, "customer-experience": 2}, "ecommerce", "growth", 0.010, []),
    "admin-tool-rebuild": ({"run-cost": 2}, "platform", "run", 0.0, []),
    "subscription-billing": ({"digital-revenue": 5}, "payments", "growth", 0.012, ["payments-core"]),
    "3ds-mandate": ({"regulatory-risk": 5}, "payments", "compliance", 0.0, ["payments-core"]),
}

MID_SYSTEMS = [
    # The payments core takes two change projects at a time and is frozen for the half-year close.
    {"id": "payments-core", "name": "Payments core", "maxConcurrentProjects": 2, "freezes": [24, 25]},
    {"id": "crm", "name": "CRM", "maxConcurrentProjects": 2, "freezes": []},
]

MID_BALANCE = [
    # Growth may not take more than 70 % of staff cost; compliance keeps at least 10 %.
    {"tag": "theme", "value": "growth", "measure": "cost", "minShare": 0, "maxShare": 0.7},
    {"tag": "theme", "value": "compliance", "measure": "cost", "minShare": 0.1, "maxShare": 1},
]


def add_version2(projects):
    """Scores, tags, cost of delay and systems on the mid-size projects (format v2)."""
    for proj in projects:
        scores, department, theme, delay, touches = MID_V2[proj["id"]]
        proj["scores"] = scores
        proj["tags"] = {"department": department, "theme": theme}
        if delay:
            proj["costOfDelay"] = int(round(proj["value"] * delay / 500.0)) * 500
        if touches:
            proj["touches"] = touches


def mid_size():
    people = mid_people()
    projects = mid_projects()
    price(projects, people, MID_VALUE_MULTIPLE)
    add_version2(projects)
    everything = sum(cost_estimate(p, people) for p in projects)
    return {
        "version": 2,
        "horizon": {"periods": MID_PERIODS, "start": "2027-01-04", "unit": "week"},
        "people": people,
        "projects": projects,
        "pins": mid_pins(),
        "policy": {
            "utilizationCap": 0.85,
            "unmetPenaltyPerHour": 10000,
            "assignmentPenalty": 200,
            "budget": int(round(everything * 0.7 / 10000.0)) * 10000,
            "balance": MID_BALANCE,
        },
        "strategy": {"drivers": MID_DRIVERS, "valuePerPoint": MID_VALUE_PER_POINT},
        "systems": MID_SYSTEMS,
    }


# --------------------------------------------------------------------------------------
# A simple greedy planner: the "published plan" of the mid-size PMO.


def greedy_plan(scn):
    """Mandatory and pinned projects first, then by value ÷ cost; each at its earliest start
    that it can fully staff (mandatory ones may be left short); cheapest qualified people
    first, within capacity × utilisation cap, concurrency limits, budgets and pins."""
    periods = scn["horizon"]["periods"]
    cap = scn["policy"].get("utilizationCap", 1)
    people = scn["people"]
    room = {}
    for p in people:
        c = p["capacity"]
        for t in range(periods):
            room[(p["id"], t)] = (c[t] if isinstance(c, list) else c) * cap
    active = {}  # (person, period) -> set of projects
    spent_total = 0.0
    budget_total = scn["policy"].get("budget", float("inf"))
    by_id = {p["id"]: p for p in scn["projects"]}
    pinned = {pin["project"] for pin in scn.get("pins", [])}
    pins_of = {}
    for pin in scn.get("pins", []):
        pins_of.setdefault(pin["project"], []).append(pin)
    person_by_id = {p["id"]: p for p in people}

    def priority(proj):
        rank = 0 if proj.get("mandatory", False) else (1 if proj["id"] in pinned else 2)
        return (rank, -proj["value"] / max(1.0, cost_estimate(proj, people)))

    starts = {}
    assignments = {}  # (person, project, demand, period) -> hours

    def try_start(proj, s, commit):
        """Staffs `proj` from start `s`; returns its shortfall in hours, or None when it does not fit."""
        nonlocal spent_total
        trial_room = dict()
        trial_active = dict()
        trial = {}
        spent = 0.0
        short = 0.0

        def free(pid, t):
            return trial_room.get((pid, t), room[(pid, t)])

        def projects_at(pid, t):
            return trial_active.get((pid, t), active.get((pid, t), set()))

        def book(pid, d, t, h):
            nonlocal spent
            trial_room[(pid, t)] = free(pid, t) - h
            trial_active[(pid, t)] = projects_at(pid, t) | {proj["id"]}
            key = (pid, proj["id"], d.get("id", d["skill"]), t)
            trial[key] = trial.get(key, 0) + h
            spent += h * person_by_id[pid]["costPerHour"]

        def may_join(p, t):
            m = p.get("maxConcurrentProjects")
            on = projects_at(p["id"], t)
            return m is None or proj["id"] in on or len(on) < m

        need = {}
        for d in proj["demands"]:
            for k, h in enumerate(hours_list(d, proj["duration"])):
                need[(d.get("id", d["skill"]), k)] = h
        # Pins first.
        for pin in pins_of.get(proj["id"], []):
            p = person_by_id[pin["person"]]
            left = pin["hours"]
            for d in proj["demands"]:
                if pin.get("demand") not in (None, d.get("id", d["skill"])) or not qualifies(p, d):
                    continue
                for k in range(proj["duration"]):
                    t = s + k
                    if left <= 0 or not may_join(p, t):
                        continue
                    h = min(left, free(p["id"], t), need[(d.get("id", d["skill"]), k)])
                    if h >= 1:
                        h = float(int(h))
                        book(p["id"], d, t, h)
                        need[(d.get("id", d["skill"]), k)] -= h
                        left -= h
            if left > 0:
                return None
        # Then everybody else, cheapest first, people already on the project preferred.
        for d in proj["demands"]:
            did = d.get("id", d["skill"])
            eligible = sorted((p for p in people if qualifies(p, d)), key=lambda p: p["costPerHour"])
            for k in range(proj["duration"]):
                t = s + k
                left = need[(did, k)]
                ordered = sorted(eligible, key=lambda p: 0 if proj["id"] in projects_at(p["id"], t) else 1)
                for p in ordered:
                    if left <= 0:
                        break
                    if not may_join(p, t):
                        continue
                    h = float(int(min(left, free(p["id"], t))))
                    if h >= 1:
                        book(p["id"], d, t, h)
                        left -= h
                short += max(0.0, left)
        mandatory = proj.get("mandatory", False)
        if short > 0 and not mandatory:
            return None
        if "budget" in proj and spent > proj["budget"]:
            return None
        if spent_total + spent > budget_total:
            return None
        if commit:
            room.update(trial_room)
            active.update(trial_active)
            assignments.update(trial)
            spent_total += spent
        return short

    def place(proj):
        """Selects and staffs `proj` at its best start; False when it cannot go ahead (yet)."""
        periods_last = min(proj.get("deadline", periods - 1), periods - 1)
        lo = proj.get("earliestStart", 0)
        for dep in proj.get("dependsOn", []):
            if dep not in starts:
                return False
            lo = max(lo, starts[dep] + by_id[dep]["duration"])
        # The earliest start that works; for a mandatory project, the one with the least shortfall.
        best = None
        for s in range(lo, periods_last - proj["duration"] + 2):
            short = try_start(proj, s, commit=False)
            if short is not None and (best is None or short < best[1]):
                best = (s, short)
            if best is not None and (best[1] == 0 or not proj.get("mandatory", False)):
                break
        if best is None:
            return False
        try_start(proj, best[0], commit=True)
        starts[proj["id"]] = best[0]
        return True

    # Passes until nothing more fits: a dependent waits for a later pass when its dependency
    # comes after it in priority order.
    queue = sorted(scn["projects"], key=priority)
    while queue:
        placed = [proj["id"] for proj in queue if place(proj)]
        if not placed:
            break
        queue = [proj for proj in queue if proj["id"] not in starts]

    plan_projects = []
    for proj in scn["projects"]:
        if proj["id"] in starts:
            plan_projects.append({"id": proj["id"], "selected": True, "start": starts[proj["id"]]})
        else:
            plan_projects.append({"id": proj["id"], "selected": False})
    plan_assignments = [
        {"person": pid, "project": j, "demand": d, "period": t, "hours": int(h) if h == int(h) else h}
        for (pid, j, d, t), h in sorted(assignments.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][3], kv[0][0]))
        if h > 0
    ]
    return {"projects": plan_projects, "assignments": plan_assignments}


# --------------------------------------------------------------------------------------
# Re-plan: the same PMO after two people leave and an urgent mandate arrives.

DEPARTED = ["dmitri-volkov", "lucia-ferreira"]


def replan(mid):
    published = greedy_plan(mid)
    people = [p for p in mid["people"] if p["id"] not in DEPARTED]
    projects = json.loads(json.dumps(mid["projects"]))
    urgent = project("3ds-mandate", "3-D Secure 2.3 card-scheme mandate", 0, 6, [
        demand("backend", ramp_up(6, 40, 90), 4),
        demand("security", 40, 3),
        demand("qa", ramp_up(6, 20, 60), 2),
        demand("pm", 16),
    ], mandatory=True, earliest=2, deadline=9)
    projects.insert(2, urgent)
    price([urgent], people, MID_VALUE_MULTIPLE)
    add_version2([urgent])
    everything = sum(cost_estimate(p, people) for p in projects)
    policy = dict(mid["policy"])
    policy["budget"] = int(round(everything * 0.7 / 10000.0)) * 10000
    policy["changePenaltyPerHour"] = 15
    policy["startChangePenalty"] = 5000
    return published, {
        "version": 2,
        "horizon": dict(mid["horizon"]),
        "people": people,
        "projects": projects,
        "pins": mid["pins"],
        "baseline": published,
        "policy": policy,
        "strategy": mid["strategy"],
        "systems": mid["systems"],
    }


# --------------------------------------------------------------------------------------
# Spec checks.

KEYS = {
    "scenario": {"version", "horizon", "people", "projects", "pins", "baseline", "policy", "strategy", "systems"},
    "horizon": {"periods", "start", "unit"},
    "person": {"id", "name", "skills", "capacity", "costPerHour", "maxConcurrentProjects", "team"},
    "project": {"id", "name", "value", "mandatory", "duration", "earliestStart", "deadline", "budget",
                "dependsOn", "demands", "scores", "tags", "costOfDelay", "touches", "excludes"},
    "demand": {"id", "skill", "minLevel", "hours"},
    "pin": {"person", "project", "demand", "period", "hours"},
    "baseline": {"projects", "assignments"},
    "decision": {"id", "selected", "start"},
    "assignment": {"person", "project", "demand", "period", "hours"},
    "policy": {"utilizationCap", "unmetPenaltyPerHour", "assignmentPenalty", "budget",
               "changePenaltyPerHour", "startChangePenalty", "balance"},
}


def check(scn, name):
    errors = []

    def err(msg):
        errors.append(f"{name}: {msg}")

    def keys(obj, kind, path):
        extra = set(obj) - KEYS[kind]
        if extra:
            err(f"{path}: unknown keys {sorted(extra)}")

    def number(x):
        return isinstance(x, (int, float)) and not isinstance(x, bool)

    def integer(x):
        return number(x) and float(x) == int(x)

    keys(scn, "scenario", "")
    if scn.get("version") not in (1, 2):
        err("version must be 1 or 2")
    if scn.get("version") == 1 and ({"strategy", "systems"} & set(scn) or "balance" in scn.get("policy", {})):
        err("version-2 keys in a version-1 scenario")
    hz = scn["horizon"]
    keys(hz, "horizon", "horizon")
    periods = hz["periods"]
    if not integer(periods) or periods < 1:
        err("horizon.periods")
    if hz.get("unit") not in (None, "day", "week", "month", "quarter"):
        err("horizon.unit")
    people = {}
    for i, p in enumerate(scn["people"]):
        path = f"people[{i}]"
        keys(p, "person", path)
        if not p["id"] or p["id"] in people:
            err(f"{path}.id empty or duplicate")
        people[p["id"]] = p
        for s, lv in p.get("skills", {}).items():
            if not integer(lv) or not 1 <= lv <= 5:
                err(f"{path}.skills.{s}")
        c = p["capacity"]
        if isinstance(c, list):
            if len(c) != periods or not all(number(x) and x >= 0 for x in c):
                err(f"{path}.capacity array")
        elif not number(c) or c < 0:
            err(f"{path}.capacity")
        if not number(p.get("costPerHour", 0)) or p.get("costPerHour", 0) < 0:
            err(f"{path}.costPerHour")
        m = p.get("maxConcurrentProjects")
        if m is not None and (not integer(m) or m < 1):
            err(f"{path}.maxConcurrentProjects")
    projects = {}
    for j, pr in enumerate(scn["projects"]):
        path = f"projects[{j}]"
        keys(pr, "project", path)
        if not pr["id"] or pr["id"] in projects:
            err(f"{path}.id empty or duplicate")
        projects[pr["id"]] = pr
        if not integer(pr["duration"]) or pr["duration"] < 1:
            err(f"{path}.duration")
        if pr.get("value", 0) < 0 or pr.get("budget", 0) < 0 or pr.get("earliestStart", 0) < 0:
            err(f"{path}: negative value, budget or earliestStart")
        ids = set()
        for k, d in enumerate(pr.get("demands", [])):
            keys(d, "demand", f"{path}.demands[{k}]")
            did = d.get("id", d["skill"])
            if did in ids:
                err(f"{path}.demands[{k}] duplicate id {did}")
            ids.add(did)
            if not 1 <= d.get("minLevel", 1) <= 5:
                err(f"{path}.demands[{k}].minLevel")
            h = d["hours"]
            if isinstance(h, list):
                if len(h) != pr["duration"] or not all(number(x) and x >= 0 for x in h):
                    err(f"{path}.demands[{k}].hours array")
            elif not number(h) or h < 0:
                err(f"{path}.demands[{k}].hours")
    # Dependencies: known and acyclic; "can never be selected" propagation.
    state = {}

    def visit(pid, stack):
        if state.get(pid) == 1:
            err(f"dependency cycle through {pid}")
            return
        if state.get(pid) == 2:
            return
        state[pid] = 1
        for dep in projects[pid].get("dependsOn", []):
            if dep not in projects:
                err(f"{pid}.dependsOn names unknown {dep}")
            else:
                visit(dep, stack + [pid])
        state[pid] = 2

    for pid in projects:
        visit(pid, [])

    def fits(pr):
        last = min(pr.get("deadline", periods - 1), periods - 1)
        return pr.get("earliestStart", 0) + pr["duration"] - 1 <= last

    def selectable(pid, seen=()):
        pr = projects[pid]
        return fits(pr) and all(dep in projects and dep not in seen and selectable(dep, seen + (pid,))
                                for dep in pr.get("dependsOn", []))

    for pid, pr in projects.items():
        if pr.get("mandatory") and not fits(pr):
            err(f"mandatory {pid} cannot fit its window")
        if pr.get("mandatory") and not all(selectable(dep) for dep in pr.get("dependsOn", [])):
            err(f"mandatory {pid} depends on a project that can never be selected")
        if not selectable(pid):
            err(f"{pid} can never be selected (valid, but not intended in these examples)")
    for i, pin in enumerate(scn.get("pins", [])):
        keys(pin, "pin", f"pins[{i}]")
        p = people.get(pin["person"])
        pr = projects.get(pin["project"])
        if p is None or pr is None:
            err(f"pins[{i}] names an unknown person or project")
            continue
        reach = [d for d in pr["demands"] if pin.get("demand") in (None, d.get("id", d["skill"]))]
        if not reach:
            err(f"pins[{i}].demand unknown")
        if not any(qualifies(p, d) for d in reach):
            err(f"pins[{i}] person does not qualify")
        if "period" in pin and not 0 <= pin["period"] < periods:
            err(f"pins[{i}].period outside horizon")
        if not pin["hours"] > 0:
            err(f"pins[{i}].hours")
    bl = scn.get("baseline")
    if bl is not None:
        keys(bl, "baseline", "baseline")
        seen = set()
        for k, dec in enumerate(bl.get("projects", [])):
            keys(dec, "decision", f"baseline.projects[{k}]")
            if dec["id"] in seen:
                err(f"baseline.projects[{k}] given twice")
            seen.add(dec["id"])
            if dec["selected"] and "start" not in dec:
                err(f"baseline.projects[{k}] selected without start")
        cells = set()
        for k, a in enumerate(bl.get("assignments", [])):
            keys(a, "assignment", f"baseline.assignments[{k}]")
            cell = (a["person"], a["project"], a["demand"], a["period"])
            if cell in cells:
                err(f"baseline.assignments[{k}] given twice")
            cells.add(cell)
            if not a["hours"] > 0:
                err(f"baseline.assignments[{k}].hours")
    pol = scn.get("policy", {})
    keys(pol, "policy", "policy")
    if not 0 < pol.get("utilizationCap", 1) <= 1:
        err("policy.utilizationCap")
    return errors


def unstaffable(scn):
    """Demands that even all qualified people together could not cover at any start of the
    project's window (a necessary condition for staffing; concurrency and other projects ignored)."""
    periods = scn["horizon"]["periods"]
    cap = scn.get("policy", {}).get("utilizationCap", 1)

    def usable(p, t):
        c = p["capacity"]
        return (c[t] if isinstance(c, list) else c) * cap

    found = []
    for pr in scn["projects"]:
        last = min(pr.get("deadline", periods - 1), periods - 1)
        starts = range(pr.get("earliestStart", 0), last - pr["duration"] + 2)
        for d in pr["demands"]:
            eligible = [p for p in scn["people"] if qualifies(p, d)]
            hours = hours_list(d, pr["duration"])
            if not any(all(sum(usable(p, s + k) for p in eligible) >= h for k, h in enumerate(hours)) for s in starts):
                found.append(f"{pr['id']}/{d.get('id', d['skill'])}")
    return found


def summary(scn):
    periods = scn["horizon"]["periods"]
    cap = scn.get("policy", {}).get("utilizationCap", 1)
    supply = 0.0
    for p in scn["people"]:
        c = p["capacity"]
        supply += (sum(c) if isinstance(c, list) else c * periods) * cap
    demand_hours = sum(sum(hours_list(d, pr["duration"])) for pr in scn["projects"] for d in pr["demands"])
    return supply, demand_hours


# --------------------------------------------------------------------------------------
# Output: two-space indentation, number arrays and small objects on one line.


def render(value, indent=0):
    pad = "  " * indent
    inner = "  " * (indent + 1)
    if isinstance(value, dict):
        flat = json.dumps(value, ensure_ascii=False)
        if len(flat) + len(pad) <= 120:
            return flat
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {render(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if _numbers(value) or all(isinstance(v, str) for v in value):
            return json.dumps(value, ensure_ascii=False)
        items = [f"{inner}{render(v, indent + 1)}" for v in value]
        return "[\n" + ",\n".join(items) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)


def _numbers(v):
    return isinstance(v, list) and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in v)


def main():
    only_check = "--check" in sys.argv[1:]
    mid = mid_size()
    published, after = replan(mid)
    outputs = {
        "small-team.json": small_team(),
        "mid-size-pmo.json": mid,
        "replan-after-departures.json": after,
    }
    failed = False
    for name, scn in outputs.items():
        problems = check(scn, name)
        for p in problems:
            print(p, file=sys.stderr)
        failed = failed or bool(problems)
        supply, demand_hours = summary(scn)
        for demand_id in unstaffable(scn):
            print(f"{name}: note: demand {demand_id} cannot be fully staffed by everyone qualified", file=sys.stderr)
        text = render(scn) + "\n"
        json.loads(text)  # well-formed
        path = EXAMPLES / name
        if only_check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"{name}: out of date (run scripts/make_examples.py)", file=sys.stderr)
                failed = True
        else:
            EXAMPLES.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
        print(f"{name}: {len(scn['people'])} people, {len(scn['projects'])} projects, "
              f"{scn['horizon']['periods']} periods; demand {demand_hours:.0f} h vs usable supply "
              f"{supply:.0f} h ({demand_hours / supply:.2f}×)")
    selected = [p["id"] for p in published["projects"] if p["selected"]]
    orphaned = [a for a in published["assignments"] if a["person"] in DEPARTED]
    print(f"published plan: {len(selected)} of {len(published['projects'])} projects selected, "
          f"{len(published['assignments'])} assignments, {len(orphaned)} of them by the two departed people "
          f"({sum(a['hours'] for a in orphaned)} h)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
