// Searches on the other cores: the best plan they share, and the threads that run them.
#if GLPK
import CapacityPlanning
import Foundation
import Synchronization

/// The best plan any search has found, shared by the searches that run at once.
final class SharedIncumbent: Sendable {
    private let best: Mutex<(objective: Double, allocation: Allocation)>
    private let helpers = Mutex<SearchStatistics>(SearchStatistics())
    private let dive = Mutex<String?>(nil)

    init(objective: Double, allocation: Allocation) {
        best = Mutex((objective, allocation))
    }

    /// Keeps `allocation` when it is better than the best so far.
    func offer(_ objective: Double, _ allocation: Allocation) {
        best.withLock { if objective > $0.objective { $0 = (objective, allocation) } }
    }

    /// The best plan when it beats `objective`.
    func better(than objective: Double) -> (objective: Double, allocation: Allocation)? {
        best.withLock { $0.objective > objective + 1e-9 * max(1, abs(objective)) ? $0 : nil }
    }

    /// The best plan so far.
    var current: (objective: Double, allocation: Allocation) { best.withLock { $0 } }

    /// Adds a finished helper's statistics.
    func record(_ statistics: SearchStatistics) { helpers.withLock { $0.add(statistics) } }

    /// Every finished helper's statistics.
    var helperStatistics: SearchStatistics { helpers.withLock { $0 } }

    /// Records what the dive from the relaxation gave (`RelaxationDive`), for the plan's note.
    func recordDive(_ outcome: String) { dive.withLock { $0 = outcome } }

    /// What the dive from the relaxation gave, if it ran.
    var diveOutcome: String? { dive.withLock { $0 } }
}

/// The helper searches of one run: how to stop them and wait for them.
final class Helpers: Sendable {
    /// How many were started.
    let count: Int
    /// Cancelled when the main search ends (or the caller cancels).
    let cancellation = PlanningCancellation()
    private let running: DispatchSemaphore
    private let finished = Mutex(false)

    init(count: Int) {
        self.count = count
        self.running = DispatchSemaphore(value: 0)
    }

    /// Called by each helper when it returns.
    func ended() { running.signal() }

    /// Stops the helpers and, when `waiting`, waits for each to return (once; later calls return
    /// at once). Not waiting is for a proven plan: a helper's sub-problem may be in a phase of
    /// GLPK that cannot be interrupted (pseudo-cost initialisation, up to its 2 s limit), and
    /// nothing it could find can beat a proof; it ends on its own at its next check.
    func finish(waiting: Bool = true) {
        let first = finished.withLock { done -> Bool in
            defer { done = true }
            return !done
        }
        guard first else { return }
        cancellation.cancel()
        if waiting { for _ in 0..<count { running.wait() } }
    }
}

extension Search {
    /// Starts the other searches (`planner.searches − 1`), each on a thread of its own, once
    /// the bound computation has ended: they search from the shared best plan and offer theirs.
    /// None in deterministic mode.
    func startHelpers(shared: SharedIncumbent, after relaxation: RelaxationBound) -> Helpers {
        let count = deterministic ? 0 : max(0, planner.searches - 1)
        guard count > 0 else { return Helpers(count: 0) }
        let helpers = Helpers(count: count)
        options.cancellation?.onCancel { helpers.cancellation.cancel() }
        for worker in 1...count {
            var helperOptions = options
            helperOptions.progress = nil
            helperOptions.warmStart = nil
            helperOptions.cancellation = helpers.cancellation
            let (planner, problem, clock, options, inFlight) = (planner, problem, clock, helperOptions, inFlight)
            let thread = Thread {
                defer { helpers.ended() }
                var search = Search(planner: planner, problem: problem, options: options, clock: clock, worker: UInt64(worker),
                                    inFlight: inFlight)
                search.relaxation = relaxation
                while !search.stopped, !relaxation.wait(seconds: 0.1) {}
                var (objective, current) = shared.current
                while !search.stopped {
                    if let better = shared.better(than: objective) { (objective, current) = better }
                    guard let step = search.step(around: &current, objective: &objective) else { break }
                    if step.improved { shared.offer(objective, current) }
                }
                shared.record(search.statistics)
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
        return helpers
    }
}
#endif
