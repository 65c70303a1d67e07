import Foundation
import Gym

/// The mountain car with a continuous throttle, with Gymnasium's `MountainCarContinuous-v0` dynamics.
///
/// ``MountainCar``'s hill, with a force the agent chooses in [−1, 1], a charge for every push and a bonus at the flag,
/// now at 0.45. Gymnasium keeps this environment's state in `float32` and mixes `float32` and `float64` arithmetic
/// through NumPy's promotion rules; the update here takes the same types step by step, so a trajectory from the same
/// state under the same actions matches `MountainCarContinuous-v0` number for number (tests replay trajectories
/// recorded from it).
///
/// ## Action Space
/// `Box(1)` of `Float` in [−1, 1]: the force, positive to the right. A value outside is clipped for the push (the
/// charge is for the value as given, as in Gymnasium); one that is not finite, or a wrong number of values, is
/// rejected.
///
/// ## Observation Space
/// `Box(2)` of `Float`: position in [−1.2, 0.6], velocity in [−0.07, 0.07]; the state itself.
///
/// ## Starting State
/// Position uniform in [−0.6, −0.4], velocity 0, as in Gymnasium; the position is rounded to `Float` at once, where
/// Gymnasium keeps it in `float64` until the first step. The random stream is this package's ``RandomGenerator``, so a
/// seed starts a different episode here than in Gymnasium.
///
/// ## Rewards
/// −0.1 · action² for every step, plus 100 for the step that reaches the flag.
///
/// ## Episode End
/// Terminated when the position reaches 0.45 with a velocity of at least ``goalVelocity``. The registry's
/// `mountaincar-continuous` adds Gymnasium's 999-step time limit (truncation); its reward threshold is 90.
///
/// ## Arguments
/// `goalVelocity` (option `goal_velocity`, default 0, Gymnasium's `goal_velocity`): the least velocity at the flag
/// that ends the episode. ``state`` can be read and set for replaying a known trajectory.
public struct MountainCarContinuous: ContinuousControlEnvironment {
    // MARK: - Constants (Gymnasium's MountainCarContinuous-v0)

    /// The smallest force; smaller actions push with this one.
    public static let minAction: Float = -1
    /// The largest force; larger actions push with this one.
    public static let maxAction: Float = 1
    /// The change of velocity per step and unit of force.
    public static let power = 0.0015
    /// The position of the flag.
    public static let goalPosition = 0.45
    /// The reward for reaching the flag.
    public static let goalReward = 100.0
    /// The charge per squared unit of action.
    public static let actionCost = 0.1
    /// The left end of the track (``MountainCar``'s, like the right end and the speed limit).
    public static var minPosition: Double { MountainCar.minPosition }
    /// The right end of the track.
    public static var maxPosition: Double { MountainCar.maxPosition }
    /// The largest speed in either direction.
    public static var maxSpeed: Double { MountainCar.maxSpeed }

    // MARK: - State

    /// The physical state, position and velocity, in `Float` as Gymnasium keeps it.
    public typealias State = MountainCar.CarState<Float>

    /// The current physical state; set it to replay a trajectory from a known start.
    public var state = State(position: -0.5, velocity: 0)
    /// The least velocity at the flag that ends the episode.
    public let goalVelocity: Double
    private var generator = RandomGenerator(seed: 0)

    /// Creates the environment; call ``reset(seed:)`` to draw a start state.
    public init(goalVelocity: Double = 0) {
        precondition(goalVelocity.isFinite, "MountainCarContinuous needs a finite goal velocity, got \(goalVelocity)")
        self.goalVelocity = goalVelocity
    }

    public var observationSpace: Box<Float> { MountainCar.stateSpace }

    public var actionSpace: Box<Float> { Box(low: Self.minAction, high: Self.maxAction, shape: [1]) }

    // MARK: - Dynamics

    public mutating func reset(seed: UInt64?) -> [Float] {
        if let seed { generator = RandomGenerator(seed: seed) }
        state = State(position: Float(MountainCar.startPosition(using: &generator)), velocity: 0)
        return state.observation
    }

    public mutating func step(_ action: [Float]) throws -> Step<[Float]> {
        try actionSpace.validate(action)
        state = Self.advance(state, action: action[0])
        // NumPy compares a float32 with a Python float in float32.
        let terminated = state.position >= Float(Self.goalPosition) && state.velocity >= Float(goalVelocity)
        let reward = (terminated ? Self.goalReward : 0) - pow(Double(action[0]), 2) * Self.actionCost
        return Step(observation: state.observation, reward: reward, terminated: terminated)
    }

    /// One step under the force `action`, with Gymnasium's types: the clipped force times ``power`` less gravity along
    /// the slope changes the velocity, which is clipped to ±``maxSpeed``; the position moves by it and is clipped to
    /// the track, and the car stops dead against the left end.
    ///
    /// NumPy's rules decide the types: a `float32` action inside the bounds stays `float32` and pulls the push into
    /// `float32`, while a clipped one becomes the `float64` bound and the push is computed in `float64`; a `float64`
    /// value meeting a `float32` one is rounded to `float32` first; the gravity term is `float64` throughout.
    public static func advance(_ state: State, action: Float) -> State {
        let gravity = MountainCar.gravity * cos(Double(3 * state.position))
        let change: Float = if action < minAction || action > maxAction {
            Float((action > maxAction ? Double(maxAction) : Double(minAction)) * power - gravity)
        } else {
            action * Float(power) - Float(gravity)
        }
        let speedLimit = Float(maxSpeed)
        let velocity = min(max(state.velocity + change, -speedLimit), speedLimit)
        let position = min(max(state.position + velocity, Float(minPosition)), Float(maxPosition))
        return State(position: position, velocity: position == Float(minPosition) && velocity < 0 ? 0 : velocity)
    }
}
