// Each tenant's limits: the service's defaults, with what its key lines say over them.

/// Resolves a tenant's `TenantLimits`: `ServiceConfiguration.tenantLimits`, overridden by the
/// limits on the tenant's `--api-keys` lines (read again on SIGHUP).
struct Tenants: Sendable {
    /// The limits of a tenant whose lines give none (and of every request without API keys).
    let defaults: TenantLimits
    /// The key file, when the service has one.
    let keys: APIKeys?

    /// `tenant`'s limits.
    func limits(of tenant: String) -> TenantLimits {
        defaults.overridden(by: keys?.limits(of: tenant) ?? TenantLimits())
    }

    /// Whether any tenant can have a running limit (else claims need not count running jobs).
    var hasRunningLimits: Bool {
        defaults.maxRunning != nil || (keys?.allLimits.values.contains { $0.maxRunning != nil } ?? false)
    }

    /// The tenants whose running limit `running` (jobs running per tenant) has reached: their
    /// queued jobs wait. Only tenants with jobs running can be at their limit.
    func atRunningLimit(_ running: [String: Int]) -> [String] {
        running.compactMap { tenant, count in
            limits(of: tenant).maxRunning.map { count >= $0 } == true ? tenant : nil
        }.sorted()
    }
}
