// The page's view model: header, banners, headline cards, every section's view, notes.
import CapacityPlanning
import ConflictAnalysis
import PortfolioPages

/// What `Templates/report.mustache` lays out, computed from `ReportData`.
struct ReportPage: Sendable {
    /// The page's title.
    let title: PageText
    /// The line under the title: horizon, people, projects, planner, time.
    let meta: [PageText]
    /// `good` or `bad`.
    let pillClass: String
    /// The verdict in the pill.
    let pill: PageText
    /// When no valid plan exists: why.
    let infeasible: Infeasible?
    /// When there is a plan: everything shown about it.
    let sections: Sections?
    /// The planner's note.
    let plannerNote: PageText?
    /// The plan's stated objective when it differs from what its contents give.
    let objectiveMismatch: ObjectiveMismatch?
    /// Warnings about the scenario and from the planner (at most 50).
    let warnings: [PageText]
    /// How many warnings are not listed.
    let moreWarnings: Int?
    /// The policy's figures.
    let policy: PageText

    /// The banner of an infeasible scenario.
    struct Infeasible: Sendable {
        /// The planner's diagnosis.
        let diagnosis: [PageText]
        /// Whether there is one (templates see stored properties only).
        let hasDiagnosis: Bool

        /// The banner for `diagnosis`.
        init(diagnosis: [PageText]) {
            self.diagnosis = diagnosis
            hasDiagnosis = !diagnosis.isEmpty
        }
    }

    /// The rules a plan breaks, at most 30 of them.
    struct Violations: Sendable {
        /// The broken rules shown.
        let shown: [PageText]
        /// How many more there are.
        let moreViolations: Int?
    }

    /// A headline figure.
    struct Card: Sendable {
        /// Its label.
        let label: PageText
        /// The figure.
        let value: PageText
        /// The line under it.
        let detail: PageText
        /// Its colour class (`accent`, `neg`, `warn`, `good` or empty).
        let tone: String
        /// The exact figure, shown on hover.
        let tooltip: PageText?
    }

    /// The stated and the computed objective.
    struct ObjectiveMismatch: Sendable {
        /// What the plan states.
        let stated: PageText
        /// What its contents give.
        let computed: PageText
    }

    /// The sections of a page with a plan.
    struct Sections: Sendable {
        /// The broken rules, when the plan is not valid.
        let violations: Violations?
        /// Headline figures.
        let cards: [Card]
        /// The headline grid's columns when there are more cards than the usual six (hiring and training).
        let kpiColumns: Int?
        /// Whether the scenario is a portfolio in flight (format v3, Part A).
        let inFlight: Bool
        /// The schedule.
        let gantt: GanttChart.View
        /// Finishes against due dates and the baseline (a portfolio in flight only).
        let forecast: ForecastSection.View?
        /// The plan's hires and courses (format v3, Part B: when the scenario has roles or courses).
        let supply: SupplySection.View?
        /// The shared systems' lanes (format v2 with systems).
        let systems: SystemLanes.View?
        /// Strategy and balance (format v2).
        let strategy: StrategySection.View?
        /// The objective's waterfall.
        let waterfall: ValueChart.View
        /// The objective by project and the staff cost by team.
        let explanation: ExplanationSection.View
        /// Projects left out.
        let leftOut: ReportTables.LeftOut
        /// Selected projects.
        let selected: ReportTables.Selected
        /// The period unit in the singular ("week").
        let unit: PageText
        /// The utilisation heatmap.
        let heatmap: Heatmap.View
        /// Demand and supply per skill.
        let skills: SkillCharts.View
        /// Conflicts and resolutions, with an analysis.
        let conflicts: ConflictSection.View?
    }

