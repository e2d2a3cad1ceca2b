// Each replica's job loop: claim a job when a solve slot is free, run it, keep its lease and
// its best plan in the store, and write its end.
import CapacityPlanners
import CapacityPlanning
import Foundation
import Logging
import ServiceLifecycle
import StrictJSON
import Synchronization

/// Runs the store's jobs on this replica: whenever the solve pool has a free slot it claims the
/// oldest queued job (or one whose replica died), solves it, renews its lease every
/// `heartbeat` seconds while storing progress and the best plan so far, and stores its end.
/// On graceful shutdown, a durable store gets its running jobs back as queued (with their best
/// plan, which warm-starts the next run); the memory store's are finished as cancelled with
/// their best plan, as before.
final class JobRunner: Service, Sendable {
    /// How the runner paces itself.
    struct Timing: Sendable {
        /// How long a claim holds without a heartbeat, in seconds.
        var lease: Double = 15
        /// How often a running job's lease is renewed and its progress stored.
        var heartbeat: Double = 1
        /// How often a stored best plan is replaced by the search's newer one.
        var planInterval: Double = 3
        /// How often an idle runner looks for queued jobs other replicas created.
        var poll: Double = 0.5
    }

    let store: any JobStore
    let pool: SolvePool
    /// Each tenant's limits: a tenant at its running limit is passed over when claiming.
    let tenants: Tenants
    let metrics: ServiceMetrics
    let logger: Logger
    let timing: Timing
    let retention: Double
    let maxFinished: Int
    /// This replica's name in the store's `owner` column.
    let owner = "replica-" + UUID().uuidString.lowercased().prefix(8)

    private let local = Mutex<[String: PlanningCancellation]>([:])
    private let stopping = Atomic<Bool>(false)
    private let wakeRequested = Atomic<Bool>(false)

    init(store: any JobStore, pool: SolvePool, tenants: Tenants, metrics: ServiceMetrics, logger: Logger, timing: Timing,
         retention: Double, maxFinished: Int) {
        self.store = store
        self.pool = pool
        self.tenants = tenants
        self.metrics = metrics
        self.logger = logger
        self.timing = timing
        self.retention = retention
        self.maxFinished = maxFinished
    }

    /// Looks for work now (a job was just created here).
    func wake() { wakeRequested.store(true, ordering: .sequentiallyConsistent) }

    /// Stops a job at once if it runs on this replica (other replicas see the store's flag at
    /// their next heartbeat).
    func cancelLocally(_ id: String) {
        local.withLock { $0[id] }?.cancel()
    }

