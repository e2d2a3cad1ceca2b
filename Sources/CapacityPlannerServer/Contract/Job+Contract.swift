// Jobs and sweeps as the contract shows them (the generated `Components.Schemas.Job` and `.Sweep`).
import CapacityPlanning
import ConflictAnalysis
import Foundation

extension Job {
    /// The job as `GET /v1/jobs/{id}` shows it (the tenant is never shown).
    var contract: Components.Schemas.Job {
        Components.Schemas.Job(
            id: id, state: .init(rawValue: state.rawValue) ?? .failed, solver: solver, timeLimit: timeLimit,
            createdAt: createdAt, startedAt: startedAt, finishedAt: finishedAt,
            progress: progress.map { progress in
                .init(incumbent: progress.incumbent, bound: progress.bound, gap: progress.gap,
                      boundSource: progress.boundSource.flatMap { .init(rawValue: $0) }, elapsed: progress.elapsed,
                      message: progress.message)
            },
            plan: plan.map(PlanBody.init), error: error, cancelRequested: cancelRequested, attempts: attempts, sweep: sweep,
            scenarioVersion: scenarioVersion.map { .init(scenario: $0.scenario, version: $0.version) })
    }
}

extension SweepSummary {
    /// The sweep as `GET /v1/sweeps/{id}` shows it.
    var contract: Components.Schemas.Sweep {
        Components.Schemas.Sweep(
            id: id, state: .init(rawValue: state) ?? .running,
            variants: variants.map { variant in
                .init(index: variant.index,
                      change: variant.change.flatMap { try? JSONDecoder().decode(ScenarioChange.self, from: Data($0.serialized())) }
                          .map(ScenarioChangeBody.init),
                      job: variant.job, state: .init(rawValue: variant.state.rawValue) ?? .failed,
                      objective: variant.objective, status: variant.status, difference: variant.difference)
            })
    }
}
