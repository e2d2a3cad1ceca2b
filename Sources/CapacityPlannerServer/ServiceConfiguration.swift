// The service's limits and defaults.

/// Limits and defaults of the planning service (Docs/service.md).
public struct ServiceConfiguration: Sendable {
    /// Address to bind.
    public var host: String
    /// Port to bind (0: any free port).
    public var port: Int
    /// Largest request body, in bytes (413 above it).
    public var maxBodyBytes: Int
    /// Time limit of a solve when the request gives none, in seconds.
    public var defaultTimeLimit: Double
    /// Largest time limit a request may ask for, in seconds (400 above it).
    public var maxTimeLimit: Double
    /// Solves that run at once (each on its own thread, off the event loop).
    public var maxConcurrentSolves: Int
    /// Solves that may wait for a slot; beyond that, 503 with `Retry-After`.
    public var maxQueuedSolves: Int
    /// How long a finished job is kept, in seconds.
    public var jobRetention: Double
    /// Most finished jobs kept (the oldest go first).
    public var maxFinishedJobs: Int
    /// Time limit of each solve of an analysis when the request gives none, in seconds.
    public var analysisTimeLimit: Double
    /// Where jobs are kept: `memory`, `sqlite:PATH` or `postgres://USER@HOST:PORT/DATABASE`
    /// (Docs/service.md, "Deployment").
    public var store: String
    /// A file of `KEY TENANT` lines; when set, every `/v1/` route needs a bearer key.
    public var apiKeysPath: String?
    /// Allows binding to a non-loopback address without API keys.
    public var insecureNoAuth: Bool
    /// When set (with API keys), only this tenant's keys may read `/metrics`.
    public var metricsTenant: String?
    /// Seconds a replica's claim on a running job lasts without a heartbeat; a job whose
    /// replica died is run again this long after its last heartbeat.
    public var jobLease: Double
    /// Jobs that may wait in the store (all replicas); beyond that, 503 with `Retry-After`.
    public var maxQueuedJobs: Int
    /// Most changes one sweep may carry.
    public var maxSweepVariants: Int
    /// The limits of each tenant (every request, without API keys), unless its key lines give
    /// its own (Docs/service.md, "Tenants").
    public var tenantLimits: TenantLimits

    /// Creates a configuration; defaults suit one machine serving a PMO's tools.
    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 8 << 20,
                defaultTimeLimit: Double = 30, maxTimeLimit: Double = 600,
                maxConcurrentSolves: Int = ServiceConfiguration.processorCount, maxQueuedSolves: Int = 32,
                jobRetention: Double = 3600, maxFinishedJobs: Int = 1000, analysisTimeLimit: Double = 2,
                store: String = "memory", apiKeysPath: String? = nil, insecureNoAuth: Bool = false,
                metricsTenant: String? = nil, jobLease: Double = 15, maxQueuedJobs: Int = 1000, maxSweepVariants: Int = 50,
                tenantLimits: TenantLimits = ServiceConfiguration.defaultTenantLimits) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.defaultTimeLimit = defaultTimeLimit
        self.maxTimeLimit = maxTimeLimit
        self.maxConcurrentSolves = maxConcurrentSolves
        self.maxQueuedSolves = maxQueuedSolves
        self.jobRetention = jobRetention
        self.maxFinishedJobs = maxFinishedJobs
        self.analysisTimeLimit = analysisTimeLimit
        self.store = store
        self.apiKeysPath = apiKeysPath
        self.insecureNoAuth = insecureNoAuth
        self.metricsTenant = metricsTenant
        self.jobLease = jobLease
        self.maxQueuedJobs = maxQueuedJobs
        self.maxSweepVariants = maxSweepVariants
        self.tenantLimits = tenantLimits
    }

    /// Each tenant may have 200 jobs queued or running (four full sweeps); no other limit.
    public static let defaultTenantLimits = TenantLimits(maxJobs: 200)

    /// Whether `host` only accepts connections from this machine.
    public var bindsLoopback: Bool {
        ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.")
    }

    /// The number of processors the system reports (at least 1).
    public static var processorCount: Int { max(1, ProcessInfoShim.activeProcessorCount) }

    /// Problems with the configuration, one per field; empty when it is usable.
    public func problems() -> [String] {
        var out: [String] = []
        if host.isEmpty { out.append("host must not be empty") }
        if !(0...65_535).contains(port) { out.append("port must be 0…65535, got \(port)") }
        if maxBodyBytes < 1 { out.append("maxBodyBytes must be ≥ 1") }
        if !(defaultTimeLimit > 0 && defaultTimeLimit.isFinite) { out.append("defaultTimeLimit must be a number of seconds > 0") }
        if !(maxTimeLimit >= defaultTimeLimit && maxTimeLimit.isFinite) { out.append("maxTimeLimit must be ≥ defaultTimeLimit") }
        if maxConcurrentSolves < 1 { out.append("maxConcurrentSolves must be ≥ 1") }
        if maxQueuedSolves < 0 { out.append("maxQueuedSolves must be ≥ 0") }
        if !(jobRetention >= 0 && jobRetention.isFinite) { out.append("jobRetention must be a number of seconds ≥ 0") }
        if maxFinishedJobs < 0 { out.append("maxFinishedJobs must be ≥ 0") }
        if !(analysisTimeLimit > 0 && analysisTimeLimit.isFinite) { out.append("analysisTimeLimit must be a number of seconds > 0") }
        if let problem = StoreLocation.problem(store) { out.append(problem) }
        if apiKeysPath == nil && !bindsLoopback && !insecureNoAuth {
            out.append("--host \(host) without --api-keys would let anyone on the network read every portfolio; give --api-keys FILE, bind to 127.0.0.1, or say --insecure-no-auth")
        }
        if metricsTenant != nil && apiKeysPath == nil { out.append("--metrics-tenant needs --api-keys") }
        if !(jobLease >= 1 && jobLease.isFinite) { out.append("jobLease must be a number of seconds ≥ 1") }
        if maxQueuedJobs < 1 { out.append("maxQueuedJobs must be ≥ 1") }
        if maxSweepVariants < 1 { out.append("maxSweepVariants must be ≥ 1") }
        out += tenantLimits.problems(prefix: "tenant ")
        return out
    }
}

import Foundation

/// Foundation's processor count, isolated so the configuration reads as plain values.
enum ProcessInfoShim {
    static var activeProcessorCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}