    func run() async throws {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.tick() }
            await withGracefulShutdownHandler {
                await self.loop(group: &group)
            } onGracefulShutdown: {
                self.stopping.store(true, ordering: .sequentiallyConsistent)
            }
        }
        await store.close()
    }

    private func loop(group: inout DiscardingTaskGroup) async {
        var lastPrune = ContinuousClock.now - .seconds(3600)
        while !stopping.load(ordering: .sequentiallyConsistent) && !Task.isCancelled {
            if ContinuousClock.now - lastPrune > .seconds(60) {
                lastPrune = .now
                await prune()
            }
            while !stopping.load(ordering: .sequentiallyConsistent), pool.hasIdleSlot, let claim = await claim() {
                guard let reservation = pool.admit() else {
                    await giveBack(claim.job.id)
                    break
                }
                group.addTask { await self.execute(claim, reservation) }
            }
            // Sleep until woken (a job was created here), stopped, or the poll interval passed.
            let until = ContinuousClock.now + .seconds(timing.poll)
            while ContinuousClock.now < until, !stopping.load(ordering: .sequentiallyConsistent),
                  !wakeRequested.exchange(false, ordering: .sequentiallyConsistent) {
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
        // Running jobs: stopped at once (the pool's shutdown cancels them too), then released or finished.
        for token in local.withLock({ Array($0.values) }) { token.cancel() }
    }

    /// Every 5 s: the jobs-by-state gauges (checking for shutdown every quarter second, so a
    /// stopping replica does not wait for it).
    private func tick() async {
        while !stopping.load(ordering: .sequentiallyConsistent) && !Task.isCancelled {
            if let counts = try? await store.counts() { metrics.jobs(counts) }
            if let counts = try? await store.tenantCounts() { metrics.tenantJobs(counts) }
            for _ in 0..<20 where !stopping.load(ordering: .sequentiallyConsistent) {
                try? await Task.sleep(for: .milliseconds(250))
            }
        }
    }

    private func prune() async {
        do throws(JobStoreError) {
            try await store.prune(finishedBefore: Date(timeIntervalSinceNow: -retention), keep: maxFinished)
        } catch {
            metrics.storeError("prune")
            logger.warning("job store: prune failed", metadata: ["error": "\(error)"])
        }
    }

    private func claim() async -> JobClaim? {
        let start = ContinuousClock.now
        defer { metrics.storeSeconds.record(ContinuousClock.now - start) }
        do throws(JobStoreError) {
            let now = Date()
            // Tenants at their running limit wait; the rest are served fewest-running first (the store's claim).
            let full = tenants.hasRunningLimits ? tenants.atRunningLimit(try await store.runningByTenant(now: now)) : []
            return try await store.claim(owner: owner, now: now, leaseUntil: now.addingTimeInterval(timing.lease), excluding: full)
        } catch {
            metrics.storeError("claim")
            logger.warning("job store: claim failed", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Gives a claimed job back to the queue (the replica is stopping).
    private func giveBack(_ id: String) async {
        do throws(JobStoreError) {
            try await store.release(id, owner: owner)
        } catch {
            metrics.storeError("release")
        }
    }

    /// Solves one claimed job and stores its end.
    private func execute(_ claim: JobClaim, _ reservation: SolvePool.Reservation) async {
        let job = claim.job
        metrics.jobEvent((job.attempts ?? 1) > 1 ? "reclaimed" : "claimed")
        var log = logger
        log[metadataKey: "job"] = "\(job.id)"
        log.info("job started", metadata: ["attempt": "\(job.attempts ?? 1)", "owner": "\(owner)"])

        let problem: PlanningProblem
        let kind: PlannerKind
        switch Self.prepare(claim) {
        case .success(let ready): (problem, kind) = ready
        case .failure(let reason):
            pool.cancel(reservation)
            await finish(job.id, state: .failed, plan: nil, error: reason.message, log: log)
            return
        }

        let token = PlanningCancellation()
        local.withLock { $0[job.id] = token }
        defer { _ = local.withLock { $0.removeValue(forKey: job.id) } }
        let latest = Latest()
        let lease = LeaseState()
        let heartbeat = Task { await self.keepLease(job.id, latest: latest, lease: lease, token: token, log: log) }

        // A job run again (its replica died, or shut down) has what its earlier runs left of its
        // time limit: their solve seconds are in its stored progress, and this run adds to them.
        let used = job.progress?.elapsed ?? 0
        let limit = Self.timeLeft(job)
        let warmStart = job.plan
        let planInterval = timing.planInterval
        let outcome = await pool.run(reservation, token: token) { token -> Result<Plan, PlanningError> in
            Solving.solve(problem, kind: kind, limit: limit, token: token, warmStart: warmStart,
                           planInterval: planInterval) { report in
                latest.progress(Job.Progress(incumbent: report.incumbent, bound: report.bound, gap: report.gap,
                                             boundSource: report.boundSource?.rawValue, elapsed: used + report.elapsed,
                                             message: report.message))
            } incumbent: { plan in
                latest.plan(plan)
            }
        }
        heartbeat.cancel()
        _ = await heartbeat.value

        if lease.lost {
            metrics.jobEvent("lost")
            log.warning("job lost its lease to another replica; its result is dropped here")
            return
        }
        let plan = try? outcome.get()
        let interruptedByShutdown = token.isCancelled && !lease.cancelRequested
            && (pool.isShuttingDown || stopping.load(ordering: .sequentiallyConsistent))
        if interruptedByShutdown, store.kind != "memory" {
            // Shutting down: give the job back with its best plan so far; it runs again, warm-started.
            do throws(JobStoreError) {
                let (progress, best) = latest.take()
                _ = try await store.heartbeat(job.id, owner: owner, leaseUntil: Date(), progress: progress, plan: plan ?? best)
                try await store.release(job.id, owner: owner)
                metrics.jobEvent("released")
                log.info("job released at shutdown")
            } catch {
                metrics.storeError("release")
                log.warning("job store: release failed; the lease will run out and another replica takes it", metadata: ["error": "\(error)"])
            }
            return
        }
        let state: Job.State = token.isCancelled ? .cancelled : (plan != nil ? .succeeded : .failed)
        var error: String?
        if case .failure(let failure) = outcome { error = failure.code == .noPlanFound ? failure.message : failure.description }
        await finish(job.id, state: state, plan: plan ?? latest.take().plan, error: error, log: log)
    }

    /// The seconds a run of `job` may solve: its time limit less what earlier runs spent
    /// (`progress.elapsed`, over all runs), and at least a second (or the whole limit, if
    /// shorter), so a run warm-started from the stored best plan ends with at least that plan.
    static func timeLeft(_ job: Job) -> Double {
        max(min(1, job.timeLimit), job.timeLimit - (job.progress?.elapsed ?? 0))
    }

    /// The stored scenario and solver, read back (a scenario the service accepted reads back;
    /// one written by another version of the service might not).
    private static func prepare(_ claim: JobClaim) -> Result<(PlanningProblem, PlannerKind), JobStoreError> {
        let value: JSONValue
        do throws(JSONParseError) {
            value = try JSONValue(parsing: Array(claim.scenario.utf8))
        } catch {
            return .failure(JobStoreError(message: "cannot read the stored scenario: \(error)"))
        }
        do throws(ScenarioError) {
            let problem = try Solving.problem(value)
            guard let kind = PlannerKind(rawValue: claim.job.solver), kind.isAvailable else {
                return .failure(JobStoreError(message: "the solver '\(claim.job.solver)' is not built into this replica"))
            }
            return .success((problem, kind))
        } catch {
            return .failure(JobStoreError(message: "the stored scenario is no longer valid: \(error.summary)"))
        }
    }

    /// Renews the lease every `timing.heartbeat` seconds, storing progress and (every
    /// `planInterval` seconds at most, by the planner's pacing) the best plan; stops the solve
    /// when a cancel asked for it or the lease was lost.
    private func keepLease(_ id: String, latest: Latest, lease: LeaseState, token: PlanningCancellation, log: Logger) async {
        while true {
            do { try await Task.sleep(for: .seconds(timing.heartbeat)) } catch { return }  // the solve is over
            let (progress, plan) = latest.take()
            let start = ContinuousClock.now
            do throws(JobStoreError) {
                let beat = try await store.heartbeat(id, owner: owner, leaseUntil: Date().addingTimeInterval(timing.lease),
                                                     progress: progress, plan: plan)
                metrics.storeSeconds.record(ContinuousClock.now - start)
                if beat.cancelRequested { lease.requestCancel(); token.cancel() }
                if !beat.holdsLease { lease.lose(); token.cancel(); return }
            } catch {
                if Task.isCancelled { return }  // the solve ended while the heartbeat was in flight
                metrics.storeError("heartbeat")
                log.warning("job store: heartbeat failed", metadata: ["error": "\(error)"])
            }
        }
    }

    private func finish(_ id: String, state: Job.State, plan: Plan?, error: String?, log: Logger) async {
        // A store outage must not lose the result: retry for as long as the lease would last.
        let deadline = ContinuousClock.now + .seconds(timing.lease)
        while true {
            do throws(JobStoreError) {
                let stored = try await store.finish(id, owner: owner, state: state, plan: plan, error: error, at: Date())
                metrics.jobEvent(stored ? "finished" : "lost")
                log.info("job finished", metadata: ["state": "\(state.rawValue)", "stored": "\(stored)"])
                return
            } catch {
                metrics.storeError("finish")
                guard ContinuousClock.now < deadline else {
                    log.error("job store: could not store the job's end; another replica will run it again", metadata: ["error": "\(error)"])
                    return
                }
                try? await Task.sleep(for: .milliseconds(500))
            }
        }
    }
}

/// The latest progress and best plan of a running job, handed from the solve's thread to its
/// heartbeat (each taken once).
private final class Latest: Sendable {
    private let state = Mutex<(progress: Job.Progress?, plan: Plan?)>((nil, nil))
    func progress(_ value: Job.Progress) { state.withLock { $0.progress = value } }
    func plan(_ value: Plan) { state.withLock { $0.plan = value } }
    func take() -> (progress: Job.Progress?, plan: Plan?) {
        state.withLock { s in
            defer { s = (nil, nil) }
            return s
        }
    }
}

/// What the heartbeat learnt: the lease was taken over, or a cancel asked the job to stop.
private final class LeaseState: Sendable {
    private let flags = Mutex<(lost: Bool, cancel: Bool)>((false, false))
    var lost: Bool { flags.withLock { $0.lost } }
    var cancelRequested: Bool { flags.withLock { $0.cancel } }
    func lose() { flags.withLock { $0.lost = true } }
    func requestCancel() { flags.withLock { $0.cancel = true } }
}
