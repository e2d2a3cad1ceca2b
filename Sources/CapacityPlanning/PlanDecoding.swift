// Lenient decoding of a plan (spec v1, section 2) written by another tool.
//
// The plan format allows extra keys ("timings, KPIs, conflicts, warnings may be
// added"), so unknown keys are ignored, missing lists are empty, and a
// `details` value of another shape is dropped rather than failing the plan.
// Encoding stays the synthesized one (nil optionals are left out).

extension Plan {
    private enum Key: String, CodingKey {
        case status, solver, objective, bound, projects, assignments, details, strategy, hires, training
    }

    /// Decodes a plan leniently: only `status` is required; `projects` and
    /// `assignments` default to empty; unknown keys are ignored; a `details`
    /// value this library cannot read is dropped.
    ///
    /// - Throws: `DecodingError` when `status` is missing or unknown, or a
    ///   present `solver`, `objective`, `bound`, `projects` or `assignments`
    ///   has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        self.init(
            status: try container.decode(PlanStatus.self, forKey: .status),
            solver: try container.decodeIfPresent(String.self, forKey: .solver),
            objective: try container.decodeIfPresent(Double.self, forKey: .objective),
            bound: try container.decodeIfPresent(Double.self, forKey: .bound),
            projects: try container.decodeIfPresent([ProjectDecision].self, forKey: .projects) ?? [],
            assignments: try container.decodeIfPresent([Assignment].self, forKey: .assignments) ?? [],
            details: (try? container.decodeIfPresent(PlanDetails.self, forKey: .details)) ?? nil,
            strategy: (try? container.decodeIfPresent(StrategySummary.self, forKey: .strategy)) ?? nil,
            hires: try container.decodeIfPresent([Hire].self, forKey: .hires),
            training: try container.decodeIfPresent([CourseTaken].self, forKey: .training))
    }
}
