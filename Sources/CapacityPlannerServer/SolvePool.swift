// Bounded concurrency for solves: a fixed number run at once on their own threads, a bounded queue waits.
import CapacityPlanners
import Foundation
import Synchronization

/// Runs solves off the event loop: at most `maxConcurrent` at once, each on a thread of its own
/// (a solve is synchronous and CPU-bound, so it must not occupy a Swift concurrency or NIO
/// thread; nor a Dispatch global-queue thread, whose pool is as wide as the cores and shared
/// with the rest of the process, so a solve could wait there behind other work), and at most
/// `maxQueued` waiting. A request beyond that is refused at once
/// (`reserve()` gives none), so a burst never piles up unbounded work.
final class SolvePool: Sendable {
    /// A place in the pool: taken by `reserve()`, used by `run`, given back by `run` or `cancel`.
    struct Reservation: Sendable {
        fileprivate let id: UInt64
    }

    private struct State {
        var nextID: UInt64 = 0
        var admitted: Set<UInt64> = []
        var running = 0
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, Never>)] = []
        var cancellations: [UInt64: PlanningCancellation] = [:]
        var shuttingDown = false
    }

    let maxConcurrent: Int
    let maxQueued: Int
    private let state = Mutex(State())
    private let metrics: ServiceMetrics

    init(maxConcurrent: Int, maxQueued: Int, metrics: ServiceMetrics) {
        self.maxConcurrent = maxConcurrent
        self.maxQueued = maxQueued
        self.metrics = metrics
    }

    /// Solves running now.
    var running: Int { state.withLock { $0.running } }
    /// Solves admitted but waiting for a slot.
    var queued: Int { state.withLock { $0.admitted.count - $0.running } }

    /// Takes a place, or nil when every slot and queue place is taken (or the service is
    /// shutting down).
    func reserve() -> Reservation? {
        let reservation: Reservation? = state.withLock { s in
            guard !s.shuttingDown, s.admitted.count < maxConcurrent + maxQueued else { return nil }
            s.nextID += 1
            s.admitted.insert(s.nextID)
            return Reservation(id: s.nextID)
        }
        guard let reservation else { return nil }
        updateGauges()
        return reservation
    }

    /// Whether a slot is free now: the job runner claims a job only then, so a replica claims
    /// no more jobs than it can start at once and the others get the rest.
    var hasIdleSlot: Bool { state.withLock { !$0.shuttingDown && $0.admitted.count < maxConcurrent } }

    /// Takes a place for a job already claimed from the store, beyond the queue limit if need
    /// be (a request that took the free slot meanwhile makes it wait its turn); `nil` only
    /// when shutting down.
    func admit() -> Reservation? {
        let reservation: Reservation? = state.withLock { s in
            guard !s.shuttingDown else { return nil }
            s.nextID += 1
            s.admitted.insert(s.nextID)
            return Reservation(id: s.nextID)
        }
        if reservation != nil { updateGauges() }
        return reservation
    }

    /// Whether graceful shutdown began.
    var isShuttingDown: Bool { state.withLock { $0.shuttingDown } }

    /// Waits for a slot, runs `work` on a worker thread with a cancellation token that shutdown
    /// (or `token`) triggers, and gives the place back.
    func run<T: Sendable>(_ reservation: Reservation, token: PlanningCancellation = PlanningCancellation(),
                          _ work: @escaping @Sendable (PlanningCancellation) -> T) async -> T {
        await waitForSlot(reservation)
        let cancelled = state.withLock { s -> Bool in
            s.cancellations[reservation.id] = token
            return s.shuttingDown
        }
        if cancelled { token.cancel() }
        updateGauges()
        let clock = ContinuousClock.now
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            let thread = Thread {
                continuation.resume(returning: work(token))
            }
            thread.name = "capacity-planner.solve"
            thread.stackSize = 8 << 20
            thread.start()
        }
        metrics.solveSeconds.record(ContinuousClock.now - clock)
        release(reservation)
        return result
    }

    /// Gives back a place that will not run (its request failed before calling `run`).
    func cancel(_ reservation: Reservation) {
        let removed = state.withLock { $0.admitted.remove(reservation.id) != nil }
        if removed { updateGauges() }
    }

    /// Cancels every running solve and refuses new ones (graceful shutdown): running solves
    /// return their best plan at once, queued ones start already cancelled.
    func shutDown() {
        let tokens = state.withLock { s -> [PlanningCancellation] in
            s.shuttingDown = true
            return Array(s.cancellations.values)
        }
        for token in tokens { token.cancel() }
    }

    private func waitForSlot(_ reservation: Reservation) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let startNow = state.withLock { s -> Bool in
                if s.running < maxConcurrent {
                    s.running += 1
                    return true
                }
                s.waiters.append((reservation.id, continuation))
                return false
            }
            if startNow { continuation.resume() }
        }
    }

    private func release(_ reservation: Reservation) {
        let next = state.withLock { s -> CheckedContinuation<Void, Never>? in
            guard s.admitted.remove(reservation.id) != nil else { return nil }
            s.cancellations[reservation.id] = nil
            if !s.waiters.isEmpty { return s.waiters.removeFirst().continuation }
            s.running -= 1
            return nil
        }
        next?.resume()
        updateGauges()
    }

    private func updateGauges() {
        let (running, queued) = state.withLock { ($0.running, $0.admitted.count - $0.running) }
        metrics.solvesRunning.set(Double(running))
        metrics.solvesQueued.set(Double(queued))
    }
}
