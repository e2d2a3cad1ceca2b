"""Schemathesis hooks for scripts/api-conformance (Docs/service.md, "The contract").

JSON Schema says a scenario's shape; it cannot say that ids are unique, that a reference names
an id that exists, that an array has `horizon.periods` entries, or that a mandatory project fits
its window (the schema's descriptions list these, after "Not expressible in the schema:"). A
scenario drawn from the schema breaks one of them four times in five, and the service rightly
answers 422. So, for a generated body that the schema accepts, these hooks make what the schema
cannot say true as well, changing as little as they can: duplicate ids are renamed, references
to missing ids are dropped, arrays are cut or padded to the right length, a mandatory project
that cannot be placed is made optional. A body the schema rejects (the negative phase) is left
exactly as drawn. So that a run fits in CI, solves are kept short (`timeLimit` at most 1 s)
and horizons and durations to 104 periods.
"""
import json
import os

import jsonschema
import schemathesis

_DOCUMENT = os.path.join(os.path.dirname(__file__), "..", "Sources", "CapacityPlannerServer", "openapi.json")
with open(_DOCUMENT) as file:
    _ROOT = json.load(file)
_SCENARIO = jsonschema.Draft202012Validator(
    {"$ref": "#/components/schemas/Scenario", "components": _ROOT["components"]},
    format_checker=jsonschema.FormatChecker(),
)
_IN_FLIGHT = jsonschema.Draft202012Validator(
    {"$ref": "#/components/schemas/ScenarioV3InFlight", "components": _ROOT["components"]},
    format_checker=jsonschema.FormatChecker(),
)
_CHANGE = jsonschema.Draft202012Validator(
    {"$ref": "#/components/schemas/ScenarioChange", "components": _ROOT["components"]})
_MAX_SOLVE_SECONDS = 1.0
# Horizons and durations are cut to two years of weeks: the schema allows 10,000 periods, and a
# body with several 10,000-entry arrays is tens of megabytes (over the server's 8 MiB limit).
_MAX_PERIODS = 104
# The roles of a scenario may allow this many hires together (Scenario.maxHires).
_MAX_HIRES = 1000


def _unique(items, key, fallback):
    """Renames repeated ids (id, id~1, id~2, …) and returns the ids in order."""
    seen = set()
    ids = []
    for index, item in enumerate(items):
        name = item.get(key) if isinstance(item.get(key), str) else None
        if name is None:
            name = fallback(item, index)
        candidate, n = name, 0
        while candidate in seen:
            n += 1
            candidate = f"{name}~{n}"
        if candidate != name or key in item:
            item[key] = candidate
        seen.add(candidate)
        ids.append(candidate)
    return ids


def _fit(values, length):
    """An hours or capacity array cut or padded (with zeros) to `length` entries."""
    values = list(values)[:length]
    return values + [0] * (length - len(values))