    /// The page for `data`, with the analysis's section when there is one.
    init(_ data: ReportData, analysis: ConflictReport?) {
        title = PageText(data.title)
        let scenario = data.problem.scenario
        let teams = data.teams.count
        var meta = [data.labels.horizonDescription,
                    "\(scenario.people.count) \(scenario.people.count == 1 ? "person" : "people")"
                        + (teams > 0 ? " in \(teams) team\(teams == 1 ? "" : "s")" : ""),
                    "\(scenario.projects.count) candidate project\(scenario.projects.count == 1 ? "" : "s")"]
        if let hires = data.hires?.people.count, hires > 0 {
            meta.append("\(hires) \(hires == 1 ? "hire" : "hires")")
        }
        if !data.allocation.courses.isEmpty {
            meta.append("\(data.allocation.courses.count) course\(data.allocation.courses.count == 1 ? "" : "s")")
        }
        if let solver = data.plan.solver { meta.append("planner: \(solver)") }
        if let seconds = data.plan.details?.seconds, seconds.isFinite {
            meta.append(Format.seconds(seconds))
        }
        self.meta = meta.map { PageText($0) }
        if !data.hasPlan {
            (pillClass, pill) = ("bad", "No valid plan exists")
        } else if !data.check.isValid {
            (pillClass, pill) = ("bad", "Plan breaks \(data.check.violations.count) rule\(data.check.violations.count == 1 ? "" : "s")")
        } else if data.plan.status == .optimal {
            (pillClass, pill) = ("good", "Valid plan · proven optimal")
        } else {
            (pillClass, pill) = ("good", "Valid plan · \(data.plan.status.rawValue)")
        }

        if data.hasPlan {
            infeasible = nil
            let violations = data.check.violations
            let cards = Self.cards(data)
            sections = Sections(
                violations: violations.isEmpty ? nil : Violations(
                    shown: violations.prefix(30).map { PageText($0.description) },
                    moreViolations: violations.count > 30 ? violations.count - 30 : nil),
                cards: cards,
                kpiColumns: cards.count > 6 ? cards.count : nil,
                inFlight: data.problem.isInFlight,
                gantt: GanttChart.view(data),
                forecast: data.problem.isInFlight ? ForecastSection.view(data, analysis: analysis) : nil,
                supply: SupplySection.view(data),
                systems: data.problem.systems.isEmpty ? nil : SystemLanes.view(data),
                strategy: data.problem.scenario.version >= 2 ? StrategySection.view(data) : nil,
                waterfall: ValueChart.view(data),
                explanation: ExplanationSection.view(data),
                leftOut: ReportTables.leftOut(data),
                selected: ReportTables.selected(data),
                unit: PageText(String(data.labels.unitName.dropLast())),
                heatmap: Heatmap.view(data),
                skills: SkillCharts.view(data),
                // In flight the analysis is the forecast (its other sections are not computed).
                conflicts: analysis.flatMap { $0.forecast == nil ? ConflictSection.view($0, labels: data.labels) : nil })
        } else {
            infeasible = Infeasible(diagnosis: (data.plan.details?.diagnosis ?? []).map { PageText($0) })
            sections = nil
        }

        plannerNote = data.plan.details?.note.map { PageText($0) }
        let o = data.kpis.objective
        if let stated = data.plan.objective, abs(stated - o.total) > Tolerance.of(o.total) {
            objectiveMismatch = ObjectiveMismatch(stated: PageText(Format.money(stated)), computed: PageText(Format.money(o.total)))
        } else {
            objectiveMismatch = nil
        }
        warnings = data.warnings.prefix(50).map { PageText($0) }
        moreWarnings = data.warnings.count > 50 ? data.warnings.count - 50 : nil
        let policy = data.problem.policy
        var rules = ["utilisation cap \(Format.percent(policy.utilizationCap))",
                     "unstaffed mandatory hour \(Format.money(policy.unmetPenaltyPerHour))"]
        if policy.assignmentPenalty > 0 { rules.append("each person on a project \(Format.money(policy.assignmentPenalty))") }
        if policy.changePenaltyPerHour > 0 { rules.append("each changed hour \(Format.money(policy.changePenaltyPerHour))") }
        if policy.startChangePenalty > 0 { rules.append("each moved or dropped project \(Format.money(policy.startChangePenalty))") }
        self.policy = PageText(rules.joined(separator: " · "))
    }

