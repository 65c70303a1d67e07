import Parallelism
import Synchronization
import Testing

@Suite struct WorkerPoolTests {
    /// Every part runs exactly once per call, and the call returns only after all of them: many short calls in a
    /// row, as a batched environment makes them, are where a lost or misdirected wake-up would show.
    @Test func everyPartRunsOnceBeforeTheCallReturns() {
        let pool = WorkerPool()
        let runs = Atomic<Int>(0)
        var expected = 0
        for round in 0..<5_000 {
            let parts = round % 3 + 1
            pool.run(parts: parts) { _ in runs.add(1, ordering: .relaxed) }
            expected += parts
            guard runs.load(ordering: .relaxed) == expected else {
                Issue.record("call \(round) returned after \(runs.load(ordering: .relaxed) - expected + parts) of \(parts) parts")
                return
            }
        }
    }
}
