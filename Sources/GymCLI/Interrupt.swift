import Foundation
import Synchronization

/// Ctrl-C handling: the first interrupt asks the run to stop after the current episode (it still evaluates and
/// reports, and the log is flushed); a second one exits at once.
enum Interrupt {
    private static let requested = Atomic<Bool>(false)

    /// Whether Ctrl-C has been pressed since ``install()``.
    static var isRequested: Bool { requested.load(ordering: .relaxed) }

    /// Asks the run to stop as Ctrl-C does (the viewer's `q` and close button).
    static func request() {
        requested.store(true, ordering: .relaxed)
    }

    /// A check that turns true on a request made after this call only: an evaluation that follows an interrupted
    /// training still runs, and Ctrl-C or `q` during it ends it after the current episode.
    static func laterRequest() -> () -> Bool {
        let alreadyRequested = isRequested
        return { !alreadyRequested && isRequested }
    }

    /// Routes SIGINT to the flag.
    static func install() {
        signal(SIGINT) { _ in
            if Interrupt.requested.exchange(true, ordering: .relaxed) { _exit(130) }
        }
    }
}
