// `?solver=` and `?timeLimit=`: which planner, for how long, with a 400 naming the parameter when wrong.
import CapacityPlanners
import Foundation

/// The solve parameters of `POST /v1/plans`, `/v1/analyses`, `/v1/jobs` and `/v1/sweeps`.
enum SolveQuery {
    /// The planner and time limit asked for: `auto` and `defaultTimeLimit` (at most the
    /// tenant's largest) when not given.
    ///
    /// - Throws: 400 naming `solver` (unknown, or not built in) or `timeLimit` (not > 0, or above
    ///   `maxTimeLimit` or the tenant's `tenantMaxTimeLimit`).
    static func options(solver: String?, timeLimit: Double?, defaultTimeLimit: Double,
                        maxTimeLimit: Double, tenantMaxTimeLimit: Double? = nil) throws(Problem) -> (PlannerKind, Double) {
        var kind = PlannerKind.auto
        if let solver {
            guard let parsed = PlannerKind(rawValue: solver) else { throw unknownSolver(solver) }
            guard parsed.isAvailable else { throw Problem.badRequest("solver", "'\(solver)' is not built into this server (no GLPK)") }
            kind = parsed
        }
        var limit = min(defaultTimeLimit, tenantMaxTimeLimit ?? .infinity)
        if let timeLimit {
            guard timeLimit.isFinite, timeLimit > 0 else {
                throw Problem.badRequest("timeLimit", "must be a number of seconds > 0, got \(timeLimit)")
            }
            guard timeLimit <= maxTimeLimit else {
                throw Problem.badRequest("timeLimit", "must be at most \(maxTimeLimit) seconds, got \(timeLimit)")
            }
            if let tenantMaxTimeLimit, timeLimit > tenantMaxTimeLimit {
                throw Problem.badRequest("timeLimit", "must be at most \(tenantMaxTimeLimit) seconds for this key's tenant, got \(timeLimit)")
            }
            limit = timeLimit
        }
        return (kind, limit)
    }

    /// Why the generated code could not read the query, from the query itself: the first parameter
    /// whose text is not a planner name or a number; `nil` when both read.
    static func problem(inQuery query: String?) -> Problem? {
        var components = URLComponents()
        components.percentEncodedQuery = query
        let items = components.queryItems ?? []
        func value(_ name: String) -> String? { items.first { $0.name == name }?.value }
        if let text = value("solver"), PlannerKind(rawValue: text) == nil { return unknownSolver(text) }
        if let text = value("timeLimit"), Double(text) == nil {
            return Problem.badRequest("timeLimit", "must be a number of seconds > 0, got '\(text)'")
        }
        return nil
    }

    private static func unknownSolver(_ text: String) -> Problem {
        Problem.badRequest("solver", "unknown planner '\(text)'; use one of \(PlannerKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
}