    /// The headline figures: net value, value, staff cost, (with supply) hiring and training,
    /// penalties, utilisation, mandatory work.
    private static func cards(_ data: ReportData) -> [Card] {
        func card(_ label: String, _ value: String, _ detail: String, tone: String = "", tooltip: String? = nil) -> Card {
            Card(label: PageText(label), value: PageText(value), detail: PageText(detail), tone: tone,
                 tooltip: tooltip.map { PageText($0) })
        }
        let o = data.kpis.objective
        let projects = data.kpis.projects
        let selected = projects.filter(\.selected).count
        var cards: [Card] = []

        var net = data.plan.status == .optimal ? "proven optimal" : "not proven optimal"
        if let bound = data.plan.bound, data.plan.status != .optimal {
            net = "bound \(Format.compactMoney(bound)) · gap \(Format.percent(Plan.relativeGap(objective: o.total, bound: bound), decimals: 1))"
            if let source = data.plan.details?.boundSource { net += " · \(source.description)" }
        }
        cards.append(card("Net portfolio value", Format.compactMoney(o.total), net,
                          tone: o.total < 0 ? "neg" : "accent", tooltip: "Objective: \(Format.money(o.total))"))
        cards.append(card("Value delivered", Format.compactMoney(o.value),
                          "\(selected) of \(projects.count) projects selected", tooltip: Format.money(o.value)))
        var costDetail = "no portfolio budget"
        if let budget = data.problem.policy.budget {
            costDetail = "of \(Format.compactMoney(budget)) budget (\(budget > 0 ? Format.percent(o.staffCost / budget) : "–"))"
        }
        let supplyCost = (o.hiringCost ?? 0) + (o.trainingCost ?? 0)
        if let budget = data.problem.policy.budget, data.problem.hasSupply {
            // The portfolio budget pays the hires and courses too (spec v3, rule 8).
            let spent = o.staffCost + supplyCost
            costDetail = "with hires and courses \(budget > 0 ? Format.percent(spent / budget) : "–") of \(Format.compactMoney(budget)) budget"
        }
        cards.append(card("Staff cost", Format.compactMoney(o.staffCost), costDetail, tooltip: Format.money(o.staffCost)))
        if data.problem.hasSupply || o.hiringCost != nil || o.trainingCost != nil {
            let hires = data.hires?.people.count ?? 0, courses = data.allocation.courses.count
            var parts: [String] = []
            if hires > 0 { parts.append("\(hires) hire\(hires == 1 ? "" : "s") \(Format.compactMoney(o.hiringCost ?? 0))") }
            if courses > 0 { parts.append("\(courses) course\(courses == 1 ? "" : "s") \(Format.compactMoney(o.trainingCost ?? 0))") }
            cards.append(card("Hiring and training", Format.compactMoney(supplyCost),
                              parts.isEmpty ? "no hires, no courses" : parts.joined(separator: " · "),
                              tooltip: "Hiring \(Format.money(o.hiringCost ?? 0)) · training \(Format.money(o.trainingCost ?? 0))"))
        }
        let penalties = o.unmetPenalty + o.assignmentPenalty + o.changePenalty + o.startChangePenalty
        var parts: [String] = []
        if o.unmetPenalty > 0 { parts.append("unstaffed \(Format.compactMoney(o.unmetPenalty))") }
        if o.assignmentPenalty > 0 { parts.append("team size \(Format.compactMoney(o.assignmentPenalty))") }
        if o.changePenalty + o.startChangePenalty > 0 { parts.append("changes \(Format.compactMoney(o.changePenalty + o.startChangePenalty))") }
        cards.append(card("Penalties", Format.compactMoney(penalties), parts.isEmpty ? "none" : parts.joined(separator: " · "),
                          tone: o.unmetPenalty > 0 ? "warn" : "", tooltip: Format.money(penalties)))
        // The scenario's people and the plan's hires (from their start).
        let hired = data.hires?.people ?? []
        let booked = data.kpis.people.reduce(0) { $0 + $1.hours.reduce(0, +) } + hired.reduce(0) { $0 + $1.booked.reduce(0, +) }
        let capacity = data.kpis.people.reduce(0) { $0 + $1.capacity.reduce(0, +) } + hired.reduce(0) { $0 + $1.capacity.reduce(0, +) }
        let cap = data.problem.policy.utilizationCap
        cards.append(card("Utilisation", capacity > 0 ? Format.percent(booked / capacity) : "–",
                          "\(Format.hours(booked)) h of \(Format.hours(capacity)) h" + (cap < 1 ? " · cap \(Format.percent(cap))" : "")))
        let mandatory = data.problem.projects.filter(\.mandatory)
        if mandatory.isEmpty {
            cards.append(card("Mandatory work", "none", "no mandatory projects"))
        } else {
            let unmet = o.unmetHours
            let staffed = mandatory.filter { j in
                data.allocation.isSelected(j.index) && (data.plan.projects.first { $0.id == j.id }?.unmetHours ?? 0) <= 1e-6
            }.count
            cards.append(card("Mandatory work", "\(staffed) of \(mandatory.count)",
                              unmet > 1e-6 ? "\(Format.hours(unmet)) h left unstaffed" : "fully staffed",
                              tone: unmet > 1e-6 || staffed < mandatory.count ? "warn" : "good"))
        }
        return cards
    }
}
