// The live-server harness: the service started on a free loopback port, driven through a real
// HTTP client (URLSession), every response held to Docs/openapi.json.
import StrictJSON
import CapacityPlanning
@testable import CapacityPlannerServer
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// One response, read.
struct Reply {
    var status: Int
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    var contentType: String { header("Content-Type") ?? "" }
    var json: JSONValue? { try? JSONValue(parsing: body) }
}

/// A running service on a free loopback port.
struct LiveService: Sendable {
    let base: URL
    /// The API key sent with every call that names none.
    var key: String? = nil
    /// Starts the service's graceful shutdown (as SIGTERM would).
    let shutDown: @Sendable () async -> Void

    /// Sends a request and checks the response against the OpenAPI document (`route` is the
    /// document's path template, e.g. `/v1/jobs/{id}`); `declared: false` for a method or path the
    /// document does not have (the answer is then checked by the caller).
    func call(_ method: String, _ path: String, route: String? = nil, body: Data? = nil, key: String? = nil,
              declared: Bool = true) async throws -> Reply {
        var request = URLRequest(url: URL(string: base.absoluteString + path)!)
        request.httpMethod = method
        request.httpBody = body
        if let key = key ?? self.key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        request.timeoutInterval = 120
        if body != nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields { headers["\(key)"] = "\(value)" }
        let reply = Reply(status: http.statusCode, headers: headers, body: data)
        guard declared else { return reply }
        let template = route ?? String(path.split(separator: "?").first ?? "")
        try SchemaValidator.load().check(path: template, method: method, status: reply.status,
                                         contentType: reply.contentType, body: reply.body)
        return reply
    }

    /// Polls a job until `done(state)`, for at most 180 s (a parallel test run can be slow), with `key` when given.
    func poll(_ location: String, route: String = "/v1/jobs/{id}", key: String? = nil,
              until done: (String) -> Bool) async throws -> JSONValue {
        let deadline = ContinuousClock.now + .seconds(180)
        while ContinuousClock.now < deadline {
            let reply = try await call("GET", location, route: route, key: key)
            if let json = reply.json, case .string(let state)? = json["state"], done(state) { return json }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("job \(location) did not reach the state in time")
        return .null
    }
}

/// Runs `body` against a service started on a free loopback port, then shuts it down gracefully.
func withService(_ change: (inout ServiceConfiguration) -> Void = { _ in },
                 _ body: @Sendable (LiveService) async throws -> Void) async throws {
    var configuration = ServiceConfiguration(host: "127.0.0.1", port: 0, maxConcurrentSolves: 2, maxQueuedSolves: 4)
    change(&configuration)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    let app = try await PlanningService.application(configuration: configuration, logger: logger) { port in
        continuation.yield(port)
    }
    let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        do {
            try await body(LiveService(base: URL(string: "http://127.0.0.1:\(port)")!,
                                       shutDown: { await group.triggerGracefulShutdown() }))
        } catch {
            await group.triggerGracefulShutdown()
            throw error
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
    }
}

/// Whether `plan` is valid for `scenario` by the plan checker.
func isValid(_ plan: Data, for scenario: Data) throws -> Bool {
    let problem = try PlanningProblem(try Scenario(json: scenario))
    return PlanChecker.check(try JSONDecoder().decode(Plan.self, from: plan), for: problem).isValid
}
