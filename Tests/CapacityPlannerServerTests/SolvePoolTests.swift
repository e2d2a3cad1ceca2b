// Bounded concurrency, the bounded queue, and cancellation on shutdown.
import CapacityPlanners
@testable import CapacityPlannerServer
import Foundation
import Synchronization
import Testing

@Suite("SolvePool")
struct SolvePoolTests {
    @Test("at most maxConcurrent run at once; the queue holds maxQueued more; beyond that, busy")
    func bounds() async throws {
        let pool = SolvePool(maxConcurrent: 2, maxQueued: 1, metrics: ServiceMetrics())
        let reservations = try (0..<3).map { _ in try #require(pool.reserve()) }
        #expect(pool.reserve() == nil)
        let counter = Concurrency()
        await withTaskGroup(of: Void.self) { group in
            for reservation in reservations {
                group.addTask {
                    _ = await pool.run(reservation) { _ in
                        counter.enter()
                        Thread.sleep(forTimeInterval: 0.2)
                        counter.leave()
                        return 0
                    }
                }
            }
        }
        #expect(counter.peak == 2)
        #expect(pool.running == 0 && pool.queued == 0)
        #expect(pool.reserve() != nil)  // places are given back
    }

    @Test("shutdown cancels running solves at once and refuses new ones")
    func shutdown() async throws {
        let pool = SolvePool(maxConcurrent: 1, maxQueued: 1, metrics: ServiceMetrics())
        let reservation = try #require(pool.reserve())
        async let finished: Bool = pool.run(reservation) { token in
            // Long enough that a busy machine still reaches shutDown() before it.
            let deadline = Date().addingTimeInterval(300)
            while !token.isCancelled && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            return token.isCancelled
        }
        // Shut down from a dispatch thread, not this task: in a parallel test run the cooperative
        // threads can all be busy for minutes (a clean clone's CI starved this task past 300 s).
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) { pool.shutDown() }
        // True only if the work saw the cancellation (otherwise it runs to its 300 s deadline).
        // No wall-clock bound: under a parallel test run this task may wait for a thread.
        #expect(await finished)
        #expect(pool.reserve() == nil)
    }
}

/// Counts work running at once and remembers the most.
final class Concurrency: Sendable {
    private let state = Mutex((current: 0, peak: 0))

    func enter() { state.withLock { $0.current += 1; $0.peak = max($0.peak, $0.current) } }
    func leave() { state.withLock { $0.current -= 1 } }
    var peak: Int { state.withLock { $0.peak } }
}
