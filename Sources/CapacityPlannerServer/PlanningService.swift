// The HTTP service: plans, checks, analyses and jobs over the spec's JSON (Docs/service.md).
import StrictJSON
import CapacityPlanners
import CapacityPlanning
import ConflictAnalysis
import Foundation
public import Hummingbird
public import Logging
import NIOCore
import OpenAPIHummingbird
import ServiceLifecycle

/// Builds the planning service: the routes of Docs/service.md on Hummingbird 2.
public enum PlanningService {
    /// The application for `configuration`, ready to `runService()`: the API key file read, the
    /// job store opened and its schema created or migrated, the job runner among its services.
    ///
    /// - Parameter onServerRunning: called with the bound port once the server listens (the
    ///   port matters when `configuration.port` is 0).
    /// - Throws: `ServiceConfigurationError` naming each bad setting, an unreadable key file, or
    ///   a store that cannot be opened or migrated.
    public static func application(
        configuration: ServiceConfiguration, logger: Logger = Logger(label: "capacity-planner.service"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws(ServiceConfigurationError) -> some ApplicationProtocol {
        let problems = configuration.problems()
        guard problems.isEmpty else { throw ServiceConfigurationError(problems: problems) }
        let keys: APIKeys?
        do throws(APIKeys.FileError) {
            keys = try configuration.apiKeysPath.map { path throws(APIKeys.FileError) in try APIKeys(path: path) }
        } catch {
            throw ServiceConfigurationError(problems: [error.description])
        }
        let contract = try ServiceContract.installed()
        let store: any JobStore
        do throws(JobStoreError) {
            store = try await StoreLocation.open(configuration.store, logger: logger)
            try await store.prepare()
        } catch {
            throw ServiceConfigurationError(problems: ["--store: \(error.message)"])
        }
        let metrics = ServiceMetrics()
        let pool = SolvePool(maxConcurrent: configuration.maxConcurrentSolves, maxQueued: configuration.maxQueuedSolves,
                             metrics: metrics)
        let tenants = Tenants(defaults: configuration.tenantLimits, keys: keys)
        let runner = JobRunner(store: store, pool: pool, tenants: tenants, metrics: metrics, logger: logger,
                               timing: JobRunner.Timing(lease: configuration.jobLease, heartbeat: min(1, configuration.jobLease / 3)),
                               retention: configuration.jobRetention, maxFinished: configuration.maxFinishedJobs)
        let handlers = Handlers(configuration: configuration, pool: pool, store: store, runner: runner, metrics: metrics,
                                tenants: tenants)
        logger.info("job store ready", metadata: ["store": "\(store.kind)", "replica": "\(runner.owner)"])
        if let keys {
            logger.info("API keys: every /v1/ route needs a bearer key", metadata: ["keys": "\(keys.count)", "file": "\(keys.path)"])
        } else {
            let scope = configuration.insecureNoAuth ? " (--insecure-no-auth)" : "; bound to loopback only"
            logger.notice("no API keys: anyone who can reach \(configuration.host):\(configuration.port) can read and create jobs\(scope)")
        }

        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: MetricsAndRequestIDMiddleware(metrics: metrics))
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: MethodNotAllowedMiddleware(contract: contract))
        router.add(middleware: TenantAccessMiddleware(keys: keys, metricsTenant: configuration.metricsTenant, tenants: tenants,
                                                      rates: RequestRate(), metrics: metrics))
        router.add(middleware: RequestScopeMiddleware(maxBodyBytes: configuration.maxBodyBytes))
        // The document itself, byte for byte; every other route is generated from it.
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: contract.document)))
        }
        do {
            try ServiceAPI(handlers: handlers).registerHandlers(on: router, middlewares: [LocationHeaderMiddleware()])
        } catch {
            await store.close()
            throw ServiceConfigurationError(problems: ["the routes of the OpenAPI document could not be registered: \(error)"])
        }

        var services: [any Service] = [SolveShutdown(pool: pool, logger: logger), runner]
        if let keys { services.append(KeyReloader(keys: keys, logger: logger)) }
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "capacity-planner"),
            services: services,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }
}

/// A configuration the service cannot run with.
public struct ServiceConfigurationError: Error, Sendable, CustomStringConvertible {
    /// One line per bad setting.
    public var problems: [String]
    /// The problems, joined.
    public var description: String { problems.joined(separator: "; ") }
}

/// On graceful shutdown (SIGTERM, SIGINT), cancels running solves so in-flight requests are
/// answered at once with the best plan found, and refuses new solves.
struct SolveShutdown: Service {
    let pool: SolvePool
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        logger.info("shutting down: cancelling running solves", metadata: ["running": "\(pool.running)", "queued": "\(pool.queued)"])
        pool.shutDown()
    }
}

