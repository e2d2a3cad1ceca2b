// The weekly cycle's routes of the generated API (issue 38): kept scenarios, their versions and
// jobs, commits, comparisons.
import ConflictAnalysis
import Foundation
import OpenAPIRuntime

extension ServiceAPI {
    func createScenario(_ input: Operations.CreateScenario.Input) async throws -> Operations.CreateScenario.Output {
        let kept = try await handlers.createScenario()
        return .created(.init(headers: .init(location: "/v1/scenarios/\(kept.id)"), body: .json(KeptScenarioBody(kept))))
    }

    func getScenario(_ input: Operations.GetScenario.Input) async throws -> Operations.GetScenario.Output {
        .ok(.init(body: .json(KeptScenarioBody(try await handlers.keptScenario(input.path.id)))))
    }

    func putScenario(_ input: Operations.PutScenario.Input) async throws -> Operations.PutScenario.Output {
        let version = try await handlers.addVersion(input.path.id)
        return .created(.init(headers: .init(location: "/v1/scenarios/\(version.scenario)/versions/\(version.version)"),
                              body: .json(ScenarioVersionBody(version))))
    }

    func createScenarioVersion(_ input: Operations.CreateScenarioVersion.Input) async throws -> Operations.CreateScenarioVersion.Output {
        guard case .json(let request) = input.body else { throw Problem.badRequest("body", "must be JSON") }
        let version = try await handlers.addVersion(input.path.id, changes: request.changes.map(\.value))
        return .created(.init(headers: .init(location: "/v1/scenarios/\(version.scenario)/versions/\(version.version)"),
                              body: .json(ScenarioVersionBody(version))))
    }

    func getScenarioVersion(_ input: Operations.GetScenarioVersion.Input) async throws -> Operations.GetScenarioVersion.Output {
        .ok(.init(body: .json(ScenarioVersionBody(try await handlers.scenarioVersion(input.path.id, version: input.path.version)))))
    }

    func createVersionJob(_ input: Operations.CreateVersionJob.Input) async throws -> Operations.CreateVersionJob.Output {
        let (kind, limit) = try handlers.solveOptions(solver: input.query.solver?.rawValue, timeLimit: input.query.timeLimit,
                                                      defaultTimeLimit: handlers.configuration.defaultTimeLimit)
        let job = try await handlers.createVersionJob(input.path.id, version: input.path.version, kind: kind, limit: limit)
        return .accepted(.init(headers: .init(location: "/v1/jobs/\(job.id)"), body: .json(job.contract)))
    }

    func commitPlan(_ input: Operations.CommitPlan.Input) async throws -> Operations.CommitPlan.Output {
        .created(.init(body: .json(CommitBody(try await handlers.commitPlan(input.path.id, version: input.path.version)))))
    }

    func compare(_ input: Operations.Compare.Input) async throws -> Operations.Compare.Output {
        .ok(.init(body: .json(ComparisonBody(try await handlers.compare(a: input.query.a, b: input.query.b)))))
    }
}
