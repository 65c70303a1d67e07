import Foundation
import Synchronization

/// A request to stop training after the current episode: Ctrl-C, SIGTERM, a closed window, or a program's own call.
///
/// A stopped training still saves its checkpoint, evaluates and reports. ``installSignalHandlers()`` routes SIGINT and
/// SIGTERM here (a second SIGINT exits at once); the shared instance ``process`` is the one they set.
public final class StopRequest: Sendable {
    private let requested = Atomic<Bool>(false)

    /// The request the process's signal handlers set.
    public static let process = StopRequest()

    /// A request nobody has made yet.
    public init() {}

    /// Whether a stop has been asked for.
    public var isRequested: Bool { requested.load(ordering: .relaxed) }

    /// Asks the run to stop after the current episode.
    public func request() {
        requested.store(true, ordering: .relaxed)
    }

    /// A check that turns true on a request made after this call only: an evaluation that follows an interrupted
    /// training still runs, and a request during it ends it after the current episode.
    public func laterRequest() -> () -> Bool {
        let alreadyRequested = isRequested
        return { !alreadyRequested && self.isRequested }
    }

    /// Routes SIGINT (Ctrl-C) and SIGTERM to ``process``; a second SIGINT exits at once with status 130. Both
    /// signals are unblocked too, since a program can inherit a mask that blocks them from whatever started it.
    public static func installSignalHandlers() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        signal(SIGINT) { _ in
            if StopRequest.process.requested.exchange(true, ordering: .relaxed) { _exit(130) }
        }
        signal(SIGTERM) { _ in
            StopRequest.process.request()
        }
    }
}