def _repair(scenario):
    periods = min(int(scenario["horizon"]["periods"]), _MAX_PERIODS)
    scenario["horizon"]["periods"] = periods
    version = scenario["version"]
    people = scenario.get("people") or []
    person_ids = _unique(people, "id", lambda p, i: f"p{i}")
    for person in people:
        if isinstance(person.get("capacity"), list):
            person["capacity"] = _fit(person["capacity"], periods)
    drivers = set()
    systems = {}
    if version >= 2:  # version 3 without its own keys is version 2
        strategy = scenario.get("strategy") or {}
        drivers = set(_unique(strategy.get("drivers") or [], "id", lambda d, i: f"d{i}"))
        for system in scenario.get("systems") or []:
            system["freezes"] = [t for t in (system.get("freezes") or []) if t < periods]
        systems = {sid: s for sid, s in zip(_unique(scenario.get("systems") or [], "id", lambda s, i: f"s{i}"),
                                            scenario.get("systems") or [])}
        for rule in (scenario.get("policy") or {}).get("balance") or []:
            low, high = rule.get("minShare"), rule.get("maxShare")
            if low is not None and high is not None and low > high:
                rule["minShare"], rule["maxShare"] = high, low
            elif low is not None and high is None and low > 1:
                rule["minShare"] = 1
    projects = scenario.get("projects") or []
    project_ids = _unique(projects, "id", lambda p, i: f"j{i}")
    demand_ids = {}
    for index, project in enumerate(projects):
        duration = min(int(project["duration"]), _MAX_PERIODS)
        project["duration"] = duration
        demands = project.get("demands") or []
        ids = []
        seen = set()
        for n, demand in enumerate(demands):
            name = demand.get("id") if isinstance(demand.get("id"), str) else demand["skill"]
            if name in seen:
                name = f"{name}~{n}"
                demand["id"] = name
            seen.add(name)
            ids.append(name)
            if isinstance(demand.get("hours"), list):
                demand["hours"] = _fit(demand["hours"], duration)
        demand_ids[project_ids[index]] = ids
        # Dependencies only on earlier projects: no cycles, every name known.
        earlier = set(project_ids[:index])
        if project.get("dependsOn") is not None:
            project["dependsOn"] = [d for d in project["dependsOn"] if d in earlier]
        if version >= 2:
            if project.get("scores") is not None:
                project["scores"] = {k: v for k, v in project["scores"].items() if k in drivers}
            if project.get("touches") is not None:
                project["touches"] = [s for s in project["touches"] if s in systems]
            if project.get("excludes") is not None:
                project["excludes"] = [p for p in project["excludes"] if p in project_ids and p != project_ids[index]]
    # A mandatory project must be placeable on its own, without dependencies, alternatives or systems
    # in the way (what makes one unplaceable is spec v1 §1 and v2 §4; the hook does not re-derive it).
    for project in projects:
        if not project.get("mandatory"):
            continue
        start = project.get("earliestStart") or 0
        deadline = project.get("deadline")
        last = periods - 1 if deadline is None else min(deadline, periods - 1)
        if start + project["duration"] - 1 > last or project.get("dependsOn") or project.get("excludes") \
                or project.get("touches"):
            project["mandatory"] = False
    mandatory = {pid for pid, p in zip(project_ids, projects) if p.get("mandatory")}
    for project in projects:
        if project.get("mandatory") is False and project.get("excludes"):
            project["excludes"] = [p for p in project["excludes"] if p not in mandatory] or project["excludes"]
    # Pins name what exists; a pin on a project makes it selected, so only on one that could be.
    pins = []
    for pin in scenario.get("pins") or []:
        if not person_ids or not project_ids:
            break
        pin["person"] = pin["person"] if pin["person"] in person_ids else person_ids[0]
        if pin["project"] not in project_ids:
            pin["project"] = project_ids[0]
        if pin.get("demand") is not None and pin["demand"] not in demand_ids.get(pin["project"], []):
            pin.pop("demand")
        if pin.get("period") is not None and pin["period"] >= periods:
            pin["period"] = periods - 1
        pins.append(pin)
    if "pins" in scenario and scenario["pins"] is not None:
        scenario["pins"] = pins
    # A baseline entry given twice (by its key) is an error; other oddities there are warnings.
    baseline = scenario.get("baseline")
    if isinstance(baseline, dict):
        if isinstance(baseline.get("projects"), list):
            keep, seen = [], set()
            for entry in baseline["projects"]:
                if isinstance(entry, dict) and entry.get("id") not in seen:
                    seen.add(entry.get("id"))
                    keep.append(entry)
            baseline["projects"] = keep
        if isinstance(baseline.get("assignments"), list):
            keep, seen = [], set()
            for entry in baseline["assignments"]:
                key = tuple(json.dumps(entry.get(k)) for k in ("person", "project", "demand", "period"))
                if isinstance(entry, dict) and key not in seen:
                    seen.add(key)
                    keep.append(entry)
            baseline["assignments"] = keep
    return scenario


def _whole(scenario):
    """The scenario made whole where the schema accepts it (a version-3 scenario with the portfolio
    in flight too: every route takes one); anything else exactly as drawn."""
    if isinstance(scenario, dict) and _SCENARIO.is_valid(scenario):
        return _repair(scenario)
    if isinstance(scenario, dict) and _IN_FLIGHT.is_valid(scenario):
        return _repair_in_flight(_repair(scenario))
    return scenario


