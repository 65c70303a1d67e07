import Dispatch
import Synchronization

/// A flag one thread raises and one other thread waits for, spinning briefly before it sleeps.
///
/// The waiter polls for about ``spinLimit`` iterations (a few tens of microseconds), which hands work between
/// two busy threads in well under a microsecond; then it announces that it sleeps and blocks on a semaphore. The
/// raiser signals the semaphore only when the waiter announced sleep, and the two exchanges on ``sleeping`` (all
/// sequentially consistent) make sure exactly one side sees the announcement, so no wake-up is lost or doubled.
final class Handoff: @unchecked Sendable {
    /// Polls of ``raised`` before the waiter sleeps.
    static let spinLimit = 20_000

    private let raised = Atomic<Bool>(false)
    private let sleeping = Atomic<Bool>(false)
    private let semaphore = DispatchSemaphore(value: 0)

    /// Raises the flag (publishing everything written before) and wakes the waiter if it sleeps.
    func raise() {
        raised.store(true, ordering: .sequentiallyConsistent)
        if sleeping.exchange(false, ordering: .sequentiallyConsistent) { semaphore.signal() }
    }

    /// Returns once the flag is raised (seeing everything written before that), and lowers it again.
    func wait() {
        defer { raised.store(false, ordering: .sequentiallyConsistent) }
        for _ in 0..<Self.spinLimit where raised.load(ordering: .acquiring) { return }
        sleeping.store(true, ordering: .sequentiallyConsistent)
        // Raised between the last poll and the announcement: whoever clears `sleeping` first decides whether a
        // signal is coming.
        if raised.load(ordering: .sequentiallyConsistent), sleeping.exchange(false, ordering: .sequentiallyConsistent) {
            return
        }
        semaphore.wait()
    }
}
