// Domain enums accepted as option values.
// (`public import`: a retroactive conformance of a public type is itself public.)
public import ArgumentParser
public import CapacityPlanners
public import CapacityPlanning

/// `--solver glpk|greedy|auto`.
extension PlannerKind: ExpressibleByArgument {}

/// `--unit day|week|month|quarter`.
extension PeriodUnit: ExpressibleByArgument {}

/// `export --format mps|lp`.
extension ModelFileFormat: ExpressibleByArgument {}

/// `export --model exact|aggregated|relaxation|pooled|classes`.
extension ModelVariant: ExpressibleByArgument {}