def _repair_in_flight(scenario):
    """What spec v3 section 5 asks of the portfolio in flight and the schema cannot say: the status
    period within the horizon, started projects before it (and fitting, when mandatory), actuals
    on started projects' lines in their past, once each, probabilities of 1 where they must be,
    synergies of two known projects, pins from the status period on; and supply's (`_repair_supply`)."""
    periods = scenario["horizon"]["periods"]
    status = scenario.get("status") or {}
    now = min(int(status.get("period") or 0), periods)
    if scenario.get("status") is not None:
        status["period"] = now
    projects = scenario.get("projects") or []
    by_id = {p["id"]: p for p in projects}
    for project in projects:
        if project.get("started") is not None and project["started"] >= now:
            project.pop("started")
        if project.get("maxDuration") is not None and project["maxDuration"] < project["duration"]:
            project["maxDuration"] = project["duration"]
        if project.get("mandatory") or project.get("started") is not None:
            if project.get("probability") is not None:
                project["probability"] = 1
        first = project["started"] if project.get("started") is not None else max(project.get("earliestStart") or 0, now)
        deadline = project.get("deadline")
        last = periods - 1 if deadline is None else min(deadline, periods - 1)
        if project.get("mandatory") and (first + project["duration"] - 1 > last):
            project["mandatory"] = False
        if project.get("started") is not None:
            project.pop("dependsOn", None)
    actuals, seen = [], set()
    for actual in status.get("actuals") or []:
        project = by_id.get(actual["project"])
        if project is None or project.get("started") is None:
            continue
        lines = [d.get("id") if isinstance(d.get("id"), str) else d["skill"] for d in project.get("demands") or []]
        people = [p["id"] for p in scenario.get("people") or []]
        if actual["demand"] not in lines or actual["person"] not in people:
            continue
        if not project["started"] <= actual["period"] < now:
            continue
        key = (actual["person"], actual["project"], actual["demand"], actual["period"])
        if key not in seen:
            seen.add(key)
            actuals.append(actual)
    if status.get("actuals") is not None:
        status["actuals"] = actuals
    if scenario.get("synergies") is not None:
        scenario["synergies"] = [s for s in scenario["synergies"]
                                 if len({p for p in s["projects"] if p in by_id}) >= 2
                                 and all(p in by_id for p in s["projects"])]
    for pin in scenario.get("pins") or []:
        if pin.get("period") is not None and pin["period"] < now:
            pin["period"] = min(now, periods - 1) if now < periods else None
            if pin["period"] is None:
                pin.pop("period")
    return _repair_supply(scenario)


def _repair_supply(scenario):
    """What spec v3 section 5 asks of supply (Part B) and the schema cannot say: role ids unique
    and none a person's id, the roles' maxHires within the service's limit together, course ids
    unique, each course's person one of the people (a course is dropped when there are none)."""
    people = [p["id"] for p in scenario.get("people") or []]
    roles = scenario.get("hiring") or []
    taken = set(people)
    left = _MAX_HIRES
    for role in roles:
        name, n = role["id"], 0
        while role["id"] in taken:
            n += 1
            role["id"] = f"{name}~{n}"
        taken.add(role["id"])
        role["maxHires"] = min(role["maxHires"], left)
        left -= role["maxHires"]
    if scenario.get("training") is not None:
        courses = [c for c in scenario["training"] if people]
        _unique(courses, "id", lambda c, i: f"c{i}")
        for course in courses:
            if course["person"] not in people:
                course["person"] = people[0]
        scenario["training"] = courses
    return scenario


def _body(path, body):
    if path in ("/v1/plans", "/v1/jobs", "/v1/scenarios/{id}"):
        return _whole(body)
    if path == "/v1/scenarios/{id}/versions" and isinstance(body, dict) and isinstance(body.get("changes"), list) \
            and body["changes"] and all(_CHANGE.is_valid(c) for c in body["changes"]):
        # The kept version the changes apply to is not known here: a change every scenario takes.
        body["changes"] = [{"kind": "raisePortfolioBudget", "amount": 1000000}]
        return body
    if path in ("/v1/checks", "/v1/analyses", "/v1/sweeps", "/v1/scenarios") and isinstance(body, dict) and "scenario" in body:
        body["scenario"] = _whole(body["scenario"])
        scenario = body["scenario"]
        if path == "/v1/sweeps" and isinstance(scenario, dict) \
                and (_SCENARIO.is_valid(scenario) or _IN_FLIGHT.is_valid(scenario)) \
                and isinstance(body.get("changes"), list) and all(_CHANGE.is_valid(c) for c in body["changes"]):
            body["changes"] = [_applicable(c, scenario) for c in body["changes"]]
    return body


