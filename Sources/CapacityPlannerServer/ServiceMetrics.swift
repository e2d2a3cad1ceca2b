// Prometheus metrics (swift-prometheus): requests, latencies, solves running and queued, solve seconds.
import Hummingbird
import Prometheus

/// The service's metrics, in their own registry (no global bootstrap, so several services can
/// run in one process, as the tests do). `GET /metrics` emits them in the text format.
final class ServiceMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let solvesRunning: Gauge
    let solvesQueued: Gauge
    let solveSeconds: DurationHistogram
    let jobsRetained: Gauge
    let storeSeconds: DurationHistogram

    init() {
        solvesRunning = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "capacity_planner", metricName: "solves", unitName: "running", helpText: "Solves running now."))
        solvesQueued = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "capacity_planner", metricName: "solves", unitName: "queued", helpText: "Solves waiting for a slot."))
        solveSeconds = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(namespace: "capacity_planner", metricName: "solve_duration", unitName: "seconds",
                                             helpText: "Wall-clock seconds of each solve (plans, jobs, analyses)."),
            buckets: [.milliseconds(10), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5), .seconds(15),
                      .seconds(30), .seconds(60), .seconds(300)])
        jobsRetained = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "capacity_planner", metricName: "jobs", unitName: "retained", helpText: "Jobs the store holds (any state)."))
        storeSeconds = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(namespace: "capacity_planner", metricName: "store_operation_duration", unitName: "seconds",
                                             helpText: "Latency of the job store's claims and heartbeats."),
            buckets: [.milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(2)])
    }

    /// Counts one job event of the runner: `claimed`, `reclaimed` (a job whose replica died),
    /// `finished`, `released` (given back at shutdown), `lost` (its lease was taken over).
    func jobEvent(_ event: String) {
        registry.makeCounter(descriptor: MetricNameDescriptor(namespace: "capacity_planner", metricName: "job_events", unitName: "total",
                                                              helpText: "Jobs claimed, reclaimed, finished, released and lost by this replica."),
                             labels: [("event", event)]).increment()
    }

    /// Counts a failed store operation.
    func storeError(_ operation: String) {
        registry.makeCounter(descriptor: MetricNameDescriptor(namespace: "capacity_planner", metricName: "store_errors", unitName: "total",
                                                              helpText: "Job store operations that failed (the database was unreachable or refused)."),
                             labels: [("operation", operation)]).increment()
    }

    /// Sets the jobs-by-state gauges from the store's counts.
    func jobs(_ counts: [Job.State: Int]) {
        var total = 0
        for state in Job.State.allCases {
            let count = counts[state] ?? 0
            total += count
            registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "capacity_planner", metricName: "stored_jobs", unitName: "",
                                                                helpText: "Jobs in the store by state (all replicas)."),
                               labels: [("state", state.rawValue)]).set(Double(count))
        }
        jobsRetained.set(Double(total))
    }

    /// Sets the jobs-by-tenant-and-state gauges from the store's counts.
    func tenantJobs(_ counts: [String: [Job.State: Int]]) {
        for (tenant, states) in counts {
            for state in Job.State.allCases {
                registry.makeGauge(descriptor: MetricNameDescriptor(namespace: "capacity_planner", metricName: "tenant_jobs", unitName: "",
                                                                    helpText: "Jobs in the store by tenant and state (all replicas)."),
                                   labels: [("tenant", tenant), ("state", state.rawValue)]).set(Double(states[state] ?? 0))
            }
        }
    }

    /// Counts a request of `tenant` refused by one of its limits: `rate`, `jobs` or `timeLimit`.
    func tenantRefusal(_ tenant: String, limit: String) {
        registry.makeCounter(descriptor: MetricNameDescriptor(namespace: "capacity_planner", metricName: "tenant_refusals", unitName: "total",
                                                              helpText: "Requests refused by a tenant's limit (rate, jobs, timeLimit)."),
                             labels: [("tenant", tenant), ("limit", limit)]).increment()
    }

    /// Counts a `/v1/` request of `tenant` let through.
    func tenantRequest(_ tenant: String) {
        registry.makeCounter(descriptor: MetricNameDescriptor(namespace: "capacity_planner", metricName: "tenant_requests", unitName: "total",
                                                              helpText: "Requests to /v1/ routes by tenant (those a limit let through)."),
                             labels: [("tenant", tenant)]).increment()
    }

    /// Counts a request by method, route and status, and records its latency.
    func record(method: String, route: String, status: Int, duration: Duration) {
        let labels = [("method", method), ("route", route), ("status", String(status))]
        registry.makeCounter(descriptor: MetricNameDescriptor(namespace: "http", metricName: "requests", unitName: "total",
                                                              helpText: "HTTP requests answered."), labels: labels).increment()
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(namespace: "http", metricName: "request_duration", unitName: "seconds",
                                             helpText: "Latency of HTTP requests."),
            labels: [("method", method), ("route", route)],
            buckets: [.milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500),
                      .seconds(1), .seconds(5), .seconds(30), .seconds(120)]).record(duration)
    }

    /// The metrics in Prometheus's text format.
    func exposition() -> [UInt8] { registry.emitToBuffer() }
}

/// Records every request's method, route, status and latency; adds `X-Request-ID`.
struct MetricsAndRequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let route = { context.endpointPath ?? "unmatched" }
        do {
            var response = try await next(request, context)
            response.headers[.init("X-Request-ID")!] = context.id
            metrics.record(method: request.method.rawValue, route: route(), status: Int(response.status.code),
                           duration: ContinuousClock.now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            metrics.record(method: request.method.rawValue, route: route(), status: Int(status), duration: ContinuousClock.now - start)
            throw error
        }
    }
}
