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

    /// Routes SIGINT to the flag.
    static func install() {
        signal(SIGINT) { _ in
            if Interrupt.requested.exchange(true, ordering: .relaxed) { _exit(130) }
        }
    }
}