def _applicable(change, scenario):
    """A schema-valid change made to name what the scenario has (else: a portfolio budget change)."""
    periods = int(scenario["horizon"]["periods"])
    projects = scenario.get("projects") or []
    systems = scenario.get("systems") or [] if scenario["version"] >= 2 else []
    rules = ((scenario.get("policy") or {}).get("balance") or []) if scenario["version"] >= 2 else []
    kind = change["kind"]
    fallback = {"kind": "raisePortfolioBudget", "amount": 1000000}
    if kind in ("delay", "extendDeadline", "drop", "raiseProjectBudget"):
        if not projects:
            return fallback
        ids = [p["id"] for p in projects]
        if change["project"] not in ids:
            change["project"] = ids[0]
        project = projects[ids.index(change["project"])]
        if kind == "delay" and project.get("mandatory"):
            change["firstPeriod"] = 0  # a mandatory project delayed out of its window is a 422
        if kind == "extendDeadline":
            change["periods"] = min(int(change["periods"]), 10000)
    elif kind == "hire":
        # The hire's capacity is its hours over the utilisation cap, and must stay within 1e15.
        cap = (scenario.get("policy") or {}).get("utilizationCap") or 1
        change["hoursPerPeriod"] = min(change["hoursPerPeriod"], 1e15 * cap)
        first, last = int(change["firstPeriod"]), int(change["lastPeriod"])
        first = min(first, periods - 1)
        change["firstPeriod"], change["lastPeriod"] = first, max(first, min(last, periods - 1))
    elif kind == "descope":
        lines = [(p["id"], d.get("id") if isinstance(d.get("id"), str) else d["skill"], d["work"])
                 for p in projects for d in p.get("demands") or [] if d.get("work") is not None]
        if not lines:
            return fallback
        change["project"], change["demand"], work = lines[0]
        change["amount"] = min(max(0, change.get("amount") or 0), work)
    elif kind == "moveDue":
        due = [p["id"] for p in projects if p.get("due") is not None]
        if not due:
            return fallback
        change["project"] = due[0]
        change["periods"] = max(1, min(int(change.get("periods") or 1), 10000))
    elif kind == "hireMore":
        roles = scenario.get("hiring") or [] if scenario["version"] >= 3 else []
        if not roles:
            return fallback
        change["role"] = roles[0]["id"]
        # The role's new maxHires: above its own, within the scenario's limit of 1,000 hires in all.
        others = sum(int(r.get("maxHires") or 0) for r in roles[1:])
        change["count"] = int(roles[0].get("maxHires") or 0) + 1
        if change["count"] + others > 1000:
            return fallback
    elif kind == "raiseSystemLimit":
        if not systems:
            return fallback
        if change["system"] not in [s["id"] for s in systems]:
            change["system"] = systems[0]["id"]
    elif kind == "relaxBalanceRule":
        if not rules:
            return fallback
        change["rule"] = min(int(change["rule"]), len(rules) - 1)
        rule = rules[change["rule"]]
        low = change.get("minShare") if change.get("minShare") is not None else rule.get("minShare") or 0
        high = change.get("maxShare") if change.get("maxShare") is not None else \
            (rule.get("maxShare") if rule.get("maxShare") is not None else 1)
        if low > high:
            change["minShare"], change["maxShare"] = high, low
    return change


def _query(path, query):
    # An analysis re-solves the scenario once per resolution it tries: its limit is per re-solve.
    most = 0.2 if path == "/v1/analyses" else _MAX_SOLVE_SECONDS
    if path == "/v1/analyses" and isinstance(query, dict) and "timeLimit" not in query:
        query["timeLimit"] = most
    if isinstance(query, dict) and isinstance(query.get("timeLimit"), (int, float)) \
            and not isinstance(query.get("timeLimit"), bool) and query["timeLimit"] > most:
        query["timeLimit"] = most
    return query


@schemathesis.hook
def map_case(ctx, case):
    """Every phase's cases (examples, coverage, fuzzing, stateful) pass through here."""
    path = case.operation.path
    if getattr(case, "body", None) is not None:
        try:
            case.body = _body(path, case.body)
        except (KeyError, TypeError, ValueError, AttributeError):
            pass  # a body of a shape the repair does not know is sent as drawn
    if isinstance(getattr(case, "query", None), dict):
        case.query = _query(path, case.query)
    return case
