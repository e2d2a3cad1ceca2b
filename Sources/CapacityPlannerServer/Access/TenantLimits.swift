// What one tenant may ask of the service, so that none can starve the others.

/// The limits of one tenant (Docs/service.md, "Tenants"): the service's defaults
/// (`ServiceConfiguration.tenantLimits`, from `serve --tenant-…`), overridden per tenant by
/// `name=value` fields on its `--api-keys` lines (`KEY TENANT maxJobs=20 requestsPerSecond=5`).
/// `nil` is no limit of the tenant's own (the service's limits still hold).
public struct TenantLimits: Sendable, Equatable {
    /// Jobs of the tenant queued or running at once, over all replicas (each variant of a sweep
    /// is a job); a request that would pass it is answered 429 with `Retry-After`.
    public var maxJobs: Int?
    /// Jobs of the tenant running at once, over all replicas; its other jobs wait while other
    /// tenants' run.
    public var maxRunning: Int?
    /// Requests a second to `/v1/` routes, sustained, on each replica; a burst of twice as many
    /// (at least 1) is allowed. Beyond it: 429 with `Retry-After`.
    public var requestsPerSecond: Double?
    /// The largest time limit the tenant may ask for, in seconds (400 above it, as above the
    /// service's `maxTimeLimit`).
    public var maxTimeLimit: Double?

    /// Limits; none given is no limit.
    public init(maxJobs: Int? = nil, maxRunning: Int? = nil, requestsPerSecond: Double? = nil, maxTimeLimit: Double? = nil) {
        self.maxJobs = maxJobs
        self.maxRunning = maxRunning
        self.requestsPerSecond = requestsPerSecond
        self.maxTimeLimit = maxTimeLimit
    }

    /// The field names a key line may carry.
    static let fields = ["maxJobs", "maxRunning", "requestsPerSecond", "maxTimeLimit"]

    /// These limits with every limit `other` sets taking the place of this one's.
    func overridden(by other: TenantLimits) -> TenantLimits {
        TenantLimits(maxJobs: other.maxJobs ?? maxJobs, maxRunning: other.maxRunning ?? maxRunning,
                     requestsPerSecond: other.requestsPerSecond ?? requestsPerSecond,
                     maxTimeLimit: other.maxTimeLimit ?? maxTimeLimit)
    }

    /// Sets the limit `name` from `text`, or says why it cannot.
    mutating func set(_ name: String, _ text: String) -> String? {
        switch name {
        case "maxJobs", "maxRunning":
            guard let value = Int(text), value >= 1 else { return "\(name) must be a whole number ≥ 1, got '\(text)'" }
            if name == "maxJobs" { maxJobs = value } else { maxRunning = value }
        case "requestsPerSecond", "maxTimeLimit":
            guard let value = Double(text), value.isFinite, value > 0 else { return "\(name) must be a number > 0, got '\(text)'" }
            if name == "requestsPerSecond" { requestsPerSecond = value } else { maxTimeLimit = value }
        default:
            return "unknown limit '\(name)' (one of \(Self.fields.joined(separator: ", ")))"
        }
        return nil
    }

    /// Problems with the limits, one per field; empty when usable.
    func problems(prefix: String) -> [String] {
        var out: [String] = []
        if let maxJobs, maxJobs < 1 { out.append("\(prefix)maxJobs must be ≥ 1") }
        if let maxRunning, maxRunning < 1 { out.append("\(prefix)maxRunning must be ≥ 1") }
        if let rate = requestsPerSecond, !(rate > 0 && rate.isFinite) { out.append("\(prefix)requestsPerSecond must be > 0") }
        if let limit = maxTimeLimit, !(limit > 0 && limit.isFinite) { out.append("\(prefix)maxTimeLimit must be > 0") }
        return out
    }
}
