/// Pause, single step, speed and fast-forward: the state the viewer's keys change.
///
/// Speed is a power-of-two multiple of the target frame rate, from 1/16 to 64 times; fast-forward runs without
/// drawing or waiting until `f` is pressed again.
public struct PlaybackControls: Equatable, Sendable {
    /// The slowest and fastest speed exponents (speed is 2^exponent).
    static let exponents = -4...6
    /// Whether playback waits for Space or `.`.
    public private(set) var isPaused = false
    /// Whether steps run without drawing or pacing.
    public private(set) var isFastForward = false
    /// Whether `q`, Escape or closing the window asked to stop.
    public private(set) var quitRequested = false
    /// log2 of the speed.
    public private(set) var speedExponent = 0
    /// Steps allowed while paused, one per `.`.
    private var pendingSteps = 0

    /// Controls at normal speed, running.
    public init() {}

    /// The speed multiplier of the target frame rate.
    public var speed: Double { Double(sign: .plus, exponent: speedExponent, significand: 1) }

    /// Applies a key press (keys without a playback meaning are ignored).
    public mutating func press(_ key: Key) {
        switch key {
        case .space:
            isPaused.toggle()
            pendingSteps = 0
        case .period where isPaused:
            pendingSteps += 1
        case .plus:
            speedExponent = min(speedExponent + 1, Self.exponents.upperBound)
        case .minus:
            speedExponent = max(speedExponent - 1, Self.exponents.lowerBound)
        case .fastForward:
            isFastForward.toggle()
        case .quit:
            quitRequested = true
        case .period, .left, .right, .up, .down:
            break
        }
    }

    /// Records that the window was closed.
    public mutating func requestQuit() {
        quitRequested = true
    }

    /// Whether the next step may run now; while paused this uses up one `.` press.
    public mutating func mayStep() -> Bool {
        guard isPaused, !quitRequested else { return true }
        guard pendingSteps > 0 else { return false }
        pendingSteps -= 1
        return true
    }

    /// Seconds to show each frame for at `framesPerSecond` times the speed (0 when fast-forwarding).
    public func frameDuration(framesPerSecond: Double) -> Double {
        isFastForward ? 0 : 1 / (framesPerSecond * speed)
    }

    /// The HUD's playback word: `PAUSED`, `FAST-FORWARD`, `SPEED 4×`, or `nil` at normal speed.
    public var label: String? {
        if isPaused { return "PAUSED (SPACE, .)" }
        if isFastForward { return "FAST-FORWARD (F)" }
        guard speedExponent != 0 else { return nil }
        return speedExponent > 0 ? "SPEED \(1 << speedExponent)×" : "SPEED 1/\(1 << -speedExponent)×"
    }
}
