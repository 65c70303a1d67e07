import Dispatch
import Foundation

/// A few long-lived threads that split one loop with the caller (a parallel `for`), for the tensor kernels and the
/// batched environments.
///
/// Dispatch's shared pool adds threads reluctantly when the machine is busy, which leaves big products on one
/// core; these dedicated threads always run. Handing work over is cheap: a worker that has just finished a part
/// spins for some tens of microseconds before it sleeps, so a loop run thousands of times a second (stepping 64
/// small environments) pays no wake-up latency, while an idle pool costs nothing. A call made while another is in
/// flight runs on the calling thread alone, so nested or concurrent use never deadlocks.
public final class WorkerPool: @unchecked Sendable {
    /// The pool every module shares.
    public static let shared = WorkerPool()

    /// A pool of its own (threads are started when a call first needs them).
    public init() {}

    private let busy = NSLock()
    private var workers: [Worker] = []

    /// The contiguous range of `0..<count` that part `part` of `parts` covers: `part·count/parts ..< (part+1)·count/parts`,
    /// so the parts tile the whole range in order and differ in length by at most one.
    @inlinable
    public static func range(ofPart part: Int, of parts: Int, splitting count: Int) -> Range<Int> {
        part * count / parts..<(part + 1) * count / parts
    }

    /// Runs `body(0)` … `body(parts − 1)`, part 0 on the calling thread and the rest on workers; returns when all
    /// are done.
    public func run(parts: Int, _ body: (Int) -> Void) {
        guard parts > 1, busy.try() else {
            for part in 0..<parts { body(part) }
            return
        }
        defer { busy.unlock() }
        while workers.count < parts - 1 { workers.append(Worker()) }
        withoutActuallyEscaping(body) { job in
            for part in 1..<parts { workers[part - 1].start(Job(run: job, part: part)) }
            job(0)
            for part in 1..<parts { workers[part - 1].wait() }
        }
    }

    /// One slice of work handed to a worker thread.
    struct Job: @unchecked Sendable {
        let run: (Int) -> Void
        let part: Int
    }

    /// A thread that runs one job at a time when signalled.
    final class Worker: @unchecked Sendable {
        private let started = Handoff()
        private let finished = Handoff()
        private var job: Job?

        init() {
            let thread = Thread { [unowned self] in
                while true {
                    started.wait()
                    runJob()
                    finished.raise()
                }
            }
            thread.name = "WorkerPool worker"
            thread.start()
        }

        /// Runs the job and lets go of it. Kept out of line, so that every reference to the job is released when it
        /// returns, before the caller hears that the part is done: the caller's closure must not outlive its
        /// `withoutActuallyEscaping`.
        @inline(never)
        private func runJob() {
            if let job { job.run(job.part) }
            job = nil
        }

        func start(_ job: Job) {
            self.job = job
            started.raise()
        }

        func wait() {
            finished.wait()
        }
    }
}
