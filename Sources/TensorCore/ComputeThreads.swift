import Foundation

/// How many threads large matrix products and convolutions may use (default: 2, capped by the CPU count).
///
/// Products smaller than ``minimumParallelFlops`` always run on the calling thread.
public enum ComputeThreads {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var storedCount = Swift.min(2, ProcessInfo.processInfo.activeProcessorCount)

    /// The number of threads for large products; at least 1.
    public static var count: Int {
        get { lock.withLock { storedCount } }
        set { lock.withLock { storedCount = Swift.max(1, newValue) } }
    }

    /// Products with fewer floating-point operations than this stay single-threaded.
    public static let minimumParallelFlops = 16_000_000
}
