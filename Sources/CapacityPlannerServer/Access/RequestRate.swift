// Each tenant's request rate on this replica: a token bucket per tenant.
import Foundation
import Synchronization

/// Token buckets, one per tenant: a tenant with a rate of `r` requests a second may send a
/// burst of `max(1, 2r)` and then `r` a second. Per replica: N replicas behind a balancer let a
/// tenant send up to N times as much.
final class RequestRate: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let buckets = Mutex<[String: Bucket]>([:])

    /// Takes one request of `tenant` at `rate` a second; `nil` when it may go ahead, else the
    /// whole seconds until it may (for `Retry-After`, at least 1).
    func take(_ tenant: String, rate: Double, now: ContinuousClock.Instant = .now) -> Int? {
        let burst = max(1, 2 * rate)
        return buckets.withLock { buckets -> Int? in
            var bucket = buckets[tenant] ?? Bucket(tokens: burst, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            bucket.tokens = min(burst, bucket.tokens + max(0, seconds) * rate)
            bucket.updated = now
            defer { buckets[tenant] = bucket }
            guard bucket.tokens >= 1 else { return max(1, Int(((1 - bucket.tokens) / rate).rounded(.up))) }
            bucket.tokens -= 1
            return nil
        }
    }
}
