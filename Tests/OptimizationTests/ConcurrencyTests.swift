#if GLPK
import Foundation
import Optimization
import Synchronization
import Testing

@Suite("GLPK: threads")
struct ConcurrencyTests {
    @Test("8 models solved at once on 8 threads give the right answers")
    func eightThreads() throws {
        let knapsacks = (0..<8).map { Knapsack.random(items: 40, seed: UInt64(100 + $0)) }
        let results = Recorder<(Int, Double?, Termination)>()
        let threadIDs = Recorder<String>()
        let group = DispatchGroup()
        let started = Counter()
        var threads: [Thread] = []
        for (k, knapsack) in knapsacks.enumerated() {
            group.enter()
            let thread = Thread {
                threadIDs.append("\(pthread_self())")
                // Wait until all eight threads are running, so the solves overlap.
                started.increment()
                let deadline = ContinuousClock.now + .seconds(30)
                while started.current < 8 && ContinuousClock.now < deadline {
                    usleep(1000)
                }
                let (model, _) = knapsack.model()
                let outcome = try? GLPK.solve(model, options: SolveOptions(relativeGap: 0, presolve: k % 2 == 0))
                results.append((k, outcome?.objective, outcome?.termination ?? .feasible))
                group.leave()
            }
            thread.stackSize = 8 << 20
            threads.append(thread)
        }
        threads.forEach { $0.start() }
        #expect(group.wait(timeout: .now() + 120) == .success)
        #expect(Set(threadIDs.values).count == 8)
        let byIndex = Dictionary(uniqueKeysWithValues: results.values.map { ($0.0, ($0.1, $0.2)) })
        #expect(byIndex.count == 8)
        for (k, knapsack) in knapsacks.enumerated() {
            #expect(byIndex[k]?.0 == Double(knapsack.optimum), "model \(k)")
            #expect(byIndex[k]?.1 == .optimal, "model \(k)")
        }
    }

    @Test("solving from concurrent tasks (Task.detached calling the synchronous solve)")
    func detachedTasks() async throws {
        let (model, _, _, _) = textbookLP()
        let objectives = try await withThrowingTaskGroup(of: Double?.self) { group in
            for _ in 0..<8 {
                group.addTask { try GLPK.solve(model).objective }
            }
            var collected: [Double?] = []
            for try await objective in group { collected.append(objective) }
            return collected
        }
        #expect(objectives.count == 8)
        #expect(objectives.allSatisfy { abs(($0 ?? 0) - 36) < 1e-9 })
    }
}
/// A shared counter for the start barrier.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    func increment() {
        value.add(1, ordering: .relaxed)
    }

    var current: Int {
        value.load(ordering: .relaxed)
    }
}
#endif
