import Foundation
import Gym

/// A window that shows frames at a target rate and obeys the playback keys: Space pauses and resumes, `.` steps
/// once while paused, `+`/`-` double or halve the speed, `f` fast-forwards without drawing, and `q`, Escape or the
/// close button quit.
public final class LiveView {
    /// The window.
    public let window: Window
    /// The playback state the keys set.
    public private(set) var controls = PlaybackControls()
    /// The target frame rate at speed 1 (`.infinity` for as fast as possible).
    public var framesPerSecond: Double
    /// The arrow and space keys held down now (for human play).
    public private(set) var heldKeys: Set<Key> = []
    /// Keys pressed since the last ``takePressedKeys()`` (for turn-based human play).
    private var pressedKeys: [Key] = []
    private let clock = ContinuousClock()
    private var deadline: ContinuousClock.Instant
    private var lastEventPoll: ContinuousClock.Instant
    /// Whether Space and `.` only drive the game (human play), not pausing.
    private let keysDriveTheGame: Bool

    /// Opens a window for frames of `width` x `height` pixels.
    ///
    /// With `keysDriveTheGame` (human play) Space and the arrows only reach ``heldKeys`` and ``takePressedKeys()``;
    /// pausing is then left to `f`, `+`, `-` and `q`.
    public init(title: String, width: Int, height: Int, framesPerSecond: Double, library: SDLLibrary,
                keysDriveTheGame: Bool = false) throws {
        window = try Window(title: title, width: width, height: height, library: library)
        self.framesPerSecond = framesPerSecond
        self.keysDriveTheGame = keysDriveTheGame
        deadline = clock.now
        lastEventPoll = clock.now
    }

    /// Whether `q`, Escape or the close button asked to stop.
    public var quitRequested: Bool { controls.quitRequested }

    /// Whether ``show(_:)`` would draw now (not fast-forwarding, not quit): callers skip building frames otherwise.
    public var isDrawing: Bool { !controls.isFastForward && !controls.quitRequested }

    /// Shows the frame `makeFrame` builds, waits out the frame time, and while paused keeps the window alive until
    /// `.`, Space or quit; `makeFrame` is called again whenever the playback state changes, so the HUD can follow.
    ///
    /// While fast-forwarding nothing is drawn and events are read at most 20 times a second.
    public func show(_ makeFrame: () -> Frame) throws {
        guard isDrawing else {
            keepAlive()
            return
        }
        var shownState = controls
        try window.present(makeFrame())
        wait()
        while !controls.mayStep() {
            handleEvents()
            if controls != shownState, isDrawing {
                shownState = controls
                try window.present(makeFrame())
            }
            if !isDrawing { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// Reads events at most 20 times a second while nothing is drawn, so the window stays responsive (and `f` or
    /// `q` still work) during fast-forward and episodes that are not shown.
    public func keepAlive() {
        if clock.now - lastEventPoll >= .milliseconds(50) { handleEvents() }
    }

    /// Reads pending events (keys, close) without drawing.
    public func handleEvents() {
        lastEventPoll = clock.now
        for event in window.pollEvents() {
            switch event {
            case .closed:
                controls.requestQuit()
            case let .keyDown(key, isRepeat):
                let isGameKey = keysDriveTheGame && [.space, .period, .left, .right, .up, .down].contains(key)
                if isGameKey {
                    heldKeys.insert(key)
                    if !isRepeat { pressedKeys.append(key) }
                } else if !isRepeat || key == .period || key == .plus || key == .minus {
                    controls.press(key)
                }
            case let .keyUp(key):
                heldKeys.remove(key)
            }
        }
    }

    /// The game keys pressed since the last call, in order.
    public func takePressedKeys() -> [Key] {
        defer { pressedKeys.removeAll() }
        return pressedKeys
    }

    /// Closes the window.
    public func close() {
        window.close()
    }

    /// Sleeps until the current frame's time is up, reading events meanwhile; never builds up a backlog.
    private func wait() {
        let duration = controls.frameDuration(framesPerSecond: framesPerSecond)
        guard duration > 0, duration.isFinite else {
            handleEvents()
            deadline = clock.now
            return
        }
        // A frame that took longer than its time ends at once rather than making the next ones hurry.
        deadline = max(deadline + .seconds(duration), clock.now)
        repeat {
            handleEvents()
            let remaining = deadline - clock.now
            if remaining <= .zero { break }
            let components = remaining.components
            Thread.sleep(forTimeInterval: min(0.01, Double(components.seconds) + Double(components.attoseconds) / 1e18))
        } while !controls.quitRequested
    }
}
