import Foundation
import Gym

/// The mountain-car problem (Moore, 1990; Sutton and Barto's book) with Gymnasium's `MountainCar-v0` dynamics.
///
/// A car sits in a valley between two hills, its engine too weak to climb the right one directly; the agent must rock
/// it back and forth to build momentum and reach the flag at the top. The constants, the update and the episode end
/// are Gymnasium's, computed in the same order, so a trajectory from the same state under the same actions matches
/// `MountainCar-v0` number for number (tests replay trajectories recorded from it). ``MountainCarContinuous`` is the
/// same hill with a continuous throttle.
///
/// ## Action Space
/// `Discrete(3)`: accelerate to the left (0), do not accelerate (1), accelerate to the right (2).
///
/// ## Observation Space
/// `Box(2)` of `Float`: position along the track in [−1.2, 0.6], velocity in [−0.07, 0.07]. The simulation runs in
/// `Double`, as Gymnasium's does; observations are rounded to `Float` like its `float32` arrays.
///
/// ## Starting State
/// Position uniform in [−0.6, −0.4], velocity 0. The distribution is Gymnasium's; the random stream is this
/// package's ``RandomGenerator``, so a seed starts a different episode here than in Gymnasium.
///
/// ## Rewards
/// −1 for every step, the last one included.
///
/// ## Episode End
/// Terminated when the position reaches 0.5 (the flag) with a velocity of at least ``goalVelocity``. The registry's
/// `mountaincar` adds Gymnasium's 200-step time limit (truncation); its reward threshold is −110.
///
/// ## Arguments
/// `goalVelocity` (option `goal_velocity`, default 0, Gymnasium's `goal_velocity`): the least velocity at the flag
/// that ends the episode. ``state`` can be read and set for replaying a known trajectory.
public struct MountainCar: FloatVectorEnvironment {
    // MARK: - Constants (Gymnasium's MountainCar-v0)

    /// The left end of the track, where the car stops dead.
    public static let minPosition = -1.2
    /// The right end of the track.
    public static let maxPosition = 0.6
    /// The largest speed in either direction.
    public static let maxSpeed = 0.07
    /// The position of the flag.
    public static let goalPosition = 0.5
    /// The engine's change of velocity per step at full throttle.
    public static let force = 0.001
    /// The scale of gravity's change of velocity per step along the slope.
    public static let gravity = 0.0025

    /// The height of the track at `position`: sin(3x) · 0.45 + 0.55, the hill the car rides (and the frame draws).
    public static func height(_ position: Double) -> Double {
        sin(3 * position) * 0.45 + 0.55
    }

    // MARK: - State

    /// A car's physical state, position and velocity, in `Scalar`: `Double` here, `Float` in
    /// ``MountainCarContinuous``, as Gymnasium keeps them.
    public struct CarState<Scalar: BinaryFloatingPoint & Sendable>: Equatable, Sendable {
        /// Position along the track.
        public var position: Scalar
        /// Velocity, positive to the right.
        public var velocity: Scalar

        /// Creates a state from its two variables.
        public init(position: Scalar, velocity: Scalar) {
            self.position = position
            self.velocity = velocity
        }

        /// The observation Gymnasium returns for this state (`float32`).
        public var observation: [Float] { [Float(position), Float(velocity)] }
    }

    /// The physical state, in `Double` as Gymnasium computes it.
    public typealias State = CarState<Double>

    /// The current physical state; set it to replay a trajectory from a known start.
    public var state = State(position: -0.5, velocity: 0)
    /// The least velocity at the flag that ends the episode.
    public let goalVelocity: Double
    private var generator = RandomGenerator(seed: 0)

    /// Creates the environment; call ``reset(seed:)`` to draw a start state.
    public init(goalVelocity: Double = 0) {
        precondition(goalVelocity.isFinite, "MountainCar needs a finite goal velocity, got \(goalVelocity)")
        self.goalVelocity = goalVelocity
    }

    /// The track's positions and speeds as `float32` bounds (Gymnasium's observation space, also
    /// ``MountainCarContinuous``'s).
    static var stateSpace: Box<Float> {
        Box(low: [Float(minPosition), Float(-maxSpeed)], high: [Float(maxPosition), Float(maxSpeed)], shape: [2])
    }

    public var observationSpace: Box<Float> { Self.stateSpace }

    public var actionSpace: Discrete { Discrete(3) }

    // MARK: - Dynamics

    public mutating func reset(seed: UInt64?) -> [Float] {
        if let seed { generator = RandomGenerator(seed: seed) }
        state = State(position: Self.startPosition(using: &generator), velocity: 0)
        return state.observation
    }

    /// A start position, uniform in [−0.6, −0.4] (Gymnasium's, for both mountain cars).
    static func startPosition(using generator: inout RandomGenerator) -> Double {
        Double.sample(low: -0.6, high: -0.4, using: &generator)
    }

    public mutating func step(_ action: Int) throws -> Step<[Float]> {
        guard actionSpace.contains(action) else { throw GymError.invalidAction(action, space: actionSpace) }
        state = Self.advance(state, action: action)
        let terminated = state.position >= Self.goalPosition && state.velocity >= goalVelocity
        return Step(observation: state.observation, reward: -1, terminated: terminated)
    }

    /// One step under `action`, in Gymnasium's order of operations: the velocity changes by the push and gravity
    /// along the slope and is clipped to ±``maxSpeed``, the position moves by it and is clipped to the track, and the
    /// car stops dead against the left end.
    public static func advance(_ state: State, action: Int) -> State {
        var velocity = state.velocity + (Double(action - 1) * force + cos(3 * state.position) * -gravity)
        velocity = min(max(velocity, -maxSpeed), maxSpeed)
        let position = min(max(state.position + velocity, minPosition), maxPosition)
        if position == minPosition && velocity < 0 { velocity = 0 }
        return State(position: position, velocity: velocity)
    }
}
