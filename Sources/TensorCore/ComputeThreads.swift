import Foundation
import CTensorKernels
import Parallelism

/// How many threads large matrix products and convolutions may use (default: 2, capped by the CPU count).
///
/// Convolutions smaller than ``minimumParallelFlops`` and matrix products smaller than
/// `MatrixMultiply.minimumSplitFlops` always run on the calling thread.
public enum ComputeThreads {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var storedCount = Swift.min(2, ProcessInfo.processInfo.activeProcessorCount)

    /// The number of threads for large products; at least 1.
    public static var count: Int {
        get { lock.withLock { storedCount } }
        set { lock.withLock { storedCount = Swift.max(1, newValue) } }
    }

    /// Convolutions with fewer floating-point operations than this stay single-threaded.
    public static let minimumParallelFlops = 16_000_000

    /// Two independent products of at least this many floating-point operations each run side by side
    /// (``sideBySide(_:_:)``) when there is a second thread: below it the handoff costs more than it saves.
    public static let minimumSideBySideFlops = 2_000_000

    /// Runs two independent computations, `first` on the calling thread and `second` beside it on a worker when
    /// ``count`` allows two threads and the caller judges them `worthIt` (one after the other otherwise); returns
    /// when both are done. Neither may depend on the other, so the results are the same either way. A product inside
    /// either one stays on its own thread.
    public static func sideBySide(if worthIt: Bool = true, _ first: () -> Void, _ second: () -> Void) {
        guard worthIt, count > 1 else {
            first()
            second()
            return
        }
        run(parts: 2) { part in part == 0 ? first() : second() }
    }

    /// Runs `body` for parts `0..<parts` on the worker pool (part 0 on the calling thread), every part with the
    /// calling thread's micro-kernel choice (`MatrixMultiply.useKernel`), so a test comparing kernels does not change
    /// the bits of others running beside it.
    static func run(parts: Int, _ body: (Int) -> Void) {
        let kernel = tk_sgemm_thread_kernel()
        WorkerPool.shared.run(parts: parts) { part in
            let own = tk_sgemm_thread_kernel()
            tk_sgemm_set_thread_kernel(kernel)
            defer { tk_sgemm_set_thread_kernel(own) }
            body(part)
        }
    }
}
