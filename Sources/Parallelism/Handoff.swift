import Dispatch
import Synchronization

/// A flag one thread raises and one other thread waits for, spinning briefly before it sleeps.
///
/// The waiter polls for about ``spinLimit`` iterations (some tens of microseconds), so work passes between two busy
/// threads without a system call (`gym bench batched` times a start and finish round trip as
/// `worker_pool_handoff_us`); then it announces that it sleeps and blocks on a semaphore. One atomic word holds the
/// whole state, so raising and seeing whether the waiter sleeps are one exchange: a wake-up always belongs to the wait
/// it was meant for. Raises and waits must alternate (the worker pool's start and finish
/// signals do).
final class Handoff: @unchecked Sendable {
    /// Polls of the state before the waiter sleeps (tens of microseconds: longer than the gaps between the steps of a
    /// batch, so that a worker stepping environments seldom sleeps).
    static let spinLimit = 200_000

    private static let lowered = 0, raisedState = 1, sleeping = 2
    private let state = Atomic<Int>(Handoff.lowered)
    private let semaphore = DispatchSemaphore(value: 0)

    /// Raises the flag (publishing everything written before) and wakes the waiter if it sleeps.
    func raise() {
        if state.exchange(Self.raisedState, ordering: .sequentiallyConsistent) == Self.sleeping { semaphore.signal() }
    }

    /// Returns once the flag is raised (seeing everything written before that), and lowers it again.
    func wait() {
        // Plain loads while spinning keep the word shared between the cores until the raise writes it.
        for _ in 0..<Self.spinLimit where state.load(ordering: .sequentiallyConsistent) == Self.raisedState {
            state.store(Self.lowered, ordering: .sequentiallyConsistent)
            return
        }
        if state.compareExchange(expected: Self.lowered, desired: Self.sleeping,
                                 ordering: .sequentiallyConsistent).exchanged {
            semaphore.wait()   // the raise that finds us asleep signals once
        }
        state.store(Self.lowered, ordering: .sequentiallyConsistent)
    }
}
