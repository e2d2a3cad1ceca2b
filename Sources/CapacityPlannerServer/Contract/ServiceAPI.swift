// The generated API (openapi.json → `APIProtocol`) implemented by the handlers: query parameters and
// bodies in the contract's types in, the handlers' answers wrapped in the contract's responses out.
// Errors are thrown as `Problem`s and answered by `ProblemMiddleware` (application/problem+json).
import CapacityPlanning
import Foundation
import OpenAPIRuntime

/// The service's routes as the OpenAPI document declares them (except `GET /openapi.json`, which
/// serves the document itself byte for byte: openapi-generator-config.yaml leaves it out).
struct ServiceAPI: APIProtocol {
    let handlers: Handlers

    private var configuration: ServiceConfiguration { handlers.configuration }

    func createPlan(_ input: Operations.CreatePlan.Input) async throws -> Operations.CreatePlan.Output {
        let (kind, limit) = try handlers.solveOptions(solver: input.query.solver?.rawValue, timeLimit: input.query.timeLimit,
                                                      defaultTimeLimit: configuration.defaultTimeLimit)
        return .ok(.init(body: .json(PlanBody(try await handlers.plan(kind: kind, limit: limit)))))
    }

    func checkPlan(_ input: Operations.CheckPlan.Input) async throws -> Operations.CheckPlan.Output {
        guard case .json(let request) = input.body else { throw Problem.badRequest("body", "must be JSON") }
        return .ok(.init(body: .json(CheckReportBody(try handlers.check(plan: request.plan.value)))))
    }

    func createAnalysis(_ input: Operations.CreateAnalysis.Input) async throws -> Operations.CreateAnalysis.Output {
        let (kind, limit) = try handlers.solveOptions(solver: input.query.solver?.rawValue, timeLimit: input.query.timeLimit,
                                                      defaultTimeLimit: configuration.analysisTimeLimit)
        guard case .json(let request) = input.body else { throw Problem.badRequest("body", "must be JSON") }
        let report = try await handlers.analyze(plan: request.plan?.value, kind: kind, limit: limit)
        return .ok(.init(body: .json(ConflictReportBody(report))))
    }

    func createJob(_ input: Operations.CreateJob.Input) async throws -> Operations.CreateJob.Output {
        let (kind, limit) = try handlers.solveOptions(solver: input.query.solver?.rawValue, timeLimit: input.query.timeLimit,
                                                      defaultTimeLimit: configuration.defaultTimeLimit)
        let job = try await handlers.createJob(kind: kind, limit: limit)
        return .accepted(.init(headers: .init(location: "/v1/jobs/\(job.id)"), body: .json(job.contract)))
    }

    func getJob(_ input: Operations.GetJob.Input) async throws -> Operations.GetJob.Output {
        .ok(.init(body: .json(try await handlers.job(input.path.id).contract)))
    }

    func cancelJob(_ input: Operations.CancelJob.Input) async throws -> Operations.CancelJob.Output {
        .accepted(.init(body: .json(try await handlers.cancelJob(input.path.id).contract)))
    }

    func createSweep(_ input: Operations.CreateSweep.Input) async throws -> Operations.CreateSweep.Output {
        let (kind, limit) = try handlers.solveOptions(solver: input.query.solver?.rawValue, timeLimit: input.query.timeLimit,
                                                      defaultTimeLimit: configuration.defaultTimeLimit)
        guard case .json(let request) = input.body else { throw Problem.badRequest("body", "must be JSON") }
        let sweep = try await handlers.createSweep(changes: request.changes.map(\.value), kind: kind, limit: limit)
        return .accepted(.init(headers: .init(location: "/v1/sweeps/\(sweep.id)"), body: .json(sweep.contract)))
    }

    func getSweep(_ input: Operations.GetSweep.Input) async throws -> Operations.GetSweep.Output {
        .ok(.init(body: .json(try await handlers.sweep(input.path.id).contract)))
    }

    /// How long `/healthz` waits for the store: a load balancer's probe must be answered at once
    /// ("degraded"), not after a statement's whole deadline.
    static let healthStoreDeadline: Duration = .seconds(2)

    func health(_ input: Operations.Health.Input) async throws -> Operations.Health.Output {
        let store = handlers.store
        let counts = await withTaskGroup(of: [Job.State: Int]?.self) { group in
            group.addTask { try? await store.counts() }
            group.addTask { try? await Task.sleep(for: Self.healthStoreDeadline); return nil }
            defer { group.cancelAll() }
            return await group.next() ?? nil
        }
        let health = Components.Schemas.Health(
            status: counts == nil ? .degraded : .ok, solvesRunning: handlers.pool.running, solvesQueued: handlers.pool.queued,
            store: .init(rawValue: handlers.store.kind), replica: handlers.runner.owner, jobsQueued: counts.map { $0[.queued] ?? 0 })
        return .ok(.init(body: .json(health)))
    }

    func metrics(_ input: Operations.Metrics.Input) async throws -> Operations.Metrics.Output {
        .ok(.init(body: .plainText(HTTPBody(handlers.metrics.exposition()))))
    }
}
